"""Built-in stages. Each is a pure function of the document and the facts of earlier stages."""

from __future__ import annotations

from tealeaves.extract.definitions import find_definitions
from tealeaves.extract.entities import find_mentions
from tealeaves.extract.events import find_events
from tealeaves.extract.kb import KB
from tealeaves.extract.pipeline import Facts, stage
from tealeaves.extract.quotes import find_quotes
from tealeaves.extract.sentences import split_sentences
from tealeaves.model import Document


@stage("sentences", "5", produces=("sentence",))
def sentences(doc: Document, facts: Facts) -> Facts:
    return {"sentence": split_sentences(doc.text, title_len=len(doc.title))}


@stage("entities", "83", requires=("sentence",), produces=("mention",), uses_packs=True)
def entities(doc: Document, facts: Facts, kb: KB) -> Facts:
    return {"mention": find_mentions(doc, kb)}


@stage("quotes", "213", requires=("sentence", "mention"), produces=("quote",), uses_packs=True)
def quotes(doc: Document, facts: Facts, kb: KB) -> Facts:
    return {"quote": find_quotes(doc, facts["sentence"], facts["mention"], kb)}


@stage("definitions", "1", requires=("sentence", "mention"), produces=("definition",), uses_packs=True)
def definitions(doc: Document, facts: Facts, kb: KB) -> Facts:
    return {"definition": find_definitions(doc, facts["sentence"], facts["mention"], kb)}


@stage("events", "1", requires=("sentence", "mention"), produces=("event",), uses_packs=True)
def events(doc: Document, facts: Facts, kb: KB) -> Facts:
    return {"event": find_events(doc, facts["sentence"], facts["mention"], kb)}
