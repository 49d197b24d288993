"""The rank index: a derived tantivy index that answers *ranked* full-text queries fast.

SQLite and its FTS5 indexes stay the truth: they decide what matches, and they serve counts,
timelines, first use, date-sorted results and snippets. Ranking every match by BM25 inside FTS5
costs about a microsecond per matching row, which is too slow for broad queries at a million
documents ("Kim Jong Il" matches ~140k); tantivy ranks with block-max WAND instead.

The index lives in a folder beside the store (``<db>.rank``), holds the word-indexed documents
(``docs.cjk = 0``) with the same analysis as FTS5 (Unicode word runs, lower case, diacritics folded),
and is caught up by ``docs.seq`` at the end of every ingest. Its own highest ``seq`` is its watermark:
commits are atomic and documents are added in seq order, so a crash never leaves a gap; a stale or
missing index is simply not used (searches fall back to FTS5's BM25) until the next catch-up.
See docs/decisions/0003-rank-index.md.

Besides ``title`` and ``body`` (positions: phrases, column queries), a field ``all`` holds the title
``TITLE_BOOST`` times and the body, with term frequencies only: "more like this" for related articles
(analyze/related.py) is ranked there, one row-level BM25 per document as FTS5's ``bm25(fts, 4, 1)``
computes it, and its document frequencies are FTS5's per-row ones. An index written before that field
existed still serves searches; related articles fall back to FTS5 until the next catch-up rebuilds it.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tealeaves import settings
from tealeaves.store.db import Store
from tealeaves.store.query import Node, Query, Term

TITLE_BOOST = 4.0
FIELDS = ("title", "body", "all", "rid", "seq", "src", "lang")  # a folder with other fields is rebuilt
_HEAP = 64 * 1024 * 1024


def tantivy_module() -> Any | None:
    try:
        import tantivy
    except ImportError:  # an optional accelerator: without it, FTS5 ranks
        return None
    return tantivy


def enabled(store: Store) -> bool:
    return settings.get("rank_index") != "off" and store.path != ":memory:" and tantivy_module() is not None


def index_dir(store: Store) -> Path:
    return Path(store.path + ".rank")


@dataclass
class CatchUp:
    indexed: int = 0
    seconds: float = 0.0
    skipped: str | None = None  # why nothing was done


class RankIndex:
    """One process's handle on the rank index of one store (opened lazily, reloaded when stale)."""

    _lock = threading.Lock()

    def __init__(self, store: Store):
        self.store = store
        self.path = index_dir(store)
        self._index = None
        self._searcher = None
        self._analyzer = None
        self._watermark: int | None = None

    # -- schema and opening -----------------------------------------------------------------------
    def _schema(self):
        tv = tantivy_module()
        sb = tv.SchemaBuilder()
        sb.add_text_field("title", stored=False, tokenizer_name="tl")
        sb.add_text_field("body", stored=False, tokenizer_name="tl")
        sb.add_text_field("all", stored=False, tokenizer_name="tl", index_option="freq")
        sb.add_integer_field("rid", stored=False, indexed=True, fast=True)
        sb.add_integer_field("seq", stored=False, indexed=True, fast=True)
        sb.add_integer_field("src", stored=False, indexed=True, fast=False)
        sb.add_text_field("lang", stored=False, tokenizer_name="raw")
        return sb.build()

    def _open(self, create: bool):
        if self._index is not None:
            return self._index
        tv = tantivy_module()
        if not (self.path / "meta.json").exists():
            if not create:
                return None
            self.path.mkdir(parents=True, exist_ok=True)
            index = tv.Index(self._schema(), path=str(self.path))
        else:
            index = tv.Index.open(str(self.path))
        self._analyzer = (
            tv.TextAnalyzerBuilder(tv.Tokenizer.simple())
            .filter(tv.Filter.lowercase())
            .filter(tv.Filter.ascii_fold())
            .build()
        )
        index.register_tokenizer("tl", self._analyzer)
        self._index = index
        return index

    def outdated(self) -> bool:
        """True when the folder holds an index written with other fields than this version's."""
        try:
            meta = json.loads((self.path / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return tuple(f.get("name") for f in meta.get("schema", [])) != FIELDS

    def tokens(self, text: str) -> list[str]:
        return list(self._analyzer.analyze(text)) if self._analyzer else []

    # -- watermark ------------------------------------------------------------------------------
    def watermark(self) -> int:
        """Highest docs.seq in the index (0 when empty)."""
        index = self._open(create=False)
        if index is None:
            return 0
        index.reload()
        searcher = index.searcher()
        self._searcher = searcher
        if searcher.num_docs == 0:
            return 0
        tv = tantivy_module()
        hits = searcher.search(tv.Query.all_query(), 1, count=False, order_by_field="seq").hits
        return int(hits[0][0]) if hits else 0

    def store_watermark(self) -> int:
        row = self.store.conn.execute("SELECT max(seq) FROM docs WHERE cjk = 0").fetchone()
        return row[0] or 0

    def current(self) -> bool:
        """True when the index holds every word-indexed document of the store."""
        target = self.store_watermark()
        if self._watermark != target:
            self._watermark = self.watermark()
        return self._watermark == target and target > 0

    # -- writing --------------------------------------------------------------------------------
    def catch_up(self, batch: int = 20_000) -> CatchUp:
        """Index every document newer than the watermark. Safe to interrupt at any point."""
        t0 = time.perf_counter()
        out = CatchUp()
        with self._lock:
            if self.outdated():  # written by an older tealeaves without every field: build it again
                self.drop()
            index = self._open(create=True)
            start = self.watermark()
            if start >= self.store_watermark():
                out.seconds = time.perf_counter() - t0
                return out
            tv = tantivy_module()
            try:
                writer = index.writer(heap_size=_HEAP, num_threads=1)
            except ValueError as e:  # another process holds the writer lock
                out.skipped = f"rank index busy ({e}); it will catch up on the next ingest"
                return out
            try:
                last = start
                while True:
                    rows = self.store.conn.execute(
                        "SELECT rowid, seq, source_id, coalesce(lang, ''), title, body FROM docs "
                        "WHERE cjk = 0 AND seq > ? ORDER BY seq LIMIT ?",
                        (last, batch),
                    ).fetchall()
                    if not rows:
                        break
                    for rid, seq, src, lang, title, body in rows:
                        writer.add_document(
                            tv.Document(
                                title=title,
                                body=body,
                                all=[title] * int(TITLE_BOOST) + [body],
                                rid=rid,
                                seq=seq,
                                src=src,
                                lang=lang.lower().replace("-", ""),
                            )
                        )
                    last = rows[-1][1]
                    out.indexed += len(rows)
                    writer.commit()
                writer.wait_merging_threads()
            finally:
                del writer
            self._watermark = None
        out.seconds = time.perf_counter() - t0
        return out

    def drop(self) -> None:
        self._index = self._searcher = self._watermark = None
        shutil.rmtree(self.path, ignore_errors=True)

    # -- reading --------------------------------------------------------------------------------
    def search(
        self, q: Query, sources: list[int], langs: list[str], lo: int, hi: int, limit: int, offset: int
    ) -> list[tuple[int, float]] | None:
        """(rowid, score) of the best matches, or None when this query must be ranked by FTS5."""
        index = self._open(create=False)
        if index is None:
            return None
        tv = tantivy_module()
        main = self._compile(q.node, tv)
        if main is None:
            return []
        parts = [(tv.Occur.Must, main)]
        schema = index.schema
        if lo > 0 or hi < (1 << 62):
            parts.append((tv.Occur.Must, tv.Query.range_query(schema, "rid", tv.FieldType.Integer, lo, hi)))
        if sources:
            parts.append((tv.Occur.Must, tv.Query.term_set_query(schema, "src", sources)))
        if langs:
            parts.append((tv.Occur.Must, tv.Query.term_set_query(schema, "lang", langs)))
        query = tv.Query.boolean_query(parts) if len(parts) > 1 else main
        searcher = self._searcher or index.searcher()
        hits = searcher.search(query, limit, count=False, offset=offset).hits
        if not hits:
            return []
        rids = searcher.fast_field_values("rid", [addr for _, addr in hits])  # rid is a fast field
        return [(int(rid), float(score)) for rid, (score, _) in zip(rids, hits, strict=True)]

    def serves_related(self) -> bool:
        """True when "more like this" can be ranked here: caught up, and written with the ``all`` field."""
        return self.current() and not self.outdated()

    def _related_searcher(self):
        """A searcher for "more like this", or None when the index predates the ``all`` field."""
        index = self._open(create=False)
        if index is None or self.outdated():
            return None
        return self._searcher or index.searcher()

    def doc_freqs(self, tokens: list[str]) -> dict[str, int] | None:
        """{token: documents holding it in their title or body} (tokens analysed), as FTS5's vocabulary
        counts rows; None when this index cannot tell (written before the ``all`` field)."""
        searcher = self._related_searcher()
        if searcher is None:
            return None
        return {t: searcher.doc_freq("all", t) for t in tokens}

    def similar(
        self, tokens: list[str], lo: int, hi: int, exclude: int, limit: int
    ) -> list[tuple[int, float]] | None:
        """ "More like this": (rowid, score) of the best documents holding any of ``tokens`` (analysed).

        One disjunction of term queries on the ``all`` field (BM25 over title and body together, the title
        counted ``TITLE_BOOST`` times), which tantivy ranks with block-max WAND instead of scoring every
        document that holds one of the words. ``exclude`` (the document asked about) is left out;
        ``lo``..``hi`` is a rowid range (a date window). None when the index predates the ``all`` field.
        """
        searcher = self._related_searcher()
        if searcher is None:
            return None
        tv = tantivy_module()
        schema = self._index.schema
        terms = [(tv.Occur.Should, tv.Query.term_query(schema, "all", t)) for t in dict.fromkeys(tokens)]
        if not terms:
            return []
        query = tv.Query.boolean_query(terms)
        if lo > 0 or hi < (1 << 62):
            window = tv.Query.range_query(schema, "rid", tv.FieldType.Integer, lo, hi)
            query = tv.Query.boolean_query([(tv.Occur.Must, query), (tv.Occur.Must, window)])
        hits = searcher.search(query, limit + 1, count=False).hits
        if not hits:
            return []
        rids = searcher.fast_field_values("rid", [addr for _, addr in hits])
        out = [(int(rid), float(score)) for rid, (score, _) in zip(rids, hits, strict=True)]
        return [h for h in out if h[0] != exclude][:limit]

    # -- query translation ------------------------------------------------------------------------
    def _compile(self, node: Node, tv):
        schema = self._index.schema
        if isinstance(node, Term):
            toks = self.tokens(node.text)
            if not toks:
                return None
            fields = [node.column] if node.column else ["title", "body"]
            alts = []
            for field in fields:
                if node.prefix:
                    if len(toks) == 1:
                        sub = tv.Query.regex_query(schema, field, _regex_escape(toks[0]) + ".*")
                    else:
                        sub = tv.Query.phrase_prefix_query(schema, field, toks)
                elif len(toks) == 1:
                    sub = tv.Query.term_query(schema, field, toks[0])
                else:
                    sub = tv.Query.phrase_query(schema, field, toks)
                if field == "title":
                    sub = tv.Query.boost_query(sub, TITLE_BOOST)
                alts.append((tv.Occur.Should, sub))
            return tv.Query.boolean_query(alts) if len(alts) > 1 else alts[0][1]
        left = self._compile(node.left, tv)
        right = self._compile(node.right, tv)
        if node.op == "AND":
            if left is None or right is None:
                return None
            return tv.Query.boolean_query([(tv.Occur.Must, left), (tv.Occur.Must, right)])
        if node.op == "OR":
            if left is None:
                return right
            if right is None:
                return left
            return tv.Query.boolean_query([(tv.Occur.Should, left), (tv.Occur.Should, right)])
        if left is None:
            return None
        if right is None:
            return left
        return tv.Query.boolean_query([(tv.Occur.Must, left), (tv.Occur.MustNot, right)])


def _regex_escape(s: str) -> str:
    return "".join("\\" + c if c in '.+*?()|[]{}^$\\#&~<>"@' else c for c in s)


def rank_index(store: Store) -> RankIndex | None:
    """This store handle's rank index, or None when ranking stays in FTS5."""
    if not enabled(store):
        return None
    handle = store.__dict__.get("_rank_index")
    if handle is None:
        handle = store.__dict__["_rank_index"] = RankIndex(store)
    return handle
