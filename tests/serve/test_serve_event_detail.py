"""GET /api/events/{key}: one event, all its mentions and their evidence."""

from __future__ import annotations

import pytest

from .conftest import assert_error_shape


def _sanctions_key(client, dedup: str = "one-a-day") -> str:
    events = client.get(
        "/api/events",
        params={"cameo_code": "163", "target": "RUS", "dedup": dedup},
    ).json()["events"]
    assert len(events) == (1 if dedup == "one-a-day" else 2)
    return events[0]["event_key"]


def test_event_merged_by_one_a_day_lists_both_reports(client):
    body = client.get(f"/api/events/{_sanctions_key(client)}").json()
    assert body["ok"] is True
    assert body["event"]["num_mentions"] == 2
    assert body["event"]["num_sources"] == 2
    assert {m["doc_id"] for m in body["mentions"]} == {"a06", "a07"}
    assert {m["doc_title"] for m in body["mentions"]} == {
        "Sanctions on Russian banks",
        "Washington targets Russian lenders",
    }


def test_event_mentions_carry_highlight_segments(client):
    for mention in client.get(f"/api/events/{_sanctions_key(client)}").json()[
        "mentions"
    ]:
        roles = {s["role"] for s in mention["segments"]}
        assert {"source", "target", "verb"} <= roles
        assert "".join(s["text"] for s in mention["segments"]) == mention["sentence"]


def test_event_dedup_none_has_one_mention(client):
    key = _sanctions_key(client, dedup="none")
    body = client.get(f"/api/events/{key}", params={"dedup": "none"}).json()
    assert len(body["mentions"]) == 1


@pytest.mark.parametrize(
    ("path", "status"),
    [("/api/events/d-0000000000000000", 404), ("/api/events/bad%20key!", 422)],
    ids=["unknown-key", "malformed-key"],
)
def test_event_unknown_or_malformed_key_is_an_error(client, path, status):
    assert_error_shape(client.get(path), status)
