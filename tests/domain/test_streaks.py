from __future__ import annotations

from datetime import date, timedelta

import pytest

from amends_desktop.domain.enums import Cadence
from amends_desktop.domain.streaks import Streaks, is_checkin_due, period_index, period_start, streaks

D, W, M = Cadence.DAILY, Cadence.WEEKLY, Cadence.MONTHLY


def kept(*days: str) -> list[tuple[date, bool]]:
    return [(date.fromisoformat(d), True) for d in days]


def missed(*days: str) -> list[tuple[date, bool]]:
    return [(date.fromisoformat(d), False) for d in days]


# (cadence, check-ins, today, current, best)
CASES: list[tuple[Cadence, list[tuple[date, bool]], str, int, int]] = [
    (D, [], "2024-03-01", 0, 0),
    (D, kept("2024-02-28", "2024-02-29", "2024-03-01"), "2024-03-01", 3, 3),  # across a leap day
    (D, kept("2024-02-28", "2024-02-29"), "2024-03-01", 2, 2),  # today not checked in yet
    (D, kept("2024-02-28", "2024-02-29") + missed("2024-03-01"), "2024-03-01", 0, 2),  # missed today
    (D, kept("2024-02-27", "2024-02-28"), "2024-03-01", 0, 2),  # yesterday missed
    (D, kept("2024-02-28") + missed("2024-02-29"), "2024-03-01", 0, 1),
    (D, kept("2024-02-29") + missed("2024-02-29"), "2024-03-01", 1, 1),  # kept wins within a period
    (D, kept("2023-12-30", "2023-12-31", "2024-01-01"), "2024-01-01", 3, 3),  # across a year end
    (D, kept("2024-01-01", "2024-01-01", "2024-01-02"), "2024-01-02", 2, 2),  # duplicates count once
    (D, kept("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-10"), "2024-01-10", 1, 3),
    (D, kept("2024-03-01", "2024-03-02", "2024-03-03"), "2024-03-01", 1, 1),  # future ignored
    # Weekly: ISO weeks run Monday to Sunday.
    (W, kept("2024-01-07", "2024-01-08"), "2024-01-08", 2, 2),  # Sunday then Monday: two weeks
    (W, kept("2024-01-08", "2024-01-14"), "2024-01-14", 1, 1),  # Monday and Sunday: same week
    (W, kept("2023-12-25", "2024-01-03"), "2024-01-09", 2, 2),  # across the year end, this week open
    (W, kept("2023-12-25", "2024-01-03") + missed("2024-01-09"), "2024-01-09", 0, 2),
    (W, kept("2023-12-25"), "2024-01-09", 0, 1),  # the week of Jan 1 was not kept
    (W, kept("2020-12-28", "2021-01-04"), "2021-01-05", 2, 2),  # ISO week 53 of 2020
    # Monthly: calendar months.
    (M, kept("2024-01-31", "2024-02-29", "2024-03-01"), "2024-03-15", 3, 3),
    (M, kept("2024-01-31", "2024-02-29"), "2024-03-31", 2, 2),
    (M, kept("2023-11-15", "2023-12-31", "2024-01-01"), "2024-01-20", 3, 3),  # across the year end
    (M, kept("2023-11-15", "2024-01-01"), "2024-01-20", 1, 1),
    (M, kept("2023-11-15", "2023-12-01"), "2024-02-01", 0, 2),
    (M, missed("2024-02-10"), "2024-02-20", 0, 0),
]


@pytest.mark.parametrize(("cadence", "checkins", "today", "current", "best"), CASES)
def test_streaks(cadence: Cadence, checkins: list[tuple[date, bool]], today: str, current: int, best: int) -> None:
    assert streaks(cadence, checkins, date.fromisoformat(today)) == Streaks(current, best)


def test_long_daily_streak_is_linear() -> None:
    start = date(2020, 1, 1)
    checkins = [(start + timedelta(days=i), True) for i in range(2000)]
    assert streaks(D, checkins, start + timedelta(days=1999)) == Streaks(2000, 2000)


@pytest.mark.parametrize(
    ("cadence", "day", "start"),
    [
        (D, "2024-02-29", "2024-02-29"),
        (W, "2024-02-29", "2024-02-26"),
        (W, "2024-01-01", "2024-01-01"),
        (W, "2023-01-01", "2022-12-26"),
        (M, "2024-02-29", "2024-02-01"),
    ],
)
def test_period_start(cadence: Cadence, day: str, start: str) -> None:
    assert period_start(cadence, date.fromisoformat(day)) == date.fromisoformat(start)


def test_consecutive_periods_have_consecutive_indexes() -> None:
    day = date(2019, 12, 20)
    for _ in range(800):
        nxt = day + timedelta(days=1)
        for cadence in Cadence:
            step = period_index(cadence, nxt) - period_index(cadence, day)
            assert step in (0, 1)
            assert (step == 1) == (period_start(cadence, nxt) == nxt)
        day = nxt


@pytest.mark.parametrize(
    ("cadence", "last", "today", "due"),
    [
        (D, None, "2024-02-29", True),
        (D, "2024-02-29", "2024-02-29", False),
        (D, "2024-02-28", "2024-02-29", True),
        (W, "2024-02-26", "2024-03-03", False),  # Monday and Sunday of one week
        (W, "2024-03-03", "2024-03-04", True),
        (W, "2023-12-31", "2024-01-01", True),
        (M, "2024-02-01", "2024-02-29", False),
        (M, "2024-02-29", "2024-03-01", True),
        (M, "2023-12-31", "2024-01-01", True),
    ],
)
def test_is_checkin_due(cadence: Cadence, last: str | None, today: str, due: bool) -> None:
    last_day = date.fromisoformat(last) if last else None
    assert is_checkin_due(cadence, last_day, date.fromisoformat(today)) is due
