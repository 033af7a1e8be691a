import datetime as dt

import pytest

from newsdoc.extract.timex import find_times

MONDAY = dt.date(2025, 3, 3)


def times(text: str, reference: dt.date | None = None) -> list[tuple[str, str | None]]:
    return [(text[m.start : m.end], m.value) for m in find_times(text, reference)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a hub since 2014 during the campaign", [("2014", "2014")]),
        ("In 2014 the base reopened.", [("2014", "2014")]),
        ("a strike in January 2020, which", [("January 2020", "2020-01")]),
        ("by June 30, 2025.", [("June 30, 2025", "2025-06-30")]),
        ("on 3 March 2025", [("3 March 2025", "2025-03-03")]),
        ("Sept. 12, 2024", [("Sept. 12, 2024", "2024-09-12")]),
        ("in May 2019", [("May 2019", "2019-05")]),
        ("the first half of 2026", [("the first half of 2026", "2026-H1")]),
        ("in Q3 2024", [("Q3 2024", "2024-Q3")]),
        ("in the summer of 2023", [("summer of 2023", "2023-SU")]),
        ("first tested in the 1990s", [("the 1990s", "199")]),
        ("taken in 1897", [("1897", "1897")]),
        ("she won the 2014 election", [("2014", "2014")]),
    ],
)
def test_absolute_dates_need_no_reference(text: str, expected: list[tuple[str, str]]) -> None:
    assert times(text) == expected
    assert times(text, MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("walked out on Monday", [("Monday", "2025-03-03")]),
        ("talks broke down on Sunday", [("Sunday", "2025-03-02")]),
        ("a walkout is planned for Friday", [("Friday", "2025-03-07")]),
        ("by Monday evening", [("Monday evening", "2025-03-03")]),
        ("next Tuesday", [("next Tuesday", "2025-03-04")]),
        ("last Monday", [("last Monday", "2025-02-24")]),
        ("Last Friday", [("Last Friday", "2025-02-28")]),
        ("the third quarter", [("the third quarter", "2025-Q1".replace("Q1", "Q3"))]),
        ("the second half of the year", [("the second half of the year", "2025-H2")]),
        ("higher than last year", [("last year", "2024")]),
        ("to be certified next week", [("next week", "2025-W11")]),
        ("sales fell last month", [("last month", "2025-02")]),
        ("yesterday", [("yesterday", "2025-03-02")]),
        ("closes on September 1.", [("September 1", "2025-09-01")]),
    ],
)
def test_relative_expressions_resolve_against_the_reference(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert times(text, MONDAY) == expected
    assert times(text) == [(words, None) for words, _ in expected]


@pytest.mark.parametrize(
    "text",
    [
        "Officials may act soon.",
        "They will march on the capital.",
        "2014 troops left.",
        "It cost 2025 dollars.",
        "a crowd of 1,500 people",
        "for eighteen months",
    ],
)
def test_words_that_only_look_like_dates_are_not_times(text: str) -> None:
    assert times(text, MONDAY) == []


def test_impossible_dates_have_no_value() -> None:
    assert times("on February 30, 2025") == [("February 30, 2025", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The museum announced on Monday that it would return the works.", "2025-03-03"),
        ("He said on Sunday that he will resign.", "2025-03-02"),
        ("On Friday, the union will meet again.", "2025-03-07"),
        ("On Friday, the union met again.", "2025-02-28"),
        ("A second walkout was planned for Tuesday if no offer arrived.", "2025-03-04"),
    ],
)
def test_a_weekday_takes_the_tense_of_its_own_clause(text: str, expected: str) -> None:
    ((_, value),) = times(text, MONDAY)
    assert value == expected


def test_clock_words_are_hours_of_the_reference_date() -> None:
    text = "Teams had reached every village by midday and left at midnight."
    assert times(text, MONDAY) == [("midday", "2025-03-03T12"), ("midnight", "2025-03-03T00")]
    assert times(text) == [("midday", None), ("midnight", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rail workers voted on Thursday to strike from next month.",
         [("Thursday", "2025-02-27"), ("next month", "2025-04")]),
        ("The chief said on Friday, “and we will not cut corners.”", [("Friday", "2025-02-28")]),
        ("The vote will be held on Friday.", [("Friday", "2025-03-07")]),
    ],
)  # fmt: skip
def test_a_past_verb_right_before_the_weekday_dates_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert times(text, MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices fell 12% in May.", [("May", "2024-05")]),
        ("Prices fell in February.", [("February", "2025-02")]),
        ("Elections will be held in May.", [("May", "2025-05")]),
        ("The plant will reopen in January.", [("January", "2026-01")]),
        ("It has rained since last March.", [("last March", "2024-03")]),
        ("Talks resume next March.", [("next March", "2026-03")]),
        ("by mid-July", [("July", "2024-07")]),
        ("We cannot feed them through the summer.", [("summer", "2025-SU")]),
        ("It was dry last summer.", [("last summer", "2024-SU")]),
        ("Last winter was mild.", [("Last winter", "2024-WI")]),
        ("Next fall the school opens.", [("Next fall", "2025-FA")]),
    ],
)  # fmt: skip
def test_months_and_seasons_named_alone_take_the_nearest_year(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert times(text, MONDAY) == expected
    assert times(text) == [(words, None) for words, _ in expected]


@pytest.mark.parametrize(
    "text",
    ["May said she would stay.", "Officials may decide in days.", "The fall in prices.",
     "They fall behind.", "the March 2025 summit"],
)  # fmt: skip
def test_a_month_or_season_needs_words_that_make_it_a_date(text: str) -> None:
    assert all(words not in ("May", "fall", "March") for words, _ in times(text, MONDAY))


def test_a_past_verb_right_before_in_dates_a_month() -> None:
    text = "A fund approved in March would begin paying out later."
    assert times(text, dt.date(2025, 7, 4)) == [("March", "2025-03")]
