"""Reading NITF 3.1 to 3.6 documents into Articles.

The reader maps what the model holds (see ``docs/nitf.md`` for the table) and keeps
everything else: an element it does not map becomes an :class:`~newsdoc.Extension` whose
path says where it stood, and the attributes left over on an element it maps become one
whose ``attributes`` hold them. Strict reading refuses a document that needs any.

Paths name elements by their local name and their place among namesakes
(``/nitf/head[1]/tobject[1]``), except in ``body.content``, where a step counts every
block as written (``/nitf/body[1]/body.content[1]/*[4]``) so that a kept table goes back
between the same paragraphs, and for elements of other namespaces (``*[2]``).
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator
from copy import deepcopy
from typing import Any

import attrs
from lxml import etree

from newsdoc.errors import (
    ParseError,
    UnmappedContentError,
    UnreadContentWarning,
    ValidationError,
)
from newsdoc.extract import find_attributions
from newsdoc.formats import ReadOptions
from newsdoc.formats._xml import parse_xml
from newsdoc.formats.nitf._names import BY, NITF, XML_LANG, fold_layout, local_name, newsdoc
from newsdoc.formats.nitf.writer import norm_of_timex
from newsdoc.model import (
    Article,
    Attribution,
    AttributionKind,
    Concept,
    Dateline,
    Event,
    Extension,
    PubStatus,
    Rights,
    Section,
    Span,
    TimeExpression,
)

__all__ = ["read"]

_FORMAT = "nitf"
_RUN = re.compile(r"[ \t\r\n]+")
_SEPARATORS_AS_SPACE = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})
_PUB_STATUS = {status.value: status for status in PubStatus}
_URGENCIES = frozenset("123456789")
_DIGITS = re.compile(r"[1-9][0-9]{0,17}")
_OFFSET = re.compile(r"(?:0|[1-9][0-9]{0,14})")
# NITF's norm: ISO 8601 basic (20250303T120000-0500, 20250303T120000Z) or extended.
_BASIC_TIME = re.compile(
    r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:?\d{2})"
)
_NORM_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(rf"(?P<place>.+?),\s+(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?)")
_DATELINE_REST = re.compile(r"[\s,\u2014\u2013-]*")
_CUES = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|stated|states|declared|announced|insisted"
    r"|explained|wrote|writes|asked|according to)\b"
)
# Blocks of body.content whose text the model holds; every other block is kept whole.
_READ_THROUGH = frozenset({"p", "hl2"})


def read(data: str | bytes, options: ReadOptions) -> Article:
    """Read the article of an NITF document.

    Raises:
        ParseError: The document is not well-formed XML, is not NITF, declares an internal
            DTD subset or uses an entity it does not define, or holds a value the model
            cannot take (the error names its path).
        UnmappedContentError: With ``options.strict``, the document holds content the
            model has no field for.
    """
    root = parse_xml(data, _FORMAT, options.source, external_doctype=True)
    return _Reader(root, options).article()


def timex_of_norm(norm: str) -> str | None:
    """The time expression value a ``chron`` ``norm`` stands for, if it is one NITF writes."""
    match = _NORM_DATE.fullmatch(norm)
    if match is None:
        return None
    year, month, day, hour, minute, second = match.groups()
    value = f"{year}-{month}-{day}"
    if hour is not None:
        value += f"T{hour}:{minute}:{second}" if second != "00" else f"T{hour}:{minute}"
    return value if norm_of_timex(value) == norm else None


def timestamp_of_norm(norm: str) -> dt.datetime | None:
    """A timezone-aware datetime from NITF's ``norm``, basic or extended ISO 8601."""
    text = norm.strip()
    match = _BASIC_TIME.fullmatch(text)
    if match is not None:
        year, month, day, hour, minute, second, fraction, zone = match.groups()
        zone = "+00:00" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}"
        text = f"{year}-{month}-{day}T{hour}:{minute}:{second}"
        text += f".{fraction.ljust(6, '0')}" if fraction else ""
        text += zone
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def canonical(element: etree._Element) -> str:
    """Exclusive canonical XML of ``element``, without what follows it."""
    tail, element.tail = element.tail, None
    try:
        text = etree.tostring(element, method="c14n", exclusive=True, with_comments=True)
    except etree.C14NError:  # a relative namespace URI, which canonical XML refuses
        text = etree.tostring(element, encoding="utf-8")
    finally:
        element.tail = tail
    return text.decode("utf-8")


