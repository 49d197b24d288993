"""Scoring and ranking discovered terms; per-day counts and bursts of the ranked ones.

Every refresh recomputes this from the stored hits (a few seconds on the full corpora). The score
of a term is a product of interpretable factors, each kept in ``terms.features``:

- ``weight``: the pattern family's weight from the pack (``term_kinds.tsv``): how often that family
  names a campaign rather than something else; a line ``kind@lang`` weighs the terms written only
  in that language (Korean "X방법" is any "way of doing X", English "X method" needs a capitalised
  name);
- ``log2(1 + docs)``: how much the corpus uses it;
- ``specificity``: hits / occurrences of the rarest word of its name anywhere in the corpus (a
  hyphenated word counted whole, as the lexicon counts it: "Taekwon-Do", "people-first") — a
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
- ``institution``: a name that is an organisation or a country of the domain packs ("spirit of the
  KPA", "spirit of the DPRK"), or ends in the name of the pack's own country ("spirit of Songun
  Korea"), praises an institution: x 0.4; a written form that *is* an organisation's name
  ("Non-Aligned Movement") names the organisation: x 0.3.
- ``generic``: a name made only of the pack's ``generic`` words (the nation, its people and groups, the
  party, the army, common abstractions: "spirit of the Korean people", "Party spirit", 혁명정신)
  is praise or a common phrase: x 0.3 (a quoted phrase of words the corpus writes in lower case,
  "threat", is a scare quote: x 0.3 too);
- ``event``: a name that ends in an ``event`` word ("spirit of the Party plenum", "Cold War era") or
  holds a date ("spirit of April 19", "June 15 era") recalls an event or a document: x 0.35;
- ``foreign``: share of hits with a foreign country (the packs' countries less ``home`` ones) in the
  headline or within 30 words: foreign news ("Pan-African Movement", "Yenan spirit"):
  ``1 - 0.8 * foreign``;
- ``commemoration``: share of hits next to "anniversary", "commemorate", "주년" ...: a past event
  remembered ("Pochonbo battle"), not a call: ``1 - 0.6 * commemoration``;
- ``cut``: share of hits whose name ends the hit while the text goes on with more of it
  ("spirit of the Kwangju| Popular Uprising", "spirit of the Korean| people"): a fragment of a
  longer name, ``1 - 0.7 * cut``;
- ``common``: a one-word name that the corpus writes in lower case ("demonstration march", "street
  march") must take a good share of that word's uses to count, as "forced" and "arduous" do:
  ``min(1, specificity / 0.1) ** 0.5``.

Terms used in at least ``MIN_DOCS`` documents are ranked by score.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter, defaultdict

from tealeaves.analyze import bursts as burst_model
from tealeaves.extract.romanise import hangul_skeleton, skeleton
from tealeaves.extract.termpacks import load_pack
from tealeaves.extract.terms import fold, strip_possessive
from tealeaves.store import Store
from tealeaves.store.db import DAY_SHIFT

MIN_DOCS = 2
INSTITUTION_CORE = 0.4  # "spirit of the KPA": praise of an institution or country
INSTITUTION_NAME = 0.3  # "Non-Aligned Movement": the name of an organisation
GENERIC = 0.3  # a name made only of generic words: "spirit of the Korean people"
EVENT = 0.35  # a name that is an event or a date: "spirit of the Party plenum", "June 15 era"
FOREIGN = 0.8  # weight of the share of hits next to a foreign country
COMMEMORATION = 0.6  # weight of the share of hits next to "anniversary" and the like
CUT = 0.7  # weight of the share of hits whose name goes on past the hit (a fragment)
COMMON_SHARE = 0.1  # a lower-case one-word name needs this share of its word's uses to count fully
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HYPHENATED = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)+")
BURST_MIN_DOCS = 3


def rescore(store: Store) -> tuple[int, int, int]:
    """Recompute terms, ranks, per-day counts and bursts. Returns (terms, ranked, bursts)."""
    pack = load_pack()
    merge_scripts(store)
    rows = _aggregate(store)
    forms, phrases, variant_folds, langs = _variants(store)
    compounds = _compounds(store)
    totals = _word_totals(store, {k for k in rows}, {w for ws in compounds.values() for w in ws})
    institutions, org_names = _institutions()
    scored = []
    for key, a in rows.items():
        f = _features(key, a, forms[key], totals, pack, langs.get(key, set()), compounds.get(key, set()))
        _institution_factor(key, f, institutions, org_names, variant_folds.get(key, set()), pack.home)
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
        "count(DISTINCT v.id), sum((h.flags & 64) > 0), sum((h.flags & 128) > 0), sum((h.flags & 256) > 0) "
        "FROM term_hits h JOIN term_variants v ON v.id = h.variant JOIN docs d ON d.rowid = h.doc "
        "GROUP BY v.key"
    )
    out = {}
    for row in rows:
        key, kind, hits, docs, first, last, quoted, so_called, sources, context, nvar = row[:11]
        comm, foreign, cut = row[11:]
        out[key] = {
            "kind": kind,
            "hits": hits,
            "docs": docs,
            "first": first,
            "last": last,
            "quoted": quoted / hits,
            "so_called": so_called / hits,
            "context": context / hits,
            "commemoration": comm / hits,
            "foreign": foreign / hits,
            "cut": cut / hits,
            "sources": sources,
            "nvariants": nvar,
        }
    return out


def _variants(store: Store) -> tuple[dict[str, int], dict[str, str], dict[str, set], dict[str, set]]:
    """Distinct folded forms per key, the usual written form, the folded forms and the languages."""
    forms: dict[str, set[str]] = defaultdict(set)
    langs: dict[str, set[str]] = defaultdict(set)
    usage: dict[str, Counter] = defaultdict(Counter)
    for key, text, lang, n, running in store.conn.execute(
        "SELECT v.key, v.text, v.lang, count(*), sum((h.flags & 3) = 2) FROM term_variants v "
        "JOIN term_hits h ON h.variant = v.id GROUP BY v.id"
    ):
        forms[key].add(fold(text))
        langs[key].add(lang)
        # prefer forms from running text (case means something there) and English
        usage[key][" ".join(text.split())] += (n + 2 * running) * {"en": 10, "es": 3}.get(lang, 1)
    phrases = {key: c.most_common(1)[0][0] for key, c in usage.items()}
    return {k: len(v) for k, v in forms.items()}, phrases, forms, langs


def _compounds(store: Store) -> dict[str, set[str]]:
    """Hyphenated words of each term's written forms whose parts are words of its name ("taekwon-do",
    "people-first"): the corpus lexicon counts them whole, so the name's share is taken of them."""
    out: dict[str, set[str]] = defaultdict(set)
    for key, text in store.conn.execute("SELECT DISTINCT key, text FROM term_variants WHERE text LIKE '%-%'"):
        core = set(key.split(":", 1)[1].split())
        for w in _HYPHENATED.findall(text):
            w = strip_possessive(w.casefold())
            if set(w.split("-")) <= core:
                out[key].add(w)
    return out


