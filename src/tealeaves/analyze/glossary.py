"""Glossary: for a term, the best sentences in the corpus that say what it means.

Two sources, ranked together:
- the extraction's ``definitions`` facts whose defined term is one of the term's written forms
  ("X refers to ...", "X, which means ...", "known as X", appositives, glosses in parentheses);
- the term's own uses whose sentence carries a definitional cue right after (or before) the term:
  "X is a/the ...", "X, which/that ...", "X means/refers to/symbolizes ...", "X, a ...", "X (...)",
  "known as/called X", "X in which ...".

A cue after the term counts fully only when the term is the sentence's subject (at most three words
before it); elsewhere it is worth 0.4 of its weight.

Score = cue weight x length fit (sentences of 40-320 characters read best) + 0.05 for running
text (not a headline); identical sentences (reprints) count once, the earliest kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tealeaves.analyze.termviews import resolve_term, sentence_span
from tealeaves.extract.terms import fold
from tealeaves.store import Store

MAX_DOCS = 400  # uses read per term (earliest first)

_AFTER = [
    (
        re.compile(
            r"^[\"”']?\s*(?:means|meant|refers to|implies|symboli[sz]es|represents|stands for)\b", re.I
        ),
        1.0,
        "means",
    ),
    (
        re.compile(
            r"^[\"”']?\s*,?\s*(?:which|that)\s+(?:means|meant|refers|is|was|calls|symboli[sz]es)\b", re.I
        ),
        0.9,
        "which_means",
    ),
    (re.compile(r"^[\"”']?\s+(?:is|was)\s+(?:a|an|the)\s+\w+", re.I), 0.8, "is_a"),
    (re.compile(r"^[\"”']?\s*,\s*(?:a|an|the)\s+\w+[^,]{10,}", re.I), 0.6, "appositive"),
    (re.compile(r"^[\"”']?\s+in which\b", re.I), 0.6, "in_which"),
    (re.compile(r"^[\"”']?\s*\([^)]{6,}\)", re.I), 0.5, "paren"),
]
_SUBJECT_CUES = {"means", "which_means", "is_a", "appositive", "in_which", "paren"}
_BEFORE = [
    (re.compile(r"(?:known as|called|dubbed|termed|named)\s+(?:the\s+)?[\"“']?$", re.I), 0.7, "known_as"),
]
_DEF_PATTERNS = {"refers_to": 1.0, "means": 1.0, "which_means": 0.9, "meaning": 0.9, "known_as": 0.8,
                 "called": 0.8, "is_a_term": 0.8, "appositive": 0.6, "paren_gloss": 0.5, "paren_term": 0.5,
                 "foreign_word": 0.3, "abbreviation": 0.3}  # fmt: skip


@dataclass
class Gloss:
    term: str
    sentence: str
    id: str
    published: str
    source: str
    start: int  # sentence span over the canonical text
    end: int
    term_start: int
    term_end: int
    cue: str
    via: str  # "definition" (an extraction fact) or "use" (a use of the term with a definitional cue)
    score: float

    def as_dict(self) -> dict:
        return {**self.__dict__, "score": round(self.score, 3)}


def _fit(n: int) -> float:
    if n < 40:
        return 0.5
    if n <= 320:
        return 1.0
    return max(0.3, 320 / n)


def glossary(store: Store, term: str, *, limit: int = 5) -> list[Gloss]:
    """The best definitional sentences for ``term``, best first."""
    r = resolve_term(store, term)
    key, phrase = r[1], r[2]
    forms = {
        fold(t)
        for (t,) in store.conn.execute("SELECT DISTINCT text FROM term_variants WHERE key = ?", (key,))
    }
    found: dict[str, Gloss] = {}
    for g in [*_from_definitions(store, phrase, forms), *_from_uses(store, key, phrase)]:
        k = " ".join(fold(g.sentence).split())
        old = found.get(k)
        if old is None or g.score > old.score or (g.score == old.score and g.published < old.published):
            found[k] = g
    return sorted(found.values(), key=lambda g: (-g.score, g.published))[:limit]


def _from_definitions(store: Store, phrase: str, forms: set[str]) -> list[Gloss]:
    has = store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'definitions'").fetchone()
    if not has or not forms:
        return []
    terms = [t for (t,) in store.conn.execute("SELECT DISTINCT term FROM definitions") if fold(t) in forms]
    if not terms:
        return []
    out = []
    rows = store.conn.execute(
        'SELECT f.doc, f.start, f."end", f.term_start, f.term_end, f.pattern, d.id, d.published, s.name, '
        "d.title, d.body FROM definitions f JOIN docs d ON d.rowid = f.doc "
        "JOIN sources s ON s.id = d.source_id "
        f"WHERE f.term IN ({','.join('?' * len(terms))}) ORDER BY f.doc LIMIT {MAX_DOCS}",
        terms,
    )
    for _doc, a, b, ta, tb, pattern, did, published, source, title, body in rows:
        text = title + "\n\n" + body
        sentence = text[a:b]
        score = _DEF_PATTERNS.get(pattern, 0.5) * _fit(len(sentence)) + (0.05 if a > len(title) else 0)
        out.append(
            Gloss(phrase, sentence, did, published, source, a, b, ta, tb, pattern, "definition", score)
        )
    return out


def _from_uses(store: Store, key: str, phrase: str) -> list[Gloss]:
    hits = store.conn.execute(
        'SELECT h.doc, h.start, h."end" FROM term_hits h JOIN term_variants v ON v.id = h.variant '
        "WHERE v.key = ? ORDER BY h.doc LIMIT ?",
        (key, MAX_DOCS * 3),
    ).fetchall()
    by_doc: dict[int, list[tuple[int, int]]] = {}
    for doc, a, b in hits:
        by_doc.setdefault(doc, []).append((a, b))
    out = []
    docs = list(by_doc)[:MAX_DOCS]
    for i in range(0, len(docs), 200):
        part = docs[i : i + 200]
        for doc, did, published, source, title, body in store.conn.execute(
            "SELECT d.rowid, d.id, d.published, s.name, d.title, d.body FROM docs d "
            f"JOIN sources s ON s.id = d.source_id WHERE d.rowid IN ({','.join('?' * len(part))})",
            part,
        ):
            text = title + "\n\n" + body
            for a, b in by_doc[doc]:
                cue, weight = _cue(text, a, b)
                if not cue:
                    continue
                s0, s1 = sentence_span(title, body, a)
                sentence = text[s0:s1]
                if cue in _SUBJECT_CUES and len(text[s0:a].split()) > 3:
                    weight *= 0.4  # the term is not what the sentence is about
                score = weight * _fit(len(sentence)) + (0.05 if a > len(title) else 0)
                out.append(Gloss(phrase, sentence, did, published, source, s0, s1, a, b, cue, "use", score))
    return out


def _cue(text: str, a: int, b: int) -> tuple[str | None, float]:
    after = text[b : b + 160]
    for rx, weight, name in _AFTER:
        if rx.search(after):
            return name, weight
    before = text[max(0, a - 40) : a]
    for rx, weight, name in _BEFORE:
        if rx.search(before):
            return name, weight
    return None, 0.0


def glossary_top(store: Store, *, terms: int = 20, per_term: int = 1) -> list[Gloss]:
    """The best definitional sentence(s) of each of the best-ranked terms that has one."""
    out = []
    for (key,) in store.conn.execute(
        "SELECT key FROM terms WHERE rank IS NOT NULL ORDER BY rank LIMIT ?", (terms,)
    ).fetchall():
        out += glossary(store, key, limit=per_term)
    return out


__all__ = ["Gloss", "glossary", "glossary_top"]
