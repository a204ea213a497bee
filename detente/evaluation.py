"""Score the event coder on labelled sentences.

Reads labelled JSON Lines files in the three formats of the development sets
(the format is detected per record):

``cameo``
    CAMEO codebook examples: ``event_code`` is one CAMEO code, actors are text
    spans (``source_actor``/``target_actor`` lists), ``reciprocal`` flags
    events where both sides act on each other.
``plover``
    PLOVER gold-standard records: ``event_code`` is a PLOVER type (0.5b1
    names such as DEMAND are mapped to current ones), actors have country
    codes (``source_actor_code``/``target_actor_code``).
``petrarch``
    PETRARCH2 validation sentences: ``event_code``, ``source_actor``,
    ``target_actor`` are parallel lists of CAMEO codes and CAMEO actor codes
    (``USAGOV``); ``noevents`` marks sentences with no event.

Each record's text is coded as a one-sentence :class:`~detente.models.Article`
(dated with the record's ``date`` when it has one).

Scoring conventions (``/work/shared/eval/README.md``)
-----------------------------------------------------
- CAMEO root accuracy: a record with CAMEO gold counts as right when some
  coded event has a gold root; full-code accuracy likewise with whole codes.
  Records without gold events (``noevents``) are scored apart
  (``no_event_accuracy``: right when nothing is coded).
- PLOVER type accuracy: on PLOVER records against the (current) gold type; on
  CAMEO records against the PLOVER type of the gold code, skipping codes with
  none (CAMEO 01 statements).
- Triples: precision / recall / F1 of (source country, target country, class)
  over all gold events, where class is the CAMEO root on CAMEO records and the
  PLOVER type on PLOVER records. A gold event with several sources or
  targets yields one triple per pair; a reciprocal event (or a PLOVER event
  with several sources and no target) yields both directions of each pair.
  Each coded event matches at most one gold triple.
- Gold countries: actor codes give them directly (first three letters;
  ``---`` is unknown; legacy codes such as ``JAP`` are mapped by
  ``data/ontology/country_code_aliases.tsv``). Text spans (CAMEO examples)
  are resolved with :class:`detente.actors.ActorResolver` ``lookup`` (the
  whole span, then its capitalised n-grams); when that gives no country, a
  coded actor matches the gold span when their texts share a content word.
- Negated events (``Event.negated``) are not counted as coded events.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .data import loaders
from .errors import InputError, OntologyError, PipelineError
from .models import Article, Event
from .ontology import Ontology, get_ontology

logger = logging.getLogger(__name__)

#: Label of "no event" in the confusion tables.
NO_EVENT = "--"

CountryResolver = Callable[[str, "dt.date | None"], str]

_STOPWORDS = frozenset(
    "a an the of and or in on at to for by with from its his her their s 's".split()
)
_TOKEN_RE = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class GoldActor:
    """One side of a gold event: a text span and/or a country ("" = unknown)."""

    text: str = ""
    country: str = ""
    code: str = ""  # the actor code as labelled, if any


@dataclass(frozen=True)
class GoldEvent:
    """One labelled event: CAMEO code and/or PLOVER type, and its actors."""

    cameo_code: str = ""
    plover_type: str = ""
    sources: tuple[GoldActor, ...] = ()
    targets: tuple[GoldActor, ...] = ()
    reciprocal: bool = False


@dataclass(frozen=True)
class GoldRecord:
    """A labelled sentence and its gold events (empty: no event expected)."""

    record_id: str
    text: str
    format: str  # cameo | plover | petrarch
    events: tuple[GoldEvent, ...]
    date: dt.date | None = None
    origin: str = ""  # path:line


@dataclass
class FileCounts:
    """Counts for one labelled file."""

    path: str
    records: int = 0
    formats: dict[str, int] = field(default_factory=dict)
    gold_events: int = 0
    coded_events: int = 0
    root_correct: int = 0
    root_total: int = 0
    code_correct: int = 0
    plover_correct: int = 0
    plover_total: int = 0
    no_event_correct: int = 0
    no_event_total: int = 0
    true_positives: int = 0
    gold_triples: int = 0
    coded_triples: int = 0

    @property
    def root_accuracy(self) -> float | None:
        return _ratio(self.root_correct, self.root_total)

    @property
    def code_accuracy(self) -> float | None:
        return _ratio(self.code_correct, self.root_total)

    @property
    def plover_accuracy(self) -> float | None:
        return _ratio(self.plover_correct, self.plover_total)

    @property
    def precision(self) -> float | None:
        return _ratio(self.true_positives, self.coded_triples)

    @property
    def recall(self) -> float | None:
        return _ratio(self.true_positives, self.gold_triples)

    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)

    def add(self, other: FileCounts) -> None:
        for name in (
            "records", "gold_events", "coded_events", "root_correct", "root_total",
            "code_correct", "plover_correct", "plover_total", "no_event_correct",
            "no_event_total", "true_positives", "gold_triples", "coded_triples",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, value in other.formats.items():
            self.formats[key] = self.formats.get(key, 0) + value

    def to_dict(self) -> dict[str, Any]:
        data = dict(vars(self))
        for name in (
            "root_accuracy",
            "code_accuracy",
            "plover_accuracy",
            "precision",
            "recall",
            "f1",
        ):
            data[name] = getattr(self, name)
        return data


@dataclass
class RecordResult:
    """How one record was coded compared with its gold events."""

    record_id: str
    origin: str
    text: str
    format: str
    gold: list[str]  # "SRC>TGT:class" per gold triple
    coded: list[str]  # the same for coded events
    root_right: bool | None  # None: not scored
    code_right: bool | None
    plover_right: bool | None
    true_positives: int

    @property
    def wrong(self) -> bool:
        return (
            self.root_right is False
            or self.plover_right is False
            or self.true_positives < max(len(self.gold), len(self.coded))
        )


@dataclass
class EvalReport:
    """Accuracy of the event coder on labelled files.

    Ratios are ``None`` when nothing was scored for them.
    """

    total: FileCounts
    files: list[FileCounts]
    confusion: dict[str, dict[str, int]]  # gold CAMEO root -> coded root -> count
    plover_confusion: dict[
        str, dict[str, int]
    ]  # gold PLOVER type -> coded type -> count
    results: list[RecordResult]
    gold_countries: dict[str, int]  # how gold text spans were resolved

    @property
    def root_accuracy(self) -> float | None:
        return self.total.root_accuracy

    @property
    def code_accuracy(self) -> float | None:
        return self.total.code_accuracy

    @property
    def plover_accuracy(self) -> float | None:
        return self.total.plover_accuracy

    @property
    def no_event_accuracy(self) -> float | None:
        return _ratio(self.total.no_event_correct, self.total.no_event_total)

    @property
    def precision(self) -> float | None:
        return self.total.precision

    @property
    def recall(self) -> float | None:
        return self.total.recall

    @property
    def f1(self) -> float | None:
        return self.total.f1

    def errors(self) -> list[RecordResult]:
        """Records coded wrongly in some respect."""
        return [r for r in self.results if r.wrong]

    def to_dict(self, *, with_results: bool = False) -> dict[str, Any]:
        """A JSON-serialisable summary (per-record results on request)."""
        data: dict[str, Any] = {
            "root_accuracy": self.root_accuracy,
            "code_accuracy": self.code_accuracy,
            "plover_accuracy": self.plover_accuracy,
            "no_event_accuracy": self.no_event_accuracy,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "total": self.total.to_dict(),
            "files": [f.to_dict() for f in self.files],
            "confusion": self.confusion,
            "plover_confusion": self.plover_confusion,
            "gold_countries": self.gold_countries,
        }
        if with_results:
            data["results"] = [vars(r) for r in self.results]
        return data


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


# -- reading labelled files ------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _country_aliases() -> dict[str, str]:
    path = loaders.bundled_file("ontology", "country_code_aliases.tsv")
    return {
        r["code"]: r["iso3"]
        for r in loaders.read_table(path, required=("code", "iso3"))
    }


def country_of_code(code: str | None) -> str:
    """The country of a CAMEO actor code (``"USAGOV"`` -> ``"USA"``; ``"---"`` -> ``""``)."""
    if not code:
        return ""
    head = code.strip().upper()[:3]
    if not head.isalpha():
        return ""
    return _country_aliases().get(head, head)


def detect_format(record: Mapping[str, Any]) -> str | None:
    """Tell a labelled record's format: ``cameo``, ``plover``, ``petrarch`` or None."""
    code = record.get("event_code")
    if "noevents" in record or isinstance(code, list):
        return "petrarch"
    if not isinstance(code, str):
        return None
    if record.get("ontology") == "PLOVER" or code.isalpha():
        return "plover"
    if code.isdigit():
        return "cameo"
    return None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def _parse_date(value: Any, path: str, line: int | None) -> dt.date | None:
    if not value:
        return None
    text = str(value)
    for fmt in ("%Y%m%d", "%Y-%m-%d", "%y%m%d"):  # PETRARCH also takes YYMMDD
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InputError(
        f"date {text!r} is not YYYYMMDD, YYYY-MM-DD or YYMMDD; fix the record",
        path=path,
        line=line,
    )


