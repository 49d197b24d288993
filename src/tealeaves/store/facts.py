"""Persisting facts: one table per fact kind, rows written per (document, stage), incrementally.

``FACT_TABLES`` maps a fact kind to its table and dataclass; a fact's dataclass fields are the
table's columns after ``doc``, and every table also has ``stage`` and ``version``.
Extending: add the dataclass (model.py), a migration creating the table, and an entry here.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from tealeaves.extract import Pipeline
from tealeaves.model import Definition, Document, Event, Mention, Quote, Sentence
from tealeaves.store.db import Store


@dataclass(frozen=True)
class FactTable:
    table: str
    type: type

    @property
    def fields(self) -> list[str]:
        return [f.name for f in dataclasses.fields(self.type)]


FACT_TABLES: dict[str, FactTable] = {
    "sentence": FactTable("sentences", Sentence),
    "mention": FactTable("mentions", Mention),
    "quote": FactTable("quotes", Quote),
    "definition": FactTable("definitions", Definition),
    "event": FactTable("events", Event),
}


def _cell(v: Any) -> Any:
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


def fact_row(fact: Any) -> tuple:
    return tuple(_cell(getattr(fact, f.name)) for f in dataclasses.fields(fact))


@dataclass
class ExtractSummary:
    docs: int = 0
    facts: dict[str, int] = dataclasses.field(default_factory=dict)
    seconds: float = 0.0
    stages: dict[str, str] = dataclasses.field(default_factory=dict)
    failed: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (document id, error)
    entities: int = 0

    def as_dict(self) -> dict:
        return {
            "docs": self.docs,
            "failed": [{"doc": d, "error": e} for d, e in self.failed],
            "entities": self.entities,
            "facts": self.facts,
            "seconds": round(self.seconds, 3),
            "docs_per_s": round(self.docs / self.seconds, 1) if self.seconds else None,
            "stages": self.stages,
        }


def load_document(store: Store, rowid: int) -> Document | None:
    row = store.conn.execute(
        "SELECT d.id, s.name, d.published, d.title, d.body, d.url, d.lang, d.ext_id, d.precision "
        "FROM docs d JOIN sources s ON s.id = d.source_id WHERE d.rowid = ?",
        (rowid,),
    ).fetchone()
    return Document(*row) if row else None


def stale_docs(store: Store, pipeline: Pipeline, limit: int | None = None) -> list[int]:
    """Rowids of documents where some stage's recorded version differs from the pipeline's."""
    conds = " OR ".join(
        "NOT EXISTS (SELECT 1 FROM extract_state e WHERE e.doc = d.rowid AND e.stage = ? AND e.version = ?)"
        for _ in pipeline.versions
    )
    params: list = [x for kv in pipeline.versions.items() for x in kv]
    sql = f"SELECT d.rowid FROM docs d WHERE {conds} ORDER BY d.rowid"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in store.conn.execute(sql, params)]


def iter_documents(store: Store, rowids: list[int], chunk: int = 500) -> Iterator[tuple[int, Document]]:
    for i in range(0, len(rowids), chunk):
        part = rowids[i : i + chunk]
        rows = store.conn.execute(
            "SELECT d.rowid, d.id, s.name, d.published, d.title, d.body, d.url, d.lang, d.ext_id, "
            "d.precision FROM docs d JOIN sources s ON s.id = d.source_id "
            f"WHERE d.rowid IN ({','.join('?' * len(part))}) "
            "ORDER BY d.rowid",
            part,
        ).fetchall()
        for r in rows:
            yield r[0], Document(*r[1:])


def write_facts(
    conn, pipeline: Pipeline, rowid: int, facts: dict[str, list], summary: ExtractSummary
) -> None:
    """Replace the facts of every stage of ``pipeline`` for one document."""
    produced_by = pipeline.produced_by()
    for kind, items in facts.items():
        ft = FACT_TABLES.get(kind)
        if ft is None:
            continue  # a kind with no table (intermediate facts) is not persisted
        st = produced_by[kind]
        version = pipeline.versions[st]
        conn.execute(f"DELETE FROM {ft.table} WHERE doc = ? AND stage = ?", (rowid, st))
        cols = ", ".join(f'"{c}"' for c in ["doc", *ft.fields, "stage", "version"])
        marks = ", ".join("?" * (len(ft.fields) + 3))
        conn.executemany(
            f"INSERT OR REPLACE INTO {ft.table} ({cols}) VALUES ({marks})",
            [(rowid, *fact_row(f), st, version) for f in items],
        )
        summary.facts[kind] = summary.facts.get(kind, 0) + len(items)
    conn.executemany(
        "INSERT OR REPLACE INTO extract_state (doc, stage, version) VALUES (?, ?, ?)",
        [(rowid, name, v) for name, v in pipeline.versions.items()],
    )


class _Guarded:
    """Runs the pipeline on one document; an exception becomes an error message, not a lost batch."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline

    def __call__(self, doc: Document) -> tuple[dict | None, str | None]:
        try:
            return self.pipeline(doc), None
        except Exception as e:  # a stage bug on one document must not stop the others
            return None, f"{type(e).__name__}: {e}"


def run_extract(
    store: Store,
    pipeline: Pipeline | None = None,
    *,
    batch: int = 500,
    workers: int = 1,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExtractSummary:
    """Extract facts for every new document, or every document a changed stage has to redo."""
    pipeline = pipeline or Pipeline()
    summary = ExtractSummary(stages=dict(pipeline.versions))
    if pipeline.pack_dirs:
        from tealeaves.store.entities import sync_entities

        summary.entities = sync_entities(store, pipeline.kb)
    t0 = time.perf_counter()
    todo = stale_docs(store, pipeline, limit)
    pool = None
    if workers > 1:
        import multiprocessing as mp

        pool = mp.get_context("fork").Pool(workers)
    try:
        for i in range(0, len(todo), batch):
            docs = list(iter_documents(store, todo[i : i + batch]))
            guarded = _Guarded(pipeline)
            if pool is not None:
                results = pool.map(
                    guarded, [d for _, d in docs], chunksize=max(1, len(docs) // (workers * 4))
                )
            else:
                results = [guarded(d) for _, d in docs]
            with store.transaction() as conn:
                for (rowid, doc), (facts, error) in zip(docs, results, strict=True):
                    if error is not None:
                        summary.failed.append((doc.id, error))  # left stale: retried by the next run
                        continue
                    write_facts(conn, pipeline, rowid, facts, summary)
            summary.docs += len(docs)
            if progress:
                progress(len(docs))
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    summary.seconds = time.perf_counter() - t0
    return summary


def _decode(annotation: object, value: Any) -> Any:
    if isinstance(value, str) and any(t in str(annotation) for t in ("list", "tuple", "dict")):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def document_facts(store: Store, rowid: int) -> dict[str, list[dict]]:
    """Every stored fact of one document, per kind, as dicts ordered by start (for display and the API)."""
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    out: dict[str, list[dict]] = {}
    for kind, ft in FACT_TABLES.items():
        if ft.table not in tables:
            continue
        fields = dataclasses.fields(ft.type)
        cols = ", ".join(f'"{f.name}"' for f in fields)
        rows = store.conn.execute(
            f'SELECT {cols}, stage, version FROM {ft.table} WHERE doc = ? ORDER BY "start", "end"', (rowid,)
        )
        out[kind] = [
            {
                **{f.name: _decode(f.type, v) for f, v in zip(fields, r, strict=False)},
                "stage": r[-2],
                "version": r[-1],
            }
            for r in rows
        ]
    return out
