"""Every read the API makes, in one place, as parametrised SQL over the store.

The SQL text of each query is chosen from fixed fragments (one per filter
that is set); user values only ever travel as parameters. Event lists page by
keyset (``event_date``, ``event_key``, newest first), so the thousandth page
costs what the first does; ``offset`` is accepted for small jumps.

Queries run through :meth:`detente.store.Store.query`, which opens nothing
writable and applies the ``sql_time_limit_ms`` setting.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import DetenteError, StoreError
from .responses import ApiError

logger = logging.getLogger(__name__)

#: The columns of an event row in API answers, in order.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_key",
    "event_date",
    "source_actor",
    "source_country",
    "target_actor",
    "target_country",
    "cameo_code",
    "cameo_root",
    "goldstein",
    "quad_class",
    "quad_class_mapping",
    "plover_type",
    "plover_mode",
    "negated",
    "num_mentions",
    "num_documents",
    "num_sources",
    "first_seen",
    "last_seen",
    "tone",
    "root_event_id",
    "root_doc_id",
    "source_url",
    "dedup_mode",
)

#: Columns of a mention (one coded sentence) in API answers.
MENTION_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "mention_index",
    "event_id",
    "sentence_index",
    "sentence",
    "span_start",
    "span_end",
    "source_actor",
    "source_country",
    "target_actor",
    "target_country",
    "cameo_code",
    "cameo_root",
    "goldstein",
    "quad_class",
    "quad_class_mapping",
    "plover_type",
    "plover_mode",
    "event_date",
    "event_date_source",
    "event_date_raw",
    "negated",
    "modality",
    "rule",
    "coder",
    "confidence",
    "source_text",
    "source_start",
    "source_end",
    "target_text",
    "target_start",
    "target_end",
    "verb_text",
    "verb_start",
    "verb_end",
    "source_name",
    "url",
    "tone",
)

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "title",
    "date",
    "date_source",
    "author",
    "source",
    "url",
    "language",
    "origin",
    "input_format",
    "tone",
    "n_sentences",
    "n_events",
)


def like_pattern(text: str) -> str:
    """A case-insensitive substring pattern for ``ILIKE ? ESCAPE '\\'``."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def keyset_after(
    date_column: str, key_column: str, last_date: Any, last_key: str
) -> tuple[str, list[Any]]:
    """The WHERE fragment of the rows after (last_date, last_key).

    The order is ``date DESC NULLS LAST, key DESC``. The fragment is written
    so that DuckDB can still push the top-N bound into its scan (a
    ``COALESCE`` in the ORDER BY made first pages ten times slower on 1 M
    events).
    """
    if last_date is None:
        return f"({date_column} IS NULL AND {key_column} < ?)", [last_key]
    return (
        f"(({date_column} <= ? AND ({date_column} < ? OR {key_column} < ?)) "
        f"OR {date_column} IS NULL)",
        [last_date, last_date, last_key],
    )


@dataclass(frozen=True)
class EventFilter:
    """The filters of an event list; ``None`` means "any".

    ``source``/``target``/``actor`` match an actor code (``CHNGOV``) or a
    country code (``CHN``); ``actor`` matches either role. ``text`` searches
    the evidence sentences (case-insensitive substring).
    """

    dedup: str = "one-a-day"
    source: str | None = None
    target: str | None = None
    actor: str | None = None
    dyad: tuple[str, str] | None = None  # either direction
    cameo_code: str | None = None
    cameo_root: str | None = None
    quad_class: int | None = None
    plover_type: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str | None = None


@dataclass(frozen=True)
class Page:
    """One page of rows and how to ask for the next one."""

    rows: list[dict[str, Any]]
    next_cursor: str | None
    total: int | None = None


