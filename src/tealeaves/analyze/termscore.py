"""Scoring and ranking discovered terms; per-day counts and bursts of the ranked ones.

Every refresh recomputes this from the stored hits (a few seconds on the full corpora). The score
of a term is a product of interpretable factors, each kept in ``terms.features``:

- ``weight``: the pattern family's weight from the pack (``term_kinds.tsv``): how often that family
  names a campaign rather than something else;
- ``log2(1 + docs)``: how much the corpus uses it;
- ``specificity``: hits / occurrences of the rarest word of its name anywhere in the corpus — a
  coined name ("Kanggye spirit") takes a good share of its name's uses, a generic one ("Korean
  spirit", "Party spirit") a tiny share; it enters as ``1 / (1 + log10(1 / specificity))``;
- ``context``: share of hits with a campaign context word of the pack nearby ("display", "create",
  "upsurge", ...): ``0.25 + 0.75 * context``;
- ``forms``: distinct written forms once case, hyphens and possessives are folded ("Kanggye
  spirit", "spirit of Kanggye", "espiritu de Kanggye"): campaigns are rephrased, fixed names are
  not; ``1 + 0.25 * min(forms - 1, 3)``;
- ``quoted``: share of hits in quotation marks, a coinage being introduced; ``1 + 0.5 * quoted``
  (not for the quoted family itself);
- ``so_called``: share of hits after "so-called": the text distances itself; ``1 - so_called``;
- ``generic``: a quoted phrase made only of words the corpus writes in lower case ("threat",
  "dialogue") is a scare quote more often than a name: x 0.3;
- ``institution``: a name that is an organisation or a country of the domain packs ("spirit of the
  KPA", "spirit of the DPRK") praises an institution: x 0.4; a written form that *is* an
  organisation's name ("Non-Aligned Movement") names the organisation: x 0.3.

Terms used in at least ``MIN_DOCS`` documents are ranked by score.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict

from tealeaves.analyze import bursts as burst_model
from tealeaves.extract.romanise import hangul_skeleton, skeleton
from tealeaves.extract.termpacks import load_pack
from tealeaves.extract.terms import fold
from tealeaves.store import Store
from tealeaves.store.db import DAY_SHIFT

MIN_DOCS = 2
INSTITUTION_CORE = 0.4  # "spirit of the KPA": praise of an institution or country
INSTITUTION_NAME = 0.3  # "Non-Aligned Movement": the name of an organisation
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
BURST_MIN_DOCS = 3


def rescore(store: Store) -> tuple[int, int, int]:
    """Recompute terms, ranks, per-day counts and bursts. Returns (terms, ranked, bursts)."""
    pack = load_pack()
    merge_scripts(store)
    rows = _aggregate(store)
    forms, phrases, variant_folds = _variants(store)
    totals = _word_totals(store, {k for k in rows})
    institutions, org_names = _institutions()
    scored = []
    for key, a in rows.items():
        f = _features(key, a, forms[key], totals, pack)
        _institution_factor(key, f, institutions, org_names, variant_folds.get(key, set()))
        scored.append((key, a, f))
    ranked = sorted(
        (x for x in scored if x[1]["docs"] >= MIN_DOCS and x[2]["score"] > 0), key=lambda x: -x[2]["score"]
    )
    rank_of = {key: i + 1 for i, (key, _, _) in enumerate(ranked)}
    with store.transaction() as conn:
        conn.execute("UPDATE terms SET rank = NULL")
        conn.executemany(
            "INSERT INTO terms (key, kind, phrase, first_day, last_day, first_doc, hits, docs, sources, "
            "nvariants, score, rank, features) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, phrase = excluded.phrase, "
            "first_day = excluded.first_day, last_day = excluded.last_day, first_doc = excluded.first_doc, "
            "hits = excluded.hits, docs = excluded.docs, sources = excluded.sources, "
            "nvariants = excluded.nvariants, score = excluded.score, rank = excluded.rank, "
            "features = excluded.features",
            [
                (
                    key,
                    a["kind"],
                    phrases[key],
                    a["first"] >> DAY_SHIFT,
                    a["last"] >> DAY_SHIFT,
                    a["first"],
                    a["hits"],
                    a["docs"],
                    a["sources"],
                    a["nvariants"],
                    round(f["score"], 6),
                    rank_of.get(key),
                    json.dumps(f, sort_keys=True),
                )
                for key, a, f in scored
            ],
        )
        conn.execute("DELETE FROM terms WHERE key NOT IN (SELECT DISTINCT key FROM term_variants)")
        _fill_days(conn)
    nbursts = _fill_bursts(store)
    from tealeaves.analyze.precedents import build_profiles

    build_profiles(store)
    return len(scored), len(ranked), nbursts


def merge_scripts(store: Store) -> int:
    """Korean variants join the Latin-script term of the same family whose name reads the same
    (강계정신 -> spirit:kanggye), by romanised skeletons (extract/romanise.py)."""
    keys = [k for (k,) in store.conn.execute("SELECT DISTINCT key FROM term_variants")]
    latin: dict[tuple[str, str], str] = {}
    for k in keys:
        kind, core = k.split(":", 1)
        if not _HANGUL.search(core):
            latin.setdefault((kind, skeleton(core)), k)
    moves = []
    for k in keys:
        kind, core = k.split(":", 1)
        if _HANGUL.search(core):
            target = latin.get((kind, hangul_skeleton(core)))
            if target:
                moves.append((target, k))
    if moves:
        with store.transaction() as conn:
            conn.executemany("UPDATE term_variants SET key = ? WHERE key = ?", moves)
    return len(moves)


def _aggregate(store: Store) -> dict[str, dict]:
    rows = store.conn.execute(
        "SELECT v.key, min(v.kind), count(*), count(DISTINCT h.doc), min(h.doc), max(h.doc), "
        "sum((h.flags & 8) > 0), sum((h.flags & 16) > 0), count(DISTINCT d.source_id), "
        "sum((h.flags & 32) > 0), "
        "count(DISTINCT v.id) "
        "FROM term_hits h JOIN term_variants v ON v.id = h.variant JOIN docs d ON d.rowid = h.doc "
        "GROUP BY v.key"
    )
    out = {}
    for key, kind, hits, docs, first, last, quoted, so_called, sources, context, nvar in rows:
        out[key] = {
            "kind": kind,
            "hits": hits,
            "docs": docs,
            "first": first,
            "last": last,
            "quoted": quoted / hits,
            "so_called": so_called / hits,
            "context": context / hits,
            "sources": sources,
            "nvariants": nvar,
        }
    return out


def _variants(store: Store) -> tuple[dict[str, int], dict[str, str]]:
    """Distinct folded forms per key, and the usual written form of each term."""
    forms: dict[str, set[str]] = defaultdict(set)
    usage: dict[str, Counter] = defaultdict(Counter)
    for key, text, lang, n, running in store.conn.execute(
        "SELECT v.key, v.text, v.lang, count(*), sum((h.flags & 3) = 2) FROM term_variants v "
        "JOIN term_hits h ON h.variant = v.id GROUP BY v.id"
    ):
        forms[key].add(fold(text))
        # prefer forms from running text (case means something there) and English
        usage[key][" ".join(text.split())] += (n + 2 * running) * {"en": 10, "es": 3}.get(lang, 1)
    phrases = {key: c.most_common(1)[0][0] for key, c in usage.items()}
    return {k: len(v) for k, v in forms.items()}, phrases, forms


def _word_totals(store: Store, keys: set[str]) -> dict[str, tuple[int, int, int]]:
    words = {w for k in keys for w in k.split(":", 1)[1].split()}
    out: dict[str, tuple[int, int, int]] = {}
    korean = {w for w in words if _HANGUL.search(w)}
    if korean:  # Korean writes compounds and particles together: count every word containing the name
        lex = [
            (w, t) for w, t in store.conn.execute("SELECT word, total FROM term_lexicon") if _HANGUL.search(w)
        ]
        for k in korean:
            total = sum(t for w, t in lex if k in w)
            out[k] = (total, 0, 0)
        words -= korean
    wl = list(words)
    for i in range(0, len(wl), 500):
        part = wl[i : i + 500]
        for w, total, cap, low in store.conn.execute(
            f"SELECT word, total, cap, low FROM term_lexicon WHERE word IN ({','.join('?' * len(part))})",
            part,
        ):
            out[w] = (total, cap, low)
    return out


def _features(key: str, a: dict, forms: int, totals: dict, pack) -> dict:
    kind = a["kind"]
    words = key.split(":", 1)[1].split()
    known = [totals[w][0] for w in words if w in totals and totals[w][0]]
    specificity = min(1.0, a["hits"] / max(a["hits"], min(known))) if known else 0.1
    weight = pack.kind_weights.get(kind, 0.5)
    generic = 1.0
    if kind == "quoted":
        lower = [w for w in words if w in totals and totals[w][2] > totals[w][1]]
        if words and len(lower) == len(words):
            generic = 0.3
    quoted = a["quoted"] if kind != "quoted" else 0.0
    score = (
        weight
        * math.log2(1 + a["docs"])
        * (1 / (1 + math.log10(1 / specificity)))
        * (0.25 + 0.75 * a["context"])
        * (1 + 0.25 * min(forms - 1, 3))
        * (1 + 0.5 * quoted)
        * (1 - a["so_called"])
        * generic
    )
    return {
        "weight": weight,
        "docs": a["docs"],
        "specificity": round(specificity, 4),
        "forms": forms,
        "quoted": round(quoted, 3),
        "so_called": round(a["so_called"], 3),
        "context": round(a["context"], 3),
        "generic": generic,
        "score": score,
    }


def _institutions() -> tuple[set[str], set[str]]:
    """Folded names of the packs' organisations and countries, and of organisations alone.

    "spirit of the KPA", "spirit of the DPRK" praise an institution or a country; a campaign is
    named after a place, a site or an idea. And a term whose written form *is* an organisation's
    name ("Non-Aligned Movement") names the organisation."""
    from tealeaves.packs import load_packs, pack_dirs

    inst, orgs = set(), set()
    try:
        packs = load_packs(pack_dirs())
    except Exception:  # a broken user pack is reported by `tealeaves extract`; rank without it
        return inst, orgs
    for pk in packs:
        for e in pk.entities:
            if e.type == "ORG" or (e.type == "PLACE" and e.subtype == "country"):
                names = {fold(n) for n in (e.name, *e.aliases)}
                inst |= names
                if e.type == "ORG":
                    orgs |= names
    return inst, orgs


def _institution_factor(key: str, f: dict, inst: set[str], orgs: set[str], folds: set[str]) -> None:
    core = key.split(":", 1)[1]
    factor = 1.0
    if folds & orgs:
        factor = INSTITUTION_NAME
    elif core in inst:
        factor = INSTITUTION_CORE
    f["institution"] = factor
    f["score"] *= factor


def _fill_days(conn) -> None:
    conn.execute("DELETE FROM term_days")
    conn.execute(
        "INSERT INTO term_days (term, day, n) "
        f"SELECT t.id, h.doc >> {DAY_SHIFT}, count(DISTINCT h.doc) FROM terms t "
        "JOIN term_variants v ON v.key = t.key JOIN term_hits h ON h.variant = v.id "
        "WHERE t.rank IS NOT NULL GROUP BY t.id, h.doc >> " + str(DAY_SHIFT)
    )


def stream_totals(store: Store) -> dict[int, dict[int, int]]:
    """{stream: {day: documents}} (stream 0: headline only, 1: with body text)."""
    out: dict[int, dict[int, int]] = defaultdict(dict)
    for day, stream, n in store.conn.execute("SELECT day, stream, n FROM term_streams"):
        out[stream][day] = n
    return out


def _fill_bursts(store: Store) -> int:
    totals = stream_totals(store)
    series: dict[int, dict[int, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for term, day, stream, n in store.conn.execute(
        f"SELECT t.id, h.doc >> {DAY_SHIFT}, d.body != '', count(DISTINCT h.doc) FROM terms t "
        "JOIN term_variants v ON v.key = t.key JOIN term_hits h ON h.variant = v.id "
        "JOIN docs d ON d.rowid = h.doc WHERE t.rank IS NOT NULL AND t.docs >= ? "
        f"GROUP BY t.id, h.doc >> {DAY_SHIFT}, d.body != ''",
        (BURST_MIN_DOCS,),
    ):
        series[term][stream][day] = n
    out = []
    for term, by_stream in series.items():
        found = []
        for stream, counts in by_stream.items():
            found += burst_model.detect(counts, totals.get(stream, {}))
        for b in burst_model.merge(found):
            out.append(
                (term, b.start, b.end, b.level, b.weight, b.docs, int(b.recurring), json.dumps(b.years))
            )
    with store.transaction() as conn:
        conn.execute("DELETE FROM term_bursts")
        conn.executemany(
            "INSERT INTO term_bursts (term, start_day, end_day, level, weight, docs, recurring, years) "
            "VALUES (?,?,?,?,?,?,?,?)",
            out,
        )
    return len(out)
