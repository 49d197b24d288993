"""The web app factory. Nothing happens at import time: ``create_app(config)`` builds everything.

Errors are translated here, once, for every route: a TealeavesError, a bad parameter, an unknown route
and an unexpected exception all become ``{"error": {"code", "message", "status"}}`` under /api (and an
HTML page with the same code and message elsewhere). No stack trace ever reaches a client; unexpected
exceptions are logged on the server with theirs.
"""

from __future__ import annotations

import logging
import sys
from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles

from tealeaves import __version__
from tealeaves.analyze.timeline import PERIODS
from tealeaves.errors import TealeavesError, TooLargeError
from tealeaves.serve.cache import ViewCache
from tealeaves.serve.config import ServeConfig
from tealeaves.serve.stores import StorePool
from tealeaves.store.search import SORTS

log = logging.getLogger("tealeaves.serve")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    ),
]

WRITE_PATHS = {"/api/ingest"}  # refused before their body is read unless the token is right
_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 401: "unauthorized"}


def create_app(config: ServeConfig | None = None) -> FastAPI:
    from tealeaves.serve import api, api_facts, pages, pages_facts

    config = config or ServeConfig.from_settings()
    app = FastAPI(
        title="tealeaves",
        version=__version__,
        description="Search, timelines, first use and extracted facts over state-media archives. "
        "Every error has the shape {'error': {'code', 'message', 'status'}}.",
        docs_url=None,  # the interactive docs load their assets from a CDN: we serve no third-party assets
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.config = config
    # The event loop shares the interpreter with the worker threads: each time it releases the GIL (a
    # socket write, the cache's version probe) it waits up to this long to get it back.
    sys.setswitchinterval(config.switch_ms / 1000)
    app.state.stores = StorePool(config.db)
    app.state.cache = ViewCache(config.cache_entries)
    # API views run here (one trip per request; api.answer), each thread with its own store connection.
    app.state.executor = ThreadPoolExecutor(config.threads, thread_name_prefix="tealeaves-api")
    app.state.templates = pages.templates()
    _install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(api_facts.router)
    app.include_router(pages.router)
    app.include_router(pages_facts.router)
    app.mount("/static", StaticFiles(packages=[("tealeaves.serve", "static")]), name="static")
    app.add_middleware(api.CachedAnswers, state=app.state)  # inside Guard: its headers go on hits too
    app.add_middleware(Guard, config=config)
    app.router.add_event_handler("shutdown", lambda: _shutdown(app))
    app.openapi = lambda: _openapi(app)
    return app


def _shutdown(app: FastAPI) -> None:
    app.state.executor.shutdown(wait=True, cancel_futures=True)
    app.state.stores.close()


def _openapi(app: FastAPI) -> dict:
    """FastAPI's schema, saying what we really send: bad parameters are 400 with our error shape, not 422."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        spec = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        for ops in spec.get("paths", {}).values():
            for op in ops.values():
                op.get("responses", {}).pop("422", None)
                for param in op.get("parameters", []):
                    _declare_limits(param, app.state.config)
        for name in ("HTTPValidationError", "ValidationError"):
            spec.get("components", {}).get("schemas", {}).pop(name, None)
        app.openapi_schema = spec
    return app.openapi_schema


def error_body(code: str, message: str, status: int) -> dict:
    return {"error": {"code": code, "message": message, "status": status}}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path.startswith("/static"))


def _respond(request: Request, code: str, message: str, status: int, extra: dict | None = None) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    headers |= extra or {}
    if _wants_html(request):
        tpl = request.app.state.templates.get_template("error.html")
        body = tpl.render(request=request, code=code, message=message, status=status, page="error")
        return HTMLResponse(body, status_code=status, headers=headers)
    return JSONResponse(error_body(code, message, status), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body", "header")]
        got = err.get("input")
        shown = f" (got {got!r})" if isinstance(got, (str, int, float)) and len(repr(got)) < 60 else ""
        parts.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}{shown}")
    return "; ".join(parts)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(TealeavesError)
    async def tealeaves_error(request: Request, exc: TealeavesError) -> Response:
        return _respond(request, exc.code, str(exc), exc.http_status)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return _respond(request, "usage", _validation_message(exc), 400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"no such page or route: {request.method} {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail)
        return _respond(request, code, message, exc.status_code, dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        msg = "internal error: the server logged the details (this is a bug; please report it)"
        return _respond(request, "internal", msg, 500)


def _declare_limits(param: dict, config: ServeConfig) -> None:
    """Write the limits this server enforces (from its settings) into the schema of a parameter."""
    schema, name = param.get("schema", {}), param["name"]
    if name in ("q", "term"):
        target = schema.get("items", schema)
        target.update({"minLength": 1, "maxLength": config.query_max_chars, "pattern": r"\S"})
    elif name == "limit":
        schema.update({"minimum": 1, "maximum": config.limit_max})
    elif name == "offset":
        schema.update({"minimum": 0, "maximum": 100_000})
    elif name == "by":
        schema["enum"] = list(PERIODS)
    elif name == "sort":
        schema["enum"] = list(SORTS)


class Guard:
    """ASGI middleware: security headers on every response; writes refused before their body is read."""

    def __init__(self, app, config: ServeConfig):
        self.app, self.config = app, config

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "POST" and scope["path"] in WRITE_PATHS:
            err = self._precheck(dict(scope["headers"]))
            if err is not None:
                body = error_body(err.code, str(err), err.http_status)
                headers = {"WWW-Authenticate": "Bearer"} if err.http_status == 401 else None
                response = JSONResponse(body, status_code=err.http_status, headers=headers)
                await response(scope, receive, self._with_headers(send))
                return
        await self.app(scope, receive, self._with_headers(send))

    def _precheck(self, headers: dict[bytes, bytes]) -> TealeavesError | None:
        auth = self.config.auth_error(headers.get(b"authorization", b"").decode("latin-1") or None)
        if auth is not None:
            return auth
        length = headers.get(b"content-length")
        limit = self.config.upload_max_bytes + 64 * 1024  # multipart framing on top of the files
        if length is not None and length.isdigit() and int(length) > limit:
            return TooLargeError(
                f"request body is {int(length):,} bytes; uploads are limited to "
                f"{self.config.upload_max_bytes:,} bytes (setting upload_max_bytes)"
            )
        return None

    @staticmethod
    def _with_headers(send):
        async def sender(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        return sender
