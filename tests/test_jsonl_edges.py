"""JSON Lines at its edges: exact output, line splitting, and every field of every error.

The format module's own ``read``, ``read_all`` and ``write`` are called here as well as
:func:`newsdoc.read_all` and :func:`newsdoc.write`: :func:`newsdoc.read` picks the one article
itself, so only the module's ``read`` shows what the format does with zero or several.
"""

import traceback
from pathlib import Path
from typing import Any

import attrs
import pytest

import newsdoc
from newsdoc import Article, ParseError, SerializationError
from newsdoc.formats import ReadOptions, by_name

ONE = Article(id="urn:x:1", headline="Talks resume", lead=("Negotiators met again.",))
TWO = Article(id="urn:x:2", headline="Rain", lead=("It rained on Monday.",))
SMALL = Article(lead=("a",))
SMALL_LINE = '{"lead": ["a"]}'  # a line written by hand, of a fixed length, that reads as SMALL
SOURCE = "feed.jsonl"
JSONL: Any = by_name("jsonl").load()


def jsonl(*articles: Article) -> str:
    return "".join(newsdoc.write(article, "jsonl") for article in articles)


def read_all(text: str | bytes, source: str | None = SOURCE) -> list[Article]:
    return list(JSONL.read_all(text, ReadOptions(source=source)))


def parse_error(text: str | bytes) -> ParseError:
    with pytest.raises(ParseError) as caught:
        read_all(text)
    return caught.value


def fields(error: ParseError) -> dict[str, object]:
    return {
        "format": error.format,
        "reason": error.reason,
        "line": error.line,
        "column": error.column,
        "path": error.path,
        "source": error.source,
    }


def shown_in_traceback(error: BaseException) -> str:
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


# --- Writing ---------------------------------------------------------------------------------


def test_a_line_is_compact_json_that_keeps_non_ascii_characters_as_they_are() -> None:
    article = Article(id="urn:x:é", headline="Café talks – naïve hopes", lead=("Zürich: „Ja“ 😀",))
    assert newsdoc.write(article, "jsonl") == (
        '{"id":"urn:x:é","version":null,"language":null,"created":null,"updated":null,'
        '"pub_status":null,"provider":null,"headline":"Café talks – naïve hopes",'
        '"subheadline":null,"bylines":[],"dateline":null,"slugline":null,'
        '"slugline_separator":null,"description":null,"creditline":null,"located":null,'
        '"genres":[],"urgency":null,"subjects":[],"keywords":[],"rights":null,'
        '"embargoed":null,"content_created":null,"content_modified":null,"creators":[],'
        '"contributors":[],"info_sources":[],"editorial_notes":[],"signals":[],"links":[],'
        '"alt_ids":[],"services":[],"other_headlines":[],"other_descriptions":[],'
        '"lead":["Zürich: „Ja“ 😀"],"sections":[],"trailer":[],"attributions":[],"events":[],'
        '"extensions":[]}\n'
    )
    assert JSONL.write(article) == newsdoc.write(article, "jsonl")
    assert b'"headline":"Caf\xc3\xa9 talks' in JSONL.write(article).encode("utf-8")


def test_an_article_holding_a_value_it_cannot_write_is_a_serialization_error_naming_jsonl() -> None:
    broken = Article(headline="Rain", lead=("It rained.",))
    object.__setattr__(broken, "created", "yesterday")  # what validation would have refused
    with pytest.raises(SerializationError) as caught:
        newsdoc.write(broken, "jsonl")
    error = caught.value
    cause = error.__cause__
    assert isinstance(cause, TypeError)
    assert error.format == "jsonl"
    assert error.reason == str(cause)
    assert "isoformat" in error.reason
    assert str(error) == f"cannot write jsonl: {cause}"


@attrs.frozen
class LookAlike:
    headline: str = "Rain"


@pytest.mark.parametrize("value", [{"headline": "Rain", "lead": ["It rained."]}, LookAlike()])
def test_the_format_writes_only_articles_not_values_shaped_like_them(value: object) -> None:
    with pytest.raises(SerializationError) as caught:
        JSONL.write(value)
    assert caught.value.format == "jsonl"
    assert isinstance(caught.value.__cause__, AttributeError)
    assert caught.value.reason == str(caught.value.__cause__)


def test_an_article_subclass_is_written_as_the_article_it_is() -> None:
    @attrs.frozen(kw_only=True)
    class Tagged(Article):
        tag: str = "internal"

    tagged = Tagged(id="urn:x:1", headline="Talks resume", lead=("Negotiators met again.",))
    assert JSONL.write(tagged) == newsdoc.write(ONE, "jsonl")


# --- The single-article read ------------------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [jsonl(ONE), jsonl(ONE).rstrip("\n"), "\n\n" + jsonl(ONE) + "  \n", jsonl(ONE).encode()],
)
def test_read_gives_the_one_article_of_a_document(document: str | bytes) -> None:
    assert JSONL.read(document, ReadOptions(source=SOURCE)) == ONE
    assert JSONL.read(document, ReadOptions()) == ONE


