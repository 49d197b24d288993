"""Who a quote's speaker is: a small within-document coreference (docs/annotation-guidelines.md §2.3).

A speaker span is a name, a pronoun ("he", "it", "they", Spanish "él"), a document ("the article", "the
statement", "the paper") or a description ("the Mongolian ambassador", "a spokesman"). A name speaks for
itself; the others are resolved against the text before them, quote by quote in the order of their
speakers:

- a **pronoun** takes the nearest compatible referent, walking back sentence by sentence: the speaker of a
  quote in that sentence, else the sentence's subject (a person for he/she, an organisation or a document
  for it). A pronoun subject chains back to its own antecedent; plural, coordinated ("X, ..., and others
  attended") and other subjects are passed over, and so is the text inside someone else's quote. With
  none found the speaker is anonymous (a "he" the text never names).
- a **document** takes its issuer: the latest sentence introducing one ("X carried an article", "a message
  of greeting from X", "X in a statement said", "X announced ..." for "the announcement") gives X, and X
  speaks for itself (kind ``self``) when it is one of the DPRK media of the packs. "The paper" is the
  newspaper the text names ("the Nepali paper Jana Sata", "Hangyore, a newspaper of ..."). With no issuer
  an article, editorial or commentary is the medium's own (``self``), a statement or letter anonymous.
- a **definite description** takes the named person the text gave that role ("Mongolian Ambassador to the
  DPRK Sodovjamts Khurelbaatar" for "the Mongolian ambassador"; "X ... made a report" for "the reporter").
  Unresolved it is anonymous, except a head of state by office ("presidente angoleno": ``named``, no
  entity), as the guidelines ask.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from tealeaves.extract.entities import (
    ACTING_BODY_AFTER,
    COMPANY_ABBREVIATIONS,
    NATIONALITY_WORD,
    body_of_other_state,
    demonym_after,
)
from tealeaves.extract.entities import state_demonym as _state_demonym
from tealeaves.extract.eventdates import WEEKDAY
from tealeaves.extract.kb import KB
from tealeaves.model import Document, Mention, Quote, Sentence


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


PRONOUNS = {
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "él": "person",
    "el": "person",
    "ella": "person",
    "it": "thing",
    "they": "group",
    "ellos": "group",
}
_PRONOUN_GENDER = {"he": "m", "him": "m", "él": "m", "el": "m", "she": "f", "her": "f", "ella": "f"}
_OPENING_THEN_PRONOUN = re.compile(
    r"[A-Z][a-z]+\s+(?:(?:the|a|an|this|that|its|his|her)\s+)?(?:[\w.-]+\s+){1,4}?(he|she|He|She)\s+[a-z]+(?:ed|s)\b"
)
# "A keynote report was made by X", "Speeches were delivered by X": a passive sentence's agent
_PASSIVE_BY = re.compile(
    r"(?:An?|The)\s+(?:[\w-]+\s+){0,4}?(?:was|were)\s+(?:made|delivered|given|read|presented|sent)\s+by\s+"
    # ("The brilliant revolutionary life and feats of Kim Jong Suk, anti-Japanese war hero, were praised by
    # Teresa Otiniano, ...": who praised them acts)
    r"|(?:An?|The)\s+[^.;:]{0,150}?\s(?:was|were)\s+(?:highly\s+)?(?:praised|lauded|hailed|extolled|welcomed)\s+by\s+"
)
# a document's sender or author after it: "a message of greeting on June 13 from X", "an article written by
# X", "a message sent by X"
_SENDER = re.compile(
    r"(?:\s+of\s+(?:(?!to\s)[\w-]+\s+){0,2}?(?!to\s)[\w-]+)?"  # ("of greeting", not "of condolence to X")
    r"(?:\s+de\s+[a-zñáéíóú][\w-]+)?"  # ("mensaje de felicitacion de Medvedev")
    # ("a report released on Monday by", "was released on Sunday in the name of")
    r"(?:(?:\s+(?:was|were))?\s+(?:released|issued|published|presented)(?=\s+(?:on|in)\s))?"
    r"(?:\s+(?:on|dated|sent on)\s+[\w.,]+(?:\s+\d{1,2})?,?)?"
    r"(?:\s+[A-Z][a-z]+day)?"  # ("received a congratulatory message Wednesday from X")
    # ("a message sent by", "A message was sent by the X to ...": passive, its sender after "by")
    r"(?:\s+(?:written|penned|authored|contributed|signed|(?:(?:was|were)\s+)?sent))?"
    # ("el mensaje de felicitacion del CC del PTC": "del")
    r"\s+(?P<prep>from|by|of|de(?=\s+[A-Z])|del(?=\s+[A-Z])|in\s+the\s+name\s+of)\s+"  # ("released ...
    # in the name of the SPA Presidium")
    r"(?:the\s+|(?<=by\s)(?:its|their)\s+(?=[A-Z]))?"
)


def nationality_width(words: list[str], kb: KB) -> int:
    """How many of the first ``words`` are a nationality or a country's name: 2 for "Sri Lankan", "South
    African" (a country's demonym of two words, more words after it), 1 for "Pakistani", "Kazakh", "Japan"
    (by its ending, or a country's), else 0."""
    if len(words) > 2 and words[1][:1].isupper() and country_entity(" ".join(words[:2]), kb) is not None:
        return 2
    if words and (re.fullmatch(NATIONALITY_WORD, words[0]) or country_entity(words[0], kb) is not None):
        return 1
    return 0


def _foreign_described(span: str, kb: KB) -> bool:
    """A medium's description that says it is not the DPRK's: a foreign nationality or a capitalised name
    before the medium's word ("Sri Lankan daily", "a Lankadeepa commentary"; not "Korean", "DPRK")."""
    words = re.sub(r"^(?:an?|the|The|A|An)\s+", "", span).split()
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    if words[0] in ("Korean", "DPRK", "Korea", "Pyongyang", "North", "KCNA", "Juche"):
        return False
    width = nationality_width(words, kb)
    country = country_entity(" ".join(words[:width]), kb) if width else None
    return country is None or country.id != "kp"


# what a host does with a guest, or a guest does ("received", "met", "visited", "arrived")
_HOSTING = re.compile(
    r"\b(?:received|met|visited|arrived|welcomed|hosted|called on|paid a (?:courtesy )?call)\b"
)
_UNNAMED_PAPER = re.compile(
    r"\b(?:A|An|a|an)\s+(?:[A-Z][\w-]*\s+){0,2}(?:paper|newspaper|daily|weekly|magazine)\b"
)


def _names_sender(text: str, at: int, end: int) -> bool:
    """A document at ``at`` followed by its sender's name ("a message sent by Hu Jintao")."""
    m = _SENDER.match(text, at, end)
    return m is not None and text[m.end() : m.end() + 1].isupper()


_SENT_TO_HIM = re.compile(
    r"(?:\s+de\s+[\w-]+)?(?:\s+(?:y|e)\s+[\w-]+)?\s+que\s+"
    # ("una carta que en representacion de los participantes en el XV simposio ..., le dirigiera")
    # (or "que con motivo del fallecimiento del Dirigente Kim Jong Il, le remitiera")
    r"(?:(?:en\s+(?:representacion|nombre)|a\s+nombre|con\s+motivo)\s+(?:de|del)\s+[^,]{1,200},\s+)?"
    r"(?:le|les)\s+(?:dirigi\w*|envi\w*|remiti\w*|mand\w*|dedic\w*)\b"
)
# what "the speaker" did before: "made a speech", "hizo uso de la palabra"
_SPOKE = {
    "speaker": re.compile(
        r"\b(?:made|delivered|gave) an? (?:[\w-]+ )?(?:speech|address)\b|\bspoke\b|\btook the floor\b"
    ),
    "orador": re.compile(r"\bhizo uso de la palabra\b|\bpronunci[oó] (?:un|el) discurso\b"),
}
# what a described headline speaker is when it is one person ("Chinese Official", "Bangladesh Political
# Figure")
PERSON_DESCRIPTIONS = _words(
    "official figure personage politician scholar expert leader professor writer journalist analyst observer "
    "personality prisoner foreigner tourist visitor delegate activist veteran"
)
# cues that continue the last speaker's words: "and went on:", "y continua:"
GOES_ON = (
    "went on|goes on|continued|continues|prosigue|prosiguio|prosiguió|continua|continúa|continuo|continuó"
)
# documents one text names in two ways: "recibio mensaje de condolencias ..., La misiva senala"
# "the white paper said": a document its issuer published, not a newspaper
_WHITE_PAPER = re.compile(r"\bwhite\s+paper$", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _document_intros(noun_alt: str) -> tuple[re.Pattern, re.Pattern]:
    """What introduces a document named by ``noun_alt`` ("an article", "its statement", "In joint statement",
    "published ... la informacion"), and its definite mention ("the message", "el mensaje"): compiled once
    per noun, not per speaker."""
    intro = re.compile(
        r"\b(?:(?:an?|its|their|his|her|the following|this|following|issued|carried|published|released|"
        r"posted|sent|un|una|su|sus|recibio)\s+(?:[\w.-]+\s+){0,3}?|(?-i:In)\s+(?:joint\s+)?|"
        # ("Kyunghyang Daily News in August 10 editorial decried")
        r"\bin\s+(?-i:[A-Z])[a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?\s+|"
        # ("hizo publica el dia 23 la informacion no.995")
        r"(?:publica|publico|publicó|difundio|difundió|emitio|emitió)\s+(?:[\w.-]+\s+){0,5}?|"
        r"(?<=\w)['’]s\s+(?:[\w-]+\s+){0,2}?|"
        # ("The order of the Central Military Commission ... The order noted": the issuer after "of")
        r"(?-i:The)\s+(?=" + noun_alt + r"\s+of\s+(?:the\s+)?(?-i:[A-Z])))" + noun_alt + r"s?\b",
        re.IGNORECASE,
    )
    definite = re.compile(r"\b(?:the|el|la)\s+(?:[\w-]+\s+){0,2}?" + noun_alt + r"\b", re.IGNORECASE)
    return intro, definite


@functools.lru_cache(maxsize=256)
def _office_then_name(head: str) -> re.Pattern:
    """An office, the body it is of, a comma and (a name): "el secretario general de la ASEAN, Surin"."""
    return re.compile(
        r"\b" + re.escape(head) + r"(?:\s+general)?\s+(?:de|del|of)\s+[^,;:.]{1,120},\s+", re.IGNORECASE
    )


# the Spanish "the speech was given by X": "El discurso ... estuvo a cargo del jefe ..., Ri Yong Su"
_A_CARGO = re.compile(r"\bestuvo\s+a\s+cargo\s+(?:de|del)\s")
# a company's name by its abbreviated ending
_COMPANY_END = re.compile(r"\s(?:" + "|".join(sorted(COMPANY_ABBREVIATIONS)) + r")\.?$")
# a speaker span naming people together: "Chairman X and General Secretary Y"
_JOINT_SPEAKERS = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+and\s+(?:[A-Z][\w.'’-]*\s+){1,5}")
# Spanish document nouns as the packs write them and with their accents
_ACCENTED = {
    "declaracion": "declaración",
    "informacion": "información",
    "articulo": "artículo",
    "periodico": "periódico",
    "boletin": "boletín",
}
# a passive "was issued by" and the issuer after it
_ISSUED_BY = re.compile(
    r"\b(?:was|were)\s+(?:issued|released|published|made\s+public)\s+(?:[\w,.]+\s+){0,3}?by\s+(?:the\s+)?"
)
# a document made "by it"
_BY_PRONOUN = re.compile(
    r"\s+(?:(?:released|issued|published|made\s+public|adopted|sent|written)\s+)?by\s+(it|them|him|her)\b"
)
# verbs by which a body holds a gathering
_HELD = re.compile(r"\b(?:held|convened|hosted|organized|organised|sponsored|opened|called)\b")
_SAME_DOCUMENT = (
    # (a Spanish "texto" is the text of any of these: "le dedico un mensaje ... El texto senala")
    frozenset({"message", "letter", "telegram", "mensaje", "carta", "misiva", "nota", "texto"}),
    frozenset({"statement", "declaration", "communique", "declaracion", "comunicado", "nota", "texto"}),
    # ('La pagina online ... inserto un articulo ..., senala la nota': a Spanish "nota" is also an article)
    frozenset({"nota", "articulo", "artículo"}),
    # ("carried ... a special write-up titled ... The article noted")
    frozenset({"article", "write-up"}),
    # ("el secretariado del Comite ... hizo publica la informacion no.995 ... comienza la nota": a bulletin)
    frozenset({"bulletin", "boletin", "informacion", "información", "nota"}),
)
# what may stand between a document and its author: 'an article "The DPRK" contributed by X'
_TITLE_ONLY = re.compile(
    r"\s*(?:titled\s+|entitled\s+|under the title\s+)?(?:[\"“][^\"”]{0,200}[\"”])?\s*,?\s*(?:which was\s+)?"
)
_AUTHOR_VERBS = r"(?:contributed|written|authored|penned|dedicated)"
# 'an article "..." contributed by X': the author after the document it introduces
_CONTRIBUTED_BY = re.compile(r"\b" + _AUTHOR_VERBS + r"\s+by\s+(?:(?:its|the|his|her)\s+)?")
# "The article was contributed by its Chairman X" (or signed, sent by X): a document's author in a passive
_WRITTEN_BY = re.compile(
    r"\b[Tt]he\s+(\w+)\s+(?:was|is|had been|has been)\s+"
    r"(?:" + _AUTHOR_VERBS + r"|signed|sent)\s+by\s+(?:(?:the|its|his|her|their)\s+)?"
)
# nouns whose verb introduces them: "X announced that ..." then "the announcement said"
_VERB_OF = {
    "announcement": "announc",
    "statement": "stat",
    "declaration": "declar",
    "report": "report",
    "editorial": "editorially",  # ("Rodong Sinmun Thursday editorially calls upon ... the editorial says")
}


@dataclass(frozen=True)
class Ref:
    """What a speaker span refers to."""

    kind: str  # named | self | anonymous
    entity: str | None
    name: str | None
    person: bool  # a person (he/she) rather than an organisation or a document (it)
    plural: bool = False
    doc: bool = False  # a document ("the message") standing for its issuer: "it" may refer to it


ANONYMOUS_PERSON = Ref("anonymous", None, None, True)

_DATELINE = re.compile(r"[A-Z][\w .'’-]{1,40}, [A-Z][a-z]+\.? \d{1,2}(?:, \d{4})? \([^)\n]{2,30}\)\s*-*\s*")
_LEAD = re.compile(r"(?:[-–—•*]+\s*|,\s*|\s+)+")
# a short opening phrase without a comma before a definite noun phrase: "That day the mayor of ..."
_OPENING_THEN_THE = re.compile(
    r"[A-Z][a-z]+(?:\s+(?:the|a|an|this|that|its|his|her))?(?:\s+[a-z][\w-]*){0,3}?\s+(?=the\s+[a-z])"
)
# a nationality or country, then an office: "Russian minister of Culture", "U.S. representative speaking"
_NATIONAL_OFFICE = re.compile(
    r"([A-Z][\w.'’-]*)\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)(?=\s+(?:of|for|to|in|at|speaking|on)\s|[\s,.]|$)"
)
# words that make an office one of several holders or a past one
# a deputy's or an assistant's office with its portfolio, of a state or a body, is one person's: "U.S.
# assistant secretary of State for East Asian and Pacific Affairs", "assistant secretary of the U.S. Defense
# Department for World Strategy"
PORTFOLIO_OFFICE = re.compile(
    r"(?:[A-Z][\w.]*\s+)?(?:assistant|deputy)\s+[a-z]+\s+of\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}for\s+"
    r"(?:the\s+)?[A-Z]"
)
# a document and who issued it, as a sentence's subject: "A bulletin issued by ", "The booklet published by
# the "
_ISSUED_BY = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:issued|published|released|brought out|put out|edited|compiled)\s+by\s+(?:the\s+)?"
)
# a Spanish office, head first, and its body: a capitalised name or a noun and its nationality (the offices:
# the packs' offices_head_first)
_BODY_OFFICE_ES_AFTER = (
    r")\s+(?:de|del)\s+(?:(?:la|las|los|el)\s+)?(?:(?P<cap>[A-Z])|"
    # ("jefe de la delegacion de la Republica Popular Democratica de Corea": a unit of a body named after it)
    r"(?:delegaci[oó]n|misi[oó]n|comitiva|embajada)\s+(?:de|del)\s+(?:(?:la|las|los|el)\s+)?(?P<cap2>[A-Z])|"
    r"[a-záéíóúñ]+\s+(?P<adj>[a-záéíóúñ]+))"
)
# a Spanish definite article before a noun; "It" and the verb after it ("It intensified ...")
_ARTICLE_ES = re.compile(r"(?:el|la|El|La)\s+")
_IT_ACTS = re.compile(r"It\s+(?:[a-z]+ly\s+)?([a-z]+)")
# "The " or nothing before a state opening a sentence, and a finite verb after it (any word in -s counts:
# after a state's name it is a verb; quotes._FINITE_IN_CLAUSE, which reads subjects, must not take plurals)
_THE_STATE = re.compile(r"(?:[Tt]he\s+)?")
_FINITE_AFTER = re.compile(
    r"(?:\s+[a-z]+ly)?\s+(?:[a-z]+ed|[a-z]+[^s\W]s|had|has|have|is|was|were|are|will|would|should|can|could|"
    r"must|did|does|do)\b"
)
# a person named as the object of "of"/"for" inside a title or a body's name: "... Works of Comrade "
_OF_PERSON = re.compile(
    r"\b(?:of|for)\s+(?:the\s+)?(?:(?:Comrade|President|General|Generalissimo|Marshal|leader|Leader)\s+)?$"
)
# a role alone before a verb in the past tense: "the chairman thanked", "the international secretary
# requested"
_BARE_ROLE = re.compile(r"(?:[a-z][\w-]*\s+)?([a-z][\w-]*)(?=\s+[a-z]+ed\b)")
_OFFICE_NP = re.compile(r"((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)(?=\s+(?:of|for|to|in)\s)")
INTRO_WORDS = _words(
    "At On In When While After Before During Then Thereafter Later Meanwhile Earlier Upon With Through Under "
    "Following Prior Amid Despite Since So Now Today Yesterday Thereby Thus Here There Once Also However "
    "Acto Durante Seguidamente Luego Despues Después Ahora Al En Con Tras Recently Last This As First "
    "Firstly Second Secondly Next Finally Lastly Afterwards Subsequently Besides"
)
_HEAD_PREFIX_WORDS = r"(?:the|of|to|for|and|respected|dear|beloved|great|de|del|la|el|south|north|former)"
_TITLE_PREFIX = re.compile(r"(?:(?:[A-Z][\w.'’-]*|" + _HEAD_PREFIX_WORDS + r")\s*)*")
_HEADLINE_PREFIX = re.compile(
    r"(?:(?:The|Respected|respected|Dear|dear|Comrade|Great|Leader|Marshal|General|Secretary|President|"
    r"Supreme|Chairman)\s*)*"
)
# the first names of a list whose last member carries the head word: "The North, [South and Overseas
# Headquarters of ...]"
# a sentence opening with a title, then the name in apposition: "El embajador coreano, [Jong Hak Se],"
_OPENING_APPOSED = re.compile(r"\s*((?:El|La|The)\s+[^,;:.]{1,80}),\s+")
_LISTED_PREFIX = re.compile(r"(?:The\s+)?(?:[A-Z][\w-]*,\s+)+")
_ISSUE_VERBS = r"(?:issued|released|published|made public|posted|sent)"
# a subject's verb of issuing a document: "X on Monday issued a commentary"
_ISSUED = re.compile(
    r"\s+(?:(?:on|in)\s+[\w.]+(?:\s+\d{1,2})?\s+|[A-Z][a-z]+day\s+)?(?:" + _ISSUE_VERBS + r"|carried|adopted)"
    r"\s+(?:an?|its|the)\s"
)
# a verb of sending a message ("envio el dia 7 un mensaje", "sent a letter")
_SENDING = re.compile(r"\b(?:envi[oó]|dirigi[oó]|remiti[oó]|mand[oó]|sent|addressed|forwarded)\b")
# a sentence's subject issuing a document: "... released a commentary on August 25"
_ISSUES_DOC = re.compile(
    r"\b"
    + _ISSUE_VERBS
    # ("made public on Nov. 8 a report": a date between the verb and its document)
    + r"\s+(?:on\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|[A-Z][a-z]+day)\s+)?(?:an?|its|a joint)\s+(?:[\w-]+\s+){0,2}?"
    r"(statement|commentary|article|bulletin|letter|message|appeal|declaration|report|press release)\b"
)
_MEDIUM_AFTER_ISSUE = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:[A-Z][a-z]+\s+)?(?:newspaper|paper|daily|weekly|magazine|journal|monthly)\s+(?=[A-Z])"
)
# "The sixth issue of", "The June issue of", "The latest number of": a publication's issue
_ISSUE_OF = re.compile(
    r"(?:The|the)\s+(?:[\w.-]+\s+){0,3}?(?:issue|edition|number)\s+of\s+(?:the\s+)?(?=[A-Z])"
)
_NOT_SUBJECT_START = _words(
    "Thanks Due Owing Following Recalling Upon Under Despite Through Like Unlike Along Amid In On At By For "
    "From To With As After Before During Since Among Present Attending Accompanying Among Also Then"
)
# a Spanish noun after "El" ("El orador", "El premier"): the article, not the pronoun "él"
_SPANISH_NOUN = re.compile(r"\s+([a-z]+(?:or|ora|ente|ista|ario|ero|ier))\b")
_DETS = re.compile(
    r"(?:(?:all|All|the|The|a|A|an|An|its|Its|his|His|her|Her|their|Their|both|Both|el|El|la|La)\s+)+"
)
_STOP_NP = _words("of at in for from who which with on to by that as is was were are has have had")
# nouns that stand for an organisation named before ("The organization in a press release accused ...")
ORG_NOUNS = _words(
    "organization organisation group association committee party union federation council confederation "
    "society institute alliance front league movement body coalition conference network center centre "
    "ministry agency secretariat headquarters assembly"
)
_COLLECTIVE = _words("people persons police youth staff personnel public masses audience crowd media press")
_AFTER_PARTICIPLE = re.compile(r",\s*(?:(?:the|The|respected|dear|beloved)\s+)*")
_CLAUSE_SUBJECT_AFTER = re.compile(r"(?:,[^,.;]{1,150},)?\s+([a-z][\w-]*)")
# prepositions (and "so"): no verb, no head noun
PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "on",
        "to",
        "for",
        "with",
        "of",
        "by",
        "about",
        "from",
        "during",
        "through",
        "so",
        "as",
        "upon",
    }
)
_PLURAL_AFTER = re.compile(r"(?:,[^,.;]{1,150},|,)?\s+and\s")


# a verb introducing a document its subject wrote or issued, just before it: "posted an article"
POSTING_VERBS = r"(?:posted|published|issued|released|made public|wrote|contributed|sent|carried)"
_POSTING = re.compile(r"\b" + POSTING_VERBS + r"\s+(?:\S+\s+){0,3}$")
_POSTING_AT = re.compile(POSTING_VERBS + r"\b")
# a capitalised title and its body right before a name: "Vice-Chairman of the Central Committee of ... Laos "
_TITLE_RUN_BEFORE = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|the|for|in|de|del|la))*\s+$")
# a person's name describing a group or government: "the Lee Myung Bak regime", "the Obama administration"
_NAMED_GROUP = re.compile(
    r"(?:['’]s)?\s+(?:regime|group|clique|gang|administration|government|authorities|cabinet|camp|side|"
    r"forces|family|line|policy|team)\b"
)


_CUE_WORDS = r"(?:said|says|added|noted|stressed|told|declared|stated)"
_CLAUSE_GAP = re.compile(
    r"\b(?:that|which|who|whom|fact|said|says|referred|noted|stressed|and(?!\s+[A-Z])|by|with)\b"
)  # (not the "and" of a capitalised title: "Minister of Energy and Water Resources Gebran Bassil")


def media_words(kb: KB) -> str:
    """The packs' paper and broadcaster nouns as one alternation, longest first ("news agency", "paper")."""
    got = kb.compiled.get("media-words")
    if got is None:
        got = kb.compiled["media-words"] = "|".join(
            sorted(kb.media_nouns | kb.broadcast_nouns, key=len, reverse=True)
        )
    return got


def medium_kind_lead(kb: KB) -> re.Pattern:
    """A medium's kind before its name, with up to three capitalised words before it: "Chinese Internet
    website Xinlang", "the Indonesian paper Suara Karya" (the packs' paper and broadcaster nouns, and an
    Internet homepage or site, or whose it is)."""
    return kb.rx(
        "medium-kind-lead",
        lambda: (
            r"\s*(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:[Ii]nternet\s+)?(?:"
            + media_words(kb)
            # ("the Internet homepage of the Ria-Soyuz Music Press Company": whose homepage)
            + r"|homepage|site|(?:homepage|site|website)\s+of(?:\s+the)?)\s+(?=[A-Z])"
        ),
    )


def paper_word(kb: KB) -> re.Pattern:
    """A paper noun of the packs written capitalised, as a headline or a name writes it: "S. Korean Paper
    Slams ...", "Chinese Newspaper on ...", "Paper Thongil" (group ``kind``)."""
    return kb.rx(
        "paper-word",
        lambda: (
            r"\b(?P<kind>"
            + "|".join(sorted((w[:1].upper() + w[1:] for w in kb.media_nouns), key=len, reverse=True))
            + r")s?\b"
        ),
    )


def medium_noun_last(kb: KB) -> re.Pattern:
    """A name ending in a paper or broadcaster noun: "China News Service", "Xing San Daily"."""
    return kb.rx("medium-noun-last", lambda: r"(?i)\b(?:" + media_words(kb) + r")$")


def _kind_first(name: str, kb: KB) -> re.Match | None:
    """A paper noun opening a name, before the name itself ("Paper Thongil"; not "Daily Star", "Weekly
    Reader": a name of which the noun is part)."""
    m = paper_word(kb).match(name)
    if (
        m is None
        or m.group("kind").lower() in ("daily", "weekly")
        or not re.match(r"\s+[A-Z]", name[m.end() :])
    ):
        return None
    return re.compile(r"\S+\s+").match(name)


def medium_noun_end(kb: KB) -> re.Pattern:
    """A paper or broadcaster noun right before a name: "The Indonesian paper Suara Karya"."""
    return kb.rx("medium-noun-end", lambda: r"(?i)\b(?:" + media_words(kb) + r")\s+$")


