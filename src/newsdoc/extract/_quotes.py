"""The quotations of a sentence, and which of them stands right before or after a place.

Each lookup costs a binary search and at most one scan of the gap next to one quotation,
done once per quotation, so a sentence of many quotations and many cues is read once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from newsdoc.extract._text import has_words

__all__ = ["QUOTE", "Quotation", "Quotations"]

QUOTE = re.compile(r"(?:[“\"]|'')(?P<inner>(?:[^“”\"']|'(?!')){2,}?)(?:[”\"]|'')")
"""A quotation: an opening mark, at least two characters, and the next closing mark. Two
apostrophes stand for a quotation mark, as some archives and wire systems encode it."""
_SPACES_AND_COMMAS = re.compile(r"[ ,]*")
_LEADING_UP_TO_A_QUOTE = frozenset(" ,:")


class Quotation(NamedTuple):
    """Where a quotation starts and ends, with its marks (``start``, ``end``) and without."""

    start: int
    end: int
    inner_start: int
    inner_end: int


class Quotations:
    """The quotations of one sentence, in reading order.

    A quotation of several sentences is split with them: "“We were promised a rise. Instead
    we got a freeze,” said …" leaves the sentence with the cue holding only the closing
    mark, so a closing mark before any opening one closes a quotation that opens the
    sentence (:attr:`opening`). The other quotations never overlap one another.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.opening: Quotation | None = None
        self.marked: list[Quotation] = []
        if "“" not in text and '"' not in text and "”" not in text and "''" not in text:
            return
        self.marked = [
            Quotation(m.start(), m.end(), m.start("inner"), m.end("inner"))
            for m in QUOTE.finditer(text)
            if has_words(text, m.start("inner"), m.end("inner"))
        ]
        closing, opening = text.find("”"), text.find("“")
        if closing > 1 and (opening < 0 or closing < opening) and has_words(text, 0, closing):
            self.opening = Quotation(0, closing + 1, 0, closing)
        self._starts = [quote.start for quote in self.marked]
        self._ends = [quote.end for quote in self.marked]
        self._followed_until: dict[int, int] = {}
        self._led_from: dict[int, int] = {}

    def hold(self, position: int) -> bool:
        """Whether ``position`` lies strictly inside a quotation."""
        if self.opening is not None and position < self.opening.end:
            return position > 0
        if not self.marked:
            return False
        last = bisect_left(self._starts, position) - 1
        return last >= 0 and position < self._ends[last]

    def ending_before(self, position: int) -> Quotation | None:
        """The quotation that ends before ``position`` with only spaces and commas between."""
        if self.opening is not None and self._followed_closely(self.opening, position):
            return self.opening
        if not self.marked:
            return None
        # Any earlier quotation has the marks of this one between it and ``position``.
        last = bisect_right(self._ends, position) - 1
        if last >= 0 and self._followed_closely(self.marked[last], position):
            return self.marked[last]
        return None

    def starting_after(self, position: int) -> Quotation | None:
        """The quotation that starts after ``position``, with only ``" ,:"`` between."""
        if self.opening is not None and position <= 0:
            return self.opening
        if not self.marked:
            return None
        first = bisect_left(self._starts, position)
        if first < len(self.marked) and self._led_from_start(first) <= position:
            return self.marked[first]
        return None

    def _followed_closely(self, quote: Quotation, position: int) -> bool:
        if quote.end > position:
            return False
        until = self._followed_until.get(quote.end)
        if until is None:
            until = _SPACES_AND_COMMAS.match(self.text, quote.end).end()  # type: ignore[union-attr]
            self._followed_until[quote.end] = until
        return position <= until

    def _led_from_start(self, index: int) -> int:
        """Where the run of spaces, commas and colons before the ``index``-th quotation starts."""
        start = self.marked[index].start
        led_from = self._led_from.get(start)
        if led_from is None:
            led_from = start
            while led_from > 0 and self.text[led_from - 1] in _LEADING_UP_TO_A_QUOTE:
                led_from -= 1
            self._led_from[start] = led_from
        return led_from
