"""ninjs: the newsdoc rendition, exactly as written and as read, and what it refuses.

The rendition is a compact JSON object ``{"digest": …, "fields": {…}}`` with text as it is
(no ``\\u`` escapes). Reading it checks every span of its attributions and events against
the body the rendition gives, and refuses anything newsdoc would not have written with one
:class:`~newsdoc.ParseError` that names the rendition's value in the document
(``$.bodies[n].value`` in ninjs 2.x/3.x, ``$.body_newsdoc`` in 1.x) and, in its reason,
the part of the rendition at fault. A rendition whose digest no longer matches the
document's properties (the body, or a property whose value the rendition replaces, was
edited) is not applied but kept whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from newsdoc import Article, Extension, ParseError, UnmappedContentError
from newsdoc.formats.ninjs._names import CARRIER_KEY, CARRIER_TYPE
from newsdoc.model import (
    Attribution,
    AttributionKind,
    Event,
    Signal,
    Span,
    TimeExpression,
)

GOLDEN = Path(__file__).parent / "data" / "golden"

FIRST = "Rain  fell in Zürich on Monday."  # two spaces: the XHTML body folds them
SECOND = "The mayor said it would stop."
SPAN_REASON = "expected a span [paragraph, start, end, text] of the body, not "
MODERN_AT = "$.bodies[2].value"  # plain text, XHTML, then the rendition


def _span(paragraph: int, text: str) -> Span:
    start = (FIRST, SECOND)[paragraph].index(text)
    return Span(paragraph=paragraph, start=start, end=start + len(text), text=text)


ARTICLE = Article(
    headline="Storm",
    lead=(FIRST, SECOND),
    signals=(Signal(qcode="sig:update"),),
    attributions=(
        Attribution(
            kind=AttributionKind.DIRECT,
            source=_span(1, "mayor"),
            cue=_span(1, "said"),
            content=(_span(1, "it would stop."),),
            antecedent=_span(0, "Zürich"),
        ),
    ),
    events=(
        Event(
            trigger=_span(0, "fell"),
            time=TimeExpression(span=_span(0, "Monday"), value="2024-05-06"),
            places=(_span(0, "Zürich"),),
        ),
    ),
)


def _carrier(document: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The object holding the rendition's text in ``document``, and its key there."""
    if CARRIER_KEY in document:
        return document, CARRIER_KEY
    body = next(b for b in document["bodies"] if b.get("contentType") == CARRIER_TYPE)
    return body, "value"


def _edited(edit: Callable[[dict[str, Any]], None], name: str = "ninjs") -> str:
    """ARTICLE written as ``name`` with its rendition's ``fields`` changed by ``edit``."""
    document = json.loads(newsdoc.write(ARTICLE, name))
    holder, key = _carrier(document)
    carried = json.loads(holder[key])
    edit(carried["fields"])
    holder[key] = json.dumps(carried, ensure_ascii=False)
    return json.dumps(document, ensure_ascii=False)


def _refusal(edit: Callable[[dict[str, Any]], None], name: str = "ninjs") -> ParseError:
    with pytest.raises(ParseError) as caught:
        newsdoc.read(_edited(edit, name), "ninjs")
    assert type(caught.value) is ParseError
    return caught.value


def _assert_error(
    error: ParseError, reason: str, path: str = MODERN_AT, source: str | None = None
) -> None:
    assert (error.format, error.reason, error.path) == ("ninjs", reason, path)
    assert (error.line, error.column, error.source) == (None, None, source)


