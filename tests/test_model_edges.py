"""Model validators at their edges: every refusal's field and reason, every limit on both sides."""

import datetime as dt
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsdoc import (
    Article,
    Attribution,
    AttributionKind,
    Concept,
    Dateline,
    Event,
    Extension,
    Link,
    Mark,
    MarkKind,
    Name,
    Party,
    PubStatus,
    Rights,
    RoleText,
    Section,
    Span,
    TimeExpression,
    ValidationError,
)

LEAD = ("The Pentagon confirmed the exit.", "Iran struck in January 2020.")
UTC = dt.timezone.utc


def span(paragraph: int, text: str) -> Span:
    start = LEAD[paragraph].index(text)
    return Span(paragraph=paragraph, start=start, end=start + len(text), text=text)


PENTAGON = span(0, "Pentagon")
CONFIRMED = span(0, "confirmed")
STRUCK = span(1, "struck")


def refusal(make: Any) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        make()
    error = caught.value
    assert str(error) == f"invalid {error.field}: {error.reason}"
    assert error.args == (error.field, error.reason)
    return error.field, error.reason


# --- messages: how refused values are shown ----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("x" * 60, repr("x" * 60)),
        ("x" * 61, repr("x" * 60) + "…"),
        (None, "None"),
        (True, "True"),
        (False, "False"),
        (3, "an int"),
        (3.5, "a float"),
        (b"x", "a bytes"),
        (Concept(name="war"), "a Concept"),
        (AttributionKind.DIRECT, "an AttributionKind"),
        (Event(trigger=PENTAGON), "an Event"),
        (Extension(format="x", path="/x"), "an Extension"),
        (object(), "an object"),
        (UTC, "a timezone"),
    ],
)
def test_refused_values_are_quoted_cut_or_named(value: object, shown: str) -> None:
    assert refusal(lambda: TimeExpression(span=value)) == ("span", f"must be a Span, not {shown}")


@pytest.mark.parametrize(
    ("make", "field", "reason"),
    [
        (lambda: Article(events=["strike"]), "events", "item 0 is 'strike', expected an Event"),
        (lambda: Article(attributions=[None]), "attributions",
         "item 0 is None, expected an Attribution"),
        (lambda: Article(extensions=[1]), "extensions", "item 0 is an int, expected an Extension"),
        (lambda: Article(sections=["Key dates"]), "sections",
         "item 0 is 'Key dates', expected a Section"),
        (lambda: Article(genres=[CONCEPT_WAR, "war"]), "genres",
         "item 1 is 'war', expected a Concept"),
        (lambda: Article(subjects=[CONCEPT_WAR, CONCEPT_WAR, 7]), "subjects",
         "item 2 is an int, expected a Concept"),
        (lambda: Event(trigger=PENTAGON, places=[PENTAGON, "Baghdad"]), "places",
         "item 1 is 'Baghdad', expected a Span"),
        (lambda: Event(trigger=PENTAGON, participants=[False]), "participants",
         "item 0 is False, expected a Span"),
        (lambda: Attribution(kind="direct", source=PENTAGON, cue=CONFIRMED, content=[1.5]),
         "content", "item 0 is a float, expected a Span"),
        (lambda: Article(lead=["One.", "Two.", 3]), "lead", "item 2 is an int, expected a str"),
        (lambda: Article(bylines=["Jane", None]), "bylines", "item 1 is None, expected a str"),
        (lambda: Article(trailer=[b"x"]), "trailer", "item 0 is a bytes, expected a str"),
        (lambda: Section(heading="H", paragraphs=["ok", "ok", ["x"]]), "paragraphs",
         "item 2 is a list, expected a str"),
    ],
)  # fmt: skip
def test_a_wrong_item_is_named_by_its_index_and_kind(make: Any, field: str, reason: str) -> None:
    assert refusal(make) == (field, reason)


CONCEPT_WAR = Concept(name="war")


def test_the_index_is_the_wrong_items_own_even_after_equal_items() -> None:
    # An item equal but not identical to an earlier one is still found at its own index.
    assert refusal(lambda: Article(keywords=["a", "b", 1])) == (
        "keywords",
        "item 2 is an int, expected a str",
    )


@pytest.mark.parametrize(
    ("make", "field", "kind"),
    [
        (lambda: Article(lead="One paragraph."), "lead", "str"),
        (lambda: Article(keywords=b"iraq"), "keywords", "str"),
        (lambda: Article(bylines={"Jane"}), "bylines", "str"),
        (lambda: Article(trailer=5), "trailer", "str"),
        (lambda: Article(sections={"a": 1}), "sections", "Section"),
        (lambda: Article(genres=bytearray(b"x")), "genres", "Concept"),
        (lambda: Article(subjects=memoryview(b"x")), "subjects", "Concept"),
        (lambda: Article(attributions=frozenset()), "attributions", "Attribution"),
        (lambda: Article(events=None), "events", "Event"),
        (lambda: Article(extensions=3), "extensions", "Extension"),
        (lambda: Event(trigger=PENTAGON, places="Baghdad"), "places", "Span"),
        (lambda: Event(trigger=PENTAGON, participants=1), "participants", "Span"),
        (lambda: Attribution(kind="direct", source=PENTAGON, cue=CONFIRMED, content=PENTAGON),
         "content", "Span"),
        (lambda: Section(heading="H", paragraphs="text"), "paragraphs", "str"),
        (lambda: Extension(format="x", path="/x", attributes="ab"), "attributes", "tuple"),
    ],
)  # fmt: skip
def test_a_non_sequence_is_refused_naming_the_item_kind(make: Any, field: str, kind: str) -> None:
    got_field, reason = refusal(make)
    assert got_field == field
    assert reason.startswith(
        f"must be a tuple or another ordered iterable of {kind} (a list, a generator …), not "
    )


