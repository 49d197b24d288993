"""Quotes and their speakers.

- **Direct**: words in quotation marks (three words or more) introduced or followed by a speech cue of
  the packs ("said", "stressed") or a colon: ``X said: "..."``, ``"...," X said``, ``"...," said X``.
- **Indirect**: ``X said that ...``, ``according to X, ...``, ``..., according to X``, and the KCNA
  closing attribution ``..., the lecturer said.`` / ``..., he noted.``
- **Speaker**: the noun phrase doing the speaking, classified as ``self`` (the agency or paper speaking
  for itself: the packs' list), ``named`` (it contains a name: resolved to the name's entity), ``anonymous``
  (a head noun of the packs' list: "a ministry official", "experts") or ``unknown``. A pronoun ("he")
  takes the last person named before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tealeaves.extract.kb import KB
from tealeaves.model import Document, Mention, Quote, Sentence

_QUOTED = re.compile(r"\"([^\"]{2,1500}?)\"|“([^”]{2,1500}?)”")
_NP_START = re.compile(r"(?:^|[,;:]\s+|\b(?:that|and|but|while|as|when)\s+)(?=\S)")


def find_quotes(doc: Document, sentences: list[Sentence], mentions: list[Mention], kb: KB) -> list[Quote]:
    if kb.cues_re is None:
        return []
    text = doc.text
    out: list[Quote] = []
    taken: list[tuple[int, int]] = []
    body = doc.body_offset
    for m in _QUOTED.finditer(text, body):
        q = _direct(text, m, sentences, mentions, kb)
        if q is not None:
            out.append(q)
            taken.append((q.start, q.end))
    for sent in sentences:
        if sent.start < body:
            continue
        for q in _indirect(text, sent, mentions, kb):
            if not any(s < q.end and q.start < e for s, e in taken):
                out.append(q)
    out.sort(key=lambda q: q.start)
    return _resolve_pronouns(out, mentions)


_PRONOUNS = {"he", "she", "it", "they", "him", "her"}


def _resolve_pronouns(quotes: list[Quote], mentions: list[Mention]) -> list[Quote]:
    """'..., it added.' / 'he noted': the speaker of the quote before (a commentary goes on speaking),
    else for he/she the last person named before."""
    out: list[Quote] = []
    for q in quotes:
        if q.speaker_text and q.speaker_text.lower() in _PRONOUNS:
            prev = next((p for p in reversed(out) if p.speaker_kind in ("named", "self", "anonymous")), None)
            if prev is not None and (
                q.speaker_text.lower() != "it" or prev.speaker_kind != "named" or prev.speaker_entity
            ):
                q = replace(q, speaker_entity=prev.speaker_entity, speaker_kind=prev.speaker_kind)
            elif q.speaker_text.lower() in ("he", "she"):
                person = [m for m in mentions if m.label == "PERSON" and m.end <= (q.speaker_start or 0)]
                if person:
                    q = replace(q, speaker_entity=person[-1].entity, speaker_kind="named")
        out.append(q)
    return out


def _direct(text: str, m: re.Match, sentences, mentions, kb: KB) -> Quote | None:
    g = 1 if m.group(1) is not None else 2
    qs, qe = m.start(g), m.end(g)
    words = text[qs:qe].split()
    if len(words) < 3:
        return None  # a title or a slogan in quotation marks, not speech
    sent = _sentence_of(sentences, m.start())
    s_start = sent.start if sent else max(0, m.start() - 300)
    before = text[s_start : m.start()]
    after = text[m.end() : min(len(text), m.end() + 120)]
    cue = None
    speaker_span = None
    # X said: "..."   /  X said that "..."
    c = None
    for c in kb.cues_re.finditer(before):  # noqa: B007 - the last cue before the quote
        pass
    if c is not None and re.fullmatch(
        r"\s*(?:,|:|that|as follows:?|in (?:a|the|his|her) \w+:?|\w+ly)?\s*(?:,|:)?\s*", before[c.end() :]
    ):
        cue = c.group()
        speaker_span = _subject_before(text, s_start, s_start + c.start())
    else:
        # "...," X said.  /  "...," said X.   (the speaker is short and right after the quote)
        np = r"((?:the |a |an )?[A-Za-z][\w'’.-]*(?: [\w'’.-]+){0,7}?)"
        a = re.match(r"\s*,?\s*" + np + r"\s+(" + kb.cue_alt + r")\b", after)
        b = re.match(r"\s*,?\s*(" + kb.cue_alt + r")\s+" + np + r"\s*[.,;]", after)
        if (
            a is not None
            and not _is_clause(a.group(1))
            and not re.match(r"(?:it|this|that)\b", a.group(1), re.I)
        ) or (a is not None and a.group(1).lower() in ("it",)):
            cue = a.group(2)
            ss = m.end() + a.start(1)
            speaker_span = (ss, ss + len(a.group(1)))
        elif b is not None and not _is_clause(b.group(2)):
            cue = b.group(1)
            ss = m.end() + b.start(2)
            speaker_span = (ss, ss + len(b.group(2)))
        elif before.rstrip().endswith(":"):
            cue = ":"
            speaker_span = _subject_before(text, s_start, s_start + len(before.rstrip()) - 1)
    if cue is None:
        return None
    return _quote(text, qs, qe, True, speaker_span, cue, mentions, kb)


def _indirect(text: str, sent: Sentence, mentions, kb: KB) -> list[Quote]:
    s = text[sent.start : sent.end]
    out = []
    # X said that ...
    for c in kb.cues_re.finditer(s):
        if not _cue_is_verb(s, c.start()):
            continue
        rest = s[c.end() :]
        t = re.match(r"(?:\s+(?:in|at|on|during|through)\s+[^,]{2,60}?)?\s*(?:,\s*)?that\s+", rest)
        if t is None:
            continue
        start = sent.start + c.end() + t.end()
        end = sent.end
        while end > start and text[end - 1] in ".!? ":
            end -= 1
        speaker = _subject_before(text, sent.start, sent.start + c.start())
        if speaker is not None and end - start > 10:
            out.append(_quote(text, start, end, False, speaker, c.group(), mentions, kb))
            return out
    # ..., X said.   (closing attribution)
    m = re.search(r",\s+((?:[\w'’.-]+\s+){0,6}?[\w'’.-]+)\s+(" + kb.cue_alt + r")\s*\.?$", s)
    if m and m.start() > 15 and len(m.group(1).split()) <= 7:
        speaker = (sent.start + m.start(1), sent.start + m.end(1))
        if not _is_clause(m.group(1)):
            out.append(
                _quote(text, sent.start, sent.start + m.start(), False, speaker, m.group(2), mentions, kb)
            )
            return out
    # according to X, ...   / ..., according to X.
    if kb.according_re is not None:
        a = kb.according_re.search(s)
        if a:
            sp_end = s.find(",", a.end())
            if a.start() < 3 and sp_end > 0:
                speaker = (sent.start + a.end() + 1, sent.start + sp_end)
                start, end = sent.start + sp_end + 1, sent.end
            else:
                speaker = (sent.start + a.end() + 1, sent.end - (1 if s.endswith(".") else 0))
                start, end = sent.start, sent.start + a.start()
            while start < end and text[start] == " ":
                start += 1
            while end > start and text[end - 1] in " ,.":
                end -= 1
            if end - start > 10:
                out.append(_quote(text, start, end, False, speaker, a.group().lower(), mentions, kb))
    return out


def _is_clause(words: str) -> bool:
    return bool(re.search(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|be)\b", words))


_ROLE_START = re.compile(r"(?:the |a |an )?[a-z]")
_LEAD_WORDS = re.compile(r"^(?:and|but|also|then|meanwhile|however|further|moreover|so)\s+", re.I)
_TRAIL_WORDS = re.compile(
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|also|then|further|once again|again|"
    r"here|there|in a statement|in a speech|in his speech|in her speech|in an interview|in a commentary|"
    r"in an article|in a talk|in a message|on \w+\.? \d+)$"
)


def _subject_before(text: str, s_start: int, cue_at: int) -> tuple[int, int] | None:
    """The speaker before a cue: the last chunk of the clause, or the name before an appositive
    ("Ramon Jimenez, president of the committee, said")."""
    seg = text[s_start:cue_at]
    stripped = seg.rstrip()
    chunks = [(m.start(), m.end()) for m in re.finditer(r"[^,;:]+", stripped)]
    if not chunks:
        return None
    i = len(chunks) - 1
    if stripped.endswith(","):  # "..., president of Y," — an appositive closed right before the cue
        while i > 0 and _ROLE_START.match(stripped[chunks[i][0] :].lstrip()):
            i -= 1
    a, b = chunks[i]
    span = stripped[a:b]
    lead = len(span) - len(span.lstrip())
    a += lead
    span = span.strip()
    if re.search(r"\bthat\s", span):  # "He said that the spokesman stressed": the nearer clause
        cut = span.rfind("that ")
        a += cut + 5
        span = span[cut + 5 :]
    m = _LEAD_WORDS.match(span)
    if m:
        a += m.end()
        span = span[m.end() :]
    t = _TRAIL_WORDS.search(span)
    while t:
        span = span[: t.start()]
        t = _TRAIL_WORDS.search(span)
    span = span.rstrip()
    words = span.split()
    if not words or len(words) > 14 or words[0].lower().endswith("ing") or span[0] in '"“':
        return None
    return s_start + a, s_start + a + len(span)


def _cue_is_verb(text: str, at: int) -> bool:
    """'denied claims', 'the reports': a cue word used as a noun or after another verb is no cue."""
    prev = re.search(r"(\S+)\s+$", text[max(0, at - 30) : at])
    if prev is None:
        return True
    w = prev.group(1).lower().strip(",")
    if w in (
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "these",
        "those",
        "such",
        "of",
        "to",
        "by",
    ):
        return False
    return not (w.endswith("ed") and w not in ("united",) and not w[:1].isupper() and len(w) > 4)


def _quote(text, start, end, direct, speaker_span, cue, mentions, kb: KB) -> Quote:
    if speaker_span is None:
        return Quote(start, end, text[start:end], direct, None, None, None, None, "unknown", cue)
    ss, se = speaker_span
    sp = text[ss:se].strip()
    ss += len(text[ss:se]) - len(text[ss:se].lstrip())
    se = ss + len(sp)
    kind, entity = _speaker_kind(sp, ss, se, mentions, kb)
    return Quote(start, end, text[start:end], direct, sp, ss, se, entity, kind, cue)


def _speaker_kind(sp: str, ss: int, se: int, mentions: list[Mention], kb: KB) -> tuple[str, str | None]:
    low = sp.lower()
    if low in _PRONOUNS:
        return "unknown", None
    if low in kb.self_speakers or re.sub(r"^(?:the|a|an)\s+", "", low) in kb.self_speakers:
        inside = [m for m in mentions if ss <= m.start and m.end <= se]
        return "self", inside[0].entity if inside else None
    inside = [m for m in mentions if ss <= m.start and m.end <= se]
    people = [m for m in inside if m.label == "PERSON"]
    if people:
        return "named", people[0].entity
    words = re.findall(r"[a-z][\w-]*", low)
    head = words[-1] if words else ""
    orgs = [m for m in inside if m.label == "ORG"]
    if head in kb.anonymous or (len(words) >= 2 and " ".join(words[-2:]) in kb.anonymous):
        if orgs and orgs[-1].end == se:
            return "named", orgs[-1].entity
        return "anonymous", None
    if orgs:
        return "named", orgs[0].entity
    if inside:
        return "named", inside[0].entity
    if sp[:1].isupper() and not words:
        return "named", None
    return ("anonymous" if re.match(r"(?:a|an|some|many|other|several|the)\s", low) else "unknown"), None


def _sentence_of(sentences: list[Sentence], pos: int) -> Sentence | None:
    for s in sentences:
        if s.start <= pos < s.end:
            return s
    return None
