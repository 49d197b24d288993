"""extract."""

from __future__ import annotations

import json
import sys

import click

from tealeaves.cli._common import db_option, open_store
from tealeaves.extract import Pipeline
from tealeaves.store.facts import run_extract, stale_docs


@click.command()
@click.option("--stage", "stages", multiple=True, help="Run only these stages (and what they need).")
@click.option("--workers", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("--limit", type=int, default=None, help="At most this many documents (for trying things out).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on for a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@db_option
def extract(stages, workers, limit, progress, as_json, db):
    """Extract facts from every new document (and redo what a changed stage produced)."""
    store = open_store(db, readonly=False)
    pipeline = Pipeline(stages or None)
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


COMMANDS = [extract]
