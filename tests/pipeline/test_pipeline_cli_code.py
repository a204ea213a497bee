"""`detente code` end to end: storing, re-running, and bad input that loses nothing."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()

GOOD = {
    "visit.txt": "Chinese President Xi Jinping arrived in Moscow on Monday for talks with "
    "Russian President Vladimir Putin.\n",
    "sanctions.txt": "The United States imposed sanctions on Russia on Friday. "
    "Moscow condemned the decision.\n",
}


def _write_good(folder):
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")


def _stored_doc_ids(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()
        }


def test_code_writes_events_and_stores_documents(tmp_path):
    _write_good(tmp_path)
    db, out = tmp_path / "s.duckdb", tmp_path / "e.jsonl"
    result = runner.invoke(
        app, ["code", str(tmp_path), "-o", str(out), "--db", str(db), "-q"]
    )
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert any(
        e["source_country"] == "USA"
        and e["target_country"] == "RUS"
        and e["cameo_root"] == "16"
        for e in events
    )
    assert any(
        e["source_country"] == "CHN"
        and e["target_country"] == "RUS"
        and e["cameo_code"] == "042"
        for e in events
    )
    assert len(_stored_doc_ids(db)) == 2


def test_rerunning_the_same_input_adds_nothing(tmp_path):
    _write_good(tmp_path)
    db = tmp_path / "s.duckdb"
    assert (
        runner.invoke(app, ["code", str(tmp_path), "--db", str(db), "-q"]).exit_code
        == 0
    )
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
    result = runner.invoke(app, ["code", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 0
    assert "already stored 2" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert (
            con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == before
        )
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


@pytest.mark.parametrize(
    ("name", "content", "expect"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 8, "binary"),
    ],
    ids=["empty-file", "binary-file"],
)
def test_bad_input_is_named_skipped_and_the_rest_is_stored(
    tmp_path, name, content, expect
):
    _write_good(tmp_path)
    (tmp_path / name).write_bytes(content)
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["code", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 3, result.output
    assert name in result.output and expect in result.output.lower()
    assert len(_stored_doc_ids(db)) == 2


def test_non_utf8_file_is_decoded_with_a_warning_named_and_stored(tmp_path):
    _write_good(tmp_path)
    (tmp_path / "latin1.txt").write_bytes(
        "Russian Foreign Minister Sergei Lavrov met his French counterpart at a café in Paris.\n".encode(
            "cp1252"
        )
    )
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["code", str(tmp_path), "--db", str(db)])
    assert "latin1.txt" in result.output
    assert result.exit_code == 3  # read with a fallback encoding: reported, not silent
    assert len(_stored_doc_ids(db)) == 3


def test_allow_skips_makes_skips_non_fatal(tmp_path):
    _write_good(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(
        app,
        ["code", str(tmp_path), "--db", str(tmp_path / "s.duckdb"), "--allow-skips"],
    )
    assert result.exit_code == 0


def test_field_option_maps_a_differently_named_text_column(tmp_path):
    records = [
        {
            "story_id": "a1",
            "story_text": "The United States imposed sanctions on Russia on Friday.",
            "pubdate": "2022-02-26",
        },
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    out = tmp_path / "e.jsonl"
    args = ["code", str(path), "--no-store", "-o", str(out), "-q"]
    assert runner.invoke(app, args).exit_code == 3  # no `text` key: reported, skipped
    mapped = args + [
        "--field",
        "text=story_text",
        "--field",
        "id=story_id",
        "--field",
        "date=pubdate",
    ]
    result = runner.invoke(app, mapped)
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert events and all(e["doc_id"] == "a1" for e in events)
    assert any(
        e["cameo_root"] == "16" and e["event_date"] == "2022-02-25" for e in events
    )


def test_bad_field_option_is_a_one_line_error(tmp_path):
    result = runner.invoke(
        app, ["code", str(tmp_path), "--no-store", "--field", "txt=body"]
    )
    assert result.exit_code == 2
    assert "expected FIELD=COLUMN" in result.output