def role_modifiers(kb: KB) -> frozenset:
    """The packs' role words that only modify a role after them ("first", "vice", "former")."""
    got = kb.compiled.get("role-modifiers")
    if got is None:
        got = kb.compiled["role-modifiers"] = frozenset(kb.p.get("names", {}).get("role_modifiers", []))
    return got


def role_after_modifier(words: list[str], w: str, roles: frozenset, kb: KB) -> str | None:
    """The role word after the modifier ``w`` in ``words`` ("first secretary" -> "secretary"), or None when
    the word after it is no role ("first leg")."""
    k = words.index(w) + 1
    while k < len(words) and words[k].lower() in role_modifiers(kb):
        k += 1
    if k < len(words) and (words[k].lower() in roles or words[k].lower() in kb.body_offices):
        return words[k].lower()
    return None


def speaker_words(kb: KB) -> tuple[frozenset, frozenset, frozenset]:
    """The packs' self-speaking media (entity ids), person roles and offices, lower-cased (once per KB)."""
    got = kb.compiled.get("speaker-words")
    if got is None:
        q = kb.p.get("quotes", {})
        got = kb.compiled["speaker-words"] = (
            frozenset(q.get("media", [])),
            frozenset(r.lower() for r in kb.p.get("names", {}).get("person_roles", [])),
            frozenset(o.lower() for o in q.get("offices", [])),
        )
    return got


@dataclass
class _Subject:
    kind: str  # person | org | pronoun | role | plural | document | other
    at: int
    ref: Ref | None = None
    word: str = ""  # the pronoun, the role word or the document noun
    text: str = ""  # the role's noun phrase up to the role word ("Fijian prime minister")


# a preposition before a name and its titles: the name is no subject ("in company with President", "to")
_OBLIQUE_BEFORE = re.compile(
    r"\b(?:with|by|to|for|of|from|on|at|about|toward|towards|under|and|as|than|before|after|"
    r"de|del|a|al|con|por|para|en|y|sobre|entre|ante)\s*"
    r"(?:(?:the\s+)?(?:[A-Z][\w.'’-]*\s*)+)?$"
)
# what may come between a name and "in" before a document: a day ("Rodong Sinmun Monday in a bylined article")
_NAME_DAY_IN = re.compile(r"(?:\s+(?:on\s+)?(?:" + WEEKDAY + r"|today|yesterday))?\s+in\s+$")


