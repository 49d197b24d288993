"""Helper for the hand-annotated extraction gold set (eval/gold/).

It never decides what is annotated: it draws documents, shows them, turns the annotator's written
decisions (eval/gold/ann/*.ann, format below) into character offsets, and checks them.

Usage (from the repository root, corpora in ../shared/corpora or --corpora DIR):
    python scripts/gold_tool.py select            # seeded draw -> eval/gold/selection.tsv
    python scripts/gold_tool.py select-speakers   # seeded draw -> eval/gold/selection-speakers.tsv
    python scripts/gold_tool.py show ID [ID...]   # canonical text of documents, with offsets
    python scripts/gold_tool.py build             # eval/gold/ann/*.ann -> extraction(-heldout).jsonl
    python scripts/gold_tool.py review ID         # one built record, every span shown in context
    python scripts/gold_tool.py check FILE.ann    # build one .ann file in memory, show its quotes in context
    python scripts/gold_tool.py agree FILE.ann... # a second annotation's quotes against the gold: counts only
    python scripts/gold_tool.py uncovered [ID]    # capitalised words no entity span covers (a checklist)
    python scripts/gold_tool.py names             # canonical names used, with counts (consistency check)
    python scripts/gold_tool.py stats             # counts per source/year/fact type (for the README)

Annotation file format (one block per document; blank lines and lines starting with '#' are ignored):
    @doc <id>
    E <surface>[#n,m] = <TYPE> [<canonical name>]      every whole-word occurrence of <surface> that no
                                                     longer entity span covers (or only occurrences n, m,
                                                     1-based); '~<surface>' also matches inside words
                                                     (glued text such as "ComradeKim Jong Uninvited");
                                                     canonical defaults to the surface
    Q <span> | d|i | [~]<speaker>[#n] | named|self|anonymous | <entity>|- | <cue>
    D <term>[#n] | <span>
    A <span> | <actor> | <type> | <site>|- | <place>|- | <YYYY-MM-DD>|pub | <name>; <name>...|-
    M <span> | <name> | held|to be convened | <convener>|- | <place>|- | <date>|pub|-
    N <free text note>
A <span> is either an exact substring ('#n' picks the n-th occurrence) or '<start words> ... <end words>'
(from the first occurrence of the start words, or its n-th with '#n' after them, to the end of the first
occurrence of the end words after it). A speaker without '#n' is the occurrence right after the quote in the
same sentence, else the nearest one before it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold"
ANN = GOLD / "ann"
# ../shared/corpora from the main checkout; worktrees live one level deeper (wt/<name>)
DEFAULT_CORPORA = next(
    (
        p / "shared" / "corpora"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared" / "corpora").is_dir()
    ),
    ROOT.parent / "shared" / "corpora",
)
SEED = 3006  # issue 3, part 6

CORPUS_OF_PREFIX = {
    "kcna-hl-": "kcna_headlines_1997_2014",
    "kcna-ft-": "kcna_fulltext_2011_2012",
    "kcnakp-": "kcna_kp_2024",
    "rodong-": "rodong_sinmun_2021_2022",
}
ENTITY_TYPES = {"PERSON", "ORG", "PLACE"}
SPEAKER_KINDS = {"named", "self", "anonymous"}
APPEARANCE_TYPES = {"inspection", "visit", "performance", "meeting", "other"}
MEETING_STATUS = {"held", "to be convened"}


# ---------------------------------------------------------------- corpora
def normalise(text: str) -> str:
    """Exactly what tealeaves.model.Document.create does to title and body."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\x00", "")
    return unicodedata.normalize("NFC", text).strip()


def corpus_of(doc_id: str) -> str:
    for prefix, name in CORPUS_OF_PREFIX.items():
        if doc_id.startswith(prefix):
            return name
    raise SystemExit(f"unknown id prefix: {doc_id}")


_CACHE: dict[str, dict[str, dict]] = {}


def load_corpus(corpora: Path, name: str) -> dict[str, dict]:
    if name not in _CACHE:
        path = corpora / name / "docs.jsonl.gz"
        with gzip.open(path, "rt", encoding="utf-8") as f:
            recs = [json.loads(line) for line in f]
        _CACHE[name] = {r["id"]: r for r in recs}
    return _CACHE[name]


def gold_doc(corpora: Path, doc_id: str) -> dict:
    name = corpus_of(doc_id)
    r = load_corpus(corpora, name)[doc_id]
    return {
        "id": r["id"],
        "source": r["source"],
        "published": r["published"],
        "title": normalise(r["title"]),
        "body": normalise(r["body"]),
        "url": r["url"],
        "lang": r["lang"],
        "corpus": name,
    }


def canonical(doc: dict) -> str:
    return doc["title"] + "\n\n" + doc["body"]


# ---------------------------------------------------------------- selection
def _clen(r: dict) -> int:
    return len(normalise(r["title"])) + 2 + len(normalise(r["body"]))


def _t(r: dict) -> str:
    return r["title"]


def _tb(r: dict) -> str:
    return r["title"] + "\n" + r["body"]


KJI = r"(?:General Secretary |Supreme Commander |General )?Kim Jong Il"
KJU = r"(?:Respected Comrade |Marshal |General Secretary )?Kim Jong Un"
ACTS = (
    r"(?:Inspects|Visits|Gives Field Guidance|Provides Field Guidance|Enjoys|Watches|Attends|Guides|Receives"
    r"|Meets|Observes|Oversees|Tours)"
)
MEETING = r"\b(?:Meeting|Session|Conference|Congress|Plenum|Symposium|Seminar|Sitting)\b"
MEETING_DONE = r"\b(?:Held|Convened|to Be Convened|to be convened|to Be Held|Opens|Closes|Opened|Closed)\b"
TO_BE = r"\b(?:to Be Convened|to be convened|to Be Held|to be held|to Open|to open)\b"
DEFINITION = (
    r"which means|\(meaning |\bmeaning (?:a|an|the)\b|stands for an? |\bis called [A-Z\"]"
    r"|known as (?:the )?[A-Z\"]"
    r"|\b[A-Z][a-z]+ \((?:[a-z]+[ -]){0,3}[a-z]+\)"
)
QUOTE_ANON = (
    r"\b(?:a spokesman|spokesman for|spokesperson|an official|officials said|experts|analysts|observers)\b"
)
QUOTE_SELF = (
    r"\b(?:KCNA|the commentary|the article|Rodong Sinmun|the paper|the daily)\b[^.]{0,60}"
    r"\b(?:said|says|noted|stressed)\b"
)

