"""Sentences and spans: the text helpers both extractors share."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from newsdoc.extract._words import Landmarks, Word, landmarks
from newsdoc.model import Span

__all__ = ["Sentence", "has_words", "sentences", "span", "split_sentences", "word_span"]

# A sentence ends at . ! or ? (possibly followed by a closing quote or bracket) and white
# space, when the next sentence opens with a capital, a digit or an opening quote. Common
# abbreviations that end in a dot do not end sentences. Each stop has a pattern of its own
# that opens with it: ``re`` skips ahead to a literal character far faster than to one of
# a class, and "!" or "?" are looked for only in a text that holds one.
_AFTER_STOP = r"[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])"
_BOUNDARIES = {stop: re.compile(re.escape(stop) + _AFTER_STOP) for stop in ".!?"}
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|St|Jr|Sr|Inc|Corp|Ltd|Co|No|vs"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U)|\b[A-Z])\.$"
)


class Sentence(NamedTuple):
    """A sentence of a paragraph, where it starts, and what the extractors look for in it."""

    paragraph: int
    start: int
    text: str
    landmarks: Landmarks


def sentences(paragraph: int, text: str) -> Iterator[Sentence]:
    """The sentences of ``text``, the ``paragraph``-th body paragraph, in order."""
    start = 0
    for boundary in _boundaries(text):
        end = boundary.start() + 1  # just past the stop
        if _ABBREVIATION.search(text, max(start, end - 6), end):
            continue
        if text[end : end + 1] in ('"', "”", "’", ")"):
            end += 1
        yield _sentence(paragraph, start, text[start:end])
        start = boundary.end()
    if start < len(text):
        yield _sentence(paragraph, start, text[start:])


def _boundaries(text: str) -> list[re.Match[str]]:
    """Every place where a sentence of ``text`` may end, in order.

    No two overlap: what follows a stop in a boundary is quotes, brackets and white space.
    """
    found = list(_BOUNDARIES["."].finditer(text))
    others = [
        boundary for stop in "!?" if stop in text for boundary in _BOUNDARIES[stop].finditer(text)
    ]
    if others:
        found = sorted(found + others, key=re.Match.start)
    return found


def _sentence(paragraph: int, start: int, text: str) -> Sentence:
    return Sentence(paragraph, start, text, landmarks(text))


def split_sentences(paragraphs: Sequence[str]) -> tuple[tuple[Sentence, ...], ...]:
    """The sentences of every paragraph, split once for all the extractors that read them."""
    return tuple(tuple(sentences(index, text)) for index, text in enumerate(paragraphs))


_WORD_CHARACTER = re.compile(r"[^\s,;:]")


def has_words(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds more than :func:`span` trims: white space and ",;:"."""
    return _WORD_CHARACTER.search(text, start, end) is not None


def span(sentence: Sentence, start: int, end: int) -> Span:
    """The span of ``sentence.text[start:end]``, trimmed of white space and edge commas."""
    text = sentence.text
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return Span(
        paragraph=sentence.paragraph,
        start=sentence.start + start,
        end=sentence.start + end,
        text=text[start:end],
    )


def word_span(sentence: Sentence, word: Word) -> Span:
    """The span of a landmark word of ``sentence``, which has nothing to trim."""
    return Span(
        paragraph=sentence.paragraph,
        start=sentence.start + word.start,
        end=sentence.start + word.end,
        text=word.text,
    )
