"""Reading and writing articles: the functions most users need."""

from __future__ import annotations

import os
from collections.abc import Iterator

from newsdoc.errors import NewsdocError, ParseError
from newsdoc.formats import FormatInfo, ReadOptions, all_formats, by_name, by_suffix
from newsdoc.model import Article

__all__ = ["formats", "read", "read_all", "write", "write_file"]

Source = str | bytes | os.PathLike[str]
"""What :func:`read` accepts: the document as ``str`` or ``bytes``, or a path to it."""


def formats() -> tuple[FormatInfo, ...]:
    """Every format newsdoc can read and write."""
    return all_formats()


def read(
    source: Source,
    format: str | None = None,
    *,
    strict: bool = False,
    extract: bool = True,
) -> Article:
    """Read one article.

    Args:
        source: The document as ``str`` or ``bytes``, or a :class:`os.PathLike` naming a
            file. A plain ``str`` is always the document itself, never a file name.
        format: The format's name (see :func:`formats`). It may be left out only when
            ``source`` is a path whose suffix names a format.
        strict: Refuse content the model has no field for instead of keeping it as
            :class:`~newsdoc.Extension` data.
        extract: Derive attributions and events from the words, for formats (plain text)
            that do not carry them.

    Returns:
        The article. For a document that holds several (a NewsML-G2 ``newsMessage``), the
        first; use :func:`read_all` for every one.

    Raises:
        ParseError: The input is not a valid document of that format.
        UnknownFormatError: ``format`` names no format, or it was left out and the path's
            suffix names none.
        NewsdocError: Any other problem with the input.
    """
    info, data, options = _resolve(source, format, strict=strict, extract=extract)
    article = next(info.read_all(data, options), None)
    if article is None:
        raise ParseError(info.name, "the document holds no article", source=options.source)
    return article


def read_all(
    source: Source,
    format: str | None = None,
    *,
    strict: bool = False,
    extract: bool = True,
) -> Iterator[Article]:
    """Read every article a document holds, one at a time.

    Takes the same arguments as :func:`read`. Formats that hold one article per document
    yield exactly one.
    """
    info, data, options = _resolve(source, format, strict=strict, extract=extract)
    return info.read_all(data, options)


def write(article: Article, format: str) -> str:
    """Write ``article`` as a document of ``format``.

    Raises:
        UnknownFormatError: ``format`` names no format.
        SerializationError: The article holds something the format cannot express.
    """
    return by_name(format).load().write(article)


def write_file(
    article: Article,
    path: str | os.PathLike[str],
    format: str | None = None,
) -> None:
    """Write ``article`` to the file at ``path``, encoded as UTF-8.

    Args:
        article: The article to write.
        path: Where to write it; an existing file is replaced.
        format: The format's name; left out, the path's suffix names it.
    """
    target = os.fspath(path)
    info = by_name(format) if format is not None else by_suffix(os.path.splitext(target)[1])
    with open(target, "wb") as file:
        file.write(info.load().write(article).encode("utf-8"))


def _resolve(
    source: Source,
    format: str | None,
    *,
    strict: bool,
    extract: bool,
) -> tuple[FormatInfo, str | bytes, ReadOptions]:
    if isinstance(source, (str, bytes)):
        if format is None:
            raise NewsdocError(
                "format= is required when reading a str or bytes; pass a pathlib.Path to "
                "read a file by its suffix"
            )
        return by_name(format), source, ReadOptions(strict=strict, extract=extract)
    # os.path rather than pathlib: pathlib alone would add a tenth to import time.
    path = os.fspath(source)
    info = by_name(format) if format is not None else by_suffix(os.path.splitext(path)[1])
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as exc:
        raise ParseError(info.name, exc.strerror or str(exc), source=path) from exc
    return info, data, ReadOptions(strict=strict, extract=extract, source=path)
