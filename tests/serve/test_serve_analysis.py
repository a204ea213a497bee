"""Dyad series, networks, balance and blocs over the sample store."""

from __future__ import annotations

import pytest

from .conftest import assert_error_shape

QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


def test_dyad_series_counts_both_directions_per_month(client):
    body = client.get("/api/dyad", params={"a": "USA", "b": "CHN"}).json()
    assert (body["a"], body["b"], body["period"]) == ("USA", "CHN", "month")
    series = body["series"]
    # One row per month of the whole store, January to June, empty ones zero.
    assert [row["period"][:7] for row in series] == [f"2024-0{m}" for m in range(1, 7)]
    assert series[0]["period_end"] == "2024-01-31"
    assert sum(row["events"] for row in series) == 6
    assert sum(row["verbal_conflict"] + row["material_conflict"] for row in series) == 5
    assert all(
        row["events"] == sum(row[q] for q in QUADS) + row["neutral"] for row in series
    )
    march = series[2]
    assert (march["events"], march["goldstein_sum"]) == (2, -7.0)


def test_dyad_directed_keeps_one_direction(client):
    both = client.get("/api/dyad", params={"a": "USA", "b": "CHN"}).json()["series"]
    one = client.get(
        "/api/dyad", params={"a": "USA", "b": "CHN", "directed": "true"}
    ).json()["series"]
    assert sum(r["events"] for r in one) == 3
    assert sum(r["events"] for r in one) < sum(r["events"] for r in both)


def test_dyad_without_actors_shows_the_busiest_dyad(client):
    body = client.get("/api/dyad").json()
    assert {body["a"], body["b"]} == {"CHN", "USA"}
    assert body["countries"][0]["country"] in {"USA", "CHN", "RUS"}


def test_dyad_with_no_events_says_so(client):
    body = client.get("/api/dyad", params={"a": "IND", "b": "IRN"}).json()
    assert body["series"] == [] and "no events" in body["message"]


@pytest.mark.parametrize(
    ("params", "status"),
    [({"period": "fortnight"}, 422), ({"a": "U$A", "b": "CHN"}, 422)],
    ids=["unknown-period", "bad-actor-code"],
)
def test_dyad_bad_parameters(client, params, status):
    assert_error_shape(client.get("/api/dyad", params=params), status)


def test_network_has_two_camps(client):
    body = client.get("/api/network").json()
    nodes = {n["id"]: n for n in body["nodes"]}
    assert {"USA", "CHN", "RUS", "IND", "WST", "IRN"} <= set(nodes)
    assert all(
        isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes.values()
    )
    assert nodes["USA"]["bloc"] == nodes["IND"]["bloc"] == nodes["WST"]["bloc"]
    assert nodes["CHN"]["bloc"] == nodes["RUS"]["bloc"] == nodes["IRN"]["bloc"]
    assert nodes["USA"]["bloc"] != nodes["CHN"]["bloc"]
    signs = {(link["source"], link["target"]): link["sign"] for link in body["links"]}
    assert signs.get(("CHN", "RUS"), signs.get(("RUS", "CHN"))) == 1
    assert body["balance"]["balanced"] is True


def test_network_of_a_short_period_has_fewer_edges(client):
    whole = client.get("/api/network").json()
    march = client.get(
        "/api/network", params={"date_from": "2024-03-01", "date_to": "2024-03-31"}
    ).json()
    assert (march["start"], march["end"]) == ("2024-03-01", "2024-03-31")
    assert 0 < len(march["links"]) < len(whole["links"])


def test_balance_and_blocs_endpoints(client):
    balance = client.get("/api/balance").json()["balance"]
    assert balance["frustration"] == 0 and balance["triangles"] >= 1
    blocs = client.get("/api/blocs", params={"k": 2}).json()["blocs"]
    assert blocs["k"] == 2
    assert sorted(map(sorted, blocs["blocs"])) == sorted(
        [["CHN", "IRN", "RUS"], ["IGO", "IND", "UKR", "USA", "WST"]]
    )


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/blocs", {"k": 50}, 400),
        ("/api/balance", {"date_from": "2030-01-01", "date_to": "2030-02-01"}, 400),
        ("/api/network", {"min_events": 0}, 422),
        ("/api/balance", {"date_from": "2024-05-01", "date_to": "2024-04-01"}, 400),
    ],
    ids=["too-many-blocs", "empty-period", "min-events-zero", "reversed-range"],
)
def test_network_bad_parameters(client, path, params, status):
    assert_error_shape(client.get(path, params=params), status)
