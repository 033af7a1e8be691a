"""The news article model: immutable, typed, and free of any format's knowledge.

Every class is a frozen, slotted attrs class built with keyword-only arguments. Collections
are tuples, datetimes are timezone-aware, and changes are made with :func:`attrs.evolve`.

Text lines
----------
Every piece of text that is one line in a news article — headlines, headings, bylines,
paragraphs, trailer lines, keywords — is held without leading or trailing white space and
without line breaks; the classes refuse anything else. Formats may lay text out as they
like, but the model's text is always in this normal form.

Text positions
--------------
Attributions and events point back at the words they come from with a :class:`Span`: the
index of a body paragraph, a character range in it, and the text that range holds.
Body paragraphs are numbered in reading order across the whole article: first the lead
paragraphs, then each section's paragraphs (see :attr:`Article.paragraphs`). An
:class:`Article` refuses a span whose range does not hold the text it claims.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator
from typing import Any

import attrs

from newsdoc.errors import ValidationError

__all__ = [
    "Article",
    "Attribution",
    "AttributionKind",
    "Concept",
    "Dateline",
    "Event",
    "Extension",
    "PubStatus",
    "Rights",
    "Section",
    "Span",
    "TimeExpression",
]


def _tuple_of(kind: type | tuple[type, ...]) -> Any:
    """A validator: the value is a tuple (never a list) whose items are all of ``kind``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not tuple:
            raise ValidationError(attribute.name, f"must be a tuple, not {type(value).__name__}")
        for item in value:
            if not isinstance(item, kind):
                raise ValidationError(
                    attribute.name, f"holds a {type(item).__name__}, expected {kind}"
                )

    return check


