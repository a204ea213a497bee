"""DateResolver dates events from the parse, on real spaCy parses."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.dates import DateResolver
from detente.models import Article, Event
from detente.pipeline import Pipeline
from detente.registry import stages

MAY_26 = dt.date(2021, 5, 26)  # a Wednesday


def make_event(article: Article, verb: str, *, sentence_index: int = 0) -> Event:
    start = article.text.index(verb)
    return Event(
        doc_id=article.doc_id, sentence=article.text, span=(0, len(article.text)),
        source_actor="CHN", source_country="CHN", target_actor="RUS", target_country="RUS",
        cameo_code="040", cameo_root="04", goldstein=1.0, quad_class=1,
        plover_type="CONSULT", event_date=None, sentence_index=sentence_index,
        verb_text=verb, verb_span=(start, start + len(verb)),
    )  # fmt: skip


def run(nlp, text: str, verbs: list[str], date: dt.date | None) -> Article:
    article = Article(doc_id="t", text=text, date=date)
    article.doc = nlp(text)
    article.events = [make_event(article, verb) for verb in verbs]
    return DateResolver()(article)


@pytest.mark.parametrize(
    ("text", "verb", "article_date", "event_date", "raw"),
    [
        (
            "Yang Jiechi arrived in Moscow on May 24.",
            "arrived",
            MAY_26,
            "2021-05-24",
            "on May 24",
        ),
        (
            "The talks were held yesterday in Moscow.",
            "held",
            MAY_26,
            "2021-05-25",
            "yesterday",
        ),
        ("Putin met Xi on Monday.", "met", MAY_26, "2021-05-24", "on Monday"),
        ("Putin met Xi on Thursday.", "met", MAY_26, "2021-05-20", "on Thursday"),
        (
            "Russia imposed sanctions on Ukraine in March.",
            "imposed",
            MAY_26,
            "2021-03-01",
            "in March [month]",
        ),
        (
            "Russia imposed sanctions on Ukraine in March.",
            "imposed",
            dt.date(2021, 2, 10),
            "2020-03-01",
            "in March [month]",
        ),
        (
            "China condemned the strike two days ago.",
            "condemned",
            MAY_26,
            "2021-05-24",
            "two days ago",
        ),
        (
            "Iran rejected the proposal last week.",
            "rejected",
            MAY_26,
            "2021-05-17",
            "last week [week]",
        ),
    ],
    ids=[
        "absolute",
        "yesterday",
        "weekday-monday",
        "weekday-thursday",
        "month-same-year",
        "month-previous-year",
        "days-ago",
        "last-week",
    ],
)
def test_event_dated_from_text(nlp, text, verb, article_date, event_date, raw) -> None:
    article = run(nlp, text, [verb], article_date)
    [event] = article.events
    assert (event.event_date, event.event_date_source, event.event_date_raw) == (
        event_date,
        "text",
        raw,
    )


def test_date_attached_to_the_verb_wins_over_other_dates(nlp) -> None:
    text = "Yang Jiechi arrived in Moscow on May 24 and met Patrushev yesterday."
    arrived, met = run(nlp, text, ["arrived", "met"], MAY_26).events
    assert arrived.event_date == "2021-05-24"
    assert met.event_date == "2021-05-25" and met.event_date_raw == "yesterday"


def test_date_in_a_relative_clause_does_not_date_the_main_verb(nlp) -> None:
    held, ended = run(
        nlp,
        "The talks held yesterday ended without agreement.",
        ["held", "ended"],
        MAY_26,
    ).events
    assert held.event_date == "2021-05-25"
    assert (ended.event_date, ended.event_date_source) == ("2021-05-26", "article")


def test_undated_sentence_falls_back_to_article_date(nlp) -> None:
    [event] = run(
        nlp, "China criticized the United States.", ["criticized"], MAY_26
    ).events
    assert (event.event_date, event.event_date_source, event.event_date_raw) == (
        "2021-05-26",
        "article",
        "",
    )


def test_no_article_date_and_no_expression_gives_none(nlp) -> None:
    [event] = run(
        nlp, "China criticized the United States.", ["criticized"], None
    ).events
    assert (event.event_date, event.event_date_source) == (None, "none")


def test_mentions_are_recorded_per_sentence(nlp) -> None:
    text = "Xi spoke to Putin on Monday. The talks continue today."
    article = run(nlp, text, [], MAY_26)
    found = [(m.text, m.sentence_index, m.date, m.rule) for m in article.date_mentions]
    assert found == [
        ("on Monday", 0, dt.date(2021, 5, 24), "weekday"),
        ("today", 1, MAY_26, "relative:today"),
    ]
    for mention in article.date_mentions:
        assert text[mention.start : mention.end] == mention.text


def test_stage_is_registered_and_declares_its_contract() -> None:
    resolver = stages.get("detente.dates.v1")(model="ignored", batch_size=3)
    assert isinstance(resolver, DateResolver)
    assert (resolver.name, resolver.requires, resolver.assigns) == (
        "dates",
        ("doc", "events"),
        ("date_mentions",),
    )


def test_stage_runs_in_a_pipeline(nlp) -> None:
    from detente.nlp import NlpParser

    class FakeCoder:
        name, requires, assigns = "coding", ("doc",), ("events",)

        def __call__(self, article: Article) -> Article:
            article.events = [make_event(article, "met")]
            return article

    pipeline = Pipeline([NlpParser(), FakeCoder(), DateResolver()])
    article = pipeline(Article(doc_id="p", text="Putin met Xi on Monday.", date=MAY_26))
    assert article.events[0].event_date == "2021-05-24"
    assert article.stages_run == ["nlp", "coding", "dates"]


def test_possessive_date_does_not_take_the_preposition(nlp) -> None:
    article = run(
        nlp, "The editorial in today’s Global Times praised Russia.", [], MAY_26
    )
    [mention] = article.date_mentions
    assert mention.text == "today" and mention.date == MAY_26
