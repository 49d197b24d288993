"""Web-page extraction measured on the article-extraction benchmark (181 real pages, gold bodies).

Scoring is the published benchmark's (scrapinghub/article-extraction-benchmark): a page's body is cut
into word 4-gram shingles, true/false positives and negatives are counted over the shingle multisets
and normalised per page, precision and recall are averaged over pages and F1 is taken from the means.
Our pipeline (decoding, main text, metadata, language: ``ingest.html.parse_page``) runs next to plain
``trafilatura.extract`` (what the published scores run) and the whole visible text of the page.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tealeaves.bench.evaluation import repo_root, suite
from tealeaves.errors import InputError, UsageError
from tealeaves.ingest.html import parse_page

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4


BENCH = Path("shared") / "benchmarks" / "article-extraction"


def default_dir() -> Path:
    """``../shared/benchmarks/article-extraction`` beside the checkout (or beside a folder above it)."""
    root = repo_root()
    for parent in root.parents:
        if (parent / BENCH / "ground-truth.json").exists():
            return parent / BENCH
    return root.parent / BENCH


def load_benchmark(folder: Path, limit: int | None = None) -> list[tuple[str, bytes, dict]]:
    """(key, page bytes, gold record) per page, in ground-truth order."""
    gt_path = folder / "ground-truth.json"
    if not gt_path.exists():
        raise UsageError(f"no ground-truth.json in {folder}: give the benchmark folder with --dir")
    gold = json.loads(gt_path.read_text(encoding="utf-8"))
    out = []
    for key in list(gold)[:limit] if limit else gold:
        with gzip.open(folder / "html" / f"{key}.html.gz", "rb") as f:
            out.append((key, f.read(), gold[key]))
    return out


def _shingles(text: str) -> Counter:
    words = _WORD.findall(text or "")
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)) if words)


def page_counts(gold: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page's predicted body against its gold body."""
    g, p = _shingles(gold), _shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def prf(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    def precision(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _ours(page: bytes) -> dict:
    try:
        return parse_page(page, min_chars=0)
    except InputError:
        return {}


def _trafilatura(page: bytes) -> dict:
    import trafilatura

    return {"body": trafilatura.extract(page.decode("utf-8", "replace"), include_comments=False) or ""}


def _whole_text(page: bytes) -> dict:
    import lxml.html

    tree = lxml.html.fromstring(page)
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return {"body": tree.text_content()}


def _warm_up_ours() -> None:
    from tealeaves.ingest.html import warm_up

    warm_up()


# one-off loads a few warm-up pages may not reach
WARM_UP: dict[str, Callable[[], None]] = {"tealeaves": _warm_up_ours}

EXTRACTORS: dict[str, Callable[[bytes], dict]] = {
    "tealeaves": _ours,
    "trafilatura.extract (reference)": _trafilatura,
    "whole page text (floor)": _whole_text,
}


def run(folder: Path | None = None, limit: int | None = None, names: list[str] | None = None) -> dict:
    """Body F1 and pages/s of each extractor. The extractors take turns page by page (the order rotating
    from page to page), so a change in machine load during the run falls on all of them alike."""
    pages = load_benchmark(folder or default_dir(), limit)
    names = names or list(EXTRACTORS)
    for name in names:
        WARM_UP.get(name, lambda: None)()
        for _, page, _ in pages[:3]:  # warm up: imports and model loads (py3langid, justext) are one-off
            EXTRACTORS[name](page)
    preds: dict[str, list[dict]] = {name: [] for name in names}
    seconds = dict.fromkeys(names, 0.0)
    for i, (_, page, _) in enumerate(pages):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            t0 = time.perf_counter()
            preds[name].append(EXTRACTORS[name](page))
            seconds[name] += time.perf_counter() - t0
    results = {}
    for name in names:
        counts = [
            page_counts(g.get("articleBody", ""), p.get("body") or "")
            for (_, _, g), p in zip(pages, preds[name], strict=True)
        ]
        row = {
            **prf(counts),
            "pages": len(pages),
            "pages_per_s": len(pages) / seconds[name] if seconds[name] else 0.0,
        }
        if name == "tealeaves":
            row.update(_metadata_coverage(pages, preds[name]))
            row.update(_ingest_rate(pages))
        results[name] = row
    return results


def _ingest_rate(pages: list[tuple[str, bytes, dict]]) -> dict[str, float]:
    """The whole `tealeaves ingest` path over the same pages: read, parse, content hash, store (docs,
    full-text index, web provenance) into a new store in a temporary folder."""
    import tempfile

    from tealeaves.ingest import FieldMap
    from tealeaves.store import Store
    from tealeaves.store.loader import ingest

    with tempfile.TemporaryDirectory(prefix="tealeaves-bench-html-") as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for key, page, _ in pages:
            (folder / f"{key}.html").write_bytes(page)
        with Store(Path(tmp) / "bench.db") as store:
            fields = FieldMap.parse([], ["source=benchmark", "published=2020-01-01"])
            t0 = time.perf_counter()
            summary = ingest(store, [folder], fields)
            seconds = time.perf_counter() - t0
    return {"ingest_pages_per_s": summary.read / seconds if seconds else 0.0, "ingest_stored": summary.stored}


def _metadata_coverage(pages, preds) -> dict[str, float]:
    n = len(pages)
    return {
        "with_title": sum(bool(p.get("title")) for p in preds) / n,
        "with_date": sum(bool(p.get("published")) for p in preds) / n,
        "with_lang": sum(bool(p.get("lang")) for p in preds) / n,
        "url_matches_gold": sum(
            _same_url(p.get("url"), g.get("url")) for (_, _, g), p in zip(pages, preds, strict=True)
        )
        / n,
    }


def _same_url(a: str | None, b: str | None) -> bool:
    def norm(u: str | None) -> str:
        return re.sub(r"^https?://(www\.)?", "", (u or "").split("#")[0]).rstrip("/")

    return bool(a) and norm(a) == norm(b)


@suite("html", "main-text extraction F1 on the article-extraction benchmark (181 real pages)")
def html_suite(options: dict) -> dict[str, float]:
    folder = Path(options.get("html_dir") or default_dir())
    row = run(folder, names=["tealeaves"])["tealeaves"]
    return {"body.f1": round(row["f1"], 4), "body.precision": round(row["precision"], 4)}
