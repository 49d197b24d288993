import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tealeaves.dates import DateError, first_day, last_day, parse_date

TODAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-07-14", ("2024-07-14", "day")),
        ("2024-07-14T09:30:00+09:00", ("2024-07-14", "day")),
        ("2024-07-14 09:30:00Z", ("2024-07-14", "day")),
        ("2024/7/4", ("2024-07-04", "day")),
        ("2024-07", ("2024-07", "month")),
        ("1997", ("1997", "year")),
        (1997, ("1997", "year")),
        ("July 14, 2024", ("2024-07-14", "day")),
        ("Jul. 4, 2024", ("2024-07-04", "day")),
        ("Sunday, July 14, 2024", ("2024-07-14", "day")),
        ("14 July 2024", ("2024-07-14", "day")),
        ("Sun, 14 Jul 2024 10:00:00 GMT", ("2024-07-14", "day")),
        ("14 de julio de 2024", ("2024-07-14", "day")),
        ("2024년 7월 14일", ("2024-07-14", "day")),
        ("Juche113.7.24", ("2024-07-24", "day")),
        ("25.12.2011", ("2011-12-25", "day")),
        ("December 2011", ("2011-12", "month")),
        (dt.date(2012, 1, 1), ("2012-01-01", "day")),
    ],
)
def test_accepted_forms(text, expected):
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2024-02-30", "impossible"),
        ("2024-13-01", "impossible"),
        ("03/04/2024", "ambiguous"),
        ("yesterday", "unrecognised"),
        ("", "empty"),
        ("2031-01-01", "future"),
        ("1066-10-14", "before"),
    ],
)
def test_rejected_forms_say_why(text, why):
    with pytest.raises(DateError) as e:
        parse_date(text, today=TODAY)
    assert why in str(e.value)
    assert e.value.reason == "bad_date"


@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=TODAY))
def test_iso_round_trip(day):
    assert parse_date(day.isoformat(), today=TODAY) == (day.isoformat(), "day")
    assert parse_date(day.strftime("%B %d, %Y"), today=TODAY) == (day.isoformat(), "day")
    assert parse_date(day.strftime("%d %b %Y"), today=TODAY) == (day.isoformat(), "day")


@given(st.text(max_size=40))
def test_never_crashes(text):
    try:
        iso, precision = parse_date(text, today=TODAY)
    except DateError:
        return
    assert first_day(iso) <= last_day(iso)
    assert precision in ("day", "month", "year")


def test_period_bounds():
    assert last_day("2012-02") == dt.date(2012, 2, 29)
    assert last_day("2012") == dt.date(2012, 12, 31)
    assert first_day("2012-02") == dt.date(2012, 2, 1)