def _non_blank(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise ValidationError(attribute.name, "must not be empty or blank")


def _check_line(name: str, value: str) -> None:
    if not value or value != value.strip():
        raise ValidationError(
            name, f"{value!r} must be non-empty, without leading or trailing white space"
        )
    if len(value.splitlines()) > 1:  # any line boundary; the ends are stripped already
        raise ValidationError(name, f"{value!r} must be one line, without line breaks")


def _line(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _check_line(attribute.name, value)


def _lines(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """A tuple (never a list) of one-line texts; one validator, as bodies are long."""
    if type(value) is not tuple:
        raise ValidationError(attribute.name, f"must be a tuple, not {type(value).__name__}")
    for item in value:
        if not isinstance(item, str):
            raise ValidationError(attribute.name, f"holds a {type(item).__name__}, expected {str}")
        _check_line(attribute.name, item)


def _aware(instance: object, attribute: attrs.Attribute[Any], value: dt.datetime | None) -> None:
    if value is None:
        return
    if not isinstance(value, dt.datetime):
        raise ValidationError(attribute.name, f"must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(attribute.name, "must be timezone-aware")


def _check_int(name: str, value: object, low: int, high: int | None = None) -> None:
    if type(value) is not int or value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"of at least {low}"
        raise ValidationError(name, f"must be an int {bounds}")


def _in_range(low: int, high: int | None) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None:
            _check_int(attribute.name, value, low, high)

    return check


class AttributionKind(enum.Enum):
    """How a source's words are reported."""

    DIRECT = "direct"
    """Quoted words: ``"We are leaving," she said.``"""
    INDIRECT = "indirect"
    """Reported speech: ``The Pentagon confirmed that …``"""
    REFUSAL = "refusal"
    """A refusal to comment or to provide something: ``X declined to comment.``"""


class PubStatus(enum.Enum):
    """The publishing status of a news item (IPTC ``pubStatus`` vocabulary)."""

    USABLE = "usable"
    WITHHELD = "withheld"
    CANCELED = "canceled"


@attrs.frozen(kw_only=True)
class Span:
    """A piece of body text: which paragraph, which characters, and the text they hold.

    Attributes:
        paragraph: The 0-based index into :attr:`Article.paragraphs`.
        start: The offset of the first character, counted in code points.
        end: The offset just past the last character; ``end - start == len(text)``.
        text: The exact characters ``Article.paragraphs[paragraph][start:end]``.
    """

    paragraph: int
    start: int
    end: int
    text: str

    def __attrs_post_init__(self) -> None:
        # One check for every field: extraction builds spans by the hundred, and separate
        # field validators would double what each costs.
        paragraph, start, end = self.paragraph, self.start, self.end
        if (
            not (type(paragraph) is type(start) is type(end) is int)
            or min(paragraph, start, end) < 0
        ):
            for name, value in (("paragraph", paragraph), ("start", start), ("end", end)):
                _check_int(name, value, 0)
        if end - start != len(self.text):
            raise ValidationError(
                "span",
                f"range {self.start}:{self.end} is {self.end - self.start} characters long "
                f"but claims {len(self.text)} ({self.text!r})",
            )
        if not self.text:
            raise ValidationError("span", "must not be empty")


_TIMEX_VALUE = re.compile(
    r"""
    \d{2,4}                                   # century (20), decade (201) or year (2014)
    (?:
        -(?:0[1-9]|1[0-2])                    # month
        (?:-(?:0[1-9]|[12]\d|3[01])           # day
            (?:T(?:[01]\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?)?)?  # time of day
        )?
      | -Q[1-4]                               # quarter
      | -H[12]                                # half year
      | -W(?:0[1-9]|[1-4]\d|5[0-3])(?:-[1-7])?  # ISO week, optional weekday
      | -(?:SP|SU|FA|WI)                      # season
    )?
    """,
    re.VERBOSE,
)


def _timex_value(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _TIMEX_VALUE.fullmatch(value):
        raise ValidationError(
            attribute.name, f"{value!r} is not an ISO-8601 (TIMEX3 style) calendar value"
        )


@attrs.frozen(kw_only=True)
class TimeExpression:
    """A time as written in the text, with its calendar value when it can be worked out.

    Attributes:
        span: Where the expression stands, e.g. the words ``January 2020``.
        value: The ISO-8601 value in the TIMEX3 style, as precise as the words are:
            ``"2014"``, ``"2020-01"``, ``"2025-03-03"``, ``"2025-Q3"``, ``"2025-W10-1"``;
            ``None`` when it cannot be resolved (``on Monday`` with no known article date).
    """

    span: Span
    value: str | None = attrs.field(default=None, validator=_timex_value)


@attrs.frozen(kw_only=True)
class Attribution:
    """Who said, confirmed or declined what.

    Attributes:
        kind: Direct quote, indirect (reported) speech, or a refusal to comment.
        source: The source as written: ``"US Central Command"``, ``"She"``.
        cue: The reporting word or phrase: ``"confirmed"``, ``"declined"``, ``"according to"``.
        content: What was said or refused, possibly in several pieces (a quote split around
            its cue). Empty only for a bare refusal such as ``X declined to comment``.
        antecedent: For a pronoun source, the nearest earlier named source it stands for.
    """

    kind: AttributionKind = attrs.field(validator=attrs.validators.instance_of(AttributionKind))
    source: Span
    cue: Span
    content: tuple[Span, ...] = attrs.field(default=(), validator=_tuple_of(Span))
    antecedent: Span | None = None

    def spans(self) -> Iterator[Span]:
        """Every span this attribution points at."""
        yield self.source
        yield self.cue
        yield from self.content
        if self.antecedent is not None:
            yield self.antecedent


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened: what, when, where and who.

    Attributes:
        trigger: The verb or event noun: ``"withdrawal"``, ``"strike"``, ``"signed"``.
        time: When it happened, if the text says.
        places: Where, as the text names them.
        participants: Who took part, as the text names them.
    """

    trigger: Span
    time: TimeExpression | None = None
    places: tuple[Span, ...] = attrs.field(default=(), validator=_tuple_of(Span))
    participants: tuple[Span, ...] = attrs.field(default=(), validator=_tuple_of(Span))

    def spans(self) -> Iterator[Span]:
        """Every span this event points at."""
        yield self.trigger
        if self.time is not None:
            yield self.time.span
        yield from self.places
        yield from self.participants


@attrs.frozen(kw_only=True)
class Section:
    """A heading and the paragraphs under it.

    Attributes:
        heading: The section heading, one line of text.
        paragraphs: The paragraphs of the section, each one line of text.
    """

    heading: str = attrs.field(validator=_line)
    paragraphs: tuple[str, ...] = attrs.field(default=(), validator=_lines)


@attrs.frozen(kw_only=True)
class Dateline:
    """Where (and possibly when) the story was filed: ``MOMBASA, Kenya``, ``March 3``.

    Attributes:
        place: The place as written, e.g. ``"MOMBASA, Kenya"``.
        date: The date as written, e.g. ``"March 3"``, when the dateline gives one.
    """

    place: str = attrs.field(validator=_line)
    date: str | None = attrs.field(default=None, validator=_line)


@attrs.frozen(kw_only=True)
class Concept:
    """An entry of a controlled vocabulary: a subject, genre, place or provider.

    At least one of ``qcode``, ``uri`` and ``name`` is set.

    Attributes:
        qcode: The qualified code, ``scheme:code``, e.g. ``"medtop:20000053"``.
        uri: The concept's URI.
        name: The human-readable name, e.g. ``"armed conflict"``.
    """

    qcode: str | None = attrs.field(default=None, validator=_non_blank)
    uri: str | None = attrs.field(default=None, validator=_non_blank)
    name: str | None = attrs.field(default=None, validator=_non_blank)

    def __attrs_post_init__(self) -> None:
        if self.qcode is None and self.uri is None and self.name is None:
            raise ValidationError("concept", "needs a qcode, a uri or a name")


@attrs.frozen(kw_only=True)
class Rights:
    """Copyright and usage terms; at least one of them is set.

    Attributes:
        holder: Who holds the copyright, e.g. ``"Example News Agency"``.
        notice: The copyright notice, e.g. ``"Copyright 2025 Example News Agency"``.
        usage_terms: What a receiver may do with the article.
    """

    holder: str | None = attrs.field(default=None, validator=_non_blank)
    notice: str | None = attrs.field(default=None, validator=_non_blank)
    usage_terms: str | None = attrs.field(default=None, validator=_non_blank)

    def __attrs_post_init__(self) -> None:
        if self.holder is None and self.notice is None and self.usage_terms is None:
            raise ValidationError("rights", "needs a holder, a notice or usage terms")


@attrs.frozen(kw_only=True)
class Extension:
    """Source content that no model field holds, kept so nothing is silently dropped.

    A reader that meets content it cannot map keeps it here, verbatim; the writer of the
    same format puts it back in place. Other formats ignore it, except newsdoc JSON, which
    carries it whole. One Extension stands for one place in the source: an element kept
    whole (its ``content``), or the attributes left over on an element whose other parts
    the model holds (its ``attributes``).

    Attributes:
        format: The format the content belongs to, e.g. ``"newsml"``.
        path: Where it stood in the source document, e.g.
            ``"/newsItem/contentMeta[1]/altId[2]"``.
        content: The content itself, serialised in that format (an XML element, a
            comment, a text …); empty when only attributes are kept.
        attributes: Attributes of the element at ``path`` that no field holds, as
            ``(name, value)`` pairs sorted by name; a name in a namespace is written
            ``{uri}name``, except ``xml:lang``.
    """

    format: str
    path: str
    content: str = ""
    attributes: tuple[tuple[str, str], ...] = ()

    def __attrs_post_init__(self) -> None:
        # One check for every field: readers make an Extension for every unmapped piece.
        for name, value in (("format", self.format), ("path", self.path)):
            if type(value) is not str or not value.strip():
                raise ValidationError(name, "must be a string, not empty or blank")
        if type(self.content) is not str:
            raise ValidationError("content", f"must be a string, not {type(self.content).__name__}")
        attributes = self.attributes
        if type(attributes) is not tuple:
            raise ValidationError("attributes", f"must be a tuple, not {type(attributes).__name__}")
        for pair in attributes:
            if (
                type(pair) is not tuple
                or len(pair) != 2
                or type(pair[0]) is not str
                or type(pair[1]) is not str
                or not pair[0].strip()
            ):
                raise ValidationError(
                    "attributes", f"{pair!r} is not a (name, value) pair of strings with a name"
                )


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def _language(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _LANGUAGE_TAG.fullmatch(value):
        raise ValidationError(attribute.name, f"{value!r} is not a BCP 47 language tag")


@attrs.frozen(kw_only=True)
class Article:
    """A news article.

    Only the body text (``lead`` and ``sections``) is needed; everything else is optional.

    Attributes:
        id: A globally unique identifier, e.g. a NewsML-G2 ``guid``.
        version: The version number of this revision, counting from 1.
        language: The BCP 47 language tag, e.g. ``"en"`` or ``"en-GB"``.
        created: When the article was first created (timezone-aware).
        updated: When this version was created (timezone-aware).
        pub_status: Whether the article may be published.
        provider: The party that provides the article, e.g. a news agency.
        headline: The main headline.
        subheadline: A secondary headline or deck.
        bylines: The authors as credited, one entry per byline.
        dateline: Where (and when) the story was filed.
        slugline: The short label editors use for the story.
        description: A summary of the article.
        creditline: Whom to credit, e.g. ``"Reuters"``.
        located: The place the content was created, as a concept.
        genres: The genres, e.g. ``genre:Current``.
        urgency: The editorial urgency, 1 (most urgent) to 9.
        subjects: What the article is about, as concepts.
        keywords: Free-text keywords.
        rights: Copyright and usage terms.
        lead: The paragraphs before the first section heading.
        sections: The headed sections of the body, in order.
        trailer: Boilerplate lines after the body ("subscribe now", copyright, "Read more:").
        attributions: Who said, confirmed or declined what, anchored in the body.
        events: What happened, when, where and who, anchored in the body.
        extensions: Source content that no field holds, kept for its own format's writer.
    """

    id: str | None = attrs.field(default=None, validator=_non_blank)
    version: int | None = attrs.field(default=None, validator=_in_range(1, None))
    language: str | None = attrs.field(default=None, validator=_language)
    created: dt.datetime | None = attrs.field(default=None, validator=_aware)
    updated: dt.datetime | None = attrs.field(default=None, validator=_aware)
    pub_status: PubStatus | None = None
    provider: Concept | None = None
    headline: str | None = attrs.field(default=None, validator=_line)
    subheadline: str | None = attrs.field(default=None, validator=_line)
    bylines: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    dateline: Dateline | None = None
    slugline: str | None = attrs.field(default=None, validator=_line)
    description: str | None = attrs.field(default=None, validator=_non_blank)
    creditline: str | None = attrs.field(default=None, validator=_line)
    located: Concept | None = None
    genres: tuple[Concept, ...] = attrs.field(default=(), validator=_tuple_of(Concept))
    urgency: int | None = attrs.field(default=None, validator=_in_range(1, 9))
    subjects: tuple[Concept, ...] = attrs.field(default=(), validator=_tuple_of(Concept))
    keywords: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    rights: Rights | None = None
    lead: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    sections: tuple[Section, ...] = attrs.field(default=(), validator=_tuple_of(Section))
    trailer: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    attributions: tuple[Attribution, ...] = attrs.field(
        default=(), validator=_tuple_of(Attribution)
    )
    events: tuple[Event, ...] = attrs.field(default=(), validator=_tuple_of(Event))
    extensions: tuple[Extension, ...] = attrs.field(default=(), validator=_tuple_of(Extension))

    def __attrs_post_init__(self) -> None:
        if not self.attributions and not self.events:
            return
        paragraphs = self.paragraphs
        for index, attribution in enumerate(self.attributions):
            for span in attribution.spans():
                _check_anchor(paragraphs, span, f"attributions[{index}]")
        for index, event in enumerate(self.events):
            for span in event.spans():
                _check_anchor(paragraphs, span, f"events[{index}]")

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Every body paragraph in reading order: the lead, then each section's paragraphs.

        :class:`Span` indices count in this order.
        """
        if not self.sections:
            return self.lead
        return self.lead + tuple(p for section in self.sections for p in section.paragraphs)

    def text_of(self, span: Span) -> str:
        """The characters that ``span`` points at in this article's body."""
        return self.paragraphs[span.paragraph][span.start : span.end]


def _check_anchor(paragraphs: tuple[str, ...], span: Span, where: str) -> None:
    if span.paragraph >= len(paragraphs):
        raise ValidationError(
            where,
            f"span points at paragraph {span.paragraph} but the body has {len(paragraphs)}",
        )
    held = paragraphs[span.paragraph][span.start : span.end]
    if held != span.text:
        raise ValidationError(
            where,
            f"span {span.paragraph}:{span.start}:{span.end} holds {held!r}, "
            f"not the claimed {span.text!r}",
        )
