"""Reading the term index: the list of discovered terms, one term's variants, first uses and timeline.

These are the library functions the CLI (``tealeaves terms``, ``tealeaves term``) and the HTTP API
call. They read what :mod:`analyze.termindex` stored; none of them scans documents.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field

from tealeaves import settings
from tealeaves.analyze.first import Coverage, coverage
from tealeaves.analyze.timeline import all_periods, day_totals, period_key
from tealeaves.errors import NotFoundError, UsageError
from tealeaves.extract.sentences import sentence_at, split_sentences
from tealeaves.extract.termpacks import load_pack
from tealeaves.extract.terms import Lexicon, find_candidates, fold
from tealeaves.store import Store
from tealeaves.store.db import DAY_SHIFT, day_rowid_range
from tealeaves.store.search import Filters


def iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


@dataclass
class TermRow:
    id: int
    key: str
    term: str
    kind: str
    first_seen: str
    last_seen: str
    count: int  # hits (every use), in the window when one is given
    docs: int
    variants: list[str]
    score: float
    rank: int | None
    sources: int

    def as_dict(self) -> dict:
        return {
            "term": self.term,
            "kind": self.kind,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "count": self.count,
            "docs": self.docs,
            "variants": self.variants,
            "score": round(self.score, 4),
            "rank": self.rank,
            "sources": self.sources,
            "key": self.key,
        }


_TERM_COLS = (
    "t.id, t.key, t.phrase, t.kind, t.first_day, t.last_day, t.hits, t.docs, t.score, t.rank, t.sources"
)


def _row(r, variants: list[str], count: int | None = None, docs: int | None = None) -> TermRow:
    return TermRow(
        r[0],
        r[1],
        r[2],
        r[3],
        iso(r[4]),
        iso(r[5]),
        r[6] if count is None else count,
        r[7] if docs is None else docs,
        variants,
        r[8],
        r[9],
        r[10],
    )


def variant_texts(store: Store, keys: list[str]) -> dict[str, list[str]]:
    """Distinct written forms (whitespace-collapsed) per term key, most used first."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for i in range(0, len(keys), 500):
        part = keys[i : i + 500]
        for key, text, n in store.conn.execute(
            "SELECT v.key, v.text, count(*) FROM term_variants v JOIN term_hits h ON h.variant = v.id "
            f"WHERE v.key IN ({','.join('?' * len(part))}) GROUP BY v.id",
            part,
        ):
            out[key][" ".join(text.split())] += n
    return {k: sorted(v, key=lambda t: -v[t]) for k, v in out.items()}


def list_terms(
    store: Store,
    *,
    kind: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    new_since: dt.date | None = None,
    limit: int | None = 100,
    include_unranked: bool = False,
) -> list[TermRow]:
    """Discovered terms, best first. A date window keeps the terms used in it (with counts in it);
    ``new_since`` keeps the terms first seen on or after that date."""
    where, params = ["1"], []
    if not include_unranked:
        where.append("t.rank IS NOT NULL")
    if kind:
        kinds = {k for (k,) in store.conn.execute("SELECT DISTINCT kind FROM terms")}
        if kind not in kinds:
            raise UsageError(
                f"unknown kind {kind!r}; kinds in this store: {', '.join(sorted(kinds)) or 'none'}"
            )
        where.append("t.kind = ?")
        params.append(kind)
    if new_since:
        where.append("t.first_day >= ?")
        params.append(new_since.toordinal())
    if date_from and date_to and date_from > date_to:
        raise UsageError(f"--from {date_from} is after --to {date_to}")
    window = date_from is not None or date_to is not None
    sql = (
        f"SELECT {_TERM_COLS} FROM terms t WHERE {' AND '.join(where)} "
        "ORDER BY t.rank IS NULL, t.rank, t.score DESC"
    )
    rows = store.conn.execute(sql, params).fetchall()
    counts: dict[int, tuple[int, int]] = {}
    if window:
        lo, hi = day_rowid_range(date_from, date_to)
        counts = {
            t: (hits, docs)
            for t, hits, docs in store.conn.execute(
                "SELECT t.id, count(*), count(DISTINCT h.doc) FROM terms t "
                "JOIN term_variants v ON v.key = t.key JOIN term_hits h ON h.variant = v.id "
                f"WHERE h.doc BETWEEN ? AND ? AND ({' AND '.join(where)}) GROUP BY t.id",
                [lo, hi, *params],
            )
        }
        rows = [r for r in rows if r[0] in counts]
    if limit:
        rows = rows[:limit]
    variants = variant_texts(store, [r[1] for r in rows])
    return [_row(r, variants.get(r[1], []), *(counts[r[0]] if window else (None, None))) for r in rows]


