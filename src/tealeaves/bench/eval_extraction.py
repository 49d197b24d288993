"""The ``extraction`` accuracy suite: the extractors against the hand-annotated gold set.

Gold files (format: eval/gold/SCHEMA.md, rules: docs/annotation-guidelines.md): ``eval/gold/extraction.jsonl``
(development, reported as ``dev.*``), ``eval/gold/extraction-heldout.jsonl`` (held out, ``heldout.*``) and
``eval/gold/speakers.jsonl`` (the speaker check set, ``speakers.*``: other documents, annotated for quotes
only, which its records say in ``annotated``) and ``eval/gold/speakers-sealed.jsonl`` (the sealed speaker
rounds, ``sealed.*``: drawn and annotated as the check set, but held out like ``heldout``), scored
separately. How each fact type is matched
(docs/evaluation.md):

- entities: exact span and type (precision, recall, F1 per type); resolution accuracy over the matched
  mentions whose gold entity is known (the predicted entity's name or one of its aliases equals it; a name
  no pack knows counts as resolved when the gold canonical name is the name as written);
- quotes: a predicted quote matches a gold one when their spans overlap by at least half of the shorter;
  speaker accuracy over matched quotes: the same kind, and the same entity when the gold names one, else
  overlapping speaker spans;
- definitions: the term's span overlaps the gold term's span in the same sentence;
- appearances: one per activity; matched within a document by actor and date; attribute accuracies (type,
  place) over matched ones;
- meetings: matched within a document by overlapping sentence span or by sharing half the name's words.

Environment for development: ``TEALEAVES_GOLD_DIR`` (another folder with the gold files) and
``TEALEAVES_EVAL_SPLITS`` (e.g. ``dev``: score only those splits).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tealeaves.bench.evaluation import repo_root, suite
from tealeaves.errors import UsageError
from tealeaves.extract import Pipeline
from tealeaves.model import Document

SPLITS = {
    "dev": "extraction.jsonl",
    "heldout": "extraction-heldout.jsonl",
    "speakers": "speakers.jsonl",
    "sealed": "speakers-sealed.jsonl",
}
FACT_KINDS = ("entities", "quotes", "definitions", "appearances", "meetings")
TYPES = ("PERSON", "ORG", "PLACE")


def gold_dir() -> Path:
    env = os.environ.get("TEALEAVES_GOLD_DIR")
    return Path(env) if env else repo_root() / "eval" / "gold"


def gold_parts(path: Path) -> list[Path]:
    """A gold file and its continuation parts, in order: ``speakers.jsonl``, ``speakers-2.jsonl``, ... (the
    builder splits a large split into parts of at most ``PART_RECORDS`` records, so no file grows past a few
    MB)."""
    parts = sorted(
        (q for q in path.parent.glob(f"{path.stem}-*.jsonl") if q.stem.rsplit("-", 1)[1].isdigit()),
        key=lambda q: int(q.stem.rsplit("-", 1)[1]),
    )
    return [path, *parts]


def load_gold(path: Path) -> list[dict]:
    """Gold records; every span is checked against its document's canonical text."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise UsageError(f"{path}:{n}: not JSON ({e})") from None
        d = rec.get("doc") or {}
        text = d.get("title", "") + "\n\n" + d.get("body", "")
        for kind in rec.get("annotated") or FACT_KINDS:
            if kind not in rec:
                raise UsageError(f"{path}:{n}: missing list {kind!r} (an empty list means 'none')")
        for e in rec.get("entities", []):
            if text[e["start"] : e["end"]] != e["text"]:
                raise UsageError(
                    f"{path}:{n}: entity {e['text']!r} does not match its offsets {e['start']}:{e['end']}"
                )
        rec["_where"] = f"{path.name}:{n}"
        out.append(rec)
    return out


def document_of(rec: dict) -> Document:
    d = rec["doc"]
    return Document.create(
        d.get("source") or "", d.get("published") or "", d.get("title") or "", d.get("body") or "",
        d.get("url"), d.get("lang"), d.get("id"),
    )  # fmt: skip


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self, prefix: str) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            f"{prefix}.precision": round(p, 4),
            f"{prefix}.recall": round(r, 4),
            f"{prefix}.f1": round(f, 4),
        }


@dataclass
class Acc:
    ok: int = 0
    n: int = 0

    def add(self, good: bool) -> None:
        self.ok += bool(good)
        self.n += 1

    def value(self) -> float:
        return round(self.ok / self.n, 4) if self.n else 1.0


@dataclass
class Report:
    prf: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    acc: dict[str, Acc] = field(default_factory=lambda: defaultdict(Acc))
    errors: list[dict] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for k, v in sorted(self.prf.items()):
            out.update(v.scores(k))
        for k, v in sorted(self.acc.items()):
            out[f"{k}.accuracy"] = v.value()
        return out


