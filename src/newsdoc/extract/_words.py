"""Where the cue words, trigger words and time expressions of a sentence may stand.

One scan of the sentence finds them all, for both extractors.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsdoc.extract._alternation import word_alternation
from newsdoc.extract._cues import CUE_LEMMAS
from newsdoc.extract._triggers import TRIGGER_WORDS
from newsdoc.extract.timex import OPENING_WORDS, TIME_OPENING

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


# A landmark starts a word, that is a run of word characters after a character that is
# none (or the start of the sentence). A lexicon word counts only as a whole word, and not
# after an apostrophe or a hyphen ("anti-war", "’strike"); "according" only before " to"
# and a word boundary. A time expression may start at any word that opens like one (a
# prefix: "Mar" opens "March"), and a lexicon word can be such a word too.
#
# Finding candidates costs one attempt of one prefix-factored pattern per word: the
# pattern holds every lexicon word, "according" and every time opening, so any landmark
# starts where it matches, and each match is then checked exactly. Most words follow a
# space, and ``re`` finds a literal space far faster than any character class, so words
# after a space and words after any other character are found by two scans. The second
# runs in ASCII mode, where telling a word character costs a table look-up rather than a
# Unicode one; a character that ASCII calls no word character but Unicode does ("é") is
# weeded out with the candidates.
_LEXICON = frozenset(CUE_LEMMAS.keys() | TRIGGER_WORDS)
_ACCORDING = frozenset(["according", "According"])
_ANY_OPENING = word_alternation(
    _LEXICON | _ACCORDING | frozenset(OPENING_WORDS) | frozenset("0123456789")
)
_AFTER_A_SPACE = re.compile(rf" (?={_ANY_OPENING})")
_AFTER_ANOTHER = re.compile(rf"(?a)[^\w ](?={_ANY_OPENING})")
_TIME_OPENING = re.compile(TIME_OPENING)
_RUN = re.compile(r"\w+")
_TO = re.compile(r" to\b")
_NOT_BEFORE_A_WORD = frozenset("’'-")


def landmarks(text: str) -> Landmarks:
    """The landmarks of ``text``, one sentence."""
    padded = " " + text
    # Where each candidate word starts in ``text``: one to the right of its character
    # before in ``padded``, so at that character's own position in ``padded``.
    starts = [found.start() for found in _AFTER_A_SPACE.finditer(padded)]
    others = [found.start() for found in _AFTER_ANOTHER.finditer(padded)]
    if others:
        starts = sorted(starts + others)
    words: list[Word] = []
    time_starts: list[int] = []
    for start in starts:
        before = padded[start]
        if before.isalnum():  # a word character that ASCII does not know as one
            continue
        if _TIME_OPENING.match(text, start):
            time_starts.append(start)
        run = _RUN.match(text, start)
        if run is None:
            continue
        end = run.end()
        word = run.group()
        if word in _LEXICON:
            if before not in _NOT_BEFORE_A_WORD:
                words.append(Word(start, end, word))
        elif word in _ACCORDING and _TO.match(text, end):
            end += len(" to")
            words.append(Word(start, end, text[start:end]))
    return Landmarks(tuple(words), tuple(time_starts))
