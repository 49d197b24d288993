"""Events: leader appearances and meetings, one per real-world event per document.

Appearances (see docs/appearances.md for the counting rules): a sentence in which a leader of the packs
(``leaders.tsv``; by name or by a period title) is followed in the same clause by an appearance verb of
the packs ("inspected", "gave field guidance", "visited", "enjoyed a performance", "attended") that is
not an announcement ("to visit") and not mail ("received a message"). The site is what follows the verb,
up to the clause's end; the place the first gazetteer place named after the verb (else the province of a
known site); the date the one stated in the sentence, a weekday resolved against publication, or the
publication date; the officials accompanying are the people named in a sentence with an
"accompanied by" cue. The headline and the body's sentences about the same outing merge into one event.

Meetings: a sentence with a meeting noun ("plenary meeting", "conference", "session") and a "held" /
"to be convened" verb of the packs; the name is the noun phrase around the noun; the convener the
organisation that holds, convenes or sponsors it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tealeaves.extract import eventdates
from tealeaves.extract.kb import KB, blind_finditer, holds_any
from tealeaves.model import Document, Event, Mention, Sentence

# (compiled once: a hot path)
_OBJECT_BEFORE = re.compile(r"\b(?:to|from|by|for|with|of|and|under|de|a)\s+(?:\w+\s+)?$")
_WD = eventdates.WEEKDAY
_CLAUSE_END = re.compile(
    r",|;|:|\.(?:\s|$)|\s(?:together with|accompanied by|along with|to mark|to celebrate|on the occasion|"
    r"in celebration|on (?:the )?" + _WD + r"|on [A-Z][a-z]+\.? \d+|during|"
    r"and (?:gave|expressed|looked|learned|was|had|met|said|praised|noted|stressed|showed|\w+ed)|"
    r"where|which|who|after|before|has|have|had|was|were|is|are|will|would|this|that|with a view|in order|"
    + _WD
    + r"|-0-)\b"
)
_LEADING = re.compile(
    r"^(?:again |also |together |in person |personally )*(?:to |at |over |before |with )?(?:the |a |an )?",
    re.I,
)
_GENERIC_PLACE = {"region", "sea", "country", "island"}
_ACTIVE = re.compile(
    r"\b(?:held|convened|convenes|holds|hosted|hosts|sponsored|organized|organised|decided to convene)\b"
)


def find_events(doc: Document, sentences: list[Sentence], mentions: list[Mention], kb: KB) -> list[Event]:
    text = doc.text
    by_sentence = _mentions_by_sentence(sentences, mentions)
    raw: list[Event] = []
    accompanied: list[tuple[int, list[dict]]] = []
    body_i = 0
    low = text.lower()
    # (most documents name no one accompanying: a few substring tests, not one search per sentence)
    acc = kb.accompanied_re is not None and holds_any(low, kb.accompanied_gate)
    for sent, ments in zip(sentences, by_sentence, strict=True):
        lead = sent.start < doc.body_offset or body_i < 2
        if sent.start >= doc.body_offset:
            body_i += 1
        if kb.appear_re is not None:
            found = _appearances_in(doc, text, sent, ments, kb, lead)
            if not found and raw:
                found = _pronoun_appearance(doc, text, sent, ments, kb, raw[-1])
            raw.extend(found)
        if acc and kb.accompanied_re.search(text, sent.start, sent.end):
            people = [m for m in ments if m.label == "PERSON"]
            if people:
                accompanied.append((sent.start, _people(people, text, sent, kb)))
    appearances = [_lead_date(doc, text, sentences, e) for e in _merge_appearances(raw, accompanied)]
    meetings = (
        _merge_meetings(
            [
                e
                for sent, ments in zip(sentences, by_sentence, strict=True)
                for e in _meetings_in(doc, text, sent, ments, kb)
            ]
        )
        if kb.meeting_noun_re is not None
        and holds_any(low, kb.meeting_noun_gate)
        and (
            kb.meeting_noun_lower_re.search(low)
            if kb.meeting_noun_lower_re is not None
            else kb.meeting_noun_re.search(text)
        )
        else []
    )  # (most documents name no meeting: one search over the text, not one per sentence)
    return sorted(appearances + meetings, key=lambda e: (e.start, e.type))


def _lead_date(doc: Document, text: str, sentences: list[Sentence], ev: Event) -> Event:
    """A headline-only report takes the date the story's lead states ("... Sunday held a meeting"): the
    headline never dates the activity, the first body sentences do."""
    lead = [s for s in sentences if s.start >= doc.body_offset][:2]
    if ev.date_basis != "published" or (
        ev.start >= doc.body_offset and all(ev.start != s.start for s in lead)
    ):
        return ev
    for s in lead:
        if _VAGUE.search(text, s.start, s.end):
            continue
        date, basis = eventdates.resolve(text[s.start : s.end], doc.published[:10])
        if basis != "published":
            return replace(ev, date=date, date_basis=basis, key=f"{ev.actor}|{date}|{site_key(ev.site)}")
    return ev


def _mentions_by_sentence(sentences: list[Sentence], mentions: list[Mention]) -> list[list[Mention]]:
    out: list[list[Mention]] = [[] for _ in sentences]
    i = 0
    for m in mentions:
        while i < len(sentences) and sentences[i].end <= m.start:
            i += 1
        if i < len(sentences) and sentences[i].start <= m.start:
            out[i].append(m)
    return out


# -- appearances ----------------------------------------------------------------------------------
_VAGUE = re.compile(
    r"\b(?:some (?:days|time|years) ago|the other day|recently|last year|years ago|in the past|one day|once|"
    r"in his lifetime|during his lifetime|in those days|that day|at that time|when he|when she|"
    r"Juche \d+|\(19\d\d\)|in (?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _appearances_in(doc, text: str, sent: Sentence, ments: list[Mention], kb: KB, lead: bool) -> list[Event]:
    """Appearances reported by this sentence. Outside the headline and the first two body sentences only
    a sentence that dates the outing counts (a later mention is usually a recollection); a sentence that
    reports someone else's report of it ("X said Kim Jong Un visited ...") or leaves its date vague
    ("some days ago", "in 1999") does not."""
    actors = [m for m in ments if m.label == "PERSON" and kb.leader_at(m.entity, doc.published[:10])]
    if not actors:
        return []
    s = text[sent.start : sent.end]
    if _VAGUE.search(s):
        return []
    out = []
    for actor in actors:
        if text.startswith(("'s", "’s"), actor.end):
            continue  # "Kim Jong Un's work": not the subject
        if kb.presence_re is not None:
            pm = kb.presence_re.search(text, max(sent.start, actor.start - 60), actor.start)
            if pm is not None:
                ev = _in_presence(doc, text, sent, actor, pm.start(), ments, kb)
                if ev is not None and (lead or ev.date_basis != "published"):
                    out.append(ev)
                continue
        before = text[max(sent.start, actor.start - 12) : actor.start].lower()
        if _OBJECT_BEFORE.search(before):
            continue  # "Greetings to Kim Jong Un", "accompanied by ...": not the one acting
        clause = text[max(sent.start, actor.start - 60) : actor.start]
        if re.search(r"\b(?:where|which|whom)\b[^,]*$", clause):
            continue  # "the centre where Kim Jong Il visited": a relative clause
        if kb.cues_re is not None and kb.cues_re.search(text, sent.start, actor.start):
            continue  # "The China News Service said Kim Jong Un looked round ...": a report of a report
        if text.count('"', sent.start, actor.start) % 2 or text.count(
            "“", sent.start, actor.start
        ) > text.count("”", sent.start, actor.start):
            continue  # inside quotation marks
        ev = _appearance_after(doc, text, sent, actor, ments, kb)
        if ev is not None and (lead or ev.date_basis != "published"):
            out.append(ev)
    return out


_HE = re.compile(r"(?:-\s*)?(?:He|he)\s")


_PASSIVE_VERB = re.compile(
    r"\s+(?:was |were |is )?(?:held|opens|opened|given|staged|took place|takes place|performed|conducted|"
    r"launched|unveiled|inaugurated|celebrated|efectuado|efectuada|celebrado|celebrada)\b.*$",
    re.IGNORECASE | re.DOTALL,
)


def _in_presence(doc, text, sent: Sentence, actor: Mention, at: int, ments, kb: KB) -> Event | None:
    """'Enlarged Meeting of the CMC Held under Guidance of Kim Jong Un', 'Museum Opens in Presence of ...'."""
    head = text[sent.start : at].strip(" ,")
    site = _PASSIVE_VERB.sub("", head).strip(" ,")
    site = _LEADING.sub("", site).strip(' ,."“”')
    if not site or len(site) > 200:
        return None
    sub = _refine("meeting", site, kb)
    date, basis = eventdates.resolve(text[sent.start : sent.end], doc.published[:10])
    place, place_text = _place(text, sent.start, sent.end, [m for m in ments if m is not actor], kb)
    return Event(
        sent.start, sent.end, "appearance", sub, actor.entity, actor.text, site, place, place_text,
        date, basis, (), None, None,
    )  # fmt: skip


def _pronoun_appearance(doc, text, sent: Sentence, ments, kb: KB, prev: Event) -> list[Event]:
    """'He gave field guidance at ... in Hamju County.' after a reported appearance: another activity of the
    same leader, counted only when it names a place of its own (else it is the same outing retold)."""
    m = _HE.match(text, sent.start)
    if m is None:
        return []
    pseudo = Mention(sent.start + m.end() - 1, sent.start + m.end() - 1, "", "PERSON", prev.actor, "pronoun")
    ev = _appearance_after(doc, text, sent, pseudo, ments, kb)
    if ev is None or ev.place is None or ev.place == prev.place:
        return []
    return [replace(ev, actor_text=text[sent.start + m.start() : sent.start + m.end() - 1].strip("- "))]


def _appearance_after(doc, text, sent, actor: Mention, ments, kb: KB) -> Event | None:
    window_end = min(sent.end, actor.end + 600)
    low = text.lower() if kb.appear_lower_re is not None else ""
    for vm in blind_finditer(kb.appear_re, kb.appear_lower_re, text, low, actor.end, window_end):
        if vm.start() > actor.end and (text[vm.start() - 1].isalnum() or text[vm.start() - 1] == "-"):
            continue  # inside a word ("revisited"); glued to the name itself is fine ("Kim Jong Unguided")
        between = text[actor.end : vm.start()]
        if _other_subject(between, ments, actor, vm.start()):
            return None
        if kb.future_re is not None and kb.future_re.search(
            text[max(sent.start, vm.start() - 12) : vm.start()]
        ):
            return None
        if re.search(r"\b(?:who|which|that)\s+(?:\w+\s+){0,2}$", between):
            continue
        sub = vm.lastgroup or "other"
        rest_end = _clause_end(text, vm.end(), sent.end)
        site = _LEADING.sub("", text[vm.end() : rest_end].strip()).strip(" ,.'\"“”")
        if sub == "meeting" and kb.not_objects_re is not None and kb.not_objects_re.match(site or "x"):
            return None
        if not site:
            return None
        sub = _refine(sub, site, kb)
        date, basis = eventdates.resolve(text[sent.start : sent.end], doc.published[:10])
        place, place_text = _place(text, vm.end(), sent.end, ments, kb)
        return Event(
            sent.start,
            sent.end,
            "appearance",
            sub,
            actor.entity,
            actor.text,
            site or None,
            place,
            place_text,
            date,
            basis,
            (),
            None,
            None,
        )
    return None


def _other_subject(between: str, ments: list[Mention], actor: Mention, verb_at: int) -> bool:
    """Another clause starts between the actor and the verb ('Kim Jong Un said the workers visited ...')."""
    return bool(
        re.search(
            r"\b(?:said|says|stressed|noted|called|urged|hoped|wished|praised|sent|received)\b", between
        )
    )


def _clause_end(text: str, start: int, limit: int) -> int:
    m = _CLAUSE_END.search(text, start, limit)
    end = m.start() if m else limit
    inside = text[start:end]
    k = re.search(r"\s(?:in|at) (?=[A-Z])", inside)  # "X in Pyongyang": the place is not part of the site
    if k and k.start() > 0:
        end = start + k.start()
    return min(end, start + 160)


def _refine(sub: str, site: str, kb: KB) -> str:
    if not site:
        return sub
    for name, rx in kb.site_subtypes:
        if rx.search(site):
            if sub in ("visit", "meeting", "other") or (sub == "inspection" and name == "performance"):
                return name if name != "visit" else "visit"
            break
    return sub


def _place(text: str, start: int, end: int, ments: list[Mention], kb: KB) -> tuple[str | None, str | None]:
    site_province = None
    for m in ments:
        if m.start < start or m.end > end:
            continue
        e = kb.entity(m.entity)
        if m.label == "PLACE":
            if e is None or e.subtype in _GENERIC_PLACE:
                continue
            if e.subtype == "site" and e.province:
                site_province = site_province or (e.province, m.text)
                continue
            if e.subtype == "country" and e.id == "kp":
                continue
            return e.id, m.text
        elif e is not None and e.province and site_province is None:
            site_province = (e.province, m.text)
    if site_province:
        return site_province[0], None
    return None, None


def _people(people: list[Mention], text: str, sent: Sentence, kb: KB) -> list[dict]:
    """The people named after an 'accompanied by' cue, not what was visited ('bier of Kim Jong Il')."""
    cue = kb.accompanied_re.search(text, sent.start, sent.end)
    after = [m for m in people if cue is None or m.start >= cue.start()] or people
    out = []
    for m in after:
        if re.search(r"\b(?:of|to|for|by|leader|late)\s+$", text[max(0, m.start - 8) : m.start]):
            continue
        if text.startswith(("'s", "’s"), m.end):
            continue
        out.append({"text": m.text, "entity": m.entity})
    return out


def _merge_appearances(raw: list[Event], accompanied: list[tuple[int, list[dict]]]) -> list[Event]:
    """One event per actor and outing: a headline merges with the body sentence that reports the same
    appearance (the stated date wins over the publication date); a second body sentence with another
    stated date is another outing."""
    merged: list[Event] = []
    for ev in raw:
        for i, prev in enumerate(merged):
            if prev.actor != ev.actor:
                continue
            same_day = prev.date == ev.date or "published" in (prev.date_basis, ev.date_basis)
            headline = prev.start == 0 or ev.start == 0
            same_site = bool(set(site_key(prev.site).split()) & set(site_key(ev.site).split()))
            if same_day and (headline or same_site or not prev.site or not ev.site) and ev.actor_text != "He":
                merged[i] = _combine(prev, ev)
                break
        else:
            merged.append(ev)
    owners: dict[int, list[dict]] = {}
    for at, ps in accompanied:
        before = [i for i, e in enumerate(merged) if e.start <= at]
        if merged:
            owners.setdefault(before[-1] if before else 0, []).extend(ps)
    out = []
    for i, ev in enumerate(merged):
        people: list[dict] = []
        for p in owners.get(i, []):
            if p["entity"] != ev.actor and p not in people:
                people.append(p)
        out.append(replace(ev, participants=tuple(people), key=_key(ev)))
    return out


def _combine(a: Event, b: Event) -> Event:
    """The first report's sentence is the event's span; the stated date and missing fields come from the
    other report."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    dated = second if first.date_basis == "published" and second.date_basis != "published" else first
    return replace(
        first,
        date=dated.date,
        date_basis=dated.date_basis,
        subtype=first.subtype if first.subtype != "other" else second.subtype,
        site=first.site or second.site,
        place=first.place or second.place,
        place_text=first.place_text or second.place_text,
    )


