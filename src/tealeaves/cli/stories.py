"""group, stories, related: near-duplicates, story clusters, related articles (docs/stories.md)."""

from __future__ import annotations

import json

import click

from tealeaves.analyze.related import METHODS
from tealeaves.analyze.related import related as related_fn
from tealeaves.analyze.stories import group_documents, list_stories
from tealeaves.cli._common import db_option, emit, format_option, open_store
from tealeaves.cli.bench import bench
from tealeaves.dates import parse_bound


@click.command()
@click.option("--from", "date_from", metavar="DATE", help="From this date.")
@click.option("--to", "date_to", metavar="DATE", help="To this date (inclusive).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@db_option
def group(date_from, date_to, as_json, db):
    """Find near-duplicate copies and story clusters among the documents (all, or a date range).

    Copies are grouped, never deleted (table doc_groups). `stories`, `related` and `timeline --per`
    use the groups; they group a range themselves when it has not been grouped yet.
    """
    s = group_documents(
        open_store(db, readonly=False), parse_bound(date_from, end=False), parse_bound(date_to, end=True)
    )
    if as_json:
        click.echo(json.dumps(s.as_dict(), indent=2))
        return
    click.echo(
        f"grouped {s.docs:,} documents in {s.seconds:.1f}s: {s.dup_groups:,} groups of copies "
        f"({s.docs_in_dup_groups:,} documents), {s.stories:,} stories of 2+ documents "
        f"({s.docs_in_stories:,} documents)"
    )


@click.command()
@click.option("--from", "date_from", metavar="DATE", help="Stories beginning from this date.")
@click.option("--to", "date_to", metavar="DATE", help="Stories beginning up to this date (inclusive).")
@click.option("--min-docs", type=int, default=2, show_default=True, help="Smallest story listed.")
@click.option("--limit", type=int, default=50, show_default=True, help="Largest number of stories listed.")
@click.option("--members", is_flag=True, help="Table: list each story's documents too.")
@format_option
@db_option
def stories(date_from, date_to, min_docs, limit, members, fmt, db):
    """Stories (documents about the same event) that begin in a date range, largest first.

    JSON gives every story with its documents (id, date, source, title, which document it is a copy of).
    """
    found = list_stories(
        open_store(db, readonly=False),
        parse_bound(date_from, end=False),
        parse_bound(date_to, end=True),
        min_docs=min_docs,
        limit=limit,
    )
    if fmt == "json":
        click.echo(json.dumps([s.as_dict() for s in found], indent=2, ensure_ascii=False))
        return
    rows = [{**s.as_dict(), "sources": ", ".join(s.sources), "id": s.id[:12]} for s in found]
    if fmt == "csv" or not members:
        emit(rows, fmt, ["id", "first", "last", "docs", "reprints", "sources", "title"], widths={"title": 70})
        return
    if not found:
        click.echo("(no stories)")
    for s in found:
        click.echo(f"{s.first}..{s.last}  {s.docs} documents ({s.reprints} copies)  {s.title}")
        for m in s.members:
            copy = f"  copy of {m['copy_of'][:12]}" if m["copy_of"] else ""
            click.echo(f"    {m['published']}  {m['id'][:12]}  {m['source']}  {m['title'][:80]}{copy}")


@click.command()
@click.argument("ident", metavar="ID")
@click.option("--limit", type=int, default=10, show_default=True)
@click.option("--days", type=int, default=None, help="Only documents within this many days of it.")
@click.option("--method", type=click.Choice(METHODS), default="lexical", show_default=True)
@format_option
@db_option
def related(ident, limit, days, method, fmt, db):
    """Documents related to document ID (an id, input id or id prefix), most similar first.

    Each is marked as a copy of ID, part of the same story, or related.
    """
    r = related_fn(open_store(db), ident, limit=limit, method=method, days=days)
    if fmt == "json":
        click.echo(json.dumps(r.as_dict(), indent=2, ensure_ascii=False))
        return
    if fmt == "table":
        click.echo(f"{r.published}  {r.id}  {r.title}")
        click.echo(f"(query words: {', '.join(r.query_terms) or 'none'})")
    rows = [x.as_dict() for x in r.results]
    emit(rows, fmt, ["published", "source", "relation", "score", "title", "id"], widths={"title": 70})


@click.command("related")
@click.option("--corpora", type=click.Path(file_okay=False), default=None, help="Default: ../shared/corpora.")
@click.option("--docs", "n", type=int, default=1_000_000, show_default=True, help="Resampled documents.")
@click.option(
    "--db", "bench_db", type=click.Path(dir_okay=False), help="Measure this store instead of building one."
)
@click.option("--keep", type=click.Path(file_okay=False), help="Build the store in this folder and keep it.")
@click.option("--queries", type=int, default=100, show_default=True, help="Documents to ask about.")
@click.option(
    "--embedding",
    is_flag=True,
    help="Also build the MiniLM embedding index of the store (timed) and time `related --method embedding`.",
)
@click.option("--json", "as_json", is_flag=True)
def bench_related(corpora, n, bench_db, keep, queries, embedding, as_json):
    """Latency of `related` at 1M documents (resampled real documents): as shipped (rank index), with
    FTS5 ranking alone, and a top-10 search, measured in one run on the same documents."""
    import os
    from pathlib import Path

    from tealeaves.bench.foundation import default_corpora
    from tealeaves.bench.related import run

    path = Path(corpora) if corpora else default_corpora()
    log = (lambda m: click.echo(m, err=True)) if as_json else click.echo
    if path is None and not bench_db:
        log("../shared/corpora not found: resampling the bundled sample")
    out = run(
        path,
        n,
        Path(bench_db) if bench_db else None,
        Path(keep) if keep else None,
        queries,
        log,
        embedding=embedding,
    )
    out["load_average"] = [round(x, 2) for x in os.getloadavg()]
    if as_json:
        click.echo(json.dumps(out, indent=2))
        return
    labels = {
        "related": "related (as shipped)",
        "related_fts5": "related, FTS5 ranking",
        "reference_search_top10": "search top-10 (ref.)",
        "related_embedding": "related --method embedding",
    }
    for name, label in labels.items():
        if name in out:
            r = out[name]
            click.echo(
                f"{label:27s} at {out['docs']:,} docs: p50 {r['p50_ms']} ms  p95 {r['p95_ms']} ms  "
                f"max {r['max_ms']} ms"
            )
    if "same_query_words" in out:
        click.echo(
            f"as shipped vs FTS5 ranking: same query words for {out['same_query_words']}/{queries} "
            f"documents, top-10 overlap {out['top10_overlap']:.0%}; rank index serves related: "
            f"{out.get('rank_index_serves_related', False)}"
        )
    if "embedding_index" in out:
        click.echo(f"embedding index: {out['embedding_index']}")
    click.echo("load average: " + " ".join(str(x) for x in out["load_average"]))


@click.command("related-pairs")
@click.option(
    "--method",
    "methods",
    multiple=True,
    type=click.Choice(["lexical", "lexical_fts5", "embedding"]),
    help="Default: all three.",
)
@click.option("--json", "as_json", is_flag=True)
def bench_related_pairs(methods, as_json):
    """Recall@10 and latency of each `related` method on the labelled pairs (eval/gold/pairs.jsonl):
    lexical as shipped (rank index), lexical ranked by FTS5 alone, MiniLM embeddings + HNSW."""
    import os

    from tealeaves.bench.related import pairs

    log = (lambda m: click.echo(m, err=True)) if as_json else click.echo
    out = pairs(tuple(methods) or ("lexical", "lexical_fts5", "embedding"), log=log)
    out["load_average"] = [round(x, 2) for x in os.getloadavg()]
    if as_json:
        click.echo(json.dumps(out, indent=2))
        return
    click.echo(
        f"{out['pairs']} labelled pairs; {out['asked']} pair documents asked about, in a store of "
        f"{out['docs']:,} documents (pairs + bundled sample)"
    )
    for m in ("lexical", "lexical_fts5", "embedding"):
        if m in out:
            r = out[m]
            click.echo(
                f"{m:13s} recall@10 {r['recall_at_10']:.3f}  unrelated@10 {r['unrelated_at_10']:.3f}  "
                f"p50 {r['p50_ms']} ms  p95 {r['p95_ms']} ms  max {r['max_ms']} ms"
            )
    if "embedding_index_s" in out:
        click.echo(f"embedding index built in {out['embedding_index_s']} s")
    click.echo("load average: " + " ".join(str(x) for x in out["load_average"]))


bench.add_command(bench_related)
bench.add_command(bench_related_pairs)

COMMANDS = [group, stories, related]
