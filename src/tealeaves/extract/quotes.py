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

import bisect
import re
from dataclasses import replace

from tealeaves.extract.coref import (
    BROADCAST_WORD,
    GOES_ON,
    INTRO_WORDS,
    NATIONALITY,
    NOT_NAME_START,
    ORG_NOUNS,
    PAPER_WORD,
    PORTFOLIO_OFFICE,
    POSTING_VERBS,
    PREPOSITIONS,
    PRONOUNS,
    SHARED_HEAD,
    Discourse,
    capitalised_name,
    country_entity,
    government_name,
    media_words,
    medium_kind_lead,
    medium_noun_end,
    nationality_width,
    resolve,
    role_modifiers,
    shared_head_first,
    speaker_words,
)
from tealeaves.extract.entities import BASED, demonym_after, state_demonym
from tealeaves.extract.eventdates import MONTH, WEEKDAY
from tealeaves.extract.kb import KB, holds_any
from tealeaves.model import Document, Mention, Quote, Sentence

# (compiled once: hot paths)
_LAST_WORD = re.compile(r"(\S+)\s+$")
_COMMA_DET_END = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?$")
_SPAN_CUT = re.compile(r",\s|\s+in\s+[A-Z]|\s+\(")
_WEEKDAY = WEEKDAY
_QUOTED = re.compile(r"\"([^\"]{2,1500}?)\"|“([^”]{2,1500}?)”")
_DET = re.compile(r"^(?:the|a|an|The|A|An|la|el|La|El|las|los|Las|Los|un|una|Un|Una)\s+")
_FRESH = re.compile(r"(?:recent|latest|new|earlier|previous|fresh)\s+(?=[A-Z])")
# a work's title in quotation marks, alone or with when it was made ("Korean Geography" compiled in 1481)
_BOOK_TITLE = re.compile(
    r"[\"“]([A-Z][^\"”]{1,80}?)[,.]?[\"”](?:\s+(?:compiled|written|published|released|edited)\s+in\s+\d{3,4})?"
)
# "expressing his expectation and belief", "Expressing his deep trust and expectation"
_EXPRESSING = (
    r"(?:expressing|voicing)\s+(?:(?:his|her|their|its|the|deep|firm|great|strong|full|high|warm)\s+){0,3}"
    r"(?:expectations?|belief|hopes?|conviction|trust|confidence|understanding)"
    r"(?:\s+and\s+(?:(?:his|her|the|deep|firm)\s+){0,2}(?:expectations?|belief|hopes?|conviction|trust|confidence))?"
)
_PARTICIPLES = (
    r"(?:adding|noting|saying|stressing|pointing out|underlining|emphasizing|declaring|recalling|hoping|"
    r"citing (?:the )?facts?|"
    r"telling\s+(?:[\w'’-]+\s+){1,10}?(?=that\b)|"  # "telling the commanding officers who ... that"
    + _EXPRESSING
    + ")"
)
_PARTICIPLE_RE = re.compile(_PARTICIPLES, re.I)
_LEAD_PARTICIPLE = re.compile(
    r"(" + _PARTICIPLES + r"|Noting|Stressing|Saying|Pointing out)\s+(?:that\s+)?(.{10,}?),\s+", re.I
)
_LEAD_PARTICIPLE_CLAUSE = re.compile(
    r"(?:" + _PARTICIPLES + r"|Noting|Stressing|Saying)\s+(?:that\s+)?.{10,}?,\s+", re.I
)
_TRAIL_PARTICIPLE = re.compile(r",\s+(?:and\s+)?(" + _PARTICIPLES + r")(?:\s+(?:that\s+)?|:\s+)", re.I)


def _media_alt(kb: KB) -> str:
    """The packs' media nouns as one alternation ("paper", "diario", ...), for patterns that name a medium."""
    return "|".join(sorted(kb.media_nouns, key=len, reverse=True))


_CLAUSE_PARTICIPLE = re.compile(r",\s+(?:and\s+)?" + _PARTICIPLES + r"\b", re.I)


def find_quotes(doc: Document, sentences: list[Sentence], mentions: list[Mention], kb: KB) -> list[Quote]:
    if kb.cues_re is None:
        return []
    text = doc.text
    out: list[Quote] = []
    # where a cue may be glued to a person's name before it ("Kim Jong Unsaid that ...")
    glued = [m.end for m in mentions if m.label == "PERSON" and text[m.end : m.end + 1].isalpha()]
    if sentences and sentences[0].start < doc.body_offset:
        out += _headline(text, sentences[0], mentions, kb, english=doc.lang == "en")
    for m in _QUOTED.finditer(text, doc.body_offset):
        q = _direct(text, m, sentences, mentions, kb, glued)
        if q is not None:
            out.append(q)
    out += _blocks(text, doc, sentences, mentions, kb, glued)
    out += _says_this(text, doc, sentences, mentions, kb)
    if "as saying" in text:
        out += _quoted_as_saying(text, doc, sentences, mentions, kb)
    for sent in sentences:
        if sent.start < doc.body_offset or _asi(kb).match(text, sent.start, sent.end):
            continue  # ("Asi senala el diario ...": the words are the sentence before)
        for q in _indirect(text, sent, mentions, kb, glued):
            if q.speaker_start is not None and any(
                m.label == "ORG" and m.start < q.end < m.end and m.start < q.speaker_start < m.end
                for m in mentions
            ):
                continue  # ("Ministry of Land, Infrastructure and Transport issued ...": one name, no words)
            if not any(
                o.start < q.end and q.start < o.end and not (_nested(o, q) or _nested(q, o)) for o in out
            ):
                out.append(q)
    for q in _inline_blocks(text, doc, sentences, mentions, kb, glued):
        if not any(o.start < q.end and q.start < o.end for o in out):
            out.append(q)  # (where no other rule found the words)
    out.sort(key=lambda q: q.start)
    out = _continued(out, kb)
    return _resolve(out, text, sentences, mentions, kb, doc)


# "The Finance Ministry quoted a survey on June 14 as saying that ...": the one quoted speaks, the clause
# after "saying" (or the sentence's opening clause, when nothing follows: "..., Antara quoted a minister as
# saying on Friday.")
_QUOTED_AS = re.compile(
    r"\bquoted\s+(?:(?:the|a|an)\s+)?(?P<sp>[^.;:\"“]{1,150}?)(?:\s+(?:on|in)\s+(?:"
    + _WEEKDAY
    + r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?\s+as\s+(?P<cue>saying)\b"
    r"(?P<when>\s+(?:on|at|in|during)\s+[^,\"“]{1,80}?(?=\s+that\b|[.,]?$))?(?:\s*,?\s*that\b)?\s*"
)


_WAS_QUOTED_AS = re.compile(
    r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?quoted\s+"
    r"as\s+saying\b(?:\s*,?\s*that\b)?\s*"
)
_AS_SAYING = re.compile(r"\s+(?:on\s+[^,]{1,30}?\s+)?as\s+saying\b|" + _WAS_QUOTED_AS.pattern)


def _quoted_as_saying(text: str, doc: Document, sentences: list[Sentence], mentions, kb: KB) -> list[Quote]:
    out = []
    for sent in sentences:
        if sent.start < doc.body_offset:
            continue
        s = text[sent.start : sent.end]
        m = _QUOTED_AS.search(s)
        passive = _WAS_QUOTED_AS.search(s) if m is None else None
        if passive is not None:
            # "Kim Yong Nam was quoted as saying that ...": the subject was quoted
            m = passive
            speaker = _subject_before(text, sent.start, sent.start + m.start(), kb)
            if speaker is None:
                continue
        elif m is None:
            continue
        else:
            speaker = (sent.start + m.start("sp"), sent.start + m.end("sp"))
        body_end = len(s.rstrip(" .!?"))
        if len(s[m.end() : body_end].split()) >= 3:
            qs, qe = m.end(), _clause_end(s, m.end(), body_end)
        elif passive is not None:
            continue  # ('"...," Khamenei was quoted as saying.': the quotation's own rule)
        else:
            comma = s.rfind(", ", 0, m.start())
            if comma < 0 or len(s[:comma].split()) < 3:
                continue
            qs, qe = len(s) - len(s.lstrip()), comma
        out.append(_quote(text, sent.start + qs, sent.start + qe, False, speaker, "saying", mentions, kb))
    return out


_GOES_ON = frozenset({"goes on", "went on", "continued", "continues", "adding", "added", "went on to say"})


def _continued(quotes: list[Quote], kb: KB) -> list[Quote]:
    """'..., says Rodong Sinmun, and goes on:' — a block whose own subject is missing continues the
    speaker of the quote just before it."""
    out = list(quotes)
    for i, q in enumerate(out):
        opening = not q.direct and (q.cue[:1].isupper() or q.cue.lower() in kb.zero_subject_cues)
        # ("Asevero que ...", "En el comedor dijo que ...": a subject-less sentence)
        if q.speaker_start is not None or (q.cue.lower() not in _GOES_ON and not opening) or i == 0:
            continue
        prev = out[i - 1]
        if prev.speaker_start is None or q.start - prev.end > (600 if opening else 200):
            continue
        out[i] = replace(
            q,
            speaker_text=prev.speaker_text,
            speaker_start=prev.speaker_start,
            speaker_end=prev.speaker_end,
            speaker_entity=prev.speaker_entity,
            speaker_kind=prev.speaker_kind,
            speaker_name=prev.speaker_name,
        )
    return out


def _nested(inner: Quote, outer: Quote) -> bool:
    """A quote by another speaker inside a reported clause ('the article noted that the representative
    claimed "..."'): both are quotes."""
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and inner.end - inner.start < 0.8 * (outer.end - outer.start)
        and inner.speaker_start is not None
        and outer.start <= inner.speaker_start < outer.end
    )


# -- headline attributions ------------------------------------------------------------------------
_HEADLINE_VERBS = frozenset(
    {"Is", "Are", "Was", "Were", "Be", "Make", "Makes", "Made", "Will", "Has", "Have", "Can"}
)


def _speaker_first(words: list[str], text: str, kb: KB) -> bool:
    """An English headline that opens with its speaker and a colon: a surname no pack knows ("Larijani:
    ..."), or a demonym and what the speaker is ("Qatari PM: ...", "Palestinian Official: ..."); not a place
    or a topic label ("DPRK: ...", "S. Korea: ...", "History: ...")."""
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if len(words) == 1:
        w = words[0]
        return (
            w not in kb.surface
            and w.lower() not in kb.stopwords
            and re.fullmatch(r"[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?", w) is not None
            and country_entity(w, kb) is None
            and w not in kb.person_titles  # ("President: ...": whose, the headline does not say)
            and re.search(r"\b" + w.lower() + r"\b", text) is None  # ("History: ...": a word, no name)
        )
    hit = kb.surface.get(" ".join(words))
    return (
        (hit is None or hit[0] != "PLACE")
        and words[0] not in kb.surface  # (a demonym, not the country's name: "DPRK Watches U.S. Moves: ...")
        and not _HEADLINE_VERBS & set(words)  # ("Korean Revolution Is Invincible: ...": a sentence)
        and country_entity(words[0], kb) is not None
    )


_HEADLINE_SPEAKER_FIRST = re.compile(r"(?P<sp>[A-Z][^:]{2,40}):\s+(?P<q>[^:]{10,})$")
_HEADLINE_SPEAKER_LAST = re.compile(r"(?P<q>.{10,}?)(?P<cue>:\s+|\s*--\s*)(?P<sp>[A-Z][^:]{1,60})$")
_HEADLINE_SAYS = re.compile(
    r"(?P<q>.{10,}?),\s+(?P<cue>says|said|ratifica|dice|afirma|senala|señala|destaca)\s+(?P<sp>.{2,60})$"
)


def _headline(text: str, sent: Sentence, mentions, kb: KB, english: bool = True) -> list[Quote]:
    title = text[sent.start : sent.end]
    if ":" not in title and "--" not in title and "," not in title:
        return []  # (every shape below needs one of these: most headlines have none)
    first = _HEADLINE_SPEAKER_FIRST.match(title)
    if first and len(first.group("sp").split()) <= 4 and len(first.group("q").split()) >= 3:
        # "President Ahmadinejad: LatAm Will No Longer Be US' Backyard": a person, then his words
        se = sent.start + first.end("sp")
        media = speaker_words(kb)[0]
        people = [
            (m.start, m.end)
            for m in mentions
            if m.end == se
            and m.start >= sent.start
            and (
                m.label == "PERSON"
                or m.entity in media
                or (english and m.label == "ORG" and m.start == sent.start)
            )
        ]  # ("Rodong Sinmun: <headline>": a DPRK medium, then its words; "Hamas: ...": a body alone)
        words = first.group("sp").split()
        if not people and words[0] in kb.person_titles and len(words) >= 2:
            people = [(se - len(" ".join(words[1:])), se)]  # a title and a name no pack knows
        if not people and english and _speaker_first(words, text, kb):
            people = [(sent.start + first.start("sp"), se)]
        if people:
            qs, qe = sent.start + first.start("q"), sent.start + first.end("q")
            return [_quote(text, qs, qe, False, people[0], ":", mentions, kb)]
    m = _HEADLINE_SPEAKER_LAST.match(title)
    cue = m.group("cue").strip() if m else ":"
    if m is None:
        m = _HEADLINE_SAYS.match(title)
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
# between a cue and the quotation: 'said to him:', 'told KCNA:, ,', 'said in a speech:', 'said that'
_AFTER_CUE = re.compile(
    r"\s*(?:(?:to\s+)?(?:him|her|them|us|me|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})\s*)?"
    r"(?:that|as follows|in (?:a|an|the|his|her|its) [\w-]+|\w+ly)?[\s,:]*"
)


_TITLED = re.compile(
    r"\b(?:titled|entitled|headlined|subtitled|captioned|under the (?:title|theme|slogan))\s*$"
)


# a past-tense verb (and an adverb) right before a colon that opens a quotation: who spoke is its subject
_VERB_BEFORE_COLON = re.compile(r"(?<=[a-z,])\s+([a-z]+(?:ed|ept|ote|old|oke))(?:\s+[a-z]+ly)?\s*$")


def _holder_after(text: str, speaker: tuple[int, int], mentions) -> tuple[int, int]:
    """'..., dijo la viceministra de Industria Metalurgica, O Hi Sun (56 anos de edad) ante': the office's
    holder named in apposition after it, else the office."""
    holder = _HOLDER_AFTER.match(text, speaker[1])
    named = [x for x in mentions if holder and x.start == holder.end() and x.label == "PERSON"]
    if (
        named
        and _HOLDER_CLOSES.match(text, named[0].end)
        and re.match(r"(?:(?:la|el|the)\s+)?[a-z]", text[speaker[0] : speaker[0] + 8])
    ):
        return (named[0].start, named[0].end)
    return speaker


def _direct(text: str, m: re.Match, sentences, mentions, kb: KB, glued=()) -> Quote | None:
    g = 1 if m.group(1) is not None else 2
    qs, qe = m.start(g), m.end(g)
    if len(text[qs:qe].split()) < 3 or any(m.start == qs and m.end >= qe - 1 for m in mentions):
        return None  # a title, a name or a slogan in quotation marks, not speech
    while qe > qs and text[qe - 1] in ", ":
        qe -= 1
    if _TITLED.search(text, max(0, m.start() - 30), m.start()):
        return None  # 'an article titled "Popular Leader"': a title, not speech
    words = text[qs:qe].split()
    if (
        len(words) <= 8
        and text[qe - 1] not in ".!?"
        and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
    ):
        return None  # '... the opera "Liang Shanbo and Zhu Yingtai"': a Title Case name of a work
    sent = _sentence_of(sentences, m.start())
    s_start = sent.start if sent else max(0, m.start() - 300)
    before = text[s_start : m.start()]
    after = text[m.end() : min(len(text), m.end() + 120)]
    cue, speaker = None, None
    cues_before = _cues(before, s_start, glued, kb)
    c = cues_before[-1] if cues_before else None  # the last cue before the quote
    if c is not None and _AFTER_CUE.fullmatch(before[c.end() :]):
        cue = c.group()
        at = c.start()
        if _PARTICIPLE_RE.fullmatch(cue):
            # 'X openly said that ..., adding "..."': the participle's subject is the main verb's
            main = [
                x
                for x in cues_before[:-1]
                if not _PARTICIPLE_RE.fullmatch(x.group()) and _cue_is_verb(before, x.start())
            ]
            if main:
                at = main[-1].start()
        speaker = _subject_before(text, s_start, s_start + at, kb)
    else:
        np = r"((?:the |a |an )?[A-Za-z][\w'’.-]*(?: [\w'’.\"-]+){0,7}?)"
        a = kb.rx("direct-after-np", lambda: r"\s*,?\s*" + np + r"\s+(" + kb.cue_alt + r")\b").match(after)
        b = kb.rx("direct-after-cue", lambda: r"\s*,?\s*(" + kb.cue_alt + r")\s+" + np + r"\s*[.,;]").match(
            after
        )
        thus = a is not None and a.group(1) in ("Asi", "Así")
        asi = (
            kb.rx(
                "direct-after-asi", lambda: r"\s*,?\s*(?:Asi|Así)\s+(" + kb.cue_alt + r")\s+" + _ASI_SPEAKER
            ).match(after)
            if thus
            else None
        )
        if asi is not None:
            # '"...", Asi dijo a la ACNC Tokgo Hyon Song (46 anos de edad)': "thus said" and its subject after
            # the verb and whom it told
            cue = asi.group(1)
            speaker = _holder_after(text, (m.end() + asi.start("sp"), m.end() + asi.end("sp")), mentions)
        elif thus:
            cue = a.group(2)  # ("Asi dijo", the subject not found after it: no speaker)
        elif a is not None and not _is_clause(a.group(1)):
            cue = a.group(2)
            ss = m.end() + a.start(1)
            speaker = (ss, ss + len(a.group(1)))
        elif b is not None and not _is_clause(b.group(2)):
            cue = b.group(1)
            ss = m.end() + b.start(2)
            speaker = (ss, ss + len(b.group(2)))
            speaker = _holder_after(text, speaker, mentions)
        elif before.rstrip().endswith(":"):
            cue = ":"
            end = len(before.rstrip()) - 1
            verb = _VERB_BEFORE_COLON.search(before, 0, end)
            if c is not None and _CUE_TO_COLON.fullmatch(before.rstrip(), c.end()):
                # 'President Roza Otunbayeva said in a speech on this occasion: "..."': the cue, then a phrase
                cue, end = c.group(), c.start()
            elif verb:  # 'Ra Kyong Hui, 30, a woman residing in Central District, wept bitterly: "..."'
                cue, end = verb.group(1), verb.start(1)
            speaker = _subject_before(text, s_start, s_start + end, kb)
        elif sent is not None and not before.strip(" ,\r\n\t"):
            # 'Morten Traavik said:, ,  "I think ..."': the quotation opens the sentence after the cue
            prev = next((x for x in reversed(sentences) if x.end <= sent.start), None)
            ps = text[prev.start : prev.end].rstrip() if prev is not None else ""
            if prev is not None and ps.endswith(":"):
                pc = _cues(ps, prev.start, glued, kb)
                if pc and _CUE_TO_COLON.fullmatch(ps, pc[-1].end()):
                    cue = pc[-1].group()
                    if _PARTICIPLE_RE.fullmatch(cue):  # "Kim Jong Un in the speech declared ..., saying:"
                        speaker = _opening_subject(text, prev, mentions)
                    if speaker is None:
                        speaker = _subject_before(text, prev.start, prev.start + pc[-1].start(), kb)
                    if speaker is None:  # "A delegate, Han Ji Hyon (16), elder sister of ..., who ..., said:"
                        speaker = _named_in_opening(text, prev, mentions)
    if cue is None:
        return None
    return _quote(text, qs, qe, True, speaker, cue, mentions, kb)


# what a disaster claims: "the flood ..., claiming big casualties" is no speech
_TOLL = re.compile(
    r"\s+(?:(?:a|the|big|heavy|huge|great|many|numerous|massive|more|over|about|at|least|some|hundreds|"
    r"thousands|dozens|of|\d[\d,.]*)\s+){0,4}(?:casualties|lives|victims|deaths|toll)\b"
)


# a Spanish conditional before a verb: "si prosigue el ritmo actual" (if the pace goes on), no speech cue
_IF_BEFORE = re.compile(r"(?:^|\s)[Ss]i\s+$")


def _cues(s: str, offset: int, glued, kb: KB) -> list[re.Match]:
    """The speech cues in ``s`` (at ``offset`` in the text), with those glued to a person's name before
    them at the positions ``glued`` ("Kim Jong Unsaid that ...": a source dropped the space after the name;
    the positions are found once per document, so the common case costs nothing)."""
    cues = [
        c
        for c in kb.cues_re.finditer(s)
        if not (
            c.group().endswith("ing")
            and (
                _NOUN_BEFORE_ING.search(s, max(0, c.start() - 8), c.start())
                or (c.group() == "claiming" and _TOLL.match(s, c.end()))
            )
        )
        and not _IF_BEFORE.search(s, max(0, c.start() - 4), c.start())
    ]
    # ("the U.S. House of Representatives' warning", "his warning": a noun, no cue)
    extra = []
    for at in glued:
        if offset < at < offset + len(s):
            g = kb.rx("cue-at", lambda: r"(?:" + kb.cue_alt + r")\b").match(s, at - offset)
            if g is not None:
                extra.append(g)
    return sorted([*cues, *extra], key=lambda c: c.start()) if extra else cues


def _blocks(text: str, doc: Document, sentences: list[Sentence], mentions, kb: KB, glued=()) -> list[Quote]:
    """'The message said:' followed by the message, printed without quotation marks."""
    out = []
    for i, sent in enumerate(sentences):
        s = text[sent.start : sent.end]
        if not s.endswith(":") or i + 1 >= len(sentences) or sent.start < doc.body_offset:
            continue
        cues = _cues(s, sent.start, glued, kb)
        c = cues[-1] if cues else None
        if c is None or not _CUE_TO_COLON.fullmatch(s, c.end()):
            # 'released the following press statement on June 27:', 'dio la siguiente respuesta a la ACNC:'
            c = _FOLLOWING.search(s) or _FOLLOWING_ES.search(s)
            if c is None:
                continue
            cues = [c]
        first = sentences[i + 1]
        if text[first.start] in '"“':
            continue  # a direct quote in marks: handled there
        last = first
        for nxt in sentences[i + 2 :]:
            ns = text[nxt.start : nxt.end]
            if (
                ns.endswith(":")
                or (
                    kb.cues_re.search(ns) and _attribution_in(ns, kb) and not _leader_opens(nxt, mentions, kb)
                )
                or _new_source(text, nxt, mentions, kb)
            ):
                break
            last = nxt
        end = last.end
        while end > first.start and text[end - 1] in " -0\n":
            end -= 1
        cue_at = c.start()
        reported_goes_on = False
        if len(cues) > 1 and re.fullmatch(r",\s*(?:and\s+)?|\s+(?:and|y)\s+", s[cues[-2].end() : c.start()]):
            cue_at = cues[-2].start()  # 'the paper said, and went on:', '... said and went on:': who said it
            # goes on
        elif (
            len(cues) > 1
            and _CONTINUE.search(s[: c.end()])
            and _AND_Y_BEFORE.search(s, 0, c.start())
            and _THAT_AFTER_CUE.match(s, cues[-2].end())
            and _INVERTED_BLOCK_ES.search(s, cues[-2].end(), c.start()) is None  # (not "..., comenzo el
            # informador y prosiguio:", a speaker of its own)
        ):
            # "X dijo que cada frase le conmueve mucho y prosiguio:", "X said that ... and went on:": who
            # reported the clause goes on, not the clause's subject
            cue_at = cues[-2].start()
            reported_goes_on = True
        elif _PARTICIPLE_RE.fullmatch(c.group()):
            # 'X noted that the DPRK celebrated the Day of the Sun with splendor, adding:': the participle's
            # subject is the main verb's, not the reported clause's
            main = [
                x for x in cues[:-1] if not _PARTICIPLE_RE.fullmatch(x.group()) and _cue_is_verb(s, x.start())
            ]
            if main:
                cue_at = main[-1].start()
        inverted = (
            _INVERTED_BLOCK.fullmatch(s, cues[-2].end(), c.start())
            if len(cues) > 1 and s[: cues[-2].start()].rstrip().endswith(",") and not reported_goes_on
            else None
        )
        zero_subject = False
        speaker = None
        if inverted is None and not reported_goes_on and _CONTINUE.search(s[: c.end()]):
            # "Asi senala el diario Rodong Sinmun en un comentario ... y continua:", "..., comienza el
            # articulo y prosigue:": the subject after the first verb; "..., asevera y prosigue:": none
            inverted = _INVERTED_BLOCK_ES.search(s, 0, c.start())
            zero_subject = inverted is None and _ZERO_SUBJECT_ES.search(s, 0, c.start()) is not None
            if inverted is None and re.search(r",\s+y\s+$", s[: c.start()]):
                # "En un comentario ..., el diario Rodong Sinmun lo califica de ..., y continua:": the
                # sentence's subject goes on (the medium it names, else the last speaker)
                media = speaker_words(kb)[0]
                named = [
                    m
                    for m in mentions
                    if sent.start <= m.start < sent.start + c.start() and m.entity in media
                ]
                if named:
                    speaker = (named[0].start, named[0].end)
                else:
                    zero_subject = True
        pronoun_es = _PRONOUN_BLOCK_ES.match(s, c.end())
        if pronoun_es is not None:
            speaker = (sent.start + pronoun_es.start(1), sent.start + pronoun_es.end(1))
        elif inverted is not None:
            # '..., said the commentary, adding:': the speaker follows the first cue
            speaker = (sent.start + inverted.start(1), sent.start + inverted.end(1))
        elif speaker is not None:
            pass  # (the medium the sentence names, above)
        elif zero_subject:
            speaker = None  # "..., subraya y continua:": Spanish drops the subject, the last speaker goes on
        elif (tail := _INVERTED_TAIL_ES.match(s, c.end())) is not None and s[: c.start()].rstrip()[
            -1:
        ] == ",":
            # "..., senalo Kim y continuo:", "..., senalo el informante y continuo:": the speaker after the
            # cue, who goes on in the block
            speaker = (sent.start + tail.start(1), sent.start + tail.end(1))
        else:
            speaker = _subject_before(text, sent.start, sent.start + cue_at, kb)
        if speaker is not None:
            inv = re.match(r"(?:" + kb.cue_alt + r")\s+(?:the\s+|a\s+|an\s+)?", text[speaker[0] : speaker[1]])
            if inv and inv.end() < speaker[1] - speaker[0]:
                speaker = (speaker[0] + inv.end(), speaker[1])  # "..., said the statement, adding:"
        if speaker is None and _CONTINUE.search(s[: c.end()]):
            prev = [q for q in out if q.end <= sent.end and q.speaker_start is not None]
            if prev:
                speaker = (prev[-1].speaker_start, prev[-1].speaker_end)
        cue = c.group("verb") if c.re is _FOLLOWING else c.group()
        out.append(_quote(text, first.start, end, True, speaker, cue, mentions, kb))
    return out


