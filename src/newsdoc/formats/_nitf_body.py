"""The NITF body dialect: reading an NITF ``body`` into an Article's parts, and writing one.

Reading and writing mirror each other:

- ``body.head``: ``hedline/hl1`` is the headline and ``hedline/hl2`` the subheadline;
  each ``byline`` is a byline (a leading ``By`` dropped); ``dateline`` is the dateline,
  its ``location`` and ``story.date`` the place and date when it marks them; ``abstract``
  is the description.
- ``body.content``: each ``p`` is a paragraph, each ``hl2`` opens a section (written as a
  ``block`` holding the heading and its paragraphs).
- ``body.end``: the ``tagline`` holds the trailer, one line between each ``br``.

Paragraphs anywhere else in ``body.head`` or ``body.end`` are not body text. Both directions
take the namespace as a parameter: NITF 3.x documents come with :data:`NITF`'s namespace
and without any.
"""

from __future__ import annotations

import re
import warnings

import attrs
from lxml import etree

from newsdoc.errors import ContentLossWarning
from newsdoc.formats._body import (
    Body,
    dateline,
    element_text,
    fold_body,
    sub_element,
    tag_names,
)
from newsdoc.model import Article, Dateline

__all__ = ["NITF", "read", "write"]

NITF = "http://iptc.org/std/NITF/2006-10-18/"
"""The namespace of NITF 3.x (``2006-10-18``)."""

_BY = re.compile(r"^[Bb]y\s+")


@attrs.frozen
class _Tags:
    p: str
    hl1: str
    hl2: str
    hedline: str
    byline: str
    dateline: str
    abstract: str
    tagline: str
    location: str
    story_date: str
    br: str
    outside: frozenset[str]
    walked: tuple[str, ...]


_NAMES = (
    "p", "hl1", "hl2", "hedline", "byline", "dateline", "abstract", "tagline", "location",
    "story.date", "br", "body.head", "body.end",
)  # fmt: skip
_TAGS: dict[str | None, _Tags] = {}


def _tags(namespace: str | None) -> _Tags:
    tags = _TAGS.get(namespace)
    if tags is None:
        names = tag_names(namespace, *_NAMES)
        p, hl1, hl2, hedline, byline, dateline_, abstract, tagline, location, story_date = names[
            :10
        ]
        tags = _TAGS[namespace] = _Tags(
            p=p,
            hl1=hl1,
            hl2=hl2,
            hedline=hedline,
            byline=byline,
            dateline=dateline_,
            abstract=abstract,
            tagline=tagline,
            location=location,
            story_date=story_date,
            br=names[10],
            outside=frozenset(names[11:]),
            walked=(p, hl1, hl2, byline, dateline_, abstract, tagline),
        )
    return tags


def read(element: etree._Element, *, namespace: str | None = NITF, exact: bool = False) -> Body:
    """Read the NITF body in ``element`` (a ``nitf``, its ``body``, or a ``body.content``).

    Args:
        element: The element whose descendants are read.
        namespace: The namespace of the NITF elements; ``None`` for none.
        exact: The body holds the model's text as is, not laid out.

    Returns:
        The body's parts, with the headline, subheadline, bylines, dateline and
        description it states in ``header``.
    """
    reader = _Reader(namespace, exact=exact)
    for each in element.iter(*reader.tags.walked):
        reader.visit(each)
    reader.body.close()
    if reader.bylines:
        reader.body.header["bylines"] = tuple(reader.bylines)
    return reader.body


