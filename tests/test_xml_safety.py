"""parse_xml itself: the one door all XML comes through refuses what is unsafe or broken."""

import contextlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import ParseError
from newsdoc.formats._xml import parse_xml

SECRET = "TOP-SECRET-CONTENT"


@pytest.fixture
def secret_url(tmp_path: Path) -> str:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path.as_uri()


def refuse(data: str | bytes) -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse_xml(data, "xml", "feed.xml")
    assert SECRET not in str(caught.value)
    assert caught.value.format == "xml"
    assert caught.value.source == "feed.xml"
    return caught.value


def test_an_external_entity_is_refused_without_reading_the_file(secret_url: str) -> None:
    data = f'<!DOCTYPE r [<!ENTITY s SYSTEM "{secret_url}">]><r>&s;</r>'
    assert "DTD" in refuse(data).reason


def test_an_external_dtd_is_refused(secret_url: str) -> None:
    assert "DTD" in refuse(f'<!DOCTYPE r SYSTEM "{secret_url}"><r/>').reason


def test_entity_expansion_is_refused() -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
    )
    assert "DTD" in refuse(f"<!DOCTYPE r [{entities}]><r>&i;</r>").reason


def test_a_dtd_hidden_from_the_byte_scan_by_utf16_is_refused() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY a "x">]><r>&a;</r>'
    assert "DTD" in refuse(data.encode("utf-16")).reason


def test_positions_are_not_repeated_in_the_reason() -> None:
    error = refuse("<r>\n<a>\n<b></a></r>")
    assert (error.line, error.column) == (3, 8)
    assert "column" not in error.reason
    assert error.reason.startswith("Opening and ending tag mismatch")


def test_an_unclosed_element_says_where_it_was_opened() -> None:
    error = refuse("<r>\n<a>text")
    assert error.reason == "Premature end of data in tag a (opened on line 2)"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the input is empty"),
        (" \n\t ", "the input is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "Start tag expected"),
        (
            b'<?xml version="1.0" encoding="UTF-8"?><r>caf\xe9</r>',
            "the bytes are not in the declared encoding 'UTF-8'",
        ),
    ],
)
def test_empty_non_xml_and_misencoded_input(data: str | bytes, reason: str) -> None:
    assert reason in refuse(data).reason


def test_a_str_with_an_encoding_declaration_parses() -> None:
    root = parse_xml('<?xml version="1.0" encoding="ISO-8859-1"?><r>café</r>', "xml", None)
    assert root.text == "café"


def test_comments_and_processing_instructions_are_kept() -> None:
    root = parse_xml("<r><!-- note --><?app x?><a/></r>", "xml", None)
    assert len(root) == 3


def test_one_large_entity_referenced_many_times_is_refused() -> None:
    data = f'<!DOCTYPE r [<!ENTITY big "{"x" * 100_000}">]><r>{"&big;" * 10_000}</r>'
    assert "DTD" in refuse(data).reason


def test_excessive_nesting_is_refused() -> None:
    assert "Excessive depth" in refuse("<a>" * 5000 + "</a>" * 5000).reason


REGRESSIONS = Path(__file__).parent / "data" / "regressions"


def test_a_punycode_declaration_on_malformed_xml_is_a_parse_error() -> None:
    error = refuse((REGRESSIONS / "05_encoding_punycode.xml").read_bytes())
    assert (error.line, error.reason) == (1, "Unsupported encoding: punycode")


@pytest.mark.parametrize(
    "encoding",
    ["punycode", "idna", "undefined", "rot13", "base64", "hex", "unicode_escape", "x-bogus"],
)
@pytest.mark.parametrize("body", [b"<r/>", b"<r>", b"<r>\xff\xfe</a>"])
def test_an_unsupported_declared_encoding_is_a_parse_error(encoding: str, body: bytes) -> None:
    data = f'<?xml version="1.0" encoding="{encoding}"?>\n'.encode() + body
    assert refuse(data).reason == f"Unsupported encoding: {encoding}"


@given(
    st.from_regex(r"[A-Za-z][A-Za-z0-9._-]{0,15}", fullmatch=True),
    st.binary(max_size=40),
)
def test_any_declared_encoding_parses_or_is_a_parse_error(encoding: str, body: bytes) -> None:
    data = f'<?xml version="1.0" encoding="{encoding}"?>'.encode() + body
    with contextlib.suppress(ParseError):
        parse_xml(data, "xml", None)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("\ud800", 1, 1),
        ("<r>\udfff</r>", 1, 4),
        ('<?xml version="1.0" encoding="UTF-8"?>\n<r>\n  <a b="\ud83d"/>\n</r>', 3, 9),
    ],
)
def test_a_str_holding_a_lone_surrogate_is_a_parse_error(text: str, line: int, column: int) -> None:
    error = refuse(text)
    assert (error.line, error.column) == (line, column)
    assert "lone surrogate" in error.reason


def test_reading_newsml_from_a_str_with_a_lone_surrogate_is_a_parse_error() -> None:
    text = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="\ud800"/>'
    with pytest.raises(ParseError) as caught:
        newsdoc.read(text, format="newsml")
    column = text.index("\ud800") + 1
    assert (caught.value.format, caught.value.line, caught.value.column) == ("newsml", 1, column)
