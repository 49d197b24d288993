"""serve, bench serve."""

from __future__ import annotations

import ipaddress
import json
import os

import click

from tealeaves import settings
from tealeaves.cli._common import db_option, open_store
from tealeaves.cli.bench import bench
from tealeaves.errors import UsageError


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option(
    "--host",
    default=None,
    help=f"Address to bind (default {settings.SETTINGS['serve_host'].default}: this machine only).",
)
@click.option(
    "--port", type=int, default=None, help=f"Port (default {settings.SETTINGS['serve_port'].default})."
)
@click.option(
    "--token",
    default=None,
    envvar="TEALEAVES_SERVE_TOKEN",
    show_envvar=True,
    help="Enable writes (POST /api/ingest) for clients sending 'Authorization: Bearer TOKEN'. "
    "Without it the server is read-only.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 32),
    default=1,
    show_default=True,
    help="Server processes (each with its own connections; SQLite in WAL mode serves them all).",
)
@click.option("--log-level", default="info", type=click.Choice(["debug", "info", "warning", "error"]))
@db_option
def serve(host, port, token, workers, log_level, db):
    """Serve the web UI and the HTTP API (read-only unless --token is given).

    \b
    Pages: /  (search)   /doc/ID   /term?t=TERM
    API:   /api/search  /api/documents/ID  /api/timeline  /api/first  ... (docs/api.md)
    Schema: /api/openapi.json
    """
    import uvicorn

    from tealeaves.serve.app import create_app
    from tealeaves.serve.config import ServeConfig

    host = settings.get("serve_host", host)
    port = int(settings.get("serve_port", port))
    if not 0 < port < 65536:
        raise UsageError(f"--port {port}: give a port between 1 and 65535")
    config = ServeConfig.from_settings(db=db, token=token)
    store = open_store(config.db, readonly=not config.writable)
    docs = store.count_docs()  # fails here, clearly, if the store is missing or needs migrating
    store.close()
    if not _is_loopback(host):
        click.echo(f"warning: binding {host}: the server is reachable from other machines", err=True)
    mode = "writes enabled for the token holder" if config.writable else "read-only"
    click.echo(f"tealeaves: {docs:,} documents in {config.db}, {mode}; http://{host}:{port}/", err=True)
    opts = {"host": host, "port": port, "log_level": log_level, "access_log": log_level == "debug"}
    if workers == 1:
        uvicorn.run(create_app(config), **opts)
        return
    # Several processes: each builds its app from the same settings, passed through the environment.
    os.environ["TEALEAVES_DB"] = config.db
    if config.token:
        os.environ["TEALEAVES_SERVE_TOKEN"] = config.token
    uvicorn.run("tealeaves.serve.app:create_app", factory=True, workers=workers, **opts)


@bench.command("serve")
@click.option(
    "--corpora",
    type=click.Path(file_okay=False),
    default=None,
    help="Corpus folder (default: ../shared/corpora, found from here or the checkout).",
)
@click.option("--clients", type=int, default=20, show_default=True, help="Concurrent keep-alive clients.")
@click.option(
    "--seconds",
    type=float,
    default=20.0,
    show_default=True,
    help="Length of the quiet phase (the ingest phase lasts as long as the ingest).",
)
@click.option("--workers", type=click.IntRange(1, 32), default=1, show_default=True, help="Server processes.")
@click.option(
    "--cache",
    type=click.IntRange(0, 100_000),
    default=256,
    show_default=True,
    help="The server's api_cache_entries (0: every request does the work).",
)
@click.option(
    "--popular",
    type=click.FloatRange(0, 1),
    default=0.2,
    show_default=True,
    help="Share of requests drawn from a fixed list of 16 searches and 5 timelines (the rest: words of "
    "the store's own titles, mostly distinct).",
)
@click.option(
    "--workdir", type=click.Path(file_okay=False), default=None, help="Keep the store and logs here."
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def bench_serve(corpora, clients, seconds, workers, cache, popular, workdir, as_json):
    """Load on the HTTP API: concurrent clients on 127.0.0.1 while an ingest runs; p50/p95 per route.

    Builds a store from the corpora minus the biggest file, starts `tealeaves serve`, measures the
    search requests in-process (reference), then drives the API with --clients clients, first alone
    for --seconds and then for as long as `tealeaves ingest` takes to store the held-back file.
    Every request goes to this machine only; every phase is bounded in time.
    """
    from pathlib import Path

    from tealeaves.bench import serve as load

    folder = Path(corpora) if corpora else load.default_corpora()
    if not folder.is_dir():
        raise UsageError(f"the shared corpora are absent here ({folder}): give --corpora DIR")
    result = load.run(
        folder,
        clients=clients,
        seconds=seconds,
        workers=workers,
        cache=cache,
        popular=popular,
        workdir=Path(workdir) if workdir else None,
        progress=lambda m: click.echo(m, err=True),
    )
    click.echo(json.dumps(result, indent=2) if as_json else load.format_report(result))


COMMANDS = [serve]
