"""The web UI: server-rendered pages over the same views as the API (see docs/decisions/0002-web-ui.md).

Each page calls the view its API route calls and renders the dict into a template; charts are drawn in
the browser by /static/chart.js from the same JSON, embedded in the page and refetched from the API
when the reader changes the period.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from tealeaves.errors import NotFoundError, UsageError
from tealeaves.serve import render, views
from tealeaves.store.documents import languages

PAGE_SIZE = 20
router = APIRouter(include_in_schema=False)


def templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("tealeaves.serve", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.filters["pct"] = lambda x: "" if x is None else f"{100 * x:.2f}%"
    env.globals["url"] = _url
    return env


def _url(path: str, **params) -> str:
    pairs = []
    for k, v in params.items():
        k = {"date_from": "from", "date_to": "to"}.get(k, k)
        for item in v if isinstance(v, (list, tuple)) else [v]:
            if item not in (None, "", False):
                pairs.append((k, item))
    return path + ("?" + urlencode(pairs) if pairs else "")


def _page(request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
    tpl = request.app.state.templates.get_template(name)
    return HTMLResponse(
        tpl.render(request=request, page=name.removesuffix(".html"), **ctx), status_code=status
    )


def _ctx(request: Request):
    return request.app.state.stores.reader(), request.app.state.config


def _period_for(stats: dict, fa: views.FilterArgs) -> str:
    """Years for a wide date range, months for a narrow one (the chart stays readable)."""
    lo = fa.date_from or min((s["start"] for s in stats["sources"]), default="")
    hi = fa.date_to or max((s["end"] for s in stats["sources"]), default="")
    try:
        span = int(str(hi)[:4]) - int(str(lo)[:4])
    except ValueError:
        return "year"
    return "month" if span <= 3 else "year"


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str = "",
    source: Annotated[list[str], Query()] = [],  # noqa: B006
    lang: Annotated[list[str], Query()] = [],  # noqa: B006
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    sort: str = "relevance",
    page: int = 1,
    by: str | None = None,
):
    st, cfg = _ctx(request)
    fa = views.FilterArgs(tuple(source), tuple(lang), date_from, date_to)
    stats = views.stats_view(st, cfg)
    ctx = {"q": q, "fa": fa, "sort": sort, "stats": stats, "langs": languages(st), "result": None}
    ctx |= {"error": None, "timeline": None, "page_no": page, "page_size": PAGE_SIZE}
    status = 200
    if q.strip():
        try:
            if page < 1:
                raise UsageError(f"page: must be 1 or more (got {page})")
            offset = (page - 1) * PAGE_SIZE
            ctx["result"] = views.search_view(st, cfg, q, fa, sort=sort, limit=PAGE_SIZE, offset=offset)
            ctx["by"] = by or _period_for(stats, fa)
            ctx["timeline"] = views.timeline_view(st, cfg, [q], fa, by=ctx["by"], as_query=True)
        except UsageError as e:  # a bad query or filter is shown on the search page itself
            ctx["error"], status = str(e), 400
    return _page(request, "search.html", status, **ctx)


@router.get("/doc/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, q: str | None = None):
    st, cfg = _ctx(request)
    data = views.document_view(st, cfg, doc_id, q)
    d = data["document"]
    text = d["title"] + "\n\n" + d["body"]
    spans = render.fact_spans(data["facts"], data["matches"])
    counts = {k: len(v) for k, v in data["facts"].items()}
    if data["matches"]:
        counts = {"match": len(data["matches"]), **counts}
    return _page(
        request,
        "document.html",
        d=d,
        q=q,
        data=data,
        counts=counts,
        title_html=render.highlight(text, spans, 0, len(d["title"])),
        body_html=render.highlight(text, spans, d["body_offset"], len(text)),
        kinds=render.HIGHLIGHT_KINDS,
    )


@router.get("/term", response_class=HTMLResponse)
def term_page(
    request: Request,
    t: str = "",
    by: str = "year",
    source: Annotated[list[str], Query()] = [],  # noqa: B006
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
):
    st, cfg = _ctx(request)
    fa = views.FilterArgs(tuple(source), (), date_from, date_to)
    ctx = {"t": t, "by": by, "fa": fa, "stats": views.stats_view(st, cfg), "timeline": None, "first": None}
    ctx["index"] = None
    ctx["error"], status = None, 200
    if t.strip():
        try:
            ctx["timeline"] = views.timeline_view(st, cfg, [t], fa, by=by)
            ctx["first"] = views.first_view(st, cfg, t, fa)
            ctx["index"] = _term_index(st, cfg, t, by)
            if ctx["index"]:  # the index counts every variant of the term, not only this phrase
                ctx["timeline"] = ctx["index"]["chart"]
        except UsageError as e:
            ctx["error"], status = str(e), 400
    return _page(request, "term.html", status, **ctx)


def _term_index(st, cfg, t: str, by: str) -> dict | None:
    """What the term index knows of ``t`` (variants, first use per variant, bursts), if it knows it."""
    from tealeaves.serve.views_facts import glossary_view, precedents_view, term_index_view

    try:
        out = term_index_view(st, cfg, t, by=by)
    except NotFoundError:
        return None
    out["glossary"] = glossary_view(st, cfg, out["key"])["glossary"]
    out["precedents"] = precedents_view(st, cfg, out["key"])["precedents"]
    return out
