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
    table = Table(
        title="Per file", box=None, padding=(0, 1, 0, 0), title_justify="left"
    )
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
            Path(counts.path).stem.removesuffix("_dev"),
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
    # A plain text grid: 21 x 21 CAMEO roots must fit an 80-column terminal.
    if not confusion:
        return
    labels = sorted(
        set(confusion) | {guess for row in confusion.values() for guess in row},
        key=lambda label: (label == NO_EVENT, label),
    )
    biggest = max(n for row in confusion.values() for n in row.values())
    # PLOVER names are long: columns show their first four letters
    short = {label: label[:4] for label in labels}
    if len(set(short.values())) < len(labels):
        short = {label: label for label in labels}
    width = max(len(str(biggest)), *(len(v) for v in short.values())) + 1
    first = max(len("gold"), *(len(label) for label in labels)) + 1
    console.print(f"[bold]{title}[/]", highlight=False)
    header = "gold".ljust(first) + "".join(
        short[label].rjust(width) for label in labels
    )
    console.print(header, highlight=False, soft_wrap=True)
    for gold in labels:
        row = confusion.get(gold)
        if not row:
            continue
        cells = []
        for guess in labels:
            n = row.get(guess, 0)
            cell = (str(n) if n else ".").rjust(width)
            cells.append(f"[bold green]{cell}[/]" if n and guess == gold else cell)
        console.print(
            gold.ljust(first) + "".join(cells), highlight=False, soft_wrap=True
        )


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
