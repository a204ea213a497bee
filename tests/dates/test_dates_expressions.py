"""Date expressions resolve against the article date."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.dates import parse_date, resolve_expression

WEDNESDAY = dt.date(2021, 5, 26)


@pytest.mark.parametrize(
    ("text", "expected", "granularity"),
    [
        ("on May 24", dt.date(2021, 5, 24), "day"),
        ("24 May", dt.date(2021, 5, 24), "day"),
        ("May 24, 2020", dt.date(2020, 5, 24), "day"),
        ("the 3rd of May", dt.date(2021, 5, 3), "day"),
        ("2021-05-20", dt.date(2021, 5, 20), "day"),
        ("yesterday", dt.date(2021, 5, 25), "day"),
        ("the day before yesterday", dt.date(2021, 5, 24), "day"),
        ("today", WEDNESDAY, "day"),
        ("this morning", WEDNESDAY, "day"),
        ("last night", dt.date(2021, 5, 25), "day"),
        ("tomorrow", dt.date(2021, 5, 27), "day"),
        ("two days ago", dt.date(2021, 5, 24), "day"),
        ("3 weeks ago", dt.date(2021, 5, 5), "day"),
        ("on Monday", dt.date(2021, 5, 24), "day"),
        ("Sunday", dt.date(2021, 5, 23), "day"),
        ("on Thursday", dt.date(2021, 5, 20), "day"),
        ("Wednesday", WEDNESDAY, "day"),
        ("last Wednesday", dt.date(2021, 5, 19), "day"),
        ("next Monday", dt.date(2021, 5, 31), "day"),
        ("last week", dt.date(2021, 5, 17), "week"),
        ("this week", dt.date(2021, 5, 24), "week"),
        ("last month", dt.date(2021, 4, 1), "month"),
        ("in March", dt.date(2021, 3, 1), "month"),
        ("in December", dt.date(2020, 12, 1), "month"),
        ("March 2019", dt.date(2019, 3, 1), "month"),
        ("last year", dt.date(2020, 1, 1), "year"),
        ("in 2019", dt.date(2019, 1, 1), "year"),
    ],
    ids=lambda value: str(value),
)
def test_expression_resolves(text: str, expected: dt.date, granularity: str) -> None:
    found = resolve_expression(text, WEDNESDAY)
    assert found is not None
    assert (found[0], found[2]) == (expected, granularity)


@pytest.mark.parametrize(
    "text", ["20 years", "the 1990s", "recent years", "decades", "the past"]
)
def test_durations_and_eras_do_not_resolve(text: str) -> None:
    assert resolve_expression(text, WEDNESDAY) is None


def test_month_after_the_article_month_is_last_year() -> None:
    assert resolve_expression("in March", dt.date(2021, 2, 10))[0] == dt.date(
        2020, 3, 1
    )


def test_year_less_date_is_not_put_in_the_future() -> None:
    assert resolve_expression("on December 30", dt.date(2021, 1, 3))[0] == dt.date(
        2020, 12, 30
    )
    assert resolve_expression("on January 2", dt.date(2020, 12, 30))[0] == dt.date(
        2021, 1, 2
    )


def test_future_sentence_resolves_forward() -> None:
    assert resolve_expression("on Monday", WEDNESDAY, future=True)[0] == dt.date(
        2021, 5, 31
    )
    assert resolve_expression("on June 3", WEDNESDAY, future=True)[0] == dt.date(
        2021, 6, 3
    )


def test_without_article_date_only_full_dates_resolve() -> None:
    assert resolve_expression("yesterday", None) is None
    assert resolve_expression("May 24, 2021", None)[0] == dt.date(2021, 5, 24)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021-05-26", dt.date(2021, 5, 26)),
        ("2020/7/15 13:03:40", dt.date(2020, 7, 15)),
        ("May 26, 2021", dt.date(2021, 5, 26)),
        ("26-FEB-1987 15:01:01.79", dt.date(1987, 2, 26)),
        ("1987-02-26T15:01:01", dt.date(1987, 2, 26)),
        ("not a date", None),
        ("Oct 3", None),
    ],
    ids=str,
)
def test_parse_date(raw: str, expected: dt.date | None) -> None:
    assert parse_date(raw) == expected
