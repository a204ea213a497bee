"""Every dashboard page has a JSON twin served by the same view (STYLE rule 8)."""

from __future__ import annotations

import re

import pytest

from detente.serve.views import site

PAGES = [(page, api) for page, api in site.pages if "{" not in page]


@pytest.mark.parametrize(("page", "api"), PAGES, ids=[p for p, _ in PAGES])
def test_page_and_json_twin_both_answer(client, page, api):
    html = client.get(page)
    data = client.get(api)
    assert html.status_code == 200 and html.headers["content-type"].startswith(
        "text/html"
    )
    assert data.status_code == 200 and data.json()["ok"] is True
    # The page links to its twin.
    assert f'href="{api}' in html.text


def test_event_list_page_shows_the_rows_of_its_twin(client):
    params = {"actor": "RUS", "limit": 5}
    keys = [
        e["event_key"]
        for e in client.get("/api/events", params=params).json()["events"]
    ]
    html = client.get("/events", params=params).text
    assert re.findall(r'data-key="([^"]+)"', html) == keys


@pytest.mark.parametrize(
    ("page", "needle"),
    [
        ("/documents/a05", "World Health Organization"),
        ("/actors/WST", "WST"),
    ],
    ids=["document", "actor"],
)
def test_record_pages_render_their_twin(client, page, needle):
    assert needle in client.get("/api" + page).text
    assert needle in client.get(page).text


def test_event_page_highlights_the_evidence(client):
    key = client.get("/api/events", params={"q": "blacklisted"}).json()["events"][0][
        "event_key"
    ]
    html = client.get(f"/events/{key}").text
    assert '<mark class="verb" title="verb">blacklisted</mark>' in html
    assert '<mark class="source" title="source">The Commerce Department</mark>' in html
    assert '<mark class="target" title="target">Chinese</mark>' in html


def test_page_data_is_escaped_for_script_tags(client):
    html = client.get("/dyad", params={"a": "USA", "b": "CHN"}).text
    block = html.split('id="page-data">', 1)[1].split("</script>", 1)[0]
    assert "</" not in block