def _setter(*steps: str | int, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(fields: dict[str, Any]) -> None:
        target: Any = fields
        for step in steps[:-1]:
            target = target[step]
        target[steps[-1]] = value

    return edit


# -- writing ----------------------------------------------------------------------------------


def test_the_rendition_is_compact_json_with_text_as_it_is() -> None:
    document = json.loads(newsdoc.write(ARTICLE, "ninjs"))
    holder, key = _carrier(document)
    text = holder[key]
    digest = json.loads(text)["digest"]
    assert text == (
        '{"digest":"' + digest + '","fields":{"id":null,"signals":[{"qcode":"sig:update"}],'
        '"lead":["Rain  fell in Zürich on Monday.","The mayor said it would stop."],'
        '"attributions":[["direct",[1,4,9,"mayor"],[1,10,14,"said"],'
        '[[1,15,29,"it would stop."]],[0,14,20,"Zürich"]]],'
        '"events":[[[0,6,10,"fell"],[[0,24,30,"Monday"],"2024-05-06"],'
        '[[0,14,20,"Zürich"]],[]]]}}'
    )
    assert len(digest) == 40
    assert newsdoc.read(json.dumps(document), "ninjs") == ARTICLE


def test_the_rendition_gives_the_article_back_in_both_generations() -> None:
    for name in ("ninjs", "ninjs-1.6"):
        assert newsdoc.read(newsdoc.write(ARTICLE, name), "ninjs", strict=True) == ARTICLE


def test_spans_are_checked_against_the_body_the_rendition_gives() -> None:
    # The XHTML body folds the two spaces; the rendition carries the lead as written, and
    # the spans after the two spaces hold only in that lead.
    document = json.loads(newsdoc.write(ARTICLE, "ninjs"))
    assert document["bodies"][1]["value"].startswith("<p>Rain  fell")
    again = newsdoc.read(json.dumps(document), "ninjs")
    assert again.lead == (FIRST, SECOND)
    assert again.events == ARTICLE.events


def test_the_golden_files_written_by_newsdoc_read_back_with_their_rendition() -> None:
    article = newsdoc.read(GOLDEN / "al_asad.json")
    assert article.attributions
    assert article.events
    assert newsdoc.read(GOLDEN / "al_asad.ninjs", strict=True) == article
    assert newsdoc.read(GOLDEN / "al_asad.ninjs-1.6", "ninjs", strict=True) == article


def test_an_article_the_properties_give_back_whole_has_no_rendition() -> None:
    article = Article(id="urn:example:1", headline="A", lead=("B.",))
    for name in ("ninjs", "ninjs-1.6"):
        document = json.loads(newsdoc.write(article, name))
        assert CARRIER_KEY not in document
        assert [body.get("contentType") for body in document.get("bodies", [])] == (
            ["text/plain", "application/xhtml+xml"] if name == "ninjs" else []
        )
        assert newsdoc.read(json.dumps(document), "ninjs", strict=True) == article


def test_extensions_of_other_formats_travel_in_the_rendition() -> None:
    extension = Extension(format="nitf", path="/nitf/head/x", content="<x/>")
    article = Article(id="urn:example:1", headline="A", lead=("B.",), extensions=(extension,))
    document = json.loads(newsdoc.write(article, "ninjs-1.6"))
    text = document[CARRIER_KEY]
    digest = json.loads(text)["digest"]
    assert text == (
        '{"digest":"' + digest + '","fields":{"extensions":'
        '[{"format":"nitf","path":"/nitf/head/x","content":"<x/>","attributes":[]}]}}'
    )
    assert newsdoc.read(json.dumps(document), "ninjs") == article


# -- the digest -------------------------------------------------------------------------------


def test_an_edited_property_that_the_rendition_replaces_leaves_it_kept_not_applied() -> None:
    # ninjs requires a uri, so the writer makes one up; the rendition says the id is null.
    document = json.loads(newsdoc.write(ARTICLE, "ninjs"))
    assert document["uri"].startswith("urn:newsdoc:unidentified:")
    assert json.loads(document["bodies"][2]["value"])["fields"]["id"] is None
    document["uri"] = "urn:example:edited"
    again = newsdoc.read(json.dumps(document), "ninjs")
    assert again.id == "urn:example:edited"
    assert again.attributions == again.events == again.signals == ()
    assert [extension.path for extension in again.extensions] == ["$.bodies[2]"]
    with pytest.raises(UnmappedContentError):
        newsdoc.read(json.dumps(document), "ninjs", strict=True)


def test_an_unedited_document_applies_the_rendition_over_its_made_up_uri() -> None:
    again = newsdoc.read(newsdoc.write(ARTICLE, "ninjs-1.6"), "ninjs")
    assert again.id is None
    assert again.signals == ARTICLE.signals


# -- refusals: the error names the rendition's value and the part at fault -------------------

REFUSED_SPANS = [
    pytest.param([1, 4, 9], "an array", id="three-items"),
    pytest.param([1, 4, 9, "mayo"], "an array", id="other-text"),
    pytest.param([2, 0, 3, "The"], "an array", id="paragraph-past-the-body"),
    pytest.param([-1, 0, 3, "The"], "an array", id="negative-paragraph"),
    pytest.param([1, 4, 4, ""], "an array", id="empty"),
    pytest.param([1, 9, 4, ""], "an array", id="backwards"),
    pytest.param([1, 4.0, 9, "mayor"], "an array", id="float-start"),
    pytest.param([1.0, 4, 9, "mayor"], "an array", id="float-paragraph"),
    pytest.param([1, 4, 9.0, "mayor"], "an array", id="float-end"),
    pytest.param([True, 4, 9, "mayor"], "an array", id="boolean-paragraph"),
    pytest.param("mayor", '"mayor"', id="text"),
    pytest.param(None, "null", id="null"),
]


@pytest.mark.parametrize(("span", "shown"), REFUSED_SPANS)
def test_a_source_that_is_not_a_span_of_the_body_is_refused(span: Any, shown: str) -> None:
    error = _refusal(_setter("attributions", 0, 1, value=span))
    _assert_error(error, f"the newsdoc rendition's attributions[0][1]: {SPAN_REASON}{shown}")


def test_each_part_of_an_attribution_is_named_in_the_error() -> None:
    cases: list[tuple[int, Any, str]] = [
        (2, 7, f"[2]: {SPAN_REASON}7"),
        (3, "x", '[3]: expected an array of spans, not "x"'),
        (3, {}, "[3]: expected an array of spans, not an object"),
        (3, [[1, 15, 29, "it would stop."], 7], f"[3][1]: {SPAN_REASON}7"),
        (4, 5, f"[4]: {SPAN_REASON}5"),
    ]
    for index, value, reason in cases:
        error = _refusal(_setter("attributions", 0, index, value=value))
        _assert_error(error, f"the newsdoc rendition's attributions[0]{reason}")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        pytest.param(3, "3", id="number"),
        pytest.param("direct", '"direct"', id="text"),
        pytest.param({}, "an object", id="object"),
        pytest.param(["direct", [1, 4, 9, "mayor"], [1, 10, 14, "said"], []], "an array", id="4"),
        pytest.param(
            ["direct", [1, 4, 9, "mayor"], [1, 10, 14, "said"], [], None, None],
            "an array",
            id="6",
        ),
        pytest.param(
            ["quoted", [1, 4, 9, "mayor"], [1, 10, 14, "said"], [], None],
            "an array",
            id="unknown-kind",
        ),
    ],
)
def test_an_attribution_that_is_not_five_parts_of_a_known_kind_is_refused(
    value: Any, shown: str
) -> None:
    error = _refusal(_setter("attributions", 0, value=value))
    expected = f"expected [kind, source, cue, content, antecedent], not {shown}"
    _assert_error(error, f"the newsdoc rendition's attributions[0]: {expected}")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        pytest.param(3, "3", id="number"),
        pytest.param({}, "an object", id="object"),
        pytest.param([[0, 6, 10, "fell"], None, []], "an array", id="3"),
        pytest.param([[0, 6, 10, "fell"], None, [], [], []], "an array", id="5"),
    ],
)
def test_an_event_that_is_not_four_parts_is_refused(value: Any, shown: str) -> None:
    error = _refusal(_setter("events", 0, value=value))
    expected = f"expected [trigger, time, places, participants], not {shown}"
    _assert_error(error, f"the newsdoc rendition's events[0]: {expected}")


