"""Quotes and their speakers (rules: docs/annotation-guidelines.md §2).

- **Direct**: words in quotation marks (three words or more) attributed through a speech cue of the packs
  (``X said: "..."``, ``"...," X said``, ``"...," said X``), and block quotes KCNA prints without marks
  after ``The message said:`` / ``..., and goes on:`` (until the narration resumes or the story ends).
- **Indirect**: ``X said (that) ...``, ``..., X said``, ``..., he said, adding that ...``, participles
  (``Noting that ..., he ...``), ``according to X, ...``, and headline attributions (``...: Rodong Sinmun``,
  ``..., says X``).
- **Speaker**: the noun phrase nearest the cue, without determiner, classified as ``self`` (the DPRK media
  speaking in their own voice), ``named`` (a name, a pronoun or a document standing for someone named),
  ``anonymous`` (a head noun of the packs' list: "a spokesman", "experts", "Speakers at the conference") or
  ``unknown``. A pronoun takes the speaker of the quote before it, else the person last named as a subject;
  "the article" / "the editorial" takes whoever the text says issued it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tealeaves.extract.kb import KB
from tealeaves.model import Document, Mention, Quote, Sentence

_QUOTED = re.compile(r"\"([^\"]{2,1500}?)\"|“([^”]{2,1500}?)”")
_DET = re.compile(r"^(?:the|a|an|The|A|An)\s+")
_PRONOUNS = {"he", "she", "it", "they", "him", "her"}
_DOC_NOUNS = {"article", "editorial", "commentary", "statement", "message", "letter", "report", "paper",
              "newspaper", "daily", "magazine", "bulletin", "book", "review", "appeal", "declaration",
              "resolution", "information", "leaflet", "release", "homepage", "website"}  # fmt: skip
_PREPS = {"in", "at", "on", "to", "for", "with", "of", "by", "about", "from", "during", "through", "so", "as"}
_PARTICIPLES = r"(?:adding|noting|saying|stressing|pointing out|underlining|emphasizing|declaring|recalling)"


def find_quotes(doc: Document, sentences: list[Sentence], mentions: list[Mention], kb: KB) -> list[Quote]:
    if kb.cues_re is None:
        return []
    text = doc.text
    out: list[Quote] = []
    if sentences and sentences[0].start < doc.body_offset:
        out += _headline(text, sentences[0], mentions, kb)
    for m in _QUOTED.finditer(text, doc.body_offset):
        q = _direct(text, m, sentences, mentions, kb)
        if q is not None:
            out.append(q)
    out += _blocks(text, doc, sentences, mentions, kb)
    for sent in sentences:
        if sent.start < doc.body_offset:
            continue
        for q in _indirect(text, sent, mentions, kb):
            if not any(o.start < q.end and q.start < o.end for o in out):
                out.append(q)
    out.sort(key=lambda q: q.start)
    return _resolve(out, text, sentences, mentions, kb, doc)


# -- headline attributions ------------------------------------------------------------------------
def _headline(text: str, sent: Sentence, mentions, kb: KB) -> list[Quote]:
    title = text[sent.start : sent.end]
    m = re.match(r"(?P<q>.{10,}?):\s+(?P<sp>[A-Z][^:]{1,60})$", title)
    cue = ":"
    if m is None:
        m = re.match(
            r"(?P<q>.{10,}?),\s+(?P<cue>says|said|ratifica|dice|afirma|senala|señala|destaca)\s+(?P<sp>.{2,60})$",
            title,
        )
        if m is None:
            return []
        cue = m.group("cue")
    sp_words = m.group("sp").split()
    if len(sp_words) > 7 or len(m.group("q").split()) < 3:
        return []
    qs, qe = sent.start + m.start("q"), sent.start + m.end("q")
    ss, se = sent.start + m.start("sp"), sent.start + m.end("sp")
    return [_quote(text, qs, qe, False, (ss, se), cue, mentions, kb)]


# -- direct quotes --------------------------------------------------------------------------------
def _direct(text: str, m: re.Match, sentences, mentions, kb: KB) -> Quote | None:
    g = 1 if m.group(1) is not None else 2
    qs, qe = m.start(g), m.end(g)
    if len(text[qs:qe].split()) < 3:
        return None  # a title, a name or a slogan in quotation marks, not speech
    while qe > qs and text[qe - 1] in ", ":
        qe -= 1
    sent = _sentence_of(sentences, m.start())
    s_start = sent.start if sent else max(0, m.start() - 300)
    before = text[s_start : m.start()]
    after = text[m.end() : min(len(text), m.end() + 120)]
    cue, speaker = None, None
    c = None
    for c in kb.cues_re.finditer(before):  # noqa: B007 - the last cue before the quote
        pass
    if c is not None and re.fullmatch(
        r"\s*(?:,|:|that|as follows:?|in (?:a|the|his|her) \w+:?|\w+ly)?\s*(?:,|:)?\s*", before[c.end() :]
    ):
        cue = c.group()
        speaker = _subject_before(text, s_start, s_start + c.start())
    else:
        np = r"((?:the |a |an )?[A-Za-z][\w'’.-]*(?: [\w'’.\"-]+){0,7}?)"
        a = re.match(r"\s*,?\s*" + np + r"\s+(" + kb.cue_alt + r")\b", after)
        b = re.match(r"\s*,?\s*(" + kb.cue_alt + r")\s+" + np + r"\s*[.,;]", after)
        if a is not None and not _is_clause(a.group(1)):
            cue = a.group(2)
            ss = m.end() + a.start(1)
            speaker = (ss, ss + len(a.group(1)))
        elif b is not None and not _is_clause(b.group(2)):
            cue = b.group(1)
            ss = m.end() + b.start(2)
            speaker = (ss, ss + len(b.group(2)))
        elif before.rstrip().endswith(":"):
            cue = ":"
            speaker = _subject_before(text, s_start, s_start + len(before.rstrip()) - 1)
    if cue is None:
        return None
    return _quote(text, qs, qe, True, speaker, cue, mentions, kb)


def _blocks(text: str, doc: Document, sentences: list[Sentence], mentions, kb: KB) -> list[Quote]:
    """'The message said:' followed by the message, printed without quotation marks."""
    out = []
    for i, sent in enumerate(sentences):
        s = text[sent.start : sent.end]
        if not s.endswith(":") or i + 1 >= len(sentences) or sent.start < doc.body_offset:
            continue
        c = None
        for c in kb.cues_re.finditer(s):  # noqa: B007 - the last cue
            pass
        if c is None or not re.fullmatch(r"\s*(?:[\w\s]{0,25})?:", s[c.end() :]):
            continue
        first = sentences[i + 1]
        if text[first.start] in '"“':
            continue  # a direct quote in marks: handled there
        last = first
        for nxt in sentences[i + 2 :]:
            ns = text[nxt.start : nxt.end]
            if ns.endswith(":") or (kb.cues_re.search(ns) and _attribution_in(ns, kb)):
                break
            last = nxt
        end = last.end
        while end > first.start and text[end - 1] in " -0\n":
            end -= 1
        speaker = _subject_before(text, sent.start, sent.start + c.start())
        out.append(_quote(text, first.start, end, True, speaker, c.group(), mentions, kb))
    return out


def _attribution_in(s: str, kb: KB) -> bool:
    return bool(
        re.search(r"(?:,\s+|^)(?:he|she|it|they|the \w+|[A-Z][\w ]{0,40}?)\s+" + kb.cue_alt + r"\b", s)
    )


# -- indirect speech --------------------------------------------------------------------------------
def _indirect(text: str, sent: Sentence, mentions, kb: KB) -> list[Quote]:
    s = text[sent.start : sent.end]
    body_end = len(s.rstrip(" .!?"))
    out: list[Quote] = []
    main_speaker: tuple[int, int] | None = None
    # Noting that A, he said B
    p = re.match(
        r"(" + _PARTICIPLES + r"|Noting|Stressing|Saying|Pointing out)\s+(?:that\s+)?(.{10,}?),\s+", s, re.I
    )
    lead_quote = None
    if p:
        lead_quote = (sent.start + p.start(2), sent.start + p.end(2), p.group(1))
    # X said (that) A[, adding (that) B]
    for c in kb.cues_re.finditer(s):
        if (lead_quote and c.start() < p.end()) or not _cue_is_verb(s, c.start()):
            continue
        if re.match(_PARTICIPLES + "$", c.group(), re.I):
            continue
        rest = s[c.end() :]
        if not rest.strip(" .!?") or rest.lstrip().startswith((",", ".", ";")):
            continue  # "..., he said, stressing ...": a closing attribution, handled below
        t = re.match(r"\s+(?:in|at|on|during|through|to)\s+[^,]{2,60}?\s+(that\s+)", rest) or re.match(
            r"\s*(?:,\s*)?(that\s+)?", rest
        )
        clause_start = c.end() + t.end()
        if t.group(1) is None and not _clausal(s[clause_start:body_end]):
            continue
        if _NOT_SPEECH.match(s, clause_start):
            continue
        speaker = _subject_before(text, sent.start, sent.start + c.start())
        if speaker is None:
            continue
        main_speaker = speaker
        end = _clause_end(s, clause_start, body_end)
        if end - clause_start > 10:
            out.append(
                _quote(
                    text, sent.start + clause_start, sent.start + end, False, speaker, c.group(), mentions, kb
                )
            )
        out += _trailing(text, sent, s, end, body_end, speaker, mentions, kb)
        break
    else:
        # A, X said[, adding B].
        m = re.search(
            r",\s+((?:[\w'’.\"-]+\s+){0,6}?[\w'’.\"-]+)\s+(" + kb.cue_alt + r")(?=\s*(?:,|\.|$))",
            s[: body_end + 1],
        )
        if (
            m
            and m.start() > 15
            and not _is_clause(m.group(1))
            and not m.group(1).lower().startswith(("and ", "but "))
        ):
            speaker = (sent.start + m.start(1), sent.start + m.end(1))
            main_speaker = speaker
            q_start = _clause_start(s, m.start())
            out.append(
                _quote(
                    text,
                    sent.start + q_start,
                    sent.start + m.start(),
                    False,
                    speaker,
                    m.group(2),
                    mentions,
                    kb,
                )
            )
            out += _trailing(text, sent, s, m.end(), body_end, speaker, mentions, kb)
    if (lead_quote or not out) and main_speaker is None:
        main_speaker = _sentence_subject(s, sent.start, p.end() if lead_quote else 0)
        if main_speaker is not None and not lead_quote:
            out += _trailing(text, sent, s, 0, body_end, main_speaker, mentions, kb)
    if lead_quote and main_speaker:
        out.insert(
            0, _quote(text, lead_quote[0], lead_quote[1], False, main_speaker, lead_quote[2], mentions, kb)
        )
    if not out and kb.according_re is not None:
        out += _according(text, sent, s, mentions, kb)
    return out


_NOT_SPEECH = re.compile(
    r"(?:the (?:need|importance|necessity|urgency)|him|her|them|success|satisfaction|thanks|gratitude|"
    r"to |for |with |on |at |in )",
    re.I,
)


_SUBJECT = re.compile(r"(?:He|She|They|he|she|they|It|it|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4})(?=,? [a-z])")


def _sentence_subject(s: str, offset: int, at: int) -> tuple[int, int] | None:
    """The subject at ``at`` (a pronoun or a name): who speaks in 'Saying that ..., he expressed thanks'."""
    m = _SUBJECT.match(s, at)
    if m is None or m.group().split()[0] in ("The", "A", "An", "This", "That", "In", "On", "At"):
        return None
    return offset + m.start(), offset + m.end()


def _trailing(text, sent, s: str, after: int, body_end: int, speaker, mentions, kb) -> list[Quote]:
    """'..., adding (that) B' after a main attribution: another quote by the same speaker."""
    m = re.compile(r",\s+(?:and\s+)?(" + _PARTICIPLES + r")\s+(?:that\s+)?", re.I).search(s, after)
    if m is None or m.end() >= body_end - 10 or _NOT_SPEECH.match(s, m.end()):
        return []
    return [
        _quote(text, sent.start + m.end(), sent.start + body_end, False, speaker, m.group(1), mentions, kb)
    ]


def _clause_end(s: str, start: int, body_end: int) -> int:
    m = re.compile(r",\s+(?:and\s+)?" + _PARTICIPLES + r"\b", re.I).search(s, start)
    return m.start() if m and m.start() < body_end else body_end


def _clause_start(s: str, end: int) -> int:
    p = re.match(
        r"(?:" + _PARTICIPLES + r"|Noting|Stressing|Saying)\s+(?:that\s+)?.{10,}?,\s+", s[:end], re.I
    )
    return p.end() if p else 0


def _clausal(rest: str) -> bool:
    """'said the DPRK would ...' (a clause) but not 'said in a statement' or 'said so'."""
    words = rest.split()
    if len(words) < 4 or words[0].lower().strip(",") in _PREPS | {"to", "so", "this", "goodbye", "farewell"}:
        return False
    return bool(re.search(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|"
                          r"\w+ed|\w+s)\b", rest))  # fmt: skip


def _according(text, sent, s: str, mentions, kb: KB) -> list[Quote]:
    a = kb.according_re.search(s)
    if a is None:
        return []
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
    if end - start <= 10:
        return []
    return [_quote(text, start, end, False, speaker, a.group().lower(), mentions, kb)]


def _is_clause(words: str) -> bool:
    return bool(re.search(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|be|that|which)\b", words))


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
    return not (w.endswith("ed") and w != "united" and len(w) > 4 and not prev.group(1)[:1].isupper())


# -- speakers -------------------------------------------------------------------------------------
_TRAIL_WORDS = re.compile(
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|also|then|further|once again|"
    r"again|here|there|on \w+\.? \d+|in (?:a|an|the|his|her|its|their) [\w\s-]{1,30}|"
    r"on the occasion [\w\s]{1,30}|\w+ly)$"
)
_LEAD_WORDS = re.compile(r"^(?:and|but|also|then|meanwhile|however|further|moreover|so|then)\s+", re.I)
_ROLE = re.compile(r"(?:the |a |an )?(?:[a-z][\w-]*|[A-Z][a-z]+-[a-z]+)(?: |$)")


def _subject_before(text: str, s_start: int, cue_at: int) -> tuple[int, int] | None:
    """The speaker before a cue: the noun phrase nearest to it ("X, chief of the group, said" -> "chief of
    the group"; its entity is resolved later through the name before it)."""
    seg = text[s_start:cue_at].rstrip()
    closed = seg.endswith(",")
    if closed:
        seg = seg[:-1]
    cut = max(seg.rfind(", "), seg.rfind("; "), seg.rfind(": "), seg.rfind("-- "))
    while closed and cut > 0 and _ROLE.match(seg[cut + 2 :]):
        # "Kim Yong Ae, advisor of the Union, said": the speaker is the name before the appositive
        prev = max(
            seg.rfind(", ", 0, cut),
            seg.rfind("; ", 0, cut),
            seg.rfind(": ", 0, cut),
            seg.rfind("-- ", 0, cut),
        )
        if not re.match(r"[A-Z]", seg[prev + 2 if prev >= 0 else 0 :]):
            break
        seg = seg[:cut]
        cut = prev
    a = cut + 2 if cut >= 0 else 0
    k = re.search(
        r"\b(?:that|when|as|while|because|and|but)\s+(?=\S)(?!.*\b(?:that|when|as|while|because)\s)", seg[a:]
    )
    if k and not re.match(r"and\s", k.group()):
        a += k.end()
    span = seg[a:]
    bullet = re.match(r"[-–—•*]+\s*", span)
    if bullet:
        a += bullet.end()
        span = span[bullet.end() :]
    lead = _LEAD_WORDS.match(span)
    if lead:
        a += lead.end()
        span = span[lead.end() :]
    t = _TRAIL_WORDS.search(span)
    while t:
        span = span[: t.start()]
        t = _TRAIL_WORDS.search(span)
    d = _DET.match(span)
    if d:
        a += d.end()
        span = span[d.end() :]
    span = span.rstrip(" ,")
    words = span.split()
    if not words or len(words) > 14 or words[0].lower().endswith("ing") or span[0] in '"“(':
        return None
    return s_start + a, s_start + a + len(span)


_JUNK = {"and", "but", "or", "which", "who", "that", "as", "this", "it is", "there"}


def _quote(text, start, end, direct, speaker_span, cue, mentions, kb: KB) -> Quote:
    if speaker_span is not None and text[speaker_span[0] : speaker_span[1]].strip().lower() in _JUNK:
        speaker_span = None
    if speaker_span is not None:
        speaker_span = _appositive_person(text, speaker_span, mentions)
    if speaker_span is None:
        return Quote(start, end, text[start:end], direct, None, None, None, None, "unknown", cue)
    ss, se = speaker_span
    raw = text[ss:se]
    ss += len(raw) - len(raw.lstrip())
    sp = raw.strip()
    d = _DET.match(sp)
    if d:
        ss += d.end()
        sp = sp[d.end() :]
    se = ss + len(sp)
    for m in mentions:
        if m.label == "PERSON" and m.end == se and m.start > ss:
            ss, sp = m.start, m.text  # "Vice-director of the institute Choe Kwang Guk" -> the name
        elif m.start == ss and m.end < se and re.match(r"\s+in\s", text[m.end : se]):
            se, sp = m.end, m.text  # "Kim Jong Suk Library in Peru": the locative is not the speaker
    cut = re.search(r",\s|\s+in\s+[A-Z]", sp)
    if cut and sp[:1].isupper() and cut.start() > 2:
        sp = sp[: cut.start()]  # "Choson Sinbo, the organ of ...", "Kim Jong Suk Library in Peru": the name
        se = ss + len(sp)
    kind, entity, name = _speaker_kind(text, sp, ss, se, mentions, kb)
    return Quote(start, end, text[start:end], direct, sp, ss, se, entity, kind, cue, name)


def _appositive_person(text: str, span: tuple[int, int], mentions: list[Mention]) -> tuple[int, int]:
    """'Choe Yong Rim, member of the Presidium of the C.C., the WPK and premier, said': a speaker span that
    is the tail of an appositive after a named person becomes that person."""
    ss, _se = span
    if not re.search(r",\s+(?:the\s+|a\s+|an\s+)?$", text[max(0, ss - 8) : ss]):
        return span
    if any(m.start == ss and m.label == "PERSON" for m in mentions):
        return span
    line_start = max(text.rfind(". ", 0, ss), text.rfind("\n", 0, ss), 0)
    people = [
        m
        for m in mentions
        if m.label == "PERSON" and line_start <= m.start and m.end < ss and text.startswith(", ", m.end)
    ]
    if people and not re.search(
        r"\b(?:said|says|noted|stressed|is|was|were|are|has|had)\b", text[people[-1].end : ss]
    ):
        return people[-1].start, people[-1].end
    return span


def _name(kb: KB, m: Mention | None) -> str | None:
    if m is None:
        return None
    e = kb.entity(m.entity)
    return e.name if e is not None else m.text


def _speaker_kind(
    text: str, sp: str, ss: int, se: int, mentions: list[Mention], kb: KB
) -> tuple[str, str | None, str | None]:
    low = sp.lower()
    inside = [m for m in mentions if ss <= m.start and m.end <= se]
    first = inside[0] if inside else None
    media = set(kb.p.get("quotes", {}).get("media", []))
    if low in _PRONOUNS:
        return "unknown", None, None
    if first is not None and first.entity in media and first.start == ss:
        return "self", first.entity, _name(kb, first)
    if low in kb.self_speakers:
        return "self", first.entity if first else None, _name(kb, first) if first else sp
    words = re.findall(r"[a-z][\w-]*", low)
    head = _head(words)
    people = [m for m in inside if m.label == "PERSON"]
    if people and people[0].start == ss:
        return "named", people[0].entity, _name(kb, people[0])
    if head in kb.anonymous or " ".join(words[-2:]) in kb.anonymous:
        owner = _appositive_owner(text, ss, mentions)
        if owner is not None:
            return "named", owner.entity, _name(kb, owner)
        return "anonymous", None, None
    if head in _DOC_NOUNS:
        return "document", None, None
    if first is not None and first.start == ss:
        return "named", first.entity, _name(kb, first)
    rest = sp.split()[1:]
    common = {"from", "of", "in", "at", "the", "and", "who", "with"}
    if (
        sp[:1].isupper()
        and first is None
        and len(rest) >= 2
        and all(w[:1].islower() for w in rest)
        and common & set(rest)
    ):
        return (
            "anonymous",
            None,
            None,
        )  # "Schoolchildren from the flood-hit areas": capitalised only as a start
    if sp[:1].isupper():
        return "named", first.entity if first else None, _name(kb, first) if first else sp
    return "unknown", None, None


def _head(words: list[str]) -> str:
    """The head noun: the word before the first preposition ('speakers at the conference' -> speakers)."""
    for i, w in enumerate(words):
        if w in _PREPS and i > 0:
            return words[i - 1]
    return words[-1] if words else ""


def _appositive_owner(text: str, ss: int, mentions: list[Mention]) -> Mention | None:
    """'Ramon Jimenez, president of the committee, said': the role's owner is the name before the comma."""
    if text[max(0, ss - 2) : ss] != ", ":
        return None
    prev = [m for m in mentions if m.end == ss - 2 and m.label == "PERSON"]
    return prev[0] if prev else None


def _resolve(quotes: list[Quote], text: str, sentences, mentions, kb: KB, doc: Document) -> list[Quote]:
    """Pronouns and documents ('it', 'he', 'the article') take who they stand for."""
    out: list[Quote] = []
    for q in quotes:
        low = (q.speaker_text or "").lower()
        if low in _PRONOUNS:
            prev = next((p for p in reversed(out) if p.speaker_kind in ("named", "self", "anonymous")), None)
            if prev is not None and _compatible(low, prev, kb):
                q = replace(
                    q,
                    speaker_entity=prev.speaker_entity,
                    speaker_kind=prev.speaker_kind,
                    speaker_name=prev.speaker_name,
                )
            elif low in ("he", "she"):
                person = _last_subject(text, sentences, mentions, q.speaker_start or 0)
                q = replace(
                    q,
                    speaker_entity=person.entity if person else None,
                    speaker_kind="named" if person else "anonymous",
                    speaker_name=_name(kb, person),
                )
            elif low == "they":
                q = replace(q, speaker_kind="anonymous")
        elif q.speaker_kind == "document":
            kind, who = _publisher(text, mentions, q.speaker_start or 0, kb, doc)
            q = replace(
                q,
                speaker_kind=kind,
                speaker_entity=who.entity if who else _source_entity(doc),
                speaker_name=_name(kb, who) if who else _name(kb, None) or doc.source,
            )
        out.append(q)
    return out


def _source_entity(doc: Document) -> str | None:
    return {"kcna": "kcna", "rodong sinmun": "rodong-sinmun"}.get(doc.source.lower())


def _compatible(pronoun: str, prev: Quote, kb: KB) -> bool:
    e = kb.entity(prev.speaker_entity)
    if pronoun in ("he", "she"):
        if e is not None:
            return e.type == "PERSON"
        return prev.speaker_kind == "anonymous" or (
            prev.speaker_name is not None and (prev.speaker_text or "").lower() not in _DOC_NOUNS
        )
    if pronoun == "it":
        return (
            prev.speaker_kind == "self" or (e is not None and e.type == "ORG") or prev.speaker_kind == "named"
        )
    return True


def _last_subject(text: str, sentences, mentions: list[Mention], before: int) -> Mention | None:
    starts = {s.start for s in sentences}
    subj = [
        m
        for m in mentions
        if m.label == "PERSON"
        and m.end <= before
        and (m.start in starts or text[max(0, m.start - 4) : m.start] in ("-- ", "--"))
    ]
    if subj:
        return subj[-1]
    people = [m for m in mentions if m.label == "PERSON" and m.end <= before]
    return people[-1] if people else None


def _publisher(
    text: str, mentions: list[Mention], at: int, kb: KB, doc: Document
) -> tuple[str, Mention | None]:
    """'the article said': the article of whoever the text says carried or issued it; DPRK media are self."""
    media = set(kb.p.get("quotes", {}).get("media", []))
    window = text[max(0, at - 1500) : at]
    base = at - len(window)
    issued = list(
        re.finditer(
            r"\b(?:carried|published|issued|released|sent|posted|ran|wrote|said in|says in|"
            r"in an? (?:article|editorial|statement|commentary|letter|message))\b",
            window,
        )
    )
    noun = (text[at : at + 20].split() or [""])[0].lower().strip(",.")
    if noun in ("article", "paper", "editorial", "commentary", "daily", "newspaper"):
        near = [x for x in mentions if at - 600 <= x.start < at and x.entity in media]
        if near:
            return "self", near[-1]
    for m in reversed(issued):
        pos = base + m.start()
        cands = [
            x for x in mentions if pos - 250 <= x.start and x.end <= pos and x.label in ("ORG", "PERSON")
        ]
        people = [x for x in cands if x.label == "PERSON"]
        if noun in ("message", "letter", "telegram", "reply") and people:
            return "named", people[0]
        if cands:
            c = cands[-1]
            return ("self" if c.entity in media else "named"), c
    if noun in ("article", "paper", "editorial", "commentary", "daily", "newspaper"):
        before = [x for x in mentions if x.end <= at and x.entity in media]
        return "self", before[-1] if before else None
    return "named", None


def _sentence_of(sentences: list[Sentence], pos: int) -> Sentence | None:
    for s in sentences:
        if s.start <= pos < s.end:
            return s
    return None
