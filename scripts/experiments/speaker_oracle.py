"""Experiment (session 9): where the speaker errors could be mended, measured on the speaker check set.

    python scripts/experiments/speaker_oracle.py [--split sealed] [IDS_FILE]

For each matched quote whose speaker is wrong: is it a kind decision only (anonymous, a named unique office
with no entity, self), or is the gold entity among the people, bodies and places the entity finder marked in
the quote's sentence, the four before and the headline (a ranker over those mentions could choose it), a
mention elsewhere in the document, written in the text but never marked as a mention (the entity finder's
boundaries or name forms), or not in the text as written (a canonical name or alias)? IDS_FILE limits the
count to those document ids (e.g. a sealed round's); ``--split sealed`` counts the sealed split (its records
are read by the script, never shown: counts only). Nothing here is used by tealeaves itself.

Result (docs/benchmarks.md, "Session 9"): of the 587 check-set errors at the end of session 9, 194 have the
gold entity among the window's mentions, 39 elsewhere in the document, 184 are written in the text but not
marked, 36 are not written as the gold names them, and 134 are kind decisions. Session 21, at its start
(c028a9e): check set 572 errors (200 among the window's mentions, 138 written but never marked, 61 not
written as named, 50 elsewhere, 123 kind decisions); sealed split 129 errors, of which 48 written in the text
but never marked and 40 among the window's mentions: on unseen text the entity finder's names, not the
choice among candidates, are the larger part. At the session's end: check set 556 (114 written but never
marked), sealed 122 (42 written but never marked, 40 among the window's mentions).
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

from tealeaves.bench import eval_extraction as ee
from tealeaves.extract import Pipeline

WINDOW = 4  # sentences before the quote's, besides the headline


def _same_quote(g: dict, q) -> bool:
    o = ee._overlap((g["start"], g["end"]), (q.start, q.end))
    return o > 0 and o >= 0.5 * min(g["end"] - g["start"], q.end - q.start)


def _right(kb, g: dict, q) -> bool:
    """The scorer's rule (bench/eval_extraction.py)."""
    ent = g.get("entity")
    if ent:
        same = ee._same_entity(kb, q.speaker_entity, ent) or ee._fold(q.speaker_name) == ee._fold(ent)
        return same and g.get("kind") == q.speaker_kind
    return (
        g.get("kind") == q.speaker_kind
        and g.get("start") is not None
        and q.speaker_start is not None
        and ee._overlap((g["start"], g["end"]), (q.speaker_start, q.speaker_end)) > 0
    )


def _names(kb, mentions) -> set[str]:
    out = set()
    for m in mentions:
        out.add(ee._fold(m.text))
        e = kb.entity(m.entity)
        if e is not None:
            out |= {ee._fold(x) for x in (e.name, *e.aliases)}
    return out


def where_errors_are(records: list[dict]) -> collections.Counter:
    pipe = Pipeline()
    kb = pipe.kb
    counts: collections.Counter = collections.Counter()
    for rec in records:
        doc = ee.document_of(rec)
        facts = pipe(doc)
        quotes, mentions, sents = facts["quote"], facts["mention"], facts["sentence"]
        for i, j in ee._match(rec["quotes"], quotes, _same_quote):
            g = rec["quotes"][i].get("speaker") or {}
            q = quotes[j]
            if _right(kb, g, q):
                continue
            ent = g.get("entity")
            if g.get("kind") == "anonymous" or not ent:
                counts[f"kind decision ({g.get('kind')})"] += 1
                continue
            k = next((n for n, s in enumerate(sents) if s.start <= q.start < s.end), 0)
            lo = sents[max(0, k - WINDOW)].start
            window = [
                m
                for m in mentions
                if m.label in ("PERSON", "ORG", "PLACE")
                and (lo <= m.start < q.end or m.start < doc.body_offset)
            ]
            if ee._fold(ent) in _names(kb, window):
                counts["gold entity among the window's mentions"] += 1
            elif ee._fold(ent) in _names(kb, mentions):
                counts["gold entity a mention elsewhere in the document"] += 1
            elif ee._fold(ent) in ee._fold(doc.text):
                counts["gold entity written in the text, never marked as a mention"] += 1
            else:
                counts["gold entity not written as the gold names it"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    split = "speakers"
    if argv[:1] == ["--split"]:
        split, argv = argv[1], argv[2:]
        ee.SPLITS.setdefault("sealed", "speakers-sealed.jsonl")
    records = ee.split_records(split) or []
    if argv:
        ids = {line.strip() for line in Path(argv[0]).read_text().splitlines() if line.strip()}
        records = [r for r in records if r["doc"]["id"] in ids]
    counts = where_errors_are(records)
    print(f"{sum(counts.values())} speaker errors in {len(records)} documents")
    for what, n in counts.most_common():
        print(f"{n:5d}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
