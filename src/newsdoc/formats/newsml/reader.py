"""Reading NewsML-G2 ``newsItem`` and ``newsMessage`` documents into Articles.

The reader maps what the model holds and keeps everything else: every element or
attribute it does not map becomes an :class:`~newsdoc.Extension` whose path says where it
stood, so the writer can put it back and a user can see exactly what was not mapped.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterator
from typing import Any, cast

from lxml import etree

from newsdoc.errors import ParseError, UnmappedContentError, ValidationError
from newsdoc.formats import ReadOptions
from newsdoc.formats._xml import parse_xml
from newsdoc.formats.newsml._annotations import Annotations, read_annotations, read_generated
from newsdoc.formats.newsml._names import (
    NAR,
    NAR_PREFIX,
    NEWSDOC,
    NITF,
    RANK,
    STANDARD_VERSION,
    XHTML,
    XML_LANG,
    nar,
    newsdoc,
)
from newsdoc.model import (
    Article,
    Concept,
    Dateline,
    Extension,
    PubStatus,
    Rights,
    Section,
)

__all__ = ["BODY_TYPES", "BodyParts", "body_digest", "body_of", "fold_layout", "read", "read_all"]

_FORMAT = "newsml"
BodyParts = tuple[tuple[str, ...], tuple[Section, ...], tuple[str, ...]]
_TAG = {
    name: nar(name)
    for name in (
        "by",
        "contentMeta",
        "contentSet",
        "copyrightHolder",
        "copyrightNotice",
        "creditline",
        "dateline",
        "description",
        "firstCreated",
        "genre",
        "headline",
        "itemClass",
        "itemMeta",
        "itemSet",
        "keyword",
        "language",
        "located",
        "name",
        "newsItem",
        "newsMessage",
        "provider",
        "pubStatus",
        "rightsInfo",
        "slugline",
        "subject",
        "urgency",
        "usageTerms",
        "versionCreated",
    )
}
_NAR_PREFIX_LENGTH = len(NAR_PREFIX)
_TEXT_PROPERTIES = frozenset(
    _TAG[name]
    for name in ("urgency", "keyword", "by", "headline", "dateline", "slugline", "creditline",
                 "description")
)  # fmt: skip
BODY_TYPES = ("application/xhtml+xml", "application/nitf+xml")
"""The inlineXML content types whose body the reader maps into lead and sections."""

# Root attributes the writer always sets; they say nothing about the article.
_ROOT_DEFAULTS = {
    "standard": "NewsML-G2",
    "standardversion": STANDARD_VERSION,
    newsdoc("text"): "exact",
}
_PUB_STATUS = {f"stat:{status.value}": status for status in PubStatus}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(rf"(?P<place>.+?),\s+(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?)")
_TEXT_MARK, _PLACE_MARK, _GENERATED, _ANNOTATIONS = (
    newsdoc(name) for name in ("text", "place", "generated", "annotations")
)
# The attributes a concept maps, by whether it has a qcode and whether it has a uri.
_CONCEPT_ATTRIBUTES = {
    (True, True): ("qcode", "uri"),
    (True, False): ("qcode",),
    (False, True): ("uri",),
    (False, False): (),
}
_HEADINGS = frozenset(f"{{{XHTML}}}h{level}" for level in range(1, 7))


def read(data: str | bytes, options: ReadOptions) -> Article:
    """Read the only (or first) newsItem of a NewsML-G2 document."""
    for article in read_all(data, options):
        return article
    raise ParseError(_FORMAT, "the newsMessage holds no newsItem", source=options.source)


def read_all(data: str | bytes, options: ReadOptions) -> Iterator[Article]:
    """Read every newsItem of a NewsML-G2 ``newsItem`` or ``newsMessage`` document.

    Raises:
        ParseError: The document is not well-formed XML, is not NewsML-G2, or holds a
            value the model cannot take (the error names its path).
        UnmappedContentError: With ``options.strict``, the item holds content the model
            has no field for.
    """
    root = parse_xml(data, _FORMAT, options.source)
    items = _items(root, options)
    for item in items:
        yield _ItemReader("/newsItem", options).read(item)


def _items(root: etree._Element, options: ReadOptions) -> list[etree._Element]:
    """The newsItems of the document; paths in each Article are relative to its item."""
    if root.tag == _TAG["newsItem"]:
        return [root]
    if root.tag == _TAG["newsMessage"]:
        return [
            child
            for item_set in root.iterchildren(_TAG["itemSet"])
            for child in item_set.iterchildren(_TAG["newsItem"])
        ]
    qname = etree.QName(root)
    if qname.localname in ("newsItem", "newsMessage"):
        reason = f"the root element is in namespace {qname.namespace!r}, not NewsML-G2's {NAR!r}"
    else:
        reason = f"expected a newsItem or newsMessage root element, found {qname.localname!r}"
    raise ParseError(_FORMAT, reason, line=_line(root), source=options.source)


def _numbered(element: etree._Element, path: str) -> Iterator[tuple[etree._Element, str, int, str]]:
    """Each child element with its tag, its count among same-named siblings, and its path.

    The path is ``path/name[k]`` for the k-th child of that name, with ``prefix:name``
    outside NewsML-G2. Comments and processing instructions are skipped, never counted.
    """
    counts: dict[str, int] = {}
    for child in element.iterchildren(etree.Element):
        tag = child.tag
        count = counts[tag] = counts.get(tag, 0) + 1
        if tag.startswith(NAR_PREFIX):
            yield child, tag, count, f"{path}/{tag[_NAR_PREFIX_LENGTH:]}[{count}]"
        else:
            local = etree.QName(tag).localname
            name = f"{child.prefix}:{local}" if child.prefix else local
            yield child, tag, count, f"{path}/{name}[{count}]"


def _attribute_step(name: str) -> str:
    """``@name``; attributes in a namespace keep it, as ``@{uri}name``."""
    return "@xml:lang" if name == XML_LANG else f"@{name}"


def _serialised(element: etree._Element) -> str:
    """Exclusive canonical XML: the same text wherever the element stands."""
    try:
        return _canonical(element)
    except etree.C14NError:
        # C14N refuses a relative namespace URI (xmlns:x="www.example.com") anywhere in
        # scope, used or not. Dropping the unused declarations of the whole tree, once,
        # spares every later element the failure; the tree is this reader's own.
        etree.cleanup_namespaces(element.getroottree())
    try:
        return _canonical(element)
    except etree.C14NError:  # the relative URI is used somewhere in the tree
        pass
    alone = copy.deepcopy(element)  # alone, it keeps only the declarations it uses
    alone.tail = None
    etree.cleanup_namespaces(alone)
    try:
        return _canonical(alone)
    except etree.C14NError:  # the element uses it: plain XML is the best there is
        return etree.tostring(alone, encoding="unicode")


def _canonical(element: etree._Element) -> str:
    canonical = etree.tostring(element, method="c14n", exclusive=True, with_comments=True)
    return canonical.decode("utf-8")


@functools.lru_cache(maxsize=4096)  # feeds repeat the same paths item after item
def _path_key(path: str) -> tuple[tuple[int, str, int], ...]:
    """An order for kept paths that does not depend on how siblings were laid out.

    Where the schema lets siblings come in any order (the choices in contentMeta …), they
    are ordered by name and position; elsewhere the document order stands (the sort is
    stable), since it may matter.
    """
    key = []
    parent = _TAG["newsItem"]
    for step in path.split("/")[2:]:
        if step.startswith("@"):
            key.append((1, step, 0))
            break
        name, _, index = step.rstrip("]").partition("[")
        tag = nar(name) if ":" not in name else name
        if parent in RANK:
            key.append((0, f"{RANK[parent].get(tag, len(RANK[parent])):03d}{name}", int(index)))
        else:
            key.append((0, "", 0))
        parent = tag
    return tuple(key)


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _attributes(element: etree._Element) -> list[tuple[str, str]]:
    """The element's attributes, sorted by name so their written order does not matter."""
    attributes = cast("list[tuple[str, str]]", element.items())
    if len(attributes) > 1:
        attributes.sort()
    return attributes


