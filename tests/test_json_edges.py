"""The JSON document's edges: each refusal's exact path and reason, and the written bytes."""

import datetime as dt
import json
from pathlib import Path

import cattrs
import pytest

import newsdoc
from newsdoc import Article, ParseError, Section
from newsdoc.formats import ReadOptions
from newsdoc.formats import json as json_format
from newsdoc.formats.json import DOCUMENT_VERSION, make_converter


def refusal(document: object) -> ParseError:
    with pytest.raises(ParseError) as caught:
        newsdoc.read(json.dumps(document), format="json")
    return caught.value


NOT_NEWSDOC = 'not a newsdoc JSON document: expected an object with "format": "newsdoc"'


@pytest.mark.parametrize(
    "document",
    [
        [1, 2],
        "newsdoc",
        None,
        {"version": 1, "article": {}},
        {"format": "ninjs", "version": 1, "article": {}},
        {"format": None, "version": 1, "article": {}},
    ],
)
def test_anything_but_a_newsdoc_object_is_refused_at_the_root(document: object) -> None:
    error = refusal(document)
    assert (error.format, error.path, error.reason) == ("json", "$", NOT_NEWSDOC)
    assert (error.line, error.column) == (None, None)


@pytest.mark.parametrize(
    ("version", "shown"),
    [
        (0, "0"),
        (-1, "-1"),
        (DOCUMENT_VERSION + 1, str(DOCUMENT_VERSION + 1)),
        ("1", '"1"'),
        (1.0, "1.0"),
        (True, "true"),
        (None, "null"),
    ],
)
def test_unsupported_versions_are_refused_at_dollar_version(version: object, shown: str) -> None:
    error = refusal({"format": "newsdoc", "version": version, "article": {}})
    assert error.path == "$.version"
    assert error.reason == (
        f"unsupported document version {shown}; this newsdoc reads 1 to {DOCUMENT_VERSION}"
    )


def test_a_missing_version_is_refused_at_dollar_version() -> None:
    error = refusal({"format": "newsdoc", "article": {}})
    assert (error.path, error.reason) == (
        "$.version",
        f"unsupported document version null; this newsdoc reads 1 to {DOCUMENT_VERSION}",
    )


@pytest.mark.parametrize("version", range(1, DOCUMENT_VERSION + 1))
def test_every_supported_version_is_read(version: int) -> None:
    document = {"format": "newsdoc", "version": version, "article": {"lead": ["One."]}}
    assert newsdoc.read(json.dumps(document), format="json") == Article(lead=("One.",))


def test_several_unknown_members_are_listed_sorted_at_the_root() -> None:
    error = refusal({"zeta": 1, "format": "newsdoc", "version": 1, "article": {}, "alpha": 2})
    assert (error.path, error.reason) == ("$", "unknown member(s) alpha, zeta")


def test_one_unknown_member_is_named_at_the_root() -> None:
    error = refusal({"format": "newsdoc", "version": 1, "article": {}, "articles": []})
    assert (error.path, error.reason) == ("$", "unknown member(s) articles")


def test_a_document_without_an_article_is_refused_at_the_root() -> None:
    error = refusal({"format": "newsdoc", "version": 1})
    assert (error.path, error.reason) == ("$", "the document has no article")


def test_an_unknown_member_is_reported_before_a_missing_article() -> None:
    error = refusal({"format": "newsdoc", "version": 1, "extra": 1})
    assert (error.path, error.reason) == ("$", "unknown member(s) extra")


def test_a_bad_version_is_reported_before_unknown_members() -> None:
    error = refusal({"format": "newsdoc", "version": 7, "extra": 1})
    assert error.path == "$.version"


def test_several_problems_in_the_article_are_counted() -> None:
    error = refusal(
        {"format": "newsdoc", "version": 1, "article": {"headline": 1, "slugline": 2, "lead": 3}}
    )
    assert (error.path, error.reason) == (
        "$.article.headline",
        "expected a string, not 1 (and 2 more problem(s))",
    )


def test_a_model_refusal_is_reported_under_dollar_article() -> None:
    error = refusal({"format": "newsdoc", "version": 1, "article": {"urgency": 10}})
    assert error.path == "$.article.urgency"
    assert error.reason == "invalid urgency: must be an int between 1 and 9"


def test_errors_name_the_file_read(tmp_path: Path) -> None:
    for name, document in (
        ("root.json", [1]),
        ("version.json", {"format": "newsdoc", "version": 2, "article": {}}),
        ("member.json", {"format": "newsdoc", "version": 1, "article": {}, "x": 0}),
        ("missing.json", {"format": "newsdoc", "version": 1}),
        ("article.json", {"format": "newsdoc", "version": 1, "article": {"id": 3}}),
    ):
        path = tmp_path / name
        path.write_text(json.dumps(document), encoding="utf-8")
        with pytest.raises(ParseError) as caught:
            newsdoc.read(path)
        assert caught.value.source == str(path), name
        assert str(caught.value).startswith(f"cannot read json: {path}, at $"), name


def test_the_reader_takes_options_directly() -> None:
    options = ReadOptions(source="feed/item.json")
    with pytest.raises(ParseError) as caught:
        json_format.read(b"{}", options)
    assert (caught.value.source, caught.value.path) == ("feed/item.json", "$")
    article = json_format.read(json_format.write(Article(lead=("One.",))), options)
    assert article == Article(lead=("One.",))


def test_the_written_document_is_indented_utf8_text_ending_in_a_newline() -> None:
    article = Article(
        headline="Café “open”",
        created=dt.datetime(2025, 3, 5, tzinfo=dt.timezone.utc),
        sections=(Section(heading="Next"),),
    )
    text = newsdoc.write(article, "json")
    assert text.startswith('{\n  "format": "newsdoc",\n  "version": 1,\n  "article": {\n    "id"')
    assert '\n    "headline": "Café “open”",\n' in text
    assert '\n    "created": "2025-03-05T00:00:00+00:00",\n' in text
    assert '\n    "sections": [\n      {\n        "heading": "Next",\n' in text
    assert text.endswith("\n  }\n}\n")
    assert not text.endswith("\n\n")
    assert json.loads(text)["article"]["headline"] == "Café “open”"


def test_each_converter_is_new_and_configured() -> None:
    first, second = make_converter(), make_converter()
    assert first is not second
    assert isinstance(first, cattrs.Converter)
    with pytest.raises(ParseError):
        newsdoc.read(
            json.dumps({"format": "newsdoc", "version": 1, "article": {"lead": "abc"}}),
            format="json",
        )
    with pytest.raises(cattrs.ClassValidationError, match="While structuring Article"):
        first.structure({"urgency": "3"}, Article)
    when = dt.datetime(2025, 1, 2, 3, 4, tzinfo=dt.timezone.utc)
    assert first.unstructure(Article(created=when))["created"] == "2025-01-02T03:04:00+00:00"


def test_syntax_errors_name_the_format_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "newsdoc",\n oops}', encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        newsdoc.read(path)
    assert (caught.value.format, caught.value.source) == ("json", str(path))
    assert (caught.value.line, caught.value.column) == (2, 2)


def test_a_failure_to_unstructure_is_a_serialization_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def unstructure(self, *_: object) -> object:
            raise TypeError("cannot unstructure this")

    monkeypatch.setattr(json_format, "_converter", Broken())
    with pytest.raises(newsdoc.SerializationError) as caught:
        json_format.write(Article(lead=("One.",)))
    assert caught.value.format == "json"
    assert str(caught.value) == "cannot write json: cannot unstructure this"
    assert isinstance(caught.value.__cause__, TypeError)
