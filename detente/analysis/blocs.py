"""Blocs: a partition of the signed network into camps.

The criterion is Doreian & Mrvar's signed blockmodel error (Doreian & Mrvar
2009, "Partitioning signed social networks", Social Networks 31(1)):
``P(C) = α·N + (1−α)·P`` with ``N`` the |weight| of negative edges inside
blocs and ``P`` the weight of positive edges between blocs (α = 0.5).

- k = 1: everyone in one bloc.
- k = 2: the exact frustration-minimising 2-partition (the MILP of
  :func:`detente.analysis.balance.frustration_partition`), which minimises
  ``N + P`` exactly.
- k >= 3: signed spectral clustering — k-means on the eigenvectors of the
  k smallest eigenvalues of the signed Laplacian ``L = D̄ − A``, ``D̄`` the
  diagonal of absolute degrees (Kunegis et al. 2010, "Spectral analysis of
  signed graphs for clustering, prediction and visualization", SIAM SDM) —
  refined by moving single nodes while ``P(C)`` drops (Doreian & Mrvar's
  relocation step).

With ``k=None`` every k from 1 to ``max_k`` is tried and the partition with
the lowest ``P(C)`` wins (ties go to the smaller k). Nodes without signed
edges carry no information and are listed as ``unassigned``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from ..errors import AnalysisError
from .balance import frustration_partition, signed_subgraph
from .frames import check_period, json_ready, period_range, prepare_events
from .network import signed_network


@dataclass
class BlocResult:
    """A partition of the signed network into blocs.

    Attributes
    ----------
    blocs:
        Lists of actor codes, largest bloc first.
    cohesion:
        Per bloc, the share of positive weight among its internal edges
        (None for a bloc without internal edges).
    criterion:
        Doreian–Mrvar error ``α·N + (1−α)·P`` of the partition.
    negative_between_share:
        Share of all negative weight that runs between blocs.
    positive_within_share:
        Share of all positive weight that stays inside blocs.
    """

    blocs: list[list[str]]
    cohesion: list[float | None]
    k: int
    criterion: float
    method: str
    alpha: float = 0.5
    unassigned: list[str] = field(default_factory=list)
    negative_between_share: float | None = None
    positive_within_share: float | None = None

    @property
    def membership(self) -> dict[str, int]:
        """Actor -> bloc number (0 is the largest bloc)."""
        return {actor: i for i, bloc in enumerate(self.blocs) for actor in bloc}

    def bloc_of(self, actor: str) -> int | None:
        """The bloc number of ``actor``, None if it is in none."""
        return self.membership.get(actor)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the ``detente analyze blocs --json`` output)."""
        return json_ready(
            {
                "blocs": self.blocs,
                "cohesion": self.cohesion,
                "k": self.k,
                "criterion": self.criterion,
                "method": self.method,
                "alpha": self.alpha,
                "unassigned": self.unassigned,
                "negative_between_share": self.negative_between_share,
                "positive_within_share": self.positive_within_share,
            }
        )


def _signed_matrix(signed: nx.Graph, nodes: list[str], weighted: bool) -> np.ndarray:
    a = np.zeros((len(nodes), len(nodes)))
    index = {node: i for i, node in enumerate(nodes)}
    for u, v, data in signed.edges(data=True):
        value = data["sign"] * (data["weight"] if weighted else 1.0)
        a[index[u], index[v]] = a[index[v], index[u]] = value
    return a


def _criterion(a: np.ndarray, labels: np.ndarray, alpha: float) -> float:
    same = labels[:, None] == labels[None, :]
    negative_inside = -a[(a < 0) & same].sum() / 2
    positive_across = a[(a > 0) & ~same].sum() / 2
    return float(alpha * negative_inside + (1 - alpha) * positive_across)


def _kmeans(points: np.ndarray, k: int, *, restarts: int = 10) -> np.ndarray:
    rng = np.random.default_rng(0)
    best, best_inertia = np.zeros(len(points), dtype=int), np.inf
    for _ in range(restarts):
        # k-means++ seeding, then Lloyd iterations.
        centres = [points[rng.integers(len(points))]]
        for _ in range(1, k):
            d2 = np.min([((points - c) ** 2).sum(axis=1) for c in centres], axis=0)
            if d2.sum() <= 0:
                centres.append(points[rng.integers(len(points))])
            else:
                centres.append(points[rng.choice(len(points), p=d2 / d2.sum())])
        centre_array = np.array(centres)
        labels = np.zeros(len(points), dtype=int)
        for _ in range(100):
            distances = ((points[:, None, :] - centre_array[None, :, :]) ** 2).sum(
                axis=2
            )
            new = distances.argmin(axis=1)
            if np.array_equal(new, labels) and _ > 0:
                break
            labels = new
            for j in range(k):
                if np.any(labels == j):
                    centre_array[j] = points[labels == j].mean(axis=0)
        inertia = ((points - centre_array[labels]) ** 2).sum()
        if inertia < best_inertia:
            best, best_inertia = labels.copy(), inertia
    return best


