"""Watchlists and alerts (file, stdout, webhook with retry), and a watch killed with SIGKILL resuming."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from live_server import LocalServer, Route, rss
from tealeaves.cli import cli
from tealeaves.ingest.http import Limits
from tealeaves.store import alerts as alerts_mod
from tealeaves.store import feeds as feeds_mod
from tealeaves.store.loader import ingest
from tealeaves.store.watch import WatchOptions, run_round
from test_watch import GOLD, WEB, page


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


def test_watchlist_alerts_once_per_document(tmp_path):
    db = str(tmp_path / "a.db")
    run = CliRunner().invoke
    alerts_file = tmp_path / "alerts.jsonl"
    assert run(cli, ["watchlist", "add", "space", "NASA OR Europa OR moon", "--db", db]).exit_code == 0
    assert run(cli, ["watchlist", "add", "syria", "Syria", "--kind", "term", "--db", db]).exit_code == 0
    bad = run(cli, ["watchlist", "add", "oops", "AND", "--db", db])
    assert bad.exit_code != 0
    r = run(cli, ["ingest", str(WEB / "pages"), "--alerts", str(alerts_file), "-q", "--db", db])
    assert "alerts" in r.output, r.output
    lines = [json.loads(x) for x in alerts_file.read_text().splitlines()]
    by_list = {}
    for a in lines:
        by_list.setdefault(a["watchlist"], []).append(a["doc"]["id"])
    space_gold = {
        k for k, g in GOLD.items() if any(w in g["articleBody"] for w in ("NASA", "Europa", "moon"))
    }
    assert len(by_list["space"]) >= 2 and len(set(by_list["space"])) == len(by_list["space"])
    assert len(by_list["syria"]) == 1
    assert all(a["snippet"] and a["doc"]["title"] for a in lines)
    assert len(space_gold) >= len(by_list["space"])
    # again, and the same pages inside a WARC: no alert twice for a document
    run(cli, ["ingest", str(WEB / "pages"), "--alerts", str(alerts_file), "-q", "--db", db])
    from test_web_ingest import KO, build_warc

    build_warc(tmp_path / "same.warc.gz", [k for k in GOLD if k != KO])
    run(cli, ["ingest", str(tmp_path / "same.warc.gz"), "--alerts", str(alerts_file), "-q", "--db", db])
    assert len(alerts_file.read_text().splitlines()) == len(lines)
    listed = json.loads(run(cli, ["alerts", "--format", "json", "--db", db]).output)
    assert [a["doc"]["id"] for a in listed] == [a["doc"]["id"] for a in lines]
    assert run(cli, ["alerts", "--since", "1h", "--format", "jsonl", "--db", db]).output.count("\n") == len(
        lines
    )
    assert (
        json.loads(run(cli, ["alerts", "--since", "2999-01-01", "--format", "json", "--db", db]).output) == []
    )
    r = run(cli, ["alerts", "--since", "yesterday-ish", "--db", db])
    assert r.exit_code != 0
    wl = json.loads(run(cli, ["watchlist", "list", "--format", "json", "--db", db]).output)
    assert {w["name"]: w["alerts"] for w in wl} == {"space": len(by_list["space"]), "syria": 1}
    assert run(cli, ["watchlist", "remove", "syria", "--db", db]).exit_code == 0


def test_new_watchlist_only_sees_later_documents(store, sample_docs):
    ingest(store, [WEB / "pages"])
    alerts_mod.add_watchlist(store, "juche", "juche")
    assert alerts_mod.check_alerts(store) == []  # documents stored before the watchlist existed
    from tealeaves.cli.ingest import sample_path

    ingest(store, [sample_path()])  # 3,406 documents at once: the one-pass matching path
    new = alerts_mod.check_alerts(store)
    from tealeaves.store.query import Query
    from tealeaves.store.search import count

    assert len(new) == count(store, Query.parse("juche")) > alerts_mod.PER_DOC_CHECK
    assert alerts_mod.check_alerts(store) == []


def test_entity_watchlist_waits_for_extraction(store, tmp_path):
    """An entity watchlist alerts on documents whose extracted mentions resolve to the entity; a document
    is examined only once the entity stage has run over it."""
    from tealeaves.store.facts import run_extract

    data = Path(__file__).parent / "data" / "mixed.jsonl"
    lines = data.read_text(encoding="utf-8").splitlines()
    (tmp_path / "first.jsonl").write_text("\n".join(lines[:12]) + "\n", encoding="utf-8")
    (tmp_path / "rest.jsonl").write_text("\n".join(lines[12:]) + "\n", encoding="utf-8")
    ingest(store, [tmp_path / "first.jsonl"])
    run_extract(store)  # loads the packs' entities
    w = alerts_mod.add_watchlist(store, "leader", "Kim Jong Un", "entity")
    assert w.query == "kim-jong-un"  # resolved to the pack's id
    ingest(store, [tmp_path / "rest.jsonl"])
    assert alerts_mod.check_alerts(store) == []  # not extracted yet: nothing examined
    assert alerts_mod.get_watchlist(store, "leader").last_seq == w.last_seq
    run_extract(store)
    new = alerts_mod.check_alerts(store)
    expected = {
        d
        for (d,) in store.conn.execute(
            "SELECT DISTINCT d.id FROM mentions m JOIN docs d ON d.rowid = m.doc "
            "WHERE m.entity = 'kim-jong-un' AND d.seq > ?",
            (w.last_seq,),
        )
    }
    assert expected and {a["doc"]["id"] for a in new} == expected
    assert all(a["kind"] == "entity" and a["snippet"] for a in new)
    assert alerts_mod.check_alerts(store) == []


def test_webhook_retries_and_keeps_failed_deliveries(store, server, monkeypatch):
    monkeypatch.setenv("TEALEAVES_WEBHOOK_PAUSE", "0.01")
    alerts_mod.add_watchlist(store, "any", "the")
    server.post_failures = 2  # two 500s, then accepted: within 3 attempts
    ingest(store, [WEB / "pages"])
    new = alerts_mod.check_alerts(store)
    d = alerts_mod.deliver(store, new, webhook=server.url("/hook"))
    assert d.webhook_sent == len(new) and d.webhook_failed == 0
    assert sorted(p["doc"]["id"] for p in server.posts) == sorted(a["doc"]["id"] for a in new)
    assert all(a["webhook"] == "sent" for a in alerts_mod.list_alerts(store))
    # receiver down: alerts stay pending and go out with the next delivery
    from test_web_ingest import build_warc

    dead = "http://127.0.0.1:9/hook"  # discard port: nothing listens
    store.conn.execute("UPDATE watchlists SET last_seq = 0")
    store.conn.execute("DELETE FROM alerts")
    again = alerts_mod.check_alerts(store)
    d = alerts_mod.deliver(store, again, webhook=dead)
    assert d.webhook_failed == 1 and d.webhook_sent == 0  # stops at the first failure, keeps the rest
    assert {a["webhook"].split()[0] for a in alerts_mod.list_alerts(store)} == {"pending"}
    server.posts.clear()
    d = alerts_mod.deliver(store, [], webhook=server.url("/hook"))
    assert d.webhook_sent == len(again) and len(server.posts) == len(again)
    del build_warc


def test_half_written_spool_record_is_cut_off(store, server, monkeypatch):
    monkeypatch.setenv("TEALEAVES_FEED_INTERVAL", "0")
    server.routes["/a.html"] = Route(page(0))
    server.routes["/rss.xml"] = Route(rss([{"title": "A", "link": server.url("/a.html")}]))
    feeds_mod.add_feed(store, server.url("/rss.xml"))
    opts = WatchOptions.default(interval=0, limits=Limits.default(), extract=False)
    from tealeaves.store.watch import RoundReport, fetch_items, poll_feed

    report = RoundReport()
    poll_feed(store, feeds_mod.get_feed(store, 1), opts, report)
    path = fetch_items(store, opts, report)  # fetched and spooled, not ingested: the process "dies" here
    good = path.stat().st_size
    with open(path, "ab") as f:
        f.write(page(1)[:5000])  # a record the dead process was writing
    r = run_round(store, opts)
    assert r.recovered == 1 and r.stored == 1 and not r.rejected
    assert path.stat().st_size == good
    assert [s for (s,) in store.conn.execute("SELECT state FROM feed_items")] == ["stored"]


def _wait_for(db: Path, sql: str, target: int, limit: float = 60.0) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        try:
            with sqlite3.connect(db, timeout=5) as c:
                if c.execute(sql).fetchone()[0] >= target:
                    return
        except sqlite3.OperationalError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {sql}")


def test_watch_killed_and_restarted_resumes_without_duplicates_or_gaps(tmp_path, server):
    n = 6
    items = []
    for i in range(n):
        server.routes[f"/news/{i}.html"] = Route(page(i), delay=0.5)
        items.append({"title": f"Story {i}", "link": server.url(f"/news/{i}.html")})
    server.routes["/rss.xml"] = Route(rss(items), content_type="application/rss+xml")
    db = tmp_path / "w.db"
    alerts_file = tmp_path / "alerts.jsonl"
    # one page at a time, 0.5 s each: the kill lands with some pages fetched and others not
    env = {
        **os.environ,
        "TEALEAVES_FEED_INTERVAL": "0.2",
        "TEALEAVES_FETCH_TIMEOUT": "5",
        "TEALEAVES_FETCH_WORKERS": "1",
    }
    base = [sys.executable, "-m", "tealeaves"]
    subprocess.run([*base, "feeds", "add", server.url("/rss.xml"), "--db", str(db)], check=True, env=env)
    subprocess.run([*base, "watchlist", "add", "all", "the", "--db", str(db)], check=True, env=env)
    proc = subprocess.Popen(
        [*base, "watch", "--db", str(db), "--alerts", str(alerts_file)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for(db, "SELECT count(*) FROM feed_items WHERE state = 'fetched'", 2)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    with sqlite3.connect(db) as c:
        done = c.execute("SELECT count(*) FROM feed_items WHERE state IN ('fetched', 'stored')").fetchone()[0]
    assert 2 <= done < n  # killed mid-round
    r = subprocess.run(
        [*base, "watch", "--once", "--db", str(db), "--alerts", str(alerts_file)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(*) FROM docs").fetchone()[0] == n
        assert [s for (s,) in c.execute("SELECT DISTINCT state FROM feed_items")] == ["stored"]
        assert c.execute("SELECT count(DISTINCT doc_id) FROM feed_items").fetchone()[0] == n
        alerted = [d for (d,) in c.execute("SELECT doc_id FROM alerts")]
    from tealeaves.store import Store
    from tealeaves.store.query import Query
    from tealeaves.store.search import count

    with Store(db, readonly=True) as st:
        matching = count(st, Query.parse("the"))
    assert sorted(alerted) == sorted(set(alerted)) and len(alerted) == matching >= n - 2
    lines = [json.loads(x)["doc"]["id"] for x in alerts_file.read_text().splitlines()]
    assert sorted(lines) == sorted(set(lines)) == sorted(alerted)
    for i in range(n):  # each page fetched at most twice (once more only if the kill hit its fetch)
        assert 1 <= len(server.hits(f"/news/{i}.html")) <= 2
