"""timeline, first."""

from __future__ import annotations

import click

from tealeaves.analyze.first import first_use
from tealeaves.analyze.plot import plot_timeline
from tealeaves.analyze.stories import UNITS, timeline_per
from tealeaves.analyze.terms import term_query
from tealeaves.analyze.timeline import PERIODS
from tealeaves.analyze.timeline import timeline as timeline_fn
from tealeaves.cli._common import (
    db_option,
    emit,
    filter_options,
    format_option,
    highlight,
    make_filters,
    open_store,
)
from tealeaves.errors import UsageError


@click.command()
@click.argument("terms", nargs=-1, required=True)
@click.option("--by", type=click.Choice(PERIODS), default="month", show_default=True, help="Period length.")
@filter_options
@click.option("--split-sources", "split", is_flag=True, help="One series per source.")
@click.option(
    "--plot", "plot", type=click.Path(dir_okay=False), help="Also draw the chart to FILE.png or FILE.svg."
)
@click.option("--nonzero", is_flag=True, help="Table/CSV: only periods where a term occurs.")
@click.option(
    "--per",
    type=click.Choice(UNITS),
    default="document",
    show_default=True,
    help="Count documents, groups of copies (a reprint counts once), or stories (docs/stories.md).",
)
@format_option
@db_option
def timeline(terms, by, sources, langs, date_from, date_to, split, plot, nonzero, per, fmt, db):
    """Documents mentioning each TERM per period: count, and share of all documents in that period.

    A TERM of plain words is an exact phrase ("Arduous March"); one with query syntax is a query
    ('juche* AND idea').
    """
    f = make_filters(sources, langs, date_from, date_to)
    queries = [(t, term_query(t)) for t in terms]
    if per != "document":
        if split:
            raise UsageError("--split-sources goes with --per document")
        points = timeline_per(open_store(db, readonly=False), queries, by=by, filters=f, per=per)
    else:
        points = timeline_fn(open_store(db), queries, by=by, filters=f, split_sources=split)
    if plot:
        path = plot_timeline(points, plot, by)
        click.echo(f"chart written to {path}", err=True)
    rows = [p.as_dict() for p in points if not nonzero or p.count or fmt == "json"]
    cols = ["term", *(["source"] if split else []), "period", "count", "total", "share"]
    emit(rows, fmt, cols)


@click.command()
@click.argument("term")
@filter_options
@click.option("--limit", type=int, default=5, show_default=True, help="Earliest documents to list.")
@format_option
@db_option
def first(term, sources, langs, date_from, date_to, limit, fmt, db):
    """The earliest documents using TERM, the sentence it appears in, and each source's coverage.

    An earliest hit near the start of a source's coverage may not be the first use of the term:
    the archive may simply begin there. Those hits are flagged.
    """
    store = open_store(db)
    f = make_filters(sources, langs, date_from, date_to)
    fu = first_use(store, term, term_query(term), f, limit=limit)
    if fmt != "table":
        emit(
            [h.as_dict() for h in fu.hits],
            fmt,
            ["id", "published", "source", "sentence", "coverage_start", "near_coverage_start"],
        )
        return
    if not fu.hits:
        click.echo(f"no document uses {term!r}")
    for h in fu.hits:
        flag = "  (near start of coverage)" if h.near_coverage_start else ""
        click.echo(f"{h.published}  {h.source}  {h.id[:12]}{flag}")
        click.echo(f"    {highlight(h.marked)}")
    click.echo()
    click.echo("Earliest per source, and where each source's coverage begins:")
    for source, c in fu.coverage.items():
        h = fu.per_source.get(source)
        hit = f"first hit {h.published}" if h else "no hit"
        click.echo(f"  {source}: coverage {c.start} to {c.end} ({c.docs:,} docs); {hit}")
    for w in fu.warnings:
        click.echo(click.style("warning: ", fg="yellow") + w, err=True)


COMMANDS = [timeline, first]
