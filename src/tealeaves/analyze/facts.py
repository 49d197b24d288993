"""Queries over extracted facts: entities, quotes, events, appearance counts.

These are the library functions behind ``tealeaves entities / entity / quotes / events / appearances``
and the HTTP API. Each returns plain dicts (JSON-ready). ``context=True`` adds ``context``: the fact's
sentence with the fact between MARK_OPEN and MARK_CLOSE (see ``store.search.render_marks``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict

from tealeaves.errors import NotFoundError, UsageError
from tealeaves.extract.sentences import clean_text
from tealeaves.store.db import Store, day_rowid_range, rowid_day
from tealeaves.store.search import MARK_CLOSE, MARK_OPEN

TYPES = ("PERSON", "ORG", "PLACE")
EVENT_TYPES = ("appearance", "meeting")
PERIODS = ("year", "month", "day")


def _range_sql(alias: str, date_from: dt.date | None, date_to: dt.date | None) -> tuple[str, list]:
    lo, hi = day_rowid_range(date_from, date_to)
    return f"{alias}.doc BETWEEN ? AND ?", [lo, hi]


def _names(store: Store, ids) -> dict[str, str]:
    ids = [i for i in set(ids) if i]
    if not ids:
        return {}
    out = {}
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        q = f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(part))})"
        out.update(dict(store.conn.execute(q, part).fetchall()))
    return out


def _doc_info(store: Store, rowids) -> dict[int, tuple]:
    rowids = list(set(rowids))
    out = {}
    for i in range(0, len(rowids), 500):
        part = rowids[i : i + 500]
        q = (
            "SELECT d.rowid, d.id, d.published, s.name, d.title, d.body FROM docs d "
            f"JOIN sources s ON s.id = d.source_id WHERE d.rowid IN ({','.join('?' * len(part))})"
        )
        for r in store.conn.execute(q, part):
            out[r[0]] = r[1:]
    return out


def _canonical(title: str, body: str) -> str:
    return title + "\n\n" + body


def _sentence_span(store: Store, doc: int, start: int, end: int) -> tuple[int, int]:
    row = store.conn.execute(
        'SELECT start, "end" FROM sentences WHERE doc = ? AND start <= ? ORDER BY start DESC LIMIT 1',
        (doc, start),
    ).fetchone()
    if row is None or row[1] < start:
        return start, end
    return row[0], max(row[1], end)


def _context(text: str, sent: tuple[int, int], marks: list[tuple[int, int]]) -> str:
    s, e = sent
    out, pos = [], s
    for a, b in sorted(marks):
        a, b = max(a, s), min(b, e)
        if a < pos or a >= b:
            continue
        out += [text[pos:a], MARK_OPEN, text[a:b], MARK_CLOSE]
        pos = b
    out.append(text[pos:e])
    return "".join(out)


# -- entities ---------------------------------------------------------------------------------------
def list_entities(
    store: Store, type: str | None = None, limit: int = 50, unresolved: bool = False
) -> list[dict]:
    """Entities with their mention counts, most mentioned first. ``unresolved``: names found but unknown
    to every pack, grouped by their text."""
    if type and type.upper() not in TYPES:
        raise UsageError(f"unknown entity type {type!r}; types: {', '.join(TYPES)}")
    t = type.upper() if type else None
    if unresolved:
        q = "SELECT text, label, COUNT(*), COUNT(DISTINCT doc) FROM mentions WHERE entity IS NULL"
        q += " AND label = ?" if t else ""
        q += " GROUP BY text, label ORDER BY COUNT(*) DESC, text LIMIT ?"
        rows = store.conn.execute(q, ([t] if t else []) + [limit]).fetchall()
        return [{"name": r[0], "type": r[1], "id": None, "mentions": r[2], "documents": r[3]} for r in rows]
    q = (
        "SELECT e.id, e.name, e.type, e.subtype, e.province, COUNT(m.doc), COUNT(DISTINCT m.doc) "
        "FROM entities e LEFT JOIN mentions m ON m.entity = e.id"
    )
    q += " WHERE e.type = ?" if t else ""
    q += " GROUP BY e.id ORDER BY COUNT(m.doc) DESC, e.name LIMIT ?"
    rows = store.conn.execute(q, ([t] if t else []) + [limit]).fetchall()
    return [
        {
            "id": r[0],
            "name": r[1],
            "type": r[2],
            "subtype": r[3],
            "province": r[4],
            "mentions": r[5],
            "documents": r[6],
        }
        for r in rows
    ]


def find_entity(store: Store, name: str) -> dict:
    """An entity by id, name or alias (case-insensitive)."""
    row = store.conn.execute(
        "SELECT id, name, type, subtype, aliases, province, lat, lon, pack, info FROM entities "
        "WHERE id = ? OR name = ? COLLATE NOCASE",
        (name, name),
    ).fetchone()
    if row is None:
        low = name.lower()
        for r in store.conn.execute(
            "SELECT id, name, type, subtype, aliases, province, lat, lon, pack, info FROM entities"
        ):
            if any(a.lower() == low for a in json.loads(r[4])):
                row = r
                break
    if row is None:
        if not store.conn.execute("SELECT 1 FROM entities LIMIT 1").fetchone():
            raise NotFoundError("no entities in this store: run `tealeaves extract` first")
        raise NotFoundError(f"no entity named {name!r}: try `tealeaves entities` or an alias")
    keys = ("id", "name", "type", "subtype", "aliases", "province", "lat", "lon", "pack", "info")
    out = dict(zip(keys, row, strict=True))
    out["aliases"] = json.loads(out["aliases"])
    return out


def entity_detail(store: Store, name: str) -> dict:
    """The entity, its aliases, and its mentions per year (mentions, documents, and the forms used)."""
    ent = find_entity(store, name)
    per_year: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    forms: Counter = Counter()
    last_doc: dict[int, int] = {}
    for doc, text in store.conn.execute(
        "SELECT doc, text FROM mentions WHERE entity = ? ORDER BY doc", (ent["id"],)
    ):
        y = rowid_day(doc).year
        per_year[y][0] += 1
        if last_doc.get(y) != doc:
            per_year[y][1] += 1
            last_doc[y] = doc
        forms[text] += 1
    if ent["province"]:
        ent["province_name"] = _names(store, [ent["province"]]).get(ent["province"])
    ent["years"] = [{"year": y, "mentions": m, "documents": d} for y, (m, d) in sorted(per_year.items())]
    ent["forms"] = [{"text": t, "mentions": n} for t, n in forms.most_common(20)]
    ent["mentions"] = sum(m for m, _ in per_year.values())
    return ent


# -- quotes -----------------------------------------------------------------------------------------
def list_quotes(
    store: Store,
    speaker: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    kind: str | None = None,
    limit: int = 50,
    context: bool = False,
) -> list[dict]:
    """Quotes, newest first. ``speaker`` matches an entity (name or alias) or the speaker's words."""
    where, params = _range_sql("q", date_from, date_to)
    if speaker:
        try:
            eid = find_entity(store, speaker)["id"]
        except NotFoundError:
            eid = None
        where += " AND (q.speaker_entity = ? OR q.speaker_text LIKE ?)"
        params += [eid, f"%{speaker}%"]
    if kind:
        where += " AND q.speaker_kind = ?"
        params.append(kind)
    rows = store.conn.execute(
        'SELECT q.doc, q.start, q."end", q.text, q.direct, q.speaker_text, q.speaker_entity, q.speaker_kind, '
        "q.cue, q.speaker_start, q.speaker_end, q.speaker_name FROM quotes q "
        f"WHERE {where} ORDER BY q.doc DESC, q.start LIMIT ?",
        [*params, limit],
    ).fetchall()
    docs = _doc_info(store, [r[0] for r in rows])
    names = _names(store, [r[6] for r in rows])
    out = []
    for r in rows:
        doc_id, published, source, title, body = docs[r[0]]
        text = _canonical(title, body)
        sent = _sentence_span(store, r[0], r[1], r[2])
        item = {
            "doc_id": doc_id,
            "date": published,
            "source": source,
            "speaker": names.get(r[6]) or r[11] or r[5],
            "speaker_text": r[5],
            "speaker_entity": r[6],
            "speaker_kind": r[7],
            "direct": bool(r[4]),
            "cue": r[8],
            "quote": clean_text(r[3]),
            "sentence": clean_text(text[sent[0] : sent[1]]),
        }
        if context:
            marks = [(r[1], r[2])] + ([(r[9], r[10])] if r[9] is not None else [])
            item["context"] = _context(text, (min(sent[0], r[9] or sent[0]), max(sent[1], r[10] or 0)), marks)
        out.append(item)
    return out


