"""Validating a document against an XML Schema that ships with newsdoc."""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import as_file, files
from typing import Any, cast

import attrs
from lxml import etree

__all__ = ["SchemaProblem", "load", "problems"]


@attrs.frozen(kw_only=True)
class SchemaProblem:
    """One way a document breaks the schema.

    Attributes:
        line: The 1-based line of the offending element.
        column: The 1-based column, when known (0 when not).
        message: What is wrong, in libxml2's words.

    Example:
        >>> from lxml import etree
        >>> from newsdoc.formats.newsml.schema import validate
        >>> problems = validate(etree.parse("examples/unchecked.xml").getroot())
        >>> [(problem.line, problem.message.split(": ")[-1][:29]) for problem in problems]
        [(11, 'This element is not expected.'), (16, "'high' is not a valid value o")]
    """

    line: int
    column: int
    message: str


def load(package: str, name: str) -> etree.XMLSchema:
    """The schema ``name`` in the ``schema`` folder of ``package``, read without network."""
    with as_file(files(package) / "schema") as folder:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        return etree.XMLSchema(etree.parse(str(folder / name), parser))


def problems(schema: etree.XMLSchema, document: etree._Element) -> tuple[SchemaProblem, ...]:
    """Every problem ``schema`` finds in ``document``; empty when it is valid."""
    if schema.validate(document):
        return ()
    return tuple(
        SchemaProblem(line=error.line, column=error.column, message=error.message)
        for error in cast("Iterable[Any]", schema.error_log)
    )
