"""Field mapping and validation: a dict from any reader becomes a Document or an InputError."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tealeaves.dates import parse_date
from tealeaves.errors import InputError, UsageError
from tealeaves.ingest.lang import guess_lang
from tealeaves.model import Document

FIELDS = ("id", "source", "published", "title", "body", "url", "lang")

# Names other sources use for our fields, tried when the record lacks ours and no --map names one.
ALIASES: dict[str, tuple[str, ...]] = {
    "published": ("date", "pubdate", "pub_date", "published_at", "publication_date", "datetime", "time"),
    "title": ("headline", "name", "subject"),
    "body": ("text", "story", "story_text", "content", "article", "description"),
    "url": ("link", "href", "uri"),
    "lang": ("language",),
    "source": ("outlet", "publisher", "agency", "site"),
}


@dataclass
class FieldMap:
    """Which input column feeds each document field, plus constants for missing ones."""

    mapping: dict[str, str] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(
        cls, maps: list[str] | tuple[str, ...] = (), sets: list[str] | tuple[str, ...] = ()
    ) -> FieldMap:
        return cls(_pairs(maps, "--map FIELD=COLUMN"), _pairs(sets, "--set FIELD=VALUE"))

    def get(self, rec: dict[str, Any], name: str) -> Any:
        if not self.mapping and not self.constants:
            value = rec.get(name)
            if value is not None:
                return value
        if name in self.mapping:
            value = rec.get(self.mapping[name])
        else:
            value = rec.get(name)
            if value is None:
                for alt in ALIASES.get(name, ()):
                    if rec.get(alt) is not None:
                        value = rec[alt]
                        break
        if value is None or value == "":
            value = self.constants.get(name, value)
        if (value is None or value == "") and isinstance(rec.get("_defaults"), dict):
            # a reader's own fallback (a web page's site name, a WARC record's fetch date): used
            # only when neither the record nor --set gives the field
            value = rec["_defaults"].get(name, value)
        return value

    def label(self, name: str) -> str:
        return f"{name!r} (mapped from {self.mapping[name]!r})" if name in self.mapping else repr(name)


def _pairs(items: list[str] | tuple[str, ...], form: str) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or key not in FIELDS:
            raise UsageError(
                f"bad {form.split()[0]} {item!r}: expected {form} with FIELD one of {', '.join(FIELDS)}"
            )
        out[key] = value.strip()
    return out


def _text(rec: dict[str, Any], fmap: FieldMap, name: str, required: bool = False) -> str:
    value = fmap.get(rec, name)
    if value is None:
        if required:
            raise InputError("missing_field", f"missing field {fmap.label(name)}")
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InputError("bad_field", f"field {fmap.label(name)} is {type(value).__name__}, expected text")
    return value


def to_document(rec: dict[str, Any], fmap: FieldMap) -> Document:
    """Validate one input record. Raises InputError with a reason code and a one-line message."""
    if not isinstance(rec, dict):
        raise InputError("bad_record", f"expected an object with fields, got {type(rec).__name__}")
    hints = rec.get("_hints") if isinstance(rec.get("_hints"), dict) else {}
    if fmap.get(rec, "source") is None and hints.get("source"):
        raise InputError("missing_field", f"missing field {fmap.label('source')}{hints['source']}")
    source = _text(rec, fmap, "source", required=True).strip()
    if not source:
        raise InputError("missing_field", f"empty field {fmap.label('source')}")
    raw_date = fmap.get(rec, "published")
    if raw_date is None or raw_date == "":
        raise InputError(
            "missing_field", f"missing field {fmap.label('published')}{hints.get('published', '')}"
        )
    published, precision = parse_date(raw_date)
    title = _text(rec, fmap, "title")
    body = _text(rec, fmap, "body")
    if not title.strip() and not body.strip():
        raise InputError("empty", "empty document: no title and no body text")
    ext = fmap.get(rec, "id")
    lang = _text(rec, fmap, "lang").strip().lower() or guess_lang(title + "\n" + body[:2000])
    return Document.create(
        source=source,
        published=published,
        title=title,
        body=body,
        url=(_text(rec, fmap, "url").strip() or None),
        lang=lang,
        ext_id=str(ext) if ext not in (None, "") else None,
        precision=precision,
    )