@pytest.mark.parametrize(
    ("time", "shown"),
    [
        pytest.param(5, "5", id="number"),
        pytest.param("ab", '"ab"', id="text-of-two"),
        pytest.param([[0, 24, 30, "Monday"]], "an array", id="1"),
        pytest.param([[0, 24, 30, "Monday"], "2024-05-06", None], "an array", id="3"),
        pytest.param([[0, 24, 30, "Monday"], 2024], "an array", id="number-value"),
        pytest.param([[0, 24, 30, "Monday"], ["2024"]], "an array", id="array-value"),
    ],
)
def test_a_time_that_is_not_a_span_and_a_value_is_refused(time: Any, shown: str) -> None:
    error = _refusal(_setter("events", 0, 1, value=time))
    reason = f"the newsdoc rendition's events[0][1]: expected [span, value], not {shown}"
    _assert_error(error, reason)


def test_a_time_without_a_value_is_read() -> None:
    text = _edited(_setter("events", 0, 1, value=[[0, 24, 30, "Monday"], None]))
    (event,) = newsdoc.read(text, "ninjs").events
    assert event.time == TimeExpression(span=_span(0, "Monday"), value=None)


def test_each_part_of_an_event_is_named_in_the_error() -> None:
    cases: list[tuple[tuple[int, ...], Any, str]] = [
        ((0,), 0, f"[0]: {SPAN_REASON}0"),
        ((1, 0), [0, 24, 30, "monday"], f"[1][0]: {SPAN_REASON}an array"),
        ((2,), "x", '[2]: expected an array of spans, not "x"'),
        ((2, 0), False, f"[2][0]: {SPAN_REASON}false"),
        ((3,), None, "[3]: expected an array of spans, not null"),
        ((3,), [[0, 0, 4, "Rain"], [0, 0, 4, "rain"]], f"[3][1]: {SPAN_REASON}an array"),
    ]
    for steps, value, reason in cases:
        error = _refusal(_setter("events", 0, *steps, value=value))
        _assert_error(error, f"the newsdoc rendition's events[0]{reason}")


