"""Parquet interchange: documents, facts and extraction bookkeeping as Parquet files partitioned by month.

Layout of an export folder (see docs/parquet.md)::

    DIR/tealeaves.json                         manifest: format version, tables, columns, row counts
    DIR/docs/month=YYYY-MM/part-*.parquet      one row per document
    DIR/facts/<table>/month=YYYY-MM/*.parquet  one folder per fact table in FACT_TABLES
    DIR/extract_state/month=YYYY-MM/*.parquet  which stage version produced each document's facts
    DIR/web_origins/month=YYYY-MM/*.parquet    web provenance: the HTML file or WARC record of each copy

Facts refer to documents by content id (``doc_id``), never by the store's rowid, so an export can be
imported into any store. The fact columns come from the fact dataclasses (generic over FACT_TABLES):
``int`` -> int64, ``float`` -> double, ``bool`` -> bool, ``str`` -> string; anything else (lists, dicts)
is a JSON string, exactly as the SQLite store keeps it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tealeaves.dates import first_day
from tealeaves.errors import InputError, UsageError
from tealeaves.model import Document, Origin, content_id
from tealeaves.store.db import Store, day_rowid_range, now_iso
from tealeaves.store.facts import FACT_TABLES, FactTable, fact_row

FORMAT = "tealeaves-parquet"
FORMAT_VERSION = 1
MANIFEST = "tealeaves.json"
PARTITION = "month"
ROWS_PER_FILE = 50_000

DOC_COLUMNS: list[tuple[str, str, bool]] = [  # name, arrow type, nullable
    ("id", "string", False),
    ("ext_id", "string", True),
    ("source", "string", False),
    ("published", "string", False),
    ("precision", "string", False),
    ("title", "string", False),
    ("body", "string", False),
    ("url", "string", True),
    ("lang", "string", True),
    ("origin_file", "string", True),
    ("origin_line", "int64", True),
    ("ingested_at", "string", True),
]
STATE_COLUMNS: list[tuple[str, str, bool]] = [
    ("doc_id", "string", False),
    ("stage", "string", False),
    ("version", "string", False),
]
# the store's web_origins table (migration 0006_live_web.sql), one row per archived or fetched copy
WEB_COLUMNS: list[tuple[str, str, bool]] = [
    ("doc_id", "string", False),
    ("origin_file", "string", False),
    ("origin_line", "int64", False),
    ("kind", "string", False),
    ("warc_offset", "int64", True),
    ("record_id", "string", True),
    ("target_uri", "string", True),
    ("canonical_url", "string", True),
    ("fetched_at", "string", True),
    ("feed", "string", True),
    ("encoding", "string", True),
    ("extractor", "string", True),
]
WEB = "web_origins"


def _pa():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        raise UsageError("Parquet needs pyarrow: pip install pyarrow") from None
    return pyarrow


def month_of(published: str) -> str:
    """The partition value of a document: YYYY-MM of the first day its date covers."""
    d = first_day(published)
    return f"{d.year:04d}-{d.month:02d}"


# -- schemas ---------------------------------------------------------------------------------------
def _arrow_name(tp: Any) -> tuple[str, bool]:
    """(arrow type name, nullable) for a dataclass field type."""
    nullable = False
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(tp))
        tp = args[0] if len(args) == 1 else object
    names = {bool: "bool", int: "int64", float: "double", str: "string"}
    return names.get(tp, "json"), nullable


def fact_columns(ft: FactTable) -> list[tuple[str, str, bool]]:
    """Columns of a fact table in Parquet: doc_id, the dataclass fields, stage, version."""
    hints = typing.get_type_hints(ft.type)
    cols = [("doc_id", "string", False)]
    for f in dataclasses.fields(ft.type):
        name, nullable = _arrow_name(hints[f.name])
        cols.append((f.name, name, nullable or name == "json"))
    return [*cols, ("stage", "string", False), ("version", "string", False)]


def arrow_schema(columns: list[tuple[str, str, bool]]):
    pa = _pa()
    types_ = {"string": pa.string(), "json": pa.string(), "int64": pa.int64(), "double": pa.float64()}
    types_["bool"] = pa.bool_()
    return pa.schema([pa.field(n, types_[t], nullable=nn) for n, t, nn in columns])


def table_columns() -> dict[str, list[tuple[str, str, bool]]]:
    """Every table an export can hold: 'docs', 'extract_state', 'web_origins' and 'facts/<table>'."""
    out = {"docs": DOC_COLUMNS, "extract_state": STATE_COLUMNS, WEB: WEB_COLUMNS}
    for ft in FACT_TABLES.values():
        out[f"facts/{ft.table}"] = fact_columns(ft)
    return out


def fact_values(ft: FactTable, doc_id: str, fact: Any, stage: str, version: str) -> tuple:
    """One Parquet row for a fact dataclass (the same cells the SQLite store keeps)."""
    cols = fact_columns(ft)[1:-2]
    cells = fact_row(fact)
    return (doc_id, *(_typed(c, t) for c, (_, t, _) in zip(cells, cols, strict=True)), stage, version)


def _typed(v: Any, kind: str) -> Any:
    if v is None:
        return None
    if kind == "bool":
        return bool(v)
    return v


# -- writing ---------------------------------------------------------------------------------------
class PartitionedWriter:
    """Writes rows of one table into ``root/month=YYYY-MM/part-NNNNN.parquet`` files.

    Rows should arrive grouped by month (the store's rowids are date-ordered, so they do); a month that
    comes back later simply gets another part file.
    """

    def __init__(self, root: Path, columns: list[tuple[str, str, bool]], rows_per_file: int = ROWS_PER_FILE):
        self.root, self.columns = root, columns
        self.schema = arrow_schema(columns)
        self.rows_per_file = rows_per_file
        self.month: str | None = None
        self.buf: list[tuple] = []
        self.count = 0
        self.parts: dict[str, int] = {}

    def add(self, month: str, row: tuple) -> None:
        if month != self.month or len(self.buf) >= self.rows_per_file:
            self.flush()
            self.month = month
        self.buf.append(row)

    def flush(self) -> None:
        if not self.buf:
            return
        pa = _pa()
        cols = list(zip(*self.buf, strict=True))
        table = pa.Table.from_arrays(
            [pa.array(list(c), type=f.type) for c, f in zip(cols, self.schema, strict=True)],
            schema=self.schema,
        )
        folder = self.root / f"{PARTITION}={self.month}"
        folder.mkdir(parents=True, exist_ok=True)
        n = self.parts.get(self.month, 0)
        self.parts[self.month] = n + 1
        pa.parquet.write_table(table, folder / f"part-{n:05d}.parquet", compression="zstd")
        self.count += len(self.buf)
        self.buf = []


def write_manifest(out: Path, counts: dict[str, int], **extra: Any) -> None:
    (out / MANIFEST).write_text(manifest_text(counts, **extra), encoding="utf-8")


def manifest_text(counts: dict[str, int], **extra: Any) -> str:
    """The manifest (tealeaves.json) of a folder holding ``counts`` rows per table."""
    cols = table_columns()
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "partitioned_by": PARTITION,
        "written_at": now_iso(),
        "tables": {
            name: {"rows": n, "columns": [{"name": c, "type": t, "nullable": nn} for c, t, nn in cols[name]]}
            for name, n in sorted(counts.items())
        },
        **extra,
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def _prepare_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} exists and is not a folder")
    if out.exists() and any(out.iterdir()):
        raise UsageError(f"{out} is not empty: export into a new or empty folder")
    out.mkdir(parents=True, exist_ok=True)


@dataclass
class ExportSummary:
    out: str
    tables: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"out": self.out, "tables": self.tables}


def export_parquet(
    store: Store, out: str | Path, *, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> ExportSummary:
    """Export documents, every fact table, extract_state and web provenance to ``out`` (a new or empty
    folder)."""
    out = Path(out)
    _prepare_out(out)
    lo, hi = day_rowid_range(date_from, date_to)
    conn = store.conn
    counts: dict[str, int] = {}
    months: dict[int, tuple[str, str]] = {}  # rowid -> (doc id, month), for the facts below

    w = PartitionedWriter(out / "docs", DOC_COLUMNS)
    for r in conn.execute(
        "SELECT d.rowid, d.id, d.ext_id, s.name, d.published, d.precision, d.title, d.body, d.url, d.lang, "
        "d.origin_file, d.origin_line, d.ingested_at FROM docs d JOIN sources s ON s.id = d.source_id "
        "WHERE d.rowid BETWEEN ? AND ? ORDER BY d.rowid",
        (lo, hi),
    ):
        month = month_of(r[4])
        months[r[0]] = (r[1], month)
        w.add(month, r[1:])
    w.flush()
    counts["docs"] = w.count

    def facts(name: str, sql: str, columns: list[tuple[str, str, bool]]) -> None:
        fw = PartitionedWriter(out / name, columns)
        kinds = [t for _, t, _ in columns[1:]]
        for r in conn.execute(sql, (lo, hi)):
            doc_id, month = months[r[0]]
            fw.add(month, (doc_id, *(_typed(v, k) for v, k in zip(r[1:], kinds, strict=True))))
        fw.flush()
        counts[name] = fw.count

    facts("extract_state", "SELECT doc, stage, version FROM extract_state WHERE doc BETWEEN ? AND ? "
          "ORDER BY doc, stage", STATE_COLUMNS)  # fmt: skip
    if _has_table(store, WEB):
        names = ", ".join(f"w.{c}" for c, _, _ in WEB_COLUMNS[1:])
        sql = (
            f"SELECT d.rowid, {names} FROM web_origins w JOIN docs d ON d.id = w.doc_id "
            "WHERE d.rowid BETWEEN ? AND ? ORDER BY d.rowid, w.origin_file, w.origin_line"
        )
        facts(WEB, sql, WEB_COLUMNS)
    for ft in FACT_TABLES.values():
        cols = fact_columns(ft)
        names = ", ".join(f'"{c}"' for c, _, _ in cols[1:])
        facts(
            f"facts/{ft.table}",
            f"SELECT doc, {names} FROM {ft.table} WHERE doc BETWEEN ? AND ? ORDER BY doc, start",
            cols,
        )
    write_manifest(out, counts, source_store=str(store.path))
    return ExportSummary(str(out), counts)


def _has_table(store: Store, name: str) -> bool:
    q = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return store.conn.execute(q, (name,)).fetchone() is not None


# -- reading ---------------------------------------------------------------------------------------
def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    if not folder.is_dir():
        raise UsageError(f"no such folder: {folder}")
    if not path.exists():
        raise UsageError(f"{folder} has no {MANIFEST}: not a tealeaves Parquet export")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        raise UsageError(f"{path}: not valid JSON ({e})") from None
    if manifest.get("format") != FORMAT:
        raise UsageError(f"{path}: format is {manifest.get('format')!r}, expected {FORMAT!r}")
    if int(manifest.get("version", 0)) > FORMAT_VERSION:
        raise UsageError(
            f"{path}: format version {manifest['version']} is newer than this tealeaves reads "
            f"({FORMAT_VERSION})"
        )
    return manifest


def parquet_files(root: Path) -> list[Path]:
    """Data files under ``root`` in a stable order (Spark's _SUCCESS and .crc files are skipped)."""
    if not root.exists():
        return []
    return sorted(
        p for p in root.rglob("*.parquet") if not any(part.startswith(("_", ".")) for part in p.parts[-2:])
    )


def iter_rows(root: Path, columns: list[tuple[str, str, bool]], batch: int = 10_000) -> Iterator[dict]:
    """Rows (as dicts of the expected columns) of every Parquet file under ``root``."""
    for _, _, row in iter_rows_at(root, columns, batch):
        yield row


def iter_rows_at(
    root: Path, columns: list[tuple[str, str, bool]], batch: int = 10_000
) -> Iterator[tuple[Path, int, dict]]:
    """(file, 1-based row number in the file, row) for every row under ``root``.

    A file that cannot be read or lacks a column raises an InputError naming the file and the column.
    """
    pa = _pa()
    names = [c for c, _, _ in columns]
    for path in parquet_files(root):
        try:
            pf = pa.parquet.ParquetFile(path)
        except Exception as e:
            raise InputError("bad_parquet", f"{path}: cannot read Parquet ({e})") from None
        have = set(pf.schema_arrow.names)
        missing = [n for n, _, nullable in columns if n not in have and not nullable]
        if missing:
            raise InputError(
                "missing_field", f"{path}: missing column {', '.join(missing)} (expected {', '.join(names)})"
            )
        use = [n for n in names if n in have]
        k = 0
        for rb in pf.iter_batches(batch_size=batch, columns=use):
            cols = {n: rb.column(n).to_pylist() for n in use}
            for i in range(rb.num_rows):
                k += 1
                yield path, k, {n: (cols[n][i] if n in cols else None) for n in names}


def row_document(row: dict) -> Document:
    return Document(
        id=row["id"],
        source=row["source"],
        published=row["published"],
        title=row["title"] or "",
        body=row["body"] or "",
        url=row["url"],
        lang=row["lang"],
        ext_id=row["ext_id"],
        precision=row["precision"] or "day",
    )


def iter_documents(folder: str | Path) -> Iterator[Document]:
    """Documents of an export folder (its ``docs/`` table), in file order."""
    for row in iter_rows(Path(folder) / "docs", DOC_COLUMNS):
        yield row_document(row)


# -- importing -------------------------------------------------------------------------------------
@dataclass
class ImportSummary:
    docs: int = 0
    already_stored: int = 0
    rejected: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    web_origins: int = 0
    orphan_facts: int = 0
    skipped_tables: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def import_parquet(
    store: Store, folder: str | Path, *, on_problem: Callable[[str], None] | None = None
) -> ImportSummary:
    """Import an export folder (documents, facts, extract_state, web_origins) into ``store``; idempotent.

    Documents whose id is not the content hash of their fields are rejected (named in ``problems``);
    facts whose document is neither in the folder nor in the store are counted as orphans.
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    summary = ImportSummary()

    def problem(msg: str) -> None:
        summary.problems.append(msg)
        if on_problem:
            on_problem(msg)

    _import_docs(store, folder, summary, problem)
    known = {f"facts/{ft.table}": ft for ft in FACT_TABLES.values()}
    for name in manifest.get("tables", {}):
        if name.startswith("facts/") and name not in known:
            summary.skipped_tables.append(name)
            problem(f"{folder / name}: fact table unknown to this version of tealeaves; skipped")
    for name, ft in known.items():
        _import_facts(store, folder / name, ft.table, fact_columns(ft), summary, problem)
    _import_facts(store, folder / "extract_state", "extract_state", STATE_COLUMNS, summary, problem)
    _import_web_origins(store, folder / WEB, summary, problem)
    if any(summary.facts.values()):
        _sync_entities(store)
    return summary


def _sync_entities(store: Store) -> None:
    """Imported mentions point at pack entities: fill the entities table as `tealeaves extract` does."""
    from tealeaves.extract import Pipeline

    pipeline = Pipeline()
    if pipeline.pack_dirs:
        from tealeaves.store.entities import sync_entities

        sync_entities(store, pipeline.kb)


def _import_docs(store: Store, folder: Path, summary: ImportSummary, problem: Callable[[str], None]) -> None:
    from tealeaves.ingest.lang import cjk_share
    from tealeaves.store.loader import (  # the one path documents enter by
        IngestSummary,
        Prepared,
        _BatchWriter,
    )

    ingest = IngestSummary()
    writer = _BatchWriter(store, ingest, None)
    run = writer.start_run([str(folder.resolve())])
    stamps: list[tuple[str, str]] = []

    def flush() -> None:
        writer.flush()
        with store.transaction() as conn:
            conn.executemany("UPDATE docs SET ingested_at = ? WHERE id = ?", stamps)
        stamps.clear()

    try:
        for path, i, row in iter_rows_at(folder / "docs", DOC_COLUMNS):
            doc = row_document(row)
            if doc.id != content_id(doc.source, doc.published, doc.title, doc.body):
                summary.rejected += 1
                problem(
                    f"{path}: row {i} (id {doc.id}): id is not the content hash of its fields; not imported"
                )
                continue
            origin = Origin(row["origin_file"], row["origin_line"])  # type: ignore[arg-type]
            cjk = cjk_share(doc.title + doc.body[:2000]) > 0.3
            writer.take(Prepared(doc, origin, cjk, first_day(doc.published).toordinal()))
            if row["ingested_at"]:
                stamps.append((row["ingested_at"], doc.id))
            if writer.pending >= 2000:
                flush()
        flush()
    finally:
        writer.finish_run(run)
    summary.docs = ingest.stored
    summary.already_stored = ingest.duplicate


def _import_facts(
    store: Store,
    root: Path,
    table: str,
    columns: list[tuple[str, str, bool]],
    summary: ImportSummary,
    problem: Callable[[str], None],
) -> None:
    names = [c for c, _, _ in columns[1:]]
    cols = ", ".join(f'"{c}"' for c in ["doc", *names])
    sql = f"INSERT OR REPLACE INTO {table} ({cols}) VALUES ({', '.join('?' * (len(names) + 1))})"
    n = orphans = 0
    for chunk in _chunks(iter_rows(root, columns), 5000):
        ids = list({r["doc_id"] for r in chunk})
        rowids = _rowids(store, ids)
        rows = []
        for r in chunk:
            rid = rowids.get(r["doc_id"])
            if rid is None:
                orphans += 1
                continue
            rows.append((rid, *(r[c] for c in names)))
        with store.transaction() as conn:
            conn.executemany(sql, rows)
        n += len(rows)
    if orphans:
        summary.orphan_facts += orphans
        problem(
            f"{root}: {orphans} rows refer to documents in neither the folder nor the store; not imported"
        )
    if table != "extract_state":
        summary.facts[table] = n


def _import_web_origins(
    store: Store, root: Path, summary: ImportSummary, problem: Callable[[str], None]
) -> None:
    """Web provenance rows, keyed (doc_id, origin_file, origin_line) as in the store: a copy already
    recorded is kept as it is."""
    names = [c for c, _, _ in WEB_COLUMNS]
    sql = f"INSERT OR IGNORE INTO web_origins ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    orphans = 0
    for chunk in _chunks(iter_rows(root, WEB_COLUMNS), 5000):
        known = _rowids(store, list({r["doc_id"] for r in chunk}))
        rows = [tuple(r[c] for c in names) for r in chunk if r["doc_id"] in known]
        orphans += len(chunk) - len(rows)
        with store.transaction() as conn:
            before = conn.total_changes
            conn.executemany(sql, rows)
            summary.web_origins += conn.total_changes - before
    if orphans:
        summary.orphan_facts += orphans
        problem(
            f"{root}: {orphans} rows refer to documents in neither the folder nor the store; not imported"
        )


def _rowids(store: Store, ids: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(ids), 900):
        part = ids[i : i + 900]
        q = f"SELECT id, rowid FROM docs WHERE id IN ({','.join('?' * len(part))})"
        out.update(dict(store.conn.execute(q, part).fetchall()))
    return out


def _chunks(it: Iterable[dict], n: int) -> Iterator[list[dict]]:
    buf: list[dict] = []
    for x in it:
        buf.append(x)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf
