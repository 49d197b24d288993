"""`tealeaves watch`: poll feeds, fetch new items' pages, ingest, extract, raise alerts.

One round:
1. *recover*: a spool file (WARC of fetched pages) left un-ingested by a killed process is cut back to
   its last committed record and ingested;
2. *poll* every due feed with a conditional GET (ETag / Last-Modified); new items become ``pending``
   (an item another feed already listed becomes ``duplicate_item``), in the same transaction as the
   feed's validators and next attempt; a failing feed records its error and backs off, and the others
   go on;
3. *fetch* every pending item's page (robots.txt of its host, timeouts, size cap, redirect policy)
   and append it to this round's spool WARC, fsynced before the item is marked ``fetched``;
4. *ingest* the spool (the WARC reader, so provenance is the spool file and offset), settle each item
   as ``stored`` or ``rejected`` with the ingest's reason, then *extract* new documents and *alert*.

Killed at any point, the next run resumes: items not yet marked fetched are fetched again, spooled
pages are ingested, ingest is idempotent (content-hashed ids) and alerts are unique per document.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from tealeaves import settings
from tealeaves.errors import InputError, StoreError, UsageError
from tealeaves.ingest.feeds import parse_feed
from tealeaves.ingest.html import HTML_TYPES
from tealeaves.ingest.http import FetchError, Limits, Response, fetch
from tealeaves.ingest.robots import RobotsCache
from tealeaves.ingest.warc import FEED_HEADER, PUBLISHED_HEADER, SOURCE_HEADER, WarcSpool, truncate
from tealeaves.store import alerts as alerts_mod
from tealeaves.store import feeds as feeds_mod
from tealeaves.store.db import Store, now_iso
from tealeaves.store.loader import ingest

# page failures that another attempt cannot mend: the item is settled as rejected at once
FINAL_PAGE_REASONS = frozenset({"robots_disallowed"})


@dataclass
class RoundReport:
    started: str = ""
    feeds_polled: int = 0
    feeds_ok: int = 0
    not_modified: int = 0
    feed_errors: Counter = field(default_factory=Counter)
    feed_warnings: int = 0
    items_new: int = 0
    items_duplicate: int = 0
    items_no_link: int = 0
    pages_fetched: int = 0
    page_errors: Counter = field(default_factory=Counter)
    recovered: int = 0
    stored: int = 0
    duplicate: int = 0
    rejected: Counter = field(default_factory=Counter)
    extracted: int = 0
    alerts: int = 0
    webhook_failed: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict:
        out = dict(self.__dict__)
        for k, v in out.items():
            if isinstance(v, Counter):
                out[k] = dict(v)
        out["seconds"] = round(self.seconds, 3)
        return out


@dataclass
class WatchOptions:
    interval: float
    limits: Limits
    extract: bool = True
    alerts_file: str | None = None
    webhook: str | None = None
    echo: Callable[[str], None] | None = None
    workers: int = 4
    robots: RobotsCache | None = None  # None: robots.txt is not consulted (setting respect_robots 0)

    @classmethod
    def default(cls, **kw) -> WatchOptions:
        limits = kw.pop("limits", None) or Limits.default()
        interval = kw.pop("interval", None)
        workers = int(settings.get("fetch_workers", kw.pop("workers", None)))
        respect = bool(int(settings.get("respect_robots", kw.pop("respect_robots", None))))
        return cls(
            interval=float(settings.get("feed_interval", interval)),
            limits=limits,
            workers=workers,
            robots=RobotsCache(limits) if respect else None,
            **kw,
        )


def spool_dir(store: Store) -> Path:
    configured = settings.get("spool_dir")
    return Path(configured) if configured else Path(str(store.path) + ".spool")


@contextlib.contextmanager
def watch_lock(store: Store) -> Iterator[None]:
    """One watch per store at a time (a second would fetch the same items twice)."""
    folder = spool_dir(store)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            f.seek(0)
            raise StoreError(
                f"another `tealeaves watch` is running on {store.path} (pid {f.read().strip() or '?'})"
            ) from None
        f.seek(0)
        f.truncate()
        f.write(str(os.getpid()))
        f.flush()
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


# -- steps --------------------------------------------------------------------------------------


def recover(store: Store, report: RoundReport) -> None:
    """Ingest spool files a killed run left behind, cut back to their last committed record."""
    rows = store.conn.execute(
        "SELECT path, committed FROM spool_files WHERE ingested_at IS NULL ORDER BY path"
    ).fetchall()
    for path, committed in rows:
        truncate(Path(path), committed)
        report.recovered += 1
        _ingest_spool(store, Path(path), report)


def _bounded_map(fn: Callable, items: list, workers: int) -> Iterator[tuple[object, object]]:
    """(item, fn(item) or the InputError it raised), as they complete, at most ``workers`` at a time
    and never more than 2 x ``workers`` results waiting (responses are up to max_response_bytes)."""
    if workers <= 1:
        for item in items:
            try:
                yield item, fn(item)
            except InputError as e:
                yield item, e
        return
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
        pending: dict = {}
        queue = iter(items)
        while True:
            while len(pending) < 2 * workers:
                item = next(queue, None)
                if item is None:
                    break
                pending[pool.submit(fn, item)] = item
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                item = pending.pop(fut)
                try:
                    yield item, fut.result()
                except InputError as e:
                    yield item, e


def _fetch_feed(feed: feeds_mod.FeedRow, opts: WatchOptions):
    resp = fetch(feed.url, opts.limits, etag=feed.etag, last_modified=feed.last_modified)
    parsed = None if resp.not_modified else parse_feed(resp.body, resp.final_url, resp.header("content-type"))
    return resp, parsed


def poll_feeds(store: Store, feeds: list[feeds_mod.FeedRow], opts: WatchOptions, report: RoundReport) -> None:
    """Poll ``feeds`` (fetches in parallel, ``fetch_workers``); record each result as it arrives."""
    for feed, result in _bounded_map(lambda f: _fetch_feed(f, opts), feeds, opts.workers):
        report.feeds_polled += 1
        if isinstance(result, InputError):  # FetchError is one
            report.feed_errors[result.reason] += 1
            feeds_mod.record_failure(store, feed, result.reason, str(result))
            continue
        resp, parsed = result
        report.feeds_ok += 1
        report.not_modified += resp.not_modified
        if parsed is not None:
            report.feed_warnings += parsed.warning is not None
            report.items_no_link += parsed.no_link
        new, dup = feeds_mod.record_poll(
            store, feed, parsed, resp.header("etag"), resp.header("last-modified"), opts.interval
        )
        report.items_new += new
        report.items_duplicate += dup


def poll_feed(store: Store, feed: feeds_mod.FeedRow, opts: WatchOptions, report: RoundReport) -> None:
    poll_feeds(store, [feed], opts, report)


def _fetch_page(item: feeds_mod.ItemRow, opts: WatchOptions) -> Response:
    if opts.robots is not None:
        verdict = opts.robots.check(item.url)
        if not verdict.allowed:
            raise FetchError(verdict.reason or "robots_disallowed", verdict.message)
    resp = fetch(item.url, opts.limits)
    _check_html(resp)
    return resp


def fetch_items(store: Store, opts: WatchOptions, report: RoundReport) -> Path | None:
    """Fetch every pending item's page into a new spool WARC. Returns the spool (None: nothing).

    Pages are fetched in parallel (``fetch_workers``); each is written to the spool and marked fetched
    by this thread alone, record by record, so the spool and the item states always agree."""
    items = feeds_mod.items_to_fetch(store)
    if not items:
        return None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    path = spool_dir(store) / f"watch-{stamp}-{os.getpid()}.warc.gz"
    spool: WarcSpool | None = None
    try:
        for item, resp in _bounded_map(lambda i: _fetch_page(i, opts), items, opts.workers):
            if isinstance(resp, InputError):
                report.page_errors[resp.reason] += 1
                final = resp.reason in FINAL_PAGE_REASONS
                feeds_mod.item_failed(store, item, resp.reason, str(resp), final=final)
                continue
            spool = spool or WarcSpool(path)
            extra = {SOURCE_HEADER: item.source, PUBLISHED_HEADER: item.published, FEED_HEADER: item.feed_url}
            written = spool.add(resp.final_url, resp.status, resp.headers, resp.body, resp.fetched_at, extra)
            feeds_mod.item_fetched(store, item, str(path), written.offset, written.offset + written.length)
            report.pages_fetched += 1
    finally:
        if spool is not None:
            spool.close()
    return path if spool is not None else None


def _check_html(resp: Response) -> None:
    ctype = (resp.header("content-type") or "text/html").split(";")[0].strip().lower()
    if ctype not in HTML_TYPES:
        raise FetchError("not_html", f"{resp.final_url} is {ctype}, not a web page")


def _ingest_spool(store: Store, path: Path, report: RoundReport) -> None:
    if path.exists():
        s = ingest(store, [path])
        report.stored += s.stored
        report.duplicate += s.duplicate - s.already_stored
        report.rejected.update(s.reasons)
    _settle(store, str(path))


def _settle(store: Store, path: str) -> None:
    """Items in spool ``path`` become stored (with their document id) or rejected (with the reason)."""
    now = now_iso()
    with store.transaction() as conn:
        conn.execute(
            "UPDATE feed_items SET state = 'stored', updated_at = ?, doc_id = (SELECT w.doc_id FROM "
            "web_origins w WHERE w.origin_file = feed_items.spool_file AND w.warc_offset = "
            "feed_items.spool_offset) WHERE spool_file = ? AND state = 'fetched' AND EXISTS (SELECT 1 FROM "
            "web_origins w WHERE w.origin_file = feed_items.spool_file AND w.warc_offset = "
            "feed_items.spool_offset)",
            (now, path),
        )
        for item_id, reason, message in conn.execute(
            "SELECT i.id, q.reason, q.message FROM feed_items i JOIN quarantine q ON q.origin_file = "
            "i.spool_file AND q.byte_offset = i.spool_offset WHERE i.spool_file = ? AND i.state = 'fetched'",
            (path,),
        ).fetchall():
            conn.execute(
                "UPDATE feed_items SET state = 'rejected', reason = ?, message = ?, updated_at = ? "
                "WHERE id = ?",
                (reason, message, now, item_id),
            )
        conn.execute(
            "UPDATE feed_items SET state = 'rejected', reason = 'not_ingested', message = 'the archived page "
            "yielded no document', updated_at = ? WHERE spool_file = ? AND state = 'fetched'",
            (now, path),
        )
        conn.execute("UPDATE spool_files SET ingested_at = ? WHERE path = ?", (now, path))


def after_ingest(store: Store, opts: WatchOptions, report: RoundReport) -> None:
    """Extract new documents (when asked), then raise and deliver alerts."""
    if opts.extract:
        from tealeaves.store.facts import run_extract

        report.extracted += run_extract(store).docs
    new = alerts_mod.check_alerts(store)
    d = alerts_mod.deliver(store, new, file=opts.alerts_file, webhook=opts.webhook, echo=opts.echo)
    report.alerts += len(new)
    report.webhook_failed += d.webhook_failed


def run_round(store: Store, opts: WatchOptions, *, all_feeds: bool = False) -> RoundReport:
    """One round over the feeds that are due (every feed with ``all_feeds``)."""
    t0 = time.perf_counter()
    report = RoundReport(started=now_iso())
    recover(store, report)
    poll_feeds(store, feeds_mod.due_feeds(store, None if not all_feeds else "9999"), opts, report)
    path = fetch_items(store, opts, report)
    if path is not None:
        _ingest_spool(store, path, report)
    after_ingest(store, opts, report)
    report.seconds = time.perf_counter() - t0
    return report


def watch(
    store: Store,
    opts: WatchOptions,
    *,
    once: bool = False,
    all_feeds: bool = False,
    rounds: int | None = None,
    on_round: Callable[[RoundReport], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Run rounds until stopped (or once, or ``rounds`` times). Returns the number of rounds."""
    if not store.conn.execute("SELECT 1 FROM feeds LIMIT 1").fetchone():
        raise UsageError("no feeds to watch: add one with `tealeaves feeds add URL [--source NAME]`")
    n = 0
    with watch_lock(store):
        while True:
            report = run_round(store, opts, all_feeds=all_feeds)
            n += 1
            if on_round:
                on_round(report)
            if once or (rounds is not None and n >= rounds):
                return n
            sleep(_wait(store, opts.interval))


def _wait(store: Store, interval: float) -> float:
    """Seconds until the next feed is due (at least 1 s, at most ``interval``)."""
    nxt = feeds_mod.next_due(store)
    if not nxt:
        return max(1.0, interval)
    due = dt.datetime.fromisoformat(nxt)
    left = (due - dt.datetime.now(dt.UTC)).total_seconds()
    return min(max(1.0, left), max(1.0, interval))
