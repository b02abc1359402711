"""Streaks for living commitments ("dinner with Mum every Sunday").

A commitment's cadence cuts time into periods: days, ISO weeks (Monday to Sunday) or calendar
months. A period is *kept* when it holds at least one kept check-in; a period with only "missed"
check-ins, or none at all, is not kept.

* The current streak counts kept periods back from the current one. The current period not yet
  checked in does not break it (there is still time), but a missed check-in recorded in the current
  period with no kept one does: the streak is then 0. Any earlier period that is not kept ends it.
* The best streak is the longest run of consecutive kept periods ever (never less than the current).
* Check-ins dated after ``today`` are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from amends_desktop.domain.enums import Cadence


@dataclass(frozen=True)
class Streaks:
    current: int
    best: int


def period_index(cadence: Cadence, day: date) -> int:
    """A number for the period holding ``day``; consecutive periods have consecutive numbers."""
    if cadence == Cadence.DAILY:
        return day.toordinal()
    if cadence == Cadence.WEEKLY:
        # date(1, 1, 1) is a Monday, so every ISO week starts at an ordinal of 7k + 1.
        return (day.toordinal() - 1) // 7
    return day.year * 12 + day.month - 1


def period_start(cadence: Cadence, day: date) -> date:
    """The first day of the period holding ``day``."""
    if cadence == Cadence.DAILY:
        return day
    if cadence == Cadence.WEEKLY:
        return date.fromordinal(period_index(cadence, day) * 7 + 1)
    return day.replace(day=1)


def streaks(cadence: Cadence, checkins: Iterable[tuple[date, bool]], today: date) -> Streaks:
    """The current and best streaks from ``(date, kept)`` check-ins (see the module docstring)."""
    kept: set[int] = set()
    missed: set[int] = set()
    for on_date, was_kept in checkins:
        if on_date > today:
            continue
        (kept if was_kept else missed).add(period_index(cadence, on_date))

    now = period_index(cadence, today)
    if now in kept:
        start = now
    elif now in missed:
        start = None
    else:
        start = now - 1
    current = 0
    if start is not None:
        while start - current in kept:
            current += 1

    best = 0
    for index in kept:
        if index - 1 not in kept:  # the first period of a run
            length = 1
            while index + length in kept:
                length += 1
            best = max(best, length)
    return Streaks(current=current, best=max(best, current))


def is_checkin_due(cadence: Cadence, last_checkin: date | None, today: date) -> bool:
    """True when nothing has been recorded yet in the current period (kept or missed)."""
    if last_checkin is None:
        return True
    return period_index(cadence, last_checkin) < period_index(cadence, today)
