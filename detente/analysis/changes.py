"""Change points in a dyad's series (PELT / binary segmentation with ruptures).

PELT (Killick, Fearnhead & Eckley 2012, "Optimal detection of changepoints
with a linear computational cost", JASA 107(500)) finds the segmentation
minimising ``Σ segment cost + β·(number of breaks)`` exactly; the cost is the
squared deviation from the segment mean (a change in mean, ruptures' ``l2``;
Truong, Oudre & Vayatis 2020, "Selective review of offline change point
detection methods", Signal Processing 167). The default penalty is
``β = 2·σ²·log n`` (a BIC-type penalty) with the noise σ estimated robustly
from the first differences (MAD / 0.6745 / √2), so it does not depend on the
scale of the series.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import ruptures

from ..errors import AnalysisError
from .dyads import dyad_mask, dyad_series
from .frames import check_period, json_ready, prepare_events

METHODS: tuple[str, ...] = ("pelt", "binseg")


@dataclass
class ChangePoint:
    """A break in a dyad's series.

    ``date`` is the start of the first period of the new segment;
    ``events`` are the dyad's events in the period before and the period
    after the break, strongest |Goldstein| first (at most 10).
    """

    date: pd.Timestamp
    index: int
    mean_before: float
    mean_after: float
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def delta(self) -> float:
        """``mean_after - mean_before``."""
        return self.mean_after - self.mean_before

    @property
    def direction(self) -> str:
        """``"up"`` (more cooperative) or ``"down"``."""
        return "up" if self.delta > 0 else "down"

    def to_dict(self) -> dict[str, Any]:
        return json_ready(
            {
                "date": self.date,
                "index": self.index,
                "mean_before": self.mean_before,
                "mean_after": self.mean_after,
                "delta": self.delta,
                "direction": self.direction,
                "events": self.events,
            }
        )


def default_penalty(signal: np.ndarray) -> float:
    """``2·σ²·log n`` with σ from the median absolute first difference."""
    n = len(signal)
    diffs = np.diff(signal)
    sigma = float(np.median(np.abs(diffs - np.median(diffs))) / 0.6745 / np.sqrt(2))
    if sigma == 0:
        sigma = float(np.std(diffs) / np.sqrt(2)) or 1.0
    return 2.0 * sigma**2 * np.log(max(n, 2))


def detect_breaks(
    signal: np.ndarray,
    *,
    method: str = "pelt",
    penalty: float | None = None,
    min_size: int = 2,
) -> list[int]:
    """Indices where a new segment starts (ruptures' breakpoints minus the end)."""
    if method not in METHODS:
        raise AnalysisError(
            f"unknown change-point method {method!r}; use pelt or binseg"
        )
    signal = np.asarray(signal, dtype=float)
    if len(signal) < 2 * min_size + 1:
        raise AnalysisError(
            f"insufficient data: {len(signal)} periods, change points need at least "
            f"{2 * min_size + 1}; widen the dates or use a shorter period"
        )
    pen = default_penalty(signal) if penalty is None else penalty
    algo_class = ruptures.Pelt if method == "pelt" else ruptures.Binseg
    algo = algo_class(model="l2", min_size=min_size, jump=1).fit(signal.reshape(-1, 1))
    return [b for b in algo.predict(pen=pen) if b < len(signal)]


def change_points(
    events: pd.DataFrame,
    a: str,
    b: str,
    *,
    period: str = "week",
    method: str = "pelt",
    penalty: float | None = None,
    measure: str = "goldstein_sum",
    directed: bool = False,
    level: str = "country",
    min_size: int = 2,
    start: Any = None,
    end: Any = None,
) -> list[ChangePoint]:
    """Find the breaks in the mean of a dyad's series.

    Parameters
    ----------
    events:
        An events frame.
    a, b:
        The dyad (both directions unless ``directed``).
    period:
        Period of the series (``"week"`` by default).
    method:
        ``"pelt"`` (exact) or ``"binseg"`` (binary segmentation).
    penalty:
        Cost of one more break; default ``2·σ²·log n`` (module docstring).
    measure:
        Column of :func:`dyad_series` to segment (``"goldstein_sum"``,
        ``"net_cooperation"``, ``"events"``...).
    min_size:
        Fewest periods in a segment.

    Returns
    -------
    list of ChangePoint
        In date order, each with the segment means either side and the
        events around it.

    Raises
    ------
    AnalysisError
        On an unknown method or measure, or too short a series
        ("insufficient data").
    """
    freq = check_period(period)
    frame = prepare_events(events)
    series = dyad_series(
        frame, a, b, directed=directed, period=period, level=level, start=start, end=end
    )
    if measure not in series.columns:
        raise AnalysisError(
            f"unknown measure {measure!r}; use one of {', '.join(series.columns)}"
        )
    signal = series[measure].fillna(0.0).to_numpy(dtype=float)
    breaks = detect_breaks(signal, method=method, penalty=penalty, min_size=min_size)
    bounds = [0, *breaks, len(signal)]
    dyad_events = frame[dyad_mask(frame, a, b, directed=directed, level=level)]
    found = []
    for i, index in enumerate(breaks):
        before = signal[bounds[i] : index]
        after = signal[index : bounds[i + 2]]
        date = series.index[index]
        window_start = pd.Period(series.index[index - 1], freq=freq).start_time
        window_end = pd.Period(date, freq=freq).end_time.normalize()
        near = dyad_events[
            (dyad_events["event_date"] >= window_start)
            & (dyad_events["event_date"] <= window_end)
        ]
        near = near.reindex(near["goldstein"].abs().sort_values(ascending=False).index)
        columns = [
            c
            for c in (
                "event_date",
                "source_actor",
                "target_actor",
                "cameo_code",
                "goldstein",
                "quad_class",
                "plover_type",
                "num_sources",
                "source_url",
                "event_key",
                "root_doc_id",
            )
            if c in near.columns
        ]
        found.append(
            ChangePoint(
                date=date,
                index=int(index),
                mean_before=float(before.mean()),
                mean_after=float(after.mean()),
                events=json_ready(near[columns].head(10).to_dict(orient="records")),
            )
        )
    return found
