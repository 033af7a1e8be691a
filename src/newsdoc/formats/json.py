"""The newsdoc JSON document: every model field, through one cattrs converter.

The document is an object with three members::

    {"format": "newsdoc", "version": 1, "article": {...}}

``article`` holds every field of :class:`~newsdoc.Article` under its Python name, always
present (``null`` or ``[]`` when unset); datetimes are ISO-8601 strings with their UTC
offset, enums are their string values, and every nested value type is an object named by
its fields. ``version`` rises only when a change would make older readers misread a
document; readers refuse versions newer than their own.

Reading is strict: duplicate keys, integers of more than 19 digits, ``NaN``, ``Infinity``,
nesting deeper than 64 levels and values of the wrong JSON type are refused with a
:class:`~newsdoc.ParseError` naming the JSON path.
"""

from __future__ import annotations

import json
from typing import Any

import cattrs

from newsdoc.errors import ParseError, SerializationError
from newsdoc.formats import ReadOptions
from newsdoc.formats._json import configure_converter, listed, loads, shown, structure
from newsdoc.model import Article

__all__ = ["DOCUMENT_VERSION", "make_converter", "read", "write"]

DOCUMENT_VERSION = 1
"""The version of the JSON document shape that :func:`write` emits.

>>> import newsdoc
>>> newsdoc.write(newsdoc.Article(lead=["Body."]), "json").splitlines()[2]
'  "version": 1,'
"""

_FORMAT = "json"
_MARKER = "newsdoc"


def make_converter() -> cattrs.Converter:
    """A new converter between model objects and JSON-ready Python values.

    It refuses unknown keys and values of the wrong JSON type (no silent ``"3"`` → ``3``,
    no ``"abc"`` → ``("a", "b", "c")``), and writes datetimes as ISO-8601 strings. Use it to
    embed articles in your own cattrs-structured data.

    Example:
        >>> from newsdoc import Section
        >>> converter = make_converter()
        >>> converter.unstructure(Section(heading="Who pays?", paragraphs=["The state."]))
        {'heading': 'Who pays?', 'paragraphs': ['The state.']}
        >>> converter.structure({"heading": "Who pays?", "paragraphs": ["The state."]}, Section)
        Section(heading='Who pays?', paragraphs=('The state.',))
    """
    converter = cattrs.Converter()
    configure_converter(converter)
    return converter


_converter = make_converter()


def write(article: Article) -> str:
    """Write ``article`` as a newsdoc JSON document."""
    try:
        payload = _converter.unstructure(article, Article)
    except Exception as exc:  # pragma: no cover - the model only holds JSON-able values
        raise SerializationError(_FORMAT, str(exc)) from exc
    document = {"format": _MARKER, "version": DOCUMENT_VERSION, "article": payload}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def read(data: str | bytes, options: ReadOptions) -> Article:
    """Read a newsdoc JSON document.

    Raises:
        ParseError: The input is not JSON, not a newsdoc document, or a value in it is
            missing, unknown, of the wrong type or breaks a model invariant; the error
            names the JSON path, e.g. ``$.article.sections[0].heading``.
    """
    document: Any = loads(data, _FORMAT, options.source)
    if not isinstance(document, dict) or document.get("format") != _MARKER:
        raise ParseError(
            _FORMAT,
            'not a newsdoc JSON document: expected an object with "format": "newsdoc"',
            path="$",
            source=options.source,
        )
    version = document.get("version")
    if type(version) is not int or not 1 <= version <= DOCUMENT_VERSION:
        raise ParseError(
            _FORMAT,
            f"unsupported document version {shown(version)}; this newsdoc reads 1 to "
            f"{DOCUMENT_VERSION}",
            path="$.version",
            source=options.source,
        )
    extra = sorted(set(document) - {"format", "version", "article"})
    if extra:
        raise ParseError(
            _FORMAT, f"unknown member(s) {listed(extra)}", path="$", source=options.source
        )
    if "article" not in document:
        raise ParseError(_FORMAT, "the document has no article", path="$", source=options.source)
    return structure(
        _converter, document["article"], Article, _FORMAT, path="$.article", source=options.source
    )
