"""The registry of formats newsdoc reads and writes.

Every format is one module in this package with a ``read`` and a ``write`` function; a
format that can hold several articles in one document (a NewsML-G2 ``newsMessage``) also
has ``read_all``. The registry below is the single list of them: modules are imported the
first time they are used, never as a side effect of importing newsdoc.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol, cast

import attrs

from newsdoc.errors import UnknownFormatError

if TYPE_CHECKING:
    from newsdoc.model import Article

__all__ = ["FormatInfo", "FormatModule", "ReadOptions", "all_formats", "by_name", "by_suffix"]


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How a reader treats its input.

    Attributes:
        strict: Refuse input that holds content the model has no field for, instead of
            keeping it as :class:`~newsdoc.Extension` data and recording where it stood.
        extract: Derive attributions and events from the words of formats that do not carry
            them explicitly (plain text).
        source: The name of the file being read, used in error messages.
        encoding: The character encoding of byte input, for formats whose documents do
            not declare theirs. Plain text honours it; ``None`` reads UTF-8, or UTF-16 or
            UTF-32 when the bytes open with that encoding's byte-order mark. JSON is always
            UTF-8 and NewsML-G2 takes the encoding its XML declaration names: both ignore
            this option. Input given as ``str`` is already decoded and ignores it too.
    """

    strict: bool = False
    extract: bool = True
    source: str | None = None
    encoding: str | None = None


class FormatModule(Protocol):
    """What every format module provides."""

    def read(self, data: str | bytes, options: ReadOptions) -> Article:
        """Read one article from a whole document."""

    def write(self, article: Article) -> str:
        """Write one article as a whole document."""


@attrs.frozen(kw_only=True)
class FormatInfo:
    """A registered format.

    Attributes:
        name: The name used in ``format=`` and on the command line.
        suffixes: File suffixes that name this format, with the dot, lower case.
        description: One line saying what the format is.
        module: The module that implements the format.
    """

    name: str
    suffixes: tuple[str, ...]
    description: str
    module: str

    def load(self) -> FormatModule:
        """Import and return the module that implements this format."""
        module = sys.modules.get(self.module)  # the import machinery is slow even when cached
        if module is None:
            module = importlib.import_module(self.module)
        return cast("FormatModule", module)

    def read_all(self, data: str | bytes, options: ReadOptions) -> Iterator[Article]:
        """Read every article the document holds, one at a time."""
        module = self.load()
        reader = getattr(module, "read_all", None)
        if reader is None:
            yield module.read(data, options)
        else:
            yield from reader(data, options)


_FORMATS: tuple[FormatInfo, ...] = (
    FormatInfo(
        name="text",
        suffixes=(".txt", ".text"),
        description="plain text, one paragraph per line (see the plain-text convention)",
        module="newsdoc.formats.text",
    ),
    FormatInfo(
        name="newsml",
        suffixes=(".xml", ".newsml"),
        description="NewsML-G2 newsItem / newsMessage (IPTC), written schema-valid",
        module="newsdoc.formats.newsml",
    ),
    FormatInfo(
        name="json",
        suffixes=(".json",),
        description="the newsdoc JSON document, every model field",
        module="newsdoc.formats.json",
    ),
)


def all_formats() -> tuple[FormatInfo, ...]:
    """Every registered format, in registry order."""
    return _FORMATS


def by_name(name: str) -> FormatInfo:
    """The format called ``name``.

    Raises:
        UnknownFormatError: No format has that name.
    """
    for info in _FORMATS:
        if info.name == name:
            return info
    raise UnknownFormatError(name, tuple(info.name for info in _FORMATS))


def by_suffix(suffix: str) -> FormatInfo:
    """The format whose files end in ``suffix`` (e.g. ``".xml"``), case-insensitively.

    Raises:
        UnknownFormatError: No format claims that suffix.
    """
    wanted = suffix.lower()
    for info in _FORMATS:
        if wanted in info.suffixes:
            return info
    raise UnknownFormatError(suffix or "(no suffix)", tuple(info.name for info in _FORMATS))