def _inline_blocks(
    text: str, doc: Document, sentences: list[Sentence], mentions, kb: KB, glued=()
) -> list[Quote]:
    """'Rodong Sinmun Tuesday observes in a bylined commentary in this regard: These are shameless remarks
    ...': a cue and a colon, then the words on the same line, to the end of the paragraph."""
    out = []
    for i, sent in enumerate(sentences):
        if sent.start < doc.body_offset:
            continue
        s = text[sent.start : sent.end]
        colon = s.find(": ")
        if colon < 0 or not s[colon + 2 : colon + 3].isupper():
            continue
        cues = [
            c
            for c in _cues(s[:colon], sent.start, glued, kb)
            if _CUE_TO_COLON.fullmatch(s, c.end(), colon + 1)
        ]
        if not cues:
            continue
        c = cues[-1]
        speaker = _subject_before(text, sent.start, sent.start + c.start(), kb)
        if (
            speaker is None
            or len(text[speaker[0] : speaker[1]].split()) > 8
            or re.search(r"\d", text[speaker[0] : speaker[1]])
        ):
            continue
        last = sent
        for nxt in sentences[i + 1 :]:
            gap = text[last.end : nxt.start]
            ns = text[nxt.start : nxt.end]
            if "\n" in gap or _PARAGRAPH_GAP.search(gap) or ns.endswith(":") or _attribution_in(ns, kb):
                break
            last = nxt
        start = sent.start + colon + 2
        end = last.end
        while end > start and text[end - 1] in " .":
            end -= 1
        out.append(_quote(text, start, end, True, speaker, c.group(), mentions, kb))
    return out


_PARAGRAPH_GAP = re.compile(r",\s*,|\r")


# between a cue and the colon opening its block: 'said:', 'told KCNA:', 'said in a joint statement on April
# 21:', 'observes in a bylined commentary in this regard:'
_CUE_TO_COLON = re.compile(r"\s*(?:[\w\s]{0,25}|(?:in|on|at|with|through|under|as)\s[\w\s,.'’-]{0,70})?:")
_INVERTED_BLOCK = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+|el\s+|la\s+|los\s+|las\s+)?([\w'’.-]+(?:\s+[\w'’.-]+){0,7}?)(?:,\s*(?:and\s+)?|\s+y\s+)"
)  # ("..., said the commentary, adding:", "..., senala el articulo y prosigue:")
_SAYS_THIS = re.compile(
    r"(?P<sp>[A-Z][^,.;:]{1,80}?)\s+(?:(?:" + _WEEKDAY + r"|today)\s+)?"
    r"(?P<cue>says|said|observes|observed|notes|noted|stresses|stressed|writes|wrote|points out|pointed out|"
    r"urges|urged|emphasizes|emphasized|asserts|asserted|claims|claimed|holds|insists)"
    r"\s+(?:this(?:\s+(?:stand|view|position|point|opinion|stance|idea|fact))?|so)\b"
    # (then the sentence ends or a phrase follows: "He said this is an ethic issue" is a clause)
    r"(?=\s*(?:[.,;:!]|$)|\s+(?:in|on|at|when|while|through|with|as|about|during|before|after|today|"
    + _WEEKDAY
    + r")\b)"
)


_SAYS_THIS_AFTER_COMMA = re.compile(r",\s+(?=[A-Z])" + _SAYS_THIS.pattern)
# Spanish "Asi senala el diario Rodong Sinmun en un comentario ...": the same, the subject after the verb
_ASI_VERBS = (
    r"senala|señala|dice|destaca|subraya|indica|afirma|escribe|revela|sostiene|apunta|"
    r"expresa|comenta|precisa|agrega|anade|añade|recalca|enfatiza|"
    # (and the past: "Asi senalo el dia 28 de octubre el jefe de delegacion coreana")
    r"senalo|señaló|dijo|destaco|destacó|subrayo|subrayó|indico|indicó|afirmo|afirmó|escribio|escribió|"
    r"expreso|expresó|recalco|recalcó|enfatizo|enfatizó|agrego|agregó|preciso|precisó"
)
_ASI = (
    # "Asi senala el diario ...", and the verb first: "Senala asi el diario Rodong Sinmun ..."
    r"(?:(?:Asi|Así)\s+(?P<cue>" + _ASI_VERBS + r")|(?P<cue2>(?i:" + _ASI_VERBS + r"))\s+(?:asi|así))\s+"
    r"(?:el\s+d[ií]a\s+\d{1,2}(?:\s+de\s+[a-z]+)?\s+)?(?:el|la|los|las)\s+"
    r"(?:(?:MEDIA)\s+)?"
    r"(?P<sp>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|[a-z]+)"
)


# the subject after "Asi dijo", past whom it told ("a la ACNC", "al reportero") and its article: a name, or an
# office up to the comma before its holder ("la gerente del almacen, Kim Yong Ok")
_ASI_SPEAKER = (
    r"(?:(?:a\s+(?:la|el|los|las|este|esta|un|una)|al)\s+(?:[A-Z]{2,}|[a-z]+)\s+)?"
    r"(?:(?:el|la|los|las)\s+)?(?P<sp>[A-Za-zñáéíóú][\w'’-]*(?:\s+[\w'’-]+){0,14}?)\s*(?=[.,;(]|$)"
)


_PLACE_ADVERB_PRONOUN = re.compile(r"(?:There|Here|Then|Later|Now|Again|Also)\s+(he|she|they|it|He|She|They)")
_FREE_RELATIVE = re.compile(r"(?:^|\s)(?:What|what|Whatever|whatever)\s+(?:he|she|they|it|we)\s+$")
_THUS_BEFORE = re.compile(r"(?:^|[\s,\"”])(?:Asi|Así)\s+$")


def _asi(kb: KB) -> re.Pattern:
    return kb.rx("asi", lambda: _ASI.replace("MEDIA", _media_alt(kb)))


def _says_this(text: str, doc: Document, sentences: list[Sentence], mentions, kb: KB) -> list[Quote]:
    """'Rodong Sinmun Wednesday says this in a bylined article.': the sentence before is its words."""
    out = []
    for i, sent in enumerate(sentences):
        if i == 0 or sent.start < doc.body_offset:
            continue
        seg = text[sent.start : sent.end]
        asi = _asi(kb).match(text, sent.start, sent.end)
        if asi is not None and sentences[i - 1].start >= doc.body_offset:
            prev = sentences[i - 1]
            cue = asi.group("cue") or asi.group("cue2")
            q = _quote(text, prev.start, prev.end, False, asi.span("sp"), cue, mentions, kb)
            if q.end > q.start:
                out.append(replace(q, end=q.end - 1, text=q.text[:-1]) if q.text.endswith(".") else q)
            continue
        if " this" not in seg and " so" not in seg:
            continue
        m = _SAYS_THIS.match(text, sent.start, sent.end)
        prev = sentences[i - 1]
        if m is None:
            # "It is necessary to ..., Rodong Sinmun Monday says this in a by-lined article.": the words
            # before the comma in the same sentence
            tail = _SAYS_THIS_AFTER_COMMA.search(text, sent.start, sent.end)
            if tail is not None and tail.start() - sent.start > 20:
                speaker = _subject_before(text, tail.start("sp"), tail.start("cue"), kb)
                q = _quote(text, sent.start, tail.start(), False, speaker, tail.group("cue"), mentions, kb)
                if q.end > q.start:
                    out.append(q)
            continue
        if prev.start < doc.body_offset:
            continue
        speaker = _subject_before(text, sent.start, m.start("cue"), kb)
        q = _quote(text, prev.start, prev.end, False, speaker, m.group("cue"), mentions, kb)
        if q.end > q.start:
            out.append(replace(q, end=q.end - 1, text=q.text[:-1]) if q.text.endswith(".") else q)
    return out


_INVERTED_BLOCK_ES = re.compile(
    r"(?:^|,\s+|As[ií]\s+)[A-Za-zñáéíóú]+\s+(?:as[ií]\s+)?(?:(?:el|la|los|las)\s+|(?=[A-Z]))"
    r"([\w'’.-]+(?:\s+[\w'’.-]+){0,5}?)"  # (", comenzo Pak y prosiguio:": a name needs no article)
    r"(?:\s+(?:en|de|del|este|esta)\s+[^,:]{0,100}?)?\s+y\s+$"
)
# "..., senalo Kim y continuo:": the speaker after an inverted cue, then the verb of going on and the colon
_INVERTED_TAIL_ES = re.compile(
    r"\s+(?:as[ií]\s+)?(?:(?:el|la|los|las)\s+)?([\w'’.-]+(?:\s+[\w'’.-]+){0,5}?)\s+y\s+(?:"
    + GOES_ON
    + r")\s*:$"
)
# "..., senalo el y continuo:": the pronoun after the verb (él written without its accent)
_PRONOUN_BLOCK_ES = re.compile(r"\s+(él|el|ella)\s+y\s+[a-záéíóúñ]+\s*:")
_ZERO_SUBJECT_ES = re.compile(r",\s+[a-zñáéíóú]+\s+y\s+$")  # "..., asevera y prosigue:"
_AND_Y_BEFORE = re.compile(r",?\s+(?:and|y)\s+$")
_THAT_AFTER_CUE = re.compile(r"\s+(?:that|que)\s")
_CONTINUE = re.compile(r"\b(?:" + GOES_ON + r"|adding|added)$")
_FOLLOWING = re.compile(
    r"\b(?P<verb>released|issued|published|made public|sent|carried|read out|announced|gave|made)\s+"
    r"(?:(?:on\s+)?" + _WEEKDAY + r"\s+)?"
    r"the following\b[^:]{0,300}:$"
)
# the same in Spanish: "el portavoz del MINREX de la RPDC dio el dia 31 la siguiente respuesta a la ACNC:",
# "hizo publica la vispera la siguiente declaracion:"
_FOLLOWING_ES = re.compile(
    r"\b(?P<verb>dio|dieron|hizo|hicieron|formulo|formuló|emitio|emitió|publico|publicó|difundio|difundió)\s+"
    r"(?:[^:]{0,80}?\s+)?(?:la|las|el|los)\s+siguientes?\b[^:]{0,300}:$"
)


# what a source newly introduced does: "... on June 12 posted on its Internet homepage an article"
_SOURCE_ACTS = re.compile(
    r"(?:\s+(?:on|in)\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?)?(?:\s+[a-z]+ly)?(?:\s+"
    + POSTING_VERBS
    + r"|,?\s+in\s+(?:a|an|its|their)\s+(?:joint\s+)?(?:statement|article|letter|message|"
    r"bulletin|commentary|press\s+release|declaration|appeal))\b"
)  # ("The Nepalese Association ..., in its bulletin on August 17, said that": the comma before "in")


def _first_mention(mentions: list[Mention], sent: Sentence) -> Mention | None:
    """The first mention starting inside the sentence (``mentions`` are in text order)."""
    i = bisect.bisect_left(mentions, sent.start, key=lambda m: m.start)
    return mentions[i] if i < len(mentions) and mentions[i].start < sent.end else None


def _new_source(text: str, sent: Sentence, mentions: list[Mention], kb: KB) -> bool:
    """The sentence opens with a person or body no pack knows, then what a new source does: "The Brazilian
    Committee for Solidarity with the DPRK on June 12 posted ... an article", "The Federal Leadership of ...
    in a statement on June 8 condemned", "The Indonesian paper Suara Karya on June 29 carried an article": a
    new paragraph of a round-up, not the last source's words."""
    first = _first_mention(mentions, sent)
    if first is None or first.label not in ("PERSON", "ORG") or first.entity is not None:
        return False
    lead = medium_kind_lead(kb).match(text, sent.start, sent.end)  # ("The Indonesian paper")
    opens = (
        re.fullmatch(r"\s*(?:[Tt]he\s+)?", text[sent.start : first.start]) is not None
        or (lead is not None and lead.end() == first.start)
        or _MEDIUM_OF_LEAD.fullmatch(text, sent.start, first.start) is not None
    )
    return opens and _SOURCE_ACTS.match(text, first.end, sent.end) is not None


# a body's medium before its name: "An Internet homepage of the Brazilian Communist Party on May 27 carried"
_MEDIUM_OF_LEAD = re.compile(
    r"\s*(?:[Aa]n?|[Tt]he|[Ii]ts)\s+(?:[\w-]+\s+){0,2}(?:homepage|website|web\s+site|organ|newspaper|paper|"
    r"magazine|bulletin|journal)\s+of\s+(?:the\s+)?"
)


def _leader_opens(sent: Sentence, mentions: list[Mention], kb: KB) -> bool:
    """The sentence opens with a leader the packs know ("Marshal Kim Jong Un, supreme leader of the Korean
    people, clarified that ..."): in a foreign figure's speech, what the leader said is the speaker's own
    paragraph, no new attribution."""
    first = _first_mention(mentions, sent)
    return first is not None and first.entity in kb.leaders and first.start - sent.start <= 20


def _attribution_in(s: str, kb: KB) -> bool:
    return bool(
        kb.rx(
            "attribution",
            lambda: (
                r"(?:,\s+|^)(?:he|she|it|they|the \w+|[A-Z][\w ]{0,40}?"
                r"|[A-Z][\w '’-]{0,120}?,?\s+in\s+(?:a|an|its|his|her|their)\s+[\w\s.]{1,40}?,?"
                # "Kim Cha Dol, chairman of the Central Standing Committee of ..., said": a name opening the
                # sentence, then its appositive
                r"|(?<![\w,] )[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4},\s+[^,:;\"“”]{2,200}?,)"
                r"\s+(?:\w+ly\s+)?"
                + kb.cue_alt
                + r"\b(?!\s+to\s+[a-z])"  # ("They wished to see ...": no speech)
            ),
        ).search(s)
    )


# -- indirect speech --------------------------------------------------------------------------------
# a subordinating conjunction opening a sentence: "When an official said that ..., Kim Jong Il asked"
_SUBORDINATE = re.compile(r"(?:When|While|As|After|Once|If|Since|Because|Though|Although)\s+(?=\S)")


def _indirect(text: str, sent: Sentence, mentions, kb: KB, glued=()) -> list[Quote]:
    s = text[sent.start : sent.end]
    body_end = len(s.rstrip(" .!?"))
    out: list[Quote] = []
    main_speaker: tuple[int, int] | None = None
    # Noting that A, he said B
    p = _LEAD_PARTICIPLE.match(s)
    lead_quote = None
    after_lead = 0
    if p:
        end = _lead_end(s, p.start(2) + 10)
        end = end if end is not None and end > p.end(2) else p.end(2)
        after_lead = _COMMA_SPACE.match(s, end).end()
        lead_quote = (sent.start + p.start(2), sent.start + end, p.group(1))
    cues = _cues(s, sent.start, glued, kb)
    zero = _zero_subject_closing(s, body_end, kb) if cues and not p else None
    if zero is not None:
        # "A, dijo y agrego que B.", "A, apunto.": Spanish drops the subject; the person the story is about
        # said A (and B), resolved as a sentence opening with its cue is
        (a_end, c1), more = zero
        a_start = len(s) - len(s.lstrip())
        out.append(_quote(text, sent.start + a_start, sent.start + a_end, False, None, c1, mentions, kb))
        if more is not None:
            c2, b_start = more
            out.append(
                _quote(text, sent.start + b_start, sent.start + body_end, False, None, c2, mentions, kb)
            )
        return out
    closing = _closing(s, body_end, cues, kb) if cues else None
    if closing is not None:
        # A, X said[, adding B].  /  A, said X in a statement.  (cues inside A are part of the quote)
        (sa, sb), cue, q_end, attr_end = closing
        speaker = (sent.start + sa, sent.start + sb)
        main_speaker = speaker
        q_start = _clause_start(s, q_end)
        out.append(_quote(text, sent.start + q_start, sent.start + q_end, False, speaker, cue, mentions, kb))
        out += _trailing(text, sent, s, attr_end, body_end, speaker, mentions, kb)
    else:
        # X said (that) A[, adding (that) B]
        # "When an official said that it was the fish farm, Kim Jong Il asked ...": a cue in an opening
        # subordinate clause reports up to the clause's comma; the main clause may report more
        subordinate = _SUBORDINATE.match(s)
        resume = 0
        for c in cues:
            if c.start() < resume:
                continue
            by_ing = c.group().endswith("ing") and s[max(0, c.start() - 3) : c.start()] == "by "
            if (lead_quote and c.start() < after_lead) or not (by_ing or _cue_is_verb(s, c.start())):
                # ("by asserting that ...": the means of the main verb, its subject's words)
                continue
            if _PARTICIPLE_RE.fullmatch(c.group()) and not by_ing:
                continue
            near = max(0, c.start() - 24)  # (both end at the cue: only the words right before it)
            if _THUS_BEFORE.search(s, near, c.start()) or _FREE_RELATIVE.search(s, near, c.start()):
                # '"...", Asi dijo a la ACNC X': "thus said", the words are before it; "What they said over
                # the issue is nothing but rhetoric": what was said, the subject of another verb
                continue
            rest = s[c.end() :]
            if not rest.strip(" .!?") or rest.lstrip().startswith((",", ".", ";")):
                continue
            t = (
                _PP_THAT.match(rest)
                or (c.group().lower() in _TELL and _OBJECT_THAT.match(rest))
                or (c.group().lower() in kb.zero_subject_cues and _TOLD_ES.match(rest))
                or _THAT.match(rest)
            )
            clause_start = c.end() + t.end()
            if t.group(1) is None and c.group().lower() in _TELL and _TELL_TO.match(s, c.end()):
                continue  # "told officials to have its design drawn": a request, not speech
            told = _TOLD_WHOM.match(s, c.end()) if t.group(1) is None and c.group().lower() in _TELL else None
            if told:
                clause_start = told.end()  # "told KCNA the company is always ready": past whom he told
            when = _WHEN_WORD.match(rest) if t.group(1) is None else None
            when_that = _THAT_AFTER_WHEN.match(s, c.end() + when.end()) if when is not None else None
            if when_that is not None:
                clause_start = when_that.end()  # "announced Friday that ...": past the time word and "that"
            elif when is not None and _PRONOUN_CLAUSE.match(s, c.end() + when.end()):
                clause_start = c.end() + when.end()  # "announced Wednesday he would ...": past the time word
            elif t.group(1) is None and _PRONOUN_CLAUSE.match(s, c.end()):
                pass  # "They declared they would ...": a clause with its own subject and verb, no "that"
            elif t.group(1) is None and c.group().lower() in ("asked", "asks") and _ASKED.match(s, c.end()):
                # "he asked the chief engineer how much fertilizer it applied": the question asked (after
                # "if", from the question word on)
                clause_start = _ASKED.match(s, c.end()).end()
            elif t.group(1) is None and (
                kb.is_object_cue(c.group()) or not _clausal(s[clause_start:body_end])
            ):
                continue
            if t.group(1) is None and _NOT_SPEECH.match(s, clause_start):  # ("said that on ...": a clause)
                continue
            if _IMPERSONAL.search(s, 0, c.start()):
                continue  # "It was reported that ...": no speaker in the text, no quote
            speaker = (by_ing and _opening_subject(text, sent, mentions)) or _subject_before(
                text, sent.start, sent.start + c.start(), kb
            )
            adverb_only = s[: c.start()].strip(" ,") in _OPENER_ADVERBS  # ("Ademas, agrego que ...")
            pp_only = (
                (kb.subjectless_opening_re.fullmatch(s, 0, c.start()) is not None or adverb_only)
                and (t.group(1) or adverb_only)
                # ("En la audiencia el secretario general dijo que": the phrase, then a subject after all)
                and not re.fullmatch(
                    _LEAD_PP_ES.pattern + r"(?:el|la|los|las)\s+[a-záéíóúñ]+(?:\s+[a-záéíóúñ]+)?\s*",
                    s[: c.start()],
                )
            )
            if (speaker is None or pp_only) and not (
                (c.start() == 0 and c.group()[:1].isupper() and t.group(1)) or pp_only
            ):
                continue  # (a sentence opening with its cue, "Senalo que ...", continues the last speaker)
            pronoun_es = re.search(r"(?<=[a-z,]\s)(él|el|ella)\s+$", s[: c.start()]) if pp_only else None
            if pronoun_es is not None:
                # "En su nota el destaco que ...": the pronoun (its accent lost) after the opening phrase
                speaker, pp_only = (sent.start + pronoun_es.start(1), sent.start + pronoun_es.end(1)), False
            if pp_only:
                speaker = None  # "En el comedor dijo que ...": no subject here either
            main_speaker = speaker
            end = _clause_end(s, clause_start, body_end)
            comma = s.find(",", clause_start, end) if subordinate and "," not in s[: c.start()] else -1
            if comma > 0:
                end = comma  # (also "Fish Farm,Kim Jong Ilasked": words glued in the source)
            if end - clause_start > 10:
                out.append(
                    _quote(
                        text,
                        sent.start + clause_start,
                        sent.start + end,
                        False,
                        speaker,
                        c.group(),
                        mentions,
                        kb,
                    )
                )
            if comma > 0:
                resume = comma
                main_speaker = None
                continue
            out += _trailing(text, sent, s, end, body_end, speaker, mentions, kb)
            break
    if (
        lead_quote or (not out and (_TRAIL_PARTICIPLE.search(s) or _AND_CUE_THAT_HINT.search(s)))
    ) and main_speaker is None:
        main_speaker = _sentence_subject(s, sent.start, after_lead)  # (only when a quote can follow)
        if main_speaker is not None and not lead_quote:
            out += _trailing(text, sent, s, 0, body_end, main_speaker, mentions, kb)
    if lead_quote and main_speaker:
        out.insert(
            0, _quote(text, lead_quote[0], lead_quote[1], False, main_speaker, lead_quote[2], mentions, kb)
        )
    if kb.according_re is not None:
        if not out:
            out += _according(text, sent, s, mentions, kb)
        else:
            # "The 6th Corps ... announced on Sept. 23 that it would ..., according to south Korean Yonhap
            # News.": the medium reports the whole sentence, the corps' words inside it
            reported = _according(text, sent, s, mentions, kb)
            r = reported[0] if reported else None
            if (
                r is not None
                and r.speaker_kind in ("named", "self")
                and r.start < min(q.start for q in out)
                and r.end < r.speaker_start
            ):
                # (the words inside end where the medium's attribution begins)
                out = [r] + [
                    replace(q, end=min(q.end, r.end), text=text[q.start : min(q.end, r.end)])
                    for q in out
                    if q.start < r.end
                ]
    return out


# what may follow the holder's name in a Spanish speaker span that opens with an office (the packs' offices
# and titles written head first): an age, a phrase ("en su discurso inaugural"), "y otros oradores"
_AFTER_NAME_ES = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:,\s*)?(?:(?:en|durante|al|con|y\s+(?:otros|otras|demas|los\s+demas))\b.*)?",
    re.DOTALL,
)


def _zero_subject_closing(s: str, body_end: int, kb: KB):
    """'La piscifactoria ... es el terreno muy apropiado ..., dijo y agrego que esta empresa ...': words,
    then a comma and a Spanish cue with no subject (one the pack lists as taking none), alone at the end of
    the sentence, joined by "y" to a second such cue and its clause, to another verb ("..., dijo y
    presento las tareas"), or to a cue and a colon ("..., indico y prosiguio:", the words after it a
    block). Returns ((end of the words, cue), (second cue, start of its clause) or None), relative to
    ``s``; None when the sentence is not so made."""
    if not kb.zero_subject_cues:
        return None

    def pattern() -> str:
        alt = "|".join(map(re.escape, sorted(kb.zero_subject_cues, key=len, reverse=True)))
        return (
            r",\s+(?P<c1>" + alt + r")(?:\s+y\s+(?:(?P<c2>" + alt + r"|prosigui[oó]|continu[oó])\s+que\s+"
            r"(?P<b>\S.*?)|[a-zñáéíóú]+(?:o|ó)\s(?!que\b).*?|(?:"
            + alt
            + r"|prosigui[oó]|continu[oó]):?))?\s*$"
        )

    m = kb.rx("zero-subject-closing", pattern).search(s, 0, body_end)
    if m is None or len(s[: m.start()].split()) < 5 or m.group("c1") != m.group("c1").lower():
        return None
    if re.search(r"\b" + kb.cue_alt + r"\s+(?:[^,.;]{0,40}?\s)?que\b", s[: m.start()]):
        return None  # ("El Dirigente senalo que ..., dijo y ..."): a cue with its clause before it
    more = (m.group("c2"), m.start("b")) if m.group("c2") else None
    return (m.start(), m.group("c1")), more


def _named_in_opening(text: str, sent: Sentence, mentions: list[Mention]) -> tuple[int, int] | None:
    """'A delegate, Han Ji Hyon (16), elder sister of ...': a person named, with an age or an appositive,
    in the first words of the sentence."""
    for m in mentions:
        if (
            sent.start <= m.start < sent.start + 40
            and m.label == "PERSON"
            and re.match(r"\s*(?:\(\d{1,3}\))?\s*,", text[m.end : m.end + 8])
        ):
            return m.start, m.end
    return None


