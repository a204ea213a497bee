"""Structural balance: triad share, walk index, exact frustration index."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

from detente.analysis import balance, signed_network

from .synthetic import bloc_events

TWO_CAMPS = [["USA", "GBR", "FRA", "JPN"], ["CHN", "RUS", "IRN"]]


def test_balanced_network_has_no_frustration():
    result = balance(signed_network(bloc_events(TWO_CAMPS)))
    assert result.frustration == 0
    assert result.balanced_triad_share == 1.0
    assert result.walk_balance == pytest.approx(1.0)
    assert result.unbalanced_triads == []
    camps = {
        frozenset(n for n, side in result.partition.items() if side == s)
        for s in (0, 1)
    }
    assert camps == {frozenset(c) for c in TWO_CAMPS}


@pytest.mark.parametrize(
    "flip",
    [
        pytest.param(("USA", "GBR"), id="allies-fall-out"),
        pytest.param(("USA", "CHN"), id="rivals-make-up"),
    ],
)
def test_one_flipped_edge_gives_frustration_one(flip):
    result = balance(signed_network(bloc_events(TWO_CAMPS, flip=flip)))
    assert result.frustration == 1
    assert [tuple(sorted(e)) for e in result.frustrated_edges] == [tuple(sorted(flip))]
    assert result.balanced_triad_share < 1
    assert result.walk_balance < 1
    assert all(set(flip) <= set(t["nodes"]) for t in result.unbalanced_triads)
    assert result.normalized_frustration == pytest.approx(1 - 1 / (21 / 2))


def _brute_force(graph: nx.Graph) -> int:
    nodes = sorted(graph.nodes)
    best = graph.number_of_edges()
    for sides in itertools.product((0, 1), repeat=len(nodes) - 1):
        side = dict(zip(nodes, (0, *sides), strict=True))
        bad = sum(
            (side[u] == side[v]) != (d["sign"] > 0)
            for u, v, d in graph.edges(data=True)
        )
        best = min(best, bad)
    return best


@pytest.mark.parametrize(
    ("seed", "density"),
    [
        pytest.param(1, 0.6, id="dense-1"),
        pytest.param(2, 0.6, id="dense-2"),
        pytest.param(3, 0.6, id="dense-3"),
        pytest.param(4, 0.25, id="sparse-with-leaves-4"),
        pytest.param(5, 0.25, id="sparse-with-leaves-5"),
    ],
)
def test_frustration_matches_brute_force_on_random_graphs(seed, density):
    rng = np.random.default_rng(seed)
    graph = nx.gnp_random_graph(11, density, seed=seed)
    for u, v in graph.edges:
        sign = int(rng.choice([-1, 1]))
        graph[u][v].update(sign=sign, weight=float(sign * rng.integers(1, 5)))
    graph = nx.relabel_nodes(graph, {n: f"N{n}" for n in graph.nodes})
    assert balance(graph).frustration == _brute_force(graph)


def test_weighted_frustration_prefers_flipping_the_weak_edge():
    graph = nx.Graph()
    graph.add_edge("A", "B", sign=1, weight=10.0)
    graph.add_edge("B", "C", sign=1, weight=10.0)
    graph.add_edge("A", "C", sign=-1, weight=-1.0)
    result = balance(graph)
    assert result.frustration == 1
    assert result.frustration_weight == pytest.approx(1.0)


def test_empty_network():
    result = balance(nx.Graph())
    assert result.frustration == 0
    assert result.balanced_triad_share is None and result.walk_balance is None
