"""The local engines over Parquet: one process or a worker pool, the reference the Spark engine matches.

``fact_rows`` turns one document into Parquet rows of every fact table; the local engines and the Spark
engine (scale/spark.py) both call it, so the only difference between them is who schedules the work.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tealeaves.errors import UsageError
from tealeaves.extract import Pipeline
from tealeaves.model import Document
from tealeaves.store.facts import FACT_TABLES
from tealeaves.store.parquet import (
    STATE_COLUMNS,
    PartitionedWriter,
    _prepare_out,
    fact_columns,
    fact_values,
    iter_documents,
    month_of,
    read_manifest,
    write_manifest,
)

STATE = "extract_state"
FAILED = "_failed"  # (doc id, error) of a document the pipeline raised on: no facts, no state written


def output_tables(pipeline: Pipeline) -> dict[str, list[tuple[str, str, bool]]]:
    """Parquet tables an extraction run writes: one per persisted fact kind, plus extract_state."""
    out = {}
    for kind in pipeline.produced_by():
        ft = FACT_TABLES.get(kind)
        if ft is not None:
            out[f"facts/{ft.table}"] = fact_columns(ft)
    out[STATE] = STATE_COLUMNS
    return out


def fact_rows(pipeline: Pipeline, doc: Document) -> dict[str, list[tuple]]:
    """{table: rows} for one document: every persisted fact, and the stage versions that made them.

    A document the pipeline raises on yields only ``{FAILED: [(doc id, error)]}`` (as the store engine,
    it stays without extract_state, so the next run retries it); the other documents go on.
    """
    try:
        facts = pipeline(doc)
    except Exception as e:  # a stage bug on one document must not stop the others
        return {FAILED: [(doc.id, f"{type(e).__name__}: {e}")]}
    produced_by = pipeline.produced_by()
    out: dict[str, list[tuple]] = {}
    for kind, items in facts.items():
        ft = FACT_TABLES.get(kind)
        if ft is None:
            continue  # intermediate facts are not persisted
        st = produced_by[kind]
        version = pipeline.versions[st]
        out[f"facts/{ft.table}"] = [fact_values(ft, doc.id, f, st, version) for f in items]
    out[STATE] = [(doc.id, name, v) for name, v in sorted(pipeline.versions.items())]
    return out


@dataclass
class EngineSummary:
    engine: str
    docs: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    startup_seconds: float = 0.0
    out: str = ""
    failed: list[tuple[str, str]] = field(default_factory=list)
    failed_count: int = 0

    @property
    def docs_per_s(self) -> float | None:
        return self.docs / self.seconds if self.seconds else None

    def as_dict(self) -> dict:
        rate = self.docs_per_s
        return {
            "engine": self.engine,
            "docs": self.docs,
            "rows": self.rows,
            "seconds": round(self.seconds, 3),
            "startup_seconds": round(self.startup_seconds, 3),
            "docs_per_s": round(rate, 1) if rate else None,
            "failed": self.failed_count,
            "failed_examples": [{"doc": d, "error": e} for d, e in self.failed],
            "out": self.out,
        }


def _batches(docs: Iterator[Document], n: int) -> Iterator[list[Document]]:
    buf: list[Document] = []
    for d in docs:
        buf.append(d)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf


def extract_local(
    input_dir: str | Path,
    output_dir: str | Path,
    pipeline: Pipeline | None = None,
    *,
    workers: int = 1,
    batch: int = 1000,
    progress: Callable[[int], None] | None = None,
) -> EngineSummary:
    """Extract facts from the documents of a Parquet export into a new Parquet folder, locally."""
    input_dir, output_dir = Path(input_dir), Path(output_dir)
    read_manifest(input_dir)
    if workers < 1:
        raise UsageError("--workers must be 1 or more")
    pipeline = pipeline or Pipeline()
    _prepare_out(output_dir)
    tables = output_tables(pipeline)
    writers = {name: PartitionedWriter(output_dir / name, cols) for name, cols in tables.items()}
    summary = EngineSummary("local" if workers == 1 else f"pool[{workers}]", out=str(output_dir))
    t0 = time.perf_counter()
    pool = None
    if workers > 1:
        import multiprocessing as mp

        pool = mp.get_context("fork").Pool(workers)
    try:
        for docs in _batches(iter_documents(input_dir), batch):
            if pool is not None:
                chunk = max(1, len(docs) // (workers * 4))
                results = pool.map(_Rows(pipeline), docs, chunksize=chunk)
            else:
                results = [fact_rows(pipeline, d) for d in docs]
            for doc, rows in zip(docs, results, strict=True):
                month = month_of(doc.published)
                if FAILED in rows:
                    summary.failed_count += 1
                    if len(summary.failed) < MAX_FAILED_LISTED:
                        summary.failed += rows[FAILED]
                    continue
                for name, items in rows.items():
                    for r in items:
                        writers[name].add(month, r)
            summary.docs += len(docs)
            if progress:
                progress(len(docs))
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    for w in writers.values():
        w.flush()
    summary.seconds = time.perf_counter() - t0
    summary.rows = {name: w.count for name, w in writers.items()}
    write_manifest(
        output_dir,
        summary.rows,
        engine=summary.engine,
        stages=pipeline.versions,
        failed=summary.failed_count,
        failed_examples=[{"doc": d, "error": e} for d, e in summary.failed],
    )
    return summary


class _Rows:
    """Picklable ``doc -> fact_rows(pipeline, doc)`` for the worker pool."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline

    def __call__(self, doc: Document) -> dict[str, list[tuple]]:
        return fact_rows(self.pipeline, doc)


ENGINES = ("store", "local", "spark")
MAX_FAILED_LISTED = 100


def run_engine(
    engine: str,
    input_dir: str | Path,
    output_dir: str | Path,
    pipeline: Pipeline | None = None,
    *,
    workers: int = 1,
    master: str | None = "local[2]",
    partitions: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> EngineSummary:
    """Run extraction over a Parquet folder with the ``local`` engine (1 or more workers) or ``spark``."""
    if engine == "local":
        return extract_local(input_dir, output_dir, pipeline, workers=workers, progress=progress)
    if engine == "spark":
        from tealeaves.scale.spark import extract_spark

        return extract_spark(input_dir, output_dir, pipeline, master=master, partitions=partitions)
    raise UsageError(f"unknown engine {engine!r} for Parquet input; choose local or spark")
