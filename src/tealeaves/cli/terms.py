"""terms, term, bursts, precedents, glossary, brief: term genealogy."""

from __future__ import annotations

import json
import sys

import click

from tealeaves.analyze import termindex, termviews
from tealeaves.cli._common import db_option, emit, format_option, open_store
from tealeaves.cli.bench import bench
from tealeaves.dates import parse_bound


def _index_options(fn):
    fn = click.option(
        "--refresh/--no-refresh",
        default=True,
        show_default=True,
        help="Bring the term index up to date first when documents arrived since the last refresh.",
    )(fn)
    return click.option("--rebuild", is_flag=True, help="Rebuild the term index from scratch first.")(fn)


def ready_store(db: str | None, refresh: bool = True, rebuild: bool = False):
    """The store, with its term index brought up to date (opened for writing only when needed)."""
    store = open_store(db, readonly=False)
    if rebuild or (refresh and termindex.is_stale(store)):
        from tqdm import tqdm

        todo = store.conn.execute(
            "SELECT count(*) FROM docs WHERE seq > ?",
            (0 if rebuild else int(termindex.state(store, "last_seq", "0")),),
        ).fetchone()[0]
        with tqdm(
            total=todo, unit="doc", desc="terms", file=sys.stderr, disable=not sys.stderr.isatty()
        ) as bar:
            s = termindex.refresh(store, rebuild=rebuild, progress=bar.update)
        click.echo(
            f"term index: {s.docs:,} new documents, {s.hits:,} hits; {s.ranked:,} ranked terms, "
            f"{s.bursts:,} bursts ({s.seconds:.1f}s)",
            err=True,
        )
    elif termindex.is_stale(store):
        click.echo("warning: the term index is out of date (run without --no-refresh)", err=True)
    return store


@click.command()
@click.option("--kind", help="Only terms of this pattern family (spirit, speed, march, campaign, ...).")
@click.option(
    "--from", "date_from", metavar="DATE", help="Only terms used from this date (counts in the window)."
)
@click.option("--to", "date_to", metavar="DATE", help="Only terms used up to this date, inclusive.")
@click.option("--new-since", metavar="DATE", help="Only terms first seen on or after this date.")
@click.option("--limit", type=int, default=100, show_default=True, help="At most this many terms (0: all).")
@click.option("--all", "include_all", is_flag=True, help="Also terms below the discovery threshold.")
@_index_options
@format_option
@db_option
def terms(kind, date_from, date_to, new_since, limit, include_all, refresh, rebuild, fmt, db):
    """Campaign terms discovered in the corpus, best first, with first use, last use and counts.

    Terms are mined from every document by the pattern families of the domain packs ("spirit of X",
    "X speed", named marches, numbered campaigns, ...) and by quoted names, then ranked; variants
    ("Kanggye spirit", "spirit of Kanggye") are grouped under one term.
    """
    store = ready_store(db, refresh, rebuild)
    rows = termviews.list_terms(
        store,
        kind=kind,
        date_from=parse_bound(date_from, end=False),
        date_to=parse_bound(date_to, end=True),
        new_since=parse_bound(new_since, end=False),
        limit=limit or None,
        include_unranked=include_all,
    )
    out = [r.as_dict() for r in rows]
    if fmt == "csv":
        for r in out:
            r["variants"] = " | ".join(r["variants"])
    if fmt == "table":
        for r in out:
            r["variants"] = ", ".join(r["variants"][:4]) + (" …" if len(r["variants"]) > 4 else "")
    emit(
        out,
        fmt,
        ["rank", "term", "kind", "first_seen", "last_seen", "count", "docs", "variants"],
        {"variants": 60},
    )


