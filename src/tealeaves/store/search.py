"""Full-text search over the store: ranked or dated hits with snippets, counts and day histograms.

Every function takes a :class:`Query` and :class:`Filters` and builds one full-text expression:
the user query restricted to the title and body columns, intersected with hidden ``meta`` tokens for
source and language filters; a date range is a rowid range (docs.rowid is date-ordered).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator
from dataclasses import dataclass, field

from tealeaves import settings
from tealeaves.errors import QueryError, UsageError
from tealeaves.store.db import DAY_SHIFT, Store, day_rowid_range
from tealeaves.store.query import Query, to_sql_scan
from tealeaves.store.rankindex import rank_index

MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
SORTS = ("relevance", "date", "date-asc")
TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0


@dataclass(frozen=True)
class Filters:
    sources: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def with_source(self, source: str) -> Filters:
        return Filters((source,), self.langs, self.date_from, self.date_to)


@dataclass
class Hit:
    rowid: int
    id: str
    source: str
    published: str
    title: str
    snippet: str  # with MARK_OPEN/MARK_CLOSE around matches; see render_marks
    url: str | None
    lang: str | None
    ext_id: str | None
    score: float | None = None

    def as_dict(self, marks: tuple[str, str] = ("<mark>", "</mark>")) -> dict:
        return {
            "id": self.id,
            "source": self.source,
            "published": self.published,
            "title": self.title,
            "snippet": render_marks(self.snippet, *marks, escape=marks[0].startswith("<")),
            "url": self.url,
            "lang": self.lang,
            "ext_id": self.ext_id,
            "score": self.score,
        }


@dataclass
class _Plan:
    table: str  # fts | fts_cjk
    match: str | None  # FTS5 expression, or None when scanning
    scan: tuple[str, list[str]] | None
    lo: int
    hi: int
    source_ids: list[int] = field(default_factory=list)
    langs: list[str] = field(default_factory=list)


def render_marks(text: str, open_: str, close: str, escape: bool = False) -> str:
    if escape:
        text = html.escape(text, quote=False)
    return text.replace(MARK_OPEN, open_).replace(MARK_CLOSE, close)


def _source_ids(store: Store, f: Filters) -> list[int]:
    if not f.sources:
        return []
    known = store.source_ids()
    lower = {k.lower(): v for k, v in known.items()}
    ids = []
    for s in f.sources:
        sid = lower.get(s.lower())
        if sid is None:
            raise UsageError(
                f"unknown source {s!r}; sources in this store: {', '.join(sorted(known)) or 'none'}"
            )
        ids.append(sid)
    return ids


def _lang_keys(f: Filters) -> list[str]:
    return [lang.lower().replace("-", "") for lang in f.langs]


def _meta_filter(source_ids: list[int], langs: list[str]) -> str:
    parts = []
    if source_ids:
        parts.append("meta : (" + " OR ".join(f"xs{sid}" for sid in source_ids) + ")")
    if langs:
        parts.append("meta : (" + " OR ".join(f"xl{lang}" for lang in langs) + ")")
    return " AND ".join(parts)


def plan(store: Store, q: Query, f: Filters) -> _Plan:
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise UsageError(f"--from {f.date_from} is after --to {f.date_to}")
    lo, hi = day_rowid_range(f.date_from, f.date_to)
    table = "fts_cjk" if q.cjk else "fts"
    source_ids, langs = _source_ids(store, f), _lang_keys(f)
    meta = _meta_filter(source_ids, langs)
    if q.short_cjk:
        cond, params = to_sql_scan(q.node)
        return _Plan(table, meta or None, (cond, params), lo, hi, source_ids, langs)
    match = "{title body} : (" + q.fts + ")"
    if meta:
        match = f"({match}) AND {meta}"
    return _Plan(table, match, None, lo, hi, source_ids, langs)


def _matching_rowids_sql(p: _Plan) -> tuple[str, list]:
    """SQL selecting ``rowid`` of every match within the date range."""
    if p.scan is None:
        return (
            f"SELECT rowid FROM {p.table} WHERE {p.table} MATCH ? AND rowid BETWEEN ? AND ?",
            [p.match, p.lo, p.hi],
        )
    cond, params = p.scan
    meta = f" AND rid IN (SELECT rowid FROM {p.table} WHERE {p.table} MATCH ?)" if p.match else ""
    sql = f"SELECT rid AS rowid FROM fts_content WHERE cjk = 1 AND rid BETWEEN ? AND ?{meta} AND {cond}"
    return sql, [p.lo, p.hi, *([p.match] if p.match else []), *params]


def _run(store: Store, sql: str, params: list):
    try:
        return store.conn.execute(sql, params)
    except Exception as e:  # sqlite3.OperationalError from FTS5 syntax we did not foresee
        if "fts5" in str(e) or "syntax" in str(e):
            raise QueryError(f"the index cannot run this query: {e}") from None
        raise


def search(
    store: Store,
    q: Query,
    f: Filters = Filters(),
    *,
    sort: str = "relevance",
    limit: int = 10,
    offset: int = 0,
) -> list[Hit]:
    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
    max_limit = int(settings.get("search_limit_max"))
    if not 1 <= limit <= max_limit:
        raise UsageError(f"--limit must be between 1 and {max_limit}")
    if offset < 0:
        raise UsageError("--offset must be 0 or more")
    p = plan(store, q, f)
    sql, params = _matching_rowids_sql(p)
    if p.scan is not None or sort != "relevance":
        order = "rowid ASC" if sort == "date-asc" else "rowid DESC"
        rows = _run(store, f"{sql} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
        ranked = [(r[0], None) for r in rows]
    else:
        ranked = _ranked(store, p, q, limit, offset)
    return _hits(store, p, q, ranked)


def _ranked(store: Store, p: _Plan, q: Query, limit: int, offset: int) -> list[tuple[int, float]]:
    """Best matches by BM25: from the rank index when it is caught up, else from FTS5 itself."""
    rx = rank_index(store) if p.table == "fts" else None
    if rx is not None and rx.current():
        hits = rx.search(q, p.source_ids, p.langs, p.lo, p.hi, limit, offset)
        if hits is not None:
            return hits
    rank_sql = (
        f"SELECT rowid, bm25({p.table}, {TITLE_WEIGHT}, {BODY_WEIGHT}, 0.0) AS score "
        f"FROM {p.table} WHERE {p.table} MATCH ? AND rowid BETWEEN ? AND ? "
        "ORDER BY score LIMIT ? OFFSET ?"
    )
    return [(r[0], -r[1]) for r in _run(store, rank_sql, [p.match, p.lo, p.hi, limit, offset])]


def _hits(store: Store, p: _Plan, q: Query, ranked: list[tuple[int, float | None]]) -> list[Hit]:
    """The hits of ``ranked`` (rowid, score), in that order: their documents in one query, their
    snippets in another (FTS5 snippets, or a substring snippet where the index cannot highlight)."""
    if not ranked:
        return []
    rowids = [rowid for rowid, _ in ranked]
    marks = ",".join("?" * len(rowids))
    rows = {
        r[0]: r[1:]
        for r in store.conn.execute(
            "SELECT d.rowid, d.id, s.name, d.published, d.title, d.url, d.lang, d.ext_id FROM docs d "
            f"JOIN sources s ON s.id = d.source_id WHERE d.rowid IN ({marks})",
            rowids,
        )
    }
    snippets: dict[int, str] = {}
    if p.scan is None:
        tokens = int(settings.get("snippet_tokens"))
        snippets = dict(
            _run(
                store,
                f"SELECT rowid, snippet({p.table}, -1, ?, ?, '…', ?) FROM {p.table} "
                f"WHERE {p.table} MATCH ? AND rowid IN ({marks})",
                [MARK_OPEN, MARK_CLOSE, tokens, p.match, *rowids],
            ).fetchall()
        )
    out = []
    for rowid, score in ranked:
        row = rows.get(rowid)
        if row is None:
            continue
        snippet = snippets.get(rowid)
        if not snippet:
            body = store.conn.execute("SELECT body FROM docs WHERE rowid = ?", (rowid,)).fetchone()[0]
            snippet = scan_snippet(row[3] + " — " + body if body else row[3], q)
        out.append(Hit(rowid, row[0], row[1], row[2], row[3], snippet, row[4], row[5], row[6], score))
    return out


def _hit(store: Store, p: _Plan, q: Query, rowid: int, score: float | None) -> Hit:
    """One hit (see :func:`_hits`)."""
    return _hits(store, p, q, [(rowid, score)])[0]


def scan_snippet(text: str, q: Query, width: int = 120) -> str:
    """A snippet found by substring search (used where the index cannot highlight)."""
    low = text.lower()
    spans = []
    for t in q.terms:
        i = low.find(t.text.lower())
        if i >= 0:
            spans.append((i, i + len(t.text)))
    if not spans:
        return text[:width]
    spans.sort()
    a = max(0, spans[0][0] - width // 3)
    b = min(len(text), a + width)
    out, pos = [], a
    for s, e in spans:
        if s < pos or e > b:
            continue
        out += [text[pos:s], MARK_OPEN, text[s:e], MARK_CLOSE]
        pos = e
    out.append(text[pos:b])
    return ("…" if a else "") + "".join(out) + ("…" if b < len(text) else "")


def count(store: Store, q: Query, f: Filters = Filters()) -> int:
    p = plan(store, q, f)
    sql, params = _matching_rowids_sql(p)
    return _run(store, f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


def day_histogram(store: Store, q: Query, f: Filters = Filters()) -> dict[int, int]:
    """{day ordinal: matching documents}; computed from rowids alone, without reading documents."""
    p = plan(store, q, f)
    sql, params = _matching_rowids_sql(p)
    rows = _run(store, f"SELECT rowid >> {DAY_SHIFT} AS day, count(*) FROM ({sql}) GROUP BY day", params)
    return dict(rows.fetchall())


def earliest(store: Store, q: Query, f: Filters = Filters(), limit: int = 5) -> list[int]:
    p = plan(store, q, f)
    sql, params = _matching_rowids_sql(p)
    return [r[0] for r in _run(store, f"{sql} ORDER BY rowid ASC LIMIT ?", [*params, limit])]


def iter_rowids(store: Store, q: Query, f: Filters = Filters()) -> Iterator[int]:
    p = plan(store, q, f)
    sql, params = _matching_rowids_sql(p)
    for r in _run(store, f"{sql} ORDER BY rowid ASC", params):
        yield r[0]


def match_spans(store: Store, q: Query, rowid: int) -> dict[str, list[tuple[int, int]]]:
    """Character spans of the matched tokens in the title and body of one document, as the index sees them."""
    p = plan(store, q, Filters())
    out: dict[str, list[tuple[int, int]]] = {"title": [], "body": []}
    if p.scan is None:
        row = store.conn.execute(
            f"SELECT highlight({p.table}, 0, ?, ?), highlight({p.table}, 1, ?, ?) FROM {p.table} "
            f"WHERE {p.table} MATCH ? AND rowid = ?",
            (MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, p.match, rowid),
        ).fetchone()
        if row:
            out["title"], out["body"] = _mark_spans(row[0] or ""), _mark_spans(row[1] or "")
        return out
    row = store.conn.execute("SELECT title, body FROM docs WHERE rowid = ?", (rowid,)).fetchone()
    for col, text in zip(("title", "body"), row, strict=True):
        low = text.lower()
        for t in q.terms:
            start = low.find(t.text.lower())
            while start >= 0:
                out[col].append((start, start + len(t.text)))
                start = low.find(t.text.lower(), start + 1)
        out[col].sort()
    return out


def _mark_spans(marked: str) -> list[tuple[int, int]]:
    spans, pos, shift = [], 0, 0
    while True:
        a = marked.find(MARK_OPEN, pos)
        if a < 0:
            return spans
        b = marked.find(MARK_CLOSE, a)
        start = a - shift
        shift += 1
        end = b - shift
        shift += 1
        spans.append((start, end))
        pos = b + 1