def test_the_refused_non_sequence_is_shown() -> None:
    assert refusal(lambda: Article(lead="One paragraph.")) == (
        "lead",
        "must be a tuple or another ordered iterable of str (a list, a generator …), "
        "not 'One paragraph.'",
    )


def test_iterables_become_tuples_and_tuples_stay_themselves() -> None:
    lead = ("One.", "Two.")
    assert Article(lead=lead).lead is lead
    assert Article(lead=iter(lead)).lead == lead
    assert Article(lead=[*lead]).lead == lead
    assert type(Article(lead=[*lead]).lead) is tuple
    assert Extension(format="x", path="/x", attributes=[("a", "1")]).attributes == (("a", "1"),)
    assert Event(trigger=PENTAGON, places=[PENTAGON]).places == (PENTAGON,)


# --- single values ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "field", "reason"),
    [
        (lambda: Event(trigger=None), "trigger", "must be a Span, not None"),
        (lambda: TimeExpression(span=None), "span", "must be a Span, not None"),
        (lambda: Attribution(kind="direct", source=PENTAGON, cue=None), "cue",
         "must be a Span, not None"),
        (lambda: Event(trigger=PENTAGON, time="2020"), "time",
         "must be a TimeExpression or None, not '2020'"),
        (lambda: Article(provider=Rights(holder="x")), "provider",
         "must be a Concept or None, not a Rights"),
        (lambda: Article(rights=Concept(name="x")), "rights",
         "must be a Rights or None, not a Concept"),
        (lambda: Article(headline=""), "headline",
         "'' must be non-empty, without leading or trailing white space"),
        (lambda: Article(headline=" Padded"), "headline",
         "' Padded' must be non-empty, without leading or trailing white space"),
        (lambda: Article(slugline="Padded\t"), "slugline",
         "'Padded\\t' must be non-empty, without leading or trailing white space"),
        (lambda: Article(creditline="A\u2028B"), "creditline",
         "'A\\u2028B' must be one line, without line breaks"),
        (lambda: Article(subheadline="A\rB"), "subheadline",
         "'A\\rB' must be one line, without line breaks"),
        (lambda: Dateline(place=3), "place", "must be a str, not an int"),
        (lambda: Article(lead=["One.", "Two\nthree."]), "lead",
         "'Two\\nthree.' must be one line, without line breaks"),
        (lambda: Article(keywords=["ok", ""]), "keywords",
         "'' must be non-empty, without leading or trailing white space"),
        (lambda: Concept(uri=""), "uri", "must not be empty or blank"),
        (lambda: Concept(name="\n"), "name", "must not be empty or blank"),
        (lambda: Concept(name=None, uri=7), "uri", "must be a str, not an int"),
        (lambda: Rights(notice=" "), "notice", "must not be empty or blank"),
        (lambda: Rights(usage_terms=""), "usage_terms", "must not be empty or blank"),
        (lambda: Rights(holder=1), "holder", "must be a str, not an int"),
        (lambda: Article(description="  "), "description", "must not be empty or blank"),
        (lambda: Article(id=5), "id", "must be a str, not an int"),
        (lambda: Article(created=dt.date(2020, 1, 1)), "created", "must be a datetime, not a date"),
        (lambda: Article(updated="now"), "updated", "must be a datetime, not 'now'"),
        (lambda: Article(updated=dt.datetime(2020, 1, 1)), "updated", "must be timezone-aware"),
        (lambda: Article(language="e"), "language", "'e' is not a BCP 47 language tag"),
        (lambda: Article(language="en-"), "language", "'en-' is not a BCP 47 language tag"),
        (lambda: Article(language=None, version="1"), "version",
         "must be an int of at least 1 that fits in 64 bits"),
        (lambda: TimeExpression(span=PENTAGON, value="2020-13"), "value",
         "'2020-13' is not an ISO-8601 (TIMEX3 style) calendar value"),
        (lambda: TimeExpression(span=PENTAGON, value=None), None, None),
        (lambda: Article(urgency=-1), "urgency", "must be an int between 1 and 9"),
        (lambda: Article(urgency="5"), "urgency", "must be an int between 1 and 9"),
    ],
)  # fmt: skip
def test_each_single_value_refusal(make: Any, field: str | None, reason: str | None) -> None:
    if field is None:
        make()
    else:
        assert refusal(make) == (field, reason)


