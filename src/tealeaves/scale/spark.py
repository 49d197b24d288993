"""The Spark engine: the same pure extraction function, scheduled by Apache Spark over Parquet.

``extract_spark`` reads the ``docs/`` table of a Parquet export, runs :func:`scale.engines.fact_rows`
(the function the local engines run) in every partition, and writes every fact table, extract_state
and the per-period aggregations behind timelines (see scale/aggregate.py) in the same Parquet layout.
Local mode (``local[2]``) runs on one machine; the same job runs on a cluster through spark-submit
(docs/spark.md).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from tealeaves.errors import UsageError
from tealeaves.extract import Pipeline
from tealeaves.model import Document
from tealeaves.scale.aggregate import doc_key, write_aggregates
from tealeaves.scale.engines import FAILED, MAX_FAILED_LISTED, EngineSummary, fact_rows, output_tables
from tealeaves.store.parquet import MANIFEST, PARTITION, _prepare_out, manifest_text, read_manifest


def _pyspark():
    try:
        import pyspark  # noqa: F401
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError("the Spark engine needs PySpark: pip install 'tealeaves[spark]'") from None
    return SparkSession


def spark_session(
    master: str | None = "local[2]", app: str = "tealeaves", conf: dict[str, str] | None = None
):
    """A SparkSession. ``master=None`` leaves the master to spark-submit (cluster runs)."""
    SparkSession = _pyspark()
    if master and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # bind to loopback on a laptop
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers use this interpreter
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    b = SparkSession.builder.appName(app)
    if master:
        b = b.master(master)
    defaults = {
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.shuffle.partitions": "8",
        "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
        "spark.sql.parquet.compression.codec": "zstd",
        "spark.driver.memory": "2g",
    }
    for k, v in {**defaults, **(conf or {})}.items():
        b = b.config(k, v)
    try:
        spark = b.getOrCreate()
    except Exception as e:  # Java missing, port binding, ...
        raise UsageError(f"cannot start Spark ({master}): {e}") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def spark_schema(columns: list[tuple[str, str, bool]]):
    from pyspark.sql import types as T

    kinds = {
        "string": T.StringType(),
        "json": T.StringType(),
        "int64": T.LongType(),
        "double": T.DoubleType(),
        "bool": T.BooleanType(),
    }
    fields = [T.StructField(n, kinds[t], nn) for n, t, nn in columns]
    return T.StructType([*fields, T.StructField(PARTITION, T.StringType(), False)])


class _PartitionExtractor:
    """Runs on the executors: Spark rows of ``docs`` -> (table, row + month) for every fact."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline

    def __call__(self, rows: Iterator) -> Iterator[tuple[str, tuple]]:
        missing = [str(p) for p in self.pipeline.pack_dirs if not Path(p).is_dir()]
        if missing:  # fail the job with a reason rather than extract nothing from every document
            raise UsageError(
                f"domain pack folder {', '.join(missing)} not found on this executor: install tealeaves (and "
                "any --pack folders) on the executors, see docs/spark.md"
            )
        for r in rows:
            d = r.asDict()
            doc = Document(
                id=d["id"],
                source=d["source"],
                published=d["published"],
                title=d["title"] or "",
                body=d["body"] or "",
                url=d["url"],
                lang=d["lang"],
                ext_id=d["ext_id"],
                precision=d["precision"] or "day",
            )
            month = d[PARTITION]
            yield "_doc", doc_key(doc)
            for table, items in fact_rows(self.pipeline, doc).items():
                for row in items:
                    yield table, (*row, month)


def extract_spark(
    input_dir: str | Path,
    output_dir: str | Path,
    pipeline: Pipeline | None = None,
    *,
    master: str | None = "local[2]",
    partitions: int | None = None,
    aggregates: bool = True,
    conf: dict[str, str] | None = None,
) -> EngineSummary:
    """Run the extraction pipeline on Spark over ``input_dir/docs`` and write facts to ``output_dir``."""
    from pyspark import StorageLevel

    inp, outp = str(input_dir).rstrip("/"), str(output_dir).rstrip("/")
    if not is_uri(inp):
        read_manifest(Path(inp))
        if not (Path(inp) / "docs").is_dir():
            raise UsageError(f"{inp} has no docs/ table to extract from")
    if not is_uri(outp):
        _prepare_out(Path(outp))
    pipeline = pipeline or Pipeline()
    t0 = time.perf_counter()
    spark = spark_session(master)
    summary = EngineSummary(f"spark[{spark.sparkContext.master}]", out=outp)
    summary.startup_seconds = time.perf_counter() - t0
    t1 = time.perf_counter()
    docs = spark.read.parquet(f"{inp}/docs")
    want = partitions or max(2, spark.sparkContext.defaultParallelism * 2)
    # range partitions keep each task's documents in a few months: few, large output files
    docs = docs.repartitionByRange(want, PARTITION, "id")
    out = docs.rdd.mapPartitions(_PartitionExtractor(pipeline)).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = dict(out.map(lambda x: x[0]).countByValue())
        tables = output_tables(pipeline)
        for name, cols in tables.items():
            rows = out.filter(lambda x, n=name: x[0] == n).map(lambda x: x[1])
            df = spark.createDataFrame(rows, schema=spark_schema(cols))
            df.write.partitionBy(PARTITION).mode("append").parquet(f"{outp}/{name}")
        summary.rows = {name: int(counts.get(name, 0)) for name in tables}
        summary.docs = int(counts.get("_doc", 0))
        summary.failed_count = int(counts.get(FAILED, 0))
        if summary.failed_count:
            summary.failed = (
                out.filter(lambda x: x[0] == FAILED).map(lambda x: x[1][:2]).take(MAX_FAILED_LISTED)
            )
        if aggregates:
            summary.rows.update(write_aggregates(spark, out, outp, tables))
    finally:
        out.unpersist()
    summary.seconds = time.perf_counter() - t1
    text = manifest_text(
        {k: v for k, v in summary.rows.items() if not k.startswith("aggregates/")},
        engine=summary.engine,
        stages=pipeline.versions,
        failed=summary.failed_count,
        failed_examples=[{"doc": d, "error": e} for d, e in summary.failed],
        aggregates={k: v for k, v in summary.rows.items() if k.startswith("aggregates/")},
    )
    write_text(spark, f"{outp}/{MANIFEST}", text)
    return summary


def is_uri(path: str) -> bool:
    """hdfs://, s3a://, gs://, file:// ... : read and written by Spark, not by this process."""
    return "://" in path


def write_text(spark, path: str, text: str) -> None:
    """Write a small text file locally or through Hadoop's FileSystem (for hdfs://, s3a://, ...)."""
    if not is_uri(path):
        Path(path).write_text(text, encoding="utf-8")
        return
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    fs = hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    stream = fs.create(hpath, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()