class Discourse:
    """One document's sentences, mentions and quotes, for resolving speakers in order."""

    def __init__(self, doc: Document, text: str, sentences: list[Sentence], mentions: list[Mention], kb: KB):
        self.doc, self.text, self.kb = doc, text, kb
        self.sents = sentences
        self.starts = [s.start for s in sentences]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.m_starts = [m.start for m in self.mentions]
        self.media, self.roles, self.offices = speaker_words(kb)
        self.quote_spans: list[tuple[int, int]] = []
        self.reported_spans: list[tuple[int, int]] = []
        self.narrated_spans: list[tuple[int, int]] = []
        self.span_refs: dict[tuple[int, int], Ref] = {}  # each resolved quote's speaker, by the quote's span
        self._resolving: set[int] = set()  # pronouns being resolved from inside a document's reading
        # the words of a direct quote or block, by where its speaker is: "he" inside them is someone else
        self.own_words: dict[int, tuple[int, int]] = {}
        self.current: tuple[int, int] = (-1, -1)  # the quote whose speaker is being resolved
        self.refs: list[tuple[int, Ref]] = []  # resolved speakers by position
        self._subjects: dict[int, _Subject] = {}
        self.described_at: set[int] = set()  # where a subject is a body named in lower case (_DESCRIBED_BODY)

    # -- helpers -------------------------------------------------------------------------------------
    _nested = False  # inside a document's search for the document that carries it

    def sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.m_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def inside_other_quote(self, start: int, end: int, pos: int) -> bool:
        """Text [start, end) lies inside a quote that does not contain ``pos``."""
        return any(a <= start and end <= b and not (a <= pos < b) for a, b in self.quote_spans)

    def ref_of(self, m: Mention) -> Ref:
        e = self.kb.entity(m.entity)
        name = e.name if e is not None and m.method != "extended" else re.sub(r"['’]s$", "", m.text)
        # (a known medium named with a word of its kind, "Kyodo News Service": that name, and its entity)
        if e is None and m.label == "ORG" and _THE_OF_MEDIUM.search(self.text, max(0, m.start - 20), m.start):
            name = "The " + name  # "the Indonesian paper The First Times": its "The" is part of its name
        kind = "self" if m.entity in self.media else "named"
        return Ref(kind, m.entity, name, m.label == "PERSON")

    def add(self, pos: int, ref: Ref) -> None:
        bisect.insort(self.refs, (pos, ref), key=lambda x: x[0])

    # -- sentence subjects ---------------------------------------------------------------------------
    def subject(self, i: int) -> _Subject:
        if i not in self._subjects:
            subj = self._find_subject(i)
            r = subj.ref
            if (
                r is not None
                and r.entity is None
                and r.name
                and (
                    (subj.kind == "org" and not r.person)
                    or (
                        subj.kind == "person" and _kind_first(r.name, self.kb) is not None
                    )  # ("Paper Thongil")
                )
            ):
                s = self.sents[i]
                if _PUBLISHED.search(self.text, subj.at, min(s.end, subj.at + len(r.name) + 30)):
                    # what carries an article is a medium, named without its place or its kind ("The La
                    # Juventud of Uruguay on May 20 carried", "Paper Thongil published by ... carried": La
                    # Juventud, Thongil; guidelines 6)
                    kind = _kind_first(r.name, self.kb)
                    name = medium_without_place(r.name[kind.end() :] if kind else r.name, self.kb)
                    subj = replace(subj, kind="org", ref=replace(r, name=name, person=False))
            self._subjects[i] = subj
        return self._subjects[i]

    def _find_subject(self, i: int) -> _Subject:
        t = self.text
        s = self.sents[i]
        p = s.start
        d = _DATELINE.match(t, p, s.end)
        if d:
            p = d.end()
        lead = _LEAD.match(t, p, s.end)
        if lead:
            p = lead.end()
        first = re.match(r"[\w'’-]+", t[p : s.end])
        word = first.group() if first else ""
        if word.endswith(("ing", "ndo")) and word[:1].isupper():
            # "Saying that ..., he ...", "Clarifying ..., the respected General Secretary called ..."
            if re.match(r"\w+(?:\s+\w+){0,3}\s+(?:were|was|are|is)\b", t[p : s.end]):
                return _Subject("other", p)  # "Attending it were X, Y": an inverted list, no subject
            c = _AFTER_PARTICIPLE.search(t, p, s.end)
            while c is not None:
                q = c.end()
                if re.match(r"(?:he|she|they|He|She|They)\b", t[q : q + 5]) or any(
                    m.start == q and m.label == "PERSON" for m in self.mentions_in(q, s.end)
                ):
                    break
                c = _AFTER_PARTICIPLE.search(t, c.end(), s.end)
            if c is None:
                return _Subject("other", p)
            p = c.end()
        elif (
            (
                word in INTRO_WORDS
                # ("So Jae Jong, a professor ..., dedicated an article": a surname, not the connective "So")
                and not any(m.start == p and m.label == "PERSON" for m in self.mentions_in(p, p + 40))
            )
            or re.match(
                r"(?:(?:One|That|The same|Same|The next|Next) (?:day|morning|evening|night|time)|"
                r"(?:Some|A few|Several|Two|Three|Four|Five) (?:days|weeks|months|years) ago|"
                # ("De otro lado, el ex gobernador ..., Bill Richardson, demando": a Spanish connective)
                r"(?:De|Por) (?:otro lado|otra parte|su parte|el contrario|igual modo)(?=,))\b",
                t[p : p + 24],
            )
        ):
            # "At that time, X ...", "When he arrived at the venue, all the participants ...": the subject
            # follows the opening phrase
            c = re.compile(
                r",\s*(?=(?:he|she|it|they|He|She|It|They|the|The|all|All)\b|[A-Z]|(?:el|él|ella)\s+[a-z]+[oó]\b|"
                # ("Con motivo de ..., el Presidium del Comite Central ...", "Durante el recorrido ..., el
                # Dirigente Kim Jong Il ...")
                r"(?:el|la|los|las)\s+[A-Z])"
            ).search(t, p, min(s.end, p + 400))
            if c is None:
                # "At the meeting Wang Jiarui conveyed greetings": a short opening phrase without a comma
                people = [
                    m
                    for m in self.mentions_in(p, s.end)
                    if m.start < p + 60
                    and m.label in ("PERSON", "ORG")
                    and re.match(r"\s+[a-z]+(?:ed|s)\b", t[m.end : m.end + 20])
                ]
                if (
                    people
                    and re.fullmatch(
                        r"[A-Z][a-z]+(?:\s+(?:the|a|an|this|that|its|his|her))?(?:\s+[a-z][\w-]*){1,3}\s+"
                        r"(?:the\s+)?",  # ("On the same day the Finnish National Committee ... posted")
                        t[p : people[0].start],
                    )
                ):
                    kind = "person" if people[0].label == "PERSON" else "org"
                    return _Subject(kind, people[0].start, self.ref_of(people[0]))
                pr = _OPENING_THEN_PRONOUN.match(t, p, min(s.end, p + 80))
                if pr:  # "In a commentary on Jan. 17 he blamed ...": the pronoun after the phrase
                    return _Subject("pronoun", pr.start(1), word=pr.group(1).lower())
                office = _OPENING_THEN_THE.match(t, p, min(s.end, p + 60))
                np = _OFFICE_NP.match(t, office.end() + 4, s.end) if office else None
                if np and self.unnamed_office(office.end(), s.end):
                    # "That day the mayor of Nagasaki submitted a written protest": an office one person
                    # holds, after a short opening phrase without a comma (the holder named elsewhere, or not)
                    return _Subject("role", office.end() + 4, word=np.group(1).split()[-1], text=np.group(1))
                bare = _BARE_ROLE.match(t, office.end() + 4, s.end) if office else None
                if bare and bare.group(1) in self.kb.body_offices | self.roles:
                    # "At the talk the chairman thanked ...": a role the story gave a person before
                    return _Subject("role", office.end() + 4, word=bare.group(1), text=bare.group(1))
                return _Subject("other", p)
            p = c.end()
        headline = i == 0 and s.start < self.doc.body_offset
        described = _DESCRIBED_QUOTED_ES.match(t, p, s.end)
        if described and not headline:
            # 'La pagina online de Nepal "Nepal-Europa" inserto un articulo': the body named in marks
            return _Subject("org", described.start(1), Ref("named", None, described.group(1), False))
        quoted = _QUOTED_NAME.match(t, p, s.end)
        if quoted and not headline:
            # '"True Path of the Nation," the organ of ..., in an editorial called ...': a title in marks
            return _Subject("org", p, Ref("named", None, quoted.group(1), False))
        pr = re.match(r"(He|She|It|They|he|she|it|they|Él|El|Ella|Ellos)\b", t[p : s.end])
        if pr is None and self.spanish:
            # "En la ocasion, el dijo que": "el" without its accent, before a cue, is the pronoun "él"
            low = re.match(r"(él|el|ella)\s+([a-záéíóúñ]+)\b", t[p : s.end])
            if low is not None and low.group(2) in self.kb.zero_subject_cues:
                return _Subject("pronoun", p, word=low.group(1))
        article = (
            pr is not None and pr.group() in ("El", "Ella") and _SPANISH_NOUN.match(t, p + pr.end(), s.end)
        )
        name_after = pr is not None and pr.group() in ("El", "La") and re.match(r"\s+[A-Z]", t[p + 2 : p + 4])
        if pr and not (pr.group() == "El" and not self.spanish) and not article and not name_after:
            return _Subject("pronoun", p, word=pr.group().lower())
        if name_after:
            p += 3  # "El Comite Central del Partido Comunista ... hizo publica": the article before a name
        if article:  # "El orador recordo ...": the article and a noun, not "él"
            word = _SPANISH_NOUN.match(t, p + pr.end(), s.end).group(1).lower()
            if word in self.roles:
                holder = self._titled_holder(p, s)
                if holder is not None:
                    return _Subject("person", holder[0], holder[1])
                return _Subject("role", p + pr.end() + 1, word=word, text=word)
        body = None if headline else _DESCRIBED_BODY.match(t, p, s.end)
        if body is not None:
            # "The Kuwaiti preparatory committee for commemorating the centenary of birth of President Kim
            # Il Sung and the Kuwait-DPRK Friendship Association jointly issued": a body the text names in
            # lower case, by what it is for (its first conjunct, guidelines 2.2)
            self.described_at.add(body.start("np"))
            return _Subject("org", body.start("np"), Ref("named", None, body.group("np"), False))
        ms = [m for m in self.mentions_in(p, s.end) if m.label in ("PERSON", "ORG", "PLACE")]
        if ms:
            m = ms[0]
            prefix = t[p : m.start]
            fw = prefix.split()[0] if prefix.split() else ""
            ok = (
                (_HEADLINE_PREFIX if headline else _TITLE_PREFIX).fullmatch(prefix)
                or (not headline and _LISTED_PREFIX.fullmatch(prefix))
                or (
                    not headline
                    and m.label == "PERSON"
                    and len(prefix.split()) <= 5
                    and all(
                        w[:1].isupper() or w.lower() in self.roles or re.fullmatch(_HEAD_PREFIX_WORDS, w)
                        for w in prefix.split()
                    )
                )  # "Former Mossad chief Meir Dagan, at a forum on May 25, declared": a role word
            ) and (fw not in _NOT_SUBJECT_START)
            if ok:
                if m.label == "PERSON":
                    if _PLURAL_AFTER.match(t, m.end, s.end):
                        return _Subject("plural", m.start)
                    if _NAMED_GROUP.match(t, m.end, s.end):
                        return _Subject("other", m.start)  # "the Lee Myung Bak regime": not the person
                    last = self._clause_subjects(m, s)
                    return _Subject("person", last.start, self.ref_of(last))
                if m.label == "ORG":
                    named = next((x for x in ms[1:2] if x.label == "PERSON"), None)
                    office = re.fullmatch(
                        r"(?:[Tt]he\s+)?([A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+(?:of|for)\s+(?:the\s+)?",
                        prefix,
                    )
                    run = re.match(r"(?:\s*(?:[A-Z][\w.'’-]*|of|for|the|and|in|to)\b)*", t[m.end : s.end])
                    if (
                        office
                        and office.group(1).lower() in self.kb.body_offices
                        and not any(x.label == "PERSON" and x.start <= m.end + run.end() for x in ms)
                    ):
                        # "Speaker of the Indonesian People's Consultative Assembly ... accused": the body's
                        # office-holder is the subject, not the body
                        return _Subject("other", p)
                    if (
                        named is not None
                        and prefix.strip()
                        and (
                            (re.fullmatch(r",\s+", t[m.end : named.start]) and t.startswith(",", named.end))
                            # "Supreme Commander of the Korean People's Army Kim Jong Un Sunday sent": a
                            # title, its body, then the holder's name
                            or (
                                re.fullmatch(r"\s+", t[m.end : named.start])
                                and re.search(r"\b(?:of|for|del|de)\s+(?:the\s+)?$", prefix)
                                and prefix.strip()[:1].isupper()
                            )
                        )
                    ):
                        # "El Comandante Supremo del Ejercito Popular de Corea, Kim Jong Un, envio": the
                        # title's holder, named after it between commas
                        return _Subject("person", named.start, self.ref_of(named))
                    return _Subject("org", m.start, self.ref_of(m))
                # the person after a title ending in a country: "Foreign Minister of the DPRK Pak Ui Chun
                # Tuesday sent", "DPRK Premier Choe Yong Rim sent", "Nicaragua's President Daniel Ortega
                # Saavedra has called" (not a headline "Pyongyang Kim Jong Suk Silk Mill")
                between = t[m.end : ms[1].start] if len(ms) > 1 else ""
                if (
                    ms[-1:] != [m]
                    and ms[1].label == "PERSON"
                    and re.fullmatch(r"(?:['’]s)?\s+(?:[A-Z][\w.'’-]*\s+){0,3}", between)
                    and (between.strip() or re.search(r"\bof\s+(?:the\s+)?$", prefix))
                ):
                    return _Subject("person", ms[1].start, self.ref_of(ms[1]))
                # "The People for Achieving Peace and Reunification of south Korea in a statement": a place
                # ending a longer capitalised name; the name starts where the sentence does
                return _Subject("other", p if re.search(r"[A-Z]\w*\s+(?:of|for|in)\s+$", prefix) else m.start)
        if (not ms or ms[0].start > p) and not headline:
            name = capitalised_name(t, p, s.end)
            if (
                name
                and self.looks_like_person(name)
                and re.match(
                    r",\s+(?:an?|the)\s|\s+[a-z]+ed\b|\s+who\s", t[p + len(name) : p + len(name) + 30]
                )  # ("Ivan Shawvaker who is a spokesperson for ... said")
            ):
                return _Subject(
                    "person", p, Ref("named", None, name, True)
                )  # "Yasser Abed Rabbo, a ... official"
            if (
                name
                and " " in name
                and not self.looks_like_person(name)
                and t.startswith(name, p)
                and re.match(r"\s+(?:[a-z]+ly\s+)?[a-z]{3,}ed\b", t[p + len(name) : p + len(name) + 30])
            ):
                # "Standard and Poors degraded the U.S. credit rating ... it pointed out": a body's name the
                # packs do not know, the subject of a past tense
                return _Subject("org", p, Ref("named", None, name, False))
        by = _PASSIVE_BY.match(t, p, s.end)
        if by:
            agents = [
                m
                for m in self.mentions_in(by.end(), s.end)
                if m.label == "PERSON"
                and re.fullmatch(r"(?:(?:the|[A-Z][\w.-]*)\s+){0,3}", t[by.end() : m.start])
            ]
            if agents:  # "A keynote report was made by Andre Aubry, president of ...": he is who acts
                return _Subject("person", agents[0].start, self.ref_of(agents[0]))
        issue = _ISSUE_OF.match(t, p, s.end)
        if issue and not headline:
            # "The sixth issue of Serp I Molot, the organ of ..., carried an article": the publication
            at = issue.end()
            # "The May 20th issue of Nepali newspaper Arpan carried": the paper named after its noun
            medium = _MEDIUM_AFTER_ISSUE.match(t, at, s.end)
            if medium:
                at = medium.end()
            ms = [m for m in self.mentions_in(at, s.end) if m.start == at]
            if ms and ms[0].label == "ORG":
                return _Subject("org", ms[0].start, self.ref_of(ms[0]))
            name = capitalised_name(t, issue.end(), s.end)
            if name:
                return _Subject("org", issue.end(), Ref("named", None, name, False))
        det = _DETS.match(t, p, s.end)
        q = det.end() if det else p
        count = re.match(r"(?:\d[\d,]*|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Mm]any)\s+", t[q : q + 12])
        if count:  # "11 Pakistani political parties and organizations issued": a counted plural
            q += count.end()
        words = re.findall(r"[\w'’-]+", t[q : min(s.end, q + 80)])[: 4 if count else 3]
        if (
            det is not None
            and det.group().strip() in ("The", "the")
            and t[q : q + 1].isupper()
            and not headline
        ):
            name = capitalised_name(t, q, s.end)
            if name and " " in name and any(w in self.kb.org_heads for w in name.split()):
                # "The Youth and Student Sub-Committee of the North Side Committee ... issued": a body's name
                # the packs do not know, though it opens with a word that describes people
                return _Subject("org", q, Ref("named", None, name, False))
        if (
            det is not None
            and det.group().strip() in ("A", "An", "a", "an")
            and words
            and NATIONALITY.fullmatch(words[0])
            and len(words) > 1
            and words[1][:1].islower()
        ):
            return _Subject("anon", q, word=words[0].lower())  # "A Korean living in Sweden issued an article"
        for w in words:
            lw = w.lower()
            if lw in _STOP_NP or (lw.endswith("ed") and w[:1].islower()):
                break
            if lw in self.kb.doc_nouns:
                return _Subject("document", q, word=lw)
            if lw in ORG_NOUNS and det and re.search(r"\b(?:the|The)\s+$", det.group()):
                return _Subject("orgnoun", q, word=lw)
            if lw in self.roles and not lw.endswith("s"):
                if (
                    lw in role_modifiers(self.kb)
                    and role_after_modifier(words, w, self.roles, self.kb) is None
                ):
                    continue  # "The first leg of his guidance was ...": a modifier, not a role
                if det is None and w[:1].isupper() and w == words[0]:
                    break  # "First of all, he ...", "General ...": a sentence opener, no description
                if det and re.search(
                    r"\b(?:the|The|its|Its|his|His|her|Her|their|Their|el|El|la|La)\s+$", det.group()
                ):
                    holder = self._titled_holder(q, s)
                    if holder is not None:
                        return _Subject("person", holder[0], holder[1])
                    np = t[q : t.find(w, q) + len(w)] if t.find(w, q) >= 0 else w
                    return _Subject("role", q, word=lw, text=np)
                return _Subject("anon", q, word=lw)
            nxt = words[words.index(w) + 1].lower() if words.index(w) + 1 < len(words) else ""
            if lw in _COLLECTIVE and nxt in self.kb.doc_nouns:
                continue  # "A press release was read out": the document, not the press
            if lw in _COLLECTIVE and w[:1].islower():  # "The People for ... Reunification" is a name
                return _Subject("plural", q)
            if (lw in self.kb.anonymous or lw.split("-")[-1] in self.kb.anonymous) and not lw.endswith("s"):
                # ("A vice-spokesman for the Democratic Labor Party released a commentary")
                return _Subject("anon", q, word=lw)
            if lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and w[:1].islower():
                return _Subject("plural", q)
        return _Subject("other", p)

    def _titled_holder(self, at: int, s: Sentence) -> tuple[int, Ref] | None:
        """'El presidente del Comite Ejecutivo Central del Partido ..., Hasanul Huq Inu, se reunio', 'The
        chairman of the association, Kim Ok Sun, said': the person named in apposition right after the
        title that opens the sentence (one stretch without a comma before the name, a comma or bracket
        after it), a mention or a name no pack knows."""
        head = re.match(r"[^,;:.()]{3,200}?,\s+", self.text[at : s.end])
        if head is None:
            return None
        start = at + head.end()
        ms = [m for m in self.mentions_in(start, min(s.end, start + 80)) if m.start == start]
        if ms and ms[0].label == "PERSON":
            end, ref = ms[0].end, self.ref_of(ms[0])
        elif ms:
            return None
        else:
            name = re.match(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,4}", self.text[start : s.end])
            if name is None or not self.looks_like_person(name.group()):
                return None
            end, ref = start + name.end(), Ref("named", None, name.group(), True)
        return (start, ref) if re.match(r"\s*[,(]", self.text[end : end + 3]) else None

    def _clause_subjects(self, m: Mention, s: Sentence) -> Mention:
        """'X, chairman of ..., made an address and Y, chairman of ..., made a report': the last clause's
        subject (Y) is the most recent one."""
        last = m
        for n in self.mentions_in(m.end, s.end):
            if n.label != "PERSON" or not self.text[max(0, n.start - 5) : n.start].endswith(" and "):
                continue
            if re.search(r"\b(?:together|along)\s+with\b", self.text[m.end : n.start]):
                break  # "Kim Jong Il together with X, ..., and Y, ..., sent": his companions, one subject
            a = _CLAUSE_SUBJECT_AFTER.match(self.text, n.end, s.end)
            if (
                a
                and a.group(1) not in ("and", "or", "the", "other", "others")
                and a.group(1) not in PREPOSITIONS
            ):
                # (not "..., and Wen Jiabao, premier of ..., on Friday": a phrase, no verb of its own)
                last = n
        return last

    @functools.cached_property
    def spanish(self) -> bool:
        """The document is Spanish (its language, else its first words): worked out once."""
        return (self.doc.lang or "").startswith("es") or bool(
            re.search(r"\b(?:del|los|las|que|fue)\b", self.text[:400])
        )

    def link(self, ref: Ref) -> Ref:
        """A name no mention resolved, linked to a pack entity when one is unmistakable: an alias written
        differently ("Dmitri Anatoliyevich Medvedev" for Dmitry Medvedev: the same surname, a first name
        with the same first four letters, and no other pack person sharing both)."""
        index = self.kb.compiled.get("person-surnames")
        if index is None:
            index = {}
            for e in self.kb.entities.values():
                if e.type != "PERSON":
                    continue
                for n in (e.name, *e.aliases):
                    toks = n.lower().split()
                    if len(toks) >= 2:
                        index.setdefault(toks[-1], set()).add((toks[0][:4], e.id))
            self.kb.compiled["person-surnames"] = index
        known = self.known_inside(ref.name) if not ref.person else None
        if known is not None:
            return known  # "Chinese People's Daily", "ITAR-TASS of Russia": the body the packs know
        words = ref.name.split()
        for k in range(1, len(words) - 1):
            # "El Maximo Dirigente Kim Jong Un": a person the packs know after the titles written before him
            hit = self.kb.surface.get(" ".join(words[k:]))
            if hit is not None and hit[0] == "PERSON" and all(w[:1].isupper() for w in words[:k]):
                e = self.kb.entity(hit[1])
                if e is not None:
                    return Ref(ref.kind, e.id, e.name, True)
        titled = None if _DESCRIBED_NAME.match(ref.name) else self.name_after_title(ref.name)
        if titled is not None:  # (not "... preparatory committee for ... of President Kim Il Sung")
            return replace(ref, name=titled, person=True)  # "War veteran Ri Un Chang": the person
        if not ref.person:
            ref = replace(ref, name=self.with_place(ref.name))
        bare = self.bare_name(ref.name)
        if bare != ref.name:
            ref = replace(ref, name=bare, person=ref.person or self.looks_like_person(bare))
        fuller = self.fuller_name(ref.name)
        if fuller is not None:
            ref = replace(ref, name=fuller)
        if re.fullmatch(r"[A-Z]{2,6}", ref.name):
            # "PNA" where the text wrote "the Palestinian National Authority (PNA)": the name it stands for
            full = _expansion(self.text, ref.name)
            return replace(ref, name=full) if full else ref
        toks = ref.name.lower().split()
        if len(toks) < 2 or len(toks[0]) < 5:  # (not a Korean surname-first name: "Choe Un Bok")
            return ref
        hits = {eid for first, eid in index.get(toks[-1], ()) if first == toks[0][:4]}
        if len(hits) != 1:
            return ref
        e = self.kb.entity(next(iter(hits)))
        return replace(ref, entity=e.id, name=e.name, person=True)

    def name_after_title(self, name: str) -> str | None:
        """The person's name at the end of a title and name no pack knows: "War veteran Ri Un Chang",
        "Drug Prosecutor Javier Caraballo", "Military Attache of the Iranian Embassy Hassan Reza Husseini",
        "Syrian Charge d'Affaires A.I. Haissam Saad". The words before the name end in a title, an office,
        a body's head word or an abbreviation; the name looks like a person's."""
        name = _AGE_TAIL.sub("", name)  # "Jon Chang Su (50 anos de edad)"
        toks = name.split()
        if len(toks) < 3:
            return None
        titled_start = toks[0] in self.kb.person_titles or toks[0].lower() in speaker_words(self.kb)[1]
        for n in (4, 3, 2):
            if len(toks) <= n:
                continue
            tail, before = " ".join(toks[-n:]).rstrip(".,;"), toks[-n - 1]
            if not self.looks_like_person(tail):
                continue
            if before not in self.kb.org_heads and any(w in self.kb.org_heads for w in toks[: -n - 1]):
                continue  # ("Committee to Commemorate ... of President Kim Il Sung": a body's name)
            place_before = (self.kb.surface.get(before) or ("",))[0] == "PLACE"
            if len(toks) - n >= 2 and (
                before.lower().strip(",") in _TITLE_ENDS
                or (
                    place_before and titled_start
                )  # "General Secretary of the ... Party of Italy Oliviero D."
                or before in self.kb.org_heads
                or re.fullmatch(r"(?:[A-Z]\.){2,}", before)  # ("Charge d'Affaires A.I. Haissam Saad")
            ):
                return tail
        return None

    def with_place(self, name: str) -> str:
        """An organisation's name with the place the text writes after it somewhere ("Group of Youth for
        the Study of Kim Jong Il Juche Idea in Vienna", "... Sovereignty of south Korea"): its fullest form
        (guidelines 1.4 and 6). Not a medium's ("Xinhua News of China" is Xinhua News), not a second place."""
        placed = _ENDS_IN_PLACE.search(name)
        if (
            " " not in name
            or _MEDIUM_END.search(name)
            or _MEDIUM_INSIDE.search(
                name
            )  # ("Phoenix Satellite TV Holdings LTD of Hong Kong": a medium's owner)
            or (placed and (self.kb.surface.get(placed.group(1)) or ("",))[0] == "PLACE")
        ):
            return name
        for at in (m.end() for m in re.finditer(re.escape(name), self.text)):
            tail = _PLACE_TAIL.match(self.text, at)
            if tail is None:
                continue
            if tail.group(2) and self._is_place(tail.group(2)):
                return name + tail.group()  # ("... Songun Politics in Mariupol City of Ukraine")
            if tail.group(2) and not _PLACE_TAIL_ONE.match(self.text, at):
                continue  # (what follows the first place is not the end of the name)
            if self._is_place(tail.group(1)):
                return name + self.text[at : tail.end(1)]
        return name

    def _is_place(self, words: str) -> bool:
        return words.split()[0] in ("south", "north") or (self.kb.surface.get(words) or ("",))[0] == "PLACE"

    def known_inside(self, name: str) -> Ref | None:
        """A pack medium under words that only describe it: a nationality before it ("Chinese People's
        Daily"), its country after it ("ITAR-TASS of Russia"). None unless what is left is a name the packs
        know as a medium (a body's generic name, "Malaysian Foreign Ministry", is another body)."""
        m = _DESCRIBED_KNOWN.fullmatch(name)
        if m is None:
            return None
        core = m.group("core")
        hit = self.kb.surface.get(core)
        if hit is None or hit[0] != "ORG" or core == name:
            return None
        country = m.group("country")
        if country is not None and (self.kb.surface.get(country) or ("",))[0] != "PLACE":
            return None
        e = self.kb.entity(hit[1])
        if e is None or e.subtype != "media":
            return None  # ("Malaysian Foreign Ministry" is no "Foreign Ministry" the packs know)
        return Ref("self" if e.id in self.media else "named", e.id, e.name, False)

    # -- pronouns ------------------------------------------------------------------------------------
    def _within(self, speaker_at: int, pos: int) -> bool:
        a, b = self.own_words[speaker_at]
        return a <= pos < b

    def _named_before_words(self, pos: int) -> Ref | None:
        """'A spokesman ... answered a question about invectives made by ... Glyn Davis: A few days ago he
        said ...': inside a speaker's own words, the one person named between the speaker and the words."""
        for at, (a, b) in self.own_words.items():
            if a <= pos < b and at < a:
                people = {m.entity or m.text: m for m in self.mentions_in(at, a) if m.label == "PERSON"}
                if len(people) == 1:
                    return self.ref_of(next(iter(people.values())))
        return None

    def pronoun(self, word: str, pos: int) -> Ref:
        """Whom ``word`` at ``pos`` stands for; "he" and "she" agree with a person's gender where the packs
        give it ("She scolded her son" after "Kim Il Sung called on her mother": not Kim Il Sung, but the
        last person named before who may be a woman, else an unnamed one)."""
        r = self._pronoun(word, pos)
        gender = _PRONOUN_GENDER.get(word.lower())
        if gender is None or not self._wrong_gender(r, gender):
            return r
        for m in reversed(self.mentions_in(0, pos)):
            if m.label == "PERSON" and not self.inside_other_quote(m.start, m.end, pos):
                other = self.ref_of(m)
                if not self._wrong_gender(other, gender):
                    return other
        return ANONYMOUS_PERSON

    def _carried_words(self, i: int, pos: int) -> tuple[int, int] | None:
        """'... the article noted, adding:, , The dear respected Kim Jong Un has carried forward the cause.,
        , He declared that ...': a "he" opening the sentence right after a document's or a medium's words
        (no narration between) is someone those words name; the span of those words, else None."""
        here = self.sents[i]
        if self.text[here.start : pos].strip(" ,\r\n\t"):
            return None
        for a, b in self.quote_spans:
            if b <= here.start and not self.text[b : here.start].strip(" ,.\r\n\t"):
                r = self.span_refs.get((a, b))
                if r is not None and r.kind in ("named", "self") and not r.person:
                    return a, b
        return None

    def _wrong_gender(self, r: Ref, gender: str) -> bool:
        e = self.kb.entity(r.entity)
        return e is not None and e.gender is not None and e.gender != gender

    def _pronoun(self, word: str, pos: int) -> Ref:
        cls = PRONOUNS.get(word.lower(), "person")
        if word.lower() in ("he", "she") and self.own_words:
            before = self._named_before_words(pos)
            if before is not None:
                return before
        if cls == "group":
            here = self.sents[self.sent_index(pos)]
            within = _IN_THE_DOC.match(self.text, here.start, pos + len(word) + 1)
            if (
                within is not None
                and within.end() == pos + len(word) + 1
                and within.group(1).lower() in self.kb.doc_nouns
                and within.group(1).lower() not in self.kb.media_nouns
            ):
                # "... received a joint condolence message from X and Y. In the message they expressed":
                # the document's senders (the first of them), found in the sentences before
                r = self.document(within.group(1), here.start)
                if r.kind == "named" and (r.entity is not None or len((r.name or "").split()) >= 2):
                    return r  # (not "Superintendents of education ... released a joint resolution")
            return self.joint_subject(pos) or Ref("anonymous", None, None, True, plural=True)
        i = self.sent_index(pos)
        carried = self._carried_words(i, pos) if cls == "person" else None
        for j in range(i, -1, -1):
            s = self.sents[j]
            limit = pos if j == i else s.end
            if (
                self.inside_other_quote(s.start, s.end, pos)
                and not self.narrated(s.start)
                and not (carried is not None and carried[0] <= s.start and s.end <= carried[1] + 2)
            ):
                continue
            within = _IN_THE_DOC.match(self.text, s.start, limit) if cls == "thing" and j < i else None
            if within is not None and within.group(1).lower() in self.kb.doc_nouns:
                # "In the letter he deplored that ... It is as foolish an act ..., it said": the document the
                # sentence before speaks through, not the person
                return self.document(within.group(1), s.start + within.start(1))
            here = [
                (p, r)
                for p, r in self.refs
                if s.start <= p < limit
                and not (p in self.own_words and cls == "person" and self._within(p, pos))
            ]  # ("A spokesman ... gave the following answer ...: ... he said": not the spokesman)
            if here:
                p, r = here[-1]
                told_him = (
                    r.kind == "anonymous"
                    and cls == "person"
                    and re.search(r"\b(?:told|asked|informed|reported to)\s+(?:him|her)\b", self.text[p:pos])
                )  # "When an official told him about the fact that ..., he asked": the "him" is the "he"
                reporter = re.search(
                    r"\b(?:according to|citing)\s+(?:\S+\s+){0,3}$", self.text[max(0, p - 40) : p]
                )
                # ("The Council ... accused the authorities ..., according to south Korean KBS. It recalled":
                # the body the medium reports on, the sentence's subject, is the "it")
                if self._compatible(r, cls) and not told_him and not (reporter and cls == "thing"):
                    return r
                if not (cls == "person" and ((r.kind == "named" and not r.person) or r.plural)) and not (
                    reporter and cls == "thing"
                ):
                    continue
                # ("The Mongolian defense minister voiced ..., according to ITAR TASS. "...," he said": the
                # source quoted is a medium, not the "he"; the sentence's subject may be)
            cargo = _A_CARGO.search(self.text, s.start, limit) if cls == "person" and j < i else None
            if cargo is not None:
                people = [m for m in self.mentions_in(cargo.end(), limit) if m.label == "PERSON"]
                if people:
                    return self.ref_of(
                        people[-1]
                    )  # ("El discurso ... estuvo a cargo del jefe ..., X. El dijo")
            subj = self.subject(j)
            sa = subj.at + 1 if self.text[subj.at : subj.at + 1] in ('"', "“", "'", "‘") else subj.at
            # (a subject found at an opening quotation mark lies inside the words quoted)
            if subj.at >= limit or any(
                a <= sa < b
                and (not a <= pos < b or (a, b) == self.current)
                and (a, b) not in self.reported_spans  # (what a medium reports is the story's own sentence)
                and (a, b) not in self.narrated_spans
                and not ((a, b) == self.current and b <= self.sents[i].start and cls == "person")
                and (a, b) != carried
                for a, b in self.quote_spans
            ):
                continue  # (a subject inside quoted words, another's or those "it" attributes, is not "it";
                # but "Hugo Chavez called on the people to ... He said this": the sentences before, which the
                # pronoun's own sentence says he said, have him as their subject)
            if subj.kind == "pronoun":
                if PRONOUNS.get(subj.word, "person") != cls:
                    continue
                continue  # the same referent further back
            if cls == "person":
                if subj.kind == "person":
                    return subj.ref
                titled = (
                    self.name_in_title(subj.at, limit) if subj.kind in ("role", "anon", "other") else None
                )
                if titled is not None:
                    return titled
                if subj.kind == "role":
                    r = self.role(subj.word, subj.at, definite=True, span=subj.text)
                    if r is None and self.unnamed_office(subj.at, s.end):
                        # "The minister of Agriculture and Irrigation ... called on ... he added": an office
                        # one person holds, the holder unnamed (guidelines 2.3)
                        return Ref("named", None, None, True)
                    return r or ANONYMOUS_PERSON
                if (
                    subj.kind in ("anon", "other")
                    and self.text[subj.at : subj.at + 1].isupper()  # (not a list's piece the splitter cut)
                    and self.unnamed_office(subj.at, s.end)
                ):
                    # "Pakistan's army chief said ... he said", "The attorney-general of Australia ... he
                    # noted": an office one person holds, the holder unnamed (guidelines 2.3)
                    return Ref("named", None, None, True)
                if subj.kind == "anon":
                    if re.search(r"\b(?:him|himself)\b", self.text[subj.at : min(limit, s.end)]):
                        continue  # "An official told him there was no such machine. ... he stressed": the
                        # "him" the unnamed one spoke to is the "he"
                    return ANONYMOUS_PERSON
                met = _MET.match(self.text, subj.at, s.end) if subj.kind == "org" else None
                if j < i and (
                    (met and subj.ref is not None and subj.ref.kind == "self") or subj.kind == "other"
                ):
                    # "KCNA met Ha Sin Guk, a department director ... He said:": the medium's interviewee;
                    # "Ex-president of the U.S. Jimmy Carter, when meeting ..., admired ...": a person after
                    # a title the subject finder does not take for a name
                    people = [
                        m
                        for m in self.mentions_in(met.end() if met else s.start, limit)
                        if m.label == "PERSON" and not any(a <= m.start < b for a, b in self.quote_spans)
                    ]
                    if people and (
                        (met and people[0].start <= met.end() + 4)
                        or (not met and re.fullmatch(_TITLE_WORDS, self.text[subj.at : people[0].start]))
                    ):
                        return self.ref_of(people[0])
            elif cls == "thing":
                if subj.kind == "org":
                    return subj.ref
                issued = (
                    _ISSUES_DOC.search(self.text, s.start, s.end)
                    if subj.kind == "anon" and word.lower() == "it" and j < i
                    else None
                )
                if issued is not None:
                    # "A vice-spokesman for the Democratic Labor Party released a commentary ... It referred
                    # to": the document, whose issuer the sentence gives
                    return self.document(issued.group(1).lower(), s.end)
                if subj.kind == "orgnoun":
                    r = self.org_before(subj.at) or self.unit_of_body(subj.at)
                    if r is not None:
                        return r
                if subj.kind == "document":
                    named = self._medium([j], s.end, False) if subj.word in self.kb.media_nouns else None
                    # ("The Nepali paper Arpan ... carried an article. It said": the paper the subject names)
                    return named or self.document(subj.word, subj.at)
                if (
                    subj.kind == "other"
                    and word.lower() == "it"
                    and j < i
                    and s.start >= self.doc.body_offset
                ):
                    state = next((m for m in self.mentions_in(subj.at, s.end) if m.start == subj.at), None)
                    e = self.kb.entity(state.entity) if state is not None else None
                    if (
                        e is not None
                        and e.subtype == "country"
                        and re.match(
                            r"(?:\s+[a-z]+ly)?\s+(?:" + _ISSUE_VERBS + r")\b", self.text[state.end : s.end]
                        )
                    ):
                        # "The United States recently made public its new strategy. In it, it claimed": the
                        # state that issued it
                        return self.ref_of(state)
                    lead = _THE_STATE.match(self.text, subj.at, s.end)
                    country = (
                        next((m for m in self.mentions_in(lead.end(), s.end) if m.start == lead.end()), None)
                        if lead is not None and self.sent_index(pos) - j == 1
                        else None
                    )
                    ce = self.kb.entity(country.entity) if country is not None else None
                    acts = _IT_ACTS.match(self.text, pos)
                    if (
                        ce is not None
                        and ce.subtype == "country"
                        and _FINITE_AFTER.match(self.text, country.end, s.end)
                        and acts is not None  # ("It intensified ..., saying": "it" acts, then speaks)
                        and not self.kb.cues_re.fullmatch(acts.group(1))
                    ):
                        # "The U.S. had been deeply involved in the election. It intensified nexus with ...,
                        # saying": the state the sentence before is about, acting
                        return self.ref_of(country)
                    r = self._medium([j], s.end, False)
                    if r is not None:
                        return r  # "South Korean internet radio Voice of People denounced ... It said:"
                    state = (
                        self.state_body(subj.at, s.end)
                        if self.sent_index(pos) - j == 1
                        and not re.search(r"\bto\s+$", self.text[pos - 4 : pos])
                        else None
                    )  # (not "According to it": a document the sentence before speaks of)
                    if state is not None and state.name.startswith("Government of "):
                        return state  # "The Russian government expressed concern ... It also warned"
                    # "The Peruvian Group for the Study of ... released a bulletin. It carried an article":
                    # an organisation's name the packs do not know (a head word of the packs in it)
                    name = capitalised_name(self.text, subj.at, s.end)
                    heads = self.kb.org_heads
                    if name and " " in name and any(w in heads for w in name.split()):
                        return Ref("named", None, name, False)
                    if (
                        name
                        and self.text.startswith(name, subj.at)
                        and _CARRIED_AFTER.match(self.text, subj.at + len(name))
                        and not self.mentions_in(subj.at, subj.at + len(name))
                    ):
                        # "Granma carried an article titled ... It carried a photo ... it said": a name no
                        # pack knows that publishes an article is a medium, the "it" (its name without the
                        # place after it: "The La Juventud of Uruguay on May 20 carried ...", guidelines 6)
                        return Ref("named", None, medium_without_place(name, self.kb), False)
                    end = self.text.find(name, subj.at) + len(name) if name else -1
                    tail = (
                        re.compile(r"\s+of\s+(?:south|north)\s+Korea\b").match(self.text, end)
                        if name
                        else None
                    )
                    if tail:
                        name, end = name + tail.group(), tail.end()  # (the fullest form the text gives)
                    if name and " " in name and _ISSUED.match(self.text, end):
                        # "The Solidarity for Progress of south Korea on Monday issued a commentary ... It
                        # pointed out": a body that issues a document, though no pack knows its head word
                        return Ref("named", None, name, False)
                    if (
                        name
                        and len(name.split()) >= 3
                        and self.sent_index(pos) - j == 1
                        and ACTING_BODY_AFTER.match(self.text, end)  # (what a body does as a subject)
                        and not any(
                            m.label in ("PLACE", "PERSON")
                            for m in self.mentions_in(subj.at, subj.at + len(name) + 4)
                            if m.start <= subj.at + 4
                        )
                    ):
                        # "The Solidarity for Democracy, People's Life, Peaceful Reunification and
                        # Sovereignty of south Korea called on the people to ... In an appeal it said": the
                        # body acting right before
                        return Ref("named", None, name, False)
                    issued = _ISSUES_DOC.search(self.text, s.start, s.end)
                    if issued is not None:
                        return self.document(issued.group(1).lower(), s.end)  # (the document it issued)
        if cls == "person":
            # no subject to go by: the person last named outside any quotation
            people = [
                m
                for m in self.mentions
                if m.end <= pos
                and m.label == "PERSON"
                and not any(a <= m.start < b for a, b in self.quote_spans)
            ]
            if not people:
                return ANONYMOUS_PERSON
            last = self.sent_index(people[-1].start)
            same = [m for m in people if self.sent_index(m.start) == last]
            direct = [
                m
                for m in same
                if not _OBLIQUE_BEFORE.search(self.text, max(self.sents[last].start, m.start - 40), m.start)
            ]
            # ("Chairman Kim Jong Il visited the iron works in company with President Kim Il Sung. He went
            # round ...": of the people that sentence names, the first one no preposition governs)
            return self.ref_of(direct[0] if direct and len(same) > 1 else people[-1])
        return Ref("anonymous", None, None, False)

    @staticmethod
    def _compatible(r: Ref, cls: str) -> bool:
        if r.plural:
            return False
        if cls == "person":
            return r.person  # ("The message said ... He said": the message's sender, a person)
        return not r.person or r.doc

    def fuller_name(self, name: str) -> str | None:
        """The name in full that a short form stands for, given earlier in the text: "the International
        Alliance" after "The International Alliance of Societies for the Study of ... Regions"; "Weber Liu"
        after "Kosima Weber Liu" (a name no pack knows, written in full once)."""
        words = name.split()
        if len(words) < 2:
            return None
        before = self.current[0] if self.current else len(self.text)
        best = None
        known = self.kb.surface.get(name)
        body = known[1] if known and known[0] == "ORG" else None
        for m in self.mentions:
            if m.start >= before or m.entity is not None or len(m.text) <= len(name):
                continue
            place_tail = re.fullmatch(r"\s+(?:of|in)\s+(?:the\s+)?(.+)", m.text[len(name) :])
            if place_tail and (self.kb.surface.get(place_tail.group(1)) or ("",))[0] == "PLACE":
                continue  # ("New Delhi Times of India": where the paper is, not more of its name)
            if m.label == "ORG" and re.search(
                re.escape(name) + r",?\s+and\s+(?:the\s+)?" + re.escape(m.text), self.text
            ):
                continue  # ("The Nepal Journalist Association and the Nepal Journalist Association for")
            if body and m.label == "ORG" and body_of_other_state(m.text, self.kb) == body:
                best = m.text  # ("Venezuela's Foreign Ministry ... The Foreign Ministry said": Venezuela's)
            elif (m.label == "ORG" and m.text.startswith(name + " ")) or (
                m.label == "PERSON"
                and m.text.endswith(" " + name)
                and m.text.split()[0] not in self.kb.person_titles
                and self.looks_like_person(m.text)
            ):  # (not "Chief Vice-chairman Ho Jong Man": a title, not more of the name)
                best = m.text
        return best

    def bare_name(self, name: str) -> str:
        """A sender's name as the text wrote it around the name: "Algerian President Abdelaziz Bouteflika."
        -> "Abdelaziz Bouteflika" (the sentence's full stop, a nationality and titles before a person's
        name); "Chinese Central TV" stays (no title follows the nationality)."""
        quoted = re.fullmatch(r"[\"“]([^\"“”]+?),?[\"”],?", name.strip())  # ('"Path of the Nation,"')
        name = quoted.group(1) if quoted else name.strip()
        if not _ABBREVIATED_END.search(name):  # ("Panasonic Corp.": the full stop is the abbreviation's)
            name = re.sub(r"(?<=[a-z]{2})[.,;:]+$", "", name)
        name = re.sub(
            r"\s+" + WEEKDAY + r"$", "", name
        )  # ("... of Koreans in Russia Tuesday": a day, not a name)
        words = name.split()
        i = 1 if len(words) > 2 and NATIONALITY.fullmatch(words[0]) else 0
        j = i
        while j < len(words) - 2:
            for n in (3, 2, 1):
                if " ".join(words[j : j + n]) in self.kb.person_titles and j + n <= len(words) - 2:
                    j += n
                    break
            else:
                break
        if j == 0 or (i and j == i) or not self.looks_like_person(" ".join(words[j:])):
            return name
        return " ".join(words[j:])

    def looks_like_person(self, name: str) -> bool:
        """'Morteza Moradian' (two to four capitalised words, no head of an organisation or a place) is a
        person's name the packs do not know, so 'he' can take it."""
        toks = name.split()
        if not 2 <= len(toks) <= 4 or not all(
            re.match(r"(?:[A-Z]|(?:al|el|bin|ibn|de|van|von)-?[A-Z])", w) for w in toks
        ):
            return False
        heads = self.kb.compiled.get("non-person-heads")
        if heads is None:
            n = self.kb.p.get("names", {})
            heads = self.kb.compiled["non-person-heads"] = frozenset(
                w.lower()
                for w in (*n.get("org_heads", []), *n.get("place_heads", []), *n.get("generic_words", []))
            )
        return not any(w.lower().strip(".,") in heads for w in toks) and not any(
            m.label in ("ORG", "PLACE") for m in self.mentions if m.text == name
        )

    def led_by(self, at: int) -> Ref | None:
        """'the head of the delegation': the person the delegation is 'led by' / 'headed by' before ``at``."""
        t = self.text
        found = None
        for found in re.finditer(  # noqa: B007 - the last one ("encabezada por su presidente X": Spanish)
            r"\b(?:(?:led|headed)\s+by|encabezad[ao]s?\s+por(?:\s+(?:su|el|la))?)\s+", t[:at]
        ):
            pass
        if found is None:
            return None
        ms = [m for m in self.mentions_in(found.end(), min(at, found.end() + 80)) if m.label == "PERSON"]
        if ms:
            return self.ref_of(ms[0])
        name = capitalised_name(t, found.end(), min(at, found.end() + 80))
        if not name:
            return None
        toks = name.split()
        while len(toks) > 2 and (
            toks[0].lower() in self.roles
            or toks[0].lower().split("-")[-1] in self.roles
            or toks[0] in ("Deputy", "Vice", "First", "Acting")
        ):
            toks = toks[1:]  # "Vice-Minister Joaquin Quintas Sola", "Deputy Leader Kanawat Wasinsungworn"
        return (
            Ref("named", None, " ".join(toks), True)
            if len(toks) >= 2 and self.looks_like_person(" ".join(toks))
            else None
        )

    def joint_subject(self, pos: int) -> Ref | None:
        """'they' after "Ri Kang Thaek, ..., and Hyon Sok, ..., started hunger strike" or "The Committee for
        ..., the Committee for ... and the Association for ..." as a subject: named people or bodies acting
        together speak as the first of them (guidelines 2.2); any other 'they' is a group, anonymous."""
        i = self.sent_index(pos)
        for j in range(i, max(-1, i - 8), -1):
            s = self.sents[j]
            limit = pos if j == i else s.end
            if self.inside_other_quote(s.start, s.end, pos):
                continue
            subj = self.subject(j)
            if (
                subj.at >= limit
                or any(a <= subj.at < b for a, b in self.quote_spans)
                or self.current[0] <= subj.at < self.current[1]
            ):
                joint = [
                    r
                    for p, r in self.refs
                    if s.start <= p < limit
                    and r.kind == "named"
                    and _JOINT_SPEAKERS.match(self.text, p, min(s.end, p + 160))
                ]
                if joint and j < i:
                    # "..., said Chairman X and General Secretary Y of ... They issued a joint statement": the
                    # people the sentence before quoted together, the first of them
                    return joint[-1]
                continue  # (a subject inside quoted words, these or others, is none of the speaker's)
            if subj.kind == "pronoun":
                if PRONOUNS.get(subj.word, "person") == "group":
                    continue  # the same "they" further back
                return None
            listed = self._people_listed(subj.at, s.end) if j < i else None
            if listed is not None:
                # "Veteran pro-reunification champion Kang Sun Jong, Chairman of ... Ri Kyu Jae, ... and
                # Co-representative of ... Son Mi Hui expressed ...": people listed with their titles before
                # the verb, as the first of them
                return listed
            if subj.kind not in ("person", "org", "other", "plural"):
                return None
            if (
                j == i
                and subj.kind == "other"
                and not any(m.label in ("PERSON", "ORG") for m in self.mentions_in(subj.at, pos))
            ):
                continue  # "In joint statement on Jan. 13 they said": an opening phrase, "they" the subject
            first = next((m for m in self.mentions_in(subj.at, s.end) if m.label in ("PERSON", "ORG")), None)
            if (
                first is not None
                and first.start > subj.at + 4
                and _TITLE_WORDS.fullmatch(self.text[subj.at : first.start])
            ):
                pass  # ("Finnish Foreign Minister Erkki Tuomioja and ...": the name after its title)
            elif first is None or first.start > subj.at + 4:
                return self.listed_members(j) if subj.kind == "plural" else None
            for m in self.mentions_in(first.end, min(s.end, first.end + 400)):
                if m.label != first.label:
                    continue
                gap = self.text[first.end : m.start]
                if (
                    re.fullmatch(r"(?:,[^,]{0,150},?)?\s+and\s+(?:the\s+)?|,\s+(?:the\s+)?", gap)
                    or (
                        re.fullmatch(
                            r"\s+and\s+(?:the\s+)?", gap[: gap.find(" and ") + 5] if " and " in gap else ""
                        )
                        and _TITLE_WORDS.fullmatch(gap[gap.find(" and ") + 5 :])
                    )
                    or (re.search(r"\s+and\s+(?:the\s+)?$", gap) and gap.count(",") >= 1 and len(gap) < 300)
                ):
                    return self.ref_of(first)
                break
            return None
        return None

    def _people_listed(self, at: int, end: int) -> Ref | None:
        """The first of two or more people named, with titles, before the sentence's first verb, the last
        of them after "and"; else None."""
        verb = _FIRST_VERB.search(self.text, at, end)
        if verb is None:
            return None
        people = [m for m in self.mentions_in(at, verb.start()) if m.label == "PERSON"]
        if (
            len(people) < 2
            or not re.search(r"\sand\s", self.text[people[-2].end : people[-1].start])
            or people[0].start - at > 60
            or _VERB_BETWEEN.search(self.text, at, people[0].start)
            or re.search(r"[\"“”]", self.text[at : people[-1].end])  # (not names in a work's title)
        ):
            return None
        return self.ref_of(people[0])

    def listed_members(self, j: int) -> Ref | None:
        """Bodies a plural subject of sentence ``j`` stands for, listed by name in it or the next sentence:
        "Political parties and organizations of Mexico released a joint statement ... Among them were the
        People's Socialist Party, ...", "Nepalese organizations supported ... They include the Committee
        for ...": bodies speaking jointly, as the first of them (guidelines 2.2)."""
        for k in (j, j + 1):
            if k >= len(self.sents):
                break
            s = self.sents[k]
            for m in _LISTED.finditer(self.text, s.start, s.end):
                if any(a <= m.start() < b for a, b in self.quote_spans):
                    continue
                first = next((x for x in self.mentions_in(m.end(), s.end) if x.start == m.end()), None)
                if first is not None and first.label in ("ORG", "PERSON"):
                    nxt = self.text[first.end : first.end + 2]
                    return self.ref_of(first) if nxt.startswith((",", " a")) else None
                name = capitalised_name(self.text, m.end(), s.end)
                if name and self.text.startswith(name, m.end()) and " " in name:
                    after = self.text[m.end() + len(name) : m.end() + len(name) + 2]
                    return Ref("named", None, name, False) if after.startswith((",", " a")) else None
        return None

    def named_with_head(self, noun: str, at: int) -> Ref | None:
        """'the agency' after 'the Kamchatka travel agency of Russia': the last body before ``at`` named with
        that head noun (a mention over it, else the words as written), outside quotes."""
        rx = re.compile(
            r"((?:[A-Z][\w'’.-]*[ \t]+)+(?:[a-z][\w-]*[ \t]+){0,2}?)(?i:" + re.escape(noun) + r")\b"
        )
        found = None
        # (from the body: a headline describes, "S. Korean Organization Slams ...")
        for m in rx.finditer(self.text, self.doc.body_offset, at):
            if not self.in_words(m.start()):
                found = m
        if found is None:
            return None
        start = found.start(1)
        words = found.group(1).split()
        while words and words[0] in self.kb.stopwords:
            start = self.text.index(words[0], start) + len(words[0])
            words.pop(0)
        if not words or not words[0][:1].isupper():
            return None  # ("The puppet Ministry")
        start = self.text.index(words[0], start)
        over = [m for m in self.mentions if m.label == "ORG" and m.start < found.end() and m.end > start]
        if over:
            return self.ref_of(over[-1])  # ("the South Side Committee for Implementing ...": the whole name)
        if any(
            m.label in ("PERSON", "PLACE") and m.start == start and m.end >= found.end(1) - 1
            for m in self.mentions
        ):
            return None  # ("Kim Jong Il's ... agency" is no name)
        return Ref("named", None, self.text[start : found.end()], False)

    def meeting_holder(self, noun: str, at: int) -> Ref | None:
        """'the meeting' that speaks: the body that held it, as the story introduced it ("X held a meeting
        in ...", "A conference of the Workers' Party of Korea was held", "X held its annual meeting");
        None when the story names no holder (the participants' gathering stays anonymous)."""
        intro = re.compile(
            r"\b(?:an?|its|their|the)\s+(?:[\w-]+\s+){0,3}?" + re.escape(noun) + r"s?\b", re.IGNORECASE
        )
        i = self.sent_index(at)
        for j in range(i - 1, max(-1, i - 8), -1):
            s = self.sents[j]
            if s.start < self.doc.body_offset:
                break
            found = None
            for found in intro.finditer(self.text, s.start, s.end):  # noqa: B007 - the last one
                pass
            if found is None:
                continue
            of = re.match(r"\s+(?:of|by)\s+(?:the\s+)?", self.text[found.end() : s.end])
            if of is not None:
                ms = [m for m in self.mentions_in(found.end() + of.end(), s.end)]
                if ms and ms[0].start == found.end() + of.end() and ms[0].label == "ORG":
                    return self.ref_of(ms[0])  # "A conference of the Workers' Party of Korea was held"
            subj = self.subject(j)
            if (
                subj.kind in ("org", "person")
                and subj.ref is not None
                and subj.at < found.start()
                and (
                    _HELD.search(self.text, subj.at, found.start())
                    # ("X at a press conference on May 1 condemned ...": X held it)
                    or re.search(r"\b(?:at|in)\s+$", self.text[subj.at : found.start()])
                )
            ):
                return subj.ref  # "The Tanzanian National Coordinating Committee ... held a meeting"
            if not found.group().lower().startswith("the "):
                return None  # (introduced without its holder)
        return None

    def described_body(self, noun: str, at: int) -> Ref | None:
        """'the committee', 'the organization' after a body named in lower case as a sentence's subject ("The
        preparatory committee for People's Network for Getting Registration Fee Halved held ..."): that body,
        when no body the packs or the text name in capitals came between."""
        for k in range(self.sent_index(at) - 1, -1, -1):
            if self.sents[k].start < self.doc.body_offset:
                break
            subj = self.subject(k)
            if subj.kind == "org" and subj.at in self.described_at and subj.ref is not None:
                words = subj.ref.name.lower().split()
                if noun in words[: words.index("for") if "for" in words else 4] or noun in _GENERIC_BODY:
                    return subj.ref
            if any(m.label == "ORG" for m in self.mentions_in(self.sents[k].start, self.sents[k].end)):
                return None
        return None

    def guest(self, at: int) -> Ref | None:
        """'the guest', 'the visitor': the person received, met or visiting in the two sentences before
        ("Kim Jong Un received Ranjith Perera ... The guest said"): the last person named there whom the
        packs do not know (a leader or official of the DPRK is the host)."""
        k0 = self.sent_index(at)
        for k in range(k0 - 1, max(-1, k0 - 3), -1):
            s = self.sents[k]
            if s.start < self.doc.body_offset:
                break
            if not _HOSTING.search(self.text, s.start, s.end):
                continue
            people = [m for m in self.mentions_in(s.start, s.end) if m.label == "PERSON" and m.entity is None]
            if people:
                return self.ref_of(people[-1])
        return None

    def coordinated_bodies(self, at: int) -> Ref | None:
        """'the organizations' after bodies coordinated as a sentence's subject ("The British Association for
        the Study of Songun Policy and the British Group for the Study of the Juche Idea expressed ..."): the
        first of them, as coordinated speakers speak (guidelines 2.2); the two sentences before only."""
        k0 = self.sent_index(at)
        for k in range(k0 - 1, max(-1, k0 - 3), -1):
            s = self.sents[k]
            if s.start < self.doc.body_offset:
                break
            orgs = [m for m in self.mentions_in(s.start, s.end) if m.label == "ORG"]
            if len(orgs) < 2 or not re.fullmatch(
                r"\s*(?:The\s+|the\s+)?", self.text[s.start : orgs[0].start]
            ):
                continue
            if re.fullmatch(r"\s*(?:,|and)\s+(?:the\s+)?", self.text[orgs[0].end : orgs[1].start]):
                return self.ref_of(orgs[0])
        return None

    def broadcaster(self, lo: int, hi: int, last: bool = True) -> Ref | None:
        """A broadcaster the text names between ``lo`` and ``hi``, outside quoted words: a medium the packs
        know, or a name shaped as one ("Voice of Russia", "State TV Radio of Cambodia", "Radio Free Asia")."""
        found = [
            (m.start, self.ref_of(m))
            for m in self.mentions_in(lo, hi)
            if self.kb.is_medium(m.entity) and not self.in_words(m.start)
        ]
        for b in _BROADCASTER_NAME.finditer(self.text, lo, hi):
            if not self.in_words(b.start()):
                name = medium_without_place(re.sub(r"^(?:The|the)\s+", "", b.group()), self.kb)
                found.append((b.start(), Ref("named", None, name, False)))
        if not found:
            return None
        found.sort(key=lambda x: x[0])
        return found[-1][1] if last else found[0][1]

    def body_of_country(self, demonym: str, noun: str, at: int) -> Ref | None:
        """'the Serbian party': the last body named before ``at`` with that head noun whose name says it is of
        that country ("New Yugoslavia Communist Party of Serbia", "Serbian Communist Party")."""
        country = country_entity(demonym, self.kb)
        if country is None:
            return None
        homes = {country.name, *country.aliases, demonym}
        for m in reversed(self.mentions):
            if m.end > at or m.label != "ORG" or self.in_words(m.start):
                continue
            words = m.text.replace("-", " ").split()
            if noun in (w.lower() for w in words) and any(h in m.text for h in homes):
                return self.ref_of(m)
        return None

    def org_before(self, at: int, skip_sources: bool = False) -> Ref | None:
        """'the organization', 'the group': the organisation last named before ``at`` outside quotes (with
        ``skip_sources``, not a medium the story cites: "..., according to KBS of south Korea. ... the
        organization said")."""
        for m in reversed(self.mentions):
            if m.end <= at and m.label == "ORG" and not self.in_words(m.start):
                if skip_sources and (
                    (
                        self.kb.is_medium(m.entity)
                        and _ACCORDING_TO_BEFORE.search(self.text, max(0, m.start - 30), m.start)
                    )
                    # (nor a company: "X ... accused the Japanese Mitsubishi Heavy Industry Co. ... The
                    # organization said" is X)
                    or _COMPANY_END.search(m.text)
                ):
                    continue
                return self.ref_of(m)
        return None

    def narrated(self, pos: int) -> bool:
        """``pos`` lies in a block a medium prints as its own report ("The China News Service said as follows:
        After seeing ..., Kim Jong Un watched ... He personally rode a horse"): the story goes on in it, and
        its subjects are those of the pronouns after it."""
        return any(a <= pos < b for a, b in self.narrated_spans)

    def in_words(self, pos: int) -> bool:
        """``pos`` is inside someone's quoted words (not inside what a medium reports "according to" it)."""
        return any(a <= pos < b for a, b in self.quote_spans) and not any(
            a <= pos < b for a, b in self.reported_spans
        )

    def government_of_leader(self, ref: Ref, name: str, at: int) -> str | None:
        """'Government of South Korea' for a head of state the packs give as "president of South Korea"
        (``ref``, else the person named in full before ``at`` whose name ends ``name``)."""
        e = self.kb.entity(ref.entity)
        if e is None or e.type != "PERSON":
            full = self.full_name(name.split()[-1], at)
            e = self.kb.entity(full.entity) if full is not None else None
        if e is None or e.subtype != "head of state" or not e.info:
            return None
        of = re.search(r"\bof\s+((?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)", e.info)
        if of is None or country_entity(of.group(1), self.kb) is None:
            return None
        return "Government of " + country_entity(of.group(1), self.kb).name

    def full_name(self, word: str, at: int) -> Ref | None:
        """The person named in full before ``at`` whose name has ``word`` ('Choe' -> 'Choe Thae Bok')."""
        for m in reversed(self.mentions):
            if m.end > at or m.label != "PERSON":
                continue
            toks = _ARABIC_ARTICLE.sub("al-", re.sub(r"['’]s$", "", m.text)).split()
            if len(toks) > 1 and (word in toks or word.lower() in (t.lower() for t in toks if "-" in t)):
                return self.ref_of(m)  # ("Al-Khatib said" after "Ghassan al- Khatib")
        if len(word) < 4 or not word[:1].isupper():
            return None
        if any(word in surnames for surnames, *_ in self.kb.name_systems):
            # "... led by its Head Wang Jiarui ... Wang wrote": a surname written first, its given name after
            last = None
            for last in re.finditer(r"\b" + re.escape(word) + r"[ \t]+([A-Z][a-z]+)\b", self.text[:at]):  # noqa: B007
                pass
            if last is not None and last.group(1) not in self.kb.stopwords:
                return Ref("named", None, f"{word} {last.group(1)}", True)
        # "... of the Party Boris Gryzlov ... Gryzlov said": a given name written before the surname, though
        # no mention holds it
        found = None
        article = re.match(r"[Aa]l-", word)  # ("Al-Khatib said" after "Ghassan al- Khatib")
        word_rx = r"[Aa]l-\s?" + re.escape(word[3:]) if article else re.escape(word)
        given = re.compile(r"\b([A-Z][a-z][\w'’-]*)[ \t]+" + word_rx + r"\b")  # (not across lines)
        for found in given.finditer(self.text, 0, at):  # noqa: B007 - the last one
            pass
        if (
            found is not None
            and found.group(1) not in self.kb.stopwords
            and found.group(1) not in self.kb.person_titles
        ):
            name = found.group(1) + " " + ("al-" + word[3:] if article else word)
            if self.looks_like_person(name):
                return Ref("named", None, name, True)
        return None

    # -- descriptions --------------------------------------------------------------------------------
    def role(self, head: str, at: int, definite: bool, span: str = "") -> Ref | None:
        """'the Mongolian ambassador' -> the person introduced with that role, if any."""
        if (
            definite
            and head.lower() == "leader"
            and len(span.split()) >= 2
            and all(_state_demonym(w, self.kb) or country_entity(w, self.kb) for w in span.split()[:-1])
        ):
            # "The Nigerian leader said", "...: Nigerian Leader" after "Nigerian President Goodluck Jonathan":
            # a state's leader is its head of state or government, as the story names him
            for alt in self.kb.state_leaders:
                r = self.role(alt, at, definite, span)
                if r is not None and (r.entity or r.name):
                    return r
        if definite:
            # (the office or one it stands for: "El mandatario dijo" after "al presidente pakistani, X")
            names = [head, *self.kb.p.get("names", {}).get("role_synonyms", {}).get(head.lower(), [])]
            rx = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.IGNORECASE)
            act = None
            if head.endswith("er") and len(head) > 5:
                verbs = (
                    r"\b(?:(?:made|makes|delivered|delivers|gave|gives) an?|in (?:his|her|a|the)) "
                    r"(?:written )?"
                )
                act = re.compile(
                    verbs + re.escape(head[:-2]) + r"\b"
                )  # "made a report", "said in his report", "made a written report"
            best = None
            # "the general secretary of the Palestinian Popular Struggle Front": only a person given that
            # body's office, not "General Secretary Kim Jong Il"
            of = re.search(
                r"\b(?:of|for)\s+(?:the\s+)?(?:C\.C\.,\s+(?:the\s+)?)?([A-Z][\w'’-]+)", span
            ) or re.match(r"([A-Z][\w'’.-]+)(?=.*\s[A-Za-z]+$)", span)  # (or "Trinidad and Tobago President")
            for m in self.mentions:
                if m.end > at:
                    break
                if (
                    m.label != "PERSON"
                    or m.method == "title"
                    or self.inside_other_quote(m.start, m.end, at)
                    or self.current[0] <= m.start < self.current[1]  # ("... around Kim Jong Il, the chairman
                    # added": a name inside the words attributed is not their speaker)
                    or _OF_PERSON.search(self.text, max(0, m.start - 40), m.start)
                    # ("chairman of the Russian Society for ... Dissemination of Comrade Kim Jong Il's Works":
                    # a person inside a body's name is not its chairman)
                ):
                    continue  # (a leader's title standing alone is no name given another's role: "el
                    # embajador chino transmitio al Dirigente ...")
                title, clause = self._role_context(m)
                if of is not None and of.group(1) not in title + clause:
                    continue
                titled = None
                for titled in rx.finditer(title):  # noqa: B007 - the last one
                    pass
                if titled is not None and _CLAUSE_GAP.search(title, titled.end()):
                    titled = None  # "The reporter referred to the fact that Kim Il Sung ...": no title
                if titled is not None or (
                    act is not None and (act.search(clause) or act.match(self._after_appositive(m)))
                ):
                    best = m
            if best is None and head in _MADE_BY_ES:
                # "El informe de la ocasion estuvo a cargo de Kim Ki Nam, ... senalo el informante", "El
                # discurso ... estuvo a cargo de Kim Yong Nam ... El orador": who made the report or the
                # speech, as "A report was made by X ... the reporter said"
                made = None
                for made in _MADE_BY_ES[head].finditer(self.text, 0, at):  # noqa: B007 - the last one
                    pass
                if made is not None:
                    best = next(
                        (
                            m
                            for m in self.mentions_in(made.end(), min(at, made.end() + 160))
                            if m.label == "PERSON"
                        ),
                        None,
                    )
            if best is None and act is not None:
                # "A report delivered by Minister of Public Health Choe Chang Sik was followed by speeches",
                # "Speeches were made following the report by Vice Premier Jon Sung Hun": the reporter
                rx_by = (
                    r"\b"
                    + re.escape(head[:-2])
                    # ("A report was made by Vice Marshal ... Ri Yong Ho")
                    + r"\s+(?:(?:(?:was|were)\s+)?(?:made|delivered|given|presented|read)\s+)?by\s+"
                )
                by = None
                for by in re.finditer(rx_by, self.text[:at]):  # noqa: B007 - the last one
                    pass
                if by is None:
                    # "A report of Ro Song Sil, chairwoman of the Central Committee of the union, was followed
                    # by speeches": the person the report is of, named right after it
                    for by in re.finditer(r"\b" + re.escape(head[:-2]) + r"\s+of\s+", self.text[:at]):  # noqa: B007
                        pass
                    if by is not None and not any(
                        m.start == by.end() and m.label == "PERSON"
                        for m in self.mentions_in(by.end(), by.end() + 60)
                    ):
                        by = None
                if by is not None:
                    best = next(
                        (
                            m
                            for m in self.mentions_in(by.end(), min(len(self.text), by.end() + 100))
                            if m.label == "PERSON"
                        ),
                        None,
                    )
            if best is not None:
                return self.ref_of(best)
            if act is not None:
                made = None
                for made in act.finditer(self.text, 0, at):  # noqa: B007 - the last one
                    pass
                subj = self.subject(self.sent_index(made.start())) if made is not None else None
                if subj is not None and subj.at < made.start() and self.unnamed_office(subj.at, made.start()):
                    # "The general secretary of the International Alliance ... made a written report ... the
                    # reporter said": the office one person holds, the holder unnamed (guidelines 2.3)
                    return Ref("named", None, None, True)
            if head in _SPOKE:
                # "the speaker stressed" after "B.C. Gupta ... said"; "El orador" after "Choe Yong Rim ...
                # hizo uso de la palabra": the person who last spoke
                spoke = None
                for spoke in _SPOKE[head].finditer(self.text, 0, at):  # noqa: B007 - the last one
                    pass
                said = [r for p, r in self.refs if p < at and r.kind == "named" and r.person]
                people = [
                    m for m in self.mentions if spoke and m.end <= spoke.start() and m.label == "PERSON"
                ]
                if people and (not said or people[-1].start > max(p for p, _ in self.refs if p < at)):
                    return self.ref_of(people[-1])
                if said:
                    return said[-1]
                if spoke is not None:
                    s0 = self.sents[self.sent_index(spoke.start())].start
                    opening = None
                    for opening in _NP_OPENS.finditer(self.text, s0, spoke.start()):  # noqa: B007 - the last
                        pass
                    if opening is not None and self.unnamed_office(opening.start(1), spoke.start()):
                        # "En la reunion ..., el jefe de la delegacion de la RPDC pronuncio el discurso ...
                        # senalo el orador": the office one person holds, the holder unnamed (guidelines 2.3)
                        return Ref("named", None, None, True)
            named = self.appositive(head, at)
            if named is not None:
                return named
            office_first = None
            for office_first in _office_then_name(head).finditer(self.text, 0, at):  # noqa: B007 - the last
                pass
            people = (
                [
                    m
                    for m in self.mentions_in(office_first.end(), office_first.end() + 80)
                    if m.label == "PERSON"
                ]
                if office_first is not None
                else []
            )
            if people and people[0].start == office_first.end():
                # "ante el secretario general de la ASEAN, Surin Pitsuwan, ... el secretario general senalo":
                # the person named in apposition after the office
                return self.ref_of(people[0])
            name = capitalised_name(self.text, office_first.end(), at) if office_first is not None else None
            if (
                name
                and self.text.startswith(name + ",", office_first.end())
                and 2 <= len(name.split()) <= 4
                and self.looks_like_person(name)
            ):
                return Ref("named", None, name, True)
            if head in ("head", "leader", "chief", "jefe") and (
                re.search(r"\b(?:delegation|delegacion|delegación)\b", t_after(self.text, at))
                or (len(span.split()) <= 2 and _DELEGATION_LED.search(self.text, 0, at))
            ):
                # "the head of the delegation said"; "The head said" in a story of "the delegation of
                # Chinese publishers headed by Yan Xiaohong": the person the delegation is led by
                r = self.led_by(at)
                if r is not None:
                    return r
        low = span.lower()
        words = low.split()
        if (
            definite
            and head in self.offices
            and re.search(
                r"\b[Tt]he\s+(?:(?:[\w-]+\s+){0,2}?"
                + re.escape(head)
                + r"\s+of\s+(?:the\s+)?[A-Z]|"
                + NATIONALITY.pattern
                + r"\s+(?:[a-z][\w-]*\s+){0,2}?"
                + re.escape(head)
                + r"\b)",
                self.text[:at],
            )  # ("... said the Pakistani interior minister. The minister told ...")
        ):
            return Ref("named", None, None, True)  # "The foreign minister of Iceland ... the minister said"
        if (
            definite
            and len(words) == 1
            and head in self.kb.office_bodies
            and re.search(
                r"\b(?:[A-Z][\w'’-]*\s+"
                + self.kb.office_bodies[head]
                + r"|"
                + self.kb.office_bodies[head]
                + r"\s+of\s+(?:the\s+)?[A-Z])",
                self.text[:at],
            )
        ):
            # "Angola's Education Ministry ... according to the minister": the ministry's one holder
            return Ref("named", None, None, True)
        if (
            definite
            and (head in self.offices or head in self.kb.body_offices)
            and re.match(
                r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,2}"
                + re.escape(head)
                + r"\b",
                span,
            )
        ):
            return Ref("named", None, None, True)  # "the U.S. forces commander in south Korea"
        base = re.split(r"\s(?:of|for|to|in)\s", low)[0]  # "then defense minister of south Korea"
        if len(words) >= 2 and (
            head in self.offices or any(base.endswith(" " + o) or base == o for o in self.offices if " " in o)
        ):
            return Ref("named", None, None, True)  # a head of state or government by office, unnamed
        if definite and (self.body_office(span, at) or self.body_office(self.text[at : at + 160], at)):
            # "the chairman of the Sweden-Korea Friendship Association", "The head of the delegation of the
            # Institute for ... called for ...": an office one person holds, the holder unnamed
            return Ref("named", None, None, True)
        if (
            definite
            and len(words) <= 2
            and head in self.kb.place_offices
            and (len(words) == 1 or words[0] in ("city", "prefectural", "provincial", "state"))
            and any(m.label == "PLACE" for m in self.mentions if m.end <= at)
            # (not "the mayor of a city in New Jersey State ... The mayor declined": a place not identified)
            and not re.search(r"\b" + re.escape(head) + r"\s+of\s+(?:an?|one|some)\s", self.text[:at], re.I)
        ):
            # "... the city mayor's reckless remarks ... The mayor in a news interview said": the one
            # holder of a place's office, the place named before
            return Ref("named", None, None, True)
        phrase = low if low in self.kb.body_offices else head  # ("the managing director said")
        if (
            definite
            and (len(words) == 1 or phrase == low)
            and any(
                self.body_office(self.text[m.start() : m.start() + 160], m.start())
                or (
                    phrase in self.offices
                    and re.match(r"\s+of\s+(?:the\s+)?[A-Z]", self.text[m.end() : m.end() + 12])
                    and not re.search(
                        r"\b(?i:a|an|vice|deputy|former)[\s-]+$", self.text[max(0, m.start() - 8) : m.start()]
                    )
                )  # ("... and concurrently minister of Foreign Affairs ... the minister said")
                or self._its_office(m.start())
                # ("Head of the delegation of ...", capitalised, then "The head said")
                for m in re.finditer(
                    r"\b(?i:" + re.escape(phrase[:1]) + ")" + re.escape(phrase[1:]) + r"\b", self.text[:at]
                )
            )
        ):
            return Ref("named", None, None, True)  # "the director said" after "the director of the company"
        return None

    def _its_office(self, at: int) -> bool:
        """The office at ``at`` follows "its" right after a body the sentence names: "the delegation of the
        Maritime Territorial Regional Committee of the Communist Party ... led by its first secretary"."""
        if not re.search(r"\b(?:its|their)\s+$", self.text[max(0, at - 6) : at]):
            return False
        s = self.sents[self.sent_index(at)]
        return any(m.label == "ORG" for m in self.mentions_in(s.start, at))

    def name_in_title(self, at: int, limit: int) -> Ref | None:
        """'Head of the delegation of the All-China Journalists Association Zhang Xinxin, chief editor ...,
        was interviewed': a capitalised title opening the sentence, its body and the person's name, no comma
        between: the subject is that person."""
        if not self.text[at : at + 1].isupper():
            return None
        for m in self.mentions_in(at, limit):
            if m.label == "PERSON" and not self.in_words(m.start):
                return self.ref_of(m) if _TITLE_RUN.fullmatch(self.text[at : m.start]) else None
        return None

    def unnamed_office(self, at: int, end: int) -> bool:
        """The noun phrase at ``at`` is an office one person holds in a body or country the text names:
        "the attorney-general of Australia", "Pakistan's army chief", "the chairman of the ... Party"."""
        t = re.sub(r"^(?:the|The)\s+", "", self.text[at : min(end, at + 160)])
        if PORTFOLIO_OFFICE.match(t):
            return True  # ("the U.S. assistant secretary of State for East Asian and Pacific Affairs")
        owner = re.match(
            r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})['’]s\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*|"
            r"(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*(?=\s+[a-z]))\b",  # ("South Africa's Tourism Minister spoke")
            t,
        )
        if owner is not None:
            hit = self.kb.surface.get(owner.group(1))
            office = owner.group(2).lower()
            last = office.split()[-1]
            return (
                hit is not None
                and hit[0] in ("PLACE", "ORG")
                and (office in self.offices or last in self.kb.body_offices or last in self.offices)
            )
        of = re.match(r"([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+of\s+(?:the\s+)?[A-Z]", t)
        if of is not None and of.group(1) in self.offices:
            return True  # ("the attorney-general of Australia")
        nat = _NATIONAL_OFFICE.match(t)
        if nat is not None and (
            NATIONALITY.fullmatch(nat.group(1))
            or nat.group(1) in ("U.S.", "US", "UN", "U.N.")
            or country_entity(nat.group(1), self.kb) is not None
        ):
            # "the Russian minister of Culture", "the U.S. representative": a country's office (not its
            # deputy's, nor a former holder's)
            office = nat.group(2)
            return not (self.kb.not_sole_words & set(office.split())) and (
                office in self.offices or office.split()[-1] in self.offices | self.kb.body_offices
            )
        of = re.match(r"([a-z][\w-]*)\s+of\s+(?:the\s+)?((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*)", t)
        if of is not None and of.group(1) in self.kb.office_bodies:
            # "the secretary of the U.S. Department of State": the one holder of a body with that head word
            return re.search(r"\b" + self.kb.office_bodies[of.group(1)] + r"\b", of.group(2)) is not None
        return self.body_office(t, at) or (self.spanish and self.body_office_es(at))

    def office_named_before(self, at: int, end: int) -> bool:
        """A bare definite office ("the general director") that the text gave before with the body it is
        held in ("the general director of the Radio Broadcasting of France"), an office one person holds
        there (:meth:`unnamed_office`): the same unnamed holder (guidelines 2.3)."""
        words = self.text[at:end]
        if not re.search(r"\b(?:the|The)\s+$", self.text[max(0, at - 4) : at]) or not re.fullmatch(
            r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?", words
        ):
            return False
        given = re.compile(r"\b[Tt]he\s+" + re.escape(words) + r"\s+(?:of|for)\s")
        for m in given.finditer(self.text, 0, max(0, at - 4)):
            if self.unnamed_office(m.start(), m.start() + 160):
                return True
        return False

    def body_office_es(self, at: int) -> bool:
        """A Spanish office one person holds, head first, of a body the text identifies: "el jefe de
        delegacion coreana", "comandante de las tropas norteamericanas estacionadas en ...", "secretario de
        Defensa norteamericano", "titular de la Asociacion Pakistani para ...": a capitalised body, or a
        noun with a nationality after it (guidelines 2.3; not "un jefe de ..." nor "vicejefe")."""
        art = _ARTICLE_ES.match(self.text, at)
        at = art.end() if art else at
        m = self.kb.rx(
            "body-office-es",
            lambda: r"(?:" + self.kb.head_first_titles(one_holder=True) + _BODY_OFFICE_ES_AFTER,
        ).match(self.text, at)
        if m is None or re.search(r"\b(?:un|una|otro|otra)\s+$", self.text[max(0, at - 6) : at]):
            return False
        if m.group("cap") or m.group("cap2"):
            return True
        return demonym_after(" " + m.group("adj"), self.kb)

    def body_office(self, span: str, at: int) -> bool:
        """An office one person holds in a body the text identifies, the holder unnamed: "chairman of the
        Hungarian Workers' Party", "director of the above-said institute", "head of the delegation of the
        Institute ...", "manager of the farm" after "... Magsal Agro-Stock Farm" (not "section chief of the
        institute", "deputy director of ..." or "rector of a conservatory": guidelines 2.3)."""
        lead = re.match(r"(?:[A-Z][a-z-]*\s+){1,3}(?=(?:of|for)\s)", span)
        if lead and lead.group().strip().lower() in self.kb.body_offices:
            span = lead.group().lower() + span[lead.end() :]  # "Director General for Public Relations of ..."
        m = re.match(
            r"(?:acting\s+)?(?P<office>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?"
            r"(?:\s+and\s+concurrently\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)?)\s+(?:of|for)\s+(?:the\s+)?"
            r"(?:C\.C\.,\s+(?:the\s+)?)?(?:[A-Z]|(?:above-?said|aforesaid|said|same)\s|(?P<noun>[a-z][\w-]+)"
            # ("director of the media bureau of the ...": a unit of a named body)
            r"(?P<of>(?:\s+[a-z][\w-]+)?\s+(?:of|for)\s+(?:the\s+)?[A-Z])?)",
            span[:1].lower() + span[1:],  # (a headline's "Head of DPRK Delegation")
        )
        if m is None:
            # "El presidente de dicho comite": a Spanish office of the body just named ("dicho": the said)
            m = re.match(
                r"(?P<office>[a-z][\w-]*)\s+de\s+(?:dich[oa]|mencionad[oa]|citad[oa])\s+(?P<noun>)(?P<of>)",
                span[:1].lower() + span[1:],
            )
        office = m.group("office").lower().split(" and ")[0] if m is not None else ""
        if office.startswith("general ") and office[8:] in self.kb.body_offices:
            office = office[
                8:
            ]  # "general director of the ... Association": a director, "general" describes it
        if m is None or office not in self.kb.body_offices:
            return False  # (also "the chairman and members of the Tynda City Group ...": its first conjunct)
        noun = m.group("noun")
        if not noun or m.group("of"):
            return True
        # "the farm": a body named before with that head word
        if re.search(r"\b(?:the|its)\s+$", span[: m.start("noun")]) is None:
            return False
        if re.search(r"[A-Z][\w'’-]*\s+" + re.escape(noun.capitalize()) + r"\b", self.text[:at]) is not None:
            return True
        # "the preparatory committee" after "the Malaysian preparatory committee for ...", "the general
        # association" after "the General Association of Koreans in China": the body's head noun phrase,
        # written before with a name's capitals or after a capitalised word
        np = re.match(r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}", span[m.start("noun") :]).group().split()
        k = next((i for i, w in enumerate(np) if w in ORG_NOUNS or w.capitalize() in self.kb.org_heads), None)
        if k is None:
            return False
        phrase = " ".join(np[: k + 1])
        return (
            # "the chairman of the war veterans committee": a definite body the text describes, its head
            # noun a body's (guidelines 2.3: "the director of the Indonesian company")
            all(w not in self.kb.not_sole_words for w in np[:k])
            or re.search(r"[A-Z][\w'’-]*\s+" + re.escape(phrase) + r"\b", self.text[:at]) is not None
            or re.search(r"\b" + re.escape(phrase.title()) + r"\s+(?:of|for)\s", self.text[:at]) is not None
            # ("at branch school in Nakhodka of Far Eastern State University", then "the branch school")
            or re.search(
                r"\b" + re.escape(phrase) + r"(?:\s+in\s+[A-Z][\w'’-]*)?\s+of\s+(?:the\s+)?[A-Z]",
                self.text[:at],
            )
            is not None
        )

    def appositive(self, head: str, at: int) -> Ref | None:
        """'Abdulreda Assiri, rector of the College of ...' before ``at``: the person a definite description
        ('the rector') takes when the name is one no pack knows (a name the packs know is a mention,
        which :meth:`role` looks at first)."""
        flags = re.IGNORECASE if head[:1].isupper() else 0
        rx = self.kb.compiled.get(("appositive", head))
        if rx is None:  # (compiled once per head word and knowledge base: the pattern is costly to build)
            rx = self.kb.compiled[("appositive", head)] = re.compile(
                r"((?:[A-Z][\w'’.-]+|al|el|bin|ibn|de|van|von)(?:\s+(?:[A-Z][\w'’.-]+|al|el|bin|ibn|de|van|von))"
                r"{1,4}),\s+(?:the\s+|a\s+|an\s+)?(?:(?!"
                + _CUE_WORDS
                + r"\b)[\w-]+\s+){0,2}?"
                + re.escape(head)
                + r"\b\Z",  # (not "President Kim Il Sung, said Prime Minister ...": the next speaker's title)
                flags,
            )
        found = None
        # the last "Name, the ... head" before ``at``: tried only where the head word is (a scan of the whole
        # text with a pattern that starts at every capitalised word is slow)
        for h in reversed(list(re.finditer(r"\b" + re.escape(head) + r"\b", self.text[:at], flags))):
            found = rx.search(self.text, max(0, h.start() - 200), h.end())
            if found is not None:
                break
        titled = [
            m
            for m in self.mentions
            if m.end <= at
            and m.label == "PERSON"
            and re.search(r"\b" + re.escape(head) + r"\s+$", self.text[max(0, m.start - 30) : m.start], re.I)
        ]  # "Traitor Lee Myung Bak ... The traitor asserted": the epithet given before the name
        if titled and (found is None or titled[-1].start > found.start()):
            return self.ref_of(titled[-1])
        if found is None or self.inside_other_quote(found.start(), found.end(), at):
            return None
        name = found.group(1)
        ms = [m for m in self.mentions_in(found.start(1), found.end(1)) if m.label == "PERSON"]
        if ms:
            return self.ref_of(ms[-1])
        return Ref("named", None, name, True) if self.looks_like_person(name) else None

    def described(self, describer: str, head: str, at: int) -> Ref:
        """A headline's described speaker ('Nepali Paper'): whom the story's opening names so, else
        anonymous ('a speaker the text does not identify')."""
        head = head.lower()
        body = [s for s in self.sents if s.start >= self.doc.body_offset][:3]
        if (re.search(r"[^ius]s$", head) and head != "news") or head in ("media", "dailies"):
            # "...: Foreign Papers", "...: Kuwaiti Organizations": several, whom the story may name one by one
            return Ref("anonymous", None, None, False, plural=True)
        if head.rstrip("s") in self.kb.media_nouns:
            r = (
                self._medium(list(range(len(self.sents)))[self.sents.index(body[0]) :][:3], at, True)
                if body
                else None
            )
            if r is not None and r.kind != "self":
                return r
            return Ref("anonymous", None, None, False)
        stem = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
        if stem in _BROADCAST_HEADS and body:
            # "...: Radio" over "..., said Voice of Russia.": the broadcaster the story's opening names
            r = self.broadcaster(body[0].start, body[-1].end, last=False)
            if r is not None:
                return r
        if stem in PERSON_DESCRIPTIONS and body:
            # "...--Chinese Official" over "..., said Chen Zhenggao, governor of ...": the person the lead
            # sentence quotes
            s = body[0]
            for m in self.mentions_in(s.start, s.end):
                if m.label != "PERSON":
                    continue
                before = self.text[max(s.start, m.start - 25) : m.start]
                after = self.text[m.end : min(s.end, m.end + 200)]
                if re.search(r"\b" + self.kb.cue_alt + r"\s+$", before) or re.match(
                    r"(?:,[^,]{1,150},)?\s+" + self.kb.cue_alt + r"\b", after
                ):
                    return self.ref_of(m)
            subj = self.subject(self.sents.index(s))
            if subj.kind == "person" and subj.ref is not None:
                return (
                    subj.ref
                )  # "...: Peruvian Personage" over "Genaro Ledesma Izquieta, chairman of ..., issued"
            for s in [s for s in self.sents if s.start >= self.doc.body_offset][:5]:
                subj = self.subject(self.sents.index(s))
                if subj.kind != "role" or not re.search(
                    r"\b" + self.kb.cue_alt + r"\b", self.text[s.start : s.end]
                ):
                    continue
                # "...: French Personage" over "The chairman of the Northern Regional Committee of the
                # association said in his speech:": that office's holder (named or not, guidelines 2.3)
                r = self.role(subj.word, subj.at, definite=True, span=subj.text)
                if r is not None and r.kind == "named":
                    return r
                if r is None and self.unnamed_office(subj.at, s.end):
                    return Ref("named", None, None, True)
                break
        generic = stem in ("organization", "organisation", "body", "group")
        country = country_entity(describer, self.kb) if generic and describer else None
        homes = {country.name, *country.aliases} if country is not None else set()
        for s in body:
            for m in self.mentions_in(s.start, s.end):
                if m.label != "ORG":
                    continue
                if m.text.split()[-1].lower().startswith(stem[:5]):
                    return self.ref_of(m)  # "Czech-Korean Friendship Association"
                if generic and m.text.split()[0] == describer:
                    return self.ref_of(m)  # "Nigerian Organization": "The Nigerian National Committee ..."
                if generic and m.text.split()[0].split("-")[0] in homes:
                    return self.ref_of(m)  # "French Organization": "The France-Korea Friendship Association"
        return Ref(
            "anonymous", None, None, stem not in ("association", "group", "party", "committee", "body")
        )

    def _title_before_comma(self, pre: str) -> str | None:
        """The office a determiner gives right before the comma of a name in apposition: "al presidente
        pakistani," "to the president of Tunisia," (not a list's "chairman of A, B": no determiner)."""
        rx = self.kb.compiled.get("title-before-comma")
        if rx is None:
            _, roles, offices = speaker_words(self.kb)
            words = sorted((roles | offices) - role_modifiers(self.kb), key=len, reverse=True)
            rx = self.kb.compiled["title-before-comma"] = re.compile(
                r"\b(?:al|el|la|del|the|to the|of the)\s+((?:[a-záéíóúñ-]+\s+)?(?:"
                + "|".join(map(re.escape, words))
                + r")(?:\s+[a-záéíóúñ]+)?"
                # ("the president of Tunisia,", "el presidente de la Republica de Serbia,")
                + r"(?:\s+(?:of|de)\s+(?:the\s+|la\s+|el\s+)?[A-Z][\w'’-]*"
                # ("el embajador de la Republica de Cuba en Corea,", "the ambassador of Cuba to the DPRK,")
                + r"(?:\s+(?:(?:of|de|del|la|the|en|in|to|to the|ante)\s+)?[A-Z][\w'’-]*){0,3})?),$"
            )
        m = rx.search(pre)
        return m.group(1) if m else None

    def state_body(self, at: int, end: int) -> Ref | None:
        """'The Pakistani army', 'The Kenyan government' at ``at``: a state's body described by its
        nationality in lower case, named as written; a government by the state's name (guidelines 1.4)."""
        body = _STATE_BODY_NP.match(self.text, at, end)
        if body is None:
            return None
        country = country_entity(body.group(1), self.kb)
        if country is None and not _state_demonym(body.group(1), self.kb):
            return None
        if body.group(2) == "government" and country is not None:
            return Ref("named", None, government_name(country.name), False)
        return Ref("named", None, body.group(1) + " " + body.group(2), False)

    def acting_body_before(self, at: int) -> Ref | None:
        """'The Solidarity for Progress of south Korea denounced the authorities ... the organization said': a
        body's capitalised name no pack knows (and no head word marks), opening one of the three sentences
        before and acting there."""
        i = self.sent_index(at)
        for j in range(i - 1, max(-1, i - 4), -1):
            s = self.sents[j]
            if s.start < self.doc.body_offset:
                break
            lead = re.match(
                r"[\s,]*(?:The\s+|the\s+)?(?:(?:south|north)\s+Korean\s+)?", self.text[s.start : s.end]
            )
            p = s.start + lead.end()
            name = capitalised_name(self.text, p, s.end)
            if (
                name
                and self.text.startswith(name, p)
                and len(name.split()) >= 3
                and _BODY_NAME_LINK.search(name)
                and ACTING_BODY_AFTER.match(self.text, p + len(name))
                and not any(
                    m.label in ("PLACE", "PERSON") and m.start == p for m in self.mentions_in(p, p + 4)
                )
            ):
                return Ref("named", None, name, False)
        return None

    def unit_of_body(self, at: int) -> Ref | None:
        """'the southwestern front command of the Korean People's Army made a press release in which it
        announced': a unit of a body the text names, written in lower case, is named as written."""
        unit = _UNIT_OF.match(self.text, at)
        if unit is None or unit.group(1).split()[-1] not in ORG_NOUNS | _UNIT_NOUNS:
            return None
        body = [m for m in self.mentions_in(unit.end(), unit.end() + 80) if m.start == unit.end()]
        if not body or body[0].label != "ORG":
            return None
        return Ref("named", None, self.text[unit.start(1) : body[0].end], False)

    def _after_appositive(self, m: Mention) -> str:
        """What follows a name's appositive set off by commas, whatever "and" the body's name in it holds:
        "X, general secretary of the ... Juche Idea and Songun Policy in ... Regions, made a report"."""
        s = self.sents[self.sent_index(m.start)]
        post = self.text[m.end : s.end]
        parts = post.split(",", 2)
        return parts[2].lstrip() if post.startswith(",") and len(parts) == 3 else ""

    def _role_context(self, m: Mention) -> tuple[str, str]:
        """The titles a person is given ('Mongolian Ambassador to the DPRK X', 'X, emir of Kuwait,') and
        the clause they are the subject of ('X, chairman of ..., made a report')."""
        t = self.text
        s = self.sents[self.sent_index(m.start)]
        pre = t[max(s.start, m.start - 60) : m.start]
        run = _TITLE_RUN_BEFORE.search(t, max(s.start, m.start - 200), m.start)
        if run is not None and run.end() - run.start() > len(pre):
            # ("Vice-Chairman of the Central Committee of the National ... Front of Laos X")
            pre = run.group()
        ands = [a.start() for a in _AND_NOT_IN_TITLE.finditer(pre)]
        # (not the "and" of a capitalised title: "Minister of Energy and Water Resources Gebran Bassil")
        cut = max(pre.rfind(", "), ands[-1] if ands else -1, pre.rfind(" were "), pre.rfind(" was "))
        if cut >= 0:
            before_comma = pre[:cut] if cut == len(pre.rstrip()) - 1 else ""
            pre = pre[cut + 2 :]
            closes = re.match(r"\s*(?:[,.;)]|$)", t[m.end : m.end + 2])  # (the apposition closes after it)
            titled = self._title_before_comma(before_comma + ",") if before_comma and closes else None
            if titled:
                pre = (
                    titled  # "al presidente pakistani, Asif Ali Zardari": a determiner, the office, the name
                )
        end = min(s.end, m.end + 400)  # (Rodong Sinmun gives long lists of offices)
        nxt = [n.start for n in self.mentions_in(m.end + 1, end) if n.label == "PERSON"]
        if nxt:
            end = nxt[0]
        post = t[m.end : end]
        a = _AND_CAPITAL.search(post)
        if a:
            post = post[: a.start()]
        parts = post.split(",")
        opening = _OPENING_APPOSED.fullmatch(t, s.start, m.start)
        if post.startswith(",") and opening is not None:
            # "El embajador coreano, Jong Hak Se, hizo una visita al secretario general de ...": the title
            # opens the sentence before the name; what follows the name is the clause
            return opening.group(1), ",".join(parts[1:])
        if post.startswith(","):
            return pre + " " + parts[1], ",".join(parts[2:])  # the clause: all after the appositive
        return pre, post

    # -- documents -----------------------------------------------------------------------------------
    def document(self, noun: str, at: int, span: str = "") -> Ref:
        t = self.text
        noun = noun.lower()
        headline = at < self.doc.body_offset
        i = self.sent_index(at)
        order = list(range(i, -1, -1))
        if headline:
            order = [k for k in range(len(self.sents)) if self.sents[k].start >= self.doc.body_offset][:3]
        if noun in self.kb.media_nouns and not (noun == "paper" and _WHITE_PAPER.search(span)):
            # "the paper": the one named as a paper, else the publisher of the article just reported
            # ("Huan Qiu Shibao carried an article ... the paper said"), else the medium's own voice; but
            # after "A Malaysian newspaper said ...", that unnamed paper, though another was named before
            if not headline:
                for j in order[:4]:
                    s = self.sents[j]
                    named = self._medium([j], at, False)
                    if named is not None:
                        return named  # (what ``_medium(order, ...)`` below finds first)
                    unnamed = _UNNAMED_PAPER.search(self.text, s.start, min(s.end, at))
                    if unnamed is not None and not self.inside_other_quote(
                        unnamed.start(), unnamed.end(), at
                    ):
                        return Ref("anonymous", None, None, False)
            found = (
                self._medium(order, at, headline)
                or self._publisher(order, at, headline)
                or self._headline_paper(at)
                or self._finding_by_medium(at)
            )
            if found is None and _foreign_described(span, self.kb):
                # "the Sri Lankan daily said", "a Lankadeepa commentary said" with no paper named before: a
                # foreign paper, not the DPRK medium's own voice
                name = re.match(
                    r"(?:an?\s+|the\s+)?((?:(?:La|El|Le|Les|Die|Il|O|Al)\s+)?[A-Z][\w'’-]+)\s+[a-z]+$", span
                )
                if name is not None and not nationality_width([name.group(1)], self.kb):
                    return Ref("named", None, name.group(1), False)
                return Ref("anonymous", None, None, False)
            return found or self._own(at)
        author = None
        for author in _WRITTEN_BY.finditer(t, 0, at):  # noqa: B007 - the last one
            pass
        if (
            author is not None
            and author.group(1).lower() == noun
            and not self.inside_other_quote(author.start(), author.end(), at)
        ):
            # "The article was contributed by its Chairman Dermot Hudson": the author
            end = re.compile(r"[,.;]\s|\s+(?:on|in|to)\s").search(t, author.end())
            people = [
                m
                for m in self.mentions_in(author.end(), end.start() if end else author.end() + 120)
                if m.label in ("PERSON", "ORG")
            ]
            if people:
                return self.ref_of(people[-1])
            name = re.search(
                r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s*$",
                t[author.end() : end.start() if end else author.end() + 120],
            )
            if name:
                return Ref("named", None, name.group(1), self.looks_like_person(name.group(1)))
        synonyms = set().union(*(g for g in _SAME_DOCUMENT if noun in g)) or {noun}
        if noun in ("document", "documento"):
            # "hizo publico un decreto ... Segun el documento": the word stands for any document before
            synonyms = (
                {noun}
                | {
                    d
                    for d in self.kb.doc_nouns
                    if d not in self.kb.media_nouns and d not in self.kb.own_writing
                }
                | {"decreto", "declaracion", "mensaje", "carta", "misiva", "nota", "comunicado", "informe"}
            )
        synonyms |= {_ACCENTED[x] for x in synonyms if x in _ACCENTED}  # ("En su declaración fechada 9")
        if (
            synonyms != {noun}
            and (
                noun
                in ("document", "documento")  # (any document, the nearest: "El documento" may be another's)
                or not re.search(r"\b" + re.escape(noun) + r"s?\b", t[:at].lower())
            )
        ):
            # "recibio mensaje de condolencias ... La misiva senala": the document named another way before
            noun_alt = "(?:" + "|".join(map(re.escape, sorted(synonyms))) + ")"
        else:
            noun_alt = re.escape(noun)
        intro, definite = _document_intros(noun_alt)
        verb = _VERB_OF.get(noun)
        verb_rx = (
            re.compile(r"\b" + verb + (r"\b" if verb.endswith("ly") else r"(?:ed|es|s|ing)\b"))
            if verb
            else None
        )
        introduced = False
        for j in order:
            s = self.sents[j]
            limit = (
                at + len(noun) if j == i and not headline else s.end
            )  # (its own "an article ..., which said")
            if self.inside_other_quote(s.start, s.end, at):
                continue
            header = [m for m in self.mentions_in(s.start, s.end) if m.entity in self.media]
            if j < i and header and t[s.start : s.end].strip(" .-") == header[0].text:
                return self.ref_of(header[0])  # a press review's "Minju Joson" heading the items below it
            seg_start = s.start
            founds = list(intro.finditer(t, seg_start, limit))
            kind = span.lower().rsplit(noun, 1)[0].split()[-1:] if noun in span.lower() else []
            if kind and kind[0] not in ("the", "this", "that") and j != i:
                # "the joint statement said": the joint statement, not the plain one reported after it
                founds = [f for f in founds if kind[0] in f.group().lower()]
            found = founds[-1] if founds else None  # the last one
            if found is None and j < i:
                # "transmitio el mensaje de felicitacion del CC del PTC": a definite one, with its sender
                found = next(
                    (
                        d
                        for d in definite.finditer(t, seg_start, limit)
                        if (frm := _SENDER.match(t, d.end(), s.end)) is not None
                        and t[frm.end() : frm.end() + 1].isupper()
                        and (
                            frm.group("prep") != "of"  # (not "the joint statement of the DPRK government";
                            # but "the work of Kim Jong Un published on ...")
                            or any(m.label == "PERSON" for m in self.mentions_in(frm.end(), frm.end() + 1))
                        )
                    ),
                    None,
                )
            introduced = introduced or found is not None
            for alt in reversed(founds[:-1]):
                if _names_sender(t, found.end(), s.end):
                    break
                if _names_sender(t, alt.end(), s.end):
                    # "received a message sent by X, ... in reply to their message": the one with a sender
                    found = alt
                    break
            if found is None and verb_rx is not None:
                found = verb_rx.search(t, seg_start, limit)
                if found is not None:
                    r = self._speaker_or_subject(j, s, limit)
                    if r is not None:
                        return r
                    continue
            if found is None:
                continue
            quoting = re.search(
                r"\b(?:quoting|citing|quoted|cited)\s+$", t[max(s.start, found.start() - 12) : found.start()]
            )
            if quoting is not None and j != i:
                # "Kyunghyang Daily News reported ... quoting a document of a foreign country. ... the
                # document said": its issuer is who the phrase names after it, not the medium citing it
                of = re.match(
                    r"\s+(?:of|from|by|issued by|released by|published by)\s+(?:the\s+)?",
                    t[found.end() : s.end],
                )
                issuer = (
                    [
                        m
                        for m in self.mentions_in(found.end() + of.end(), s.end)
                        if m.start == found.end() + of.end()
                    ]
                    if of
                    else []
                )
                if issuer and issuer[0].label in ("ORG", "PERSON", "PLACE"):
                    return self.ref_of(issuer[0])
                body = (
                    re.match(
                        r"(?:[a-z][\w-]*\s+){0,3}(?:ministry|government|office|department)\b",
                        t[found.end() + of.end() : s.end],
                    )
                    if of
                    else None
                )  # ("quoting a communique released by the foreign affairs ministry": the body, unnamed)
                if body is not None:
                    return Ref("named", None, body.group(), False)
                return Ref("anonymous", None, None, False)
            by_it = _BY_PRONOUN.match(t, found.end(), s.end)
            if by_it is not None and by_it.start(1) not in self._resolving:
                # "according to a statement released by it on Jan. 21": whom the pronoun stands for (once:
                # "A commentary made public by it ... it said" would lead back here)
                word = {"him": "he", "her": "she", "them": "they"}.get(by_it.group(1), by_it.group(1))
                subj = self.subject(j)
                if subj.kind in ("org", "person") and subj.ref is not None and subj.at < found.start():
                    return subj.ref  # ("X demanded ..., according to a statement released by it")
                self._resolving.add(by_it.start(1))
                try:
                    r = self.pronoun(word, s.start)  # (from the sentences before: not the document itself)
                finally:
                    self._resolving.discard(by_it.start(1))
                if r.kind != "anonymous":
                    return r
            if t[found.start()] in "'’":
                owner = [m for m in self.mentions_in(s.start, found.start()) if m.end == found.start()]
                if owner and owner[0].label in ("PERSON", "ORG"):
                    return self.ref_of(owner[0])  # "Kim Jong Un's work ...": its author
            poss = re.match(r"(its|their|his|her)\s", found.group(), re.IGNORECASE)
            if poss is not None and (
                noun == "obituary" or _STOP_NP & set(found.group().lower().split()[1:-1])
            ):
                poss = (
                    None  # ("gave his handwriting to a letter": "his" is not the letter's; "His obituary" is
                )
                # about him)
            if poss is not None and j != i:
                # "This support was manifested in its statement": whose "its" is
                r = self.pronoun(
                    {"its": "it", "their": "they"}.get(poss.group(1).lower(), "he"), found.start()
                )
                if r.kind != "anonymous":
                    return r
            author = _CONTRIBUTED_BY.search(t, found.end(), s.end)
            if author is not None and not _TITLE_ONLY.fullmatch(t, found.end(), author.start()):
                author = None  # (the author of another work: "... the publication of the work authored by X")
            writer = _OWN_WRITER.match(t, author.end(), s.end) if author is not None else None
            by_name = author.end() if author is not None else 0
            if writer is not None and re.match(r"\s+[A-Z][\w'’-]+\s+[A-Z]", t[writer.end() : s.end]):
                by_name = writer.end() + 1  # ("contributed by a commentator Im Pom": the writer named speaks)
                writer = None
            if writer is not None:
                own = [m for m in self.mentions_in(s.start, found.start()) if m.entity in self.media]
                if own:
                    # "Rodong Sinmun Friday in an article written by a military commentator": the paper's own
                    # writer, the paper's own voice (guidelines 2.3)
                    return self.ref_of(own[0])
            if author is not None:
                # 'carried an article "..." contributed by Kwon O Hon, honorary chairman of ...': the author
                # speaks in it, not the paper carrying it (as "The article was contributed by X")
                people = [m for m in self.mentions_in(author.end(), min(s.end, author.end() + 80))]
                if people and people[0].label == "PERSON" and people[0].start <= author.end() + 40:
                    return self.ref_of(people[0])
                name = re.match(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})", t[by_name : s.end])
                if name and self.looks_like_person(name.group(1)):
                    return Ref("named", None, name.group(1), True)
            posted = _POSTED_ON.search(t, found.end(), s.end)
            if posted is not None and not self.inside_other_quote(posted.start(), posted.end(), at):
                # 'An article titled "..." was posted on Nepal-Europe, a Nepalese Internet homepage': where
                # it was published speaks ("on Chinese Internet website Xinlang": the name after its kind)
                lead = medium_kind_lead(self.kb).match(t, posted.end(), s.end)
                where = lead.end() if lead else posted.end()
                on = [m for m in self.mentions_in(where, s.end) if m.start == where]
                if on and on[0].label == "ORG":
                    return self.ref_of(on[0])
                name = capitalised_name(t, where, s.end)
                if name and t.startswith(name, where):
                    return Ref("named", None, name, False)
            inner = [a for a, b in self.quote_spans if a <= found.start() < b and a >= s.start]
            if inner:
                # "X called a press conference to make public a declaration ..., MBC reported": the
                # issuer is the reported clause's subject, not the medium reporting it
                a = inner[0]
                ms = [m for m in self.mentions_in(a, found.start()) if m.label in ("ORG", "PERSON")]
                name = capitalised_name(t, a, found.start())
                if ms and ms[0].start <= a + 4 and (ms[0].entity or not name or len(name) <= len(ms[0].text)):
                    return self.ref_of(ms[0])
                if name:
                    return Ref("named", None, name, False)
            frm = _SENDER.match(t, found.end(), s.end)  # "a message of greeting on June 13 from X"
            if frm is not None and noun == "obituary" and frm.group("prep") == "of":
                # "An obituary of O Ik Je was issued by the Central Committee of ...": of the one who died, by
                # its issuer
                by = _ISSUED_BY.search(t, frm.end(), s.end)
                issuers = [m for m in self.mentions_in(by.end(), s.end) if m.start == by.end()] if by else []
                if issuers and issuers[0].label in ("ORG", "PERSON"):
                    return self.ref_of(issuers[0])
                frm = None
            if frm is None:
                # "recibio un mensaje de felicitacion que le dirigiera el dia 23 el presidente de ..., Joseph
                # Kabila Kabange": the sender of a Spanish "que le dirigio/envio"
                sent = _SENT_TO_HIM.match(t, found.end(), s.end)
                people = (
                    [m for m in self.mentions_in(sent.end(), s.end) if m.label == "PERSON"] if sent else []
                )
                if people:
                    return self.ref_of(people[0])
                named = (
                    re.search(r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})[.,\s]*$", t[sent.end() : s.end])
                    if sent
                    else None
                )
                if named:  # ("el presidente de ..., Joseph Kabila Kabange.": a name no pack knows)
                    return Ref("named", None, named.group(1), True)
                if sent and re.match(
                    r"(?:[\w ]{0,30}?\s)?(?:los|las|unos|unas)\s+[a-z]", t[sent.end() : s.end]
                ):
                    # "recibio una carta que le enviaran el 29 de abril los participantes en el Seminario":
                    # senders the text describes, never the receiving subject
                    return Ref("anonymous", None, None, True, plural=True)
            if frm and not re.match(r"[A-Z]", t[frm.end() : frm.end() + 1]):
                # "from the participants of a mass rally": issuers the text describes, not names
                low = t[frm.end() : frm.end() + 60].split(",")[0]
                if re.match(
                    r"(?:participants|members|people|personages|speakers|delegates|attendees)\b", low
                ):
                    return Ref("anonymous", None, None, True, plural=True)
            if frm and frm.group("prep") == "de" and _SENDING.search(t, s.start, found.start()):
                # "Kim Yong Nam, envio ... un mensaje de Feliz Ano Nuevo al ...": after a verb of sending,
                # "de" gives what the message is, its sender is who sent it
                sender = self._sender_before(s.start, found.start())
                if sender is not None:
                    return sender
            if frm:
                ms = [m for m in self.mentions_in(frm.end(), min(s.end, frm.end() + 200))]
                if ms and ms[0].start == frm.end():
                    paper = [
                        m
                        for m in ms[1:3]
                        if ms[0].label == "PLACE"
                        and m.label == "ORG"
                        and re.fullmatch(r"\s+(?:[\w-]+\s+){0,3}", t[ms[0].end : m.start])
                    ]
                    if (
                        paper
                    ):  # "a commentary of the DPRK major paper Rodong Sinmun": the paper, not the country
                        return self.ref_of(paper[0])
                    return self.ref_of(ms[0])
                name = capitalised_name(t, frm.end(), s.end)
                if name:
                    tail = [m for m in ms if m.label == "PERSON" and m.end == frm.end() + len(name)]
                    if tail:  # "from Mozambican President Armando Emilio Guebuza": the person after the title
                        return self.ref_of(tail[0])
                    joint = [m for m in ms if m.label == "PERSON" and m.end <= frm.end() + len(name)]
                    if joint and re.search(r"\s+and\s+", t[joint[0].end : frm.end() + len(name)]):
                        # "from National Chairman Renato Ravello and International Secretary Ricardo ...": the
                        # first of the senders
                        return self.ref_of(joint[0])
                    places = [m for m in ms if m.label == "PLACE" and m.end < frm.end() + len(name)]
                    rest = t[places[0].end : frm.end() + len(name)].strip() if places else ""
                    if (
                        places
                        and any(name.startswith(x + " ") for x in self.kb.person_titles)
                        and re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}", rest)
                    ):  # "from Prime Minister of Grenada Tillman Thomas": the person after title and country
                        return Ref("named", None, rest, True)
                    return Ref("named", None, name, False)
                stop = re.compile(r",\s|\s+on\s+[A-Z]|\s+to\s+|\.\s").search(t, frm.end(), s.end)
                end = stop.start() if stop else s.end
                people = [m for m in self.mentions_in(frm.end(), end) if m.label == "PERSON"]
                sent_by = frm.group("prep") in ("from", "by")
                # "the chairman of the ... Party", "the Russian minister of Culture": an office one person
                # holds, the holder unnamed (guidelines 2.3)
                by_office = sent_by and not people and self.unnamed_office(frm.end(), end)
                if re.match(r"[a-z]", t[frm.end() : frm.end() + 1]) and sent_by:
                    # "received a letter from the chairman of the C.C. of the ... Party [Name]": the sender
                    # is that description (a person when one is named in it), never the receiving subject
                    if people:
                        return self.ref_of(people[-1])
                    return Ref("named", None, None, True) if by_office else Ref("anonymous", None, None, True)
                if by_office:
                    return Ref("named", None, None, True)  # "A congratulatory letter sent by the Russian ..."
            by = _NAME_DAY_IN.search(t, max(s.start, found.start() - 40), found.start())
            named = [m for m in self.mentions_in(s.start, by.start()) if m.end == by.start()] if by else []
            if (
                named
                and named[0].label in ("ORG", "PERSON")
                and self.kb.cues_re is not None
                and self.kb.rx("cue-then-name", lambda: "(?:" + self.kb.cue_alt + r")\s+(?:the\s+)?$").search(
                    t, max(s.start, named[0].start - 40), named[0].start
                )
                and not self.inside_other_quote(named[0].start, named[0].end, at)
            ):
                # "..., observes Rodong Sinmun Monday in a bylined article dedicated to the Day of the UN":
                # the name after the inverted cue and before "in a ... article" wrote it (not the "If the
                # UN ..." clause's subject)
                return self.ref_of(named[0])
            r = self._speaker_or_subject(j, s, limit)
            if r is None:
                r = self._medium(
                    [j], limit if j == i else s.end, False
                )  # "The newspaper Blits carried an article"
            if r is None or r.kind == "anonymous":
                r = self._sender_before(s.start, found.start()) or r
            if r is None and (
                _POSTING.search(self.text, max(s.start, found.start() - 30), found.start())
                or _POSTING_AT.match(self.text, found.start())
            ):
                r = self._sender_before(s.start, found.start(), any_verb=True)
            if r is not None:
                return r
        if noun in self.kb.own_writing:
            # no sentence introduces this article: the last one that reports a publication ("The Nigerian
            # paper X on June 2 posted a write-up ...") names its publisher; else a paper no pack knows that
            # spoke in the sentence before ("The Indonesian paper Suara Karya said ... the article noted");
            # else the medium's own
            return (
                self._publisher(order, at, headline)
                or self._paper_spoke(at)
                or self._headline_paper(at)
                or self._finding_by_medium(at)
                or self._own(at)
            )
        lead = None if introduced else self._lead_actor(at)
        if lead is not None:
            # "The Bangladesh Institute of the Juche Idea issued a press statement ... the statement said": no
            # sentence introduces the document; the story is about the lead's subject, whose it is
            return lead
        return Ref("anonymous", None, None, False)

    def _paper_spoke(self, at: int) -> Ref | None:
        """The last speaker, in this sentence or the one before, when it is a paper or broadcaster named
        as a medium ("The Indonesian paper Suara Karya said ...")."""
        i = self.sent_index(at)
        lo = self.sents[max(0, i - 1)].start
        spoke = [(p, r) for p, r in self.refs if lo <= p < at]
        if not spoke:
            return None
        p, r = spoke[-1]
        described = medium_noun_end(self.kb).search(self.text, max(0, p - 30), p)
        if r.kind == "named" and not r.person and (described or self.kb.is_medium(r.entity)):
            return r
        return None

    def _finding_by_medium(self, at: int) -> Ref | None:
        """'An opinion poll by the Mainichi Shimbun daily has found that ..., the paper reported': the one
        paper named in the words it reports, as the agent of a finding ("by", "of", "conducted by")."""
        if self.current is None:
            return None
        a, b = self.current
        found = [
            m
            for m in self.mentions_in(a, b)
            if m.label == "ORG"
            and (self.kb.is_medium(m.entity) or (m.entity is None and _PAPER_END.search(m.text)))
            and _AGENT_BEFORE.search(self.text, max(a, m.start - 20), m.start)
        ]
        names = {m.entity or m.text for m in found}
        return self.ref_of(found[0]) if len(names) == 1 else None

    def _headline_paper(self, at: int) -> Ref | None:
        """A story whose headline has a paper speak and names no DPRK medium ("S. Korean Paper Slams ...",
        "Chinese Newspaper on ...", "... Lauded by Paper of Democratic Congo"): the paper its lead sentence
        names, for "the editorial" or "the newspaper" that no sentence introduces (not the medium's own
        voice)."""
        if not paper_word(self.kb).search(self.text, 0, self.doc.body_offset) or any(
            m.entity in self.media for m in self.mentions if m.end <= self.doc.body_offset
        ):
            return None
        lead = [k for k, s in enumerate(self.sents) if self.doc.body_offset <= s.start and s.end <= at][:3]
        for k in lead:
            r = self._medium([k], self.sents[k].end, True) or self._publisher([k], self.sents[k].end, True)
            if r is not None and r.kind == "named" and not r.person:
                return r
        return None

    def _lead_actor(self, at: int) -> Ref | None:
        """The named subject of the story's first body sentence (before ``at``), when it is no medium."""
        first = next((k for k, s in enumerate(self.sents) if s.start >= self.doc.body_offset), None)
        if first is None or self.sents[first].start >= at or self._nested:
            return None
        subj = self.subject(first)
        if subj.kind in ("person", "org") and subj.ref is not None and subj.ref.kind == "named":
            return subj.ref
        return None

    def _publisher(self, order: list[int], at: int, headline: bool) -> Ref | None:
        """The named subject of the last sentence before ``at`` that reports a publication."""
        i = self.sent_index(at)
        for j in order:
            s = self.sents[j]
            limit = at if j == i and not headline else s.end
            if s.start < self.doc.body_offset or not _PUBLISHED.search(self.text, s.start, limit):
                continue
            last = None
            for last in _PUBLISHED.finditer(self.text, s.start, limit):  # noqa: B007 - the last one
                pass
            # ("A Myanmar paper on June 27 carried an article ... the paper said": an unnamed paper)
            if _UNNAMED_PAPER.search(self.text, max(s.start, last.start() - 60), last.start()):
                return Ref("anonymous", None, None, False)
            r = self._speaker_or_subject(j, s, limit)
            if r is None and self.subject(j).kind == "document":
                continue  # ('An article titled "..." carried photos', "The magazine carried a photo": what
                # the document itself carries; the sentence before says who published it)
            return r if r is not None and r.kind == "named" else None
        return None

    def _sender_before(self, start: int, end: int, any_verb: bool = False) -> Ref | None:
        """'El presidente ... Kim Yong Nam, al partir de ..., envio el dia 7 un mensaje': the person or body
        named last before the verb of sending, outside quoted words (when no subject was found). With
        ``any_verb``, before ``end`` itself ("Korean artiste in the U.S. Ri Jun Mu, chief of the Uruk Symphony
        Orchestra, posted an article": the document's introducing verb)."""
        verb = None
        for verb in _SENDING.finditer(self.text, start, end):  # noqa: B007 - the last one
            pass
        if verb is None and not any_verb:
            return None
        people = [
            m
            for m in self.mentions_in(start, verb.start() if verb is not None else end)
            if m.label in ("PERSON", "ORG") and not any(a <= m.start < b for a, b in self.quote_spans)
        ]
        if people and people[-1].label == "ORG":
            # "Kim Jong Il, ... Presidente del Comite de Defensa Nacional ..., envio": the body is in the
            # title of the person before it, who sent the message
            titled = [m for m in people if m.label == "PERSON" and self.text.startswith(", ", m.end)]
            if titled and all(m.label == "ORG" for m in people if m.start > titled[-1].start):
                return self.ref_of(titled[-1])
        if (
            any_verb
            and people
            and re.search(r"\b(?:for|of)\s+(?:the\s+)?$", self.text[start : people[-1].start])
        ):
            return None  # ("a spokesman for the National Reconciliation Council issued a statement": his)
        return self.ref_of(people[-1]) if people else None

    def _speaker_or_subject(self, j: int, s: Sentence, limit: int) -> Ref | None:
        here = [r for p, r in self.refs if s.start <= p < limit]
        if here:
            return here[-1]
        subj = self.subject(j)
        if subj.at >= limit:
            return None
        if subj.kind in ("person", "org"):
            return subj.ref
        if subj.kind == "orgnoun":
            return self.org_before(subj.at) or self.unit_of_body(subj.at)
        if subj.kind == "role":
            return self.role(subj.word, subj.at, definite=True, span=subj.text) or ANONYMOUS_PERSON
        if subj.kind == "plural":
            first = next(
                (m for m in self.mentions_in(subj.at, s.end) if m.start == subj.at and m.label == "PERSON"),
                None,
            )
            if first is not None:
                # "Rashed Khan Menon, chairman of ..., and Hasanul Huq Inu, chairman of ..., released a joint
                # statement": people named together speak as the first of them (guidelines 2.2)
                return self.ref_of(first)
            return self.listed_members(j) or Ref("anonymous", None, None, True, plural=True)
        if subj.kind == "pronoun" and subj.word in ("he", "she"):
            return self.pronoun(subj.word, subj.at)  # "In a commentary he blamed ...": whom "he" stands for
        if subj.kind == "pronoun" and subj.word == "they":
            # "..., said Chairman X and General Secretary Y of the ... They issued a joint statement": the
            # speakers the "they" takes up (the first of them), else a group
            r = self.pronoun("they", subj.at)
            if r.kind == "named":
                return r
        if subj.kind == "anon":
            name = (
                capitalised_name(self.text, subj.at, s.end)
                if self.text[subj.at : subj.at + 1].isupper()
                else None
            )
            if (
                name
                and self.text.startswith(name, subj.at)
                and len(name.split()) >= 4
                and _BODY_NAME_LINK.search(name)
            ):
                # "The Youth and Students Solidarity for Implementing the June 15 Joint Declaration in south
                # Korea in a statement": a body's capitalised name opening with a word for a group of people
                return Ref("named", None, name, False)
            return ANONYMOUS_PERSON  # "A spokesman for the party issued a commentary": the commentary's
        if subj.kind == "pronoun" and subj.word == "it":
            r = self.pronoun("it", subj.at)  # "It carried an article": what "it" is
            if r.kind != "anonymous":
                return r
        if subj.kind == "document":
            by = _ISSUED_BY.match(self.text, subj.at, s.end)
            if by is not None and re.search(r"\b" + re.escape(subj.word) + r"s?\s", by.group()):
                # "A bulletin issued by Kim Jong Suk Library in Peru carried ... an article": its issuer
                ms = [m for m in self.mentions_in(by.end(), s.end) if m.start == by.end()]
                if ms and ms[0].label in ("PERSON", "ORG"):
                    return self.ref_of(ms[0])
                name = capitalised_name(self.text, by.end(), s.end)
                if name and self.text.startswith(name, by.end()):
                    return Ref("named", None, name, self.looks_like_person(name))
        if (
            subj.kind == "document"
            and subj.word not in self.kb.media_nouns
            and subj.word not in self.kb.own_writing
            and j > 0
            and not self._nested
        ):
            # "X issued a bulletin ... The bulletin carried articles ... the article said": the articles
            # are the bulletin's, which is its issuer's
            self._nested = True
            try:
                r = self.document(subj.word, max(0, self.sents[j].start - 1))  # (earlier sentences only)
            finally:
                self._nested = False
            if r.kind != "anonymous":
                return replace(r, doc=False)
        if subj.kind == "document" and subj.word in self.kb.media_nouns:
            # "A Bangladeshi paper dedicated two pages to an article": the paper, named or not
            r = self._medium([j], limit, False)
            if r is not None:
                return r
            if re.search(
                r"\b(?:a|an|A|An)\s+(?:[\w-]+\s+){0,2}$", self.text[max(s.start, subj.at - 30) : subj.at]
            ):
                return Ref("anonymous", None, None, False)
            if j > 0 and re.search(
                r"\b(?:the|The)\s+(?:[\w-]+\s+){0,2}$", self.text[max(s.start, subj.at - 30) : subj.at]
            ):
                # "Thongil, the newspaper of Koreans in Uzbekistan, ... The newspaper carried an article": the
                # paper named before
                r = self._medium(list(range(j - 1, -1, -1)), s.start, False)
                if r is not None:
                    return r
        if subj.kind == "other":
            r = self._medium(
                [j], limit, False
            )  # "The south Korean Internet paper Jaju Minbo ... in an article"
            if r is not None:
                return r
            state = self.state_body(subj.at, s.end)
            if state is not None:
                return state  # "The Pakistani army in a statement on Tuesday lodged protest"
            unit = self.unit_of_body(subj.at)
            if unit is not None:
                return (
                    unit  # "The British branch of the Korean Friendship Association made public a statement"
                )
            run = _SHARED_RUN.match(self.text, subj.at, s.end)
            first = (
                shared_head_first(re.sub(r"(?:\s+(?:of|for|the|and|in|on))+$", "", run.group(1)))
                if run
                else None
            )
            if first is not None:
                # "The North, South and Overseas Side Committees for Implementing ... released an appeal": the
                # first of the bodies sharing a head noun
                return Ref("named", None, first, False)
            if _PLURAL_BODIES.match(self.text, subj.at, s.end):
                listed = self.listed_members(j)
                if listed is not None:
                    # "Organizations in Nepal issued a joint statement ... They are the Committee for ...":
                    # bodies speaking jointly, as the first of them listed (guidelines 2.2)
                    return listed
            at = subj.at
            korean = _SOUTH_KOREAN_BEFORE.match(self.text, at, s.end)
            if korean is not None:
                at = korean.end()  # ("The south Korean Solidarity for Democracy, ... issued a statement")
            name = capitalised_name(self.text, at, s.end)
            if name and all(
                _state_demonym(w, self.kb) or country_entity(w, self.kb) is not None
                for w in name.split()
                if w not in ("and", "y")
            ):  # ("Guinean and British organizations posted articles": whose they are, not a name)
                name = None
            if name and name not in INTRO_WORDS:  # ("Prior to the demonstration they made public ...")
                return Ref("named", None, name, False)
        return None

    def _medium(self, order: list[int], at: int, headline: bool) -> Ref | None:
        """'the paper': the newspaper the text names before it (or, for a headline, in the lead)."""
        t = self.text
        nouns = media_words(self.kb)
        after_noun = re.compile(
            r"\b(?:(?:" + nouns + r")(?:\s+of\s+(?P<of>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}))?"
            r"|(?<=\s)issue\s+of)\s+(?=[A-Z])"
        )  # "the paper Blits", "The paper of Democratic Congo L' Avenir", "The March 14th issue of Blits"
        before_noun = re.compile(r",\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:" + nouns + r")\b")
        i = self.sent_index(at)
        for j in order:
            s = self.sents[j]
            limit = at if j == i and not headline else s.end
            if j == i and self.current and s.start <= self.current[0] < limit:
                limit = self.current[
                    0
                ]  # ("They said that FTA was ..., the paper added": not in its own words)
            for a in after_noun.finditer(t, s.start, limit):
                if a.group("of") and not any(
                    m.label == "PLACE" and m.start <= a.start("of") + 4 and m.end == a.end("of")
                    for m in self.mentions_in(a.start("of"), a.end("of"))
                ):
                    continue  # (the paper of a place, then its name; not "the paper of Koreans in Japan")
                ms = self.mentions_in(a.end(), s.end)
                issue = a.group().startswith("issue")
                if issue and re.match(r"[A-Z][\w'’-]*\s+(?:" + nouns + r")\b", t[a.end() : s.end]):
                    continue  # ("The Sept. 1-15th issue of Lao newspaper Heng Ngan": the paper's name after)
                if ms and ms[0].start == a.end() and not issue:
                    return self.ref_of(ms[0])
                if ms and ms[0].start == a.end() and ms[0].label == "PLACE":
                    continue
                if ms and ms[0].start == a.end() and ms[0].entity is not None:
                    return self.ref_of(ms[0])
                name = ms[0].text if ms and ms[0].start == a.end() else capitalised_name(t, a.end(), s.end)
                if name:
                    return Ref("named", None, medium_without_place(name, self.kb), False)
            for b in before_noun.finditer(t, s.start, limit):
                if self.kb.cues_re is not None and self.kb.cues_re.match(t, b.end() + 1):
                    continue  # ("... the conclusion of FTA, the paper said": an attribution, no appositive)
                ms = [m for m in self.mentions_in(s.start, b.start()) if m.end == b.start()]
                if ms and ms[0].label == "PLACE":
                    continue  # ("... organization of a new type in Korea, the paper introduced": no name)
                if ms:
                    return self.ref_of(ms[0])
                run = re.search(
                    r"(?:^|(?<=\s))((?:The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})$",
                    t[s.start : b.start()],
                )
                name = capitalised_name(t, s.start + run.start(1), b.start()) if run else None
                if (
                    name and run.start(1) == 0
                ):  # "The Asia Times, paper of Hong Kong, China": the name before it
                    return Ref("named", None, name, False)
            dateline = _DATELINE.match(t, s.start, s.end)
            after_dateline = dateline.end() if dateline else s.start  # "Pyongyang, November 2 (KCNA) --"
            ms = [m for m in self.mentions_in(after_dateline, limit) if m.entity in self.media]
            if ms:
                return self.ref_of(ms[-1])
            for a in re.finditer(
                r"\b(?:paper|newspaper|daily|weekly|magazine|journal)\b", t[s.start : limit]
            ):
                # "Internet paper of Koreans in the U.S. Minjok Thongsin carried an article": the name after
                # the description of the paper
                near = [
                    m
                    for m in self.mentions_in(s.start + a.end(), min(limit, s.start + a.end() + 60))
                    if m.label == "ORG"
                    and re.match(r"\s+(?:\w+ly\s+)?[a-z]", t[m.end : m.end + 20])
                    and len(re.findall(r"[\"“”]", t[s.start + a.end() : m.start])) % 2 == 0
                    and not _VERB_BETWEEN.search(t, s.start + a.end(), m.start)
                ]  # (not a name inside a title in quotation marks: 'The paper in an article titled "WPK is';
                # not the object of the paper's verb: "the paper introduced the action programme of the DIU")
                if near:
                    return self.ref_of(near[0])
                start = s.start + a.end()
                for run in _RUN_BEFORE_VERB.finditer(t, start, min(limit, start + 90)):
                    if len(re.findall(r"[\"“”]", t[start : run.start(1)])) % 2:
                        continue  # (inside a title in quotation marks)
                    if (
                        self.kb.cues_re is not None and self.kb.cues_re.search(t, start, run.start(1))
                    ) or re.search(r"\bthat\b", t[start : run.start(1)]):
                        break  # ('The paper ... said that the President embarked': what the paper says; "the
                        # paper introduced in detail that the woman commander of Mt. Paektu fully ensured")
                    words = run.group(1).split()
                    places = {
                        m.text for m in self.mentions_in(run.start(1), run.end(1)) if m.label == "PLACE"
                    }
                    if t.endswith("the ", 0, run.start(1)) and not any(
                        m.start == run.start(1) and m.label == "PLACE"
                        for m in self.mentions_in(run.start(1), run.end(1))
                    ):
                        continue  # ('The paper introduced the feats the President performed': no name)
                    while words and words[0] in places:
                        words = words[1:]  # "U.S. Minjok Thongsin": the place the paper's readers live in
                    if len(words) >= 1 and not (len(words) == 1 and words[0] in places):
                        return Ref("named", None, " ".join(words), False)
            names = [
                m for m in _PAPER_NAME.finditer(t, s.start, limit) if not self._in_title(s.start, m.start())
            ]
            # (not the words of a title in quotation marks: 'including the title "Shining Star will throw its
            # rays forever"')
            papers = [m for m in names if not re.search(r"\b(?:News|Express)$", m.group())]
            # ("The New York Times ... reported ..., according to Yonhap News": the paper is the Times)
            titled = papers[-1] if papers else (names[-1] if names else None)
            unnamed = _UNNAMED_MEDIUM.search(t, s.start, limit)
            if titled is None and unnamed is not None:
                return Ref("anonymous", None, None, False)  # "The 7th issue of a Russian paper carried ..."
            if titled is not None:  # "The Chinese People's Daily on Feb. 3 carried an article"
                ms = [m for m in self.mentions_in(titled.start(), titled.end()) if m.end == titled.end()]
                if ms and ms[0].label == "ORG" and ms[0].entity is not None:
                    return self.ref_of(ms[0])
                words = (ms[0].text if ms and ms[0].label == "ORG" else titled.group()).split()
                while len(words) > 1 and (
                    words[0] in ("The", "the")
                    or (NATIONALITY.fullmatch(words[0]) and country_entity(words[0], self.kb) is not None)
                ):
                    words = words[1:]  # ("The Japanese Mainichi Shimbun": a nationality, not "Mainichi")
                return Ref("named", None, " ".join(words), False)
        return None

    def _in_title(self, start: int, at: int) -> bool:
        """``at`` lies inside a title in quotation marks opened after ``start``: 'an article titled "...'."""
        marks = [m.start() for m in re.finditer(r"[\"“”]", self.text[start:at])]
        return (
            len(marks) % 2 == 1
            and _TITLE_BEFORE_MARK.search(self.text[max(start, start + marks[-1] - 30) : start + marks[-1]])
            is not None
        )

    def _own(self, at: int) -> Ref:
        """The DPRK medium last named before ``at``, else the document's source."""
        ms = [m for m in self.mentions if m.end <= at and m.entity in self.media]
        if (
            len(ms) > 1
            and self.text[ms[-1].start - 1 : ms[-1].start] == "("
            and ms[-1].start < self.doc.body_offset + 60
        ):
            ms = ms[
                :-1
            ]  # "Review of Rodong Sinmun" over "Pyongyang, October 21 (KCNA) --": the dateline's agency
        if ms:
            return self.ref_of(ms[-1])
        src = (self.doc.source or "").lower()
        eid = {"kcna": "kcna", "rodong sinmun": "rodong-sinmun"}.get(src)
        e = self.kb.entity(eid)
        return Ref("self", eid, e.name if e else self.doc.source, False)


