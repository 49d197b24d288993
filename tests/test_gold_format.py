"""The extraction gold set (eval/gold/*.jsonl) follows eval/gold/SCHEMA.md.

Every record carries its document, so the self-contained checks always run; when the shared corpora are
present (../shared/corpora), every document is also checked against the corpus it claims to come from.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from tealeaves.bench.eval_extraction import gold_parts
from tealeaves.model import TITLE_SEP, Document

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold"
FILES = ("extraction.jsonl", "extraction-heldout.jsonl", "speakers.jsonl", "speakers-sealed.jsonl")
CORPORA = next(
    (
        p / "shared" / "corpora"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared" / "corpora").is_dir()
    ),
    None,
)
CORPUS_NAMES = {
    "kcna_headlines_1997_2014",
    "kcna_fulltext_2011_2012",
    "kcna_kp_2024",
    "rodong_sinmun_2021_2022",
    "dprk_new_year_addresses_1946_2019",
}
DOC_KEYS = {"id", "source", "published", "title", "body", "url", "lang", "corpus"}
FACT_KEYS = ("entities", "quotes", "definitions", "appearances", "meetings")
RECORD_KEYS = {"doc", *FACT_KEYS, "notes"}
ENTITY_TYPES = {"PERSON", "ORG", "PLACE"}
SPEAKER_KINDS = {"named", "self", "anonymous"}
APPEARANCE_TYPES = {"inspection", "visit", "performance", "meeting", "other"}
MEETING_STATUS = {"held", "to be convened"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _records(name: str) -> list[dict]:
    """A gold file's records, with its continuation parts ("speakers-2.jsonl", ...)."""
    return [
        json.loads(line)
        for path in gold_parts(GOLD / name)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _all() -> list[tuple[str, int, dict]]:
    return [(name, i + 1, rec) for name in FILES for i, rec in enumerate(_records(name))]


def _ids(item: tuple[str, int, dict]) -> str:
    name, line, rec = item
    return f"{name}:{line}:{rec.get('doc', {}).get('id')}"


def _span_errors(canonical: str, obj: dict, what: str, start="start", end="end", text="text") -> list[str]:
    s, e = obj.get(start), obj.get(end)
    if not (isinstance(s, int) and isinstance(e, int)):
        return [f"{what}: {start}/{end} must be integers, got {s!r}/{e!r}"]
    if not 0 <= s < e <= len(canonical):
        return [f"{what}: span {s}-{e} outside the canonical text (length {len(canonical)})"]
    if text is not None and canonical[s:e] != obj.get(text):
        return [f"{what}: canonical[{s}:{e}] is {canonical[s:e]!r}, record says {obj.get(text)!r}"]
    if canonical[s:e] != canonical[s:e].strip():
        return [f"{what}: span {s}-{e} starts or ends with whitespace: {canonical[s:e]!r}"]
    return []


def check_record(rec: dict) -> list[str]:
    """Every way a record can break the schema, as readable messages (empty when it is fine)."""
    errs: list[str] = []
    annotated = rec.get("annotated", FACT_KEYS)  # the speaker check set annotates quotes only
    if not (isinstance(annotated, list | tuple) and annotated and set(annotated) <= set(FACT_KEYS)):
        return [f"annotated must list fact types among {FACT_KEYS}, got {annotated!r}"]
    keys = {"doc", *annotated, "notes"} | ({"annotated"} if "annotated" in rec else set())
    if set(rec) != keys:
        errs.append(f"record keys {sorted(rec)} != {sorted(keys)}")
        return errs
    doc = rec["doc"]
    if set(doc) != DOC_KEYS:
        return [f"doc keys {sorted(doc)} != {sorted(DOC_KEYS)}"]
    if doc["corpus"] not in CORPUS_NAMES:
        errs.append(f"unknown corpus {doc['corpus']!r}")
    if not DATE.fullmatch(doc["published"]):
        errs.append(f"published {doc['published']!r} is not YYYY-MM-DD")
    for field in ("title", "body"):
        v = doc[field]
        if v != unicodedata.normalize("NFC", v).strip() or "\r\n" in v or "\x00" in v:
            errs.append(f"doc.{field} is not the stored (normalised, stripped) value")
    canonical = doc["title"] + TITLE_SEP + doc["body"]
    stored = Document.create(doc["source"], doc["published"], doc["title"], doc["body"])
    if stored.text != canonical:
        errs.append("doc title/body differ from what ingest would store")
    if not isinstance(rec["notes"], str):
        errs.append("notes must be a string")
    for key in annotated:
        if not isinstance(rec[key], list):
            errs.append(f"{key} must be a list (empty when the document has none)")
    if errs:
        return errs

    spans = Counter()
    for i, ent in enumerate(rec.get("entities", [])):
        what = f"entities[{i}]"
        if set(ent) != {"start", "end", "text", "type", "entity"}:
            errs.append(f"{what}: keys {sorted(ent)}")
            continue
        errs += _span_errors(canonical, ent, what)
        if ent["type"] not in ENTITY_TYPES:
            errs.append(f"{what}: type {ent['type']!r} not in {sorted(ENTITY_TYPES)}")
        if ent["entity"] is not None and (not isinstance(ent["entity"], str) or not ent["entity"].strip()):
            errs.append(f"{what}: entity must be a canonical name or null")
        spans[(ent["start"], ent["end"])] += 1
    for span, n in spans.items():
        if n > 1:
            errs.append(f"entities: span {span} annotated {n} times")
    ents = sorted(rec.get("entities", []), key=lambda x: (x["start"], x["end"]))
    for a, b in itertools.pairwise(ents):
        if b["start"] < a["end"]:
            errs.append(f"entities overlap: {a['text']!r}@{a['start']} and {b['text']!r}@{b['start']}")

    for i, q in enumerate(rec["quotes"]):
        what = f"quotes[{i}]"
        if set(q) != {"start", "end", "text", "direct", "speaker", "cue"}:
            errs.append(f"{what}: keys {sorted(q)}")
            continue
        errs += _span_errors(canonical, q, what)
        if not isinstance(q["direct"], bool):
            errs.append(f"{what}: direct must be true or false")
        if not isinstance(q["cue"], str) or not q["cue"].strip():
            errs.append(f"{what}: cue must be a non-empty string")
        sp = q["speaker"]
        if not isinstance(sp, dict) or set(sp) != {"start", "end", "text", "entity", "kind"}:
            errs.append(f"{what}.speaker: keys {sorted(sp) if isinstance(sp, dict) else sp!r}")
            continue
        errs += _span_errors(canonical, sp, what + ".speaker")
        if sp["kind"] not in SPEAKER_KINDS:
            errs.append(f"{what}.speaker: kind {sp['kind']!r} not in {sorted(SPEAKER_KINDS)}")
        if sp["entity"] is not None and not isinstance(sp["entity"], str):
            errs.append(f"{what}.speaker: entity must be a canonical name or null")
        if isinstance(sp.get("start"), int) and q["start"] <= sp["start"] and sp["end"] <= q["end"]:
            errs.append(f"{what}: the speaker lies inside the quoted words")

    for i, d in enumerate(rec.get("definitions", [])):
        what = f"definitions[{i}]"
        if set(d) != {"term", "term_start", "term_end", "start", "end", "text"}:
            errs.append(f"{what}: keys {sorted(d)}")
            continue
        errs += _span_errors(canonical, d, what)
        errs += _span_errors(canonical, d, what + ".term", "term_start", "term_end", "term")
        if not (d["start"] <= d["term_start"] and d["term_end"] <= d["end"]):
            errs.append(f"{what}: the term lies outside its defining sentence")

    for i, a in enumerate(rec.get("appearances", [])):
        what = f"appearances[{i}]"
        keys = {"start", "end", "text", "actor", "type", "site", "place", "date", "accompanied"}
        if set(a) != keys:
            errs.append(f"{what}: keys {sorted(a)}")
            continue
        errs += _span_errors(canonical, a, what)
        if a["type"] not in APPEARANCE_TYPES:
            errs.append(f"{what}: type {a['type']!r} not in {sorted(APPEARANCE_TYPES)}")
        if not isinstance(a["actor"], str) or not a["actor"]:
            errs.append(f"{what}: actor must be a canonical name")
        if not (isinstance(a["date"], str) and DATE.fullmatch(a["date"])):
            errs.append(
                f"{what}: date {a['date']!r} must be YYYY-MM-DD (the publication date if none is stated)"
            )
        for k in ("site", "place"):
            if a[k] is not None and (not isinstance(a[k], str) or not a[k]):
                errs.append(f"{what}: {k} must be a string or null")
        if not (
            isinstance(a["accompanied"], list) and all(isinstance(x, str) and x for x in a["accompanied"])
        ):
            errs.append(f"{what}: accompanied must be a list of names")

    for i, m in enumerate(rec.get("meetings", [])):
        what = f"meetings[{i}]"
        if set(m) != {"start", "end", "text", "name", "status", "convener", "place", "date"}:
            errs.append(f"{what}: keys {sorted(m)}")
            continue
        errs += _span_errors(canonical, m, what)
        if m["status"] not in MEETING_STATUS:
            errs.append(f"{what}: status {m['status']!r} not in {sorted(MEETING_STATUS)}")
        if not isinstance(m["name"], str) or not m["name"]:
            errs.append(f"{what}: name must be a string")
        if m["date"] is not None and not (isinstance(m["date"], str) and PARTIAL_DATE.fullmatch(m["date"])):
            errs.append(f"{what}: date {m['date']!r} must be YYYY[-MM[-DD]] or null")
        for k in ("convener", "place"):
            if m[k] is not None and (not isinstance(m[k], str) or not m[k]):
                errs.append(f"{what}: {k} must be a string or null")
    return errs


@cache
def _corpus(name: str) -> dict[str, dict]:
    with gzip.open(CORPORA / name / "docs.jsonl.gz", "rt", encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


# Least documents and facts per file: the issue asks for at least 150 annotated documents, the brief for 40
# more held out; the fact floors guard against a truncated or half-rebuilt file.
MIN_DOCUMENTS = {FILES[0]: 150, FILES[1]: 40, FILES[2]: 110, FILES[3]: 80}
MIN_FACTS = {
    FILES[0]: {"entities": 1000, "quotes": 100, "definitions": 20, "appearances": 30, "meetings": 20},
    FILES[1]: {"entities": 250, "quotes": 30, "definitions": 5, "appearances": 8, "meetings": 5},
    FILES[2]: {"quotes": 200},
    FILES[3]: {"quotes": 100},
}


def test_gold_files_exist_and_are_big_enough():
    for name, least in MIN_DOCUMENTS.items():
        n = len(_records(name))
        assert n >= least, f"{name} has {n} documents, at least {least} expected"


@pytest.mark.parametrize("item", _all(), ids=_ids)
def test_record_follows_schema(item):
    _, _, rec = item
    errs = check_record(rec)
    assert not errs, "\n".join(errs)


def test_documents_are_unique_across_both_files():
    ids = Counter(rec["doc"]["id"] for _, _, rec in _all())
    twice = [i for i, n in ids.items() if n > 1]
    assert not twice, f"documents annotated more than once: {twice}"


def test_every_fact_type_has_instances():
    for name, minima in MIN_FACTS.items():
        recs = _records(name)
        for key, least in minima.items():
            n = sum(len(r[key]) for r in recs)
            assert n >= least, f"{name}: only {n} {key}, at least {least} expected"


def test_documents_match_their_corpus():
    if CORPORA is None:
        # the corpora are not on this machine: each record still carries its document, and
        # test_record_follows_schema has checked every span against it
        assert all(rec["doc"]["title"] or rec["doc"]["body"] for _, _, rec in _all())
        return
    for name, line, rec in _all():
        doc = rec["doc"]
        src = _corpus(doc["corpus"]).get(doc["id"])
        assert src is not None, f"{name}:{line}: id {doc['id']} is not in {doc['corpus']}"
        stored = Document.create(src["source"], src["published"], src["title"], src["body"])
        assert (doc["title"], doc["body"]) == (stored.title, stored.body), f"{name}:{line}: text differs"
        for k in ("source", "published", "url", "lang"):
            assert doc[k] == src[k], f"{name}:{line}: doc.{k} {doc[k]!r} != corpus {src[k]!r}"


def test_the_checker_catches_broken_records():
    """check_record is the gate: a shifted span, an unknown enum or an overlap must be reported."""
    good = {
        "doc": {
            "id": "x",
            "source": "KCNA",
            "published": "2012-03-04",
            "title": "Kim Jong Un Visits Wonsan",
            "body": "",
            "url": None,
            "lang": "en",
            "corpus": "kcna_headlines_1997_2014",
        },
        "entities": [
            {"start": 0, "end": 11, "text": "Kim Jong Un", "type": "PERSON", "entity": "Kim Jong Un"},
            {"start": 19, "end": 25, "text": "Wonsan", "type": "PLACE", "entity": "Wonsan"},
        ],
        "quotes": [],
        "definitions": [],
        "appearances": [
            {
                "start": 0,
                "end": 25,
                "text": "Kim Jong Un Visits Wonsan",
                "actor": "Kim Jong Un",
                "type": "visit",
                "site": None,
                "place": "Wonsan",
                "date": "2012-03-04",
                "accompanied": [],
            }
        ],
        "meetings": [],
        "notes": "",
    }
    assert check_record(good) == []
    bad = json.loads(json.dumps(good))
    bad["entities"][1]["start"] = 18
    bad["entities"][0]["type"] = "PER"
    bad["entities"].append({"start": 4, "end": 11, "text": "Jong Un", "type": "PERSON", "entity": None})
    bad["appearances"][0]["type"] = "tour"
    bad["appearances"][0]["date"] = None
    msgs = "\n".join(check_record(bad))
    for needle in ("canonical[18:25]", "'PER'", "overlap", "'tour'", "date None"):
        assert needle in msgs, f"not reported: {needle}\n{msgs}"


@pytest.mark.parametrize(
    "pattern, documents",
    [("heldout-*.ann", 45), ("batch34-*.ann", 38), ("batch150-2-*.ann", 11), ("batch15[4-7]-*.ann", 88)],
    ids=["held-out split", "check-set batch 34", "check-set batch 150 part 2", "check-set batches 154-157"],
)
def test_a_second_annotation_agrees(pattern, documents):
    """Inter-annotator agreement (eval/gold/README.md): a blind second annotation of the held-out quotes, and
    of speaker check-set batch 34 (annotated under the amended guidelines), finds the same quotes and the
    same speakers; counts only, no held-out text is shown."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gold_tool", ROOT / "scripts" / "gold_tool.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    counts, _ = tool.quote_agreement(sorted((GOLD / "second").glob(pattern)))
    assert counts["documents"] == documents
    assert counts["quotes in both"] >= 0.95 * max(counts["gold quotes"], counts["second quotes"])
    assert counts["same speaker"] >= 0.95 * counts["quotes in both"]


def test_check_counts_shows_no_text(capsys, monkeypatch):
    """`gold_tool.py check --counts FILE`: the documents' quote counts and errors only, so whoever builds the
    extractor can check a sealed round's files without reading them; without it, every quote in context."""
    import argparse
    import importlib.util

    spec = importlib.util.spec_from_file_location("gold_tool", ROOT / "scripts" / "gold_tool.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    built = tool.load_built()
    monkeypatch.setattr(tool, "gold_doc", lambda corpora, doc_id: built[doc_id]["doc"])  # (no corpora needed)
    path = GOLD / "ann" / "207-speakers-oy.ann"
    quotes = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("Q"))
    tool.cmd_check(argparse.Namespace(file=path, corpora=None, counts=True))
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(re.fullmatch(r"=== [\w-]+: \d+ quotes", line) for line in lines)
    assert sum(int(line.split(": ")[1].split()[0]) for line in lines) == quotes
    tool.cmd_check(argparse.Namespace(file=path, corpora=None, counts=False))
    assert "quote: " in capsys.readouterr().out
