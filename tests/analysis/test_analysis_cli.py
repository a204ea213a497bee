"""``detente analyze`` and ``detente report`` on event files and a sample store."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from detente.cli import app

from .synthetic import bloc_events, level_shift_events

runner = CliRunner()


@pytest.fixture(scope="module")
def triangle_csv(tmp_path_factory, triangle_frame):
    path = tmp_path_factory.mktemp("events") / "triangle.csv"
    triangle_frame.to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def blocs_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("events") / "blocs.jsonl"
    bloc_events([["USA", "GBR", "FRA"], ["CHN", "RUS", "IRN"]]).to_json(
        path, orient="records", lines=True, date_format="iso"
    )
    return path


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    from tests.fixtures import build_store

    return build_store(tmp_path_factory.mktemp("store") / "sample.duckdb")


def run_json(*args: str):
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_triangle_json(triangle_csv):
    data = run_json(
        "analyze",
        "triangle",
        "USA",
        "CHN",
        "RUS",
        "--period",
        "week",
        "--events",
        str(triangle_csv),
    )
    tests = {(g["cause"], g["effect"]): g for g in data["granger"]}
    assert set(tests[("USA->CHN", "CHN->RUS")]) >= {
        "cause",
        "effect",
        "p_value",
        "lag",
        "f_stat",
    }
    assert tests[("USA->CHN", "CHN->RUS")]["p_value"] < 0.01
    assert tests[("CHN->RUS", "USA->CHN")]["p_value"] > 0.05


def test_balance_json(blocs_csv):
    data = run_json("analyze", "balance", "--events", str(blocs_csv))
    assert {
        "balanced_triad_share",
        "frustration",
        "walk_balance",
        "unbalanced_triads",
    } <= set(data)
    assert data["frustration"] == 0 and data["balanced_triad_share"] == 1.0


def test_blocs_json_and_plot(blocs_csv, tmp_path):
    plot = tmp_path / "blocs.png"
    data = run_json("analyze", "blocs", "--events", str(blocs_csv), "--plot", str(plot))
    assert sorted(map(sorted, data["blocs"])) == [
        ["CHN", "IRN", "RUS"],
        ["FRA", "GBR", "USA"],
    ]
    assert data["cohesion"] == [1.0, 1.0]
    assert plot.read_bytes().startswith(b"\x89PNG")


def test_dyad_json(triangle_csv):
    data = run_json(
        "analyze",
        "dyad",
        "CHN",
        "RUS",
        "--period",
        "month",
        "--directed",
        "--from",
        "2016-01-01",
        "--to",
        "2016-12-31",
        "--events",
        str(triangle_csv),
    )
    assert len(data["series"]) == 12
    assert data["series"][0]["period"] == "2016-01-01"
    assert all(row["conflictual"] == 0 for row in data["series"])


def test_network_graphml(blocs_csv, tmp_path):
    path = tmp_path / "net.graphml"
    data = run_json(
        "analyze", "network", "--events", str(blocs_csv), "--graphml", str(path)
    )
    assert data["summary"]["nodes"] == 6
    assert path.read_text(encoding="utf-8").startswith("<?xml")


def test_changes_json(tmp_path):
    path = tmp_path / "shift.csv"
    level_shift_events(shift_week=25).to_csv(path, index=False)
    data = run_json("analyze", "changes", "CHN", "RUS", "--events", str(path))
    assert [p["index"] for p in data["change_points"]] == [25]


def test_polarity_json(blocs_csv):
    data = run_json("analyze", "polarity", "--events", str(blocs_csv))
    assert data["polarity"][0]["n_blocs"] == 2


def test_bad_option_is_one_line_error(triangle_csv):
    result = runner.invoke(
        app,
        [
            "analyze",
            "dyad",
            "CHN",
            "RUS",
            "--period",
            "fortnight",
            "--events",
            str(triangle_csv),
        ],
    )
    assert result.exit_code == 2
    assert "unknown period 'fortnight'" in result.stderr
    assert "Traceback" not in result.output


def test_report_list():
    data = run_json("report", "list")
    assert [c["name"] for c in data] == [
        "china-russia-cornerstone",
        "us-pressure-china-russia",
        "us-withdrawal-igo",
    ]


def test_report_claim_writes_html(triangle_csv, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(
        app,
        [
            "report",
            "claim",
            "us-pressure-china-russia",
            "--events",
            str(triangle_csv),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "supported" in result.stdout
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_claim_markdown(triangle_csv, tmp_path):
    out = tmp_path / "report.md"
    result = runner.invoke(
        app,
        [
            "report",
            "claim",
            "china-russia-cornerstone",
            "--events",
            str(triangle_csv),
            "-o",
            str(out),
            "--markdown",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "## Verdict" in out.read_text(encoding="utf-8")
    assert (tmp_path / "report_files" / "dyad_timeline.png").exists()


def test_store_commands(sample_db):
    data = run_json("analyze", "blocs", "--db", str(sample_db))
    membership = {actor: i for i, bloc in enumerate(data["blocs"]) for actor in bloc}
    assert membership["CHN"] == membership["RUS"] != membership["USA"]
    triangle = run_json(
        "analyze", "triangle", "USA", "CHN", "RUS", "--db", str(sample_db)
    )
    assert triangle["status"] == "insufficient data"


def test_store_report_is_insufficient(sample_db):
    data = run_json(
        "report", "claim", "china-russia-cornerstone", "--db", str(sample_db)
    )
    assert data["verdict"] == "insufficient data"
    assert data["sensitivity"] is None
