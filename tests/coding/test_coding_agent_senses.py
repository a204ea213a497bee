"""Agent senses: what the doer or the means is decides the code; and two
governing verbs ("pressured X to" is a demand, "agreed that" an accord).

"Russian troops withdrew from Georgia" is a military withdrawal (0874), while
"Russia withdrew from the treaty" cuts relations (161); "a car bomb killed
two police officers" is a car bombing (1832), and the agentless "were killed in
Turkish shelling" names Turkey as the doer. Sentences are our own.
"""

from __future__ import annotations

import pytest

from detente._coding_internals.lexicon import load_agent_senses
from detente.api import code_text

from .conftest import country_triples

_events = country_triples


def _coded_as(found, source: str, target: str, code_prefix: str) -> bool:
    """Whether an event source -> target has a code starting with the prefix."""
    return any(
        (s, t) == (source, target) and code.startswith(code_prefix)
        for s, t, code in found
    )


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        pytest.param(
            "Russian troops withdrew from the disputed villages in Georgia.",
            ("RUS", "GEO", "0874"),
            id="troops as doer of withdraw",
        ),
        pytest.param(
            "Hundreds of French soldiers pulled out of Mali on Tuesday.",
            ("FRA", "MLI", "0874"),
            id="a quantity of soldiers is looked through",
        ),
        pytest.param(
            "Kenya began the withdrawal of its soldiers from Somalia.",
            ("KEN", "SOM", "0874"),
            id="event noun: withdrawal of soldiers",
        ),
        pytest.param(
            "Brazilian peacekeeping troops arrived in Haiti on Monday.",
            ("BRA", "HTI", "074"),
            id="peacekeepers arriving deploy peacekeeping",
        ),
        pytest.param(
            "Two suicide bombers killed nine Pakistani policemen in Quetta.",
            ("", "PAK", "1831"),
            id="suicide bombers as doers",
        ),
    ],
)
def test_doer_refines_the_code(text, triple):
    found = _events(text)
    assert any(
        (s == triple[0] or not triple[0]) and t == triple[1] and code == triple[2]
        for s, t, code in found
    ), found


def test_a_country_withdrawing_from_a_treaty_still_cuts_relations():
    found = _events("Russia withdrew from the arms control treaty with Norway.")
    assert not any(code == "0874" for *_, code in found), found


@pytest.mark.parametrize(
    ("text", "source", "target", "code"),
    [
        pytest.param(
            "Six Syrian soldiers were killed in Turkish shelling near Afrin.",
            "TUR",
            "SYR",
            "194",
            id="agentless passive: the actor named in the means is the doer",
        ),
        pytest.param(
            "Four Afghan policemen were killed in a roadside bombing near Kandahar.",
            "",
            "AFG",
            "1833",
            id="agentless passive: an unnamed bomber, the place is no doer",
        ),
        pytest.param(
            "Eleven Somali civilians were killed by a car bomb in Mogadishu.",
            "",
            "SOM",
            "1832",
            id="agentless passive with a by-phrase means",
        ),
    ],
)
def test_means_of_an_agentless_passive_names_the_doer(text, source, target, code):
    events = [e for e in code_text(text) if not e.negated]
    assert any(
        e.source_country == source
        and e.target_country == target
        and e.cameo_code == code
        for e in events
    ), [(e.source_actor, e.target_actor, e.cameo_code) for e in events]


def test_agentless_passive_without_means_codes_nothing():
    assert _events("Four Afghan policemen were killed near Kandahar.") == set()


def test_agent_sense_rows_refine_codes_by_prefix():
    senses = load_agent_senses()
    withdraw = next(s for s in senses if s.code == "0874")
    assert withdraw.refines("161")
    assert not withdraw.refines("042")
    assert all(not s.means for s in senses if s.code in {"0874", "074"})


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        pytest.param(
            "Beijing has been pressuring Hanoi to abandon its oil survey.",
            ("CHN", "VNM", "10"),
            id="pressure X to do: a demand",
        ),
        pytest.param(
            "Spain and Portugal agreed that the border talks should resume.",
            ("ESP", "PRT", "019"),
            id="agree that: accord between coordinated subjects",
        ),
        pytest.param(
            "Italy and Greece agreed that Turkey must stop the drilling.",
            ("ITA", "TUR", "10"),
            id="agree that X must: the agreed clause is still reported",
        ),
    ],
)
def test_governing_verbs_of_pressure_and_accord(text, triple):
    found = _events(text)
    assert _coded_as(found, *triple), found


