"""Sentence spans that survive the corpora's real defects.

- KCNA 2011-12 bodies lost their paragraph breaks to ``", "`` joins:
  ``"...Republic., ,  The message said:, ,"``
  and ``", \\r, "``. Such runs are boundaries and are never part of a sentence.
- Headlines have no final punctuation: the title is always a sentence of its own.
- Abbreviations (``Dec.``, ``Gen.``, ``U.S.``, initials) do not end sentences.
- A sentence does not end inside a double-quoted passage that closes within the paragraph.
"""

from __future__ import annotations

import re

from tealeaves.model import TITLE_SEP, Sentence

ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "fri",
        "sat",
        "sun",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "gov",
        "sen",
        "rep",
        "st",
        "no",
        "nos",
        "vol",
        "vols",
        "fig",
        "figs",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "assn",
        "bros",
        "jr",
        "sr",
        "secy",
        "sec",
        "ave",
        "blvd",
        "mt",
        "ft",
        "approx",
        "est",
        "ene",
        "abr",
        "ago",
        "dic",
        "sr",
        "sra",
        "srta",
        "dra",
        "av",
        "pág",
        "núm",
    ]
)

# paragraph-break debris left by the packager: ", ," / ", \r," runs (with any spaces) and bare "\r"
_DEBRIS = re.compile(
    r"(?:\s*,\s*(?:\r\s*)?,)+\s*"  # ", ," runs
    r"|\s*\r\s*|\n+"  # bare CR, line breaks
    r"|(?P<mark>(?<=[.!?:])[\"”’']?\s*,\s+(?=[\"“‘(]?[A-Z0-9]))"  # "Republic.,  The": a lost paragraph break
)
_DEBRIS_CHAR = re.compile(r"[,\r\n]")  # every debris match holds one of these


def _debris(text: str, pos: int):
    """The matches of ``_DEBRIS.finditer(text, pos)``, found faster: the scan jumps from comma to line break
    (every match holds one) and tries the pattern only where a match holding it could start, the white
    space and quotation mark just before it. (The pattern opens with optional white space, so the engine
    would otherwise try every position of the text.)"""
    while True:
        c = _DEBRIS_CHAR.search(text, pos)
        if c is None:
            return
        k = c.start()
        s = k
        while s > pos and text[s - 1].isspace():
            s -= 1
        if s > pos and text[s - 1] in _QUOTE_CHARS:
            s -= 1
        for p in range(s, k + 1):
            m = _DEBRIS.match(text, p)
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = k + 1


_QUOTE_CHARS = "\"”’'"
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9¡¿ÁÉÍÓÚÑ])")
_TRIM = " \t\r\n,"


# "the Day of the Sun.,  The ...": a word that is also an abbreviation (Sun., Mar., Gen.) ends a sentence when
# a sentence opener follows the lost paragraph break
_WORD_ENDS_SENTENCE = re.compile(
    r"\b(?:Sun|Sat|Mon|Wed|Mar|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Jan|Feb|Apr)\.,\s+(?:The|A|An|It|He|She|They|In|On|At|This)\b"
)


def clean_text(s: str) -> str:
    """``s`` for reading: the packager's paragraph debris (", ,", bare CR, "Republic.,  The") and runs of
    white space become one space. Spans stay over the canonical text; this is for display only."""
    s = _DEBRIS.sub(" ", s)
    return " ".join(s.split())


def split_sentences(text: str, title_len: int | None = None) -> list[Sentence]:
    """Sentence spans over ``text``. ``title_len`` (or a leading title + blank line) marks the title."""
    spans: list[Sentence] = []
    body_from = 0
    if title_len is None:
        sep = text.find(TITLE_SEP)
        title_len = sep if sep >= 0 else None
    if title_len is not None:
        _emit(text, 0, title_len, spans)
        body_from = title_len + len(TITLE_SEP)
    pos = body_from
    for m in _debris(text, body_from):
        if (
            m.group("mark")
            and text[m.start() - 1] == "."
            and _is_abbreviation(text, m.start() - 1)
            and not _WORD_ENDS_SENTENCE.search(text, max(0, m.start() - 12), m.end() + 6)
        ):
            continue  # "the C.C., WPK": an abbreviation, not a lost paragraph break
        if m.start() > pos:
            _split_paragraph(text, pos, m.start(), spans)
        pos = max(pos, m.end())
    if pos < len(text):
        _split_paragraph(text, pos, len(text), spans)
    return spans


def _split_paragraph(text: str, start: int, end: int, out: list[Sentence]) -> None:
    para = text[start:end]
    cut = 0
    quote_open = False
    qpos = 0
    for m in _END.finditer(para):
        quote_open = _quote_state(para[qpos : m.end()], quote_open)
        qpos = m.end()
        if _is_abbreviation(para, m.start()):
            continue
        if quote_open and _closes_later(para, m.end()):
            continue
        _emit(text, start + cut, start + m.end(), out)
        cut = m.end()
        quote_open = False
    _emit(text, start + cut, end, out)


def _quote_state(seg: str, inside: bool) -> bool:
    """Whether a double-quoted passage is open after ``seg``, given the state before it."""
    for ch in seg:
        if ch == '"':
            inside = not inside
        elif ch == "“":
            inside = True
        elif ch == "”":
            inside = False
    return inside


def _closes_later(para: str, pos: int) -> bool:
    rest = para[pos : pos + 600]
    return '"' in rest or "”" in rest


# initials of Cyrillic letters written with two Latin ones
_DIGRAPH_INITIALS = frozenset({"Sh", "Zh", "Ch", "Kh", "Ts", "Yu", "Ya", "Ye", "Yo", "Sch"})


def _is_abbreviation(para: str, dot: int) -> bool:
    if para[dot] != ".":
        return False
    j = dot
    while j > 0 and (para[j - 1].isalpha() or para[j - 1] == "."):
        j -= 1
    word = para[j:dot]
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith", "U.S."
    if word in _DIGRAPH_INITIALS and re.match(r"\s+[A-Z][a-z]", para[dot + 1 : dot + 4]):
        return True  # a transliterated initial before a name: "Sh. Shabdolov", "Zh. Zhumabekov"
    if "." in word:
        return True  # "U.S", "e.g"
    if word == "ago":
        # "long time ago.,  Ram Baran Yadav said": the English word ends a sentence; Spanish "ago." (agosto)
        # abbreviates a month before its year ("15 de ago. 2011")
        return re.match(r"\s*\d", para[dot + 1 : dot + 4]) is not None
    return word.lower() in ABBREVIATIONS


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        out.append(Sentence(start, end))


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    for s in sentences:
        if s.start <= offset < s.end:
            return s
    best = None
    for s in sentences:
        if s.start <= offset:
            best = s
    return best