@click.command()
@click.argument("term")
@click.option("--by", type=click.Choice(["year", "month", "week", "day"]), default="year", show_default=True)
@_index_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def term(term, by, refresh, rebuild, fmt, db):
    """One term: its variants with counts, first use per source and per variant, timeline, bursts.

    TERM is any written form ("Kanggye spirit", "spirit of Kanggye") or a key ("spirit:kanggye").
    """
    store = ready_store(db, refresh, rebuild)
    d = termviews.term_detail(store, term, by=by)
    if fmt == "json":
        click.echo(json.dumps(d.as_dict(), ensure_ascii=False, indent=2))
        return
    r = d.row
    click.echo(f"{r.term}  [{r.kind}]  key {r.key}  rank {r.rank or '-'}")
    click.echo(f"  used {r.count:,} times in {r.docs:,} documents, {r.first_seen} to {r.last_seen}")
    click.echo("\nVariants:")
    for v in d.variants:
        click.echo(
            f"  {v['count']:6,}  {v['docs']:6,} docs  first {v['first_seen']}  {v['variant']}  ({v['lang']})"
        )
    click.echo("\nFirst use, per source:")
    for f in d.first_uses:
        if f.variant is None:
            flag = "  (near start of coverage)" if f.near_coverage_start else ""
            click.echo(f"  {f.published}  {f.source}  {f.id}  [{f.start}:{f.end}]{flag}")
            click.echo(f"      {_mark(f)}")
    click.echo("\nFirst use, per variant and source:")
    for f in d.first_uses:
        if f.variant is not None:
            flag = "  (near start of coverage)" if f.near_coverage_start else ""
            click.echo(f"  {f.published}  {f.source}  {f.variant!r}  {f.id}{flag}")
    click.echo(f"\nTimeline (documents per {by}; share of all documents):")
    for p in d.timeline:
        if p["count"]:
            click.echo(f"  {p['period']}  {p['count']:5,}  {p['share']:.5f}  {'#' * min(60, p['count'])}")
    if d.bursts:
        click.echo("\nBursts:")
        for b in d.bursts:
            rec = f"  recurring (also {', '.join(map(str, b['recurring_years']))})" if b["recurring"] else ""
            click.echo(
                f"  {b['start']} to {b['end']}  level {b['level']}  weight {b['weight']:.1f}  "
                f"{b['docs']} docs{rec}"
            )
    for w in d.warnings:
        click.echo(click.style("warning: ", fg="yellow") + w, err=True)


def _mark(f) -> str:
    a, b = f.start - f.sentence_start, f.end - f.sentence_start
    s = f.sentence
    if 0 <= a <= b <= len(s):
        open_, close = ("\x1b[1;33m", "\x1b[0m") if sys.stdout.isatty() else ("[", "]")
        s = s[:a] + open_ + s[a:b] + close + s[b:]
    return " ".join(s.split())


@click.command()
@click.option("--from", "date_from", metavar="DATE", help="Bursts overlapping this date or later.")
@click.option("--to", "date_to", metavar="DATE", help="Bursts overlapping this date or earlier.")
@click.option("--kind", help="Only terms of this pattern family.")
@click.option("--new-only", is_flag=True, help="Leave out yearly recurrences (anniversaries, holidays).")
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many bursts (0: all).")
@_index_options
@format_option
@db_option
def bursts(date_from, date_to, kind, new_only, limit, refresh, rebuild, fmt, db):
    """When terms surged: Kleinberg bursts over daily counts normalised by corpus volume.

    A burst is `recurring` when the same term surged around the same date in an earlier year
    (anniversaries, birthdays, holidays), so that only new surges read as news.
    """
    store = ready_store(db, refresh, rebuild)
    rows = termviews.list_bursts(
        store,
        date_from=parse_bound(date_from, end=False),
        date_to=parse_bound(date_to, end=True),
        kind=kind,
        recurring=False if new_only else None,
        limit=limit or None,
    )
    emit(rows, fmt, ["term", "kind", "start", "end", "weight", "level", "docs", "recurring", "first_seen"])


