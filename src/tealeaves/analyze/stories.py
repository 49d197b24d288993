"""Near-duplicates and story clusters: documents are grouped (table doc_groups), never deleted.

Near-duplicates (reprints, re-dated, re-titled, lightly edited or abridged copies, across sources):
- candidates: MinHash LSH (datasketch) over 5-word shingles of the body, documents sharing the opening
  words of the body, and documents with the same headline on the same or the next day;
- verified on the real shingle sets: a copy shares at least ``containment`` of the shorter text's
  shingles, within ``dup_days`` days; a headline-only record is a copy of a document with the same
  headline within a day (the headline archive's record of a story, a photo page's copy).
Story clusters (the same event reported several times, within a time window): documents in date order
join the most similar open story (TF-IDF cosine against its centroid, title against its title centroid)
when the similarity reaches ``story_threshold`` and the story's last document is at most ``story_days``
days older; otherwise they open a new story. Copies always share their group's story.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from tealeaves.analyze.textsim import (
    add_into,
    cosine,
    doc_freqs,
    norm_title,
    shingles,
    term_counts,
    tfidf,
    words,
)
from tealeaves.analyze.timeline import PERIODS, TimelinePoint, all_periods, period_key, timeline
from tealeaves.errors import UsageError
from tealeaves.store import Store
from tealeaves.store.db import DAY_SHIFT, day_rowid_range, now_iso
from tealeaves.store.search import Filters, iter_rowids


@dataclass(frozen=True)
class GroupParams:
    containment: float = 0.8  # shared share of the shorter text's 5-word shingles for a copy
    lsh_threshold: float = 0.3  # MinHash LSH candidate threshold (Jaccard)
    num_perm: int = 64
    dup_days: int = 45  # copies are re-dated by up to a month in the corpora
    min_body_words: int = 12  # shorter bodies are compared as headlines
    story_threshold: float = 0.3
    story_days: int = 7


@dataclass
class _Doc:
    rowid: int
    day: int
    title: str
    body: str
    lang: str | None
    headline_only: bool
    tokens: list[str] = field(default_factory=list)


@dataclass
class GroupSummary:
    docs: int = 0
    dup_groups: int = 0
    docs_in_dup_groups: int = 0
    stories: int = 0
    docs_in_stories: int = 0
    seconds: float = 0.0
    params: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        p = self.parent.setdefault(x, x)
        if p != x:
            p = self.parent[x] = self.find(p)
        return p

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = min(ra, rb), max(ra, rb)
            self.parent[hi] = lo  # the earliest document names the group


def _load(store: Store, lo: int, hi: int, p: GroupParams) -> list[_Doc]:
    out = []
    for rowid, title, body, lang in store.conn.execute(
        "SELECT rowid, title, body, lang FROM docs WHERE rowid BETWEEN ? AND ? ORDER BY rowid", (lo, hi)
    ):
        d = _Doc(rowid, rowid >> DAY_SHIFT, title, body, lang, False)
        d.tokens = words(body)
        d.headline_only = len(d.tokens) < p.min_body_words
        out.append(d)
    return out


def find_duplicates(docs: list[_Doc], p: GroupParams) -> tuple[_UnionFind, dict[int, tuple[float, str]]]:
    """Union-find of verified copies, and for each joined document (score, reason)."""
    from datasketch import MinHash, MinHashLSH

    uf = _UnionFind()
    why: dict[int, tuple[float, str]] = {}
    full = [d for d in docs if not d.headline_only]
    sh = {d.rowid: shingles(d.tokens) for d in full}
    lsh = MinHashLSH(threshold=p.lsh_threshold, num_perm=p.num_perm)
    hashes: dict[int, MinHash] = {}
    for d in full:
        m = MinHash(num_perm=p.num_perm, seed=7)
        m.update_batch([s.encode("utf-8") for s in sh[d.rowid]])
        hashes[d.rowid] = m
        lsh.insert(d.rowid, m)
    by_prefix: dict[str, list[int]] = defaultdict(list)
    for d in full:
        by_prefix[" ".join(d.tokens[:12])].append(d.rowid)
    day = {d.rowid: d.day for d in docs}

    def join(a: int, b: int, score: float, reason: str) -> None:
        if uf.find(a) != uf.find(b):
            uf.union(a, b)
            later = max(a, b)
            why[later] = max(why.get(later, (0.0, "")), (round(score, 3), reason))

    for d in full:
        cands = set(lsh.query(hashes[d.rowid])) | set(by_prefix[" ".join(d.tokens[:12])])
        for c in cands:
            if c <= d.rowid or abs(day[c] - d.day) > p.dup_days:
                continue
            a, b = sh[d.rowid], sh[c]
            inter = len(a & b)
            share = inter / max(1, min(len(a), len(b)))
            if share >= p.containment:
                join(d.rowid, c, share, "shingles")
    by_title: dict[str, list[_Doc]] = defaultdict(list)
    for d in docs:
        key = norm_title(d.title)
        if key:
            by_title[key].append(d)
    for same in by_title.values():
        heads = [d for d in same if d.headline_only]
        for h in heads:
            for o in same:
                if o.rowid != h.rowid and abs(o.day - h.day) <= 1:
                    join(h.rowid, o.rowid, 1.0, "headline")
    return uf, why


def cluster_stories(
    docs: list[_Doc], uf: _UnionFind, p: GroupParams
) -> tuple[dict[int, int], dict[int, float]]:
    """{rowid: story id} and the similarity with which each document joined its story."""
    counts = {d.rowid: term_counts(d.title, d.body) for d in docs}
    titles = {d.rowid: term_counts(d.title, "") for d in docs}
    df = doc_freqs(counts.values())
    n = len(docs)
    story_of: dict[int, int] = {}
    score: dict[int, float] = {}
    open_: dict[int, dict] = {}  # story id -> {"sum", "vec", "tsum", "tvec", "last"}
    index: dict[str, set[int]] = defaultdict(set)  # term -> open stories whose centroid has it
    for d in docs:  # date order
        group = uf.find(d.rowid)
        vec = tfidf(counts[d.rowid], df, n)
        tvec = tfidf(titles[d.rowid], df, n)
        best, best_sim = None, 0.0
        if group != d.rowid and group in story_of:
            best, best_sim = story_of[group], 1.0
        else:
            strongest = sorted(vec, key=vec.__getitem__, reverse=True)[:12]
            for sid in {s for t in strongest for s in index.get(t, ())}:
                st = open_[sid]
                if d.day - st["last"] > p.story_days:
                    continue
                sim = max(cosine(vec, st["vec"]), cosine(tvec, st["tvec"]) if tvec else 0.0)
                if sim > best_sim:
                    best, best_sim = sid, sim
            if best_sim < p.story_threshold:
                best = None
        if best is None:
            best = d.rowid
            open_[best] = {"sum": {}, "vec": {}, "tsum": {}, "tvec": {}, "last": d.day}
        else:
            score[d.rowid] = round(best_sim, 3)
        st = open_[best]
        st["vec"] = add_into(st["sum"], vec)
        st["tvec"] = add_into(st["tsum"], tvec)
        st["last"] = max(st["last"], d.day)
        for t in st["vec"]:
            index[t].add(best)
        story_of[d.rowid] = best
        if len(open_) > 5000:  # forget stories that can no longer be joined
            for sid in [s for s, v in open_.items() if d.day - v["last"] > p.story_days]:
                for t in open_.pop(sid)["vec"]:
                    index[t].discard(sid)
    return story_of, score


def group_documents(
    store: Store,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    params: GroupParams | None = None,
) -> GroupSummary:
    """Find near-duplicate groups and story clusters among the documents in the range; store them."""
    p = params or GroupParams()
    if date_from and date_to and date_from > date_to:
        raise UsageError(f"--from {date_from} is after --to {date_to}")
    t0 = time.perf_counter()
    lo, hi = day_rowid_range(date_from, date_to)
    docs = _load(store, lo, hi, p)
    uf, why = find_duplicates(docs, p)
    story_of, sscore = cluster_stories(docs, uf, p)
    rows = [
        (d.rowid, uf.find(d.rowid), story_of[d.rowid], *why.get(d.rowid, (None, None)), sscore.get(d.rowid))
        for d in docs
    ]
    s = GroupSummary(docs=len(docs), params=asdict(p))
    dups = Counter(r[1] for r in rows)
    stories = Counter(r[2] for r in rows)
    s.dup_groups = sum(1 for n in dups.values() if n > 1)
    s.docs_in_dup_groups = sum(n for n in dups.values() if n > 1)
    s.stories = sum(1 for n in stories.values() if n > 1)
    s.docs_in_stories = sum(n for n in stories.values() if n > 1)
    s.seconds = round(time.perf_counter() - t0, 3)
    with store.transaction() as conn:
        conn.execute("DELETE FROM doc_groups WHERE doc BETWEEN ? AND ?", (lo, hi))
        conn.executemany(
            "INSERT OR REPLACE INTO doc_groups (doc, dup, story, dup_score, dup_reason, story_score) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.execute(
            "INSERT INTO group_runs (at, date_from, date_to, params, docs, dup_groups, stories, seconds) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now_iso(),
                date_from.isoformat() if date_from else None,
                date_to.isoformat() if date_to else None,
                json.dumps(asdict(p)),
                s.docs,
                s.dup_groups,
                s.stories,
                s.seconds,
            ),
        )
    return s


def ensure_grouped(store: Store, date_from: dt.date | None, date_to: dt.date | None) -> GroupSummary | None:
    """Group the range (with a margin of a story window each side) if any document in it is ungrouped."""
    if date_from and date_to and date_from > date_to:
        raise UsageError(f"--from {date_from} is after --to {date_to}")
    lo, hi = day_rowid_range(date_from, date_to)
    missing = store.conn.execute(
        "SELECT 1 FROM docs d WHERE d.rowid BETWEEN ? AND ? AND NOT EXISTS "
        "(SELECT 1 FROM doc_groups g WHERE g.doc = d.rowid) LIMIT 1",
        (lo, hi),
    ).fetchone()
    if not missing:
        return None
    margin = dt.timedelta(days=GroupParams.dup_days)
    return group_documents(
        store, date_from - margin if date_from else None, date_to + margin if date_to else None
    )


@dataclass
class Story:
    id: str  # content id of the story's first document
    first: str
    last: str
    docs: int
    reprints: int  # documents that are copies of another document of the story
    sources: list[str]
    title: str
    members: list[dict]

    def as_dict(self) -> dict:
        return asdict(self)


def list_stories(
    store: Store,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    *,
    min_docs: int = 2,
    limit: int = 100,
) -> list[Story]:
    """Stories that begin in the range, largest first (grouping the range first if needed)."""
    ensure_grouped(store, date_from, date_to)
    lo, hi = day_rowid_range(date_from, date_to)
    rows = store.conn.execute(
        "SELECT g.story, g.dup, g.story_score, d.rowid, d.id, s.name, d.published, d.title, d.lang "
        "FROM doc_groups g JOIN docs d ON d.rowid = g.doc JOIN sources s ON s.id = d.source_id "
        "WHERE g.story IN (SELECT story FROM doc_groups WHERE story BETWEEN ? AND ? GROUP BY story "
        "HAVING count(*) >= ?) ORDER BY g.story, d.rowid",
        (lo, hi, min_docs),
    ).fetchall()
    by_story: dict[int, list] = defaultdict(list)
    for r in rows:
        by_story[r[0]].append(r)
    out = []
    for members in by_story.values():
        head = members[0]
        titles = Counter(m[7] for m in members if m[7])
        out.append(
            Story(
                id=head[4],
                first=head[6],
                last=members[-1][6],
                docs=len(members),
                reprints=len(members) - len({m[1] for m in members}),
                sources=sorted({m[5] for m in members}),
                title=titles.most_common(1)[0][0] if titles else "",
                members=[
                    {
                        "id": m[4],
                        "published": m[6],
                        "source": m[5],
                        "lang": m[8],
                        "title": m[7],
                        "copy_of": None if m[1] == m[3] else _doc_id(store, m[1]),
                        "similarity": m[2],
                    }
                    for m in members
                ],
            )
        )
    out.sort(key=lambda s: (-s.docs, s.first))
    return out[:limit]


def _doc_id(store: Store, rowid: int) -> str:
    return store.conn.execute("SELECT id FROM docs WHERE rowid = ?", (rowid,)).fetchone()[0]


def groups_of(store: Store, rowids: list[int], per: str) -> dict[int, int]:
    """{rowid: group} for ``per`` 'duplicate' (copies) or 'story'; ungrouped documents stand alone."""
    if per not in ("duplicate", "story"):
        raise UsageError(f"unknown unit {per!r}; choose document, duplicate or story")
    col = "dup" if per == "duplicate" else "story"
    out = {r: r for r in rowids}
    for i in range(0, len(rowids), 900):
        part = rowids[i : i + 900]
        q = f"SELECT doc, {col} FROM doc_groups WHERE doc IN ({','.join('?' * len(part))})"
        out.update(dict(store.conn.execute(q, part).fetchall()))
    return out


UNITS = ("document", "duplicate", "story")


def _filtered_rowids(store: Store, f: Filters) -> list[int]:
    lo, hi = day_rowid_range(f.date_from, f.date_to)
    where, params = ["rowid BETWEEN ? AND ?"], [lo, hi]
    if f.sources:
        ids = [store.source_id(s) for s in f.sources]
        if None in ids:
            raise UsageError(f"unknown source; sources: {', '.join(sorted(store.source_ids()))}")
        where.append(f"source_id IN ({','.join('?' * len(ids))})")
        params += ids
    if f.langs:
        where.append(f"lower(lang) IN ({','.join('?' * len(f.langs))})")
        params += [lang.lower() for lang in f.langs]
    sql = f"SELECT rowid FROM docs WHERE {' AND '.join(where)} ORDER BY rowid"
    return [r[0] for r in store.conn.execute(sql, params)]


def _first_per_group(rowids: list[int], groups: dict[int, int]) -> list[int]:
    first: dict[int, int] = {}
    for r in rowids:  # ascending: the first seen is the earliest
        first.setdefault(groups[r], r)
    return list(first.values())


def timeline_per(
    store: Store,
    terms: list[tuple[str, object]],
    *,
    by: str = "month",
    filters: Filters = Filters(),  # noqa: B008 - frozen
    per: str = "story",
) -> list[TimelinePoint]:
    """As analyze.timeline.timeline, counting reprint groups or stories instead of documents.

    A group counts once, in the period of its earliest document that matches (for the totals: its
    earliest document under the filters). Matching documents come from the same full-text search.
    """
    if per == "document":
        return timeline(store, terms, by=by, filters=filters)
    if by not in PERIODS:
        raise UsageError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")
    ensure_grouped(store, filters.date_from, filters.date_to)
    all_ids = _filtered_rowids(store, filters)
    if not all_ids:
        return []
    groups = groups_of(store, all_ids, per)
    key = lambda r: period_key(dt.date.fromordinal(r >> DAY_SHIFT), by)  # noqa: E731
    totals = Counter(key(r) for r in _first_per_group(all_ids, groups))
    periods = all_periods(
        dt.date.fromordinal(all_ids[0] >> DAY_SHIFT), dt.date.fromordinal(all_ids[-1] >> DAY_SHIFT), by
    )
    out = []
    for label, q in terms:
        hits = sorted(iter_rowids(store, q, filters))  # type: ignore[arg-type]
        counts = Counter(key(r) for r in _first_per_group(hits, groups))
        out += [TimelinePoint(label, p, counts.get(p, 0), totals.get(p, 0)) for p in periods]
    return out
