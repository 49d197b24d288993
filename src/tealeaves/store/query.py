"""The search query language, parsed once and compiled for the full-text index.

Syntax: words (implicit AND), ``"exact phrases"``, ``AND``/``OR``/``NOT`` (upper case), ``-word`` for
NOT, ``prefix*``, parentheses, and ``title:``/``body:`` column filters. Every word and phrase is
quoted when compiled, so punctuation such as ``Kim Jong-un`` or ``U.S.`` never breaks the FTS5 syntax.
Precedence, tightest first: NOT, AND, OR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tealeaves import settings
from tealeaves.errors import QueryError
from tealeaves.ingest.lang import script_of

COLUMNS = ("title", "body")


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False
    phrase: bool = False
    column: str | None = None


@dataclass(frozen=True)
class Op:
    op: str  # AND | OR | NOT
    left: Node
    right: Node


Node = Term | Op

_TOKEN = re.compile(r'\s*(?:(?P<q>"[^"]*"?\*?)|(?P<p>[()])|(?P<w>[^\s()"]+))')


def _lex(text: str) -> list[str]:
    out, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            break
        tok = m.group("q") or m.group("p") or m.group("w")
        if tok:
            out.append(tok)
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.toks = _lex(text)
        self.i = 0

    def peek(self) -> str | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> str:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node:
        if not self.toks:
            raise QueryError(
                "empty query: give a word, a \"phrase\" or an expression such as 'party AND congress'"
            )
        node = self.or_expr()
        if self.peek() is not None:
            tok = self.peek()
            raise QueryError(f"unexpected {tok!r} in query: check the parentheses")
        return node

    def or_expr(self) -> Node:
        node = self.and_expr()
        while self.peek() == "OR":
            self.take()
            node = Op("OR", node, self.and_expr())
        return node

    def and_expr(self) -> Node:
        node = self.not_expr()
        while True:
            tok = self.peek()
            if tok is None or tok in (")", "OR"):
                return node
            if tok == "AND":
                self.take()
            node = Op("AND", node, self.not_expr())

    def not_expr(self) -> Node:
        node = self.unary()
        while True:
            tok = self.peek()
            if tok == "NOT":
                self.take()
                node = Op("NOT", node, self.unary())
            elif tok is not None and tok.startswith("-") and len(tok) > 1:
                self.toks[self.i] = tok[1:]
                node = Op("NOT", node, self.unary())
            else:
                return node

    def unary(self, column: str | None = None) -> Node:
        tok = self.peek()
        if tok is None:
            raise QueryError(f"query ends where a word or phrase was expected: {self.text!r}")
        if tok in ("AND", "OR", "NOT"):
            hint = " (NOT needs a term before it, e.g. 'party NOT congress')" if tok == "NOT" else ""
            raise QueryError(f"{tok} needs a word or phrase on each side{hint}")
        if tok.startswith("-") and len(tok) > 1:
            raise QueryError(f"{tok!r}: a query cannot start with an exclusion; write 'word -other'")
        self.take()
        if tok == "(":
            node = self.or_expr()
            if self.peek() != ")":
                raise QueryError("unbalanced parenthesis: a '(' is never closed")
            self.take()
            return _with_column(node, column)
        if tok == ")":
            raise QueryError("unbalanced parenthesis: ')' without '('")
        if tok.startswith('"'):
            prefix = tok.endswith("*")
            body = tok[:-1] if prefix else tok
            if len(body) < 2 or not body.endswith('"'):
                raise QueryError('unbalanced quote: a phrase opened with " is never closed')
            return _term(body[1:-1], prefix=prefix, phrase=True, column=column)
        col, sep, rest = tok.partition(":")
        if sep and col.lower() in COLUMNS and column is None:
            if rest:
                self.toks[self.i - 1 : self.i] = [rest]
                self.i -= 1
            return self.unary(column=col.lower())
        prefix = tok.endswith("*")
        return _term(tok.rstrip("*") if prefix else tok, prefix=prefix, phrase=False, column=column)


def _term(text: str, *, prefix: bool, phrase: bool, column: str | None) -> Term:
    if not any(ch.isalnum() for ch in text):
        raise QueryError(f"nothing searchable in {text!r}: a term needs letters or digits")
    return Term(" ".join(text.split()), prefix=prefix, phrase=phrase, column=column)


def _with_column(node: Node, column: str | None) -> Node:
    if column is None:
        return node
    if isinstance(node, Term):
        return Term(node.text, node.prefix, node.phrase, node.column or column)
    return Op(node.op, _with_column(node.left, column), _with_column(node.right, column))


@dataclass(frozen=True)
class Query:
    """A parsed query: ``fts`` is the FTS5 expression over the title and body columns."""

    text: str
    node: Node

    @classmethod
    def parse(cls, text: str) -> Query:
        limit = int(settings.get("query_max_chars"))
        if len(text) > limit:
            raise QueryError(f"query is {len(text)} characters long; the limit is {limit}")
        if "\x00" in text:  # the full-text engine reads a NUL as the end of the string
            raise QueryError(f"query contains a NUL character at position {text.index(chr(0)) + 1}")
        return cls(text, _Parser(text).parse())

    @property
    def fts(self) -> str:
        return _compile(self.node)

    @property
    def terms(self) -> list[Term]:
        """Terms that must or may match (not those under a NOT), for highlighting."""
        out: list[Term] = []
        _positive(self.node, out)
        return out

    @property
    def cjk(self) -> bool:
        """True when the query is written in Hangul, kana or Han: it goes to the trigram index."""
        return any(script_of(ch) in ("ko", "ja", "zh") for t in self.terms for ch in t.text)

    @property
    def short_cjk(self) -> bool:
        """A CJK term under 3 characters cannot use the trigram index; it is found by scanning."""
        return self.cjk and any(len(t.text.replace(" ", "")) < 3 for t in _all_terms(self.node))


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _compile(node: Node) -> str:
    if isinstance(node, Term):
        s = _quote(node.text) + ("*" if node.prefix else "")
        return f"{node.column} : {s}" if node.column else s
    return f"({_compile(node.left)} {node.op} {_compile(node.right)})"


def _positive(node: Node, out: list[Term]) -> None:
    if isinstance(node, Term):
        out.append(node)
    elif node.op == "NOT":
        _positive(node.left, out)
    else:
        _positive(node.left, out)
        _positive(node.right, out)


def _all_terms(node: Node) -> list[Term]:
    if isinstance(node, Term):
        return [node]
    return _all_terms(node.left) + _all_terms(node.right)


def to_sql_scan(node: Node, text_expr: str = "(title || ' ' || body)") -> tuple[str, list[str]]:
    """A SQL condition that evaluates the query by substring search (for short CJK terms)."""
    if isinstance(node, Term):
        col = node.column or None
        expr = col if col else text_expr
        return f"instr(lower({expr}), ?) > 0", [node.text.lower()]
    left, lp = to_sql_scan(node.left, text_expr)
    right, rp = to_sql_scan(node.right, text_expr)
    if node.op == "NOT":
        return f"({left} AND NOT {right})", lp + rp
    return f"({left} {node.op} {right})", lp + rp
