"""Time expressions at their edges: calendar ends, quarters, seasons, clause tense, no reference."""

import datetime as dt

import pytest

from newsdoc.extract.timex import TimeMatch, find_times, times_from

MONDAY = dt.date(2025, 3, 3)
FIRST_DAY = dt.date(1, 1, 1)
LAST_DAY = dt.date(9999, 12, 31)


def values(text: str, reference: dt.date | None) -> list[tuple[str, str | None]]:
    return [(text[m.start : m.end], m.value) for m in find_times(text, reference)]


def value(text: str, reference: dt.date | None) -> str | None:
    ((_, found),) = values(text, reference)
    return found


# --- last / this / next quarter, month, year, week ---------------------------------------------


@pytest.mark.parametrize(
    ("reference", "last", "this", "next_"),
    [
        (dt.date(2025, 1, 1), "2024-Q4", "2025-Q1", "2025-Q2"),
        (dt.date(2025, 3, 31), "2024-Q4", "2025-Q1", "2025-Q2"),
        (dt.date(2025, 4, 1), "2025-Q1", "2025-Q2", "2025-Q3"),
        (dt.date(2025, 6, 30), "2025-Q1", "2025-Q2", "2025-Q3"),
        (dt.date(2025, 7, 1), "2025-Q2", "2025-Q3", "2025-Q4"),
        (dt.date(2025, 9, 30), "2025-Q2", "2025-Q3", "2025-Q4"),
        (dt.date(2025, 10, 1), "2025-Q3", "2025-Q4", "2026-Q1"),
        (dt.date(2025, 12, 31), "2025-Q3", "2025-Q4", "2026-Q1"),
    ],
)
def test_quarters_count_across_year_ends(
    reference: dt.date, last: str, this: str, next_: str
) -> None:
    assert value("sales fell last quarter", reference) == last
    assert value("This quarter was slow", reference) == this
    assert value("due next quarter", reference) == next_


@pytest.mark.parametrize(
    ("reference", "last", "this", "next_"),
    [
        (dt.date(2025, 1, 15), "2024-12", "2025-01", "2025-02"),
        (dt.date(2025, 6, 15), "2025-05", "2025-06", "2025-07"),
        (dt.date(2025, 12, 15), "2025-11", "2025-12", "2026-01"),
    ],
)
def test_months_count_across_year_ends(
    reference: dt.date, last: str, this: str, next_: str
) -> None:
    assert value("last month", reference) == last
    assert value("this month", reference) == this
    assert value("Next month", reference) == next_


def test_years_count_from_the_reference() -> None:
    assert values("last year, this year and next year", MONDAY) == [
        ("last year", "2024"),
        ("this year", "2025"),
        ("next year", "2026"),
    ]


@pytest.mark.parametrize(
    ("reference", "last", "this", "next_"),
    [
        (dt.date(2025, 3, 3), "2025-W09", "2025-W10", "2025-W11"),
        # 30 December 2024 is a Monday of ISO week 1 of 2025.
        (dt.date(2024, 12, 30), "2024-W52", "2025-W01", "2025-W02"),
        # 1 January 2021 is a Friday of ISO week 53 of 2020.
        (dt.date(2021, 1, 1), "2020-W52", "2020-W53", "2021-W01"),
    ],
)
def test_weeks_are_iso_weeks_of_the_iso_year(
    reference: dt.date, last: str, this: str, next_: str
) -> None:
    assert value("last week", reference) == last
    assert value("this week", reference) == this
    assert value("next week", reference) == next_


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("next year", LAST_DAY),
        ("next month", LAST_DAY),
        ("next quarter", LAST_DAY),
        ("next week", LAST_DAY),
        ("tomorrow", LAST_DAY),
        ("next Monday", LAST_DAY),
        ("last year", FIRST_DAY),
        ("last month", FIRST_DAY),
        ("last quarter", FIRST_DAY),
        ("last week", FIRST_DAY),
        ("yesterday", FIRST_DAY),
        ("last Sunday", FIRST_DAY),
        ("last March", dt.date(1, 3, 1)),
        ("next March", dt.date(9999, 3, 1)),
        ("last summer", dt.date(1, 6, 1)),
        ("next summer", dt.date(9999, 6, 1)),
    ],
)
def test_times_past_either_end_of_the_calendar_have_no_value(text: str, reference: dt.date) -> None:
    assert values(text, reference) == [(text, None)]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("this year", LAST_DAY, "9999"),
        ("this month", LAST_DAY, "9999-12"),
        ("this quarter", LAST_DAY, "9999-Q4"),
        ("today", LAST_DAY, "9999-12-31"),
        ("this year", FIRST_DAY, "0001"),
        ("this month", FIRST_DAY, "0001-01"),
        ("this quarter", FIRST_DAY, "0001-Q1"),
        ("today", FIRST_DAY, "0001-01-01"),
        ("the first half of the year", FIRST_DAY, "0001-H1"),
        ("this week", dt.date(1, 1, 8), "0001-W02"),
        ("next year", dt.date(9998, 6, 1), "9999"),
        ("last year", dt.date(2, 6, 1), "0001"),
    ],
)
def test_the_first_and_last_years_of_the_calendar_are_written_with_four_digits(
    text: str, reference: dt.date, expected: str
) -> None:
    assert value(text, reference) == expected


