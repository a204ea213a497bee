"""Text clean-up: boilerplate lines, datelines, bylines, titles, normalisation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente._ingest_internals.cleanup import TextCleaner
from detente._ingest_internals.textnorm import normalize_text
from detente.ingest import iter_articles

BODY = "Russia and China signed a new agreement on energy cooperation on Tuesday, officials said."


@pytest.fixture(scope="module")
def cleaner() -> TextCleaner:
    return TextCleaner.default()


@pytest.mark.parametrize(
    "line",
    [
        "Go to home page",
        "Back to top\u00a0\u00a0 Go to home page clear",
        "Share | Tweet | Email",
        "Facebook Twitter WhatsApp",
        "Posted in: VIEWPOINT",
        "Illustration: Liu Rui/GT",
        "Photo: Xinhua",
        "Copyright 2021 Example News. All rights reserved.",
        "12 Comments",
        "Media playback is unsupported on your device",
    ],
    ids=[
        "home",
        "nav-run",
        "share-bar",
        "share-names",
        "posted-in",
        "illustration",
        "photo-credit",
        "copyright",
        "comment-count",
        "bbc-video",
    ],
)
def test_boilerplate_line_is_dropped(cleaner: TextCleaner, line: str) -> None:
    result = cleaner.clean(f"{BODY}\n\n{line}\n\n{BODY}", detect_title=False)
    assert result.text == f"{BODY}\n\n{BODY}"


@pytest.mark.parametrize(
    "line",
    [
        "Home is where the heart is, the minister told reporters in Moscow.",
        "Share prices fell sharply in Shanghai after the announcement.",
        "The photo: a symbol of the new partnership, said the editor of the daily paper in Beijing today.",
    ],
    ids=["home-in-sentence", "share-in-sentence", "photo-in-long-sentence"],
)
def test_sentences_with_boilerplate_words_stay(cleaner: TextCleaner, line: str) -> None:
    assert line in cleaner.clean(f"{BODY}\n\n{line}", detect_title=False).text


def test_comment_widget_drops_everything_after_it(cleaner: TextCleaner) -> None:
    text = f"{BODY}\n\nblog comments powered by Disqus\n\nGreat article!!! by user123"
    assert cleaner.clean(text, detect_title=False).text == BODY


@pytest.mark.parametrize(
    ("first_line", "place", "source", "date_raw"),
    [
        ("MOSCOW, Oct 3 (Reuters) - ", "MOSCOW", "Reuters", "Oct 3"),
        ("May 26, 2021 (EIRNS)—", "", "EIRNS", "May 26, 2021"),
        ("UNITED NATIONS (AP) — ", "UNITED NATIONS", "AP", ""),
        ("BEIJING, July 15 (Xinhua) -- ", "BEIJING", "Xinhua", "July 15"),
        ("SALVADOR, Feb 26 - ", "SALVADOR", "", "Feb 26"),
    ],
    ids=["reuters", "eir", "ap", "xinhua", "reuters-21578"],
)
def test_dateline_becomes_metadata(
    cleaner: TextCleaner, first_line: str, place: str, source: str, date_raw: str
) -> None:
    result = cleaner.clean(first_line + BODY, detect_title=False)
    assert result.text == BODY
    assert (result.place, result.source, result.date_raw) == (place, source, date_raw)


def test_sentence_starting_with_capitals_is_not_a_dateline(
    cleaner: TextCleaner,
) -> None:
    text = "NATO allies met in Brussels on Tuesday to discuss the crisis in Ukraine."
    assert cleaner.clean(text, detect_title=False).text == text


@pytest.mark.parametrize(
    ("byline", "author", "source", "date_raw"),
    [
        (
            "By Yang Jin Source: Global Times Published: 2020/7/15 13:03:40",
            "Yang Jin",
            "Global Times",
            "2020/7/15 13:03:40",
        ),
        ("By John Smith, Reuters", "John Smith", "Reuters", ""),
        ("By Anna Maria Petrova", "Anna Maria Petrova", "", ""),
        (
            "Source: Xinhua| 2020-07-15 10:12:05|Editor: huaxia",
            "",
            "Xinhua",
            "2020-07-15",
        ),
    ],
    ids=["global-times", "author-agency", "author-only", "xinhua"],
)
def test_byline_becomes_metadata(
    cleaner: TextCleaner, byline: str, author: str, source: str, date_raw: str
) -> None:
    result = cleaner.clean(f"A headline about talks\n\n{byline}\n\n{BODY}")
    assert result.text == BODY
    assert result.title == "A headline about talks"
    assert (result.author, result.source, result.date_raw) == (author, source, date_raw)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            f"China-Russia ties cornerstone of stability\n\n{BODY}",
            "China-Russia ties cornerstone of stability",
        ),
        (f"{BODY}\n\n{BODY}", ""),
        (BODY, ""),
    ],
    ids=["headline", "sentence-first", "single-paragraph"],
)
def test_title_is_a_short_first_line(
    cleaner: TextCleaner, text: str, title: str
) -> None:
    assert cleaner.clean(text).title == title


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\u00a0b", "a b"),
        ("a\u200bb", "ab"),
        ("co\u00adoperation", "cooperation"),
        ("e\u0301", "\u00e9"),
        ("US\u2011Russia", "US-Russia"),
        ("“quoted” — dash", "“quoted” — dash"),
        ("line one\r\nline two", "line one\nline two"),
        ("a\n\n\n\nb", "a\n\nb"),
        ("  spaced   out  ", "spaced out"),
    ],
    ids=[
        "nbsp",
        "zero-width",
        "soft-hyphen",
        "nfc",
        "nb-hyphen",
        "curly-kept",
        "crlf",
        "blank-lines",
        "spaces",
    ],
)
def test_normalisation(raw: str, clean: str) -> None:
    assert normalize_text(raw) == clean


def test_dateline_date_fills_article_date(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(
        "Talks in Moscow\n\nMOSCOW, May 24, 2021 (Reuters) - " + BODY, encoding="utf-8"
    )
    [article] = list(iter_articles([path]))
    assert article.date == dt.date(2021, 5, 24) and article.date_source == "text"
    assert article.source == "Reuters" and article.metadata["place"] == "MOSCOW"
    assert article.text == BODY


def test_input_date_wins_over_dateline(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text(
        '{"id": "x", "date": "2021-05-25", "text": "MOSCOW, May 24, 2021 (Reuters) - '
        + BODY
        + '"}\n'
    )
    [article] = list(iter_articles([path]))
    assert article.date == dt.date(2021, 5, 25) and article.date_source == "input"
    assert article.text == BODY and article.source == "Reuters"


def test_unreadable_input_date_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text('{"id": "x", "date": "sometime", "text": "' + BODY + '"}\n')
    [article] = list(iter_articles([path]))
    assert article.date is None and article.date_source == "none"
    assert "sometime" in article.metadata["warnings"][0]


def test_user_pattern_file_extends_the_bundled_ones(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "kind\tpattern\tnote\nline\tmore from our partners.*\tteaser\n",
        encoding="utf-8",
    )
    cleaner = TextCleaner.from_files(lines=[extra])
    result = cleaner.clean(
        f"{BODY}\n\nMore from our partners: ads\n\nGo to home page", detect_title=False
    )
    assert result.text == BODY
