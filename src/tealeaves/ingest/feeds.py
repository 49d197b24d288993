"""RSS and Atom feeds: bytes of a feed in, its items out (feedparser does the parsing).

feedparser is lenient: a feed with an XML error still yields the items it could read, with
``bozo`` set. We keep those items and report the error as a warning; a document with no items and an
error is ``malformed_feed``, and one that is not a feed at all (an HTML page, JSON) is ``not_a_feed``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from tealeaves.errors import InputError


@dataclass(frozen=True)
class FeedItem:
    guid: str  # the item's id (RSS guid, Atom id), else its link
    link: str
    title: str
    published: str | None  # YYYY-MM-DD (UTC) when the feed gives a date


@dataclass
class Feed:
    title: str
    items: list[FeedItem]
    warning: str | None = None  # a recoverable parse error (items were still read)
    format: str = ""  # rss20, atom10, rdf, ...
    no_link: int = 0  # items without an http(s) link: counted, cannot be fetched


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> Feed:
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False)
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    items = [item for e in parsed.entries if (item := _item(e)) is not None]
    no_link = len(parsed.entries) - len(items)
    version = parsed.get("version") or ""
    if not items:
        if not version:
            what = (content_type or "").split(";")[0] or "unknown content"
            raise InputError(
                "not_a_feed",
                f"{url} is not an RSS or Atom feed ({what}"
                + (f"; parser said: {_short(error)}" if error else "")
                + ")",
            )
        if error:
            raise InputError(
                "malformed_feed", f"{url}: malformed {version} feed, no item readable: {_short(error)}"
            )
    return Feed(
        title=parsed.feed.get("title", ""),
        items=items,
        warning=f"malformed feed, {len(items)} item(s) read: {_short(error)}" if error else None,
        format=version,
        no_link=no_link,
    )


def _short(e: object) -> str:
    return " ".join(str(e).split())[:200]


def _item(e) -> FeedItem | None:
    link = (e.get("link") or "").strip()
    if not link:
        # some Atom feeds give only <link rel="alternate">s; feedparser lists them under links
        link = next((x.get("href", "") for x in e.get("links", []) if x.get("rel") == "alternate"), "")
    guid = (e.get("id") or link).strip()
    if not link or not link.startswith(("http://", "https://")):
        return None
    link = _normalise(link)
    when = e.get("published_parsed") or e.get("updated_parsed")
    published = None
    if when:
        published = dt.datetime.fromtimestamp(calendar.timegm(when), dt.UTC).date().isoformat()
    return FeedItem(
        guid=guid or link, link=link, title=" ".join((e.get("title") or "").split()), published=published
    )


def _normalise(url: str) -> str:
    """The URL without tracking parameters (utm_*, fbclid, ...) or fragment, host in lower case
    (courlan), so the same story linked by two feeds is recognised as one item."""
    from courlan import normalize_url

    try:
        return normalize_url(url, strict=True)
    except (ValueError, TypeError):
        return url
