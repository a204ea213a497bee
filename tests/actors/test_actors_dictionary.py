"""The actor knowledge base: contents, user files, errors."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.actors import ActorDictionary, ActorResolver
from detente.errors import DataFileError


@pytest.fixture(scope="module")
def dictionary():
    return ActorDictionary.load()


def test_actors_dictionary_sizes(dictionary):
    stats = dictionary.stats()
    assert stats["country"] + stats["territory"] >= 240
    assert stats["igo"] >= 40
    assert stats["people_with_dated_roles"] >= 400
    assert stats["media"] >= 30
    assert stats["state_affiliated_media"] >= 10


@pytest.mark.parametrize(
    ("name", "code", "country"),
    [
        pytest.param("World Health Organization", "IGOWHO", "IGO", id="WHO"),
        pytest.param("UN Security Council", "IGOUNSC", "IGO", id="UNSC"),
        pytest.param("Shanghai Cooperation Organization", "IGOSCO", "IGO", id="SCO"),
        pytest.param("AUKUS", "IGOAUKUS", "IGO", id="AUKUS"),
        pytest.param("the West", "WST", "WST", id="the West"),
        pytest.param("Global Times", "CHNMED", "CHN", id="Global Times"),
        pytest.param("TASS", "RUSMED", "RUS", id="TASS"),
        pytest.param(
            "German Marshall Fund", "USANGO", "USA", id="German Marshall Fund"
        ),
        pytest.param("Chatham House", "GBRNGO", "GBR", id="Chatham House"),
        pytest.param("Erdoğan", "TURGOV", "TUR", id="diacritics"),
        pytest.param("Erdogan", "TURGOV", "TUR", id="folded diacritics"),
    ],
)
def test_actors_dictionary_lookup(dictionary, name, code, country):
    best = dictionary.lookup(name, date=dt.date(2021, 5, 26))[0]
    assert (best.code, best.country) == (code, country)


def test_actors_lookup_unknown_name(dictionary):
    assert dictionary.lookup("Zzyzx Qwerty") == []


def test_actors_user_yaml_extends(tmp_path, nlp):
    user = tmp_path / "my.yaml"
    user.write_text(
        "entries:\n"
        "- id: person:jane-roe\n"
        "  name: Jane Roe\n"
        "  country: FRA\n"
        "  kind: person\n"
        "  aliases: [Roe]\n"
        "  roles:\n"
        "  - {code: FRAGOV, role_label: foreign minister, start: 2019-01-01, end: 2023-06-30}\n"
        "- id: country:RUS\n"
        "  code: RUS\n"
        "  aliases: [Rossiya]\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(actor_files=[user], nlp=nlp)
    assert resolver.lookup("Jane Roe", date=dt.date(2020, 1, 1))[0].code == "FRAGOV"
    assert resolver.lookup("Jane Roe", date=dt.date(2024, 1, 1))[0].code == "FRAELI"
    mentions = resolver.resolve_text(
        "Rossiya and Jane Roe agreed.", date=dt.date(2020, 1, 1)
    )
    assert [m.actor.code for m in mentions] == ["RUS", "FRAGOV"]


def test_actors_user_tsv_roles(tmp_path, nlp):
    roles = tmp_path / "roles_mine.tsv"
    roles.write_text(
        "phrase\trole\trole_label\nhelmsman\tGOV\tleader\n", encoding="utf-8"
    )
    resolver = ActorResolver(actor_files=[roles], nlp=nlp)
    mentions = resolver.resolve_text(
        "The Chinese helmsman spoke.", date=dt.date(2020, 1, 1)
    )
    assert mentions[0].actor.code == "CHNGOV"


def test_actors_missing_user_file(tmp_path):
    with pytest.raises(DataFileError, match="not found"):
        ActorDictionary.load(user_files=[tmp_path / "nope.yaml"])


def test_actors_bad_code_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tcode\tname\nx:1\tnot a code\tX\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        ActorDictionary.load(user_files=[bad])
    assert "bad.tsv:2" in str(info.value)


def test_actors_bad_date_names_fix(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tcode\tname\tstart\nx:1\tFRAGOV\tX\t5 May\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="YYYY-MM-DD"):
        ActorDictionary.load(user_files=[bad])


def test_actors_stage_contract():
    from detente.registry import stages

    factory = stages.get("detente.actors.v1")
    assert factory is not None
    assert ActorResolver.name == "actors"
    assert ActorResolver.requires == ("doc",)
    assert ActorResolver.assigns == ("actor_mentions",)


def test_actors_stage_needs_parse():
    from detente.errors import PipelineError
    from detente.models import Article

    resolver = ActorResolver()
    with pytest.raises(PipelineError, match="nlp"):
        resolver(Article(doc_id="x", text="China spoke."))