def _opening_subject(text: str, sent: Sentence, mentions: list[Mention]) -> tuple[int, int] | None:
    """The name or pronoun a sentence opens with ('The U.S. Department of Defense ... by asserting')."""
    lead = re.match(r"\s*(?:The\s+)?", text[sent.start : sent.end])
    at = sent.start + lead.end()
    pr = re.match(r"(?:He|She|It|They)\b", text[at : at + 5])
    if pr:
        return at, at + pr.end()
    for m in mentions:
        if m.start == at and m.label in ("PERSON", "ORG"):
            return m.start, m.end
    return None


_COMMA_SPACE = re.compile(r",\s+")
# whom a Spanish cue tells: "dijo a la ACNC que ...", "senalo al reportero que ..."
_TOLD_ES = re.compile(r"\s+(?:a\s+(?:la|el|los|las)|al)\s+[\w.-]+(?:\s+[\w.-]+){0,3}?\s+(que\s+)")
_PP_THAT = re.compile(
    # (and Spanish: "dijo en el informe que", "senalo en su discurso que", "afirmo ante los periodistas que")
    r"\s+(?:in|at|on|during|through|to|with|en|durante|ante)\s+(?:[^,]{2,60}?"
    # (a title in quotation marks: 'said in an article titled "Anniversary of the foundation ..." that')
    r"|(?:a|an|its|his|her|their|the)\s+[\w-]+\s+(?:titled|headlined|entitled|captioned)\s+(?:\"[^\"]{1,200}\"|“[^”]{1,200}”))"
    r"\s+(that\s+|que\s+)"
)
_OBJECT_THAT = re.compile(r"\s+[^,]{2,50}?\s+(that\s+)")
_THAT = re.compile(r"\s*(?:,\s*)?(that\s+|que\s+)?")
_WHEN_WORD = re.compile(r"\s+(?:(?:on\s+)?" + _WEEKDAY + r"|today|yesterday)\b")
_THAT_AFTER_WHEN = re.compile(r"\s+that\s+")
# whom and what was asked: "asked the accompanying officials where ...", "asked a saleswoman if ..."
_ASKED = re.compile(
    r"\s+(?:[^,.;:\"“]{1,80}?\s+)??(?:if\s+|(?=(?:whether|where|how|what|why|when|which|who)\s))"
)
# a clause that opens with a pronoun and a finite verb: "he would nationalize ...", "it was ..."
_PRONOUN_CLAUSE = re.compile(
    r"\s*(?:he|she|they|it|we)\s+(?:would|will|is|was|were|are|has|had|have|should|could|must|can|may|might)\b"
)
_IMPERSONAL = re.compile(
    r"(?:^|[,;]\s+|\b(?:and|but)\s+)(?:it|It)\s+(?:is|was|has been|had been|will be|can be|may be)\s+"
    # ("It was also disclosed that", "It was recently reported that")
    r"(?:(?:also|recently|further|already|widely|officially|universally|generally|once again)\s+)?$"
)

_TELL_TO = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?(?:to\s+[a-z]|about\b|of\s)")
_TELL = {"told", "tells", "assured", "assures", "informed", "informs", "reminded", "reminds"}
_TOLD_WHOM = re.compile(
    r"\s+(?:him|her|them|us|me|reporters|journalists|[A-Z]{2,6})\s+(?=(?:the|a|an|he|she|it|they)\b|[A-Z])"
)


# cues that can follow the quote and come before their subject: '..., said the committee.'
_SAY = {"said", "says", "noted", "notes", "stressed", "stresses", "added", "adds", "declared", "declares",
        "wrote", "writes", "pointed out", "points out", "concluded", "concludes", "dijo", "dice", "senalo",
        "señaló", "afirmo", "afirmó", "declaro", "declaró", "senala", "señala", "subraya", "destaca",
        "indica", "agrega", "añade", "anade", "subrayo", "subrayó", "indico", "indicó", "destaco", "destacó",
        "agrego", "agregó", "anadio", "añadió", "recalco", "recalcó", "apunto", "apuntó", "expreso",
        "expresó"}  # fmt: skip


_CLOSE_NP = re.compile(
    r",[\"”]?\s+((?:[\w'’.\"-]+\s+){0,14}?[\w'’.\"-]+)\s+(?:(?!(?:daily|weekly|monthly|quarterly)\b)[a-z]\w*ly\s+)?$"
)  # ("..., the daily noted": the paper, not "the" and an adverb; "National Assembly said": no adverb)
# a participle of speaking or meeting opening the sentence, then only its phrase before the subject's comma
_CIRCUMSTANCE_OPENER = re.compile(
    r"\s*(?:Speaking|Addressing|Talking|Writing|Answering|Replying|Responding|Meeting|Visiting|Commenting)\s+"
    r"[^,;:]*$"
)
_CIRCUMSTANCE_LEAD = re.compile(_CIRCUMSTANCE_OPENER.pattern[:-1] + r",\s+")
# a name, its appositive and the comma before a closing cue: ", Ivan Petrov, secretary of the committee, said"
_CLOSE_APPOSED = re.compile(
    r",\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4}),\s+(?P<app>(?:the\s+|a\s+|an\s+)?[a-z][^,;:\"“”]{2,150}?),\s+$"
)
# what may follow a closing cue: ", adding", "." (also "..., Rodong Sinmun Monday says in an article, and
# goes on:")
# a month, written out or abbreviated
_MONTH_NAME = r"(?:" + MONTH + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_CLOSE_WHEN = (
    r"(?:(?:on\s+)?(?:" + _WEEKDAY + r"|today|yesterday|" + _MONTH_NAME + r"\.?\s+\d{1,2}(?:,\s+\d{4})?)\s*)?"
)  # ("..., a navy spokesman said Monday.", "... said on April 17.")
# what may follow a closing cue: a time, and the piece it was said in, the time before or after it
# ("... said in a statement on June 18.")
# whom a closing "told" told: "..., he told KCNA.", "... told reporters", "... told a press conference"
_TOLD_CLOSE = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|reporters|journalists|newsmen|the\s+press|"
    r"(?:a|the)\s+(?:[\w-]+\s+)?(?:conference|briefing|meeting|rally|gathering))(?=\s*[,.]|\s*$|\s+(?:on|in|at)\s)"
)
_AFTER_CLOSE = re.compile(
    r"\s*" + _CLOSE_WHEN + r"(?:in\s+(?:a|an|its|his|her|the)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*"
    r"(?:(?<=\s)" + _CLOSE_WHEN + r")?)?(?:,|\.|$)"
)
# after a verb of saying, also where: "..., the representative said at a Security Council open meeting on
# April 21."
_AFTER_SAID_AT = re.compile(
    r"\s*(?:at|during|before)\s+(?:a|an|the|its|his|her|their|this|that)\s+[^,.;:\"“”()]{1,80}?\s*(?:,|\.|$)"
)
# a Spanish speaker after the cue, with its article: "..., dijo el delegado de la RPDC, en su discurso"
_INVERTED_ES = re.compile(
    r"\s+(?:el|la)\s+([a-záéíóúñ]{3,}(?:\s+(?:de|del)\s+(?:la\s+|el\s+|los\s+|las\s+)?[^,;:]{1,80}?)?)"
    r"(?=\s*(?:,|:|$)|\s+(?:en un |en su |y ))"
)
_FINITE_BEFORE_COMMA = re.compile(
    r"[^,;]*?\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might)\b"
)
_BEFORE_INVERTED = re.compile(r",\s+$")
# a verb somewhere in a stretch of text: what a quote has and a name with its title has not
_HAS_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|must|may|might|do|does|did|"
    r"es|son|fue|ha|han)\b|\b[a-z]{2,}(?:ed|es)\b|\b[a-z]{3,}[^s's]s\b|"
    # (past tenses of their own: "President Kim Il Sung led the Korean people to victory, said X")
    r"\b(?:led|made|gave|took|held|met|sent|went|came|saw|paid|kept|won|built|brought|fought|taught|stood|"
    r"grew|began|became|rose|fell|lost|found|spent|bore|drew|wrote|chose|shone|laid|struck|threw|knew)\b"
)
# offices after an inverted cue with the body they hold them in: "..., said the president of the Asian
# Olympic Council."
_INVERTED_ROLES = frozenset(
    re.findall(
        r"\w+",
        "secretary president chairman chairwoman chairperson chief director minister ambassador delegate "
        "representative head leader premier rector dean governor mayor manager editor commander",
    )
)


def _inverted_np(kb: KB) -> re.Pattern:
    """ "..., said Rodong Sinmun", "..., said the statement", "..., senala el articulo y prosigue:" """
    return kb.rx(
        "inverted-np",
        lambda: (
            r"\s+(?:(?:el|la|los|las)\s+)?((?:the\s+)?(?:[A-Z][^,;:]{1,150}?"
            # ("..., said the south Korean weekly Media Today": a medium's noun after its place, then its
            # name)
            r"|(?:[\w.-]+\s+){0,3}?(?:"
            + _media_alt(kb)
            + r")\s+[A-Z][^,;:]{1,60}?|(?:[a-z][\w-]*\s+){0,2}(?:"
            + "|".join(
                sorted(
                    kb.doc_nouns
                    | ORG_NOUNS
                    | {"spokesman", "spokeswoman", "spokesperson", "official"}
                    # ("..., said the radio.": a broadcaster's noun)
                    | {w for w in kb.broadcast_nouns if w.islower() and " " not in w}
                )
            )
            + r")|(?:[a-z][\w-]*\s+){0,2}(?:"
            # ("..., says a bylined commentary of DPRK major paper Rodong Sinmun Friday": a document, whose)
            + "|".join(sorted(kb.doc_nouns))
            + r")\s+(?:of|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}[A-Z][^,;:]{1,100}?"
            + r"|(?:[a-z][\w-]*\s+){0,2}(?:"
            + "|".join(sorted(_INVERTED_ROLES))
            + r")\s+(?:of|for)\s+(?:the\s+)?[A-Z][^,;:]{1,120}?))"
            r"(?=\s+(?:in an? |on |at |to |through |when |who |y |en un |en su )|\s*(?:,|:|$))"
        ),
    )


# a body's head and its first field, then capitalised fields set off by commas: ", the Ministry of Education,
# Culture, Sports, "
_LISTED_NAME_BEFORE = re.compile(
    r",\s+(?:the\s+)?([A-Z][\w'’-]*\s+(?:of|for)\s+[A-Z][\w'’-]*)(?:,\s+[A-Z][\w'’-]*)+,\s+$"
)


def _closing(s: str, body_end: int, cues: list[re.Match], kb: KB):
    """A closing attribution: '..., he said[, adding ...].' or '..., said X in a statement on May 22.'
    Returns ((speaker start, end), cue, end of the quote, end of the attribution) relative to ``s``."""
    for c in cues:
        if c.end() > body_end + 1:
            break
        after = c.end()
        whom = (
            _TOLD_CLOSE.match(s, c.end(), body_end + 1)
            if c.group().lower() in _TELL and not s.rstrip().endswith(":")  # ("... told KCNA:": a block)
            else None
        )
        if (
            whom is not None
            and _AFTER_CLOSE.match(s, whom.end(), body_end + 1)
            # (not '... told KCNA, "Snowfall makes me ..."': the words told come after)
            and not re.match(r"\s*,\s*[\"“]", s[whom.end() :])
        ):
            after = whom.end()  # "..., Ranjith Perera told KCNA.": past whom he told
        elif not _AFTER_CLOSE.match(s, c.end(), body_end + 1) and not (
            c.group().lower() in _SAY and _AFTER_SAID_AT.match(s, c.end(), body_end + 1)
        ):
            continue
        m = _CLOSE_NP.search(s, max(0, c.start() - 150), c.start())
        if m is None:
            a = _CLOSE_APPOSED.search(s, max(0, c.start() - 220), c.start())
            if a is not None and a.start() > 15 and not _is_clause(a.group("app")):
                # "A, Kurbonzyon Mirzoyeva, secretary of the Sogd Regional Committee ..., noted.": the name
                # before its appositive
                return (a.start(1), a.end(1)), c.group(), a.start(), after
            continue
        sp = m.group(1)
        listed = _LISTED_NAME_BEFORE.search(s, max(0, m.start() - 150), m.start() + 2)
        if listed is not None and _NAME_LIST_TAIL.match(sp) and listed.start() > 15:
            # "..., the Ministry of Education, Culture, Sports, Science and Technology reported": a name
            # listing its fields with commas, from its head on
            return (listed.start(1), m.end(1)), c.group(), listed.start(), after
        if _CIRCUMSTANCE_OPENER.match(s, 0, m.start()):
            continue  # ("Speaking at a seminar, Mun Jong In said, ...": the circumstance, no words said)
        if m.start() > 15 and not _is_clause(sp) and not sp.lower().startswith(("and ", "but ", "as ")):
            return (m.start(1), m.end(1)), c.group(), m.start(), after
    if s.rstrip()[-1:] not in '.!?"”:':
        return None
    for c in cues:
        if c.group().lower() not in _SAY or c.start() <= 15 or not _BEFORE_INVERTED.search(s, 0, c.start()):
            continue
        m = _inverted_np(kb).match(s, c.end(), body_end) or _INVERTED_ES.match(s, c.end(), body_end)
        if m and _FINITE_BEFORE_COMMA.match(s, m.end(), body_end) and not re.match(r"\s+who\s", s[m.end() :]):
            # "X, spokesman for the PNA, said Israeli restrictions ... are": a clause, not 'said X' (but "...,
            # said X who is head of its delegation": a relative clause of the speaker)
            continue
        if m and not _HAS_VERB.search(s, 0, c.start()):
            continue  # "Choe Un Bok, chairwoman of the Association, said Kim Jong Un clarified ...": no
            # quote before the cue (a name and its title), so the cue opens the reported clause
        if (
            m
            and (
                len(m.group(1).split()) <= 14
                # ("..., said the Peruvian Preparatory Committee for Commemorating the Centenary of Birth of
                # President Kim Il Sung in a statement": a long name, every word capitalised or a connector)
                or (
                    len(m.group(1).split()) <= 25
                    and all(w[:1].isupper() or w in _NAME_JOINERS for w in m.group(1).split()[1:])
                )
            )
        ):
            b = _BEFORE_INVERTED.search(s, max(0, c.start() - 5), c.start())
            return (m.start(1), m.end(1)), c.group(), b.start(), m.end()
    return None


_NOT_SPEECH = re.compile(
    r"(?:the (?:need|importance|necessity|urgency)|him|her|them|success|satisfaction|thanks|gratitude|"
    r"to |for |with |on |at |in |(?:new |fresh |more |great |further |eternal )?"
    r"(?:luster|lustre|glory|fuel|impetus|momentum|splendou?r|colou?r|weight|strength|vigou?r|pleasure|joy|beauty|charm|flavou?r|fragrance|"
    r"value|meaning|significance|dignity|vitality|elegance)\b)",
    re.I,
)


_SUBJECT = re.compile(r"(?:He|She|They|he|she|they|It|it|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4})(?=,? [a-z])")


_DEF_SUBJECT = re.compile(
    r"(?:the|The)\s+(?:(?:respected|dear)\s+)*"
    r"(?P<np>(?:[a-z][\w-]*\s+){0,2}(?:envoy|ambassador|delegation|delegate|head|leader|chairman|president|"
    r"minister|secretary|premier|spokesman|representative|director|guest|guests|visitor|visitors)"
    r"|[\w-]+(?: [A-Z][\w-]*)*)(?=,? [a-z])"
)  # "The special envoy met ...": a role noun ends the subject


# a time that opens a sentence before its subject: "One day in December ...,", "That day he ..."
_TIME_OPENER = (
    r"(?:(?:One|That|This|The next|The following|Next|Last|Every|Each)\s+"
    r"(?:day|morning|afternoon|evening|night|time|year|month|week|spring|summer|autumn|winter)|"
    r"Later|Earlier|Afterwards|Subsequently|Meanwhile|Recently|Lately)\b"
)


def _sentence_subject(s: str, offset: int, at: int) -> tuple[int, int] | None:
    """The subject at ``at`` (a pronoun, a name, 'the letter', 'the respected General Secretary'): who
    speaks in 'Saying that ..., he expressed thanks'."""
    opener = re.match(r"[A-Z][a-z]+\b", s[at:])
    bare = re.match(
        r"(?:At|In|On|During|After|Inside|Then|Later|"
        + _TIME_OPENER
        + r")\b[^,]{0,60}?\s?\b(he|she|they)\s+[a-z]",
        s[at:],
    )
    if bare:  # "At the coffee shop he sat on a stool, saying ...": no comma after the opening phrase
        return offset + at + bare.start(1), offset + at + bare.end(1)
    if (opener and opener.group() in INTRO_WORDS) or re.match(_TIME_OPENER, s[at:]):
        # ("One day in December Juche 46 (1957), President Kim Il Sung visited ..., saying": a time first)
        # "When a devastating flood hit ..., he took measures ..., saying ...": past the opening clause
        c = re.compile(r",\s*(?=(?:he|she|it|they|the|He|She|It|They|The)\b|[A-Z])").search(s, at)
        if c is None:
            return None
        at = c.end()
    d = _DEF_SUBJECT.match(s, at)
    if d is not None:
        return offset + d.start("np"), offset + d.end("np")
    m = _SUBJECT.match(s, at)
    if m is None or m.group().split()[0] in ("The", "A", "An", "This", "That", "In", "On", "At"):
        return None
    if m.group().split()[0].endswith("ing"):
        return None  # "Listening to his explanation, ...": a participle, not a subject
    return offset + m.start(), offset + m.end()


def _lead_end(s: str, start: int) -> int | None:
    """Where a leading 'Noting that ...' clause ends: at the comma before its subject ('..., he stressed')."""
    pron = _LEAD_PRONOUN.search(s, start)
    if pron:
        return pron.start()
    found = list(_LEAD_SUBJECT.finditer(s, start))
    for o in found:
        # (the one whose noun a finite verb follows: "..., the first revolutionary vanguard organization of
        # a new type in Korea, the paper introduced")
        if _LEAD_SUBJECT_VERB.match(s, o.end()):
            return o.start()
    return found[0].start() if found else None


_LEAD_PRONOUN = re.compile(r",\s+(?=(?:he|she|they|it)\s+[a-z])")
# the subject after the leading clause: "the" and its noun (a name's capitalised words after it)
_LEAD_NP = r"(?:the|The)\s+(?:respected\s+|dear\s+)*[\w-]+(?: [A-Z][\w-]*)*,? "
_LEAD_SUBJECT = re.compile(
    r",\s+(?=" + _LEAD_NP + r"(?!of |in |at |to |for |on |with |from |by |and |or )[a-z])"
)  # (not "the second of its kind")
_LEAD_SUBJECT_VERB = re.compile(
    _LEAD_NP + r"(?:[a-z]+ly\s+)?"
    r"(?:[a-z]+(?:ed|es)|says|said|told|wrote|went|held|gave|made|put|took|saw|spoke|sent|set|kept|drew)\b"
)


def _trailing(text, sent, s: str, after: int, body_end: int, speaker, mentions, kb) -> list[Quote]:
    """'..., adding (that) B' after a main attribution: another quote by the same speaker."""
    second = _AND_CUE_THAT.match(s, after)
    if second is not None and second.end() < body_end - 10:
        end = _clause_end(s, second.end(), body_end)
        return [
            _quote(
                text,
                sent.start + second.end(),
                sent.start + end,
                False,
                speaker,
                second.group(1),
                mentions,
                kb,
            ),
            *_trailing(text, sent, s, end, body_end, speaker, mentions, kb),
        ]
    m = _TRAIL_PARTICIPLE.search(s, after)
    if m is None or m.end() >= body_end - 10:
        return []
    if _NOT_SPEECH.match(s, m.end()) and not (
        m.group().rstrip().endswith("that") and _CLAUSE_OPENER.match(s, m.end())
    ):
        return []  # ("adding to it", "noting with satisfaction"; not "adding that to this end the factory")
    direct = m.group().rstrip().endswith(":")  # "he said, adding: It is ...": the words as spoken
    end = len(s.rstrip()) if direct else body_end
    return [_quote(text, sent.start + m.end(), sent.start + end, direct, speaker, m.group(1), mentions, kb)]


def _clause_end(s: str, start: int, body_end: int) -> int:
    m = _CLAUSE_PARTICIPLE.search(s, start)
    n = _AND_CUE_THAT.search(s, start)  # "said that A and warned that B": two quotes
    ends = [x.start() for x in (m, n) if x is not None and x.start() < body_end]
    return min(ends) if ends else body_end


_AND_CUE = (
    r"and\s+(?:also\s+)?(said|stressed|noted|warned|added|declared|emphasized|pointed out|affirmed|"
    r"expressed the hope|expressed the belief|hoped|claimed|stated)\s+that\s+"
)
_AND_CUE_THAT = re.compile(r",?\s+" + _AND_CUE)
# (whether a sentence holds one: "and" after a space, written to open with its "a", so that the engine skips
# to that letter instead of trying the optional comma and the spaces at every position)
_AND_CUE_THAT_HINT = re.compile(r"a(?<=\sa)" + _AND_CUE[1:])


# a phrase opening a clause after "that": "adding that to this end ...", "... that in order to supply ..."
_CLAUSE_OPENER = re.compile(
    r"(?:to (?:this|that) end|in order to|in (?:this|that) (?:regard|respect|connection|case|way)|"
    r"in the future|at (?:present|the same time|this time)|with (?:this|that))\b"
)


def _clause_start(s: str, end: int) -> int:
    p = _LEAD_PARTICIPLE_CLAUSE.match(s, 0, end)
    return p.end() if p else 0


_FINITE = r"(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|means|shows|proves)"


def _clausal(rest: str) -> bool:
    """'said the DPRK would ...' (a clause) but not 'said in a statement' or 'said so'."""
    words = rest.split()
    if len(words) < 4 or words[0].lower().strip(",") in PREPOSITIONS | {"to", "so", "goodbye", "farewell"}:
        return False
    if words[0].lower().strip(",.") == "this" and not re.fullmatch(_FINITE, words[1]):
        return False  # "said this in a speech"; but "said this is an ethic issue" is a clause
    return bool(re.search(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|"
                          r"\w+ed|\w+s)\b", rest))  # fmt: skip


_ACCORDING_SOURCE_ES = re.compile(
    r"\s+(?:(?:el|la|los|las|un|una)\s+)?(?:(?:recientes?|[uú]ltimos?|[uú]ltimas?|nuevos?|nuevas?)\s+)?"
    r"(?:informes?|reportes?|versiones|versi[oó]n|fuentes|estad[ií]sticas|encuestas?|(?=[A-Z])(?!\S*\s+\d)(\S))"
)


def _according(text, sent, s: str, mentions, kb: KB) -> list[Quote]:
    a = kb.according_re.search(s) if holds_any(s.lower(), kb.according_gate) else None
    if a is not None and a.group().lower() == "de acuerdo con":
        # opening the sentence, and only before a report, a source or a body's name: elsewhere it is
        # agreement ("estan de acuerdo con ...") or accordance ("De acuerdo con la propuesta ...")
        source = _ACCORDING_SOURCE_ES.match(s, a.end())
        if s[: a.start()].strip(" ,") or source is None:
            return []
        if source.group(1) and not any(
            m.label == "ORG" and m.start == sent.start + source.start(1) for m in mentions
        ):
            return []
    if a is None or not _source_np(s[a.end() :], kb):
        return []
    sp_end = s.find(",", a.end())
    while sp_end > 0 and any(
        m.start < sent.start + sp_end < m.end and m.start >= sent.start + a.end() for m in mentions
    ):
        sp_end = s.find(
            ",", sp_end + 1
        )  # ("According to the Ministry of Land, Infrastructure and Transport,")
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


def _wordset(s: str) -> frozenset[str]:
    return frozenset(s.split())


_NOT_SOURCE = _wordset(
    "will wish wishes desire desires taste tastes intention intentions purpose aim aims goal goals idea "
    "ideas "
    "spirit line lines plan plans programme program programmes programs project projects blueprint design "
    "designs policy policies principle principles method methods way ways manner order orders sequence "
    "schedule timetable procedure procedures standard standards criterion criteria yardstick yardsticks "
    "specification specifications norm norms "
    "formula pattern requirement requirements demand demands need needs instruction instructions direction "
    "directions teaching teachings law laws regulation regulations rule rules provision provisions code "
    "constitution agreement agreements treaty decision decisions situation conditions circumstances stage "
    "stages level levels degree extent ability abilities capacity age height size type kind kinds category "
    "categories nature characteristics season seasons priority importance status rank ranks position "
    "positions occasion occasions class grade sex gender "
    "ley leyes principio principios plan planes programa voluntad deseo orden normas reglamento "
    "norma requerimientos requisitos exigencias metodo metodos indicaciones instrucciones orientaciones "
    "estrategia linea idea ideas espiritu intencion objetivo objetivos meta metas tradicion calendario"
)


def _source_np(rest: str, kb: KB) -> bool:
    """'according to south Korean KBS' / 'according to media reports' (a source), not 'according to their
    will' or 'according to the Party's plan' (a standard followed): the head noun decides."""
    np = re.match(r"\s*([^,;:.()]{1,120})", rest)
    if np is None:
        return False
    words = np.group(1).split()
    stops = PREPOSITIONS | {"that", "which"}
    # "and" ends the head noun phrase only before a new determiner or name ("according to KBS and the
    # Yonhap"), not inside a coordinated modifier ("the Party's military and strategic plan")
    cut = next(
        (
            i
            for i, w in enumerate(words)
            if i > 0
            and (
                w.lower() in stops
                or (
                    w.lower() == "and"
                    and i + 1 < len(words)
                    and (words[i + 1][:1].isupper() or words[i + 1] in ("the", "a", "an"))
                )
            )
        ),
        None,
    )
    head_words = words[:cut] if cut else words
    head = head_words[-1].strip("'’\"").lower() if head_words else ""
    spanish = re.match(r"(?:el|la|los|las|su|sus|sendos|sendas)\s+([\wáéíóúñ]+)", np.group(1))
    if spanish or (words and words[0].lower() in _NOT_SOURCE and words[0][:1].islower()):
        # "segun la norma tecnica y ...", "segun requerimientos de ...": Spanish puts the head noun first
        return (spanish.group(1) if spanish else words[0]).lower() not in _NOT_SOURCE
    if head.endswith(("'s", "’s")):
        head = head[:-2]
    return head not in _NOT_SOURCE


