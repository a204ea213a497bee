"""Dyad × period series: QuadClass counts, Goldstein sums and means, tone.

The unit of most event-data analysis is the directed dyad (source → target)
per period (Goldstein & Pevehouse 1997 used weekly series); the undirected
dyad sums both directions. Periods without events are *zero* for counts and
sums (not missing), and NaN for means, which are undefined there.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..errors import AnalysisError
from .frames import (
    QUAD_NAMES,
    actor_columns,
    actor_mask,
    period_range,
    period_start,
    prepare_events,
    select_dates,
)

#: Columns of :func:`dyad_series`, in order.
SERIES_COLUMNS: tuple[str, ...] = (
    "events",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "neutral",
    "cooperative",
    "conflictual",
    "net_cooperation",
    "conflict_share",
    "goldstein_sum",
    "goldstein_mean",
    "tone_mean",
)
WEIGHTS: tuple[str, ...] = ("events", "sources")


def dyad_mask(
    events: pd.DataFrame,
    a: str,
    b: str,
    *,
    directed: bool = False,
    level: str = "country",
) -> pd.Series:
    """Rows of events from ``a`` to ``b`` (and ``b`` to ``a`` unless ``directed``)."""
    source, target = actor_columns(level)
    forward = actor_mask(events[source], a) & actor_mask(events[target], b)
    if directed:
        return forward
    return forward | (actor_mask(events[source], b) & actor_mask(events[target], a))


def aggregate_series(
    events: pd.DataFrame,
    *,
    period: str = "month",
    weight: str = "events",
    start: Any = None,
    end: Any = None,
) -> pd.DataFrame:
    """Aggregate already-selected events into one row per period.

    ``start``/``end`` fix the range of periods (empty ones are filled);
    by default the range of ``events``.
    """
    if weight not in WEIGHTS:
        raise AnalysisError(f"unknown weight {weight!r}; use 'events' or 'sources'")
    if start is None or end is None:
        if events.empty:
            raise AnalysisError(
                "no events to aggregate and no start/end given; widen the selection "
                "or pass start= and end="
            )
        start = events["event_date"].min() if start is None else start
        end = events["event_date"].max() if end is None else end
    index = period_range(start, end, period)
    w = (
        events["num_sources"].astype(float)
        if weight == "sources"
        else pd.Series(1.0, index=events.index)
    )
    work = pd.DataFrame(
        {
            "period": period_start(events["event_date"], period),
            "w": w,
            "wg": w * events["goldstein"].astype(float),
            "tone": events["tone"].astype(float),
        },
        index=events.index,
    )
    for code, name in QUAD_NAMES.items():
        work[name] = w * (events["quad_class"] == code)
    work["tone_w"] = work["w"].where(work["tone"].notna(), 0.0)
    work["wt"] = (work["w"] * work["tone"]).fillna(0.0)
    grouped = (
        work.groupby("period").sum(numeric_only=True).reindex(index, fill_value=0.0)
    )
    grouped.index.name = "period"
    out = pd.DataFrame(index=grouped.index)
    out["events"] = grouped["w"]
    for name in (
        "verbal_coop",
        "material_coop",
        "verbal_conflict",
        "material_conflict",
        "neutral",
    ):
        out[name] = grouped[name]
    out["cooperative"] = out["verbal_coop"] + out["material_coop"]
    out["conflictual"] = out["verbal_conflict"] + out["material_conflict"]
    out["net_cooperation"] = out["cooperative"] - out["conflictual"]
    classified = out["cooperative"] + out["conflictual"]
    out["conflict_share"] = (out["conflictual"] / classified).where(classified > 0)
    out["goldstein_sum"] = grouped["wg"]
    out["goldstein_mean"] = (grouped["wg"] / grouped["w"]).where(grouped["w"] > 0)
    out["tone_mean"] = (grouped["wt"] / grouped["tone_w"]).where(grouped["tone_w"] > 0)
    if weight == "events":
        count_columns = list(SERIES_COLUMNS[:9])
        out[count_columns] = out[count_columns].round().astype(np.int64)
    return out[list(SERIES_COLUMNS)]


def dyad_series(
    events: pd.DataFrame,
    a: str,
    b: str,
    *,
    directed: bool = False,
    period: str = "month",
    weight: str = "events",
    level: str = "country",
    start: Any = None,
    end: Any = None,
) -> pd.DataFrame:
    """Per-period series of the events between two actors.

    Parameters
    ----------
    events:
        An events frame (see :mod:`detente.analysis.frames`).
    a, b:
        Actor codes (country codes at ``level="country"``); ``*`` patterns
        such as ``"IGO*"`` are allowed.
    directed:
        Only events from ``a`` to ``b``; by default both directions.
    period:
        ``"day"``, ``"week"`` (Monday–Sunday), ``"month"``, ``"quarter"`` or ``"year"``.
    weight:
        ``"events"`` counts each event once; ``"sources"`` weights each event
        by its ``num_sources`` (counts and sums become weighted).
    level:
        ``"country"`` or ``"actor"``.
    start, end:
        The range of periods; by default the date range of ``events``, so
        that series of different dyads line up.

    Returns
    -------
    pandas.DataFrame
        Indexed by period start (``period``), with columns ``events``, the
        QuadClass counts ``verbal_coop``, ``material_coop``,
        ``verbal_conflict``, ``material_conflict``, ``neutral``,
        ``cooperative`` (1+2), ``conflictual`` (3+4), ``net_cooperation``
        (cooperative − conflictual), ``conflict_share``, ``goldstein_sum``,
        ``goldstein_mean`` and ``tone_mean``. Empty periods hold zeros
        (NaN for the means and the share).

    Examples
    --------
    >>> series = dyad_series(events, "CHN", "RUS", period="month")  # doctest: +SKIP
    >>> series["net_cooperation"].sum()                              # doctest: +SKIP
    """
    frame = prepare_events(events)
    frame = select_dates(frame, start=start, end=end)
    if frame.empty and (start is None or end is None):
        raise AnalysisError(
            f"no events between {start or 'the first date'} and {end or 'the last date'}; "
            "widen --from/--to or load more events"
        )
    lo = frame["event_date"].min() if start is None else start
    hi = frame["event_date"].max() if end is None else end
    selected = frame[dyad_mask(frame, a, b, directed=directed, level=level)]
    return aggregate_series(selected, period=period, weight=weight, start=lo, end=hi)


def directed_label(source: str, target: str) -> str:
    """The name of a directed dyad: ``"USA->CHN"``."""
    return f"{source}->{target}"
