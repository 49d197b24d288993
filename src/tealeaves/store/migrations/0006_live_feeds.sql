-- Feeds polled by `tealeaves watch` (issue 6), the items they listed, and the spool of fetched pages.

CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    source        TEXT,              -- source name for its documents (NULL: the page's site)
    added_at      TEXT NOT NULL,
    etag          TEXT,              -- validators for the next conditional GET
    last_modified TEXT,
    last_attempt  TEXT,
    last_success  TEXT,
    last_error    TEXT,              -- "<reason>: <message>" of the latest failure (kept after a success)
    last_error_at TEXT,
    last_warning  TEXT,              -- a recoverable problem of the latest poll (malformed but readable)
    failures      INTEGER NOT NULL DEFAULT 0,   -- consecutive failures (back-off exponent)
    next_attempt  TEXT,              -- NULL: due now
    items_seen    INTEGER NOT NULL DEFAULT 0
);

-- One row per item a feed listed. state: pending (to fetch) | fetched (in a spool file, not yet ingested)
-- | stored | duplicate_item (listed by another feed too, fetched once) | rejected (ingest refused the page)
-- | failed (fetch failed; retried) | gave_up (failed item_max_attempts times)
CREATE TABLE feed_items (
    id           INTEGER PRIMARY KEY,
    feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid         TEXT NOT NULL,
    url          TEXT NOT NULL,
    title        TEXT,
    published    TEXT,               -- the feed's date for the item (YYYY-MM-DD)
    first_seen   TEXT NOT NULL,
    state        TEXT NOT NULL,
    reason       TEXT,               -- reason code of a failure, rejection or duplicate
    message      TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    spool_file   TEXT,
    spool_offset INTEGER,
    doc_id       TEXT,
    updated_at   TEXT NOT NULL,
    UNIQUE (feed_id, guid)
);
CREATE INDEX feed_items_state ON feed_items(state);
CREATE INDEX feed_items_url ON feed_items(url);
CREATE INDEX feed_items_spool ON feed_items(spool_file, spool_offset);

-- WARC files written by watch: committed = bytes known complete (a record past it was half-written when
-- the process died and is cut off); ingested_at set once the file has been ingested.
CREATE TABLE spool_files (
    path        TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    committed   INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT
);
