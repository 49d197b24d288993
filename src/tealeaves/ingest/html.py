"""Web pages: bytes of an HTML page in, a document record (or an InputError with a reason) out.

Decoding, main-text extraction, title, date, language and canonical URL all come from maintained
libraries: w3lib (HTTP header, BOM, ``<meta charset>`` and detection, in that order, as browsers do),
charset_normalizer (detection when nothing usable is declared), trafilatura (main text and metadata,
dates via htmldate) and py3langid (language when the page does not declare one).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from tealeaves.errors import InputError
from tealeaves.ingest.readers import Item, ReadOptions, open_binary, register
from tealeaves.model import Origin, Rejected

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
MIN_ARTICLE_CHARS = 200  # shorter main text is a list, a login wall or a stub, not an article
MIN_PARAGRAPH_CHARS = 60  # an article has at least one real paragraph; link lists do not
MAX_BAD_CHARS = 0.01  # share of U+FFFD after decoding above which the encoding is wrong
EXTRACTOR = "trafilatura"

_LANG = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{1,8})*$")

# trafilatura and htmldate log every page they cannot handle; our reasons are counted instead.
for _name in ("trafilatura", "htmldate", "charset_normalizer"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@functools.cache
def extractor_version() -> str:
    """Recorded with every page; asked once per process (importlib.metadata reads the installed
    distributions' files on every call: 8% of an HTML ingest when asked per page)."""
    from importlib.metadata import version

    return f"trafilatura {version('trafilatura')}, htmldate {version('htmldate')}"


def warm_up() -> None:
    """Load once what the first page with an unusual date would otherwise pay for: htmldate's external
    date parser (dateparser builds its locale and time-zone tables on first use: 1-3 s)."""
    from htmldate.extractors import get_external_parser

    get_external_parser().get_date_data("Updated 4 May 2018 10:30 CET")


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str, bool]:
    """(text, encoding, detected): the page as text, decoded as a browser would.

    Raises InputError ``bad_encoding`` when neither the declared nor a detected encoding yields
    clean text.
    """
    from w3lib.encoding import html_to_unicode

    encoding, text = html_to_unicode(content_type, data, auto_detect_fun=_detect)
    detected = False
    if _bad_share(text) > MAX_BAD_CHARS:
        guess = _detect(data)
        if guess:
            with contextlib.suppress(UnicodeDecodeError, LookupError):
                text, encoding, detected = data.decode(guess), guess, True
        if _bad_share(text) > MAX_BAD_CHARS:
            raise InputError(
                "bad_encoding",
                f"page bytes do not decode as {encoding} (declared or detected): "
                f"{_bad_share(text):.0%} invalid characters",
            )
    return text, encoding, detected


def _bad_share(text: str) -> float:
    return text.count("\ufffd") / max(1, len(text))


_HTTP_EQUIV_LANG = etree.XPath(
    "//meta[@http-equiv='content-language' or @http-equiv='Content-Language']/@content"
)
_OG_LOCALE = etree.XPath("//meta[@property='og:locale']/@content")


def _declared_lang(tree) -> str | None:
    for value in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *_HTTP_EQUIV_LANG(tree),
        *_OG_LOCALE(tree),
    ):
        if value and _LANG.match(value.strip()):
            return value.strip().replace("_", "-").split("-")[0].lower()
    return None


def _detect_lang(text: str) -> str | None:
    import py3langid

    lang, _ = py3langid.classify(text[:3000])
    return lang or None


def parse_page(
    data: bytes,
    *,
    url: str | None = None,
    content_type: str | None = None,
    min_chars: int = MIN_ARTICLE_CHARS,
) -> dict[str, Any]:
    """A document record from one HTML page: title, body, published, lang, url, site.

    Raises InputError with reason ``bad_encoding``, ``not_html`` or ``not_article``. The record's
    ``published`` is None when the page carries no date (the caller may know one: a feed item's or a
    fetch date).
    """
    import trafilatura

    text, encoding, detected = decode_html(data, content_type)
    tree = trafilatura.load_html(text)
    if tree is None:
        raise InputError("not_html", "no HTML document could be parsed from the bytes")
    lang = _declared_lang(tree)
    meta = page_metadata(tree, url)
    # the tree is parsed once: bare_extraction works on a copy of it (metadata reads it unchanged)
    doc = trafilatura.bare_extraction(tree, url=meta.url, include_comments=False, with_metadata=False)
    body = (doc.text or "").strip() if doc is not None else ""
    _check_article(body, meta.title or "", min_chars)
    return {
        "title": (meta.title or "").strip(),
        "body": body,
        "published": meta.date or None,
        "url": meta.url or url,
        "lang": lang or _detect_lang(body),
        "site": _host(meta.url or url) or meta.hostname or (meta.sitename or "").strip() or None,
        "encoding": encoding,
        "encoding_detected": detected,
    }


