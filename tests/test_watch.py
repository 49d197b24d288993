"""Feeds, watch, watchlists and alerts against a real HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from live_server import LocalServer, Route, atom, rss
from tealeaves.cli import cli
from tealeaves.ingest.http import Limits
from tealeaves.store import feeds as feeds_mod
from tealeaves.store.watch import WatchOptions, run_round, spool_dir

WEB = Path(__file__).parent / "data" / "web"
GOLD = json.loads((WEB / "ground-truth.json").read_text(encoding="utf-8"))
KEYS = list(GOLD)


def page(i: int) -> bytes:
    return gzip.decompress((WEB / "pages" / f"{KEYS[i]}.html.gz").read_bytes())


@pytest.fixture
def env(monkeypatch):
    for k, v in {
        "FEED_INTERVAL": "0",
        "FEED_BACKOFF": "600",
        "FETCH_TIMEOUT": "0.5",
        "FETCH_DEADLINE": "2",
        "MAX_RESPONSE_BYTES": str(2 * 1024 * 1024),
        "WEBHOOK_PAUSE": "0.05",
        "ITEM_MAX_ATTEMPTS": "2",
    }.items():
        monkeypatch.setenv("TEALEAVES_" + k, v)


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


def opts(**kw) -> WatchOptions:
    return WatchOptions.default(interval=0, limits=Limits.default(), extract=False, **kw)


def serve_pages(server: LocalServer, n: int) -> list[dict]:
    items = []
    for i in range(n):
        server.routes[f"/news/{i}.html"] = Route(page(i))
        items.append(
            {
                "title": f"Story {i}",
                "link": server.url(f"/news/{i}.html"),
                "date": "Mon, 15 Jul 2024 08:30:00 +0900",
            }
        )
    return items


def states(store) -> dict[str, str]:
    return dict(store.conn.execute("SELECT url, coalesce(reason, state) FROM feed_items"))


def test_rss_and_atom_round_then_conditional_get(env, server, store):
    items = serve_pages(server, 5)
    server.routes["/rss.xml"] = Route(rss(items[:3]), content_type="application/rss+xml", etag='"v1"')
    server.routes["/atom.xml"] = Route(
        atom(
            [
                {"title": "Story 2 again", "link": items[2]["link"] + "?utm_source=atom&utm_medium=feed"},
                *[{"title": i["title"], "link": i["link"]} for i in items[3:]],
            ]
        ),
        content_type="application/atom+xml",
        last_modified="Tue, 16 Jul 2024 06:10:00 GMT",
    )
    feeds_mod.add_feed(store, server.url("/rss.xml"), source="KCNA Watch")
    feeds_mod.add_feed(store, server.url("/atom.xml"))
    r = run_round(store, opts())
    assert (r.feeds_polled, r.items_new, r.items_duplicate, r.pages_fetched, r.stored) == (2, 5, 1, 5, 5)
    assert len(server.hits("/news/2.html")) == 1  # listed twice, fetched once
    st = sorted(r[0] for r in store.conn.execute("SELECT state FROM feed_items"))
    assert st == ["duplicate_item", *["stored"] * 5]
    rows = store.conn.execute(
        "SELECT s.name, d.published, w.feed, w.kind, w.origin_file FROM docs d "
        "JOIN sources s ON s.id = d.source_id "
        "JOIN web_origins w ON w.doc_id = d.id ORDER BY d.seq"
    ).fetchall()
    # story 2 is filed under whichever feed was recorded first (feeds are polled in parallel)
    from_rss = [r for r in rows if r[2] == server.url("/rss.xml")]
    assert len(from_rss) in (2, 3) and {r[0] for r in from_rss} == {"KCNA Watch"}  # the feed's --source
    others = {r[0] for r in rows if r not in from_rss}
    assert (
        {"aljazeera.com", "polygraph.info"}
        <= others
        <= {"aljazeera.com", "polygraph.info", "127.0.0.1"}  # story 2 names no site: its host
    )
    assert {r[1] for r in from_rss} == {"2024-07-14"}  # the feed's pubDate (UTC), not the page's date
    assert {r[3] for r in rows} == {"warc"} and Path(rows[0][4]).parent == spool_dir(store)
    # second round: both feeds answer 304 to the validators they gave
    r2 = run_round(store, opts())
    assert (r2.not_modified, r2.items_new, r2.pages_fetched) == (2, 0, 0)
    assert server.hits("/rss.xml")[-1]["if-none-match"] == '"v1"'
    assert server.hits("/atom.xml")[-1]["if-modified-since"] == "Tue, 16 Jul 2024 06:10:00 GMT"
    assert store.count_docs() == 5


def _slow_drip():
    for _ in range(100):
        yield b"<p>" + b"x" * 20 + b"</p>"
        import time

        time.sleep(0.1)


def _huge():
    chunk = b"<p>" + b"a" * (1 << 16) + b"</p>"
    for _ in range(100 * 16):  # 100 MB
        yield chunk


def test_failing_feeds_keep_their_error_and_never_stop_others(env, server, store):
    items = serve_pages(server, 2)
    good_xml = rss(items)
    server.routes.update(
        {
            "/good.xml": Route(good_xml, content_type="application/rss+xml"),
            "/error.xml": Route(b"Internal error", status=500, content_type="text/plain"),
            "/hang.xml": Route(hang=True),
            "/broken.xml": Route(
                b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a',
                content_type="application/rss+xml",
            ),
            "/page.xml": Route(page(3)),  # a web page where a feed should be
            "/huge.xml": Route(_huge, content_type="application/rss+xml"),
            "/huge-declared.xml": Route(_huge, content_type="application/rss+xml", length=100 * 1024 * 1024),
            "/drip.xml": Route(_slow_drip, content_type="application/rss+xml"),
            "/truncated.xml": Route(
                good_xml[: good_xml.rfind(b"</item>") - 5], content_type="application/rss+xml"
            ),
        }
    )
    names = ["error", "hang", "broken", "page", "huge", "huge-declared", "drip", "good"]
    for n in names:
        feeds_mod.add_feed(store, server.url(f"/{n}.xml"))
    r = run_round(store, opts())
    assert r.feed_errors == {
        "http_status": 1,
        "timeout": 1,
        "malformed_feed": 1,
        "not_a_feed": 1,
        "too_large": 2,
        "deadline": 1,
    }
    assert r.stored == 2  # the good feed's pages
    listed = {f["url"].rsplit("/", 1)[-1]: f for f in feeds_mod.list_feeds(store)}
    assert listed["good.xml"]["last_error"] is None and listed["good.xml"]["last_success"]
    for n in names[:-1]:
        f = listed[f"{n}.xml"]
        assert f["last_error"] and f["failures"] == 1 and f["last_success"] is None
        assert f["next_attempt"] > f["last_attempt"]  # backed off (feed_backoff = 600 s)
    assert "fetch_deadline" in listed["drip.xml"]["last_error"]
    assert "not downloaded" in listed["huge-declared.xml"]["last_error"]
    # the next round polls only the good feed: the failing ones wait out their back-off
    before = len(server.requests)
    run_round(store, opts())
    polled = {p for m, p, _ in server.requests[before:] if p.endswith(".xml")}
    assert polled == {"/good.xml"}
    # a feed cut off mid-document still gives the items it could read, with a warning
    feeds_mod.add_feed(store, server.url("/truncated.xml"))
    r = run_round(store, opts())
    assert r.feed_warnings == 1 and not r.feed_errors
    warn = next(f for f in feeds_mod.list_feeds(store) if f["url"].endswith("truncated.xml"))["last_warning"]
    assert warn.startswith("malformed feed, 2 item(s) read")


def test_page_failures_are_named_and_retried(env, server, store):
    from test_web_ingest import RU, not_article

    good = serve_pages(server, 1)
    ru_html = gzip.decompress((WEB / "pages" / f"{RU}.html.gz").read_bytes()).decode()
    ru_html = ru_html.replace('charset="UTF-8"', 'charset="x-unknown"').replace(
        "charset=UTF-8", "charset=x-unknown"
    )
    server.routes.update(
        {
            "/p/gone": Route(b"gone", status=404),
            "/p/offsite": Route(
                b"", status=302, headers={"Location": server.url("/news/0.html", "localhost")}
            ),
            "/p/moved": Route(b"", status=301, headers={"Location": "/news/0.html"}),
            "/p/hang": Route(hang=True),
            "/p/drip": Route(_slow_drip),
            "/p/huge": Route(_huge),
            "/p/index": Route(not_article()),
            "/p/ru": Route(ru_html.encode("cp1251", "replace"), content_type="text/html; charset=x-unknown"),
            "/p/pdf": Route(b"%PDF-1.4 ...", content_type="application/pdf"),
        }
    )
    links = [
        *good,
        *(
            {"title": p, "link": server.url(p)}
            for p in sorted(r for r in server.routes if r.startswith("/p/"))
        ),
    ]
    server.routes["/rss.xml"] = Route(rss(links), content_type="application/rss+xml")
    feeds_mod.add_feed(store, server.url("/rss.xml"))
    r = run_round(store, opts())
    st = {u.rsplit("/", 1)[-1]: s for u, s in states(store).items()}
    assert st == {
        "0.html": "stored",
        "gone": "http_status",
        "offsite": "redirect_offsite",
        "moved": "stored",  # a same-site redirect is followed; its text equals 0.html's -> one document
        "hang": "timeout",
        "drip": "deadline",
        "huge": "too_large",
        "index": "not_article",
        "ru": "stored",
        "pdf": "not_html",
    }
    assert r.page_errors == {
        "http_status": 1,
        "redirect_offsite": 1,
        "timeout": 1,
        "deadline": 1,
        "too_large": 1,
        "not_html": 1,
    }
    assert r.rejected == {"not_article": 1}
    assert store.count_docs() == 2 and r.duplicate == 1
    from tealeaves.store.documents import why

    (row,) = why(store, server.url("/p/offsite"))
    assert row["status"] == "feed item failed" and "redirects to another host" in row["detail"]
    rows = why(store, server.url("/p/index"))
    assert rows[0]["reason"] == "not_article"
    lang = store.conn.execute("SELECT lang FROM docs WHERE url LIKE '%gto-normativy%'").fetchone()
    assert lang == ("ru",)
    # failed fetches are retried next round, then given up (item_max_attempts = 2); nothing refetched twice
    server.routes["/p/gone"] = Route(page(1))  # came back
    run_round(store, opts())
    st = {u.rsplit("/", 1)[-1]: s for u, s in states(store).items()}
    assert st["gone"] == "stored" and st["hang"] == "timeout"
    gave_up = {
        row[0].rsplit("/", 1)[-1]
        for row in store.conn.execute("SELECT url FROM feed_items WHERE state = 'gave_up'")
    }
    assert gave_up == {"offsite", "hang", "drip", "huge", "pdf"}
    assert len(server.hits("/news/0.html")) == 2  # once directly, once through /p/moved


def test_feeds_commands(env, server, tmp_path):
    db = str(tmp_path / "c.db")
    run = CliRunner().invoke
    r = run(cli, ["watch", "--once", "--db", db])
    assert r.exit_code != 0 and "feeds add" in str(r.exception)
    items = serve_pages(server, 1)
    server.routes["/rss.xml"] = Route(rss(items), content_type="application/rss+xml")
    url = server.url("/rss.xml")
    assert run(cli, ["feeds", "add", url, "--source", "KCNA", "--db", db]).exit_code == 0
    r = run(cli, ["feeds", "add", url, "--db", db])
    assert r.exit_code != 0 and "already subscribed" in str(r.exception or r.output)
    r = run(cli, ["feeds", "add", server.url("/hang.xml"), "--db", db])
    server.routes["/hang.xml"] = Route(hang=True)
    r = run(cli, ["watch", "--once", "--no-extract", "--db", db])
    assert r.exit_code == 0, r.output
    assert "stored 1" in r.output and "timeout 1" in r.output
    r = run(cli, ["feeds", "list", "--db", db])
    assert "last error" in r.output and "timeout" in r.output and "last success never" in r.output
    r = run(cli, ["feeds", "list", "--format", "json", "--db", db])
    listed = json.loads(r.output)
    assert listed[0]["items"] == {"stored": 1} and listed[1]["failures"] == 1
    r = run(cli, ["feeds", "items", "--db", db])
    assert "stored" in r.output
    assert run(cli, ["feeds", "remove", "2", "--db", db]).exit_code == 0
    assert len(json.loads(run(cli, ["feeds", "list", "--format", "json", "--db", db]).output)) == 1
