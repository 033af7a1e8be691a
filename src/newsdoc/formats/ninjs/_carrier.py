"""The newsdoc rendition: the Article fields ninjs has no property for, in one body rendition.

Its value is a JSON object ``{"digest": …, "fields": {…}}``. ``fields`` holds each field
that the document's own properties would not give back equal, under its model name, in the
shape of newsdoc JSON, except for spans in ``attributions`` and ``events``, which are
``[paragraph, start, end, text]``, whose text must be the body's at that place. An
attribution is ``[kind, source, cue, [content], antecedent or null]``, an event
``[trigger, [time span, value] or null, [places], [participants]]``.

``digest`` fingerprints the body and the replaced fields as the document's properties give
them; a rendition whose digest no longer matches does not apply.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import cache
from typing import Any

import attrs
import cattrs

from newsdoc.errors import ParseError, ValidationError
from newsdoc.formats._json import configure_converter, loads, shown, structure
from newsdoc.formats.ninjs._names import CARRIER_KEY
from newsdoc.model import (
    Article,
    Attribution,
    AttributionKind,
    Event,
    Section,
    Span,
    TimeExpression,
)

__all__ = ["decode", "encode"]

_FORMAT = "ninjs"
_BODY_FIELDS = ("lead", "sections", "trailer")
_ANNOTATIONS = ("attributions", "events")
_EXTENSIONS = "extensions"
_DEFAULTS: dict[str, Any] = {field.name: field.default for field in attrs.fields(Article)}
_PLAIN_FIELDS = tuple(name for name in _DEFAULTS if name not in (*_ANNOTATIONS, _EXTENSIONS))
_KINDS = {kind.value: kind for kind in AttributionKind}
# A carried field whose value holds only beside another field's: its rendition stops
# applying once that field changes, as it does once the body changes.
_DEPENDS_ON = {"slugline_separator": "slugline"}


@cache
def _converter() -> cattrs.Converter:
    made = cattrs.Converter()
    configure_converter(made)
    return made


@cache
def _field_types() -> dict[str, Any]:
    return {field.name: field.type for field in attrs.fields(attrs.resolve_types(Article))}


def _digest(fields: dict[str, Any], names: Iterable[str]) -> str:
    """A fingerprint of the body and of the fields ``names`` as the properties give them.

    A field that one of ``names`` depends on is fingerprinted too.
    """
    named = set(names)
    named.update(_DEPENDS_ON[name] for name in named.intersection(_DEPENDS_ON))
    state = (
        tuple(fields.get(name, _DEFAULTS[name]) for name in _BODY_FIELDS),
        tuple((name, fields.get(name, _DEFAULTS[name])) for name in sorted(named)),
    )
    return hashlib.sha1(repr(state).encode("utf-8"), usedforsecurity=False).hexdigest()


def _replaced(names: Iterable[str]) -> list[str]:
    return [name for name in names if name != _EXTENSIONS]


# -- writing ----------------------------------------------------------------------------------


def _span(span: Span) -> list[Any]:
    return [span.paragraph, span.start, span.end, span.text]


def _attribution(item: Attribution) -> list[Any]:
    return [
        item.kind.value,
        _span(item.source),
        _span(item.cue),
        [_span(span) for span in item.content],
        None if item.antecedent is None else _span(item.antecedent),
    ]


def _event(item: Event) -> list[Any]:
    time = None if item.time is None else [_span(item.time.span), item.time.value]
    return [
        _span(item.trigger),
        time,
        [_span(span) for span in item.places],
        [_span(span) for span in item.participants],
    ]


def encode(article: Article, native: dict[str, Any]) -> str | None:
    """The newsdoc rendition for ``article``, whose document's properties give ``native``.

    Returns:
        The rendition's text, or ``None`` when the properties give every field back.
    """
    fields: dict[str, Any] = {}
    convert = _converter()
    for name in _PLAIN_FIELDS:
        value = getattr(article, name)
        if value != native.get(name, _DEFAULTS[name]):
            fields[name] = convert.unstructure(value)
    if article.attributions:
        fields["attributions"] = [_attribution(item) for item in article.attributions]
    if article.events:
        fields["events"] = [_event(item) for item in article.events]
    if article.extensions:
        fields[_EXTENSIONS] = convert.unstructure(article.extensions)
    if not fields:
        return None
    carried = {"digest": _digest(native, _replaced(fields)), "fields": fields}
    return json.dumps(carried, ensure_ascii=False, separators=(",", ":"))


# -- reading ----------------------------------------------------------------------------------


class _UnreadableError(Exception):
    """A value of the rendition that cannot be read; ``where`` says which."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(where, reason)


def _read_span(value: Any, paragraphs: tuple[str, ...], where: str) -> Span:
    if type(value) is list and len(value) == 4:
        paragraph, start, end, text = value
        if (
            type(paragraph) is type(start) is type(end) is int
            and 0 <= paragraph < len(paragraphs)
            and 0 <= start < end
            and paragraphs[paragraph][start:end] == text
        ):
            return Span(paragraph=paragraph, start=start, end=end, text=text)
    raise _UnreadableError(
        where, f"expected a span [paragraph, start, end, text] of the body, not {shown(value)}"
    )