def resolve_term(store: Store, term: str) -> tuple:
    """A term by key ("spirit:kanggye"), by its usual phrase, or by any of its written forms."""
    term = term.strip()
    if not term:
        raise UsageError("empty term")
    row = store.conn.execute(f"SELECT {_TERM_COLS} FROM terms t WHERE t.key = ?", (term,)).fetchone()
    if row:
        return row
    want = fold(term)
    keys = [
        k
        for (k, text) in store.conn.execute("SELECT DISTINCT key, text FROM term_variants")
        if fold(text) == want
    ]
    if not keys:  # a form the corpus does not use, read by the patterns: "spirit of X" -> spirit:x
        text = "\n\n" + term
        keys = [c.key for c in find_candidates(text, 0, "en", load_pack(), Lexicon()) if c.text == term]
        keys += [c.key for c in find_candidates(text, 0, "es", load_pack(), Lexicon()) if c.text == term]
    if not keys:
        keys = [k for (k,) in store.conn.execute("SELECT key FROM terms") if k.split(":", 1)[1] == want]
    if keys:
        keys = [
            k
            for (k,) in store.conn.execute(
                f"SELECT key FROM terms WHERE key IN ({','.join('?' * len(keys))})", keys
            )
        ]
    if not keys:
        raise NotFoundError(
            f"no discovered term {term!r} (try `tealeaves terms` for the list, "
            "or `tealeaves search` for any text)"
        )
    rows = store.conn.execute(
        f"SELECT {_TERM_COLS} FROM terms t WHERE t.key IN ({','.join('?' * len(keys))}) ORDER BY t.docs DESC",
        keys,
    ).fetchall()
    return rows[0]


@dataclass
class FirstUse:
    variant: str | None  # None: the term as a whole
    source: str
    id: str
    published: str
    sentence: str
    start: int  # the term's span over the canonical text
    end: int
    sentence_start: int
    sentence_end: int
    coverage_start: str
    near_coverage_start: bool

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class TermDetail:
    row: TermRow
    variants: list[dict]
    first_uses: list[FirstUse]  # the term per source, then each variant per source
    timeline: list[dict]
    bursts: list[dict]
    coverage: dict[str, Coverage]
    warnings: list[str] = field(default_factory=list)
    features: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            **self.row.as_dict(),
            "features": self.features,
            "variant_counts": self.variants,
            "first_use": [f.as_dict() for f in self.first_uses if f.variant is None],
            "first_use_by_variant": [f.as_dict() for f in self.first_uses if f.variant is not None],
            "timeline": self.timeline,
            "bursts": self.bursts,
            "coverage": {k: c.__dict__ for k, c in self.coverage.items()},
            "warnings": self.warnings,
        }


def term_detail(store: Store, term: str, *, by: str = "year") -> TermDetail:
    r = resolve_term(store, term)
    key = r[1]
    variants = [
        {
            "variant": " ".join(text.split()),
            "lang": lang,
            "count": n,
            "docs": d,
            "first_seen": iso(first >> DAY_SHIFT),
        }
        for text, lang, n, d, first in store.conn.execute(
            "SELECT v.text, v.lang, count(*), count(DISTINCT h.doc), min(h.doc) FROM term_variants v "
            "JOIN term_hits h ON h.variant = v.id WHERE v.key = ? GROUP BY v.id ORDER BY count(*) DESC",
            (key,),
        )
    ]
    row = _row(r, [v["variant"] for v in variants])
    cov = coverage(store)
    firsts = first_uses(store, key, cov)
    warn_days = int(settings.get("coverage_warn_days"))
    warnings = [
        f"{f.source}: the earliest use ({f.published}) is within {warn_days} days of the start of this "
        f"source's coverage ({f.coverage_start}); the term may be older than the archive"
        for f in firsts
        if f.variant is None and f.near_coverage_start
    ]
    features = json.loads(
        store.conn.execute("SELECT features FROM terms WHERE id = ?", (r[0],)).fetchone()[0]
    )
    return TermDetail(
        row,
        variants,
        firsts,
        term_timeline(store, r[0], by=by),
        term_bursts(store, r[0]),
        cov,
        warnings,
        features,
    )


def first_uses(store: Store, key: str, cov: dict[str, Coverage] | None = None) -> list[FirstUse]:
    """Earliest hit per source for the term, then per (variant, source), each with its sentence."""
    cov = cov if cov is not None else coverage(store)
    warn_days = int(settings.get("coverage_warn_days"))
    per_source = store.conn.execute(
        "SELECT s.name, NULL, min(h.doc) FROM term_hits h JOIN term_variants v ON v.id = h.variant "
        "JOIN docs d ON d.rowid = h.doc JOIN sources s ON s.id = d.source_id WHERE v.key = ? "
        "GROUP BY s.name ORDER BY min(h.doc)",
        (key,),
    ).fetchall()
    per_variant = store.conn.execute(
        "SELECT s.name, v.text, min(h.doc) FROM term_hits h JOIN term_variants v ON v.id = h.variant "
        "JOIN docs d ON d.rowid = h.doc JOIN sources s ON s.id = d.source_id WHERE v.key = ? "
        "GROUP BY s.name, v.id ORDER BY min(h.doc)",
        (key,),
    ).fetchall()
    out = []
    for source, variant, doc in [*per_source, *per_variant]:
        out.append(_first_use(store, key, source, variant, doc, cov, warn_days))
    return out