def test_annotations_that_are_not_an_array_are_refused() -> None:
    for name, value, shown in (("attributions", {}, "an object"), ("events", "x", '"x"')):
        error = _refusal(_setter(name, value=value))
        _assert_error(error, f"the newsdoc rendition's {name}: expected an array, not {shown}")


def test_the_index_of_a_refused_annotation_is_named() -> None:
    def append_to_events(fields: dict[str, Any]) -> None:
        fields["events"].append(None)

    error = _refusal(append_to_events)
    expected = "expected [trigger, time, places, participants], not null"
    _assert_error(error, f"the newsdoc rendition's events[1]: {expected}")


def test_a_field_of_the_wrong_type_is_refused_at_its_name() -> None:
    error = _refusal(_setter("id", value=3))
    _assert_error(error, "the newsdoc rendition's id: expected a string, not 3")


def test_a_field_wrong_deep_inside_is_refused_at_its_full_path() -> None:
    error = _refusal(_setter("signals", 0, "qcode", value=3))
    _assert_error(error, "the newsdoc rendition's signals[0].qcode: expected a string, not 3")


def test_a_field_the_model_refuses_is_refused_with_the_models_reason() -> None:
    error = _refusal(_setter("signals", 0, "qcode", value="two words"))
    reason = "invalid qcode: 'two words' must be one token without spaces"
    _assert_error(error, f"the newsdoc rendition's signals[0].qcode: {reason}")


