"""Evidence sentences cut into highlighted segments."""

from __future__ import annotations

import pytest

from detente.serve.evidence import evidence_segments, relative_spans

SENTENCE = "China hosted Russia in Beijing."


def _mention(**spans):
    record = {"sentence": SENTENCE, "span_start": 100}
    for role, (start, end) in spans.items():
        record[f"{role}_start"], record[f"{role}_end"] = start + 100, end + 100
    return record


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        (
            {"source": (0, 5), "verb": (6, 12), "target": (13, 19)},
            [
                ("China", "source"),
                (" ", ""),
                ("hosted", "verb"),
                (" ", ""),
                ("Russia", "target"),
                (" in Beijing.", ""),
            ],
        ),
        ({}, [(SENTENCE, "")]),
        (
            {"source": (0, 12), "verb": (6, 12)},
            [("China ", "source"), ("hosted", "verb"), (" Russia in Beijing.", "")],
        ),
        ({"target": (25, 99)}, [(SENTENCE, "")]),
    ],
    ids=[
        "source-verb-target",
        "no-spans",
        "verb-wins-overlap",
        "span-outside-sentence",
    ],
)
def test_evidence_segments_mark_each_role(spans, expected):
    segments = evidence_segments(_mention(**spans))
    assert [(s["text"], s["role"]) for s in segments] == expected
    assert "".join(s["text"] for s in segments) == SENTENCE


def test_relative_spans_subtract_the_sentence_start():
    assert relative_spans(_mention(source=(0, 5), target=(13, 19))) == {
        "source": (0, 5),
        "target": (13, 19),
    }


def test_evidence_of_a_stored_mention_matches_its_text(client):
    event = client.get("/api/events", params={"q": "hosted a Russian"}).json()[
        "events"
    ][0]
    mention = client.get(f"/api/events/{event['event_key']}").json()["mentions"][0]
    marked = {s["role"]: s["text"] for s in mention["segments"] if s["role"]}
    assert marked == {
        "source": "China",
        "verb": "hosted",
        "target": "a Russian delegation",
    }
    assert mention["sentence_spans"] == {
        "verb": [6, 12],
        "source": [0, 5],
        "target": [13, 33],
    }
