"""``detente explain`` and ``detente doctor`` through the real CLI app."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(["explain", "190"], "PLOVER ASSAULT", id="cameo code"),
        pytest.param(["explain", "19"], "CAMEO root 19", id="cameo root"),
        pytest.param(
            ["explain", "ASSAULT"], "default CAMEO code: 190", id="plover type"
        ),
        pytest.param(
            ["explain", "DEMAND"], "DEMAND is a PLOVER 0.5b1 name", id="legacy name"
        ),
        pytest.param(["explain", "gdelt.v1"], "Material Conflict", id="mapping"),
        pytest.param(["explain", "--mappings"], "phoenix.v1", id="list mappings"),
        pytest.param(["explain", "--plover"], "COERCE", id="list plover"),
    ],
)
def test_explain_prints_answer(args, expected):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_explain_json_for_code():
    result = runner.invoke(app, ["explain", "163", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["goldstein"] == -8.0
    assert data["quad_class"]["gdelt.v1"]["quad_class"] == 4


def test_explain_unknown_term_is_one_line_error():
    result = runner.invoke(app, ["explain", "FROWN"])
    assert result.exit_code == 2
    assert "cannot explain 'FROWN'" in result.output
    assert "Traceback" not in result.output


def test_doctor_reports_one_line_per_check():
    result = runner.invoke(app, ["doctor", "--no-load", "--json"])
    data = json.loads(result.output)
    assert data["status"] in ("none", "sample", "full")
    names = [c["name"] for c in data["checks"]]
    assert "ontology data" in names and "spaCy model" in names
    ontology = next(c for c in data["checks"] if c["name"] == "ontology data")
    assert ontology["status"] == "ok"
    assert "CAMEO codes (20 roots), 16 PLOVER types" in ontology["message"]
    assert result.exit_code == (1 if data["status"] == "none" else 0)
