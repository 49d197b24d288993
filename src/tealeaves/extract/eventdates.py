"""Dates stated in a sentence, resolved against the publication date.

- ``on Friday`` / ``Friday`` (KCNA writes "Kim Jong Un ... Tuesday visited ..."): the latest such weekday
  on or before the publication date (``weekday``); for an announcement of something to come, the next.
- ``on August 25``, ``on Aug. 25``, ``on 25 August``, ``August 25, 2012``, Spanish ``el 25 de agosto``:
  the year is the publication year unless stated; a past event more than a week after publication is put
  in the previous year (a December report read in January), a future one before it in the next
  (``stated``).
- Otherwise the publication date (``published``).
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lunes": 0, "martes": 1, "miercoles": 2, "miércoles": 2, "jueves": 3, "viernes": 4, "sabado": 5,
    "sábado": 5, "domingo": 6,
}  # fmt: skip
# English day and month names as written in text, for the other stages' patterns (capitalised)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_M = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_M})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?:de )?(?P<m2>{_M})\.?(?:,? (?:de )?(?P<y2>\d{{4}}))?)\b",
    re.IGNORECASE,
)
_WEEKDAY_RE = re.compile(r"\b(?P<w>" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def resolve(sentence: str, published: str, future: bool = False) -> tuple[str | None, str]:
    """(ISO date, basis) of the event a sentence reports."""
    if not _ISO.match(published or ""):
        return (published or None), "published"
    pub = dt.date.fromisoformat(published)
    for m in _DATE_RE.finditer(sentence):
        if re.match(r" [A-Z]", sentence[m.end() : m.end() + 2]) and not m.group("y1") and not m.group("y2"):
            continue  # "April 25 House of Culture", "February 8 Vinalon Complex": a name, not a date
        month = _MONTHS[(m.group("m1") or m.group("m2")).lower()]
        day = int(m.group("d1") or m.group("d2"))
        year = m.group("y1") or m.group("y2")
        if year and not 1900 <= int(year) <= pub.year + 5:
            continue
        try:
            d = dt.date(int(year) if year else pub.year, month, day)
        except ValueError:
            continue
        if not year:
            if not future and d > pub + dt.timedelta(days=7):
                d = d.replace(year=d.year - 1)
            elif future and d < pub - dt.timedelta(days=7):
                d = d.replace(year=d.year + 1)
        return d.isoformat(), "stated"
    m = _WEEKDAY_RE.search(sentence)
    if m:
        wd = _WEEKDAYS[m.group("w").lower()]
        if future:
            delta = (wd - pub.weekday()) % 7
            return (pub + dt.timedelta(days=delta)).isoformat(), "weekday"
        delta = (pub.weekday() - wd) % 7
        return (pub - dt.timedelta(days=delta)).isoformat(), "weekday"
    return published, "published"
