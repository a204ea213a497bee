"""The records ingestion passes around: field maps, raw documents, skips."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError, LanguageError


@dataclass(frozen=True)
class Skipped:
    """An input (or one line/row of it) that produced no article.

    Attributes
    ----------
    origin:
        ``"path"`` or ``"path:line"`` (``<stdin>`` for standard input).
    reason:
        What was wrong and what to do.
    kind:
        ``empty``, ``binary``, ``encoding``, ``json``, ``csv``, ``no-text``,
        ``language``, ``too-large``, ``gzip``, ``missing``, ``format``.
    """

    origin: str
    reason: str
    kind: str

    @property
    def message(self) -> str:
        """One line naming the input and the problem (``origin: reason``)."""
        return f"{self.origin}: {self.reason}"

    def __str__(self) -> str:
        return self.message

    def to_error(self) -> InputError:
        """The matching exception (:class:`LanguageError` for ``kind="language"``)."""
        path, line = self.origin, None
        head, _, tail = self.origin.rpartition(":")
        if head and tail.isdigit():
            path, line = head, int(tail)
        error_class = LanguageError if self.kind == "language" else InputError
        return error_class(self.reason, path=path, line=line)


Names = str | tuple[str, ...]


@dataclass(frozen=True)
class FieldMap:
    """Which JSON keys / CSV columns hold each article field.

    Each field is a name or a tuple of names tried in order (the first one
    present and non-empty wins). Keys not mapped go to
    ``article.metadata["fields"]``.

    Examples
    --------
    >>> FieldMap(text="body", date=("published", "date"))  # doctest: +SKIP
    """

    id: Names = ("id", "doc_id")
    title: Names = ("title", "headline")
    text: Names = ("text", "body", "content")
    date: Names = ("date", "publish_date", "published")
    source: Names = ("source", "publisher", "sitename")
    url: Names = ("url", "link")
    author: Names = ("author", "authors", "byline")

    @staticmethod
    def names(value: Names) -> tuple[str, ...]:
        return (value,) if isinstance(value, str) else tuple(value)

    def lookup(self, record: Mapping[str, Any], name: str) -> tuple[str, Any]:
        """Return (key, value) of field ``name`` in ``record``; ``("", None)`` if absent."""
        for key in self.names(getattr(self, name)):
            value = record.get(key)
            if value not in (None, "", []):
                return key, value
        return "", None

    def mapped_keys(self) -> set[str]:
        keys: set[str] = set()
        for name in ("id", "title", "text", "date", "source", "url", "author"):
            keys.update(self.names(getattr(self, name)))
        return keys

    def has_text_key(self, keys: set[str] | list[str]) -> bool:
        return any(k in keys for k in self.names(self.text))


DEFAULT_FIELDS = FieldMap()


@dataclass
class RawDoc:
    """A document as read, before clean-up and checks."""

    origin: str
    input_format: str
    text: str
    doc_id: str = ""
    title: str = ""
    date_raw: str = ""
    date_from: str = "input"  # input | metadata
    author: str = ""
    source: str = ""
    url: str = ""
    language_hint: str = ""
    detect_title: bool = False
    warnings: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
