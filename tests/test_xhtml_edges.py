"""The XHTML body dialect at its edges, read and written.

Reading: headings, empty paragraphs, trailers nested in lists, entity spans with further
classes, spans that name no entity, markup attributes of any name, and exact bodies whose
white space is text. Writing: the exact XHTML document a NewsML-G2 item holds (title,
sections, trailer, marks in the XHTML namespace), the exact fragment a ninjs body holds,
and the element tree :func:`newsdoc.formats._xhtml.write` builds with its defaults.
"""

from __future__ import annotations

import json

import pytest
from lxml import etree

import newsdoc
from newsdoc import Article, Mark, Section, Span
from newsdoc.formats import _xhtml

XHTML = "http://www.w3.org/1999/xhtml"

ITEM = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"
  standard="NewsML-G2" standardversion="2.35">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>
    <versionCreated>2025-03-03T10:00:00Z</versionCreated></itemMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml">{body}</inlineXML></contentSet>
</newsItem>"""


def _read(body: str) -> Article:
    html = f'<html xmlns="{XHTML}"><body>{body}</body></html>'
    return newsdoc.read(ITEM.format(body=html), format="newsml")


def _content_set(written: str) -> str:
    start = written.index("  <contentSet>")
    end = written.index("</contentSet>") + len("</contentSet>")
    return written[start:end]


def _article() -> Article:
    return Article(
        headline="Port reopens",
        lead=["Ann saw the port reopen."],
        sections=[Section(heading="Why", paragraphs=["Cranes work."])],
        trailer=["© 2025 Example."],
        marks=[
            Mark(
                kind="person",
                span=Span(paragraph=0, start=0, end=3, text="Ann"),
                attributes=[("title", "the pilot"), ("class", "vip")],
            ),
            Mark(
                kind="emphasis",
                span=Span(paragraph=0, start=12, end=16, text="port"),
                attributes=[("class", "loud")],
            ),
            Mark(kind="strong", span=Span(paragraph=1, start=0, end=6, text="Cranes")),
        ],
    )


def test_a_second_h1_before_any_paragraph_opens_a_section() -> None:
    article = _read("<h1>Port reopens</h1><h1>What changed</h1><p>Cranes.</p>")
    assert article.headline == "Port reopens"
    assert article.lead == ()
    assert article.sections == (Section(heading="What changed", paragraphs=("Cranes.",)),)


def test_an_empty_paragraph_is_skipped_and_reading_goes_on() -> None:
    article = _read("<p/><p> </p><h2></h2><p>The port reopened.</p><h2>Why</h2><p>Cranes.</p>")
    assert article.lead == ("The port reopened.",)
    assert article.sections == (Section(heading="Why", paragraphs=("Cranes.",)),)


def test_a_list_nested_in_the_trailer_is_trailer() -> None:
    article = _read(
        '<p>The port reopened.</p><div class="end trailer"><ul><li>© 2025.</li>'
        "<li>All rights reserved.</li></ul></div>"
    )
    assert article.lead == ("The port reopened.",)
    assert article.trailer == ("© 2025.", "All rights reserved.")


def test_entity_spans_keep_their_further_classes() -> None:
    article = _read(
        '<p><span class="person vip">Ann</span> met <span class="location a b">Oslo</span>'
        ' and <span id="o1" class="organization">IPTC</span>.</p>'
    )
    assert article.lead == ("Ann met Oslo and IPTC.",)
    assert article.marks == (
        Mark(
            kind="person",
            span=Span(paragraph=0, start=0, end=3, text="Ann"),
            attributes=[("class", "vip")],
        ),
        Mark(
            kind="location",
            span=Span(paragraph=0, start=8, end=12, text="Oslo"),
            attributes=[("class", "a b")],
        ),
        Mark(
            kind="organization",
            span=Span(paragraph=0, start=17, end=21, text="IPTC"),
            attributes=[("id", "o1")],
        ),
    )


def test_a_span_that_names_no_entity_is_no_mark() -> None:
    article = _read(
        '<p><span>The</span> <span class="">port</span> <span class=" ">re</span>'
        '<span class="vip person">opened</span>.</p>'
    )
    assert article.lead == ("The port reopened.",)
    assert article.marks == ()


def test_markup_keeps_attributes_of_any_name() -> None:
    article = _read(
        '<p><em XXXX="1" lang="fr">Port</em> <strong data-x="y">reopens</strong>'
        ' <span class="person" XXXX="2">Ann</span>.</p>'
    )
    assert article.marks == (
        Mark(
            kind="emphasis",
            span=Span(paragraph=0, start=0, end=4, text="Port"),
            attributes=[("XXXX", "1"), ("lang", "fr")],
        ),
        Mark(
            kind="strong",
            span=Span(paragraph=0, start=5, end=12, text="reopens"),
            attributes=[("data-x", "y")],
        ),
        Mark(
            kind="person",
            span=Span(paragraph=0, start=13, end=16, text="Ann"),
            attributes=[("XXXX", "2")],
        ),
    )


def test_a_paragraph_read_by_itself_still_finds_its_trailer() -> None:
    element = etree.fromstring(
        f'<li xmlns="{XHTML}">Ann<div class="trailer"><p>© 2025.</p><p>Example.</p></div></li>'
    )
    body = _xhtml.read(element)
    assert body.parts() == (("Ann© 2025.Example.",), (), ("© 2025.", "Example."))


def test_an_exact_newsml_body_keeps_its_white_space_and_marks() -> None:
    article = Article(
        lead=["The  port  reopened."],
        marks=[Mark(kind="emphasis", span=Span(paragraph=0, start=11, end=19, text="reopened"))],
    )
    read = newsdoc.read(newsdoc.write(article, "newsml"), format="newsml")
    assert read.lead == ("The  port  reopened.",)
    assert read.marks == article.marks


def test_newsml_writes_the_body_as_an_xhtml_document() -> None:
    written = newsdoc.write(_article(), "newsml")
    assert _content_set(written) == (
        "  <contentSet>\n"
        '    <inlineXML contenttype="application/xhtml+xml" nd:body="generated">\n'
        '      <html xmlns="http://www.w3.org/1999/xhtml">\n'
        "        <head>\n"
        "          <title>Port reopens</title>\n"
        "        </head>\n"
        "        <body>\n"
        '          <p><span title="the pilot" class="person vip">Ann</span> saw the '
        '<em class="loud">port</em> reopen.</p>\n'
        '          <div class="section">\n'
        "            <h2>Why</h2>\n"
        "            <p><strong>Cranes</strong> work.</p>\n"
        "          </div>\n"
        '          <div class="trailer">\n'
        "            <p>© 2025 Example.</p>\n"
        "          </div>\n"
        "        </body>\n"
        "      </html>\n"
        "    </inlineXML>\n"
        "  </contentSet>"
    )


def test_newsml_writes_an_empty_title_without_a_headline() -> None:
    written = newsdoc.write(Article(lead=["The port reopened."]), "newsml")
    assert _content_set(written) == (
        "  <contentSet>\n"
        '    <inlineXML contenttype="application/xhtml+xml" nd:body="generated">\n'
        '      <html xmlns="http://www.w3.org/1999/xhtml">\n'
        "        <head>\n"
        "          <title></title>\n"
        "        </head>\n"
        "        <body>\n"
        "          <p>The port reopened.</p>\n"
        "        </body>\n"
        "      </html>\n"
        "    </inlineXML>\n"
        "  </contentSet>"
    )


def test_ninjs_writes_the_body_as_an_xhtml_fragment_with_its_marks() -> None:
    document = json.loads(newsdoc.write(_article(), "ninjs"))
    richtext = [body["value"] for body in document["bodies"] if body["role"] == "richtext"]
    assert richtext == [
        '<p><span title="the pilot" class="person vip">Ann</span> saw the '
        '<em class="loud">port</em> reopen.</p>'
        '<div class="section"><h2>Why</h2><p><strong>Cranes</strong> work.</p></div>'
        '<div class="trailer"><p>© 2025 Example.</p></div>'
    ]


def test_write_builds_an_xhtml_tree_with_the_marks_in_place() -> None:
    root = etree.Element("root")
    html = _xhtml.write(root, _article())
    assert root[-1] is html
    tree = [
        (element.tag, dict(element.attrib), element.text, element.tail) for element in html.iter()
    ]
    x = f"{{{XHTML}}}"
    assert tree == [
        (f"{x}html", {}, None, None),
        (f"{x}head", {}, None, None),
        (f"{x}title", {}, "Port reopens", None),
        (f"{x}body", {}, None, None),
        (f"{x}p", {}, None, None),
        (f"{x}span", {"title": "the pilot", "class": "person vip"}, "Ann", " saw the "),
        (f"{x}em", {"class": "loud"}, "port", " reopen."),
        (f"{x}div", {"class": "section"}, None, None),
        (f"{x}h2", {}, "Why", None),
        (f"{x}p", {}, None, None),
        (f"{x}strong", {}, "Cranes", " work."),
        (f"{x}div", {"class": "trailer"}, None, None),
        (f"{x}p", {}, "© 2025 Example.", None),
    ]
    assert html.nsmap == {None: XHTML}


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ("<p>open<br/>again</p>", "open again"),
        ("<p>open<br/><br/>again</p>", "open again"),
        ("<p>open <br/> again</p>", "open again"),
        ("<p>end<br/></p>", "end"),
        ("<p><em>open</em><br/>again</p>", "open again"),
        ("<p>open<br>x</br>again</p>", "openxagain"),
    ],
)
def test_a_line_break_in_a_paragraph_reads_as_a_space(paragraph: str, text: str) -> None:
    body = _xhtml.read(etree.fromstring(f"<div>{paragraph}</div>"), namespace=None)
    assert body.lead == [text]


def test_marks_after_a_line_break_stand_on_the_words_they_cover() -> None:
    body = _xhtml.read(etree.fromstring("<div><p>a<br/><em>bc</em> d</p></div>"), namespace=None)
    assert body.lead == ["a bc d"]
    assert [(m.span.start, m.span.end, m.span.text) for m in body.marks] == [(2, 4, "bc")]
