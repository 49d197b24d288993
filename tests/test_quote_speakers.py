"""Quote speakers through the within-document coreference, on real documents none of the gold sets holds
(tests/data/quote_samples.jsonl, see tests/data/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tealeaves.extract import Pipeline
from tealeaves.extract.sentences import clean_text
from tealeaves.model import Document

DATA = Path(__file__).parent / "data" / "quote_samples.jsonl"


@pytest.fixture(scope="module")
def quotes_of():
    pipeline = Pipeline()
    docs = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        docs[r["id"]] = Document.create(
            r["source"], r["published"], r["title"], r["body"], lang=r["lang"], ext_id=r["id"]
        )

    def get(ext_id):
        return pipeline(docs[ext_id])["quote"]

    return get


def _who(quotes, cue):
    return [(q.speaker_text, q.speaker_kind, q.speaker_name) for q in quotes if q.cue == cue]


def test_pronouns_chain_past_openers_to_the_person_named(quotes_of):
    # "First of all, he looked round ...": an opener, not a description; every "he" is the President
    qs = quotes_of("kcnakp-cdcf34b9a7d520b5")
    assert qs and all(q.speaker_name == "Kim Il Sung" and q.speaker_kind == "named" for q in qs)
    # "He suggested instituting the party emblem and told officials to have its design drawn" is a
    # request, not speech; the "He said" after it is still Kim Il Sung
    qs = quotes_of("kcna-ft-2011-10-08-0014")
    assert not any("design drawn" in q.text for q in qs)
    assert {q.speaker_name for q in qs if q.cue == "said"} == {"Kim Il Sung"}


def test_head_of_the_delegation_is_the_person_it_is_led_by(quotes_of):
    qs = quotes_of("kcna-ft-2012-09-08-0011")
    assert _who(qs, "said")[0] == ("head of the delegation", "named", "Joaquin Quintas Sola")
    assert all(q.speaker_name == "Joaquin Quintas Sola" for q in qs)


def test_a_name_no_pack_knows_can_be_he(quotes_of):
    qs = quotes_of("kcna-ft-2011-02-18-0005")
    assert ("He", "named", "Morteza Moradian") in _who(qs, "hoped")


def test_inverted_attribution_ending_in_a_colon_and_its_block(quotes_of):
    # "..., says Rodong Sinmun, and goes on:" then the block, printed without quotation marks
    qs = quotes_of("kcnakp-80a69fd6d3ae6d84")
    assert ("Rodong Sinmun", "self", "Rodong Sinmun") in _who(qs, "says")
    assert _who(qs, "goes on") == [("Rodong Sinmun", "self", "Rodong Sinmun")]


def test_a_message_standing_for_its_sender_is_it_afterwards(quotes_of):
    qs = quotes_of("kcnakp-467831d67fabc377")
    assert ("it", "named", "Choe Son Hui") in _who(qs, "said")
    assert ("Choe", "named", "Choe Son Hui") in _who(qs, "hoped")  # a surname alone: the person named


def test_the_organization_speaks_for_the_organisation_named_before(quotes_of):
    qs = quotes_of("kcna-ft-2011-06-23-0027")
    assert qs and all(q.speaker_name == "Korean Confederation of Trade Unions" for q in qs)


def test_false_cues_are_no_quotes(quotes_of):
    # "according to their will": a standard followed, not a source
    assert not [q for q in quotes_of("kcna-ft-2011-07-23-0005") if q.cue == "according to"]
    # "The above-said provinces are ...": no cue after a hyphen
    assert not [q for q in quotes_of("kcnakp-5cd5406d27e4fb7d") if (q.speaker_text or "").endswith("-")]


def test_speaker_spans_drop_circumstances(quotes_of):
    # "Bolivian President Evo Morales in his speech during his visit to Cuba on Sept. 19 said ..."
    qs = quotes_of("kcna-ft-2011-10-18-0040")
    spans = [q.speaker_text for q in qs]
    assert "Bolivian President Evo Morales" in spans or "Evo Morales" in spans
    assert not any("in his speech" in (s or "") for s in spans)


def test_quote_spans_and_display_text_are_free_of_paragraph_debris(quotes_of):
    qs = quotes_of("kcna-ft-2012-05-11-0022")
    assert qs
    for q in qs:
        assert q.text[:1] not in " ,:;" and q.text[-1:] not in " ,:;"
    assert clean_text("imperialism., ,  The group said:, ,  At this\r moment") == (
        "imperialism. The group said: At this moment"
    )


def test_names_of_other_naming_systems_are_people():
    pipeline = Pipeline(["entities"])

    def people(text):
        doc = Document.create("KCNA", "2012-01-01", "Test", text)
        return [m.text for m in pipeline(doc)["mention"] if m.label == "PERSON"]

    # pinyin and Vietnamese names from the packs' surname lists, also after a title with "of ... and ..."
    assert people("Lin Gennan, Cui Tongjun and Wang Shuli, members of the foundation, attended.") == [
        "Lin Gennan",
        "Cui Tongjun",
        "Wang Shuli",
    ]
    assert people("It was led by Minister of Industry and Commerce Vu Huy Hoang, vice-minister.") == [
        "Vu Huy Hoang"
    ]
    # a Korean name whose last syllable is also a Spanish stopword ("Su")
    assert people("Ri Myong Su and Jo Yon Jun attended.") == ["Ri Myong Su", "Jo Yon Jun"]
