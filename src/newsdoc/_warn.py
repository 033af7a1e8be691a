"""Warnings that point at the code that called newsdoc, however deep inside it they arise."""

from __future__ import annotations

import sys
import warnings

__all__ = ["warn"]


def warn(warning: Warning) -> None:
    """Issue ``warning`` at the first caller outside the newsdoc package.

    A fixed ``stacklevel`` is right for one call path only: a reader or a writer is reached
    through :func:`newsdoc.read`, :func:`newsdoc.write`, the registry or the command line.
    """
    level, frame = 2, sys._getframe(1)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").partition(".")[0] == (
        "newsdoc"
    ):
        frame, level = frame.f_back, level + 1
    warnings.warn(warning, stacklevel=level)
