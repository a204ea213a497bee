"""Structural balance of a signed network (Heider 1946; Cartwright & Harary 1956).

A signed graph is *balanced* when its nodes split into two camps with every
positive edge inside a camp and every negative edge across. Three measures:

- **Triad share**: the share of signed triangles whose sign product is
  positive ("the friend of my friend is my friend"...). Cartwright & Harary
  1956, Psychological Review 63(5).
- **Walk-based balance index** ``K = tr exp(A) / tr exp(|A|)`` with ``A`` the
  signed ±1 adjacency matrix: closed walks of every length, weighted by
  1/k!, balanced ones counted against all. K = 1 for a balanced graph.
  Estrada & Benzi 2014, "Walk-based measure of balance in signed networks:
  Detecting lack of balance in social networks", Physical Review E 90, 042802.
  Per node, ``exp(A)_ii / exp(|A|)_ii`` (Estrada 2019, "Rethinking structural
  balance in signed social networks", Discrete Applied Mathematics 268).
- **Frustration index** L: the least number of edges (or least total
  absolute weight) whose removal, equivalently sign flip, makes the graph
  balanced; 0 iff balanced. Computed exactly with the binary linear model of
  Aref, Mason & Wilson 2020 ("Computing the line index of balance using
  integer programming optimisation", and Aref & Wilson 2018, "Measuring
  partial balance in signed networks", Journal of Complex Networks 6(4)):
  node-side variables ``x_i ∈ {0,1}`` and edge-frustration variables
  ``f_ij ∈ {0,1}`` with ``f_ij >= x_i - x_j``, ``f_ij >= x_j - x_i`` for a
  positive edge and ``f_ij >= x_i + x_j - 1``, ``f_ij >= 1 - x_i - x_j`` for a
  negative one; minimise ``Σ w_ij f_ij``. Solved by ``scipy.optimize.milp``
  (HiGHS). The normalised index is ``1 - L / (m/2)`` (Aref & Wilson 2018).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from ..errors import AnalysisError
from .frames import json_ready


@dataclass
class Frustration:
    """An exact frustration-minimising 2-partition."""

    value: float  # number of frustrated edges (or their total |weight|)
    partition: dict[str, int]  # node -> 0 or 1
    frustrated_edges: list[tuple[str, str]]
    optimal: bool


@dataclass
class BalanceResult:
    """Structural balance measures of one signed network.

    Attributes
    ----------
    balanced_triad_share:
        Share of signed triangles that are balanced (None without triangles).
    walk_balance:
        Estrada–Benzi walk index K in (0, 1] (None without signed edges).
    frustration:
        Exact frustration index L (number of edges to flip).
    frustration_weight:
        Least total |Goldstein weight| to flip.
    normalized_frustration:
        ``1 - L / (m/2)``: 1 balanced, near 0 as unbalanced as a random graph.
    partition:
        The frustration-minimising sides, node -> 0/1.
    frustrated_edges:
        Edges that are frustrated under that partition.
    unbalanced_triads:
        The unbalanced triangles, strongest first (by total |weight|).
    node_balance:
        Estrada's local balance per node.
    """

    signed_edges: int
    positive_edges: int
    negative_edges: int
    triangles: int
    balanced_triangles: int
    balanced_triad_share: float | None
    walk_balance: float | None
    frustration: int
    frustration_weight: float
    normalized_frustration: float | None
    partition: dict[str, int] = field(default_factory=dict)
    frustrated_edges: list[tuple[str, str]] = field(default_factory=list)
    unbalanced_triads: list[dict[str, Any]] = field(default_factory=list)
    node_balance: dict[str, float] = field(default_factory=dict)
    optimal: bool = True

    @property
    def balanced(self) -> bool:
        """Whether the network is exactly balanced (frustration 0)."""
        return self.frustration == 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the ``detente analyze balance --json`` output)."""
        data = {
            "signed_edges": self.signed_edges,
            "positive_edges": self.positive_edges,
            "negative_edges": self.negative_edges,
            "triangles": self.triangles,
            "balanced_triangles": self.balanced_triangles,
            "balanced_triad_share": self.balanced_triad_share,
            "walk_balance": self.walk_balance,
            "frustration": self.frustration,
            "frustration_weight": self.frustration_weight,
            "normalized_frustration": self.normalized_frustration,
            "balanced": self.balanced,
            "optimal": self.optimal,
            "partition": self.partition,
            "frustrated_edges": [list(e) for e in self.frustrated_edges],
            "unbalanced_triads": self.unbalanced_triads,
            "node_balance": self.node_balance,
        }
        return json_ready(data)


