"""GET /api/documents and /api/documents/{doc_id}."""

from __future__ import annotations

import pytest

from .conftest import assert_error_shape


def test_documents_list_every_article_newest_first(client, articles):
    body = client.get("/api/documents", params={"limit": 100}).json()
    assert [d["doc_id"] for d in body["documents"]] == [
        a.doc_id
        for a in sorted(articles, key=lambda a: (a.date, a.doc_id), reverse=True)
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"source": "Evening Post", "date_to": "2024-02-28"}, ["a09", "a07"]),
        ({"q": "SANCTIONS"}, ["a28", "a19", "a06"]),
        ({"date_from": "2024-06-20"}, ["a28", "a27"]),
    ],
    ids=["by-source-and-date", "title-search", "from-date"],
)
def test_documents_filters(client, params, expected):
    body = client.get("/api/documents", params=params).json()
    assert [d["doc_id"] for d in body["documents"]] == expected


def test_documents_cursor_paging_reaches_every_document(client, articles):
    seen, params = [], {"limit": 10}
    while True:
        body = client.get("/api/documents", params=params).json()
        seen += [d["doc_id"] for d in body["documents"]]
        if not body["next_cursor"]:
            break
        params = {"limit": 10, "cursor": body["next_cursor"]}
    assert sorted(seen) == sorted(a.doc_id for a in articles)
    assert len(seen) == len(set(seen))


def test_document_has_metadata_sentences_and_events(client):
    body = client.get("/api/documents/a13").json()
    assert body["document"]["title"] == "India buys Russian oil"
    assert [s["sentence_index"] for s in body["sentences"]] == [0, 1]
    negated = [m for m in body["mentions"] if m["negated"]]
    assert [m["verb_text"] for m in negated] == ["did not cut"]
    assert all(m["segments"] for m in body["mentions"])


def test_document_unknown_is_404(client):
    body = assert_error_shape(client.get("/api/documents/nope"), 404)
    assert "nope" in body["error"]
