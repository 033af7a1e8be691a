"""Reading, writing and converting articles: the functions most users need."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator

import attrs

from newsdoc._atomic import write_atomically
from newsdoc.errors import ArgumentError, NewsdocError, ParseError, SerializationError
from newsdoc.formats import (
    FormatInfo,
    ReadOptions,
    all_formats,
    by_name,
    by_output_suffix,
    by_suffix,
    no_article,
    only_article,
)
from newsdoc.formats._decode import check_encoding
from newsdoc.formats._sniff import HEAD_SIZE
from newsdoc.model import Article

__all__ = [
    "Conversion",
    "convert",
    "convert_all",
    "formats",
    "read",
    "read_all",
    "write",
    "write_file",
]

Source = str | bytes | os.PathLike[str]
"""What :func:`read` accepts: the document as ``str`` or ``bytes``, or a path to it."""


def formats() -> tuple[FormatInfo, ...]:
    """Every format newsdoc can read and write.

    Example:
        >>> import newsdoc
        >>> [(info.name, info.output_suffix) for info in newsdoc.formats()][:4]
        [('text', '.txt'), ('newsml', '.xml'), ('nitf', '.nitf'), ('json', '.json')]
    """
    return all_formats()


def read(
    source: Source,
    format: str | FormatInfo | None = None,
    *,
    strict: bool = False,
    extract: bool = True,
    encoding: str | None = None,
) -> Article:
    r"""Read the one article a document holds.

    Args:
        source: The document as ``str`` or ``bytes``, or a :class:`os.PathLike` naming a
            file. A plain ``str`` is always the document itself, never a file name.
        format: The format's name (see :func:`formats`), or a :class:`~newsdoc.FormatInfo`,
            registered or not (a format being written is tested this way before it is
            registered). It may be left out only when ``source`` is a path whose suffix
            names a format.
        strict: Refuse content the model has no field for instead of keeping it as
            :class:`~newsdoc.Extension` data.
        extract: Derive attributions and events from the words, for formats (plain text)
            that do not carry them.
        encoding: The character encoding of byte input for plain text, e.g. ``"cp1252"``
            or ``"iso-8859-1"``. Left out, plain text is read as UTF-8, or as UTF-16 or
            UTF-32 when a byte-order mark says so. JSON and NewsML-G2 ignore it (JSON is
            UTF-8; an XML document names its own encoding), but an unknown name is refused
            for every format.

    Returns:
        The article.

    Raises:
        ParseError: The input is not a valid document of that format; it holds no article,
            or more than one (a NewsML-G2 ``newsMessage`` of several items: use
            :func:`read_all`); ``encoding`` names no text encoding.
        UnknownFormatError: ``format`` names no format, or it was left out and the path's
            suffix names none.
        NewsdocError: Any other problem with the input.

    Example:
        >>> from pathlib import Path
        >>> import newsdoc
        >>> newsdoc.read(Path("examples/wire/rates.xml")).headline
        'Bank of England holds rates at 4.5% as inflation stays sticky'
        >>> newsdoc.read("Rain stops play\nThe match was abandoned.", "text").lead
        ('The match was abandoned.',)
    """
    info, data, options = _resolve(
        source, format, strict=strict, extract=extract, encoding=encoding
    )
    return only_article(_articles(info, data, options), info.name, options.source)


def read_all(
    source: Source,
    format: str | FormatInfo | None = None,
    *,
    strict: bool = False,
    extract: bool = True,
    encoding: str | None = None,
) -> Iterator[Article]:
    """Read every article a document holds, one at a time.

    Takes the same arguments as :func:`read`. Formats that hold one article per document
    yield exactly one; a NewsML-G2 ``newsMessage`` yields one per text item, possibly none.

    Example:
        >>> import warnings
        >>> from pathlib import Path
        >>> import newsdoc
        >>> with warnings.catch_warnings():  # the message's header is not an article
        ...     warnings.simplefilter("ignore", newsdoc.UnreadContentWarning)
        ...     [item.id for item in newsdoc.read_all(Path("examples/feed.xml"))]
        ['urn:newsml:example.com:20250306:markets', 'urn:newsml:example.com:20250306:election',
        'urn:newsml:example.com:20250306:football']
    """
    info, data, options = _resolve(
        source, format, strict=strict, extract=extract, encoding=encoding
    )
    return _articles(info, data, options)


def _articles(info: FormatInfo, data: str | bytes, options: ReadOptions) -> Iterator[Article]:
    """The document's articles, with attributions and events found where the format has none."""
    articles = info.read_all(data, options)
    if not options.extract or info.carries_annotations:
        return articles
    from newsdoc.extract import annotate  # noqa: PLC0415 - only reading that extracts pays for it

    return map(annotate, articles)


