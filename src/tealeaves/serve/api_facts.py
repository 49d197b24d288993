"""API routes over extracted facts (entities, quotes, events, appearances) and the term index.

Never cached (facts and the term index change without new documents); each makes one trip to a worker
thread through :func:`tealeaves.serve.api.answer`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from tealeaves.analyze.facts import EVENT_TYPES, TYPES
from tealeaves.serve import views_facts as vf
from tealeaves.serve.api import ERRORS, ConfigDep, FiltersDep, answer

router = APIRouter(prefix="/api", responses=ERRORS)
Json = dict[str, Any]  # what the schema says of these answers
Limit = Annotated[int, Query(description="At most this many rows (1 to api_limit_max).")]
By = Annotated[str, Query(description="year, month or day.")]


@router.get(
    "/entities", response_model=Json, summary="People, organisations and places, most mentioned first"
)
async def entities(
    request: Request,
    cfg: ConfigDep,
    type: Annotated[str | None, Query(description=f"One of {', '.join(TYPES)}.")] = None,
    unresolved: Annotated[bool, Query(description="Names found but unknown to every pack.")] = False,
    limit: Limit = 50,
) -> Response:
    """Entities of the domain packs with their mention and document counts (`tealeaves entities`)."""
    return await answer(
        request, lambda st: vf.entities_view(st, cfg, type, limit=limit, unresolved=unresolved)
    )


@router.get(
    "/entities/{name:path}",
    response_model=Json,
    summary="One entity: aliases, mentions per year, co-occurring names",
)
async def entity(request: Request, cfg: ConfigDep, name: str) -> Response:
    """An entity by id, name or alias (`tealeaves entity`), with the people, organisations and places
    most often named in the same documents (ranked by lift over chance)."""
    return await answer(request, lambda st: vf.entity_view(st, cfg, name))


@router.get("/quotes", response_model=Json, summary="Who said what")
async def quotes(
    request: Request,
    cfg: ConfigDep,
    fa: FiltersDep,
    speaker: Annotated[
        str | None, Query(description="An entity (name or alias) or words of the speaker.")
    ] = None,
    kind: Annotated[str | None, Query(description="named, self, anonymous or unknown.")] = None,
    limit: Limit = 50,
) -> Response:
    """Quotes newest first, each with its speaker, cue and sentence (`tealeaves quotes`)."""
    return await answer(
        request, lambda st: vf.quotes_view(st, cfg, fa, speaker=speaker, kind=kind, limit=limit)
    )


@router.get("/events", response_model=Json, summary="Appearances and meetings")
async def events(
    request: Request,
    cfg: ConfigDep,
    fa: FiltersDep,
    type: Annotated[str | None, Query(description=f"One of {', '.join(EVENT_TYPES)}.")] = None,
    place: Annotated[
        str | None, Query(description="A gazetteer place (a province finds its counties).")
    ] = None,
    actor: Annotated[str | None, Query(description="An entity: the leader or the convener.")] = None,
    limit: Limit = 50,
) -> Response:
    """Events by event date, newest first (`tealeaves events`)."""
    return await answer(
        request, lambda st: vf.events_view(st, cfg, fa, etype=type, place=place, actor=actor, limit=limit)
    )


@router.get(
    "/appearances", response_model=Json, summary="Leader appearances: counts per period, reports, map data"
)
async def appearances(
    request: Request,
    cfg: ConfigDep,
    fa: FiltersDep,
    by: By = "year",
    actor: Annotated[str | None, Query(description="Only this leader (entity name or alias).")] = None,
    place: Annotated[str | None, Query(description="Only appearances at this place.")] = None,
    limit: Limit = 50,
) -> Response:
    """Each real-world appearance counted once per period (`tealeaves appearances`), the latest reports,
    and the number of appearances per place and per province for the map."""
    return await answer(
        request, lambda st: vf.appearances_view(st, cfg, fa, by=by, actor=actor, place=place, limit=limit)
    )


@router.get("/terms", response_model=Json, summary="Discovered campaign terms, best first")
async def terms(
    request: Request,
    cfg: ConfigDep,
    fa: FiltersDep,
    kind: Annotated[str | None, Query(description="A pattern family: spirit, speed, march, ...")] = None,
    new_since: Annotated[
        str | None, Query(description="Only terms first seen on or after this date.")
    ] = None,
    limit: Limit = 100,
) -> Response:
    """Terms of the term index with first use, last use, counts and variants (`tealeaves terms`).
    `index.stale` says documents arrived since the index was last refreshed (`tealeaves terms` refreshes)."""
    return await answer(
        request, lambda st: vf.terms_view(st, cfg, fa, kind=kind, new_since=new_since, limit=limit)
    )


@router.get(
    "/terms/{term:path}",
    response_model=Json,
    summary="One term: variants, first use per source and variant, timeline, bursts",
)
async def term(
    request: Request,
    cfg: ConfigDep,
    term: str,
    by: Annotated[str, Query(description="year, month, week or day.")] = "year",
) -> Response:
    """A discovered term by key, phrase or any written form (`tealeaves term`)."""
    return await answer(request, lambda st: vf.term_index_view(st, cfg, term, by=by))


@router.get("/bursts", response_model=Json, summary="Surges in the use of terms")
async def bursts(
    request: Request,
    cfg: ConfigDep,
    fa: FiltersDep,
    kind: Annotated[str | None, Query(description="A pattern family.")] = None,
    recurring: Annotated[
        bool | None, Query(description="false: new surges only; true: yearly returns only.")
    ] = None,
    limit: Limit = 100,
) -> Response:
    """Bursts overlapping the window, strongest first (`tealeaves bursts`)."""
    return await answer(
        request, lambda st: vf.bursts_view(st, cfg, fa, kind=kind, recurring=recurring, limit=limit)
    )


@router.get("/precedents", response_model=Json, summary="Earlier terms most like a term")
async def precedents(
    request: Request,
    cfg: ConfigDep,
    term: Annotated[str, Query(description="A discovered term (key, phrase or any written form).")],
    limit: Limit = 10,
) -> Response:
    """Same pattern family, shared context words, co-occurring entities and places; each earlier term with
    its active period and the parts of its score (`tealeaves precedents`)."""
    return await answer(request, lambda st: vf.precedents_view(st, cfg, term, limit=limit))


@router.get("/glossary", response_model=Json, summary="What a term means: definitional sentences")
async def glossary(
    request: Request,
    cfg: ConfigDep,
    term: Annotated[str, Query(description="A discovered term (key, phrase or any written form).")],
    limit: Limit = 5,
) -> Response:
    """The best definitional sentences found in the corpus, with their documents (`tealeaves glossary`)."""
    return await answer(request, lambda st: vf.glossary_view(st, cfg, term, limit=limit))


@router.get("/brief", response_model=Json, summary="What is new in a week (or a window of up to 92 days)")
async def brief(
    request: Request,
    cfg: ConfigDep,
    fa: FiltersDep,
    week: Annotated[str | None, Query(description="An ISO week, e.g. 2012-W15 (instead of from/to).")] = None,
) -> Response:
    """New terms, bursting terms with a weekly timeline each, appearances and meetings, notable quotes;
    every item with its source sentence (`tealeaves brief`). Without week or from/to: the archive's
    last full week."""
    return await answer(request, lambda st: vf.brief_view(st, cfg, fa, week))
