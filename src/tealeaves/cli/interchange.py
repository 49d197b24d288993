"""export, import: the Parquet interchange format (docs/parquet.md)."""

from __future__ import annotations

import json

import click

from tealeaves.cli._common import db_option, open_store
from tealeaves.dates import parse_bound
from tealeaves.store.parquet import export_parquet, import_parquet


@click.command("export")
@click.argument("out", type=click.Path(file_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet"]),
    default="parquet",
    show_default=True,
    help="File format.",
)
@click.option("--from", "date_from", metavar="DATE", help="Only documents from this date.")
@click.option("--to", "date_to", metavar="DATE", help="Only documents up to this date (inclusive).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@db_option
def export_cmd(out, fmt, date_from, date_to, as_json, db):
    """Export documents, facts, extraction state and web provenance to OUT (a new or empty folder).

    Parquet files partitioned by month (OUT/docs/month=YYYY-MM/...); facts refer to documents by content
    id, so an export imports into any store. Schema: docs/parquet.md.
    """
    summary = export_parquet(
        open_store(db),
        out,
        date_from=parse_bound(date_from, end=False),
        date_to=parse_bound(date_to, end=True),
    )
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=2))
        return
    tables = ", ".join(f"{k} {v:,}" for k, v in summary.tables.items())
    click.echo(f"exported to {summary.out}: {tables}")


@click.command("import")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@db_option
def import_cmd(folder, as_json, db):
    """Import a Parquet folder written by `tealeaves export` or an engine run (`extract --engine`).

    Idempotent: documents already stored are counted, not duplicated; facts replace the same facts.
    Exit status 1 when any row was rejected (each is named on stderr).
    """
    store = open_store(db, readonly=False)
    summary = import_parquet(store, folder, on_problem=lambda m: click.echo(f"problem: {m}", err=True))
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=2))
    else:
        facts = ", ".join(f"{k} {v:,}" for k, v in summary.facts.items()) or "no facts"
        web = f"; web provenance {summary.web_origins:,}" if summary.web_origins else ""
        click.echo(
            f"imported {summary.docs:,} documents ({summary.already_stored:,} already stored, "
            f"{summary.rejected:,} rejected); {facts}{web} -> {store.path}"
        )
    if summary.rejected or summary.orphan_facts:
        raise SystemExit(1)


COMMANDS = [export_cmd, import_cmd]