# corpus -> list of (reason, predicate, how many); "random:<...>" reasons are plain seeded draws
PLAN = {
    "kcna_headlines_1997_2014": [
        ("random-en-per-year", None, 2),  # per year 1997-2014
        ("enrich-kji-appearance", lambda r: r["lang"] == "en" and re.match(KJI + " " + ACTS, _t(r)), 6),
        ("enrich-kju-appearance", lambda r: r["lang"] == "en" and re.match(KJU + " " + ACTS, _t(r)), 6),
        (
            "enrich-meeting",
            lambda r: r["lang"] == "en" and re.search(MEETING, _t(r)) and re.search(MEETING_DONE, _t(r)),
            6,
        ),
        (
            "enrich-quote",
            lambda r: r["lang"] == "en" and re.search(r"(?:: [A-Z][\w .'-]+$|, says )", _t(r)),
            5,
        ),
        ("random-es", lambda r: r["lang"] == "es", 5),
        (
            "enrich-es-appearance",
            lambda r: (
                r["lang"] == "es"
                and re.match(
                    r"Kim Jong (?:Il|Un) (?:dirige|visita|inspecciona|aprecia|recorre|asiste|presencia)",
                    _t(r),
                )
            ),
            2,
        ),
        (
            "enrich-to-be-convened",
            lambda r: r["lang"] == "en" and re.search(MEETING, _t(r)) and re.search(TO_BE, _t(r)),
            4,
        ),
    ],
    "kcna_fulltext_2011_2012": [
        ("random-en", lambda r: r["lang"] == "en" and _clen(r) <= 3000, 30),
        ("random-es", lambda r: r["lang"] == "es" and _clen(r) <= 3000, 4),
        (
            "enrich-kji-appearance",
            lambda r: r["lang"] == "en" and _clen(r) <= 3000 and re.match(KJI + " " + ACTS, _t(r)),
            7,
        ),
        (
            "enrich-kju-appearance",
            lambda r: r["lang"] == "en" and _clen(r) <= 3000 and re.match(KJU + " " + ACTS, _t(r)),
            7,
        ),
        (
            "enrich-meeting",
            lambda r: (
                r["lang"] == "en"
                and _clen(r) <= 3000
                and re.search(MEETING, _t(r))
                and re.search(MEETING_DONE, _t(r))
            ),
            5,
        ),
        (
            "enrich-quote-anonymous",
            lambda r: r["lang"] == "en" and _clen(r) <= 3000 and re.search(QUOTE_ANON, r["body"]),
            5,
        ),
        (
            "enrich-quote-self",
            lambda r: r["lang"] == "en" and _clen(r) <= 3000 and re.search(QUOTE_SELF, r["body"]),
            3,
        ),
        (
            "enrich-definition",
            lambda r: r["lang"] == "en" and _clen(r) <= 3000 and re.search(DEFINITION, r["body"]),
            9,
        ),
        (
            "enrich-es-appearance",
            lambda r: (
                r["lang"] == "es"
                and _clen(r) <= 3000
                and re.match(r"Kim Jong (?:Il|Un) (?:dirige|visita|inspecciona|aprecia|recorre)", _t(r))
            ),
            1,
        ),
        (
            "enrich-to-be-convened",
            lambda r: (
                r["lang"] == "en"
                and _clen(r) <= 3000
                and re.search(MEETING + r"|\bSPA\b", _t(r))
                and re.search(TO_BE, _t(r))
            ),
            3,
        ),
    ],
    "kcna_kp_2024": [
        ("random", lambda r: _clen(r) <= 3000, 22),
        ("enrich-kju-appearance", lambda r: _clen(r) <= 3000 and re.match(KJU + " " + ACTS, _t(r)), 9),
        ("enrich-meeting", lambda r: _clen(r) <= 3000 and re.search(MEETING, _t(r)), 4),
        (
            "enrich-quote",
            lambda r: (
                _clen(r) <= 3000
                and re.search(r"\b(?:Spokesman|Spokesperson|Press Statement|Statement|Commentary)\b", _t(r))
            ),
            4,
        ),
    ],
    "rodong_sinmun_2021_2022": [
        ("random", lambda r: len(r["body"]) > 0 and _clen(r) <= 4000, 14),
        (
            "enrich-meeting",
            lambda r: len(r["body"]) > 0 and _clen(r) <= 4000 and re.search(MEETING, _t(r)),
            5,
        ),
    ],
}
HELDOUT_AT = (
    2,
    6,
)  # within each (corpus, reason) group, seeded positions i with i % 9 in (2, 6) are held out


def select(corpora: Path) -> list[tuple[str, str, str, str]]:
    excluded = set()
    mixed = ROOT / "tests" / "data" / "mixed.jsonl"
    if mixed.exists():
        excluded = {json.loads(line)["id"] for line in mixed.read_text(encoding="utf-8").splitlines()}
    rows: list[tuple[str, str, str, str]] = []
    seen_ids: set[str] = set(excluded)
    for name, plan in PLAN.items():
        docs = list(load_corpus(corpora, name).values())
        seen_text: set[tuple[str, str]] = set()
        for reason, pred, n in plan:
            rng = random.Random(f"{SEED}:{name}:{reason}")
            if reason == "random-en-per-year":
                picked = []
                by_year = defaultdict(list)
                for r in docs:
                    if r["lang"] == "en":
                        by_year[r["published"][:4]].append(r)
                for year in sorted(by_year):
                    pool = [r for r in by_year[year] if r["id"] not in seen_ids]
                    picked += rng.sample(pool, n)
            else:
                pool = [r for r in docs if pred(r)]
                rng.shuffle(pool)
                picked = []
                for r in pool:
                    key = (r["title"], r["body"])
                    if r["id"] in seen_ids or key in seen_text:
                        continue
                    picked.append(r)
                    if len(picked) == n:
                        break
            for i, r in enumerate(picked):
                seen_ids.add(r["id"])
                seen_text.add((r["title"], r["body"]))
                split = "heldout" if i % 9 in HELDOUT_AT else "main"
                rows.append((split, name, r["id"], reason))
    return rows