@click.command()
@click.argument("term")
@click.option("--limit", type=int, default=10, show_default=True, help="At most this many earlier terms.")
@_index_options
@format_option
@db_option
def precedents(term, limit, refresh, rebuild, fmt, db):
    """Earlier terms most like TERM: same pattern family, shared context words, co-occurring
    entities and places; each with its active period."""
    from tealeaves.analyze.precedents import precedents as precedents_fn

    store = ready_store(db, refresh, rebuild)
    rows = precedents_fn(store, term, limit=limit)
    if fmt == "table":
        for r in rows:
            w = r["why"]
            r["why"] = f"family {w['same_kind']:.0f} context {w['context']:.2f} entities {w['entities']:.2f}"
    emit(rows, fmt, ["term", "kind", "first_seen", "last_seen", "docs", "score", "why"])


@click.command()
@click.argument("term", required=False)
@click.option("--limit", type=int, default=5, show_default=True, help="Sentences per term.")
@click.option(
    "--terms", "nterms", type=int, default=20, show_default=True, help="Without TERM: this many top terms."
)
@_index_options
@format_option
@db_option
def glossary(term, limit, nterms, refresh, rebuild, fmt, db):
    """What a term means: the best definitional sentences in the corpus, with their documents.

    Without TERM, the best sentence of each of the top-ranked terms that has one.
    """
    from tealeaves.analyze import glossary as g

    store = ready_store(db, refresh, rebuild)
    rows = g.glossary(store, term, limit=limit) if term else g.glossary_top(store, terms=nterms)
    emit(
        [r.as_dict() for r in rows],
        fmt,
        ["term", "published", "id", "start", "end", "cue", "score", "sentence"],
        {"sentence": 90},
    )


@click.command()
@click.option("--from", "date_from", metavar="DATE", required=True, help="First day of the window.")
@click.option("--to", "date_to", metavar="DATE", required=True, help="Last day of the window, inclusive.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@click.option("--terms", "nterms", type=int, default=10, show_default=True, help="New terms to list.")
@click.option("--bursts", "nbursts", type=int, default=10, show_default=True, help="Bursting terms to list.")
@click.option("--quotes", "nquotes", type=int, default=10, show_default=True, help="Quotes to list.")
@_index_options
@db_option
def brief(date_from, date_to, fmt, nterms, nbursts, nquotes, refresh, rebuild, db):
    """What is new in a window: new terms, bursting terms with a small timeline each, leader
    appearances and meetings announced, the most notable quotes. Every item cites its source
    sentence as document id [start:end]."""
    from tealeaves.analyze import brief as b

    store = ready_store(db, refresh, rebuild)
    out = b.brief(
        store,
        parse_bound(date_from, end=False),
        parse_bound(date_to, end=True),
        terms=nterms,
        bursts=nbursts,
        quotes=nquotes,
    )
    if fmt == "json":
        click.echo(json.dumps(out.as_dict(), ensure_ascii=False, indent=2))
    elif fmt == "html":
        click.echo(b.as_html(out), nl=False)
    else:
        click.echo(b.as_markdown(out), nl=False)


COMMANDS = [terms, term, bursts, precedents, glossary, brief]


@bench.command("brief")
@click.option("--weeks", type=int, default=30, show_default=True, help="Random weeks to time (seeded).")
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@db_option
def bench_brief(weeks, seed, as_json, db):
    """Latency of `tealeaves brief` for random weeks of the store (target: under 2 s a week on the
    full shared corpora), next to scanning the same weeks' documents for terms from scratch."""
    from tealeaves.bench.brief import run

    store = open_store(db, readonly=False)
    r = run(store, weeks=weeks, seed=seed)
    if as_json:
        click.echo(json.dumps(r, indent=2))
        return
    b, s = r["brief_ms"], r["reference_scan_ms"]
    click.echo(
        f"store: {r['store_docs']:,} documents; {r['weeks']} random weeks "
        f"(median {r['docs_per_week_median']:,} documents, {r['items_per_brief_median']} items per brief)"
    )
    for label, p in (("brief (precomputed index)     ", b), ("reference: scan week for terms", s)):
        click.echo(f"{label} p50 {p['p50']:8.1f} ms  p95 {p['p95']:8.1f} ms  max {p['max']:8.1f} ms")
