"""Signed networks: edge weights, signs, filters, export."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from detente.analysis import (
    network_to_json,
    signed_digraph,
    signed_network,
    write_graphml,
)
from detente.analysis.network import graph_from_json

from .synthetic import event_rows, frame


@pytest.fixture
def events():
    d = pd.Timestamp("2022-02-01")
    return frame(
        event_rows(d, "CHN", "RUS", 4.0, 1, 3)
        + event_rows(d, "RUS", "CHN", -1.0, 3)
        + event_rows(d, "USA", "RUS", -8.0, 4, 2)
        + event_rows(d, "USA", "USA", 5.0, 1)  # self-event: left out
        + event_rows(pd.Timestamp("2023-01-01"), "USA", "CHN", 3.0, 1)
    )


def test_edges_sum_goldstein_in_both_directions(events):
    graph = signed_network(events, end="2022-12-31")
    assert sorted(graph.nodes) == ["CHN", "RUS", "USA"]
    edge = graph["CHN"]["RUS"]
    assert edge["weight"] == pytest.approx(11.0)
    assert edge["sign"] == 1
    assert (edge["events"], edge["cooperative"], edge["conflictual"]) == (4, 3, 1)
    assert graph["RUS"]["USA"]["sign"] == -1
    assert not graph.has_edge("USA", "CHN")  # outside the date range


def test_min_events_drops_thin_pairs(events):
    graph = signed_network(events, min_events=3)
    assert list(graph.edges) == [("CHN", "RUS")] or list(graph.edges) == [
        ("RUS", "CHN")
    ]


def test_digraph_keeps_directions(events):
    graph = signed_digraph(events)
    assert graph["CHN"]["RUS"]["weight"] == pytest.approx(12.0)
    assert graph["RUS"]["CHN"]["weight"] == pytest.approx(-1.0)
    assert not graph.has_edge("RUS", "USA")


def test_json_round_trip(events):
    graph = signed_network(events)
    data = network_to_json(graph)
    assert data["summary"]["negative_edges"] == 1
    again = graph_from_json(data)
    assert again["RUS"]["USA"]["weight"] == pytest.approx(-16.0)


def test_graphml_round_trip(events, tmp_path):
    path = write_graphml(signed_network(events), tmp_path / "net.graphml")
    again = nx.read_graphml(path)
    assert again["CHN"]["RUS"]["sign"] == 1
