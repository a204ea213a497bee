"""Ingestion: read inputs of every format into :class:`~detente.models.Article` records.

:func:`iter_articles` takes files, folders (recursive, with include/exclude
globs) and ``-`` (standard input) and yields, in a deterministic order, one
:class:`Article` per document or one :class:`Skipped` record per input, line
or row that gives none. A batch run never stops on a bad input.

Formats
-------
``text``
    One document a file. The first short line is the title when it looks like
    a headline; bylines and the dateline become metadata.
``html``
    One page a file: main text and title, author, date, site name (→
    ``source``) and URL by trafilatura (dates by htmldate).
``jsonl``
    One JSON object a line, streamed (a file holding one JSON array is read
    whole). Field names are configurable with :class:`FieldMap`.
``csv``
    A header row, then one document a row, streamed; ``.tsv`` is tab-separated,
    otherwise the delimiter is sniffed from the header.

Any of them may be gzip-compressed (recognised by its magic bytes). The format
is detected from the content, with the file suffix as a hint; ``input_format``
forces it.

Clean-up
--------
Every text is normalised (NFC; NBSP and other spaces → one space; zero-width
characters removed; curly quotes and em/en dashes kept, rarer dash forms
folded, see :mod:`detente._ingest_internals.textnorm`). Boilerplate lines
(navigation, share buttons, comment widgets, photo credits, "Posted in: …"),
bylines ("By … Source: … Published: …") and datelines ("MOSCOW, Oct 3
(Reuters) -") are removed from the text the coder sees; bylines and datelines
fill ``author``, ``source``, ``date`` and ``metadata["place"]``. The patterns
are data files (``detente/data/boilerplate/``); extend them with
:meth:`TextCleaner.from_files`.

Wire copy often opens with the agency alone ("AFP - ", "Canadian Press - ",
as in AG News) or with a place and the agency ("BAGHDAD (Reuters) - ",
"MOSCOW, Oct 3 (Reuters)"); the agencies are a data file too
(``agencies.tsv``). Such a prefix is removed like any dateline, so the coder
never reads the agency as an actor; the agency fills ``source`` when the input
gives none (``metadata["text_source"]`` when it gives another one). Only a
prefix is removed: "Reuters reported ..." and an "AFP" inside the text stay.
Offsets (actor mentions, events) refer to the cleaned ``article.text``, as
for every dateline; the removed text is in ``metadata["dateline"]``.

Dates
-----
``article.date_source`` is ``"input"`` (a date field of JSON Lines / CSV),
``"metadata"`` (HTML metadata), ``"text"`` (a byline or dateline) or
``"none"``; ``article.date_raw`` is the string it came from. An input date that
cannot be parsed is reported in the warnings and the text date is used.

A dateline date without a year ("Oct 3", "3 Oct") cannot date the article by
itself: its text is kept in ``metadata["dateline_date_raw"]``. When the
article has a date from elsewhere (input, HTML metadata, byline), the day the
dateline names is resolved against it (at or before it, up to a week after;
:func:`detente.dates.parse_date`) and kept in ``metadata["dateline_date"]``
(ISO); the article date is not changed. Without another date the article
stays undated. The dates stage never sees the dateline (it is not in the
text), so nothing is resolved twice.

Problems
--------
- Inputs that give no article yield :class:`Skipped` (``origin``, ``reason``,
  ``kind``): ``missing``, ``empty``, ``binary``, ``json``, ``csv``,
  ``no-text``, ``language`` (not English: never coded as English),
  ``too-large``, ``gzip`` (the lost tail of a truncated JSONL/CSV stream),
  ``format``.
- Problems that leave the document usable are **warnings**: a list of strings
  in ``article.metadata["warnings"]`` (invalid UTF-8 decoded with the cp1252
  fallback, a truncated gzip text/HTML file kept as read, an unparseable
  date). Nothing extra is yielded for them; count them with
  :func:`article_warnings`.
- Documents longer than ``max_chars`` (setting ``max_doc_chars``) are split at
  paragraph, then sentence boundaries into parts with ids ``<id>#p1``,
  ``<id>#p2`` … (``metadata["part"]``, ``["parts"]``, ``["parent_id"]``); the
  title and dates are copied to every part.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from ._ingest_internals import readers as _readers  # noqa: F401 - registers readers
from ._ingest_internals.cleanup import CleanText, TextCleaner
from ._ingest_internals.language import (
    ENGLISH_LIKE,
    NO_LANGUAGE,
    identify,
    is_rejected,
)
from ._ingest_internals.readers import ReadContext
from ._ingest_internals.records import DEFAULT_FIELDS, FieldMap, RawDoc, Skipped
from ._ingest_internals.sources import (
    FORMATS,
    InputFile,
    binary_kind,
    detect_format,
    expand_inputs,
    open_input,
)
from ._ingest_internals.textnorm import normalize_text
from .dates import parse_date
from .errors import ConfigError, InputError
from .models import Article
from .registry import readers
from .settings import get_setting

__all__ = [
    "FieldMap",
    "Skipped",
    "TextCleaner",
    "article_warnings",
    "extract",
    "iter_articles",
]

logger = logging.getLogger(__name__)

_FORMAT_ALIASES = {
    "txt": "text",
    "htm": "html",
    "json": "jsonl",
    "ndjson": "jsonl",
    "tsv": "csv",
}


def article_warnings(article: Article) -> list[str]:
    """The warnings ingestion recorded for ``article`` (empty list if none)."""
    return list(article.metadata.get("warnings", []))


def iter_articles(
    inputs: Sequence[str | Path],
    *,
    input_format: str | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    fields: FieldMap | None = None,
    max_chars: int | None = None,
    cleaner: TextCleaner | None = None,
    check_language: bool = True,
) -> Iterator[Article | Skipped]:
    """Read ``inputs`` and yield articles, or a :class:`Skipped` record per problem.

    Parameters
    ----------
    inputs:
        Files, folders (read recursively, sorted, hidden entries skipped) and
        ``"-"`` for standard input.
    input_format:
        Force a format (``text``, ``html``, ``jsonl``, ``csv`` or a reader
        registered in :data:`detente.registry.readers`); default: detected.
    include, exclude:
        Glob patterns (``"*.html"``, ``"2021/*"``) matched against the path
        relative to a folder and against the file name.
    fields:
        Field names of JSON Lines / CSV inputs (default :class:`FieldMap`).
    max_chars:
        Longest document; longer ones are split into parts
        (default: setting ``max_doc_chars``).
    cleaner:
        Boilerplate / byline / dateline patterns (default: the bundled ones).
    check_language:
        Skip documents that are confidently not English (``kind="language"``).

    Yields
    ------
    Article or Skipped
        In input order; a ``Skipped`` never stops the run.

    Examples
    --------
    >>> for item in iter_articles(["news/"], include=["*.html"]):  # doctest: +SKIP
    ...     if isinstance(item, Skipped):
    ...         print(item.message)
    """
    if isinstance(inputs, str | Path):  # one path given instead of a list
        inputs = [inputs]
    forced = _check_format(input_format)
    limit = int(max_chars if max_chars is not None else get_setting("max_doc_chars"))
    if limit < 1000:
        raise ConfigError(
            f"max_chars={limit} is too small; use at least 1000 characters"
        )
    context = ReadContext(fields=fields or DEFAULT_FIELDS, max_chars=limit)
    text_cleaner = cleaner or TextCleaner.default()
    for entry in expand_inputs(inputs, include=include, exclude=exclude):
        if isinstance(entry, tuple):
            yield Skipped(entry[0], entry[1], "missing")
            continue
        for item in _read_input(entry, forced, context):
            if isinstance(item, Skipped):
                logger.info("skipped %s", item.message)
                yield item
            else:
                yield from _build_articles(
                    item, text_cleaner, limit, check_language=check_language
                )


def extract(path: str | Path, *, input_format: str | None = None) -> Article:
    """Return the article ingestion makes of one input (its first document).

    Parameters
    ----------
    path:
        A file, or ``"-"`` for standard input.
    input_format:
        Force the format (default: detected).

    Raises
    ------
    InputError
        When the input gives no article (the message names the file and why);
        :class:`~detente.errors.LanguageError` for a non-English document.
    """
    first_problem: Skipped | None = None
    for item in iter_articles([path], input_format=input_format):
        if isinstance(item, Article):
            return item
        first_problem = first_problem or item
    if first_problem is not None:
        raise first_problem.to_error()
    raise InputError("no document found in the input", path=str(path))


# -- reading one input --------------------------------------------------------


def _check_format(input_format: str | None) -> str | None:
    if input_format is None:
        return None
    name = _FORMAT_ALIASES.get(input_format.lower(), input_format.lower())
    if name not in readers:
        known = ", ".join(FORMATS)
        raise ConfigError(f"unknown input format {input_format!r}; use one of {known}")
    return name


def _read_input(
    item: InputFile, forced: str | None, context: ReadContext
) -> Iterator[RawDoc | Skipped]:
    try:
        stream = open_input(item)
    except OSError as e:
        yield Skipped(
            item.origin,
            f"cannot open the file ({e.strerror}); check its permissions",
            "missing",
        )
        return
    try:
        head = stream.head
        if not head.strip():
            if stream.error:
                yield Skipped(item.origin, stream.error, "gzip")
            else:
                what = "is empty" if not head else "holds only whitespace"
                yield Skipped(
                    item.origin,
                    f"the file {what}; remove it or check the program that wrote it",
                    "empty",
                )
            return
        binary = binary_kind(head)
        if binary is not None and forced is None:
            yield Skipped(
                item.origin,
                f"this is not a text file: {binary}; leave it out (e.g. --exclude) "
                "or convert it to text, HTML, JSON Lines or CSV",
                "binary",
            )
            return
        input_format = forced or detect_format(head, item.name_hint)
        reader = readers.get(input_format)
        yield from reader(stream, item, context)
    finally:
        stream.close()


# -- raw document -> article ---------------------------------------------------


def _build_articles(
    raw: RawDoc, cleaner: TextCleaner, max_chars: int, *, check_language: bool
) -> Iterator[Article | Skipped]:
    cleaned = cleaner.clean(raw.text, detect_title=raw.detect_title and not raw.title)
    title = normalize_text(raw.title).replace("\n", " ") if raw.title else cleaned.title
    text = _drop_repeated_title(cleaned.text, title)
    if not text.strip():
        where = (
            "no article text found in this HTML page (only navigation, scripts or markup)"
            if raw.input_format == "html"
            else "no text left after removing boilerplate (navigation, credits, bylines)"
        )
        yield Skipped(
            raw.origin,
            f"{where}; check that the input holds the article body",
            "no-text",
        )
        return
    warnings = list(raw.warnings)
    date, date_source, date_raw = None, "none", ""
    if raw.date_raw:
        date = parse_date(raw.date_raw)
        if date is not None:
            date_source, date_raw = raw.date_from, raw.date_raw
        else:
            warnings.append(
                f"cannot read the date {raw.date_raw!r}; write it as YYYY-MM-DD"
            )
    if date is None and cleaned.date_raw:
        date = parse_date(cleaned.date_raw)
        if date is not None:
            date_source, date_raw = "text", cleaned.date_raw
    dateline_dates = _year_less_dateline(cleaned.dateline_date, date)
    language, probability = identify(text)
    if check_language and is_rejected(language, probability):
        if language == NO_LANGUAGE:
            reason = (
                "the text has no running prose (only tables, numbers or code, "
                "language code 'zxx'); there is nothing to code"
            )
            kind = "no-text"
        else:
            reason = (
                f"the text is in language {language!r} (probability "
                f"{probability:.2f}), not English; detente codes English only: "
                "translate it or leave it out"
            )
            kind = "language"
        yield Skipped(raw.origin, reason, kind)
        return
    if language in ENGLISH_LIKE:
        language = "en"
    metadata = _metadata(raw, cleaned, warnings)
    metadata.update(dateline_dates)
    base = Article(
        doc_id=raw.doc_id or Article.make_id(text),
        text=text,
        title=title,
        date=date,
        date_source=date_source,
        date_raw=date_raw,
        author=raw.author or cleaned.author,
        source=raw.source or cleaned.source,
        url=raw.url,
        language=language,
        origin=raw.origin,
        input_format=raw.input_format,
        metadata=metadata,
    )
    if len(text) <= max_chars:
        yield base
        return
    parts = split_text(text, max_chars)
    logger.info(
        "%s: split into %d parts of at most %d characters",
        raw.origin,
        len(parts),
        max_chars,
    )
    for number, part in enumerate(parts, start=1):
        yield Article(
            doc_id=f"{base.doc_id}#p{number}",
            text=part,
            title=base.title,
            date=base.date,
            date_source=base.date_source,
            date_raw=base.date_raw,
            author=base.author,
            source=base.source,
            url=base.url,
            language=base.language,
            origin=base.origin,
            input_format=base.input_format,
            metadata=dict(
                metadata, part=number, parts=len(parts), parent_id=base.doc_id
            ),
        )


def _metadata(
    raw: RawDoc, cleaned: CleanText, warnings: list[str]
) -> dict[str, object]:
    metadata: dict[str, object] = dict(raw.extra)
    if warnings:
        metadata["warnings"] = warnings
    for key in ("place", "dateline", "byline"):
        value = getattr(cleaned, key)
        if value:
            metadata[key] = value
    if cleaned.rules.get("dateline"):
        metadata["dateline_rule"] = cleaned.rules["dateline"]
    if cleaned.rules.get("byline"):
        metadata["byline_rule"] = cleaned.rules["byline"]
    if cleaned.removed:
        metadata["boilerplate_removed"] = len(cleaned.removed)
    if cleaned.author and raw.author and cleaned.author != raw.author:
        metadata["text_author"] = cleaned.author
    if cleaned.source and raw.source and cleaned.source != raw.source:
        metadata["text_source"] = cleaned.source
    return metadata


def _year_less_dateline(dateline_date: str, date: dt.date | None) -> dict[str, str]:
    """Metadata for a dateline date without a year ("Oct 3", "3 Oct").

    Its raw text is kept; it is resolved (see :func:`detente.dates.parse_date`)
    only against a date the article has from elsewhere, and then only recorded:
    the article date stays.
    """
    if not dateline_date or parse_date(dateline_date) is not None:
        return {}  # no dateline date, or one with its year (it is the text date)
    found = {"dateline_date_raw": dateline_date}
    resolved = parse_date(dateline_date, reference=date) if date else None
    if resolved is not None:
        found["dateline_date"] = resolved.isoformat()
    return found


def _drop_repeated_title(text: str, title: str) -> str:
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if first.strip().casefold() == title.strip().casefold() and rest.strip():
        return rest.lstrip("\n")
    return text


_SENTENCE_END = re.compile(r"(?<=[.!?…”\"'])\s+")


def split_text(text: str, max_chars: int) -> list[str]:
    """Split ``text`` into parts of at most ``max_chars`` characters.

    Cuts at paragraph breaks, then sentence ends, then spaces; a run of
    ``max_chars`` characters without any of them is cut hard.
    """
    pieces: list[tuple[str, str]] = []  # (separator before, text)
    for paragraph in text.split("\n\n"):
        separator = "\n\n"
        if len(paragraph) <= max_chars:
            pieces.append((separator, paragraph))
            continue
        for sentence in _SENTENCE_END.split(paragraph):
            while len(sentence) > max_chars:
                cut = sentence.rfind(" ", 0, max_chars)
                cut = cut if cut > max_chars // 2 else max_chars
                pieces.append((separator, sentence[:cut]))
                sentence = sentence[cut:].lstrip()
                separator = " "
            pieces.append((separator, sentence))
            separator = " "
    parts: list[str] = []
    current = ""
    for separator, piece in pieces:
        joiner = separator if current else ""
        if current and len(current) + len(joiner) + len(piece) > max_chars:
            parts.append(current)
            current, joiner = "", ""
        current += joiner + piece
    if current:
        parts.append(current)
    return [part.strip() for part in parts if part.strip()]
