"""Format and provenance checks for the hand-built reference data in eval/gold/.

- eval/gold/pairs.jsonl: labelled document pairs (issue 7, part 6); guidelines in docs/pairs-guidelines.md.
- eval/gold/campaign_terms.jsonl: reference list of campaign terms (issue 4, part 8).

Every test checks what it can without the shared corpora; when ../shared/corpora (or $TEALEAVES_CORPORA) is
present, the same tests also check that every id exists there with the same text, that each first use is the
earliest document containing any listed variant, and that every variant really occurs in the corpora.
"""

from __future__ import annotations

import bisect
import gzip
import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold"
PAIRS = GOLD / "pairs.jsonl"
TERMS = GOLD / "campaign_terms.jsonl"

LABELS = {"duplicate", "same_story", "related", "unrelated"}
# the issue asks for at least 300 pairs; the label floors keep the balance the set was built to
PAIRS_MINIMUM = 300
LABEL_MINIMUM = {"duplicate": 70, "same_story": 80, "related": 70, "unrelated": 70}
KINDS = {"spirit", "speed", "movement", "pace-setter", "march", "battle", "campaign", "slogan", "other"}
CORPORA = {
    "kcna_headlines_1997_2014",
    "kcna_fulltext_2011_2012",
    "kcna_kp_2024",
    "rodong_sinmun_2021_2022",
    "dprk_new_year_addresses_1946_2019",
}
# input ids are constructed per corpus (see each corpus README); the date is part of most of them
ID_PATTERN = {
    "kcna_headlines_1997_2014": re.compile(r"kcna-hl-(\d{4}-\d{2}-\d{2})-\d{4}"),
    "kcna_fulltext_2011_2012": re.compile(r"kcna-ft-(\d{4}-\d{2}-\d{2})-\d{4}"),
    "kcna_kp_2024": re.compile(r"kcnakp-[0-9a-f]{16}()"),
    "rodong_sinmun_2021_2022": re.compile(r"rodong-(\d{4}-\d{2}-\d{2})-\d{4}"),
    "dprk_new_year_addresses_1946_2019": re.compile(r"nk-newyear-(\d{4})"),
}
DOC_KEYS = {"corpus", "id", "published", "source", "title", "body"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
WS = re.compile(r"[\s\u3000]+")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            assert line.strip(), f"{path.name}:{n}: blank line"
            rows.append(json.loads(line))
    return rows


@pytest.fixture(scope="module")
def pairs() -> list[dict]:
    return _read_jsonl(PAIRS)


@pytest.fixture(scope="module")
def terms() -> list[dict]:
    return _read_jsonl(TERMS)


def _corpora_dir() -> Path | None:
    env = os.environ.get("TEALEAVES_CORPORA")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared" / "corpora", ROOT.parent.parent / "shared" / "corpora"]
    for cand in candidates:
        if all((cand / c / "docs.jsonl.gz").is_file() for c in CORPORA):
            return cand
    return None


class Corpora:
    """All shared-corpus documents, plus one searchable string per script for the first-use checks."""

    def __init__(self, root: Path):
        self.docs: dict[tuple[str, str], dict] = {}
        for corpus in sorted(CORPORA):
            with gzip.open(root / corpus / "docs.jsonl.gz", "rt", encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    d["corpus"] = corpus
                    self.docs[(corpus, d["id"])] = d
        ordered = sorted(self.docs.values(), key=lambda d: (d["published"], d["corpus"], d["id"]))
        # Latin-script text: lower-cased, whitespace collapsed; Korean: all whitespace removed
        self._latin = self._index(ordered, lambda d: _norm_latin(d["title"] + "\n" + d["body"]))
        self._korean = self._index(
            [d for d in ordered if d["lang"] == "ko"], lambda d: WS.sub("", d["title"] + d["body"])
        )

    @staticmethod
    def _index(docs: list[dict], text) -> tuple[str, list[int], list[dict]]:
        parts, starts, pos = [], [], 0
        for d in docs:
            t = text(d) + "\x00"
            starts.append(pos)
            parts.append(t)
            pos += len(t)
        return "".join(parts), starts, docs

    def earliest(self, variant: str) -> dict | None:
        """The earliest document (by published, corpus, id) containing the variant, or None."""
        if HANGUL.search(variant):
            big, starts, docs = self._korean
            needle = WS.sub("", variant)
        else:
            big, starts, docs = self._latin
            needle = _norm_latin(variant)
        i = big.find(needle)
        return None if i < 0 else docs[bisect.bisect_right(starts, i) - 1]


def _norm_latin(s: str) -> str:
    return WS.sub(" ", s).lower()


@pytest.fixture(scope="module")
def corpora() -> Corpora | None:
    root = _corpora_dir()
    return Corpora(root) if root else None


# ---------------------------------------------------------------- pairs


def test_pairs_schema(pairs):
    assert len(pairs) >= PAIRS_MINIMUM, f"{len(pairs)} pairs, at least {PAIRS_MINIMUM} expected"
    seen = set()
    for n, p in enumerate(pairs, 1):
        where = f"pairs.jsonl:{n}"
        assert {"a", "b", "label", "note"} <= p.keys(), where
        assert p["label"] in LABELS, f"{where}: label {p['label']!r}"
        assert isinstance(p["note"], str) and p["note"].strip() and "\n" not in p["note"], f"{where}: note"
        assert isinstance(p.get("case", ""), str), where
        for side in ("a", "b"):
            doc = p[side]
            assert doc.keys() >= DOC_KEYS, f"{where}.{side}: missing {DOC_KEYS - doc.keys()}"
            assert doc["corpus"] in CORPORA, f"{where}.{side}: corpus {doc['corpus']!r}"
            assert all(isinstance(doc[k], str) for k in DOC_KEYS), f"{where}.{side}: non-string field"
            assert DATE.fullmatch(doc["published"]), f"{where}.{side}: published {doc['published']!r}"
            assert doc["title"].strip() or doc["body"].strip(), f"{where}.{side}: no text at all"
        key = frozenset(((p["a"]["corpus"], p["a"]["id"]), (p["b"]["corpus"], p["b"]["id"])))
        assert len(key) == 2, f"{where}: a document paired with itself"
        assert key not in seen, f"{where}: pair listed twice"
        seen.add(key)


def test_pairs_label_balance(pairs):
    counts = Counter(p["label"] for p in pairs)
    for label, minimum in LABEL_MINIMUM.items():
        assert counts[label] >= minimum, f"{label}: {counts[label]} pairs, at least {minimum} expected"
    # the hard cases named in the issue are all present
    cases = Counter(p.get("case") for p in pairs)
    for case in ("reprint_redated", "retitled", "translation", "headline_vs_fulltext"):
        assert cases[case] > 0, f"no pair of case {case!r}"
    corpora_used = {p[s]["corpus"] for p in pairs for s in "ab"}
    assert corpora_used == CORPORA, f"corpora not covered: {CORPORA - corpora_used}"


def test_pairs_ids_and_dates_consistent(pairs):
    """The input ids follow each corpus's construction rule, and dates embedded in them agree."""
    for n, p in enumerate(pairs, 1):
        for side in ("a", "b"):
            doc = p[side]
            m = ID_PATTERN[doc["corpus"]].fullmatch(doc["id"])
            assert m, f"pairs.jsonl:{n}.{side}: id {doc['id']!r} does not fit corpus {doc['corpus']}"
            if m.group(1):
                assert doc["published"].startswith(m.group(1)), f"pairs.jsonl:{n}.{side}: date vs id"


def test_pairs_labels_agree_with_texts(pairs):
    """Label sanity that needs no judgement: identical texts are duplicates unless the note explains why not,
    and translations are never called duplicates."""
    for n, p in enumerate(pairs, 1):
        a, b, label = p["a"], p["b"], p["label"]
        same_text = a["title"] == b["title"] and a["body"] == b["body"]
        if same_text:
            explained = p.get("case") == "identical_text_different_event"
            assert label == "duplicate" or explained, f"pairs.jsonl:{n}: identical texts"
        if a["body"] and a["body"] == b["body"]:
            assert label == "duplicate", f"pairs.jsonl:{n}: identical bodies must be duplicates"
        if p.get("case") == "translation":
            assert label == "same_story", f"pairs.jsonl:{n}: translations are same_story"
        if label == "duplicate" and p.get("case") in ("reprint_redated", "reprint_same_day"):
            assert a["body"] == b["body"], f"pairs.jsonl:{n}: a reprint keeps the body"


def test_pairs_match_corpora(pairs, corpora):
    """Each pair's documents exist in the shared corpora with the same text (or, without the corpora, every
    occurrence of one document across pairs carries the same text)."""
    copies: dict[tuple[str, str], dict] = {}
    for n, p in enumerate(pairs, 1):
        for side in ("a", "b"):
            doc = p[side]
            key = (doc["corpus"], doc["id"])
            if corpora is not None:
                src = corpora.docs.get(key)
                assert src is not None, f"pairs.jsonl:{n}.{side}: {key} not in the corpora"
                for k in DOC_KEYS - {"corpus"}:
                    assert doc[k] == src[k], f"pairs.jsonl:{n}.{side}: {k} differs from the corpus"
            first = copies.setdefault(key, doc)
            assert {k: first[k] for k in DOC_KEYS} == {k: doc[k] for k in DOC_KEYS}, f"pairs.jsonl:{n}.{side}"
    assert copies


# ---------------------------------------------------------------- campaign terms


def test_terms_schema(terms):
    assert len(terms) >= 40, f"{len(terms)} terms, at least 40 expected"
    names = Counter(t.get("term", "").lower() for t in terms)
    assert not [k for k, v in names.items() if v > 1], "terms listed twice"
    for n, t in enumerate(terms, 1):
        where = f"campaign_terms.jsonl:{n} ({t.get('term')})"
        assert {"term", "kind", "variants", "first_use", "coverage_note", "notes"} <= t.keys(), where
        assert isinstance(t["term"], str) and t["term"].strip(), where
        assert t["kind"] in KINDS, f"{where}: kind {t['kind']!r}"
        assert isinstance(t["variants"], list) and t["variants"], where
        assert all(isinstance(v, str) and v.strip() for v in t["variants"]), where
        assert len(set(t["variants"])) == len(t["variants"]), f"{where}: repeated variant"
        fu = t["first_use"]
        assert {"date", "corpus", "id", "source", "sentence"} <= fu.keys(), where
        assert DATE.fullmatch(fu["date"]), where
        assert fu["corpus"] in CORPORA and ID_PATTERN[fu["corpus"]].fullmatch(fu["id"]), where
        assert fu["sentence"].strip(), where
        assert t["coverage_note"].strip() and t["notes"].strip(), where
        en = t.get("first_use_en")
        if en is not None:
            assert {"date", "corpus", "id", "source", "sentence"} <= en.keys(), where
            assert en["date"] >= fu["date"], f"{where}: English first use before the overall first use"
    kinds = Counter(t["kind"] for t in terms)
    assert len(kinds) >= 6, f"too few kinds: {dict(kinds)}"


def _contains(sentence: str, variant: str) -> bool:
    if HANGUL.search(variant):
        return WS.sub("", variant) in WS.sub("", sentence)
    return _norm_latin(variant) in _norm_latin(sentence)


def test_terms_first_use_sentence_has_a_variant(terms):
    for n, t in enumerate(terms, 1):
        for field in ("first_use", "first_use_en"):
            fu = t.get(field)
            if fu is None:
                continue
            assert any(_contains(fu["sentence"], v) for v in t["variants"]), (
                f"campaign_terms.jsonl:{n} ({t['term']}): {field} sentence has none of the variants"
            )
            if "variant" in fu:
                assert any(_norm_latin(fu["variant"]) == _norm_latin(v) for v in t["variants"]) or any(
                    WS.sub("", fu["variant"]) == WS.sub("", v) for v in t["variants"]
                ), f"campaign_terms.jsonl:{n}: {field}.variant not among variants"


def test_terms_first_use_verified_against_corpora(terms, corpora):
    """With the corpora: the first-use document exists with that date and source, contains the sentence,
    and is the earliest document containing any variant; every variant occurs. Without them: dates agree
    with ids."""
    for n, t in enumerate(terms, 1):
        where = f"campaign_terms.jsonl:{n} ({t['term']})"
        fu = t["first_use"]
        m = ID_PATTERN[fu["corpus"]].fullmatch(fu["id"])
        if m.group(1):
            assert fu["date"].startswith(m.group(1)), where
        if corpora is None:
            continue
        doc = corpora.docs.get((fu["corpus"], fu["id"]))
        assert doc is not None, f"{where}: first-use document not in the corpora"
        assert doc["published"] == fu["date"] and doc["source"] == fu["source"], where
        verbatim = fu["sentence"] in doc["title"] or fu["sentence"] in doc["body"]
        assert verbatim, f"{where}: sentence not verbatim"
        firsts = {}
        for v in t["variants"]:
            hit = corpora.earliest(v)
            assert hit is not None, f"{where}: variant {v!r} occurs nowhere in the corpora"
            firsts[v] = hit
        earliest = min(firsts.values(), key=lambda d: (d["published"], d["corpus"], d["id"]))
        assert earliest["published"] == fu["date"], (
            f"{where}: earliest variant use is {earliest['published']} ({earliest['id']}), not {fu['date']}"
        )
        en = t.get("first_use_en")
        if en is not None:
            doc = corpora.docs.get((en["corpus"], en["id"]))
            assert doc is not None and doc["lang"] == "en" and doc["published"] == en["date"], where
            assert en["sentence"] in doc["title"] or en["sentence"] in doc["body"], where
