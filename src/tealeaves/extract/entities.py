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

import bisect
import re
from dataclasses import replace

from tealeaves.extract.eventdates import MONTH, WEEKDAY
from tealeaves.extract.kb import KB, blind_finditer, fold_accents, trie_regex
from tealeaves.model import Document, Mention

# (compiled once: hot paths)
_QUALIFIER_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Z][a-zA-Z.]+) $")
_OF_FOR_IN = re.compile(r"\s+(?:of|for|in)\s+")
_OF_THE = re.compile(r" of (?:the )?")
_SOMEONE_ELSES = re.compile(r"[A-Z][\w.]*\s+$|(?:Vice|vice|First|Deputy|deputy|\w+'s)[- ]$")
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Ene|Abr|Ago|Dic)"
# ("All－China": a fullwidth dash, as a hyphen)
_CAPWORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][a-z]{0,2}\.(?= [A-Z])|[A-Z][\w'’\-－]*)"
# a run of capitalised words; the first word is _CAPWORD with its capital written first and the look-behind
# after it (the same matches: the capital, when no word character, apostrophe, dot or hyphen comes before it),
# so that the engine skips to the capitals instead of trying every position
_CAPSEQ = re.compile(
    r"[A-Z](?<![\w'’.\-－].)(?:(?:\.[A-Z])+\.?|[a-z]{0,2}\.(?= [A-Z])|[\w'’\-－]*)"
    # (not on into a date: "The Pakistan-Korea Friendship Association on July 1 issued")
    + r"(?:(?! on (?:"
    + _MONTH_WORD
    + r"|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
    # (nor into a weekday before its verb: "The United Confederation of Koreans in Russia Tuesday held")
    + r"(?! (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?: [a-z]|[.,;:]|$))"
    + r"(?: (?:of|for|and|the|on|with|de|del|la|los|las|y|do|da|dos|das|du|des))* (?:"
    + _CAPWORD
    + r"|\d+(?:st|nd|rd|th)?\b|(?:al|el|ad|as|ash|an|ar|at|az|ibn|bin)-[A-Z][\w'’-]*))*"
)  # (an Arabic article inside a name: "Muhammad al-Hasayeri", "Nabil el-Arabi")
_NAME_AFTER = re.compile(r" ((?:[A-Z][a-z][\w'’-]*)(?: [A-Z][a-z][\w'’-]*){1,3})\b")
_AND = re.compile(r" (?:and|y) ")
_OPENER = re.compile(r"(?:^|(?<=[\s(\"“]))((?:[A-Z][\w'’-]*\s+){1,2})$")
_TOKEN = re.compile(r"\S+")
_THE = re.compile(r"(?:The|the)\s+")
_KOREAN_UNIT = re.compile(r"[A-Z][a-z]+-(?:ri|dong|gun|ni|up)")  # "Sinam-ri", "Chilgol-dong"
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?")
_REST_OF_WORD = re.compile(r"\S*\s+")
_NUMBER_AFTER = re.compile(r" \d")
_HEAD_CONNECTORS = ("of", "for", "on", "with", "de", "del")  # the head word comes before the first of these
_ORDINAL = re.compile(
    r"(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)$"
)
_FUNCTION_WORDS = frozenset(
    str.split(
        "the a an this that these those it its he she they we i you his her their our my your in on at by "
        "for from to with as and but or if when while after before during since among also meanwhile however "
        "then there here today yesterday tomorrow now such some all many every each other another no not"
    )
)
# (whether a text may hold a glued name: a letter, then three capitalised words; written to open with the
# capital, its look-behind after it, so that the engine skips to capitals instead of trying every letter)
_GLUE_HINT = re.compile(r"[A-Z](?<=[A-Za-z].)[a-z]+ [A-Z][a-z]+ [A-Z][a-z]+")
_POSSESSIVE = ("'s", "’s")


def find_mentions(doc: Document, kb: KB) -> list[Mention]:
    text = doc.text
    found: list[Mention] = []
    for m in kb.names_re.finditer(fold_accents(text)):  # (the same offsets: accents folded one for one)
        label, eid, method = kb.surface[m.group()]
        start, end = m.span()
        if (
            label == "PERSON"
            and start > len(doc.title)
            and _longer_korean_name(text, text[start:end], end, kb)
        ):
            continue  # "Ri Hyon Min" is not the "Ri Hyon" the pack knows: the unknown-name finder takes it
        if label == "ORG":
            start, eid = _qualified_org(text, start, eid, kb)
        found.append(Mention(start, end, text[start:end], label, eid, method))
    glue = _GLUE_HINT.search(text) is not None
    if kb.glued_re is not None and glue:
        taken = _Taken(found)
        for m in kb.glued_re.finditer(text):
            if not taken.overlaps(*m.span()):
                label, eid, method = kb.surface[m.group()]
                found.append(Mention(m.start(), m.end(), m.group(), label, eid, method))
    found.sort(key=lambda x: x.start)
    found = _state_forms(text, _extend_of(text, found, kb), kb)
    if doc.lang in (None, "en"):
        found = _particle_names(text, found, kb)
    taken = _Taken(found)
    extra = _titles(text, doc.published, kb, taken)
    taken.add(extra)
    unknown, replaced = _unknown(text, kb, taken, len(doc.title) if _title_case(doc.title) else 0, glue)
    out = [m for m in found + extra if (m.start, m.end) not in replaced] + unknown
    out.sort(key=lambda x: (x.start, -x.end))
    out = _no_overlaps(out)
    out = _whole_names(text, out, kb)
    out = _abbreviated(text, out)
    out = _extend_of(text, out, kb, tail_only=True)
    out = _extend_tail(text, out, len(doc.title))
    out = _hyphen_joined(text, out, kb)
    out = _name_particles(text, out)
    out = _word_surnames(text, out, kb)
    out = _propagate(text, _place_forms(text, out, kb))
    out = _person_forms(text, out, kb)
    out = [m for m in out if not (m.method == "pattern" and _WHEN_ONLY.fullmatch(m.text))]
    out = _short_names(text, out, kb, len(doc.title))
    out = [_with_abbreviation_dot(text, m) for m in out]
    out = _no_overlaps(_cc_forms(text, _other_states(text, _local_before_alias(out), kb)))
    out = _field_lists(text, out, kb) if " and " in text else out
    out = _subject_names_es(text, out, kb, len(doc.title)) if doc.lang == "es" else out
    out = _given_names_before(text, out, kb)
    out = _person_of_body(text, out, kb) if " of the " in text else out
    out = _clean_edges(text, _subject_names(text, out, kb, len(doc.title)), len(doc.title))
    out = _all_country(text, out, kb) if "All " in text else out
    return _compass_after(text, out, kb) if " de" in text else out


def _all_country(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """'the All India Indo-Korean Friendship Association', 'All China Youth Federation': a body's name
    opening with "All" and a country ("All" opens no name elsewhere, a stopword)."""
    out = []
    for m in found:
        if m.label == "ORG" and m.entity is None and text.endswith("All ", max(0, m.start - 4), m.start):
            first = m.text.split()[0]
            hit = kb.surface.get(first)
            if hit is not None and hit[0] == "PLACE" and len(m.text.split()) >= 2:
                m = replace(m, start=m.start - 4, text=text[m.start - 4 : m.end])
        out.append(m)
    return out


# a Spanish compass word after a place's name: "provincia de Hamgyong del Norte", "Phyong-an del Sur"
_COMPASS_AFTER = re.compile(r"\s+del?\s+(Norte|Sur|norte|sur|Este|Oeste)\b")
_PROVINCE_BEFORE = re.compile(r"[Pp]rovincia\s+de\s+$")
_COMPASS = {"norte": "North", "sur": "South", "este": "East", "oeste": "West"}


def _compass_after(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """'la provincia de Hamgyong del Norte': the place the packs know as "North Hamgyong" (a hyphen of the
    romanisation dropped: "Phyong-an del Sur" is South Phyongan), over "provincia de" and the compass word
    (the Spanish words, guidelines 1.1)."""
    out = []
    for m in found:
        c = _COMPASS_AFTER.match(text, m.end) if m.label == "PLACE" and m.entity is None else None
        if c is not None:
            compass = _COMPASS[c.group(1).lower()]
            for name in (m.text, m.text.replace("-", ""), m.text.replace("-", " ")):
                hit = kb.surface.get(f"{compass} {name}")
                if hit is not None and hit[0] == "PLACE":
                    kind = _PROVINCE_BEFORE.search(text, max(0, m.start - 20), m.start)
                    start = kind.start() if kind else m.start  # (the span the Spanish words give, 1.1)
                    m = replace(
                        m, start=start, end=c.end(), text=text[start : c.end()], entity=hit[1], method="alias"
                    )
                    break
        out.append(m)
    return out


# the body's opening subject after the headline: "\n\nThe South Headquarters of ..."
_BODY_SUBJECT = re.compile(r"\s*The\s+(?=\S+\s+\S)")


def _clean_edges(text: str, found: list[Mention], title_end: int) -> list[Mention]:
    """No name runs from the headline into the body or keeps the full stop that ends its sentence:
    "Congratulatory Group of Koreans in Japan\n\nPyongyang" is the headline's part, "... Reunification
    Urged\n\nThe South Headquarters of ..." the body's; "... of Koreans in Australia." loses its stop (not
    an abbreviation's: "Co.", "Univ.", "LTD.")."""
    out = []
    for m in found:
        start, end = m.start, m.end
        if start < title_end < end:
            body = _BODY_SUBJECT.match(text, title_end, end)
            if body is not None:
                start = body.end()  # ("... Urged\n\nThe South Headquarters of ...": the body's subject)
            else:
                end = len(text[start:title_end].rstrip()) + start
        elif text.endswith(".", start, end) and not _ABBREVIATION_END.search(text, start, end):
            end -= 1
        if end <= start:
            continue
        out.append(
            m if (start, end) == (m.start, m.end) else replace(m, start=start, end=end, text=text[start:end])
        )
    return out


# a nationality by its ending: "Japanese", "Colombian", "Bangladeshi", "Turkish", "French"
NATIONALITY_WORD = r"[A-Z][a-z]+(?:ese|ian|an|ish|i|ch)"
# a word of a long name: a capitalised word, a capitalised phrase in quotation marks ('"National Security
# Law"'), "south Korea"; and what joins two of them: a space, a comma, a connector ("for", "to Check",
# "about"), an article ("Probing the Truth")
_LONG_NAME_WORD = (
    r"(?:(?!" + WEEKDAY + r"\b|" + MONTH + r"\b)[A-Z][\w'’.&-]*|[\"“][A-Z][^\"”\n]{0,60}[\"”]|"
    r"(?:south|north)\s+Korea\b[\w'’.-]*)"
)
# the prepositions inside a long name ("Solidarity for History", "Truth about ...")
_NAME_PREPOSITIONS = "of|for|to|about|on|with|against|under|by"
_LONG_NAME_JOIN = r"(?:\s+(?:(?:" + _NAME_PREPOSITIONS + r"|in|and)\s+(?:the\s+)?|the\s+)?|,\s+(?!the\s))"
# one of them: a run of capitalised words holding none is left to the shape rules
_HAS_PREPOSITION = re.compile(r"\s(?:" + _NAME_PREPOSITIONS + r")\s|[\"“]")
# a name's head word: the word before its first preposition, "in", "the" or comma
_HEAD_WORD = re.compile(r"[^,]*?(?=\s+(?:" + _NAME_PREPOSITIONS + r"|in|the)\s|,|$)")
# "The" before a capital; a sentence opens with it after a line break, a full stop or KCNA's ", ," paragraph
# joints
_THE_CAPITAL = re.compile(r"[Tt]he (?=[A-Z])")
# a preposition before "the" and a body's name (mid-sentence), and that name's head word before "for"
_OBJECT_THE = (" by ", " from ", " with ", " to ", " of ")
_HEAD_FOR = re.compile(r"(?:[A-Z][\w'’-]*\s+){0,3}([A-Z][\w'’-]*)\s+for\s")
# a word of such a name: no full stop after it (the sentence ends there), no month ("on Sept.")
_NOT_NAME_WORD = (
    r"(?!" + WEEKDAY + r"\b|" + MONTH + r"\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
)
_OBJECT_NAME_WORD = (
    r"(?:" + _NOT_NAME_WORD + r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’&-]+)|[\"“][A-Z][^\"”\n]{0,60}[\"”]|"
    r"(?:south|north)\s+Korea\b[\w'’-]*)"
)
# a locative ending such a name: "in Conakry, Guinea", "in Germany"
_IN_TAIL = re.compile(
    r"(?:\s+in\s+(?:the\s+)?[A-Z][\w'’.-]*(?:(?:\s+|,\s+|\s+and\s+|\s+of\s+(?:the\s+)?)[A-Z][\w'’.-]*)*)+"
)
_SENTENCE_ENDS = ("\n", ". ", "! ", "? ", ".” ", ", , ")
# a locative that ends a name: its mention stops before it (guidelines 1.2: "in Bucharest"; "of south Korea",
# but not "of Romania" in "National Committee for the Study of the Juche Idea of Romania")
_LOCATIVE = re.compile(r"\s+(in|of)\s+(?:the\s+)?")


# a nationality before a name that opens in quotation marks describes the body ('Ukrainian "Treasured Sword
# of Songun" Association for the Study of the Juche Idea')
_NATIONALITY_QUOTED = re.compile(NATIONALITY_WORD + r"\s+(?=[\"“])")
# an ordinal opening a name: a session or a meeting, not a body ("The Fourth Plenary Meeting of ...")
_ORDINAL_FIRST = re.compile(
    r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|\d+(?:st|nd|rd|th))\b"
)


def _all_places(text: str, lo: int, hi: int, inside: list[Mention], kb: KB) -> bool:
    """``text[lo:hi]`` is places only: "south Korea", "Vienna, Austria", "the Democratic People's Republic of
    Korea" (place mentions, or a name the packs know as a place, with commas between)."""
    rest = text[lo:hi]
    if re.fullmatch(r"(?:south|north)\s+Korea", rest) or (kb.surface.get(rest) or ("",))[0] == "PLACE":
        return True
    at = lo
    for x in sorted((x for x in inside if lo <= x.start and x.end <= hi), key=lambda x: x.start):
        if x.label != "PLACE" or not re.fullmatch(r"(?:,\s+|\s+of\s+)?", text[at : x.start]):
            return False
        at = x.end
    return at == hi and at > lo


def _head_word(part: str) -> str:
    """The word before a name's first connector: "Committee" in "Committee for Measures against ..."."""
    return _HEAD_WORD.match(part).group().rsplit(" ", 1)[-1]


def _composed(text: str, start: int, end: int, inside: list[Mention], kb: KB) -> str | None:
    """A pack body named by another pack body's name and a unit after it: "Workers' Party of Korea Central
    Committee" is the pack's "WPK Central Committee" (the first body's names, each with the rest after it)."""
    first = next((x for x in inside if x.start == start and x.label == "ORG" and x.entity), None)
    e = kb.entity(first.entity) if first is not None else None
    if e is None:
        return None
    rest = text[first.end : end]
    for name in (e.name, *e.aliases):
        known = kb.surface.get(name + rest)
        if known is not None and known[0] == "ORG":
            return known[1]
    return None


def _coordination_at(name: str, start: int, inside: list[Mention], kb: KB) -> int | None:
    """Two bodies joined ("A and the B", "A, B and C"): a body's mention or a body's head word right before
    a comma or an "and", a body's mention right after one, a place after "in" right before one ("... Library
    in Peru and the ..."), or a body's head word heading the words on each side ("Committee for Measures
    against the Spy Ring Case and the Association for ...")."""
    for j in re.finditer(r",\s+|\s+and\s+(?:the\s+)?", name):
        before = name[: j.start()].rsplit(" ", 1)[-1]
        if before in kb.org_heads:
            return j.start()
        a, b = start + j.start(), start + j.end()
        if any(x.label == "ORG" and (x.end == a or x.start == b) for x in inside):
            return j.start()
        if any(
            x.label == "PLACE" and x.end == a and re.search(r"\sin\s+(?:the\s+)?$", name[: x.start - start])
            for x in inside
        ):
            return j.start()
        if _head_word(name[: j.start()]) in kb.org_heads and _head_word(name[j.end() :]) in kb.org_heads:
            return j.start()
    return None


def _object_name(
    text: str, m: re.Match | None, found: list[Mention], heads: frozenset
) -> tuple[int, int] | None:
    """A long name after a preposition and "the", mid-sentence: "Support was expressed by the Solidarity for
    Peace and Reunification of Korea". Only a body's head word before "for" ("Solidarity", "Committee"; not
    "Three Charters for ...", "Sports Contest for ..."), no person inside (a title's holder after the body:
    "... with Foreign Countries Mun Jae Chol"), no body the packs know opening it ("Korean People's Army for
    Having ..."); a locative "in ..." at its end is left out (guidelines 1.2)."""
    if m is None:
        return None
    head = _HEAD_FOR.match(m.group())
    if head is None or head.group(1) not in heads:
        return None
    start, end = m.span()
    if any(
        start <= x.start < end
        and (x.label == "PERSON" or (x.start == start and x.label == "ORG" and x.entity))
        for x in found
    ):
        return None
    for k in re.finditer(r"\s+in\s", text[start:end]):
        if _IN_TAIL.fullmatch(text, start + k.start(), end):
            return start, start + k.start()
    return start, end


def _inside_name(text: str, at: int, kb: KB) -> bool:
    """The preposition before ``at`` joins two parts of one name ("The Stoke-on-Trent Branch of the British
    Group for ..."): a capitalised word before it that is no title or office ("Chairman of the ...")."""
    before = re.search(r"([A-Z][\w'’.-]*)\s+\w+\s+$", text[max(0, at - 40) : at])
    if before is None:
        return False
    word = before.group(1)
    return word not in kb.person_titles and word.lower() not in kb.body_offices


def _subject_names(text: str, found: list[Mention], kb: KB, title_end: int) -> list[Mention]:
    """A long name no shape rule takes whole, as the subject of a sentence that opens with it and goes on
    with what a body does: "The Solidarity for History and Justice to Check the Embellishment of Pro-Japanese
    Acts and Dictatorship and the Retrogressive Revision of Textbooks in south Korea made public a
    statement", 'The Citizens Council with Grand Mothers of the "Volunteers Corps" declared', "The
    Staffordshire, Britain, Branch of the Korean Friendship Association issued". The words from "The" to the
    verb (four or more capitalised words with a connector or a quoted phrase among them) are one
    organisation's name; its mention stops before a locative at its end ("... in south Korea"), and the
    shorter mentions inside it give way."""
    if "The " not in text and "the " not in text:
        return found
    rx = kb.rx(
        "subject-name",
        lambda: (
            _LONG_NAME_WORD
            + r"(?:"
            + _LONG_NAME_JOIN
            + _LONG_NAME_WORD
            # (its alias or abbreviation in brackets after it: "The Solidarity for ... (Hanchongryon) said")
            + r"){3,24}(?=(?:\s+\([^()\n]{1,60}\))?(?:\s+(?:on\s+)?"
            + WEEKDAY
            + r")?(?:\s+(?:at|on|in)\s+(?:a|an|the)\s+[\w ]{0,45}?)?\s+(?:"
            + "|".join(sorted(kb.p.get("names", {}).get("subject_name_verbs", []), key=len, reverse=True))
            + r")\b)"
        ),
    )
    mid = kb.rx(
        "object-name",
        lambda: (
            _OBJECT_NAME_WORD
            + r"(?:"
            + _LONG_NAME_JOIN
            + _OBJECT_NAME_WORD
            + r"){3,24}(?=\s+(?:on|in|at|and|to|from|which|who|that|was|were|is|are|has|have|had|said|says"
            r"|will|would|as|through|since|during|under|after|before)\b|\s*[,.;:)]|\s*$)"
        ),
    )
    heads = kb.org_heads | frozenset(kb.p.get("names", {}).get("object_name_heads", []))
    added: list[Mention] = []
    for the in _THE_CAPITAL.finditer(text, title_end):
        if text[the.start()] == "T" and (
            text.endswith(_SENTENCE_ENDS, max(0, the.start() - 4), the.start())
            # (KCNA's paragraph joint with two spaces: "on May 3., ,  The ...")
            or text.endswith(", ,  ", max(0, the.start() - 5), the.start())
        ):
            subject = rx.match(text, the.end())
            found_at = subject.span() if subject is not None else None
        elif (
            text.endswith(_OBJECT_THE, max(0, the.start() - 5), the.start())
            and text.find(" for ", the.end(), the.end() + 90) > 0
            and not _inside_name(text, the.start(), kb)
        ):
            found_at = _object_name(text, mid.match(text, the.end()), found, heads)
        else:
            continue
        if found_at is None:
            continue
        start, end = found_at
        described = _NATIONALITY_QUOTED.match(text, start, end)
        if described is not None:
            start = described.end()  # ('The Ukrainian "Treasured Sword of Songun" ...': a nationality)
        name = text[start:end]
        if not _HAS_PREPOSITION.search(name):
            continue  # ("The Korean Friendship Association": the shape rules take such names)
        if any(x.start < start < x.end or x.start < end < x.end for x in found):
            continue
        inside = [x for x in found if start <= x.start and x.end <= end]
        split = _coordination_at(name, start, inside, kb)
        if split is not None and (
            not re.match(r"\s+and\s+the\s", name[split:])
            or name.count('"', 0, split) % 2
            or "“" in name[:split]
        ):
            continue  # (a name's own "and": "Congo-Korea Friendship and Solidarity Association", a quoted
            # 'Federation "For the Union and ..."')
        if split is not None:
            # ("The Workers' Party of Korea and the Korean People's Army": two bodies; the first, a long name
            # no rule takes whole, is one: "The Korean Solidarity Committee for ... and the X issued")
            end = start + split
            name = text[start:end]
            inside = [x for x in inside if x.end <= end]
            if (
                len(name.split()) < 4
                or not _HAS_PREPOSITION.search(name)
                or _coordination_at(name, start, inside, kb) is not None
            ):
                continue
        last = _head_word(name)
        if (
            _ORDINAL_FIRST.match(name)
            or last.lower() in kb.doc_nouns
            or last in kb.not_body_heads
            or last in kb.person_titles
        ):
            continue  # ("The Fourth Plenary Meeting of", "The DPRK Law on", "... Secretary General for")
        for loc in _LOCATIVE.finditer(name):
            if (
                (loc.group(1) == "in" or name[loc.end() :].startswith(("south", "north")))
                and _all_places(text, start + loc.end(), end, inside, kb)
                # (not the end of a name inside: "... of the General Association of Koreans in China")
                and not any(x.start < start + loc.start() < x.end for x in inside)
            ):
                end = start + loc.start()
                break
        if any(x.start < end < x.end for x in inside):
            continue  # ("... of the Workers' Party of Korea": "of Korea" is the party's, no locative)
        if any(
            x.label == "ORG"
            and x.entity
            and x.start == start
            and (after := _LOCATIVE.match(text, x.end)) is not None
            and _all_places(text, after.end(), end, inside, kb)
            for x in inside
        ):
            continue  # ("The Xinhua News Agency of China": a body the packs know, and its country)
        inside = [x for x in inside if x.end <= end]
        if any(x.start == start and x.end >= end - 1 for x in inside) or (
            # ("The DPRK Ministry of People's Security": a place, then a body the packs know)
            any(x.label == "ORG" and x.entity and x.end == end for x in inside)
            and all(x.label == "PLACE" for x in inside if x.end < end)
        ):
            continue
        eid = _composed(text, start, end, inside, kb)
        added.append(Mention(start, end, text[start:end], "ORG", eid, "pattern"))
    return _give_way(text, found, added)


def _give_way(text: str, found: list[Mention], added: list[Mention]) -> list[Mention]:
    """``found`` with the long names ``added``: the mentions inside one give way; a mention that took a
    name's last words starts after the "and the" joining them ("... Spy Ring Case and the Association for
    ..."), or goes."""
    if not added:
        return found
    out = [x for x in found if not any(a.start <= x.start and x.end <= a.end for a in added)]
    for k, x in enumerate(out):
        crossed = next((a for a in added if a.start < x.start < a.end < x.end), None)
        if crossed is not None:
            joint = re.match(r"\s+and\s+the\s+", text[crossed.end : x.end])
            at = crossed.end + joint.end() if joint else x.end
            out[k] = replace(x, start=at, text=text[at : x.end]) if at < x.end else None
    out = [x for x in out if x is not None] + added
    out.sort(key=lambda x: (x.start, -x.end))
    return out


# a company's name ending in an abbreviated word keeps its dot ("Tokyo Electric Power Co.", "Panasonic Corp.")
COMPANY_ABBREVIATIONS = frozenset(["Co", "Corp", "Inc", "Ltd", "LTD"])


# what ends with its own dot: one capital ("Kim Il Sung Univ. of the D.P.R.K."), a run of capitals with dots
# or in capitals ("U.S.", "LTD."), a company's or a title's abbreviation, the Spanish "EE.UU."
_OWN_DOT_WORDS = COMPANY_ABBREVIATIONS | {
    "Univ", "Bros", "Dept", "Assn", "Jr", "Sr", "St", "Mt", "No", "Gen", "Col", "Prof", "Dr",
}  # fmt: skip
_ABBREVIATION_END = re.compile(
    r"(?:\b[A-Z]|\b[A-Z]{2,}|\.[A-Za-z]{1,3}|\b(?:" + "|".join(sorted(_OWN_DOT_WORDS)) + r"))\.$"
)


def _with_abbreviation_dot(text: str, m: Mention) -> Mention:
    if (
        m.label == "ORG"
        and text[m.end : m.end + 1] == "."
        and m.text.rsplit(" ", 1)[-1] in COMPANY_ABBREVIATIONS
    ):
        return Mention(m.start, m.end + 1, text[m.start : m.end + 1], m.label, m.entity, m.method)
    return m


def _short_names(text: str, found: list[Mention], kb: KB, title_end: int) -> list[Mention]:
    """'Lee Myung Bak ... In the article Lee talked', 'Mahmoud Abbas ... Abbas said': a person of the packs
    the body names in full and then by the surname alone (the first word of a Korean name, else the last)
    is the same person; of two people named before who share that word, the one named last."""
    keys: dict[str, list[Mention]] = {}
    for m in found:
        words = m.text.split()
        if m.label != "PERSON" or m.entity is None or len(words) < 2 or m.start < title_end:
            continue  # (a person the packs know: a name no pack knows keeps its full form for coreference)
        key = words[0] if words[0] in kb.surnames else words[-1]
        if (
            _SHORT_KEY.fullmatch(key)
            and key not in kb.surface
            and key.lower() not in kb.stopwords
            and key not in kb.person_titles  # ("Dirigente")
        ):
            keys.setdefault(key, []).append(m)
    if not keys:
        return found
    taken = _Taken(found)
    new = []
    for key, full in keys.items():
        at = text.find(key, max(title_end, full[0].end))
        while at >= 0:
            end = at + len(key)
            x_ok = (
                (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'’.-"))
                and (end == len(text) or not (text[end].isalnum() or text[end] in "'’-"))
                and not taken.overlaps(at, end)
                and not _CAPITALISED_AROUND.match(text, end)
                and not _CAPITALISED_BEFORE.search(text, max(0, at - 30), at)  # (part of a longer name)
                and not _GROUP_AFTER.match(text, end)  # ("the Lee group", "Lee's regime": no person)
            )
            before = [m for m in full if m.end <= at] if x_ok else []
            if before and len({m.entity for m in before}) == 1:
                new.append(Mention(at, end, key, "PERSON", before[-1].entity, "short"))
            elif before:
                # two people of the packs of that name before: the one named last, unless a name no pack
                # knows came after it ("Her father Park Chung-hee staged a coup ... Park's 'military coup'")
                last = max(
                    (m for m in found if m.end <= at and m.label == "PERSON" and _keyed(m.text, key)),
                    key=lambda m: m.end,
                )
                if last.entity is not None and last.entity not in kb.leaders:  # (no leader goes by surname)
                    new.append(Mention(at, end, key, "PERSON", last.entity, "short"))
            at = text.find(key, end)
    return sorted(found + new, key=lambda m: (m.start, -m.end)) if new else found


def _keyed(name: str, key: str) -> bool:
    """A name of two words or more that opens or ends with the surname ``key``."""
    words = name.split()
    return len(words) >= 2 and key in (words[0], words[-1])


# a surname that may stand alone for a person named in full before ("Yun", "Putin", "Al-Maliki")
_SHORT_KEY = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_CAPITALISED_AROUND = re.compile(r"\s+[A-Z][a-z]")
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*|\b[Tt]he)\s+$")
_GROUP_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:group|regime|clique|gang|government|administration|camp|faction|ring|crowd|puppets?)\b"
)


