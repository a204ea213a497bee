"""The signed network of a period: who cooperates with whom, who conflicts.

Nodes are actors (countries by default); the undirected edge between two
actors has ``weight`` = the sum of Goldstein scores of their events in both
directions (net cooperation on the Goldstein scale), ``sign`` = +1/−1 (0 when
the sum is within ``threshold`` of zero), and the event counts. The directed
variant (:func:`signed_digraph`) keeps the two directions apart.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..errors import AnalysisError
from .frames import actor_columns, json_ready, prepare_events, select_dates


def _edge_table(
    events: pd.DataFrame, *, start: Any, end: Any, level: str, directed: bool
) -> pd.DataFrame:
    frame = select_dates(prepare_events(events), start=start, end=end)
    source, target = actor_columns(level)
    frame = frame[
        (frame[source] != "") & (frame[target] != "") & (frame[source] != frame[target])
    ]
    if directed:
        u, v = frame[source], frame[target]
    else:
        u = frame[[source, target]].min(axis=1)
        v = frame[[source, target]].max(axis=1)
    table = pd.DataFrame(
        {
            "u": u,
            "v": v,
            "goldstein": frame["goldstein"].astype(float),
            "cooperative": frame["quad_class"].isin([1, 2]).astype(int),
            "conflictual": frame["quad_class"].isin([3, 4]).astype(int),
            "events": 1,
        }
    )
    return table.groupby(["u", "v"], as_index=False).sum()


def _build(
    graph: nx.Graph, table: pd.DataFrame, *, min_events: int, threshold: float
) -> nx.Graph:
    for row in table.itertuples(index=False):
        if row.events < min_events:
            continue
        weight = float(row.goldstein)
        sign = 0 if abs(weight) <= threshold else int(np.sign(weight))
        graph.add_edge(
            str(row.u),
            str(row.v),
            weight=weight,
            sign=sign,
            events=int(row.events),
            cooperative=int(row.cooperative),
            conflictual=int(row.conflictual),
            net_cooperation=int(row.cooperative) - int(row.conflictual),
            goldstein_mean=weight / row.events,
        )
    return graph


def signed_network(
    events: pd.DataFrame,
    *,
    start: Any = None,
    end: Any = None,
    level: str = "country",
    min_events: int = 1,
    threshold: float = 0.0,
) -> nx.Graph:
    """The undirected signed network of the events in a period.

    Parameters
    ----------
    events:
        An events frame.
    start, end:
        Only events with ``start <= event_date <= end``.
    level:
        ``"country"`` (nodes are countries, IGO, blocs) or ``"actor"``.
    min_events:
        Pairs with fewer events (both directions) get no edge.
    threshold:
        Edges whose Goldstein sum is within ``±threshold`` get ``sign`` 0
        (neither friend nor foe); balance and blocs ignore them.

    Returns
    -------
    networkx.Graph
        Edge attributes: ``weight`` (Goldstein sum), ``sign``, ``events``,
        ``cooperative``, ``conflictual``, ``net_cooperation``,
        ``goldstein_mean``. Self-events and events with an empty actor are left
        out. ``graph.graph`` records ``start``, ``end``, ``level``.
    """
    if min_events < 1:
        raise AnalysisError(f"min_events must be at least 1, got {min_events}")
    table = _edge_table(events, start=start, end=end, level=level, directed=False)
    graph = nx.Graph(start=str(start or ""), end=str(end or ""), level=level)
    return _build(graph, table, min_events=min_events, threshold=threshold)


def signed_digraph(
    events: pd.DataFrame,
    *,
    start: Any = None,
    end: Any = None,
    level: str = "country",
    min_events: int = 1,
    threshold: float = 0.0,
) -> nx.DiGraph:
    """The directed signed network: one edge per source → target direction.

    Same parameters and edge attributes as :func:`signed_network`.
    """
    if min_events < 1:
        raise AnalysisError(f"min_events must be at least 1, got {min_events}")
    table = _edge_table(events, start=start, end=end, level=level, directed=True)
    graph = nx.DiGraph(start=str(start or ""), end=str(end or ""), level=level)
    return _build(graph, table, min_events=min_events, threshold=threshold)


def network_summary(graph: nx.Graph) -> dict[str, Any]:
    """Counts of nodes and edges by sign, density, and the strongest actors."""
    signs = [d.get("sign", 0) for _, _, d in graph.edges(data=True)]
    strength = {
        node: sum(abs(d.get("weight", 0.0)) for _, _, d in graph.edges(node, data=True))
        for node in graph.nodes
    }
    top = sorted(strength.items(), key=lambda item: (-item[1], item[0]))[:10]
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "positive_edges": sum(1 for s in signs if s > 0),
        "negative_edges": sum(1 for s in signs if s < 0),
        "neutral_edges": sum(1 for s in signs if s == 0),
        "density": nx.density(graph) if graph.number_of_nodes() > 1 else 0.0,
        "strongest": [{"actor": a, "strength": s} for a, s in top],
    }


def network_to_json(graph: nx.Graph) -> dict[str, Any]:
    """A JSON-ready dict of the network: ``nodes``, ``links`` and a summary.

    The ``nodes``/``links`` layout is networkx's node-link format (what D3
    and most dashboards read).
    """
    data = nx.node_link_data(graph, edges="links")
    data["summary"] = network_summary(graph)
    return json_ready(data)


def write_graphml(graph: nx.Graph, path: str | Path) -> Path:
    """Write the network as GraphML (readable by Gephi, igraph, yEd)."""
    path = Path(path)
    clean = graph.copy()
    for key, value in list(clean.graph.items()):
        if value is None:
            clean.graph[key] = ""
    try:
        nx.write_graphml(clean, path)
    except OSError as e:
        raise AnalysisError(
            f"{path}: cannot write GraphML ({e}); check the folder"
        ) from e
    return path


def graph_from_json(data: dict[str, Any] | str) -> nx.Graph:
    """Rebuild a network from :func:`network_to_json` output (dict or JSON text)."""
    parsed: dict[str, Any] = json.loads(data) if isinstance(data, str) else data
    payload = {k: v for k, v in parsed.items() if k != "summary"}
    return nx.node_link_graph(payload, edges="links")
