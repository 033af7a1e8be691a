"""The news article model: immutable, typed, and free of any format's knowledge.

Every class is a frozen, slotted attrs class built with keyword-only arguments. Collections
are tuples, datetimes are timezone-aware, and changes are made with :func:`attrs.evolve`.

Input
-----
Constructors take any ordered iterable where a tuple is held (a list, a generator; not a
str, bytes, a mapping or a set) and an enumeration's string value where a member is held
(``pub_status="usable"``). Every other wrong value is refused with a
:class:`~newsdoc.ValidationError` that names the field and what it expects.

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
paragraphs, then each section's paragraphs (see :attr:`~newsdoc.Article.paragraphs`). An
:class:`Article` refuses a span whose range does not hold the text it claims.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import Any, ClassVar

import attrs

from newsdoc.errors import ValidationError

__all__ = [
    "AltId",
    "Article",
    "Attribution",
    "AttributionKind",
    "Concept",
    "Dateline",
    "Event",
    "Extension",
    "KnownSignal",
    "Link",
    "Mark",
    "MarkKind",
    "Name",
    "Party",
    "PubStatus",
    "RelatedConcept",
    "Rights",
    "RoleText",
    "Section",
    "Signal",
    "Span",
    "TimeExpression",
]


_LARGEST_INT = 2**63 - 1
"""The largest number a field holds: a signed 64-bit integer, which every format carries.

It also bounds span offsets, as no string is that long.
"""

_SHOWN_LENGTH = 60
_NOT_SEQUENCES = (str, bytes, bytearray, memoryview, Mapping, AbstractSet)


def _a(name: str) -> str:
    """``name`` with its indefinite article: ``a str``, ``an int``."""
    return f"an {name}" if name[0] in "AEIOUaeiou" else f"a {name}"


def _shown(value: object) -> str:
    """A refused value for an error message: text quoted (long text cut), anything else named."""
    if isinstance(value, str):
        if len(value) > _SHOWN_LENGTH:
            return repr(value[:_SHOWN_LENGTH]) + "…"
        return repr(value)
    if value is None or isinstance(value, bool):
        return repr(value)
    return _a(type(value).__name__)


def _as_tuple(value: object) -> object:
    """Any ordered iterable as a tuple; anything else as given, for the validator to refuse.

    A str is not a tuple of its characters, a mapping not a tuple of its keys, and a set has
    no order, so those are left for the validator too.
    """
    if type(value) is tuple or isinstance(value, _NOT_SEQUENCES):
        return value
    if isinstance(value, Iterable):
        return tuple(value)
    return value


# Converters named per item type, so that type checkers see what each __init__ accepts.
def _texts(value: Iterable[str]) -> object:
    return _as_tuple(value)


def _spans(value: Iterable[Span]) -> object:
    return _as_tuple(value)


def _concepts(value: Iterable[Concept]) -> object:
    return _as_tuple(value)


def _sections(value: Iterable[Section]) -> object:
    return _as_tuple(value)


def _attributions(value: Iterable[Attribution]) -> object:
    return _as_tuple(value)


def _events(value: Iterable[Event]) -> object:
    return _as_tuple(value)


def _pairs(value: Iterable[tuple[str, str]]) -> object:
    return _as_tuple(value)


def _extensions(value: Iterable[Extension]) -> object:
    return _as_tuple(value)


def _marks(value: Iterable[Mark]) -> object:
    """The marks in their canonical form (see :attr:`Article.marks`), when they all are marks."""
    if value == ():
        return value
    marks = _as_tuple(value)
    if type(marks) is not tuple or not all(type(mark) is Mark for mark in marks):
        return marks  # for the validator to refuse
    return _canonical_marks(marks)


def _tuple(name: str, value: object, item_kind: type) -> tuple[object, ...]:
    """``value``, which its converter has made a tuple unless it is no ordered iterable."""
    if type(value) is tuple:
        return value
    raise ValidationError(
        name,
        f"must be a tuple or another ordered iterable of {item_kind.__name__} (a list, a "
        f"generator …), not {_shown(value)}",
    )


def _wrong_item(name: str, items: tuple[object, ...], item: object, kind: type) -> ValidationError:
    index = next(index for index, each in enumerate(items) if each is item)
    return ValidationError(name, f"item {index} is {_shown(item)}, expected {_a(kind.__name__)}")


def _tuple_of(kind: type) -> Any:
    """A validator: the value is a tuple whose items are all of ``kind``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        items = _tuple(attribute.name, value, kind)
        for item in items:
            if not isinstance(item, kind):
                raise _wrong_item(attribute.name, items, item, kind)

    return check


def _instance_of(kind: type, *, or_none: bool = False) -> Any:
    """A validator: the value is an instance of ``kind`` (or ``None``, with ``or_none``)."""
    expected = _a(kind.__name__) + (" or None" if or_none else "")

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind) and not (or_none and value is None):
            raise ValidationError(attribute.name, f"must be {expected}, not {_shown(value)}")

    return check


def _str(name: str, value: object) -> str:
    if type(value) is str:
        return value
    raise ValidationError(name, f"must be a str, not {_shown(value)}")


