"""Search and timelines checked against a brute-force reading of the same documents."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter

import pytest

from tealeaves.analyze.first import first_use
from tealeaves.analyze.terms import term_query
from tealeaves.analyze.timeline import period_key, timeline
from tealeaves.errors import UsageError
from tealeaves.model import Document
from tealeaves.store.query import Query
from tealeaves.store.search import Filters, count, day_histogram, search

_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """What unicode61 remove_diacritics=2 sees: lower-case word runs without diacritics."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return [t for t in _WORD.findall(folded.replace("_", " "))]


def has_phrase(text: str, phrase: str) -> bool:
    toks, want = tokens(text), tokens(phrase)
    return any(toks[i : i + len(want)] == want for i in range(len(toks) - len(want) + 1))


@pytest.fixture(scope="module")
def all_docs(sample_docs):
    out = []
    for r in sample_docs:
        d = Document.create(r["source"], r["published"], r["title"], r["body"], r["url"], r["lang"], r["id"])
        out.append(d)
    return list({d.id: d for d in out}.values())


@pytest.fixture(scope="module")
def docs(all_docs):
    """What the word index holds: everything but the Korean documents (those are in the trigram index)."""
    return [d for d in all_docs if d.lang != "ko"]


PHRASES = [
    "Arduous March",
    "Kanggye",
    "self-reliance",
    "Kim Jong Il",
    "Masikryong",
    "Wonsan",
    "juche idea",
    "south Korean puppets",
    "anti-Japanese",
    "Kim Il Sung University",
]


@pytest.mark.parametrize("phrase", PHRASES)
def test_phrase_counts_match_brute_force(sample_store, docs, phrase):
    expected = sum(has_phrase(d.title + " " + d.body, phrase) for d in docs)
    assert expected > 0
    assert count(sample_store, Query.parse(f'"{phrase}"')) == expected


def test_boolean_operators(sample_store, docs):
    def n(q):
        return count(sample_store, Query.parse(q))

    def brute(pred):
        return sum(pred(d.title + " " + d.body) for d in docs)

    assert n("Kanggye AND spirit") == brute(lambda t: has_phrase(t, "kanggye") and has_phrase(t, "spirit"))
    assert n("Kanggye OR Masikryong") == brute(
        lambda t: has_phrase(t, "kanggye") or has_phrase(t, "masikryong")
    )
    assert n("Kanggye -spirit") == brute(lambda t: has_phrase(t, "kanggye") and not has_phrase(t, "spirit"))
    assert n("Kanggye NOT spirit") == n("Kanggye -spirit")
    prefix = brute(lambda t: any(tok.startswith("masik") for tok in tokens(t)))
    assert n("masik*") == prefix > 0


def test_filters_and_sort(sample_store, docs):
    q = Query.parse('"Kim Jong Il"')
    f = Filters(langs=("en",), date_from=dt.date(2011, 1, 1), date_to=dt.date(2011, 12, 31))
    expected = [
        d
        for d in docs
        if d.lang == "en"
        and d.published.startswith("2011")
        and has_phrase(d.title + " " + d.body, "Kim Jong Il")
    ]
    assert count(sample_store, q, f) == len(expected)
    hits = search(sample_store, q, f, sort="date", limit=500)
    assert len(hits) == len(expected)
    dates = [h.published for h in hits]
    assert dates == sorted(dates, reverse=True)
    asc = search(sample_store, q, f, sort="date-asc", limit=5)
    assert [h.published for h in asc] == sorted(dates)[:5]
    # paging walks the same list
    page2 = search(sample_store, q, f, sort="date", limit=10, offset=10)
    assert [h.id for h in page2] == [h.id for h in hits[10:20]]
    # source filter: only Rodong Sinmun
    rs = search(sample_store, q, Filters(sources=("rodong sinmun",)), limit=100)
    assert rs and {h.source for h in rs} == {"Rodong Sinmun"}
    assert len(rs) == sum(
        d.source == "Rodong Sinmun" and has_phrase(d.title + " " + d.body, "Kim Jong Il") for d in docs
    )


def test_relevance_snippets_highlight_the_match(sample_store):
    hits = search(sample_store, Query.parse('"arduous march"'), limit=10)
    assert hits
    for h in hits:
        marked = re.findall("\x02(.*?)\x03", h.snippet)
        assert marked and all(set(tokens(m)) <= {"arduous", "march"} for m in marked), h.snippet
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_unknown_source_lists_the_valid_ones(sample_store):
    with pytest.raises(UsageError) as e:
        search(sample_store, Query.parse("kanggye"), Filters(sources=("Xinhua",)))
    assert "KCNA" in str(e.value) and "Rodong Sinmun" in str(e.value)


def test_korean_trigram_and_short_terms(sample_store, sample_docs):
    ko = [r for r in sample_docs if r["lang"] == "ko"]
    for term in ["고난의 행군", "자력갱생", "강계", "만리마"]:
        expected = sum(term in (r["title"] + "\n\n" + r["body"].strip()) for r in ko)
        got = count(sample_store, term_query(term))
        assert got == expected, term
    hits = search(sample_store, term_query("만리마"), limit=5)
    assert hits and all("만리마" in h.snippet.replace("\x02", "").replace("\x03", "") for h in hits)


