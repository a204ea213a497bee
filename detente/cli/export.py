"""``detente export``: write the store's events as GDELT, PLOVER, Parquet, CSV or JSON Lines."""

from __future__ import annotations

import typer

from ..export import EXPORT_FORMATS, export_events
from ..settings import get_setting
from ._common import err_console, handle_errors

#: Default output when -o is not given: stdout for text formats, files for tables.
_DEFAULT_OUTPUT = {"parquet": "events.parquet", "csv": "events.csv"}


def register(app: typer.Typer) -> None:
    app.command("export")(export_cli)


@handle_errors
def export_cli(
    output_format: str = typer.Option(
        "jsonl",
        "--format",
        "-f",
        help=f"One of {', '.join(EXPORT_FORMATS)} (or a plugin exporter).",
    ),
    db: str | None = typer.Option(
        None,
        "--db",
        help="Store: DuckDB path or postgresql:// URL (default ./detente.duckdb).",
    ),
    output: str | None = typer.Option(
        None,
        "-o",
        "--output",
        help="Output file, or folder/ for parquet and csv (default: stdout; events.parquet / events.csv).",
    ),
    start: str | None = typer.Option(
        None, "--from", help="First event date (YYYY-MM-DD)."
    ),
    end: str | None = typer.Option(None, "--to", help="Last event date (YYYY-MM-DD)."),
    actors: list[str] = typer.Option(
        [],
        "--actor",
        help="Keep events with this source or target actor/country code (repeatable; CHN matches CHNGOV).",
    ),
    dedup: str | None = typer.Option(
        None,
        "--dedup",
        help="De-duplication mode: none, one-a-day, story (default: setting dedup).",
    ),
    mapping: str | None = typer.Option(
        None,
        "--mapping",
        help="Recompute QuadClass with this mapping (gdelt.v1, icews.v1, phoenix.v1).",
    ),
    include_negated: bool = typer.Option(
        False, "--include-negated", help="Also export negated events."
    ),
    header: bool = typer.Option(
        False, "--header", help="gdelt: write a header row (GDELT files have none)."
    ),
) -> None:
    """Export the de-duplicated events (and mentions) of the store."""
    target = output or _DEFAULT_OUTPUT.get(output_format, "-")
    written = export_events(
        target,
        format=output_format,
        db=db or str(get_setting("db")),
        dedup=dedup,
        quad_class_mapping=mapping,
        start=start,
        end=end,
        actors=actors or None,
        include_negated=include_negated,
        header=header,
    )
    for path in written:
        err_console.print(f"wrote {path}", highlight=False)
