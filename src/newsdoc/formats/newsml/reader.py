"""Reading NewsML-G2 ``newsItem`` and ``newsMessage`` documents into Articles.

The reader maps what the model holds and keeps everything else: every element or
attribute it does not map becomes an :class:`~newsdoc.Extension` whose path says where it
stood, so the writer can put it back and a user can see exactly what was not mapped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any, cast

from lxml import etree

from newsdoc._warn import warn
from newsdoc.errors import (
    ParseError,
    UnmappedContentError,
    UnreadContentWarning,
    ValidationError,
)
from newsdoc.formats import ReadOptions, _nitf_body, _xhtml
from newsdoc.formats._body import (
    Body,
    body_digest,
    dateline,
    element_text,
    fold_body,
    fold_layout,
)
from newsdoc.formats._xml import parse_xml
from newsdoc.formats.newsml._annotations import Annotations, read_annotations, read_generated
from newsdoc.formats.newsml._kept import (
    Loose,
    attribute_pairs,
    kept_extension,
    numbered,
    path_key,
    serialised,
    start_tag_end,
)
from newsdoc.formats.newsml._names import (
    CONCEPT_FEATURES,
    CONCEPT_LITERAL,
    CONCEPT_RANK,
    CONCEPT_RELATED,
    CONCEPT_RELATION,
    CONCEPT_TYPE,
    NAR,
    NEWSDOC,
    STANDARD_VERSION,
    XML_LANG,
    nar,
    newsdoc,
    split_tag,
)
from newsdoc.model import (
    AltId,
    Article,
    Concept,
    Extension,
    Link,
    Mark,
    Name,
    Party,
    PubStatus,
    RelatedConcept,
    Rights,
    RoleText,
    Signal,
)

__all__ = ["BODY_TYPES", "read", "read_all"]

_FORMAT = "newsml"
_TAG = {
    name: nar(name)
    for name in (
        "altId",
        "broader",
        "by",
        "contentCreated",
        "contentMeta",
        "contentModified",
        "contributor",
        "creator",
        "edNote",
        "embargoed",
        "infoSource",
        "inlineData",
        "link",
        "related",
        "sameAs",
        "service",
        "signal",
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
_TEXT_MARK, _PLACE_MARK, _GENERATED, _ANNOTATIONS, _OTHER_MARK = (
    newsdoc(name) for name in ("text", "place", "generated", "annotations", "other")
)
_LENIENT_CONCEPTS = (
    CONCEPT_FEATURES["broader"],
    CONCEPT_FEATURES["service"],
    CONCEPT_FEATURES["related"],
)
_PARTIES = {"creator": "creators", "contributor": "contributors", "infoSource": "info_sources"}
_LINK_ATTRIBUTES = (
    ("rel", "relation"), ("href", "target"), ("residref", "target_id"), ("title", "title"),
    ("contenttype", "content_type"),
)  # fmt: skip
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
_URGENCIES = frozenset("123456789")
_ASCII_DIGITS = re.compile(r"[0-9]+")


def read(data: str | bytes, options: ReadOptions) -> Article:
    """Read the only newsItem of a NewsML-G2 document.

    Raises:
        ParseError: As :func:`read_all` does, and when the document holds no text
            newsItem or several (read those with :func:`read_all`).
    """
    items = _items(parse_xml(data, _FORMAT, options.source), options)
    if len(items) != 1:
        reason = (
            "the newsMessage holds no text newsItem"
            if not items
            else f"the newsMessage holds {len(items)} text newsItems; read them with read_all"
        )
        raise ParseError(_FORMAT, reason, source=options.source)
    return _ItemReader("/newsItem", options).read(items[0])


def read_all(data: str | bytes, options: ReadOptions) -> Iterator[Article]:
    """Read every text newsItem of a NewsML-G2 ``newsItem`` or ``newsMessage`` document.

    A newsMessage's header and its items that are not text newsItems (packages, concepts,
    pictures …) are not read: each is reported with an :class:`~newsdoc.UnreadContentWarning`,
    or, with ``options.strict``, refused.

    Raises:
        ParseError: The document is not well-formed XML, is not NewsML-G2, or holds a
            value the model cannot take (the error names its path).
        UnmappedContentError: With ``options.strict``, the item holds content the model
            has no field for, or the newsMessage holds parts that are not text items.
    """
    root = parse_xml(data, _FORMAT, options.source)
    items = _items(root, options)
    for item in items:
        yield _ItemReader("/newsItem", options).read(item)


def _items(root: etree._Element, options: ReadOptions) -> list[etree._Element]:
    """The text newsItems of the document; paths in each Article are relative to its item."""
    if root.tag == _TAG["newsItem"]:
        return [root]
    if root.tag != _TAG["newsMessage"]:
        namespace, local = split_tag(root.tag)
        if local in ("newsItem", "newsMessage"):
            reason = f"the root element is in namespace {namespace!r}, not NewsML-G2's {NAR!r}"
        else:
            reason = f"expected a newsItem or newsMessage root element, found {local!r}"
        raise ParseError(_FORMAT, reason, line=_line(root), source=options.source)
    items: list[etree._Element] = []
    unread: list[str] = []
    loose = Loose()
    loose.outside(root, "/newsMessage")
    for child, tag, _, path in numbered(root, "/newsMessage", loose):
        if tag != _TAG["itemSet"]:
            unread.append(path)
            continue
        for item, item_tag, _, item_path in numbered(child, path, loose):
            if item_tag == _TAG["newsItem"] and _is_text(item):
                items.append(item)
            else:
                unread.append(item_path)
    unread.extend(extension.path for extension in loose.kept)
    if unread and options.strict:
        raise UnmappedContentError(_FORMAT, tuple(unread), source=options.source)
    for path in unread:
        warn(UnreadContentWarning(f"newsml: {path} was not read: only text newsItems are"))
    return items


def _is_text(item: etree._Element) -> bool:
    """Whether a newsItem is text: its itemClass, when it names one, is ``ninat:text``."""
    item_class = item.find(f"{_TAG['itemMeta']}/{_TAG['itemClass']}")
    return item_class is None or item_class.get("qcode", "ninat:text") == "ninat:text"


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _text(element: etree._Element, *, exact: bool = False) -> str:
    """The element's text: as is when newsdoc wrote it, else with XML layout folded.

    Text newsdoc wrote is one model line; any other (kept content put back) is empty here,
    so that it stays kept.
    """
    text = element_text(element)
    if exact:
        return text if text == text.strip() else ""
    return fold_layout(text)


class _ItemReader:
    """Reads one newsItem, collecting what it cannot map."""

    def __init__(self, base: str, options: ReadOptions) -> None:
        self.base = base
        self.options = options
        self.fields: dict[str, Any] = {}
        self.kept: list[Extension] = []
        self.loose = Loose()
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
        content = serialised(element)
        self.kept.append(kept_extension(path, content))

    def keep_attributes(
        self, element: etree._Element, path: str, mapped: tuple[str, ...] = ()
    ) -> None:
        pairs = attribute_pairs(element, mapped)
        if pairs:
            self.kept.append(kept_extension(path, attributes=pairs))

    def keep_empty(self, element: etree._Element, path: str) -> None:
        """Keep a container that holds nothing, so that it is written back."""
        if not len(element) and not element.attrib and not (element.text or "").strip():
            self.kept.append(kept_extension(path))

    def fail(self, element: etree._Element, path: str, reason: str) -> ParseError:
        return ParseError(
            _FORMAT, reason, line=_line(element), path=path, source=self.options.source
        )

    # -- the item ----------------------------------------------------------------------
    def read(self, item: etree._Element) -> Article:
        self.exact = item.get(_TEXT_MARK) == "exact"
        if item.getparent() is None:  # comments before and after a newsItem document's root
            self.loose.outside(item, self.base)
        self._root_attributes(item)
        for child, tag, count, path in numbered(item, self.base, self.loose):
            handler = _ITEM_CHILDREN.get(tag)
            if handler is None or not handler(self, child, path, count):
                self.keep(child, path)
        if self.annotations is not None:
            lead, sections = self.fields.get("lead", ()), self.fields.get("sections", ())
            self.annotations.check_anchors(lead, sections)
        for name in self.generated:
            self.fields[name] = None
        kept = self.kept + self.loose.kept
        newsml_kept = tuple(sorted(kept, key=lambda e: path_key(e.path)))
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
        pairs = tuple(
            (name, value)
            for name, value in attribute_pairs(item, ("guid", "version"))
            if _ROOT_DEFAULTS.get(name) != value
        )
        if pairs:
            self.kept.append(kept_extension(self.base, attributes=pairs))

    def _version(self, item: etree._Element, value: str) -> int:
        number = _positive_integer(value.strip())
        if number is None:
            shown = value if len(value) <= 20 else f"{value[:20]}… ({len(value)} characters)"
            raise self.fail(
                item, f"{self.base}/@version", f"version {shown!r} is not a positive integer"
            )
        return number

    # -- rightsInfo --------------------------------------------------------------------
    def rights_info(self, element: etree._Element, path: str, index: int) -> bool:
        if index != 1:
            return False
        self.keep_attributes(element, path)
        self.keep_empty(element, path)
        holder = notice = notice_uri = terms = None
        for child, tag, count, child_path in numbered(element, path, self.loose):
            # Markup inside a notice or terms (<br/>, <a>) is kept whole, never flattened.
            text = "" if len(child) else _text(child, exact=self.exact)
            if tag == _TAG["copyrightHolder"] and count == 1:
                holder = self._named(child, child_path)
                if holder is None:
                    self.keep(child, child_path)
            elif tag == _TAG["copyrightNotice"] and count == 1 and text:
                notice, href = text, child.get("href")
                if href is not None and href.strip():
                    notice_uri = href
                    self.keep_attributes(child, child_path, mapped=("href",))
                else:
                    self.keep_attributes(child, child_path)
            elif tag == _TAG["usageTerms"] and count == 1 and text:
                terms = text
                self.keep_attributes(child, child_path)
            else:
                self.keep(child, child_path)
        if holder is notice is terms is None:
            return True
        self.fields["rights"] = Rights(
            holder=holder, notice=notice, notice_uri=notice_uri, usage_terms=terms
        )
        return True

    def _named(self, element: etree._Element, path: str) -> str | None:
        """The element's first plain name, keeping its other content; None keeps nothing."""
        loose = Loose()  # taken only when the element is not kept whole
        children = list(numbered(element, path, loose))
        name = ""
        for child, tag, _, _ in children:
            if tag == _TAG["name"] and not len(child) and not child.attrib:
                name = _text(child, exact=self.exact)
                if name:
                    named = child
                    break
        if not name:
            return None
        self.keep_attributes(element, path)
        for child, _, _, child_path in children:
            if child is not named:
                self.keep(child, child_path)
        self.loose.kept.extend(loose.kept)
        return name

    # -- itemMeta ----------------------------------------------------------------------
    def item_meta(self, element: etree._Element, path: str, index: int) -> bool:
        if index != 1:
            return False
        self.keep_attributes(element, path)
        markers = list(element.iterchildren(_GENERATED))
        self.generated = read_generated(element, path, markers, self.options.source)
        lists: dict[str, list[Any]] = {
            "services": [], "editorial_notes": [], "signals": [], "links": []
        }  # fmt: skip
        for child, tag, count, child_path in numbered(element, path, self.loose):
            first = count == 1 and not len(child)
            if tag == _GENERATED:
                continue
            if tag == _TAG["provider"] and count == 1 and "provider" in self.generated:
                if _is_stand_in_provider(child):
                    continue
                self.generated.discard("provider")  # a provider of its own since: read it
            if tag == _TAG["itemClass"] and first:
                if child.get("qcode") != "ninat:text":
                    self.keep(child, child_path)
                else:
                    self.keep_attributes(child, child_path, mapped=("qcode",))
            elif tag == _TAG["provider"] and count == 1 and self._provider(child, child_path):
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
            elif not self._item_meta_more(child, tag, count, child_path, lists):
                self.keep(child, child_path)
        self._set_lists(lists)
        return True

    def _set_lists(self, lists: dict[str, list[Any]]) -> None:
        """Set each tuple-valued field that its container's children gave values to."""
        for name, values in lists.items():
            if values:
                self.fields[name] = tuple(values)

    def _item_meta_more(
        self,
        child: etree._Element,
        tag: str,
        count: int,
        path: str,
        lists: dict[str, list[Any]],
    ) -> bool:
        """Map the itemMeta children beyond the item's identity and dates."""
        value: Any = None
        if tag == _TAG["embargoed"] and count == 1:
            value = self._moment(child, path)
            if value is not None:
                self.fields["embargoed"] = value
            return value is not None
        if tag == _TAG["service"]:
            value, field = self._concept(child, path, CONCEPT_FEATURES["service"]), "services"
        elif tag == _TAG["edNote"]:
            value, field = self._leaf_text(child, path), "editorial_notes"
        elif tag == _TAG["signal"]:
            value, field = self._signal(child, path), "signals"
        elif tag == _TAG["link"]:
            value, field = self._link(child, path), "links"
        else:
            return False
        if value is None:
            return False
        lists[field].append(value)
        return True

    def _provider(self, element: etree._Element, path: str) -> bool:
        provider = self._concept(element, path, CONCEPT_FEATURES["provider"])
        self.fields["provider"] = provider
        return provider is not None

    def _concept(
        self, element: etree._Element, path: str, features: frozenset[str]
    ) -> Concept | None:
        """The element as a concept, keeping its other content; None keeps nothing.

        A subject, genre, place or provider whose values the model refuses is a ParseError
        naming it; a service, a broader, same-as or party's related concept is then kept
        whole instead.
        """
        values: dict[str, Any] = {}
        leftover: list[tuple[str, str]] = []
        for name, value in cast("list[tuple[str, str]]", element.items()):  # one lxml call
            if value and (
                name in ("qcode", "uri")
                or (name == "type" and CONCEPT_TYPE in features and _is_token(value))
                or (name == "literal" and CONCEPT_LITERAL in features and value.strip())
            ):
                values["kind" if name == "type" else name] = value
            elif (
                name == "rank"
                and CONCEPT_RANK in features
                and len(value) <= 18
                and _ASCII_DIGITS.fullmatch(value)
            ):
                values["rank"] = int(value)
            elif name == "rel" and CONCEPT_RELATION in features and _is_token(value):
                continue  # the relation: the caller reads it
            else:
                leftover.append(("xml:lang" if name == XML_LANG else name, value))
        text = element.text
        if not len(element) and (text is None or (text.isspace() and text.isascii())):
            children: list[tuple[etree._Element, str, int, str]] = []  # most related concepts
            loose = None
        else:
            loose = Loose()  # taken only when the element is not kept whole
            children = list(numbered(element, path, loose))
        names = self._names(children) if children else []
        if not ("qcode" in values or "uri" in values or names or "literal" in values):
            return None
        related: set[etree._Element] = set()
        if CONCEPT_RELATED in features and len(children) > len(names):
            for child, tag, _, child_path in children:
                if tag in (_TAG["broader"], _TAG["sameAs"]):
                    concept = self._concept(child, child_path, CONCEPT_FEATURES["broader"])
                    if concept is not None:
                        related.add(child)
                        field = "broader" if tag == _TAG["broader"] else "same_as"
                        values.setdefault(field, []).append(concept)
        if len(names) == 1 and names[0][1].language is None:
            values["name"] = names[0][1].text
        elif names:
            values["names"] = tuple(name for _, name, _ in names)
        try:
            concept = Concept(**values)
        except ValidationError as exc:
            if features in _LENIENT_CONCEPTS:
                return None
            raise self.fail(element, path, str(exc)) from exc
        if children:
            named = {child: others for child, _, others in names}
            for child, _, _, child_path in children:
                others = named.get(child)
                if others is None:
                    if child not in related:
                        self.keep(child, child_path)
                elif others:
                    self.kept.append(kept_extension(child_path, attributes=others))
        if loose is not None:
            self.loose.kept.extend(loose.kept)
        if leftover:
            leftover.sort()
            self.kept.append(kept_extension(path, attributes=tuple(leftover)))
        return concept

    def _names(
        self, children: list[tuple[etree._Element, str, int, str]]
    ) -> list[tuple[etree._Element, Name, tuple[tuple[str, str], ...]]]:
        """The plain ``name`` children a concept maps: text only, in a valid language.

        Each comes with its other attributes, to keep. The first may carry some (a role);
        later ones with other attributes are kept whole.
        """
        names: list[tuple[etree._Element, Name, tuple[tuple[str, str], ...]]] = []
        name_tag = _TAG["name"]
        for child, tag, _, _ in children:
            if tag != name_tag or len(child):
                continue
            text = _text(child, exact=self.exact)
            if not text:
                continue
            language = None
            others: list[tuple[str, str]] = []
            for attribute, value in cast("list[tuple[str, str]]", child.items()):
                if attribute == XML_LANG:
                    language = value
                else:
                    others.append((attribute, value))
            if (language is not None and not _LANGUAGE_TAG.fullmatch(language)) or (
                names and others
            ):
                continue
            others.sort()
            names.append((child, Name(text=text, language=language), tuple(others)))
        return names

    def _party(self, element: etree._Element, path: str) -> Party | None:
        """The element as a party, keeping its other content; None keeps nothing."""
        values: dict[str, Any] = {}
        mapped: list[str] = []
        for attribute, field in (("qcode", "qcode"), ("uri", "uri")):
            value = element.get(attribute)
            if value and value.strip():
                values[field] = value
                mapped.append(attribute)
        kind = element.get("type")
        if kind and _is_token(kind):
            values["kind"] = kind
            mapped.append("type")
        roles = element.get("role")
        if roles and roles.split():
            values["roles"] = tuple(roles.split())
            mapped.append("role")
        loose = Loose()
        children = list(numbered(element, path, loose))
        named = None
        for child, tag, _, _ in children:
            if tag == _TAG["name"] and not len(child):
                text = _text(child, exact=self.exact)
                if text:
                    named, values["name"] = child, text
                    break
        if not ("qcode" in values or "uri" in values or named is not None):
            return None
        related: list[RelatedConcept] = []
        for child, tag, _, child_path in children:
            if child is named:
                self.keep_attributes(child, child_path)
            elif tag != _TAG["related"] or not self._related(child, child_path, related):
                self.keep(child, child_path)
        if related:
            values["related"] = tuple(related)
        party = Party(**values)
        self.loose.kept.extend(loose.kept)
        self.keep_attributes(element, path, mapped=tuple(mapped))
        return party

    def _related(self, element: etree._Element, path: str, related: list[RelatedConcept]) -> bool:
        """Add a party's ``related`` concept, with its relation, to ``related``."""
        concept = self._concept(element, path, CONCEPT_FEATURES["related"])
        if concept is None:
            return False
        relation = element.get("rel")
        related.append(
            RelatedConcept(
                concept=concept,
                relation=relation if relation is not None and _is_token(relation) else None,
            )
        )
        return True

    def _signal(self, element: etree._Element, path: str) -> Signal | None:
        qcode = element.get("qcode")
        if qcode is None or not _is_token(qcode) or len(element) or (element.text or "").strip():
            return None
        self.keep_attributes(element, path, mapped=("qcode",))
        return Signal(qcode=qcode)

    def _link(self, element: etree._Element, path: str) -> Link | None:
        values: dict[str, Any] = {}
        mapped: list[str] = []
        for attribute, field in _LINK_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None:
                values[field], mapped = value, [*mapped, attribute]
        version = element.get("version")
        if version is not None and _positive_integer(version) is not None:
            values["version"], mapped = _positive_integer(version), [*mapped, "version"]
        if len(element) or (element.text or "").strip():
            return None
        try:
            link = Link(**values)
        except ValidationError:
            return None
        self.keep_attributes(element, path, mapped=tuple(mapped))
        return link

    def _leaf_text(self, element: etree._Element, path: str) -> str | None:
        """The text of an element that holds only text, its attributes kept; else None."""
        if len(element):
            return None
        text = _text(element, exact=self.exact)
        if not text:
            return None
        self.keep_attributes(element, path)
        return text

    def _moment(self, element: etree._Element, path: str) -> dt.datetime | None:
        """The element's timezone-aware datetime, its attributes kept; else None."""
        moment = None if len(element) else _datetime(_text(element))
        if moment is not None:
            self.keep_attributes(element, path)
        return moment

    # -- contentMeta -------------------------------------------------------------------
    def content_meta(self, element: etree._Element, path: str, index: int) -> bool:
        if index != 1:
            return False
        self.keep_attributes(element, path)
        self.keep_empty(element, path)
        lists: dict[str, list[Any]] = {
            "genres": [], "subjects": [], "keywords": [], "bylines": [], "creators": [],
            "contributors": [], "info_sources": [], "alt_ids": [], "other_headlines": [],
            "other_descriptions": [],
        }  # fmt: skip
        for child, tag, count, child_path in numbered(element, path, self.loose):
            if not self._content_meta_child(child, tag, count, child_path, lists):
                self.keep(child, child_path)
        self._set_lists(lists)
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
        if tag == _TAG["urgency"] and count == 1 and not len(child):
            if text not in _URGENCIES:
                shown = text if len(text) <= 20 else f"{text[:20]}… ({len(text)} characters)"
                raise self.fail(child, path, f"urgency {shown!r} is not an integer from 1 to 9")
            self.keep_attributes(child, path)
            self.fields["urgency"] = int(text)
        elif tag == _TAG["located"] and count == 1:
            located = self._concept(child, path, CONCEPT_FEATURES["located"])
            if located is None:
                return False
            self.fields["located"] = located
        elif tag in (_TAG["contentCreated"], _TAG["contentModified"]) and count == 1:
            moment = self._moment(child, path)
            if moment is None:
                return False
            created = tag == _TAG["contentCreated"]
            self.fields["content_created" if created else "content_modified"] = moment
        elif split_tag(tag)[1] in _PARTIES and tag.startswith("{" + NAR):
            party = self._party(child, path)
            if party is None:
                return False
            lists[_PARTIES[split_tag(tag)[1]]].append(party)
        elif tag == _TAG["altId"]:
            return self._alt_id(child, path, lists["alt_ids"])
        elif tag == _TAG["language"] and count == 1 and child.get("tag") and not len(child):
            self.keep_attributes(child, path, mapped=("tag",))
            self.fields["language"] = child.get("tag")
        elif tag in (_TAG["genre"], _TAG["subject"]):
            concept = self._concept(child, path, CONCEPT_FEATURES[split_tag(tag)[1]])
            if concept is None:
                return False
            lists["genres" if tag == _TAG["genre"] else "subjects"].append(concept)
        elif tag in (_TAG["keyword"], _TAG["by"]) and text and not len(child):
            self.keep_attributes(child, path)
            lists["keywords" if tag == _TAG["keyword"] else "bylines"].append(text)
        elif tag == _TAG["headline"] and text and not len(child):
            if not child.get(_OTHER_MARK) and self._headline(child, path, text):
                return True
            return self._role_text(child, path, text, lists["other_headlines"])
        elif tag == _TAG["description"] and (count > 1 or child.get(_OTHER_MARK)):
            if not text or len(child):
                return False
            return self._role_text(child, path, text, lists["other_descriptions"])
        elif tag == _TAG["dateline"] and count == 1 and text and not len(child):
            self.keep_attributes(child, path, mapped=(_PLACE_MARK,))
            self.fields["dateline"] = dateline(text, child.get(_PLACE_MARK))
        elif tag == _TAG["slugline"] and count == 1:
            return self._slugline(child, path, text)
        elif tag in (_TAG["creditline"], _TAG["description"]) and count == 1:
            if not text or len(child):
                return False
            self.keep_attributes(child, path)
            self.fields[split_tag(tag)[1]] = text
        elif tag == _ANNOTATIONS:
            self._annotations(child, path)
        else:
            return False
        return True

    def _slugline(self, child: etree._Element, path: str, text: str) -> bool:
        if not text or len(child):
            return False
        separator = child.get("separator")
        if separator and len(f"{separator}x".splitlines()) == 1:
            self.fields["slugline_separator"] = separator
            self.keep_attributes(child, path, mapped=("separator",))
        else:
            self.keep_attributes(child, path)
        self.fields["slugline"] = text
        return True

    def _alt_id(self, child: etree._Element, path: str, alt_ids: list[AltId]) -> bool:
        kind = child.get("type")
        text = "" if len(child) else _text(child, exact=self.exact)
        if not text or "\n" in text or (kind is not None and not _is_token(kind)):
            return False
        try:
            alt_id = AltId(value=text, kind=kind)
        except ValidationError:
            return False
        self.keep_attributes(child, path, mapped=("type",))
        alt_ids.append(alt_id)
        return True

    def _role_text(
        self, child: etree._Element, path: str, text: str, texts: list[RoleText]
    ) -> bool:
        """A further headline or description, with its role and language."""
        role, language = child.get("role"), child.get(XML_LANG)
        if (role is not None and not _is_token(role)) or (
            language is not None and not _LANGUAGE_TAG.fullmatch(language)
        ):
            return False
        texts.append(RoleText(text=text, role=role, language=language))
        self.keep_attributes(child, path, mapped=("role", XML_LANG, _OTHER_MARK))
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
        self.keep_empty(element, path)
        children = list(numbered(element, path, self.loose))
        plain = None
        if not any(child.get("contenttype") in BODY_TYPES for child, _, _, _ in children):
            plain = next((child for child, _, _, _ in children if _plain_text(child)), None)
        for child, _, _, child_path in children:
            if child is plain:
                self.body_found = True
                self._plain_body(child)
                self._retain_body(child, child_path)
                continue
            if not self.body_found and child.get("contenttype") in BODY_TYPES:
                self.body_found = True
                self._body(child)
                if child.get(newsdoc("body")) != "generated":
                    self._retain_body(child, child_path)
                continue
            self.keep(child, child_path)
        return True

    def _plain_body(self, inline: etree._Element) -> None:
        """A plain-text body: paragraphs parted by blank lines, or one a line without any."""
        self.fields["lead"] = _plain_paragraphs(inline.text or "")
        self.fields["sections"] = self.fields["trailer"] = ()

    def _retain_body(self, inline: etree._Element, path: str) -> None:
        fields = self.fields
        digest = body_digest(
            (fields["lead"], fields["sections"], fields["trailer"]),
            {field: fields[field] for field in self.body_header},
            fields.get("marks", ()),
        )
        # Mark the start tag with what the writer needs to decide whether the rendition
        # still says what the Article says, without reading it again.
        content = serialised(inline)
        end = start_tag_end(content)
        start_tag = content[:end]
        prefix, number = "nd", 0
        while f" xmlns:{prefix}=" in start_tag and f' xmlns:{prefix}="{NEWSDOC}"' not in start_tag:
            number += 1  # the rendition binds nd to a namespace of its own
            prefix = f"nd{number}"
        binding = f' xmlns:{prefix}="{NEWSDOC}"'
        marks = "" if binding in start_tag else binding
        marks += f' {prefix}:header="{" ".join(self.body_header)}" {prefix}:digest="{digest}"'
        content = content[:end] + marks + content[end:]
        self.retained.append(kept_extension(path, content))

    def _body(self, inline: etree._Element) -> None:
        parts = _read_body(inline)
        self.fields["lead"], self.fields["sections"], self.fields["trailer"] = parts.parts()
        if parts.marks:
            self.fields["marks"] = _held(parts)
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


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def _is_stand_in_provider(element: etree._Element) -> bool:
    """Whether ``element`` is the provider the writer stands in for an unset one, as is."""
    return (
        not len(element)
        and element.items() == [("literal", "newsdoc")]
        and not (element.text or "").strip()
    )


