"""The records that travel through the pipeline.

One :class:`Article` carries everything about a document between stages: its
metadata from ingestion, the spaCy ``Doc`` from the ``nlp`` stage, the actor
mentions, the date mentions and the coded :class:`Event` records. Stages never
pass parallel lists tied by position.

Offsets are character offsets into ``Article.text`` (``[start, end)``), the
clean text ingestion produced; token offsets index ``Article.doc``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

#: Version of the event record schema written to JSON Lines and the store.
EVENT_SCHEMA_VERSION = "1"


def stable_hash(*parts: object, length: int = 16) -> str:
    """Return a short, stable hex digest of ``parts`` (used for ids)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True)
class Actor:
    """An entity of the actor dictionary, as resolved for one mention.

    ``code`` follows CAMEO: a country or bloc code plus role codes, e.g.
    ``"CHNGOV"``, ``"RUS"``, ``"IGOWHO"``, ``"USAMED"``. ``country`` is the
    ISO 3166 alpha-3 / CAMEO country (``"CHN"``), ``"IGO"`` for international
    organisations, a bloc or region code (``"WST"``, ``"EUR"``) otherwise.
    """

    code: str
    country: str
    name: str
    role: str = (
        ""  # CAMEO agent code(s) like "GOV", "MED", or "" for the country itself
    )
    role_label: str = ""  # human words, e.g. "head of state", "state media"
    kind: str = (
        "country"  # country | igo | bloc | person | organisation | media | group
    )
    entry_id: str = ""  # id of the dictionary entry that produced it
    state_affiliated: bool = False


@dataclass
class ActorMention:
    """A span of the text that names (or refers back to) an actor.

    One span can yield several mentions: "the two countries" after "China and
    Russia" gives one mention for CHN and one for RUS over the same span.
    """

    text: str
    start: int  # char offset in Article.text
    end: int
    token_start: int  # token index in Article.doc
    token_end: int  # exclusive
    sentence_index: int
    actor: Actor | None  # None: unresolved (kept, never dropped)
    rule: str  # how it was resolved, e.g. "dictionary:name", "pronoun", "coordination"
    country_guess: str = ""  # best country for unresolved mentions
    label: str = ""  # spaCy entity label when the mention came from NER
    head: int = -1  # token index of the syntactic head of the span

    @property
    def resolved(self) -> bool:
        return self.actor is not None


@dataclass
class DateMention:
    """A date expression in the text, resolved against the article date."""

    text: str
    start: int
    end: int
    sentence_index: int
    date: dt.date | None
    rule: str  # e.g. "absolute", "relative:yesterday", "weekday", "month"
    granularity: str = "day"  # day | week | month | year


@dataclass
class Event:
    """One coded event, with its evidence.

    Field names are the JSON Lines schema of ``detente code -o`` (documented in
    README). ``*_source`` fields say where a value came from whenever it fell
    back to a default, e.g. ``event_date_source == "article"`` when the
    article's publication date stands in for an undated event.
    """

    doc_id: str
    sentence: str
    span: tuple[int, int]  # char span of the sentence in the article text
    source_actor: str
    source_country: str
    target_actor: str
    target_country: str
    cameo_code: str
    cameo_root: str
    goldstein: float
    quad_class: int
    plover_type: str
    event_date: str | None  # ISO date
    negated: bool = False
    rule: str = ""  # lexicon pattern id, or model name for the fallback
    coder: str = "lexicon"  # lexicon | embedding | nominal | import
    confidence: float = 1.0
    sentence_index: int = 0
    plover_mode: str = ""
    modality: str = "asserted"  # asserted | future | conditional | hypothetical | reported | intended
    source_text: str = ""
    target_text: str = ""
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    verb_text: str = ""
    verb_span: tuple[int, int] | None = None
    event_date_source: str = "article"  # text | article | none | metadata
    event_date_raw: str = ""  # the expression that gave the date ("yesterday")
    source_name: str = ""  # publisher of the article
    url: str = ""
    tone: float | None = None
    quad_class_mapping: str = ""  # which QuadClass mapping produced quad_class
    event_id: str = ""
    schema_version: str = EVENT_SCHEMA_VERSION

    def __post_init__(self) -> None:
        self.span = tuple(self.span)  # type: ignore[assignment]
        if not self.event_id:
            self.event_id = self.compute_id()

    def compute_id(self) -> str:
        """Stable id: the same evidence coded the same way gets the same id."""
        return stable_hash(
            self.doc_id,
            self.span[0],
            self.source_actor,
            self.target_actor,
            self.cameo_code,
            self.verb_span[0] if self.verb_span else "",
            self.source_span[0] if self.source_span else "",
            self.target_span[0] if self.target_span else "",
        )

    def to_record(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (the JSON Lines / store schema)."""
        record = asdict(self)
        for key in ("span", "source_span", "target_span", "verb_span"):
            if record[key] is not None:
                record[key] = list(record[key])
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Event:
        """Build an event from :meth:`to_record` output; unknown keys are ignored."""
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in record.items() if k in known}
        for key in ("span", "source_span", "target_span", "verb_span"):
            if kwargs.get(key) is not None:
                kwargs[key] = tuple(kwargs[key])
        return cls(**kwargs)

    def to_json(self) -> str:
        return json.dumps(self.to_record(), ensure_ascii=False)


EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event))


@dataclass
class Article:
    """A document and everything the pipeline learns about it.

    Ingestion fills the metadata and ``text``; the stages fill ``doc``,
    ``actor_mentions``, ``date_mentions``, ``events`` and ``tone``.
    ``date_source`` says where ``date`` came from (``"metadata"``,
    ``"text"``, ``"input"``, ``"none"``).
    """

    doc_id: str
    text: str
    title: str = ""
    date: dt.date | None = None
    date_source: str = "none"
    date_raw: str = ""
    author: str = ""
    source: str = ""  # publisher / site name
    url: str = ""
    language: str = ""
    origin: str = ""  # where it was read: "path", "path:line"
    input_format: str = ""  # text | html | jsonl | csv
    metadata: dict[str, Any] = field(default_factory=dict)
    doc: Any = None  # spacy.tokens.Doc, set by the nlp stage
    actor_mentions: list[ActorMention] = field(default_factory=list)
    date_mentions: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    tone: float | None = None
    sentence_tones: list[float] = field(default_factory=list)
    stages_run: list[str] = field(default_factory=list)

    @staticmethod
    def make_id(text: str) -> str:
        """The content-hash id used when the input gives none."""
        return stable_hash(" ".join(text.split()), length=20)

    def metadata_record(self) -> dict[str, Any]:
        """The document's metadata as a JSON-serialisable dict (no NLP results)."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "date_source": self.date_source,
            "date_raw": self.date_raw,
            "author": self.author,
            "source": self.source,
            "url": self.url,
            "language": self.language,
            "origin": self.origin,
            "input_format": self.input_format,
        }
