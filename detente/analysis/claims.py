"""Claims: statements about international relations, turned into tests on event data.

A claim template (YAML under ``detente/data/claims/``, or a user's file of the
same format) states a claim in structured form — actors, direction, expected
sign, the test to run, placebo dyads, and which parts event data cannot test.
:func:`run_claim` runs the test on an events frame and returns a
:class:`ClaimOutcome`: a verdict, plain-words summary, numbers, report
sections and figures. :func:`detente.analysis.report.build_report` wraps it
with the data description, sensitivity runs and caveats.

Tests
-----
``partnership``
    Is the dyad persistently cooperative? Sign test on the periods with
    events (share of periods with a positive Goldstein sum against 1/2),
    change points toward conflict, same bloc in the signed network, whether
    the edge is frustrated, and the actors' betweenness. Placebo dyads are
    described the same way for comparison.
``triangle``
    Does the pressure actor's behaviour toward both partners Granger-precede
    the partners' behaviour toward each other, with the expected sign of the
    cumulative generalized impulse response? (Goldstein & Freeman 1990's
    triangle; the "triangular response" of Goldstein & Pevehouse 1997.)
    Checks: the reverse direction, and placebo triangles.
``withdrawal``
    Do the source's conflictual events toward a target (``IGO*``) precede
    more conflict (higher conflict share) and lower balance in the rest of
    the network? Event study (mean of ``window`` periods after each trigger
    period minus the ``window`` before; one-sample t-test) and, with enough
    periods, a bivariate VAR Granger test. Checks: reverse direction and
    placebo sources.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from scipy import stats

from ..data import loaders
from ..errors import AnalysisError, DataFileError
from .balance import balance
from .blocs import blocs
from .changes import change_points
from .dyads import aggregate_series, directed_label, dyad_series
from .frames import actor_columns, actor_mask, check_period, prepare_events
from .network import signed_network
from .plots import plot_dyad, plot_irf, plot_lines, plot_network
from .triangle import INSUFFICIENT, fit_var, triangle

logger = logging.getLogger(__name__)

TESTS: tuple[str, ...] = ("partnership", "triangle", "withdrawal")
SIGNS: dict[str, int] = {"positive": 1, "negative": -1}
VERDICTS: tuple[str, ...] = (
    "supported",
    "partly supported",
    "not supported",
    "contradicted",
    INSUFFICIENT,
)


@dataclass
class Claim:
    """A claim in structured form (one entry of a claim template)."""

    name: str
    title: str
    test: str
    actors: dict[str, Any]
    expected_sign: str = "positive"
    direction: str = ""
    period: str = "month"
    placebo: list[list[str]] = field(default_factory=list)
    hypotheses: list[str] = field(default_factory=list)
    untestable: list[str] = field(default_factory=list)
    source: str = ""
    quote: str = ""
    parameters: dict[str, Any] = field(default_factory=dict)
    path: str = ""

    @property
    def sign(self) -> int:
        """+1 or −1: the expected sign of the tested estimate."""
        return SIGNS[self.expected_sign]

    def structured(self) -> list[dict[str, str]]:
        """The claim's structured form as rows (field, value) for a table."""
        actors = ", ".join(
            f"{role}: {' '.join(v) if isinstance(v, list) else v}"
            for role, v in self.actors.items()
        )
        rows = [
            ("claim", self.title),
            ("actors", actors),
            ("direction", self.direction),
            ("expected sign", self.expected_sign),
            ("test", self.test),
            ("period", self.period),
            ("placebo", "; ".join("–".join(p) for p in self.placebo) or "none"),
            ("source", self.source),
        ]
        return [{"field": k, "value": v} for k, v in rows if v]

    @classmethod
    def from_record(cls, record: dict[str, Any], *, path: str = "") -> Claim:
        """Build and check a claim from a template record."""
        for key in ("name", "title", "test", "actors"):
            if not record.get(key):
                raise DataFileError(
                    f"claim {record.get('name', '?')!r} has no {key!r}; every claim needs "
                    "name, title, test and actors (see detente/data/claims/README.md)",
                    path=path,
                )
        if record["test"] not in TESTS:
            raise DataFileError(
                f"claim {record['name']!r}: unknown test {record['test']!r}; use one of "
                f"{', '.join(TESTS)}",
                path=path,
            )
        sign = record.get("expected_sign", "positive")
        if sign not in SIGNS:
            raise DataFileError(
                f"claim {record['name']!r}: expected_sign must be positive or negative, "
                f"got {sign!r}",
                path=path,
            )
        period = record.get("period", "month")
        try:
            check_period(period)
        except AnalysisError as e:
            raise DataFileError(f"claim {record['name']!r}: {e}", path=path) from e
        required_roles = {
            "partnership": ("a", "b"),
            "triangle": ("pressure", "partners"),
            "withdrawal": ("source", "target"),
        }[record["test"]]
        actors = record["actors"]
        missing = [
            r for r in required_roles if not isinstance(actors, dict) or r not in actors
        ]
        if missing:
            raise DataFileError(
                f"claim {record['name']!r}: test {record['test']!r} needs actors "
                f"{', '.join(required_roles)}; missing {', '.join(missing)}",
                path=path,
            )
        if record["test"] == "triangle" and len(actors["partners"]) != 2:
            raise DataFileError(
                f"claim {record['name']!r}: a triangle needs exactly two partners",
                path=path,
            )
        return cls(
            name=str(record["name"]),
            title=str(record["title"]),
            test=record["test"],
            actors=dict(actors),
            expected_sign=sign,
            direction=str(record.get("direction", "")),
            period=period,
            placebo=[list(p) for p in record.get("placebo") or []],
            hypotheses=list(record.get("hypotheses") or []),
            untestable=list(record.get("untestable") or []),
            source=str(record.get("source", "")),
            quote=str(record.get("quote", "")).strip(),
            parameters=dict(record.get("parameters") or {}),
            path=path,
        )


