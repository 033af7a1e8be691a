"""The namespaces and names NITF documents use, and newsdoc's own NITF vocabulary."""

from __future__ import annotations

import re

NITF = "http://iptc.org/std/NITF/2006-10-18/"
"""The IPTC namespace of NITF 3.5 and 3.6; earlier versions use no namespace."""
NEWSDOC = "https://newsdoc.dev/ns/nitf/1"
"""newsdoc's own namespace, for what NITF has no element for (attributions' sources …)."""
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
VERSION_36 = "-//IPTC//DTD NITF 3.6//EN"
CHANGE_DATE_36 = "September 11, 2009"
CHANGE_TIME_36 = "12:26"


def nitf(name: str) -> str:
    """The Clark name of an NITF 3.6 element: ``{namespace}name``."""
    return f"{{{NITF}}}{name}"


def newsdoc(name: str) -> str:
    """The Clark name of an element or attribute of newsdoc's NITF namespace."""
    return f"{{{NEWSDOC}}}{name}"


def local_name(tag: str) -> tuple[str | None, str]:
    """The namespace and local name of a Clark name (``{namespace}name`` or ``name``)."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].rpartition("}")
        return namespace, local
    return None, tag


_RUN = re.compile(r"[ \t\r\n]+")
_SEPARATORS_AS_SPACE = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})
BY = re.compile(r"^[Bb][Yy]\s+")
"""The "By" that opens a byline as agencies write it, which the model's byline leaves out."""


def fold_layout(text: str) -> str:
    """``text`` with XML layout white space folded to one space, and stripped.

    Only XML's white space folds (never a no-break space); line and paragraph separators,
    which the model's one-line texts cannot hold, read as spaces.
    """
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.translate(_SEPARATORS_AS_SPACE)
    return _RUN.sub(" ", text).strip(" \t\r\n")
