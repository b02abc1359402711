"""Restitution (financial amends): schedules, balances and money as text.

Money is always an ``int`` of minor units (cents), one currency per ledger; no floats are used for
amounts anywhere. Parsing and formatting assume two decimal places, which fits the currencies a
ledger is normally kept in (EUR, USD, GBP, ...).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from datetime import date

MAX_MINOR = 10**12
"""The largest amount accepted, in minor units (ten billion in major units)."""

MAX_INSTALMENTS = 1200
"""A schedule never runs longer than a hundred years of monthly instalments."""


class MoneyError(ValueError):
    """An amount that could not be read; the message is fit to show to the user."""


def add_months(start: date, months: int) -> date:
    """``start`` moved by whole months, keeping its day where the month allows it.

    The day is clamped to the month's end: Jan 31 + 1 month is Feb 28 (29 in a leap year), and
    Jan 31 + 2 months is Mar 31 again, because every step is counted from ``start``.
    """
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def generate_schedule(owed_minor: int, monthly_minor: int, first_due: date) -> list[tuple[date, int]]:
    """Monthly instalments of ``monthly_minor`` from ``first_due``; the last one is the remainder.

    The amounts always add up to ``owed_minor`` exactly and are all positive. Nothing owed gives an
    empty schedule. Raises ``ValueError`` for a negative debt, a monthly amount that is not
    positive, or a schedule longer than ``MAX_INSTALMENTS``.
    """
    if owed_minor < 0:
        raise ValueError("The amount owed can't be negative.")
    if monthly_minor <= 0:
        raise ValueError("The monthly amount needs to be more than zero.")
    if owed_minor == 0:
        return []
    full, remainder = divmod(owed_minor, monthly_minor)
    count = full + (1 if remainder else 0)
    if count > MAX_INSTALMENTS:
        raise ValueError("At this monthly amount the plan would run for more than a hundred years.")
    amounts = [monthly_minor] * full + ([remainder] if remainder else [])
    return [(add_months(first_due, i), amount) for i, amount in enumerate(amounts)]


def balance(owed_minor: int, payments: Iterable[int]) -> int:
    """What is still owed. Negative when more was paid than owed."""
    return owed_minor - sum(payments)


def progress(owed: int, paid: int) -> float:
    """The share paid, between 0.0 and 1.0. Nothing owed counts as fully paid."""
    if owed <= 0:
        return 1.0
    return min(max(paid / owed, 0.0), 1.0)


def next_due(schedule: Sequence[tuple[date, int]], payments_total: int, today: date) -> tuple[date, int] | None:
    """The first instalment not yet covered by the payments made, or None when all are covered.

    Payments count against the instalments in order. The date returned is that first uncovered
    instalment's due date. The amount is what is still unpaid on it, plus every later instalment
    that has also fallen due by ``today``: when someone is behind, it shows the whole amount due now.
    """
    remaining_paid = payments_total
    first: date | None = None
    amount = 0
    for due_on, instalment in schedule:
        if first is None:
            if remaining_paid >= instalment:
                remaining_paid -= instalment
                continue
            first = due_on
            amount = instalment - max(remaining_paid, 0)
            remaining_paid = 0
        elif due_on <= today:
            amount += instalment
        else:
            break
    return None if first is None else (first, amount)


_SPACES = "\u0020\u00a0\u202f\u2009"
_GROUPED = {sep: re.compile(r"[1-9]\d{0,2}(?:" + re.escape(sep) + r"\d{3})+") for sep in (",", ".", "'", *_SPACES)}
_SYMBOLS = "\u20ac$\u00a3\u00a5"


def _integer_part(text: str, decimal_sep: str | None) -> int | None:
    """Digits with optional thousands separators (any one kind, not the decimal one)."""
    if text.isdigit() and text.isascii():
        return int(text)
    for sep, pattern in _GROUPED.items():
        if sep != decimal_sep and pattern.fullmatch(text):
            return int(text.replace(sep, ""))
    return None


def parse_money(text: str) -> int:
    """Read an amount typed by a person into minor units.

    Accepts "12", "12.5", "12.50", "12,50", "1,234.56", "1.234,56", "1 234,56", "1'234.56" and a
    leading or trailing currency symbol. The decimal mark is a dot or a comma followed by one or two
    digits; a single mark followed by exactly three digits is read as a thousands separator
    ("1,500" and "1.500" are both one thousand five hundred).

    Raises ``MoneyError`` with a plain message when the amount is empty, negative, not a number,
    has more than two decimals, or is larger than ``MAX_MINOR`` minor units.
    """
    s = text.strip().strip(_SYMBOLS).strip()
    if not s:
        raise MoneyError("Please enter an amount.")
    if s[0] in "-\u2212" or (s.startswith("(") and s.endswith(")")):
        raise MoneyError("The amount can't be negative.")
    if len(s) > 40:
        raise MoneyError("That amount is too large to be right; please check it.")
    if s[0] == "+":
        s = s[1:].strip()
    if not s or not s[0].isdigit() or not s[-1].isdigit():
        raise MoneyError(f"\u201c{text.strip()}\u201d doesn't look like an amount, such as 12.50.")

    marks = [i for i, ch in enumerate(s) if ch in ".,"]
    integer: int | None
    cents = 0
    if not marks:
        integer = _integer_part(s, None)
    else:
        last = marks[-1]
        head, tail, mark = s[:last], s[last + 1 :], s[last]
        if not (tail.isdigit() and tail.isascii()):
            integer = None
        elif len(tail) <= 2:
            integer = _integer_part(head, mark)
            cents = int(tail.ljust(2, "0"))
        elif len(tail) == 3 and (whole := _integer_part(s, None)) is not None:
            integer = whole  # "1,500" or "1.234.567": thousands separators only
        else:
            integer = None
            if _integer_part(head, mark) is not None:
                raise MoneyError("Please use at most two decimals, as in 12.50.")
    if integer is None:
        raise MoneyError(f"\u201c{text.strip()}\u201d doesn't look like an amount, such as 12.50.")
    minor = integer * 100 + cents
    if minor > MAX_MINOR:
        raise MoneyError("That amount is too large to be right; please check it.")
    return minor


def format_money(minor: int, currency: str) -> str:
    """Minor units as text with thousands separators: ``format_money(123456, "EUR") == "1,234.56 EUR"``."""
    sign = "-" if minor < 0 else ""
    major, cents = divmod(abs(minor), 100)
    text = f"{sign}{major:,}.{cents:02d}"
    code = currency.strip()
    return f"{text} {code}" if code else text
