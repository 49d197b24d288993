"""serve, bench serve."""

from __future__ import annotations

import ipaddress

import click

from tealeaves import settings
from tealeaves.cli._common import db_option, open_store
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
@click.option("--log-level", default="info", type=click.Choice(["debug", "info", "warning", "error"]))
@db_option
def serve(host, port, token, log_level, db):
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
    uvicorn.run(
        create_app(config), host=host, port=port, log_level=log_level, access_log=log_level == "debug"
    )


COMMANDS = [serve]
