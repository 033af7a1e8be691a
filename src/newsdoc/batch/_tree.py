"""Finding the documents to convert under the inputs, and where each one's output goes."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence

import attrs

from newsdoc.formats import FormatInfo, all_formats

__all__ = ["STDIN", "Found", "Mirror", "find"]

STDIN = "-"
"""The input name that stands for standard input."""


@attrs.frozen
class Found:
    """A document to convert.

    Attributes:
        path: The file, or ``"-"`` for standard input.
        relative: Where it stands below the output directory, with its own suffix.
    """

    path: str
    relative: str


def find(
    inputs: Sequence[str], include: Sequence[str] = (), exclude: str | None = None
) -> Iterator[Found]:
    """Every document under ``inputs``, one at a time, in a stable (sorted) order.

    A directory is searched recursively, skipping hidden entries and ``exclude`` (the
    output directory or file, when it lies inside an input); its files are taken when they match
    one of the ``include`` glob patterns (on their path below the directory, or their
    name), or, when there are none, when their suffix names a format. A file named
    directly is always taken. With several inputs, each one's documents stand under its
    own name, so that the output tree tells them apart.
    """
    suffixes = {suffix for info in all_formats() for suffix in info.suffixes + info.read_suffixes}
    skipped = os.path.realpath(exclude) if exclude is not None else None
    for given in inputs:
        top = "" if len(inputs) == 1 else os.path.basename(given.rstrip(os.sep))
        if given == STDIN:
            yield Found(STDIN, "stdin")
        elif os.path.isdir(given):
            yield from _walk(given, top, include, suffixes, skipped)
        else:
            yield Found(given, os.path.basename(given))


def _walk(
    directory: str, top: str, include: Sequence[str], suffixes: set[str], skipped: str | None
) -> Iterator[Found]:
    for here, directories, files in os.walk(directory):
        directories[:] = sorted(
            name
            for name in directories
            if not name.startswith(".") and os.path.realpath(os.path.join(here, name)) != skipped
        )
        below = os.path.relpath(here, directory)
        for name in sorted(files):
            relative = os.path.normpath(os.path.join(top, below, name))
            path = os.path.join(here, name)
            if (
                not name.startswith(".")
                and _wanted(relative, name, include, suffixes)
                and not (
                    skipped
                    and name == os.path.basename(skipped)
                    and os.path.realpath(path) == skipped
                )
            ):
                yield Found(path, relative)


def _wanted(relative: str, name: str, include: Sequence[str], suffixes: set[str]) -> bool:
    if not include:
        return os.path.splitext(name)[1].lower() in suffixes
    posix = relative.replace(os.sep, "/")
    return any(fnmatch.fnmatch(posix, glob) or fnmatch.fnmatch(name, glob) for glob in include)


@attrs.define
class Mirror:
    """Output paths under ``root`` that mirror the input tree, with the target's suffix.

    Two documents of one directory whose names differ only in their suffix (``a.txt`` and
    ``a.xml``) would get the same output: the second keeps its whole name (``a.xml.json``)
    so that neither is lost. Only the names of the directory at hand are remembered.
    Output directories are made as they are first needed.
    """

    root: str
    target: FormatInfo
    _directory: str = ""
    _taken: set[str] = attrs.field(factory=set)

    def output(self, found: Found) -> str:
        """Where the conversion of ``found`` goes."""
        directory, name = os.path.split(found.relative)
        if directory != self._directory or not self._taken:
            self._directory, self._taken = directory, set()
            os.makedirs(os.path.join(self.root, directory), exist_ok=True)
        suffix = self.target.output_suffix
        stem = os.path.splitext(name)[0]
        chosen = stem + suffix
        if chosen.lower() in self._taken:
            chosen = name + suffix
        self._taken.add(chosen.lower())
        return os.path.join(self.root, directory, chosen)
