"""Inline marks and the XHTML body dialect at their edges, read and written.

Reading marks: markup over layout alone does not stop the marks after it, empty markup in
an exact body gives no mark, a line break nested in markup reads as a space inside it,
comments and processing instructions hold no text, a paragraph that opens with layout
keeps its marks on the words they cover, and text the dialect read otherwise than the
paragraph holds gives no mark rather than a misplaced one.

Writing marks: a paragraph without marks is its text, a mark that starts with a longer
one is nested inside it rather than splitting it, an entity mark with attributes but no
class of its own still says its kind, and exactly
:data:`~newsdoc.formats._marks.MAX_NESTING` nested marks are written (and read back) while
one more is refused with a message naming the count, the characters and the paragraph.

Whether a body holds only the model (:func:`newsdoc.formats._xhtml.reads_whole`): text
after an element that is no paragraph, an empty paragraph holding an image or an attribute,
a body in the XHTML namespace, a body whose Article would be refused, and a body that says
other words than the one read. An exact body keeps the white space of paragraphs without
markup too.
"""

from __future__ import annotations

import json
import re

import pytest
from lxml import etree

import newsdoc
from newsdoc import Article, Extension, Mark, MarkKind, SerializationError, Span
from newsdoc.formats import _xhtml
from newsdoc.formats._marks import MAX_NESTING, Markup, inline, marks_of, write_marked

XHTML = _xhtml.XHTML
PARAGRAPH = "The port reopened on Monday."
ITEM = (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1" '
    'standard="NewsML-G2" standardversion="2.35"><itemMeta>'
    '<itemClass qcode="ninat:text"/><provider literal="x"/>'
    "<versionCreated>2025-03-03T10:00:00Z</versionCreated></itemMeta><contentSet>"
    '<inlineXML contenttype="application/xhtml+xml"{generated}>'
    f'<html xmlns="{XHTML}"><body>{{body}}</body></html></inlineXML></contentSet></newsItem>'
)
GENERATED = ' xmlns:nd="https://newsdoc.dev/ns/newsml/1" nd:body="generated"'


def span(text: str, paragraph: int = 0, within: str = PARAGRAPH) -> Span:
    start = within.index(text)
    return Span(paragraph=paragraph, start=start, end=start + len(text), text=text)


def _read_newsml(body: str, *, generated: bool = False) -> Article:
    data = ITEM.format(generated=GENERATED if generated else "", body=body)
    return newsdoc.read(data, format="newsml")


def _read_ninjs(body: str, *, strict: bool = False) -> Article:
    return newsdoc.read(json.dumps({"uri": "u", "body_xhtml": body}), "ninjs", strict=strict)


def _kept(body: str) -> Extension:
    return Extension(format="ninjs", path="$.body_xhtml", content=json.dumps(body))


def _html(body: str) -> etree._Element:
    return etree.fromstring(f"<div>{body}</div>")


def _em(parent: etree._Element, mark: Mark) -> etree._Element:
    element = etree.SubElement(parent, "em")
    element.set("title", str(mark.span.start))
    return element


def _nested(count: int, paragraph: int = 0) -> tuple[str, list[Mark]]:
    """A paragraph of ``2 * count`` characters and ``count`` marks, each inside the last."""
    text = "x" * (2 * count)
    marks = [
        Mark(
            kind=MarkKind.EMPHASIS,
            span=Span(paragraph=paragraph, start=i, end=2 * count - i, text=text[i : -i or None]),
            attributes=(("title", str(i)),),  # unlike marks: the Article merges none
        )
        for i in range(count)
    ]
    return text, marks


# --- Reading marks ------------------------------------------------------------------------


def test_markup_over_layout_alone_does_not_stop_the_marks_after_it() -> None:
    article = _read_newsml("<p>The port<em>\n   </em>reopened on <strong>Monday.</strong></p>")
    assert article.lead == (PARAGRAPH,)
    assert article.marks == (Mark(kind=MarkKind.STRONG, span=span("Monday.")),)


