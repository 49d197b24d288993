-- Campaign terms: a derived index over the documents, caught up by docs.seq (analyze/termindex.py).
-- term_hits are spans [start, end) over the canonical text; a variant is one surface form; variants
-- sharing a key (kind + normalised core) are one term. terms/term_days/term_bursts are recomputed
-- from the hits on every refresh (cheap); the hits themselves are only computed for new documents.

CREATE TABLE term_state (
    name  TEXT PRIMARY KEY,     -- last_seq, pack_digest, refreshed_at, ...
    value TEXT
) WITHOUT ROWID;

-- how often a word is capitalised vs lower-case mid-sentence in running text, and in total
CREATE TABLE term_lexicon (
    word  TEXT PRIMARY KEY,     -- case-folded, possessive stripped
    cap   INTEGER NOT NULL,
    low   INTEGER NOT NULL,
    total INTEGER NOT NULL
) WITHOUT ROWID;

-- capitalised multi-word names seen in running text (folded): lets a Title Case headline's
-- "Three-Revolution Red Flag Movement" be read as one name
CREATE TABLE term_names (
    phrase TEXT PRIMARY KEY,
    n      INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE term_variants (
    id    INTEGER PRIMARY KEY,
    kind  TEXT NOT NULL,        -- pattern family (spirit, speed, march, campaign, ...) or quoted
    key   TEXT NOT NULL,        -- kind:normalised core; the term this variant belongs to
    text  TEXT NOT NULL,        -- surface form as written
    lang  TEXT NOT NULL,
    UNIQUE (kind, text, lang)
);
CREATE INDEX term_variants_key ON term_variants(key);

CREATE TABLE term_hits (
    doc     INTEGER NOT NULL,   -- docs.rowid (its day is doc >> 22)
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    variant INTEGER NOT NULL REFERENCES term_variants(id),
    flags   INTEGER NOT NULL,   -- 1 headline, 2 running text, 4 capitalised, 8 quoted
    PRIMARY KEY (doc, start, variant)
) WITHOUT ROWID;
CREATE INDEX term_hits_variant ON term_hits(variant, doc);

CREATE TABLE terms (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL,
    phrase    TEXT NOT NULL,    -- the usual written form
    first_day INTEGER NOT NULL, -- day ordinal of the earliest hit
    last_day  INTEGER NOT NULL,
    first_doc INTEGER NOT NULL, -- docs.rowid of the earliest hit
    hits      INTEGER NOT NULL,
    docs      INTEGER NOT NULL,
    sources   INTEGER NOT NULL,
    nvariants INTEGER NOT NULL,
    score     REAL NOT NULL,    -- discovery score (see analyze/termindex.py)
    rank      INTEGER,          -- 1 = best; NULL below the discovery threshold
    features  TEXT NOT NULL     -- JSON: the numbers behind the score
);
CREATE INDEX terms_rank ON terms(rank);
CREATE INDEX terms_first ON terms(first_day);

-- documents per day using each ranked term: timelines, bursts and the brief read this
CREATE TABLE term_days (
    term INTEGER NOT NULL,
    day  INTEGER NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (term, day)
) WITHOUT ROWID;
CREATE INDEX term_days_day ON term_days(day);

-- documents per day and stream (0 = headline only, 1 = with body text): the burst model's
-- denominators, so that a term found in full texts is compared with full texts only
CREATE TABLE term_streams (
    day    INTEGER NOT NULL,
    stream INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (day, stream)
) WITHOUT ROWID;

CREATE TABLE term_bursts (
    id        INTEGER PRIMARY KEY,
    term      INTEGER NOT NULL,
    start_day INTEGER NOT NULL,
    end_day   INTEGER NOT NULL,
    level     INTEGER NOT NULL,  -- Kleinberg state (1 = first burst level)
    weight    REAL NOT NULL,     -- cost saved by the burst state (Kleinberg's weight)
    docs      INTEGER NOT NULL,  -- documents using the term inside the burst
    recurring INTEGER NOT NULL,  -- 1: the same calendar window burst in earlier years too
    years     TEXT NOT NULL      -- JSON: earlier years with a burst in the same calendar window
);
CREATE INDEX term_bursts_days ON term_bursts(start_day, end_day);
CREATE INDEX term_bursts_term ON term_bursts(term);
