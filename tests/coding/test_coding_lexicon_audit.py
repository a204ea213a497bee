"""Lemma-only defaults: verbs that are no event by themselves code nothing alone.

The corrections come from reading frequent rules on real news against the CAMEO
codebook (``scripts/audit_lexicon.py``, ``scripts/petrarch2_verb_corrections.tsv``);
the sentences here are our own.
"""

from __future__ import annotations

import pytest

from .conftest import triples


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        pytest.param(
            "According to Russia, the talks with China continue.",
            {"Russia": "RUS", "China": "CHN"},
            id="according to: attribution, no 060",
        ),
        pytest.param(
            "The court has taken the wind from the sails of the Democrats.",
            {"The court": "USAJUD", "the Democrats": "USAPTY"},
            id="take alone: no 171 seizure",
        ),
        pytest.param(
            "Egypt's president ruled Egypt for 29 years.",
            {"Egypt's president": "EGYGOV", "Egypt": "EGY"},
            id="rule: no 060",
        ),
        pytest.param(
            "Germany's former minister held government posts in Berlin.",
            {"Germany's former minister": "DEUGOV", "Berlin": "DEU"},
            id="hold alone: no 170 coercion",
        ),
        pytest.param(
            "Many Republicans see the attack as a scandal for Obama.",
            {"Many Republicans": "USAPTY", "Obama": "USAGOV"},
            id="see: no 010 statement",
        ),
        pytest.param(
            "Germany leads Britain in car exports.",
            {"Germany": "DEU", "Britain": "GBR"},
            id="lead: no 060",
        ),
        pytest.param(
            "Obama called the ambassador of Israel a friend.",
            {"Obama": "USAGOV", "Israel": "ISR"},
            id="call X Y: naming, no 041 phone call",
        ),
        pytest.param(
            "One person died in Tibet, Chinese media said.",
            {"One person": "CHNCVL", "Tibet": "CHN"},
            id="die: no agent, no 190",
        ),
        pytest.param(
            "Security has improved in Darfur, the United Nations said.",
            {"Darfur": "SDN", "the United Nations": "IGOUNO"},
            id="improve: no 060",
        ),
    ],
)
def test_coding_verb_alone_is_no_event(code, text, actors):
    codes = {c for _, _, c in triples(code(text, actors))}
    # a speech verb in the sentence may still code its statement (010)
    assert codes <= {"010"}


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        pytest.param(
            "Rebels took over the city of Kunduz.",
            {"Rebels": "AFGREB", "Kunduz": "AFG"},
            ("AFGREB", "AFG", "192"),
            id="take over a city: occupy territory (192)",
        ),
        pytest.param(
            "The militia captured the town of Sirte.",
            {"The militia": "LBYREB", "Sirte": "LBY"},
            ("LBYREB", "LBY", "192"),
            id="capture a town: occupy territory (192)",
        ),
        pytest.param(
            "Gunmen took two Japanese engineers hostage.",
            {"Gunmen": "IRQREB", "two Japanese engineers": "JPNCVL"},
            ("IRQREB", "JPNCVL", "181"),
            id="take hostage (181)",
        ),
        pytest.param(
            "Japan gave aid to Nepal.",
            {"Japan": "JPN", "Nepal": "NPL"},
            ("JPN", "NPL", "070"),
            id="give aid (070)",
        ),
        pytest.param(
            "Putin called Erdogan by phone.",
            {"Putin": "RUSGOV", "Erdogan": "TURGOV"},
            ("RUSGOV", "TURGOV", "041"),
            id="call by phone (041)",
        ),
        pytest.param(
            "Putin spoke on the phone with Erdogan.",
            {"Putin": "RUSGOV", "Erdogan": "TURGOV"},
            ("RUSGOV", "TURGOV", "041"),
            id="speak on the phone (041)",
        ),
        pytest.param(
            "Militants killed two French aid workers.",
            {"Militants": "MLIREB", "two French aid workers": "FRACVL"},
            ("MLIREB", "FRACVL", "190"),
            id="kill, weapon not said: 190 per the codebook",
        ),
        pytest.param(
            "The Senate blocked the bill of the president.",
            {"The Senate": "USALEG", "the president": "USAGOV"},
            ("USALEG", "USAGOV", "120"),
            id="block: a refusal (120), not a veto (129)",
        ),
        pytest.param(
            "The Senate vetoed the resolution of the president.",
            {"The Senate": "USALEG", "the president": "USAGOV"},
            ("USALEG", "USAGOV", "129"),
            id="veto (129)",
        ),
        pytest.param(
            "Washington hit Moscow with new sanctions.",
            {"Washington": "USA", "Moscow": "RUS"},
            ("USA", "RUS", "163"),
            id="hit with sanctions (163)",
        ),
        pytest.param(
            "Turkey released the pastor from prison.",
            {"Turkey": "TUR", "the pastor": "USACVL"},
            ("TUR", "USACVL", "0841"),
            id="release from prison: persons (0841)",
        ),
        pytest.param(
            "The Pentagon claimed that Iran had attacked the tanker.",
            {"The Pentagon": "USAMIL", "Iran": "IRN"},
            ("USAMIL", "IRN", "112"),
            id="claim that X attacked: an accusation, not a disapproval",
        ),
        pytest.param(
            "Britain quit the treaty with Iran.",
            {"Britain": "GBR", "Iran": "IRN"},
            ("GBR", "IRN", "161"),
            id="quit a treaty (161)",
        ),
    ],
)
def test_coding_pattern_carries_the_event(code, text, actors, expected):
    assert expected in triples(code(text, actors))


def test_coding_release_of_a_report_is_a_statement(code):
    events = code(
        "The ministry of Iran released a report on Iraq.",
        {"The ministry of Iran": "IRNGOV", "Iraq": "IRQ"},
    )
    assert {e.cameo_code for e in events} <= {"010"}