@pytest.mark.parametrize(
    ("field", "kind", "values"),
    [
        ("pub_status", "a PubStatus", "'usable', 'withheld', 'canceled', or None"),
    ],
)
def test_enum_refusals_list_the_values(field: str, kind: str, values: str) -> None:
    assert refusal(lambda: Article(pub_status="published")) == (
        field,
        f"must be {kind} or one of its values {values}, not 'published'",
    )
    assert refusal(lambda: Article(pub_status=AttributionKind.DIRECT)) == (
        field,
        f"must be {kind} or one of its values {values}, not an AttributionKind",
    )


def test_an_attribution_kind_may_not_be_none() -> None:
    assert refusal(lambda: Attribution(kind=None, source=PENTAGON, cue=CONFIRMED)) == (
        "kind",
        "must be an AttributionKind or one of its values 'direct', 'indirect', 'refusal', not None",
    )
    assert refusal(lambda: Attribution(kind=PubStatus.USABLE, source=PENTAGON, cue=CONFIRMED)) == (
        "kind",
        "must be an AttributionKind or one of its values 'direct', 'indirect', 'refusal', "
        "not a PubStatus",
    )


def test_enum_values_and_members_are_taken() -> None:
    for kind in AttributionKind:
        attribution = Attribution(kind=kind.value, source=PENTAGON, cue=CONFIRMED)
        assert attribution.kind is kind
    for status in PubStatus:
        assert Article(pub_status=status.value).pub_status is status
        assert Article(pub_status=status).pub_status is status
    assert Article(pub_status=None).pub_status is None


def test_optional_values_may_be_none_and_valid_values_pass() -> None:
    moment = dt.datetime(2020, 1, 1, tzinfo=UTC)
    article = Article(
        id="urn:x",
        version=1,
        language="en-GB",
        created=moment,
        updated=moment,
        provider=CONCEPT_WAR,
        headline="H",
        dateline=Dateline(place="BAGHDAD", date="May 5"),
        located=CONCEPT_WAR,
        rights=Rights(usage_terms="Free"),
        urgency=5,
        description="A summary\nover two lines.",
    )
    assert article.description == "A summary\nover two lines."
    assert Article().id is None
    assert Dateline(place="BAGHDAD").date is None


# --- Concept, Rights and Extension --------------------------------------------------------------


@pytest.mark.parametrize("fields", [{"qcode": "medtop:1"}, {"uri": "http://x"}, {"name": "war"}])
def test_a_concept_needs_any_one_of_its_fields(fields: dict[str, str]) -> None:
    assert Concept(**fields)


@pytest.mark.parametrize(
    "fields", [{"holder": "Agency"}, {"notice": "Copyright"}, {"usage_terms": "Free"}]
)
def test_rights_need_any_one_of_their_fields(fields: dict[str, str]) -> None:
    assert Rights(**fields)


def test_empty_concept_and_rights_are_refused_as_a_whole() -> None:
    assert refusal(Concept) == ("concept", "needs a qcode, a uri, a name or a literal")
    assert refusal(Rights) == ("rights", "needs a holder, a notice or usage terms")


@pytest.mark.parametrize(
    ("fields", "field", "reason"),
    [
        ({"format": "", "path": "/x"}, "format", "must be a string, not empty or blank"),
        ({"format": " ", "path": "/x"}, "format", "must be a string, not empty or blank"),
        ({"format": 1, "path": "/x"}, "format", "must be a string, not empty or blank"),
        ({"format": "x", "path": ""}, "path", "must be a string, not empty or blank"),
        ({"format": "x", "path": None}, "path", "must be a string, not empty or blank"),
        ({"format": "x", "path": "/x", "content": None}, "content",
         "must be a string, not NoneType"),
        ({"format": "x", "path": "/x", "content": 3}, "content", "must be a string, not int"),
        ({"format": "x", "path": "/x", "attributes": [["a", "1"]]}, "attributes",
         "item 0 is a list, expected a tuple"),
        ({"format": "x", "path": "/x", "attributes": [("a", "1"), "b"]}, "attributes",
         "item 1 is 'b', expected a tuple"),
        ({"format": "x", "path": "/x", "attributes": [("a",)]}, "attributes",
         "('a',) is not a (name, value) pair of strings with a name"),
        ({"format": "x", "path": "/x", "attributes": [()]}, "attributes",
         "() is not a (name, value) pair of strings with a name"),
        ({"format": "x", "path": "/x", "attributes": [("a", "1", "2")]}, "attributes",
         "('a', '1', '2') is not a (name, value) pair of strings with a name"),
        ({"format": "x", "path": "/x", "attributes": [(1, "1")]}, "attributes",
         "(1, '1') is not a (name, value) pair of strings with a name"),
        ({"format": "x", "path": "/x", "attributes": [("a", 1)]}, "attributes",
         "('a', 1) is not a (name, value) pair of strings with a name"),
        ({"format": "x", "path": "/x", "attributes": [(" ", "1")]}, "attributes",
         "(' ', '1') is not a (name, value) pair of strings with a name"),
    ],
)  # fmt: skip
def test_extension_refusals(fields: dict[str, Any], field: str, reason: str) -> None:
    assert refusal(lambda: Extension(**fields)) == (field, reason)