def gold_record(
    record: Mapping[str, Any], *, ontology: Ontology, origin: str = ""
) -> GoldRecord:
    """Turn one labelled JSON record into a :class:`GoldRecord`.

    Raises
    ------
    InputError
        When the record is in none of the three formats, or its codes are
        unknown to the ontology.
    """
    fmt = detect_format(record)
    where_path, _, line_text = origin.rpartition(":")
    where_path = where_path or origin
    where_line = int(line_text) if line_text.isdigit() else None
    text = record.get("text")
    if fmt is None or not isinstance(text, str):
        raise InputError(
            "record is in no known labelled format: expected 'text' and 'event_code' "
            "(a CAMEO code, a PLOVER type, or a list of CAMEO codes)",
            path=where_path,
            line=where_line,
        )
    record_id = str(record.get("id", origin))
    try:
        if fmt == "petrarch":
            codes = [] if record.get("noevents") else _as_list(record.get("event_code"))
            sources = _as_list(record.get("source_actor"))
            targets = _as_list(record.get("target_actor"))
            events = tuple(
                GoldEvent(
                    cameo_code=ontology.cameo(str(code)).code,
                    plover_type=ontology.cameo(str(code)).plover_type,
                    sources=(_coded_actor(sources[i] if i < len(sources) else ""),),
                    targets=(_coded_actor(targets[i] if i < len(targets) else ""),),
                )
                for i, code in enumerate(codes)
            )
        elif fmt == "plover":
            plover_type = ontology.current_plover_name(str(record["event_code"]))
            events = (
                GoldEvent(
                    plover_type=plover_type,
                    sources=_span_actors(
                        record.get("source_actor"), record.get("source_actor_code")
                    ),
                    targets=_span_actors(
                        record.get("target_actor"), record.get("target_actor_code")
                    ),
                ),
            )
        else:
            entry = ontology.cameo(str(record["event_code"]))
            events = (
                GoldEvent(
                    cameo_code=entry.code,
                    plover_type=entry.plover_type,
                    sources=_span_actors(record.get("source_actor"), None),
                    targets=_span_actors(record.get("target_actor"), None),
                    reciprocal=bool(record.get("reciprocal")),
                ),
            )
    except OntologyError as e:
        raise InputError(
            f"record {record_id}: {e}", path=where_path, line=where_line
        ) from e
    return GoldRecord(
        record_id=record_id,
        text=text,
        format=fmt,
        events=events,
        date=_parse_date(record.get("date"), where_path, where_line),
        origin=origin,
    )


