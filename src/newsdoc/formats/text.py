r"""Plain text: one paragraph per line, read by the convention in ``docs/plain-text.md``.

Reading goes text → units (lines, or blank-line separated blocks) → roles (headline,
subheadline, byline, lead, heading, paragraph, trailer) → Article. Writing emits the
canonical form: one unit per line, joined by ``\n``, with no final newline.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import attrs

from newsdoc._months import MONTH
from newsdoc._warn import warn
from newsdoc.errors import ContentLossWarning, ParseError, SerializationError, ValidationError
from newsdoc.formats import ReadOptions
from newsdoc.formats._dateline import DATE, dateline_from, dateline_text, day_of
from newsdoc.formats._decode import decode_text
from newsdoc.model import Article, Section

__all__ = ["is_boilerplate", "is_heading", "read", "sniff", "write"]

_FORMAT = "text"
_MAX_HEADING_WORDS = 15
_MAX_HEADING_CHARS = 120
_DATELINE_DASH = "\u2014"

_CLOSING_PUNCTUATION = tuple(".,;:!…\"”’')")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+[A-Z\u201c\"]")
_BYLINE = re.compile(r"[Bb][Yy]\s+(?P<names>[A-Z\u00c0-\u024f].*[^.!?])")
_BYLINE_SEPARATOR = re.compile(r",\s+and\s+|,\s+|\s+and\s+|\s+&\s+")
_CAPITAL = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_CITY = rf"[{_CAPITAL}][{_CAPITAL}.'’\-]+(?:\ [{_CAPITAL}.'’\-]+)*"
_REGION = rf"[{_CAPITAL}][\w.'’\-]*(?:\ [{_CAPITAL}][\w.'’\-]*)*"
_DATELINE = re.compile(
    rf"""
    (?P<dateline>{_CITY}(?:,\ (?!{MONTH}\ \d){_REGION})?(?:,\ {DATE})?)
    \ (?:\u2014|\u2013|--|-)\ (?=\S)
    """,
    re.VERBOSE,
)
_BOILERPLATE = re.compile(
    r"""
    (?:
        .*\bsubscribe\s+(?:now|today|here)\b     # "…, subscribe now."
      | (?:sign\ up|subscribe|register|get\ our)\b  # calls to action open the line
      | .*\bsubscribe\ to\ (?:our|the)\ (?:\w+\ )?(?:newsletter|channel|podcast|feed)\b
      | copyright\b | \(c\)\ \d | ©
      | .*\ball\ rights\ reserved\b
      | (?:read\ more|related|see\ also|more\ on\ this\ story)\s*:
      | follow\ us\b | click\ here\b | share\ this\b
      | download\ (?:our|the)\ (?:\w+\ )?app\b
      | \(?(?:reporting|writing|editing)\ by\b
      | additional\ reporting\ by\b
      | this\ (?:story|article)\ (?:has\ been|was)\ (?:corrected|updated|amended)\b
      | contact\ us\b | advertisement$ | sponsored\ content$
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)


def sniff(head: bytes) -> bool:
    """Whether ``head`` opens plain text: anything not empty that no other format claims.

    Markup, JSON and binary data are never taken for text, so a document no reader
    recognises is reported as such instead of being read as one long paragraph.
    """
    from newsdoc.formats import _sniff  # noqa: PLC0415 - only sniffing needs it

    return bool(head.strip()) and not _sniff.structured(head)


def is_boilerplate(line: str) -> bool:
    """Whether ``line`` is trailer boilerplate: a call to subscribe, a copyright line, etc.

    Example:
        >>> is_boilerplate("© 2025 Example News Agency"), is_boilerplate("Subscribe now.")
        (True, True)
        >>> is_boilerplate("Analysts said millions would subscribe to the plan.")
        False
    """
    return _BOILERPLATE.match(line) is not None


def is_heading(line: str) -> bool:
    """Whether ``line`` looks like a heading: short, capitalised, no closing punctuation.

    A trailing question mark is allowed (question headings); a sentence break inside the
    line, a byline and boilerplate are not headings.

    Example:
        >>> is_heading("What the plan includes"), is_heading("Who pays for it?")
        (True, True)
        >>> is_heading("The vote ends years of argument."), is_heading("By Amina Yusuf")
        (False, False)
    """
    if len(line) > _MAX_HEADING_CHARS or line.endswith(_CLOSING_PUNCTUATION):
        return False
    if len(line.split()) > _MAX_HEADING_WORDS:
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    if _SENTENCE_BREAK.search(line):
        return False
    return not (_is_byline(line) or is_boilerplate(line))


def _is_byline(line: str) -> bool:
    match = _BYLINE.fullmatch(line)
    return match is not None and len(match["names"].split()) <= 12


@attrs.frozen
class _Unit:
    """One paragraph-sized piece of the input and the line it starts on."""

    text: str
    line: int


def _units(text: str) -> list[_Unit]:
    # splitlines() breaks at exactly the characters the model refuses inside a line.
    lines = text.splitlines()
    numbered = [(number, line.strip()) for number, line in enumerate(lines, start=1)]
    content = [(number, line) for number, line in numbered if line]
    if len(content) < 2:
        return [_Unit(line, number) for number, line in content]
    gaps = sum(1 for (first, _), (second, _) in itertools.pairwise(content) if second > first + 1)
    if gaps * 2 < len(content) - 1:
        return [_Unit(line, number) for number, line in content]
    units: list[_Unit] = []
    block: list[str] = []
    start = 0
    for number, line in numbered:
        if line:
            if not block:
                start = number
            block.append(line)
        elif block:
            units.append(_Unit(" ".join(block), start))
            block = []
    if block:
        units.append(_Unit(" ".join(block), start))
    return units


def _split_bylines(line: str) -> tuple[str, ...]:
    match = _BYLINE.fullmatch(line)
    assert match is not None
    return tuple(name.strip() for name in _BYLINE_SEPARATOR.split(match["names"]) if name.strip())


def read(data: str | bytes, options: ReadOptions) -> Article:
    """Read a plain-text article.

    Bytes are decoded as ``options.encoding`` names, or else as UTF-8 (UTF-16 or UTF-32
    when a byte-order mark says so). A dateline with a full date (``Sept. 12, 2024``) gives
    ``created``, midnight UTC of that day, against which extraction (which
    :func:`newsdoc.read` runs over what this returns) resolves relative times such as
    "on Thursday".

    Raises:
        ParseError: The input is not valid in its encoding, holds binary data, or holds no
            text; ``options.encoding`` names no text encoding.
    """
    text = decode_text(data, _FORMAT, options.source, options.encoding)
    units = _units(text)
    if not units:
        raise ParseError(_FORMAT, "the document is empty", source=options.source)
    try:
        return _article(units)
    except ValidationError as exc:
        raise ParseError(_FORMAT, str(exc), line=units[0].line, source=options.source) from exc


def _article(units: Sequence[_Unit]) -> Article:
    lines = [unit.text for unit in units]
    end = len(lines)
    while end > 0 and is_boilerplate(lines[end - 1]):
        end -= 1
    trailer = tuple(lines[end:])
    lines = lines[:end]

    position = 0
    headline = subheadline = None
    if len(lines) > 1 and is_heading(lines[0]):
        headline = lines[0]
        position = 1
        if len(lines) > 2 and not _is_byline(lines[1]) and _is_byline(lines[2]):
            subheadline = lines[1]
            position = 2
    bylines: tuple[str, ...] = ()
    if position < len(lines) and _is_byline(lines[position]):
        bylines = _split_bylines(lines[position])
        position += 1

    lead: list[str] = []
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    for line in lines[position:]:
        if is_heading(line):
            if heading is not None:
                sections.append(Section(heading=heading, paragraphs=tuple(paragraphs)))
            heading, paragraphs = line, []
        elif heading is None:
            lead.append(line)
        else:
            paragraphs.append(line)
    if heading is not None:
        sections.append(Section(heading=heading, paragraphs=tuple(paragraphs)))

    dateline = None
    if lead:
        match = _DATELINE.match(lead[0])
        if match is not None:
            dateline = dateline_from(match["dateline"])
            lead[0] = lead[0][match.end() :]
    return Article(
        created=day_of(dateline.date) if dateline is not None else None,
        headline=headline,
        subheadline=subheadline,
        bylines=bylines,
        dateline=dateline,
        lead=tuple(lead),
        sections=tuple(sections),
        trailer=trailer,
    )


def _byline_line(names: Sequence[str]) -> str:
    if len(names) == 1:
        return f"By {names[0]}"
    return f"By {', '.join(names[:-1])} and {names[-1]}"


_REPORTED_FIELDS = (
    "embargoed", "editorial_notes", "signals", "creators", "contributors", "info_sources",
    "links", "alt_ids", "content_created", "content_modified", "services", "other_headlines",
    "other_descriptions",
)  # fmt: skip
"""Fields plain text cannot hold whose loss is reported, not silent."""


def write(article: Article) -> str:
    """Write ``article`` in the canonical plain-text form.

    Only the headline, subheadline, bylines, dateline, body and trailer are written; a
    dateline with no lead paragraph to open, and a subheadline with no headline, cannot be
    expressed and are left out with a :class:`~newsdoc.ContentLossWarning`, as are marks
    (inline markup), which plain text has no way to show, and the handling instructions
    and the record of who made the article (embargo, editorial notes, signals, creators,
    contributors, sources, links, alternative ids, content dates, services), which a
    reader of the text would otherwise never know were there.

    Raises:
        SerializationError: The article holds none of those (a picture's metadata, say):
            an empty document is no plain-text article, and reading it back would fail.
    """
    lines: list[str] = []
    dropped = [field for field in _REPORTED_FIELDS if getattr(article, field) not in (None, ())]
    if dropped:
        warn(ContentLossWarning(f"plain text cannot hold {', '.join(dropped)}; left out"))
    if article.headline is not None:
        lines.append(article.headline)
        if article.subheadline is not None:
            lines.append(article.subheadline)
    elif article.subheadline is not None:
        warn(
            ContentLossWarning(
                "plain text cannot hold a subheadline without a headline; it was left out"
            )
        )
    if article.bylines:
        lines.append(_byline_line(article.bylines))
    lead = list(article.lead)
    if article.dateline is not None:
        if lead:
            lead[0] = f"{dateline_text(article.dateline)} {_DATELINE_DASH} {lead[0]}"
        else:
            warn(
                ContentLossWarning(
                    "plain text cannot hold a dateline without a lead paragraph; it was left out"
                )
            )
    lines.extend(lead)
    for section in article.sections:
        lines.append(section.heading)
        lines.extend(section.paragraphs)
    lines.extend(article.trailer)
    if article.marks:
        warn(
            ContentLossWarning(
                f"plain text cannot hold inline markup; {len(article.marks)} mark(s) (emphasis, "
                "links …) were left out"
            )
        )
    if not lines:
        raise SerializationError(
            _FORMAT,
            "the article has no headline, byline, body or trailer: plain text would be empty",
        )
    return "\n".join(lines)
