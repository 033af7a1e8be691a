"""The XHTML body dialect, in the XHTML namespace and in none."""

from __future__ import annotations

import pytest
from hypothesis import given
from lxml import etree

import newsdoc
from newsdoc import Article, Section, strategies
from newsdoc.formats import _xhtml

ITEM = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"
  standard="NewsML-G2" standardversion="2.35">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>
    <versionCreated>2025-03-03T10:00:00Z</versionCreated></itemMeta>
  <contentSet><inlineXML contenttype="{contenttype}">{body}</inlineXML></contentSet>
</newsItem>"""


def _body_of(article: Article) -> tuple[object, ...]:
    return article.lead, article.sections, article.trailer


def test_a_body_in_no_namespace_reads_in_a_news_item() -> None:
    body = (
        '<div xmlns=""><p>The port reopened.</p><h2>What changed</h2><p>Cranes.</p>'
        '<div class="trailer"><p>© 2025 Example.</p></div></div>'
    )
    data = ITEM.format(contenttype="application/xhtml+xml", body=body)
    article = newsdoc.read(data, format="newsml")
    assert _body_of(article) == (
        ("The port reopened.",),
        (Section(heading="What changed", paragraphs=("Cranes.",)),),
        ("© 2025 Example.",),
    )
    assert newsdoc.read(newsdoc.write(article, "newsml"), format="newsml") == article


def test_html_without_a_namespace_reads_directly() -> None:
    element = etree.fromstring(
        "<html><body><h1>Port reopens</h1><p>The port\n   reopened.</p>"
        "<ul><li>The city.</li></ul></body></html>"
    )
    body = _xhtml.read(element, namespace=None)
    assert body.header == {"headline": "Port reopens"}
    assert body.parts() == (("The port reopened.", "The city."), (), ())


def test_xhtml_elements_are_not_read_as_namespace_less_html() -> None:
    element = etree.fromstring('<div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div>')
    assert _xhtml.read(element, namespace=None).parts() == ((), (), ())
    assert _xhtml.read(element).parts() == (("x",), (), ())


@pytest.mark.parametrize("namespace", [_xhtml.XHTML, None])
@given(article=strategies.articles())
def test_what_is_written_reads_back(namespace: str | None, article: Article) -> None:
    root = etree.Element("root")
    html = _xhtml.write(root, article, namespace=namespace)
    reread = etree.fromstring(etree.tostring(html))  # through the bytes, namespaces and all
    body = _xhtml.read(reread, namespace=namespace, exact=True)
    assert body.parts() == _body_of(article)
    expected_tag = "html" if namespace is None else f"{{{namespace}}}html"
    assert reread.tag == expected_tag


def test_a_body_left_in_the_items_default_namespace_reads() -> None:
    body = '<div><p>The port reopened.</p><div class="trailer"><p>© 2025.</p></div></div>'
    data = ITEM.format(contenttype="application/xhtml+xml", body=body)
    article = newsdoc.read(data, format="newsml")
    assert _body_of(article) == (("The port reopened.",), (), ("© 2025.",))
    written = newsdoc.write(article, "newsml")
    assert body in written  # unchanged, the rendition goes back as it came
    assert newsdoc.read(written, format="newsml") == article
