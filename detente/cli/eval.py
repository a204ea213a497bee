"""``detente eval``: accuracy of the event coder on labelled files."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from ..evaluation import NO_EVENT, EvalReport, evaluate
from ._common import console, err_console, handle_errors


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_cli)


@handle_errors
def eval_cli(
    files: list[Path] = typer.Argument(
        ...,
        help="Labelled JSON Lines files (CAMEO examples, PLOVER GSR or PETRARCH2 GSR format).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    limit: int | None = typer.Option(
        None, "--limit", min=1, help="Score at most N records per file."
    ),
    show_errors: int = typer.Option(
        0, "--show-errors", min=0, help="Print up to N wrongly coded records."
    ),
    include_negated: bool = typer.Option(
        False, "--include-negated", help="Count events coded as negated."
    ),
    plover_confusion: bool = typer.Option(
        False, "--plover-confusion", help="Also print the PLOVER type confusion table."
    ),
) -> None:
    """Score the event coder on labelled sentences (root, code, PLOVER, triples)."""
    with err_console.status("coding labelled sentences"):
        report = evaluate(files, limit=limit, include_negated=include_negated)
    if as_json:
        data = report.to_dict()
        if show_errors:
            data["errors"] = [vars(r) for r in report.errors()[:show_errors]]
        console.print_json(json.dumps(data))
        return
    _print_figures(report)
    _print_confusion(
        report.confusion, "CAMEO root confusion (rows: gold, columns: coded)"
    )
    if plover_confusion:
        _print_confusion(
            report.plover_confusion,
            "PLOVER type confusion (rows: gold, columns: coded)",
        )
    if show_errors:
        _print_errors(report, show_errors)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _frac(right: int, total: int) -> str:
    return f"{right}/{total}" if total else "-"


def _print_figures(report: EvalReport) -> None:
    total = report.total
    lines = [
        (
            "CAMEO root-code accuracy",
            total.root_accuracy,
            _frac(total.root_correct, total.root_total),
        ),
        (
            "CAMEO full-code accuracy",
            total.code_accuracy,
            _frac(total.code_correct, total.root_total),
        ),
        (
            "PLOVER type accuracy",
            total.plover_accuracy,
            _frac(total.plover_correct, total.plover_total),
        ),
        (
            "no-event accuracy",
            report.no_event_accuracy,
            _frac(total.no_event_correct, total.no_event_total),
        ),
        (
            "triple precision",
            total.precision,
            _frac(total.true_positives, total.coded_triples),
        ),
        (
            "triple recall",
            total.recall,
            _frac(total.true_positives, total.gold_triples),
        ),
        ("triple F1", total.f1, ""),
    ]
    for label, value, fraction in lines:
        suffix = f" ({fraction})" if fraction and fraction != "-" else ""
        console.print(f"{label:<26} {_pct(value)}{suffix}", highlight=False)
    if report.gold_countries:
        how = ", ".join(f"{k} {v}" for k, v in sorted(report.gold_countries.items()))
        console.print(f"{'gold actor countries from':<26} {how}", highlight=False)
    table = Table(title="Per file")
    for column in (
        "file",
        "records",
        "root",
        "code",
        "PLOVER",
        "P",
        "R",
        "F1",
        "gold/coded",
    ):
        table.add_column(column, overflow="fold")
    for counts in report.files:
        table.add_row(
            Path(counts.path).name,
            str(counts.records),
            _pct(counts.root_accuracy),
            _pct(counts.code_accuracy),
            _pct(counts.plover_accuracy),
            _pct(counts.precision),
            _pct(counts.recall),
            _pct(counts.f1),
            f"{counts.gold_events}/{counts.coded_events}",
        )
    console.print(table)


def _print_confusion(confusion: dict[str, dict[str, int]], title: str) -> None:
    if not confusion:
        return
    labels = sorted(
        {gold for gold in confusion}
        | {guess for row in confusion.values() for guess in row},
        key=lambda label: (label == NO_EVENT, label),
    )
    table = Table(title=title)
    table.add_column("gold")
    for label in labels:
        table.add_column(label, justify="right")
    for gold in labels:
        row = confusion.get(gold)
        if not row:
            continue
        cells = []
        for guess in labels:
            n = row.get(guess, 0)
            cells.append(
                "" if not n else f"[bold green]{n}[/]" if guess == gold else str(n)
            )
        table.add_row(gold, *cells)
    console.print(table)


def _print_errors(report: EvalReport, limit: int) -> None:
    errors = report.errors()
    console.print(
        f"[bold]{len(errors)} records with errors[/] (showing {min(limit, len(errors))})"
    )
    for result in errors[:limit]:
        console.print(f"[dim]{result.origin}[/] {result.record_id}", highlight=False)
        console.print(f"  {result.text}", highlight=False, soft_wrap=True)
        console.print(f"  gold:  {'; '.join(result.gold) or NO_EVENT}", highlight=False)
        console.print(
            f"  coded: {'; '.join(result.coded) or NO_EVENT}", highlight=False
        )
