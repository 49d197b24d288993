"""Mentions of people, organisations and places.

Three passes, each a single scan of the text, merged with earlier passes winning overlaps:

1. **Known names**: every name and alias of every pack entity, one trie-shaped regex. A multi-word
   person name glued to its neighbours by a scraping defect ("ChairmanKim Jong Ilgave") is found too.
2. **Titles** that stand for a person in a period ("the respected Supreme Leader"), resolved by the
   document's date; a title followed by a name is left to the name.
3. **Unknown names** by their shape: capitalised sequences classified by a head word (``Committee`` ->
   ORG, ``County`` -> PLACE), a person title before them (``President X``), a role after them
   (``X, president of ...``) or a Korean name shape (surname + romanised syllables). They are kept with
   ``entity = None`` (unresolved).
"""

from __future__ import annotations

import re

from tealeaves.extract.kb import KB
from tealeaves.model import Document, Mention

_CAPWORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][a-z]{0,2}\.(?= [A-Z])|[A-Z][\w'’-]*)"
_CAPSEQ = re.compile(
    r"(?<![\w'’.-])" + _CAPWORD + r"(?:(?: (?:of|for|and|the|on|de|del|la|y))* (?:" + _CAPWORD + r"|\d+\b))*"
)
_GLUE_HINT = re.compile(r"[a-z][A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+[a-z]*[a-z]")
_POSSESSIVE = ("'s", "’s")


def find_mentions(doc: Document, kb: KB) -> list[Mention]:
    text = doc.text
    found: list[Mention] = []
    for m in kb.names_re.finditer(text):
        label, eid, method = kb.surface[m.group()]
        start, end = m.span()
        if label == "ORG":
            start, eid = _qualified_org(text, start, eid, kb)
        found.append(Mention(start, end, text[start:end], label, eid, method))
    if kb.glued_re is not None and _GLUE_HINT.search(text):
        taken = _Taken(found)
        for m in kb.glued_re.finditer(text):
            if not taken.overlaps(*m.span()):
                label, eid, method = kb.surface[m.group()]
                found.append(Mention(m.start(), m.end(), m.group(), label, eid, method))
    found.sort(key=lambda x: x.start)
    found = _extend_of(text, found, kb)
    taken = _Taken(found)
    extra = _titles(text, doc.published, kb, taken)
    taken.add(extra)
    unknown, replaced = _unknown(text, kb, taken, len(doc.title) if _title_case(doc.title) else 0)
    out = [m for m in found + extra if (m.start, m.end) not in replaced] + unknown
    out.sort(key=lambda x: (x.start, -x.end))
    return _no_overlaps(_cc_forms(text, _no_overlaps(out)))


_OF_TAIL = re.compile(r" of (?:the )?(?=[A-Z])")
_CC = re.compile(r"\bC\.C\., (?:the )?$")


def _cc_forms(text: str, found: list[Mention]) -> list[Mention]:
    """KCNA's 'C.C., the Workers' Party of Bangladesh' (the Central Committee of X) is one name."""
    out = []
    for m in found:
        c = _CC.search(text, max(0, m.start - 12), m.start) if m.label == "ORG" else None
        if c is not None and out and out[-1].end > c.start():
            c = None
        if c is not None:
            ent = "wpk-cc" if m.entity == "wpk" else None
            m = Mention(c.start(), m.end, text[c.start() : m.end], "ORG", ent, "alias" if ent else "pattern")
        out.append(m)
    return out


_HOME = {"kp", "korea", "wpk", "wpk-cc", "kpa"}


def _extend_of(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """'Foreign Ministry of Russia', 'Central Committee of the Communist Party of Vietnam': a known
    organisation followed by 'of' and another name is one, longer name (someone else's, unless the tail
    is the DPRK's own)."""
    out: list[Mention] = []
    i = 0
    while i < len(found):
        m = found[i]
        j = i
        if m.label == "ORG":
            end, ent = m.end, m.entity
            while j + 1 < len(found):
                t = _OF_TAIL.match(text, end)
                nxt = found[j + 1]
                if t is None or nxt.start != t.end() or nxt.label not in ("ORG", "PLACE"):
                    break
                end = nxt.end
                if nxt.entity not in _HOME:
                    ent = None
                j += 1
            if j > i:
                m = Mention(m.start, end, text[m.start : end], "ORG", ent, m.method if ent else "pattern")
        out.append(m)
        i = j + 1
    return out


class _Taken:
    """Character ranges already covered by a mention."""

    def __init__(self, mentions: list[Mention]):
        self.spans = sorted((m.start, m.end) for m in mentions)

    def add(self, mentions: list[Mention]) -> None:
        self.spans = sorted([*self.spans, *((m.start, m.end) for m in mentions)])

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans)

    def free_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        parts, pos = [], start
        for s, e in self.spans:
            if e <= pos or s >= end:
                continue
            if s > pos:
                parts.append((pos, s))
            pos = max(pos, e)
        if pos < end:
            parts.append((pos, end))
        return parts


def _qualified_org(text: str, start: int, eid: str, kb: KB) -> tuple[int, str | None]:
    """'Russian Foreign Ministry': a capitalised qualifier before a generic org name makes it another org."""
    m = re.search(r"(?:^|(?<=\s))([A-Z][a-zA-Z.]+) $", text[max(0, start - 30) : start])
    if not m:
        return start, eid
    word = m.group(1)
    if word in kb.stopwords or word in ("The", "A", "An") or word in kb.surface:
        return start, eid
    if word.endswith(("an", "ese", "ish", "ian", "ic", "i")):  # a nationality adjective
        return start - len(word) - 1, None
    return start, eid


_EPITHETS = re.compile(
    r"(?:\b(?:the|The|our|respected|Respected|dear|Dear|beloved|great|Great|dear respected)\s+)+$"
)


def _titles(text: str, published: str, kb: KB, taken: _Taken) -> list[Mention]:
    """A leader's title standing alone ("the respected Marshal" -> "Marshal"), resolved by date."""
    if kb.titles_re is None:
        return []
    out = []
    for m in kb.titles_re.finditer(text):
        start, end = m.span("title")
        if taken.overlaps(start, end):
            continue
        after = text[end : end + 40]
        if re.match(r"\s*(?:Comrade\s+)?[A-Z]|\s+of\b|\s+for\b|\s+de\b|-|,\s+[a-z]", after):
            continue  # "General Secretary Kim Jong Un", "the President of Cuba": not standing alone
        before = text[max(0, start - 40) : start]
        lead = _EPITHETS.search(before)
        rest = before[: lead.start()] if lead else before
        if re.search(r"[A-Z][\w.]*\s+$|(?:Vice|vice|First|Deputy|deputy|\w+'s)[- ]$", rest) and not lead:
            continue  # "U.S. President", "KPA Vice Marshal", "Cuba's President": someone else's title
        if lead is None and not re.search(r"(?:^|[\n:\"“(])\s*$", before):
            continue  # a bare capitalised title inside a sentence is not clearly the leader
        for t in kb.titles.get(m.group("title").lower(), []):
            if not (m.group("title") == t.title or t.any_case):
                continue
            if (t.start and published < t.start) or (t.end and published > t.end):
                continue
            out.append(Mention(start, end, m.group("title"), "PERSON", t.entity, "title"))
            break
    return out


def _title_case(title: str) -> bool:
    words = [w for w in title.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _unknown(text: str, kb: KB, taken: _Taken, title_case_end: int) -> tuple[list[Mention], set]:
    """Unknown names, and the known mentions they swallow. In a Title Case headline (``title_case_end``
    > 0) every word is capitalised, so only name shapes that do not rely on capitals being rare (Korean
    names, head words) are used there."""
    out: list[Mention] = []
    replaced: set[tuple[int, int]] = set()
    for m in _CAPSEQ.finditer(text):
        strict = m.start() < title_case_end
        for start, end in _split_and(text, m.start(), m.end(), kb):
            inner = [(a, b) for a, b in taken.spans if start <= a and b <= end]
            outer = _outer_name(text, start, end, inner, kb, strict) if inner else None
            if outer is not None:
                out.append(outer)
                replaced.update(inner)
                continue
            for s, e in taken.free_parts(start, end):
                if strict and any(b in (s, s - 1) for _, b in taken.spans):
                    nxt = text.find(
                        " ", s + 1, e
                    )  # "Kim Jong Un Tours Farm": the word after the subject is a verb
                    if nxt < 0:
                        continue
                    s = nxt + 1
                out.extend(_classify_span(text, s, e, kb, strict=strict))
    return out, replaced


def _split_and(text: str, start: int, end: int, kb: KB) -> list[tuple[int, int]]:
    """Split 'Textile Mill and Foreign Ministry' (two names) but not 'Song and Dance Ensemble' (one):
    at ' and ' when the words before it end in a head word or a number."""
    parts, pos = [], start
    for m in re.finditer(r" and ", text[start:end]):
        cut = start + m.start()
        last = text[pos:cut].rsplit(" ", 1)[-1]
        if last in kb.org_heads or last in kb.place_heads or last.isdigit():
            parts.append((pos, cut))
            pos = cut + 5
    parts.append((pos, end))
    return parts


def _outer_name(text: str, start: int, end: int, inner, kb: KB, strict: bool) -> Mention | None:
    """'Kim Jong Suk Pyongyang Textile Mill', 'KPA Unit 318': a capitalised name around known names whose
    head word makes it an organisation or a place. Longest name wins."""
    toks = _tokens(text, start, end)
    words = [text[a:b] for a, b in toks]
    while words and (words[0] in kb.stopwords or words[0].lower() in kb.connectors):
        words.pop(0)
        toks.pop(0)
    while words and words[-1].lower() in kb.connectors:
        words.pop()
        toks.pop()
    if len(words) < 2 or any(w in kb.stopwords for w in words):
        return None
    s, e = toks[0][0], toks[-1][1]
    if any(a < s or b > e for a, b in inner) or (s, e) in inner:
        return None
    label = _label_by_head(words, kb)
    if label is None:
        return None
    lower = [w.lower() for w in words]
    head_i = lower.index("of") - 1 if "of" in lower[1:] else len(words) - 1
    while head_i > 0 and words[head_i].isdigit():
        head_i -= 1
    ha, _hb = toks[head_i]
    head_inner = [(a, b) for a, b in inner if a <= ha < b]
    if head_inner and not (
        label == "ORG" and head_inner[0][0] == s and text.startswith(" of ", head_inner[0][1])
    ):
        return None  # the head word belongs to a known name: "Kim Il Sung Square" is known already
    # ("Central Committee of the Bangladesh Communist Party": a known head, but someone else's body)
    if strict and any(text[a:b].count(" ") >= 1 for a, b in inner):
        return None  # Title Case headline: "Kim Jong Un Tours Farm" is a sentence, not a name
    for suf in _POSSESSIVE:
        if text[s:e].endswith(suf):
            e -= len(suf)
    return Mention(s, e, text[s:e], label, None, "pattern")


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + t.start(), start + t.end()) for t in re.finditer(r"\S+", text[start:end])]


