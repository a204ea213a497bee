"""Source and target finding: subjects, passives, coordination, reciprocals, clauses."""

from __future__ import annotations

import pytest

from .conftest import triples


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        pytest.param(
            "Russia was sanctioned by the European Union.",
            {"Russia": "RUS", "the European Union": "IGOEU"},
            {("IGOEU", "RUS", "16")},
            id="passive with agent: agent is the source",
        ),
        pytest.param(
            "Beijing and Moscow rejected the proposal of Washington.",
            {"Beijing": "CHN", "Moscow": "RUS", "Washington": "USA"},
            {("CHN", "USA", "12"), ("RUS", "USA", "12")},
            id="coordinated subjects: one event per actor",
        ),
        pytest.param(
            "The European Union imposed sanctions on Belarus and Iran.",
            {"The European Union": "IGOEU", "Belarus": "BLR", "Iran": "IRN"},
            {("IGOEU", "BLR", "16"), ("IGOEU", "IRN", "16")},
            id="coordinated objects: one event per target",
        ),
        pytest.param(
            "China and Russia supported each other at the United Nations.",
            {"China": "CHN", "Russia": "RUS", "the United Nations": "IGOUNO"},
            {("CHN", "RUS", "05"), ("RUS", "CHN", "05")},
            id="each other: both directions",
        ),
        pytest.param(
            "Seoul and Tokyo criticized one another.",
            {"Seoul": "KOR", "Tokyo": "JPN"},
            {("KOR", "JPN", "11"), ("JPN", "KOR", "11")},
            id="one another: both directions",
        ),
        pytest.param(
            "Japan and India held talks on maritime security.",
            {"Japan": "JPN", "India": "IND"},
            {("JPN", "IND", "04"), ("IND", "JPN", "04")},
            id="symmetric predicate without target",
        ),
        pytest.param(
            "Senior Chinese diplomat Yang Jiechi arrived in Moscow on Monday.",
            {"Chinese": "CHN", "Yang Jiechi": "CHNGOV", "Moscow": "RUS"},
            {("CHNGOV", "RUS", "04")},
            id="title phrase: the mention at the subject head wins",
        ),
        pytest.param(
            "Putin, who visited Beijing in May, criticized NATO.",
            {"Putin": "RUSGOV", "Beijing": "CHN", "NATO": "NATO"},
            {("RUSGOV", "NATO", "11")},
            id="a relative clause is background when the main clause is coded",
        ),
        pytest.param(
            "Brazil and Argentina coordinated their response to the demands from"
            " the IMF.",
            {"Brazil": "BRA", "Argentina": "ARG", "the IMF": "IGOIMF"},
            {("BRA", "ARG", "05"), ("ARG", "BRA", "05")},
            id="symmetric act of coordinated subjects is between them",
        ),
        pytest.param(
            "Brazil and Argentina coordinated with the IMF.",
            {"Brazil": "BRA", "Argentina": "ARG", "the IMF": "IGOIMF"},
            {("BRA", "IGOIMF", "05"), ("ARG", "IGOIMF", "05")},
            id="symmetric act with a 'with' partner targets the partner",
        ),
        pytest.param(
            "It was Putin who visited Beijing in May.",
            {"Putin": "RUSGOV", "Beijing": "CHN"},
            {("RUSGOV", "CHN", "04"), ("CHN", "RUSGOV", "04")},
            id="relative clause takes the noun it modifies as subject",
        ),
        pytest.param(
            "The minister met Lavrov and signed an agreement with Russia.",
            {"The minister": "FRAGOV", "Lavrov": "RUSGOV", "Russia": "RUS"},
            {
                ("FRAGOV", "RUSGOV", "04"),
                ("FRAGOV", "RUS", "05"),
                ("RUS", "FRAGOV", "05"),
            },
            id="several events in one sentence, shared subject of conjoined verbs",
        ),
    ],
)
def test_coding_arguments(code, text, actors, expected):
    assert triples(code(text, actors), root=True) == expected


def test_coding_agentless_passive_is_not_coded(code):
    # No source: CAMEO needs a source actor, so the event is skipped.
    assert code("Russia was sanctioned last year.", {"Russia": "RUS"}) == []


def test_coding_unresolved_actor_is_not_coded(code):
    events = code("The rebels attacked Kabul.", {"The rebels": None, "Kabul": "AFG"})
    assert events == []


def test_coding_same_actor_is_not_an_event(code):
    assert code("China praised China.", {"China": "CHN"}) == []