def site_key(site: str | None) -> str:
    words = re.findall(r"[a-z0-9]+", (site or "").lower())
    stop = {"the", "a", "an", "of", "and", "in", "at", "to", "for", "on", "newly", "built", "new", "again"}
    return " ".join(sorted({w for w in words if w not in stop})[:6])


def _key(ev: Event) -> str:
    return f"{ev.actor}|{ev.date}|{site_key(ev.site)}"


# -- meetings -------------------------------------------------------------------------------------
_NAME_START = re.compile(r"(?:^|[,;:]\s+|\b(?:that|and|when|as)\s+)(?=[A-Za-z0-9])")
_CUT_NAME = re.compile(
    r"\s(?:to mark|to celebrate|to commemorate|in celebration|marking|on the occasion|in support|"
    r"in (?=[A-Z])|at (?=the [A-Z]|[A-Z])|on (?=[A-Z]|\d)|here|there|under|with|was|were|is|are|will|took|"
    r"(?:on )?" + _WD + r")\b"
)


def _meetings_in(doc, text: str, sent: Sentence, ments: list[Mention], kb: KB) -> list[Event]:
    if kb.held_re is None or kb.meeting_noun_re is None:
        return []
    s = text[sent.start : sent.end]
    low = s.lower()
    if next(blind_finditer(kb.meeting_noun_re, kb.meeting_noun_lower_re, s, low), None) is None:
        return []
    out = []
    for vm in blind_finditer(kb.held_re, kb.held_lower_re, s, low):
        status = "to be convened" if vm.lastgroup == "convene" else "held"
        verb = vm.group().lower()
        active = verb in (
            "held",
            "convened",
            "convene",
            "to convene",
            "will convene",
        ) and _ACTIVE_OBJECT.match(s, vm.end())
        if active:
            name_span = _object_np(s, vm.end())
            subj = s[: vm.start()]
        else:
            name_span = _subject_np(s, vm.start())
            subj = ""
        if name_span is None:
            continue
        name = s[name_span[0] : name_span[1]].strip(" ,")
        if not kb.meeting_noun_re.search(name):
            continue
        convener = _convener(s, sent.start, subj, ments, kb)
        date, basis = eventdates.resolve(s, doc.published[:10], future=status != "held")
        place, place_text = _meeting_place(sent.start + name_span[0], sent.end, ments, kb)
        out.append(
            Event(
                sent.start,
                sent.end,
                "meeting",
                status,
                convener[0],
                convener[1],
                None,
                place,
                place_text,
                date,
                basis,
                (),
                name,
                None,
            )
        )
        break
    return out


