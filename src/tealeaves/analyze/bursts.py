"""Bursts: Kleinberg's two-level-and-up burst model over daily counts normalised by corpus volume.

Kleinberg (2002), "Bursty and Hierarchical Structure in Streams", section 4 (the enumerative,
batched form): day t has d_t documents in the corpus (``day_counts``) and r_t of them use the term.
State i emits at rate p_i = p_0 * s**i (p_0 = the term's overall rate); the cost of state i on day t
is -log Binomial(r_t; d_t, p_i); moving up i -> j costs (j - i) * gamma * ln(n); moving down is free.
The cheapest state sequence (Viterbi) marks the bursts: maximal runs in a state >= 1. A burst's
weight is the cost it saves over staying in the base state (Kleinberg's weight).

The archive mixes headline-only records and full texts, whose chance of using any term differs
by orders of magnitude, so each stream (headline only / with body text) is modelled on its own
denominators and the bursts of both are merged (see docs/decisions/0004-term-bursts.md).

Days with no use of the term are merged into one step per run (exact: in a run of identical
zero-count days the optimal path never changes state inside the run), so the work is proportional
to the number of days the term is used, not to the length of the archive.

A yearly recurrence (anniversaries, birthdays, holidays) is told from a new surge by the calendar:
a burst is ``recurring`` when the same term burst, or ran at more than ``RECUR_FACTOR`` times its base
rate, around the same day of the year (± ``RECUR_WINDOW`` days) in at least one earlier year.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

S = 2.0  # rate ratio between successive states
GAMMA = 1.0  # cost of moving up one state, in units of ln(n)
LEVELS = 3  # states above the base state
RECUR_WINDOW = 21  # days either side of the calendar window
RECUR_FACTOR = 3.0  # an earlier year "recurs" when its rate in the window is this many times the base rate
MIN_RECUR_DOCS = 2  # ... with at least this many documents


@dataclass
class Burst:
    start: int  # day ordinal, inclusive
    end: int  # day ordinal, inclusive
    level: int
    weight: float
    docs: int
    recurring: bool = False
    years: list[int] = field(default_factory=list)  # earlier years with the same calendar window

    def as_dict(self) -> dict:
        return {
            "start": dt.date.fromordinal(self.start).isoformat(),
            "end": dt.date.fromordinal(self.end).isoformat(),
            "level": self.level,
            "weight": round(self.weight, 3),
            "docs": self.docs,
            "recurring": self.recurring,
            "recurring_years": self.years,
        }


def _steps(counts: Mapping[int, int], totals: Mapping[int, int]) -> list[tuple[int, int, int, int]]:
    """(first day, last day, r, d) steps: days with a hit stand alone, runs of days without merge."""
    steps: list[tuple[int, int, int, int]] = []
    run: list[int] | None = None  # [first, last, d]
    for day in sorted(totals):
        d = totals[day]
        r = min(counts.get(day, 0), d)
        if r:
            if run:
                steps.append((run[0], run[1], 0, run[2]))
                run = None
            steps.append((day, day, r, d))
        elif run is None:
            run = [day, day, d]
        else:
            run[1], run[2] = day, run[2] + d
    if run:
        steps.append((run[0], run[1], 0, run[2]))
    return steps


def _cost(r: int, d: int, p: float) -> float:
    """-log of the binomial likelihood without the (state-independent) binomial coefficient."""
    return -(r * math.log(p) + (d - r) * math.log1p(-p))


def kleinberg(
    counts: Mapping[int, int],
    totals: Mapping[int, int],
    *,
    s: float = S,
    gamma: float = GAMMA,
    levels: int = LEVELS,
) -> list[Burst]:
    """Bursts of a term given {day: documents using it} and {day: all documents}."""
    r_all = sum(min(counts.get(d, 0), totals[d]) for d in totals)
    d_all = sum(totals.values())
    if not r_all or not d_all or r_all == d_all:
        return []
    steps = _steps(counts, totals)
    p0 = r_all / d_all
    rates = [min(p0 * s**i, 0.9999) for i in range(levels + 1)]
    up = gamma * math.log(max(len(totals), 2))
    k = len(rates)
    best = [0.0] + [math.inf] * (k - 1)  # start in the base state
    back: list[list[int]] = []
    for _, _, r, d in steps:
        new, ptr = [0.0] * k, [0] * k
        for j in range(k):
            c, arg = math.inf, 0
            for i in range(k):
                v = best[i] + (up * (j - i) if j > i else 0.0)
                if v < c:
                    c, arg = v, i
            new[j], ptr[j] = c + _cost(r, d, rates[j]), arg
        best = new
        back.append(ptr)
    state = min(range(k), key=lambda j: best[j])
    path = [0] * len(steps)
    for t in range(len(steps) - 1, -1, -1):
        path[t] = state
        state = back[t][state]
    return _runs(steps, path, rates)


def _runs(steps, path, rates) -> list[Burst]:
    out: list[Burst] = []
    cur: Burst | None = None
    for (first, last, r, d), state in zip(steps, path, strict=True):
        if state == 0:
            cur = None
            continue
        saved = _cost(r, d, rates[0]) - _cost(r, d, rates[state])
        if cur is None:
            cur = Burst(first, last, state, 0.0, 0)
            out.append(cur)
        cur.end = last
        cur.level = max(cur.level, state)
        cur.weight += saved
        cur.docs += r
    # a burst cannot end on days without use (the model stays up through quiet days between hits)
    for b in out:
        b.start, b.end = _trim(steps, b)
    return [b for b in out if b.docs]


def _trim(steps, b: Burst) -> tuple[int, int]:
    used = [first for first, last, r, _ in steps if r and b.start <= first <= b.end]
    return (min(used), max(used)) if used else (b.start, b.end)


def mark_recurring(bursts: list[Burst], counts: Mapping[int, int], totals: Mapping[int, int]) -> list[Burst]:
    """Flag bursts whose calendar window was already hot in an earlier year."""
    r_all = sum(counts.values())
    d_all = sum(totals.values()) or 1
    base = r_all / d_all
    csum, tsum = _RangeSum(counts), _RangeSum(totals)
    for b in bursts:
        start, end = dt.date.fromordinal(b.start), dt.date.fromordinal(b.end)
        years = set()
        for other in bursts:
            if other is b or dt.date.fromordinal(other.start).year >= start.year:
                continue
            if _same_window(other, start, end):
                years.add(dt.date.fromordinal(other.start).year)
        for year in range(start.year - 1, start.year - 30, -1):
            if year in years:
                continue
            lo, hi = _shift(start, year) - RECUR_WINDOW, _shift(end, year) + RECUR_WINDOW
            r, d = csum(lo, hi), tsum(lo, hi)
            if r >= MIN_RECUR_DOCS and d and r / d >= RECUR_FACTOR * base:
                years.add(year)
        b.years = sorted(years)
        b.recurring = bool(years)
    return bursts


class _RangeSum:
    """Sum of a {day: n} mapping over a day range, by prefix sums."""

    def __init__(self, values: Mapping[int, int]):
        self.days = sorted(values)
        self.cum = [0]
        for day in self.days:
            self.cum.append(self.cum[-1] + values[day])

    def __call__(self, lo: int, hi: int) -> int:
        return self.cum[bisect.bisect_right(self.days, hi)] - self.cum[bisect.bisect_left(self.days, lo)]


def _shift(day: dt.date, year: int) -> int:
    try:
        return day.replace(year=year).toordinal()
    except ValueError:  # 29 February
        return day.replace(year=year, day=28).toordinal()


def _same_window(other: Burst, start: dt.date, end: dt.date) -> bool:
    year = dt.date.fromordinal(other.start).year
    lo, hi = _shift(start, year) - RECUR_WINDOW, _shift(end, year) + RECUR_WINDOW
    return other.start <= hi and other.end >= lo


def detect(counts: Mapping[int, int], totals: Mapping[int, int]) -> list[Burst]:
    """Bursts with their recurrence marked: what the index stores for every ranked term."""
    return mark_recurring(kleinberg(counts, totals), counts, totals)


def merge(bursts: list[Burst]) -> list[Burst]:
    """Overlapping bursts (found in separate streams) as one: widest span, highest level, summed
    weight and documents; recurring if either was."""
    out: list[Burst] = []
    for b in sorted(bursts, key=lambda b: b.start):
        if out and b.start <= out[-1].end:
            m = out[-1]
            m.end = max(m.end, b.end)
            m.level = max(m.level, b.level)
            m.weight += b.weight
            m.docs += b.docs
            m.recurring = m.recurring or b.recurring
            m.years = sorted(set(m.years) | set(b.years))
        else:
            out.append(Burst(b.start, b.end, b.level, b.weight, b.docs, b.recurring, list(b.years)))
    return out