def write(article: Article, format: str | FormatInfo) -> str:
    """Write ``article`` as a document of ``format``, a format's name or its FormatInfo.

    Raises:
        ArgumentError: ``article`` is not an :class:`~newsdoc.Article`.
        UnknownFormatError: ``format`` names no format.
        SerializationError: The article holds something the format cannot express, or a
            character no document can hold (a lone surrogate).

    Example:
        >>> import newsdoc
        >>> article = newsdoc.Article(headline="Rain stops play", lead=["The match was abandoned."])
        >>> print(newsdoc.write(article, "text"))
        Rain stops play
        The match was abandoned.
        >>> newsdoc.write(article, "jsonl")[:42]
        '{"id":null,"version":null,"language":null,'
    """
    _check_article(article)
    info = _format(format)
    text = info.load().write(article)
    _encoded(text, info.name)
    return text


def write_file(
    article: Article,
    path: str | os.PathLike[str],
    format: str | FormatInfo | None = None,
) -> None:
    """Write ``article`` to the file at ``path``, encoded as UTF-8.

    The whole document is written before the file is touched, to a temporary file in the
    same directory that then replaces the old file in one step: if anything fails, a file
    that was at ``path`` keeps its content, and no temporary file is left behind. The
    replaced file keeps its permission bits. A path that is not a regular file (a device
    such as ``/dev/stdout``, a FIFO) is written directly and never replaced.

    Args:
        article: The article to write.
        path: Where to write it; an existing file is replaced.
        format: The format's name or FormatInfo; left out, the path's suffix names it.

    Raises:
        ArgumentError: ``article`` is not an :class:`~newsdoc.Article`, or ``path`` is not
            a path.
        UnknownFormatError: ``format`` names no format, or it was left out and the path's
            suffix names none.
        SerializationError: The article holds something the format cannot express.
        WriteError: The file could not be written (a missing directory, no permission, a
            full disk, the file-size limit…); the error names the path and the cause.

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> import newsdoc
        >>> path = Path(tempfile.mkdtemp()) / "rain.xml"
        >>> article = newsdoc.Article(headline="Rain stops play", lead=["The match was abandoned."])
        >>> newsdoc.write_file(article, path)  # NewsML-G2, from the suffix
        >>> newsdoc.read(path) == article
        True
    """
    _check_article(article)
    target = _fspath(path, "path")
    info = _format(format) if format is not None else by_output_suffix(os.path.splitext(target)[1])
    write_atomically(target, _encoded(info.load().write(article), info.name))


@attrs.frozen(kw_only=True)
class Conversion:
    """What :func:`convert` did with one source.

    Attributes:
        article: The article that was read (with what extraction found).
        format: The name of the format written.
        document: The written document, when no output path was given.
        output: The file written, when an output path was given.
        warnings: Every warning raised on the way (a :class:`~newsdoc.ContentLossWarning`
            for what the target format could not carry …), kept as values so that they
            survive a worker process and can be reported with their source.

    Example:
        >>> from pathlib import Path
        >>> import newsdoc
        >>> done = newsdoc.convert(Path("examples/wire/harbour.txt"), "json")
        >>> done.format, done.output, done.article.bylines, done.warnings
        ('json', None, ('Amina Yusuf',), ())
    """

    article: Article
    format: str
    document: str | None = None
    output: str | None = None
    warnings: tuple[Warning, ...] = ()


