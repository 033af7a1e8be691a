"""The words that anchor an event: event nouns and verbs of happening.

Reporting verbs (said, confirmed, announced, declined) are not here: they are the cues of
attributions, and what they report is the event. A verb is listed in the past tense only,
since news reports what has happened; what is planned is anchored on its date instead
(see :mod:`newsdoc.extract.events`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsdoc.extract._text import word_alternation

__all__ = ["trigger_spans"]

_EVENT_NOUNS = (
    # conflict and security
    "withdrawal", "pullout", "strike", "strikes", "airstrike", "attack", "attacks", "bombing",
    "explosion", "blast", "campaign", "war", "invasion", "offensive", "operation", "ceasefire",
    "transfer", "handover", "transition", "closure", "exit", "departure", "evacuation", "rescue",
    # disasters and accidents
    "earthquake", "quake", "aftershock", "aftershocks", "flood", "floods", "flooding",
    "wildfire", "fire", "blaze", "landslide", "storm", "hurricane", "collapse", "crash",
    "accident", "outbreak",
    # politics, law and business
    "election", "vote", "referendum", "ruling", "verdict", "decision", "trial", "hearing",
    "lawsuit", "appeal", "arrest", "resignation", "protest", "walkout", "talks", "summit",
    "deal", "agreement", "treaty", "merger", "acquisition", "takeover", "sale", "launch",
    "signing", "inspection", "discharges",
    # contests
    "victory", "defeat", "match", "final",
)  # fmt: skip
_EVENT_VERBS = (
    "withdrew", "struck", "attacked", "bombed", "exploded", "collapsed", "crashed", "flooded",
    "burned", "erupted", "invaded", "transferred", "handed", "vacated", "signed", "ratified",
    "ruled", "revived", "dismissed", "blocked", "approved", "rejected", "elected", "won",
    "lost", "resigned", "arrested", "killed", "injured", "wounded", "evacuated", "fled",
    "returned", "launched", "closed", "opened", "merged", "acquired", "bought", "sold",
    "walked", "declared", "reached", "fell", "rose", "cut", "kept", "raised", "lowered",
    "started", "ended", "began", "tested", "targeted", "played", "scored", "beat", "hit",
    "shook", "forced", "pushed", "destroyed",
)  # fmt: skip


# Lower-case words only: a capitalised "Strike" or "Fire" is more often part of a name.
_TRIGGER = re.compile(rf"(?<![\w’'-])(?:{word_alternation(_EVENT_NOUNS + _EVENT_VERBS)})\b")


def trigger_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where the trigger words of ``text`` start and end, in order."""
    for trigger in _TRIGGER.finditer(text):
        yield trigger.span()
