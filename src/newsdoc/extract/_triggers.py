"""The words that anchor an event: event nouns and verbs of happening.

Reporting verbs (said, confirmed, announced, declined) are not here: they are the cues of
attributions, and what they report is the event. A verb is listed in the past tense only,
since news reports what has happened; what is planned is anchored on its date instead
(see :mod:`newsdoc.extract.events`).
"""

from __future__ import annotations

__all__ = ["TRIGGER_WORDS"]

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
TRIGGER_WORDS = frozenset(_EVENT_NOUNS + _EVENT_VERBS)
"""Every event noun and verb of happening, as written."""
