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
# weeded out with the candidates, whose words are then taken again in Unicode mode.
_LEXICON = frozenset(CUE_LEMMAS.keys() | TRIGGER_WORDS)
_ACCORDING = frozenset(["according", "According"])
_ANY_OPENING = word_alternation(
    _LEXICON | _ACCORDING | frozenset(OPENING_WORDS) | frozenset("0123456789")
)
# The scan after a space takes the word that a candidate starts, its run of word characters,
# along.
_AFTER_A_SPACE = re.compile(rf" (?={_ANY_OPENING})(\w+)")
_AFTER_ANOTHER = re.compile(rf"(?a)[^\w ](?={_ANY_OPENING})")
_RUN = re.compile(r"\w+")
_TIME_OPENING = re.compile(TIME_OPENING)
# A time expression may start at a lexicon word only when an opening is a prefix of the word
# or starts with it and a space ("this week"); at any other lexicon word, none is looked for.
_LEXICON_MAY_OPEN_A_TIME = frozenset(
    word
    for word in _LEXICON
    if _TIME_OPENING.match(word) or any(opening.startswith(word + " ") for opening in OPENING_WORDS)
)
_TO = re.compile(r" to\b")
_NOT_BEFORE_A_WORD = frozenset("’'-")


def landmarks(text: str) -> Landmarks:
    """The landmarks of ``text``, one sentence."""
    padded = " " + text
    # Where each candidate word starts in ``text``: one to the right of its character
    # before in ``padded``, so at that character's own position in ``padded``.
    candidates = [(found.start(), found[1]) for found in _AFTER_A_SPACE.finditer(padded)]
    others = [
        (found.start(), _run_at(padded, found.end()))
        for found in _AFTER_ANOTHER.finditer(padded)
        if not padded[found.start()].isalnum()  # no word character that ASCII does not know
    ]
    if others:
        candidates = sorted(candidates + others)
    words: list[Word] = []
    time_starts: list[int] = []
    for start, word in candidates:
        if word in _LEXICON:
            if word in _LEXICON_MAY_OPEN_A_TIME and _TIME_OPENING.match(text, start):
                time_starts.append(start)
            if padded[start] not in _NOT_BEFORE_A_WORD:
                words.append(Word(start, start + len(word), word))
            continue
        if _TIME_OPENING.match(text, start):
            time_starts.append(start)
        if word in _ACCORDING:
            end = start + len(word)
            if _TO.match(text, end):
                end += len(" to")
                words.append(Word(start, end, text[start:end]))
    return Landmarks(tuple(words), tuple(time_starts))


def _run_at(text: str, start: int) -> str:
    """The run of word characters that starts at ``start`` (empty if none does)."""
    run = _RUN.match(text, start)
    return "" if run is None else run[0]
