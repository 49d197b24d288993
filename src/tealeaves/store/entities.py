"""The ``entities`` table: the people, organisations and places of the domain packs in use.

Rewritten from the packs by every ``tealeaves extract`` run (packs are data files; the table mirrors
them so that SQL and the API can join mentions, quotes and events to names).
"""

from __future__ import annotations

import json

from tealeaves.store.db import Store


def sync_entities(store: Store, kb) -> int:
    """Replace the table's rows with the entities of ``kb`` (a compiled knowledge base)."""
    rows = [
        (e.id, e.name, e.type, e.subtype, json.dumps(list(e.aliases), ensure_ascii=False), e.province, e.lat,
         e.lon, e.pack, e.info)
        for e in kb.entities.values()
    ]  # fmt: skip
    with store.transaction() as conn:
        conn.execute("DELETE FROM entities")
        conn.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)
