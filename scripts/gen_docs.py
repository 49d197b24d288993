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


DOCS = {"docs/cli.md": cli_reference, "docs/settings.md": settings_reference}


if __name__ == "__main__":
    for rel, fn in DOCS.items():
        (ROOT / rel).write_text(fn(), encoding="utf-8")
        print(f"wrote {rel}", file=sys.stderr)
