"""Rebuild the bundled sample (src/tealeaves/data/sample/docs.jsonl.gz) from ../shared/corpora.

Deterministic: the same corpora give the same sample. Usage:
    python scripts/make_sample.py [CORPORA_DIR] [OUT_FILE]
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

PLAN = {  # corpus -> documents drawn at random (None = all)
    "kcna_headlines_1997_2014": 1300,
    "kcna_fulltext_2011_2012": 1300,
    "kcna_kp_2024": 450,
    "rodong_sinmun_2021_2022": None,
    "dprk_new_year_addresses_1946_2019": None,
}
# the keyword columns of the corpora README: a few more documents using them, so the sample has history
KEYWORDS = ["Kangwon Province", "Kanggye", "Arduous March", "pace-setter", "self-reliance", "Masikryong",
            "Wonsan", "Army-People Power Station", "Chollima", "speed campaign"]
PER_KEYWORD = 25


def main(corpora: Path, out: Path) -> None:
    rng = random.Random(20261126)
    chosen: list[dict] = []
    for name, n in PLAN.items():
        docs = [json.loads(line) for line in gzip.open(corpora / name / "docs.jsonl.gz", "rt", encoding="utf-8")]
        if n is None or n >= len(docs):
            picked = docs
        else:
            by_year = defaultdict(list)
            for d in docs:
                by_year[d["published"][:4]].append(d)
            picked_ids = set()
            per_year = max(1, n // len(by_year))
            for _year, items in sorted(by_year.items()):
                for d in rng.sample(items, min(per_year, len(items))):
                    picked_ids.add(d["id"])
            for kw in KEYWORDS:
                hits = [d for d in docs if kw.lower() in (d["title"] + " " + d["body"]).lower()]
                for d in rng.sample(hits, min(PER_KEYWORD, len(hits))):
                    picked_ids.add(d["id"])
            picked = [d for d in docs if d["id"] in picked_ids]
        print(f"{name}: {len(picked)} of {len(docs)}", file=sys.stderr)
        chosen += picked
    chosen.sort(key=lambda d: (d["published"], d["id"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        for d in chosen:
            f.write((json.dumps(d, ensure_ascii=False) + "\n").encode("utf-8"))
    print(f"{len(chosen)} documents -> {out} ({out.stat().st_size:,} bytes)", file=sys.stderr)


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    corpora = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "corpora"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else root / "src" / "tealeaves" / "data" / "sample" / "docs.jsonl.gz"
    main(corpora, out)
