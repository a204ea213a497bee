"""The ``dates`` stage: date expressions in the text, and the date of each event.

:class:`DateResolver` finds date expressions in each sentence (spaCy ``DATE``
entities plus detente's own patterns for weekdays and relative phrases),
resolves them against the article date, records them as
:class:`~detente.models.DateMention` and then dates every event:

1. a date expression attached to the event's verb in the parse (the verb's
   subtree, e.g. ``arrived -> prep "on" -> pobj "May 24"``, or a temporal
   modifier ``npadvmod`` "yesterday");
2. else the only date expression of the event's sentence;
3. else the article date (``event_date_source = "article"``), or nothing
   (``"none"``) when the article has no date.

Resolution rules (``DateMention.rule``):

===================  ==========================================  ===========
rule                 example (article date 2021-05-26, Wed)      date
===================  ==========================================  ===========
``absolute``         "May 24, 2021", "24 May", "on May 24"        2021-05-24
``iso``              "2021-05-24"                                 2021-05-24
``relative:today``   "today", "this morning", "tonight"           2021-05-26
``relative:yesterday`` "yesterday", "last night"                  2021-05-25
``relative:tomorrow``  "tomorrow"                                 2021-05-27
``relative:ago``     "two days ago", "3 weeks ago"                2021-05-24
``weekday``          "on Monday" (most recent before the article) 2021-05-24
``relative:week``    "last week" / "this week" / "next week"      Monday of it
``relative:month``   "last month" / "this month" / "next month"   1st of it
``relative:year``    "last year" / "this year" / "next year"      1 January
``month``            "in March" (not after the article)           2021-03-01
``year``             "in 2019"                                    2019-01-01
===================  ==========================================  ===========

A year-less absolute date takes the year that puts it at or before the
article date (within ``future_days``, default 7, for announced events). Dates
of week, month or year granularity resolve to their first day; the
granularity is kept in ``DateMention.granularity`` and appended to
``Event.event_date_raw`` as ``" [month]"``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .models import Article, DateMention, Event
from .registry import stages

logger = logging.getLogger(__name__)

_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_HAS_DIGIT_OR_MONTH = re.compile(
    r"\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE
)


def parse_date(
    raw: str | None, *, reference: dt.date | None = None, future_days: int = 7
) -> dt.date | None:
    """Parse a date string as found in metadata, bylines or datelines.

    Parameters
    ----------
    raw:
        ``"2021-05-26"``, ``"2020/7/15 13:03:40"``, ``"May 26, 2021"``,
        ``"Oct 3"`` (year-less), ``"26-FEB-1987 15:01:01.79"`` ...
    reference:
        The date a year-less string is relative to (the article date); without
        it a year-less string gives ``None``.
    future_days:
        How far after ``reference`` a year-less date may fall before the
        previous year is taken instead.

    Returns
    -------
    datetime.date or None
        ``None`` when the string is not a date.
    """
    if not raw:
        return None
    text = raw.strip()
    iso = _ISO.match(text)
    if iso:
        try:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    if not _HAS_DIGIT_OR_MONTH.search(text):
        return None
    from dateutil import parser as date_parser

    has_year = _YEAR.search(text) is not None
    if not has_year and reference is None:
        return None
    base = dt.datetime(reference.year if reference else 2000, 1, 1)
    try:
        parsed = date_parser.parse(text, default=base, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None
    if has_year or reference is None:
        return parsed
    return _year_before(parsed.month, parsed.day, reference, future_days=future_days)


def _year_before(
    month: int, day: int, reference: dt.date, *, future_days: int = 7
) -> dt.date | None:
    """The date (month, day) in the year that is not after ``reference``."""
    for year in (reference.year + 1, reference.year, reference.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference + dt.timedelta(days=future_days):
            return candidate
    return None


# -- date expressions ----------------------------------------------------------

_WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "several": 3, "a few": 3, "few": 3, "couple of": 2, "a couple of": 2,
}  # fmt: skip
_WEEKDAY_RE = "|".join(_WEEKDAYS)
_MONTH_CAP = (
    "January|February|March|April|May|June|July|August|September|October|"
    "November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|"
    "Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
_NUMBER_RE = r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|(?:a )?few|(?:a )?couple of"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"

#: detente's own patterns, added to spaCy's DATE entities.
EXPRESSION_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?:the\s+)?day\s+before\s+yesterday\b", re.IGNORECASE),
    re.compile(
        rf"\b(?:yesterday|today|tonight|tomorrow){_PART_OF_DAY}\b", re.IGNORECASE
    ),
    re.compile(
        r"\b(?:earlier\s+|later\s+)?(?:this|last)\s+(?:morning|afternoon|evening|night)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:(?:on|last|this|next|this\s+past|this\s+coming|earlier\s+on)\s+)?(?:{_WEEKDAY_RE}){_PART_OF_DAY}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:{_NUMBER_RE})\s+(?:day|week|month|year)s?\s+ago\b", re.IGNORECASE
    ),
    re.compile(
        r"\b(?:(?:the\s+)?(?:last|past|this|next|coming)|earlier\s+this|later\s+this)\s+(?:week|month|year)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:(?:on|in|since|last|next|this|early|late|mid-?)\s+)?(?:{_MONTH_CAP})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d\d)?\b"
    ),
    re.compile(
        rf"\b(?:on\s+)?(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_CAP})(?:,?\s+(?:19|20)\d\d)?\b"
    ),
    re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d\b"),
    re.compile(r"\b(?:in|since|during)\s+(?:19|20)\d\d\b"),
)
_LEADING_WORDS = re.compile(
    r"^(?:on|in|at|since|during|from|by|until|till|of|the|early|late|mid-?)\s*",
    re.IGNORECASE,
)
_FUTURE_WORDS = frozenset(
    {
        "will",
        "shall",
        "'ll",
        "upcoming",
        "scheduled",
        "planned",
        "next",
        "coming",
        "expected",
    }
)

Resolved = tuple[dt.date, str, str]  # date, rule, granularity


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _number(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def resolve_expression(
    text: str, reference: dt.date | None, *, future: bool = False, future_days: int = 7
) -> Resolved | None:
    """Resolve one date expression against the article date ``reference``.

    Parameters
    ----------
    text:
        The expression, e.g. ``"on May 24"``, ``"yesterday"``, ``"last week"``.
    reference:
        The article date; without it only expressions with a year resolve.
    future:
        The sentence speaks of the future ("will meet on Monday"): weekdays and
        year-less dates resolve forward instead of backward.
    future_days:
        How far after ``reference`` a year-less date may fall otherwise.

    Returns
    -------
    tuple or None
        ``(date, rule, granularity)`` (see the module docstring), or ``None``
        when the expression is not a point in time ("20 years", "the 1990s").
    """
    raw = " ".join(text.split())
    lowered = raw.lower().replace("’", "'")
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    previous = None
    while previous != lowered:
        previous = lowered
        lowered = _LEADING_WORDS.sub("", lowered, count=1)
    lowered = lowered.strip(" ,.")
    if not lowered:
        return None
    iso = _ISO.fullmatch(lowered)
    if iso:
        found = parse_date(lowered)
        return (found, "iso", "day") if found else None
    if reference is not None:
        relative = _resolve_relative(lowered, reference, future=future)
        if relative is not None:
            return relative
    return _resolve_calendar(lowered, reference, future=future, future_days=future_days)


def _resolve_relative(text: str, ref: dt.date, *, future: bool) -> Resolved | None:
    one_day = dt.timedelta(days=1)
    if text in ("day before yesterday",):
        return ref - 2 * one_day, "relative:yesterday", "day"
    head, _, part = text.partition(" ")
    if head in ("today", "tonight") or text in (
        "this morning",
        "this afternoon",
        "this evening",
        "earlier this morning",
        "later this morning",
        "earlier this afternoon",
        "later this afternoon",
        "earlier this evening",
        "later this evening",
        "tonight",
    ):
        return ref, "relative:today", "day"
    if head == "yesterday" or text in ("last night", "last evening"):
        return ref - one_day, "relative:yesterday", "day"
    if head == "tomorrow":
        return ref + one_day, "relative:tomorrow", "day"
    ago = re.fullmatch(rf"({_NUMBER_RE})\s+(day|week|month|year)s?\s+ago", text)
    if ago:
        count = _number(ago.group(1))
        if count is None:
            return None
        unit = ago.group(2)
        if unit == "day":
            return ref - count * one_day, "relative:ago", "day"
        if unit == "week":
            return ref - dt.timedelta(weeks=count), "relative:ago", "day"
        if unit == "month":
            return _shift_months(ref, -count), "relative:ago", "month"
        return dt.date(ref.year - count, 1, 1), "relative:ago", "year"
    period = re.fullmatch(
        r"(last|past|this|next|coming|earlier this|later this)\s+(week|month|year)",
        text,
    )
    if period:
        which, unit = period.groups()
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
        if unit == "week":
            return _monday(ref) + dt.timedelta(weeks=step), "relative:week", "week"
        if unit == "month":
            return _shift_months(ref, step), "relative:month", "month"
        return dt.date(ref.year + step, 1, 1), "relative:year", "year"
    weekday = re.fullmatch(
        rf"(?:(last|this|next|this past|this coming|earlier on)\s+)?({_WEEKDAY_RE})(?:\s+(?:morning|afternoon|evening|night))?",
        text,
    )
    if weekday:
        modifier, name = weekday.groups()
        target = _WEEKDAYS.index(name)
        back = (ref.weekday() - target) % 7
        forward = (target - ref.weekday()) % 7
        if modifier in ("next", "this coming") or (future and modifier is None):
            return ref + dt.timedelta(days=forward or 7), "weekday", "day"
        if modifier in ("last", "this past"):
            return ref - dt.timedelta(days=back or 7), "weekday", "day"
        # "on Monday" in a Monday paper is that day; otherwise the latest one before.
        return ref - dt.timedelta(days=back), "weekday", "day"
    return None


def _resolve_calendar(
    text: str, ref: dt.date | None, *, future: bool, future_days: int
) -> Resolved | None:
    modifier = None
    words = text.split()
    if words and words[0] in ("last", "next", "this"):
        modifier, words = words[0], words[1:]
    text = " ".join(words)
    year_only = re.fullmatch(r"(1[89]\d\d|2[01]\d\d)", text)
    if year_only:
        return dt.date(int(text), 1, 1), "year", "year"
    month_year = re.fullmatch(r"([a-z]+)\.?,?(?:\s+(\d{4}))?", text)
    if month_year and month_year.group(1) in _MONTHS:
        month = _MONTHS[month_year.group(1)]
        if month_year.group(2):
            return dt.date(int(month_year.group(2)), month, 1), "month", "month"
        if ref is None:
            return None
        year = ref.year
        if modifier == "next" or (future and modifier is None):
            year = ref.year if month > ref.month else ref.year + 1
        elif modifier == "last":
            year = ref.year if month < ref.month else ref.year - 1
        elif month > ref.month:
            year = ref.year - 1
        return dt.date(year, month, 1), "month", "month"
    day_month = re.fullmatch(
        r"(?:([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?)(?:,?\s+(\d{4}))?",
        text,
    )
    if day_month:
        name = day_month.group(1) or day_month.group(4)
        day = int(day_month.group(2) or day_month.group(3))
        if name not in _MONTHS:
            return None
        month = _MONTHS[name]
        if day_month.group(5):
            try:
                return dt.date(int(day_month.group(5)), month, day), "absolute", "day"
            except ValueError:
                return None
        if ref is None:
            return None
        found = _year_before(
            month, day, ref, future_days=366 if future else future_days
        )
        return (found, "absolute", "day") if found else None
    numeric = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text)
    if numeric:
        found = parse_date(text)
        return (found, "absolute", "day") if found else None
    return None


# -- the stage -------------------------------------------------------------------


def _char_span(doc: Any, start: int, end: int) -> Any:
    return doc.char_span(start, end, alignment_mode="expand")


class DateResolver:
    """Pipeline stage: date expressions of each sentence and the date of each event.

    Parameters
    ----------
    future_days:
        How far after the article date a year-less date may fall (days) when the
        sentence is not about the future.
    use_entities:
        Also use spaCy's ``DATE`` entities (default), not only the patterns.
    """

    name = "dates"
    requires = ("doc", "events")
    assigns = ("date_mentions",)

    def __init__(
        self, *, future_days: int = 7, use_entities: bool = True, **_: Any
    ) -> None:
        self.future_days = future_days
        self.use_entities = use_entities

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        article.date_mentions = (
            list(self.find_mentions(doc, article.date)) if doc is not None else []
        )
        for event in article.events:
            self.date_event(event, article)
        return article

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int = 32
    ) -> Iterator[Article]:
        for article in articles:
            yield self(article)

    # -- mentions ------------------------------------------------------------------

    def find_mentions(
        self, doc: Any, reference: dt.date | None
    ) -> Iterator[DateMention]:
        """Yield the resolved date expressions of ``doc``, sentence by sentence."""
        full_text = doc.text  # spaCy rebuilds Doc.text from its tokens on every access
        for index, sent in enumerate(doc.sents):
            yield from self._sentence_mentions(full_text, sent, index, reference)

    def _sentence_mentions(
        self, full_text: str, sent: Any, index: int, reference: dt.date | None
    ) -> list[DateMention]:
        text = sent.text
        offset = sent.start_char
        candidates: list[tuple[int, int]] = []
        if self.use_entities:
            candidates += [
                (e.start_char, e.end_char) for e in sent.ents if e.label_ == "DATE"
            ]
        for pattern in EXPRESSION_PATTERNS:
            candidates += [
                (offset + m.start(), offset + m.end()) for m in pattern.finditer(text)
            ]
        future = any(t.lower_ in _FUTURE_WORDS for t in sent)
        resolved: list[DateMention] = []
        for start, end in sorted(set(candidates), key=lambda c: (-(c[1] - c[0]), c[0])):
            if any(start < m.end and m.start < end for m in resolved):
                continue
            if full_text[end : end + 2] not in ("'s", "\u2019s"):  # "in today's paper"
                start = self._with_preposition(full_text, start, offset)
            expression = full_text[start:end]
            found = resolve_expression(
                expression, reference, future=future, future_days=self.future_days
            )
            if found is None:
                continue
            date, rule, granularity = found
            resolved.append(
                DateMention(expression, start, end, index, date, rule, granularity)
            )
        return sorted(resolved, key=lambda m: m.start)

    @staticmethod
    def _with_preposition(text: str, start: int, floor: int) -> int:
        before = re.search(
            r"\b(?:on|in)\s+$", text[max(floor, start - 4) : start], re.IGNORECASE
        )
        return start - len(before.group(0)) if before else start

    # -- events ----------------------------------------------------------------------

    def date_event(self, event: Event, article: Article) -> None:
        """Set ``event_date``, ``event_date_source`` and ``event_date_raw`` of ``event``."""
        mention = self.mention_for_event(event, article)
        if mention is not None and mention.date is not None:
            event.event_date = mention.date.isoformat()
            event.event_date_source = "text"
            suffix = f" [{mention.granularity}]" if mention.granularity != "day" else ""
            event.event_date_raw = mention.text + suffix
        elif article.date is not None:
            event.event_date = article.date.isoformat()
            event.event_date_source = "article"
            event.event_date_raw = ""
        else:
            event.event_date = None
            event.event_date_source = "none"
            event.event_date_raw = ""

    def mention_for_event(self, event: Event, article: Article) -> DateMention | None:
        """The date expression that dates ``event``, or ``None`` (article date)."""
        in_sentence = [
            m
            for m in article.date_mentions
            if m.sentence_index == event.sentence_index and m.date is not None
        ]
        if not in_sentence:
            return None
        doc = article.doc
        verb = None
        verb_tokens: set[int] = set()
        if doc is not None and event.verb_span is not None:
            span = _char_span(doc, *event.verb_span)
            if span is not None and len(span):
                verb = span.root
                verb_tokens = {token.i for token in span}
        if verb is not None:
            attached = []
            for mention in in_sentence:
                span = _char_span(doc, mention.start, mention.end)
                if span is None or not len(span):
                    continue
                governor = _governing_verb(span.root)
                if governor is not None and governor.i in verb_tokens:
                    attached.append((abs(span.root.i - verb.i), mention))
            if attached:
                return min(attached, key=lambda pair: pair[0])[1]
        if len(in_sentence) == 1:
            mention = in_sentence[0]
            if verb is not None and _in_other_modifier_clause(doc, mention, verb):
                return None
            return mention
        return None


def _governing_verb(token: Any) -> Any:
    """The nearest verb above ``token`` in the parse (``None`` at the root)."""
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
            return current
    return None


def _in_other_modifier_clause(doc: Any, mention: DateMention, verb: Any) -> bool:
    """True when the date sits in a relative/adverbial clause the verb is not in."""
    span = _char_span(doc, mention.start, mention.end)
    if span is None or not len(span):
        return False
    governor = _governing_verb(span.root)
    if governor is None or governor.dep_ not in ("relcl", "acl", "advcl"):
        return False
    return verb not in list(governor.subtree)


@stages.register("detente.dates.v1")
def make_date_resolver(**options: Any) -> DateResolver:
    """Factory of the ``dates`` stage (ignores options it does not use)."""
    return DateResolver(
        **{k: v for k, v in options.items() if k in ("future_days", "use_entities")}
    )
