"""The term index: candidate campaign terms mined from every document, caught up by ``docs.seq``.

``refresh(store)`` does, for documents ingested since the last refresh only:
1. update the corpus lexicon (how often each word is capitalised mid-sentence in running text);
2. find candidates in each document (``extract.terms.find_candidates``) and store every hit as a span.
Then, over all hits (cheap, SQL aggregates): group variants into terms, score and rank them
(:mod:`analyze.termscore`), fill the per-day counts of ranked terms and detect their bursts.

A change to any pack's pattern files changes the pack digest and rebuilds the hits from scratch.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from tealeaves.extract.termpacks import TermPack, load_pack
from tealeaves.extract.terms import Lexicon, _is_title_case, find_candidates, fold, strip_possessive
from tealeaves.store import Store
from tealeaves.store.db import DAY_SHIFT, now_iso

_MID = re.compile(r"(?<=[\w,;)] )[^\W\d_][\w'’\-]*")
# two or more capitalised words in a row, not at a sentence start
_NAME_RUN = re.compile(r"(?<=[a-z,;)] )(?:[A-Z][\w'’\-]*|\d+)(?:(?: |\. )(?:[A-Z0-9][\w'’\-]*)){1,4}")
MIN_NAME_COUNT = 2
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
CHUNK = 2000


@dataclass
class RefreshSummary:
    docs: int = 0
    hits: int = 0
    terms: int = 0
    ranked: int = 0
    bursts: int = 0
    rebuilt: bool = False
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {k: (round(v, 2) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def state(store: Store, name: str, default: str | None = None) -> str | None:
    row = store.conn.execute("SELECT value FROM term_state WHERE name = ?", (name,)).fetchone()
    return row[0] if row else default


def _set_state(conn, name: str, value: object) -> None:
    conn.execute("INSERT OR REPLACE INTO term_state (name, value) VALUES (?, ?)", (name, str(value)))


def is_stale(store: Store, pack: TermPack | None = None) -> bool:
    """True when documents arrived (or the patterns changed) since the last refresh."""
    pack = pack or load_pack()
    if state(store, "pack_digest") != pack.digest:
        return True
    last = int(state(store, "last_seq", "0"))
    top = store.conn.execute("SELECT max(seq) FROM docs").fetchone()[0] or 0
    return top > last


def refresh(
    store: Store, *, rebuild: bool = False, progress: Callable[[int], None] | None = None
) -> RefreshSummary:
    """Bring the term index up to date with the documents (incremental unless ``rebuild``)."""
    from tealeaves.analyze import termscore  # the scoring and burst steps read what this stores

    t0 = time.perf_counter()
    pack = load_pack()
    summary = RefreshSummary()
    if rebuild or state(store, "pack_digest") != pack.digest:
        _clear(store)
        summary.rebuilt = True
    last = int(state(store, "last_seq", "0"))
    top = store.conn.execute("SELECT coalesce(max(seq), 0) FROM docs").fetchone()[0]
    if top > last:
        _update_lexicon(store, last, progress)
        summary.docs, summary.hits = _scan(store, pack, last, progress)
    with store.transaction() as conn:
        _set_state(conn, "last_seq", top)
        _set_state(conn, "pack_digest", pack.digest)
    summary.terms, summary.ranked, summary.bursts = termscore.rescore(store)
    with store.transaction() as conn:
        _set_state(conn, "refreshed_at", now_iso())
    summary.seconds = time.perf_counter() - t0
    return summary


def _clear(store: Store) -> None:
    with store.transaction() as conn:
        for table in (
            "term_streams",
            "term_names",
            "term_hits",
            "term_variants",
            "term_lexicon",
            "term_days",
            "term_bursts",
            "terms",
        ):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM term_state")


def _new_docs(store: Store, after_seq: int):
    cur = store.conn.execute(
        "SELECT rowid, title, body, lang FROM docs WHERE seq > ? ORDER BY seq", (after_seq,)
    )
    while rows := cur.fetchmany(CHUNK):
        yield rows


def _update_lexicon(store: Store, after_seq: int, progress) -> None:
    cap: Counter[str] = Counter()
    low: Counter[str] = Counter()
    total: Counter[str] = Counter()
    names: Counter[str] = Counter()
    streams: Counter[tuple[int, int]] = Counter()
    for rows in _new_docs(store, after_seq):
        for rowid, title, body, _lang in rows:
            streams[(rowid >> DAY_SHIFT, int(bool(body)))] += 1
            for text in (title, body):
                for w in _WORD.findall(text):
                    total[strip_possessive(w.casefold())] += 1
            running = [body] if _is_title_case(title) else [title, body]
            for text in running:
                for m in _MID.finditer(text):
                    w = m.group()
                    (cap if w[0].isupper() else low)[strip_possessive(w.casefold())] += 1
                for m in _NAME_RUN.finditer(text):
                    names[fold(m.group())] += 1
    words = set(cap) | set(low) | set(total)
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO term_streams (day, stream, n) VALUES (?, ?, ?) "
            "ON CONFLICT (day, stream) DO UPDATE SET n = n + excluded.n",
            ((d, st, n) for (d, st), n in streams.items()),
        )
        conn.executemany(
            "INSERT INTO term_names (phrase, n) VALUES (?, ?) "
            "ON CONFLICT (phrase) DO UPDATE SET n = n + excluded.n",
            names.items(),
        )
        conn.executemany(
            "INSERT INTO term_lexicon (word, cap, low, total) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (word) DO UPDATE SET cap = cap + excluded.cap, low = low + excluded.low, "
            "total = total + excluded.total",
            ((w, cap[w], low[w], total[w]) for w in words),
        )


def load_lexicon(store: Store) -> Lexicon:
    counts = {w: (c, lo) for w, c, lo in store.conn.execute("SELECT word, cap, low FROM term_lexicon")}
    names = {
        p for (p,) in store.conn.execute("SELECT phrase FROM term_names WHERE n >= ?", (MIN_NAME_COUNT,))
    }
    return Lexicon(counts, names)


def _scan(store: Store, pack: TermPack, after_seq: int, progress) -> tuple[int, int]:
    lexicon = load_lexicon(store)
    variants = {
        (k, t, lang): i
        for i, k, t, lang in store.conn.execute("SELECT id, kind, text, lang FROM term_variants")
    }
    docs = hits = 0
    for rows in _new_docs(store, after_seq):
        found = []
        for rowid, title, body, lang in rows:
            text = title + "\n\n" + body
            for c in find_candidates(text, len(title), lang, pack, lexicon):
                found.append((rowid, c))
        with store.transaction() as conn:
            out = []
            for rowid, c in found:
                vk = (c.kind, c.text, c.lang)
                vid = variants.get(vk)
                if vid is None:
                    vid = conn.execute(
                        "INSERT INTO term_variants (kind, key, text, lang) VALUES (?, ?, ?, ?)",
                        (c.kind, c.key, c.text, c.lang),
                    ).lastrowid
                    variants[vk] = vid
                out.append((rowid, c.start, c.end, vid, c.flags))
            conn.executemany(
                'INSERT OR IGNORE INTO term_hits (doc, start, "end", variant, flags) VALUES (?, ?, ?, ?, ?)',
                out,
            )
        docs += len(rows)
        hits += len(found)
        if progress:
            progress(len(rows))
    return docs, hits
