"""Ingest: formats, idempotence, duplicates, mapping, and bad input that loses nothing."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import DATA
from tealeaves.errors import StoreError
from tealeaves.ingest import FieldMap
from tealeaves.store import Store, loader
from tealeaves.store.documents import get_document, quarantined_raw, why
from tealeaves.store.loader import ingest


@pytest.fixture(params=["off", "on"])
def reader(request, monkeypatch):
    """Run a test with input read in this process and in a second one (setting reader_process)."""
    monkeypatch.setenv("TEALEAVES_READER_PROCESS", request.param)
    return request.param


def _write_jsonl(path, records, gz=False):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    if gz:
        with gzip.open(path, "wb") as f:
            f.write(data)
    else:
        path.write_bytes(data)
    return path


def test_jsonl_plain_gz_and_folder(store, tmp_path, mixed_records):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    _write_jsonl(folder / "a.jsonl", mixed_records[:20])
    _write_jsonl(folder / "sub" / "b.jsonl.gz", mixed_records[20:], gz=True)
    (folder / "notes.txt").write_text("not input")
    s = ingest(store, [folder])
    assert (s.read, s.stored, s.rejected) == (len(mixed_records), len(mixed_records), 0)
    assert [os.path.basename(f) for f in s.skipped_files] == ["notes.txt"]
    assert store.count_docs() == len(mixed_records)
    # every field survives
    r = mixed_records[0]
    doc = get_document(store, r["id"]).doc
    assert (doc.source, doc.published, doc.title, doc.url, doc.lang) == (
        r["source"],
        r["published"],
        r["title"].strip(),
        r["url"],
        r["lang"],
    )


def test_ingesting_twice_stores_one_copy(store, reader, mixed_records, tmp_path):
    path = _write_jsonl(tmp_path / "m.jsonl", mixed_records)
    first = ingest(store, [path])
    again = ingest(store, [path])
    assert first.stored == len(mixed_records)
    assert (again.stored, again.duplicate, again.already_stored) == (
        0,
        len(mixed_records),
        len(mixed_records),
    )
    assert store.count_docs() == len(mixed_records)
    assert store.conn.execute("SELECT count(*) FROM duplicates").fetchone()[0] == 0


def test_same_text_under_another_url_is_a_recorded_duplicate(store, reader, mixed_records, tmp_path):
    r = dict(mixed_records[30])
    copy = dict(r, id="copy-1", url="http://example.org/other-menu-page")
    path = _write_jsonl(tmp_path / "d.jsonl", [r, copy])
    s = ingest(store, [path])
    assert (s.stored, s.duplicate) == (1, 1)
    rows = why(store, "copy-1")
    assert rows[0]["status"] == "duplicate"
    assert rows[0]["id"] == get_document(store, r["id"]).doc.id
    assert get_document(store, "copy-1").doc.id == rows[0]["id"]  # the duplicate's input id finds the copy


def test_csv_with_field_mapping_and_written_dates(store):
    fmap = FieldMap.parse(
        ["title=headline", "published=date_str", "body=story_text", "url=link"], ["source=KCNA"]
    )
    s = ingest(store, [DATA / "kcna_kp_fields.csv"], fmap)
    assert (s.read, s.stored, s.rejected) == (10, 10, 0)
    row = store.conn.execute("SELECT published, lang FROM docs ORDER BY rowid LIMIT 1").fetchone()
    assert row[0].startswith("2024-") and row[1] == "en"  # language guessed from the text


def test_csv_without_mapping_names_the_missing_field(store):
    s = ingest(store, [DATA / "kcna_kp_fields.csv"])  # aliases find link/headline, but no source
    assert s.rejected == 10
    assert set(s.reasons) == {"missing_field"}
    rows = why(store, f"{DATA / 'kcna_kp_fields.csv'}:2")
    assert "missing field 'source'" in rows[0]["detail"]


def test_bad_records_are_quarantined_and_the_rest_stored(store, reader, tmp_path, mixed_records):
    good = [json.dumps(r, ensure_ascii=False).encode() for r in mixed_records[:6]]
    no_date = dict(mixed_records[6])
    del no_date["published"]
    bad_date = dict(mixed_records[7], published="2012-02-30")
    empty = dict(mixed_records[8], title=" ", body="")
    lines = [
        good[0],
        b'{"id": "broken", "title": "Kim Jong Il inspects',  # 2: malformed JSON
        good[1],
        json.dumps(no_date).encode(),  # 4: missing field
        json.dumps(bad_date).encode(),  # 5: impossible date
        good[2],
        json.dumps(empty).encode(),  # 7: empty document
        good[3].replace(b'"title": "', b'"title": "\xff\xfe', 1),  # 8: not UTF-8
        b"[1, 2, 3]",  # 9: not an object
        good[4],
        b"",  # 11: blank line, no record
        good[5],
    ]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    s = ingest(store, [path])
    assert s.stored == 5  # good[0,1,2,4,5]; good[3] only appears corrupted
    assert s.rejected == 6
    assert dict(s.reasons) == {
        "bad_json": 2,
        "missing_field": 1,
        "bad_date": 1,
        "empty": 1,
        "bad_encoding": 1,
    }
    expected = {
        2: "bad_json",
        4: "missing_field",
        5: "bad_date",
        7: "empty",
        8: "bad_encoding",
        9: "bad_json",
    }
    for line, reason in expected.items():
        (row,) = why(store, f"{path}:{line}")
        assert row["status"] == "rejected" and row["reason"] == reason, (line, row)
    # the raw bytes are kept exactly, including the undecodable ones
    assert quarantined_raw(store, str(path), 8).startswith(
        good[3].replace(b'"title": "', b'"title": "\xff\xfe', 1)
    )
    assert "impossible date '2012-02-30'" in why(store, f"{path}:5")[0]["detail"]
    assert why(store, f"{path}:1")[0]["status"] == "stored"


def test_truncated_gzip_keeps_what_came_before(store, reader, tmp_path, mixed_records):
    full = _write_jsonl(tmp_path / "full.jsonl.gz", mixed_records, gz=True)
    data = full.read_bytes()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    s = ingest(store, [cut])
    assert s.reasons == {"truncated_gzip": 1}
    assert 0 < s.stored < len(mixed_records)
    rows = store.conn.execute("SELECT origin_line, message FROM quarantine").fetchall()
    assert rows[0][0] == s.stored + 1 and "ends early" in rows[0][1]


def test_huge_line_is_rejected_without_holding_the_batch(store, reader, tmp_path, mixed_records):
    big = dict(mixed_records[0], body="x" * (50 * 1024 * 1024))
    path = tmp_path / "big.jsonl"
    with open(path, "wb") as f:
        f.write(json.dumps(mixed_records[1]).encode() + b"\n")
        f.write(json.dumps(big).encode() + b"\n")
        f.write(json.dumps(mixed_records[2]).encode() + b"\n")
    s = ingest(store, [path])
    assert (s.stored, dict(s.reasons)) == (2, {"too_large": 1})
    (row,) = why(store, f"{path}:2")
    assert "exceeds max_record_bytes" in row["detail"]
    size = store.conn.execute("SELECT raw_size, length(raw) FROM quarantine").fetchone()
    assert size[0] > 50 * 1024 * 1024 and size[1] == size[0]  # kept whole (under quarantine_max_bytes)


def test_cli_exit_codes_and_messages(tmp_path, mixed_records):
    good = _write_jsonl(tmp_path / "good.jsonl", mixed_records[:3])
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(json.dumps(mixed_records[3]).encode() + b"\n{oops\n")
    db = str(tmp_path / "cli.db")
    run = [sys.executable, "-m", "tealeaves"]
    ok = subprocess.run([*run, "ingest", str(good), "--db", db], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "stored 3" in ok.stdout
    rej = subprocess.run([*run, "ingest", str(bad), "--db", db], capture_output=True, text=True)
    assert rej.returncode == 1
    assert f"rejected {bad}:2: bad_json: malformed JSON" in rej.stderr
    usage = subprocess.run(
        [*run, "ingest", str(tmp_path / "missing.jsonl"), "--db", db], capture_output=True, text=True
    )
    assert usage.returncode == 2 and "no such file" in usage.stderr
    w = subprocess.run([*run, "why", f"{bad}:2", "--db", db], capture_output=True, text=True)
    assert w.returncode == 0 and "rejected (bad_json)" in w.stdout


def _integrity(db) -> None:
    with Store(db) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table in ("fts", "fts_cjk"):  # the index agrees with the documents, row for row
            s.conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
        n_docs = s.count_docs()
        n_counted = s.conn.execute("SELECT coalesce(sum(n), 0) FROM day_counts").fetchone()[0]
        assert n_docs == n_counted


def _alive_with(marker: str) -> list[int]:
    """Pids of live processes whose command line mentions ``marker`` (a forked child shares it)."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmd = f.read()
            with open(f"/proc/{entry}/stat") as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker.encode() in cmd and state != "Z":
            pids.append(int(entry))
    return pids


