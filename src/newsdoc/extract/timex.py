"""Finding time expressions and normalising them to ISO-8601 values in the TIMEX3 style.

Absolute dates get the value their words give, as precise as the words are: ``2014``,
``January 2020`` → ``2020-01``, ``March 3, 2025`` → ``2025-03-03``, ``the 1990s`` → ``199``,
``the first half of 2026`` → ``2026-H1``. Relative expressions (``on Monday``, ``last
year``, ``the third quarter``, ``March 3`` without a year) are resolved against a reference
date, the article's own date, and keep no value when there is none. A weekday is resolved
to the nearest such day on or before the reference date, unless its own clause speaks of
the future ("will", "planned", "due", "scheduled"), when it is the next one after it: in
"announced on Thursday that it would return" the Thursday is past. Midday, noon and
midnight are hours of the reference date ("by midday" → ``2025-03-10T12``).
Durations ("for weeks", "eighteen months") are not dates and are not reported.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

import attrs

from newsdoc._months import MONTH, NUMBERS, month_number
from newsdoc.extract._alternation import word_alternation
from newsdoc.extract._verbs import IRREGULAR_PAST

__all__ = [
    "DECADE_DIGITS",
    "OPENING_WORDS",
    "TIME_OPENING",
    "YEAR_DIGITS",
    "TimeMatch",
    "find_times",
    "times_from",
]

_MONTH = rf"(?P<month>{MONTH})"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
YEAR_DIGITS = r"1[5-9]\d\d|20\d\d"
"""A regex for the years newsdoc reads as years: 1500 to 2099."""
DECADE_DIGITS = r"1[5-9]\d|20\d"
"""A regex for the first three digits of a decade ("199" of "the 1990s")."""
_YEAR = rf"(?P<year>{YEAR_DIGITS})"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

# A bare number is a year only after one of these words and not before a unit...
_YEAR_CONTEXT = (
    "in", "In", "since", "Since", "by", "until", "Until", "during", "During", "of", "from",
    "From", "to", "before", "Before", "after", "After", "between", "and", "early", "late",
)  # fmt: skip
_AFTER_YEAR_WORD = "".join(rf"(?<=\b{word}\ )|" for word in _YEAR_CONTEXT) + r"(?<=mid-)"
# ... or before a noun that a year dates ("the 2014 election").
_DATED_NOUNS = (
    "election|elections|campaign|season|budget|census|vote|referendum|war|invasion|Olympics"
    "|World|summit|championship|final|earthquake|flood|floods|crisis|agreement|deal|report"
    "|law|act|accord|treaty|survey|study|outbreak|pandemic|protests|uprising|games"
)
_NOT_YEAR_UNITS = "%|percent|people|troops|hectares|kilometres|miles|vessels|adults|cases"
# A month or season named alone is a date only after words that make it one: "in May",
# "since March", "through the summer" ("May" alone may be a verb or a name).
_BEFORE_BARE_MONTH = "".join(
    rf"(?<=\b{word}\ )|"
    for word in ("in", "In", "since", "Since", "until", "Until", "by", "from", "From",
                 "through", "during", "During", "before", "after", "early", "late", "of")
) + r"(?<=mid-)"  # fmt: skip
_BEFORE_BARE_SEASON = "".join(
    rf"(?<=\b{word}\ )|" for word in ("the", "in", "In", "during", "During", "over", "through")
).rstrip("|")  # fmt: skip
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# Where a time expression can start: a digit, or the opening words of a month, weekday,
# season, quarter ("Q3"), part of a year ("the first half"), decade ("the 1990s"), relative
# period ("last week") and so on. Scanning for these first and matching only there keeps
# this fast.
_WEEKDAY_NAMES = tuple(name.capitalize() for name in _WEEKDAYS)
_MONTH_NAMES = tuple(name.capitalize() for name in NUMBERS if len(name) > 3 or name == "may")
_CENTURY_OPENINGS = ("15", "16", "17", "18", "19", "20")  # "the 1990s", "the 2020s"
OPENING_WORDS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    "Q1", "Q2", "Q3", "Q4", "midday", "noon", "midnight", *_WEEKDAY_NAMES,
    *(f"{the} {what}" for the in ("the", "The") for what in (*_ORDINALS, *_CENTURY_OPENINGS)),
    *(f"{which} {period}" for which in ("last", "Last", "next", "Next", "this", "This")
      for period in ("week", "month", "year", "quarter", *_WEEKDAY_NAMES, *_MONTH_NAMES,
                     *_SEASONS)),
    *(word for name in (*_SEASONS, "today", "yesterday", "tomorrow")
      for word in (name, name.capitalize())),
)  # fmt: skip
"""The words a time expression may open with, besides a digit; each opens it as a prefix
("Mar" opens "March")."""
TIME_OPENING = rf"(?:[0-9]|{word_alternation(OPENING_WORDS)})"
"""A regex for how a time expression opens; it holds at least where one can be matched."""
# The scan opens with the character before the word rather than a look-behind, so that
# ``re`` skips straight from one non-word character to the next; it runs over the text with
# a space before it, so that the first word too follows a non-word character.
_START = re.compile(rf"\W(?={TIME_OPENING})")
_PATTERNS = re.compile(
    rf"""
      (?P<full_date>{_MONTH}\ {_DAY},?\ {_YEAR.replace("year", "fy")})\b
    | (?P<day_month_year>
        {_DAY.replace("day", "dd")}\ {_MONTH.replace("month", "dm")}\ {_YEAR.replace("year", "dy")}
      )\b
    | (?P<month_day>{_MONTH.replace("month", "mm")}\ {_DAY.replace("day", "md")})\b(?!,?\ \d)
    | (?P<month_year>{_MONTH.replace("month", "ym")}\ (?:of\ )?{_YEAR.replace("year", "my")})\b
    | (?P<part>[Tt]he\ (?P<ordinal>first|second|third|fourth|final|last)\ (?P<unit>quarter|half)
        (?:\ of\ (?:(?P<part_year>{YEAR_DIGITS})|the\ year|this\ year))?)\b
    | (?P<q>Q(?P<qn>[1-4])\ (?P<q_year>{YEAR_DIGITS}))\b
    | (?P<season>(?P<season_name>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)
        \ (?:of\ )?(?P<season_year>{YEAR_DIGITS}))\b
    | (?P<decade>[Tt]he\ (?P<decade_digits>{DECADE_DIGITS})0s)\b
    | (?P<relative>(?P<direction>[Ll]ast|[Nn]ext|[Tt]his)\ (?P<period>week|month|year|quarter))\b
    | (?P<deictic>[Tt]oday|[Yy]esterday|[Tt]omorrow)\b
    | (?P<clock>midday|noon|midnight)\b
    | (?P<weekday>(?:(?P<weekday_direction>[Ll]ast|[Nn]ext|[Tt]his)\ )?
        (?P<weekday_name>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
        (?:\ (?:morning|afternoon|evening|night))?)\b
    | (?P<bare_month>(?:(?P<bm_direction>[Ll]ast|[Nn]ext|[Tt]his)\ |{_BEFORE_BARE_MONTH})
        (?P<bm>{"|".join(_MONTH_NAMES)}))\b(?!\ \d)
    | (?P<bare_season>(?:(?P<bs_direction>[Ll]ast|[Nn]ext|[Tt]his)\ |{_BEFORE_BARE_SEASON})
        (?P<bs>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|(?<=[Ll]ast\ |[Nn]ext\ |[Tt]his\ )[Ff]all))\b
    | (?:{_AFTER_YEAR_WORD})(?P<bare_year>{YEAR_DIGITS})\b(?!\ ?(?:{_NOT_YEAR_UNITS}))
    | (?P<year_of>{YEAR_DIGITS})(?=\ (?:{_DATED_NOUNS})\b)
    """,
    re.VERBOSE,
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|'ll|could(?!\ not)|may|might|planned|plans|scheduled|due|expects?"
    r"|expected|set\ to|next|upcoming"
    r"|closes|begins|starts|opens)\b",
    re.VERBOSE,
)
# A verb in the past right before "on Monday" dates the day, whatever the rest of the clause
# says: "voted on Thursday to strike next month". Not after "be", "to" or "will".
_PAST_FORMS = (
    *IRREGULAR_PAST, "said", "told", "wrote", "spoke", "broke", "chose", "fought", "sought",
    "bought", "caught",
)  # fmt: skip
_PAST_VERB_BEFORE = re.compile(
    r"(?<!\bbe\ )(?<!\bbeen\ )(?<!\bto\ )(?<!\bwill\ )\b(?:[a-z]+ed|"
    + "|".join(_PAST_FORMS)
    + r")\ (?:(?:late|early)\ )?(?:on|in)\ $"
)
# Where a clause ends, for telling the tense that governs a weekday.
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s(?:that|which|who|but|and|while|after|before|if|as)\s")
_CLOCK_HOURS = {"midday": 12, "noon": 12, "midnight": 0}


@attrs.frozen
class TimeMatch:
    """A time expression found in a piece of text.

    Attributes:
        start: Where the expression starts in the text.
        end: Where it ends.
        value: Its ISO-8601 value, or ``None`` when it cannot be resolved.
    """

    start: int
    end: int
    value: str | None


def find_times(text: str, reference: dt.date | None = None) -> Iterator[TimeMatch]:
    """Every date-like time expression in ``text`` (one sentence), in order."""
    return times_from(text, _starts(text), reference)


def times_from(
    text: str, starts: Iterable[int], reference: dt.date | None = None
) -> Iterator[TimeMatch]:
    """Every time expression of ``text`` that begins at one of ``starts``, in order.

    Args:
        text: One sentence.
        starts: In order, every place in ``text`` where a word begins as
            :data:`TIME_OPENING` says a time expression can.
        reference: The date to resolve relative times against.
    """
    position = 0
    clauses: _Clauses | None = None
    for start in starts:
        if start < position:
            continue
        match = _PATTERNS.match(text, start)
        if match is None:
            continue
        groups = match.groupdict()
        future = False
        if (groups["weekday"] or groups["bare_month"]) and not _PAST_VERB_BEFORE.search(
            text, max(0, match.start() - 40), match.start()
        ):
            clauses = clauses or _Clauses(text)
            future = clauses.speak_of_future(match.start(), match.end())
        yield TimeMatch(match.start(), match.end(), _value(groups, reference, future))
        position = match.end()


def _starts(text: str) -> list[int]:
    """Where a time expression may start in ``text``, in order."""
    return [match.start() for match in _START.finditer(" " + text)]


class _Clauses:
    """Where the clauses of a sentence break and where it speaks of the future.

    Both are found once per sentence, so that telling the tense of each of many weekdays
    does not scan the sentence again.
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        breaks = list(_CLAUSE_BREAK.finditer(text))
        self.break_starts = [found.start() for found in breaks]
        self.break_ends = [found.end() for found in breaks]
        self.break_is_comma = [found.group().startswith(",") for found in breaks]
        futures = list(_FUTURE.finditer(text))
        self.future_starts = [found.start() for found in futures]
        self.future_ends = [found.end() for found in futures]

    def speak_of_future(self, start: int, end: int) -> bool:
        """Whether the clause holding ``text[start:end]`` speaks of the future.

        The clause runs from the last clause break before the expression; when the
        expression opens the sentence ("On Friday, the union will ..."), the clause that
        follows counts.
        """
        before = bisect_right(self.break_ends, start) - 1
        clause_start = self.break_ends[before] if before >= 0 else 0
        if self._future_within(clause_start, start):
            return True
        following = bisect_left(self.break_starts, end)
        clause_end = self._start_of_break(following)
        if self._future_within(end, clause_end):
            return True
        if (
            clause_start == 0
            and following < len(self.break_starts)
            and self.break_is_comma[following]
        ):
            after = self._start_of_break(following + 1)
            return self._future_within(self.break_ends[following], after)
        return False

    def _start_of_break(self, index: int) -> int:
        return self.break_starts[index] if index < len(self.break_starts) else self.length

    def _future_within(self, start: int, end: int) -> bool:
        # Future words are whole words, so the first one from ``start`` on decides.
        first = bisect_left(self.future_starts, start)
        return first < len(self.future_starts) and self.future_ends[first] <= end


def _value(g: dict[str, str | None], reference: dt.date | None, future: bool) -> str | None:
    if g["full_date"]:
        return _date(int(g["fy"] or 0), month_number(g["month"] or ""), int(g["day"] or 0))
    if g["day_month_year"]:
        return _date(int(g["dy"] or 0), month_number(g["dm"] or ""), int(g["dd"] or 0))
    if g["month_day"]:
        if reference is None:
            return None
        return _date(reference.year, month_number(g["mm"] or ""), int(g["md"] or 0))
    if g["month_year"]:
        return f"{g['my']}-{month_number(g['ym'] or ''):02d}"
    if g["part"]:
        year = g["part_year"] or (_year(reference.year) if reference is not None else None)
        if year is None:
            return None
        number = _ORDINALS[g["ordinal"] or "first"]
        if g["unit"] == "half":
            return f"{year}-H{min(number, 2)}"
        return f"{year}-Q{number}"
    if g["q"]:
        return f"{g['q_year']}-Q{g['qn']}"
    if g["season"]:
        return f"{g['season_year']}-{_SEASONS[(g['season_name'] or '').lower()]}"
    if g["decade"]:
        return g["decade_digits"]
    if g["bare_year"] or g["year_of"]:
        return g["bare_year"] or g["year_of"]
    if reference is None:
        return None
    try:
        return _relative_value(g, reference, future)
    except OverflowError:  # a reference date at the very end of the calendar
        return None


def _relative_value(g: dict[str, str | None], reference: dt.date, future: bool) -> str | None:
    if g["relative"]:
        return _relative((g["direction"] or "").lower(), g["period"] or "", reference)
    if g["clock"]:
        return f"{reference.isoformat()}T{_CLOCK_HOURS[g['clock'] or 'noon']:02d}"
    if g["deictic"]:
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[(g["deictic"] or "").lower()]
        return (reference + dt.timedelta(days=offset)).isoformat()
    if g["bare_month"]:
        direction = (g["bm_direction"] or "").lower()
        return _named_month(month_number(g["bm"] or ""), reference, direction, future)
    if g["bare_season"]:
        direction = (g["bs_direction"] or "").lower()
        return _named_season(_SEASONS[(g["bs"] or "").lower()], reference, direction)
    if g["weekday"]:
        direction = (g["weekday_direction"] or "").lower()
        ahead = direction == "next" or (not direction and future)
        weekday = _WEEKDAYS.index((g["weekday_name"] or "").lower())
        return _weekday(weekday, reference, ahead, strictly=direction in ("last", "next"))
    return None


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _weekday(weekday: int, reference: dt.date, ahead: bool, *, strictly: bool) -> str:
    """The weekday nearest the reference date: after it, or on or before it.

    "On Monday" in a Monday article is that day; "last Monday" is the week before.
    """
    if ahead:
        days = (weekday - reference.weekday()) % 7 or 7
        return (reference + dt.timedelta(days=days)).isoformat()
    days = (reference.weekday() - weekday) % 7 or (7 if strictly else 0)
    return (reference - dt.timedelta(days=days)).isoformat()


def _relative(direction: str, period: str, reference: dt.date) -> str | None:
    step = {"last": -1, "this": 0, "next": 1}[direction]
    if period == "year":
        return _year(reference.year + step)
    if period == "month":
        month_index = reference.year * 12 + reference.month - 1 + step
        year = _year(month_index // 12)
        return None if year is None else f"{year}-{month_index % 12 + 1:02d}"
    if period == "quarter":
        quarter_index = reference.year * 4 + (reference.month - 1) // 3 + step
        year = _year(quarter_index // 4)
        return None if year is None else f"{year}-Q{quarter_index % 4 + 1}"
    iso_year, week, _ = (reference + dt.timedelta(weeks=step)).isocalendar()
    year = _year(iso_year)
    return None if year is None else f"{year}-W{week:02d}"


def _named_month(month: int, reference: dt.date, direction: str, future: bool) -> str | None:
    """A month named without a year: the one nearest the reference date, before or after.

    "Last May" and a May spoken of in the past are the latest May up to the reference
    month; "next May" and a May spoken of in the future, the first one from it on.
    """
    year = reference.year
    if direction == "last" or (not direction and not future):
        year -= month > reference.month or (direction == "last" and month == reference.month)
    elif direction == "next" or future:
        year += month < reference.month or (direction == "next" and month == reference.month)
    named = _year(year)
    return None if named is None else f"{named}-{month:02d}"


def _named_season(season: str, reference: dt.date, direction: str) -> str | None:
    """A season named without a year: this year's, unless "last" or "next" says otherwise."""
    year, start = reference.year, _SEASON_START[season]
    if direction == "last":
        year -= start >= reference.month
    elif direction == "next":
        year += start <= reference.month
    named = _year(year)
    return None if named is None else f"{named}-{season}"


def _year(year: int) -> str | None:
    """A year as TIMEX3 writes it, four digits; None outside years 1 to 9999."""
    return f"{year:04d}" if 1 <= year <= 9999 else None