def convert(
    source: Source,
    to: str | FormatInfo | None = None,
    output: str | os.PathLike[str] | None = None,
    *,
    format: str | FormatInfo | None = None,
    strict: bool = False,
    extract: bool = True,
    encoding: str | None = None,
) -> Conversion:
    """Read the one article of ``source`` and write it as ``to``: the one path for a conversion.

    Args:
        source: What :func:`read` takes: the document, or a path to it.
        to: The format to write (a name or a FormatInfo); left out, the suffix of
            ``output`` names it.
        output: The file to write (atomically, as :func:`write_file` does); left out, the
            document is returned in :attr:`Conversion.document`.
        format: The format of ``source``, as for :func:`read`.
        strict: As for :func:`read`.
        extract: As for :func:`read`.
        encoding: As for :func:`read`.

    Returns:
        What was read and written, with the warnings raised on the way. They are
        collected, not shown: report them from :attr:`Conversion.warnings`.

    Raises:
        ParseError: As for :func:`read`; a document of several articles names how many it
            holds.
        UnknownFormatError: ``to`` names no format, or was left out and ``output`` has no
            suffix that names one.
        SerializationError: The article holds something the format cannot express.
        WriteError: ``output`` could not be written; a file already there is untouched.

    Example:
        >>> from pathlib import Path
        >>> import newsdoc
        >>> done = newsdoc.convert(Path("examples/al_asad.txt"), "newsml")
        >>> done.document.startswith("<?xml"), done.warnings
        (True, ())
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        info, data, options = _resolve(
            source, format, strict=strict, extract=extract, encoding=encoding
        )
        article = only_article(
            _articles(info, data, options), info.name, options.source, count=True
        )
        if output is None:
            if to is None:
                raise ArgumentError("to", "a format name when no output path is given", to)
            target = _format(to)
            path = None
        else:
            path = _fspath(output, "output")
            target = _format(to) if to is not None else by_output_suffix(os.path.splitext(path)[1])
    return _converted(article, target, path, _recorded(caught))


OutputNamer = Callable[[Article, int, int], "str | os.PathLike[str] | None"]
"""Names the file for an article, given it, its 0-based index and how many there are."""


def convert_all(
    source: Source,
    to: str | FormatInfo,
    output: OutputNamer | None = None,
    *,
    format: str | FormatInfo | None = None,
    strict: bool = False,
    extract: bool = True,
    encoding: str | None = None,
) -> tuple[Conversion, ...]:
    """Read every article of ``source`` and write each of them as ``to``.

    A document of one article gives one :class:`~newsdoc.Conversion`, as
    :func:`~newsdoc.convert` does; a
    NewsML-G2 ``newsMessage`` of several text items gives one per item, so that none is
    left out.

    Args:
        source: What :func:`~newsdoc.read` takes.
        to: The format to write.
        output: Called with each article, its 0-based index and the number of articles,
            it returns the file to write that article to (atomically), or ``None`` to
            return the document in :attr:`~newsdoc.Conversion.document`. Left out, every document
            is returned.
        format: As for :func:`~newsdoc.read`.
        strict: As for :func:`~newsdoc.read`.
        extract: As for :func:`~newsdoc.read`.
        encoding: As for :func:`~newsdoc.read`.

    Returns:
        One conversion per article, in document order. The warnings raised while reading
        are reported with the first; those of each write with its own.

    Raises:
        ParseError: As for :func:`~newsdoc.read`; a document without any article is refused.
        UnknownFormatError: ``to`` names no format.
        SerializationError: An article holds something the format cannot express.
        WriteError: A file could not be written.

    Example:
        >>> from pathlib import Path
        >>> from newsdoc.api import convert_all
        >>> done = convert_all(Path("examples/feed.xml"), "text")
        >>> [conversion.document.splitlines()[0] for conversion in done]
        ['Asian shares rise as tech stocks rebound', 'Polls open in Estonia’s local elections',
        'Lindqvist named coach of Sweden’s women’s team']
        >>> [type(warning).__name__ for warning in done[0].warnings]
        ['UnreadContentWarning']
    """
    target = _format(to)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        info, data, options = _resolve(
            source, format, strict=strict, extract=extract, encoding=encoding
        )
        articles = list(_articles(info, data, options))
    if not articles:
        raise no_article(info.name, options.source)
    read_warnings = _recorded(caught)
    done = []
    for index, article in enumerate(articles):
        path = None if output is None else output(article, index, len(articles))
        written = None if path is None else _fspath(path, "output")
        earlier = read_warnings if index == 0 else ()
        done.append(_converted(article, target, written, earlier))
    return tuple(done)


def _converted(
    article: Article, target: FormatInfo, path: str | None, earlier: tuple[Warning, ...]
) -> Conversion:
    """``article`` written as a document (no ``path``) or to the file at ``path``.

    The warnings of writing it are recorded after ``earlier`` (those of reading it).
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if path is None:
            document: str | None = write(article, target)
        else:
            write_file(article, path, target)
            document = None
    return Conversion(
        article=article,
        format=target.name,
        document=document,
        output=path,
        warnings=earlier + _recorded(caught),
    )


