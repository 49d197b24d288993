"""``tealeaves bench brief``: latency of the weekly brief on a store, next to what it would cost without
the precomputed term index (scanning the same week's documents for term candidates from scratch),
measured in the same run on the same weeks.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time

from tealeaves.analyze import termindex
from tealeaves.analyze.brief import brief
from tealeaves.extract.termpacks import load_pack
from tealeaves.extract.terms import find_candidates
from tealeaves.store import Store
from tealeaves.store.db import day_rowid_range


def sample_weeks(store: Store, n: int, seed: int = 7) -> list[tuple[dt.date, dt.date]]:
    """``n`` distinct Monday-to-Sunday weeks holding documents, drawn uniformly (seeded)."""
    days = [d for (d,) in store.conn.execute("SELECT DISTINCT day FROM day_counts")]
    mondays = sorted({d - dt.date.fromordinal(d).weekday() for d in days})
    rng = random.Random(seed)
    chosen = rng.sample(mondays, min(n, len(mondays)))
    return [(dt.date.fromordinal(m), dt.date.fromordinal(m + 6)) for m in sorted(chosen)]


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def _scan_week(store: Store, a: dt.date, b: dt.date, pack, lexicon) -> int:
    lo, hi = day_rowid_range(a, b)
    n = 0
    for title, body, lang in store.conn.execute(
        "SELECT title, body, lang FROM docs WHERE rowid BETWEEN ? AND ?", (lo, hi)
    ):
        n += len(find_candidates(title + "\n\n" + body, len(title), lang, pack, lexicon))
    return n


def run(store: Store, weeks: int = 30, seed: int = 7) -> dict:
    if termindex.is_stale(store):
        termindex.refresh(store)
    chosen = sample_weeks(store, weeks, seed)
    brief_ms, scan_ms, items, docs = [], [], [], []
    pack, lexicon = load_pack(), termindex.load_lexicon(store)
    for a, b in chosen:
        t0 = time.perf_counter()
        out = brief(store, a, b)
        brief_ms.append((time.perf_counter() - t0) * 1000)
        items.append(
            len(out.new_terms) + len(out.bursts) + len(out.appearances) + len(out.meetings) + len(out.quotes)
        )
        docs.append(out.documents)
        t0 = time.perf_counter()
        _scan_week(store, a, b, pack, lexicon)
        scan_ms.append((time.perf_counter() - t0) * 1000)
    return {
        "store_docs": store.count_docs(),
        "weeks": len(chosen),
        "docs_per_week_median": statistics.median(docs) if docs else 0,
        "items_per_brief_median": statistics.median(items) if items else 0,
        "brief_ms": {
            "p50": _pct(brief_ms, 0.5),
            "p95": _pct(brief_ms, 0.95),
            "max": max(brief_ms, default=0),
        },
        "reference_scan_ms": {
            "p50": _pct(scan_ms, 0.5),
            "p95": _pct(scan_ms, 0.95),
            "max": max(scan_ms, default=0),
        },
        "slowest_week": chosen[brief_ms.index(max(brief_ms))][0].isoformat() if brief_ms else None,
    }
