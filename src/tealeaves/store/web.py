"""Web provenance of stored documents: which page or WARC record each copy of a text came from."""

from __future__ import annotations

from tealeaves.store.db import Store

_COLS = (
    "doc_id, origin_file, origin_line, kind, warc_offset, record_id, target_uri, canonical_url, "
    "fetched_at, feed, encoding, extractor"
)


def _row(r) -> dict:
    keys = [c.strip() for c in _COLS.split(",")]
    return {k: v for k, v in zip(keys, r, strict=True) if v is not None}


def web_origins(store: Store, doc_id: str) -> list[dict]:
    """Every archived or fetched copy of a document, oldest fetch first."""
    if not _has_table(store):
        return []
    rows = store.conn.execute(
        f"SELECT {_COLS} FROM web_origins WHERE doc_id = ? ORDER BY fetched_at, origin_file, origin_line",
        (doc_id,),
    )
    return [_row(r) for r in rows]


def web_origin_at(store: Store, doc_id: str, file: str, line: int) -> dict | None:
    if not _has_table(store):
        return None
    r = store.conn.execute(
        f"SELECT {_COLS} FROM web_origins WHERE doc_id = ? AND origin_file = ? AND origin_line = ?",
        (doc_id, file, line),
    ).fetchone()
    return _row(r) if r else None


def docs_for_url(store: Store, url: str) -> list[str]:
    """Ids of documents stored from ``url`` (as fetched, or as the page's canonical URL)."""
    ids = [r[0] for r in store.conn.execute("SELECT id FROM docs WHERE url = ?", (url,))]
    if _has_table(store):
        ids += [
            r[0]
            for r in store.conn.execute(
                "SELECT DISTINCT doc_id FROM web_origins WHERE target_uri = ? OR canonical_url = ?",
                (url, url),
            )
        ]
    return list(dict.fromkeys(ids))


def describe(o: dict) -> str:
    """One line for a human: where this copy was read from."""
    if o.get("kind") == "warc":
        where = f"WARC {o['origin_file']} record {o['origin_line']} at byte {o.get('warc_offset', '?')}"
    else:
        where = f"HTML file {o['origin_file']}"
    parts = [where]
    if o.get("target_uri"):
        parts.append(f"fetched {o['target_uri']}" + (f" at {o['fetched_at']}" if o.get("fetched_at") else ""))
    if o.get("canonical_url") and o.get("canonical_url") != o.get("target_uri"):
        parts.append(f"canonical {o['canonical_url']}")
    if o.get("feed"):
        parts.append(f"listed by feed {o['feed']}")
    return "; ".join(parts)


def _has_table(store: Store) -> bool:
    return bool(
        store.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'web_origins'"
        ).fetchone()
    )


def feed_item_status(store: Store, url: str) -> list[dict]:
    """What `tealeaves watch` did with ``url`` when a feed listed it (stored, rejected, failed, ...)."""
    if not store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'feed_items'").fetchone():
        return []
    rows = store.conn.execute(
        "SELECT f.url, i.state, i.reason, i.message, i.attempts, i.doc_id, i.updated_at FROM feed_items i "
        "JOIN feeds f ON f.id = i.feed_id WHERE i.url = ? ORDER BY i.id",
        (url,),
    ).fetchall()
    out = []
    for feed, state, reason, message, attempts, doc_id, at in rows:
        detail = f"item listed by this feed: {state}"
        if reason and reason != state:
            detail += f" ({reason})"
        if message:
            detail += f": {message}"
        detail += f"; {attempts} fetch(es), last change {at}"
        out.append(
            {"status": f"feed item {state}", "origin": feed, "id": doc_id, "reason": reason, "detail": detail}
        )
    return out
