"""Every registered format converts to every other keeping each field both carry.

The sources are the Al Asad article (attributions and events found by extraction) and a
newsItem with metadata, an XHTML body and inline links (``examples/wire/rates.xml``),
each first taken through the source format; docs/formats.md tabulates what each format
carries.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import attrs
import pytest

import newsdoc
from newsdoc import Article, FormatInfo
from newsdoc.formats import all_formats

ROOT = Path(__file__).parent.parent
SOURCES = {
    "al_asad": newsdoc.read(ROOT / "examples" / "al_asad.txt"),
    "rates": newsdoc.read(ROOT / "examples" / "wire" / "rates.xml", extract=False),
}
FORMATS = all_formats()


def through(article: Article, info: FormatInfo) -> Article:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsdoc.ContentLossWarning)
        document = newsdoc.write(article, info)
    return newsdoc.read(document, format=info, extract=False)


@pytest.mark.parametrize("source", sorted(SOURCES))
@pytest.mark.parametrize("origin", FORMATS, ids=lambda info: info.name)
@pytest.mark.parametrize("target", FORMATS, ids=lambda info: info.name)
def test_each_field_both_formats_carry_survives(
    source: str, origin: FormatInfo, target: FormatInfo
) -> None:
    read = through(SOURCES[source], origin)
    converted = through(read, target)
    shared = origin.carries & target.carries
    lost = [
        field.name
        for field in attrs.fields(Article)
        if field.name in shared and getattr(converted, field.name) != getattr(read, field.name)
    ]
    assert lost == []


def test_links_and_emphasis_survive_newsml_then_ninjs_then_nitf() -> None:
    item = b"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:1" version="1"
  standard="NewsML-G2" standardversion="2.35">
<itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:X"/>
<versionCreated>2025-03-04T10:00:00Z</versionCreated></itemMeta>
<contentMeta><headline>Rates held</headline></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Rates held</title></head><body>
<p>The bank <em>held</em> rates; read <a href="https://example.com/r">the statement</a>.</p>
</body></html></inlineXML></contentSet></newsItem>"""
    article = newsdoc.read(item, format="newsml", extract=False)
    kinds = [(mark.kind.value, mark.span.text, mark.href) for mark in article.marks]
    assert kinds == [
        ("emphasis", "held", None),
        ("link", "the statement", "https://example.com/r"),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        via_ninjs = newsdoc.read(newsdoc.write(article, "ninjs"), format="ninjs", extract=False)
        via_nitf = newsdoc.read(newsdoc.write(via_ninjs, "nitf"), format="nitf", extract=False)
    assert via_ninjs.marks == article.marks
    assert via_nitf.marks == article.marks
