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
import functools
import hashlib
import re

from lxml import etree

from newsdoc.errors import SerializationError
from newsdoc.formats._xml import parse_fragments
from newsdoc.formats.newsml._annotations import write_annotations, write_generated
from newsdoc.formats.newsml._names import (
    NAR,
    NAR_PREFIX,
    NEWSDOC,
    RANK,
    STANDARD_VERSION,
    XHTML,
    XML_LANG,
    nar,
    newsdoc,
)
from newsdoc.formats.newsml.reader import body_digest
from newsdoc.model import Article, Concept, Extension

__all__ = ["write"]

_FORMAT = "newsml"
_NSMAP = {None: NAR, "nd": NEWSDOC}
_BODY_MARKS = re.compile(r' nd:header="(?P<header>[^"]*)" nd:digest="(?P<digest>[0-9a-f]+)"')
# ``{namespace}name`` with no wildcard (``*``, ``{*}``) and no ``{}`` for "no namespace".
_LITERAL_TAG = re.compile(r"\{[^{}*]+\}[^{}*]+")


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
    body = etree.tostring(root, encoding="unicode", pretty_print=True)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}'


def _now() -> dt.datetime:
    """The time of writing, in UTC to the second; tests replace it to write fixed items."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _add(
    parent: etree._Element, element_name: str, text: str | None = None, **attributes: str
) -> etree._Element:
    element = etree.SubElement(parent, element_name)
    for name, value in attributes.items():  # cheaper than lxml's attribute dict argument
        element.set(name, value)
    if text is not None:
        element.text = text
    return element


def _concept(parent: etree._Element, tag: str, concept: Concept) -> etree._Element:
    element = _add(parent, tag)
    if concept.qcode is not None:
        element.set("qcode", concept.qcode)
    if concept.uri is not None:
        element.set("uri", concept.uri)
    if concept.name is not None:
        _add(element, nar("name"), concept.name)
    return element


class _Writer:
    def __init__(self, article: Article) -> None:
        self.article = article
        kept = [e for e in article.extensions if e.format == _FORMAT]
        self.kept_paths = {e.path for e in kept}
        self.kept = kept
        self.generated: list[str] = []
        # Header fields (headline, bylines …) the reader took from the body rendition; they
        # go back inside that rendition, not into contentMeta, while they are unchanged.
        self.body_header: frozenset[str] = frozenset()

    def is_kept(self, path: str) -> bool:
        return path in self.kept_paths

    def item(self) -> etree._Element:
        a = self.article
        root = etree.Element(nar("newsItem"), nsmap=_NSMAP)  # type: ignore[arg-type]
        root.set("standard", "NewsML-G2")
        root.set("standardversion", STANDARD_VERSION)
        root.set(newsdoc("text"), "exact")  # texts are the model's, not laid out
        root.set("guid", a.id if a.id is not None else self._generated("id", _guid(a)))
        root.set(
            "version", str(a.version) if a.version is not None else self._generated("version", "1")
        )
        rendition = self._unchanged_body()  # takes the rendition out of self.kept
        elements, attributes, original_body = _parse_kept(self.kept, rendition)
        self._rights(root)
        self._item_meta(root)
        self._content_meta(root)
        self._content_set(root, original_body)
        tree = _Tree(root, "/newsItem")
        _put_back(tree, elements, attributes)
        children = tree.children(root)
        for container in (nar("contentMeta"), nar("contentSet")):
            if container in children.tags:  # the first one, which kept content may precede
                element = children.elements[children.tags.index(container)]
                if len(element) == 0 and not element.attrib:
                    root.remove(element)
        return root

    def _generated(self, field: str, value: str) -> str:
        self.generated.append(field)
        return value

    def _rights(self, root: etree._Element) -> None:
        rights = self.article.rights
        if rights is None:
            return
        info = _add(root, nar("rightsInfo"))
        if rights.holder is not None:
            _add(_add(info, nar("copyrightHolder")), nar("name"), rights.holder)
        if rights.notice is not None:
            _add(info, nar("copyrightNotice"), rights.notice)
        if rights.usage_terms is not None:
            _add(info, nar("usageTerms"), rights.usage_terms)

    def _item_meta(self, root: etree._Element) -> None:
        a = self.article
        meta = _add(root, nar("itemMeta"))
        if not self.is_kept("/newsItem/itemMeta[1]/itemClass[1]"):
            _add(meta, nar("itemClass"), qcode="ninat:text")
        if a.provider is not None:
            _concept(meta, nar("provider"), a.provider)
        elif not self.is_kept("/newsItem/itemMeta[1]/provider[1]"):
            self.generated.append("provider")
            _add(meta, nar("provider"), literal="newsdoc")
        if a.updated is not None:
            _add(meta, nar("versionCreated"), _timestamp(a.updated))
        elif not self.is_kept("/newsItem/itemMeta[1]/versionCreated[1]"):
            # A version is never older than its item: firstCreated, else the time of writing.
            stand_in = _timestamp(a.created if a.created is not None else _now())
            _add(meta, nar("versionCreated"), self._generated("updated", stand_in))
        if a.created is not None:
            _add(meta, nar("firstCreated"), _timestamp(a.created))
        if a.pub_status is not None:
            _add(meta, nar("pubStatus"), qcode=f"stat:{a.pub_status.value}")
        if self.generated:
            write_generated(meta, self.generated)

    def _content_meta(self, root: etree._Element) -> None:
        a = self.article
        carried = self.body_header
        meta = _add(root, nar("contentMeta"))
        if a.urgency is not None:
            _add(meta, nar("urgency"), str(a.urgency))
        if a.located is not None:
            _concept(meta, nar("located"), a.located)
        if a.language is not None:
            _add(meta, nar("language"), tag=a.language)
        for genre in a.genres:
            _concept(meta, nar("genre"), genre)
        for keyword in a.keywords:
            _add(meta, nar("keyword"), keyword)
        for subject in a.subjects:
            _concept(meta, nar("subject"), subject)
        if a.slugline is not None:
            _add(meta, nar("slugline"), a.slugline)
        if a.headline is not None and "headline" not in carried:
            _add(meta, nar("headline"), a.headline)
        if a.subheadline is not None and "subheadline" not in carried:
            _add(meta, nar("headline"), a.subheadline, role="hlrole:sub")
        if a.dateline is not None and "dateline" not in carried:
            text = a.dateline.place
            if a.dateline.date is not None:
                text = f"{text}, {a.dateline.date}"
            _add(meta, nar("dateline"), text, **{newsdoc("place"): a.dateline.place})
        for byline in () if "bylines" in carried else a.bylines:
            _add(meta, nar("by"), byline)
        if a.creditline is not None:
            _add(meta, nar("creditline"), a.creditline)
        if a.description is not None:
            _add(meta, nar("description"), a.description)
        others = [e for e in a.extensions if e.format != _FORMAT]
        if a.attributions or a.events or others:
            write_annotations(meta, a.attributions, a.events, others)

    def _content_set(self, root: etree._Element, original: etree._Element | None) -> None:
        content_set = _add(root, nar("contentSet"))
        if original is not None:
            content_set.append(original)
            return
        a = self.article
        if not (a.lead or a.sections or a.trailer):
            return
        inline = _add(content_set, nar("inlineXML"), contenttype="application/xhtml+xml")
        inline.set(newsdoc("body"), "generated")
        _xhtml(inline, a)

    def _unchanged_body(self) -> Extension | None:
        """The body rendition as read, when it still says what the Article says.

        It leaves the kept content either way: a changed body is written anew.
        """
        for rendition in self.kept:
            if rendition.path.startswith("/newsItem/contentSet[1]/"):
                content = rendition.content
                marks = _BODY_MARKS.search(content, 0, content.find(">") + 1)
                if marks is not None:
                    break
        else:
            return None
        self.kept = [e for e in self.kept if e is not rendition]
        a = self.article
        fields = marks["header"].split()
        digest = body_digest(
            (a.lead, a.sections, a.trailer), {field: getattr(a, field) for field in fields}
        )
        if digest != marks["digest"]:
            return None
        self.body_header = frozenset(fields)
        return rendition


def _parse_kept(
    kept: list[Extension], rendition: Extension | None
) -> tuple[list[tuple[Extension, etree._Element]], list[Extension], etree._Element | None]:
    """Kept content, parsed: one parse serves every kept element and the body rendition.

    Returns:
        The kept elements with their parsed content, shallower first; the kept attributes;
        and the unchanged body rendition without its marks, if there is one.
    """
    elements: list[Extension] = []
    attributes: list[Extension] = []
    for extension in kept:
        (attributes if "/@" in extension.path else elements).append(extension)
    elements.sort(key=_depth)  # parents are in place before their children come back
    parsed = elements if rendition is None else [*elements, rendition]
    fragments = parse_fragments([e.content for e in parsed], lambda i: _where(parsed[i]))
    body = None if rendition is None else _unmarked(fragments.pop())
    return list(zip(elements, fragments, strict=True)), attributes, body


def _unmarked(rendition: etree._Element) -> etree._Element:
    """The body rendition without the marks the reader put on it."""
    for mark in ("header", "digest"):
        del rendition.attrib[newsdoc(mark)]
    etree.cleanup_namespaces(rendition)
    return rendition


def _timestamp(moment: dt.datetime) -> str:
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _guid(article: Article) -> str:
    digest = hashlib.sha1("\n".join(article.paragraphs).encode("utf-8"), usedforsecurity=False)
    return f"urn:newsdoc:unidentified:{digest.hexdigest()[:16]}"


def _xhtml(inline: etree._Element, article: Article) -> None:
    html = etree.SubElement(inline, f"{{{XHTML}}}html", nsmap={None: XHTML})  # type: ignore[dict-item]
    head = _add(html, f"{{{XHTML}}}head")
    _add(head, f"{{{XHTML}}}title", article.headline or "")
    body = _add(html, f"{{{XHTML}}}body")
    for paragraph in article.lead:
        _add(body, f"{{{XHTML}}}p", paragraph)
    for section in article.sections:
        block = _add(body, f"{{{XHTML}}}div", **{"class": "section"})
        _add(block, f"{{{XHTML}}}h2", section.heading)
        for paragraph in section.paragraphs:
            _add(block, f"{{{XHTML}}}p", paragraph)
    if article.trailer:
        trailer = _add(body, f"{{{XHTML}}}div", **{"class": "trailer"})
        for line in article.trailer:
            _add(trailer, f"{{{XHTML}}}p", line)


# -- putting kept content back -------------------------------------------------------------


def _put_back(
    tree: _Tree, elements: list[tuple[Extension, etree._Element]], attributes: list[Extension]
) -> None:
    """Put kept elements, each parsed, and kept attributes back where they stood.

    Elements must come shallower first: what is created later only ever follows its
    namesakes, so a path, once found, keeps pointing at the same element.
    """
    by_parent: dict[str, list[tuple[int, etree._Element, str]]] = {}
    for extension, fragment in elements:
        path = extension.path
        parent_path, _, step = path.rpartition("/")
        additions = by_parent.get(parent_path)
        if additions is None:
            additions = by_parent[parent_path] = []
        additions.append((_step(step)[1], fragment, path))
    for parent_path, additions in by_parent.items():
        parent = tree.resolve(parent_path, create=True)
        if parent is None:
            raise ValueError(f"kept content at {additions[0][2]} has no place to go")
        children = tree.children(parent)
        for position, child, _ in additions:
            children.insert(position, child)
    for extension in attributes:
        element_path, _, name = extension.path.rpartition("/@")
        element = tree.resolve(element_path)
        if element is None:
            raise ValueError(f"kept attribute at {extension.path} has no element to go on")
        element.set(XML_LANG if name == "xml:lang" else name, extension.content)


def _where(extension: Extension) -> str:
    return f"kept content at {extension.path}"


class _Children:
    """An element's children and their tags: asked of lxml once, then kept up to date.

    Places are worked out on a plain list of tags, cheaper than asking the tree.
    """

    def __init__(self, parent: etree._Element) -> None:
        self.parent = parent
        self.elements = list(parent)
        self.tags = [str(child.tag) for child in self.elements]
        self.ranks = RANK.get(str(parent.tag))

    def named(self, tag: str) -> list[etree._Element]:
        pairs = zip(self.elements, self.tags, strict=True)
        return [child for child, other in pairs if other == tag]

    def insert(self, position: int, child: etree._Element) -> None:
        """Insert ``child`` as the ``position``-th of its name, where the schema orders it."""
        tag = str(child.tag)
        at = _place(self.tags, tag, position, self.ranks)
        if at < len(self.elements):
            self.elements[at].addprevious(child)
        else:
            self.parent.append(child)
        self.elements.insert(at, child)
        self.tags.insert(at, tag)


class _Tree:
    """The elements of an item by path, found, or made when kept content needs them."""

    def __init__(self, root: etree._Element, base: str) -> None:
        self.base = base
        self.found: dict[str, etree._Element | None] = {base: root}
        self.known_children: dict[etree._Element, _Children] = {}

    def children(self, parent: etree._Element) -> _Children:
        children = self.known_children.get(parent)
        if children is None:
            children = self.known_children[parent] = _Children(parent)
        return children

    def resolve(self, path: str, *, create: bool = False) -> etree._Element | None:
        """The element at ``path``; with ``create``, missing NewsML-G2 parents are added.

        Each path found on the way is remembered.
        """
        steps: list[str] = []
        known = path
        while known not in self.found:  # climb to the nearest path found before
            known, _, step = known.rpartition("/")
            if not known.startswith(self.base):
                return None
            steps.append(step)
        element = self.found[known]
        for step in reversed(steps):
            if element is None:
                return None
            element = self._child(element, step, create)
            known = f"{known}/{step}"
            self.found[known] = element
        return element

    def _child(self, parent: etree._Element, step: str, create: bool) -> etree._Element | None:
        tag, position, literal = _step(step)
        # lxml's own matching stays in charge of wildcards and of what it refuses.
        matches = self.children(parent).named(tag) if literal else list(parent.iterchildren(tag))
        if 0 < position <= len(matches):
            return matches[position - 1]
        if create and position == len(matches) + 1 and tag.startswith(NAR_PREFIX):
            created = etree.Element(tag)
            self.children(parent).insert(position, created)
            return created
        return None


def _place(tags: list[str], tag: str, position: int, ranks: dict[str, int] | None) -> int:
    """Where a ``position``-th ``tag`` goes among children with ``tags``."""
    if tag in tags:
        same = [index for index, other in enumerate(tags) if other == tag]
        return same[position - 1] if 0 < position <= len(same) else same[-1] + 1
    if ranks is not None and tag in ranks:
        rank, last = ranks[tag], len(ranks)
        for index, other in enumerate(tags):
            if ranks.get(other, last) > rank:
                return index
    return len(tags)


def _depth(extension: Extension) -> int:
    return extension.path.count("/")


@functools.lru_cache(maxsize=1024)  # feeds repeat the same steps item after item
def _step(step: str) -> tuple[str, int, bool]:
    """The tag and 1-based position a path step ``name[k]`` names, and whether it is literal.

    A literal tag is found by comparing text, which finds what lxml's tag matching finds.
    """
    if step.endswith("]"):
        name, position = step[: step.rindex("[")], int(step[step.rindex("[") + 1 : -1])
    else:
        name, position = step, 1
    tag = name if name.startswith("{") else nar(name)
    return tag, position, tag.isprintable() and _LITERAL_TAG.fullmatch(tag) is not None
