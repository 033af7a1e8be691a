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

import re
from collections.abc import Iterable, Iterator, Sequence

import attrs
from lxml import etree

from newsdoc.errors import ParseError, ValidationError
from newsdoc.formats.newsml._names import NEWSDOC, newsdoc
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

# ASCII digits only: str.isdigit() takes "²" and int() takes "٣"; and no offset of more
# than 15 digits points into a paragraph, so longer ones never reach int() (whose limit on
# digits raises ValueError).
_OFFSET = re.compile(r"[0-9]{1,15}")
_SPAN_ATTRIBUTES = frozenset({"p", "start", "end"})
# How many of each part a container holds: exactly one, at most one, or any number.
_ONE, _OPTIONAL, _ANY = "one", "optional", "any"
_ATTRIBUTION_PARTS = {"source": _ONE, "cue": _ONE, "content": _ANY, "antecedent": _OPTIONAL}
_EVENT_PARTS = {"trigger": _ONE, "time": _OPTIONAL, "place": _ANY, "participant": _ANY}
_SHOWN = 40


@attrs.frozen(kw_only=True)
class _Anchor:
    span: Span
    line: int | None
    path: str


@attrs.frozen(kw_only=True)
class Annotations:
    """What an ``nd:annotations`` element holds, and where each span of it stood.

    Attributes:
        attributions: The attributions, in document order.
        events: The events, in document order.
        extensions: Other formats' extension data.
    """

    attributions: tuple[Attribution, ...]
    events: tuple[Event, ...]
    extensions: tuple[Extension, ...]
    anchors: tuple[_Anchor, ...]

    def check_anchors(
        self, lead: Sequence[str], sections: Sequence[Section], source: str | None
    ) -> None:
        """Check that every span holds the text it claims in the body read.

        Raises:
            ParseError: A span points past the body or at other text; it names the span.
        """
        paragraphs = [*lead, *(p for section in sections for p in section.paragraphs)]
        for anchor in self.anchors:
            span = anchor.span
            if span.paragraph >= len(paragraphs):
                reason = f"points at paragraph {span.paragraph} but the body has {len(paragraphs)}"
            elif paragraphs[span.paragraph][span.start : span.end] != span.text:
                held = paragraphs[span.paragraph][span.start : span.end]
                reason = f"claims {_shown(span.text)} but the body holds {_shown(held)} there"
            else:
                continue
            raise ParseError(_FORMAT, reason, line=anchor.line, path=anchor.path, source=source)


def read_annotations(element: etree._Element, path: str, source: str | None) -> Annotations:
    """Read an ``nd:annotations`` element standing at ``path``.

    Raises:
        ParseError: It holds anything the vocabulary does not define, or a malformed part.
    """
    reader = _Reader(source)
    reader.only_attributes(element, path, ())
    attributions, events, extensions = [], [], []
    for child, name, child_path in reader.children(element, path):
        if name == "attribution":
            attributions.append(reader.attribution(child, child_path))
        elif name == "event":
            events.append(reader.event(child, child_path))
        elif name == "extension":
            extensions.append(reader.extension(child, child_path))
        else:
            raise reader.unexpected(child, child_path, ("attribution", "event", "extension"))
    return Annotations(
        attributions=tuple(attributions),
        events=tuple(events),
        extensions=tuple(extensions),
        anchors=tuple(reader.anchors),
    )


def read_generated(
    markers: Sequence[etree._Element], path: str, source: str | None
) -> frozenset[str]:
    """The fields that the ``nd:generated`` marker of an itemMeta at ``path`` lists.

    Args:
        markers: The itemMeta's ``nd:generated`` children; newsdoc writes at most one.
        path: The itemMeta's path.
        source: The file read, for errors.

    Raises:
        ParseError: There are several markers, or one lists a field the writer never
            fills in, or holds anything but its ``fields``.
    """
    if not markers:
        return frozenset()
    reader = _Reader(source)
    marker = markers[0]
    marker_path = f"{path}/{_step(marker)}[1]"
    if len(markers) > 1:
        raise reader.fail(markers[1], f"{path}/{_step(markers[1])}[2]", "a second nd:generated")
    reader.only_attributes(marker, marker_path, ("fields",))
    if len(marker) or (marker.text or "").strip():
        raise reader.fail(marker, marker_path, "nd:generated holds nothing but its fields")
    fields = (marker.get("fields") or "").split()
    unknown = [field for field in fields if field not in GENERATED_FIELDS]
    if not fields or unknown:
        listed = ", ".join(_shown(field) for field in unknown) if unknown else "no field"
        raise reader.fail(
            marker,
            marker_path,
            f"nd:generated lists {listed}; it lists some of {', '.join(GENERATED_FIELDS)}",
        )
    return frozenset(fields)


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
    element = etree.SubElement(parent, newsdoc(name))
    for attribute, value in attributes.items():
        element.set(attribute, value)
    if text is not None:
        element.text = text
    return element


def _write_span(parent: etree._Element, name: str, span: Span, **extra: str) -> None:
    offsets = {"p": str(span.paragraph), "start": str(span.start), "end": str(span.end)}
    _add(parent, name, span.text, **offsets, **extra)


def _step(element: etree._Element) -> str:
    """The element's name as a path step writes it: ``prefix:name``, or ``name``."""
    local = etree.QName(element).localname
    return f"{element.prefix}:{local}" if element.prefix else local


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _shown(value: str) -> str:
    """``value`` quoted, and cut short if long: an error message is not an echo."""
    return repr(value if len(value) <= _SHOWN else f"{value[:_SHOWN]}…")


