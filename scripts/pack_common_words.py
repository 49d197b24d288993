"""Write src/tealeaves/packs/general/common_words.txt: words the news writes in lower case.

    python scripts/pack_common_words.py [--corpora ../shared/corpora]

A frequency count over the English-language bodies of the state-media corpora (``../shared/corpora``; each
folder's README gives its provenance): a word is listed when it is written in lower case at least three
times and in at least 10% of its occurrences, and also written capitalised at least once (a word never
capitalised cannot be mistaken for a name). The name finder uses the list where a capitalised run holds a
title, what it is the title of, and a name (``Minister of Foreign Affairs Nasser Judeh``): a listed word
("Affairs") belongs to the title's body, the unlisted words after it are the name; and two to four
capitalised words none of which is listed, before an appositive or a verb, are a personal name ("Yusuf Raza
Gilani stressed"). Only counts leave the corpora; the list holds single words, no text.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "tealeaves" / "packs" / "general" / "common_words.txt"
CORPORA = ("kcna_fulltext_2011_2012", "kcna_headlines_1997_2014", "kcna_kp_2024", "rodong_sinmun_2021_2022")
WORD = re.compile(r"(?<![\w'’.-])([A-Za-z][a-z]+)(?![\w'’-])")
MIN_LOWER, MIN_SHARE = 3, 0.1


def count(corpora: Path) -> tuple[collections.Counter, collections.Counter]:
    lower: collections.Counter = collections.Counter()
    capital: collections.Counter = collections.Counter()
    for name in CORPORA:
        path = corpora / name / "docs.jsonl.gz"
        if not path.exists():
            raise SystemExit(f"{path} is missing: give --corpora")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("lang") not in (None, "", "en"):
                    continue  # (English only: Spanish "raza" is no reason to doubt "Yusuf Raza Gilani")
                for w in WORD.findall(rec.get("body") or ""):
                    if w[0].islower():
                        lower[w] += 1
                    else:
                        capital[w.lower()] += 1
    return lower, capital


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    lower, capital = count(args.corpora)
    words = sorted(
        w
        for w, n in lower.items()
        if n >= MIN_LOWER and capital[w] >= 1 and n >= MIN_SHARE * (n + capital[w])
    )
    head = [
        "# words the news writes in lower case (scripts/pack_common_words.py: a count over the English",
        "# bodies of",
        *(f"#   {name}" for name in CORPORA),
        f"# in ../shared/corpora; lower case >= {MIN_LOWER} times and >= {MIN_SHARE:.0%} of occurrences,",
        "# capitalised at least once). One word per line, lower case.",
    ]
    OUT.write_text("\n".join([*head, *words]) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
