"""Hostile and malformed JSON: refused at once, with a ParseError that names the JSON path."""

import contextlib
import json
import tracemalloc
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, ParseError
from newsdoc.formats import _json

DATA = Path(__file__).parent / "data"
GOLDEN = (DATA / "golden" / "al_asad.json").read_bytes()


def document(article: object) -> str:
    return json.dumps({"format": "newsdoc", "version": 1, "article": article})


def refusal(data: str | bytes) -> ParseError:
    with pytest.raises(ParseError) as caught:
        newsdoc.read(data, format="json")
    return caught.value


# --- Wrong JSON types fail at once ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "path", "reason"),
    [
        ({"lead": "abc"}, "$.article.lead", 'expected an array, not "abc"'),
        ({"keywords": {"k1": 1}}, "$.article.keywords", "expected an array, not an object"),
        ({"bylines": None}, "$.article.bylines", "expected an array, not null"),
        ({"sections": [{"heading": "H", "paragraphs": "P"}]}, "$.article.sections[0].paragraphs",
         'expected an array, not "P"'),
        ({"dateline": "BAGHDAD"}, "$.article.dateline", 'expected an object, not "BAGHDAD"'),
        ({"subjects": [["medtop:1"]]}, "$.article.subjects[0]", "expected an object, not an array"),
        ({"urgency": True}, "$.article.urgency", "expected an integer, not true"),
        ({"urgency": 2.0}, "$.article.urgency", "expected an integer, not 2.0"),
        ({"pub_status": 3}, "$.article.pub_status",
         'expected one of "usable", "withheld", "canceled", not 3'),
        ({"pub_status": "USABLE"}, "$.article.pub_status",
         'expected one of "usable", "withheld", "canceled", not "USABLE"'),
        ({"created": 20250305}, "$.article.created",
         "expected an ISO-8601 date and time, not 20250305"),
        ({"created": "2025-03-05"}, "$.article.created", '"2025-03-05" has no UTC offset'),
        ({"lead": ["A"], "events": [{"trigger": {"paragraph": "0", "start": 0, "end": 1,
          "text": "A"}}]}, "$.article.events[0].trigger.paragraph",
         'expected an integer, not "0"'),
    ],
)  # fmt: skip
def test_wrong_json_types_are_refused_with_their_path(
    fields: object, path: str, reason: str
) -> None:
    error = refusal(document(fields))
    assert (error.path, error.reason) == (path, reason)