def _local_before_alias(found: list[Mention]) -> list[Mention]:
    """'The Youth League of the African National Congress ... The Youth League in its statement said': a
    short alias of a pack body ("Youth League") after the text has named another body that starts with it is
    that body's short form, not the pack's body (left unresolved, coreference takes the fuller name)."""
    longer = [m for m in found if m.label == "ORG" and m.entity is None and " of " in m.text]
    if not longer:
        return found
    out = []
    for m in found:
        if (
            m.method == "alias"
            and m.label == "ORG"
            and any(o.start < m.start and o.text.startswith(m.text + " of ") for o in longer)
        ):
            m = Mention(m.start, m.end, m.text, m.label, None, "pattern")
        out.append(m)
    return out


_POSSESSOR = re.compile(r"(?<![\w'’])([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)['’]s $")


def _other_states(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """A pack body's generic name given for another state is that state's body, not the pack's:
    "Venezuela's Foreign Ministry" (one ORG mention, unresolved), and once the text has named another
    state's body by one of the pack body's names ("Venezuela's Foreign Ministry", "Pakistani Foreign
    Ministry", "Ministry of Foreign Affairs of Kazakhstan"), the bare name after it ("the Foreign Ministry
    said") is left unresolved too: coreference gives it the qualified name. A state the body's own names
    hold ("DPRK" in "DPRK Ministry of Foreign Affairs") is no other state."""
    out: list[Mention] = []
    taken: set[str] = set()  # pack bodies whose names the text has given for another state
    for m in found:
        if m.label == "ORG" and m.entity is None:
            eid = body_of_other_state(m.text, kb)
            if eid:
                taken.add(eid)
        elif (
            m.method == "alias"
            and m.label == "ORG"
            and m.entity
            and " of " not in m.text
            and "," not in m.text
        ):
            pm = _POSSESSOR.search(text, max(0, m.start - 40), m.start)
            if pm and _foreign_place(pm.group(1), m.entity, kb):
                out = [o for o in out if o.end <= pm.start(1)]  # ("Venezuela" inside the body's name)
                taken.add(m.entity)
                m = Mention(pm.start(1), m.end, text[pm.start(1) : m.end], "ORG", None, "pattern")
            elif m.entity in taken and not any(_place(w, kb) for w in m.text.split()):
                m = Mention(m.start, m.end, m.text, m.label, None, "pattern")  # (not "DPRK Foreign Ministry")
        out.append(m)
    return out


def body_of_other_state(name: str, kb: KB) -> str | None:
    """The pack body whose name ``name`` gives for another state: "Pakistani Foreign Ministry", "Turkey's
    Foreign Ministry", "Ministry of Foreign Affairs of Kazakhstan"."""
    first, _, rest = name.partition(" ")
    known = kb.surface.get(rest)
    if known and known[0] == "ORG":
        owner = first[:-2] if first.endswith(("'s", "’s")) else first
        if _foreign_place(owner, known[1], kb):  # ("Turkey's", "Pakistani")
            return known[1]
    for cut in _OF_THE.finditer(name):
        known = kb.surface.get(name[: cut.start()])
        if known and known[0] == "ORG" and _foreign_place(name[cut.end() :], known[1], kb):
            return known[1]
    return None


# the pack subtypes of a state's organs, whose generic names ("Foreign Ministry") each state has
_STATE_ORGANS = ("state", "military")


def _foreign_place(word: str, eid: str, kb: KB) -> bool:
    """A state (or its demonym) other than the one the pack body ``eid``'s own names hold, where ``eid`` is a
    state's organ ("south Korea's Yonhap News" is Yonhap, a medium; "China's UN" is no body of China)."""
    e = kb.entity(eid)
    if e is None or e.subtype not in _STATE_ORGANS:
        return False
    own = kb.compiled.get(("own-places", eid))
    if own is None:
        words = {w for f in (e.name, *e.aliases) for w in re.findall(r"[A-Z][\w.'’-]*", f)}
        places = {kb.surface[w][1] for w in words if w in kb.surface}
        stems = {
            w[:4] for p in places if (pe := kb.entity(p)) for f in (pe.name, *pe.aliases) for w in f.split()
        }
        own = kb.compiled[("own-places", eid)] = (places, stems)
    if not own[0]:
        return False  # a body whose names hold no state ("US Congress" does, "Pentagon" does not)
    known = kb.surface.get(word)
    if known is not None:
        return known[0] == "PLACE" and known[1] not in own[0]
    return _demonym(word, kb) and word[:4] not in own[1]  # ("Korean": a name of the DPRK holds "Korea")


_NEXT_SYLLABLE = re.compile(r" ([A-Z][a-z]{1,3})(?![\w'’.-])")


def _longer_korean_name(text: str, name: str, end: int, kb: KB) -> bool:
    """A two-word Korean name the pack knows, followed by a third syllable: a longer name of someone else."""
    words = name.split()
    if len(words) != 2 or words[0] not in kb.surnames:
        return False
    nxt = _NEXT_SYLLABLE.match(text, end)
    return nxt is not None and nxt.group(1) not in kb.stopwords and nxt.group(1) not in _NOT_LAST_SYLLABLE


# what goes on after an unknown organisation's name: "... for Korea's Reunification", "... for Solidarity
# with the DPRK", "... of Koreans in China" (never "and the ...": that is a second body)
_WHEN_WORD = r"(?:" + WEEKDAY + "|" + MONTH + r")\b"
_WHEN_ONLY = re.compile(r"(?:" + WEEKDAY + "|" + MONTH + r")\.?")  # ("newspaper Monday.": no name)
_ORG_TAIL = re.compile(
    r"(?:\s+(?:of|for|with)(?:\s+the)?\s+(?:(?:south|north)\s+(?=Korea))?[A-Z][\w'’.-]*"
    r"(?:\s+(?!" + _WHEN_WORD + r")[A-Z][\w'’.-]*)*)+"
)  # (KCNA writes "... of south Korea"; "... for Korea's Reunification Sunday" ends before the day)
# a title in quotation marks a name goes on with, after a preposition or a verb's "-ing" and "the" ('Sinhala
# Committee for Supporting the "Day of the Sun"', 'Joint Action for Probing the Truth about "Cheonan" Warship
# Case'), and the capitalised words after it
_QUOTED_TAIL = re.compile(
    r"(?:\s+(?P<prep>of|about|against|for)(?:\s+the)?|\s+the)\s+[\"“][A-Za-z][^\"”\n]{0,60}(?<![.!?])[\"”]"
    r"(?P<after>(?:\s+(?!" + _WHEN_WORD + r")[A-Z][\w'’-]*){0,3})"
)
_ABROAD = re.compile(r"\s+in\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?!" + _WHEN_WORD + r")[A-Z][\w'’.-]*)?")
# (not a day after the place: "The United Confederation of Koreans in Russia Tuesday held")
# "... in East European and Central Asian Regions": a tail naming a kind of area is part of the name
_IN_REGIONS = re.compile(
    r"\s+in\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+)+(?:and\s+(?:[A-Z][\w'’.-]*\s+)+)?(?:Regions?|Areas?|Countries)\b"
)


# where a body is based, before its name ("Geneva-based ", "New York-based "): no part of the name
BASED = re.compile(r"(?:[A-Z][\w.'’]*\s+){0,2}[A-Z][\w.'’]*-based\s+(?=[A-Z])")
# a broadcaster's name ending in one medium and another joined to it ("Apsara TV and Radio of Cambodia")
_BROADCAST_END = re.compile(r"\b(?:TV|Radio|Television)$")
_AND_BROADCAST = re.compile(
    r" and (?:TV|Radio|Television)\b(?: of (?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?(?![\w'’-]| [A-Z]))?"
)


# a party's tendency or faction in brackets after its name: "(Maoist)", "(Marxist-Leninist)", "(United)",
# "(Bagdash)" (no acronym); after a union's, front's or movement's name only a tendency, no short name
# ("Teachers Union of south Korea (Jongyojo)", "Palestine National Liberation Movement (Fatah)")
_IDEOLOGY = re.compile(r" \([A-Z][a-z]+(?:-[A-Z][a-z]+)*\)")
_TENDENCY = re.compile(r" \([A-Z][a-z]+(?:ist|ists|ism|ed)(?:-[A-Z][a-z]+(?:ist|ists|ism))*\)")


def _extend_tail(text: str, found: list[Mention], title_end: int = 0) -> list[Mention]:
    """An unknown organisation's name the run finder cut short goes on while its connectors and capitalised
    words do, over the mentions inside that tail; bodies of Koreans abroad keep where they are."""
    out: list[Mention] = []
    skip_to = -1
    for m in found:
        if m.start < skip_to:
            continue
        based = BASED.match(m.text) if m.label == "ORG" and m.entity is None else None
        if based is not None and based.end() < len(m.text):
            # "Geneva-based World Economic Forum", "New York-based Conference Board": where it is based is no
            # part of its name
            m = Mention(m.start + based.end(), m.end, m.text[based.end() :], "ORG", None, m.method)
        if m.label == "ORG" and m.entity is None:
            end = m.end
            tail = _ORG_TAIL.match(text, end, min(len(text), end + 120))
            if tail:
                end = tail.end()
            quoted = _QUOTED_TAIL.match(text, end, min(len(text), end + 160))
            if (
                quoted is not None
                and (quoted.group("prep") or text[m.start : end].endswith("ing"))
                and not any(
                    f.label == "PERSON" and quoted.start("after") <= f.start < quoted.end() for f in found
                )
            ):
                # 'Committee for Supporting the "Day of the Sun"' (in a headline, where every word is
                # capitalised, not the words after it)
                end = quoted.end() if m.start >= title_end else quoted.start("after")
                tail = _ORG_TAIL.match(text, end, min(len(text), end + 120))
                end = tail.end() if tail else end
            name = text[m.start : end]
            abroad = _ABROAD.match(text, end)
            if abroad and re.search(
                r"(?:^Korean\b|\bKoreans$|\bKorean (?:Residents|Nationals|Compatriots)$)", name
            ):
                end = abroad.end()  # "Central Association of Korean Nationals in Russia"
            elif regions := _IN_REGIONS.match(text, end, min(len(text), end + 120)):
                end = regions.end()
            joined = _AND_BROADCAST.match(text, end) if _BROADCAST_END.search(text, m.start, end) else None
            if joined is not None:
                end = joined.end()  # "Apsara Television and Radio of Cambodia": one broadcaster of both
            party = re.search(r"\bParty\b", text[m.start : end]) is not None
            ideology = (_IDEOLOGY if party else _TENDENCY).match(text, end)
            if ideology and any(f.start == ideology.start() + 2 and f.label == "PLACE" for f in found):
                ideology = None  # ("National Socialist Party (Romania)": where it is)
            if ideology and re.search(r"\b(?:Party|Front|League|Union|Movement)\b", text[m.start : end]):
                end = ideology.end()  # "Unified Communist Party of Nepal (Maoist)": part of the party's name
            if end > m.end:
                end -= len(text[m.start : end]) - len(re.sub(r"['’]s$", "", text[m.start : end]))
                m = Mention(m.start, end, text[m.start : end], "ORG", None, m.method)
                skip_to = end
        out.append(m)
    return out


# the fields a body's name lists after its "of" or "for": ", Culture, Sports, Science and Technology",
# ", Peasants and Students" (capitalised words, one to three an item, no weekday or month; not ", and X": a
# second name after a comma)
_FIELD = r"(?!(?:" + WEEKDAY + "|" + MONTH + r")\b)[A-Z][a-z][\w'’-]*"
_FIELD_ITEM = _FIELD + r"(?:\s+" + _FIELD + r"){0,2}"
_FIELD_LIST = re.compile(
    r"(?:,\s+" + _FIELD_ITEM + r"){1,6}\s+and\s+" + _FIELD_ITEM + r"(?![\w'’-]|\s+[A-Z])"
)
# a name that ends with its first field: "Ministry of Education", "People's Front of Workers"
_FIRST_FIELD = re.compile(r"\s(?:of|for)\s+(?:the\s+)?" + _FIELD_ITEM + r"$")


_PERSON_OF_BODY = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}) of the ([A-Z].+)")


