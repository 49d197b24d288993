"""The rank index agrees with FTS5 on what matches, and is only used when it is caught up."""

from __future__ import annotations

import datetime as dt

import pytest

from tealeaves.bench.foundation import bench_queries
from tealeaves.store import Store
from tealeaves.store.loader import ingest
from tealeaves.store.query import Query
from tealeaves.store.rankindex import rank_index
from tealeaves.store.search import Filters, _ranked, plan, search


@pytest.fixture
def ranked_store(sample_db_copy):
    store = Store(sample_db_copy)
    rx = rank_index(store)
    rx.drop()
    done = rx.catch_up()
    assert done.indexed > 3000 and rx.current()
    yield store
    store.close()


def _fts_matches(store, p) -> set[int]:
    rows = store.conn.execute(
        "SELECT rowid FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ?", (p.match, p.lo, p.hi)
    )
    return {r[0] for r in rows}


FILTERS = [
    Filters(),
    Filters(sources=("Rodong Sinmun",)),
    Filters(langs=("es",)),
    Filters(date_from=dt.date(2011, 3, 1), date_to=dt.date(2012, 6, 30)),
    Filters(sources=("KCNA",), langs=("en",), date_from=dt.date(1999, 1, 1), date_to=dt.date(2005, 12, 31)),
]


@pytest.mark.parametrize("f", FILTERS, ids=["none", "source", "lang", "dates", "all"])
def test_same_matches_as_fts5_for_every_benchmark_query(ranked_store, f):
    rx = rank_index(ranked_store)
    checked = 0
    for text in bench_queries():
        q = Query.parse(text)
        p = plan(ranked_store, q, f)
        if p.table != "fts":
            continue  # Korean queries: the trigram index, never the rank index
        expected = _fts_matches(ranked_store, p)
        got = rx.search(q, p.source_ids, p.langs, p.lo, p.hi, 10_000, 0)
        assert {rid for rid, _ in got} == expected, text
        checked += 1
    assert checked > 100


def test_ranking_is_by_descending_score_and_pages_consistently(ranked_store):
    q = Query.parse('"Kim Jong Il"')
    p = plan(ranked_store, q, Filters())
    top = _ranked(ranked_store, p, q, 30, 0)
    scores = [s for _, s in top]
    assert scores == sorted(scores, reverse=True)
    assert [r for r, _ in _ranked(ranked_store, p, q, 10, 10)] == [r for r, _ in top[10:20]]
    # title matches outrank body-only matches, as in the FTS5 weighting
    hits = search(ranked_store, q, limit=5)
    assert all("kim jong il" in h.title.lower() for h in hits)


def test_a_stale_index_is_not_used_and_catches_up_on_the_next_ingest(ranked_store, mixed_records, tmp_path):
    import json

    rx = rank_index(ranked_store)
    before = rx.watermark()
    # add documents without catching the index up (a deferred bulk load, or an ingest killed before it)
    path = tmp_path / "new.jsonl"
    path.write_text("".join(json.dumps(dict(r, title=r["title"] + " (new)")) + "\n" for r in mixed_records))
    ingest(ranked_store, [path], rank=False)
    assert not rx.current()
    q = Query.parse('"(new)" OR new')
    p = plan(ranked_store, q, Filters())
    fts_top = _ranked(ranked_store, p, q, 10, 0)  # falls back to FTS5: sees the new documents
    assert {r for r, _ in fts_top} & _fts_matches(ranked_store, p)
    done = rx.catch_up()
    assert done.indexed == len(mixed_records) and rx.current() and rx.watermark() > before
    assert rx.catch_up().indexed == 0  # idempotent


def test_off_setting_ranks_with_fts5(ranked_store, monkeypatch):
    monkeypatch.setenv("TEALEAVES_RANK_INDEX", "off")
    fresh = Store(ranked_store.path, readonly=True)
    assert rank_index(fresh) is None
    hits = search(fresh, Query.parse('"Kim Jong Il"'), limit=5)
    assert len(hits) == 5 and hits[0].score is not None
    fresh.close()
