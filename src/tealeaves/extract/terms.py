"""Campaign-term candidates in one document: pattern families from the domain packs, quoted names.

A pure function of (document, patterns, lexicon): no I/O, no global state, so it runs the same in one
process, a worker pool or a Spark task. The store-side driver (``analyze/termindex.py``) feeds it the
corpus lexicon (how often each word is capitalised in running text) and stores what it finds.

Pattern families are data (``packs/*/term_patterns.tsv``, see the header of the DPRK file); a template
such as ``{NAME} {MOD*} spirit`` matches "Kanggye spirit", "Kanggye revolutionary spirit" and, in a
headline, "Kanggye Spirit"; ``spirit of the? {NAME}`` matches "the spirit of Kanggye". Each match
is a :class:`Candidate` whose ``key`` (kind + normalised core) groups the variants of one term.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from tealeaves.extract.termpacks import Element, Pattern, TermPack

# word tokens: letters/digits with inner hyphens, apostrophes, dots and the × of "20×10"
TOKEN = re.compile(r"[^\W_](?:[\w×]|['’.\-–](?=[^\W_]))*")
_SENT_END = set('.!?:;"“”(')
_NUMBERS = {
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
}
MAX_NAME = 5
MAX_MOD = 2
QUOTE_MAX_TOKENS = 5

# hit flags
F_TITLE = 1  # in the headline
F_INFORMATIVE = 2  # in running text, not sentence-initial: capitalisation means something here
F_CAPITALISED = 4  # the core is capitalised
F_QUOTED = 8  # the hit sits inside quotation marks
F_CONTEXT = 32  # a campaign context word (pack class "context") within CONTEXT_TOKENS tokens
CONTEXT_TOKENS = 10
F_COMMEMORATION = 64  # a commemoration word ("anniversary", "주년") within CONTEXT_TOKENS tokens
F_FOREIGN = 128  # a foreign country named in the headline or within FOREIGN_TOKENS tokens
FOREIGN_TOKENS = 30
F_CUT = 256  # the name ends the hit and the text goes on with more of it ("spirit of the Kwangju| Popular
# Uprising", "spirit of the Korean| people"): a capitalised word in running text or a generic word
F_SO_CALLED = 16  # preceded by "so-called" (or Spanish "llamado"): the text distances itself from it
_SO_CALLED = re.compile(r"(?:so[- ]called|llamad[oa]s?|supuest[oa]s?)\W*(?:the\W+|el\W+|la\W+)?$", re.I)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str
    informative: bool  # capitalisation carries information (running text, not sentence-initial)
    title: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    text: str  # the surface form, as in the document
    kind: str  # pattern family: spirit, speed, movement, march, campaign, quoted, ...
    key: str  # kind + ":" + normalised core; variants of one term share it
    core: str  # the name part as written ("Kanggye", "100-day")
    lang: str
    flags: int = 0


@dataclass
class Lexicon:
    """How often each (lower-cased) word is capitalised vs lower-case in informative positions."""

    counts: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    names: frozenset[str] | set[str] = frozenset()  # folded capitalised multi-word names of running text
    min_evidence: int = 3
    min_cap_share: float = 0.6

    def name_like(self, low: str) -> bool | None:
        """True/False when the corpus has an opinion, None when it has not seen the word enough."""
        cap, lower = self.counts.get(low, (0, 0))
        if cap + lower < self.min_evidence:
            return None
        return cap / (cap + lower) >= self.min_cap_share


def tokenize(text: str, title_len: int) -> list[Token]:
    """Word tokens of a canonical text, each marked informative or not."""
    title_case = _is_title_case(text[:title_len])
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        a = m.start()
        in_title = a < title_len
        initial = _sentence_initial(text, a, title_len)
        informative = not initial and not (in_title and title_case)
        word = m.group()
        out.append(Token(a, m.end(), word, word.casefold(), informative, in_title))
    return out


def _is_title_case(title: str) -> bool:
    words = [w for w in TOKEN.findall(title) if len(w) >= 4 and w[0].isalpha()]
    if len(words) < 2:
        return True  # too short to tell: treat capitals as uninformative
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) >= 0.6


def _sentence_initial(text: str, a: int, title_len: int) -> bool:
    if a == 0 or a == title_len + 2:
        return True
    j = a - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] in "\n\r":
        return True
    if text[j] in _SENT_END:
        return True
    # ", ," paragraph debris of the KCNA 2011-12 bodies
    return text[j] == "," and j >= 2 and text[j - 2 : j].strip() in (",", "")


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def find_candidates(
    text: str, title_len: int, lang: str | None, pack: TermPack, lexicon: Lexicon
) -> list[Candidate]:
    """Every pattern match and quoted short name in one canonical text (title, blank line, body)."""
    lang = (lang or "en").split("-")[0].lower()
    text_rx, token_rx = pack.prefilter(lang)
    if not text_rx.search(text):
        return []
    tokens = tokenize(text, title_len)
    quoted = _quoted_spans(text)
    found: dict[tuple[int, int, str], Candidate] = {}
    by_word, by_regex = pack.anchors(lang)
    for i, tok in enumerate(tokens):
        pats = by_word.get(tok.low, ())
        if token_rx is not None and token_rx.fullmatch(tok.text):
            pats = [*pats, *(p for p in by_regex if p.elements[p.anchor].regex.fullmatch(tok.text))]
        for pat in pats:
            cand = _match_at(text, tokens, i, pat, pack, lexicon, lang, quoted)
            if cand is not None:
                found.setdefault((cand.start, cand.end, cand.kind), cand)
    if lang in pack.quoted_langs:
        taken = [(c.start, c.end) for c in found.values()]
        for cand in _quoted_names(text, tokens, quoted, pack, lexicon, lang):
            if not any(a <= cand.start and cand.end <= b for a, b in taken):
                found.setdefault((cand.start, cand.end, cand.kind), cand)
    out = sorted(found.values(), key=lambda c: (c.start, c.end, c.kind))
    return [_with_context(c, tokens, pack, text) for c in out]


def _with_context(c: Candidate, tokens: list[Token], pack: TermPack, text: str) -> Candidate:
    """Flags from the words around a hit: a campaign call, a commemoration, a foreign country."""
    starts = [t.start for t in tokens]
    i = bisect.bisect_left(starts, c.start)
    j = bisect.bisect_left(starts, c.end)
    near = tokens[max(0, i - CONTEXT_TOKENS) : i] + tokens[j : j + CONTEXT_TOKENS]
    flags = c.flags
    if any(t.low in pack.context for t in near):
        flags |= F_CONTEXT
    if any(pack.commemoration_word(t.low) for t in near):
        flags |= F_COMMEMORATION
    if c.kind != "quoted" and j < len(tokens) and _cut(c, tokens[j], text, pack):
        flags |= F_CUT
    if pack.foreign:
        title_end = next((k for k, t in enumerate(tokens) if not t.title), len(tokens))
        lo, hi = max(0, i - FOREIGN_TOKENS), j + FOREIGN_TOKENS
        if _names_country(tokens, 0, min(title_end, lo), pack) or _names_country(tokens, lo, hi, pack):
            flags |= F_FOREIGN
    return c if flags == c.flags else dataclasses.replace(c, flags=flags)


def _cut(c: Candidate, nxt: Token, text: str, pack: TermPack) -> bool:
    """Does the name end the hit while the next word (adjacent, same clause) continues it?"""
    last = c.core.split()[-1] if c.core.split() else ""
    if not last or not c.text.endswith(last) or text[c.end : nxt.start].strip():
        return False
    if nxt.low in pack.stop or nxt.low in pack.modifiers:
        return False
    return (nxt.informative and is_capitalised(nxt.text)) or nxt.low in pack.generic


def _names_country(tokens: list[Token], lo: int, hi: int, pack: TermPack) -> bool:
    """Does tokens[lo:hi] name a foreign country of the packs (case as written, possessive stripped)?"""
    hi = min(hi, len(tokens))
    for k in range(lo, hi):
        first = tokens[k].text
        names = pack.foreign.get(first) or pack.foreign.get(strip_possessive(first))
        if not names:
            continue
        for name in names:
            words = [w.rstrip(".") for w in name.split()]  # "S. Korea" is the tokens "S", "Korea"
            n = len(words)
            if k + n > len(tokens):
                continue
            got = [t.text for t in tokens[k : k + n]]
            got[-1] = strip_possessive(got[-1])
            if got == words:
                return True
    return False


# -- pattern matching ---------------------------------------------------------------------------


def _match_at(text, tokens, i, pat: Pattern, pack, lexicon, lang, quoted) -> Candidate | None:
    tok = tokens[i]
    core_from_anchor = pat.elements[pat.anchor].match_token(tok.text)
    if core_from_anchor is None:
        return None
    left = _match_side(text, tokens, i, -1, pat.elements[: pat.anchor][::-1], pack, lexicon)
    if left is None:
        return None
    right = _match_side(text, tokens, i, 1, pat.elements[pat.anchor + 1 :], pack, lexicon)
    if right is None:
        return None
    (lo, lcore, _, _), (hi, rcore, _, trim) = left, right
    if hi == i:  # nothing matched after the anchor: the anchor's own trailing particle is trimmed
        trim = pat.elements[pat.anchor].rest(tok.text)
    anchor_core = [] if core_from_anchor is True else [(tok, core_from_anchor)]
    core = [*lcore, *anchor_core, *rcore]
    if not core:
        return None
    end = tokens[hi].end - trim
    return _candidate(text, tokens[lo].start, end, pat.kind, core, lang, pack, quoted, tokens[lo : hi + 1])


def _match_side(text, tokens, anchor, step, elements, pack, lexicon):
    """Match ``elements`` outward from the anchor token.

    Returns (last index, core pieces, modifiers, characters to trim from the last token's end: a
    trailing particle the template matched as ``(?P<rest>...)``)."""
    core, mods = [], []
    trim = 0
    last, j = anchor, anchor + step

    def next_ok() -> bool:  # token j exists and only spaces separate it from the last matched token
        return 0 <= j < len(tokens) and _adjacent(text, tokens, min(j, last), max(j, last))

    for el in elements:
        if el.kind == "not":
            if next_ok() and el.match_token(tokens[j].text) is not None:
                return None
        elif el.kind in ("literal", "regex"):
            got = el.match_token(tokens[j].text) if next_ok() else None
            if got is None:
                if el.optional:
                    continue
                return None
            if got is not True:
                core.append((tokens[j], got))
            trim = el.rest(tokens[j].text) if step > 0 else 0
            last, j = j, j + step
        elif el.kind == "mod":
            n = 0
            while n < MAX_MOD and next_ok() and tokens[j].low in pack.modifiers:
                mods.append(tokens[j])
                last, j, n = j, j + step, n + 1
        elif el.kind == "name":
            run = []
            while len(run) < MAX_NAME and next_ok() and _name_eligible(tokens[j], pack):
                run.append(j)
                last, j = j, j + step
            k = _name_extent(tokens, run, step, pack, lexicon)
            if not k:
                return None
            core += [(tokens[x], tokens[x].text) for x in run[:k]]
            last, j = run[k - 1], run[k - 1] + step
            trim = 0
        else:  # word, number
            if not (next_ok() and _slot_ok(el.kind, tokens[j], pack, lexicon)):
                return None
            core.append((tokens[j], tokens[j].text))
            last, j, trim = j, j + step, 0
    if step < 0:
        core.reverse()
    return last, core, mods, trim


def _adjacent(text: str, tokens: list[Token], a: int, b: int) -> bool:
    """Only spaces (or the dot of an abbreviation such as "Mt.") between tokens a and b = a + 1."""
    gap = text[tokens[a].end : tokens[b].start]
    if "\n" in gap or "\r" in gap:
        return False
    if not gap.strip():
        return True
    return gap.strip() == "." and len(tokens[a].text) <= 3 and tokens[a].text[:1].isupper() and gap != "."


def _slot_ok(kind: str, tok: Token, pack: TermPack, lexicon: Lexicon) -> bool:
    low = tok.low
    if low in pack.stop:
        return False
    if kind == "number":
        return low.isdigit() or low in _NUMBERS or bool(re.fullmatch(r"\d[\d,]*", low))
    return low not in pack.modifiers and tok.text[:1].isalpha() and len(low) > 2


def _name_eligible(tok: Token, pack: TermPack) -> bool:
    return is_capitalised(tok.text) and tok.low not in pack.stop


def _name_ok(tok: Token, pack: TermPack, lexicon: Lexicon) -> bool:
    """A capitalised token that is a name by itself: capitalised where that means something, or a
    word the corpus usually capitalises (or has not seen enough to judge)."""
    if tok.informative:
        return True
    if tok.low in pack.modifiers:
        return False
    verdict = lexicon.name_like(strip_possessive(tok.low))
    return verdict is None or verdict


def _name_extent(tokens, run, step, pack, lexicon) -> int:
    """How many tokens of ``run`` (outward from the anchor) form the name: the longest extent that
    is a multi-word name known from running text, else the longest extent of name-like tokens."""
    for k in range(len(run), 1, -1):
        words = [tokens[x].text for x in run[:k]]
        if step < 0:
            words.reverse()
        if fold(" ".join(words)) in lexicon.names:
            return k
    k = 0
    while k < len(run) and _name_ok(tokens[run[k]], pack, lexicon):
        k += 1
    return k


def _candidate(text, start, end, kind, core, lang, pack, quoted, span_tokens) -> Candidate:
    core_text = " ".join(str(piece) for _, piece in core)
    flags = 0
    if any(t.title for t in span_tokens):
        flags |= F_TITLE
    core_tokens = [t for t, _ in core]
    if any(t.informative for t in core_tokens):
        flags |= F_INFORMATIVE
    if all(is_capitalised(t.text) for t in core_tokens):
        flags |= F_CAPITALISED
    if any(a <= start and end <= b for a, b in quoted):
        flags |= F_QUOTED
    if _SO_CALLED.search(text, max(0, start - 16), start):
        flags |= F_SO_CALLED
    return Candidate(
        start, end, text[start:end], kind, term_key(kind, core_text, pack), core_text, lang, flags
    )


# -- quoted short names -------------------------------------------------------------------------

_QUOTE_CHARS = re.compile(r"[\"“”\n]")
QUOTE_MAX_CHARS = 80


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks, pairing marks in order within each line (straight quotes
    alternate open/close; curly ones say which they are)."""
    out, open_at = [], None
    for m in _QUOTE_CHARS.finditer(text):
        ch = m.group()
        if ch == "\n":
            open_at = None
        elif open_at is None:
            if ch != "”":
                open_at = m.end()
        elif ch != "“":
            if 2 <= m.start() - open_at <= QUOTE_MAX_CHARS:
                out.append((open_at, m.start()))
            open_at = None
        else:
            open_at = m.end()
    return out