@pytest.mark.parametrize("document", ["", "\n", " \n\t\n", b""])
def test_read_of_a_document_without_articles_names_format_and_source(
    document: str | bytes,
) -> None:
    with pytest.raises(ParseError) as caught:
        JSONL.read(document, ReadOptions(source=SOURCE))
    assert fields(caught.value) == {
        "format": "jsonl",
        "reason": "the document holds no article",
        "line": None,
        "column": None,
        "path": None,
        "source": SOURCE,
    }
    assert str(caught.value) == "cannot read jsonl: feed.jsonl: the document holds no article"


@pytest.mark.parametrize("document", [jsonl(ONE, TWO), jsonl(ONE, TWO, ONE), jsonl(ONE, ONE)])
def test_read_of_a_document_with_several_articles_names_format_and_source(document: str) -> None:
    with pytest.raises(ParseError) as caught:
        JSONL.read(document, ReadOptions(source=SOURCE))
    reason = (
        "the document holds more than one article, and a document is written from exactly "
        "one: use read_all() to read each of them"
    )
    assert fields(caught.value) == {
        "format": "jsonl",
        "reason": reason,
        "line": None,
        "column": None,
        "path": None,
        "source": SOURCE,
    }
    assert str(caught.value) == f"cannot read jsonl: feed.jsonl: {reason}"


def test_read_without_a_source_names_none() -> None:
    with pytest.raises(ParseError) as caught:
        JSONL.read("\n", ReadOptions())
    assert caught.value.source is None
    assert str(caught.value) == "cannot read jsonl: the document holds no article"


# --- Decoding ----------------------------------------------------------------------------------

NOT_UTF8 = (SMALL_LINE + "\n").encode() + b'{"headline": "caf\xe9"}\n'
NOT_UTF8_REASON = (
    "the input is not UTF-8: byte 0xe9 at offset 33 (invalid continuation byte); "
    "jsonl documents are UTF-8"
)


def test_bytes_that_are_not_utf8_are_refused_naming_format_source_line_and_column() -> None:
    error = parse_error(NOT_UTF8)
    assert fields(error) == {
        "format": "jsonl",
        "reason": NOT_UTF8_REASON,
        "line": 2,
        "column": 18,
        "path": None,
        "source": SOURCE,
    }
    assert str(error) == f"cannot read jsonl: feed.jsonl, line 2, column 18: {NOT_UTF8_REASON}"