def test_a_pair_of_exactly_sixty_characters_is_shown_whole() -> None:
    long_pair = ("a" * 53, 1)
    assert len(repr(long_pair)) == 60
    assert refusal(lambda: Extension(format="x", path="/x", attributes=[long_pair])) == (
        "attributes",
        f"{long_pair!r} is not a (name, value) pair of strings with a name",
    )
    longer = ("a" * 54, 1)
    assert refusal(lambda: Extension(format="x", path="/x", attributes=[longer])) == (
        "attributes",
        f"{repr(longer)[:60]}… is not a (name, value) pair of strings with a name",
    )


def test_extension_attributes_may_have_empty_values() -> None:
    extension = Extension(format="x", path="/x", attributes=[("a", ""), ("{urn:x}b", " ")])
    assert extension.attributes == (("a", ""), ("{urn:x}b", " "))
    assert Extension(format="x", path="/x").content == ""


# --- Span ---------------------------------------------------------------------------------------


LARGEST = 2**63 - 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"paragraph": -1, "start": 0, "end": 1}, "paragraph"),
        ({"paragraph": 0, "start": -1, "end": 0}, "start"),
        ({"paragraph": 0, "start": 0, "end": -1}, "end"),
        ({"paragraph": LARGEST + 1, "start": 0, "end": 1}, "paragraph"),
        ({"paragraph": 0, "start": LARGEST + 1, "end": LARGEST + 2}, "start"),
        ({"paragraph": 0, "start": LARGEST, "end": LARGEST + 1}, "end"),
        ({"paragraph": 0.0, "start": 0, "end": 1}, "paragraph"),
        ({"paragraph": 0, "start": False, "end": 1}, "start"),
        ({"paragraph": 0, "start": 0, "end": "1"}, "end"),
        ({"paragraph": None, "start": None, "end": None}, "paragraph"),
        ({"paragraph": False, "start": False, "end": 1}, "paragraph"),
        ({"paragraph": 0.0, "start": 0.0, "end": 1.0}, "paragraph"),
        ({"paragraph": 0, "start": 0.0, "end": 1.0}, "start"),
    ],
)
def test_span_numbers_are_checked_in_order(fields: dict[str, Any], field: str) -> None:
    assert refusal(lambda: Span(**fields, text="x")) == (
        field,
        "must be an int of at least 0 that fits in 64 bits",
    )


@given(
    paragraph=st.integers(0, LARGEST),
    start=st.integers(0, LARGEST - 1),
)
@example(paragraph=0, start=0)
@example(paragraph=LARGEST, start=LARGEST - 1)
@example(paragraph=1, start=1)
def test_spans_take_every_non_negative_64_bit_position(paragraph: int, start: int) -> None:
    span = Span(paragraph=paragraph, start=start, end=start + 1, text="x")
    assert (span.paragraph, span.start, span.end) == (paragraph, start, start + 1)


@pytest.mark.parametrize(
    ("start", "end", "text", "reason"),
    [
        (2, 5, "ab", "range 2:5 is 3 characters long but claims 2 ('ab')"),
        (2, 3, "ab", "range 2:3 is 1 characters long but claims 2 ('ab')"),
        (3, 2, "", "range 3:2 is -1 characters long but claims 0 ('')"),
        (4, 4, "", "must not be empty"),
    ],
)
def test_span_ranges_must_hold_their_text(start: int, end: int, text: str, reason: str) -> None:
    assert refusal(lambda: Span(paragraph=0, start=start, end=end, text=text)) == ("span", reason)


# --- anchors ------------------------------------------------------------------------------------