def _relocate(a: np.ndarray, labels: np.ndarray, k: int, alpha: float) -> np.ndarray:
    labels = labels.copy()
    current = _criterion(a, labels, alpha)
    improved = True
    while improved:
        improved = False
        for i in range(len(labels)):
            for j in range(k):
                if j == labels[i]:
                    continue
                trial = labels.copy()
                trial[i] = j
                value = _criterion(a, trial, alpha)
                if value < current - 1e-12:
                    labels, current, improved = trial, value, True
    return labels


def _spectral(a: np.ndarray, k: int) -> np.ndarray:
    laplacian = np.diag(np.abs(a).sum(axis=1)) - a
    _, vectors = np.linalg.eigh(laplacian)
    embedding = vectors[:, :k]
    norms = np.linalg.norm(embedding, axis=1, keepdims=True)
    embedding = embedding / np.where(norms > 0, norms, 1.0)
    return _kmeans(embedding, k)


def _result(
    a: np.ndarray,
    nodes: list[str],
    labels: np.ndarray,
    *,
    alpha: float,
    method: str,
    unassigned: list[str],
) -> BlocResult:
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    ordered = sorted(
        groups.values(), key=lambda g: (-len(g), sorted(nodes[i] for i in g))
    )
    blocs, cohesion = [], []
    for members in ordered:
        inner = a[np.ix_(members, members)]
        positive = inner[inner > 0].sum() / 2
        total = np.abs(inner).sum() / 2
        blocs.append(sorted(nodes[i] for i in members))
        cohesion.append(float(positive / total) if total > 0 else None)
    same = labels[:, None] == labels[None, :]
    negative_total = -a[a < 0].sum()
    positive_total = a[a > 0].sum()
    return BlocResult(
        blocs=blocs,
        cohesion=cohesion,
        k=len(blocs),
        criterion=_criterion(a, labels, alpha),
        method=method,
        alpha=alpha,
        unassigned=unassigned,
        negative_between_share=(
            float(-a[(a < 0) & ~same].sum() / negative_total)
            if negative_total > 0
            else None
        ),
        positive_within_share=(
            float(a[(a > 0) & same].sum() / positive_total)
            if positive_total > 0
            else None
        ),
    )


def blocs(
    graph: nx.Graph,
    *,
    k: int | None = None,
    max_k: int = 6,
    alpha: float = 0.5,
    weighted: bool = True,
) -> BlocResult:
    """Partition a signed network into blocs (positive inside, negative across).

    Parameters
    ----------
    graph:
        A signed network from :func:`~detente.analysis.signed_network`.
    k:
        Number of blocs; None chooses k in 1..``max_k`` by the lowest
        Doreian–Mrvar error.
    alpha:
        Weight of negative-inside against positive-across errors.
    weighted:
        Use |Goldstein| edge weights (True) or count edges (False).

    Returns
    -------
    BlocResult
        The blocs (largest first), their cohesion, the criterion and method.

    Raises
    ------
    AnalysisError
        If ``k`` is below 1 or the network has no signed edges.
    """
    if k is not None and k < 1:
        raise AnalysisError(f"k must be at least 1, got {k}")
    if not 0 <= alpha <= 1:
        raise AnalysisError(f"alpha must be between 0 and 1, got {alpha}")
    signed = signed_subgraph(graph)
    unassigned = sorted((n for n in signed.nodes if signed.degree(n) == 0), key=str)
    signed.remove_nodes_from(unassigned)
    nodes = sorted(signed.nodes, key=str)
    if not nodes:
        raise AnalysisError(
            "the network has no signed edges, so there are no blocs; widen the "
            "period or lower --min-events"
        )
    a = _signed_matrix(signed, nodes, weighted)
    candidates = [k] if k is not None else list(range(1, min(max_k, len(nodes)) + 1))
    best: BlocResult | None = None
    for size in candidates:
        if size == 1:
            labels, method = np.zeros(len(nodes), dtype=int), "single"
        elif size == 2:
            solution = frustration_partition(signed, weighted=weighted)
            labels = np.array([solution.partition[node] for node in nodes])
            method = "frustration-milp"
        else:
            size = min(size, len(nodes))
            labels = _relocate(a, _spectral(a, size), size, alpha)
            method = "signed-spectral+relocation"
        result = _result(
            a, nodes, labels, alpha=alpha, method=method, unassigned=unassigned
        )
        if best is None or result.criterion < best.criterion - 1e-9:
            best = result
    assert best is not None  # candidates is never empty
    return best


