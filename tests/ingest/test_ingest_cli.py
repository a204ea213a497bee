"""``detente extract``: the clean text and the metadata, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from detente.cli import app

from .conftest import ENGLISH

runner = CliRunner()


def test_extract_json_has_text_and_metadata(seeds_dir: Path) -> None:
    seed = next(seeds_dir.glob("002_*.txt"))
    result = runner.invoke(app, ["extract", "--json", str(seed)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["date"] == "2020-07-15"
    assert record["author"] == "Yang Jin"
    assert record["source"] == "Global Times"
    assert record["text"].startswith("The relationship among major powers")
    assert {"title", "url", "doc_id", "date_source", "language"} <= set(record)


def test_extract_prints_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Talks in Moscow\n\n" + ENGLISH, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert "Talks in Moscow" in result.stdout
    assert "strategic stability" in result.stdout


def test_extract_reads_standard_input_with_forced_format() -> None:
    line = json.dumps({"id": "in1", "text": ENGLISH}) + "\n"
    result = runner.invoke(
        app, ["extract", "--json", "--format", "jsonl", "-"], input=line
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["doc_id"] == "in1"


def test_extract_error_is_one_line_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    assert "empty.txt" in result.output and "Traceback" not in result.output
