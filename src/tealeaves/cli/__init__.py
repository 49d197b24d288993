"""The `tealeaves` command. Each command parses arguments, calls one library function, formats.

Command groups live in sibling modules and are registered in ``COMMAND_MODULES``; errors are
translated here, once: a TealeavesError becomes one line on stderr and its exit code.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from tealeaves import __version__
from tealeaves.errors import TealeavesError

COMMAND_MODULES = [
    "tealeaves.cli.ingest",
    "tealeaves.cli.search",
    "tealeaves.cli.timeline",
    "tealeaves.cli.extract",
    "tealeaves.cli.facts",
    "tealeaves.cli.terms",
    "tealeaves.cli.bench",
    "tealeaves.cli.serve",
    "tealeaves.cli.live",
    "tealeaves.cli.interchange",
    "tealeaves.cli.scale",
    "tealeaves.cli.stories",
]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="tealeaves")
def cli() -> None:
    """tealeaves: read state media the way a seasoned analyst does.

    Ingest archives, search them, and follow terms over time; every answer traces back to its
    document and sentence.
    """


def _register() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        for cmd in getattr(module, "COMMANDS", []):
            cli.add_command(cmd)


_register()


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="tealeaves", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except TealeavesError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(e.exit_code)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as e:
        if os.environ.get("TEALEAVES_DEBUG"):
            raise
        click.echo(
            f"internal error: {type(e).__name__}: {e} (set TEALEAVES_DEBUG=1 for a traceback)", err=True
        )
        sys.exit(70)
    else:
        sys.exit(0)
