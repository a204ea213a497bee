"""Inputs as byte streams: files, folders, standard input, gzip; format sniffing."""

from __future__ import annotations

import fnmatch
import gzip
import io
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .textnorm import bom_encoding

HEAD_BYTES = 64 * 1024
CHUNK_BYTES = 256 * 1024
STDIN = "-"
STDIN_ORIGIN = "<stdin>"

FORMATS = ("text", "html", "jsonl", "csv")
SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}

# Magic numbers of binary formats people drop in a folder of articles.
_MAGIC = (
    (b"%PDF", "a PDF document; convert it to text (e.g. pdftotext) first"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub); unpack or convert it first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"BZh", "a bzip2 archive; decompress it first"),
    (b"\xfd7zXZ", "an xz archive; decompress it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive; unpack it first"),
    (b"\xd0\xcf\x11\xe0", "an MS Office document; save it as text first"),
    (b"SQLite format 3", "an SQLite database"),
    (b"PAR1", "a Parquet file; export it to JSON Lines or CSV first"),
    (b"\x7fELF", "an executable"),
)
_HTML_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p|article)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(rb"<(html|body|p|div|article)\b[^>]*>", re.IGNORECASE)


@dataclass
class InputFile:
    """One input to read: a path or standard input, with its display name."""

    origin: str  # what messages and Article.origin show
    path: Path | None  # None for standard input
    name_hint: str  # file name used for suffix hints (".gz" removed)
    compressed: bool = False


class ByteStream:
    """The bytes of one input, read in chunks, with read errors kept, not raised.

    ``head`` holds the first bytes (after decompression) for sniffing;
    :meth:`chunks` yields every byte once, ``head`` included. A truncated or
    corrupt gzip stream stops the chunks and sets :attr:`error`.
    """

    def __init__(self, raw: BinaryIO, *, compressed: bool, owned: bool = True) -> None:
        self._raw = raw
        self._owned = owned
        self._stream: BinaryIO = (
            gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw  # type: ignore[assignment]
        )
        self.compressed = compressed
        self.error: str | None = None
        self.bytes_read = 0
        self.head = self._read(HEAD_BYTES)

    def _read(self, size: int) -> bytes:
        if self.error is not None:
            return b""
        parts: list[bytes] = []
        wanted = size
        # read1: one underlying read per call, so bytes decompressed before a
        # truncation error are returned instead of lost inside a bigger read.
        read = getattr(self._stream, "read1", self._stream.read)
        while wanted > 0:
            try:
                data = read(wanted)
            except EOFError:
                self.error = (
                    "the gzip stream ends early (truncated file?); what was read "
                    "before the cut was kept; re-download or re-compress the file"
                )
                break
            except (gzip.BadGzipFile, zlib.error) as e:
                self.error = f"the gzip data is corrupt ({e}); re-compress the file"
                break
            if not data:
                break
            parts.append(data)
            wanted -= len(data)
        chunk = b"".join(parts)
        self.bytes_read += len(chunk)
        return chunk

    def chunks(self) -> Iterator[bytes]:
        if self.head:
            yield self.head
        while True:
            chunk = self._read(CHUNK_BYTES)
            if not chunk:
                return
            yield chunk

    def read_all(self, limit: int) -> tuple[bytes, bool]:
        """Read everything up to ``limit`` bytes; return (data, exceeded)."""
        parts = [self.head]
        total = len(self.head)
        while total <= limit:
            chunk = self._read(CHUNK_BYTES)
            if not chunk:
                return b"".join(parts), False
            parts.append(chunk)
            total += len(chunk)
        return b"".join(parts), True

    def close(self) -> None:
        if self._stream is not self._raw:
            self._stream.close()
        if self._owned:
            self._raw.close()


def open_input(item: InputFile) -> ByteStream:
    """Open an input; gzip is recognised by its magic bytes, not its name."""
    raw: Any
    if item.path is None:
        raw = getattr(sys.stdin, "buffer", sys.stdin)
        if not hasattr(raw, "peek"):
            raw = io.BufferedReader(raw)
    else:
        raw = open(item.path, "rb")  # noqa: SIM115 - closed by ByteStream.close
    compressed = raw.peek(2)[:2] == b"\x1f\x8b"  # type: ignore[attr-defined]
    item.compressed = compressed
    return ByteStream(raw, compressed=compressed, owned=item.path is not None)


