"""The XHTML body dialect: reading a body's paragraphs, headings and trailer, and writing them.

Reading and writing mirror each other. A body is the lead paragraphs, each section as a
``<div class="section">`` opened by an ``<h2>``, and the trailer as a
``<div class="trailer">``. Read, every ``p`` and ``li`` is a paragraph, ``h1`` to ``h6`` open
sections (an ``h1`` before any paragraph is the headline), and paragraphs inside an element
of class ``trailer`` are trailer lines.

Inline markup in body paragraphs becomes :class:`~newsdoc.Mark` data over the paragraph's
text: ``em`` and ``i`` are emphasis, ``strong`` and ``b`` strong, ``a`` a link (its
``href`` apart, its other attributes kept on the mark), and a ``span`` whose first class is
``person``, ``organization`` or ``location`` names that entity. Marks are written back as
``em``, ``strong``, ``a`` and such a ``span``, split where they overlap.

Both directions take the namespace as a parameter: :data:`XHTML`'s for NewsML-G2 and
ninjs ``body_xhtml``, or ``None`` for HTML, whose elements are in no namespace.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import cache
from typing import Any

import attrs
from lxml import etree

from newsdoc.errors import ValidationError
from newsdoc.formats._body import Body, fold_body, sub_element, tag_names
from newsdoc.formats._marks import ElementFor, Markup, MarkupOf, inline, marks_of, write_marked
from newsdoc.model import Article, Mark, MarkKind

__all__ = ["XHTML", "read", "reads_whole", "write", "write_content", "write_marks"]

XHTML = "http://www.w3.org/1999/xhtml"
"""The XHTML namespace."""


_ENTITIES = {
    kind.value: kind for kind in (MarkKind.PERSON, MarkKind.ORGANIZATION, MarkKind.LOCATION)
}
_WRITTEN = {MarkKind.EMPHASIS: "em", MarkKind.STRONG: "strong", MarkKind.LINK: "a"}


@attrs.frozen
class _Tags:
    paragraphs: frozenset[str]
    headings: frozenset[str]
    h1: str
    br: str
    walked: tuple[str, ...]
    markup_of: MarkupOf
    written: dict[MarkKind, str]
    containers: frozenset[str]
    """Elements that only hold paragraphs and headings: nothing of theirs is read."""
    same: dict[str, str]
    """Inline elements read as the one newsdoc writes."""


@cache
def _tags(namespace: str | None) -> _Tags:
    p, li, *headings = tag_names(namespace, "p", "li", "h1", "h2", "h3", "h4", "h5", "h6")
    em, i, strong, b, a, span = tag_names(namespace, "em", "i", "strong", "b", "a", "span")
    kinds = {em: MarkKind.EMPHASIS, i: MarkKind.EMPHASIS, strong: MarkKind.STRONG,
             b: MarkKind.STRONG, a: MarkKind.LINK}  # fmt: skip

    def markup_of(element: etree._Element) -> Markup | None:
        kind = kinds.get(element.tag)
        if kind is MarkKind.LINK:
            return kind, element.get("href"), _attributes(element, "href")
        if kind is not None:
            return kind, None, _attributes(element)
        if element.tag == span:
            return _entity(element)
        return None

    written = {kind: tag_names(namespace, name)[0] for kind, name in _WRITTEN.items()}
    written.update(dict.fromkeys(_ENTITIES.values(), span))
    return _Tags(
        paragraphs=frozenset((p, li)),
        headings=frozenset(headings),
        h1=headings[0],
        br=tag_names(namespace, "br")[0],
        walked=(p, li, *headings),
        markup_of=markup_of,
        written=written,
        containers=frozenset(tag_names(namespace, "div", "section", "article", "main", "body")),
        same={b: strong, i: em},
    )


def _entity(span: etree._Element) -> Markup | None:
    """A ``span`` whose first class names an entity kind, as that entity's markup."""
    written = (span.get("class") or "").lstrip()
    first = written.split(maxsplit=1)[0] if written else ""
    kind = _ENTITIES.get(first)
    if kind is None:
        return None
    attributes = []
    for name, value in _attributes(span):
        if name != "class":
            attributes.append((name, value))
        elif len(written) > len(first):
            # The mark's own class follows the entity's after one space, kept as written.
            attributes.append(("class", written[len(first) + 1 :]))
    return kind, None, tuple(attributes)


