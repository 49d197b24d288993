"""Regenerate docs/cli.md and docs/settings.md from the code (tests/test_docs.py checks they are current).

    python scripts/gen_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent


def cli_reference() -> str:
    from tealeaves.cli import cli

    out = ["# CLI reference", "", "Generated from the code by `python scripts/gen_docs.py`; do not edit by hand.", ""]
    # the group's own context settings (-h/--help), as the real command line has them; without them the
    # help text depends on whether click cached a help option from an earlier invocation in the process
    ctx = click.Context(
        cli,
        info_name="tealeaves",
        max_content_width=100,
        terminal_width=100,
        help_option_names=cli.context_settings.get("help_option_names", ["--help"]),
    )
    out += ["```", cli.get_help(ctx), "```", ""]
    for name in sorted(cli.list_commands(ctx)):
        _command(out, cli.get_command(ctx, name), ["tealeaves", name], ctx)
    return "\n".join(out).rstrip() + "\n"


def _command(out: list[str], cmd: click.Command, path: list[str], parent: click.Context) -> None:
    ctx = click.Context(cmd, info_name=path[-1], parent=parent, max_content_width=100, terminal_width=100)
    out += [f"{'#' * min(len(path), 4)} `{' '.join(path)}`", "", "```", cmd.get_help(ctx), "```", ""]
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.list_commands(ctx)):
            _command(out, cmd.get_command(ctx, name), [*path, name], ctx)


def settings_reference() -> str:
    from tealeaves.settings import SETTINGS

    out = ["# Settings", "", "Generated from `tealeaves/settings.py` by `python scripts/gen_docs.py`.", "",
           "Each setting is read from (highest first) the command-line flag or API parameter where one exists, "
           "the environment variable, then the default.", "",
           "| setting | environment variable | default | meaning |", "|---|---|---|---|"]
    for s in SETTINGS.values():
        out.append(f"| `{s.name}` | `{s.env}` | `{s.default}` | {s.help} |")
    return "\n".join(out) + "\n"


API_INTRO = """# HTTP API reference

Generated from the app's OpenAPI schema by `python scripts/gen_docs.py`; do not edit by hand.
`tealeaves serve` serves it (read-only, on 127.0.0.1:8000 by default); the schema itself is at
`/api/openapi.json`. The web pages (`/`, `/doc/ID`, `/term?t=TERM`) render the same data as these routes.

**Errors.** Every error, whatever its cause, has one shape and a 4xx/5xx status:
`{"error": {"code": "usage", "message": "limit: must be between 1 and 100 (got 0)", "status": 400}}`.
Codes: `usage` (a bad parameter: the message names it), `bad_query` (a query that does not parse),
`not_found`, `method_not_allowed`, `unauthorized` (401), `too_large` (413), `store` (503: the store is
missing or needs migrating), `internal` (500: a bug, logged on the server; no trace is sent).

**Limits** (settings, see docs/settings.md): page size `api_limit_max`, query length `query_max_chars`,
timeline points `api_points_max`, upload size `upload_max_bytes`; dates must parse and `from` <= `to`.

**Writes.** `POST /api/ingest` needs a server started with `--token TOKEN` (or `TEALEAVES_SERVE_TOKEN`)
and the header `Authorization: Bearer TOKEN`; otherwise 401. Uploads go through the same validation and
quarantine as `tealeaves ingest`, and are kept beside the store in `<db>.uploads/`.

```sh
curl -s 'http://127.0.0.1:8000/api/search?q=%22arduous+march%22&limit=3'
curl -s -H 'Authorization: Bearer TOKEN' -F files=@new.jsonl http://127.0.0.1:8000/api/ingest
```
"""


def _schema_type(schema: dict) -> str:
    if "anyOf" in schema:
        return " or ".join(_schema_type(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list of {_schema_type(schema.get('items', {}))}"
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    return schema.get("type", "any")


def api_reference() -> str:
    from tealeaves.serve.app import create_app
    from tealeaves.serve.config import ServeConfig

    spec = create_app(ServeConfig(db="unused.db")).openapi()
    out = [API_INTRO]
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            out += [f"## `{method.upper()} {path}`", "", f"**{op.get('summary', '')}.** {op.get('description', '')}".strip(), ""]
            params = op.get("parameters", [])
            body = op.get("requestBody", {}).get("content", {})
            if params:
                out += ["| parameter | in | type | required | meaning |", "|---|---|---|---|---|"]
                for p in params:
                    default = p.get("schema", {}).get("default")
                    dflt = f" (default `{default}`)" if default not in (None, []) else ""
                    out.append(
                        f"| `{p['name']}` | {p['in']} | {_schema_type(p.get('schema', {}))} | "
                        f"{'yes' if p.get('required') else 'no'} | {p.get('description', '')}{dflt} |"
                    )
                out.append("")
            for ctype in body:
                out += [f"Request body: `{ctype}` (form fields `files`, `map`, `set`).", ""]
            codes = ", ".join(f"{c} {r.get('description', '')}" for c, r in op.get("responses", {}).items())
            out += [f"Responses: {codes}", ""]
    return "\n".join(out).rstrip() + "\n"


def parquet_reference() -> str:
    from tealeaves.store.parquet import table_columns

    out = ["# Parquet tables", "", "Generated from `FACT_TABLES` and `store/parquet.py` by `python scripts/gen_docs.py`; "
           "the format is described in [parquet.md](parquet.md). Every table is partitioned by `month`.", "",
           "| table | columns (type; `?` = nullable) |", "|---|---|"]
    for name, cols in table_columns().items():
        out.append(f"| `{name}` | " + ", ".join(f"`{c}` {t}{'?' if n else ''}" for c, t, n in cols) + " |")
    return "\n".join(out) + "\n"


DOCS = {"docs/cli.md": cli_reference, "docs/settings.md": settings_reference, "docs/api.md": api_reference,
        "docs/parquet-tables.md": parquet_reference}


if __name__ == "__main__":
    for rel, fn in DOCS.items():
        (ROOT / rel).write_text(fn(), encoding="utf-8")
        print(f"wrote {rel}", file=sys.stderr)
