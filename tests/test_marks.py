"""Inline markup: Marks in the model, in XHTML bodies, NewsML-G2, JSON and plain text."""

from __future__ import annotations

import json
import warnings

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import newsdoc
from newsdoc import (
    Article,
    ContentLossWarning,
    Mark,
    MarkKind,
    Section,
    Span,
    ValidationError,
    strategies,
)
from newsdoc.formats import _xhtml
from newsdoc.formats._body import fold_body
from newsdoc.formats._marks import _folded

XHTML = _xhtml.XHTML
PARAGRAPH = "The port reopened on Monday."


def span(text: str, paragraph: int = 0, within: str = PARAGRAPH) -> Span:
    start = within.index(text)
    return Span(paragraph=paragraph, start=start, end=start + len(text), text=text)


def item(body: str, *, namespace: str = XHTML) -> str:
    return (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1" '
        'standard="NewsML-G2" standardversion="2.35"><itemMeta>'
        '<itemClass qcode="ninat:text"/><provider literal="x"/>'
        "<versionCreated>2025-03-03T10:00:00Z</versionCreated></itemMeta><contentSet>"
        f'<inlineXML contenttype="application/xhtml+xml"><html xmlns="{namespace}"><body>'
        f"{body}</body></html></inlineXML></contentSet></newsItem>"
    )


def read_body(body: str) -> Article:
    return newsdoc.read(item(body), format="newsml")


# --- The model ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(MarkKind))
def test_a_mark_of_each_kind_anchors_in_the_body(kind: MarkKind) -> None:
    href = "https://example.org/port" if kind is MarkKind.LINK else None
    mark = Mark(kind=kind.value, span=span("port"), href=href)  # type: ignore[arg-type]
    article = Article(lead=(PARAGRAPH,), marks=[mark])
    assert article.marks == (mark,)
    assert mark.kind is kind
    assert article.text_of(mark.span) == "port"


def test_a_mark_whose_range_misses_its_text_is_refused() -> None:
    wrong = Span(paragraph=0, start=0, end=4, text="port")
    with pytest.raises(ValidationError) as caught:
        Article(lead=(PARAGRAPH,), marks=(Mark(kind=MarkKind.STRONG, span=wrong),))
    assert caught.value.field == "marks[0]"
    assert "'The '" in caught.value.reason


def test_a_mark_beyond_the_body_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        Article(lead=(PARAGRAPH,), marks=(Mark(kind="strong", span=span("port", 1)),))  # type: ignore[arg-type]
    assert caught.value.field == "marks[0]"


def test_an_empty_mark_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        Mark(kind=MarkKind.EMPHASIS, span=Span(paragraph=0, start=3, end=3, text=""))
    assert caught.value.field == "span"
    assert caught.value.reason == "must not be empty"


def test_only_a_link_has_an_href_and_never_as_an_attribute() -> None:
    with pytest.raises(ValidationError) as caught:
        Mark(kind=MarkKind.EMPHASIS, span=span("port"), href="https://example.org")
    assert caught.value.field == "href"
    with pytest.raises(ValidationError) as caught:
        Mark(kind=MarkKind.LINK, span=span("port"), attributes=(("href", "x"),))
    assert caught.value.field == "attributes"
    with pytest.raises(ValidationError) as caught:
        Mark(kind=MarkKind.LINK, span=span("port"), attributes=(("a", "1"), ("a", "2")))
    assert caught.value.field == "attributes"


def test_a_link_without_an_href_is_an_anchor() -> None:
    assert Mark(kind=MarkKind.LINK, span=span("port")).href is None


def test_marks_are_held_in_reading_order_with_equal_touching_marks_merged() -> None:
    late = Mark(kind=MarkKind.STRONG, span=span("Monday"))
    first = Mark(kind=MarkKind.EMPHASIS, span=span("The port"))
    touching = Mark(kind=MarkKind.EMPHASIS, span=span(" reopened"))
    overlapping = Mark(kind=MarkKind.EMPHASIS, span=span("reopened on"))
    other_kind = Mark(kind=MarkKind.STRONG, span=span("port"))
    article = Article(lead=(PARAGRAPH,), marks=(late, overlapping, touching, other_kind, first))
    assert article.marks == (
        Mark(kind=MarkKind.EMPHASIS, span=span("The port reopened on")),
        other_kind,
        late,
    )