def _word_totals(
    store: Store, keys: set[str], extra: set[str] = frozenset()
) -> dict[str, tuple[int, int, int]]:
    words = {w for k in keys for w in k.split(":", 1)[1].split()} | set(extra)
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


def _features(
    key: str, a: dict, forms: int, totals: dict, pack, langs: set[str] = frozenset(), compounds=frozenset()
) -> dict:
    kind = a["kind"]
    words = key.split(":", 1)[1].split()
    covered = {part for c in compounds for part in c.split("-")}
    counted = [w for w in words if w not in covered] + sorted(compounds)
    known = [totals[w][0] for w in counted if w in totals and totals[w][0]]
    specificity = min(1.0, a["hits"] / max(a["hits"], min(known))) if known else 0.1
    weight = pack.kind_weights.get(kind, 0.5)
    if len(langs) == 1:  # a family may be worth less in one language ("method@ko": 방법 is any "way")
        weight = pack.kind_weights.get(f"{kind}@{next(iter(langs))}", weight)
    generic = 1.0
    if kind == "quoted":
        lower = [w for w in words if w in totals and totals[w][2] > totals[w][1]]
        if words and len(lower) == len(words):
            generic = GENERIC
    if generic_name(words, pack):
        generic = GENERIC
    event = EVENT if event_name(words, pack) else 1.0
    common = 1.0
    if len(words) == 1 and not _HANGUL.search(words[0]) and words[0] in totals:
        _, cap, low = totals[words[0]]
        if low > cap:
            common = min(1.0, specificity / COMMON_SHARE) ** 0.5
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
        * event
        * common
        * (1 - FOREIGN * a["foreign"])
        * (1 - COMMEMORATION * a["commemoration"])
        * (1 - CUT * a["cut"])
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
        "event": event,
        "common": round(common, 3),
        "foreign": round(a["foreign"], 3),
        "commemoration": round(a["commemoration"], 3),
        "cut": round(a["cut"], 3),
        "score": score,
    }


def generic_name(words: list[str], pack) -> bool:
    """Is the name made only of generic words (and modifiers)? Korean compounds are split into them."""
    if not words:
        return False
    hangul = tuple(w for w in pack.generic if _HANGUL.search(w))
    for w in words:
        if w in pack.generic or w in pack.modifiers or w in pack.stop:
            continue
        if _HANGUL.search(w) and _segments(w, hangul):
            continue
        return False
    return True


def _segments(word: str, parts: tuple[str, ...]) -> bool:
    """Can ``word`` be cut into pieces that are all in ``parts``?"""
    ok = [True] + [False] * len(word)
    for i in range(1, len(word) + 1):
        ok[i] = any(ok[i - len(p)] and word[i - len(p) : i] == p for p in parts if len(p) <= i)
    return ok[-1]


def event_name(words: list[str], pack) -> bool:
    """Does the name end in an event word, or hold one followed by a number (a date)?"""
    if not words:
        return False
    if words[-1] in pack.event:
        return True
    return any(w in pack.event and nxt[:1].isdigit() for w, nxt in itertools.pairwise(words))


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


def _institution_factor(
    key: str, f: dict, inst: set[str], orgs: set[str], folds: set[str], home: set[str] = frozenset()
) -> None:
    core = key.split(":", 1)[1]
    factor = 1.0
    if folds & orgs:
        factor = INSTITUTION_NAME
    elif core in inst or (" " in core and core.rsplit(" ", 1)[1] in home):
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
