"""Reading documents in the encodings a wire archive holds."""

import codecs
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article, ParseError

TEXT = Path(__file__).parent / "data" / "text"
STORY = (TEXT / "court_ruling.txt").read_text(encoding="utf-8")  # ’, é, –


def read_text(data: str | bytes, **options: str) -> Article:
    return newsdoc.read(data, format="text", extract=False, **options)


@pytest.mark.parametrize(
    "data",
    [
        STORY.encode("utf-8"),
        codecs.BOM_UTF8 + STORY.encode("utf-8"),
        codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"),
        codecs.BOM_UTF32_BE + STORY.encode("utf-32-be"),
    ],
    ids=["utf-8", "utf-8 bom", "utf-16-le bom", "utf-16-be bom", "utf-32-le bom", "utf-32-be bom"],
)
def test_unicode_is_read_by_its_byte_order_mark_without_naming_it(data: bytes) -> None:
    assert read_text(data) == read_text(STORY)


@pytest.mark.parametrize("encoding", ["cp1252", "windows-1252", "utf-16", "utf-16-be"])
def test_a_named_encoding_is_read(encoding: str) -> None:
    assert read_text(STORY.encode(encoding), encoding=encoding) == read_text(STORY)


@pytest.mark.parametrize("encoding", ["iso-8859-1", "latin-1", "iso-8859-15"])
def test_latin_encodings_are_read_when_named(encoding: str) -> None:
    story = "Zürich café reopens\nThe owner, Renée Müller, said it was «a relief»."
    assert read_text(story.encode(encoding), encoding=encoding) == read_text(story)


def test_cp1252_is_refused_unnamed_with_the_offset_and_place() -> None:
    data = "Council votes\nThe mayor’s plan passed.".encode("cp1252")
    with pytest.raises(ParseError) as caught:
        read_text(data)
    assert "the input is not UTF-8: byte 0x92 at offset 23" in caught.value.reason
    assert "--encoding" in caught.value.reason
    assert (caught.value.line, caught.value.column) == (2, 10)


def test_a_byte_the_named_encoding_lacks_is_refused_with_its_offset() -> None:
    with pytest.raises(ParseError) as caught:
        read_text(b"Line one.\nBad \x81 byte.", encoding="cp1252")
    assert "the input is not cp1252: byte 0x81 at offset 14" in caught.value.reason
    assert (caught.value.line, caught.value.column) == (2, 5)


def test_truncated_utf16_is_refused_saying_so() -> None:
    data = codecs.BOM_UTF16_LE + "Line one.\nLine two.".encode("utf-16-le") + b"\x00"
    with pytest.raises(ParseError) as caught:
        read_text(data)
    assert "the input is not UTF-16: byte 0x00 at offset 40 (truncated data)" in str(caught.value)
    assert (caught.value.line, caught.value.column) == (2, 10)


def test_utf16_without_a_byte_order_mark_is_refused_not_misread() -> None:
    with pytest.raises(ParseError, match=r"NUL character.*UTF-16"):
        read_text("A story.".encode("utf-16-le"))


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("klingon", "unknown text encoding 'klingon'"),
        ("", "unknown text encoding ''"),
        ("utf\0-8", "unknown text encoding"),
        ("base64", "'base64' is not a text encoding"),
        ("rot13", "'rot13' is not a text encoding"),
    ],
)
def test_an_encoding_that_is_not_one_is_refused(encoding: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        read_text(b"A story.", encoding=encoding)


def test_a_codec_that_refuses_without_an_offset_is_still_a_parse_error() -> None:
    with pytest.raises(ParseError, match="the input is not undefined"):
        read_text(b"A story.", encoding="undefined")


def test_a_str_is_already_decoded_and_ignores_the_encoding() -> None:
    assert read_text(STORY, encoding="cp1252") == read_text(STORY)


def test_json_drops_a_utf8_byte_order_mark_and_names_a_utf16_one() -> None:
    written = newsdoc.write(Article(lead=("A lead.",)), "json")
    assert newsdoc.read(codecs.BOM_UTF8 + written.encode(), format="json").lead == ("A lead.",)
    with pytest.raises(ParseError, match="not UTF-8: it opens with a UTF-16 byte-order mark"):
        newsdoc.read(written.encode("utf-16"), format="json")


def test_newsml_takes_the_encoding_its_declaration_names() -> None:
    item = newsdoc.write(Article(headline="Zürich café", lead=("Renée said «yes».",)), "newsml")
    assert item.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    latin = item.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"', 1).encode("iso-8859-1")
    expected = newsdoc.read(item, format="newsml")
    assert newsdoc.read(latin, format="newsml") == expected
    assert newsdoc.read(latin, format="newsml", encoding="utf-16") == expected