def test_links_to_different_targets_are_not_merged() -> None:
    one = Mark(kind=MarkKind.LINK, span=span("The port"), href="https://example.org/1")
    two = Mark(kind=MarkKind.LINK, span=span(" reopened"), href="https://example.org/2")
    assert Article(lead=(PARAGRAPH,), marks=(two, one)).marks == (one, two)


# --- XHTML ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "kind", "attributes"),
    [
        ("<em>port</em>", MarkKind.EMPHASIS, ()),
        ("<i>port</i>", MarkKind.EMPHASIS, ()),
        ("<strong>port</strong>", MarkKind.STRONG, ()),
        ('<b class="k">port</b>', MarkKind.STRONG, (("class", "k"),)),
        ('<span class="person">port</span>', MarkKind.PERSON, ()),
        ('<span class="organization x" id="o">port</span>', MarkKind.ORGANIZATION,
         (("class", "x"), ("id", "o"))),
        ('<span class="location">port</span>', MarkKind.LOCATION, ()),
    ],
)  # fmt: skip
def test_each_kind_of_xhtml_markup_reads_as_a_mark(
    markup: str, kind: MarkKind, attributes: tuple[tuple[str, str], ...]
) -> None:
    article = read_body(f"<p>The {markup} reopened on Monday.</p>")
    assert article.lead == (PARAGRAPH,)
    assert article.marks == (Mark(kind=kind, span=span("port"), attributes=attributes),)


@pytest.mark.parametrize("format_name", ["newsml", "ninjs", "nitf"])
@pytest.mark.parametrize(
    "attributes",
    [
        (("class", "vip"), ("title", "Chair")),  # the class first
        (("title", "Chair"), ("class", "vip")),
        (("class", ""),),  # an empty class is still a class
        (("class", " two  spaces "),),
    ],
)
def test_an_entity_mark_keeps_its_own_class_where_it_stood(
    format_name: str, attributes: tuple[tuple[str, str], ...]
) -> None:
    span = Span(paragraph=0, start=0, end=7, text="Ann Lee")
    article = Article(
        lead=["Ann Lee spoke."],
        marks=[Mark(kind=MarkKind.PERSON, span=span, attributes=attributes)],
    )
    written = newsdoc.write(article, format_name)
    assert newsdoc.read(written, format_name, extract=False) == article


def test_an_entity_span_s_own_class_is_what_follows_the_entity_s_after_one_space() -> None:
    body = (
        f'<html xmlns="{XHTML}"><body>'
        '<p><span class="person">A</span> <span class="  person vip">B</span> '
        '<span class="person\tvip  x">C</span> <span class="person ">D</span></p>'
        "</body></html>"
    )
    marks = _xhtml.read(etree.fromstring(body)).marks
    assert [mark.attributes for mark in marks] == [
        (),
        (("class", "vip"),),
        (("class", "vip  x"),),
        (("class", ""),),
    ]


def test_a_link_keeps_its_href_and_other_attributes() -> None:
    article = read_body('<p>The <a title="Port" href="https://example.org/p">port</a> reopened '
                        "on Monday.</p>")  # fmt: skip
    assert article.marks == (
        Mark(kind=MarkKind.LINK, span=span("port"), href="https://example.org/p",
             attributes=(("title", "Port"),)),
    )  # fmt: skip


def test_a_link_without_href_reads_and_writes_as_an_anchor() -> None:
    article = read_body('<p>The <a id="x">port</a> reopened on Monday.</p>')
    anchor = Mark(kind=MarkKind.LINK, span=span("port"), attributes=(("id", "x"),))
    assert article.marks == (anchor,)
    changed = attrs.evolve(article, lead=(PARAGRAPH,), headline="New")
    written = newsdoc.write(changed, "newsml")
    assert '<a id="x">port</a>' in written
    assert newsdoc.read(written, format="newsml").marks == (anchor,)