def test_easing_pressure_is_no_coercion():
    found = _events("China eased its pressure on Taiwan.")
    assert ("CHN", "TWN", "081") in found, found
    assert not any(code.startswith("17") for *_, code in found), found


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        pytest.param(
            "Ecuador and Colombia reached a consensus to exchange prisoners.",
            ("ECU", "COL", "03"),
            id="an undertaking noun governs its infinitive: intent",
        ),
        pytest.param(
            "Moscow repeated its threat to cut gas supplies to Moldova.",
            ("RUS", "MDA", "13"),
            id="a threat noun governs its infinitive: threat",
        ),
        pytest.param(
            "Kenya and Uganda have agreed upon a new customs pact.",
            ("KEN", "UGA", "03"),
            id="agree upon: as agree on",
        ),
    ],
)
def test_undertakings_are_intents_not_acts(text, triple):
    found = _events(text)
    assert _coded_as(found, *triple), found


def test_a_signed_agreement_to_act_stays_a_signing():
    found = _events("Iran and Iraq signed an agreement to build a pipeline.")
    assert ("IRN", "IRQ", "057") in found, found


def test_cancelled_plans_are_no_intent():
    found = _events("Peru demanded that Chile cancel plans to sell jets to Bolivia.")
    assert not any(s == "CHL" and code.startswith("03") for s, _, code in found), found


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        pytest.param(
            "Spain said it was confident that Morocco would reopen the border.",
            ("ESP", "MAR", "013"),
            id="confident that: an optimistic comment on the clause's actor",
        ),
        pytest.param(
            "Finland is worried that Russia will close the border crossings.",
            ("FIN", "RUS", "012"),
            id="worried that (participle): a pessimistic comment",
        ),
    ],
)
def test_opinion_adjectives_comment_on_the_clause_actor(text, triple):
    found = _events(text)
    assert triple in found, found
    assert not any(code.startswith("08") for *_, code in found), found


def test_concern_as_a_plain_verb_is_no_opinion():
    found = _events("The border dispute concerns Finland and Russia.")
    assert not any(code == "012" for *_, code in found), found


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        pytest.param(
            "Croatian units were engaged in ethnic cleansing against the Serb population.",
            ("HRV", "SRB", "203"),
            id="stative 'were engaged in' an event noun: the subject does it",
        ),
        pytest.param(
            "Greece participated in the naval blockade of Libya.",
            ("GRC", "LBY", "191"),
            id="participate in an event noun",
        ),
    ],
)
def test_taking_part_in_an_event_noun_is_the_event(text, triple):
    assert triple in _events(text), _events(text)


@pytest.mark.parametrize(
    ("text", "source", "target", "root"),
    [
        pytest.param(
            "Chile issued a statement condemning the Peruvian tariffs on copper.",
            "CHL",
            "PER",
            "11",
            id="a statement condemning: the statement's issuer condemns",
        ),
        pytest.param(
            "Norway said in a statement urging Sweden to reopen the border.",
            "NOR",
            "SWE",
            "02",
            id="in a statement urging: the speaker appeals",
        ),
    ],
)
def test_participle_on_a_speech_noun_acts_for_the_speaker(text, source, target, root):
    found = _events(text)
    assert _coded_as(found, source, target, root), found


def test_an_unspecified_code_gives_way_to_its_sub_code_from_the_same_words():
    found = _events("Turkey renewed its appeal to Greece to extradite the suspects.")
    assert ("TUR", "GRC", "0213") in found, found
    assert ("TUR", "GRC", "020") not in found, found


def test_two_acts_of_one_root_in_a_sentence_are_both_kept():
    found = _events("Syria attacked Turkey and occupied the Turkish town of Kilis.")
    codes = {code for s, t, code in found if (s, t) == ("SYR", "TUR")}
    assert len(codes) >= 2 and all(c.startswith("19") for c in codes), found
