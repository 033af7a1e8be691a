"""Reading ninjs 1.x, 2.x and 3.x documents into Articles.

Bytes → JSON values (through the shared strict JSON layer) → the properties the model has a
field for → Article. Every property, member or array item the reader does not map becomes
an :class:`~newsdoc.Extension` of format ``ninjs`` whose ``path`` is its JSON path
(``$.associations``, ``$.subjects[0].relevance``) and whose ``content`` is its canonical
JSON, so nothing is dropped silently; strict reading refuses the document instead.

A document newsdoc wrote may hold one more body rendition, of content type
``application/vnd.newsdoc+json``: the fields ninjs has no property for (attributions,
events, the dateline …). It applies while the rest of the document still says what it said
when it was written; once an editor has changed what it depends on, it is kept as an
Extension like any unmapped content.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from html.entities import html5
from typing import Any, NamedTuple

from lxml import etree

from newsdoc.errors import ParseError, UnmappedContentError, ValidationError
from newsdoc.formats import ReadOptions
from newsdoc.formats import _nitf_body as nitf_body
from newsdoc.formats import _xhtml as xhtml
from newsdoc.formats._body import Body
from newsdoc.formats._json import loads, shown
from newsdoc.formats._xml import parse_xml
from newsdoc.formats.ninjs._carrier import decode
from newsdoc.formats.ninjs._names import (
    CARRIER_KEY,
    CARRIER_TYPE,
    CONTRIBUTOR_REL,
    CREATOR_REL,
    FIELD_OF_KEY,
    NOTE_SEPARATOR,
    ORGANISATION_KIND,
    PROVIDER_ROLE,
    TARGET_RENDITION,
)
from newsdoc.model import (
    AltId,
    Article,
    Concept,
    Extension,
    Link,
    Party,
    PubStatus,
    Rights,
    RoleText,
)

__all__ = ["Native", "paragraphs_of", "read", "read_native", "to_extension_content"]

_FORMAT = "ninjs"
_LARGEST_INT = 2**63 - 1
_ASCII_DIGITS = re.compile(r"[0-9]+")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
_PUB_STATUS = {status.value: status for status in PubStatus}
_TEXT_TYPES = (None, "text/plain")
_HEADLINE_ROLES = {None: "headline", "main": "headline", "sub": "subheadline"}
_DESCRIPTION_ROLES = (None, "summary")
_BODY_ROLES = (None, "main", "richtext")
_RENDITION_MEMBERS = frozenset({"role", "contentType", "contenttype", "value"})
_FLAT_HEADLINES = {"headline_main": "headline", "headline_sub": "subheadline"}
_FLAT_DESCRIPTIONS = frozenset({"description_text"})
_PLAIN, _XHTML, _HTML, _NITF = "text", "xhtml", "html", "nitf"
_FLAT_BODIES = {
    "body_text": _PLAIN,
    "body_main": _PLAIN,
    "body_xhtml": _XHTML,
    "body_richtext": _XHTML,
    "body_html": _HTML,
    "body_nitf": _NITF,
}
_BODY_TYPES = {
    None: _PLAIN,
    "text/plain": _PLAIN,
    "application/xhtml+xml": _XHTML,
    "body_xhtml": _XHTML,  # as the IPTC 2.2 and 3.1 examples name it
    "text/html": _HTML,
    "body_html": _HTML,
    "application/nitf+xml": _NITF,
}
_CONCEPT_MEMBERS = ("name", "uri", "literal", "scheme", "code")
_PARTY_FIELDS = {CREATOR_REL: "creators", CONTRIBUTOR_REL: "contributors"}
_ROLE_MEMBERS = ("role", "rel")  # an info source's role: 3.x ``role``, 1.x ``rel``
_TARGET_MEMBERS = frozenset({"name", "href", "contentType"})
_FLAT_TARGET_MEMBERS = frozenset({"href", "mimetype"})
_TEXT_MEMBERS = ("role", "contentType", "contenttype")
_STANDARD_MEMBERS = frozenset({"name", "version", "schema"})


def read(data: str | bytes, options: ReadOptions) -> Article:
    """Read one ninjs document of any version (1.x, 2.x or 3.x) of type text.

    Raises:
        ParseError: The input is not JSON or not a JSON object; it is a ninjs item of
            another type (picture, video, event, planning …); a property the reader maps
            holds a value of the wrong JSON type. The error names the JSON path.
        UnmappedContentError: With ``options.strict``, the document holds content the
            model has no field for.
    """
    document = loads(data, _FORMAT, options.source)
    if type(document) is not dict:
        raise ParseError(
            _FORMAT,
            f"a ninjs document is a JSON object, not {shown(document)}",
            path="$",
            source=options.source,
        )
    native = read_native(document, options.source)
    fields = native.fields
    kept = native.kept
    carried: dict[str, Any] = {}
    if native.carrier is not None:
        at, path, text = native.carrier
        overrides = decode(text, path, native.fields, options.source)
        if overrides is None:  # the document changed since it was written: keep it whole
            kept.insert(at, native.carrier_kept())
        else:
            carried = overrides
            if native.body_kept is not None and native.body_holds_only({**fields, **carried}):
                kept.remove(native.body_kept)  # the body newsdoc wrote, which it completes
    if options.strict and kept:
        raise UnmappedContentError(
            _FORMAT, tuple(extension.path for extension in kept), source=options.source
        )
    fields.update(carried)
    fields["extensions"] = tuple(carried.get("extensions", ())) + tuple(kept)
    return _article(fields, options.source)


def _article(fields: dict[str, Any], source: str | None) -> Article:
    try:
        return Article(**fields)
    except ValidationError as exc:
        raise ParseError(_FORMAT, str(exc), path="$", source=source) from exc


_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def to_extension_content(value: Any) -> str:
    """The canonical JSON of a kept value: sorted keys, no spaces, text as it is."""
    return _CANONICAL.encode(value)


@lru_cache(maxsize=1024)  # the same few keys, document after document
def _step(key: str | int) -> str:
    """One step of an exact JSON path: ``[3]``, ``.headline`` or ``["$standard"]``."""
    if isinstance(key, int):
        return f"[{key}]"
    if key.isidentifier():
        return f".{key}"
    return f"[{json.dumps(key, ensure_ascii=False)}]"


def _is_line(value: str) -> bool:
    """Whether ``value`` is one line as the model holds it (no breaks, no outer space)."""
    return bool(value) and value == value.strip() and len(value.splitlines()) == 1


def _is_code(value: str) -> bool:
    """Whether ``value`` is one token without white space, as roles and qcodes are."""
    return len(value.split()) == 1 and value == value.strip()


def paragraphs_of(text: str) -> tuple[str, ...]:
    """The paragraphs of a plain-text body.

    Blank lines separate paragraphs when there are any, and the lines of a paragraph are
    joined by a space; without blank lines, each line is a paragraph.
    """
    lines = [line.strip() for line in text.splitlines()]
    if "" not in lines:
        return tuple(lines)
    paragraphs: list[str] = []
    block: list[str] = []
    for line in lines:
        if line:
            block.append(line)
        elif block:
            paragraphs.append(" ".join(block))
            block = []
    if block:
        paragraphs.append(" ".join(block))
    return tuple(paragraphs)


class Native:
    """What the properties of a document say, before the newsdoc rendition is applied.

    Attributes:
        fields: Article fields by name, for every property the reader mapped.
        kept: The unmapped content, in document order.
        carrier: Where the newsdoc rendition stands, if there is one: the index in
            ``kept`` it would take, its JSON path, and its text.
        body_kept: The body rendition read, when it is kept whole too, as it holds more
            than the body (an image, a table …).
    """

    def __init__(self, document: dict[str, Any], source: str | None) -> None:
        self.document = document
        self.source = source
        self.fields: dict[str, Any] = {}
        self.kept: list[Extension] = []
        self.carrier: tuple[int, str, str] | None = None
        self.body_kept: Extension | None = None
        self._holds_only: Callable[[Body], bool] | None = None
        self._carrier_value: Any = None
        self._rights: dict[str, str] = {}
        self._candidates: list[_Candidate] = []

    def body_holds_only(self, fields: dict[str, Any]) -> bool:
        """Whether the body rendition kept whole holds only the body ``fields`` give.

        So it is for a body newsdoc wrote, once its rendition gives back what the markup
        alone does not say (marks over white space, text that folding changes).
        """
        if self._holds_only is None:
            return False
        body = Body(exact=False)
        body.lead = list(fields.get("lead", ()))
        body.sections = list(fields.get("sections", ()))
        body.trailer = list(fields.get("trailer", ()))
        body.marks = list(fields.get("marks", ()))
        return self._holds_only(body)

    def carrier_kept(self) -> Extension:
        """The newsdoc rendition as kept content, for when it no longer applies."""
        assert self.carrier is not None
        return self._extension(self.carrier[1], self._carrier_value)

    # -- errors and kept content ---------------------------------------------------------

    def _error(self, reason: str, path: str) -> ParseError:
        return ParseError(_FORMAT, reason, path=path, source=self.source)

    def _extension(self, path: str, value: Any) -> Extension:
        return Extension(format=_FORMAT, path=path, content=to_extension_content(value))

    def keep(self, path: str, value: Any) -> None:
        """Keep ``value``, found at ``path``, as an Extension."""
        self.kept.append(self._extension(path, value))

    def _string(self, value: Any, path: str) -> str:
        if type(value) is not str:
            raise self._error(f"expected a string, not {shown(value)}", path)
        return str(value)

    def _strings(self, members: dict[str, Any], names: Iterable[str], at: str) -> None:
        """Refuse a member among ``names`` of the object at ``at`` that is not a string."""
        for name in names:
            value = members.get(name)
            if value is not None and type(value) is not str:
                raise self._error(f"expected a string, not {shown(value)}", at + _step(name))

    def _array(self, value: Any, path: str) -> list[Any]:
        if type(value) is not list:
            raise self._error(f"expected an array, not {shown(value)}", path)
        return list(value)

    def _object(self, value: Any, path: str) -> dict[str, Any]:
        if type(value) is not dict:
            raise self._error(f"expected an object, not {shown(value)}", path)
        return dict(value)

    def _set(self, field: str, value: Any, path: str, original: Any) -> None:
        """Map ``value`` to ``field``, unless another property mapped it first."""
        if field in self.fields:
            self.keep(path, original)
        else:
            self.fields[field] = value

    # -- the document ----------------------------------------------------------------------

    def read(self) -> Native:
        """Map every property of the document, in document order; return self."""
        handlers = _handlers()
        for key, value in self.document.items():
            path = "$" + _step(key)
            handler = handlers.get(key)
            if handler is not None:
                handler(self, value, path)
            elif key in _FLAT_HEADLINES:
                self._line(_FLAT_HEADLINES[key], value, path)
            elif key == CARRIER_KEY:
                self._carrier(self._string(value, path), path, value)
            else:
                self.keep(path, value)
        if self._rights:
            self.fields["rights"] = Rights(**self._rights)
        self._choose_body()
        return self

    def _uri(self, value: Any, path: str) -> None:
        if self._string(value, path).strip():
            self._set("id", value, path, value)
        else:
            self.keep(path, value)

    def _type(self, value: Any, path: str) -> None:
        if self._string(value, path) != "text":
            raise self._error(
                f"a ninjs item of type {shown(value)} is not a text article; newsdoc reads "
                "items of type text",
                path,
            )

    def _version(self, value: Any, path: str) -> None:
        number: int | None = None
        if type(value) is int:
            number = value
        elif type(value) is str:
            if _ASCII_DIGITS.fullmatch(value):
                number = int(value)
        else:
            raise self._error(f"expected a string, not {shown(value)}", path)
        if number is not None and 1 <= number <= _LARGEST_INT:
            self._set("version", number, path, value)
        else:
            self.keep(path, value)

    def _moment(self, field: str, value: Any, path: str) -> None:
        text = self._string(value, path)
        moment = _datetime(text)
        if moment is None:
            self.keep(path, value)
        else:
            self._set(field, moment, path, value)

    def _created(self, value: Any, path: str) -> None:
        self._moment("created", value, path)

    def _updated(self, value: Any, path: str) -> None:
        self._moment("updated", value, path)

    def _embargoed(self, value: Any, path: str) -> None:
        self._moment("embargoed", value, path)

    def _content_created(self, value: Any, path: str) -> None:
        self._moment("content_created", value, path)

    def _pub_status(self, value: Any, path: str) -> None:
        status = _PUB_STATUS.get(self._string(value, path))
        if status is None:
            self.keep(path, value)
        else:
            self._set("pub_status", status, path, value)

    def _urgency(self, value: Any, path: str) -> None:
        if type(value) is int and 1 <= value <= 9:
            self._set("urgency", value, path, value)
        elif type(value) in (int, float):
            self.keep(path, value)
        else:
            raise self._error(f"expected a number, not {shown(value)}", path)

    def _rights_part(self, part: str, value: Any, path: str) -> None:
        if self._string(value, path).strip() and part not in self._rights:
            self._rights[part] = value
        else:
            self.keep(path, value)

    def _holder(self, value: Any, path: str) -> None:
        self._rights_part("holder", value, path)

    def _notice(self, value: Any, path: str) -> None:
        self._rights_part("notice", value, path)

    def _usage_terms(self, value: Any, path: str) -> None:
        self._rights_part("usage_terms", value, path)

    def _language(self, value: Any, path: str) -> None:
        if _LANGUAGE_TAG.fullmatch(self._string(value, path)):
            self._set("language", value, path, value)
        else:
            self.keep(path, value)

    def _line(self, field: str, value: Any, path: str) -> None:
        if _is_line(self._string(value, path)):
            self._set(field, value, path, value)
        else:
            self.keep(path, value)

    def _headline(self, value: Any, path: str) -> None:
        self._line("headline", value, path)

    def _slugline(self, value: Any, path: str) -> None:
        self._line("slugline", value, path)

    def _by(self, value: Any, path: str) -> None:
        if _is_line(self._string(value, path)):
            self._set("bylines", (value,), path, value)
        else:
            self.keep(path, value)

    def _located(self, value: Any, path: str) -> None:
        if self._string(value, path).strip():
            self._set("located", Concept(name=value), path, value)
        else:
            self.keep(path, value)

    def _description(self, value: Any, path: str) -> None:
        if self._string(value, path).strip():
            self._set("description", value, path, value)
        else:
            self.keep(path, value)

    def _editorial_notes(self, value: Any, path: str) -> None:
        """The notes, one per blank-line-separated part (the writer joins them so)."""
        notes = tuple(self._string(value, path).split(NOTE_SEPARATOR))
        if all(note.strip() for note in notes):
            self._set("editorial_notes", notes, path, value)
        else:
            self.keep(path, value)

    def _standard(self, value: Any, path: str) -> None:
        if (
            type(value) is dict
            and value.get("name") == "ninjs"
            and set(value) <= _STANDARD_MEMBERS
            and all(type(member) is str for member in value.values())
        ):
            return  # says which version this is; the writer names its own
        self.keep(path, value)

    # -- renditions: headlines, descriptions, bodies -----------------------------------------

    def _renditions(self, value: Any, path: str) -> Iterable[tuple[str, dict[str, Any]]]:
        """Each well-formed ``{role, contentType, value}`` object of an array, with its path.

        Objects without a string ``value`` are kept whole; members besides role, content
        type and value are kept one by one, as the rendition itself is read.
        """
        for index, item in enumerate(self._array(value, path)):
            at = f"{path}[{index}]"
            members = self._object(item, at)
            self._strings(members, _TEXT_MEMBERS, at)
            if type(members.get("value")) is not str:
                self._string(members.get("value", ""), at + ".value")
                self.keep(at, item)  # no value at all: nothing to read
                continue
            yield at, members

    def _leftover_members(self, members: dict[str, Any], at: str) -> None:
        for member, value in members.items():
            if member not in _RENDITION_MEMBERS:
                self.keep(at + _step(member), value)

    def _append(self, field: str, *values: Any) -> None:
        """Add ``values`` to the tuple ``field`` holds, which several properties may fill."""
        self.fields[field] = self.fields.get(field, ()) + values

    def _headlines(self, value: Any, path: str) -> None:
        """The headline (role ``main`` or none), the subheadline (``sub``), then the others.

        A headline of another role, or one whose field is taken, is a further headline.
        """
        for at, members in self._renditions(value, path):
            role = members.get("role")
            field = _HEADLINE_ROLES.get(role)
            text = members["value"]
            if _content_type(members) not in _TEXT_TYPES or not _is_line(text):
                self.keep(at, members)
                continue
            if field is not None and field not in self.fields:
                self.fields[field] = text
            elif role is None or _is_code(role):
                self._append("other_headlines", RoleText(text=text, role=role))
            else:
                self.keep(at, members)
                continue
            self._leftover_members(members, at)

    def _descriptions(self, value: Any, path: str) -> None:
        """The description (role ``summary`` or none), then the further descriptions."""
        for at, members in self._renditions(value, path):
            role = members.get("role")
            text = members["value"]
            if _content_type(members) not in _TEXT_TYPES or not text.strip():
                self.keep(at, members)
                continue
            if role in _DESCRIPTION_ROLES and "description" not in self.fields:
                self.fields["description"] = text
            elif role is None or _is_code(role):
                self._append("other_descriptions", RoleText(text=text, role=role))
            else:
                self.keep(at, members)
                continue
            self._leftover_members(members, at)

    def _bodies(self, value: Any, path: str) -> None:
        for at, members in self._renditions(value, path):
            content_type = _content_type(members)
            dialect = _BODY_TYPES.get(content_type)
            if content_type == CARRIER_TYPE:
                self._carrier(members["value"], at, members)
            elif dialect is not None and members.get("role") in _BODY_ROLES:
                self._body(dialect, members["value"], at, members)
            else:
                self.keep(at, members)

    def _flat_body(self, value: Any, path: str) -> None:
        dialect = _FLAT_BODIES[path[2:]]
        self._body(dialect, self._string(value, path), path, value)

    def _body(self, dialect: str, text: str, at: str, original: Any) -> None:
        """Note a body rendition; :meth:`_choose_body` decides which one is the body."""
        self._candidates.append(_Candidate(len(self.kept), at, dialect, text, original))

    def _choose_body(self) -> None:
        """Map the first markup body that parses, else the first plain-text one.

        A plain-text rendition that says what the chosen markup body says (the same words,
        white space aside) is derived from it and read; every other rendition is kept.
        """
        chosen: _Candidate | None = None
        whole = True
        for candidate in self._candidates:
            if candidate.dialect != _PLAIN:
                read = _markup_body(candidate.dialect, candidate.text)
                if read is not None:
                    chosen = candidate
                    body, whole, holds_only = read
                    agrees = self._map_body(body)
                    whole = agrees and whole
                    self._holds_only = holds_only if agrees else None
                    break
        if chosen is None:
            chosen = next((c for c in self._candidates if c.dialect == _PLAIN), None)
            if chosen is not None:
                self.fields["lead"] = paragraphs_of(chosen.text)
        words = _words(_lines(self.fields)) if chosen is not None else None
        for candidate in reversed(self._candidates):
            if candidate is chosen and whole:
                self._keep_leftovers(candidate)
            elif candidate is chosen:
                self.body_kept = self._extension(candidate.path, candidate.original)
                self.kept.insert(candidate.at, self.body_kept)
            elif candidate.dialect == _PLAIN and _words(paragraphs_of(candidate.text)) == words:
                self._keep_leftovers(candidate)  # derived from the chosen body
            else:
                self.kept.insert(candidate.at, self._extension(candidate.path, candidate.original))

    def _keep_leftovers(self, candidate: _Candidate) -> None:
        if type(candidate.original) is dict:
            leftovers = [
                self._extension(candidate.path + _step(member), value)
                for member, value in candidate.original.items()
                if member not in _RENDITION_MEMBERS
            ]
            self.kept[candidate.at : candidate.at] = leftovers

    def _map_body(self, body: Body) -> bool:
        """Map ``body``; whether the document says no other headline, byline … than it."""
        self.fields["lead"], self.fields["sections"], self.fields["trailer"] = body.parts()
        if body.marks:  # links, emphasis, names
            self.fields["marks"] = tuple(body.marks)
        agrees = True
        for field, value in body.header.items():  # headline, bylines … the body states
            agrees = self.fields.setdefault(field, value) == value and agrees
        return agrees

    def _carrier(self, text: str, path: str, original: Any) -> None:
        if self.carrier is not None:
            self.keep(path, original)
            return
        self.carrier = (len(self.kept), path, text)
        self._carrier_value = original

    # -- concepts ----------------------------------------------------------------------------

    def _concepts(self, value: Any, path: str) -> list[Concept]:
        found = []
        for index, item in enumerate(self._array(value, path)):
            concept = self._concept(item, f"{path}[{index}]")
            if concept is not None:
                found.append(concept)
        return found

    def _concept(self, item: Any, at: str, role: str | None = None) -> Concept | None:
        """The concept an object names (name, uri, literal, or 1.x scheme and code).

        ``literal`` is the qcode; in 1.x, ``code`` alone is the qcode and ``scheme`` with
        ``code`` is the uri (``scheme`` + ``code``). Other members (``rel``, ``role``,
        ``relevance`` …) are kept one by one, but for ``role``, the member the caller has
        read; an object that names no concept is kept whole.
        """
        members = self._object(item, at)
        found, used = self._identity(members, at)
        if not found:
            self.keep(at, item)
            return None
        if role is not None:
            used.add(role)
        self._keep_unused(members, used, at)
        return Concept(qcode=found.get("qcode"), uri=found.get("uri"), name=found.get("name"))

    def _keep_unused(self, members: dict[str, Any], used: set[str], at: str) -> None:
        for member, value in members.items():
            if member not in used:
                self.keep(at + _step(member), value)

    def _identity(self, members: dict[str, Any], at: str) -> tuple[dict[str, str], set[str]]:
        """The name, uri and qcode an object gives, and the members that gave them.

        See :meth:`_concept` for which member gives what.
        """
        self._strings(members, _CONCEPT_MEMBERS, at)
        found: dict[str, str] = {}
        used: set[str] = set()
        for member, field in (("name", "name"), ("uri", "uri"), ("literal", "qcode")):
            text = members.get(member)
            if text is not None and text.strip():
                found[field] = text
                used.add(member)
        scheme, code = members.get("scheme"), members.get("code")
        if code is not None and code.strip():
            if scheme is not None and scheme.strip():
                if "uri" not in found:
                    found["uri"] = scheme + code
                    used.update(("scheme", "code"))
            elif "qcode" not in found:
                found["qcode"] = code
                used.add("code")
        return found, used

    def _subjects(self, value: Any, path: str) -> None:
        concepts = tuple(self._concepts(value, path))
        if "subjects" in self.fields:
            self.fields["subjects"] += concepts
        else:
            self.fields["subjects"] = concepts

    def _genres(self, value: Any, path: str) -> None:
        concepts = tuple(self._concepts(value, path))
        if "genres" in self.fields:
            self.fields["genres"] += concepts
        else:
            self.fields["genres"] = concepts

    def _info_sources(self, value: Any, path: str) -> None:
        """The info source of role ``provider`` is the provider; the others are info sources.

        In a document where none has that role, the first info source without a role is
        the provider, as newsdoc wrote it before info sources had their own field. An
        info source's role (``rel`` in 1.x) gives its roles, one per word.
        """
        items = [
            (f"{path}[{index}]", self._object(item, f"{path}[{index}]"))
            for index, item in enumerate(self._array(value, path))
        ]
        roles = [self._role_of(members, at) for at, members in items]
        provider = next(
            (index for index, (_, role) in enumerate(roles) if role == PROVIDER_ROLE), None
        )
        if provider is None:
            provider = next((index for index, (_, role) in enumerate(roles) if role is None), None)
        for index, ((at, members), (role_member, role)) in enumerate(
            zip(items, roles, strict=True)
        ):
            if index == provider and "provider" not in self.fields:
                concept = self._concept(members, at, role_member)
                if concept is not None:
                    self.fields["provider"] = concept
                continue
            party = self._party(members, at, role, role_member)
            if party is not None:
                self._append("info_sources", party)

    def _role_of(self, members: dict[str, Any], at: str) -> tuple[str | None, str | None]:
        """Which member gives an info source's role, and the role; ``(None, None)`` if none."""
        self._strings(members, _ROLE_MEMBERS, at)
        for member in _ROLE_MEMBERS:
            if member in members:
                return member, members[member]
        return None, None

    def _party(
        self,
        members: dict[str, Any],
        at: str,
        roles: str | None,
        roles_member: str | None,
        kind: str | None = None,
    ) -> Party | None:
        """The party an object names, with the roles ``roles`` lists, one per word.

        An object that names no party, or whose roles are not words separated by single
        spaces, is kept whole.
        """
        found, used = self._identity(members, at)
        words = () if roles is None else tuple(roles.split(" "))
        if not found or not all(_is_code(word) for word in words):
            self.keep(at, members)
            return None
        if roles_member is not None:
            used.add(roles_member)
        self._keep_unused(members, used, at)
        return Party(
            name=found.get("name"),
            qcode=found.get("qcode"),
            uri=found.get("uri"),
            kind=kind,
            roles=words,
        )

    def _named_parties(self, value: Any, path: str, kind: str | None) -> None:
        """Creators and contributors among ``people`` or ``organisations``.

        An object whose ``rel`` starts with the word ``creator`` or ``contributor`` is
        one, with the further words as its roles; any other (a person the article is
        about) is kept whole.
        """
        for index, item in enumerate(self._array(value, path)):
            at = f"{path}[{index}]"
            members = self._object(item, at)
            self._strings(members, ("rel",), at)
            rel = members.get("rel")
            first, space, rest = (rel or "").partition(" ")
            field = _PARTY_FIELDS.get(first)
            if field is None:
                self.keep(at, members)
                continue
            party = self._party(members, at, rest if space else None, "rel", kind)
            if party is not None:
                self._append(field, party)

    def _people(self, value: Any, path: str) -> None:
        self._named_parties(value, path, None)

    def _organisations(self, value: Any, path: str) -> None:
        self._named_parties(value, path, ORGANISATION_KIND)

    def _alt_ids(self, value: Any, path: str) -> None:
        """Alternative ids: 3.x objects of ``role`` and ``value``; 1.x one object, kind → id."""
        found: list[AltId] = []
        if type(value) is dict:
            for kind, text in value.items():
                if type(text) is str and _is_line(text) and _is_code(kind):
                    found.append(AltId(value=text, kind=kind))
                else:
                    self.keep(path + _step(kind), text)
        else:
            for index, item in enumerate(self._array(value, path)):
                at = f"{path}[{index}]"
                members = self._object(item, at)
                self._strings(members, ("role", "value"), at)
                text, role = members.get("value"), members.get("role")
                if text is None or not _is_line(text) or (role is not None and not _is_code(role)):
                    self.keep(at, members)
                    continue
                found.append(AltId(value=text, kind=role))
                self._keep_unused(members, {"value", "role"}, at)
        if found:
            self._append("alt_ids", *found)

    def _links(self, value: Any, path: str) -> None:
        """Links from ``associations``: a 3.x array, or a 1.x object keyed by relation."""
        if type(value) is dict:
            for relation, item in value.items():
                at = path + _step(relation)
                if type(item) is not dict or not _is_code(relation):
                    self.keep(at, item)
                    continue
                link = self._link(dict(item), at, relation)
                if link is not None:
                    self._append("links", link)
            return
        for index, item in enumerate(self._array(value, path)):
            at = f"{path}[{index}]"
            link = self._link(self._object(item, at), at)
            if link is not None:
                self._append("links", link)

    def _link(self, members: dict[str, Any], at: str, relation: str | None = None) -> Link | None:
        """The link an association gives.

        ``uri`` is the target's id, ``rel`` the relation, ``version`` the version and
        ``name`` the title, unless it repeats the relation or the uri; a single rendition
        named ``target`` gives the target URL (``href``, which is the uri when the link has
        no id) and its content type. A 1.x association has its ``relation`` as its key, its
        title in ``title`` and the content type as ``mimetype``. Other members are kept one
        by one.
        """
        flat = relation is not None
        title_member = "title" if flat else "name"
        self._strings(members, ("uri", title_member) if flat else ("uri", "rel", "name"), at)
        uri = members.get("uri")
        if uri is None or not uri.strip():
            self.keep(at, members)
            return None
        used = {"uri"}
        found: dict[str, Any] = {"target_id": uri}
        rel = members.get("rel")
        if flat:
            found["relation"] = relation
        elif rel is not None and _is_code(rel):
            found["relation"] = rel
            used.add("rel")
        version = members.get("version")
        if type(version) is str and _ASCII_DIGITS.fullmatch(version):
            number = int(version)
            if 1 <= number <= _LARGEST_INT:
                found["version"] = number
                used.add("version")
        target = _target(members.get("renditions"), flat)
        if target is not None:
            href, content_type = target
            if href == uri:
                found["target"], found["target_id"] = href, None
            elif href is not None:
                found["target"] = href
            found["content_type"] = content_type
            used.add("renditions")
        name = members.get(title_member)
        repeats = () if flat else (uri, found.get("relation"))
        if name is not None and (name in repeats or _is_line(name)):
            if name not in repeats:
                found["title"] = name
            used.add(title_member)
        self._keep_unused(members, used, at)
        return Link(**found)


