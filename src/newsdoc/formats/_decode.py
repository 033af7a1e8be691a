"""Turning the bytes of a text-based document into ``str``, with errors that say where.

Two rules: :func:`decode_text` (plain text) reads UTF-8 unless a byte-order mark
announces UTF-16 or UTF-32, the marks Windows tools and wire archives put at the start of
such files, and any other encoding (cp1252, ISO-8859-1, …) must be named;
:func:`decode_utf8` (JSON, which RFC 8259 makes UTF-8) reads UTF-8 only and says so when
the bytes open with another encoding's mark. Both drop a leading byte-order mark.
"""

from __future__ import annotations

import codecs

import attrs

from newsdoc.errors import ParseError

__all__ = ["check_encoding", "decode_text", "decode_utf8", "line_and_column"]

_BOM = "\ufeff"
_NAME_THE_ENCODING = (
    "if it is in another encoding, name it (encoding= in Python, --encoding on the command line)"
)
# UTF-32 first: its little-endian mark begins with UTF-16's.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of character ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def check_encoding(encoding: str, format_name: str, source: str | None = None) -> str:
    """The codec name for ``encoding``, which must name a text encoding Python knows.

    Raises:
        ParseError: No text encoding has that name.
    """
    try:
        codec = codecs.lookup(encoding).name
    except (LookupError, ValueError) as exc:
        raise ParseError(format_name, f"unknown text encoding {encoding!r}", source=source) from exc
    try:
        b"a".decode(codec)
    except LookupError as exc:  # base64, zlib and the other bytes-to-bytes codecs
        raise ParseError(
            format_name, f"{encoding!r} is not a text encoding", source=source
        ) from exc
    except UnicodeError:
        pass  # a text encoding that "a" is not valid in
    return codec


def decode_text(
    data: str | bytes,
    format_name: str,
    source: str | None,
    encoding: str | None = None,
) -> str:
    """Decode ``data`` in the encoding named, or the one its byte-order mark announces.

    Args:
        data: The document; a ``str`` is already decoded and only checked.
        format_name: The format being read, for error messages.
        source: The file being read, for error messages.
        encoding: The encoding of ``data`` when it is bytes. ``None``: UTF-8, or UTF-16 or
            UTF-32 when the bytes open with that encoding's byte-order mark.

    Raises:
        ParseError: ``encoding`` names no text encoding, the bytes are not valid in the
            encoding (the error gives the byte and its offset), or the text holds NUL
            characters, which no text document holds and which mark binary data.
    """
    if isinstance(data, bytes):
        if encoding is None:
            codec, label = _sniff(data)
        else:
            codec = check_encoding(encoding, format_name, source)
            label = encoding
        data = _decode(data, codec, _Refusal(format_name, source, label, _NAME_THE_ENCODING))
    return _checked(data, format_name, source)


def decode_utf8(data: str | bytes, format_name: str, source: str | None) -> str:
    """Decode ``data`` as UTF-8, the only encoding of formats such as JSON.

    Raises:
        ParseError: The bytes are not UTF-8 (the error names a UTF-16 or UTF-32
            byte-order mark they open with), or they hold NUL characters.
    """
    if isinstance(data, bytes):
        _, label = _sniff(data)
        refusal = _Refusal(format_name, source, "UTF-8", f"{format_name} documents are UTF-8")
        if label != "UTF-8":
            raise refusal.error(f"it opens with a {label} byte-order mark", line=1, column=1)
        data = _decode(data, "utf-8", refusal)
    return _checked(data, format_name, source)


def _checked(text: str, format_name: str, source: str | None) -> str:
    if text.startswith(_BOM):
        text = text[1:]
    nul = text.find("\0")
    if nul >= 0:
        line, column = line_and_column(text, nul)
        raise ParseError(
            format_name,
            "the input holds a NUL character: it looks like binary data, not text (or like "
            "UTF-16 or UTF-32 without a byte-order mark, whose encoding must be named)",
            line=line,
            column=column,
            source=source,
        )
    return text


def _sniff(data: bytes) -> tuple[str, str]:
    for mark, codec, label in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return codec, label
    return "utf-8", "UTF-8"


@attrs.frozen
class _Refusal:
    """How to say that bytes are not in the encoding they were read in."""

    format_name: str
    source: str | None
    label: str
    hint: str

    def error(
        self, reason: str, *, line: int | None = None, column: int | None = None
    ) -> ParseError:
        return ParseError(
            self.format_name,
            f"the input is not {self.label}: {reason}; {self.hint}",
            line=line,
            column=column,
            source=self.source,
        )


def _decode(data: bytes, codec: str, refusal: _Refusal) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        # The failing stage saw the input, or its end once a byte-order mark is taken off
        # (utf-8-sig); a codec that decodes in stages (idna) may have seen other pieces.
        seen = bytes(exc.object)
        if not (data.endswith(seen) and 0 <= exc.start < len(seen)):
            raise refusal.error(str(exc)) from exc
        offset = len(data) - len(seen) + exc.start
        line, column = _line_and_column_of_byte(data, offset, codec)
        reason = f"byte 0x{data[offset]:02x} at offset {offset} ({exc.reason})"
        raise refusal.error(reason, line=line, column=column) from exc
    except UnicodeError as exc:  # codecs that refuse input without saying where
        raise refusal.error(str(exc)) from exc


def _line_and_column_of_byte(data: bytes, offset: int, codec: str) -> tuple[int | None, int | None]:
    try:
        good = data[:offset].decode(codec, errors="replace")
    except UnicodeError:
        return None, None
    return line_and_column(good, len(good))