def test_a_ninjs_1_error_names_the_body_newsdoc_property_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text(_edited(_setter("events", value={}), "ninjs-1.6"), encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        newsdoc.read(path)
    reason = "the newsdoc rendition's events: expected an array, not an object"
    _assert_error(caught.value, reason, path="$.body_newsdoc", source=str(path))


def test_the_chained_cause_names_the_part_at_fault_and_why() -> None:
    error = _refusal(_setter("id", value=3))
    cause = error.__cause__
    assert cause is not None
    assert cause.args == ("id", "expected a string, not 3")
    inner = cause.__cause__
    assert isinstance(inner, ParseError)
    assert (inner.format, inner.reason, inner.path) == ("ninjs", "expected a string, not 3", "id")
    error = _refusal(_setter("events", 0, 2, value="x"))
    assert error.__cause__ is not None
    assert error.__cause__.args == ("events[0][2]", 'expected an array of spans, not "x"')


def test_a_value_the_model_refuses_is_refused_with_the_models_reason() -> None:
    error = _refusal(_setter("events", 0, 1, value=[[0, 24, 30, "Monday"], "someday"]))
    reason = "invalid value: 'someday' is not an ISO-8601 (TIMEX3 style) calendar value"
    _assert_error(error, f"the newsdoc rendition holds {reason}")


def _read_with_rendition(text: str) -> Article:
    document = json.loads(newsdoc.write(ARTICLE, "ninjs-1.6"))
    document[CARRIER_KEY] = text
    return newsdoc.read(json.dumps(document), "ninjs")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param(
            "{",
            "Expecting property name enclosed in double quotes (its line 1, column 2)",
            id="cut",
        ),
        pytest.param(
            '{\n "digest": "x",\n "fields": {,}}',
            "Expecting property name enclosed in double quotes (its line 3, column 13)",
            id="cut-on-a-later-line",
        ),
        pytest.param(
            '{"digest":"x","fields":{}} x', "Extra data (its line 1, column 28)", id="extra-data"
        ),
        pytest.param(
            '{"digest":"x","digest":"y","fields":{}}',
            "the key appears more than once in its object",
            id="duplicate-key",
        ),
    ],
)
def test_a_rendition_that_is_not_json_is_refused(text: str, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        _read_with_rendition(text)
    expected = f"the newsdoc rendition is not JSON: {reason}"
    _assert_error(caught.value, expected, path="$.body_newsdoc")


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        '"text"',
        '{"digest":1,"fields":{}}',
        '{"digest":"x"}',
        '{"fields":{}}',
        '{"digest":"x","fields":[]}',
        '{"digest":null,"fields":null}',
    ],
)
def test_a_rendition_that_is_not_a_digest_and_fields_is_refused(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        _read_with_rendition(text)
    reason = 'the newsdoc rendition\'s $: expected an object with "digest" and "fields"'
    _assert_error(caught.value, reason, path="$.body_newsdoc")


def test_unknown_fields_are_refused_sorted_even_under_a_stale_digest() -> None:
    with pytest.raises(ParseError) as caught:
        _read_with_rendition(
            '{"digest":"x","fields":{"colour":1,"mood":1,"author":2,"headline":"x",'
            '"zone":1,"body":1,"flag":1}}'
        )
    unknown = "author, body, colour, flag, mood, zone"
    reason = f"the newsdoc rendition's fields: unknown field(s) {unknown}"
    _assert_error(caught.value, reason, path="$.body_newsdoc")


def test_a_stale_rendition_is_kept_whole_and_its_fields_are_not_read() -> None:
    text = '{"digest":"x","fields":{"events":3}}'
    again = _read_with_rendition(text)
    assert again.events == again.attributions == ()
    assert again.lead == ("Rain fell in Zürich on Monday.", SECOND)  # as the XHTML body says
    assert [(e.format, e.path, e.content) for e in again.extensions] == [
        ("ninjs", "$.body_newsdoc", json.dumps(text))
    ]


def test_a_rendition_that_is_not_json_in_a_file_names_the_file(tmp_path: Path) -> None:
    document = json.loads(newsdoc.write(ARTICLE, "ninjs-1.6"))
    document[CARRIER_KEY] = "{"
    path = tmp_path / "story.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        newsdoc.read(path)
    reason = (
        "the newsdoc rendition is not JSON: Expecting property name enclosed in double quotes"
        " (its line 1, column 2)"
    )
    _assert_error(caught.value, reason, path="$.body_newsdoc", source=str(path))
    # The JSON error it comes from, shown in a traceback, names the same document.
    cause = caught.value.__cause__
    assert isinstance(cause, ParseError)
    assert (cause.format, cause.source) == ("ninjs", str(path))


def test_a_value_the_model_refuses_in_a_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    text = _edited(_setter("events", 0, 1, value=[[0, 24, 30, "Monday"], "someday"]))
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        newsdoc.read(path)
    reason = "invalid value: 'someday' is not an ISO-8601 (TIMEX3 style) calendar value"
    _assert_error(caught.value, f"the newsdoc rendition holds {reason}", source=str(path))
