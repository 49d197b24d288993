"""Feed subscriptions and their state: validators, schedule, back-off, errors, and the items seen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from tealeaves import settings
from tealeaves.errors import NotFoundError, UsageError
from tealeaves.ingest.feeds import Feed
from tealeaves.store.db import Store, now_iso


@dataclass
class FeedRow:
    id: int
    url: str
    source: str | None
    added_at: str
    etag: str | None
    last_modified: str | None
    last_attempt: str | None
    last_success: str | None
    last_error: str | None
    last_error_at: str | None
    last_warning: str | None
    failures: int
    next_attempt: str | None
    items_seen: int

    def as_dict(self) -> dict:
        return dict(self.__dict__)


_COLS = (
    "id, url, source, added_at, etag, last_modified, last_attempt, last_success, last_error, "
    "last_error_at, last_warning, failures, next_attempt, items_seen"
)


def add_feed(store: Store, url: str, source: str | None = None) -> FeedRow:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"not a feed URL: {url!r} (expected http:// or https://)")
    with store.transaction() as conn:
        if conn.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)).fetchone():
            raise UsageError(f"feed {url} is already subscribed (see `tealeaves feeds list`)")
        conn.execute(
            "INSERT INTO feeds (url, source, added_at) VALUES (?, ?, ?)", (url, source or None, now_iso())
        )
    return get_feed(store, url)


def get_feed(store: Store, ident: str | int) -> FeedRow:
    col = "id" if isinstance(ident, int) or str(ident).isdigit() else "url"
    row = store.conn.execute(f"SELECT {_COLS} FROM feeds WHERE {col} = ?", (ident,)).fetchone()
    if row is None:
        known = ", ".join(f"{r[0]} {r[1]}" for r in store.conn.execute("SELECT id, url FROM feeds")) or "none"
        raise NotFoundError(f"no feed {ident!r}; feeds: {known}")
    return FeedRow(*row)


def list_feeds(store: Store) -> list[dict]:
    """Every feed with its schedule, last success and last error, and counts of its items by state."""
    out = []
    counts: dict[int, dict[str, int]] = {}
    for fid, state, n in store.conn.execute("SELECT feed_id, state, count(*) FROM feed_items GROUP BY 1, 2"):
        counts.setdefault(fid, {})[state] = n
    for row in store.conn.execute(f"SELECT {_COLS} FROM feeds ORDER BY id"):
        f = FeedRow(*row).as_dict()
        f["items"] = counts.get(f["id"], {})
        out.append(f)
    return out


def remove_feed(store: Store, ident: str) -> FeedRow:
    feed = get_feed(store, ident)
    with store.transaction() as conn:
        conn.execute("DELETE FROM feed_items WHERE feed_id = ?", (feed.id,))
        conn.execute("DELETE FROM feeds WHERE id = ?", (feed.id,))
    return feed


def due_feeds(store: Store, now: str | None = None) -> list[FeedRow]:
    now = now or now_iso()
    rows = store.conn.execute(
        f"SELECT {_COLS} FROM feeds WHERE next_attempt IS NULL OR next_attempt <= ? ORDER BY id", (now,)
    )
    return [FeedRow(*r) for r in rows]


def next_due(store: Store) -> str | None:
    row = store.conn.execute("SELECT min(coalesce(next_attempt, '')) FROM feeds").fetchone()
    return row[0] if row and row[0] is not None else None


def _later(seconds: float) -> str:
    t = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)
    return t.replace(microsecond=0).isoformat()


def backoff_seconds(failures: int) -> float:
    """Seconds before retrying a feed that failed ``failures`` times in a row (doubling, capped)."""
    base = float(settings.get("feed_backoff"))
    return min(base * (2 ** max(0, failures - 1)), float(settings.get("feed_backoff_max")))


def record_failure(store: Store, feed: FeedRow, reason: str, message: str) -> None:
    failures = feed.failures + 1
    now = now_iso()
    with store.transaction() as conn:
        conn.execute(
            "UPDATE feeds SET last_attempt = ?, last_error = ?, last_error_at = ?, failures = ?, "
            "next_attempt = ? WHERE id = ?",
            (now, f"{reason}: {message}", now, failures, _later(backoff_seconds(failures)), feed.id),
        )


def record_poll(
    store: Store,
    feed: FeedRow,
    parsed: Feed | None,
    etag: str | None,
    last_modified: str | None,
    interval: float,
) -> tuple[int, int]:
    """A successful poll (``parsed`` None for 304 Not Modified): new items become ``pending``, items
    another feed already listed become ``duplicate_item``; the validators and schedule are saved in the
    same transaction. Returns (new, duplicate)."""
    now = now_iso()
    new = dup = 0
    with store.transaction() as conn:
        for item in parsed.items if parsed else []:
            if conn.execute(
                "SELECT 1 FROM feed_items WHERE feed_id = ? AND guid = ?", (feed.id, item.guid)
            ).fetchone():
                continue
            other = conn.execute(
                "SELECT f.url FROM feed_items i JOIN feeds f ON f.id = i.feed_id "
                "WHERE i.url = ? AND i.feed_id != ? AND i.state != 'duplicate_item' LIMIT 1",
                (item.link, feed.id),
            ).fetchone()
            state, reason, message = "pending", None, None
            if other:
                state, reason, message = "duplicate_item", "duplicate_item", f"also listed by feed {other[0]}"
                dup += 1
            else:
                new += 1
            conn.execute(
                "INSERT INTO feed_items (feed_id, guid, url, title, published, first_seen, state, reason, "
                "message, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (feed.id, item.guid, item.link, item.title, item.published, now, state, reason, message, now),
            )
        conn.execute(
            "UPDATE feeds SET last_attempt = ?, last_success = ?, failures = 0, next_attempt = ?, "
            "etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), last_warning = ?, "
            "items_seen = items_seen + ? WHERE id = ?",
            (
                now,
                now,
                _later(interval),
                etag,
                last_modified,
                parsed.warning if parsed else None,
                new + dup,
                feed.id,
            ),
        )
    return new, dup


# -- items --------------------------------------------------------------------------------------


@dataclass
class ItemRow:
    id: int
    feed_id: int
    guid: str
    url: str
    title: str | None
    published: str | None
    attempts: int
    feed_url: str
    source: str | None


def items_to_fetch(store: Store) -> list[ItemRow]:
    """Items listed but not fetched yet, and failed ones to retry, oldest first."""
    rows = store.conn.execute(
        "SELECT i.id, i.feed_id, i.guid, i.url, i.title, i.published, i.attempts, f.url, f.source "
        "FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE i.state IN ('pending', 'failed') "
        "ORDER BY i.id"
    )
    return [ItemRow(*r) for r in rows]


def item_failed(store: Store, item: ItemRow, reason: str, message: str, *, final: bool = False) -> str:
    """Record a failed fetch: retried later (``failed``), or ``gave_up`` after item_max_attempts, or
    ``rejected`` at once when ``final`` (another attempt cannot succeed: robots.txt disallows it)."""
    attempts = item.attempts + 1
    state = "gave_up" if attempts >= int(settings.get("item_max_attempts")) else "failed"
    if final:
        state = "rejected"
    with store.transaction() as conn:
        conn.execute(
            "UPDATE feed_items SET state = ?, reason = ?, message = ?, attempts = ?, updated_at = ? "
            "WHERE id = ?",
            (state, reason, message, attempts, now_iso(), item.id),
        )
    return state


def item_fetched(store: Store, item: ItemRow, spool: str, offset: int, committed: int) -> None:
    """The item's page is in ``spool`` at ``offset``; the spool is complete up to ``committed`` bytes."""
    now = now_iso()
    with store.transaction() as conn:
        conn.execute(
            "UPDATE feed_items SET state = 'fetched', attempts = attempts + 1, spool_file = ?, "
            "spool_offset = ?, reason = NULL, message = NULL, updated_at = ? WHERE id = ?",
            (spool, offset, now, item.id),
        )
        conn.execute(
            "INSERT INTO spool_files (path, created_at, committed) VALUES (?, ?, ?) "
            "ON CONFLICT (path) DO UPDATE SET committed = excluded.committed",
            (spool, now, committed),
        )


def list_items(
    store: Store, feed: str | None = None, state: str | None = None, limit: int = 50
) -> list[dict]:
    where, params = [], []
    if feed:
        where.append("i.feed_id = ?")
        params.append(get_feed(store, feed).id)
    if state:
        where.append("i.state = ?")
        params.append(state)
    sql = (
        "SELECT i.id, f.url, i.url, i.title, i.published, i.state, i.reason, i.message, i.attempts, "
        "i.doc_id, i.first_seen FROM feed_items i JOIN feeds f ON f.id = i.feed_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY i.id DESC LIMIT ?"
    )
    keys = (
        "id",
        "feed",
        "url",
        "title",
        "published",
        "state",
        "reason",
        "message",
        "attempts",
        "doc_id",
        "first_seen",
    )
    return [dict(zip(keys, r, strict=True)) for r in store.conn.execute(sql, [*params, limit])]
