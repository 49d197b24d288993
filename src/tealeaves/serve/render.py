"""Turning spans over a document's canonical text into highlighted HTML (for the document page)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup

# Fact kinds drawn in the text, in legend order; sentences are structure, not highlights.
HIGHLIGHT_KINDS = ("match", "mention", "quote", "definition", "event", "term")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    ref: str  # "kind-index": the id of the fact's row in the facts table


def fact_spans(facts: dict[str, list[dict]], matches: list[tuple[int, int]]) -> list[Span]:
    spans = [Span(a, b, "match", f"match-{i}") for i, (a, b) in enumerate(matches)]
    for kind, items in facts.items():
        if kind not in HIGHLIGHT_KINDS:
            continue
        for i, f in enumerate(items):
            if isinstance(f.get("start"), int) and isinstance(f.get("end"), int) and f["end"] > f["start"]:
                spans.append(Span(f["start"], f["end"], kind, f"{kind}-{i}"))
    return spans


def highlight(text: str, spans: list[Span], lo: int = 0, hi: int | None = None) -> Markup:
    """``text[lo:hi]`` as HTML, each stretch wrapped in a <span> naming the facts that cover it."""
    hi = len(text) if hi is None else hi
    inside = [s for s in spans if s.end > lo and s.start < hi]
    cuts = sorted({lo, hi} | {max(lo, s.start) for s in inside} | {min(hi, s.end) for s in inside})
    out = []
    for a, b in pairwise(cuts):
        piece = html.escape(text[a:b], quote=False)
        active = [s for s in inside if s.start <= a and s.end >= b]
        if not active:
            out.append(piece)
            continue
        kinds = sorted({s.kind for s in active}, key=HIGHLIGHT_KINDS.index)
        cls = " ".join(f"hl hl-{k}" if i == 0 else f"hl-{k}" for i, k in enumerate(kinds))
        refs = " ".join(s.ref for s in active)
        out.append(f'<span class="{cls}" data-refs="{refs}">{piece}</span>')
    return Markup("".join(out))
