"""Irregular past-tense verbs, for rules that need to know where a verb stands."""

from __future__ import annotations

__all__ = ["IRREGULAR_PAST"]

IRREGULAR_PAST = (
    "began", "brought", "came", "fell", "found", "gave", "held", "kept", "left", "lost", "made",
    "met", "paid", "ran", "rose", "saw", "sent", "sold", "spent", "struck", "took", "went", "won",
)  # fmt: skip
"""Past forms that are not past participles of "-ed" verbs and are rarely anything else."""
