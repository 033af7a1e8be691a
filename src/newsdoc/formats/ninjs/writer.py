"""Writing an Article as a ninjs 3.1 (default) or 1.6 document that validates against its schema.

Every field with a ninjs property goes there; the body goes in two renditions, plain text
and XHTML. What ninjs cannot hold — attributions, events, marks, the dateline, the
creditline, keywords, signals, services, several bylines, a concept's second identifier,
kept content — travels
in one more body rendition of content type ``application/vnd.newsdoc+json``: the writer
reads its own document back and puts into that rendition exactly the fields that would not
come back equal, with a fingerprint of what they depend on.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from lxml import etree

from newsdoc.errors import SerializationError
from newsdoc.formats._body import fold_body
from newsdoc.formats._xhtml import write_content
from newsdoc.formats.ninjs._carrier import encode
from newsdoc.formats.ninjs._names import (
    CARRIER_KEY,
    CARRIER_ROLE,
    CARRIER_TYPE,
    CONTRIBUTOR_REL,
    CREATOR_REL,
    NOTE_SEPARATOR,
    PROVIDER_ROLE,
    SCHEMA_URIS,
    TARGET_RENDITION,
)
from newsdoc.formats.ninjs.reader import read_native
from newsdoc.model import Article, Concept, Link, Party

__all__ = ["write", "write_1_6"]

_FORMAT = "ninjs"
_LAYOUT = (", ", ": ")
_BODY_KEYS = frozenset({"bodies", "body_text", "body_xhtml"})
_SEPARATORS = ("/", "#", ":")
_ORGANISATION_KINDS = ("organisation", "organization")
_KEY_START = re.compile(r"[A-Za-z0-9_]")  # what a key of a 1.x object of associations starts with


def write(article: Article) -> str:
    """Write ``article`` as a ninjs 3.1 document."""
    return _write(article, "3.1")


def write_1_6(article: Article) -> str:
    """Write ``article`` as a ninjs 1.6 document."""
    return _write(article, "1.6")


def _write(article: Article, version: str) -> str:
    document = _Document(article, version).properties()
    # What reading the document gives: its properties read, and, without marks and with no
    # line that the XHTML dialect would fold, the body as written (the dialect reads back
    # what it writes; the tests hold the two equal), which spares parsing the XHTML again.
    if not article.marks and all(fold_body(line) == line for line in _reading_order(article)):
        native = read_native({k: v for k, v in document.items() if k not in _BODY_KEYS}).fields
        native.update(lead=article.lead, sections=article.sections, trailer=article.trailer)
    else:  # folding or marks: read the body back as a reader would
        native = read_native(document).fields
    carried = encode(article, native)
    if carried is not None:
        if version.startswith("1."):
            document[CARRIER_KEY] = carried
        else:
            document.setdefault("bodies", []).append(
                {"role": CARRIER_ROLE, "contentType": CARRIER_TYPE, "value": carried}
            )
    # Without indent, the json module encodes in C: several times quicker.
    return json.dumps(document, ensure_ascii=False, separators=_LAYOUT) + "\n"


def _unidentified(article: Article) -> str:
    """The ``uri`` of an article without an id: ninjs requires one."""
    digest = hashlib.sha1("\n".join(article.paragraphs).encode("utf-8"), usedforsecurity=False)
    return f"urn:newsdoc:unidentified:{digest.hexdigest()[:16]}"


def _split_uri(uri: str) -> tuple[str, str] | None:
    """A uri as 1.x ``scheme`` and ``code``: cut after its last ``/``, ``#`` or ``:``."""
    cut = max(uri.rfind(separator) for separator in _SEPARATORS) + 1
    if 0 < cut < len(uri):
        return uri[:cut], uri[cut:]
    return None