@attrs.define
class _Mark:
    """An inline element and the range of paragraph text it covers."""

    element: etree._Element
    start: int
    end: int = -1


class _Text:
    """Builds a paragraph's text from pieces, folding layout unless the text is exact.

    It records where each inline element starts and ends in the text built, so that
    markup can be turned into spans however the layout was folded.
    """

    def __init__(self, *, exact: bool) -> None:
        self.exact = exact
        self.parts: list[str] = []
        self.length = 0
        self.pending = False  # white space seen since the last character written
        self.waiting: list[_Mark] = []  # opened, before their first character

    def add(self, text: str | None) -> None:
        if not text:
            return
        if self.exact:
            self._emit(text)
            return
        if "\u2028" in text or "\u2029" in text or "\x85" in text:
            text = text.translate(_SEPARATORS_AS_SPACE)
        pieces = _RUN.split(text)
        for index, piece in enumerate(pieces):
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

    def open(self) -> _Mark:
        mark = _Mark(element=None, start=self.length)  # type: ignore[arg-type]
        if not self.exact:
            self.waiting.append(mark)
        return mark

    def close(self, mark: _Mark) -> None:
        if mark in self.waiting:
            self.waiting.remove(mark)
            mark.end = mark.start  # nothing written inside: empty
        else:
            mark.end = self.length

    def text(self) -> str:
        return "".join(self.parts)


def inline_text(element: etree._Element, *, exact: bool) -> tuple[str, list[_Mark]]:
    """An element's text and the ranges of its inline elements, in document order."""
    builder = _Text(exact=exact)
    marks: list[_Mark] = []
    builder.add(element.text)
    _walk(element, builder, marks)
    return builder.text(), marks


def _walk(element: etree._Element, builder: _Text, marks: list[_Mark]) -> None:
    for child in element:
        if isinstance(child.tag, str):
            if local_name(child.tag)[1] == "br" and not len(child):
                builder.add(" ")
            else:
                mark = builder.open()
                mark.element = child
                marks.append(mark)
                builder.add(child.text)
                _walk(child, builder, marks)
                builder.close(mark)
        builder.add(child.tail)


