"""Parquet interchange: export -> import is lossless; bad folders and rows get clear errors."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tealeaves.dates import first_day
from tealeaves.errors import InputError, UsageError
from tealeaves.extract import Pipeline
from tealeaves.ingest.lang import cjk_share
from tealeaves.model import Document, Origin
from tealeaves.store import Store
from tealeaves.store.facts import FACT_TABLES, run_extract
from tealeaves.store.loader import IngestSummary, Prepared, _BatchWriter
from tealeaves.store.parquet import (
    DOC_COLUMNS,
    MANIFEST,
    WEB_COLUMNS,
    export_parquet,
    fact_columns,
    import_parquet,
    iter_rows,
    month_of,
)


def _docs_sql(store: Store) -> list[tuple]:
    return store.conn.execute(
        "SELECT d.id, d.ext_id, s.name, d.published, d.precision, d.title, d.body, d.url, d.lang, "
        "d.origin_file, d.origin_line, d.ingested_at, d.cjk, d.rowid >> 22 FROM docs d "
        "JOIN sources s ON s.id = d.source_id ORDER BY d.id"
    ).fetchall()


def _facts_sql(store: Store, table: str) -> list[tuple]:
    return store.conn.execute(
        f"SELECT d.id, f.* FROM {table} f JOIN docs d ON d.rowid = f.doc ORDER BY d.id, f.start"
    ).fetchall()


def _strip_doc(rows: list[tuple]) -> list[tuple]:
    # f.* includes the store-specific rowid `doc` in position 1: compare by content id instead
    return [(r[0], *r[2:]) for r in rows]


def _table(folder: Path, name: str, columns) -> list[tuple]:
    return sorted(tuple(r.values()) for r in iter_rows(folder / name, columns))


def test_round_trip_of_the_sample_is_lossless(sample_db_copy, tmp_path):
    a = Store(sample_db_copy)
    run_extract(a, Pipeline())
    s1 = export_parquet(a, tmp_path / "one")
    assert s1.tables["docs"] == a.count_docs() and s1.tables["facts/sentences"] > 0
    b = Store(tmp_path / "b.db")
    imp = import_parquet(b, tmp_path / "one")
    assert imp.docs == s1.tables["docs"] and imp.rejected == 0 and imp.orphan_facts == 0
    assert _docs_sql(a) == _docs_sql(b)
    for ft in FACT_TABLES.values():
        assert _strip_doc(_facts_sql(a, ft.table)) == _strip_doc(_facts_sql(b, ft.table))
    # nothing left to extract: the extraction state came along
    assert run_extract(b, Pipeline()).docs == 0
    # and a second export of the imported store has the same rows
    export_parquet(b, tmp_path / "two")
    assert _table(tmp_path / "one", "docs", DOC_COLUMNS) == _table(tmp_path / "two", "docs", DOC_COLUMNS)
    for ft in FACT_TABLES.values():
        name, cols = f"facts/{ft.table}", fact_columns(ft)
        assert _table(tmp_path / "one", name, cols) == _table(tmp_path / "two", name, cols)
    # importing again is idempotent
    again = import_parquet(b, tmp_path / "one")
    assert again.docs == 0 and again.already_stored == s1.tables["docs"]
    assert _docs_sql(a) == _docs_sql(b)


def _web_sql(store: Store) -> list[tuple]:
    return store.conn.execute(
        "SELECT * FROM web_origins ORDER BY doc_id, origin_file, origin_line"
    ).fetchall()


def test_web_provenance_survives_the_round_trip(tmp_path):
    """HTML pages and WARC records (two archives holding the same pages): every copy's provenance
    (file, record, WARC offset, target URI, fetch date, ...) comes back, and only once."""
    from tealeaves.store.loader import ingest
    from test_web_ingest import GOLD, KO, WEB, build_warc

    keys = [k for k in GOLD if k != KO]
    build_warc(tmp_path / "a.warc.gz", keys)
    build_warc(tmp_path / "b.warc.gz", keys[:3], extras=False)
    a = Store(tmp_path / "a.db")
    ingest(a, [tmp_path / "a.warc.gz", tmp_path / "b.warc.gz", WEB / "pages"])
    run_extract(a, Pipeline())
    web = _web_sql(a)
    kinds = {r[3] for r in web}
    assert kinds == {"warc", "html"} and len(web) > a.count_docs()  # duplicate copies have rows too
    assert all(r[4] is not None and r[6] and r[8] for r in web if r[3] == "warc")
    s = export_parquet(a, tmp_path / "x")
    assert s.tables["web_origins"] == len(web)
    manifest = json.loads((tmp_path / "x" / MANIFEST).read_text())
    assert [c["name"] for c in manifest["tables"]["web_origins"]["columns"]] == [c for c, _, _ in WEB_COLUMNS]
    assert all(p.name.startswith("month=") for p in (tmp_path / "x" / "web_origins").iterdir())
    b = Store(tmp_path / "b.db")
    imp = import_parquet(b, tmp_path / "x")
    assert imp.web_origins == len(web) and imp.orphan_facts == 0 and imp.rejected == 0
    assert _web_sql(b) == web and _docs_sql(b) == _docs_sql(a)
    for ft in FACT_TABLES.values():
        assert _strip_doc(_facts_sql(a, ft.table)) == _strip_doc(_facts_sql(b, ft.table))
    again = import_parquet(b, tmp_path / "x")
    assert again.web_origins == 0 and _web_sql(b) == web
    # provenance of a document neither in the folder nor in the store is named, not stored
    c = Store(tmp_path / "c.db")
    problems: list[str] = []

    shutil.rmtree(tmp_path / "x" / "docs")
    (tmp_path / "x" / "docs").mkdir()
    orphan = import_parquet(c, tmp_path / "x", on_problem=problems.append)
    assert orphan.web_origins == 0 and orphan.orphan_facts >= len(web)
    assert any("web_origins" in p and f"{len(web)} rows" in p for p in problems)
    assert c.conn.execute("SELECT count(*) FROM web_origins").fetchone()[0] == 0
    for st_ in (a, b, c):
        st_.close()


def test_export_is_partitioned_by_month_with_a_manifest(sample_store, tmp_path):
    export_parquet(sample_store, tmp_path / "x", date_from=None, date_to=None)
    manifest = json.loads((tmp_path / "x" / MANIFEST).read_text())
    assert manifest["partitioned_by"] == "month"
    assert {c["name"] for c in manifest["tables"]["docs"]["columns"]} == {c for c, _, _ in DOC_COLUMNS}
    months = {p.name for p in (tmp_path / "x" / "docs").iterdir()}
    first = sample_store.conn.execute("SELECT published FROM docs ORDER BY rowid LIMIT 1").fetchone()[0]
    assert f"month={month_of(first)}" in months and all(m.startswith("month=") for m in months)


def test_export_refuses_a_non_empty_folder_and_import_a_non_export(sample_store, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("x")
    with pytest.raises(UsageError, match="not empty"):
        export_parquet(sample_store, tmp_path / "full")
    with pytest.raises(UsageError, match=r"no tealeaves\.json"):
        import_parquet(Store(tmp_path / "t.db"), tmp_path / "full")
    with pytest.raises(UsageError, match="no such folder"):
        import_parquet(Store(tmp_path / "t.db"), tmp_path / "missing")


def test_a_tampered_row_is_rejected_by_name_and_the_rest_imported(sample_store, tmp_path):
    import pyarrow.parquet as pq

    export_parquet(sample_store, tmp_path / "x")
    f = sorted((tmp_path / "x" / "docs").rglob("*.parquet"))[-1]
    t = pq.read_table(f)
    body = t.column("body").to_pylist()
    body[0] = body[0] + " (edited)"
    pq.write_table(t.set_column(t.schema.get_field_index("body"), "body", [body]), f)
    problems: list[str] = []
    s = import_parquet(Store(tmp_path / "t.db"), tmp_path / "x", on_problem=problems.append)
    assert s.rejected == 1 and s.docs == sample_store.count_docs() - 1
    assert str(f.parent) in problems[0] and "content hash" in problems[0]
    assert s.orphan_facts == 0  # the sample store has no facts for that document


def test_a_file_missing_a_column_is_named(sample_store, tmp_path):
    import pyarrow.parquet as pq

    export_parquet(sample_store, tmp_path / "x")
    f = sorted((tmp_path / "x" / "docs").rglob("*.parquet"))[0]
    pq.write_table(pq.read_table(f).drop(["title"]), f)
    with pytest.raises(InputError, match=r"missing column title"):
        import_parquet(Store(tmp_path / "t.db"), tmp_path / "x")


def test_the_cli_round_trip(sample_db_copy, tmp_path):
    from click.testing import CliRunner

    from tealeaves.cli import cli

    r = CliRunner().invoke(
        cli, ["export", "--format", "parquet", str(tmp_path / "x"), "--db", str(sample_db_copy)]
    )
    assert r.exit_code == 0, r.output
    assert "exported to" in r.output
    r = CliRunner().invoke(cli, ["import", str(tmp_path / "x"), "--db", str(tmp_path / "n.db")])
    assert r.exit_code == 0, r.output
    assert "imported 3,405 documents" in r.output


# -- property: arbitrary documents and the facts of the pipeline survive the round trip -----------------
_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=300)
_date = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2024, 12, 31))


@st.composite
def documents(draw) -> tuple[Document, Origin]:
    d = draw(_date)
    precision = draw(st.sampled_from(["day", "month", "year"]))
    published = {"day": d.isoformat(), "month": d.isoformat()[:7], "year": d.isoformat()[:4]}[precision]
    title = draw(_text)
    body = draw(_text)
    if not (title.strip() or body.strip()):
        title = "t"
    doc = Document.create(
        source=draw(st.sampled_from(["KCNA", "Rodong Sinmun", "노동신문", "Agencia X"])),
        published=published,
        title=title,
        body=body,
        url=draw(st.none() | st.just("https://example.org/a?b=1")),
        lang=draw(st.none() | st.sampled_from(["en", "ko", "es"])),
        ext_id=draw(st.none() | st.text(min_size=1, max_size=12)),
        precision=precision,
    )
    origin = Origin(draw(st.none() | st.just("in.jsonl")), draw(st.none() | st.integers(1, 10**9)))
    return doc, origin


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(documents(), min_size=1, max_size=12))
def test_round_trip_property(tmp_path_factory, items):
    tmp = tmp_path_factory.mktemp("rt")
    a = Store(tmp / "a.db")
    w = _BatchWriter(a, IngestSummary(), None)
    for doc, origin in items:
        cjk = cjk_share(doc.title + doc.body[:2000]) > 0.3
        w.take(Prepared(doc, origin, cjk, first_day(doc.published).toordinal()))
    w.flush()
    run_extract(a, Pipeline())
    export_parquet(a, tmp / "x")
    b = Store(tmp / "b.db")
    s = import_parquet(b, tmp / "x")
    assert s.rejected == 0
    assert _docs_sql(a) == _docs_sql(b)
    for ft in FACT_TABLES.values():
        assert _strip_doc(_facts_sql(a, ft.table)) == _strip_doc(_facts_sql(b, ft.table))
    a.close()
    b.close()


def test_fact_columns_follow_the_dataclasses():
    for ft in FACT_TABLES.values():
        cols = [c for c, _, _ in fact_columns(ft)]
        assert cols[0] == "doc_id" and cols[-2:] == ["stage", "version"]
        assert cols[1:-2] == ft.fields
    con = sqlite3.connect(":memory:")
    assert con  # the mapping of JSON cells is exercised by the round trips above
