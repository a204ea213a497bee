"""``detente export``, ``detente import`` and ``detente query`` on a real store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.cli._common import EXIT_ERROR
from detente.export import GDELT_COLUMNS

runner = CliRunner()


def test_cli_export_gdelt_to_stdout(filled_db):
    result = runner.invoke(
        app, ["export", "--format", "gdelt", "--db", str(filled_db), "--actor", "CHN"]
    )
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows and {len(r) for r in rows} == {len(GDELT_COLUMNS)}
    assert all("CHN" in (r[7], r[17]) for r in rows)


def test_cli_export_parquet_files(filled_db, tmp_path):
    result = runner.invoke(
        app,
        [
            "export",
            "-f",
            "parquet",
            "--db",
            str(filled_db),
            "-o",
            str(tmp_path / "x.parquet"),
            "--dedup",
            "story",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x.parquet").exists() and (
        tmp_path / "x.mentions.parquet"
    ).exists()


def test_cli_export_bad_date_is_one_line_error(filled_db):
    result = runner.invoke(app, ["export", "--db", str(filled_db), "--from", "March"])
    assert result.exit_code == EXIT_ERROR
    assert "not an ISO date" in result.output


def test_cli_import_then_query(filled_db, tmp_path):
    events = tmp_path / "events.jsonl"
    assert (
        runner.invoke(
            app, ["export", "--db", str(filled_db), "-o", str(events)]
        ).exit_code
        == 0
    )
    target = tmp_path / "imported.duckdb"
    result = runner.invoke(app, ["import", str(events), "--db", str(target)])
    assert result.exit_code == 0, result.output
    count = len(events.read_text(encoding="utf-8").splitlines())
    assert f"imported {count} event(s)" in result.output
    query = runner.invoke(
        app,
        [
            "query",
            "SELECT count(*) AS n FROM event_mentions",
            "--db",
            str(target),
            "--csv",
        ],
    )
    assert query.exit_code == 0, query.output
    assert list(csv.reader(io.StringIO(query.stdout))) == [["n"], [str(count)]]


def test_cli_query_table_output(filled_db):
    result = runner.invoke(
        app,
        [
            "query",
            "SELECT dedup_mode FROM events GROUP BY 1 ORDER BY 1",
            "--db",
            str(filled_db),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "one-a-day" in result.stdout and "3 row(s)" in result.stdout


@pytest.mark.parametrize(
    "sql", ["DELETE FROM events", "DROP TABLE documents"], ids=["delete", "drop"]
)
def test_cli_query_refuses_writes(filled_db, sql: str):
    result = runner.invoke(app, ["query", sql, "--db", str(filled_db)])
    assert result.exit_code == EXIT_ERROR
    assert "read-only" in result.output


def test_cli_plover_export_is_json(filled_db):
    result = runner.invoke(app, ["export", "-f", "plover", "--db", str(filled_db)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all("event_type" in r for r in records)
