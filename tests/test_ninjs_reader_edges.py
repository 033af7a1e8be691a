"""ninjs reading at its edges: what each property, member and rendition becomes, exactly.

Pins the refusal of a document that is no object and of values of the wrong JSON type (the
exact message and path), where a stale or second newsdoc rendition is kept and how carried
extensions come before the kept content, the JSON path steps and canonical JSON of kept
content, the paragraphs of a plain body, the limits of ``version`` and ``urgency``, moments
ending in ``z``, the second spelling of a property (kept, not read twice), the ``standard``
object, renditions without a value or with further members, which headline and description
is which, which body rendition is chosen and which plain one is derived from it, HTML
character references and XML declarations in a markup body, concepts from ``scheme`` and
``code``, the provider among the info sources, creators and contributors, alternative ids,
and associations with their ``target`` rendition.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from newsdoc import (
    AltId,
    Article,
    Concept,
    Extension,
    Link,
    ParseError,
    Party,
    PubStatus,
    Rights,
    RoleText,
    Section,
    UnmappedContentError,
)
from newsdoc.formats import ReadOptions
from newsdoc.formats.ninjs import _carrier, reader
from newsdoc.formats.ninjs._names import CARRIER_TYPE
from ninjs_documents import carried, written

UTC = dt.timezone.utc
T1 = "2025-03-01T08:00:00Z"
T2 = "2025-03-02T09:30:00+01:00"
STALE = '{"digest":"0","fields":{}}'  # a rendition whose digest matches no document


def _read(document: dict[str, Any], *, strict: bool = False) -> Article:
    return newsdoc.read(json.dumps(document), "ninjs", strict=strict)


def _kept(path: str, value: Any) -> Extension:
    """The Extension the reader keeps for ``value`` at ``path``: its canonical JSON."""
    content = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Extension(format="ninjs", path=path, content=content)


def _refused(document: dict[str, Any] | str, source: str | None = None) -> ParseError:
    data = document if isinstance(document, str) else json.dumps(document)
    with pytest.raises(ParseError) as caught:
        reader.read(data, ReadOptions(source=source))
    return caught.value


# -- the document --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "shown"),
    [("[]", "an array"), ("3", "3"), ('"text"', '"text"'), ("null", "null"), ("true", "true")],
)
def test_a_document_that_is_no_object_is_refused_at_the_root(data: str, shown: str) -> None:
    error = _refused(data, source="wire.json")
    assert (error.path, error.source) == ("$", "wire.json")
    assert str(error) == (
        f"cannot read ninjs: wire.json, at $: a ninjs document is a JSON object, not {shown}"
    )


@pytest.mark.parametrize("kind", ["picture", "Text", "", "texts"])
def test_an_item_of_another_type_is_refused_naming_it(kind: str) -> None:
    error = _refused({"uri": "u", "type": kind}, source="item.json")
    assert (error.path, error.source) == ("$.type", "item.json")
    assert str(error) == (
        f"cannot read ninjs: item.json, at $.type: a ninjs item of type {json.dumps(kind)} "
        "is not a text article; newsdoc reads items of type text"
    )


def test_an_item_of_type_text_reads() -> None:
    assert _read({"uri": "u", "type": "text"}, strict=True) == Article(id="u")


def test_a_stale_newsdoc_rendition_is_kept_where_it_stood() -> None:
    document = {"uri": "u", "a": 1, "body_newsdoc": STALE, "b": 2, "body_text": "One."}
    assert _read(document) == Article(
        id="u",
        lead=("One.",),
        extensions=(_kept("$.a", 1), _kept("$.body_newsdoc", STALE), _kept("$.b", 2)),
    )


def test_a_stale_newsdoc_rendition_in_bodies_is_kept_whole() -> None:
    rendition = {"role": "newsdoc", "contentType": CARRIER_TYPE, "value": STALE}
    document = {"uri": "u", "bodies": [rendition, {"value": "One."}]}
    assert _read(document) == Article(
        id="u", lead=("One.",), extensions=(_kept("$.bodies[0]", rendition),)
    )


def test_strict_reading_refuses_a_stale_newsdoc_rendition() -> None:
    with pytest.raises(UnmappedContentError) as caught:
        _read({"uri": "u", "body_newsdoc": STALE}, strict=True)
    assert caught.value.paths == ("$.body_newsdoc",)
    assert str(caught.value) == (
        "cannot read ninjs: at $.body_newsdoc: strict mode refuses to drop 1 unmapped "
        "item(s): $.body_newsdoc"
    )


def test_a_second_newsdoc_rendition_is_kept_after_the_first() -> None:
    second = {"contentType": CARRIER_TYPE, "value": STALE}
    document = {"uri": "u", "body_newsdoc": STALE, "bodies": [second]}
    assert _read(document) == Article(
        id="u", extensions=(_kept("$.body_newsdoc", STALE), _kept("$.bodies[0]", second))
    )


def test_a_second_newsdoc_rendition_is_kept_while_the_first_applies() -> None:
    article = Article(id="urn:x:1", lead=("Two  spaces.",))
    document = written(article, "ninjs-1.6")
    assert carried(document) == {"lead": ["Two  spaces."]}
    document["bodies"] = [{"contentType": CARRIER_TYPE, "value": STALE}]
    assert _read(document) == Article(
        id="urn:x:1",
        lead=("Two  spaces.",),
        extensions=(_kept("$.bodies[0]", {"contentType": CARRIER_TYPE, "value": STALE}),),
    )


def test_strict_refusal_and_a_broken_rendition_name_the_source() -> None:
    with pytest.raises(UnmappedContentError) as caught:
        reader.read(json.dumps({"uri": "u", "extra": 1}), ReadOptions(strict=True, source="s.json"))
    assert (caught.value.paths, caught.value.source) == (("$.extra",), "s.json")
    error = _refused({"uri": "u", "body_newsdoc": "{"}, source="b.json")
    assert (error.path, error.source) == ("$.body_newsdoc", "b.json")
    assert error.reason.startswith("the newsdoc rendition is not JSON: ")


def test_a_newsdoc_rendition_that_is_no_string_is_refused() -> None:
    error = _refused({"uri": "u", "body_newsdoc": 5})
    assert (error.path, error.reason) == ("$.body_newsdoc", "expected a string, not 5")


def test_carried_extensions_come_before_the_content_kept_from_the_document() -> None:
    extension = Extension(format="nitf", path="/nitf/head/meta[1]", content="<meta/>")
    article = Article(id="urn:x:1", lead=("One.",), extensions=(extension,))
    document = written(article, "ninjs")
    document["priority"] = 5  # a vendor's key, added after newsdoc wrote the document
    assert _read(document) == Article(
        id="urn:x:1", lead=("One.",), extensions=(extension, _kept("$.priority", 5))
    )


@pytest.mark.parametrize("slugline", [None, "Strike"])
def test_a_carried_separator_stops_applying_once_its_slugline_changes(
    slugline: str | None,
) -> None:
    article = Article(id="urn:x:1", slugline="Talks", slugline_separator=" / ", lead=("One.",))
    document = written(article, "ninjs")
    assert carried(document) == {"slugline_separator": " / "}
    rendition = document["bodies"][-1]
    if slugline is None:
        del document["slugline"]
    else:
        document["slugline"] = slugline
    assert _read(document) == Article(
        id="urn:x:1",
        slugline=slugline,
        lead=("One.",),
        extensions=(_kept("$.bodies[2]", rendition),),
    )


def test_a_rendition_fingerprinted_anew_over_a_contradiction_is_refused_at_the_root() -> None:
    article = Article(id="urn:x:1", slugline="Talks", slugline_separator=" / ", lead=("One.",))
    document = written(article, "ninjs")
    del document["slugline"]
    rendition = document["bodies"][-1]
    value = json.loads(rendition["value"])  # a digest made for the edited document
    value["digest"] = _carrier._digest(reader.read_native(document).fields, value["fields"])
    rendition["value"] = json.dumps(value)
    error = _refused(document, source="edited.json")
    assert (error.format, error.path, error.source) == ("ninjs", "$", "edited.json")
    assert str(error) == (
        "cannot read ninjs: edited.json, at $: invalid slugline_separator: needs a slugline to part"
    )
    assert isinstance(error.__cause__, newsdoc.ValidationError)


# -- paths and kept content ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "step"),
    [
        (3, "[3]"),
        (0, "[0]"),
        ("headline", ".headline"),
        ("clé", ".clé"),
        ("$standard", '["$standard"]'),
        ("a b", '["a b"]'),
        ("dépêche-1", '["dépêche-1"]'),
        ("", '[""]'),
    ],
)
def test_a_path_step_is_an_index_a_name_or_a_quoted_key(key: str | int, step: str) -> None:
    assert reader._step(key) == step


def test_unusual_keys_are_kept_under_their_quoted_path() -> None:
    document = {"uri": "u", "$standard": "x", "dépêche-1": 1, "a b": {"c-d": 2}}
    assert [extension.path for extension in _read(document).extensions] == [
        '$["$standard"]',
        '$["dépêche-1"]',
        '$["a b"]',
    ]


def test_kept_content_is_canonical_json_with_sorted_keys_and_text_as_it_is() -> None:
    value = {"b": "é ü", "a": [1, 2.5, None, True, {"z": 0, "y": "\u2028"}]}
    assert reader.to_extension_content(value) == (
        '{"a":[1,2.5,null,true,{"y":"\u2028","z":0}],"b":"é ü"}'
    )
    assert _read({"uri": "u", "extra": value}).extensions == (
        Extension(
            format="ninjs",
            path="$.extra",
            content='{"a":[1,2.5,null,true,{"y":"\u2028","z":0}],"b":"é ü"}',
        ),
    )


# -- plain-text paragraphs -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("", ()),
        ("One.", ("One.",)),
        (" One. \n Two. ", ("One.", "Two.")),
        ("One\nline.\n\nTwo.", ("One line.", "Two.")),
        ("\n\n A \n b\n\n\n C \n\n", ("A b", "C")),  # blank lines before, between, after
        (" \nA", ("A",)),
        ("A\n \t \nB\nC", ("A", "B C")),
    ],
)
def test_the_paragraphs_of_a_plain_body(text: str, paragraphs: tuple[str, ...]) -> None:
    assert reader.paragraphs_of(text) == paragraphs


# -- scalar properties -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "version"),
    [
        (1, 1),
        (2**63 - 1, 2**63 - 1),
        ("1", 1),
        ("007", 7),
        ("9223372036854775807", 2**63 - 1),
    ],
)
def test_a_version_from_1_to_the_largest_int_reads(value: int | str, version: int) -> None:
    assert _read({"uri": "u", "version": value}, strict=True) == Article(id="u", version=version)


@pytest.mark.parametrize(
    "value", [0, -1, 2**63, "0", "-1", " 3", "3.0", "", "9223372036854775808", "3a"]
)
def test_a_version_out_of_range_or_not_digits_is_kept(value: int | str) -> None:
    assert _read({"uri": "u", "version": value}) == Article(
        id="u", extensions=(_kept("$.version", value),)
    )


@pytest.mark.parametrize(
    ("value", "shown"), [(1.5, "1.5"), (True, "true"), (None, "null"), ([1], "an array")]
)
def test_a_version_of_another_json_type_is_refused(value: Any, shown: str) -> None:
    error = _refused({"uri": "u", "version": value})
    assert (error.path, error.reason) == ("$.version", f"expected a string, not {shown}")


@pytest.mark.parametrize("value", [1, 5, 9])
def test_an_urgency_from_1_to_9_reads(value: int) -> None:
    assert _read({"uri": "u", "urgency": value}, strict=True) == Article(id="u", urgency=value)


@pytest.mark.parametrize("value", [0, 10, -1, 4.0, 4.5])
def test_an_urgency_out_of_range_or_fractional_is_kept(value: float) -> None:
    assert _read({"uri": "u", "urgency": value}) == Article(
        id="u", extensions=(_kept("$.urgency", value),)
    )


@pytest.mark.parametrize(("value", "shown"), [("4", '"4"'), (True, "true"), (None, "null")])
def test_an_urgency_of_another_json_type_is_refused(value: Any, shown: str) -> None:
    error = _refused({"uri": "u", "urgency": value}, source="u.json")
    assert str(error) == f"cannot read ninjs: u.json, at $.urgency: expected a number, not {shown}"


@pytest.mark.parametrize(
    ("key", "field"),
    [
        ("firstcreated", "created"),
        ("firstCreated", "created"),
        ("versioncreated", "updated"),
        ("versionCreated", "updated"),
        ("embargoed", "embargoed"),
        ("embargoedUntil", "embargoed"),
        ("contentcreated", "content_created"),
        ("contentCreated", "content_created"),
    ],
)
@pytest.mark.parametrize(
    ("value", "moment"),
    [
        ("2025-03-01T08:00:00Z", dt.datetime(2025, 3, 1, 8, tzinfo=UTC)),
        ("2025-03-01T08:00:00z", dt.datetime(2025, 3, 1, 8, tzinfo=UTC)),
        (
            "2025-03-01T08:00:00+01:00",
            dt.datetime(2025, 3, 1, 8, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        ),
    ],
)
def test_a_moment_with_an_offset_reads(key: str, field: str, value: str, moment: Any) -> None:
    expected = Article(id="u", **{field: moment})
    assert _read({"uri": "u", key: value}, strict=True) == expected


@pytest.mark.parametrize("value", ["", "Z", "2025-03-01T08:00:00", "2025-03-01", "yesterday"])
def test_a_moment_without_an_offset_or_unreadable_is_kept(value: str) -> None:
    assert _read({"uri": "u", "firstCreated": value}) == Article(
        id="u", extensions=(_kept("$.firstCreated", value),)
    )


@pytest.mark.parametrize("status", list(PubStatus))
def test_every_publishing_status_reads(status: PubStatus) -> None:
    article = _read({"uri": "u", "pubstatus": status.value}, strict=True)
    assert article == Article(id="u", pub_status=status)


@pytest.mark.parametrize("value", ["Usable", "cancelled", ""])
def test_an_unknown_publishing_status_is_kept(value: str) -> None:
    assert _read({"uri": "u", "pubStatus": value}) == Article(
        id="u", extensions=(_kept("$.pubStatus", value),)
    )


def test_a_blank_uri_is_kept_not_taken_for_an_id() -> None:
    assert _read({"uri": " ", "headline": "H"}) == Article(
        headline="H", extensions=(_kept("$.uri", " "),)
    )


def test_every_rights_property_reads_into_its_part() -> None:
    document = {"uri": "u", "copyrightholder": "A", "copyrightnotice": "N", "usageterms": "T"}
    assert _read(document, strict=True) == Article(
        id="u", rights=Rights(holder="A", notice="N", usage_terms="T")
    )


def test_a_blank_or_second_rights_property_is_kept() -> None:
    document = {
        "uri": "u",
        "copyrightholder": "A",
        "copyrightHolder": "B",
        "copyrightNotice": " ",
        "usageTerms": "T",
        "usageterms": "T2",
    }
    assert _read(document) == Article(
        id="u",
        rights=Rights(holder="A", usage_terms="T"),
        extensions=(
            _kept("$.copyrightHolder", "B"),
            _kept("$.copyrightNotice", " "),
            _kept("$.usageterms", "T2"),
        ),
    )


def test_only_blank_rights_give_no_rights() -> None:
    assert _read({"uri": "u", "copyrightHolder": ""}) == Article(
        id="u", extensions=(_kept("$.copyrightHolder", ""),)
    )


CREATED = dt.datetime(2025, 3, 1, 8, tzinfo=UTC)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            {"firstcreated": T1, "firstCreated": T2},
            {"created": CREATED, "extensions": (_kept("$.firstCreated", T2),)},
        ),
        (
            {"versionCreated": T1, "versioncreated": T2},
            {"updated": CREATED, "extensions": (_kept("$.versioncreated", T2),)},
        ),
        (
            {"pubstatus": "usable", "pubStatus": "withheld"},
            {"pub_status": PubStatus.USABLE, "extensions": (_kept("$.pubStatus", "withheld"),)},
        ),
        (
            {"byline": "Ann", "by": "Bob"},
            {"bylines": ("Ann",), "extensions": (_kept("$.by", "Bob"),)},
        ),
        (
            {"headline": "H", "headline_main": "M"},
            {"headline": "H", "extensions": (_kept("$.headline_main", "M"),)},
        ),
        (
            {"headlines": [{"value": "H"}], "headline": "G"},
            {"headline": "H", "extensions": (_kept("$.headline", "G"),)},
        ),
        (
            {"headline_sub": "S", "headlines": [{"role": "sub", "value": "T"}]},
            {"subheadline": "S", "other_headlines": (RoleText(text="T", role="sub"),)},
        ),
        (
            {"description_text": "D", "descriptions": [{"role": "summary", "value": "E"}]},
            {"description": "D", "other_descriptions": (RoleText(text="E", role="summary"),)},
        ),
        (
            {"descriptions": [{"value": "E"}], "description_text": "D"},
            {"description": "E", "extensions": (_kept("$.description_text", "D"),)},
        ),
        (
            {"edNote": "A", "ednote": "B"},
            {"editorial_notes": ("A",), "extensions": (_kept("$.ednote", "B"),)},
        ),
        (
            {"embargoed": T1, "embargoedUntil": T2},
            {"embargoed": CREATED, "extensions": (_kept("$.embargoedUntil", T2),)},
        ),
    ],
)
def test_a_second_property_for_a_taken_field_is_kept_as_it_was_written(
    document: dict[str, Any], expected: dict[str, Any]
) -> None:
    assert _read({"uri": "u", **document}) == Article(id="u", **expected)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("headline", ""),
        ("headline", " Padded"),
        ("headline", "Two\nlines"),
        ("headline_main", "Two\u2028lines"),
        ("headline_sub", " "),
        ("slugline", "talks "),
        ("byline", "Ann\nBob"),
        ("by", ""),
        ("located", " "),
        ("description_text", "\n"),
        ("language", "en_GB"),
        ("language", "e"),
    ],
)
def test_a_text_the_model_cannot_take_is_kept(key: str, value: str) -> None:
    assert _read({"uri": "u", key: value}) == Article(
        id="u", extensions=(_kept(f"$.{key}", value),)
    )


def test_flat_and_single_text_properties_read() -> None:
    document = {
        "uri": "u",
        "headline_main": "Main",
        "headline_sub": "Sub",
        "byline": "Ann Lee",
        "slugline": "talks",
        "located": "Geneva",
        "description_text": "What\nhappened.",
        "language": "de-CH",
    }
    assert _read(document, strict=True) == Article(
        id="u",
        headline="Main",
        subheadline="Sub",
        bylines=("Ann Lee",),
        slugline="talks",
        located=Concept(name="Geneva"),
        description="What\nhappened.",
        language="de-CH",
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("headline", 1),
        ("headline_main", None),
        ("by", ["Ann"]),
        ("located", {}),
        ("description_text", 2),
        ("language", 3),
        ("copyrightHolder", 4),
        ("pubStatus", 5),
        ("firstCreated", 6),
        ("edNote", 7),
        ("uri", None),
        ("body_text", 8),
    ],
)
def test_a_text_property_of_another_json_type_is_refused(key: str, value: Any) -> None:
    from newsdoc.formats._json import shown

    error = _refused({key: value}, source="s.json")
    assert (error.path, error.source) == (f"$.{key}", "s.json")
    assert error.reason == f"expected a string, not {shown(value)}"


@pytest.mark.parametrize(
    "standard",
    [
        {"name": "ninjs"},
        {"name": "ninjs", "version": "3.1"},
        {"name": "ninjs", "version": "3.1", "schema": "http://www.iptc.org/std/ninjs/x.json"},
    ],
)
@pytest.mark.parametrize("key", ["standard", "$standard"])
def test_a_ninjs_standard_object_is_read_and_dropped(key: str, standard: dict[str, str]) -> None:
    assert _read({"uri": "u", key: standard}, strict=True) == Article(id="u")


@pytest.mark.parametrize(
    "standard",
    [
        {"name": "NINJS"},
        {"name": "other", "version": "1"},
        {"version": "3.1"},
        {"name": "ninjs", "version": 3},
        {"name": "ninjs", "extra": "x"},
        {},
        "ninjs",
        ["ninjs"],
    ],
)
def test_a_standard_that_is_not_ninjs_s_own_is_kept(standard: Any) -> None:
    assert _read({"uri": "u", "standard": standard}) == Article(
        id="u", extensions=(_kept("$.standard", standard),)
    )


# -- headlines and descriptions ----------------------------------------------------------------


def test_a_rendition_without_a_value_is_kept_whole_and_the_next_read() -> None:
    document = {"uri": "u", "headlines": [{"role": "main"}, {"role": "main", "value": "H"}]}
    assert _read(document) == Article(
        id="u", headline="H", extensions=(_kept("$.headlines[0]", {"role": "main"}),)
    )


@pytest.mark.parametrize(
    ("item", "path", "shown"),
    [
        ({"value": 5}, "$.headlines[1].value", "5"),
        ({"value": None}, "$.headlines[1].value", "null"),
        ({"value": "H", "role": 1}, "$.headlines[1].role", "1"),
        ({"value": "H", "contentType": []}, "$.headlines[1].contentType", "an array"),
        ({"value": "H", "contenttype": {}}, "$.headlines[1].contenttype", "an object"),
    ],
)
def test_a_rendition_member_of_another_json_type_is_refused(
    item: dict[str, Any], path: str, shown: str
) -> None:
    error = _refused({"uri": "u", "headlines": [{"value": "H"}, item]}, source="h.json")
    assert str(error) == f"cannot read ninjs: h.json, at {path}: expected a string, not {shown}"


@pytest.mark.parametrize("key", ["headlines", "descriptions", "bodies"])
def test_renditions_that_are_no_array_of_objects_are_refused(key: str) -> None:
    error = _refused({"uri": "u", key: {"value": "x"}})
    assert (error.path, error.reason) == (f"$.{key}", "expected an array, not an object")
    error = _refused({"uri": "u", key: [{"value": "x"}, "x"]})
    assert (error.path, error.reason) == (f"$.{key}[1]", 'expected an object, not "x"')


def test_further_members_of_a_read_headline_are_kept_one_by_one() -> None:
    document = {
        "uri": "u",
        "headlines": [
            {"role": "main", "value": "H", "charCount": 1, "contenttype": "text/plain"},
            {"role": "short", "lang": "en", "value": "S"},
        ],
    }
    assert _read(document) == Article(
        id="u",
        headline="H",
        other_headlines=(RoleText(text="S", role="short"),),
        extensions=(_kept("$.headlines[0].charCount", 1), _kept("$.headlines[1].lang", "en")),
    )


def test_headlines_that_are_no_plain_line_are_kept_whole_and_the_next_read() -> None:
    items = [
        {"contentType": "text/html", "value": "<b>H</b>", "charCount": 8},
        {"contenttype": "text/html", "value": "H2"},
        {"value": "Two\nlines"},
        {"value": " "},
        {"role": " x", "value": "X", "n": 1},
        {"role": "a b", "value": "Y"},
        {"value": "H", "contentType": "text/plain", "contenttype": "text/html"},
    ]
    assert _read({"uri": "u", "headlines": items}) == Article(
        id="u",
        headline="H",
        extensions=tuple(
            _kept(f"$.headlines[{index}]", item) for index, item in enumerate(items[:6])
        ),
    )


def test_which_headline_is_the_headline_the_subheadline_or_a_further_one() -> None:
    items = [
        {"role": "sub", "value": "S"},
        {"value": "A"},
        {"value": "B"},
        {"role": "sub", "value": "T"},
        {"role": "short", "value": "Sh"},
        {"role": "main", "value": "M"},
    ]
    assert _read({"uri": "u", "headlines": items}, strict=True) == Article(
        id="u",
        headline="A",
        subheadline="S",
        other_headlines=(
            RoleText(text="B"),
            RoleText(text="T", role="sub"),
            RoleText(text="Sh", role="short"),
            RoleText(text="M", role="main"),
        ),
    )


def test_which_description_is_the_description_or_a_further_one() -> None:
    items = [
        {"value": " "},
        {"contentType": "text/html", "value": "<p>D</p>"},
        {"contenttype": "text/html", "value": "D"},
        {"role": "a b", "value": "X", "n": 1},
        {"value": "First\nline two.", "contentType": "text/plain"},
        {"role": "summary", "value": "S2"},
        {"value": "N2", "n": 2},
        {"role": "caption", "value": "C"},
    ]
    assert _read({"uri": "u", "descriptions": items}) == Article(
        id="u",
        description="First\nline two.",
        other_descriptions=(
            RoleText(text="S2", role="summary"),
            RoleText(text="N2"),
            RoleText(text="C", role="caption"),
        ),
        extensions=(
            *(_kept(f"$.descriptions[{index}]", item) for index, item in enumerate(items[:4])),
            _kept("$.descriptions[6].n", 2),
        ),
    )


def test_a_summary_is_the_description_when_it_comes_first() -> None:
    items = [{"role": "summary", "value": "S"}, {"value": "N"}, {"role": " s", "value": "X"}]
    assert _read({"uri": "u", "descriptions": items}) == Article(
        id="u",
        description="S",
        other_descriptions=(RoleText(text="N"),),
        extensions=(_kept("$.descriptions[2]", items[2]),),
    )


# -- bodies ------------------------------------------------------------------------------------


def test_a_body_of_another_role_or_content_type_is_kept_whole() -> None:
    items = [
        {"role": "caption", "contentType": "text/plain", "value": "Cap."},
        {"contentType": "text/markdown", "value": "*x*"},
        {"role": "richtext", "contentType": "application/xhtml+xml", "value": "<p>One.</p>"},
        {"role": "main", "contenttype": "text/plain", "value": "One."},
        {"value": "One."},
    ]
    assert _read({"uri": "u", "bodies": items}) == Article(
        id="u",
        lead=("One.",),
        extensions=(_kept("$.bodies[0]", items[0]), _kept("$.bodies[1]", items[1])),
    )


def test_the_first_markup_body_that_parses_is_the_body_and_later_ones_are_kept() -> None:
    document = {"uri": "u", "body_html": "<p>First.</p>", "body_xhtml": "<p>Second.</p>"}
    assert _read(document) == Article(
        id="u", lead=("First.",), extensions=(_kept("$.body_xhtml", "<p>Second.</p>"),)
    )


def test_a_markup_body_is_chosen_over_an_earlier_plain_one() -> None:
    document = {"uri": "u", "body_text": "Plain.", "body_html": "<p>Marked.</p>"}
    assert _read(document) == Article(
        id="u", lead=("Marked.",), extensions=(_kept("$.body_text", "Plain."),)
    )


def test_without_a_markup_body_the_first_plain_one_is_read_and_a_same_worded_one_derived() -> None:
    same = {"uri": "u", "body_text": "One\n\nTwo.", "body_main": "One Two."}
    assert _read(same, strict=True) == Article(id="u", lead=("One", "Two."))
    other = {"uri": "u", "body_text": "One.", "body_main": "Other."}
    assert _read(other) == Article(
        id="u", lead=("One.",), extensions=(_kept("$.body_main", "Other."),)
    )


XHTML = '<p>Lead.</p><h2>Head</h2><p>Para.</p><div class="trailer"><p>End.</p></div>'


@pytest.mark.parametrize(
    ("plain", "derived"),
    [
        ("Lead.\n\nHead\n\nPara.\n\nEnd.", True),
        ("Lead. Head Para. End.", True),
        ("Lead.\n\nPara.\n\nEnd.", False),  # without the heading
        ("Lead.\n\nHead\n\nPara.", False),  # without the trailer
        ("Head\n\nPara.\n\nEnd.", False),  # without the lead
    ],
)
def test_a_plain_body_is_derived_when_it_has_every_word_of_the_markup_body(
    plain: str, derived: bool
) -> None:
    article = _read({"uri": "u", "body_xhtml": XHTML, "body_text": plain})
    kept = () if derived else (_kept("$.body_text", plain),)
    assert article == Article(
        id="u",
        lead=("Lead.",),
        sections=(Section(heading="Head", paragraphs=("Para.",)),),
        trailer=("End.",),
        extensions=kept,
    )


def test_unread_body_renditions_are_kept_in_document_order() -> None:
    document = {
        "uri": "u",
        "body_html": "<p>bad",
        "a": 1,
        "body_text": "Other.",
        "b": 2,
        "body_xhtml": "<p>One.</p>",
        "c": 3,
    }
    assert [extension.path for extension in _read(document).extensions] == [
        "$.body_html",
        "$.a",
        "$.body_text",
        "$.b",
        "$.c",
    ]


def test_further_members_of_the_read_bodies_are_kept_in_document_order() -> None:
    document = {
        "x": 1,
        "bodies": [
            {"contentType": "application/xhtml+xml", "value": "<p>One.</p>", "wordCount": 1},
            {"contentType": "text/plain", "value": "One.", "charCount": 4},
            {"contentType": "text/plain", "value": "Else.", "charCount": 5},
        ],
        "y": 2,
    }
    assert _read(document) == Article(
        lead=("One.",),
        extensions=(
            _kept("$.x", 1),
            _kept("$.bodies[0].wordCount", 1),
            _kept("$.bodies[1].charCount", 4),
            _kept("$.bodies[2]", document["bodies"][2]),  # type: ignore[index]
            _kept("$.y", 2),
        ),
    )


def test_a_plain_body_s_further_members_are_kept_when_it_is_the_body() -> None:
    body = {"role": "main", "contentType": "text/plain", "value": "One.", "charCount": 4}
    assert _read({"uri": "u", "bodies": [body]}) == Article(
        id="u", lead=("One.",), extensions=(_kept("$.bodies[0].charCount", 4),)
    )


@pytest.mark.parametrize(
    "body",
    [
        '<?xml version="1.0"?><p>One.</p>',
        '  \n<?xml version="1.0" encoding="utf-8"?>\n<p>One.</p>',
    ],
)
def test_an_xml_declaration_before_the_body_is_passed_over(body: str) -> None:
    assert _read({"uri": "u", "body_xhtml": body}, strict=True) == Article(id="u", lead=("One.",))


def test_the_namespace_is_the_first_element_s_not_a_comment_s() -> None:
    body = '<!-- c --><p xmlns="http://www.w3.org/1999/xhtml">One.</p>'
    assert _read({"uri": "u", "body_xhtml": body}) == Article(
        id="u", lead=("One.",), extensions=(_kept("$.body_xhtml", body),)
    )


def test_an_empty_markup_body_is_an_empty_body() -> None:
    assert _read({"uri": "u", "body_xhtml": ""}, strict=True) == Article(id="u")
    assert _read({"uri": "u", "body_xhtml": "", "body_text": "Words."}) == Article(
        id="u", extensions=(_kept("$.body_text", "Words."),)
    )


def test_a_body_with_two_xml_declarations_is_not_well_formed_and_kept() -> None:
    body = '<?xml version="1.0"?><?xml version="1.0"?><p>One.</p>'
    assert _read({"uri": "u", "body_xhtml": body}) == Article(
        id="u", extensions=(_kept("$.body_xhtml", body),)
    )


def test_html_character_references_become_characters_markup_ones_escaped() -> None:
    html = "<p>a &LT; b &AMP; c &QUOT;d&QUOT; &lt;e&gt; &NotEqualTilde; caf&eacute;!</p>"
    assert _read({"uri": "u", "body_html": html}, strict=True) == Article(
        id="u", lead=('a < b & c "d" <e> \u2242\u0338 café!',)
    )


def test_html_void_elements_are_closed_and_the_body_holding_them_kept_whole() -> None:
    html = "<p>caf&eacute;<br>!</p><hr><p>Two.</p>"
    assert _read({"uri": "u", "body_html": html}) == Article(
        id="u", lead=("café !", "Two."), extensions=(_kept("$.body_html", html),)
    )


@pytest.mark.parametrize("html", ["<p>&bogus; here</p>", "<p>&amp here</p>", "<p>a < b</p>"])
def test_a_body_that_is_still_no_xml_after_the_html_fixes_is_kept(html: str) -> None:
    assert _read({"uri": "u", "body_html": html}) == Article(
        id="u", extensions=(_kept("$.body_html", html),)
    )


def test_a_nitf_body_gives_the_header_fields_the_document_leaves_unset() -> None:
    nitf = (
        "<nitf><body><body.head><hedline><hl1>From NITF</hl1></hedline>"
        "<byline>By Ann Lee</byline></body.head><body.content><p>First.</p>"
        "</body.content></body></nitf>"
    )
    document = {"uri": "u", "bodies": [{"contentType": "application/nitf+xml", "value": nitf}]}
    assert _read(document, strict=True) == Article(
        id="u", headline="From NITF", bylines=("Ann Lee",), lead=("First.",)
    )


# -- concepts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "concept", "kept"),
    [
        (
            {"uri": "http://u/1", "scheme": "http://s/", "code": "c", "name": "N"},
            Concept(uri="http://u/1", name="N"),
            [("scheme", "http://s/"), ("code", "c")],
        ),
        ({"code": "c", "scheme": "http://s/"}, Concept(uri="http://s/c"), []),
        ({"literal": "q:1", "code": "c"}, Concept(qcode="q:1"), [("code", "c")]),
        ({"scheme": " ", "code": "c"}, Concept(qcode="c"), [("scheme", " ")]),
        ({"code": "c"}, Concept(qcode="c"), []),
        (
            {"scheme": "http://s/", "code": " ", "name": "N"},
            Concept(name="N"),
            [("scheme", "http://s/"), ("code", " ")],
        ),
        (
            {"literal": "q:1", "scheme": "http://s/", "code": "c"},
            Concept(qcode="q:1", uri="http://s/c"),
            [],
        ),
        (
            {"name": " ", "uri": "http://u/1", "literal": ""},
            Concept(uri="http://u/1"),
            [("name", " "), ("literal", "")],
        ),
        (
            {"name": "N", "rel": "about", "relevance": 90},
            Concept(name="N"),
            [("rel", "about"), ("relevance", 90)],
        ),
    ],
)
def test_the_concept_an_object_names_and_the_members_kept(
    item: dict[str, Any], concept: Concept, kept: list[tuple[str, Any]]
) -> None:
    article = _read({"uri": "u", "subjects": [item]})
    assert article == Article(
        id="u",
        subjects=(concept,),
        extensions=tuple(_kept(f"$.subjects[0].{name}", value) for name, value in kept),
    )


@pytest.mark.parametrize(
    "item", [{}, {"name": " ", "uri": ""}, {"scheme": "http://s/"}, {"rel": "about"}]
)
def test_an_object_that_names_no_concept_is_kept_whole(item: dict[str, Any]) -> None:
    document = {"uri": "u", "genres": [item, {"name": "G"}]}
    assert _read(document) == Article(
        id="u", genres=(Concept(name="G"),), extensions=(_kept("$.genres[0]", item),)
    )


@pytest.mark.parametrize("member", ["name", "uri", "literal", "scheme", "code"])
def test_a_concept_member_of_another_json_type_is_refused(member: str) -> None:
    error = _refused({"uri": "u", "subjects": [{"name": "N"}, {"name": "M", member: 5}]})
    assert (error.path, error.reason) == (f"$.subjects[1].{member}", "expected a string, not 5")


@pytest.mark.parametrize(("first", "second"), [("subject", "subjects"), ("subjects", "subject")])
def test_both_spellings_of_subjects_add_up(first: str, second: str) -> None:
    document = {"uri": "u", first: [{"name": "A"}], second: [{"name": "B"}, {"name": "C"}]}
    concepts = (Concept(name="A"), Concept(name="B"), Concept(name="C"))
    assert _read(document, strict=True) == Article(id="u", subjects=concepts)


@pytest.mark.parametrize(("first", "second"), [("genre", "genres"), ("genres", "genre")])
def test_both_spellings_of_genres_add_up(first: str, second: str) -> None:
    document = {"uri": "u", first: [{"name": "A"}], second: [{"name": "B"}, {"name": "C"}]}
    concepts = (Concept(name="A"), Concept(name="B"), Concept(name="C"))
    assert _read(document, strict=True) == Article(id="u", genres=concepts)


# -- info sources ------------------------------------------------------------------------------


def test_the_info_source_of_role_provider_is_the_provider_wherever_it_stands() -> None:
    items = [
        {"name": "A", "role": "infosrc:origin"},
        {"name": "P", "role": "provider", "x": 1},
        {"name": "B"},
        {"name": "Q", "role": "provider"},
    ]
    assert _read({"uri": "u", "infoSources": items}) == Article(
        id="u",
        provider=Concept(name="P"),
        info_sources=(
            Party(name="A", roles=("infosrc:origin",)),
            Party(name="B"),
            Party(name="Q", roles=("provider",)),
        ),
        extensions=(_kept("$.infoSources[1].x", 1),),
    )


def test_without_a_provider_role_the_first_info_source_without_a_role_is_the_provider() -> None:
    items = [{"name": "A", "rel": "r"}, {"name": "B"}, {"name": "C"}]
    assert _read({"uri": "u", "infosources": items}, strict=True) == Article(
        id="u",
        provider=Concept(name="B"),
        info_sources=(Party(name="A", roles=("r",)), Party(name="C")),
    )


def test_a_provider_that_names_no_one_is_kept_and_the_rest_are_info_sources() -> None:
    items = [{"role": "provider", "x": 1}, {"name": "B"}, {"name": "C", "role": "r1 r2"}]
    assert _read({"uri": "u", "infoSources": items}) == Article(
        id="u",
        info_sources=(Party(name="B"), Party(name="C", roles=("r1", "r2"))),
        extensions=(_kept("$.infoSources[0]", items[0]),),
    )


def test_a_provider_given_by_1_x_rel_reads_and_a_second_list_gives_info_sources() -> None:
    document = {
        "uri": "u",
        "infosource": [{"name": "P", "rel": "provider"}],
        "infoSources": [{"name": "Q", "role": "provider"}, {"name": "R"}],
    }
    assert _read(document, strict=True) == Article(
        id="u",
        provider=Concept(name="P"),
        info_sources=(Party(name="Q", roles=("provider",)), Party(name="R")),
    )


def test_an_info_source_s_role_comes_from_role_before_rel() -> None:
    items = [{"name": "P"}, {"name": "A", "role": "r1", "rel": "r2"}]
    assert _read({"uri": "u", "infoSources": items}) == Article(
        id="u",
        provider=Concept(name="P"),
        info_sources=(Party(name="A", roles=("r1",)),),
        extensions=(_kept("$.infoSources[1].rel", "r2"),),
    )


@pytest.mark.parametrize(
    "item",
    [
        {"name": "X", "role": "a  b"},
        {"name": "X", "role": ""},
        {"name": "X", "role": "r "},
        {"role": "r"},
        {"name": " ", "role": "r"},
    ],
)
def test_an_info_source_with_bad_roles_or_no_name_is_kept_whole(item: dict[str, Any]) -> None:
    items = [{"name": "P", "role": "provider"}, item, {"name": "B", "role": "r"}]
    assert _read({"uri": "u", "infoSources": items}) == Article(
        id="u",
        provider=Concept(name="P"),
        info_sources=(Party(name="B", roles=("r",)),),
        extensions=(_kept("$.infoSources[1]", item),),
    )


@pytest.mark.parametrize("member", ["role", "rel"])
def test_an_info_source_role_of_another_json_type_is_refused(member: str) -> None:
    error = _refused({"uri": "u", "infoSources": [{"name": "P"}, {"name": "A", member: 1}]})
    assert (error.path, error.reason) == (f"$.infoSources[1].{member}", "expected a string, not 1")


def test_info_sources_that_are_no_array_of_objects_are_refused() -> None:
    error = _refused({"uri": "u", "infoSources": {"name": "P"}})
    assert (error.path, error.reason) == ("$.infoSources", "expected an array, not an object")
    error = _refused({"uri": "u", "infoSources": [{"name": "P"}, 3]})
    assert (error.path, error.reason) == ("$.infoSources[1]", "expected an object, not 3")


# -- creators and contributors -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "kind"), [("people", None), ("person", None), ("organisations", "cptype:organisation")]
)
def test_creators_and_contributors_with_their_roles(key: str, kind: str | None) -> None:
    items = [
        {"name": "Ann", "rel": "creator crol:writer crol:editor", "x": 1},
        {"literal": "p:bob", "rel": "contributor"},
        {"uri": "http://c/1", "rel": "creator"},
        {"name": "Subject", "rel": "about"},
        {"name": "Other", "rel": "creatorx"},
        {"name": "None"},
    ]
    assert _read({"uri": "u", key: items}) == Article(
        id="u",
        creators=(
            Party(name="Ann", kind=kind, roles=("crol:writer", "crol:editor")),
            Party(uri="http://c/1", kind=kind),
        ),
        contributors=(Party(qcode="p:bob", kind=kind),),
        extensions=(
            _kept(f"$.{key}[0].x", 1),
            _kept(f"$.{key}[3]", items[3]),
            _kept(f"$.{key}[4]", items[4]),
            _kept(f"$.{key}[5]", items[5]),
        ),
    )


@pytest.mark.parametrize(
    "item",
    [
        {"name": "X", "rel": "creator "},
        {"name": "X", "rel": "contributor a  b"},
        {"rel": "creator"},
        {"name": "", "rel": "contributor"},
    ],
)
def test_a_creator_with_bad_roles_or_no_name_is_kept_whole(item: dict[str, Any]) -> None:
    items = [item, {"name": "B", "rel": "creator"}]
    assert _read({"uri": "u", "people": items}) == Article(
        id="u", creators=(Party(name="B"),), extensions=(_kept("$.people[0]", item),)
    )


def test_people_and_organisations_add_up() -> None:
    document = {
        "uri": "u",
        "person": [{"name": "A", "rel": "creator"}],
        "people": [{"name": "B", "rel": "creator"}],
        "organisations": [{"name": "C", "rel": "creator"}],
    }
    assert _read(document, strict=True) == Article(
        id="u",
        creators=(
            Party(name="A"),
            Party(name="B"),
            Party(name="C", kind="cptype:organisation"),
        ),
    )


def test_a_person_s_rel_of_another_json_type_is_refused() -> None:
    error = _refused({"uri": "u", "people": [{"name": "A", "rel": "creator"}, {"rel": 2}]})
    assert (error.path, error.reason) == ("$.people[1].rel", "expected a string, not 2")
    error = _refused({"uri": "u", "organisations": ["A"]})
    assert (error.path, error.reason) == ("$.organisations[0]", 'expected an object, not "A"')


# -- alternative ids ---------------------------------------------------------------------------


def test_1_x_alternative_ids_are_one_object_of_kind_and_id() -> None:
    value = {
        "idtype:a": "A1",
        "bad kind": "B",
        "k": 5,
        "k2": " x",
        "k3": "a\nb",
        "": "E",
        "b": "B1",
    }
    assert _read({"uri": "u", "altids": value}) == Article(
        id="u",
        alt_ids=(AltId(value="A1", kind="idtype:a"), AltId(value="B1", kind="b")),
        extensions=(
            _kept('$.altids["bad kind"]', "B"),
            _kept("$.altids.k", 5),
            _kept("$.altids.k2", " x"),
            _kept("$.altids.k3", "a\nb"),
            _kept('$.altids[""]', "E"),
        ),
    )


def test_3_x_alternative_ids_are_objects_of_role_and_value() -> None:
    items = [
        {"role": "idtype:a", "value": "A1", "x": 1},
        {"role": " x", "value": "B"},
        {"role": "r"},
        {"value": " "},
        {"value": "C1"},
    ]
    assert _read({"uri": "u", "altIds": items}) == Article(
        id="u",
        alt_ids=(AltId(value="A1", kind="idtype:a"), AltId(value="C1")),
        extensions=(
            _kept("$.altIds[0].x", 1),
            _kept("$.altIds[1]", items[1]),
            _kept("$.altIds[2]", items[2]),
            _kept("$.altIds[3]", items[3]),
        ),
    )


def test_both_spellings_of_alternative_ids_add_up() -> None:
    document = {"uri": "u", "altids": {"k": "1"}, "altIds": [{"value": "2"}]}
    assert _read(document, strict=True) == Article(
        id="u", alt_ids=(AltId(value="1", kind="k"), AltId(value="2"))
    )


@pytest.mark.parametrize("member", ["role", "value"])
def test_an_alternative_id_member_of_another_json_type_is_refused(member: str) -> None:
    item = {"role": "r", "value": "v", member: 4}
    error = _refused({"uri": "u", "altIds": [{"value": "1"}, item]})
    assert (error.path, error.reason) == (f"$.altIds[1].{member}", "expected a string, not 4")


# -- associations --------------------------------------------------------------------------------


def test_a_3_x_association_gives_every_part_of_a_link() -> None:
    item = {
        "name": "Earlier",
        "uri": "urn:x:1",
        "rel": "irel:previousVersion",
        "version": "9223372036854775807",
        "renditions": [{"name": "target", "href": "http://x/1", "contentType": "text/html"}],
    }
    assert _read({"uri": "u", "associations": [item]}, strict=True) == Article(
        id="u",
        links=(
            Link(
                relation="irel:previousVersion",
                target_id="urn:x:1",
                target="http://x/1",
                version=2**63 - 1,
                title="Earlier",
                content_type="text/html",
            ),
        ),
    )


@pytest.mark.parametrize(
    ("item", "link", "kept"),
    [
        ({"uri": "urn:x:1", "version": "0"}, Link(target_id="urn:x:1"), [("version", "0")]),
        (
            {"uri": "urn:x:1", "version": "9223372036854775808"},
            Link(target_id="urn:x:1"),
            [("version", "9223372036854775808")],
        ),
        ({"uri": "urn:x:1", "version": "1"}, Link(target_id="urn:x:1", version=1), []),
        ({"uri": "urn:x:1", "version": 2}, Link(target_id="urn:x:1"), [("version", 2)]),
        ({"uri": "urn:x:1", "version": "v2"}, Link(target_id="urn:x:1"), [("version", "v2")]),
        ({"uri": "urn:x:1", "rel": "a b"}, Link(target_id="urn:x:1"), [("rel", "a b")]),
        ({"uri": "urn:x:1", "rel": "r", "name": "r"}, Link(target_id="urn:x:1", relation="r"), []),
        ({"uri": "urn:x:1", "name": "urn:x:1"}, Link(target_id="urn:x:1"), []),
        (
            {"uri": "urn:x:1", "name": "Two\nlines"},
            Link(target_id="urn:x:1"),
            [("name", "Two\nlines")],
        ),
        ({"uri": "urn:x:1", "name": " "}, Link(target_id="urn:x:1"), [("name", " ")]),
        (
            {"uri": "urn:x:1", "renditions": [{"name": "target", "href": "urn:x:1"}]},
            Link(target="urn:x:1"),
            [],
        ),
        (
            {"uri": "urn:x:1", "renditions": [{"name": "target", "contentType": "image/png"}]},
            Link(target_id="urn:x:1", content_type="image/png"),
            [],
        ),
    ],
)
def test_what_a_3_x_association_gives_and_what_it_keeps(
    item: dict[str, Any], link: Link, kept: list[tuple[str, Any]]
) -> None:
    article = _read({"uri": "u", "associations": [item]})
    assert article == Article(
        id="u",
        links=(link,),
        extensions=tuple(_kept(f"$.associations[0].{name}", value) for name, value in kept),
    )


@pytest.mark.parametrize(
    "renditions",
    [
        [],
        [{"name": "target", "href": "http://x/1"}, {"name": "target", "href": "http://x/2"}],
        [{"name": "thumbnail", "href": "http://x/1"}],
        [{"name": "target", "href": "http://x/1", "width": 10}],
        [{"name": "target"}],
        [{"href": "http://x/1"}],
        [{"name": "target", "href": " "}],
        [{"name": "target", "href": 5}],
        [{"name": "target", "href": "http://x/1", "contentType": "text html"}],
        [{"name": "target", "href": "http://x/1", "contentType": 5}],
        ["target"],
        {"target": {"href": "http://x/1"}},
    ],
)
def test_3_x_renditions_that_are_no_single_target_are_kept(renditions: Any) -> None:
    item = {"uri": "urn:x:1", "renditions": renditions}
    assert _read({"uri": "u", "associations": [item]}) == Article(
        id="u",
        links=(Link(target_id="urn:x:1"),),
        extensions=(_kept("$.associations[0].renditions", renditions),),
    )


@pytest.mark.parametrize(
    "renditions",
    [
        {},
        {"target": {"href": "http://x/1"}, "thumbnail": {"href": "http://x/2"}},
        {"thumbnail": {"href": "http://x/1"}},
        {"target": {"href": "http://x/1", "width": 10}},
        {"target": {"href": "http://x/1", "name": "target"}},
        {"target": {}},
        {"target": {"href": " "}},
        {"target": {"mimetype": "text html"}},
        {"target": {"mimetype": 5}},
        {"target": "http://x/1"},
        [{"name": "target", "href": "http://x/1"}],
    ],
)
def test_1_x_renditions_that_are_no_single_target_are_kept(renditions: Any) -> None:
    item = {"uri": "urn:x:1", "renditions": renditions}
    assert _read({"uri": "u", "associations": {"rel": item}}) == Article(
        id="u",
        links=(Link(relation="rel", target_id="urn:x:1"),),
        extensions=(_kept("$.associations.rel.renditions", renditions),),
    )


def test_a_1_x_association_takes_its_title_and_a_target_of_its_own_uri() -> None:
    item = {
        "uri": "http://x/1",
        "title": "http://x/1",
        "name": 5,
        "rel": 6,
        "renditions": {"target": {"href": "http://x/1", "mimetype": "text/html"}},
    }
    assert _read({"uri": "u", "associations": {"seeAlso": item}}) == Article(
        id="u",
        links=(
            Link(
                relation="seeAlso",
                target="http://x/1",
                title="http://x/1",
                content_type="text/html",
            ),
        ),
        extensions=(
            _kept("$.associations.seeAlso.name", 5),
            _kept("$.associations.seeAlso.rel", 6),
        ),
    )


def test_1_x_associations_that_give_no_link_are_kept_and_the_rest_read() -> None:
    value = {
        "a b": {"uri": "urn:x:1"},
        "nouri": {"title": "T"},
        "blank": {"uri": " "},
        "list": ["urn:x:2"],
        "ok": {"uri": "urn:x:3", "renditions": {"target": {"mimetype": "text/html"}}},
    }
    assert _read({"uri": "u", "associations": value}) == Article(
        id="u",
        links=(Link(relation="ok", target_id="urn:x:3", content_type="text/html"),),
        extensions=(
            _kept('$.associations["a b"]', value["a b"]),
            _kept("$.associations.nouri", value["nouri"]),
            _kept("$.associations.blank", value["blank"]),
            _kept("$.associations.list", value["list"]),
        ),
    )


def test_3_x_associations_without_a_uri_are_kept_and_the_rest_read() -> None:
    items = [{"name": "no uri"}, {"uri": ""}, {"uri": "urn:x:1"}]
    assert _read({"uri": "u", "associations": items}) == Article(
        id="u",
        links=(Link(target_id="urn:x:1"),),
        extensions=(_kept("$.associations[0]", items[0]), _kept("$.associations[1]", items[1])),
    )


@pytest.mark.parametrize(
    ("associations", "path", "shown"),
    [
        ([{"uri": "urn:x:1", "rel": 5}], "$.associations[0].rel", "5"),
        ([{"uri": "urn:x:1", "name": 5}], "$.associations[0].name", "5"),
        ({"rel": {"uri": "urn:x:1", "title": 5}}, "$.associations.rel.title", "5"),
        ({"rel": {"uri": 5}}, "$.associations.rel.uri", "5"),
    ],
)
def test_an_association_member_of_another_json_type_is_refused(
    associations: Any, path: str, shown: str
) -> None:
    error = _refused({"uri": "u", "associations": associations})
    assert (error.path, error.reason) == (path, f"expected a string, not {shown}")


def test_associations_that_are_no_array_or_object_are_refused() -> None:
    error = _refused({"uri": "u", "associations": "urn:x:1"})
    assert (error.path, error.reason) == ("$.associations", 'expected an array, not "urn:x:1"')
    error = _refused({"uri": "u", "associations": [["urn:x:1"]]})
    assert (error.path, error.reason) == ("$.associations[0]", "expected an object, not an array")


def test_a_file_that_is_not_json_is_refused_naming_the_format_file_and_place(
    tmp_path: Path,
) -> None:
    path = tmp_path / "story.json"
    path.write_text('{"uri": "u",\n "headline": }', encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        newsdoc.read(path, "ninjs")
    error = caught.value
    assert (error.format, error.source, error.line, error.column) == ("ninjs", str(path), 2, 14)
    assert error.reason == "Expecting value"


@pytest.mark.parametrize("note", [" ", "One.\n\n \n\nTwo."])
def test_editorial_notes_with_a_blank_one_are_kept_as_written(note: str) -> None:
    assert _read({"uri": "u", "ednote": note}) == Article(
        id="u", extensions=(_kept("$.ednote", note),)
    )


def test_a_markup_rendition_of_another_role_is_kept_and_not_the_body() -> None:
    summary = {"role": "summary", "contentType": "application/xhtml+xml", "value": "<p>Short.</p>"}
    body = {"contentType": "application/xhtml+xml", "value": "<p>Long.</p>"}
    assert _read({"uri": "u", "bodies": [summary, body]}) == Article(
        id="u", lead=("Long.",), extensions=(_kept("$.bodies[0]", summary),)
    )


@pytest.mark.parametrize(
    ("key", "body"),
    [
        ("body_xhtml", '<div xmlns="http://www.w3.org/1999/xhtml"><p>One.</p></div>'),
        (
            "body_nitf",
            '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>'
            "<p>One.</p></body.content></body></nitf>",
        ),
    ],
)
def test_a_body_in_its_dialect_s_namespace_is_read_whole(key: str, body: str) -> None:
    assert _read({"uri": "u", key: body}, strict=True) == Article(id="u", lead=("One.",))


def test_a_well_formed_body_is_parsed_as_written_before_any_html_fix() -> None:
    body = "<p>a<br></br>b</p>"  # closing the br as HTML's void element would break it
    assert _read({"uri": "u", "body_xhtml": body}) == Article(
        id="u", lead=("a b",), extensions=(_kept("$.body_xhtml", body),)
    )


def test_a_person_member_that_is_not_text_is_refused_at_its_path() -> None:
    error = _refused({"uri": "u", "people": [{"rel": "creator", "name": 3}]})
    assert (error.path, error.reason) == ("$.people[0].name", "expected a string, not 3")
