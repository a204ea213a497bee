"""Polarity: how concentrated the system's cooperation and conflict are.

For actor i with activity strength ``t_i = Σ_j |w_ij|`` (the |Goldstein|
weight of all its edges in the period's signed network), shares
``s_i = t_i / Σ t``. Then

- **concentration** ``CON = sqrt((Σ s_i² − 1/N) / (1 − 1/N))`` over the N
  active actors: 0 when activity is spread evenly, 1 when one actor takes
  part in all of it. This is Ray & Singer's concentration index (Ray & Singer
  1973, "Measuring the concentration of power in the international system",
  Sociological Methods & Research 1(4); used on capability shares by Singer,
  Bremer & Stuckey 1972), applied to shares of event activity instead of
  shares of capability.
- **effective_poles** ``1 / Σ s_i²``: the number of equally active actors
  that would give the same concentration (Laakso & Taagepera 1979,
  "Effective number of parties", Comparative Political Studies 12(1)).
- ``cooperation_concentration`` / ``conflict_concentration``: CON over the
  positive / negative edge weight only.
- Network bloc indices (analytics note §2, after Bueno de Mesquita 1975,
  "Measuring systemic polarity", JCR 19(2)): number of signed blocs, the
  largest bloc's share of actors, and the share of negative weight that runs
  between blocs (1 = all hostility is bloc against bloc: a tight bipolar or
  multipolar structure).
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..errors import AnalysisError
from .blocs import blocs
from .frames import check_period, period_range, prepare_events
from .network import signed_network


def concentration(values: Any) -> float | None:
    """Ray & Singer's CON of non-negative values (None for fewer than 2 actors)."""
    array = np.asarray([v for v in values if v > 0], dtype=float)
    n = len(array)
    if n < 2:
        return None
    shares = array / array.sum()
    hhi = float((shares**2).sum())
    return float(np.sqrt(max(hhi - 1 / n, 0.0) / (1 - 1 / n)))


def polarity_index(graph: nx.Graph, *, k: int | None = None) -> dict[str, Any]:
    """Polarity measures of one signed network (see the module docstring).

    Returns
    -------
    dict
        ``actors``, ``concentration``, ``effective_poles``,
        ``cooperation_concentration``, ``conflict_concentration``, ``poles``
        (the three most active actors with their shares), ``n_blocs``,
        ``largest_bloc_share``, ``negative_between_share``.
    """
    strength: dict[str, float] = {}
    positive: dict[str, float] = {}
    negative: dict[str, float] = {}
    for u, v, data in graph.edges(data=True):
        weight = float(data.get("weight", 0.0))
        for node in (u, v):
            strength[node] = strength.get(node, 0.0) + abs(weight)
            if weight > 0:
                positive[node] = positive.get(node, 0.0) + weight
            elif weight < 0:
                negative[node] = negative.get(node, 0.0) - weight
    total = sum(strength.values())
    shares = {node: s / total for node, s in strength.items()} if total > 0 else {}
    hhi = sum(s**2 for s in shares.values())
    poles = sorted(shares.items(), key=lambda item: (-item[1], item[0]))[:3]
    result: dict[str, Any] = {
        "actors": sum(1 for s in strength.values() if s > 0),
        "concentration": concentration(strength.values()),
        "effective_poles": 1 / hhi if hhi > 0 else None,
        "cooperation_concentration": concentration(positive.values()),
        "conflict_concentration": concentration(negative.values()),
        "poles": [{"actor": a, "share": s} for a, s in poles],
        "n_blocs": None,
        "largest_bloc_share": None,
        "negative_between_share": None,
    }
    try:
        partition = blocs(graph, k=k)
    except AnalysisError:
        return result
    assigned = sum(len(b) for b in partition.blocs)
    result["n_blocs"] = partition.k
    result["largest_bloc_share"] = (
        len(partition.blocs[0]) / assigned if assigned else None
    )
    result["negative_between_share"] = partition.negative_between_share
    return result


def polarity(
    events: pd.DataFrame,
    *,
    period: str = "year",
    level: str = "country",
    min_events: int = 1,
    k: int | None = None,
) -> pd.DataFrame:
    """Polarity of the signed network in each period.

    Parameters
    ----------
    events:
        An events frame.
    period:
        ``"month"``, ``"quarter"``, ``"year"`` (or ``"week"``/``"day"``).
    level, min_events:
        As in :func:`~detente.analysis.signed_network`.
    k:
        Fixed number of blocs, or None to choose per period.

    Returns
    -------
    pandas.DataFrame
        Indexed by period start: ``events``, ``actors``, ``concentration``,
        ``effective_poles``, ``cooperation_concentration``,
        ``conflict_concentration``, ``n_blocs``, ``largest_bloc_share``,
        ``negative_between_share`` and ``poles`` (most active actors,
        ``"USA 0.31, CHN 0.22, RUS 0.12"``).
    """
    frame = prepare_events(events)
    if frame.empty:
        raise AnalysisError("no events; load events before computing polarity")
    freq = check_period(period)
    rows = []
    starts = period_range(frame["event_date"].min(), frame["event_date"].max(), period)
    for start in starts:
        end = pd.Period(start, freq=freq).end_time.normalize()
        window = frame[(frame["event_date"] >= start) & (frame["event_date"] <= end)]
        graph = signed_network(window, level=level, min_events=min_events)
        index = polarity_index(graph, k=k)
        poles = ", ".join(f"{p['actor']} {p['share']:.2f}" for p in index.pop("poles"))
        rows.append({"period": start, "events": len(window), **index, "poles": poles})
    return pd.DataFrame(rows).set_index("period")
