"""Creators as NITF byline persons: ``<byline>By <person>Jane Smith</person></byline>``.

Writing marks up each creator's name where a byline prints it, in the creators' order;
the creators no byline names (or none in that order, or without a name) are listed after
the bylines in one more ``byline`` marked ``nd:byline="false"``, which is no byline as
printed. A ``person`` holds the creator's name as its text, the qcode in ``value``, each
role in a ``function`` child's ``value``, the URI and type in newsdoc's ``nd:uri`` and
``nd:kind``, and the related concepts (which NITF has no element for) in ``nd:related``, a
JSON array in newsdoc JSON's form.

Reading gives a creator for every ``person`` of a byline whose markup is only such
persons, in document order, and takes the persons out of the tree before the body is
read, so that the byline reads as its words; a byline with other markup, or a person with
other attributes or content, is left as it is (the body dialect keeps it whole).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

import cattrs
from lxml import etree

from newsdoc.errors import NewsdocError, ValidationError
from newsdoc.formats._body import fold_body
from newsdoc.formats._json import configure_converter, loads
from newsdoc.formats.nitf._names import CREATORS_ONLY, ND_KIND, ND_RELATED, ND_URI
from newsdoc.model import Party, RelatedConcept

__all__ = ["take_creators", "write_creators"]

_BY = "By "  # what the body dialect writes before each byline
_PERSON_ATTRIBUTES = frozenset({"value", ND_URI, ND_KIND, ND_RELATED})
_FORMAT = "nitf"


@cache
def _converter() -> cattrs.Converter:
    made = cattrs.Converter()
    configure_converter(made)
    return made


def write_creators(
    head: etree._Element,
    creators: tuple[Party, ...],
    tag: Callable[[str], str],
    byline_rank: int,
    rank_of: Callable[[etree._Element], int],
) -> None:
    """Mark up ``creators`` in the bylines of ``head``, a written ``body.head``.

    Args:
        head: The ``body.head``, whose bylines are plain ``By …`` text.
        creators: The article's creators.
        tag: The Clark name of an NITF element.
        byline_rank: The rank of ``byline`` among ``body.head``'s children.
        rank_of: The rank of a child of ``body.head``, for placing a byline of its own.
    """
    if not creators:
        return
    bylines = [child for child in head if child.tag == tag("byline")]
    placed: dict[int, list[tuple[int, int, Party]]] = {}
    at_byline, at_offset = 0, len(_BY)
    unplaced: list[Party] = []
    for party in creators:
        found = None
        if not unplaced and party.name is not None:
            found = _find(bylines, party.name, at_byline, at_offset)
        if found is None:
            unplaced.append(party)  # it and every later one, so that the order holds
            continue
        at_byline, start = found
        at_offset = start + len(party.name or "")
        placed.setdefault(at_byline, []).append((start, at_offset, party))
    for index, items in placed.items():
        byline = bylines[index]
        text = byline.text or ""
        byline.text = text[: items[0][0]]
        for number, (_, end, party) in enumerate(items):
            following = items[number + 1][0] if number + 1 < len(items) else len(text)
            person = _person(byline, party, tag)
            person.tail = text[end:following] or None
    if unplaced:
        extra = etree.Element(tag("byline"))
        extra.set(CREATORS_ONLY, "false")
        for party in unplaced:
            _person(extra, party, tag)
        if bylines:
            bylines[-1].addnext(extra)
        else:
            index = next(
                (i for i, child in enumerate(head) if rank_of(child) > byline_rank), len(head)
            )
            head.insert(index, extra)


def _find(
    bylines: list[etree._Element], name: str, index: int, offset: int
) -> tuple[int, int] | None:
    """Where ``name`` first stands in the bylines from ``offset`` of byline ``index`` on."""
    for number in range(index, len(bylines)):
        start = (bylines[number].text or "").find(name, offset if number == index else len(_BY))
        if start >= 0:
            return number, start
    return None


def _person(parent: etree._Element, party: Party, tag: Callable[[str], str]) -> etree._Element:
    person = etree.SubElement(parent, tag("person"))
    if party.qcode is not None:
        person.set("value", party.qcode)
    if party.uri is not None:
        person.set(ND_URI, party.uri)
    if party.kind is not None:
        person.set(ND_KIND, party.kind)
    if party.related:
        related = _compact(_converter().unstructure(party.related, tuple[RelatedConcept, ...]))
        person.set(ND_RELATED, json.dumps(related, ensure_ascii=False, separators=(",", ":")))
    person.text = party.name
    for role in party.roles:
        etree.SubElement(person, tag("function")).set("value", role)
    return person


def take_creators(
    body: etree._Element, name_of: Callable[[etree._Element], str | None], exact: bool
) -> tuple[Party, ...]:
    """The creators the bylines of ``body`` (an NITF ``body``) list, persons taken out.

    Args:
        body: The ``body`` element; its bylines are changed in place.
        name_of: The NITF name of an element, ``None`` for one of another namespace.
        exact: Whether texts are newsdoc's, to be read as they are, or to be folded.
    """
    head = next((child for child in body if name_of(child) == "body.head"), None)
    if head is None:
        return ()
    creators: list[Party] = []
    for byline in [child for child in head if name_of(child) == "byline"]:
        persons = list(byline)
        if not persons or any(name_of(person) != "person" for person in persons):
            continue
        parties = [_party(person, name_of, exact) for person in persons]
        if any(party is None for party in parties):
            continue
        if _lists_creators_only(byline):
            head.remove(byline)
        else:
            # Every child is a person: the byline becomes the words they and their tails read.
            words = "".join(_name_text(person) + (person.tail or "") for person in persons)
            byline.text = (byline.text or "") + words
            del byline[:]
        creators.extend(party for party in parties if party is not None)
    return tuple(creators)


def _lists_creators_only(byline: etree._Element) -> bool:
    return (
        byline.attrib.keys() == [CREATORS_ONLY]
        and byline.get(CREATORS_ONLY) == "false"
        and not (byline.text or "").strip()
        and not any((person.tail or "").strip() for person in byline)
    )


def _name_text(person: etree._Element) -> str:
    return (person.text or "") + "".join(child.tail or "" for child in person)


def _party(
    person: etree._Element, name_of: Callable[[etree._Element], str | None], exact: bool
) -> Party | None:
    """The creator a ``person`` names, or None when it holds what a creator cannot."""
    if not set(person.attrib) <= _PERSON_ATTRIBUTES:
        return None
    roles: list[str] = []
    for child in person:
        if (
            name_of(child) != "function"
            or len(child)
            or child.text
            or set(child.attrib) != {"value"}
        ):
            return None
        roles.append(str(child.get("value")))
    text = _name_text(person)
    name = text if exact else fold_body(text)
    try:
        return Party(
            name=name if name.strip() else None,
            qcode=person.get("value"),
            uri=person.get(ND_URI),
            kind=person.get(ND_KIND),
            roles=roles,
            related=_related(person.get(ND_RELATED)),
        )
    except (ValidationError, _NotRelatedError):
        return None


def _compact(value: Any) -> Any:
    """``value`` without the members at their defaults (null, empty), which read back."""
    if isinstance(value, dict):
        return {key: _compact(item) for key, item in value.items() if item not in (None, [])}
    if isinstance(value, list):
        return [_compact(item) for item in value]
    return value


class _NotRelatedError(Exception):
    """An ``nd:related`` that is not a JSON array of related concepts."""


def _related(value: str | None) -> tuple[RelatedConcept, ...]:
    if value is None:
        return ()
    try:
        return _converter().structure(loads(value, _FORMAT), tuple[RelatedConcept, ...])
    except (NewsdocError, cattrs.BaseValidationError, ValueError, TypeError) as exc:
        raise _NotRelatedError from exc