def _recorded(caught: list[warnings.WarningMessage]) -> tuple[Warning, ...]:
    """Caught warnings as values, which survive a worker process."""
    return tuple(_warning(record.message) for record in caught)


def _warning(message: Warning | str) -> Warning:
    return message if isinstance(message, Warning) else UserWarning(message)


def _check_article(article: object) -> None:
    if not isinstance(article, Article):
        raise ArgumentError("article", "a newsdoc.Article", article)


def _fspath(path: object, argument: str) -> str:
    """The path as a ``str``; bytes paths are decoded as the file system does."""
    if isinstance(path, (str, bytes, os.PathLike)):
        name = os.fspath(path)
        return os.fsdecode(name) if isinstance(name, bytes) else name
    raise ArgumentError(argument, "a str, bytes or path", path)


def _encoded(text: str, format_name: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise SerializationError(
            format_name,
            f"the article holds {exc.object[exc.start]!r}, a lone surrogate, which no "
            f"UTF-8 document can hold (character {exc.start} of the document)",
        ) from exc


def _resolve(
    source: Source,
    format: str | FormatInfo | None,
    *,
    strict: bool,
    extract: bool,
    encoding: str | None,
) -> tuple[FormatInfo, str | bytes, ReadOptions]:
    if isinstance(source, (str, bytes)):
        if format is None:
            raise NewsdocError(
                "format= is required when reading a str or bytes; pass a pathlib.Path to "
                "read a file by its suffix"
            )
        info = _format(format)
        return info, source, _options(info, strict, extract, encoding, None)
    # os.path rather than pathlib: pathlib alone would add a tenth to import time.
    path = _fspath(source, "source")
    suffix = os.path.splitext(path)[1]
    info = _format(format) if format is not None else by_suffix(suffix)
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as exc:
        raise ParseError(info.name, exc.strerror or str(exc), source=path) from exc
    if format is None:  # a suffix another format also reads: the content decides
        info = by_suffix(suffix, data[:HEAD_SIZE])
    return info, data, _options(info, strict, extract, encoding, path)


def _format(format: str | FormatInfo) -> FormatInfo:
    """The format named, or the one given: a format need not be registered to be used."""
    return format if isinstance(format, FormatInfo) else by_name(format)


def _options(
    info: FormatInfo, strict: bool, extract: bool, encoding: str | None, path: str | None
) -> ReadOptions:
    if encoding is not None and not isinstance(encoding, str):
        raise ArgumentError("encoding", "a str naming a text encoding", encoding)
    if encoding is not None:
        check_encoding(encoding, info.name, path)
    return ReadOptions(strict=strict, extract=extract, source=path, encoding=encoding)
