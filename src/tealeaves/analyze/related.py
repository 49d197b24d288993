"""Related articles: for a document, the documents most similar to it.

``embedding``: the nearest neighbours of the document's MiniLM-derived embedding in an HNSW index
(analyze/embed.py), built next to the store on first use and rebuilt when documents arrive.

``lexical`` (default): "more like this" through the full-text index. The document's most distinctive
words (TF-IDF) become one OR query ranked by BM25 (title weighted as in search). When the rank index
(store/rankindex.py) is caught up, it gives the document frequencies and ranks the query with block-max
WAND; otherwise FTS5 does both (document frequencies from its vocabulary, BM25 over every matching row:
correct, slower at a million documents). A date window becomes a rowid range. Each result says whether it
is a copy of the document (same near-duplicate group) or part of the same story (docs/stories.md).
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass

from tealeaves.analyze.textsim import content_words
from tealeaves.errors import UsageError
from tealeaves.store import Store
from tealeaves.store.db import DAY_SHIFT, day_rowid_range
from tealeaves.store.documents import get_document
from tealeaves.store.rankindex import RankIndex, rank_index
from tealeaves.store.search import BODY_WEIGHT, TITLE_WEIGHT

METHODS = ("lexical", "embedding")
QUERY_TERMS = 14  # distinctive words in the "more like this" query
MAX_DF_SHARE = 0.05  # words in more than 5% of documents do not select candidates


@dataclass
class RelatedDoc:
    id: str
    published: str
    source: str
    title: str
    score: float
    relation: str  # copy | same story | related

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Related:
    id: str
    title: str
    published: str
    method: str
    query_terms: list[str]
    results: list[RelatedDoc]

    def as_dict(self) -> dict:
        d = asdict(self)
        d["results"] = [r.as_dict() for r in self.results]
        return d


def _vocab(store: Store, table: str) -> str:
    name = f"{table}_vocab"
    store.conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{name} USING fts5vocab(main, '{table}', 'row')"
    )
    return f"temp.{name}"


def _fold(word: str) -> str:
    """A word as FTS5's ``unicode61 remove_diacritics 2`` stores it ('día' -> 'dia')."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", bare)


def _doc_freqs(store: Store, table: str, terms: list[str]) -> dict[str, int]:
    vocab = _vocab(store, table)
    out: dict[str, int] = {}
    for t in terms:
        row = store.conn.execute(f"SELECT doc FROM {vocab} WHERE term = ?", (_fold(t),)).fetchone()
        out[t] = row[0] if row else 0
    return out


def query_terms(
    store: Store,
    table: str,
    title: str,
    body: str,
    n: int = QUERY_TERMS,
    doc_freqs: Callable[[list[str]], dict[str, int]] | None = None,
) -> list[str]:
    """The document's most distinctive words (sublinear tf x idf), frequent words left out.

    ``doc_freqs`` gives the document frequencies of words (default: FTS5's vocabulary).
    """
    counts = Counter(content_words(body))
    for w in content_words(title):
        counts[w] += 3
    if table == "fts_cjk":  # trigram index: only words of 3+ characters can be looked up
        counts = Counter({w: c for w, c in counts.items() if len(w) >= 3})
    top = [w for w, _ in counts.most_common(200)]
    n_docs = store.conn.execute("SELECT sum(n) FROM day_counts").fetchone()[0] or 1  # no table scan
    if table == "fts":
        df = doc_freqs(top) if doc_freqs else _doc_freqs(store, table, top)
    else:
        df = {}
    scored = []
    for w in top:
        d = df.get(w, 1)
        if table == "fts" and (d < 2 or d > MAX_DF_SHARE * n_docs):
            continue  # only in this document, or everywhere
        scored.append(((1 + math.log(counts[w])) * math.log(n_docs / d), w))
    scored.sort(reverse=True)
    return [w for _, w in scored[:n]]


