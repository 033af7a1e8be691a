"""The NewsML-G2 2.35 power schema that ships with newsdoc, and validation against it.

NewsML-G2 schema © IPTC, licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
"""

from __future__ import annotations

from functools import cache

from lxml import etree

from newsdoc.formats._schema import SchemaProblem, load, problems

__all__ = ["SchemaProblem", "load_schema", "validate"]


@cache
def load_schema() -> etree.XMLSchema:
    """The NewsML-G2 2.35 power schema, loaded once.

    Example:
        >>> load_schema() is load_schema()
        True
    """
    return load("newsdoc.formats.newsml", "NewsML-G2_2.35-spec-All-Power.xsd")


def validate(document: etree._Element) -> tuple[SchemaProblem, ...]:
    """Every problem the schema finds in ``document``; empty when it is valid.

    Example:
        >>> from lxml import etree
        >>> validate(etree.parse("examples/wire/rates.xml").getroot())
        ()
    """
    return problems(load_schema(), document)
