"""Turning the bytes of a text-based document into ``str``, with errors that say where."""

from __future__ import annotations

from newsdoc.errors import ParseError

__all__ = ["decode_utf8", "line_and_column"]

_BOM = "\ufeff"


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of character ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def decode_utf8(data: str | bytes, format_name: str, source: str | None) -> str:
    """Decode ``data`` as UTF-8 (a leading byte-order mark is dropped).

    Raises:
        ParseError: The bytes are not UTF-8, or they hold NUL characters, which no text
            document holds and which mark binary data.
    """
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            good = data[: exc.start].decode("utf-8")
            line, column = line_and_column(good, len(good))
            raise ParseError(
                format_name,
                f"the input is not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} "
                f"({exc.reason})",
                line=line,
                column=column,
                source=source,
            ) from exc
    else:
        text = data
    if text.startswith(_BOM):
        text = text[1:]
    nul = text.find("\0")
    if nul >= 0:
        line, column = line_and_column(text, nul)
        raise ParseError(
            format_name,
            "the input holds a NUL character: it looks like binary data, not text",
            line=line,
            column=column,
            source=source,
        )
    return text
