"""`tealeaves extract` then the fact commands, on real documents; JSON shapes other tools rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tealeaves.cli import cli

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("facts") / "f.db")
    r = CliRunner().invoke(
        cli, ["ingest", str(DATA / "extract_samples.jsonl"), str(DATA / "mixed.jsonl"), "--db", path]
    )
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["extract", "--db", path, "--no-progress", "--json"])
    assert r.exit_code == 0, r.output
    summary = json.loads(r.output)
    assert summary["docs"] > 40 and summary["failed"] == [] and summary["entities"] > 500
    return path


def run(*args) -> str:
    r = CliRunner().invoke(cli, list(args))
    assert r.exit_code == 0, (args, r.output, r.exception)
    return r.output


def test_extract_is_incremental(db):
    out = json.loads(run("extract", "--db", db, "--no-progress", "--json"))
    assert out["docs"] == 0


def test_events_json_interface(db):
    rows = json.loads(run("events", "--type", "appearance", "--format", "json", "--db", db))
    assert rows
    for r in rows:
        assert {"doc_id", "date", "actor", "site", "place", "sentence"} <= r.keys()
    assert any(r["actor"] == "Kim Jong Un" and r["site"] == "KPA Unit 318" for r in rows)
    meetings = json.loads(run("events", "--type", "meeting", "--format", "json", "--db", db))
    assert meetings and all(r["type"] == "meeting" for r in meetings)


def test_events_filter_by_place_includes_what_lies_inside(db):
    rows = json.loads(run("events", "--place", "Pyongyang", "--format", "json", "--db", db))
    assert all("Pyongyang" in (r["place"] or "") + (r["site"] or "") + r["sentence"] for r in rows)


def test_quotes_json_interface_and_speaker_filter(db):
    rows = json.loads(run("quotes", "--format", "json", "--db", db))
    assert rows and all({"doc_id", "speaker", "quote", "sentence"} <= r.keys() for r in rows)
    paper = json.loads(run("quotes", "--speaker", "Rodong Sinmun", "--format", "json", "--db", db))
    assert paper and all(
        r["speaker"] == "Rodong Sinmun" or "Rodong" in (r["speaker_text"] or "") for r in paper
    )


def test_appearances_by_year_json_interface(db):
    rows = json.loads(run("appearances", "--by", "year", "--format", "json", "--db", db))
    assert rows and all({"period", "actor", "count"} <= r.keys() for r in rows)
    assert any(r["period"] == "2012" and r["actor"] == "Kim Jong Un" and r["count"] >= 1 for r in rows)


def test_entities_and_entity_pages(db):
    people = json.loads(run("entities", "--type", "PERSON", "--format", "json", "--db", db))
    assert people[0]["mentions"] >= people[-1]["mentions"] and all(p["type"] == "PERSON" for p in people)
    page = json.loads(run("entity", "Kim Jong-un", "--format", "json", "--db", db))[0]
    assert page["id"] == "kim-jong-un" and "Kim Jong-un" in page["aliases"] and page["years"]
    unknown = json.loads(run("entities", "--unresolved", "--format", "json", "--db", db))
    assert unknown and all(u["id"] is None for u in unknown)


def test_context_highlights_the_fact_in_its_sentence(db):
    out = run("events", "--type", "appearance", "--context", "--format", "csv", "--db", db)
    assert "context" in out.splitlines()[0]
    table = run("quotes", "--context", "--limit", "3", "--db", db)
    assert "[" in table and "]" in table  # marks around the fact when not on a terminal


def test_unknown_entity_is_a_clear_error(db):
    r = CliRunner().invoke(cli, ["entity", "Nobody Atall", "--db", db])
    assert r.exit_code != 0 and "no entity named" in str(r.exception)
