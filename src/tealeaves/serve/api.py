"""The JSON API under /api: each route parses its parameters, calls one view (one library call), returns.

Errors are not handled here: every TealeavesError propagates to the single translator in app.py.

The request path is kept short, because on a small machine it costs more than the search itself: routes
and their dependencies are coroutines (FastAPI would run each synchronous one in a thread of its own), a
cached answer is sent from the event loop as the JSON bytes kept in the cache, and anything else makes
exactly one trip to a worker thread (:func:`answer`), which uses that thread's own store connection,
calls the view and encodes the JSON there.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, File, Form, Header, Query, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.responses import Response
from starlette.datastructures import QueryParams

from tealeaves.errors import TealeavesError
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


class JSONBytes(Response):
    """A JSON answer already encoded (by :func:`to_json`, or kept in the cache)."""

    media_type = "application/json"


def _fallback(value: Any) -> Any:
    """What orjson cannot encode by itself (sets, paths, ...) goes through FastAPI's encoder."""
    out = jsonable_encoder(value)
    if out is value:
        raise TypeError(f"cannot encode {type(value).__name__} as JSON")
    return out


def to_json(value: Any) -> bytes:
    return orjson.dumps(value, default=_fallback, option=orjson.OPT_NON_STR_KEYS)


# Routes whose answers depend on the documents alone, so the cache may keep them (see serve/cache.py).
CACHED_PATHS = frozenset({"/api/stats", "/api/search", "/api/search/timeline", "/api/timeline", "/api/first"})


def cache_key(scope) -> tuple:
    """A request's key in the answer cache: its path and its parameters, in order."""
    return scope["path"], tuple(QueryParams(scope["query_string"]).multi_items())


async def answer(request: Request, view: Callable[[Store], Any], *, cache: bool = False) -> Response:
    """The route's answer: ``view(store)`` as JSON, computed in a worker thread with that thread's store.

    With ``cache`` (routes of CACHED_PATHS), the answer is kept until the store changes, and the
    ``X-Cache`` header says whether it was computed now (miss) or kept (hit). Kept answers are usually
    sent by :class:`CachedAnswers` before the request reaches FastAPI.
    """
    state = request.app.state
    key = cache_key(request.scope) if cache else None

    def work() -> tuple[bytes, bool]:
        st = state.stores.reader()  # this worker thread's own connection
        if key is None:
            return to_json(view(st)), False
        return state.cache.get(st, key, lambda: to_json(view(st)))

    body, hit = await asyncio.get_running_loop().run_in_executor(state.executor, work)
    return JSONBytes(body, headers={"X-Cache": "hit" if hit else "miss"} if cache else None)


class CachedAnswers:
    """ASGI middleware: a GET of a cached route whose answer is kept is answered here, on the event loop,
    without routing, parameter parsing or a worker thread. The key includes every parameter as sent, and
    only answers to valid requests are ever kept, so the answer is the one the route would give."""

    def __init__(self, app, state):
        self.app, self.state = app, state

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] in CACHED_PATHS:
            cache = self.state.cache
            body = None
            if cache.entries > 0:
                try:  # on the event loop's own connection: a dictionary lookup and one index probe
                    body = cache.peek(self.state.stores.reader(), cache_key(scope))
                except (TealeavesError, sqlite3.Error):
                    body = None  # the route itself will meet the problem and answer with its error
            if body is not None:
                await JSONBytes(body, headers={"X-Cache": "hit"})(scope, receive, send)
                return
        await self.app(scope, receive, send)


async def config(request: Request) -> ServeConfig:
    return request.app.state.config


async def filters(
    source: Annotated[list[str], Query(description="Only this source (repeatable).")] = [],  # noqa: B006
    lang: Annotated[list[str], Query(description="Only this language code (repeatable).")] = [],  # noqa: B006
    date_from: Annotated[
        str | None, Query(alias="from", description="From this date (YYYY, YYYY-MM, YYYY-MM-DD, ...).")
    ] = None,
    date_to: Annotated[str | None, Query(alias="to", description="To this date, inclusive.")] = None,
) -> views.FilterArgs:
    return views.FilterArgs(tuple(source), tuple(lang), date_from, date_to)


