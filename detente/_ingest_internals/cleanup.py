"""Text clean-up: boilerplate lines, bylines, datelines and the title.

The patterns are data (``detente/data/boilerplate/*.tsv``, see its README);
this module only applies them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..data import loaders
from ..errors import DataFileError
from .textnorm import normalize_text

#: How many non-empty lines at the top may hold a byline.
BYLINE_WINDOW = 8
#: How many stacked datelines may open the body ("Canadian Press - KINSHASA (AP) -").
MAX_DATELINES = 3
#: Longest line (characters) taken as a headline in plain text.
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 30

_SEPARATORS = re.compile(r"[\s|·•»«/\\>\-–—:,]+")

#: What ``{month}`` stands for in dateline patterns (case-sensitive, like them).
MONTH_PATTERN = (
    "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[a-zA-Z]*"
)


@dataclass
class CleanText:
    """The result of :meth:`TextCleaner.clean`."""

    text: str
    title: str = ""
    author: str = ""
    source: str = ""
    date_raw: str = ""
    place: str = ""
    dateline: str = ""
    dateline_date: str = ""
    byline: str = ""
    removed: list[str] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]


def _compile(record: dict[str, str], path: object, *, flags: int) -> re.Pattern[str]:
    try:
        return re.compile(record["pattern"], flags)
    except re.error as e:
        raise DataFileError(
            f"bad regular expression {record['pattern']!r}: {e}; fix the pattern",
            path=str(path),
            line=int(record.get("_line", 0)) or None,
        ) from e


class TextCleaner:
    """Drops boilerplate lines and turns bylines, datelines and titles into metadata.

    Parameters
    ----------
    line_files, dateline_files, byline_files:
        Pattern tables (format: ``detente/data/boilerplate/README.md``).
        :meth:`default` uses the bundled ones; :meth:`from_files` adds yours.
    agency_files:
        News agency names (``agencies.tsv``); ``{agency}`` in a dateline
        pattern matches any of them.
    """

    def __init__(
        self,
        *,
        line_files: Sequence[loaders.DataPath] = (),
        dateline_files: Sequence[loaders.DataPath] = (),
        byline_files: Sequence[loaders.DataPath] = (),
        agency_files: Sequence[loaders.DataPath] = (),
    ) -> None:
        self._whole: list[re.Pattern[str]] = []
        self._tail: list[re.Pattern[str]] = []
        phrases: list[str] = []
        fillers: list[str] = []
        for path in line_files:
            for record in loaders.read_table(path, required=("kind", "pattern")):
                kind = record["kind"]
                if kind in ("line", "tail"):
                    compiled = _compile(record, path, flags=re.IGNORECASE)
                    (self._whole if kind == "line" else self._tail).append(compiled)
                elif kind in ("phrase", "filler"):
                    _compile(record, path, flags=re.IGNORECASE)
                    (phrases if kind == "phrase" else fillers).append(record["pattern"])
                else:
                    raise DataFileError(
                        f"unknown kind {kind!r}; use line, phrase, filler or tail",
                        path=str(path),
                        line=record["_line"],
                    )
        words = [f"(?:{p})" for p in phrases + fillers]
        self._nav: re.Pattern[str] | None = None
        if phrases:
            # A navigation line: one or more phrases/fillers with separators only.
            item = "(?:" + "|".join(words) + ")"
            self._nav = re.compile(
                rf"(?:{_SEPARATORS.pattern})?{item}(?:(?:{_SEPARATORS.pattern}){item})*"
                rf"(?:{_SEPARATORS.pattern})?",
                re.IGNORECASE,
            )
        agencies: list[str] = []
        for path in agency_files:
            for record in loaders.read_table(path, required=("name", "pattern")):
                _compile(record, path, flags=0)  # a bad name fails on its own line
                agencies.append(f"(?:{record['pattern']})")
        # Without an agency list, {agency} never matches.
        placeholders = {
            "{agency}": "(?:" + "|".join(agencies) + ")" if agencies else "(?!)",
            "{month}": MONTH_PATTERN,
        }
        self._datelines = [
            _Rule(r["name"], _compile(_expand(r, placeholders), path, flags=0))
            for path in dateline_files
            for r in loaders.read_table(path, required=("name", "pattern"))
        ]
        self._bylines = [
            _Rule(r["name"], _compile(r, path, flags=0))
            for path in byline_files
            for r in loaders.read_table(path, required=("name", "pattern"))
        ]

    @classmethod
    def default(cls) -> TextCleaner:
        """The cleaner with the bundled patterns (cached)."""
        return _default_cleaner()

    @classmethod
    def from_files(
        cls,
        *,
        lines: Iterable[str | Path] = (),
        datelines: Iterable[str | Path] = (),
        bylines: Iterable[str | Path] = (),
        agencies: Iterable[str | Path] = (),
        bundled: bool = True,
    ) -> TextCleaner:
        """A cleaner with your pattern files added to (or replacing) the bundled ones."""
        base = (
            _bundled_paths()
            if bundled
            else {"lines": [], "datelines": [], "bylines": [], "agencies": []}
        )
        return cls(
            line_files=[*base["lines"], *map(Path, lines)],
            dateline_files=[*base["datelines"], *map(Path, datelines)],
            byline_files=[*base["bylines"], *map(Path, bylines)],
            agency_files=[*base["agencies"], *map(Path, agencies)],
        )

    # -- line tests ---------------------------------------------------------

    def is_boilerplate(self, line: str) -> bool:
        """True when a (normalised, stripped) line is boilerplate."""
        if not line:
            return False
        if any(p.fullmatch(line) for p in self._whole):
            return True
        return self._nav is not None and self._nav.fullmatch(line) is not None

    def _is_tail(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self._tail)

    def match_byline(self, line: str) -> tuple[str, dict[str, str]] | None:
        for rule in self._bylines:
            found = rule.pattern.fullmatch(line)
            if found:
                return rule.name, {k: v for k, v in found.groupdict().items() if v}
        return None

    def match_dateline(self, line: str) -> tuple[str, re.Match[str]] | None:
        for rule in self._datelines:
            found = rule.pattern.match(line)
            # A dateline must leave a sentence after it on the same line.
            if found and found.end() < len(line) and len(line) - found.end() > 20:
                return rule.name, found
        return None

    def _take_datelines(self, line: str, result: CleanText) -> str:
        """Remove the dateline(s) opening ``line`` into ``result``; return the rest.

        Syndicated copy stacks them ("Canadian Press - KINSHASA, Congo (AP) -"):
        up to :data:`MAX_DATELINES` are taken; the first source, place and date
        found win.
        """
        taken: list[str] = []
        rules: list[str] = []
        for _ in range(MAX_DATELINES):
            dated = self.match_dateline(line)
            if dated is None:
                break
            name, found = dated
            groups = {k: v.strip() for k, v in found.groupdict().items() if v}
            taken.append(found.group(0).strip())
            rules.append(name)
            result.place = result.place or groups.get("place", "")
            result.source = result.source or groups.get("source", "")
            result.dateline_date = result.dateline_date or groups.get("date", "")
            if groups.get("date") and not result.date_raw:
                result.date_raw = groups["date"]
            line = line[found.end() :].lstrip()
        if taken:
            result.dateline = " ".join(taken)
            result.rules["dateline"] = "+".join(rules)
        return line

    # -- the clean-up ---------------------------------------------------------

    def clean(self, text: str, *, detect_title: bool = True) -> CleanText:
        """Normalise ``text`` and take its boilerplate, byline, dateline and title out.

        Parameters
        ----------
        text:
            Raw article text (plain text, or the text extracted from HTML).
        detect_title:
            Take the first line as the title when it looks like a headline.

        Returns
        -------
        CleanText
            The body the coder sees plus what was found.
        """
        result = CleanText(text="")
        lines: list[str] = []
        for line in normalize_text(text).split("\n"):
            if line and self._is_tail(line):
                result.removed.append(line)
                break
            if self.is_boilerplate(line):
                result.removed.append(line)
                continue
            lines.append(line)

        content = [i for i, line in enumerate(lines) if line]
        drop: set[int] = set()
        if detect_title and len(content) >= 2 and _looks_like_title(lines[content[0]]):
            first = lines[content[0]]
            if not self.match_byline(first) and not self.match_dateline(first):
                result.title = first
                drop.add(content[0])

        for index in [i for i in content if i not in drop][:BYLINE_WINDOW]:
            matched = self.match_byline(lines[index])
            if matched is None:
                continue
            name, groups = matched
            drop.add(index)
            result.byline = lines[index]
            result.rules["byline"] = name
            result.author = result.author or groups.get("author", "").strip()
            result.source = result.source or groups.get("source", "").strip()
            result.date_raw = result.date_raw or groups.get("date", "").strip()

        body = [i for i in content if i not in drop]
        if body:
            lines[body[0]] = self._take_datelines(lines[body[0]], result)

        kept = [line for i, line in enumerate(lines) if i not in drop]
        result.text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
        return result


def _expand(record: dict[str, str], placeholders: dict[str, str]) -> dict[str, str]:
    pattern = record["pattern"]
    for name, value in placeholders.items():
        pattern = pattern.replace(name, value)
    return {**record, "pattern": pattern}


def _looks_like_title(line: str) -> bool:
    words = line.split()
    if not words or len(line) > TITLE_MAX_CHARS or len(words) > TITLE_MAX_WORDS:
        return False
    # Headlines do not end like a sentence or a clause.
    return not line.endswith((".", ",", ";", ":")) or line.endswith("...")


def _bundled_paths() -> dict[str, list[loaders.DataPath]]:
    return {
        "lines": [loaders.bundled_file("boilerplate", "lines.tsv")],
        "datelines": [loaders.bundled_file("boilerplate", "datelines.tsv")],
        "bylines": [loaders.bundled_file("boilerplate", "bylines.tsv")],
        "agencies": [loaders.bundled_file("boilerplate", "agencies.tsv")],
    }


@functools.lru_cache(maxsize=1)
def _default_cleaner() -> TextCleaner:
    paths = _bundled_paths()
    return TextCleaner(
        line_files=paths["lines"],
        dateline_files=paths["datelines"],
        byline_files=paths["bylines"],
        agency_files=paths["agencies"],
    )
