"""The pipeline on real news text from ../shared/corpus/articles (AG News "World").

The snippets carry no date; the tests give each one a publication date so that
relative expressions ("yesterday") can be checked.
"""

from __future__ import annotations

import gzip
import json

import pytest

from detente.api import code_text

ARTICLE_DATE = "2004-08-01"

CASES = [
    # (record id, source country, target country, allowed CAMEO roots, expected date or None)
    (
        "agnews-test:140",
        "ISR",
        "PSE",
        {"03"},
        "2004-07-31",
    ),  # "announced plans ... yesterday"
    (
        "agnews-test:333",
        "ISR",
        "PSE",
        {"18", "19"},
        None,
    ),  # soldiers shot and killed a Palestinian
    (
        "agnews-test:58",
        "IRQ",
        "IRQ",
        {"02"},
        None,
    ),  # conference called on al-Sadr to abandon
    (
        "agnews-test:186",
        "RUS",
        "GEO",
        {"03"},
        None,
    ),  # Russia ready to contribute to settlement
]


@pytest.fixture(scope="module")
def agnews(corpus_dir):
    records = {}
    with gzip.open(
        corpus_dir / "articles" / "agnews_world.jsonl.gz", "rt", encoding="utf-8"
    ) as f:
        for line in f:
            record = json.loads(line)
            records[record["id"]] = record
    return records


@pytest.mark.parametrize(
    ("record_id", "source", "target", "roots", "date"), CASES, ids=[c[0] for c in CASES]
)
def test_real_news_snippet_is_coded(agnews, record_id, source, target, roots, date):
    record = agnews[record_id]
    events = code_text(record["text"], date=ARTICLE_DATE, doc_id=record_id)
    matching = [
        e
        for e in events
        if e.source_country == source
        and e.target_country == target
        and e.cameo_root in roots
        and not e.negated
    ]
    coded = [(e.source_actor, e.target_actor, e.cameo_code) for e in events]
    assert matching, f"{source}->{target} root {roots} not in {coded}"
    if date is not None:
        assert any(
            e.event_date == date and e.event_date_source == "text" for e in matching
        )
