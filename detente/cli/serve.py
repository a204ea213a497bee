"""``detente serve``: the REST API and dashboard over an event store."""

from __future__ import annotations

import typer

from ..settings import get_setting
from ._common import console, handle_errors


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cli)


@handle_errors
def serve_cli(
    db: str = typer.Option(
        None,
        "--db",
        help="Event store: DuckDB file or postgresql:// URL (default: setting db).",
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(
        8000, "--port", min=1, max=65535, help="Port to listen on."
    ),
    allow_write: bool = typer.Option(
        False,
        "--allow-write",
        help="Accept POST /api/documents; needs DETENTE_TOKEN (sent as a bearer token).",
    ),
) -> None:
    """Serve the REST API (/api) and the dashboard (/) over an event store."""
    from ..serve import serve

    serve(
        db or str(get_setting("db")),
        host=host,
        port=port,
        allow_write=allow_write,
        announce=lambda line: console.print(f"detente: {line}", highlight=False),
    )
