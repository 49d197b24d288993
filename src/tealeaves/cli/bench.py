"""bench and eval: commands that measure (tests never time anything; see docs/benchmarks.md)."""

from __future__ import annotations

import json

import click

from tealeaves.bench import evaluation


@click.group()
def bench() -> None:
    """Benchmarks: throughput and latency, each next to a reference measured in the same run."""


@bench.command("foundation")
@click.option(
    "--corpora",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of *.jsonl.gz corpora (default: ../shared/corpora when present).",
)
@click.option(
    "--million",
    type=int,
    default=1_000_000,
    show_default=True,
    help="Also measure at this many documents resampled from the corpora (0 to skip).",
)
@click.option(
    "--keep", type=click.Path(file_okay=False), default=None, help="Work in this folder and keep it."
)
@click.option(
    "--repeat",
    type=click.IntRange(1, 20),
    default=1,
    show_default=True,
    help="Alternate floor and tealeaves ingests this many times and report the median ratio "
    "(steadier on a busy machine).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def bench_foundation(corpora, million, keep, repeat, as_json):
    """Ingest throughput vs a bare-FTS5 floor, search/timeline latency p50/p95, peak memory."""
    from pathlib import Path

    from tealeaves.bench import foundation

    root = Path(corpora) if corpora else foundation.default_corpora()
    res = foundation.run(
        root, million, lambda m: click.echo(m, err=True), Path(keep) if keep else None, repeat
    )
    if as_json:
        click.echo(json.dumps(res, indent=2))
        return
    click.echo(f"corpus: {res['corpus']}  ({res['machine']}, {res['date']})")
    for key, label in (("ingest", "corpus"), ("ingest_big", "resampled")):
        i = res.get(key)
        if not i:
            continue
        click.echo(
            f"ingest [{label}] {i['docs_read']:,} docs, {i['input_mb_text']} MB text: "
            f"tealeaves {i['ours_s']}s ({i['ours_docs_per_s']:,} docs/s, {i['ours_mb_per_s']} MB/s, "
            f"peak {i['ours_max_rss_mb']} MB; + rank index {i['rank_index_s']}s) "
            f"| bare FTS5 floor {i['floor_s']}s "
            f"({i['floor_docs_per_s']:,} docs/s, {i['floor_mb_per_s']} MB/s, peak {i['floor_max_rss_mb']} MB)"
            f" | ratio {i['ratio_to_floor']}x ({i['ratio_to_floor_with_rank_index']}x with the rank index)"
            f" | CPU {i['ours_cpu_s']}s (reader process {i['ours_reader_cpu_s']}s) vs {i['floor_cpu_s']}s"
            f" | load {i['load_average']}"
        )
        if len(i["ratios_all_pairs"]) > 1:
            each = ", ".join(f"{r}x" for r in i["ratios_all_pairs"])
            click.echo(f"  ratio of each pair: {each} (the median is shown)")
    for key, label in (("latency_full", "corpus"), ("latency_big", "resampled")):
        lat = res.get(key)
        if not lat:
            continue
        for name in ("search_relevance", "search_relevance_fts5_only", "search_date", "timeline_month"):
            p = lat[name]
            click.echo(
                f"latency [{label}] {name:26s} p50 {p['p50_ms']:7.1f} ms  p95 {p['p95_ms']:7.1f} ms  "
                f"max {p['max_ms']:7.1f} ms  ({p['n']} runs, {lat['queries']} queries)"
            )


@click.command("eval")
@click.argument("suites", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option(
    "--floors/--no-floors", default=True, help="Compare with eval/floors.json (exit 1 below a floor)."
)
def eval_cmd(suites, fmt, floors):
    """Accuracy against the hand-annotated gold sets: precision, recall, F1 per fact type."""
    scores = evaluation.run(list(suites) or None)
    floor = evaluation.load_floors() if floors else {}
    failed = evaluation.below_floor(
        {k: v for k, v in scores.items()},
        {k: v for k, v in floor.items() if not suites or k.split(".")[0] in suites},
    )
    if fmt == "json":
        click.echo(json.dumps({"scores": scores, "floors": floor, "below_floor": failed}, indent=2))
    else:
        for key in sorted(scores):
            click.echo(f"{key:50s} {scores[key]:8.3f}{_floor_note(scores[key], floor.get(key))}")
        for key, got, f in failed:
            if got is None:
                click.echo(f"{key:50s} {'missing':>8s}  (floor {f:.3f})  BELOW FLOOR")
    if failed:
        raise SystemExit(1)


def _floor_note(score: float, floor: float | None) -> str:
    if floor is None:
        return ""
    return f"  (floor {floor:.3f})" + ("  BELOW FLOOR" if score + 1e-9 < floor else "")


@bench.command("extract")
@click.option(
    "--corpora", type=click.Path(file_okay=False), help="Shared corpora folder (default ../shared/corpora)."
)
@click.option(
    "--docs", "n", type=int, default=1500, show_default=True, help="Documents in the seeded sample."
)
@click.option("--seed", type=int, default=3, show_default=True)
@click.option(
    "--spacy/--no-spacy", "with_spacy", default=True, help="Also time spaCy's small English pipeline."
)
@click.option(
    "--passes",
    type=click.IntRange(1, 20),
    default=3,
    show_default=True,
    help="Timed passes per engine over the same documents; the fastest of each is reported.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def bench_extract(corpora, n, seed, with_spacy, passes, fmt):
    """Extraction throughput (docs/s, MB/s) next to spaCy's small English pipeline on the same documents.

    Both run in this one process over the same seeded sample of English documents drawn uniformly from
    all corpora (headline-only KCNA items are most of them, as in the corpora), each timed over --passes
    passes taken in turns (three passes of tealeaves, whose pass is some twenty times shorter, then a pass of
    spaCy, ...) with the fastest of each reported: on a shared machine noise only slows a pass, and a slow
    spell falls on both engines alike. spaCy comes from the optional extra `pip install -e '.[spacy]'`.
    """
    from tealeaves.bench import extraction as bx

    docs, mix = bx.sample_documents(bx.corpora_dir(corpora), n, seed)
    runs = bx.run_both(docs, passes=passes) if with_spacy else [bx.run_tealeaves(docs, passes=passes)]
    rows = [r.as_dict() for r in runs]
    ratio = rows[0]["docs_per_s"] / rows[1]["docs_per_s"] if len(rows) > 1 and rows[1]["docs_per_s"] else None
    if fmt == "json":
        click.echo(
            json.dumps({"sample": dict(mix), "passes": passes, "runs": rows, "speedup": ratio}, indent=2)
        )
        return
    click.echo("sample: " + ", ".join(f"{k} {v}" for k, v in sorted(mix.items())))
    for r in rows:
        click.echo(
            f"{r['engine']:34s} {r['docs']:6d} docs {r['seconds']:8.2f}s {r['docs_per_s']:9.1f} docs/s "
            f"{r['mb_per_s']:7.3f} MB/s  {r['note']}"
        )
    if ratio:
        click.echo(f"speed-up over spaCy: {ratio:.1f}x")


@bench.command("ledger")
@click.option(
    "--corpora", type=click.Path(file_okay=False), help="Shared corpora folder (default ../shared/corpora)."
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def bench_ledger(corpora, fmt):
    """Kim Jong Un's public appearances per year from the KCNA corpora vs the unification ministry's tallies.

    Counting rules: docs/appearances.md; the difference is discussed in docs/benchmarks.md.
    """
    from tealeaves.bench import extraction as bx

    out = bx.appearance_ledger(bx.corpora_dir(corpora))
    if fmt == "json":
        click.echo(json.dumps(out, indent=2))
        return
    click.echo(f"{out['documents']:,} English KCNA documents read")
    click.echo(
        f"{'year':6s}{'tealeaves':>10s}{'headlines':>10s}{'reports':>9s}{'ministry':>10s}{'diff':>7s}"
        "  KCNA days (headlines/full text/kcna.kp)"
    )
    for r in out["years"]:
        days = "/".join(str(v) for v in r["kcna_days"].values())
        ministry = "" if r["ministry"] is None else str(r["ministry"])
        diff = "" if r["difference"] is None else f"{r['difference']:+d}"
        click.echo(
            f"{r['year']:6s}{r['tealeaves']:>10d}{r['headlines_only']:>10d}{r['reports']:>9d}{ministry:>10s}"
            f"{diff:>7s}  {days}"
        )


COMMANDS = [bench, eval_cmd]
