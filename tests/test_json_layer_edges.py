"""The strict JSON layer at its edges: every limit at its value and one past it, every message.

Pins the integers of exactly 19 digits that the decoder reads (with a sign, 20 characters),
the format and file named by the errors of undecodable bytes and of nesting so deep that
Python's parser gives up, every container nested too deeply counted, odd keys in paths kept
as they are, how values are shown (``false``, text of exactly 40 characters, integers of
64 bits and more, values no JSON document holds), enumerations and datetimes, the arrays
of exactly :data:`~newsdoc.formats._json.MAX_WRONG_ITEMS` wrong items or one more, the
cattrs errors that the array hook raises (notes, unchecked items, type), bare exceptions of
a hook of one's own described by cattrs, which types count as enumerations and as arrays
(sets, literals and ``[name, value]`` pairs keep cattrs' own hooks), unknown members with
exactly five names or six, and converters made without cattrs' detailed validation.

Most tests structure with a converter made inside the test (:func:`fresh`): the formats'
converters are made once, at import, and cattrs makes each hook once, when it first meets a
type, so only a new converter shows what the hooks of :mod:`newsdoc.formats._json` do now.
Where the value is a JSON document, the test also reads it with :func:`newsdoc.read`, which
must refuse it in the same words.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
from typing import Any, Literal

import attrs
import cattrs
import pytest
from cattrs.errors import IterableValidationNote

import newsdoc
from newsdoc import Article, Extension, ParseError, PubStatus
from newsdoc.formats import ReadOptions, _json
from newsdoc.formats import json as json_format
from newsdoc.formats.json import make_converter

PUB_STATUSES = '"usable", "withheld", "canceled"'


def document(article: object) -> str:
    return json.dumps({"format": "newsdoc", "version": 1, "article": article}, ensure_ascii=False)


def fresh(article: object) -> Article:
    """``article`` structured by a converter made now, as the JSON format does it."""
    return _json.structure(make_converter(), article, Article, "json", path="$.article")


def fresh_refusal(article: object) -> ParseError:
    with pytest.raises(ParseError) as caught:
        fresh(article)
    return caught.value


def refusal(article: object) -> ParseError:
    """The refusal of ``article`` by a new converter, checked to be what reading says too."""
    error = fresh_refusal(article)
    with pytest.raises(ParseError) as caught:
        newsdoc.read(document(article), format="json")
    assert (caught.value.path, caught.value.reason) == (error.path, error.reason)
    return error


def decode_refusal(data: str | bytes, source: str | None = None) -> ParseError:
    with pytest.raises(ParseError) as caught:
        json_format.read(data, ReadOptions(source=source))
    return caught.value


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# --- Integers at the digit limit ------------------------------------------------------------------


@pytest.mark.parametrize(
    "literal",
    ["9999999999999999999", "9223372036854775807", "-9223372036854775808", "-1234567890123456789"],
)
def test_an_integer_of_19_digits_is_read_with_or_without_a_minus_sign(literal: str) -> None:
    assert _json.loads(f'{{"n": {literal}}}', "json") == {"n": int(literal)}


def test_a_negative_integer_of_19_digits_reaches_the_model_which_refuses_it() -> None:
    error = refusal({"version": -1234567890123456789})
    assert (error.path, error.reason) == (
        "$.article.version",
        "invalid version: must be an int of at least 1 that fits in 64 bits",
    )


@pytest.mark.parametrize("literal", ["12345678901234567890", "-12345678901234567890"])
def test_an_integer_of_20_digits_is_refused_with_or_without_a_minus_sign(literal: str) -> None:
    with pytest.raises(ParseError) as caught:
        newsdoc.read(f'{{"format": "newsdoc", "version": 1, "article": {{"urgency": {literal}}}}}',
                     format="json")  # fmt: skip
    assert (caught.value.path, caught.value.reason) == (
        "$.article.urgency",
        "an integer of 20 digits; at most 19 are read",
    )


# --- Errors that name the format and the file -----------------------------------------------------


def test_bytes_that_are_not_utf8_name_the_json_format_and_the_file() -> None:
    error = decode_refusal(b'{"format": "\xff"}', source="story.json")
    assert (error.format, error.source, error.line, error.column, error.path) == (
        "json",
        "story.json",
        1,
        13,
        None,
    )
    assert str(error) == (
        "cannot read json: story.json, line 1, column 13: the input is not UTF-8: byte 0xff at "
        "offset 12 (invalid start byte); json documents are UTF-8"
    )


@pytest.mark.parametrize("source", ["deep.json", None])
def test_nesting_too_deep_for_the_parser_names_the_format_and_the_file(source: str | None) -> None:
    error = decode_refusal("[" * 100_000, source=source)
    assert (error.format, error.source, error.line, error.column, error.path) == (
        "json",
        source,
        None,
        None,
        None,
    )
    assert error.reason == "arrays and objects are nested more than 64 levels deep"
    where = "" if source is None else f"{source}: "
    assert str(error) == f"cannot read json: {where}{error.reason}"


# --- Every problem of a document is counted -------------------------------------------------------


def test_two_containers_nested_too_deeply_are_both_counted() -> None:
    with pytest.raises(ParseError) as caught:
        _json.loads(f"[{nested(70)}, {nested(70)}]", "json")
    # The root is level 1: the first container past level 64 is 64 steps down.
    assert (caught.value.path, caught.value.reason) == (
        "$" + "[0]" * 64,
        "arrays and objects are nested more than 64 levels deep (and 1 more problem(s))",
    )


def test_a_refused_number_after_a_container_nested_too_deeply_is_counted() -> None:
    with pytest.raises(ParseError) as caught:
        _json.loads(f'{{"deep": {nested(70)}, "n": NaN}}', "json")
    assert (caught.value.path, caught.value.reason) == (
        "$.deep" + "[0]" * 63,
        "arrays and objects are nested more than 64 levels deep (and 1 more problem(s))",
    )


@pytest.mark.parametrize("value", ["text", 3, None, True])
def test_a_value_that_is_no_container_holds_no_problem(value: object) -> None:
    assert list(_json._problems_in(value)) == []
    assert _json.loads(json.dumps(value), "json") == value


@pytest.mark.parametrize(
    ("key", "step"),
    [
        ("café au lait", '["café au lait"]'),
        ("ключ", ".ключ"),
        ("€ " * 30, '["' + ("€ " * 30)[:40] + '…"]'),
    ],
)
def test_a_key_in_a_path_keeps_its_characters(key: str, step: str) -> None:
    data = f'{{"format": "newsdoc", "version": 1, "article": {{"{key}": 1, "{key}": 2}}}}'
    with pytest.raises(ParseError) as caught:
        newsdoc.read(data, format="json")
    assert (caught.value.path, caught.value.reason) == (
        "$.article" + step,
        "the key appears more than once in its object",
    )


# --- How values are shown -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (False, "false"),
        (True, "true"),
        ("x" * 40, '"' + "x" * 40 + '"'),
        ("x" * 41, '"' + "x" * 40 + '…"'),
        ("é" * 40, '"' + "é" * 40 + '"'),
        ('say "hi"', '"say \\"hi\\""'),
        (-7, "-7"),
        (2.5, "2.5"),
        (None, "null"),
        ({}, "an object"),
    ],
)
def test_a_value_of_the_wrong_type_is_shown_as_json_writes_it(value: object, shown: str) -> None:
    error = refusal({"lead": value})
    assert (error.path, error.reason) == ("$.article.lead", f"expected an array, not {shown}")


@pytest.mark.parametrize("version", [2**63, -(2**63), 9999999999999999999])
def test_an_integer_of_64_bits_is_shown_as_a_number(version: int) -> None:
    with pytest.raises(ParseError) as caught:
        newsdoc.read(json.dumps({"format": "newsdoc", "version": version, "article": {}}), "json")
    assert (caught.value.path, caught.value.reason) == (
        "$.version",
        f"unsupported document version {version}; this newsdoc reads 1 to 1",
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (2**64 - 1, "18446744073709551615"),
        (-(2**64) + 1, "-18446744073709551615"),
        (2**64, "an integer"),
        (-(2**64), "an integer"),
        pytest.param(10**5000, "an integer", id="5001 digits, more than str() takes"),
        ((1, 2), "a value of type tuple"),
        (b"x", "a value of type bytes"),
        (decimal.Decimal("1.5"), "a value of type Decimal"),
    ],
)
def test_python_values_no_json_document_holds_are_shown_briefly(value: object, shown: str) -> None:
    assert _json.shown(value) == shown
    error = fresh_refusal({"headline": value})
    assert (error.path, error.reason) == ("$.article.headline", f"expected a string, not {shown}")


# --- Enumerations and datetimes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [(3, "3"), ("USABLE", '"USABLE"'), ("", '""'), (["usable"], "an array"), (False, "false")],
)
def test_an_enumeration_takes_only_its_values(value: object, shown: str) -> None:
    error = refusal({"pub_status": value})
    assert (error.path, error.reason) == (
        "$.article.pub_status",
        f"expected one of {PUB_STATUSES}, not {shown}",
    )


@pytest.mark.parametrize("status", list(PubStatus))
def test_an_enumeration_value_is_read_as_its_member(status: PubStatus) -> None:
    assert fresh({"pub_status": status.value}) == Article(pub_status=status)


@pytest.mark.parametrize("value", ["yesterday", "2025-13-01T00:00:00+00:00", ""])
def test_a_string_that_is_no_date_and_time_is_shown_in_the_refusal(value: str) -> None:
    error = refusal({"created": value})
    assert (error.path, error.reason) == (
        "$.article.created",
        f"{json.dumps(value)} is not an ISO-8601 date and time",
    )


def test_a_date_and_time_with_its_offset_is_read() -> None:
    article = fresh({"created": "2025-03-05T10:30:00+01:00", "updated": "2025-03-05T09:31:00Z"})
    assert article == Article(
        created=dt.datetime(2025, 3, 5, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        updated=dt.datetime(2025, 3, 5, 9, 31, tzinfo=dt.timezone.utc),
    )


def test_every_scalar_member_is_read_by_a_new_converter() -> None:
    article = fresh({"headline": "Rain", "urgency": 3, "lead": ["It rained."]})
    assert article == Article(headline="Rain", urgency=3, lead=("It rained.",))


@pytest.mark.parametrize(
    ("fields", "path", "reason"),
    [
        ({"headline": 5}, "$.article.headline", "expected a string, not 5"),
        ({"urgency": "3"}, "$.article.urgency", 'expected an integer, not "3"'),
        ({"urgency": 3.0}, "$.article.urgency", "expected an integer, not 3.0"),
        ({"created": 20250305}, "$.article.created",
         "expected an ISO-8601 date and time, not 20250305"),
        ({"created": "2025-03-05T10:30:00"}, "$.article.created",
         '"2025-03-05T10:30:00" has no UTC offset'),
    ],
)  # fmt: skip
def test_a_new_converter_refuses_scalars_of_the_wrong_type(
    fields: object, path: str, reason: str
) -> None:
    error = refusal(fields)
    assert (error.path, error.reason) == (path, reason)


# --- Arrays of many wrong items -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "more"),
    [
        ([1] * 19, "18 more problem(s)"),
        ([1] * 20, "19 more problem(s)"),
        ([1] * 20 + ["fine"], "at least 19 more problem(s)"),
        ([1] * 21, "at least 19 more problem(s)"),
        ([1] * 25, "at least 19 more problem(s)"),
    ],
)
def test_an_array_stops_being_checked_after_its_20th_wrong_item_if_items_remain(
    items: list[object], more: str
) -> None:
    error = refusal({"keywords": items})
    assert (error.path, error.reason) == (
        "$.article.keywords[0]",
        f"expected a string, not 1 ({'and ' + more})",
    )


def test_wrong_items_that_are_objects_are_counted_like_any_other() -> None:
    error = refusal({"sections": [{"heading": 1}] * 21})
    assert (error.path, error.reason) == (
        "$.article.sections[0].heading",
        "expected a string, not 1 (and at least 19 more problem(s))",
    )


def test_the_cattrs_error_of_an_array_lists_its_wrong_items_then_the_unchecked_ones() -> None:
    with pytest.raises(cattrs.IterableValidationError) as caught:
        make_converter().structure(["ok", *[1] * 24], tuple[str, ...])
    error = caught.value
    assert error.cl == tuple[str, ...]
    *wrong, unchecked = error.exceptions
    assert [str(each) for each in wrong] == ["expected a string, not 1"] * 20
    assert str(unchecked) == "the 4 item(s) after these were not checked"
    assert unchecked.count == 4
    # Each wrong item carries the note cattrs finds its index in, worded as cattrs words it.
    notes = [each.__notes__ for each in wrong]
    assert notes == [[f"Structuring tuple[str, ...] @ index {index}"] for index in range(1, 21)]
    assert [(note.index, note.type) for [note] in notes] == [(index, str) for index in range(1, 21)]
    assert all(type(note) is IterableValidationNote for [note] in notes)
    wrong_items, _ = error.group_exceptions()
    assert [note.index for _, note in wrong_items] == list(range(1, 21))


def test_an_array_of_exactly_20_wrong_items_leaves_none_unchecked() -> None:
    with pytest.raises(cattrs.IterableValidationError) as caught:
        make_converter().structure([1] * 20, list[str])
    assert caught.value.cl == list[str]
    assert [str(each) for each in caught.value.exceptions] == ["expected a string, not 1"] * 20


# --- Hooks of one's own ---------------------------------------------------------------------------


class Celsius:
    """A type that a converter gets a hook for from its user, not from newsdoc."""

    def __init__(self, degrees: float) -> None:
        self.degrees = degrees

    def __eq__(self, other: object) -> bool:
        return type(other) is Celsius and other.degrees == self.degrees

    def __hash__(self) -> int:
        return hash(self.degrees)


def structure_celsius(value: Any, _: Any) -> Celsius:
    if type(value) is float or type(value) is int:
        return Celsius(value)
    if value == "kelvin":
        error = ValueError("a temperature in kelvin")
        error.__notes__ = ["given by the user's own hook"]  # type: ignore[attr-defined]
        raise error
    raise ValueError  # a bare exception, with no message of its own


@attrs.frozen
class Weather:
    today: Celsius
    week: list[Celsius] = attrs.field(factory=list)
    cities: dict[str, Celsius] = attrs.field(factory=dict)
    tags: frozenset[str] = frozenset()
    skies: tuple[Literal["clear", "cloudy"], ...] = ()


def weather_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    converter = cattrs.Converter(detailed_validation=detailed_validation)
    _json.configure_converter(converter)
    converter.register_structure_hook(Celsius, structure_celsius)
    return converter


def weather_refusal(value: object, type_: Any = Weather) -> ParseError:
    with pytest.raises(ParseError) as caught:
        _json.structure(weather_converter(), value, type_, "weather")
    assert caught.value.format == "weather"
    return caught.value


def test_a_structure_of_ones_own_is_read_whole() -> None:
    value = {
        "today": 21,
        "week": [20.5, 19],
        "cities": {"Oslo": 3},
        "tags": ["warm", "dry"],
        "skies": ["cloudy", "clear"],
    }
    assert weather_converter().structure(value, Weather) == Weather(
        today=Celsius(21.0),
        week=[Celsius(20.5), Celsius(19.0)],
        cities={"Oslo": Celsius(3.0)},
        tags=frozenset({"warm", "dry"}),
        skies=("cloudy", "clear"),
    )


@pytest.mark.parametrize(
    ("value", "type_", "path"),
    [
        ("hot", Celsius, "$"),
        ({"today": "hot"}, Weather, "$.today"),
        ({"today": 1, "week": [2, "hot"]}, Weather, "$.week[1]"),
        ({"today": 1, "cities": {"Oslo": "cold"}}, Weather, "$.cities.Oslo"),
        ({"today": 1, "cities": {"Le Havre": "cold"}}, Weather, '$.cities["Le Havre"]'),
    ],
)
def test_a_bare_exception_is_described_by_cattrs_with_the_type_expected(
    value: object, type_: Any, path: str
) -> None:
    error = weather_refusal(value, type_)
    assert (error.path, error.reason) == (path, "invalid value for type, expected Celsius")


def test_notes_an_item_error_already_carries_are_kept_before_its_index() -> None:
    with pytest.raises(cattrs.IterableValidationError) as caught:
        weather_converter().structure([1, "kelvin"], list[Celsius])
    [error] = caught.value.exceptions
    assert str(error) == "a temperature in kelvin"
    assert error.__notes__[0] == "given by the user's own hook"
    assert (error.__notes__[1].index, error.__notes__[1].type) == (1, Celsius)
    assert len(error.__notes__) == 2
    assert weather_refusal({"today": 1, "week": [1, "kelvin"]}).path == "$.week[1]"


@pytest.mark.parametrize("detailed_validation", [True, False])
def test_members_are_named_without_cattrs_detailed_validation(detailed_validation: bool) -> None:
    converter = weather_converter(detailed_validation=detailed_validation)
    with pytest.raises(ParseError) as caught:
        _json.structure(converter, {"today": 1, "cities": {"Oslo": 1, "Bergen": "x"}}, Weather, "w")
    assert (caught.value.path, caught.value.reason) == (
        "$.cities.Bergen",
        "invalid value for type, expected Celsius",
    )
    with pytest.raises(ParseError) as caught:
        _json.structure(converter, {"today": 1, "week": "x", "extra": 1}, Weather, "w")
    assert (caught.value.path, caught.value.reason) == (
        "$.week",
        'expected an array, not "x" (and 1 more problem(s))',
    )


# --- Which types get which hook -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("type_", "expected"),
    [
        (PubStatus, True),
        (int, False),
        (decimal.Decimal, False),
        (int | None, False),
        (tuple[str, ...], False),
    ],
)
def test_only_enumerations_are_enumerations(type_: Any, expected: bool) -> None:
    assert _json._is_enum(type_) is expected


@pytest.mark.parametrize(
    ("type_", "expected"),
    [
        (list[str], True),
        (tuple[str, ...], True),
        (tuple[str, str], True),
        (tuple[str], True),
        (tuple[str, int, str], True),
        (tuple[()], False),
        (frozenset[str], False),
        (set[str], False),
        (dict[str, int], False),
        (str | None, False),
    ],
)
def test_only_arrays_and_fixed_tuples_get_the_array_hook(type_: Any, expected: bool) -> None:
    assert _json._is_sequence(type_) is expected


def test_a_class_without_a_hook_is_not_taken_for_an_enumeration() -> None:
    with pytest.raises(ParseError) as caught:
        _json.structure(make_converter(), "1.5", decimal.Decimal, "example")
    assert (caught.value.path, caught.value.reason) == (
        "$",
        "Unsupported type: <class 'decimal.Decimal'>. Register a structure hook for it.",
    )


def test_pairs_are_read_as_pairs() -> None:
    fields = {"extensions": [{"format": "x", "path": "/a", "attributes": [["lang", "en"]]}]}
    assert fresh(fields) == Article(
        extensions=(Extension(format="x", path="/a", attributes=(("lang", "en"),)),)
    )


# --- Unknown members ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "listed"),
    [
        (["colour"], "colour"),
        (["e", "d", "c", "b", "a"], "a, b, c, d, e"),
        (["f", "e", "d", "c", "b", "a"], "a, b, c, d, e and 1 more"),
    ],
)
def test_unknown_members_are_refused_and_listed(names: list[str], listed: str) -> None:
    error = refusal(dict.fromkeys(names, 1))
    assert (error.path, error.reason) == ("$.article", f"unknown member(s) {listed}")


def test_unknown_members_of_a_nested_object_are_refused() -> None:
    error = refusal({"dateline": {"place": "Oslo", "time": "noon"}})
    assert (error.path, error.reason) == ("$.article.dateline", "unknown member(s) time")


@pytest.mark.parametrize(
    ("pair", "where", "reason"),
    [
        ("ab", "[0]", 'expected an array, not "ab"'),
        (5, "[0]", "expected an array, not 5"),
        ({"a": 1}, "[0]", "expected an array, not an object"),
        (["a", "b", "c"], "[0]", "expected an array of 2 items, not of 3"),
        (["a"], "[0]", "expected an array of 2 items, not of 1"),
        (["a", 1], "[0][1]", "expected a string, not 1"),
        ([1, "b"], "[0][0]", "expected a string, not 1"),
    ],
)
def test_a_name_value_pair_is_an_array_of_two_strings(
    pair: object, where: str, reason: str
) -> None:
    error = refusal(
        {"lead": ["A"], "extensions": [{"format": "x", "path": "/a", "attributes": [pair]}]}
    )
    assert (error.path, error.reason) == (f"$.article.extensions[0].attributes{where}", reason)


def test_a_pair_of_strings_is_read_as_a_pair() -> None:
    fields = {"extensions": [{"format": "x", "path": "/a", "attributes": [["a", "b"], ["c", "d"]]}]}
    assert fresh(fields) == Article(
        extensions=(Extension(format="x", path="/a", attributes=(("a", "b"), ("c", "d"))),)
    )


def test_a_tuple_of_three_item_types_checks_each_item_against_its_own() -> None:
    converter = make_converter()
    hook = converter.get_structure_hook(tuple[str, int, str])
    assert hook(["a", 1, "b"], tuple[str, int, str]) == ("a", 1, "b")
    with pytest.raises(cattrs.IterableValidationError) as caught:
        hook(["a", "b", "c"], tuple[str, int, str])
    assert [str(e) for e in caught.value.exceptions] == ['expected an integer, not "b"']


def test_a_mark_s_attribute_pair_in_json_lines_is_not_split_into_characters() -> None:
    line = (
        '{"lead": ["Go"], "marks": [{"kind": "link", "span": {"paragraph": 0, "start": 0, '
        '"end": 2, "text": "Go"}, "href": "u", "attributes": ["xy"]}]}'
    )
    with pytest.raises(ParseError) as caught:
        newsdoc.read(line, format="jsonl")
    assert caught.value.path == "$.marks[0].attributes[0]"
    assert caught.value.reason.endswith('expected an array, not "xy"')


def test_a_tuple_of_one_item_type_is_an_array_of_one_item() -> None:
    hook = make_converter().get_structure_hook(tuple[str])
    assert hook(["a"], tuple[str]) == ("a",)