def _is_clause(words: str) -> bool:
    return bool(re.search(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|be|that|which)\b", words))


def _cue_is_verb(text: str, at: int) -> bool:
    """'denied claims', 'the reports': a cue word used as a noun or after another verb is no cue."""
    prev = _LAST_WORD.search(text[max(0, at - 30) : at])
    if prev is None:
        return True
    w = prev.group(1).lower().strip(",")
    if w in ("is", "are", "was", "were", "be", "been", "being") and not text[at:].startswith(
        tuple(f"{x}ing" for x in ("claim", "say", "insist", "argu", "assert", "stat"))
    ):
        return False  # "were declared no guilty": a passive, not speech ("is claiming that" is active)
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
# words in -ly that are nouns or names, not adverbs to strip from a speaker ("Speakers at the rally")
_LY_NOUNS = (
    r"(?:rally|rallies|assembly|family|ally|anomaly|monopoly|supply|reply|daily|weekly|monthly|quarterly|"
    r"homily|folly|belly|jelly|lily|Italy|July|Sicily|Kelly|Ely)"
)
_TRAIL_WORDS = re.compile(
    # (and the Spanish adverbs: "Ryu tambien apunto que")
    r"\s+(?:(?:on\s+)?" + _WEEKDAY + r"|today|also|then|further|even|said|says|tambien|también|ademas|además|"
    r"asimismo|"
    r"once again|again|later|earlier|here|there|on \w+\.? \d+(?:, \d{4})?|"
    r"(?:in|at) (?:a|an|the|his|her|its|their) [\w\s-]{1,30}|"
    r"on the occasion [\w\s]{1,30}|(?!" + _LY_NOUNS + r"\b)[a-z]\w+ly)$"
)
_PARTICIPIAL_APPOSITIVE = re.compile(r"(?:\d{4}$|[a-z]+ed\s+(?:on|in|by|at|last|this|early|late)\b)")
_PREP_PHRASE = re.compile(
    r"(?:in|at|on|during|through|via|from|before|after|upon|with)\s+(?:a|an|the|his|her|its|their)\s"
    r"|[a-z]+ing\s+(?:to|on|at|toward|towards|about)\s"  # ("he, turning to Japan's defeat ..., said")
)
_QUOTED_WORDS = re.compile(r"\"[^\"]{1,200}\"|“[^”]{1,200}”")
_SENTENCE_END_IN = re.compile(
    r"(?<=[a-z])\.\s(?=(?:The|An?|It|He|She|They)\s)(?!.*[a-z]\.\s(?:The|An?|It|He|She|They)\s)"
)
_PLACE_TAIL = re.compile(
    r"(?:(?:South|North)\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:Province|County|City|District|Prefecture|Region|State)"
)
_COMPANY_SUFFIX = re.compile(r"(?:Co\.?,?\s*)?(?:Ltd|Inc|LLC|Corp|GmbH|S\.?A|Co)\.?")
_LEAD_WORDS = re.compile(
    r"^(?:and|but|also|then|meanwhile|however|further|moreover|so|recently|earlier|later|even|only|"
    r"nevertheless|nonetheless|besides|furthermore|indeed|thus|(?:this|last|next)\s+(?:year|month|week)|"
    r"[a-z]+ly(?=,?\s+(?:he|she|they|it)\b)),?\s+",  # ("Suddenly he asked if ...")
    re.I,
)  # ("Recently the mayor of Osaka told reporters", "Even the chairman of the ... Association said")
# a time or a title before the subject: "In May the U.S. president", 'Under the title of "..." the statement'
_LEAD_TIME_OR_TITLE = re.compile(
    r"^(?:(?:In|On|Early|Late)\s+(?:early\s+|late\s+|mid-)?" + MONTH + r"(?:\s+\d{1,2})?(?:,?\s+\d{4})?,?"
    r"|(?:Just|Shortly|Soon|Right|Immediately)\s+(?:after|before)\s+[^,]{1,80},?"  # ("Just after the case")
    r"|(?:Under|With|In)\s+the\s+(?:title|heading|headline|theme)\s+(?:of\s+)?[\"“][^\"”]{1,200}[\"”],?"
    r"|(?:In|Under)\s+(?:an?|the|its|his|her|another)\s+(?:[\w-]+\s+){0,2}(?:titled|entitled)\s+"
    r"[\"“][^\"”]{1,200}[\"”],?)\s+"
    r"(?=(?:the|The|it|he|she|they)\s|(?:it|he|she|they)$)"
)
# a participle and its agent opening a sentence: "Asked by KCNA, ...", "Consultado por la ACNC, ..."
_BY_OPENER = re.compile(r"[A-Z][a-z]+(?:ado|ada|ados|adas|ido|ida|idos|idas|ed)\s+(?:por|by)\s")
_ROLE = re.compile(r"(?:the |a |an )?(?:[a-z][\w-]*|[A-Z][a-z]+-[a-z]+)(?: |$)")


# "that" opening a clause, not "that day" (a determiner: "He took their hands that day and said")
_THAT_CONJ = r"that(?!\s+(?:day|night|morning|afternoon|evening|time|year|week|month|moment)\b)"


_SUBJECT_AND = re.compile(
    r"\s*(?:[A-Z][a-z]+ing\b[^,;:]{0,80},\s+)?(?:(?:The|the)\s+(?:respected\s+|dear\s+)*)?"
    r"(He|She|They|he|she|they|(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*)"
    r"\s+[a-z]+(?:ed|s)\b[^.;:]*\sand(?:\s+(?:then|also|\w+ly))?\s*$"
)  # ("He looked at ... and said", "Listening to the official, the General Secretary expressed his great
# satisfaction and said")


# a document and what was done with it: "work made public on April 20, 2012", "editorial published by major
# newspapers" (not "report released by WHO": the issuer named)
_BY_NAME = r"\s+(?:(?:the|its|their)\s+)?[A-Z]"  # "by" and the name of who made a document
_DOC_DONE = re.compile(
    r"((?:[\w-]+\s+){0,3}?([a-z]+))\s+(?:made public|released|published|issued|carried|posted|adopted|sent|"
    r"written|dated|run)(?:\s+(?:on|in|by(?!" + _BY_NAME + r")|at|last|this|yesterday)\b"
    r"(?:(?!\sby" + _BY_NAME + r")[^,;:])*(?:,\s\d{4})?)?$"
)  # (not "released on Monday by the Public Security Institute": its issuer named, see _issuer_in_span)
_DATE_COMMA = re.compile(r"(?:(?<=\s\d)|(?<=\s\d\d)),(?= \d{4}\b)")  # the comma of "April 20, 2012"
_DOC_WHICH = re.compile(
    r"\b([a-z]+)\s+(?:(?:titled|headlined|entitled)\s+[\"“][^\"”]*[\"”]\s*)?which(?:\s+also)?$"
)


def _subject_before(text: str, s_start: int, cue_at: int, kb: KB) -> tuple[int, int] | None:
    span = _subject_before_once(text, s_start, cue_at, kb)
    if span is None:
        lead = _CIRCUMSTANCE_LEAD.match(text, s_start, cue_at)
        if lead is not None and lead.end() < cue_at:
            # "Speaking at a seminar in Seoul Wednesday, Mun Jong In said": the subject after the phrase
            span = _subject_before_once(text, lead.end(), cue_at, kb)
    return span


def _subject_before_once(text: str, s_start: int, cue_at: int, kb: KB) -> tuple[int, int] | None:
    """The speaker before a cue: the noun phrase nearest to it ("X, chief of the group, said" -> "chief of
    the group"; its entity is resolved later through the name before it). A Spanish clause joined to the
    cue by "y" ("el traidor Lee Myung Bak invito a Chongwadae a los ninos y les dijo") gives its subject,
    not the whole clause."""
    apposed = _PRONOUN_APPOSED.match(text, s_start, cue_at)
    if apposed is not None:
        # "He, member of the Political Bureau of the C.C., Communist Party of China, said": the pronoun, its
        # appositive set off by commas
        return apposed.span(1)
    span = _subject_before_np(text, s_start, cue_at, kb)
    if span is not None and text[span[0] : span[1]].strip(" ,") in _OPENER_ADVERBS:
        return None  # "Luego, se refirio a ...": an opening adverb, no subject
    if span is not None:
        day = _DAY_OPENER.match(text, span[0], span[1])
        if day is not None and day.end() < span[1]:
            span = (day.end(), span[1])  # "On Saturday the Tokyo Electric Power Co. announced": a day first
        where = _IN_DOCUMENT_TAIL.search(text, span[0], span[1])
        if (
            where is not None
            and where.start() > span[0]
            and where.group(1).lower() in kb.doc_nouns
            and not re.fullmatch(
                r"\s*[A-Za-z]+ed\s*", text[span[0] : where.start()]
            )  # ("Carried in the ...")
        ):
            # "British Foreign Secretary William Hague in the 2010 Human Rights and Democracy report said":
            # where he said it is no part of who
            span = (span[0], where.start())
    opening = _OPENING_PHRASE_ES.match(text, span[0], span[1]) if span is not None else None
    if opening is not None and "," not in text[opening.end() : span[1]]:
        # "Tras ver la funcion la ciudadana Ri Wol Son (52 anos de edad) dijo": an opening phrase with no
        # comma, then the subject, a name with its article (a phrase set off by a comma, "Al ver los datos
        # exhibidos, recordo", is no subject at all: the packs' subjectless clauses)
        named = None
        for named in _NAMED_NP_ES.finditer(text, opening.end(), span[1]):  # noqa: B007 - the last one
            pass
        tail = text[named.end(1) : span[1]] if named is not None else ""
        if named is not None and re.fullmatch(r"\s*(?:\([^)]*\))?\s*", tail):
            return named.span(1)
    if span is not None and _DATE_ES.fullmatch(text[span[0] : span[1]].strip(" ,")):
        return None  # "El 12 de marzo de 2008, cuando estuvo en ..., dijo que": a date, no subject
    date = _DATE_OPENER_ES.match(text, span[0], span[1]) if span is not None else None
    if date is not None and date.end() < span[1]:
        span = (date.end(), span[1])  # "El dia 3 el traidor Lee dijo": the date opens the sentence
    aux = _TRAILING_AUX.search(text, span[0], span[1]) if span is not None else None
    if (
        aux is not None
        and aux.start() > span[0]
        and _ING.match(text, cue_at)
        and _CLAUSE_SUBJECT_SHAPE.fullmatch(text, span[0], aux.start())
    ):
        # "The puppet forces are claiming that": the subject before "are" (not "It was disclosed that")
        span = (span[0], aux.start())
    part = _PARTICIPLE_MODIFIER.search(text, span[0], span[1]) if span is not None else None
    if (
        part is not None
        and part.start() > span[0]
        and _NOUN_PHRASE_BEFORE.fullmatch(text, span[0], part.start())
        and not _FINITE_VERB_WORD.search(text, span[0], part.start())
    ):
        # "The U.S. representative speaking at the Board of Governors' meeting ... said": a participle's
        # phrase on the subject; the subject is before it
        span = (span[0], part.start())
    # (the clause is the sentence's own, not one reported in it: "X said that the life of Y was ..., adding:")
    who = None
    if span is not None:
        for who in _WHO_BEFORE.finditer(text, s_start, span[0]):  # noqa: B007 - the last one
            pass
    if (
        who is not None
        and who.end() == span[0]
        and not _AND_END.search(text, span[0], span[1])
        and text[span[0] : span[1]].strip().lower() not in ("he", "she", "it", "they", "we", "i")
    ):
        # "A 14-year-old girl of Rafah City who lost her family ... recalled", "the foreign minister who took
        # part in the meeting ... said": a relative clause on the subject; the subject is before it
        before = _subject_before_np(text, s_start, who.start(), kb)
        if before is not None and not _WHO_BEFORE.search(text, before[0], before[1]):
            return before
    if (
        span is not None
        and span[0] > s_start
        and _VERB_PHRASE.fullmatch(text, span[0], span[1])
        and not _AND_END.search(text, span[0], span[1])  # (a clause joined by "and": below)
        and not (text[span[1] : cue_at].strip() == "," and _TRAILING_ING.match(text, cue_at))  # (below)
        and not re.search(
            r"\b(?:who|whom|which|that)\s+$|[\"“]\s*$", text[max(s_start, span[0] - 8) : span[0]]
        )
    ):  # (a relative clause or quoted words before it are another's)
        # "The U.S. has", "The work, made public on April 15, 2012 clarified": a verb phrase is no subject;
        # the noun phrase before it is
        head = _subject_before_np(text, s_start, span[0], kb)
        if head is not None and head[1] <= span[0] and not _VERB_PHRASE.fullmatch(text, head[0], head[1]):
            span = head
    opens = span is not None and (kb.cues_re is None or not kb.cues_re.search(text, s_start, span[0]))
    if opens and (
        (text[span[1] : cue_at].strip() == "," and _TRAILING_ING.match(text, cue_at))
        or _AND_END.search(text, span[0], span[1])
    ):
        # "Police turned out to block its action, asserting that ...", "President of Bolivia Evo Morales on
        # Friday slashed the U.S. policy and noted that": the clause before a trailing participle, or joined
        # to the cue by "and", is no subject; its subject is (the words before its finite verb)
        verb = _FINITE_IN_CLAUSE.match(text, span[0], span[1])
        if verb is not None and _CLAUSE_SUBJECT_SHAPE.fullmatch(verb.group(1)):
            span = (span[0], span[0] + len(verb.group(1)))
        elif verb is None and (inner := _PP_THEN_PRONOUN.match(text, span[0], span[1])) is not None:
            # "In the work he proved the ultimate victory of socialism, stating that": the pronoun after
            # the opening phrase is the clause's subject
            span = inner.span(1)
        elif (
            verb is None
            and _AND_END.search(text, span[0], span[1])
            and (
                kb.cues_re is None or not kb.cues_re.search(text, span[0], span[1])
            )  # ("it says and goes on")
        ):
            # "Kim Jong Il visited the command ... in Hoechang County, South Phyongan Province last year and
            # said": a comma inside the clause; its subject opens the sentence
            at = re.compile(r"[\s,]*").match(text, s_start).end()
            verb = _FINITE_IN_CLAUSE.match(text, at, span[0])
            if verb is not None and _CLAUSE_SUBJECT_SHAPE.fullmatch(verb.group(1)):
                span = (at, at + len(verb.group(1)))
    if (
        span is not None
        and _ADVERB_ONLY.fullmatch(text, span[0], span[1])
        and text[span[0] : span[1]].strip(" ,").lower() not in kb.doc_nouns | kb.media_nouns  # ("the daily")
    ):
        # "He, at the same time, lucidly explained that", "He blustered ..., impudently asserting": an adverb
        # is no subject; the pronoun opening the sentence is, else the noun phrase before the adverb ("X,
        # minister of Finance, openly said")
        opening = _SENTENCE_PRONOUN.match(text, s_start)
        if opening is not None and opening.end() <= span[0]:
            return opening.span(1)
        before = _subject_before_np(text, s_start, span[0], kb)
        np = text[before[0] : before[1]].strip(" ,") if before else ""
        if np and not _NOT_SUBJECT_NP.search(np):
            return before
        return span
    if span is not None and _DATE_SPAN.fullmatch(text, span[0], span[1]):
        # "The work, published on June 19, Juche 86 (1997), says": a date closing a participle's phrase set
        # off by commas; the subject is before that phrase
        phrase = None
        for phrase in _DONE_PHRASE.finditer(text, s_start, span[0]):  # noqa: B007 - the last one
            pass
        if phrase is not None:
            before = _subject_before_np(text, s_start, phrase.start(), kb)
            if before is not None:
                span = before
    if (
        span is not None
        and _NAME_LIST_TAIL.match(text, span[0], span[1])
        and _CAPITAL_COMMA.search(text, max(s_start, span[0] - 40), span[0])
    ):
        # "The chairman of the People's Front of Workers, Peasants and Students of Peru said", "The North,
        # South and Overseas Side Committees ... issued": a comma inside a name's list of capitalised words
        head = _subject_before_np(text, s_start, span[0] - 2, kb)
        if head is not None and head[1] == span[0] - 2:
            span = (head[0], span[1])
    if span is not None:
        span = _with_place_qualifiers(text, s_start, span, kb)
    if span is not None:
        span = _after_opening_phrase(text, span)
    if span is None or not _CLAUSE_Y.search(text, span[0], span[1]):
        return span
    if _VERB_FIRST_ES.match(text, span[0]) and text[max(0, span[0] - 2) : span[0]] == ", ":
        # "El parlamentario del Partido ..., Yamatani, ofrecio ... una conferencia de prensa y dijo": the
        # clause opens with its verb; its subject is before the comma
        before = _subject_before_np(text, s_start, span[0] - 2, kb)
        if before is not None and _NAME_ONLY.fullmatch(text[before[0] : before[1]].strip(" ,")):
            return (
                before  # (a name set off by commas, not an opening phrase: "En el comedor, pregunto ... y")
            )
    return _clause_subject_es(text, span[0], span[1], kb) or span


# a finite verb: a past tense, or an auxiliary or common irregular verb
_FINITE_VERB = (
    r"[a-z]+ed|is|are|was|were|has|have|had|took|made|held|went|began|gave|sent|set|put|kept|brought|"
    r"did|does|do|will|would|can|could|got|ran|came|became|sought|fought|built|met|spoke|saw|paid"
)
_NAME_ONLY = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}")
# a verb phrase, no noun phrase: a verb in the past or an auxiliary, alone or before an object or a
# preposition ("stood against the tour", "had the honor of ...", "has"; not "estimated data")
_VERB_PHRASE = re.compile(
    # (the past and the auxiliaries of _FINITE_VERB that open a predicate, not "is"/"are": "What matters here
    # is ..." opens with its subject)
    r"\s*(?:[a-z]+ed|had|has|have|was|were|took|made|held|sent|met|gave|did|stood|went|came|saw|paid|kept|ran)"
    r"(?:\s+(?:the|a|an|his|her|its|their|him|them|it|to|against|for|on|in|with|by|into|up|out|public|that)\b.*)?"
    r"\s*",
    re.DOTALL,
)
# a document, then its issuer given as a spokesman, experts, officials or sources ("statement of a spokesman
# for ...", "report made by experts of ...")
_ANONYMOUS_ISSUER = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:made\s+|released\s+|issued\s+|published\s+)?(?:of|by|from)\s+(?:an?\s+|the\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:spokes(?:man|woman|person)s?|experts?|officials?|sources?|analysts?|observers?)\b"
)
# plural nouns that stand for a state or a medium after its nationality ("Japanese authorities", "U.S.
# forces", "Xinhua news")
_STATE_PLURALS = frozenset({"authorities", "forces", "news", "times"})
# a day opening a subject's span ("On Saturday the Tokyo Electric Power Co."), and the document a subject's
# span ends with ("William Hague in the 2010 Human Rights and Democracy report")
_DAY_OPENER = re.compile(
    r"\s*(?:On\s+)?(?:" + _WEEKDAY + r"|" + _MONTH_NAME + r"\.?\s+\d{1,2}),?\s+(?=(?:the|The)\s|[A-Z])"
)
_IN_DOCUMENT_TAIL = re.compile(r"\s+in\s+(?:the|a|an|his|her|its|their)\s+(?:[^,;:]*\s)?([a-z]+)\s*$")
# a present participle and what opens its phrase after a subject's noun ("the U.S. representative speaking at
# the meeting"); not the prepositions written as participles
_PARTICIPLE_MODIFIER = re.compile(
    r"\s+(?!(?:during|including|concerning|regarding|according|excluding|following|notwithstanding|being|"
    r"having|bearing|nothing|something|anything|everything|morning|evening|meeting|building|wing)\b)"
    r"[a-z]{3,}ing\s+(?:at|in|to|on|before|for|with|from|over|the|a|an|his|her|its|their)\b"
)
_FINITE_VERB_WORD = re.compile(r"\b(?:" + _FINITE_VERB + r")\b")
# the noun phrase before such a participle: up to six words, no punctuation, not ending in a preposition or a
# conjunction ("committee for commemorating", "accused ... of interfering" are no subject and its phrase)
_NOUN_PHRASE_BEFORE = re.compile(
    r"(?:[\w.'’-]+\s+){0,5}(?!(?:for|of|by|while|on|in|at|to|and|or|without|after|before|from|with|about|"
    r"into|than|as|like|when|since|the|a|an)$)[\w.'’-]+"
)
# a relative pronoun right before a span ("the foreign minister who took part in ...")
_WHO_BEFORE = re.compile(
    r"(?<=[\w.])\s+who\s+|(?<=[\w.]),\s+who\s+"
)  # ("X, senior minister of Cambodia, who")


# a Spanish clause opening with a verb in the past ("ofrecio", "visitaron")
_VERB_FIRST_ES = re.compile(r"[a-záéíóúñ]{3,}(?:o|ó|aron|ieron)\s")


def _with_place_qualifiers(text: str, s_start: int, span: tuple[int, int], kb: KB) -> tuple[int, int]:
    """ "The general director of the Painters and Calligraphers' Association of Shanghai, China, said", "The
    mayor of Campinas City, Sao Paulo State, Brazil noted", "... Holdings LTD., Hong Kong, China noted": a
    place after a comma that follows a name is where the subject is, no subject of its own; the subject is the
    noun phrase before it, with its places. Not after an opening phrase ("Despite frantic aid from south
    Korea, Japan has kept insisting") nor a connective ("Meanwhile, Japan asserted")."""
    for _ in range(3):
        if not _PLACE_QUALIFIER.fullmatch(text, span[0], span[1]) or not _place_tail(
            text[span[0] : span[1]], kb
        ):
            return span
        if not _NAME_COMMA_BEFORE.search(text, max(s_start, span[0] - 60), span[0]):
            return span
        lead = _SENTENCE_NP_OPENS.match(text, s_start, span[0])
        if (
            lead is None
            or lead.group(1) in INTRO_WORDS
            or lead.group(1).lower() in PREPOSITIONS
            or _NOT_SUBJECT_NP.search(lead.group(1))
        ):
            return span  # ("Nevertheless, Japan asserted")
        if _FINITE_VERB_WORD.search(text, s_start, span[0]):
            return span  # ("The U.S. imposed sanctions on Iran, Syria said": a clause before it)
        head = _subject_before_np(text, s_start, span[0] - 2, kb)
        if head is None or head[0] >= span[0]:
            return span
        if head[1] != span[0] - 2:
            return head  # ("Lai Ruiqin, general director of Kai Lui Co. Ltd., China, said": the name)
        span = (head[0], span[1])
    return span


def _after_opening_phrase(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """'In a talk with Han Kwang Bok ... at the Diaoyutai State Guesthouse in Beijing, Zhang said': a span
    opening with a preposition (or a relative clause cut from its noun) and holding a comma is an opening
    phrase, then the subject after its last comma, a name or a pronoun."""
    seg = text[span[0] : span[1]]
    first = _FIRST_WORD.match(seg)
    if first is None or "," not in seg:
        return span
    word = first.group(1)
    if not (word in INTRO_WORDS or word.lower() in PREPOSITIONS or word in ("who", "which")):
        return span
    at = span[0] + seg.rfind(",") + 1
    at += len(text[at : span[1]]) - len(text[at : span[1]].lstrip())
    tail = text[at : span[1]]
    if _OPENING_TAIL_SUBJECT.fullmatch(tail):
        return at, span[1]
    return span


_LOWER_PHRASE = re.compile(
    r"(?!(?:The|A|An|This|These|Those|That|Its|Their|His|Her)\b)[A-Z][a-z]+(?:\s+[a-z]+){1,5}"
)
# connectives opening a sentence before a comma ("Nevertheless, the Japanese reactionaries excluded ...")
_SENTENCE_ADVERBS = frozenset(
    {"Nevertheless", "Nonetheless", "However", "Moreover", "Furthermore", "Meanwhile", "Therefore", "Hence"}
)
_NOUN_BEFORE_ING = re.compile(r"(?:['’]s?|\b(?:the|a|an|its|his|her|their|this|that|such))\s+$")
_SENTENCE_OPENS_BEFORE = re.compile(r"(?:^|[.!?]\s+|,\s*,\s+|\n\s*)$")
_SUBJECT_PRONOUNS = frozenset({"He", "She", "They", "It", "We", "I"})
_PRONOUN_APPOSED = re.compile(
    r"[\s,]*(He|She|They|It)\s*,\s+(?:an?\s+|the\s+)?[a-z][^:;\"“”]*,\s*(?:\w+ly\s+)?$"
)
_FIRST_WORD = re.compile(r"\s*([A-Za-z][\w'’-]*)")
# what may follow an opening phrase's last comma as the subject: a capitalised name (one to four words) or a
# pronoun, nothing that is a clause
_OPENING_TAIL_SUBJECT = re.compile(
    r"(?:(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,3}|he|she|they|it|He|She|They|It)\s*"
)


def _place_tail(words: str, kb: KB) -> bool:
    """The words are places the packs know, each after a comma ("China", "Hong Kong, China"), or a place of
    a kind in one ("Santa Catarina State of Brazil"); not a name ending in one ("Salvador France")."""
    for part in words.strip(" ,").split(", "):
        of = _PLACE_OF.fullmatch(part)
        known = kb.surface.get(of.group(1) if of else part)
        if not known or known[0] != "PLACE":
            return False
    return True


# a place span: capitalised words, "of" or a comma between them ("Santa Catarina State of Brazil", "Union of
# Myanmar", "Hong Kong, China")
_PLACE_QUALIFIER = re.compile(
    r"\s*[A-Z][\w.'’-]*(?:(?:,\s+|\s+(?:of\s+(?:the\s+)?)?)[A-Z][\w.'’-]*){0,5}\s*,?\s*"
)
# a place's kind word before "of" and where it lies ("Santa Catarina State of Brazil")
_PLACE_OF = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,3}(?:State|Province|Region|Territory|Prefecture|County|District|City|Department|"
    r"Oblast|Krai)\s+of\s+(?:the\s+)?(.+)"
)
# a name's last word (or an abbreviation, "Ltd.") and the comma before a place
_NAME_COMMA_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*,\s+$")
# the first word of the sentence's noun phrase
_SENTENCE_NP_OPENS = re.compile(r"[\s,]*(?:(?:The|the|A|An)\s+)?([A-Za-z][\w'’-]*)")


