"""Writing an Article as a NewsML-G2 ``newsItem`` that validates against the 2.35 schema.

The body is XHTML in ``contentSet/inlineXML``. Attributions, events and extension data of
other formats travel in newsdoc's own namespace at contentMeta's extension point, where the
schema admits elements of other namespaces. Values the schema requires but the Article
lacks (guid, version, versionCreated, provider) are filled in and listed in an
``nd:generated`` element, so that reading gives them back as unset. Content kept from a
NewsML-G2 source (``Extension`` data of format ``newsml``) is put back where it stood.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from lxml import etree

from newsdoc._warn import warn
from newsdoc.errors import ContentLossWarning, SerializationError
from newsdoc.formats import _xhtml
from newsdoc.formats._body import body_digest, sub_element
from newsdoc.formats._dateline import dateline_text
from newsdoc.formats._xml import parse_fragments
from newsdoc.formats.newsml._annotations import write_annotations, write_generated
from newsdoc.formats.newsml._kept import Tree, parse_kept, put_back, put_loose, start_tag_end
from newsdoc.formats.newsml._names import (
    CONCEPT_FEATURES,
    CONCEPT_LITERAL,
    CONCEPT_RANK,
    CONCEPT_RELATED,
    CONCEPT_TYPE,
    NAR,
    NEWSDOC,
    STANDARD_VERSION,
    XML_LANG,
    nar,
    newsdoc,
    split_tag,
)
from newsdoc.model import Article, Concept, Extension, Link, Party, RoleText

__all__ = ["write"]

_FORMAT = "newsml"
_NSMAP = {None: NAR, "nd": NEWSDOC}
# Kept content in no namespace needs a default namespace it can stand in unchanged.
_PREFIXED_NSMAP = {"nar": NAR, "nd": NEWSDOC}
_BODY_MARKS = re.compile(
    r' (?P<prefix>nd\d*):header="(?P<header>[^"]*)" (?P=prefix):digest="(?P<digest>[0-9a-f]+)"'
)
_EMPTY_UNLESS_KEPT = (nar("contentMeta"), nar("contentSet"))


def write(article: Article) -> str:
    """Write ``article`` as a standalone NewsML-G2 newsItem.

    Raises:
        SerializationError: A text holds characters XML 1.0 cannot carry, or kept
            extension data is not well-formed XML.
    """
    try:
        root = _Writer(article).item()
    except ValueError as exc:  # lxml refuses control characters and malformed fragments
        raise SerializationError(_FORMAT, str(exc)) from exc
    # Laid out already: pretty printing would also lay out kept content, changing it.
    # Comments kept from before or after the root element stand beside it.
    beside = root.getprevious() is not None or root.getnext() is not None
    body = etree.tostring(root.getroottree() if beside else root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _now() -> dt.datetime:
    """The time of writing, in UTC to the second; tests replace it to write fixed items."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _lost(what: str) -> None:
    warn(ContentLossWarning(f"NewsML-G2 cannot hold {what}; it was left out"))


def _concept(parent: etree._Element, name: str, concept: Concept) -> etree._Element:
    features = CONCEPT_FEATURES[name]
    element = sub_element(parent, nar(name))
    if concept.qcode is not None:
        element.set("qcode", concept.qcode)
    if concept.uri is not None:
        element.set("uri", concept.uri)
    optional = (
        (CONCEPT_LITERAL, "literal", concept.literal),
        (CONCEPT_TYPE, "type", concept.kind),
        (CONCEPT_RANK, "rank", None if concept.rank is None else str(concept.rank)),
    )
    for feature, attribute, value in optional:
        if value is None:
            continue
        if feature in features:
            element.set(attribute, value)
        else:
            _lost(f"the {attribute} of a {name}")
    if concept.names:
        for each in concept.names:
            written = sub_element(element, nar("name"), each.text)
            if each.language is not None:
                written.set(XML_LANG, each.language)
    elif concept.name is not None:
        sub_element(element, nar("name"), concept.name)
    if concept.same_as or concept.broader:
        if CONCEPT_RELATED not in features:
            _lost(f"the broader and same-as concepts of a {name}")
        else:
            for related in concept.same_as:
                _concept(element, "sameAs", related)
            for related in concept.broader:
                _concept(element, "broader", related)
    return element


