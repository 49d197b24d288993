"""Live sources: feeds, watch, watchlist, alerts, and bench html."""

from __future__ import annotations

import json
from pathlib import Path

import click

from tealeaves.cli._common import db_option, emit, format_option, open_store
from tealeaves.cli.bench import bench
from tealeaves.store import alerts as alerts_mod
from tealeaves.store import feeds as feeds_mod


@bench.command("html")
@click.option(
    "--dir",
    "folder",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Benchmark folder: ground-truth.json and html/ (default ../shared/benchmarks/article-extraction).",
)
@click.option("--limit", type=int, default=None, help="Only the first N pages.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def bench_html(folder, limit, as_json):
    """Web-page main-text extraction: body F1 (the published benchmark's 4-gram shingle method) and
    pages/s, for tealeaves' pipeline next to plain trafilatura and the whole page text, same run."""
    from tealeaves.bench import html

    results = html.run(Path(folder) if folder else None, limit)
    if as_json:
        click.echo(json.dumps(results, indent=2))
        return
    n = next(iter(results.values()))["pages"]
    import os

    load = os.getloadavg()[0]
    click.echo(f"article-extraction benchmark: {n} pages (1-minute load average {load:.1f})")
    click.echo(f"{'extractor':34s} {'F1':>6s} {'prec':>6s} {'recall':>6s} {'pages/s':>8s}")
    for name, r in results.items():
        click.echo(
            f"{name:34s} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} {r['pages_per_s']:8.1f}"
        )
    ours = results.get("tealeaves")
    if ours:
        click.echo(
            "tealeaves metadata: title {:.0%}, date {:.0%}, language {:.0%}, canonical URL = gold URL {:.0%} "
            "(tealeaves also decodes, dates and detects language; the reference extracts text only)".format(
                ours["with_title"], ours["with_date"], ours["with_lang"], ours["url_matches_gold"]
            )
        )
        click.echo(
            f"tealeaves ingest of the same pages (read, parse, hash, store with full-text index and "
            f"provenance): {ours['ingest_pages_per_s']:.1f} pages/s, {ours['ingest_stored']:,} stored"
        )


# -- feeds ------------------------------------------------------------------------------------


@click.group()
def feeds() -> None:
    """RSS/Atom feeds that `tealeaves watch` polls."""


@feeds.command("add")
@click.argument("url")
@click.option(
    "--source", default=None, metavar="NAME", help="Source name for its documents (default: the site)."
)
@db_option
def feeds_add(url, source, db):
    """Subscribe to the feed at URL."""
    f = feeds_mod.add_feed(open_store(db, readonly=False), url, source)
    click.echo(f"feed {f.id}: {f.url}" + (f" (source {f.source})" if f.source else "") + "; due now")


@feeds.command("list")
@format_option
@db_option
def feeds_list(fmt, db):
    """Feeds with their last success, last error, next attempt and items by state."""
    rows = feeds_mod.list_feeds(open_store(db, readonly=False))
    for r in rows:
        r["items"] = (
            ", ".join(f"{k} {v}" for k, v in sorted(r["items"].items())) if fmt != "json" else r["items"]
        )
        r["next_attempt"] = r["next_attempt"] or "now"
    cols = ["id", "url", "source", "last_success", "last_error", "next_attempt", "failures", "items"]
    if fmt == "table":
        for r in rows:
            click.echo(f"{r['id']:>3}  {r['url']}" + (f"  [{r['source']}]" if r["source"] else ""))
            click.echo(f"     last success {r['last_success'] or 'never'}; next attempt {r['next_attempt']}")
            if r["last_error"]:
                fails = f" ({r['failures']} in a row)" if r["failures"] else " (recovered since)"
                click.echo(f"     last error {r['last_error_at']}{fails}: {r['last_error']}")
            if r["last_warning"]:
                click.echo(f"     warning: {r['last_warning']}")
            click.echo(f"     items: {r['items'] or 'none yet'}")
        if not rows:
            click.echo("(no feeds: add one with `tealeaves feeds add URL`)")
        return
    emit(rows, fmt, [*cols, "last_error_at", "last_warning", "etag", "last_modified"])


@feeds.command("remove")
@click.argument("feed")
@db_option
def feeds_remove(feed, db):
    """Unsubscribe FEED (its id or URL); documents already stored stay."""
    f = feeds_mod.remove_feed(open_store(db, readonly=False), feed)
    click.echo(f"removed feed {f.id}: {f.url}")


@feeds.command("items")
@click.option("--feed", default=None, help="Only this feed (id or URL).")
@click.option(
    "--state", default=None, help="Only items in this state (pending, stored, rejected, failed, ...)."
)
@click.option("--limit", type=int, default=50, show_default=True)
@format_option
@db_option
def feeds_items(feed, state, limit, fmt, db):
    """Items the feeds listed and what became of each (newest first)."""
    rows = feeds_mod.list_items(open_store(db, readonly=False), feed, state, limit)
    emit(rows, fmt, ["id", "state", "reason", "url", "doc_id", "message"], widths={"url": 50, "message": 50})


# -- watch ------------------------------------------------------------------------------------


@click.command()
@click.option("--once", is_flag=True, help="One round, then exit (for cron and tests).")
@click.option("--all", "all_feeds", is_flag=True, help="Poll every feed, also those not due yet.")
@click.option(
    "--every", type=float, default=None, metavar="SECONDS", help="Poll interval (setting feed_interval)."
)
@click.option("--rounds", type=int, default=None, help="Stop after this many rounds.")
@click.option("--no-extract", is_flag=True, help="Do not run the extraction pipeline on new documents.")
@click.option(
    "--alerts", "alerts_file", default=None, metavar="FILE", help="Append alerts here ('-' = stdout)."
)
@click.option(
    "--webhook", default=None, metavar="URL", help="POST each alert to URL (setting alerts_webhook)."
)
@click.option("--timeout", type=float, default=None, help="Seconds per network wait (setting fetch_timeout).")
@click.option("--json", "as_json", is_flag=True, help="Print each round's report as one JSON line.")
@db_option
def watch(once, all_feeds, every, rounds, no_extract, alerts_file, webhook, timeout, as_json, db):
    """Poll feeds on a schedule: fetch new items' pages, ingest, extract, raise alerts.

    Conditional GETs (ETag, Last-Modified); a failing feed backs off and keeps its error (see
    `tealeaves feeds list`) while the others go on. Fetched pages are archived as WARC files next to
    the store (setting spool_dir), so a killed watch resumes where it stopped. A page is fetched only
    if its site's robots.txt allows tealeaves (read once per host and kept; setting respect_robots 0
    turns this off); a disallowed item is settled as rejected with reason robots_disallowed.
    """
    from tealeaves.ingest.http import Limits
    from tealeaves.store.watch import WatchOptions
    from tealeaves.store.watch import watch as watch_fn

    store = open_store(db, readonly=False)
    opts = WatchOptions.default(
        interval=every,
        limits=Limits.default(timeout=timeout),
        extract=not no_extract,
        alerts_file=alerts_file,
        webhook=webhook,
        echo=click.echo,
    )

    def on_round(r) -> None:
        if as_json:
            click.echo(json.dumps(r.as_dict()), err=bool(opts.alerts_file == "-"))
            return
        errors = ", ".join(f"{k} {v}" for k, v in sorted((r.feed_errors + r.page_errors).items()))
        rejected = ", ".join(f"{k} {v}" for k, v in sorted(r.rejected.items()))
        click.echo(
            f"{r.started}  feeds {r.feeds_polled} ({r.not_modified} unchanged)  new items {r.items_new}  "
            f"duplicate items {r.items_duplicate}  pages {r.pages_fetched}  stored {r.stored}  "
            f"alerts {r.alerts}"
            + (f"  errors: {errors}" if errors else "")
            + (f"  rejected: {rejected}" if rejected else ""),
            err=bool(opts.alerts_file == "-"),
        )

    watch_fn(store, opts, once=once, all_feeds=all_feeds, rounds=rounds, on_round=on_round)


# -- watchlists and alerts -------------------------------------------------------------------


@click.group()
def watchlist() -> None:
    """Watchlists: queries, terms or entities that raise an alert when a new document matches."""


@watchlist.command("add")
@click.argument("name")
@click.argument("query")
@click.option(
    "--kind",
    type=click.Choice(alerts_mod.KINDS),
    default="query",
    show_default=True,
    help="query: any search query; term: an exact phrase; entity: an entity id or name (after extraction).",
)
@db_option
def watchlist_add(name, query, kind, db):
    """Watch for new documents matching QUERY (alerts start with the next ingest)."""
    w = alerts_mod.add_watchlist(open_store(db, readonly=False), name, query, kind)
    click.echo(f"watchlist {w.name!r} ({w.kind}): {w.query}")


@watchlist.command("list")
@format_option
@db_option
def watchlist_list(fmt, db):
    """Watchlists and how many alerts each raised."""
    emit(
        alerts_mod.list_watchlists(open_store(db, readonly=False)),
        fmt,
        ["name", "kind", "query", "alerts", "created_at"],
    )


@watchlist.command("remove")
@click.argument("name")
@db_option
def watchlist_remove(name, db):
    """Remove a watchlist and its alerts."""
    w = alerts_mod.remove_watchlist(open_store(db, readonly=False), name)
    click.echo(f"removed watchlist {w.name!r}")


@click.command()
@click.option(
    "--since", default=None, metavar="WHEN", help="Raised since a date, date-time or age (12h, 7d)."
)
@click.option("--watchlist", "name", default=None, help="Only this watchlist's alerts.")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "json"]), default="table", show_default=True
)
@db_option
def alerts(since, name, limit, fmt, db):
    """Alerts raised by watchlists, oldest first."""
    rows = alerts_mod.list_alerts(open_store(db, readonly=False), since, name, limit)
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    flat = [
        {
            "raised_at": r["raised_at"],
            "watchlist": r["watchlist"],
            "published": r["doc"]["published"],
            "source": r["doc"]["source"],
            "id": r["doc"]["id"][:12],
            "title": r["doc"]["title"],
        }
        for r in rows
    ]
    emit(
        flat, "table", ["raised_at", "watchlist", "published", "source", "id", "title"], widths={"title": 60}
    )


COMMANDS: list = [feeds, watch, watchlist, alerts]
