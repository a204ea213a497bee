"""The city gazetteer: a city the NER labels a place stands for its country."""

from __future__ import annotations

import pytest

from detente.actors import ActorDictionary, ActorResolver
from detente.errors import DataFileError
from detente.models import Article


def _mention(resolver, text, needle):
    mentions = resolver.resolve_text(text)
    found = [m for m in mentions if m.text == needle]
    assert found, f"no mention {needle!r} in {[m.text for m in mentions]}"
    return found[0]


def _resolve_with_ents(resolver, nlp, text, ents):
    """Resolve ``text`` with the entities set by hand: (needle, label) pairs."""
    doc = nlp(text)
    spans = []
    for needle, label in ents:
        start = text.index(needle)
        spans.append(doc.char_span(start, start + len(needle), label=label))
    doc.ents = spans
    article = Article(doc_id="t", text=text)
    article.doc = doc
    return resolver(article).actor_mentions


@pytest.mark.parametrize(
    ("text", "needle", "code", "rule"),
    [
        pytest.param(
            "Barack Obama and Vladimir Putin will meet in Zurich.",
            "Zurich",
            "CHE",
            "gazetteer:city",
            id="Zurich",
        ),
        pytest.param(
            "The delegation arrived in Aleppo on Monday.",
            "Aleppo",
            "SYR",
            "gazetteer:city",
            id="Aleppo",
        ),
        pytest.param(
            "The convoy reached Mosul on Sunday.",
            "Mosul",
            "IRQ",
            "gazetteer:city",
            id="Mosul",
        ),
        pytest.param(
            "A summit in Rio de Janeiro ended.",
            "Rio de Janeiro",
            "BRA",
            "gazetteer:city",
            id="multi-word Rio de Janeiro",
        ),
        pytest.param(
            "Fighting continued in Ho Chi Minh City.",
            "Ho Chi Minh City",
            "VNM",
            "gazetteer:city",
            id="a city named after a person",
        ),
        pytest.param(
            "The envoy flew to Tel Aviv.",
            "Tel Aviv",
            "ISR",
            "dictionary:name",
            id="Tel Aviv (already a seat of government)",
        ),
    ],
)
def test_actors_city_resolves_to_its_country(resolver, text, needle, code, rule):
    mention = _mention(resolver, text, needle)
    assert mention.actor is not None
    assert (mention.actor.code, mention.rule) == (code, rule)


def test_actors_city_with_a_title_gives_the_country_role(resolver):
    mention = _mention(
        resolver, "Police in Deir ez-Zor arrested two men.", "Police in Deir ez-Zor"
    )
    assert mention.actor is not None and mention.actor.code == "SYRCOP"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        pytest.param(
            "Victoria Beckham launched a fashion line.",
            "Victoria Beckham",
            id="Victoria Beckham",
        ),
        pytest.param(
            "Paris Hilton arrived in Geneva.", "Paris Hilton", id="Paris Hilton"
        ),
    ],
)
def test_actors_person_named_like_a_city_is_no_city(resolver, text, needle):
    assert _mention(resolver, text, needle).actor is None


@pytest.mark.parametrize(
    ("label", "code"),
    [
        pytest.param("GPE", "CHE", id="GPE"),
        pytest.param("LOC", "CHE", id="LOC"),
        pytest.param("FAC", "CHE", id="FAC"),
        pytest.param("PERSON", None, id="PERSON"),
        pytest.param("ORG", None, id="ORG"),
    ],
)
def test_actors_city_only_for_place_labels(resolver, nlp, label, code):
    mentions = _resolve_with_ents(
        resolver, nlp, "Geneva spoke on Monday.", [("Geneva", label)]
    )
    codes = [m.actor.code if m.actor else None for m in mentions if m.text == "Geneva"]
    assert codes == ([code] if code else [None])


def test_actors_city_needs_an_entity(resolver, nlp):
    assert _resolve_with_ents(resolver, nlp, "Geneva spoke on Monday.", []) == []


def test_actors_lowercase_word_is_no_city(resolver, nlp):
    mentions = _resolve_with_ents(
        resolver, nlp, "They met in geneva on Monday.", [("geneva", "GPE")]
    )
    assert all(m.actor is None for m in mentions)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("Reading", id="English word"),
        pytest.param("Mobile", id="English word 2"),
        pytest.param("Jackson", id="common surname"),
        pytest.param("Victoria", id="first name and province"),
        pytest.param("Hyderabad", id="two countries' cities of comparable size"),
    ],
)
def test_actors_ambiguous_city_names_are_left_out(name):
    assert ActorDictionary.load().gazetteer.get(name) is None


def test_actors_gazetteer_is_no_dictionary_name():
    dictionary = ActorDictionary.load()
    city = dictionary.gazetteer.get("Zürich")
    assert city is not None and city.code == "CHE"
    assert dictionary.gazetteer.get("zurich") is city
    assert dictionary.lookup("Zurich") == []
    assert dictionary.stats()["city_names"] >= 5000


def test_actors_user_city_file_extends_the_gazetteer(tmp_path, nlp):
    user = tmp_path / "cities_mine.tsv"
    user.write_text(
        "# my cities\nname\taliases\tcode\nZzyzx\tZyzzyx\tUSA\nGeneva\t\tUSA\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(actor_files=[user], nlp=nlp)
    mentions = _resolve_with_ents(
        resolver,
        nlp,
        "Delegates met in Zzyzx and Geneva on Monday.",
        [("Zzyzx", "GPE"), ("Geneva", "GPE")],
    )
    codes = {m.text: (m.actor.code, m.rule) for m in mentions if m.actor}
    assert codes["Zzyzx"][0] == "USA"
    assert codes["Geneva"][0] == "USA"  # the user's row replaces the bundled one
    assert resolver.dictionary.gazetteer.get("Zyzzyx") is not None


def test_actors_user_city_file_with_unknown_country(tmp_path):
    user = tmp_path / "cities_bad.tsv"
    user.write_text("name\tcode\nZzyzx\tQQQ\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="no country") as error:
        ActorDictionary.load(user_files=[user])
    assert str(error.value.path).endswith("cities_bad.tsv")
    assert error.value.line == 2


def test_actors_user_city_file_with_bad_code(tmp_path):
    user = tmp_path / "cities_bad.tsv"
    user.write_text("name\tcode\nZzyzx\tUnited States\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="three-letter") as error:
        ActorDictionary.load(user_files=[user])
    assert error.value.line == 2
