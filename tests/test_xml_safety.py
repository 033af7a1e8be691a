"""parse_xml itself: the one door all XML comes through refuses what is unsafe or broken."""

from pathlib import Path

import pytest

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
