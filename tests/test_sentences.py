"""Sentences on the corpora's real defects (KCNA 2011-12 bodies joined with ", ," and "\\r", headlines)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tealeaves.extract.sentences import split_sentences
from tealeaves.model import Document

DATA = Path(__file__).parent / "data"


def _docs() -> list[Document]:
    out = []
    for name in ("extract_samples.jsonl", "mixed.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out.append(Document.create(r["source"], r["published"], r["title"], r["body"]))
    return out


def test_real_bodies_split_without_debris():
    docs = _docs()
    assert any(", ," in d.body for d in docs)  # the defect is really there
    for d in docs:
        sents = split_sentences(d.text, title_len=len(d.title))
        if d.title:
            assert d.text[sents[0].start : sents[0].end] == d.title  # the headline is a sentence of its own
        for s in sents:
            t = d.text[s.start : s.end]
            assert ", ," not in t and "\r" not in t, t
            assert not t.startswith((",", " ")) and not t.endswith((",", " ")), t
        assert all(a.end <= b.start for a, b in itertools.pairwise(sents))


def test_lost_paragraph_breaks_abbreviations_and_quotes():
    body = (
        "Kim Jong Il, general secretary of the C.C., the WPK, met Gen. Ri on Dec. 5 in the U.S. embassy.,  "
        "The message said:, ,  I extend greetings to you., , ,  "
        'He said: "We will win. The day is near." Then he left.'
        ", , ,  , , , , , , , , ,"
    )
    doc = Document.create("KCNA", "2011-12-06", "Headline Without Punctuation", body)
    got = [doc.text[s.start : s.end] for s in split_sentences(doc.text, title_len=len(doc.title))]
    assert got == [
        "Headline Without Punctuation",
        "Kim Jong Il, general secretary of the C.C., the WPK, met Gen. Ri on Dec. 5 in the U.S. embassy.",
        "The message said:",
        "I extend greetings to you.",
        'He said: "We will win. The day is near."',
        "Then he left.",
    ]


def test_ago_ends_a_sentence_but_the_spanish_month_does_not():
    # "since long time ago.,  Ram Baran Yadav said" (kcna-ft-2011-01-08-0010): the English word ends the
    # sentence; "ago." before a year is the Spanish month
    body = (
        "They have been friends since long time ago.,  Ram Baran Yadav said this. It was years ago. "
        "Then he left."
    )
    doc = Document.create("KCNA", "2011-01-08", "", body)
    got = [doc.text[s.start : s.end] for s in split_sentences(doc.text, title_len=0)]
    assert got == [
        "They have been friends since long time ago.",
        "Ram Baran Yadav said this.",
        "It was years ago.",
        "Then he left.",
    ]
    es = Document.create("KCNA", "2011-08-20", "", "Llego el 15 de ago. 2011 a Pyongyang.")
    assert len(split_sentences(es.text, title_len=0)) == 1


@given(st.text(alphabet=st.sampled_from(list('ab .,\r\n"?!ABC')), max_size=200))
def test_spans_are_ordered_and_inside_the_text(text):
    spans = split_sentences(text)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
