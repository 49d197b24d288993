"""`tealeaves watch` honours robots.txt for the pages it fetches (a real server on 127.0.0.1)."""

from __future__ import annotations

import pytest

from live_server import LocalServer, Route, rss
from tealeaves.ingest.robots import RobotsCache
from tealeaves.store import feeds as feeds_mod
from tealeaves.store.watch import run_round
from test_watch import opts, page, serve_pages, states


@pytest.fixture
def env(monkeypatch):
    for k, v in {"FEED_INTERVAL": "0", "FETCH_TIMEOUT": "2", "FETCH_DEADLINE": "5"}.items():
        monkeypatch.setenv("TEALEAVES_" + k, v)


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


ROBOTS = (
    b"# everyone else: nothing\n"
    b"User-agent: *\n"
    b"Disallow: /\n"
    b"\n"
    b"User-agent: tealeaves\n"
    b"Disallow: /private/\n"
    b"Allow: /\n"
)


def _feed(server: LocalServer, store, n_public: int = 2) -> None:
    links = serve_pages(server, n_public)
    for i in range(2):
        server.routes[f"/private/{i}.html"] = Route(page(n_public + i))
        links.append({"title": f"Private {i}", "link": server.url(f"/private/{i}.html")})
    server.routes["/rss.xml"] = Route(rss(links), content_type="application/rss+xml")
    feeds_mod.add_feed(store, server.url("/rss.xml"))


def _short(store) -> dict[str, str]:
    return {u.split(":", 2)[-1].split("/", 1)[-1]: s for u, s in states(store).items()}


def test_disallowed_pages_are_not_fetched_and_robots_is_read_once(env, server, store):
    server.routes["/robots.txt"] = Route(ROBOTS, content_type="text/plain")
    _feed(server, store)
    o = opts()
    r = run_round(store, o)
    assert _short(store) == {
        "news/0.html": "stored",
        "news/1.html": "stored",
        "private/0.html": "robots_disallowed",
        "private/1.html": "robots_disallowed",
    }
    assert r.page_errors == {"robots_disallowed": 2} and r.stored == 2
    assert not server.hits("/private/0.html") and not server.hits("/private/1.html")
    assert len(server.hits("/robots.txt")) == 1  # one host, four pages fetched in parallel: one read
    assert server.hits("/robots.txt")[0]["user-agent"].startswith("tealeaves/")
    # settled, not retried: the next round asks nobody anything about them
    state = dict(store.conn.execute("SELECT url, state FROM feed_items WHERE url LIKE '%private%'"))
    assert set(state.values()) == {"rejected"}
    run_round(store, o)
    assert not server.hits("/private/0.html") and len(server.hits("/robots.txt")) == 1
    from tealeaves.store.documents import why

    (row,) = why(store, server.url("/private/0.html"))
    assert row["reason"] == "robots_disallowed" and "robots.txt disallows" in row["detail"]


def test_respect_robots_0_fetches_everything(env, server, store, monkeypatch):
    monkeypatch.setenv("TEALEAVES_RESPECT_ROBOTS", "0")
    server.routes["/robots.txt"] = Route(ROBOTS, content_type="text/plain")
    _feed(server, store)
    r = run_round(store, opts())
    assert set(_short(store).values()) == {"stored"} and r.stored == 4
    assert not server.hits("/robots.txt")


def test_missing_robots_allows_and_an_erring_one_holds_back(env, server, store):
    _feed(server, store, n_public=1)  # no /robots.txt route: 404
    r = run_round(store, opts())
    assert set(_short(store).values()) == {"stored"} and r.stored == 3
    assert len(server.hits("/robots.txt")) == 1

    # a server that fails on robots.txt (5xx) cannot say what it allows: nothing is fetched, retried later
    with LocalServer() as other:
        other.routes["/robots.txt"] = Route(b"down", status=503, content_type="text/plain")
        other.routes["/a.html"] = Route(page(5))
        other.routes["/rss.xml"] = Route(
            rss([{"title": "A", "link": other.url("/a.html")}]), content_type="application/rss+xml"
        )
        feeds_mod.add_feed(store, other.url("/rss.xml"))
        o = opts()
        r = run_round(store, o)
        assert r.page_errors == {"robots_unavailable": 1} and not other.hits("/a.html")
        row = store.conn.execute(
            "SELECT state, message FROM feed_items WHERE url = ?", (other.url("/a.html"),)
        ).fetchone()
        assert row[0] == "failed" and "HTTP 503" in row[1]
        # the host recovers; a new watch process (or the failure's minute later) reads it again
        other.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", content_type="text/plain")
        r = run_round(store, opts())
        assert r.stored == 1 and len(other.hits("/a.html")) == 1


def test_cache_keeps_each_host_for_its_ttl(server):
    server.routes["/robots.txt"] = Route(ROBOTS, content_type="text/plain")
    cache = RobotsCache(ttl=3600)
    assert cache.check(server.url("/news/1.html")).allowed
    v = cache.check(server.url("/private/x?y=1"))
    assert not v.allowed and v.reason == "robots_disallowed"
    assert cache.fetches == 1
    cache.check(server.url("/news/2.html", host="localhost"))  # another host: its own robots.txt
    assert cache.fetches == 2
    expired = RobotsCache(ttl=0)
    expired.check(server.url("/a"))
    expired.check(server.url("/b"))
    assert expired.fetches == 2
