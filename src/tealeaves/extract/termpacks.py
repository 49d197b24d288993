"""Campaign-term pattern families as data: ``term_patterns.tsv`` and ``term_words.tsv`` of each pack.

Built-in packs live in ``tealeaves/packs/<name>/``; users add folders with the same files through the
``term_packs`` setting (``$TEALEAVES_TERM_PACKS``, folders separated by ``os.pathsep``), without code.
A malformed line is an error naming the file, line and what is wrong.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from tealeaves import settings
from tealeaves.errors import UsageError


def fold(text: str) -> str:  # the comparable form of a name (extract.terms imports this module)
    from tealeaves.extract.terms import fold as _fold

    return _fold(text)


SLOTS = {"{NAME}": "name", "{MOD*}": "mod", "{WORD}": "word", "{N}": "number"}
WORD_CLASSES = ("stop", "modifier", "context", "same", "generic", "event", "commemoration", "home")


@dataclass(frozen=True)
class Element:
    kind: str  # literal | regex | name | mod | word | number
    words: frozenset[str] = frozenset()
    regex: re.Pattern[str] | None = None
    optional: bool = False

    def rest(self, token: str) -> int:
        """Length of the ``(?P<rest>...)`` group (a trailing particle) when this regex matches ``token``."""
        if self.regex is None or "rest" not in self.regex.groupindex:
            return 0
        m = self.regex.fullmatch(token)
        return len(m.group("rest") or "") if m else 0

    def match_token(self, token: str) -> str | bool | None:
        """None: no match. True: a match that adds nothing to the core. str: the core it contributes."""
        if self.kind in ("literal", "not") and self.words:
            return True if token.casefold() in self.words else None
        if self.regex is not None:
            m = self.regex.fullmatch(token)
            if not m:
                return None
            return m.groupdict().get("name") or True
        return None


@dataclass(frozen=True)
class Pattern:
    kind: str
    lang: str
    template: str
    elements: tuple[Element, ...]
    anchor: int  # index of the element every match starts from (a required literal or regex)
    origin: str  # file:line


@dataclass
class TermPack:
    patterns: list[Pattern] = field(default_factory=list)
    stop: set[str] = field(default_factory=set)
    modifiers: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    same: dict[str, str] = field(default_factory=dict)
    generic: set[str] = field(default_factory=set)  # words that alone name no campaign (nation, party, ...)
    event: set[str] = field(default_factory=set)  # a core ending in one names an event or a date
    commemoration: set[str] = field(default_factory=set)  # nearby, they mark an anniversary, not a call
    home: set[str] = field(default_factory=set)  # country names that are not foreign (folded)
    foreign: dict[str, frozenset[str]] = field(default_factory=dict)  # first word -> country names
    kind_weights: dict[str, float] = field(default_factory=dict)
    kind_help: dict[str, str] = field(default_factory=dict)
    quoted_langs: frozenset[str] = frozenset({"en", "es"})
    digest: str = ""  # changes when any pattern file changes: the term index rebuilds then
    _anchors: dict = field(default_factory=dict, repr=False)

    def patterns_for(self, lang: str) -> list[Pattern]:
        return [p for p in self.patterns if p.lang == lang]

    def anchors(self, lang: str) -> tuple[dict[str, list[Pattern]], list[Pattern]]:
        """Patterns of ``lang`` indexed by their anchor word; patterns anchored on a regex apart."""
        cached = self._anchors.get(lang)
        if cached is None:
            by_word: dict[str, list[Pattern]] = {}
            by_regex: list[Pattern] = []
            for p in self.patterns_for(lang):
                el = p.elements[p.anchor]
                if el.kind == "regex":
                    by_regex.append(p)
                else:
                    for w in el.words:
                        by_word.setdefault(w, []).append(p)
            cached = self._anchors[lang] = (by_word, by_regex)
        return cached

    def prefilter(self, lang: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        """(does this text hold anything worth tokenising?, could this token anchor a regex pattern?)"""
        key = "prefilter:" + lang
        cached = self._anchors.get(key)
        if cached is None:
            by_word, by_regex = self.anchors(lang)
            words = sorted(by_word, key=len, reverse=True)
            parts = [r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"] if words else []
            sources = [_unnamed(p.elements[p.anchor].regex.pattern) for p in by_regex]
            parts += sources
            parts.append('["“”]' if lang in self.quoted_langs else "(?!)")
            text_rx = re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)
            token_rx = re.compile("|".join(f"(?:{p})" for p in sources), re.I) if sources else None
            cached = self._anchors[key] = (text_rx, token_rx)
        return cached

    def commemoration_word(self, low: str) -> bool:
        """A commemoration word; Korean ones also inside a word, as Korean writes "70주년" in one."""
        return low in self.commemoration or any(
            w in low for w in self._attached("commemoration", self.commemoration)
        )

    def _attached(self, name: str, words: set[str]) -> tuple[str, ...]:
        """The Korean words of a class: Korean attaches particles and endings to them."""
        got = self._anchors.get("attached:" + name)
        if got is None:
            got = self._anchors["attached:" + name] = tuple(
                w for w in words if re.search(r"[\uac00-\ud7a3]", w)
            )
        return got

    @property
    def kinds(self) -> list[str]:
        return sorted({p.kind for p in self.patterns} | {"quoted"})


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def parse_template(template: str, origin: str) -> tuple[tuple[Element, ...], int]:
    elements = []
    for part in template.split():
        if part in SLOTS:
            elements.append(Element(SLOTS[part]))
        elif part.startswith(("re:", "!re:")):
            neg = part.startswith("!")
            src = part[4:] if neg else part[3:]
            try:
                rx = re.compile(src, re.IGNORECASE)
            except re.error as e:
                raise UsageError(f"{origin}: bad regular expression {src!r}: {e}") from None
            elements.append(Element("not" if neg else "regex", regex=rx))
        elif part.startswith("!"):
            words = frozenset(w.casefold() for w in part[1:].split("|") if w)
            elements.append(Element("not", words=words))
        elif part.startswith("{"):
            raise UsageError(f"{origin}: unknown slot {part}; slots: {', '.join(SLOTS)}")
        else:
            optional = part.endswith("?")
            words = frozenset(w.casefold() for w in part.rstrip("?").split("|") if w)
            if not words:
                raise UsageError(f"{origin}: empty literal in template {template!r}")
            elements.append(Element("literal", words=words, optional=optional))
    anchors = [i for i, e in enumerate(elements) if e.kind in ("literal", "regex") and not e.optional]
    if not anchors:
        raise UsageError(f"{origin}: template {template!r} needs at least one required word or re: token")
    if not any(e.kind in ("name", "word", "number") or e.kind == "regex" for e in elements):
        raise UsageError(f"{origin}: template {template!r} has no slot for the term's name")
    return tuple(elements), anchors[0]


def _lines(path: Path):
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield n, line.rstrip("\n").split("\t")


def _pack_dirs() -> list[Path]:
    root = resources.files("tealeaves") / "packs"
    dirs = sorted(Path(str(p)) for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))
    extra = str(settings.get("term_packs") or "")
    for d in filter(None, extra.split(os.pathsep)):
        path = Path(d)
        if not path.is_dir():
            raise UsageError(f"term_packs: {d} is not a folder")
        dirs.append(path)
    return dirs


def load_pack(dirs: list[Path] | None = None) -> TermPack:
    """Merge the term patterns and word classes of every pack folder."""
    pack = TermPack()
    digest = hashlib.sha1()
    dirs = dirs if dirs is not None else _pack_dirs()
    for d in dirs:
        for name in ("term_patterns.tsv", "term_words.tsv", "places.tsv"):
            f = d / name
            if f.exists():
                digest.update(f.read_bytes())
        if (d / "term_patterns.tsv").exists():
            _load_patterns(d / "term_patterns.tsv", pack)
        if (d / "term_words.tsv").exists():
            _load_words(d / "term_words.tsv", pack)
        if (d / "term_kinds.tsv").exists():
            _load_kinds(d / "term_kinds.tsv", pack)
    foreign: dict[str, set[str]] = {}
    for d in dirs:
        if (d / "places.tsv").exists():
            for names in _countries(d / "places.tsv"):
                if not any(fold(n) in pack.home for n in names):  # one of its names is home: all are
                    for n in names:
                        n = n.rstrip(".")  # "U.S." is the token "U.S"
                        if len(n) >= 3 and n[:1].isalpha() and not n.isupper():  # "US", "ROK": ambiguous
                            foreign.setdefault(n.split()[0].rstrip("."), set()).add(n)
    pack.foreign = {k: frozenset(v) for k, v in foreign.items()}
    pack.digest = digest.hexdigest()[:12]
    return pack


def _countries(path: Path) -> list[set[str]]:
    """Name and aliases of each country of a places.tsv, as written (case tells "Chad" from "chad")."""
    out: list[set[str]] = []
    header: list[str] | None = None
    for _, cols in _lines(path):
        if header is None:
            header = [c.strip() for c in cols]
            continue
        row = dict(zip(header, (c.strip() for c in cols), strict=False))
        if row.get("subtype") != "country":
            continue
        names = (row.get("name", ""), *row.get("aliases", "").split("|"))
        out.append({" ".join(n.split()) for n in names if n.strip()})
    return out


def _load_patterns(path: Path, pack: TermPack) -> None:
    for n, cols in _lines(path):
        origin = f"{path}:{n}"
        if len(cols) != 3:
            raise UsageError(
                f"{origin}: expected 3 tab-separated columns (kind, lang, template), got {len(cols)}"
            )
        kind, lang, template = (c.strip() for c in cols)
        if not re.fullmatch(r"[a-z][a-z0-9-]*", kind) or kind == "quoted":
            raise UsageError(
                f"{origin}: bad kind {kind!r} (lower-case letters, digits, hyphens; not 'quoted')"
            )
        elements, anchor = parse_template(template, origin)
        pack.patterns.append(Pattern(kind, lang.lower(), template, elements, anchor, origin))


def _load_words(path: Path, pack: TermPack) -> None:
    for n, cols in _lines(path):
        origin = f"{path}:{n}"
        cls = cols[0].strip()
        if cls not in WORD_CLASSES:
            raise UsageError(f"{origin}: unknown word class {cls!r}; classes: {', '.join(WORD_CLASSES)}")
        if len(cols) < 2 or not cols[1].strip():
            raise UsageError(f"{origin}: missing word")
        word = cols[1].strip().casefold()
        if cls == "stop":
            pack.stop.add(word)
        elif cls == "modifier":
            pack.modifiers.add(word)
        elif cls == "context":
            pack.context.add(word)
        elif cls == "generic":
            pack.generic.add(word)
        elif cls == "event":
            pack.event.add(word)
        elif cls == "commemoration":
            pack.commemoration.add(word)
        elif cls == "home":
            pack.home.add(fold(cols[1].strip()))
        else:
            if len(cols) < 3 or not cols[2].strip():
                raise UsageError(f"{origin}: 'same' needs a third column, the word it stands for")
            pack.same[word] = cols[2].strip().casefold()


def _load_kinds(path: Path, pack: TermPack) -> None:
    for n, cols in _lines(path):
        origin = f"{path}:{n}"
        if len(cols) < 2:
            raise UsageError(f"{origin}: expected kind <TAB> weight [<TAB> description]")
        try:
            weight = float(cols[1])
        except ValueError:
            raise UsageError(f"{origin}: weight {cols[1]!r} is not a number") from None
        if not 0 <= weight <= 10:
            raise UsageError(f"{origin}: weight {weight} out of range 0-10")
        pack.kind_weights[cols[0].strip()] = weight
        pack.kind_help[cols[0].strip()] = cols[2].strip() if len(cols) > 2 else ""
