"""The views of the API and dashboard.

Each function returns a JSON-ready dict; :mod:`detente.serve.site` serves it
as JSON under ``/api`` and, for pages, as HTML from the same call.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import logging
import platform
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import urlencode

import pandas as pd
from fastapi import Depends, Header, Path, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import Field

from ..about import __version__
from ..errors import AnalysisError, DetenteError
from ..settings import SETTINGS, get_setting
from .evidence import evidence_segments, relative_spans
from .params import (
    MAX_OFFSET,
    ActorParams,
    DedupMode,
    DocumentIn,
    DocumentParams,
    DyadParams,
    EventParams,
    NetworkParams,
    QueryModel,
    ReportParams,
    default_dedup,
)
from .queries import EventFilter, Queries
from .responses import ApiError, to_jsonable
from .security import check_write_access
from .site import NAV, Site

logger = logging.getLogger(__name__)

site = Site()

EventKey = Annotated[str, Path(pattern=r"^[A-Za-z0-9._:-]{1,128}$")]
DocId = Annotated[str, Path(pattern=r"^[A-Za-z0-9._:-]{1,128}$")]
Code = Annotated[str, Path(pattern=r"^[A-Za-z0-9]{2,32}$")]
ReportId = Annotated[str, Path(pattern=r"^[A-Za-z0-9._-]{1,80}$")]

#: Default span of the network view when no dates are given.
DEFAULT_NETWORK_DAYS = 365


@dataclass
class ServeState:
    """What the views share: the store's queries and the write settings."""

    db: str
    queries: Queries
    allow_write: bool = False
    token: str | None = None
    pipeline: Any = None  # a Pipeline, built on the first write when None
    open_writer: Any = None  # () -> Store, for writes
    writer: Any = None
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    #: Built claim reports, newest last: (claim, options) -> Report.
    reports: OrderedDict[tuple[Any, ...], Any] = field(default_factory=OrderedDict)
    report_lock: threading.Lock = field(default_factory=threading.Lock)


class DedupParams(QueryModel):
    """Only the de-duplication mode (pages of one record)."""

    dedup: DedupMode = Field(default_factory=default_dedup)


def state_of(request: Request) -> ServeState:
    return request.app.state.detente  # type: ignore[no-any-return]


def _check_page(limit: int, offset: int = 0) -> None:
    largest = int(get_setting("max_page_size"))
    if limit > largest:
        raise ApiError(
            400,
            f"limit={limit} is larger than max_page_size={largest}; ask for at most "
            f"{largest} rows and follow next_cursor for more",
        )
    if offset > MAX_OFFSET:
        raise ApiError(
            400,
            f"offset={offset} is deeper than {MAX_OFFSET}; page with cursor instead "
            "(pass the next_cursor of each page)",
        )