def fold_layout(text: str) -> str:
    """``text`` with XML layout white space (runs, tabs, line breaks) folded to one space."""
    if "\n" in text or "  " in text or "\t" in text or "\r" in text:
        if "\x0b" in text or "\x0c" in text:  # not XML, but bytes.split() would fold them
            text = text.replace("\n", " ").replace("\t", " ").replace("\r", " ")
            while "  " in text:
                text = text.replace("  ", " ")
        else:
            # bytes.split() splits at ASCII white space only, never at a no-break space,
            # and runs in C: twice as fast as replacing or a regular expression.
            folded = b" ".join(text.encode("utf-8", "surrogatepass").split())
            text = folded.decode("utf-8", "surrogatepass")
    return text.strip()


def _text(element: etree._Element, *, exact: bool = False) -> str:
    """The element's text: as is when newsdoc wrote it, else with XML layout folded."""
    if len(element):
        text = "".join(cast("Iterator[str]", element.itertext()))
    else:
        text = element.text or ""
    return text if exact else fold_layout(text)


class _ItemReader:
    """Reads one newsItem, collecting what it cannot map."""

    def __init__(self, base: str, options: ReadOptions) -> None:
        self.base = base
        self.options = options
        self.fields: dict[str, Any] = {}
        self.kept: list[Extension] = []
        self.generated: set[str] = set()
        self.annotations: Annotations | None = None
        self.body_found = False
        self.exact = False
        self.body_header: list[str] = []
        # The body rendition as it came, for the writer to put back while the body is
        # unchanged; it is mapped, so strict reading does not count it as unmapped.
        self.retained: list[Extension] = []

    # -- keeping what the model has no field for ----------------------------------------
    def keep(self, element: etree._Element, path: str) -> None:
        content = _serialised(element)
        self.kept.append(Extension(format=_FORMAT, path=path, content=content))

    def keep_attributes(
        self, element: etree._Element, path: str, mapped: tuple[str, ...] = ()
    ) -> None:
        # Sorted, so that the order attributes happen to be written in does not matter.
        kept = self.kept
        for name, value in _attributes(element):
            if name not in mapped:
                step = _attribute_step(name)
                kept.append(Extension(format=_FORMAT, path=f"{path}/{step}", content=value))

    def fail(self, element: etree._Element, path: str, reason: str) -> ParseError:
        return ParseError(
            _FORMAT, reason, line=_line(element), path=path, source=self.options.source
        )

    # -- the item ----------------------------------------------------------------------
    def read(self, item: etree._Element) -> Article:
        self.exact = item.get(_TEXT_MARK) == "exact"
        self._root_attributes(item)
        for child, tag, count, path in _numbered(item, self.base):
            handler = _ITEM_CHILDREN.get(tag)
            if handler is None or not handler(self, child, path, count):
                self.keep(child, path)
        if self.annotations is not None:
            lead, sections = self.fields.get("lead", ()), self.fields.get("sections", ())
            self.annotations.check_anchors(lead, sections)
        for name in self.generated:
            self.fields[name] = None
        newsml_kept = tuple(sorted(self.kept, key=lambda e: _path_key(e.path)))
        if self.options.strict and newsml_kept:
            raise UnmappedContentError(
                _FORMAT, tuple(e.path for e in newsml_kept), source=self.options.source
            )
        self.fields["extensions"] = (
            newsml_kept + tuple(self.retained) + self.fields.get("extensions", ())
        )
        try:
            return Article(**self.fields)
        except ValidationError as exc:
            raise ParseError(
                _FORMAT, str(exc), line=_line(item), path=self.base, source=self.options.source
            ) from exc

    def _root_attributes(self, item: etree._Element) -> None:
        guid, version = item.get("guid"), item.get("version")
        if guid is not None:
            self.fields["id"] = guid.strip() or None
        if version is not None:
            self.fields["version"] = self._version(item, version)
        for name, value in _attributes(item):
            if name in ("guid", "version") or _ROOT_DEFAULTS.get(name) == value:
                continue
            self.kept.append(
                Extension(
                    format=_FORMAT, path=f"{self.base}/{_attribute_step(name)}", content=value
                )
            )

    def _version(self, item: etree._Element, value: str) -> int:
        if not value.strip().isdigit() or int(value) < 1:
            raise self.fail(
                item, f"{self.base}/@version", f"version {value!r} is not a positive integer"
            )
        return int(value)

    # -- rightsInfo --------------------------------------------------------------------
    def rights_info(self, element: etree._Element, path: str, index: int) -> bool:
        if index != 1:
            return False
        self.keep_attributes(element, path)
        holder = notice = terms = None
        for child, tag, count, child_path in _numbered(element, path):
            if tag == _TAG["copyrightHolder"] and count == 1:
                holder = self._named(child, child_path)
                if holder is None:
                    self.keep(child, child_path)
            elif tag == _TAG["copyrightNotice"] and count == 1 and _text(child):
                notice = _text(child, exact=self.exact)
                self.keep_attributes(child, child_path)
            elif tag == _TAG["usageTerms"] and count == 1 and _text(child):
                terms = _text(child, exact=self.exact)
                self.keep_attributes(child, child_path)
            else:
                self.keep(child, child_path)
        if holder is notice is terms is None:
            return True
        self.fields["rights"] = Rights(holder=holder, notice=notice, usage_terms=terms)
        return True

    def _named(self, element: etree._Element, path: str) -> str | None:
        """The element's first plain name, keeping its other content; None keeps nothing."""
        children = list(_numbered(element, path))
        named = next(
            (
                child
                for child, tag, _, _ in children
                if tag == _TAG["name"] and not len(child) and not child.attrib and _text(child)
            ),
            None,
        )
        if named is None:
            return None
        self.keep_attributes(element, path)
        for child, _, _, child_path in children:
            if child is not named:
                self.keep(child, child_path)
        return _text(named, exact=self.exact)

    # -- itemMeta ----------------------------------------------------------------------
    def item_meta(self, element: etree._Element, path: str, index: int) -> bool:
        if index != 1:
            return False
        self.keep_attributes(element, path)
        markers = list(element.iterchildren(_GENERATED))
        self.generated = read_generated(element, path, markers, self.options.source)
        for child, tag, count, child_path in _numbered(element, path):
            first = count == 1
            if tag == _GENERATED or (
                first and tag == _TAG["provider"] and "provider" in self.generated
            ):
                continue
            if tag == _TAG["itemClass"] and first:
                if child.get("qcode") != "ninat:text" or len(child):
                    self.keep(child, child_path)
                else:
                    self.keep_attributes(child, child_path, mapped=("qcode",))
            elif tag == _TAG["provider"] and first and self._provider(child, child_path):
                pass
            elif tag in (_TAG["versionCreated"], _TAG["firstCreated"]) and first:
                moment = _datetime(_text(child))
                if moment is None:
                    self.keep(child, child_path)
                    continue
                self.keep_attributes(child, child_path)
                self.fields["updated" if tag == _TAG["versionCreated"] else "created"] = moment
            elif tag == _TAG["pubStatus"] and first and child.get("qcode") in _PUB_STATUS:
                self.keep_attributes(child, child_path, mapped=("qcode",))
                self.fields["pub_status"] = _PUB_STATUS[child.get("qcode", "")]
            else:
                self.keep(child, child_path)
        return True

    def _provider(self, element: etree._Element, path: str) -> bool:
        provider = self._concept(element, path)
        self.fields["provider"] = provider
        return provider is not None

    def _concept(self, element: etree._Element, path: str) -> Concept | None:
        """The element as a concept, keeping its other content; None keeps nothing."""
        qcode, uri = element.get("qcode") or None, element.get("uri") or None
        children = list(_numbered(element, path))
        named = None
        for child, tag, _, _ in children:
            if tag == _TAG["name"] and not len(child) and _text(child):
                named = child
                break
        if not (qcode or uri or named is not None):
            return None
        for child, _, _, child_path in children:
            if child is named:
                self.keep_attributes(child, child_path)  # xml:lang, role …
            else:
                self.keep(child, child_path)
        self.keep_attributes(
            element, path, mapped=_CONCEPT_ATTRIBUTES[qcode is not None, uri is not None]
        )
        name = None if named is None else _text(named, exact=self.exact)
        return Concept(qcode=qcode, uri=uri, name=name)

    # -- contentMeta -------------------------------------------------------------------
    def content_meta(self, element: etree._Element, path: str, index: int) -> bool:
        if index != 1:
            return False
        self.keep_attributes(element, path)
        lists: dict[str, list[Any]] = {"genres": [], "subjects": [], "keywords": [], "bylines": []}
        for child, tag, count, child_path in _numbered(element, path):
            if not self._content_meta_child(child, tag, count, child_path, lists):
                self.keep(child, child_path)
        for name, values in lists.items():
            if values:
                self.fields[name] = tuple(values)
        return True

    def _content_meta_child(
        self,
        child: etree._Element,
        tag: str,
        count: int,
        path: str,
        lists: dict[str, list[Any]],
    ) -> bool:
        # Only text-valued properties need their text; concepts read their own parts.
        text = _text(child, exact=self.exact) if tag in _TEXT_PROPERTIES else ""
        if tag == _TAG["urgency"] and count == 1 and text.isdigit() and 1 <= int(text) <= 9:
            self.keep_attributes(child, path)
            self.fields["urgency"] = int(text)
        elif tag == _TAG["located"] and count == 1:
            located = self._concept(child, path)
            if located is None:
                return False
            self.fields["located"] = located
        elif tag == _TAG["language"] and count == 1 and child.get("tag") and not len(child):
            self.keep_attributes(child, path, mapped=("tag",))
            self.fields["language"] = child.get("tag")
        elif tag in (_TAG["genre"], _TAG["subject"]):
            concept = self._concept(child, path)
            if concept is None:
                return False
            lists["genres" if tag == _TAG["genre"] else "subjects"].append(concept)
        elif tag in (_TAG["keyword"], _TAG["by"]) and text and not len(child):
            self.keep_attributes(child, path)
            lists["keywords" if tag == _TAG["keyword"] else "bylines"].append(text)
        elif tag == _TAG["headline"] and text and not len(child):
            return self._headline(child, path, text)
        elif tag == _TAG["dateline"] and count == 1 and text and not len(child):
            self.keep_attributes(child, path, mapped=(_PLACE_MARK,))
            self.fields["dateline"] = _dateline(text, child.get(_PLACE_MARK))
        elif tag in (_TAG["slugline"], _TAG["creditline"], _TAG["description"]) and count == 1:
            if not text or len(child):
                return False
            self.keep_attributes(child, path)
            name = etree.QName(child).localname
            self.fields[name] = text
        elif tag == _ANNOTATIONS:
            self._annotations(child, path)
        else:
            return False
        return True

    def _headline(self, child: etree._Element, path: str, text: str) -> bool:
        role = child.get("role", "")
        field = "subheadline" if "sub" in role else "headline"
        if field in self.fields:
            return False
        mapped = ("role",) if role in ("", "hlrole:sub") else ()
        self.keep_attributes(child, path, mapped=mapped)
        self.fields[field] = text
        return True

    # -- newsdoc's own annotations -----------------------------------------------------
    def _annotations(self, element: etree._Element, path: str) -> None:
        if self.annotations is not None:
            raise self.fail(element, path, "a second nd:annotations")
        annotations = self.annotations = read_annotations(element, path, self.options.source)
        self.fields["attributions"] = annotations.attributions
        self.fields["events"] = annotations.events
        self.fields["extensions"] = annotations.extensions

    # -- contentSet --------------------------------------------------------------------
    def content_set(self, element: etree._Element, path: str, index: int) -> bool:
        if index != 1:
            return False
        self.keep_attributes(element, path)
        for child, _, _, child_path in _numbered(element, path):
            if not self.body_found and child.get("contenttype") in BODY_TYPES:
                self.body_found = True
                self._body(child)
                if child.get(newsdoc("body")) != "generated":
                    self._retain_body(child, child_path)
                continue
            self.keep(child, child_path)
        return True

    def _retain_body(self, inline: etree._Element, path: str) -> None:
        fields = self.fields
        digest = body_digest(
            (fields["lead"], fields["sections"], fields["trailer"]),
            {field: fields[field] for field in self.body_header},
        )
        # Mark the start tag with what the writer needs to decide whether the rendition
        # still says what the Article says, without reading it again.
        content = _serialised(inline)
        end = content.index(">")
        if content[end - 1] == "/":
            end -= 1
        marks = f' xmlns:nd="{NEWSDOC}"' if f'xmlns:nd="{NEWSDOC}"' not in content[:end] else ""
        marks += f' nd:header="{" ".join(self.body_header)}" nd:digest="{digest}"'
        content = content[:end] + marks + content[end:]
        self.retained.append(Extension(format=_FORMAT, path=path, content=content))

    def _body(self, inline: etree._Element) -> None:
        parts = _read_body(inline)
        self.fields["lead"] = tuple(parts.lead)
        self.fields["sections"] = tuple(parts.sections)
        self.fields["trailer"] = tuple(parts.trailer)
        self.body_header = [
            field for field, value in parts.header.items() if value and field not in self.fields
        ]
        for field in self.body_header:
            self.fields[field] = parts.header[field]


