"""The knowledge base: domain packs compiled once into lookup tables and regular expressions.

Built from pack folders (``tealeaves.packs``) and cached per set of folders, so a worker process
compiles it once. Matching is rules and pack data first: every known name and alias goes into one
trie-shaped regular expression (the matching runs in the regex engine's C code, scanning the text once).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tealeaves.model import Entity
from tealeaves.packs import Title, fingerprint, load_packs

TERM = r"\"[^\"]{2,60}\"|“[^”]{2,60}”|[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,5}"
GLOSS = r"[^.;:!?]{3,200}"
GLOSS_BEFORE = r"[^.;:!?,]{3,160}"


def trie_regex(words: list[str], after_first: str = "") -> str:
    r"""A regular expression matching any of ``words``, shaped as a trie (longest alternative first).
    ``after_first`` goes after each word's first character: a look-behind there (``(?<![\w].)``, no word
    character before the word) keeps the expression opening with its first characters, which lets the
    engine skip to the positions where one of them stands instead of trying every position."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    if after_first:
        firsts = [re.escape(ch) + after_first + build(sub) for ch, sub in sorted(trie.items()) if ch]
        return "(?:" + "|".join(firsts) + ")" if firsts else ""
    return build(trie)


def lower_twin(rx: re.Pattern) -> re.Pattern | None:
    """A case-blind pattern written in lower case, compiled case-sensitively: over the lower-cased text it
    finds the same matches at the same offsets (where lower-casing keeps the text's length), several times
    faster, since the regular expression engine skips quickly to the characters a match can start with
    only when case counts. None when the pattern has a capital letter of its own, or a character given by
    its code (which could be one); class escapes such as \\S and group names may have capitals."""
    p = rx.pattern.replace("\\\\", "")  # (an escaped backslash)
    if _CODE_ESCAPE.search(p):
        return None
    p = _CLASS_ESCAPE.sub("", p)
    if p != p.lower():
        return None
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


_CODE_ESCAPE = re.compile(r"\\[xuUN0-9]")
_CLASS_ESCAPE = re.compile(r"\\[SWDBAZ]|\(\?P[<=]")


def blind_finditer(rx: re.Pattern, twin: re.Pattern | None, text: str, low: str, pos: int = 0, endpos=None):
    """The matches of the case-blind pattern ``rx`` in ``text[pos:endpos]``: its ``twin`` (``lower_twin``)
    over ``low``, the lower-cased text, where it has one and lower-casing kept the offsets (match offsets are
    the text's; read the matched words from ``text``)."""
    end = len(text) if endpos is None else endpos
    if twin is not None and len(low) == len(text):
        return twin.finditer(low, pos, end)
    return rx.finditer(text, pos, end)


def _lower_probe(pattern: str) -> re.Pattern:
    """A trigger (matched ignoring case), to search in lower-cased text: its ``lower_twin`` if it has one."""
    rx = re.compile(pattern, re.IGNORECASE)
    return lower_twin(rx) or rx


