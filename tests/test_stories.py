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