def signed_subgraph(graph: nx.Graph) -> nx.Graph:
    """The undirected graph of edges with a non-zero ``sign`` (a DiGraph is collapsed).

    A DiGraph's two directions are summed into one weight first.
    """
    if graph.is_directed():
        collapsed = nx.Graph()
        collapsed.add_nodes_from(graph.nodes)
        for u, v, data in graph.edges(data=True):
            weight = float(data.get("weight", data.get("sign", 0)))
            if collapsed.has_edge(u, v):
                collapsed[u][v]["weight"] += weight
            else:
                collapsed.add_edge(u, v, weight=weight)
        for _, _, data in collapsed.edges(data=True):
            data["sign"] = int(np.sign(data["weight"]))
        graph = collapsed
    signed = nx.Graph()
    signed.add_nodes_from(graph.nodes)
    for u, v, data in graph.edges(data=True):
        sign = data.get("sign")
        if sign is None:
            sign = int(np.sign(data.get("weight", 0.0)))
        if sign:
            weight = abs(float(data.get("weight", sign))) or 1.0
            signed.add_edge(u, v, sign=int(np.sign(sign)), weight=weight)
    return signed


def _triangles(graph: nx.Graph) -> list[tuple[str, str, str]]:
    order = {node: i for i, node in enumerate(sorted(graph.nodes, key=str))}
    found = []
    for u in graph.nodes:
        for v in graph[u]:
            if order[v] <= order[u]:
                continue
            for w in set(graph[u]) & set(graph[v]):
                if order[w] > order[v]:
                    found.append((u, v, w))
    return found


#: Seconds the solver may spend on one connected component.
DEFAULT_TIME_LIMIT = 30.0


def _solve_component(
    signed: nx.Graph, nodes: list[str], *, weighted: bool, time_limit: float
) -> tuple[dict[str, int], bool]:
    """The MILP of the module docstring on one connected component."""
    index = {node: i for i, node in enumerate(nodes)}
    edges = list(signed.subgraph(nodes).edges(data=True))
    n, m = len(nodes), len(edges)
    matrix = np.zeros((2 * m, n + m))
    lower = np.zeros(2 * m)
    cost = np.zeros(n + m)
    for k, (u, v, data) in enumerate(edges):
        i, j, f = index[u], index[v], n + k
        if data["sign"] > 0:
            # f >= x_i - x_j and f >= x_j - x_i
            matrix[2 * k, [f, i, j]] = [1, -1, 1]
            matrix[2 * k + 1, [f, i, j]] = [1, 1, -1]
        else:
            # f >= x_i + x_j - 1 and f >= 1 - x_i - x_j
            matrix[2 * k, [f, i, j]] = [1, -1, -1]
            matrix[2 * k + 1, [f, i, j]] = [1, 1, 1]
            lower[2 * k], lower[2 * k + 1] = -1, 1
        cost[f] = data["weight"] if weighted else 1.0
    upper = np.ones(n + m)
    # The two camps can be swapped: fix the side of the busiest node.
    upper[index[max(nodes, key=lambda x: (signed.degree(x), str(x)))]] = 0.0
    # With binary x the optimal f are 0/1 anyway, so only x is declared integer.
    result = milp(
        cost,
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),
        bounds=Bounds(np.zeros(n + m), upper),
        constraints=LinearConstraint(matrix, lower, np.inf),
        options={"time_limit": time_limit},
    )
    if result.x is None:
        raise AnalysisError(
            f"the frustration solver found no solution in {time_limit:.0f} s "
            f"({result.message}); raise --min-events to shrink the network"
        )
    x = np.round(result.x[:n]).astype(int)
    return {node: int(x[index[node]]) for node in nodes}, bool(result.status == 0)


def frustration_partition(
    graph: nx.Graph, *, weighted: bool = False, time_limit: float = DEFAULT_TIME_LIMIT
) -> Frustration:
    """Solve the exact frustration index as a binary linear program.

    Nodes of degree one never need a frustrated edge, so they are pruned
    (repeatedly) before solving, and each connected component of what
    remains (the 2-core) is solved on its own; the pruned nodes are then
    placed on the side that satisfies their edge.

    Parameters
    ----------
    graph:
        A signed graph (edge ``sign`` ±1 and ``weight``; zero signs ignored).
    weighted:
        Minimise total ``|weight|`` of frustrated edges instead of their number.
    time_limit:
        Seconds per component; if the solver stops there, the value is an
        upper bound and ``optimal`` is False.

    Returns
    -------
    Frustration
        The value, the 0/1 sides of the nodes, and the frustrated edges.
    """
    signed = signed_subgraph(graph)
    core = signed.copy()
    pruned: list[tuple[str, str | None, int]] = []
    leaves = [node for node in core if core.degree(node) <= 1]
    while leaves:
        for node in leaves:
            if node not in core or core.degree(node) > 1:
                continue
            neighbours = list(core[node])
            if neighbours:
                pruned.append((node, neighbours[0], core[node][neighbours[0]]["sign"]))
            else:
                pruned.append((node, None, 0))
            core.remove_node(node)
        leaves = [node for node in core if core.degree(node) <= 1]
    partition: dict[str, int] = {}
    optimal = True
    for component in sorted(
        nx.connected_components(core), key=lambda c: min(map(str, c))
    ):
        sides, solved = _solve_component(
            core, sorted(component, key=str), weighted=weighted, time_limit=time_limit
        )
        partition.update(sides)
        optimal = optimal and solved
    for node, neighbour, sign in reversed(pruned):
        if neighbour is None:
            partition[node] = 0
        else:
            partition[node] = (
                partition[neighbour] if sign > 0 else 1 - partition[neighbour]
            )
    frustrated = [
        (u, v)
        for u, v, data in signed.edges(data=True)
        if (partition[u] == partition[v]) != (data["sign"] > 0)
    ]
    value = (
        float(sum(signed[u][v]["weight"] for u, v in frustrated))
        if weighted
        else float(len(frustrated))
    )
    return Frustration(value, partition, frustrated, optimal)


