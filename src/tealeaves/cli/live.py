"""Live sources: bench html (feeds, watch, watchlist and alerts join here)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from tealeaves.cli.bench import bench


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
    click.echo(f"article-extraction benchmark: {n} pages")
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


COMMANDS: list = []