def _party(parent: etree._Element, name: str, party: Party) -> None:
    element = sub_element(parent, nar(name))
    for attribute, value in (("qcode", party.qcode), ("uri", party.uri), ("type", party.kind)):
        if value is not None:
            element.set(attribute, value)
    if party.roles:
        element.set("role", " ".join(party.roles))
    if party.name is not None:
        sub_element(element, nar("name"), party.name)
    for related in party.related:
        concept = _concept(element, "related", related.concept)
        if related.relation is not None:
            concept.set("rel", related.relation)


def _role_text(parent: etree._Element, name: str, text: RoleText) -> None:
    # Marked, so that reading gives it back as a further one even when it comes first.
    element = sub_element(parent, nar(name), text.text, **{newsdoc("other"): "true"})
    if text.role is not None:
        element.set("role", text.role)
    if text.language is not None:
        element.set(XML_LANG, text.language)


def _link(parent: etree._Element, link: Link) -> None:
    element = sub_element(parent, nar("link"))
    values = (
        ("rel", link.relation), ("href", link.target), ("residref", link.target_id),
        ("version", None if link.version is None else str(link.version)),
        ("title", link.title), ("contenttype", link.content_type),
    )  # fmt: skip
    for attribute, value in values:
        if value is not None:
            element.set(attribute, value)


