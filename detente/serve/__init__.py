"""The REST API and web dashboard over an event store (``detente serve``).

:func:`create_app` builds the FastAPI app; :func:`serve` runs it with uvicorn.
Every dashboard page has a JSON twin under ``/api`` served by the same view.
"""

from __future__ import annotations

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
    """
    import uvicorn

    app: Any = create_app(db, allow_write=allow_write, token=token)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
