"""``detente import``: store events coded elsewhere (our JSON Lines, GDELT 2.0 files)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..export import IMPORT_FORMATS, import_events
from ..settings import get_setting
from ._common import err_console, handle_errors


def register(app: typer.Typer) -> None:
    app.command("import")(import_cli)


@handle_errors
def import_cli(
    path: Path = typer.Argument(
        ...,
        help="The file: events JSON Lines, or a GDELT 2.0 event file (.CSV / .zip).",
    ),
    input_format: str | None = typer.Option(
        None,
        "--format",
        help=f"One of {', '.join(IMPORT_FORMATS)} (or a plugin importer); guessed from the name.",
    ),
    db: str | None = typer.Option(
        None,
        "--db",
        help="Store: DuckDB path or postgresql:// URL (default ./detente.duckdb).",
    ),
) -> None:
    """Import events coded elsewhere into the store (documents already stored are skipped)."""
    target = db or str(get_setting("db"))
    count = import_events(path, format=input_format, db=target)
    err_console.print(
        f"imported {count} event(s) from {path} into {target}", highlight=False
    )
