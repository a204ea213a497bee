"""Turn an :class:`~detente.models.Article` into rows of the store's tables, and back."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from .. import dedup
from ..errors import StoreError
from ..models import Article, Event
from . import schema


@dataclass
class DocumentRows:
    """All rows one document writes, keyed by table."""

    doc_id: str
    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    title_key: str = ""
    text_signature: str = ""


def parse_date(value: str | dt.date | None, *, what: str) -> dt.date | None:
    """An ISO date (first 10 characters) or None; StoreError naming ``what`` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as e:
        raise StoreError(
            f"{what}: {value!r} is not an ISO date (YYYY-MM-DD); fix the value or leave it empty"
        ) from e


def _span(span: tuple[int, int] | None) -> tuple[int | None, int | None]:
    return (span[0], span[1]) if span else (None, None)


def event_row(event: Event, mention_index: int) -> tuple[Any, ...]:
    """The ``event_mentions`` row of one event (column order of the schema)."""
    source_start, source_end = _span(event.source_span)
    target_start, target_end = _span(event.target_span)
    verb_start, verb_end = _span(event.verb_span)
    values = {
        "doc_id": event.doc_id,
        "mention_index": mention_index,
        "event_id": event.event_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "span_start": event.span[0],
        "span_end": event.span[1],
        "source_actor": event.source_actor,
        "source_country": event.source_country,
        "target_actor": event.target_actor,
        "target_country": event.target_country,
        "cameo_code": event.cameo_code,
        "cameo_root": event.cameo_root,
        "goldstein": float(event.goldstein) if event.goldstein is not None else None,
        "quad_class": int(event.quad_class) if event.quad_class is not None else None,
        "quad_class_mapping": event.quad_class_mapping,
        "plover_type": event.plover_type,
        "plover_mode": event.plover_mode,
        "event_date": parse_date(
            event.event_date, what=f"document {event.doc_id}, event {event.event_id}"
        ),
        "event_date_source": event.event_date_source,
        "event_date_raw": event.event_date_raw,
        "negated": bool(event.negated),
        "modality": event.modality,
        "rule": event.rule,
        "coder": event.coder,
        "confidence": float(event.confidence),
        "source_text": event.source_text,
        "source_start": source_start,
        "source_end": source_end,
        "target_text": event.target_text,
        "target_start": target_start,
        "target_end": target_end,
        "verb_text": event.verb_text,
        "verb_start": verb_start,
        "verb_end": verb_end,
        "source_name": event.source_name,
        "url": event.url,
        "tone": float(event.tone) if event.tone is not None else None,
        "schema_version": event.schema_version,
    }
    return tuple(values[c] for c in schema.columns("event_mentions"))


def _sentence_rows(article: Article) -> list[tuple[Any, ...]]:
    tones = list(article.sentence_tones or [])
    rows: list[tuple[Any, ...]] = []
    if article.doc is not None:
        for index, sent in enumerate(article.doc.sents):
            tone = tones[index] if index < len(tones) else None
            rows.append(
                (article.doc_id, index, sent.start_char, sent.end_char, sent.text, tone)
            )
        return rows
    # No parse (hand-built or imported articles): keep the sentences events cite.
    seen: dict[int, Event] = {}
    for event in article.events:
        seen.setdefault(event.sentence_index, event)
    for index in sorted(seen):
        event = seen[index]
        tone = tones[index] if index < len(tones) else event.tone
        rows.append(
            (article.doc_id, index, event.span[0], event.span[1], event.sentence, tone)
        )
    return rows


def _actor_mention_rows(article: Article) -> list[tuple[Any, ...]]:
    rows = []
    for index, mention in enumerate(article.actor_mentions):
        actor = mention.actor
        rows.append(
            (
                article.doc_id,
                index,
                mention.sentence_index,
                mention.start,
                mention.end,
                mention.token_start,
                mention.token_end,
                mention.text,
                actor is not None,
                actor.code if actor else "",
                actor.country if actor else "",
                actor.name if actor else "",
                actor.role if actor else "",
                actor.role_label if actor else "",
                actor.kind if actor else "",
                actor.entry_id if actor else "",
                bool(actor.state_affiliated) if actor else False,
                mention.rule,
                mention.country_guess,
                mention.label,
                mention.head,
            )
        )
    return rows


def article_rows(article: Article, *, stored_at: dt.datetime) -> DocumentRows:
    """Every row ``article`` writes (documents, sentences, mentions, event mentions)."""
    title_key = dedup.title_key(article.title)
    signature = dedup.text_signature(article.text)
    sentences = _sentence_rows(article)
    document = (
        article.doc_id,
        article.title,
        parse_date(article.date, what=f"document {article.doc_id} date"),
        article.date_source,
        article.date_raw,
        article.author,
        article.source,
        article.url,
        article.language,
        article.origin,
        article.input_format,
        float(article.tone) if article.tone is not None else None,
        len(sentences),
        len(article.events),
        title_key,
        signature,
        stored_at,
    )
    for event in article.events:
        if event.doc_id != article.doc_id:
            raise StoreError(
                f"document {article.doc_id}: event {event.event_id} has doc_id "
                f"{event.doc_id!r}; events must belong to the article they are stored with"
            )
    return DocumentRows(
        doc_id=article.doc_id,
        tables={
            "documents": [document],
            "sentences": sentences,
            "actor_mentions": _actor_mention_rows(article),
            "event_mentions": [event_row(e, i) for i, e in enumerate(article.events)],
        },
        events=list(article.events),
        title_key=title_key,
        text_signature=signature,
    )


