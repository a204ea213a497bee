"""Does a conclusion survive other de-duplication modes and QuadClass mappings?

Counts of events are counts of *reports* (analytics note §0), and the three
QuadClass mappings disagree on several CAMEO roots, so every headline result
is recomputed under each de-duplication mode (``none``, ``one-a-day``,
``story``) and each mapping (``gdelt.v1``, ``icews.v1``, ``phoenix.v1``). The
conclusion *survives* when every run that could be computed has the
baseline's sign and the baseline's significance (p below ``alpha`` or not).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DetenteError
from .frames import DEDUP_MODES, QUAD_CLASS_MAPPINGS, EventsLoader, json_ready

logger = logging.getLogger(__name__)

#: What an analysis function returns: a number, or a dict with ``estimate``
#: (and optionally ``p_value``), or None when it cannot be computed.
Outcome = float | dict[str, Any] | None


@dataclass
class SensitivityResult:
    """The same analysis under every de-duplication mode and mapping.

    Attributes
    ----------
    table:
        One row per run: ``dedup``, ``mapping``, ``events``, ``estimate``,
        ``p_value``, ``sign``, ``significant``, ``error``.
    baseline:
        The first run (default options), the reference for ``survives``.
    survives:
        True when every computed run agrees with the baseline on sign and
        significance; None when the baseline could not be computed.
    """

    table: pd.DataFrame
    baseline: dict[str, Any]
    survives: bool | None
    alpha: float

    @property
    def summary(self) -> str:
        """One sentence for a report."""
        runs = self.table[self.table["error"] == ""]
        if self.survives is None:
            return (
                "The baseline result could not be computed, so sensitivity is unknown."
            )
        if self.survives:
            return (
                f"The conclusion holds in all {len(runs)} de-duplication/mapping "
                "combinations that could be computed."
            )
        differing = runs[
            (runs["sign"] != self.baseline["sign"])
            | (runs["significant"] != self.baseline["significant"])
        ]
        labels = ", ".join(f"{r.dedup}/{r.mapping}" for r in differing.itertuples())
        return (
            f"The conclusion changes in {len(differing)} of {len(runs)} combinations "
            f"({labels}); treat it as fragile."
        )

    def to_dict(self) -> dict[str, Any]:
        return json_ready(
            {
                "table": self.table,
                "baseline": self.baseline,
                "survives": self.survives,
                "alpha": self.alpha,
                "summary": self.summary,
            }
        )


def _as_outcome(value: Outcome) -> tuple[float | None, float | None]:
    if value is None:
        return None, None
    if isinstance(value, dict):
        estimate = value.get("estimate")
        p_value = value.get("p_value")
        return (
            None if estimate is None else float(estimate),
            None if p_value is None else float(p_value),
        )
    return float(value), None


def sensitivity(
    load_events: EventsLoader,
    analysis_fn: Callable[[pd.DataFrame], Outcome],
    *,
    dedup_modes: Sequence[str] = DEDUP_MODES,
    mappings: Sequence[str] = QUAD_CLASS_MAPPINGS,
    alpha: float = 0.05,
) -> SensitivityResult:
    """Recompute ``analysis_fn`` under each de-duplication mode and mapping.

    Parameters
    ----------
    load_events:
        ``load_events(dedup, quad_class_mapping) -> events frame``, e.g.
        :func:`~detente.analysis.frames.store_loader`.
    analysis_fn:
        Takes an events frame, returns a number (the estimate), a dict with
        ``estimate`` and optionally ``p_value``, or None (cannot compute).
        :class:`~detente.errors.DetenteError` raised by it is recorded.
    dedup_modes, mappings:
        The combinations to run; the first of each is the baseline.
    alpha:
        Significance level for ``significant``.

    Returns
    -------
    SensitivityResult
        The table of runs and whether the baseline's conclusion survives.
    """
    rows = []
    for dedup in dedup_modes:
        for mapping in mappings:
            row: dict[str, Any] = {
                "dedup": dedup,
                "mapping": mapping,
                "events": None,
                "estimate": None,
                "p_value": None,
                "sign": None,
                "significant": None,
                "error": "",
            }
            try:
                events = load_events(dedup, mapping)
                row["events"] = len(events)
                estimate, p_value = _as_outcome(analysis_fn(events))
            except DetenteError as e:
                logger.info("sensitivity run %s/%s failed: %s", dedup, mapping, e)
                row["error"] = str(e)
                rows.append(row)
                continue
            if estimate is None or not np.isfinite(estimate):
                row["error"] = "not computable (insufficient data)"
            else:
                row["estimate"] = estimate
                row["sign"] = int(np.sign(estimate))
                row["p_value"] = p_value
                row["significant"] = None if p_value is None else bool(p_value < alpha)
            rows.append(row)
    table = pd.DataFrame(rows)
    baseline = rows[0] if rows else {}
    if not rows or baseline["error"]:
        return SensitivityResult(table, baseline, None, alpha)
    computed = table[table["error"] == ""]
    survives = bool(
        (computed["sign"] == baseline["sign"]).all()
        and (
            computed["significant"].isna().all()
            or (computed["significant"] == baseline["significant"]).all()
        )
    )
    return SensitivityResult(table, baseline, survives, alpha)