@pytest.mark.parametrize(
    "body",
    [
        "<p>The <em/>port reopened on Monday.</p>",
        "<p>The <em></em>port reopened on <strong/>Monday.</p>",
        "<p><a href='https://example.org'/>The port reopened on Monday.</p>",
    ],
)
def test_empty_markup_in_an_exact_body_gives_no_mark(body: str) -> None:
    article = _read_newsml(body, generated=True)
    assert article.lead == (PARAGRAPH,)
    assert article.marks == ()


@pytest.mark.parametrize("namespace", [None, XHTML])
def test_a_line_break_nested_in_markup_reads_as_a_space_inside_the_mark(
    namespace: str | None,
) -> None:
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    element = etree.fromstring(
        f"<div{xmlns}><p>The <em>port<br/>reopened</em> on <b>Mon<i>day<br/></i>.</b></p></div>"
    )
    body = _xhtml.read(element, namespace=namespace)
    assert body.lead == ["The port reopened on Monday ."]
    within = "The port reopened on Monday ."
    assert body.marks == [
        Mark(kind=MarkKind.EMPHASIS, span=span("port reopened", within=within)),
        Mark(kind=MarkKind.EMPHASIS, span=span("day ", within=within)),
        Mark(kind=MarkKind.STRONG, span=span("Monday .", within=within)),
    ]


@pytest.mark.parametrize("layout", [" ", "\n  ", "\n\t\t ", "\u2028 "])
def test_a_paragraph_opening_with_layout_keeps_its_marks_on_their_words(layout: str) -> None:
    article = _read_newsml(
        f"<p>{layout}<strong>The</strong> <em>port</em> reopened on <b>Monday.</b></p>"
    )
    assert article.lead == (PARAGRAPH,)
    assert article.marks == (
        Mark(kind=MarkKind.STRONG, span=span("The")),
        Mark(kind=MarkKind.EMPHASIS, span=span("port")),
        Mark(kind=MarkKind.STRONG, span=span("Monday.")),
    )


def test_an_exact_body_keeps_the_white_space_of_a_paragraph_without_markup() -> None:
    article = _read_newsml("<p>The  port\treopened.</p><h2>Why  now</h2>", generated=True)
    assert article.lead == ("The  port\treopened.",)
    assert article.sections[0].heading == "Why  now"
    assert _read_newsml("<p>The  port\treopened.</p>").lead == ("The port reopened.",)


def test_an_exact_body_read_directly_keeps_its_white_space() -> None:
    element = _html("<p>The  port  reopened.</p><p>Then\n rain.</p>")
    assert _xhtml.read(element, namespace=None, exact=True).lead == [
        "The  port  reopened.",
        "Then\n rain.",
    ]
    assert _xhtml.read(element, namespace=None).lead == ["The port reopened.", "Then rain."]


@pytest.mark.parametrize(
    "paragraph",
    [
        "<p>The <!-- a note -->port <em>re<!-- x -->opened</em> on Monday.</p>",
        "<p>The <?page 2?>port <em><?pi text?>reopened</em> on Monday.</p>",
    ],
)
def test_comments_and_processing_instructions_in_a_paragraph_hold_no_text(
    paragraph: str,
) -> None:
    body = _xhtml.read(_html(paragraph), namespace=None)
    assert body.lead == [PARAGRAPH]
    assert body.marks == [Mark(kind=MarkKind.EMPHASIS, span=span("reopened"))]


def _emphasis(element: etree._Element) -> Markup | None:
    return (MarkKind.EMPHASIS, None, ()) if element.tag == "em" else None


@pytest.mark.parametrize("exact", [False, True])
def test_marks_are_read_only_over_the_text_the_paragraph_holds(exact: bool) -> None:
    element = etree.fromstring("<p>The <em>port</em> reopened on Monday.</p>")
    held = inline(element, _emphasis)
    assert marks_of(held, 3, PARAGRAPH, exact=exact) == [
        Mark(kind=MarkKind.EMPHASIS, span=span("port", 3)),
    ]
    # Text the dialect read otherwise gives no offsets to trust: no mark rather than a wrong one.
    assert marks_of(held, 3, "The harbour reopened on Monday.", exact=exact) == []


