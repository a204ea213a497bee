"""The events frame every analysis reads, and the helpers shared by the analyses.

An *events frame* is a pandas DataFrame of de-duplicated events, one row per
event, with the columns of :data:`EVENT_COLUMNS` (the store's
``Store.events_frame()`` output). Only ``event_date``, ``source_country``,
``target_country``, ``goldstein`` and ``quad_class`` are required; the others
get neutral defaults in :func:`prepare_events`.

Actors are analysed at country level by default (``level="country"`` reads
``source_country``/``target_country``); ``level="actor"`` reads the full actor
codes (``"CHNGOV"``). An actor argument may be a pattern with ``*`` (``"IGO*"``).
"""

from __future__ import annotations

import fnmatch
import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import AnalysisError

logger = logging.getLogger(__name__)

#: Columns of an events frame, in the store's order.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_date",
    "source_actor",
    "source_country",
    "target_actor",
    "target_country",
    "cameo_code",
    "cameo_root",
    "goldstein",
    "quad_class",
    "num_mentions",
    "num_sources",
    "tone",
    "dedup_mode",
    "quad_class_mapping",
)
REQUIRED_COLUMNS: tuple[str, ...] = (
    "event_date",
    "source_country",
    "target_country",
    "goldstein",
    "quad_class",
)
#: De-duplication modes of the store, default first.
DEDUP_MODES: tuple[str, ...] = ("one-a-day", "none", "story")
#: QuadClass mappings, default first.
QUAD_CLASS_MAPPINGS: tuple[str, ...] = ("gdelt.v1", "icews.v1", "phoenix.v1")
#: Period names and their pandas frequencies (weeks run Monday to Sunday).
PERIODS: dict[str, str] = {
    "day": "D",
    "week": "W-SUN",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
}
LEVELS: tuple[str, ...] = ("country", "actor")
#: QuadClass codes: 1 verbal cooperation ... 4 material conflict; 0 neutral.
QUAD_NAMES: dict[int, str] = {
    0: "neutral",
    1: "verbal_coop",
    2: "material_coop",
    3: "verbal_conflict",
    4: "material_conflict",
}

#: ``load_events(dedup, quad_class_mapping) -> events frame``.
EventsLoader = Callable[[str, "str | None"], pd.DataFrame]


def prepare_events(events: pd.DataFrame) -> pd.DataFrame:
    """Check an events frame and fill the optional columns.

    Parameters
    ----------
    events:
        Events with at least :data:`REQUIRED_COLUMNS`.

    Returns
    -------
    pandas.DataFrame
        A copy with every column of :data:`EVENT_COLUMNS`, ``event_date`` as
        ``datetime64``, numeric ``goldstein``/``quad_class``/``num_sources``,
        and rows without a date dropped (logged).

    Raises
    ------
    AnalysisError
        If a required column is missing or ``event_date`` cannot be parsed.
    """
    if not isinstance(events, pd.DataFrame):
        raise AnalysisError(
            f"expected a pandas DataFrame of events, got {type(events).__name__}; "
            "load one with Store.events_frame()"
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in events.columns]
    if missing:
        raise AnalysisError(
            f"events frame lacks column(s) {', '.join(missing)}; found "
            f"{', '.join(map(str, events.columns)) or 'none'}; pass the output of "
            "Store.events_frame() or add the columns"
        )
    frame = events.copy()
    try:
        dates = pd.to_datetime(frame["event_date"], errors="coerce")
    except (TypeError, ValueError) as e:
        raise AnalysisError(
            f"column event_date cannot be read as dates ({e}); use ISO dates (YYYY-MM-DD)"
        ) from e
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    frame["event_date"] = dates.dt.normalize()
    undated = int(frame["event_date"].isna().sum())
    if undated:
        logger.info("dropping %d event(s) without an event_date", undated)
        frame = frame[frame["event_date"].notna()]
    defaults: dict[str, Any] = {
        "cameo_code": "",
        "cameo_root": "",
        "num_mentions": 1,
        "num_sources": 1,
        "tone": np.nan,
        "dedup_mode": "",
        "quad_class_mapping": "",
    }
    for column, value in defaults.items():
        if column not in frame.columns:
            frame[column] = value
    for role in ("source", "target"):
        if f"{role}_actor" not in frame.columns:
            frame[f"{role}_actor"] = frame[f"{role}_country"]
        for column in (f"{role}_actor", f"{role}_country"):
            frame[column] = frame[column].fillna("").astype(str)
    frame["goldstein"] = pd.to_numeric(frame["goldstein"], errors="coerce").fillna(0.0)
    frame["quad_class"] = (
        pd.to_numeric(frame["quad_class"], errors="coerce").fillna(0).astype(int)
    )
    for column in ("num_sources", "num_mentions"):
        frame[column] = (
            pd.to_numeric(frame[column], errors="coerce").fillna(1).clip(lower=1)
        )
    frame["tone"] = pd.to_numeric(frame["tone"], errors="coerce")
    extra = [c for c in frame.columns if c not in EVENT_COLUMNS]
    return frame[list(EVENT_COLUMNS) + extra].reset_index(drop=True)


def check_period(period: str) -> str:
    """Return the pandas frequency of a period name, or raise AnalysisError."""
    try:
        return PERIODS[period]
    except KeyError as e:
        raise AnalysisError(
            f"unknown period {period!r}; use one of {', '.join(PERIODS)}"
        ) from e


