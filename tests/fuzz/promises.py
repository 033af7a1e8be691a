"""The promises every reader keeps, checked on one input: the fuzzers' oracle.

:func:`check` reads ``data`` as ``format_name`` leniently and strictly, writes every article
it read in every format, and reads each written document back. It raises
:class:`BrokenPromiseError` when a promise breaks:

- anything but a :class:`~newsdoc.NewsdocError` escapes reading or writing;
- strict reading accepts a document and reads it otherwise than lenient reading;
- a format that carries every field (json, newsml) writes an article it cannot read
  back equal, or refuses to write one that its own reader produced.

The coverage-guided fuzzer (``fuzz_readers.py``) and the test suite both call it.
"""

from __future__ import annotations

import warnings

import newsdoc
from newsdoc import Article, NewsdocError

__all__ = ["FORMATS", "LOSSLESS", "BrokenPromiseError", "check"]

FORMATS = tuple(info.name for info in newsdoc.formats())
LOSSLESS = ("json", "newsml")
"""The formats whose writers must give back every article their reader produced."""


class BrokenPromiseError(AssertionError):
    """An input on which newsdoc breaks one of its promises."""


def check(data: bytes, format_name: str) -> None:
    """Raise :class:`BrokenPromiseError` if reading ``data`` as ``format_name`` breaks a promise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = _read(data, format_name, strict=False)
        strict = _read(data, format_name, strict=True)
        if strict is not None:
            _check_strict(articles, strict, format_name)
        for article in articles or ():
            for target in FORMATS:
                _check_written(article, format_name, target)


def _read(data: bytes, format_name: str, *, strict: bool) -> list[Article] | None:
    try:
        return list(newsdoc.read_all(data, format=format_name, strict=strict, extract=False))
    except NewsdocError:
        return None
    except Exception as exc:
        raise BrokenPromiseError(
            f"reading {format_name} (strict={strict}) raised {type(exc).__name__}: {exc}"
        ) from exc


def _check_strict(lenient: list[Article] | None, strict: list[Article], format_name: str) -> None:
    # Strict reading refuses what lenient reading would keep; what it accepts, it reads
    # exactly as lenient reading does.
    if lenient is None:
        raise BrokenPromiseError(f"{format_name}: strict reading accepted what lenient refused")
    if strict != lenient:
        raise BrokenPromiseError(f"{format_name}: strict reading gave other articles than lenient")


def _check_written(article: Article, source: str, target: str) -> None:
    try:
        written = newsdoc.write(article, target)
    except NewsdocError as exc:
        if target in LOSSLESS and source == target:
            raise BrokenPromiseError(f"{target} refused to write what it read: {exc}") from exc
        return
    except Exception as exc:
        raise BrokenPromiseError(f"writing {target} raised {type(exc).__name__}: {exc}") from exc
    try:
        again = newsdoc.read(written, format=target, extract=False)
    except NewsdocError as exc:
        raise BrokenPromiseError(f"{target} could not read back what it wrote: {exc}") from exc
    except Exception as exc:
        raise BrokenPromiseError(
            f"reading back {target} raised {type(exc).__name__}: {exc}"
        ) from exc
    if target in LOSSLESS and again != article:
        raise BrokenPromiseError(f"{target}: read -> write -> read gave a different article")
