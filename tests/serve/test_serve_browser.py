"""End-to-end: the dashboard in a real headless Chromium, over a real server.

Debian's ``chromium`` (``scripts/ci/install_browser.sh``) driven by
Playwright's Python package; never ``playwright install``. Screenshots go to
``artifacts/`` as test artifacts.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = Path(os.environ.get("DETENTE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def _chromium() -> str:
    if CHROMIUM.exists():
        return str(CHROMIUM)
    found = shutil.which("chromium")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(
            "CI is set but chromium is missing: run scripts/ci/install_browser.sh"
        )
    pytest.skip("chromium not found: run scripts/ci/install_browser.sh (needs apt)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server_url(sample_db: Path) -> Iterator[str]:
    """The real app under uvicorn on a free loopback port, in a thread."""
    import uvicorn

    from detente.serve import create_app

    port = _free_port()
    config = uvicorn.Config(
        create_app(str(sample_db)), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture()
def page(browser, server_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if message.type == "error" else None
        ),
    )
    # Offline by construction: refuse every request that leaves the server.
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(server_url)
            else route.abort()
        ),
    )
    page.server_url = server_url  # type: ignore[attr-defined]
    yield page
    context.close()
    assert errors == [], f"errors in the browser console: {errors}"


def _screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def _bar_count(page) -> int:
    return page.locator("#dyad-chart .barlayer .point").count()


def test_dyad_timeline_draws_quadclass_bars_and_goldstein_line(page):
    page.goto(page.server_url + "/dyad?a=USA&b=CHN")
    page.wait_for_selector("#dyad-chart .main-svg")
    # Four QuadClass bar traces and one Goldstein line, six months each.
    assert page.locator("#dyad-chart .barlayer .trace.bars").count() == 4
    assert _bar_count(page) == 4 * 6
    line = page.locator("#dyad-chart .scatterlayer .trace")
    assert line.count() == 1
    assert line.locator("path.js-line").get_attribute("d")
    legend = page.locator("#dyad-chart .legendtext").all_text_contents()
    assert "Goldstein sum" in legend and "material conflict" in legend
    assert "USA – CHN" in page.locator("#dyad-message").text_content()
    _screenshot(page, "dashboard-dyad.png")


def test_dyad_dropdowns_redraw_the_chart(page):
    page.goto(page.server_url + "/dyad?a=USA&b=CHN")
    page.wait_for_selector("#dyad-chart .main-svg")
    page.select_option("#dyad-b", "RUS")
    page.wait_for_function(
        "document.getElementById('dyad-message').textContent.includes('RUS')"
    )
    assert "b=RUS" in page.url
    data = page.evaluate("document.getElementById('dyad-chart').data")
    counts = [sum(y for y in trace["y"]) for trace in data if trace["type"] == "bar"]
    # USA-RUS: sanctions (one merged event), an accusation each way.
    assert sum(counts) == 3


def test_clicking_a_period_lists_its_events_and_their_evidence(page):
    page.goto(page.server_url + "/dyad?a=USA&b=CHN")
    page.wait_for_selector("#dyad-chart .main-svg")
    bars = page.locator("#dyad-chart .barlayer .point path")
    target = None
    for i in range(bars.count()):
        box = bars.nth(i).bounding_box()
        if box and box["height"] > 5:
            target = box
            break
    assert target is not None, "no visible bar to click"
    page.mouse.click(
        target["x"] + target["width"] / 2, target["y"] + target["height"] / 2
    )
    page.wait_for_selector("#period-events:not([hidden]) tr.event-row")
    title = page.locator("#period-title").text_content()
    assert title.startswith("USA – CHN: 2024-")
    rows = page.locator("#period-list tr.event-row")
    assert rows.count() >= 1
    rows.first.click()
    page.wait_for_selector(
        "#evidence-panel:not([hidden]) #evidence-body .sentence mark.verb"
    )
    for role in ("source", "target", "verb"):
        assert page.locator(f"#evidence-body .sentence mark.{role}").count() >= 1
    _screenshot(page, "dashboard-dyad-period.png")


def test_event_browser_opens_the_evidence_with_highlighted_spans(page):
    page.goto(page.server_url + "/events?q=blacklisted")
    row = page.locator("tr.event-row")
    assert row.count() == 1
    row.first.locator("td").first.click()
    page.wait_for_selector("#evidence-body .sentence mark.verb")
    assert page.locator(
        "#evidence-body .sentence mark.source"
    ).first.text_content() == ("The Commerce Department")
    assert (
        page.locator("#evidence-body .sentence mark.verb").first.text_content()
        == "blacklisted"
    )
    assert (
        page.locator("#evidence-body .sentence mark.target").first.text_content()
        == "Chinese"
    )
    sentence = page.locator("#evidence-body .sentence").first.text_content()
    assert sentence == "The Commerce Department blacklisted dozens of Chinese firms."
    assert "selected" in (row.first.get_attribute("class") or "")
    _screenshot(page, "dashboard-events.png")


def test_event_browser_filters_with_the_form(page):
    page.goto(page.server_url + "/events")
    page.fill("input[name=actor]", "irn")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*actor=irn*")
    cells = page.locator("tr.event-row td:nth-child(2), tr.event-row td:nth-child(3)")
    texts = cells.all_text_contents()
    assert texts and page.locator("tr.event-row").count() == 4
    assert all(
        any(t.startswith("IRN") for t in texts[i : i + 2])
        for i in range(0, len(texts), 2)
    )


def test_network_view_colours_nodes_by_bloc(page):
    page.goto(page.server_url + "/network")
    page.wait_for_selector("#network-chart .main-svg")
    labels = page.locator("#network-chart .textpoint").all_text_contents()
    assert {"USA", "CHN", "RUS", "IND", "WST", "IRN"} <= set(labels)
    colours = page.evaluate(
        """() => {
            const nodes = document.getElementById('network-chart').data.find(t => t.name === 'actors');
            return Object.fromEntries(nodes.text.map((t, i) => [t, nodes.marker.color[i]]));
        }"""
    )
    assert colours["USA"] == colours["IND"] == colours["WST"]
    assert colours["CHN"] == colours["RUS"] == colours["IRN"]
    assert colours["USA"] != colours["CHN"]
    assert page.locator("ol.blocs li").count() == 2
    _screenshot(page, "dashboard-network.png")


def test_front_page_links_to_a_working_dyad(page):
    page.goto(page.server_url + "/")
    assert page.locator("#count-events").text_content() == "31"
    page.click("table.dyads a:text('timeline')")
    page.wait_for_selector("#dyad-chart .main-svg")
    assert _bar_count(page) > 0


def test_claim_report_opens_from_the_list(page):
    page.goto(page.server_url + "/reports")
    page.click("table.claims a:text('China–Russia coordination')")
    page.wait_for_selector("#verdict")
    assert page.locator("#verdict strong").text_content() in {
        "supported",
        "partly supported",
        "not supported",
        "contradicted",
        "insufficient data",
    }
    assert page.locator("section.report-section h2").first.text_content() == "Claim"
    _screenshot(page, "dashboard-report.png")
