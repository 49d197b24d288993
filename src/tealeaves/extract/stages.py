"""Built-in stages. Each is a pure function of the document and the facts of earlier stages."""

from __future__ import annotations

from tealeaves.extract.pipeline import Facts, stage
from tealeaves.extract.sentences import split_sentences
from tealeaves.model import Document


@stage("sentences", "1", produces=("sentence",))
def sentences(doc: Document, facts: Facts) -> Facts:
    return {"sentence": split_sentences(doc.text, title_len=len(doc.title))}