# --- today, tomorrow, clock words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2025-03-03"),
        ("Today", "2025-03-03"),
        ("tomorrow", "2025-03-04"),
        ("Tomorrow", "2025-03-04"),
        ("yesterday", "2025-03-02"),
        ("Yesterday", "2025-03-02"),
    ],
)
def test_deictic_days_count_from_the_reference(text: str, expected: str) -> None:
    assert values(text, MONDAY) == [(text, expected)]
    assert values(text, None) == [(text, None)]


def test_tomorrow_crosses_month_and_year_ends() -> None:
    assert value("tomorrow", dt.date(2024, 12, 31)) == "2025-01-01"
    assert value("yesterday", dt.date(2025, 3, 1)) == "2025-02-28"


def test_noon_is_twelve_and_midnight_zero() -> None:
    assert values("at noon", dt.date(2025, 1, 9)) == [("noon", "2025-01-09T12")]
    assert values("at midnight", dt.date(2025, 1, 9)) == [("midnight", "2025-01-09T00")]


# --- parts of a year ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the first quarter", "2025-Q1"),
        ("the second quarter", "2025-Q2"),
        ("The fourth quarter", "2025-Q4"),
        ("the final quarter", "2025-Q4"),
        ("the last quarter of 2024", "2024-Q4"),
        ("the first half", "2025-H1"),
        ("the second half of this year", "2025-H2"),
        ("the final half", "2025-H2"),
        ("the last half of 2019", "2019-H2"),
    ],
)
def test_ordinal_parts_of_a_year(text: str, expected: str) -> None:
    assert values(text, MONDAY) == [(text, expected)]


def test_a_part_of_a_named_year_needs_no_reference() -> None:
    assert values("the third quarter of 2023", None) == [("the third quarter of 2023", "2023-Q3")]
    assert values("the third quarter of the year", None) == [
        ("the third quarter of the year", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q1 2021", "2021-Q1"),
        ("Q4 1999", "1999-Q4"),
        ("winter of 2019", "2019-WI"),
        ("Autumn 2020", "2020-FA"),
        ("fall 2021", "2021-FA"),
        ("Spring 2022", "2022-SP"),
        ("The 2020s", "202"),
        ("March 3rd, 2025", "2025-03-03"),
        ("1st January 2020", "2020-01-01"),
        ("January of 2020", "2020-01"),
        ("Dec. 31, 1999", "1999-12-31"),
        ("31 December 2099", "2099-12-31"),
        ("January 1, 1500", "1500-01-01"),
    ],
)
def test_absolute_forms_need_no_reference(text: str, expected: str) -> None:
    assert values(text, None) == [(text, expected)]
    assert values(text, MONDAY) == [(text, expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 1500", [("1500", "1500")]),
        ("in 2099", [("2099", "2099")]),
        ("in 1499", []),
        ("in 2100", []),
    ],
)
def test_bare_years_run_from_1500_to_2099(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, None) == expected


def test_a_month_and_day_take_the_year_of_the_reference() -> None:
    assert values("on March 3", dt.date(2024, 12, 1)) == [("March 3", "2024-03-03")]
    assert values("on February 29", dt.date(2024, 5, 1)) == [("February 29", "2024-02-29")]
    assert values("on February 29", dt.date(2025, 5, 1)) == [("February 29", None)]
    assert values("on March 3", None) == [("March 3", None)]


def test_impossible_days_of_either_order_have_no_value() -> None:
    assert values("on 31 April 2025", None) == [("31 April 2025", None)]
    assert values("on April 31, 2025", None) == [("April 31, 2025", None)]