def _read_spans(value: Any, paragraphs: tuple[str, ...], where: str) -> list[Span]:
    if type(value) is not list:
        raise _UnreadableError(where, f"expected an array of spans, not {shown(value)}")
    return [_read_span(item, paragraphs, f"{where}[{index}]") for index, item in enumerate(value)]


def _read_attribution(value: Any, paragraphs: tuple[str, ...], where: str) -> Attribution:
    if type(value) is not list or len(value) != 5 or value[0] not in _KINDS:
        raise _UnreadableError(
            where, f"expected [kind, source, cue, content, antecedent], not {shown(value)}"
        )
    kind, source, cue, content, antecedent = value
    return Attribution(
        kind=_KINDS[kind],
        source=_read_span(source, paragraphs, f"{where}[1]"),
        cue=_read_span(cue, paragraphs, f"{where}[2]"),
        content=_read_spans(content, paragraphs, f"{where}[3]"),
        antecedent=None
        if antecedent is None
        else _read_span(antecedent, paragraphs, f"{where}[4]"),
    )


def _read_event(value: Any, paragraphs: tuple[str, ...], where: str) -> Event:
    if type(value) is not list or len(value) != 4:
        raise _UnreadableError(
            where, f"expected [trigger, time, places, participants], not {shown(value)}"
        )
    trigger, time, places, participants = value
    moment = None
    if time is not None:
        if type(time) is not list or len(time) != 2 or type(time[1]) not in (str, type(None)):
            raise _UnreadableError(f"{where}[1]", f"expected [span, value], not {shown(time)}")
        moment = TimeExpression(
            span=_read_span(time[0], paragraphs, f"{where}[1][0]"), value=time[1]
        )
    return Event(
        trigger=_read_span(trigger, paragraphs, f"{where}[0]"),
        time=moment,
        places=_read_spans(places, paragraphs, f"{where}[2]"),
        participants=_read_spans(participants, paragraphs, f"{where}[3]"),
    )


def _read_fields(fields: dict[str, Any], native: dict[str, Any]) -> dict[str, Any]:
    types = _field_types()
    found: dict[str, Any] = {}
    for name, value in fields.items():
        if name in _ANNOTATIONS:
            continue
        try:
            found[name] = structure(_converter(), value, types[name], _FORMAT, path=name)
        except ParseError as exc:
            raise _UnreadableError(exc.path or name, exc.reason) from exc
    body = {name: found.get(name, native.get(name, _DEFAULTS[name])) for name in _BODY_FIELDS}
    lead: tuple[str, ...] = body["lead"]
    sections: tuple[Section, ...] = body["sections"]
    paragraphs = lead + tuple(p for section in sections for p in section.paragraphs)
    for name, read_one in (("attributions", _read_attribution), ("events", _read_event)):
        if name in fields:
            items = fields[name]
            if type(items) is not list:
                raise _UnreadableError(name, f"expected an array, not {shown(items)}")
            found[name] = tuple(
                read_one(item, paragraphs, f"{name}[{index}]") for index, item in enumerate(items)
            )
    return found


def decode(
    text: str, path: str, native: dict[str, Any], source: str | None
) -> dict[str, Any] | None:
    """The fields the newsdoc rendition at ``path`` holds; None when it no longer applies.

    Args:
        text: The rendition's value.
        path: Its JSON path in the document.
        native: The fields the document's own properties give.
        source: The file being read, for error messages.

    Raises:
        ParseError: The rendition is not what newsdoc writes; the error names the document's
            path to it and the part of the rendition at fault.
    """
    where = path if path.endswith(CARRIER_KEY) else path + ".value"
    try:
        carried = loads(text, _FORMAT, source)
        fields = carried.get("fields") if type(carried) is dict else None
        digest = carried.get("digest") if type(carried) is dict else None
        if type(fields) is not dict or type(digest) is not str:
            raise _UnreadableError("$", 'expected an object with "digest" and "fields"')
        unknown = sorted(set(fields) - set(_DEFAULTS))
        if unknown:
            raise _UnreadableError("fields", f"unknown field(s) {', '.join(unknown)}")
        if digest != _digest(native, _replaced(fields)):
            return None
        return _read_fields(fields, native)
    except ParseError as exc:
        reason = f"the newsdoc rendition is not JSON: {exc.reason}"
        if exc.line is not None:  # the place inside the rendition's own text
            reason += f" (its line {exc.line}, column {exc.column})"
        raise ParseError(_FORMAT, reason, path=where, source=source) from exc
    except _UnreadableError as exc:
        reason = f"the newsdoc rendition's {exc.where}: {exc.reason}"
        raise ParseError(_FORMAT, reason, path=where, source=source) from exc
    except ValidationError as exc:
        reason = f"the newsdoc rendition holds {exc}"
        raise ParseError(_FORMAT, reason, path=where, source=source) from exc
