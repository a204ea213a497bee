"""The API's inputs, validated by pydantic before any query runs.

Query-string models forbid unknown parameters (a typo such as ``?soruce=``
is a 422, not a silently unfiltered list) and turn empty form fields into
"not set", so the dashboard's GET forms and the JSON API read the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, cast, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import ConfigError
from ..settings import get_setting

ActorCode = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9*]{2,32}$",
        description="An actor code (CHNGOV) or country/bloc code (CHN, IGO, WST).",
    ),
]
#: Deepest ``offset`` accepted: deeper pages must use the keyset cursor,
#: which costs the same on page 10,000 as on page 1.
MAX_OFFSET = 1_000
DedupMode = Literal["one-a-day", "none", "story"]
Period = Literal["day", "week", "month", "quarter", "year"]
Level = Literal["country", "actor"]


def default_dedup() -> DedupMode:
    """The store's default de-duplication mode (setting ``dedup``)."""
    mode = str(get_setting("dedup"))
    modes = get_args(DedupMode)
    if mode not in modes:
        raise ConfigError(
            f"DETENTE_DEDUP={mode!r} is not a de-duplication mode; use one of "
            f"{', '.join(modes)}"
        )
    return cast(DedupMode, mode)


class QueryModel(BaseModel):
    """Base of the query-string models: no unknown keys, blanks are unset."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _blank_is_unset(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if v not in ("", None)}
        return data


class PageParams(QueryModel):
    """Paging: ``limit`` with ``cursor`` (keyset, preferred) or ``offset``."""

    limit: int = Field(50, ge=1, description="Rows a page, at most max_page_size.")
    offset: int = Field(
        0, ge=0, description=f"Rows to skip, at most {MAX_OFFSET} (page with cursor)."
    )
    cursor: str | None = Field(
        None, max_length=400, description="The next_cursor of the previous page."
    )


class EventParams(PageParams):
    """Filters of the event list."""

    source: ActorCode | None = None
    target: ActorCode | None = None
    actor: ActorCode | None = Field(None, description="Either source or target.")
    dyad: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9*]{2,32},[A-Za-z0-9*]{2,32}$",
        description="Two actors, either direction: 'USA,CHN'.",
    )
    cameo_code: str | None = Field(None, pattern=r"^\d{2,4}$", description='e.g. "042"')
    cameo_root: str | None = Field(None, pattern=r"^\d{2}$", description='e.g. "04"')
    quad_class: int | None = Field(None, ge=0, le=4)
    plover_type: str | None = Field(None, pattern=r"^[A-Za-z_-]{2,40}$")
    date_from: dt.date | None = Field(None, description="First event date (ISO).")
    date_to: dt.date | None = Field(None, description="Last event date (ISO).")
    q: str | None = Field(
        None, min_length=2, max_length=200, description="Text in an evidence sentence."
    )
    dedup: DedupMode = Field(default_factory=default_dedup)
    count: bool = Field(False, description="Also return the total number of matches.")

    @field_validator("source", "target", "actor", "dyad", "plover_type")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value


class DocumentParams(PageParams):
    """Filters of the document list."""

    source: str | None = Field(None, max_length=200, description="Publisher name.")
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = Field(
        None, min_length=2, max_length=200, description="Text in the title."
    )
    dedup: DedupMode = Field(default_factory=default_dedup)


class ActorParams(QueryModel):
    """Filters of the actor list."""

    limit: int = Field(100, ge=1)
    offset: int = Field(0, ge=0)
    country: ActorCode | None = None
    prefix: str | None = Field(None, pattern=r"^[A-Za-z0-9]{1,32}$")
    dedup: DedupMode = Field(default_factory=default_dedup)

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value


class DyadParams(QueryModel):
    """A dyad series: two actors, a period, both directions unless ``directed``."""

    a: ActorCode | None = Field(None, description="First actor; default: busiest dyad.")
    b: ActorCode | None = Field(None, description="Second actor.")
    directed: bool = Field(False, description="Only events from a to b.")
    period: Period = "month"
    level: Level = "country"
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    dedup: DedupMode = Field(default_factory=default_dedup)

    @field_validator("a", "b")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value


class NetworkParams(QueryModel):
    """The signed network of a period."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    level: Level = "country"
    min_events: int = Field(1, ge=1, le=10_000)
    threshold: float = Field(0.0, ge=0)
    dedup: DedupMode = Field(default_factory=default_dedup)


class DocumentIn(BaseModel):
    """One article to ingest through ``POST /api/documents``."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str = Field(min_length=1, description="The article's clean text.")
    title: str = Field("", max_length=1_000)
    date: dt.date | None = Field(None, description="Publication date (ISO).")
    source: str = Field("", max_length=200, description="Publisher.")
    url: str = Field("", max_length=2_000)
    doc_id: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9._:-]{1,128}$",
        description="Default: a content hash.",
    )


class ReportParams(QueryModel):
    """Options of a claim report."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    dedup: DedupMode = Field(default_factory=default_dedup)
    quad_class_mapping: Literal["gdelt.v1", "icews.v1", "phoenix.v1"] | None = Field(
        None, description="Recompute QuadClass with this mapping; default: as coded."
    )
    sensitivity: bool = Field(
        True, description="Re-run under every de-duplication mode and mapping."
    )
