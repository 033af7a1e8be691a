"""Finding what happened, when, where and who.

An event is anchored on a trigger: an event noun ("withdrawal", "strike", "election") or a
verb of happening in the past tense ("signed", "collapsed", "transferred"); the lexicon is
in :mod:`newsdoc.extract._triggers`. Reporting verbs (said, confirmed) are attribution cues,
not events. Each event takes from its own sentence a time expression, the places the
sentence names ("in Iraq", "Al Asad Airbase", "Anbar province") and the participants it
names (capitalised names and groups such as "Iran" or "Iraqi security forces").

However long the sentence, an event keeps at most :data:`MOST_NAMES` places and as many
participants, those nearest its trigger, and a run of capitalised words longer than
:data:`LONGEST_NAME` characters is not taken for a name: so an event's size is bounded and
what extraction writes grows in proportion to the text.

So that no date is lost, every time expression goes to the nearest trigger before it (or
after it, when the date opens the sentence), and a sentence that has a time expression but
none of the trigger words is anchored on its first verb group ("will open", "did not
respond"), past form ("scheduled"), infinitive ("to stabilise") or, failing those, on its
copula ("was", "is").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import attrs

from newsdoc.extract._text import Sentence, span, split_sentences, word_span
from newsdoc.extract._triggers import TRIGGER_WORDS
from newsdoc.extract.timex import times_from
from newsdoc.model import Event, Span, TimeExpression

__all__ = ["LONGEST_NAME", "MOST_NAMES", "events_in", "find_events", "find_time_expressions"]

MOST_NAMES = 8
"""The most places, and the most participants, one event keeps: those nearest its trigger."""
LONGEST_NAME = 100
"""The most characters a name may have; a longer run of capitalised words is not a name."""

# Anchors for a dated sentence without trigger words, in order of preference: a verb group
# with an auxiliary ("will grow", "did not respond"), a past participle or tense
# ("scheduled"), an infinitive ("to stabilise"), and last the copula ("was", "is").
_FALLBACK_TRIGGERS = tuple(
    re.compile(pattern)
    for pattern in (
        r"\b(?:will|would|could|can|may|must|did|does|do|has|have|had)\s+(?:not\s+)?(?:be\s+)?"
        r"[a-z]+",
        r"\b[a-z]+ed\b",
        r"\bto\s+(?!the\b|their\b|this\b|that\b)[a-z]{3,}\b",
        r"\b(?:is|was|are|were)\b",
        # "The recall covers …", "The budget freezes …": a verb in the present after the
        # subject.
        r"^(?:The|A|An|This|Its|Their|Our|His|Her)\s+(?:[\w’'-]+\s+){0,3}?(?P<verb>[a-z]{3,}s)\b",
    )
)
_NAME = r"[A-Z][\w’'\-.]*[\w]"
_NAME_PHRASE = re.compile(
    rf"(?:{_NAME})(?:\s+(?:of\s+the\s+|of\s+|de\s+|al-)?{_NAME})*"
    r"(?:\s+(?:security\s+)?(?:forces|troops|officials|authorities|government|police|army|"
    r"military|group|province|region|county|district|valley|airbase|base|city))?"
)
_PLACE_PREPOSITIONS = frozenset(
    ["in", "at", "from", "near", "across", "outside", "inside", "into", "toward", "towards"]
)
# A name whose last word is one of these names a place ("Anbar province", "Al Asad Airbase").
_PLACE_WORDS = frozenset(
    ["Airbase", "Base", "Airport", "Province", "province", "City", "County", "county", "Valley",
     "valley", "River", "river", "Square", "Street", "Bridge", "region", "district", "Sea",
     "Ocean", "Island", "Mountain", "Mountains"]
)  # fmt: skip
_NOT_NAMES = frozenset(
    ["The", "A", "An", "In", "On", "At", "By", "For", "But", "And", "After", "Before", "Despite",
     "Instead", "While", "When", "It", "He", "She", "They", "We", "This", "That", "These",
     "Those", "Its", "His", "Her", "Their", "According", "Monday", "Tuesday", "Wednesday",
     "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
     "June", "July", "August", "September", "October", "November", "December", "Independent",
     "Emergency", "Local", "Fire", "Police", "Officials", "Analysts", "Experts", "Residents"]
)  # fmt: skip


def find_time_expressions(
    paragraphs: Sequence[str], *, reference: dt.date | None = None
) -> tuple[TimeExpression, ...]:
    """Every date-like time expression in ``paragraphs``, with its value when resolvable.

    Example:
        >>> import datetime as dt
        >>> text = ["The base reopened in 2014, was hit in January 2020 and closed last week."]
        >>> found = find_time_expressions(text, reference=dt.date(2025, 3, 5))
        >>> [(t.span.text, t.value) for t in found]
        [('2014', '2014'), ('January 2020', '2020-01'), ('last week', '2025-W09')]
    """
    found = []
    for paragraph in split_sentences(paragraphs):
        for sentence in paragraph:
            found.extend(_times(sentence, reference))
    return tuple(found)


def find_events(
    paragraphs: Sequence[str], *, reference: dt.date | None = None
) -> tuple[Event, ...]:
    """Every event in ``paragraphs``, in reading order.

    Args:
        paragraphs: The body paragraphs, in the order :attr:`newsdoc.Article.paragraphs`
            gives them (spans count paragraphs in that order).
        reference: The article's date, to resolve relative times against.

    Example:
        >>> import datetime as dt
        >>> text = ["The union walked off the job on Monday after talks broke down."]
        >>> found = find_events(text, reference=dt.date(2025, 3, 5))
        >>> [(e.trigger.text, e.time and e.time.value) for e in found]
        [('walked', '2025-03-03'), ('talks', None)]
    """
    return events_in(split_sentences(paragraphs), reference=reference)


def events_in(
    split: Sequence[Sequence[Sentence]], *, reference: dt.date | None = None
) -> tuple[Event, ...]:
    """Every event in paragraphs already split into sentences, in reading order.

    Args:
        split: The sentences of each body paragraph, as :func:`split_sentences` gives them.
        reference: The article's date, to resolve relative times against.
    """
    events: list[Event] = []
    for paragraph in split:
        for sentence in paragraph:
            events.extend(_in_sentence(sentence, reference))
    return _short_place_names_as_places(events)


def _short_place_names_as_places(events: list[Event]) -> tuple[Event, ...]:
    """Count a participant as a place when it is the short form of a facility or area.

    "Al Asad" after "Al Asad Airbase" (a name ending in a place word) is the base, not an
    actor; a bare country or city named without a place cue stays a participant.
    """
    facilities = {
        place.text for event in events for place in event.places if _names_a_place(place.text)
    }
    if not facilities:
        return tuple(events)
    prefixes = {
        " ".join(words[:length])
        for words in (facility.split() for facility in facilities)
        for length in range(1, len(words))
    }
    moved: list[Event] = []
    for event in events:
        short = [who for who in event.participants if who.text in prefixes]
        if not short:
            moved.append(event)
            continue
        moved.append(
            attrs.evolve(
                event,
                places=event.places + tuple(short),
                participants=tuple(who for who in event.participants if who not in short),
            )
        )
    return tuple(moved)


def _in_sentence(sentence: Sentence, reference: dt.date | None) -> list[Event]:
    triggers = [
        word_span(sentence, word) for word in sentence.landmarks.words if word.text in TRIGGER_WORDS
    ]
    if not triggers:
        # A dated sentence without trigger words is anchored on its first verb; without
        # such a verb, its times (say, a paragraph of weekday names) need not be read.
        fallback = _fallback_trigger(sentence) if sentence.landmarks.time_starts else None
        if fallback is None:
            return []
        times = _times(sentence, reference)
        if not times:
            return []
        triggers = [fallback]
    else:
        times = _times(sentence, reference)
    # Each time goes to one trigger, so that no date of the sentence is lost; a trigger with
    # two dates ("from October 2023 to March 2024") gives two events.
    timed: dict[int, list[TimeExpression | None]] = {}
    trigger_starts = [trigger.start for trigger in triggers]
    for time in times:
        timed.setdefault(_anchor_of(time, trigger_starts), []).append(time)
    places, participants = _names(sentence, times)
    if len(places) > MOST_NAMES or len(participants) > MOST_NAMES:
        return _events_of_many_names(triggers, timed, _Names(places), _Names(participants))
    return [
        Event(trigger=trigger, time=when, places=places, participants=participants)
        for index, trigger in enumerate(triggers)
        for when in timed.get(index, [None])
    ]


def _events_of_many_names(
    triggers: list[Span],
    timed: dict[int, list[TimeExpression | None]],
    places: _Names,
    participants: _Names,
) -> list[Event]:
    """The events of a sentence that names more than :data:`MOST_NAMES` of a kind."""
    return [
        Event(
            trigger=trigger,
            time=when,
            places=places.nearest(trigger),
            participants=participants.nearest(trigger),
        )
        for index, trigger in enumerate(triggers)
        for when in timed.get(index, [None])
    ]


def _fallback_trigger(sentence: Sentence) -> Span | None:
    for fallback_trigger in _FALLBACK_TRIGGERS:
        fallback = fallback_trigger.search(sentence.text)
        if fallback is not None:
            where = fallback.span("verb" if "verb" in fallback.re.groupindex else 0)
            return span(sentence, *where)
    return None


class _Names:
    """The places or the participants of a sentence, in reading order."""

    def __init__(self, names: tuple[Span, ...]) -> None:
        self.names = names
        self.starts = [name.start for name in names]

    def nearest(self, trigger: Span) -> tuple[Span, ...]:
        """The :data:`MOST_NAMES` names nearest ``trigger``, in reading order."""
        names = self.names
        if len(names) <= MOST_NAMES:
            return names
        # Grow a run of consecutive names outwards from the trigger, nearest name first.
        after = bisect_left(self.starts, trigger.start)
        first, last = after, after
        while last - first < MOST_NAMES:
            if last == len(names) or (
                first > 0
                and trigger.start - names[first - 1].end <= names[last].start - trigger.end
            ):
                first -= 1
            else:
                last += 1
        return names[first:last]


def _times(sentence: Sentence, reference: dt.date | None) -> list[TimeExpression]:
    if not sentence.landmarks.time_starts:
        return []
    return [
        TimeExpression(span=span(sentence, time.start, time.end), value=time.value)
        for time in times_from(sentence.text, sentence.landmarks.time_starts, reference)
    ]


def _anchor_of(time: TimeExpression, trigger_starts: list[int]) -> int:
    """The index of the trigger ``time`` belongs to, given where the triggers start.

    News puts a date after what it dates ("walked off the job on Monday after talks broke
    down"), so a time belongs to the nearest trigger before it, or to the nearest one after
    it when it opens the sentence ("In 2014 the base reopened").
    """
    before = bisect_left(trigger_starts, time.span.start)
    # With no trigger before it, the nearest is the first one after it.
    return max(before - 1, 0)


def _names(
    sentence: Sentence, times: list[TimeExpression]
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    text = sentence.text
    time_starts = [t.span.start - sentence.start for t in times]
    time_ends = [t.span.end - sentence.start for t in times]
    places: list[Span] = []
    participants: list[Span] = []
    for match in _NAME_PHRASE.finditer(text):
        start, end = match.span()
        # Drop leading words that are capitalised only by position or are not names.
        while start < end:
            space = text.find(" ", start, end)
            if text[start : end if space < 0 else space] not in _NOT_NAMES:
                break
            start = end if space < 0 else space + 1
            while start < end and text[start].isspace():
                start += 1
        if start >= end or end - start > LONGEST_NAME:
            continue
        if time_starts:
            # Time expressions do not overlap: only the last one starting here may hold it.
            time = bisect_right(time_starts, start) - 1
            if time >= 0 and start < time_ends[time]:
                continue
        if text.endswith(("’s", "'s"), start, end):
            end -= 2
        name = text[start:end]
        # The word before the name, past a "the": only the last two words matter.
        before = text[max(0, start - 16) : start].rsplit(None, 2)
        if before and before[-1] in ("the", "The"):
            before.pop()
        piece = Span(
            paragraph=sentence.paragraph,
            start=sentence.start + start,
            end=sentence.start + end,
            text=name,
        )
        if (before and before[-1] in _PLACE_PREPOSITIONS) or _names_a_place(name):
            places.append(piece)
        else:
            participants.append(piece)
    return tuple(places), tuple(participants)


def _names_a_place(name: str) -> bool:
    return name[name.rfind(" ") + 1 :] in _PLACE_WORDS
