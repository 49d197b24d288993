"""API routes over extracted facts (entities, quotes, events, appearances) and the term index."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from tealeaves.analyze.facts import EVENT_TYPES, TYPES
from tealeaves.serve import views_facts as vf
from tealeaves.serve.api import ERRORS, ConfigDep, FiltersDep, StoreDep

router = APIRouter(prefix="/api", responses=ERRORS)
Limit = Annotated[int, Query(description="At most this many rows (1 to api_limit_max).")]
By = Annotated[str, Query(description="year, month or day.")]


@router.get("/entities", summary="People, organisations and places, most mentioned first")
def entities(
    st: StoreDep,
    cfg: ConfigDep,
    type: Annotated[str | None, Query(description=f"One of {', '.join(TYPES)}.")] = None,
    unresolved: Annotated[bool, Query(description="Names found but unknown to every pack.")] = False,
    limit: Limit = 50,
) -> dict[str, Any]:
    """Entities of the domain packs with their mention and document counts (`tealeaves entities`)."""
    return vf.entities_view(st, cfg, type, limit=limit, unresolved=unresolved)


@router.get("/entities/{name:path}", summary="One entity: aliases, mentions per year, co-occurring names")
def entity(st: StoreDep, cfg: ConfigDep, name: str) -> dict[str, Any]:
    """An entity by id, name or alias (`tealeaves entity`), with the people, organisations and places
    most often named in the same documents (ranked by lift over chance)."""
    return vf.entity_view(st, cfg, name)


@router.get("/quotes", summary="Who said what")
def quotes(
    st: StoreDep,
    cfg: ConfigDep,
    fa: FiltersDep,
    speaker: Annotated[
        str | None, Query(description="An entity (name or alias) or words of the speaker.")
    ] = None,
    kind: Annotated[str | None, Query(description="named, self, anonymous or unknown.")] = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    """Quotes newest first, each with its speaker, cue and sentence (`tealeaves quotes`)."""
    return vf.quotes_view(st, cfg, fa, speaker=speaker, kind=kind, limit=limit)


@router.get("/events", summary="Appearances and meetings")
def events(
    st: StoreDep,
    cfg: ConfigDep,
    fa: FiltersDep,
    type: Annotated[str | None, Query(description=f"One of {', '.join(EVENT_TYPES)}.")] = None,
    place: Annotated[
        str | None, Query(description="A gazetteer place (a province finds its counties).")
    ] = None,
    actor: Annotated[str | None, Query(description="An entity: the leader or the convener.")] = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    """Events by event date, newest first (`tealeaves events`)."""
    return vf.events_view(st, cfg, fa, etype=type, place=place, actor=actor, limit=limit)


@router.get("/appearances", summary="Leader appearances: counts per period, reports, map data")
def appearances(
    st: StoreDep,
    cfg: ConfigDep,
    fa: FiltersDep,
    by: By = "year",
    actor: Annotated[str | None, Query(description="Only this leader (entity name or alias).")] = None,
    place: Annotated[str | None, Query(description="Only appearances at this place.")] = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    """Each real-world appearance counted once per period (`tealeaves appearances`), the latest reports,
    and the number of appearances per place and per province for the map."""
    return vf.appearances_view(st, cfg, fa, by=by, actor=actor, place=place, limit=limit)


@router.get("/terms", summary="Discovered campaign terms, best first")
def terms(
    st: StoreDep,
    cfg: ConfigDep,
    fa: FiltersDep,
    kind: Annotated[str | None, Query(description="A pattern family: spirit, speed, march, ...")] = None,
    new_since: Annotated[
        str | None, Query(description="Only terms first seen on or after this date.")
    ] = None,
    limit: Limit = 100,
) -> dict[str, Any]:
    """Terms of the term index with first use, last use, counts and variants (`tealeaves terms`).
    `index.stale` says documents arrived since the index was last refreshed (`tealeaves terms` refreshes)."""
    return vf.terms_view(st, cfg, fa, kind=kind, new_since=new_since, limit=limit)


@router.get(
    "/terms/{term:path}", summary="One term: variants, first use per source and variant, timeline, bursts"
)
def term(
    st: StoreDep,
    cfg: ConfigDep,
    term: str,
    by: Annotated[str, Query(description="year, month, week or day.")] = "year",
) -> dict[str, Any]:
    """A discovered term by key, phrase or any written form (`tealeaves term`)."""
    return vf.term_index_view(st, cfg, term, by=by)


@router.get("/bursts", summary="Surges in the use of terms")
def bursts(
    st: StoreDep,
    cfg: ConfigDep,
    fa: FiltersDep,
    kind: Annotated[str | None, Query(description="A pattern family.")] = None,
    recurring: Annotated[
        bool | None, Query(description="false: new surges only; true: yearly returns only.")
    ] = None,
    limit: Limit = 100,
) -> dict[str, Any]:
    """Bursts overlapping the window, strongest first (`tealeaves bursts`)."""
    return vf.bursts_view(st, cfg, fa, kind=kind, recurring=recurring, limit=limit)


@router.get("/precedents", summary="Earlier terms most like a term")
def precedents(
    st: StoreDep,
    cfg: ConfigDep,
    term: Annotated[str, Query(description="A discovered term (key, phrase or any written form).")],
    limit: Limit = 10,
) -> dict[str, Any]:
    """Same pattern family, shared context words, co-occurring entities and places; each earlier term with
    its active period and the parts of its score (`tealeaves precedents`)."""
    return vf.precedents_view(st, cfg, term, limit=limit)


@router.get("/glossary", summary="What a term means: definitional sentences")
def glossary(
    st: StoreDep,
    cfg: ConfigDep,
    term: Annotated[str, Query(description="A discovered term (key, phrase or any written form).")],
    limit: Limit = 5,
) -> dict[str, Any]:
    """The best definitional sentences found in the corpus, with their documents (`tealeaves glossary`)."""
    return vf.glossary_view(st, cfg, term, limit=limit)


@router.get("/brief", summary="What is new in a week (or a window of up to 92 days)")
def brief(
    st: StoreDep,
    cfg: ConfigDep,
    fa: FiltersDep,
    week: Annotated[str | None, Query(description="An ISO week, e.g. 2012-W15 (instead of from/to).")] = None,
) -> dict[str, Any]:
    """New terms, bursting terms with a weekly timeline each, appearances and meetings, notable quotes;
    every item with its source sentence (`tealeaves brief`). Without week or from/to: the archive's
    last full week."""
    return vf.brief_view(st, cfg, fa, week)
