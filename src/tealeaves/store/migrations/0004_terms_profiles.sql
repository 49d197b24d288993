-- What each ranked term is used with: rarity-weighted words around its uses and the entities of its
-- documents (JSON {item: weight}); `tealeaves precedents` compares these (analyze/precedents.py).
CREATE TABLE term_profiles (
    term     INTEGER PRIMARY KEY,
    words    TEXT NOT NULL,
    entities TEXT NOT NULL
);
