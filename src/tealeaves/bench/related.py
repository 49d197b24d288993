"""`tealeaves bench related`: latency of `related` at 1M documents.

The corpus is made by resampling real documents of the shared corpora (bench.foundation.resample: drawn
with replacement, re-dated; for benchmarking only), ingested into a fresh store. Latency is measured for
documents drawn at random, in one run on the same store and the same documents:

- ``related``: the default method as shipped (ranked in the rank index when it is caught up);
- ``related_fts5``: the same "more like this" ranked by FTS5 alone (the fallback, and the method before
  the rank index served it), with ``rank_index=off``;
- ``reference_search_top10``: a ranked top-10 full-text search for the document's most distinctive word;
- with ``embedding=True``: building the embedding index (timed) and ``related --method embedding``.
"""

from __future__ import annotations

import contextlib
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from tealeaves.analyze.related import related
from tealeaves.bench.foundation import corpus_files, resample
from tealeaves.data import sample_path
from tealeaves.store import Store
from tealeaves.store.loader import ingest
from tealeaves.store.query import Query
from tealeaves.store.rankindex import rank_index
from tealeaves.store.search import search


def _pcts(ms: list[float]) -> dict:
    ms = sorted(ms)
    return {
        "p50_ms": round(statistics.median(ms), 2),
        "p95_ms": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 2),
        "max_ms": round(ms[-1], 2),
        "n": len(ms),
    }


def build_store(corpora: Path | None, n: int, work: Path, log) -> Path:
    files = corpus_files(corpora) if corpora else [sample_path()]
    src = resample(files, n, work / "resampled.jsonl")
    db = work / "related.db"
    log(f"ingest of {n:,} resampled documents into {db} ...")
    t0 = time.perf_counter()
    with Store(db) as store:
        ingest(store, [src])
    log(f"  ingested in {time.perf_counter() - t0:.0f}s")
    src.unlink()
    return db


@contextlib.contextmanager
def _rank_index_off():
    """`related` as it ranks without the rank index (``rank_index = off``), for store handles opened or
    asked inside the block."""
    before = os.environ.get("TEALEAVES_RANK_INDEX")
    os.environ["TEALEAVES_RANK_INDEX"] = "off"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TEALEAVES_RANK_INDEX", None)
        else:
            os.environ["TEALEAVES_RANK_INDEX"] = before