# a Spanish description, then the name in quotation marks, then the verb: 'La pagina online de Nepal
# "Nepal-Europa" inserto', 'El periodico ruso "Pravda" publico'
_DESCRIBED_QUOTED_ES = re.compile(
    r"(?:La|El|Los|Las)\s+[a-záéíóúñ]+(?:\s+(?:[a-záéíóúñ]+|de\s+[A-Z][\w-]*)){0,4}\s+[\"“]([A-Z][^\"”]{1,60})[\"”],?"
    r"\s+(?:el\s+dia\s+\d+\s+)?[a-záéíóúñ]+(?:o|ó|a)\b"
)
# a sentence opening with a name in quotation marks and its appositive: '"True Path of the Nation," the
# organ of ...' / '"Minjok 21", a magazine of ...'
_QUOTED_NAME = re.compile(
    r"[\"“]([A-Z][^\"”,]{2,80}?),?[\"”],?\s+(?:(?:the|a|an)\s+[a-z]|"
    # ('"Thongil," newspaper of Koreans in Uzbekistan, on April 24 carried': a medium's noun, no article)
    r"(?:newspaper|paper|magazine|journal|weekly|daily|monthly|bulletin|organ)\s+of\s)"
)


# a capitalised run right before a verb: "... in the U.S. Minjok Thongsin carried an article"
# a publication verb right after a name, a date or a weekday between: "Granma on June 27 carried an article"
_CARRIED_AFTER = re.compile(
    r"\s+(?:(?:on\s+)?(?:[A-Z][a-z]+day|[A-Z][a-z]{2,8}\.?\s+\d{1,2})\s+)?(?:carried|carries|posted|published|ran)"
    r"\s+(?:an?|its|the)\s+(?:[\w-]+\s+){0,2}?(?:article|articles|editorial|commentary|write-up|report)\b"
)
_RUN_BEFORE_VERB = re.compile(
    r"(?<![\w'’.-])((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)(?=\s+(?:\w+ly\s+)?"
    r"(?!(?:in|of|for|and|the|at|on|to|from|by|with|a|an)\b)[a-z]+(?:ed|s)\b)"
)
_PUBLISHED = re.compile(
    r"\b(?:carried|carries|posted|posts|published|publishes|ran|runs|printed|put up|uploaded|"
    r"(?:devoted|dedicated)(?=\s+(?:[\w-]+\s+){0,3}(?:pages?|columns?|space|articles?|write-ups?)\b))\b"
)  # ("dedicated two pages to an article", not "was totally dedicated to the people")
# the last word of many papers' names ("People's Daily", "Asahi Shimbun"; "Jana Sata" has none)
PAPER_WORD = (
    r"(?:Daily|Times|Post|News|Herald|Tribune|Journal|Gazette|Ilbo|Shimbun|Shinmun|Sinbo|Minbo|Pravda|Izvestia|Express|"
    r"Observer|Guardian|Telegraph|Chronicle|Mirror|Star)"
)
# a broadcaster's word ending its name or before "of <country>": "Chinese Central TV", "Radio"
BROADCAST_WORD = r"(?:TV|Radio|Television)"
# what a title in quotation marks follows: 'an article titled "', 'under the title "'
_TITLE_BEFORE_MARK = re.compile(r"\b(?:titled|entitled|headlined|title|titles|headline|caption|slogan)\s*$")
_PAPER_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}" + PAPER_WORD + r"\b")
# a nationality before a name ("Japanese Asahi Shimbun", "Nepali paper"): not part of the name
NATIONALITY = re.compile(NATIONALITY_WORD)
_UNNAMED_MEDIUM = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:paper|newspaper|magazine|daily|weekly|journal|news agency)\b"
    r"(?!\s+(?:[A-Z]|called|named|titled))"
)


