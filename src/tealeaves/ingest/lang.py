"""A small language guess for records that carry no language: script first, then stop words."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_STOP = {
    "en": {"the", "of", "and", "to", "in", "is", "for", "on", "with", "was", "by", "that", "at", "from"},
    "es": {"el", "la", "de", "que", "y", "en", "los", "las", "del", "se", "por", "con", "para", "una"},
    "fr": {"le", "la", "les", "de", "des", "et", "est", "dans", "du", "pour", "une", "sur", "qui"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "ein", "auf"},
}


def script_of(ch: str) -> str | None:
    o = ord(ch)
    if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "ko"
    if 0x3040 <= o <= 0x30FF:
        return "ja"
    if 0x4E00 <= o <= 0x9FFF:
        return "zh"
    if 0x0400 <= o <= 0x04FF:
        return "ru"
    return None


_CJK = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\u3040-\u30ff\u4e00-\u9fff]")
_LETTER = re.compile(r"[^\W\d_]")


def cjk_share(text: str) -> float:
    """Share of letters that are Hangul, kana or Han (documents above 0.3 go to the trigram index)."""
    sample = text[:4000]
    if not _CJK.search(sample):
        return 0.0
    letters = len(_LETTER.findall(sample))
    return len(_CJK.findall(sample)) / letters if letters else 0.0


def guess_lang(text: str) -> str | None:
    counts: dict[str, int] = {}
    for ch in text[:2000]:
        s = script_of(ch)
        if s:
            counts[s] = counts.get(s, 0) + 1
    if counts:
        best = max(counts, key=counts.__getitem__)
        if counts[best] >= 5:
            if best == "zh" and counts.get("ja", 0):
                return "ja"
            return best
    words = [w.lower() for w in _WORD.findall(text[:2000])]
    if not words:
        return None
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOP.items()}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= 2 else None
