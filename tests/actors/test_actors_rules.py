"""Resolution rules on short texts: titles, possessives, coordination, plurals, pronouns."""

from __future__ import annotations

import datetime as dt

import pytest

DATE = dt.date(2021, 5, 26)


def _codes(resolver, text, needle, *, date=DATE):
    mentions = resolver.resolve_text(text, date=date)
    start = text.index(needle)
    end = start + len(needle)
    return sorted(
        m.actor.code for m in mentions if m.actor and m.start < end and start < m.end
    )


@pytest.mark.parametrize(
    ("text", "needle", "codes"),
    [
        pytest.param(
            "Russia's Security Council secretary met reporters.",
            "Russia's Security Council secretary",
            ["RUSGOV"],
            id="X's role",
        ),
        pytest.param(
            "The foreign minister of China arrived.",
            "foreign minister of China",
            ["CHNGOV"],
            id="role of X",
        ),
        pytest.param(
            "A senior Chinese diplomat arrived.",
            "senior Chinese diplomat",
            ["CHNGOV"],
            id="senior Chinese diplomat",
        ),
        pytest.param(
            "Chinese President Xi Jinping spoke.",
            "Chinese President Xi Jinping",
            ["CHNGOV"],
            id="nationality title name",
        ),
        pytest.param(
            "Russian Security Council Secretary Nikolai Patrushev spoke.",
            "Russian Security Council Secretary Nikolai Patrushev",
            ["RUSGOV"],
            id="one mention for a long title",
        ),
        pytest.param(
            "Beijing and Moscow refused the demand.",
            "Beijing and Moscow",
            ["CHN", "RUS"],
            id="Beijing and Moscow",
        ),
        pytest.param(
            "China and Russia refused the demand.",
            "China and Russia",
            ["CHN", "RUS"],
            id="China and Russia",
        ),
        pytest.param(
            "The US, the U.S. and the United States are one.",
            "The US, the U.S. and the United States",
            ["USA", "USA", "USA"],
            id="US spellings",
        ),
        pytest.param("America will respond.", "America", ["USA"], id="America"),
        pytest.param("The Kremlin said no.", "Kremlin", ["RUSGOV"], id="the Kremlin"),
        pytest.param(
            "The White House said no.", "White House", ["USAGOV"], id="the White House"
        ),
        pytest.param(
            "Zhongnanhai said no.", "Zhongnanhai", ["CHNGOV"], id="Zhongnanhai"
        ),
        pytest.param(
            "Downing Street said no.", "Downing Street", ["GBRGOV"], id="Downing Street"
        ),
        pytest.param(
            "The Pentagon said no.", "Pentagon", ["USAMIL"], id="the Pentagon -> USAMIL"
        ),
        pytest.param(
            "Foggy Bottom said no.",
            "Foggy Bottom",
            ["USAGOV"],
            id="Foggy Bottom -> USAGOV",
        ),
        pytest.param("The Elysee said no.", "Elysee", ["FRAGOV"], id="the Elysee"),
        pytest.param(
            "Western officials said no.",
            "Western officials",
            ["WSTGOV"],
            id="Western officials",
        ),
        pytest.param(
            "NATO and the EU met the UN and the WHO.", "NATO", ["IGONATO"], id="NATO"
        ),
        pytest.param(
            "Chinese state media said so.",
            "Chinese state media",
            ["CHNMED"],
            id="state media",
        ),
        pytest.param("Xinhua said so.", "Xinhua", ["CHNMED"], id="Xinhua"),
        pytest.param(
            "Brookings published a report.", "Brookings", ["USANGO"], id="think tank"
        ),
        pytest.param(
            "The talks were praised by Germany.",
            "Germany",
            ["DEU"],
            id="by-agent of a passive",
        ),
        pytest.param(
            "Former Chinese diplomats criticised it.",
            "Former Chinese diplomats",
            ["CHNELI"],
            id="former -> ELI",
        ),
        pytest.param(
            "The standoff between Ukraine and pro-Russian militants went on.",
            "Ukraine",
            ["UKR"],
            id="coordination without shared role",
        ),
        pytest.param(
            "U.S. and South Korean officials warned Pyongyang.",
            "U.S.",
            ["USAGOV"],
            id="shared role in coordination",
        ),
        pytest.param(
            "The US has continued to withdraw from international organizations.",
            "international organizations",
            ["IGO"],
            id="generic IGO",
        ),
        pytest.param(
            "Rebels in the Ivory Coast blocked roads.",
            "Rebels in the Ivory Coast",
            ["CIVREB"],
            id="group located in a country",
        ),
        pytest.param(
            "Iranian workers staged a strike against the government.",
            "the government",
            ["IRNGOV"],
            id="the government of the document's country",
        ),
        pytest.param(
            "MOSCOW (Reuters) - The government said Ukraine and Poland had met.",
            "The government",
            ["RUSGOV"],
            id="the government of the dateline's country",
        ),
        pytest.param(
            "The Ivory Coast's Supreme Court ruled.",
            "Ivory Coast's Supreme Court",
            ["CIVJUD"],
            id="a generic state body belongs to the country before it",
        ),
        pytest.param(
            "The European Community lifted the embargo.",
            "European Community",
            ["IGOEU"],
            id="historical name of the EU",
        ),
        pytest.param(
            "Yugoslavia lifted the curfew.",
            "Yugoslavia",
            ["SRB"],
            id="historical country name -> successor state",
        ),
        pytest.param(
            "Arab League Secretary General Chadli Klibi arrived.",
            "Chadli Klibi",
            ["IGOARL"],
            id="IGO title with an unknown name",
        ),
    ],
)
def test_actors_rules(resolver, text, needle, codes):
    assert _codes(resolver, text, needle) == codes


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        pytest.param("Doctors who treated them said so.", "who", id="who is not WHO"),
        pytest.param("Join us tomorrow.", "us", id="us is not US"),
        pytest.param("In May, the ministers met.", "May", id="May the month"),
        pytest.param(
            "Denzel Washington starred in the film.",
            "Denzel Washington",
            id="a person named Washington",
        ),
        pytest.param(
            "We had an official visit.", "official", id="official as an adjective"
        ),
        pytest.param(
            "Germany will give aid once a democratic government takes over.",
            "government",
            id="an indefinite government is nobody's",
        ),
        pytest.param(
            "The ambassador in Moscow met reporters.",
            "ambassador",
            id="a diplomat in a capital is not its country's",
        ),
    ],
)
def test_actors_not_actors(resolver, text, needle):
    assert _codes(resolver, text, needle) == []