def cmd_select(args) -> None:
    rows = select(args.corpora)
    out = GOLD / "selection.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write(f"# seeded draw (seed {SEED}) by scripts/gold_tool.py select; split\tcorpus\tid\treason\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    c = Counter((s, n) for s, n, _, _ in rows)
    for k in sorted(c):
        print(*k, c[k])
    print("total", len(rows), "heldout", sum(1 for r in rows if r[0] == "heldout"))


# The speaker check set (eval/gold/speakers.jsonl): documents outside both extraction splits, annotated for
# quotes only, drawn after the held-out speaker accuracy (0.657) fell far below the development one (0.953)
# so speaker rules can be developed on text that neither split contains. Its own seed and plan.
SPEAKER_SEED = "3006-speakers"
QUOTE_CUE = r"\b(?:said|says|noted|stressed|pointed out|according to|told|added|declared|claimed)\b"
SPEAKER_PLAN = {
    "kcna_headlines_1997_2014": [
        (
            "enrich-quote",
            lambda r: r["lang"] == "en" and re.search(r"(?:: [A-Z][\w .'-]+$|, says )", _t(r)),
            6,
        ),
    ],
    "kcna_fulltext_2011_2012": [
        (
            "quote-cue",
            lambda r: r["lang"] == "en" and _clen(r) <= 3000 and re.search(QUOTE_CUE, r["body"]),
            18,
        ),
        (
            "quote-marks",
            lambda r: r["lang"] == "en" and _clen(r) <= 3000 and re.search(r"\"[^\"]{20,}\"", r["body"]),
            6,
        ),
        (
            "enrich-quote-anonymous",
            lambda r: r["lang"] == "en" and _clen(r) <= 3000 and re.search(QUOTE_ANON, r["body"]),
            6,
        ),
        (
            "enrich-quote-self",
            lambda r: r["lang"] == "en" and _clen(r) <= 3000 and re.search(QUOTE_SELF, r["body"]),
            6,
        ),
        (
            "quote-es",
            lambda r: (
                r["lang"] == "es"
                and _clen(r) <= 3000
                and re.search(r"\b(?:dijo|señaló|destacó|subrayó|afirmó|expresó)\b", r["body"])
            ),
            2,
        ),
    ],
    "kcna_kp_2024": [
        ("quote-cue", lambda r: _clen(r) <= 3000 and re.search(QUOTE_CUE, r["body"]), 8),
        (
            "enrich-quote",
            lambda r: (
                _clen(r) <= 3000
                and re.search(r"\b(?:Spokesman|Spokesperson|Press Statement|Statement|Commentary)\b", _t(r))
            ),
            4,
        ),
    ],
    "rodong_sinmun_2021_2022": [
        ("quote-cue", lambda r: _clen(r) <= 4000 and re.search(QUOTE_CUE, r["body"]), 6),
    ],
}


# The second batch (drawn after the first one had been used for development): the extraction plan's own
# groups that carry quotes, so the batch is composed as the two extraction splits are.
_PLAN2_GROUPS = {
    "kcna_headlines_1997_2014": {"enrich-quote": 5},
    "kcna_fulltext_2011_2012": {
        "random-en": 10,
        "enrich-quote-anonymous": 5,
        "enrich-quote-self": 3,
        "enrich-kju-appearance": 4,
        "enrich-kji-appearance": 4,
    },
    "kcna_kp_2024": {"random": 6, "enrich-kju-appearance": 5, "enrich-quote": 4},
    "rodong_sinmun_2021_2022": {"random": 5},
}


# The third batch (drawn after the second had been used for development): the groups of the held-out split,
# about in its proportions, so that an unbiased figure can be had again without reading the held-out split.
_PLAN3_GROUPS = {
    "kcna_headlines_1997_2014": {"enrich-quote": 2},
    "kcna_fulltext_2011_2012": {
        "random-en": 14,
        "enrich-definition": 4,
        "enrich-kji-appearance": 4,
        "enrich-kju-appearance": 4,
        "enrich-meeting": 2,
        "enrich-quote-anonymous": 2,
        "enrich-quote-self": 2,
        "random-es": 2,
        "enrich-to-be-convened": 2,
    },
    "kcna_kp_2024": {"random": 10, "enrich-kju-appearance": 4, "enrich-meeting": 2, "enrich-quote": 2},
    "rodong_sinmun_2021_2022": {"random": 6, "enrich-meeting": 2},
}


def _batch_plan(batch: int, groups: dict[str, dict[str, int]]) -> dict[str, list]:
    """A batch of the speaker check set: the main plan's groups named in ``groups``, with those counts."""
    return {
        name: [(f"batch{batch}-{reason}", pred, groups[name][reason]) for reason, pred, _ in PLAN[name]
               if reason in groups[name]]
        for name in groups
    }  # fmt: skip


# every batch with its seed, in the order drawn: batch 1 (its own plan), batch 2 (the extraction splits'
# composition), then batches 3-12 in the held-out split's groups, each scored once before it was used
SPEAKER_BATCHES = [
    (SPEAKER_PLAN, SPEAKER_SEED),
    (_batch_plan(2, _PLAN2_GROUPS), SPEAKER_SEED + "-2"),
    *((_batch_plan(n, _PLAN3_GROUPS), f"{SPEAKER_SEED}-{n}") for n in range(3, 298)),
]


