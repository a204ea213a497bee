"""The event store: documents, sentences, mentions and de-duplicated events.

One :class:`Store` API over two backends with the same schema and results:
a DuckDB file (the default, settings ``db``) or a PostgreSQL database (a
``postgresql://`` URL, psycopg 3). The tables are described in
``docs/schema.md``.

- Writes go through one writer method (:meth:`Store._write`), one
  transaction per document (:meth:`Store.add_article`) or per batch
  (:meth:`Store.add_articles`): a failure never leaves half a document.
- Reads (:meth:`Store.events_frame`, :meth:`Store.query`, ...) use a read
  connection; stores opened with ``read_only=True`` are read-only at the
  database level, and :meth:`Store.query` refuses statements that write and
  stops queries after the ``sql_time_limit_ms`` setting.

Examples
--------
>>> with Store.open("events.duckdb") as store:          # doctest: +SKIP
...     store.add_article(article)
...     frame = store.events_frame(dedup="one-a-day", actors=["CHN"])
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import pandas as pd

from . import dedup
from ._store_internals import schema
from ._store_internals.backends import Backend, open_backend
from ._store_internals.rows import (
    DocumentRows,
    aggregate_events,
    article_rows,
    imported_rows,
    mention_to_event,
    parse_date,
)
from .errors import ConfigError, StoreError
from .models import Article, Event
from .settings import get_setting

logger = logging.getLogger(__name__)

#: Columns of :meth:`Store.events_frame`, in order (the contract), then extras.
EVENT_FRAME_COLUMNS: tuple[str, ...] = (
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
    "plover_type",
    "num_mentions",
    "num_documents",
    "num_sources",
    "first_seen",
    "last_seen",
    "tone",
    "dedup_mode",
    "quad_class_mapping",
    "negated",
    "plover_mode",
    "root_event_id",
    "root_doc_id",
    "source_url",
)

_DATE_COLUMNS = {"event_date", "first_seen", "last_seen", "doc_date"}
_INT_COLUMNS = {
    "quad_class",
    "num_mentions",
    "num_documents",
    "num_sources",
    "mention_index",
    "sentence_index",
    "span_start",
    "span_end",
}
_FLOAT_COLUMNS = {"goldstein", "tone", "confidence"}
_BOOL_COLUMNS = {"negated"}
_NULLABLE_INT_COLUMNS = {
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "verb_start",
    "verb_end",
}

# The mentions of the keys being refreshed, with what the aggregate needs.
_MEMBERS_SQL = (
    "SELECT k.dedup_mode, k.event_key, m.doc_id, m.mention_index, m.event_date, "
    "m.source_actor, m.source_country, m.target_actor, m.target_country, m.cameo_code, "
    "m.cameo_root, m.goldstein, m.quad_class, m.quad_class_mapping, m.plover_type, "
    "m.plover_mode, m.negated, m.source_name, m.url, m.tone, m.event_id, "
    "d.date, d.source, d.url "
    "FROM event_keys k "
    "JOIN event_mentions m ON m.doc_id = k.doc_id AND m.mention_index = k.mention_index "
    "JOIN documents d ON d.doc_id = m.doc_id "
    "WHERE k.event_key = ANY(?)"
)


class Store:
    """The event store (DuckDB or PostgreSQL). Open it with :meth:`Store.open`.

    A store is a context manager; :meth:`close` releases the database (a
    DuckDB file admits one writing process at a time).
    """

    def __init__(self, backend: Backend) -> None:
        self._backend = backend

    # -- opening -----------------------------------------------------------
    @classmethod
    def open(cls, url: str | Path | None = None, *, read_only: bool = False) -> Store:
        """Open (and, unless ``read_only``, create) a store.

        Parameters
        ----------
        url:
            A DuckDB file path (created if missing), ``":memory:"``, or a
            ``postgresql://`` / ``postgres://`` URL. Default: the ``db``
            setting (``DETENTE_DB``, ``detente.duckdb``).
        read_only:
            Open a read-only connection: writes raise :class:`StoreError`.
            The file or database must already hold a store.

        Returns
        -------
        Store

        Raises
        ------
        StoreError
            The database cannot be opened (missing, locked by another
            process, not a detente store, another schema version).
        """
        target = str(url) if url is not None else str(get_setting("db"))
        return cls(open_backend(target, read_only=read_only))

    @property
    def url(self) -> str:
        """The DuckDB path or PostgreSQL URL (password hidden)."""
        return self._backend.display

    @property
    def backend(self) -> str:
        """``"duckdb"`` or ``"postgresql"``."""
        return self._backend.kind

    @property
    def read_only(self) -> bool:
        return self._backend.read_only

    def close(self) -> None:
        """Close the database connections."""
        self._backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"<Store {self.backend} {self.url} {mode}>"

    # -- writing -----------------------------------------------------------
    def add_article(self, article: Article) -> bool:
        """Store one coded article in one transaction.

        Writes the document, its sentences, actor mentions and event mentions,
        and updates the de-duplicated events of every mode.

        Returns
        -------
        bool
            False (and nothing written) when ``article.doc_id`` is already stored.
        """
        return self._write([article_rows(article, stored_at=_now())]) == 1

    def add_articles(
        self, articles: Iterable[Article], *, batch_size: int = 100
    ) -> int:
        """Store many articles; one transaction per batch of ``batch_size``.

        A failure rolls back its whole batch (earlier batches stay stored), so
        no document is ever half-written; re-running stores only what is
        missing. Documents already stored, or repeated in the input, are
        skipped.

        Returns
        -------
        int
            The number of documents written.
        """
        if batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {batch_size}")
        written = 0
        batch: list[DocumentRows] = []
        for article in articles:
            batch.append(article_rows(article, stored_at=_now()))
            if len(batch) >= batch_size:
                written += self._write(batch)
                batch = []
        if batch:
            written += self._write(batch)
        return written

    def import_events(self, events: Iterable[Event], *, origin: str) -> int:
        """Store events coded elsewhere (no article text).

        Events are grouped by ``doc_id``; each new doc_id gets a minimal
        document row (date = earliest event date, ``input_format="import"``,
        ``origin``). Documents already stored are skipped, so importing the
        same file twice adds nothing.

        Returns
        -------
        int
            The number of events written.
        """
        by_doc: dict[str, list[Event]] = {}
        for event in events:
            by_doc.setdefault(event.doc_id, []).append(event)
        stamp = _now()
        documents = [
            imported_rows(doc_id, doc_events, origin=origin, stored_at=stamp)
            for doc_id, doc_events in by_doc.items()
        ]
        imported = 0
        for start in range(0, len(documents), 500):
            chunk = documents[start : start + 500]
            written_ids = self._write(chunk, return_ids=True)
            imported += sum(len(d.events) for d in chunk if d.doc_id in written_ids)
        return imported

    def _write(self, documents: list[DocumentRows], *, return_ids: bool = False) -> Any:
        """The one writer: store ``documents`` in one transaction.

        Returns the number of documents written (or their ids with
        ``return_ids``); documents already stored are skipped.
        """
        backend = self._backend
        with backend.transaction():
            ids = [d.doc_id for d in documents]
            stored = {
                row[0]
                for row in backend.fetchall(
                    "SELECT doc_id FROM documents WHERE doc_id = ANY(?)", [ids]
                )
            }
            fresh: list[DocumentRows] = []
            for document in documents:
                if document.doc_id in stored:
                    continue
                stored.add(document.doc_id)
                fresh.append(document)
            if not fresh:
                return set() if return_ids else 0
            for table in ("documents", "sentences", "actor_mentions", "event_mentions"):
                rows = [row for d in fresh for row in d.tables[table]]
                backend.insert_rows(table, schema.columns(table), rows)
            affected = self._assign_keys(fresh)
            # Keys carry their mode's prefix, so one statement refreshes all modes.
            self._refresh_events(sorted(set().union(*affected.values())))
        logger.debug("stored %d document(s) in %s", len(fresh), self.url)
        return {d.doc_id for d in fresh} if return_ids else len(fresh)

    def _assign_keys(self, documents: list[DocumentRows]) -> dict[str, set[str]]:
        affected: dict[str, set[str]] = {mode: set() for mode in dedup.DEDUP_MODES}
        rows: list[tuple[str, str, str, int]] = []
        for document in documents:
            for index, event in enumerate(document.events):
                none_key = dedup.mention_key(document.doc_id, index)
                day_key = dedup.one_a_day_key(event)
                rows.append(("none", none_key, document.doc_id, index))
                rows.append(("one-a-day", day_key, document.doc_id, index))
                affected["none"].add(none_key)
                affected["one-a-day"].add(day_key)
        self._backend.insert_rows("event_keys", schema.columns("event_keys"), rows)
        affected["story"] = self._assign_story_keys(documents)
        return affected

    def _assign_story_keys(self, documents: list[DocumentRows]) -> set[str]:
        """Join the documents' mentions to story events; return the keys touched.

        Three queries per batch whatever its size: the candidate mentions
        already stored, the members of the story events they belong to, and
        the re-keying of merged events.
        """
        backend = self._backend
        # (doc_id, index) -> (group, date); docs -> (doc_id, title_key, signature)
        new: dict[
            tuple[str, int], tuple[tuple[str, str, str, bool], dt.date | None]
        ] = {}
        docs: dict[str, tuple[str, str, str]] = {}
        for document in documents:
            docs[document.doc_id] = (
                document.doc_id,
                document.title_key,
                document.text_signature,
            )
            for index, event in enumerate(document.events):
                date = parse_date(event.event_date, what=document.doc_id)
                new[(document.doc_id, index)] = (dedup.story_group(event), date)
        if not new:
            return set()
        dates = [d for _, d in new.values() if d is not None]
        window = dt.timedelta(days=dedup.STORY_MAX_DAYS)
        group_ids = sorted({"|".join(g[:3]) for g, _ in new.values()})
        candidates = backend.fetchall(
            "SELECT k.event_key, m.source_actor, m.target_actor, m.cameo_code, "
            "m.negated, m.event_date, d.doc_id, d.title_key, d.text_signature "
            "FROM event_mentions m "
            "JOIN event_keys k ON k.dedup_mode = 'story' AND k.doc_id = m.doc_id "
            "AND k.mention_index = m.mention_index "
            "JOIN documents d ON d.doc_id = m.doc_id "
            "WHERE m.source_actor || '|' || m.target_actor || '|' || m.cameo_code = ANY(?) "
            "AND (m.event_date IS NULL OR m.event_date BETWEEN ? AND ?)",
            [
                group_ids,
                min(dates) - window if dates else None,
                max(dates) + window if dates else None,
            ],
        )
        stored: dict[
            tuple[str, str, str, bool], list[tuple[str, dt.date | None, str]]
        ] = {}
        for (
            key,
            source,
            target,
            code,
            negated,
            date,
            doc_id,
            title,
            signature,
        ) in candidates:
            docs.setdefault(doc_id, (doc_id, title, signature))
            stored.setdefault((source, target, code, bool(negated)), []).append(
                (str(key), _as_date(date), doc_id)
            )
        story_match: dict[tuple[str, str], bool] = {}

        def same_story(a: str, b: str) -> bool:
            pair = (a, b) if a <= b else (b, a)
            if pair not in story_match:
                story_match[pair] = dedup.same_story(docs[a], docs[b])
            return story_match[pair]

        groups = dedup.UnionFind(("m", *member) for member in new)
        by_group: dict[tuple[str, str, str, bool], list[tuple[str, int]]] = {}
        for member, (group, _) in new.items():
            by_group.setdefault(group, []).append(member)
        for group, members in by_group.items():
            for position, member in enumerate(members):
                date = new[member][1]
                for other in members[position + 1 :]:
                    if dedup.dates_close(date, new[other][1]) and same_story(
                        member[0], other[0]
                    ):
                        groups.union(("m", *member), ("m", *other))
                for key, other_date, other_doc in stored.get(group, ()):
                    if dedup.dates_close(date, other_date) and same_story(
                        member[0], other_doc
                    ):
                        groups.union(("m", *member), ("k", key))
        components = [
            (
                sorted((str(i[1]), int(i[2])) for i in c if i[0] == "m"),  # type: ignore[index]
                sorted(str(i[1]) for i in c if i[0] == "k"),  # type: ignore[index]
            )
            for c in groups.groups()
        ]
        old_keys = sorted({key for _, keys in components for key in keys})
        old_members: dict[str, list[tuple[str, int]]] = {}
        if old_keys:
            for key, doc_id, index in backend.fetchall(
                "SELECT event_key, doc_id, mention_index FROM event_keys "
                "WHERE dedup_mode = 'story' AND event_key = ANY(?)",
                [old_keys],
            ):
                old_members.setdefault(str(key), []).append((str(doc_id), int(index)))
        affected: set[str] = set(old_keys)
        rekeyed: list[str] = []
        rows: list[tuple[str, str, str, int]] = []
        for new_members, keys in components:
            members = new_members + [
                m for key in keys for m in old_members.get(key, [])
            ]
            key = dedup.story_key(*min(members))
            if keys == [key]:
                rows += [("story", key, d, i) for d, i in new_members]
            else:
                rekeyed += keys
                rows += [("story", key, d, i) for d, i in sorted(members)]
            affected.add(key)
        if rekeyed:
            backend.execute(
                "DELETE FROM event_keys WHERE dedup_mode = 'story' AND event_key = ANY(?)",
                [sorted(rekeyed)],
            )
        backend.insert_rows("event_keys", schema.columns("event_keys"), rows)
        return affected

    def _refresh_events(self, keys: list[str]) -> None:
        """Recompute the ``events`` rows of ``keys`` (of any mode) from their mentions."""
        if not keys:
            return
        # Aggregated in Python rather than SQL: the same code gives the same
        # floats on both backends, and DuckDB plans the SQL version (window +
        # two DISTINCT counts) slowly for the few keys one document touches.
        backend = self._backend
        members = backend.fetchall(_MEMBERS_SQL, [keys])
        backend.execute("DELETE FROM events WHERE event_key = ANY(?)", [keys])
        backend.insert_rows(
            "events", schema.columns("events"), aggregate_events(members)
        )

    # -- reading -----------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """True when a document with this id is stored."""
        _, rows = self._backend.read(
            "SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]
        )
        return bool(rows)

    def document_ids(self) -> set[str]:
        """The ids of every stored document."""
        _, rows = self._backend.read("SELECT doc_id FROM documents")
        return {row[0] for row in rows}

    def counts(self) -> dict[str, Any]:
        """Row counts: documents, sentences, actor and event mentions, events per mode.

        Returns
        -------
        dict
            ``{"documents": n, "sentences": n, "actor_mentions": n,
            "event_mentions": n, "events": {"none": n, "one-a-day": n, "story": n}}``
        """
        result: dict[str, Any] = {}
        for table in ("documents", "sentences", "actor_mentions", "event_mentions"):
            _, rows = self._backend.read(f"SELECT count(*) FROM {table}")
            result[table] = int(rows[0][0])
        _, rows = self._backend.read(
            "SELECT dedup_mode, count(*) FROM events GROUP BY dedup_mode"
        )
        per_mode = {mode: 0 for mode in dedup.DEDUP_MODES}
        per_mode.update({str(mode): int(n) for mode, n in rows})
        result["events"] = per_mode
        return result

    def events_frame(
        self,
        *,
        dedup: str = "one-a-day",
        quad_class_mapping: str | None = None,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        actors: Sequence[str] | None = None,
        include_negated: bool = False,
    ) -> pd.DataFrame:
        """The de-duplicated events as a DataFrame (one row per event).

        Parameters
        ----------
        dedup:
            ``none``, ``one-a-day`` (default) or ``story`` (see :mod:`detente.dedup`).
        quad_class_mapping:
            Recompute ``quad_class`` with this mapping (e.g. ``"icews.v1"``);
            None keeps the class the coder stored (its mapping is in the
            ``quad_class_mapping`` column).
        start, end:
            Inclusive bounds on ``event_date``.
        actors:
            Keep events whose source or target actor starts with, or whose
            country equals, one of these codes (``"CHN"`` matches ``CHNGOV``).
        include_negated:
            Keep negated events ("did not meet"); excluded by default.

        Returns
        -------
        pandas.DataFrame
            Columns :data:`EVENT_FRAME_COLUMNS`; ``event_date``,
            ``first_seen``, ``last_seen`` are ``datetime64``; ``tone`` is the
            mean tone of the mentioning sentences.
        """
        mode = _check_dedup(dedup)
        where, params = _filters(
            start=start, end=end, actors=actors, include_negated=include_negated
        )
        sql = (
            f"SELECT {', '.join(EVENT_FRAME_COLUMNS)} FROM events "
            f"WHERE dedup_mode = ?{where} "
            "ORDER BY event_date ASC NULLS LAST, event_key"
        )
        frame = self._backend.read_frame(sql, [mode, *params])
        frame = _normalise(frame, EVENT_FRAME_COLUMNS)
        if quad_class_mapping is not None:
            frame = _remap_quad_class(frame, quad_class_mapping)
        return frame

    def mentions_frame(
        self,
        *,
        dedup: str = "one-a-day",
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        actors: Sequence[str] | None = None,
        include_negated: bool = False,
        event_key: str | None = None,
    ) -> pd.DataFrame:
        """One row per event mention, with its evidence and its event's key.

        Filters as in :meth:`events_frame` (applied to the mention's own
        fields); ``event_key`` keeps the mentions of one event.

        Returns
        -------
        pandas.DataFrame
            ``event_key``, ``dedup_mode``, every ``event_mentions`` column
            (``sentence`` is the evidence, spans as start/end columns), and
            the document's ``doc_title``, ``doc_date``, ``doc_source``,
            ``doc_url``.
        """
        mode = _check_dedup(dedup)
        where, params = _filters(
            start=start,
            end=end,
            actors=actors,
            include_negated=include_negated,
            alias="m.",
        )
        if event_key is not None:
            where += " AND k.event_key = ?"
            params.append(event_key)
        mention_columns = ", ".join(f"m.{c}" for c in schema.columns("event_mentions"))
        sql = (
            f"SELECT k.event_key, k.dedup_mode, {mention_columns}, d.title AS doc_title, "
            "d.date AS doc_date, d.source AS doc_source, d.url AS doc_url "
            "FROM event_mentions m "
            "JOIN event_keys k ON k.doc_id = m.doc_id AND k.mention_index = m.mention_index "
            "JOIN documents d ON d.doc_id = m.doc_id "
            f"WHERE k.dedup_mode = ?{where} "
            "ORDER BY m.event_date ASC NULLS LAST, m.doc_id, m.mention_index"
        )
        frame = self._backend.read_frame(sql, [mode, *params])
        columns = (
            "event_key",
            "dedup_mode",
            *schema.columns("event_mentions"),
            "doc_title",
            "doc_date",
            "doc_source",
            "doc_url",
        )
        return _normalise(frame, columns)

    def event_mentions(
        self, event_key: str, *, dedup: str = "one-a-day"
    ) -> list[dict[str, Any]]:
        """The mentions of one de-duplicated event, with their sentence evidence.

        Returns
        -------
        list of dict
            One dict per mention: the :meth:`Event.to_record` fields
            (``sentence`` is the evidence) plus ``event_key``,
            ``mention_index``, ``doc_title``, ``doc_date``, ``doc_source``,
            ``doc_url``; dates as ISO strings. Empty if the key is unknown.
        """
        frame = self.mentions_frame(
            dedup=dedup, include_negated=True, event_key=event_key
        )
        return [_mention_record(row) for row in frame.to_dict(orient="records")]

    def iter_events(
        self,
        *,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        actors: Sequence[str] | None = None,
        include_negated: bool = False,
    ) -> Iterator[Event]:
        """Every stored event mention as an :class:`Event` (the JSON Lines schema)."""
        frame = self.mentions_frame(
            dedup="none",
            start=start,
            end=end,
            actors=actors,
            include_negated=include_negated,
        )
        for row in frame.to_dict(orient="records"):
            yield mention_to_event(_plain_row(row))

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A stored document: metadata, sentences, actor mentions and events.

        Returns
        -------
        dict or None
            None when no document has this id.
        """
        columns, rows = self._backend.read(
            f"SELECT {', '.join(schema.columns('documents'))} FROM documents WHERE doc_id = ?",
            [doc_id],
        )
        if not rows:
            return None
        record = _jsonable(dict(zip(columns, rows[0], strict=True)))
        record.pop("text_signature", None)
        for table, order in (
            ("sentences", "sentence_index"),
            ("actor_mentions", "mention_index"),
        ):
            cols, found = self._backend.read(
                f"SELECT {', '.join(schema.columns(table))} FROM {table} "
                f"WHERE doc_id = ? ORDER BY {order}",
                [doc_id],
            )
            record[table] = [_jsonable(dict(zip(cols, r, strict=True))) for r in found]
        cols, found = self._backend.read(
            f"SELECT {', '.join(schema.columns('event_mentions'))} FROM event_mentions "
            "WHERE doc_id = ? ORDER BY mention_index",
            [doc_id],
        )
        record["events"] = [
            mention_to_event(dict(zip(cols, r, strict=True))).to_record() for r in found
        ]
        return record

    def query(
        self,
        sql: str,
        params: Sequence[Any] | None = None,
        *,
        limit: int | None = None,
        time_limit_ms: int | None = None,
    ) -> tuple[list[str], list[tuple]]:
        """Run one read-only SQL statement with a time limit.

        Parameters
        ----------
        sql:
            One SELECT (or EXPLAIN) statement; ``?`` placeholders on both
            backends. Statements that write are refused with StoreError.
        params:
            Values of the placeholders.
        limit:
            Return at most this many rows.
        time_limit_ms:
            Stop the query after this long; default: the ``sql_time_limit_ms`` setting.

        Returns
        -------
        (list of str, list of tuple)
            Column names and rows.
        """
        if not sql.strip():
            raise StoreError("empty query; pass one SELECT statement")
        limit_ms = int(
            time_limit_ms
            if time_limit_ms is not None
            else get_setting("sql_time_limit_ms")
        )
        return self._backend.query(
            sql,
            list(params) if params is not None else None,
            limit=limit,
            time_limit_ms=limit_ms,
        )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _as_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _check_dedup(mode: str) -> str:
    return dedup.check_mode(mode)


