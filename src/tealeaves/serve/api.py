"""The JSON API under /api: each route parses its parameters, calls one view (one library call), returns.

Errors are not handled here: every TealeavesError propagates to the single translator in app.py.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Header, Query, Request, Response, UploadFile

from tealeaves.serve import schemas, views
from tealeaves.serve.config import ServeConfig
from tealeaves.serve.ingest import ingest_uploads
from tealeaves.store import Store
from tealeaves.store.search import SORTS

ERRORS = {
    400: {"model": schemas.ErrorResponse, "description": "Bad parameter (the message names it)"},
    404: {"model": schemas.ErrorResponse, "description": "No such document or route"},
    503: {"model": schemas.ErrorResponse, "description": "The store is missing or not usable"},
}


def store(request: Request) -> Store:
    return request.app.state.stores.reader()


def config(request: Request) -> ServeConfig:
    return request.app.state.config


def filters(
    source: Annotated[list[str], Query(description="Only this source (repeatable).")] = [],  # noqa: B006
    lang: Annotated[list[str], Query(description="Only this language code (repeatable).")] = [],  # noqa: B006
    date_from: Annotated[
        str | None, Query(alias="from", description="From this date (YYYY, YYYY-MM, YYYY-MM-DD, ...).")
    ] = None,
    date_to: Annotated[str | None, Query(alias="to", description="To this date, inclusive.")] = None,
) -> views.FilterArgs:
    return views.FilterArgs(tuple(source), tuple(lang), date_from, date_to)


def cached(request: Request, response: Response, st: Store, compute):
    """The view's answer from the cache (keyed by path and parameters, in order), or computed now.

    The response says which in its ``X-Cache`` header (hit or miss).
    """
    key = (request.url.path, tuple(request.query_params.multi_items()))
    value, hit = request.app.state.cache.get(st, key, compute)
    response.headers["X-Cache"] = "hit" if hit else "miss"
    return value


StoreDep = Annotated[Store, Depends(store)]
ConfigDep = Annotated[ServeConfig, Depends(config)]
FiltersDep = Annotated[views.FilterArgs, Depends(filters)]

router = APIRouter(prefix="/api", responses=ERRORS)


@router.get("/stats", response_model=schemas.Stats, summary="Documents per source and coverage")
def stats(request: Request, response: Response, st: StoreDep, cfg: ConfigDep) -> dict:
    """How many documents the store holds, and each source's date coverage."""
    return cached(request, response, st, lambda: views.stats_view(st, cfg))


@router.get("/search", response_model=schemas.SearchResult, summary="Full-text search")
def search(
    request: Request,
    response: Response,
    st: StoreDep,
    cfg: ConfigDep,
    fa: FiltersDep,
    q: Annotated[str, Query(description='Words, "phrases", AND/OR/NOT, -word, prefix*, title:/body:.')],
    sort: Annotated[str, Query(description=f"One of {', '.join(SORTS)}.")] = "relevance",
    limit: Annotated[int, Query(description="Hits per page (1 to api_limit_max).")] = 20,
    offset: Annotated[int, Query(description="Hits to skip.")] = 0,
    count: Annotated[bool, Query(description="Also count all matching documents.")] = True,
) -> dict:
    """Ranked (BM25, titles weigh more) or dated hits with highlighted snippets."""
    return cached(
        request,
        response,
        st,
        lambda: views.search_view(st, cfg, q, fa, sort=sort, limit=limit, offset=offset, with_total=count),
    )


@router.get("/search/timeline", response_model=schemas.Timeline, summary="Timeline of a search's hits")
def search_timeline(
    request: Request,
    response: Response,
    st: StoreDep,
    cfg: ConfigDep,
    fa: FiltersDep,
    q: Annotated[str, Query(description="A search query, as for /api/search.")],
    by: Annotated[str, Query(description="year, month, week or day.")] = "month",
) -> dict:
    """Documents matching the query per period, as counts and as a share of all documents."""
    return cached(request, response, st, lambda: views.timeline_view(st, cfg, [q], fa, by=by, as_query=True))


@router.get("/timeline", response_model=schemas.Timeline, summary="Timeline of terms")
def timeline(
    request: Request,
    response: Response,
    st: StoreDep,
    cfg: ConfigDep,
    fa: FiltersDep,
    term: Annotated[list[str], Query(description="A term (plain words = exact phrase); repeatable.")],
    by: Annotated[str, Query(description="year, month, week or day.")] = "month",
    split_sources: Annotated[bool, Query(description="One series per source.")] = False,
) -> dict:
    """Documents mentioning each term per period: count and share of all documents in that period."""
    return cached(
        request,
        response,
        st,
        lambda: views.timeline_view(st, cfg, term, fa, by=by, split_sources=split_sources),
    )


@router.get("/first", response_model=schemas.FirstUse, summary="First use of a term")
def first(
    request: Request,
    response: Response,
    st: StoreDep,
    cfg: ConfigDep,
    fa: FiltersDep,
    term: Annotated[str, Query(description="The term (plain words = exact phrase).")],
    limit: Annotated[int, Query(description="Earliest documents to list.")] = 5,
) -> dict:
    """The earliest documents using a term, its sentence, and where each source's coverage begins."""
    return cached(request, response, st, lambda: views.first_view(st, cfg, term, fa, limit=limit))


@router.get("/documents/{doc_id}", response_model=schemas.DocumentView, summary="One document")
def document(
    st: StoreDep,
    cfg: ConfigDep,
    doc_id: str,
    q: Annotated[str | None, Query(description="Also return the spans this query matches.")] = None,
) -> dict:
    """A document by id, input id or unique id prefix, with its extracted facts."""
    return views.document_view(st, cfg, doc_id, q)


def _check_token(request: Request, authorization: str | None) -> None:
    err = request.app.state.config.auth_error(authorization)
    if err is not None:
        raise err


@router.post(
    "/ingest",
    response_model=schemas.IngestResult,
    summary="Ingest uploaded files (needs the token)",
    responses={401: {"model": schemas.ErrorResponse}, 413: {"model": schemas.ErrorResponse}},
)
def ingest(
    request: Request,
    files: Annotated[list[UploadFile], File(description="JSON Lines (.jsonl/.jsonl.gz) or CSV/TSV files.")],
    authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
    map: Annotated[list[str], Form(description="FIELD=COLUMN, as `ingest --map`.")] = [],  # noqa: B006
    set: Annotated[list[str], Form(description="FIELD=VALUE, as `ingest --set`.")] = [],  # noqa: B006
) -> dict:
    """Store the records of the uploaded files through the same validation and quarantine as the CLI."""
    _check_token(request, authorization)
    return ingest_uploads(request.app.state.stores, request.app.state.config, files, map, set)
