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
from collections.abc import Iterator
from copy import deepcopy
from typing import Any

from lxml import etree

from newsdoc._warn import warn
from newsdoc.errors import (
    ParseError,
    UnmappedContentError,
    UnreadContentWarning,
    ValidationError,
)
from newsdoc.formats import ReadOptions, _nitf_body
from newsdoc.formats._body import fold_body
from newsdoc.formats._xml import parse_xml
from newsdoc.formats.nitf._creators import take_creators
from newsdoc.formats.nitf._names import ND_URI, NITF, XML_LANG, local_name, newsdoc
from newsdoc.model import (
    AltId,
    Article,
    Attribution,
    AttributionKind,
    Event,
    Extension,
    Mark,
    PubStatus,
    Rights,
    Span,
    TimeExpression,
)

__all__ = ["read"]

_FORMAT = "nitf"
_PUB_STATUS = {status.value: status for status in PubStatus}
_URGENCIES = frozenset("123456789")
_DIGITS = re.compile(r"[1-9][0-9]{0,18}")
# NITF's norm: ISO 8601 basic (20250303T120000-0500, 20250303T120000Z) or extended.
_BASIC_TIME = re.compile(
    r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:?\d{2})"
)


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


def _exact_norm(norm: str) -> dt.datetime | None:
    """The moment a ``norm`` names, if NITF's basic form writes it back as it is.

    That is whole seconds, an offset of whole minutes and a four-digit year; any other
    moment stays with its element.
    """
    moment = timestamp_of_norm(norm)
    if moment is None or moment.microsecond or moment.year < 1000:
        return None
    offset = moment.utcoffset()
    if offset is None or offset % dt.timedelta(minutes=1):
        return None
    return moment


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def canonical(element: etree._Element) -> str:
    """Exclusive canonical XML of ``element``, without what follows it."""
    tail, element.tail = element.tail, None
    try:
        text = etree.tostring(element, method="c14n", exclusive=True, with_comments=True)
    except etree.C14NError:  # a relative namespace URI, which canonical XML refuses
        alone = deepcopy(element)
        etree.cleanup_namespaces(alone)  # only the declarations it uses
        text = etree.tostring(alone, encoding="unicode").encode("utf-8")
    finally:
        element.tail = tail
    return text.decode("utf-8")


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
        self.names = _nitf_body.names_in(namespace)
        self.name_of = self.names.name
        self.exact = root.get(newsdoc("text")) == "exact"
        self.fields: dict[str, Any] = {}
        self.kept: list[Extension] = []
        self.unread_paths: list[str] = []
        self.annotations: etree._Element | None = None
        self.annotations_path = ""
        self.body: _nitf_body.NitfBody | None = None
        self.title: tuple[str, str, etree._Element] | None = None
        self.written: set[tuple[str, int, int, int]] = set()

    # -- helpers -----------------------------------------------------------------------
    def children(
        self, element: etree._Element, path: str
    ) -> Iterator[tuple[etree._Element, str | None, int, str]]:
        """Each child element with its NITF name, its rank among namesakes and its path."""
        return _nitf_body.children(element, path, self.names, self)

    def keep(self, element: etree._Element, path: str) -> None:
        if self.namespace is None:  # into the namespace of the NITF it goes back in
            element = _in_nitf_namespace(element)
        self.kept.append(Extension(format=_FORMAT, path=path, content=canonical(element)))

    def keep_attributes(
        self, element: etree._Element, path: str, mapped: tuple[str, ...] = ()
    ) -> None:
        items = element.items()
        if not items:  # most elements: one call to lxml tells
            return
        pairs = sorted(
            ("xml:lang" if name == XML_LANG else str(name), str(value))
            for name, value in items
            if name not in mapped
        )
        if pairs:
            self.kept.append(Extension(format=_FORMAT, path=path, attributes=tuple(pairs)))

    def unread(self, path: str) -> None:
        self.unread_paths.append(path)

    def text_of(self, element: etree._Element, path: str) -> str:
        """The element's text; markup inside it is kept whole, the element with it.

        Text is taken as is only where newsdoc wrote it: never in markup, which newsdoc
        writes in a text element only when it puts kept markup back.
        """
        if len(element):
            if _has_markup(element):
                self.keep(element, path)
                return fold_body("".join(str(piece) for piece in element.itertext()))
            _nitf_body.report_inner_nodes(element, path, self)
            text = "".join(str(piece) for piece in element.itertext())
        else:
            text = element.text or ""
        return text if self.exact else fold_body(text)

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
        elif self.body is not None:  # NITF's own markup says who said what
            for field in ("attributions", "events"):
                if field in self.body.header:
                    self.fields[field] = self.body.header[field]
            self._keep_inline(self.body.unmapped)
        if self.options.strict and (self.kept or self.unread_paths):
            paths = tuple(sorted({e.path for e in self.kept} | set(self.unread_paths)))
            raise UnmappedContentError(_FORMAT, paths, source=self.options.source)
        for path in sorted(set(self.unread_paths)):
            warn(
                UnreadContentWarning(
                    f"nitf: {path} was not read: comments, processing instructions and "
                    "text between elements are not kept"
                )
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

    def _body(self, element: etree._Element, path: str) -> None:
        creators = take_creators(element, self.name_of, self.exact)
        if creators:
            self.fields["creators"] = creators
        notice_uri = self._take_notice_uri(element)
        body = self.body = _nitf_body.read(
            element,
            namespace=self.namespace,
            exact=self.exact,
            keeper=self,
            path=path,
            annotate=self.annotations is None,  # newsdoc's own annotations say it all
        )
        self.fields["lead"], self.fields["sections"], self.fields["trailer"] = body.parts()
        if body.marks:
            self.fields["marks"] = tuple(body.marks)
        for field, value in body.header.items():
            if field == "rights":
                parts = self.fields.setdefault("rights_parts", {})
                parts.update(notice=value.notice, notice_uri=notice_uri)
            elif field not in ("attributions", "events"):
                self.fields[field] = value

    def _take_notice_uri(self, body: etree._Element) -> str | None:
        """Take the URI newsdoc gives a notice (``nd:uri`` of ``body.head``'s ``rights``).

        Only from a ``rights`` that the body dialect reads as the notice (the first, with
        text and no markup); any other keeps the attribute.
        """
        head = next((child for child in body if self.name_of(child) == "body.head"), None)
        if head is None:
            return None
        rights = next((child for child in head if self.name_of(child) == "rights"), None)
        if rights is None or len(rights) or not (rights.text or "").strip():
            return None
        uri = rights.get(ND_URI)
        if uri is None or not uri.strip():
            return None
        del rights.attrib[ND_URI]
        return uri

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

    def _management_status(self, docdata: etree._Element, path: str) -> None:
        """The publishing status in ``docdata``'s ``management-status``; other attributes kept."""
        status = docdata.get("management-status")
        mapped: tuple[str, ...] = ()
        if status is not None and status.strip() in _PUB_STATUS:
            self.fields["pub_status"] = _PUB_STATUS[status.strip()]
            mapped = ("management-status",)
        self.keep_attributes(docdata, path, mapped=mapped)

    def _docdata(self, docdata: etree._Element, path: str) -> None:
        self._management_status(docdata, path)
        holder = usage_terms = None
        keywords: list[str] = []
        noted = self._editorial_notes(docdata, path)
        doc_ids = sum(1 for child in docdata if self.name_of(child) == "doc-id")
        for child, name, count, child_path in self.children(docdata, path):
            if child in noted:
                continue
            if name == "doc-id" and self._other_doc_id(child, count, child_path, doc_ids):
                continue
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
            elif name == "date.release" and _exact_norm(child.get("norm", "")) is not None:
                self.fields["embargoed"] = _exact_norm(child.get("norm", ""))
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
                    text = None if key is None else key if self.exact else fold_body(key)
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

    def _other_doc_id(self, element: etree._Element, count: int, path: str, doc_ids: int) -> bool:
        """Whether a ``doc-id`` is read as no article id.

        A ``doc-id`` after the first is an alternative id when it holds one; an empty first
        one, followed by others, stands for the id an article with alternative ids lacks.
        """
        if count > 1:
            return self._alt_id(element, path)
        return doc_ids > 1 and _empty(element)

    def _alt_id(self, element: etree._Element, path: str) -> bool:
        """Read a ``doc-id`` after the first as an alternative id; whether it is one.

        ``id-string`` is the id and ``regsrc``, when it is one word, its kind.
        """
        raw = element.get("id-string")
        if raw is None or len(element) or (element.text or "").strip():
            return False
        value = raw if self.exact else fold_body(raw)
        source = element.get("regsrc")
        one_word = source is not None and len(source.split()) == 1 and source == source.strip()
        kind = source if one_word else None
        try:
            alt_id = AltId(value=value, kind=kind)
        except ValidationError:
            return False
        self.fields["alt_ids"] = (*self.fields.get("alt_ids", ()), alt_id)
        mapped = ("id-string", "regsrc") if kind is not None else ("id-string",)
        self.keep_attributes(element, path, mapped=mapped)
        return True

    def _editorial_notes(self, docdata: etree._Element, path: str) -> set[etree._Element]:
        """Read every ``ed-msg`` as a note, in order, if each holds one; those it read.

        Notes are written back as the first ``ed-msg`` elements, so a kept one among them
        could take a note's place: all are notes, or all are kept.
        """
        messages = [child for child in docdata if self.name_of(child) == "ed-msg"]
        notes = [self._note(message) for message in messages]
        if not messages or None in notes:
            return set()
        self.fields["editorial_notes"] = tuple(notes)
        for number, message in enumerate(messages, start=1):
            self.keep_attributes(message, f"{path}/ed-msg[{number}]", mapped=("info",))
        return set(messages)

    def _note(self, element: etree._Element) -> str | None:
        """The editorial note an ``ed-msg`` holds in ``info``, if it holds one."""
        info = element.get("info")
        if info is None or not info.strip() or len(element) or (element.text or "").strip():
            return None
        return info if self.exact else fold_body(info)

    def _du_key(self, element: etree._Element, path: str) -> None:
        mapped = []
        key = element.get("key")
        if key is not None and (key.strip() if self.exact else fold_body(key)):
            self.fields["slugline"] = key if self.exact else fold_body(key)
            mapped.append("key")
        version = (element.get("version") or "").strip()
        if _DIGITS.fullmatch(version) and int(version) < 2**63:
            self.fields["version"] = int(version)
            mapped.append("version")
        self.keep_attributes(element, path, mapped=tuple(mapped))

    # -- body --------------------------------------------------------------------------
    # -- annotations -------------------------------------------------------------------
    def _annotations(self) -> None:
        element, path = self.annotations, self.annotations_path
        assert element is not None
        spans = _Spans(self._paragraphs())
        attributions, events, extensions, marks = [], [], [], []
        for child, _, _, child_path in self.children(element, path):
            tag = child.tag
            try:
                if tag == newsdoc("attribution"):
                    attributions.append(_attribution(child, spans))
                elif tag == newsdoc("event"):
                    events.append(_event(child, spans))
                elif tag == newsdoc("extension"):
                    extensions.append(_extension(child))
                elif tag == newsdoc("mark"):
                    marks.append(_mark(child, spans))
                else:
                    raise ValueError(f"nd:annotations holds an unknown element {tag!r}")
            except (ValueError, IndexError) as exc:
                raise self.fail(child, child_path, str(exc)) from exc
        self.fields["attributions"] = tuple(attributions)
        self.fields["events"] = tuple(events)
        self.fields["extensions"] = tuple(extensions)
        if marks:  # the marks that could not nest in the markup
            self.fields["marks"] = (*self.fields.get("marks", ()), *marks)
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
        if self.body is not None:
            self._keep_inline(self.body.markup)

    def _paragraphs(self) -> tuple[str, ...]:
        lead = self.fields.get("lead", ())
        return (
            *lead,
            *(p for section in self.fields.get("sections", ()) for p in section.paragraphs),
        )

    def _keep_inline(self, paragraph_marks: list[list[_nitf_body.Markup]]) -> None:
        """Keep the inline markup no field holds, whole, at the path of its paragraph."""
        assert self.body is not None
        name_of = self.name_of
        pairs = zip(paragraph_marks, self.body.paths, strict=True)
        for number, (marks, paragraph_path) in enumerate(pairs):
            kept = [
                mark
                for mark in marks
                if mark.element not in self.body.marked
                and (name_of(mark.element) or "", number, mark.start, mark.end) not in self.written
            ]  # newsdoc writes marks, and q, event and chron from the annotations
            elements = {mark.element for mark in kept}
            counts: dict[str, int] = {}
            for mark in kept:
                element = mark.element
                # Only the outermost markup is kept; what it holds goes with it.
                if any(ancestor in elements for ancestor in element.iterancestors()):
                    continue
                name = name_of(element)
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


def _empty(element: etree._Element) -> bool:
    """Whether ``element`` holds nothing: no attributes, children or text."""
    return not element.attrib and not len(element) and not (element.text or "").strip()


def _has_markup(element: etree._Element) -> bool:
    return any(isinstance(child.tag, str) for child in element)


_WITHIN_NITF = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _in_nitf_namespace(element: etree._Element) -> etree._Element:
    """A copy of ``element`` with every element of no namespace moved into NITF's.

    Written out and read back inside NITF's default namespace: unprefixed names fall in
    it, prefixed ones keep the namespaces they declare.
    """
    tail, element.tail = element.tail, None
    try:
        text = etree.tostring(element, encoding="unicode")
    finally:
        element.tail = tail
    return etree.fromstring(f'<_ xmlns="{NITF}">{text}</_>', _WITHIN_NITF)[0]


def _where(span: Span) -> tuple[int, int, int]:
    return span.paragraph, span.start, span.end


_SPAN = re.compile(r"(0|[1-9][0-9]{0,14}):(0|[1-9][0-9]{0,14}):(0|[1-9][0-9]{0,14})")


class _Spans:
    """Spans from their ``paragraph:start:end`` form, each made once."""

    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        self.paragraphs = paragraphs
        self.made: dict[str, Span] = {}

    def one(self, value: str) -> Span:
        span = self.made.get(value)
        if span is not None:
            return span
        match = _SPAN.fullmatch(value)
        if match is None:
            raise ValueError(f"{value!r} is not a span (paragraph:start:end)")
        paragraph, start, end = int(match[1]), int(match[2]), int(match[3])
        paragraphs = self.paragraphs
        if paragraph >= len(paragraphs):
            raise ValueError(
                f"span {value} points at paragraph {paragraph} but the body has {len(paragraphs)}"
            )
        text = paragraphs[paragraph]
        if not start < end <= len(text):
            raise ValueError(f"span {value} is not a range of paragraph {paragraph}")
        span = self.made[value] = Span(
            paragraph=paragraph, start=start, end=end, text=text[start:end]
        )
        return span

    def many(self, value: str) -> tuple[Span, ...]:
        return tuple(self.one(part) for part in value.split(" ") if part)


_ATTRIBUTION_KEYS = frozenset({"kind", "source", "cue", "content", "antecedent"})
_EVENT_KEYS = frozenset({"trigger", "time", "value", "places", "participants"})


def _only(element: etree._Element, allowed: frozenset[str]) -> None:
    unknown = set(element.keys()) - allowed
    if unknown or len(element) or (element.text or "").strip():
        raise ValueError(f"holds what newsdoc's vocabulary does not define: {sorted(unknown)}")


def _attribution(element: etree._Element, spans: _Spans) -> Attribution:
    _only(element, _ATTRIBUTION_KEYS)
    kind = element.get("kind", "")
    if kind not in {k.value for k in AttributionKind}:
        raise ValueError(f"attribution kind {kind!r} is not one of direct, indirect, refusal")
    antecedent = element.get("antecedent")
    return Attribution(
        kind=kind,
        source=spans.one(element.get("source", "")),
        cue=spans.one(element.get("cue", "")),
        content=spans.many(element.get("content", "")),
        antecedent=None if antecedent is None else spans.one(antecedent),
    )


def _event(element: etree._Element, spans: _Spans) -> Event:
    _only(element, _EVENT_KEYS)
    time = element.get("time")
    value = element.get("value")
    if time is None and value is not None:
        raise ValueError("an event's value needs a time")
    return Event(
        trigger=spans.one(element.get("trigger", "")),
        time=None if time is None else TimeExpression(span=spans.one(time), value=value),
        places=spans.many(element.get("places", "")),
        participants=spans.many(element.get("participants", "")),
    )


_MARK_KEYS = frozenset({"kind", "span", "href"})


def _mark(element: etree._Element, spans: _Spans) -> Mark:
    if set(element.keys()) - _MARK_KEYS or (element.text or "").strip():
        raise ValueError("an nd:mark holds what newsdoc's vocabulary does not define")
    return Mark(
        kind=element.get("kind", ""),
        span=spans.one(element.get("span", "")),
        href=element.get("href"),
        attributes=_attribute_pairs(element),
    )


def _attribute_pairs(element: etree._Element) -> tuple[tuple[str, str], ...]:
    pairs = []
    for child in element:
        if (
            child.tag != newsdoc("attribute")
            or set(child.keys()) != {"name", "value"}
            or len(child)
        ):
            name = local_name(str(element.tag))[1]
            raise ValueError(f"an nd:{name} holds something other than nd:attribute")
        pairs.append((child.get("name", ""), child.get("value", "")))
    return tuple(pairs)


def _extension(element: etree._Element) -> Extension:
    if set(element.keys()) - {"format", "path", "content"} or (element.text or "").strip():
        raise ValueError("an nd:extension holds what newsdoc's vocabulary does not define")
    return Extension(
        format=element.get("format", ""),
        path=element.get("path", ""),
        content=element.get("content", ""),
        attributes=_attribute_pairs(element),
    )
