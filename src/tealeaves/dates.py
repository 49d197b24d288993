"""Publication dates: parse the forms found in archives and feeds into (ISO date, precision).

Accepted: ISO dates and timestamps (``2024-07-14``, ``2024-07-14T09:30:00+09:00``), ``YYYY-MM``,
``YYYY``, slashed or dotted numeric dates when unambiguous (``2024/07/14``, ``14.07.2024``),
written English, Spanish and Korean forms (``July 14, 2024``, ``14 Jul. 2024``,
``14 de julio de 2024``, ``2024년 7월 14일``), RFC 822 feed dates (``Sun, 14 Jul 2024 10:00:00 GMT``)
and DPRK Juche-era dates (``Juche113.7.24`` = 2024-07-24).

Anything else raises :class:`DateError` with a message saying what was wrong.
"""

from __future__ import annotations

import datetime as dt
import re
import time

from tealeaves.errors import InputError

MIN_YEAR = 1800
FUTURE_SLACK_DAYS = 2

_MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "ene": 1, "abr": 4, "ago": 8, "dic": 12,
}  # fmt: skip

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$"), "ymd"),
    (re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\.?$"), "ymd"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "ym"),
    (re.compile(r"^(\d{4})$"), "y"),
    (re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$"), "dmy?"),
    (re.compile(r"^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일?$"), "ymd"),
    (re.compile(r"^(\d{4})\s*년\s*(\d{1,2})\s*월$"), "ym"),
    (re.compile(r"^juche\s*(\d{1,3})[./ ](\d{1,2})[./ ](\d{1,2})\.?$", re.I), "juche"),
    (re.compile(rf"^{_WEEKDAY}({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.I), "mdy"),
    (
        re.compile(
            rf"^{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?({_MONTH_RE})\.?,?\s+(?:de\s+|del\s+)?(\d{{4}})"
            r"(?:\s+[\d:]+(?:\s*(?:gmt|utc|z|[+-]\d{4}|[a-z]{3}))?)?$",
            re.I,
        ),
        "dmy",
    ),
    (re.compile(rf"^({_MONTH_RE})\.?,?\s+(?:de\s+)?(\d{{4}})$", re.I), "my"),
]


_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
MIN_DATE = dt.date(MIN_YEAR, 1, 1)
_clock = {"at": 0.0, "latest": dt.date.min}


def _latest(today: dt.date | None) -> dt.date:
    """The latest acceptable date (today plus slack); the clock is read at most once a minute."""
    if today is not None:
        return today + dt.timedelta(days=FUTURE_SLACK_DAYS)
    now = time.monotonic()
    if now - _clock["at"] > 60:
        _clock["at"], _clock["latest"] = now, dt.date.today() + dt.timedelta(days=FUTURE_SLACK_DAYS)
    return _clock["latest"]


class DateError(InputError):
    def __init__(self, message: str):
        super().__init__("bad_date", message)


def parse_date(value: object, today: dt.date | None = None) -> tuple[str, str]:
    """Parse ``value`` into ``(iso, precision)`` with precision ``day``, ``month`` or ``year``.

    ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` to match the precision.
    """
    if value is None:
        raise DateError("missing date")
    if type(value) is str and len(value) == 10 and _ISO_DAY.match(value):  # the common case, fast
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            pass  # the general path below explains what is wrong
        else:
            if MIN_DATE <= day <= _latest(today):
                return value, "day"
    if isinstance(value, dt.datetime):
        value = value.date().isoformat()
    elif isinstance(value, dt.date):
        value = value.isoformat()
    text = " ".join(str(value).split()).strip()
    if not text:
        raise DateError("empty date")
    for pattern, kind in _PATTERNS:
        m = pattern.match(text)
        if m:
            return _build(kind, m.groups(), text, today)
    raise DateError(
        f"unrecognised date {text[:40]!r} (use YYYY-MM-DD, YYYY-MM, YYYY or a written date such as "
        "'July 14, 2024')"
    )


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _build(kind: str, g: tuple[str, ...], text: str, today: dt.date | None) -> tuple[str, str]:
    if kind == "ymd":
        y, m, d = int(g[0]), int(g[1]), int(g[2])
    elif kind == "juche":
        y, m, d = int(g[0]) + 1911, int(g[1]), int(g[2])
    elif kind == "mdy":
        y, m, d = int(g[2]), _month(g[0]), int(g[1])
    elif kind == "dmy":
        y, m, d = int(g[2]), _month(g[1]), int(g[0])
    elif kind == "dmy?":
        a, b, y = int(g[0]), int(g[1]), int(g[2])
        if a <= 12 and b <= 12 and a != b:
            raise DateError(f"ambiguous date {text!r}: day and month could be swapped; use YYYY-MM-DD")
        d, m = (a, b) if a > 12 or a == b else (b, a)
    elif kind == "ym":
        y, m = int(g[0]), int(g[1])
        _check(y, m, 1, text, today)
        return f"{y:04d}-{m:02d}", "month"
    elif kind == "my":
        y, m = int(g[1]), _month(g[0])
        _check(y, m, 1, text, today)
        return f"{y:04d}-{m:02d}", "month"
    else:  # "y"
        y = int(g[0])
        _check(y, 1, 1, text, today)
        return f"{y:04d}", "year"
    day = _check(y, m, d, text, today)
    return day.isoformat(), "day"


def _check(y: int, m: int, d: int, text: str, today: dt.date | None) -> dt.date:
    try:
        day = dt.date(y, m, d)
    except ValueError as e:
        raise DateError(f"impossible date {text!r}: {e}") from None
    if y < MIN_YEAR:
        raise DateError(f"date {text!r} is before {MIN_YEAR}")
    if day > _latest(today):
        raise DateError(f"date {text!r} is in the future")
    return day


def first_day(iso: str) -> dt.date:
    """The first calendar day an ISO date of any precision covers."""
    if len(iso) == 10:
        return dt.date.fromisoformat(iso)
    parts = iso.split("-")
    y = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else 1
    d = int(parts[2]) if len(parts) > 2 else 1
    return dt.date(y, m, d)


def last_day(iso: str) -> dt.date:
    """The last calendar day an ISO date of any precision covers."""
    parts = iso.split("-")
    if len(parts) == 3:
        return first_day(iso)
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(int(parts[0]), 12, 31)


def parse_bound(value: str | None, *, end: bool) -> dt.date | None:
    """A ``--from``/``--to`` option: any accepted date form; ``--to 2012`` means to the end of 2012."""
    if value is None or value == "":
        return None
    try:
        iso, _ = parse_date(value, today=dt.date.max - dt.timedelta(days=10))
    except DateError as e:
        from tealeaves.errors import UsageError

        raise UsageError(str(e)) from None
    return last_day(iso) if end else first_day(iso)
