"""Pages over extracted facts and the term index: entities, one entity, appearances, quotes, terms."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from tealeaves.errors import UsageError
from tealeaves.serve import geo, render, views
from tealeaves.serve import views_facts as vf
from tealeaves.serve.pages import _ctx, _page

router = APIRouter(include_in_schema=False)
DateFrom = Annotated[str | None, Query(alias="from")]
DateTo = Annotated[str | None, Query(alias="to")]


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, type: str | None = None, unresolved: bool = False):
    st, cfg = _ctx(request)
    data = vf.entities_view(st, cfg, type or None, limit=cfg.limit_max, unresolved=unresolved)
    return _page(request, "entities.html", data=data, etype=type or "", unresolved=unresolved)


@router.get("/entity/{name:path}", response_class=HTMLResponse)
def entity_page(request: Request, name: str):
    st, cfg = _ctx(request)
    data = vf.entity_view(st, cfg, name)
    ent = data["entity"]
    quotes = appearances = None
    if ent["type"] == "PERSON":
        quotes = vf.quotes_view(st, cfg, views.FilterArgs(), speaker=ent["id"], kind=None, limit=10)["quotes"]
        appearances = vf.events_view(
            st, cfg, views.FilterArgs(), etype="appearance", place=None, actor=ent["id"], limit=10
        )["events"]
    return _page(request, "entity.html", data=data, ent=ent, quotes=quotes, appearances=appearances)


@router.get("/appearances", response_class=HTMLResponse)
def appearances_page(
    request: Request,
    by: str = "year",
    actor: str | None = None,
    place: str | None = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
):
    st, cfg = _ctx(request)
    fa = views.FilterArgs((), (), date_from, date_to)
    ctx = {"by": by, "actor": actor or "", "place": place or "", "fa": fa, "data": None, "error": None}
    status = 200
    try:
        data = vf.appearances_view(st, cfg, fa, by=by, actor=actor, place=place, limit=cfg.limit_max)
        m = data["map"]
        points = [
            {**p, "title": f"{p['name']}: {p['count']:,} appearance(s)", "href": _url_place(p["name"], fa)}
            for p in m["points"]
        ]
        ctx["data"] = data
        ctx["map_svg"] = geo.map_svg(points, "appearances by place", m["provinces"])
    except UsageError as e:
        ctx["error"], status = str(e), 400
    return _page(request, "appearances.html", status, **ctx)


def _url_place(name: str, fa: views.FilterArgs) -> str:
    from tealeaves.serve.pages import _url

    return _url("/appearances", place=name, date_from=fa.date_from, date_to=fa.date_to)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    speaker: str | None = None,
    kind: str | None = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
):
    st, cfg = _ctx(request)
    fa = views.FilterArgs((), (), date_from, date_to)
    ctx = {"speaker": speaker or "", "kind": kind or "", "fa": fa, "data": None, "error": None}
    status = 200
    try:
        ctx["data"] = vf.quotes_view(st, cfg, fa, speaker=speaker, kind=kind, limit=cfg.limit_max)
    except UsageError as e:
        ctx["error"], status = str(e), 400
    return _page(request, "quotes.html", status, **ctx)


@router.get("/terms", response_class=HTMLResponse)
def terms_page(
    request: Request,
    kind: str | None = None,
    new_since: str | None = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
):
    st, cfg = _ctx(request)
    fa = views.FilterArgs((), (), date_from, date_to)
    ctx = {
        "kind": kind or "",
        "new_since": new_since or "",
        "fa": fa,
        "data": None,
        "bursts": None,
        "error": None,
    }
    status = 200
    try:
        ctx["data"] = vf.terms_view(st, cfg, fa, kind=kind, new_since=new_since, limit=cfg.limit_max)
        ctx["bursts"] = vf.bursts_view(st, cfg, fa, kind=kind, recurring=None, limit=30)["bursts"]
    except UsageError as e:
        ctx["error"], status = str(e), 400
    return _page(request, "terms.html", status, **ctx)


@router.get("/brief", response_class=HTMLResponse)
def brief_page(request: Request, week: str | None = None, date_from: DateFrom = None, date_to: DateTo = None):
    st, cfg = _ctx(request)
    fa = views.FilterArgs((), (), date_from, date_to)
    ctx = {"week": week or "", "fa": fa, "b": None, "error": None, "mini_bars": render.mini_bars}
    status = 200
    try:
        ctx["b"] = vf.brief_view(st, cfg, fa, week)
    except UsageError as e:
        ctx["error"], status = str(e), 400
    return _page(request, "brief.html", status, **ctx)
