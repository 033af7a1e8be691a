import datetime as dt

import attrs
import pytest
from hypothesis import given

from newsdoc import (
    Article,
    Attribution,
    AttributionKind,
    Concept,
    Dateline,
    Event,
    Section,
    Span,
    TimeExpression,
    ValidationError,
    strategies,
)

PARAGRAPHS = ("The Pentagon confirmed the exit.", "Iran’s strike came in January 2020.")


def span(paragraph: int, text: str) -> Span:
    start = PARAGRAPHS[paragraph].index(text)
    return Span(paragraph=paragraph, start=start, end=start + len(text), text=text)


def article(**fields: object) -> Article:
    return Article(
        lead=PARAGRAPHS[:1],
        sections=(Section(heading="Key dates", paragraphs=PARAGRAPHS[1:]),),
        **fields,
    )  # type: ignore[arg-type]


def test_paragraphs_count_lead_then_sections() -> None:
    a = article()
    assert a.paragraphs == PARAGRAPHS
    assert a.text_of(span(1, "January 2020")) == "January 2020"


def test_an_anchored_article_is_accepted() -> None:
    a = article(
        attributions=(
            Attribution(
                kind=AttributionKind.INDIRECT,
                source=span(0, "The Pentagon"),
                cue=span(0, "confirmed"),
                content=(span(0, "the exit"),),
            ),
        ),
        events=(
            Event(
                trigger=span(1, "strike"),
                time=TimeExpression(span=span(1, "January 2020"), value="2020-01"),
                participants=(span(1, "Iran"),),
            ),
        ),
    )
    assert a.events[0].time is not None
    assert a.events[0].time.value == "2020-01"


def test_a_span_that_does_not_hold_its_text_is_refused() -> None:
    wrong = Span(paragraph=0, start=4, end=12, text="Pentagox")
    with pytest.raises(ValidationError, match=r"attributions\[0\].*holds 'Pentagon'"):
        article(
            attributions=(
                Attribution(kind=AttributionKind.DIRECT, source=wrong, cue=span(0, "confirmed")),
            )
        )


def test_a_span_past_the_last_paragraph_is_refused() -> None:
    with pytest.raises(ValidationError, match="paragraph 5 but the body has 2"):
        article(events=(Event(trigger=Span(paragraph=5, start=0, end=1, text="x")),))


def test_a_span_whose_range_and_text_disagree_is_refused() -> None:
    with pytest.raises(ValidationError, match="3 characters long"):
        Span(paragraph=0, start=0, end=3, text="four")
    with pytest.raises(ValidationError, match="must not be empty"):
        Span(paragraph=0, start=2, end=2, text="")
    with pytest.raises(ValidationError):
        Span(paragraph=-1, start=0, end=1, text="x")


@pytest.mark.parametrize(
    "value", ["2014", "201", "20", "2020-01", "2025-03-03", "2025-Q3", "2025-W10-1", "2024-SU",
              "2025-03-03T14:30", "2025-H2"],
)  # fmt: skip
def test_timex_values_in_iso_style_are_accepted(value: str) -> None:
    assert TimeExpression(span=span(1, "January 2020"), value=value).value == value


@pytest.mark.parametrize("value", ["January 2020", "2020-13", "2020-1", "20200101x", "", "Q3"])
def test_other_time_values_are_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="TIMEX3"):
        TimeExpression(span=span(1, "January 2020"), value=value)


def test_datetimes_must_be_timezone_aware() -> None:
    with pytest.raises(ValidationError, match="timezone-aware"):
        Article(created=dt.datetime(2025, 1, 1))
    aware = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    assert Article(created=aware).created == aware


@pytest.mark.parametrize(
    "text", ["", "  ", " padded", "two\nlines", "form\ffeed", "sep\u2028arated"]
)
def test_one_line_texts_are_held_in_normal_form(text: str) -> None:
    with pytest.raises(ValidationError):
        Article(headline=text)
    with pytest.raises(ValidationError):
        Section(heading="Heading", paragraphs=(text,))


def test_collections_are_held_as_tuples() -> None:
    assert Article(lead=["A list is turned into a tuple."]).lead == (
        "A list is turned into a tuple.",
    )
    with pytest.raises(ValidationError, match="item 0 is an int, expected a str"):
        Article(keywords=(3,))  # type: ignore[arg-type]


def test_small_value_types_check_their_invariants() -> None:
    with pytest.raises(ValidationError, match="needs a qcode"):
        Concept()
    assert Concept(qcode="medtop:20000053").name is None
    with pytest.raises(ValidationError, match="between 1 and 9"):
        Article(urgency=10)
    with pytest.raises(ValidationError, match="an int of at least 1"):
        Article(version=0)
    with pytest.raises(ValidationError, match="BCP 47"):
        Article(language="english please")
    with pytest.raises(ValidationError):
        Dateline(place="")


def test_changes_are_made_with_evolve() -> None:
    a = article()
    b = attrs.evolve(a, headline="A new headline")
    assert a.headline is None
    assert b.headline == "A new headline"


@given(strategies.articles())
def test_articles_are_immutable_and_slotted(a: Article) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.headline = "changed"  # type: ignore[misc]
    assert not hasattr(a, "__dict__")
    for value in attrs.astuple(a, recurse=False):
        assert not isinstance(value, (list, dict, set))
    assert hash(a) == hash(attrs.evolve(a))


@pytest.mark.parametrize("field", ["paragraph", "start", "end"])
@pytest.mark.parametrize("value", [-1, True, 1.0, "1"])
def test_span_offsets_must_be_non_negative_ints(field: str, value: object) -> None:
    offsets = {"paragraph": 0, "start": 0, "end": 1, field: value}
    with pytest.raises(ValidationError, match=f"invalid {field}: must be an int of at least 0"):
        Span(**offsets, text="x")  # type: ignore[arg-type]