def _coded_actor(code: str) -> GoldActor:
    return GoldActor(country=country_of_code(code), code=code or "")


def _span_actors(texts: Any, codes: Any) -> tuple[GoldActor, ...]:
    spans = [str(t) for t in _as_list(texts)]
    code_list = _as_list(codes)
    actors = []
    for i, span in enumerate(spans):
        code = code_list[i] if i < len(code_list) and code_list[i] else ""
        actors.append(GoldActor(text=span, country=country_of_code(code), code=code))
    return tuple(actors)


def read_labelled(
    path: str | Path, *, limit: int | None = None, ontology: Ontology | None = None
) -> list[GoldRecord]:
    """Read a labelled JSON Lines file (any of the three formats).

    Raises
    ------
    InputError
        For a missing file or a line that is not a labelled record, naming
        the path and line.
    """
    ontology = ontology or get_ontology()
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as e:
        raise InputError("labelled file not found; check the path", path=path) from e
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read labelled file: {e}", path=path) from e
    records: list[GoldRecord] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"invalid JSON: {e.msg}", path=path, line=number) from e
        if not isinstance(value, dict):
            raise InputError("expected a JSON object", path=path, line=number)
        records.append(gold_record(value, ontology=ontology, origin=f"{path}:{number}"))
        if limit is not None and len(records) >= limit:
            break
    return records


