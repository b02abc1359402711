from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amends_desktop.domain.restitution import (
    MAX_MINOR,
    MoneyError,
    add_months,
    balance,
    format_money,
    generate_schedule,
    next_due,
    parse_money,
    progress,
)


def test_simple_schedule() -> None:
    assert generate_schedule(10_000, 3_000, date(2024, 1, 15)) == [
        (date(2024, 1, 15), 3_000),
        (date(2024, 2, 15), 3_000),
        (date(2024, 3, 15), 3_000),
        (date(2024, 4, 15), 1_000),
    ]


def test_exact_multiple_has_no_zero_instalment() -> None:
    assert [a for _, a in generate_schedule(9_000, 3_000, date(2024, 1, 1))] == [3_000] * 3


def test_end_of_month_clamping_keeps_the_original_day() -> None:
    dates = [d for d, _ in generate_schedule(600, 100, date(2024, 1, 31))]
    assert dates == [
        date(2024, 1, 31),
        date(2024, 2, 29),  # leap year
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
        date(2024, 6, 30),
    ]
    assert [d for d, _ in generate_schedule(300, 100, date(2023, 1, 31))][1] == date(2023, 2, 28)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_no_drift_over_120_instalments() -> None:
    owed = 120 * 3_333 + 17
    schedule = generate_schedule(owed, 3_333, date(2020, 8, 31))
    assert len(schedule) == 121
    assert sum(a for _, a in schedule) == owed
    assert schedule[-1] == (date(2030, 8, 31), 17)
    assert schedule[119][0] == date(2030, 7, 31)


def test_empty_and_invalid_schedules() -> None:
    assert generate_schedule(0, 100, date(2024, 1, 1)) == []
    with pytest.raises(ValueError):
        generate_schedule(-1, 100, date(2024, 1, 1))
    with pytest.raises(ValueError):
        generate_schedule(100, 0, date(2024, 1, 1))
    with pytest.raises(ValueError):
        generate_schedule(10**9, 1, date(2024, 1, 1))


@given(
    owed=st.integers(min_value=0, max_value=10**9),
    monthly=st.integers(min_value=1, max_value=10**8),
    first=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
)
def test_schedule_properties(owed: int, monthly: int, first: date) -> None:
    try:
        schedule = generate_schedule(owed, monthly, first)
    except ValueError:
        assert -(-owed // monthly) > 1200
        return
    assert sum(a for _, a in schedule) == owed
    assert all(0 < a <= monthly for _, a in schedule)
    assert all(a == monthly for _, a in schedule[:-1])
    dates = [d for d, _ in schedule]
    assert dates == sorted(set(dates))
    if schedule:
        assert dates[0] == first


def test_balance_and_progress() -> None:
    assert balance(10_000, [2_500, 2_500]) == 5_000
    assert balance(10_000, []) == 10_000
    assert balance(1_000, [1_500]) == -500
    assert progress(10_000, 2_500) == 0.25
    assert progress(10_000, 12_000) == 1.0
    assert progress(10_000, -5) == 0.0
    assert progress(0, 0) == 1.0


SCHEDULE = [(date(2024, 1, 1), 100), (date(2024, 2, 1), 100), (date(2024, 3, 1), 100), (date(2024, 4, 1), 50)]


@pytest.mark.parametrize(
    ("paid", "today", "expected"),
    [
        (0, date(2023, 12, 1), (date(2024, 1, 1), 100)),
        (0, date(2024, 1, 1), (date(2024, 1, 1), 100)),
        (100, date(2024, 1, 20), (date(2024, 2, 1), 100)),
        (150, date(2024, 1, 20), (date(2024, 2, 1), 50)),  # partly covered
        (0, date(2024, 2, 15), (date(2024, 1, 1), 200)),  # behind: everything due by today
        (120, date(2024, 3, 1), (date(2024, 2, 1), 180)),
        (300, date(2024, 1, 1), (date(2024, 4, 1), 50)),  # paid ahead
        (350, date(2024, 5, 1), None),
        (400, date(2024, 5, 1), None),
    ],
)
def test_next_due(paid: int, today: date, expected: tuple[date, int] | None) -> None:
    assert next_due(SCHEDULE, paid, today) == expected


def test_next_due_empty_schedule() -> None:
    assert next_due([], 0, date(2024, 1, 1)) is None


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("12", 1200),
        ("12.5", 1250),
        ("12.50", 1250),
        ("12,5", 1250),
        ("12,50", 1250),
        ("0.05", 5),
        ("0", 0),
        ("1,234.56", 123456),
        ("1.234,56", 123456),
        ("1 234,56", 123456),
        ("1\u00a0234,56", 123456),
        ("1'234.56", 123456),
        ("1,234,567", 123456700),
        ("1.234.567,8", 123456780),
        ("1,500", 150000),
        ("1.500", 150000),
        ("  7.00  ", 700),
        ("\u20ac12.50", 1250),
        ("12.50 \u20ac", 1250),
        ("$1,000", 100000),
        ("+5", 500),
        ("10000000000", MAX_MINOR),
    ],
)
def test_parse_money(text: str, minor: int) -> None:
    assert parse_money(text) == minor


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "enter an amount"),
        ("   ", "enter an amount"),
        ("-5", "negative"),
        ("\u22125", "negative"),
        ("(5.00)", "negative"),
        ("abc", "doesn't look like"),
        ("12.345.67", "doesn't look like"),
        ("12..5", "doesn't look like"),
        ("1,23,456", "doesn't look like"),
        ("12.", "doesn't look like"),
        ("1e5", "doesn't look like"),
        ("12.345,6789", "two decimals"),
        ("12.3456", "two decimals"),
        ("0.125", "two decimals"),
        ("1,234.567", "two decimals"),
        ("10000000000.01", "too large"),
        ("9" * 50, "too large"),
    ],
)
def test_parse_money_errors(text: str, words: str) -> None:
    with pytest.raises(MoneyError) as err:
        parse_money(text)
    assert words in str(err.value)
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [
        (123456, "EUR", "1,234.56 EUR"),
        (5, "USD", "0.05 USD"),
        (0, "GBP", "0.00 GBP"),
        (100000000, "EUR", "1,000,000.00 EUR"),
        (-2550, "EUR", "-25.50 EUR"),
        (1250, "", "12.50"),
    ],
)
def test_format_money(minor: int, currency: str, text: str) -> None:
    assert format_money(minor, currency) == text


@given(st.integers(min_value=0, max_value=MAX_MINOR))
def test_format_then_parse_round_trips(minor: int) -> None:
    assert parse_money(format_money(minor, "EUR").removesuffix(" EUR")) == minor
