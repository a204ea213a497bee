"""Twin routes: one view function serves a dashboard page and its JSON.

``@site.page("/events", template="events.html")`` registers the view at
``/api/events`` (JSON, in the OpenAPI spec) and at ``/events`` (HTML, the
same dict rendered by a template), so the dashboard and the API cannot drift
apart (STYLE rule 8). ``@site.api`` registers a JSON-only route.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

F = TypeVar("F", bound=Callable[..., Any])

#: The dashboard's navigation bar: (path, label).
NAV: tuple[tuple[str, str], ...] = (
    ("/", "Overview"),
    ("/dyad", "Dyads"),
    ("/network", "Network"),
    ("/events", "Events"),
    ("/documents", "Documents"),
    ("/actors", "Actors"),
    ("/reports", "Reports"),
    ("/settings", "Settings"),
)


def json_twin_url(request: Request) -> str:
    """The API URL of the page ``request`` shows."""
    query = urlencode(list(request.query_params.multi_items()))
    path = "/api/overview" if request.url.path == "/" else "/api" + request.url.path
    return path + (f"?{query}" if query else "")


def _json_route(view: Callable[..., Any], status_code: int) -> Callable[..., Any]:
    """Serve the view's dict as JSON directly.

    Views return JSON-ready dicts already, so FastAPI's own encoding pass
    (``jsonable_encoder``) would only repeat the work: it doubled the time of
    a 1,000-event page.
    """

    @functools.wraps(view)
    def json_view(*args: Any, **kwargs: Any) -> JSONResponse:
        return JSONResponse(view(*args, **kwargs), status_code=status_code)

    return json_view


class Site:
    """Collects twin (HTML + JSON) and JSON-only routes on one router."""

    def __init__(self) -> None:
        self.router = APIRouter()
        self.pages: list[tuple[str, str]] = []

    def page(
        self,
        path: str,
        *,
        template: str,
        title: str,
        tags: tuple[str, ...] = (),
        api_path: str | None = None,
    ) -> Callable[[F], F]:
        """Register ``view`` at ``/api{path}`` (JSON) and ``{path}`` (HTML).

        The view must take ``request: Request`` and return a JSON-ready dict.
        ``api_path`` overrides the JSON path (the front page's is
        ``/api/overview``).
        """

        def decorate(view: F) -> F:
            json_path = api_path or "/api" + path
            self.router.add_api_route(
                json_path,
                _json_route(view, 200),
                methods=["GET"],
                tags=list(tags),
                summary=title,
                response_model=None,
            )

            @functools.wraps(view)
            def html_view(*args: Any, **kwargs: Any) -> HTMLResponse:
                request: Request = kwargs["request"]
                data = view(*args, **kwargs)
                render = request.app.state.render_page
                return HTMLResponse(render(request, template, data, title=title))

            self.router.add_api_route(
                path,
                html_view,
                methods=["GET"],
                include_in_schema=False,
                response_class=HTMLResponse,
            )
            self.pages.append((path, json_path))
            return view

        return decorate

    def api(
        self,
        path: str,
        *,
        methods: tuple[str, ...] = ("GET",),
        title: str,
        tags: tuple[str, ...] = (),
        status_code: int | None = None,
        response_class: type[Response] | None = None,
    ) -> Callable[[F], F]:
        """Register a JSON-only route at ``path``.

        With ``response_class`` the view returns that response itself (the
        self-contained HTML of a report).
        """

        def decorate(view: F) -> F:
            extra: dict[str, Any] = {}
            if status_code is not None:
                extra["status_code"] = status_code
            if response_class is not None:
                extra["response_class"] = response_class
            self.router.add_api_route(
                path,
                view if response_class else _json_route(view, status_code or 200),
                methods=list(methods),
                tags=list(tags),
                summary=title,
                response_model=None,
                **extra,
            )
            return view

        return decorate
