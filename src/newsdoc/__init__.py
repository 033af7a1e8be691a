"""newsdoc: a typed, immutable document model for news articles, and faithful converters.

Read an article, look at it, write it in another format::

    import newsdoc

    article = newsdoc.read(pathlib.Path("story.txt"))
    print(article.sections[0].heading)
    xml = newsdoc.write(article, "newsml")
"""

from __future__ import annotations

from newsdoc.api import Conversion, convert, formats, read, read_all, write, write_file
from newsdoc.errors import (
    ArgumentError,
    ContentLossWarning,
    NewsdocError,
    ParseError,
    SerializationError,
    UnknownFormatError,
    UnmappedContentError,
    UnreadContentWarning,
    ValidationError,
    WriteError,
)
from newsdoc.formats import FormatInfo
from newsdoc.model import (
    AltId,
    Article,
    Attribution,
    AttributionKind,
    Concept,
    Dateline,
    Event,
    Extension,
    KnownSignal,
    Link,
    Mark,
    MarkKind,
    Name,
    Party,
    PubStatus,
    RelatedConcept,
    Rights,
    RoleText,
    Section,
    Signal,
    Span,
    TimeExpression,
)

__version__: str


def __getattr__(name: str) -> str:
    # The version is looked up on first use: importlib.metadata costs more than the
    # rest of ``import newsdoc`` together.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            return version("newsdoc")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0+unknown"
    raise AttributeError(f"module 'newsdoc' has no attribute {name!r}")


__all__ = [
    "AltId",
    "ArgumentError",
    "Article",
    "Attribution",
    "AttributionKind",
    "Concept",
    "ContentLossWarning",
    "Conversion",
    "Dateline",
    "Event",
    "Extension",
    "FormatInfo",
    "KnownSignal",
    "Link",
    "Mark",
    "MarkKind",
    "Name",
    "NewsdocError",
    "ParseError",
    "Party",
    "PubStatus",
    "RelatedConcept",
    "Rights",
    "RoleText",
    "Section",
    "SerializationError",
    "Signal",
    "Span",
    "TimeExpression",
    "UnknownFormatError",
    "UnmappedContentError",
    "UnreadContentWarning",
    "ValidationError",
    "WriteError",
    "__version__",
    "convert",
    "formats",
    "read",
    "read_all",
    "write",
    "write_file",
]