def _person_of_body(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """'Ranjith Perera of the Korean Friendship Association said': a personal name no pack knows, "of the" and
    a body's name, before what a person does, are a person and the body (not one body's name)."""
    out: list[Mention] = []
    for m in found:
        pb = _PERSON_OF_BODY.fullmatch(m.text) if m.label == "ORG" and m.entity is None else None
        if (
            pb is not None
            and _uncommon_name(pb.group(1).split(), kb)
            and (_PERSON_DOES.match(text, m.end) or text.startswith(", ", m.end))
        ):
            person_end = m.start + len(pb.group(1))
            body_start = m.start + pb.start(2)
            out.append(Mention(m.start, person_end, pb.group(1), "PERSON", None, "pattern"))
            out.append(Mention(body_start, m.end, pb.group(2), "ORG", None, m.method))
            continue
        out.append(m)
    return out


_NAME_WORD_ES = r"(?:[A-Z][\w'’-]*|[\"“][A-Z][^\"”\n]{0,60}[\"”])"
_NAME_JOIN_ES = r"\s+(?:(?:de|del|para|con|contra|sobre|y|e|en)\s+(?:(?:el|la|los|las)\s+)?)?"


def _subject_names_es(text: str, found: list[Mention], kb: KB, title_end: int) -> list[Mention]:
    """A Spanish sentence opening with a body's long name and what a body does: "El Comite Nacional para el
    Estudio de la Idea Juche de Sri Lanka emitio una declaracion", "La Asociacion de Amistad y Solidaridad con
    el Pueblo Coreano de Peru ...": the words from the article to the verb (an organisation head first, a
    connector among them) are one organisation's name; the mentions inside give way."""
    rx = kb.rx(
        "subject-name-es",
        lambda: (
            r"(?:El|La|Los|Las)\s+("
            + _NAME_WORD_ES
            + r"(?:"
            + _NAME_JOIN_ES
            + _NAME_WORD_ES
            + r"){2,20})(?=(?:\s+\([^()\n]{1,60}\))?(?:,?\s+el\s+dia\s+\d+,?)?\s+(?:"
            + "|".join(sorted(kb.p.get("names", {}).get("subject_name_verbs_es", []), key=len, reverse=True))
            + r")\b)"
        ),
    )
    added: list[Mention] = []
    for m in rx.finditer(text, title_end):
        start, end = m.span(1)
        if m.start() > title_end and not re.search(
            r"(?:[.!?]\s+|,\s*,\s+|\n\s*)$", text[max(0, m.start() - 6) : m.start()]
        ):
            continue  # (a sentence's opening only)
        name = m.group(1)
        if name.split()[0] not in kb.org_heads or not re.search(r"\s(?:de|del|para|con)\s", name):
            continue
        if any(x.start < start < x.end or x.start < end < x.end for x in found):
            continue
        if any(x.start == start and x.end == end for x in found):
            continue
        added.append(Mention(start, end, name, "ORG", None, "pattern"))
    return _give_way(text, found, added)


def _given_names_before(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """A name no pack knows right before a known person's one-word name, opening with the letter the
    person's given name does, is that person's given names: "Dmitri Anatoliyevich Medvedev", "V.V. Putin",
    "George Walker Bush" are one mention of that person (not "Dmitri Anatoliyevich" and "Medvedev")."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        e = kb.entity(m.entity) if m.label == "PERSON" and m.entity else None
        if (
            prev is not None
            and e is not None
            and prev.label == "PERSON"
            and prev.entity is None
            and " " not in m.text
            and text[prev.end : m.start] == " "
            and prev.text[:1] == e.name[:1]
        ):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "PERSON", m.entity, m.method)
            continue
        out.append(m)
    return out


def _field_lists(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """A body's name that lists its fields goes on over the list: "Ministry of Education, Culture, Sports,
    Science and Technology", "People's Front of Workers, Peasants and Students of Peru" (its mention stops at
    the first comma otherwise). Not a list of bodies, places or people ("Ministry of Public Health, GAVI,
    WHO and UNICEF", "Network of China, ITAR-TASS and ..."): no item may be or hold a mention, a title or a
    word in capitals."""
    out: list[Mention] = []
    skip_to = -1
    for m in found:
        if m.start < skip_to:
            continue
        tail = (
            _FIELD_LIST.match(text, m.end)
            if m.label == "ORG" and text.startswith(",", m.end) and _FIRST_FIELD.search(m.text)
            else None
        )
        if (
            tail is not None
            and not any(o is not m and o.start < tail.end() and o.end > m.end for o in found)
            and not any(w in kb.person_titles for w in re.findall(r"[A-Z][\w'’-]*", tail.group()))
        ):
            name = text[m.start : tail.end()]
            known = kb.surface.get(name)
            m = Mention(
                m.start, tail.end(), name, "ORG", known[1] if known and known[0] == "ORG" else None, "pattern"
            )
            skip_to = tail.end()
        out.append(m)
    return out


# an Arabic name's particle and the word after it: "Omar Hassan Ahmed al-Bashir", "Muhammad bin Salman"
_PARTICLE_TAIL = re.compile(
    r"\s+(?:(?:al|el|Al|El|ad|ud|ul)-[A-Z][a-z]+|(?:bin|ibn|bint|Bin|Ibn)\s+[A-Z][a-z]+)"
)


def _name_particles(text: str, found: list[Mention]) -> list[Mention]:
    """A person's name the run finder cut before a lower-case particle goes on over it and the next word."""
    out = []
    for m in found:
        tail = _PARTICLE_TAIL.match(text, m.end) if m.label == "PERSON" and m.entity is None else None
        if tail is not None and not any(o.start < tail.end() and o.end > m.end for o in found):
            m = Mention(m.start, tail.end(), text[m.start : tail.end()], "PERSON", None, m.method)
        out.append(m)
    return out


def _particle_names(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """'Alejandro Cao de Benos, chairman of ...', 'Luiz Inacio Lula da Silva, president of ...': a name with
    a lower-case particle, which the run finder cuts, is one person's when a person's role follows it."""
    if kb.person_roles_re is None or not _PARTICLE_HINT.search(text):
        return found
    taken = _Taken(found)
    new = [
        Mention(m.start(), m.end(), m.group(), "PERSON", None, "pattern")
        for m in _PARTICLE_NAME.finditer(text)
        if kb.person_roles_re.match(text, m.end())
        and not taken.overlaps(m.start(), m.end())
        and m.group().split()[0] not in kb.stopwords
        and not _ARTICLE_ES_BEFORE.search(
            text, max(0, m.start() - 5), m.start()
        )  # ("al Departamento de Estado")
        and (kb.surface.get(m.group().split()[-1]) or ("",))[0] != "PLACE"  # ("Estado de Palestina")
    ]
    return sorted(found + new, key=lambda x: x.start) if new else found


# a name with a lower-case particle inside it ("Cao de Benos", "Lula da Silva", "van der Berg")
_PARTICLE_WORDS = [
    "de",
    "da",
    "das",
    "do",
    "dos",
    "del",
    "della",
    "di",
    "van",
    "von",
    "der",
    "den",
    "le",
    "la",
]
_PARTICLES = "(?:" + "|".join(_PARTICLE_WORDS) + ")"
_PARTICLE_NAME = re.compile(
    r"(?<![\w'’.-])(?:[A-Z][a-z]+ ){1,3}(?:" + _PARTICLES + r" ){1,2}[A-Z][a-z]+(?: [A-Z][a-z]+)?(?![\w'’-])"
)
_ARTICLE_ES_BEFORE = re.compile(r"\b(?:al|el|la|los|las|del|de|en|por|y|of|the|in)\s+$")
# (whether a text may hold one: a lower-case letter, a space, a particle, a capitalised name and a comma; each
# particle opens with its first letter and the look-behind comes after it, so that the engine skips to those
# letters instead of trying every lower-case one)
_PARTICLE_HINT = re.compile(
    trie_regex(_PARTICLE_WORDS, after_first=r"(?<=[a-z]\s.)") + r"\s[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s"
)


# "An Jong Su, chief of ...", "So Yong Il, an officer of ...": Korean surnames that are English words too (the
# run finder takes them for the article or the conjunction), before a given name and an appositive
_WORD_SURNAME = re.compile(
    r"(?<![\w'’-])(An|So|No|O) ((?:[A-Z][a-z]{1,4})(?: [A-Z][a-z]{1,4})?)(?=,\s+(?:an?\s+|the\s+)?[a-z])"
)
# (the same without what comes before and after: a search for it skips to the capitals quickly, and most
# documents hold none)
_WORD_SURNAME_HINT = re.compile(r"(?:An|So|No|O) [A-Z][a-z]{1,4}(?: [A-Z][a-z]{1,4})?,\s")


# a second name joined to an organisation's by a hyphen: "Communist Workers' Party of Russia[-Revolutionary
# Communist Party]" (a run of capitalised words ending in a head word)
_HYPHEN_NAME = re.compile(r"-((?:[A-Z][\w'’]*\s+){0,4}[A-Z][\w'’]*)")


def _hyphen_joined(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """An organisation's name going on after a hyphen with another name that ends in a head word of the
    packs is one name (the mentions inside the joined part go)."""
    out: list[Mention] = []
    skip_to = -1
    for m in found:
        if m.start < skip_to:
            continue
        h = _HYPHEN_NAME.match(text, m.end) if m.label == "ORG" and m.entity is None else None
        if h is not None and h.group(1).split()[-1] in kb.org_heads and len(h.group(1).split()) >= 2:
            m = Mention(m.start, h.end(), text[m.start : h.end()], "ORG", None, "pattern")
            skip_to = h.end()
        out.append(m)
    return out


def _word_surnames(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    if kb.syllable_re is None or not _WORD_SURNAME_HINT.search(text):
        return found
    new = []
    for m in _WORD_SURNAME.finditer(text):
        if m.group(1) in kb.surnames and all(
            kb.syllable_re.fullmatch(w) and w not in _NOT_LAST_SYLLABLE for w in m.group(2).split()
        ):
            new.append(Mention(m.start(), m.end(), m.group(), "PERSON", None, "pattern"))
    if not new:
        return found
    kept = [f for f in found if not any(n.start <= f.start < n.end for n in new)]
    return sorted(kept + new, key=lambda x: (x.start, -x.end))


_STATE_FORM = re.compile(
    r"(?:(?:Socialist|Islamic|Federal|Democratic|People's|Arab|Bolivarian|Bolivar|United|Federative|Plurinational|"
    r"Oriental|Cooperative|Hashemite)\s+)*(?:Republic|State|Kingdom|Federation|Commonwealth|Sultanate|Emirate|"
    r"Principality|Grand Duchy)\s+of\s+(?:the\s+)?$"
)


# a capitalised word (not an article) right before: the state form is the tail of a longer name
_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’.-])(?!(?:The|A|An)\s)[A-Z][\w'’-]*\s+$")


def _state_forms(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """'Republic of Lebanon', 'Socialist Republic of Vietnam': a country's formal name is that country."""
    out = []
    for m in found:
        e = kb.entity(m.entity)
        if m.label == "PLACE" and e is not None and e.subtype == "country":
            f = _STATE_FORM.search(text, max(0, m.start - 60), m.start)
            if (
                f is not None
                and f.end() == m.start
                and text[f.start() - 1 : f.start()] in ("", " ", "\n", "(")
                and not _NAME_WORD_BEFORE.search(text, max(0, f.start() - 40), f.start())
            ):  # (but "The Young Electorates Federation of south Korea" is a body's name)
                m = Mention(f.start(), m.end, text[f.start() : m.end], "PLACE", m.entity, m.method)
        out.append(m)
    return out


_PLACE_WORD = r"[A-Z][a-z][\w'’-]*"
_AREA = re.compile(r"(?<![\w'’.-])(" + _PLACE_WORD + r")(?:\s+and\s+(" + _PLACE_WORD + r"))?\s+areas?\b")
_PLACE_OF = re.compile(
    r"\b(?:province|city|town|region|county|district|village|port|island|capital|municipality|provincia|"
    r"ciudad|region|región)\s+(?:of|de)\s+(" + _PLACE_WORD + r"(?: " + _PLACE_WORD + r")?)\b"
)


# (opening with the space and looking behind it for the word's end: the engine skips to spaces)
_PLACE_OF_HINT = re.compile(r" (?<=(?:nce|ity|own|ion|nty|ict|age|ort|and|tal|ity|cia|dad) )(?:of|de) [A-Z]")


def _place_forms(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """Places named by a lower-case generic word: 'the Sopho area', 'Songsin and Songhwa areas', 'the
    province of Bursa', 'the city of Grenoble'."""
    if " area" not in text and " of " not in text and " de " not in text:
        return found
    taken = _Taken(found)
    new: list[Mention] = []
    for m in _AREA.finditer(text) if " area" in text else ():
        for g in (1, 2):
            a, b = m.span(g)
            if a >= 0 and m.group(g) not in kb.stopwords and not taken.overlaps(a, b):
                new.append(Mention(a, b, m.group(g), "PLACE", None, "pattern"))
    for m in _PLACE_OF.finditer(text) if _PLACE_OF_HINT.search(text) else ():
        a, b = m.span(1)
        if m.group(1).split()[0] not in kb.stopwords and not taken.overlaps(a, b):
            new.append(Mention(a, b, m.group(1), "PLACE", None, "pattern"))
    if not new:
        return found
    return sorted([*found, *new], key=lambda x: (x.start, -x.end))


_WORD_NAME = (
    r"[A-Z][\w'’.-]*(?: (?:(?:do|da|dos|das|du|des|de|del|la|el) )?[A-Z][\w'’.-]*){0,3}"  # ("Hora do Povo")
)
_MEDIA_NOUN = (
    r"(?:newspaper|paper|daily|weekly|magazine|journal|news agency|news service|radio station|"
    r"TV station|television station|broadcaster|website)"
)
_MEDIA_HINTS = (
    "paper",
    "daily",
    "weekly",
    "magazine",
    "journal",
    "news",
    "station",
    "broadcaster",
    "website",
)
_MEDIA_APPOSITIVE = re.compile(
    r"(?<![\w'’.-])("
    + _WORD_NAME
    + r")(?<![a-z]\.),\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    + r"|(?:(?!(?:of|for|at|in|on|to|with|and|by|The|A|An)\s)[\w-]+\s+){1,3}?)"
    + _MEDIA_NOUN
    + r"\b"
)  # ("Jaju Minbo, south Korean internet paper, on March 16 introduced": no article needed)
# a medium's name in quotation marks after its noun: 'The Russian Internet magazine "Liv Zurnal" posted'
_MEDIA_QUOTED = re.compile(
    r"\b(?:newspaper|paper|daily|weekly|magazine|journal|website|homepage|radio|TV|channel|agency)\s+"
    r"[\"“]([A-Z][^\"“”\n]{1,60}?)[,.]?[\"”]"
)
_MEDIA_BEFORE = re.compile(
    r"\b(?:newspaper|paper|daily|weekly|magazine|journal|TV channel|website|homepage|internet news)\s+("
    r"(?:(?:The|La|El|Le|Les|L'|L’|Die|Der|Il|O|A)\s?(?=[A-Z]))?"  # ("the paper La Juventud", "The Nation")
    + _WORD_NAME
    + r"(?:\s+and\s+(?:[A-Z][\w'’.-]*\s+){0,2}"
    r"(?:News|Daily|Times|Post|Herald|Tribune|Journal|Gazette|Review)\b"
    r"|\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?![\w'’.-]| [A-Z]))?)"  # ("Defence and Humanity")
)  # ("the Indian paper Science Technology and Education News": a paper's name with "and" in it)
_NEWS_AGENCY = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’.-]*\s+){1,3}news agency\b")
_TITLE_TO = re.compile(
    r"\b(?:Ambassador|Envoy|Consul|Representative|Delegate|ambassador|envoy|representative)\s+(?:to|in|at)\s+"
    r"(?:the\s+)?$"
)


def _whole_names(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """Names found whole by a rule, replacing the pieces found inside them: the packs' organisation
    patterns ('Korean ... Association in Japan'), newspapers and agencies named as such ('Hangyore, a
    newspaper of ...', 'the Nepali paper Jana Sata', 'Anatolia news agency'), and a person named after a
    diplomatic title ('Mongolian Ambassador to the DPRK Sodovjamts Khurelbaatar')."""
    new: list[Mention] = []
    for rx in kb.org_patterns:
        for m in rx.finditer(text):
            new.append(Mention(m.start(), m.end(), m.group(), "ORG", None, "pattern"))
    low = text.lower()
    media = any(w in low for w in _MEDIA_HINTS)
    for m in _MEDIA_QUOTED.finditer(text) if media else ():
        a, b = m.span(1)
        if not any(x.start <= a and b <= x.end and x.entity for x in found):
            new.append(Mention(a, b, text[a:b], "ORG", None, "pattern"))
    for rx in (_MEDIA_APPOSITIVE, _MEDIA_BEFORE) if media else ():
        for m in rx.finditer(text):
            a, b = m.span(1)
            words = m.group(1).split()
            # ("the newspaper Rodong Sinmun Tuesday says", "the paper Patriot No. 24": no part of the name)
            while (
                len(words) > 1
                and not (rx is _MEDIA_BEFORE and words[-1] == "Today")
                and (
                    # ("the weekly Media Today": "Today" ends the name after the medium's noun)
                    words[-1] in kb.stopwords
                    or words[-1].rstrip(".,;:") in kb.stopwords  # ("Rodong Sinmun Friday.": the day, a stop)
                    or (words[-1] in ("No.", "No") and _NUMBER_AFTER.match(text, b))
                    or re.fullmatch(r"No\.\d+", words[-1])  # ("the Russian paper Patriot No.39": its issue)
                )
            ):
                b -= len(words.pop()) + 1
            article = (
                rx is _MEDIA_BEFORE
                and len(words) > 1
                and re.fullmatch(r"The|La|El|Le|Les|L['’]|Die|Der|Il|O|A", words[0])
            )
            if (words[0] in kb.stopwords and not article) or any(
                x.start <= a and b <= x.end and x.entity for x in found
            ):
                continue
            if " and " in text[a:b] and any(a <= x.start and x.end <= b and x.entity for x in found):
                b = a + text[a:b].index(" and ")  # ("the paper Rodong Sinmun and Minju Joson": two papers)
            new.append(Mention(a, b, text[a:b], "ORG", None, "pattern"))
    for m in _NEWS_AGENCY.finditer(text) if "news agency" in text else ():
        if m.group().split()[0] not in kb.stopwords:
            new.append(Mention(m.start(), m.end(), m.group(), "ORG", None, "pattern"))
    diplomats = any(w in low for w in ("ambassador", "envoy", "representative", "consul", "delegate"))
    for p in found if diplomats else ():
        if p.label in ("PLACE", "ORG") and _TITLE_TO.search(text, max(0, p.start - 40), p.start):
            n = _NAME_AFTER.match(text, p.end)
            if n and n.group(1).split()[0] not in kb.stopwords:
                new.append(Mention(n.start(1), n.end(1), n.group(1), "PERSON", None, "pattern"))
    if not new:
        return found
    keep = [m for m in found if not any(n.start <= m.start and m.end <= n.end for n in new)]
    keep = [m for m in keep if not any(m.start < n.end and n.start < m.end for n in new)]
    return _no_overlaps(sorted([*keep, *new], key=lambda x: (x.start, -x.end)))


_ABBR = re.compile(r" \(([A-Z][\w.&'’-]{1,20})\)")


def _abbreviated(text: str, found: list[Mention]) -> list[Mention]:
    """'National Defence Commission (NDC) of the DPRK', 'Korean People's Army (KPA) Song and Dance
    Ensemble': a name that goes on after its abbreviation in parentheses is one name."""
    out: list[Mention] = []
    i = 0
    while i < len(found):
        m = found[i]
        a = _ABBR.match(text, m.end) if m.label in ("ORG", "PLACE") else None
        if a is not None:
            rest = found[i + 1 :]
            rest = [r for r in rest if r.start >= a.end()]
            t = _OF_TAIL.match(text, a.end())
            if t and rest and rest[0].start == t.end() and rest[0].label in ("ORG", "PLACE"):
                n = rest[0]
                ent = m.entity if n.entity in _HOME else None
                out.append(Mention(m.start, n.end, text[m.start : n.end], "ORG", ent, "pattern"))
                i = found.index(n) + 1
                continue
            if rest and rest[0].start == a.end() + 1 and text[a.end()] == " " and rest[0].label == "ORG":
                n = rest[0]
                out.append(Mention(m.start, n.end, text[m.start : n.end], "ORG", None, "pattern"))
                i = found.index(n) + 1
                continue
        out.append(m)
        i += 1
    return out


def _propagate(text: str, found: list[Mention]) -> list[Mention]:
    """One name, one sense in a document: an abbreviation or short name defined in parentheses ('Korean
    Youth Commercial Association in Japan (Chongsanghoe)', '(PNA)') and a newspaper named as such are
    the same organisation wherever else the document uses them."""
    learned: dict[str, tuple[str, str | None]] = {}
    if "(" not in text and not any(m.method == "pattern" and m.label == "ORG" for m in found):
        return found
    for m in found:
        a = _ABBR.match(text, m.end)
        if (
            a is not None
            and m.label in ("ORG", "PLACE")
            and not re.search(r"\d", a.group(1))
            and ((m.entity is None and m.label == "ORG") or _could_abbreviate(a.group(1), m.text))
        ):  # (an unknown body's short form is taken as given; a known name's or a place's is checked)
            learned.setdefault(a.group(1), (m.label, m.entity))
        elif m.method == "pattern" and m.entity is None and m.label == "ORG" and " " not in m.text:
            learned.setdefault(m.text, (m.label, None))
    if not learned:
        return found
    taken = _Taken(found)
    rx = re.compile(
        r"(?<![\w'’.-])(?:"
        + "|".join(re.escape(w) for w in sorted(learned, key=len, reverse=True))
        + r")(?![\w'’-])"
    )
    new = []
    for m in rx.finditer(text):
        if not taken.overlaps(*m.span()):
            label, ent = learned[m.group()]
            new.append(Mention(m.start(), m.end(), m.group(), label, ent, "alias" if ent else "pattern"))
    if not new:
        return found
    return sorted([*found, *new], key=lambda x: (x.start, -x.end))


def _could_abbreviate(abbr: str, name: str) -> bool:
    """An acronym in capitals stands for a name one of whose words it starts with ("PNA" for "Palestinian
    National Authority"); not "OSPAAAL" after "America Latina" or "OSCE" after "Europe", the tail of a
    longer name the finder missed. Other short forms ("Chongsanghoe") are taken as given."""
    if not abbr.isupper():
        return True
    return abbr[0] in {w[0] for w in name.split() if w[:1].isupper()}


_BODY_BEFORE = re.compile(r"(?:\bof|\bfor|\bde|\bdel|\bde la)\s+$")


def _person_forms(text: str, found: list[Mention], kb: KB) -> list[Mention]:
    """One person, one name in a document. 'Minister of [Culture Jack Lang]' whose last words the document
    also writes alone ('Jack Lang welcomed ...'): the body's word is no part of the name. And a name no pack
    knows, found once, is the same person wherever else the document writes it in full."""
    people = {id(m) for m in found if m.label == "PERSON" and m.entity is None and m.method == "pattern"}
    if not people:
        return found
    out = []
    for m in found:
        words = m.text.split() if id(m) in people else []
        if (
            len(words) >= 3
            and words[0] not in kb.surnames  # (a Korean name is found whole: "Paek Son Haeng")
            and _BODY_BEFORE.search(text, max(0, m.start - 8), m.start)
        ):
            for k in range(len(words) - 1, 1, -1):
                tail = " ".join(words[-k:])
                if any(at < m.start or at >= m.end for at in _written_alone(text, tail)):
                    cut = m.end - len(tail)
                    m = Mention(cut, m.end, text[cut : m.end], "PERSON", None, "pattern")
                    break
        out.append(m)
    names = {
        m.text
        for m in out
        if m.label == "PERSON" and m.entity is None and m.method == "pattern" and " " in m.text
    }
    if not names:
        return out
    taken = _Taken(out)
    new = [
        Mention(at, at + len(name), name, "PERSON", None, "pattern")
        for name in names
        for at in _written_alone(text, name)
        if not taken.overlaps(at, at + len(name))
    ]
    if not new:
        return out
    return sorted([*out, *new], key=lambda x: (x.start, -x.end))


def _written_alone(text: str, name: str) -> list[int]:
    """Where ``name`` stands as a whole word run, no capitalised word right before it."""
    out, at = [], text.find(name)
    while at >= 0:
        end = at + len(name)
        before = text[at - 1 : at] if at else ""
        after = text[end : end + 1]
        if (
            not (before.isalnum() or (before in "'’.-" and before))
            and not (after.isalnum() or (after in "'’-" and after))
            and not _CAP_BEFORE.search(text, max(0, at - 20), at)
        ):
            out.append(at)
        at = text.find(name, at + 1)
    return out


_CAP_BEFORE = re.compile(r"[A-Z][\w.'’-]*\s$")


_OF_TAIL = re.compile(r" (?:of (?:the )?|de (?:la |los |las |el )?|del )(?=[A-Z])")
_CC = re.compile(r"\bC\.C\., (?:the )?$")


def _cc_forms(text: str, found: list[Mention]) -> list[Mention]:
    """KCNA's 'C.C., the Workers' Party of Bangladesh' (the Central Committee of X) is one name."""
    out = []
    for m in found:
        c = _CC.search(text, max(0, m.start - 12), m.start) if m.label == "ORG" else None
        if c is not None and out and out[-1].end > c.start():
            prev = out[-1]
            if (
                prev.label == "ORG"
                and prev.entity is None
                and prev.end == c.start() + 4
                and prev.start < c.start()
            ):
                # "Information Department of the C.C., the Anti-Imperialist National Democratic Front"
                out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "ORG", None, "pattern")
                continue
            c = None
        if c is not None:
            ent = "wpk-cc" if m.entity == "wpk" else None
            m = Mention(c.start(), m.end, text[c.start() : m.end], "ORG", ent, "alias" if ent else "pattern")
        out.append(m)
    return out


_HOME = {"kp", "korea", "wpk", "wpk-cc", "kpa"}


def _extend_of(text: str, found: list[Mention], kb: KB, tail_only: bool = False) -> list[Mention]:
    """'Foreign Ministry of Russia', 'Central Committee of the Communist Party of Vietnam': a known
    organisation followed by 'of' and another name is one, longer name (someone else's, unless the tail
    is the DPRK's own). With ``tail_only`` (after the unknown names are found), any organisation whose
    name ends in its head word or number takes the tail: 'Pioneer Party of Indonesia', 'Unit 813 of KPA'
    (but not 'University of Mexico of the United States')."""
    out: list[Mention] = []
    i = 0
    while i < len(found):
        m = found[i]
        j = i
        last = m.text.rsplit(" ", 1)[-1]
        medium = kb.is_medium(m.entity)  # ("ITAR-TASS of Russia": a medium and its country)
        if m.label == "ORG" and not medium and (not tail_only or last in kb.org_heads or last.isdigit()):
            end, ent = m.end, m.entity
            while j + 1 < len(found):
                t = _OF_TAIL.match(text, end)
                nxt = found[j + 1]
                if t is None or nxt.start != t.end() or nxt.label not in ("ORG", "PLACE"):
                    break
                if re.match(r" [A-Z][a-z]", text[nxt.end : nxt.end + 3]) and not _OF_TAIL.match(
                    text, nxt.end
                ):
                    break  # "Central Committee of the Bangladesh Communist Party": the name goes on
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
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, mentions: list[Mention]) -> None:
        self.spans = sorted([*self.spans, *((m.start, m.end) for m in mentions)])
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def near(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that may overlap [start, end) (bisected on their starts)."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return self.spans[lo:hi]

    def inside(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [(a, b) for a, b in self.spans[lo:hi] if b <= end]

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.near(start, end))

    def free_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        parts, pos = [], start
        for s, e in self.near(start, end):
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
    m = _QUALIFIER_BEFORE.search(text[max(0, start - 30) : start])
    if not m or kb.is_medium(eid):
        return start, eid  # ("the Russian ITAR-TASS": a medium's nationality describes it, the medium is one)
    word = m.group(1)
    if word in kb.stopwords or word in ("The", "A", "An") or word in kb.surface:
        return start, eid
    if word.endswith(("an", "ese", "ish", "ian", "ic", "i")):  # a nationality adjective
        return start - len(word) - 1, None
    return start, eid


# what follows a title that does not stand alone: a name ("General Secretary Kim Jong Un", "el Mariscal
# camarada Kim Jong Un"), or what it is the title of ("the President of Cuba", "el Presidente del Consejo")
_NOT_ALONE = re.compile(r"\s*(?:Comrade\s+|camarada\s+)?[A-Z]|\s+of\b|\s+for\b|\s+del?\b|-|,\s+[a-z]")


def demonym_after(after: str, kb: KB) -> bool:
    """A title followed by a nationality in lower case, as Spanish writes it ("el Presidente ruso", "el
    Presidente guatemalteco"): someone else's title. The word starts as a country of the gazetteer does
    (four letters, accents folded) and ends as a demonym does, or the packs' demonym table holds it
    ("ruso")."""
    m = _LOWER_WORD.match(after)
    if m is None:
        return False
    word = fold_accents(m.group(1))
    if word in _SPANISH_FUNCTION_WORDS:
        return False  # ("para" is no Paraguayan, "como" no Comorian)
    if kb.cues_re is not None and kb.cues_re.fullmatch(m.group(1)):
        return False  # ("el Dirigente indico las tareas": a verb of saying, no Indian)
    starts = kb.rx(
        "country-starts",
        lambda: (
            "(?:"
            + "|".join(
                sorted(
                    {
                        re.escape(fold_accents(n)[:4].lower())
                        for e in kb.entities.values()
                        if e.subtype == "country"
                        for n in (e.name, *e.aliases)
                        if len(n) >= 4 and n[:1].isupper()
                    }
                )
            )
            + ")"
        ),
    )
    return word in kb.demonyms or (starts.match(word) is not None and word.endswith(_DEMONYM_ENDINGS_ES))


_LOWER_WORD = re.compile(r"\s+([a-záéíóúñü]{4,})\b")
_SPANISH_FUNCTION_WORDS = frozenset({"para", "como", "esta", "este", "esto", "estas", "estos"})
_DEMONYM_ENDINGS_ES = ("o", "a", "os", "as", "ense", "enses", "es", "esa", "i", "ies")


def _titles(text: str, published: str, kb: KB, taken: _Taken) -> list[Mention]:
    """A leader's title standing alone ("the respected Marshal" -> "Marshal"), resolved by date."""
    if kb.titles_re is None:
        return []
    out = []
    for m in blind_finditer(kb.titles_re, kb.titles_lower_re, text, text.lower()):
        start, end = m.span("title")
        title = text[start:end]
        if taken.overlaps(start, end):
            continue
        after = text[end : end + 40]
        if _NOT_ALONE.match(after) or demonym_after(after, kb):
            continue  # "General Secretary Kim Jong Un", "the President of Cuba": not standing alone
        before = text[max(0, start - 40) : start]
        lead = kb.title_epithets_re.search(before) if kb.title_epithets_re is not None else None
        rest = before[: lead.start()] if lead else before
        if _SOMEONE_ELSES.search(rest) and not lead:
            continue  # "U.S. President", "KPA Vice Marshal", "Cuba's President": someone else's title
        if lead is None and not re.search(r"(?:^|[\n:\"“(])\s*$", before):
            continue  # a bare capitalised title inside a sentence is not clearly the leader
        for t in kb.titles.get(title.lower(), []):
            if not (title == t.title or t.any_case):
                continue
            if (t.start and published < t.start) or (t.end and published > t.end):
                continue
            out.append(Mention(start, end, title, "PERSON", t.entity, "title"))
            break
    return out


def _title_case(title: str) -> bool:
    words = [w for w in title.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# an abbreviated title longer than the run of capitals takes in ("Prof.", "Capt."), right before a name
_LONG_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]{3,4}\. $")


_LOWER_RUN = re.compile(r"[a-z]*")


def _glued_firsts(kb: KB) -> frozenset:
    """The first words of the packs' person names of three words or more (the names a glued end may hide)."""
    firsts = kb.compiled.get("glued-firsts")
    if firsts is None:
        firsts = kb.compiled["glued-firsts"] = frozenset(
            s.split(" ", 1)[0]
            for s, (label, _, _) in kb.surface.items()
            if label == "PERSON" and s.count(" ") >= 2
        )
    return firsts


def _glued_at_end(text: str, start: int, end: int, kb: KB) -> Mention | None:
    """A multi-word person name of the packs opening the run, its last word glued to the next word by a
    scraping defect (kcna.kp: "Kim Jong Unsaid", "Kim Il Sungand")."""
    if kb.glued_re is None:
        return None
    g = kb.glued_re.match(text, start, end)
    if g is None or g.end() >= end or not text[g.end()].islower():
        return None
    glued = _LOWER_RUN.match(text, g.end()).group()
    if len(glued) < 2 or glued not in kb.common_words:
        return None  # ("Kim Yong Sun" is not "Kim Yong Su" and an "n")
    label, eid, method = kb.surface[g.group()]
    return Mention(g.start(), g.end(), g.group(), label, eid, method)


def _unknown(text: str, kb: KB, taken: _Taken, title_case_end: int, glue: bool) -> tuple[list[Mention], set]:
    """Unknown names, and the known mentions they swallow. In a Title Case headline (``title_case_end``
    > 0) every word is capitalised, so only name shapes that do not rely on capitals being rare (Korean
    names, head words) are used there."""
    out: list[Mention] = []
    replaced: set[tuple[int, int]] = set()
    stopwords = kb.stopwords
    glued_firsts = _glued_firsts(kb)
    for m in _CAPSEQ.finditer(text):
        if m.group() in stopwords:
            continue  # a lone stopword ("The", "He": a fifth of the sequences) is no name
        strict = m.start() < title_case_end
        space = text.find(" ", m.start(), m.end())
        glued_end = (
            _glued_at_end(text, m.start(), m.end(), kb)
            if space > 0 and text[m.start() : space] in glued_firsts
            else None
        )
        if glued_end is not None:
            # "Kim Jong Unsaid", "Kim Jong Unexpressed deep thanks": a known name glued to the word after it
            out.append(glued_end)
            rest = text.find(" ", glued_end.end, m.end())
            if rest > 0:
                out.extend(_classify_span(text, rest + 1, m.end(), kb, strict=strict))
            continue
        prev_head_first = None
        parts = _split_and(text, m.start(), m.end(), kb)
        for start, end in _unglued(text, parts, taken) if glue else parts:
            inner = taken.inside(start, end)
            if prev_head_first:
                words = text[start:end].split()
                if not inner and 1 <= len(words) <= 3 and words[0] not in kb.stopwords:
                    # "Restaurantes Okryu y Chongryu": the second name shares the head of the first
                    out.append(Mention(start, end, text[start:end], prev_head_first, None, "pattern"))
                    prev_head_first = None
                    continue
            prev_head_first = None
            if len(parts) > 1 and text[start:end].split(" ", 1)[0] in kb.head_first:
                prev_head_first = _label_by_head(text[start:end].split(), kb)
            titled = _titled_outer(text, start, end, inner, kb) if inner and not strict else None
            if titled is not None:
                out.extend(titled[0])
                replaced.update(titled[1])
                continue
            outer = _outer_name(text, start, end, inner, kb, strict) if inner else None
            if outer is not None:
                out.append(outer)
                replaced.update(x for x in inner if x[1] <= outer.end)
                if outer.end + 1 < end and text[outer.end] == " " and not strict:
                    # (a name the body's name stops before: "... Party of Sri Lanka Ranjith Perera")
                    rest = _classify_span(text, outer.end + 1, end, kb)
                    holder = text[outer.end + 1 : end].split()
                    if not rest and 2 <= len(holder) <= 4 and _uncommon_name(holder, kb):
                        rest = [
                            Mention(outer.end + 1, end, text[outer.end + 1 : end], "PERSON", None, "pattern")
                        ]
                    out.extend(rest)
                continue
            for s, e in taken.free_parts(start, end):
                if strict and any(b in (s, s - 1) for _, b in taken.near(s - 1, s + 1)):
                    nxt = text.find(
                        " ", s + 1, e
                    )  # "Kim Jong Un Tours Farm": the word after the subject is a verb
                    if nxt < 0:
                        continue
                    s = nxt + 1
                found = _classify_span(text, s, e, kb, strict=strict)
                if strict:
                    # ("Kim Jong Il's Work Off Press in Peru": a verb's particle, no name's word)
                    found = [x for x in found if not _HEADLINE_PARTICLE.search(x.text)]
                if not found and not strict:
                    found = _acting_body(text, s, e, kb)
                if not found and not strict:
                    title = _LONG_ABBREVIATION_BEFORE.search(text, max(0, s - 8), s)
                    if title and title.group().rstrip() in kb.person_titles:
                        # "Prof. Narihiko Ito": a title the run of capitals stopped at, its dot
                        found = [x for x in _classify_span(text, title.start(), e, kb) if x.start >= s]
                out.extend(found)
    if "al-" in text or "el-" in text:
        out.extend(_article_names(text, kb, taken, out))
    return out, replaced


# a verb's particle in a Title Case headline, never a word of a name there ("Work Off Press", "Book Out")
_HEADLINE_PARTICLE = re.compile(r"(?<![\w-])(?:Off|Out|Up|Down|Away)(?![\w-])")
# a name opening with an Arabic article in lower case, which no run of capitals starts with: "al-Thawra",
# "al-Quds al-Arabi"
_ARTICLE_NAME = re.compile(r"(?<![\w'’.-])(?:al|el)-[A-Z][\w'’-]*(?: (?:(?:al|el)-)?[A-Z][\w'’-]*)*")


def _medium_before(kb: KB) -> re.Pattern:
    """A medium's noun of the packs (paper, daily, agency, radio ...) right before a name."""
    return kb.rx(
        "medium-noun-before",
        lambda: (
            r"\b(?:"
            + "|".join(
                map(
                    re.escape,
                    sorted(kb.media_nouns | kb.broadcast_nouns | {"channel"}, key=len, reverse=True),
                )
            )
            + r")\s+$"
        ),
    )


def _article_names(text: str, kb: KB, taken: _Taken, found: list[Mention]) -> list[Mention]:
    """Names opening with a lower-case Arabic article after a medium ("local daily al-Thawra reported": an
    organisation) or a role ("spokesman al-Makdissi": a person)."""
    out = []
    for m in _ARTICLE_NAME.finditer(text):
        start, end = m.span()
        if taken.overlaps(start, end) or any(x.start < end and start < x.end for x in found):
            continue
        end -= len(m.group()) - len(m.group().removesuffix("'s").removesuffix("’s"))
        before = text[max(0, start - 30) : start]
        if _medium_before(kb).search(before):
            label = "ORG"
        elif kb.role_before_re is not None and kb.role_before_re.search(before):
            label = "PERSON"
        else:
            continue
        out.append(Mention(start, end, text[start:end], label, None, "pattern"))
    return out


# a name with no head word, known by what it does as the sentence's subject: "The Joint Conference of
# Political Parties and Civic and Social Organizations of south Korea at a press conference on Feb. 17
# declared ...", "The People for Achieving Peace and Reunification of south Korea on March 28 accused ..."
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?\n]\s*|\s{2,})(?:The\s+)?$")
ACTING_BODY_AFTER = re.compile(
    r"(?P<place>\s+(?:of|in)\s+(?:south|north)\s+Korea)?"
    r"(?:\s+(?:at|in|through)\s+(?:a|an|its)\s+[\w-]+(?:\s+[\w-]+)?)?"
    r"(?:\s+(?:on\s+)?(?:" + WEEKDAY + r"|" + _MONTH_WORD + r"[a-z]*\.?\s+\d{1,2}|today|yesterday))?"
    r"\s+(?:said|says|issued|issues|released|published|posted|sent|held|accused|urged|called|denounced|"
    r"condemned|declared|claimed|stated|announced|staged|launched|made public|slammed|blasted|demanded|"
    r"warned|argued|noted|stressed|asserted|insisted|expressed|pointed|underlined|emphasized|voiced|hailed|"
    r"praised|lauded|supported|opposed|welcomed|organized|protested|observed|sponsored|"
    # (a medium reporting: "Voice of Russia on March 24 made a report ... it said")
    r"reported|aired|broadcast|made\s+a\s+report|carried|introduced|"
    r"sneered|deplored|branded|charged|criticized|censured|flayed|ridiculed|disclosed|revealed|recalled)\b"
)


def _acting_body(text: str, start: int, end: int, kb: KB) -> list[Mention]:
    lead = _THE.match(text, start, end)
    if lead:
        start = lead.end()
    words = text[start:end].split()
    if len(words) < 4 or not any(w in ("of", "for", "and") for w in words[1:-1]):
        return []
    if (
        any(not w[:1].isupper() and w.lower() not in kb.connectors for w in words)
        or words[-1] in kb.connectors
    ):
        return []
    if words[0] in kb.stopwords or not _SENTENCE_OPENS.search(text, 0, start):
        return []
    if any(w in kb.person_titles for w in words) or (words[1] == "of" and words[0].endswith("s")):
        return []  # "Lebanese Minister of Energy ... Gebran Bassil", "Members of the ... Party"
    after = ACTING_BODY_AFTER.match(text, end)
    if after is None:
        return []
    stop = after.end("place") if after.group("place") else end
    return [Mention(start, stop, text[start:stop], "ORG", None, "pattern")]


def _unglued(text: str, parts: list[tuple[int, int]], taken: _Taken) -> list[tuple[int, int]]:
    """Cut capitalised sequences at a name glued to its neighbours ('General SecretaryKim Jong Unvisited
    Changsong Restaurant'): the words on each side are separate sequences."""
    out = []
    for start, end in parts:
        pos = start
        for a, b in taken.inside(start, end):
            if a < pos:
                continue
            glued = (a > start and text[a - 1].isalpha()) or (b < end and text[b].isalpha())
            if glued:
                if a > pos:
                    out.append((pos, a))
                nxt = _REST_OF_WORD.match(text, b)
                out.append((a, b))
                pos = nxt.end() if nxt else end
        if pos < end:
            out.append((pos, end))
    return out


def _both(left: str, right: str, kb: KB) -> bool:
    """Both sides of ' and ' are names of their own ('... Committee for the Study of the Juche Idea and the
    Latin American Institute of the Juche Idea')."""
    lw = left.split()
    rw = [w for w in right.split() if w not in ("the", "The")]
    if right.split()[:1] != ["the"] and len(lw) >= 3 and lw[-1].endswith("s") and lw[-1] not in kb.org_heads:
        return False  # "... of the National Democratic Youths and Students League": one name, people joined
    return (
        len(lw) >= 2
        and len(rw) >= 2
        and _label_by_head(lw, kb) is not None
        and _label_by_head(rw, kb) is not None
    )


def _titled_pair(left: str, right: str, kb: KB) -> bool:
    """'Finnish Foreign Minister Erkki Tuomioja and Swedish Foreign Minister Carl Bildt': a title on both
    sides of ' and ', each followed by a name: two people."""
    lw, rw = left.split(), right.split()
    return (
        any(w in kb.person_titles for w in lw[:-1])
        and any(w in kb.person_titles for w in rw[:-1])
        and lw[-1] not in kb.person_titles
        and rw[-1] not in kb.person_titles
        and lw[-1] not in kb.org_heads
        and rw[-1] not in kb.org_heads
    )


def _and_the_body(left: str, right: str, kb: KB) -> bool:
    """'New Communist Party of Britain and the Korean Friendship Association UK': a body's name, then
    "and the" and another name with a head word of its own in it: two bodies."""
    rw = right.split()
    return (
        len(rw) >= 3
        and rw[0] == "the"
        and _label_by_head(left.split(), kb) == "ORG"
        and any(w in kb.org_heads for w in rw[1:])
    )


def _known_and_the(left: str, right: str, kb: KB) -> bool:
    """'Kim Il Sung and the Kuwait-DPRK Friendship Association', 'KAPPC and the Hyundai Group', 'Indonesian
    Democratic Party of Struggle and the WPK': a whole side the packs know, then "and the" and a name: two
    names."""
    if not right.startswith("the ") or not right[4:5].isupper():
        return False
    return kb.surface.get(left) is not None or kb.surface.get(right[4:]) is not None


def _plurals_joined(left: str, right: str, kb: KB) -> bool:
    """'... of Political Parties and Civic and Social Organizations', '... of Workers, Peasants and Students':
    two plurals joined inside what a body is "of" or "for" (the right side no name of its own)."""
    lw = left.split()
    rw = _OF_FOR_IN.split(right, maxsplit=1)[0].split()
    return (
        (" of " in left or " for " in left)
        and len(lw) >= 3
        and lw[-1].endswith("s")
        and bool(rw)
        and rw[0] not in ("the", "The")
        and rw[0] not in kb.org_heads
        and rw[-1].endswith("s")
        and not rw[-1].endswith("ss")
    )


def _two_people(left: str, right: str, text: str, end: int, kb: KB) -> bool:
    """'Ranjith Perera and Kumar Silva spoke': two personal names no pack knows (none of their words one the
    news writes in lower case) before what a person does."""
    lw, rw = left.split(), right.split()
    return (
        2 <= len(lw) <= 4
        and 2 <= len(rw) <= 4
        and _PERSON_DOES.match(text, end) is not None
        and _uncommon_name(lw, kb)
        and _uncommon_name(rw, kb)
    )


def _split_and(text: str, start: int, end: int, kb: KB) -> list[tuple[int, int]]:
    """Split 'Textile Mill and Foreign Ministry' (two names) but not 'Song and Dance Ensemble' (one):
    at ' and ' when the words before it end in a head word or a number."""
    parts, pos = [], start
    if " and " not in text[start:end] and " y " not in text[start:end]:
        return [(start, end)]
    for m in _AND.finditer(text[start:end]):
        cut = start + m.start()
        last = text[pos:cut].rsplit(" ", 1)[-1]
        nxt = text[start + m.end() : end].split(" ", 1)[0]
        first = text[pos:cut].split(" ", 1)[0]
        head_first = nxt in kb.head_first or first in kb.head_first
        if _plurals_joined(text[pos:cut], text[start + m.end() : end], kb):
            continue  # "Joint Conference of Political Parties and Civic and Social Organizations": one name
        if (
            last in kb.org_heads
            or last in kb.place_heads
            or last.isdigit()
            or head_first
            or _both(text[pos:cut], text[start + m.end() : end], kb)
            or _titled_pair(text[pos:cut], text[start + m.end() : end], kb)
            or _and_the_body(text[pos:cut], text[start + m.end() : end], kb)
            or _known_and_the(text[pos:cut], text[start + m.end() : end], kb)
            or _two_people(text[pos:cut], text[start + m.end() : end], text, end, kb)
        ):
            parts.append((pos, cut))
            pos = start + m.end()
            if text.startswith("the ", pos):
                pos += 4
    parts.append((pos, end))
    return parts


# words for a medium's service after its name ("Kyodo News Service", "CNN TV"); a paper's word makes another
# paper's name ("Chosun" + "Sinbo" is not the Chosun Ilbo)
_SERVICE_WORDS = frozenset(
    [
        "News",
        "Service",
        "TV",
        "Network",
        "Agency",
        "Radio",
        "Television",
        "Channel",
        "Broadcasting",
        "Website",
        "Online",
    ]
)


def _outer_name(text: str, start: int, end: int, inner, kb: KB, strict: bool) -> Mention | None:
    """'Kim Jong Suk Pyongyang Textile Mill', 'KPA Unit 318': a capitalised name around known names whose
    head word makes it an organisation or a place. Longest name wins."""
    if (start, end) in inner:
        return None  # the whole run is a known name (the common case: decided before any work)
    toks = _tokens(text, start, end)
    words = [text[a:b] for a, b in toks]
    while (
        words
        and (
            words[0] in kb.stopwords
            or words[0].lower() in kb.connectors
            # ("On April 6 the Tokyo Electric Power Company": a day's number opens no name, unless the name is
            # named for the date, "April 25 Sports Team", which the month keeps)
            or (words[0].isdigit() and len(words) > 1 and not words[1][:1].isupper())
            or (words[0] == "the" and len(words) > 1)
        )
    ):
        words.pop(0)
        toks.pop(0)
    while words and (
        words[-1].lower() in kb.connectors or words[-1] in kb.stopwords or words[-1] + "." in kb.stopwords
    ):
        words.pop()
        toks.pop()
    if words and words[-1].endswith(_POSSESSIVE) and words[-1][:-2] in kb.org_heads:
        # "the Sri Lanka Communist Party's report": the name's head word without its possessive
        words[-1] = words[-1][:-2]
        toks[-1] = (toks[-1][0], toks[-1][1] - 2)
    if not strict and len(words) >= 4:
        # "Communist Party of Sri Lanka Ranjith Perera said": a place ending the body's name, then its
        # office-holder's name (a personal name no pack knows), which is no part of the name
        for k in range(len(toks) - 2, 0, -1):
            if (toks[k - 1][0], toks[k - 1][1]) in inner or any(
                a < toks[k][0] and b == toks[k - 1][1] for a, b in inner
            ):
                place_end = toks[k - 1][1]
                if (
                    (kb.surface.get(text[min(a for a, b in inner if b == place_end) : place_end]) or ("",))[0]
                    == "PLACE"
                    and 2 <= len(words) - k <= 4
                    and _uncommon_name(words[k:], kb)
                ):
                    words, toks = words[:k], toks[:k]
                break
    if len(words) < 2 or any(
        (w.lower() in _FUNCTION_WORDS and w.lower() not in kb.connectors) or w in _MONTHS for w in words
    ):
        return None
    s, e = toks[0][0], toks[-1][1]
    if any(a < s or b > e for a, b in inner) or (s, e) in inner:
        return None
    bounds = {a for a, _ in toks} | {b for _, b in toks}
    if not strict:
        # "Committee for Supporting Korea's Reunification", "Society for ... Kim Jong Il's Works": a known
        # name with a possessive inside what a body is "for" or "of" (not "Syria's Baath Arab Socialist
        # Party", where the possessive opens the run)
        bounds |= {
            b - 2
            for i, (a, b) in enumerate(toks)
            if text.endswith(_POSSESSIVE, a, b) and any(w in ("for", "of") for w in words[:i])
        }
    if text.find("-", s, e) >= 0 or text.find("－", s, e) >= 0:
        dashes = [i for i in range(s, e) if text[i] in "-－"]
        bounds |= set(dashes) | {i + 1 for i in dashes}
    if any(a not in bounds or b not in bounds for a, b in inner):
        return None  # a name glued to its neighbours ('SecretaryKim Jong Unvisited') is no part of another
    label = _label_by_head(words, kb)
    if label is None:
        return None
    known = kb.surface.get(text[inner[0][0] : inner[0][1]]) if len(inner) == 1 and inner[0][0] == s else None
    extra = text[inner[0][1] : e].split() if known is not None else []
    if (
        label == "ORG"
        and known is not None
        and kb.is_medium(known[1])
        and 1 <= len(extra) <= 2
        and all(w in _SERVICE_WORDS for w in extra)
    ):
        # "Kyodo News Service", "CNN TV", "Xinhua Network": a medium the packs know, a word of its kind after
        # it: the medium's whole name, the known entity
        return Mention(s, e, text[s:e], "ORG", known[1], "extended")
    head_i = 0 if words[0] in kb.head_first else _head_index(words)
    if label == "PLACE" and words[head_i] in _LOCATED and head_i + 1 < len(words):
        return None  # "Sevastopol City of Russia": a place and where it lies, two names
    ha, _hb = toks[head_i]
    head_inner = [(a, b) for a, b in inner if a <= ha < b]
    if head_inner and not (
        label == "ORG"
        and head_inner[0][0] == s
        and text.startswith(" of ", head_inner[0][1])
        and not kb.is_medium((kb.surface.get(text[head_inner[0][0] : head_inner[0][1]]) or ("", None))[1])
    ):
        return None  # the head word belongs to a known name: "Kim Il Sung Square" is known already
    # ("Central Committee of the Bangladesh Communist Party": a known head, but someone else's body)
    if strict and any(text[a:b].count(" ") >= 1 for a, b in inner):
        return None  # Title Case headline: "Kim Jong Un Tours Farm" is a sentence, not a name
    for suf in _POSSESSIVE:
        if text[s:e].endswith(suf):
            e -= len(suf)
    if not _distinguished(words, kb):
        return None
    opener = None if strict else _opener(text, toks[0][0], kb)
    if opener is not None:
        s = opener
    return Mention(s, e, text[s:e], label, None, "pattern")


_LOCATED = frozenset(
    ["City", "County", "Province", "District", "Town", "Village", "Street", "Region", "Area"]
)
_MONTHS = frozenset(
    str.split("January February March April May June July August September October November December")
)


def _opener(text: str, start: int, kb: KB) -> int | None:
    """'Korean Jurists Committee', 'Supreme Council of the Party': a word that is a stopword alone (it starts
    sentences and titles) but opens a name when one follows; returns where the name then starts."""
    if not kb.name_openers:
        return None
    m = _OPENER.search(text[max(0, start - 40) : start])
    if m is None:
        return None
    words = m.group(1).split()
    while words and words[0] not in kb.name_openers:
        words.pop(0)
    if not words or any(w not in kb.name_openers for w in words):
        return None
    return start - len(" ".join(words)) - 1


def _demonym(word: str, kb: KB) -> bool:
    w = word.split("-")[-1].split("－")[-1]
    return (
        word not in kb.surface
        and len(w) > 3
        and (
            w.endswith(("an", "ese", "ish"))
            or (w.endswith("i") and len(w) >= 6 and (_place(w[:-1], kb) or _place(w[:-1] + "a", kb)))
            or w in kb.demonyms
        )
        and w[:1].isupper()
    )  # ("Pakistani", "Bangladeshi": a country before the "i"; not "Mainichi", "Gilani")


def state_demonym(word: str, kb: KB) -> bool:
    """A demonym of a state the gazetteer holds ("Lebanese", "Korean": its first four letters open a word of
    a country's name), or one of the packs' table; not a name that only ends as one does ("Gebran")."""
    if not _demonym(word, kb):
        return False
    stems = kb.compiled.get("country-stems")
    if stems is None:
        stems = kb.compiled["country-stems"] = frozenset(
            w[:4]
            for e in kb.entities.values()
            if e.type == "PLACE" and e.subtype == "country"
            for f in (e.name, *e.aliases)
            for w in f.split()
            if len(w) >= 4
        )
    w = word.split("-")[-1].split("－")[-1]
    return w in kb.demonyms or w[:4] in stems


def _place(word: str, kb: KB) -> bool:
    return (kb.surface.get(word) or ("",))[0] == "PLACE"


_AFTER_THE = re.compile(r"\b[Tt]he\s+$")
_MID_SENTENCE = re.compile(r"[a-z,] $")
_CAPITALISED_WORD_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w'’-]* $")  # (not a sentence's last word)
_SPANISH_OF_BEFORE = re.compile(r"\bde(?:l| la)?\s+$")


