"""The NewsML-G2 2.35 power schema that ships with newsdoc, and validation against it.

NewsML-G2 schema © IPTC, licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.resources import as_file, files
from typing import Any, cast

import attrs
from lxml import etree

__all__ = ["SchemaProblem", "load_schema", "validate"]

_SCHEMA = "NewsML-G2_2.35-spec-All-Power.xsd"


@attrs.frozen(kw_only=True)
class SchemaProblem:
    """One way a document breaks the schema.

    Attributes:
        line: The 1-based line of the offending element.
        column: The 1-based column, when known (0 when not).
        message: What is wrong, in libxml2's words.

    Example:
        >>> from lxml import etree
        >>> problems = validate(etree.parse("examples/unchecked.xml").getroot())
        >>> [(problem.line, problem.message.split(": ")[-1][:29]) for problem in problems]
        [(11, 'This element is not expected.'), (16, "'high' is not a valid value o")]
    """

    line: int
    column: int
    message: str


@cache
def load_schema() -> etree.XMLSchema:
    """The NewsML-G2 2.35 power schema, loaded once.

    Example:
        >>> load_schema() is load_schema()
        True
    """
    resource = files("newsdoc.formats.newsml") / "schema" / _SCHEMA
    with as_file(resource) as path:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        return etree.XMLSchema(etree.parse(str(path), parser))


def validate(document: etree._Element) -> tuple[SchemaProblem, ...]:
    """Every problem the schema finds in ``document``; empty when it is valid.

    Example:
        >>> from lxml import etree
        >>> validate(etree.parse("examples/wire/rates.xml").getroot())
        ()
    """
    schema = load_schema()
    if schema.validate(document):
        return ()
    return tuple(
        SchemaProblem(line=error.line, column=error.column, message=error.message)
        for error in cast("Iterable[Any]", schema.error_log)
    )
