"""Blocs: signed partitions recover planted camps."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from detente.analysis import bloc_changes, blocs, signed_network
from detente.errors import AnalysisError

from .synthetic import bloc_events

TWO = [["USA", "GBR", "FRA", "JPN"], ["CHN", "RUS", "IRN"]]
THREE = [["USA", "GBR", "FRA"], ["CHN", "RUS", "PRK"], ["IND", "BRA", "ZAF", "IDN"]]


@pytest.mark.parametrize(
    ("groups", "k"),
    [
        pytest.param(TWO, None, id="two-camps-k-chosen"),
        pytest.param(TWO, 2, id="two-camps-k2"),
        pytest.param(THREE, None, id="three-camps-k-chosen"),
        pytest.param(THREE, 3, id="three-camps-k3"),
    ],
)
def test_planted_blocs_are_recovered_exactly(groups, k):
    result = blocs(signed_network(bloc_events(groups)), k=k)
    assert {frozenset(b) for b in result.blocs} == {frozenset(g) for g in groups}
    assert result.criterion == 0
    assert result.cohesion == [1.0] * len(groups)
    assert result.negative_between_share == 1.0


def test_two_camps_use_the_exact_milp():
    result = blocs(signed_network(bloc_events(TWO)))
    assert result.method == "frustration-milp"
    assert result.bloc_of("CHN") == result.bloc_of("RUS") != result.bloc_of("USA")


def test_cohesion_drops_with_a_quarrel_inside():
    result = blocs(signed_network(bloc_events(TWO, flip=("USA", "GBR"))), k=2)
    western = result.blocs[result.bloc_of("FRA")]
    assert "USA" in western and "GBR" in western
    assert result.cohesion[result.bloc_of("FRA")] < 1.0


def test_no_signed_edges_raises():
    graph = nx.Graph()
    graph.add_edge("USA", "CHN", sign=0, weight=0.0)
    with pytest.raises(AnalysisError, match="no signed edges"):
        blocs(graph)


def test_bloc_changes_tracks_a_defection():
    before = bloc_events(TWO, date="2020-03-02")
    after_groups = [["USA", "GBR", "FRA", "JPN", "IRN"], ["CHN", "RUS"]]
    after = bloc_events(after_groups, date="2021-03-02")
    changes = bloc_changes(pd.concat([before, after]), "year")
    assert changes.periods == ["2020", "2021"]
    membership = changes.membership
    assert membership.loc["USA", "2020"] == membership.loc["USA", "2021"]
    assert membership.loc["CHN", "2020"] == membership.loc["CHN", "2021"]
    assert [m["actor"] for m in changes.moves] == ["IRN"]
    assert changes.stability["2020->2021"] == pytest.approx(6 / 7)
