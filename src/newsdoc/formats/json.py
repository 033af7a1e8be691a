"""The newsdoc JSON document: every model field, through one cattrs converter.

The document is an object with three members::

    {"format": "newsdoc", "version": 1, "article": {...}}

``article`` holds every field of :class:`~newsdoc.Article` under its Python name, always
present (``null`` or ``[]`` when unset); datetimes are ISO-8601 strings with their UTC
offset, enums are their string values, and every nested value type is an object named by
its fields. ``version`` rises only when a change would make older readers misread a
document; readers refuse versions newer than their own.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import cattrs

from newsdoc.errors import ParseError, SerializationError
from newsdoc.formats import ReadOptions
from newsdoc.formats._decode import decode_utf8, line_and_column
from newsdoc.model import Article

__all__ = ["DOCUMENT_VERSION", "make_converter", "read", "write"]

DOCUMENT_VERSION = 1
"""The version of the JSON document shape that :func:`write` emits."""

_FORMAT = "json"
_MARKER = "newsdoc"


def _structure_datetime(value: Any, _: type) -> dt.datetime:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO-8601 string, not {type(value).__name__}")
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no UTC offset")
    return moment


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {type(value).__name__}")
    return value


def _structure_int(value: Any, _: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an integer, not {type(value).__name__}")
    return value


def _describe(exc: BaseException, expected: type | None) -> str:
    if isinstance(exc, (KeyError, cattrs.ForbiddenExtraKeysError)) or not str(exc):
        return cattrs.v.format_exception(exc, expected)
    return str(exc)


def make_converter() -> cattrs.Converter:
    """A new converter between model objects and JSON-ready Python values.

    It refuses unknown keys and values of the wrong JSON type (no silent ``"3"`` → ``3``),
    and writes datetimes as ISO-8601 strings. Use it to embed articles in your own
    cattrs-structured data.
    """
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    converter.register_structure_hook(dt.datetime, _structure_datetime)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
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
    text = decode_utf8(data, _FORMAT, options.source)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        line, column = line_and_column(text, exc.pos)
        raise ParseError(_FORMAT, exc.msg, line=line, column=column, source=options.source) from exc
    except RecursionError as exc:
        raise ParseError(_FORMAT, "the JSON is nested too deeply", source=options.source) from exc
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
            f"unsupported document version {version!r}; this newsdoc reads 1 to {DOCUMENT_VERSION}",
            path="$.version",
            source=options.source,
        )
    extra = sorted(set(document) - {"format", "version", "article"})
    if extra:
        raise ParseError(
            _FORMAT, f"unknown member(s) {', '.join(extra)}", path="$", source=options.source
        )
    if "article" not in document:
        raise ParseError(_FORMAT, "the document has no article", path="$", source=options.source)
    try:
        return _converter.structure(document["article"], Article)
    except Exception as exc:
        messages = cattrs.transform_error(exc, path="$.article", format_exception=_describe)
        first = messages[0] if messages else str(exc)
        reason, _, path = first.rpartition(" @ ")
        more = f" (and {len(messages) - 1} more problem(s))" if len(messages) > 1 else ""
        raise ParseError(
            _FORMAT, (reason or first) + more, path=path or None, source=options.source
        ) from exc
