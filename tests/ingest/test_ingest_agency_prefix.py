"""Wire-agency prefixes ("AFP - ", "BAGHDAD (Reuters) - ") become metadata, not text."""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
from pathlib import Path

import pytest

from detente._ingest_internals.cleanup import TextCleaner
from detente.errors import DataFileError
from detente.ingest import iter_articles

from .conftest import split_items, write_jsonl

BODY = "Iraqi and US officials met in Baghdad on Tuesday to discuss security."
AGENCIES = {"AFP", "AP", "Reuters", "Canadian Press", "CP"}


@pytest.fixture(scope="module")
def cleaner() -> TextCleaner:
    return TextCleaner.default()


@pytest.mark.parametrize(
    ("prefix", "source", "place", "date_raw"),
    [
        ("AFP - ", "AFP", "", ""),
        ("Reuters - ", "Reuters", "", ""),
        ("AP - ", "AP", "", ""),
        ("Canadian Press - ", "Canadian Press", "", ""),
        ("AFP — ", "AFP", "", ""),
        ("BAGHDAD (Reuters) - ", "Reuters", "BAGHDAD", ""),
        ("LONDON (AFP) -", "AFP", "LONDON", ""),
        ("WASHINGTON, Oct 3 (Reuters) -", "Reuters", "WASHINGTON", "Oct 3"),
        ("MOSCOW, Oct 3 (Reuters) ", "Reuters", "MOSCOW", "Oct 3"),
        ("MOSCOW, 3 Oct (Reuters) - ", "Reuters", "MOSCOW", "3 Oct"),
        ("LONDON (AFP) ", "AFP", "LONDON", ""),
        ("DUBAI/PARIS (Reuters) - ", "Reuters", "DUBAI/PARIS", ""),
        ("GROZNY, (Reuters) - ", "Reuters", "GROZNY", ""),
        (
            "Canadian Press - KINSHASA, Congo (AP) - ",
            "Canadian Press",
            "KINSHASA, Congo",
            "",
        ),
    ],
    ids=[
        "afp",
        "reuters",
        "ap",
        "canadian-press",
        "afp-em-dash",
        "place-reuters",
        "place-afp-no-space",
        "place-date-reuters",
        "place-date-no-dash",
        "place-day-month",
        "place-agency-no-dash",
        "two-places",
        "place-comma-no-date",
        "stacked-syndication",
    ],
)
def test_agency_prefix_is_stripped_and_recorded(
    cleaner: TextCleaner, prefix: str, source: str, place: str, date_raw: str
) -> None:
    result = cleaner.clean(prefix + BODY, detect_title=False)
    assert result.text == BODY
    assert (result.source, result.place, result.dateline_date) == (
        source,
        place,
        date_raw,
    )
    assert result.dateline == prefix.strip()


@pytest.mark.parametrize(
    "text",
    [
        f"Officials told AFP - and later Reuters - that {BODY}",
        "Reuters reported on Tuesday that Iraqi and US officials met in Baghdad.",
        "AP Photo - Iraqi and US officials met in Baghdad on Tuesday, the agency said.",
        "AFP journalists were among those briefed by Iraqi officials in Baghdad.",
        "NATO - the alliance - met in Brussels on Tuesday to discuss Afghanistan.",
        BODY,
        f"{BODY}\n\nAFP - {BODY}",
    ],
    ids=[
        "agency-mid-sentence",
        "reuters-reported",
        "ap-photo-is-no-agency",
        "agency-as-subject",
        "unknown-acronym-dash",
        "ordinary-sentence",
        "prefix-in-second-paragraph",
    ],
)
def test_text_that_is_no_prefix_stays(cleaner: TextCleaner, text: str) -> None:
    result = cleaner.clean(text, detect_title=False)
    assert result.text == text
    assert result.dateline == "" and result.source == ""


def test_prefix_fills_article_source_and_place(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "n.jsonl",
        [
            {"id": "a", "text": "BAGHDAD (AFP) - " + BODY},
            {"id": "b", "text": "AFP - " + BODY, "source": "Example Daily"},
        ],
    )
    articles, skipped = split_items(list(iter_articles([path])))
    assert skipped == []
    first, second = articles
    assert first.text == BODY and first.source == "AFP"
    assert first.metadata["place"] == "BAGHDAD"
    assert first.metadata["dateline"] == "BAGHDAD (AFP) -"
    assert first.metadata["dateline_rule"] == "place_agency"
    assert second.text == BODY and second.source == "Example Daily"
    assert second.metadata["text_source"] == "AFP"
    assert second.metadata["dateline_rule"] == "agency_prefix"