def imported_rows(
    doc_id: str, events: list[Event], *, origin: str, stored_at: dt.datetime
) -> DocumentRows:
    """Rows of a minimal document holding events coded elsewhere (no text)."""
    dates = [
        d
        for d in (
            parse_date(e.event_date, what=f"document {doc_id}, event {e.event_id}")
            for e in events
        )
        if d is not None
    ]
    first = events[0]
    document = (
        doc_id,
        "",
        min(dates) if dates else None,
        "import" if dates else "none",
        "",
        "",
        first.source_name,
        first.url,
        "",
        origin,
        "import",
        None,
        0,
        len(events),
        "",
        "",
        stored_at,
    )
    return DocumentRows(
        doc_id=doc_id,
        tables={
            "documents": [document],
            "sentences": [],
            "actor_mentions": [],
            "event_mentions": [event_row(e, i) for i, e in enumerate(events)],
        },
        events=list(events),
    )


def mention_to_event(row: dict[str, Any]) -> Event:
    """Rebuild an :class:`Event` from an ``event_mentions`` row (a dict)."""

    def span(start: str, end: str) -> tuple[int, int] | None:
        if row.get(start) is None or row.get(end) is None:
            return None
        return (int(row[start]), int(row[end]))

    date = row.get("event_date")
    if date is not None and not isinstance(date, str):
        date = date.isoformat()[:10] if hasattr(date, "isoformat") else str(date)[:10]
    tone = row.get("tone")
    return Event(
        doc_id=row["doc_id"],
        sentence=row["sentence"] or "",
        span=(int(row["span_start"]), int(row["span_end"])),
        source_actor=row["source_actor"] or "",
        source_country=row["source_country"] or "",
        target_actor=row["target_actor"] or "",
        target_country=row["target_country"] or "",
        cameo_code=row["cameo_code"] or "",
        cameo_root=row["cameo_root"] or "",
        goldstein=float(row["goldstein"]) if row["goldstein"] is not None else 0.0,
        quad_class=int(row["quad_class"]) if row["quad_class"] is not None else 0,
        plover_type=row["plover_type"] or "",
        event_date=date,
        negated=bool(row["negated"]),
        rule=row["rule"] or "",
        coder=row["coder"] or "",
        confidence=float(row["confidence"]) if row["confidence"] is not None else 1.0,
        sentence_index=int(row["sentence_index"]),
        plover_mode=row["plover_mode"] or "",
        modality=row["modality"] or "",
        source_text=row["source_text"] or "",
        target_text=row["target_text"] or "",
        source_span=span("source_start", "source_end"),
        target_span=span("target_start", "target_end"),
        verb_text=row["verb_text"] or "",
        verb_span=span("verb_start", "verb_end"),
        event_date_source=row["event_date_source"] or "",
        event_date_raw=row["event_date_raw"] or "",
        source_name=row["source_name"] or "",
        url=row["url"] or "",
        tone=float(tone) if tone is not None and tone == tone else None,
        quad_class_mapping=row["quad_class_mapping"] or "",
        event_id=row["event_id"],
        schema_version=row["schema_version"] or "",
    )


def _mean(values: list[float]) -> float | None:
    present = [float(v) for v in values if v is not None and v == v]
    return math.fsum(present) / len(present) if present else None


def aggregate_events(members: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """``events`` rows (schema column order) from the member rows of ``_MEMBERS_SQL``.

    Representative fields (actors, codes, QuadClass, root event, URL) come
    from the earliest mention: by document date (unknown last), doc_id,
    mention index. ``event_date`` is the earliest event date, counts and
    means cover every mention; ``num_sources`` counts distinct known
    publishers (the event's ``source_name``, else the document's source).
    """
    groups: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for row in members:
        groups.setdefault((row[0], row[1]), []).append(row)
    out = []
    for (mode, key), rows in sorted(groups.items()):
        rows.sort(key=lambda r: (r[21] is None, r[21] or dt.date.min, r[2], r[3]))
        root = rows[0]
        event_dates = [r[4] for r in rows if r[4] is not None]
        doc_dates = [r[21] for r in rows if r[21] is not None]
        sources = {(r[17] or r[22]) for r in rows if (r[17] or r[22])}
        values = {
            "dedup_mode": mode,
            "event_key": key,
            "event_date": min(event_dates) if event_dates else None,
            "source_actor": root[5],
            "source_country": root[6],
            "target_actor": root[7],
            "target_country": root[8],
            "cameo_code": root[9],
            "cameo_root": root[10],
            "goldstein": _mean([r[11] for r in rows]),
            "quad_class": root[12],
            "quad_class_mapping": root[13],
            "plover_type": root[14],
            "plover_mode": root[15],
            "negated": any(bool(r[16]) for r in rows),
            "num_mentions": len(rows),
            "num_documents": len({r[2] for r in rows}),
            "num_sources": len(sources),
            "first_seen": min(doc_dates) if doc_dates else None,
            "last_seen": max(doc_dates) if doc_dates else None,
            "tone": _mean([r[19] for r in rows]),
            "root_event_id": root[20],
            "root_doc_id": root[2],
            "source_url": root[18] or root[23] or "",
        }
        out.append(tuple(values[c] for c in schema.columns("events")))
    return out
