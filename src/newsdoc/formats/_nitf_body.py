"""The NITF body dialect: reading an NITF ``body`` into an Article's parts, and writing one.

One implementation serves the NITF format and the NITF bodies NewsML-G2 items carry.
Reading and writing mirror each other:

- ``body.head``: ``hedline/hl1`` is the headline and ``hedline/hl2`` the subheadline;
  each ``byline`` is a byline (a leading ``By`` dropped); ``dateline`` is the dateline,
  its ``location`` and ``story.date`` the place and date when it marks them; ``abstract``
  is the description; ``rights`` is the copyright notice and ``distributor`` the provider.
- ``body.content``: each ``p`` is a paragraph, each ``hl2`` opens a section; a ``block``
  of paragraphs and headings is read through. Other blocks (tables, media, lists …) are
  not body text.
- ``body.end``: the ``tagline`` holds the trailer, one line between each ``br``.
- Inline, the semantics NITF is known for: ``<q quote-source>`` is a direct
  :class:`~newsdoc.Attribution` (its source and cue found in the paragraph),
  ``<event>`` (text only) an :class:`~newsdoc.Event`, with the nearest ``chron`` beside it
  as its time, ``<chron norm>`` a :class:`~newsdoc.TimeExpression`. Writing marks up
  direct attributions as ``q``, events as ``event`` and their times as ``chron``, with a
  ``norm`` where the time's value has a form in it.

Reading takes a :class:`Keeper`, told of every element and attribute the body does not
map: the NITF format keeps them, a NewsML-G2 item (which keeps its rendition whole) need
not. Both directions take the namespace as a parameter: NITF 3.x documents come with
:data:`NITF`'s namespace and without any.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

import attrs
from lxml import etree

from newsdoc.extract import find_attributions
from newsdoc.formats._body import (
    Body,
    dateline,
    element_text,
    fold_body,
    sub_element,
)
from newsdoc.model import (
    Article,
    Attribution,
    AttributionKind,
    Concept,
    Dateline,
    Event,
    Mark,
    MarkKind,
    Rights,
    Span,
    TimeExpression,
)

__all__ = [
    "NITF",
    "Keeper",
    "Markup",
    "Names",
    "NitfBody",
    "Range",
    "Written",
    "children",
    "inline_text",
    "marked_up",
    "markup_words",
    "names_in",
    "norm_of_timex",
    "read",
    "timex_of_norm",
    "write",
]

NITF = "http://iptc.org/std/NITF/2006-10-18/"
"""The namespace of NITF 3.5 and 3.6 (``2006-10-18``); earlier versions have none."""

BY = re.compile(r"^[Bb][Yy]\s+")
_RUN = re.compile(r"[ \t\r\n]+")
_SEPARATORS_AS_SPACE = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})
_DATELINE_REST = re.compile(r"[\s,\u2014\u2013-]*")
_TIMEX_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2}))?)?)?")
_NORM_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?")
_CUES = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|stated|states|declared|announced|insisted"
    r"|explained|wrote|writes|asked|according to)\b"
)
# A sentence end between a quotation and a word puts the word in another sentence.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")
_READ_THROUGH = frozenset({"p", "hl2"})
# The inline elements newsdoc writes, with the attributes it gives them (empty: any).
_WRITTEN_INLINE: dict[str, frozenset[str]] = {
    "q": frozenset({"quote-source"}),
    "event": frozenset({"-"}),  # none
    "chron": frozenset({"norm"}),
    "em": frozenset(),
    "a": frozenset(),
    "person": frozenset(),
    "org": frozenset(),
    "location": frozenset(),
}
# libxml2 reads elements nested at most 256 deep without its huge-tree option; a paragraph
# stands a few levels down already.
_DEEPEST = 200


# -- what the body does not map -------------------------------------------------------------


class Keeper(Protocol):
    """Told of what a body holds that the model has no field for."""

    def keep(self, element: etree._Element, path: str) -> None:
        """Keep ``element``, which stood at ``path``, whole."""

    def keep_attributes(
        self, element: etree._Element, path: str, mapped: tuple[str, ...] = ()
    ) -> None:
        """Keep the attributes of ``element`` other than ``mapped``."""

    def unread(self, path: str) -> None:
        """Report a comment, processing instruction or stray text at ``path``."""


class _Nothing:
    """The keeper of a body kept whole elsewhere: it needs to be told nothing."""

    def keep(self, element: etree._Element, path: str) -> None:
        pass

    def keep_attributes(
        self, element: etree._Element, path: str, mapped: tuple[str, ...] = ()
    ) -> None:
        pass

    def unread(self, path: str) -> None:
        pass


# -- inline text ----------------------------------------------------------------------------


@attrs.define(eq=False)
class Markup:
    """An inline element and the range of its paragraph's text it covers."""

    element: etree._Element
    start: int
    end: int = -1


