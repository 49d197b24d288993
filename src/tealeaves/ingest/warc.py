"""WARC web archives (ISO 28500, e.g. Common Crawl news dumps): one document per archived article page.

Records are read one at a time with warcio (streaming; a page body is read up to max_record_bytes and
the rest of a record is skipped unread into memory). Response (and resource) records with HTTP 200 and
an HTML content type become documents; everything else is *skipped* with a counted reason (request and
metadata records, images, redirects, errors). Each document keeps its WARC provenance: file, record
offset, record id, target URI and fetch date.

``WarcSpool`` writes response records: ``tealeaves watch`` archives every page it fetches this way and
ingests the archive, so a live page and an archived one go through the same reader.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from tealeaves.errors import InputError
from tealeaves.ingest.html import HTML_TYPES, page_record, parse_page
from tealeaves.ingest.readers import Item, ReadOptions, _Counting, register
from tealeaves.model import Origin, Rejected, Skipped

WARC_SUFFIXES = (".warc", ".warc.gz")
# our own WARC header fields (extension fields are allowed by the standard): what a feed said
SOURCE_HEADER = "Tealeaves-Source"
PUBLISHED_HEADER = "Tealeaves-Published"
FEED_HEADER = "Tealeaves-Feed"


@register("warc", WARC_SUFFIXES)
def read_warc(path: Path, options: ReadOptions, progress=None) -> Iterator[Item | Skipped]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        raw = io.BufferedReader(_Counting(open(path, "rb"), progress), buffer_size=1 << 20)  # noqa: SIM115
    except OSError as e:
        yield Rejected(Origin(str(path), 0), "read_error", f"cannot open: {e}")
        return
    n = 0
    with raw:
        it = ArchiveIterator(raw, no_record_parse=False, arc2warc=True)
        while True:
            try:
                record = next(it)
            except StopIteration:
                return
            except Exception as e:  # warcio raises plain exceptions for broken archives
                yield Rejected(
                    Origin(str(path), n + 1, it.offset if hasattr(it, "offset") else 0),
                    "corrupt_warc",
                    f"unreadable WARC record ({type(e).__name__}: {e}); records after this point are lost",
                )
                return
            n += 1
            try:
                yield _record(record, str(path), n, it, options)
            except Exception as e:  # a broken record body (bad chunking, bad gzip) loses only itself
                yield Rejected(
                    Origin(str(path), n),
                    "corrupt_warc",
                    f"unreadable WARC record body: {type(e).__name__}: {e}",
                )


def _record(record, file: str, n: int, it, options: ReadOptions) -> Item | Skipped:
    """One record as a document record, a Rejected or a Skipped.

    The record's offset is asked for only after its body is read (warcio reads ahead to find it).
    """
    h = record.rec_headers
    kind = record.rec_type
    uri = h.get_header("WARC-Target-URI")
    if kind not in ("response", "resource"):
        return Skipped(
            Origin(file, n, it.get_record_offset()),
            f"warc_{kind}",
            f"{kind} record{f' for {uri}' if uri else ''}",
        )
    ctype = h.get_header("Content-Type") or ""
    status = 200
    if record.http_headers is not None and kind == "response":
        status = int(record.http_headers.get_statuscode() or 0)
        ctype = record.http_headers.get_header("Content-Type") or ""
    if status != 200:
        reason = "http_redirect" if 300 <= status < 400 else "http_status"
        return Skipped(Origin(file, n, it.get_record_offset()), reason, f"HTTP {status} for {uri}")
    if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
        return Skipped(
            Origin(file, n, it.get_record_offset()), "not_html", f"{ctype or 'no content type'} at {uri}"
        )
    data = record.content_stream().read(options.max_record_bytes + 1)
    unread = getattr(record.raw_stream, "limit", 0) if len(data) <= options.max_record_bytes else 0
    origin = Origin(file, n, it.get_record_offset())
    if unread:
        return Rejected(
            origin,
            "truncated_warc",
            f"record for {uri} ends {unread:,} bytes early (the archive was cut); its page is not stored",
            data[: options.quarantine_max_bytes],
            len(data),
        )
    if len(data) > options.max_record_bytes:
        return Rejected(
            origin,
            "too_large",
            f"page {uri} larger than max_record_bytes {options.max_record_bytes:,}",
            data[: min(len(data), options.quarantine_max_bytes)],
            len(data),
        )
    provenance = {
        "kind": "warc",
        "file": origin.file,
        "offset": origin.offset,
        "record_id": h.get_header("WARC-Record-ID"),
        "target_uri": uri,
        "fetched_at": h.get_header("WARC-Date"),
        "feed": h.get_header(FEED_HEADER),
    }
    try:
        page = parse_page(data, url=uri, content_type=ctype)
    except InputError as e:
        return Rejected(origin, e.reason, f"{e} ({uri})", data[: options.quarantine_max_bytes], len(data))
    fetched = (h.get_header("WARC-Date") or "")[:10] or None
    defaults = {"published": fetched}
    rec = page_record(page, defaults, provenance)
    if h.get_header(SOURCE_HEADER):
        rec["source"] = h.get_header(SOURCE_HEADER)
    if h.get_header(PUBLISHED_HEADER):  # the feed's own date for the item beats a date guessed from the page
        rec["published"] = h.get_header(PUBLISHED_HEADER)
    return origin, rec


# -- writing --------------------------------------------------------------------------------------


@dataclass
class Written:
    offset: int
    length: int


class WarcSpool:
    """Appends gzipped response records to one WARC file; every record is flushed and fsynced."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._f: BinaryIO = open(path, "ab")  # noqa: SIM115

    def add(
        self,
        url: str,
        status: int,
        headers: list[tuple[str, str]],
        body: bytes,
        fetched_at: str,
        extra: dict[str, Any] | None = None,
    ) -> Written:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        self._f.seek(0, os.SEEK_END)
        start = self._f.tell()
        writer = WARCWriter(self._f, gzip=True)
        http = StatusAndHeaders(f"{status} OK", _http_headers(headers, len(body)), protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": fetched_at}
        warc_headers.update({k: str(v) for k, v in (extra or {}).items() if v})
        rec = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=warc_headers
        )
        writer.write_record(rec)
        self._f.flush()
        os.fsync(self._f.fileno())
        return Written(start, self._f.tell() - start)

    def close(self) -> None:
        self._f.close()


def _http_headers(headers: list[tuple[str, str]], length: int) -> list[tuple[str, str]]:
    """Response headers as archived: the body is stored decoded, so length and encoding are restated."""
    drop = {"content-length", "content-encoding", "transfer-encoding"}
    out = [(k, v) for k, v in headers if k.lower() not in drop]
    return [*out, ("Content-Length", str(length))]


def truncate(path: Path, size: int) -> None:
    """Cut a spool file back to ``size`` bytes (drops a record half-written when a process was killed)."""
    if path.exists() and path.stat().st_size > size:
        with open(path, "r+b") as f:
            f.truncate(size)
