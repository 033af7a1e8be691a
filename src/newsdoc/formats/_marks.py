"""Inline markup as marks: reading it from a paragraph's elements, and writing it back.

A body dialect tells which of its inline elements are markup (:data:`MarkupOf`) and how
to write a mark as an element (:data:`ElementFor`); the rest is the same for every
dialect. Reading finds where each markup element's text starts and ends in the
paragraph's text, after the layout is folded as the paragraph's text is. Writing splits
the paragraph at every mark's start and end and nests elements so that the markup is
well-formed: a mark that overlaps another is written as several elements, which read back
as one mark again (an Article merges equal marks that touch).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import NamedTuple

from lxml import etree

from newsdoc.model import Mark, MarkKind, Span

__all__ = [
    "MAX_NESTING",
    "ElementFor",
    "Inline",
    "Markup",
    "MarkupOf",
    "inline",
    "marks_of",
    "write_marked",
]

Markup = tuple[MarkKind, "str | None", tuple[tuple[str, str], ...]]
"""What an element says as a mark: its kind, href and other attributes."""
MarkupOf = Callable[[etree._Element], "Markup | None"]
"""The markup an element stands for, or ``None`` when it is no markup."""
ElementFor = Callable[[etree._Element, Mark], etree._Element]
"""Writes a mark as a new last child of the element given, and returns that child."""

MAX_NESTING = 200
"""The most marks written one inside another: XML parsers refuse much deeper documents."""

_LAYOUT = frozenset(" \t\n\r")
_SEPARATORS = frozenset("\x85\u2028\u2029")
_KIND_ORDER = {kind: rank for rank, kind in enumerate(MarkKind)}


class Inline(NamedTuple):
    """An element's text as it stands (a ``br`` as a space) and where its markup stands."""

    text: str
    found: list[tuple[Markup, int, int]]


def inline(element: etree._Element, markup_of: MarkupOf, *, br: str | None = None) -> Inline:
    """The element's text and its markup, in one walk.

    The model's paragraphs are one line: ``open<br/>again`` reads as ``open again``.
    """
    pieces: list[str] = []
    found: list[tuple[Markup, int, int]] = []
    _walk(element, markup_of, pieces, found, 0, br=br)
    return Inline("".join(pieces), found)


def marks_of(inline: Inline, paragraph: int, text: str, *, exact: bool) -> list[Mark]:
    """The marks of the markup of a paragraph, whose text the dialect read as ``text``.

    Args:
        inline: The paragraph element's text and markup, as :func:`inline` gives them.
        paragraph: The paragraph's index in the Article's paragraphs.
        text: The paragraph's text, as the dialect read it.
        exact: ``text`` is the element's text as is; otherwise it is that text with its
            layout folded, and the marks are moved to match.

    Returns:
        A mark for each markup element that covers some of ``text``. Markup over nothing
        but white space gives no mark unless the text is ``exact``.
    """
    found = inline.found
    if not found:
        return []
    raw = inline.text
    if exact:
        folded, position = raw, None
    else:
        folded, position = _folded(raw)
    if folded != text:  # the dialect read the text otherwise: no offsets to trust
        return []
    marks = []
    for (kind, href, attributes), raw_start, raw_end in found:
        start, end = raw_start, raw_end
        if position is not None:
            start, end = position(raw_start), position(raw_end)
            if not text[start:end].strip():  # layout white space between words
                continue
        if start < end:
            span = Span(paragraph=paragraph, start=start, end=end, text=text[start:end])
            marks.append(Mark(kind=kind, span=span, href=href, attributes=attributes))
    return marks


def _walk(
    element: etree._Element,
    markup_of: MarkupOf,
    pieces: list[str],
    found: list[tuple[Markup, int, int]],
    length: int,
    *,
    br: str | None = None,
) -> int:
    """Gather the element's text, a ``br`` as a space, noting where markup stands."""
    if element.text:
        pieces.append(element.text)
        length += len(element.text)
    for child in element:
        if child.tag == br and not len(child) and not child.text:
            pieces.append(" ")
            length += 1
        elif isinstance(child.tag, str):  # comments and processing instructions hold no text
            start = length
            length = _walk(child, markup_of, pieces, found, length, br=br)
            markup = markup_of(child)
            if markup is not None:
                found.append((markup, start, length))
        if child.tail:
            pieces.append(child.tail)
            length += len(child.tail)
    return length


def _folded(raw: str) -> tuple[str, Callable[[int], int]]:
    """``raw`` folded as body text is, and where each offset of ``raw`` lands in it."""
    out: list[str] = []
    positions = [0] * (len(raw) + 1)
    in_layout = False
    for index, character in enumerate(raw):
        positions[index] = len(out)
        if character in _LAYOUT or character in _SEPARATORS:
            if not in_layout:
                out.append(" ")
            in_layout = True
        else:
            out.append(character)
            in_layout = False
    positions[len(raw)] = len(out)
    joined = "".join(out)
    folded = joined.strip()
    skipped = len(joined) - len(joined.lstrip())
    last = len(folded)

    def position(offset: int) -> int:
        return min(max(positions[offset] - skipped, 0), last)

    return folded, position


def write_marked(
    element: etree._Element, text: str, marks: Sequence[Mark], element_for: ElementFor
) -> None:
    """Write ``text`` into ``element`` (which is empty), with ``marks`` as nested elements.

    Where marks overlap without nesting, the one that starts later is split in pieces.

    Raises:
        ValueError: More than :data:`MAX_NESTING` marks cover one character: written one
            inside another, they would make a document no parser reads.
    """
    if not marks:
        element.text = text
        return
    cuts = sorted({0, len(text)} | {m.span.start for m in marks} | {m.span.end for m in marks})
    waiting = sorted(marks, key=_outer_first, reverse=True)  # the next to open is last
    active: list[Mark] = []
    open_elements: list[tuple[Mark, etree._Element]] = []
    for start, end in itertools.pairwise(cuts):
        while waiting and waiting[-1].span.start <= start:
            active.append(waiting.pop())
        active = [mark for mark in active if mark.span.end >= end]
        if len(active) > MAX_NESTING:
            raise ValueError(
                f"{len(active)} marks cover the characters {start}:{end} of paragraph "
                f"{active[0].span.paragraph}; at most {MAX_NESTING} can be written nested"
            )
        active.sort(key=_outer_first)
        kept = 0
        while (
            kept < len(open_elements)
            and kept < len(active)
            and open_elements[kept][0] is active[kept]
        ):
            kept += 1
        del open_elements[kept:]
        for mark in active[kept:]:
            parent = open_elements[-1][1] if open_elements else element
            open_elements.append((mark, element_for(parent, mark)))
        _append_text(open_elements[-1][1] if open_elements else element, text[start:end])


def _outer_first(mark: Mark) -> tuple[int, int, int]:
    return mark.span.start, -mark.span.end, _KIND_ORDER[mark.kind]


def _append_text(element: etree._Element, text: str) -> None:
    """Add ``text`` at the end of ``element``'s content."""
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text
