"""Bad inputs are reported as Skipped records (or warnings) naming the file and
line, and every good document of the same run is still read."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from detente.errors import InputError, LanguageError
from detente.ingest import Skipped, article_warnings, extract, iter_articles

from .conftest import ENGLISH, ENGLISH_2, HTML_NO_TEXT, split_items, write_jsonl

GERMAN = (
    "Die Bundesregierung hat am Montag beschlossen, die Zusammenarbeit mit den "
    "Nachbarländern im Bereich der Energieversorgung deutlich auszubauen. "
    "Der Minister sagte, das sei ein wichtiger Schritt für die Sicherheit Europas."
)


def run(paths: list[Path]) -> tuple[list, list[Skipped]]:
    return split_items(list(iter_articles(paths)))


@pytest.mark.parametrize(
    ("name", "content", "kind", "words"),
    [
        ("empty.txt", b"", "empty", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty", "whitespace"),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary", "PDF"),
        ("image.txt", bytes(range(256)) * 4, "binary", "not a text file"),
        ("index.html", HTML_NO_TEXT.encode(), "no-text", "no article text"),
        ("german.txt", GERMAN.encode(), "language", "not English"),
    ],
    ids=[
        "empty",
        "whitespace-only",
        "pdf",
        "binary-bytes",
        "html-without-text",
        "non-english",
    ],
)
def test_bad_file_is_skipped_and_good_ones_are_read(
    tmp_path: Path, good_text: Path, name: str, content: bytes, kind: str, words: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    articles, skipped = run([good_text, bad, good_text])
    assert len(articles) == 2
    [problem] = skipped
    assert problem.kind == kind
    assert problem.origin == str(bad)
    assert str(bad) in problem.message
    assert words in problem.reason


def test_missing_input_is_skipped(tmp_path: Path, good_text: Path) -> None:
    articles, skipped = run([tmp_path / "nope.txt", good_text])
    assert len(articles) == 1
    assert skipped[0].kind == "missing" and "nope.txt" in skipped[0].message


def test_malformed_json_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": ENGLISH})
        + "\n"
        + '{"id": "b", "text": "unterminated\n'
        + "[1, 2]\n"
        + json.dumps({"id": "c", "text": ENGLISH_2})
        + "\n",
        encoding="utf-8",
    )
    articles, skipped = run([path])
    assert [a.doc_id for a in articles] == ["a", "c"]
    assert [(s.origin, s.kind) for s in skipped] == [
        (f"{path}:2", "json"),
        (f"{path}:3", "json"),
    ]
    assert "invalid JSON" in skipped[0].reason
    assert f"{path}:2" in skipped[0].message


def test_record_without_text_field_says_which_keys_exist(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "n.jsonl",
        [{"id": "a", "body_html": "x"}, {"id": "b", "text": ENGLISH}],
    )
    articles, skipped = run([path])
    assert [a.doc_id for a in articles] == ["b"]
    assert skipped[0].kind == "no-text" and "body_html" in skipped[0].reason
    assert skipped[0].origin == f"{path}:1"


def test_csv_without_text_column_is_reported(tmp_path: Path, good_text: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_text("id,story\n1,hello\n", encoding="utf-8")
    articles, skipped = run([path, good_text])
    assert len(articles) == 1
    assert skipped[0].kind == "csv" and "columns found: id, story" in skipped[0].reason


def test_csv_row_with_wrong_field_count(tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_text(
        f"id,text\n1,{ENGLISH.replace(',', '')}\n2,a,b,c\n3,{ENGLISH_2.replace(',', '')}\n"
    )
    articles, skipped = run([path])
    assert [a.doc_id for a in articles] == ["1", "3"]
    assert skipped[0].origin == f"{path}:3" and skipped[0].kind == "csv"


def test_invalid_utf8_is_decoded_with_a_warning(
    tmp_path: Path, good_text: Path
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        ENGLISH.replace("Moscow", "Moscow\xe9")
        .encode("utf-8")
        .replace(b"\xc3\xa9", b"\xe9")
    )
    articles, skipped = run([path, good_text])
    assert skipped == [] and len(articles) == 2
    article = articles[0]
    assert "Moscowé" in article.text
    [warning] = article_warnings(article)
    assert "invalid UTF-8" in warning
    assert article_warnings(articles[1]) == []


def test_invalid_utf8_in_one_jsonl_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": ENGLISH}).encode()
    bad = (
        json.dumps({"id": "b", "text": ENGLISH_2 + " caf\u00e9"}, ensure_ascii=False)
        .encode()
        .replace(b"\xc3\xa9", b"\xe9")
    )
    path = tmp_path / "n.jsonl"
    path.write_bytes(good + b"\n" + bad + b"\n")
    articles, skipped = run([path])
    assert skipped == []
    assert article_warnings(articles[0]) == []
    assert "invalid UTF-8" in article_warnings(articles[1])[0]
    assert articles[1].text.endswith("café")


def test_truncated_gzip_jsonl_keeps_what_was_read(
    tmp_path: Path, good_text: Path
) -> None:
    records = [{"id": f"d{i}", "text": f"{ENGLISH} Number {i}."} for i in range(400)]
    full = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(full[: len(full) * 2 // 3])
    articles, skipped = run([path, good_text])
    assert 50 < len(articles) - 1 < 400
    assert articles[-1].origin == str(good_text)
    [problem] = skipped
    assert problem.kind == "gzip"
    assert problem.origin.startswith(f"{path}:")
    assert "truncated" in problem.reason


def test_truncated_gzip_text_keeps_the_text_with_a_warning(tmp_path: Path) -> None:
    text = " ".join([ENGLISH] * 200)
    full = gzip.compress(text.encode())
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(full[: len(full) // 2])
    [article] = list(iter_articles([path]))
    assert article.text and len(article.text) < len(text)
    assert any("truncated" in w for w in article_warnings(article))


def test_gigantic_single_line_is_skipped_without_stopping(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "a", "text": ENGLISH}) + "\n")
        handle.write('{"id": "huge", "text": "' + "x" * 5_000_000 + '"}\n')
        handle.write(json.dumps({"id": "c", "text": ENGLISH_2}) + "\n")
    articles, skipped = split_items(list(iter_articles([path], max_chars=100_000)))
    assert [a.doc_id for a in articles] == ["a", "c"]
    assert skipped[0].kind == "too-large" and skipped[0].origin == f"{path}:2"


def test_over_size_document_is_split_into_parts(tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {i}. " + ENGLISH for i in range(60)]
    path = write_jsonl(
        tmp_path / "long.jsonl",
        [{"id": "long", "text": "\n\n".join(paragraphs), "title": "T"}],
    )
    articles = list(iter_articles([path], max_chars=2_000))
    assert len(articles) > 3
    assert [a.doc_id for a in articles] == [
        f"long#p{i}" for i in range(1, len(articles) + 1)
    ]
    assert all(len(a.text) <= 2_000 for a in articles)
    assert all(a.title == "T" and a.metadata["parent_id"] == "long" for a in articles)
    assert "".join(a.text for a in articles).count("Paragraph") == 60


def test_gigantic_text_file_without_newlines_is_split(tmp_path: Path) -> None:
    path = tmp_path / "one_line.txt"
    path.write_text(" ".join([ENGLISH] * 400), encoding="utf-8")
    articles = list(iter_articles([path], max_chars=5_000))
    assert len(articles) > 5
    assert all(len(a.text) <= 5_000 for a in articles)


def test_extract_raises_input_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty.txt"):
        extract(path)
    german = tmp_path / "de.txt"
    german.write_text(GERMAN, encoding="utf-8")
    with pytest.raises(LanguageError, match="de.txt"):
        extract(german)