def test_anchors_are_checked_for_every_attribution_and_event_span() -> None:
    far = Span(paragraph=2, start=0, end=1, text="T")
    wrong = Span(paragraph=0, start=0, end=3, text="Thx")
    time = TimeExpression(span=span(1, "January 2020"), value="2020-01")
    good_attribution = Attribution(kind="direct", source=PENTAGON, cue=CONFIRMED)
    good_event = Event(trigger=STRUCK, time=time, places=[span(1, "Iran")])
    Article(lead=LEAD, attributions=[good_attribution], events=[good_event])
    cases = [
        ({"attributions": [good_attribution,
                           Attribution(kind="direct", source=far, cue=CONFIRMED)]},
         "attributions[1]", "span points at paragraph 2 but the body has 2"),
        ({"attributions": [Attribution(kind="direct", source=PENTAGON, cue=wrong)]},
         "attributions[0]", "span 0:0:3 holds 'The', not the claimed 'Thx'"),
        ({"attributions": [Attribution(kind="direct", source=PENTAGON, cue=CONFIRMED,
                                       content=[PENTAGON, far])]},
         "attributions[0]", "span points at paragraph 2 but the body has 2"),
        ({"attributions": [Attribution(kind="direct", source=PENTAGON, cue=CONFIRMED,
                                       antecedent=wrong)]},
         "attributions[0]", "span 0:0:3 holds 'The', not the claimed 'Thx'"),
        ({"events": [good_event, Event(trigger=far)]}, "events[1]",
         "span points at paragraph 2 but the body has 2"),
        ({"events": [Event(trigger=STRUCK, time=TimeExpression(span=wrong))]}, "events[0]",
         "span 0:0:3 holds 'The', not the claimed 'Thx'"),
        ({"events": [Event(trigger=STRUCK, places=[wrong])]}, "events[0]",
         "span 0:0:3 holds 'The', not the claimed 'Thx'"),
        ({"events": [Event(trigger=STRUCK, participants=[far])]}, "events[0]",
         "span points at paragraph 2 but the body has 2"),
        ({"attributions": [good_attribution], "events": [Event(trigger=far)]}, "events[0]",
         "span points at paragraph 2 but the body has 2"),
        ({"events": [good_event], "attributions": [Attribution(kind="refusal", source=far,
                                                               cue=CONFIRMED)]},
         "attributions[0]", "span points at paragraph 2 but the body has 2"),
    ]  # fmt: skip
    for fields, where, reason in cases:
        assert refusal(lambda fields=fields: Article(lead=LEAD, **fields)) == (where, reason)


def test_anchors_count_section_paragraphs_after_the_lead() -> None:
    section = Section(heading="More", paragraphs=("Troops left.",))
    left = Span(paragraph=2, start=7, end=11, text="left")
    article = Article(lead=LEAD, sections=[section], events=[Event(trigger=left)])
    assert article.text_of(left) == "left"
    assert refusal(lambda: Article(lead=LEAD, events=[Event(trigger=left)])) == (
        "events[0]",
        "span points at paragraph 2 but the body has 2",
    )


def test_spans_list_every_span_in_order() -> None:
    time = TimeExpression(span=span(1, "January 2020"))
    event = Event(trigger=STRUCK, time=time, places=[span(1, "Iran")], participants=[PENTAGON])
    assert list(event.spans()) == [STRUCK, time.span, span(1, "Iran"), PENTAGON]
    assert list(Event(trigger=STRUCK).spans()) == [STRUCK]
    attribution = Attribution(
        kind="direct", source=PENTAGON, cue=CONFIRMED, content=[STRUCK], antecedent=PENTAGON
    )
    assert list(attribution.spans()) == [PENTAGON, CONFIRMED, STRUCK, PENTAGON]
    bare = Attribution(kind="refusal", source=PENTAGON, cue=CONFIRMED)
    assert list(bare.spans()) == [PENTAGON, CONFIRMED]


# --- parties and links --------------------------------------------------------------------------


def test_a_party_and_a_link_are_refused_as_a_whole_when_they_name_nothing() -> None:
    assert refusal(Party) == ("party", "needs a name, a qcode or a uri")
    assert refusal(lambda: Party(kind="cptype:person", roles=["crol:author"])) == (
        "party",
        "needs a name, a qcode or a uri",
    )
    assert refusal(Link) == ("link", "needs a target or a target_id")
    assert refusal(lambda: Link(relation="irel:seeAlso", version=1)) == (
        "link",
        "needs a target or a target_id",
    )
    assert Link(target="https://example.org/x").target_id is None
    assert Link(target_id="urn:x:1").target is None


# --- marks --------------------------------------------------------------------------------------


BODY = ("Pentagon officials confirmed the exit.",)


def mark(kind: str, start: int, end: int, **fields: Any) -> Mark:
    text = BODY[0][start:end]
    return Mark(kind=kind, span=Span(paragraph=0, start=start, end=end, text=text), **fields)


def held(*marks: Mark) -> list[tuple[str, int, int, str | None, tuple[tuple[str, str], ...]]]:
    article = Article(lead=BODY, marks=marks)
    for one in article.marks:
        assert article.text_of(one.span) == one.span.text
    return [
        (one.kind.value, one.span.start, one.span.end, one.href, one.attributes)
        for one in article.marks
    ]


