"""``detente actors``: explain mentions, look names up, JSON output."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def test_actors_cli_lookup_json_on_date():
    result = runner.invoke(
        app, ["actors", "--lookup", "Medvedev", "--date", "2010-06-01", "--json"]
    )
    assert result.exit_code == 0, result.output
    best = json.loads(result.output)[0]
    assert best["code"] == "RUSGOV"
    assert best["country"] == "RUS"
    assert best["role"] == "head of state"
    assert best["name"] == "Dmitry Medvedev"


def test_actors_cli_lookup_igo_country():
    result = runner.invoke(app, ["actors", "--lookup", "WHO", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["country"] == "IGO"


def test_actors_cli_text_json_explains_rule():
    result = runner.invoke(
        app, ["actors", "Beijing and Moscow refused.", "--date", "2020-07-15", "--json"]
    )
    assert result.exit_code == 0, result.output
    mentions = json.loads(result.output)
    assert [m["actor"]["code"] for m in mentions] == ["CHN", "RUS"]
    assert all(m["rule"] and m["actor"]["entry_id"] for m in mentions)


def test_actors_cli_bad_date_is_one_line_error():
    result = runner.invoke(app, ["actors", "--lookup", "Putin", "--date", "May 2020"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_actors_cli_unresolved(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "John Smithers said no. Later John Smithers said it again.", encoding="utf-8"
    )
    result = runner.invoke(app, ["actors", "--unresolved", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["name"] == "John Smithers" and rows[0]["count"] == 2
