"""The two seed articles: metadata from datelines and bylines, boilerplate gone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.ingest import extract

BOILERPLATE = (
    "Go to home page",
    "Back to top",
    "blog comments powered by Disqus",
    "Posted in",
)


@pytest.fixture(scope="module")
def eir(seeds_dir: Path):
    return extract(next(seeds_dir.glob("000_*.txt")))


@pytest.fixture(scope="module")
def global_times(seeds_dir: Path):
    return extract(next(seeds_dir.glob("002_*.txt")))


def test_eir_dateline_gives_date_and_source(eir) -> None:
    assert eir.date == dt.date(2021, 5, 26)
    assert eir.date_source == "text"
    assert eir.date_raw == "May 26, 2021"
    assert eir.source in ("EIR", "EIRNS")
    assert (
        eir.title
        == "Russia-China Strategic Coordination Exemplifies Foreign Relations of the Future"
    )


def test_eir_text_starts_with_the_first_body_sentence(eir) -> None:
    assert eir.text.startswith("While NATO-serving pundits merrily scribble")
    assert "(EIRNS)" not in eir.text
    assert "May 26, 2021" not in eir.text
    assert eir.title not in eir.text


def test_global_times_byline_gives_author_source_date(global_times) -> None:
    assert global_times.date == dt.date(2020, 7, 15)
    assert global_times.author == "Yang Jin"
    assert global_times.source == "Global Times"
    assert (
        global_times.title
        == "China-Russia ties cornerstone of global strategic stability"
    )
    assert global_times.text.startswith("The relationship among major powers in 2020")
    assert "Published:" not in global_times.text
    assert "By Yang Jin" not in global_times.text
    assert "Illustration:" not in global_times.text


@pytest.mark.parametrize(
    "phrase", BOILERPLATE, ids=lambda p: p.lower().replace(" ", "-")
)
def test_seed_boilerplate_is_removed(eir, global_times, phrase: str) -> None:
    assert phrase not in eir.text
    assert phrase not in global_times.text


def test_seed_ids_are_content_hashes(seeds_dir: Path, eir) -> None:
    again = extract(next(seeds_dir.glob("000_*.txt")))
    assert again.doc_id == eir.doc_id
    assert eir.doc_id == eir.make_id(eir.text)