# -- gold countries of text spans ----------------------------------------------------


def _content_tokens(text: str) -> set[str]:
    return {t.lower() for t in _TOKEN_RE.findall(text)} - _STOPWORDS


def texts_overlap(gold: str, coded: str) -> bool:
    """True when two actor texts share a content word (case-insensitive)."""
    return bool(_content_tokens(gold) & _content_tokens(coded))


def actor_resolver_countries() -> CountryResolver | None:
    """A span -> country function backed by ``detente.actors.ActorResolver``.

    Returns None when the actor module is not available.
    """
    try:
        from .actors import ActorResolver  # type: ignore[attr-defined]
    except ImportError as e:
        logger.warning(
            "detente.actors unavailable (%s); gold spans matched by text only", e
        )
        return None
    resolver = ActorResolver()

    def lookup(span: str, date: dt.date | None) -> str:
        for candidate in _candidate_names(span):
            for actor in resolver.lookup(candidate, date=date) or []:
                country = getattr(actor, "country", "")
                if country:
                    return str(country)
        return ""

    return lookup


def _candidate_names(span: str) -> Iterator[str]:
    """The span, then its n-grams (longest first) that start with a capital."""
    yield span
    words = span.split()
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            gram = words[start : start + size]
            if gram[0][:1].isupper() and gram[-1].lower() not in _STOPWORDS:
                yield " ".join(gram)


def _resolve_spans(
    records: Sequence[GoldRecord], resolve: CountryResolver | None, stats: Counter[str]
) -> list[GoldRecord]:
    cache: dict[tuple[str, dt.date | None], str] = {}

    def fill(actor: GoldActor, date: dt.date | None) -> GoldActor:
        if actor.country or not actor.text:
            if actor.country:
                stats["code"] += 1
            return actor
        key = (actor.text, date)
        if key not in cache:
            cache[key] = resolve(actor.text, date) if resolve is not None else ""
        country = cache[key]
        stats["dictionary" if country else "text overlap"] += 1
        return GoldActor(text=actor.text, country=country, code=actor.code)

    resolved = []
    for record in records:
        events = tuple(
            GoldEvent(
                cameo_code=e.cameo_code,
                plover_type=e.plover_type,
                sources=tuple(fill(a, record.date) for a in e.sources),
                targets=tuple(fill(a, record.date) for a in e.targets),
                reciprocal=e.reciprocal,
            )
            for e in record.events
        )
        resolved.append(
            GoldRecord(
                record.record_id,
                record.text,
                record.format,
                events,
                record.date,
                record.origin,
            )
        )
    return resolved


# -- scoring -------------------------------------------------------------------


@dataclass(frozen=True)
class _Triple:
    source: GoldActor
    target: GoldActor
    label: str  # CAMEO root or PLOVER type


def gold_triples(record: GoldRecord) -> list[_Triple]:
    """The (source, target, class) triples of a record's gold events."""
    triples: list[_Triple] = []
    for event in record.events:
        label = event.plover_type if record.format == "plover" else event.cameo_code[:2]
        sources = list(event.sources) or [GoldActor()]
        targets = list(event.targets)
        if event.reciprocal or (not targets and len(sources) > 1):
            sides = list(dict.fromkeys(sources + targets))
            pairs = [(a, b) for a in sides for b in sides if a != b]
        else:
            pairs = [(s, t) for s in sources for t in (targets or [GoldActor()])]
        triples.extend(_Triple(s, t, label) for s, t in pairs)
    return triples


def _actor_matches(gold: GoldActor, country: str, text: str) -> bool:
    if gold.country:
        return gold.country == country
    if gold.text:
        return texts_overlap(gold.text, text)
    # unknown gold actor ("---" or no target): matches an unknown coded one
    return not country