# --- months and seasons named alone -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose in March.", "2025-03"),
        ("It happened last March.", "2024-03"),
        ("It opens next March.", "2026-03"),
        ("It happened this March.", "2025-03"),
        ("The plant will reopen in March.", "2025-03"),
        ("Prices rose in April.", "2024-04"),
        ("The plant will reopen in April.", "2025-04"),
        ("Prices rose in February.", "2025-02"),
        ("The plant will reopen in February.", "2026-02"),
        ("It happened last April.", "2024-04"),
        ("It opens next February.", "2026-02"),
        ("It opens next April.", "2025-04"),
        ("It happened last February.", "2025-02"),
        ("It happened this April.", "2025-04"),
    ],
)
def test_a_month_named_alone_in_march(text: str, expected: str) -> None:
    # MONDAY is in March: March itself is this year's, in the past as in the future.
    assert value(text, MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("It was cold last spring.", dt.date(2025, 3, 3), "2024-SP"),
        ("It opens next spring.", dt.date(2025, 3, 3), "2026-SP"),
        ("It was cold last spring.", dt.date(2025, 2, 3), "2024-SP"),
        ("It opens next spring.", dt.date(2025, 2, 3), "2025-SP"),
        ("It was cold last spring.", dt.date(2025, 4, 3), "2025-SP"),
        ("It opens next spring.", dt.date(2025, 4, 3), "2026-SP"),
        ("It was hot last summer.", dt.date(2025, 7, 1), "2025-SU"),
        ("It was hot last summer.", dt.date(2025, 6, 1), "2024-SU"),
        ("It rains this autumn.", dt.date(2025, 10, 1), "2025-FA"),
        ("It rains in the autumn.", dt.date(2025, 1, 1), "2025-FA"),
        ("It snowed last winter.", dt.date(2025, 12, 1), "2024-WI"),
        ("It snows next winter.", dt.date(2025, 12, 1), "2026-WI"),
        ("It snows next winter.", dt.date(2025, 11, 30), "2025-WI"),
        ("It fell last fall.", dt.date(2025, 9, 1), "2024-FA"),
        ("It falls next fall.", dt.date(2025, 8, 31), "2025-FA"),
        ("It was quiet during summer.", dt.date(2025, 1, 1), "2025-SU"),
    ],
)
def test_a_season_named_alone_is_this_years_unless_last_or_next(
    text: str, reference: dt.date, expected: str
) -> None:
    assert value(text, reference) == expected
    assert value(text, None) is None


# --- weekdays and the tense of their clause -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened this Monday.", "2025-03-03"),
        ("It happens next Monday.", "2025-03-10"),
        ("It happened last Monday.", "2025-02-24"),
        ("It happened on Monday.", "2025-03-03"),
        ("It will happen on Monday.", "2025-03-10"),
        ("It happened on Tuesday.", "2025-02-25"),
        ("It will happen on Tuesday.", "2025-03-04"),
        ("It happened on Sunday.", "2025-03-02"),
        ("It will happen on Sunday.", "2025-03-09"),
        ("It happens next Sunday.", "2025-03-09"),
        ("It happened last Sunday.", "2025-03-02"),
        ("It happened this Sunday.", "2025-03-02"),
        ("It happened last Tuesday.", "2025-02-25"),
    ],
)
def test_weekdays_around_a_monday(text: str, expected: str) -> None:
    assert value(text, MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The future word before the weekday, in its clause.
        ("Talks will resume on Friday.", "2025-03-07"),
        # The future word after the weekday, in its clause.
        ("On Friday talks will resume.", "2025-03-07"),
        # A future word in an earlier clause does not count.
        ("It will rain, but talks ended on Friday.", "2025-02-28"),
        # A future word in a later clause does not count, unless the weekday stands in the
        # sentence's first clause and only a comma parts them.
        ("Talks ended on Friday, and it will rain.", "2025-02-28"),
        ("On Friday, talks will resume.", "2025-03-07"),
        ("On Friday, talks ended; it will rain.", "2025-02-28"),
        ("On Friday that they will resume.", "2025-02-28"),
        ("Talks on Friday ended, talks will resume.", "2025-03-07"),
        # "would" is a future word, "could not" is not.
        ("They met on Friday and would meet again.", "2025-02-28"),
        ("They said they would meet on Friday.", "2025-03-07"),
        ("They could not meet on Friday.", "2025-02-28"),
        ("They could meet on Friday.", "2025-03-07"),
    ],
)
def test_the_clause_of_a_weekday_decides_its_tense(text: str, expected: str) -> None:
    assert value(text, MONDAY) == expected


def test_a_future_word_must_end_inside_the_clause() -> None:
    # "willing" is no future word, and "will" after the break belongs to the next clause.
    assert value("On Friday he was willing; he will go.", MONDAY) == "2025-02-28"