class _Reader:
    """Reads one NITF document, collecting what it cannot map."""

    def __init__(self, root: etree._Element, options: ReadOptions) -> None:
        self.root = root
        self.options = options
        namespace, local = local_name(str(root.tag))
        if local != "nitf" or namespace not in (None, NITF):
            reason = (
                f"the root element nitf is in namespace {namespace!r}, not NITF's {NITF!r}"
                if local == "nitf"
                else f"expected an nitf root element, found {local!r}"
            )
            raise ParseError(_FORMAT, reason, line=_line(root), source=options.source)
        self.namespace = namespace
        self.exact = root.get(newsdoc("text")) == "exact"
        self.fields: dict[str, Any] = {}
        self.kept: list[Extension] = []
        self.unread: list[str] = []
        self.annotations: etree._Element | None = None
        self.annotations_path = ""
        self.paragraph_marks: list[list[_Mark]] = []
        self.paragraph_paths: list[str] = []
        self.title: tuple[str, str, etree._Element] | None = None
        self.written: set[tuple[str, int, int, int]] = set()

    # -- helpers -----------------------------------------------------------------------
    def name_of(self, element: etree._Element) -> str | None:
        """The NITF local name of ``element``; None for other namespaces and non-elements."""
        tag = element.tag
        if not isinstance(tag, str):
            return None
        namespace, local = local_name(tag)
        return local if namespace == self.namespace else None

    def children(
        self, element: etree._Element, path: str
    ) -> Iterator[tuple[etree._Element, str | None, int, str]]:
        """Each child element with its NITF name, its rank among namesakes and its path.

        Comments, processing instructions and text between elements are reported.
        """
        counts: dict[str, int] = {}
        position = 0
        if (element.text or "").strip():
            self.unread.append(f"{path}/text()")
        for child in element:
            position += 1
            if (child.tail or "").strip():
                self.unread.append(f"{path}/text()")
            if not isinstance(child.tag, str):
                kind = (
                    "comment()" if isinstance(child, etree._Comment) else "processing-instruction()"
                )
                self.unread.append(f"{path}/{kind}")
                continue
            name = self.name_of(child)
            key = name if name is not None else f"*{child.tag}"
            counts[key] = count = counts.get(key, 0) + 1
            step = f"{name}[{count}]" if name is not None else f"*[{position}]"
            yield child, name, count, f"{path}/{step}"

    def keep(self, element: etree._Element, path: str) -> None:
        if self.namespace is None:  # kept in the namespace of the NITF it goes back into
            element = _in_nitf_namespace(element)
        self.kept.append(Extension(format=_FORMAT, path=path, content=canonical(element)))

    def keep_attributes(
        self, element: etree._Element, path: str, mapped: tuple[str, ...] = ()
    ) -> None:
        pairs = sorted(
            ("xml:lang" if name == XML_LANG else str(name), str(value))
            for name, value in element.items()
            if name not in mapped
        )
        if pairs:
            self.kept.append(Extension(format=_FORMAT, path=path, attributes=tuple(pairs)))

    def keep_children(self, element: etree._Element, path: str) -> None:
        for child, _, _, child_path in self.children(element, path):
            self.keep(child, child_path)

    def text_of(self, element: etree._Element, path: str) -> str:
        """The element's text; markup inside it is kept whole, the element with it.

        Text is taken as is only where newsdoc wrote it: never in markup, which newsdoc
        writes in a text element only when it puts kept markup back.
        """
        if len(element):
            if _has_markup(element):
                self.keep(element, path)
                return fold_layout("".join(str(piece) for piece in element.itertext()))
            text = "".join(str(piece) for piece in element.itertext())
        else:
            text = element.text or ""
        return text if self.exact else fold_layout(text)

    def fail(self, element: etree._Element, path: str, reason: str) -> ParseError:
        return ParseError(
            _FORMAT, reason, line=_line(element), path=path, source=self.options.source
        )

    # -- the document ------------------------------------------------------------------
    def article(self) -> Article:
        root = self.root
        self.keep_attributes(
            root,
            "/nitf",
            mapped=("version", "change.date", "change.time", "baselang", newsdoc("text"),
                    "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"),
        )  # fmt: skip
        if root.get("baselang"):
            self.fields["language"] = root.get("baselang")
        for child, name, count, path in self.children(root, "/nitf"):
            if name == "head" and count == 1:
                self._head(child, path)
            elif name == "body" and count == 1:
                self._body(child, path)
            else:
                self.keep(child, path)
        if self.title is not None:
            text, path, element = self.title
            if text and self.fields.get("headline") is None:
                self.fields["headline"] = text
            elif text != self.fields.get("headline"):
                self.keep(element, path)
        if self.annotations is not None:
            self._annotations()
        else:
            self._inline_annotations()
        if self.options.strict and (self.kept or self.unread):
            paths = tuple(sorted({e.path for e in self.kept} | set(self.unread)))
            raise UnmappedContentError(_FORMAT, paths, source=self.options.source)
        for path in sorted(set(self.unread)):
            warnings.warn(
                UnreadContentWarning(
                    f"nitf: {path} was not read: comments, processing instructions and "
                    "text between elements are not kept"
                ),
                stacklevel=4,
            )
        parts = self.fields.pop("rights_parts", None)
        if parts:
            try:
                self.fields["rights"] = Rights(**parts)
            except ValidationError as exc:
                raise ParseError(
                    _FORMAT, str(exc), path="/nitf/head[1]/docdata[1]", source=self.options.source
                ) from exc
        kept = sorted(self.kept, key=lambda extension: _path_key(extension.path))
        self.fields["extensions"] = (*kept, *self.fields.get("extensions", ()))
        try:
            return Article(**self.fields)
        except ValidationError as exc:
            raise ParseError(
                _FORMAT, str(exc), line=_line(root), path="/nitf", source=self.options.source
            ) from exc

    # -- head --------------------------------------------------------------------------
    def _head(self, head: etree._Element, path: str) -> None:
        self.keep_attributes(head, path)
        histories: list[tuple[etree._Element, str]] = []
        for child, name, count, child_path in self.children(head, path):
            if name == "title" and count == 1 and not child.attrib:
                self.title = (self.text_of(child, child_path), child_path, child)
            elif name == "docdata" and count == 1:
                self._docdata(child, child_path)
            elif name == "revision-history":
                histories.append((child, child_path))
            elif child.tag == newsdoc("annotations") and self.annotations is None:
                self.annotations, self.annotations_path = child, child_path
            else:
                self.keep(child, child_path)
        # The last revision with a time says when this version was made.
        for index, (element, element_path) in enumerate(reversed(histories)):
            moment = timestamp_of_norm(element.get("norm", ""))
            if moment is not None and not len(element):
                self.fields["updated"] = moment
                self.keep_attributes(element, element_path, mapped=("norm",))
                others = (
                    histories[: len(histories) - 1 - index] + histories[len(histories) - index :]
                )
                for other, other_path in others:
                    self.keep(other, other_path)
                break
        else:
            for element, element_path in histories:
                self.keep(element, element_path)

    def _docdata(self, docdata: etree._Element, path: str) -> None:
        status = docdata.get("management-status")
        mapped: tuple[str, ...] = ()
        if status is not None and status.strip() in _PUB_STATUS:
            self.fields["pub_status"] = _PUB_STATUS[status.strip()]
            mapped = ("management-status",)
        self.keep_attributes(docdata, path, mapped=mapped)
        holder = usage_terms = None
        keywords: list[str] = []
        for child, name, count, child_path in self.children(docdata, path):
            if (len(child) and name != "key-list") or name is None or count != 1:
                self.keep(child, child_path)
                continue
            if name == "doc-id" and (child.get("id-string") or "").strip():
                self.fields["id"] = child.get("id-string", "").strip()
                self.keep_attributes(child, child_path, mapped=("id-string",))
            elif name == "urgency" and (child.get("ed-urg") or "").strip() in _URGENCIES:
                self.fields["urgency"] = int(child.get("ed-urg", "").strip())
                self.keep_attributes(child, child_path, mapped=("ed-urg",))
            elif name == "date.issue" and timestamp_of_norm(child.get("norm", "")) is not None:
                self.fields["created"] = timestamp_of_norm(child.get("norm", ""))
                self.keep_attributes(child, child_path, mapped=("norm",))
            elif name == "du-key":
                self._du_key(child, child_path)
            elif name == "doc.copyright" and (child.get("holder") or "").strip():
                holder = child.get("holder", "")
                self.keep_attributes(child, child_path, mapped=("holder",))
            elif name == "doc.rights" and (child.get("limitations") or "").strip():
                usage_terms = child.get("limitations", "")
                self.keep_attributes(child, child_path, mapped=("limitations",))
            elif name == "key-list":
                self.keep_attributes(child, child_path)
                for keyword, keyword_name, _, keyword_path in self.children(child, child_path):
                    key = keyword.get("key")
                    text = None if key is None else key if self.exact else fold_layout(key)
                    if keyword_name == "keyword" and text and not len(keyword):
                        keywords.append(text)
                        self.keep_attributes(keyword, keyword_path, mapped=("key",))
                    else:
                        self.keep(keyword, keyword_path)
            else:
                self.keep(child, child_path)
        if keywords:
            self.fields["keywords"] = tuple(keywords)
        if holder is not None or usage_terms is not None:
            parts = self.fields.setdefault("rights_parts", {})
            parts.update(holder=holder, usage_terms=usage_terms)

    def _du_key(self, element: etree._Element, path: str) -> None:
        mapped = []
        key = element.get("key")
        if key is not None and (key.strip() if self.exact else fold_layout(key)):
            self.fields["slugline"] = key if self.exact else fold_layout(key)
            mapped.append("key")
        version = (element.get("version") or "").strip()
        if _DIGITS.fullmatch(version) and int(version) < 2**63:
            self.fields["version"] = int(version)
            mapped.append("version")
        self.keep_attributes(element, path, mapped=tuple(mapped))

    # -- body --------------------------------------------------------------------------
    def _body(self, body: etree._Element, path: str) -> None:
        self.keep_attributes(body, path)
        lead: list[str] = []
        sections: list[Section] = []
        heading: str | None = None
        paragraphs: list[str] = []
        content_path = f"{path}/body.content[1]"
        position = 0

        def close() -> None:
            nonlocal heading, paragraphs
            if heading is not None:
                sections.append(Section(heading=heading, paragraphs=tuple(paragraphs)))
            heading, paragraphs = None, []

        def block(element: etree._Element, name: str | None) -> None:
            nonlocal heading, position
            position += 1
            step = f"{content_path}/*[{position}]"
            if name == "p":
                text, marks = inline_text(element, exact=self.exact)
                if not text:
                    self.keep(element, step)
                    return
                self.keep_attributes(element, step)
                (lead if heading is None else paragraphs).append(text)
                self.paragraph_marks.append(marks)
                self.paragraph_paths.append(step)
            elif name == "hl2":
                text = self.text_of(element, step)
                if not text:
                    self.keep(element, step)
                    return
                self.keep_attributes(element, step)
                close()
                heading = text
            else:
                self.keep(element, step)

        for child, name, count, child_path in self.children(body, path):
            if name == "body.head" and count == 1:
                self._body_head(child, child_path)
            elif name == "body.content":
                self.keep_attributes(child, child_path)
                for item, item_name, _, item_path in self.children(child, child_path):
                    if item_name == "block" and _reads_through(item, self):
                        for inner, inner_name, _, _ in self.children(item, item_path):
                            block(inner, inner_name)
                    else:
                        block(item, item_name)
            elif name == "body.end" and count == 1:
                self._body_end(child, child_path)
            else:
                self.keep(child, child_path)
        close()
        self.fields["lead"] = tuple(lead)
        self.fields["sections"] = tuple(sections)

    def _body_head(self, head: etree._Element, path: str) -> None:
        self.keep_attributes(head, path)
        bylines: list[str] = []
        for child, name, count, child_path in self.children(head, path):
            if name == "hedline" and count == 1:
                self._hedline(child, child_path)
            elif name == "byline":
                self.keep_attributes(child, child_path)
                text = self.text_of(child, child_path)
                if not self.exact or _has_markup(child):
                    text = BY.sub("", text)
                if text:
                    bylines.append(text)
            elif name == "dateline" and count == 1:
                self._dateline(child, child_path)
            elif name == "abstract" and count == 1 and not child.attrib:
                lines = []
                for item, item_name, _, item_path in self.children(child, child_path):
                    if item_name != "p":
                        self.keep(item, item_path)
                        continue
                    self.keep_attributes(item, item_path)
                    lines.append(self.text_of(item, item_path))
                text = "\n".join(lines) if self.exact else " ".join(filter(None, lines))
                if text.strip():
                    self.fields["description"] = text
            elif name == "rights" and count == 1:
                self.keep_attributes(child, child_path)
                text = self.text_of(child, child_path)
                if text:
                    self.fields.setdefault("rights_parts", {})["notice"] = text
            elif name == "distributor" and count == 1:
                self._distributor(child, child_path)
            else:
                self.keep(child, child_path)
        if bylines:
            self.fields["bylines"] = tuple(bylines)

    def _hedline(self, hedline: etree._Element, path: str) -> None:
        self.keep_attributes(hedline, path)
        for child, name, count, child_path in self.children(hedline, path):
            if name in ("hl1", "hl2") and count == 1:
                self.keep_attributes(child, child_path)
                text = self.text_of(child, child_path)
                if text:
                    self.fields["headline" if name == "hl1" else "subheadline"] = text
            else:
                self.keep(child, child_path)

    def _dateline(self, element: etree._Element, path: str) -> None:
        self.keep_attributes(element, path)
        raw = "".join(str(piece) for piece in element.itertext())
        text = raw if self.exact else fold_layout(raw)
        if not text:
            return
        location = element.find(self._tag("location"))
        date = element.find(self._tag("story.date"))
        if location is not None and not len(location):
            place = location.text or ""
            place = place if self.exact else fold_layout(place)
            when = None
            if date is not None and not len(date):
                when = (date.text or "") if self.exact else fold_layout(date.text or "")
            rest = text.replace(place, "", 1).replace(when or "", "", 1)
            if place and _DATELINE_REST.fullmatch(rest):
                self.keep_attributes(location, f"{path}/location[1]")
                if date is not None:
                    self.keep_attributes(date, f"{path}/story.date[1]")
                self.fields["dateline"] = Dateline(place=place, date=when or None)
                return
        if _has_markup(element):
            self.keep(element, path)  # its markup, which the model's dateline cannot hold
        text = fold_layout(text)
        match = _DATELINE.fullmatch(text)
        if match is None:
            self.fields["dateline"] = Dateline(place=text)
        else:
            self.fields["dateline"] = Dateline(place=match["place"], date=match["date"])

    def _distributor(self, element: etree._Element, path: str) -> None:
        qcode, uri = element.get(newsdoc("qcode")), element.get(newsdoc("uri"))
        name = self.text_of(element, path) or None
        if name is None and not qcode and not uri:
            self.keep(element, path)
            return
        self.keep_attributes(element, path, mapped=(newsdoc("qcode"), newsdoc("uri")))
        try:
            self.fields["provider"] = Concept(qcode=qcode, uri=uri, name=name)
        except ValidationError as exc:
            raise self.fail(element, path, str(exc)) from exc

    def _body_end(self, end: etree._Element, path: str) -> None:
        self.keep_attributes(end, path)
        for child, name, count, child_path in self.children(end, path):
            if name != "tagline" or count != 1:
                self.keep(child, child_path)
                continue
            self.keep_attributes(child, child_path)
            lines: list[str] = []
            piece = [child.text or ""]
            markup = False
            for inner in child:
                if self.name_of(inner) == "br" and not len(inner) and not inner.attrib:
                    lines.append("".join(piece))
                    piece = [inner.tail or ""]
                    continue
                markup = markup or isinstance(inner.tag, str)
                piece.append("".join(str(text) for text in inner.itertext()))
                piece.append(inner.tail or "")
            lines.append("".join(piece))
            if markup:
                self.keep(child, child_path)
            if markup or not self.exact:
                lines = [fold_layout(line) for line in lines]
            self.fields["trailer"] = tuple(line for line in lines if line)

    def _tag(self, name: str) -> str:
        return f"{{{NITF}}}{name}" if self.namespace else name

    # -- annotations -------------------------------------------------------------------
    def _annotations(self) -> None:
        element, path = self.annotations, self.annotations_path
        assert element is not None
        paragraphs = self._paragraphs()
        attributions, events, extensions = [], [], []
        for index, (child, _, _, child_path) in enumerate(self.children(element, path)):
            del index
            tag = child.tag
            try:
                if tag == newsdoc("attribution"):
                    attributions.append(_attribution(child, paragraphs))
                elif tag == newsdoc("event"):
                    events.append(_event(child, paragraphs))
                elif tag == newsdoc("extension"):
                    extensions.append(_extension(child))
                else:
                    raise ValueError(f"nd:annotations holds an unknown element {tag!r}")
            except (ValueError, IndexError) as exc:
                raise self.fail(child, child_path, str(exc)) from exc
        self.fields["attributions"] = tuple(attributions)
        self.fields["events"] = tuple(events)
        self.fields["extensions"] = tuple(extensions)
        # The q, event and chron newsdoc wrote from these; any other is kept markup.
        written: set[tuple[str, int, int, int]] = set()
        for attribution in attributions:
            if attribution.kind is AttributionKind.DIRECT:
                written.update(("q", *_where(span)) for span in attribution.content)
        for event in events:
            written.add(("event", *_where(event.trigger)))
            if event.time is not None:
                written.add(("chron", *_where(event.time.span)))
        self.written = written
        self._keep_inline(semantic=False)

    def _paragraphs(self) -> tuple[str, ...]:
        lead = self.fields.get("lead", ())
        return (
            *lead,
            *(p for section in self.fields.get("sections", ()) for p in section.paragraphs),
        )

    def _inline_annotations(self) -> None:
        """Attributions, events and time expressions from NITF's own inline markup."""
        paragraphs = self._paragraphs()
        attributions: list[Attribution] = []
        events: list[Event] = []
        for number, marks in enumerate(self.paragraph_marks):
            text = paragraphs[number]
            used: set[int] = set()
            times: list[tuple[_Mark, TimeExpression]] = []
            for mark in marks:
                name = self.name_of(mark.element)
                if name == "chron" and mark.end > mark.start:
                    time = _time(mark, number, text)
                    if time is not None:
                        times.append((mark, time))
            for mark in marks:
                name = self.name_of(mark.element)
                if mark.end <= mark.start:
                    continue
                if name == "q":
                    found = _quotation(mark, number, text)
                    if found is not None:
                        attributions.append(found)
                        used.add(id(mark.element))
                elif name == "event" and not mark.element.attrib:
                    event, time_mark = self._event(mark, marks, times, number, text)
                    events.append(event)
                    used.add(id(mark.element))
                    if time_mark is not None:
                        used.add(id(time_mark.element))
            self.paragraph_marks[number] = [m for m in marks if id(m.element) not in used]
        if attributions:
            self.fields["attributions"] = tuple(attributions)
        if events:
            self.fields["events"] = tuple(events)
        self._keep_inline(semantic=True)

    def _event(
        self,
        mark: _Mark,
        marks: list[_Mark],
        times: list[tuple[_Mark, TimeExpression]],
        number: int,
        text: str,
    ) -> tuple[Event, _Mark | None]:
        inside = [m for m in marks if m.element in mark.element.iterdescendants()]
        time_mark = time = None
        for candidate, expression in times:
            if candidate in inside:
                time_mark, time = candidate, expression
                break
        if time is None and times:  # the nearest chron of the paragraph not inside another event
            free = [pair for pair in times if not self._in_event(pair[0].element)]
            if free:
                time_mark, time = min(free, key=lambda pair: abs(pair[0].start - mark.start))
                times.remove((time_mark, time))
        places = tuple(
            _span(number, text, m.start, m.end)
            for m in inside
            if self.name_of(m.element) == "location" and m.end > m.start
        )
        participants = tuple(
            _span(number, text, m.start, m.end)
            for m in inside
            if self.name_of(m.element) in ("person", "org") and m.end > m.start
        )
        event = Event(
            trigger=_span(number, text, mark.start, mark.end),
            time=time,
            places=places,
            participants=participants,
        )
        return event, time_mark

    def _in_event(self, element: etree._Element) -> bool:
        return any(self.name_of(ancestor) == "event" for ancestor in element.iterancestors())

    def _keep_inline(self, *, semantic: bool) -> None:
        """Keep the inline markup no field holds, whole, at the path of its element."""
        pairs = zip(self.paragraph_marks, self.paragraph_paths, strict=True)
        for number, (marks, paragraph_path) in enumerate(pairs):
            kept = [
                mark
                for mark in marks
                if semantic
                or (self.name_of(mark.element) or "", number, mark.start, mark.end)
                not in self.written
            ]  # newsdoc wrote these from the annotations, and will again
            elements = {mark.element for mark in kept}
            counts: dict[str, int] = {}
            for mark in kept:
                element = mark.element
                # Only the outermost markup is kept; what it holds goes with it.
                if any(ancestor in elements for ancestor in element.iterancestors()):
                    continue
                name = self.name_of(element)
                step = name if name is not None else "*"
                counts[step] = count = counts.get(step, 0) + 1
                self.keep(element, f"{paragraph_path}/{step}[{count}]")


