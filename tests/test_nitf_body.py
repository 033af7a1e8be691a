"""The NITF body dialect, with NITF's namespace and without any."""

from __future__ import annotations

import warnings

import attrs
import pytest
from hypothesis import given
from lxml import etree

import newsdoc
from newsdoc import Article, ContentLossWarning, Dateline, Section, strategies
from newsdoc.formats import _nitf_body

NITF = _nitf_body.NITF
ITEM = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"
  standard="NewsML-G2" standardversion="2.35">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>
    <versionCreated>2025-03-03T10:00:00Z</versionCreated></itemMeta>
  <contentSet><inlineXML contenttype="application/nitf+xml">{body}</inlineXML></contentSet>
</newsItem>"""
NITF_DOCUMENT = """<nitf{declaration}><body>
  <body.head>
    <hedline><hl1>Port reopens</hl1><hl2>Cranes repaired</hl2></hedline>
    <byline>By Jane Doe</byline><byline>Tom Berg</byline>
    <dateline><location>MOMBASA, Kenya</location>, <story.date>March 3</story.date></dateline>
    <abstract><p>The port is open again.</p></abstract>
  </body.head>
  <body.content>
    <p>The port reopened
       on Monday.</p>
    <block><hl2>What changed</hl2><p>Cranes were repaired.</p></block>
  </body.content>
  <body.end><tagline>© 2025 Example.<br/>Read more: ports</tagline></body.end>
</body></nitf>"""


def _expected_body() -> tuple[object, ...]:
    return (
        ("The port reopened on Monday.",),
        (Section(heading="What changed", paragraphs=("Cranes were repaired.",)),),
        ("© 2025 Example.", "Read more: ports"),
    )


@pytest.mark.parametrize("declaration", ["", f' xmlns="{NITF}"'])
def test_nitf_reads_with_and_without_its_namespace(declaration: str) -> None:
    element = etree.fromstring(NITF_DOCUMENT.format(declaration=declaration))
    body = _nitf_body.read(element, namespace=NITF if declaration else None)
    assert body.parts() == _expected_body()
    assert body.header == {
        "headline": "Port reopens",
        "subheadline": "Cranes repaired",
        "bylines": ("Jane Doe", "Tom Berg"),
        "dateline": Dateline(place="MOMBASA, Kenya", date="March 3"),
        "description": "The port is open again.",
    }


@pytest.mark.parametrize("declaration", [' xmlns=""', f' xmlns="{NITF}"'])
def test_a_news_item_reads_nitf_with_and_without_its_namespace(declaration: str) -> None:
    data = ITEM.format(body=NITF_DOCUMENT.format(declaration=declaration))
    article = newsdoc.read(data, format="newsml")
    assert (article.lead, article.sections, article.trailer) == _expected_body()
    assert article.headline == "Port reopens"
    assert article.bylines == ("Jane Doe", "Tom Berg")
    assert newsdoc.read(newsdoc.write(article, "newsml"), format="newsml") == article


def test_a_dateline_without_marked_parts_is_parsed_from_its_text() -> None:
    element = etree.fromstring("<nitf><body><body.head><dateline>WASHINGTON, Jan. 5</dateline>"
                               "</body.head></body></nitf>")  # fmt: skip
    body = _nitf_body.read(element, namespace=None)
    assert body.header["dateline"] == Dateline(place="WASHINGTON", date="Jan. 5")


def _written(article: Article, namespace: str | None) -> etree._Element:
    if namespace is None:
        root = etree.Element("nitf")
    else:
        root = etree.Element(f"{{{namespace}}}nitf", nsmap={None: namespace})
    _nitf_body.write(root, article, namespace=namespace)
    return etree.fromstring(etree.tostring(root))


@pytest.mark.parametrize("namespace", [NITF, None])
@given(article=strategies.articles())
def test_what_is_written_reads_back(namespace: str | None, article: Article) -> None:
    if article.headline is None:
        article = attrs.evolve(article, subheadline=None)
    body = _nitf_body.read(_written(article, namespace), namespace=namespace, exact=True)
    assert body.parts() == (article.lead, article.sections, article.trailer)
    header = body.header
    assert header.get("headline") == article.headline
    assert header.get("subheadline") == article.subheadline
    assert header.get("bylines", ()) == article.bylines
    assert header.get("dateline") == article.dateline
    assert header.get("description") == article.description


def test_the_body_parts_stand_where_nitf_wants_them() -> None:
    article = Article(
        headline="Port reopens",
        bylines=("Jane Doe",),
        lead=("One.",),
        sections=(Section(heading="Two", paragraphs=("Three.",)),),
        trailer=("Four.",),
    )
    body = _written(article, NITF)[0]
    assert [child.tag for child in body] == [
        f"{{{NITF}}}body.head",
        f"{{{NITF}}}body.content",
        f"{{{NITF}}}body.end",
    ]
    assert etree.tostring(body[2], encoding="unicode") == (
        f'<body.end xmlns="{NITF}"><tagline>Four.</tagline></body.end>'
    )


def test_a_subheadline_without_a_headline_is_reported_as_lost() -> None:
    article = Article(subheadline="Deck", lead=("One.",))
    with pytest.warns(ContentLossWarning, match="subheadline"):
        _written(article, NITF)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _written(attrs.evolve(article, headline="Head"), NITF)


def test_an_nitf_body_left_in_the_items_default_namespace_reads() -> None:
    data = ITEM.format(body=NITF_DOCUMENT.format(declaration=""))
    article = newsdoc.read(data, format="newsml")
    assert (article.lead, article.sections, article.trailer) == _expected_body()
    assert newsdoc.read(newsdoc.write(article, "newsml"), format="newsml") == article