class _Writer:
    def __init__(self, article: Article) -> None:
        self.article = article
        kept = [e for e in article.extensions if e.format == _FORMAT]
        self.kept_paths = {e.path for e in kept if e.content}  # elements kept whole
        self.kept = kept
        self.generated: list[str] = []
        # Header fields (headline, bylines …) the reader took from the body rendition; they
        # go back inside that rendition, not into contentMeta, while they are unchanged.
        self.body_header: frozenset[str] = frozenset()
        self.body: etree._Element | None = None  # the XHTML body written anew

    def is_kept(self, path: str) -> bool:
        return path in self.kept_paths

    def item(self) -> etree._Element:
        a = self.article
        rendition = self._unchanged_body()  # takes the rendition out of self.kept
        elements, attributes, loose = parse_kept(self.kept, rendition)
        for extension, fragment in elements:
            if extension is rendition and fragment is not None:
                _unmarked(fragment)
        in_no_namespace = any(
            fragment is not None and not str(fragment.tag).startswith("{")
            for _, fragment in elements
        )
        nsmap = _PREFIXED_NSMAP if in_no_namespace else _NSMAP
        root = etree.Element(nar("newsItem"), nsmap=nsmap)  # type: ignore[arg-type]
        root.set("standard", "NewsML-G2")
        root.set("standardversion", STANDARD_VERSION)
        root.set(newsdoc("text"), "exact")  # texts are the model's, not laid out
        root.set("guid", a.id if a.id is not None else self._generated("id", _guid(a)))
        root.set(
            "version", str(a.version) if a.version is not None else self._generated("version", "1")
        )
        self._rights(root)
        self._item_meta(root)
        self._content_meta(root)
        self._content_set(root, write_body=rendition is None)
        etree.indent(root)
        if self.body is not None:  # inline markup is not laid out: its white space is text
            _xhtml.write_marks(self.body, a)
        tree = Tree(root, "/newsItem")
        put_back(tree, elements, attributes)
        children = tree.children(root)
        for container in _EMPTY_UNLESS_KEPT:
            if container in children.tags:  # the first one, which kept content may precede
                element = children.elements[children.tags.index(container)]
                inside = f"/newsItem/{split_tag(container)[1]}[1]/"
                if (
                    len(element) == 0
                    and not element.attrib
                    and element not in tree.kept_empty
                    and not any(kept.path.startswith(inside) for kept in loose)
                ):
                    _remove(element)
        put_loose(tree, loose)  # after removing, so no text goes with what is removed
        return root

    def _generated(self, field: str, value: str) -> str:
        self.generated.append(field)
        return value

    def _rights(self, root: etree._Element) -> None:
        rights = self.article.rights
        if rights is None:
            return
        info = sub_element(root, nar("rightsInfo"))
        if rights.holder is not None:
            sub_element(sub_element(info, nar("copyrightHolder")), nar("name"), rights.holder)
        if rights.notice is not None:
            notice = sub_element(info, nar("copyrightNotice"), rights.notice)
            if rights.notice_uri is not None:
                notice.set("href", rights.notice_uri)
        if rights.usage_terms is not None:
            sub_element(info, nar("usageTerms"), rights.usage_terms)

    def _item_meta(self, root: etree._Element) -> None:
        a = self.article
        meta = sub_element(root, nar("itemMeta"))
        if not self.is_kept("/newsItem/itemMeta[1]/itemClass[1]"):
            sub_element(meta, nar("itemClass"), qcode="ninat:text")
        if a.provider is not None:
            _concept(meta, "provider", a.provider)
        elif not self.is_kept("/newsItem/itemMeta[1]/provider[1]"):
            self.generated.append("provider")
            sub_element(meta, nar("provider"), literal="newsdoc")
        if a.updated is not None:
            sub_element(meta, nar("versionCreated"), _timestamp(a.updated))
        elif not self.is_kept("/newsItem/itemMeta[1]/versionCreated[1]"):
            # A version is never older than its item: firstCreated, else the time of writing.
            stand_in = _timestamp(a.created if a.created is not None else _now())
            sub_element(meta, nar("versionCreated"), self._generated("updated", stand_in))
        if a.created is not None:
            sub_element(meta, nar("firstCreated"), _timestamp(a.created))
        if a.embargoed is not None:
            sub_element(meta, nar("embargoed"), _timestamp(a.embargoed))
        if a.pub_status is not None:
            sub_element(meta, nar("pubStatus"), qcode=f"stat:{a.pub_status.value}")
        for service in a.services:
            _concept(meta, "service", service)
        for note in a.editorial_notes:
            sub_element(meta, nar("edNote"), note)
        for signal in a.signals:
            sub_element(meta, nar("signal"), qcode=signal.qcode)
        for link in a.links:
            _link(meta, link)
        if self.generated:
            write_generated(meta, self.generated)

    def _content_meta(self, root: etree._Element) -> None:
        a = self.article
        carried = self.body_header
        meta = sub_element(root, nar("contentMeta"))
        if a.urgency is not None:
            sub_element(meta, nar("urgency"), str(a.urgency))
        if a.content_created is not None:
            sub_element(meta, nar("contentCreated"), _timestamp(a.content_created))
        if a.content_modified is not None:
            sub_element(meta, nar("contentModified"), _timestamp(a.content_modified))
        if a.located is not None:
            _concept(meta, "located", a.located)
        for name, parties in (
            ("infoSource", a.info_sources), ("creator", a.creators),
            ("contributor", a.contributors),
        ):  # fmt: skip
            for party in parties:
                _party(meta, name, party)
        for alt_id in a.alt_ids:
            sub_element(
                meta,
                nar("altId"),
                alt_id.value,
                **({} if alt_id.kind is None else {"type": alt_id.kind}),
            )
        if a.language is not None:
            sub_element(meta, nar("language"), tag=a.language)
        for genre in a.genres:
            _concept(meta, "genre", genre)
        for keyword in a.keywords:
            sub_element(meta, nar("keyword"), keyword)
        for subject in a.subjects:
            _concept(meta, "subject", subject)
        if a.slugline is not None:
            slugline = sub_element(meta, nar("slugline"), a.slugline)
            if a.slugline_separator is not None:
                slugline.set("separator", a.slugline_separator)
        if a.headline is not None and "headline" not in carried:
            sub_element(meta, nar("headline"), a.headline)
        if a.subheadline is not None and "subheadline" not in carried:
            sub_element(meta, nar("headline"), a.subheadline, role="hlrole:sub")
        for other in a.other_headlines:
            _role_text(meta, "headline", other)
        if a.dateline is not None and "dateline" not in carried:
            text = dateline_text(a.dateline)
            sub_element(meta, nar("dateline"), text, **{newsdoc("place"): a.dateline.place})
        for byline in () if "bylines" in carried else a.bylines:
            sub_element(meta, nar("by"), byline)
        if a.creditline is not None:
            sub_element(meta, nar("creditline"), a.creditline)
        if a.description is not None and "description" not in carried:
            sub_element(meta, nar("description"), a.description)
        for other in a.other_descriptions:
            _role_text(meta, "description", other)
        others = [e for e in a.extensions if e.format != _FORMAT]
        with_attributes = next((e for e in others if e.attributes), None)
        if with_attributes is not None:
            raise ValueError(
                f"the {with_attributes.format} extension at {with_attributes.path} has "
                "attributes, which NewsML-G2 cannot carry for another format"
            )
        # Attributions and events an unchanged NITF rendition marks up go back inside it.
        attributions = () if "attributions" in carried else a.attributions
        events = () if "events" in carried else a.events
        if attributions or events or others:
            write_annotations(meta, attributions, events, others)

    def _content_set(self, root: etree._Element, *, write_body: bool) -> None:
        content_set = sub_element(root, nar("contentSet"))
        if not write_body:  # the unchanged rendition goes back with the kept content
            return
        a = self.article
        if not (a.lead or a.sections or a.trailer):
            return
        inline = sub_element(content_set, nar("inlineXML"), contenttype="application/xhtml+xml")
        inline.set(newsdoc("body"), "generated")
        self.body = _xhtml.write(inline, a, marked=False)

    def _unchanged_body(self) -> Extension | None:
        """The body rendition as read, when it still says what the Article says.

        It leaves the kept content either way: a changed body is written anew.
        """
        for rendition in self.kept:
            if rendition.path.startswith("/newsItem/contentSet[1]/"):
                marks = _body_marks(rendition.content)
                if marks is not None:
                    break
        else:
            return None
        self.kept = [e for e in self.kept if e is not rendition]
        a = self.article
        fields = marks[0].split()
        digest = body_digest(
            (a.lead, a.sections, a.trailer),
            {field: getattr(a, field) for field in fields},
            a.marks,
        )
        if digest != marks[1]:
            return None
        self.body_header = frozenset(fields)
        return rendition