def test_nested_markup_gives_nested_marks_and_folds_layout() -> None:
    article = read_body(
        '<p>The <a href="https://example.org">port\n     <em>reopened</em></a>\n on '
        "<b>Monday.</b></p><p>Plain.</p>"
    )
    assert article.lead == (PARAGRAPH, "Plain.")
    assert article.marks == (
        Mark(kind=MarkKind.LINK, span=span("port reopened"), href="https://example.org"),
        Mark(kind=MarkKind.EMPHASIS, span=span("reopened")),
        Mark(kind=MarkKind.STRONG, span=span("Monday.")),
    )


def test_markup_over_layout_alone_and_outside_paragraphs_gives_no_mark() -> None:
    article = read_body(
        "<h2>The <em>heading</em></h2><p>The port<em>\n   </em>reopened.</p>"
        '<div class="trailer"><p><a href="https://example.org">Subscribe</a></p></div>'
    )
    assert article.sections[0].paragraphs == ("The port reopened.",)
    assert article.marks == ()


def test_markup_in_sections_counts_paragraphs_across_the_body() -> None:
    article = read_body("<p>Lead.</p><h2>Next</h2><p>One.</p><p>Two <em>here</em>.</p>")
    assert article.marks == (Mark(kind=MarkKind.EMPHASIS, span=span("here", 2, "Two here.")),)


def test_markup_in_html_without_a_namespace_reads() -> None:
    element = etree.fromstring("<div><p>The <em>port</em> reopened on Monday.</p></div>")
    body = _xhtml.read(element, namespace=None)
    assert body.marks == [Mark(kind=MarkKind.EMPHASIS, span=span("port"))]


def _write_and_read(article: Article, namespace: str | None = XHTML) -> Article:
    root = etree.Element("root")
    html = etree.fromstring(etree.tostring(_xhtml.write(root, article, namespace=namespace)))
    body = _xhtml.read(html, namespace=namespace, exact=True)
    lead, sections, trailer = body.parts()
    return Article(lead=lead, sections=sections, trailer=trailer, marks=body.marks)


def test_overlapping_marks_are_split_into_well_formed_xhtml_and_read_back_equal() -> None:
    marks = (
        Mark(kind=MarkKind.EMPHASIS, span=span("The port")),
        Mark(kind=MarkKind.STRONG, span=span("port reopened")),
        Mark(kind=MarkKind.LINK, span=span("reopened on Monday."), href="https://e.org"),
    )
    article = Article(lead=(PARAGRAPH,), marks=marks)
    root = etree.Element("root")
    paragraph = _xhtml.write(root, article)[1][0]
    assert etree.tostring(paragraph, encoding="unicode") == (
        f'<p xmlns="{XHTML}"><em>The <strong>port</strong></em><strong> '
        '<a href="https://e.org">reopened</a></strong><a href="https://e.org"> on Monday.</a></p>'
    )
    assert _write_and_read(article) == article


def test_a_mark_at_the_end_of_a_paragraph_and_one_over_all_of_it() -> None:
    marks = (
        Mark(kind=MarkKind.EMPHASIS, span=span(PARAGRAPH)),
        Mark(kind=MarkKind.PERSON, span=span("Monday.")),
    )
    article = Article(lead=(PARAGRAPH,), sections=(Section(heading="H", paragraphs=("x",)),),
                      marks=marks)  # fmt: skip
    assert _write_and_read(article) == article
    assert _write_and_read(article, None) == article


@pytest.mark.parametrize("namespace", [XHTML, None])
@given(article=strategies.articles())
def test_every_article_s_marks_survive_xhtml(namespace: str | None, article: Article) -> None:
    reread = _write_and_read(article, namespace)
    assert (reread.lead, reread.sections, reread.marks) == (
        article.lead,
        article.sections,
        article.marks,
    )


@given(st.text(alphabet=" \t\r\nab\u00a0\u2028\x85é", max_size=40))
def test_offsets_fold_as_body_text_folds(raw: str) -> None:
    folded, position = _folded(raw)
    assert folded == fold_body(raw)
    assert [position(i) for i in range(len(raw) + 1)] == sorted(
        position(i) for i in range(len(raw) + 1)
    )
    assert position(len(raw)) == len(folded)


