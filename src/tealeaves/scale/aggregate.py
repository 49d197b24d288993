"""Per-period aggregations behind timelines, as Spark jobs over the Parquet interchange format.

- ``aggregates/day_counts``: documents per day, source and language (the denominators of timeline shares;
  the store keeps the same numbers in its ``day_counts`` table).
- ``aggregates/fact_counts``: facts and distinct documents per month, fact table and key value (an
  entity, actor, speaker, type or label), e.g. mentions of an entity per month, appearances per actor.
- :func:`spark_timeline`: documents mentioning each phrase per period and the share of all documents,
  the numbers ``tealeaves timeline`` computes from the full-text index, computed by Spark from the text.

Phrases are matched the way the store's full-text index matches them: the FTS5 ``unicode61`` tokenizer
(letters and digits, case and diacritics folded) within the title or within the body; a phrase written in
Hangul, kana or Han matches as a substring of documents written mostly in those scripts (the store's
trigram index).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from tealeaves.analyze.terms import term_query
from tealeaves.analyze.timeline import PERIODS, TimelinePoint, all_periods, period_key
from tealeaves.dates import first_day
from tealeaves.errors import UsageError
from tealeaves.ingest.lang import cjk_share
from tealeaves.store.parquet import PARTITION, read_manifest

KEY_FIELDS = ("entity", "actor", "speaker_entity", "term", "type", "subtype", "label")


@lru_cache(maxsize=65536)
def _fold(ch: str) -> str:
    """One character as unicode61 sees it: '' for a separator, else the case- and accent-folded form."""
    cat = unicodedata.category(ch)
    if not (cat[0] in "LN" or cat == "Co"):
        return ""
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return (base or ch).lower()


def tokens(text: str) -> list[str]:
    """Tokens of ``text`` as the FTS5 unicode61 tokenizer (remove_diacritics 2) produces them."""
    out, cur = [], []
    for ch in text:
        f = _fold(ch)
        if f:
            cur.append(f)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def _has_run(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    first = needle[0]
    return any(t == first and hay[i : i + n] == needle for i, t in enumerate(hay))


class PhraseMatcher:
    """Which of a list of phrases a document contains, as the store's full-text index would say."""

    def __init__(self, terms: list[str]):
        self.terms = terms
        self.plans: list[tuple[str, bool, list[str]]] = []
        for t in terms:
            q = term_query(t)
            node = q.node
            if not getattr(node, "phrase", False):
                raise UsageError(
                    f"{t!r}: the Spark timeline takes plain phrases (words), not query syntax; "
                    "use `tealeaves timeline` on a store for queries"
                )
            if q.cjk:
                self.plans.append((t, True, [node.text.lower()]))
            else:
                toks = tokens(node.text)
                if not toks:
                    raise UsageError(f"{t!r}: nothing searchable in this phrase")
                self.plans.append((t, False, toks))

    def __call__(self, title: str, body: str) -> list[str]:
        cjk = cjk_share(title + body[:2000]) > 0.3
        hits = []
        tt = bt = None
        for label, is_cjk, needle in self.plans:
            if is_cjk != cjk:
                continue
            if is_cjk:
                if needle[0] in title.lower() or needle[0] in body.lower():
                    hits.append(label)
                continue
            if tt is None:
                tt, bt = tokens(title), tokens(body)
            if _has_run(tt, needle) or _has_run(bt, needle):
                hits.append(label)
        return hits


def _day(published: str) -> int:
    return first_day(published).toordinal()


class _TermDays:
    def __init__(self, matcher: PhraseMatcher):
        self.matcher = matcher

    def __call__(self, rows: Iterator) -> Iterator[tuple[tuple[int, str], int]]:
        for r in rows:
            day = _day(r["published"])
            yield (day, ""), 1  # the denominator
            for label in self.matcher(r["title"] or "", r["body"] or ""):
                yield (day, label), 1


