-- Watchlists and the alerts they raised (issue 6). An alert is raised once per (watchlist, document):
-- each watchlist remembers the highest docs.seq it has examined.

CREATE TABLE watchlists (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,        -- query | term | entity
    query      TEXT NOT NULL,        -- a search query, a term (exact phrase) or an entity id or name
    created_at TEXT NOT NULL,
    last_seq   INTEGER NOT NULL      -- documents with seq above this have not been examined yet
);

CREATE TABLE alerts (
    id              INTEGER PRIMARY KEY,
    watchlist_id    INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
    doc_id          TEXT NOT NULL,
    doc_seq         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    payload         TEXT NOT NULL,   -- the alert as delivered (JSON)
    webhook_state   TEXT,            -- NULL (no webhook) | pending | sent | failed
    webhook_tries   INTEGER NOT NULL DEFAULT 0,
    webhook_error   TEXT,
    UNIQUE (watchlist_id, doc_id)
);
CREATE INDEX alerts_created ON alerts(created_at);
CREATE INDEX alerts_webhook ON alerts(webhook_state);
