"""First use: the earliest documents using a term, the sentence around it, and honest coverage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tealeaves import settings
from tealeaves.extract.sentences import sentence_at, split_sentences
from tealeaves.store import Store
from tealeaves.store.documents import get_by_rowid
from tealeaves.store.memo import memoized
from tealeaves.store.query import Query
from tealeaves.store.search import MARK_CLOSE, MARK_OPEN, Filters, earliest, match_spans


@dataclass
class Coverage:
    source: str
    start: str
    end: str
    docs: int


@dataclass
class FirstHit:
    id: str
    published: str
    source: str
    title: str
    sentence: str
    marked: str  # the sentence with MARK_OPEN/MARK_CLOSE around the matched words
    start: int  # sentence span over the canonical text
    end: int
    coverage_start: str
    near_coverage_start: bool

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "published": self.published,
            "source": self.source,
            "title": self.title,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "coverage_start": self.coverage_start,
            "near_coverage_start": self.near_coverage_start,
        }


@dataclass
class FirstUse:
    term: str
    hits: list[FirstHit]
    per_source: dict[str, FirstHit]
    coverage: dict[str, Coverage]
    warnings: list[str] = field(default_factory=list)


def coverage(store: Store) -> dict[str, Coverage]:
    """Each source's first and last day and its documents (kept until the documents change)."""
    return dict(memoized(store, "coverage", None, lambda: _coverage(store)))


def _coverage(store: Store) -> dict[str, Coverage]:
    rows = store.conn.execute(
        "SELECT s.name, min(c.day), max(c.day), sum(c.n) FROM day_counts c "
        "JOIN sources s ON s.id = c.source_id "
        "GROUP BY s.name ORDER BY min(c.day)"
    )
    return {
        r[0]: Coverage(
            r[0], dt.date.fromordinal(r[1]).isoformat(), dt.date.fromordinal(r[2]).isoformat(), r[3]
        )
        for r in rows
    }


def first_use(store: Store, term: str, q: Query, f: Filters = Filters(), limit: int = 5) -> FirstUse:  # noqa: B008
    cov = coverage(store)
    warn_days = int(settings.get("coverage_warn_days"))
    hits = [_first_hit(store, q, rowid, cov, warn_days) for rowid in earliest(store, q, f, limit)]
    per_source: dict[str, FirstHit] = {}
    for source in cov:
        if f.sources and source.lower() not in {s.lower() for s in f.sources}:
            continue
        rowids = earliest(store, q, f.with_source(source), 1)
        if rowids:
            per_source[source] = _first_hit(store, q, rowids[0], cov, warn_days)
    warnings = [
        f"{h.source}: the earliest hit ({h.published}) is within {warn_days} days of the start of this "
        f"source's coverage ({h.coverage_start}); the term may be older than the archive"
        for h in per_source.values()
        if h.near_coverage_start
    ]
    return FirstUse(term, hits, per_source, cov, warnings)


def _first_hit(store: Store, q: Query, rowid: int, cov: dict[str, Coverage], warn_days: int) -> FirstHit:
    sd = get_by_rowid(store, rowid)
    doc = sd.doc
    spans = match_spans(store, q, rowid)
    canon = [(a, b) for a, b in spans["title"]] + [
        (a + doc.body_offset, b + doc.body_offset) for a, b in spans["body"]
    ]
    text = doc.text
    sents = split_sentences(text, title_len=len(doc.title))
    anchor = canon[0][0] if canon else 0
    s = sentence_at(sents, anchor)
    start, end = (s.start, s.end) if s else (0, len(doc.title))
    marked, pos = [], start
    for a, b in canon:
        if a >= pos and b <= end:
            marked += [text[pos:a], MARK_OPEN, text[a:b], MARK_CLOSE]
            pos = b
    marked.append(text[pos:end])
    c = cov[doc.source]
    near = (dt.date.fromisoformat(_day(doc.published)) - dt.date.fromisoformat(c.start)).days <= warn_days
    return FirstHit(
        doc.id,
        doc.published,
        doc.source,
        doc.title,
        text[start:end],
        "".join(marked),
        start,
        end,
        c.start,
        near,
    )


def _day(iso: str) -> str:
    parts = iso.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))
