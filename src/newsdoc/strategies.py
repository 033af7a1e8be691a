"""Hypothesis strategies for every newsdoc model type.

Use them to property-test code that consumes or produces newsdoc Articles::

    from hypothesis import given
    from newsdoc import strategies

    @given(strategies.articles())
    def test_my_exporter_keeps_headlines(article):
        ...

Every strategy generates valid values: spans always hold the text they claim. Text is
drawn from characters every newsdoc format can carry (no control characters, surrogates,
unassigned or private-use code points), so a generated Article can be written anywhere.

:func:`articles` generates Articles that use every field; given a format
(``articles("text")`` or ``articles(info)`` for a :class:`~newsdoc.FormatInfo`), only the
fields that format carries, in the shapes it can express, so that
``read(write(a, format), format, extract=False)`` gives them back exactly. The tests run
one round-trip property per registered format this way. :func:`al_asad_articles`
recombines the bundled Al Asad article's own headings, paragraphs, attributions and
events. This module needs hypothesis installed (the ``test``
extra).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import cache
from importlib.resources import files
from typing import Any, NamedTuple, TypeVar

import attrs
from hypothesis import strategies as st

from newsdoc.formats import ANNOTATIONS, ARTICLE_FIELDS, FormatInfo, by_name
from newsdoc.model import (
    AltId,
    Article,
    Attribution,
    AttributionKind,
    Concept,
    Dateline,
    Event,
    Extension,
    KnownSignal,
    Link,
    Mark,
    MarkKind,
    Name,
    Party,
    PubStatus,
    RelatedConcept,
    Rights,
    RoleText,
    Section,
    Signal,
    Span,
    TimeExpression,
)

__all__ = [
    "al_asad_articles",
    "alt_ids",
    "articles",
    "attributions",
    "concepts",
    "datelines",
    "events",
    "extensions",
    "lines",
    "links",
    "marks",
    "names",
    "parties",
    "related_concepts",
    "rights",
    "role_texts",
    "sections",
    "signals",
    "spans",
    "time_expressions",
    "timex_values",
    "timezone_aware_datetimes",
]

_T = TypeVar("_T")
_PORTABLE_CHARACTERS = st.characters(exclude_categories=("Cc", "Cs", "Cn", "Co", "Zl", "Zp"))


def lines(*, max_size: int = 60) -> st.SearchStrategy[str]:
    """One-line texts in the model's normal form: non-empty, stripped, no line breaks.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(lines(max_size=20))
        ... def test(line):
        ...     assert 0 < len(line) <= 20 and line == line.strip()
        >>> test()
    """
    return st.text(_PORTABLE_CHARACTERS, min_size=1, max_size=max_size).map(str.strip).filter(bool)


def timezone_aware_datetimes() -> st.SearchStrategy[dt.datetime]:
    """Datetimes with a fixed UTC offset, whole seconds, between 1900 and 2100.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(timezone_aware_datetimes())
        ... def test(when):
        ...     assert when.utcoffset() is not None and when.microsecond == 0
        >>> test()
    """
    offsets = st.integers(min_value=-14 * 4, max_value=14 * 4).map(
        lambda quarters: dt.timezone(dt.timedelta(minutes=15 * quarters))
    )
    return st.datetimes(
        min_value=dt.datetime(1900, 1, 2),
        max_value=dt.datetime(2099, 12, 30),
        timezones=offsets,
    ).map(lambda moment: moment.replace(microsecond=0))


def timex_values() -> st.SearchStrategy[str]:
    """ISO-8601 calendar values in the TIMEX3 style, from a century down to a minute.

    Example:
        >>> from newsdoc import Span, TimeExpression
        >>> words = Span(paragraph=0, start=0, end=4, text='then')
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(timex_values())
        ... def test(value):
        ...     assert TimeExpression(span=words, value=value).value == value
        >>> test()
    """
    years = st.integers(min_value=1900, max_value=2099)
    months = st.integers(min_value=1, max_value=12)
    days = st.integers(min_value=1, max_value=28)
    return st.one_of(
        years.map(str),
        years.map(lambda year: str(year)[:3]),
        st.builds(lambda y, m: f"{y}-{m:02d}", years, months),
        st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", years, months, days),
        st.builds(lambda y, q: f"{y}-Q{q}", years, st.integers(1, 4)),
        st.builds(lambda y, w: f"{y}-W{w:02d}", years, st.integers(1, 52)),
        st.builds(lambda y, s: f"{y}-{s}", years, st.sampled_from(["SP", "SU", "FA", "WI"])),
        st.builds(
            lambda y, m, d, h, mi: f"{y}-{m:02d}-{d:02d}T{h:02d}:{mi:02d}",
            years,
            months,
            days,
            st.integers(0, 23),
            st.integers(0, 59),
        ),
    )


@st.composite
def spans(draw: st.DrawFn, paragraphs: tuple[str, ...]) -> Span:
    """A span holding a non-empty piece of one of ``paragraphs`` (which must not be empty).

    Example:
        >>> paragraphs = ("The council voted on Tuesday.", "The mayor said the plan would pass.")
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(spans(paragraphs))
        ... def test(span):
        ...     assert paragraphs[span.paragraph][span.start : span.end] == span.text
        >>> test()
    """
    index = draw(st.integers(min_value=0, max_value=len(paragraphs) - 1))
    text = paragraphs[index]
    start = draw(st.integers(min_value=0, max_value=len(text) - 1))
    end = draw(st.integers(min_value=start + 1, max_value=min(len(text), start + 80)))
    return Span(paragraph=index, start=start, end=end, text=text[start:end])


def time_expressions(paragraphs: tuple[str, ...]) -> st.SearchStrategy[TimeExpression]:
    """Time expressions anchored in ``paragraphs``, resolved or not.

    Example:
        >>> from newsdoc import Article, Event
        >>> paragraphs = ("The council voted on Tuesday.", "The mayor said the plan would pass.")
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(time_expressions(paragraphs))
        ... def test(time):
        ...     trigger = time.span  # any span will do as a trigger here
        ...     assert Article(lead=paragraphs, events=[Event(trigger=trigger, time=time)])
        >>> test()
    """
    return st.builds(TimeExpression, span=spans(paragraphs), value=st.none() | timex_values())


def attributions(paragraphs: tuple[str, ...]) -> st.SearchStrategy[Attribution]:
    """Attributions of every kind anchored in ``paragraphs``, content in 0 to 2 pieces.

    Example:
        >>> from newsdoc import Article
        >>> paragraphs = ("The council voted on Tuesday.", "The mayor said the plan would pass.")
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(attributions(paragraphs))
        ... def test(attribution):
        ...     assert Article(lead=paragraphs, attributions=[attribution]).attributions
        ...     assert len(attribution.content) <= 2
        >>> test()
    """
    return st.builds(
        Attribution,
        kind=st.sampled_from(AttributionKind),
        source=spans(paragraphs),
        cue=spans(paragraphs),
        content=st.lists(spans(paragraphs), max_size=2),
        antecedent=st.none() | spans(paragraphs),
    )


def events(paragraphs: tuple[str, ...]) -> st.SearchStrategy[Event]:
    """Events anchored in ``paragraphs``, with or without time, places and participants.

    Example:
        >>> from newsdoc import Article
        >>> paragraphs = ("The council voted on Tuesday.", "The mayor said the plan would pass.")
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(events(paragraphs))
        ... def test(event):
        ...     assert Article(lead=paragraphs, events=[event]).events == (event,)
        >>> test()
    """
    return st.builds(
        Event,
        trigger=spans(paragraphs),
        time=st.none() | time_expressions(paragraphs),
        places=st.lists(spans(paragraphs), max_size=2),
        participants=st.lists(spans(paragraphs), max_size=3),
    )


_SCHEMES = ["medtop", "subj", "genre", "geo", "nprov", "ex"]
_CODES = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,11}", fullmatch=True)
_LANGUAGES = ["en", "en-GB", "fr", "de-CH", "ar", "zh-Hant"]


def _qcodes(schemes: list[str] | None = None) -> st.SearchStrategy[str]:
    return st.builds("{}:{}".format, st.sampled_from(schemes or _SCHEMES), _CODES)


def _uris(kind: str = "c") -> st.SearchStrategy[str]:
    return st.from_regex(rf"https://example\.org/{kind}/[a-z]{{1,8}}/[0-9]{{1,6}}", fullmatch=True)


def names() -> st.SearchStrategy[Name]:
    """Names in a stated language.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(names())
        ... def test(value):
        ...     assert value.language is not None
        >>> test()
    """
    return st.builds(Name, text=lines(max_size=30), language=st.sampled_from(_LANGUAGES))


@st.composite
def marks(draw: st.DrawFn, paragraphs: tuple[str, ...]) -> Mark:
    """Marks of every kind over a piece of ``paragraphs`` (which must not be empty).

    A link has an ``href`` or not (an anchor); any mark may have a ``title`` and a ``class``
    attribute, in either order.

    Example:
        >>> from hypothesis import given, settings
        >>> from newsdoc import Article
        >>> paragraphs = ("The council voted on Tuesday.", "The mayor said the plan would pass.")
        >>> @settings(max_examples=10)
        ... @given(marks(paragraphs))
        ... def test(mark):
        ...     assert Article(lead=paragraphs, marks=[mark]).marks == (mark,)
        >>> test()
    """
    kind = draw(st.sampled_from(MarkKind))
    href = None
    if kind is MarkKind.LINK:
        href = draw(
            st.none() | st.from_regex(r"https://example\.org/[a-z0-9/._-]{0,20}", fullmatch=True)
        )
    values = st.text(_PORTABLE_CHARACTERS, max_size=20)
    names = draw(st.permutations(["title", "class"]))[: draw(st.integers(0, 2))]
    attributes = tuple((name, draw(values)) for name in names)
    return Mark(kind=kind, span=draw(spans(paragraphs)), href=href, attributes=attributes)


@st.composite
def concepts(
    draw: st.DrawFn, *, details: bool = False, rank: bool = False, related: bool = False
) -> Concept:
    """Vocabulary concepts with any non-empty combination of qcode, uri and name(s).

    Args:
        draw: Supplied by hypothesis.
        details: Also draw a type (``kind``) and a literal.
        rank: Also draw a rank.
        related: Also draw broader and same-as concepts (themselves with details, not
            related further).

    NewsML-G2 carries details on subjects, genres, places, providers and related
    concepts, a rank on subjects and genres only, and related concepts one level deep.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(concepts())
        ... def test(concept):
        ...     assert (concept.qcode, concept.uri, concept.name) != (None, None, None)
        >>> test()
    """
    qcode = draw(st.none() | _qcodes())
    uri = draw(st.none() | _uris())
    literal = draw(st.none() | lines(max_size=20)) if details else None
    in_languages = tuple(draw(st.lists(names(), max_size=3)))
    name = None
    if not in_languages:
        needed = qcode is None and uri is None and literal is None
        name = draw(lines() if needed else st.none() | lines())
    return Concept(
        qcode=qcode,
        uri=uri,
        name=name,
        names=in_languages,
        kind=draw(st.none() | _qcodes(["cpnat", "cptype"])) if details else None,
        literal=literal,
        rank=draw(st.none() | st.integers(0, 100)) if rank else None,
        broader=tuple(draw(st.lists(concepts(details=True), max_size=2))) if related else (),
        same_as=tuple(draw(st.lists(concepts(details=True), max_size=1))) if related else (),
    )


def related_concepts() -> st.SearchStrategy[RelatedConcept]:
    """Related concepts of a party: concepts with details and rank, some with a relation.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(related_concepts())
        ... def test(value):
        ...     assert value.concept.broader == value.concept.same_as == ()
        >>> test()
    """
    return st.builds(
        RelatedConcept,
        concept=concepts(details=True, rank=True),
        relation=st.none() | _qcodes(["crel", "ex"]),
    )


@st.composite
def parties(draw: st.DrawFn) -> Party:
    """Parties with any non-empty combination of name, qcode and uri; roles, related concepts.

    Each has 0 to 2 roles and 0 to 2 related concepts.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(parties())
        ... def test(value):
        ...     assert (value.name, value.qcode, value.uri) != (None, None, None)
        >>> test()
    """
    qcode = draw(st.none() | _qcodes(["pers", "org", "ex"]))
    uri = draw(st.none() | _uris("staff"))
    name = draw(lines(max_size=30) if qcode is None and uri is None else st.none() | lines())
    return Party(
        name=name,
        qcode=qcode,
        uri=uri,
        kind=draw(st.none() | st.sampled_from(["cptype:person", "cptype:organisation"])),
        roles=tuple(draw(st.lists(_qcodes(["crol", "infosrc"]), max_size=2))),
        related=tuple(draw(st.lists(related_concepts(), max_size=2))),
    )


def signals() -> st.SearchStrategy[Signal]:
    """The well-known signals and signals of other vocabularies.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(signals())
        ... def test(value):
        ...     assert value.qcode.startswith(("sig:", "ex:"))
        >>> test()
    """
    known = st.sampled_from([Signal(qcode=signal.value) for signal in KnownSignal])
    return known | st.builds(Signal, qcode=_qcodes(["sig", "ex"]))


@st.composite
def links(draw: st.DrawFn) -> Link:
    """Links with a target, a target id or both, and any of their other details.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(links())
        ... def test(value):
        ...     assert value.target is not None or value.target_id is not None
        >>> test()
    """
    target = draw(st.none() | _uris("item"))
    target_id = draw(
        st.from_regex(r"urn:newsml:example\.org:[a-z0-9.-]{1,12}", fullmatch=True)
        if target is None
        else st.none() | st.from_regex(r"urn:newsml:example\.org:[a-z0-9]{1,8}", fullmatch=True)
    )
    return Link(
        relation=draw(st.none() | _qcodes(["irel", "ex"])),
        target=target,
        target_id=target_id,
        version=draw(st.none() | st.integers(min_value=1, max_value=2**63 - 1)),
        title=draw(st.none() | lines(max_size=40)),
        content_type=draw(st.none() | st.sampled_from(["image/jpeg", "text/html"])),
    )


def role_texts() -> st.SearchStrategy[RoleText]:
    """Further headlines or descriptions, with or without a role and a language.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(role_texts())
        ... def test(value):
        ...     assert value.text
        >>> test()
    """
    return st.builds(
        RoleText,
        text=lines(max_size=60),
        role=st.none() | _qcodes(["hlrole", "drol", "ex"]),
        language=st.none() | st.sampled_from(_LANGUAGES),
    )


def alt_ids() -> st.SearchStrategy[AltId]:
    """Alternative identifiers, with or without a kind.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(alt_ids())
        ... def test(value):
        ...     assert value.value
        >>> test()
    """
    return st.builds(AltId, value=lines(max_size=20), kind=st.none() | _qcodes(["idtype", "ex"]))


@st.composite
def rights(draw: st.DrawFn) -> Rights:
    """Rights with any non-empty combination of holder, notice and usage terms.

    A notice may come with its URI.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(rights())
        ... def test(rights):
        ...     assert (rights.holder, rights.notice, rights.usage_terms) != (None, None, None)
        >>> test()
    """
    holder = draw(st.none() | lines())
    notice = draw(st.none() | lines())
    terms = draw(lines() if holder is None and notice is None else st.none() | lines())
    notice_uri = None if notice is None else draw(st.none() | _uris("licence"))
    return Rights(holder=holder, notice=notice, notice_uri=notice_uri, usage_terms=terms)


def datelines() -> st.SearchStrategy[Dateline]:
    """Datelines with arbitrary place and optional date text.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(datelines())
        ... def test(dateline):
        ...     assert dateline.place == dateline.place.strip()
        >>> test()
    """
    return st.builds(Dateline, place=lines(max_size=30), date=st.none() | lines(max_size=20))


def extensions(*, attributes: bool = False) -> st.SearchStrategy[Extension]:
    """Opaque extension data from a format other than the built-in ones.

    Args:
        attributes: Also draw attribute pairs. Only newsdoc JSON carries other formats'
            attributes; the NewsML-G2 writer refuses them.

    Example:
        >>> import newsdoc
        >>> from newsdoc import Article
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(extensions())
        ... def test(extension):
        ...     article = Article(lead=['Body.'], extensions=[extension])
        ...     assert newsdoc.read(newsdoc.write(article, "json"), "json") == article
        >>> test()
    """
    pairs = st.lists(
        st.tuples(st.from_regex(r"[a-z][a-z0-9:-]{0,10}", fullmatch=True),
                  st.text(_PORTABLE_CHARACTERS, max_size=20)),
        max_size=3,
        unique_by=lambda pair: pair[0],
    ).map(lambda drawn: tuple(sorted(drawn)))  # fmt: skip
    return st.builds(
        Extension,
        format=st.sampled_from(["example", "x-archive"]),
        path=st.from_regex(r"/[a-z]{1,8}(/[a-z]{1,8}(\[[1-9]\])?){0,3}", fullmatch=True),
        content=st.text(_PORTABLE_CHARACTERS, max_size=40),
        attributes=pairs if attributes else st.just(()),
    )


def sections(*, heading: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Section]:
    """Sections with a heading and 0 to 4 paragraphs.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(sections())
        ... def test(section):
        ...     assert len(section.paragraphs) <= 4
        >>> test()
    """
    return st.builds(
        Section,
        heading=heading if heading is not None else lines(),
        paragraphs=st.lists(lines(max_size=200), max_size=4),
    )


# --- Realistic text for the plain-text convention -------------------------------------------

_HEADINGS = (
    "Talks Resume After Two-Week Pause",
    "What comes next for the port",
    "Why did the council change course?",
    "Markets react",
    "A long road to the final",
    "Residents count the cost",
    "Timeline",
    "The 2024 budget in numbers",
)
_SENTENCES = (
    "The council voted on Tuesday to extend the night bus service to the outer districts.",
    "Officials said the new terminal would handle twice as many containers as the old one.",
    "Rescue teams worked through the night to reach villages cut off by the landslide.",
    "Shares in the company fell sharply after it lowered its forecast for the year.",
    "The coach praised his players for keeping their shape under heavy pressure.",
    "Scientists have long suspected that the glacier was retreating faster than models showed.",
    "“We are not going anywhere,” the mayor told reporters outside city hall.",
    "Is the plan affordable? Critics say the numbers do not add up.",
    "Prices rose 3.2% in March, the fastest pace in more than a year.",
    "Local farmers, who rely on the river for irrigation, say the dam has changed everything.",
)
_BOILERPLATE = (
    "Get real time update about this post category directly on your device, subscribe now.",
    "© 2025 Example News Agency. All rights reserved.",
    "Copyright 2024 The Daily Example.",
    "Read more: How the harbour was rebuilt",
    "Follow us on social media for the latest updates.",
    "Sign up for our morning newsletter.",
    "(Reporting by Jane Doe; Editing by John Roe)",
)
_NAMES = ("Jane Doe", "Amina Yusuf", "Carlos Méndez", "Li Wei", "Siobhán O’Neill", "Tom Berg")
_PLACES = ("MOMBASA, Kenya", "WASHINGTON", "ST. LOUIS", "NEW YORK", "SÃO PAULO, Brazil")
_DATES = ("March 3", "Jan. 5", "Sept. 12, 2024", "July 30")
_DECKS = (
    "A year after the flood, the valley is still rebuilding.",
    "The vote ends a decade of argument over the harbour",
)


class _SeedArticle(NamedTuple):
    lead: tuple[str, ...]
    sections: tuple[Section, ...]
    trailer: str
    attributions: tuple[Attribution, ...]
    events: tuple[Event, ...]


def _anchor(paragraphs: tuple[str, ...], index: int, text: str) -> Span:
    start = paragraphs[index].index(text)
    return Span(paragraph=index, start=start, end=start + len(text), text=text)


# (paragraph, source, cue, content, kind) for every attribution in the Al Asad article.
_AL_ASAD_ATTRIBUTIONS = (
    (0, "Iraqi officials and the Pentagon", "confirmed",
     "US withdrawal from Al Asad Airbase in Iraq is now complete", AttributionKind.INDIRECT),
    (2, "The Pentagon", "confirmed", "US forces have fully vacated the base and transferred "
     "remaining responsibilities to Iraqi security forces", AttributionKind.INDIRECT),
    (3, "US Central Command", "declined", "to provide specific timelines or troop numbers tied "
     "to the departure", AttributionKind.REFUSAL),
    (3, "Defense officials", "emphasized", "the move aligns with previously announced plans",
     AttributionKind.INDIRECT),
    (4, "Iraqi defense and security officials", "described", "the US withdrawal from Al Asad "
     "Airbase as part of a coordinated transition", AttributionKind.INDIRECT),
    (5, "Iraqi authorities", "stressed", "the Iraqi Air Force and ground units are prepared",
     AttributionKind.INDIRECT),
    (6, "the Pentagon", "confirmed", "US forces remain in Iraq at other locations",
     AttributionKind.INDIRECT),
    (7, "Defense officials", "reiterated", "American troops are no longer engaged in a direct "
     "combat role", AttributionKind.INDIRECT),
    (8, "Analysts", "note", "while the footprint is shrinking, the United States aims to "
     "maintain influence", AttributionKind.INDIRECT),
    (10, "Pentagon officials", "stressed", "the exit from Al Asad Airbase does not signal a full "
     "departure from Iraq", AttributionKind.INDIRECT),
    (11, "The Department of Defense", "stated", "it will continue to evaluate force levels",
     AttributionKind.INDIRECT),
)  # fmt: skip

# (paragraph, trigger, time text, time value, places, participants)
_AL_ASAD_EVENTS = (
    (0, "withdrawal", None, None, ("Al Asad Airbase", "Iraq"), ("US",)),
    (2, "transferred", None, None, (), ("US forces", "Iraqi security forces")),
    (2, "campaign", "2014", "2014", (), ("the Islamic State group",)),
    (9, "strike", "January 2020", "2020-01", (), ("Iran",)),
)


@cache
def _al_asad() -> _SeedArticle:
    text = (files("newsdoc") / "_data" / "al_asad.txt").read_text(encoding="utf-8")
    units = text.split("\n")
    lead, body, trailer = tuple(units[:2]), units[2:-1], units[-1]
    sections = tuple(
        Section(heading=body[i], paragraphs=tuple(body[i + 1 : i + 3]))
        for i in range(0, len(body), 3)
    )
    paragraphs = lead + tuple(p for s in sections for p in s.paragraphs)
    found_attributions = tuple(
        Attribution(
            kind=kind,
            source=_anchor(paragraphs, index, source),
            cue=_anchor(paragraphs, index, cue),
            content=(_anchor(paragraphs, index, content),),
        )
        for index, source, cue, content, kind in _AL_ASAD_ATTRIBUTIONS
    )
    found_events = tuple(
        Event(
            trigger=_anchor(paragraphs, index, trigger),
            time=None
            if when is None
            else TimeExpression(span=_anchor(paragraphs, index, when), value=value),
            places=tuple(_anchor(paragraphs, index, place) for place in places),
            participants=tuple(_anchor(paragraphs, index, who) for who in participants),
        )
        for index, trigger, when, value, places, participants in _AL_ASAD_EVENTS
    )
    return _SeedArticle(lead, sections, trailer, found_attributions, found_events)


def _moved(span: Span, new_index: dict[int, int]) -> Span:
    return attrs.evolve(span, paragraph=new_index[span.paragraph])


def _reanchored_attribution(item: Attribution, new_index: dict[int, int]) -> Attribution:
    return attrs.evolve(
        item,
        source=_moved(item.source, new_index),
        cue=_moved(item.cue, new_index),
        content=tuple(_moved(span, new_index) for span in item.content),
    )


def _reanchored_event(item: Event, new_index: dict[int, int]) -> Event:
    time = item.time
    return attrs.evolve(
        item,
        trigger=_moved(item.trigger, new_index),
        time=None if time is None else attrs.evolve(time, span=_moved(time.span, new_index)),
        places=tuple(_moved(span, new_index) for span in item.places),
        participants=tuple(_moved(span, new_index) for span in item.participants),
    )


@st.composite
def al_asad_articles(draw: st.DrawFn, *, annotated: bool = True) -> Article:
    """Articles recombined from the Al Asad article's own parts.

    Lead paragraphs and sections are drawn from the article (sections in any order, each
    with a non-empty subset of its paragraphs), a heading may become the headline, and the
    trailer line may be kept. With ``annotated=True`` the article's hand-checked
    attributions and events come along, re-anchored to where their paragraphs now stand.
    The result is always text-safe (see :func:`articles`).

    Example:
        >>> from hypothesis import HealthCheck
        >>> import newsdoc
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
        ... @given(al_asad_articles())
        ... def test(article):
        ...     assert newsdoc.read(newsdoc.write(article, "json"), "json") == article
        >>> test()
    """
    seed = _al_asad()
    lead_indices = draw(
        st.lists(st.sampled_from(range(len(seed.lead))), min_size=1, unique=True).map(sorted)
    )
    section_order = draw(st.permutations(range(len(seed.sections))))
    kept_sections = section_order[: draw(st.integers(0, len(seed.sections)))]
    new_index: dict[int, int] = {old: new for new, old in enumerate(lead_indices)}
    sections_out = []
    for section_number in kept_sections:
        section = seed.sections[section_number]
        first = len(seed.lead) + 2 * section_number
        picked = draw(
            st.lists(st.sampled_from(range(len(section.paragraphs))), min_size=1, unique=True)
        )
        picked.sort()
        for offset in picked:
            new_index[first + offset] = len(new_index)
        sections_out.append(
            Section(
                heading=section.heading, paragraphs=tuple(section.paragraphs[i] for i in picked)
            )
        )
    headline = draw(st.none() | st.sampled_from([s.heading for s in seed.sections]))
    found_attributions: tuple[Attribution, ...] = ()
    found_events: tuple[Event, ...] = ()
    if annotated:
        found_attributions = tuple(
            _reanchored_attribution(item, new_index)
            for item in seed.attributions
            if all(span.paragraph in new_index for span in item.spans())
        )
        found_events = tuple(
            _reanchored_event(item, new_index)
            for item in seed.events
            if all(span.paragraph in new_index for span in item.spans())
        )
    return Article(
        headline=headline,
        lead=tuple(seed.lead[i] for i in lead_indices),
        sections=tuple(sections_out),
        trailer=(seed.trailer,) if draw(st.booleans()) else (),
        attributions=found_attributions,
        events=found_events,
    )


# --- Articles, field by field ----------------------------------------------------------------


def _optional(values: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    return st.none() | values


def _some(
    values: st.SearchStrategy[_T], *, max_size: int, min_size: int = 0
) -> st.SearchStrategy[tuple[_T, ...]]:
    return st.lists(values, min_size=min_size, max_size=max_size).map(tuple)


def _unique(values: st.SearchStrategy[_T], *, max_size: int) -> st.SearchStrategy[tuple[_T, ...]]:
    return st.lists(values, max_size=max_size, unique=True).map(tuple)


class _Field(NamedTuple):
    """How one Article field is drawn: with any text, and as articles are written."""

    any: st.SearchStrategy[object]
    written: st.SearchStrategy[object] | None = None


_REALISTIC_PARAGRAPHS = _some(st.sampled_from(_SENTENCES), min_size=1, max_size=4)

# Every Article field that holds its own value, in the model's order; adding a field to the
# model adds one line here. ``written`` (second) is the shape plain text can tell apart.
_FIELDS: dict[str, _Field] = {
    "id": _Field(_optional(st.from_regex(r"urn:newsml:example\.org:20[0-9]{2}:[a-z0-9.-]{1,20}",
                                         fullmatch=True))),
    "version": _Field(_optional(st.integers(min_value=1, max_value=2**63 - 1))),
    "language": _Field(_optional(st.sampled_from(["en", "en-GB", "fr", "de-CH", "ar", "zh-Hant"]))),
    "created": _Field(_optional(timezone_aware_datetimes())),
    "updated": _Field(_optional(timezone_aware_datetimes())),
    "pub_status": _Field(_optional(st.sampled_from(PubStatus))),
    "provider": _Field(_optional(concepts(details=True, related=True))),
    "headline": _Field(_optional(lines()), _optional(st.sampled_from(_HEADINGS))),
    "subheadline": _Field(_optional(lines()), _optional(st.sampled_from(_DECKS))),
    "bylines": _Field(_some(lines(max_size=30), max_size=3),
                      _unique(st.sampled_from(_NAMES), max_size=3)),
    "dateline": _Field(_optional(datelines()),
                       _optional(st.builds(Dateline, place=st.sampled_from(_PLACES),
                                           date=_optional(st.sampled_from(_DATES))))),
    "slugline": _Field(_optional(lines(max_size=30))),
    "slugline_separator": _Field(_optional(st.sampled_from(["-", "/", " ", " | ", "·"]))),
    "description": _Field(_optional(lines(max_size=120))),
    "creditline": _Field(_optional(lines(max_size=30))),
    "located": _Field(_optional(concepts(details=True, related=True))),
    "genres": _Field(_some(concepts(details=True, rank=True, related=True), max_size=2)),
    "urgency": _Field(_optional(st.integers(min_value=1, max_value=9))),
    "subjects": _Field(_some(concepts(details=True, rank=True, related=True), max_size=3)),
    "keywords": _Field(_some(lines(max_size=20), max_size=3)),
    "rights": _Field(_optional(rights())),
    "embargoed": _Field(_optional(timezone_aware_datetimes())),
    "content_created": _Field(_optional(timezone_aware_datetimes())),
    "content_modified": _Field(_optional(timezone_aware_datetimes())),
    "creators": _Field(_some(parties(), max_size=2)),
    "contributors": _Field(_some(parties(), max_size=2)),
    "info_sources": _Field(_some(parties(), max_size=2)),
    "editorial_notes": _Field(_some(lines(), max_size=2)),
    "signals": _Field(_some(signals(), max_size=2)),
    "links": _Field(_some(links(), max_size=2)),
    "alt_ids": _Field(_some(alt_ids(), max_size=2)),
    "services": _Field(_some(concepts(), max_size=2)),
    "other_headlines": _Field(_some(role_texts(), max_size=2)),
    "other_descriptions": _Field(_some(role_texts(), max_size=2)),
    "lead": _Field(_some(lines(max_size=200) | st.sampled_from(_SENTENCES), max_size=3),
                   _REALISTIC_PARAGRAPHS),
    "sections": _Field(_some(sections(), max_size=3),
                       _some(st.builds(Section, heading=st.sampled_from(_HEADINGS),
                                       paragraphs=_REALISTIC_PARAGRAPHS), max_size=4)),
    "trailer": _Field(_some(lines(), max_size=2), _some(st.sampled_from(_BOILERPLATE), max_size=2)),
    "extensions": _Field(_some(extensions(), max_size=2)),
}  # fmt: skip

# The fields that point into the body, drawn once the body is known.
_ANCHORED: dict[str, Callable[[tuple[str, ...]], st.SearchStrategy[object]]] = {
    "attributions": attributions,
    "events": events,
    "marks": marks,
}

# What a recombined Al Asad article fills in, and so must be carried to draw one.
_AL_ASAD_BODY = frozenset({"headline", "lead", "sections", "trailer"})


@st.composite
def _drawn_articles(draw: st.DrawFn, carries: frozenset[str], written: bool) -> Article:
    values: dict[str, Any] = {
        name: draw(field.written if written and field.written is not None else field.any)
        for name, field in _FIELDS.items()
        if name in carries
    }
    if written and not (values.get("headline") and values.get("bylines")):
        values.pop("subheadline", None)  # a deck stands between a headline and a byline
    if values.get("slugline") is None:
        values.pop("slugline_separator", None)  # a separator parts a slugline's pieces
    article = Article(**values)
    paragraphs = article.paragraphs
    if not paragraphs:
        return article
    anchored: dict[str, Any] = {
        name: tuple(draw(st.lists(anchored_in(paragraphs), max_size=3)))
        for name, anchored_in in _ANCHORED.items()
        if name in carries
    }
    return attrs.evolve(article, **anchored) if anchored else article


def _only(article: Article, carries: frozenset[str]) -> Article:
    """``article`` with the fields outside ``carries`` at their defaults."""
    left_out: dict[str, Any] = {
        field.name: field.default
        for field in attrs.fields(Article)
        if field.name not in carries and getattr(article, field.name) != field.default
    }
    return attrs.evolve(article, **left_out) if left_out else article


def articles(
    format: str | FormatInfo | None = None, *, carries: Iterable[str] | None = None
) -> st.SearchStrategy[Article]:
    """Valid Articles; for a format, only what its documents keep, so that they round-trip.

    Without arguments, every field is used, text is arbitrary (any printable Unicode),
    and attributions, events and marks point anywhere in the body. Given a format, an article
    holds only the fields the format carries (:attr:`~newsdoc.FormatInfo.carries`), and
    for a format that cannot hold any text (:attr:`~newsdoc.FormatInfo.any_text` false,
    plain text) its text is written the way real articles are: realistic headings,
    sentences, names, datelines and boilerplate, a subheadline only between a headline
    and a byline. Then ``read(write(a, format), format, extract=False)`` gives back
    every carried field of ``a``, and writing ``a`` warns of no loss.

    Args:
        format: The format (its name or its :class:`~newsdoc.FormatInfo`, which need not
            be registered) whose documents the articles must fit.
        carries: Only these :class:`~newsdoc.Article` fields, by name; left out, the
            format's, or every field.

    Returns:
        A strategy that mixes wholly generated articles with recombinations of the bundled
        Al Asad article (:func:`al_asad_articles`) where the fields allow them.

    Raises:
        UnknownFormatError: ``format`` names no registered format.
        ValueError: ``carries`` names something that is not a field of the model.

    Example:
        >>> from newsdoc import strategies
        >>> text_articles = strategies.articles("text")
        >>> some_fields = strategies.articles(carries={"headline", "lead"})
    """
    info = by_name(format) if isinstance(format, str) else format
    wanted = frozenset(
        carries if carries is not None else ARTICLE_FIELDS if info is None else info.carries
    )
    if wanted - ARTICLE_FIELDS:
        raise ValueError(f"not fields of an Article: {', '.join(sorted(wanted - ARTICLE_FIELDS))}")
    written = info is not None and not info.any_text
    drawn = _drawn_articles(wanted, written)
    if not wanted >= _AL_ASAD_BODY:
        return drawn
    recombined = al_asad_articles(annotated=wanted >= ANNOTATIONS)
    if wanted != ARTICLE_FIELDS:
        recombined = recombined.map(lambda article: _only(article, wanted))
    return drawn | recombined
