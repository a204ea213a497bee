"""Exporters and importers of events, registered like third-party ones.

Exporters live in :data:`detente.registry.exporters`; each is called as
``exporter(selection, path, **options) -> list[Path]`` where ``selection`` is
an :class:`EventSelection` (a store plus the filters and de-duplication mode)
and the return value lists the files written. Importers live in
:data:`detente.registry.importers`: ``importer(path, **options) ->
Iterator[Event]``.

Formats
-------
``gdelt`` (``detente.export.gdelt.v1``)
    The GDELT 2.0 event table: the 61 columns of the GDELT 2.0 Event
    Codebook in its order, tab-separated, no header row (``header=True``
    adds one), one row per de-duplicated event. Fields we do not produce
    (ethnic/religion codes, geography) are blank.
``plover`` (``detente.export.plover.v1``)
    POLECAT-style JSON records (the NGEC coder's output shape): ``id``,
    ``date``, ``event_type``, ``event_mode``, ``contexts``, ``event_text``
    (the evidence sentence), ``attributes.ACTOR`` / ``attributes.RECIP``
    (text, character offsets, code, country), document info (``story_id``,
    ``headline``, ``pub_date``, ``publisher``, ``url``) plus the CAMEO code,
    Goldstein, QuadClass and counts. A ``.json`` path gets one JSON array,
    any other path JSON Lines.
``parquet`` / ``csv``
    Two tables: the events (``Store.events_frame``) and their mentions
    (``Store.mentions_frame``). ``-o out.parquet`` writes ``out.parquet``
    (events) and ``out.mentions.parquet``; ``-o folder/`` (an existing
    folder, or a path ending in ``/``) writes ``folder/events.<ext>`` and
    ``folder/mentions.<ext>``. CSV dates are ``YYYY-MM-DD``.
``jsonl`` (``detente.export.jsonl.v1``)
    Our event schema: one ``Event.to_record()`` per stored event mention,
    the same lines ``detente code -o`` writes.

Importers: ``jsonl`` (our event schema) and ``gdelt`` (GDELT 2.0 event
files, tab-separated, 61 columns, plain or ``.zip``; each row becomes an
:class:`~detente.models.Event` with ``coder="import"`` and ``doc_id =
"gdelt-<GLOBALEVENTID>"``).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import math
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pandas as pd

from .about import __version__
from .errors import ConfigError, InputError, OntologyError
from .models import Event, stable_hash
from .registry import exporters, importers
from .settings import get_setting
from .store import Store

logger = logging.getLogger(__name__)

#: The 61 columns of a GDELT 2.0 event record, in file order (GDELT 2.0 Event Codebook).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

#: Short names accepted by ``--format`` (each an alias of a versioned exporter).
EXPORT_FORMATS: tuple[str, ...] = ("gdelt", "plover", "parquet", "csv", "jsonl")
IMPORT_FORMATS: tuple[str, ...] = ("jsonl", "gdelt")


@dataclass(frozen=True)
class EventSelection:
    """What to export: a store, the de-duplication mode and the filters."""

    store: Store
    dedup: str = "one-a-day"
    quad_class_mapping: str | None = None
    start: dt.date | str | None = None
    end: dt.date | str | None = None
    actors: tuple[str, ...] | None = None
    include_negated: bool = False

    def events_frame(self) -> pd.DataFrame:
        """The selected de-duplicated events (see :meth:`Store.events_frame`)."""
        return self.store.events_frame(
            dedup=self.dedup,
            quad_class_mapping=self.quad_class_mapping,
            start=self.start,
            end=self.end,
            actors=self.actors,
            include_negated=self.include_negated,
        )

    def mentions_frame(self) -> pd.DataFrame:
        """The mentions of the selected events (see :meth:`Store.mentions_frame`)."""
        keys = set(self.events_frame()["event_key"])
        frame = self.store.mentions_frame(
            dedup=self.dedup, actors=self.actors, include_negated=True
        )
        return frame[frame["event_key"].isin(keys)].reset_index(drop=True)

    def root_mentions(self) -> dict[str, dict[str, Any]]:
        """For each selected event key, its earliest mention (a plain dict)."""
        events = self.events_frame()
        roots = set(zip(events["root_doc_id"], events["root_event_id"], strict=True))
        mentions = self.mentions_frame()
        found: dict[str, dict[str, Any]] = {}
        for row in mentions.to_dict(orient="records"):
            if (row["doc_id"], row["event_id"]) in roots and row[
                "event_key"
            ] not in found:
                found[row["event_key"]] = row
        return found

    def iter_events(self) -> Iterator[Event]:
        """Every selected event mention as an :class:`Event`."""
        yield from self.store.iter_events(
            start=self.start,
            end=self.end,
            actors=self.actors,
            include_negated=self.include_negated,
        )


# -- helpers --------------------------------------------------------------------


def _open_text(path: Path | str) -> IO[str]:
    if str(path) == "-":
        return sys.stdout
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    return target.open("w", encoding="utf-8", newline="")


def _closing(handle: IO[str]) -> None:
    if handle is not sys.stdout:
        handle.close()
    else:
        handle.flush()


def _date(value: Any) -> dt.date | None:
    if (
        value is None
        or value is pd.NaT
        or (isinstance(value, float) and math.isnan(value))
    ):
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _number(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return (
            f"{value:.4f}".rstrip("0").rstrip(".")
            if value != int(value)
            else f"{value:.1f}"
        )
    return str(value)


def global_event_id(event_key: str) -> int:
    """A stable positive 60-bit integer id for an event key (GDELT GLOBALEVENTID)."""
    return int(stable_hash("gdelt", event_key, length=15), 16)


def _split_code(code: str) -> tuple[str, str, str]:
    """CAMEO actor code -> (type1, type2, type3): the 3-letter role codes after the country."""
    roles = [code[i : i + 3] for i in range(3, len(code), 3)]
    roles += ["", "", ""]
    return roles[0], roles[1], roles[2]


def _fraction_date(day: dt.date) -> str:
    return f"{day.year + day.timetuple().tm_yday / 365:.4f}"


# -- exporters ------------------------------------------------------------------


def gdelt_rows(selection: EventSelection) -> Iterator[list[str]]:
    """The selected events as GDELT 2.0 rows (61 strings each)."""
    roots = selection.root_mentions()
    for event in selection.events_frame().to_dict(orient="records"):
        root = roots.get(event["event_key"], {})
        day = _date(event["event_date"])
        added = _date(event["first_seen"]) or day
        values: dict[str, str] = {name: "" for name in GDELT_COLUMNS}
        values.update(
            {
                "GLOBALEVENTID": str(global_event_id(event["event_key"])),
                "SQLDATE": day.strftime("%Y%m%d") if day else "",
                "MonthYear": day.strftime("%Y%m") if day else "",
                "Year": str(day.year) if day else "",
                "FractionDate": _fraction_date(day) if day else "",
                "IsRootEvent": "1" if root.get("sentence_index") == 0 else "0",
                "EventCode": event["cameo_code"],
                "EventBaseCode": event["cameo_code"][:3],
                "EventRootCode": event["cameo_root"],
                "QuadClass": str(int(event["quad_class"])),
                "GoldsteinScale": _number(event["goldstein"]),
                "NumMentions": str(int(event["num_mentions"])),
                "NumSources": str(int(event["num_sources"])),
                "NumArticles": str(int(event["num_documents"])),
                "AvgTone": _number(event["tone"]),
                "DATEADDED": added.strftime("%Y%m%d000000") if added else "",
                "SOURCEURL": event["source_url"] or "",
            }
        )
        for number, role in (("1", "source"), ("2", "target")):
            code = event[f"{role}_actor"] or ""
            country = event[f"{role}_country"] or ""
            type1, type2, type3 = _split_code(code)
            name = str(root.get(f"{role}_text") or "").upper()
            values[f"Actor{number}Code"] = code
            values[f"Actor{number}Name"] = name
            values[f"Actor{number}CountryCode"] = country if country != "IGO" else ""
            values[f"Actor{number}KnownGroupCode"] = type1 if country == "IGO" else ""
            values[f"Actor{number}Type1Code"] = type1 if country != "IGO" else ""
            values[f"Actor{number}Type2Code"] = type2
            values[f"Actor{number}Type3Code"] = type3
        yield [
            values[name].replace("\t", " ").replace("\n", " ") for name in GDELT_COLUMNS
        ]


@exporters.register("detente.export.gdelt.v1", aliases=("gdelt",))
def export_gdelt(
    selection: EventSelection, path: Path | str, *, header: bool = False, **_: Any
) -> list[Path]:
    """Write the GDELT 2.0 event table (tab-separated; no header unless ``header``)."""
    handle = _open_text(path)
    try:
        if header:
            handle.write("\t".join(GDELT_COLUMNS) + "\n")
        for row in gdelt_rows(selection):
            handle.write("\t".join(row) + "\n")
    finally:
        _closing(handle)
    return [] if str(path) == "-" else [Path(path)]


def _plover_party(
    event: dict[str, Any], root: dict[str, Any], role: str
) -> dict[str, Any]:
    start, end = root.get(f"{role}_start"), root.get(f"{role}_end")
    return {
        "text": root.get(f"{role}_text") or "",
        "start_char": None if start is None or pd.isna(start) else int(start),
        "end_char": None if end is None or pd.isna(end) else int(end),
        "code": event[f"{role}_actor"],
        "country": event[f"{role}_country"],
    }


def plover_records(selection: EventSelection) -> Iterator[dict[str, Any]]:
    """The selected events as POLECAT-style records (see the module docstring)."""
    roots = selection.root_mentions()
    for event in selection.events_frame().to_dict(orient="records"):
        root = roots.get(event["event_key"], {})
        day = _date(event["event_date"])
        pub = _date(root.get("doc_date"))

        yield {
            "id": event["event_key"],
            "date": day.isoformat() if day else None,
            "date_raw": root.get("event_date_raw") or "",
            "date_source": root.get("event_date_source") or "",
            "event_type": event["plover_type"],
            "event_mode": [event["plover_mode"]] if event["plover_mode"] else [],
            "contexts": [],
            "event_text": root.get("sentence") or "",
            "attributes": {
                "ACTOR": [_plover_party(event, root, "source")],
                "RECIP": [_plover_party(event, root, "target")],
                "LOC": [],
            },
            "cameo_code": event["cameo_code"],
            "goldstein": event["goldstein"],
            "quad_class": int(event["quad_class"]),
            "quad_class_mapping": event["quad_class_mapping"],
            "negated": bool(event["negated"]),
            "modality": root.get("modality") or "",
            "tone": None if pd.isna(event["tone"]) else float(event["tone"]),
            "num_mentions": int(event["num_mentions"]),
            "num_documents": int(event["num_documents"]),
            "num_sources": int(event["num_sources"]),
            "dedup_mode": event["dedup_mode"],
            "story_id": event["root_doc_id"],
            "headline": root.get("doc_title") or "",
            "pub_date": pub.isoformat() if pub else None,
            "publisher": root.get("doc_source") or "",
            "url": event["source_url"] or "",
            "coder": root.get("coder") or "",
            "rule": root.get("rule") or "",
            "version": f"detente-{__version__}",
        }


@exporters.register("detente.export.plover.v1", aliases=("plover",))
def export_plover(selection: EventSelection, path: Path | str, **_: Any) -> list[Path]:
    """Write POLECAT-style records: a JSON array for ``.json``, else JSON Lines."""
    handle = _open_text(path)
    try:
        if str(path).endswith(".json"):
            json.dump(
                list(plover_records(selection)), handle, ensure_ascii=False, indent=1
            )
            handle.write("\n")
        else:
            for record in plover_records(selection):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        _closing(handle)
    return [] if str(path) == "-" else [Path(path)]


def table_paths(path: Path | str, extension: str) -> tuple[Path, Path]:
    """Where the events and mentions tables go for ``-o path`` (see module docstring)."""
    text = str(path)
    target = Path(text)
    if text.endswith(("/", "\\")) or target.is_dir():
        return target / f"events.{extension}", target / f"mentions.{extension}"
    stem = target.name[: -len(target.suffix)] if target.suffix else target.name
    events = target if target.suffix else target.with_name(f"{stem}.{extension}")
    return events, target.with_name(f"{stem}.mentions.{extension}")


@exporters.register("detente.export.parquet.v1", aliases=("parquet",))
def export_parquet(selection: EventSelection, path: Path | str, **_: Any) -> list[Path]:
    """Write ``events`` and ``mentions`` Parquet files (pyarrow)."""
    events_path, mentions_path = table_paths(path, "parquet")
    events_path.parent.mkdir(parents=True, exist_ok=True)
    selection.events_frame().to_parquet(events_path, index=False)
    selection.mentions_frame().to_parquet(mentions_path, index=False)
    return [events_path, mentions_path]


@exporters.register("detente.export.csv.v1", aliases=("csv",))
def export_csv(selection: EventSelection, path: Path | str, **_: Any) -> list[Path]:
    """Write ``events`` and ``mentions`` CSV files (UTF-8, header, dates YYYY-MM-DD)."""
    events_path, mentions_path = table_paths(path, "csv")
    events_path.parent.mkdir(parents=True, exist_ok=True)
    for frame, target in (
        (selection.events_frame(), events_path),
        (selection.mentions_frame(), mentions_path),
    ):
        frame.to_csv(target, index=False, date_format="%Y-%m-%d")
    return [events_path, mentions_path]


@exporters.register("detente.export.jsonl.v1", aliases=("jsonl",))
def export_jsonl(selection: EventSelection, path: Path | str, **_: Any) -> list[Path]:
    """Write every selected event mention as one ``Event.to_record()`` JSON line."""
    handle = _open_text(path)
    try:
        for event in selection.iter_events():
            handle.write(event.to_json() + "\n")
    finally:
        _closing(handle)
    return [] if str(path) == "-" else [Path(path)]


# -- importers ------------------------------------------------------------------


@importers.register("detente.import.jsonl.v1", aliases=("jsonl",))
def import_jsonl(path: Path | str, **_: Any) -> Iterator[Event]:
    """Read events written by ``detente code -o`` / ``detente export --format jsonl``."""
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(
                    f"invalid JSON ({e.msg})", path=path, line=number
                ) from e
            if not isinstance(record, dict):
                raise InputError(
                    "expected one JSON object per line", path=path, line=number
                )
            try:
                yield Event.from_record(record)
            except TypeError as e:
                raise InputError(
                    f"not an event record ({e}); expected the fields of `detente code -o`",
                    path=path,
                    line=number,
                ) from e


def _gdelt_lines(path: Path) -> Iterator[str]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if not m.endswith("/")]
            if len(members) != 1:
                raise InputError(
                    f"expected one file in the zip archive, found {len(members)}",
                    path=path,
                )
            with archive.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield from handle


def _plover_of(code: str) -> tuple[str, str]:
    try:
        from .ontology import get_ontology

        entry = get_ontology().cameo(code)
    except (ImportError, OntologyError):
        return "", ""
    return entry.plover_type, entry.plover_mode


def gdelt_event(
    values: Sequence[str], *, path: Path | str = "", line: int = 0
) -> Event:
    """One GDELT 2.0 row (61 fields) as an :class:`Event` with ``coder="import"``."""
    row = dict(zip(GDELT_COLUMNS, values, strict=True))

    def number(name: str, default: float = 0.0) -> float:
        text = row[name].strip()
        if not text:
            return default
        try:
            return float(text)
        except ValueError as e:
            raise InputError(
                f"column {name} is {text!r}, expected a number", path=path, line=line
            ) from e

    sqldate = row["SQLDATE"].strip()
    try:
        day = dt.datetime.strptime(sqldate, "%Y%m%d").date() if sqldate else None
    except ValueError as e:
        raise InputError(
            f"SQLDATE {sqldate!r} is not YYYYMMDD", path=path, line=line
        ) from e
    code = row["EventCode"].strip()
    plover_type, plover_mode = _plover_of(code)
    tone = row["AvgTone"].strip()
    return Event(
        doc_id=f"gdelt-{row['GLOBALEVENTID'].strip()}",
        sentence="",
        span=(0, 0),
        source_actor=row["Actor1Code"].strip(),
        source_country=row["Actor1CountryCode"].strip()
        or ("IGO" if row["Actor1KnownGroupCode"].strip() else ""),
        target_actor=row["Actor2Code"].strip(),
        target_country=row["Actor2CountryCode"].strip()
        or ("IGO" if row["Actor2KnownGroupCode"].strip() else ""),
        cameo_code=code,
        cameo_root=row["EventRootCode"].strip() or code[:2],
        goldstein=number("GoldsteinScale"),
        quad_class=int(number("QuadClass")),
        plover_type=plover_type,
        plover_mode=plover_mode,
        event_date=day.isoformat() if day else None,
        rule="gdelt",
        coder="import",
        source_text=row["Actor1Name"].strip(),
        target_text=row["Actor2Name"].strip(),
        event_date_source="metadata" if day else "none",
        event_date_raw=sqldate,
        url=row["SOURCEURL"].strip(),
        tone=float(tone) if tone else None,
        quad_class_mapping="gdelt.v1",
    )


@importers.register("detente.import.gdelt.v1", aliases=("gdelt",))
def import_gdelt(path: Path | str, **_: Any) -> Iterator[Event]:
    """Read a GDELT 2.0 event file (tab-separated, 61 columns; ``.zip`` accepted)."""
    source = Path(path)
    for number, line in enumerate(_gdelt_lines(source), start=1):
        text = line.rstrip("\r\n")
        if not text.strip():
            continue
        values = text.split("\t")
        if number == 1 and values[0] == "GLOBALEVENTID":
            continue  # a header row (detente export --header)
        if len(values) != len(GDELT_COLUMNS):
            hint = (
                " (a GDELT 1.0 file has 57 or 58 columns; only GDELT 2.0 is read)"
                if len(values) in (57, 58)
                else ""
            )
            raise InputError(
                f"expected {len(GDELT_COLUMNS)} tab-separated GDELT 2.0 columns, "
                f"found {len(values)}{hint}",
                path=source,
                line=number,
            )
        yield gdelt_event(values, path=source, line=number)


# -- the plain functions behind the CLI --------------------------------------------


def export_events(
    path: Path | str,
    *,
    format: str = "jsonl",
    db: str | Path | None = None,
    store: Store | None = None,
    dedup: str | None = None,
    quad_class_mapping: str | None = None,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    actors: Sequence[str] | None = None,
    include_negated: bool = False,
    **options: Any,
) -> list[Path]:
    """Export the events of a store in a registered format.

    Parameters
    ----------
    path:
        Output file (``-`` for stdout with gdelt, plover and jsonl), or a
        folder for parquet and csv.
    format:
        A registered exporter name or alias: ``gdelt``, ``plover``,
        ``parquet``, ``csv``, ``jsonl`` or a plugin's.
    db, store:
        The store to read (an open :class:`Store`, or a path/URL opened
        read-only; default: the ``db`` setting).
    dedup, quad_class_mapping, start, end, actors, include_negated:
        As in :meth:`Store.events_frame`; ``dedup`` defaults to the ``dedup`` setting.
    options:
        Passed to the exporter (e.g. ``header=True`` for gdelt).

    Returns
    -------
    list of Path
        The files written.
    """
    exporter = exporters.get(format)
    opened = None
    if store is None:
        opened = store = Store.open(
            db if db is not None else get_setting("db"), read_only=True
        )
    try:
        selection = EventSelection(
            store=store,
            dedup=dedup or str(get_setting("dedup")),
            quad_class_mapping=quad_class_mapping,
            start=start,
            end=end,
            actors=tuple(actors) if actors else None,
            include_negated=include_negated,
        )
        written: list[Path] = exporter(selection, path, **options)
    finally:
        if opened is not None:
            opened.close()
    return written


def guess_import_format(path: Path | str) -> str:
    """``jsonl`` for .jsonl/.json files, ``gdelt`` for .csv/.tsv/.txt/.zip exports."""
    name = str(path).lower()
    if name.endswith((".jsonl", ".json", ".ndjson")):
        return "jsonl"
    if name.endswith((".csv", ".tsv", ".txt", ".zip", ".export.csv")):
        return "gdelt"
    raise ConfigError(
        f"cannot tell the format of {path} from its name; pass --format "
        f"({', '.join(IMPORT_FORMATS)})"
    )


def import_events(
    path: Path | str,
    *,
    format: str | None = None,
    db: str | Path | None = None,
    store: Store | None = None,
    origin: str | None = None,
    **options: Any,
) -> int:
    """Import events coded elsewhere into a store.

    Parameters
    ----------
    path:
        The file to read.
    format:
        A registered importer (``jsonl``, ``gdelt``); guessed from the file
        name when None.
    db, store:
        The store to write (default: the ``db`` setting).
    origin:
        Recorded as each new document's ``origin`` (default: the path).

    Returns
    -------
    int
        Events written (events of documents already stored are skipped).
    """
    source = Path(path)
    if not source.is_file():
        raise InputError("file not found; check the path", path=source)
    importer = importers.get(format or guess_import_format(source))
    opened = None
    if store is None:
        opened = store = Store.open(db if db is not None else get_setting("db"))
    try:
        return store.import_events(
            importer(source, **options), origin=origin or str(source)
        )
    finally:
        if opened is not None:
            opened.close()