# -- events -----------------------------------------------------------------------------------------
def list_events(
    store: Store,
    type: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    place: str | None = None,
    actor: str | None = None,
    limit: int = 100,
    context: bool = False,
) -> list[dict]:
    """Appearances and meetings by event date (newest first). ``place`` matches a gazetteer place (and the
    places inside it: a province finds its counties) or the place's words."""
    if type and type not in EVENT_TYPES:
        raise UsageError(f"unknown event type {type!r}; types: {', '.join(EVENT_TYPES)}")
    where, params = ["1 = 1"], []
    if type:
        where.append("e.type = ?")
        params.append(type)
    if date_from:
        where.append("e.date >= ?")
        params.append(date_from.isoformat())
    if date_to:
        where.append("e.date <= ?")
        params.append(date_to.isoformat())
    if actor:
        where.append("e.actor = ?")
        params.append(find_entity(store, actor)["id"])
    if place:
        ids = _place_ids(store, place)
        marks = ",".join("?" * len(ids))
        where.append(
            f"(e.place IN ({marks}) OR e.place_text LIKE ? OR e.site LIKE ?)"
            if ids
            else "(e.place_text LIKE ? OR e.site LIKE ?)"
        )
        params += [*ids, f"%{place}%", f"%{place}%"]
    rows = store.conn.execute(
        'SELECT e.doc, e.start, e."end", e.type, e.subtype, e.actor, e.actor_text, e.site, e.place, '
        "e.place_text, "
        "e.date, e.date_basis, e.participants, e.name, e.key FROM events e "
        f"WHERE {' AND '.join(where)} ORDER BY e.date DESC, e.doc DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    docs = _doc_info(store, [r[0] for r in rows])
    parts = [json.loads(r[12]) for r in rows]
    names = _names(
        store, [r[5] for r in rows] + [r[8] for r in rows] + [p.get("entity") for ps in parts for p in ps]
    )
    out = []
    for r, ps in zip(rows, parts, strict=True):
        doc_id, published, source, title, body = docs[r[0]]
        text = _canonical(title, body)
        item = {
            "doc_id": doc_id,
            "published": published,
            "source": source,
            "type": r[3],
            "subtype": r[4],
            "date": r[10],
            "date_basis": r[11],
            "actor": names.get(r[5]) or r[6],
            "actor_id": r[5],
            "site": r[7],
            "name": r[13],
            "place": names.get(r[8]) or r[9],
            "place_id": r[8],
            "participants": [names.get(p.get("entity")) or p["text"] for p in ps],
            "key": r[14],
            "sentence": text[r[1] : r[2]],
        }
        if context:
            marks = []
            for word in (r[6], r[7], r[9], r[13]):
                if word:
                    k = text.find(word, r[1], r[2])
                    if k >= 0:
                        marks.append((k, k + len(word)))
            item["context"] = _context(text, (r[1], r[2]), marks)
        out.append(item)
    return out


def _place_ids(store: Store, place: str) -> list[str]:
    try:
        ent = find_entity(store, place)
    except NotFoundError:
        return []
    ids = {ent["id"]}
    ids |= {r[0] for r in store.conn.execute("SELECT id FROM entities WHERE province = ?", (ent["id"],))}
    return sorted(ids)


# -- appearance counts ----------------------------------------------------------------------------
# site words too common to tell two outings apart ("KPA Unit 405" and "KPA Fish Breeding Station" share "kpa")
_GENERIC = """
kpa unit units factory factories plant complex construction site sites general farm farms delegation
delegations grand performance performances meeting meetings exercise drill drills new newly built station
company companies kim il sung jong un korean korea people s workers party wpk national pyongyang under by
given with participants officials commanders soldiers army navy air force defence islet
"""
GENERIC_SITE_WORDS = frozenset(_GENERIC.split())


def _distinct(words: str | None) -> set[str]:
    return set((words or "").split()) - GENERIC_SITE_WORDS


def appearance_clusters(rows: list[tuple[str, str, str, str]]) -> list[list[tuple]]:
    """Group appearance reports ``(actor, date, site_key, doc)`` into real-world appearances.

    Counting rules (docs/appearances.md): reports of the same actor on the same date are one appearance
    when their sites share a distinctive word (not one of GENERIC_SITE_WORDS), or when one report names
    no site; reports a day apart are one appearance when their sites share at least half the distinctive
    words of the shorter (a headline dated by publication, the story's "Sunday").
    """
    by_actor: dict[str, list[tuple]] = defaultdict(list)
    for r in rows:
        by_actor[r[0]].append(r)
    clusters: list[list[tuple]] = []
    for reports in by_actor.values():
        reports.sort(key=lambda r: r[1] or "")
        open_: list[list[tuple]] = []
        for r in reports:
            home = next((c for c in open_ if any(_same_outing(o, r) for o in c)), None)
            if home is None:
                home = []
                open_.append(home)
                clusters.append(home)
            home.append(r)
            open_ = [c for c in open_ if (_days_apart(c[-1][1], r[1]) or 0) <= 2]
    return clusters


def _same_outing(a: tuple, b: tuple) -> bool:
    days = _days_apart(a[1], b[1])
    if days is None or days > 1:
        return False
    wa, wb = _distinct(a[2]), _distinct(b[2])
    if not a[2] or not b[2]:
        return days == 0
    shared = wa & wb
    if days == 0:
        return bool(shared) or (not wa and not wb and a[2] == b[2])
    return bool(shared) and len(shared) >= max(1, min(len(wa), len(wb)) // 2)


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return abs((dt.date.fromisoformat(b[:10]) - dt.date.fromisoformat(a[:10])).days)
    except (TypeError, ValueError):
        return None


def appearance_counts(
    store: Store,
    by: str = "year",
    actor: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    lang: str | None = "en",
) -> list[dict]:
    """Public appearances per period and actor, each real-world appearance counted once.

    ``lang`` keeps reports in one language (default English: the KCNA Spanish service translates the
    same items, whose site words cannot be matched across languages); None counts every language.
    """
    if by not in PERIODS:
        raise UsageError(f"unknown period {by!r}; periods: {', '.join(PERIODS)}")
    where, params = ["e.type = 'appearance'", "e.actor IS NOT NULL"], []
    if actor:
        where.append("e.actor = ?")
        params.append(find_entity(store, actor)["id"])
    if date_from:
        where.append("e.date >= ?")
        params.append(date_from.isoformat())
    if date_to:
        where.append("e.date <= ?")
        params.append(date_to.isoformat())
    if lang:
        where.append("d.lang = ?")
        params.append(lang)
    rows = store.conn.execute(
        "SELECT e.actor, e.date, e.key, e.doc FROM events e JOIN docs d ON d.rowid = e.doc "
        f"WHERE {' AND '.join(where)}",
        params,
    ).fetchall()
    rows = [(a, d, (k or "").split("|", 2)[-1], doc) for a, d, k, doc in rows]
    counts: Counter = Counter()
    reports: Counter = Counter()
    for c in appearance_clusters(rows):
        date = min(r[1] for r in c if r[1])
        period = date[:4] if by == "year" else date[:7] if by == "month" else date[:10]
        counts[(period, c[0][0])] += 1
        reports[(period, c[0][0])] += len(c)
    names = _names(store, [a for _, a in counts])
    return [
        {"period": p, "actor": names.get(a, a), "actor_id": a, "count": n, "reports": reports[(p, a)]}
        for (p, a), n in sorted(counts.items())
    ]
