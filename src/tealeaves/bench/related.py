"""`tealeaves bench related`: latency of `related` at 1M documents.

The corpus is made by resampling real documents of the shared corpora (bench.foundation.resample: drawn
with replacement, re-dated; for benchmarking only), ingested into a fresh store. Latency is measured for
documents drawn at random, next to a reference measured in the same run on the same store: a ranked
top-10 full-text search for the document's most distinctive word.
"""

from __future__ import annotations

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


def measure(db: Path, queries: int = 100, seed: int = 3) -> dict:
    with Store(db, readonly=True) as store:
        n = store.count_docs()
        rng = random.Random(seed)
        top = store.conn.execute("SELECT max(rowid), min(rowid) FROM docs").fetchone()
        picks: list[str] = []
        while len(picks) < queries:
            row = store.conn.execute(
                "SELECT id, title, body FROM docs WHERE rowid >= ? AND body != '' ORDER BY rowid LIMIT 1",
                (rng.randint(top[1], top[0]),),
            ).fetchone()
            if row:
                picks.append(row[0])
        related(store, picks[0])  # warm the page cache and the vocabulary table
        rel, ref = [], []
        for ident in picks:
            t0 = time.perf_counter()
            r = related(store, ident, limit=10)
            rel.append((time.perf_counter() - t0) * 1000)
            if r.query_terms:
                t0 = time.perf_counter()
                search(store, Query.parse('"' + r.query_terms[0] + '"'), limit=10)
                ref.append((time.perf_counter() - t0) * 1000)
    return {"docs": n, "related": _pcts(rel), "reference_search_top10": _pcts(ref)}


def run(corpora: Path | None, n: int, db: Path | None, keep: Path | None, queries: int, log) -> dict:
    if db is None:
        work = keep or Path(tempfile.mkdtemp(prefix="tealeaves-bench-related-"))
        work.mkdir(parents=True, exist_ok=True)
        db = build_store(corpora, n, work, log)
    log(f"latency of `related` over {queries} random documents ...")
    out = measure(db, queries)
    out["db"] = str(db)
    return out