# From this batch on (round M, session 12), a drawn batch is not development data once scored: it goes to
# the sealed split (eval/gold/speakers-sealed.jsonl), scored by ``tealeaves eval extraction`` as
# ``sealed.*`` like the held-out split, its documents and errors never read while building the extractor.
SEALED_FROM_BATCH = 190

# batches after SEALED_FROM_BATCH drawn as development data: scored once on arrival (an unbiased figure,
# as batches 3-189 were), then read for error analysis like the rest of the check set (session 16, rounds R,
# S and T: the check set's remaining errors are the residue of data the rules were built on; fresh documents
# show the common ones)
DEV_BATCHES = frozenset(range(210, 230)) | frozenset(range(234, 242)) | frozenset(range(246, 298))
# (session 19: development rounds X, Y; session 20: rounds AA, AB, AC, AD; session 21: round AE;
# session 22: rounds AF, AG, AH, AI; session 23: rounds AJ, AK; session 24: rounds AL, AM)

# documents of a sealed batch that were read while building the extractor before the batch was drawn (a
# corpus sample happened to show them): they go to the check set, the rest of the batch stays sealed
READ_BEFORE_DRAW = {
    "kcna-ft-2012-08-06-0022": "session 16: an office-holder speaker in a corpus sample, read before round Q",
    "kcna-ft-2012-10-10-0014": "session 19: a pronoun speaker in a corpus sample, read before round Z",
}


def select_speakers(corpora: Path) -> list[tuple[str, str, str, str]]:
    """Seeded draw of the speaker check set (all batches), skipping every document of selection.tsv,
    tests/data/mixed.jsonl, earlier batches and texts equal to one of them. Batches from
    ``SEALED_FROM_BATCH`` on are the sealed split."""
    rows: list[tuple[str, str, str, str]] = []
    for batch, (plan, seed) in enumerate(SPEAKER_BATCHES, 1):
        split = "sealed" if batch >= SEALED_FROM_BATCH and batch not in DEV_BATCHES else "speakers"
        rows += _draw_speakers(corpora, plan, seed, {row[2] for row in rows}, split)
    return [("speakers", *row[1:]) if row[2] in READ_BEFORE_DRAW else row for row in rows]


def _draw_speakers(
    corpora: Path, plan: dict, seed: str, taken: set[str], split: str = "speakers"
) -> list[tuple[str, str, str, str]]:
    excluded = {row[2] for row in read_selection(main_only=True)} | taken
    mixed = ROOT / "tests" / "data" / "mixed.jsonl"
    if mixed.exists():
        excluded |= {json.loads(line)["id"] for line in mixed.read_text(encoding="utf-8").splitlines()}
    rows: list[tuple[str, str, str, str]] = []
    for name, groups in plan.items():
        docs = list(load_corpus(corpora, name).values())
        seen_text = {(r["title"], r["body"]) for r in docs if r["id"] in excluded}
        for reason, pred, n in groups:
            rng = random.Random(f"{seed}:{name}:{reason}")
            pool = [r for r in docs if pred(r)]
            rng.shuffle(pool)
            picked = 0
            for r in pool:
                key = (r["title"], r["body"])
                if r["id"] in excluded or key in seen_text:
                    continue
                excluded.add(r["id"])
                seen_text.add(key)
                rows.append((split, name, r["id"], reason))
                picked += 1
                if picked == n:
                    break
    return rows


def cmd_select_speakers(args) -> None:
    rows = select_speakers(args.corpora)
    out = GOLD / "selection-speakers.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write(
            f"# seeded draw (seed {SPEAKER_SEED}) by scripts/gold_tool.py select-speakers;"
            " split\tcorpus\tid\treason\n"
        )
        for row in rows:
            f.write("\t".join(row) + "\n")
    c = Counter(n for _, n, _, _ in rows)
    for k in sorted(c):
        print(k, c[k])
    print("total", len(rows))


def read_selection(main_only: bool = False) -> list[tuple[str, str, str, str]]:
    """selection.tsv (the extraction splits), then selection-speakers.tsv (the speaker check set)."""
    rows = []
    names = ("selection.tsv",) if main_only else ("selection.tsv", "selection-speakers.tsv")
    for name in names:
        path = GOLD / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            rows.append(tuple(line.split("\t")))
    return rows


# ---------------------------------------------------------------- show
def cmd_show(args) -> None:
    for doc_id in args.ids:
        doc = gold_doc(args.corpora, doc_id)
        text = canonical(doc)
        print(
            f"=== {doc_id}  {doc['published']} ({date.fromisoformat(doc['published']).strftime('%a')})"
            f"  {doc['lang']}  len={len(text)}"
        )
        # one line per title / paragraph (a "\n" or a ", ," join), with its starting offset
        for m in re.finditer(r"[^\n]+", text):
            for p in re.finditer(r".+?(?:, ,|$)", m.group(0)):
                chunk = p.group(0)
                if chunk.strip(" ,\r"):
                    print(
                        f"[{m.start() + p.start():5d}] {chunk!r}"
                        if args.raw
                        else f"[{m.start() + p.start():5d}] {chunk}"
                    )
        print()


# ---------------------------------------------------------------- parsing annotations
class AnnError(Exception):
    pass


WORD = re.compile(r"\w", re.UNICODE)


def _occurrences(text: str, s: str, whole_word: bool) -> list[int]:
    out, i = [], text.find(s)
    while i != -1:
        ok = True
        if whole_word:
            if i > 0 and WORD.match(text[i - 1]) and WORD.match(s[0]):
                ok = False
            j = i + len(s)
            if j < len(text) and WORD.match(text[j]) and WORD.match(s[-1]):
                ok = False
        if ok:
            out.append(i)
        i = text.find(s, i + 1)
    return out


def _split_occ(s: str) -> tuple[str, list[int] | None]:
    m = re.fullmatch(r"(.*?)#(\d+(?:,\d+)*)", s)
    if m:
        return m.group(1), [int(x) for x in m.group(2).split(",")]
    return s, None