_STEP = re.compile(r"([^/\[]*)(?:\[(\d{1,9})\])?")


def _path_key(path: str) -> tuple[tuple[str, int], ...]:
    """Paths in a stable order: by each step's name, then its number."""
    key = []
    for step in path.split("/"):
        match = _STEP.match(step)
        assert match is not None  # it matches any step
        key.append((match[1], int(match[2] or 0)))
    return tuple(key)


def _has_markup(element: etree._Element) -> bool:
    return any(isinstance(child.tag, str) for child in element)


def _in_nitf_namespace(element: etree._Element) -> etree._Element:
    """A copy of ``element`` with every element of no namespace moved into NITF's."""
    moved = etree.Element(f"{{{NITF}}}{element.tag}", nsmap={None: NITF})  # type: ignore[dict-item]
    _copy_into(moved, element)
    return moved


def _copy_into(target: etree._Element, source: etree._Element) -> None:
    for name, value in source.items():
        target.set(name, value)
    target.text = source.text
    for child in source:
        if isinstance(child.tag, str) and not child.tag.startswith("{"):
            copy = etree.SubElement(target, f"{{{NITF}}}{child.tag}")
            _copy_into(copy, child)
        else:  # comments, processing instructions, elements of other namespaces
            copy = deepcopy(child)
            target.append(copy)
        copy.tail = child.tail