def _body_marks(content: str) -> tuple[str, str] | None:
    """The header fields and the digest the reader marked a body rendition's start tag with.

    A quick look for the marks first; then the start tag alone is parsed, so that text, or
    marks bound to another namespace, that only look like them are kept as they are.
    """
    end = start_tag_end(content)
    if end < 0 or _BODY_MARKS.search(content, 0, end) is None:
        return None
    start_tag = f"{content[:end]}/>"
    try:
        [element] = parse_fragments([start_tag], lambda _: "a rendition's start tag")
    except ValueError:
        return None
    header, digest = element.get(newsdoc("header")), element.get(newsdoc("digest"))
    if header is None or digest is None:
        return None
    return header, digest


def _holds_no_namespace(fragment: etree._Element) -> bool:
    """Whether an element in no namespace stands in ``fragment``, at its top or inside it."""
    return any(
        isinstance(element.tag, str) and not element.tag.startswith("{")
        for element in fragment.iter()
    )


def _remove(element: etree._Element) -> None:
    """Remove ``element``, leaving the layout after it to the sibling before it."""
    parent = element.getparent()
    assert parent is not None  # the item's own containers
    previous = element.getprevious()
    if previous is not None and element.getnext() is None:
        previous.tail = element.tail
    parent.remove(element)


def _unmarked(rendition: etree._Element) -> None:
    """Take the marks the reader put on the body rendition off it."""
    for mark in ("header", "digest"):
        del rendition.attrib[newsdoc(mark)]
    # lxml's clean-up would also drop an ``xmlns=""`` that puts content in no namespace.
    if not _holds_no_namespace(rendition):
        etree.cleanup_namespaces(rendition)


def _timestamp(moment: dt.datetime) -> str:
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _guid(article: Article) -> str:
    digest = hashlib.sha1("\n".join(article.paragraphs).encode("utf-8"), usedforsecurity=False)
    return f"urn:newsdoc:unidentified:{digest.hexdigest()[:16]}"
