"""JSON Lines: one newsdoc JSON article object per line.

Each line holds the object that a newsdoc JSON document keeps under ``"article"``, written
and read through the same strict JSON layer and converter as the JSON format, so the two
formats never differ on what an article looks like. Lines are read one at a time, and an
error names the line it is on. Blank lines are skipped. Writing many articles gives one line each.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import cattrs

from newsdoc.errors import ParseError, SerializationError
from newsdoc.formats import ReadOptions, only_article
from newsdoc.formats._decode import decode_utf8
from newsdoc.formats._json import configure_converter, loads, structure
from newsdoc.model import Article

__all__ = ["read", "read_all", "write", "write_all"]

_FORMAT = "jsonl"
_converter = cattrs.Converter()
configure_converter(_converter)


def write(article: Article) -> str:
    """Write ``article`` as one line, with its line break."""
    try:
        payload = _converter.unstructure(article, Article)
    except Exception as exc:  # pragma: no cover - the model only holds JSON-able values
        raise SerializationError(_FORMAT, str(exc)) from exc
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_all(articles: Iterable[Article]) -> Iterator[str]:
    """Write each of ``articles`` as one line, one at a time."""
    for article in articles:
        yield write(article)


def read(data: str | bytes, options: ReadOptions) -> Article:
    """Read the one article of a JSON Lines document.

    Raises:
        ParseError: A line is not a valid article, or the document holds no article or
            more than one.
    """
    return only_article(read_all(data, options), _FORMAT, options.source)


def read_all(data: str | bytes, options: ReadOptions) -> Iterator[Article]:
    """Read every article, one line at a time.

    Raises:
        ParseError: A line is not JSON, not an object, or not a valid article; the error
            names the line and, for a bad value, its JSON path (``$.headline``).
    """
    text = decode_utf8(data, _FORMAT, options.source)
    return _articles(text, options)


def _articles(text: str, options: ReadOptions) -> Iterator[Article]:
    start = 0
    number = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        number += 1
        line = text[start:end]
        start = end + 1
        if line.strip():
            yield _article(line, number, options)


def _article(line: str, number: int, options: ReadOptions) -> Article:
    try:
        value = loads(line, _FORMAT, options.source)
        if not isinstance(value, dict):
            raise ParseError(
                _FORMAT, f"expected an article object, not a JSON {type(value).__name__}", path="$"
            )
        return structure(_converter, value, Article, _FORMAT, path="$", source=options.source)
    except ParseError as exc:  # the line's own place, in the document's lines
        raise ParseError(
            _FORMAT,
            exc.reason,
            line=number,
            column=exc.column,
            path=exc.path,
            source=options.source,
        ) from exc
