"""The names ninjs gives things, in each of its generations, and how to tell them apart.

ninjs 1.x spells every property in lower case and keeps one headline, one byline and flat
``body_<name>`` / ``headline_<name>`` / ``description_<name>`` keys; 2.x moves headlines,
bodies and descriptions into arrays of ``{role, contenttype, value}`` objects and puts
concept lists in the plural; 3.x is 2.x in camelCase. Real feeds mix them (a 3.x feed that
still sends ``body_html``), so the reader accepts every spelling and uses the generation
only to choose the schema a document is validated against.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "CARRIER_KEY",
    "CARRIER_ROLE",
    "CARRIER_TYPE",
    "CONTRIBUTOR_REL",
    "CREATOR_REL",
    "FIELD_OF_KEY",
    "LATEST",
    "NOTE_SEPARATOR",
    "ORGANISATION_KIND",
    "PROVIDER_ROLE",
    "SCHEMA_URIS",
    "TARGET_RENDITION",
    "generation",
    "schema_version",
]

FIELD_OF_KEY = {
    # Every spelling of a property the reader maps, by the reader's name for it.
    "uri": "uri",
    "type": "type",
    "version": "version",
    "firstcreated": "created",
    "firstCreated": "created",
    "versioncreated": "updated",
    "versionCreated": "updated",
    "pubstatus": "pub_status",
    "pubStatus": "pub_status",
    "urgency": "urgency",
    "copyrightholder": "holder",
    "copyrightHolder": "holder",
    "copyrightnotice": "notice",
    "copyrightNotice": "notice",
    "usageterms": "usage_terms",
    "usageTerms": "usage_terms",
    "language": "language",
    "headline": "headline",
    "headlines": "headlines",
    "byline": "by",
    "by": "by",
    "slugline": "slugline",
    "located": "located",
    "descriptions": "descriptions",
    "bodies": "bodies",
    "subject": "subjects",
    "subjects": "subjects",
    "genre": "genres",
    "genres": "genres",
    "infosource": "info_sources",
    "infosources": "info_sources",
    "infoSources": "info_sources",
    "$standard": "standard",
    "standard": "standard",
    "embargoedUntil": "embargoed",
    "embargoed": "embargoed",
    "edNote": "editorial_notes",
    "ednote": "editorial_notes",
    "contentCreated": "content_created",
    "contentcreated": "content_created",
    "people": "people",
    "person": "people",
    "organisations": "organisations",
    "organisation": "organisations",
    "altIds": "alt_ids",
    "altids": "alt_ids",
    "associations": "links",
}
"""The top-level keys the reader maps, in every generation's spelling."""

_CAMEL_CASE_ONLY = frozenset(
    {
        "firstCreated", "versionCreated", "contentCreated", "embargoedUntil", "pubStatus",
        "copyrightHolder", "copyrightNotice", "usageTerms", "edNote", "infoSources",
        "altIds", "trustIndicators", "representationType", "rightsInfo", "digitalSourceType",
        "eventDetails", "plannedCoverage",
    }
)  # fmt: skip
_SINCE_2 = frozenset(
    {"headlines", "bodies", "descriptions", "people", "places", "organisations", "subjects",
     "genres", "infosources", "events", "objects", "trustindicators", "by", "standard"}
)  # fmt: skip
_CAMEL_MEMBERS = frozenset({"contentType", "charCount", "wordCount", "contactInfo"})
_FLAT_KEYS = frozenset(
    {"$standard", "headline", "byline", "person", "place", "organisation", "subject", "genre",
     "infosource", "event", "object", "embargoed"}
)  # fmt: skip
_FLAT_PATTERN = re.compile(r"(?:body|headline|description)_")

LATEST = {1: "1.6", 2: "2.2", 3: "3.1"}
"""The newest version of each generation: the schema a document of that generation is
checked against when it does not name its version."""

SCHEMA_URIS = {
    "1.6": "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json",
    "3.1": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
}
"""The ``schema`` the writer names in a document's ``standard`` object, by version."""

CARRIER_TYPE = "application/vnd.newsdoc+json"
"""The content type of the body rendition that carries what ninjs has no property for."""
CARRIER_ROLE = "newsdoc"
"""The role of that rendition in ``bodies`` (ninjs 2.x and 3.x)."""
CARRIER_KEY = "body_newsdoc"
"""The key of that rendition in ninjs 1.x, which names bodies by key."""

PROVIDER_ROLE = "provider"
"""The role (``rel`` in 1.x) of the info source that is the article's provider."""

CREATOR_REL = "creator"
"""The first word of the ``rel`` of a person or organisation who created the content."""
CONTRIBUTOR_REL = "contributor"
"""The first word of the ``rel`` of a person or organisation who contributed to it."""

ORGANISATION_KIND = "cptype:organisation"
"""The party type of a creator or contributor listed under ``organisations``."""

TARGET_RENDITION = "target"
"""The name of the rendition of an association that holds a link's target URL."""

NOTE_SEPARATOR = "\n\n"
"""What separates the editorial notes in the one ``edNote`` (``ednote`` in 1.x) ninjs has."""

_KNOWN_VERSIONS = frozenset(
    {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.0", "2.1", "2.2", "3.0", "3.1"}
)


def declared_version(document: dict[str, Any]) -> str | None:
    """The version a document's ``standard`` (``$standard`` in 1.x) object names, if any."""
    for key in ("standard", "$standard"):
        standard = document.get(key)
        if type(standard) is dict and type(standard.get("version")) is str:
            return str(standard["version"])
    return None


def generation(document: dict[str, Any]) -> int:
    """The ninjs generation (1, 2 or 3) of ``document``, told from the document itself.

    A declared ``standard.version`` decides; otherwise a camelCase property means 3.x, an
    array of headlines, bodies or plural concept lists 2.x, and flat 1.x keys
    (``headline``, ``body_text``, ``subject`` …) 1.x. A document with none of these (a
    ``uri`` and a ``type``) is read as 3.x, which reads it the same way.
    """
    declared = declared_version(document)
    if declared is not None and declared[:1] in ("1", "2", "3"):
        return int(declared[0])
    keys = document.keys()
    if any(key in _CAMEL_CASE_ONLY for key in keys) or _items_have(document, _CAMEL_MEMBERS):
        return 3
    if any(key in _SINCE_2 for key in keys):  # arrays of headlines and bodies, plural lists
        return 2
    if any(key in _FLAT_KEYS or _FLAT_PATTERN.match(key) for key in keys):
        return 1
    return 3


def _items_have(document: dict[str, Any], members: frozenset[str]) -> bool:
    """Whether an object in a top-level array (a body, a rendition …) has one of ``members``."""
    return any(
        type(item) is dict and not members.isdisjoint(item)
        for value in document.values()
        if type(value) is list
        for item in value
    )


def schema_version(document: dict[str, Any]) -> str:
    """The ninjs version whose schema ``document`` is checked against.

    The version the document declares when newsdoc ships its schema (1.0 to 3.1); else the
    newest version of the document's generation.
    """
    declared = declared_version(document)
    if declared in _KNOWN_VERSIONS:
        return str(declared)
    return LATEST[generation(document)]
