"""De-duplication modes on a corpus where several articles report the same event."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from detente import dedup
from detente.errors import ConfigError
from detente.store import Store

from .factories import make_article

WIRE = (
    "Chinese and Russian officials met in Moscow on Wednesday to discuss strategic "
    "stability, arms control and regional security, according to a statement released "
    "by both foreign ministries after the meeting ended late in the evening."
)
EVENT = ("CHNGOV", "RUSGOV", "040")
MAY1, MAY2 = dt.date(2024, 5, 1), dt.date(2024, 5, 2)


def _corpus():
    """a1..a3 reprint one wire story; a4 is independent; a5 shares a1's title."""

    def report(date):
        return [(*EVENT, date.isoformat())]

    return [
        # Reuters tells the event twice in one article.
        make_article(
            "a1",
            MAY1,
            report(MAY1) * 2,
            source="Reuters",
            title="China, Russia hold talks in Moscow",
            extra=WIRE,
        ),
        make_article(
            "a2", MAY1, report(MAY1), source="AP", title="Talks in Moscow", extra=WIRE
        ),
        # The next day, AP runs the wire story again with the event dated May 2.
        make_article(
            "a3",
            MAY2,
            report(MAY2),
            source="AP",
            title="Moscow talks continue",
            extra=WIRE + " Updated.",
        ),
        make_article(
            "a4",
            MAY1,
            report(MAY1),
            source="AFP",
            title="Other take",
            extra="An entirely independent account of the day in Moscow by another reporter "
            * 3,
        ),
        make_article(
            "a5",
            dt.date(2024, 5, 3),
            report(dt.date(2024, 5, 2)),
            source="TASS",
            title="China, Russia hold talks in Moscow!",
            extra="Different words altogether, written by a separate desk for this outlet "
            * 3,
        ),
        # Three days later: never the same story event.
        make_article(
            "a6",
            dt.date(2024, 5, 5),
            report(dt.date(2024, 5, 5)),
            source="Reuters",
            title="China, Russia hold talks in Moscow",
            extra=WIRE,
        ),
    ]


def _row(frame: pd.DataFrame, doc_ids: set[str], store: Store, mode: str) -> pd.Series:
    for _, row in frame.iterrows():
        docs = {m["doc_id"] for m in store.event_mentions(row.event_key, dedup=mode)}
        if docs == doc_ids:
            return row
    raise AssertionError(f"no {mode} event with documents {sorted(doc_ids)}")


@pytest.fixture
def filled(any_store: Store) -> Store:
    any_store.add_articles(_corpus(), batch_size=2)
    return any_store


def test_dedup_none_keeps_every_mention(filled: Store):
    frame = filled.events_frame(dedup="none")
    assert len(frame) == 7
    assert set(frame.num_mentions) == {1}
    assert set(frame.dedup_mode) == {"none"}


def test_dedup_one_a_day_merges_same_dyad_code_and_date(filled: Store):
    frame = filled.events_frame(dedup="one-a-day")
    assert sorted(frame.event_date.dt.day) == [1, 2, 5]
    may1 = _row(frame, {"a1", "a2", "a4"}, filled, "one-a-day")
    assert (may1.num_mentions, may1.num_documents, may1.num_sources) == (4, 3, 3)
    assert may1.first_seen == pd.Timestamp(MAY1) and may1.last_seen == pd.Timestamp(
        MAY1
    )
    may2 = _row(frame, {"a3", "a5"}, filled, "one-a-day")
    assert (may2.num_mentions, may2.num_documents, may2.num_sources) == (2, 2, 2)
    assert may2.last_seen == pd.Timestamp(2024, 5, 3)
    assert set(frame.dedup_mode) == {"one-a-day"}


def test_dedup_story_merges_reprints_across_days_only(filled: Store):
    frame = filled.events_frame(dedup="story")
    assert len(frame) == 3
    story = _row(frame, {"a1", "a2", "a3", "a5"}, filled, "story")
    assert (story.num_mentions, story.num_documents, story.num_sources) == (5, 4, 3)
    assert story.event_date == pd.Timestamp(MAY1)
    assert story.first_seen == pd.Timestamp(MAY1)
    assert story.last_seen == pd.Timestamp(2024, 5, 3)
    alone = _row(frame, {"a4"}, filled, "story")
    assert alone.num_mentions == 1
    later = _row(frame, {"a6"}, filled, "story")
    assert later.event_date == pd.Timestamp(2024, 5, 5)


def test_dedup_story_does_not_depend_on_insertion_order(tmp_path):
    frames = []
    for name, corpus in (("forward", _corpus()), ("backward", _corpus()[::-1])):
        with Store.open(tmp_path / f"{name}.duckdb") as store:
            for article in corpus:
                store.add_article(article)
            frames.append(store.events_frame(dedup="story").sort_values("event_key"))
    columns = [
        "event_key",
        "num_mentions",
        "num_documents",
        "num_sources",
        "first_seen",
        "last_seen",
    ]
    pd.testing.assert_frame_equal(
        frames[0][columns].reset_index(drop=True),
        frames[1][columns].reset_index(drop=True),
    )


def test_dedup_tone_is_the_mean_of_the_mentioning_sentences(store: Store):
    store.add_article(make_article("p", MAY1, [(*EVENT, "2024-05-01")], tone=4.0))
    store.add_article(
        make_article("q", MAY1, [(*EVENT, "2024-05-01")], tone=-2.0, source="AP")
    )
    assert store.events_frame().tone.tolist() == [pytest.approx(1.0)]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("China, Russia hold talks!", "china russia hold talks"),
        ("  Élysée   welcomes   the   envoy ", "elysee welcomes the envoy"),
        ("Breaking news", ""),
    ],
    ids=["punctuation", "accents-and-spaces", "too-short"],
)
def test_dedup_title_key(title: str, expected: str):
    assert dedup.title_key(title) == expected


def test_dedup_signature_similarity_tracks_jaccard():
    near = dedup.signature_similarity(
        dedup.text_signature(WIRE), dedup.text_signature(WIRE + " Updated at noon.")
    )
    far = dedup.signature_similarity(
        dedup.text_signature(WIRE),
        dedup.text_signature("A different story about football results " * 4),
    )
    assert near >= dedup.STORY_MIN_JACCARD > far


def test_dedup_in_memory_one_a_day_groups_events():
    article = make_article(
        "x",
        MAY1,
        [(*EVENT, "2024-05-01")] * 3 + [("GBR", "FRAGOV", "040", "2024-05-01")],
    )
    groups = dedup.dedup_events(article.events, mode="one-a-day")
    assert [len(g) for g in groups] == [3, 1]
    assert len(dedup.dedup_events(article.events, mode="none")) == 4


def test_dedup_unknown_mode_lists_the_modes(store: Store):
    with pytest.raises(ConfigError, match="none, one-a-day, story"):
        store.events_frame(dedup="daily")