_ITEM_CHILDREN = {
    _TAG["rightsInfo"]: _ItemReader.rights_info,
    _TAG["itemMeta"]: _ItemReader.item_meta,
    _TAG["contentMeta"]: _ItemReader.content_meta,
    _TAG["contentSet"]: _ItemReader.content_set,
}


_PARAGRAPHS = frozenset([f"{{{XHTML}}}p", f"{{{NITF}}}p", f"{{{XHTML}}}li"])
_NITF_HL1, _NITF_HL2, _NITF_HEDLINE = (f"{{{NITF}}}{name}" for name in ("hl1", "hl2", "hedline"))
_NITF_BYLINE, _NITF_DATELINE, _NITF_TAGLINE = (
    f"{{{NITF}}}{name}" for name in ("byline", "dateline", "tagline")
)
_NITF_OUTSIDE_BODY = frozenset([f"{{{NITF}}}body.end", f"{{{NITF}}}body.head"])
_SECTION_HEADINGS = _HEADINGS | {_NITF_HL2}
_BODY_TAGS = _PARAGRAPHS | _SECTION_HEADINGS | {
    _NITF_HL1, _NITF_BYLINE, _NITF_DATELINE, _NITF_TAGLINE
}  # fmt: skip
_BY = re.compile(r"^[Bb]y\s+")


