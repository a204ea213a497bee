"""GET /api/events: filters, keyset and offset paging."""

from __future__ import annotations

import pytest

from .conftest import assert_error_shape


def _all_events(client, **params) -> list[dict]:
    response = client.get("/api/events", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return response.json()["events"]


def test_events_lists_every_one_a_day_event_newest_first(client):
    events = _all_events(client)
    # 32 coded sentences; the two reports of the February sanctions merge.
    assert len(events) == 31
    dates = [e["event_date"] for e in events]
    # Newest first; the undated event comes last.
    assert dates[-1] is None
    assert dates[:-1] == sorted(dates[:-1], reverse=True)
    assert {e["dedup_mode"] for e in events} == {"one-a-day"}


@pytest.mark.parametrize(
    ("dedup", "expected"),
    [("none", 32), ("one-a-day", 31), ("story", 32)],
    ids=["none-keeps-every-mention", "one-a-day-merges-same-day", "story"],
)
def test_events_dedup_mode_changes_the_count(client, dedup, expected):
    assert len(_all_events(client, dedup=dedup)) == expected


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"source": "USA"}, lambda e: e["source_country"] == "USA"),
        ({"source": "USAGOV"}, lambda e: e["source_actor"] == "USAGOV"),
        ({"target": "RUS"}, lambda e: e["target_country"] == "RUS"),
        (
            {"actor": "IRN"},
            lambda e: "IRN" in (e["source_country"], e["target_country"]),
        ),
        (
            {"dyad": "USA,CHN"},
            lambda e: {e["source_country"], e["target_country"]} == {"USA", "CHN"},
        ),
        ({"cameo_code": "163"}, lambda e: e["cameo_code"] == "163"),
        ({"cameo_root": "05"}, lambda e: e["cameo_root"] == "05"),
        ({"quad_class": 4}, lambda e: e["quad_class"] == 4),
        ({"plover_type": "sanction"}, lambda e: e["plover_type"] == "SANCTION"),
        (
            {"date_from": "2024-03-01", "date_to": "2024-03-31"},
            lambda e: "2024-03-01" <= (e["event_date"] or "") <= "2024-03-31",
        ),
    ],
    ids=[
        "source-country",
        "source-actor-code",
        "target-country",
        "actor-either-role",
        "dyad-either-direction",
        "cameo-code",
        "cameo-root",
        "quad-class",
        "plover-type-any-case",
        "date-range",
    ],
)
def test_events_filter_keeps_only_matching_events(client, params, check):
    everything = _all_events(client)
    filtered = _all_events(client, **params)
    assert filtered, "the filter should match some sample events"
    assert all(check(e) for e in filtered)
    assert len(filtered) == sum(1 for e in everything if check(e))


def test_events_text_search_looks_in_evidence_sentences(client):
    events = _all_events(client, q="CYBER attacks")
    assert [
        (e["source_actor"], e["target_actor"], e["cameo_code"]) for e in events
    ] == [("USAGOV", "CHNGOV", "112")]


def test_events_count_gives_the_total_of_the_filter(client):
    body = client.get(
        "/api/events", params={"limit": 2, "count": "true", "quad_class": 1}
    ).json()
    assert body["count"] == 2
    assert body["total"] == len(_all_events(client, quad_class=1))


def test_events_cursor_pages_cover_every_event_once(client):
    everything = [e["event_key"] for e in _all_events(client)]
    seen: list[str] = []
    url, params = "/api/events", {"limit": 7}
    pages = 0
    while True:
        body = client.get(url, params=params).json()
        seen += [e["event_key"] for e in body["events"]]
        pages += 1
        if body["next_cursor"] is None:
            break
        params = {"limit": 7, "cursor": body["next_cursor"]}
    assert pages == 5
    assert seen == everything


def test_events_cursor_pages_past_the_undated_events(client):
    everything = [e["event_key"] for e in _all_events(client, actor="IGOWHO")]
    first = client.get("/api/events", params={"actor": "IGOWHO", "limit": 2}).json()
    second = client.get(
        "/api/events",
        params={"actor": "IGOWHO", "limit": 2, "cursor": first["next_cursor"]},
    ).json()
    assert second["events"][-1]["event_date"] is None
    assert [e["event_key"] for e in first["events"] + second["events"]] == everything
    assert second["next_cursor"] is None


def test_events_next_url_keeps_the_filters(client):
    body = client.get("/api/events", params={"limit": 2, "actor": "USA"}).json()
    assert "actor=USA" in body["next_url"] and "cursor=" in body["next_url"]
    second = client.get(body["next_url"]).json()
    first_keys = {e["event_key"] for e in body["events"]}
    assert second["events"] and not first_keys & {
        e["event_key"] for e in second["events"]
    }
    assert all(
        "USA" in (e["source_country"], e["target_country"]) for e in second["events"]
    )


def test_events_offset_skips_rows(client):
    everything = [e["event_key"] for e in _all_events(client)]
    body = client.get("/api/events", params={"limit": 5, "offset": 10}).json()
    assert [e["event_key"] for e in body["events"]] == everything[10:15]


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"limit": 100_000}, 400, "max_page_size"),
        ({"limit": 0}, 422, "limit"),
        ({"quad_class": 9}, 422, "quad_class"),
        ({"cameo_code": "abc"}, 422, "cameo_code"),
        ({"date_from": "2024-02-30"}, 422, "date_from"),
        ({"date_from": "2024-05-01", "date_to": "2024-01-01"}, 400, "swap"),
        ({"dedup": "weekly"}, 422, "dedup"),
        ({"soruce": "USA"}, 422, "soruce"),
        ({"cursor": "not-a-cursor"}, 400, "cursor"),
        ({"offset": 2_000}, 400, "cursor"),
        ({"source": "U S A"}, 422, "source"),
    ],
    ids=[
        "limit-over-max-page-size",
        "limit-zero",
        "quad-class-out-of-range",
        "cameo-code-not-digits",
        "impossible-date",
        "reversed-date-range",
        "unknown-dedup-mode",
        "misspelt-parameter",
        "tampered-cursor",
        "offset-too-deep",
        "actor-code-with-spaces",
    ],
)
def test_events_bad_parameters_get_the_error_shape(client, params, status, words):
    body = assert_error_shape(client.get("/api/events", params=params), status)
    assert words in body["error"]
