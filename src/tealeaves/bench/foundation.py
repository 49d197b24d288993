"""Foundation benchmark: ingest throughput against a bare-FTS5 floor, query latency, peak memory.

Every figure is printed next to a reference measured in the same run (STYLE 15):
- ingest: the same records inserted into a bare SQLite FTS5 table (same tokenizer, batches and pragmas),
  reading and parsing included on both sides; reported as docs/s, MB/s and the ratio to the floor;
- peak memory (max RSS) of the ingest process at the corpus size and at the resampled size;
- search and timeline latency p50/p95 over the hand-written queries in ``bench/queries.txt``.

Each ingest runs in a fresh subprocess so its peak memory is its own.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from tealeaves import settings
from tealeaves.analyze.terms import term_query
from tealeaves.analyze.timeline import timeline
from tealeaves.data import sample_path
from tealeaves.errors import UsageError
from tealeaves.store import Store
from tealeaves.store.query import Query
from tealeaves.store.search import search

Log = Callable[[str], None]


def default_corpora() -> Path | None:
    """``../shared/corpora`` relative to the working directory or to the checkout, if present."""
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *here.parents):
        cand = base.parent / "shared" / "corpora"
        if cand.is_dir():
            return cand
    return None


def corpus_files(corpora: Path) -> list[Path]:
    return sorted(corpora.rglob("*.jsonl.gz"))


def bench_queries() -> list[str]:
    text = (resources.files("tealeaves.bench") / "queries.txt").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


# -- ingest, ours and the floor, each in its own process ----------------------------------------

_PRELUDE = """
def peak_mb():
    # VmHWM is this process image's own high-water mark; ru_maxrss would carry the parent's across fork+exec
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_OURS = """
import json, os, sys, time
from tealeaves.store import Store
from tealeaves.store.loader import ingest
t = time.perf_counter()
with Store(sys.argv[1]) as s:
    summary = ingest(s, sys.argv[2:])
out = summary.as_dict()
out["wall"] = time.perf_counter() - t
out["cpu"] = time.process_time()
times = os.times()  # the reader process (setting reader_process), once joined
out["cpu_children"] = times.children_user + times.children_system
out["max_rss_mb"] = peak_mb()
out.pop("skipped_files", None)
print(json.dumps(out))
"""

_FLOOR = """
import gzip, json, os, sqlite3, sys, time
BATCH = int(os.environ["TEALEAVES_BATCH_SIZE"])
t = time.perf_counter()
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL"); conn.execute("PRAGMA synchronous = NORMAL")
conn.execute("PRAGMA cache_size = -65536")
conn.execute("CREATE VIRTUAL TABLE f USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')")
n, batch = 0, []
def flush():
    conn.execute("BEGIN IMMEDIATE"); conn.executemany("INSERT INTO f (title, body) VALUES (?, ?)", batch)
    conn.execute("COMMIT"); batch.clear()
for path in sys.argv[2:]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as fh:
        for line in fh:
            r = json.loads(line)
            batch.append((r["title"], r["body"])); n += 1
            if len(batch) >= BATCH:
                flush()
if batch:
    flush()
print(json.dumps({"stored": n, "wall": time.perf_counter() - t, "cpu": time.process_time(),
                  "max_rss_mb": peak_mb()}))
"""


def _run_py(code: str, args: list[str]) -> dict:
    """Run a measurement in a fresh interpreter; both sides use the same batch size (setting batch_size)."""
    env = dict(os.environ, TEALEAVES_BATCH_SIZE=str(settings.get("batch_size")))
    r = subprocess.run(
        [sys.executable, "-c", _PRELUDE + code, *args], capture_output=True, text=True, env=env
    )
    if r.returncode not in (0, 1):
        raise RuntimeError(r.stderr[-2000:])
    return json.loads(r.stdout.strip().splitlines()[-1])


def ingest_vs_floor(files: list[Path], workdir: Path, log: Log) -> dict:
    size_gz = sum(f.stat().st_size for f in files)
    raw_mb = _uncompressed_mb(files)
    floor = _run_py(_FLOOR, [str(workdir / "floor.db"), *map(str, files)])
    log(f"  floor (bare FTS5): {floor['stored']:,} docs in {floor['wall']:.1f}s")
    ours = _run_py(_OURS, [str(workdir / "ours.db"), *map(str, files)])
    log(f"  tealeaves ingest:  {ours['stored']:,} docs in {ours['wall']:.1f}s")
    secs = max(ours["seconds"], 1e-9)
    return {
        "docs_read": ours["read"],
        "docs_stored": ours["stored"],
        "input_mb_gz": round(size_gz / 1e6, 1),
        "input_mb_text": round(raw_mb, 1),
        "ours_s": round(ours["seconds"], 2),  # documents stored and full-text indexed
        "rank_index_s": round(ours["rank_index_seconds"], 2),  # then the rank index caught up
        "ours_total_s": round(ours["wall"], 2),
        "floor_s": round(floor["wall"], 2),
        "ours_docs_per_s": round(ours["read"] / secs),
        "floor_docs_per_s": round(floor["stored"] / floor["wall"]),
        "ours_mb_per_s": round(raw_mb / secs, 1),
        "floor_mb_per_s": round(raw_mb / floor["wall"], 1),
        "ratio_to_floor": round(ours["seconds"] / floor["wall"], 2),
        "ratio_to_floor_with_rank_index": round(ours["wall"] / floor["wall"], 2),
        "ours_cpu_s": round(ours["cpu"] + ours.get("cpu_children", 0), 2),  # both processes
        "ours_reader_cpu_s": round(ours.get("cpu_children", 0), 2),
        "floor_cpu_s": round(floor["cpu"], 2),
        "ours_max_rss_mb": round(ours["max_rss_mb"]),
        "floor_max_rss_mb": round(floor["max_rss_mb"]),
        "db": str(workdir / "ours.db"),
    }