def _classify_span(text: str, start: int, end: int, kb: KB, strict: bool = False) -> list[Mention]:
    toks = _tokens(text, start, end)
    words = [text[s:e] for s, e in toks]
    # trim connectors, stopwords and digits at both ends; possessives at the end
    while words and (
        words[0] in kb.stopwords or words[0].lower() in kb.connectors or not words[0][0].isupper()
    ):
        words.pop(0)
        toks.pop(0)
    while words and (words[-1] in kb.stopwords or words[-1].lower() in kb.connectors or words[-1].isdigit()):
        if words[-1].isdigit() and len(words) >= 2 and words[-2] in ("Unit", "No.", "No"):
            break
        words.pop()
        toks.pop()
    if not words:
        return []
    end = toks[-1][1]
    for suf in _POSSESSIVE:
        if text[toks[-1][0] : end].endswith(suf):
            end -= len(suf)
    start = toks[0][0]
    if end <= start:
        return []
    # a person title inside: "Mexican President Enrique Pena Nieto" -> the person after it
    for i, w in enumerate(words[:-1]):
        two = " ".join(words[i : i + 2])
        n = 2 if two in kb.person_titles else 1 if w in kb.person_titles else 0
        if n and i + n < len(words):
            rest = toks[i + n :]
            head = _classify_span(text, rest[0][0], rest[-1][1], kb, strict)
            if strict:
                return head
            if head and head[0].label != "PERSON" and head[0].start == rest[0][0]:
                return head
            person = _person_after_title(text, rest, kb)
            return person or head
    korean = _korean_name(text, toks, words, kb, strict)
    if korean:
        return korean
    label = _label_by_head(words, kb) if len(words) >= 2 else None
    if (
        label is None
        and not strict
        and kb.person_roles_re is not None
        and 2 <= len(words) <= 5
        and kb.person_roles_re.match(text, end)
        and all(w[:1].isupper() for w in words)
    ):
        label = "PERSON"
    if label is None:
        return []
    return [Mention(start, end, text[start:end], label, None, "pattern")]


