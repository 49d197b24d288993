"""Definitions: sentences that say what a term means, linked to the term.

The patterns are pack data (``[definitions] patterns`` in ``patterns.toml``): regular expressions with
named groups ``term`` and ``gloss`` ("X refers to ...", "X, which means ...", "known as X", glosses in
parentheses, appositives of a quoted term). A term is a quoted phrase or a capitalised phrase; one that
is only a stopword, a pronoun or a known place/person name is not a term being defined.
"""

from __future__ import annotations

from tealeaves.extract.kb import KB, holds_any
from tealeaves.model import Definition, Document, Mention, Sentence

_NOT_TERMS = {
    "it",
    "this",
    "that",
    "he",
    "she",
    "they",
    "which",
    "what",
    "we",
    "there",
    "the",
    "its",
    "these",
}


def find_definitions(
    doc: Document, sentences: list[Sentence], mentions: list[Mention], kb: KB
) -> list[Definition]:
    text = doc.text
    low = text.lower()
    if kb.definition_any_gate is not None and not holds_any(low, kb.definition_any_gate):
        return []  # (no pattern's gate string anywhere: most headlines)
    people = [(m.start, m.end) for m in mentions if m.label == "PERSON"]
    places = {(m.start, m.end) for m in mentions if m.label == "PLACE"}
    out: list[Definition] = []
    seen: set[int] = set()
    # the patterns (or their triggers) with a hit somewhere in the document: most have none
    active = [
        (name, rx, trigger)
        for (name, rx, trigger), gate, probe in zip(
            kb.definitions, kb.definition_gates, kb.definition_probes, strict=True
        )
        if (gate is None or holds_any(low, gate))
        and (probe.search(low) if probe is not None else rx.search(text))
    ]
    for sent in sentences if active else ():
        s = text[sent.start : sent.end]
        for name, rx, trigger in active:
            for m, base in _candidates(s, rx, trigger):
                ts, te = m.start("term") + base, m.end("term") + base
                term = s[ts:te].strip("\"“”' ")
                if not term or term.lower() in _NOT_TERMS or term in kb.stopwords:
                    continue
                off = len(s[ts:te]) - len(s[ts:te].lstrip("\"“”' "))
                ts_abs = sent.start + ts + off
                te_abs = ts_abs + len(term)
                if ts_abs in seen or any(a < te_abs and ts_abs < b for a, b in people):
                    continue  # a person's name is not a term being defined
                if (ts_abs, te_abs) in places and name != "abbreviation":
                    continue
                gs, ge = m.start("gloss") + base, m.end("gloss") + base
                seen.add(ts_abs)
                out.append(
                    Definition(
                        sent.start, sent.end, term, ts_abs, te_abs, name, sent.start + gs, sent.start + ge
                    )
                )
    out.sort(key=lambda d: d.term_start)
    return out


_WINDOW = 220


def _candidates(s: str, rx, trigger):
    """Matches of ``rx`` in ``s``; with a trigger, only in windows around the trigger's hits (a pattern
    whose gloss may run 160 characters before its cue would otherwise be tried at every position)."""
    if trigger is None:
        for m in rx.finditer(s):
            yield m, 0
        return
    last_end = -1
    for t in trigger.finditer(s):
        a = max(0, t.start() - _WINDOW, last_end)
        b = min(len(s), t.end() + _WINDOW)
        if a >= b:
            continue
        for m in rx.finditer(s[a:b]):
            yield m, a
        last_end = b