def _names_of(kb, eid: str | None) -> set[str]:
    e = kb.entity(eid)
    if e is None:
        return set()
    return {x.lower() for x in (e.name, *e.aliases)}


def _same_entity(kb, eid: str | None, gold: str | None) -> bool:
    if gold is None:
        return eid is None
    return gold.lower() in _names_of(kb, eid)


def _fold(name: str | None) -> str:
    """Case and dash variants fold together ('Peruvian－Korean' = 'Peruvian-Korean')."""
    return unicodedata.normalize("NFKC", name or "").lower().replace("’", "'")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _words(s: str | None) -> set[str]:
    stop = {
        "the",
        "a",
        "an",
        "of",
        "and",
        "in",
        "at",
        "to",
        "for",
        "on",
        "by",
        "with",
        "de",
        "del",
        "la",
        "el",
    }
    return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower()) if w not in stop}


def evaluate(records: list[dict], pipeline: Pipeline | None = None) -> Report:
    pipeline = pipeline or Pipeline()
    kb = pipeline.kb
    rep = Report()
    for rec in records:
        doc = document_of(rec)
        facts = pipeline(doc)
        annotated = set(rec.get("annotated") or FACT_KINDS)  # the speaker check set: quotes only
        events = facts["event"]
        if "entities" in annotated:
            _entities(rec, facts["mention"], kb, rep)
        if "quotes" in annotated:
            _quotes(rec, facts["quote"], kb, rep)
        if "definitions" in annotated:
            _definitions(rec, facts["definition"], rep)
        if "appearances" in annotated:
            _appearances(rec, [e for e in events if e.type == "appearance"], kb, rep)
        if "meetings" in annotated:
            _meetings(rec, [e for e in events if e.type == "meeting"], kb, rep)
    return rep


def _entities(rec, mentions, kb, rep: Report) -> None:
    gold = {(g["start"], g["end"], g["type"]): g for g in rec["entities"]}
    pred = {(m.start, m.end, m.label): m for m in mentions if m.label in TYPES}
    for key in gold.keys() | pred.keys():
        t = key[2]
        if key in gold and key in pred:
            rep.prf[f"entities.{t}"].tp += 1
            rep.prf["entities.all"].tp += 1
            g = gold[key]
            if g.get("entity") is not None:
                m = pred[key]
                good = _same_entity(kb, m.entity, g["entity"]) or (
                    m.entity is None and re.sub(r"['’]s$", "", m.text).lower() == g["entity"].lower()
                )
                rep.acc["entities.resolution"].add(good)
                if not good:
                    rep.errors.append(
                        {
                            "kind": "entity-resolution",
                            "where": rec["_where"],
                            "text": g["text"],
                            "gold": g["entity"],
                            "pred": pred[key].entity,
                        }
                    )
        elif key in gold:
            rep.prf[f"entities.{t}"].fn += 1
            rep.prf["entities.all"].fn += 1
            rep.errors.append(
                {"kind": "entity-fn", "where": rec["_where"], "text": gold[key]["text"], "type": t}
            )
        else:
            rep.prf[f"entities.{t}"].fp += 1
            rep.prf["entities.all"].fp += 1
            rep.errors.append(
                {"kind": "entity-fp", "where": rec["_where"], "text": pred[key].text, "type": t}
            )


def _match(gold: list, pred: list, same) -> list[tuple[int, int]]:
    pairs, used = [], set()
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if j not in used and same(g, p):
                pairs.append((i, j))
                used.add(j)
                break
    return pairs


def _tally(rep: Report, key: str, gold: list, pred: list, pairs, rec, show) -> None:
    rep.prf[key].tp += len(pairs)
    rep.prf[key].fn += len(gold) - len(pairs)
    rep.prf[key].fp += len(pred) - len(pairs)
    gi = {i for i, _ in pairs}
    pj = {j for _, j in pairs}
    for i, g in enumerate(gold):
        if i not in gi:
            rep.errors.append({"kind": f"{key}-fn", "where": rec["_where"], **show(g, True)})
    for j, p in enumerate(pred):
        if j not in pj:
            rep.errors.append({"kind": f"{key}-fp", "where": rec["_where"], **show(p, False)})


