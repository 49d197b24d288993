-- Extraction facts (issue 3): mentions, quotes, definitions, events, and the entities of the domain
-- packs they resolve to. Fact tables share (doc, start, end, stage, version): doc is docs.rowid and
-- [start, end) a span over the canonical text (title, blank line, body). Entity references are
-- entities.id (NULL when a name was found but no pack knows it). Lists are JSON arrays.

CREATE TABLE entities (
    id       TEXT PRIMARY KEY,   -- pack-unique slug, e.g. kim-jong-un, pyongyang, wpk
    name     TEXT NOT NULL,      -- canonical name
    type     TEXT NOT NULL,      -- PERSON | ORG | PLACE
    subtype  TEXT,               -- province, city, county, district, site, country; party, state, media, ...
    aliases  TEXT NOT NULL DEFAULT '[]',  -- JSON array of other names and romanisations
    province TEXT,               -- entities.id of the province a place lies in
    lat      REAL,               -- only where a licensed source gives them (see the pack README)
    lon      REAL,
    pack     TEXT NOT NULL,      -- the pack that defines it (dprk, general, or a user pack)
    info     TEXT                -- free text from the pack
);
CREATE INDEX entities_type ON entities(type, name);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE mentions (
    doc     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL,
    label   TEXT NOT NULL,       -- PERSON | ORG | PLACE
    entity  TEXT,                -- entities.id, NULL = unresolved
    method  TEXT NOT NULL,       -- name | alias | title | pattern
    stage   TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (doc, start)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity, doc);
CREATE INDEX mentions_label ON mentions(label, entity);

CREATE TABLE quotes (
    doc            INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           TEXT NOT NULL,
    direct         INTEGER NOT NULL,   -- 1 quotation marks, 0 reported speech
    speaker_text   TEXT,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    speaker_entity TEXT,               -- entities.id
    speaker_kind   TEXT NOT NULL,      -- named | self | anonymous | unknown
    cue            TEXT,
    stage          TEXT NOT NULL,
    version        TEXT NOT NULL,
    PRIMARY KEY (doc, start)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker_entity, doc);

CREATE TABLE definitions (
    doc        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    term       TEXT NOT NULL,
    term_start INTEGER NOT NULL,
    term_end   INTEGER NOT NULL,
    pattern    TEXT NOT NULL,
    gloss_start INTEGER,
    gloss_end   INTEGER,
    stage      TEXT NOT NULL,
    version    TEXT NOT NULL,
    PRIMARY KEY (doc, term_start)
) WITHOUT ROWID;
CREATE INDEX definitions_term ON definitions(term COLLATE NOCASE);

CREATE TABLE events (
    doc          INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    type         TEXT NOT NULL,      -- appearance | meeting
    subtype      TEXT NOT NULL,      -- appearance: inspection|visit|performance|meeting|other; meeting: held|to be convened
    actor        TEXT,               -- entities.id (the leader; the convener of a meeting)
    actor_text   TEXT,
    site         TEXT,               -- what was inspected / visited / attended
    place        TEXT,               -- entities.id of the gazetteer place
    place_text   TEXT,
    date         TEXT,               -- ISO date of the event
    date_basis   TEXT NOT NULL,      -- stated | weekday | published
    participants TEXT NOT NULL DEFAULT '[]',  -- JSON [{"text", "entity"}]
    name         TEXT,               -- meetings: what meets
    key          TEXT,               -- same real-world event => same key (docs/appearances.md)
    stage        TEXT NOT NULL,
    version      TEXT NOT NULL
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_actor ON events(actor, date);