def _non_blank(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not _str(attribute.name, value).strip():
        raise ValidationError(attribute.name, "must not be empty or blank")


def _check_line(name: str, value: str) -> None:
    if not value or value != value.strip():
        raise ValidationError(
            name, f"{_shown(value)} must be non-empty, without leading or trailing white space"
        )
    if len(value.splitlines()) > 1:  # any line boundary; the ends are stripped already
        raise ValidationError(name, f"{_shown(value)} must be one line, without line breaks")


def _line(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_line(attribute.name, _str(attribute.name, value))


def _separator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Characters that part a text's pieces: white space counts, a line break does not."""
    if value is None:
        return
    text = _str(attribute.name, value)
    if not text or len(f"{text}x".splitlines()) > 1:
        raise ValidationError(attribute.name, f"{_shown(text)} must be non-empty, within one line")


def _lines(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of one-line texts; one validator, as bodies are long."""
    items = _tuple(attribute.name, value, str)
    for item in items:
        if type(item) is not str:
            raise _wrong_item(attribute.name, items, item, str)
        _check_line(attribute.name, item)


def _aware(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, dt.datetime):
        raise ValidationError(attribute.name, f"must be a datetime, not {_shown(value)}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(attribute.name, "must be timezone-aware")


def _check_int(name: str, value: object, low: int, high: int = _LARGEST_INT) -> None:
    if type(value) is not int or not low <= value <= high:
        bounds = (
            f"between {low} and {high}"
            if high < _LARGEST_INT
            else f"of at least {low} that fits in 64 bits"
        )
        raise ValidationError(name, f"must be an int {bounds}")


def _in_range(low: int, high: int = _LARGEST_INT) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            _check_int(attribute.name, value, low, high)

    return check


def _member_of(kind: type[enum.Enum], *, or_none: bool = False) -> Any:
    """A validator: the value is a member of ``kind`` (its converter has mapped the values)."""
    values = ", ".join(repr(member.value) for member in kind)
    expected = f"{_a(kind.__name__)} or one of its values {values}{', or None' if or_none else ''}"

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not kind and not (or_none and value is None):
            raise ValidationError(attribute.name, f"must be {expected}, not {_shown(value)}")

    return check


def _to_member(kind: type[enum.Enum], value: object) -> object:
    """The member of ``kind`` whose value is the string ``value``; anything else as given."""
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            return value
    return value


class AttributionKind(enum.Enum):
    """How a source's words are reported.

    Example:
        >>> AttributionKind("direct")
        <AttributionKind.DIRECT: 'direct'>
        >>> [kind.value for kind in AttributionKind]
        ['direct', 'indirect', 'refusal']
    """

    DIRECT = "direct"
    """Quoted words, as in ``"We are leaving," she said.``"""
    INDIRECT = "indirect"
    """Reported speech, as in ``The Pentagon confirmed that …``"""
    REFUSAL = "refusal"
    """A refusal to comment or to provide something, as in ``X declined to comment.``"""


class PubStatus(enum.Enum):
    """The publishing status of a news item (IPTC ``pubStatus`` vocabulary).

    Example:
        >>> Article(lead=["Embargoed until noon."], pub_status="withheld").pub_status
        <PubStatus.WITHHELD: 'withheld'>
    """

    USABLE = "usable"
    WITHHELD = "withheld"
    CANCELED = "canceled"


def _pub_status(value: PubStatus | str | None) -> object:
    return _to_member(PubStatus, value)


def _attribution_kind(value: AttributionKind | str) -> object:
    return _to_member(AttributionKind, value)


@attrs.frozen(kw_only=True)
class Span:
    """A piece of body text: which paragraph, which characters, and the text they hold.

    Attributes:
        paragraph: The 0-based index into :attr:`Article.paragraphs`.
        start: The offset of the first character, counted in code points.
        end: The offset just past the last character; ``end - start == len(text)``.
        text: The exact characters ``Article.paragraphs[paragraph][start:end]``.

    Example:
        >>> span = Span(paragraph=0, start=4, end=9, text="storm")
        >>> Article(lead=["The storm passed."]).text_of(span)
        'storm'
    """

    paragraph: int
    start: int
    end: int
    text: str

    def __attrs_post_init__(self) -> None:
        # One check for every field: extraction builds spans by the hundred, and separate
        # field validators would double what each costs.
        paragraph, start, end, text = self.paragraph, self.start, self.end, self.text
        if not (
            type(paragraph) is type(start) is type(end) is int
            and 0 <= paragraph <= _LARGEST_INT
            and 0 <= start <= _LARGEST_INT
            and 0 <= end <= _LARGEST_INT
        ):
            for name, value in (("paragraph", paragraph), ("start", start), ("end", end)):
                _check_int(name, value, 0)
        if type(text) is not str:
            raise ValidationError("text", f"must be a str, not {_shown(text)}")
        if end - start != len(text):
            raise ValidationError(
                "span",
                f"range {self.start}:{self.end} is {self.end - self.start} characters long "
                f"but claims {len(text)} ({_shown(text)})",
            )
        if not text:
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


def _timex_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not _TIMEX_VALUE.fullmatch(_str(attribute.name, value)):
        raise ValidationError(
            attribute.name, f"{_shown(value)} is not an ISO-8601 (TIMEX3 style) calendar value"
        )


@attrs.frozen(kw_only=True)
class TimeExpression:
    """A time as written in the text, with its calendar value when it can be worked out.

    Attributes:
        span: Where the expression stands, e.g. the words ``January 2020``.
        value: The ISO-8601 value in the TIMEX3 style, as precise as the words are:
            ``"2014"``, ``"2020-01"``, ``"2025-03-03"``, ``"2025-Q3"``, ``"2025-W10-1"``;
            ``None`` when it cannot be resolved (``on Monday`` with no known article date).

    Example:
        >>> words = Span(paragraph=0, start=20, end=32, text="January 2020")
        >>> TimeExpression(span=words, value="2020-01").value
        '2020-01'
    """

    span: Span = attrs.field(validator=_instance_of(Span))
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

    Example:
        >>> paragraph = "The Pentagon confirmed the withdrawal."
        >>> attribution = Attribution(
        ...     kind="indirect",
        ...     source=Span(paragraph=0, start=0, end=12, text="The Pentagon"),
        ...     cue=Span(paragraph=0, start=13, end=22, text="confirmed"),
        ...     content=[Span(paragraph=0, start=23, end=37, text="the withdrawal")],
        ... )
        >>> attribution.kind
        <AttributionKind.INDIRECT: 'indirect'>
        >>> Article(lead=[paragraph], attributions=[attribution]).attributions[0].cue.text
        'confirmed'
    """

    kind: AttributionKind = attrs.field(
        converter=_attribution_kind, validator=_member_of(AttributionKind)
    )
    source: Span = attrs.field(validator=_instance_of(Span))
    cue: Span = attrs.field(validator=_instance_of(Span))
    content: tuple[Span, ...] = attrs.field(default=(), converter=_spans, validator=_tuple_of(Span))
    antecedent: Span | None = attrs.field(default=None, validator=_instance_of(Span, or_none=True))

    def spans(self) -> Iterator[Span]:
        """Every span this attribution points at.

        Example:
            >>> refusal = Attribution(
            ...     kind="refusal",
            ...     source=Span(paragraph=0, start=0, end=3, text="She"),
            ...     cue=Span(paragraph=0, start=4, end=12, text="declined"),
            ... )
            >>> [span.text for span in refusal.spans()]
            ['She', 'declined']
        """
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

    Example:
        >>> paragraph = "Iran launched a strike in January 2020."
        >>> event = Event(
        ...     trigger=Span(paragraph=0, start=16, end=22, text="strike"),
        ...     time=TimeExpression(
        ...         span=Span(paragraph=0, start=26, end=38, text="January 2020"), value="2020-01"
        ...     ),
        ...     participants=[Span(paragraph=0, start=0, end=4, text="Iran")],
        ... )
        >>> Article(lead=[paragraph], events=[event]).events[0].time.value
        '2020-01'
    """

    trigger: Span = attrs.field(validator=_instance_of(Span))
    time: TimeExpression | None = attrs.field(
        default=None, validator=_instance_of(TimeExpression, or_none=True)
    )
    places: tuple[Span, ...] = attrs.field(default=(), converter=_spans, validator=_tuple_of(Span))
    participants: tuple[Span, ...] = attrs.field(
        default=(), converter=_spans, validator=_tuple_of(Span)
    )

    def spans(self) -> Iterator[Span]:
        """Every span this event points at.

        Example:
            >>> event = Event(
            ...     trigger=Span(paragraph=0, start=4, end=10, text="strike"),
            ...     places=[Span(paragraph=0, start=14, end=21, text="Al Asad")],
            ... )
            >>> [span.text for span in event.spans()]
            ['strike', 'Al Asad']
        """
        yield self.trigger
        if self.time is not None:
            yield self.time.span
        yield from self.places
        yield from self.participants


# --- Inline markup ----------------------------------------------------------------------------


class MarkKind(enum.Enum):
    """What inline markup says about the words it covers.

    Example:
        >>> MarkKind("link"), MarkKind.PERSON.value
        (<MarkKind.LINK: 'link'>, 'person')
    """

    EMPHASIS = "emphasis"
    """Stressed words (XHTML ``em`` and ``i``, NITF ``em``)."""
    STRONG = "strong"
    """Strongly stressed words (XHTML ``strong`` and ``b``)."""
    LINK = "link"
    """A hyperlink (``a``); its target is the mark's ``href``."""
    PERSON = "person"
    """The name of a person (NITF ``person``)."""
    ORGANIZATION = "organization"
    """The name of an organisation (NITF ``org``)."""
    LOCATION = "location"
    """The name of a place (NITF ``location``)."""


_MARK_KIND_ORDER = {kind: rank for rank, kind in enumerate(MarkKind)}


def _mark_kind(value: MarkKind | str) -> object:
    return _to_member(MarkKind, value)


def _check_pairs(name: str, value: object) -> None:
    """``value`` is a tuple of ``(name, value)`` pairs of strings, each with a name."""
    pairs = _tuple(name, value, tuple)
    for pair in pairs:
        if type(pair) is not tuple:
            raise _wrong_item(name, pairs, pair, tuple)
        if (
            len(pair) != 2
            or type(pair[0]) is not str
            or type(pair[1]) is not str
            or not pair[0].strip()
        ):
            shown = repr(pair) if len(repr(pair)) <= _SHOWN_LENGTH else repr(pair)[:60] + "…"
            raise ValidationError(
                name, f"{shown} is not a (name, value) pair of strings with a name"
            )


@attrs.frozen(kw_only=True)
class Mark:
    """Inline markup over a piece of body text: emphasis, a link, a person's name.

    Marks stand apart from the text, as spans do: a paragraph stays one plain line, and
    its marks say which of its characters are emphasised, linked or named.

    Attributes:
        kind: What the markup says.
        span: The characters it covers.
        href: A link's target; ``None`` for a link without one (an anchor) and for every
            other kind.
        attributes: The markup's other attributes as ``(name, value)`` pairs, in the order
            the source gave them (a link's ``title``, an entity's ``idsrc`` and ``value``);
            a name in a namespace is written ``{uri}name``.

    Example:
        >>> link = Mark(
        ...     kind="link",
        ...     span=Span(paragraph=0, start=4, end=10, text="report"),
        ...     href="https://example.org/report",
        ... )
        >>> article = Article(lead=["The report was published."], marks=[link])
        >>> [(mark.kind.value, article.text_of(mark.span), mark.href) for mark in article.marks]
        [('link', 'report', 'https://example.org/report')]
    """

    kind: MarkKind = attrs.field(converter=_mark_kind, validator=_member_of(MarkKind))
    span: Span = attrs.field(validator=_instance_of(Span))
    href: str | None = attrs.field(default=None)
    attributes: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)

    def __attrs_post_init__(self) -> None:
        href = self.href
        if href is not None:
            if type(href) is not str:
                raise ValidationError("href", f"must be a str or None, not {_shown(href)}")
            if self.kind is not MarkKind.LINK:
                raise ValidationError("href", f"only a link has one, not {self.kind.value}")
        _check_pairs("attributes", self.attributes)
        names = [name for name, _ in self.attributes]
        if "href" in names:
            raise ValidationError("attributes", "a link's target is its href, not an attribute")
        if len(set(names)) != len(names):
            raise ValidationError("attributes", "an attribute name appears more than once")


def _mark_key(mark: Mark) -> tuple[Any, ...]:
    span = mark.span
    return (
        span.paragraph,
        span.start,
        -span.end,
        _MARK_KIND_ORDER[mark.kind],
        mark.href is not None,
        mark.href or "",
        mark.attributes,
    )


def _canonical_marks(marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
    """``marks`` in reading order, equal marks that touch or overlap merged into one."""
    ordered = sorted(marks, key=_mark_key)
    merged: list[Mark] = []
    open_marks: dict[tuple[Any, ...], int] = {}  # the last mark of each paragraph and markup
    for mark in ordered:
        span = mark.span
        markup = (span.paragraph, mark.kind, mark.href, mark.attributes)
        index = open_marks.get(markup)
        if index is not None:
            last = merged[index].span
            if span.start <= last.end:  # touches or overlaps the last one: one mark
                if span.end > last.end:
                    text = last.text + span.text[last.end - span.start :]
                    widened = Span(
                        paragraph=last.paragraph, start=last.start, end=span.end, text=text
                    )
                    merged[index] = attrs.evolve(merged[index], span=widened)
                continue
        open_marks[markup] = len(merged)
        merged.append(mark)
    if len(merged) != len(ordered):
        merged.sort(key=_mark_key)
    elif all(held is mark for held, mark in zip(merged, marks, strict=True)):
        return marks  # canonical already: held as given
    return tuple(merged)


@attrs.frozen(kw_only=True)
class Section:
    """A heading and the paragraphs under it.

    Attributes:
        heading: The section heading, one line of text.
        paragraphs: The paragraphs of the section, each one line of text.

    Example:
        >>> section = Section(heading="Who pays?", paragraphs=["The treasury pays most."])
        >>> Article(sections=[section]).paragraphs
        ('The treasury pays most.',)
    """

    heading: str = attrs.field(validator=_line)
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_texts, validator=_lines)


@attrs.frozen(kw_only=True)
class Dateline:
    """Where (and possibly when) the story was filed: ``MOMBASA, Kenya``, ``March 3``.

    Attributes:
        place: The place as written, e.g. ``"MOMBASA, Kenya"``.
        date: The date as written, e.g. ``"March 3"``, when the dateline gives one.

    Example:
        >>> Dateline(place="MOMBASA, Kenya", date="March 3")
        Dateline(place='MOMBASA, Kenya', date='March 3')
    """

    place: str = attrs.field(validator=_line)
    date: str | None = attrs.field(default=None, validator=_line)


def _later_language(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _language(instance, attribute, value)  # defined further down, beside Article


@attrs.frozen(kw_only=True)
class Name:
    """A name in a stated language, or in none: ``Name(text="Arbeitsmarkt", language="de")``.

    Attributes:
        text: The name, not empty or blank.
        language: The BCP 47 language tag of the name, if stated.

    Example:
        >>> Name(text="Arbeitsmarkt", language="de").language
        'de'
    """

    text: str = attrs.field(validator=_non_blank)
    language: str | None = attrs.field(default=None, validator=_later_language)


def _names(value: Iterable[Name]) -> object:
    return _as_tuple(value)


def _related(value: Iterable[Concept]) -> object:
    return _as_tuple(value)


def _code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A code (a qcode, a role): one token, without white space."""
    if value is not None and (
        len(_str(attribute.name, value).split()) != 1 or value != str(value).strip()
    ):
        raise ValidationError(attribute.name, f"{_shown(value)} must be one token without spaces")


def _codes(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    items = _tuple(attribute.name, value, str)
    for item in items:
        if type(item) is not str:
            raise _wrong_item(attribute.name, items, item, str)
        _code(instance, attribute, item)


def _concept_tuple(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple or value:  # most concepts relate to none
        _check_concepts(instance, attribute, value)  # made once Concept exists, below it


def _check_names(name: str | None, names: tuple[Name, ...], where: str) -> None:
    """The rule that ties ``name`` to ``names`` (see :class:`Concept`)."""
    if not names:
        return
    if len(names) == 1 and names[0].language is None:
        raise ValidationError(
            where, "a single name in no stated language is held in name, with names empty"
        )
    if name != names[0].text:
        raise ValidationError(
            where, f"name {_shown(name)} must be the first of names, {_shown(names[0].text)}"
        )


@attrs.frozen(kw_only=True)
class Concept:
    """An entry of a controlled vocabulary: a subject, genre, place, service or provider.

    At least one of ``qcode``, ``uri``, ``name`` and ``literal`` is set.

    Names: ``name`` is the concept's first name. A concept with one name in no stated
    language holds it in ``name`` alone; one with names in stated languages, or with
    several, lists every one in ``names``, and ``name`` is the first of them (left unset,
    it is taken from there).

    Attributes:
        qcode: The qualified code, ``scheme:code``, e.g. ``"medtop:20000053"``.
        uri: The concept's URI.
        name: The human-readable name, e.g. ``"armed conflict"``.
        names: Every name with its language, when the concept has names in stated
            languages or several names: ``(Name(text="labour market", language="en-GB"),
            Name(text="Arbeitsmarkt", language="de"))``.
        kind: The concept's type, as a qcode: ``"cpnat:abstract"``, ``"cptype:city"``.
        literal: A provider's own code for the concept where it has no qcode or uri.
        rank: How important the concept is to the content, 0 upwards; a lower rank is
            more important.
        broader: Broader concepts: the region and country of a city, the parent topic of
            a subject.
        same_as: The same concept in other vocabularies.

    Example:
        >>> Concept(qcode="medtop:20000053", name="armed conflict").qcode
        'medtop:20000053'
        >>> Concept()
        Traceback (most recent call last):
          ...
        newsdoc.errors.ValidationError: invalid concept: needs a qcode, a uri, a name or a literal
    """

    qcode: str | None = attrs.field(default=None, validator=_non_blank)
    uri: str | None = attrs.field(default=None, validator=_non_blank)
    name: str | None = attrs.field(default=None, validator=_non_blank)
    names: tuple[Name, ...] = attrs.field(default=(), converter=_names, validator=_tuple_of(Name))
    kind: str | None = attrs.field(default=None, validator=_code)
    literal: str | None = attrs.field(default=None, validator=_non_blank)
    rank: int | None = attrs.field(default=None, validator=_in_range(0))
    broader: tuple[Concept, ...] = attrs.field(
        default=(), converter=_related, validator=_concept_tuple
    )
    same_as: tuple[Concept, ...] = attrs.field(
        default=(), converter=_related, validator=_concept_tuple
    )

    def __attrs_post_init__(self) -> None:
        if self.name is None and self.names:
            object.__setattr__(self, "name", self.names[0].text)
        _check_names(self.name, self.names, "concept")
        if self.qcode is None and self.uri is None and self.name is None and self.literal is None:
            raise ValidationError("concept", "needs a qcode, a uri, a name or a literal")


_check_concepts = _tuple_of(Concept)


@attrs.frozen(kw_only=True)
class Rights:
    """Copyright and usage terms; at least one of them is set.

    Attributes:
        holder: Who holds the copyright, e.g. ``"Example News Agency"``.
        notice: The copyright notice, e.g. ``"Copyright 2025 Example News Agency"``.
        notice_uri: Where the full notice or licence is published; only beside a notice.
        usage_terms: What a receiver may do with the article.

    Example:
        >>> Rights(holder="Example News Agency", usage_terms="Not for resale.").notice is None
        True
        >>> Rights(notice="Copyright 2025 Example", notice_uri="https://example.com/l").notice_uri
        'https://example.com/l'
        >>> Rights(holder="Example", notice_uri="https://example.com/l")
        Traceback (most recent call last):
          ...
        newsdoc.errors.ValidationError: invalid notice_uri: needs the notice it points to
    """

    holder: str | None = attrs.field(default=None, validator=_non_blank)
    notice: str | None = attrs.field(default=None, validator=_non_blank)
    notice_uri: str | None = attrs.field(default=None, validator=_non_blank)
    usage_terms: str | None = attrs.field(default=None, validator=_non_blank)

    def __attrs_post_init__(self) -> None:
        if self.holder is None and self.notice is None and self.usage_terms is None:
            raise ValidationError("rights", "needs a holder, a notice or usage terms")
        if self.notice_uri is not None and self.notice is None:
            raise ValidationError("notice_uri", "needs the notice it points to")


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

    Example:
        >>> kept = Extension(format="newsml", path="/newsItem", attributes=[("xml:lang", "en")])
        >>> kept.attributes
        (('xml:lang', 'en'),)
    """

    format: str
    path: str
    content: str = ""
    attributes: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)

    def __attrs_post_init__(self) -> None:
        # One check for every field: readers make an Extension for every unmapped piece.
        for name, value in (("format", self.format), ("path", self.path)):
            if type(value) is not str or not value.strip():
                raise ValidationError(name, "must be a string, not empty or blank")
        if type(self.content) is not str:
            raise ValidationError("content", f"must be a string, not {type(self.content).__name__}")
        _check_pairs("attributes", self.attributes)


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def _language(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not _LANGUAGE_TAG.fullmatch(_str(attribute.name, value)):
        raise ValidationError(attribute.name, f"{_shown(value)} is not a BCP 47 language tag")


# --- Who made it, how to handle it, what it relates to --------------------------------------


@attrs.frozen(kw_only=True)
class RelatedConcept:
    """A concept that a party stands in a stated relation to, e.g. being staff.

    Attributes:
        concept: The related concept, e.g. ``Concept(qcode="gyibt:staff")``.
        relation: How the party relates to it, as a qcode, e.g. ``"crel:isA"``; ``None``
            when the source does not say.

    Example:
        >>> staff = RelatedConcept(relation="crel:isA", concept=Concept(qcode="gyibt:staff"))
        >>> Party(name="Spencer Platt", related=[staff]).related[0].concept.qcode
        'gyibt:staff'
    """

    concept: Concept = attrs.field(validator=_instance_of(Concept))
    relation: str | None = attrs.field(default=None, validator=_code)


def _related_concepts(value: Iterable[RelatedConcept]) -> object:
    return _as_tuple(value)


@attrs.frozen(kw_only=True)
class Party:
    """A person or organisation behind the article: a creator, a contributor, a source.

    At least one of ``name``, ``qcode`` and ``uri`` is set. The bylines as printed stay in
    :attr:`Article.bylines`; parties are the structured record beside them.

    Attributes:
        name: The party's name, e.g. ``"Meredith Jameson"``.
        qcode: The party's qualified code, e.g. ``"pers:JS001"``.
        uri: The party's URI, e.g. a staff page.
        kind: The party's type, as a qcode: ``"cptype:person"``, ``"cptype:organisation"``.
        roles: What the party did, as qcodes: ``("crol:photographer",)``,
            ``("infosrc:originfo",)``.
        related: Concepts the party is related to: what it is (staff, a freelancer), an
            employer, a team.

    Example:
        >>> Party(name="Jane Smith", roles=["crol:photographer"]).roles
        ('crol:photographer',)
    """

    name: str | None = attrs.field(default=None, validator=_non_blank)
    qcode: str | None = attrs.field(default=None, validator=_non_blank)
    uri: str | None = attrs.field(default=None, validator=_non_blank)
    kind: str | None = attrs.field(default=None, validator=_code)
    roles: tuple[str, ...] = attrs.field(default=(), converter=_texts, validator=_codes)
    related: tuple[RelatedConcept, ...] = attrs.field(
        default=(), converter=_related_concepts, validator=_tuple_of(RelatedConcept)
    )

    def __attrs_post_init__(self) -> None:
        if self.name is None and self.qcode is None and self.uri is None:
            raise ValidationError("party", "needs a name, a qcode or a uri")


class KnownSignal(enum.Enum):
    """Well-known signals of the IPTC signal vocabulary, by their qcode.

    Example:
        >>> KnownSignal("sig:correction")
        <KnownSignal.CORRECTION: 'sig:correction'>
    """

    UPDATE = "sig:update"
    """The item updates an earlier version."""
    CORRECTION = "sig:correction"
    """The item corrects an earlier version."""
    CLARIFICATION = "sig:clarification"
    """The item clarifies an earlier version."""
    WITHDRAWAL = "sig:kill"
    """The earlier versions must be withdrawn."""
    CONTENT_WARNING = "sig:cwarn"
    """The content may upset or offend; read the editorial note before publishing."""


@attrs.frozen(kw_only=True)
class Signal:
    """An instruction to the receiver about how to handle the item, as a qcode.

    The well-known IPTC signals are named: ``Signal.CORRECTION``, ``Signal.UPDATE`` (see
    :class:`KnownSignal`); any other vocabulary's qcode is held as well.

    Attributes:
        qcode: The signal's qualified code, e.g. ``"sig:correction"``.

    Example:
        >>> Signal(qcode="sig:correction") == Signal.CORRECTION
        True
    """

    UPDATE: ClassVar[Signal]
    CORRECTION: ClassVar[Signal]
    CLARIFICATION: ClassVar[Signal]
    WITHDRAWAL: ClassVar[Signal]
    CONTENT_WARNING: ClassVar[Signal]

    qcode: str = attrs.field(validator=_code)

    @property
    def known(self) -> KnownSignal | None:
        """The well-known signal this is, if it is one.

        Example:
            >>> Signal.UPDATE.known
            <KnownSignal.UPDATE: 'sig:update'>
            >>> Signal(qcode="ex:urgent").known is None
            True
        """
        try:
            return KnownSignal(self.qcode)
        except ValueError:
            return None


for _known in KnownSignal:
    setattr(Signal, _known.name, Signal(qcode=_known.value))


@attrs.frozen(kw_only=True)
class Link:
    """A link to a related item or resource: a previous version, a series, a picture.

    At least one of ``target`` and ``target_id`` is set.

    Attributes:
        relation: How the target relates to the article, as a qcode:
            ``"irel:previousVersion"``, ``"irel:seeAlso"``.
        target: The target's URL or URI.
        target_id: The target item's id (a NewsML-G2 guid).
        version: The target item's version, counting from 1.
        title: A title for the target.
        content_type: The target's media type, e.g. ``"image/jpeg"``.

    Example:
        >>> Link(relation="irel:previousVersion", target_id="urn:newsml:x:1", version=2).version
        2
    """

    relation: str | None = attrs.field(default=None, validator=_code)
    target: str | None = attrs.field(default=None, validator=_non_blank)
    target_id: str | None = attrs.field(default=None, validator=_non_blank)
    version: int | None = attrs.field(default=None, validator=_in_range(1))
    title: str | None = attrs.field(default=None, validator=_line)
    content_type: str | None = attrs.field(default=None, validator=_code)

    def __attrs_post_init__(self) -> None:
        if self.target is None and self.target_id is None:
            raise ValidationError("link", "needs a target or a target_id")


@attrs.frozen(kw_only=True)
class AltId:
    """An identifier of the article in another system.

    Attributes:
        value: The identifier, e.g. ``"SAD02"``.
        kind: Which kind of identifier it is, as a qcode, e.g. ``"idtype:systemRef"``.

    Example:
        >>> AltId(value="SAD02", kind="idtype:systemRef").value
        'SAD02'
    """

    value: str = attrs.field(validator=_line)
    kind: str | None = attrs.field(default=None, validator=_code)


@attrs.frozen(kw_only=True)
class RoleText:
    """A further headline or description, with its role and language.

    Attributes:
        text: The text, not empty or blank.
        role: What the text is for, as a qcode: ``"hlrole:short"``, ``"drol:caption"``.
        language: The BCP 47 language tag of the text, if it differs from the article's.

    Example:
        >>> RoleText(text="Fed halts QE", role="hlrole:short").role
        'hlrole:short'
    """

    text: str = attrs.field(validator=_non_blank)
    role: str | None = attrs.field(default=None, validator=_code)
    language: str | None = attrs.field(default=None, validator=_later_language)


def _role_texts(value: Iterable[RoleText]) -> object:
    return _as_tuple(value)


def _parties(value: Iterable[Party]) -> object:
    return _as_tuple(value)


def _signals(value: Iterable[Signal]) -> object:
    return _as_tuple(value)


def _links(value: Iterable[Link]) -> object:
    return _as_tuple(value)


def _alt_ids(value: Iterable[AltId]) -> object:
    return _as_tuple(value)


def _non_blank_texts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    items = _tuple(attribute.name, value, str)
    for item in items:
        if type(item) is not str:
            raise _wrong_item(attribute.name, items, item, str)
        if not item.strip():
            raise ValidationError(attribute.name, "must not hold an empty or blank text")


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
        slugline_separator: What parts the slugline's pieces, where the source says so:
            ``"-"`` for ``"US-Finance-Fed"``.
        description: A summary of the article.
        creditline: Whom to credit, e.g. ``"Reuters"``.
        located: The place the content was created, as a concept.
        genres: The genres, e.g. ``genre:Current``.
        urgency: The editorial urgency, 1 (most urgent) to 9.
        subjects: What the article is about, as concepts.
        keywords: Free-text keywords.
        rights: Copyright and usage terms.
        embargoed: Not to be published before this moment (timezone-aware).
        content_created: When the content itself was created, which may be before the
            article was (timezone-aware).
        content_modified: When the content itself was last changed (timezone-aware).
        creators: Who created the content, with their roles; the bylines as printed stay
            in ``bylines``.
        contributors: Who contributed to the content: editors, translators, photographers.
        info_sources: Who supplied information for the content, with their roles.
        editorial_notes: Notes to the receiving editor, not for publication.
        signals: Instructions about how to handle the article: an update, a correction.
        links: Related items and resources.
        alt_ids: The article's identifiers in other systems.
        services: The services (wires, feeds) the article is distributed on.
        other_headlines: Headlines beyond ``headline`` and ``subheadline``: other roles
            (short, web), other languages.
        other_descriptions: Descriptions beyond ``description``: a caption, an abstract,
            a summary in another language.
        lead: The paragraphs before the first section heading.
        sections: The headed sections of the body, in order.
        trailer: Boilerplate lines after the body ("subscribe now", copyright, "Read more:").
        attributions: Who said, confirmed or declined what, anchored in the body.
        events: What happened, when, where and who, anchored in the body.
        extensions: Source content that no field holds, kept for its own format's writer.
        marks: Inline markup over the body paragraphs (emphasis, links, named entities),
            held in reading order (by paragraph, start, longest first), with equal marks
            that touch or overlap merged into one.

    Example:
        >>> import datetime as dt
        >>> article = Article(
        ...     headline="Council approves harbour expansion",
        ...     created=dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.timezone.utc),
        ...     lead=["The county council voted on Tuesday to expand the harbour."],
        ...     keywords=["harbour", "Mombasa"],
        ... )
        >>> article.keywords
        ('harbour', 'Mombasa')
        >>> Article(version=0, lead=["A first version is 1."])
        Traceback (most recent call last):
          ...
        newsdoc.errors.ValidationError: invalid version: must be an int of at least 1 that fits in
        64 bits
    """

    id: str | None = attrs.field(default=None, validator=_non_blank)
    version: int | None = attrs.field(default=None, validator=_in_range(1))
    language: str | None = attrs.field(default=None, validator=_language)
    created: dt.datetime | None = attrs.field(default=None, validator=_aware)
    updated: dt.datetime | None = attrs.field(default=None, validator=_aware)
    pub_status: PubStatus | None = attrs.field(
        default=None, converter=_pub_status, validator=_member_of(PubStatus, or_none=True)
    )
    provider: Concept | None = attrs.field(
        default=None, validator=_instance_of(Concept, or_none=True)
    )
    headline: str | None = attrs.field(default=None, validator=_line)
    subheadline: str | None = attrs.field(default=None, validator=_line)
    bylines: tuple[str, ...] = attrs.field(default=(), converter=_texts, validator=_lines)
    dateline: Dateline | None = attrs.field(
        default=None, validator=_instance_of(Dateline, or_none=True)
    )
    slugline: str | None = attrs.field(default=None, validator=_line)
    slugline_separator: str | None = attrs.field(default=None, validator=_separator)
    description: str | None = attrs.field(default=None, validator=_non_blank)
    creditline: str | None = attrs.field(default=None, validator=_line)
    located: Concept | None = attrs.field(
        default=None, validator=_instance_of(Concept, or_none=True)
    )
    genres: tuple[Concept, ...] = attrs.field(
        default=(), converter=_concepts, validator=_tuple_of(Concept)
    )
    urgency: int | None = attrs.field(default=None, validator=_in_range(1, 9))
    subjects: tuple[Concept, ...] = attrs.field(
        default=(), converter=_concepts, validator=_tuple_of(Concept)
    )
    keywords: tuple[str, ...] = attrs.field(default=(), converter=_texts, validator=_lines)
    rights: Rights | None = attrs.field(default=None, validator=_instance_of(Rights, or_none=True))
    embargoed: dt.datetime | None = attrs.field(default=None, validator=_aware)
    content_created: dt.datetime | None = attrs.field(default=None, validator=_aware)
    content_modified: dt.datetime | None = attrs.field(default=None, validator=_aware)
    creators: tuple[Party, ...] = attrs.field(
        default=(), converter=_parties, validator=_tuple_of(Party)
    )
    contributors: tuple[Party, ...] = attrs.field(
        default=(), converter=_parties, validator=_tuple_of(Party)
    )
    info_sources: tuple[Party, ...] = attrs.field(
        default=(), converter=_parties, validator=_tuple_of(Party)
    )
    editorial_notes: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, validator=_non_blank_texts
    )
    signals: tuple[Signal, ...] = attrs.field(
        default=(), converter=_signals, validator=_tuple_of(Signal)
    )
    links: tuple[Link, ...] = attrs.field(default=(), converter=_links, validator=_tuple_of(Link))
    alt_ids: tuple[AltId, ...] = attrs.field(
        default=(), converter=_alt_ids, validator=_tuple_of(AltId)
    )
    services: tuple[Concept, ...] = attrs.field(
        default=(), converter=_concepts, validator=_tuple_of(Concept)
    )
    other_headlines: tuple[RoleText, ...] = attrs.field(
        default=(), converter=_role_texts, validator=_tuple_of(RoleText)
    )
    other_descriptions: tuple[RoleText, ...] = attrs.field(
        default=(), converter=_role_texts, validator=_tuple_of(RoleText)
    )
    lead: tuple[str, ...] = attrs.field(default=(), converter=_texts, validator=_lines)
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=_sections, validator=_tuple_of(Section)
    )
    trailer: tuple[str, ...] = attrs.field(default=(), converter=_texts, validator=_lines)
    attributions: tuple[Attribution, ...] = attrs.field(
        default=(), converter=_attributions, validator=_tuple_of(Attribution)
    )
    events: tuple[Event, ...] = attrs.field(
        default=(), converter=_events, validator=_tuple_of(Event)
    )
    extensions: tuple[Extension, ...] = attrs.field(
        default=(), converter=_extensions, validator=_tuple_of(Extension)
    )
    marks: tuple[Mark, ...] = attrs.field(default=(), converter=_marks, validator=_tuple_of(Mark))

    def __attrs_post_init__(self) -> None:
        if self.slugline_separator is not None and self.slugline is None:
            raise ValidationError("slugline_separator", "needs a slugline to part")
        if not self.attributions and not self.events and not self.marks:
            return
        paragraphs = self.paragraphs
        for index, attribution in enumerate(self.attributions):
            for span in attribution.spans():
                _check_anchor(paragraphs, span, f"attributions[{index}]")
        for index, event in enumerate(self.events):
            for span in event.spans():
                _check_anchor(paragraphs, span, f"events[{index}]")
        for index, mark in enumerate(self.marks):
            _check_anchor(paragraphs, mark.span, f"marks[{index}]")

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Every body paragraph in reading order (the lead, then each section's paragraphs).

        :class:`Span` indices count in this order.

        Example:
            >>> section = Section(heading="More", paragraphs=["Body."])
            >>> Article(lead=["Lead."], sections=[section]).paragraphs
            ('Lead.', 'Body.')
        """
        if not self.sections:
            return self.lead
        return self.lead + tuple(p for section in self.sections for p in section.paragraphs)

    def text_of(self, span: Span) -> str:
        """The characters that ``span`` points at in this article's body.

        Example:
            >>> section = Section(heading="Weather", paragraphs=["Then rain."])
            >>> article = Article(lead=["First."], sections=[section])
            >>> article.text_of(Span(paragraph=1, start=5, end=9, text="rain"))
            'rain'
        """
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