class _Body:
    """Collects headline, lead, sections and trailer from an XHTML or NITF body."""

    def __init__(self, *, exact: bool) -> None:
        # A body newsdoc wrote holds the model's text as is; others are laid out freely.
        self.exact = exact
        self.lead: list[str] = []
        self.sections: list[Section] = []
        self.trailer: list[str] = []
        self.header: dict[str, Any] = {}
        self.heading: str | None = None
        self.paragraphs: list[str] = []
        self.places: dict[etree._Element | None, str] = {}

    def visit(self, element: etree._Element) -> None:
        tag = element.tag
        text = "".join(str(piece) for piece in element.itertext()) if self.exact else _text(element)
        if tag in _PARAGRAPHS:
            if text:
                self._paragraph(element, text)
        elif tag in _SECTION_HEADINGS:
            self._heading(element, tag, text)
        elif not text:
            return
        elif tag == _NITF_HL1:
            self.header.setdefault("headline", text)
        elif tag == _NITF_BYLINE:
            self.header.setdefault("bylines", (_BY.sub("", text),))
        elif tag == _NITF_DATELINE:
            self.header.setdefault("dateline", _dateline(text, None))
        elif tag == _NITF_TAGLINE:
            self.trailer.append(text)

    def _heading(self, element: etree._Element, tag: str, text: str) -> None:
        if not text:
            return
        parent = element.getparent()
        in_hedline = parent is not None and parent.tag == _NITF_HEDLINE
        if in_hedline:
            self.header.setdefault("subheadline", text)
            return
        if tag == f"{{{XHTML}}}h1" and "headline" not in self.header and not self.lead:
            self.header["headline"] = text
            return
        self.close()
        self.heading = text

    def _paragraph(self, element: etree._Element, text: str) -> None:
        parent = element.getparent()
        place = self.places.get(parent)
        if place is None:  # paragraphs mostly share a parent: ask its ancestors once
            place = self.places[parent] = _paragraph_place(parent)
        if place == "trailer":
            self.trailer.append(text)
            return
        if place == "outside":
            return
        if self.heading is None:
            self.lead.append(text)
        else:
            self.paragraphs.append(text)

    def close(self) -> None:
        if self.heading is not None:
            self.sections.append(Section(heading=self.heading, paragraphs=tuple(self.paragraphs)))
        self.heading, self.paragraphs = None, []


