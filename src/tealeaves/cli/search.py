"""search, show."""

from __future__ import annotations

import json

import click

from tealeaves.cli._common import (
    db_option,
    emit,
    filter_options,
    format_option,
    highlight,
    make_filters,
    open_store,
)
from tealeaves.store.documents import get_document
from tealeaves.store.query import Query
from tealeaves.store.search import SORTS, count
from tealeaves.store.search import search as search_fn
from tealeaves.store.web import describe, web_origins


@click.command()
@click.argument("query")
@filter_options
@click.option(
    "--sort",
    type=click.Choice(SORTS),
    default="relevance",
    show_default=True,
    help="relevance (BM25, titles weigh more), date (newest first) or date-asc.",
)
@click.option("--limit", type=int, default=10, show_default=True, help="Hits per page.")
@click.option("--offset", type=int, default=0, show_default=True, help="Hits to skip (paging).")
@click.option("--count", "with_count", is_flag=True, help="Also print how many documents match in all.")
@format_option
@db_option
def search(query, sources, langs, date_from, date_to, sort, limit, offset, with_count, fmt, db):
    """Search documents: words, "exact phrases", AND/OR/NOT, -word, prefix*, title:/body: filters.

    \b
    Examples:
      tealeaves search '"arduous march"'
      tealeaves search 'Kanggye AND (spirit OR speed)' --from 1998 --to 2002
      tealeaves search 'juche*' --source KCNA --lang es --sort date
    """
    store = open_store(db)
    q = Query.parse(query)
    f = make_filters(sources, langs, date_from, date_to)
    hits = search_fn(store, q, f, sort=sort, limit=limit, offset=offset)
    if fmt == "table":
        rows = [
            {"published": h.published, "source": h.source, "id": h.id[:12], "snippet": highlight(h.snippet)}
            for h in hits
        ]
        emit(rows, fmt, ["published", "source", "id", "snippet"], widths={"source": 14, "snippet": 60})
        if with_count:
            click.echo(f"{count(store, q, f):,} documents match")
        return
    marks = ("<mark>", "</mark>") if fmt == "json" else ("[", "]")
    rows = [h.as_dict(marks) for h in hits]
    emit(rows, fmt, ["id", "source", "published", "title", "snippet", "url", "lang", "score"])


@click.command()
@click.argument("doc_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def show(doc_id, fmt, db):
    """Print one document (by id, input id, or id prefix)."""
    store = open_store(db)
    sd = get_document(store, doc_id)
    if fmt == "json":
        click.echo(json.dumps(sd.as_dict(store), ensure_ascii=False, indent=2))
        return
    d = sd.doc
    click.echo(click.style(d.title or "(no title)", bold=True))
    meta = [f"id {d.id}", f"{d.source}", f"{d.published}", f"lang {d.lang or '?'}"]
    if d.ext_id:
        meta.append(f"input id {d.ext_id}")
    click.echo("  ".join(meta))
    if d.url:
        click.echo(d.url)
    if sd.origin_file:
        click.echo(f"from {sd.origin_file}:{sd.origin_line}")
    for o in web_origins(store, d.id):
        click.echo(describe(o))
    click.echo()
    click.echo(d.body or "(headline only: no body text)")


COMMANDS = [search, show]
