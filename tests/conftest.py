"""Shared fixtures: stores built from real samples (the bundled sample and tests/data)."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from tealeaves.data import sample_path
from tealeaves.store import Store
from tealeaves.store.loader import ingest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def sample_docs() -> list[dict]:
    with gzip.open(sample_path(), "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="session")
def _sample_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with Store(path) as store:
        summary = ingest(store, [sample_path()])
        assert summary.rejected == 0
    return path


@pytest.fixture
def sample_store(_sample_db) -> Store:
    """A read-only view of the bundled sample, ingested once per session."""
    store = Store(_sample_db, readonly=True)
    yield store
    store.close()


@pytest.fixture
def sample_db_copy(_sample_db, tmp_path) -> Path:
    """A private, writable copy of the sample store."""
    dst = tmp_path / "copy.db"
    with Store(_sample_db) as s:
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(_sample_db, dst)
    return dst


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "t.db")
    yield s
    s.close()


@pytest.fixture
def mixed_records() -> list[dict]:
    return [json.loads(line) for line in (DATA / "mixed.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def facts_db(_sample_db, tmp_path_factory) -> Path:
    """The bundled sample with its facts extracted and its term index built (once per session)."""
    from tealeaves.analyze import termindex
    from tealeaves.store.facts import run_extract

    path = tmp_path_factory.mktemp("facts") / "facts.db"
    with Store(_sample_db) as s:
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(_sample_db, path)
    with Store(path) as store:
        run_extract(store)
        termindex.refresh(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path