def _matches(relative: str, name: str, patterns: Sequence[str]) -> bool:
    return any(
        fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns
    )


def expand_inputs(
    inputs: Sequence[str | Path],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Iterator[InputFile | tuple[str, str]]:
    """Yield the files to read in a deterministic order.

    Folders are walked recursively in sorted order, skipping hidden entries;
    ``include``/``exclude`` globs match the path relative to the folder or the
    file name. A missing input yields ``(origin, reason)``.
    """
    for entry in inputs:
        if str(entry) == STDIN:
            yield InputFile(origin=STDIN_ORIGIN, path=None, name_hint="")
            continue
        path = Path(entry)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            for file in files:
                relative = file.relative_to(path).as_posix()
                if include and not _matches(relative, file.name, include):
                    continue
                if exclude and _matches(relative, file.name, exclude):
                    continue
                yield _input_file(file)
        elif path.is_file():
            if exclude and _matches(path.name, path.name, exclude):
                continue
            yield _input_file(path)
        else:
            yield (
                str(path),
                "no such file or folder; check the path (use - for standard input)",
            )


def _input_file(path: Path) -> InputFile:
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return InputFile(origin=str(path), path=path, name_hint=name)


def binary_kind(head: bytes) -> str | None:
    """Describe ``head`` when it is a binary (non-text) file, else ``None``."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    encoding, _ = bom_encoding(head)
    if encoding is not None and encoding != "utf-8":
        return None  # UTF-16/32 text has NUL bytes
    sample = head[:8192]
    if b"\x00" in sample:
        return "binary data (it contains NUL bytes)"
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if sample and controls / len(sample) > 0.1:
        return "binary data (many control bytes)"
    return None


def detect_format(head: bytes, name_hint: str) -> str:
    """Guess the input format from the first bytes, with the file suffix as a hint.

    HTML is recognised from its markup whatever the suffix says; JSON Lines
    from a ``{`` or ``[`` start; CSV only from the suffix (``.csv``/``.tsv``).
    """
    suffix = Path(name_hint).suffix.lower()
    hinted = SUFFIX_FORMATS.get(suffix)
    encoding, skip = bom_encoding(head)
    sample = head[skip:]
    if encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        sample = sample.decode(encoding, errors="ignore").encode("utf-8")
    stripped = sample.lstrip()
    if _HTML_START.match(sample):
        return "html"
    if hinted in ("jsonl", "csv"):
        return hinted
    if stripped[:1] in (b"{", b"[") and hinted in (None, "jsonl"):
        return "jsonl"
    if hinted == "html" or (
        hinted is None and len(_HTML_ANYWHERE.findall(sample)) >= 3
    ):
        return "html"
    return hinted or "text"


@dataclass
class LineReader:
    """Split a :class:`ByteStream` into lines without holding a long line whole.

    Lines longer than ``max_line_bytes`` are not kept: the reader yields
    ``(number, None, size)`` for them and skips to the next newline.
    """

    stream: ByteStream
    max_line_bytes: int
    lines_read: int = 0
    last_line_complete: bool = True

    def __iter__(self) -> Iterator[tuple[int, bytes | None, int]]:
        pending: list[bytes] = []
        pending_size = 0
        overflow = False
        number = 0
        for chunk in self.stream.chunks():
            start = 0
            while True:
                newline = chunk.find(b"\n", start)
                if newline < 0:
                    piece = chunk[start:]
                    if piece:
                        pending_size += len(piece)
                        if not overflow:
                            pending.append(piece)
                            if pending_size > self.max_line_bytes:
                                overflow = True
                                pending = []
                    break
                piece = chunk[start:newline]
                pending_size += len(piece)
                number += 1
                self.lines_read = number
                if overflow or pending_size > self.max_line_bytes:
                    yield number, None, pending_size
                else:
                    pending.append(piece)
                    yield number, b"".join(pending), pending_size
                pending, pending_size, overflow = [], 0, False
                start = newline + 1
        if pending_size:
            number += 1
            self.lines_read = number
            self.last_line_complete = False
            if overflow or pending_size > self.max_line_bytes:
                yield number, None, pending_size
            else:
                yield number, b"".join(pending), pending_size