class _Document:
    """The ninjs properties of one article, in the spelling of one version."""

    def __init__(self, article: Article, version: str) -> None:
        self.article = article
        self.version = version
        self.flat = version.startswith("1.")

    def _key(self, camel: str) -> str:
        return camel.lower() if self.flat else camel

    def _concept(self, concept: Concept) -> dict[str, str]:
        return self._named(concept.name, concept.uri, concept.qcode)

    def _named(self, name: str | None, uri: str | None, qcode: str | None) -> dict[str, str]:
        """A concept's or party's name and identifiers as ninjs members.

        ``name``, ``uri`` and the qcode as ``literal``; in 1.x, the qcode as ``code``, else
        the uri cut into ``scheme`` and ``code``.
        """
        members: dict[str, str] = {}
        if name is not None:
            members["name"] = name
        if not self.flat:
            if uri is not None:
                members["uri"] = uri
            if qcode is not None:
                members["literal"] = qcode
        elif qcode is not None:
            members["code"] = qcode
        elif uri is not None:
            parts = _split_uri(uri)
            if parts is not None:
                members["scheme"], members["code"] = parts
        return members

    def _parties(self, document: dict[str, Any]) -> None:
        """Creators and contributors as ``people`` and ``organisations``.

        Each with a ``rel`` of ``creator`` or ``contributor`` followed by its roles, one
        word each; a party whose type names an organisation is listed under
        ``organisations``.
        """
        a = self.article
        lists: dict[bool, list[dict[str, str]]] = {False: [], True: []}
        for rel, parties in ((CREATOR_REL, a.creators), (CONTRIBUTOR_REL, a.contributors)):
            for party in parties:
                members = self._named(party.name, party.uri, party.qcode)
                if members:
                    members["rel"] = " ".join((rel, *party.roles))
                    lists[_is_organisation(party)].append(members)
        for organisations, key in ((False, "people"), (True, "organisations")):
            if lists[organisations]:
                document[_singular(key) if self.flat else key] = lists[organisations]

    def _info_sources(self) -> list[dict[str, str]]:
        """The provider, with the role ``provider``, then the info sources with their roles."""
        a = self.article
        role = "rel" if self.flat else "role"
        sources: list[dict[str, str]] = []
        if a.provider is not None:
            members = self._concept(a.provider)
            if members:
                members[role] = PROVIDER_ROLE
                sources.append(members)
        for party in a.info_sources:
            members = self._named(party.name, party.uri, party.qcode)
            if members:
                if party.roles:
                    members[role] = " ".join(party.roles)
                sources.append(members)
        return sources

    def _links(self, document: dict[str, Any]) -> None:
        """``associations``: in 3.x an array, one per link; in 1.x an object keyed by relation.

        1.x holds a link only under a relation that names no other link and starts as its
        keys must (a letter, digit or ``_``).
        """
        a = self.article
        if not self.flat:
            document["associations"] = [_association(link) for link in a.links]
            return
        by_relation: dict[str, dict[str, Any]] = {}
        for link in a.links:
            relation = link.relation
            if relation is not None and _KEY_START.match(relation) and relation not in by_relation:
                by_relation[relation] = _flat_association(link)
        if by_relation:
            document["associations"] = by_relation

    def _alt_ids(self, document: dict[str, Any]) -> None:
        """``altIds`` of ``role`` and ``value``; in 1.x, one ``altids`` object, kind → id."""
        a = self.article
        if not a.alt_ids:
            return
        if not self.flat:
            document["altIds"] = [
                {"value": alt.value} if alt.kind is None else {"role": alt.kind, "value": alt.value}
                for alt in a.alt_ids
            ]
            return
        by_kind: dict[str, str] = {}
        for alt in a.alt_ids:
            if alt.kind is not None and alt.kind not in by_kind:
                by_kind[alt.kind] = alt.value
        if by_kind:
            document["altids"] = by_kind

    def properties(self) -> dict[str, Any]:
        a = self.article
        key = self._key
        document: dict[str, Any] = {
            "uri": a.id if a.id is not None else _unidentified(a),
            "type": "text",
        }
        if a.version is not None:
            document["version"] = str(a.version)
        if a.created is not None:
            document[key("firstCreated")] = a.created.isoformat()
        if a.updated is not None:
            document[key("versionCreated")] = a.updated.isoformat()
        if a.content_created is not None:
            document[key("contentCreated")] = a.content_created.isoformat()
        if a.embargoed is not None:
            document["embargoed" if self.flat else "embargoedUntil"] = a.embargoed.isoformat()
        if a.pub_status is not None:
            document[key("pubStatus")] = a.pub_status.value
        if a.urgency is not None:
            document["urgency"] = a.urgency
        if a.rights is not None:
            for camel, value in (
                ("copyrightHolder", a.rights.holder),
                ("copyrightNotice", a.rights.notice),
                ("usageTerms", a.rights.usage_terms),
            ):
                if value is not None:
                    document[key(camel)] = value
        if a.language is not None:
            document["language"] = a.language
        if a.editorial_notes:
            document[key("edNote")] = NOTE_SEPARATOR.join(a.editorial_notes)
        self._texts(document)
        self._parties(document)
        concepts = (("subjects", "subject", a.subjects), ("genres", "genre", a.genres))
        for plural, singular, items in concepts:
            written = [members for members in map(self._concept, items) if members]
            if written:
                document[singular if self.flat else plural] = written
        sources = self._info_sources()
        if sources:
            document["infosource" if self.flat else "infoSources"] = sources
        self._alt_ids(document)
        if a.links:
            self._links(document)
        standard = {"name": "ninjs", "version": self.version, "schema": SCHEMA_URIS[self.version]}
        document["$standard" if self.flat else "standard"] = standard
        return document

    def _texts(self, document: dict[str, Any]) -> None:
        a = self.article
        if self.flat:
            if a.headline is not None:
                document["headline"] = a.headline
            if a.subheadline is not None:
                document["headline_sub"] = a.subheadline
        else:
            headlines = [{"role": "main", "value": a.headline}] if a.headline is not None else []
            if a.subheadline is not None:
                headlines.append({"role": "sub", "value": a.subheadline})
            headlines.extend(
                _role_text(other.role, other.text)
                for other in a.other_headlines
                if _is_line(other.text)
            )
            if headlines:
                document["headlines"] = headlines
        if a.bylines:
            document["byline" if self.flat else "by"] = _joined(a.bylines)
        if a.slugline is not None:
            document["slugline"] = a.slugline
        if a.located is not None and a.located.name is not None:
            document["located"] = a.located.name
        if a.description is not None:
            if self.flat:
                document["description_text"] = a.description
            else:
                document["descriptions"] = [
                    {"role": "summary", "contentType": "text/plain", "value": a.description}
                ]
        if a.other_descriptions and not self.flat:
            document.setdefault("descriptions", []).extend(
                {**_role_text(other.role, other.text), "contentType": "text/plain"}
                for other in a.other_descriptions
            )
        if a.lead or a.sections or a.trailer:
            text = "\n".join(_reading_order(a))
            markup = _xhtml_fragment(a)
            if self.flat:
                document["body_text"] = text
                document["body_xhtml"] = markup
            else:
                document["bodies"] = [
                    {"role": "main", "contentType": "text/plain", "value": text},
                    {"role": "richtext", "contentType": "application/xhtml+xml", "value": markup},
                ]


