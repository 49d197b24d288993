"""The store: migrations, read-only opening, and readers working while an ingest writes."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from tealeaves.errors import StoreError
from tealeaves.store import Store
from tealeaves.store.db import migrations
from tealeaves.store.query import Query
from tealeaves.store.search import count, search


def test_migrations_apply_once_by_name(tmp_path):
    with Store(tmp_path / "m.db") as s:
        assert s.conn is not None  # opening migrates
        names = {r[0] for r in s.conn.execute("SELECT name FROM _migrations")}
        assert names == {n for n, _ in migrations()}
        assert s.migrate() == []  # nothing pending
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == len(names)
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_readonly_store_never_creates_a_file(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        _ = Store(tmp_path / "none.db", readonly=True).conn
    assert not (tmp_path / "none.db").exists()


def test_not_a_store(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"not a tealeaves store|cannot open"):
        _ = Store(bad).conn


def test_readers_keep_working_while_an_ingest_runs(tmp_path, sample_docs, sample_db_copy):
    """A second process ingests 8 re-titled copies of the sample while this one searches."""
    path = tmp_path / "more.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for k in range(8):
            for r in sample_docs:
                f.write(json.dumps(dict(r, title=f"{r['title']} (copy {k})"), ensure_ascii=False) + "\n")
    q = Query.parse('"Kim Jong Il"')
    with Store(sample_db_copy, readonly=True) as before:
        baseline = count(before, q)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tealeaves",
            "ingest",
            str(path),
            "--db",
            str(sample_db_copy),
            "--batch-size",
            "300",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen, errors, reads = [], [], 0
    with Store(sample_db_copy, readonly=True) as reader:
        while proc.poll() is None:
            try:
                seen.append(count(reader, q))
                search(reader, q, limit=5)
                reads += 1
            except Exception as e:  # any error here is the failure we test for
                errors.append(repr(e))
            time.sleep(0.01)
        _, err = proc.communicate()
        assert proc.returncode == 0, err
        final = count(reader, q)
    assert not errors, errors[:3]
    assert reads >= 3, "the reader should have run during the ingest"
    assert seen == sorted(seen), "a reader never sees the store go backwards"
    assert baseline * 9 == final  # 8 copies added to the original


def test_indexes_a_killed_bulk_load_dropped_are_rebuilt_on_the_next_writable_open(sample_db_copy):
    with Store(sample_db_copy) as s:
        s.drop_bulk_indexes()  # what a bulk ingest does first; a SIGKILL would leave it so
        assert set(s.missing_bulk_indexes()) == {"docs_ext_id", "docs_url", "docs_origin"}
    with Store(sample_db_copy, readonly=True) as r:  # readers still work, by scanning
        assert r.conn.execute("SELECT count(*) FROM docs WHERE ext_id = 'kcna-hl-1997-01-01-0001'").fetchone()
    with Store(sample_db_copy) as s:
        assert s.missing_bulk_indexes() == []
        plan = s.conn.execute("EXPLAIN QUERY PLAN SELECT id FROM docs WHERE url = 'x'").fetchall()
        assert "docs_url" in str(plan)


def test_memoised_aggregates_follow_the_documents(tmp_path):
    """Day totals and coverage are kept per data version: a commit by another connection shows at once,
    and a store rebuilt at the same path with as many documents is not mistaken for the old one."""
    import shutil

    from tealeaves.analyze.first import coverage
    from tealeaves.analyze.timeline import day_totals
    from tealeaves.store.loader import ingest
    from tealeaves.store.search import Filters

    def write(path, name, dates):
        f = tmp_path / name
        recs = [{"source": "KCNA", "published": d, "title": f"{name} {d}", "body": "b"} for d in dates]
        f.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        with Store(path) as w:
            assert ingest(w, [f]).stored == len(dates)

    db = tmp_path / "m.db"
    write(db, "a.jsonl", ["2001-01-01", "2001-01-02"])
    with Store(db, readonly=True) as r:
        before = day_totals(r, Filters())
        assert sum(before.values()) == 2 and day_totals(r, Filters()) is before  # kept
        assert coverage(r)["KCNA"].docs == 2
        write(db, "b.jsonl", ["2001-01-03"])  # another connection commits
        assert sum(day_totals(r, Filters()).values()) == 3
        assert coverage(r)["KCNA"].docs == 3
    shutil.rmtree(str(db) + ".rank", ignore_errors=True)
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"m.db{suffix}").unlink(missing_ok=True)
    write(db, "c.jsonl", ["1999-05-05", "1999-05-06", "1999-05-07"])  # same path, same max(seq)
    with Store(db, readonly=True) as r:
        assert coverage(r)["KCNA"].start == "1999-05-05"
        assert min(day_totals(r, Filters())) == __import__("datetime").date(1999, 5, 5).toordinal()


def test_a_statement_is_prepared_again_when_another_process_changed_the_schema():
    # SQLite's "vtable constructor failed" / "database schema has changed" while a writer builds an index or
    # migrates: the statement has not run, and the store's connections prepare it again (a reader keeps
    # working during an ingest); any other error is raised at once
    import sqlite3

    from tealeaves.store.db import _Connection

    class Flaky(sqlite3.Connection):
        fails = 2

        def execute(self, sql, parameters=(), /):
            if Flaky.fails:
                Flaky.fails -= 1
                raise sqlite3.OperationalError("vtable constructor failed: fts")
            return super().execute(sql, parameters)

    class Conn(_Connection, Flaky):
        pass

    conn = sqlite3.connect(":memory:", factory=Conn)
    assert conn.execute("SELECT 41 + 1").fetchone() == (42,)
    assert Flaky.fails == 0
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        conn.execute("SELECT * FROM missing")
