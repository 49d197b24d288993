"""How a TERM argument becomes a query: plain words are an exact phrase, query syntax is a query."""

from __future__ import annotations

import re

from tealeaves.store.query import Query

_SYNTAX = re.compile(r'["()*]|(^|\s)(AND|OR|NOT)(\s|$)|(^|\s)-\S|\b(title|body):')


def term_query(term: str) -> Query:
    """``Arduous March`` -> the phrase "Arduous March"; ``juche* AND idea`` -> that query."""
    term = term.strip()
    if _SYNTAX.search(term):
        return Query.parse(term)
    return Query.parse('"' + term.replace('"', "") + '"')
