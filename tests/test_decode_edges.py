"""Decoding input bytes at its edges: the exact errors, and the place they name.

Pins the line and column :func:`line_and_column` gives for an offset (at the first
character, on a newline, with newlines before and after it), the whole message, format and
file of every refusal: an encoding that is not one, a byte that is not in the encoding (at
the first and the last offset, with the name as given), a codec that refuses without saying
where, a codec that decodes in stages and reports a position past the input's end, a NUL
character (first of all, after a byte-order mark, on a later line), and JSON's refusal of
each UTF-16 and UTF-32 byte-order mark; also how the place of a bad byte is found when the
bytes before it do not decode cleanly, or when the codec cannot decode leniently at all.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import newsdoc
from newsdoc import ParseError
from newsdoc.formats import _decode

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

HINT = "if it is in another encoding, name it (encoding= in Python, --encoding on the command line)"
NUL_REASON = (
    "the input holds a NUL character: it looks like binary data, not text (or like "
    "UTF-16 or UTF-32 without a byte-order mark, whose encoding must be named)"
)
RLE = "newsdoc_test_rle"


def _refused(data: str | bytes | Path, format: str, encoding: str | None = None) -> ParseError:
    with pytest.raises(ParseError) as caught:
        newsdoc.read(data, format, extract=False, encoding=encoding)
    return caught.value


def _place(error: ParseError) -> tuple[str, str | None, int | None, int | None]:
    return error.format, error.source, error.line, error.column


# -- line_and_column -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "offset", "place"),
    [
        ("", 0, (1, 1)),
        ("abc", 0, (1, 1)),
        ("abc", 2, (1, 3)),
        ("ab\ncd", 2, (1, 3)),  # the newline itself ends its line
        ("ab\ncd", 3, (2, 1)),
        ("\nab", 2, (2, 2)),  # a newline first of all counts
        ("a\nb\nc", 2, (2, 1)),  # a newline after the offset does not
        ("a\nb\ncd", 5, (3, 2)),  # the column counts from the last newline before
    ],
)
def test_line_and_column_of_an_offset(text: str, offset: int, place: tuple[int, int]) -> None:
    assert _decode.line_and_column(text, offset) == place


# -- encodings that are not one --------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "reason"),
    [
        ("klingon", "unknown text encoding 'klingon'"),
        ("base64", "'base64' is not a text encoding"),
    ],
)
def test_an_encoding_that_is_not_one_names_format_and_file(
    tmp_path: Path, encoding: str, reason: str
) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"A story.")
    error = _refused(path, "text", encoding=encoding)
    assert str(error) == f"cannot read text: {path}: {reason}"
    assert _place(error) == ("text", str(path), None, None)


@pytest.mark.parametrize(
    ("encoding", "reason"),
    [
        ("klingon", "unknown text encoding 'klingon'"),
        ("base64", "'base64' is not a text encoding"),
    ],
)
def test_decode_text_refuses_an_encoding_that_is_not_one_naming_format_and_file(
    encoding: str, reason: str
) -> None:
    with pytest.raises(ParseError) as caught:
        _decode.decode_text(b"A story.", "text", "story.txt", encoding)
    assert str(caught.value) == f"cannot read text: story.txt: {reason}"
    assert _place(caught.value) == ("text", "story.txt", None, None)


# -- bytes that are not in the encoding ------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line", "column", "reason"),
    [
        (b"\xffA story.", 1, 1, "byte 0xff at offset 0 (invalid start byte)"),
        (b"A story.\xff", 1, 9, "byte 0xff at offset 8 (invalid start byte)"),
        (b"A story.\nCaf\xc3", 2, 4, "byte 0xc3 at offset 12 (unexpected end of data)"),
    ],
    ids=["first byte", "last byte", "truncated last character"],
)
def test_a_bad_byte_at_either_end_is_named_with_its_place(
    data: bytes, line: int, column: int, reason: str
) -> None:
    error = _refused(data, "text")
    assert str(error) == (
        f"cannot read text: line {line}, column {column}: the input is not UTF-8: {reason}; {HINT}"
    )
    assert _place(error) == ("text", None, line, column)


def test_a_bad_byte_in_a_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"Line one.\nBad \xff byte.")
    error = _refused(path, "text")
    assert str(error) == (
        f"cannot read text: {path}, line 2, column 5: the input is not UTF-8: "
        f"byte 0xff at offset 14 (invalid start byte); {HINT}"
    )
    assert _place(error) == ("text", str(path), 2, 5)


def test_the_encoding_is_named_as_it_was_given() -> None:
    error = _refused(b"Line one.\nBad \x81 byte.", "text", encoding="Windows-1252")
    assert str(error) == (
        "cannot read text: line 2, column 5: the input is not Windows-1252: "
        f"byte 0x81 at offset 14 (character maps to <undefined>); {HINT}"
    )


def test_a_codec_that_refuses_without_an_offset_gives_its_own_message() -> None:
    with pytest.raises(UnicodeError) as codec_error:
        b"A story.".decode("undefined")
    error = _refused(b"A story.", "text", encoding="undefined")
    assert (
        str(error) == f"cannot read text: the input is not undefined: {codec_error.value}; {HINT}"
    )
    assert _place(error) == ("text", None, None, None)


def test_a_codec_that_cannot_decode_leniently_gives_no_place() -> None:
    # idna decodes with errors="strict" only: the bytes before the bad one cannot be
    # decoded leniently to count lines, so the error gives the offset alone.
    with pytest.raises(UnicodeDecodeError) as codec_error:
        b"ab\xff".decode("idna")
    assert codec_error.value.start == 2
    error = _refused(b"ab\xff", "text", encoding="idna")
    assert str(error) == (
        "cannot read text: the input is not idna: byte 0xff at offset 2 "
        f"({codec_error.value.reason}); {HINT}"
    )
    assert _place(error) == ("text", None, None, None)


def test_the_place_of_a_byte_counts_each_bad_run_before_it_as_one_character() -> None:
    # b"\xe2\x82" is a truncated character: the text before the byte does not decode
    # strictly, and its replacement character takes one column.
    data = b"One.\n\xe2\x82two\xff"
    assert _decode._line_and_column_of_byte(data, 10, "utf-8") == (2, 5)


# -- a codec that decodes in stages ----------------------------------------------------------


def _rle_decode(data: ReadableBuffer, errors: str = "strict") -> tuple[str, int]:
    """Run-length pairs (count, byte) expanded, then read as UTF-8; an odd last byte is
    ignored."""
    raw = bytes(data)
    pairs = zip(raw[0::2], raw[1::2], strict=False)
    expanded = b"".join(bytes([byte]) * count for count, byte in pairs)
    return expanded.decode("utf-8", errors), len(raw)


def _rle_encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    encoded = text.encode("utf-8", errors)
    return b"".join(bytes([1, byte]) for byte in encoded), len(text)


def _search_rle(name: str) -> codecs.CodecInfo | None:
    if name != RLE:
        return None
    return codecs.CodecInfo(_rle_encode, _rle_decode, name=RLE)


@pytest.fixture
def rle_codec() -> Iterator[str]:
    codecs.register(_search_rle)
    yield RLE
    codecs.unregister(_search_rle)


def test_the_staged_codec_reads_good_text(rle_codec: str) -> None:
    expected = newsdoc.read(b"Story.", "text", extract=False)
    data = bytes([1, ord("S"), 1, ord("t"), 1, ord("o"), 1, ord("r"), 1, ord("y"), 1, ord(".")])
    assert newsdoc.read(data, "text", extract=False, encoding=rle_codec) == expected


@pytest.mark.parametrize("count", [4, 9], ids=["at the end", "past the end"])
def test_a_staged_codec_reporting_a_position_past_the_input_gives_its_own_message(
    rle_codec: str, count: int
) -> None:
    # Four bytes expand to ``count`` letters and a bad byte: the UTF-8 stage reports the
    # bad byte at offset ``count`` of the expanded bytes, at or past the input's end.
    data = bytes([count, ord("a"), 1, 0xFF])
    with pytest.raises(UnicodeDecodeError) as stage_error:
        (b"a" * count + b"\xff").decode("utf-8")
    assert stage_error.value.start == count >= len(data)
    error = _refused(data, "text", encoding=rle_codec)
    assert str(error) == (f"cannot read text: the input is not {RLE}: {stage_error.value}; {HINT}")
    assert _place(error) == ("text", None, None, None)


def _decode_never_ending(data: ReadableBuffer, errors: str = "strict") -> tuple[str, int]:
    raw = bytes(data)
    raise UnicodeDecodeError("endsearly", raw, len(raw), len(raw), "the text never ends")


def _search_never_ending(name: str) -> codecs.CodecInfo | None:
    if name != "endsearly":
        return None
    return codecs.CodecInfo(_rle_encode, _decode_never_ending, name="endsearly")


def test_a_codec_placing_its_error_at_the_very_end_gives_its_own_message() -> None:
    codecs.register(_search_never_ending)
    try:
        error = _refused(b"Story.", "text", encoding="endsearly")
    finally:
        codecs.unregister(_search_never_ending)
    assert str(error) == (
        "cannot read text: the input is not endsearly: 'endsearly' codec can't decode "
        f"bytes in position 6-5: the text never ends; {HINT}"
    )
    assert _place(error) == ("text", None, None, None)


# -- NUL characters --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (b"\x00A story.", 1, 1),
        (codecs.BOM_UTF8 + b"\x00A story.", 1, 1),  # the mark is not a character of the text
        ("\x00A story.", 1, 1),
        (b"A story.\nA \x00 here.", 2, 3),
    ],
    ids=["first bytes", "after a byte-order mark", "first of a str", "on a later line"],
)
def test_a_nul_character_is_refused_with_its_place(
    data: str | bytes, line: int, column: int
) -> None:
    error = _refused(data, "text")
    assert str(error) == f"cannot read text: line {line}, column {column}: {NUL_REASON}"
    assert _place(error) == ("text", None, line, column)


@pytest.mark.parametrize(
    ("format", "data"),
    [("text", b"A story.\nA \x00 here."), ("json", b'{"lead": ["A\x00"]}')],
)
def test_a_nul_character_in_a_file_names_format_and_file(
    tmp_path: Path, format: str, data: bytes
) -> None:
    path = tmp_path / "story.bin"
    path.write_bytes(data)
    error = _refused(path, format)
    line, column = (2, 3) if format == "text" else (1, 13)
    assert str(error) == f"cannot read {format}: {path}, line {line}, column {column}: {NUL_REASON}"
    assert _place(error) == (format, str(path), line, column)


# -- JSON is UTF-8 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mark", "label"),
    [
        (codecs.BOM_UTF32_LE, "UTF-32"),  # opens with UTF-16's little-endian mark too
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ],
    ids=["utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"],
)
@pytest.mark.parametrize("format", ["json", "jsonl"])
def test_json_refuses_another_encodings_byte_order_mark_at_line_1_column_1(
    tmp_path: Path, format: str, mark: bytes, label: str
) -> None:
    path = tmp_path / "story.bin"
    path.write_bytes(mark + b"{}")
    error = _refused(path, format)
    assert str(error) == (
        f"cannot read {format}: {path}, line 1, column 1: the input is not UTF-8: "
        f"it opens with a {label} byte-order mark; {format} documents are UTF-8"
    )
    assert _place(error) == (format, str(path), 1, 1)


def test_json_names_a_bad_byte_with_its_place_and_file(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_bytes(b'{\n "lead": ["\xff"]}')
    error = _refused(path, "json")
    assert str(error) == (
        f"cannot read json: {path}, line 2, column 12: the input is not UTF-8: "
        "byte 0xff at offset 13 (invalid start byte); json documents are UTF-8"
    )
    assert _place(error) == ("json", str(path), 2, 12)


@pytest.mark.parametrize("encoding", [None, "utf-8-sig"])
def test_a_bad_byte_after_a_byte_order_mark_is_placed_in_the_whole_input(
    encoding: str | None,
) -> None:
    data = b"\xef\xbb\xbfLine one.\nBad \xff byte."
    options = {} if encoding is None else {"encoding": encoding}
    with pytest.raises(ParseError) as caught:
        newsdoc.read(data, "text", **options)
    error = caught.value
    assert (error.line, error.column) == (2, 5)
    assert "byte 0xff at offset 17 (invalid start byte)" in error.reason


def test_a_bad_byte_in_a_later_stage_of_a_staged_codec_is_placed_when_it_ends_the_input() -> None:
    with pytest.raises(ParseError) as caught:
        newsdoc.read(b"abc.\xff", "text", encoding="idna")
    assert caught.value.reason.startswith(
        "the input is not idna: byte 0xff at offset 4 (ordinal not in range(128))"
    )
