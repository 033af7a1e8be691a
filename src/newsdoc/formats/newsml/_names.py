"""Namespaces, element names and the element order the NewsML-G2 schema requires."""

from __future__ import annotations

NAR = "http://iptc.org/std/nar/2006-10-01/"
NEWSDOC = "https://newsdoc.dev/ns/newsml/1"
XML = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML}}}lang"
NAR_PREFIX = f"{{{NAR}}}"
"""What the Clark name of every NewsML-G2 element starts with."""

STANDARD_VERSION = "2.35"

CONCEPT_LITERAL, CONCEPT_TYPE, CONCEPT_RANK, CONCEPT_RELATED = "literal", "type", "rank", "related"
CONCEPT_RELATION = "rel"
CONCEPT_FEATURES = {
    "subject": frozenset({CONCEPT_LITERAL, CONCEPT_TYPE, CONCEPT_RANK, CONCEPT_RELATED}),
    "genre": frozenset({CONCEPT_LITERAL, CONCEPT_TYPE, CONCEPT_RANK, CONCEPT_RELATED}),
    "located": frozenset({CONCEPT_LITERAL, CONCEPT_TYPE, CONCEPT_RELATED}),
    "provider": frozenset({CONCEPT_LITERAL, CONCEPT_TYPE, CONCEPT_RELATED}),
    "broader": frozenset({CONCEPT_LITERAL, CONCEPT_TYPE}),
    "sameAs": frozenset({CONCEPT_LITERAL, CONCEPT_TYPE}),
    "related": frozenset({CONCEPT_LITERAL, CONCEPT_TYPE, CONCEPT_RANK, CONCEPT_RELATION}),
    "service": frozenset(),
}
"""What the schema lets each concept-valued element carry beyond qcode, uri and names: a
literal, a type, a rank, broader and same-as concepts (newsdoc maps them one level deep),
and for a party's ``related`` concept, the relation (``rel``).
"""


def nar(name: str) -> str:
    """The Clark name of a NewsML-G2 element: ``{namespace}name``."""
    return f"{NAR_PREFIX}{name}"


def split_tag(tag: str) -> tuple[str | None, str]:
    """The namespace and local name of a Clark name, ``{namespace}name``.

    Taken apart by hand, not with lxml's ``QName``, which refuses a namespace URI holding
    braces although the parser accepted it.
    """
    if tag.startswith("{"):
        namespace, _, local = tag[1:].rpartition("}")
        return namespace, local
    return None, tag


def newsdoc(name: str) -> str:
    """The Clark name of an element of newsdoc's own extension namespace."""
    return f"{{{NEWSDOC}}}{name}"


def _ranks(*groups: str) -> dict[str, int]:
    """Ranks from space-separated groups; names in one group may come in any order."""
    return {nar(name): rank for rank, group in enumerate(groups) for name in group.split()}


# Children in the order the schema's sequences require them, as ranks: the writer inserts
# kept (unmapped) elements after every sibling of the same or a lower rank. Names in one
# group stand in an unbounded choice and may come in any order; names not listed go last.
RANK: dict[str, dict[str, int]] = {
    nar("newsItem"): _ranks(
        "catalogRef catalog", "hopHistory", "pubHistory", "rightsInfo", "itemMeta",
        "contentMeta", "partMeta", "assert", "inlineRef", "derivedFrom derivedFromValue",
        "contentSet",
    ),
    nar("itemMeta"): _ranks(
        "itemClass", "provider", "versionCreated", "firstCreated", "embargoed", "pubStatus",
        "role", "fileName", "generator", "profile", "service", "title", "edNote", "memberOf",
        "instanceOf", "signal", "altRep", "deliverableOf", "hash", "expires", "origRep",
        "incomingFeedId", "metadataCreator", "link", "itemMetaExtProperty",
    ),
    nar("contentMeta"): _ranks(
        "icon", "urgency", "contentCreated", "contentModified", "digitalSourceType",
        "located infoSource creator contributor audience exclAudience altId rating "
        "userInteraction",
        "language genre keyword subject slugline headline dateline by creditline description",
        "contentMetaExtProperty",
    ),
    nar("rightsInfo"): _ranks(
        "accountable", "copyrightHolder",
        "copyrightNotice usageTerms link rightsInfoExtProperty rightsExpressionXML "
        "rightsExpressionData",
        "dataMining",
    ),
}  # fmt: skip
# Concepts and parties: names and definitions, then related concepts, then details.
_CONCEPT_RANKS = _ranks(
    "name definition note facet remoteInfo hierarchyInfo", "sameAs broader narrower related",
    "personDetails organisationDetails geoAreaDetails POIDetails bag", "mainConcept",
    "facetConcept",
)  # fmt: skip
RANK.update(
    (nar(name), _CONCEPT_RANKS)
    for name in (
        "subject", "genre", "located", "provider", "service", "broader", "sameAs", "creator",
        "contributor", "infoSource",
    )
)  # fmt: skip