def test_several_weekdays_in_one_sentence_each_take_their_own_clause() -> None:
    text = "Talks ended on Friday, and they will resume on Tuesday."
    assert values(text, MONDAY) == [("Friday", "2025-02-28"), ("Tuesday", "2025-03-04")]


def test_a_past_verb_forty_characters_back_still_dates_the_weekday() -> None:
    text = "The council will say that it voted on Thursday."
    assert values(text, MONDAY) == [("Thursday", "2025-02-27")]


def test_a_weekday_without_reference_has_no_value() -> None:
    assert values("It will happen on Monday.", None) == [("Monday", None)]


# --- scanning ------------------------------------------------------------------------------------


def test_the_first_word_of_the_text_is_scanned() -> None:
    assert values("2014 was dry; 2015 was wet in 2016.", None) == [("2016", "2016")]
    assert values("Yesterday it rained.", MONDAY) == [("Yesterday", "2025-03-02")]


def test_starts_inside_an_earlier_match_are_skipped() -> None:
    text = "by March 3, 2025 and 2026"
    starts = [text.index("March"), text.index("3,"), text.index("2025"), text.index("2026")]
    assert list(times_from(text, starts, None)) == [
        TimeMatch(3, 16, "2025-03-03"),
        TimeMatch(21, 25, "2026"),
    ]


def test_starts_where_nothing_matches_are_passed_over() -> None:
    text = "the Monday after"
    assert list(times_from(text, [0, 4], MONDAY)) == [TimeMatch(4, 10, "2025-03-03")]


def test_matches_hold_their_exact_offsets() -> None:
    (match,) = find_times("Since 2014.", None)
    assert (match.start, match.end, match.value) == (6, 10, "2014")


def test_a_past_verb_that_opens_the_text_dates_the_weekday() -> None:
    assert values("voted on Friday to strike next month.", MONDAY) == [
        ("Friday", "2025-02-28"),
        ("next month", "2025-04"),
    ]


@pytest.mark.parametrize(
    ("letters", "expected"),
    [(30, "2025-02-28"), (31, "2025-03-07")],
)
def test_a_past_verb_is_looked_for_in_the_forty_characters_before_the_weekday(
    letters: int, expected: str
) -> None:
    # "<verb> early on " is 40 characters with a 30-letter verb: it dates the Friday. One
    # letter more and it is out of reach, so the clause's "will" makes the Friday ahead.
    verb = "z" * (letters - 2) + "ed"
    assert len(f"{verb} early on ") == letters + 10
    assert value(f"{verb} early on Friday, talks will resume.", MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One break before the weekday: the first clause is not its clause.
        ("It will rain; the talks on Friday ended.", "2025-02-28"),
        # Two breaks before it: nor is the second.
        ("It rained; it will rain; the talks on Friday ended.", "2025-02-28"),
        ("It rained; it rained; the talks on Friday will end.", "2025-03-07"),
        # A future word that ends right where the clause ends is in the clause.
        ("Talks on Friday will, officials said, resume.", "2025-03-07"),
    ],
)
def test_the_clause_runs_from_the_last_break_before_to_the_next_break(
    text: str, expected: str
) -> None:
    assert value(text, MONDAY) == expected


@pytest.mark.parametrize(
    ("reference", "text", "expected"),
    [
        # A Wednesday: Friday is two days on, Monday five.
        (dt.date(2025, 3, 5), "next Friday", "2025-03-07"),
        (dt.date(2025, 3, 5), "next Monday", "2025-03-10"),
        (dt.date(2025, 3, 5), "next Wednesday", "2025-03-12"),
        (dt.date(2025, 3, 5), "last Friday", "2025-02-28"),
        (dt.date(2025, 3, 5), "last Monday", "2025-03-03"),
        (dt.date(2025, 3, 5), "last Wednesday", "2025-02-26"),
        (dt.date(2025, 3, 5), "this Wednesday", "2025-03-05"),
        (dt.date(2025, 3, 5), "this Tuesday", "2025-03-04"),
        # A Friday: Monday is three days on, Thursday six.
        (dt.date(2025, 3, 7), "next Monday", "2025-03-10"),
        (dt.date(2025, 3, 7), "next Thursday", "2025-03-13"),
        (dt.date(2025, 3, 7), "last Saturday", "2025-03-01"),
        # A Sunday.
        (dt.date(2025, 3, 9), "next Saturday", "2025-03-15"),
        (dt.date(2025, 3, 9), "last Monday", "2025-03-03"),
    ],
)
def test_weekdays_from_every_day_of_the_week(reference: dt.date, text: str, expected: str) -> None:
    assert value(text, reference) == expected