# --- NewsML-G2 ------------------------------------------------------------------------------

SOURCE_BODY = (
    '<p>The <a href="https://example.org/port">port</a> reopened on <em>Monday</em>.</p>'
    "<p>Cranes were repaired.</p>"
)


def test_an_unchanged_body_goes_back_as_it_came() -> None:
    article = read_body(SOURCE_BODY)
    assert len(article.marks) == 2
    written = newsdoc.write(article, "newsml")
    assert SOURCE_BODY.replace("<p>", "<p>", 1) in written
    assert newsdoc.read(written, format="newsml") == article


def test_a_changed_body_keeps_its_links() -> None:
    article = read_body(SOURCE_BODY)
    changed = attrs.evolve(article, lead=(*article.lead, "A new paragraph."))
    written = newsdoc.write(changed, "newsml")
    assert '<a href="https://example.org/port">port</a>' in written
    assert "<em>Monday</em>" in written
    reread = newsdoc.read(written, format="newsml")
    assert reread.marks == article.marks
    assert reread.lead == changed.lead


def test_changed_marks_alone_write_the_body_anew() -> None:
    article = read_body(SOURCE_BODY)
    fewer = attrs.evolve(article, marks=article.marks[:1])
    written = newsdoc.write(fewer, "newsml")
    assert "<em>" not in written
    assert newsdoc.read(written, format="newsml").marks == fewer.marks


# --- JSON and plain text --------------------------------------------------------------------


def test_json_carries_marks_and_leaves_out_none() -> None:
    article = read_body(SOURCE_BODY)
    document = json.loads(newsdoc.write(article, "json"))
    assert document["article"]["marks"][0] == {
        "kind": "link",
        "span": {"paragraph": 0, "start": 4, "end": 8, "text": "port"},
        "href": "https://example.org/port",
        "attributes": [],
    }
    assert newsdoc.read(newsdoc.write(article, "json"), format="json") == article
    plain = json.loads(newsdoc.write(attrs.evolve(article, marks=()), "json"))
    assert "marks" not in plain["article"]


def test_the_text_writer_reports_the_marks_it_cannot_hold() -> None:
    article = read_body(SOURCE_BODY)
    with pytest.warns(ContentLossWarning, match="2 mark"):
        text = newsdoc.write(article, "text")
    assert text.startswith("The port reopened on Monday.")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        newsdoc.write(attrs.evolve(article, marks=(), extensions=()), "text")


def test_the_registry_says_who_carries_marks() -> None:
    from newsdoc.formats import by_name

    assert "marks" not in by_name("text").carries
    assert {"marks"} <= by_name("newsml").carries & by_name("json").carries


def test_markup_in_pieces_reads_as_one_mark_and_the_body_goes_back_as_it_came() -> None:
    body = "<p>The <em>po</em><em>rt</em> reopened on Monday.</p>"
    article = read_body(body)
    assert article.marks == (Mark(kind=MarkKind.EMPHASIS, span=span("port")),)
    written = newsdoc.write(article, "newsml")
    assert body in written
    assert newsdoc.read(written, format="newsml") == article


def test_a_written_body_whose_marked_paragraph_breaks_a_line_is_a_parse_error() -> None:
    data = item("<p>The port\n<em>reopened</em></p>").replace(
        'contenttype="application/xhtml+xml"',
        'contenttype="application/xhtml+xml" xmlns:nd="https://newsdoc.dev/ns/newsml/1" '
        'nd:body="generated"',
    )
    with pytest.raises(newsdoc.ParseError, match="one line"):
        newsdoc.read(data, format="newsml")


def test_marks_nested_too_deeply_for_a_parser_are_a_serialization_error() -> None:
    text = "x" * 500
    marks = [
        Mark(
            kind=MarkKind.EMPHASIS,
            span=Span(paragraph=0, start=i, end=500 - i, text=text[i:-i]),
            attributes=(("title", str(i)),),
        )
        for i in range(1, 240)
    ]
    article = Article(lead=(text,), marks=marks)
    with pytest.raises(newsdoc.SerializationError, match="at most 200"):
        newsdoc.write(article, "newsml")
