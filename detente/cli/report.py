"""``detente report``: test a claim on the stored events and write a report."""

from __future__ import annotations

from pathlib import Path

import typer

from ..analysis.claims import list_claims
from ..analysis.frames import frame_loader, read_events_file, store_loader
from ..analysis.report import Report, build_report
from ..settings import get_setting
from ._common import console, handle_errors
from .analyze import emit_json

report_app = typer.Typer(
    name="report",
    help="Test claims about international relations on the events and write reports.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(report_app, name="report")


@report_app.command("list")
@handle_errors
def list_cli(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List the bundled claim templates."""
    claims = list_claims()
    if as_json:
        emit_json(
            [
                {
                    "name": c.name,
                    "title": c.title,
                    "test": c.test,
                    "actors": c.actors,
                    "source": c.source,
                }
                for c in claims
            ]
        )
        return
    from rich.table import Table

    table = Table(title="claim templates")
    for column in ("name", "test", "claim"):
        table.add_column(column, overflow="fold")
    for claim in claims:
        table.add_row(claim.name, claim.test, claim.title)
    console.print(table)


@report_app.command("claim")
@handle_errors
def claim_cli(
    claim: str = typer.Argument(
        ..., help="A bundled claim name (see `detente report list`) or a YAML file."
    ),
    output: Path | None = typer.Option(
        None,
        "-o",
        "--output",
        help="Write the report here (HTML, or Markdown with --markdown).",
    ),
    markdown: bool = typer.Option(
        False, "--markdown", help="Write Markdown (figures in <name>_files/)."
    ),
    db: str | None = typer.Option(
        None,
        "--db",
        help="Store: DuckDB path or postgresql:// URL (default: setting db).",
    ),
    events_file: Path | None = typer.Option(
        None,
        "--events",
        help="Read events from a file instead of the store (no sensitivity runs).",
    ),
    start: str | None = typer.Option(
        None, "--from", help="First event date (YYYY-MM-DD)."
    ),
    end: str | None = typer.Option(None, "--to", help="Last event date (YYYY-MM-DD)."),
    dedup: str | None = typer.Option(
        None, "--dedup", help="Baseline de-duplication mode (default: setting dedup)."
    ),
    mapping: str | None = typer.Option(
        None, "--mapping", help="Baseline QuadClass mapping (default: as coded)."
    ),
    alpha: float = typer.Option(0.05, "--alpha", help="Significance level."),
    no_sensitivity: bool = typer.Option(
        False,
        "--no-sensitivity",
        help="Skip the re-runs under other de-duplication modes and mappings.",
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the verdict and numbers as JSON."
    ),
) -> None:
    """Test a claim on the events: verdict, plots, checks and caveats."""
    if events_file is not None:
        loader = frame_loader(read_events_file(events_file))
        single = True
    else:
        loader = store_loader(db or str(get_setting("db")), start=start, end=end)
        single = False
    report = build_report(
        claim,
        loader,
        start=start,
        end=end,
        dedup=dedup or str(get_setting("dedup")),
        quad_class_mapping=mapping,
        alpha=alpha,
        run_sensitivity=not (no_sensitivity or single),
    )
    if output is not None:
        report.write(output, markdown=markdown)
    if as_json:
        emit_json(report.to_dict())
        return
    _print_summary(report, output)


def _print_summary(report: Report, output: Path | None) -> None:
    colour = {
        "supported": "green",
        "contradicted": "red",
        "insufficient data": "yellow",
    }.get(report.verdict, "white")
    console.print(f"[bold]{report.claim.title}[/]", highlight=False)
    console.print(
        f"[bold {colour}]{report.verdict}[/] — {report.verdict_text}", highlight=False
    )
    for caveat in report.caveats:
        console.print(f"  [dim]• {caveat}[/]", highlight=False)
    if output is not None:
        console.print(f"report written to {output}", highlight=False)
    else:
        console.print(
            "[dim]write the full report with -o report.html (or --markdown -o report.md)[/]"
        )
