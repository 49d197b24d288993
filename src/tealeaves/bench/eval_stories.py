"""The ``stories`` accuracy suite: near-duplicates, story clusters and related articles against the
hand-labelled document pairs in ``eval/gold/pairs.jsonl`` (labels: docs/pairs-guidelines.md).

The pair documents are ingested together with the bundled sample (3,405 real documents, as background:
document frequencies and distractors), grouped with the default parameters, and each labelled pair is
scored:

- ``duplicates``: a pair is predicted a copy when both documents are in one near-duplicate group; gold
  positives are the ``duplicate`` pairs. Precision and recall over the labelled pairs.
- ``clusters``: a pair is predicted the same story when both are in one story cluster; gold positives are
  ``duplicate`` and ``same_story`` pairs. Also ``clusters.monolingual.recall``: the same without the
  translation pairs (which word-based similarity cannot join).
- ``related``: for ``duplicate``/``same_story``/``related`` pairs, recall@10 of the other document in
  ``tealeaves related`` (both directions); ``related.unrelated_at_10``: the share of ``unrelated`` pairs
  where it is listed anyway (lower is better).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from tealeaves.analyze.related import related
from tealeaves.analyze.stories import group_documents
from tealeaves.bench.evaluation import repo_root, suite
from tealeaves.data import sample_path
from tealeaves.store import Store
from tealeaves.store.documents import get_document
from tealeaves.store.loader import ingest

POSITIVE_STORY = ("duplicate", "same_story")


def load_pairs(path: Path | None = None) -> list[dict]:
    path = path or repo_root() / "eval" / "gold" / "pairs.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def score_pairs(store: Store, pairs: list[dict]) -> dict[str, float]:
    """Scores of the groups in ``store`` (already grouped) and of `related` on the labelled pairs."""
    rowid = {}
    for pr in pairs:
        for side in ("a", "b"):
            ext = pr[side]["id"]
            if ext not in rowid:
                rowid[ext] = get_document(store, ext).rowid
    groups = {r[0]: (r[1], r[2]) for r in store.conn.execute("SELECT doc, dup, story FROM doc_groups")}
    c = {k: [0, 0, 0] for k in ("dup", "story", "story_mono")}  # tp, fp, fn
    for pr in pairs:
        a, b = rowid[pr["a"]["id"]], rowid[pr["b"]["id"]]
        ga, gb = groups.get(a, (a, a)), groups.get(b, (b, b))
        label = pr["label"]
        for key, gold, pred in (
            ("dup", label == "duplicate", ga[0] == gb[0]),
            ("story", label in POSITIVE_STORY, ga[1] == gb[1]),
        ):
            _count(c[key], gold, pred)
        if pr.get("case") != "translation":
            _count(c["story_mono"], label in POSITIVE_STORY, ga[1] == gb[1])
    out: dict[str, float] = {}
    for key, name in (("dup", "duplicates"), ("story", "clusters")):
        for m, v in _prf(*c[key]).items():
            out[f"{name}.{m}"] = v
    out["clusters.monolingual.recall"] = _prf(*c["story_mono"])["recall"]
    listed = {ident: {r.id for r in related(store, ident, limit=10).results} for ident in pair_ids(pairs)}
    for key, value in related_scores(store, pairs, listed).items():
        out[f"related.{key}"] = value
    out["pairs"] = float(len(pairs))
    return out


def pair_ids(pairs: list[dict]) -> list[str]:
    """The documents of the labelled pairs (their input ids), each once."""
    return sorted({pr[side]["id"] for pr in pairs for side in ("a", "b")})


def related_scores(store: Store, pairs: list[dict], listed: dict[str, set[str]]) -> dict[str, float]:
    """``recall_at_10`` (duplicate, same story and related pairs) and ``unrelated_at_10`` of a method,
    from ``listed``: {input id of a pair document: ids of the documents it lists in its top 10}."""
    ids = {ident: get_document(store, ident).doc.id for ident in pair_ids(pairs)}
    rel_hit = rel_n = unrel_hit = unrel_n = 0
    for pr in pairs:
        a, b = pr["a"]["id"], pr["b"]["id"]
        if ids[a] == ids[b]:
            continue  # one stored document (identical records): nothing to rank
        found = int(ids[b] in listed[a]) + int(ids[a] in listed[b])
        if pr["label"] == "unrelated":
            unrel_hit += found
            unrel_n += 2
        else:
            rel_hit += found
            rel_n += 2
    return {
        "recall_at_10": round(rel_hit / rel_n, 4) if rel_n else 0.0,
        "unrelated_at_10": round(unrel_hit / unrel_n, 4) if unrel_n else 0.0,
    }


def _count(cell: list[int], gold: bool, pred: bool) -> None:
    if gold and pred:
        cell[0] += 1
    elif pred:
        cell[1] += 1
    elif gold:
        cell[2] += 1


def build_store(pairs: list[dict], folder: Path, background: bool = True) -> Store:
    path = folder / "pairs-docs.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for pr in pairs:
            for side in ("a", "b"):
                d = pr[side]
                rec = {k: d.get(k) for k in ("id", "source", "published", "title", "body", "url", "lang")}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    store = Store(folder / "pairs.db")
    ingest(store, [sample_path(), path] if background else [path])
    return store


@suite("stories", help="near-duplicates, story clusters, related articles vs eval/gold/pairs.jsonl")
def stories_suite(options: dict) -> dict[str, float]:
    pairs = load_pairs()
    with tempfile.TemporaryDirectory(prefix="tealeaves-eval-stories-") as tmp:
        store = build_store(pairs, Path(tmp))
        try:
            group_documents(store)
            return score_pairs(store, pairs)
        finally:
            store.close()