def spark_timeline(
    input_dir: str | Path, terms: list[str], *, by: str = "month", master: str | None = "local[2]"
) -> list[TimelinePoint]:
    """Documents mentioning each phrase per period (and all documents), computed by Spark."""
    from tealeaves.scale.spark import spark_session

    if by not in PERIODS:
        raise UsageError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")
    inp = str(input_dir).rstrip("/")
    if "://" not in inp:
        read_manifest(Path(inp))
    matcher = PhraseMatcher(terms)
    spark = spark_session(master)
    docs = spark.read.parquet(f"{inp}/docs").select("published", "title", "body")
    if docs.rdd.getNumPartitions() < spark.sparkContext.defaultParallelism:
        docs = docs.repartition(spark.sparkContext.defaultParallelism)
    per_day = docs.rdd.mapPartitions(_TermDays(matcher)).reduceByKey(lambda a, b: a + b).collect()
    return _points(per_day, terms, by)


def _points(per_day: list[tuple[tuple[int, str], int]], terms: list[str], by: str) -> list[TimelinePoint]:
    totals: dict[str, int] = {}
    counts: dict[tuple[str, str], int] = {}
    days = [d for (d, label), _ in per_day if label == ""]
    if not days:
        return []
    for (day, label), n in per_day:
        p = period_key(dt.date.fromordinal(day), by)
        if label == "":
            totals[p] = totals.get(p, 0) + n
        else:
            counts[(label, p)] = counts.get((label, p), 0) + n
    periods = all_periods(dt.date.fromordinal(min(days)), dt.date.fromordinal(max(days)), by)
    return [TimelinePoint(t, p, counts.get((t, p), 0), totals.get(p, 0)) for t in terms for p in periods]


DAY_COUNTS = "aggregates/day_counts"
FACT_COUNTS = "aggregates/fact_counts"
DAY_COLUMNS = [
    ("day", "string", False),
    ("source", "string", False),
    ("lang", "string", False),
    ("n", "int64", False),
]
FACT_COUNT_COLUMNS = [
    ("table", "string", False),
    ("field", "string", False),
    ("value", "string", False),
    ("facts", "int64", False),
    ("docs", "int64", False),
]


def doc_key(doc) -> tuple[str, str, str]:
    """(day, source, lang) of a document, the key of ``day_counts``."""
    return first_day(doc.published).isoformat(), doc.source, doc.lang or ""


def write_aggregates(spark, out, outp: str, tables: dict) -> dict[str, int]:
    """Reduce the extraction output ``out`` (an RDD of (table, row)) to day_counts and fact_counts.

    Both come from the rows already computed (no second pass over the documents); both are written as
    Parquet under ``outp/aggregates/`` (fact_counts partitioned by month). Returns their row counts.
    """
    from tealeaves.scale.spark import spark_schema

    days = out.filter(lambda x: x[0] == "_doc").map(lambda x: (x[1], 1)).reduceByKey(lambda a, b: a + b)
    days = days.map(lambda kv: (*kv[0], kv[1])).cache()
    counts = {DAY_COUNTS: days.count()}
    schema = spark_schema(DAY_COLUMNS)
    spark.createDataFrame(days, schema=type(schema)(schema.fields[:-1])).write.mode("overwrite").parquet(
        f"{outp}/{DAY_COUNTS}"
    )
    keyed = []
    for name, cols in tables.items():
        idx = [(i, c) for i, (c, t, _) in enumerate(cols) if c in KEY_FIELDS and t == "string"]
        if name.startswith("facts/") and idx:
            keyed.append((name, idx))
    if keyed:
        facts = out.flatMap(_FactKeys(dict(keyed))).reduceByKey(lambda a, b: a + b)
        facts = facts.map(lambda kv: (kv[0][:-1], (kv[1], 1)))
        facts = facts.reduceByKey(lambda a, b: (a[0] + b[0], a[1] + b[1]))
        facts = facts.map(lambda kv: (*kv[0][1:], *kv[1], kv[0][0])).cache()
        counts[FACT_COUNTS] = facts.count()
        df = spark.createDataFrame(facts, schema=spark_schema(FACT_COUNT_COLUMNS))
        df.write.partitionBy(PARTITION).mode("overwrite").parquet(f"{outp}/{FACT_COUNTS}")
    return counts


class _FactKeys:
    """(table, row + month) -> ((month, table, field, value, doc_id), 1) for every key field of the row."""

    def __init__(self, keyed: dict[str, list[tuple[int, str]]]):
        self.keyed = keyed

    def __call__(self, item):
        table, row = item
        idx = self.keyed.get(table)
        if not idx:
            return
        for i, field in idx:
            if row[i] is not None:
                yield (row[-1], table.split("/", 1)[1], field, row[i], row[0]), 1
