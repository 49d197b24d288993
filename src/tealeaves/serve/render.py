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


def mini_bars(points: list[dict], *, label_key: str = "week", unit: str = "documents a week") -> Markup:
    """A small bar chart (one bar per point's ``count``) with its scale and first/last label, as SVG."""
    if not points:
        return Markup("")
    w, h, left, bottom = 180, 54, 26, 14
    top = max(p["count"] for p in points) or 1
    bw = (w - left) / len(points)
    out = [
        f'<svg class="mini" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{unit}">'
    ]
    out.append(f'<text x="{left - 3}" y="9" text-anchor="end">{top}</text>')
    out.append(f'<text x="{left - 3}" y="{h - bottom}" text-anchor="end">0</text>')
    out.append(f'<line x1="{left}" x2="{w}" y1="{h - bottom}" y2="{h - bottom}" class="baseline"/>')
    for i, p in enumerate(points):
        bh = (h - bottom - 4) * p["count"] / top
        x, y = left + i * bw + 1, h - bottom - bh
        tip = html.escape(f"{p[label_key]}: {p['count']} of {p.get('total', '?')} documents")
        out.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{max(1.0, bw - 2):.1f}" height="{bh:.1f}" '
            f'data-value="{p["count"]}"><title>{tip}</title></rect>'
        )
    out.append(f'<text x="{left}" y="{h - 2}">{html.escape(str(points[0][label_key]))}</text>')
    out.append(
        f'<text x="{w}" y="{h - 2}" text-anchor="end">{html.escape(str(points[-1][label_key]))}</text>'
    )
    out.append("</svg>")
    return Markup("".join(out))
