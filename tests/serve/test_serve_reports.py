"""Claim reports: the list, one report as JSON, as a page and as full HTML."""

from __future__ import annotations

import pytest

from .conftest import assert_error_shape

CLAIM = "china-russia-cornerstone"
VERDICTS = {
    "supported",
    "partly supported",
    "not supported",
    "contradicted",
    "insufficient data",
}


def test_reports_list_the_bundled_claims(client):
    claims = {c["name"]: c for c in client.get("/api/reports").json()["claims"]}
    assert CLAIM in claims
    assert claims[CLAIM]["test"] == "partnership"
    assert claims[CLAIM]["api"] == f"/api/reports/{CLAIM}"


def test_report_json_has_verdict_sections_and_numbers(client):
    body = client.get(f"/api/reports/{CLAIM}", params={"sensitivity": "false"}).json()
    assert body["claim"] == CLAIM
    assert body["verdict"] in VERDICTS
    titles = [s["title"] for s in body["sections"]]
    assert titles[:3] == ["Claim", "Verdict", "Data"]
    assert body["data"]["dedup"] == "one-a-day"
    assert body["caveats"]
    assert body["html_url"].startswith(f"/api/reports/{CLAIM}/html")


def test_report_page_and_full_html_render_the_same_report(client):
    params = {"sensitivity": "false"}
    body = client.get(f"/api/reports/{CLAIM}", params=params).json()
    page = client.get(f"/reports/{CLAIM}", params=params).text
    assert 'id="verdict"' in page and body["verdict"] in page
    full = client.get(f"/api/reports/{CLAIM}/html", params=params)
    assert full.headers["content-type"].startswith("text/html")
    assert body["title"] in full.text


def test_report_options_change_the_run(client):
    body = client.get(
        f"/api/reports/{CLAIM}", params={"sensitivity": "false", "dedup": "none"}
    ).json()
    assert body["data"]["dedup"] == "none"


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/reports/no-such-claim", {}, 404),
        ("/api/reports/us_pressure_china_russia.yaml", {}, 404),
        (f"/api/reports/{CLAIM}", {"quad_class_mapping": "weis"}, 422),
        (
            f"/api/reports/{CLAIM}",
            {"date_from": "2024-06-01", "date_to": "2024-01-01"},
            400,
        ),
    ],
    ids=[
        "unknown-claim",
        "file-name-is-not-a-claim-name",
        "unknown-mapping",
        "reversed-range",
    ],
)
def test_report_bad_requests(client, path, params, status):
    assert_error_shape(client.get(path, params=params), status)
