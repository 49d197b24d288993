"""Looking documents up: by id, external id or id prefix; and what happened to an input record."""

from __future__ import annotations

import os
from dataclasses import dataclass

from tealeaves.errors import NotFoundError, UsageError
from tealeaves.model import Document
from tealeaves.store.db import Store
from tealeaves.store.web import describe, docs_for_url, feed_item_status, web_origin_at, web_origins

_DOC_COLS = (
    "d.rowid, d.id, s.name, d.published, d.title, d.body, d.url, d.lang, d.ext_id, d.precision, "
    "d.origin_file, d.origin_line, d.ingested_at"
)


@dataclass
class StoredDocument:
    rowid: int
    doc: Document
    origin_file: str | None
    origin_line: int | None
    ingested_at: str

    def as_dict(self, store: Store | None = None) -> dict:
        d = self.doc
        web = {"web_origins": web_origins(store, d.id)} if store is not None else {}
        return {
            "id": d.id,
            "source": d.source,
            "published": d.published,
            "precision": d.precision,
            "title": d.title,
            "body": d.body,
            "url": d.url,
            "lang": d.lang,
            "ext_id": d.ext_id,
            "origin": f"{self.origin_file}:{self.origin_line}" if self.origin_file else None,
            "ingested_at": self.ingested_at,
            **web,
        }


def _stored(row) -> StoredDocument:
    return StoredDocument(row[0], Document(*row[1:10]), row[10], row[11], row[12])


def get_document(store: Store, ident: str) -> StoredDocument:
    """A document by content id, external id, or a unique prefix (at least 6 characters) of its id."""
    conn = store.conn
    base = f"SELECT {_DOC_COLS} FROM docs d JOIN sources s ON s.id = d.source_id "
    row = conn.execute(base + "WHERE d.id = ?", (ident,)).fetchone()
    if row is None:
        row = conn.execute(base + "WHERE d.ext_id = ? ORDER BY d.rowid LIMIT 1", (ident,)).fetchone()
    if row is None and len(ident) >= 6:
        rows = conn.execute(
            base + "WHERE d.id >= ? AND d.id < ? LIMIT 2", (ident, ident + "\uffff")
        ).fetchall()
        if len(rows) > 1:
            raise UsageError(f"id prefix {ident!r} is ambiguous; give more characters")
        row = rows[0] if rows else None
    if row is None:
        dup = conn.execute("SELECT doc_id FROM duplicates WHERE ext_id = ? LIMIT 1", (ident,)).fetchone()
        if dup:
            return get_document(store, dup[0])
        raise NotFoundError(f"no document {ident!r} (try `tealeaves why {ident}`)")
    return _stored(row)