def _paragraph_place(element: etree._Element | None) -> str:
    """Where paragraphs inside ``element`` belong: ``trailer``, ``outside`` or ``body``.

    The nearest of the element and its ancestors that says so decides: a ``trailer``
    class, or NITF's ``body.head`` and ``body.end``.
    """
    while element is not None:
        classes = element.get("class")
        if classes is not None and "trailer" in classes.split():
            return "trailer"
        if element.tag in _NITF_OUTSIDE_BODY:
            return "outside"
        element = element.getparent()
    return "body"


def _read_body(inline: etree._Element) -> _Body:
    parts = _Body(exact=inline.get(newsdoc("body")) == "generated")
    for element in inline.iter(*_BODY_TAGS):
        parts.visit(element)
    parts.close()
    return parts


def body_digest(body: BodyParts, header: dict[str, Any]) -> str:
    """A fingerprint of a body and the header fields its rendition states."""
    lead, sections, trailer = body
    # Plain tuples of strings: their repr is quick and says exactly what they hold.
    headed = tuple((section.heading, section.paragraphs) for section in sections)
    state = repr((lead, headed, trailer, sorted(header.items())))
    return hashlib.sha1(state.encode("utf-8"), usedforsecurity=False).hexdigest()


def body_of(inline: etree._Element) -> tuple[BodyParts, dict[str, Any]]:
    """What a body rendition holds, and the header fields it states.

    Returns:
        ``(lead, sections, trailer)``, and the headline, subheadline, bylines and dateline
        the rendition states, by field name.
    """
    parts = _read_body(inline)
    return (tuple(parts.lead), tuple(parts.sections), tuple(parts.trailer)), parts.header


def _datetime(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _dateline(text: str, place: str | None) -> Dateline:
    if place and text == place:
        return Dateline(place=place)
    if place and text.startswith(f"{place}, "):
        return Dateline(place=place, date=text[len(place) + 2 :])
    match = _DATELINE.fullmatch(text)
    if match is None:
        return Dateline(place=text)
    return Dateline(place=match["place"], date=match["date"])