class _Text:
    """Builds a paragraph's text from pieces, folding layout unless the text is exact.

    It records where each inline element starts and ends in the text built, so that
    markup becomes spans however the layout was folded.
    """

    def __init__(self, *, exact: bool) -> None:
        self.exact = exact
        self.parts: list[str] = []
        self.length = 0
        self.pending = False  # white space seen since the last character written
        self.waiting: list[Markup] = []  # opened, before their first character

    def add(self, text: str | None) -> None:
        if not text:
            return
        if self.exact:
            self._emit(text)
            return
        if "\u2028" in text or "\u2029" in text or "\x85" in text:
            text = text.translate(_SEPARATORS_AS_SPACE)
        if not (
            "\n" in text or "\t" in text or "\r" in text or "  " in text
            or text[0] == " " or text[-1] == " "
        ):  # fmt: skip
            if self.pending and self.length:  # no layout to fold: the text as it is
                self.parts.append(" ")
                self.length += 1
            self.pending = False
            self._emit(text)
            return
        for index, piece in enumerate(_RUN.split(text)):
            if index:
                self.pending = True
            if piece:
                if self.pending and self.length:
                    self.parts.append(" ")
                    self.length += 1
                self.pending = False
                self._emit(piece)

    def _emit(self, piece: str) -> None:
        for mark in self.waiting:
            mark.start = self.length
        self.waiting.clear()
        self.parts.append(piece)
        self.length += len(piece)

    def open(self, element: etree._Element) -> Markup:
        mark = Markup(element=element, start=self.length)
        if not self.exact:
            self.waiting.append(mark)
        return mark

    def close(self, mark: Markup) -> None:
        if mark in self.waiting:
            self.waiting.remove(mark)
            mark.end = mark.start  # nothing written inside: empty
        else:
            mark.end = self.length


def report_inner_nodes(element: etree._Element, path: str, keeper: Keeper) -> None:
    """Report the comments and processing instructions inside an element read as text.

    Its text leaves them out; an element kept whole keeps them.
    """
    if len(element):
        for node in element.iter(etree.Comment, etree.ProcessingInstruction):
            kind = "comment()" if isinstance(node, etree._Comment) else "processing-instruction()"
            keeper.unread(f"{path}/{kind}")


def markup_words(element: etree._Element, br: str) -> str:
    """What the words of inline markup read as inside a paragraph.

    XML's white space is folded, a ``br`` is a space, other white space is kept.
    """
    builder = _Text(exact=False)
    builder.add(element.text)
    _walk(element, br, builder, [])
    return "".join(builder.parts)


def inline_text(element: etree._Element, br: str, *, exact: bool) -> tuple[str, list[Markup]]:
    """An element's text and the ranges of its inline elements, in document order.

    A ``br`` reads as a space: the model's paragraphs are one line.
    """
    if not len(element):  # most paragraphs: no markup
        text = element.text or ""
        return (text if exact else fold_body(text)), []
    builder = _Text(exact=exact)
    marks: list[Markup] = []
    builder.add(element.text)
    _walk(element, br, builder, marks)
    text = "".join(builder.parts)
    if exact:
        return text, marks
    # Other white space than XML's (a no-break space) is not layout, but the model's
    # paragraphs do not begin or end with it either: markup there loses it too.
    stripped = text.strip()
    if len(stripped) != len(text):
        shift, size = len(text) - len(text.lstrip()), len(stripped)
        for mark in marks:
            mark.start = min(max(mark.start - shift, 0), size)
            mark.end = min(max(mark.end - shift, 0), size)
        text = stripped
    return text, marks


def _walk(element: etree._Element, br: str, builder: _Text, marks: list[Markup]) -> None:
    for child in element:
        if isinstance(child.tag, str):
            if child.tag == br and not len(child) and not child.text:
                builder.add(" ")
            else:
                mark = builder.open(child)
                marks.append(mark)
                builder.add(child.text)
                _walk(child, br, builder, marks)
                builder.close(mark)
        builder.add(child.tail)


# -- time values ----------------------------------------------------------------------------


def norm_of_timex(value: str | None) -> str | None:
    """A time expression's value as a ``chron`` ``norm``, when it is a date or a time of day.

    Years, months, weeks, quarters and seasons have no form in NITF's ``norm``
    (``YYYYMMDDTHHMMSS``).
    """
    if value is None:
        return None
    match = _TIMEX_DATE.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute, second = match.groups()
    if hour is None:
        return f"{year}{month}{day}"
    return f"{year}{month}{day}T{hour}{minute or '00'}{second or '00'}"


def timex_of_norm(norm: str) -> str | None:
    """The time expression value a ``chron`` ``norm`` stands for, if it is one NITF writes.

    A norm with a time zone or in another form has no value the model holds exactly.
    """
    match = _NORM_DATE.fullmatch(norm)
    if match is None:
        return None
    year, month, day, hour, minute, second = match.groups()
    value = f"{year}-{month}-{day}"
    if hour is not None:
        value += f"T{hour}:{minute}:{second}" if second != "00" else f"T{hour}:{minute}"
    return value if norm_of_timex(value) == norm else None


# -- reading --------------------------------------------------------------------------------


class NitfBody(Body):
    """A body read from NITF: its parts, header fields, and what its markup says.

    ``header`` may hold, besides the fields :class:`Body` names, the ``provider`` a
    ``distributor`` names, ``rights`` with the notice of ``rights``, and the
    ``attributions`` and ``events`` of the inline markup; ``marks`` holds its emphasis,
    links and named entities.

    Attributes:
        markup: Each paragraph's inline markup, by paragraph index.
        unmapped: The inline markup of each paragraph that no annotation or mark came from.
        marked: The elements that became marks.
        paths: Where each paragraph stood, by paragraph index.
    """

    def __init__(self, *, exact: bool) -> None:
        super().__init__(exact=exact)
        self.markup: list[list[Markup]] = []
        self.unmapped: list[list[Markup]] = []
        self.marked: set[etree._Element] = set()
        self.paths: list[str] = []


