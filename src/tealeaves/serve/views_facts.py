"""The data behind the extraction and term routes and pages: one library call each, shaped as dicts.

Library functions: ``analyze.facts`` (entities, quotes, events, appearance counts; issue 3),
``analyze.termviews`` and ``analyze.termindex`` (terms, variants, first uses, bursts; issue 4),
``analyze.cooccur`` (names that travel with an entity). Nothing here queries the store by itself.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from tealeaves.analyze import facts as fq
from tealeaves.analyze import termindex, termviews
from tealeaves.analyze.cooccur import cooccurring
from tealeaves.analyze.timeline import all_periods, day_totals, period_key
from tealeaves.errors import NotFoundError, UsageError
from tealeaves.serve import geo
from tealeaves.serve.config import ServeConfig
from tealeaves.serve.views import FilterArgs, check_limit, marked_html
from tealeaves.store import Store
from tealeaves.store.search import Filters


def _dates(fa: FilterArgs) -> tuple[dt.date | None, dt.date | None]:
    f = fa.parse()
    return f.date_from, f.date_to


def _with_html(rows: list[dict]) -> list[dict]:
    for r in rows:
        if "context" in r:
            r["context_html"] = marked_html(r.pop("context"))
    return rows


# -- entities ---------------------------------------------------------------------------------------


def entities_view(store: Store, cfg: ServeConfig, etype: str | None, *, limit: int, unresolved: bool) -> dict:
    check_limit(cfg, limit)
    return {
        "type": etype,
        "unresolved": unresolved,
        "entities": fq.list_entities(store, etype, limit, unresolved),
    }


def _year_series(store: Store, label: str, years: list[dict], key: str) -> dict:
    """A per-year series (count: ``key`` of each year) over the whole corpus, with shares of all docs."""
    totals_days = day_totals(store, Filters())
    if not totals_days:
        return {"by": "year", "series": []}
    totals: Counter = Counter()
    for day, n in totals_days.items():
        totals[period_key(dt.date.fromordinal(day), "year")] += n
    counts = {str(y["year"]): y[key] for y in years}
    first, last = dt.date.fromordinal(min(totals_days)), dt.date.fromordinal(max(totals_days))
    points = [
        {
            "period": p,
            "count": counts.get(p, 0),
            "total": totals.get(p, 0),
            "share": round(counts.get(p, 0) / totals[p], 6) if totals.get(p) else None,
        }
        for p in all_periods(first, last, "year")
    ]
    return {"by": "year", "series": [{"term": label, "source": None, "points": points}]}


def entity_view(store: Store, cfg: ServeConfig, name: str) -> dict:
    ent = fq.entity_detail(store, name)
    near = cooccurring(store, ent["id"], limit=40)
    return {
        "entity": ent,
        "timeline": _year_series(store, ent["name"], ent["years"], "documents"),
        "cooccurring": [r for r in near if r["type"] != "PLACE"][:15],
        "places": [r for r in near if r["type"] == "PLACE"][:15],
    }


# -- quotes and events ------------------------------------------------------------------------------


def quotes_view(
    store: Store, cfg: ServeConfig, fa: FilterArgs, *, speaker: str | None, kind: str | None, limit: int
) -> dict:
    check_limit(cfg, limit)
    lo, hi = _dates(fa)
    rows = fq.list_quotes(store, speaker or None, lo, hi, kind or None, limit, context=True)
    return {"speaker": speaker, "kind": kind, "quotes": _with_html(rows)}


def events_view(
    store: Store,
    cfg: ServeConfig,
    fa: FilterArgs,
    *,
    etype: str | None,
    place: str | None,
    actor: str | None,
    limit: int,
) -> dict:
    check_limit(cfg, limit)
    lo, hi = _dates(fa)
    rows = fq.list_events(store, etype or None, lo, hi, place or None, actor or None, limit, context=True)
    return {"type": etype, "events": _with_html(rows)}


MAP_EVENTS_MAX = 5000


def appearances_view(
    store: Store,
    cfg: ServeConfig,
    fa: FilterArgs,
    *,
    by: str,
    actor: str | None,
    place: str | None,
    limit: int,
) -> dict:
    """Counts per period (each real-world appearance once), the reports themselves, and a map of places."""
    check_limit(cfg, limit)
    lo, hi = _dates(fa)
    counts = fq.appearance_counts(store, by, actor or None, lo, hi)
    reports = fq.list_events(store, "appearance", lo, hi, place or None, actor or None, limit, context=True)
    located = fq.list_events(store, "appearance", lo, hi, place or None, actor or None, MAP_EVENTS_MAX)
    return {
        "by": by,
        "counts": counts,
        "timeline": _count_series(counts, by, lo, hi),
        "appearances": _with_html(reports),
        "map": _map_data(store, located),
        "map_complete": len(located) < MAP_EVENTS_MAX,
    }


def _count_series(counts: list[dict], by: str, lo: dt.date | None, hi: dt.date | None) -> dict:
    """Appearance counts as chart series (one per actor), every period from the first to the last."""
    if not counts:
        return {"by": by, "series": []}
    periods = sorted({c["period"] for c in counts})
    first = lo or dt.date.fromisoformat((periods[0] + "-01-01")[:10])
    last = hi or dt.date.fromisoformat((periods[-1] + "-12-31")[:10] if by == "year" else periods[-1] + "-01")
    keys = [p for p in all_periods(first, last, by)]
    per_actor: dict[str, dict[str, int]] = defaultdict(dict)
    for c in counts:
        per_actor[c["actor"]][c["period"]] = c["count"]
    series = [
        {
            "term": actor,
            "source": None,
            "points": [
                {"period": p, "count": v.get(p, 0), "total": v.get(p, 0), "share": None} for p in keys
            ],
        }
        for actor, v in sorted(per_actor.items(), key=lambda kv: -sum(kv[1].values()))[:6]
    ]
    return {"by": by, "series": series}


def _map_data(store: Store, events: list[dict]) -> dict:
    """Appearances per place (distinct real-world events), with coordinates and province from the packs."""
    per_place: dict[str, set] = defaultdict(set)
    for e in events:
        if e.get("place_id"):
            per_place[e["place_id"]].add(e.get("key") or (e["doc_id"], e["sentence"]))
    points, by_province, unplaced = [], Counter(), 0
    names: dict[str, str] = {}
    for pid, keys in per_place.items():
        try:
            ent = fq.find_entity(store, pid)
        except NotFoundError:
            unplaced += len(keys)
            continue
        province = pid if ent.get("subtype") in geo.PROVINCE_SUBTYPES else ent.get("province")
        if province:
            by_province[province] += len(keys)
        if ent.get("lat") is not None and geo.inside(ent["lat"], ent["lon"]):
            points.append(
                {"id": pid, "name": ent["name"], "lat": ent["lat"], "lon": ent["lon"], "count": len(keys)}
            )
        elif not province:
            unplaced += len(keys)
    for pid in by_province:
        try:
            ent = fq.find_entity(store, pid)
            names[pid] = geo.feature_for([ent["name"], *ent.get("aliases", [])]) or ""
        except NotFoundError:
            names[pid] = ""
    shade: Counter = Counter()
    for pid, n in by_province.items():
        if names.get(pid):
            shade[names[pid]] += n
    return {
        "points": sorted(points, key=lambda p: -p["count"]),
        "provinces": dict(shade),
        "without_place": sum(1 for e in events if not e.get("place_id")),
        "unplaced": unplaced,
        "events": len(events),
    }


# -- terms ------------------------------------------------------------------------------------------


def index_state(store: Store) -> dict:
    return {"stale": termindex.is_stale(store), "last_seq": termindex.state(store, "last_seq")}


def terms_view(
    store: Store, cfg: ServeConfig, fa: FilterArgs, *, kind: str | None, new_since: str | None, limit: int
) -> dict:
    check_limit(cfg, limit)
    lo, hi = _dates(fa)
    since = FilterArgs(date_from=new_since).parse().date_from if new_since else None
    rows = termviews.list_terms(
        store, kind=kind or None, date_from=lo, date_to=hi, new_since=since, limit=limit
    )
    return {"terms": [r.as_dict() for r in rows], "index": index_state(store)}


def term_index_view(store: Store, cfg: ServeConfig, term: str, *, by: str = "year") -> dict:
    if by not in ("year", "month", "week", "day"):
        raise UsageError(f"by: unknown period {by!r}; choose one of year, month, week, day")
    detail = termviews.term_detail(store, term, by=by).as_dict()
    for f in detail["first_use"] + detail["first_use_by_variant"]:
        s, text = f["sentence_start"], f["sentence"]
        a, b = max(f["start"], s), min(f["end"], s + len(text))
        f["sentence_html"] = marked_html(
            text[: a - s] + "\x02" + text[a - s : b - s] + "\x03" + text[b - s :]
        )
    chart = {"by": by, "series": [{"term": detail["term"], "source": None, "points": detail["timeline"]}]}
    return {**detail, "chart": chart, "index": index_state(store)}


def bursts_view(
    store: Store, cfg: ServeConfig, fa: FilterArgs, *, kind: str | None, recurring: bool | None, limit: int
) -> dict:
    check_limit(cfg, limit)
    lo, hi = _dates(fa)
    rows = termviews.list_bursts(
        store, date_from=lo, date_to=hi, kind=kind or None, recurring=recurring, limit=limit
    )
    return {"bursts": rows, "index": index_state(store)}


# -- precedents, glossary, brief ------------------------------------------------------------------


def _mark(sentence: str, s_start: int, a: int | None, b: int | None) -> str:
    """The sentence (starting at ``s_start`` in its document) as HTML, with [a, b) marked when inside it."""
    if a is None or b is None or a < s_start or b > s_start + len(sentence) or a >= b:
        return marked_html(sentence)
    i, j = a - s_start, b - s_start
    return marked_html(sentence[:i] + "\x02" + sentence[i:j] + "\x03" + sentence[j:])


def precedents_view(store: Store, cfg: ServeConfig, term: str, *, limit: int = 10) -> dict:
    from tealeaves.analyze.precedents import precedents

    check_limit(cfg, limit)
    return {"term": term, "precedents": precedents(store, term, limit=limit), "index": index_state(store)}


def glossary_view(store: Store, cfg: ServeConfig, term: str, *, limit: int = 5) -> dict:
    from tealeaves.analyze.glossary import glossary

    check_limit(cfg, limit)
    rows = [g.as_dict() for g in glossary(store, term, limit=limit)]
    for g in rows:
        g["sentence_html"] = _mark(g["sentence"], g["start"], g["term_start"], g["term_end"])
    return {"term": term, "glossary": rows, "index": index_state(store)}


BRIEF_MAX_DAYS = 92


def brief_window(store: Store, fa: FilterArgs, week: str | None) -> tuple[dt.date, dt.date]:
    """The brief's window: an ISO week (``2012-W15``), from/to, or else the archive's last full week."""
    if week:
        try:
            y, w = week.upper().split("-W")
            monday = dt.date.fromisocalendar(int(y), int(w), 1)
        except ValueError:
            raise UsageError(f"week: expected YYYY-Www such as 2012-W15 (got {week!r})") from None
        return monday, monday + dt.timedelta(days=6)
    lo, hi = _dates(fa)
    if lo and hi:
        if (hi - lo).days + 1 > BRIEF_MAX_DAYS:
            raise UsageError(f"to: a brief covers at most {BRIEF_MAX_DAYS} days (got {(hi - lo).days + 1})")
        return lo, hi
    if lo or hi:
        raise UsageError("from, to: give both (or a week such as 2012-W15)")
    last = max(day_totals(store, Filters()), default=dt.date.today().toordinal())
    sunday = dt.date.fromordinal(last)
    sunday -= dt.timedelta(days=(sunday.weekday() + 1) % 7)  # the last Sunday on or before the last day
    return sunday - dt.timedelta(days=6), sunday


def brief_view(store: Store, cfg: ServeConfig, fa: FilterArgs, week: str | None = None) -> dict:
    from tealeaves.analyze.brief import brief

    lo, hi = brief_window(store, fa, week)
    b = brief(store, lo, hi).as_dict()
    for t in b["new_terms"] + b["bursts"]:
        s = t.get("source")
        if s:
            s["sentence_html"] = _mark(s["sentence"], s["start"], t.get("term_start"), t.get("term_end"))
    for q in b["quotes"]:
        s = q["source"]
        s["sentence_html"] = _mark(s["sentence"], s["start"], q.get("quote_start"), q.get("quote_end"))
    for e in b["appearances"] + b["meetings"]:
        e["source"]["sentence_html"] = marked_html(e["source"]["sentence"])
    y, w, _ = lo.isocalendar()
    b["week"] = f"{y}-W{w:02d}" if (hi - lo).days == 6 and lo.weekday() == 0 else None
    b["prev"] = (lo - dt.timedelta(days=7)).isocalendar()
    b["next"] = (lo + dt.timedelta(days=7)).isocalendar()
    b["prev"] = f"{b['prev'][0]}-W{b['prev'][1]:02d}"
    b["next"] = f"{b['next'][0]}-W{b['next'][1]:02d}"
    b["index"] = index_state(store)
    return b
