"""A dateline's words, ``PLACE, Date``, read and written the same way by every format.

Plain text opens the lead with them (``WASHINGTON, March 3 — …``); NewsML-G2 keeps them
in its ``dateline`` element. The date is a month and a day, with or without a year
(``Sept. 12, 2024``); whatever stands before it is the place.
"""

from __future__ import annotations

import datetime as dt
import re

from newsdoc._months import MONTH, month_number
from newsdoc.model import Dateline

__all__ = ["DATE", "dateline_from", "dateline_text", "day_of"]

DATE = rf"{MONTH}\ \d{{1,2}}(?:,\ \d{{4}})?"
"""A regex, without groups, for a dateline's date; it also holds in verbose patterns."""
_PLACE_AND_DATE = re.compile(rf"(?P<place>.+?),\ (?P<date>{DATE})")
_FULL_DATE = re.compile(rf"(?P<month>{MONTH})\ (?P<day>\d{{1,2}}),\ (?P<year>\d{{4}})")


def dateline_from(text: str) -> Dateline:
    """The dateline that ``text`` writes: a place, then a comma and a date if it has one."""
    match = _PLACE_AND_DATE.fullmatch(text)
    if match is None:
        return Dateline(place=text)
    return Dateline(place=match["place"], date=match["date"])


def dateline_text(dateline: Dateline) -> str:
    """The words of ``dateline``, which :func:`dateline_from` reads back."""
    if dateline.date is None:
        return dateline.place
    return f"{dateline.place}, {dateline.date}"


def day_of(date: str | None) -> dt.datetime | None:
    """Midnight UTC of the day a dateline names with month, day and year, if it is a real day.

    A dateline gives no time zone; midnight UTC keeps ``created.date()`` the day printed.
    """
    match = _FULL_DATE.fullmatch(date) if date is not None else None
    if match is None:
        return None
    try:
        return dt.datetime(
            int(match["year"]),
            month_number(match["month"]),
            int(match["day"]),
            tzinfo=dt.timezone.utc,
        )
    except ValueError:  # "Feb. 30, 2025", year 0
        return None