# the comma before the name of an office's holder, and what may follow that name ("(56 anos de edad)")
_HOLDER_AFTER = re.compile(r",\s+")
_HOLDER_CLOSES = re.compile(r"\s*(?:\(|[.,;]|$|\s*(?:ante|en|at|in|on|before|while|cuando)\b)")
# a date alone as a speaker span ("Juche 86 (1997)", "June 19", "2012"), and the participle phrase before it
_DATE_SPAN = re.compile(r"\s*(?:Juche\s+\d{1,3}|\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:\s*\(\d{4}\))?\s*,?\s*")
_DONE_PHRASE = re.compile(r",\s+(?:published|issued|released|written|adopted|dated|made\s+public)\b")
# the list after a comma inside a name: capitalised words, "and", a capitalised word
_NAME_LIST_TAIL = re.compile(r"\s*[A-Z][\w'’-]*(?:,\s+[A-Z][\w'’-]*)*\s+and\s+[A-Z]")
_CAPITAL_COMMA = re.compile(r"\b[A-Z][\w'’-]*,\s+$")


# what the words before an adverb may be when they are no subject: a connective, or a clause with its verb
_NOT_SUBJECT_NP = re.compile(
    r"^(?:Nevertheless|However|Meanwhile|Moreover|While|while|But|Yet|Still|Then|Also)$|\s[a-z]+(?:ed|es)\b|"
    r"\s(?:is|are|was|were|has|have|had|insists?|claims?)\b"
)
_ADVERB_ONLY = re.compile(r"[\s,]*(?:[a-z]+ly|not|Not)[\s,]*")
_SENTENCE_PRONOUN = re.compile(r"[\s,]*(He|She|They|It)\b")
# an opening phrase, then a pronoun and its verb ("In the work he proved ...")
_PP_THEN_PRONOUN = re.compile(
    r"(?:In|At|On|During|After|Before|Through|Under)\s+[^,;:]{2,60}?\s(he|she|they)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b"
)


# (no adverb, number or verb first: "totally denied", "2010 and kicked off", "stood against")
_CLAUSE_SUBJECT_SHAPE = re.compile(
    r"(?![a-z]+ly\b|\d|(?:stood|fired|kicked|denied)\b).*(?<!\band)(?<!\bthe)(?<!\ba)"
)
# adverbs between a subject and its verb ("are still claiming", "openly supported")
_CLAUSE_ADVERB = r"(?:[a-z]+ly|still|also|again|even|now|always|recently|once\s+again)"
_TRAILING_AUX = re.compile(
    r"\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)(?:\s+" + _CLAUSE_ADVERB + r")?\s*$"
)
# (an adverb may follow: "... that spawned the nuclear issue and instead said")
_AND_END = re.compile(r"\s(?:and|y)(?:\s+(?:instead|also|then|even|further|again|later|finally))?$")
_ING = re.compile(r"\s*[a-z]+ing\b")
_TRAILING_ING = re.compile(r"\s*(?:and\s+)?[a-z]+ing\b")
# a subject (at most seven words, capitalised or not, no comma) and a finite verb after it: a past tense,
# or an auxiliary or common irregular verb ("authorities took", "the U.S. has been", "Police turned out");
# no present tense in -s, unlike coref's _FINITE_AFTER: here it would cut plural subjects ("forces")
_FINITE_IN_CLAUSE = re.compile(
    r"((?:The\s+|the\s+)?(?!(?:In|At|On|During|After|Before|When|While|Then|Later|And|But|Among)\b)[A-Za-z][\w.'’-]*"
    r"(?:\s+(?!(?:for|in|at|on|to|from|with|by|and|he|she|it|they)\b)[\w.'’-]+){0,6}?)"
    # ("President of Bolivia Evo Morales on Friday slashed": a day between the subject and its verb)
    r"(?:\s+(?:on\s+)?(?:[A-Z][a-z]+day|[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    # ("Burchett in his travelogue highly praised": where he said it, between the subject and its verb)
    r"(?:\s+in\s+(?:his|her|its|their|a|an|the)\s+[\w-]+)?"
    r"\s+(?:" + _CLAUSE_ADVERB + r"\s+)?"
    r"(?:" + _FINITE_VERB + r")\b"
)


# a Spanish date ("El dia 3", "El 29 de junio", "12 de marzo de 2008"), and one opening a sentence before its
# subject
_DATE_ES = re.compile(r"(?:[Ee]l\s+)?(?:d[ií]a\s+\d{1,2}|\d{1,2}\s+de\s+[a-z]+)(?:\s+de\s+\d{4})?")
_DATE_OPENER_ES = re.compile(r"\s*" + _DATE_ES.pattern + r",?\s+(?=[a-zA-Z])(?!de\s+\d)")
# a Spanish sentence opening with an infinitive's phrase, which is no subject: "Tras ver", "Al mirar"
_OPENING_PHRASE_ES = re.compile(
    r"\s*(?:Tras|Despues\s+de|Después\s+de|Antes\s+de|Luego\s+de|Al)\s+[a-záéíóúñ]+(?:ar|er|ir)\b"
)
# an article, common nouns, then a name: "la ciudadana Ri Wol Son"
_NAMED_NP_ES = re.compile(
    r"\b((?:el|la|los|las)\s+(?:[a-záéíóúñ]+\s+){1,3}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
# Spanish sentence-opening adverbs, never a speaker ("Luego, se refirio a ..."; English ones are left to
# _after_adverb, which finds the subject after them)
_OPENER_ADVERBS = frozenset(
    (
        "Ademas", "Además", "Asimismo", "Tambien", "También", "Entonces", "Finalmente", "Igualmente",
        "Posteriormente", "Seguidamente", "Luego", "Despues", "Después", "Siempre", "Recientemente",
        "Actualmente", "Ahora", "Nuevamente",
    )
)  # fmt: skip
# a Spanish clause ending in "y" before the cue ("... invito a Chongwadae a los ninos y les")
_CLAUSE_Y = re.compile(r"\S\s+\S+\s+\S+.*\sy(?:\s+(?:les?|nos|se|lo|la))?$")
_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")
_ES_DETERMINED = re.compile(r"\b(?:el|la|los|las|del|al)\s+([a-zñáéíóú]+(?:\s+general)?)\b")


def _clause_subject_es(text: str, a: int, b: int, kb: KB) -> tuple[int, int] | None:
    """The subject inside a Spanish clause before "y": a name written in capitals, else a document or office
    noun opening the clause ("misiva enumera los exitos ... y"; "director general dio calurosa bienvenida ...
    y") or after its verb ("comienza el comentario y")."""
    seg = text[a:b]
    if seg[:1].isupper():
        return None  # ("Dirigente evaluo ... el ministro chino ... y": the subject opens it, as found)
    _, roles, offices = speaker_words(kb)
    nouns = kb.doc_nouns | roles | offices
    first = re.match(r"([a-zñáéíóú]+(?:\s+general)?)\b", seg)
    if first and first.group(1) in nouns:
        return a, a + first.end(1)
    words = seg.split()
    opening = len(" ".join(words[:3]))  # (the subject opens the clause, or follows its verb)
    name = _NAME_RUN.search(seg)
    if name and 0 < name.start() <= len(" ".join(words[:2])):
        return a + name.start(), a + name.end()  # "traidor Lee Myung Bak invito ... y les"
    for m in _ES_DETERMINED.finditer(seg, 0, opening):
        if m.group(1) in nouns:
            return a + m.start(1), a + m.end(1)  # "comienza el comentario y", "destaca el editorial y"
    return None


def _subject_before_np(text: str, s_start: int, cue_at: int, kb: KB) -> tuple[int, int] | None:
    # the words of a title in quotation marks are masked: its commas and names are not the subject's
    seg = _QUOTED_WORDS.sub(
        lambda m: m.group()[0] + "x" * (len(m.group()) - 2) + m.group()[-1], text[s_start:cue_at]
    )
    coordinated = _SUBJECT_AND.match(seg)
    if (
        coordinated and coordinated.group(1).split()[0] not in INTRO_WORDS
    ):  # "He looked at boiled rice, soup and various dishes on the table and said"
        return s_start + coordinated.start(1), s_start + coordinated.end(1)
    # ("secretary of the C.C., Communist Party of X": one name)
    seg = seg.rstrip().replace("C.C., ", "C.C.\x00 ")
    seg = _DATE_COMMA.sub("\x00", seg)  # ("The work made public on April 20, 2012 says": one date, no cut)
    if re.search(r",\s*which(?:\s+also)?$", seg):
        # 'carried an article titled "...", which said:': the document the relative pronoun stands for
        nouns = [m for m in re.finditer(r"\b[a-z]+\b", seg) if m.group() in kb.doc_nouns]
        if nouns:
            return s_start + nouns[-1].start(), s_start + nouns[-1].end()
    right_before = _DOC_WHICH.search(seg)
    if right_before is not None and right_before.group(1) in kb.doc_nouns:
        # 'posted ... an article titled "..." which said:': no comma, the document right before it
        return s_start + right_before.start(1), s_start + right_before.end(1)
    closed = seg.endswith(",")
    if closed:
        seg = seg[:-1]
    cut = max(seg.rfind(", "), seg.rfind("; "), seg.rfind(": "), seg.rfind("-- "))
    while (
        not closed
        and cut > 0
        and re.fullmatch(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}", seg[cut + 2 :])
        and re.search(r"\b(?:from|of|in)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}$", seg[:cut])
    ):
        # "The manager of a company from Dandong, China said": the country places the town, no subject
        cut = max(seg.rfind(", ", 0, cut), seg.rfind("; ", 0, cut), seg.rfind(": ", 0, cut))
    if not closed and cut > 0 and _PREP_PHRASE.match(seg[cut + 2 :]) and len(seg[cut + 2 :].split()) <= 6:
        # "Lyne Sinyodyium, councilor of the European Society ..., in a statement said": the phrase before the
        # cue is no subject; the appositive before it is closed
        seg = seg[: cut + 1]
        closed = True
        seg = seg[:-1]
        cut = max(seg.rfind(", "), seg.rfind("; "), seg.rfind(": "), seg.rfind("-- "))
    stop = _SENTENCE_END_IN.search(seg)  # "... of the Sun. The statement went on:" (a missed sentence end)
    if stop is not None and stop.start() + 1 > cut:
        cut = stop.start() + 1
    if closed and cut > 0 and _COMPANY_SUFFIX.fullmatch(seg[cut + 2 :]):
        # "Zhang Xingquan, director general of Siping Lishan Machinery, Co. Ltd, said": the suffix is
        # part of the company's name
        cut = max(seg.rfind(", ", 0, cut), seg.rfind("; ", 0, cut), seg.rfind(": ", 0, cut))
    if cut > 0 and re.fullmatch(r"and\s+(?:all\s+)?(?:the\s+)?others?(?:\s+[\w-]+)?", seg[cut + 2 :]):
        # "Songchit Pullarp, chairman of the Organization ..., and other speakers noted": the first of them
        seg = seg[:cut]
        closed = True
        cut = max(seg.rfind(", "), seg.rfind("; "), seg.rfind(": "), seg.rfind("-- "))
    while (
        closed
        and cut > 0
        and (
            _PLACE_TAIL.fullmatch(seg[cut + 2 :])
            # "a woman living in Central District, Pyongyang": a city after the district it places
            or (
                re.fullmatch(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?", seg[cut + 2 :])
                and re.search(r"(?:Province|County|City|District|Prefecture|Region|State)$", seg[:cut])
            )
        )
    ):
        # "Jon Chol (13), a delegate of Sinhung Secondary School in Ryongrim County, Jagang Province, told":
        # the province places the school, it is no subject
        seg = seg[:cut]
        cut = max(seg.rfind(", "), seg.rfind("; "), seg.rfind(": "), seg.rfind("-- "))
    while closed and cut > 0 and re.match(r"(?:who|which)\s", seg[cut + 2 :]):
        # "X, a researcher at Y, who is undergoing treatment at Z, said": the relative clause is no subject
        seg = seg[:cut]
        cut = max(seg.rfind(", "), seg.rfind("; "), seg.rfind(": "), seg.rfind("-- "))
    while closed and cut > 0 and _PREP_PHRASE.match(seg[cut + 2 :]):
        # "X, president of the federation, in a report at the congress, said": the phrase is no subject
        seg = seg[:cut]
        cut = max(seg.rfind(", "), seg.rfind("; "), seg.rfind(": "), seg.rfind("-- "))
    while closed and cut > 0 and _PARTICIPIAL_APPOSITIVE.match(seg[cut + 2 :]):
        # "The letter, published on October 12, 2012, says": the subject is before the participle
        seg = seg[:cut]
        if _PARTICIPIAL_APPOSITIVE.match(seg[seg.rfind(", ") + 2 :] if ", " in seg else ""):
            seg = seg[: seg.rfind(", ")]
        closed = seg.rstrip().endswith(",")
        cut = max(seg.rfind(", "), seg.rfind("; "), seg.rfind(": "), seg.rfind("-- "))
    named_first = re.fullmatch(
        r"\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4})(?:\s*\(\d{1,3}[^)]{0,20}\))?", seg[:cut]
    )
    if (
        not closed
        and cut > 0
        and named_first
        and re.match(r"(?!(?:the|a|an|el|la|los|las|un|una)\s)[a-záéíóúñ]", seg[cut + 2 :])
        and named_first.group(1).split()[0] not in INTRO_WORDS
    ):
        # "Pak Tok Gwan (56 anos de edad), presidente de la junta ... de Ryongchon dijo que": an appositive
        # the text does not close with a comma; the name opening the sentence speaks
        return s_start + named_first.start(1), s_start + named_first.end(1)
    while closed and cut > 0 and _ROLE.match(seg[cut + 2 :]):
        # "Kim Yong Ae, advisor of the Union, said": the speaker is the name before the appositive
        prev = max(
            seg.rfind(", ", 0, cut),
            seg.rfind("; ", 0, cut),
            seg.rfind(": ", 0, cut),
            seg.rfind("-- ", 0, cut),
        )
        if prev > 0 and re.fullmatch(r"\d{1,3}", seg[prev + 2 : cut]):
            # "Ra Kyong Hui, 30, a woman residing in ...": past the age
            cut, prev = (
                prev,
                max(seg.rfind(", ", 0, prev), seg.rfind("; ", 0, prev), seg.rfind(": ", 0, prev)),
            )
        if (
            not re.match(r"[A-Z]", seg[prev + 2 if prev >= 0 else 0 :])
            or _BY_OPENER.match(seg, prev + 2 if prev >= 0 else 0)
            or seg[prev + 2 if prev >= 0 else 0 :].split(" ", 1)[0] in INTRO_WORDS
        ):
            break  # ("Consultado por la ACNC, el gerente de la fabrica Choe Yong Nam, dijo", "En una rueda de
            # prensa concedida el dia 20, un miembro de la Comision ..., insistio": no name before)
        seg = seg[:cut]
        cut = prev
    a = cut + 2 if cut >= 0 else 0
    opener = _SUBORDINATE.match(seg[a:])
    if opener:
        a += opener.end()  # "When an official said that ..., Kim Jong Il asked": the clause's own subject
    k = re.search(
        r"\b(?:" + _THAT_CONJ + r"|when|as|while|because|though|although|and|but|which|who|where)\s+(?=\S)"
        r"(?!.*\b(?:" + _THAT_CONJ + r"|when|as|while|because|though|although|which|who|where)\s)",
        seg[a:],
    )
    if k and not re.match(r"and\s", k.group()):
        if (
            re.match(r"(?:who|which)\s", k.group())
            and re.match(r"(?:is|was|are|were|has|had|also|concurrently)\s", seg[a + k.end() :])
            and seg[a : a + k.start()].strip()
        ):
            seg = seg[: a + k.start()].rstrip()  # "Ivan Shawvaker who is a spokesperson for ... said": the
            # noun phrase before its relative clause
        else:
            a += k.end()
    span = seg[a:]
    a += len(span) - len(span.lstrip())  # (a sentence's leading spaces are no part of its subject)
    span = span.lstrip()
    bullet = re.match(r"[-–—•*]+\s*", span)
    if bullet:
        a += bullet.end()
        span = span[bullet.end() :]
    lead = _LEAD_WORDS.match(span)
    if lead:
        a += lead.end()
        span = span[lead.end() :]
    lead = _LEAD_TIME_OR_TITLE.match(span) or _LEAD_PP_ES.match(span)
    if lead:
        a += lead.end()
        span = span[lead.end() :]
    early = _OPENING_PRONOUN.match(span)
    if early:  # "In his address made at the ceremony held to mark ... he said": the pronoun after the phrase
        a += early.start(1)
        span = early.group(1)
    pp = _LEAD_PP.match(span)
    if pp and len(span.split()) > 14:
        a += pp.end() - 4  # "In its statement on Jan. 6 the Russian Association for ... noted": keep "the "
        span = span[pp.end() - 4 :]
    t = _TRAIL_WORDS.search(span)
    while t:
        span = span[: t.start()]
        t = _TRAIL_WORDS.search(span)
    d = _DET.match(span)
    if d:
        a += d.end()
        span = span[d.end() :]
    pronoun_pp = re.match(r"(He|She|It|They)\s+(?:in|at|on|during|through|via|when|while)\s", span)
    if pronoun_pp:  # "He in a Tuesday TV show including ABC TV said": the pronoun, then a phrase
        span = pronoun_pp.group(1)
    span = re.sub(r"\s+(?:has|have|had)$", "", span.rstrip(" ,"))  # "But Japan has gone so far as to say"
    opening = re.match(
        r"(?:At|In|On|During|After|Before|Inside|Outside|Later|Then|(?:[Ff]ew|[Ss]everal|\w+)\s+(?:days?|weeks?|"
        r"months?|years?)\s+ago|" + _TIME_OPENER + r")\b[^,]{0,120}?\s"
        r"(he|she|they|it)$",
        span,
    )  # ("A few days ago he, touring ..., said")
    if opening:  # "At a dining room he said": the phrase before the subject
        a += opening.start(1)
        span = opening.group(1)
    relative = re.search(r"\s+(?:who|which|that)$", span)
    if relative:  # "the General Secretary who said", "distributing literature which said": the noun before
        span = span[: relative.start()]
    words = span.split()
    long_ok = re.match(
        r"\s*(?:(?:a|an|the|A|An|The|el|la|El|La)\s+)?(?:spokes(?:man|woman|person)|official|representative|"
        r"portavoz|vocero|representante)\s+(?:for|of|de|del)\s",
        span,
    )  # ("A spokesperson for the National Coordinating Committee (NCC) of the DPRK for ...": one long title;
    # "el portavoz de la Direccion de la Zona Especial del Turismo Internacional al Monte Kumgang de la ...")
    offices = _OFFICES_LISTED.match(span)  # "The chairman of the X, the chairman of the Y and the chief of Z"
    joined = _BODIES_JOINED.match(span) if len(words) > 18 and not long_ok and not offices else None
    if joined is not None and any(w in kb.org_heads for w in joined.group(1).split()):
        # "The British Group for the Study of the Juche Idea and the British Association for the Study of
        # Songun Policy said": bodies named together speak as the first of them (guidelines 2.2)
        span = joined.group(1)
        words = span.split()
    if (
        not words
        or (len(words) > 18 and not long_ok and not offices)
        or (len(words) > 30 and not (offices and len(words) <= 60))
        or (
            words[0].lower().endswith("ing")
            and (len(words) == 1 or words[1].lower() in _AFTER_PARTICIPLE_WORDS or words[0][:1].isupper())
            and not (len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper())
        )
        or span[0] in '"“('
    ):
        if words and words[0].endswith("ing") and words[-1] in ("he", "she", "they", "it"):
            # ("Looking round the facilities he said"): the pronoun after the participle's phrase
            return s_start + a + len(span) - len(words[-1]), s_start + a + len(span)
        return None  # ("Speaking at the meeting ..."; not "Daqing Daily", "managing director of ...")
    return s_start + a, s_start + a + len(span)


# a name, then "and the" and another name: the first of bodies named together
_BODIES_JOINED = re.compile(
    r"([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|the|on|in|de|del|la)){1,12}?)\s+and\s+the\s+[A-Z]"
)
# what follows a participle opening a phrase: "Speaking at ...", "Recalling the ...", "Saying that ..."
_AFTER_PARTICIPLE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "the a an his her its their this that these those to at in on with for of about from by over into "
        "upon he she it they him them",
    )
)


# office-holders of named bodies listed as one subject: "The chairman of the Brazilian Center for ... and the
# chairman of the Brazilian Center for ..." (kcna.kp 2024 lists several in one sentence)
_OFFICES_LISTED = re.compile(
    r"(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+){1,3}(?:of|for)\s+(?:the\s+)?[A-Z][^;:]*"
    r"(?:,|\sand)\s+the\s+(?:[a-z][\w-]*\s+){1,3}(?:of|for)\s+(?:the\s+)?[A-Z][^;:]*$"
)
_DATELINE = re.compile(r"[A-Z][\w .'’-]{1,40}, [A-Z][a-z]+\.? \d{1,2}(?:, \d{4})? \([^)\n]{2,30}\)\s*-+\s*")
_OPENING_PRONOUN = re.compile(
    r"(?:In|At|On|During|After|Before)\s+(?:his|her|its|their)\b[^,]{0,120}?\s(he|she|they|it)$"
)
# a Spanish phrase opening the sentence before its subject, no comma: "En la audiencia el secretario general"
_LEAD_PP_ES = re.compile(
    r"(?:En|Durante|Tras|Ante)\s+(?:la|el|los|las|su|sus|una|un)\s+[a-záéíóúñ]+(?:\s+[a-záéíóúñ]+){0,3}?\s+"
    r"(?=(?:el|la|los|las)\s+[a-záéíóúñ])"
)
_LEAD_PP = re.compile(
    r"(?:In|At|Through|During|On|in|at|through|during|on)\s+(?:an?|the|its|his|her|their|another)\s+"
    r"(?:[\w.-]+\s+){1,4}?(?:[\"“][^\"”]{1,120}[\"”]\s+(?:[\w.-]+\s+){0,3}?)?(?:the|The)\s+"
)
_CIRCUMSTANCE = re.compile(r"\s+(?:in|at|during|on|through|via)\s+(?:his|her|its|their|a|an)\s+\w")
# a share of a group speaking: "More than 9 in 10 U.S. voters", "Fifty-nine percent of Americans", "Many"
_QUANTIFIED = re.compile(
    r"(?:More than|Less than|Over|Under|About|Nearly|Almost|Some|Most|Many|Half|Majority|Two-thirds|\d|"
    r"[A-Z][a-z]+(?:-[a-z]+)? (?:percent|per cent|in \d+|out of))\b",
    re.I,
)
# spans that are no noun phrase: a clause ("It was", "settlements were in violation"), a sentence opener
# ("Upon", "When"), a prepositional phrase ("in a statement"), a first person ("I am")
_NOT_A_SPEAKER = re.compile(
    r"^(?:Upon|When|While|After|Before|If|Though|Although|Because|Since|Once|Whenever|Where|Unless|Until|"
    r"in|at|on|with|by|from|for|to|as|I|We|You)(?=\s|$)|\b(?:is|are|was|were|am|be|been)\b"
    # ('remarks that "..." and "it urges the north": a cue inside quoted words)
    r"|^(?:and|but|or)\s+[\"“][a-z]"
)
# a Spanish phrase with no name in it that opens with a gerund, a participle and its preposition, or a
# preposition or demonstrative: never the subject of the cue after it
_NO_SUBJECT_ES = re.compile(
    r"(?:[A-Z][a-zñáéíóú]*(?:ando|iendo|yendo)"
    r"|(?:Muy\s+)?[A-Za-zñáéíóú]+(?:ado|ido|ada|ida|ados|idos|adas|idas)\s+(?:de|con|por|que|a|al|en|del)"
    r"|(?:En|Gracias|Ante|Durante|Desde|Tras|Al|Con|Sobre|Para|Por|Esto|Eso|Ello))\s[^A-Z\d\"“«]*"
)
_JUNK = {"and", "but", "or", "which", "who", "that", "as", "this", "it is", "there", "se", "como"}
# ("Se dice que ...": Spanish "it is said", nobody; "Como senala el libro": "as the book says")


_TITLED_NAME = re.compile(r"(?<=\s)([A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})$")