class Names:
    """The tags of NITF's elements in one namespace (or none), and their local names."""

    def __init__(self, namespace: str | None) -> None:
        self.namespace = namespace
        self.prefix = "" if namespace is None else f"{{{namespace}}}"
        self.br = self.tag("br")

    def tag(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def name(self, element: etree._Element) -> str | None:
        """The NITF local name of ``element``; None for other namespaces and non-elements."""
        tag = element.tag
        if not isinstance(tag, str):
            return None
        if self.prefix:
            return tag[len(self.prefix) :] if tag.startswith(self.prefix) else None
        return None if tag.startswith("{") else tag


_NAMES: dict[str | None, Names] = {}


def names_in(namespace: str | None) -> Names:
    """The tags of NITF's elements in ``namespace`` (``None``: no namespace)."""
    names = _NAMES.get(namespace)
    if names is None:
        names = _NAMES[namespace] = Names(namespace)
    return names


def children(
    element: etree._Element, path: str, names: Names, keeper: Keeper
) -> Iterator[tuple[etree._Element, str | None, int, str]]:
    """Each child element with its NITF name, its rank among namesakes and its path.

    Elements of other namespaces are numbered by their position among all children.
    Comments, processing instructions and text between elements are reported.
    """
    counts: dict[str, int] = {}
    text = element.text
    if text and not text.isspace():
        keeper.unread(f"{path}/text()")
    name_of = names.name
    for position, child in enumerate(element, start=1):
        tail = child.tail
        if tail and not tail.isspace():
            keeper.unread(f"{path}/text()")
        name = name_of(child)
        if name is None:
            if isinstance(child.tag, str):
                yield child, None, position, f"{path}/*[{position}]"
            else:
                kind = (
                    "comment()" if isinstance(child, etree._Comment) else "processing-instruction()"
                )
                keeper.unread(f"{path}/{kind}")
            continue
        counts[name] = count = counts.get(name, 0) + 1
        yield child, name, count, f"{path}/{name}[{count}]"


def read(
    element: etree._Element,
    *,
    namespace: str | None = NITF,
    exact: bool = False,
    keeper: Keeper | None = None,
    path: str = "/nitf/body[1]",
    annotate: bool = True,
) -> NitfBody:
    """Read the NITF body in ``element``: an ``nitf``, its ``body``, or what holds one.

    Args:
        element: The body, or an element it stands in.
        namespace: The namespace of the NITF elements; ``None`` for none.
        exact: The body holds the model's text as is, not laid out.
        keeper: Told of everything the body does not map, each with its path.
        path: The path of the ``body`` element, for the keeper.
        annotate: Read ``q``, ``event`` and ``chron`` as attributions and events; without
            it they are left as unmapped markup.

    Returns:
        The body's parts, with the header fields it states in ``header``.
    """
    names = names_in(namespace)
    reader = _Reader(names, exact=exact, keeper=keeper or _Nothing(), annotate=annotate)
    body = _find_body(element, names)
    if body is not None:
        reader.body_element(body, path)
    else:  # paragraphs straight in what holds the body
        reader.content(element, reader.content_path)
    reader.finish()
    return reader.body


def _find_body(element: etree._Element, names: Names) -> etree._Element | None:
    own = names.name(element)
    if own in ("body", "body.content"):
        return element
    for tag in ("body", "body.content"):
        found = next(element.iter(names.tag(tag)), None)
        if found is not None:
            return found
    return None


class _Reader:
    def __init__(self, names: Names, *, exact: bool, keeper: Keeper, annotate: bool) -> None:
        self.names = names
        self.annotate = annotate
        self.exact = exact
        self.keeper = keeper
        self.body = NitfBody(exact=exact)
        self.bylines: list[str] = []
        self.position = 0
        self.content_path = "/nitf/body[1]/body.content[1]"

    def children(
        self, element: etree._Element, path: str
    ) -> Iterator[tuple[etree._Element, str | None, int, str]]:
        return children(element, path, self.names, self.keeper)

    def text_of(self, element: etree._Element, path: str) -> str:
        """The element's text; markup inside it is kept whole, the element with it.

        Text is taken as is only where newsdoc wrote it: never in markup, which newsdoc
        writes in a text element only when it puts kept markup back.
        """
        if _has_markup(element):
            self.keeper.keep(element, path)
            return markup_words(element, self.names.br)
        report_inner_nodes(element, path, self.keeper)
        text = element_text(element)
        return text if self.exact and _is_line(text) else fold_body(text)

    def header_text(self, element: etree._Element, path: str) -> str:
        """A header element's text; with none, the element is kept whole."""
        text = self.text_of(element, path)  # keeps the element whole if it holds markup
        if not _has_markup(element):
            if text:
                self.keeper.keep_attributes(element, path)
            else:
                self.keeper.keep(element, path)
        return text

    # -- the structure -------------------------------------------------------------------
    def body_element(self, element: etree._Element, path: str) -> None:
        keeper = self.keeper
        self.content_path = f"{path}/body.content[1]"
        if self.names.name(element) == "body.content":
            self.content(element, self.content_path)
            return
        keeper.keep_attributes(element, path)
        for child, name, count, child_path in self.children(element, path):
            if name == "body.head" and count == 1:
                self.head(child, child_path)
            elif name == "body.content":
                self.content(child, child_path)
            elif name == "body.end" and count == 1:
                self.end(child, child_path)
            else:
                keeper.keep(child, child_path)

    def content(self, element: etree._Element, path: str) -> None:
        """Read a ``body.content``, numbering its blocks as they are written.

        The writer writes paragraphs and headings in one ``body.content``, with no
        ``block``: a block read through counts as the paragraphs and headings it holds,
        so that kept blocks and markup go back between the same paragraphs.
        """
        self.keeper.keep_attributes(element, path)
        for child, name, _, _ in self.children(element, path):
            if name == "block" and self._reads_through(child):
                for inner, inner_name, _, _ in self.children(child, path):
                    self.block(inner, inner_name)
            else:
                self.block(child, name)

    def _holds_kept_markup(self, paragraph: etree._Element) -> bool:
        """Whether a paragraph holds markup other than what newsdoc writes inline."""
        name_of = self.names.name
        for element in paragraph.iterdescendants():
            name = name_of(element)
            allowed = _WRITTEN_INLINE.get(name or "")
            if allowed is None:
                return True
            if allowed and set(element.keys()) - allowed:
                return True
        return False

    def _reads_through(self, block: etree._Element) -> bool:
        """Whether a ``block`` holds only paragraphs and headings, so the body holds it all."""
        if block.attrib or (block.text or "").strip():
            return False
        return all(
            self.names.name(child) in _READ_THROUGH and not (child.tail or "").strip()
            for child in block
        )

    def block(self, element: etree._Element, name: str | None) -> None:
        body, keeper = self.body, self.keeper
        self.position += 1
        path = f"{self.content_path}/*[{self.position}]"
        if name == "p":
            text, marks = inline_text(element, self.names.br, exact=self.exact)
            if self.exact and (not _is_line(text) or self._holds_kept_markup(element)):
                # Kept content put back: its text is not newsdoc's, it is laid out freely.
                text, marks = inline_text(element, self.names.br, exact=False)
            if not text:
                keeper.keep(element, path)
                return
            keeper.keep_attributes(element, path)
            report_inner_nodes(element, path, keeper)
            body.paragraph(text)
            body.markup.append(marks)
            body.paths.append(path)
        elif name == "hl2":
            text = self.text_of(element, path)
            if not text:
                keeper.keep(element, path)
                return
            keeper.keep_attributes(element, path)
            body.heading_line(text)
        else:
            keeper.keep(element, path)

    def head(self, element: etree._Element, path: str) -> None:
        keeper, header = self.keeper, self.body.header
        keeper.keep_attributes(element, path)
        for child, name, count, child_path in self.children(element, path):
            if name == "hedline" and count == 1:
                self.hedline(child, child_path)
            elif name == "byline":
                text = BY.sub("", self.header_text(child, child_path))
                if text:
                    self.bylines.append(text)
            elif name == "dateline" and count == 1:
                self.dateline(child, child_path)
            elif name == "abstract" and count == 1 and not child.attrib:
                self.abstract(child, child_path)
            elif name == "rights" and count == 1:
                text = self.header_text(child, child_path)
                if text:
                    header["rights"] = Rights(notice=text)
            elif name == "distributor" and count == 1:
                self.distributor(child, child_path)
            else:
                keeper.keep(child, child_path)

    def hedline(self, element: etree._Element, path: str) -> None:
        if not any(
            self.names.name(child) in ("hl1", "hl2") and fold_body(element_text(child))
            for child in element
        ):
            self.keeper.keep(element, path)  # no headline in it: kept whole
            return
        self.keeper.keep_attributes(element, path)
        for child, name, count, child_path in self.children(element, path):
            if name == "hl1" and not child.attrib and element_text(child) == "":
                continue  # the empty hl1 a hedline needs before a subheadline
            if name in ("hl1", "hl2") and count == 1:
                text = self.header_text(child, child_path)
                if text:
                    self.body.header["headline" if name == "hl1" else "subheadline"] = text
            else:
                self.keeper.keep(child, child_path)

    def abstract(self, element: etree._Element, path: str) -> None:
        paragraphs = [
            (child, name, child_path) for child, name, _, child_path in self.children(element, path)
        ]
        if not paragraphs or any(name != "p" or len(child) for child, name, _ in paragraphs):
            self.keeper.keep(element, path)  # more than paragraphs of words: kept whole
            return
        lines = [self.text_of(child, child_path) for child, _, child_path in paragraphs]
        text = "\n".join(lines) if self.exact else " ".join(filter(None, lines))
        if not text.strip():
            self.keeper.keep(element, path)
            return
        for child, _, child_path in paragraphs:
            self.keeper.keep_attributes(child, child_path)
        self.body.header["description"] = text

    def dateline(self, element: etree._Element, path: str) -> None:
        raw = element_text(element)
        text = raw if self.exact else fold_body(raw)
        if not text.strip():
            self.keeper.keep(element, path)
            return
        names = self.names
        location = element.find(names.tag("location"))
        date = element.find(names.tag("story.date"))
        if location is not None and not len(location):
            place = self._plain(location)
            when = None if date is None or len(date) else self._plain(date)
            rest = text.replace(place, "", 1).replace(when or "", "", 1)
            if place and _DATELINE_REST.fullmatch(rest):
                self.keeper.keep_attributes(element, path)
                report_inner_nodes(element, path, self.keeper)
                self.keeper.keep_attributes(location, f"{path}/location[1]")
                if date is not None:
                    self.keeper.keep_attributes(date, f"{path}/story.date[1]")
                self.body.header["dateline"] = Dateline(place=place, date=when or None)
                return
        if _has_markup(element):
            self.keeper.keep(element, path)  # markup the model's dateline cannot hold
            # Read as the writer reads the kept element back: a br is a space.
            text = fold_body(markup_words(element, self.names.br))
        else:
            self.keeper.keep_attributes(element, path)
            report_inner_nodes(element, path, self.keeper)
            text = fold_body(raw)
        self.body.header["dateline"] = dateline(text)

    def _plain(self, element: etree._Element) -> str:
        text = element.text or ""
        return text if self.exact else fold_body(text)

    def distributor(self, element: etree._Element, path: str) -> None:
        qcode, uri = element.get(_ND_QCODE), element.get(_ND_URI)
        name = self.text_of(element, path) or None
        if name is None and not qcode and not uri:
            self.keeper.keep(element, path)
            return
        self.keeper.keep_attributes(element, path, mapped=(_ND_QCODE, _ND_URI))
        self.body.header["provider"] = Concept(qcode=qcode, uri=uri, name=name)

    def end(self, element: etree._Element, path: str) -> None:
        self.keeper.keep_attributes(element, path)
        for child, name, count, child_path in self.children(element, path):
            if name != "tagline" or count != 1:
                self.keeper.keep(child, child_path)
                continue
            lines, markup = self._lines(child)
            if markup or not lines:  # markup, or no words: the tagline is kept whole
                self.keeper.keep(child, child_path)
            else:
                self.keeper.keep_attributes(child, child_path)
                report_inner_nodes(child, child_path, self.keeper)
            self.body.trailer.extend(lines)

    def _lines(self, tagline: etree._Element) -> tuple[list[str], bool]:
        """A tagline's trailer lines, its text between ``br`` children; and if it has markup."""
        pieces = [tagline.text or ""]
        markup = False
        for child in tagline:
            if (
                child.tag == self.names.br
                and not len(child)
                and not child.attrib
                and not child.text
            ):
                pieces.append("")
            elif isinstance(child.tag, str):  # not a comment or processing instruction
                markup = True
                pieces[-1] += element_text(child)
            pieces[-1] += child.tail or ""
        exact = self.exact and not markup and all(_is_line(piece) for piece in pieces)
        lines = pieces if exact else [fold_body(piece) for piece in pieces]
        return [line for line in lines if line], markup

    # -- what the markup says ------------------------------------------------------------
    def finish(self) -> None:
        body = self.body
        body.close()
        if self.bylines:
            body.header["bylines"] = tuple(self.bylines)
        attributions, events = self.annotations() if self.annotate else ((), ())
        if not self.annotate:
            body.unmapped = list(body.markup)
        if attributions:
            body.header["attributions"] = attributions
        if events:
            body.header["events"] = events
        body.marks.extend(self.marks())

    def marks(self) -> tuple[Mark, ...]:
        """The emphasis, links and named entities of every paragraph, as marks.

        The markup they come from leaves the unmapped marks of each paragraph.
        """
        body, name_of = self.body, self.names.name
        found: list[Mark] = []
        number = 0
        for paragraphs in (body.lead, *(s.paragraphs for s in body.sections)):
            for text in paragraphs:
                left: list[Markup] = []
                for markup in body.unmapped[number]:
                    mark = _mark(markup, number, text, name_of)
                    if mark is None:
                        left.append(markup)
                    else:
                        found.append(mark)
                        body.marked.add(markup.element)
                body.unmapped[number] = left
                number += 1
        return tuple(found)

    def annotations(self) -> tuple[tuple[Attribution, ...], tuple[Event, ...]]:
        """Attributions, events and time expressions from NITF's inline markup.

        The markup they come from leaves the paragraphs' marks; what is left is markup
        no field holds.
        """
        body, name_of = self.body, self.names.name
        attributions: list[Attribution] = []
        events: list[Event] = []
        number = 0
        for paragraphs in (body.lead, *(s.paragraphs for s in body.sections)):
            for text in paragraphs:
                marks = body.markup[number]
                if marks:
                    marks = _annotate(
                        marks, number, text, name_of, attributions=attributions, events=events
                    )
                body.unmapped.append(marks)
                number += 1
        return tuple(attributions), tuple(events)


_ND_QCODE = "{https://newsdoc.dev/ns/nitf/1}qcode"
_ND_URI = "{https://newsdoc.dev/ns/nitf/1}uri"


def _is_line(text: str) -> bool:
    """Whether ``text`` is one line as the model holds it, as the text newsdoc writes is."""
    return bool(text) and text == text.strip() and len(text.splitlines()) == 1


def _has_markup(element: etree._Element) -> bool:
    return any(isinstance(child.tag, str) for child in element)


def _annotate(
    marks: list[Markup],
    number: int,
    text: str,
    name_of: Callable[[etree._Element], str | None],
    *,
    attributions: list[Attribution],
    events: list[Event],
) -> list[Markup]:
    """Turn one paragraph's q, event and chron into annotations; the markup left over."""
    used: set[etree._Element] = set()
    times = [
        (mark, time)
        for mark in marks
        if name_of(mark.element) == "chron" and (time := _time(mark, number, text)) is not None
    ]
    for mark in marks:
        name = name_of(mark.element)
        if mark.end <= mark.start:
            continue
        if name == "q":
            found = _quotation(mark, number, text)
            if found is not None:
                attributions.append(found)
                used.add(mark.element)
        elif name == "event" and not mark.element.attrib and not len(mark.element):
            # NITF 3.6's event holds text only; one with markup inside stays markup. Its
            # time is the nearest chron of the paragraph outside any event.
            time_mark, time = None, None
            free = [
                (m, t)
                for m, t in times
                if m.element not in used
                and not any(name_of(a) == "event" for a in m.element.iterancestors())
            ]
            if free:
                time_mark, time = min(free, key=lambda pair: abs(pair[0].start - mark.start))
            events.append(Event(trigger=_span(number, text, mark.start, mark.end), time=time))
            used.add(mark.element)
            if time_mark is not None:
                used.add(time_mark.element)
    return [mark for mark in marks if mark.element not in used]


_ND = "{https://newsdoc.dev/ns/nitf/1}"
_ND_KIND = f"{_ND}kind"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_MARK_KINDS = {
    "em": MarkKind.EMPHASIS,
    "a": MarkKind.LINK,
    "person": MarkKind.PERSON,
    "org": MarkKind.ORGANIZATION,
    "location": MarkKind.LOCATION,
}
_MARK_TAGS = {
    MarkKind.EMPHASIS: "em",
    MarkKind.STRONG: "em",
    MarkKind.LINK: "a",
    MarkKind.PERSON: "person",
    MarkKind.ORGANIZATION: "org",
    MarkKind.LOCATION: "location",
}
# Attributes each element takes as plain strings, which a mark's attributes of the same
# name are written as; any other goes in newsdoc's namespace, which NITF 3.6 admits.
_COMMON = ("class", "style")
_PLAIN_ATTRIBUTES = {
    "em": frozenset(_COMMON),
    "a": frozenset((*_COMMON, "name", "title")),
    "person": frozenset((*_COMMON, "idsrc", "value")),
    "org": frozenset((*_COMMON, "idsrc", "value")),
    "location": frozenset((*_COMMON, "location-code", "code-source")),
}
_LEAF_MARKS = frozenset({MarkKind.PERSON, MarkKind.ORGANIZATION, MarkKind.LOCATION})


def _mark(
    markup: Markup, number: int, text: str, name_of: Callable[[etree._Element], str | None]
) -> Mark | None:
    """The mark an inline element stands for, if it is one whose content a mark holds."""
    element = markup.element
    name = name_of(element)
    kind = _MARK_KINDS.get(name or "")
    if kind is None or markup.end <= markup.start:
        return None
    if kind in _LEAF_MARKS and len(element):  # name.given, city …: kept whole instead
        return None
    href = None
    attributes = []
    for raw_key, raw_value in element.items():
        key, value = str(raw_key), str(raw_value)
        if key == "href" and kind is MarkKind.LINK:
            href = value
        elif key == _ND_KIND and kind is MarkKind.EMPHASIS and value == "strong":
            kind = MarkKind.STRONG
        elif key.startswith(_ND):
            attributes.append((key[len(_ND) :], value))
        else:
            attributes.append((key, value))
    return Mark(
        kind=kind,
        span=_span(number, text, markup.start, markup.end),
        href=href,
        attributes=tuple(attributes),
    )


def _span(paragraph: int, text: str, start: int, end: int) -> Span:
    return Span(paragraph=paragraph, start=start, end=end, text=text[start:end])


def _time(mark: Markup, number: int, text: str) -> TimeExpression | None:
    element = mark.element
    if set(element.keys()) - {"norm"} or len(element) or mark.end <= mark.start:
        return None
    norm = element.get("norm")
    value = None
    if norm is not None:
        value = timex_of_norm(norm.strip())
        if value is None:
            return None
    return TimeExpression(span=_span(number, text, mark.start, mark.end), value=value)


def _quotation(mark: Markup, number: int, text: str) -> Attribution | None:
    """A direct attribution from ``<q quote-source>``, when its source and cue are found.

    The source is the words ``quote-source`` names, nearest the quotation; the cue the
    nearest reporting verb outside it. What is not found so is asked of extraction.
    """
    element = mark.element
    if set(element.keys()) - {"quote-source"}:
        return None
    source_name = element.get("quote-source")
    source = _nearest(text, source_name, mark) if source_name else None
    cue = _nearest_cue(text, mark)
    if source is None or cue is None:  # ask extraction, which costs more
        quoting = [
            a
            for a in find_attributions([text])
            if a.kind is AttributionKind.DIRECT
            and any(s.start < mark.end and mark.start < s.end for s in a.content)
        ]
        # A quotation that follows another speaker's can be taken for theirs, continued.
        found = next((a for a in quoting if a.cue == cue), next(iter(quoting), None))
        if found is not None:
            if source is None and (source_name is None or found.source.text == source_name):
                source = found.source
            if cue is None:
                cue = found.cue
    if source is None or cue is None:
        return None
    return Attribution(
        kind=AttributionKind.DIRECT,
        source=attrs.evolve(source, paragraph=number),
        cue=attrs.evolve(cue, paragraph=number),
        content=(_span(number, text, mark.start, mark.end),),
    )


def _nearest_cue(text: str, mark: Markup) -> Span | None:
    """The reporting verb nearest the quotation, outside it, in its sentence if one is."""
    cues = [m for m in _CUES.finditer(text) if m.end() <= mark.start or m.start() >= mark.end]
    if not cues:
        return None
    best = min(cues, key=lambda m: _distance(text, m.start(), m.end(), mark))
    return _span(0, text, best.start(), best.end())


def _nearest(text: str, name: str, mark: Markup) -> Span | None:
    """The occurrence of ``name`` nearest the quotation, outside it, in its sentence if one is."""
    starts = []
    start = text.find(name)
    while start >= 0:  # occurrences may overlap
        if start + len(name) <= mark.start or start >= mark.end:
            starts.append(start)
        start = text.find(name, start + 1)
    if not starts:
        return None
    best = min(starts, key=lambda each: _distance(text, each, each + len(name), mark))
    return _span(0, text, best, best + len(name))


def _distance(text: str, start: int, end: int, mark: Markup) -> tuple[bool, int]:
    """How far words outside a quotation stand from it.

    First whether a sentence ends between them, then how far apart they start; of equals,
    callers keep the earlier.
    """
    between = text[end : mark.start] if end <= mark.start else text[mark.end : start]
    return _SENTENCE_END.search(between) is not None, abs(start - mark.start)


# -- writing --------------------------------------------------------------------------------


@attrs.frozen
class Range:
    """A piece of a paragraph to mark up: ``make`` creates its element under a parent.

    An atomic range's element comes with its content (kept markup put back as it was); a
    leaf's element holds text only (the schema lets ``event`` and ``chron`` hold no
    other markup). Neither takes other ranges inside.
    """

    start: int
    end: int
    make: Callable[[etree._Element], etree._Element]
    atomic: bool = False
    leaf: bool = False
    mark: Mark | None = None


@attrs.define
class _Node:
    range: Range | None
    start: int
    end: int
    children: list[_Node] = attrs.Factory(list)


def marked_up(parent: etree._Element, text: str, ranges: Iterable[Range]) -> list[Range]:
    """Write ``text`` into ``parent`` with each range wrapped in its element.

    Ranges that cross one already placed, or stand inside a leaf, cannot be written as
    NITF and are left out, as are ranges nested deeper than XML parsers read.

    Returns:
        The ranges left out.
    """
    root = _Node(None, 0, len(text))
    stack = [root]
    left_out: list[Range] = []
    # By start, empty ranges first (they hold nothing), then the longest; of equal ones, kept
    # markup outside, as it was in its source.
    for piece in sorted(ranges, key=lambda r: (r.start, r.end != r.start, -r.end, not r.atomic)):
        while len(stack) > 1 and piece.start >= stack[-1].end:
            stack.pop()
        top = stack[-1]
        closed = top.range is not None and (top.range.atomic or top.range.leaf)
        if piece.end > top.end or closed or len(stack) > _DEEPEST:
            left_out.append(piece)
            continue
        node = _Node(piece, piece.start, piece.end)
        top.children.append(node)
        stack.append(node)
    _fill(parent, text, root)
    return left_out


def _fill(element: etree._Element, text: str, node: _Node) -> None:
    position = node.start
    last: etree._Element | None = None
    for child in node.children:
        between = text[position : child.start] or None
        if last is None:
            element.text = between
        else:
            last.tail = between
        assert child.range is not None
        last = child.range.make(element)
        if not child.range.atomic:
            _fill(last, text, child)
        position = child.end
    rest = text[position : node.end] or None
    if last is None:
        element.text = rest
    else:
        last.tail = rest


def _making(tag: str, **attributes: str) -> Callable[[etree._Element], etree._Element]:
    def make(parent: etree._Element) -> etree._Element:
        return sub_element(parent, tag, **attributes)

    return make


@attrs.define
class Written:
    """A body written but for its paragraphs' text, which :meth:`fill` writes.

    Attributes:
        body: The ``body`` element.
        paragraphs: Each paragraph's element and text, by paragraph index.
    """

    body: etree._Element
    paragraphs: list[tuple[etree._Element, str]]
    ranges: dict[int, list[Range]]

    def fill(
        self, extra: Callable[[int, etree._Element, str], list[Range]] | None = None
    ) -> list[Range]:
        """Write each paragraph's text, its annotations, marks and ``extra``'s ranges marked up.

        Returns:
            The ranges that could not nest in the markup, for the caller to record
            otherwise or report.
        """
        left_out: list[Range] = []
        for number, (element, text) in enumerate(self.paragraphs):
            ranges = self.ranges.get(number, [])
            if extra is not None:
                ranges = ranges + extra(number, element, text)
            left_out.extend(marked_up(element, text, ranges))
        return left_out


def write(
    parent: etree._Element, article: Article, *, namespace: str | None = NITF, fill: bool = True
) -> Written:
    """Write ``article``'s header and body as an NITF ``body``, the last child of ``parent``.

    ``parent`` is the ``nitf`` element (or another container); the ``body`` holds
    ``body.head`` with the headline, subheadline, bylines, dateline and description,
    ``body.content`` with the paragraphs and sections, and ``body.end`` with the trailer.
    A subheadline without a headline stands under an empty ``hl1``, which reads as no
    headline. Direct attributions, events and their times are marked up inline.

    Args:
        parent: The element the body is added to.
        article: The article.
        namespace: The namespace of the NITF elements; ``None`` for none.
        fill: Write the paragraphs' text now; else the caller calls
            :meth:`Written.fill` once it has added what it needs.
    """
    names = names_in(namespace)
    tag = names.tag
    body = sub_element(parent, tag("body"))
    _head(sub_element(body, tag("body.head")), article, names)
    content = sub_element(body, tag("body.content"))
    paragraphs: list[tuple[etree._Element, str]] = []
    for paragraph in article.lead:
        paragraphs.append((sub_element(content, tag("p")), paragraph))
    for section in article.sections:
        sub_element(content, tag("hl2"), section.heading)
        for paragraph in section.paragraphs:
            paragraphs.append((sub_element(content, tag("p")), paragraph))
    if article.trailer:
        tagline = sub_element(sub_element(body, tag("body.end")), tag("tagline"))
        tagline.text = article.trailer[0]
        for line in article.trailer[1:]:
            sub_element(tagline, names.br).tail = line
    written = Written(body=body, paragraphs=paragraphs, ranges=_inline_ranges(article, names))
    if fill:
        written.fill()
    return written


def _inline_ranges(article: Article, names: Names) -> dict[int, list[Range]]:
    """``q``, ``event`` and ``chron`` for each paragraph, by paragraph index."""
    ranges: dict[int, list[Range]] = {}
    for attribution in article.attributions:
        if attribution.kind is AttributionKind.DIRECT:
            quote = _making(names.tag("q"), **{"quote-source": attribution.source.text})
            for span in attribution.content:
                ranges.setdefault(span.paragraph, []).append(Range(span.start, span.end, quote))
    for mark in article.marks:
        span = mark.span
        ranges.setdefault(span.paragraph, []).append(
            Range(
                span.start,
                span.end,
                _marking(mark, names),
                leaf=mark.kind in _LEAF_MARKS,
                mark=mark,
            )
        )
    event_tag, chron_tag = names.tag("event"), names.tag("chron")
    for event in article.events:
        trigger = event.trigger
        ranges.setdefault(trigger.paragraph, []).append(
            Range(trigger.start, trigger.end, _making(event_tag), leaf=True)
        )
        if event.time is not None:
            span, norm = event.time.span, norm_of_timex(event.time.value)
            make = _making(chron_tag, **({"norm": norm} if norm else {}))
            ranges.setdefault(span.paragraph, []).append(
                Range(span.start, span.end, make, leaf=True)
            )
    return ranges


def _marking(mark: Mark, names: Names) -> Callable[[etree._Element], etree._Element]:
    tag = _MARK_TAGS[mark.kind]
    plain = _PLAIN_ATTRIBUTES[tag]

    def make(parent: etree._Element) -> etree._Element:
        element = sub_element(parent, names.tag(tag))
        if mark.kind is MarkKind.STRONG:
            element.set(_ND_KIND, "strong")
        if mark.href is not None:
            element.set("href", mark.href)
        for name, value in mark.attributes:
            element.set(name if name in plain or name.startswith("{") else f"{_ND}{name}", value)
        return element

    return make


def _head(head: etree._Element, article: Article, names: Names) -> None:
    tag = names.tag
    if article.headline is not None or article.subheadline is not None:
        hedline = sub_element(head, tag("hedline"))
        sub_element(hedline, tag("hl1"), article.headline)
        if article.subheadline is not None:
            sub_element(hedline, tag("hl2"), article.subheadline)
    if article.rights is not None and article.rights.notice is not None:
        sub_element(head, tag("rights"), article.rights.notice)
    for byline in article.bylines:
        sub_element(head, tag("byline"), f"By {byline}")
    provider = article.provider
    if provider is not None:
        distributor = sub_element(head, tag("distributor"), provider.name)
        if provider.qcode is not None:
            distributor.set(_ND_QCODE, provider.qcode)
        if provider.uri is not None:
            distributor.set(_ND_URI, provider.uri)
    if article.dateline is not None:
        line = sub_element(head, tag("dateline"))
        place = sub_element(line, tag("location"), article.dateline.place)
        if article.dateline.date is not None:
            place.tail = ", "
            sub_element(line, tag("story.date"), article.dateline.date)
    if article.description is not None:
        sub_element(sub_element(head, tag("abstract")), tag("p"), article.description)