def _claims_in(path: Any) -> list[Claim]:
    return [
        Claim.from_record({k: v for k, v in r.items() if k != "_line"}, path=str(path))
        for r in loaders.read_yaml(path)
    ]


def list_claims() -> list[Claim]:
    """The bundled claim templates, in file order."""
    found: list[Claim] = []
    for path in loaders.bundled_files("claims", suffixes=(".yaml", ".yml")):
        found.extend(_claims_in(path))
    return found


def load_claim(name_or_path: str | Path) -> Claim:
    """A claim by bundled name (``"us-pressure-china-russia"``) or from a YAML file.

    A file holding several claims gives its first one.

    Raises
    ------
    AnalysisError
        If no bundled claim has that name and no such file exists.
    """
    candidate = Path(name_or_path)
    if candidate.suffix in {".yaml", ".yml"} or candidate.is_file():
        if not candidate.is_file():
            raise AnalysisError(f"{candidate}: claim file not found; check the path")
        claims = _claims_in(candidate)
        if not claims:
            raise AnalysisError(f"{candidate}: the file holds no claim")
        return claims[0]
    known = list_claims()
    for claim in known:
        if claim.name == str(name_or_path):
            return claim
    raise AnalysisError(
        f"no claim named {name_or_path!r}; bundled claims: "
        f"{', '.join(c.name for c in known)} (or pass a YAML file)"
    )


