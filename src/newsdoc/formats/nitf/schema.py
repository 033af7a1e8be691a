"""The NITF 3.6 schema that ships with newsdoc, and validation against it.

NITF schema © IPTC, licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); the
schema files are copied unchanged, with the IPTC licence agreement they carry.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.resources import as_file, files
from typing import Any, cast

import attrs
from lxml import etree

__all__ = ["SchemaProblem", "load_schema", "validate"]

_SCHEMA = "nitf-3-6.xsd"


@attrs.frozen(kw_only=True)
class SchemaProblem:
    """One way a document breaks the schema.

    Attributes:
        line: The 1-based line of the offending element.
        column: The 1-based column, when known (0 when not).
        message: What is wrong, in libxml2's words.
    """

    line: int
    column: int
    message: str


@cache
def load_schema() -> etree.XMLSchema:
    """The NITF 3.6 schema, loaded once."""
    resource = files("newsdoc.formats.nitf") / "schema"
    with as_file(resource) as folder:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        return etree.XMLSchema(etree.parse(str(folder / _SCHEMA), parser))


def validate(document: etree._Element) -> tuple[SchemaProblem, ...]:
    """Every problem the schema finds in ``document``; empty when it is valid."""
    schema = load_schema()
    if schema.validate(document):
        return ()
    return tuple(
        SchemaProblem(line=error.line, column=error.column, message=error.message)
        for error in cast("Iterable[Any]", schema.error_log)
    )
