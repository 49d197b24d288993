"""`tealeaves bench scale`: extraction throughput of the local engines and Spark on the same Parquet input.

The input is built from the shared corpora (full-text sources first) or the bundled sample, exported to
Parquet once; every engine then reads that same folder and writes its facts to its own folder. The
single-process engine is the reference. From the measured per-core rate the command also derives the
cluster needed for a daily volume (see docs/scale.md for the reasoning).
"""

from __future__ import annotations

import math
import tempfile
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from tealeaves.extract import Pipeline
from tealeaves.scale.engines import EngineSummary, extract_local
from tealeaves.store import Store
from tealeaves.store.loader import ingest
from tealeaves.store.parquet import export_parquet

FULLTEXT_CORPORA = ("kcna_fulltext_2011_2012", "kcna_kp_2024", "rodong_sinmun_2021_2022")
HEADROOM = 3.0  # peak hours, retries, skew: provision three times the average rate
EXECUTOR_CORES = 4


@dataclass
class ScaleBench:
    input: str
    docs: int
    stages: dict[str, str]
    results: list[EngineSummary] = field(default_factory=list)
    spark_cores: int = 2

    def rows(self) -> list[dict]:
        ref = self.results[0].docs_per_s or 0
        out = []
        for r in self.results:
            d = r.as_dict()
            d["vs_single"] = round(r.docs_per_s / ref, 2) if ref and r.docs_per_s else None
            out.append(d)
        return out

    def estimate(self, per_day: int) -> dict:
        """Cores and executors needed for ``per_day`` documents/day at the measured Spark per-core rate."""
        spark = next((r for r in self.results if r.engine.startswith("spark")), None)
        rate = (spark.docs_per_s or 0) / self.spark_cores if spark else 0
        if not rate:
            return {"per_day": per_day, "per_core_docs_s": None}
        avg = per_day / 86400
        cores = math.ceil(avg * HEADROOM / rate)
        return {
            "per_day": per_day,
            "average_docs_s": round(avg, 1),
            "per_core_docs_s": round(rate, 1),
            "headroom": HEADROOM,
            "cores": cores,
            "executors": math.ceil(cores / EXECUTOR_CORES),
            "executor_cores": EXECUTOR_CORES,
            "core_hours_per_day": round(per_day / rate / 3600, 1),
        }


def sample_path() -> Path:
    return Path(str(resources.files("tealeaves") / "data" / "sample" / "docs.jsonl.gz"))


def build_input(corpora: Path | None, docs: int, work: Path) -> tuple[Path, int, str]:
    """Ingest full-text corpora (or the bundled sample) and export up to ``docs`` documents to Parquet."""
    paths = [corpora / name for name in FULLTEXT_CORPORA if corpora and (corpora / name).exists()]
    label = ", ".join(p.name for p in paths) if paths else "bundled sample"
    with Store(work / "bench.db") as store:
        ingest(store, paths or [sample_path()])
        conn = store.conn
        n = conn.execute("SELECT count(*) FROM docs").fetchone()[0]
        if n > docs:  # keep a spread of dates: every k-th document
            step = n / docs
            keep = {int(i * step) for i in range(docs)}
            rowids = [r[0] for r in conn.execute("SELECT rowid FROM docs ORDER BY rowid")]
            drop = [(rid,) for i, rid in enumerate(rowids) if i not in keep]
            with store.transaction() as c:
                c.executemany("DELETE FROM docs WHERE rowid = ?", drop)
        out = work / "input"
        summary = export_parquet(store, out)
    return out, summary.tables["docs"], label


def run_scale_bench(
    corpora: Path | None,
    *,
    docs: int = 20000,
    workers: int = 2,
    master: str = "local[2]",
    spark: bool = True,
    log=print,
) -> ScaleBench:
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory(prefix="tealeaves-bench-scale-") as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        inp, n, label = build_input(corpora, docs, work)
        log(f"input: {n:,} documents from {label}, exported to Parquet in {time.perf_counter() - t0:.1f}s")
        bench = ScaleBench(label, n, dict(pipeline.versions))
        log("engine local (single process) ...")
        bench.results.append(extract_local(inp, work / "single", pipeline, workers=1))
        log(f"engine local worker pool ({workers} workers) ...")
        bench.results.append(extract_local(inp, work / "pool", pipeline, workers=workers))
        if spark:
            from tealeaves.scale.spark import extract_spark

            log(f"engine spark {master} ...")
            r = extract_spark(inp, work / "spark", pipeline, master=master, aggregates=False)
            bench.results.append(r)
            if master.startswith("local[") and master[6:-1].isdigit():
                bench.spark_cores = int(master[6:-1])
    return bench
