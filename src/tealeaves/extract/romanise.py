"""Hangul to a Latin *skeleton*, to tell that 강계정신 and "Kanggye spirit" name the same thing.

``romanise`` spells Hangul syllables in a simplified McCune-Reischauer (no breves or apostrophes,
plosives voiced between voiced sounds, n+r and r+r read as ll), which is close to the spelling KCNA uses
(Kanggye, Huichon, Chollima, Masikryong). Spellings still differ in details (g/k, l/r, doubled letters,
"Chongsan-ri" vs "chongsanri"), so both sides are compared through ``skeleton``, which folds those
differences away. Pure functions, no data files.
"""

from __future__ import annotations

import re

_INITIAL = [
    "k",
    "kk",
    "n",
    "t",
    "tt",
    "r",
    "m",
    "p",
    "pp",
    "s",
    "ss",
    "",
    "ch",
    "tch",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_MEDIAL = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
           "yu", "u", "ui", "i"]  # fmt: skip
_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
          "t", "ng", "t", "t", "k", "t", "p", "h"]  # fmt: skip
_VOICE = {"k": "g", "t": "d", "p": "b", "ch": "j"}


def romanise(text: str) -> str:
    out: list[str] = []
    prev_final: str | None = None  # None: not after a Hangul syllable
    for ch in text:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            out.append(ch)
            prev_final = None
            continue
        ini, med, fin = _INITIAL[code // 588], _MEDIAL[(code % 588) // 28], _FINAL[code % 28]
        if prev_final is not None:
            if ini == "r" and prev_final in ("n", "l"):
                out[-1] = out[-1][: -len(prev_final)] + "l"
                ini = "l"
            elif ini in _VOICE and prev_final in ("", "n", "m", "ng", "l"):
                ini = _VOICE[ini]
        out.append(ini + med + fin)
        prev_final = fin
    return "".join(out)


def skeleton(latin: str) -> str:
    """Lower case, letters only, with the spelling differences of Korean romanisations folded."""
    s = re.sub(r"[^a-z]", "", latin.casefold())
    s = s.replace("ch", "c").replace("ng", "N")
    s = s.translate(str.maketrans({"g": "k", "d": "t", "b": "p", "j": "c", "l": "r", "w": "u", "h": ""}))
    s = re.sub(r"n(?=r)", "r", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s.replace("N", "nk")


def hangul_skeleton(text: str) -> str:
    return skeleton(romanise(text))
