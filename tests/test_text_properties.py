"""Round-trip properties of the plain-text format."""

import datetime as dt
import re
import warnings

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import newsdoc
from newsdoc import (
    Article,
    ContentLossWarning,
    Dateline,
    ParseError,
    SerializationError,
    strategies,
)

SEED = (
    "US withdrawal from Al Asad Airbase in Iraq is now complete, Iraqi officials and the "
    "Pentagon confirmed."
)

# Lines of the kinds the plain-text reader tells apart, to build texts from.
text_lines = st.one_of(
    strategies.lines(max_size=120),
    st.sampled_from(
        [
            "",
            "   ",
            "By Jane Doe and Li Wei",
            "Why did the council change course?",
            "Markets react",
            "WASHINGTON — Officials met on Monday.",
            "NAIROBI, Kenya, March 3 – Rain fell.",
            "Sign up for our morning newsletter.",
            "© 2025 Example News Agency. All rights reserved.",
            SEED,
        ]
    ),
)


def _write_quietly(article: Article) -> str:
    """The article as plain text; empty when it holds nothing plain text carries."""
    carried = (article.headline, article.bylines, article.lead, article.sections, article.trailer)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ContentLossWarning)
        if not any(carried):
            with pytest.raises(SerializationError, match="plain text would be empty"):
                newsdoc.write(article, "text")
            return ""
        return newsdoc.write(article, "text")


texts = st.one_of(
    st.lists(text_lines, min_size=1, max_size=12).map("\n".join),
    st.lists(text_lines, min_size=1, max_size=12).map("\r\n\r\n".join),
    strategies.articles().map(_write_quietly),
)


def read_text(text: str) -> Article:
    return newsdoc.read(text, format="text", extract=False)


def text_view(article: Article) -> Article:
    """What the plain-text convention carries of ``article`` (``created``: from the dateline)."""
    return Article(
        created=article.created,
        headline=article.headline,
        subheadline=article.subheadline,
        bylines=article.bylines,
        dateline=article.dateline,
        lead=article.lead,
        sections=article.sections,
        trailer=article.trailer,
    )


MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def assert_created_from_the_dateline(article: Article) -> None:
    """``created`` is midnight UTC of the dateline's day when the dateline names a year."""
    date = article.dateline.date if article.dateline is not None else None
    match = re.fullmatch(r"([A-Z][a-z]{2})[a-z]*\.? (\d{1,2}), (\d{4})", date or "")
    day = None
    if match is not None and match[1].lower() in MONTHS:
        try:
            day = dt.date(int(match[3]), MONTHS.index(match[1].lower()) + 1, int(match[2]))
        except ValueError:
            day = None
    midnight = dt.datetime.combine(day, dt.time(), dt.timezone.utc) if day else None
    assert article.created == midnight


@given(strategies.articles("text"))
@example(Article(dateline=Dateline(place="ST. LOUIS", date="Sept. 12, 2024"), lead=(SEED,)))
def test_text_keeps_everything_the_convention_expresses(article: Article) -> None:
    again = read_text(newsdoc.write(article, "text"))
    assert_created_from_the_dateline(again)
    assert attrs.evolve(again, created=article.created) == article


@given(strategies.articles())
def test_text_drops_only_what_it_cannot_carry(article: Article) -> None:
    written = _write_quietly(article)
    if not written:
        return
    again = read_text(written)
    assert again == text_view(again)
    assert_created_from_the_dateline(again)
    for paragraph in again.paragraphs:
        assert paragraph in written


@given(texts)
@example(SEED)
def test_writing_is_a_fixed_point(text: str) -> None:
    try:
        first = read_text(text)
    except ParseError:
        return
    assert read_text(newsdoc.write(first, "text")) == first


@given(strategies.al_asad_articles())
def test_recombined_al_asad_articles_keep_their_words(article: Article) -> None:
    assert read_text(newsdoc.write(article, "text")) == text_view(article)


def test_what_text_cannot_carry_is_left_out_with_a_warning_when_structural() -> None:
    article = Article(subheadline="A deck without a headline", lead=("A lead paragraph.",))
    with pytest.warns(ContentLossWarning):
        written = newsdoc.write(article, "text")
    assert "A deck" not in written
    plain = attrs.evolve(article, subheadline=None, keywords=("iraq",), version=3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert newsdoc.write(plain, "text") == "A lead paragraph."
