"""Precedents: for a term, the earlier terms most like it.

Every ranked term gets a *profile* at refresh time (``term_profiles``): the words around its uses
(± ``WINDOW`` words, weighted by how rare each word is in the corpus) and the entities and places the
extraction found in the same documents. A precedent is a ranked term first seen before the term,
scored by

    score = 0.35 * same family + 0.35 * cosine(context words)
            + 0.2 * cosine(entities) + 0.1 * shared name words

so "Masikryong speed" finds "Huichon speed", "Pyongyang speed", "Chollima speed" (same family, the
same construction-site vocabulary), and "people-first principle" finds the "-first" principles
before it. Each comes with its active period (first and last use).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict

from tealeaves.analyze.termviews import iso, resolve_term
from tealeaves.extract.termpacks import load_pack
from tealeaves.store import Store

WINDOW = 12
TOP_WORDS = 60
TOP_ENTITIES = 30
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
W_KIND, W_CONTEXT, W_ENTITIES, W_NAME = 0.35, 0.35, 0.2, 0.1


def build_profiles(store: Store) -> int:
    """Context-word and entity profiles of every ranked term (called by the refresh)."""
    pack = load_pack()
    totals = dict(store.conn.execute("SELECT word, total FROM term_lexicon WHERE total > 0"))
    grand = sum(totals.values()) or 1
    hits: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    names: dict[int, set[str]] = {}
    for term, key, doc, start, end in store.conn.execute(
        'SELECT t.id, t.key, h.doc, h.start, h."end" FROM terms t JOIN term_variants v ON v.key = t.key '
        "JOIN term_hits h ON h.variant = v.id WHERE t.rank IS NOT NULL ORDER BY h.doc"
    ):
        hits[doc].append((term, start, end))
        names.setdefault(term, set(key.split(":", 1)[1].split()))
    words: dict[int, Counter] = defaultdict(Counter)
    docs = list(hits)
    for i in range(0, len(docs), 500):
        part = docs[i : i + 500]
        for doc, title, body in store.conn.execute(
            f"SELECT rowid, title, body FROM docs WHERE rowid IN ({','.join('?' * len(part))})", part
        ):
            text = title + "\n\n" + body
            for term, start, end in hits[doc]:
                left = _WORD.findall(text[max(0, start - 200) : start])[-WINDOW:]
                right = _WORD.findall(text[end : end + 200])[:WINDOW]
                for w in left + right:
                    low = w.casefold()
                    if low not in pack.stop and low not in names[term] and len(low) > 2:
                        words[term][low] += 1
    entities = _entities(store, hits)
    rows = []
    for term in names:
        weighted = {w: n * math.log(grand / totals.get(w, 1)) for w, n in words[term].items()}
        top = dict(sorted(weighted.items(), key=lambda kv: -kv[1])[:TOP_WORDS])
        ents = dict(entities.get(term, Counter()).most_common(TOP_ENTITIES))
        rows.append((term, json.dumps(_rounded(top)), json.dumps(ents)))
    with store.transaction() as conn:
        conn.execute("DELETE FROM term_profiles")
        conn.executemany("INSERT INTO term_profiles (term, words, entities) VALUES (?, ?, ?)", rows)
    return len(rows)


def _rounded(d: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in d.items()}


def _entities(store: Store, hits: dict[int, list]) -> dict[int, Counter]:
    """Entities (people, organisations, places) the extraction found in each term's documents."""
    has = store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'mentions'").fetchone()
    out: dict[int, Counter] = defaultdict(Counter)
    if not has:
        return out
    docs = list(hits)
    for i in range(0, len(docs), 500):
        part = docs[i : i + 500]
        for doc, entity in store.conn.execute(
            f"SELECT DISTINCT doc, entity FROM mentions WHERE entity IS NOT NULL "
            f"AND doc IN ({','.join('?' * len(part))})",
            part,
        ):
            for term in {t for t, _, _ in hits[doc]}:
                out[term][entity] += 1
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def precedents(store: Store, term: str, *, limit: int = 10) -> list[dict]:
    """Earlier ranked terms most like ``term``, best first, each with its active period."""
    r = resolve_term(store, term)
    tid, key, kind, first_day = r[0], r[1], r[3], r[4]
    profiles = {
        t: (json.loads(w), json.loads(e))
        for t, w, e in store.conn.execute("SELECT term, words, entities FROM term_profiles")
    }
    mine_w, mine_e = profiles.get(tid, ({}, {}))
    my_name = set(key.split(":", 1)[1].split())
    out = []
    for oid, okey, phrase, okind, ofirst, olast, docs in store.conn.execute(
        "SELECT id, key, phrase, kind, first_day, last_day, docs FROM terms "
        "WHERE rank IS NOT NULL AND first_day < ? AND id != ?",
        (first_day, tid),
    ):
        w, e = profiles.get(oid, ({}, {}))
        name = set(okey.split(":", 1)[1].split())
        parts = {
            "same_kind": 1.0 if okind == kind else 0.0,
            "context": _cosine(mine_w, w),
            "entities": _cosine(mine_e, e),
            "shared_name": len(my_name & name) / len(my_name | name) if my_name | name else 0.0,
        }
        score = (
            W_KIND * parts["same_kind"]
            + W_CONTEXT * parts["context"]
            + W_ENTITIES * parts["entities"]
            + W_NAME * parts["shared_name"]
        )
        if not score:
            continue
        out.append(
            {
                "term": phrase,
                "kind": okind,
                "first_seen": iso(ofirst),
                "last_seen": iso(olast),
                "docs": docs,
                "score": round(score, 4),
                "why": {k: round(v, 3) for k, v in parts.items()},
                "key": okey,
            }
        )
    out.sort(key=lambda d: -d["score"])
    return out[:limit]