def _target(renditions: Any, flat: bool) -> tuple[str | None, str | None] | None:
    """The href and content type of an association's one rendition named ``target``.

    3.x renditions are an array of objects with a ``name``; 1.x ones an object keyed by
    name, whose content type is ``mimetype``.
    """
    if flat:
        if type(renditions) is not dict or list(renditions) != [TARGET_RENDITION]:
            return None
        rendition = renditions[TARGET_RENDITION]
        if type(rendition) is not dict or not set(rendition) <= _FLAT_TARGET_MEMBERS:
            return None
        content_type = rendition.get("mimetype")
    else:
        if type(renditions) is not list or len(renditions) != 1:
            return None
        rendition = renditions[0]
        if (
            type(rendition) is not dict
            or not set(rendition) <= _TARGET_MEMBERS
            or rendition.get("name") != TARGET_RENDITION
        ):
            return None
        content_type = rendition.get("contentType")
    href = rendition.get("href")
    if href is None and content_type is None:
        return None
    if href is not None and (type(href) is not str or not href.strip()):
        return None
    if content_type is not None and (type(content_type) is not str or not _is_code(content_type)):
        return None
    return href, content_type


class _Candidate(NamedTuple):
    """A body rendition met in the document: where, in which dialect, and what it holds."""

    at: int  # its place among the kept content
    path: str
    dialect: str
    text: str
    original: Any


