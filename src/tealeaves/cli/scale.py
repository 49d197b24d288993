"""aggregate, bench scale: engines over Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import click

from tealeaves.analyze.timeline import PERIODS
from tealeaves.cli._common import emit, format_option
from tealeaves.cli.bench import bench


@click.command()
@click.argument("terms", nargs=-1, required=True)
@click.option("--input", "input_dir", required=True, type=click.Path(file_okay=False), help="Parquet export.")
@click.option("--by", type=click.Choice(PERIODS), default="month", show_default=True, help="Period length.")
@click.option(
    "--master", default="local[2]", show_default=True, help="Spark master; 'submit': from spark-submit."
)
@click.option("--nonzero", is_flag=True, help="Table/CSV: only periods where a term occurs.")
@format_option
def aggregate(terms, input_dir, by, master, nonzero, fmt):
    """Timeline of each phrase TERM computed by Spark over a Parquet export (as `tealeaves timeline`).

    Documents mentioning the phrase per period, all documents per period, and the share; phrases are
    matched as the store's full-text index matches them.
    """
    from tealeaves.scale.aggregate import spark_timeline

    points = spark_timeline(input_dir, list(terms), by=by, master=None if master == "submit" else master)
    rows = [p.as_dict() for p in points if not nonzero or p.count or fmt == "json"]
    emit(rows, fmt, ["term", "period", "count", "total", "share"])


@click.command("scale")
@click.option("--corpora", type=click.Path(file_okay=False), default="../shared/corpora", show_default=True)
@click.option("--docs", type=int, default=20000, show_default=True, help="Documents in the input.")
@click.option("--workers", type=int, default=2, show_default=True, help="Workers of the local pool.")
@click.option("--master", default="local[2]", show_default=True, help="Spark master.")
@click.option("--no-spark", is_flag=True, help="Measure the local engines only.")
@click.option("--json", "as_json", is_flag=True)
def bench_scale(corpora, docs, workers, master, no_spark, as_json):
    """Extraction docs/s: single process (reference), worker pool, Spark; same Parquet input.

    Also prints the cluster size these figures imply for 1M and 100M documents a day.
    """
    from tealeaves.bench.scale import run_scale_bench

    path = Path(corpora)
    if not path.exists():
        click.echo(f"{corpora} not found: using the bundled sample", err=True)
    log = (lambda m: click.echo(m, err=True)) if as_json else click.echo
    b = run_scale_bench(
        path if path.exists() else None,
        docs=docs,
        workers=workers,
        master=master,
        spark=not no_spark,
        log=log,
    )
    estimates = [b.estimate(n) for n in (1_000_000, 100_000_000)]
    if as_json:
        out = {
            "input": b.input,
            "docs": b.docs,
            "stages": b.stages,
            "engines": b.rows(),
            "estimates": estimates,
        }
        click.echo(json.dumps(out, indent=2))
        return
    click.echo(f"stages: {', '.join(f'{k} {v}' for k, v in b.stages.items())}")
    emit(b.rows(), "table", ["engine", "docs", "seconds", "startup_seconds", "docs_per_s", "vs_single"])
    for e in estimates:
        if e.get("per_core_docs_s"):
            click.echo(
                f"{e['per_day']:>11,} docs/day: average {e['average_docs_s']:,} docs/s; at "
                f"{e['per_core_docs_s']:,} docs/s per core x{e['headroom']:.0f} headroom -> {e['cores']:,} "
                f"cores ({e['executors']:,} executors of {e['executor_cores']} cores); "
                f"{e['core_hours_per_day']:,} core-hours/day"
            )


bench.add_command(bench_scale)

COMMANDS = [aggregate]