def _mononym(word: str, kb: KB) -> bool:
    """A word that can be a one-word personal name ('Vishwanath', 'Hashimoto'): capitalised, lower-case
    after its first letter (no acronym), no stopword, head word, demonym or adverb ('Earlier', 'Recently')."""
    return (
        len(word) >= 4
        and word[:1].isupper()
        and word[1:].replace("-", "").isalpha()
        and word[1:].replace("-", "").islower()
        and word not in kb.stopwords
        and word not in kb.org_heads
        and word not in kb.place_heads
        and word not in kb.generic_words
        and word not in kb.person_titles
        and not word.endswith("ly")
        and not _demonym(word, kb)
    )


def _distinguished(words: list[str], kb: KB) -> bool:
    """A name that opens with a nationality ('Brazilian Committee for Solidarity with the DPRK') needs a
    word of its own; 'Romanian Political Party' or 'Peruvian Organization' only describe."""
    if not words or not _demonym(words[0], kb):
        return True
    rest = [w for w in words[1:] if w.lower() not in kb.connectors and not _demonym(w, kb)]
    return any(w not in kb.org_heads and w not in kb.place_heads and w not in kb.generic_words for w in rest)


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [t.span() for t in _TOKEN.finditer(text, start, end)]


# a month and a day opening a name ("April 25 Sports Team", "June 15 All-Korean Committee")
_MONTH_DAY = re.compile(MONTH + r" (?:[1-9]|[12]\d|3[01])")


