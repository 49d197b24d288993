"""The ``terms`` accuracy suite: discovery recall, top-100 precision, first-use date accuracy.

- **Reference list** ``eval/gold/campaign_terms.jsonl`` (built by hand, independently of this code; see
  ``eval/gold/README-terms.md``): a reference term is *present* in a store when one of its variants
  occurs in it, and *found* when a ranked discovered term has a written form equal to one of its
  variants (case, accents, hyphens, possessives and quotation marks folded; Korean with spaces
  removed). ``recall`` = found / present; ``recall_at_100`` counts only the top 100.
- **First use**: for each found reference term, the earliest first use of the discovered terms that
  match it, compared with the earliest document of the store containing any of its variants (on the
  full corpora that is the reference's own ``first_use.date``, which its format test re-derives the
  same way). ``first_use_exact`` = same day; ``first_use_30d`` = within 30 days.
- **Precision** of the top 100: ``eval/judgments/terms-top100.jsonl`` holds hand judgments (one per
  term key, with a rationale); ``precision_top100`` = good / judged among the current top 100, and
  ``judged_top100`` the share of the top 100 that has a judgment.

The suite runs on the bundled sample (built in a temporary folder) unless ``$TEALEAVES_EVAL_TERMS_DB``
names a store, e.g. one holding the full shared corpora.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from tealeaves.analyze import termindex
from tealeaves.bench.evaluation import repo_root, suite
from tealeaves.data import sample_path
from tealeaves.extract.terms import fold
from tealeaves.store import Store
from tealeaves.store.loader import ingest
from tealeaves.store.query import Query
from tealeaves.store.search import earliest

REFERENCE = "eval/gold/campaign_terms.jsonl"
JUDGMENTS = "eval/judgments/terms-top100.jsonl"
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().strip("\"“”'!")
    if _HANGUL.search(text):
        return "".join(text.split())
    return fold(text)


def load_reference(path: Path | None = None) -> list[dict]:
    path = path or Path(os.environ.get("TEALEAVES_EVAL_TERMS_REF") or repo_root() / REFERENCE)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_judgments(path: Path | None = None) -> dict[str, dict]:
    path = path or repo_root() / JUDGMENTS
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            j = json.loads(line)
            out[j["key"]] = j
    return out


def _store() -> tuple[Store, tempfile.TemporaryDirectory | None]:
    db = os.environ.get("TEALEAVES_EVAL_TERMS_DB")
    if db:
        store = Store(db)
        if termindex.is_stale(store):
            termindex.refresh(store)
        return store, None
    tmp = tempfile.TemporaryDirectory()
    store = Store(Path(tmp.name) / "sample.db")
    ingest(store, [sample_path()])
    termindex.refresh(store)
    return store, tmp


def _discovered(store: Store) -> list[tuple[str, int, int, set[str]]]:
    """(key, rank, first_day, folded forms) of every ranked term."""
    forms: dict[str, set[str]] = {}
    for key, text in store.conn.execute(
        "SELECT DISTINCT v.key, v.text FROM term_variants v JOIN terms t ON t.key = v.key "
        "WHERE t.rank IS NOT NULL"
    ):
        forms.setdefault(key, set()).add(norm(text))
    return [
        (key, rank, first, forms.get(key, set()))
        for key, rank, first in store.conn.execute(
            "SELECT key, rank, first_day FROM terms WHERE rank IS NOT NULL ORDER BY rank"
        )
    ]


def _earliest_day(store: Store, variants: list[str]) -> int | None:
    """Day ordinal of the earliest document containing any variant (the store's own first use)."""
    best = None
    for v in variants:
        v = v.strip().strip("\"“”'!")
        if not v:
            continue
        if _HANGUL.search(v):
            compact = "".join(v.split())
            row = store.conn.execute(
                "SELECT min(rowid) FROM docs WHERE cjk = 1 AND instr(replace(replace(replace("
                "title || body, ' ', ''), char(12288), ''), char(10), ''), ?) > 0",
                (compact,),
            ).fetchone()
            rowid = row[0]
        else:
            rows = earliest(store, Query.parse('"' + v.replace('"', "") + '"'), limit=1)
            rowid = rows[0] if rows else None
        if rowid is not None and (best is None or rowid < best):
            best = rowid
    return None if best is None else best >> 22


def evaluate(store: Store, reference: list[dict], judgments: dict[str, dict]) -> dict[str, float]:
    found = _discovered(store)
    out: dict[str, float] = {}
    if reference:
        present = found_n = at100 = exact = near = 0
        for ref in reference:
            expected = _earliest_day(store, ref["variants"])
            if expected is None:
                continue
            present += 1
            want = {norm(v) for v in ref["variants"]} | {norm(ref["term"])}
            matches = [(rank, first) for _, rank, first, forms in found if forms & want]
            if not matches:
                continue
            found_n += 1
            at100 += any(rank <= 100 for rank, _ in matches)
            first = min(f for _, f in matches)
            exact += first == expected
            near += abs(first - expected) <= 30
        out["reference_present"] = float(present)
        if present:
            out["recall"] = found_n / present
            out["recall_at_100"] = at100 / present
        if found_n:
            out["first_use_exact"] = exact / found_n
            out["first_use_30d"] = near / found_n
    top = [key for key, rank, _, _ in found if rank <= 100]
    judged = [judgments[k] for k in top if k in judgments]
    if top:
        out["judged_top100"] = len(judged) / len(top)
    if judged:
        out["precision_top100"] = sum(bool(j["good"]) for j in judged) / len(judged)
    return out


@suite(
    "terms",
    "campaign-term discovery recall, top-100 precision, first-use accuracy "
    "(bundled sample, or the store named by $TEALEAVES_EVAL_TERMS_DB)",
)
def terms_suite(options: dict) -> dict[str, float]:
    store, tmp = _store()
    try:
        return evaluate(store, load_reference(), load_judgments())
    finally:
        store.close()
        if tmp is not None:
            tmp.cleanup()
