"""The data model shared by every layer (see docs/schema.md).

A document's *canonical text* is ``title + "\\n\\n" + body``; every fact is a character span over it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

TITLE_SEP = "\n\n"


def normalise_text(text: str) -> str:
    """NFC, LF line ends, no NUL bytes; otherwise verbatim (defects are repaired by extractors)."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\x00", "")
    return unicodedata.normalize("NFC", text)


def content_id(source: str, published: str, title: str, body: str) -> str:
    """Stable content hash: the same (source, date, title, body) always gets the same id.

    The URL is deliberately not part of it: the same text under two URLs is one document, and the
    second copy is recorded as a duplicate.
    """
    h = hashlib.sha256()
    for part in (source, published, title.strip(), body.strip()):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:20]


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

    @property
    def text(self) -> str:
        return self.title + TITLE_SEP + self.body

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