def test_sigkill_mid_ingest_leaves_a_consistent_store_and_a_rerun_completes(tmp_path, sample_docs, reader):
    records = sample_docs
    # make the input big enough to be killed half-way: the sample, re-dated into 8 distinct copies
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for k in range(8):
            for r in records:
                f.write(json.dumps(dict(r, title=f"{r['title']} #{k}"), ensure_ascii=False) + "\n")
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "tealeaves", "ingest", str(path), "--db", str(db), "--batch-size", "200"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.05)
        if db.exists():
            try:
                with Store(db, readonly=True) as s:
                    if s.count_docs() > 2000:
                        break
            except Exception:  # the store may still be migrating
                continue
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # a reader process left behind notices the broken pipe and goes too
    deadline = time.time() + 20
    while _alive_with(str(db)) and time.time() < deadline:
        time.sleep(0.1)
    assert _alive_with(str(db)) == []
    with Store(db, readonly=True) as s:
        partial = s.count_docs()
    assert 0 < partial < len(records) * 8, "the kill should land half-way"
    _integrity(db)  # opening for writing also rebuilds the lookup indexes the bulk load had dropped
    with Store(db) as s:
        assert s.missing_bulk_indexes() == []
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with Store(db, readonly=True) as s:
        total = s.count_docs()
    clean = tmp_path / "clean.db"
    subprocess.run(
        [sys.executable, "-m", "tealeaves", "ingest", str(path), "--db", str(clean)],
        check=True,
        capture_output=True,
    )
    with Store(clean, readonly=True) as s:
        assert total == s.count_docs()
    _integrity(db)
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_batches_meeting_stored_documents_record_them_as_duplicates(store, tmp_path, mixed_records, reader):
    # a batch is first written as if nothing in it were stored; one that meets stored ids is redone
    first = _write_jsonl(tmp_path / "a.jsonl", mixed_records[:20])
    later = [
        dict(r, id=f"re-{i}", url=f"http://example.org/re/{i}") for i, r in enumerate(mixed_records[10:])
    ]
    second = _write_jsonl(tmp_path / "b.jsonl", later)
    assert ingest(store, [first]).stored == 20
    s = ingest(store, [second], batch_size=7)
    assert (s.stored, s.duplicate, s.already_stored) == (len(mixed_records) - 20, 10, 0)
    assert store.count_docs() == len(mixed_records)
    assert store.conn.execute("SELECT count(*) FROM duplicates").fetchone()[0] == 10
    assert why(store, "re-0")[0]["status"] == "duplicate"
    n_counted = store.conn.execute("SELECT sum(n) FROM day_counts").fetchone()[0]
    assert n_counted == len(mixed_records)
    store.conn.execute("INSERT INTO fts(fts, rank) VALUES ('integrity-check', 1)")


def test_a_failing_reader_process_is_reported_and_what_came_before_is_kept(
    store, tmp_path, mixed_records, monkeypatch
):
    monkeypatch.setenv("TEALEAVES_READER_PROCESS", "on")
    real = loader.iter_prepared

    def breaks_after_ten(*args):
        for n, item in enumerate(real(*args)):
            if n == 10:
                raise RuntimeError("simulated reader bug")
            yield item

    monkeypatch.setattr(loader, "iter_prepared", breaks_after_ten)
    monkeypatch.setattr(loader, "CHUNK", 5)  # records per message from the reader process
    path = _write_jsonl(tmp_path / "m.jsonl", mixed_records)
    with pytest.raises(StoreError, match=r"(?s)reading process failed.*simulated reader bug"):
        ingest(store, [path], batch_size=5)
    assert store.count_docs() == 10  # the two whole batches before the failure
