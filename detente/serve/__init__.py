"""The REST API and web dashboard over an event store (``detente serve``).

:func:`create_app` builds the FastAPI app; :func:`serve` runs it with uvicorn.
Every dashboard page has a JSON twin under ``/api`` served by the same view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .app import TOKEN_ENV, create_app

__all__ = ["TOKEN_ENV", "create_app", "serve"]


def serve(
    db: str | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    allow_write: bool = False,
    token: str | None = None,
    log_level: str = "info",
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve the API and dashboard over ``db`` until interrupted.

    Parameters
    ----------
    db:
        DuckDB file or ``postgresql://`` URL; default: the ``db`` setting.
    host, port:
        Where to listen. Keep ``127.0.0.1`` unless a proxy guards the server.
    allow_write:
        Accept ``POST /api/documents`` with the bearer token.
    token:
        The write token; default ``$DETENTE_TOKEN``.
    log_level:
        uvicorn's log level.
    announce:
        Called with a one-line "serving ..." message once the store is open
        (the CLI prints it).

    Raises
    ------
    StoreError
        If the store cannot be opened (missing, locked, not a detente store).
    ConfigError
        If writes are allowed without a token.
    """
    import uvicorn

    app: Any = create_app(db, allow_write=allow_write, token=token)
    # Open the store now: a wrong path fails here, with the store's message,
    # not on the first request.
    _ = app.state.detente.queries.store
    if announce is not None:
        mode = "read-write (token required)" if allow_write else "read-only"
        base = f"http://{host}:{port}"
        announce(
            f"serving {app.state.detente.db} {mode} on {base}/ "
            f"(API: {base}/api, OpenAPI: {base}/api/openapi.json)"
        )
    uvicorn.run(app, host=host, port=port, log_level=log_level)