def refusal_and_peak_memory(data: str) -> tuple[ParseError, int]:
    """The refusal of ``data`` and the most memory (in bytes) that reading it held at once."""
    tracemalloc.start()
    try:
        error = refusal(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return error, peak


@pytest.mark.parametrize("member", ["attributions", "lead"])
def test_a_long_string_where_an_array_belongs_is_one_error_in_linear_memory(member: str) -> None:
    data = document({member: "x" * 5_000_000})
    error, peak = refusal_and_peak_memory(data)
    assert error.path == f"$.article.{member}"
    assert error.reason == f'expected an array, not "{"x" * 40}…"'
    assert peak < 3 * len(data)


def test_a_long_array_of_wrong_items_stops_after_a_few() -> None:
    data = document({"attributions": [1] * 200_000})
    error, peak = refusal_and_peak_memory(data)
    assert error.path == "$.article.attributions[0]"
    assert error.reason == "expected an object, not 1 (and at least 19 more problem(s))"
    assert peak < 20 * len(data)


def test_a_few_wrong_items_are_all_counted() -> None:
    error = refusal(document({"keywords": [1, "ok", 2, 3]}))
    assert (error.path, error.reason) == (
        "$.article.keywords[0]",
        "expected a string, not 1 (and 2 more problem(s))",
    )


def test_several_problems_are_reported_first_and_counted() -> None:
    error = refusal(document({"headline": 5, "lead": [1, 2], "sections": [{"heading": 3}]}))
    assert (error.path, error.reason) == (
        "$.article.headline",
        "expected a string, not 5 (and 3 more problem(s))",
    )


def test_unknown_members_are_listed_briefly() -> None:
    fields = {f"colour{index}": index for index in range(8)} | {"a" * 100: 0}
    error = refusal(document(fields))
    assert error.path == "$.article"
    assert error.reason == (
        f"unknown member(s) {'a' * 40}…, colour0, colour1, colour2, colour3 and 4 more"
    )


@pytest.mark.parametrize(
    ("fields", "path", "reason"),
    [
        ({"headline": " padded "}, "$.article.headline",
         "invalid headline: ' padded ' must be non-empty, without leading or trailing white space"),
        ({"version": 9223372036854775808}, "$.article.version",
         "invalid version: must be an int of at least 1 that fits in 64 bits"),
        ({"lead": ["The Pentagon confirmed."], "attributions": [{"kind": "indirect",
          "source": {"paragraph": 1, "start": 0, "end": 3, "text": "The"},
          "cue": {"paragraph": 0, "start": 0, "end": 3, "text": "The"}}]},
         "$.article.attributions[0]",
         "invalid attributions[0]: span points at paragraph 1 but the body has 1"),
        ({"lead": ["A"], "events": [{"trigger": {"paragraph": 0, "start": 0, "end": 1,
          "text": "AB"}}]}, "$.article.events[0].trigger",
         "invalid span: range 0:1 is 1 characters long but claims 2 ('AB')"),
    ],
)  # fmt: skip
def test_model_refusals_name_the_field_they_concern(fields: object, path: str, reason: str) -> None:
    error = refusal(document(fields))
    assert (error.path, error.reason) == (path, reason)


# --- Strict decoding --------------------------------------------------------------------------


def test_regression_08_an_integer_of_5000_digits_is_a_parse_error() -> None:
    error = refusal((DATA / "regressions" / "08_json_int_5000_digits.json").read_bytes())
    assert (error.path, error.reason) == (
        "$.version",
        "an integer of 5000 digits; at most 19 are read",
    )


@pytest.mark.parametrize(
    ("data", "path", "reason"),
    [
        ('{"format": "newsdoc", "format": "newsdoc", "version": 1, "article": {}}', "$.format",
         "the key appears more than once in its object"),
        ('{"format": "newsdoc", "version": 1, "article": {"headline": "A", "headline": "B"}}',
         "$.article.headline", "the key appears more than once in its object"),
        ('{"format": "newsdoc", "version": 1, "article": {"subjects": [{"name": "a"}, '
         '{"name": "b", "x y": 1, "x y": 2}]}}', '$.article.subjects[1]["x y"]',
         "the key appears more than once in its object"),
        ('{"format": "newsdoc", "version": 1, "article": {"urgency": NaN}}', "$.article.urgency",
         "NaN is not a JSON number"),
        ('{"format": "newsdoc", "version": 1, "article": {"urgency": -Infinity}}',
         "$.article.urgency", "-Infinity is not a JSON number"),
        ('{"format": "newsdoc", "version": 1, "article": {"urgency": 1e400}}', "$.article.urgency",
         "the number 1e400 is too large for a float"),
        ('{"format": "newsdoc", "version": 1, "article": {"urgency": -12345678901234567890}}',
         "$.article.urgency", "an integer of 20 digits; at most 19 are read"),
        ('{"format": "newsdoc", "version": 1, "article": {"urgency": 1, "lead": [NaN, Infinity]}}',
         "$.article.lead[0]", "NaN is not a JSON number (and 1 more problem(s))"),
    ],
)  # fmt: skip
def test_what_json_modules_take_silently_is_refused_with_its_path(
    data: str, path: str, reason: str
) -> None:
    error = refusal(data)
    assert (error.path, error.reason) == (path, reason)


def test_nesting_is_bounded() -> None:
    too_deep = document({"lead": json.loads("[" * 70 + "]" * 70)})
    error = refusal(too_deep)
    assert error.path == "$.article.lead" + "[0]" * 62
    assert error.reason == "arrays and objects are nested more than 64 levels deep"
    assert "nested more than 64" in refusal("[" * 100_000).reason


def test_the_deepest_allowed_nesting_decodes() -> None:
    value = json.loads("[" * _json.MAX_DEPTH + "]" * _json.MAX_DEPTH)
    assert _json.loads(json.dumps(value), "json") == value
    with pytest.raises(ParseError, match="nested more than 64 levels deep"):
        _json.loads("[" + json.dumps(value) + "]", "json")


@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf"])
def test_utf8_with_or_without_a_byte_order_mark_is_read(prefix: bytes) -> None:
    assert newsdoc.read(prefix + GOLDEN, format="json") == newsdoc.read(GOLDEN, format="json")
    assert newsdoc.read((prefix + GOLDEN).decode("utf-8"), format="json") == newsdoc.read(
        GOLDEN, format="json"
    )


def test_decoding_keeps_json_values_as_python_values() -> None:
    text = '{"a": [1, -2, 2.5, "x", true, false, null], "b": {}}'
    assert _json.loads(text, "json") == json.loads(text)


def test_the_written_document_is_unchanged() -> None:
    article = newsdoc.read(DATA / "text" / "al_asad.txt")
    assert newsdoc.write(article, "json").encode("utf-8") == GOLDEN


# --- The converter hooks, on a structure of one's own ------------------------------------------


@attrs.frozen
class Reading:
    value: float
    valid: bool
    tags: list[str]
    history: tuple[int, ...] = ()
    labels: dict[str, int] = attrs.field(factory=dict)


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"value": 1, "valid": True, "tags": ["a"]}, Reading(1.0, True, ["a"])),
        ({"value": 2.5, "valid": False, "tags": [], "history": [1, 2], "labels": {"a": 1}},
         Reading(2.5, False, [], (1, 2), {"a": 1})),
    ],
)  # fmt: skip
def test_a_configured_converter_structures_json_values(payload: object, expected: Reading) -> None:
    converter = cattrs.Converter()
    _json.configure_converter(converter)
    assert converter.structure(payload, Reading) == expected


