"""Stage registry and pipeline.

A stage declares the fact kinds it ``requires`` and ``produces``; a pipeline is checked before it runs
(every requirement produced by an earlier stage, no kind produced twice). A stage's *effective
version* folds in the versions of everything upstream, so a new version of one stage reprocesses the
facts of every stage that depends on it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tealeaves.errors import UsageError
from tealeaves.model import Document

Facts = dict[str, list]  # fact kind -> facts of that kind, in document order
StageFn = Callable[[Document, Facts], Facts]


@dataclass(frozen=True)
class Stage:
    name: str
    version: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    fn: StageFn
    default: bool = True  # part of the default pipeline


STAGES: dict[str, Stage] = {}


def stage(
    name: str,
    version: str,
    *,
    requires: Iterable[str] = (),
    produces: Iterable[str] = (),
    default: bool = True,
) -> Callable[[StageFn], StageFn]:
    """Register a stage function ``fn(doc, facts_so_far) -> {kind: [facts]}``."""

    def deco(fn: StageFn) -> StageFn:
        STAGES[name] = Stage(name, version, tuple(requires), tuple(produces), fn, default)
        return fn

    return deco


def _load_builtin_stages() -> None:
    # importing the modules registers their stages
    from tealeaves.extract import stages  # noqa: F401


class Pipeline:
    """An ordered, checked list of stages. Calling it on a document returns all facts."""

    def __init__(self, names: Iterable[str] | None = None):
        _load_builtin_stages()
        if names is None:
            chosen = [s for s in STAGES.values() if s.default]
        else:
            unknown = [n for n in names if n not in STAGES]
            if unknown:
                raise UsageError(f"unknown stage {', '.join(unknown)}; stages: {', '.join(STAGES)}")
            chosen = [STAGES[n] for n in names]
        self.stages = _order(chosen)
        self.versions = _effective_versions(self.stages)

    def __call__(self, doc: Document) -> Facts:
        facts: Facts = {}
        for st in self.stages:
            out = st.fn(doc, facts)
            for kind in st.produces:
                facts[kind] = list(out.get(kind, ()))
        return facts

    def produced_by(self) -> dict[str, str]:
        """fact kind -> stage name."""
        return {kind: st.name for st in self.stages for kind in st.produces}


def _order(chosen: list[Stage]) -> list[Stage]:
    """Topological order by requires/produces; raises a UsageError naming what is missing."""
    producers: dict[str, Stage] = {}
    for st in chosen:
        for kind in st.produces:
            if kind in producers:
                raise UsageError(f"fact kind {kind!r} produced by both {producers[kind].name} and {st.name}")
            producers[kind] = st
    ordered: list[Stage] = []
    seen: set[str] = set()

    def visit(st: Stage, path: tuple[str, ...]) -> None:
        if st.name in seen:
            return
        if st.name in path:
            raise UsageError(f"stage cycle: {' -> '.join((*path, st.name))}")
        for kind in st.requires:
            dep = producers.get(kind)
            if dep is None:
                raise UsageError(f"stage {st.name} requires {kind!r}, which no chosen stage produces")
            visit(dep, (*path, st.name))
        seen.add(st.name)
        ordered.append(st)

    for st in chosen:
        visit(st, ())
    return ordered


def _effective_versions(stages: list[Stage]) -> dict[str, str]:
    producers = {kind: st for st in stages for kind in st.produces}
    eff: dict[str, str] = {}
    for st in stages:  # topological order: upstream first
        ups = sorted({eff[producers[k].name] for k in st.requires})
        if ups:
            h = hashlib.sha1("|".join(ups).encode()).hexdigest()[:8]
            eff[st.name] = f"{st.version}+{h}"
        else:
            eff[st.name] = st.version
    return eff