@dataclass
class Section:
    """One section of a report: paragraphs, an optional table, figure names."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    table: list[dict[str, Any]] | None = None
    figures: list[str] = field(default_factory=list)


@dataclass
class ClaimOutcome:
    """What a claim test found.

    ``estimate`` is the headline number and its p-value (used for the
    sensitivity runs); ``numbers`` holds every figure the sections quote.
    """

    verdict: str
    summary: str
    numbers: dict[str, Any] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)
    estimate: dict[str, Any] | None = None
    caveats: list[str] = field(default_factory=list)


def _fmt_p(p: float | None) -> str:
    """``"p = 0.0123"``, ``"p < 0.0001"`` or ``"p n/a"``."""
    if p is None or not np.isfinite(p):
        return "p n/a"
    return "p < 0.0001" if p < 1e-4 else f"p = {p:.4f}"


# -- partnership ----------------------------------------------------------------


def partnership_stats(series: pd.DataFrame) -> dict[str, Any]:
    """Sign test and descriptive numbers of a dyad series (see module docstring)."""
    active = series[series["events"] > 0]
    n_active = len(active)
    cooperative = int((active["goldstein_sum"] > 0).sum())
    classified = float(series["cooperative"].sum() + series["conflictual"].sum())
    out: dict[str, Any] = {
        "events": float(series["events"].sum()),
        "periods": len(series),
        "active_periods": n_active,
        "cooperative_periods": cooperative,
        "share_cooperative_periods": cooperative / n_active if n_active else None,
        "goldstein_sum": float(series["goldstein_sum"].sum()),
        "goldstein_mean": (
            float(series["goldstein_sum"].sum() / series["events"].sum())
            if series["events"].sum() > 0
            else None
        ),
        "conflict_share": float(series["conflictual"].sum() / classified)
        if classified
        else None,
        "p_cooperative": None,
        "p_conflictual": None,
        "p_two_sided": None,
    }
    if n_active:
        out["p_cooperative"] = float(
            stats.binomtest(cooperative, n_active, 0.5, alternative="greater").pvalue
        )
        out["p_conflictual"] = float(
            stats.binomtest(cooperative, n_active, 0.5, alternative="less").pvalue
        )
        out["p_two_sided"] = float(stats.binomtest(cooperative, n_active, 0.5).pvalue)
    return out


def _betweenness_rank(graph: nx.Graph, node: str) -> tuple[float | None, int | None]:
    if node not in graph or graph.number_of_nodes() < 3:
        return None, None
    centrality = nx.betweenness_centrality(graph)
    ranking = sorted(centrality, key=lambda n: (-centrality[n], n))
    return float(centrality[node]), ranking.index(node) + 1


def _partnership(
    claim: Claim, events: pd.DataFrame, *, alpha: float, light: bool = False
) -> ClaimOutcome:
    a, b = str(claim.actors["a"]), str(claim.actors["b"])
    level = claim.parameters.get("level", "country")
    min_events = int(claim.parameters.get("min_events", 20))
    min_active = int(claim.parameters.get("min_active_periods", 6))
    period = claim.period
    series = dyad_series(events, a, b, period=period, level=level)
    numbers = {f"dyad.{k}": v for k, v in partnership_stats(series).items()}
    figures: dict[str, Figure] = {}
    sections: list[Section] = []
    dyad = f"{a}–{b}"
    if (
        numbers["dyad.events"] < min_events
        or numbers["dyad.active_periods"] < min_active
    ):
        summary = (
            f"Insufficient data: {numbers['dyad.events']:.0f} {dyad} events in "
            f"{numbers['dyad.active_periods']} {period}s with events; the test needs at "
            f"least {min_events} events in {min_active} {period}s."
        )
        if not light:
            figures["dyad_timeline"] = plot_dyad(series, title=f"{dyad} by {period}")
        sections.append(
            Section(f"The {dyad} dyad", [summary], figures=["dyad_timeline"])
        )
        return ClaimOutcome(INSUFFICIENT, summary, numbers, sections, figures)
    share = numbers["dyad.share_cooperative_periods"]
    estimate = {"estimate": share - 0.5, "p_value": numbers["dyad.p_two_sided"]}
    if light:
        return ClaimOutcome("", "", numbers, estimate=estimate)
    try:
        breaks = change_points(events, a, b, period=period, level=level)
    except AnalysisError as e:
        logger.info("no change points for %s: %s", dyad, e)
        breaks = []
    into_conflict = [p for p in breaks if p.mean_after < 0 <= p.mean_before]
    numbers["dyad.change_points"] = len(breaks)
    numbers["dyad.breaks_into_conflict"] = len(into_conflict)
    graph = signed_network(events, level=level)
    numbers["network.nodes"] = graph.number_of_nodes()
    numbers["network.edge_sign"] = graph[a][b]["sign"] if graph.has_edge(a, b) else None
    numbers["network.edge_weight"] = (
        graph[a][b]["weight"] if graph.has_edge(a, b) else None
    )
    try:
        partition = blocs(graph)
        same = partition.bloc_of(a) is not None and partition.bloc_of(
            a
        ) == partition.bloc_of(b)
        numbers["network.blocs"] = partition.blocs
        numbers["network.same_bloc"] = bool(same)
    except AnalysisError:
        partition = None
        numbers["network.blocs"] = []
        numbers["network.same_bloc"] = None
    structure = balance(graph)
    frustrated = {frozenset(e) for e in structure.frustrated_edges}
    numbers["network.edge_frustrated"] = (
        frozenset((a, b)) in frustrated if graph.has_edge(a, b) else None
    )
    numbers["network.frustration"] = structure.frustration
    for actor in (a, b):
        value, rank = _betweenness_rank(graph, actor)
        numbers[f"network.betweenness.{actor}"] = value
        numbers[f"network.betweenness_rank.{actor}"] = rank
    placebo_rows = []
    for pair in claim.placebo:
        placebo_series = dyad_series(
            events, pair[0], pair[1], period=period, level=level
        )
        placebo = partnership_stats(placebo_series)
        label = "–".join(pair)
        for key in (
            "events",
            "share_cooperative_periods",
            "goldstein_mean",
            "p_two_sided",
        ):
            numbers[f"placebo.{label}.{key}"] = placebo[key]
        placebo_rows.append(
            {
                "dyad": label,
                **{
                    k: placebo[k]
                    for k in (
                        "events",
                        "active_periods",
                        "share_cooperative_periods",
                        "goldstein_mean",
                        "conflict_share",
                        "p_cooperative",
                    )
                },
            }
        )
    checks = {
        "same bloc": numbers["network.same_bloc"] is True,
        "edge not frustrated": numbers["network.edge_frustrated"] is False,
        "no break into conflict": not into_conflict,
    }
    failed = [name for name, ok in checks.items() if not ok]
    if numbers["dyad.p_cooperative"] < alpha:
        verdict = "supported" if not failed else "partly supported"
    elif numbers["dyad.p_conflictual"] < alpha:
        verdict = "contradicted"
    else:
        verdict = "not supported"
    summary = (
        f"{dyad} relations were net cooperative in {numbers['dyad.cooperative_periods']} of "
        f"{numbers['dyad.active_periods']} {period}s with events ({share:.0%}; sign test "
        f"{_fmt_p(numbers['dyad.p_cooperative'])}), with a mean Goldstein score of "
        f"{numbers['dyad.goldstein_mean']:+.2f} per event."
    )
    if failed:
        summary += f" Structural checks that failed: {', '.join(failed)}."
    else:
        summary += f" {a} and {b} share a bloc and their tie is not frustrated."
    figures["dyad_timeline"] = plot_dyad(
        series, title=f"{dyad} by {period}", change_points=breaks
    )
    figures["network"] = plot_network(
        graph, bloc_result=partition, highlight=[a, b], title="signed network and blocs"
    )
    sections.append(
        Section(
            f"Is {dyad} persistently cooperative?",
            [
                summary,
                f"{len(breaks)} change point(s) in the {dyad} series; "
                f"{len(into_conflict)} into conflict."
                + "".join(
                    f" {p.date.date()}: mean {p.mean_before:+.1f} → {p.mean_after:+.1f}."
                    for p in breaks
                ),
            ],
            table=[{"check": name, "passed": ok} for name, ok in checks.items()],
            figures=["dyad_timeline"],
        )
    )
    central = ", ".join(
        f"{actor} betweenness rank {numbers[f'network.betweenness_rank.{actor}']} of "
        f"{numbers['network.nodes']}"
        for actor in (a, b)
        if numbers[f"network.betweenness_rank.{actor}"] is not None
    )
    sections.append(
        Section(
            "Place in the network",
            [
                f"Signed network of {numbers['network.nodes']} actors over the whole "
                f"period; frustration index {structure.frustration}. "
                f"The {dyad} edge has sign {numbers['network.edge_sign']} and "
                f"{'is' if numbers['network.edge_frustrated'] else 'is not'} frustrated. "
                + (central + "." if central else ""),
            ],
            table=[
                {"bloc": i + 1, "actors": " ".join(bl)}
                for i, bl in enumerate(numbers["network.blocs"])
            ],
            figures=["network"],
        )
    )
    if placebo_rows:
        sections.append(
            Section(
                "Placebo dyads",
                [
                    "The same numbers for comparison dyads: if they look as cooperative, "
                    f"the {dyad} result says little that is specific."
                ],
                table=placebo_rows,
            )
        )
    return ClaimOutcome(
        verdict,
        summary,
        numbers,
        sections,
        figures,
        estimate=estimate,
    )


# -- triangle -------------------------------------------------------------------


def _triangle_test(
    events: pd.DataFrame, pressure: str, p1: str, p2: str, **options: Any
) -> tuple[Any, dict[str, Any], dict[str, Any], float | None]:
    result = triangle(events, pressure, p1, p2, **options)
    causes = [directed_label(pressure, p1), directed_label(pressure, p2)]
    effects = [directed_label(p1, p2), directed_label(p2, p1)]
    if not result.sufficient:
        return result, {"p_value": None}, {"p_value": None}, None
    joint = result.joint_granger(causes, effects)
    reverse = result.joint_granger(effects, causes)
    responses = [
        result.response(c, e)["cumulative_response"]
        for c in joint["causes"]
        for e in joint["effects"]
    ]
    effect = float(np.mean(responses)) if responses else None
    return result, joint, reverse, effect


def _triangle(
    claim: Claim, events: pd.DataFrame, *, alpha: float, light: bool = False
) -> ClaimOutcome:
    pressure = str(claim.actors["pressure"])
    p1, p2 = (str(p) for p in claim.actors["partners"])
    options = {
        "period": claim.period,
        "maxlags": claim.parameters.get("maxlags"),
        "min_periods": int(claim.parameters.get("min_periods", 30)),
        "min_active": int(claim.parameters.get("min_active", 5)),
        "level": claim.parameters.get("level", "country"),
        "measure": claim.parameters.get("measure", "goldstein_sum"),
    }
    result, joint, reverse, effect = _triangle_test(events, pressure, p1, p2, **options)
    numbers: dict[str, Any] = {
        "triangle.status": result.status,
        "triangle.periods": result.nobs,
        "triangle.lag_order": result.lag_order,
        "triangle.excluded": dict(result.excluded),
        "triangle.joint_p_value": joint.get("p_value"),
        "triangle.joint_f_stat": joint.get("f_stat"),
        "triangle.reverse_p_value": reverse.get("p_value"),
        "triangle.mean_cumulative_response": effect,
    }
    for test in result.granger:
        numbers[f"granger.{test['cause']}=>{test['effect']}.p_value"] = test["p_value"]
    totals = {
        name: float(result.series[name].abs().sum()) for name in result.series.columns
    }
    figures: dict[str, Figure] = {}
    if not light:
        figures["triangle_series"] = plot_lines(
            result.series.rolling(4, min_periods=1).mean(),
            title=f"Goldstein sums per {claim.period} (4-{claim.period} moving average)",
            ylabel="Goldstein sum",
        )
    sections: list[Section] = []
    causes = f"{pressure}→{p1} and {pressure}→{p2}"
    effects_text = f"{p1}↔{p2}"
    if not result.sufficient or joint.get("p_value") is None or effect is None:
        reason = result.reason.removeprefix(f"{INSUFFICIENT}: ") or (
            "the series needed for the test have too few periods with events: "
            + "; ".join(f"{k}: {v}" for k, v in result.excluded.items())
        )
        summary = f"Insufficient data for the triangle test: {reason}."
        sections.append(
            Section("Triangle test", [summary], figures=["triangle_series"])
        )
        return ClaimOutcome(
            INSUFFICIENT,
            summary,
            numbers,
            sections,
            figures,
            caveats=[f"series totals (|Goldstein|): {totals}"],
        )
    p_value = joint["p_value"]
    expected = claim.sign
    observed = int(np.sign(effect))
    if light:
        return ClaimOutcome(
            "",
            "",
            numbers,
            estimate={"estimate": effect * expected, "p_value": p_value},
        )
    placebo_rows = []
    specific = True
    for pair in claim.placebo:
        placebo_result, placebo_joint, _, placebo_effect = _triangle_test(
            events, pressure, pair[0], pair[1], **options
        )
        label = "–".join(pair)
        numbers[f"placebo.{label}.p_value"] = placebo_joint.get("p_value")
        numbers[f"placebo.{label}.mean_cumulative_response"] = placebo_effect
        placebo_rows.append(
            {
                "placebo partners": label,
                "status": placebo_result.status,
                "joint p": placebo_joint.get("p_value"),
                "mean cumulative response": placebo_effect,
            }
        )
        if (
            placebo_joint.get("p_value") is not None
            and placebo_joint["p_value"] < alpha
            and placebo_effect is not None
            and np.sign(placebo_effect) == expected
        ):
            specific = False
    if p_value < alpha and observed == expected:
        verdict = "supported" if specific else "partly supported"
    elif p_value < alpha:
        verdict = "contradicted"
    else:
        verdict = "not supported"
    direction = "falls" if effect < 0 else "rises"
    summary = (
        f"{causes} {'jointly Granger-precede' if p_value < alpha else 'do not significantly precede'} "
        f"{effects_text} (joint F = {joint['f_stat']:.2f}, {_fmt_p(p_value)}, "
        f"{result.lag_order} lag(s), {result.nobs} {claim.period}s). After a one-s.d. rise in "
        f"the pressure dyads' Goldstein score, {effects_text} net cooperation {direction} by "
        f"{abs(effect):.2f} on average (cumulative generalized impulse response); "
        f"the claim expects it to {'fall' if expected < 0 else 'rise'} "
        f"(i.e. more pressure → {'more' if expected < 0 else 'less'} cooperation)."
    )
    if not specific:
        summary += " A placebo triangle shows the same pattern, so it is not specific."
    figures["impulse_responses"] = plot_irf(
        result,
        pairs=[(c, e) for c in joint["causes"] for e in joint["effects"]],
        title=f"responses of {effects_text} to shocks in {causes}",
    )
    sections.append(
        Section(
            f"Does pressure from {pressure} precede {effects_text} cooperation?",
            [summary] + result.notes,
            table=[
                {
                    "cause": g["cause"],
                    "effect": g["effect"],
                    "p_value": g["p_value"],
                    "f_stat": g["f_stat"],
                    "lag": g["lag"],
                    "cumulative response": result.response(g["cause"], g["effect"])[
                        "cumulative_response"
                    ],
                }
                for g in result.granger
                if (g["cause"] in joint["causes"] and g["effect"] in joint["effects"])
                or (g["cause"] in joint["effects"] and g["effect"] in joint["causes"])
            ],
            figures=["triangle_series", "impulse_responses"],
        )
    )
    sections.append(
        Section(
            "Checks: reverse direction and placebo",
            [
                f"Reverse direction ({effects_text} → {causes}): joint "
                f"{_fmt_p(reverse.get('p_value'))}"
                + (
                    " — also significant, so the influence runs both ways (feedback)."
                    if reverse.get("p_value") is not None and reverse["p_value"] < alpha
                    else "."
                ),
            ],
            table=placebo_rows or None,
        )
    )
    return ClaimOutcome(
        verdict,
        summary,
        numbers,
        sections,
        figures,
        estimate={"estimate": effect * expected, "p_value": p_value},
        caveats=list(result.notes),
    )


# -- withdrawal -------------------------------------------------------------------


def _trigger_mask(
    events: pd.DataFrame, source: str, target: str, *, level: str, roots: list[str]
) -> pd.Series:
    src, tgt = actor_columns(level)
    mask = actor_mask(events[src], source) & actor_mask(events[tgt], target)
    mask &= events["quad_class"].isin([3, 4])
    if roots:
        mask &= events["cameo_root"].astype(str).isin(roots)
    return mask


def _event_study(trigger: pd.Series, outcome: pd.Series, window: int) -> dict[str, Any]:
    values = outcome.to_numpy(dtype=float)
    diffs = []
    for t in np.flatnonzero(trigger.to_numpy() > 0):
        if t - window < 0 or t + window >= len(values):
            continue
        before = values[t - window : t]
        after = values[t + 1 : t + 1 + window]
        if np.isnan(before).all() or np.isnan(after).all():
            continue
        diffs.append(np.nanmean(after) - np.nanmean(before))
    out: dict[str, Any] = {
        "trigger_periods": len(diffs),
        "mean_change": None,
        "p_value": None,
    }
    if diffs:
        out["mean_change"] = float(np.mean(diffs))
    if len(diffs) >= 3 and np.ptp(diffs) > 0:
        out["p_value"] = float(stats.ttest_1samp(diffs, 0.0).pvalue)
    return out


def system_series(
    events: pd.DataFrame,
    exclude: pd.Series,
    *,
    period: str,
    level: str = "country",
    start: Any,
    end: Any,
) -> pd.DataFrame:
    """Per period: conflict share of all events but ``exclude``, and network balance."""
    rest = events[~exclude]
    aggregated = aggregate_series(rest, period=period, start=start, end=end)
    freq = check_period(period)
    walk, triads = [], []
    for begin in aggregated.index:
        finish = pd.Period(begin, freq=freq).end_time.normalize()
        window = rest[(rest["event_date"] >= begin) & (rest["event_date"] <= finish)]
        result = balance(signed_network(window, level=level), exact=False)
        walk.append(result.walk_balance)
        triads.append(result.balanced_triad_share)
    return pd.DataFrame(
        {
            "events": aggregated["events"],
            "conflict_share": aggregated["conflict_share"],
            "walk_balance": pd.array(walk, dtype="Float64").astype(float),
            "balanced_triad_share": pd.array(triads, dtype="Float64").astype(float),
        },
        index=aggregated.index,
    )


def _withdrawal(
    claim: Claim, events: pd.DataFrame, *, alpha: float, light: bool = False
) -> ClaimOutcome:
    source, target = str(claim.actors["source"]), str(claim.actors["target"])
    level = claim.parameters.get("level", "country")
    roots = [str(r) for r in claim.parameters.get("cameo_roots") or []]
    window = int(claim.parameters.get("window", 2))
    min_triggers = int(claim.parameters.get("min_trigger_periods", 3))
    min_periods = int(claim.parameters.get("min_periods", 12))
    period = claim.period
    start, end = events["event_date"].min(), events["event_date"].max()
    mask = _trigger_mask(events, source, target, level=level, roots=roots)
    triggers = aggregate_series(events[mask], period=period, start=start, end=end)[
        "events"
    ]
    system = system_series(
        events, mask, period=period, level=level, start=start, end=end
    )
    numbers: dict[str, Any] = {
        "withdrawal.trigger_events": int(mask.sum()),
        "withdrawal.trigger_periods": int((triggers > 0).sum()),
        "withdrawal.periods": len(triggers),
    }
    frame = system.assign(triggers=triggers)
    figures: dict[str, Figure] = {}
    if not light:
        figures["system_series"] = plot_lines(
            frame[["conflict_share", "walk_balance"]],
            title=f"system conflict share and walk balance per {period} "
            f"({source}→{target} conflict: {int(mask.sum())} events)",
        )
    label = f"{source}→{target} conflict"
    if (
        numbers["withdrawal.trigger_periods"] < min_triggers
        or len(triggers) < min_periods
    ):
        summary = (
            f"Insufficient data: {int(mask.sum())} {label} events in "
            f"{numbers['withdrawal.trigger_periods']} {period}s, over {len(triggers)} "
            f"{period}s; the test needs {min_triggers} {period}s with such events in at "
            f"least {min_periods} {period}s."
        )
        return ClaimOutcome(
            INSUFFICIENT,
            summary,
            numbers,
            [Section("Event study", [summary], figures=["system_series"])],
            figures,
        )
    conflict = _event_study(triggers, system["conflict_share"], window)
    walk = _event_study(triggers, system["walk_balance"], window)
    numbers.update({f"event_study.conflict_share.{k}": v for k, v in conflict.items()})
    numbers.update({f"event_study.walk_balance.{k}": v for k, v in walk.items()})
    var_frame = pd.DataFrame(
        {
            label: triggers.astype(float),
            "system conflict share": system["conflict_share"].fillna(
                system["conflict_share"].mean()
            ),
        }
    )
    var = fit_var(
        var_frame,
        period=period,
        min_periods=int(claim.parameters.get("var_min_periods", 30)),
    )
    numbers["var.status"] = var.status
    if (
        var.sufficient
        and label in var.variables
        and "system conflict share" in var.variables
    ):
        forward = var.granger_test(label, "system conflict share")
        backward = var.granger_test("system conflict share", label)
        numbers["var.p_value"] = forward["p_value"]
        numbers["var.reverse_p_value"] = backward["p_value"]
        numbers["var.cumulative_response"] = var.response(
            label, "system conflict share"
        )["cumulative_response"]
        estimate, p_value, method = (
            numbers["var.cumulative_response"],
            forward["p_value"],
            "VAR",
        )
    else:
        estimate, p_value, method = (
            conflict["mean_change"],
            conflict["p_value"],
            "event study",
        )
    numbers["withdrawal.method"] = method
    if light:
        outcome_estimate = (
            None
            if estimate is None or p_value is None
            else {"estimate": estimate * claim.sign, "p_value": p_value}
        )
        return ClaimOutcome("", "", numbers, estimate=outcome_estimate)
    placebo_rows = []
    for pair in claim.placebo:
        placebo_mask = _trigger_mask(events, pair[0], pair[1], level=level, roots=roots)
        placebo_triggers = aggregate_series(
            events[placebo_mask], period=period, start=start, end=end
        )["events"]
        placebo = _event_study(placebo_triggers, system["conflict_share"], window)
        name = "→".join(pair)
        numbers[f"placebo.{name}.mean_change"] = placebo["mean_change"]
        numbers[f"placebo.{name}.p_value"] = placebo["p_value"]
        placebo_rows.append(
            {
                "placebo source→target": name,
                "events": int(placebo_mask.sum()),
                **placebo,
            }
        )
    if estimate is None or p_value is None:
        verdict = INSUFFICIENT
        summary = (
            f"Insufficient data: the {label} {period}s are too few or too close to the "
            "edges of the data for a before/after comparison."
        )
    else:
        if p_value < alpha and np.sign(estimate) == claim.sign:
            verdict = "supported"
        elif p_value < alpha:
            verdict = "contradicted"
        else:
            verdict = "not supported"
        summary = (
            f"By {method}: after {period}s with {label} events, the conflict share of the "
            f"rest of the network {'rose' if estimate > 0 else 'fell'} "
            f"({estimate:+.3f}, {_fmt_p(p_value)})."
        )
        if walk["mean_change"] is not None:
            summary += (
                f" Walk balance changed by {walk['mean_change']:+.3f} "
                f"({_fmt_p(walk['p_value'])}) over the same windows."
            )
    sections = [
        Section(
            f"Does {label} precede a less stable system?",
            [
                summary,
                f"Event study: for each {period} with {label} events, the mean of the "
                f"{window} {period}s after minus the {window} before; "
                f"{conflict['trigger_periods']} usable trigger {period}s.",
            ],
            table=[
                {"outcome": "conflict share", **conflict},
                {"outcome": "walk balance", **walk},
            ],
            figures=["system_series"],
        ),
        Section(
            "Checks: reverse direction and placebo",
            [
                f"Reverse direction (system conflict → {label}): VAR "
                f"{_fmt_p(numbers.get('var.reverse_p_value'))}."
                if "var.reverse_p_value" in numbers
                else "Reverse direction: not tested (too few periods for a VAR)."
            ],
            table=placebo_rows or None,
        ),
    ]
    return ClaimOutcome(
        verdict,
        summary,
        numbers,
        sections,
        figures,
        estimate=(
            None
            if estimate is None or p_value is None
            else {"estimate": estimate * claim.sign, "p_value": p_value}
        ),
    )


RUNNERS = {
    "partnership": _partnership,
    "triangle": _triangle,
    "withdrawal": _withdrawal,
}


def run_claim(
    claim: Claim, events: pd.DataFrame, *, alpha: float = 0.05, light: bool = False
) -> ClaimOutcome:
    """Run a claim's test on an events frame.

    Parameters
    ----------
    claim:
        From :func:`load_claim`.
    events:
        An events frame.
    alpha:
        Significance level.
    light:
        Only the headline estimate: no figures, placebos or structural
        checks (used for the sensitivity runs).

    Returns
    -------
    ClaimOutcome
        The verdict (one of :data:`VERDICTS`), a plain-words summary, the
        numbers, report sections and figures.
    """
    frame = prepare_events(events)
    if frame.empty:
        summary = "Insufficient data: no events were loaded for the selected dates."
        return ClaimOutcome(INSUFFICIENT, summary, {}, [Section("Data", [summary])])
    frame, trimmed = core_window(frame)
    outcome = RUNNERS[claim.test](claim, frame, alpha=alpha, light=light)
    if trimmed:
        outcome.numbers["window.trimmed_events"] = trimmed
        outcome.sections.insert(
            0,
            Section(
                "Time window",
                [
                    f"{trimmed} event(s) dated far outside the bulk of the data (historical "
                    "references such as 'in 1953', or plans for distant years) were left out, "
                    f"so the analysis covers {frame['event_date'].min():%Y-%m-%d} to "
                    f"{frame['event_date'].max():%Y-%m-%d}. Pass --from/--to to choose "
                    "the window yourself."
                ],
            ),
        )
    return outcome


#: Share of events cut at each end of the date range by :func:`core_window`.
CORE_WINDOW_TAIL = 0.025


def core_window(events: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Keep the central 95 % of event dates when a few outliers stretch the span.

    Event dates come from the text, so a corpus of 2013-2020 news also holds
    events of 1917 or 1953. Left in, they stretch period series over decades of
    empty periods, and a VAR on mostly-zero series gives spurious significance.
    The window is trimmed only when the full span is more than twice the
    central span.

    Returns
    -------
    (DataFrame, int)
        The kept events and how many were left out.
    """
    dates = events["event_date"].dropna()
    if len(dates) < 40:
        return events, 0
    low, high = dates.quantile(CORE_WINDOW_TAIL), dates.quantile(1 - CORE_WINDOW_TAIL)
    full_span = dates.max() - dates.min()
    if full_span <= 2 * (high - low):
        return events, 0
    keep = events["event_date"].isna() | events["event_date"].between(low, high)
    return events[keep], int((~keep).sum())


__all__ = [
    "Claim",
    "ClaimOutcome",
    "Section",
    "TESTS",
    "VERDICTS",
    "core_window",
    "list_claims",
    "load_claim",
    "run_claim",
]