def test_timeline_counts_and_shares(sample_store, docs, all_docs):
    points = timeline(sample_store, [("Kanggye", term_query("Kanggye"))], by="year")
    by_period = {p.period: p for p in points}
    per_year = Counter(d.published[:4] for d in all_docs)
    hits = Counter(d.published[:4] for d in docs if has_phrase(d.title + " " + d.body, "kanggye"))
    for year, n in hits.items():
        assert by_period[year].count == n
    # denominators count every document of the year, Korean ones included
    assert by_period["2011"].total == per_year["2011"]
    assert by_period["2011"].share == pytest.approx(hits["2011"] / per_year["2011"])
    # every year from the first to the last document is listed, gaps with zero
    years = [p.period for p in points]
    assert years == [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]


def test_timeline_periods_and_source_split(sample_store):
    q = term_query("Arduous March")
    weeks = timeline(
        sample_store,
        [("am", q)],
        by="week",
        filters=Filters(date_from=dt.date(2011, 1, 1), date_to=dt.date(2011, 3, 31)),
    )
    assert weeks[0].period == "2010-W52" and all(re.fullmatch(r"\d{4}-W\d\d", p.period) for p in weeks)
    split = timeline(sample_store, [("am", q)], by="year", split_sources=True)
    per_source = Counter()
    for p in split:
        per_source[p.source] += p.count
    assert per_source["KCNA"] + per_source["Rodong Sinmun"] == count(sample_store, q)
    assert sum(day_histogram(sample_store, q).values()) == count(sample_store, q)


def test_period_keys():
    d = dt.date(2012, 1, 1)
    assert [period_key(d, b) for b in ("year", "month", "week", "day")] == [
        "2012",
        "2012-01",
        "2011-W52",
        "2012-01-01",
    ]


def test_first_use_finds_the_earliest_sentence_and_flags_coverage(sample_store, docs):
    fu = first_use(sample_store, "Arduous March", term_query("Arduous March"))
    earliest = sorted(
        (d for d in docs if has_phrase(d.title + " " + d.body, "arduous march")), key=lambda d: d.published
    )
    assert fu.hits[0].published == earliest[0].published
    assert has_phrase(fu.hits[0].sentence, "arduous march")
    assert "\x02" in fu.hits[0].marked
    kcna = fu.per_source["KCNA"]
    assert kcna.coverage_start == min(d.published for d in docs if d.source == "KCNA")
    assert kcna.near_coverage_start
    assert any("KCNA" in w for w in fu.warnings)
    rs = fu.per_source["Rodong Sinmun"]
    assert not rs.near_coverage_start  # 2022, long after that source's coverage begins (2021-06)


def test_first_use_sentence_comes_from_the_body(sample_store):
    fu = first_use(sample_store, "Masikryong speed", term_query("Masikryong speed"))
    assert fu.hits, "the sample has Masikryong speed in full-text stories"
    h = fu.hits[0]
    assert has_phrase(h.sentence, "masikryong speed") and len(h.sentence) < 600


def _cli(*args, db):
    r = subprocess.run(
        [sys.executable, "-m", "tealeaves", *args, "--db", str(db)], capture_output=True, text=True
    )
    return r


def test_cli_json_interfaces(_sample_db):
    r = _cli("search", '"arduous march"', "--format", "json", "--limit", "3", db=_sample_db)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert len(rows) == 3 and {"id", "source", "published", "title", "snippet"} <= set(rows[0])
    assert "<mark>" in rows[0]["snippet"]
    r = _cli("timeline", "Kanggye", "Arduous March", "--by", "month", "--format", "json", db=_sample_db)
    rows = json.loads(r.stdout)
    assert {"term", "period", "count", "share"} <= set(rows[0])
    assert {r["term"] for r in rows} == {"Kanggye", "Arduous March"}
    assert re.fullmatch(r"\d{4}-\d\d", rows[0]["period"])
    r = _cli("first", "Kanggye", "--format", "json", db=_sample_db)
    rows = json.loads(r.stdout)
    assert {"id", "published", "source", "sentence"} <= set(rows[0])
    r = _cli("timeline", "Kanggye", "--format", "csv", db=_sample_db)
    assert r.stdout.splitlines()[0] == "term,period,count,total,share"
    r = _cli("show", rows[0]["id"][:10], db=_sample_db)
    assert r.returncode == 0 and "Kanggye" in r.stdout


def test_cli_bad_query_is_one_line(_sample_db):
    r = _cli("search", '"unbalanced', db=_sample_db)
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "Traceback" not in r.stderr
    assert "unbalanced quote" in r.stderr
    r = _cli("search", "x", "--from", "2012-13-01", db=_sample_db)
    assert r.returncode == 2 and "impossible date" in r.stderr


def test_cli_plot(tmp_path, _sample_db):
    for ext in ("png", "svg"):
        out = tmp_path / f"chart.{ext}"
        r = _cli("timeline", "Kanggye", "Arduous March", "--by", "year", "--plot", str(out), db=_sample_db)
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 5000
    assert (tmp_path / "chart.svg").read_text().count("<path") > 10


def test_missing_store_is_a_clear_error(tmp_path):
    r = _cli("search", "x", db=tmp_path / "nope.db")
    assert r.returncode == 1 and "no store at" in r.stderr and "tealeaves ingest" in r.stderr


def test_spanish_accents_are_folded_both_ways(sample_store, docs):
    """The Spanish texts are partly ASCII-folded by their packager: 'crimenes' must find 'crímenes' too."""
    pairs = [("crímenes", "crimenes"), ("jamás", "jamas"), ("Termoeléctrico", "Termoelectrico")]
    for accented, plain in pairs:
        expected = sum(has_phrase(d.title + " " + d.body, plain) for d in docs)
        assert expected >= 1
        got = count(sample_store, Query.parse(accented)), count(sample_store, Query.parse(plain))
        assert got == (expected, expected)