def _classify_span(text: str, start: int, end: int, kb: KB, strict: bool = False) -> list[Mention]:
    toks = _tokens(text, start, end)
    words = [text[s:e] for s, e in toks]
    # trim connectors, stopwords and digits at both ends; possessives at the end
    while words and (
        words[0] in kb.stopwords or words[0].lower() in kb.connectors or not words[0][0].isupper()
    ):
        if words[0] in kb.person_titles and len(words) > 1 and words[1] not in kb.stopwords:
            break  # "President Obiang Nguema Mbasogo": the title tells a person follows
        if (
            not strict
            and 2 <= len(words) <= 3
            and _MID_SENTENCE.search(text, max(0, toks[0][0] - 2), toks[0][0])
            and _system_name(words, kb) == 0
        ):
            break  # "Vice-manager of a company He Ying", ", He Guoqiang": mid-sentence, a surname, not "He"
        if (
            len(words) >= 4
            and _MONTH_DAY.fullmatch(" ".join(words[:2]))
            and words[2][:1].isupper()  # ("On July 9 the Intelligence Service said": a date opener)
            and words[2] not in kb.head_first  # ("the April 25 Hotel Kim Yong Hui": the hotel, then a name)
            and _label_by_head(words[2:], kb) is not None
        ):
            break  # "April 25 Sports Team", "June 15 All-Korean Committee": a date names the body
        words.pop(0)
        toks.pop(0)
    while words and (
        words[-1] in kb.stopwords
        or words[-1] + "." in kb.stopwords
        or words[-1].lower() in kb.connectors
        or words[-1].isdigit()
    ):
        if words[-1].isdigit() and len(words) >= 2 and words[-2] in ("Unit", "No.", "No"):
            break
        if (
            len(words) >= 3
            and words[-2] in ("of", "for")
            and words[-1][:1].isupper()
            and len(words[-1]) > 4
            and not re.match(_MONTH_WORD, words[-1])
        ):
            break  # "Group for the Study of Kimilsungism-Kimjongilism", "Institute of Juche": the name's end
        if (
            len(words) >= 3
            and words[-3] in kb.surnames
            and len(words[-1]) <= 3
            and (words[-1] not in _NOT_LAST_SYLLABLE or _final_a(text, words[-1], toks[-1][1]))
        ):
            break  # "Jo Yon Jun", "Ri Myong Su": the last syllable of a Korean name, not "Jun." or "su"
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
    if len(words) >= 3 and kb.rx(
        "role-de-before", lambda: r"\b(?:" + kb.head_first_titles() + _ROLE_DE_AFTER
    ).search(text, max(0, start - 50), start):
        # "el ministro de Cultura An Tong Chun", "el director de la Escuela Revolucionaria de Mangyongdae O
        # Ryong Thaek": after a Spanish office and its "de", the body's name, then the holder's Korean name
        for j in range(1, len(words) - 1):
            if words[j] not in kb.surnames or words[j - 1].lower() in kb.connectors:
                continue
            name = _korean_name(text, toks[j:], words[j:], kb, strict)
            if len(name) == 1 and name[0].end == end:
                return _classify_span(text, toks[0][0], toks[j - 1][1], kb, strict) + name
    # a person title inside: "Mexican President Enrique Pena Nieto" -> the person after it
    for i in range(len(words) - 1):
        n = _title_width(words, i, kb, not strict)
        if n and i + n < len(words):
            tail = _titled_tail_name(text, toks, words, i + n, end, kb, strict)
            if tail:
                return tail
            rest = toks[i + n :]
            head = _classify_span(text, rest[0][0], rest[-1][1], kb, strict)
            if strict:
                return head
            if head and head[0].label != "PERSON" and head[0].start == rest[0][0]:
                return head
            person = _person_after_title(text, rest, kb)
            if person and _title_opens_a_name(words, i, n, person[0], kb):
                break  # ("General Political Department of ...", "General Machinery Plant": a body's name)
            if not person and not head:
                other = _system_name(words, kb)  # "Minister of Industry and Commerce Vu Huy Hoang"
                if other is not None:
                    return [
                        Mention(toks[other][0], end, text[toks[other][0] : end], "PERSON", None, "pattern")
                    ]
            return person or head
    korean = _korean_name(text, toks, words, kb, strict)
    if korean:
        return korean
    if len(words) == 4 and words[1] in kb.surnames and words[0] not in kb.surface and not strict:
        # "Chief Jo Il Min and staff members": a word of rank KCNA writes before a Korean name, which no
        # pack lists as a title; the name is the three words after it
        name = _korean_name(text, toks[1:], words[1:], kb, strict)
        if len(name) == 1 and name[0].end == end and len(name[0].text.split()) == 3:
            return name
    if "and" in words and not strict:
        k = words.index("and")  # "Cui Tongjun and Wang Shuli": two names of another naming system
        if _system_name(words[:k], kb) == 0 and _system_name(words[k + 1 :], kb) == 0:
            a, b = toks[k - 1][1], toks[k + 1][0]
            return [
                Mention(start, a, text[start:a], "PERSON", None, "pattern"),
                Mention(b, end, text[b:end], "PERSON", None, "pattern"),
            ]
    other = _system_name(words, kb)
    if other is not None:
        # "Lin Gennan", "Minister of Industry and Commerce Vu Huy Hoang": a name of another naming system
        # ends the run; the words before it (if any) are its title
        return [Mention(toks[other][0], end, text[toks[other][0] : end], "PERSON", None, "pattern")]
    label = _label_by_head(words, kb) if len(words) >= 2 else None
    if (
        label is None
        and not strict
        and kb.person_roles_re is not None
        and 2 <= len(words) <= 7
        and kb.person_roles_re.match(text, end)
        and all(w[:1].isupper() for w in words)
        and not _AFTER_THE.search(text, max(0, start - 5), start)
        and not (
            _SPANISH_OF_BEFORE.search(text, max(0, start - 5), start)
            and all(w.lower() in kb.common_words or w.lower() in kb.connectors for w in words)
        )  # ("director de Defensa Nacional, vicepremier del ...": a portfolio, then the next office)
    ):  # "Juan Perez, the Peruvian ambassador"; but "in the Gaza Strip, the Chinese representative said" ends
        # a clause
        label = "PERSON"
        heads = [i for i, w in enumerate(words[:-2]) if w in kb.org_heads]
        if heads and 2 <= len(words) - heads[-1] - 1 <= 4:
            # "(All-China) Journalists Association Zhang Xinxin, chief editor of ...": a body, then its person
            k = heads[-1]
            body = _classify_span(text, start, toks[k][1], kb, strict)
            return [m for m in body if m.label != "PERSON"] + [
                Mention(toks[k + 1][0], end, text[toks[k + 1][0] : end], "PERSON", None, "pattern")
            ]
    if (
        label is None
        and not strict
        and kb.role_before_re is not None
        and 2 <= len(words) <= 4
        and all(w[:1].isupper() and w not in kb.org_heads and w not in kb.place_heads for w in words)
        and kb.role_before_re.search(text, max(0, start - 40), start)
    ):
        label = "PERSON"  # "Former Mossad chief Meir Dagan": a name right after a role noun
    if (
        label is None
        and not strict
        and kb.role_before_re is not None
        and len(words) == 1
        and _mononym(words[0], kb)
        and words[0].lower() not in kb.common_words
        and words[0] not in kb.surnames  # (a Korean surname alone is a short form: _short_names)
        and kb.rx("cue-after", lambda: r",?\s+" + kb.cue_alt + r"\b").match(text, end)
        and _role_before_one_word(text, start, kb)
    ):
        label = "PERSON"  # "the Japanese minister Sakamoto said", "el diputado japones Sakamoto dijo"
    if (
        label is None
        and not strict
        and kb.role_of_comma_re is not None
        and 2 <= len(words) <= 4
        and all(
            w[:1].isupper()
            and w not in kb.org_heads
            and w not in kb.place_heads
            and w not in kb.stopwords
            and w not in kb.person_titles
            and not w.endswith(("'s", "’s"))
            and not (len(w) > 2 and w.endswith("."))
            for w in words
        )
        and words[-1].lower() not in kb.common_words  # (a list's next item: "Agriculture, Animal Husbandry")
        and _NAME_CLOSES.match(text, end)
        and (
            kb.role_of_comma_re.search(text, max(0, start - 120), start)
            or _national_title_comma(text, start, kb)
        )
    ):
        # "the prime minister of Togo, Gilbert Fossoun Houngbo,", "al premier de la Republica Togolesa,
        # Gilbert Fossoun Houngbo.": a name in apposition after an office and what it is the office of
        label = "PERSON"
    if (
        label is None
        and not strict
        and len(words) == 1
        and kb.person_role_of_re is not None
        and _mononym(words[0], kb)
        and kb.person_role_of_re.match(text, end)
        and not _AFTER_THE.search(text, max(0, start - 5), start)
        # ("Santiago Lyon, AP's director of": a longer name, a place word before it)
        and not _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 30), start)
    ):
        label = "PERSON"  # "Vishwanath, director-general of the IIJI": a one-word name and its office
    if (
        label is None
        and not strict
        and 3 <= len(words) <= 4
        and re.fullmatch(r"[A-Z]\.", words[-2])
        and all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", w) for w in words[:-2] + words[-1:])
        and not any(w in kb.stopwords or w in kb.org_heads or w in kb.place_heads for w in words)
        and not _demonym(words[-1], kb)
        and (kb.surface.get(words[-1]) or ("",))[0] != "PLACE"
    ):
        # "Valery E. Sukhinin", "John F. Kennedy": a middle initial makes a personal name (no "S. Korean")
        label = "PERSON"
    if (
        label is None
        and not strict
        and 2 <= len(words) <= 4
        and _uncommon_name(words, kb)
        and (
            (next_ := _PERSON_NEXT.match(text, end))
            # ("A message sent by Ranjith Perera to Kim Jong Un": sent, led or signed by a person; "Kim Jong
            # Un received Ranjith Perera": whom a person receives or meets)
            or (next_ := _PERSON_BY.search(text, max(0, start - 20), start))
        )
        # (not a headline's first words: "Afghans Suffer from")
        and not (start == 0 and next_.group().lstrip().startswith("from"))
        and not _MEDIUM_NEXT.match(text, end)
        and not re.search(r"\b(?:the|The|el|El|la|La|los|las|del|al)\s+$", text[max(0, start - 5) : start])
    ):
        # "Yusuf Raza Gilani stressed": no word of the name is one the news writes in lower case
        label = "PERSON"
    if label is None:
        return []
    if label != "PERSON":
        if not _distinguished(words, kb):
            return []
        opener = None if strict else _opener(text, start, kb)
        described = (
            opener is not None
            and re.search(r"\b(?:south|north|S\.|N\.)\s+$", text[max(0, opener - 8) : opener])
            and words[0] not in kb.org_heads
            and words[0] not in kb.generic_words
        )  # "the south Korean Kyunghyang Daily News": "south Korean" describes the paper; but "the south
        # Korean Confederation of Trade Unions" is the Korean Confederation of Trade Unions
        if opener is not None and not described:
            start = opener
    return [Mention(start, end, text[start:end], label, None, "pattern")]