def page_metadata(tree, url: str | None = None):
    """Title, canonical URL, host, site name and publication date of a parsed page: the steps of
    ``trafilatura.metadata.extract_metadata`` whose fields a document keeps, in the same order and
    with the same htmldate settings. Author, categories, tags and licence (a third of that function's
    time on the benchmark pages) are never stored, so they are not extracted."""
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import set_date_params

    meta = examine_meta(tree)
    with contextlib.suppress(Exception):  # trafilatura's own guard: bugs in JSON-LD parsing
        meta = extract_meta_json(tree, meta)
    if not meta.title:
        meta.title = extract_title(tree)
    if not meta.url:
        meta.url = extract_url(tree, url)
    if meta.url:
        meta.hostname = extract_domain(meta.url, fast=True)
    meta.date = find_date(tree, **{**set_date_params(True), "url": meta.url})
    if not meta.sitename and not meta.url:
        meta.sitename = extract_sitename(tree)  # only needed when there is no URL to name the site
    meta.clean_and_trim()
    return meta


def _check_article(body: str, title: str, min_chars: int) -> None:
    """Raise ``not_article`` for main text that is too short or only short lines (a list of links:
    section fronts, tag pages, search results). Every page of the article-extraction benchmark has a
    paragraph of at least 72 characters; index pages have headlines."""
    on = f" on page {title[:60]!r}" if title else ""
    if len(body) < min_chars:
        raise InputError(
            "not_article",
            f"no article text: the main-text extractor found {len(body)} characters (fewer than "
            f"{min_chars}){on}",
        )
    longest = max((len(line) for line in body.splitlines()), default=0)
    if min_chars and longest < MIN_PARAGRAPH_CHARS:
        raise InputError(
            "not_article",
            f"no article text: {len(body.splitlines())} short lines and no paragraph of "
            f"{MIN_PARAGRAPH_CHARS} characters (a list of links, not an article){on}",
        )


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname
    return host[4:] if host and host.startswith("www.") else host


def page_record(page: dict[str, Any], defaults: dict[str, Any], provenance: dict[str, Any]) -> dict:
    """The record the loader maps: page fields, defaults for what the page lacks, provenance."""
    rec = {k: page[k] for k in ("title", "body", "url", "lang") if page.get(k)}
    if page.get("published"):
        rec["published"] = page["published"]
    fallback = {"source": page.get("site"), **{k: v for k, v in defaults.items() if v}}
    rec["_defaults"] = {k: v for k, v in fallback.items() if v}
    rec["_hints"] = {
        "published": ": the page carries no date (give one with --set published=DATE)",
        "source": ": the page names no site or URL (give one with --set source=NAME)",
    }
    rec["_provenance"] = {
        **provenance,
        "canonical_url": page.get("url"),
        "encoding": page.get("encoding"),
        "extractor": extractor_version(),
    }
    return rec


@register("html", HTML_SUFFIXES)
def read_html(path: Path, options: ReadOptions, progress=None) -> Iterator[Item]:
    """One HTML file (plain or .gz) is one record."""
    origin = Origin(str(path), 1, 0)
    try:
        with open_binary(path, progress) as f:
            data = f.read(options.max_record_bytes + 1)
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield Rejected(origin, "read_error", f"cannot read HTML file: {e}")
        return
    if len(data) > options.max_record_bytes:
        yield Rejected(
            origin,
            "too_large",
            f"page larger than max_record_bytes {options.max_record_bytes:,}",
            data[: options.quarantine_max_bytes],
            len(data),
        )
        return
    # --encoding other than the default overrides what the page declares (as an HTTP header would)
    declared = f"text/html; charset={options.encoding}" if options.encoding.lower() != "utf-8" else None
    try:
        page = parse_page(data, content_type=declared)
    except InputError as e:
        yield Rejected(origin, e.reason, str(e), data[: options.quarantine_max_bytes], len(data))
        return
    yield origin, page_record(page, {}, {"kind": "html", "file": str(path)})
