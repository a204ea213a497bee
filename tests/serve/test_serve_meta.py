"""Settings, version, the API index and the OpenAPI spec."""

from __future__ import annotations

from detente.about import __version__
from detente.settings import SETTINGS


def test_settings_lists_every_setting_with_its_help(client):
    body = client.get("/api/settings").json()
    by_name = {s["name"]: s for s in body["settings"]}
    assert set(by_name) == {s.name for s in SETTINGS}
    assert by_name["max_page_size"]["value"] == 1000
    assert by_name["max_page_size"]["env_var"] == "DETENTE_MAX_PAGE_SIZE"
    assert all(s["help"] for s in body["settings"])
    assert body["allow_write"] is False


def test_settings_show_the_served_store(client, sample_db):
    by_name = {s["name"]: s for s in client.get("/api/settings").json()["settings"]}
    assert by_name["db"]["value"] == str(sample_db)


def test_version_is_the_package_version(client):
    body = client.get("/api/version").json()
    assert body["version"] == __version__
    assert body["versions"]["duckdb"]


def test_api_index_lists_routes_and_page_twins(client):
    body = client.get("/api").json()
    paths = {r["path"] for r in body["routes"]}
    assert {
        "/api/events",
        "/api/events/{event_key}",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/actors",
        "/api/actors/{code}",
        "/api/dyad",
        "/api/network",
        "/api/balance",
        "/api/blocs",
        "/api/settings",
        "/api/version",
    } <= paths
    assert {"page": "/events", "api": "/api/events"} in body["pages"]


def test_openapi_spec_documents_the_api(client):
    spec = client.get("/api/openapi.json").json()
    assert spec["info"]["version"] == __version__
    assert "/api/events" in spec["paths"]
    assert "post" in spec["paths"]["/api/documents"]
    parameters = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"source", "target", "cursor", "limit", "q", "quad_class"} <= parameters
    # Dashboard pages are not API routes.
    assert "/events" not in spec["paths"]


def test_overview_counts_the_store(client, articles):
    body = client.get("/api/overview").json()
    assert body["counts"]["documents"] == len(articles)
    assert body["counts"]["mentions"] == sum(len(a.events) for a in articles)
    assert body["counts"]["events"] == 31
    assert (body["counts"]["first_date"], body["counts"]["last_date"]) == (
        "2024-01-09",
        "2024-06-26",
    )


def test_every_api_operation_is_documented(client):
    spec = client.get("/api/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method.upper()} {path} has no summary"
            assert operation.get("description"), (
                f"{method.upper()} {path} has no docstring"
            )
