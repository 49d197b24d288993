"""bench and eval: commands that measure (tests never time anything; see docs/benchmarks.md)."""

from __future__ import annotations

import json

import click

from tealeaves.bench import evaluation


@click.group()
def bench() -> None:
    """Benchmarks: throughput and latency, each next to a reference measured in the same run."""


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


COMMANDS = [bench, eval_cmd]
