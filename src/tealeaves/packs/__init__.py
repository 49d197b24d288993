"""Domain packs: folders of data files (no code) that teach the extractors a domain.

A pack folder holds any of these files (all optional; see docs/packs.md):

- ``pack.toml``: ``name``, ``description``.
- ``people.tsv``, ``orgs.tsv``, ``places.tsv``: entities, one per row, with a header line. Columns:
  ``id``, ``name``, ``subtype``, ``aliases`` (``|``-separated), and for places ``province`` (an id),
  ``lat``, ``lon``; ``info`` is free text; for people ``gender`` (``m``, ``f`` or empty), which "he" and "she"
  agree with. Lines starting with ``#`` are comments.
- ``titles.tsv``: ``title``, ``entity``, ``from``, ``to``, ``case`` — a title that stands for a person in a
  period (``from``/``to`` ISO dates, empty = open), matched case-sensitively unless ``case`` is ``any``.
- ``leaders.tsv``: ``entity``, ``from``, ``to`` — whose public appearances are recorded, and when.
- ``patterns.toml``: word lists and regular expressions (appearance verbs, meeting nouns, speech cues,
  self-speaking media, anonymous speakers, definition patterns, name-shape rules). Lists from several packs
  are concatenated.

The built-in packs are ``general`` and ``dprk`` (in this folder); users add folders through the
``packs`` setting (``TEALEAVES_PACKS``, paths separated by ``os.pathsep``) or ``--pack DIR``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tealeaves.errors import UsageError
from tealeaves.model import Entity

BUILTIN = ("general", "dprk")
ENTITY_FILES = {"people.tsv": "PERSON", "orgs.tsv": "ORG", "places.tsv": "PLACE"}
PACK_FILES = (*ENTITY_FILES, "titles.tsv", "leaders.tsv", "patterns.toml", "pack.toml", "common_words.txt")


@dataclass(frozen=True)
class Title:
    title: str
    entity: str
    start: str  # ISO date or "" (open)
    end: str
    any_case: bool = False


@dataclass(frozen=True)
class Leader:
    entity: str
    start: str
    end: str


@dataclass
class Pack:
    name: str
    path: Path
    entities: list[Entity] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    leaders: list[Leader] = field(default_factory=list)
    patterns: dict = field(default_factory=dict)
    common_words: frozenset = frozenset()


def builtin_dir(name: str) -> Path:
    return Path(__file__).resolve().parent / name


def pack_dirs(extra: list[str | Path] | tuple = ()) -> tuple[Path, ...]:
    """The built-in packs followed by the user's (``extra`` and the ``packs`` setting), in order."""
    from tealeaves import settings

    dirs = [builtin_dir(n) for n in BUILTIN]
    configured = settings.get("packs") or ""
    for p in [*[x for x in configured.split(os.pathsep) if x.strip()], *extra]:
        path = Path(p).expanduser().resolve()
        if not path.is_dir():
            raise UsageError(f"pack folder {p} does not exist (from --pack or TEALEAVES_PACKS)")
        if path not in dirs:
            dirs.append(path)
    return tuple(dirs)


def fingerprint(dirs: tuple[Path, ...]) -> str:
    """A short hash of every pack file: a changed pack makes the stages that use it run again."""
    h = hashlib.sha1()
    for d in dirs:
        for name in PACK_FILES:
            p = d / name
            if p.exists():
                h.update(name.encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:8]


def load_pack(path: Path) -> Pack:
    meta = _toml(path / "pack.toml")
    pack = Pack(name=meta.get("name", path.name), path=path)
    for fname, label in ENTITY_FILES.items():
        for where, row in _tsv(path / fname):
            pack.entities.append(_entity(row, label, pack.name, where))
    for where, row in _tsv(path / "titles.tsv"):
        _need(row, ("title", "entity"), where)
        pack.titles.append(
            Title(
                row["title"],
                row["entity"],
                row.get("from") or "",
                row.get("to") or "",
                (row.get("case") or "").strip().lower() == "any",
            )
        )
    for where, row in _tsv(path / "leaders.tsv"):
        _need(row, ("entity",), where)
        pack.leaders.append(Leader(row["entity"], row.get("from") or "", row.get("to") or ""))
    pack.patterns = _toml(path / "patterns.toml")
    words = path / "common_words.txt"
    if words.exists():
        pack.common_words = frozenset(
            w.strip().lower()
            for w in words.read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")
        )
    return pack


def load_packs(dirs: tuple[Path, ...]) -> list[Pack]:
    """Load each pack; an id defined twice in one pack is an error (a later pack may redefine one)."""
    packs = [load_pack(d) for d in dirs]
    for p in packs:
        seen: set[str] = set()
        for e in p.entities:
            if e.id in seen:
                raise UsageError(f"pack {p.name} ({p.path}): entity id {e.id!r} defined twice")
            seen.add(e.id)
    return packs


def _entity(row: dict, label: str, pack: str, where: str) -> Entity:
    _need(row, ("id", "name"), where)
    aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())

    def num(key: str) -> float | None:
        v = (row.get(key) or "").strip()
        if not v:
            return None
        try:
            return float(v)
        except ValueError:
            raise UsageError(f"{where}: {key} must be a number, got {v!r}") from None

    return Entity(
        id=row["id"].strip(),
        name=row["name"].strip(),
        type=label,
        subtype=(row.get("subtype") or "").strip() or None,
        aliases=aliases,
        province=(row.get("province") or "").strip() or None,
        lat=num("lat"),
        lon=num("lon"),
        pack=pack,
        info=(row.get("info") or "").strip() or None,
        gender=_gender(row, where),
    )


def _gender(row: dict, where: str) -> str | None:
    g = (row.get("gender") or "").strip().lower()
    if g not in ("", "m", "f"):
        raise UsageError(f"{where}: gender must be m, f or empty, got {g!r}")
    return g or None


def _need(row: dict, keys: tuple[str, ...], where: str) -> None:
    missing = [k for k in keys if not (row.get(k) or "").strip()]
    if missing:
        raise UsageError(f"{where}: missing {', '.join(missing)}")


def _tsv(path: Path):
    """(``file:line``, row dict) for each data line of a TSV file with a header; ``#`` lines skipped."""
    if not path.exists():
        return
    lines = path.read_text(encoding="utf-8").splitlines()
    numbered = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    if not numbered:
        return
    header = next(csv.reader(io.StringIO(numbered[0][1]), delimiter="\t"))
    for lineno, ln in numbered[1:]:
        cells = next(csv.reader(io.StringIO(ln), delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) > len(header):
            raise UsageError(f"{path}:{lineno}: {len(cells)} columns, header has {len(header)}")
        yield f"{path}:{lineno}", {h: (c.strip() if c else "") for h, c in zip(header, cells, strict=False)}


def _toml(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"{path}: {e}") from None
