"""The namespaces and names NITF documents use, and newsdoc's own NITF vocabulary."""

from __future__ import annotations

from newsdoc.formats._nitf_body import NITF

__all__ = [
    "CHANGE_DATE_36", "CHANGE_TIME_36", "CREATORS_ONLY", "ND_KIND", "ND_RELATED", "ND_URI",
    "NEWSDOC", "NITF", "VERSION_36", "XML_LANG", "local_name", "newsdoc", "nitf",
]  # fmt: skip

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


ND_URI = newsdoc("uri")
"""The attribute of a ``person`` in a byline that holds the creator's URI."""
ND_KIND = newsdoc("kind")
"""The attribute of a ``person`` in a byline that holds the creator's type."""
ND_RELATED = newsdoc("related")
"""The attribute of a ``person`` in a byline that holds the creator's related concepts, as
a JSON array in the newsdoc JSON form of :class:`~newsdoc.RelatedConcept`."""
CREATORS_ONLY = newsdoc("byline")
"""An attribute of a ``byline`` that, set to ``false``, says it is no byline as printed but
lists creators the bylines do not name."""
