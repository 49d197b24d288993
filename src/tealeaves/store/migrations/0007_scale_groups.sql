-- Near-duplicate groups and story clusters (analyze/stories.py). Documents are grouped, never deleted:
-- every grouped document keeps its row in docs; doc_groups says which reprint group and which story it
-- belongs to. A group or story is named by the rowid of its earliest document. A document without a row
-- here has not been grouped yet and counts as its own group and story.

CREATE TABLE doc_groups (
    doc         INTEGER PRIMARY KEY,   -- docs.rowid
    dup         INTEGER NOT NULL,      -- near-duplicate group: rowid of its earliest document
    story       INTEGER NOT NULL,      -- story cluster: rowid of its earliest document
    dup_score   REAL,                  -- similarity that joined the group (NULL for the first document)
    dup_reason  TEXT,                  -- shingles | prefix | headline (why it is a copy)
    story_score REAL                   -- similarity to the story when it joined (NULL for the first)
);
CREATE INDEX doc_groups_dup ON doc_groups(dup);
CREATE INDEX doc_groups_story ON doc_groups(story);

-- One row per grouping run over a date range, with its parameters (reproducibility).
CREATE TABLE group_runs (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    date_from TEXT,
    date_to  TEXT,
    params   TEXT NOT NULL,            -- JSON
    docs     INTEGER NOT NULL,
    dup_groups INTEGER NOT NULL,
    stories  INTEGER NOT NULL,
    seconds  REAL NOT NULL
);