def _reads_through(block: etree._Element, reader: _Reader) -> bool:
    """Whether a ``block`` holds only paragraphs and headings, so the body holds it all."""
    if block.attrib or (block.text or "").strip():
        return False
    return all(
        reader.name_of(child) in _READ_THROUGH and not (child.tail or "").strip() for child in block
    )


def _where(span: Span) -> tuple[int, int, int]:
    return span.paragraph, span.start, span.end


def _span(paragraph: int, text: str, start: int, end: int) -> Span:
    return Span(paragraph=paragraph, start=start, end=end, text=text[start:end])


def _time(mark: _Mark, number: int, text: str) -> TimeExpression | None:
    element = mark.element
    names = set(element.keys())
    if names - {"norm"} or len(element):
        return None
    norm = element.get("norm")
    value = None
    if norm is not None:
        value = timex_of_norm(norm.strip())
        if value is None:
            return None
    return TimeExpression(span=_span(number, text, mark.start, mark.end), value=value)


def _quotation(mark: _Mark, number: int, text: str) -> Attribution | None:
    """A direct attribution from ``<q quote-source>``, when its source and cue are found."""
    element = mark.element
    if set(element.keys()) - {"quote-source"}:
        return None
    content = _span(number, text, mark.start, mark.end)
    source_name = element.get("quote-source")
    found = [
        a
        for a in find_attributions([text])
        if a.kind is AttributionKind.DIRECT
        and any(s.start < mark.end and mark.start < s.end for s in a.content)
    ]
    source = cue = None
    if found:
        source, cue = found[0].source, found[0].cue
        if source_name is not None and source.text != source_name:
            source = None
    if source is None and source_name:
        source = _nearest(text, source_name, mark)
    if cue is None:
        cues = [m for m in _CUES.finditer(text) if m.end() <= mark.start or m.start() >= mark.end]
        if cues:
            best = min(
                cues, key=lambda m: min(abs(m.start() - mark.end), abs(mark.start - m.end()))
            )
            cue = _span(0, text, best.start(), best.end())
    if source is None or cue is None:
        return None
    return Attribution(
        kind=AttributionKind.DIRECT,
        source=attrs.evolve(source, paragraph=number),
        cue=attrs.evolve(cue, paragraph=number),
        content=(content,),
    )


