"""The NITF 3.6 schema that ships with newsdoc, and validation against it.

NITF schema © IPTC, licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); the
schema files are copied unchanged, with the IPTC licence agreement they carry.
"""

from __future__ import annotations

from functools import cache

from lxml import etree

from newsdoc.formats._schema import SchemaProblem, load, problems

__all__ = ["SchemaProblem", "load_schema", "validate"]


@cache
def load_schema() -> etree.XMLSchema:
    """The NITF 3.6 schema, loaded once.

    Example:
        >>> load_schema() is load_schema()
        True
    """
    return load("newsdoc.formats.nitf", "nitf-3-6.xsd")


def validate(document: etree._Element) -> tuple[SchemaProblem, ...]:
    """Every problem the schema finds in ``document``; empty when it is valid.

    Example:
        >>> import newsdoc
        >>> from lxml import etree
        >>> written = newsdoc.write(newsdoc.Article(lead=["One."]), "nitf")
        >>> validate(etree.fromstring(written.encode()))
        ()
        >>> old = etree.parse("tests/data/nitf/ntb_3_1_snow.xml").getroot()  # no namespace
        >>> [problem.message.split(": ")[-1] for problem in validate(old)]
        ['No matching global declaration available for the validation root.']
    """
    return problems(load_schema(), document)
