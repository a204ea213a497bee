"""Claim reports: the claim, the tests, the plots and a verdict in plain words.

:func:`build_report` loads the events (through an ``events_loader`` such as
:func:`~detente.analysis.frames.store_loader`), runs the claim's test
(:func:`~detente.analysis.claims.run_claim`), re-runs it under every
de-duplication mode and QuadClass mapping (:func:`~detente.analysis.sensitivity`),
and assembles a :class:`Report` that renders to self-contained HTML (plots as
base64 PNGs, no external assets) or Markdown.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import jinja2
import pandas as pd

from ..about import __version__
from ..errors import AnalysisError
from .claims import Claim, ClaimOutcome, Section, load_claim, run_claim
from .frames import (
    DEDUP_MODES,
    QUAD_CLASS_MAPPINGS,
    EventsLoader,
    frame_loader,
    json_ready,
    prepare_events,
    select_dates,
)
from .plots import figure_png, plot_sensitivity
from .sensitivity import SensitivityResult, sensitivity
from .triangle import INSUFFICIENT

VERDICT_WORDS: dict[str, str] = {
    "supported": "The data support the testable part of this claim.",
    "partly supported": (
        "The data partly support the testable part of this claim: the main test "
        "agrees, but a check does not."
    ),
    "not supported": (
        "The data do not support the testable part of this claim: the expected "
        "pattern is not significant."
    ),
    "contradicted": (
        "The data contradict the testable part of this claim: the pattern is "
        "significant but has the opposite sign."
    ),
    INSUFFICIENT: (
        "Insufficient data: there are too few events to test this claim; the numbers "
        "below are descriptive only."
    ),
}

METHODS: dict[str, list[str]] = {
    "partnership": [
        "Dyad series: Goldstein sums of the events in both directions per period; "
        "empty periods count as zero.",
        "Sign test: the number of periods with events whose Goldstein sum is positive, "
        "against a fair coin (exact binomial test).",
        "Change points: PELT on the Goldstein series with penalty 2σ²·log n "
        "(Killick, Fearnhead & Eckley 2012; ruptures, Truong et al. 2020).",
        "Blocs: the Doreian–Mrvar signed blockmodel criterion, exact 2-partition by "
        "integer programming (Aref & Wilson 2018), signed spectral clustering for more "
        "blocs (Kunegis et al. 2010). Frustration: the least number of edges whose sign "
        "contradicts the partition (Aref & Wilson 2018).",
    ],
    "triangle": [
        "VAR of the Goldstein sums of the six directed dyads per period, lag order by AIC "
        "(Goldstein & Freeman 1990, Three-Way Street; Goldstein & Pevehouse 1997, APSR).",
        "Joint Granger test: F-test that all lags of the pressure dyads are zero in the "
        "partner dyads' equations (statsmodels test_causality).",
        "Effect size: mean cumulative generalized impulse response (Pesaran & Shin 1998) "
        "of the partner dyads to a one-s.d. shock in the pressure dyads, in Goldstein "
        "units.",
        "Checks: the same joint test in the reverse direction, and placebo triangles.",
    ],
    "withdrawal": [
        "Triggers: conflictual events (QuadClass 3–4) from the source to the target "
        "per period. Outcomes: the conflict share of all other events, and the walk "
        "balance index of the other events' signed network (Estrada & Benzi 2014).",
        "Event study: for each trigger period, the mean outcome over the next window "
        "minus the previous window; one-sample t-test over trigger periods.",
        "With 30+ periods, a bivariate VAR and Granger test of triggers → conflict share "
        "(and the reverse) decides the verdict.",
    ],
}

GENERAL_CAVEATS: list[str] = [
    "Event counts are counts of reported interactions; what gets reported depends on "
    "the sources read, their languages and their editorial lines.",
    "Granger precedence and before/after differences show timing, not causation.",
]


@dataclass
class Report:
    """A claim report: sections, figures (PNG bytes) and the numbers they quote.

    Attributes
    ----------
    verdict:
        ``supported``, ``partly supported``, ``not supported``,
        ``contradicted`` or ``insufficient data``.
    verdict_text:
        The verdict in plain words, followed by the test's summary.
    numbers:
        Every number the report quotes, by dotted name
        (``"triangle.joint_p_value"``, ``"dyad.share_cooperative_periods"``...).
    """

    claim: Claim
    verdict: str
    summary: str
    sections: list[Section]
    figures: dict[str, bytes]
    numbers: dict[str, Any]
    caveats: list[str]
    data: dict[str, Any]
    sensitivity: SensitivityResult | None = None
    created: str = field(
        default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    )

    @property
    def verdict_text(self) -> str:
        return f"{VERDICT_WORDS[self.verdict]} {self.summary}"

    @property
    def section_titles(self) -> list[str]:
        return [s.title for s in self.sections]

    def section(self, title: str) -> Section:
        """The section called ``title``."""
        for section in self.sections:
            if section.title == title:
                return section
        raise AnalysisError(
            f"no section {title!r}; sections: {', '.join(self.section_titles)}"
        )

    def _context(self, images: dict[str, str]) -> dict[str, Any]:
        return {
            "report": self,
            "claim": self.claim,
            "images": images,
            "version": __version__,
        }

    def to_html(self) -> str:
        """Self-contained HTML: plots embedded as base64 PNG, no external assets."""
        images = {
            name: "data:image/png;base64," + base64.b64encode(png).decode("ascii")
            for name, png in self.figures.items()
        }
        return (
            _environment(autoescape=True)
            .get_template("report.html.j2")
            .render(**self._context(images))
        )

    def to_markdown(
        self, *, figure_dir: str | Path | None = None, link_prefix: str = ""
    ) -> str:
        """Markdown; figures written to ``figure_dir`` and linked, else embedded as data URIs."""
        images: dict[str, str] = {}
        for name, png in self.figures.items():
            if figure_dir is None:
                images[name] = "data:image/png;base64," + base64.b64encode(png).decode(
                    "ascii"
                )
                continue
            folder = Path(figure_dir)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{name}.png").write_bytes(png)
            images[name] = f"{link_prefix}{name}.png"
        return (
            _environment(autoescape=False)
            .get_template("report.md.j2")
            .render(**self._context(images))
        )

    def to_dict(self) -> dict[str, Any]:
        """The numbers, verdict and section texts as JSON-ready data (no images)."""
        return json_ready(
            {
                "claim": self.claim.name,
                "title": self.claim.title,
                "verdict": self.verdict,
                "verdict_text": self.verdict_text,
                "numbers": self.numbers,
                "data": self.data,
                "caveats": self.caveats,
                "sections": [
                    {
                        "title": s.title,
                        "paragraphs": s.paragraphs,
                        "table": s.table,
                        "figures": s.figures,
                    }
                    for s in self.sections
                ],
                "figures": sorted(self.figures),
                "sensitivity": self.sensitivity.to_dict() if self.sensitivity else None,
                "created": self.created,
            }
        )

    def write(self, path: str | Path, *, markdown: bool = False) -> Path:
        """Write the report; Markdown figures go to ``<stem>_files/`` next to it."""
        path = Path(path)
        try:
            if markdown:
                folder = path.with_name(f"{path.stem}_files")
                text = self.to_markdown(
                    figure_dir=folder, link_prefix=f"{folder.name}/"
                )
            else:
                text = self.to_html()
            path.write_text(text, encoding="utf-8")
        except OSError as e:
            raise AnalysisError(
                f"{path}: cannot write the report ({e}); check the folder"
            ) from e
        return path


def _format(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        if value != 0 and abs(value) < 1e-4:
            return f"{value:.1e}"
        return f"{value:.4g}"
    if isinstance(value, list | tuple):
        return ", ".join(_format(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_format(v)}" for k, v in value.items())
    return str(value)


def _environment(*, autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("detente.analysis", "templates"),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["fmt"] = _format
    env.filters["cell"] = lambda v: _format(v).replace("|", "\\|").replace("\n", " ")
    return env


def _data_description(events: pd.DataFrame, claim: Claim) -> dict[str, Any]:
    codes: set[str] = set()
    for value in claim.actors.values():
        codes.update(value if isinstance(value, list) else [value])
    involved = events["source_country"].isin(codes) | events["target_country"].isin(
        codes
    )
    domains: set[str] = set()
    if "source_url" in events.columns:
        domains = {
            urlparse(str(u)).netloc for u in events["source_url"].dropna() if str(u)
        } - {""}
    return {
        "events": len(events),
        "first_date": events["event_date"].min() if len(events) else None,
        "last_date": events["event_date"].max() if len(events) else None,
        "actors": int(
            pd.concat([events["source_country"], events["target_country"]]).nunique()
        ),
        "events_with_claim_actors": int(involved.sum()),
        "dedup_modes": sorted(set(events["dedup_mode"].astype(str)) - {""}),
        "quad_class_mappings": sorted(
            set(events["quad_class_mapping"].astype(str)) - {""}
        ),
        "publishers": len(domains),
    }


def _caveats(
    data: dict[str, Any],
    outcome: ClaimOutcome,
    alpha: float,
    result: SensitivityResult | None,
) -> list[str]:
    caveats = list(GENERAL_CAVEATS)
    if data["events"] < 1000:
        caveats.append(
            f"Small data: {data['events']} events in all; estimates are noisy and a "
            "larger corpus may change the verdict."
        )
    if data["publishers"] and data["publishers"] < 5:
        caveats.append(
            f"Coverage: the events come from {data['publishers']} publisher(s); their "
            "editorial line shapes what is coded."
        )
    p_value = (outcome.estimate or {}).get("p_value")
    if p_value is not None and alpha / 5 <= p_value < alpha * 2:
        caveats.append(
            f"Significance is borderline (p = {p_value:.3f} against α = {alpha}); "
            "do not lean on it."
        )
    if result is not None:
        caveats.append(result.summary)
    caveats.extend(outcome.caveats)
    return caveats


def build_report(
    claim: Claim | str | Path,
    events_loader: EventsLoader | pd.DataFrame,
    *,
    start: Any = None,
    end: Any = None,
    dedup: str = DEDUP_MODES[0],
    quad_class_mapping: str | None = None,
    alpha: float = 0.05,
    run_sensitivity: bool = True,
) -> Report:
    """Test a claim on the events and build its report.

    Parameters
    ----------
    claim:
        A :class:`~detente.analysis.claims.Claim`, a bundled claim name or a
        YAML file.
    events_loader:
        ``load(dedup, quad_class_mapping) -> events frame`` (e.g.
        :func:`~detente.analysis.frames.store_loader`), or an events frame
        (then the sensitivity runs are skipped: a frame holds one
        de-duplication and one mapping).
    start, end:
        Dates to analyse.
    dedup, quad_class_mapping:
        The baseline run's options.
    alpha:
        Significance level.
    run_sensitivity:
        Re-run the test under every de-duplication mode and mapping.

    Returns
    -------
    Report
        With ``sections``, ``figures`` (PNG bytes), ``numbers``, ``verdict``;
        ``to_html()`` / ``to_markdown()`` render it.
    """
    if not isinstance(claim, Claim):
        claim = load_claim(claim)
    single_frame = isinstance(events_loader, pd.DataFrame)
    loader: EventsLoader = (
        frame_loader(events_loader) if single_frame else events_loader  # type: ignore[arg-type]
    )

    def load(mode: str, mapping: str | None) -> pd.DataFrame:
        return select_dates(prepare_events(loader(mode, mapping)), start=start, end=end)

    events = load(dedup, quad_class_mapping)
    outcome = run_claim(claim, events, alpha=alpha)
    data = _data_description(events, claim)
    data["dedup"] = dedup
    data["quad_class_mapping"] = quad_class_mapping or "as coded"
    figures = {name: figure_png(figure) for name, figure in outcome.figures.items()}
    sections: list[Section] = [
        Section(
            "Claim",
            [f"“{claim.quote}”"] if claim.quote else [],
            table=claim.structured(),
        ),
        Section("Verdict", [VERDICT_WORDS[outcome.verdict], outcome.summary]),
        Section(
            "Data",
            [
                f"{data['events']} events from {_format(data['first_date'])} to "
                f"{_format(data['last_date'])} between {data['actors']} actors; "
                f"{data['events_with_claim_actors']} involve the claim's actors. "
                f"De-duplication: {dedup}; QuadClass mapping: {data['quad_class_mapping']}."
            ],
        ),
        *outcome.sections,
    ]
    result: SensitivityResult | None = None
    if run_sensitivity and not single_frame and outcome.estimate is not None:
        modes = [dedup] + [m for m in DEDUP_MODES if m != dedup]
        mappings = [quad_class_mapping or QUAD_CLASS_MAPPINGS[0]] + [
            m
            for m in QUAD_CLASS_MAPPINGS
            if m != (quad_class_mapping or QUAD_CLASS_MAPPINGS[0])
        ]
        result = sensitivity(
            load,
            lambda frame: run_claim(claim, frame, alpha=alpha, light=True).estimate,
            dedup_modes=modes,
            mappings=mappings,
            alpha=alpha,
        )
        figures["sensitivity"] = figure_png(plot_sensitivity(result))
        sections.append(
            Section(
                "Sensitivity",
                [
                    result.summary,
                    "Estimates are signed so that positive means the claimed direction.",
                ],
                table=[
                    {
                        k: row[k]
                        for k in (
                            "dedup",
                            "mapping",
                            "events",
                            "estimate",
                            "p_value",
                            "significant",
                            "error",
                        )
                    }
                    for row in result.table.to_dict(orient="records")
                ],
                figures=["sensitivity"],
            )
        )
    elif single_frame:
        sections.append(
            Section(
                "Sensitivity",
                [
                    "Not run: the events came from one file, which holds "
                    "one de-duplication mode and one mapping."
                ],
            )
        )
    elif run_sensitivity:
        sections.append(
            Section(
                "Sensitivity",
                ["Not run: the baseline test has no estimate (insufficient data)."],
            )
        )
    sections.append(
        Section(
            "What event data cannot test",
            claim.untestable or ["The claim template lists no untestable parts."],
        )
    )
    caveats = _caveats(data, outcome, alpha, result)
    sections.append(Section("Caveats", caveats))
    sections.append(
        Section("Method", [*claim.hypotheses, *METHODS.get(claim.test, [])])
    )
    numbers = dict(outcome.numbers)
    numbers.update({f"data.{k}": v for k, v in data.items()})
    if result is not None:
        numbers["sensitivity.survives"] = result.survives
    return Report(
        claim=claim,
        verdict=outcome.verdict,
        summary=outcome.summary,
        sections=sections,
        figures=figures,
        numbers=numbers,
        caveats=caveats,
        data=data,
        sensitivity=result,
    )