def _quote(text, start, end, direct, speaker_span, cue, mentions, kb: KB) -> Quote:
    if speaker_span is not None and end <= speaker_span[0] and text.startswith(",", speaker_span[1]):
        # "..., said the Ministry of Land, Infrastructure and Transport in a statement": a name whose comma
        # the speaker span stopped at goes on to its end
        whole = next(
            (
                m
                for m in mentions
                if speaker_span[0] <= m.start < speaker_span[1] < m.end and m.label == "ORG"
            ),
            None,
        )
        if whole is not None:
            speaker_span = (speaker_span[0], whole.end)
    while start < end and text[start] in " ,:;\r\n\t":
        start += 1  # "said:, ,  At this moment": the quote begins at its first word
    dl = _DATELINE.match(text, start, end)
    if dl and dl.end() < end:
        start = dl.end()  # "Pyongyang, November 10 (KCNA) -- ...": the dateline is nobody's words
    while end > start and text[end - 1] in " ,:;\r\n\t":
        end -= 1
    if speaker_span is not None and text[speaker_span[0] : speaker_span[1]].strip().lower() in _JUNK:
        speaker_span = None
    if (
        speaker_span is not None
        and cue.lower() in kb.zero_subject_cues
        and _NO_SUBJECT_ES.fullmatch(text[speaker_span[0] : speaker_span[1]].strip())
    ):
        # "Viendo los azulejos de diferentes colores, dijo que ...", "Gracias a la lucha heroica de los
        # constructores, se hizo posible ..., dijo": a phrase before a cue that drops its subject is no
        # subject (the person the story is about speaks)
        speaker_span = None
    if speaker_span is not None:
        # (not a name inside the quote: "... under the leadership of Kim Jong Il, the governor said")
        outside = [m for m in mentions if not start <= m.start < end]
        speaker_span = _named_before_age(text, speaker_span, outside)
        speaker_span = _named_before_phrase(text, speaker_span, outside)
        speaker_span = _appositive_person(text, speaker_span, outside, kb)
        speaker_span = _coordinated_subject(text, speaker_span, mentions)
        speaker_span = _listed_subject(text, speaker_span, mentions)
        if cue.endswith("ing") and not _AS_SAYING.match(text, speaker_span[1]):
            # (not the one "quoted ... as saying": "the information disclosed by WikiLeaks" is whole)
            speaker_span = _participle_subject(text, speaker_span, mentions, kb)
        speaker_span = _after_adverb(text, speaker_span, start, mentions, kb)
        speaker_span = _medium_after_nationality(text, speaker_span, mentions, kb)
        speaker_span = _before_relative(text, speaker_span, mentions)
    if speaker_span is None:
        return Quote(start, end, text[start:end], direct, None, None, None, None, "unknown", cue)
    ss, se = speaker_span
    raw = text[ss:se]
    ss += len(raw) - len(raw.lstrip())
    sp = _without_trail(raw.strip())  # "Rodong Sinmun Wednesday"
    d = _DET.match(sp)
    if d and sp.startswith("The ") and medium_noun_end(kb).search(text, max(0, ss - 20), ss):
        d = None  # ("the Myanmar paper The Voice": the paper's "The" is part of its name, guidelines 6)
    if d and not any(m.start == ss and m.label == "PERSON" for m in mentions):  # ("An Ok": a surname)
        ss += d.end()
        sp = sp[d.end() :]
    demonstrative = re.fullmatch(r"(?:This|That|These|Those)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})", sp)
    if demonstrative:  # "This song stresses": the song, as "the song" (no name)
        ss += demonstrative.start(1)
        sp = demonstrative.group(1)
    there = _PLACE_ADVERB_PRONOUN.fullmatch(sp)
    if there:  # "There he said in profound sorrow:": the pronoun after the adverb of place or time
        ss += there.start(1)
        sp = there.group(1)
    fresh = _FRESH.match(sp)
    if fresh:  # "A recent AP report said": the report of AP, as "An AP report"
        ss += fresh.end()
        sp = sp[fresh.end() :]
    book = _BOOK_TITLE.fullmatch(sp)
    if book:
        # 'according to "Haedong Miscellany", a book of the Ri Dynasty', 'According to "Korean Geography"
        # compiled in 1481': a work in quotation marks is the source, by its title
        ss += book.start(1)
        sp = book.group(1)
        return Quote(start, end, text[start:end], direct, sp, ss, ss + len(sp), None, "named", cue, sp)
    surname = [
        m for m in mentions if m.label == "PERSON" and ss - 3 <= m.start < ss and m.end >= ss + len(sp) > ss
    ]
    if (
        surname
    ):  # "An Ok, an official of ...", "So Yong Il, an officer": the article or conjunction was a surname
        ss, sp = surname[0].start, surname[0].text
    lead = _LEAD_PP.match(sp)
    if lead:
        ss += lead.end()  # "In an article the paper said": the paper
        sp = sp[lead.end() :]
    if re.match(r"(?:In|At|On|Through|During|Under)\s", sp):
        # "In an article titled "Popular Leader" on March 24 Ekota said": the name that ends the phrase
        tail = [
            m for m in mentions if m.end == ss + len(sp) and m.start > ss and m.label in ("ORG", "PERSON")
        ]
        name = re.search(r"(?<![\w'’.-])[A-Z][\w'’.-]*(?:\s+(?:of|for|the|and|[A-Z][\w'’.-]*))*$", sp)
        if tail:
            ss, sp = tail[0].start, tail[0].text
        elif name and name.start() > 0:
            ss, sp = ss + name.start(), name.group()
    after = [m for m in mentions if m.label == "PERSON" and m.start == ss + len(sp) + 1]
    if after and len(sp.split()) <= 2 and text[ss + len(sp)] == " ":
        ss, sp = after[0].start, after[0].text  # "Traitor Lee Myung Bak ..., saying": a title, then the name
    done = _DOC_DONE.match(sp)
    if done and done.group(2) in kb.doc_nouns:
        sp = done.group(1)  # "The work made public on April 20, 2012 says": the document speaks
    circ = _CIRCUMSTANCE.search(sp)
    if circ and circ.start() > 2:
        sp = sp[: circ.start()]  # "Evo Morales in his speech during his visit", "the court at a trial"
        sp = _without_trail(sp)  # ("X on Jan. 30 in an article headlined "..." said": the date too)
    se = ss + len(sp)
    for m in mentions:
        if (
            m.label == "PERSON"
            and m.end == se
            and m.start > ss
            and not _OBJECT_NAME.search(text, ss, m.start)
        ):
            ss, sp = m.start, m.text  # "Vice-director of the institute Choe Kwang Guk" -> the name
        elif m.start == ss and m.end < se and re.match(r"\s+in\s", text[m.end : se]):
            se, sp = m.end, m.text  # "Kim Jong Suk Library in Peru": the locative is not the speaker
        elif (
            m.label == "PERSON"
            and ss < m.start < m.end < se
            and re.fullmatch(r"(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+", text[ss : m.start])
            and re.match(r"\s+(?:at|of|from)\s", text[m.end : se])
        ):
            ss, sp = m.start, m.text  # "Dr. Hwang Myong Chol at the Academy of Social Sciences told KCNA"
    cut = _SPAN_CUT.search(sp)
    if cut and any(m.start == ss and m.end > ss + cut.end() and m.label == "ORG" for m in mentions):
        cut = None  # "Central Association of Korean Nationals in Russia": the locative is in the name
    if cut and (SHARED_HEAD.fullmatch(sp) or _NAME_LIST_TAIL.match(sp, cut.end())):
        cut = None  # "North, South and Overseas Side Committees for ...", "Ministry of Health, Labor and ..."
    if cut and sp[:1].isupper() and cut.start() > 2:
        sp = sp[: cut.start()]  # "Choson Sinbo, the organ of ...", "Kim Jong Suk Library in Peru": the name
        se = ss + len(sp)
    spanish = re.match(r"(?:En|Con|Por|Segun|Según)\s+(?:su|sus|el|la|los|las|un|una)\s+\w+\s+(?=[A-Z])", sp)
    if spanish:  # "En su articulo Sin se refirio a que": the phrase before the subject
        ss, sp = ss + spanish.end(), sp[spanish.end() :]
    titled = _TITLED_NAME.search(sp)
    before = sp[: titled.start(1)].split() if titled else []
    if titled and len(titled.group(1).split()) == 3 and before and before[-1] not in kb.person_titles:
        # ("... Women Affairs Isatou Njie-Saidy": three words only right after a title)
        titled = _TITLED_NAME.search(sp, titled.start(1) + len(titled.group(1).split()[0]) + 1)
    if (
        titled
        and titled.start(1) > 0
        and not any(m.end == ss + len(sp) and m.label in ("PERSON", "ORG") for m in mentions)
        and any(w in kb.person_titles for w in sp[: titled.start(1)].split())
        and not any(w in kb.org_heads for w in titled.group(1).split())
    ):  # "Vice President and Minister for Women Affairs Isatou Njie-Saidy": the name after the titles
        ss, sp = ss + titled.start(1), titled.group(1)
    titled_paper = _KIND_THEN_NAME.search(sp)
    if (
        titled_paper
        and (titled_paper.group("kind") or "") in _COMPANY_KINDS
        and re.search(r"\s(?:of|from|at|for|with)\s", sp[: titled_paper.start()])
    ):
        titled_paper = None  # ("official from the state-owned nuclear power firm Kazatomprom": the official)
    if titled_paper and not _NOT_A_SPEAKER.search(sp):
        # "The south Korean Internet paper Jaju Minbo ... held that": the paper's name ("U.S.
        # telecommunications company Motorola Solutions announced": the company's)
        part = "quoted" if titled_paper.group("quoted") else "name"
        ss, sp = ss + titled_paper.start(part), titled_paper.group(part)
    spanish_medium = _SPANISH_KIND_THEN_NAME.fullmatch(sp)
    if spanish_medium:  # "Segun la cadena surcoreana CBS": the broadcaster's name
        ss, sp = ss + spanish_medium.start("name"), spanish_medium.group("name")
    place_medium = _PLACE_THEN_ACRONYM.fullmatch(sp)
    if (
        place_medium
        and place_medium.group(2) not in kb.title_abbreviations
        and any(m.start == ss and m.end == ss + place_medium.end(1) and m.label == "PLACE" for m in mentions)
    ):
        ss, sp = ss + place_medium.start(2), place_medium.group(2)  # "according to south Korea CBS": CBS
    named = re.search(r"[\"“]([A-Z][^\"”]{1,60})[\"”]$", sp)
    if (
        named
        and named.start() > 0
        and re.search(
            r"\b(?:newspaper|paper|magazine|daily|weekly|journal|agency|website|station)\s*$",
            sp[: named.start()],
        )
    ):
        # 'the south Korean newspaper "Hankuk Daily"': the name in quotation marks speaks
        ss, sp = ss + named.start(1), named.group(1)
        se = ss + len(sp)
        return Quote(start, end, text[start:end], direct, sp, ss, se, None, "named", cue, sp)
    quoted_first = _QUOTED_MEDIUM_FIRST.match(sp)
    if quoted_first:
        # 'according to "Voice of People", an Internet broadcasting of south Korea': the name in marks
        ss, sp = ss + quoted_first.start(1), quoted_first.group(1)
        return Quote(start, end, text[start:end], direct, sp, ss, ss + len(sp), None, "named", cue, sp)
    if not sp or _NOT_A_SPEAKER.search(sp):
        return Quote(start, end, text[start:end], direct, None, None, None, None, "unknown", cue)
    acronym = _ACRONYM_AND.match(sp)
    if acronym and not any(m.start == ss for m in mentions) and acronym.group(1) not in kb.surface:
        # "according to CBS and KBS of south Korea": a name the packs do not know speaks first (2.2)
        a = acronym.group(1)
        return Quote(start, end, text[start:end], direct, sp, ss, se, None, "named", cue, a)
    kind, entity, name = _speaker_kind(text, sp, ss, se, mentions, kb)
    if name is not None and entity is None and name.endswith(("'s", "’s")) and len(name) > 4:
        name = name[:-2]  # ("The Sri Lanka Communist Party's report said": the party speaks)
    return Quote(start, end, text[start:end], direct, sp, ss, se, entity, kind, cue, name)


# a kind of medium or company, then its name ending the span: "Internet paper Jaju Minbo", "telecommunications
# company Motorola Solutions"
# a gathering speaking as a whole ("the meeting stressed"): its holder speaks
_MEETING_HEADS = frozenset(["meeting", "conference", "seminar", "symposium", "plenum", "congress", "session"])
# the government of a prefecture or province named before it
_LOCAL_GOVERNMENT = re.compile(r"(prefectural|provincial)\s+government")
# a medium's name in quotation marks, then what it is: '"Voice of People", an Internet broadcasting of ...'
_QUOTED_MEDIUM_FIRST = re.compile(
    r"[\"“]([A-Z][^\"”]{1,60})[\"”],\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:newspaper|paper|daily|weekly|magazine|journal|broadcasting|broadcaster|radio|TV|website|agency)\b"
)
# a body's capitalised name after "south"/"north": "south Korean Youth Solidarity"
_SOUTH_KOREAN_NAME = re.compile(r"(?:south|north)\s+(Korean(?:\s+[A-Z][\w'’-]*){1,5})")
_COMPANY_KINDS = frozenset(
    ["company", "firm", "corporation", "manufacturer", "maker", "carrier", "airline", "conglomerate"]
)
_KIND_THEN_NAME = re.compile(
    # ("the EU statistics bureau Eurostat", "the research institute Rand")
    r"\b(?P<kind>newspaper|paper|magazine|daily|weekly|journal|agency|bureau|institute|watchdog|"
    + "|".join(sorted(_COMPANY_KINDS))
    + r")\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})$"
    # ('Internet broadcasting service "Voice of People"': a name in marks after a broadcaster's kind)
    + r"|\b(?:service|radio|television|TV|broadcaster|website|homepage|paper|newspaper|magazine)\s+[\"“]"
    + r"(?P<quoted>[A-Z][^\"”]{1,60})[\"”]$"
)
# a Spanish medium's kind, its nationality and its name: "cadena surcoreana CBS", "diario mexicano La Jornada"
_SPANISH_KIND_THEN_NAME = re.compile(
    r"(?:cadena|emisora|agencia|diario|periodico|periódico|rotativo|semanario|revista|televisora)"
    r"(?:\s+[a-záéíóúñ]+){0,2}\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
)
# a place, then a medium's acronym: "south Korea CBS"
_PLACE_THEN_ACRONYM = re.compile(r"(.+?)\s+([A-Z][A-Z0-9&-]{1,7})")
# a medium's name after its noun: capitalised words and their joiners, "The" kept ("The Voice")
_MEDIUM_NAME = re.compile(r"(?:The\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w.'’-]*)*")


def _medium_noun_after(kb: KB) -> re.Pattern:
    """The packs' media and broadcaster nouns after a nationality ("paper", "daily", "news agency")."""
    return kb.rx("medium-noun-after", lambda: r"\s+(?:[\w-]+\s+){0,2}?(?:" + media_words(kb) + r")\s+")


def _medium_after_nationality(
    text: str, span: tuple[int, int], mentions: list[Mention], kb: KB
) -> tuple[int, int]:
    """'The Pakistani paper Baluchistan Times on April 15 carried an article ..., saying': a nationality is
    no speaker; the medium named after it is."""
    ss, se = span
    if not NATIONALITY.fullmatch(text[ss:se]):
        # "Myanmar paper The Voice on the same day said": a country, a medium noun, then the medium's name
        first = next((m for m in mentions if m.start == ss and m.label == "PLACE"), None)
        noun = _medium_noun_after(kb).match(text, first.end, se) if first is not None else None
        name = _MEDIUM_NAME.match(text, noun.end(), se) if noun is not None else None
        if name is not None:
            return name.start(), name.start() + len(name.group().rstrip())
        return span
    noun = _medium_noun_after(kb).match(text, se)
    named = [m for m in mentions if noun and m.start == noun.end() and m.label == "ORG"]
    return (named[0].start, named[0].end) if named else span


def _after_adverb(
    text: str, span: tuple[int, int], quote_start: int, mentions: list[Mention], kb: KB
) -> tuple[int, int]:
    """'Recently, traitor Lee Myung Bak ... pulled up the DPRK, asserting ...', 'Later, he blustered that':
    one word the news writes in lower case (the packs' common_words) opening the sentence before a comma is
    no speaker; the name or pronoun right after its comma is."""
    ss, se = span
    word = text[ss:se]
    phrase = _LOWER_PHRASE.fullmatch(word)
    if phrase is not None and word.split()[0] not in _SUBJECT_PRONOUNS:
        pr = re.match(r",\s+(he|she|they|He|She|They)\s+[a-z]", text[se : se + 12])
        if pr:
            # "Not content with this, he flew to ..., claiming that": an opening phrase of words in lower
            # case, then the pronoun and its verb
            return se + pr.start(1), se + pr.end(1)
    if (
        not re.fullmatch(r"[A-Z][a-z]+", word)
        or (word.lower() not in kb.common_words and word not in _SENTENCE_ADVERBS)
        or word in _SUBJECT_PRONOUNS
    ):
        return span  # ("He, member of the Political Bureau ..., said": a pronoun, no adverb)
    if not text.startswith(", ", se):
        return span
    pr = re.match(r",\s+(he|she|they|it|He|She|They|It)\b", text[se : se + 8])
    if pr:
        return se + pr.start(1), se + pr.end(1)
    after = [
        m
        for m in mentions
        if m.label in ("PERSON", "ORG")
        and se < m.start < min(quote_start, se + 40)
        and not m.start < quote_start <= m.end
    ]
    return (after[0].start, after[0].end) if after else span


def _without_trail(sp: str) -> str:
    """A speaker span without the words that trail a name: a day, a date, an adverb (``_TRAIL_WORDS``)."""
    t = _TRAIL_WORDS.search(sp)
    while t and t.start() > 0:
        sp = sp[: t.start()]
        t = _TRAIL_WORDS.search(sp)
    return sp


def _participle_subject(text: str, span: tuple[int, int], mentions: list[Mention], kb: KB) -> tuple[int, int]:
    """'He went the lengths of asserting "..."': the subject of the clause a participle cue ends."""
    ss, se = span
    pr = re.match(r"(?:He|She|They|It|he|she|they|it)(?=\s+[a-z])", text[ss:se])
    if pr:
        return ss, ss + pr.end()
    lead = ss + (4 if text.startswith(("The ", "the "), ss) else 0)
    people = [
        m
        for m in mentions
        if (m.label in ("PERSON", "ORG") or (m.label == "PLACE" and m.entity is not None))
        and m.start in (ss, lead)
        and m.end < se
    ]  # (a state too: "The U.S. is intensifying its anti-Iran campaign, asserting that ...")
    if (
        people
        and re.fullmatch(r"\s+[a-z][\w\s,'’-]*", text[people[0].end : se])
        and (people[0].label != "PLACE" or re.match(r"\s+" + _FINITE + r"\b", text[people[0].end : se]))
    ):  # (a place before a finite verb: not "A U.S. military official said ...")
        return people[0].start, people[0].end
    for np in _NOUN_THEN_VERB.finditer(text, max(0, ss - 4), se):
        if np.group(2).lower() in kb.doc_nouns | ORG_NOUNS:
            # "In an article titled ... the homepage referred to it, saying:", "The paper carried a photo of
            # him, saying:"
            return max(ss, np.start(2) if np.start(1) < ss else np.start(1)), np.end(1)
    return span


_NOUN_THEN_VERB = re.compile(
    r"(?<![\w-])((?:the|The|its|Its)\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]*))\s+[a-z]+ed\b"
)


# a name that is the object of a preposition ("chairman of the committee for ... of President Kim Il Sung")
_OBJECT_NAME = re.compile(
    r"\b(?:of|for|to|by|with|on|about)\s+(?:(?:the\s+)?(?:late\s+)?(?:President|General|Marshal|Comrade|"
    r"Generalissimo|Chairman|leader|respected|dear|great|Secretary|General Secretary)\s+)*$"
)


_COMMA_BEFORE = re.compile(r",\s+$")
_AND_BEFORE = re.compile(r",?\s+and\s+$")
_APPOSITIVE_BEFORE = re.compile(r",\s+[a-z][^,;:.]{2,120}$")


def _listed_subject(text: str, span: tuple[int, int], mentions: list[Mention]) -> tuple[int, int]:
    """'Rodong Sinmun, Joson Inmingun and Chongnyon Jonwi say': a speaker span cut at the last comma of a list
    of names is the whole list (its first name speaks, guidelines 2.2) when the list opens the sentence or
    holds three names or more; names may carry a lower-case appositive ('A, chairwoman of X, B, chairman of
    Y, and C, acting chairman of Z')."""
    ss, se = span
    lead_and = _AND_BEFORE.search(text, max(0, ss - 8), ss)  # ("..., and Torbjorn Bjorkman, ... said")
    comma = _COMMA_BEFORE.search(text, max(0, ss - 6), ss)
    if lead_and is not None:
        b = lead_and.start()
    elif comma is not None and re.search(r"\sand\s", text[ss:se]):
        b = comma.start()
    else:
        return span
    ends = {m.end: m for m in mentions if m.label in ("ORG", "PERSON")}
    p, moved = ss, 0
    for _ in range(10):
        m = ends.get(b)
        if m is None:  # "A, chairwoman of X, B": a lower-case appositive between the names
            appositive = _APPOSITIVE_BEFORE.search(text, max(0, b - 130), b)
            m = ends.get(appositive.start()) if appositive else None
        if m is None:
            break
        p, moved = m.start, moved + 1
        comma = _COMMA_BEFORE.search(text, max(0, p - 6), p)
        if comma is None:
            break
        b = comma.start()
    opens = re.search(r"(?:^|[.!?\n]\s*|,\s,\s*|\s{2,})(?:The\s+|the\s+)?$", text[max(0, p - 12) : p])
    listed = moved + sum(
        1 for m in mentions if ss <= m.start and m.end <= se and m.label in ("ORG", "PERSON")
    )
    # (three names or more make a list wherever it stands: "the editorial of A, B and C says")
    if not moved or (listed < 3 and not opens):
        return span
    return p, se


def _coordinated_subject(text: str, span: tuple[int, int], mentions: list[Mention]) -> tuple[int, int]:
    """'At that time, Kim Jong Un stopped walking and told ...': the subject of coordinated verbs."""
    ss, se = span
    pr = re.match(
        r"(?:He|She|They|It|he|she|they|it)\s+[a-z][^.;:]*\band(?:\s+(?:then|also|\w+ly))?\s*$", text[ss:se]
    )
    if pr:
        return ss, ss + len(pr.group().split()[0])  # "He suggested instituting the emblem and told"
    people = [m for m in mentions if m.label == "PERSON" and ss < m.start and m.end < se]
    if people and re.fullmatch(r"\s*[a-z][a-z\s,-]*\band(?:\s+then)?", text[people[0].end : se]):
        return people[0].start, people[0].end
    return span


def _before_relative(text: str, span: tuple[int, int], mentions: list[Mention]) -> tuple[int, int]:
    """'El discurso de la ocasion estuvo a cargo de Kim Ki Nam quien senalo': a span ending in a relative
    pronoun ("quien", "who") speaks as the name right before it."""
    ss, se = span
    rel = _RELATIVE_END.search(text, ss, se)
    if rel is None:
        return span
    named = [m for m in mentions if ss <= m.start and m.end == rel.start() and m.label in ("PERSON", "ORG")]
    return (named[-1].start, named[-1].end) if named else span


_RELATIVE_END = re.compile(r",?\s+(?:quien|quienes|who)\s*$")


def _appositive_person(text: str, span: tuple[int, int], mentions: list[Mention], kb: KB) -> tuple[int, int]:
    """'Choe Yong Rim, member of the Presidium of the C.C., the WPK and premier, said': a speaker span that
    is the tail of an appositive after a named person becomes that person."""
    ss, se = span
    if not _COMMA_DET_END.search(text[max(0, ss - 8) : ss]):
        return span
    words = text[ss:se].lower().split()
    if text[ss:se].strip().lower() in PRONOUNS or (
        len(words) <= 3 and _head(words) in kb.doc_nouns | ORG_NOUNS
    ):
        return span  # "..., Kim Jong Un, the article says": the article speaks, not the name before it
    if any(
        m.start == ss and (m.label == "PERSON" or (m.end == se and kb.is_medium(m.entity))) for m in mentions
    ):
        return span  # (a medium, the whole span: "..., President Kim Il Sung, Rodong Sinmun says")
    line_start = max(text.rfind(". ", 0, ss), text.rfind("\n", 0, ss), 0)
    people = [
        m
        for m in mentions
        if m.label == "PERSON" and line_start <= m.start and m.end < ss and text.startswith(", ", m.end)
    ]
    if people and _OBJECT_BEFORE.search(text, max(0, people[-1].start - 12), people[-1].start):
        # "when meeting with Kim Chun Bong, outgoing DPRK ambassador to his country, the president noted":
        # the object of a preposition is no subject; the president speaks
        return span
    if people and not re.search(
        r"\b(?:said|says|noted|stressed|is|was|were|are|has|had)\b|[.!?][\"”]\s*,|[.!?]\s*,\s*,|[a-z][.!?],\s",
        text[people[-1].end : ss],
    ):  # (a sentence end before the ', ,' paragraph artefact is no appositive comma)
        k = len(people) - 1
        if k > 0 and _APPOSED_AND.fullmatch(text, people[k - 1].end, people[k].start):
            # "John Jamit, chairman of ..., and Jean-Pierre Sammut, its secretary general, in a joint
            # statement said", "A, chairperson of ..., B, chairperson of ..., and C, chairman of ..., said":
            # people speaking together, as the first of them (guidelines 2.2)
            k -= 1
            while k > 0 and _APPOSED_LIST.fullmatch(text, people[k - 1].end, people[k].start):
                k -= 1
        return people[k].start, people[k].end
    return span


# a phrase of when or how someone spoke, between the subject's appositive and the cue: ", on Oct. 9 said", ",
# in an interview with a news agency on March 27 warned"
_CIRCUMSTANCE_SPAN = re.compile(
    r"(?:on|in|at|during|through|via)(?:\s[^,;:\"“]*)?|(?:on\s+)?" + _WEEKDAY + r"|today|yesterday"
)
_APPOSITIVE_SEGMENT = re.compile(r"(?:(?:the|a|an|its|his|her|their)\s+)?[a-z][^;:\"“]*")
_SEGMENT_VERB = re.compile(r"\b(?:said|says|is|was|were|are|has|had|have|will|would)\b")
_NAME_SEGMENT = re.compile(
    r"(?:The\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|the|and|de|del|la|el)\s+)*[A-Z][\w'’.-]*)*"
)
_SEGMENT_BREAK = re.compile(r",\s+")