def test_actors_pronoun_follows_subject(resolver):
    text = "Senior Chinese diplomat Yang Jiechi met Russian Security Council Secretary Nikolai Patrushev. Later, he spoke with President Putin."
    mentions = resolver.resolve_text(text, date=DATE)
    he = [m for m in mentions if m.text == "he"]
    assert he and he[0].actor.name == "Yang Jiechi"


def test_actors_plural_both_nations(resolver):
    text = "China and Russia signed a treaty. Both nations praised it."
    assert _codes(resolver, text, "Both nations") == ["CHN", "RUS"]


def test_actors_they_needs_a_subject_pair(resolver):
    text = (
        "The talks turned China and Russia against each other. They blamed the weather."
    )
    assert _codes(resolver, text, "They") == []


def test_actors_unknown_person_kept_unresolved(resolver):
    text = "Isaac Stone Fish of the German Marshall Fund wrote a piece."
    mentions = resolver.resolve_text(text, date=DATE)
    fish = [m for m in mentions if "Isaac" in m.text]
    assert fish and fish[0].actor is None and fish[0].label == "PERSON"


def test_actors_unknown_org_gets_country_guess(resolver):
    text = "The Russian Academy of Hydrodynamics said so."
    mentions = resolver.resolve_text(text, date=DATE)
    academy = [m for m in mentions if "Academy" in m.text]
    assert academy and academy[0].actor is None and academy[0].country_guess == "RUS"


def test_actors_unresolved_report(resolver):
    from detente.actors import unresolved_report

    mentions = resolver.resolve_text(
        "John Smithers said no. Later John Smithers said it again. Jane Zork agreed.",
        date=DATE,
    )
    report = unresolved_report(mentions, top=5)
    assert report[0][0] == "John Smithers" and report[0][2] == 2


def test_actors_mention_fields(resolver):
    text = "Chinese President Xi Jinping met Putin."
    mention = resolver.resolve_text(text, date=DATE)[0]
    assert text[mention.start : mention.end] == mention.text
    assert mention.token_start < mention.token_end
    assert mention.sentence_index == 0
    assert mention.head >= 0
    assert mention.rule
