"""One reader per input format: bytes in, :class:`RawDoc` / :class:`Skipped` out.

Readers are registered in :data:`detente.registry.readers` (``"text"``,
``"html"``, ``"jsonl"``, ``"csv"``), so a user can add a format with the same
signature: ``reader(stream, item, context) -> Iterator[RawDoc | Skipped]``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..registry import readers
from .html import extract_page
from .records import FieldMap, RawDoc, Skipped
from .sources import ByteStream, InputFile, LineReader
from .textnorm import FALLBACK_ERRORS, decode_bytes

Item = RawDoc | Skipped


@dataclass(frozen=True)
class ReadContext:
    """Options every reader gets."""

    fields: FieldMap
    max_chars: int

    @property
    def max_file_bytes(self) -> int:
        """Largest single-document input (text, HTML, JSON array) read whole."""
        return max(32 * 1024 * 1024, 8 * self.max_chars)

    @property
    def max_line_bytes(self) -> int:
        """Longest JSON Lines / CSV line kept (JSON escapes take up to 6 bytes a char)."""
        return max(1024 * 1024, 16 * self.max_chars)


def _too_large(item: InputFile, limit: int) -> Skipped:
    return Skipped(
        item.origin,
        f"the file is larger than {limit // (1024 * 1024)} MiB, the limit for one "
        "plain-text or HTML document; split it, or convert it to JSON Lines "
        "(one document a line)",
        "too-large",
    )


def _truncation_warning(stream: ByteStream) -> list[str]:
    return [stream.error] if stream.error else []


@readers.register("detente.text.v1", aliases=("text",))
def read_text(
    stream: ByteStream, item: InputFile, context: ReadContext
) -> Iterator[Item]:
    """A plain-text file is one document; its first line may be the title."""
    data, exceeded = stream.read_all(context.max_file_bytes)
    if exceeded:
        yield _too_large(item, context.max_file_bytes)
        return
    text, warning = decode_bytes(data)
    warnings = ([warning] if warning else []) + _truncation_warning(stream)
    yield RawDoc(
        origin=item.origin,
        input_format="text",
        text=text,
        detect_title=True,
        warnings=warnings,
    )


@readers.register("detente.html.v1", aliases=("html",))
def read_html(
    stream: ByteStream, item: InputFile, context: ReadContext
) -> Iterator[Item]:
    """An HTML page is one document: main text and metadata via trafilatura."""
    data, exceeded = stream.read_all(context.max_file_bytes)
    if exceeded:
        yield _too_large(item, context.max_file_bytes)
        return
    page = extract_page(data)
    if not page.text.strip():
        yield Skipped(
            item.origin,
            "no article text found in this HTML page (only navigation, scripts or "
            "markup); save the article page itself, or its text, and read that",
            "no-text",
        )
        return
    warnings = ([page.warning] if page.warning else []) + _truncation_warning(stream)
    yield RawDoc(
        origin=item.origin,
        input_format="html",
        text=page.text,
        title=page.title,
        date_raw=page.date_raw,
        date_from="metadata",
        author=page.author,
        source=page.sitename,
        url=page.url,
        language_hint=page.language,
        warnings=warnings,
        extra={"description": page.description} if page.description else {},
    )


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v not in (None, ""))
    return str(value).strip()


def record_to_doc(
    record: dict[str, Any], origin: str, input_format: str, fields: FieldMap
) -> Item:
    """Map one JSON object / CSV row to a :class:`RawDoc` with ``fields``."""
    _, text = fields.lookup(record, "text")
    if not isinstance(text, str) or not text.strip():
        wanted = "/".join(fields.names(fields.text))
        found = ", ".join(sorted(record)) or "none"
        problem = "is empty" if fields.has_text_key(list(record)) else "is missing"
        return Skipped(
            origin,
            f"the text field ({wanted}) {problem}; keys found: {found}; map the "
            "right one with FieldMap(text=...) / --field text=COLUMN",
            "no-text",
        )
    _, doc_id = fields.lookup(record, "id")
    _, date = fields.lookup(record, "date")
    mapped = fields.mapped_keys()
    extra = {k: v for k, v in record.items() if k not in mapped}
    return RawDoc(
        origin=origin,
        input_format=input_format,
        text=text,
        doc_id=_as_text(doc_id),
        title=_as_text(fields.lookup(record, "title")[1]),
        date_raw=_as_text(date),
        date_from="input",
        author=_as_text(fields.lookup(record, "author")[1]),
        source=_as_text(fields.lookup(record, "source")[1]),
        url=_as_text(fields.lookup(record, "url")[1]),
        extra={"fields": extra} if extra else {},
    )


def _decode_line(data: bytes) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        return data.decode("utf-8", errors=FALLBACK_ERRORS), (
            f"invalid UTF-8 (byte {e.start} of the line); the bad bytes were read as "
            "cp1252, so some characters may be wrong; save the file as UTF-8"
        )


def _line_too_long(origin: str, size: int, context: ReadContext) -> Skipped:
    return Skipped(
        origin,
        f"the line is {size:,} bytes, over the {context.max_line_bytes:,}-byte limit "
        "of one document; it was skipped without being read into memory; split the "
        "document or raise DETENTE_MAX_DOC_CHARS",
        "too-large",
    )


def _gzip_tail(item: InputFile, stream: ByteStream, lines: LineReader) -> Skipped:
    return Skipped(
        f"{item.origin}:{lines.lines_read}",
        f"{stream.error}; {lines.lines_read - 1} line(s) before the cut were read "
        "and the rest of the file is lost",
        "gzip",
    )


@readers.register("detente.jsonl.v1", aliases=("jsonl", "json"))
def read_jsonl(
    stream: ByteStream, item: InputFile, context: ReadContext
) -> Iterator[Item]:
    """JSON Lines, one object a line, streamed; a JSON array file is read whole."""
    if stream.head.lstrip()[:1] == b"[":
        yield from _read_json_array(stream, item, context)
        return
    lines = LineReader(stream, context.max_line_bytes)
    for number, data, size in lines:
        origin = f"{item.origin}:{number}"
        truncated_here = stream.error is not None and not lines.last_line_complete
        if data is None:
            yield _line_too_long(origin, size, context)
            continue
        if not data.strip():
            continue
        text, warning = _decode_line(data)
        try:
            record = json.loads(text)
        except json.JSONDecodeError as e:
            if truncated_here:
                yield _gzip_tail(item, stream, lines)
                return
            yield Skipped(
                origin,
                f"invalid JSON ({e.msg} at column {e.colno}); fix or remove the line",
                "json",
            )
            continue
        if not isinstance(record, dict):
            yield Skipped(
                origin,
                f"expected a JSON object, found a JSON {type(record).__name__}; "
                "write one object per line",
                "json",
            )
            continue
        doc = record_to_doc(record, origin, "jsonl", context.fields)
        if warning and isinstance(doc, RawDoc):
            doc.warnings.append(warning)
        yield doc
    if stream.error is not None:
        yield _gzip_tail(item, stream, lines)


def _read_json_array(
    stream: ByteStream, item: InputFile, context: ReadContext
) -> Iterator[Item]:
    data, exceeded = stream.read_all(context.max_file_bytes)
    if exceeded:
        yield _too_large(item, context.max_file_bytes)
        return
    text, warning = decode_bytes(data)
    try:
        values = json.loads(text)
    except json.JSONDecodeError as e:
        yield Skipped(
            f"{item.origin}:{e.lineno}",
            f"invalid JSON ({e.msg} at column {e.colno}); fix the file or write "
            "JSON Lines (one object a line)",
            "gzip" if stream.error else "json",
        )
        return
    for index, record in enumerate(values, start=1):
        origin = f"{item.origin}:{index}"
        if not isinstance(record, dict):
            yield Skipped(origin, "array item is not a JSON object", "json")
            continue
        doc = record_to_doc(record, origin, "jsonl", context.fields)
        if isinstance(doc, RawDoc):
            doc.warnings.extend(
                ([warning] if warning else []) + _truncation_warning(stream)
            )
        yield doc


class _CsvLines:
    """Decoded lines for ``csv.reader``, remembering problems per physical line."""

    def __init__(self, lines: LineReader, origin: str, context: ReadContext) -> None:
        self.lines = lines
        self.origin = origin
        self.context = context
        self.problems: list[Skipped] = []
        self.warnings: list[str] = []

    def __iter__(self) -> Iterator[str]:
        for number, data, size in self.lines:
            if data is None:
                self.problems.append(
                    _line_too_long(f"{self.origin}:{number}", size, self.context)
                )
                yield "\n"
                continue
            text, warning = _decode_line(data)
            if warning:
                self.warnings.append(warning)
            yield text + "\n"


@readers.register("detente.csv.v1", aliases=("csv", "tsv"))
def read_csv(
    stream: ByteStream, item: InputFile, context: ReadContext
) -> Iterator[Item]:
    """CSV (or TSV) with a header row, streamed row by row."""
    lines = LineReader(stream, context.max_line_bytes)
    source = _CsvLines(lines, item.origin, context)
    delimiter = _sniff_delimiter(stream.head, item.name_hint)
    csv.field_size_limit(context.max_line_bytes)
    reader = csv.reader(iter(source), delimiter=delimiter)
    header: list[str] | None = None
    row_start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            yield Skipped(
                f"{item.origin}:{reader.line_num}",
                f"malformed CSV ({e}); fix the quoting of the row",
                "csv",
            )
            row_start = reader.line_num + 1
            continue
        yield from source.problems
        source.problems.clear()
        origin = f"{item.origin}:{row_start}"
        row_start = reader.line_num + 1
        if header is None:
            header = [h.strip().lstrip("\ufeff") for h in row]
            if not context.fields.has_text_key(header):
                yield Skipped(
                    item.origin,
                    f"no text column ({'/'.join(context.fields.names(context.fields.text))}) "
                    f"in the header; columns found: {', '.join(header)}; map it with "
                    "FieldMap(text=...) / --field text=COLUMN",
                    "csv",
                )
                return
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Skipped(
                origin,
                f"the row has {len(row)} fields but the header has {len(header)}; "
                "fix the quoting or the delimiter",
                "csv",
            )
            source.warnings.clear()
            continue
        doc = record_to_doc(
            dict(zip(header, row, strict=True)), origin, "csv", context.fields
        )
        if isinstance(doc, RawDoc) and source.warnings:
            doc.warnings.extend(dict.fromkeys(source.warnings))
        source.warnings.clear()
        yield doc
    yield from source.problems
    if stream.error is not None:
        yield _gzip_tail(item, stream, lines)


def _sniff_delimiter(head: bytes, name_hint: str) -> str:
    if Path(name_hint).suffix.lower() == ".tsv":
        return "\t"
    first = head.split(b"\n", 1)[0]
    counts = {d: first.count(d.encode()) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