def _singular(key: str) -> str:
    """The 1.x key of a 3.x list: ``person`` for ``people``, ``organisation`` and so on."""
    return "person" if key == "people" else key.removesuffix("s")


def _is_organisation(party: Party) -> bool:
    return party.kind is not None and party.kind.lower().endswith(_ORGANISATION_KINDS)


def _is_line(text: str) -> bool:
    return text == text.strip() and len(text.splitlines()) == 1


def _role_text(role: str | None, text: str) -> dict[str, str]:
    return {"value": text} if role is None else {"role": role, "value": text}


def _association(link: Link) -> dict[str, Any]:
    """A link as an association.

    ``uri`` is the target's id (else its URL), ``rel`` the relation, ``name`` the title (else
    the relation, else the uri, as ninjs requires a name), and the URL and content type go
    in one rendition named ``target``.
    """
    uri = link.target_id if link.target_id is not None else link.target
    assert uri is not None  # a link has one or the other
    association: dict[str, Any] = {"name": link.title or link.relation or uri, "uri": uri}
    if link.relation is not None:
        association["rel"] = link.relation
    if link.version is not None:
        association["version"] = str(link.version)
    target = {"name": TARGET_RENDITION}
    if link.target is not None:
        target["href"] = link.target
    if link.content_type is not None:
        target["contentType"] = link.content_type
    if len(target) > 1:
        association["renditions"] = [target]
    return association


def _flat_association(link: Link) -> dict[str, Any]:
    """A link as a 1.x association, keyed by its relation.

    As in 3.x, but the title is ``title`` and the target rendition is keyed by its name,
    its content type as ``mimetype``.
    """
    uri = link.target_id if link.target_id is not None else link.target
    association: dict[str, Any] = {"uri": uri}
    if link.version is not None:
        association["version"] = str(link.version)
    if link.title is not None:
        association["title"] = link.title
    target: dict[str, str] = {}
    if link.target is not None:
        target["href"] = link.target
    if link.content_type is not None:
        target["mimetype"] = link.content_type
    if target:
        association["renditions"] = {TARGET_RENDITION: target}
    return association


def _xhtml_fragment(article: Article) -> str:
    """The body as XHTML elements in no namespace, as the ninjs examples give it.

    ``<p>`` lead paragraphs, a ``<div class="section">`` with an ``<h2>`` per section, and
    a ``<div class="trailer">``.
    """
    holder = etree.Element("div")
    try:
        write_content(holder, article, namespace=None)
    except ValueError as exc:  # lxml refuses control characters
        raise SerializationError(_FORMAT, str(exc)) from exc
    return "".join(etree.tostring(child, encoding="unicode") for child in holder)


def _joined(bylines: tuple[str, ...]) -> str:
    """Several bylines as one ``by`` line: ``A``, ``A and B``, ``A, B and C``."""
    if len(bylines) == 1:
        return bylines[0]
    return f"{', '.join(bylines[:-1])} and {bylines[-1]}"


def _reading_order(article: Article) -> list[str]:
    """The body's lines as a reader sees them: lead, each heading and its paragraphs, trailer."""
    lines = list(article.lead)
    for section in article.sections:
        lines.append(section.heading)
        lines.extend(section.paragraphs)
    lines.extend(article.trailer)
    return lines
