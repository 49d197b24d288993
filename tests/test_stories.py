"""Near-duplicates, story clusters, related articles and per-story timelines, on real documents: the
bundled sample plus labelled pairs from eval/gold/pairs.jsonl (real corpus documents)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from tealeaves.analyze.related import related
from tealeaves.analyze.stories import group_documents, list_stories, timeline_per
from tealeaves.analyze.terms import term_query
from tealeaves.analyze.timeline import timeline
from tealeaves.bench.eval_stories import build_store, load_pairs
from tealeaves.cli import cli
from tealeaves.dates import first_day
from tealeaves.errors import NotFoundError, UsageError
from tealeaves.store import Store
from tealeaves.store.documents import get_document


def _pick(pairs, label, case):
    return next(p for p in pairs if p["label"] == label and p.get("case") == case)


@pytest.fixture(scope="module")
def grouped(tmp_path_factory):
    """The sample plus a handful of labelled pairs, grouped once."""
    pairs = load_pairs()
    chosen = [
        _pick(pairs, "duplicate", "reprint_redated"),
        _pick(pairs, "duplicate", "headline_vs_fulltext"),
        _pick(pairs, "duplicate", "retitled"),
        _pick(pairs, "same_story", "multi_report"),
        _pick(pairs, "unrelated", "random"),
    ]
    store = build_store(chosen, tmp_path_factory.mktemp("stories"))
    before = store.count_docs()
    summary = group_documents(store)
    yield store, chosen, summary, before
    store.close()


def _groups(store: Store, ext: str) -> tuple[int, int, int]:
    rid = get_document(store, ext).rowid
    dup, story = store.conn.execute("SELECT dup, story FROM doc_groups WHERE doc = ?", (rid,)).fetchone()
    return rid, dup, story


def test_copies_are_grouped_not_deleted(grouped):
    store, chosen, summary, before = grouped
    assert store.count_docs() == before == summary.docs
    assert store.conn.execute("SELECT count(*) FROM doc_groups").fetchone()[0] == before
    for pair in chosen[:3]:  # re-dated, headline record vs full text, re-titled
        a, b = _groups(store, pair["a"]["id"]), _groups(store, pair["b"]["id"])
        assert a[1] == b[1], pair["case"]  # same group of copies
        assert a[2] == b[2]  # hence the same story
        assert min(a[0], b[0]) == a[1]  # named by the earliest document
    a, b = _groups(store, chosen[4]["a"]["id"]), _groups(store, chosen[4]["b"]["id"])
    assert a[1] != b[1] and a[2] != b[2]  # the unrelated pair stays apart


def test_reports_of_one_event_form_a_story(grouped):
    store, chosen, _, _ = grouped
    pair = chosen[3]
    a, b = _groups(store, pair["a"]["id"]), _groups(store, pair["b"]["id"])
    assert a[2] == b[2] and a[1] != b[1]  # same story, not copies
    day = get_document(store, pair["a"]["id"]).doc.published
    found = list_stories(store, first_day(day) - dt.timedelta(days=14), first_day(day))
    ids = {m["id"] for s in found for m in s.members}
    assert {get_document(store, pair[k]["id"]).doc.id for k in "ab"} <= ids


def test_related_lists_the_copy_first_and_never_the_document_itself(grouped):
    store, chosen, _, _ = grouped
    pair = chosen[0]
    r = related(store, pair["a"]["id"], limit=10)
    me = get_document(store, pair["a"]["id"]).doc.id
    other = get_document(store, pair["b"]["id"]).doc.id
    ids = [x.id for x in r.results]
    assert me not in ids and other in ids
    assert next(x for x in r.results if x.id == other).relation == "copy"
    assert r.query_terms
    with pytest.raises(NotFoundError):
        related(store, "no-such-document-id")
    with pytest.raises(UsageError):
        related(store, me, limit=0)


def test_per_story_timeline_counts_each_story_once(grouped):
    store, _, _, _ = grouped
    terms = [("Kim Jong Il", term_query("Kim Jong Il"))]
    docs = {p.period: p for p in timeline(store, terms, by="year")}
    dups = {p.period: p for p in timeline_per(store, terms, by="year", per="duplicate")}
    stories = {p.period: p for p in timeline_per(store, terms, by="year", per="story")}
    assert docs.keys() == dups.keys() == stories.keys()
    assert sum(p.count for p in docs.values()) > sum(p.count for p in stories.values()) > 0
    for k in docs:
        assert docs[k].count >= dups[k].count >= stories[k].count
        assert docs[k].total >= dups[k].total >= stories[k].total


def test_stories_and_related_from_the_cli_on_the_sample(sample_db_copy):
    db = str(sample_db_copy)
    r = CliRunner().invoke(
        cli, ["stories", "--from", "2012-01", "--to", "2012-03", "--format", "json", "--db", db]
    )
    assert r.exit_code == 0, r.output
    found = json.loads(r.output)
    assert found and all(s["docs"] >= 2 and len(s["members"]) == s["docs"] for s in found)
    assert all("2012-01-01" <= s["first"] <= "2012-03-31" for s in found)
    doc = found[0]["members"][0]["id"]
    r = CliRunner().invoke(cli, ["related", doc, "--format", "json", "--db", db])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["id"] == doc and out["results"] and doc not in {x["id"] for x in out["results"]}
    r = CliRunner().invoke(cli, ["timeline", "party", "--per", "story", "--by", "year", "--db", db])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["stories", "--from", "2013", "--to", "2012", "--db", db])
    assert r.exit_code != 0


def _old_layout_index(store: Store) -> None:
    """A rank index as tealeaves wrote it before the ``all`` field (title, body, rid, seq, src, lang)."""
    import tantivy as tv

    from tealeaves.store.rankindex import index_dir

    path = index_dir(store)
    import shutil

    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    sb = tv.SchemaBuilder()
    sb.add_text_field("title", stored=False, tokenizer_name="tl")
    sb.add_text_field("body", stored=False, tokenizer_name="tl")
    sb.add_integer_field("rid", stored=False, indexed=True, fast=True)
    sb.add_integer_field("seq", stored=False, indexed=True, fast=True)
    sb.add_integer_field("src", stored=False, indexed=True, fast=False)
    sb.add_text_field("lang", stored=False, tokenizer_name="raw")
    index = tv.Index(sb.build(), path=str(path))
    index.register_tokenizer(
        "tl",
        tv.TextAnalyzerBuilder(tv.Tokenizer.simple())
        .filter(tv.Filter.lowercase())
        .filter(tv.Filter.ascii_fold())
        .build(),
    )
    writer = index.writer(heap_size=32 * 1024 * 1024, num_threads=1)
    rows = store.conn.execute(
        "SELECT rowid, seq, source_id, coalesce(lang, ''), title, body FROM docs WHERE cjk = 0 ORDER BY seq"
    )
    for rid, seq, src, lang, title, body in rows:
        writer.add_document(tv.Document(title=title, body=body, rid=rid, seq=seq, src=src, lang=lang))
    writer.commit()
    writer.wait_merging_threads()
    del writer


@pytest.fixture(scope="module")
def related_store(tmp_path_factory):
    """Every labelled pair next to the bundled sample, ingested (rank index caught up) and grouped: the
    store of `tealeaves eval stories`."""
    pairs = load_pairs()
    store = build_store(pairs, tmp_path_factory.mktemp("related"))
    group_documents(store)
    yield store, pairs
    store.close()


def test_related_ranked_in_the_rank_index_keeps_the_quality_of_fts5_ranking(related_store, monkeypatch):
    """For every document of the labelled pairs: the same query words, nearly the same top results, and
    the same recall@10 of the labelled partner as the FTS5-only path (the method before the rank index)."""
    from tealeaves.store.rankindex import rank_index

    store, pairs = related_store
    rx = rank_index(store)
    assert rx is not None and rx.serves_related()
    ids = sorted({p[side]["id"] for p in pairs for side in "ab"})
    monkeypatch.delenv("TEALEAVES_RANK_INDEX", raising=False)
    fast = {i: related(store, i) for i in ids}
    monkeypatch.setenv("TEALEAVES_RANK_INDEX", "off")
    slow = {i: related(store, i) for i in ids}
    overlap, top1 = [], 0
    for i in ids:
        f, s = fast[i], slow[i]
        assert f.query_terms == s.query_terms, i  # the same "more like this" query
        assert f.id not in {x.id for x in f.results}
        scores = [x.score for x in f.results]
        assert scores == sorted(scores, reverse=True)
        overlap.append(len({x.id for x in f.results} & {x.id for x in s.results}) / max(1, len(s.results)))
        top1 += bool(f.results) and bool(s.results) and f.results[0].id == s.results[0].id
    assert sum(overlap) / len(overlap) >= 0.9 and top1 >= 0.9 * len(ids)

    def recall(found: dict) -> float:
        hit = n = 0
        for p in pairs:
            a, b = (get_document(store, p[side]["id"]).doc.id for side in "ab")
            if p["label"] == "unrelated" or a == b:
                continue
            hit += b in {x.id for x in found[p["a"]["id"]].results}
            hit += a in {x.id for x in found[p["b"]["id"]].results}
            n += 2
        return hit / n

    assert recall(fast) >= recall(slow) - 0.01
    assert recall(fast) >= 0.7


def test_related_with_a_date_window_through_the_rank_index(related_store):
    store, pairs = related_store
    pair = next(p for p in pairs if p["label"] == "duplicate")
    me = get_document(store, pair["a"]["id"]).doc
    r = related(store, me.id, days=3, limit=20)
    day = dt.date.fromisoformat(me.published[:10])
    assert r.results
    assert all(abs((dt.date.fromisoformat(x.published[:10]) - day).days) <= 3 for x in r.results)


def test_an_index_from_before_the_all_field_serves_search_and_is_rebuilt_for_related(
    related_store, monkeypatch
):
    from tealeaves.store.query import Query
    from tealeaves.store.rankindex import rank_index
    from tealeaves.store.search import search

    store, pairs = related_store
    ident = pairs[0]["a"]["id"]
    monkeypatch.setenv("TEALEAVES_RANK_INDEX", "off")
    expected = related(store, ident)
    monkeypatch.delenv("TEALEAVES_RANK_INDEX")
    rank_index(store).drop()
    _old_layout_index(store)
    rx = rank_index(store)
    assert rx.current() and rx.outdated() and not rx.serves_related()
    assert search(store, Query.parse('"Kim Jong Il"'), limit=3)  # searches still use it
    assert [x.id for x in related(store, ident).results] == [x.id for x in expected.results]  # FTS5 ranks
    done = rx.catch_up()  # the next ingest (or `tealeaves index`) builds it again with every field
    assert done.indexed == store.conn.execute("SELECT count(*) FROM docs WHERE cjk = 0").fetchone()[0]
    assert not rx.outdated() and rx.serves_related()
    assert related(store, ident).query_terms == expected.query_terms


def test_accented_words_are_looked_up_as_fts5_folds_them(sample_store):
    from tealeaves.analyze.related import _doc_freqs

    df = _doc_freqs(sample_store, "fts", ["día", "dia", "corazón"])
    assert df["día"] == df["dia"] > 0 and df["corazón"] > 0


def test_bench_related_times_the_rank_index_next_to_fts5_ranking(sample_db_copy):
    r = CliRunner().invoke(cli, ["bench", "related", "--db", str(sample_db_copy), "--queries", "8", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["rank_index_serves_related"] is True  # caught up by the bench before timing
    assert out["related"]["n"] == out["related_fts5"]["n"] == 8
    assert out["same_query_words"] == 8 and 0.5 <= out["top10_overlap"] <= 1.0
    r = CliRunner().invoke(cli, ["bench", "related", "--db", str(sample_db_copy), "--queries", "3"])
    assert r.exit_code == 0, r.output
    assert "related (as shipped)" in r.output and "related, FTS5 ranking" in r.output


def test_bench_related_pairs_scores_a_method_as_the_eval_suite_does(related_store):
    from tealeaves.bench.eval_stories import score_pairs

    store, pairs = related_store
    expected = score_pairs(store, pairs)
    r = CliRunner().invoke(cli, ["bench", "related-pairs", "--method", "lexical", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["rank_index_serves_related"] is True and "embedding" not in out
    assert out["asked"] == len({p[side]["id"] for p in pairs for side in "ab"})
    assert out["lexical"]["recall_at_10"] == expected["related.recall_at_10"]
    assert out["lexical"]["unrelated_at_10"] == expected["related.unrelated_at_10"]