_ACTIVE_OBJECT = re.compile(
    r"\s+(?:the |a |an |its |their )?(?:[\w'’-]+\s+){0,8}?"
    r"(?:meeting|conference|congress|session|plenum|rally|symposium|seminar|forum|convention|talks)\b",
    re.I,
)


def _subject_np(s: str, verb_at: int) -> tuple[int, int] | None:
    head = s[:verb_at].rstrip()
    starts = [m.end() for m in _NAME_START.finditer(head)]
    start = starts[-1] if starts else 0
    start += len(re.match(r"(?:the |a |an |The |A |An )?", head[start:]).group())
    end = len(head)
    cut = _CUT_NAME.search(head, start)
    if cut:
        end = cut.start()
    if end - start < 4:
        return None
    return start, end


def _object_np(s: str, after: int) -> tuple[int, int] | None:
    m = re.match(r"\s+(?:the |a |an |its |their )?", s[after:])
    start = after + (m.end() if m else 0)
    cut = _CUT_NAME.search(s, start)
    end = cut.start() if cut else len(s)
    end = min(end, start + 160)
    return (start, end) if end - start >= 4 else None


def _convener(s: str, offset: int, subj: str, ments: list[Mention], kb: KB) -> tuple[str | None, str | None]:
    if kb.convened_by_re is not None:
        m = kb.convened_by_re.search(s)
        if m:
            for x in ments:
                if x.start >= offset + m.end() and x.label in ("ORG", "PERSON"):
                    return x.entity, x.text
    if subj:
        for x in ments:
            if offset <= x.start < offset + len(subj) and x.label in ("ORG", "PERSON"):
                return x.entity, x.text
    return None, None


def _meeting_place(start: int, end: int, ments: list[Mention], kb: KB) -> tuple[str | None, str | None]:
    for m in ments:
        if m.label == "PLACE" and start <= m.start < end:
            e = kb.entity(m.entity)
            if e is not None and e.subtype in _GENERIC_PLACE:
                continue
            return m.entity, m.text
    return None, None


def _merge_meetings(found: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in found:
        words = set(site_key(ev.name).split()) - {"meeting", "conference", "session", "held"}
        for i, prev in enumerate(out):
            pw = set(site_key(prev.name).split()) - {"meeting", "conference", "session", "held"}
            if prev.subtype == ev.subtype and (words & pw or not words or not pw):
                better = ev if prev.date_basis == "published" and ev.date_basis != "published" else prev
                other = prev if better is ev else ev
                out[i] = replace(
                    better,
                    actor=better.actor or other.actor,
                    actor_text=better.actor_text or other.actor_text,
                    place=better.place or other.place,
                    place_text=better.place_text or other.place_text,
                    name=prev.name if len(prev.name or "") >= len(ev.name or "") else ev.name,
                )
                break
        else:
            out.append(ev)
    return [replace(e, key=f"meeting|{e.date}|{site_key(e.name)}") for e in out]