_XML_DECLARATION = re.compile(r"\s*<\?xml[^>]*\?>")
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_VOID_ELEMENT = re.compile(
    r"<(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\b([^<>]*?)(?<!/)>",
    re.IGNORECASE,
)
_MARKUP_CHARACTERS = {"<": "&lt;", "&": "&amp;", '"': "&quot;"}


def _character(match: re.Match[str]) -> str:
    """An HTML named character reference as its character, which XML knows without a DTD."""
    if match[1] in _XML_ENTITIES:
        return match[0]
    character = html5.get(match[1] + ";")
    if character is None:
        return match[0]  # unknown: the XML parser refuses it, and the body is kept
    return "".join(_MARKUP_CHARACTERS.get(each, each) for each in character)


def _parsed(fragment: str) -> etree._Element | None:
    """``fragment`` parsed inside a ``div``; None when it is not well-formed XML."""
    try:
        return parse_xml(f"<div>{fragment}</div>", _FORMAT, None)
    except ParseError:
        return None


def _markup_body(
    dialect: str, text: str
) -> tuple[Body, bool, Callable[[Body], bool] | None] | None:
    """The body an XHTML, HTML or NITF rendition holds, and whether that is all it holds.

    None when it is not well-formed. A rendition that holds more than its body (a table,
    an image, an attribute …) is kept whole besides. Third comes, for XHTML, the test of
    whether it holds only another body, one the newsdoc rendition gives.

    The rendition is parsed as XML, with newsdoc's safe parser (no DTD, no entities, no
    network, no recovery), inside a ``div`` so that a fragment of several paragraphs parses.
    HTML named character references (``&nbsp;``) become their characters and HTML's void
    elements (``<br>``) are closed first; anything else that is not well-formed XML leaves
    the rendition unread, and kept.
    """
    if text.lstrip().startswith("<?xml"):
        text = _XML_DECLARATION.sub("", text, count=1)
    holder = _parsed(text)
    if holder is None:  # HTML's character references and void elements, then once more
        holder = _parsed(_VOID_ELEMENT.sub(r"<\1\2/>", _NAMED_ENTITY.sub(_character, text)))
    if holder is None:
        return None
    first = next(holder.iterchildren(tag=etree.Element), None)
    namespace = etree.QName(first).namespace if first is not None else None
    if dialect == _NITF:
        losses = _Losses()
        return nitf_body.read(holder, namespace=namespace, keeper=losses), not losses.found, None
    body = xhtml.read(holder, namespace=namespace)

    def holds_only(other: Body) -> bool:
        other.header = body.header
        return xhtml.reads_whole(holder, other, namespace=namespace)

    return body, holds_only(body), holds_only