def _quoted_names(text, tokens, quoted, pack, lexicon, lang):
    """Short quoted noun phrases ("Kyolsaongwi", "Huichon speed"): names the text itself marks."""
    for a, b in quoted:
        inner = text[a:b]
        if any(ch in inner for ch in ".!?;:,") or inner.strip() != inner:
            continue
        toks = [t for t in tokens if a <= t.start and t.end <= b]
        if not 1 <= len(toks) <= QUOTE_MAX_TOKENS:
            continue
        if toks[0].low in pack.stop or toks[-1].low in pack.stop:
            continue
        if not any(t.text[:1].isalpha() for t in toks):
            continue
        key = term_key("quoted", inner, pack)
        flags = F_QUOTED | (F_TITLE if a < len(text) and toks[0].title else 0)
        if all(is_capitalised(t.text) for t in toks):
            flags |= F_CAPITALISED
        if toks[0].informative:
            flags |= F_INFORMATIVE
        if _SO_CALLED.search(text, max(0, a - 17), a - 1):
            flags |= F_SO_CALLED
        yield Candidate(a, b, inner, "quoted", key, inner, lang, flags)


# -- keys ---------------------------------------------------------------------------------------


def strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s", "s'", "s’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + ("s" if suffix[0] == "s" else "")
    return word


def fold(text: str) -> str:
    """Case, accents, hyphens and possessives folded: the comparable form of a name."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))
    words = [strip_possessive(w) for w in re.split(r"[\s\-–‐]+", text.replace("’", "'")) if w]
    return " ".join(w.strip(".'\"“”") for w in words if w.strip(".'\"“”"))


def term_key(kind: str, core: str, pack: TermPack) -> str:
    words = [pack.same.get(w, w) for w in fold(core).split()]
    words = [w for w in words if w not in pack.modifiers] or words
    return f"{kind}:{' '.join(words)}"


__all__ = ["Candidate", "Element", "Lexicon", "Token", "find_candidates", "fold", "term_key", "tokenize"]