def encode_cursor(values: Sequence[Any]) -> str:
    """An opaque cursor for keyset pagination (URL-safe base64 of JSON)."""
    raw = json.dumps([v.isoformat() if isinstance(v, dt.date) else v for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, *, kind: str) -> tuple[dt.date | None, str]:
    """Read a cursor made by :func:`encode_cursor`; 400 if it was tampered with."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
        date_text, key = values
        if not isinstance(key, str):
            raise TypeError("key is not a string")
        return (
            dt.date.fromisoformat(date_text) if date_text is not None else None
        ), key
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as e:
        raise ApiError(
            400,
            f"invalid cursor {cursor[:40]!r} for {kind}; pass the next_cursor value "
            "of the previous page unchanged, or drop cursor to start again",
        ) from e


def _event_where(flt: EventFilter) -> tuple[list[str], list[Any]]:
    clauses = ["e.dedup_mode = ?"]
    params: list[Any] = [flt.dedup]
    if flt.source:
        clauses.append("(e.source_actor = ? OR e.source_country = ?)")
        params += [flt.source, flt.source]
    if flt.target:
        clauses.append("(e.target_actor = ? OR e.target_country = ?)")
        params += [flt.target, flt.target]
    if flt.actor:
        clauses.append(
            "(e.source_actor = ? OR e.source_country = ? "
            "OR e.target_actor = ? OR e.target_country = ?)"
        )
        params += [flt.actor] * 4
    if flt.dyad:
        a, b = flt.dyad
        clauses.append(
            "(((e.source_actor = ? OR e.source_country = ?) "
            "AND (e.target_actor = ? OR e.target_country = ?)) "
            "OR ((e.source_actor = ? OR e.source_country = ?) "
            "AND (e.target_actor = ? OR e.target_country = ?)))"
        )
        params += [a, a, b, b, b, b, a, a]
    if flt.cameo_code:
        clauses.append("e.cameo_code = ?")
        params.append(flt.cameo_code)
    if flt.cameo_root:
        clauses.append("e.cameo_root = ?")
        params.append(flt.cameo_root)
    if flt.quad_class is not None:
        clauses.append("e.quad_class = ?")
        params.append(flt.quad_class)
    if flt.plover_type:
        clauses.append("e.plover_type = ?")
        params.append(flt.plover_type)
    if flt.date_from:
        clauses.append("e.event_date >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        clauses.append("e.event_date <= ?")
        params.append(flt.date_to)
    if flt.text:
        clauses.append(
            "EXISTS (SELECT 1 FROM event_keys k JOIN event_mentions m "
            "ON m.doc_id = k.doc_id AND m.mention_index = k.mention_index "
            "WHERE k.dedup_mode = e.dedup_mode AND k.event_key = e.event_key "
            "AND m.sentence ILIKE ? ESCAPE '\\')"
        )
        params.append(like_pattern(flt.text))
    return clauses, params


def _rows(
    columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> list[dict[str, Any]]:
    return [dict(zip(columns, row, strict=True)) for row in rows]


class Queries:
    """The API's read queries over one store.

    Parameters
    ----------
    open_store:
        A function returning an open, read-only :class:`~detente.store.Store`.
        It is called on first use; the store is shared by the worker threads
        (its DuckDB reads each take their own cursor).
    """

    def __init__(self, open_store: Callable[[], Any]) -> None:
        self._open_store = open_store
        self._store: Any = None
        self._lock = threading.Lock()

    @property
    def store(self) -> Any:
        """The store (opened on first use)."""
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = self._open_store()
        return self._store

    def close(self) -> None:
        """Close the store if it was opened."""
        with self._lock:
            store, self._store = self._store, None
        close = getattr(store, "close", None)
        if close is not None:
            close()

    def run(
        self, sql: str, params: Sequence[Any] = (), *, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Run one read query and return its rows as dicts."""
        try:
            columns, rows = self.store.query(sql, list(params), limit=limit)
        except DetenteError:
            raise
        except Exception as e:  # a driver error the store did not wrap
            raise StoreError(f"query failed: {e}") from e
        return _rows(columns, rows)

    # ---- events -------------------------------------------------------
    def events(
        self,
        flt: EventFilter,
        *,
        limit: int,
        offset: int = 0,
        cursor: str | None = None,
        with_total: bool = False,
    ) -> Page:
        """A page of de-duplicated events, newest first."""
        clauses, params = _event_where(flt)
        total = None
        if with_total:
            counted = self.run(
                f"SELECT count(*) AS n FROM events e WHERE {' AND '.join(clauses)}",
                params,
            )
            total = int(counted[0]["n"]) if counted else 0
        if cursor:
            last_date, last_key = decode_cursor(cursor, kind="events")
            clause, values = keyset_after(
                "e.event_date", "e.event_key", last_date, last_key
            )
            clauses.append(clause)
            params += values
        columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        sql = (
            f"SELECT {columns} FROM events e WHERE {' AND '.join(clauses)} "
            "ORDER BY e.event_date DESC NULLS LAST, e.event_key DESC LIMIT ? OFFSET ?"
        )
        rows = self.run(sql, [*params, limit + 1, offset])
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            last = rows[-1]
            next_cursor = encode_cursor([last["event_date"], last["event_key"]])
        return Page(rows=rows, next_cursor=next_cursor, total=total)

    def event(self, event_key: str, *, dedup: str) -> dict[str, Any] | None:
        """One event by key, or ``None``."""
        columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        rows = self.run(
            f"SELECT {columns} FROM events e WHERE e.dedup_mode = ? AND e.event_key = ?",
            [dedup, event_key],
        )
        return rows[0] if rows else None

    def event_mentions(self, event_key: str, *, dedup: str) -> list[dict[str, Any]]:
        """The coded sentences behind one event, with their documents' titles."""
        columns = ", ".join(f"m.{c}" for c in MENTION_COLUMNS)
        return self.run(
            f"SELECT {columns}, d.title AS doc_title, d.date AS doc_date, "
            "d.source AS doc_source "
            "FROM event_keys k JOIN event_mentions m "
            "ON m.doc_id = k.doc_id AND m.mention_index = k.mention_index "
            "LEFT JOIN documents d ON d.doc_id = m.doc_id "
            "WHERE k.dedup_mode = ? AND k.event_key = ? "
            "ORDER BY d.date, m.doc_id, m.mention_index",
            [dedup, event_key],
        )

    # ---- documents ----------------------------------------------------
    def documents(
        self,
        *,
        limit: int,
        offset: int = 0,
        cursor: str | None = None,
        source: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        text: str | None = None,
    ) -> Page:
        """A page of stored documents, newest first."""
        clauses = ["TRUE"]
        params: list[Any] = []
        if source:
            clauses.append("d.source = ?")
            params.append(source)
        if date_from:
            clauses.append("d.date >= ?")
            params.append(date_from)
        if date_to:
            clauses.append("d.date <= ?")
            params.append(date_to)
        if text:
            clauses.append("d.title ILIKE ? ESCAPE '\\'")
            params.append(like_pattern(text))
        if cursor:
            last_date, last_key = decode_cursor(cursor, kind="documents")
            clause, values = keyset_after("d.date", "d.doc_id", last_date, last_key)
            clauses.append(clause)
            params += values
        columns = ", ".join(f"d.{c}" for c in DOCUMENT_COLUMNS)
        rows = self.run(
            f"SELECT {columns} FROM documents d WHERE {' AND '.join(clauses)} "
            "ORDER BY d.date DESC NULLS LAST, d.doc_id DESC LIMIT ? OFFSET ?",
            [*params, limit + 1, offset],
        )
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            next_cursor = encode_cursor([rows[-1]["date"], rows[-1]["doc_id"]])
        return Page(rows=rows, next_cursor=next_cursor)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One document's metadata, or ``None``."""
        columns = ", ".join(f"d.{c}" for c in DOCUMENT_COLUMNS)
        rows = self.run(
            f"SELECT {columns} FROM documents d WHERE d.doc_id = ?", [doc_id]
        )
        return rows[0] if rows else None

    def document_sentences(self, doc_id: str) -> list[dict[str, Any]]:
        """A document's sentences, in order."""
        return self.run(
            "SELECT sentence_index, start_char, end_char, text, tone FROM sentences "
            "WHERE doc_id = ? ORDER BY sentence_index",
            [doc_id],
        )

    def document_mentions(self, doc_id: str, *, dedup: str) -> list[dict[str, Any]]:
        """The coded sentences of one document, with their event keys."""
        columns = ", ".join(f"m.{c}" for c in MENTION_COLUMNS)
        return self.run(
            f"SELECT {columns}, k.event_key FROM event_mentions m "
            "LEFT JOIN event_keys k ON k.doc_id = m.doc_id "
            "AND k.mention_index = m.mention_index AND k.dedup_mode = ? "
            "WHERE m.doc_id = ? ORDER BY m.mention_index",
            [dedup, doc_id],
        )

    # ---- actors -------------------------------------------------------
    def actors(
        self,
        *,
        dedup: str,
        limit: int,
        offset: int = 0,
        country: str | None = None,
        prefix: str | None = None,
    ) -> list[dict[str, Any]]:
        """Actors with their event counts as source and as target, busiest first."""
        outer = ["TRUE"]
        params: list[Any] = [dedup, dedup]
        if country:
            outer.append("country = ?")
            params.append(country)
        if prefix:
            outer.append("starts_with(actor, ?)")
            params.append(prefix.upper())
        return self.run(
            "SELECT actor, country, sum(as_source) AS as_source, "
            "sum(as_target) AS as_target, sum(as_source) + sum(as_target) AS events "
            "FROM ("
            " SELECT source_actor AS actor, source_country AS country, "
            " count(*) AS as_source, 0 AS as_target FROM events "
            " WHERE dedup_mode = ? AND source_actor <> '' GROUP BY 1, 2"
            " UNION ALL"
            " SELECT target_actor, target_country, 0, count(*) FROM events "
            " WHERE dedup_mode = ? AND target_actor <> '' GROUP BY 1, 2"
            f") a WHERE {' AND '.join(outer)} "
            "GROUP BY actor, country ORDER BY events DESC, actor LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def actor_counts(self, code: str, *, dedup: str) -> dict[str, Any]:
        """Event counts of one actor (code or country) by role and QuadClass."""
        rows = self.run(
            "SELECT "
            " sum(CASE WHEN source_actor = ? OR source_country = ? THEN 1 ELSE 0 END) "
            "   AS as_source, "
            " sum(CASE WHEN target_actor = ? OR target_country = ? THEN 1 ELSE 0 END) "
            "   AS as_target, "
            " sum(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END) AS verbal_coop, "
            " sum(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END) AS material_coop, "
            " sum(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END) AS verbal_conflict, "
            " sum(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END) AS material_conflict, "
            " min(event_date) AS first_date, max(event_date) AS last_date "
            "FROM events WHERE dedup_mode = ? AND (source_actor = ? OR "
            "source_country = ? OR target_actor = ? OR target_country = ?)",
            [code, code, code, code, dedup, code, code, code, code],
        )
        counts = rows[0] if rows else {}
        return {k: (v if v is not None else 0) for k, v in counts.items()} | {
            "first_date": counts.get("first_date"),
            "last_date": counts.get("last_date"),
        }

    def actor_partners(
        self, code: str, *, dedup: str, limit: int = 10
    ) -> list[dict[str, Any]]:
        """The countries an actor has most events with, and their Goldstein sum."""
        return self.run(
            "SELECT partner, count(*) AS events, sum(goldstein) AS goldstein_sum FROM ("
            " SELECT CASE WHEN source_actor = ? OR source_country = ? "
            "   THEN target_country ELSE source_country END AS partner, goldstein "
            " FROM events WHERE dedup_mode = ? AND (source_actor = ? OR "
            " source_country = ? OR target_actor = ? OR target_country = ?)"
            ") p WHERE partner <> '' GROUP BY partner ORDER BY events DESC, partner "
            "LIMIT ?",
            [code, code, dedup, code, code, code, code, limit],
        )

    def actor_names(self, code: str) -> list[dict[str, Any]]:
        """How the texts named an actor (from the resolved actor mentions)."""
        return self.run(
            "SELECT actor_name AS name, actor_kind AS kind, actor_role_label AS role_label, "
            "count(*) AS mentions FROM actor_mentions WHERE actor_code = ? "
            "GROUP BY actor_name, actor_kind, actor_role_label "
            "ORDER BY mentions DESC LIMIT 5",
            [code],
        )

    def countries(self, *, dedup: str, limit: int = 200) -> list[dict[str, Any]]:
        """Country (or bloc, IGO) codes with events, busiest first."""
        return self.run(
            "SELECT country, sum(n) AS events FROM ("
            " SELECT source_country AS country, count(*) AS n FROM events "
            " WHERE dedup_mode = ? GROUP BY 1 UNION ALL "
            " SELECT target_country, count(*) FROM events WHERE dedup_mode = ? GROUP BY 1"
            ") c WHERE country <> '' GROUP BY country ORDER BY events DESC, country LIMIT ?",
            [dedup, dedup, limit],
        )

    # ---- overview -----------------------------------------------------
    def overview(self, *, dedup: str) -> dict[str, Any]:
        """Counts and date range of the store, for the front page."""
        events = self.run(
            "SELECT count(*) AS events, min(event_date) AS first_date, "
            "max(event_date) AS last_date FROM events WHERE dedup_mode = ?",
            [dedup],
        )[0]
        mentions = self.run("SELECT count(*) AS n FROM event_mentions")[0]["n"]
        documents = self.run("SELECT count(*) AS n FROM documents")[0]["n"]
        return {
            "documents": int(documents),
            "mentions": int(mentions),
            "events": int(events["events"]),
            "first_date": events["first_date"],
            "last_date": events["last_date"],
        }

    def top_dyads(self, *, dedup: str, limit: int = 10) -> list[dict[str, Any]]:
        """The undirected country pairs with the most events."""
        return self.run(
            "SELECT least(source_country, target_country) AS a, "
            "greatest(source_country, target_country) AS b, count(*) AS events, "
            "sum(goldstein) AS goldstein_sum FROM events "
            "WHERE dedup_mode = ? AND source_country <> '' AND target_country <> '' "
            "AND source_country <> target_country GROUP BY 1, 2 "
            "ORDER BY events DESC, a, b LIMIT ?",
            [dedup, limit],
        )

    def dedup_modes(self) -> list[str]:
        """The de-duplication modes that have events in the store."""
        rows = self.run("SELECT DISTINCT dedup_mode FROM events ORDER BY dedup_mode")
        return [str(r["dedup_mode"]) for r in rows]