def _first_use(store, key, source, variant, doc, cov, warn_days) -> FirstUse:
    did, published, title, body = store.conn.execute(
        "SELECT id, published, title, body FROM docs WHERE rowid = ?", (doc,)
    ).fetchone()
    cond, params = ("v.text = ?", [variant]) if variant is not None else ("1", [])
    start, end = store.conn.execute(
        f'SELECT h.start, h."end" FROM term_hits h JOIN term_variants v ON v.id = h.variant '
        f"WHERE h.doc = ? AND v.key = ? AND {cond} ORDER BY h.start LIMIT 1",
        [doc, key, *params],
    ).fetchone()
    s_start, s_end = sentence_span(title, body, start)
    text = title + "\n\n" + body
    c = cov.get(source)
    cstart = c.start if c else published
    near = (dt.date.fromisoformat(_day(published)) - dt.date.fromisoformat(cstart)).days <= warn_days
    return FirstUse(
        None if variant is None else " ".join(variant.split()),
        source,
        did,
        published,
        text[s_start:s_end],
        start,
        end,
        s_start,
        s_end,
        cstart,
        near,
    )


def sentence_span(title: str, body: str, offset: int) -> tuple[int, int]:
    """The sentence of the canonical text holding ``offset`` (the headline is a sentence of its own)."""
    text = title + "\n\n" + body
    s = sentence_at(split_sentences(text, title_len=len(title)), offset)
    return (s.start, s.end) if s else (0, len(title))


def _day(published: str) -> str:
    parts = published.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def term_timeline(
    store: Store, term_id: int, *, by: str = "year", filters: Filters | None = None
) -> list[dict]:
    """Documents using the term per period, and their share of all documents in that period."""
    days = dict(store.conn.execute("SELECT day, n FROM term_days WHERE term = ?", (term_id,)).fetchall())
    if not days:
        days = _days_from_hits(store, term_id)
    totals = day_totals(store, filters or Filters())
    if not totals:
        return []
    counts: dict[str, int] = defaultdict(int)
    denom: dict[str, int] = defaultdict(int)
    for day, n in days.items():
        counts[period_key(dt.date.fromordinal(day), by)] += n
    for day, n in totals.items():
        denom[period_key(dt.date.fromordinal(day), by)] += n
    first, last = dt.date.fromordinal(min(totals)), dt.date.fromordinal(max(totals))
    return [
        {
            "period": p,
            "count": counts.get(p, 0),
            "total": denom.get(p, 0),
            "share": round(counts[p] / denom[p], 6) if denom.get(p) and counts.get(p) else 0.0,
        }
        for p in all_periods(first, last, by)
    ]


def _days_from_hits(store: Store, term_id: int) -> dict[int, int]:
    return dict(
        store.conn.execute(
            f"SELECT h.doc >> {DAY_SHIFT}, count(DISTINCT h.doc) FROM terms t "
            "JOIN term_variants v ON v.key = t.key "
            f"JOIN term_hits h ON h.variant = v.id WHERE t.id = ? GROUP BY h.doc >> {DAY_SHIFT}",
            (term_id,),
        ).fetchall()
    )


def term_bursts(store: Store, term_id: int) -> list[dict]:
    return [
        {
            "start": iso(a),
            "end": iso(b),
            "level": lvl,
            "weight": round(w, 3),
            "docs": n,
            "recurring": bool(rec),
            "recurring_years": json.loads(years),
        }
        for a, b, lvl, w, n, rec, years in store.conn.execute(
            "SELECT start_day, end_day, level, weight, docs, recurring, years FROM term_bursts "
            "WHERE term = ? ORDER BY start_day",
            (term_id,),
        )
    ]


def list_bursts(
    store: Store,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    kind: str | None = None,
    recurring: bool | None = None,
    limit: int | None = 100,
) -> list[dict]:
    """Bursts overlapping the window, strongest first. ``recurring=False`` keeps new surges only."""
    if date_from and date_to and date_from > date_to:
        raise UsageError(f"--from {date_from} is after --to {date_to}")
    where, params = ["1"], []
    if date_from:
        where.append("b.end_day >= ?")
        params.append(date_from.toordinal())
    if date_to:
        where.append("b.start_day <= ?")
        params.append(date_to.toordinal())
    if kind:
        where.append("t.kind = ?")
        params.append(kind)
    if recurring is not None:
        where.append("b.recurring = ?")
        params.append(int(recurring))
    sql = (
        "SELECT t.id, t.phrase, t.kind, b.start_day, b.end_day, b.level, b.weight, b.docs, b.recurring, "
        "b.years, "
        "t.first_day FROM term_bursts b JOIN terms t ON t.id = b.term "
        f"WHERE {' AND '.join(where)} ORDER BY b.weight DESC"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [
        {
            "term": phrase,
            "kind": kind_,
            "start": iso(a),
            "end": iso(b),
            "weight": round(w, 3),
            "level": lvl,
            "docs": n,
            "recurring": bool(rec),
            "recurring_years": json.loads(years),
            "first_seen": iso(first),
            "new_term": first >= a,
            "term_id": tid,
        }
        for tid, phrase, kind_, a, b, lvl, w, n, rec, years, first in store.conn.execute(sql, params)
    ]