@pytest.mark.parametrize(
    ("input_date", "dateline", "date", "date_source", "dateline_date"),
    [
        (None, "MOSCOW, Oct 3 (Reuters) - ", None, "none", None),
        (
            "2004-10-05",
            "MOSCOW, Oct 3 (Reuters) - ",
            "2004-10-05",
            "input",
            "2004-10-03",
        ),
        (
            "2005-01-02",
            "MOSCOW, 30 Dec (Reuters) - ",
            "2005-01-02",
            "input",
            "2004-12-30",
        ),
    ],
    ids=["no-other-date", "input-date", "across-new-year"],
)
def test_year_less_dateline(
    tmp_path: Path,
    input_date: str | None,
    dateline: str,
    date: str | None,
    date_source: str,
    dateline_date: str | None,
) -> None:
    record = {"id": "x", "text": dateline + BODY}
    if input_date:
        record["date"] = input_date
    [article] = list(iter_articles([write_jsonl(tmp_path / "n.jsonl", [record])]))
    assert article.text == BODY
    assert article.date == (dt.date.fromisoformat(date) if date else None)
    assert article.date_source == date_source
    raw = dateline.split(", ")[1].split(" (")[0]
    assert article.metadata["dateline_date_raw"] == raw
    assert article.metadata.get("dateline_date") == dateline_date


def test_dateline_with_year_dates_the_article(tmp_path: Path) -> None:
    record = {"id": "x", "text": "NEW DELHI, 7 September 2004 - " + BODY}
    [article] = list(iter_articles([write_jsonl(tmp_path / "n.jsonl", [record])]))
    assert article.date == dt.date(2004, 9, 7) and article.date_source == "text"
    assert "dateline_date_raw" not in article.metadata


def test_user_agency_file_extends_the_bundled_list(tmp_path: Path) -> None:
    extra = tmp_path / "agencies.tsv"
    extra.write_text(
        "name\tpattern\tnote\nAgenzia Nova\tAgenzia Nova|NOVA\tItalian agency\n",
        encoding="utf-8",
    )
    text = "Agenzia Nova - " + BODY
    assert TextCleaner.default().clean(text, detect_title=False).text == text
    result = TextCleaner.from_files(agencies=[extra]).clean(text, detect_title=False)
    assert (result.text, result.source) == (BODY, "Agenzia Nova")


def test_bad_agency_pattern_names_the_line(tmp_path: Path) -> None:
    extra = tmp_path / "agencies.tsv"
    extra.write_text("name\tpattern\tnote\nBroken\tBro(ken\tx\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        TextCleaner.from_files(agencies=[extra])
    assert caught.value.line == 2 and caught.value.path == str(extra)


# -- a real AG News sample, through the pipeline --------------------------------


@pytest.fixture(scope="module")
def agnews_sample(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = corpus_dir / "articles" / "agnews_world.jsonl.gz"
    if not source.exists():
        pytest.skip(f"AG News sample not found at {source}")
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in itertools.islice(lines, 20)]
    return write_jsonl(tmp_path_factory.mktemp("agnews") / "agnews20.jsonl", records)


def test_agnews_agencies_are_no_actor_mentions(agnews_sample: Path) -> None:
    from detente.api import get_pipeline

    articles, skipped = split_items(list(iter_articles([agnews_sample])))
    assert skipped == []
    stripped = [a for a in articles if a.metadata.get("dateline_rule")]
    assert any(a.metadata["dateline_rule"] == "agency_prefix" for a in stripped)
    coded = list(get_pipeline().pipe(articles))
    mentions = [m for a in coded for m in a.actor_mentions]
    assert mentions, "the sample should name some actors"
    assert not [m.text for m in mentions if m.text in AGENCIES]
    for article in coded:  # offsets refer to the cleaned text
        for mention in article.actor_mentions:
            assert article.text[mention.start : mention.end] == mention.text
