"""Sentences and spans: the text helpers both extractors share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from newsdoc.model import Span

__all__ = ["Sentence", "sentences", "span", "word_alternation"]

# A sentence ends at . ! or ? (possibly followed by a closing quote or bracket) and white
# space, when the next sentence opens with a capital, a digit or an opening quote. Common
# abbreviations that end in a dot do not end sentences.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|St|Jr|Sr|Inc|Corp|Ltd|Co|No|vs"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U)|\b[A-Z])\.$"
)


@attrs.frozen
class Sentence:
    """A sentence of a paragraph and where it starts."""

    paragraph: int
    start: int
    text: str


def sentences(paragraph: int, text: str) -> Iterator[Sentence]:
    """The sentences of ``text``, the ``paragraph``-th body paragraph, in order."""
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        if _ABBREVIATION.search(text, max(start, boundary.start() - 6), boundary.start()):
            continue
        end = boundary.start()
        if text[end : end + 1] in ('"', "”", "’", ")"):
            end += 1
        yield Sentence(paragraph, start, text[start:end])
        start = boundary.end()
    if start < len(text):
        yield Sentence(paragraph, start, text[start:])


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


def word_alternation(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, factored by common prefix.

    ``re`` tries the alternatives of a group one by one; sharing prefixes (a trie) makes
    each position cost a handful of character tests instead of one per word.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [
        re.escape(letter) + _trie_pattern(rest) for letter, rest in sorted(node.items()) if letter
    ]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return group
    return f"(?:{group})?"
