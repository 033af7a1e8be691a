"""The XHTML body dialect: reading a body's paragraphs, headings and trailer, and writing them.

Reading and writing mirror each other. A body is the lead paragraphs, each section as a
``<div class="section">`` opened by an ``<h2>``, and the trailer as a
``<div class="trailer">``. Read, every ``p`` and ``li`` is a paragraph, ``h1`` to ``h6`` open
sections (an ``h1`` before any paragraph is the headline), and paragraphs inside an element
of class ``trailer`` are trailer lines.

Both directions take the namespace as a parameter: :data:`XHTML`'s for NewsML-G2 and
ninjs ``body_xhtml``, or ``None`` for HTML, whose elements are in no namespace.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import cache

import attrs
from lxml import etree

from newsdoc.formats._body import Body, sub_element, tag_names
from newsdoc.model import Article

__all__ = ["XHTML", "read", "write"]

XHTML = "http://www.w3.org/1999/xhtml"
"""The XHTML namespace."""


@attrs.frozen
class _Tags:
    paragraphs: frozenset[str]
    headings: frozenset[str]
    h1: str
    walked: tuple[str, ...]


@cache
def _tags(namespace: str | None) -> _Tags:
    p, li, *headings = tag_names(namespace, "p", "li", "h1", "h2", "h3", "h4", "h5", "h6")
    return _Tags(
        paragraphs=frozenset((p, li)),
        headings=frozenset(headings),
        h1=headings[0],
        walked=(p, li, *headings),
    )


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
                body.paragraph(text)
        elif tag == tags.h1 and "headline" not in body.header and not body.lead:
            body.header["headline"] = text
        else:
            body.heading_line(text)
    body.close()
    return body


def _in_trailer(element: etree._Element | None) -> bool:
    """Whether ``element`` or one of its ancestors is of class ``trailer``."""
    while element is not None:
        classes = element.get("class")
        if classes is not None and "trailer" in classes.split():
            return True
        element = element.getparent()
    return False


def write(
    parent: etree._Element, article: Article, *, namespace: str | None = XHTML
) -> etree._Element:
    """Write ``article``'s body as an XHTML document, the last child of ``parent``.

    The document's title is the headline. Read back with :func:`read`, it gives the same
    lead, sections and trailer.

    Returns:
        The ``html`` element.
    """
    html_tag, head_tag, title_tag, body_tag = tag_names(namespace, "html", "head", "title", "body")
    html = etree.SubElement(parent, html_tag, nsmap={None: namespace} if namespace else None)  # type: ignore[dict-item]
    sub_element(sub_element(html, head_tag), title_tag, article.headline or "")
    write_content(sub_element(html, body_tag), article, namespace=namespace)
    return html


def write_content(
    parent: etree._Element, article: Article, *, namespace: str | None = XHTML
) -> None:
    """Write ``article``'s lead, sections and trailer as children of ``parent``."""
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
