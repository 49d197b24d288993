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
    uses_packs: bool = False  # fn(doc, facts, kb): also gets the compiled domain packs


STAGES: dict[str, Stage] = {}


def stage(
    name: str,
    version: str,
    *,
    requires: Iterable[str] = (),
    produces: Iterable[str] = (),
    default: bool = True,
    uses_packs: bool = False,
) -> Callable[[StageFn], StageFn]:
    """Register a stage function ``fn(doc, facts_so_far) -> {kind: [facts]}``.

    With ``uses_packs`` the function is called as ``fn(doc, facts_so_far, kb)`` with the compiled domain
    packs (:mod:`tealeaves.extract.kb`), and its effective version includes the packs' fingerprint, so
    editing a pack reprocesses what the stage produced.
    """

    def deco(fn: StageFn) -> StageFn:
        STAGES[name] = Stage(name, version, tuple(requires), tuple(produces), fn, default, uses_packs)
        return fn

    return deco


def _load_builtin_stages() -> None:
    # importing the modules registers their stages
    from tealeaves.extract import stages  # noqa: F401


class Pipeline:
    """An ordered, checked list of stages. Calling it on a document returns all facts."""

    def __init__(self, names: Iterable[str] | None = None, packs: Iterable[str] = ()):
        from tealeaves.packs import pack_dirs

        _load_builtin_stages()
        self._kb = None
        if names is None:
            chosen = [s for s in STAGES.values() if s.default]
        else:
            unknown = [n for n in names if n not in STAGES]
            if unknown:
                raise UsageError(f"unknown stage {', '.join(unknown)}; stages: {', '.join(STAGES)}")
            chosen = _with_requirements([STAGES[n] for n in names])
        self.stages = _order(chosen)
        self.pack_dirs = pack_dirs(tuple(packs)) if any(s.uses_packs for s in self.stages) else ()
        self.versions = _effective_versions(self.stages, self.kb.fingerprint if self.pack_dirs else "")

    def __getstate__(self) -> dict:
        # (shipped to workers without the compiled packs: each process compiles or inherits its own)
        return {**self.__dict__, "_kb": None}

    @property
    def kb(self):
        """The compiled domain packs (cached per process, so forked workers inherit it)."""
        from tealeaves.extract.kb import knowledge

        return knowledge(self.pack_dirs)

    def __call__(self, doc: Document) -> Facts:
        facts: Facts = {}
        kb = self._kb
        if kb is None and self.pack_dirs:
            # (looked up once per pipeline: the property's import and cache lookup were ~2% of a headline)
            kb = self._kb = self.kb
        for st in self.stages:
            out = st.fn(doc, facts, kb) if st.uses_packs else st.fn(doc, facts)
            for kind in st.produces:
                facts[kind] = list(out.get(kind, ()))
        return facts

    def produced_by(self) -> dict[str, str]:
        """fact kind -> stage name."""
        return {kind: st.name for st in self.stages for kind in st.produces}


def _with_requirements(chosen: list[Stage]) -> list[Stage]:
    """The chosen stages plus the registered stages that produce what they require."""
    out = list(chosen)
    todo = list(chosen)
    while todo:
        st = todo.pop()
        for kind in st.requires:
            if any(kind in x.produces for x in out):
                continue
            dep = next((x for x in STAGES.values() if kind in x.produces), None)
            if dep is not None:
                out.append(dep)
                todo.append(dep)
    return out


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


def _effective_versions(stages: list[Stage], packs: str = "") -> dict[str, str]:
    producers = {kind: st for st in stages for kind in st.produces}
    eff: dict[str, str] = {}
    for st in stages:  # topological order: upstream first
        ups = sorted({eff[producers[k].name] for k in st.requires})
        if st.uses_packs and packs:
            ups.append(f"packs:{packs}")
        if ups:
            h = hashlib.sha1("|".join(ups).encode()).hexdigest()[:8]
            eff[st.name] = f"{st.version}+{h}"
        else:
            eff[st.name] = st.version
    return eff