def actor_columns(level: str) -> tuple[str, str]:
    """The (source, target) columns of an analysis level."""
    if level == "country":
        return "source_country", "target_country"
    if level == "actor":
        return "source_actor", "target_actor"
    raise AnalysisError(f"unknown level {level!r}; use 'country' or 'actor'")


def actor_mask(codes: pd.Series, actor: str) -> pd.Series:
    """Boolean mask of ``codes`` matching ``actor`` (a code, or a pattern with ``*``)."""
    if not actor:
        raise AnalysisError(
            "empty actor code; pass a code such as USA or a pattern like IGO*"
        )
    if "*" in actor or "?" in actor:
        pattern = re.compile(fnmatch.translate(actor.upper()))
        return codes.str.upper().map(lambda code: bool(pattern.match(code)))
    return codes.str.upper() == actor.upper()


def period_start(dates: pd.Series, period: str) -> pd.Series:
    """The start date of the period each date falls in."""
    freq = check_period(period)
    return dates.dt.to_period(freq).dt.start_time


def period_range(start: Any, end: Any, period: str) -> pd.DatetimeIndex:
    """Start dates of every period from the one holding ``start`` to ``end``'s."""
    freq = check_period(period)
    periods = pd.period_range(pd.Timestamp(start), pd.Timestamp(end), freq=freq)
    return pd.DatetimeIndex(periods.start_time, name="period")


def select_dates(
    events: pd.DataFrame, *, start: Any = None, end: Any = None
) -> pd.DataFrame:
    """Rows with ``start <= event_date <= end`` (either bound optional)."""
    mask = pd.Series(True, index=events.index)
    if start is not None:
        mask &= events["event_date"] >= pd.Timestamp(start)
    if end is not None:
        mask &= events["event_date"] <= pd.Timestamp(end)
    return events[mask]


def read_events_file(path: str | Path) -> pd.DataFrame:
    """Read an events frame from a CSV, TSV, Parquet or JSON Lines file.

    Parameters
    ----------
    path:
        A file with the columns of :data:`EVENT_COLUMNS` (at least
        :data:`REQUIRED_COLUMNS`), such as ``detente export`` writes.

    Raises
    ------
    AnalysisError
        If the file is missing, of an unknown type, or lacks required columns.
    """
    path = Path(path)
    if not path.is_file():
        raise AnalysisError(f"{path}: events file not found; check the path")
    name = path.name.lower()
    dtypes = {"cameo_code": str, "cameo_root": str}
    try:
        if name.endswith(".parquet"):
            frame = pd.read_parquet(path)
        elif name.endswith((".jsonl", ".ndjson")):
            frame = pd.read_json(path, lines=True, dtype=dtypes)
        elif name.endswith(".tsv"):
            frame = pd.read_csv(path, sep="\t", dtype=dtypes)
        elif name.endswith(".csv"):
            frame = pd.read_csv(path, dtype=dtypes)
        else:
            raise AnalysisError(
                f"{path}: unknown events file type; use .csv, .tsv, .parquet or .jsonl"
            )
    except (OSError, ValueError) as e:
        raise AnalysisError(f"{path}: cannot read events ({e})") from e
    return prepare_events(frame)


def store_loader(
    db: str, *, start: Any = None, end: Any = None, actors: Sequence[str] | None = None
) -> EventsLoader:
    """An :data:`EventsLoader` reading the event store at ``db``.

    Each call opens the store read-only and returns
    ``Store.events_frame(dedup=..., quad_class_mapping=..., start=..., end=...)``.
    """

    def load(dedup: str, quad_class_mapping: str | None) -> pd.DataFrame:
        from ..store import Store

        store = Store.open(db, read_only=True)
        try:
            frame = store.events_frame(
                dedup=dedup,
                quad_class_mapping=quad_class_mapping,
                start=start,
                end=end,
                actors=list(actors) if actors else None,
            )
        finally:
            close = getattr(store, "close", None)
            if close is not None:
                close()
        return prepare_events(frame)

    return load


def frame_loader(events: pd.DataFrame) -> EventsLoader:
    """An :data:`EventsLoader` that returns ``events`` whatever the options.

    Used for event files, which hold one de-duplication and one mapping.
    """
    prepared = prepare_events(events)

    def load(dedup: str, quad_class_mapping: str | None) -> pd.DataFrame:
        return prepared

    return load


def json_ready(value: Any) -> Any:
    """Turn numpy/pandas values (and NaN) into JSON-serialisable Python values."""
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_ready(v) for v in value]
    if isinstance(value, np.ndarray):
        return json_ready(value.tolist())
    if isinstance(value, pd.DataFrame):
        return json_ready(frame_records(value))
    if isinstance(value, pd.Timestamp | np.datetime64):
        return pd.Timestamp(value).date().isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating | float):
        number = float(value)
        return None if not np.isfinite(number) else number
    return value


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A frame as a list of JSON-ready dicts, the index included as a column."""
    reset = (
        frame.reset_index()
        if frame.index.name or not isinstance(frame.index, pd.RangeIndex)
        else frame
    )
    return [json_ready(record) for record in reset.to_dict(orient="records")]