def _attributes(element: etree._Element, skipped: str = "") -> tuple[tuple[str, str], ...]:
    """The element's attributes as ``(name, value)`` pairs, but for ``skipped``."""
    return tuple((str(name), str(value)) for name, value in element.items() if name != skipped)


def read(element: etree._Element, *, namespace: str | None = XHTML, exact: bool = False) -> Body:
    """Read the XHTML body in ``element`` (an ``html``, a ``body``, a ``div`` …).

    Args:
        element: The element whose descendants are read.
        namespace: The namespace of the XHTML elements; ``None`` for none.
        exact: The body holds the model's text as is, not laid out.

    Returns:
        The body's parts, with the headline it states as ``header["headline"]``.
    """
    tags = _tags(namespace)
    body = Body(exact=exact)
    places: dict[Hashable, bool] = {}
    for each in element.iter(*tags.walked):
        tag = each.tag
        held = inline(each, tags.markup_of, br=tags.br) if len(each) else None
        if held is not None:  # inline markup, or a line break, which reads as a space
            text = held.text if exact else fold_body(held.text)
        else:
            text = body.text(each)
        if not text:
            continue
        if tag in tags.paragraphs:
            parent = each.getparent()
            in_trailer = places.get(parent)
            if in_trailer is None:  # paragraphs mostly share a parent: ask its ancestors once
                in_trailer = places[parent] = _in_trailer(parent)
            if in_trailer:
                body.trailer.append(text)
            else:
                index = body.paragraph(text)
                if held is not None:
                    body.marks += marks_of(held, index, text, exact=exact)
        elif tag == tags.h1 and "headline" not in body.header and not body.lead:
            body.header["headline"] = text
        else:
            body.heading_line(text)
    body.close()
    return body


def reads_whole(element: etree._Element, body: Body, *, namespace: str | None = XHTML) -> bool:
    """Whether :func:`read` took all that ``element`` holds into ``body``.

    It did when ``element`` holds, within plain ``div``-like containers, the same
    paragraphs and headings that writing the body back gives (its headline as an ``h1``
    first), with the same inline markup and words (``b`` standing for ``strong`` and ``i``
    for ``em``); white space may differ. Anything else (a table, an image, an attribute,
    a comment, text between paragraphs) is not in the body.
    """
    try:
        article = Article(
            lead=body.lead, sections=body.sections, trailer=body.trailer, marks=body.marks
        )
    except ValidationError:  # what the body holds is refused when its Article is made
        return False
    tags = _tags(namespace)
    written = etree.Element(element.tag)
    headline = body.header.get("headline")
    if headline is not None:
        sub_element(written, tags.h1, headline)
    write_content(written, article, namespace=namespace)
    found = _blocks(element, tags)
    return found is not None and found == _blocks(written, tags)


def _blocks(element: etree._Element, tags: _Tags) -> list[tuple[Any, ...]] | None:
    """The paragraphs and headings in ``element``; None if it holds anything else."""
    blocks: list[tuple[Any, ...]] = []

    def walk(parent: etree._Element) -> bool:
        if _squeezed(parent.text):
            return False
        for child in parent:
            if _squeezed(child.tail):
                return False
            if child.tag in tags.walked:
                if len(child) or child.attrib or _squeezed(child.text):  # else: holds nothing
                    blocks.append(_markup(child, tags))
            elif (
                child.tag not in tags.containers
                or not set(child.attrib) <= {"class"}
                or not walk(child)
            ):
                return False
        return True

    return blocks if walk(element) else None