@pytest.mark.parametrize(
    ("make", "field", "reason"),
    [
        (lambda: mark("emphasis", 0, 8, href=3), "href", "must be a str or None, not an int"),
        (lambda: mark("link", 0, 8, href=b"x"), "href", "must be a str or None, not a bytes"),
        (lambda: mark("emphasis", 0, 8, href="https://example.org"), "href",
         "only a link has one, not emphasis"),
        (lambda: mark("person", 0, 8, href=""), "href", "only a link has one, not person"),
        (lambda: mark("link", 0, 8, attributes=[("title", "t"), ("href", "x")]), "attributes",
         "a link's target is its href, not an attribute"),
        (lambda: mark("link", 0, 8, attributes=[("title", "a"), ("rel", "b"), ("title", "c")]),
         "attributes", "an attribute name appears more than once"),
        (lambda: mark("link", 0, 8, attributes=[("title",)]), "attributes",
         "('title',) is not a (name, value) pair of strings with a name"),
        (lambda: mark("bold", 0, 8), "kind",
         "must be a MarkKind or one of its values 'emphasis', 'strong', 'link', 'person', "
         "'organization', 'location', not 'bold'"),
        (lambda: Mark(kind=None, span=PENTAGON), "kind",
         "must be a MarkKind or one of its values 'emphasis', 'strong', 'link', 'person', "
         "'organization', 'location', not None"),
        (lambda: Mark(kind="link", span=None), "span", "must be a Span, not None"),
        (lambda: Mark(kind="link", span="Pentagon"), "span", "must be a Span, not 'Pentagon'"),
    ],
)  # fmt: skip
def test_each_mark_refusal(make: Any, field: str, reason: str) -> None:
    assert refusal(make) == (field, reason)


def test_a_mark_keeps_what_it_was_given() -> None:
    link = mark("link", 0, 8, href="https://example.org/dod", attributes=[("title", "DoD")])
    assert (link.kind, link.href, link.attributes) == (
        MarkKind.LINK,
        "https://example.org/dod",
        (("title", "DoD"),),
    )
    anchor = mark("link", 0, 8, attributes=[("name", "top")])
    assert anchor.href is None
    assert mark("person", 0, 8, attributes=[("idsrc", "x"), ("value", "")]).href is None
    assert mark("link", 0, 8, href="").href == ""


def test_marks_are_refused_by_their_index_when_they_miss_the_body() -> None:
    beyond = Mark(kind="emphasis", span=Span(paragraph=1, start=0, end=3, text="Pen"))
    assert refusal(lambda: Article(lead=BODY, marks=[mark("strong", 0, 8), beyond])) == (
        "marks[1]",
        "span points at paragraph 1 but the body has 1",
    )
    wrong = Mark(kind="emphasis", span=Span(paragraph=0, start=1, end=4, text="Pen"))
    assert refusal(lambda: Article(lead=BODY, marks=[wrong])) == (
        "marks[0]",
        "span 0:1:4 holds 'ent', not the claimed 'Pen'",
    )
    assert refusal(lambda: Article(lead=BODY, marks=[mark("strong", 0, 8), "x"])) == (
        "marks",
        "item 1 is 'x', expected a Mark",
    )


def test_marks_are_held_in_reading_order_outer_first_then_by_kind_and_target() -> None:
    given_order = [
        mark("strong", 19, 28),
        mark("person", 0, 8),
        mark("emphasis", 0, 8),
        mark("link", 0, 18, href="https://b.example"),
        mark("link", 0, 18, href="https://a.example"),
        mark("link", 0, 18),
        mark("location", 0, 18, attributes=[("value", "b")]),
        mark("location", 0, 18, attributes=[("value", "a")]),
        mark("emphasis", 9, 18),
        mark("link", 0, 18, href="A"),
        mark("link", 0, 18, href=""),
    ]
    assert held(*given_order) == [
        ("link", 0, 18, None, ()),
        ("link", 0, 18, "", ()),
        ("link", 0, 18, "A", ()),
        ("link", 0, 18, "https://a.example", ()),
        ("link", 0, 18, "https://b.example", ()),
        ("location", 0, 18, None, (("value", "a"),)),
        ("location", 0, 18, None, (("value", "b"),)),
        ("emphasis", 0, 8, None, ()),
        ("person", 0, 8, None, ()),
        ("emphasis", 9, 18, None, ()),
        ("strong", 19, 28, None, ()),
    ]


def test_marks_in_canonical_order_are_held_as_given() -> None:
    marks = (mark("emphasis", 0, 8), mark("strong", 9, 18))
    article = Article(lead=BODY, marks=marks)
    assert article.marks is marks
    assert Article(lead=BODY, marks=list(marks)).marks == marks
    assert Article(lead=BODY, marks=()).marks == ()


