"""Decoding bytes with a fallback, and Unicode normalisation of article text.

Normalisation choices (documented in :mod:`detente.ingest`):

- NFC; ``\\r\\n`` and ``\\r`` become ``\\n``.
- Every Unicode space (NBSP, thin, ideographic, ...) and tab becomes one ASCII
  space; runs of spaces collapse; lines are stripped.
- Zero-width characters, soft hyphens, BOMs and control characters are removed.
- Curly quotes and apostrophes are **kept** (spaCy handles them and they carry
  quotation boundaries); em and en dashes are kept; the rarer dash forms are
  folded: hyphen/non-breaking hyphen/minus sign → ``-``, figure dash → ``–``,
  horizontal bar → ``—``.
- More than one blank line collapses into one (a paragraph break).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

FALLBACK_ERRORS = "detente-cp1252"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    # Decode just the bad bytes as cp1252 (latin-1 for its 5 undefined bytes), so
    # a mostly-UTF-8 file keeps its good characters and a cp1252 file reads well.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    chars = []
    for byte in bad:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(bytes([byte]).decode("latin-1"))
    return "".join(chars), error.end


codecs.register_error(FALLBACK_ERRORS, _cp1252_fallback)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def bom_encoding(data: bytes) -> tuple[str | None, int]:
    """Return (encoding, BOM length) when ``data`` starts with a byte-order mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None, 0


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str | None]:
    """Decode ``data``; return the text and a warning when a fallback was needed.

    A BOM wins, then a ``declared`` encoding (e.g. an HTML meta charset), then
    UTF-8. Bytes that are not valid are decoded one by one as cp1252 and the
    warning says where the first one was.
    """
    encoding, skip = bom_encoding(data)
    if encoding is not None:
        return data[skip:].decode(encoding, errors="replace"), None
    if declared:
        try:
            codecs.lookup(declared)
        except LookupError:
            declared = None
    if declared and codecs.lookup(declared).name not in ("utf-8", "ascii"):
        try:
            return data.decode(declared), None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        text = data.decode("utf-8", errors=FALLBACK_ERRORS)
        return text, (
            f"invalid UTF-8 (first bad byte at offset {e.start}); the bad bytes were "
            "read as cp1252, so some characters may be wrong; save the file as UTF-8"
        )


_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_REMOVE = re.compile(
    "[\u00ad\u200b\u200c\u200d\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]"
)
_DASHES = (
    ("\u2010", "-"),
    ("\u2011", "-"),
    ("\u2212", "-"),
    ("\u2012", "\u2013"),
    ("\u2015", "\u2014"),
)
_BLANKS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Normalise Unicode and whitespace (see the module docstring)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u0085", "\n")
    text = _REMOVE.sub("", text)
    for dash, replacement in _DASHES:  # str.replace is far faster than translate
        if dash in text:
            text = text.replace(dash, replacement)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()
