"""Reciprocity and the strategic triangle: VAR, Granger causality, impulse responses.

Goldstein & Freeman (1990, *Three-Way Street: Strategic Reciprocity in World
Politics*; 1991, APSR 85(1)) model the directed dyads of a triangle — here
A→B, B→A, A→C, C→A, B→C, C→B — as a vector autoregression of their
Goldstein sums per period ("net cooperation"):

    y_t = c + Σ_{l=1..p} Φ_l y_{t−l} + u_t

The lag order p is chosen by AIC up to a cap. Then

- **Granger causality** of dyad X on dyad Y: the F-test that every lag of X
  has a zero coefficient in Y's equation (``VARResults.test_causality``).
  It is conditional on the other dyads in the system.
- **Impulse responses**: generalized impulse responses (Pesaran & Shin
  1998, "Generalized impulse response analysis in linear multivariate
  models", Economics Letters 58), ``GIRF_j(h) = Ψ_h Σ e_j / sqrt(σ_jj)``:
  the response of every dyad to a one-standard-deviation shock in dyad j,
  which does not depend on the order of the variables (a Cholesky IRF does).
  The cumulative response over the horizon is the effect size.
- **Reciprocity**: the cumulative response of Y→X to a shock in X→Y.
  Positive = reciprocity (cooperation answered with cooperation, conflict
  with conflict); negative = inverse response ("bullying", Goldstein &
  Pevehouse 1997, APSR 91(3)). Triangular responses (C→A shocks moving A→B)
  read the same way.

Too few periods for a VAR (Goldstein & Pevehouse used hundreds of weeks; the
analytics note asks for 50+) gives a result with ``sufficient=False`` and the
reason, never a crash.
"""

from __future__ import annotations

import itertools
import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from statsmodels.tools.sm_exceptions import ValueWarning
from statsmodels.tsa.api import VAR
from statsmodels.tsa.stattools import adfuller

from ..errors import AnalysisError
from .dyads import aggregate_series, directed_label, dyad_mask
from .frames import json_ready, prepare_events, select_dates

logger = logging.getLogger(__name__)

INSUFFICIENT = "insufficient data"
#: Default least number of periods for a VAR.
DEFAULT_MIN_PERIODS = 30
#: Default least number of periods with events for a series to enter the VAR.
DEFAULT_MIN_ACTIVE = 5