def test_equal_marks_that_touch_or_overlap_merge_and_others_stay_apart() -> None:
    # touching: 0:8 and 8:18 make one mark over "Pentagon officials"
    assert held(mark("emphasis", 8, 18), mark("emphasis", 0, 8), mark("strong", 19, 28)) == [
        ("emphasis", 0, 18, None, ()),
        ("strong", 19, 28, None, ()),
    ]
    # overlapping: "Pentag" and "tagon officials" make "Pentagon officials"
    merged = Article(lead=BODY, marks=[mark("strong", 0, 6), mark("strong", 3, 18)]).marks
    assert merged == (
        Mark(kind="strong", span=Span(paragraph=0, start=0, end=18, text="Pentagon officials")),
    )
    # inside the last one: nothing changes
    assert held(mark("emphasis", 0, 18), mark("emphasis", 3, 8)) == [
        ("emphasis", 0, 18, None, ()),
    ]
    assert held(mark("emphasis", 0, 18), mark("emphasis", 9, 18)) == [
        ("emphasis", 0, 18, None, ()),
    ]
    # three in a row, then more after them: every one is kept in order
    assert held(
        mark("emphasis", 0, 8),
        mark("emphasis", 8, 9),
        mark("emphasis", 9, 18),
        mark("emphasis", 19, 28),
        mark("link", 19, 28, href="https://example.org"),
        mark("link", 28, 38, href="https://example.org"),
        mark("strong", 29, 32),
    ) == [
        ("emphasis", 0, 18, None, ()),
        ("link", 19, 38, "https://example.org", ()),
        ("emphasis", 19, 28, None, ()),
        ("strong", 29, 32, None, ()),
    ]
    # a gap of one character, another kind, target or attribute: apart
    assert held(mark("emphasis", 0, 8), mark("emphasis", 9, 18)) == [
        ("emphasis", 0, 8, None, ()),
        ("emphasis", 9, 18, None, ()),
    ]
    assert held(mark("emphasis", 0, 8), mark("strong", 8, 18)) == [
        ("emphasis", 0, 8, None, ()),
        ("strong", 8, 18, None, ()),
    ]
    assert held(mark("link", 0, 8, href="https://a"), mark("link", 8, 18, href="https://b")) == [
        ("link", 0, 8, "https://a", ()),
        ("link", 8, 18, "https://b", ()),
    ]
    assert held(
        mark("person", 0, 8, attributes=[("value", "a")]),
        mark("person", 8, 18, attributes=[("value", "b")]),
    ) == [
        ("person", 0, 8, None, (("value", "a"),)),
        ("person", 8, 18, None, (("value", "b"),)),
    ]


def test_merged_marks_keep_their_paragraph_and_attributes() -> None:
    lead = ("First.", "Second paragraph here.")
    first = Mark(
        kind="link",
        span=Span(paragraph=1, start=0, end=6, text="Second"),
        href="https://example.org",
        attributes=[("title", "t")],
    )
    second = Mark(
        kind="link",
        span=Span(paragraph=1, start=4, end=16, text="nd paragraph"),
        href="https://example.org",
        attributes=[("title", "t")],
    )
    other = Mark(kind="link", span=Span(paragraph=0, start=0, end=5, text="First"))
    assert Article(lead=lead, marks=[second, first, other]).marks == (
        other,
        Mark(
            kind="link",
            span=Span(paragraph=1, start=0, end=16, text="Second paragraph"),
            href="https://example.org",
            attributes=[("title", "t")],
        ),
    )


# --- codes, names, languages, notes and numbers -------------------------------------------------


class Xylophone:
    """A value whose type name starts with a consonant, X."""


class Umbrella:
    """A value whose type name starts with a capital vowel."""


def test_type_names_take_a_or_an_by_their_first_letter() -> None:
    assert refusal(lambda: TimeExpression(span=Xylophone())) == (
        "span",
        "must be a Span, not a Xylophone",
    )
    assert refusal(lambda: TimeExpression(span=Umbrella())) == (
        "span",
        "must be a Span, not an Umbrella",
    )


@pytest.mark.parametrize(
    ("make", "field", "reason"),
    [
        (lambda: Concept(name="x", kind="cptype: city"), "kind",
         "'cptype: city' must be one token without spaces"),
        (lambda: Concept(name="x", kind=" cptype:city"), "kind",
         "' cptype:city' must be one token without spaces"),
        (lambda: Concept(name="x", kind="cptype:city\n"), "kind",
         "'cptype:city\\n' must be one token without spaces"),
        (lambda: Concept(name="x", kind=""), "kind", "'' must be one token without spaces"),
        (lambda: Concept(name="x", kind=3), "kind", "must be a str, not an int"),
        (lambda: Party(name="x", roles=["crol:author", "crol:photo grapher"]), "roles",
         "'crol:photo grapher' must be one token without spaces"),
        (lambda: Party(name="x", roles=["crol:author", 7]), "roles",
         "item 1 is an int, expected a str"),
        (lambda: Party(name="x", roles="crol:author"), "roles",
         "must be a tuple or another ordered iterable of str (a list, a generator …), "
         "not 'crol:author'"),
        (lambda: RoleText(text="x", role="hlrole: short"), "role",
         "'hlrole: short' must be one token without spaces"),
        (lambda: Name(text="x", language="e n"), "language",
         "'e n' is not a BCP 47 language tag"),
        (lambda: Name(text="x", language=5), "language", "must be a str, not an int"),
        (lambda: RoleText(text="x", language="english!"), "language",
         "'english!' is not a BCP 47 language tag"),
        (lambda: Name(text=" "), "text", "must not be empty or blank"),
        (lambda: Article(editorial_notes=["Check the figures.", " "]), "editorial_notes",
         "must not hold an empty or blank text"),
        (lambda: Article(editorial_notes=["Check the figures.", ""]), "editorial_notes",
         "must not hold an empty or blank text"),
        (lambda: Article(editorial_notes=["Check.", None]), "editorial_notes",
         "item 1 is None, expected a str"),
        (lambda: Article(editorial_notes="Check."), "editorial_notes",
         "must be a tuple or another ordered iterable of str (a list, a generator …), "
         "not 'Check.'"),
        (lambda: Concept(name="x", rank=-1), "rank",
         "must be an int of at least 0 that fits in 64 bits"),
        (lambda: Concept(name="x", rank=LARGEST + 1), "rank",
         "must be an int of at least 0 that fits in 64 bits"),
        (lambda: Concept(name="x", rank=True), "rank",
         "must be an int of at least 0 that fits in 64 bits"),
        (lambda: Link(target="x", version=0), "version",
         "must be an int of at least 1 that fits in 64 bits"),
        (lambda: Article(version=0), "version",
         "must be an int of at least 1 that fits in 64 bits"),
        (lambda: Article(urgency=0), "urgency", "must be an int between 1 and 9"),
        (lambda: Article(urgency=10), "urgency", "must be an int between 1 and 9"),
        (lambda: Article(urgency=5.0), "urgency", "must be an int between 1 and 9"),
    ],
)  # fmt: skip
def test_codes_names_languages_notes_and_numbers_refused(
    make: Any, field: str, reason: str
) -> None:
    assert refusal(make) == (field, reason)