def get_by_rowid(store: Store, rowid: int) -> StoredDocument:
    row = store.conn.execute(
        f"SELECT {_DOC_COLS} FROM docs d JOIN sources s ON s.id = d.source_id WHERE d.rowid = ?", (rowid,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no document with rowid {rowid}")
    return _stored(row)


def why(store: Store, target: str) -> list[dict]:
    """Everything the store knows about an id, external id, URL or FILE:LINE: stored, duplicate or
    rejected, and where a web page's copies were fetched or archived."""
    if target.startswith(("http://", "https://")):
        ids = docs_for_url(store, target)
        items = feed_item_status(store, target)
        if not ids and not items:
            raise NotFoundError(f"no document was stored from {target}, and no feed listed it")
        return _with_web(store, [row for i in ids for row in _why_id(store, i)]) + items
    path, sep, line = target.rpartition(":")
    if sep and line.isdigit() and path:
        return _with_web(store, _why_origin(store, path, int(line)))
    return _with_web(store, _why_id(store, target))


def _with_web(store: Store, rows: list[dict]) -> list[dict]:
    """Add the web provenance (WARC file, offset, URL, fetch date) of each stored or duplicate copy."""
    for r in rows:
        if r["status"] in ("stored", "duplicate") and r.get("id"):
            file, _, line = r["origin"].rpartition(":")
            web = web_origin_at(store, r["id"], file, int(line)) if line.isdigit() else None
            if web:
                r["web"] = web
                r["detail"] += f"; {describe(web)}"
    return rows


def _why_origin(store: Store, path: str, line: int) -> list[dict]:
    conn = store.conn
    full = os.path.abspath(path)
    like = "%" + os.sep + os.path.basename(path)
    out = []
    for fname, q in (
        (
            "stored",
            "SELECT d.id, d.origin_file, d.origin_line, s.name, d.published, d.title FROM docs d "
            "JOIN sources s ON s.id = d.source_id WHERE d.origin_line = ? AND (d.origin_file = ? OR "
            "d.origin_file LIKE ?)",
        ),
        (
            "duplicate",
            "SELECT doc_id, origin_file, origin_line, url, ext_id, seen_at FROM duplicates "
            "WHERE origin_line = ? AND (origin_file = ? OR origin_file LIKE ?)",
        ),
        (
            "rejected",
            "SELECT reason, origin_file, origin_line, message, raw_size, at FROM quarantine "
            "WHERE origin_line = ? AND (origin_file = ? OR origin_file LIKE ?)",
        ),
    ):
        for r in conn.execute(q, (line, full, like)):
            out.append(_explain(fname, r))
    if not out:
        raise NotFoundError(
            f"nothing recorded for {path}:{line}: that line was never ingested into this store"
        )
    return out


def _why_id(store: Store, ident: str) -> list[dict]:
    conn = store.conn
    out = []
    for r in conn.execute(
        "SELECT d.id, d.origin_file, d.origin_line, s.name, d.published, d.title FROM docs d "
        "JOIN sources s ON s.id = d.source_id WHERE d.id = ? OR d.ext_id = ?",
        (ident, ident),
    ):
        out.append(_explain("stored", r))
    for r in conn.execute(
        "SELECT doc_id, origin_file, origin_line, url, ext_id, seen_at FROM duplicates "
        "WHERE doc_id = ? OR ext_id = ?",
        (ident, ident),
    ):
        out.append(_explain("duplicate", r))
    for r in conn.execute(
        "SELECT reason, origin_file, origin_line, message, raw_size, at FROM quarantine WHERE ext_id = ?",
        (ident,),
    ):
        out.append(_explain("rejected", r))
    if not out:
        raise NotFoundError(
            f"nothing recorded for {ident!r}: no document, duplicate or rejected record has that id"
        )
    return out


def _explain(kind: str, r) -> dict:
    if kind == "stored":
        return {
            "status": "stored",
            "id": r[0],
            "origin": f"{r[1]}:{r[2]}",
            "source": r[3],
            "published": r[4],
            "detail": f"stored as document {r[0]} ({r[3]}, {r[4]}): {r[5][:80]}",
        }
    if kind == "duplicate":
        return {
            "status": "duplicate",
            "id": r[0],
            "origin": f"{r[1]}:{r[2]}",
            "url": r[3],
            "ext_id": r[4],
            "detail": f"same text as stored document {r[0]}; recorded as a duplicate at {r[5]}",
        }
    return {
        "status": "rejected",
        "reason": r[0],
        "origin": f"{r[1]}:{r[2]}",
        "raw_size": r[4],
        "detail": f"rejected ({r[0]}): {r[3]}; the raw record ({r[4]:,} bytes) is kept in quarantine",
    }


def quarantined_raw(store: Store, path: str, line: int) -> bytes | None:
    row = store.conn.execute(
        "SELECT raw FROM quarantine WHERE origin_line = ? AND (origin_file = ? OR origin_file LIKE ?) "
        "LIMIT 1",
        (line, os.path.abspath(path), "%" + os.sep + os.path.basename(path)),
    ).fetchone()
    return row[0] if row else None


def languages(store: Store) -> list[tuple[str, int]]:
    """(language code, documents) in the store, most documents first."""
    rows = store.conn.execute(
        "SELECT lang, sum(n) FROM day_counts WHERE lang IS NOT NULL AND lang != '' GROUP BY lang "
        "ORDER BY sum(n) DESC"
    )
    return [(r[0], r[1]) for r in rows]
