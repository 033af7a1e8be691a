"""What every body dialect shares: layout folding, the parts a body is read into, datelines.

A body dialect (:mod:`newsdoc.formats._xhtml`, :mod:`newsdoc.formats._nitf_body`) walks a
rendition's elements and hands each paragraph, heading and trailer line to a :class:`Body`,
which collects them into the lead, sections and trailer of an Article, and the header fields
(headline, bylines …) the rendition states. :func:`body_digest` fingerprints what a body
says, so that a format can tell whether a rendition it kept still says what an Article says.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from typing import Any, cast

from lxml import etree

from newsdoc.formats._dateline import dateline_from
from newsdoc.model import Dateline, Mark, Section

__all__ = [
    "Body",
    "BodyParts",
    "body_digest",
    "body_text",
    "dateline",
    "element_text",
    "fold_body",
    "fold_layout",
    "sub_element",
    "tag_names",
]

BodyParts = tuple[tuple[str, ...], tuple[Section, ...], tuple[str, ...]]
"""A body as the model holds it: lead, sections and trailer."""

# Line and paragraph separators are text in XML but line breaks to the model, whose body
# text is one line per paragraph or heading: in a body they read as a space.
_SEPARATORS_AS_SPACE = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})


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


def element_text(element: etree._Element) -> str:
    """All the text inside ``element``, as it stands."""
    if len(element):
        return "".join(cast("Iterator[str]", element.itertext()))
    return element.text or ""


def body_text(element: etree._Element) -> str:
    """A body element's text, layout folded, line and paragraph separators read as spaces."""
    return fold_body(element_text(element))


def fold_body(text: str) -> str:
    """Body text with its layout folded and line and paragraph separators read as spaces."""
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.translate(_SEPARATORS_AS_SPACE)
    return fold_layout(text)


def tag_names(namespace: str | None, *names: str) -> tuple[str, ...]:
    """The tags of ``names`` in ``namespace``: Clark names, or local names for no namespace."""
    prefix = "" if namespace is None else f"{{{namespace}}}"
    return tuple(f"{prefix}{name}" for name in names)


def sub_element(
    parent: etree._Element, tag: str, text: str | None = None, /, **attributes: str
) -> etree._Element:
    """A new last child of ``parent``, with its text and attributes."""
    element = etree.SubElement(parent, tag)
    for name, value in attributes.items():  # cheaper than lxml's attribute dict argument
        element.set(name, value)
    if text is not None:
        element.text = text
    return element


def dateline(text: str, place: str | None = None) -> Dateline:
    """A dateline from its text, ``place`` saying where its place ends when it is known.

    Without ``place``, a trailing ``, March 3`` or ``, Jan. 5, 2024`` is read as the date.
    """
    if place and text == place:
        return Dateline(place=place)
    if place and text.startswith(f"{place}, "):
        return Dateline(place=place, date=text[len(place) + 2 :])
    return dateline_from(text)


class Body:
    """Collects headline, lead, sections and trailer as a dialect reads a body.

    Attributes:
        exact: The rendition holds the model's text as is (a body newsdoc wrote); others
            are laid out freely, and their text is folded.
        lead: The paragraphs before the first section heading.
        sections: The sections closed so far.
        trailer: The trailer lines.
        header: The header fields the rendition states, by Article field name.
        marks: The inline markup over the body paragraphs.
        count: How many body paragraphs have been read.
    """

    def __init__(self, *, exact: bool) -> None:
        self.exact = exact
        self.lead: list[str] = []
        self.sections: list[Section] = []
        self.trailer: list[str] = []
        self.header: dict[str, Any] = {}
        self.marks: list[Mark] = []
        self.count = 0
        self.heading: str | None = None
        self.paragraphs: list[str] = []

    def text(self, element: etree._Element) -> str:
        """The element's text: as is in an exact body, else folded."""
        return element_text(element) if self.exact else body_text(element)

    def paragraph(self, text: str) -> int:
        """A body paragraph: in the lead until the first heading, then in its section.

        Returns:
            Its index in the Article's paragraphs.
        """
        if self.heading is None:
            self.lead.append(text)
        else:
            self.paragraphs.append(text)
        self.count += 1
        return self.count - 1

    def heading_line(self, text: str) -> None:
        """A section heading: it closes the section before it."""
        self.close()
        self.heading = text

    def close(self) -> None:
        """Close the open section, if any; call it once the body is read."""
        if self.heading is not None:
            self.sections.append(Section(heading=self.heading, paragraphs=tuple(self.paragraphs)))
        self.heading, self.paragraphs = None, []

    def parts(self) -> BodyParts:
        """Lead, sections and trailer, as the model holds them."""
        return tuple(self.lead), tuple(self.sections), tuple(self.trailer)


def body_digest(body: BodyParts, header: dict[str, Any], marks: Sequence[Mark] = ()) -> str:
    """A fingerprint of a body, the header fields its rendition states, and its marks."""
    lead, sections, trailer = body
    # Plain tuples of strings: their repr is quick and says exactly what they hold.
    headed = tuple((section.heading, section.paragraphs) for section in sections)
    state = repr((lead, headed, trailer, sorted(header.items())))
    if marks:
        state += repr(tuple(marks))
    return hashlib.sha1(state.encode("utf-8"), usedforsecurity=False).hexdigest()