class _Reader:
    def __init__(self, namespace: str | None, *, exact: bool) -> None:
        self.tags = _tags(namespace)
        self.body = Body(exact=exact)
        self.bylines: list[str] = []
        self.outside: dict[etree._Element | None, bool] = {}

    def visit(self, element: etree._Element) -> None:
        tags, body = self.tags, self.body
        tag = element.tag
        if tag == tags.tagline:
            body.trailer.extend(self._lines(element))
            return
        text = body.text(element)
        if not text:
            return
        header = body.header
        if tag == tags.p:
            if not self._is_outside(element.getparent()):
                body.paragraph(text)
        elif tag == tags.hl2:
            parent = element.getparent()
            if parent is not None and parent.tag == tags.hedline:
                header.setdefault("subheadline", text)
            else:
                body.heading_line(text)
        elif tag == tags.hl1:
            header.setdefault("headline", text)
        elif tag == tags.byline:
            self.bylines.append(_BY.sub("", text))
        elif tag == tags.dateline:
            header.setdefault("dateline", self._dateline(element, text))
        elif tag == tags.abstract:
            header.setdefault("description", text)

    def _is_outside(self, element: etree._Element | None) -> bool:
        """Whether paragraphs in ``element`` stand in ``body.head`` or ``body.end``."""
        outside = self.outside.get(element)
        if outside is None:  # paragraphs mostly share a parent: ask its ancestors once
            outside = False
            ancestor = element
            while ancestor is not None:
                if ancestor.tag in self.tags.outside:
                    outside = True
                    break
                ancestor = ancestor.getparent()
            self.outside[element] = outside
        return outside

    def _dateline(self, element: etree._Element, text: str) -> Dateline:
        place = element.find(self.tags.location)
        if place is None:
            return dateline(text)
        place_text = self.body.text(place)
        date = element.find(self.tags.story_date)
        date_text = None if date is None else self.body.text(date) or None
        if not place_text:
            return dateline(text)
        return Dateline(place=place_text, date=date_text)

    def _lines(self, tagline: etree._Element) -> list[str]:
        """The trailer lines of a tagline: its text between each ``br`` child."""
        pieces = [tagline.text or ""]
        for child in tagline:
            if child.tag == self.tags.br:
                pieces.append("")
            elif isinstance(child.tag, str):  # not a comment or processing instruction
                pieces[-1] += element_text(child)
            pieces[-1] += child.tail or ""
        lines = pieces if self.body.exact else [fold_body(piece) for piece in pieces]
        return [line for line in lines if line]


def write(parent: etree._Element, article: Article, *, namespace: str | None = NITF) -> None:
    """Write ``article``'s header and body as an NITF ``body``, the last child of ``parent``.

    ``parent`` is the ``nitf`` element (or another container); the ``body`` holds
    ``body.head`` with the headline, subheadline, bylines, dateline and description,
    ``body.content`` with the paragraphs and sections, and ``body.end`` with the trailer.
    A subheadline without a headline has no place in NITF (``hedline`` needs an ``hl1``):
    it is left out with a :class:`~newsdoc.ContentLossWarning`.
    """
    names = dict(zip(_NAMES, tag_names(namespace, *_NAMES), strict=True))
    body_tag, content_tag, block_tag = tag_names(namespace, "body", "body.content", "block")
    body = sub_element(parent, body_tag)
    _head(sub_element(body, names["body.head"]), article, names)
    content = sub_element(body, content_tag)
    for paragraph in article.lead:
        sub_element(content, names["p"], paragraph)
    for section in article.sections:
        block = sub_element(content, block_tag)
        sub_element(block, names["hl2"], section.heading)
        for paragraph in section.paragraphs:
            sub_element(block, names["p"], paragraph)
    if article.trailer:
        tagline = sub_element(sub_element(body, names["body.end"]), names["tagline"])
        tagline.text = article.trailer[0]
        for line in article.trailer[1:]:
            sub_element(tagline, names["br"]).tail = line


def _head(head: etree._Element, article: Article, names: dict[str, str]) -> None:
    if article.headline is not None:
        hedline = sub_element(head, names["hedline"])
        sub_element(hedline, names["hl1"], article.headline)
        if article.subheadline is not None:
            sub_element(hedline, names["hl2"], article.subheadline)
    elif article.subheadline is not None:
        warnings.warn(
            "NITF cannot hold a subheadline without a headline; it was left out",
            ContentLossWarning,
            stacklevel=3,
        )
    for byline in article.bylines:
        sub_element(head, names["byline"], f"By {byline}")
    if article.dateline is not None:
        line = sub_element(head, names["dateline"])
        place = sub_element(line, names["location"], article.dateline.place)
        if article.dateline.date is not None:
            place.tail = ", "
            sub_element(line, names["story.date"], article.dateline.date)
    if article.description is not None:
        sub_element(sub_element(head, names["abstract"]), names["p"], article.description)