# a Spanish report or speech and who made it: "El informe de la ocasion estuvo a cargo de", "el informe
# presentado por", "El discurso de descubrimiento estuvo a cargo de"
_MADE_BY_ES = {
    "informante": re.compile(r"\b[Ii]nforme\b[^.;:]{0,80}?\b(?:a\s+cargo\s+de(?:l)?|por)\s+"),
    "orador": re.compile(r"\b[Dd]iscurso\b[^.;:]{0,80}?\ba\s+cargo\s+de(?:l)?\s+"),
    # (and English: "The floor was taken by Jon Yong Nam, chairman of ... The speaker said")
    "speaker": re.compile(r"\b(?:[Ff]loor\s+was\s+taken|[Ss]peech\s+was\s+(?:made|delivered))\s+by\s+"),
}
# a delegation and who leads it: "The delegation of Chinese publishers headed by "
_DELEGATION_LED = re.compile(
    r"\b(?:[Dd]elegation|[Dd]elegacion|[Dd]elegación)\b[^.;:]{0,80}?\b(?:(?:led|headed)\s+by|encabezad[ao]\s+por)"
    r"\s+(?:(?:su|el|la)\s+)?(?:[a-z]+\s+)?[A-Z]"
)


# a medium printing a report: "The China News Service said as follows:"
_AS_FOLLOWS = re.compile(r"\bas follows\s*:")


