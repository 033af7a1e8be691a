"""Dask bags of articles, for archives that outgrow one machine (the ``newsdoc[dask]`` extra).

:func:`read_bag` builds a Dask bag (``dask.bag.Bag``) of :class:`~newsdoc.Article` from paths,
globs or any fsspec URL (``s3://archive/2024/**/*.xml``); :func:`write_bag` writes a bag
back out in any format. Both run wherever the bag's scheduler runs: threads, local
processes, or a ``dask.distributed`` cluster (see ``docs/batch.md``).

Example:
    >>> import newsdoc.dask
    >>> bag = newsdoc.dask.read_bag("examples/*.txt")
    >>> newsdoc.dask.write_bag(bag, "/tmp/corpus", "jsonl")
    ['/tmp/corpus/part-00000.jsonl']
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from newsdoc._atomic import write_atomically
from newsdoc.api import read_all, write
from newsdoc.batch import article_file_name, source_format
from newsdoc.errors import NewsdocError, ParseError
from newsdoc.formats import by_name
from newsdoc.formats._sniff import HEAD_SIZE
from newsdoc.model import Article

try:
    # Imported by name: Dask and fsspec are an optional extra, and only partly typed.
    dask: Any = importlib.import_module("dask")
    dask_bag: Any = importlib.import_module("dask.bag")
    fsspec: Any = importlib.import_module("fsspec")
except ImportError as exc:  # pragma: no cover - only without the extra
    raise ImportError("newsdoc.dask needs Dask and fsspec: pip install 'newsdoc[dask]'") from exc

Bag = Any
"""A :class:`dask.bag.Bag` (of articles, or of anything to write)."""

__all__ = ["read_bag", "write_bag"]


def read_bag(
    paths: str | Sequence[str],
    *,
    format: str | None = None,
    strict: bool = False,
    extract: bool = True,
    encoding: str | None = None,
    files_per_partition: int = 100,
    storage_options: Mapping[str, Any] | None = None,
) -> Bag:
    """A bag of every article in the files that ``paths`` name.

    Args:
        paths: A path, glob or fsspec URL, or several; globs are expanded now, the files
            are read when the bag is computed.
        format: The format of every file; left out, each file's suffix or content says.
        strict: As for :func:`newsdoc.read`.
        extract: As for :func:`newsdoc.read`.
        encoding: As for :func:`newsdoc.read`.
        files_per_partition: How many files one task reads.
        storage_options: Passed to fsspec (credentials, endpoints…).

    Returns:
        A bag of articles, in which a ``newsMessage`` gives all of its items.

    Raises:
        ParseError: When the bag is computed, for the first file that cannot be read; it
            names the file. Nothing is skipped silently.

    Example:
        >>> bag = read_bag(["examples/wire/*.xml", "examples/wire/*.txt"], extract=False)
        >>> sorted(bag.map(lambda article: article.bylines[0]).compute())
        ['Amina Yusuf', 'Lukas Berger', 'Priya Natarajan']
    """
    files = fsspec.open_files(paths, mode="rb", **(storage_options or {}))
    if not files:
        raise NewsdocError(f"no file matches {paths!r}")
    options = {"format": format, "strict": strict, "extract": extract, "encoding": encoding}
    bag = dask_bag.from_sequence(list(files), partition_size=files_per_partition)
    articles: Bag = bag.map(_read_file, options).flatten()
    return articles


def _read_file(file: Any, options: Mapping[str, Any]) -> list[Article]:
    name = str(file.path)
    try:
        with file as stream:
            data = stream.read()
        info = source_format(name, options["format"], data[:HEAD_SIZE])
        return list(
            read_all(
                data,
                info.name,
                strict=options["strict"],
                extract=options["extract"],
                encoding=options["encoding"],
            )
        )
    except ParseError as exc:
        if exc.source is None:
            exc.source = name  # read from bytes: say which file they came from
        raise
    except OSError as exc:
        raise ParseError("(unknown)", exc.strerror or str(exc), source=name) from exc


def write_bag(
    bag: Bag,
    directory: str,
    format: str,
    *,
    storage_options: Mapping[str, Any] | None = None,
    compute: bool = True,
) -> list[str] | Any:
    """Write every article of ``bag`` under ``directory`` (a path or fsspec URL).

    A format of many articles per document (``jsonl``) gives one file per partition,
    ``part-00000.jsonl`` …; any other gives one file per article, named from the
    partition and the article's id (``00000-urn_x_1-….xml``). Local files are written
    atomically; other file systems write each object in one piece.

    Returns:
        The names of the files written; with ``compute=False``, the Dask delayed object
        that writes them.

    Example:
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> written = write_bag(read_bag("examples/wire/*.xml"), folder, "newsml")
        >>> sorted(name[len(folder) :] for name in written)
        ['/00000-urn_newsml_example.com_20250304_rates-hold-4418a2d3.xml',
        '/00000-urn_newsml_example.com_20250305_floods-c425b659.xml']
    """
    target = by_name(format)
    options = dict(storage_options or {})
    parts = [
        dask.delayed(_write_partition)(part, index, directory, target.name, options)
        for index, part in enumerate(bag.to_delayed())
    ]
    written = dask.delayed(_joined)(parts)
    return list(written.compute()) if compute else written


def _joined(parts: list[list[str]]) -> list[str]:
    return [name for part in parts for name in part]


def _write_partition(
    articles: list[Article], index: int, directory: str, format: str, options: dict[str, Any]
) -> list[str]:
    target = by_name(format)
    suffix = target.output_suffix
    if target.writes_many:
        name = f"{directory.rstrip('/')}/part-{index:05d}{suffix}"
        _put(name, (write(article, format).encode("utf-8") for article in articles), options)
        return [name]
    taken: set[str] = set()
    names = []
    for position, article in enumerate(articles):
        stem = article_file_name(article, position, taken)
        name = f"{directory.rstrip('/')}/{index:05d}-{stem}{suffix}"
        _put(name, iter([write(article, format).encode("utf-8")]), options)
        names.append(name)
    return names


def _put(name: str, chunks: Iterator[bytes], options: dict[str, Any]) -> None:
    file_system, path = fsspec.core.url_to_fs(name, **options)
    if "file" in file_system.protocol:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        write_atomically(path, chunks)
        return
    with file_system.open(path, "wb") as stream:
        for chunk in chunks:
            stream.write(chunk)
