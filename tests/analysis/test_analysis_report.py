"""Claim reports: sections and figures exist, numbers match the analysis functions."""

from __future__ import annotations

import pandas as pd
import pytest

from detente.analysis import dyad_series
from detente.analysis.report import build_report

from .synthetic import triangle_events

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def triangle_report(triangle_frame):
    return build_report(
        "us-pressure-china-russia", lambda dedup, mapping: triangle_frame
    )


@pytest.fixture(scope="module")
def partnership_report(triangle_frame):
    return build_report("china-russia-cornerstone", triangle_frame)


def test_triangle_report_sections_and_figures(triangle_report):
    titles = triangle_report.section_titles
    for title in (
        "Claim",
        "Verdict",
        "Data",
        "Sensitivity",
        "What event data cannot test",
        "Caveats",
        "Method",
    ):
        assert title in titles
    assert {"triangle_series", "impulse_responses", "sensitivity"} <= set(
        triangle_report.figures
    )
    assert all(png.startswith(PNG) for png in triangle_report.figures.values())
    for section in triangle_report.sections:
        assert set(section.figures) <= set(triangle_report.figures)


def test_triangle_report_numbers_match_the_function(triangle_report, triangle_result):
    joint = triangle_result.joint_granger(
        ["USA->CHN", "USA->RUS"], ["CHN->RUS", "RUS->CHN"]
    )
    assert triangle_report.numbers["triangle.joint_p_value"] == pytest.approx(
        joint["p_value"]
    )
    direct = triangle_result.granger_test("USA->CHN", "CHN->RUS")["p_value"]
    assert triangle_report.numbers[
        "granger.USA->CHN=>CHN->RUS.p_value"
    ] == pytest.approx(direct)
    assert triangle_report.verdict == "supported"
    assert triangle_report.numbers["sensitivity.survives"] is True


def test_partnership_numbers_match_dyad_series(partnership_report, triangle_frame):
    series = dyad_series(triangle_frame, "CHN", "RUS", period="month")
    assert partnership_report.numbers["dyad.events"] == series["events"].sum()
    assert partnership_report.numbers["dyad.goldstein_sum"] == pytest.approx(
        series["goldstein_sum"].sum()
    )
    assert {"dyad_timeline", "network"} <= set(partnership_report.figures)
    sensitivity = partnership_report.section("Sensitivity")
    assert "Not run" in sensitivity.paragraphs[0]  # a frame holds one dedup mode


def test_html_is_self_contained(triangle_report):
    html = triangle_report.to_html()
    assert html.count('<img src="data:image/png;base64,') == len(
        triangle_report.figures
    )
    assert "http://" not in html and "https://" not in html
    assert "Supported." in html
    assert "cannot test" in html


def test_markdown_with_figure_files(triangle_report, tmp_path):
    path = triangle_report.write(tmp_path / "claim.md", markdown=True)
    text = path.read_text(encoding="utf-8")
    assert "## Verdict" in text and "| cause | effect |" in text
    assert (
        (tmp_path / "claim_files" / "impulse_responses.png")
        .read_bytes()
        .startswith(PNG)
    )
    assert "](claim_files/impulse_responses.png)" in text


def test_report_json_has_numbers(triangle_report):
    data = triangle_report.to_dict()
    assert data["verdict"] == "supported"
    assert data["numbers"]["triangle.lag_order"] >= 1


def test_fragile_result_is_reported():
    stable = triangle_events(weeks=160)
    flipped = stable.assign(goldstein=-stable["goldstein"])

    def loader(dedup, mapping):
        return flipped if dedup == "story" else stable

    report = build_report("china-russia-cornerstone", loader)
    assert report.numbers["sensitivity.survives"] is False
    assert "fragile" in " ".join(report.caveats)


def test_insufficient_data_report():
    report = build_report("us-pressure-china-russia", triangle_events(weeks=10))
    assert report.verdict == "insufficient data"
    assert "Insufficient data" in report.to_html()
    assert report.section("What event data cannot test").paragraphs


def test_date_window_is_applied(triangle_frame):
    report = build_report(
        "china-russia-cornerstone", triangle_frame, start="2016-01-01", end="2016-12-31"
    )
    assert report.data["first_date"] >= pd.Timestamp("2016-01-01")
    assert report.numbers["dyad.periods"] == 12
