"""Each input format is read into articles with its metadata."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import sys
from pathlib import Path

import pytest

from detente.ingest import FieldMap, extract, iter_articles

from .conftest import ENGLISH, ENGLISH_2, HTML_PAGE, split_items, write_jsonl


def test_plain_text_is_one_article(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Talks in Moscow\n\n" + ENGLISH, encoding="utf-8")
    articles, skipped = split_items(list(iter_articles([path])))
    assert skipped == []
    [article] = articles
    assert article.title == "Talks in Moscow"
    assert article.text == ENGLISH
    assert article.input_format == "text"
    assert article.origin == str(path)
    assert article.language == "en"


def test_html_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    article = extract(path)
    assert article.input_format == "html"
    assert article.title == "Leaders meet in Moscow"
    assert article.author == "Jane Doe"
    assert article.source == "World News Daily"
    assert article.url == "https://news.example.org/2021/05/24/leaders-meet"
    assert article.date == dt.date(2021, 5, 24)
    assert article.date_source == "metadata"
    assert "strategic\nstability" not in article.text
    assert "Chinese and Russian officials met in Moscow" in article.text
    assert "cookies" not in article.text
    assert "Privacy policy" not in article.text


def test_jsonl_records_map_to_articles(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "news.jsonl",
        [
            {
                "id": "a1",
                "title": "Talks",
                "text": ENGLISH,
                "date": "2021-05-24",
                "source": "Wire",
                "url": "https://x.org/a1",
                "author": "Ann Lee",
                "topic": "diplomacy",
            },
            {"id": "a2", "text": ENGLISH_2, "date": "1987-02-26T15:01:01"},
        ],
    )
    articles, skipped = split_items(list(iter_articles([path])))
    assert skipped == []
    first, second = articles
    assert (first.doc_id, first.title, first.source, first.url, first.author) == (
        "a1",
        "Talks",
        "Wire",
        "https://x.org/a1",
        "Ann Lee",
    )
    assert first.date == dt.date(2021, 5, 24) and first.date_source == "input"
    assert first.metadata["fields"] == {"topic": "diplomacy"}
    assert first.origin == f"{path}:1" and second.origin == f"{path}:2"
    assert second.date == dt.date(1987, 2, 26)


def test_csv_rows_map_to_articles(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        'id,title,text,date\nc1,Talks,"' + ENGLISH + '",2021-05-24\n'
        'c2,Sanctions,"' + ENGLISH_2.replace("Iran", '""Iran""') + '",2021-05-25\n',
        encoding="utf-8",
    )
    articles, skipped = split_items(list(iter_articles([path])))
    assert skipped == []
    assert [a.doc_id for a in articles] == ["c1", "c2"]
    assert articles[1].text.count('"Iran"') == 1
    assert articles[0].origin == f"{path}:2"
    assert articles[0].input_format == "csv"


def test_tsv_with_custom_field_names(tmp_path: Path) -> None:
    path = tmp_path / "news.tsv"
    path.write_text(
        f"key\tbody\tpublished\nt1\t{ENGLISH}\t2021-05-24\n", encoding="utf-8"
    )
    fields = FieldMap(id="key", text="body", date="published")
    [article] = list(iter_articles([path], fields=fields))
    assert article.doc_id == "t1"
    assert article.date == dt.date(2021, 5, 24)


@pytest.mark.parametrize(
    "inner", ["a.txt", "a.jsonl", "a.html"], ids=["text.gz", "jsonl.gz", "html.gz"]
)
def test_gzip_of_any_format(tmp_path: Path, inner: str) -> None:
    content = {
        "a.txt": ENGLISH.encode(),
        "a.jsonl": (f'{{"id": "g1", "text": "{ENGLISH}"}}\n').encode(),
        "a.html": HTML_PAGE.encode(),
    }[inner]
    path = tmp_path / f"{inner}.gz"
    path.write_bytes(gzip.compress(content))
    articles, skipped = split_items(list(iter_articles([path])))
    assert skipped == []
    assert len(articles) == 1
    assert "Moscow" in articles[0].text


def test_format_is_detected_from_content_not_suffix(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [article] = list(iter_articles([path]))
    assert article.input_format == "html"
    assert "<p>" not in article.text


def test_input_format_forces_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "records.data"
    write_jsonl(path, [{"id": "f1", "text": ENGLISH}])
    [as_jsonl] = list(iter_articles([path], input_format="jsonl"))
    [as_text] = list(iter_articles([path], input_format="text"))
    assert as_jsonl.doc_id == "f1" and as_jsonl.text == ENGLISH
    assert as_text.input_format == "text" and as_text.text.startswith("{")


def test_folder_is_read_recursively_in_sorted_order_with_globs(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ENGLISH_2, encoding="utf-8")
    (tmp_path / "1.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "notes.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    origins = [a.origin for a in iter_articles([tmp_path], include=["*.txt"])]
    assert origins == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]
    origins = [a.origin for a in iter_articles([tmp_path], exclude=["b/*", "*.md"])]
    assert origins == [str(tmp_path / "1.txt")]


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (
        f'{{"id": "s1", "text": "{ENGLISH}"}}\n{{"id": "s2", "text": "{ENGLISH_2}"}}\n'
    )
    fake = io.TextIOWrapper(io.BytesIO(data.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    articles = list(iter_articles(["-"]))
    assert [a.doc_id for a in articles] == ["s1", "s2"]
    assert articles[0].origin == "<stdin>:1"


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "news.json"
    path.write_text(
        f'[{{"id": "j1", "text": "{ENGLISH}"}}, {{"id": "j2", "text": "{ENGLISH_2}"}}]'
    )
    assert [a.doc_id for a in iter_articles([path])] == ["j1", "j2"]


def test_same_document_twice_gets_the_same_id(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "y.txt").write_text(
        "  " + ENGLISH.replace(" ", "\u00a0", 3) + "\n", encoding="utf-8"
    )
    first, second = iter_articles([tmp_path])
    assert first.doc_id == second.doc_id
    assert len(first.doc_id) == 20


def test_a_single_path_is_accepted_as_well_as_a_list(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    assert [a.text for a in iter_articles(str(path))] == [ENGLISH]  # type: ignore[arg-type]