def _rank_index_terms(rx: RankIndex, title: str, body: str, store: Store) -> tuple[list[str], list[str]]:
    """The query words, chosen as ``query_terms`` chooses them with the rank index's document
    frequencies (the same counts as FTS5's vocabulary, without walking posting lists), and their tokens."""
    tok: dict[str, str] = {}

    def dfs(words: list[str]) -> dict[str, int]:
        for w in words:
            toks = rx.tokens(w)
            if len(toks) == 1:  # always, for a word of content_words: one run of letters and digits
                tok[w] = toks[0]
        df = rx.doc_freqs(sorted(set(tok.values()))) or {}
        return {w: df.get(tok[w], 0) if w in tok else 0 for w in words}

    terms = query_terms(store, "fts", title, body, doc_freqs=dfs)
    return terms, [tok[w] for w in terms]


def related(
    store: Store, ident: str, *, limit: int = 10, method: str = "lexical", days: int | None = None
) -> Related:
    """Documents related to ``ident`` (an id, input id or id prefix); ``days`` limits to +- that window."""
    if method not in METHODS:
        raise UsageError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if not 1 <= limit <= 100:
        raise UsageError("--limit must be between 1 and 100")
    sd = get_document(store, ident)
    rowid = sd.rowid
    cjk = store.conn.execute("SELECT cjk FROM docs WHERE rowid = ?", (rowid,)).fetchone()[0]
    table = "fts_cjk" if cjk else "fts"
    day = dt.date.fromordinal(rowid >> DAY_SHIFT)
    span = dt.timedelta(days=days) if days is not None else None
    lo, hi = day_rowid_range(day - span, day + span) if span is not None else (0, 1 << 62)
    if method == "embedding":
        from tealeaves.analyze.embed import nearest

        result = Related(sd.doc.id, sd.doc.title, sd.doc.published, method, [], [])
        k = limit if span is None else limit * 20  # widen, then keep the window
        found = nearest(store, rowid, sd.doc.title, sd.doc.body, k)
        rows = [(r, -s) for r, s in found if lo <= r <= hi][:limit]
    else:
        rx = rank_index(store) if table == "fts" else None
        if rx is not None and rx.serves_related():
            terms, tokens = _rank_index_terms(rx, sd.doc.title, sd.doc.body, store)
            hits = rx.similar(tokens, lo, hi, rowid, limit)
            rows = [(r, -s) for r, s in hits] if hits is not None else None
        else:
            terms, rows = query_terms(store, table, sd.doc.title, sd.doc.body), None
        result = Related(sd.doc.id, sd.doc.title, sd.doc.published, method, terms, [])
        if not terms:
            return result
        if rows is None:
            rows = _fts5_rows(store, table, terms, lo, hi, rowid, limit)
    groups = _groups(store, [rowid] + [r[0] for r in rows])
    mine = groups.get(rowid)
    for rid, score in rows:
        info = store.conn.execute(
            "SELECT d.id, d.published, s.name, d.title FROM docs d JOIN sources s ON s.id = d.source_id "
            "WHERE d.rowid = ?",
            (rid,),
        ).fetchone()
        g = groups.get(rid)
        relation = "related"
        if mine and g and g[0] == mine[0]:
            relation = "copy"
        elif mine and g and g[1] == mine[1]:
            relation = "same story"
        result.results.append(RelatedDoc(info[0], info[1], info[2], info[3], round(-score, 3), relation))
    return result


def _fts5_rows(
    store: Store, table: str, terms: list[str], lo: int, hi: int, rowid: int, limit: int
) -> list[tuple[int, float]]:
    """The OR query of ``terms`` ranked by FTS5's BM25 (every matching row is scored)."""
    match = "{title body} : (" + " OR ".join('"' + t.replace('"', '""') + '"' for t in terms) + ")"
    return store.conn.execute(
        f"SELECT rowid, bm25({table}, {TITLE_WEIGHT}, {BODY_WEIGHT}, 0.0) AS s FROM {table} "
        f"WHERE {table} MATCH ? AND rowid BETWEEN ? AND ? AND rowid != ? ORDER BY s LIMIT ?",
        (match, lo, hi, rowid, limit),
    ).fetchall()


def _groups(store: Store, rowids: list[int]) -> dict[int, tuple[int, int]]:
    q = f"SELECT doc, dup, story FROM doc_groups WHERE doc IN ({','.join('?' * len(rowids))})"
    return {r[0]: (r[1], r[2]) for r in store.conn.execute(q, rowids)}
