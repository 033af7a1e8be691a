"""newsdoc's own NewsML-G2 vocabulary: ``nd:annotations`` and ``nd:generated``, both ways.

NewsML-G2 has no construct for attributions, events or other formats' extension data, so
the writer puts them at contentMeta's extension point, in newsdoc's namespace::

    <nd:annotations>
      <nd:attribution kind="direct">   source and cue: one each; content: any number,
        <nd:source p="0" start="0" end="4">…</nd:source>   in order; antecedent: at most one
      </nd:attribution>
      <nd:event>                       trigger: one; time (with an optional value): at most
        <nd:trigger p="2" start="9" end="15">…</nd:trigger>   one; place, participant: any
      </nd:event>
      <nd:extension format="x-archive" path="/record/shelf">…</nd:extension>
    </nd:annotations>

and lists the values it filled in for the schema in ``itemMeta/nd:generated/@fields``.

The vocabulary is newsdoc's own, so the reader accepts nothing else in it: an element,
attribute or text it does not define, a part missing or given twice, an offset that is not
a plain decimal number, or a span that does not hold its text is a ParseError naming the
line and path of the element at fault.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import attrs
from lxml import etree

from newsdoc.errors import ParseError, ValidationError
from newsdoc.formats._body import sub_element
from newsdoc.formats.newsml._names import NEWSDOC, newsdoc, split_tag
from newsdoc.model import (
    Attribution,
    AttributionKind,
    Event,
    Extension,
    Section,
    Span,
    TimeExpression,
)

__all__ = [
    "GENERATED_FIELDS",
    "Annotations",
    "read_annotations",
    "read_generated",
    "write_annotations",
    "write_generated",
]

_FORMAT = "newsml"
GENERATED_FIELDS = ("id", "version", "provider", "updated")
"""The Article fields whose values the writer may fill in, and ``nd:generated`` may list."""

_PREFIX = f"{{{NEWSDOC}}}"
# No offset of more than 15 digits points into a paragraph; longer ones never reach int(),
# whose limit on digits raises ValueError.
_OFFSET_DIGITS = 15
_SPAN_ATTRIBUTES = ("p", "start", "end")
# How many of each part a container holds: exactly one, at most one, or any number.
_ONE, _OPTIONAL, _ANY = "one", "optional", "any"
_ATTRIBUTION_PARTS = {"source": _ONE, "cue": _ONE, "content": _ANY, "antecedent": _OPTIONAL}
_EVENT_PARTS = {"trigger": _ONE, "time": _OPTIONAL, "place": _ANY, "participant": _ANY}
_SHOWN = 40


@attrs.frozen(kw_only=True)
class Annotations:
    """What an ``nd:annotations`` element holds.

    Attributes:
        attributions: The attributions, in document order.
        events: The events, in document order.
        extensions: Other formats' extension data.
    """

    attributions: tuple[Attribution, ...]
    events: tuple[Event, ...]
    extensions: tuple[Extension, ...]
    _reader: _Reader = attrs.field(alias="reader", repr=False, eq=False)

    def check_anchors(self, lead: Sequence[str], sections: Sequence[Section]) -> None:
        """Check that every span holds the text it claims in the body that was read.

        Raises:
            ParseError: A span points past the body or at other text; it names the span.
        """
        paragraphs = [*lead, *(p for section in sections for p in section.paragraphs)]
        for span, element in self._reader.anchors:
            if span.paragraph >= len(paragraphs):
                reason = f"points at paragraph {span.paragraph} but the body has {len(paragraphs)}"
            elif paragraphs[span.paragraph][span.start : span.end] != span.text:
                held = paragraphs[span.paragraph][span.start : span.end]
                reason = f"claims {_shown(span.text)} but the body holds {_shown(held)} there"
            else:
                continue
            raise self._reader.fail(element, reason)


def read_annotations(element: etree._Element, path: str, source: str | None) -> Annotations:
    """Read an ``nd:annotations`` element standing at ``path``.

    Raises:
        ParseError: It holds anything the vocabulary does not define, or a malformed part.
    """
    reader = _Reader(element, path, source)
    reader.only_attributes(element, ())
    attributions, events, extensions = [], [], []
    for child, name in reader.children(element):
        if name == "attribution":
            attributions.append(reader.attribution(child))
        elif name == "event":
            events.append(reader.event(child))
        elif name == "extension":
            extensions.append(reader.extension(child))
        else:
            raise reader.unexpected(child, ("attribution", "event", "extension"))
    return Annotations(
        attributions=tuple(attributions),
        events=tuple(events),
        extensions=tuple(extensions),
        reader=reader,
    )


def read_generated(
    meta: etree._Element, path: str, markers: Sequence[etree._Element], source: str | None
) -> set[str]:
    """The fields that the ``nd:generated`` marker of an itemMeta lists.

    Args:
        meta: The itemMeta.
        path: The itemMeta's path.
        markers: The itemMeta's ``nd:generated`` children; newsdoc writes at most one.
        source: The file read, for errors.

    Raises:
        ParseError: There are several markers, or one lists a field the writer never
            fills in, or holds anything but its ``fields``.
    """
    if not markers:
        return set()
    reader = _Reader(meta, path, source)
    marker = markers[0]
    if len(markers) > 1:
        raise reader.fail(markers[1], "a second nd:generated")
    reader.only_attributes(marker, ("fields",))
    if len(marker) or not _blank(marker.text):
        raise reader.fail(marker, "nd:generated holds nothing but its fields")
    fields = (marker.get("fields") or "").split()
    unknown = [field for field in fields if field not in GENERATED_FIELDS]
    if not fields or unknown:
        listed = ", ".join(_shown(field) for field in unknown) if unknown else "no field"
        raise reader.fail(
            marker, f"nd:generated lists {listed}; it lists some of {', '.join(GENERATED_FIELDS)}"
        )
    return set(fields)


def write_generated(meta: etree._Element, fields: Sequence[str]) -> None:
    """Add the ``nd:generated`` marker listing ``fields`` to itemMeta."""
    _add(meta, "generated", None, fields=" ".join(fields))


def write_annotations(
    meta: etree._Element,
    attributions: Iterable[Attribution],
    events: Iterable[Event],
    extensions: Iterable[Extension],
) -> None:
    """Add an ``nd:annotations`` element holding all three to contentMeta."""
    holder = _add(meta, "annotations", None)
    for attribution in attributions:
        element = _add(holder, "attribution", None, kind=attribution.kind.value)
        _write_span(element, "source", attribution.source)
        _write_span(element, "cue", attribution.cue)
        for piece in attribution.content:
            _write_span(element, "content", piece)
        if attribution.antecedent is not None:
            _write_span(element, "antecedent", attribution.antecedent)
    for event in events:
        element = _add(holder, "event", None)
        _write_span(element, "trigger", event.trigger)
        if event.time is not None:
            extra = {} if event.time.value is None else {"value": event.time.value}
            _write_span(element, "time", event.time.span, **extra)
        for place in event.places:
            _write_span(element, "place", place)
        for participant in event.participants:
            _write_span(element, "participant", participant)
    for extension in extensions:
        _add(holder, "extension", extension.content, format=extension.format, path=extension.path)


def _add(parent: etree._Element, name: str, text: str | None, **attributes: str) -> etree._Element:
    return sub_element(parent, newsdoc(name), text, **attributes)


def _write_span(parent: etree._Element, name: str, span: Span, **extra: str) -> None:
    offsets = {"p": str(span.paragraph), "start": str(span.start), "end": str(span.end)}
    _add(parent, name, span.text, **offsets, **extra)


def _blank(text: str | None) -> bool:
    return not text or text.isspace()


def _shown(value: str) -> str:
    """``value`` quoted, and cut short if long: an error message is not an echo."""
    return repr(value if len(value) <= _SHOWN else f"{value[:_SHOWN]}…")


class _Reader:
    """Reads newsdoc's elements under one element whose path is known.

    The path of an element at fault is worked out only when there is a fault: reading
    well-formed annotations builds none.
    """

    def __init__(self, top: etree._Element, top_path: str, source: str | None) -> None:
        self.top = top
        self.top_path = top_path
        self.source = source
        self.anchors: list[tuple[Span, etree._Element]] = []

    def path(self, element: etree._Element) -> str:
        """``top_path/name[k]/…`` down to ``element``, as the NewsML-G2 reader names paths."""
        steps = []
        while element is not self.top:
            local = split_tag(element.tag)[1]
            name = f"{element.prefix}:{local}" if element.prefix else local
            position = 1 + sum(1 for _ in element.itersiblings(element.tag, preceding=True))
            steps.append(f"{name}[{position}]")
            parent = element.getparent()
            if parent is None:
                break
            element = parent
        return "/".join([self.top_path, *reversed(steps)])

    def fail(self, element: etree._Element, reason: str, attribute: str = "") -> ParseError:
        path = self.path(element) + (f"/@{attribute}" if attribute else "")
        line = element.sourceline if isinstance(element.sourceline, int) else None
        return ParseError(_FORMAT, reason, line=line, path=path, source=self.source)

    def unexpected(self, element: etree._Element, allowed: Iterable[str]) -> ParseError:
        parent = element.getparent()
        where = "" if parent is None else f" in nd:{split_tag(parent.tag)[1]}"
        expected = ", ".join(f"nd:{name}" for name in allowed)
        return self.fail(element, f"unexpected element{where}; expected {expected}")

    def only_attributes(self, element: etree._Element, allowed: Iterable[str]) -> None:
        for key in element.keys():  # noqa: SIM118  (an lxml element iterates its children)
            name = str(key)
            if name not in allowed:
                raise self.fail(element, "unexpected attribute", name)

    def children(self, element: etree._Element) -> Iterator[tuple[etree._Element, str | None]]:
        """Each child element and its name in newsdoc's namespace (None outside it).

        Text between the children would be lost, so it is refused; comments are skipped.
        """
        if not _blank(element.text):
            raise self.fail(element, "text outside any span")
        for child in element.iterchildren():
            if not _blank(child.tail):
                raise self.fail(element, "text outside any span")
            tag = child.tag
            if isinstance(tag, str):
                yield child, tag[len(_PREFIX) :] if tag.startswith(_PREFIX) else None

    def parts(
        self, element: etree._Element, container: str, counts: dict[str, str]
    ) -> dict[str, list[etree._Element]]:
        """The element's parts by name, each as many times as it may stand."""
        found: dict[str, list[etree._Element]] = {name: [] for name in counts}
        for child, name in self.children(element):
            if name not in found:
                raise self.unexpected(child, counts)
            if found[name] and counts[name] != _ANY:
                raise self.fail(child, f"a second nd:{name} in one nd:{container}")
            found[name].append(child)
        for name, count in counts.items():
            if count == _ONE and not found[name]:
                raise self.fail(element, f"nd:{container} without nd:{name}")
        return found

    def attribution(self, element: etree._Element) -> Attribution:
        self.only_attributes(element, ("kind",))
        kind = element.get("kind")
        if kind not in {member.value for member in AttributionKind}:
            known = ", ".join(member.value for member in AttributionKind)
            shown = "no kind" if kind is None else f"kind {_shown(kind)}"
            raise self.fail(element, f"{shown}; an attribution's kind is one of {known}")
        parts = self.parts(element, "attribution", _ATTRIBUTION_PARTS)
        antecedent = parts["antecedent"]
        return Attribution(
            kind=AttributionKind(kind),
            source=self.span(parts["source"][0]),
            cue=self.span(parts["cue"][0]),
            content=tuple(self.span(piece) for piece in parts["content"]),
            antecedent=self.span(antecedent[0]) if antecedent else None,
        )

    def event(self, element: etree._Element) -> Event:
        self.only_attributes(element, ())
        parts = self.parts(element, "event", _EVENT_PARTS)
        time = None
        if parts["time"]:
            time_element = parts["time"][0]
            span = self.span(time_element, timed=True)
            try:
                time = TimeExpression(span=span, value=time_element.get("value"))
            except ValidationError as exc:
                raise self.fail(time_element, exc.reason, "value") from exc
        return Event(
            trigger=self.span(parts["trigger"][0]),
            time=time,
            places=tuple(self.span(place) for place in parts["place"]),
            participants=tuple(self.span(person) for person in parts["participant"]),
        )

    def extension(self, element: etree._Element) -> Extension:
        self.only_attributes(element, ("format", "path"))
        if len(element):
            raise self.fail(element, "an nd:extension holds text only")
        format_name, where = element.get("format"), element.get("path")
        for name, value in (("format", format_name), ("path", where)):
            if value is None or not value.strip():
                raise self.fail(element, f"no {name}, or a blank one", name)
        if format_name == _FORMAT:
            # The reader keeps NewsML-G2 content where it stood, never here; the writer
            # would put it into the item at its path.
            raise self.fail(element, "newsml content is never kept here", "format")
        return Extension(format=str(format_name), path=str(where), content=element.text or "")

    def span(self, element: etree._Element, *, timed: bool = False) -> Span:
        attributes = element.attrib
        # Counting is cheaper than checking each name. offset() refuses a span that lacks
        # p, start or end, so one attribute too many shows as a count above three (four
        # with a time's value).
        if len(attributes) != 3 + (timed and "value" in attributes):
            self.only_attributes(
                element, (*_SPAN_ATTRIBUTES, "value") if timed else _SPAN_ATTRIBUTES
            )
        if len(element):
            raise self.fail(element, "a span holds text only")
        try:
            span = Span(
                paragraph=self.offset(element, "p"),
                start=self.offset(element, "start"),
                end=self.offset(element, "end"),
                text=element.text or "",
            )
        except ValidationError as exc:
            raise self.fail(element, exc.reason) from exc
        self.anchors.append((span, element))
        return span

    def offset(self, element: etree._Element, name: str) -> int:
        value = element.get(name)
        if value is None:
            raise self.fail(element, f"no {name} attribute")
        # ASCII digits only: str.isdigit() alone takes "²", and int() takes "٣".
        if not (len(value) <= _OFFSET_DIGITS and value.isascii() and value.isdigit()):
            reason = f"{_shown(value)} is not a number of 1 to {_OFFSET_DIGITS} ASCII digits"
            raise self.fail(element, reason, name)
        return int(value)
