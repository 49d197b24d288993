"""The Spark engine (real PySpark, local mode) produces the facts the local engines produce, and Spark's
per-period aggregations equal the store's timelines. Started by the test; Java 17 must be installed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tealeaves.analyze.terms import term_query
from tealeaves.analyze.timeline import timeline
from tealeaves.extract import Pipeline
from tealeaves.scale.engines import extract_local, output_tables
from tealeaves.store import Store
from tealeaves.store.facts import run_extract
from tealeaves.store.loader import ingest
from tealeaves.store.parquet import export_parquet, iter_rows

TERMS = ["Kim Jong Il", "Arduous March", "party", "년"]


@pytest.fixture(scope="module")
def subset(tmp_path_factory, sample_docs) -> Path:
    """Every 12th document of the bundled sample (all its sources and languages), as a store and an export."""
    tmp = tmp_path_factory.mktemp("spark")
    path = tmp / "subset.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for rec in sample_docs[::12]:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with Store(tmp / "subset.db") as store:
        ingest(store, [path])
        export_parquet(store, tmp / "docs")  # documents only: nothing extracted yet
        run_extract(store, Pipeline())
        export_parquet(store, tmp / "store")  # the store engine's facts
    return tmp


@pytest.fixture(scope="module")
def spark_out(subset):
    """`tealeaves extract --engine spark --master local[2] --input DIR --output DIR`, in this process."""
    from click.testing import CliRunner

    from tealeaves.cli import cli
    from tealeaves.scale.spark import spark_session

    args = ["extract", "--engine", "spark", "--master", "local[2]", "--json"]
    r = CliRunner().invoke(cli, [*args, "--input", str(subset / "docs"), "--output", str(subset / "spark")])
    assert r.exit_code == 0, r.output
    yield json.loads(r.output[r.output.index("{") :])
    spark_session("local[2]").stop()


def _same_facts(a: Path, b: Path) -> None:
    for name, cols in output_tables(Pipeline()).items():
        want = _rows(a, name, cols)
        assert want, name
        assert _rows(b, name, cols) == want, name


def _rows(folder: Path, name: str, cols) -> list[tuple]:
    return sorted(tuple(r.values()) for r in iter_rows(folder / name, cols))


def test_spark_and_local_engines_produce_identical_facts(subset, spark_out):
    local = extract_local(subset / "docs", subset / "local", workers=1)
    pool = extract_local(subset / "docs", subset / "pool", workers=2)
    assert spark_out["docs"] == local.docs == pool.docs > 250
    _same_facts(subset / "local", subset / "spark")
    _same_facts(subset / "local", subset / "pool")
    _same_facts(subset / "local", subset / "store")  # and the store engine (run_extract + export)


def test_the_same_job_through_spark_submit(subset, spark_out, tmp_path):
    """The documented cluster route: spark-submit of scale/submit.py with the executors' Python holding
    tealeaves installed (here this virtualenv, with a local master)."""
    import os
    import subprocess
    import sys

    import pyspark

    from tealeaves.scale import submit

    spark_submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1"}
    cmd = [str(spark_submit), "--master", "local[2]", "--conf", f"spark.pyspark.python={sys.executable}"]
    cmd += [submit.__file__, "extract"]
    cmd += ["--input", str(subset / "docs"), "--output", str(tmp_path / "out"), "--no-aggregates"]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert json.loads(r.stdout)["docs"] == spark_out["docs"]
    _same_facts(subset / "spark", tmp_path / "out")


def test_spark_output_imports_into_a_store(subset, spark_out, tmp_path):
    from tealeaves.store.parquet import import_parquet

    with Store(tmp_path / "n.db") as store:
        import_parquet(store, subset / "docs")
        s = import_parquet(store, subset / "spark")
        facts = sum(n for k, n in spark_out["rows"].items() if k.startswith("facts/"))
        assert s.orphan_facts == 0 and sum(s.facts.values()) == facts > 0
        assert run_extract(store, Pipeline()).docs == 0  # extract_state came along: nothing to redo


def test_spark_day_counts_equal_the_store(subset, spark_out):
    import pyarrow.parquet as pq

    t = pq.read_table(subset / "spark" / "aggregates" / "day_counts").to_pylist()
    got = {}
    for r in t:
        got[r["day"]] = got.get(r["day"], 0) + r["n"]
    with Store(subset / "subset.db", readonly=True) as store:
        import datetime as dt

        want = {
            dt.date.fromordinal(d).isoformat(): n
            for d, n in store.conn.execute("SELECT day, sum(n) FROM day_counts GROUP BY day")
        }
    assert got == want


@pytest.mark.parametrize("by", ["year", "month"])
def test_spark_timeline_equals_the_store_timeline(subset, spark_out, by):
    from tealeaves.scale.aggregate import spark_timeline

    got = [p.as_dict() for p in spark_timeline(subset / "docs", TERMS, by=by, master="local[2]")]
    with Store(subset / "subset.db", readonly=True) as store:
        want = [p.as_dict() for p in timeline(store, [(t, term_query(t)) for t in TERMS], by=by)]
    assert got == want
    assert all(any(p["count"] for p in want if p["term"] == t) for t in TERMS)
