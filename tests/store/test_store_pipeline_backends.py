"""Real articles through the real pipeline: DuckDB and PostgreSQL store the same events."""

from __future__ import annotations

import gzip
import itertools
import json

import pandas as pd
import pytest

from detente.dedup import DEDUP_MODES
from detente.store import Store

N_ARTICLES = 10

pytestmark = pytest.mark.slow  # the full pipeline (with the embedding fallback)


@pytest.fixture(scope="module")
def coded_articles(corpus_dir):
    from detente.api import get_pipeline, make_article

    path = corpus_dir / "articles" / "abp_international.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in itertools.islice(handle, N_ARTICLES)]
    articles = [
        make_article(
            r["text"][:2500],
            date=r["date"],
            title=r["title"] or "",
            source=r["source"] or "",
            url=r.get("url") or "",
            doc_id=r["id"],
        )
        for r in records
    ]
    return list(get_pipeline().pipe(articles))


def test_store_pipeline_events_identical_on_both_backends(
    coded_articles, tmp_path, postgres_url
):
    assert sum(len(a.events) for a in coded_articles) > 0, (
        "the pipeline coded no events"
    )
    frames = {}
    for name, url in (
        ("duckdb", str(tmp_path / "e.duckdb")),
        ("postgresql", postgres_url),
    ):
        with Store.open(url) as store:
            assert store.add_articles(coded_articles, batch_size=10) == N_ARTICLES
            frames[name] = {
                mode: store.events_frame(dedup=mode, include_negated=True)
                .sort_values("event_key")
                .reset_index(drop=True)
                for mode in DEDUP_MODES
            }
            frames[name]["counts"] = store.counts()
    assert frames["duckdb"].pop("counts") == frames["postgresql"].pop("counts")
    for mode in DEDUP_MODES:
        pd.testing.assert_frame_equal(
            frames["duckdb"][mode],
            frames["postgresql"][mode],
            check_exact=False,
            obj=mode,
        )


def test_store_pipeline_tone_reaches_the_store(coded_articles, tmp_path):
    with Store.open(tmp_path / "t.duckdb") as store:
        store.add_articles(coded_articles)
        _, rows = store.query("SELECT count(*), count(tone) FROM sentences")
        total, with_tone = rows[0]
        assert total > 0 and with_tone == total
        _, rows = store.query("SELECT count(*) FROM documents WHERE tone IS NULL")
        assert rows == [(0,)]
