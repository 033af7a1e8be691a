"""A progress bar on a terminal: files done, rate and time left.

The bar is tqdm's, from the optional ``newsdoc[cli]`` extra: a small, dependency-free,
well-kept library that draws on standard error, copes with narrow and resized terminals,
and estimates the time left. Without it, conversions run as they would, with one line
saying how to get the bar.
"""

# ruff: noqa: T201 - a command line prints

from __future__ import annotations

import importlib
import sys
from typing import Any

__all__ = ["Progress"]


class Progress:
    """Counts finished files on standard error, when it is a terminal and not ``quiet``."""

    def __init__(self, total: int | None, *, quiet: bool, unit: str = "file") -> None:
        self._bar: Any = None
        if quiet or not sys.stderr.isatty():
            return
        try:
            tqdm = importlib.import_module("tqdm").tqdm  # an optional extra
        except ImportError:
            print("newsdoc: install newsdoc[cli] (tqdm) to see a progress bar", file=sys.stderr)
            return
        tqdm.monitor_interval = 0  # no monitor thread in a process that starts workers
        self._bar = tqdm(total=total, unit=unit, file=sys.stderr, dynamic_ncols=True)

    def advance(self) -> None:
        """One more file is done."""
        if self._bar is not None:
            self._bar.update(1)

    def say(self, message: str) -> None:
        """Print ``message`` on standard error without breaking the bar."""
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        """Take the bar down."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
