"""One error shape for the whole API, and the JSON encoding of results.

Every error, whatever raised it (a bad parameter, a missing event, a
:class:`~detente.errors.DetenteError`, a body that is too large), leaves the
API as::

    {"ok": false, "error": "<one line>", "errors": ["<detail>", ...], "status": 4xx}

Dashboard pages (paths outside ``/api`` and without ``.json``) get the same
information rendered as an HTML page with the same status code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import math
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    AnalysisError,
    ConfigError,
    DetenteError,
    InputError,
    OntologyError,
    StoreError,
)

logger = logging.getLogger(__name__)


class ApiError(DetenteError):
    """An error the API reports with a given HTTP status.

    Parameters
    ----------
    status:
        The HTTP status code (4xx or 5xx).
    message:
        One line: what was wrong and what to do.
    errors:
        Details, one string each (e.g. one per bad parameter).
    headers:
        Extra response headers (``WWW-Authenticate`` for 401).
    """

    def __init__(
        self,
        status: int,
        message: str,
        *,
        errors: list[str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = list(errors) if errors else [message]
        self.headers = dict(headers) if headers else None


def error_body(
    status: int, message: str, errors: list[str] | None = None
) -> dict[str, Any]:
    """The JSON body of every API error."""
    return {
        "ok": False,
        "error": message,
        "errors": list(errors) if errors else [message],
        "status": status,
    }


def wants_json(request: Request) -> bool:
    """True for API and ``.json`` paths; dashboard pages get HTML errors."""
    path = request.url.path
    return path.startswith("/api") or path.endswith(".json") or path.startswith("/docs")


def error_response(
    request: Request,
    status: int,
    message: str,
    errors: list[str] | None = None,
    *,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse | HTMLResponse:
    """Build the error response for ``request`` (JSON or an HTML page)."""
    body = error_body(status, message, errors)
    if wants_json(request):
        return JSONResponse(body, status_code=status, headers=dict(headers or {}))
    renderer = getattr(request.app.state, "render_error", None)
    if renderer is None:
        return JSONResponse(body, status_code=status, headers=dict(headers or {}))
    return HTMLResponse(renderer(body), status_code=status, headers=dict(headers or {}))


def _status_of(exc: DetenteError) -> int:
    if isinstance(exc, ApiError):
        return exc.status
    if isinstance(exc, InputError | ConfigError | OntologyError | AnalysisError):
        return 400
    if isinstance(exc, StoreError):
        return 500
    return 500


def _location(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body", "header")]
    if parts:
        return ".".join(parts)
    return "body" if loc and loc[0] == "body" else "request"


def install_error_handlers(app: FastAPI) -> None:
    """Make every error leave ``app`` in the one shape."""

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Any:
        details = []
        for error in exc.errors():
            where = _location(error.get("loc", ()))
            value = error.get("input")
            shown = (
                ""
                if isinstance(value, dict | list) or value is None
                else f" (got {value!r})"
            )
            details.append(f"{where}: {error.get('msg', 'invalid value')}{shown}")
        message = "invalid request: " + "; ".join(details)
        return error_response(request, 422, message, details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Any:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = (
                f"no page or API route at {request.url.path}; see /api for the list"
            )
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, message, headers=exc.headers)

    @app.exception_handler(DetenteError)
    async def _detente(request: Request, exc: DetenteError) -> Any:
        status = _status_of(exc)
        if status >= 500:
            logger.error("error serving %s: %s", request.url.path, exc, exc_info=exc)
        if isinstance(exc, ApiError):
            return error_response(
                request, status, exc.message, exc.errors, headers=exc.headers
            )
        return error_response(request, status, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Any:
        # The last resort keeps the error shape; the traceback goes to the log.
        logger.exception("unexpected error serving %s", request.url.path)
        return error_response(
            request,
            500,
            f"internal error ({type(exc).__name__}); the server log has the traceback",
        )


def to_jsonable(value: Any) -> Any:
    """Convert results (dataclasses, dates, numpy/pandas scalars, NaN) to JSON types."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(dataclasses.asdict(value))
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if type(value).__name__ == "NaTType":  # pandas' missing timestamp
        return None
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item):
        try:
            return to_jsonable(item())
        except (TypeError, ValueError):
            pass
    isoformat = getattr(value, "isoformat", None)  # pandas Timestamp
    if callable(isoformat):
        return isoformat()
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_jsonable(to_dict())
    return str(value)
