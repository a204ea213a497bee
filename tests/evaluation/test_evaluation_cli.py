"""``detente eval`` through the real CLI app, with a fake pipeline."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from detente import evaluation
from detente.cli import app
from detente.pipeline import Pipeline

from ._fakes import fake_pipeline, make_event

runner = CliRunner()

RECORDS = [
    {"id": "p1", "text": "US forces attacked.", "event_code": ["190"], "source_actor": ["USA"],
     "target_actor": ["IRQ"], "noevents": False},
    {"id": "p2", "text": "Russia criticised the US.", "event_code": ["111"], "source_actor": ["RUS"],
     "target_actor": ["USA"], "noevents": False},
]  # fmt: skip


@pytest.fixture
def labelled(tmp_path, monkeypatch):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    events = {
        "p1": [make_event("190", "USA", "IRQ")],
        "p2": [make_event("042", "RUS", "USA")],
    }
    monkeypatch.setattr(
        Pipeline, "default", classmethod(lambda cls, **kw: fake_pipeline(events))
    )
    monkeypatch.setattr(evaluation, "actor_resolver_countries", lambda: None)
    return path


def test_eval_prints_figures_and_confusion(labelled):
    result = runner.invoke(app, ["eval", str(labelled), "--show-errors", "5"])
    assert result.exit_code == 0, result.output
    assert "50.0% (1/2)" in result.output  # root accuracy
    assert "CAMEO root confusion" in result.output
    rows = {line.split()[0]: line.split()[1:] for line in result.output.splitlines()}
    assert rows["gold"] == ["04", "11", "19"]
    assert rows["11"] == ["1", ".", "."]  # gold 11 coded as 04
    assert rows["19"] == [".", ".", "1"]
    assert "Russia criticised the US." in result.output  # the error shown
    assert "US forces attacked." not in result.output


def test_eval_json(labelled):
    result = runner.invoke(app, ["eval", str(labelled), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["root_accuracy"] == 0.5
    assert data["confusion"] == {"11": {"04": 1}, "19": {"19": 1}}


def test_eval_missing_file_is_one_line_error(tmp_path):
    result = runner.invoke(app, ["eval", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2
    assert "not found" in result.output