# --- Writing marks ------------------------------------------------------------------------


def test_a_paragraph_without_marks_is_written_as_its_text() -> None:
    element = etree.Element("p")
    write_marked(element, PARAGRAPH, [], _em)
    assert etree.tostring(element, encoding="unicode") == f"<p>{PARAGRAPH}</p>"


def test_a_mark_that_starts_with_a_longer_one_is_nested_inside_it() -> None:
    article = Article(
        lead=(PARAGRAPH,),
        marks=(
            Mark(kind=MarkKind.STRONG, span=span("port")),
            Mark(kind=MarkKind.EMPHASIS, span=span("port reopened")),
            Mark(kind=MarkKind.LINK, span=span("The port"), href="https://e.org"),
        ),
    )
    root = etree.Element("root")
    _xhtml.write_content(root, article, namespace=None)
    assert etree.tostring(root[0], encoding="unicode") == (
        '<p><a href="https://e.org">The <em><strong>port</strong></em></a>'
        "<em> reopened</em> on Monday.</p>"
    )
    document = json.loads(newsdoc.write(article, "ninjs"))
    assert newsdoc.read(json.dumps(document), "ninjs", strict=True) == article


@pytest.mark.parametrize(
    ("attributes", "written"),
    [
        ((("title", "Chair"),), '<span class="person" title="Chair">Ann Lee</span>'),
        (
            (("title", "Chair"), ("lang", "en")),
            '<span class="person" title="Chair" lang="en">Ann Lee</span>',
        ),
        ((("class", "vip"),), '<span class="person vip">Ann Lee</span>'),
        ((), '<span class="person">Ann Lee</span>'),
    ],
)
def test_an_entity_mark_is_written_with_its_kind_as_its_first_class(
    attributes: tuple[tuple[str, str], ...], written: str
) -> None:
    mark = Mark(
        kind=MarkKind.PERSON,
        span=Span(paragraph=0, start=0, end=7, text="Ann Lee"),
        attributes=attributes,
    )
    article = Article(lead=("Ann Lee spoke.",), marks=(mark,))
    document = json.loads(newsdoc.write(article, "ninjs"))
    richtext = [body["value"] for body in document["bodies"] if body["role"] == "richtext"]
    assert richtext == [f"<p>{written} spoke.</p>"]
    assert _read_ninjs(richtext[0], strict=True).marks == (mark,)


def test_marks_nested_as_deep_as_allowed_are_written_and_read_back() -> None:
    text, marks = _nested(MAX_NESTING)
    element = etree.Element("p")
    write_marked(element, text, marks, _em)
    depth, inner = 0, element
    while len(inner):
        (inner,) = inner
        depth += 1
    assert depth == MAX_NESTING == 200
    assert etree.tostring(element, method="text", encoding="unicode") == text
    article = Article(lead=(text,), marks=marks)
    assert newsdoc.read(newsdoc.write(article, "newsml"), "newsml") == article


def test_one_mark_nested_past_the_limit_is_refused() -> None:
    text, marks = _nested(MAX_NESTING + 1)
    message = (
        "201 marks cover the characters 200:202 of paragraph 0; at most 200 can be written nested"
    )
    with pytest.raises(ValueError, match=re.escape(message)) as refused:
        write_marked(etree.Element("p"), text, marks, _em)
    assert str(refused.value) == message
    with pytest.raises(SerializationError) as caught:
        newsdoc.write(Article(lead=(text,), marks=marks), "newsml")
    assert caught.value.format == "newsml"
    assert caught.value.reason == message
    assert str(caught.value) == f"cannot write newsml: {message}"


def test_the_nesting_error_names_the_paragraph_of_the_outermost_mark() -> None:
    # write_marked is given one paragraph's marks: it names the paragraph of the first.
    text, marks = _nested(MAX_NESTING + 1, paragraph=1)
    outermost = Mark(
        kind=MarkKind.STRONG,
        span=Span(paragraph=7, start=0, end=len(text), text=text),
    )
    with pytest.raises(ValueError, match=r"^201 marks cover") as refused:
        write_marked(etree.Element("p"), text, [*marks[1:], outermost], _em)
    assert str(refused.value) == (
        "201 marks cover the characters 200:202 of paragraph 7; at most 200 can be written nested"
    )


