"""Light verbs, phrasal verbs and nominal events."""

from __future__ import annotations

import pytest

from .conftest import triples

CHN_RUS = {"China": "CHN", "Russia": "RUS"}


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        pytest.param(
            "Korean activists staged a protest against Japan.",
            {"Korean activists": "KOROPP", "Japan": "JPN"},
            {("KOROPP", "JPN", "141")},
            id="mis-lemmatised verb: staged -> stage",
        ),
        pytest.param(
            "Tibetan prisoners began a hunger strike against China.",
            {"Tibetan prisoners": "CHNCVL", "China": "CHN"},
            {("CHNCVL", "CHN", "142")},
            id="hunger strike is no attack",
        ),
        pytest.param(
            "Kurdish protesters blocked streets in defiance of Turkey.",
            {"Kurdish protesters": "TURCVL", "Turkey": "TUR"},
            {("TURCVL", "TUR", "144")},
            id="block streets is obstruction, not a veto",
        ),
        pytest.param(
            "China held talks with Russia.",
            CHN_RUS,
            {("CHN", "RUS", "040"), ("RUS", "CHN", "040")},
            id="light verb: hold talks (two-sided)",
        ),
        pytest.param(
            "The Chinese premier paid a visit to Russia.",
            {"The Chinese premier": "CHNGOV", "Russia": "RUS"},
            {("CHNGOV", "RUS", "042"), ("RUS", "CHNGOV", "043")},
            id="light verb: pay a visit (paired host event)",
        ),
        pytest.param(
            "The US launched a trade war with China.",
            {"The US": "USA", "China": "CHN"},
            {("USA", "CHN", "163")},
            id="light verb: launch a trade war",
        ),
        pytest.param(
            "Xi spoke by phone with Putin.",
            {"Xi": "CHNGOV", "Putin": "RUSGOV"},
            {("CHNGOV", "RUSGOV", "041"), ("RUSGOV", "CHNGOV", "041")},
            id="light verb: speak by phone (a call takes two)",
        ),
        pytest.param(
            "China signed an agreement with Russia.",
            CHN_RUS,
            {("CHN", "RUS", "057"), ("RUS", "CHN", "057")},
            id="light verb: sign an agreement (both sign)",
        ),
        pytest.param(
            "Japan expressed concern over China.",
            {"Japan": "JPN", "China": "CHN"},
            {("JPN", "CHN", "012")},
            id="light verb: express concern",
        ),
        pytest.param(
            "Britain pulled out of the treaty with Iran.",
            {"Britain": "GBR", "Iran": "IRN"},
            {("GBR", "IRN", "161")},
            id="phrasal verb: pull out of",
        ),
        pytest.param(
            "Beijing cracked down on the Uighurs.",
            {"Beijing": "CHN", "the Uighurs": "CHNETH"},
            {("CHN", "CHNETH", "175")},
            id="phrasal verb: crack down on",
        ),
        pytest.param(
            "The EU called on Russia.",
            {"The EU": "IGOEU", "Russia": "RUS"},
            {("IGOEU", "RUS", "020")},
            id="phrasal verb: call on",
        ),
    ],
)
def test_coding_verb_patterns(code, text, actors, expected):
    assert triples(code(text, actors)) == expected


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        pytest.param(
            "The sanctions against Russia from the West hurt trade.",
            {"Russia": "RUS", "the West": "WST"},
            {("WST", "RUS", "163")},
            id="sanctions against X from Y",
        ),
        pytest.param(
            "Xi's visit to Moscow was a success.",
            {"Xi": "CHNGOV", "Moscow": "RUS"},
            {("CHNGOV", "RUS", "042")},
            id="X's visit to Y",
        ),
        pytest.param(
            "The talks between Iran and Oman ended late.",
            {"Iran": "IRN", "Oman": "OMN"},
            {("IRN", "OMN", "040"), ("OMN", "IRN", "040")},
            id="talks between X and Y",
        ),
    ],
)
def test_coding_nominal_events(code, text, actors, expected):
    events = code(text, actors)
    assert triples(events) == expected
    assert {e.coder for e in events} == {"nominal"}


def test_coding_nominal_not_repeated_inside_verb_pattern(code):
    events = code(
        "The EU imposed sanctions on Russia.", {"The EU": "IGOEU", "Russia": "RUS"}
    )
    assert [(e.coder, e.cameo_code) for e in events] == [("lexicon", "163")]


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        pytest.param(
            "Bosnia and Slovenia agreed to a ceasefire.",
            {"Bosnia": "BIH", "Slovenia": "SVN"},
            # the codebook codes agreements to commence a ceasefire as 0871
            {("BIH", "SVN", "08"), ("SVN", "BIH", "08")},
            id="coordinated actors agree with each other",
        ),
        pytest.param(
            "The US, Russia, and Switzerland met yesterday.",
            {"The US": "USA", "Russia": "RUS", "Switzerland": "CHE"},
            {
                (a, b, "04")
                for a in ("USA", "RUS", "CHE")
                for b in ("USA", "RUS", "CHE")
                if a != b
            },
            id="a list parsed as an apposition is a coordination",
        ),
    ],
)
def test_coding_coordinated_actors_act_on_each_other(code, text, actors, expected):
    assert triples(code(text, actors), root=True) == expected