def _nearest(text: str, name: str, mark: _Mark) -> Span | None:
    best: int | None = None
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        outside = end <= mark.start or start >= mark.end
        if outside and (best is None or abs(start - mark.start) < abs(best - mark.start)):
            best = start
        start = text.find(name, start + 1)
    if best is None:
        return None
    return _span(0, text, best, best + len(name))


def _parsed_span(value: str, paragraphs: tuple[str, ...]) -> Span:
    parts = value.split(":")
    if len(parts) != 3 or not all(_OFFSET.fullmatch(part) for part in parts):
        raise ValueError(f"{value!r} is not a span (paragraph:start:end)")
    paragraph, start, end = (int(part) for part in parts)
    if paragraph >= len(paragraphs):
        raise ValueError(
            f"span {value} points at paragraph {paragraph} but the body has {len(paragraphs)}"
        )
    text = paragraphs[paragraph]
    if not start < end <= len(text):
        raise ValueError(f"span {value} is not a range of paragraph {paragraph}")
    return Span(paragraph=paragraph, start=start, end=end, text=text[start:end])


def _parsed_spans(value: str, paragraphs: tuple[str, ...]) -> tuple[Span, ...]:
    return tuple(_parsed_span(part, paragraphs) for part in value.split(" ") if part)


_ATTRIBUTION_KEYS = frozenset({"kind", "source", "cue", "content", "antecedent"})
_EVENT_KEYS = frozenset({"trigger", "time", "value", "places", "participants"})


