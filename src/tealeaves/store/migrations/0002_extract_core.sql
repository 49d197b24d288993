-- Extraction bookkeeping and the first fact table. Every fact table has (doc, start, end, stage,
-- version): doc is docs.rowid, [start, end) a span over the canonical text (title, blank line, body).

CREATE TABLE extract_state (
    doc     INTEGER NOT NULL,    -- docs.rowid
    stage   TEXT NOT NULL,
    version TEXT NOT NULL,       -- effective version (own version + upstream versions)
    PRIMARY KEY (doc, stage)
) WITHOUT ROWID;
CREATE INDEX extract_state_stage ON extract_state(stage, version);

CREATE TABLE sentences (
    doc     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    stage   TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (doc, start)
) WITHOUT ROWID;