@dataclass
class BlocChanges:
    """Bloc membership across periods, with bloc numbers matched between periods.

    Attributes
    ----------
    membership:
        Actors × period labels; the matched bloc number, NaN when the actor
        has no signed edge in that period.
    moves:
        ``{"actor", "period", "from_bloc", "to_bloc"}`` for each change.
    stability:
        Per transition, the share of actors present in both periods that
        kept their bloc.
    """

    periods: list[str]
    results: list[BlocResult | None]
    membership: pd.DataFrame
    moves: list[dict[str, Any]]
    stability: dict[str, float | None]

    def to_dict(self) -> dict[str, Any]:
        return json_ready(
            {
                "periods": self.periods,
                "blocs": [r.blocs if r else None for r in self.results],
                "membership": {
                    actor: {p: (None if pd.isna(v) else int(v)) for p, v in row.items()}
                    for actor, row in self.membership.iterrows()
                },
                "moves": self.moves,
                "stability": self.stability,
            }
        )


def _windows(
    events: pd.DataFrame, periods: str | Sequence[tuple[Any, Any]]
) -> list[tuple[str, pd.Timestamp, pd.Timestamp]]:
    if isinstance(periods, str):
        freq = check_period(periods)
        starts = period_range(
            events["event_date"].min(), events["event_date"].max(), periods
        )
        windows = []
        for start in starts:
            period = pd.Period(start, freq=freq)
            windows.append(
                (str(period), period.start_time, period.end_time.normalize())
            )
        return windows
    return [
        (
            f"{pd.Timestamp(s).date()}..{pd.Timestamp(e).date()}",
            pd.Timestamp(s),
            pd.Timestamp(e),
        )
        for s, e in periods
    ]


def bloc_changes(
    events: pd.DataFrame,
    periods: str | Sequence[tuple[Any, Any]] = "year",
    *,
    level: str = "country",
    k: int | None = None,
    min_events: int = 1,
) -> BlocChanges:
    """Blocs in each period and how actors move between them.

    Parameters
    ----------
    events:
        An events frame.
    periods:
        A period name (``"month"``, ``"quarter"``, ``"year"``...) or a list
        of ``(start, end)`` windows.
    level, min_events:
        As in :func:`~detente.analysis.signed_network`.
    k:
        As in :func:`blocs` (None: chosen per period).

    Returns
    -------
    BlocChanges
        Matched bloc numbers per actor and period, the moves and stability.
    """
    frame = prepare_events(events)
    if frame.empty:
        raise AnalysisError("no events; load events before computing bloc changes")
    labels: list[str] = []
    results: list[BlocResult | None] = []
    columns: dict[str, dict[str, int]] = {}
    previous: list[tuple[int, set[str]]] = []
    next_label = 0
    for label, start, end in _windows(frame, periods):
        graph = signed_network(
            frame, start=start, end=end, level=level, min_events=min_events
        )
        try:
            result: BlocResult | None = blocs(graph, k=k)
        except AnalysisError:
            result = None
        labels.append(label)
        results.append(result)
        if result is None:
            columns[label] = {}
            continue
        current = [set(b) for b in result.blocs]
        assigned: dict[int, int] = {}
        if previous:
            overlap = np.array([[len(c & p) for _, p in previous] for c in current])
            rows, cols = linear_sum_assignment(-overlap)
            for r, c in zip(rows, cols, strict=True):
                if overlap[r, c] > 0:
                    assigned[r] = previous[c][0]
        for i in range(len(current)):
            if i not in assigned:
                assigned[i] = next_label
                next_label += 1
        previous = [(assigned[i], current[i]) for i in range(len(current))]
        columns[label] = {
            actor: assigned[i] for i, bloc in enumerate(current) for actor in bloc
        }
    membership = pd.DataFrame(columns, columns=labels).sort_index()
    membership.index.name = "actor"
    moves: list[dict[str, Any]] = []
    stability: dict[str, float | None] = {}
    for before, after in zip(labels, labels[1:], strict=False):
        both = membership[[before, after]].dropna()
        kept = int((both[before] == both[after]).sum())
        stability[f"{before}->{after}"] = kept / len(both) if len(both) else None
        for actor, row in both.iterrows():
            if row[before] != row[after]:
                moves.append(
                    {
                        "actor": actor,
                        "period": after,
                        "from_bloc": int(row[before]),
                        "to_bloc": int(row[after]),
                    }
                )
    return BlocChanges(labels, results, membership, moves, stability)