def t_after(text: str, at: int) -> str:
    """The words right after a role word ('head of the delegation said')."""
    return text[at : at + 40]


# a document's place of publication in the passive: "was posted on ", "were carried by the "
# a body the text names in lower case by what it is for, as a sentence's subject: "The Kuwaiti preparatory
# committee for commemorating the centenary of birth of President Kim Il Sung" (up to "and the", a verb, a
# comma, or "in a statement")
_DESCRIBED_HEAD = (
    r"(?:[A-Z][a-z]+\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:committee|council|association|federation|alliance|league|"
    r"society|institute|coalition|network|headquarters)\s+(?:for|of)\s+"
)
_DESCRIBED_NAME = re.compile(_DESCRIBED_HEAD)
_DESCRIBED_BODY = re.compile(
    r"(?:The|the)\s+(?P<np>" + _DESCRIBED_HEAD + r"(?!the\s+(?:group|traitors|puppet)\b)[^,;:\"“”()]{3,160}?)"
    r"(?=,|(?<![A-Z])\.(?:\s|$)|\s+and\s+(?:the|its)\s|\s+(?:on|jointly|recently|also|has|have|had|was|were|is|are|will|would|"
    r"who|which|that)\s|\s+(?:in|at|through)\s+(?:a|an|its|the|their)\s|\s+(?:said|says|held|sent|made|"
    r"issued|released|published|posted|called|declared|stressed|noted|urged|denounced|accused|formed|"
    r"launched|staged|opened|expressed|organized|hosted|adopted)\b|\s+[a-z]+ed\s)"
)
# the words that describe a broadcaster ("the radio said", "...: Radio"), answered by _BROADCASTER_NAME
_BROADCAST_HEADS = frozenset({"radio", "tv", "television", "broadcaster", "service"})
# a name shaped as a broadcaster's: "Voice of Russia", "State TV Radio of Cambodia", "Radio Free Asia"
_BROADCASTER_NAME = re.compile(
    r"\bVoice\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"|\b(?:(?:[A-Z][\w'’.-]*|\d[\d.]*)\s+){1,3}(?:Radio|TV|Television|Broadcasting(?:\s+(?:Corporation|"
    r"Service|System))?)\b(?:\s+of\s+[A-Z][\w'’-]*)?"
    r"|\bRadio\s+(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*"
    r"|\bFM\s+\d[\d.]*"  # "Cambodia's FM 90.5 radio"
    # an acronym a broadcaster goes by, where the text reports from it: "according to VOA", "VOA introduced"
    r"|(?<=according to )[A-Z]{2,5}\b|(?<=belonging to )[A-Z]{2,5}\b"
    r"|\b[A-Z]{2,5}(?=\s+(?:on\s+\S+\s+(?:\d+\s+)?)?(?:introduced|reported|aired|broadcast)\b)"
)
# nouns that stand for any body ("the organization said" after "The preparatory committee for ... held")
_GENERIC_BODY = frozenset({"organization", "organisation", "body"})
_POSTED_ON = re.compile(
    r"\b(?:was|were|has been|have been)\s+(?:posted|carried|published|run|printed|released|uploaded)\s+"
    r"(?:on|in|by)\s+(?:the\s+)?(?=[A-Z])"
)
# a title, its body and what the body is, up to a name: "Head of the delegation of the All-China Journalists
# Association " (not "The ...", a described subject)
_TITLE_RUN = re.compile(
    r"(?!(?:The|A|An)\s)[A-Z][\w-]*(?:\s+(?:of|for|to|the|and|delegation|mission|team|group|[A-Z][\w.'’-]*))*\s+"
)
# what brings in the named members of a plural subject: "Among them were the ", "They include the "
_LISTED = re.compile(
    r"\b(?:[Aa]mong them (?:were|are)|(?:They|[Tt]hese|The(?:\s+[\w-]+)?\s+(?:organizations|organisations"
    r"|bodies|parties|groups|associations|signatories|signers))\s+(?:include|included|are|were)"
    r"|[Tt]hey included|including)\s+"
    r"(?:the\s+)?(?=[A-Z])"
)
# a title before a name at a sentence's start: "Ex-president of the U.S. ", "Former Prime Minister "
_TITLE_WORDS = re.compile(r"(?:(?:[A-Z][\w.'’-]*|of|the|for|and|former|ex-\w+)\s+){1,6}")
# a medium's meeting with the person it quotes next: "KCNA met ", "A KCNA reporter interviewed "
_MET = re.compile(r"[\w' -]{1,40}?\s(?:met|interviewed|talked with|spoke to|visited)\s+(?:with\s+)?")
# capitalised words and connectors; "south/north Korea..." inside a name only when the name goes on after
# it ("... for Checking the Conclusion of the south Korea-U.S. Free Trade Agreement"), not as its place
_CAP_NAME = re.compile(
    r"[A-Z][\w'’.-]*(?:(?:\s+(?:of|for|and|the|de|del|la|las|los|el|y|e))*\s+"
    r"(?:(?:south|north)\s+(?=Korea-[\w'’.-]*\s+[A-Z]))?"
    r"(?:[A-Z][\w'’.-]*|[\"“][A-Z][^\"”\n]{1,60}[\"”]|(?<=[a-z] )\d{1,2}(?=\s+[A-Z])))*"
)  # (a title in quotation marks inside: 'Ukrainian "Treasured Sword of Songun" Association for ...'; a date:
# "... for Implementing the June 15 Joint Declaration")


# the rest of a name whose "for" takes a list: "Solidarity for Democracy[, People's Life, Peaceful
# Reunification and Sovereignty]"; each item a few capitalised words
_ITEM = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_FOR_LIST = re.compile(r"(?:,\s+" + _ITEM + r"){1,4},?\s+and\s+" + _ITEM + r"\b(?![\w'’-]|\s+[A-Z])")
_FOR_ITEM = re.compile(r"(?:^|\s)for\s+(?:the\s+)?(" + _ITEM + r")$")


# an age after a name: "(50 anos de edad)", "(69)"
_AGE_TAIL = re.compile(r"\s*\(\d{1,3}(?:\s+(?:anos|años)(?:\s+de\s+edad)?)?\)$")
# last words of titles that come before a name: "Drug Prosecutor", "Charge d'Affaires", "War veteran"
_TITLE_ENDS = frozenset(
    {
        *(
            "prosecutor",
            "veteran",
            "attache",
            "attaché",
            "affaires",
            "envoy",
            "consul",
            "counsellor",
            "counselor",
        ),
        *(
            "councillor",
            "councilor",
            "commander",
            "coach",
            "professor",
            "doctor",
            "lawyer",
            "pastor",
            "priest",
        ),
        *(
            "bishop",
            "judge",
            "mayor",
            "governor",
            "senator",
            "ambassador",
            "minister",
            "secretary",
            "chairman",
        ),
        *("chairwoman", "president", "director", "chief", "head", "leader"),
        *("madre", "padre", "hijo", "hija", "abuela", "abuelo", "educadora", "educador", "oficial"),
        *("maestra", "maestro", "obrera", "obrero", "estudiante", "alumna", "alumno", "directora"),
    }
)
# the place an organisation's name goes on with: " in Vienna", " of south Korea" (not " of Korea's ...")
# the plural head nouns bodies share, and their singular
_SHARED_HEADS = {"committees": "committee", "branches": "branch", "headquarters": "headquarters"}
# bodies sharing a plural head noun: "North, South and Overseas Side Committees for ...": the first word, the
# words before the head, the head's singular and plural ending, what follows
SHARED_HEAD = re.compile(
    r"([A-Z][\w'’-]*)(?:,\s+[A-Z][\w'’-]*)*\s+and\s+[A-Z][\w'’-]*\s+((?:[A-Z][\w'’-]*\s+)*)"
    r"([A-Za-z][a-z]+?)(s|es)(\s+(?:of|for|in)\s+.+?)(?:\s+\([^)]*\))?(?:\s+and\s+the\s+.*)?"
)  # (not its acronym in brackets, nor another body joined by "and the")
# such a name opening a sentence, up to what is no part of it (a weekday, a lower-case word)
_SHARED_RUN = re.compile(
    r"(?:The\s+|the\s+)?([A-Z][\w'’-]*(?:,\s+[A-Z][\w'’-]*)*\s+and\s+[A-Z][\w'’-]*"
    r"(?:\s+(?!(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"(?:[A-Z][\w'’-]*|\d+|of|for|the|and|in|on)(?![\w'’-]))*)"
)


def government_name(country: str) -> str:
    """'Government of Japan', 'Government of the Philippines' (a plural or compound name takes "the")."""
    the = re.search(
        r"(?:Philippines|Netherlands|Bahamas|Maldives|Comoros|Seychelles|Islands)$"
        r"|^(?:United|Republic|Democratic|Kingdom|Czech|Central African)\b",
        country,
    )  # (not "Laos", "Honduras", "Cyprus")
    return f"Government of {'the ' if the and not country.startswith('the ') else ''}{country}"


def shared_head_first(span: str) -> str | None:
    """'North, South and Overseas Side Committees for Implementing the June 15 Joint Declaration' -> 'North
    Side Committee for Implementing the June 15 Joint Declaration': bodies sharing a plural head noun, the
    first of them (guidelines 2.2), its name with the head in the singular."""
    shared = SHARED_HEAD.fullmatch(span)
    plural = (shared.group(3) + shared.group(4)) if shared else ""
    if plural.lower() not in _SHARED_HEADS:
        return None
    head = plural[0] + _SHARED_HEADS[plural.lower()][1:]
    return f"{shared.group(1)} {shared.group(2)}{head}{shared.group(5)}"


_PLACE_TAIL = re.compile(
    r"\s+(?:of|in)\s+(?:the\s+)?((?:south|north)\s+Korea|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
    # ("in Mariupol City of Ukraine": a place in a wider one)
    r"(?:\s+of\s+(?:the\s+)?((?:south|north)\s+Korea|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}))?"
    r"(?![\w'’-]|\s+[A-Z]|\s+(?:of|for|and)\s)"
)
# a unit of a body in lower case ("the southwestern front command of the ..."), and the heads of such units
_UNIT_OF = re.compile(
    r"(?:[Tt]he\s+)?((?:[A-Z][a-z]+\s+)?(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*)\s+of\s+(?:the\s+)?"
)  # ("the southwestern front command of the ...", "The British branch of the Korean Friendship Association")
_UNIT_NOUNS = _words("command department bureau division corps unit branch section secretariat office")
# a medium's name, then the kind of medium it is in lower case, and where ("ATV station of Egypt")
_NAME_THEN_MEDIUM_KIND = re.compile(
    r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:TV\s+|radio\s+|television\s+)?"
    r"(?:station|channel|newspaper|paper|daily|weekly|magazine|website)"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?(?:(?:south|north)\s+Korea|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?))?"
)
# an issue of a periodical, named by its date or number ("July 25 issue of Indian and World Event", "March
# 15th issue of Figaro", "The 48th issue of ...")
_ISSUE_OF_NAME = re.compile(
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d+(?:st|nd|rd|th)|latest|recent|new)\s+issue\s+of\s+(?:the\s+)?"
    r"([A-Z].*)"
)
# a paper's own writer, by his kind ("an article written by a military commentator")
_OWN_WRITER = re.compile(r"an?\s+(?:[\w-]+\s+){0,2}?(?:commentator|analyst|columnist|observer|writer)\b")
_BODY_NAME_LINK = re.compile(r"\s(?:for|of)\s")
_PLURAL_BODIES = re.compile(
    r"(?:[A-Z][a-z]+\s+){0,2}(?:[Oo]rganizations|[Oo]rganisations|[Pp]arties|[Bb]odies|[Gg]roups|[Aa]ssociations)\b"
)
_SOUTH_KOREAN_BEFORE = re.compile(r"(?:[Tt]he\s+)?(?:south|north)\s+Korean\s+(?=[A-Z])")
# a state's body described by its nationality in lower case ("The Pakistani army", "The Kenyan government")
_STATE_BODY_NP = re.compile(
    r"(?:The\s+|the\s+)?([A-Z][a-z]+)\s+(army|navy|air\s+force|armed\s+forces|military|police|government)\b"
    r"(?!\s+[A-Z])"
)
# the agent of a finding before a medium's name: "a poll by the", "a survey of the", "conducted by"
_AGENT_BEFORE = re.compile(r"\b(?:by|of)\s+(?:the\s+)?$")
_PAPER_END = re.compile(r"\b" + PAPER_WORD + r"$")
_MEDIUM_INSIDE = re.compile(r"\b(?:TV|Television|Radio|Broadcasting)\b")
# how a story refers to a medium's words besides the packs' media and broadcast nouns ("the article said";
# not "the commentary": a body releases commentaries)
_MEDIUM_PIECE_WORDS = frozenset(("article", "articles", "editorial"))