def _only(element: etree._Element, allowed: frozenset[str]) -> None:
    unknown = set(element.keys()) - allowed
    if unknown or len(element) or (element.text or "").strip():
        raise ValueError(f"holds what newsdoc's vocabulary does not define: {sorted(unknown)}")


def _attribution(element: etree._Element, paragraphs: tuple[str, ...]) -> Attribution:
    _only(element, _ATTRIBUTION_KEYS)
    kind = element.get("kind", "")
    if kind not in {k.value for k in AttributionKind}:
        raise ValueError(f"attribution kind {kind!r} is not one of direct, indirect, refusal")
    antecedent = element.get("antecedent")
    return Attribution(
        kind=kind,
        source=_parsed_span(element.get("source", ""), paragraphs),
        cue=_parsed_span(element.get("cue", ""), paragraphs),
        content=_parsed_spans(element.get("content", ""), paragraphs),
        antecedent=None if antecedent is None else _parsed_span(antecedent, paragraphs),
    )


def _event(element: etree._Element, paragraphs: tuple[str, ...]) -> Event:
    _only(element, _EVENT_KEYS)
    time = element.get("time")
    value = element.get("value")
    if time is None and value is not None:
        raise ValueError("an event's value needs a time")
    return Event(
        trigger=_parsed_span(element.get("trigger", ""), paragraphs),
        time=None
        if time is None
        else TimeExpression(span=_parsed_span(time, paragraphs), value=value),
        places=_parsed_spans(element.get("places", ""), paragraphs),
        participants=_parsed_spans(element.get("participants", ""), paragraphs),
    )


def _extension(element: etree._Element) -> Extension:
    if set(element.keys()) - {"format", "path", "content"} or (element.text or "").strip():
        raise ValueError("an nd:extension holds what newsdoc's vocabulary does not define")
    pairs = []
    for child in element:
        if (
            child.tag != newsdoc("attribute")
            or set(child.keys()) != {"name", "value"}
            or len(child)
        ):
            raise ValueError("an nd:extension holds something other than nd:attribute")
        pairs.append((child.get("name", ""), child.get("value", "")))
    return Extension(
        format=element.get("format", ""),
        path=element.get("path", ""),
        content=element.get("content", ""),
        attributes=tuple(pairs),
    )
