"""entities, entity, quotes, events, appearances: the extracted facts."""

from __future__ import annotations

import click

from tealeaves.analyze import facts as fq
from tealeaves.cli._common import db_option, emit, format_option, highlight, open_store
from tealeaves.dates import parse_bound


def _range(date_from, date_to):
    return parse_bound(date_from, end=False), parse_bound(date_to, end=True)


def _date_options(fn):
    fn = click.option(
        "--to", "date_to", metavar="DATE", help="To this date, inclusive ('--to 2012' = end of 2012)."
    )(fn)
    return click.option(
        "--from", "date_from", metavar="DATE", help="From this date (any accepted date form)."
    )(fn)


def _context_option(fn):
    return click.option("--context", is_flag=True, help="Show each fact highlighted in its sentence.")(fn)


def _with_context(rows: list[dict], fmt: str) -> None:
    for r in rows:
        if "context" in r:
            r["context"] = highlight(r["context"]) if fmt == "table" else fq_strip(r["context"])


def fq_strip(text: str) -> str:
    from tealeaves.cli._common import strip_marks

    return strip_marks(text)


@click.command()
@click.option("--type", "etype", type=click.Choice(fq.TYPES, case_sensitive=False), help="Only this type.")
@click.option(
    "--unresolved", is_flag=True, help="Names found but unknown to every pack, most frequent first."
)
@click.option("--limit", type=int, default=50, show_default=True)
@format_option
@db_option
def entities(etype, unresolved, limit, fmt, db):
    """People, organisations and places, most mentioned first (from the domain packs)."""
    rows = fq.list_entities(open_store(db), etype, limit, unresolved)
    cols = (
        ["name", "type", "mentions", "documents"]
        if unresolved
        else ["id", "name", "type", "subtype", "mentions", "documents"]
    )
    emit(rows, fmt, cols)


@click.command()
@click.argument("name")
@format_option
@db_option
def entity(name, fmt, db):
    """One entity: its aliases, the forms the texts use, and its mentions per year.

    NAME is an id, a name or an alias ("Kim Jong-un", "WPK").
    """
    d = fq.entity_detail(open_store(db), name)
    if fmt != "table":
        emit([d] if fmt == "json" else d["years"], fmt, ["year", "mentions", "documents"])
        return
    sub = f", {d['subtype']}" if d["subtype"] else ""
    click.echo(f"{d['name']}  ({d['type']}{sub}; id {d['id']}; pack {d['pack']})")
    if d.get("province_name"):
        click.echo(f"in: {d['province_name']}")
    if d["lat"] is not None:
        click.echo(f"coordinates: {d['lat']}, {d['lon']} (GeoNames)")
    if d["info"]:
        click.echo(d["info"])
    click.echo("aliases: " + (", ".join(d["aliases"]) or "-"))
    click.echo(
        "forms in the texts: " + (", ".join(f"{f['text']} ({f['mentions']})" for f in d["forms"]) or "-")
    )
    click.echo(f"mentions: {d['mentions']:,}")
    emit(d["years"], fmt, ["year", "mentions", "documents"])


@click.command()
@click.option("--speaker", help="A speaker: entity name or alias, or words of the speaker's description.")
@click.option(
    "--kind", type=click.Choice(["named", "self", "anonymous", "unknown"]), help="Only this kind of speaker."
)
@_date_options
@click.option("--limit", type=int, default=50, show_default=True)
@_context_option
@format_option
@db_option
def quotes(speaker, kind, date_from, date_to, limit, context, fmt, db):
    """Who said what: direct quotes and reported speech with their speakers, newest first."""
    lo, hi = _range(date_from, date_to)
    rows = fq.list_quotes(open_store(db), speaker, lo, hi, kind, limit, context)
    _with_context(rows, fmt)
    cols = ["date", "speaker", "speaker_kind", "cue", "quote", "doc_id"]
    if context:
        cols = ["date", "speaker", "speaker_kind", "context", "doc_id"]
    emit(rows, fmt, cols, widths={"quote": 80, "context": 100, "speaker": 30})


@click.command()
@click.option("--type", "etype", type=click.Choice(fq.EVENT_TYPES), help="Appearances or meetings.")
@_date_options
@click.option(
    "--place", help="A gazetteer place (a province includes its counties and cities) or words of it."
)
@click.option("--actor", help="Only this actor (entity name or alias).")
@click.option("--limit", type=int, default=100, show_default=True)
@_context_option
@format_option
@db_option
def events(etype, date_from, date_to, place, actor, limit, context, fmt, db):
    """Leader appearances and meetings, by event date (newest first)."""
    lo, hi = _range(date_from, date_to)
    rows = fq.list_events(open_store(db), etype, lo, hi, place, actor, limit, context)
    _with_context(rows, fmt)
    for r in rows:
        if fmt != "json":
            r["participants"] = ", ".join(r["participants"])
    if context:
        cols = ["date", "type", "subtype", "actor", "place", "context", "doc_id"]
    else:
        cols = ["date", "type", "subtype", "actor", "site", "name", "place", "participants", "doc_id"]
    emit(rows, fmt, cols, widths={"site": 40, "name": 40, "participants": 40, "context": 100})


@click.command()
@click.option("--by", type=click.Choice(fq.PERIODS), default="year", show_default=True)
@click.option("--actor", help="Only this leader (entity name or alias).")
@_date_options
@click.option(
    "--lang",
    default="en",
    show_default=True,
    help="Count reports in this language ('all' for every language).",
)
@format_option
@db_option
def appearances(by, actor, date_from, date_to, lang, fmt, db):
    """Leader public appearances per period, each appearance counted once (docs/appearances.md)."""
    lo, hi = _range(date_from, date_to)
    rows = fq.appearance_counts(open_store(db), by, actor, lo, hi, None if lang == "all" else lang)
    emit(rows, fmt, ["period", "actor", "count", "reports"])


COMMANDS = [entities, entity, quotes, events, appearances]
