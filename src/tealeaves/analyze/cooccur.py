"""Co-occurrence: the entities and places named in the same documents as an entity, ranked by lift.

For entity A (in ``n_a`` documents) and a candidate B (in ``n_b``), ``docs`` counts the documents naming
both, ``share = docs / n_a`` is how often A comes with B, and ``lift = docs * N / (n_a * n_b)`` how much
more often than chance (N: documents with any resolved mention). Ubiquitous names (the country, the news
agency) have a high ``docs`` but a lift near 1; names that really travel with A stand out by lift. The
ranking keeps B with at least ``min_docs`` shared documents and orders by docs * log(lift), which
favours pairs that are both frequent and specific.
"""

from __future__ import annotations

import math

from tealeaves.store import Store


def cooccurring(store: Store, entity_id: str, *, limit: int = 20, min_docs: int = 2) -> list[dict]:
    conn = store.conn
    n_a = conn.execute("SELECT count(DISTINCT doc) FROM mentions WHERE entity = ?", (entity_id,)).fetchone()[
        0
    ]
    if not n_a:
        return []
    total = conn.execute("SELECT count(DISTINCT doc) FROM mentions WHERE entity IS NOT NULL").fetchone()[0]
    rows = conn.execute(
        "WITH mine AS (SELECT DISTINCT doc FROM mentions WHERE entity = ?), "
        "pairs AS (SELECT m.entity, count(DISTINCT m.doc) AS docs FROM mentions m "
        "JOIN mine ON mine.doc = m.doc "
        "WHERE m.entity IS NOT NULL AND m.entity != ? GROUP BY m.entity HAVING docs >= ?) "
        "SELECT p.entity, p.docs, e.name, e.type, e.subtype, "
        "(SELECT count(DISTINCT doc) FROM mentions WHERE entity = p.entity) "
        "FROM pairs p JOIN entities e ON e.id = p.entity",
        (entity_id, entity_id, min_docs),
    ).fetchall()
    out = []
    for eid, docs, name, etype, subtype, n_b in rows:
        lift = docs * total / (n_a * n_b) if n_b else 0.0
        out.append(
            {
                "id": eid,
                "name": name,
                "type": etype,
                "subtype": subtype,
                "docs": docs,
                "share": round(docs / n_a, 4),
                "lift": round(lift, 3),
                "score": round(docs * math.log(lift), 3) if lift > 0 else 0.0,
            }
        )
    out.sort(key=lambda r: (-r["score"], -r["docs"], r["name"]))
    return out[:limit]
