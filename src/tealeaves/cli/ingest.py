"""ingest, why, migrate."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tealeaves.cli._common import db_option, emit, format_option, open_store
from tealeaves.data import sample_path
from tealeaves.errors import UsageError
from tealeaves.ingest import FieldMap
from tealeaves.model import Rejected
from tealeaves.store.documents import why as why_fn
from tealeaves.store.loader import ingest as ingest_fn


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--sample", is_flag=True, help="Ingest the bundled sample corpus (no PATH needed).")
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="Read FIELD (id, source, published, title, body, url, lang) from COLUMN. Repeatable.",
)
@click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Use VALUE for FIELD when a record lacks it (e.g. --set source=KCNA). Repeatable.",
)
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the input files.")
@click.option("--batch-size", type=int, default=None, help="Records per transaction (setting batch_size).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on for a terminal).")
@click.option(
    "--defer-index",
    is_flag=True,
    help="Leave the rank index behind (bulk loads in several runs); `tealeaves index` catches it up.",
)
@click.option("--quiet", "-q", is_flag=True, help="Do not list rejected records, only the summary.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option(
    "--alerts", "alerts_file", default=None, metavar="FILE", help="Append new alerts here ('-' = stdout)."
)
@click.option(
    "--webhook", default=None, metavar="URL", help="POST each new alert to URL (setting alerts_webhook)."
)
@db_option
def ingest(
    paths,
    sample,
    maps,
    sets,
    encoding,
    batch_size,
    progress,
    defer_index,
    quiet,
    as_json,
    alerts_file,
    webhook,
    db,
):
    """Ingest JSON Lines (.jsonl, .jsonl.gz), CSV/TSV, HTML pages (.html, .html.gz), WARC archives
    (.warc, .warc.gz) and folders of them.

    Web pages: main text, title, date, language and canonical URL are extracted (trafilatura,
    htmldate); the source is the site's name unless --set source=NAME is given; a page without a
    date needs --set published=DATE (a WARC record falls back to its fetch date).

    Exit status: 0 when every record was stored (or was already there), 1 when any record was
    rejected (see `tealeaves why FILE:LINE`), 2 on a usage error.
    """
    paths = list(paths) + ([str(sample_path())] if sample else [])
    if not paths:
        raise UsageError("give at least one PATH (file or folder), or --sample")
    store = open_store(db, readonly=False)
    fmap = FieldMap.parse(maps, sets)
    show_bar = sys.stderr.isatty() if progress is None else progress
    total = sum(_size(p) for p in paths)

    def on_reject(r: Rejected) -> None:
        if not quiet:
            click.echo(f"rejected {r.origin}: {r.reason}: {r.message}", err=True)

    from tqdm import tqdm

    with tqdm(
        total=total, unit="B", unit_scale=True, disable=not show_bar, desc="ingest", file=sys.stderr
    ) as bar:
        summary = ingest_fn(
            store,
            paths,
            fmap,
            encoding=encoding,
            batch_size=batch_size,
            progress=bar.update,
            on_reject=on_reject,
            rank=not defer_index,
        )
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=2))
    else:
        s = summary
        extra = f" ({s.already_stored} already stored)" if s.already_stored else ""
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(s.reasons.items()))
        click.echo(
            f"read {s.read:,}  stored {s.stored:,}  duplicate {s.duplicate:,}{extra}  "
            f"rejected {s.rejected:,}{' (' + reasons + ')' if reasons else ''}  "
            f"in {s.seconds:.1f}s"
            + (f" (+{s.rank_index_seconds:.1f}s rank index)" if s.rank_index_seconds >= 0.05 else "")
            + f" -> {store.path}"
        )
        if s.rank_index_note:
            click.echo(s.rank_index_note, err=True)
        if s.skipped:
            click.echo(
                f"skipped {sum(s.skipped.values()):,} non-article record(s): "
                + ", ".join(f"{k} {v:,}" for k, v in sorted(s.skipped.items()))
            )
        if s.skipped_files:
            click.echo(
                f"skipped {len(s.skipped_files)} file(s) with no reader: "
                + ", ".join(Path(f).name for f in s.skipped_files[:5])
                + (" …" if len(s.skipped_files) > 5 else "")
            )
    _alert(store, alerts_file, webhook)
    sys.exit(summary.exit_code)


def _alert(store, alerts_file: str | None, webhook: str | None) -> None:
    """Watchlists look at what this ingest stored (see `tealeaves watchlist`)."""
    from tealeaves.store.alerts import check_alerts, deliver

    new = check_alerts(store)
    if new:
        d = deliver(store, new, file=alerts_file, webhook=webhook, echo=click.echo)
        where = " (written to alerts file)" if d.written else " (see `tealeaves alerts`)"
        click.echo(
            f"alerts {len(new)}{where}" + (f"; webhook failed {d.webhook_failed}" if d.webhook_failed else "")
        )


def _size(p: str) -> int:
    path = Path(p)
    if path.is_file():
        return path.stat().st_size
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return 0


@click.command()
@click.argument("target")
@format_option
@db_option
def why(target, fmt, db):
    """Say what happened to a document id, an input id, or an input record FILE:LINE."""
    rows = why_fn(open_store(db), target)
    if fmt == "table":
        for r in rows:
            click.echo(f"{r['origin']}: {r['detail']}")
        return
    emit(rows, fmt, ["status", "origin", "id", "reason", "detail"])


@click.command()
@db_option
def migrate(db):
    """Create the store or bring its schema up to date."""
    store = open_store(db, readonly=False)
    names = store.migrate()
    n = store.conn.execute("SELECT count(*) FROM _migrations").fetchone()[0]
    click.echo(
        f"{store.path}: schema at {n} migrations" + (f" (applied {', '.join(names)})" if names else "")
    )


@click.command()
@click.option("--rebuild", is_flag=True, help="Drop the rank index and build it again from the store.")
@db_option
def index(rebuild, db):
    """Catch the rank index (ranked search at scale) up with the store, or rebuild it."""
    from tealeaves.store.rankindex import rank_index

    store = open_store(db, readonly=False)
    rx = rank_index(store)
    if rx is None:
        raise UsageError("the rank index is off (setting rank_index=off, or the tantivy package is missing)")
    if rebuild:
        rx.drop()
    done = rx.catch_up()
    if done.skipped:
        raise UsageError(done.skipped)
    click.echo(
        f"rank index: {done.indexed:,} documents indexed in {done.seconds:.1f}s; "
        f"{'up to date' if rx.current() else 'behind the store'}"
    )


COMMANDS = [ingest, why, migrate, index]
