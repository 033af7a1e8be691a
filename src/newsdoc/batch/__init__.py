"""Converting and reading many documents at once, in parallel worker processes.

:func:`convert_many` and :func:`read_many` take any iterable of sources (a generator over
a directory tree of a million files is fine: it is consumed as work is handed out) and
yield one :class:`Result` per source as each completes, in completion order. A failure
is a result that carries its error, never an exception that ends the run. At most a few
tasks per worker are in flight, so memory stays flat whatever the number of sources.

Every file is written atomically by the worker that converts it: a conversion that is
interrupted (Ctrl-C, a killed worker) leaves no partial file. A worker that dies takes
the tasks it was given down with it; they are tried once more in a new worker, and a
source whose worker dies twice is reported as failed.

Example:
    >>> import newsdoc.batch
    >>> [result.ok for result in newsdoc.batch.read_many(["examples/al_asad.txt"], jobs=1)]
    [True]
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Generator, Iterable
from typing import Any, Generic, TypeVar, cast

import attrs

from newsdoc._atomic import write_atomically
from newsdoc.api import Conversion, convert_all, read_all
from newsdoc.batch._pool import SKIPPED, default_jobs, run
from newsdoc.errors import NewsdocError
from newsdoc.formats import FormatInfo, by_name, by_suffix, detect
from newsdoc.formats._sniff import HEAD_SIZE
from newsdoc.model import Article

__all__ = [
    "Job",
    "Result",
    "Written",
    "article_file_name",
    "convert_many",
    "default_jobs",
    "read_many",
    "source_format",
]

_R = TypeVar("_R")
_MAX_NAME = 120  # of the 255 bytes a file name may have, what an article id may take
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = re.compile(r"(?i)(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?")  # Windows


@attrs.frozen(kw_only=True)
class Job:
    r"""One source to convert, and where its output goes.

    Attributes:
        source: The file to read, or a name for ``data`` in messages.
        output: The file to write; a source of several articles, converted to a format
            of one article per document, is written to one file per article in the
            directory named by ``output`` without its suffix, each named from the
            article's id (see :func:`article_file_name`). ``None`` returns the
            documents in :attr:`~newsdoc.Conversion.document` instead.
        data: The document itself (standard input), instead of reading ``source``.

    Example:
        >>> job = Job(source="stdin", data=b"Rain stops play\nThe match was abandoned.")
        >>> [result] = convert_many([job], "text", format="text", jobs=1)
        >>> [conversion.document for conversion in result.value]
        ['Rain stops play\nThe match was abandoned.']
    """

    source: str
    output: str | None = None
    data: bytes | None = None


@attrs.frozen(kw_only=True)
class Result(Generic[_R]):
    """What became of one source.

    Attributes:
        source: The source, as it was given.
        value: What it gave: a tuple of :class:`~newsdoc.Conversion` for
            :func:`convert_many`, a tuple of :class:`~newsdoc.Article` for
            :func:`read_many`; ``None`` when it failed or was skipped.
        error: Why it failed, or ``None``.
        skipped: Its output existed already and ``skip_existing`` was asked for.

    Example:
        >>> [result] = read_many(["examples/unchecked.xml"], jobs=1)
        >>> result.source, result.value, type(result.error).__name__
        ('examples/unchecked.xml', None, 'ParseError')
    """

    source: str
    value: _R | None = None
    error: BaseException | None = None
    skipped: bool = False

    @property
    def ok(self) -> bool:
        """Whether the source was converted or read (not failed, not skipped).

        Example:
            >>> [result.ok for result in read_many(["examples/wire/rates.xml"], jobs=1)]
            [True]
        """
        return self.error is None and not self.skipped


def source_format(path: str, named: str | None = None, head: bytes | None = None) -> FormatInfo:
    """The format of the document at ``path``: ``named``, else its suffix, else its content.

    Args:
        path: The file (or a name for ``head``).
        named: A format name that decides, when given.
        head: The document's first bytes; read from ``path`` when needed and not given.

    Raises:
        UnknownFormatError: Neither the name, the suffix nor the content tells; the error
            says what the content looks like.
        ParseError: The file could not be opened to look at its content.

    Example:
        >>> source_format("examples/wire/harbour.txt").name
        'text'
        >>> source_format("story.dat", head=b'{"format": "newsdoc", "version": 1').name
        'json'
    """
    if named is not None:
        return by_name(named)
    suffix = os.path.splitext(path)[1]
    try:
        return by_suffix(suffix, head if head is not None else _head(path))
    except NewsdocError:
        if suffix and any(suffix.lower() in info.suffixes for info in _formats()):
            raise  # a suffix several formats share, and the content did not decide
    return detect(head if head is not None else _head(path), what=path)


def _formats() -> tuple[FormatInfo, ...]:
    from newsdoc.formats import all_formats  # noqa: PLC0415

    return all_formats()


def _head(path: str) -> bytes:
    from newsdoc.errors import ParseError  # noqa: PLC0415

    try:
        with open(path, "rb") as file:
            return file.read(HEAD_SIZE)
    except OSError as exc:
        raise ParseError("(unknown)", exc.strerror or str(exc), source=path) from exc


def article_file_name(article: Article, index: int, taken: set[str]) -> str:
    """A file name (without suffix) for one of several articles, from its id.

    The name keeps only ASCII letters, digits, ``.``, ``_`` and ``-``, is never a name
    Windows reserves (``CON``, ``NUL``…) nor hidden, and is unique among ``taken``
    compared case-insensitively (as macOS and Windows compare them); it is added there.
    An id that had to be changed gets a short checksum of the original, so that two ids
    differing only in unsafe characters stay apart.

    Example:
        >>> from newsdoc import Article
        >>> taken = set()
        >>> article_file_name(Article(id="urn:x:1", lead=["One."]), 0, taken)
        'urn_x_1-f2d7ba7a'
        >>> article_file_name(Article(lead=["No id."]), 1, taken)
        'item-2'
    """
    identifier = article.id or ""
    name = _UNSAFE.sub("_", identifier).strip("._")[:_MAX_NAME]
    if name != identifier and name:
        name = f"{name}-{zlib.crc32(identifier.encode('utf-8')):08x}"
    if not name:
        name = f"item-{index + 1}"
    if _RESERVED.fullmatch(name):
        name = f"_{name}"
    unique, counter = name, 1
    while unique.lower() in taken:
        counter += 1
        unique = f"{name}-{counter}"
    taken.add(unique.lower())
    return unique


@attrs.frozen(kw_only=True)
class Written:
    r"""What a conversion wrote, without its article: cheap to send between processes.

    Attributes:
        output: The file written, or ``None``.
        document: The document, when no file was written.
        warnings: As :attr:`newsdoc.Conversion.warnings`.

    Example:
        >>> jobs = [Job(source="examples/wire/harbour.txt")]
        >>> [result] = convert_many(jobs, "json", jobs=1, articles=False)
        >>> result.value[0].output, result.value[0].document[:12]
        (None, '{\n  "format"')
    """

    output: str | None
    document: str | None
    warnings: tuple[Warning, ...]


@attrs.frozen(kw_only=True)
class _Convert:
    """The picklable task a worker runs for :func:`convert_many`."""

    to: str
    format: str | None
    strict: bool
    extract: bool
    encoding: str | None
    articles: bool = True

    def prepare(self) -> None:
        """Load what every conversion needs: the formats named and the extraction."""
        _load(self.to, self.format, extract=self.extract)

    def __call__(self, job: Job) -> tuple[Conversion, ...] | tuple[Written, ...]:
        conversions = self._convert(job)
        if self.articles:
            return conversions
        # Sending an article back costs about a tenth of converting it.
        return tuple(
            Written(output=done.output, document=done.document, warnings=done.warnings)
            for done in conversions
        )

    def _convert(self, job: Job) -> tuple[Conversion, ...]:
        target = by_name(self.to)
        named = source_format(job.source, self.format, job.data[:HEAD_SIZE] if job.data else None)
        taken: set[str] = set()
        gathered = target.writes_many and job.output is not None

        def output(article: Article, index: int, count: int) -> str | None:
            if job.output is None or gathered:
                return None
            if count == 1:
                return job.output
            directory = os.path.splitext(job.output)[0]
            os.makedirs(directory, exist_ok=True)
            return os.path.join(
                directory, article_file_name(article, index, taken) + target.output_suffix
            )

        conversions = convert_all(
            job.data if job.data is not None else _path(job.source),
            self.to,
            output,
            format=named.name,
            strict=self.strict,
            extract=self.extract,
            encoding=self.encoding,
        )
        if job.output is None or not gathered:
            return conversions
        # A format of many articles per document: every article goes into the one file.
        write_atomically(
            job.output,
            b"".join((done.document or "").encode("utf-8") for done in conversions),
        )
        return tuple(attrs.evolve(done, document=None, output=job.output) for done in conversions)


def _load(*formats: str | None, extract: bool) -> None:
    """Import the modules of ``formats`` and, when ``extract``, of the extraction.

    A source's format, when not named, is known only once it is read: its module is
    imported then.
    """
    for name in formats:
        if name is not None:
            by_name(name).load()
    if extract:
        import newsdoc.extract  # noqa: F401, PLC0415


def _path(source: str) -> os.PathLike[str]:
    from pathlib import Path  # noqa: PLC0415

    return Path(source)


@attrs.frozen(kw_only=True)
class _Read:
    """The picklable task a worker runs for :func:`read_many`."""

    format: str | None
    strict: bool
    extract: bool
    encoding: str | None

    def prepare(self) -> None:
        """Load what every read needs: the format named and the extraction."""
        _load(self.format, extract=self.extract)

    def __call__(self, source: str) -> tuple[Article, ...]:
        named = source_format(source, self.format)
        return tuple(
            read_all(
                _path(source),
                named.name,
                strict=self.strict,
                extract=self.extract,
                encoding=self.encoding,
            )
        )


def convert_many(
    jobs_to_do: Iterable[Job],
    to: str,
    *,
    jobs: int | None = None,
    format: str | None = None,
    strict: bool = False,
    extract: bool = True,
    encoding: str | None = None,
    skip_existing: bool = False,
    articles: bool = True,
) -> Generator[Result[Any], None, None]:
    """Convert every job's source to ``to``, in parallel, yielding results as they complete.

    Args:
        jobs_to_do: What to convert and where to write it; consumed as work is handed out.
        to: The format to write.
        jobs: How many worker processes (default: :func:`default_jobs`); 1 converts in
            this process.
        format: The format of every source; left out, each source's suffix or content
            names it.
        strict: As for :func:`newsdoc.read`.
        extract: As for :func:`newsdoc.read`.
        encoding: As for :func:`newsdoc.read`.
        skip_existing: A job whose output file exists already is not converted, and its
            result says it was skipped (to resume an interrupted run).
        articles: Whether to send each article back from its worker. Left ``True``,
            results hold :class:`~newsdoc.Conversion` objects; ``False`` gives
            :class:`Written` records instead, which cost less when only the files (or
            documents) are wanted.

    Yields:
        One result per job: its conversions (one per article), or its error.

    Example:
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> jobs = [Job(source="examples/feed.xml", output=f"{folder}/feed.json")]
        >>> [result] = convert_many(jobs, "json", jobs=1)
        >>> [conversion.output[len(folder):] for conversion in result.value]
        ['/feed/urn_newsml_example.com_20250306_markets-d7f84098.json',
        '/feed/urn_newsml_example.com_20250306_election-00b61ef7.json',
        '/feed/urn_newsml_example.com_20250306_football-72c80069.json']
    """
    by_name(to)  # an unknown format is the caller's error, not every source's
    task = _Convert(
        to=to,
        format=format,
        strict=strict,
        extract=extract,
        encoding=encoding,
        articles=articles,
    )

    def skipped(job: Job) -> bool:
        return skip_existing and job.output is not None and os.path.exists(job.output)

    for job, outcome in run(task, jobs_to_do, jobs, skip=skipped, prepare=task.prepare):
        if outcome is SKIPPED:
            yield Result(source=job.source, skipped=True)
        elif isinstance(outcome, BaseException):
            yield Result(source=job.source, error=outcome)
        else:
            yield Result(source=job.source, value=outcome)


def read_many(
    sources: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    format: str | None = None,
    strict: bool = False,
    extract: bool = True,
    encoding: str | None = None,
) -> Generator[Result[tuple[Article, ...]], None, None]:
    """Read every article of every source, in parallel, yielding results as they complete.

    Takes the options of :func:`newsdoc.read`; ``jobs`` as for :func:`convert_many`. Each
    result holds the articles of one source (several for a ``newsMessage``), or its error.

    Example:
        >>> sources = ["examples/wire/harbour.txt", "examples/wire/rates.xml"]
        >>> sorted(result.value[0].headline[:20] for result in read_many(sources, jobs=2))
        ['Bank of England hold', 'Council approves har']
    """
    task = _Read(format=format, strict=strict, extract=extract, encoding=encoding)
    names = (os.fspath(source) for source in sources)
    for source, outcome in run(task, names, jobs, prepare=task.prepare):
        if isinstance(outcome, BaseException):
            yield Result(source=source, error=outcome)
        else:
            yield Result(source=source, value=cast("tuple[Article, ...]", outcome))
