"""extract."""

from __future__ import annotations

import json
import sys

import click

from tealeaves.cli._common import db_option, open_store
from tealeaves.errors import UsageError
from tealeaves.extract import Pipeline
from tealeaves.scale.engines import ENGINES, run_engine
from tealeaves.store.facts import run_extract, stale_docs


@click.command()
@click.option("--stage", "stages", multiple=True, help="Run only these stages (and what they need).")
@click.option("--workers", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("--limit", type=int, default=None, help="At most this many documents (for trying things out).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on for a terminal).")
@click.option(
    "--pack",
    "packs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="An extra domain-pack folder (repeatable; also the `packs` setting, TEALEAVES_PACKS).",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="store",
    show_default=True,
    help="store: new documents of --db, incrementally. local / spark: a Parquet folder (--input) to another "
    "(--output), in this process or worker pool, or on Apache Spark (docs/spark.md).",
)
@click.option("--input", "input_dir", type=click.Path(file_okay=False), help="Parquet folder (`export`).")
@click.option("--output", "output_dir", type=click.Path(file_okay=False), help="New folder for the facts.")
@click.option(
    "--master",
    default="local[2]",
    show_default=True,
    help="Spark master (local[N], spark://HOST:7077, yarn, k8s://...); 'submit': left to spark-submit.",
)
@click.option("--partitions", type=int, default=None, help="Spark partitions (default 2 x cores).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@db_option
def extract(
    stages, workers, limit, progress, packs, engine, input_dir, output_dir, master, partitions, as_json, db
):
    """Extract facts from every new document (and redo what a changed stage produced).

    Facts: sentences, mentions of people/organisations/places resolved to the domain packs' entities,
    quotes with speakers, definitions, leader appearances and meetings. Incremental: only documents
    that are new, or whose facts a changed stage or pack must redo, are processed.

    With --engine local or spark, read the documents of a Parquet export (--input) and write the facts
    as Parquet (--output); `tealeaves import OUTPUT` loads them into a store.
    """
    pipeline = Pipeline(stages or None, packs=packs)
    if engine != "store":
        _engine(engine, pipeline, input_dir, output_dir, workers, master, partitions, as_json)
        return
    if input_dir or output_dir:
        raise UsageError("--input/--output go with --engine local or --engine spark")
    store = open_store(db, readonly=False)
    todo = len(stale_docs(store, pipeline, limit))
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    with tqdm(total=todo, unit="doc", disable=not show, desc="extract", file=sys.stderr) as bar:
        summary = run_extract(store, pipeline, workers=workers, limit=limit, progress=bar.update)
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=2))
        return
    facts = ", ".join(f"{k} {v:,}" for k, v in summary.facts.items()) or "nothing new"
    rate = f" ({summary.docs / summary.seconds:,.0f} docs/s)" if summary.seconds and summary.docs else ""
    click.echo(f"extracted {summary.docs:,} documents in {summary.seconds:.1f}s{rate}: {facts}")
    for doc_id, error in summary.failed[:20]:
        click.echo(f"failed: document {doc_id}: {error}", err=True)
    if summary.failed:
        click.echo(
            f"{len(summary.failed)} documents failed and stay pending (run again after a fix)", err=True
        )


def _engine(engine, pipeline, input_dir, output_dir, workers, master, partitions, as_json) -> None:
    if not input_dir or not output_dir:
        raise UsageError(f"--engine {engine} needs --input DIR (a Parquet export) and --output DIR")
    summary = run_engine(
        engine,
        input_dir,
        output_dir,
        pipeline,
        workers=workers,
        master=None if master == "submit" else master,
        partitions=partitions,
    )
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=2))
        return
    rows = ", ".join(f"{k} {v:,}" for k, v in summary.rows.items())
    rate = f" ({summary.docs_per_s:,.0f} docs/s)" if summary.docs_per_s else ""
    click.echo(
        f"{summary.engine}: extracted {summary.docs:,} documents in {summary.seconds:.1f}s{rate}: {rows} "
        f"-> {summary.out}"
    )
    for doc_id, error in summary.failed[:20]:
        click.echo(f"failed: document {doc_id}: {error}", err=True)
    if summary.failed:
        click.echo(f"{len(summary.failed)} documents failed: no facts written for them", err=True)


COMMANDS = [extract]