def _triple_matches(triple: _Triple, event: Event, label: str) -> bool:
    return (
        triple.label == label
        and _actor_matches(triple.source, event.source_country, event.source_text)
        and _actor_matches(triple.target, event.target_country, event.target_text)
    )


def _event_label(event: Event, fmt: str, ontology: Ontology) -> str:
    if fmt == "plover":
        return _current_plover(event, ontology)
    return event.cameo_root or event.cameo_code[:2]


def _current_plover(event: Event, ontology: Ontology) -> str:
    name = event.plover_type
    if not name and ontology.is_cameo(event.cameo_code):
        name = ontology.cameo(event.cameo_code).plover_type
    if not name:
        return ""
    try:
        return ontology.current_plover_name(name)
    except OntologyError:
        return name.upper()


def _side(actor: GoldActor) -> str:
    return actor.country or (f'"{actor.text}"' if actor.text else "?")


def score(
    records: Sequence[GoldRecord],
    coded: Mapping[str, Sequence[Event]],
    *,
    ontology: Ontology | None = None,
    include_negated: bool = False,
    path: str = "",
) -> tuple[
    FileCounts, list[RecordResult], Counter[tuple[str, str]], Counter[tuple[str, str]]
]:
    """Score coded events against gold records (the metric code of :func:`evaluate`).

    Parameters
    ----------
    records:
        Gold records, with gold countries already resolved.
    coded:
        Coded events by ``record_id``.

    Returns
    -------
    tuple
        ``(counts, per-record results, root confusion, PLOVER confusion)``;
        the confusions count (gold, coded) pairs.
    """
    ontology = ontology or get_ontology()
    counts = FileCounts(path=path)
    results: list[RecordResult] = []
    confusion: Counter[tuple[str, str]] = Counter()
    plover_confusion: Counter[tuple[str, str]] = Counter()
    for record in records:
        events = [
            e
            for e in coded.get(record.record_id, ())
            if include_negated or not e.negated
        ]
        counts.records += 1
        counts.formats[record.format] = counts.formats.get(record.format, 0) + 1
        counts.gold_events += len(record.events)
        counts.coded_events += len(events)
        coded_roots = [e.cameo_root or e.cameo_code[:2] for e in events]
        coded_codes = [e.cameo_code for e in events]
        coded_plover = [_current_plover(e, ontology) for e in events]

        root_right = code_right = plover_right = None
        if not record.events:
            counts.no_event_total += 1
            counts.no_event_correct += not events
            confusion[(NO_EVENT, coded_roots[0] if coded_roots else NO_EVENT)] += 1
        elif record.format != "plover":
            gold_roots = list(dict.fromkeys(e.cameo_code[:2] for e in record.events))
            gold_codes = {e.cameo_code for e in record.events}
            root_right = any(r in gold_roots for r in coded_roots)
            code_right = any(c in gold_codes for c in coded_codes)
            counts.root_total += 1
            counts.root_correct += root_right
            counts.code_correct += code_right
            for gold_root in gold_roots:
                if gold_root in coded_roots:
                    confusion[(gold_root, gold_root)] += 1
                else:
                    confusion[
                        (gold_root, coded_roots[0] if coded_roots else NO_EVENT)
                    ] += 1
        gold_types = list(
            dict.fromkeys(e.plover_type for e in record.events if e.plover_type)
        )
        if gold_types:
            plover_right = any(t in gold_types for t in coded_plover)
            counts.plover_total += 1
            counts.plover_correct += plover_right
            for gold_type in gold_types:
                guess = (
                    gold_type
                    if gold_type in coded_plover
                    else next((t for t in coded_plover if t), NO_EVENT)
                )
                plover_confusion[(gold_type, guess)] += 1

        triples = gold_triples(record)
        labels = [_event_label(e, record.format, ontology) for e in events]
        unused = list(range(len(events)))
        true_positives = 0
        for triple in triples:
            for index in unused:
                if _triple_matches(triple, events[index], labels[index]):
                    unused.remove(index)
                    true_positives += 1
                    break
        counts.true_positives += true_positives
        counts.gold_triples += len(triples)
        counts.coded_triples += len(events)
        results.append(
            RecordResult(
                record_id=record.record_id,
                origin=record.origin,
                text=record.text,
                format=record.format,
                gold=[
                    f"{_side(t.source)}>{_side(t.target)}:{t.label}" for t in triples
                ],
                coded=[
                    f"{e.source_country or '?'}>{e.target_country or '?'}:{e.cameo_code}"
                    f"/{_current_plover(e, ontology) or '-'}"
                    for e in events
                ],
                root_right=root_right,
                code_right=code_right,
                plover_right=plover_right,
                true_positives=true_positives,
            )
        )
    return counts, results, confusion, plover_confusion


