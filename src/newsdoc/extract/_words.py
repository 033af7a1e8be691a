"""Where the cue words, trigger words and time expressions of a sentence may stand.

One scan of the sentence finds them all, for both extractors.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsdoc.extract._alternation import word_alternation
from newsdoc.extract._cues import CUE_LEMMAS
from newsdoc.extract._triggers import TRIGGER_WORDS
from newsdoc.extract.timex import TIME_OPENING

__all__ = ["ACCORDING_TO", "Landmarks", "Word", "landmarks"]

ACCORDING_TO = "according to"
"""The one cue that is a phrase rather than a verb."""


class Landmarks(NamedTuple):
    """What the extractors look for in a sentence, and where."""

    words: tuple[Word, ...]
    """Every cue word, trigger word and "according to", in order."""
    time_starts: tuple[int, ...]
    """Every place where a time expression may start, in order."""


class Word(NamedTuple):
    """A cue or trigger word of a sentence: where it starts and ends, and its characters."""

    start: int
    end: int
    text: str


# A lexicon word counts only as a whole word, and not after an apostrophe or a hyphen
# ("anti-war", "’strike"); "according to" only needs a word boundary. A time expression may
# start at any word that opens like one, and a lexicon word can be such a word too. The scan
# opens with the character before the word rather than a look-behind, so that ``re`` skips
# straight from one non-word character to the next; it runs over the sentence with a space
# before it, so that the first word too follows a non-word character.
_LEXICON = word_alternation(CUE_LEMMAS.keys() | TRIGGER_WORDS)
_WORD = rf"(?:{_LEXICON})\b|[Aa]ccording(?=\ to\b)"
_LANDMARK = re.compile(
    rf"\W(?:(?={TIME_OPENING})(?P<time>)(?P<time_and_word>{_WORD})?|(?P<word>{_WORD}))"
)
_NOT_BEFORE_A_WORD = frozenset("’'-")
_ACCORDING = frozenset(["according", "According"])


def landmarks(text: str) -> Landmarks:
    """The landmarks of ``text``, one sentence."""
    words: list[Word] = []
    time_starts: list[int] = []
    padded = " " + text
    for match in _LANDMARK.finditer(padded):
        start = match.start()  # where the landmark starts in ``text``, one to the left
        kind = match.lastgroup  # "time", "time_and_word" or "word": which groups matched
        if kind != "word":
            time_starts.append(start)
        if kind == "time":
            continue
        end = match.end() - 1
        word = text[start:end]
        if word in _ACCORDING:
            end += len(" to")
            word = text[start:end]
        elif padded[start] in _NOT_BEFORE_A_WORD:
            continue
        words.append(Word(start, end, word))
    return Landmarks(tuple(words), tuple(time_starts))
