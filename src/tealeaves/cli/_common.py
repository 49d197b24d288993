"""Shared CLI plumbing: --db, output formats and filter options."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from tealeaves import settings
from tealeaves.dates import parse_bound
from tealeaves.store import Store
from tealeaves.store.search import MARK_CLOSE, MARK_OPEN, Filters, render_marks

FORMATS = ("table", "json", "csv")


def db_option(fn: Callable) -> Callable:
    return click.option(
        "--db",
        "db",
        default=None,
        metavar="FILE",
        envvar="TEALEAVES_DB",
        show_envvar=True,
        help=f"Store file (default {settings.SETTINGS['db'].default}).",
    )(fn)


def format_option(fn: Callable) -> Callable:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format.",
    )(fn)


def filter_options(fn: Callable) -> Callable:
    for opt in reversed(
        [
            click.option(
                "--source", "sources", multiple=True, metavar="NAME", help="Only this source (repeatable)."
            ),
            click.option(
                "--lang", "langs", multiple=True, metavar="CODE", help="Only this language (repeatable)."
            ),
            click.option(
                "--from", "date_from", metavar="DATE", help="From this date (any accepted date form)."
            ),
            click.option(
                "--to", "date_to", metavar="DATE", help="To this date, inclusive ('--to 2012' = end of 2012)."
            ),
        ]
    ):
        fn = opt(fn)
    return fn


def make_filters(
    sources: Sequence[str], langs: Sequence[str], date_from: str | None, date_to: str | None
) -> Filters:
    return Filters(
        tuple(sources), tuple(langs), parse_bound(date_from, end=False), parse_bound(date_to, end=True)
    )


def open_store(db: str | None, readonly: bool = True) -> Store:
    return Store(db, readonly=readonly)


def marks_for_terminal() -> tuple[str, str]:
    if sys.stdout.isatty():
        return "\x1b[1;33m", "\x1b[0m"
    return "[", "]"


def highlight(text: str) -> str:
    return render_marks(text, *marks_for_terminal())


def strip_marks(text: str) -> str:
    return text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def emit(
    rows: list[dict[str, Any]], fmt: str, columns: Sequence[str], widths: dict[str, int] | None = None
) -> None:
    """Print rows as a table, a JSON array or CSV (with ``columns`` in that order)."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k) for k in columns})
        return
    _table(rows, columns, widths or {})


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.4f}"
    return " ".join(str(v).split())


def _table(rows: list[dict[str, Any]], columns: Sequence[str], widths: dict[str, int]) -> None:
    if not rows:
        click.echo("(no results)")
        return
    term_width = shutil.get_terminal_size((160, 24)).columns
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    w = [max(len(c), *(len(_visible(row[i])) for row in cells)) for i, c in enumerate(columns)]
    for i, c in enumerate(columns):
        if c in widths:
            w[i] = min(w[i], widths[c])
    flex = [i for i, c in enumerate(columns) if c in widths]
    spare = term_width - sum(w) - 2 * (len(w) - 1)
    if spare > 0 and flex:
        w[flex[-1]] += spare
    click.echo("  ".join(c.ljust(w[i]) for i, c in enumerate(columns)).rstrip())
    click.echo("  ".join("-" * w[i] for i in range(len(columns))))
    for row in cells:
        click.echo("  ".join(_fit(row[i], w[i]) for i in range(len(columns))).rstrip())


def _visible(s: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", s)


def _fit(s: str, width: int) -> str:
    vis = _visible(s)
    if len(vis) <= width:
        return s + " " * (width - len(vis))
    if vis != s:  # has colour codes: cut on the visible text, keep it simple
        s = vis
    return s[: max(0, width - 1)] + "…"
