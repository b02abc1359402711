"""Approximate dates, kept exactly as the user wrote them, and sorted sensibly.

Harms often happened "summer 2019" or "late 2018". The text is stored as written; this module
reads it into a span of days only to sort and group. Understood forms (case does not matter):

* ``2019-07-14``, ``2019/07/14``, ``14 July 2019``, ``14th of Jul 2019``, ``July 14, 2019``
* ``2019-07``, ``July 2019``, ``Jul 2019``, ``Sept 2019``, ``early July 2019`` (days 1-10),
  ``mid July 2019`` (11-20), ``late July 2019`` (21 to the end)
* ``2019``, ``early 2019`` (January-April), ``mid 2019`` (May-August), ``late 2019``
  (September-December); also ``beginning of``, ``start of``, ``middle of`` and ``end of``
* seasons, northern-hemisphere and meteorological: ``spring 2020`` (March-May), ``summer 2019``
  (June-August), ``autumn``/``fall 2019`` (September-November), ``winter 2018`` (December 2018 to
  February 2019: the winter that begins in that year; ``winter 2018/19`` means the same)
* decades: ``1990s``, ``the 2010s``
* a leading "around", "about", "circa", "c.", "approx." or "~" is ignored.

Sorting: understood dates by their first day, then by their last day (a narrower span first), then
by the text. Anything not understood (or empty) sorts after all dates, alphabetically, never fails.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

DAY = "day"
MONTH = "month"
PART_OF_MONTH = "part_of_month"
SEASON = "season"
PART_OF_YEAR = "part_of_year"
YEAR = "year"
DECADE = "decade"


@dataclass(frozen=True)
class ApproxDate:
    start: date
    end: date
    precision: str

    @property
    def iso(self) -> str:
        """The first day as ``YYYY-MM-DD``, for sorting and storing beside the text."""
        return self.start.isoformat()


_MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _MONTHS[calendar.month_name[_number].lower()] = _number
    _MONTHS[calendar.month_abbr[_number].lower()] = _number
_MONTHS["sept"] = 9

_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>[12]\d{3})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"

_SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
_YEAR_PARTS: dict[str, tuple[int, int]] = {
    "early": (1, 4),
    "beginning of": (1, 4),
    "start of": (1, 4),
    "mid": (5, 8),
    "middle of": (5, 8),
    "late": (9, 12),
    "end of": (9, 12),
}
_MONTH_PARTS: dict[str, tuple[int, int]] = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}

_PREFIX = re.compile(r"^(?:~\s*|(?:around|about|circa|approx\.?|approximately|c\.|ca\.|sometime in)\s+)")
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("ymd", _YEAR + r"[-/](?P<m>\d{1,2})[-/]" + r"(?P<day>\d{1,2})"),
        ("ym", _YEAR + r"[-/](?P<m>\d{1,2})"),
        ("y", _YEAR),
        ("decade", r"(?:the )?(?P<year>[12]\d{2}0)'?s"),
        (
            "season",
            r"(?P<season>spring|summer|autumn|fall|winter) (?:of )?" + _YEAR + r"(?:\s*[/-]\s*(?P<next>\d{2}|\d{4}))?",
        ),
        ("month_part", r"(?P<part>early|mid|late)[- ]" + _MONTH + r",? (?:of )?" + _YEAR),
        ("year_part", r"(?P<part>early|mid|late|beginning of|start of|middle of|end of)[- ]" + _YEAR),
        ("month", _MONTH + r",? (?:of )?" + _YEAR),
        ("dmy", _DAY + r" (?:of )?" + _MONTH + r",? " + _YEAR),
        ("mdy", _MONTH + r" " + _DAY + r",? " + _YEAR),
    )
)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _normalise(text: str) -> str:
    s = " ".join(text.lower().split()).strip(" ,;")
    s = s.removesuffix(".") if not s.endswith("c.") else s
    return _PREFIX.sub("", s).strip()


def _build(name: str, m: re.Match[str]) -> ApproxDate | None:
    year = int(m.group("year"))
    if name == "ymd":
        d = date(year, int(m.group("m")), int(m.group("day")))
        return ApproxDate(d, d, DAY)
    if name in ("dmy", "mdy"):
        d = date(year, _MONTHS[m.group("month")], int(m.group("day")))
        return ApproxDate(d, d, DAY)
    if name in ("ym", "month"):
        month = int(m.group("m")) if name == "ym" else _MONTHS[m.group("month")]
        return ApproxDate(date(year, month, 1), _month_end(year, month), MONTH)
    if name == "y":
        return ApproxDate(date(year, 1, 1), date(year, 12, 31), YEAR)
    if name == "decade":
        return ApproxDate(date(year, 1, 1), date(year + 9, 12, 31), DECADE)
    if name == "season":
        first, last = _SEASONS[m.group("season")]
        nxt = m.group("next")
        if nxt is not None:
            following = int(nxt) if len(nxt) == 4 else (year // 100) * 100 + int(nxt)
            if first != 12 or following != year + 1:
                return None
        end_year = year + 1 if last < first else year
        return ApproxDate(date(year, first, 1), _month_end(end_year, last), SEASON)
    if name == "month_part":
        month = _MONTHS[m.group("month")]
        first_day, last_day = _MONTH_PARTS[m.group("part")]
        last_day = min(last_day, calendar.monthrange(year, month)[1])
        return ApproxDate(date(year, month, first_day), date(year, month, last_day), PART_OF_MONTH)
    first, last = _YEAR_PARTS[m.group("part")]
    return ApproxDate(date(year, first, 1), _month_end(year, last), PART_OF_YEAR)


def parse_approx(text: str) -> ApproxDate | None:
    """The span of days an approximate date stands for, or None when it isn't understood."""
    s = _normalise(text)
    if not s or len(s) > 40:
        return None
    for name, pattern in _RULES:
        m = pattern.fullmatch(s)
        if m is None:
            continue
        try:
            return _build(name, m)
        except ValueError:  # a month 13 or a 30th of February
            return None
    return None


def sort_key(text: str) -> tuple[int, int, int, str, str]:
    """A key that sorts approximate dates in time order, with unreadable text last."""
    parsed = parse_approx(text)
    if parsed is None:
        return (1, 0, 0, text.casefold(), text)
    return (0, parsed.start.toordinal(), parsed.end.toordinal(), text.casefold(), text)
