"""The extractors on real documents (tests/data/extract_samples.jsonl, see tests/data/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tealeaves.extract import Pipeline
from tealeaves.extract.eventdates import resolve
from tealeaves.model import Document

DATA = Path(__file__).parent / "data" / "extract_samples.jsonl"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    out = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        out[r["id"]] = Document.create(
            r["source"], r["published"], r["title"], r["body"], lang=r["lang"], ext_id=r["id"]
        )
    return out


def facts(pipeline, docs, ext_id):
    return pipeline(docs[ext_id])


def test_every_fact_is_a_span_of_the_canonical_text(pipeline, docs):
    for doc in docs.values():
        f = pipeline(doc)
        for kind in ("mention", "quote"):
            for x in f[kind]:
                assert doc.text[x.start : x.end] == x.text, (kind, x)
        for e in f["event"]:
            assert 0 <= e.start < e.end <= len(doc.text)
        for d in f["definition"]:
            assert doc.text[d.term_start : d.term_end] == d.term


def test_mentions_resolve_aliases_and_leave_unknown_names_unresolved(pipeline, docs):
    f = facts(pipeline, docs, "kcna-ft-2011-02-02-0001")
    by_text = {m.text: m for m in f["mention"]}
    assert by_text["Kim Jong Il"].entity == "kim-jong-il"
    assert by_text["Central Military Commission of the WPK"].entity == "wpk-cmc"
    assert by_text["KPA Unit 6556"].entity is None and by_text["KPA Unit 6556"].label == "ORG"
    assert by_text["Political Bureau of the C.C., the WPK"].entity == "wpk-politburo"


def test_glued_names_of_the_kcna_kp_pages_are_found(pipeline, docs):
    f = facts(pipeline, docs, "kcnakp-0bd5b907e886f06f")
    assert any(m.entity == "kim-jong-un" for m in f["mention"])


def test_appearance_with_weekday_date_and_accompanying_officials(pipeline, docs):
    f = facts(pipeline, docs, "kcna-ft-2011-02-02-0001")
    [ev] = [e for e in f["event"] if e.type == "appearance"]
    assert ev.actor == "kim-jong-il" and ev.subtype == "inspection"
    assert ev.start == 0  # the headline reports it first
    names = {p["entity"] for p in ev.participants}
    assert {"kim-jong-un", "jang-song-thaek"} <= names


def test_headline_appearance_and_announcements(pipeline, docs):
    [ev] = facts(pipeline, docs, "kcna-hl-2012-08-28-0028")["event"]
    assert (ev.actor, ev.subtype, ev.site, ev.date) == (
        "kim-jong-un",
        "inspection",
        "KPA Unit 318",
        "2012-08-28",
    )
    assert facts(pipeline, docs, "kcna-hl-2011-08-25-0055")["event"] == []  # "to Visit": not yet
    assert facts(pipeline, docs, "kcna-hl-2012-09-13-0036")["event"] == []  # greetings are not an appearance


def test_meeting_held_with_weekday_and_place(pipeline, docs):
    [m] = [e for e in facts(pipeline, docs, "kcna-ft-2011-09-08-0004")["event"] if e.type == "meeting"]
    assert m.subtype == "held" and "meeting" in m.name.lower()
    assert m.date == "2011-09-08" and m.date_basis == "weekday"  # "on Thursday", published Thursday


def test_headline_attribution_is_a_quote_of_the_paper_itself(pipeline, docs):
    [q] = facts(pipeline, docs, "kcna-hl-2014-07-26-0007")["quote"]
    assert (q.speaker_kind, q.speaker_entity, q.cue, q.direct) == ("self", "rodong-sinmun", ":", False)
    assert q.text == "U.S. Should Not Forget Disgraceful Defeat in War"


def test_reported_speech_takes_the_named_speaker_before_an_appositive(pipeline, docs):
    qs = facts(pipeline, docs, "kcna-ft-2011-09-08-0004")["quote"]
    assert qs and qs[0].speaker_entity == "choe-yong-rim" and qs[0].speaker_kind == "named"
    # "The reporter referred to ...", "He noted ...", "The reporter went on to say:": the man who spoke
    # "in his report", not the President named inside the reporter's clause
    assert [q.speaker_name for q in qs[:4]] == ["Choe Yong Rim"] * 4


def test_abbreviation_in_parentheses_is_a_definition(pipeline, docs):
    defs = facts(pipeline, docs, "kcnakp-161cc2a74b7da8b6")["definition"]
    assert any(d.term == "WPK" and d.pattern == "abbreviation" for d in defs)


@pytest.mark.parametrize(
    "sentence,published,future,expected",
    [
        ("Kim Jong Un visited the farm on Sunday.", "2012-09-17", False, ("2012-09-16", "weekday")),
        ("He Saturday visited the bier.", "2011-12-24", False, ("2011-12-24", "weekday")),
        ("The meeting took place on Dec. 31.", "2013-01-02", False, ("2012-12-31", "stated")),
        ("It will open on Friday.", "2012-04-10", True, ("2012-04-13", "weekday")),
        ("A national meeting was held.", "2012-04-10", False, ("2012-04-10", "published")),
    ],
)
def test_event_dates_resolve_against_publication(sentence, published, future, expected):
    assert resolve(sentence, published, future) == expected


def test_titles_stand_for_the_leader_of_their_period(pipeline):
    doc = Document.create(
        "KCNA", "2013-05-01", "Test", "The respected Marshal inspected the unit. Marshal Kim Jong Un came."
    )
    ms = pipeline(doc)["mention"]
    assert [(m.text, m.entity, m.method) for m in ms][:1] == [("Marshal", "kim-jong-un", "title")]
    assert sum(m.entity == "kim-jong-un" for m in ms) == 2  # the title alone, and the name (not its title)
    old = Document.create("KCNA", "2005-05-01", "Test", "The respected Marshal inspected the unit.")
    assert not any(m.method == "title" for m in pipeline(old)["mention"])


def test_the_accompanied_gate_holds_a_word_of_every_phrase():
    # a document holding none of the gate's words cannot match the accompanied-by phrases, so the
    # per-sentence search is skipped only where it would find nothing
    from tealeaves.extract.kb import phrase_gate

    kb = Pipeline().kb
    assert kb.accompanied_gate
    assert phrase_gate(["was accompanied by", "present were"]) == ("accompanied", "present")
    for phrase in ("accompanied by", "were present", "also attended", "together with"):
        assert kb.accompanied_re.search(f"He visited. X {phrase} Y.")
        assert any(g in phrase for g in kb.accompanied_gate)
    assert kb.meeting_noun_gate
    for noun in ("meeting", "plenary meeting", "symposium", "reunión"):
        assert kb.meeting_noun_re.search(f"A {noun} was held.")
        assert any(g in noun.lower() for g in kb.meeting_noun_gate)


def test_lower_twins_find_what_the_case_blind_pattern_finds():
    # a case-blind pattern written in lower case runs case-sensitively over the lower-cased text (faster);
    # one with a capital, or a character given by its code, has no twin
    import re

    from tealeaves.extract.kb import lower_twin

    rx = re.compile(r"(?<!\S)(?P<verb>gave field guidance|inspected)(?P=verb)?(?![\w-])", re.IGNORECASE)
    twin = lower_twin(rx)
    assert twin is not None and not twin.flags & re.IGNORECASE
    text = "Kim Jong Un Gave Field Guidance at a farm. He INSPECTED a mill; he reinspected nothing."
    assert [m.span() for m in twin.finditer(text.lower())] == [m.span() for m in rx.finditer(text)]
    assert [m.lastgroup for m in twin.finditer(text.lower())] == ["verb", "verb"]
    # a text whose lower-casing changes its length ("İ" is two characters in lower case) is searched as it is
    from tealeaves.extract.kb import blind_finditer

    odd = "İzmir: Kim Jong Un INSPECTED a farm."
    assert [m.span() for m in blind_finditer(rx, twin, odd, odd.lower())] == [
        m.span() for m in rx.finditer(odd)
    ]
    assert [m.span() for m in blind_finditer(rx, twin, text, text.lower())] == [
        m.span() for m in rx.finditer(text)
    ]
    for pattern in (r"[A-Z]\w+ said", r"\x41 said", r"Said", "\\\\S"):
        assert lower_twin(re.compile(pattern, re.IGNORECASE)) is None, pattern
    # the packs' appearance verbs, meeting words and title patterns all have one
    kb = Pipeline().kb
    for name in ("appear_lower_re", "meeting_noun_lower_re", "held_lower_re", "titles_lower_re"):
        assert getattr(kb, name) is not None, name