def literal_gate(pattern: str, min_len: int = 2) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of ``pattern`` (matched ignoring case) contains: the
    longest literal run of its top-level sequence, or the literal prefixes of a group of alternatives
    ("(?:known|called) as " -> ("called", "known"), longer than " as "; "meaning|literally" -> ("literally",
    "meaning")). A document
    holding none of them cannot match, and ``in`` on the lower-cased text is far cheaper than a search that
    tries every alternative at every position. None when no such strings of ``min_len`` characters or more
    exist."""
    try:  # the parser of the standard library's own re module (private: without it, no gates)
        from re import _constants as c
        from re import _parser
    except ImportError:
        return None

    def prefix(seq) -> str:
        out = ""
        for op, av in seq:
            if op is not c.LITERAL:
                break
            out += chr(av)
        return out

    def best_of(seq):
        best, run = None, ""

        def consider(alts):
            nonlocal best
            if alts and all(alts) and (best is None or min(map(len, alts)) > min(map(len, best))):
                best = alts

        for op, av in [*list(seq), (None, None)]:
            if op is c.LITERAL:
                run += chr(av)
                continue
            consider((run,) if run else None)
            run = ""
            if op is c.SUBPATTERN:
                consider(best_of(av[3]))
            elif op is c.BRANCH:
                consider(tuple(prefix(item) for item in av[1]))
        return best

    try:
        tree = _parser.parse(pattern, re.IGNORECASE)
    except Exception:  # (an unusual pattern simply gets no gate)
        return None
    gate = best_of(tree)
    if gate is None or min(map(len, gate)) < min_len:
        return None
    return tuple(sorted({g.lower() for g in gate}))


def _accent_table() -> dict[int, str]:
    """Latin letters with diacritics -> the base letter, one character for one (so offsets stay). Not the
    breve: in McCune-Reischauer "ŏ" and "ŭ" are other vowels ("Chŏngju" is Jongju in the north, "Chongju"
    Cheongju in the south). Fullwidth ASCII forms -> ASCII, as the corpora's CJK input sometimes writes
    them."""
    table = {}
    for cp in range(0xC0, 0x250):
        nfd = unicodedata.normalize("NFD", chr(cp))
        if nfd[0] != chr(cp) and nfd[0].isascii() and nfd[0].isalpha() and "\u0306" not in nfd:
            table[cp] = nfd[0]
    for cp in range(0xFF01, 0xFF5F):
        table[cp] = chr(cp - 0xFEE0)  # fullwidth forms: "ITAR－TASS" is ITAR-TASS
    return table


_ACCENTS = _accent_table()


def fold_accents(text: str) -> str:
    """``text`` with "á", "é", "ñ", ... written "a", "e", "n": the same length, each offset the same
    character. The gazetteer scan reads the folded text against folded names, so a pack name matches
    whether or not a source writes its accents ("Federación Rusa", "Federacion Rusa")."""
    return text if text.isascii() else text.translate(_ACCENTS)


def holds_any(text: str, strings) -> bool:
    """Whether ``text`` holds any of ``strings`` (a gate's): a plain loop of substring tests, faster than
    ``any`` over a generator and than one search of their alternation, whose first characters are most
    letters."""
    for s in strings:  # noqa: SIM110 - (the loop is the point: see above)
        if s in text:
            return True
    return False


def phrase_gate(phrases: list[str]) -> tuple[str, ...]:
    """Lower-case words one of which every phrase holds (each phrase's longest word): a text holding none of
    them matches no phrase, and ``in`` on the lower-cased text is far cheaper than searching an alternation
    of the phrases sentence by sentence ("accompanied by", "were present" -> "accompanied", "present")."""
    return tuple(sorted({max(p.lower().split(), key=len) for p in phrases if p.strip()}))


def _words_regex(words: list[str], flags: int = re.IGNORECASE) -> re.Pattern:
    """Any of ``words`` as a whole word: their alternation, longest first, written as a trie (the same
    matches, a few branches tried at each position instead of every word). Ignoring case, the trie is of the
    words in lower case, so that no two branches match the same character."""
    words = {w for w in words if w}
    if flags & re.IGNORECASE:
        words = {w.lower() for w in words}
    return re.compile(r"(?<![\w])(?:" + trie_regex(sorted(words)) + r")(?![\w])", flags)


@dataclass
class KB:
    fingerprint: str
    entities: dict[str, Entity]
    surface: dict[str, tuple[str, str, str]]  # exact surface -> (label, entity id, method)
    names_re: re.Pattern
    glued_re: re.Pattern | None  # multi-word person names, no word boundaries ("ChairmanKim Jong Ilgave")
    titles_re: re.Pattern | None
    titles: dict[str, list[Title]]  # lower-cased title -> titles
    leaders: dict[str, tuple[str, str]]
    p: dict = field(default_factory=dict)  # merged patterns
    # compiled pattern helpers
    org_heads: frozenset = frozenset()
    place_heads: frozenset = frozenset()
    weak_heads: frozenset = frozenset()
    person_titles: frozenset = frozenset()
    person_roles_re: re.Pattern | None = None
    role_before_re: re.Pattern | None = None  # "chief Meir Dagan": a role noun right before a name
    person_role_of_re: re.Pattern | None = None  # "Vishwanath, director-general of": a one-word name's role
    stopwords: frozenset = frozenset()
    name_openers: frozenset = frozenset()  # stopwords that may open a name ("Korean", "Supreme")
    title_epithets_re: re.Pattern | None = None  # "the respected ", "el ": before a title standing alone
    head_first: frozenset = frozenset()  # heads written before the name ("Mt.", "Hospital de ...")
    generic_words: frozenset = frozenset()  # words that describe, not name ("Political", "Ruling")
    org_patterns: list = field(default_factory=list)  # regexes matching whole organisation names
    connectors: frozenset = frozenset()
    surnames: frozenset = frozenset()
    name_particles: frozenset = frozenset()  # capitalised words inside a personal name ("Bin", "Al")
    common_words: frozenset = frozenset()  # words the news writes in lower case (packs' common_words.txt)
    syllable_re: re.Pattern | None = None
    # other personal-name systems of the packs: (surnames, given-name word pattern, min words, max words)
    name_systems: list = field(default_factory=list)
    cues_re: re.Pattern | None = None
    cue_alt: str = "(?!)"  # the speech cues as one alternation, for embedding in other patterns
    according_re: re.Pattern | None = None
    according_gate: tuple = ()  # words one of which any "according to" phrase holds (``phrase_gate``)
    self_speakers: frozenset = frozenset()
    speaker_aliases: dict = field(default_factory=dict)  # "north" -> "kp": a state named as a speaker
    zero_subject_cues: frozenset = frozenset()  # cues of languages that drop the subject (Spanish)
    # a sentence opening with a phrase and no subject before such a cue ("En el comedor dijo que")
    subjectless_opening_re: re.Pattern = re.compile("(?!)")
    # a headline speaker that describes rather than names ("Nepali Paper"): (place or nationality, kind)
    demonyms: dict = field(default_factory=dict)  # "Thai" -> "th": demonyms the stem rule misses
    described_speaker_re: re.Pattern = re.compile("(?!)")
    described_speaker_head_first: re.Pattern = re.compile("(?!)")
    described_speaker_openers: frozenset = frozenset()  # "Foreign Papers": describers that are no place
    described_speaker_heads: frozenset = frozenset()  # "...: Foreigners": a headline speaker described only
    media_writers: frozenset = frozenset()  # "a news analyst of Rodong Sinmun": the paper's own piece
    # a headline attribution that is the medium's own piece ("...: News Analysis", "...: News Analyst")
    own_headline_speakers: frozenset = frozenset()
    # offices one person holds in any body ("the chairman of the Sweden-Korea Friendship Association")
    body_offices: frozenset = frozenset()
    # offices a place has one holder of ("the mayor" after the city is named)
    place_offices: frozenset = frozenset()
    # a headline office named alone that only one person of a state holds ("...: President")
    sole_offices: frozenset = frozenset()
    # bodies sent for a while, of which a state has many: their heads hold no state office ("Delegation Head")
    transient_bodies: frozenset = frozenset()
    # words that make an office one of several ("deputy", "vice", "former")
    not_sole_words: frozenset = frozenset()
    # the offices a state's leader holds, in the order tried ("The Nigerian leader" -> its president)
    state_leaders: tuple = ()
    # heads of what is no body: laws, agreements, sessions, events ("Law", "Festival")
    not_body_heads: frozenset = frozenset()
    # a headline office's abbreviation and the titles it stands for: "PM" -> ("Prime Minister",)
    title_abbreviations: dict = field(default_factory=dict)
    # an office and the head word of the body it heads: "minister" -> "Ministry" ("the minister" of "Angola's
    # Education Ministry")
    office_bodies: dict = field(default_factory=dict)
    anonymous: frozenset = frozenset()
    object_cues: frozenset = frozenset()  # cues that report speech only with 'that' or a colon
    object_cue_re: re.Pattern = re.compile("(?!)")  # the pattern cues, which are object cues too

    def is_object_cue(self, cue: str) -> bool:
        return cue.lower() in self.object_cues or self.object_cue_re.fullmatch(cue) is not None

    definitions: list[tuple[str, re.Pattern, re.Pattern | None]] = field(default_factory=list)
    # per definition pattern: lower-case words one of which any hit of its trigger contains (None: no gate)
    definition_gates: list[tuple[str, ...] | None] = field(default_factory=list)
    # each trigger written in lower case, searched case-sensitively in the lower-cased text: whether a
    # document holds the trigger at all, several times faster than the case-blind search (None: no trigger)
    definition_probes: list[re.Pattern | None] = field(default_factory=list)
    definition_any_gate: tuple[str, ...] | None = None  # every gate's strings (None: a pattern has none)
    titles_lower_re: re.Pattern | None = None  # ``titles_re`` for lower-cased text (``lower_twin``)
    role_of_comma_re: re.Pattern | None = None
    appear_re: re.Pattern | None = None
    appear_lower_re: re.Pattern | None = None  # the same, for lower-cased text (``lower_twin``)
    not_objects_re: re.Pattern | None = None
    future_re: re.Pattern | None = None
    presence_re: re.Pattern | None = None
    site_subtypes: list[tuple[str, re.Pattern]] = field(default_factory=list)
    accompanied_re: re.Pattern | None = None
    # what a document, a medium, a broadcaster and a sender are called, and the documents a medium writes
    # itself (general pack, [quotes] document_nouns ...): "the statement said", "the paper", "the radio"
    doc_nouns: frozenset = frozenset()
    media_nouns: frozenset = frozenset()
    broadcast_nouns: frozenset = frozenset()
    sender_nouns: frozenset = frozenset()
    own_writing: frozenset = frozenset()
    accompanied_gate: tuple = ()  # words one of which any accompanied-by phrase holds (``phrase_gate``)
    meeting_noun_gate: tuple = ()  # the same for the meeting nouns
    meeting_noun_re: re.Pattern | None = None
    held_re: re.Pattern | None = None
    meeting_noun_lower_re: re.Pattern | None = None  # the two above, for lower-cased text (``lower_twin``)
    held_lower_re: re.Pattern | None = None
    convened_by_re: re.Pattern | None = None
    compiled: dict = field(default_factory=dict)  # patterns built from the above, compiled once

    def head_first_titles(self, one_holder: bool = False) -> str:
        """The packs' Spanish offices written head first, as a regular expression alternation (longest first):
        the one-holder offices (``offices_head_first``), or with ``one_holder`` False these and the titles
        before a holder's name (``titles_head_first``: "viceministro", "diputado")."""
        q = self.p.get("quotes", {})
        words = list(q.get("offices_head_first", [])) + (
            [] if one_holder else list(q.get("titles_head_first", []))
        )
        return (
            "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
            or "(?!)"
        )

    def rx(self, key: str, pattern) -> re.Pattern:
        """``pattern()`` compiled once per knowledge base (patterns that embed the packs' word lists)."""
        got = self.compiled.get(key)
        if got is None:
            got = self.compiled[key] = re.compile(pattern())
        return got

    def entity(self, eid: str | None) -> Entity | None:
        return self.entities.get(eid) if eid else None

    def is_medium(self, eid: str | None) -> bool:
        """A paper, agency or broadcaster of the packs (subtype ``media``): its country written after its
        name ("ITAR-TASS of Russia") is no part of the name (guidelines 6)."""
        e = self.entity(eid)
        return e is not None and e.subtype == "media"

    def one_word_titles(self) -> frozenset:
        """The packs' one-word person titles, lower-cased ("president", "chairman"), computed once."""
        got = self.compiled.get("one-word-titles")
        if got is None:
            got = self.compiled["one-word-titles"] = frozenset(
                t.lower() for t in self.person_titles if " " not in t
            )
        return got

    def leader_at(self, eid: str | None, date: str) -> bool:
        span = self.leaders.get(eid or "")
        if span is None:
            return False
        start, end = span
        return (not start or date >= start) and (not end or date <= end)


def _merge_patterns(packs) -> dict:
    """Concatenate lists, merge tables, let later scalars win."""

    def merge(a: dict, b: dict) -> dict:
        out = dict(a)
        for k, v in b.items():
            if isinstance(v, dict):
                out[k] = merge(out.get(k, {}), v)
            elif isinstance(v, list):
                out[k] = [*out.get(k, []), *v]
            else:
                out[k] = v
        return out

    merged: dict = {}
    for pk in packs:
        merged = merge(merged, pk.patterns)
    return merged


@lru_cache(maxsize=8)
def knowledge(dirs: tuple[Path, ...]) -> KB:
    packs = load_packs(dirs)
    entities: dict[str, Entity] = {}
    for pk in packs:
        for e in pk.entities:
            entities[e.id] = e  # a later pack may refine an earlier pack's entity
    surface: dict[str, tuple[str, str, str]] = {}
    for e in entities.values():
        for s, method in ((e.name, "name"), *((a, "alias") for a in e.aliases)):
            surface.setdefault(s, (e.type, e.id, method))
            if s.endswith(("'s", "s'")):
                continue
    for s, (label, eid, method) in list(surface.items()):  # "the DPRK" also as "The DPRK"
        if s[:1].islower():
            surface.setdefault(s[0].upper() + s[1:], (label, eid, method))
    for s, v in list(surface.items()):  # "Federacion Rusa" also where the text writes "Federación Rusa"
        if not s.isascii():
            surface.setdefault(fold_accents(s), v)
    names_re = re.compile(r"(?:" + trie_regex(list(surface), after_first=r"(?<![\w].)") + r")(?![\w])")
    glued = [s for s, (lab, _, _) in surface.items() if lab == "PERSON" and s.count(" ") >= 2]
    glued_re = re.compile(trie_regex(glued)) if glued else None
    titles: dict[str, list[Title]] = {}
    for pk in packs:
        for t in pk.titles:
            titles.setdefault(t.title.lower(), []).append(t)
    titles_re = None
    if titles:
        # a standalone title, after optional determiner and lower-case epithets (outside the mention); the
        # titles as a trie in lower case (see _words_regex)
        alts = sorted({t.title.lower() for ts in titles.values() for t in ts})
        titles_re = re.compile(r"(?<!\S)(?P<title>" + trie_regex(alts) + r")(?![\w])", re.IGNORECASE)
    leaders = {ld.entity: (ld.start, ld.end) for pk in packs for ld in pk.leaders}
    p = _merge_patterns(packs)
    kb = KB(fingerprint(dirs), entities, surface, names_re, glued_re, titles_re, titles, leaders, p)
    kb.titles_lower_re = lower_twin(titles_re) if titles_re is not None else None
    _compile_patterns(kb, p)
    kb.common_words = frozenset().union(*(pk.common_words for pk in packs))
    return kb


def _compile_patterns(kb: KB, p: dict) -> None:
    names = p.get("names", {})
    kb.org_heads = frozenset(names.get("org_heads", []))
    kb.place_heads = frozenset(names.get("place_heads", []))
    kb.weak_heads = frozenset(names.get("weak_heads", []))
    kb.person_titles = frozenset(names.get("person_titles", []))
    kb.demonyms = dict(names.get("demonyms", {}))
    roles = names.get("person_roles", [])
    if roles:
        modifiers = {
            "first",
            "vice",
            "honorary",
            "former",
            "general",
            "deputy",
            "member",
            "members",
            "worker",
        }
        strong = "|".join(re.escape(r) for r in sorted(set(roles) - modifiers, key=len, reverse=True))
        # ", chairman of ...", ", a Capitalised role", and with up to three describing words before a role
        # noun that is no mere modifier: ", Ethiopian foreign minister", ", deputy chief of staff of"
        kb.person_roles_re = re.compile(
            # (", then principal of the school": the office then held)
            r",\s+(?:(?:then|now)\s+)?(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:(?:[A-Z][a-z]+\s+)?(?:"
            + "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
            # (a capitalised office and what it is the office of: "Albert II, King of Belgium")
            + r")|(?:"
            + "|".join(
                re.escape(r[:1].upper() + r[1:])
                for r in sorted(set(roles) - modifiers, key=len, reverse=True)
            )
            + r")\s+of\s"
            r"|(?:(?!(?:who|whose|which|that|where|when|and|or|of|in|on|at|to|for|with|by|from|its|his|her"
            r"|their|is|was|are|were|has|had|said|says)\b)[A-Za-z][\w'.-]*\s+){1,3}(?:" + strong + r"))\b"
        )
        # a one-word name before such a role and what it is the role of: "Vishwanath, director-general of"
        # ("Matsubara, Japanese minister in charge of", "Sakamoto, member of the House of Representatives",
        # "Matsubara, Japan's minister in charge of")
        kb.person_role_of_re = re.compile(
            r",\s+(?:(?:[A-Za-z][\w.'’-]*\s+){0,2}(?:"
            + strong
            + r"|member)\s+(?:of|at|to|in\s+charge\s+of)\s)"
        )
        lower_roles = "|".join(
            re.escape(r) for r in sorted(set(roles) - modifiers, key=len, reverse=True) if r.islower()
        )
        kb.role_before_re = re.compile(r"\b(?:" + lower_roles + r")\s+$")
        # a role, what it is the role of, and the comma before a name in apposition: "the prime minister of
        # Togo, [Gilbert Fossoun Houngbo]", "al premier de la Republica Togolesa, [Gilbert Fossoun Houngbo]"
        kb.role_of_comma_re = re.compile(r"\b(?:" + lower_roles + r")\s+(?:of|de|del)\s+[^,;:.()]{1,80},\s+$")
    kb.stopwords = frozenset(names.get("stopwords", []))
    kb.not_body_heads = frozenset(names.get("not_body_heads", []))
    kb.name_openers = frozenset(names.get("name_openers", []))
    if names.get("title_epithets"):
        epithets = "|".join(map(re.escape, sorted(set(names["title_epithets"]), key=len, reverse=True)))
        kb.title_epithets_re = re.compile(r"(?:\b(?:" + epithets + r")\s+)+$")
    kb.head_first = frozenset(names.get("head_first", []))
    kb.generic_words = frozenset(names.get("generic_words", []))
    kb.org_patterns = [re.compile(x) for x in names.get("org_patterns", [])]
    kb.connectors = frozenset(names.get("connectors", []))
    kb.name_particles = frozenset(names.get("name_particles", []))
    kb.surnames = frozenset(names.get("korean_surnames", []))
    kb.name_systems = [
        (frozenset(ns["surnames"]), re.compile(ns["given"]), int(ns.get("min", 1)), int(ns.get("max", 2)))
        for ns in names.get("systems", [])
    ]
    if names.get("korean_syllable"):
        kb.syllable_re = re.compile(names["korean_syllable"])
    q = p.get("quotes", {})
    if q.get("cues"):
        # literal cues, and cue patterns (regular expressions) for families of wordings: "expressed his deep
        # trust and expectation"; a pattern cue reports speech only with 'that' or a colon
        patterns = list(q.get("cue_patterns", []))
        # (the literal cues as a trie: the same matches in the same order of preference as their alternation,
        # longest first, but a few branches tried at each word rather than hundreds; case-sensitive, so no
        # two siblings match the same character)
        alt = "|".join(
            [f"(?:{x})" for x in patterns] + ["(?:" + trie_regex(sorted({w for w in q["cues"] if w})) + ")"]
        )
        # not after a hyphen: "the above-said provinces" is no cue (one look-behind for both: it is tried at
        # every position)
        kb.cues_re = re.compile(r"(?<![\w-])(?:" + alt + r")(?![\w])")
        kb.cue_alt = "(?:" + alt + ")"
        kb.object_cue_re = re.compile("|".join(f"(?:{x})" for x in patterns) or "(?!)", re.IGNORECASE)
    if q.get("according_to"):
        kb.according_re = _words_regex(q["according_to"])
        kb.according_gate = phrase_gate(q["according_to"])
    kb.self_speakers = frozenset(s.lower() for s in q.get("self", []))
    kb.speaker_aliases = dict(a.split("=", 1) for a in q.get("speaker_aliases", []))
    kb.zero_subject_cues = frozenset(s.lower() for s in q.get("zero_subject_cues", []))
    if q.get("subjectless_openers"):
        kb.subjectless_opening_re = re.compile(
            r"(?:"
            + "|".join(map(re.escape, q["subjectless_openers"]))
            + r")\b[^,.;:A-Z]{0,80},?\s*"
            + "".join(f"|{x}" for x in q.get("subjectless_clauses", []))
        )
    if q.get("described_speaker_heads"):
        heads = "|".join(map(re.escape, sorted(q["described_speaker_heads"], key=len, reverse=True)))
        kb.described_speaker_re = re.compile(
            r"((?:[SN]\.\s+)?(?:[A-Z][\w.]*-)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:['’]l)?['’]?)\s+(?:[A-Z][a-z]+['’]?\s+){0,2}("
            + heads
            + r")"
            r"(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
        )  # ("S. Korean Internet Paper", "U.S.-Residing Korean Scientists", "Political Figure of D. Congo",
        # "Nepali Political Party Leaders")
        kb.described_speaker_head_first = re.compile(
            r"(" + heads + r")\s+of\s+([A-Z][a-z]+(?:\s+(?:in|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?)"
        )  # ("...: Organization of Koreans in Japan")
    kb.described_speaker_openers = frozenset(q.get("described_speaker_openers", []))
    kb.described_speaker_heads = frozenset(q.get("described_speaker_heads", []))
    kb.media_writers = frozenset(s.lower() for s in q.get("media_writers", []))
    kb.own_headline_speakers = frozenset(s.lower() for s in q.get("own_headline_speakers", []))
    kb.body_offices = frozenset(s.lower() for s in q.get("body_offices", []))
    kb.sole_offices = frozenset(s.lower() for s in q.get("sole_offices", []))
    kb.transient_bodies = frozenset(s.lower() for s in q.get("transient_bodies", []))
    kb.not_sole_words = frozenset(s.lower() for s in q.get("not_sole_words", []))
    kb.state_leaders = tuple(s.lower() for s in q.get("state_leaders", []))
    kb.media_nouns = frozenset(q.get("media_nouns", []))
    kb.doc_nouns = frozenset(q.get("document_nouns", [])) | kb.media_nouns
    kb.broadcast_nouns = frozenset(q.get("broadcast_nouns", []))
    kb.sender_nouns = frozenset(q.get("sender_nouns", []))
    kb.own_writing = frozenset(q.get("own_writing_nouns", []))
    kb.place_offices = frozenset(s.lower() for s in q.get("place_offices", []))
    kb.title_abbreviations = {
        a: tuple(full.split("|")) for a, full in (x.split("=", 1) for x in q.get("title_abbreviations", []))
    }
    kb.office_bodies = dict(a.split("=", 1) for a in q.get("office_bodies", []))
    kb.anonymous = frozenset(s.lower() for s in q.get("anonymous", []))
    kb.object_cues = frozenset(s.lower() for s in q.get("object_cues", []))
    for d in p.get("definitions", {}).get("patterns", []):
        rx = d["regex"].replace("{TERM}", TERM).replace("{GLOSS_BEFORE}", GLOSS_BEFORE)
        rx = rx.replace("{GLOSS}", GLOSS)
        trigger = re.compile(d["trigger"], re.IGNORECASE) if d.get("trigger") else None
        kb.definitions.append((d["name"], re.compile(rx), trigger))
        # (one character will do: "(" opens every gloss in parentheses, and most documents hold none)
        kb.definition_gates.append(literal_gate(d["trigger"], min_len=1) if d.get("trigger") else None)
        kb.definition_probes.append(_lower_probe(d["trigger"]) if d.get("trigger") else None)
    if kb.definition_gates and None not in kb.definition_gates:
        # every pattern's gate strings together: a document holding none of them (most headlines) has no
        # active pattern, found in one loop instead of a test per pattern
        kb.definition_any_gate = tuple(sorted({g for gate in kb.definition_gates for g in gate}))
    _compile_events(kb, p)


def _compile_events(kb: KB, p: dict) -> None:
    a = p.get("appearances", {})
    groups = []
    for sub in ("inspection", "visit", "performance", "meeting", "other"):
        pats = sorted(set(a.get(sub, [])), key=len, reverse=True)
        if pats:
            groups.append(f"(?P<{sub}>" + "|".join(f"(?:{x})" for x in pats) + ")")
    if groups:
        # no look-behind: a verb glued to the name ("Kim Jong Unguided") is checked by the caller
        kb.appear_re = re.compile(r"(?:" + "|".join(groups) + r")(?![\w-])", re.IGNORECASE)
        kb.appear_lower_re = lower_twin(kb.appear_re)
    if a.get("not_objects"):
        kb.not_objects_re = re.compile(
            r"^\s*(?:\S+\s+){0,3}?(?:" + "|".join(re.escape(x) for x in a["not_objects"]) + r")\b",
            re.IGNORECASE,
        )
    if a.get("future"):
        kb.future_re = re.compile(
            r"\b(?:" + "|".join(re.escape(x) for x in a["future"]) + r")\s+$", re.IGNORECASE
        )
    if a.get("presence"):
        kb.presence_re = re.compile(
            r"\b(?:" + "|".join(re.escape(x) for x in a["presence"]) + r")\s+(?:\w+\s+){0,4}$", re.IGNORECASE
        )
    for sub, words in a.get("site_subtypes", {}).items():
        kb.site_subtypes.append((sub, _words_regex(words)))
    acc = a.get("accompanied", {}).get("cues", [])
    if acc:
        kb.accompanied_re = _words_regex(acc)
        kb.accompanied_gate = phrase_gate(acc)
    m = p.get("meetings", {})
    if m.get("nouns"):
        kb.meeting_noun_re = _words_regex(m["nouns"])
        kb.meeting_noun_gate = phrase_gate(m["nouns"])
        kb.meeting_noun_lower_re = lower_twin(kb.meeting_noun_re)
    parts = []
    for status, key in (("convene", "to_be_convened"), ("held", "held")):
        if m.get(key):
            alts = "|".join(re.escape(x) for x in sorted(set(m[key]), key=len, reverse=True))
            parts.append(f"(?P<{status}>{alts})")
    if parts:
        kb.held_re = re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)
        kb.held_lower_re = lower_twin(kb.held_re)
    if m.get("convened_by"):
        kb.convened_by_re = _words_regex(m["convened_by"])
