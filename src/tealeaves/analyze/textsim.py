"""Text similarity primitives shared by near-duplicates, story clusters and related articles.

Tokens are lower-cased runs of letters and digits (any script); a document's vector is TF-IDF over
title (counted twice: headlines carry the event) and body tokens, L2-normalised and cut to its strongest
terms. Everything here is a pure function of the texts and document frequencies.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "which",
        "will",
        "with",
        "who",
        "de",
        "del",
        "el",
        "en",
        "la",
        "las",
        "los",
        "por",
        "que",
        "se",
        "un",
        "una",
        "y",
        "said",
        "also",
        "they",
        "them",
        "there",
        "these",
        "those",
        "not",
        "no",
        "than",
        "other",
        "after",
        "over",
        "under",
        "between",
        "during",
    ]
)
Vector = dict[str, float]


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOP and (len(w) > 1 or not w.isascii())]


def norm_title(title: str) -> str:
    return " ".join(words(title))


def shingles(tokens: list[str], k: int = 5) -> set[str]:
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


def term_counts(title: str, body: str) -> Counter:
    c = Counter(content_words(body))
    for w in content_words(title):
        c[w] += 2
    return c


def tfidf(counts: Counter, df: dict[str, int], n_docs: int, top: int = 80) -> Vector:
    """L2-normalised TF-IDF (sublinear tf), keeping the ``top`` strongest terms."""
    v = {t: (1 + math.log(c)) * math.log((n_docs + 1) / (df.get(t, 0) + 1)) for t, c in counts.items()}
    best = sorted(v.items(), key=lambda kv: -kv[1])[:top]
    norm = math.sqrt(sum(x * x for _, x in best)) or 1.0
    return {t: x / norm for t, x in best if x > 0}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def add_into(acc: dict[str, float], v: Vector, top: int = 150) -> Vector:
    """Add ``v`` into a running centroid sum and return the normalised, truncated centroid."""
    for t, x in v.items():
        acc[t] = acc.get(t, 0.0) + x
    best = sorted(acc.items(), key=lambda kv: -kv[1])[:top]
    norm = math.sqrt(sum(x * x for _, x in best)) or 1.0
    return {t: x / norm for t, x in best}


def doc_freqs(token_sets: Iterable[Iterable[str]]) -> Counter:
    df: Counter = Counter()
    for ts in token_sets:
        df.update(set(ts))
    return df
