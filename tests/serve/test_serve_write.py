"""POST /api/documents: read-only by default, bearer token when allowed."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente.errors import ConfigError
from detente.models import Article, Event
from detente.pipeline import Pipeline
from detente.serve import create_app

from .conftest import assert_error_shape

TOKEN = "s3cret-token"
ARTICLE = {
    "title": "Delhi hosts Tokyo",
    "text": "India hosted Japan for talks on Monday. Nothing else happened.",
    "date": "2024-07-01",
    "source": "Test Wire",
    "url": "https://news.example/write-1",
}


class HostCoder:
    """A test stage: codes "X hosted Y" as CAMEO 043 (no NLP needed)."""

    name = "test_host_coder"
    requires = ("text",)
    assigns = ("events",)
    COUNTRIES = {"India": "IND", "Japan": "JPN"}

    def __call__(self, article: Article) -> Article:
        match = re.search(r"(\w+) hosted (\w+)", article.text)
        if match:
            end = article.text.index(".") + 1
            article.events = [
                Event(
                    doc_id=article.doc_id,
                    sentence=article.text[:end],
                    span=(0, end),
                    source_actor=self.COUNTRIES[match.group(1)],
                    source_country=self.COUNTRIES[match.group(1)],
                    target_actor=self.COUNTRIES[match.group(2)],
                    target_country=self.COUNTRIES[match.group(2)],
                    cameo_code="043",
                    cameo_root="04",
                    goldstein=2.8,
                    quad_class=1,
                    plover_type="CONSULT",
                    event_date=article.date.isoformat() if article.date else None,
                    source_span=match.span(1),
                    target_span=match.span(2),
                    verb_span=(
                        match.start(1) + len(match.group(1)) + 1,
                        match.start(2) - 1,
                    ),
                )
            ]
        return article


@pytest.fixture()
def writable_db(sample_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "writable.duckdb"
    shutil.copy(sample_db, copy)
    return copy


@pytest.fixture()
def write_client(writable_db: Path) -> Iterator[TestClient]:
    app = create_app(
        str(writable_db),
        allow_write=True,
        token=TOKEN,
        pipeline=Pipeline([HostCoder()]),
    )
    with TestClient(app) as test_client:
        yield test_client


def _auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_write_refused_when_server_is_read_only(client):
    body = assert_error_shape(
        client.post("/api/documents", json=ARTICLE, headers=_auth()), 403
    )
    assert "--allow-write" in body["error"]


@pytest.mark.parametrize(
    "headers",
    [{}, _auth("wrong"), {"Authorization": TOKEN}, {"Authorization": "Basic abc"}],
    ids=["no-header", "wrong-token", "no-bearer-scheme", "basic-auth"],
)
def test_write_without_the_right_token_is_401(write_client, headers):
    response = write_client.post("/api/documents", json=ARTICLE, headers=headers)
    body = assert_error_shape(response, 401)
    assert "bearer" in body["error"].lower()
    assert response.headers["www-authenticate"] == "Bearer"


def test_write_with_token_codes_stores_and_serves_the_article(write_client):
    response = write_client.post("/api/documents", json=ARTICLE, headers=_auth())
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["ok"] is True and body["added"] is True
    assert [
        (e["source_actor"], e["target_actor"], e["cameo_code"]) for e in body["events"]
    ] == [("IND", "JPN", "043")]
    stored = write_client.get(body["url"]).json()
    assert stored["document"]["title"] == ARTICLE["title"]
    events = write_client.get("/api/events", params={"dyad": "IND,JPN"}).json()[
        "events"
    ]
    assert len(events) == 1 and events[0]["event_date"] == "2024-07-01"
    # Posting the same article again stores nothing new.
    again = write_client.post("/api/documents", json=ARTICLE, headers=_auth()).json()
    assert again["added"] is False and again["doc_id"] == body["doc_id"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({**ARTICLE, "text": ""}, "text"),
        ({**ARTICLE, "date": "yesterday"}, "date"),
        ({**ARTICLE, "colour": "red"}, "colour"),
        ({k: v for k, v in ARTICLE.items() if k != "text"}, "text"),
    ],
    ids=["empty-text", "bad-date", "unknown-field", "missing-text"],
)
def test_write_validates_the_body(write_client, payload, field):
    body = assert_error_shape(
        write_client.post("/api/documents", json=payload, headers=_auth()), 422
    )
    assert field in body["error"]


def test_write_body_over_the_limit_is_413(write_client, monkeypatch):
    monkeypatch.setenv("DETENTE_MAX_BODY_BYTES", "1000")
    app = create_app(
        str(write_client.app.state.detente.db),
        allow_write=True,
        token=TOKEN,
        pipeline=Pipeline([HostCoder()]),
    )
    with TestClient(app) as small:
        big = {**ARTICLE, "text": "India hosted Japan. " * 200}
        body = assert_error_shape(
            small.post("/api/documents", json=big, headers=_auth()), 413
        )
    assert "max_body_bytes" in body["error"]


def test_allow_write_without_token_is_a_config_error(sample_db, monkeypatch):
    monkeypatch.delenv("DETENTE_TOKEN", raising=False)
    with pytest.raises(ConfigError, match="DETENTE_TOKEN"):
        create_app(str(sample_db), allow_write=True)


def test_token_comes_from_the_environment(writable_db, monkeypatch):
    monkeypatch.setenv("DETENTE_TOKEN", "from-env")
    app = create_app(
        str(writable_db), allow_write=True, pipeline=Pipeline([HostCoder()])
    )
    with TestClient(app) as env_client:
        assert (
            env_client.post("/api/documents", json=ARTICLE, headers=_auth()).status_code
            == 401
        )
        response = env_client.post(
            "/api/documents", json=ARTICLE, headers=_auth("from-env")
        )
        assert response.status_code == 201


@pytest.mark.slow
def test_write_runs_the_default_pipeline(writable_db):
    """No test pipeline: the server codes the article with Pipeline.default()."""
    app = create_app(str(writable_db), allow_write=True, token=TOKEN)
    article = {
        "title": "Trade pact",
        "text": "China and Russia signed a trade agreement in Moscow on Tuesday.",
        "date": "2024-07-02",
        "source": "Test Wire",
    }
    with TestClient(app) as real:
        response = real.post("/api/documents", json=article, headers=_auth())
        assert response.status_code == 201, response.text
        coded = {
            (e["source_country"], e["target_country"])
            for e in response.json()["events"]
        }
        assert ("CHN", "RUS") in coded
        stored = real.get(response.json()["url"]).json()
        assert stored["document"]["n_events"] == len(response.json()["events"])
