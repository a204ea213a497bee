"""End to end on the seed articles, with the real actor resolver."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import Article


@pytest.fixture(scope="module")
def seed_events(seeds_dir):
    from detente.pipeline import Pipeline

    pipeline = Pipeline.default(
        names=("detente.nlp.v1", "detente.actors.v1", "detente.cameo_coder.v1"),
        embedding_fallback=False,
    )
    events = []
    for path in sorted(seeds_dir.glob("*.txt")):
        article = Article(
            doc_id=path.stem, text=path.read_text(), date=dt.date(2021, 5, 26)
        )
        events += pipeline(article).events
    return events


def _has(events, sentence_part, source, target, code):
    return any(
        sentence_part in e.sentence
        and e.source_country == source
        and e.target_country.startswith(target)
        and e.cameo_code.startswith(code)
        and not e.negated
        for e in events
    )


@pytest.mark.parametrize(
    ("sentence_part", "source", "target", "code"),
    [
        pytest.param(
            "arrived in Moscow", "CHN", "RUS", "042", id="Yang arrives in Moscow"
        ),
        pytest.param("spoke by phone", "CHN", "RUS", "041", id="phone call with Putin"),
        pytest.param(
            "withdraw from the World Health", "USA", "IGO", "16", id="US leaves WHO"
        ),
        pytest.param(
            "sanctions on Russia from the West",
            "WST",
            "RUS",
            "163",
            id="Western sanctions on Russia",
        ),
        pytest.param(
            "launched various sanctions",
            "WST",
            "RUS",
            "163",
            id="they launched sanctions: Russia",
        ),
        pytest.param(
            "launched various sanctions",
            "WST",
            "CHN",
            "163",
            id="they launched sanctions: China",
        ),
        pytest.param("refused the US demand", "CHN", "USA", "12", id="Beijing refuses"),
        pytest.param("refused the US demand", "RUS", "USA", "12", id="Moscow refuses"),
    ],
)
def test_coding_seed_events(seed_events, sentence_part, source, target, code):
    assert _has(seed_events, sentence_part, source, target, code)


def test_coding_seed_boilerplate_codes_nothing(seed_events):
    boilerplate = ("Posted in", "Back to top", "comments powered by", "Illustration:")
    assert not [e for e in seed_events if e.sentence.strip().startswith(boilerplate)]
