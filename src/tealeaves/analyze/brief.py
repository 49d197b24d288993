"""The brief: what is new in a window — new terms, bursting terms with a small timeline each, leader
appearances and meetings announced, the most notable quotes. Every item carries its source sentence
(document id and character offsets over the canonical text).

Everything is read from precomputed tables (the term index, the extraction facts), by index range
scans on docs.rowid (date-ordered), so a week costs a few small queries whatever the archive's size.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass, field

from tealeaves.analyze.termviews import iso, sentence_span
from tealeaves.errors import UsageError
from tealeaves.extract.sentences import clean_text
from tealeaves.store import Store
from tealeaves.store.db import day_rowid_range

TIMELINE_WEEKS = 8
SPEAKER_WEIGHT = {"named": 1.0, "self": 0.6, "anonymous": 0.4, "unknown": 0.2}


@dataclass
class Source:
    """Where an item comes from: a sentence of a document."""

    id: str
    published: str
    source: str
    start: int
    end: int
    sentence: str

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Brief:
    date_from: str
    date_to: str
    documents: int
    new_terms: list[dict] = field(default_factory=list)
    bursts: list[dict] = field(default_factory=list)
    appearances: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _table_exists(store: Store, name: str) -> bool:
    return bool(store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone())


def _source(store: Store, doc: int, start: int, end: int | None = None, *, whole: bool = False) -> Source:
    did, published, source, title, body = store.conn.execute(
        "SELECT d.id, d.published, s.name, d.title, d.body FROM docs d JOIN sources s ON s.id = d.source_id "
        "WHERE d.rowid = ?",
        (doc,),
    ).fetchone()
    text = title + "\n\n" + body
    if whole and end is not None:
        a, b = start, end
    else:
        a, b = sentence_span(title, body, start)
    return Source(did, published, source, a, b, " ".join(text[a:b].split()))


def brief(
    store: Store,
    date_from: dt.date,
    date_to: dt.date,
    *,
    terms: int = 10,
    bursts: int = 10,
    events: int = 25,
    quotes: int = 10,
) -> Brief:
    if date_from > date_to:
        raise UsageError(f"--from {date_from} is after --to {date_to}")
    lo, hi = day_rowid_range(date_from, date_to)
    ndocs = store.conn.execute(
        "SELECT coalesce(sum(n), 0) FROM day_counts WHERE day BETWEEN ? AND ?",
        (date_from.toordinal(), date_to.toordinal()),
    ).fetchone()[0]
    b = Brief(date_from.isoformat(), date_to.isoformat(), ndocs)
    if _table_exists(store, "terms"):
        b.new_terms = _new_terms(store, date_from, date_to, terms)
        b.bursts = _bursts(store, date_from, date_to, lo, hi, bursts)
    else:
        b.notes.append("no term index: run `tealeaves terms` once")
    if _table_exists(store, "events") and store.conn.execute("SELECT 1 FROM events LIMIT 1").fetchone():
        b.appearances = _events(store, "appearance", lo, hi, events)
        b.meetings = _events(store, "meeting", lo, hi, events)
        b.quotes = _quotes(store, lo, hi, quotes)
    else:
        b.notes.append("no extraction facts: run `tealeaves extract` for appearances, meetings and quotes")
    return b


def _new_terms(store: Store, date_from: dt.date, date_to: dt.date, limit: int) -> list[dict]:
    out = []
    for key, phrase, kind, first_doc, docs, score in store.conn.execute(
        "SELECT key, phrase, kind, first_doc, docs, score FROM terms WHERE rank IS NOT NULL "
        "AND first_day BETWEEN ? AND ? ORDER BY score DESC LIMIT ?",
        (date_from.toordinal(), date_to.toordinal(), limit),
    ):
        a, b = store.conn.execute(
            'SELECT h.start, h."end" FROM term_hits h JOIN term_variants v ON v.id = h.variant '
            "WHERE h.doc = ? AND v.key = ? ORDER BY h.start LIMIT 1",
            (first_doc, key),
        ).fetchone()
        out.append(
            {"term": phrase, "kind": kind, "docs": docs, "score": round(score, 3), "key": key,
             "term_start": a, "term_end": b, "source": _source(store, first_doc, a).as_dict()}
        )  # fmt: skip
    return out


def _bursts(store: Store, date_from, date_to, lo: int, hi: int, limit: int) -> list[dict]:
    rows = store.conn.execute(
        "SELECT b.term, t.key, t.phrase, t.kind, b.start_day, b.end_day, b.weight, b.level, b.docs, "
        "b.recurring, b.years, t.first_day FROM term_bursts b JOIN terms t ON t.id = b.term "
        "WHERE b.end_day >= ? AND b.start_day <= ? ORDER BY b.recurring, b.weight DESC LIMIT ?",
        (date_from.toordinal(), date_to.toordinal(), limit),
    ).fetchall()
    out = []
    week0 = date_to.toordinal() - 7 * TIMELINE_WEEKS + 1
    totals = dict(
        store.conn.execute(
            "SELECT day, sum(n) FROM day_counts WHERE day BETWEEN ? AND ? GROUP BY day",
            (week0, date_to.toordinal()),
        ).fetchall()
    )
    for tid, key, phrase, kind, a, b, weight, level, docs, recurring, years, first_day in rows:
        counts = dict(
            store.conn.execute(
                "SELECT day, n FROM term_days WHERE term = ? AND day BETWEEN ? AND ?",
                (tid, week0, date_to.toordinal()),
            ).fetchall()
        )
        timeline = []
        for w in range(TIMELINE_WEEKS):
            s, e = week0 + 7 * w, week0 + 7 * w + 6
            n = sum(v for d, v in counts.items() if s <= d <= e)
            t = sum(v for d, v in totals.items() if s <= d <= e)
            timeline.append({"week": iso(s), "count": n, "total": t})
        hit = store.conn.execute(
            'SELECT h.doc, h.start, h."end" FROM term_hits h JOIN term_variants v ON v.id = h.variant '
            "WHERE v.key = ? AND h.doc BETWEEN ? AND ? ORDER BY h.doc, h.start LIMIT 1",
            (key, lo, hi),
        ).fetchone()
        out.append(
            {"term": phrase, "kind": kind, "start": iso(a), "end": iso(b), "weight": round(weight, 2),
             "level": level, "docs": docs, "recurring": bool(recurring), "recurring_years": json.loads(years),
             "new_term": first_day >= a, "timeline": timeline,
             "source": _source(store, hit[0], hit[1]).as_dict() if hit else None,
             "term_start": hit[1] if hit else None, "term_end": hit[2] if hit else None}
        )  # fmt: skip
    return out


def _events(store: Store, type_: str, lo: int, hi: int, limit: int) -> list[dict]:
    rows = store.conn.execute(
        'SELECT doc, start, "end", subtype, actor_text, site, place_text, date, participants, name, key '
        "FROM events WHERE doc BETWEEN ? AND ? AND type = ? ORDER BY doc, start",
        (lo, hi, type_),
    ).fetchall()
    seen: dict[str, dict] = {}
    for doc, a, b, subtype, actor, site, place, date, participants, name, key in rows:
        k = key or f"{doc}:{a}"
        if k in seen:
            seen[k]["reports"] += 1
            continue
        seen[k] = {"date": date, "subtype": subtype, "actor": actor, "site": site, "place": place,
                   "name": name, "participants": [p.get("text") for p in json.loads(participants or "[]")],
                   "reports": 1, "_doc": doc, "_a": a, "_b": b}  # fmt: skip
        if len(seen) >= limit:
            break
    out = []
    for item in seen.values():
        doc, a, b = item.pop("_doc"), item.pop("_a"), item.pop("_b")
        item["source"] = _source(store, doc, a, b, whole=True).as_dict()
        out.append(item)
    return out


def _quotes(store: Store, lo: int, hi: int, limit: int) -> list[dict]:
    rows = store.conn.execute(
        'SELECT doc, start, "end", text, direct, COALESCE(speaker_name, speaker_text), speaker_entity, '
        "speaker_kind, cue FROM quotes WHERE doc BETWEEN ? AND ?",
        (lo, hi),
    ).fetchall()
    mentioned = {}
    ents = {r[6] for r in rows if r[6]}
    if ents and _table_exists(store, "mentions"):
        marks = ",".join("?" * len(ents))
        mentioned = dict(
            store.conn.execute(
                f"SELECT entity, count(*) FROM mentions WHERE entity IN ({marks}) AND doc BETWEEN ? AND ? "
                "GROUP BY entity",
                [*ents, lo, hi],
            ).fetchall()
        )
    scored = []
    seen = set()
    for doc, a, b, text, direct, speaker, entity, kind, cue in rows:
        norm = " ".join(text.lower().split())
        if norm in seen or len(norm) < 25:
            continue
        seen.add(norm)
        score = (
            SPEAKER_WEIGHT.get(kind, 0.2)
            * (1.0 if direct else 0.7)
            * (1.0 + min(1.0, mentioned.get(entity, 0) / 20))
            * min(1.0, len(text) / 120)
        )
        scored.append((score, doc, a, b, text, direct, speaker, kind, cue))
    scored.sort(key=lambda x: -x[0])
    out = []
    for score, doc, a, b, text, direct, speaker, kind, cue in scored[:limit]:
        out.append(
            {"quote": clean_text(text), "speaker": speaker, "speaker_kind": kind, "cue": cue,
             "direct": bool(direct), "score": round(score, 3), "quote_start": a, "quote_end": b,
             "source": _source(store, doc, a).as_dict()}
        )  # fmt: skip
    return out


# -- rendering -----------------------------------------------------------------------------------

_SPARK = " ▁▂▃▄▅▆▇█"


def spark(values: list[int]) -> str:
    top = max(values) if values else 0
    if not top:
        return "▁" * len(values)
    return "".join(_SPARK[max(1, round(v / top * 8))] if v else "▁" for v in values)


def _cite(s: dict | None) -> str:
    if not s:
        return ""
    return f"{s['id']} [{s['start']}:{s['end']}] ({s['source']}, {s['published']})"


def as_markdown(b: Brief) -> str:
    out = [f"# Brief {b.date_from} to {b.date_to}", "", f"{b.documents:,} documents in the window.", ""]
    out += ["## New terms", ""]
    out += [
        f"- **{t['term']}** ({t['kind']}; {t['docs']} documents so far) — “{t['source']['sentence']}” — "
        f"{_cite(t['source'])}"
        for t in b.new_terms
    ] or ["(none)"]
    out += ["", "## Bursting terms", ""]
    for x in b.bursts:
        rec = (
            f"; yearly recurrence (also {', '.join(map(str, x['recurring_years']))})"
            if x["recurring"]
            else ""
        )
        line = [c["count"] for c in x["timeline"]]
        out.append(
            f"- **{x['term']}** {x['start']} to {x['end']}, weight {x['weight']}, "
            f"{x['docs']} documents{rec}  "
            f"`{spark(line)}` (documents per week, last {len(line)} weeks)"
        )
        if x["source"]:
            out.append(f"  - “{x['source']['sentence']}” — {_cite(x['source'])}")
    if not b.bursts:
        out.append("(none)")
    for title, items in (("Leader appearances", b.appearances), ("Meetings announced", b.meetings)):
        out += ["", f"## {title}", ""]
        for e in items:
            what = " — ".join(
                str(v) for v in (e["actor"], e["subtype"], e["name"] or e["site"], e["place"]) if v
            )
            reps = f" ({e['reports']} reports)" if e["reports"] > 1 else ""
            out.append(
                f"- {e['date'] or ''} {what}{reps}: “{e['source']['sentence']}” — {_cite(e['source'])}"
            )
        if not items:
            out.append("(none)")
    out += ["", "## Notable quotes", ""]
    out += [
        f"- {q['speaker'] or q['speaker_kind']}: “{q['quote']}” — {_cite(q['source'])}" for q in b.quotes
    ] or ["(none)"]
    if b.notes:
        out += ["", *[f"_{n}_" for n in b.notes]]
    return "\n".join(out) + "\n"


def as_html(b: Brief) -> str:
    e = html.escape

    def cite(s: dict | None) -> str:
        if not s:
            return ""
        return (
            f'<cite data-doc="{e(s["id"])}" data-start="{s["start"]}" data-end="{s["end"]}">'
            f"{e(s['id'])} [{s['start']}:{s['end']}] {e(s['source'])}, {e(s['published'])}</cite>"
        )

    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>Brief {e(b.date_from)} to {e(b.date_to)}</title></head><body>",
        f"<h1>Brief {e(b.date_from)} to {e(b.date_to)}</h1><p>{b.documents:,} documents in the window.</p>",
        "<h2>New terms</h2><ul>",
    ]
    parts += [
        f"<li><b>{e(t['term'])}</b> ({e(t['kind'])}) <q>{e(t['source']['sentence'])}</q> "
        f"{cite(t['source'])}</li>"
        for t in b.new_terms
    ]
    parts.append("</ul><h2>Bursting terms</h2><ul>")
    for x in b.bursts:
        line = [c["count"] for c in x["timeline"]]
        rec = " <i>yearly recurrence</i>" if x["recurring"] else ""
        src = f"<br><q>{e(x['source']['sentence'])}</q> {cite(x['source'])}" if x["source"] else ""
        parts.append(
            f"<li><b>{e(x['term'])}</b> {e(x['start'])} to {e(x['end'])}, weight {x['weight']}{rec} "
            f"<code title='documents per week'>{spark(line)}</code>{src}</li>"
        )
    for title, items in (("Leader appearances", b.appearances), ("Meetings announced", b.meetings)):
        parts.append(f"</ul><h2>{title}</h2><ul>")
        for ev in items:
            what = " — ".join(
                str(v) for v in (ev["actor"], ev["subtype"], ev["name"] or ev["site"], ev["place"]) if v
            )
            parts.append(
                f"<li>{e(ev['date'] or '')} {e(what)} <q>{e(ev['source']['sentence'])}</q> "
                f"{cite(ev['source'])}</li>"
            )
    parts.append("</ul><h2>Notable quotes</h2><ul>")
    parts += [
        f"<li>{e(q['speaker'] or q['speaker_kind'])}: <q>{e(q['quote'])}</q> {cite(q['source'])}</li>"
        for q in b.quotes
    ]
    parts.append("</ul>" + "".join(f"<p><i>{e(n)}</i></p>" for n in b.notes) + "</body></html>")
    return "\n".join(parts) + "\n"


__all__ = ["Brief", "as_html", "as_markdown", "brief", "spark"]
