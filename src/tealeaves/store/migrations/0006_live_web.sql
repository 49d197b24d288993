-- Web provenance (issue 6): where each document read from a web page or a WARC archive came from.
-- One row per stored document *and* per duplicate copy of it (the same text archived twice).

CREATE TABLE web_origins (
    doc_id        TEXT NOT NULL,       -- docs.id of the stored text
    origin_file   TEXT NOT NULL,       -- the HTML or WARC file read
    origin_line   INTEGER NOT NULL,    -- record number in that file (1 for an HTML file)
    kind          TEXT NOT NULL,       -- html | warc
    warc_offset   INTEGER,             -- byte offset of the WARC record in origin_file
    record_id     TEXT,                -- WARC-Record-ID
    target_uri    TEXT,                -- WARC-Target-URI: the URL fetched
    canonical_url TEXT,                -- the page's own canonical URL (link rel=canonical, og:url)
    fetched_at    TEXT,                -- WARC-Date: when it was fetched
    feed          TEXT,                -- the feed that listed it (pages fetched by `tealeaves watch`)
    encoding      TEXT,                -- character encoding the page was decoded with
    extractor     TEXT,                -- main-text extractor and version
    PRIMARY KEY (doc_id, origin_file, origin_line)
) WITHOUT ROWID;
CREATE INDEX web_origins_uri ON web_origins(target_uri);
CREATE INDEX web_origins_origin ON web_origins(origin_file, origin_line);
