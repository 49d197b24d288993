"""Term genealogy on real text: candidates, variants, the incremental index, first use, bursts, CLI."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from tealeaves.analyze import bursts as burst_model
from tealeaves.analyze import termindex, termviews
from tealeaves.cli import cli
from tealeaves.errors import NotFoundError, UsageError
from tealeaves.extract.termpacks import load_pack
from tealeaves.extract.terms import Lexicon, find_candidates
from tealeaves.store import Store


@pytest.fixture(scope="session")
def terms_db(_sample_db, tmp_path_factory):
    """The bundled sample with its term index built once."""
    path = tmp_path_factory.mktemp("terms") / "terms.db"
    with Store(_sample_db) as s:
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(_sample_db, path)
    with Store(path) as store:
        termindex.refresh(store)
    return path


@pytest.fixture
def tstore(terms_db):
    s = Store(terms_db)
    yield s
    s.close()


def _cands(title: str, body: str, lang: str = "en", lexicon: Lexicon | None = None):
    text = title + "\n\n" + body
    return find_candidates(text, len(title), lang, load_pack(), lexicon or Lexicon())


# -- candidates on real sentences (quoted from the shared corpora) -------------------------------


def test_variants_of_one_term_share_a_key():
    # kcna_fulltext_2011_2012 and kcna_headlines_1997_2014 phrasings
    title = "Kanggye Spirit Called for"
    body = (
        "He called on the people to create miracles in the spirit of Kanggye. "
        "The Kanggye spirit and the Kanggye revolutionary spirit were displayed."
    )
    cands = [c for c in _cands(title, body) if c.kind == "spirit"]
    assert {c.key for c in cands} == {"spirit:kanggye"}
    assert [c.text for c in cands] == [
        "Kanggye Spirit",
        "spirit of Kanggye",
        "Kanggye spirit",
        "Kanggye revolutionary spirit",
    ]
    text = title + "\n\n" + body
    assert all(text[c.start : c.end] == c.text for c in cands)


def test_title_case_headline_needs_a_name_not_a_verb():
    lex = Lexicon({"displaying": (0, 40), "revolutionary": (1, 300)})
    cands = _cands("Workers Displaying Revolutionary Spirit", "", lexicon=lex)
    assert not [c for c in cands if c.kind == "spirit"]
    cands = _cands("Pyongyang Citizens Display Kanggye Spirit", "", lexicon=Lexicon({"display": (0, 9)}))
    assert [c.key for c in cands if c.kind == "spirit"] == ["spirit:kanggye"]


def test_spanish_and_korean_forms():
    es = _cands("Espiritu de Kanggye", "Crean velocidad de Chollima en la marcha penosa", lang="es")
    assert {c.key for c in es} >= {"spirit:kanggye", "speed:chollima", "march:arduous"}
    ko = _cands("2017년 신년사", "만리마속도 창조를 위한 70일전투", lang="ko")
    assert {c.key for c in ko} == {"speed:만리마", "campaign:70"}  # the same key as "70-day campaign"
    # 1999 joint editorial (full-width spaces; a postposition attached to the head)
    ko = _cands(
        "1999년 신년사", "온\u3000나라에는\u3000강계정신이\u3000나래치고\u3000성강의\u3000봉화따라", lang="ko"
    )
    assert {(c.key, c.text) for c in ko} == {("spirit:강계", "강계정신"), ("torch:성강", "성강의\u3000봉화")}


def test_month_march_is_not_a_named_march_and_numbers_fold():
    cands = _cands("x", "It was held between March 3 and 5. The 150-day campaign and the 150-Day Campaign.")
    assert not [c for c in cands if c.kind == "march"]
    assert {c.key for c in cands if c.kind == "campaign"} == {"campaign:150"}


def test_quoted_names_and_so_called():
    cands = _cands("x", 'They raised "Huichon speed" and the so-called "threat" of the north.')
    by_text = {c.text: c for c in cands}
    assert by_text["Huichon speed"].kind == "speed"  # a pattern match wins over the quote
    assert by_text["threat"].kind == "quoted" and by_text["threat"].flags & 16


def test_context_flags_commemoration_foreign_and_cut():
    from tealeaves.extract.terms import F_COMMEMORATION, F_CONTEXT, F_CUT, F_FOREIGN

    # kcna_headlines_1997_2014 / kcna_fulltext_2011_2012 phrasings
    cands = _cands("x", "Meetings were held to mark the 75th anniversary of the Pochonbo Battle.")
    (battle,) = [c for c in cands if c.kind == "battle"]
    assert battle.flags & F_COMMEMORATION and not battle.flags & F_FOREIGN
    cands = _cands("Uganda National Resistance Movement greets Kim Jong Il", "")
    assert all(c.flags & F_FOREIGN for c in cands if c.kind == "movement")
    cands = _cands("x", "Workers displayed the Kanggye spirit, China's papers said.")
    (k,) = [c for c in cands if c.key == "spirit:kanggye"]
    assert k.flags & F_FOREIGN and k.flags & F_CONTEXT  # "China's": a possessive still names the country
    cands = _cands("x", "They displayed the Kanggye spirit in the DPRK and south Korea.")
    (k,) = [c for c in cands if c.key == "spirit:kanggye"]
    assert k.flags & F_FOREIGN  # south Korea is foreign to the DPRK pack; the DPRK itself is home
    cands = _cands("x", "They displayed the Kanggye spirit in the DPRK.")
    (k,) = [c for c in cands if c.key == "spirit:kanggye"]
    assert not k.flags & (F_FOREIGN | F_CUT)
    cands = _cands("x", "It is the revolutionary spirit of the Korean people to defend the country.")
    assert [c.flags & F_CUT for c in cands if c.key == "spirit:korean"] == [F_CUT]  # a fragment


def test_generic_and_event_names_are_pack_data():
    from tealeaves.analyze.termscore import event_name, generic_name

    pack = load_pack()
    assert generic_name(["korean", "people"], pack) and generic_name(["party"], pack)
    assert generic_name(["혁명"], pack) and generic_name(["조국통일"], pack)  # Korean compounds split
    assert not generic_name(["혁명적군인"], pack) and not generic_name(["kanggye"], pack)
    assert event_name(["party", "plenum"], pack) and event_name(["june", "15"], pack)
    assert event_name(["cold", "war"], pack) and not event_name(["chollima"], pack)
    assert event_name(["may", "1"], pack) and not event_name(["may", "first"], pack)
    assert "China" in pack.foreign and "DPRK" not in pack.foreign and "Korea" not in pack.foreign


def test_specificity_counts_hyphenated_words_whole():
    from tealeaves.analyze.termscore import _features

    # the lexicon of the full corpora: "Taekwon-Do" 611 times, "taekwon" alone once
    totals = {"taekwon": (1, 1, 0), "do": (1197, 57, 1070), "taekwon-do": (611, 397, 0)}
    a = {"kind": "spirit", "hits": 2, "docs": 2, "context": 0.5, "quoted": 0.0, "so_called": 0.0}
    a |= {"foreign": 0.0, "commemoration": 0.0, "cut": 0.0}
    whole = _features("spirit:taekwon do", a, 2, totals, load_pack(), {"en"}, {"taekwon-do"})
    parts = _features("spirit:taekwon do", a, 2, totals, load_pack(), {"en"}, set())
    assert whole["specificity"] == round(2 / 611, 4) and parts["specificity"] == 1.0
    assert whole["score"] < parts["score"] / 3


def test_ranking_demotes_generic_event_and_foreign_terms(tstore):
    rows = {
        k: json.loads(f)
        for k, f in tstore.conn.execute("SELECT key, features FROM terms WHERE rank IS NOT NULL")
    }
    for key, f in rows.items():
        for name in ("generic", "event", "foreign", "commemoration", "cut", "common"):
            assert name in f, (key, name)
    assert rows["spirit:kanggye"]["generic"] == 1.0 and rows["spirit:kanggye"]["event"] == 1.0
    demoted = [k for k, f in rows.items() if f["generic"] < 1 or f["event"] < 1 or f["foreign"] > 0.5]
    assert demoted  # the sample holds such terms, and they rank below the coined names
    rank = dict(tstore.conn.execute("SELECT key, rank FROM terms WHERE rank IS NOT NULL"))
    assert all(rank[k] > rank["spirit:kanggye"] for k in demoted)


# -- packs as data -------------------------------------------------------------------------------


def test_user_pack_adds_a_pattern_without_code(tmp_path, monkeypatch):
    (tmp_path / "term_patterns.tsv").write_text("banner\ten\t{NAME} banner\n", encoding="utf-8")
    monkeypatch.setenv("TEALEAVES_TERM_PACKS", str(tmp_path))
    pack = load_pack()
    cands = find_candidates("x\n\nThey hoisted the Taehongdan banner.", 1, "en", pack, Lexicon())
    assert [(c.kind, c.key) for c in cands] == [("banner", "banner:taehongdan")]


def test_bad_pattern_line_names_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "term_patterns.tsv").write_text("# c\nspirit\ten\t{PLACE} spirit\n", encoding="utf-8")
    monkeypatch.setenv("TEALEAVES_TERM_PACKS", str(tmp_path))
    with pytest.raises(UsageError, match=r"term_patterns.tsv:2: unknown slot \{PLACE\}"):
        load_pack()


# -- the index on the bundled sample -------------------------------------------------------------


def test_sample_index_finds_campaign_terms(tstore):
    rows = {r.key: r for r in termviews.list_terms(tstore, limit=None)}
    for key in ("march:arduous", "march:forced", "spirit:kanggye", "speed:chollima", "speed:masikryong"):
        assert key in rows, key
    assert rows["march:arduous"].first_seen == "1997-01-20"
    assert {"Arduous March", "marcha penosa"} <= set(rows["march:arduous"].variants)
    top = termviews.list_terms(tstore, limit=10)
    assert [r.rank for r in top] == list(range(1, 11))


def test_hits_are_spans_over_the_canonical_text(tstore):
    rows = tstore.conn.execute(
        'SELECT h.start, h."end", v.text, d.title, d.body FROM term_hits h '
        "JOIN term_variants v ON v.id = h.variant JOIN docs d ON d.rowid = h.doc LIMIT 500"
    ).fetchall()
    assert rows
    for start, end, text, title, body in rows:
        assert (title + "\n\n" + body)[start:end] == text


def test_filters_and_errors(tstore):
    new = termviews.list_terms(tstore, new_since=dt.date(2021, 1, 1), limit=None)
    assert new and all(r.first_seen >= "2021-01-01" for r in new)
    window = termviews.list_terms(
        tstore, date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31), limit=None
    )
    assert window and all(r.last_seen >= "2024-01-01" for r in window)
    speeds = termviews.list_terms(tstore, kind="speed", limit=None)
    assert speeds and {r.kind for r in speeds} == {"speed"}
    with pytest.raises(UsageError, match="unknown kind 'nope'; kinds in this store:"):
        termviews.list_terms(tstore, kind="nope")
    with pytest.raises(NotFoundError, match="no discovered term"):
        termviews.resolve_term(tstore, "no such slogan anywhere")


def test_term_detail_first_use_and_coverage_warning(tstore):
    d = termviews.term_detail(tstore, "spirit of Kanggye")  # any written form finds the term
    assert d.row.key == "spirit:kanggye"
    assert sum(v["count"] for v in d.variants) == d.row.count
    firsts = [f for f in d.first_uses if f.variant is None]
    assert firsts and firsts[0].published == d.row.first_seen
    f = firsts[0]
    text = tstore.conn.execute("SELECT title || char(10) || char(10) || body FROM docs WHERE id = ?", (f.id,))
    canon = text.fetchone()[0]
    assert canon[f.sentence_start : f.sentence_end] == f.sentence
    assert f.sentence_start <= f.start < f.end <= f.sentence_end
    arduous = termviews.term_detail(tstore, "Arduous March")
    assert arduous.warnings and "near" not in arduous.warnings[0]  # says "within N days of the start"
    assert any("within 90 days" in w for w in arduous.warnings)
    assert sum(p["count"] for p in arduous.timeline) == arduous.row.docs


def test_incremental_refresh_equals_rebuild(sample_docs, tmp_path):
    """Index half the sample, ingest the rest, refresh: the same hits as one build over everything."""
    from tealeaves.store.loader import ingest

    half = len(sample_docs) // 2
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("".join(json.dumps(d) + "\n" for d in sample_docs[:half]), encoding="utf-8")
    b.write_text("".join(json.dumps(d) + "\n" for d in sample_docs[half:]), encoding="utf-8")
    with Store(tmp_path / "inc.db") as store:
        ingest(store, [a])
        first = termindex.refresh(store)
        assert first.docs == store.count_docs()
        ingest(store, [b])
        assert termindex.is_stale(store)
        second = termindex.refresh(store)
        assert second.docs == store.count_docs() - first.docs and not second.rebuilt
        inc = _hit_set(store)
        termindex.refresh(store, rebuild=True)
        full = _hit_set(store)
    # the lexicon grows between the two batches, so a handful of headline hits may differ
    assert len(inc ^ full) <= 0.02 * len(full)


def _hit_set(store):
    return set(
        store.conn.execute(
            'SELECT d.id, h.start, h."end", v.key FROM term_hits h JOIN term_variants v ON v.id = h.variant '
            "JOIN docs d ON d.rowid = h.doc"
        ).fetchall()
    )


# -- bursts --------------------------------------------------------------------------------------


def _days(start: dt.date, n: int) -> list[int]:
    return [start.toordinal() + i for i in range(n)]


def test_kleinberg_finds_the_surge_and_normalises_by_volume():
    days = _days(dt.date(2010, 1, 1), 400)
    totals = dict.fromkeys(days, 40)
    counts = {d: 1 for d in days[::20]}  # a steady trickle
    surge = days[200:214]
    counts.update({d: 6 for d in surge})
    found = burst_model.kleinberg(counts, totals)
    assert len(found) == 1
    b = found[0]
    assert surge[0] <= b.start <= surge[2] and surge[-3] <= b.end <= surge[-1] and b.weight > 0
    # the same counts on days when the corpus itself is ten times larger are no surge at all
    totals.update({d: 6 * 20 * 40 for d in surge})  # 6 a day is then the trickle's own rate
    assert not [x for x in burst_model.kleinberg(counts, totals) if x.start >= surge[0] - 5]


def test_yearly_recurrence_is_not_news():
    totals, counts = {}, {}
    for year in range(2001, 2006):
        for d in _days(dt.date(year, 1, 1), 365):
            totals[d] = 30
        for d in _days(dt.date(year, 4, 10), 6):  # an anniversary every April
            counts[d] = 5
    for d in _days(dt.date(2005, 9, 1), 8):  # and one new surge
        counts[d] = 5
    found = burst_model.detect(counts, totals)
    by_month = {(dt.date.fromordinal(b.start).year, dt.date.fromordinal(b.start).month): b for b in found}
    assert not by_month[(2001, 4)].recurring
    assert by_month[(2004, 4)].recurring and 2003 in by_month[(2004, 4)].years
    assert not by_month[(2005, 9)].recurring


def test_bursts_are_stored_with_recurrence(tstore):
    rows = termviews.list_bursts(tstore, limit=None)
    assert rows
    for r in rows:
        assert r["start"] <= r["end"] and r["weight"] > 0 and isinstance(r["recurring"], bool)


# -- CLI -----------------------------------------------------------------------------------------


def test_cli_json_interfaces(terms_db):
    runner = CliRunner()
    r = runner.invoke(cli, ["terms", "--db", str(terms_db), "--format", "json", "--limit", "20"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert len(rows) == 20
    assert {"term", "kind", "first_seen", "last_seen", "count", "variants"} <= set(rows[0])
    r = runner.invoke(cli, ["bursts", "--db", str(terms_db), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert {"term", "start", "end", "weight", "recurring"} <= set(json.loads(r.output)[0])
    r = runner.invoke(cli, ["term", "Kanggye spirit", "--db", str(terms_db), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["key"] == "spirit:kanggye" and d["first_use"] and d["variant_counts"]
    r = runner.invoke(cli, ["term", "Kanggye spirit", "--db", str(terms_db)])
    assert "First use, per variant and source:" in r.output


def test_cli_refreshes_a_stale_index(sample_db_copy):
    runner = CliRunner()
    r = runner.invoke(cli, ["terms", "--db", str(sample_db_copy), "--kind", "speed", "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert "Masikryong" in r.output
    con = sqlite3.connect(sample_db_copy)
    assert con.execute("SELECT count(*) FROM term_hits").fetchone()[0] > 0


# -- cross-script grouping, precedents, glossary, brief, eval ------------------------------------


def test_romanised_skeletons_match_kcna_spellings():
    from tealeaves.extract.romanise import hangul_skeleton, skeleton

    for ko, en in [
        ("강계", "Kanggye"),
        ("천리마", "Chollima"),
        ("희천", "Huichon"),
        ("청산리", "Chongsan-ri"),
    ]:
        assert hangul_skeleton(ko) == skeleton(en), (ko, en)
    assert hangul_skeleton("강계") != skeleton("Kangson")


def test_korean_variants_join_the_english_term(tstore):
    d = termviews.term_detail(tstore, "Chollima speed")
    langs = {v["lang"] for v in d.variants}
    assert {"en", "ko"} <= langs  # 천리마속도 (New Year addresses) grouped with "Chollima speed"
    assert d.row.first_seen < "1997-01-01"  # so its first use comes from the Korean addresses


def test_precedents_are_earlier_and_same_family_first(tstore):
    from tealeaves.analyze.precedents import precedents

    target = termviews.resolve_term(tstore, "Masikryong speed")
    rows = precedents(tstore, "Masikryong speed", limit=5)
    assert rows
    assert all(r["first_seen"] < termviews.iso(target[4]) for r in rows)
    assert rows[0]["kind"] == "speed" and rows[0]["score"] >= rows[-1]["score"]
    assert {"term", "first_seen", "last_seen", "score"} <= set(rows[0])


def test_glossary_sentences_are_spans_holding_the_term(tstore):
    from tealeaves.analyze.glossary import glossary

    rows = glossary(tstore, "Pyongyang speed", limit=3)
    assert rows
    for g in rows:
        canon = tstore.conn.execute(
            "SELECT title || char(10) || char(10) || body FROM docs WHERE id = ?", (g.id,)
        ).fetchone()[0]
        assert canon[g.start : g.end] == g.sentence
        assert g.start <= g.term_start < g.term_end <= g.end
    assert [g.score for g in rows] == sorted((g.score for g in rows), reverse=True)


def test_brief_items_cite_their_sentences(tstore):
    from tealeaves.analyze.brief import as_html, as_markdown, brief

    b = brief(tstore, dt.date(2011, 11, 1), dt.date(2011, 11, 30))
    assert b.documents > 0 and b.new_terms
    cited = [t["source"] for t in b.new_terms] + [x["source"] for x in b.bursts if x["source"]]
    for s in cited:
        canon = tstore.conn.execute(
            "SELECT title || char(10) || char(10) || body FROM docs WHERE id = ?", (s["id"],)
        ).fetchone()[0]
        assert " ".join(canon[s["start"] : s["end"]].split()) == s["sentence"]
    md = as_markdown(b)
    assert md.startswith("# Brief 2011-11-01 to 2011-11-30") and "## New terms" in md
    assert b.new_terms[0]["source"]["id"] in md
    assert "<h2>Bursting terms</h2>" in as_html(b)
    with pytest.raises(UsageError, match="is after"):
        brief(tstore, dt.date(2012, 1, 2), dt.date(2012, 1, 1))


def test_eval_scores_against_reference_and_judgments(tstore):
    from tealeaves.bench import eval_terms

    ref = eval_terms.load_reference()
    assert len(ref) >= 40
    scores = eval_terms.evaluate(tstore, ref, eval_terms.load_judgments())
    assert scores["reference_present"] >= 40
    assert 0 < scores["recall"] <= 1 and 0 < scores["first_use_exact"] <= 1
    assert scores["judged_top100"] == 1.0
    # a judgment file that calls everything wrong gives zero precision: the measure can fail
    bad = {k: {"key": k, "good": False, "why": "test"} for k in eval_terms.load_judgments()}
    assert eval_terms.evaluate(tstore, [], bad)["precision_top100"] == 0.0


def test_cli_precedents_glossary_brief_and_bench(terms_db):
    runner = CliRunner()
    r = runner.invoke(cli, ["precedents", "Huichon speed", "--db", str(terms_db), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert {"term", "first_seen", "last_seen", "score"} <= set(json.loads(r.output)[0])
    r = runner.invoke(cli, ["glossary", "--db", str(terms_db), "--terms", "5", "--format", "json"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["brief", "--from", "2011-11-01", "--to", "2011-11-07", "--db", str(terms_db)])
    assert r.exit_code == 0 and "# Brief 2011-11-01 to 2011-11-07" in r.output
    r = runner.invoke(
        cli,
        ["brief", "--from", "2011-11-01", "--to", "2011-11-07", "--format", "html", "--db", str(terms_db)],
    )
    assert r.exit_code == 0 and r.output.startswith("<!doctype html>")
    r = runner.invoke(cli, ["bench", "brief", "--weeks", "3", "--db", str(terms_db), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["weeks"] == 3