def _role_before_one_word(text: str, start: int, kb: KB) -> bool:
    """A role noun right before a one-word name, or a role and a nationality after it ('el diputado japones
    Sakamoto')."""
    if kb.role_before_re.search(text, max(0, start - 40), start):
        return True
    w = _LAST_WORD.search(text, max(0, start - 30), start)
    return (
        w is not None
        and (_demonym(w.group(1), kb) or demonym_after(" " + w.group(1), kb))
        and kb.role_before_re.search(text, max(0, w.start() - 40), w.start() + 1) is not None
    )


_LAST_WORD = re.compile(r"(?:^|\s)(\w+) $")


# what may close a name in apposition: a comma, a full stop, a bracket
def _national_title_comma(text: str, start: int, kb: KB) -> bool:
    """'Colombian Foreign Minister, Maria Angela Holguin,': a nationality and a capitalised title, then the
    comma before the holder's name."""
    m = _NATIONAL_TITLE_COMMA.search(text, max(0, start - 60), start)
    return m is not None and m.group(2) in kb.person_titles


_NATIONAL_TITLE_COMMA = re.compile(
    r"(?<![\w'’.-])(" + NATIONALITY_WORD + r")\s+((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+),\s+$"
)
_NAME_CLOSES = re.compile(r"\s*(?:[,.;)]|\(|$)")
# what follows a personal name: an appositive or an age, or a verb of speech or action
# what a person does: says, or does at a meeting or a talk ("Ranjith Perera made a speech", "... requested
# Kim Yong Il", "... was elected chairman")
_PERSON_VERBS = (
    r"(?:said|says|stressed|noted|added|"
    r"told|stated|declared|pointed|underlined|emphasized|expressed|urged|called|hoped|wrote|sent|met|visited|"
    r"received|praised|denounced|condemned|explained|recalled|remarked|asked|replied|announced|"
    r"made\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:speech|report|address|toast)|"
    r"requested|delivered|conveyed|extended|presented|laid|paid|attended|thanked|welcomed|spoke|"
    r"congratulated|wished|greeted|handed|signed|was\s+(?:re-)?(?:elected|appointed)|"
    # (Spanish, accents lost or not: "Ranjith Perera visito el pais", "... dijo que")
    r"dijo|visit[oó]|recibi[oó]|envi[oó]|expres[oó]|destac[oó]|afirm[oó]|subray[oó]|se[nñ]al[oó]|indic[oó]|"
    r"agreg[oó]|pronunci[oó]|asisti[oó]|entreg[oó])\b"
)
_PERSON_DOES = re.compile(r"\s+" + _PERSON_VERBS)
_PERSON_NEXT = re.compile(
    # (", a ...", " (54)", " said", " from University of ...": what follows a personal name)
    r",\s+(?:a|an|the|who|[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:of|at|for|to)\b)|\s+\(\d|\s+from\s+(?:the\s+)?[A-Z]"
    r"|,\s+\d{1,2},\s"  # ("Kan Ok Ryon, 26, said": an age set off by commas)
    r"|\s+"
    + _PERSON_VERBS
    # ("Ranjith Perera and Kumar Silva spoke": the first of two names before what a person does)
    + r"|\s+and\s+[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,3}\s+"
    + _PERSON_VERBS
    # (" in his speech", " in a lecture": where a person said something)
    + r"|\s+in\s+(?:a|an|his|her)\s+(?:speech|lecture|interview|talk|address|letter|message)\b"
)
_PERSON_BY = re.compile(
    r"\b(?:(?:sent|led|signed|headed|delivered|made|given)\s+by|received|met|welcomed|greeted|thanked|"
    r"congratulated)\s+$"
)
_MEDIUM_NEXT = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}(?:organ|newspaper|paper|daily|weekly|magazine|journal|website|"
    r"agency|radio|TV|broadcaster)\b"
)  # ("Jaju Minbo, internet newspaper of ...", "Ilal Amam, the organ of ...": a medium, no person)
# a word of a personal name: "Gilani", "Wolde-Giorgis", "al-Hasayeri" (an Arabic article before it)
_NAME_WORD = re.compile(
    r"(?:[A-Z][a-z]{1,}|(?:al|el|ad|as|ash|an|ar|at|az|ibn|bin)-[A-Z][a-z]+)(?:-[A-Z][a-z]+)?"
)
_WHEN_WORDS = re.compile(WEEKDAY + "|" + MONTH + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")


def _uncommon_name(words: list[str], kb: KB) -> bool:
    """Two to four capitalised words none of which the news writes in lower case (the packs' common_words),
    nor a stopword, head word, demonym, known name or date word: a personal name ("Yusuf Raza Gilani")."""
    return (
        bool(kb.common_words)
        and all(
            _NAME_WORD.fullmatch(w)
            and w.lower() not in kb.common_words
            and w not in kb.stopwords
            and w not in kb.org_heads
            and w not in kb.place_heads
            and w not in kb.person_titles  # ("Yegorievsk Archbishop Mark": a title before a name)
            and w not in kb.surface
            and not _WHEN_WORDS.fullmatch(w)
            for w in words
        )
        and not _demonym(words[0], kb)
    )  # (a demonym describes what follows; "Gilani" ends a name)


def _title_width(words: list[str], i: int, kb: KB, hyphen_case: bool = True) -> int:
    """How many words of a person title start at ``words[i]`` (2: "Prime Minister", 1: "President" or a
    former title, "Ex-president of the U.S. Jimmy Carter"; 0: none)."""
    if " ".join(words[i : i + 2]) in kb.person_titles:
        return 2
    former = re.match(r"(?:Ex|ex)-(\w+)$", words[i]) if words[i][:3] in ("Ex-", "ex-") else None  # (hot path)
    if words[i] in kb.person_titles or (
        former is not None and former.group(1).capitalize() in kb.person_titles
    ):
        return 1
    if (
        hyphen_case
        and "-" in words[i]
        and "-".join(p.capitalize() for p in words[i].split("-")) in kb.person_titles
    ):
        return 1  # ("Vice-chairman of the National Committee of ... Zheng Wantong": "Vice-Chairman"; not in a
        # Title Case headline, whose runs the title would take apart)
    return 0


# after a Spanish office in lower case (the packs' offices and titles written head first) and its "de", right
# before a capitalised run ("el ministro de ", "director de la ")
_ROLE_DE_AFTER = r")\s+(?:de|del)\s+(?:(?:la|el|los|las)\s+)?$"


def _titled_tail_name(
    text: str, toks, words: list[str], at: int, end: int, kb: KB, strict: bool
) -> list[Mention]:
    """'Minister of Metal Industry Jon Sung Hun', 'General Director of the Associated Fruit Group Kim Chol
    Ho': a title, what it is the title of, and a Korean name ending the run. The name is the person; the
    words between are classified on their own (an organisation is kept)."""
    if words[at] in kb.surnames:  # "Dr. Hwang Myong Chol": the name right after the title
        name = _korean_name(text, toks[at:], words[at:], kb, strict)
        if len(name) == 1 and name[0].end == end:
            return name
    for j in range(at + 1, len(words) - 1):
        if words[j] not in kb.surnames or words[j - 1].lower() in kb.connectors:
            continue
        name = _korean_name(text, toks[j:], words[j:], kb, strict)
        if len(name) != 1 or name[0].end != end:
            continue
        mid = _classify_span(text, toks[at][0], toks[j - 1][1], kb, strict)
        return [m for m in mid if m.label != "PERSON"] + name
    j = None if strict else _name_after_body(words, at, kb)
    if j is not None:
        mid = _classify_span(text, toks[at][0], toks[j - 1][1], kb, strict)
        name = Mention(toks[j][0], end, text[toks[j][0] : end], "PERSON", None, "pattern")
        return [m for m in mid if m.label != "PERSON"] + [name]
    return []


def _name_after_body(words: list[str], at: int, kb: KB) -> int | None:
    """'[General Secretary] of the Communist Party of Italy Oliviero Diliverto', '[Executive Director] of the
    EEMP Kosima Weber Liu': after a title, "of" a body ending in a place, a head word or an acronym, then two
    to four name words. Where the name begins, or None."""
    if at >= len(words) or words[at].lower() not in ("of", "for", "de", "del"):
        return None
    for k in (2, 3, 4, 1):
        j = len(words) - k
        if j <= at + 1:
            if k == 1:
                return None
            continue
        w = words[j - 1]
        if k == 1:
            # ("Mayor of Osaka City Hashimoto", "Secretary of State Hillary": one name word after a place or
            # "State")
            if (
                _mononym(words[j], kb)
                and words[j].lower() not in kb.common_words
                and (w in kb.place_heads or w == "State" or (kb.surface.get(w) or ("",))[0] == "PLACE")
                and not any(t in ("de", "del", "la", "el") for t in words[at:j])  # (Spanish: "la República
                # Bolivariana de Venezuela")
            ):
                return j
            return None
        ends_body = (
            (kb.surface.get(w) or ("",))[0] == "PLACE"
            or w in kb.org_heads
            or (w.isupper() and len(w) >= 2 and w.isalpha())
            # ("Minister of Foreign Affairs Nasser Judeh": a word the news writes in lower case ends the body,
            # and no word of the name is one)
            or (
                w.lower() in kb.common_words
                and w.lower() not in kb.connectors
                and not any(t.lower() in kb.common_words for t in words[j:])
            )
        )
        if (
            ends_body
            and all(
                t[:1].isupper()
                and t[1:2].islower()
                and t not in kb.stopwords
                and t not in kb.org_heads
                and t not in kb.place_heads
                and t not in kb.surface
                and not state_demonym(t, kb)  # ("Gebran Bassil": a name ending as a demonym does)
                for t in words[j:]
            )
        ):
            return j
    return None


def _titled_outer(text: str, start: int, end: int, inner, kb: KB) -> tuple[list[Mention], set] | None:
    """A run with known names inside that is a title, its body and a person: "General Secretary of the
    Communist Party of Italy Oliviero Diliverto" is the Communist Party of Italy and Oliviero Diliverto, not
    one organisation. The person and the body, and the known mentions the body swallows."""
    first = text[start:end].split(" ", 3)[:3]
    if not any(_title_width(first, i, kb) for i in range(len(first))):
        return None
    toks = _tokens(text, start, end)
    words = [text[a:b] for a, b in toks]
    for i in range(min(3, len(words) - 1)):
        n = _title_width(words, i, kb)
        if n:
            break
    else:
        return None
    at = i + n
    while at < len(words) - 1 and words[at] in kb.person_titles:
        at += 1  # ("General Secretary", "Vice Chairman")
    j = _name_after_body(words, at, kb)
    if j is None:
        return None
    e = toks[-1][1]
    for suf in _POSSESSIVE:
        if text[toks[j][0] : e].endswith(suf):
            e -= len(suf)
    person = Mention(toks[j][0], e, text[toks[j][0] : e], "PERSON", None, "pattern")
    b0 = at + 1 + (words[at + 1 : at + 2] == ["the"])
    bs, be = toks[b0][0], toks[j - 1][1]
    body_inner = [(a, b) for a, b in inner if bs <= a and b <= be]
    body = _outer_name(text, bs, be, body_inner, kb, False) if body_inner else None
    if body is None:
        return [person], set()
    return [body, person], set(body_inner)


def _title_opens_a_name(words: list[str], i: int, n: int, person: Mention, kb: KB) -> bool:
    """A title word that opens a body's or a work's name, not a person's title: one or two words after it the
    news writes in lower case, then a head word or the end ("General Political Department of the ...",
    "General Machinery Plant", "General Line of Our Party", "for General Mobilization")."""
    after = person.text.split()
    if len(after) > 2 or any(w.lower() not in kb.common_words or w in kb.surnames for w in after):
        return False
    nxt = words[i + n + len(after)] if i + n + len(after) < len(words) else None
    return nxt is None or nxt in kb.org_heads or nxt in kb.place_heads or nxt[:1].islower()


def _person_after_title(text: str, toks: list[tuple[int, int]], kb: KB) -> list[Mention]:
    words = [text[s:e] for s, e in toks]
    n = 0
    while n < len(words) and n < 5 and words[n][:1].isupper() and words[n] not in kb.org_heads:
        n += 1
    while (
        5 <= n < min(len(words), 10)
        and words[n][:1].isupper()
        and words[n] not in kb.org_heads
        and words[n] not in kb.place_heads
        and (
            words[n] in kb.name_particles
            or (words[n].lower() not in kb.common_words and words[n] not in kb.stopwords)
        )
    ):
        n += 1  # ("Sheikh Mohammed Bin Rashid Al Maktoum", "Datuk Seri Mohamad Najib Bin Tun Haji ...")
    if n == 0:
        return []
    s, e = toks[0][0], toks[n - 1][1]
    name = text[s:e]
    for suf in _POSSESSIVE:
        if name.endswith(suf):
            e -= len(suf)
    return [Mention(s, e, text[s:e], "PERSON", None, "pattern")]


def _final_a(text: str, word: str, end: int) -> bool:
    """'Ju Jin A, an official of ...', 'Ju Jin A (de 24 anos de edad)', 'El embajador coreano, Jong Hak Se,
    hizo': the syllables "A" and "Se" end a Korean name before a comma or a bracket (elsewhere they are an
    article, a preposition or the Spanish "se")."""
    return word in ("A", "Se") and re.match(r",| \(", text[end : end + 2]) is not None


# stopwords that cannot end a Korean name ("Ri Myong Su" and "Jo Yon Jun" can; "Kim Jong Un Y ..." cannot)
_NOT_LAST_SYLLABLE = frozenset(
    ["Y", "El", "La", "Los", "Las", "En", "Con", "Por", "Para", "Del", "Al", "Se", "Una", "De", "A", "I"]
)


def _system_name(words: list[str], kb: KB) -> int | None:
    """Where a personal name of one of the packs' naming systems ending the run begins: the whole run
    ('Wang Shuli'), or the run's tail after a person title ('President Truong Tan Sang')."""
    for surnames, given, lo, hi in kb.name_systems:
        for i in range(len(words)):
            if words[i] not in surnames or not lo <= len(words) - i - 1 <= hi:
                continue
            rest = words[i + 1 :]
            if not all(
                w[:1].isupper()
                and given.fullmatch(w.lower() if given.pattern[:1] == "(" else w)
                and w not in kb.stopwords
                and w not in kb.org_heads
                and w not in kb.place_heads
                for w in rest
            ):
                continue
            if i == 0 or any(
                w in kb.person_titles or w.rstrip(".") + "." in kb.person_titles for w in words[:i]
            ):
                return i
    return None


def _syllable(word: str, kb: KB) -> bool:
    """A romanised given-name syllable ('Chol', 'Chung-hee', 'Chung-Hee'); not two names joined by a hyphen
    ('Gu-Kim' in 'Jon Chol Gu-Kim Song Sim', a couple)."""
    return kb.syllable_re.fullmatch(word) is not None and word.partition("-")[2] not in kb.surnames


def _korean_name(text: str, toks, words: list[str], kb: KB, strict: bool = False) -> list[Mention]:
    if kb.syllable_re is None or words[0] not in kb.surnames or len(words) < 2:
        return []
    n = 1
    while (
        n < len(words)
        and n < 3
        and _syllable(words[n].rstrip("'’s"), kb)
        and (
            words[n] not in kb.stopwords
            or (n == 2 and words[n] not in _NOT_LAST_SYLLABLE)
            or (n == 2 and _final_a(text, words[n], toks[n][1]))
            or (
                n == 1
                and len(words) > 2
                and words[2] not in kb.stopwords
                and _syllable(words[2].rstrip("'’s"), kb)
                and not _label_by_head(words[:3], kb)
            )  # ("Ri Su Hyang", "Jong Su Rim": a stopword elsewhere, a middle syllable between two)
        )
    ):
        if words[n] in kb.org_heads or words[n] in kb.place_heads:
            break
        n += 1
    if n < 2 or (n < len(words) and _label_by_head(words, kb)):
        return []
    if (
        not strict
        and n == len(words) - 1
        and _mononym(words[n], kb)
        and words[n] not in kb.surface
        and words[n].lower() not in kb.common_words
        and not _syllable(words[n].rstrip("'’s"), kb)
    ):
        return []  # "Jon Arni Halldorsson": a last word no syllable makes the whole a name of another kind
    s, e = toks[0][0], toks[n - 1][1]
    for suf in _POSSESSIVE:
        if text[s:e].endswith(suf):
            e -= len(suf)
    out = [Mention(s, e, text[s:e], "PERSON", None, "pattern")]
    if n < len(toks):
        out += _classify_span(text, toks[n][0], toks[-1][1], kb, strict)
    return out


def _head_index(words: list[str]) -> int:
    """The head word: the word before the first 'of'/'for'/'de' ('Committee for Solidarity with X'), else
    the last word; numbers after it are skipped ('Unit 813')."""
    lower = [w.lower() for w in words]
    head_i = next((i - 1 for i, w in enumerate(lower) if i > 0 and w in _HEAD_CONNECTORS), len(words) - 1)
    while head_i > 0 and _NUMBER.fullmatch(words[head_i]):
        head_i -= 1
    return head_i


def _label_by_head(words: list[str], kb: KB) -> str | None:
    """ORG or PLACE by the head word (:func:`_head_index`); a name opening with a head-first word
    ('Mt. Osong', 'Hospital de Pediatria Okryu', 'Hotel Internacional Yanggakdo') by that word."""
    if words[0] in kb.head_first and len(words) >= 2:
        return "PLACE" if words[0] in kb.place_heads else "ORG" if words[0] in kb.org_heads else None
    head_i = _head_index(words)
    head = words[head_i].rstrip(",")
    if head == "Congress" and head_i > 0 and (_ORDINAL.match(words[0]) or words[head_i - 1] == "Party"):
        return None  # "Eighth Party Congress": a meeting, not a body
    two = " ".join(words[max(0, head_i - 1) : head_i + 1])
    if head in kb.weak_heads and head_i == 0 and len(words) < 3:
        return None
    if head in kb.place_heads or two in kb.place_heads:
        return "PLACE"
    if head in kb.org_heads or two in kb.org_heads:
        return "ORG"
    if "-" in head and _KOREAN_UNIT.fullmatch(head):
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