def _filters(
    *,
    start: dt.date | str | None,
    end: dt.date | str | None,
    actors: Sequence[str] | None,
    include_negated: bool,
    alias: str = "",
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if start is not None:
        clauses.append(f"{alias}event_date >= ?")
        params.append(_bound(start, "start"))
    if end is not None:
        clauses.append(f"{alias}event_date <= ?")
        params.append(_bound(end, "end"))
    if not include_negated:
        clauses.append(f"NOT {alias}negated")
    if actors:
        if isinstance(actors, str):
            actors = [actors]
        parts = []
        for code in actors:
            code = code.strip().upper()
            if not code.isalnum():
                raise ConfigError(
                    f"actor code {code!r} must be letters and digits (e.g. CHN, CHNGOV)"
                )
            parts.append(
                f"({alias}source_actor LIKE ? OR {alias}target_actor LIKE ? "
                f"OR {alias}source_country = ? OR {alias}target_country = ?)"
            )
            params += [code + "%", code + "%", code, code]
        clauses.append("(" + " OR ".join(parts) + ")")
    where = "".join(" AND " + clause for clause in clauses)
    return where, params


def _bound(value: dt.date | str, name: str) -> dt.date:
    try:
        parsed = _as_date(value)
    except ValueError as e:
        raise ConfigError(f"{name} {value!r} is not an ISO date (YYYY-MM-DD)") from e
    assert parsed is not None
    return parsed


def _normalise(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Same dtypes whatever the backend: dates datetime64[ns], ints, floats, strings."""
    if frame.empty and len(frame.columns) == 0:
        frame = pd.DataFrame(columns=list(columns))
    frame = frame.loc[:, list(columns)].copy()
    for column in columns:
        series = frame[column]
        if column in _DATE_COLUMNS:
            frame[column] = pd.to_datetime(series).astype("datetime64[ns]")
        elif column in _INT_COLUMNS:
            frame[column] = pd.to_numeric(series).fillna(0).astype("int64")
        elif column in _NULLABLE_INT_COLUMNS:
            frame[column] = pd.to_numeric(series).astype("Int64")
        elif column in _FLOAT_COLUMNS:
            frame[column] = pd.to_numeric(series).astype("float64")
        elif column in _BOOL_COLUMNS:
            frame[column] = series.fillna(False).astype(bool)
        else:
            frame[column] = series.astype(object).where(series.notna(), "")
    return frame.reset_index(drop=True)


def _remap_quad_class(frame: pd.DataFrame, mapping: str) -> pd.DataFrame:
    try:
        from .ontology import get_ontology
    except ImportError as e:
        raise ConfigError(
            f"cannot apply QuadClass mapping {mapping!r}: detente.ontology is unavailable ({e})"
        ) from e
    ontology = get_ontology()
    table = {
        code: ontology.quad_class(code, mapping)
        for code in frame["cameo_code"].unique()
    }
    frame["quad_class"] = frame["cameo_code"].map(table).astype("int64")
    frame["quad_class_mapping"] = mapping
    return frame


def _plain_row(row: dict[str, Any]) -> dict[str, Any]:
    """A frame row with pandas NA/NaT turned into None and timestamps into dates."""
    plain: dict[str, Any] = {}
    for key, value in row.items():
        if value is pd.NaT or (not isinstance(value, str | bytes) and pd.isna(value)):
            plain[key] = None
        elif isinstance(value, pd.Timestamp):
            plain[key] = value.date()
        elif hasattr(value, "item") and not isinstance(value, str):
            plain[key] = value.item()
        else:
            plain[key] = value
    return plain


def _jsonable(record: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in record.items():
        if isinstance(value, dt.date | dt.datetime):
            out[key] = value.isoformat()
        else:
            out[key] = value
    return out


def _mention_record(row: dict[str, Any]) -> dict[str, Any]:
    plain = _plain_row(row)
    record = mention_to_event(plain).to_record()
    record["event_key"] = plain["event_key"]
    record["dedup_mode"] = plain["dedup_mode"]
    record["mention_index"] = plain["mention_index"]
    for key in ("doc_title", "doc_source", "doc_url"):
        record[key] = plain[key]
    record["doc_date"] = plain["doc_date"].isoformat() if plain["doc_date"] else None
    return record


def query(
    sql: str,
    params: Sequence[Any] | None = None,
    *,
    db: str | Path | None = None,
    limit: int | None = None,
) -> tuple[list[str], list[tuple]]:
    """Run one read-only SQL statement on a store (opened read-only).

    The plain function behind ``detente query``; see :meth:`Store.query`.

    Returns
    -------
    (list of str, list of tuple)
        Column names and rows.
    """
    with Store.open(db, read_only=True) as store:
        return store.query(sql, params, limit=limit)
