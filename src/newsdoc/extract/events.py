"""Finding what happened, when, where and who."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from newsdoc.model import Event

__all__ = ["find_events"]


def find_events(
    paragraphs: Sequence[str], *, reference: dt.date | None = None
) -> tuple[Event, ...]:
    """Every event in ``paragraphs``, in reading order."""
    return ()
