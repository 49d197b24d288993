"""The data behind each API route and page: one library call each, shaped as plain dicts.

The API returns these dicts as JSON; the pages render the same dicts into HTML, so a page never shows
anything the API would not return. Checks of request limits live here too (one place for both).
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from tealeaves.analyze.first import coverage, first_use
from tealeaves.analyze.terms import term_query
from tealeaves.analyze.timeline import PERIODS, all_periods, timeline
from tealeaves.dates import parse_bound
from tealeaves.errors import UsageError
from tealeaves.serve.config import ServeConfig
from tealeaves.store import Store
from tealeaves.store.documents import get_document
from tealeaves.store.facts import document_facts
from tealeaves.store.query import Query
from tealeaves.store.search import MARK_CLOSE, MARK_OPEN, Filters, count, match_spans, render_marks, search


@dataclass(frozen=True)
class FilterArgs:
    """Filters as they arrive in a request (strings), before parsing."""

    sources: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None

    def parse(self) -> Filters:
        bounds = []
        for name, value, end in (("from", self.date_from, False), ("to", self.date_to, True)):
            try:
                bounds.append(parse_bound(value, end=end))
            except UsageError as e:
                raise UsageError(f"{name}: {e}") from None
        f = Filters(tuple(s for s in self.sources if s), tuple(x for x in self.langs if x), *bounds)
        if f.date_from and f.date_to and f.date_from > f.date_to:
            raise UsageError(f"from: {f.date_from} is after to: {f.date_to}")
        return f


def check_limit(cfg: ServeConfig, limit: int, offset: int = 0, name: str = "limit") -> None:
    if not 1 <= limit <= cfg.limit_max:
        raise UsageError(f"{name}: must be between 1 and {cfg.limit_max} (got {limit})")
    if offset < 0:
        raise UsageError(f"offset: must be 0 or more (got {offset})")
    if offset > 100_000:
        raise UsageError(f"offset: at most 100000 (got {offset}); narrow the query or the dates instead")


def parse_query(cfg: ServeConfig, q: str, name: str = "q") -> Query:
    q = (q or "").strip()
    if not q:
        raise UsageError(f'{name}: give a search query (words, "phrases", AND/OR/NOT)')
    if len(q) > cfg.query_max_chars:
        raise UsageError(f"{name}: {len(q)} characters long; the limit is {cfg.query_max_chars}")
    return Query.parse(q)


def search_view(
    store: Store,
    cfg: ServeConfig,
    q: str,
    fa: FilterArgs,
    *,
    sort: str = "relevance",
    limit: int = 20,
    offset: int = 0,
    with_total: bool = True,
) -> dict:
    check_limit(cfg, limit, offset)
    query, f = parse_query(cfg, q), fa.parse()
    hits = search(store, query, f, sort=sort, limit=limit, offset=offset)
    return {
        "query": q,
        "total": count(store, query, f) if with_total else None,
        "limit": limit,
        "offset": offset,
        "sort": sort,
        "hits": [h.as_dict() for h in hits],
    }


def check_points(store: Store, cfg: ServeConfig, f: Filters, by: str, series: int = 1) -> None:
    """Refuse a timeline that would have more than ``cfg.points_max`` points (say how to narrow it)."""
    if by not in PERIODS:
        raise UsageError(f"by: unknown period {by!r}; choose one of {', '.join(PERIODS)}")
    row = store.conn.execute("SELECT min(day), max(day) FROM day_counts").fetchone()
    if not row or row[0] is None:
        return
    first = max(dt.date.fromordinal(row[0]), f.date_from or dt.date.min)
    last = min(dt.date.fromordinal(row[1]), f.date_to or dt.date.max)
    if first > last:
        return
    n = len(all_periods(first, last, by)) * series
    if n > cfg.points_max:
        raise UsageError(
            f"by: a timeline per {by} from {first} to {last} has {n:,} points; the limit is "
            f"{cfg.points_max:,}: narrow from/to or use a longer period"
        )


def _series(points: list) -> list[dict]:
    out: dict[tuple, dict] = {}
    for p in points:
        key = (p.term, p.source)
        s = out.setdefault(key, {"term": p.term, "source": p.source, "points": []})
        d = p.as_dict()
        s["points"].append({k: d[k] for k in ("period", "count", "total", "share")})
    return list(out.values())


def timeline_view(
    store: Store,
    cfg: ServeConfig,
    terms: list[str],
    fa: FilterArgs,
    *,
    by: str = "month",
    split_sources: bool = False,
    as_query: bool = False,
) -> dict:
    """``terms`` as term arguments (plain words = phrase), or, with ``as_query``, as search queries."""
    terms = [t for t in terms if t and t.strip()]
    if not terms:
        raise UsageError("term: give at least one term")
    if len(terms) > 8:
        raise UsageError(f"term: at most 8 terms per timeline (got {len(terms)})")
    pairs = [(t, parse_query(cfg, t) if as_query else _term(cfg, t)) for t in terms]
    f = fa.parse()
    n_sources = len(f.sources or store.source_ids()) if split_sources else 1
    check_points(store, cfg, f, by, len(terms) * n_sources)
    points = timeline(store, pairs, by=by, filters=f, split_sources=split_sources)
    return {"by": by, "series": _series(points)}


def _term(cfg: ServeConfig, term: str) -> Query:
    term = term.strip()
    if len(term) > cfg.query_max_chars:
        raise UsageError(f"term: {len(term)} characters long; the limit is {cfg.query_max_chars}")
    return term_query(term)


def first_view(store: Store, cfg: ServeConfig, term: str, fa: FilterArgs, *, limit: int = 5) -> dict:
    check_limit(cfg, limit)
    fu = first_use(store, term, _term(cfg, term), fa.parse(), limit=limit)

    def hit(h) -> dict:
        return {**h.as_dict(), "sentence_html": render_marks(h.marked, "<mark>", "</mark>", escape=True)}

    return {
        "term": fu.term,
        "hits": [hit(h) for h in fu.hits],
        "per_source": {s: hit(h) for s, h in fu.per_source.items()},
        "coverage": {s: vars(c) for s, c in fu.coverage.items()},
        "warnings": fu.warnings,
    }


def document_view(store: Store, cfg: ServeConfig, ident: str, q: str | None = None) -> dict:
    sd = get_document(store, ident)
    doc = sd.as_dict() | {"body_offset": sd.doc.body_offset}
    matches: list[tuple[int, int]] = []
    if q and q.strip():
        spans = match_spans(store, parse_query(cfg, q), sd.rowid)
        off = sd.doc.body_offset
        matches = list(spans["title"]) + [(a + off, b + off) for a, b in spans["body"]]
    return {"document": doc, "matches": matches, "facts": document_facts(store, sd.rowid)}


def stats_view(store: Store, cfg: ServeConfig) -> dict:
    return {
        "documents": store.count_docs(),
        "sources": [vars(c) for c in coverage(store).values()],
        "writable": cfg.writable,
    }


def marked_html(text: str) -> str:
    """Text with the library's match marks, as escaped HTML with <mark> elements."""
    return render_marks(text, "<mark>", "</mark>", escape=True)


def strip_marks(text: str) -> str:
    return html.unescape(text.replace(MARK_OPEN, "").replace(MARK_CLOSE, ""))