def find_span(text: str, spec: str) -> tuple[int, int]:
    spec = spec.strip()
    if " ... " in spec:
        a, b = spec.split(" ... ", 1)
        a, occ = _split_occ(a)
        starts = _occurrences(text, a, False)
        if not starts:
            raise AnnError(f"start words not found: {a!r}")
        n = (occ or [1])[0]
        if n > len(starts):
            raise AnnError(f"start words {a!r}: only {len(starts)} occurrences")
        s = starts[n - 1]
        e = text.find(b, s)
        if e == -1:
            raise AnnError(f"end words not found after start: {b!r}")
        return s, e + len(b)
    spec, occ = _split_occ(spec)
    starts = _occurrences(text, spec, False)
    if not starts:
        raise AnnError(f"span not found: {spec!r}")
    if occ is None and len(starts) > 1:
        raise AnnError(f"span occurs {len(starts)} times, say which with #n: {spec!r}")
    n = (occ or [1])[0]
    if n > len(starts):
        raise AnnError(f"span {spec!r}: only {len(starts)} occurrences")
    s = starts[n - 1]
    return s, s + len(spec)


def _nul(v: str) -> str | None:
    v = v.strip()
    return None if v in ("-", "") else v


def _date(v: str, published: str) -> str | None:
    v = v.strip()
    if v == "pub":
        return published
    if v == "-":
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
        raise AnnError(f"bad date {v!r}")
    return v


def _nearest_speaker(text: str, starts: list[int], n: int, s: int, e: int) -> int:
    """The speaker right after the quote in the same sentence ("..., he said"), else the nearest before it."""
    after = [x for x in starts if x >= e and x - e < 40 and not re.search(r"[.!?]\s|, ,|\n", text[e:x])]
    if after:
        return after[0]
    before = [x for x in starts if x + n <= s]
    if not before:
        raise AnnError(f"no speaker occurrence before or right after the quote at {s}")
    return before[-1]


def parse_blocks(path: Path) -> list[tuple[str, list[tuple[int, str]]]]:
    blocks: list[tuple[str, list[tuple[int, str]]]] = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("@doc "):
            blocks.append((line[5:].strip(), []))
        else:
            if not blocks:
                raise AnnError(f"{path.name}:{no}: annotation before any @doc")
            blocks[-1][1].append((no, line.rstrip()))
    return blocks


def build_record(doc: dict, lines: list[tuple[int, str]], where: str) -> dict:
    text = canonical(doc)
    ents_spec, quotes, defs, apps, meets, notes = [], [], [], [], [], []
    for no, line in lines:
        kind, _, rest = line.partition(" ")
        try:
            if kind == "E":
                surface, _, tail = rest.rpartition(" = ")
                if not surface:
                    raise AnnError("entity line needs '<surface> = TYPE [canonical]'")
                typ, _, canon = tail.strip().partition(" ")
                if typ not in ENTITY_TYPES:
                    raise AnnError(f"bad entity type {typ!r}")
                raw = surface.startswith("~")
                surface = surface[1:] if raw else surface
                surface, occ = _split_occ(surface)
                canon = canon.strip()
                ents_spec.append(
                    (no, surface, occ, raw, typ, None if canon == "null" else (canon or surface))
                )
            elif kind == "Q":
                f = [x.strip() for x in rest.split(" | ")]
                if len(f) != 6:
                    raise AnnError(f"quote needs 6 fields, got {len(f)}")
                s, e = find_span(text, f[0])
                if f[1] not in ("d", "i"):
                    raise AnnError("direct must be d or i")
                sp_raw = f[2].startswith("~")
                sp_surface, sp_occ = _split_occ(f[2][1:] if sp_raw else f[2])
                starts = _occurrences(text, sp_surface, not sp_raw)
                if not starts:
                    raise AnnError(f"speaker not found: {sp_surface!r}")
                if sp_occ and sp_occ[0] > len(starts):
                    raise AnnError(f"speaker {sp_surface!r}: only {len(starts)} occurrences")
                if sp_occ:
                    ss = starts[sp_occ[0] - 1]
                else:
                    ss = _nearest_speaker(text, starts, len(sp_surface), s, e)
                if f[3] not in SPEAKER_KINDS:
                    raise AnnError(f"bad speaker kind {f[3]!r}")
                quotes.append(
                    {
                        "start": s,
                        "end": e,
                        "text": text[s:e],
                        "direct": f[1] == "d",
                        "speaker": {
                            "start": ss,
                            "end": ss + len(sp_surface),
                            "text": sp_surface,
                            "entity": _nul(f[4]),
                            "kind": f[3],
                        },
                        "cue": f[5],
                    }
                )
            elif kind == "D":
                f = [x.strip() for x in rest.split(" | ")]
                if len(f) != 2:
                    raise AnnError("definition needs 2 fields")
                s, e = find_span(text, f[1])
                term, occ = _split_occ(f[0])
                starts = [x for x in _occurrences(text, term, True) if s <= x and x + len(term) <= e]
                if not starts:
                    raise AnnError(f"term {term!r} not inside the definition sentence")
                if (occ or [1])[0] > len(starts):
                    raise AnnError(f"term {term!r}: only {len(starts)} occurrences inside the sentence")
                ts = starts[(occ or [1])[0] - 1]
                defs.append(
                    {
                        "term": term,
                        "term_start": ts,
                        "term_end": ts + len(term),
                        "start": s,
                        "end": e,
                        "text": text[s:e],
                    }
                )
            elif kind == "A":
                f = [x.strip() for x in rest.split(" | ")]
                if len(f) != 7:
                    raise AnnError(f"appearance needs 7 fields, got {len(f)}")
                s, e = find_span(text, f[0])
                if f[2] not in APPEARANCE_TYPES:
                    raise AnnError(f"bad appearance type {f[2]!r}")
                acc = [] if f[6] == "-" else [x.strip() for x in f[6].split(";") if x.strip()]
                apps.append(
                    {
                        "start": s,
                        "end": e,
                        "text": text[s:e],
                        "actor": f[1],
                        "type": f[2],
                        "site": _nul(f[3]),
                        "place": _nul(f[4]),
                        "date": _date(f[5], doc["published"]),
                        "accompanied": acc,
                    }
                )
            elif kind == "M":
                f = [x.strip() for x in rest.split(" | ")]
                if len(f) != 6:
                    raise AnnError(f"meeting needs 6 fields, got {len(f)}")
                s, e = find_span(text, f[0])
                if f[2] not in MEETING_STATUS:
                    raise AnnError(f"bad meeting status {f[2]!r}")
                meets.append(
                    {
                        "start": s,
                        "end": e,
                        "text": text[s:e],
                        "name": f[1],
                        "status": f[2],
                        "convener": _nul(f[3]),
                        "place": _nul(f[4]),
                        "date": _date(f[5], doc["published"]),
                    }
                )
            elif kind == "N":
                notes.append(rest.strip())
            else:
                raise AnnError(f"unknown line kind {kind!r}")
        except AnnError as err:
            raise AnnError(f"{where}:{no}: {err}") from None
    # entities: longest surface first, so nested shorter surfaces skip covered text
    taken: list[tuple[int, int]] = []
    entities = []
    for no, surface, occ, raw, typ, canon in sorted(ents_spec, key=lambda x: -len(x[1])):
        starts = _occurrences(text, surface, not raw)
        free = [s for s in starts if not any(s < b and s + len(surface) > a for a, b in taken)]
        if occ:
            try:
                chosen = [free[i - 1] for i in occ]
            except IndexError:
                raise AnnError(f"{where}:{no}: {surface!r} has only {len(free)} free occurrences") from None
        else:
            chosen = free
        if not chosen:
            raise AnnError(f"{where}:{no}: entity {surface!r} not found (or all covered)")
        for s in chosen:
            taken.append((s, s + len(surface)))
            entities.append(
                {"start": s, "end": s + len(surface), "text": surface, "type": typ, "entity": canon}
            )
    entities.sort(key=lambda x: (x["start"], x["end"]))
    for lst in (quotes, defs, apps, meets):
        lst.sort(key=lambda x: (x["start"], x["end"]))
    return {
        "doc": doc,
        "entities": entities,
        "quotes": quotes,
        "definitions": defs,
        "appearances": apps,
        "meetings": meets,
        "notes": " ".join(notes),
    }


