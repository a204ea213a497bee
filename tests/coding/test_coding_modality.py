"""Negation, governing verbs (refuse/threaten/demand/appeal/intend), future, reported speech."""

from __future__ import annotations

import pytest

from .conftest import triples

US_IRAN = {"Washington": "USA", "Iran": "IRN"}


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        pytest.param(
            "Washington threatened to impose sanctions on Iran.",
            US_IRAN,
            {("USA", "IRN", "1312")},
            id="threaten to sanction -> 1312",
        ),
        pytest.param(
            "Washington threatened Iran with sanctions.",
            US_IRAN,
            {("USA", "IRN", "1312")},
            id="threaten X with sanctions -> 1312",
        ),
        pytest.param(
            "Russia demanded that Ukraine withdraw its forces.",
            {"Russia": "RUS", "Ukraine": "UKR"},
            {("RUS", "UKR", "106")},
            id="demand that X withdraw -> 106",
        ),
        pytest.param(
            "The EU called on Russia to release the activists.",
            {"The EU": "IGOEU", "Russia": "RUS"},
            {("IGOEU", "RUS", "0253")},
            id="call on X to release -> 0253",
        ),
        pytest.param(
            "Iran refused to meet the inspectors from France.",
            {"Iran": "IRN", "France": "FRA"},
            {("IRN", "FRA", "125")},
            id="refuse to meet -> 125",
        ),
        pytest.param(
            "Washington rejected the demand from Iran.",
            US_IRAN,
            {("USA", "IRN", "120")},
            id="reject the demand -> 120",
        ),
        pytest.param(
            "Japan agreed to provide aid to Nepal.",
            {"Japan": "JPN", "Nepal": "NPL"},
            {("JPN", "NPL", "033")},
            id="agree to provide aid -> 033",
        ),
        pytest.param(
            "Japan plans to send humanitarian aid to Nepal.",
            {"Japan": "JPN", "Nepal": "NPL"},
            {("JPN", "NPL", "0333")},
            id="plan to send humanitarian aid -> 0333",
        ),
        pytest.param(
            "Japan will provide aid to Nepal.",
            {"Japan": "JPN", "Nepal": "NPL"},
            {("JPN", "NPL", "033")},
            id="will + cooperation -> intent 03x",
        ),
        pytest.param(
            "Washington will attack Iran.",
            US_IRAN,
            {("USA", "IRN", "1384")},
            id="will + force -> threat 13x",
        ),
        pytest.param(
            "The US has continued to withdraw from the WHO.",
            {"The US": "USA", "the WHO": "IGOWHO"},
            {("USA", "IGOWHO", "161")},
            id="continue to keeps the code",
        ),
        pytest.param(
            "The US announced to withdraw from the WHO.",
            {"The US": "USA", "the WHO": "IGOWHO"},
            {("USA", "IGOWHO", "161")},
            id="announce to keeps the code",
        ),
        pytest.param(
            "France is ready to send troops to protect Mali.",
            {"France": "FRA", "Mali": "MLI"},
            {("FRA", "MLI", "03")},
            id="ready to: adjective of intent",
        ),
        pytest.param(
            "Jordan will not accept refugees from Iraq.",
            {"Jordan": "JOR", "Iraq": "IRQ"},
            {("JOR", "IRQ", "12")},
            id="will not + cooperation -> reject",
        ),
        pytest.param(
            "Canberra said it would not provide aid to Fiji.",
            {"Canberra": "AUS", "it": "AUS", "Fiji": "FJI"},
            {("AUS", "FJI", "12")},
            id="said it would not + cooperation -> reject",
        ),
    ],
)
def test_coding_governing_verbs(code, text, actors, expected):
    found = triples(code(text, actors))
    if all(len(c) == 2 for _, _, c in expected):
        found = triples(code(text, actors), root=True)
    assert found == expected


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        pytest.param(
            "Washington would impose sanctions on Iran.", "hypothetical", id="would"
        ),
        pytest.param(
            "Washington could impose sanctions on Iran.", "hypothetical", id="could"
        ),
        pytest.param(
            "If talks fail, Washington imposes sanctions on Iran.",
            "conditional",
            id="if clause",
        ),
        pytest.param(
            "Washington imposed sanctions on Iran.", "asserted", id="asserted"
        ),
        pytest.param("Washington will sanction Iran.", "future", id="will"),
    ],
)
def test_coding_modality_field(code, text, modality):
    events = code(text, US_IRAN)
    assert [e.modality for e in events] == [modality]


def test_coding_negation_keeps_the_event_flagged(code):
    events = code("Washington did not impose sanctions on Iran.", US_IRAN)
    assert [(e.cameo_code, e.negated) for e in events] == [("163", True)]
    assert triples(events) == set()  # not counted as a positive event


def test_coding_never_is_negation(code):
    events = code("Washington never attacked Iran.", US_IRAN)
    assert [e.negated for e in events] == [True]


def test_coding_reported_speech_keeps_speaker_and_act(code):
    events = code(
        "Putin said the US had imposed sanctions on Iran.",
        {"Putin": "RUSGOV", "the US": "USA", "Iran": "IRN"},
    )
    by_code = {
        (e.source_actor, e.target_actor, e.cameo_root): e.modality for e in events
    }
    assert by_code[("RUSGOV", "USA", "01")] == "asserted"
    assert by_code[("USA", "IRN", "16")] == "reported"


def test_coding_reported_obligation_is_a_demand(code):
    events = code(
        "Russia said that Sudan must return the helicopter.",
        {"Russia": "RUS", "Sudan": "SDN"},
    )
    assert ("RUS", "SDN", "10") in triples(events, root=True)


def test_coding_speaker_bound_pronoun(code):
    # "it" has no actor: inside a reported clause it is bound to the speaker
    events = code(
        "Japan said it will send aid to Nepal.", {"Japan": "JPN", "Nepal": "NPL"}
    )
    assert ("JPN", "NPL", "03") in triples(events, root=True)


def test_coding_attribution_is_not_a_statement(code):
    # the speaker closing the sentence is the news source, not an actor
    events = code(
        "The US imposed sanctions on Iran, Russian officials said.",
        {"The US": "USA", "Iran": "IRN", "Russian officials": "RUSGOV"},
    )
    assert triples(events, root=True) == {("USA", "IRN", "16")}


def test_coding_statement_subsumed_by_the_reported_demand(code):
    events = code(
        "Russia said that Sudan must return the helicopter.",
        {"Russia": "RUS", "Sudan": "SDN"},
    )
    assert ("RUS", "SDN", "01") not in triples(events, root=True)


def test_coding_intended_visit_has_no_host_event(code):
    events = code(
        "The Chinese premier will visit Russia.",
        {"The Chinese premier": "CHNGOV", "Russia": "RUS"},
    )
    assert triples(events, root=True) == {("CHNGOV", "RUS", "03")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Washington wants Seoul to resume talks with Pyongyang.",
            ("USA", "KOR", "02"),
            id="want X to: an appeal to X",
        ),
        pytest.param(
            "Washington wants to resume talks with Pyongyang.",
            ("USA", "PRK", "03"),
            id="want to: an intent",
        ),
    ],
)
def test_coding_want_someone_to_is_an_appeal(code, text, expected):
    names = {"Washington": "USA", "Seoul": "KOR", "Pyongyang": "PRK"}
    actors = {name: code_ for name, code_ in names.items() if name in text}
    assert expected in triples(code(text, actors), root=True)