def test_codes_languages_notes_and_numbers_at_their_edges_pass() -> None:
    concept = Concept(name="x", kind="cptype:city", rank=0)
    assert (concept.kind, concept.rank) == ("cptype:city", 0)
    assert Concept(name="x", rank=LARGEST).rank == LARGEST
    assert Concept(name="x").rank is None
    assert Party(name="x", roles=["crol:author", "crol:editor"]).roles == (
        "crol:author",
        "crol:editor",
    )
    assert Name(text="Arbeitsmarkt", language="de-DE").language == "de-DE"
    assert RoleText(text="x", role="hlrole:short", language="en").role == "hlrole:short"
    assert Link(target="x", version=1).version == 1
    assert Link(target="x").version is None
    assert [Article(urgency=urgency).urgency for urgency in (1, 9)] == [1, 9]
    assert Article(version=LARGEST).version == LARGEST
    assert Article(editorial_notes=[" Check. "]).editorial_notes == (" Check. ",)


def test_the_names_of_a_concept() -> None:
    labour = Name(text="labour market", language="en-GB")
    arbeit = Name(text="Arbeitsmarkt", language="de")
    plain = Name(text="jobs")
    # a single name in no language belongs in name
    assert refusal(lambda: Concept(names=[plain])) == (
        "concept",
        "a single name in no stated language is held in name, with names empty",
    )
    assert refusal(lambda: Concept(name="jobs", names=[plain])) == (
        "concept",
        "a single name in no stated language is held in name, with names empty",
    )
    # one in a stated language, or several with the first in none, are held in names
    assert Concept(names=[labour]).name == "labour market"
    assert Concept(names=[plain, arbeit]).name == "jobs"
    assert Concept(names=[labour, plain]).names == (labour, plain)
    # name is the first of names
    assert refusal(lambda: Concept(name="Arbeitsmarkt", names=[labour, arbeit])) == (
        "concept",
        "name 'Arbeitsmarkt' must be the first of names, 'labour market'",
    )
    assert refusal(lambda: Concept(qcode="x:1", name="work", names=(arbeit, labour))) == (
        "concept",
        "name 'work' must be the first of names, 'Arbeitsmarkt'",
    )
    assert Concept(name="labour market", names=[labour, arbeit]).names == (labour, arbeit)
    assert refusal(lambda: Concept(names=[labour, "Arbeitsmarkt"])) == (
        "names",
        "item 1 is 'Arbeitsmarkt', expected a Name",
    )


# --- the slugline's separator -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("separator", "reason"),
    [
        ("", "'' must be non-empty, within one line"),
        ("\n", "'\\n' must be non-empty, within one line"),
        ("-\r\n", "'-\\r\\n' must be non-empty, within one line"),
        ("-\u2028-", "'-\\u2028-' must be non-empty, within one line"),
        (5, "must be a str, not an int"),
        (b"-", "must be a str, not a bytes"),
    ],
)
def test_a_slugline_separator_is_some_characters_within_one_line(
    separator: object, reason: str
) -> None:
    assert refusal(lambda: Article(slugline="US-Fed", slugline_separator=separator)) == (
        "slugline_separator",
        reason,
    )


def test_a_slugline_separator_may_be_white_space_and_needs_a_slugline() -> None:
    for separator in ("-", " ", " / ", "\t", "--"):
        article = Article(slugline="US-Fed", slugline_separator=separator)
        assert article.slugline_separator == separator
    assert Article(slugline="US-Fed").slugline_separator is None
    assert Article().slugline_separator is None
    assert refusal(lambda: Article(slugline_separator="-")) == (
        "slugline_separator",
        "needs a slugline to part",
    )
    assert refusal(lambda: Article(slugline_separator="-", lead=["One."])) == (
        "slugline_separator",
        "needs a slugline to part",
    )
