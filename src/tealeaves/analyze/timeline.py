"""Timelines: documents mentioning a term per period, as counts and as a share of all documents."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass

from tealeaves.errors import UsageError
from tealeaves.store import Store
from tealeaves.store.memo import memoized
from tealeaves.store.search import Filters, day_histogram

PERIODS = ("year", "month", "week", "day")


@dataclass
class TimelinePoint:
    term: str
    period: str
    count: int
    total: int
    source: str | None = None

    @property
    def share(self) -> float | None:
        return self.count / self.total if self.total else None

    def as_dict(self) -> dict:
        d = {
            "term": self.term,
            "period": self.period,
            "count": self.count,
            "total": self.total,
            "share": round(self.share, 6) if self.share is not None else None,
        }
        if self.source is not None:
            d["source"] = self.source
        return d


def period_key(day: dt.date, by: str) -> str:
    if by == "year":
        return f"{day.year:04d}"
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if by == "week":
        y, w, _ = day.isocalendar()
        return f"{y:04d}-W{w:02d}"
    return day.isoformat()


def _next_period_start(day: dt.date, by: str) -> dt.date:
    if by == "year":
        return dt.date(day.year + 1, 1, 1)
    if by == "month":
        return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    if by == "week":
        return day + dt.timedelta(days=7 - day.weekday())
    return day + dt.timedelta(days=1)


def all_periods(first: dt.date, last: dt.date, by: str) -> list[str]:
    out, d = [], first
    while d <= last:
        out.append(period_key(d, by))
        d = _next_period_start(d, by)
    return out


def day_totals(store: Store, f: Filters) -> dict[int, int]:
    """{day ordinal: documents} for the corpus under the same source/lang/date filters (kept until the
    documents change: see store/memo.py; do not modify the answer)."""
    return memoized(store, "day_totals", f, lambda: _day_totals(store, f))


def _day_totals(store: Store, f: Filters) -> dict[int, int]:
    where, params = ["1"], []
    if f.sources:
        ids = [store.source_id(s) for s in f.sources]
        if None in ids:
            bad = [s for s, i in zip(f.sources, ids, strict=True) if i is None]
            raise UsageError(f"unknown source {bad[0]!r}; sources: {', '.join(sorted(store.source_ids()))}")
        where.append(f"source_id IN ({','.join('?' * len(ids))})")
        params += ids
    if f.langs:
        where.append(f"lower(lang) IN ({','.join('?' * len(f.langs))})")
        params += [lang.lower() for lang in f.langs]
    if f.date_from:
        where.append("day >= ?")
        params.append(f.date_from.toordinal())
    if f.date_to:
        where.append("day <= ?")
        params.append(f.date_to.toordinal())
    rows = store.conn.execute(
        f"SELECT day, sum(n) FROM day_counts WHERE {' AND '.join(where)} GROUP BY day", params
    )
    return dict(rows.fetchall())


@functools.lru_cache(maxsize=200_000)
def _period_of(day: int, by: str) -> str:
    return period_key(dt.date.fromordinal(day), by)


def _bucket(days: dict[int, int], by: str) -> dict[str, int]:
    """Sums per period; a period's key is computed once per day ever seen (a timeline reads thousands)."""
    out: dict[str, int] = defaultdict(int)
    for day, n in days.items():
        out[_period_of(day, by)] += n
    return out


def timeline(
    store: Store,
    terms: list[tuple[str, object]],
    *,
    by: str = "month",
    filters: Filters = Filters(),  # noqa: B008 - frozen
    split_sources: bool = False,
) -> list[TimelinePoint]:
    """``terms`` are (label, Query) pairs. Every period from the first to the last document is listed."""
    if by not in PERIODS:
        raise UsageError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")
    if split_sources:
        out = []
        for source in list(filters.sources) or sorted(store.source_ids()):
            for point in timeline(store, terms, by=by, filters=filters.with_source(source)):
                point.source = source
                out.append(point)
        return out
    totals_days = day_totals(store, filters)
    if not totals_days:
        return []
    first = dt.date.fromordinal(min(totals_days))
    last = dt.date.fromordinal(max(totals_days))
    periods = all_periods(first, last, by)
    totals = _bucket(totals_days, by)
    out = []
    for label, q in terms:
        counts = _bucket(day_histogram(store, q, filters), by)  # type: ignore[arg-type]
        out += [TimelinePoint(label, p, counts.get(p, 0), totals.get(p, 0)) for p in periods]
    return out
