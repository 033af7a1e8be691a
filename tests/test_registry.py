"""The format registry: what each format carries, and how a suffix finds its format."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pytest

import newsdoc
from newsdoc import Article, UnknownFormatError
from newsdoc.formats import (
    ANNOTATIONS,
    ARTICLE_FIELDS,
    FormatInfo,
    all_formats,
    by_name,
    by_suffix,
    detect,
)
from newsdoc.formats import text as text_format

DATA = Path(__file__).parent / "data"


def test_the_field_list_is_the_models() -> None:
    assert {field.name for field in attrs.fields(Article)} == ARTICLE_FIELDS


def test_every_format_declares_fields_of_the_model() -> None:
    for info in all_formats():
        assert info.carries <= ARTICLE_FIELDS, info.name
        assert info.carries, info.name


def test_what_each_format_carries() -> None:
    assert by_name("json").carries == ARTICLE_FIELDS
    assert by_name("newsml").carries == ARTICLE_FIELDS
    assert by_name("newsml").reads_many
    assert not by_name("json").reads_many
    text = by_name("text")
    assert not text.carries_annotations
    assert not text.carries & ANNOTATIONS
    assert {"lead", "sections", "headline"} <= text.carries


def test_extraction_is_the_apis_for_formats_without_annotations(seed_bytes: bytes) -> None:
    from newsdoc.formats import ReadOptions

    bare = text_format.read(seed_bytes, ReadOptions())
    assert bare.attributions == bare.events == ()
    read = newsdoc.read(seed_bytes, "text")
    assert read.attributions
    assert read.events
    assert attrs.evolve(read, attributions=(), events=()) == bare
    assert newsdoc.read(seed_bytes, "text", extract=False) == bare


def test_formats_that_carry_annotations_are_not_extracted_again(seed_bytes: bytes) -> None:
    article = newsdoc.read(seed_bytes, "text", extract=False)
    assert newsdoc.read(newsdoc.write(article, "json"), "json").attributions == ()
    assert newsdoc.read(newsdoc.write(article, "newsml"), "newsml").attributions == ()


def test_a_suffix_claimed_once_needs_no_content() -> None:
    assert by_suffix(".XML").name == "newsml"
    assert by_suffix(".NEWSML").name == "newsml"
    assert by_suffix(".Nitf").name == "nitf"
    assert by_suffix(".json", b"anything").name == "json"
    assert by_suffix(".jsonl", b"anything").name == "jsonl"


def _claims(prefix: bytes) -> object:
    class Module:
        @staticmethod
        def sniff(head: bytes) -> bool:
            return head.startswith(prefix)

    return Module


@pytest.fixture
def two_json_formats(monkeypatch: pytest.MonkeyPatch) -> tuple[FormatInfo, FormatInfo]:
    """The registry with two formats on ``.json``, each recognising its own documents."""
    first = FormatInfo(
        name="first", suffixes=(".json",), description="d", module="m1", carries=ARTICLE_FIELDS
    )
    second = attrs.evolve(first, name="second", module="m2")
    modules = {"m1": _claims(b'{"first"'), "m2": _claims(b'{"second"')}
    monkeypatch.setattr(FormatInfo, "load", lambda self: modules[self.module])
    # ``newsdoc.formats`` is the function that lists formats; the registry is the module.
    monkeypatch.setattr(sys.modules["newsdoc.formats"], "_FORMATS", (first, second))
    return first, second


def test_a_shared_suffix_is_decided_by_the_content(
    two_json_formats: tuple[FormatInfo, FormatInfo],
) -> None:
    first, second = two_json_formats
    assert by_suffix(".json", b'{"first": 1}') == first
    assert by_suffix(".json", b'{"second": 1}') == second
    assert detect(b'{"second": 1}') == second


def test_a_shared_suffix_never_takes_the_first_match(
    two_json_formats: tuple[FormatInfo, FormatInfo],
) -> None:
    with pytest.raises(UnknownFormatError) as caught:
        by_suffix(".json", b"[]")
    assert caught.value.known == ("first", "second")
    assert str(caught.value) == (
        "cannot tell the format of a .json file: none of first, second recognises its "
        'content (it is JSON without "format": "newsdoc"); name the format'
    )
    first, _ = two_json_formats
    twin = attrs.evolve(first, name="twin")
    with pytest.raises(UnknownFormatError, match="more than one of first, twin recognises"):
        detect(b'{"first"', (first, twin))


def test_an_unknown_suffix_names_every_format() -> None:
    with pytest.raises(UnknownFormatError) as caught:
        by_suffix(".doc")
    assert caught.value.known == tuple(info.name for info in all_formats())
    assert caught.value.reason is None
    assert str(caught.value).startswith("unknown format '.doc'; known formats: text")
