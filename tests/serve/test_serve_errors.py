"""One error shape for every API error; HTML error pages for the dashboard."""

from __future__ import annotations

import pytest

from .conftest import assert_error_shape


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/no-such-route", 404),
        ("GET", "/api/events/d-ffffffffffffffff", 404),
        ("GET", "/api/documents/missing-doc", 404),
        ("GET", "/api/events?limit=abc", 422),
        ("GET", "/api/events?limit=5000", 400),
        ("DELETE", "/api/events", 405),
        ("POST", "/api/documents", 403),
    ],
    ids=[
        "unknown-route",
        "unknown-event",
        "unknown-document",
        "limit-not-a-number",
        "limit-over-max",
        "method-not-allowed",
        "write-on-read-only-server",
    ],
)
def test_every_api_error_has_the_one_shape(client, method, path, status):
    assert_error_shape(client.request(method, path), status)


def test_validation_error_lists_every_bad_parameter(client):
    body = assert_error_shape(
        client.get("/api/events", params={"limit": "x", "quad_class": "7"}), 422
    )
    assert len(body["errors"]) == 2
    assert any(e.startswith("limit:") for e in body["errors"])
    assert any(e.startswith("quad_class:") for e in body["errors"])


def test_dashboard_errors_are_html_pages_with_the_status(client):
    response = client.get("/events", params={"quad_class": "7"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert 'id="error"' in response.text and "quad_class" in response.text


def test_store_errors_keep_the_shape(tmp_path):
    from fastapi.testclient import TestClient

    from detente.serve import create_app

    with TestClient(create_app(str(tmp_path / "absent.duckdb"))) as missing:
        body = assert_error_shape(missing.get("/api/events"), 500)
    assert "absent.duckdb" in body["error"]
