"""Regexes for lists of words, factored by common prefix."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["word_alternation"]


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