SPLIT_FILES = {
    "main": "extraction.jsonl",
    "heldout": "extraction-heldout.jsonl",
    "speakers": "speakers.jsonl",
    "sealed": "speakers-sealed.jsonl",
}


def quotes_only(rec: dict, lines: list[tuple[int, str]], where: str) -> dict:
    """A speaker-check record: only its quotes were annotated (``annotated`` says so; the scorer skips the
    other fact types)."""
    for no, line in lines:
        if line.split(" ", 1)[0] not in ("Q", "N"):
            raise AnnError(f"{where}:{no}: the speaker check set annotates quotes only (Q and N lines)")
    return {"doc": rec["doc"], "quotes": rec["quotes"], "notes": rec["notes"], "annotated": ["quotes"]}


def _ann_order(path: Path) -> tuple[int, str]:
    """Annotation files in the order of their number ('99-...' before '100-...'), so a new file goes last."""
    head = path.name.split("-", 1)[0]
    return (int(head) if head.isdigit() else 0, path.name)


def build_all(corpora: Path) -> dict[str, list[dict]]:
    split_of = {row[2]: row[0] for row in read_selection()}
    out: dict[str, list[dict]] = {split: [] for split in SPLIT_FILES}
    seen: set[str] = set()
    errors = []
    for path in sorted(ANN.glob("*.ann"), key=_ann_order):
        for doc_id, lines in parse_blocks(path):
            if doc_id in seen:
                errors.append(f"{path.name}: {doc_id} annotated twice")
                continue
            seen.add(doc_id)
            if doc_id not in split_of:
                errors.append(f"{path.name}: {doc_id} is not in selection.tsv")
                continue
            try:
                rec = build_record(gold_doc(corpora, doc_id), lines, path.name)
            except AnnError as err:
                errors.append(str(err))
                continue
            if split_of[doc_id] in ("speakers", "sealed"):
                rec = quotes_only(rec, lines, path.name)
            out[split_of[doc_id]].append(rec)
    if errors:
        raise SystemExit("\n".join(errors))
    return out


# at most this many records per file: a larger split goes on in "speakers-2.jsonl", "speakers-3.jsonl", ...
# (each part a few MB; tealeaves.bench.eval_extraction.gold_parts reads them back in order)
PART_RECORDS = 1500


def _part_name(fname: str, k: int) -> str:
    return fname if k == 1 else f"{Path(fname).stem}-{k}.jsonl"


def _parts(fname: str) -> list[Path]:
    stem = Path(fname).stem
    extra = [q for q in GOLD.glob(f"{stem}-*.jsonl") if q.stem.rsplit("-", 1)[1].isdigit()]
    return [GOLD / fname, *sorted(extra, key=lambda q: int(q.stem.rsplit("-", 1)[1]))]


def cmd_build(args) -> None:
    out = build_all(args.corpora)
    order = {row[2]: i for i, row in enumerate(read_selection())}
    for split, fname in SPLIT_FILES.items():
        recs = sorted(out[split], key=lambda r: order[r["doc"]["id"]])
        for old in _parts(fname)[1:]:
            old.unlink()  # (parts are rewritten from scratch)
        chunks = [recs[i : i + PART_RECORDS] for i in range(0, len(recs), PART_RECORDS)] or [[]]
        for k, chunk in enumerate(chunks, 1):
            with (GOLD / _part_name(fname, k)).open("w", encoding="utf-8") as f:
                for r in chunk:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{fname}: {len(recs)} documents in {len(chunks)} file(s)")
    if not args.no_test:
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", str(ROOT / "tests" / "test_gold_format.py")],
            check=False,
            cwd=ROOT,
        )