def _picks(store: Store, queries: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    top = store.conn.execute("SELECT max(rowid), min(rowid) FROM docs").fetchone()
    picks: list[str] = []
    while len(picks) < queries:
        row = store.conn.execute(
            "SELECT id FROM docs WHERE rowid >= ? AND body != '' ORDER BY rowid LIMIT 1",
            (rng.randint(top[1], top[0]),),
        ).fetchone()
        if row:
            picks.append(row[0])
    return picks


def _timed(store: Store, picks: list[str], **kw) -> tuple[dict, list]:
    related(store, picks[0], **kw)  # warm the page cache, the vocabulary table, the index handles
    ms, out = [], []
    for ident in picks:
        t0 = time.perf_counter()
        out.append(related(store, ident, limit=10, **kw))
        ms.append((time.perf_counter() - t0) * 1000)
    return _pcts(ms), out


def measure(db: Path, queries: int = 100, seed: int = 3, embedding: bool = False, log=print) -> dict:
    out: dict = {}
    with Store(db) as store:  # the indexes beside the store are caught up first (not timed with queries)
        rx = rank_index(store)
        if rx is not None:
            done = rx.catch_up()
            out["rank_index_catch_up_s"] = round(done.seconds, 1)
            out["rank_index_serves_related"] = rx.serves_related()
        if embedding:
            from tealeaves.analyze.embed import build_index

            log("building the embedding index ...")
            t0 = time.perf_counter()
            index, _ = build_index(store)
            out["embedding_index"] = {
                "docs": index.get_current_count(),
                "seconds": round(time.perf_counter() - t0, 1),
            }
    with Store(db, readonly=True) as store:
        out["docs"] = store.count_docs()
        picks = _picks(store, queries, seed)
        out["related"], shipped = _timed(store, picks)
        with _rank_index_off(), Store(db, readonly=True) as fresh:  # a handle without the rank index
            out["related_fts5"], fallback = _timed(fresh, picks)
        both = list(zip(shipped, fallback, strict=True))
        out["same_query_words"] = sum(a.query_terms == b.query_terms for a, b in both)
        out["top10_overlap"] = round(
            statistics.mean(
                len({x.id for x in a.results} & {x.id for x in b.results}) / max(1, len(b.results))
                for a, b in both
            ),
            3,
        )
        ref = []
        for r in shipped:
            if r.query_terms:
                t0 = time.perf_counter()
                search(store, Query.parse('"' + r.query_terms[0] + '"'), limit=10)
                ref.append((time.perf_counter() - t0) * 1000)
        out["reference_search_top10"] = _pcts(ref)
        if embedding:
            out["related_embedding"], _ = _timed(store, picks, method="embedding")
    return out


def run(
    corpora: Path | None,
    n: int,
    db: Path | None,
    keep: Path | None,
    queries: int,
    log,
    embedding: bool = False,
) -> dict:
    if db is None:
        work = keep or Path(tempfile.mkdtemp(prefix="tealeaves-bench-related-"))
        work.mkdir(parents=True, exist_ok=True)
        db = build_store(corpora, n, work, log)
    log(f"latency of `related` over {queries} random documents ...")
    out = measure(db, queries, embedding=embedding, log=log)
    out["db"] = str(db)
    return out


def _listed(store: Store, ids: list[str], **kw) -> tuple[dict, dict[str, set[str]]]:
    """Latency of `related` for each document of ``ids`` and what each lists in its top 10."""
    related(store, ids[0], **kw)  # warm up
    ms, listed = [], {}
    for ident in ids:
        t0 = time.perf_counter()
        r = related(store, ident, limit=10, **kw)
        ms.append((time.perf_counter() - t0) * 1000)
        listed[ident] = {x.id for x in r.results}
    return _pcts(ms), listed


def pairs(methods: tuple[str, ...] = ("lexical", "lexical_fts5", "embedding"), log=print) -> dict:
    """Recall@10 and latency of each way of finding related articles, on the labelled pairs.

    The store is the ``stories`` eval suite's (pair documents + the bundled sample, rank index caught up by
    the ingest); every pair document is asked about once per method. ``lexical_fts5`` is the lexical
    method ranked by FTS5 alone; ``embedding`` first builds the MiniLM embedding index (timed).
    """
    from tealeaves.bench.eval_stories import build_store, load_pairs, pair_ids, related_scores

    gold = load_pairs()
    out: dict = {"pairs": len(gold)}
    with tempfile.TemporaryDirectory(prefix="tealeaves-bench-related-pairs-") as tmp:
        store = build_store(gold, Path(tmp))
        try:
            out["docs"] = store.count_docs()
            ids = pair_ids(gold)
            out["asked"] = len(ids)
            for m in methods:
                kw = {"method": "embedding" if m == "embedding" else "lexical"}
                if m == "embedding":
                    from tealeaves.analyze.embed import build_index

                    log("building the embedding index ...")
                    t0 = time.perf_counter()
                    build_index(store)
                    out["embedding_index_s"] = round(time.perf_counter() - t0, 1)
                log(f"{m}: asking about {len(ids)} documents ...")
                with _rank_index_off() if m == "lexical_fts5" else contextlib.nullcontext():
                    latency, listed = _listed(store, ids, **kw)
                out[m] = {**related_scores(store, gold, listed), **latency}
            rx = rank_index(store)
            out["rank_index_serves_related"] = bool(rx and rx.serves_related())
        finally:
            store.close()
    return out
