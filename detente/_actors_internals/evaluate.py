"""Precision and recall of the resolver on a table of labelled mentions in context."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..data import loaders
from ..errors import DataFileError

REQUIRED = ("date", "context", "mention", "expected")


@dataclass
class RowResult:
    """One labelled mention and what the resolver made of it."""

    source: str
    context: str
    mention: str
    expected: frozenset[str]  # empty: must not resolve
    predicted: frozenset[str]
    rules: tuple[str, ...]

    @property
    def correct(self) -> bool:
        return bool(self.expected) and self.predicted == self.expected

    @property
    def outcome(self) -> str:
        if self.correct:
            return "ok"
        if not self.predicted:
            return "missed"
        return "wrong" if self.expected else "spurious"


@dataclass
class Scores:
    """Mention-level precision and recall."""

    rows: list[RowResult] = field(default_factory=list)

    @property
    def gold(self) -> int:
        return sum(1 for r in self.rows if r.expected)

    @property
    def predicted(self) -> int:
        return sum(1 for r in self.rows if r.predicted)

    @property
    def correct(self) -> int:
        return sum(1 for r in self.rows if r.correct)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0


def read_mention_table(path: loaders.DataPath) -> list[dict[str, Any]]:
    """Read a labelled mention table (TSV with date, context, mention, expected)."""
    rows = loaders.read_table(path, required=REQUIRED)
    for row in rows:
        occurrence = int(row.get("occurrence") or 1)
        if len(_occurrences(row["context"], row["mention"])) < occurrence:
            raise DataFileError(
                f"mention {row['mention']!r} does not occur {occurrence} time(s) in its context",
                path=str(path),
                line=row["_line"],
            )
    return rows


def _occurrences(context: str, mention: str) -> list[int]:
    """Starts of whole-word occurrences ("he" is not the end of "the")."""
    pattern = re.escape(mention)
    if mention[:1].isalnum():
        pattern = r"(?<!\w)" + pattern
    if mention[-1:].isalnum():
        pattern += r"(?!\w)"
    return [m.start() for m in re.finditer(pattern, context)]


def _span(context: str, mention: str, occurrence: int) -> tuple[int, int]:
    start = _occurrences(context, mention)[occurrence - 1]
    return start, start + len(mention)


def evaluate_mentions(resolver: Any, rows: Iterable[dict[str, Any]]) -> Scores:
    """Resolve each context and compare the mentions overlapping each labelled span.

    A row is correct when the set of actor codes over its span equals the
    expected set. Precision = correct / rows where something resolved over the
    span; recall = correct / rows with an expected actor.
    """
    scores = Scores()
    cache: dict[tuple[str, str], list[Any]] = {}
    for row in rows:
        date = dt.date.fromisoformat(row["date"]) if row.get("date") else None
        key = (row["context"], row.get("date") or "")
        if key not in cache:
            cache[key] = resolver.resolve_text(row["context"], date=date)
        mentions = cache[key]
        start, end = _span(
            row["context"], row["mention"], int(row.get("occurrence") or 1)
        )
        overlapping = [
            m for m in mentions if m.start < end and start < m.end and m.actor
        ]
        # Mentions inside the labelled span all count ("Russian and Chinese
        # officials" -> RUSGOV + CHNGOV); otherwise the ones overlapping it most.
        inside = [m for m in overlapping if start <= m.start and m.end <= end]
        if inside:
            overlapping = inside
        elif overlapping:
            best = max(min(end, m.end) - max(start, m.start) for m in overlapping)
            overlapping = [
                m for m in overlapping if min(end, m.end) - max(start, m.start) == best
            ]
        expected = row["expected"].strip()
        scores.rows.append(
            RowResult(
                source=row.get("source", ""),
                context=row["context"],
                mention=row["mention"],
                expected=frozenset()
                if expected == "NONE"
                else frozenset(expected.split("|")),
                predicted=frozenset(m.actor.code for m in overlapping),
                rules=tuple(m.rule for m in overlapping),
            )
        )
    return scores