# --- Whether a body holds only the model --------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("<p>One.</p><p/>and more", id="text-after-an-empty-paragraph"),
        pytest.param('<p>One.</p><img src="x.jpg"/> A caption.', id="text-after-an-image"),
        pytest.param("<p>One.</p><!-- note --> aside", id="text-after-a-comment"),
        pytest.param("<div><p>One.</p><hr/>more</div>", id="text-after-a-rule-in-a-container"),
        pytest.param('<p>One.</p><p><img src="x.jpg"/></p>', id="image-alone-in-a-paragraph"),
        pytest.param("<p>One.</p><h2><br/></h2>", id="line-break-alone-in-a-heading"),
        pytest.param('<p>One.</p><p class="x"/>', id="attribute-on-an-empty-paragraph"),
        pytest.param('<p id="first"></p><p>One.</p>', id="id-on-an-empty-paragraph"),
    ],
)
def test_a_body_holding_more_around_its_paragraphs_is_kept_whole(body: str) -> None:
    article = _read_ninjs(body)
    assert article.lead == ("One.",)
    assert article.sections == ()
    assert article.extensions == (_kept(body),)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(f'<p xmlns="{XHTML}">One.</p><p xmlns="{XHTML}">Two.</p>', id="paragraphs"),
        pytest.param(
            f'<div xmlns="{XHTML}"><h1>Port</h1><p>One.</p><p>Two.</p></div>', id="headline"
        ),
    ],
)
def test_a_body_in_the_xhtml_namespace_holding_only_the_model_is_not_kept(body: str) -> None:
    article = _read_ninjs(body, strict=True)
    assert article.lead == ("One.", "Two.")
    assert article.extensions == ()


def test_reads_whole_in_the_xhtml_namespace_by_default() -> None:
    element = etree.fromstring(f'<div xmlns="{XHTML}"><h1>Port</h1><p>One <em>two</em>.</p></div>')
    body = _xhtml.read(element)
    assert body.header == {"headline": "Port"}
    assert _xhtml.reads_whole(element, body) is True
    plain = _html("<h1>Port</h1><p>One <em>two</em>.</p>")
    assert _xhtml.reads_whole(plain, _xhtml.read(plain, namespace=None)) is False


@pytest.mark.parametrize("body", ["Just text", "<div>loose</div>", "<div><div> x </div></div>"])
def test_text_outside_any_paragraph_is_not_the_body(body: str) -> None:
    element = _html(body)
    read = _xhtml.read(element, namespace=None)
    assert read.parts() == ((), (), ())
    assert _xhtml.reads_whole(element, read, namespace=None) is False
    assert _read_ninjs(body).extensions == (_kept(body),)


def test_a_body_whose_article_would_be_refused_is_not_read_whole() -> None:
    element = _html("<p> One. </p>")
    body = _xhtml.read(element, namespace=None, exact=True)
    assert body.lead == [" One. "]  # an Article refuses white space around a paragraph
    assert _xhtml.reads_whole(element, body, namespace=None) is False


@pytest.mark.parametrize(
    ("held", "read"),
    [
        pytest.param("<p>One.</p>", "<p>Two.</p>", id="paragraph-text"),
        pytest.param("<h2>Why</h2><p>One.</p>", "<h2>How</h2><p>One.</p>", id="heading-text"),
        pytest.param("<p><em>One</em> two.</p>", "<p><em>One</em> three.</p>", id="tail"),
        pytest.param("<p>A <em>One</em>.</p>", "<p>A <em>Two</em>.</p>", id="marked-text"),
    ],
)
def test_a_body_read_from_other_words_is_not_what_the_element_holds(held: str, read: str) -> None:
    element = _html(held)
    other = _xhtml.read(_html(read), namespace=None)
    assert _xhtml.reads_whole(element, other, namespace=None) is False
    assert _xhtml.reads_whole(element, _xhtml.read(element, namespace=None), namespace=None)