# ---------------------------------------------------------------- review
def load_built() -> dict[str, dict]:
    recs = {}
    for fname in SPLIT_FILES.values():
        for p in _parts(fname):
            if p.exists():
                for line in p.read_text(encoding="utf-8").splitlines():
                    r = json.loads(line)
                    recs[r["doc"]["id"]] = r
    return recs


def _ctx(text: str, s: int, e: int, w: int = 30) -> str:
    return (text[max(0, s - w) : s] + "[[" + text[s:e] + "]]" + text[e : e + w]).replace("\n", "/")


def cmd_check(args) -> None:
    """Build the records of one .ann file in memory (nothing is written) and show every quote in context:
    the annotator's check while annotating. With ``--counts``, only the documents' quote counts and the
    errors, no text: the check of a sealed round by whoever builds the extractor, who must not read it."""
    errors = 0
    for doc_id, lines in parse_blocks(args.file):
        try:
            rec = build_record(gold_doc(args.corpora, doc_id), lines, args.file.name)
        except (AnnError, KeyError, SystemExit) as err:
            print(f"ERROR {doc_id}: {err}" if not args.counts else f"ERROR {doc_id}: {type(err).__name__}")
            errors += 1
            continue
        text = canonical(rec["doc"])
        print(f"=== {doc_id}: {len(rec['quotes'])} quotes")
        if args.counts:
            continue
        for q in rec["quotes"]:
            sp = q["speaker"]
            print(
                f"  {'d' if q['direct'] else 'i'} {sp['kind']} {sp['entity']} cue={q['cue']!r} "
                f"speaker: {_ctx(text, sp['start'], sp['end'])}\n    quote: {_ctx(text, q['start'], q['end'], 15)}"
            )
    if errors:
        raise SystemExit(f"{errors} document(s) with errors")


def quote_agreement(paths: list[Path]) -> tuple[Counter, Counter]:
    """Inter-annotator agreement on quotes: a blind second annotation (quotes only) of gold documents against
    the built gold records. Returns counts (and the speaker-kind pairs that differ), never text, so it can be
    run on the held-out split."""
    gold = load_built()
    c: Counter = Counter()
    confused: Counter = Counter()
    for path in paths:
        for doc_id, lines in parse_blocks(path):
            second = build_record(gold[doc_id]["doc"], lines, path.name)["quotes"]  # (the record's own text)
            first = gold[doc_id]["quotes"]
            c["documents"] += 1
            c["gold quotes"] += len(first)
            c["second quotes"] += len(second)
            used: set[int] = set()
            for g in first:
                j = next((j for j, q in enumerate(second) if j not in used and _same_quote(g, q)), None)
                if j is None:
                    continue
                used.add(j)
                c["quotes in both"] += 1
                a, b = g["speaker"], second[j]["speaker"]
                if a["kind"] != b["kind"]:
                    agree = False
                elif a["entity"] or b["entity"]:
                    agree = _fold_name(a["entity"]) == _fold_name(b["entity"])
                else:
                    agree = a["start"] < b["end"] and b["start"] < a["end"]
                c["same speaker"] += agree
                if not agree:
                    confused[f"{a['kind']} / {b['kind']}"] += 1
    return c, confused


def cmd_agree(args) -> None:
    c, confused = quote_agreement(args.files)
    both = c["quotes in both"]
    print(f"documents: {c['documents']}")
    print(f"quotes: gold {c['gold quotes']}, second {c['second quotes']}, in both {both}")
    if c["gold quotes"] and c["second quotes"]:
        p, r = both / c["second quotes"], both / c["gold quotes"]
        print(f"quote spans: agreement F1 {2 * p * r / (p + r):.3f}")
    if both:
        print(f"speakers: same on {c['same speaker']}/{both} = {c['same speaker'] / both:.3f}")
    for k, n in sorted(confused.items()):
        print(f"  differ (gold kind / second kind) {k}: {n}")


def _same_quote(a: dict, b: dict) -> bool:
    """The scorer's rule: the spans overlap by at least half the shorter one."""
    o = min(a["end"], b["end"]) - max(a["start"], b["start"])
    return o > 0 and o >= 0.5 * min(a["end"] - a["start"], b["end"] - b["start"])


def _fold_name(name: str | None) -> str:
    return unicodedata.normalize("NFKC", name or "").lower().replace("’", "'")


def cmd_review(args) -> None:
    recs = load_built()
    for doc_id in args.ids:
        r = recs[doc_id]
        text = canonical(r["doc"])
        print(f"=== {doc_id} ({r['doc']['published']})")
        marked, last = [], 0
        for e in r.get("entities", []):
            marked.append(
                text[last : e["start"]]
                + "["
                + text[e["start"] : e["end"]]
                + "|"
                + e["type"][:3]
                + ("" if e["entity"] == e["text"] else "=" + str(e["entity"]))
                + "]"
            )
            last = e["end"]
        marked.append(text[last:])
        print("".join(marked))
        for q in r["quotes"]:
            sp = q["speaker"]
            print(
                f"  Q {'direct' if q['direct'] else 'indirect'} speaker={sp['text']!r}@{sp['start']} "
                f"{sp['kind']} {sp['entity']} cue={q['cue']!r}\n    {q['text']!r}"
            )
        for d in r.get("definitions", []):
            print(f"  D term={d['term']!r} :: {d['text']!r}")
        for a in r.get("appearances", []):
            print(
                f"  A {a['actor']} {a['type']} site={a['site']!r} place={a['place']!r} date={a['date']} "
                f"acc={a['accompanied']}\n    {a['text']!r}"
            )
        for m in r.get("meetings", []):
            print(
                f"  M {m['name']!r} {m['status']} by={m['convener']!r} place={m['place']!r} date={m['date']}"
                f"\n    {m['text']!r}"
            )
        if r["notes"]:
            print("  N", r["notes"])