def _check_range(date_from: dt.date | None, date_to: dt.date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise ApiError(
            400,
            f"date_from={date_from} is after date_to={date_to}; swap them or widen the range",
        )


def _analysis(name: str) -> Any:
    """A function of :mod:`detente.analysis`; 503 when it is not installed."""
    try:
        module = importlib.import_module("detente.analysis")
        found = getattr(module, name, None)
        if found is not None:
            return found
    except ImportError as e:
        logger.debug("detente.analysis not importable: %s", e)
    for submodule in ("dyads", "network", "balance", "blocs", "reports", "claims"):
        try:
            module = importlib.import_module(f"detente.analysis.{submodule}")
        except ImportError:
            continue
        found = getattr(module, name, None)
        if found is not None:
            return found
    raise ApiError(
        503,
        f"this server has no analysis function {name!r} (detente.analysis is missing "
        "or incomplete); reinstall detente",
    )


def _next_url(request: Request, cursor: str | None) -> str | None:
    """The URL of the next page: the same query with ``cursor`` set."""
    if cursor is None:
        return None
    params = [
        (k, v)
        for k, v in request.query_params.multi_items()
        if k not in ("cursor", "offset")
    ]
    return f"{request.url.path}?{urlencode([*params, ('cursor', cursor)])}"


# ---- overview -------------------------------------------------------------
@site.page(
    "/",
    template="index.html",
    title="Overview",
    tags=("overview",),
    api_path="/api/overview",
)
def overview_view(
    request: Request, params: Annotated[DedupParams, Query()]
) -> dict[str, Any]:
    """Counts, date range and the busiest dyads of the store."""
    queries = state_of(request).queries
    return to_jsonable(
        {
            "ok": True,
            "dedup": params.dedup,
            "counts": queries.overview(dedup=params.dedup),
            "top_dyads": queries.top_dyads(dedup=params.dedup, limit=10),
            "dedup_modes": queries.dedup_modes(),
            "pages": [{"page": p, "api": a} for p, a in site.pages],
        }
    )


# ---- events ---------------------------------------------------------------
def _event_filter(params: EventParams) -> EventFilter:
    return EventFilter(
        dedup=params.dedup,
        source=params.source,
        target=params.target,
        actor=params.actor,
        dyad=tuple(params.dyad.split(",", 1)) if params.dyad else None,  # type: ignore[arg-type]
        cameo_code=params.cameo_code,
        cameo_root=params.cameo_root,
        quad_class=params.quad_class,
        plover_type=params.plover_type,
        date_from=params.date_from,
        date_to=params.date_to,
        text=params.q,
    )


@site.page("/events", template="events.html", title="Events", tags=("events",))
def events_view(
    request: Request, params: Annotated[EventParams, Query()]
) -> dict[str, Any]:
    """De-duplicated events, newest first, filtered and paged.

    Page with ``cursor`` (the ``next_cursor`` of the previous page) for
    constant-time paging; ``offset`` works for small jumps.
    """
    _check_page(params.limit, params.offset)
    _check_range(params.date_from, params.date_to)
    page = state_of(request).queries.events(
        _event_filter(params),
        limit=params.limit,
        offset=params.offset,
        cursor=params.cursor,
        with_total=params.count,
    )
    return to_jsonable(
        {
            "ok": True,
            "events": page.rows,
            "count": len(page.rows),
            "total": page.total,
            "limit": params.limit,
            "offset": params.offset,
            "next_cursor": page.next_cursor,
            "next_url": _next_url(request, page.next_cursor),
            "filters": params.model_dump(
                exclude={"limit", "offset", "cursor", "count"}, exclude_none=True
            ),
        }
    )


def _with_evidence(mention: dict[str, Any]) -> dict[str, Any]:
    spans = relative_spans(mention)
    return mention | {
        "segments": evidence_segments(mention),
        "sentence_spans": {role: list(span) for role, span in spans.items()},
    }


@site.page(
    "/events/{event_key}", template="event.html", title="Event", tags=("events",)
)
def event_view(
    request: Request, event_key: EventKey, params: Annotated[DedupParams, Query()]
) -> dict[str, Any]:
    """One event with every mention and its highlighted evidence sentence."""
    queries = state_of(request).queries
    event = queries.event(event_key, dedup=params.dedup)
    if event is None:
        raise ApiError(
            404,
            f"no event {event_key!r} in de-duplication mode {params.dedup!r}; "
            "list events at /api/events",
        )
    mentions = [
        _with_evidence(m) for m in queries.event_mentions(event_key, dedup=params.dedup)
    ]
    return to_jsonable({"ok": True, "event": event, "mentions": mentions})


# ---- documents ------------------------------------------------------------
@site.page(
    "/documents", template="documents.html", title="Documents", tags=("documents",)
)
def documents_view(
    request: Request, params: Annotated[DocumentParams, Query()]
) -> dict[str, Any]:
    """Stored documents, newest first."""
    _check_page(params.limit, params.offset)
    _check_range(params.date_from, params.date_to)
    page = state_of(request).queries.documents(
        limit=params.limit,
        offset=params.offset,
        cursor=params.cursor,
        source=params.source,
        date_from=params.date_from,
        date_to=params.date_to,
        text=params.q,
    )
    return to_jsonable(
        {
            "ok": True,
            "documents": page.rows,
            "count": len(page.rows),
            "limit": params.limit,
            "offset": params.offset,
            "next_cursor": page.next_cursor,
            "next_url": _next_url(request, page.next_cursor),
        }
    )


@site.page(
    "/documents/{doc_id}",
    template="document.html",
    title="Document",
    tags=("documents",),
)
def document_view(
    request: Request, doc_id: DocId, params: Annotated[DedupParams, Query()]
) -> dict[str, Any]:
    """One document: metadata, sentences and the events coded in it."""
    queries = state_of(request).queries
    document = queries.document(doc_id)
    if document is None:
        raise ApiError(
            404, f"no document {doc_id!r} in the store; list them at /api/documents"
        )
    mentions = [
        _with_evidence(m) for m in queries.document_mentions(doc_id, dedup=params.dedup)
    ]
    return to_jsonable(
        {
            "ok": True,
            "document": document,
            "sentences": queries.document_sentences(doc_id),
            "mentions": mentions,
        }
    )


def require_write(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> None:
    """Dependency: refuse the write (403/401) before the body is validated."""
    state = state_of(request)
    check_write_access(authorization, allow_write=state.allow_write, token=state.token)


@site.api(
    "/api/documents",
    methods=("POST",),
    title="Ingest one article",
    tags=("documents",),
    status_code=201,
)
def create_document_view(
    request: Request,
    document: DocumentIn,
    _: Annotated[None, Depends(require_write)],
) -> dict[str, Any]:
    """Code one article with the default pipeline and store it.

    Needs a server started with ``--allow-write`` and ``DETENTE_TOKEN``, and
    the header ``Authorization: Bearer <token>``.
    """
    from ..models import Article

    state = state_of(request)

    article = Article(
        doc_id=document.doc_id or Article.make_id(document.text),
        text=document.text,
        title=document.title,
        date=document.date,
        date_source="input" if document.date else "none",
        source=document.source,
        url=document.url,
        origin="api",
        input_format="text",
    )
    with state.write_lock:
        if state.pipeline is None:
            from ..pipeline import Pipeline

            state.pipeline = Pipeline.default()
        article = state.pipeline(article)
        if state.writer is None:
            state.writer = state.open_writer()
        added = bool(state.writer.add_article(article))
    with state.report_lock:
        state.reports.clear()  # the reports' data changed
    return to_jsonable(
        {
            "ok": True,
            "doc_id": article.doc_id,
            "added": added,
            "events": [event.to_record() for event in article.events],
            "url": f"/api/documents/{article.doc_id}",
        }
    )


# ---- actors ---------------------------------------------------------------
@site.page("/actors", template="actors.html", title="Actors", tags=("actors",))
def actors_view(
    request: Request, params: Annotated[ActorParams, Query()]
) -> dict[str, Any]:
    """Actors with their event counts as source and target."""
    _check_page(params.limit, params.offset)
    rows = state_of(request).queries.actors(
        dedup=params.dedup,
        limit=params.limit,
        offset=params.offset,
        country=params.country,
        prefix=params.prefix,
    )
    return to_jsonable(
        {
            "ok": True,
            "actors": rows,
            "count": len(rows),
            "limit": params.limit,
            "offset": params.offset,
        }
    )


@functools.cache
def _actor_resolver() -> Any:
    """The actor resolver (its dictionary loads once); None if unavailable."""
    try:
        from ..actors import ActorResolver

        return ActorResolver()
    except (ImportError, DetenteError) as e:
        logger.warning("actor dictionary not available: %s", e)
        return None


def _dictionary_entries(
    code: str, names: list[str], *, limit: int = 10
) -> list[dict[str, Any]]:
    """Actor-dictionary entries with this code, then those the texts' names match."""
    resolver = _actor_resolver()
    if resolver is None:
        return []
    found: list[Any] = [
        entry.actor(None)
        for entry in resolver.dictionary.entries.values()
        if getattr(entry, "code", None) == code
    ]
    for name in names:
        found += resolver.lookup(name)
    entries: list[dict[str, Any]] = []
    seen: set[str] = set()
    for actor in found:
        key = actor.entry_id or actor.code
        if key not in seen:
            seen.add(key)
            entries.append(to_jsonable(actor))
    return entries[:limit]


@site.page("/actors/{code}", template="actor.html", title="Actor", tags=("actors",))
def actor_view(
    request: Request, code: Code, params: Annotated[DedupParams, Query()]
) -> dict[str, Any]:
    """One actor: counts, main partners and its actor-dictionary entry."""
    code = code.upper()
    queries = state_of(request).queries
    counts = queries.actor_counts(code, dedup=params.dedup)
    if not counts.get("as_source") and not counts.get("as_target"):
        raise ApiError(
            404, f"no events with actor {code!r}; list actors at /api/actors"
        )
    names = queries.actor_names(code)
    return to_jsonable(
        {
            "ok": True,
            "actor": {"code": code, **counts},
            "names": names,
            "partners": queries.actor_partners(code, dedup=params.dedup),
            "dictionary": _dictionary_entries(
                code, [n["name"] for n in names if n.get("name")]
            ),
        }
    )


# ---- dyads and networks ---------------------------------------------------
@site.page("/dyad", template="dyad.html", title="Dyad timeline", tags=("analysis",))
def dyad_view(
    request: Request, params: Annotated[DyadParams, Query()]
) -> dict[str, Any]:
    """QuadClass counts and Goldstein sums of a dyad per period.

    Without ``a`` and ``b`` the busiest dyad of the store is shown.
    """
    _check_range(params.date_from, params.date_to)
    queries = state_of(request).queries
    countries = queries.countries(dedup=params.dedup)
    a, b = params.a, params.b
    if not a or not b:
        top = queries.top_dyads(dedup=params.dedup, limit=1)
        if top:
            a, b = top[0]["a"], top[0]["b"]
    base = {
        "ok": True,
        "a": a,
        "b": b,
        "directed": params.directed,
        "period": params.period,
        "level": params.level,
        "dedup": params.dedup,
        "countries": countries,
    }
    if not a or not b:
        return to_jsonable(
            base | {"series": [], "message": "the store has no events yet"}
        )
    overview = queries.overview(dedup=params.dedup)
    start = params.date_from or overview["first_date"]
    end = params.date_to or overview["last_date"]
    frame = queries.store.events_frame(
        dedup=params.dedup,
        start=params.date_from,
        end=params.date_to,
        # The store keeps events touching either actor; dyad_series picks the pair.
        actors=[code for code in (a, b) if code.isalnum()] or None,
    )
    if frame.empty:
        return to_jsonable(
            base
            | {"series": [], "message": f"no events between {a} and {b} in this range"}
        )
    dyad_series = _analysis("dyad_series")
    try:
        series = dyad_series(
            frame,
            a,
            b,
            directed=params.directed,
            period=params.period,
            level=params.level,
            start=start,
            end=end,
        )
    except AnalysisError as e:
        raise ApiError(400, str(e)) from e
    if not series["events"].sum():
        return to_jsonable(
            base
            | {"series": [], "message": f"no events between {a} and {b} in this range"}
        )
    rows = []
    for period_start, row in series.iterrows():
        rows.append(
            {
                "period": pd.Timestamp(period_start).date(),
                "period_end": _period_end(period_start, params.period),
                **row.to_dict(),
            }
        )
    return to_jsonable(base | {"series": rows, "start": start, "end": end})


def _period_end(start: Any, period: str) -> dt.date:
    stamp = pd.Timestamp(start)
    offsets = {
        "day": pd.Timedelta(days=0),
        "week": pd.Timedelta(days=6),
        "month": pd.offsets.MonthEnd(0),
        "quarter": pd.offsets.QuarterEnd(0),
        "year": pd.offsets.YearEnd(0),
    }
    return (stamp + offsets[period]).date()  # type: ignore[no-any-return]


def _network_range(queries: Queries, params: NetworkParams) -> tuple[Any, Any]:
    _check_range(params.date_from, params.date_to)
    if params.date_from and params.date_to:
        return params.date_from, params.date_to
    overview = queries.overview(dedup=params.dedup)
    last = params.date_to or overview["last_date"]
    if last is None:
        return params.date_from, params.date_to
    first = params.date_from or max(
        overview["first_date"], last - dt.timedelta(days=DEFAULT_NETWORK_DAYS - 1)
    )
    return first, last


def _network(request: Request, params: NetworkParams) -> tuple[Any, Any, Any]:
    queries = state_of(request).queries
    start, end = _network_range(queries, params)
    frame = queries.store.events_frame(dedup=params.dedup, start=start, end=end)
    signed_network = _analysis("signed_network")
    try:
        graph = (
            signed_network(
                frame,
                start=start,
                end=end,
                level=params.level,
                min_events=params.min_events,
                threshold=params.threshold,
            )
            if not frame.empty
            else None
        )
    except AnalysisError as e:
        raise ApiError(400, str(e)) from e
    return graph, start, end


@site.page("/network", template="network.html", title="Network", tags=("analysis",))
def network_view(
    request: Request, params: Annotated[NetworkParams, Query()]
) -> dict[str, Any]:
    """The signed network of a period, laid out, with blocs and balance.

    Without dates: the last 365 days of data.
    """
    import networkx as nx

    graph, start, end = _network(request, params)
    base = {
        "ok": True,
        "start": start,
        "end": end,
        "level": params.level,
        "dedup": params.dedup,
    }
    if graph is None or graph.number_of_nodes() == 0:
        return to_jsonable(
            base
            | {
                "nodes": [],
                "links": [],
                "blocs": None,
                "balance": None,
                "message": "no events in this period",
            }
        )
    notes: list[str] = []
    membership: dict[str, int] = {}
    blocs_out = balance_out = None
    try:
        result = _analysis("blocs")(graph)
        membership = result.membership
        blocs_out = result.to_dict()
    except AnalysisError as e:
        notes.append(f"blocs: {e}")
    try:
        balance_out = _analysis("balance")(graph).to_dict()
    except AnalysisError as e:
        notes.append(f"balance: {e}")
    positions = nx.spring_layout(graph, seed=7, weight=None)
    nodes = [
        {
            "id": node,
            "x": float(positions[node][0]),
            "y": float(positions[node][1]),
            "bloc": membership.get(node),
            "degree": graph.degree(node),
            "strength": sum(
                abs(d.get("weight", 0.0)) for _, _, d in graph.edges(node, data=True)
            ),
        }
        for node in sorted(graph.nodes, key=str)
    ]
    links = [{"source": u, "target": v, **d} for u, v, d in graph.edges(data=True)]
    return to_jsonable(
        base
        | {
            "nodes": nodes,
            "links": links,
            "blocs": blocs_out,
            "balance": balance_out,
            "notes": notes,
        }
    )


@site.api("/api/balance", title="Structural balance of a period", tags=("analysis",))
def balance_view(
    request: Request, params: Annotated[NetworkParams, Query()]
) -> dict[str, Any]:
    """Triad share, walk index and frustration of the period's signed network."""
    graph, start, end = _network(request, params)
    if graph is None:
        raise ApiError(
            400, f"no events between {start} and {end}; widen date_from/date_to"
        )
    try:
        result = _analysis("balance")(graph)
    except AnalysisError as e:
        raise ApiError(400, str(e)) from e
    return to_jsonable(
        {"ok": True, "start": start, "end": end, "balance": result.to_dict()}
    )


class BlocParams(NetworkParams):
    """The network of a period, and optionally the number of blocs."""

    k: int | None = None


@site.api("/api/blocs", title="Blocs of a period", tags=("analysis",))
def blocs_view(
    request: Request, params: Annotated[BlocParams, Query()]
) -> dict[str, Any]:
    """Blocs of the period's signed network (positive inside, negative across)."""
    if params.k is not None and not 1 <= params.k <= 12:
        raise ApiError(400, f"k={params.k} is out of range; pass 1 to 12, or omit k")
    graph, start, end = _network(request, params)
    if graph is None:
        raise ApiError(
            400, f"no events between {start} and {end}; widen date_from/date_to"
        )
    try:
        result = _analysis("blocs")(graph, k=params.k)
    except AnalysisError as e:
        raise ApiError(400, str(e)) from e
    return to_jsonable(
        {"ok": True, "start": start, "end": end, "blocs": result.to_dict()}
    )


# ---- claim reports ---------------------------------------------------------
#: How many built reports the server keeps (a report re-runs its test under
#: every de-duplication mode and mapping: seconds on a large store).
REPORT_CACHE_SIZE = 16


def _claims() -> list[Any]:
    return list(_analysis("list_claims")())


def _claim_record(claim: Any) -> dict[str, Any]:
    return {
        "name": claim.name,
        "title": claim.title,
        "test": claim.test,
        "actors": claim.actors,
        "expected_sign": claim.expected_sign,
        "period": claim.period,
        "source": claim.source,
        "quote": claim.quote,
        "page": f"/reports/{claim.name}",
        "api": f"/api/reports/{claim.name}",
        "html": f"/api/reports/{claim.name}/html",
    }


@site.page(
    "/reports", template="reports.html", title="Claim reports", tags=("reports",)
)
def reports_view(request: Request) -> dict[str, Any]:
    """The claims a report can test (bundled claim templates)."""
    return to_jsonable({"ok": True, "claims": [_claim_record(c) for c in _claims()]})


def _report(request: Request, name: str, params: ReportParams) -> Any:
    """Build (or reuse) the report of claim ``name``; 404 for unknown claims."""
    _check_range(params.date_from, params.date_to)
    claims = {c.name: c for c in _claims()}
    if name not in claims:
        # Only bundled names: a claim argument may also be a file path.
        raise ApiError(
            404, f"no claim named {name!r}; known claims: {', '.join(sorted(claims))}"
        )
    state = state_of(request)
    key = (name, *params.model_dump().values())
    with state.report_lock:
        if key in state.reports:
            state.reports.move_to_end(key)
            return state.reports[key]
    store = state.queries.store

    def load(dedup: str, mapping: str | None) -> pd.DataFrame:
        return store.events_frame(
            dedup=dedup,
            quad_class_mapping=mapping,
            start=params.date_from,
            end=params.date_to,
        )

    try:
        report = _analysis("build_report")(
            claims[name],
            load,
            start=params.date_from,
            end=params.date_to,
            dedup=params.dedup,
            quad_class_mapping=params.quad_class_mapping,
            run_sensitivity=params.sensitivity,
        )
    except AnalysisError as e:
        raise ApiError(400, f"claim {name!r}: {e}") from e
    with state.report_lock:
        state.reports[key] = report
        while len(state.reports) > REPORT_CACHE_SIZE:
            state.reports.popitem(last=False)
    return report


@site.page(
    "/reports/{name}", template="report.html", title="Claim report", tags=("reports",)
)
def report_view(
    request: Request, name: ReportId, params: Annotated[ReportParams, Query()]
) -> dict[str, Any]:
    """One claim tested on the store: verdict, sections, numbers, caveats."""
    report = _report(request, name, params)
    query = urlencode(list(request.query_params.multi_items()))
    html_url = f"/api/reports/{name}/html" + (f"?{query}" if query else "")
    return to_jsonable({"ok": True, **report.to_dict(), "html_url": html_url})


@site.api(
    "/api/reports/{name}/html",
    title="One claim report as self-contained HTML",
    tags=("reports",),
    response_class=HTMLResponse,
)
def report_html_view(
    request: Request, name: ReportId, params: Annotated[ReportParams, Query()]
) -> HTMLResponse:
    """The full report (plots embedded), as ``detente report`` writes it."""
    return HTMLResponse(_report(request, name, params).to_html())


# ---- settings and version -------------------------------------------------
@site.page("/settings", template="settings.html", title="Settings", tags=("meta",))
def settings_view(request: Request) -> dict[str, Any]:
    """Every setting with its value, default, environment variable and help."""
    return to_jsonable(
        {
            "ok": True,
            "settings": [
                {
                    "name": s.name,
                    "value": get_setting(s.name)
                    if s.name != "db"
                    else state_of(request).db,
                    "default": s.default,
                    "env_var": s.env_var,
                    "help": s.help,
                }
                for s in SETTINGS
            ],
            "allow_write": state_of(request).allow_write,
        }
    )


@site.api("/api/version", title="Versions", tags=("meta",))
def version_view(request: Request) -> dict[str, Any]:
    """detente, Python and database driver versions."""
    versions: dict[str, Any] = {
        "detente": __version__,
        "python": platform.python_version(),
    }
    for package in ("duckdb", "fastapi", "pandas", "networkx"):
        try:
            versions[package] = importlib.import_module(package).__version__
        except (ImportError, AttributeError):
            versions[package] = None
    return {"ok": True, "version": __version__, "versions": versions}


@site.api("/api", title="API index", tags=("meta",))
def api_index_view(request: Request) -> dict[str, Any]:
    """Every API route and dashboard page."""
    routes = [
        {
            "path": path,
            "methods": sorted(method.upper() for method in operations),
            "summary": next(iter(operations.values())).get("summary", ""),
        }
        for path, operations in request.app.openapi()["paths"].items()
    ]
    return {
        "ok": True,
        "routes": routes,
        "pages": [{"page": p, "api": a} for p, a in site.pages],
        "nav": [{"path": p, "label": label} for p, label in NAV],
        "openapi": "/api/openapi.json",
    }
