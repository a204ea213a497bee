"""GET /api/actors and /api/actors/{code}."""

from __future__ import annotations

from .conftest import assert_error_shape


def test_actors_count_both_roles(client):
    actors = {a["actor"]: a for a in client.get("/api/actors").json()["actors"]}
    assert actors["IGOWHO"]["country"] == "IGO"
    assert actors["IGOWHO"]["as_source"] == 3 and actors["IGOWHO"]["as_target"] == 0
    assert all(a["events"] == a["as_source"] + a["as_target"] for a in actors.values())


def test_actors_filter_by_country_and_prefix(client):
    by_country = client.get("/api/actors", params={"country": "usa"}).json()["actors"]
    assert {a["actor"] for a in by_country} == {"USA", "USAGOV"}
    by_prefix = client.get("/api/actors", params={"prefix": "RUSG"}).json()["actors"]
    assert [a["actor"] for a in by_prefix] == ["RUSGOV"]


def test_actor_has_counts_partners_and_names(client):
    body = client.get("/api/actors/IRN").json()
    assert body["actor"]["code"] == "IRN"
    assert body["actor"]["as_source"] == 2 and body["actor"]["as_target"] == 2
    partners = {p["partner"] for p in body["partners"]}
    assert partners == {"RUS", "WST", "CHN", "USA"}
    assert {n["name"] for n in body["names"]} == {"Iran"}
    # The entry of the actor dictionary (detente.actors) for the code itself.
    assert any(
        d["code"] == "IRN" and d["kind"] == "country" for d in body["dictionary"]
    ), body["dictionary"]


def test_actor_without_events_is_404(client):
    assert_error_shape(client.get("/api/actors/ZZZ"), 404)