class _Losses:
    """Told by the NITF body dialect of what it does not map into the body."""

    def __init__(self) -> None:
        self.found = False

    def keep(self, element: etree._Element, path: str) -> None:
        self.found = True

    def keep_attributes(
        self, element: etree._Element, path: str, mapped: tuple[str, ...] = ()
    ) -> None:
        if any(name not in mapped for name in element.attrib):
            self.found = True

    def unread(self, path: str) -> None:
        self.found = True


def _lines(fields: dict[str, Any]) -> tuple[str, ...]:
    """The body's lines in reading order: lead, each heading and its paragraphs, trailer."""
    lines = list(fields.get("lead", ()))
    for section in fields.get("sections", ()):
        lines.append(section.heading)
        lines.extend(section.paragraphs)
    lines.extend(fields.get("trailer", ()))
    return tuple(lines)


def _words(lines: Iterable[str]) -> list[str]:
    return " ".join(lines).split()


@cache
def _handlers() -> dict[str, Callable[[Native, Any, str], None]]:
    """The method that maps each top-level key, found once."""
    handlers = {key: getattr(Native, "_" + field) for key, field in FIELD_OF_KEY.items()}
    handlers.update(dict.fromkeys(_FLAT_DESCRIPTIONS, Native._description))
    handlers.update(dict.fromkeys(_FLAT_BODIES, Native._flat_body))
    return handlers


def _content_type(members: dict[str, Any]) -> Any:
    return members.get("contentType", members.get("contenttype"))


def _datetime(text: str) -> dt.datetime | None:
    """An ISO-8601 date and time with a UTC offset (``Z`` for UTC); None for anything else."""
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.utcoffset() is not None else None


def read_native(document: dict[str, Any], source: str | None = None) -> Native:
    """What ``document``'s ninjs properties say, without the newsdoc rendition applied.

    Raises:
        ParseError: A non-text item, or a mapped property of the wrong JSON type.
    """
    return Native(document, source).read()