def _nested(counter: Counter[tuple[str, str]]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for (gold, guess), n in sorted(counter.items()):
        table[gold][guess] = n
    return dict(table)


def _code_records(
    records: Sequence[GoldRecord], pipeline: Any
) -> dict[str, list[Event]]:
    articles = (
        Article(
            doc_id=record.record_id,
            text=record.text,
            date=record.date,
            date_source="input" if record.date else "none",
            origin=record.origin,
            input_format="jsonl",
        )
        for record in records
    )
    coded: dict[str, list[Event]] = {}
    batched = getattr(pipeline, "pipe", None)
    stream: Iterable[Article] = (
        batched(articles) if batched else (pipeline(a) for a in articles)
    )
    for article in stream:
        coded[article.doc_id] = list(article.events)
    return coded


def _default_pipeline() -> Any:
    from .pipeline import Pipeline

    try:
        return Pipeline.default()
    except ImportError as e:
        raise PipelineError(
            f"the default pipeline cannot be built ({e}); install the missing stage "
            "module or pass pipeline= to evaluate()"
        ) from e


def evaluate(
    path: str | Path | Sequence[str | Path],
    *,
    pipeline: Any = None,
    limit: int | None = None,
    include_negated: bool = False,
    resolve_country: CountryResolver | None = None,
    ontology: Ontology | None = None,
) -> EvalReport:
    """Code the sentences of labelled files and score the events.

    Parameters
    ----------
    path:
        One labelled JSON Lines file or several (formats detected per record).
    pipeline:
        The pipeline to run (default: :meth:`detente.pipeline.Pipeline.default`).
        Anything with ``__call__(article) -> article`` (and optionally
        ``pipe``) will do.
    limit:
        Read at most this many records from each file.
    include_negated:
        Count events marked ``negated`` as coded events.
    resolve_country:
        ``(span, date) -> country`` for gold text spans (default: the actor
        resolver's ``lookup``); return ``""`` when unknown.

    Returns
    -------
    EvalReport

    Examples
    --------
    >>> report = evaluate("cameo_examples_dev.jsonl", limit=20)   # doctest: +SKIP
    >>> report.root_accuracy                                        # doctest: +SKIP
    """
    paths = [path] if isinstance(path, (str, Path)) else list(path)
    ontology = ontology or get_ontology()
    # read every file first, so a bad input fails before the models load
    labelled = [
        (one, read_labelled(one, limit=limit, ontology=ontology)) for one in paths
    ]
    if pipeline is None:
        pipeline = _default_pipeline()
    if resolve_country is None:
        resolve_country = actor_resolver_countries()
    total = FileCounts(path="total")
    files: list[FileCounts] = []
    results: list[RecordResult] = []
    confusion: Counter[tuple[str, str]] = Counter()
    plover_confusion: Counter[tuple[str, str]] = Counter()
    stats: Counter[str] = Counter()
    for one, records in labelled:
        records = _resolve_spans(records, resolve_country, stats)
        coded = _code_records(records, pipeline)
        counts, file_results, file_confusion, file_plover = score(
            records,
            coded,
            ontology=ontology,
            include_negated=include_negated,
            path=str(one),
        )
        files.append(counts)
        total.add(counts)
        results.extend(file_results)
        confusion.update(file_confusion)
        plover_confusion.update(file_plover)
    return EvalReport(
        total=total,
        files=files,
        confusion=_nested(confusion),
        plover_confusion=_nested(plover_confusion),
        results=results,
        gold_countries=dict(stats),
    )
