"""Reading and normalising actor data files (entries and role nouns)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data import loaders
from ..errors import DataFileError
from ..models import Actor

#: Entry kinds and what they stand for (pronoun compatibility, composition).
PLACE_KINDS = frozenset({"country", "territory", "region", "capital"})
ORG_KINDS = frozenset(
    {"igo", "organisation", "media", "thinktank", "government", "party"}
)
PERSON_KINDS = frozenset({"person"})
KINDS = PLACE_KINDS | ORG_KINDS | PERSON_KINDS

ENTRY_COLUMNS = (
    "id",
    "code",
    "country",
    "kind",
    "name",
    "aliases",
    "role_label",
    "start",
    "end",
    "state_affiliated",
    "gender",
)
ROLE_COLUMNS = ("phrase", "role", "role_label", "kind", "default", "state_affiliated")

_TRUE = {"1", "true", "yes", "y", "x"}


def fold(text: str) -> str:
    """Lower-case, diacritic-free key of a name (``Erdoğan`` -> ``erdogan``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", plain).strip().lower()


def is_acronym(alias: str) -> bool:
    """``US``, ``U.S.``, ``WHO``: short all-capital names whose case must match."""
    letters = alias.replace(".", "").replace("-", "").replace("&", "")
    return (
        1 < len(letters) <= 6
        and letters.isalnum()
        and letters.upper() == letters
        and any(c.isalpha() for c in letters)
    )


def _parse_date(value: Any, *, where: str, line: int | None) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1)
        return dt.date.fromisoformat(text)
    except ValueError as e:
        raise DataFileError(
            f"bad date {text!r}; write dates as YYYY-MM-DD (or YYYY)",
            path=where,
            line=line,
        ) from e


def _as_list(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    if isinstance(value, Iterable):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value)]


def _as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in _TRUE


@dataclass(frozen=True)
class RolePeriod:
    """A dated role of an entry: ``code`` from ``start`` (inclusive) to ``end`` (exclusive)."""

    code: str
    role_label: str
    start: dt.date | None
    end: dt.date | None

    def active(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (
            self.end is None or date < self.end
        )


@dataclass
class ActorEntry:
    """One entry of the actor dictionary (a country, an organisation, a person...)."""

    id: str
    name: str
    kind: str
    code: str
    country: str
    role_label: str = ""
    state_affiliated: bool = False
    gender: str = ""
    aliases: list[str] = field(default_factory=list)
    periods: list[RolePeriod] = field(default_factory=list)
    priority: int = 0  # higher wins between entries sharing a name
    source: str = ""  # path:line of the first row

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases] if self.name else list(self.aliases)

    def actor(self, date: dt.date | None = None) -> Actor:
        """The actor this entry stands for on ``date`` (dated roles applied)."""
        code, role_label = self.code, self.role_label
        if self.periods:
            period = self._period_on(date)
            if period is not None:
                code, role_label = period.code, period.role_label
            elif not self.code:
                code, role_label = self._outside_periods(date)
        # The code says which country the role is for (a Canadian can govern the
        # Bank of England); organisations' officials belong to "IGO".
        if code.startswith("IGO"):
            country = "IGO"
        elif self.kind in PLACE_KINDS or len(code) < 3:
            country = self.country or code[:3]
        else:
            country = code[:3]
        role = code[3:6] if len(code) > 3 and not code.startswith("IGO") else ""
        return Actor(
            code=code,
            country=country,
            name=self.name,
            role=role,
            role_label=role_label,
            kind=self.kind,
            entry_id=self.id,
            state_affiliated=self.state_affiliated,
        )

    def _period_on(self, date: dt.date | None) -> RolePeriod | None:
        if date is None:
            # No reference date: the current role, else the most recent one.
            open_ended = [p for p in self.periods if p.end is None]
            if open_ended:
                return max(open_ended, key=lambda p: p.start or dt.date.min)
            return max(self.periods, key=lambda p: p.end or dt.date.min)
        active = [p for p in self.periods if p.active(date)]
        if not active:
            return None
        # The latest-starting role wins (a new post supersedes an older one).
        return max(active, key=lambda p: p.start or dt.date.min)

    def _outside_periods(self, date: dt.date | None) -> tuple[str, str]:
        country = self.country or self.periods[0].code[:3]
        assert date is not None  # _period_on only fails with a date
        ended = [p for p in self.periods if p.end is not None and p.end <= date]
        if ended:
            last = max(ended, key=lambda p: p.end or dt.date.min)
            return f"{country}ELI", f"former {last.role_label}".strip()
        return f"{country}ELI", "no office on this date"


@dataclass(frozen=True)
class RoleNoun:
    """A title or agent noun (``foreign minister``, ``army``) and its CAMEO role."""

    phrase: str
    role: str
    role_label: str
    kind: str = ""  # person | group | "" (unknown)
    default: str = (
        ""  # code when no country is attached (``security council`` -> IGOUNSC)
    )
    state_affiliated: bool = False


