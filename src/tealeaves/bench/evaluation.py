"""The accuracy gate: evaluation suites, their scores, and the floors recorded in eval/floors.json.

A suite is a function ``(options) -> dict[str, float]`` of named scores (e.g. ``entities.person.f1``),
registered with :func:`suite`. ``tealeaves eval`` prints every score next to its floor; the test
``tests/test_eval_gate.py`` fails when a score drops below its floor (STYLE 14).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tealeaves.errors import UsageError

Scores = dict[str, float]
SuiteFn = Callable[[dict[str, Any]], Scores]


@dataclass(frozen=True)
class Suite:
    name: str
    fn: SuiteFn
    help: str


SUITES: dict[str, Suite] = {}


def suite(name: str, help: str = "") -> Callable[[SuiteFn], SuiteFn]:
    def deco(fn: SuiteFn) -> SuiteFn:
        SUITES[name] = Suite(name, fn, help)
        return fn

    return deco


def repo_root() -> Path:
    """The checkout this package runs from (gold sets and floors live in the repo, not the wheel)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "eval" / "floors.json").exists():
            return parent
    raise UsageError("eval/floors.json not found: run tealeaves eval from a source checkout")


def load_floors(path: Path | None = None) -> dict[str, float]:
    path = path or repo_root() / "eval" / "floors.json"
    return {
        k: float(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")
    }


def run(names: list[str] | None = None, options: dict[str, Any] | None = None) -> Scores:
    _load_suites()
    names = names or list(SUITES)
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        raise UsageError(f"unknown eval suite {', '.join(unknown)}; suites: {', '.join(SUITES) or 'none'}")
    scores: Scores = {}
    for n in names:
        for key, value in SUITES[n].fn(options or {}).items():
            scores[f"{n}.{key}"] = value
    return scores


def below_floor(scores: Scores, floors: dict[str, float]) -> list[tuple[str, float | None, float]]:
    """(metric, score or None when missing, floor) for every floor not met."""
    out = []
    for key, floor in floors.items():
        got = scores.get(key)
        if got is None or got + 1e-9 < floor:
            out.append((key, got, floor))
    return out


def _load_suites() -> None:
    """Import the modules that register suites (each feature adds its module here)."""
    import importlib

    for module in SUITE_MODULES:
        importlib.import_module(module)


SUITE_MODULES: list[str] = [
    "tealeaves.bench.html",
    "tealeaves.bench.eval_extraction",
    "tealeaves.bench.eval_terms",
    "tealeaves.bench.eval_stories",
]