def _markup(element: etree._Element, tags: _Tags) -> tuple[Any, ...]:
    return (
        tags.same.get(element.tag, element.tag),
        sorted(element.items()),
        _squeezed(element.text),
        [(_markup(child, tags), _squeezed(child.tail)) for child in element],
    )


def _squeezed(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _in_trailer(element: etree._Element | None) -> bool:
    """Whether ``element`` or one of its ancestors is of class ``trailer``."""
    while element is not None:
        classes = element.get("class")
        if classes is not None and "trailer" in classes.split():
            return True
        element = element.getparent()
    return False


def write(
    parent: etree._Element,
    article: Article,
    *,
    namespace: str | None = XHTML,
    marked: bool = True,
) -> etree._Element:
    """Write ``article``'s body as an XHTML document, the last child of ``parent``.

    The document's title is the headline. Read back with :func:`read`, it gives the same
    lead, sections, trailer and marks.

    Args:
        parent: The element to write into.
        article: The article.
        namespace: The namespace of the XHTML elements; ``None`` for none.
        marked: Write the marks too. Without, paragraphs are plain text until
            :func:`write_marks` adds the marks (after the document is laid out: laying out
            would change the white space between inline elements).

    Returns:
        The ``html`` element.
    """
    html_tag, head_tag, title_tag, body_tag = tag_names(namespace, "html", "head", "title", "body")
    html = etree.SubElement(parent, html_tag, nsmap={None: namespace} if namespace else None)  # type: ignore[dict-item]
    sub_element(sub_element(html, head_tag), title_tag, article.headline or "")
    write_content(sub_element(html, body_tag), article, namespace=namespace, marked=marked)
    return html


def write_content(
    parent: etree._Element,
    article: Article,
    *,
    namespace: str | None = XHTML,
    marked: bool = True,
) -> None:
    """Write ``article``'s lead, sections and trailer as children of ``parent``.

    ``marked`` is as for :func:`write`.
    """
    p, div, h2 = tag_names(namespace, "p", "div", "h2")
    for paragraph in article.lead:
        sub_element(parent, p, paragraph)
    for section in article.sections:
        block = sub_element(parent, div, **{"class": "section"})
        sub_element(block, h2, section.heading)
        for paragraph in section.paragraphs:
            sub_element(block, p, paragraph)
    if article.trailer:
        trailer = sub_element(parent, div, **{"class": "trailer"})
        for line in article.trailer:
            sub_element(trailer, p, line)
    if marked:
        write_marks(parent, article, namespace=namespace)


def write_marks(
    element: etree._Element, article: Article, *, namespace: str | None = XHTML
) -> None:
    """Put ``article``'s marks into the paragraphs :func:`write` wrote into ``element``."""
    if not article.marks:
        return
    marks: dict[int, list[Mark]] = {}
    for mark in article.marks:
        marks.setdefault(mark.span.paragraph, []).append(mark)
    element_for = _element_for(_tags(namespace))
    paragraphs = article.paragraphs
    (p,) = tag_names(namespace, "p")
    for index, written in enumerate(element.iter(p)):  # the body paragraphs come first
        if index == len(paragraphs):
            break
        if index in marks:
            written.text = None
            write_marked(written, paragraphs[index], marks[index], element_for)


def _element_for(tags: _Tags) -> ElementFor:
    def element_for(parent: etree._Element, mark: Mark) -> etree._Element:
        element = etree.SubElement(parent, tags.written[mark.kind])
        if mark.href is not None:
            element.set("href", mark.href)
        entity = mark.kind.value if mark.kind in _ENTITIES.values() else None
        if entity is not None and all(name != "class" for name, _ in mark.attributes):
            element.set("class", entity)
        for name, value in mark.attributes:
            # An entity's own class goes first, where the mark's class stood, so that
            # reading gives the attributes back in their order.
            element.set(name, f"{entity} {value}" if name == "class" and entity else value)
        return element

    return element_for