def read_entry_records(path: loaders.DataPath, *, priority: int) -> list[ActorEntry]:
    """Read one actor file (TSV/CSV/YAML/JSONL) into entries, merging rows by id."""
    name = str(path)
    if name.endswith((".tsv", ".csv")):
        records = loaders.read_table(path, required=("code",))
    else:
        records = loaders.read_records(path)
    entries: dict[str, ActorEntry] = {}
    previous: ActorEntry | None = None
    for number, record in enumerate(records, start=1):
        line = record.get("_line", number)
        entry_id = str(record.get("id") or "").strip()
        if not entry_id:
            if previous is not None and not record.get("name"):
                entry_id = previous.id  # continuation row: one more dated role
            elif record.get("name"):
                entry_id = (
                    f"{record.get('kind') or 'entry'}:{fold(str(record['name']))}"
                )
            else:
                raise DataFileError(
                    "row has neither id nor name; give the entry an id",
                    path=name,
                    line=line,
                )
        entry = entries.get(entry_id)
        if entry is None:
            entry = ActorEntry(
                id=entry_id,
                name="",
                kind="",
                code="",
                country="",
                priority=priority,
                source=f"{name}:{line}",
            )
            entries[entry_id] = entry
        _apply_record(entry, record, where=name, line=line)
        previous = entry
    for entry in entries.values():
        _check_entry(entry, where=name)
    return list(entries.values())


def _apply_record(
    entry: ActorEntry, record: dict[str, Any], *, where: str, line: int
) -> None:
    code = str(record.get("code") or "").strip().upper()
    if code and not re.fullmatch(r"[A-Z0-9]{2,15}", code):
        raise DataFileError(
            f"bad actor code {code!r}; codes are upper-case letters like RUSGOV or IGOWHO",
            path=where,
            line=line,
        )
    if record.get("name") and not entry.name:
        entry.name = str(record["name"]).strip()
    kind = str(record.get("kind") or "").strip().lower()
    if kind:
        if kind not in KINDS:
            raise DataFileError(
                f"unknown kind {kind!r}; use one of {', '.join(sorted(KINDS))}",
                path=where,
                line=line,
            )
        entry.kind = kind
    if record.get("country") and not entry.country:
        entry.country = str(record["country"]).strip().upper()
    if record.get("gender"):
        entry.gender = str(record["gender"]).strip().lower()[:1]
    if _as_bool(record.get("state_affiliated")):
        entry.state_affiliated = True
    for alias in _as_list(record.get("aliases")):
        if alias not in entry.aliases:
            entry.aliases.append(alias)
    label = str(record.get("role_label") or "").strip()
    start = _parse_date(record.get("start"), where=where, line=line)
    end = _parse_date(record.get("end"), where=where, line=line)
    if start is not None or end is not None:
        entry.periods.append(RolePeriod(code or entry.code, label, start, end))
    elif code:
        entry.code = code
        if label:
            entry.role_label = label
    for role in record.get("roles") or ():
        if not isinstance(role, dict):
            raise DataFileError(
                "each item of roles: must be a mapping", path=where, line=line
            )
        role_code = str(role.get("code") or entry.code).strip().upper()
        entry.periods.append(
            RolePeriod(
                role_code,
                str(role.get("role_label") or "").strip(),
                _parse_date(role.get("start"), where=where, line=line),
                _parse_date(role.get("end"), where=where, line=line),
            )
        )


def _check_entry(entry: ActorEntry, *, where: str) -> None:
    if not entry.code and not entry.periods:
        raise DataFileError(
            f"entry {entry.id!r} has no code; give it a code column (e.g. RUSGOV)",
            path=entry.source or where,
        )


def complete_entry(entry: ActorEntry) -> None:
    """Fill defaults once all rows sharing the entry's id are merged."""
    if not entry.name:
        entry.name = entry.aliases[0] if entry.aliases else entry.id
    if not entry.kind:
        entry.kind = "person" if entry.periods else "organisation"
    if not entry.country:
        code = entry.code or entry.periods[0].code
        entry.country = "IGO" if code.startswith("IGO") else code[:3]


def read_role_records(path: loaders.DataPath) -> list[RoleNoun]:
    """Read one role-noun file (``phrase``, ``role`` …) into :class:`RoleNoun` records."""
    records = (
        loaders.read_records(path, required=("phrase", "role"))
        if str(path).endswith((".tsv", ".csv"))
        else loaders.read_records(path)
    )
    roles = []
    for record in records:
        phrase = fold(str(record.get("phrase") or ""))
        role = str(record.get("role") or "").strip().upper()
        if not phrase or not re.fullmatch(r"[A-Z]{3}", role):
            raise DataFileError(
                "a role row needs a phrase and a three-letter role code (GOV, MIL …)",
                path=str(path),
                line=record.get("_line"),
            )
        roles.append(
            RoleNoun(
                phrase=phrase,
                role=role,
                role_label=str(record.get("role_label") or phrase).strip(),
                kind=str(record.get("kind") or "").strip().lower(),
                default=str(record.get("default") or "").strip().upper(),
                state_affiliated=_as_bool(record.get("state_affiliated")),
            )
        )
    return roles


def is_role_file(path: loaders.DataPath) -> bool:
    """Role-noun files are named ``roles*``; everything else holds entries."""
    return Path(str(getattr(path, "name", path))).name.startswith("roles")


def split_files(
    files: Sequence[loaders.DataPath],
) -> tuple[list[loaders.DataPath], list[loaders.DataPath]]:
    entries = [f for f in files if not is_role_file(f)]
    roles = [f for f in files if is_role_file(f)]
    return entries, roles
