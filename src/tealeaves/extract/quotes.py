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
    return out


def _direct(text: str, m: re.Match, sentences, mentions, kb: KB) -> Quote | None:
    g = 1 if m.group(1) is not None else 2
    qs, qe = m.start(g), m.end(g)
    words = text[qs:qe].split()
    if len(words) < 3:
        return None  # a title or a slogan in quotation marks, not speech
    sent = _sentence_of(sentences, m.start())
    s_start = sent.start if sent else max(0, m.start() - 300)
    s_end = max(sent.end if sent else m.end(), m.end())
    before = text[s_start : m.start()]
    after = text[m.end() : min(len(text), m.end() + 120)]
    cue = None
    speaker_span = None
    # X said: "..."   /  X said that "..."
    c = None
    for c in kb.cues_re.finditer(before):
        pass
    if c is not None and re.fullmatch(r"\s*(?:,|:|that|as follows:?|in (?:a|the|his|her) \w+:?|\w+ly)?\s*(?:,|:)?\s*", before[c.end() :]):
        cue = c.group()
        speaker_span = _subject_before(text, s_start, s_start + c.start())
    else:
        # "...," X said.  /  "...," said X.
        a = re.match(r"[,.!?]?\s*[,]?\s*(.{0,80}?)\b(" + kb.cue_alt + r")\b\s*(.{0,60}?)[.,;]", after)
        if a is None:
            a2 = re.match(r"[,]?\s*(\w[^\"“”.]{0,60}?)\s+(" + kb.cue_alt + r")\b", after)
            a = a2
        if a is not None and a.group(1).strip():
            cue = a.group(2)
            ss = m.end() + a.start(1)
            speaker_span = (ss, ss + len(a.group(1).rstrip(" ,")))
        elif a is not None and a.lastindex and a.lastindex >= 3 and a.group(3).strip():
            cue = a.group(2)
            ss = m.end() + a.start(3)
            speaker_span = (ss, ss + len(a.group(3).rstrip(" ,")))
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
            out.append(_quote(text, sent.start, sent.start + m.start(), False, speaker, m.group(2), mentions, kb))
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


def _subject_before(text: str, s_start: int, cue_at: int) -> tuple[int, int] | None:
    head = text[s_start:cue_at].rstrip()
    starts = [m.end() for m in _NP_START.finditer(head)]
    if not starts:
        return None
    start = s_start + starts[-1]
    end = s_start + len(head)
    # "X, president of Y, said": the speaker is X (the appositive is dropped)
    seg = text[start:end]
    if seg.endswith(","):
        end -= 1
    first = re.match(r"([^,]+),\s+(?:the\s+|a\s+)?[a-z]", seg)
    if first is None and "," in head:
        # the appositive was cut off by _NP_START: walk back to the name before it
        comma = head.rfind(",", 0, starts[-1])
        prev = [m.end() for m in _NP_START.finditer(head[:comma])] if comma > 0 else []
        if prev and re.match(r"\s*(?:the\s+|a\s+)?[a-z]", head[comma + 1 :]):
            cand = (s_start + prev[-1], s_start + comma)
            if re.match(r"[A-Z]", text[cand[0] : cand[1]]):
                return cand
    if first is not None:
        end = start + first.end(1)
    # drop an adverbial time word before the cue ("Kim Jong Un Tuesday said")
    seg = text[start:end]
    w = re.search(r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|also|then|further|once again|again)$", seg)
    if w:
        end = start + w.start()
    if end - start < 1 or end - start > 200:
        return None
    return start, end


def _quote(text, start, end, direct, speaker_span, cue, mentions, kb: KB) -> Quote:
    if speaker_span is None:
        return Quote(start, end, text[start:end], direct, None, None, None, None, "unknown", cue)
    ss, se = speaker_span
    sp = text[ss:se].strip()
    ss += len(text[ss:se]) - len(text[ss:se].lstrip())
    se = ss + len(sp)
    kind, entity = _speaker_kind(sp, ss, se, mentions, kb)
    if kind == "pronoun":
        prev = [m for m in mentions if m.label == "PERSON" and m.end <= ss]
        if prev:
            entity = prev[-1].entity
            return Quote(start, end, text[start:end], direct, sp, ss, se, entity, "named", cue)
        kind = "unknown"
    return Quote(start, end, text[start:end], direct, sp, ss, se, entity, kind, cue)


def _speaker_kind(sp: str, ss: int, se: int, mentions: list[Mention], kb: KB) -> tuple[str, str | None]:
    low = sp.lower()
    if low in ("he", "she", "they"):
        return "pronoun", None
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
