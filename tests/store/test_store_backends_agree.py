"""DuckDB and PostgreSQL hold identical events for the same articles."""

from __future__ import annotations

import pandas as pd
import pytest

from detente.dedup import DEDUP_MODES
from detente.store import Store

from .factories import sample_corpus


@pytest.fixture(scope="module")
def corpus():
    return sample_corpus(200)


def _frames(store: Store) -> dict[str, pd.DataFrame]:
    frames = {}
    for mode in DEDUP_MODES:
        frame = store.events_frame(dedup=mode, include_negated=True)
        frames[mode] = frame.sort_values("event_key").reset_index(drop=True)
    mentions = store.mentions_frame(dedup="story", include_negated=True)
    frames["mentions"] = mentions.sort_values(["doc_id", "mention_index"]).reset_index(
        drop=True
    )
    return frames


def test_store_backends_agree_on_200_articles(tmp_path, postgres_url, corpus):
    with Store.open(tmp_path / "events.duckdb") as duck:
        duck.add_articles(corpus, batch_size=50)
        duck_frames, duck_counts = _frames(duck), duck.counts()
    with Store.open(postgres_url) as pg:
        pg.add_articles(corpus, batch_size=50)
        pg_frames, pg_counts = _frames(pg), pg.counts()
    assert duck_counts == pg_counts
    assert duck_counts["documents"] == 200
    # The corpus repeats stories, so both merging modes have fewer events.
    events = duck_counts["events"]
    assert events["none"] > max(events["one-a-day"], events["story"])
    for name in duck_frames:
        pd.testing.assert_frame_equal(
            duck_frames[name], pg_frames[name], check_exact=False, obj=name
        )


def test_store_backends_agree_article_by_article(tmp_path, postgres_url, corpus):
    """The per-document path gives the same events as the batched one."""
    subset = corpus[:60]
    with Store.open(tmp_path / "batched.duckdb") as batched:
        batched.add_articles(subset, batch_size=60)
        expected = _frames(batched)
    with Store.open(postgres_url) as pg:
        for article in subset:
            pg.add_article(article)
        found = _frames(pg)
    for name in expected:
        pd.testing.assert_frame_equal(
            expected[name], found[name], check_exact=False, obj=name
        )
