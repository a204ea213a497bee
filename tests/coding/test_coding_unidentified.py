"""Unidentified actors and background clauses, behind the real actor resolver.

Sentences are our own. Unresolved mentions that name someone ("insurgents",
an organisation not in the dictionary) fill a side no identified actor fills;
side clauses do not add events when the main clause has one.
"""

from __future__ import annotations

import pytest

from detente.api import code_text
from detente.coding import EventCoder
from detente.models import Article
from detente.pipeline import Pipeline


def _events(text: str, **kwargs):
    return [e for e in code_text(text, **kwargs) if not e.negated]


def test_unidentified_role_noun_fills_an_empty_side():
    events = _events("Insurgents shelled Syrian and Iraqi troops on Tuesday.")
    found = [e for e in events if e.target_country == "SYR" and e.cameo_root == "19"]
    assert found, events
    event = found[0]
    assert event.source_country == ""  # two countries named: no guess
    assert event.source_actor.endswith("REB")  # the role code of "insurgents"
    assert event.source_text == "Insurgents"


def test_unidentified_actor_takes_the_one_country_its_sentence_names():
    events = _events("Insurgents shelled the Syrian army on Tuesday.")
    found = [e for e in events if e.target_country == "SYR" and e.cameo_root == "19"]
    assert found, events
    assert (found[0].source_actor, found[0].source_country) == ("SYRREB", "SYR")


def test_unknown_named_organisation_is_kept_with_its_text():
    events = _events("The Zorvan Liberation Front attacked French troops in Mali.")
    found = [
        e for e in events if e.target_country == "FRA" and e.cameo_root in {"18", "19"}
    ]
    assert found, events
    assert "Liberation Front" in found[0].source_text
    assert found[0].source_country == ""


def test_identified_actor_wins_over_an_unidentified_one_in_the_same_phrase():
    # "Tom Harlow" is not in the dictionary; the title gives the country
    events = _events("British Defence Secretary Tom Harlow visited Mozambique.")
    assert any(
        e.source_country == "GBR" and e.target_country == "MOZ" for e in events
    ), events
    assert not any(e.source_country == "" for e in events), events


def test_two_unidentified_sides_give_no_event():
    assert _events("Insurgents attacked the Zorvan Liberation Front.") == []


def test_unidentified_actors_can_be_switched_off():
    coder = EventCoder(unidentified_actors=False)
    stages = [coder if s.name == "coding" else s for s in Pipeline.default().stages]
    article = Pipeline(stages)(
        Article(doc_id="t", text="Insurgents shelled the Syrian army on Tuesday.")
    )
    assert not [e for e in article.events if e.source_country == ""]


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        pytest.param(
            "Norway sent medical aid to Kuwait to help it defend itself against Iraq.",
            ("NOR", "KWT", "07"),
            ("KWT", "IRQ", "05"),
            id="purpose clause",
        ),
        pytest.param(
            "Japan condemned Chile, which had expelled Peruvian diplomats.",
            ("JPN", "CHL", "11"),
            ("CHL", "PER", "16"),
            id="relative clause with an earlier event",
        ),
    ],
)
def test_background_clauses_give_no_event_when_the_main_clause_has_one(
    text, kept, dropped
):
    triples = {
        (e.source_country, e.target_country, e.cameo_root) for e in _events(text)
    }
    assert kept in triples, triples
    assert dropped not in triples, triples


def test_the_speaker_is_not_the_actor_of_a_reported_passive():
    events = _events(
        "Two villagers were killed in Chadian shelling on Friday, Nigerian medics said."
    )
    assert not [e for e in events if "medics" in e.source_text], events


def test_talks_take_two_sides():
    triples = {
        (e.source_country, e.target_country, e.cameo_root)
        for e in _events("The French foreign minister held talks with Kenyan leaders.")
    }
    assert {("FRA", "KEN", "04"), ("KEN", "FRA", "04")} <= triples, triples


def test_a_sentence_without_event_takes_its_target_from_elsewhere_in_the_sentence():
    events = _events("After talks in Ecuador collapsed, Peru recalled its ambassador.")
    found = [
        e for e in events if (e.source_country, e.target_country) == ("PER", "ECU")
    ]
    assert found and found[0].cameo_root == "16", events
    assert found[0].rule.endswith("+sentence-target")
    assert found[0].confidence < 0.9


def test_the_source_own_agent_is_no_target():
    events = _events("Peru recalled its ambassador.")
    assert not [e for e in events if e.source_country == "PER"], events


def test_someone_else_s_possession_stays_a_target():
    events = _events("Kenya welcomed Uganda and its president.")
    assert any(e.target_country == "UGA" for e in events), events


def test_an_unidentified_actor_with_the_source_code_is_another_actor():
    # context gives the unknown Chechen leader RUS + GOV, Putin's own code
    events = _events("Putin agreed to meet Chechen leader Ruslan Dudov.")
    assert any("Dudov" in e.target_text for e in events), events