def _walk_balance(signed: nx.Graph) -> tuple[float | None, dict[str, float]]:
    nodes = sorted(signed.nodes, key=str)
    if signed.number_of_edges() == 0:
        return None, {}
    a = nx.to_numpy_array(signed, nodelist=nodes, weight="sign")
    # tr exp(A) = Σ exp(λ); shifting by the largest eigenvalue of |A| avoids
    # overflow and cancels in the ratio (λ_max(A) <= λ_max(|A|)).
    lam, vec = np.linalg.eigh(a)
    mu, vec_abs = np.linalg.eigh(np.abs(a))
    shift = mu.max()
    k = float(np.exp(lam - shift).sum() / np.exp(mu - shift).sum())
    diag = (vec**2) @ np.exp(lam - shift)
    diag_abs = (vec_abs**2) @ np.exp(mu - shift)
    local = {
        node: float(diag[i] / diag_abs[i])
        for i, node in enumerate(nodes)
        if signed.degree(node) > 0
    }
    return k, local


def balance(graph: nx.Graph, *, top: int = 10, exact: bool = True) -> BalanceResult:
    """Measure the structural balance of a signed network.

    Parameters
    ----------
    graph:
        From :func:`~detente.analysis.signed_network` (edges with ``sign``
        and ``weight``); a DiGraph is collapsed to undirected first.
    top:
        How many unbalanced triads to list.
    exact:
        Solve the frustration index (two small MILPs); False skips it and
        leaves ``frustration`` at -1 (for quick per-period series).

    Returns
    -------
    BalanceResult
        ``balanced_triad_share``, ``walk_balance``, exact ``frustration``
        (edge count) and ``frustration_weight``, the partition and the most
        unbalanced triads. See the module docstring for formulas and sources.
    """
    signed = signed_subgraph(graph)
    signs = nx.get_edge_attributes(signed, "sign")
    triangles = _triangles(signed)
    unbalanced: list[dict[str, Any]] = []
    for u, v, w in triangles:
        edge_pairs = [(u, v), (v, w), (u, w)]
        product = np.prod([signed[x][y]["sign"] for x, y in edge_pairs])
        if product < 0:
            unbalanced.append(
                {
                    "nodes": sorted([u, v, w], key=str),
                    "signs": {
                        f"{x}-{y}": signed[x][y]["sign"]
                        for x, y in (sorted(p, key=str) for p in edge_pairs)
                    },
                    "strength": float(
                        sum(signed[x][y]["weight"] for x, y in edge_pairs)
                    ),
                }
            )
    unbalanced.sort(key=lambda t: (-t["strength"], t["nodes"]))
    if exact:
        count_solution = frustration_partition(signed)
        weight_solution = frustration_partition(signed, weighted=True)
    else:
        count_solution = weight_solution = Frustration(-1.0, {}, [], False)
    m = len(signs)
    walk, local = _walk_balance(signed)
    share = (len(triangles) - len(unbalanced)) / len(triangles) if triangles else None
    return BalanceResult(
        signed_edges=m,
        positive_edges=sum(1 for s in signs.values() if s > 0),
        negative_edges=sum(1 for s in signs.values() if s < 0),
        triangles=len(triangles),
        balanced_triangles=len(triangles) - len(unbalanced),
        balanced_triad_share=share,
        walk_balance=walk,
        frustration=int(count_solution.value),
        frustration_weight=weight_solution.value,
        normalized_frustration=(
            1 - count_solution.value / (m / 2) if m and exact else None
        ),
        partition=count_solution.partition,
        frustrated_edges=count_solution.frustrated_edges,
        unbalanced_triads=unbalanced[:top],
        node_balance=local,
        optimal=count_solution.optimal and weight_solution.optimal,
    )


def all_triads(graph: nx.Graph) -> list[tuple[str, str, str]]:
    """Every triangle of signed edges (node triples in name order)."""
    triads = []
    for triangle in _triangles(signed_subgraph(graph)):
        first, second, third = sorted(triangle, key=str)
        triads.append((first, second, third))
    return triads


__all__ = [
    "BalanceResult",
    "Frustration",
    "all_triads",
    "balance",
    "frustration_partition",
]