def _quotes(rec, quotes, kb, rep: Report) -> None:
    gold = rec["quotes"]

    def same(g, q):
        o = _overlap((g["start"], g["end"]), (q.start, q.end))
        return o > 0 and o >= 0.5 * min(g["end"] - g["start"], q.end - q.start)

    pairs = _match(gold, quotes, same)
    _tally(
        rep, "quotes", gold, quotes, pairs, rec, lambda x, isg: {"text": (x["text"] if isg else x.text)[:120]}
    )
    for i, j in pairs:
        g, q = gold[i], quotes[j]
        gs = g.get("speaker") or {}
        rep.acc["quotes.direct"].add(bool(g.get("direct")) == q.direct)
        if gs.get("entity"):
            same = _same_entity(kb, q.speaker_entity, gs["entity"]) or _fold(q.speaker_name) == _fold(
                gs["entity"]
            )
            good = gs.get("kind") == q.speaker_kind and same
        else:
            span_ok = (
                gs.get("start") is not None
                and q.speaker_start is not None
                and _overlap((gs["start"], gs["end"]), (q.speaker_start, q.speaker_end)) > 0
            )
            good = gs.get("kind") == q.speaker_kind and span_ok
        rep.acc["quotes.speaker"].add(good)
        # by the gold speaker's kind, and for named speakers whether the gold gives an entity: where
        # attribution goes wrong, without showing any text
        sub = gs.get("kind", "none") + (
            ".entity" if gs.get("entity") else ".no_entity" if gs.get("kind") == "named" else ""
        )
        rep.acc[f"quotes.speaker.{sub}"].add(good)
        if not good:
            rep.errors.append(
                {
                    "kind": "quote-speaker",
                    "where": rec["_where"],
                    "gold": gs,
                    "pred": [q.speaker_text, q.speaker_kind, q.speaker_entity, q.speaker_name],
                }
            )


def _definitions(rec, defs, rep: Report) -> None:
    gold = rec["definitions"]

    def same(g, d):
        return _overlap((g["term_start"], g["term_end"]), (d.term_start, d.term_end)) > 0

    pairs = _match(gold, defs, same)
    _tally(rep, "definitions", gold, defs, pairs, rec, lambda x, isg: {"term": x["term"] if isg else x.term})


def _appearances(rec, events, kb, rep: Report) -> None:
    gold = rec["appearances"]

    def same(g, e):
        return _same_entity(kb, e.actor, g.get("actor")) and (g.get("date") or "")[:10] == (e.date or "")[:10]

    pairs = _match(gold, events, same)
    _tally(
        rep,
        "appearances",
        gold,
        events,
        pairs,
        rec,
        lambda x, isg: {
            "actor": x.get("actor") if isg else x.actor,
            "date": x.get("date") if isg else x.date,
            "site": x.get("site") if isg else x.site,
        },
    )
    for i, j in pairs:
        g, e = gold[i], events[j]
        rep.acc["appearances.type"].add(g.get("type") == e.subtype)
        rep.acc["appearances.place"].add(
            _same_entity(kb, e.place, g.get("place")) if e.place or g.get("place") else True
        )
        # the place as the text gives it (the guidelines' place): a province the packs give for a known site
        # the text names alone (``place_text`` empty) is the gazetteer's, not the text's
        stated = e.place if e.place_text else None
        rep.acc["appearances.place.stated"].add(
            _same_entity(kb, stated, g.get("place")) if stated or g.get("place") else True
        )
        gw, ew = _words(g.get("site")), _words(e.site)
        rep.acc["appearances.site"].add((not gw and not ew) or (gw and len(gw & ew) >= 0.5 * len(gw)))
        acc_gold = {a.lower() for a in g.get("accompanied") or []}
        acc_pred = set()
        for p in e.participants:
            names = _names_of(kb, p.get("entity")) or {p["text"].lower()}
            hit = names & acc_gold
            acc_pred.add(next(iter(hit)) if hit else p["text"].lower())
        rep.prf["appearances.accompanied"].tp += len(acc_gold & acc_pred)
        rep.prf["appearances.accompanied"].fn += len(acc_gold - acc_pred)
        rep.prf["appearances.accompanied"].fp += len(acc_pred - acc_gold)


def _meetings(rec, events, kb, rep: Report) -> None:
    gold = rec["meetings"]

    def same(g, e):
        if _overlap((g["start"], g["end"]), (e.start, e.end)) > 0:
            return True
        gw, ew = _words(g.get("name")), _words(e.name)
        return bool(gw) and len(gw & ew) >= 0.5 * len(gw)

    pairs = _match(gold, events, same)
    _tally(
        rep, "meetings", gold, events, pairs, rec, lambda x, isg: {"name": x.get("name") if isg else x.name}
    )
    for i, j in pairs:
        g, e = gold[i], events[j]
        rep.acc["meetings.status"].add(g.get("status") == e.subtype)


def split_records(split: str) -> list[dict] | None:
    path = gold_dir() / SPLITS[split]
    if not path.exists():
        return None
    return [rec for part in gold_parts(path) for rec in load_gold(part)]


@suite("extraction", "entities, quotes, definitions, appearances, meetings against eval/gold/*.jsonl")
def extraction_suite(options: dict) -> dict[str, float]:
    wanted = os.environ.get("TEALEAVES_EVAL_SPLITS")
    splits = [s for s in SPLITS if not wanted or s in wanted.split(",")]
    pipeline = Pipeline()
    out: dict[str, float] = {}
    for split in splits:
        records = split_records(split)
        if records is None:
            continue
        out[f"{split}.documents"] = float(len(records))
        for k, v in evaluate(records, pipeline).scores().items():
            out[f"{split}.{k}"] = v
    return out