def test_an_actor_in_the_object_slot_beats_the_nearest_identified_actor():
    # the accused are the object, even though not identified; Chad is only nearby
    events = _events(
        "The Malian government has accused Tuareg rebels of breaking the truce,"
        " a member of the Algerian team trying to broker a deal has said."
    )
    accusations = [e for e in events if e.cameo_root == "11"]
    assert accusations, events
    assert all("rebels" in e.target_text for e in accusations), accusations


def test_coordinated_sides_fighting_fight_each_other():
    triples = {
        (e.source_country, e.target_country, e.cameo_root)
        for e in _events(
            "Indian and Pakistani troops engaged in heavy fighting on Sunday,"
            " Nepalese officials said."
        )
    }
    assert {("IND", "PAK", "19"), ("PAK", "IND", "19")} <= triples, triples
    assert not any(t == "NPL" for _, t, _ in triples), triples


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        pytest.param(
            "Kenya said a rocket was fired at its border post from Somalia on Tuesday.",
            ("KEN", "SOM", "112"),
            id="from phrase",
        ),
        pytest.param(
            "Amnesty International said five villagers were killed in a raid by"
            " Ethiopian troops.",
            ("NGOAMN", "ETHMIL", "112"),
            id="by phrase inside the attack noun",
        ),
    ],
)
def test_reporting_violence_without_agent_accuses_the_perpetrator_phrase(text, triple):
    found = {(e.source_actor, e.target_actor, e.cameo_code) for e in _events(text)}
    assert triple in found, found


def test_the_source_own_country_listed_beside_others_is_no_target():
    events = _events("The Indian envoy urged better relations between India and Nepal.")
    pairs = {(e.source_country, e.target_country) for e in events}
    assert ("IND", "NPL") in pairs, events
    assert ("IND", "IND") not in pairs, events


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param(
            "Germany condemned the investigation of Poland.",
            ("DEU", "POL", "11"),
            ("DEU", "POL", "09"),
            id="an event verb's object noun is not the subject's event",
        ),
        pytest.param(
            "Italy announced a suspension of flights to Serbia.",
            ("ITA", "SRB", "16"),
            None,
            id="an announced act noun is the announcer's",
        ),
    ],
)
def test_nominal_event_source_from_the_governing_verb(text, present, absent):
    triples = {
        (e.source_country, e.target_country, e.cameo_root) for e in _events(text)
    }
    assert present in triples, triples
    assert absent not in triples, triples


def test_only_between_pairs_the_targets_of_a_symmetric_noun():
    pairs = {
        (e.source_country, e.target_country)
        for e in _events(
            "Moscow praised cooperation with the Syrian and Iranian forces."
        )
    }
    assert ("SYR", "IRN") not in pairs and ("IRN", "SYR") not in pairs, pairs
    pairs = {
        (e.source_country, e.target_country)
        for e in _events("Talks between Armenia and Azerbaijan resumed on Monday.")
    }
    assert {("ARM", "AZE"), ("AZE", "ARM")} <= pairs, pairs


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        pytest.param(
            "Kenya made concessions to Somalia.",
            ("KEN", "SOM", "08"),
            id="target phrase on the light verb",
        ),
        pytest.param(
            "Kenya will not make concessions to Somalia.",
            ("KEN", "SOM", "12"),
            id="will not + nominal cooperation -> reject",
        ),
    ],
)
def test_nominal_events_take_the_light_verb_s_target_and_modality(text, triple):
    triples = {
        (e.source_country, e.target_country, e.cameo_root) for e in _events(text)
    }
    assert triple in triples, triples


def test_a_negated_light_verb_negates_its_nominal_event():
    events = [e for e in code_text("Japan did not make concessions to Iran.")]
    assert events and all(e.negated for e in events), events


def test_a_noun_whose_pattern_names_from_takes_its_target_there():
    triples = {
        (e.source_actor, e.target_actor, e.cameo_root)
        for e in _events("The US withdrawal from the WHO angered China.")
    }
    assert ("USA", "IGOWHO", "16") in triples, triples


def test_an_attribution_is_no_statement_event():
    events = _events(
        "The United States launched an air strike on Syrian forces, the Pentagon"
        " said on Monday, expanding its campaign in Iraq."
    )
    assert any(e.cameo_root == "19" and e.target_country == "SYR" for e in events)
    assert not [e for e in events if e.cameo_root == "01"], events


def test_an_unidentified_actor_takes_the_country_among_its_modifiers():
    events = _events(
        "Outspoken Croatian ultra-nationalist leader Tomislav Mrkic called on Arab"
        " countries to join forces."
    )
    assert any(e.source_actor == "HRVGOV" for e in events), events


def test_a_bare_statement_is_dropped_when_its_speaker_acts_in_the_sentence():
    events = _events(
        "Peru described Chile as a partner and rejected the Bolivian proposal."
    )
    codes = {e.cameo_root for e in events if e.source_country == "PER"}
    assert "12" in codes and "01" not in codes, events
