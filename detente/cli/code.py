"""``detente code``: read articles, code their events, write JSON Lines and store them."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import typer
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from ..api import RunSummary, SkippedInput, code_files
from ..models import Article, Event
from ..settings import get_setting
from ._common import (
    EXIT_SKIPPED,
    console,
    err_console,
    handle_errors,
    parse_field_options,
)


def register(app: typer.Typer) -> None:
    app.command("code")(code_cli)


@handle_errors
def code_cli(
    inputs: list[str] = typer.Argument(
        ..., help="Files or folders of articles, or - for stdin."
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write events as JSON Lines here."
    ),
    db: str | None = typer.Option(
        None,
        "--db",
        help="Store: DuckDB path or postgresql:// URL (default ./detente.duckdb).",
    ),
    no_store: bool = typer.Option(
        False, "--no-store", help="Do not write to the store."
    ),
    input_format: str | None = typer.Option(
        None, "--format", help="Force the input format: text, html, jsonl, csv."
    ),
    include: list[str] = typer.Option(
        [], "--include", help="Glob of files to read in folders (repeatable)."
    ),
    exclude: list[str] = typer.Option(
        [], "--exclude", help="Glob of files to skip in folders (repeatable)."
    ),
    field: list[str] = typer.Option(
        [],
        "--field",
        metavar="FIELD=COLUMN[,COLUMN]",
        help="JSONL key / CSV column of an article field, e.g. --field text=body (repeatable; fields: id, title, text, date, source, url, author).",
    ),
    actors: list[Path] = typer.Option(
        [], "--actors", help="Extra actor dictionary files (YAML/TSV, repeatable)."
    ),
    batch_size: int | None = typer.Option(
        None, "--batch-size", help="Documents per parse batch."
    ),
    show: bool = typer.Option(
        False, "--show", help="Print a table of the events and dyads found."
    ),
    quiet: bool = typer.Option(
        False,
        "--quiet",
        "-q",
        help="No progress bar or summary (errors still go to stderr).",
    ),
    allow_skips: bool = typer.Option(
        False,
        "--allow-skips",
        help="Exit 0 even when some inputs were skipped or read with warnings.",
    ),
    jobs: int | None = typer.Option(
        None,
        "--jobs",
        "-j",
        help="Worker processes for coding; 0 = one per core (default: setting jobs, 1).",
    ),
    dask: str | None = typer.Option(
        None,
        "--dask",
        metavar="SCHEDULER_ADDRESS|local:N",
        help="Code on a Dask cluster: a scheduler address (tcp://host:8786) or local:N worker processes.",
    ),
    shard_dir: Path | None = typer.Option(
        None,
        "--shard-dir",
        help="With --dask: folder shared by the workers for the Parquet shards (kept; a rerun resumes from them).",
    ),
) -> None:
    """Code the events in news articles (files or folders) and store them."""
    shown: list[Event] = []
    started = time.perf_counter()
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]coding"),
        BarColumn(bar_width=None),
        TextColumn(
            "{task.completed} docs · {task.fields[rate]:.1f} docs/s · {task.fields[events]} events"
        ),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=quiet,
    )
    task = progress.add_task("code", total=None, rate=0.0, events=0)
    events_found = 0

    def on_article(article: Article) -> None:
        nonlocal events_found
        events_found += len(article.events)
        if show:
            shown.extend(article.events)
        done = progress.tasks[task].completed + 1
        rate = done / max(time.perf_counter() - started, 1e-9)
        progress.update(task, completed=done, rate=rate, events=events_found)

    def on_skip(skipped: SkippedInput) -> None:
        err_console.print(
            f"[yellow]skipped[/] {skipped.origin}: {skipped.reason}", highlight=False
        )

    with progress:
        summary = code_files(
            inputs,
            output=output,
            db=db,
            store=not no_store,
            input_format=input_format,
            include=include,
            exclude=exclude,
            fields=parse_field_options(field),
            actor_files=actors,
            batch_size=batch_size,
            on_article=on_article,
            on_skip=on_skip,
            jobs=jobs if jobs is not None else int(get_setting("jobs")),
            dask=dask,
            shard_dir=shard_dir,
        )
    if show:
        _print_events(shown)
    if not quiet:
        _print_summary(summary, time.perf_counter() - started)
    # a document read with a fallback (e.g. a wrong encoding) is reported like a skip
    if (summary.skipped or summary.warnings) and not allow_skips:
        raise typer.Exit(EXIT_SKIPPED)


def _print_events(events: list[Event]) -> None:
    table = Table(title="Events", show_lines=False)
    for column in (
        "date",
        "source",
        "target",
        "CAMEO",
        "PLOVER",
        "Goldstein",
        "evidence",
    ):
        table.add_column(column, overflow="fold")
    for event in events:
        table.add_row(
            event.event_date or "",
            event.source_actor,
            event.target_actor,
            event.cameo_code + (" (neg)" if event.negated else ""),
            event.plover_type,
            f"{event.goldstein:+.1f}",
            (event.verb_text + ": " if event.verb_text else "") + event.sentence[:90],
        )
    console.print(table)
    dyads: Counter[tuple[str, str]] = Counter()
    goldstein: Counter[tuple[str, str]] = Counter()
    for event in events:
        if event.negated:
            continue
        dyad = (event.source_country, event.target_country)
        dyads[dyad] += 1
        goldstein[dyad] += event.goldstein  # type: ignore[assignment]
    dyad_table = Table(title="Dyads (source country → target country)")
    for column in ("dyad", "events", "Goldstein sum"):
        dyad_table.add_column(column)
    for (source, target), count in dyads.most_common():
        dyad_table.add_row(
            f"{source} → {target}", str(count), f"{goldstein[(source, target)]:+.1f}"
        )
    console.print(dyad_table)


def _print_summary(summary: RunSummary, seconds: float) -> None:
    line = (
        f"read {summary.read} · coded {summary.coded} · stored {summary.stored} · "
        f"already stored {summary.already_stored} · events {summary.events} · "
        f"skipped {len(summary.skipped)} · {seconds:.1f}s"
    )
    err_console.print(line, highlight=False)
    if summary.skipped:
        kinds = Counter(s.kind for s in summary.skipped)
        err_console.print(
            "skipped by reason: "
            + ", ".join(f"{k} {n}" for k, n in kinds.most_common()),
            highlight=False,
        )
    for warning in summary.warnings[:20]:
        err_console.print(f"[yellow]warning[/] {warning}", highlight=False)