@dataclass
class VarResult:
    """A VAR over several series: Granger tests, impulse responses, reciprocity.

    Attributes
    ----------
    series:
        The input series, one column per variable (directed dyads are named
        ``"USA->CHN"``), indexed by period start.
    sufficient:
        False when there was too little data; ``reason`` says why and the
        test fields are empty.
    lag_order:
        The VAR lag p (AIC-selected up to ``max_lag``).
    granger:
        One dict per ordered pair of variables: ``cause``, ``effect``,
        ``p_value``, ``f_stat``, ``lag``, ``df`` (numerator, denominator).
    irf:
        Generalized impulse responses, shape (horizon+1, k, k):
        ``irf[h, i, j]`` = response of variable i, h periods after a
        one-s.d. shock to variable j.
    responses:
        One dict per ordered pair: ``cause``, ``effect``,
        ``cumulative_response`` (sum of ``irf[0..H, effect, cause]``),
        ``peak_response`` and ``p_value`` (Granger).
    stationarity:
        ADF test p-value per variable (None when it cannot be computed).
    """

    series: pd.DataFrame
    period: str
    sufficient: bool
    reason: str = ""
    variables: list[str] = field(default_factory=list)
    excluded: dict[str, str] = field(default_factory=dict)
    nobs: int = 0
    lag_order: int | None = None
    max_lag: int | None = None
    aic: float | None = None
    horizon: int = 0
    granger: list[dict[str, Any]] = field(default_factory=list)
    irf: np.ndarray | None = None
    responses: list[dict[str, Any]] = field(default_factory=list)
    reciprocity: list[dict[str, Any]] = field(default_factory=list)
    stationarity: dict[str, float | None] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    _fitted: Any = field(default=None, repr=False)

    @property
    def status(self) -> str:
        """``"ok"`` or ``"insufficient data"``."""
        return "ok" if self.sufficient else INSUFFICIENT

    def granger_test(self, cause: str, effect: str) -> dict[str, Any]:
        """The Granger test of ``cause`` on ``effect`` (variable names)."""
        for test in self.granger:
            if test["cause"] == cause and test["effect"] == effect:
                return test
        raise AnalysisError(
            f"no Granger test of {cause} on {effect} ({self.status}); variables: "
            f"{', '.join(self.variables) or 'none'}"
        )

    def response(self, cause: str, effect: str) -> dict[str, Any]:
        """The impulse response entry of ``effect`` to a shock in ``cause``."""
        for entry in self.responses:
            if entry["cause"] == cause and entry["effect"] == effect:
                return entry
        raise AnalysisError(
            f"no impulse response of {effect} to {cause} ({self.status}); variables: "
            f"{', '.join(self.variables) or 'none'}"
        )

    def joint_granger(
        self, causes: Sequence[str], effects: Sequence[str]
    ) -> dict[str, Any]:
        """Joint F-test that all lags of ``causes`` are zero in all ``effects`` equations.

        Variables left out of the VAR (too little data) are dropped from the
        lists; if none is left the result has ``p_value`` None.
        """
        causes = [c for c in causes if c in self.variables]
        effects = [e for e in effects if e in self.variables and e not in causes]
        if self._fitted is None or not causes or not effects:
            return {
                "causes": causes,
                "effects": effects,
                "p_value": None,
                "f_stat": None,
            }
        test = self._fitted.test_causality(effects, causes, kind="f")
        return {
            "causes": causes,
            "effects": effects,
            "p_value": float(test.pvalue),
            "f_stat": float(test.test_statistic),
            "lag": self.lag_order,
            "df": [int(d) for d in test.df],
        }

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the ``detente analyze triangle --json`` output)."""
        data: dict[str, Any] = {
            "status": self.status,
            "reason": self.reason,
            "period": self.period,
            "variables": self.variables,
            "excluded": self.excluded,
            "nobs": self.nobs,
            "lag_order": self.lag_order,
            "max_lag": self.max_lag,
            "aic": self.aic,
            "horizon": self.horizon,
            "granger": self.granger,
            "responses": self.responses,
            "reciprocity": self.reciprocity,
            "stationarity": self.stationarity,
            "notes": self.notes,
        }
        return json_ready(data)


@dataclass
class TriangleResult(VarResult):
    """A :class:`VarResult` over the six directed dyads of three actors."""

    actors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["actors"] = list(self.actors)
        return data


def _adf_pvalue(values: np.ndarray) -> float | None:
    if np.ptp(values) == 0 or len(values) < 10:
        return None
    try:
        return float(adfuller(values, autolag="AIC", result_object=True).pvalue)
    except (ValueError, np.linalg.LinAlgError):
        return None


def fit_var(
    series: pd.DataFrame,
    *,
    period: str = "week",
    maxlags: int | None = None,
    horizon: int = 10,
    min_periods: int = DEFAULT_MIN_PERIODS,
    min_active: int = DEFAULT_MIN_ACTIVE,
) -> VarResult:
    """Fit a VAR to the columns of ``series`` and run the tests.

    Parameters
    ----------
    series:
        One column per variable, one row per period (no missing values).
    maxlags:
        Cap on the AIC lag search; by default ``min(8, nobs // (3k))``,
        at least 1.
    horizon:
        Periods of the impulse responses.
    min_periods:
        Fewer rows → ``sufficient=False``.
    min_active:
        A column with fewer non-zero periods (or constant) is excluded.

    Returns
    -------
    VarResult
        The fitted tests, or ``sufficient=False`` with the reason.
    """
    frame = series.astype(float)
    result = VarResult(series=frame, period=period, sufficient=False, nobs=len(frame))
    if frame.isna().any().any():
        raise AnalysisError(
            "VAR series contain missing values; fill empty periods with 0 first"
        )
    for column in frame.columns:
        active = int((frame[column] != 0).sum())
        if active < min_active or np.ptp(frame[column].to_numpy()) == 0:
            result.excluded[column] = (
                f"{active} period(s) with events (needs {min_active})"
            )
    variables = [c for c in frame.columns if c not in result.excluded]
    result.variables = variables
    if len(frame) < min_periods:
        result.reason = (
            f"{INSUFFICIENT}: {len(frame)} {period}s of data, a VAR needs at least "
            f"{min_periods}; load a longer period or use a shorter period unit"
        )
        return result
    if len(variables) < 2:
        result.reason = (
            f"{INSUFFICIENT}: only {len(variables)} series have events in at least "
            f"{min_active} {period}s ({'; '.join(f'{k}: {v}' for k, v in result.excluded.items())})"
        )
        return result
    k = len(variables)
    nobs = len(frame)
    cap = maxlags if maxlags is not None else min(8, nobs // (3 * k))
    # Each equation has k·p + 1 coefficients; keep enough residual degrees of freedom.
    cap = max(1, min(cap, (nobs - 1) // (k + 2) - 1))
    data = frame[variables].reset_index(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValueWarning)
        model = VAR(data)
        try:
            fitted = model.fit(maxlags=cap, ic="aic")
            if fitted.k_ar == 0:
                result.notes.append("AIC chose 0 lags; the tests use 1 lag")
                fitted = model.fit(1)
        except (np.linalg.LinAlgError, ValueError) as e:
            result.reason = (
                f"{INSUFFICIENT}: the VAR cannot be estimated ({e}); the series are "
                "too short or collinear"
            )
            return result
        result._fitted = fitted
        result.sufficient = True
        result.lag_order = int(fitted.k_ar)
        result.max_lag = cap
        result.aic = float(fitted.aic)
        result.horizon = horizon
        for cause, effect in itertools.permutations(variables, 2):
            test = fitted.test_causality(effect, [cause], kind="f")
            result.granger.append(
                {
                    "cause": cause,
                    "effect": effect,
                    "p_value": float(test.pvalue),
                    "f_stat": float(test.test_statistic),
                    "lag": result.lag_order,
                    "df": [int(d) for d in test.df],
                }
            )
        psi = fitted.ma_rep(horizon)
        sigma = np.asarray(fitted.sigma_u, dtype=float)
        scale = np.sqrt(np.clip(np.diag(sigma), 1e-300, None))
        result.irf = np.einsum("hik,kj->hij", psi, sigma) / scale[None, None, :]
    cumulative = result.irf.sum(axis=0)
    index = {name: i for i, name in enumerate(variables)}
    pvalues = {(g["cause"], g["effect"]): g["p_value"] for g in result.granger}
    for cause, effect in itertools.permutations(variables, 2):
        path = result.irf[:, index[effect], index[cause]]
        result.responses.append(
            {
                "cause": cause,
                "effect": effect,
                "cumulative_response": float(cumulative[index[effect], index[cause]]),
                "peak_response": float(path[np.argmax(np.abs(path))]),
                "p_value": pvalues[(cause, effect)],
            }
        )
    for name in variables:
        result.stationarity[name] = _adf_pvalue(frame[name].to_numpy())
        p = result.stationarity[name]
        if p is not None and p > 0.05:
            result.notes.append(
                f"{name} may be non-stationary (ADF p = {p:.2f}); Granger p-values "
                "can be too small; consider differencing"
            )
    return result


def _reciprocity(result: VarResult) -> list[dict[str, Any]]:
    pairs = []
    for entry in result.responses:
        source, _, target = entry["cause"].partition("->")
        if entry["effect"] == directed_label(target, source):
            pairs.append(
                {
                    "dyad": entry["cause"],
                    "response_dyad": entry["effect"],
                    "cumulative_response": entry["cumulative_response"],
                    "p_value": entry["p_value"],
                    "kind": (
                        "no significant response"
                        if entry["p_value"] >= 0.05
                        else "reciprocity"
                        if entry["cumulative_response"] > 0
                        else "inverse response"
                    ),
                }
            )
    return pairs


def dyads_var(
    events: pd.DataFrame,
    actors: Sequence[str],
    *,
    period: str = "week",
    maxlags: int | None = None,
    measure: str = "goldstein_sum",
    weight: str = "events",
    level: str = "country",
    start: Any = None,
    end: Any = None,
    horizon: int = 10,
    min_periods: int = DEFAULT_MIN_PERIODS,
    min_active: int = DEFAULT_MIN_ACTIVE,
) -> TriangleResult:
    """A VAR over every directed dyad among ``actors`` (2 actors: reciprocity).

    Parameters are those of :func:`triangle`.
    """
    if len(set(actors)) != len(actors) or len(actors) < 2:
        raise AnalysisError(
            f"need two or more different actors, got {', '.join(actors) or 'none'}"
        )
    frame = select_dates(prepare_events(events), start=start, end=end)
    if frame.empty:
        raise AnalysisError("no events in the selected dates; widen --from/--to")
    lo = frame["event_date"].min() if start is None else start
    hi = frame["event_date"].max() if end is None else end
    columns = {}
    for source, target in itertools.permutations(actors, 2):
        selected = frame[dyad_mask(frame, source, target, directed=True, level=level)]
        aggregated = aggregate_series(
            selected, period=period, weight=weight, start=lo, end=hi
        )
        if measure not in aggregated.columns:
            raise AnalysisError(
                f"unknown measure {measure!r}; use goldstein_sum, net_cooperation, "
                "cooperative or conflictual"
            )
        columns[directed_label(source, target)] = aggregated[measure].fillna(0.0)
    series = pd.DataFrame(columns)
    base = fit_var(
        series,
        period=period,
        maxlags=maxlags,
        horizon=horizon,
        min_periods=min_periods,
        min_active=min_active,
    )
    result = TriangleResult(**{f: getattr(base, f) for f in base.__dataclass_fields__})
    result.actors = tuple(actors)
    result.reciprocity = _reciprocity(result)
    return result


def triangle(
    events: pd.DataFrame,
    a: str,
    b: str,
    c: str,
    *,
    period: str = "week",
    maxlags: int | None = None,
    measure: str = "goldstein_sum",
    weight: str = "events",
    level: str = "country",
    start: Any = None,
    end: Any = None,
    horizon: int = 10,
    min_periods: int = DEFAULT_MIN_PERIODS,
    min_active: int = DEFAULT_MIN_ACTIVE,
) -> TriangleResult:
    """The strategic triangle of three actors (Goldstein & Freeman 1990).

    Parameters
    ----------
    events:
        An events frame.
    a, b, c:
        The three actors (country codes at ``level="country"``).
    period:
        ``"week"`` or ``"month"`` (any period name works).
    maxlags:
        Cap on the AIC lag search (default ``min(8, nobs // 18)``).
    measure:
        The dyad series column: ``"goldstein_sum"`` (net cooperation on the
        Goldstein scale, default), ``"net_cooperation"`` (counts),
        ``"cooperative"`` or ``"conflictual"``.
    weight:
        ``"events"`` or ``"sources"`` (see :func:`dyad_series`).
    start, end:
        Dates to analyse.
    horizon:
        Periods of the impulse responses.
    min_periods, min_active:
        Data needed; below them the result says "insufficient data".

    Returns
    -------
    TriangleResult
        ``granger`` (``cause``/``effect`` such as ``"USA->CHN"``, ``p_value``,
        ``lag``, ``f_stat``), generalized impulse responses, ``responses``
        (cumulative effect sizes), ``reciprocity`` and stationarity checks;
        or ``sufficient=False`` with ``reason``.

    Examples
    --------
    >>> result = triangle(events, "USA", "CHN", "RUS", period="week")  # doctest: +SKIP
    >>> result.granger_test("USA->CHN", "CHN->RUS")["p_value"]       # doctest: +SKIP
    """
    return dyads_var(
        events,
        [a, b, c],
        period=period,
        maxlags=maxlags,
        measure=measure,
        weight=weight,
        level=level,
        start=start,
        end=end,
        horizon=horizon,
        min_periods=min_periods,
        min_active=min_active,
    )


def reciprocity(
    events: pd.DataFrame, a: str, b: str, *, period: str = "week", **options: Any
) -> TriangleResult:
    """Reciprocity of one dyad: a VAR of A→B and B→A (Goldstein & Freeman 1991).

    ``options`` are those of :func:`triangle`.
    """
    return dyads_var(events, [a, b], period=period, **options)
