"""The data model shared by every layer (see docs/schema.md).

A document's *canonical text* is ``title + "\\n\\n" + body``; every fact is a character span over it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field

TITLE_SEP = "\n\n"


def normalise_text(text: str) -> str:
    """NFC, LF line ends, no NUL bytes; otherwise verbatim (defects are repaired by extractors)."""
    if not text:
        return ""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def content_id(source: str, published: str, title: str, body: str) -> str:
    """Stable content hash: the same (source, date, title, body) always gets the same id.

    The URL is deliberately not part of it: the same text under two URLs is one document, and the
    second copy is recorded as a duplicate.
    """
    key = f"{source}\x1f{published}\x1f{title.strip()}\x1f{body.strip()}\x1f"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    source: str
    published: str  # YYYY-MM-DD, YYYY-MM or YYYY (see precision)
    title: str
    body: str
    url: str | None = None
    lang: str | None = None
    ext_id: str | None = None
    precision: str = "day"
    # the canonical text, joined once: every stage reads it, some many times per document (a tenth of a
    # pass went to joining it again)
    _text: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_text", self.title + TITLE_SEP + self.body)

    @property
    def text(self) -> str:
        return self._text

    @property
    def body_offset(self) -> int:
        return len(self.title) + len(TITLE_SEP)

    @classmethod
    def create(
        cls,
        source: str,
        published: str,
        title: str,
        body: str,
        url: str | None = None,
        lang: str | None = None,
        ext_id: str | None = None,
        precision: str = "day",
    ) -> Document:
        title = normalise_text(title).strip()
        body = normalise_text(body).strip()
        source = " ".join(source.split())
        return cls(
            id=content_id(source, published, title, body),
            source=source,
            published=published,
            title=title,
            body=body,
            url=url or None,
            lang=(lang or None),
            ext_id=ext_id,
            precision=precision,
        )


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an input record came from: file, 1-based line (or record number) and byte offset."""

    file: str
    line: int
    offset: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input record that could not become a document, kept whole with its reason."""

    origin: Origin
    reason: str  # machine code, e.g. bad_json, bad_utf8, missing_field, bad_date, empty, too_large
    message: str  # one line for a human
    raw: bytes = b""
    raw_size: int = 0
    ext_id: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input record that is deliberately not a document (a request record or an image in a web
    archive, an HTTP redirect): counted by reason in the ingest summary, not an error."""

    origin: Origin
    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: the unit every other fact is shown in."""

    start: int
    end: int


# -- extracted facts (issue 3) ---------------------------------------------------------------------
# Every fact is a span [start, end) over the canonical text; entity references are ``entities.id``
# values of the domain packs (None when a name is found but not known to any pack).


@dataclass(frozen=True, slots=True)
class Mention:
    """A name of a person, organisation or place.

    ``label`` is ``PERSON``, ``ORG`` or ``PLACE``; ``entity`` the pack entity it resolves to, or None
    (unresolved). ``method`` says how it was found: ``name`` (canonical name), ``alias`` (an alias or
    romanisation variant), ``title`` (a title standing for a person in a period, e.g. "the respected
    Supreme Leader"), ``pattern`` (an unknown name found by the name-shape rules), ``short`` (a known
    person's surname alone after the full name), ``extended`` (a known medium's name with a word of its kind
    after it, "Kyodo News Service": the span the text gives, the entity the packs know).
    """

    start: int
    end: int
    text: str
    label: str
    entity: str | None
    method: str = "name"


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what. The span is the quoted words (direct) or the reported clause (indirect).

    ``speaker_kind``: ``named`` (a person or organisation by name), ``self`` (the agency or paper
    speaking for itself), ``anonymous`` ("a ministry official", "experts"), ``unknown`` (no speaker in
    the sentence). ``cue`` is the verb or phrase introducing the speech ("said", "according to").
    ``speaker_name`` names who speaks even when no pack knows them (a pronoun or "the article" takes the
    name of whom it stands for).
    """

    start: int
    end: int
    text: str
    direct: bool
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_entity: str | None
    speaker_kind: str
    cue: str | None
    speaker_name: str | None = None  # who speaks, by name: the entity's name, or the name the text gives


@dataclass(frozen=True, slots=True)
class Definition:
    """A sentence (span) saying what ``term`` (at ``term_start:term_end``) means.

    ``pattern`` names the pack pattern that matched (e.g. ``refers_to``, ``which_means``, ``paren``);
    ``gloss_start:gloss_end`` is the defining part.
    """

    start: int
    end: int
    term: str
    term_start: int
    term_end: int
    pattern: str
    gloss_start: int | None = None
    gloss_end: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A leader appearance or a meeting, reported in the sentence ``[start, end)``.

    ``type`` is ``appearance`` or ``meeting``. For appearances ``subtype`` is ``inspection`` (incl.
    field guidance), ``visit``, ``performance``, ``meeting`` (attends a meeting, ceremony) or ``other``;
    ``actor`` the leader (entity id), ``site`` what was inspected/visited/attended, ``place`` the
    gazetteer place (entity id). For meetings ``subtype`` is ``held`` or ``to be convened``, ``name``
    what meets, ``actor`` the convener. ``date`` is ISO (``date_basis``: ``stated``, ``weekday``
    resolved against the publication date, or ``published``). ``participants`` are the officials
    accompanying (appearances) or attending, each ``{"text", "entity"}``. ``key`` identifies the
    real-world event so that several reports of it count once (docs/appearances.md).
    """

    start: int
    end: int
    type: str
    subtype: str
    actor: str | None
    actor_text: str | None
    site: str | None
    place: str | None
    place_text: str | None
    date: str | None
    date_basis: str
    participants: tuple = ()
    name: str | None = None
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity of a domain pack (not a span): a person, organisation or place."""

    id: str
    name: str
    type: str  # PERSON | ORG | PLACE
    subtype: str | None = None  # e.g. province, city, county, site; party, state, media
    aliases: tuple[str, ...] = ()
    province: str | None = None  # entity id of the province a place lies in
    lat: float | None = None
    lon: float | None = None
    pack: str = ""
    info: str | None = None  # free text from the pack (office, notes)
    gender: str | None = None  # a person's, "m" or "f", where the pack gives it ("he"/"she" agree with it)