def _publishes_or_described(name: str) -> re.Pattern:
    """Where the text shows ``name`` as a medium: a paper's noun before it, or it carries or prints."""
    return re.compile(
        r"\b(?:paper|newspaper|daily|weekly|magazine|journal)\s+"
        + re.escape(name)
        + r"\b|\b"
        + re.escape(name)
        + r"\b[^.]{0,40}?\b(?:carried|carries|printed|prints|ran|runs|aired|airs)\b"
    )


# a medium's kind written in lower case inside its name ("Citta Aperta broadcasting service of Italy")
_MEDIUM_KIND_INSIDE = re.compile(
    r"\s(?:broadcasting|television|radio)\s+(?:service|station|corporation|network)$"
)
_AND_NOT_IN_TITLE = re.compile(r" and (?![A-Z])")
_AND_CAPITAL = re.compile(r"\band\s+(?=[A-Z])")
_PLACE_TAIL_ONE = re.compile(
    r"\s+(?:of|in)\s+(?:the\s+)?((?:south|north)\s+Korea|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
    r"(?![\w'’-]|\s+[A-Z]|\s+(?:of|for|and)\s)"
)  # (one place, the name's end)
_ENDS_IN_PLACE = re.compile(
    r"\s(?:of|in)\s+(?:the\s+)?((?:(?:south|north)\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)$"
)
# the last word of a medium's name: a paper's word, or a broadcaster's or an agency's
_MEDIUM_END = re.compile(r"\b(?:" + PAPER_WORD + r"|" + BROADCAST_WORD + r"|Agency|agency|Network|Channel)$")
# a name under describing words: "Chinese People's Daily", "ITAR-TASS of Russia", "The Xinhua"
_DESCRIBED_KNOWN = re.compile(
    r"(?:(?:The|the)\s+)?(?:(?:(?:south|north|South|North)\s+)?" + NATIONALITY.pattern + r"\s+)?"
    r"(?P<core>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+)*?)"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?(?P<country>(?:(?:south|north)\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?))?"
)
# a paper's description right before its name ("the Indonesian paper The First Times")
_PAPER_NOUN = r"\b(?:paper|newspaper|daily|magazine|weekly|journal|tabloid)\s+"
_MEDIUM_NOUN_BEFORE = re.compile(_PAPER_NOUN + r"$")
_THE_OF_MEDIUM = re.compile(_PAPER_NOUN + r"The\s+$")


_ACCORDING_TO_BEFORE = re.compile(r"\b(?:according\s+to|citing|quoted\s+by|reported\s+by)\s+(?:the\s+)?$")
# a name ending as a broadcaster's does ("Sakirmata TV Broadcasting Service", "Renaissance Radio"): the place
# written after such a name is dropped (guidelines 6); _BROADCASTER_NAME finds broadcasters in the text
_MEDIUM_NAME_END = re.compile(
    r"\b(?:TV|Television|Radio|Broadcasting(?:\s+(?:Service|Corporation|System))?)$"
)
# a head of state's group: "Lee group", "Lee's clique", "Lee Myung Bak regime of south Korea"
_LEADER_GROUP = re.compile(
    r"(?:the\s+|The\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}?)(?:['’]s)?\s+(?:group|clique|regime|gang|"
    r"group\s+of\s+traitors|puppet\s+group)(?:\s+of\s+(?:south|north)\s+Korea)?"
)


# where a noun phrase opens a sentence or follows its opening phrase's comma ("En la reunion ..., el jefe")
_NP_OPENS = re.compile(r"(?:^|(?<=[.,]\s)|(?<=\n))\s*((?:el|la|El|La|the|The)\s+[a-z])")
# a sentence opening "In the letter he deplored": the document a person speaks through
_IN_THE_DOC = re.compile(r"[\s,]*In\s+(?:the|his|her|their)\s+([a-z]+),?\s+(?:he|she|they)\s")


_VERB_BETWEEN = re.compile(r"\b(?:[a-z]+ed|said|says|wrote|is|was|are|were)\b")
_FIRST_VERB = re.compile(
    r"\b(?:[a-z]{3,}ed|said|says|sent|made|gave|held|met|is|was|are|were|has|have|had|will|would)\b"
)