def _uncompressed_mb(files: list[Path]) -> float:
    total = 0
    for f in files:
        opener = gzip.open if f.name.endswith(".gz") else open
        with opener(f, "rb") as fh:
            while chunk := fh.read(1 << 20):
                total += len(chunk)
    return total / 1e6


# -- a large corpus by resampling real documents ------------------------------------------------


def resample(files: list[Path], n: int, out: Path, seed: int = 1) -> Path:
    """``n`` real documents drawn with replacement and re-dated uniformly over the corpora's English span.

    Re-dating keeps every copy a distinct document (ids hash the date) and spreads load over ~28 years.
    The file is written in date order, as archives (and the shared corpora) are. For benchmarking only.
    """
    docs = []
    for f in files:
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            docs += [json.loads(line) for line in fh]
    rng = random.Random(seed)
    first, last = dt.date(1997, 1, 1).toordinal(), dt.date(2024, 11, 10).toordinal()
    picks = sorted((rng.randint(first, last), rng.randrange(len(docs))) for _ in range(n))
    with open(out, "w", encoding="utf-8") as fh:
        for i, (day, k) in enumerate(picks):
            r = dict(docs[k], published=dt.date.fromordinal(day).isoformat(), id=f"resampled-{i}")
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return out


# -- query latency -------------------------------------------------------------------------------


def _pcts(ms: list[float]) -> dict:
    ms = sorted(ms)
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 2),
        "p95_ms": round(ms[min(len(ms) - 1, round(0.95 * len(ms)) - 1)], 2),
        "max_ms": round(ms[-1], 2),
    }


def query_latency(db: str, queries: list[str], rounds: int = 2, rank_index: bool = True) -> dict:
    """Search (top 10 by relevance, with snippets; and newest 10) and monthly timeline, per query.

    ``rank_index=False`` ranks with FTS5's own BM25 (the reference for the rank index).
    """
    old = os.environ.get("TEALEAVES_RANK_INDEX")
    os.environ["TEALEAVES_RANK_INDEX"] = "auto" if rank_index else "off"
    try:
        return _latency(db, queries, rounds)
    finally:
        if old is None:
            os.environ.pop("TEALEAVES_RANK_INDEX", None)
        else:
            os.environ["TEALEAVES_RANK_INDEX"] = old


def _latency(db: str, queries: list[str], rounds: int) -> dict:
    with Store(db, readonly=True) as store:
        parsed = [Query.parse(q) for q in queries]
        terms = [term_query(q) for q in queries]
        for q in parsed:  # warm the page cache once
            search(store, q, limit=10)
        rel, date, tl = [], [], []
        for _ in range(rounds):
            for q, t in zip(parsed, terms, strict=True):
                t0 = time.perf_counter()
                search(store, q, limit=10)
                rel.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                search(store, q, limit=10, sort="date")
                date.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                timeline(store, [("q", t)], by="month")
                tl.append((time.perf_counter() - t0) * 1000)
        return {
            "queries": len(queries),
            "rounds": rounds,
            "search_relevance": _pcts(rel),
            "search_date": _pcts(date),
            "timeline_month": _pcts(tl),
        }


def relevance_fts5_only(db: str, queries: list[str]) -> dict:
    """The reference for ranked search: FTS5 ranking every match itself (one round)."""
    return query_latency(db, queries, rounds=1, rank_index=False)["search_relevance"]


def run(corpora: Path | None, million: int, log: Log, keep: Path | None = None) -> dict:
    workdir = keep or Path(tempfile.mkdtemp(prefix="tealeaves-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    result: dict = {"machine": f"{os.cpu_count()} cores", "date": dt.date.today().isoformat()}
    if corpora is None:
        log("../shared/corpora not found: measuring on the bundled sample instead (pass --corpora DIR)")
        files = [sample_path()]
        result["corpus"] = "bundled sample"
    else:
        files = corpus_files(corpora)
        if not files:
            raise UsageError(f"no *.jsonl.gz corpus files under {corpora}")
        result["corpus"] = str(corpora)
    log(f"ingest of {len(files)} files ...")
    result["ingest"] = ingest_vs_floor(files, _mk(workdir / "full"), log)
    queries = bench_queries()
    log(f"query latency over {len(queries)} queries at {result['ingest']['docs_stored']:,} docs ...")
    result["latency_full"] = query_latency(result["ingest"]["db"], queries)
    result["latency_full"]["search_relevance_fts5_only"] = relevance_fts5_only(
        result["ingest"]["db"], queries
    )
    if million:
        big = resample(files, million, _mk(workdir / "big") / "resampled.jsonl")
        log(f"ingest of {million:,} resampled documents ...")
        result["ingest_big"] = ingest_vs_floor([big], workdir / "big", log)
        log(f"query latency at {result['ingest_big']['docs_stored']:,} docs ...")
        result["latency_big"] = query_latency(result["ingest_big"]["db"], queries)
        result["latency_big"]["search_relevance_fts5_only"] = relevance_fts5_only(
            result["ingest_big"]["db"], queries
        )
    result["workdir"] = str(workdir)
    return result


def _mk(p: Path) -> Path:
    p.mkdir(parents=True, exist_ok=True)
    return p