ConfigDep = Annotated[ServeConfig, Depends(config)]
FiltersDep = Annotated[views.FilterArgs, Depends(filters)]

router = APIRouter(prefix="/api", responses=ERRORS)


@router.get("/stats", response_model=schemas.Stats, summary="Documents per source and coverage")
async def stats(request: Request, cfg: ConfigDep) -> Response:
    """How many documents the store holds, and each source's date coverage."""
    return await answer(request, lambda st: views.stats_view(st, cfg), cache=True)


@router.get("/search", response_model=schemas.SearchResult, summary="Full-text search")
async def search(
    request: Request,
    cfg: ConfigDep,
    fa: FiltersDep,
    q: Annotated[str, Query(description='Words, "phrases", AND/OR/NOT, -word, prefix*, title:/body:.')],
    sort: Annotated[str, Query(description=f"One of {', '.join(SORTS)}.")] = "relevance",
    limit: Annotated[int, Query(description="Hits per page (1 to api_limit_max).")] = 20,
    offset: Annotated[int, Query(description="Hits to skip.")] = 0,
    count: Annotated[bool, Query(description="Also count all matching documents.")] = True,
) -> Response:
    """Ranked (BM25, titles weigh more) or dated hits with highlighted snippets."""
    return await answer(
        request,
        lambda st: views.search_view(st, cfg, q, fa, sort=sort, limit=limit, offset=offset, with_total=count),
        cache=True,
    )


@router.get("/search/timeline", response_model=schemas.Timeline, summary="Timeline of a search's hits")
async def search_timeline(
    request: Request,
    cfg: ConfigDep,
    fa: FiltersDep,
    q: Annotated[str, Query(description="A search query, as for /api/search.")],
    by: Annotated[str, Query(description="year, month, week or day.")] = "month",
) -> Response:
    """Documents matching the query per period, as counts and as a share of all documents."""
    return await answer(
        request, lambda st: views.timeline_view(st, cfg, [q], fa, by=by, as_query=True), cache=True
    )


@router.get("/timeline", response_model=schemas.Timeline, summary="Timeline of terms")
async def timeline(
    request: Request,
    cfg: ConfigDep,
    fa: FiltersDep,
    term: Annotated[list[str], Query(description="A term (plain words = exact phrase); repeatable.")],
    by: Annotated[str, Query(description="year, month, week or day.")] = "month",
    split_sources: Annotated[bool, Query(description="One series per source.")] = False,
) -> Response:
    """Documents mentioning each term per period: count and share of all documents in that period."""
    return await answer(
        request,
        lambda st: views.timeline_view(st, cfg, term, fa, by=by, split_sources=split_sources),
        cache=True,
    )


@router.get("/first", response_model=schemas.FirstUse, summary="First use of a term")
async def first(
    request: Request,
    cfg: ConfigDep,
    fa: FiltersDep,
    term: Annotated[str, Query(description="The term (plain words = exact phrase).")],
    limit: Annotated[int, Query(description="Earliest documents to list.")] = 5,
) -> Response:
    """The earliest documents using a term, its sentence, and where each source's coverage begins."""
    return await answer(request, lambda st: views.first_view(st, cfg, term, fa, limit=limit), cache=True)


@router.get("/documents/{doc_id}", response_model=schemas.DocumentView, summary="One document")
async def document(
    request: Request,
    cfg: ConfigDep,
    doc_id: str,
    q: Annotated[str | None, Query(description="Also return the spans this query matches.")] = None,
) -> Response:
    """A document by id, input id or unique id prefix, with its extracted facts."""
    return await answer(request, lambda st: views.document_view(st, cfg, doc_id, q))


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