def _plain_text(element: etree._Element) -> bool:
    """Whether ``element`` is an ``inlineData`` of plain text holding any words."""
    content_type = element.get("contenttype") or ""
    return (
        element.tag == _TAG["inlineData"]
        and content_type.split(";")[0].strip() == "text/plain"
        and not len(element)
        and bool(_plain_paragraphs(element.text or ""))
    )


def _plain_paragraphs(text: str) -> tuple[str, ...]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pieces = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return tuple(folded for piece in pieces if (folded := fold_body(piece)))


def _is_token(value: str) -> bool:
    """Whether an attribute value is one code: not empty, no white space anywhere."""
    return bool(value) and len(value.split()) == 1 and value == value.strip()


def _positive_integer(text: str) -> int | None:
    """``text`` as a positive integer, if it is one in ASCII digits Python can convert."""
    if _ASCII_DIGITS.fullmatch(text) is None:
        return None
    try:
        number = int(text)
    except ValueError:  # more digits than Python converts
        return None
    return number if number >= 1 else None


def _datetime(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _read_body(inline: etree._Element) -> Body:
    """The body an inlineXML rendition holds, in the dialect its content is in.

    The rendition's first element tells the dialect by its namespace; one in no namespace
    (``<div><p>``, ``<nitf>``), or in NewsML-G2's own (a body that left the item's default
    namespace in force) is read in that namespace, in the dialect its content type names.
    """
    exact = inline.get(newsdoc("body")) == "generated"
    first = next((child for child in inline if isinstance(child.tag, str)), None)
    namespace = None if first is None else split_tag(first.tag)[0]
    if namespace == _nitf_body.NITF:
        return _nitf_body.read(inline, namespace=namespace, exact=exact)
    if namespace == _xhtml.XHTML:
        return _xhtml.read(inline, namespace=namespace, exact=exact)
    is_nitf = inline.get("contenttype") == "application/nitf+xml"
    if namespace not in (None, NAR):  # another: the dialect's elements may stand inside
        namespace = _nitf_body.NITF if is_nitf else _xhtml.XHTML
    if is_nitf:
        return _nitf_body.read(inline, namespace=namespace, exact=exact)
    return _xhtml.read(inline, namespace=namespace, exact=exact)


def _held(body: Body) -> tuple[Mark, ...] | list[Mark]:
    """The body's marks as an Article holds them, for the digest the writer compares."""
    try:
        return Article(lead=body.lead, sections=body.sections, marks=body.marks).marks
    except ValidationError:  # refused again, with the item's place, when the item is built
        return body.marks
