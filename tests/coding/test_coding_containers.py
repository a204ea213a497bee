"""Container nouns (lexicon/containers.tsv), noun modifiers and prepositions.

"Suspended part of a military aid program" suspends military aid; "the aid
program for Egypt" is aid to Egypt; "state" is an event noun only "of
emergency". Sentences and actors are our own; actors are marked by hand.
"""

from __future__ import annotations

import pytest

from detente._coding_internals.lexicon import Phrase, load_containers

from .conftest import triples


@pytest.mark.parametrize(
    ("text", "actors", "triple", "rule"),
    [
        pytest.param(
            "The United States suspended part of a military aid program for Bosnia.",
            {"The United States": "USA", "Bosnia": "BIH"},
            ("USA", "BIH", "1622"),
            "det:cut-mil-aid",
            id="verb object: part of a compound in a container",
        ),
        pytest.param(
            "Washington halted the aid program to Egypt.",
            {"Washington": "USA", "Egypt": "EGY"},
            ("USA", "EGY", "162"),
            "det:cut-aid",
            id="verb object: compound head is a container",
        ),
        pytest.param(
            "The EU extended its sanctions regime against Russia.",
            {"The EU": "IGOEU", "Russia": "RUS"},
            ("IGOEU", "RUS", "163"),
            "det:sanction",
            id="verb object: sanctions regime",
        ),
        pytest.param(
            "The EU adopted a new sanctions package against Russia.",
            {"The EU": "IGOEU", "Russia": "RUS"},
            ("IGOEU", "RUS", "163"),
            "det:sanction",
            id="verb object: sanctions package",
        ),
        pytest.param(
            "The US military aid program for Egypt ended.",
            {"US": "USA", "Egypt": "EGY"},
            ("USA", "EGY", "072"),
            "det:en:mil-aid",
            id="nominal: the container's modifier is the aid's",
        ),
        pytest.param(
            "Israel's imposition of martial law in Gaza was condemned.",
            {"Israel": "ISR", "Gaza": "PSE"},
            ("ISR", "PSE", "1724"),
            "det:en:martial-law",
            id="nominal: imposition of martial law",
        ),
        pytest.param(
            "Russia's wave of air strikes on Kyiv killed ten people.",
            {"Russia": "RUS", "Kyiv": "UKR"},
            ("RUS", "UKR", "195"),
            "det:en:air-attack",
            id="nominal: the possessor of a wave of strikes",
        ),
        pytest.param(
            "Israel's state of emergency in Gaza angered Hamas.",
            {"Israel": "ISR", "Gaza": "PSE", "Hamas": "PSEREB"},
            ("ISR", "PSE", "1724"),
            "det:en:emergency-state",
            id="nominal: a prep constraint (state of emergency)",
        ),
        pytest.param(
            "The ceasefire agreement between Israel and Hamas collapsed.",
            {"Israel": "ISR", "Hamas": "PSEREB"},
            ("ISR", "PSEREB", "0871"),
            "det:en:ceasefire-agreement",
            id="nominal: a ceasefire agreement is a ceasefire",
        ),
        pytest.param(
            "The Thai army threatened a state of emergency against the protesters.",
            {"The Thai army": "THAMIL", "the protesters": "THAOPP"},
            ("THAMIL", "THAOPP", "1324"),
            "det:threaten-emergency",
            id="object phrase written with 'of' (head 'state')",
        ),
    ],
)
def test_coding_container_event(code, text, actors, triple, rule):
    events = code(text, actors)
    assert triple in triples(events), triples(events)
    assert rule in {e.rule for e in events if not e.negated}


@pytest.mark.parametrize(
    ("text", "actors", "roots"),
    [
        pytest.param(
            "Israel's state of readiness in Gaza angered Hamas.",
            {"Israel": "ISR", "Gaza": "PSE", "Hamas": "PSEREB"},
            {"17"},
            id="state without 'of emergency'",
        ),
        pytest.param(
            "Russia's invasion plan for Ukraine was leaked.",
            {"Russia": "RUS", "Ukraine": "UKR"},
            {"19"},
            id="a plan is no container: an invasion plan is no invasion",
        ),
        pytest.param(
            "Washington told Pyongyang to halt its nuclear weapons program.",
            {"Washington": "USA", "Pyongyang": "PRK"},
            {"07", "16"},
            id="a weapons program is no supply of weapons",
        ),
    ],
)
def test_coding_container_not_an_event(code, text, actors, roots):
    events = code(text, actors)
    assert not [e for e in events if e.cameo_root in roots], triples(events)


def test_coding_container_verb_and_noun_do_not_double(code):
    events = code(
        "The United States suspended its military aid program for Bosnia.",
        {"The United States": "USA", "Bosnia": "BIH"},
    )
    assert [(e.cameo_code, e.rule) for e in events] == [("1622", "det:cut-mil-aid")]


def test_coding_containers_file_is_read():
    containers = load_containers()
    assert {"part", "round", "package"} <= containers.of
    assert {"program", "regime", "package"} <= containers.compound
    assert "plan" not in containers.compound


@pytest.mark.parametrize(
    ("text", "head", "modifiers"),
    [
        ("state of emergency", "state", ("of", "emergency")),
        ("end to the talks", "end", ("to", "talk")),
        ("military aid", "aid", ("military",)),
        ("in prison", "prison", ("in",)),
    ],
)
def test_coding_phrase_head_before_a_preposition(text, head, modifiers):
    assert Phrase.parse(text) == Phrase(head=head, modifiers=modifiers)
