"""The FastAPI application: REST API under ``/api`` and the dashboard.

Read-only by default: the store is opened read-only and every API query runs
through :meth:`Store.query` (time limit ``sql_time_limit_ms``). Writes
(``POST /api/documents``) need ``allow_write=True`` *and* a token; they go
through one writer store, one at a time.

Examples
--------
>>> from detente.serve import create_app
>>> app = create_app("detente.duckdb")                   # doctest: +SKIP
>>> import uvicorn; uvicorn.run(app, port=8000)          # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..about import __version__
from ..errors import ConfigError
from ..settings import get_setting
from .queries import Queries
from .responses import install_error_handlers
from .security import BodySizeLimit
from .site import NAV, json_twin_url
from .views import ServeState, site

logger = logging.getLogger(__name__)

#: Environment variable holding the write token.
TOKEN_ENV = "DETENTE_TOKEN"


def _package_dir(name: str) -> Path:
    return Path(str(resources.files("detente.serve").joinpath(name)))


def _make_renderer(db_label: str, *, read_only: bool) -> tuple[Any, Any]:
    env = Environment(
        loader=FileSystemLoader(_package_dir("templates")),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    static_version = __version__

    def static(path: str) -> str:
        return f"/static/{path}?v={static_version}"

    def tojson(value: Any) -> Markup:
        # Safe inside <script type="application/json">: no "</" can close it.
        text = json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
        return Markup(text)

    env.globals.update(
        static=static,
        nav=NAV,
        version=__version__,
        db_label=db_label,
        read_only=read_only,
    )
    env.filters["tojson_script"] = tojson

    def render_page(
        request: Request, template: str, data: dict[str, Any], *, title: str
    ) -> str:
        active = (
            "/" + request.url.path.strip("/").split("/")[0]
            if request.url.path != "/"
            else "/"
        )
        return env.get_template(template).render(
            data=data,
            title=title,
            page=template.removesuffix(".html"),
            active=active,
            json_url=json_twin_url(request),
            request=request,
            query=dict(request.query_params),
        )

    def render_error(body: dict[str, Any]) -> str:
        return env.get_template("error.html").render(
            data=body,
            title=f"Error {body['status']}",
            page="error",
            active="",
            json_url="/api",
            query={},
        )

    return render_page, render_error


def create_app(
    db: str | None = None,
    *,
    allow_write: bool = False,
    token: str | None = None,
    pipeline: Any = None,
) -> FastAPI:
    """Build the API and dashboard app over one event store.

    Parameters
    ----------
    db:
        A DuckDB file or ``postgresql://`` URL; default: the ``db`` setting.
    allow_write:
        Accept ``POST /api/documents`` (also needs ``token``).
    token:
        The bearer token writes must present; default: ``$DETENTE_TOKEN``.
    pipeline:
        The :class:`~detente.pipeline.Pipeline` that codes posted documents;
        default: ``Pipeline.default()``, built on the first write.

    Returns
    -------
    fastapi.FastAPI
        The app; its OpenAPI spec is at ``/api/openapi.json``.

    Raises
    ------
    ConfigError
        If writes are allowed but no token is set.
    """
    from ..store import Store

    url = str(db if db is not None else get_setting("db"))
    token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    if allow_write and not token:
        raise ConfigError(
            f"--allow-write needs a token: set {TOKEN_ENV} (clients then send "
            "`Authorization: Bearer <token>`), or serve read-only"
        )
    writer = None
    if allow_write:
        # The writer opens first: DuckDB then lets the read connections share
        # its database within this process.
        writer = Store.open(url, read_only=False)
    queries = Queries(lambda: Store.open(url, read_only=True))
    state = ServeState(
        db=url,
        queries=queries,
        allow_write=allow_write,
        token=token,
        pipeline=pipeline,
        open_writer=lambda: Store.open(url, read_only=False),
        writer=writer,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        queries.close()
        if state.writer is not None:
            state.writer.close()

    app = FastAPI(
        title="detente",
        version=__version__,
        description=(
            "Coded international events (CAMEO, PLOVER) with their evidence, and the "
            "analyses built on them. Every dashboard page has a JSON twin under /api. "
            'Errors: {"ok": false, "error": ..., "errors": [...], "status": ...}.'
        ),
        openapi_url="/api/openapi.json",
        # The interactive docs load scripts from a CDN; the dashboard works offline.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.detente = state
    render_page, render_error = _make_renderer(_label(url), read_only=not allow_write)
    app.state.render_page = render_page
    app.state.render_error = render_error
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=int(get_setting("max_body_bytes")))
    app.include_router(site.router)
    app.mount("/static", StaticFiles(directory=_package_dir("static")), name="static")
    return app


def _label(url: str) -> str:
    """The store's name for the page footer, password hidden."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)
