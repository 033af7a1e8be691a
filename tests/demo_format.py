"""A demonstration format: everything a new format needs, and nothing more.

A *brief* is UTF-8 text: the headline on the first line (empty when there is none), then
one lead paragraph on each following line. It carries the headline and the lead; it is
not registered, and ``tests/test_formats.py`` runs on it the same round-trip, fuzz and
golden tests as on every registered format, through :data:`INFO`.
"""

from __future__ import annotations

from newsdoc import Article, FormatInfo, ParseError, ValidationError
from newsdoc.formats import ReadOptions

__all__ = ["INFO", "read", "write"]

INFO = FormatInfo(
    name="brief",
    suffixes=(".brief",),
    description="a headline line, then one lead paragraph per line",
    module="demo_format",
    carries=frozenset({"headline", "lead"}),
)
"""The registry entry the format would have; the tests pass it wherever a format is named."""


def read(data: str | bytes, options: ReadOptions) -> Article:
    """Read a brief; every failure is a ParseError."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            reason = f"not UTF-8 at byte {exc.start}: {exc.reason}"
            raise ParseError(INFO.name, reason, source=options.source) from exc
    lines = data.split("\n")
    try:
        return Article(headline=lines[0] or None, lead=lines[1:])
    except ValidationError as exc:  # a blank or padded line: the message names which
        raise ParseError(INFO.name, str(exc), source=options.source) from exc


def write(article: Article) -> str:
    """Write the headline and the lead; other fields are not part of a brief."""
    return "\n".join((article.headline or "", *article.lead))
