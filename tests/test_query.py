import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tealeaves.errors import QueryError
from tealeaves.store.query import Query


@pytest.mark.parametrize(
    ("text", "fts"),
    [
        ("kanggye", '"kanggye"'),
        ('"arduous march"', '"arduous march"'),
        ("Kim Jong-un", '("Kim" AND "Jong-un")'),
        ("party AND congress", '("party" AND "congress")'),
        ("party OR congress", '("party" OR "congress")'),
        ("party NOT congress", '("party" NOT "congress")'),
        ("party -congress", '("party" NOT "congress")'),
        ("juche*", '"juche"*'),
        ("a OR b c", '("a" OR ("b" AND "c"))'),
        ("(a OR b) c", '(("a" OR "b") AND "c")'),
        ("title:kanggye", 'title : "kanggye"'),
        ("title:(a OR b)", '(title : "a" OR title : "b")'),
        ("U.S.", '"U.S."'),
    ],
)
def test_compiles(text, fts):
    assert Query.parse(text).fts == fts


@pytest.mark.parametrize(
    ("text", "msg"),
    [
        ("", "empty query"),
        ('"arduous march', "unbalanced quote"),
        ("(a OR b", "unbalanced parenthesis"),
        ("a OR", "ends where"),
        ("NOT x", "NOT needs"),
        ("-x", "cannot start with an exclusion"),
        ("a )", "unexpected"),
        ("&&", "nothing searchable"),
        ("x" * 2000, "limit"),
    ],
)
def test_bad_queries_explain(text, msg):
    with pytest.raises(QueryError) as e:
        Query.parse(text)
    assert msg in str(e.value)
    assert "\n" not in str(e.value)


def test_terms_exclude_negated():
    q = Query.parse('"arduous march" -famine OR kanggye')
    assert [t.text for t in q.terms] == ["arduous march", "kanggye"]


def test_cjk_routing():
    assert Query.parse("고난의 행군").cjk
    assert Query.parse("강계").short_cjk
    assert not Query.parse("Kanggye").cjk


@pytest.fixture(scope="module")
def fts():
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE f USING fts5(title, body, meta, tokenize='unicode61 remove_diacritics 2')"
    )
    conn.execute("INSERT INTO f VALUES ('Arduous March', 'the spirit of Kanggye', 'xs1')")
    return conn


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "()*-:ANDORNOTtile.,&강계')), max_size=30))
def test_any_text_is_a_query_or_a_query_error(fts, text):
    """Whatever a user types either parses into valid FTS5 or raises QueryError: never a crash."""
    try:
        q = Query.parse(text)
    except QueryError:
        return
    fts.execute("SELECT rowid FROM f WHERE f MATCH ?", ("{title body} : (" + q.fts + ")",)).fetchall()