@pytest.mark.parametrize(
    ("payload", "path", "reason"),
    [
        ({"value": "1", "valid": True, "tags": []}, "$.value", 'expected a number, not "1"'),
        ({"value": True, "valid": True, "tags": []}, "$.value", "expected a number, not true"),
        ({"value": 1, "valid": 1, "tags": []}, "$.valid", "expected true or false, not 1"),
        ({"value": 1, "valid": True, "tags": "ab"}, "$.tags", 'expected an array, not "ab"'),
        ({"value": 1, "valid": True, "tags": [], "history": {"1": 1}}, "$.history",
         "expected an array, not an object"),
        ({"value": 1, "valid": True}, "$.tags", "required member missing"),
        ({"value": 1, "valid": True, "tags": [], "labels": [["a", 1]]}, "$.labels",
         "expected an object, not an array"),
        ({"value": 1, "valid": True, "tags": [], "labels": {"a": "1"}}, "$.labels.a",
         'expected an integer, not "1"'),
        ([1, True, []], "$", "expected an object, not an array"),
    ],
)  # fmt: skip
def test_a_configured_converter_refuses_wrong_json_types(
    payload: object, path: str, reason: str
) -> None:
    converter = cattrs.Converter()
    _json.configure_converter(converter)
    with pytest.raises(ParseError) as caught:
        _json.structure(converter, payload, Reading, "example")
    assert (caught.value.format, caught.value.path, caught.value.reason) == (
        "example",
        path,
        reason,
    )


def test_cattrs_own_error_report_still_works_on_a_configured_converter() -> None:
    converter = cattrs.Converter()
    _json.configure_converter(converter)
    with pytest.raises(cattrs.ClassValidationError) as caught:
        converter.structure({"value": 1, "valid": True, "tags": [1, 2]}, Reading)
    paths = [message.rpartition(" @ ")[2] for message in cattrs.transform_error(caught.value)]
    assert paths == ["$.tags[0]", "$.tags[1]"]


# --- Fuzzing: nothing but ParseError escapes -----------------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
GOLDEN_ARTICLE: dict[str, Any] = json.loads(GOLDEN)["article"]


def read_or_refuse(data: str | bytes) -> None:
    with contextlib.suppress(ParseError):
        assert isinstance(newsdoc.read(data, format="json"), Article)


@given(JSON_VALUES)
def test_any_json_value_as_the_document_only_raises_parse_errors(value: object) -> None:
    read_or_refuse(json.dumps(value))


@given(JSON_VALUES)
def test_any_json_value_as_the_article_only_raises_parse_errors(value: object) -> None:
    read_or_refuse(document(value))


@given(st.sampled_from(sorted(GOLDEN_ARTICLE)), JSON_VALUES)
def test_any_json_value_in_any_member_only_raises_parse_errors(member: str, value: object) -> None:
    read_or_refuse(document({**GOLDEN_ARTICLE, member: value}))


@given(st.data())
def test_any_json_value_deep_in_the_golden_document_only_raises_parse_errors(
    data: st.DataObject,
) -> None:
    article = json.loads(GOLDEN)["article"]
    container: Any = article
    while isinstance(container, (dict, list)) and container:
        keys = sorted(container) if isinstance(container, dict) else range(len(container))
        key = data.draw(st.sampled_from(list(keys)))
        if data.draw(st.booleans()) or not isinstance(container[key], (dict, list)):
            container[key] = data.draw(JSON_VALUES)
            break
        container = container[key]
    read_or_refuse(document(article))


@given(st.binary(max_size=200))
def test_any_bytes_only_raise_parse_errors(data: bytes) -> None:
    read_or_refuse(data)
