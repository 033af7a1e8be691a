"""Month names as news copy writes them: one table, one regex, for formats and extraction.

A month is written in full (``September``) or abbreviated, with or without a full stop
(``Sept.``, ``Sep``, ``Jan.``); ``May`` has no abbreviation. Names are capitalised, as
in running text and datelines.
"""

from __future__ import annotations

__all__ = ["MONTH", "NUMBERS", "month_number"]

_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)

NUMBERS = {name: number for number, names in enumerate(_NAMES, start=1) for name in names}
"""Each lower-case name and abbreviation (without its full stop), with its month's number."""

_FULL = "|".join(names[0].capitalize() for names in _NAMES)
_SHORT = "|".join(short.capitalize() for names in _NAMES for short in names[1:])
MONTH = rf"(?:{_FULL}|(?:{_SHORT})\.?)"
"""A regex, without groups, for one month as written: ``March``, ``Sept.``, ``Jan``."""


def month_number(name: str) -> int:
    """The number (1 to 12) of the month ``name`` as :data:`MONTH` matches it."""
    return NUMBERS[name.rstrip(".").lower()]