def _person_after_title(text: str, toks: list[tuple[int, int]], kb: KB) -> list[Mention]:
    words = [text[s:e] for s, e in toks]
    n = 0
    while n < len(words) and n < 4 and words[n][:1].isupper() and words[n] not in kb.org_heads:
        n += 1
    if n == 0:
        return []
    s, e = toks[0][0], toks[n - 1][1]
    name = text[s:e]
    for suf in _POSSESSIVE:
        if name.endswith(suf):
            e -= len(suf)
    return [Mention(s, e, text[s:e], "PERSON", None, "pattern")]


def _korean_name(text: str, toks, words: list[str], kb: KB, strict: bool = False) -> list[Mention]:
    if kb.syllable_re is None or words[0] not in kb.surnames or len(words) < 2:
        return []
    n = 1
    while (
        n < len(words)
        and n < 3
        and kb.syllable_re.fullmatch(words[n].rstrip("'’s"))
        and words[n] not in kb.stopwords
    ):
        if words[n] in kb.org_heads or words[n] in kb.place_heads:
            break
        n += 1
    if n < 2 or (n < len(words) and _label_by_head(words, kb)):
        return []
    s, e = toks[0][0], toks[n - 1][1]
    for suf in _POSSESSIVE:
        if text[s:e].endswith(suf):
            e -= len(suf)
    out = [Mention(s, e, text[s:e], "PERSON", None, "pattern")]
    if n < len(toks):
        out += _classify_span(text, toks[n][0], toks[-1][1], kb, strict)
    return out


def _label_by_head(words: list[str], kb: KB) -> str | None:
    """ORG or PLACE by the head word: the word before the first 'of', else the last word."""
    lower = [w.lower() for w in words]
    head_i = lower.index("of") - 1 if "of" in lower[1:] else len(words) - 1
    while head_i > 0 and words[head_i].isdigit():
        head_i -= 1
    head = words[head_i].rstrip(",")
    two = " ".join(words[max(0, head_i - 1) : head_i + 1])
    if head in kb.weak_heads and head_i == 0:
        return None
    if head in kb.place_heads or two in kb.place_heads:
        return "PLACE"
    if head in kb.org_heads or two in kb.org_heads:
        return "ORG"
    if re.fullmatch(r"[A-Z][a-z]+-(?:ri|dong|gun|ni|up)", head):
        return "PLACE"
    return None


def _no_overlaps(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    last_end = -1
    for m in mentions:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out
