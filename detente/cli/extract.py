"""``detente extract PATH``: show what ingestion makes of one input."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from ..ingest import article_warnings, extract
from ._common import console, handle_errors


def register(app: typer.Typer) -> None:
    app.command(name="extract")(extract_cli)


@handle_errors
def extract_cli(
    path: Path = typer.Argument(
        ...,
        help="A text, HTML, JSON Lines or CSV file (or - for standard input); .gz allowed.",
        allow_dash=True,
    ),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Print one JSON object (text, title, date, author, source, url, ...).",
    ),
    input_format: str | None = typer.Option(
        None, "--format", "-f", help="Force the input format: text, html, jsonl or csv."
    ),
) -> None:
    """Print the clean text and the metadata ingestion extracts from PATH (its first document)."""
    article = extract(str(path), input_format=input_format)
    if as_json:
        record = article.metadata_record()
        record["text"] = article.text
        record["warnings"] = article_warnings(article)
        console.print_json(json.dumps(record, ensure_ascii=False))
        return
    table = Table(show_header=False, box=None, pad_edge=False)
    for key, value in article.metadata_record().items():
        if value not in (None, ""):
            table.add_row(f"[bold]{key}[/]", str(value))
    for warning in article_warnings(article):
        table.add_row("[yellow]warning[/]", warning)
    console.print(table)
    console.rule()
    console.print(article.text, highlight=False, markup=False, soft_wrap=True)
