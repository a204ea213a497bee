"""Fixtures of the serve tests: the sample store and clients over the real app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.fixtures import build_store, sample_articles


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample store of tests/fixtures.py, written once per session."""
    return build_store(tmp_path_factory.mktemp("serve") / "sample.duckdb")


@pytest.fixture(scope="session")
def articles():
    """The hand-made articles the sample store holds."""
    return sample_articles()


@pytest.fixture(scope="session")
def client(sample_db: Path) -> Iterator[TestClient]:
    """A client over the read-only app serving the sample store."""
    from detente.serve import create_app

    with TestClient(create_app(str(sample_db))) as test_client:
        yield test_client


def assert_error_shape(response, status: int) -> dict:
    """The one error body of the API, with ``status``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list) and body["errors"]
    assert all(isinstance(e, str) and e for e in body["errors"])
    return body
