from __future__ import annotations

from datetime import date

import pytest

from amends_desktop.domain.approx_date import (
    DAY,
    DECADE,
    MONTH,
    PART_OF_MONTH,
    PART_OF_YEAR,
    SEASON,
    YEAR,
    parse_approx,
    sort_key,
)

# (text, first day, last day, precision)
PARSED = [
    ("2019-07-14", "2019-07-14", "2019-07-14", DAY),
    ("2019/7/4", "2019-07-04", "2019-07-04", DAY),
    ("14 July 2019", "2019-07-14", "2019-07-14", DAY),
    ("14th of Jul 2019", "2019-07-14", "2019-07-14", DAY),
    ("July 14, 2019", "2019-07-14", "2019-07-14", DAY),
    ("29 February 2024", "2024-02-29", "2024-02-29", DAY),
    ("2019-07", "2019-07-01", "2019-07-31", MONTH),
    ("July 2019", "2019-07-01", "2019-07-31", MONTH),
    ("Jul 2019", "2019-07-01", "2019-07-31", MONTH),
    ("jul. 2019", "2019-07-01", "2019-07-31", MONTH),
    ("Sept 2019", "2019-09-01", "2019-09-30", MONTH),
    ("February 2024", "2024-02-01", "2024-02-29", MONTH),
    ("2019", "2019-01-01", "2019-12-31", YEAR),
    ("  around 2019 ", "2019-01-01", "2019-12-31", YEAR),
    ("c. 2019", "2019-01-01", "2019-12-31", YEAR),
    ("~2019", "2019-01-01", "2019-12-31", YEAR),
    ("summer 2019", "2019-06-01", "2019-08-31", SEASON),
    ("Summer of 2019", "2019-06-01", "2019-08-31", SEASON),
    ("spring 2020", "2020-03-01", "2020-05-31", SEASON),
    ("autumn 2017", "2017-09-01", "2017-11-30", SEASON),
    ("fall 2017", "2017-09-01", "2017-11-30", SEASON),
    ("winter 2018", "2018-12-01", "2019-02-28", SEASON),
    ("winter 2023/24", "2023-12-01", "2024-02-29", SEASON),
    ("winter 2018-2019", "2018-12-01", "2019-02-28", SEASON),
    ("early 2019", "2019-01-01", "2019-04-30", PART_OF_YEAR),
    ("mid 2019", "2019-05-01", "2019-08-31", PART_OF_YEAR),
    ("mid-2019", "2019-05-01", "2019-08-31", PART_OF_YEAR),
    ("late 2019", "2019-09-01", "2019-12-31", PART_OF_YEAR),
    ("End of 2019", "2019-09-01", "2019-12-31", PART_OF_YEAR),
    ("early July 2019", "2019-07-01", "2019-07-10", PART_OF_MONTH),
    ("late Feb 2023", "2023-02-21", "2023-02-28", PART_OF_MONTH),
    ("the 1990s", "1990-01-01", "1999-12-31", DECADE),
    ("2010s", "2010-01-01", "2019-12-31", DECADE),
]


@pytest.mark.parametrize(("text", "first", "last", "precision"), PARSED)
def test_parse(text: str, first: str, last: str, precision: str) -> None:
    parsed = parse_approx(text)
    assert parsed is not None
    assert (parsed.start, parsed.end, parsed.precision) == (
        date.fromisoformat(first),
        date.fromisoformat(last),
        precision,
    )
    assert parsed.iso == first


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "when I was a kid",
        "last Christmas",
        "2019-13",
        "2019-02-30",
        "30 February 2019",
        "29 Feb 2023",
        "Julember 2019",
        "winter 2018/20",
        "summer 2018/19",
        "19",
        "12345",
        "x" * 500,
    ],
)
def test_not_understood(text: str) -> None:
    assert parse_approx(text) is None


def test_sorting_in_time_order_with_unknowns_last() -> None:
    texts = [
        "when I was a kid",
        "late 2019",
        "2019",
        "summer 2019",
        "winter 2018",
        "Jul 2019",
        "2019-07-14",
        "early 2019",
        "spring 2020",
        "",
        "Around Easter",
        "14 July 2019",
        "the 2010s",
    ]
    assert sorted(texts, key=sort_key) == [
        "the 2010s",
        "winter 2018",  # December 2018 to February 2019
        "early 2019",  # same first day as "2019", but a narrower span
        "2019",
        "summer 2019",
        "Jul 2019",
        "14 July 2019",
        "2019-07-14",
        "late 2019",
        "spring 2020",
        "",
        "Around Easter",
        "when I was a kid",
    ]


def test_sort_key_is_total_and_stable_by_text() -> None:
    assert sort_key("b thing") < sort_key("C thing")
    assert sort_key("2019") < sort_key("zzz")
    assert sort_key("1999") < sort_key("2000")
