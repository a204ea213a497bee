"""``detente query``: run one read-only SQL statement on the store."""

from __future__ import annotations

import csv
import sys

import typer
from rich.table import Table

from ..store import query
from ._common import console, handle_errors


def register(app: typer.Typer) -> None:
    app.command("query")(query_cli)


@handle_errors
def query_cli(
    sql: str = typer.Argument(
        ..., help="One SELECT statement (tables: docs/schema.md)."
    ),
    db: str | None = typer.Option(
        None,
        "--db",
        help="Store: DuckDB path or postgresql:// URL (default ./detente.duckdb).",
    ),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV instead of a table."),
    limit: int | None = typer.Option(
        None, "--limit", help="Print at most this many rows."
    ),
) -> None:
    """Run read-only SQL on the event store (writes are refused; time limit: sql_time_limit_ms)."""
    columns, rows = query(sql, db=db, limit=limit)
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
        return
    table = Table(show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if value is None else str(value) for value in row))
    console.print(table)
    console.print(f"{len(rows)} row(s)", style="dim", highlight=False)