def capitalised_name(text: str, at: int, end: int) -> str | None:
    """The capitalised name starting at ``at`` ('Central Committee of the Anti-Imperialist Front')."""
    m = _CAP_NAME.match(text, at, end)
    if m is None:
        return None
    name = m.group()
    listed = _FOR_LIST.match(text, m.end(), end) if _FOR_ITEM.search(name) else None
    if listed is not None:
        name += listed.group()  # (not a list of names: a list of what the body stands for)
    for joint in re.finditer(r"\s+(?:and\s+the|y\s+(?:el|la|los|las))\s+", name):
        left, right = name[: joint.start()].split(), name[joint.end() :].split()
        if (
            len(left) >= 3
            and name[: joint.start()].count('"') % 2 == 0  # (not inside a title in quotation marks)
            and (joint.group().strip()[0] == "y" or any(w.lower() in ORG_NOUNS for w in right[:4]))
        ):
            name = name[: joint.start()]  # "X ... and the Association for ...": two bodies, the first
            break
    name = re.sub(r"['’]s$", "", name)
    name = re.sub(r"(?<=[a-z]{3})\.$", "", name)  # ("the Rodong Sinmun newspaper Monday.": a sentence's end)
    if not (name.startswith("The ") and _MEDIUM_NOUN_BEFORE.search(text, max(0, at - 16), at)):
        # (a paper's "The" after "the Indonesian paper" is part of its name: "The First Times", guidelines 6)
        name = re.sub(r"^(?:The|A|An|This|That|These|Those|Its|His|Her|Their)\s+", "", name)
    name = re.sub(r"\s+" + WEEKDAY + "$", "", name)
    name = re.sub(
        r"^[A-Z][a-z]+(?:an|ese|ish|i)\s+(?=[\"“])", "", name
    )  # ('Ukrainian "Treasured Sword" ...')
    if len(name) <= 2 or name.split()[0] in NOT_NAME_START:
        return None
    if " " not in name and re.search(r"(?:ish|ese|ian|can|ean)$", name):
        return None  # "British", "Japanese": a nationality, not the issuer's name
    if (
        " " not in name
        and (
            re.fullmatch(r"[A-Z][a-z]+ed", name)  # "Infuriated by this, islanders ...": a participle
            or (name.endswith("s") and re.sub(r"(?:ie)?s$", "", name.lower()) in ORG_NOUNS)
            or (name.endswith("ies") and name.lower()[:-3] + "y" in ORG_NOUNS)
        )
    ):  # ("Organizations of various strata ...", "Parties": plural common nouns, no name)
        return None
    return name


# capitalised at the start of a sentence but no name: "The statement ...", "It ...", "In ..."
NOT_NAME_START = _words(
    "The A An This That These Those It Its He She His Her They Their We Our I In On At As By For From To "
    "With When While After Before During Such Some Many All Both Each Every Other Another No Not What Which "
    "North South East West Who There Here Then Also But And Or So If Since Because Although Though Meanwhile "
    "However Nothing Lots Most More Less Fewer Others Everyone Everybody Several Few "
    "Everything Anything Something None January February March April May June July August September "
    "October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)


# an Arabic article the source wrote apart from its noun: "Ghassan al- Khatib" is Ghassan al-Khatib
_ARABIC_ARTICLE = re.compile(r"(?<![\w-])al-\s+(?=[A-Z])")


def resolve(quotes: list[Quote], disc: Discourse) -> list[Quote]:
    """Resolve the pronoun, document and description speakers of ``quotes`` (in speaker order)."""
    disc.quote_spans = [(q.start, q.end) for q in quotes]
    disc.own_words = {
        q.speaker_start: (q.start, q.end) for q in quotes if q.direct and q.speaker_start is not None
    }
    # what a medium reports "according to" it is the story itself: the bodies it names are the story's
    # (so is what a medium named after it is said to have said: "X called for ..., said the south Korean
    # internet paper Jaju Minbo": the X of the story)
    disc.reported_spans = [
        (q.start, q.end)
        for q in quotes
        if q.cue.lower().startswith(("according", "segun", "según"))
        or (
            not q.direct
            and q.speaker_start is not None
            and q.speaker_start > q.end
            and q.speaker_kind == "named"
            and (
                disc.kb.is_medium(q.speaker_entity)
                or medium_noun_end(disc.kb).search(disc.text, max(0, q.speaker_start - 30), q.speaker_start)
            )
        )
    ]
    disc.narrated_spans = [
        (q.start, q.end)
        for q in quotes
        if q.direct
        and q.speaker_start is not None
        and q.speaker_start < q.start
        and _AS_FOLLOWS.search(disc.text, q.speaker_start, q.start)
        and (
            q.speaker_kind == "self"
            or disc.kb.is_medium(q.speaker_entity)
            or medium_noun_last(disc.kb).search(q.speaker_name or q.speaker_text or "")
        )
    ]  # ('The China News Service said as follows:' and the story it prints)
    order = sorted(range(len(quotes)), key=lambda k: (quotes[k].speaker_start or quotes[k].start, k))
    done: dict[tuple[int, int], Ref] = {}
    out = list(quotes)
    for k in order:
        q = quotes[k]
        if q.speaker_start is None:
            if re.fullmatch(GOES_ON, q.cue.lower()):
                # "..., subraya y continua:": the speaker of the words just before goes on
                before = [
                    o for o in out if o.end <= q.start and o.speaker_kind in ("named", "self", "anonymous")
                ]
                if before:
                    b = max(before, key=lambda o: o.end)
                    out[k] = replace(
                        q,
                        speaker_kind=b.speaker_kind,
                        speaker_entity=b.speaker_entity,
                        speaker_name=b.speaker_name,
                    )
                    continue
            if not q.direct and (q.cue[:1].isupper() or q.cue.lower() in disc.kb.zero_subject_cues):
                # "Subrayo que ...", "En el comedor dijo que ...": Spanish drops the subject; it is the
                # person the story is about, as "él" would be
                disc.current = (q.start, q.end)
                ref = disc.pronoun("él", q.start)
                out[k] = replace(q, speaker_kind=ref.kind, speaker_entity=ref.entity, speaker_name=ref.name)
            continue
        key = (q.speaker_start, q.speaker_end or q.speaker_start)
        ref = done.get(key)
        if ref is None:
            disc.current = (q.start, q.end)
            ref = _resolve_one(q, disc)
            if ref.kind == "named" and ref.entity is None and ref.name:
                ref = disc.link(ref)
            if ref.kind == "named" and (q.speaker_text or "").split()[0].lower() in disc.kb.doc_nouns:
                ref = replace(ref, doc=True)  # "The treatise authored by Putin said ... It also said"
            if (
                ref.kind == "named"
                and ref.entity is None
                and ref.name
                and not ref.person
                and (
                    _MEDIUM_NAME_END.search(ref.name.split(" of ")[0])
                    # ("... TV Holdings LTD of Hong Kong", "Kyunghyang Daily News of south Korea")
                    or _MEDIUM_INSIDE.search(ref.name.split(" of ")[0])
                    or _MEDIUM_KIND_INSIDE.search(ref.name.split(" of ")[0])
                    or _PAPER_END.search(ref.name.split(" of ")[0])
                )
            ):
                # "Sakirmata TV Broadcasting Service of Nepal": a medium's name drops the place after it
                # (guidelines 6)
                ref = replace(ref, name=medium_without_place(ref.name, disc.kb))
            kind_after = (
                _NAME_THEN_MEDIUM_KIND.fullmatch(ref.name)
                if ref.kind == "named" and ref.entity is None and ref.name and not ref.person
                else None
            )
            if kind_after is not None and not _place_or_demonym(kind_after.group(1), disc.kb):
                ref = replace(ref, name=kind_after.group(1))  # "ATV station of Egypt": the station is ATV
            issue = (
                _ISSUE_OF_NAME.fullmatch(ref.name)
                if ref.kind == "named" and ref.entity is None and ref.name
                else None
            )
            if issue is not None:
                ref = replace(
                    ref, name=issue.group(1)
                )  # "July 25 issue of Indian and World Event": the paper
            group = _LEADER_GROUP.fullmatch(q.speaker_text or "") if ref.kind == "named" else None
            if group is not None:
                # "the Lee group", "Lee's clique", "the Lee Myung Bak regime of south Korea": a head of
                # state's group speaks as the government of that state (guidelines 6: a state's government)
                gov = disc.government_of_leader(ref, group.group(1), q.speaker_start)
                if gov is not None:
                    ref = Ref("named", None, gov, False)
            done[key] = ref
            disc.add(q.speaker_start, ref)
        disc.span_refs[(q.start, q.end)] = ref
        name = _ARABIC_ARTICLE.sub("al-", ref.name) if ref.name and "l- " in ref.name else ref.name
        out[k] = replace(q, speaker_kind=ref.kind, speaker_entity=ref.entity, speaker_name=name)
    _media_by_reference(out, disc)
    _headline_office_holder(out, disc)
    return out


def _media_by_reference(out: list[Quote], disc: Discourse) -> None:
    """A name no pack knows whose words the story gives as "the article" or "the paper" said, which has no
    body's head word and which the story shows as a medium (it carries or prints what it publishes, or a
    paper's noun comes before it), is a medium's: its name drops the place written after it (guidelines 6:
    "The La Juventud of Uruguay on May 20 carried ... an article ... The article said": La Juventud; not
    "The Solidarity for Progress of south Korea made public an article ... The article said")."""
    refs = disc.kb.media_nouns | disc.kb.broadcast_nouns | _MEDIUM_PIECE_WORDS
    media = {
        q.speaker_name
        for q in out
        if q.speaker_kind == "named"
        and q.speaker_entity is None
        and q.speaker_name
        and (q.speaker_text or "").lower() in refs
        and not any(w in disc.kb.org_heads for w in q.speaker_name.split())
        and _publishes_or_described(q.speaker_name).search(disc.text)
    }
    for k, q in enumerate(out):
        if q.speaker_name in media and q.speaker_entity is None:
            name = medium_without_place(q.speaker_name, disc.kb)
            if name != q.speaker_name:
                out[k] = replace(q, speaker_name=name)


def _headline_office_holder(out: list[Quote], disc: Discourse) -> None:
    """'...: Minister' left anonymous when no mention carries the title: the story's first speaker named
    with that office ("said Minister for Women Empowerment ... Linda Agum Gumelar", "Spokesperson of
    Pakistani foreign office Abdul Basit said" for "...: FM Spokesman")."""
    _, roles, offices = speaker_words(disc.kb)
    for k, q in enumerate(out):
        if (
            q.speaker_start is None
            or q.speaker_start >= disc.doc.body_offset
            or q.speaker_kind != "anonymous"
        ):
            continue
        words = (q.speaker_text or "").lower().split()
        if not words or not (words[-1] in roles or words[-1] in offices or words[-1] in disc.kb.body_offices):
            continue
        if words[-1] in role_modifiers(disc.kb) or len(words) > 3:
            continue
        stem = re.compile(r"\b" + re.escape(words[-1][:6]), re.IGNORECASE)
        for o in sorted(out, key=lambda x: x.speaker_start or x.start):
            if o.speaker_start is None or o.speaker_start < disc.doc.body_offset:
                continue
            if o.speaker_kind != "named" or not o.speaker_name or not disc.looks_like_person(o.speaker_name):
                continue
            s = disc.sents[disc.sent_index(o.speaker_start)]
            title = disc.text[max(s.start, o.speaker_start - 120) : o.speaker_start]
            if stem.search(title) and not re.search(r"[.;]\s", title):
                out[k] = replace(
                    q, speaker_kind="named", speaker_entity=o.speaker_entity, speaker_name=o.speaker_name
                )
                break


# demonym endings and what the country's name ends with instead: Japanese/Japan, Chinese/China,
# Iranian/Iran, Russian/Russia, Israeli/Israel, Brazilian/Brazil, Korean/Korea, Pakistani/Pakistan
_DEMONYM_ENDINGS = (
    ("ese", ""),
    ("ese", "a"),
    ("ian", ""),
    ("ian", "ia"),
    ("ian", "y"),
    ("an", "a"),
    ("n", ""),
    ("i", ""),
)


def country_entity(word: str, kb: KB):
    """The country a name or a demonym stands for, as the packs name it: "Japanese" -> Japan, "Iranian" ->
    Iran, "south Korean" -> South Korea (the demonym's stem tried against the gazetteer), "Thai" -> Thailand
    (the packs' demonym table)."""
    side = re.match(r"(?:south|north|South|North)\s+", word)
    core = word[side.end() :] if side else word
    listed = kb.entity(kb.demonyms.get(core)) if not side and core in kb.demonyms else None
    if listed is not None:
        return listed  # "Thai" -> Thailand: the packs' demonym table
    stems = [core] + [core[: -len(x)] + y for x, y in _DEMONYM_ENDINGS if core.endswith(x)]
    for stem in stems:
        hit = kb.surface.get((side.group().capitalize() if side else "") + stem) or kb.surface.get(stem)
        if hit is not None and hit[0] == "PLACE":
            e = kb.entity(hit[1])
            if e is not None and e.subtype == "country":
                return e
    return None


def _side_word(m: re.Match) -> str:
    """'S. Korean' -> 'south Korean', 'N. Korean' -> 'north Korean' (a replacement for re.sub)."""
    return "south " if m.group(1) == "S" else "north "


def medium_without_place(name: str, kb: KB) -> str:
    """A medium's name without the place written after it (guidelines 6): "Xing San Daily of Thailand", "FM
    90.5 Radio of Cambodia"; unless one word would be left ("Voice of Russia" is the whole name)."""
    of = re.search(
        r"\s+(?:of|in)\s+(?:the\s+)?((?:south|north)\s+Korea|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)$", name
    )
    if of is None or " " not in name[: of.start()] or not _place_or_demonym(of.group(1), kb):
        return name
    return name[: of.start()]


def _place_or_demonym(word: str, kb: KB) -> bool:
    if word in kb.described_speaker_openers:
        return True  # ("Foreign Papers")
    word = re.sub(r"^[SN]\.\s+", "", word)  # ("S. Korean")
    hit = kb.surface.get(word)
    if hit is not None:
        return hit[0] == "PLACE"
    return bool(re.search(r"(?:an|ese|ish|i|ch|ic)$", word)) and len(word) > 3


def _expansion(text: str, acronym: str) -> str | None:
    """The words before "(PNA)" whose capitals spell it: "Palestinian National Authority"."""
    for m in re.finditer(r"\(" + re.escape(acronym) + r"\)", text):
        words = text[max(0, m.start() - 160) : m.start()].split()
        for n in range(1, min(len(words), 12) + 1):
            tail = words[-n:]
            if tail[0][:1].isupper() and acronym in _initials(tail):
                return " ".join(tail)
    # no "(BCP)": a capitalised name written before the acronym's first use whose capitals spell it ("The
    # Brazilian Communist Party and ... posted ... The BCP on Feb. 12 posted")
    first = re.search(r"(?<![\w.-])" + re.escape(acronym) + r"(?![\w-])", text)
    found = None
    for m in _SPELLED_NAME.finditer(text, 0, first.start() if first else len(text)):
        words = m.group().split()
        for i in range(len(words)):
            for j in range(i + 2, min(len(words), i + 12) + 1):
                span = words[i:j]
                if not (span[0][:1].isupper() and span[-1][:1].isupper()):
                    continue
                if acronym in _initials(span):
                    found = " ".join(span)
    return found


def _initials(words: list[str]) -> tuple[str, str]:
    """The capitals of a name's words, and those with each part of a hyphenated word ("Afro-Asian People's
    Solidarity Organization" is APSO or AAPSO)."""
    caps = [w for w in words if w[:1].isupper()]
    return "".join(w[0] for w in caps), "".join(p[0] for w in caps for p in w.split("-") if p[:1].isupper())


_SPELLED_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|the|and|de|del|la)\s+)*[A-Z][\w'’-]*)+")


_ABBREVIATED_END = re.compile(r"\b(?:Co|Corp|Inc|Ltd|Jr|Sr|Bros)\.$")
# a surname alone ("Choe", "Mr. Westerwelle", "al-Khatib"), resolved to the person named in full before
_SHORT_NAME = re.compile(
    r"(?:Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+|Dr\.?\s+)?(?:[A-Z]|(?:al|el|de|van|von)-?[A-Z])[\w'’-]+"
)


def _headline_office(sp: str, words: list[str], at: int, disc: Discourse) -> Ref | None:
    """'Iran Adds 2 Light Submarines to Naval Fleet: Navy Commander', '...: Iranian Speaker', '...: Atomic
    Chief': an office one person holds, of a state the headline or the speaker names (guidelines 2.3): the
    holder the story names, else named with no entity. Not a deputy's or one of several ("Vice-President",
    "Officials")."""
    office = words[-1].lower() if words else ""
    if not (1 <= len(words) <= 3 and (office in disc.offices or office in disc.kb.body_offices)):
        return None
    if len(words) == 1 and office not in disc.kb.sole_offices:
        return None  # ("...: Minister", "...: Commander": which ministry, which command)
    if any(w.lower() in disc.kb.transient_bodies for w in words[:-1]):
        return None  # ("...: Delegation Head": a delegation is none of the state's standing bodies)
    if any(w.lower().strip("-") in disc.kb.not_sole_words or w.lower().startswith("vice") for w in words):
        return None
    if disc.doc.body.strip():
        r = disc.role(office, len(disc.text), definite=True, span=sp)
        if r is not None and (r.entity or r.name):
            return r
    states = any(
        _state_demonym(w, disc.kb) or country_entity(w, disc.kb) is not None for w in words[:-1]
    ) or any(
        m.label == "PLACE" and country_entity(m.text, disc.kb) is not None for m in disc.mentions_in(0, at)
    )
    return Ref("named", None, None, True) if states else None


def _resolve_one(q: Quote, disc: Discourse) -> Ref:
    kind = q.speaker_kind
    sp = q.speaker_text or ""
    at = q.speaker_start or q.start
    if at < disc.doc.body_offset:
        if sp.lower() in disc.kb.own_headline_speakers:
            return disc._own(at)  # "...: News Analyst": the agency's own piece, as "KCNA Commentary"
        described = disc.kb.described_speaker_re.fullmatch(sp)
        if described and (
            _place_or_demonym(described.group(1), disc.kb) or described.group(1) not in disc.kb.surface
        ):  # ("...: Nepali Paper", "...: Political Party": a describing word, not a name)
            return disc.described(described.group(1), described.group(2), at)
        office_of = re.fullmatch(r".+?\s+of\s+(.+)", sp)
        described_body = disc.kb.described_speaker_re.fullmatch(office_of.group(1)) if office_of else None
        if described_body and described_body.group(1) in disc.kb.described_speaker_openers:
            # "...: Secretary General of Int'l Body": an office of a body the headline only describes
            return Ref("anonymous", None, None, True)
        plural = re.fullmatch(r"[A-Z]{2,6}\s+([A-Z][a-z]+s)", sp)
        if plural and plural.group(1) in disc.kb.described_speaker_heads:
            return Ref("anonymous", None, None, True, plural=True)  # "...: KPA Officers": several, unnamed
        if sp in disc.kb.described_speaker_heads:
            return disc.described("", sp, at)  # "...: Foreigners", unless the story names them
        words = sp.split()
        for full in disc.kb.title_abbreviations.get(words[-1] if words else "", ()):
            # "...: Malaysian PM", "...: UAE VP": the person the story names with the title in full (with
            # its qualifier, else without it: "United Arab Emirates' Vice President ...")
            spans = [" ".join([*words[:-1], full]), full] if len(words) > 1 else [full]
            for span in spans:
                r = disc.role(full, len(disc.text), definite=True, span=span)
                if r is not None and (r.entity or r.name):
                    return r
            if len(words) == 1 and not disc.doc.body.strip():
                # "Russia Is Opposed to ...: FM" over no story: the foreign minister of the state the headline
                # names, unnamed; "BRICS Aims to ...: FM": of no state the text gives
                states = (
                    [
                        m
                        for m in disc.mentions_in(0, at)
                        if m.label == "PLACE" and country_entity(m.text, disc.kb) is not None
                    ]
                    or [  # ("... among Zimbabweans ...: FM")
                        w
                        for w in re.findall(r"[A-Z][a-z]+", disc.text[:at])
                        if _state_demonym(w.removesuffix("s"), disc.kb)
                    ]
                )
                return Ref("named", None, None, True) if states else Ref("anonymous", None, None, True)
            if len(words) == 1 and any(
                re.search(r"\b" + re.escape(full) + r"\s+of\s+(?:the\s+)?[A-Z]", disc.doc.body, re.IGNORECASE)
                for full in disc.kb.title_abbreviations.get(words[0], ())
            ):
                # "...--PM" over "The prime minister of Vietnam said": that state's one holder, unnamed
                return Ref("named", None, None, True)
        held = _headline_office(sp, words, at, disc)
        if held is not None:
            return held
        head_first = disc.kb.described_speaker_head_first.fullmatch(sp)
        if head_first and head_first.group(2).split()[0] not in disc.kb.surface:
            # "...: Organization of Koreans in Japan": a description, unless the story names the body
            return disc.described(head_first.group(2).split()[0], head_first.group(1), at)
    if kind == "pronoun":
        return disc.pronoun(sp, at)
    if kind.startswith("document:"):
        return replace(disc.document(kind.split(":", 1)[1], at, sp), doc=True)
    if kind.startswith("owner:"):
        r = disc.pronoun({"its": "it", "their": "they"}[kind.split(":", 1)[1]], at)
        return r if r.kind != "anonymous" else Ref("anonymous", None, None, False)
    if kind.startswith("meeting:"):
        return disc.meeting_holder(kind.split(":", 1)[1], at) or Ref("anonymous", None, None, False)
    if kind.startswith("orgnoun:") and kind.split(":", 1)[1] in _BROADCAST_HEADS:
        # "the radio said": the broadcaster named before, never a body of another kind ("... experts of the
        # Asian Development Bank ..., the radio said" is Voice of Russia's)
        return (
            disc.named_with_head(kind.split(":", 1)[1], at)
            or disc.broadcaster(disc.doc.body_offset, at)
            or Ref("anonymous", None, None, False)
        )
    if kind == "guest":
        return disc.guest(at) or Ref("anonymous", None, None, True)
    if kind == "orgnouns":
        return disc.coordinated_bodies(at) or Ref("anonymous", None, None, False, plural=True)
    if kind.startswith("orgnoun:"):
        return (
            disc.described_body(kind.split(":", 1)[1], at)
            or disc.named_with_head(kind.split(":", 1)[1], at)
            or disc.org_before(at, skip_sources=True)
            or disc.acting_body_before(at)
            or Ref("anonymous", None, None, False)
        )
    if kind.startswith("role:"):
        head = kind.split(":", 1)[1]
        # (a headline's office-holder is the one the story names with that title, wherever it does)
        r = disc.role(head, len(disc.text) if at < disc.doc.body_offset else at, definite=True, span=sp)
        if r is None and q.speaker_start is not None and disc.unnamed_office(q.speaker_start, q.speaker_end):
            return Ref("named", None, None, True)  # "the secretary of the U.S. Department of State": unnamed
        if (
            r is None
            and q.speaker_start is not None
            and disc.office_named_before(q.speaker_start, q.speaker_end or at)
        ):
            return Ref("named", None, None, True)  # "The general director welcomed" after "the general
            # director of the Radio Broadcasting of France": that body's unnamed office-holder
        return r or Ref("anonymous", None, None, True)
    short = sp.rstrip(".") if len(sp) > 4 and not sp.endswith(("Jr.", "Sr.")) else sp  # ("..., said Abbas.")
    if kind in ("named", "anonymous") and q.speaker_entity is None and _SHORT_NAME.fullmatch(short):
        full = disc.full_name(short.split()[-1], len(disc.text) if at < disc.doc.body_offset else at)
        if full is not None:
            return full  # "Choe said" after "Choe Thae Bok, chairman of ...": the person named in full
    if (
        kind == "named"
        and at < disc.doc.body_offset
        and q.speaker_entity is None
        and not disc.mentions_in(at, q.speaker_end or at)
        and (
            # "...: Research", "...: Russians": a plural, or a word the text also writes in lower case (not
            # "...: Majlis", a name)
            (
                re.fullmatch(r"(?:[SN]\.\s+)?[A-Z][a-z]+", sp)
                and (
                    re.search(r"[^ius]s$", sp)
                    or country_entity(re.sub(r"^([SN])\.\s+", _side_word, sp), disc.kb) is not None
                    # ("...: Japanese", "...: S. Korean", not "...: Larijani")
                    or re.search(r"\b" + re.escape(sp.lower()) + r"\b", disc.text[disc.doc.body_offset :])
                )
            )
            or re.fullmatch(r"[A-Z][a-z]+\s+[A-Z][a-z]+(?:ans|ese|ers|ians)", sp)  # "...: Overseas Koreans"
        )
    ):
        return Ref("anonymous", None, None, False, plural=sp.endswith("s"))
    demonym_body = (
        re.fullmatch(r"([A-Z][a-z]+)\s+([a-z]+)", sp)
        if kind == "named" and q.speaker_entity is None and at >= disc.doc.body_offset
        else None
    )
    if demonym_body is not None and demonym_body.group(2) in ORG_NOUNS:
        # "The Serbian party in its statement said" after "The New Yugoslavia Communist Party of Serbia and
        # ...": the body of that country, with that head, named before
        body = disc.body_of_country(demonym_body.group(1), demonym_body.group(2), at)
        if body is not None:
            return body
    if kind in ("named", "self"):
        e = disc.kb.entity(q.speaker_entity)
        if e is not None:
            person = e.type == "PERSON"
        else:
            inside = disc.mentions_in(at, q.speaker_end or at)
            person = any(m.label == "PERSON" for m in inside) or (
                not inside and disc.looks_like_person(q.speaker_name or sp)
            )
        return Ref(kind, q.speaker_entity, q.speaker_name, person)
    plural = bool(re.search(r"s\b", sp.split(" of ")[0].split(" at ")[0])) and not sp[:1].isupper()
    if kind == "anonymous" and sp.lower() in ("newspapers", "papers", "dailies"):
        own = disc._own(at)
        if own.kind == "self" and re.search(r"\b(?:the|The)\s+$", disc.text[max(0, at - 4) : at]):
            # "The newspapers say" in a DPRK medium's own press review: the DPRK papers together
            return Ref("self", None, None, False, plural=True)
    if (
        kind == "anonymous"
        and q.speaker_start is not None
        and disc.spanish
        and disc.body_office_es(q.speaker_start)
    ):
        return Ref("named", None, None, True)  # "el jefe de delegacion coreana": an office one person holds
    if kind == "anonymous" and not plural and re.fullmatch(r"[a-z][\w-]*(?: [a-z][\w-]*){0,2}", sp):
        before = disc.text[max(0, at - 4) : at]
        if re.search(r"\b(?:the|The)\s+$", before):
            named = disc.appositive(sp.split()[-1], at)  # "the rector stressed", after "X, rector of ..."
            if named is not None:
                return named
    # ("This situation demands that ...": a thing the demonstrative points to, no person a "he" may take up)
    thing = re.search(r"\b(?:This|That|These|Those)\s+$", disc.text[max(0, at - 7) : at]) is not None
    return Ref("anonymous", None, None, not thing, plural=plural)