STOP = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "It",
    "He",
    "She",
    "They",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "We",
    "Our",
    "As",
    "By",
    "For",
    "With",
    "From",
    "To",
    "Of",
    "And",
    "But",
    "Also",
    "Present",
    "There",
    "When",
    "After",
    "Before",
    "While",
    "If",
    "Then",
    "Such",
    "Among",
    "Speakers",
    "Attending",
    "Seen",
    "Comrade",
    "Respected",
    "I",
    "You",
    "Let",
    "Us",
    "El",
    "La",
    "Los",
    "Las",
    "En",
    "Del",
    "De",
    "Y",
    "Un",
    "Una",
    "Con",
    "Por",
    "Para",
    "Al",
    "Lo",
    "Se",
    "Es",
    "Su",
    "Sus",
}


def cmd_uncovered(args) -> None:
    recs = load_built()
    ids = args.ids or list(recs)
    for doc_id in ids:
        r = recs[doc_id]
        text = canonical(r["doc"])
        cov = [(e["start"], e["end"]) for e in r.get("entities", [])]
        words = []
        for m in re.finditer(r"\b[A-Z][\w'.-]*", text):
            if any(a <= m.start() < b for a, b in cov) or m.group(0) in STOP:
                continue
            words.append(m.group(0))
        if words:
            print(doc_id, ":", ", ".join(f"{w}×{n}" if n > 1 else w for w, n in Counter(words).items()))


def cmd_names(args) -> None:
    c = Counter()
    for r in load_built().values():
        for e in r.get("entities", []):
            c[(e["type"], e["entity"])] += 1
    for (t, n), k in sorted(c.items(), key=lambda x: (x[0][0], str(x[0][1]))):
        print(f"{t}\t{k}\t{n}")


def _fact_counts(recs: list[dict]) -> Counter:
    ft: Counter = Counter()
    for r in recs:
        ft["documents"] += 1
        for e in r["entities"]:
            ft["entities"] += 1
            ft["entities: " + e["type"]] += 1
        for q in r["quotes"]:
            ft["quotes"] += 1
            ft["quotes: " + ("direct" if q["direct"] else "indirect")] += 1
            ft["quotes: speaker " + q["speaker"]["kind"]] += 1
        ft["definitions"] += len(r["definitions"])
        for a in r["appearances"]:
            ft["appearances"] += 1
            ft["appearances: " + a["actor"]] += 1
            ft["appearances: type " + a["type"]] += 1
            ft["appearances: with companions"] += bool(a["accompanied"])
        for m in r["meetings"]:
            ft["meetings"] += 1
            ft["meetings: " + m["status"]] += 1
        for k in ("quotes", "definitions", "appearances", "meetings"):
            ft[f"documents with {k}"] += bool(r[k])
        ft["documents with none of these"] += not any(
            r[k] for k in ("quotes", "definitions", "appearances", "meetings")
        )
    return ft


def cmd_stats(args) -> None:
    """Markdown tables for eval/gold/README.md."""
    files = ("extraction.jsonl", "extraction-heldout.jsonl")
    recs = {f: [json.loads(x) for x in (GOLD / f).read_text(encoding="utf-8").splitlines()] for f in files}
    short = {
        "kcna_headlines_1997_2014": "KCNA headlines",
        "kcna_fulltext_2011_2012": "KCNA full text",
        "kcna_kp_2024": "kcna.kp",
        "rodong_sinmun_2021_2022": "Rodong Sinmun",
    }
    print("| corpus | year | lang | development | held out |\n|---|---|---|---|---|")
    by = {
        f: Counter((r["doc"]["corpus"], r["doc"]["published"][:4], r["doc"]["lang"]) for r in recs[f])
        for f in files
    }
    keys = sorted(set(by[files[0]]) | set(by[files[1]]), key=lambda k: (list(short).index(k[0]), k[1], k[2]))
    for k in keys:
        print(f"| {short[k[0]]} | {k[1]} | {k[2]} | {by[files[0]][k]} | {by[files[1]][k]} |")
    tot = {f: Counter(r["doc"]["corpus"] for r in recs[f]) for f in files}
    for c in short:
        print(f"| **{short[c]}, all** | | | **{tot[files[0]][c]}** | **{tot[files[1]][c]}** |")
    print(f"| **all** | | | **{len(recs[files[0]])}** | **{len(recs[files[1]])}** |")
    print()
    fc = {f: _fact_counts(recs[f]) for f in files}
    print("| fact | development | held out |\n|---|---|---|")
    for k in sorted(set(fc[files[0]]) | set(fc[files[1]]), key=lambda x: (x.split(":")[0].split(" ")[0], x)):
        print(f"| {k} | {fc[files[0]][k]} | {fc[files[1]][k]} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("select")
    sub.add_parser("select-speakers")
    p = sub.add_parser("show")
    p.add_argument("ids", nargs="+")
    p.add_argument("--raw", action="store_true", help="show control characters")
    p = sub.add_parser("build")
    p.add_argument("--no-test", action="store_true")
    p = sub.add_parser("check")
    p.add_argument("file", type=Path)
    p.add_argument("--counts", action="store_true", help="quote counts and errors only, no text")
    p = sub.add_parser("agree")
    p.add_argument("files", type=Path, nargs="+")
    p = sub.add_parser("review")
    p.add_argument("ids", nargs="+")
    p = sub.add_parser("uncovered")
    p.add_argument("ids", nargs="*")
    sub.add_parser("names")
    sub.add_parser("stats")
    args = ap.parse_args()
    {
        "select": cmd_select,
        "select-speakers": cmd_select_speakers,
        "show": cmd_show,
        "build": cmd_build,
        "review": cmd_review,
        "check": cmd_check,
        "agree": cmd_agree,
        "uncovered": cmd_uncovered,
        "names": cmd_names,
        "stats": cmd_stats,
    }[args.cmd](args)


if __name__ == "__main__":
    main()