def test_a_file_that_is_not_utf8_is_named_in_the_error(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(NOT_UTF8)
    with pytest.raises(ParseError) as caught:
        list(newsdoc.read_all(path))
    assert caught.value.format == "jsonl"
    assert caught.value.source == str(path)
    assert (caught.value.line, caught.value.column) == (2, 18)
    assert str(caught.value) == f"cannot read jsonl: {path}, line 2, column 18: {NOT_UTF8_REASON}"


def test_bytes_opening_with_a_utf16_mark_are_refused_naming_format_and_source() -> None:
    error = parse_error(SMALL_LINE.encode("utf-16"))
    assert fields(error) == {
        "format": "jsonl",
        "reason": "the input is not UTF-8: it opens with a UTF-16 byte-order mark; "
        "jsonl documents are UTF-8",
        "line": 1,
        "column": 1,
        "path": None,
        "source": SOURCE,
    }


# --- Line splitting ----------------------------------------------------------------------------


@pytest.mark.parametrize("document", ["", "\n", "\n\n", " \t\n\n  ", b"", b"\n"])
def test_empty_and_blank_documents_hold_no_article(document: str | bytes) -> None:
    assert read_all(document) == []


def test_a_last_line_without_a_line_break_is_read() -> None:
    assert read_all(jsonl(ONE, TWO).rstrip("\n")) == [ONE, TWO]
    assert read_all(SMALL_LINE) == [SMALL]


def test_a_document_opening_with_a_line_break_reads_every_line_after_it() -> None:
    assert read_all("\n" + jsonl(ONE, TWO)) == [ONE, TWO]
    assert read_all("\n\n" + jsonl(ONE, TWO)) == [ONE, TWO]
    assert read_all("\n" + SMALL_LINE) == [SMALL]


def test_blank_lines_between_and_after_articles_are_skipped() -> None:
    document = jsonl(ONE) + "\n \n\t\n" + jsonl(TWO) + "\n\n"
    assert read_all(document) == [ONE, TWO]


@pytest.mark.parametrize(
    ("document", "line"),
    [
        ("\n[1]\n", 2),
        ("\n" + SMALL_LINE + "\n[1]\n", 3),
        ("\n\n" + SMALL_LINE + "\n\n[1]", 5),
        (SMALL_LINE + "\n \n[1]\n" + SMALL_LINE, 3),
    ],
)
def test_blank_lines_and_a_leading_line_break_count_in_line_numbers(
    document: str, line: int
) -> None:
    error = parse_error(document)
    assert error.line == line
    assert error.reason == "expected an article object, not a JSON list"


def test_articles_before_a_bad_line_after_a_leading_line_break_are_read_first() -> None:
    articles = JSONL.read_all("\n" + SMALL_LINE + "\n{\n", ReadOptions(source=SOURCE))
    assert next(articles) == SMALL
    with pytest.raises(ParseError) as caught:
        next(articles)
    assert (caught.value.line, caught.value.column) == (3, 2)


# --- Every field of every error on a line ------------------------------------------------------


def test_a_line_that_is_not_json_names_format_source_line_and_column() -> None:
    error = parse_error(SMALL_LINE + "\n\n" + '{"headline": "a",}' + "\n" + SMALL_LINE)
    reason = "Expecting property name enclosed in double quotes"
    assert fields(error) == {
        "format": "jsonl",
        "reason": reason,
        "line": 3,
        "column": 18,
        "path": None,
        "source": SOURCE,
    }
    assert str(error) == f"cannot read jsonl: feed.jsonl, line 3, column 18: {reason}"
    # The JSON layer's own error, shown above it in a traceback, is as precise within its line.
    assert isinstance(error.__cause__, ParseError)
    assert fields(error.__cause__) == {**fields(error), "line": 1}
    assert f"cannot read jsonl: feed.jsonl, line 1, column 18: {reason}" in shown_in_traceback(
        error
    )


def test_a_line_that_is_not_json_without_a_source_names_none() -> None:
    with pytest.raises(ParseError) as caught:
        read_all(SMALL_LINE + "\n{", source=None)
    assert fields(caught.value) == {
        "format": "jsonl",
        "reason": "Expecting property name enclosed in double quotes",
        "line": 2,
        "column": 2,
        "path": None,
        "source": None,
    }


@pytest.mark.parametrize(
    ("line", "kind"),
    [("[1, 2]", "list"), ('"Rain"', "str"), ("3", "int"), ("true", "bool"), ("null", "NoneType")],
)
def test_a_line_that_is_not_an_object_names_format_source_line_and_path(
    line: str, kind: str
) -> None:
    error = parse_error(SMALL_LINE + "\n" + SMALL_LINE + "\n" + line + "\n")
    reason = f"expected an article object, not a JSON {kind}"
    assert fields(error) == {
        "format": "jsonl",
        "reason": reason,
        "line": 3,
        "column": None,
        "path": "$",
        "source": SOURCE,
    }
    assert str(error) == f"cannot read jsonl: feed.jsonl, line 3, at $: {reason}"
    assert isinstance(error.__cause__, ParseError)
    assert fields(error.__cause__) == {**fields(error), "line": None, "source": None}
    assert f"cannot read jsonl: at $: {reason}" in shown_in_traceback(error)


@pytest.mark.parametrize(
    ("line", "path", "reason"),
    [
        ('{"headline": 3}', "$.headline", "expected a string, not 3"),
        ('{"lead": ["a", 2]}', "$.lead[1]", "expected a string, not 2"),
        ('{"lead": ["a"], "colour": "red"}', "$", "unknown member(s) colour"),
    ],
)
def test_a_line_that_is_not_a_valid_article_names_format_source_line_and_path(
    line: str, path: str, reason: str
) -> None:
    error = parse_error("\n" + SMALL_LINE + "\n" + line)
    assert fields(error) == {
        "format": "jsonl",
        "reason": reason,
        "line": 3,
        "column": None,
        "path": path,
        "source": SOURCE,
    }
    assert str(error) == f"cannot read jsonl: feed.jsonl, line 3, at {path}: {reason}"
    assert isinstance(error.__cause__, ParseError)
    assert fields(error.__cause__) == {**fields(error), "line": None}
    assert f"cannot read jsonl: feed.jsonl, at {path}: {reason}" in shown_in_traceback(error)


def test_a_line_the_json_layer_refuses_by_path_names_format_source_line_and_path() -> None:
    error = parse_error(SMALL_LINE + "\n" + '{"headline": "a", "headline": "b"}')
    reason = "the key appears more than once in its object"
    assert fields(error) == {
        "format": "jsonl",
        "reason": reason,
        "line": 2,
        "column": None,
        "path": "$.headline",
        "source": SOURCE,
    }
    assert isinstance(error.__cause__, ParseError)
    assert fields(error.__cause__) == {**fields(error), "line": None}
    assert f"cannot read jsonl: feed.jsonl, at $.headline: {reason}" in shown_in_traceback(error)


def test_a_file_names_itself_in_the_error_of_its_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(SMALL_LINE + "\n" + '{"headline": 3}' + "\n", encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        list(newsdoc.read_all(path))
    assert (caught.value.format, caught.value.source) == ("jsonl", str(path))
    assert (caught.value.line, caught.value.path) == (2, "$.headline")
    assert str(caught.value) == (
        f"cannot read jsonl: {path}, line 2, at $.headline: expected a string, not 3"
    )
