"""One way to write a month and a dateline, shared by plain text, NewsML-G2 and extraction."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, Dateline, strategies
from newsdoc._months import MONTH, NUMBERS, month_number
from newsdoc.extract.timex import find_times
from newsdoc.formats._dateline import dateline_from, dateline_text, day_of

SPELLINGS = [  # every name, and every abbreviation with its full stop
    *(name.capitalize() for name in NUMBERS),
    *(
        f"{name.capitalize()}."
        for name in NUMBERS
        if name == "sept" or (len(name) == 3 and name != "may")
    ),
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_is_a_month_with_its_number(spelling: str) -> None:
    assert re.fullmatch(MONTH, spelling)
    assert 1 <= month_number(spelling) <= 12


@pytest.mark.parametrize("word", ["Mayor", "Janet", "Sepember", "march", "Ma."])
def test_other_words_are_not_months(word: str) -> None:
    assert not re.fullmatch(MONTH, word)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("WASHINGTON", Dateline(place="WASHINGTON")),
        ("ST. LOUIS, Sept. 12, 2024", Dateline(place="ST. LOUIS", date="Sept. 12, 2024")),
        ("SÃO PAULO, Brazil, March 3", Dateline(place="SÃO PAULO, Brazil", date="March 3")),
        ("NAIROBI, Kenya", Dateline(place="NAIROBI, Kenya")),
        ("LONDON, Mayor's office", Dateline(place="LONDON, Mayor's office")),
    ],
)
def test_datelines_are_read_and_written_alike(text: str, dateline: Dateline) -> None:
    assert dateline_from(text) == dateline
    assert dateline_text(dateline) == text


@given(
    place=strategies.lines(max_size=30).filter(lambda place: dateline_from(place).date is None),
    month=st.sampled_from(SPELLINGS),
    day=st.integers(1, 31),
    year=st.none() | st.integers(1900, 2099),
)
def test_a_written_dateline_reads_back(place: str, month: str, day: int, year: int | None) -> None:
    date = f"{month} {day}" if year is None else f"{month} {day}, {year}"
    for dateline in (Dateline(place=place), Dateline(place=place, date=date)):
        assert dateline_from(dateline_text(dateline)) == dateline


def test_a_full_date_names_its_day() -> None:
    assert day_of("Sept. 12, 2024") == dt.datetime(2024, 9, 12, tzinfo=dt.timezone.utc)
    assert day_of("Jun 5, 2025") == dt.datetime(2025, 6, 5, tzinfo=dt.timezone.utc)
    assert day_of("Feb. 30, 2025") is None
    assert day_of("March 3") is None
    assert day_of(None) is None


def test_plain_text_newsml_and_extraction_know_the_same_months() -> None:
    lead = "WASHINGTON, Jun. 5, 2025 — Officials met in Jan 2020 and again on Sept 12, 2024."
    article = newsdoc.read(lead, "text")
    assert article.dateline == Dateline(place="WASHINGTON", date="Jun. 5, 2025")
    assert article.created == dt.datetime(2025, 6, 5, tzinfo=dt.timezone.utc)
    values = {match.value for match in find_times(article.lead[0])}
    assert {"2020-01", "2024-09-12"} <= values
    foreign = newsdoc.write(Article(dateline=article.dateline, lead=article.lead), "newsml")
    unmarked = re.sub(r' \w+:place="[^"]*"', "", foreign)
    assert unmarked != foreign
    assert newsdoc.read(unmarked, "newsml").dateline == article.dateline