class _Reader:
    """Reads the parts of one ``nd:annotations``, noting where each span stood."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.anchors: list[_Anchor] = []

    def fail(self, element: etree._Element, path: str, reason: str) -> ParseError:
        return ParseError(_FORMAT, reason, line=_line(element), path=path, source=self.source)

    def unexpected(self, element: etree._Element, path: str, allowed: Iterable[str]) -> ParseError:
        parent = element.getparent()
        where = "" if parent is None else f" in nd:{etree.QName(parent).localname}"
        expected = ", ".join(f"nd:{name}" for name in allowed)
        return self.fail(element, path, f"unexpected element{where}; expected {expected}")

    def only_attributes(self, element: etree._Element, path: str, allowed: Iterable[str]) -> None:
        for key in element.keys():  # noqa: SIM118  (an lxml element iterates its children)
            name = str(key)
            if name not in allowed:
                raise self.fail(element, f"{path}/@{name}", "unexpected attribute")

    def children(
        self, element: etree._Element, path: str
    ) -> Iterator[tuple[etree._Element, str | None, str]]:
        """Each child element, its name in newsdoc's namespace (None outside), its path.

        Text between the children would be lost, so it is refused; comments are skipped.
        """
        if (element.text or "").strip():
            raise self.fail(element, path, "text outside any span")
        counts: dict[str, int] = {}
        for child in element.iterchildren():
            if (child.tail or "").strip():
                raise self.fail(element, path, "text outside any span")
            if not isinstance(child.tag, str):
                continue
            count = counts[child.tag] = counts.get(child.tag, 0) + 1
            qname = etree.QName(child)
            name = qname.localname if qname.namespace == NEWSDOC else None
            yield child, name, f"{path}/{_step(child)}[{count}]"

    def parts(
        self,
        element: etree._Element,
        path: str,
        counts: dict[str, str],
    ) -> dict[str, list[tuple[etree._Element, str]]]:
        """The element's parts by name, each as many times as it may stand."""
        container = f"nd:{etree.QName(element).localname}"
        found: dict[str, list[tuple[etree._Element, str]]] = {name: [] for name in counts}
        for child, name, child_path in self.children(element, path):
            if name not in found:
                raise self.unexpected(child, child_path, counts)
            if found[name] and counts[name] != _ANY:
                raise self.fail(child, child_path, f"a second nd:{name} in one {container}")
            found[name].append((child, child_path))
        for name, count in counts.items():
            if count == _ONE and not found[name]:
                raise self.fail(element, path, f"{container} without nd:{name}")
        return found

    def attribution(self, element: etree._Element, path: str) -> Attribution:
        self.only_attributes(element, path, ("kind",))
        kind = element.get("kind")
        if kind not in {member.value for member in AttributionKind}:
            known = ", ".join(member.value for member in AttributionKind)
            shown = "no kind" if kind is None else f"kind {_shown(kind)}"
            raise self.fail(element, path, f"{shown}; an attribution's kind is one of {known}")
        parts = self.parts(element, path, _ATTRIBUTION_PARTS)
        antecedent = parts["antecedent"]
        return Attribution(
            kind=AttributionKind(kind),
            source=self.span(*parts["source"][0]),
            cue=self.span(*parts["cue"][0]),
            content=tuple(self.span(*piece) for piece in parts["content"]),
            antecedent=self.span(*antecedent[0]) if antecedent else None,
        )

    def event(self, element: etree._Element, path: str) -> Event:
        self.only_attributes(element, path, ())
        parts = self.parts(element, path, _EVENT_PARTS)
        time = None
        if parts["time"]:
            time_element, time_path = parts["time"][0]
            span = self.span(time_element, time_path, ("value",))
            try:
                time = TimeExpression(span=span, value=time_element.get("value"))
            except ValidationError as exc:
                raise self.fail(time_element, f"{time_path}/@value", exc.reason) from exc
        return Event(
            trigger=self.span(*parts["trigger"][0]),
            time=time,
            places=tuple(self.span(*place) for place in parts["place"]),
            participants=tuple(self.span(*person) for person in parts["participant"]),
        )

    def extension(self, element: etree._Element, path: str) -> Extension:
        self.only_attributes(element, path, ("format", "path"))
        if len(element):
            raise self.fail(element, path, "an nd:extension holds text only")
        format_name, where = element.get("format"), element.get("path")
        for name, value in (("format", format_name), ("path", where)):
            if value is None or not value.strip():
                raise self.fail(element, f"{path}/@{name}", f"no {name}, or a blank one")
        if format_name == _FORMAT:
            # The reader keeps NewsML-G2 content where it stood, never here; the writer
            # would put it into the item at its path.
            raise self.fail(element, f"{path}/@format", "newsml content is never kept here")
        return Extension(format=str(format_name), path=str(where), content=element.text or "")

    def span(self, element: etree._Element, path: str, extra: tuple[str, ...] = ()) -> Span:
        self.only_attributes(element, path, _SPAN_ATTRIBUTES.union(extra))
        if len(element):
            raise self.fail(element, path, "a span holds text only")
        paragraph, start, end = (self.offset(element, path, name) for name in ("p", "start", "end"))
        try:
            span = Span(paragraph=paragraph, start=start, end=end, text=element.text or "")
        except ValidationError as exc:
            raise self.fail(element, path, exc.reason) from exc
        self.anchors.append(_Anchor(span=span, line=_line(element), path=path))
        return span

    def offset(self, element: etree._Element, path: str, name: str) -> int:
        value = element.get(name)
        if value is None:
            raise self.fail(element, path, f"no {name} attribute")
        if _OFFSET.fullmatch(value) is None:
            raise self.fail(
                element,
                f"{path}/@{name}",
                f"{_shown(value)} is not a number of 1 to 15 ASCII digits",
            )
        return int(value)
