"""Write what the ingest readers yield into the store: batched, idempotent, crash-safe.

Each batch is one transaction: documents, their full-text rows, per-day counts, duplicates and
quarantined records go in together or not at all, so a killed ingest leaves the store consistent and
a rerun stores exactly what is missing (ids are content hashes).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import signal
import sqlite3
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from tealeaves import settings
from tealeaves.dates import first_day
from tealeaves.errors import InputError, StoreError, UsageError
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

    Reading, parsing, validation and hashing run in a second process for big inputs (setting
    ``reader_process``), so they overlap the SQLite writes on a second core; records come over a pipe in
    small chunks, so memory stays bounded (a chunk in the pipe, a batch in the writer).
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
    size = sum(_disk_size(p) for p in paths)  # walked once: a folder input may hold many files
    bulk = _is_bulk(store, size)
    if bulk:
        store.drop_bulk_indexes()
    options = ReadOptions.default(encoding)
    if _use_reader_process(size):
        items = iter_prepared_in_process(paths, fmap, options, counting)
    else:
        items = iter_prepared(paths, fmap, options, counting)
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


def _is_bulk(store: Store, size: int) -> bool:
    """A load of ``size`` bytes on disk, big next to the store: rebuilding the URL/input-id indexes once
    beats updating them per row."""
    try:
        db_size = os.path.getsize(store.path)
    except OSError:
        db_size = 0
    return size >= BULK_MIN_BYTES and size * 2 >= db_size


def _use_reader_process(size: int) -> bool:
    """Whether to read inputs of ``size`` bytes on disk in a second process: setting ``reader_process``
    (auto | on | off).

    auto: inputs of BULK_MIN_BYTES or more, two or more cores, and a single-threaded caller (forking a
    process that runs other threads, such as the web server, is not safe).
    """
    mode = str(settings.get("reader_process")).lower()
    if mode in ("off", "0", "no", "false") or "fork" not in multiprocessing.get_all_start_methods():
        return False
    if mode in ("on", "1", "yes", "true"):
        return True
    if mode != "auto":
        raise UsageError(f"setting reader_process must be auto, on or off, not {mode!r}")
    if (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
        return False
    return size >= BULK_MIN_BYTES


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

    def flat(self) -> Flat:
        d, o = self.doc, self.origin
        return Flat(
            d.id, d.ext_id, d.source, d.published, d.precision, d.title, d.body, d.url, d.lang,
            o.file, o.line, self.cjk, self.day, self.provenance,
        )  # fmt: skip


class Flat(NamedTuple):
    """What the writer takes of a Prepared document: a plain tuple, ten times cheaper to send between
    processes than the dataclasses."""

    id: str
    ext_id: str | None
    source: str
    published: str
    precision: str
    title: str
    body: str
    url: str | None
    lang: str | None
    file: str
    line: int
    cjk: bool
    day: int
    provenance: dict | None


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


CHUNK = 1000  # records per message from the reader process


def iter_prepared_in_process(
    paths: list[str], fmap: FieldMap, options: ReadOptions, counting: Callable[[int], None]
) -> Iterator[Flat | Rejected | Skipped]:
    """iter_prepared run in a forked child process, its records streamed back over a pipe.

    The child exits when the pipe breaks (this process stopped reading, or was killed), so it never
    outlives an interrupted ingest. A child that dies is reported; what was already written stays.
    """
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(
        target=_produce, args=(send, recv, paths, fmap, options), name="tealeaves-reader", daemon=True
    )
    proc.start()
    send.close()
    try:
        while True:
            try:
                kind, nbytes, payload = recv.recv()
            except EOFError:
                proc.join(5)
                raise StoreError(
                    f"the reading process stopped unexpectedly (exit code {proc.exitcode}); the batches "
                    "before it are stored: run the same ingest again to complete it"
                ) from None
            if nbytes:
                counting(nbytes)
            if kind == "chunk":
                yield from payload
            elif kind == "done":
                return
            else:
                raise StoreError(f"the reading process failed:\n{payload}")
    finally:
        recv.close()
        proc.join(2)
        if proc.is_alive():
            proc.kill()
            proc.join()


def _produce(send, recv, paths: list[str], fmap: FieldMap, options: ReadOptions) -> None:
    """Child side of iter_prepared_in_process. Never returns: os._exit skips the parent's exit hooks
    (its open SQLite connection belongs to the parent)."""
    recv.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and closes the pipe
    code = 0
    read = 0

    def count(n: int) -> None:
        nonlocal read
        read += n

    try:
        chunk: list = []
        for item in iter_prepared(paths, fmap, options, count):
            chunk.append(item.flat() if isinstance(item, Prepared) else item)
            if len(chunk) >= CHUNK:
                send.send(("chunk", read, chunk))
                chunk, read = [], 0
        send.send(("chunk", read, chunk))
        send.send(("done", 0, None))
    except (BrokenPipeError, ConnectionResetError):
        code = 1
    except BaseException:
        code = 1
        with contextlib.suppress(OSError):
            send.send(("error", 0, traceback.format_exc()))
    finally:
        os._exit(code)


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
        self.docs: list[Flat] = []
        self.provenance: dict[tuple[str, str, int], dict] = {}
        self.rejects: list[Rejected] = []
        self.run_id: int | None = None
        self.optimistic = True  # see _write_docs

    @property
    def pending(self) -> int:
        return len(self.docs) + len(self.rejects)

    def take(self, item: Prepared | Flat | Rejected | Skipped) -> None:
        if isinstance(item, Flat):
            self.summary.read += 1
            self.docs.append(item)
            if item.provenance:
                self.provenance[(item.id, item.file, item.line)] = item.provenance
        elif isinstance(item, Prepared):
            self.take(item.flat())
        elif isinstance(item, Skipped):
            self.summary.skipped[item.reason] += 1
        elif isinstance(item, Rejected):
            if item.reason == "skipped_file":
                self.summary.skipped_files.append(item.origin.file)
                return
            self.summary.read += item.origin.line != 0
            self.reject(item)

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

    def _write_docs(self, conn, docs: list[Flat]) -> None:
        """Store new documents, record copies of stored ones as duplicates.

        Optimistic first: a batch is planned as if none of its ids were stored and inserted under a
        savepoint; the UNIQUE id index refuses a stored one, and only then is the batch redone after
        looking its ids up (a query that costs as much as the insert itself). The lookup stays on for
        the batches after a refusal until a batch finds nothing stored (a file ingested twice).
        """
        if not docs:
            return
        if self.optimistic:
            conn.execute("SAVEPOINT optimistic")
            try:
                plan = self._plan(conn, docs, {})
                _insert_docs(conn, plan.new_rows)
            except sqlite3.IntegrityError:
                conn.execute("ROLLBACK TO optimistic")
                conn.execute("RELEASE optimistic")
                self.optimistic = False
            else:
                conn.execute("RELEASE optimistic")
                self._finish(conn, plan)
                return
        ids = list({p.id for p in docs})
        existing: dict[str, tuple[str | None, int | None]] = {}
        for i in range(0, len(ids), 900):
            chunk = ids[i : i + 900]
            q = f"SELECT id, origin_file, origin_line FROM docs WHERE id IN ({','.join('?' * len(chunk))})"
            existing.update({r[0]: (r[1], r[2]) for r in conn.execute(q, chunk)})
        self.optimistic = not existing
        plan = self._plan(conn, docs, existing)
        _insert_docs(conn, plan.new_rows)
        self._finish(conn, plan)

    def _plan(self, conn, docs: list[Flat], existing: dict[str, tuple[str | None, int | None]]) -> _Plan:
        """Rows to write for ``docs``, given the ids already stored. Writes nothing but new sources."""
        sources = self.store.source_ids()
        seq = (conn.execute("SELECT max(seq) FROM docs").fetchone()[0] or 0) + 1
        next_n: dict[int, int] = {}
        plan = _Plan()
        now = now_iso()
        for p in docs:
            day = p.day
            if p.id in existing:
                plan.duplicate += 1
                if existing[p.id] == (p.file, p.line):
                    plan.already_stored += 1  # the same record read again
                else:
                    plan.dup_rows.append((p.id, p.ext_id, p.url, p.file, p.line, now))
                continue
            existing[p.id] = (p.file, p.line)
            sid = sources.get(p.source)
            if sid is None:
                sid = conn.execute("INSERT INTO sources (name) VALUES (?)", (p.source,)).lastrowid
                sources[p.source] = sid
            if day not in next_n:
                lo = day << DAY_SHIFT
                top = conn.execute(
                    "SELECT max(rowid) FROM docs WHERE rowid BETWEEN ? AND ?", (lo, lo + (1 << DAY_SHIFT) - 1)
                ).fetchone()[0]
                next_n[day] = (top + 1) if top is not None else lo
            rowid = next_n[day]
            next_n[day] += 1
            plan.new_rows.append(
                (
                    rowid, p.id, p.ext_id, sid, p.published, p.precision, p.title, p.body, p.url, p.lang,
                    p.file, p.line, seq, now, int(p.cjk),
                )
            )  # fmt: skip
            meta = f"xs{sid} xl{(p.lang or 'none').replace('-', '').lower()}"
            (plan.cjk_rows if p.cjk else plan.fts_rows).append((rowid, p.title, p.body, meta))
            plan.day_add[(day, sid, p.lang or "")] += 1
            plan.headline_only += not p.body
            plan.first_seq = plan.first_seq or seq
            plan.last_seq = seq
            seq += 1
        return plan

    def _finish(self, conn, plan: _Plan) -> None:
        """The full-text rows, day counts and duplicates of a planned batch whose docs rows are in."""
        conn.executemany("INSERT INTO fts (rowid, title, body, meta) VALUES (?,?,?,?)", plan.fts_rows)
        conn.executemany("INSERT INTO fts_cjk (rowid, title, body, meta) VALUES (?,?,?,?)", plan.cjk_rows)
        conn.executemany(
            "INSERT INTO day_counts (day, source_id, lang, n) VALUES (?,?,?,?) "
            "ON CONFLICT (day, source_id, lang) DO UPDATE SET n = n + excluded.n",
            [(d, s, lang, n) for (d, s, lang), n in plan.day_add.items()],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO duplicates (doc_id, ext_id, url, origin_file, origin_line, "
            "seen_at) VALUES (?,?,?,?,?,?)",
            plan.dup_rows,
        )
        s = self.summary
        s.stored += len(plan.new_rows)
        s.duplicate += plan.duplicate
        s.already_stored += plan.already_stored
        s.headline_only += plan.headline_only
        if plan.new_rows:
            s.first_seq = s.first_seq or plan.first_seq
            s.last_seq = plan.last_seq

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


@dataclass
class _Plan:
    new_rows: list[tuple] = field(default_factory=list)
    fts_rows: list[tuple] = field(default_factory=list)
    cjk_rows: list[tuple] = field(default_factory=list)
    dup_rows: list[tuple] = field(default_factory=list)
    day_add: Counter = field(default_factory=Counter)
    duplicate: int = 0
    already_stored: int = 0
    headline_only: int = 0
    first_seq: int | None = None
    last_seq: int | None = None


def _insert_docs(conn, rows: list[tuple]) -> None:
    conn.executemany(
        "INSERT INTO docs (rowid, id, ext_id, source_id, published, precision, title, body, "
        "url, lang, origin_file, origin_line, seq, ingested_at, cjk) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