_AGE_ONLY = re.compile(r"\s*\d{1,3}\s*")
_NAME_BEFORE_AGE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){1,4},\s+$")


def _named_before_age(text: str, span: tuple[int, int], mentions: list[Mention]) -> tuple[int, int]:
    """'Kan Ok Ryon, 26, said': a speaker span that is only an age set off by commas is the name before it."""
    ss, se = span
    if not _AGE_ONLY.fullmatch(text, ss, se):
        return span
    named = [m for m in mentions if m.label == "PERSON" and text.startswith(", ", m.end) and m.end + 2 == ss]
    if named:
        return named[-1].start, named[-1].end
    name = _NAME_BEFORE_AGE.search(text, max(0, ss - 80), ss)
    if name is None or re.search(
        r"\b(?:of|the|for|at|in|from|to|and|de|del|[A-Z][\w'’-]*)[ \t]+$",
        text[max(0, name.start() - 30) : name.start()],
    ):
        return span  # ("room chief of the ... Academy of Social Sciences, 36, said": a body's name, not his)
    return name.start(), name.end() - len(name.group()) + len(name.group().rstrip(", "))


def _named_before_phrase(text: str, span: tuple[int, int], mentions: list[Mention]) -> tuple[int, int]:
    """'Al Baath, the organ of Syria's Baath Arab Socialist Party, on Oct. 9 said', 'The former head of the
    IAEA, Mohammad El Baradei, in an interview ... on March 27 warned': a speaker span that is only the
    phrase of when or how they spoke, after a name and its appositive set off by commas, becomes the name."""
    ss, se = span
    if text[max(0, ss - 2) : ss] != ", " or not _CIRCUMSTANCE_SPAN.fullmatch(text, ss, se):
        return span
    line = max(text.rfind(". ", 0, ss) + 2, text.rfind("\n", 0, ss) + 1, text.rfind(", ,", 0, ss) + 3, 0)
    lead = re.compile(r"[\s,]*").match(text, line, ss).end()
    bounds, at = [], lead
    for cut in _SEGMENT_BREAK.finditer(text, lead, ss - 2):
        bounds.append((at, cut.start()))
        at = cut.end()
    bounds.append((at, ss - 2))

    def apposed(parts: list[tuple[int, int]]) -> bool:
        return all(
            _APPOSITIVE_SEGMENT.fullmatch(text, a, b) and not _SEGMENT_VERB.search(text, a, b)
            for a, b in parts
        )

    if not 2 <= len(bounds) <= 4:
        return span
    (a, b), rest = bounds[0], bounds[1:]
    if _NAME_SEGMENT.fullmatch(text, a, b) and apposed(rest):
        named = [m for m in mentions if m.label in ("PERSON", "ORG") and m.end == b and a <= m.start]
        return (named[0].start, b) if named else (a + (4 if text.startswith("The ", a) else 0), b)
    a2, b2 = rest[0]
    if (
        re.fullmatch(r"(?:The\s+|the\s+)?[a-z][^;:\"“]*", text[a:b])
        and not _SEGMENT_VERB.search(text, a, b)
        and _NAME_ONLY.fullmatch(text, a2, b2)
        and apposed(rest[1:])
    ):
        return a2, b2  # the title first, then the name
    return span


_OBJECT_BEFORE = re.compile(r"\b(?:with|to|for|from|at|on|about|toward|towards|against)\s+$")
_APPOSED_AND = re.compile(r",[^;:.,]{1,150},\s+and\s+")
_APPOSED_LIST = re.compile(r",[^;:.,]{1,150},\s+")


_NATIONAL_MEDIUM = re.compile(
    NATIONALITY.pattern
    + r"\s+(?=[A-Z](?:(?! of ).)*\b(?:"  # (not "Guinean Agency of Press": a translated name)
    + PAPER_WORD
    # ("Japanese Jiji Press", "Cambodian State Radio Broadcasting Service")
    + r"|Agency|TV|Radio|Television|Press|Broadcasting(?:\s+(?:Service|Corporation|System))?)$)"
)


# a medium's country after its name: "Xinhua News of China", "Yonhap News of south Korea", "CBS of south
# Korea", "AKP news agency of Cambodia"
_MEDIUM_OF_COUNTRY = re.compile(
    r"(?:(?<=\s)(?:" + PAPER_WORD + r"|" + BROADCAST_WORD + r"|news agency)|(?:(?<=\s)|^)[A-Z]{2,6})\s+of\s+"
    r"(?:(?:south|north)\s+)?"
    r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)$"
)


_AUTHORED_BY = re.compile(
    r"(?:[\w-]+\s+){0,2}?([a-z]+)\s+(?:authored|written|penned|signed|sent|issued)\s+by\s+"
)


