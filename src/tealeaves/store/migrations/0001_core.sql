-- Core tables: documents, their full-text indexes, duplicates, quarantine, per-day counts.
-- docs.rowid is date-ordered: (proleptic Gregorian day ordinal of `published` << 22) | n, so a date
-- range is a rowid range and a period can be computed from a full-text hit without reading the row.

CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE docs (
    rowid       INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,          -- content hash (model.content_id)
    ext_id      TEXT,                          -- the id the input gave, if any
    source_id   INTEGER NOT NULL REFERENCES sources(id),
    published   TEXT NOT NULL,                 -- YYYY-MM-DD | YYYY-MM | YYYY
    precision   TEXT NOT NULL DEFAULT 'day',   -- day | month | year
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    url         TEXT,
    lang        TEXT,
    origin_file TEXT,
    origin_line INTEGER,
    seq         INTEGER NOT NULL,              -- ingest order; derived indexes and alerts catch up by it
    cjk         INTEGER NOT NULL DEFAULT 0,    -- 1: written mostly in Hangul/kana/Han, indexed in fts_cjk
    ingested_at TEXT NOT NULL
);
CREATE INDEX docs_ext_id ON docs(ext_id);
CREATE INDEX docs_url ON docs(url);
CREATE INDEX docs_seq ON docs(seq);
CREATE INDEX docs_origin ON docs(origin_file, origin_line);
CREATE INDEX docs_cjk ON docs(rowid) WHERE cjk = 1;

-- What the full-text indexes see: title, body, and a hidden `meta` column of filter tokens
-- (xs<source id>, xl<lang>) so source and language filters are index intersections.
CREATE VIEW fts_content AS
    SELECT rowid AS rid, title, body, cjk,
           'xs' || source_id || ' xl' || coalesce(lower(replace(lang, '-', '')), 'none') AS meta
    FROM docs;
CREATE VIEW fts_content_main AS SELECT rid, title, body, meta FROM fts_content WHERE cjk = 0;
CREATE VIEW fts_content_cjk AS SELECT rid, title, body, meta FROM fts_content WHERE cjk = 1;

CREATE VIRTUAL TABLE fts USING fts5(
    title, body, meta,
    content = 'fts_content_main', content_rowid = 'rid',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Documents written mostly in Hangul, kana or Han characters go here instead: no spaces to split on.
CREATE VIRTUAL TABLE fts_cjk USING fts5(
    title, body, meta,
    content = 'fts_content_cjk', content_rowid = 'rid',
    tokenize = 'trigram'
);

CREATE TABLE day_counts (
    day       INTEGER NOT NULL,   -- day ordinal
    source_id INTEGER NOT NULL,
    lang      TEXT NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (day, source_id, lang)
) WITHOUT ROWID;

-- A record whose text is already stored: kept as a pointer to the stored copy.
CREATE TABLE duplicates (
    id          INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL,
    ext_id      TEXT,
    url         TEXT,
    origin_file TEXT,
    origin_line INTEGER,
    seen_at     TEXT NOT NULL,
    UNIQUE (doc_id, origin_file, origin_line)
);
CREATE INDEX duplicates_ext_id ON duplicates(ext_id);
CREATE INDEX duplicates_origin ON duplicates(origin_file, origin_line);

-- A record that could not become a document: kept with its reason.
CREATE TABLE quarantine (
    id          INTEGER PRIMARY KEY,
    origin_file TEXT NOT NULL,
    origin_line INTEGER NOT NULL,
    byte_offset INTEGER,
    reason      TEXT NOT NULL,     -- machine code
    message     TEXT NOT NULL,     -- one line for a human
    ext_id      TEXT,
    raw         BLOB,              -- the record as read (or its head when over quarantine_max_bytes)
    raw_size    INTEGER NOT NULL,  -- full size of the record in bytes
    raw_sha     TEXT NOT NULL,
    at          TEXT NOT NULL,
    UNIQUE (origin_file, origin_line, raw_sha)
);
CREATE INDEX quarantine_ext_id ON quarantine(ext_id);

CREATE TABLE ingest_runs (
    id        INTEGER PRIMARY KEY,
    started   TEXT NOT NULL,
    finished  TEXT,
    paths     TEXT NOT NULL,
    read      INTEGER NOT NULL DEFAULT 0,
    stored    INTEGER NOT NULL DEFAULT 0,
    duplicate INTEGER NOT NULL DEFAULT 0,
    rejected  INTEGER NOT NULL DEFAULT 0,
    status    TEXT NOT NULL DEFAULT 'running'   -- running | done | (a run left 'running' was killed)
);
