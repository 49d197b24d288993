"""The web UI in a real browser: Debian's Chromium driven by Playwright, against `tealeaves serve`.

The server is the real command in a subprocess; Chromium is /usr/bin/chromium (`.ci/run` installs the
Debian package when it is missing; Playwright never downloads a browser). Screenshots of every page go to
artifacts/screenshots/ (gitignored) so a reader can look at what the tests saw.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("TEALEAVES_CHROMIUM", "/usr/bin/chromium")
# As root Chromium needs --no-sandbox; the rest keep it from calling out on a machine with no network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
TOKEN = "browser-test-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(facts_db, tmp_path_factory):
    """`tealeaves serve` on a copy of the sample with its facts extracted and its term index built."""
    db = tmp_path_factory.mktemp("browser") / "sample.db"
    shutil.copy(facts_db, db)
    port = _free_port()
    log = (db.parent / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tealeaves", "serve", "--db", str(db), "--port", str(port), "--token", TOKEN],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/api/stats", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"tealeaves serve did not start: {(db.parent / 'server.log').read_text()}")
            time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: `apt-get install -y chromium` (Debian's package), as .ci/run does"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Watch:
    """Collects what a page did wrong: script errors, console errors, requests that left the server."""

    def __init__(self, page, base: str):
        self.problems: list[str] = []
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on(
            "console",
            lambda m: (
                self.problems.append(f"console {m.type}: {m.text}")
                if m.type == "error" and "status of 400" not in m.text and "status of 404" not in m.text
                else None
            ),
        )
        page.on(
            "request",
            lambda r: (
                None
                if r.url.startswith(base) or r.url.startswith("data:")
                else self.problems.append(f"request outside the app: {r.url}")
            ),
        )


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(15_000)
    pg.watch = Watch(pg, server)
    yield pg
    problems = pg.watch.problems
    ctx.close()
    assert not problems, problems


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def chart_state(page, selector: str) -> dict:
    page.wait_for_selector(f"{selector}[data-rendered='1']")
    return page.eval_on_selector(
        selector,
        """f => ({points: +f.dataset.points, max: +f.dataset.max, by: f.dataset.by,
                 bars: f.querySelectorAll('rect.bar').length,
                 nonzero: [...f.querySelectorAll('rect.bar')].filter(r => +r.dataset.value > 0).length,
                 unit: f.querySelector('.axis.y .unit').textContent,
                 ticks: f.querySelectorAll('.axis.x text').length})""",
    )


def test_search_then_follow_a_result_to_its_document(page, server):
    page.goto(server + "/")
    shot(page, "01-home")
    page.fill("input[name=q]", '"arduous march"')
    page.click("form.search button[type=submit]")
    page.wait_for_selector("ol.hits li.hit")
    summary = page.text_content("#result-summary")
    api = page.request.get(server + "/api/search?q=%22arduous+march%22&limit=1").json()
    assert f"{api['total']:,}" in summary
    hits = page.locator("li.hit")
    assert hits.count() == min(20, api["total"])
    assert "arduous march" in page.locator("li.hit mark").first.text_content().lower()
    c = chart_state(page, "#hits-chart")
    assert c["bars"] == c["points"] > 10 and c["nonzero"] > 0 and c["max"] > 0
    assert c["unit"] == "documents per year" and c["ticks"] > 3
    shot(page, "02-search-results")

    page.click("nav.pager a[rel=next]")
    page.wait_for_selector("ol.hits[start='21']")
    page.go_back()

    title = hits.first.locator("a.hit-title").text_content()
    hits.first.locator("a.hit-title").click()
    page.wait_for_selector("#document")
    assert page.text_content("h1.doc-title").strip() == title.strip()
    marked = page.locator(".hl-match")
    assert marked.count() >= 1 and "arduous march" in marked.first.text_content().lower()
    page.uncheck("#legend input[data-kind=match]")
    assert page.eval_on_selector("#document", "d => d.classList.contains('hide-match')")
    shot(page, "03-document")


def test_document_with_body_text(page, server):
    api = page.request.get(server + "/api/search?q=Kanggye+AND+spirit&limit=1&sort=date").json()
    doc_id = api["hits"][0]["id"]
    page.goto(f"{server}/doc/{doc_id}?q=Kanggye")
    page.wait_for_selector("#doc-body .hl-match")
    assert "kanggye" in page.locator("#doc-body .hl-match").first.text_content().lower()
    shot(page, "04-document-body")


def test_term_page_chart_renders_with_data(page, server):
    page.goto(server + "/term")
    page.fill("input[name=t]", "Arduous March")
    page.click("form.search button[type=submit]")
    c = chart_state(page, "#term-chart")
    api = page.request.get(server + "/api/terms/Arduous%20March?by=year").json()
    points = api["chart"]["series"][0]["points"]  # every variant of the term, from the term index
    assert c["points"] == len(points) and c["nonzero"] == sum(1 for p in points if p["count"])
    assert c["max"] == max(p["count"] for p in points) and c["unit"] == "documents per year"
    js = "f => [+f.dataset.shareMax, !!f.querySelector('.share-line')]"
    both = page.eval_on_selector("#term-chart", js)
    assert both == [pytest.approx(100 * max(p["share"] or 0 for p in points)), True]  # share on its own axis

    page.hover("#term-chart .hit-area", position={"x": 600, "y": 100})
    tip = page.locator("#term-chart .chart-tip")
    assert tip.is_visible() and "documents" in tip.text_content()

    page.click("#term-chart button[data-mode=share]")
    c = chart_state(page, "#term-chart")
    assert c["unit"] == "% of all documents per year"
    assert abs(c["max"] - 100 * max(p["share"] or 0 for p in points)) < 1e-6

    page.click("#term-chart button[data-by=month]")
    page.wait_for_selector("#term-chart[data-by=month][data-rendered='1']")
    c = chart_state(page, "#term-chart")
    assert c["points"] > 12 * 20 and c["unit"] == "% of all documents per month"

    first = page.locator(".first-hits li")
    assert first.count() >= 1 and "arduous march" in first.first.locator("mark").text_content().lower()
    variants = page.locator("#variant-table tbody tr")
    assert variants.count() == len(api["variant_counts"]) > 1  # e.g. "marcha penosa" under the same term
    assert page.locator("#first-by-variant mark").count() >= len(api["first_use"])
    shot(page, "05-term")


def test_clicking_a_bar_searches_that_period(page, server):
    page.goto(server + "/?q=juche")
    chart_state(page, "#hits-chart")
    bar = page.locator("#hits-chart rect.bar[data-period='2011']")
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + max(1, box["height"]) - 1)
    page.wait_for_url("**from=2011**")
    dates = page.locator("li.hit .date").all_text_contents()
    assert dates and all(d.startswith("2011") for d in dates)
    assert page.input_value("input[name=from]") == "2011"
    shot(page, "06-search-one-year")


def test_errors_are_pages_too(page, server):
    r = page.goto(server + "/doc/no-such-document")
    assert r.status == 404
    assert "no-such-document" in page.text_content("#error-message")
    page.goto(server + "/?q=%28")
    assert "parenthes" in page.text_content("#error-message") or "expected" in page.text_content(
        "#error-message"
    )
    shot(page, "07-error")


def test_terms_list_leads_to_term_pages(page, server):
    page.goto(server + "/terms")
    rows = page.locator("#term-table tbody tr")
    assert rows.count() > 5
    name = rows.first.locator("a").text_content()
    rows.first.locator("a").click()
    page.wait_for_selector("#term-index")
    assert page.input_value("input[name=t]") == name
    assert chart_state(page, "#term-chart")["nonzero"] > 0
    shot(page, "08-terms")


def test_entity_page(page, server):
    page.goto(server + "/entities?type=PERSON")
    page.locator("#entity-table a", has_text="Kim Jong Un").first.click()
    page.wait_for_selector("h1.entity-name")
    assert page.text_content("h1.entity-name") == "Kim Jong Un"
    assert page.locator("#aliases li").count() > 2
    c = chart_state(page, "#entity-chart")
    assert c["nonzero"] > 0 and c["unit"] == "documents per year"
    assert page.locator("#cooccurring tbody tr").count() > 3 and page.locator("#places tbody tr").count() > 0
    shot(page, "09-entity")


def test_appearances_with_map(page, server):
    page.goto(server + "/appearances")
    c = chart_state(page, "#appearance-chart")
    assert c["unit"] == "appearances per year"
    assert page.locator("#appearance-map svg .province").count() == 12
    assert page.locator("#appearance-map svg .point").count() > 3
    shaded = page.locator("#appearance-map svg .province:not(.shade-0)").count()
    assert shaded >= 3 and page.locator("#province-table tbody tr").count() == shaded
    assert page.locator("#appearance-table tbody tr").count() > 10
    shot(page, "10-appearances")
    page.locator("#appearance-map svg a").first.click()  # a place: its appearances only
    page.wait_for_url("**place=**")
    assert page.locator("#appearance-table tbody tr").count() >= 1


def test_document_shows_extracted_facts(page, server):
    ev = page.request.get(server + "/api/events?type=appearance&limit=1").json()["events"][0]
    page.goto(f"{server}/doc/{ev['doc_id']}")
    for kind in ("mention", "event"):
        assert page.locator(f"#document .hl-{kind}").count() >= 1
    page.locator("table.fact-table[data-kind=mention] tr[data-ref]").first.click()
    assert page.locator("#document .flash").count() == 1
    page.uncheck("#legend input[data-kind=mention]")
    assert page.eval_on_selector("#document", "d => d.classList.contains('hide-mention')")
    shot(page, "11-document-facts")


def test_quotes_page(page, server):
    page.goto(server + "/quotes")
    rows = page.locator("#quote-table tbody tr")
    assert rows.count() > 10 and page.locator("#quote-table mark").count() >= rows.count()
    shot(page, "12-quotes")


def test_brief_for_a_week(page, server):
    page.goto(server + "/brief")
    page.fill("input[name=week]", "2012-W15")
    page.click("form.search button[type=submit]")
    page.wait_for_selector("#brief-title")
    assert "2012-04-09" in page.text_content("#brief-title")
    for section in ("new-terms", "bursts", "appearances", "meetings", "quotes"):
        assert page.locator(f"#brief-{section} h2").count() == 1
    assert (
        page.locator("#brief-new-terms li").count() >= 1
        and page.locator("#brief-new-terms mark").count() >= 1
    )
    if page.locator("#brief-bursts tr").count():
        assert page.locator("#brief-bursts svg.mini rect.bar").count() >= 1
    shot(page, "13-brief")
    page.click("nav.pager a[rel=prev]")
    page.wait_for_url("**week=2012-W14**")
    assert "2012-04-02" in page.text_content("#brief-title")