# words for what a body issues or finds, besides the packs' document nouns, which speak for it when the
# speaker span names the body after them
_ISSUER_NOUNS = frozenset(
    {
        *("survey", "surveys", "poll", "estimate", "estimates", "study", "studies", "data", "figures"),
        *("statistics", "chapter", "decree", "decrees", "order", "findings", "analysis", "information"),
        *("reporte", "informe", "decreto", "orden", "encuesta", "estudio", "informacion", "información"),
        *("version", "versión", "versiones"),  # ("segun las versiones recientes de Asahi Shimbun")
    }
)
# "chapter of a report by ", "decree of the ", "reporte de la ": lower-case words with such a noun, then the
# preposition that brings in the issuer's capitalised name
_ISSUER_OF = re.compile(
    r"(?:" + _MONTH_NAME + r"\.?\s+\d{1,2}\s+)?"  # ("January 9 decree")
    r"((?:(?:[a-záéíóúñ][\w-]*|" + _WEEKDAY + r")\s+){0,7}?)(?:of|by|from|de|del|por)\s+"
    r"(?:(?:the|la|el|los|las)\s+|(?<=by\s)(?:its|their)\s+)?"  # ("released on Monday by its ... Institute")
    r"(?:(?:semi-official|official|state-run|state-owned|government-run|pro-government|ruling|opposition|"
    r"conservative|progressive|leading|influential|prestigious|well-known|major|independent|private)\s+){0,2}"
    r"(?:(?:south|north)\s+(?=Korea['’]s\s|Korean\s+[A-Z]))?(?=[A-Z])"
)  # ("information available from the south Korean Association for ...": the Korean Association; "a report
# of the semi-official Anatolia news agency": the agency)
_NATIONAL_BODY = re.compile(
    r"([A-Z][a-z]+)(?:\s+[a-z][\w-]*){0,3}\s+(?:ministry|government|office|department|agency|bureau|commission)\b"
)
# a place's possessive before the issuer: "a report of south Korea's KBS"
_PLACE_OWNS = re.compile(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?['’]s\s+(?=[A-Z])")
# what may follow the issuer's name inside the span: nothing, a date or a participle ("released on Tuesday")
_AFTER_ISSUER = re.compile(
    r"\s*(?:$|,\s|\(|(?:in|on|at|released|issued|published|dated|fechado|announced|conducted|some|"
    r"recently|earlier|last|this|yesterday|today)\b)"
)


def _org_nouns_es(kb: KB) -> frozenset:
    """The Spanish head nouns of bodies (the packs' ``org_nouns_es``), once per knowledge base."""
    got = kb.compiled.get("org-nouns-es")
    if got is None:
        got = kb.compiled["org-nouns-es"] = frozenset(kb.p.get("names", {}).get("org_nouns_es", []))
    return got


def _plural_office(pre: list[str], kb: KB) -> bool:
    """The office words before a preposition name several holders ("the ambassadors"); a Spanish office's
    nationality after it ("presidente japones", "premier togoles") is no plural."""
    last = pre[-1]
    if len(pre) >= 2 and last.endswith("s") and demonym_after(" " + last, kb):
        last = pre[-2]
    return last.endswith("s")


# a name, then the document it issued: "Gallup poll (released earlier this month)", "Pew survey"
_NAME_THEN_DOC = re.compile(
    r"([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s+([a-z]+)"
    r"(?:\s+(?:released|published|conducted|issued|made\s+public|compiled)\b.*)?"
)


def _issuer_in_span(
    text: str, ss: int, se: int, inside: list[Mention], kb: KB
) -> tuple[str, str | None, str] | None:
    """The body or person a document, survey or decree of the span is by: "a flash estimate of the European
    Commission released on Tuesday" speaks for the European Commission (guidelines 2.3, a document standing
    for its issuer). None when the span names no issuer, or names it with an office after it ("the statement
    of the Foreign Ministry spokesman": the spokesman speaks)."""
    m = _ISSUER_OF.match(text, ss, se)
    words = set(m.group(1).split()) if m is not None else set()
    words |= {w[:-1] for w in words if w.endswith("s")}  # ("reports of Asahi Shimbun")
    if m is None or not (words & (_ISSUER_NOUNS | kb.doc_nouns)):
        return None
    at = m.end()
    owns = _PLACE_OWNS.match(text, at, se)
    owner_end = at + len(re.split(r"['’]s\s", owns.group())[0]) if owns else -1
    if owns is not None and any(x.end == owner_end and x.label == "PLACE" for x in inside):
        at = owns.end()  # ("a report of south Korea's KBS": KBS)
    based = BASED.match(text, at, se)
    if based is not None:
        at = based.end()  # ("a survey released by Geneva-based World Economic Forum": the forum)
    named = [x for x in inside if x.start == at]
    if named and named[0].label in ("ORG", "PERSON"):
        name, end, entity = named[0].text, named[0].end, named[0].entity
    elif named:
        return None  # ("the survey of Japan"): a place, not an issuer
    else:
        body = _NATIONAL_BODY.match(text, at, se)
        if body is not None and (
            country_entity(body.group(1), kb) is not None or state_demonym(body.group(1), kb)
        ):
            # "official data by the German economy ministry": a state's body, described in lower case; its
            # government by the state's name (guidelines 1.4)
            country = country_entity(body.group(1), kb)
            if body.group().endswith(" government") and country is not None:
                return "named", None, government_name(country.name)
            return "named", None, body.group()
        name = capitalised_name(text, at, se)
        if name is None or not text.startswith(name, at):
            return None
        end, entity = at + len(name), None
    if not _AFTER_ISSUER.match(text, end, se) and end < se:
        return None
    return "named", entity, re.sub(r"['’]s$", "", name)


# an acronym no mention covers, then "and" and another name: coordinated speakers, the first speaks
_ACRONYM_AND = re.compile(r"([A-Z]{2,6})\s+and\s+(?:the\s+)?[A-Z]")
_MEDIUM_KIND_WORDS = frozenset(("Service", "Services", "Agency", "Network", "Channel", "Station"))


def _without_nationality(name: str, kb: KB) -> str:
    """'Japanese Asahi Shimbun' -> 'Asahi Shimbun': a medium's name without the nationality before it. A
    country's own name is part of the name ("Japan Meteorological Agency")."""
    tail = _MEDIUM_OF_COUNTRY.search(name)
    if tail and (kb.surface.get(tail.group(1)) or ("",))[0] == "PLACE":
        name = name[: tail.start(1)].rsplit(" of ", 1)[
            0
        ]  # "Xinhua News of China" (guidelines 6), not "Voice of Russia"
    described = _described_medium(kb).match(name)
    if (
        described is not None
        and _is_name(name[described.end() :])
        and name[described.end() :].split()[0] not in _MEDIUM_KIND_WORDS
    ):
        # "Bangladeshi Paper Matribumi", "Russian internet news Balt Info" (not "Chinese News Service": the
        # word after "News" is the kind of a medium whose name the news word opens)
        return name[described.end() :]
    m = _NATIONAL_MEDIUM.match(name)
    if m is None or (kb.surface.get(m.group().strip()) or ("",))[0] == "PLACE":
        bare = re.match(NATIONALITY.pattern + r"\s+(?=[A-Z])", name)
        rest = name[bare.end() :].split() if bare else []
        if (
            bare is not None
            and 1 <= len(rest) <= 3
            and kb.surface.get(bare.group().strip()) is None
            and country_entity(bare.group().strip(), kb) is not None
            and not any(w in kb.org_heads or w in kb.place_heads or w in kb.generic_words for w in rest)
            and all(w[:1].isupper() for w in rest)
            and not any(w in kb.person_titles or (w.isupper() and len(w) <= 3) for w in rest)  # ("Qatari PM")
            and not (len(rest) == 1 and re.fullmatch(PAPER_WORD, rest[0]))
            # ("Nigerian Observer": a paper's word alone is no name, the nationality is part of it)
        ):
            return " ".join(rest)  # "Italian Citta Aperta": a nationality before a name with no head word
        return name
    return name[m.end() :]


# a nationality and a medium noun before a medium's name: "Bangladeshi Paper Matribumi", "Russian internet
# news Balt Info", "Indian weekly Tabloid"
def _described_medium(kb: KB) -> re.Pattern:
    return kb.rx(
        "described-medium",
        lambda: (
            NATIONALITY.pattern
            + r"\s+(?:[a-z]+\s+)?(?i:"
            + "|".join(sorted({*kb.media_nouns, *kb.broadcast_nouns, "news"}, key=len, reverse=True))
            + r")\s+(?=[A-Z])"
        ),
    )


def _name(kb: KB, m: Mention | None) -> str | None:
    if m is None:
        return None
    e = kb.entity(m.entity)
    if e is not None:
        return e.name
    name = re.sub(r"['’]s$", "", m.text)
    cc = _CC_NAME.fullmatch(name) if m.label == "ORG" else None
    if cc is not None:
        return "Central Committee of the " + cc.group(1)  # "C.C., Brazilian Communist Party": written out
    return _without_nationality(name, kb) if m.label == "ORG" else name


_CC_NAME = re.compile(r"C\.\s?C\.,?\s+(?:the\s+)?([A-Z].+)")


# a medium's description before its name: "diario Rodong Sinmun", "DPRK paper Minju Joson"
def _medium_before(kb: KB) -> re.Pattern:
    return kb.rx(
        "medium-before", lambda: r"(?:(?:DPRK|Korean|[Tt]he)\s+)?(?:" + _media_alt(kb) + r"|organ)\s+"
    )


# an acronym after a nationality: "south Korean CBS", "Japanese NHK"
_DESCRIBED_ACRONYM = re.compile(
    r"(?:(?:south|north|South|North|S\.|N\.)\s+Korean|[A-Z][a-z]+(?:an|ese|ish))\s+([A-Z]{2,6})"
)


# a coordinated subject whose second conjunct is a group: "X and other speakers", "X, and other participants"
_AND_OTHERS = re.compile(r"(.+?),?\s+and\s+(?:the\s+)?other\s+[a-z]+s$")


# a capitalised title and a person's name: "Chairman Aleksandr Neves Rosendo da Silva"
_TITLE_THEN_NAME = re.compile(
    r"((?:[A-Z][\w.-]*\s+){1,2}?)([A-Z][a-z][\w'’-]*(?:\s+(?:(?:da|de|dos|do|van|von|al|el|bin|ibn)\s+)?"
    r"[A-Z][a-z][\w'’-]*){1,4})"
)


# a country's government: "the Japanese government", "south Korean government", "government of Brazil"
_GOVERNMENT = re.compile(
    r"(?:(?:the|The)\s+)?(?:(?P<adj>(?:(?:south|north|South|North)\s+)?[A-Z][a-z]+)\s+[Gg]overnment|"
    r"[Gg]overnment\s+of\s+(?:the\s+)?(?P<of>(?:(?:south|north|South|North)\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?))"
)


# a medium named in quotation marks after what it is: 'Internet radio "Voice of People"'
_MEDIUM_QUOTED = re.compile(
    r"(?:[\w.'’-]+\s+){0,4}(?:radio|paper|newspaper|magazine|website|homepage|TV|television|daily|weekly|"
    r"journal|agency|channel|station)\s+[\"“]([A-Z][^\"”]{1,60})[\"”]"
)


# a state's authorities: "the south Korean authorities", "Thai authorities", "U.S. authorities"
_AUTHORITIES = re.compile(
    r"(?:(?:the|The)\s+)?(?:present\s+|current\s+)?(?:"
    r"(?P<adj>(?:(?:south|north|South|North)\s+)?[A-Z][a-z]+|U\.S\.|US)\s+authorities|"
    # ("The present authorities of south Korea insisted": a state's authorities are the state, guidelines 6)
    r"authorities\s+of\s+(?:the\s+)?(?P<of>(?:(?:south|north)\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?))"
)


# the age KCNA writes after a person's name: "(55)", "(55 anos de edad)"
_AGE = r"\(\d{1,3}(?:\s+(?:anos|años|years)[^)]{0,12})?\)"
# a person's name ending a speaker span, with the age KCNA gives after it: "... Hassan Reza Husseini",
# "... Choe Yong Nam (55 anos de edad)"
_TAIL_NAME = re.compile(
    r"(?:^|\s)((?:[A-Z][a-z][\w'’-]*|[A-Z]\.|[A-Z](?=\s+[A-Z][a-z]))(?:\s+(?:[A-Z][a-z][\w'’-]*|[A-Z]\.)){1,5})"
    r"(?P<age>\s*" + _AGE + r")?$"
)
# words that go on a body's name ("Committee for Space Technology"), never end it before a person's name
_NAME_JOINERS = frozenset(
    re.findall(
        r"\w+",
        "of for the and to in at on by with from de del la el los las y en para por da do dos das du des",
    )
)


def _title_body_name(sp: str, kb: KB, roles, offices) -> str | None:
    """The holder's name after an office and its body: "General Secretary of the Communist Party of Italy
    Oliviero Diliverto" -> "Oliviero Diliverto". The name is the longest run of two to four capitalised words
    ending the span with no place or head word of the packs in it, after a word that ends the body's name
    (a head word, a place) or a lower-case word; the span opens with an office (or gives the age KCNA
    writes after a person's name)."""
    m = _TAIL_NAME.search(sp)
    if m is None or m.start(1) == 0 or re.search(r"\s(?:and|y)\s", sp[: m.start(1)]):
        return None
    opening = [w.lower() for w in re.sub(r"^(?:the|el|la|The|El|La)\s+", "", sp).split()[:2]]
    titled = any(w in roles or w in offices for w in opening) or " ".join(opening) in offices
    titled = titled or opening[0] in kb.one_word_titles()
    if not titled and m.group("age") is None:
        return None
    run = m.group(1).split()
    before = sp[: m.start(1)].split()
    for k in range(min(4, len(run)), 1, -1):
        parts, prev = run[-k:], (run[: len(run) - k] or before[-1:])[-1]
        if any(
            w in kb.org_heads or w in kb.place_heads or kb.surface.get(w, ("",))[0] == "PLACE" for w in parts
        ):
            continue  # ("... of the Korean Friendship Association": a body, not a person)
        hit = kb.surface.get(prev)
        if prev.lower() in _NAME_JOINERS:
            continue  # ("spokesman for the Committee for Space Technology": the body's name goes on)
        if (
            prev[:1].islower()
            or prev in kb.org_heads
            or (hit is not None and hit[0] == "PLACE")
            or (m.group("age") is not None and k < len(run))
        ):
            return " ".join(parts)
    return None


def _broadcasters(kb: KB) -> frozenset:
    """ "the news agency noted", "the radio said": an agency or broadcaster the story named before."""
    got = kb.compiled.get("broadcasters")
    if got is None:
        got = kb.compiled["broadcasters"] = frozenset(
            {n.lower() for n in kb.broadcast_nouns} - {"website", "organ"} | {"radio station", "broadcaster"}
        )
    return got


def _story_country(text: str, at: int, mentions: list[Mention], kb: KB):
    """The country last named before ``at``: in a government's name ("Philippine government"), as a place
    ("Bangladesh") or by its demonym ("The Japanese economy")."""
    best, where = None, -1
    for g in _GOVERNMENT.finditer(text, 0, at):
        c = country_entity(g.group("of") or g.group("adj") or "", kb)
        if c is not None:
            best, where = c, g.start()
    for m in mentions:
        e = kb.entity(m.entity) if m.label == "PLACE" and m.start < at else None
        if e is not None and e.subtype == "country" and m.start > where:
            best, where = e, m.start
    for d in re.finditer(NATIONALITY.pattern, text[:at]):
        if d.start() > where and d.group() not in kb.surface:
            c = country_entity(d.group(), kb)
            if c is not None:
                best, where = c, d.start()
    return best


_FULL_TEXT_OF = re.compile(r"(?:full\s+)?text\s+of\s+the\s+([a-z]+)")
# a capitalised plural of a place's people ("Koreans", "Pyongyangites"; "Evans" is a name: no demonym)
_PLURAL_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ans|ites)")


_PROGRAM_HEADS = frozenset(("Program", "Programme", "Programa"))


def _speaker_kind(
    text: str, sp: str, ss: int, se: int, mentions: list[Mention], kb: KB
) -> tuple[str, str | None, str | None]:
    """The speaker span's kind before coreference: ``named``, ``self`` and ``anonymous`` are final;
    ``pronoun``, ``document:<noun>`` and ``role:<word>`` are resolved by :mod:`tealeaves.extract.coref`."""
    low = sp.lower()
    full_text = _FULL_TEXT_OF.fullmatch(low)
    if full_text is not None and full_text.group(1) in kb.doc_nouns:
        return (
            f"document:{full_text.group(1)}",
            None,
            None,
        )  # "The full text of the message says": the message
    if _PLURAL_DEMONYM.fullmatch(sp) and not any(m.start <= ss < m.end for m in mentions):
        stem = sp[:-4] if sp.endswith("ites") else sp[:-1]
        if (kb.surface.get(stem) or ("",))[0] == "PLACE" or country_entity(stem, kb) is not None:
            # "Pyongyangites said", "Koreans said": the people of a place, not a body (guidelines 2.3)
            return "anonymous", None, None
    authorities = _AUTHORITIES.fullmatch(sp)
    if authorities:
        of = authorities.group("of")
        hit = country_entity(
            authorities.group("adj")
            or re.sub(r"^(south|north)\s+", lambda m: m.group(1).capitalize() + " ", of),
            kb,
        )
        if hit is not None:
            return "named", hit.id, hit.name  # "the south Korean authorities": the state (guidelines 6)
    government = _GOVERNMENT.fullmatch(sp)
    if government:
        country = country_entity(government.group("of") or government.group("adj"), kb)
        if country is not None:
            return "named", None, government_name(country.name)  # "Japanese government": guidelines 1.4
    state = kb.entity(kb.speaker_aliases.get(low))
    if state is not None and re.search(r"\b[Tt]he\s+$", text[max(0, ss - 4) : ss]):
        return "named", state.id, state.name  # "the north said", "the south side said": the state
    if low in ("government", "government of the country") and re.search(
        r"\b[Tt]he\s+$", text[max(0, ss - 4) : ss]
    ):
        # "The Japanese government decided ... The government said", "The Japanese economy shrank ..., the
        # government said": the government of the country the story is about, named or described before
        country = _story_country(text, ss, mentions, kb)
        if country is not None:
            return "named", None, government_name(country.name)
    quoted = _MEDIUM_QUOTED.fullmatch(sp)
    if quoted:
        return "named", None, quoted.group(1)  # 'south Korean Internet radio "Voice of People"': its name
    others = _AND_OTHERS.match(sp)
    if others and not sp[:1].isupper():
        # "rector of Cotonou Institute of Journalism and other speakers": the first conjunct speaks
        # (guidelines 2.3), so the kind is that of "rector of Cotonou Institute of Journalism"
        kind = _speaker_kind(text, others.group(1), ss, ss + others.end(1), mentions, kb)
        if kind[0] != "anonymous":
            return kind
    inside = [m for m in mentions if ss <= m.start and m.end <= se]
    first = inside[0] if inside else None
    if (
        first is not None
        and first.start == ss
        and first.end < se
        and first.label == "ORG"
        and re.fullmatch(r"[^,]+(?:,\s+[A-Z][\w'’-]*)+\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", sp)
        and _is_name(re.sub(r",\s+(?=[A-Z])", " and ", sp))
    ):
        # "Ministry of Education, Culture, Sports, Science and Technology": a name listing its fields
        return "named", None, sp
    media, roles, offices = speaker_words(kb)
    if low in PRONOUNS:
        return "pronoun", None, None
    if _ANONYMOUS_ISSUER.match(sp) and sp.split()[0].lower().rstrip("s") in kb.doc_nouns:
        # "statement of a spokesman for the National Defence Commission", "report made by experts of the
        # Asian Development Bank": a document whose issuer the span gives as a spokesman or experts speaks as
        # they do, anonymously (guidelines 2.3)
        return "anonymous", None, None
    first_body = shared_head_first(sp)
    if first_body is not None:
        # "North, South and Overseas Side Committees for Implementing ...", "British and German branches
        # of the Korean Friendship Association": bodies sharing a head noun speak as the first of them
        # (guidelines 2.2), its name the head in the singular
        return "named", None, first_body
    people_in = [m for m in inside if m.label == "PERSON"]
    if (
        len(people_in) == 1
        and sp[:1].islower()
        and kb.rx("role-then-name-es", lambda: r"(?:" + kb.head_first_titles() + r")\b").match(sp)
        and _AFTER_NAME_ES.fullmatch(text, people_in[0].end, se)
    ):
        # "ministro de Cultura An Tong Chun en su discurso inaugural", "director de ... O Ryong Thaek y otros
        # oradores": a Spanish office, its body, then the holder's name (what follows is no name)
        return "named", people_in[0].entity, _name(kb, people_in[0])
    if sp in ("Y", "E", "Pero", "Asimismo", "Ademas", "Además"):
        # "Y expresó su convicción de que ...": Spanish drops the subject after "and"; the person the story
        # is about, as "él" would be
        return "pronoun", None, None
    unit = re.match(
        r"(?:puppet\s+)?\d+(?:st|nd|rd|th)\s+(?:[\w-]+\s+){0,2}(?i:corps|division|fleet|brigade|regiment|"
        r"battalion|army|wing|command|squadron)\b",
        sp,
    )
    if unit and (first is None or first.start > ss + unit.end() or first.end <= ss + unit.end()):
        # "The 6th Corps of the south Korean puppet army announced": a numbered unit, identified (its name as
        # written, before a "belonging to" that only places it)
        return (
            "named",
            None,
            re.split(r"\s+(?:belonging|attached|subordinate)\s", re.sub(r"^puppet\s+", "", sp))[0],
        )
    if _QUANTIFIED.match(sp):
        return "anonymous", None, None
    if (
        first is not None
        and first.entity in media
        and (first.start == ss or _medium_before(kb).fullmatch(text[ss : first.start]))
    ):  # ("Asi senala el diario Rodong Sinmun", "the DPRK paper Rodong Sinmun")
        return "self", first.entity, _name(kb, first)
    acronym = _DESCRIBED_ACRONYM.fullmatch(sp)
    if acronym and not inside:
        return "named", None, acronym.group(1)  # "south Korean CBS reported": a broadcaster no pack knows
    if low in kb.self_speakers:
        return "self", first.entity if first else None, _name(kb, first) if first else sp
    words = re.findall(r"[a-zñáéíóú][\w-]*", low)
    head = _head(words)
    # Spanish names the head first: "el portavoz del MINREX de la RPDC" is a spokesman, not the ministry
    spanish_anonymous = len(words) > 2 and words[1] in ("de", "del") and words[0] in kb.anonymous
    if head.endswith("s") and head[:-1] in kb.own_writing:
        head = head[:-1]  # "Articles say" in a press review: the paper's own
    people = [m for m in inside if m.label == "PERSON"]
    if (
        people
        and (
            people[0].start == ss
            # "Prof. Narihiko Ito of a university of Japan said": titles only before the person
            or (
                re.fullmatch(r"(?:[A-Z][\w.-]*\s+){1,3}", text[ss : people[0].start])
                and _titles_only(text[ss : people[0].start].split(), kb)
                and " " in people[0].text
                # ("Chairman Genaro Ledesma Izquieta and General Secretary Cati Campos of ...": the first of
                # the people named together, guidelines 2.2)
                and re.match(r"(?:$|,|\s+of\s|\s+and\s+[A-Z])", text[people[0].end : se])
            )
            or (
                re.match(r"\s+and\s+(?:other|the other|all)\b", text[people[0].end : se])
                and all(w in kb.person_titles for w in text[ss : people[0].start].split())
            )  # "Chairman M. Jahangir Khan and other speakers": the first of them (guidelines 2.3)
        )
    ):
        return "named", people[0].entity, _name(kb, people[0])
    if first is not None and first.start == ss and first.end == se and first.label == "ORG":
        return "named", first.entity, _name(kb, first)  # "General Staff of the Korean People's Army": a name
    titled_name = _title_body_name(sp, kb, roles, offices)
    if titled_name is not None:
        # "Military Attache of the Iranian Embassy Hassan Reza Husseini", "el gerente de la fabrica Choe Yong
        # Nam (55 anos de edad)": an office and its body, then the holder's name
        hit = kb.surface.get(titled_name)
        if hit is not None and hit[0] == "PERSON":
            return "named", hit[1], kb.entity(hit[1]).name
        return "named", None, titled_name
    by = _AUTHORED_BY.match(sp)
    if by and by.group(1).lower() in kb.doc_nouns:
        author = [m for m in inside if m.start == ss + by.end() and m.label in ("PERSON", "ORG")]
        if author:  # "The treatise authored by Putin said": its author
            return "named", author[0].entity, _name(kb, author[0])
    before = text[max(0, ss - 4) : ss]
    indefinite = bool(re.search(r"\b(?:a|an|A|An)\s+$", before)) or (
        sp.startswith(("Another ", "another ")) and not re.search(r"[A-Z][\w'’-]*\s+[A-Z]", sp[8:])
    )  # ("Another Nepali paper said", not "Another paper of Cuba Juventud Rebelde")
    pre = _before_prep(words)
    own = head in kb.own_writing  # "An article says" in a press review: the paper's own
    media_inside = [m for m in inside if m.entity in media and m.start > ss]
    if head in kb.doc_nouns and media_inside:
        # "bylined commentary of Rodong Sinmun": the paper's own piece
        return "self", media_inside[0].entity, _name(kb, media_inside[0])
    issuer = _issuer_in_span(text, ss, se, inside, kb)
    if issuer is not None:
        return (
            issuer  # "a decree of the Presidium of the ...", "the survey of the Cabinet Office": its issuer
        )
    named_doc = _NAME_THEN_DOC.fullmatch(sp)
    if (
        named_doc is not None
        and named_doc.group(2) in _ISSUER_NOUNS | {"report", "reports"}
        and not any(w in kb.stopwords or state_demonym(w, kb) for w in named_doc.group(1).split())
        # ("Survey data issued by ...", "Foreign figures": a sentence's capital, no name)
        and not all(w.lower() in kb.common_words for w in named_doc.group(1).split())
    ):
        # "according to a Gallup poll released earlier this month", "a Pew survey": the name issued it
        hit = [m for m in inside if m.start == ss and m.text == named_doc.group(1)]
        if hit and hit[0].label in ("ORG", "PERSON"):
            return "named", hit[0].entity, _name(kb, hit[0])
        if not hit:
            return "named", None, named_doc.group(1)
    owned = re.fullmatch(r"(its|their)\s+(?:[\w-]+\s+)?([a-z]+)", sp)
    if owned and (owned.group(2) in kb.doc_nouns or owned.group(2) in _ISSUER_NOUNS):
        # "X posted a loss, according to its survey": the document of whom the "its" stands for
        return f"owner:{owned.group(1)}", None, None
    local = _LOCAL_GOVERNMENT.fullmatch(low)
    if local is not None and re.search(r"\b(?:the|The)\s+$", text[max(0, ss - 8) : ss]):
        # "..., Miyagi Prefecture, the prefectural government said": that place's government
        kind = {"prefectural": "Prefecture", "provincial": "Province"}[local.group(1)]
        place = next(
            (
                m
                for m in reversed(mentions)
                if m.end <= ss and m.label == "PLACE" and m.text.endswith(" " + kind)
            ),
            None,
        )
        if place is not None:
            return (
                "named",
                None,
                f"{place.text[: -len(kind)].strip()} {local.group(1).capitalize()} Government",
            )
    if head in kb.sender_nouns and not indefinite:
        return "document:mensaje", None, None  # "El remitente senala": who sent the message named before
    if (
        head in _MEETING_HEADS
        and len(words) <= 2
        and sp[:1].islower()
        and re.search(r"\b(?:the|The)\s+$", text[max(0, ss - 20) : ss])
    ):
        # "the meeting stressed", "The annual meeting referred to": the body that held it (guidelines 2.3)
        return f"meeting:{head}", None, None
    if (
        head in kb.doc_nouns
        and (own or not indefinite)
        and not (first is not None and first.start == ss)
        and not any(
            m.end == se and m.label == "ORG" and m.entity for m in inside
        )  # ("Chinese People's Daily")
    ):
        return f"document:{head}", None, None
    if re.match(r"(?:Papers|Newspapers|Dailies)\s+(?:today|on\s+\w+day|\w+day|in)\b", sp):
        # "Papers today in editorials ...", "Papers Sunday in bylined commentaries ...": the DPRK papers
        # together, the medium's own voice (a press review)
        return "self", None, None
    if (
        head in ("analyst", "commentator", "columnist", "articulista", "comentarista")
        and not inside
        and re.search(r"\b(?:the|The|el|El)\s+$", before)
    ):
        # "Rodong Sinmun says in a bylined commentary Tuesday. ... the news analyst says": the writer of the
        # commentary reported, the paper's own voice
        return "document:commentary", None, None
    if low in _broadcasters(kb) and re.search(r"\b(?:the|The)\s+$", before):
        medium = next((m for m in reversed(mentions) if m.end <= ss and kb.is_medium(m.entity)), None)
        if medium is not None:
            # "The ITAR-TASS of Russia on Monday introduced ... the news agency noted": that medium
            return ("self" if medium.entity in media else "named"), medium.entity, _name(kb, medium)
        if " " not in low or low.endswith(" service"):
            # "State Radio reported ... the radio noted", "Sakirmata TV Broadcasting Service of Nepal aired
            # ... The broadcasting service said": the broadcaster named with that head before
            return f"orgnoun:{low.split()[-1]}", None, None
    if head in ORG_NOUNS and len(words) == 1 and re.search(r"\b(?:the|The)\s+$", before):
        return f"orgnoun:{head}", None, None  # "the organization warned": the organisation named before
    if len(words) == 1 and words[0] in _org_nouns_es(kb) and re.search(r"\b(?:el|El|la|La)\s+$", before):
        return f"orgnoun:{words[0]}", None, None  # "La asociacion senalo": the body named before
    if (
        len(words) == 1
        and head.endswith("s")
        and (head[:-1] in ORG_NOUNS or head[:-3] + "y" in ORG_NOUNS)
        and re.search(r"\b(?:the|The|These|these|Both|both)\s+$", before)
    ):
        # "The organizations in a joint statement said" after "The A and the B expressed ...": the bodies
        # coordinated before, which speak as the first (guidelines 2.2)
        return "orgnouns", None, None
    if words in (["guest"], ["visitor"]) and re.search(r"\b(?:the|The)\s+$", before):
        return "guest", None, None  # "Kim Jong Un received X ... The guest said": the one received
    conj = re.match(r"([a-z][\w-]*) and (?:the |other |all )?[a-z]", sp)
    if conj and conj.group(1) in roles and not indefinite and not conj.group(1).endswith("s"):
        # "The reporter and speakers said": a coordinated subject speaks as its first conjunct (guide 2.2)
        return f"role:{conj.group(1)}", None, None
    role = next((w for w in pre if w in roles or (w in kb.body_offices and len(pre) == 1)), None)
    if (
        role == "general"
        and pre == ["general", pre[-1]]
        and pre[-1] in kb.body_offices | roles
        and " ".join(pre) not in kb.body_offices  # (not "general secretary", one office)
    ):
        role = pre[-1]  # "general director of a company": a director, "general" only describes the office
    if role in role_modifiers(kb) and len(pre) > pre.index(role) + 1:
        joined = f"{role} {pre[pre.index(role) + 1]}"
        if joined in kb.body_offices:
            role = joined  # "the first secretary": one office of two words, not the modifier "first"
    definite = bool(re.search(r"\b(?:the|The)\s+$", before))
    if (
        role is not None
        and not indefinite
        and not _plural_office(pre, kb)
        and (
            not sp[:1].isupper()
            or (definite and first is None and len(sp.split()) <= 2)
            # "said the Pakistani interior minister": a nationality and an office (also opening a sentence
            # without an article: "Kuwaiti defense minister said Sunday")
            or (
                (definite or _SENTENCE_OPENS_BEFORE.search(text, max(0, ss - 6), ss) is not None)
                # ("The Kazakh prime minister": a nationality the pattern of endings misses, a country's;
                # "The Sri Lankan President": a nationality of two words, an office capitalised)
                and (nat := nationality_width(sp.split(), kb))
                and (
                    " ".join(sp.split()[nat : len(pre)]).islower()
                    or " ".join(pre[nat:]) in offices
                    or " ".join(pre[nat:]) in kb.body_offices
                )
                and (
                    first is None
                    or first.start >= ss + len(" ".join(sp.split()[: len(pre)]))
                    or (nat == 2 and first.end <= ss + len(" ".join(sp.split()[:2])))
                )
            )  # (also "the Chinese permanent representative to the United Nations": the office before "to")
            # a headline: "..., Says Korean Ambassador to Russia"
            or (not people and (first is None or first.start > ss) and "\n\n" not in text[:ss])
            # "The U.S. forces commander in south Korea said": a body the text names, then its office; a
            # country's possessive makes it definite ("Venezuela's oil minister said")
            or (
                (definite or (first is not None and text.startswith(("'s ", "’s "), first.end)))
                and first is not None
                and first.start == ss
                and first.label in ("PLACE", "ORG")
                and (role in kb.body_offices or role in offices)
                and re.fullmatch(
                    r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,2}"
                    + re.escape(role)
                    + r"(?:\s+(?:in|of|to|for)\s.*)?",
                    text[first.end : se],
                )
                is not None
            )
            # "The Director General for Public Relations of the Iranian Workers' House said": a capitalised
            # office of a body the text names
            or (
                definite
                and " ".join(pre) in kb.body_offices
                and re.match(r"(?:[A-Z][a-z-]*\s+){1,3}(?:of|for)\s+(?:the\s+)?[A-Z]", sp) is not None
            )
        )
    ):
        if re.match(r"(?:[Ee]x-|[Ff]ormer\s)", sp) and not people:
            return "anonymous", None, None  # "Ex-Chinese Ambassador to DPRK": many have held the office
        owner = _appositive_owner(text, ss, mentions)
        if owner is not None:
            return "named", owner.entity, _name(kb, owner)  # ("Kim Mi Ran (48 anos de edad), jefa del ...")
        return f"role:{role}", None, None  # "the Mongolian ambassador", "The President"
    office = text[first.end : se].strip().lower() if first is not None and first.start == ss else ""
    if (
        first is not None
        and first.label in ("PLACE", "ORG")
        and (office in offices or office.replace(" ", "-") in offices)
    ):
        office = office if office in offices else office.replace(" ", "-")
        return f"role:{office}", None, None  # "NATO secretary general", "...: Trinidad and Tobago President"
    own_media = [m for m in inside if m.entity in media and m.start > ss]
    if own_media and head in kb.media_writers:
        # "a news analyst of the DPRK newspaper Rodong Sinmun": the paper's own piece
        return "self", own_media[0].entity, _name(kb, own_media[0])
    tail = [m for m in inside if m.end == se and m.start > ss and m.label in ("ORG", "PERSON")]
    if (
        tail
        and re.fullmatch(r"(?:[\w-]+\s+){1,2}", text[ss : tail[0].start])
        and head not in kb.anonymous
        and not spanish_anonymous
        and text[ss : tail[0].start].split()[-1].lower() not in PREPOSITIONS  # "principal of X": X's officer
    ):
        return "named", tail[0].entity, _name(kb, tail[0])  # "south Korean Yonhap News"
    titled = _TITLE_THEN_NAME.fullmatch(sp)
    if (
        titled
        and titled.group(1).strip() in kb.person_titles
        and (not people or (people[0].start == ss + titled.start(2) and people[0].entity is None))
    ):
        # "Chairman Aleksandr Neves Rosendo da Silva said": a title, then a name no pack knows
        return "named", None, titled.group(2)
    if head in kb.anonymous or " ".join(words[-2:]) in kb.anonymous or role is not None or spanish_anonymous:
        owner = _appositive_owner(text, ss, mentions)
        if owner is not None:
            return "named", owner.entity, _name(kb, owner)
        if role is not None and not indefinite and PORTFOLIO_OFFICE.match(re.sub(r"^(?:the|The)\s+", "", sp)):
            return f"role:{role}", None, None  # ("the U.S. assistant secretary of State for East Asian ...")
        return "anonymous", None, None
    if head in kb.doc_nouns and not (first is not None and first.start == ss and first.label == "ORG"):
        return "anonymous", None, None  # "a statement": an issuer the text does not give ("Liao Yang Daily"
        # is a paper's name)
    if first is not None and first.start == ss:
        after = re.match(r"(?:\s+and|,)\s+(?:the\s+)?", text[first.end : se])
        if (
            after
            and any(m.start == first.end + after.end() and m.label in ("ORG", "PERSON") for m in inside)
            and (after.group()[0] != "," or re.search(r"\sand\s", text[first.end : se]))
        ):
            return "named", first.entity, _name(kb, first)  # jointly speaking bodies: the first of them
        owner = re.match(r"['’]s\s+(?=[A-Z])", text[first.end : se])
        if first.label == "PLACE" and owner:  # "Russia's ITAR TASS": the agency
            owned = [m for m in inside if m.start == first.end + owner.end() and m.end == se]
            home = kb.entity(owned[0].entity) if owned else None
            if home is not None and home.pack == "dprk" and first.entity not in ("kp", "korea"):
                # "Turkey's Foreign Ministry": that country's, not the DPRK's body the packs call so
                return "named", None, sp
            if owned:
                return "named", owned[0].entity, _name(kb, owned[0])
            if _described_only(text[first.end + owner.end() : se].split(), text, kb):
                return "anonymous", None, None  # "Russia's Radio": a described broadcaster
            return "named", None, text[first.end + owner.end() : se]
        if first.label == "ORG" and owner:
            # "PNA's Ministry of Prisoners' Affairs": the body the owner has, not the owner
            owned = [m for m in inside if m.start == first.end + owner.end() and m.end == se]
            return "named", owned[0].entity if owned else None, sp
        place_tail = re.fullmatch(
            r"\s+of\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)", text[first.end : se]
        )
        if kb.is_medium(first.entity) and place_tail:
            hit = kb.surface.get(place_tail.group(1))
            if hit is not None and hit[0] == "PLACE":
                return "named", first.entity, _name(kb, first)  # "ITAR-TASS of Russia": a medium's country
        if first.end < se and re.match(r"[A-Z]", sp) and _is_name(sp):
            return "named", first.entity if first.label != "PLACE" else None, sp  # a longer name
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
        return "anonymous", None, None  # "Schoolchildren from the flood-hit areas": capitalised as a start
    plural = re.match(
        r"(?:[A-Z][\w-]*\s+)?([A-Za-z][a-z-]+[^s'’\s]s)\s+(?:of|from|in|and|across|at|who)\s+[a-z]", sp
    )
    if re.match(r"(?:People|Persons|Personages)\s+(?:of|from|in|across)\s+[a-z]", sp):
        return "anonymous", None, None  # "People of all social standings are blaming ...": a group
    if (
        plural
        and sp[:1].isupper()
        and (first is None or first.start > ss + plural.end(1))
        and plural.group(1) not in kb.org_heads
        and (plural.start(1) == 0 or plural.group(1)[:1].islower())
    ):
        # "Soldiers of the U.S. allies", "Citizens from across the ROK", "Teachers and students of ...",
        # "Pyongyang citizens of ...": people described by a plural common noun, not a name
        return "anonymous", None, None
    if (
        " " not in sp
        and first is None
        and sp not in kb.surface
        and NATIONALITY.fullmatch(sp)
        and country_entity(sp, kb) is not None
    ):
        return "anonymous", None, None  # "..., the Italian said": a person described by nationality
    described = re.fullmatch(r"(?:[A-Z][\w'’.-]*\s+){1,3}([a-z]{3,}(?:s|men|people))", sp)
    if (
        described
        and described.group(1) not in _STATE_PLURALS
        and not any(m.label == "ORG" or (m.label == "PERSON" and m.entity) for m in inside)
    ):
        # "Pyongyang citizens", "American soldiers", "Swiss organizations": people or bodies described by
        # a place or nationality and a plural common noun, no name ("Japanese authorities" are the state)
        return "anonymous", None, None
    korean = re.match(r"(?:south|north) Korean\s+(?=[A-Z])", sp)
    if korean and first is not None and first.start == ss + korean.end():
        return "named", first.entity, _name(kb, first)  # "south Korean Confederation of Trade Unions"
    if sp[:1].isupper():
        if (
            first is not None
            and first.label == "ORG"
            and first.start > ss
            and sp.split()[0] in kb.org_heads | _PROGRAM_HEADS
            and all(w[:1].isupper() or w in _NAME_JOINERS for w in sp.split())
        ):
            # "Programa Mundial de Alimentos de las Naciones Unidas": a body of the one named inside it, by
            # its own head word
            return "named", None, sp
        if first is not None and (
            first.start == ss
            or first.label == "PERSON"
            or (first.label == "ORG" and text[first.start - 1] == " ")
        ):
            # ("Chairman Kim Jong Un": the person; "Voice of Russia": not Russia but the name as written)
            return "named", first.entity, _name(kb, first)
        if first is None and _described_only(sp.split(), text, kb) and sp not in kb.surface:
            return "anonymous", None, None  # "Radio", "Chinese side", "American masters": no name
        if (
            first is None
            and sp not in kb.surface
            and (
                sp in NOT_NAME_START
                or re.fullmatch(r"[A-Z][a-z]+(?:ers|ents|ants|ists|ians|ees|ies|ives)", sp)
            )
        ):
            return "anonymous", None, None  # "All", "Lots", "Teachers": a quantity or a plural, no name
        joint = re.match(r"(.+?)\s+and\s+the\s+[A-Z]", sp)
        if joint and _is_name(joint.group(1).replace("'s ", " ")):
            return "named", None, joint.group(1)  # jointly speaking bodies: the first of them
        return "named", None, _without_nationality(sp, kb)  # ("Japanese Asahi Shimbun": the paper's name)
    korean_name = _SOUTH_KOREAN_NAME.fullmatch(sp)
    if (
        korean_name
        and first is None
        and not re.fullmatch(r"[A-Z][a-z]+(?:ers|ents|ants|ists|ians|ees|ies|ives|s)", sp.split()[-1])
        and sp.split()[-1] not in kb.person_titles
    ):
        # "The south Korean Youth Solidarity issued a statement": a body's name no pack knows, opening with
        # "Korean" ("south" in lower case is no part of it, guidelines 6)
        return "named", None, korean_name.group(1)
    owner = _appositive_owner(text, ss, mentions)
    if owner is not None:
        return "named", owner.entity, _name(kb, owner)  # ("Kim Mi Ran (48), jefa del colectivo, dijo")
    return "anonymous", None, None


def _titles_only(words: list[str], kb: KB) -> bool:
    """'Prof.', 'Vice President', 'Colonel General': the words are person titles, alone or together."""
    i = 0
    while i < len(words):
        two = " ".join(words[i : i + 2])
        if two in kb.person_titles:
            i += 2
        elif words[i] in kb.person_titles:
            i += 1
        else:
            return False
    return True


def _described_only(words: list[str], text: str, kb: KB) -> bool:
    """'Radio', 'Russian Radio', 'Foreign press reports', 'American masters': capitalised at a sentence start,
    but only a nationality and common nouns: a head the packs list for a kind of speaker (or a plural the
    story also writes in lower case), words before it the story writes in lower case. A description, not a
    name ("Chinese News", "Guinean Agency of Press" are names)."""
    words = [w for w in words if w.lower() not in ("the", "a", "an")]
    while words and (
        (NATIONALITY.fullmatch(words[0]) and country_entity(words[0], kb) is not None)
        or words[0] in kb.generic_words
    ):
        words = words[1:]  # ("Russian", "Foreign": describing words before the noun)
    if (
        not words
        or len(words) > 3
        or not all(
            re.fullmatch(r"[A-Za-z][a-z-]*", w) or (len(w) <= 3 and w.isupper() and w.lower() in kb.anonymous)
            for w in words
        )
        or {"of", "for", "and"} & set(words)
    ):
        return False  # ("CNN", "Tribuna Popular", "Agency of Press", a longer phrase; "MP" is a kind)

    def seen(w: str) -> bool:
        return re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text) is not None

    head = words[-1].lower()
    bare = head[:-1] if head.endswith("s") and not head.endswith(("ss", "ws")) else head
    kinds = {*kb.media_nouns, *kb.broadcast_nouns, *kb.doc_nouns, *kb.anonymous, "side"}
    if not (head in kinds or bare in kinds or (bare != head and seen(bare))):
        return False
    return all(seen(w.lower()) or w.lower() in kinds for w in words[:-1])


def _is_name(sp: str) -> bool:
    """'Central Committee of the Bangladesh Communist Party': capitalised words and connectors only."""
    word = r"(?:[A-Z][\w'’.－-]*|\d+)"
    return bool(
        re.fullmatch(
            word + r"(?:\s+(?:(?:of|for|and|the|de|del|la|y|with|to|in|after|on)\s+)*" + word + ")*", sp
        )
        and not sp[:1].isdigit()
    )


def _before_prep(words: list[str]) -> list[str]:
    for i, w in enumerate(words):
        if w in PREPOSITIONS and i > 0:
            return words[:i]
    return words or [""]


def _head(words: list[str]) -> str:
    """The head noun: the word before the first preposition ('speakers at the conference' -> speakers)."""
    for i, w in enumerate(words):
        if w in PREPOSITIONS and i > 0:
            return words[i - 1]
    return words[-1] if words else ""


def _appositive_owner(text: str, ss: int, mentions: list[Mention]) -> Mention | None:
    """'Ramon Jimenez, president of the committee, said': the role's owner is the name before the comma."""
    if text[max(0, ss - 2) : ss] != ", ":
        return None
    age = _AGE_BEFORE.search(text, max(0, ss - 40), ss - 2)  # ("Kim Mi Ran (48 anos de edad), jefa del ...")
    end = age.start() if age else ss - 2
    prev = [m for m in mentions if m.end == end and m.label == "PERSON"]
    return prev[0] if prev else None


_AGE_BEFORE = re.compile(r"\s*" + _AGE + "$")


def _resolve(quotes: list[Quote], text: str, sentences, mentions, kb: KB, doc: Document) -> list[Quote]:
    """Pronouns, documents and descriptions take who they stand for (tealeaves.extract.coref)."""
    if not quotes:
        return quotes
    return [_no_demonym(q, kb) for q in resolve(quotes, Discourse(doc, text, sentences, mentions, kb))]


def _no_demonym(q: Quote, kb: KB) -> Quote:
    """A speaker named by a nationality alone ("Korean", "Pakistani") is no name: someone undescribed."""
    name = q.speaker_name
    if (
        q.speaker_kind != "named"
        or q.speaker_entity is not None
        or not name
        or " " in name
        or name in kb.surface
        or country_entity(name, kb) is None
    ):
        return q
    return replace(q, speaker_kind="anonymous", speaker_name=None)


def _sentence_of(sentences: list[Sentence], pos: int) -> Sentence | None:
    for s in sentences:
        if s.start <= pos < s.end:
            return s
    return None
