"""Write what the ingest readers yield into the store: batched, idempotent, crash-safe.

Each batch is one transaction: documents, their full-text rows, per-day counts, duplicates and
quarantined records go in together or not at all, so a killed ingest leaves the store consistent and
a rerun stores exactly what is missing (ids are content hashes).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tealeaves import settings
from tealeaves.dates import first_day
from tealeaves.errors import InputError, UsageError
from tealeaves.ingest import FieldMap, iter_records, to_document
from tealeaves.ingest.lang import cjk_share
from tealeaves.ingest.readers import ReadOptions
from tealeaves.model import Document, Origin, Rejected, Skipped
from tealeaves.store.db import DAY_SHIFT, Store, now_iso
from tealeaves.store.rankindex import rank_index


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicate: int = 0
    already_stored: int = 0
    rejected: int = 0
    headline_only: int = 0
    reasons: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # records that are deliberately not documents
    seconds: float = 0.0
    bytes_read: int = 0
    skipped_files: list[str] = field(default_factory=list)
    rank_index_seconds: float = 0.0  # catching the rank index up, after the documents are stored
    rank_index_note: str | None = None
    first_seq: int | None = None
    last_seq: int | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicate": self.duplicate,
            "already_stored": self.already_stored,
            "rejected": self.rejected,
            "headline_only": self.headline_only,
            "rejected_by_reason": dict(self.reasons),
            "skipped_by_reason": dict(self.skipped),
            "seconds": round(self.seconds, 3),
            "bytes_read": self.bytes_read,
            "skipped_files": self.skipped_files,
            "rank_index_seconds": round(self.rank_index_seconds, 3),
        }


Notify = Callable[[Rejected], None]


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    fmap: FieldMap | None = None,
    *,
    encoding: str = "utf-8",
    batch_size: int | None = None,
    progress: Callable[[int], None] | None = None,
    on_reject: Notify | None = None,
    rank: bool = True,
) -> IngestSummary:
    """Read every record under ``paths`` and store it. Never raises for bad input records.

    ``rank=False`` leaves the rank index behind (bulk loads in several runs; `tealeaves index` catches
    it up); searches rank with FTS5 meanwhile.

    Reading and validation run in a producer thread, one batch ahead of the writer: SQLite releases
    the GIL while it indexes, so the two overlap on two cores. Memory stays bounded (a few batches).
    """
    paths = [str(p) for p in paths]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    fmap = fmap or FieldMap()
    batch_size = int(settings.get("batch_size", batch_size))
    summary = IngestSummary()
    writer = _BatchWriter(store, summary, on_reject)
    t0 = time.perf_counter()

    def counting(n: int) -> None:
        summary.bytes_read += n
        if progress:
            progress(n)

    store.conn.execute("PRAGMA mmap_size = 0")  # writes go through the bounded page cache: RSS stays flat
    bulk = _is_bulk(store, paths)
    if bulk:
        store.drop_bulk_indexes()
    items = iter_prepared(paths, fmap, ReadOptions.default(encoding), counting)
    run_id = writer.start_run(paths)
    try:
        for batch in _batches(items, batch_size):
            for item in batch:
                writer.take(item)
            writer.flush()
    finally:
        if bulk:
            store.ensure_indexes()
        summary.seconds = time.perf_counter() - t0
        writer.finish_run(run_id)
    rx = rank_index(store) if rank else None
    if rx is not None and summary.stored:
        done = rx.catch_up()
        summary.rank_index_seconds, summary.rank_index_note = done.seconds, done.skipped
    return summary


BULK_MIN_BYTES = 8 * 1024 * 1024


def _is_bulk(store: Store, paths: list[str]) -> bool:
    """A load big next to the store: rebuilding the URL/input-id indexes once beats updating them per row."""
    size = sum(_disk_size(p) for p in paths)
    try:
        db_size = os.path.getsize(store.path)
    except OSError:
        db_size = 0
    return size >= BULK_MIN_BYTES and size * 2 >= db_size


def _disk_size(p: str) -> int:
    path = Path(p)
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return path.stat().st_size if path.is_file() else 0


@dataclass(frozen=True, slots=True)
class Prepared:
    """A validated document ready to write, with what the writer needs precomputed."""

    doc: Document
    origin: Origin
    cjk: bool
    day: int
    provenance: dict | None = None  # web provenance (ingest/html.py, ingest/warc.py), if any


def iter_prepared(
    paths: list[str], fmap: FieldMap, options: ReadOptions, counting: Callable[[int], None]
) -> Iterator[Prepared | Rejected | Skipped]:
    """Records of ``paths``: Prepared documents, Rejected records, Skipped (deliberately not documents)."""
    for item in iter_records(paths, options, counting):
        if isinstance(item, (Rejected, Skipped)):
            yield item
            continue
        origin, rec = item
        try:
            doc = to_document(rec, fmap)
        except InputError as e:
            raw = json.dumps(rec, ensure_ascii=False, default=str).encode()
            ext = rec.get("id") if isinstance(rec.get("id"), (str, int)) else None
            yield Rejected(origin, e.reason, str(e), raw, len(raw), str(ext) if ext is not None else None)
            continue
        cjk = cjk_share(doc.title + doc.body[:2000]) > 0.3
        yield Prepared(doc, origin, cjk, first_day(doc.published).toordinal(), rec.get("_provenance"))


def _batches(items: Iterator, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _BatchWriter:
    def __init__(self, store: Store, summary: IngestSummary, on_reject: Notify | None):
        self.store, self.summary, self.on_reject = store, summary, on_reject
        self.docs: list[Prepared] = []
        self.provenance: dict[tuple[str, str, int], dict] = {}
        self.rejects: list[Rejected] = []
        self.run_id: int | None = None

    @property
    def pending(self) -> int:
        return len(self.docs) + len(self.rejects)

    def take(self, item: Prepared | Rejected | Skipped) -> None:
        if isinstance(item, Skipped):
            self.summary.skipped[item.reason] += 1
        elif isinstance(item, Rejected):
            if item.reason == "skipped_file":
                self.summary.skipped_files.append(item.origin.file)
                return
            self.summary.read += item.origin.line != 0
            self.reject(item)
        else:
            self.summary.read += 1
            self.docs.append(item)
            if item.provenance:
                self.provenance[(item.doc.id, item.origin.file, item.origin.line)] = item.provenance

    def reject(self, r: Rejected) -> None:
        self.rejects.append(r)
        self.summary.rejected += 1
        self.summary.reasons[r.reason] += 1
        if self.on_reject:
            self.on_reject(r)

    def start_run(self, paths: list[str]) -> int:
        conn = self.store.conn
        with self.store.transaction():
            cur = conn.execute(
                "INSERT INTO ingest_runs (started, paths) VALUES (?, ?)", (now_iso(), json.dumps(paths))
            )
        self.run_id = cur.lastrowid
        return self.run_id

    def finish_run(self, run_id: int) -> None:
        s = self.summary
        with self.store.transaction():
            self.store.conn.execute(
                "UPDATE ingest_runs SET finished = ?, read = ?, stored = ?, duplicate = ?, rejected = ?, "
                "status = 'done' WHERE id = ?",
                (now_iso(), s.read, s.stored, s.duplicate, s.rejected, run_id),
            )

    def flush(self) -> None:
        if not self.pending:
            return
        docs, rejects, prov = self.docs, self.rejects, self.provenance
        self.docs, self.rejects, self.provenance = [], [], {}
        with self.store.transaction() as conn:
            self._write_docs(conn, docs)
            _write_provenance(conn, prov)
            self._write_rejects(conn, rejects)
            s = self.summary
            conn.execute(
                "UPDATE ingest_runs SET read = ?, stored = ?, duplicate = ?, rejected = ? WHERE id = ?",
                (s.read, s.stored, s.duplicate, s.rejected, self.run_id),
            )

    def _write_docs(self, conn, docs: list[Prepared]) -> None:
        if not docs:
            return
        ids = list({p.doc.id for p in docs})
        existing: dict[str, tuple[str | None, int | None]] = {}
        for i in range(0, len(ids), 900):
            chunk = ids[i : i + 900]
            q = f"SELECT id, origin_file, origin_line FROM docs WHERE id IN ({','.join('?' * len(chunk))})"
            existing.update({r[0]: (r[1], r[2]) for r in conn.execute(q, chunk)})
        sources = self.store.source_ids()
        seq = (conn.execute("SELECT max(seq) FROM docs").fetchone()[0] or 0) + 1
        next_n: dict[int, int] = {}
        new_rows, fts_rows, cjk_rows, dup_rows = [], [], [], []
        day_add: Counter = Counter()
        now = now_iso()
        for p in docs:
            doc, origin, day = p.doc, p.origin, p.day
            if doc.id in existing:
                self.summary.duplicate += 1
                if existing[doc.id] == (origin.file, origin.line):
                    self.summary.already_stored += 1  # the same record read again
                else:
                    dup_rows.append((doc.id, doc.ext_id, doc.url, origin.file, origin.line, now))
                continue
            existing[doc.id] = (origin.file, origin.line)
            sid = sources.get(doc.source)
            if sid is None:
                sid = conn.execute("INSERT INTO sources (name) VALUES (?)", (doc.source,)).lastrowid
                sources[doc.source] = sid
            if day not in next_n:
                lo = day << DAY_SHIFT
                top = conn.execute(
                    "SELECT max(rowid) FROM docs WHERE rowid BETWEEN ? AND ?", (lo, lo + (1 << DAY_SHIFT) - 1)
                ).fetchone()[0]
                next_n[day] = (top + 1) if top is not None else lo
            rowid = next_n[day]
            next_n[day] += 1
            cjk = p.cjk
            new_rows.append(
                (
                    rowid,
                    doc.id,
                    doc.ext_id,
                    sid,
                    doc.published,
                    doc.precision,
                    doc.title,
                    doc.body,
                    doc.url,
                    doc.lang,
                    origin.file,
                    origin.line,
                    seq,
                    now,
                    int(cjk),
                )
            )
            meta = f"xs{sid} xl{(doc.lang or 'none').replace('-', '').lower()}"
            (cjk_rows if cjk else fts_rows).append((rowid, doc.title, doc.body, meta))
            day_add[(day, sid, doc.lang or "")] += 1
            self.summary.stored += 1
            self.summary.headline_only += not doc.body
            self.summary.first_seq = self.summary.first_seq or seq
            self.summary.last_seq = seq
            seq += 1
        conn.executemany(
            "INSERT INTO docs (rowid, id, ext_id, source_id, published, precision, title, body, "
            "url, lang, origin_file, origin_line, seq, ingested_at, cjk) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            new_rows,
        )
        conn.executemany("INSERT INTO fts (rowid, title, body, meta) VALUES (?,?,?,?)", fts_rows)
        conn.executemany("INSERT INTO fts_cjk (rowid, title, body, meta) VALUES (?,?,?,?)", cjk_rows)
        conn.executemany(
            "INSERT INTO day_counts (day, source_id, lang, n) VALUES (?,?,?,?) "
            "ON CONFLICT (day, source_id, lang) DO UPDATE SET n = n + excluded.n",
            [(d, s, lang, n) for (d, s, lang), n in day_add.items()],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO duplicates (doc_id, ext_id, url, origin_file, origin_line, "
            "seen_at) VALUES (?,?,?,?,?,?)",
            dup_rows,
        )

    def _write_rejects(self, conn, rejects: list[Rejected]) -> None:
        rows = []
        now = now_iso()
        for r in rejects:
            raw = r.raw or b""
            rows.append(
                (
                    r.origin.file,
                    r.origin.line,
                    r.origin.offset,
                    r.reason,
                    r.message,
                    r.ext_id,
                    raw,
                    r.raw_size or len(raw),
                    hashlib.sha1(raw + r.reason.encode()).hexdigest(),
                    now,
                )
            )
        conn.executemany(
            "INSERT OR IGNORE INTO quarantine (origin_file, origin_line, byte_offset, reason, "
            "message, ext_id, raw, raw_size, raw_sha, at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows,
        )


def _write_provenance(conn, prov: dict[tuple[str, str, int], dict]) -> None:
    """Web provenance (see ingest/html.py, ingest/warc.py) of stored documents and their duplicates."""
    conn.executemany(
        "INSERT OR IGNORE INTO web_origins (doc_id, origin_file, origin_line, kind, warc_offset, "
        "record_id, target_uri, canonical_url, fetched_at, feed, encoding, extractor) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                doc_id,
                file,
                line,
                p.get("kind", "html"),
                p.get("offset"),
                p.get("record_id"),
                p.get("target_uri"),
                p.get("canonical_url"),
                p.get("fetched_at"),
                p.get("feed"),
                p.get("encoding"),
                p.get("extractor"),
            )
            for (doc_id, file, line), p in prov.items()
        ],
    )
