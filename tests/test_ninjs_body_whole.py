"""A ninjs body rendition that holds more than the model's body is kept whole.

The reader maps the first markup body into lead, sections, trailer and marks. What that
rendition holds besides (a table, an image, a line break, an attribute, a comment, text
between paragraphs, a headline the document already states otherwise) has no field, so the
whole rendition is kept as well, and strict reading refuses it. A body that holds only what
the model holds is not kept: the containers it sits in, white space, and ``b``/``i`` for
``strong``/``em`` change nothing.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest

import newsdoc
from newsdoc import (
    Article,
    Extension,
    Mark,
    MarkKind,
    Section,
    Span,
    UnmappedContentError,
)


def _read(document: dict[str, Any], *, strict: bool = False) -> Article:
    return newsdoc.read(json.dumps(document), "ninjs", strict=strict)


def _kept(path: str, value: Any) -> Extension:
    content = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Extension(format="ninjs", path=path, content=content)


@pytest.mark.parametrize(
    ("body", "lead"),
    [
        pytest.param("<p>One.</p><table><tr><td>cell</td></tr></table>", ("One.",), id="table"),
        pytest.param("<p>One.</p>tail words", ("One.",), id="text-after-a-paragraph"),
        pytest.param("Just text", (), id="text-alone"),
        pytest.param("<div>loose<p>One.</p></div>", ("One.",), id="text-in-a-container"),
        pytest.param('<p>One <img src="x.jpg"/>here.</p>', ("One here.",), id="image"),
        pytest.param("<p>One<br/>two.</p>", ("One two.",), id="line-break"),
        pytest.param('<p class="lead">One.</p>', ("One.",), id="paragraph-attribute"),
        pytest.param('<div id="main"><p>One.</p></div>', ("One.",), id="container-id"),
        pytest.param("<p>One.</p><!-- note -->", ("One.",), id="comment"),
        pytest.param("<p>One <sup>2</sup>.</p>", ("One 2.",), id="unknown-inline"),
        pytest.param("<ul><li>One.</li></ul>", ("One.",), id="list"),
        pytest.param("<section><h2>Head</h2><p>One.</p></section><hr/>", (), id="rule"),
    ],
)
def test_a_body_holding_more_than_the_model_is_read_and_kept_whole(
    body: str, lead: tuple[str, ...]
) -> None:
    article = _read({"uri": "u", "body_xhtml": body})
    if lead:
        assert article.lead == lead
    assert article.extensions == (_kept("$.body_xhtml", body),)
    with pytest.raises(UnmappedContentError) as caught:
        _read({"uri": "u", "body_xhtml": body}, strict=True)
    assert caught.value.paths == ("$.body_xhtml",)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("<p>One.</p>\n\n  <p>Two.</p>\n", id="layout"),
        pytest.param(
            '<div class="story"><section><p>One.</p></section><p>Two.</p></div>', id="containers"
        ),
        pytest.param("<article><main><p>One.</p><p>Two.</p></main></article>", id="article-main"),
        pytest.param("<body><p>One.</p><p></p><p>  </p><p>Two.</p></body>", id="empty-paragraphs"),
    ],
)
def test_a_body_holding_only_the_model_s_body_is_not_kept(body: str) -> None:
    assert _read({"uri": "u", "body_xhtml": body}, strict=True) == Article(
        id="u", lead=("One.", "Two.")
    )


def test_b_and_i_read_as_strong_and_emphasis_and_the_body_is_not_kept() -> None:
    article = _read({"uri": "u", "body_html": "<p><b>Bold</b> and <i>it</i>.</p>"}, strict=True)
    assert article.marks == (
        Mark(kind=MarkKind.STRONG, span=Span(paragraph=0, start=0, end=4, text="Bold")),
        Mark(kind=MarkKind.EMPHASIS, span=Span(paragraph=0, start=9, end=11, text="it")),
    )
    assert article.extensions == ()


def test_sections_and_a_trailer_as_newsdoc_writes_them_are_not_kept() -> None:
    body = (
        '<p>Lead.</p><div class="section"><h2>Head</h2><p>Para.</p></div>'
        '<div class="trailer"><p>End.</p></div>'
    )
    assert _read({"uri": "u", "body_xhtml": body}, strict=True) == Article(
        id="u",
        lead=("Lead.",),
        sections=(Section(heading="Head", paragraphs=("Para.",)),),
        trailer=("End.",),
    )


def test_a_body_headline_the_document_states_otherwise_keeps_the_body() -> None:
    body = "<h1>Other</h1><p>One.</p>"
    article = _read({"uri": "u", "headline": "Mine", "body_xhtml": body})
    assert (article.headline, article.lead) == ("Mine", ("One.",))
    assert article.extensions == (_kept("$.body_xhtml", body),)


@pytest.mark.parametrize("headline", [None, "Same"])
def test_a_body_headline_the_document_leaves_unset_or_states_alike_is_read(
    headline: str | None,
) -> None:
    document = {"uri": "u", "body_xhtml": "<h1>Same</h1><p>One.</p>"}
    if headline is not None:
        document["headline"] = headline
    assert _read(document, strict=True) == Article(id="u", headline="Same", lead=("One.",))


def test_a_body_headline_after_a_heading_is_read_and_the_body_kept_for_its_order() -> None:
    body = "<h2>Head</h2><h1>Second</h1><p>One.</p>"
    article = _read({"uri": "u", "body_xhtml": body})
    assert article.headline == "Second"
    assert article.extensions == (_kept("$.body_xhtml", body),)  # newsdoc writes h1 first


def test_a_nitf_body_holding_a_table_is_kept_whole() -> None:
    nitf = (
        "<nitf><body><body.content><p>One.</p><table><tr><td>c</td></tr></table>"
        "</body.content></body></nitf>"
    )
    article = _read({"uri": "u", "body_nitf": nitf})
    assert article.lead == ("One.",)
    assert article.extensions == (_kept("$.body_nitf", nitf),)


@pytest.mark.parametrize(
    "nitf",
    [
        pytest.param(
            '<nitf><body><body.content><p id="p1">One.</p></body.content></body></nitf>',
            id="attribute",
        ),
        pytest.param(
            "<nitf><body><body.content><p>One.</p><!-- c --></body.content></body></nitf>",
            id="comment",
        ),
    ],
)
def test_a_nitf_body_with_an_attribute_or_comment_of_its_own_is_kept_whole(nitf: str) -> None:
    article = _read({"uri": "u", "body_nitf": nitf})
    assert article.lead == ("One.",)
    assert article.extensions == (_kept("$.body_nitf", nitf),)


def test_a_nitf_body_holding_only_the_model_s_body_is_not_kept() -> None:
    nitf = "<nitf><body><body.content><p>One.</p><p>Two.</p></body.content></body></nitf>"
    assert _read({"uri": "u", "body_nitf": nitf}, strict=True) == Article(
        id="u", lead=("One.", "Two.")
    )


def test_a_body_kept_whole_travels_through_newsdoc_s_own_ninjs() -> None:
    body = '<p>One.</p><figure><img src="x.jpg"/></figure>'
    article = _read({"uri": "u", "body_xhtml": body})
    assert newsdoc.read(newsdoc.write(article, "ninjs"), "ninjs", strict=True) == article


def test_newsdoc_s_own_body_with_a_mark_over_a_space_is_read_whole() -> None:
    mark = Mark(kind=MarkKind.EMPHASIS, span=Span(paragraph=0, start=3, end=4, text=" "))
    article = Article(lead=("One two.",), marks=(mark,))
    written = newsdoc.write(article, "ninjs")
    assert "<em> </em>" in written
    assert newsdoc.read(written, "ninjs", strict=True) == article


def test_a_table_added_to_newsdoc_s_own_body_is_kept_though_its_rendition_still_applies() -> None:
    mark = Mark(kind=MarkKind.EMPHASIS, span=Span(paragraph=0, start=3, end=4, text=" "))
    article = Article(lead=("One two.",), marks=(mark,))
    document = json.loads(newsdoc.write(article, "ninjs"))
    xhtml = next(b for b in document["bodies"] if b["contentType"] == "application/xhtml+xml")
    xhtml["value"] += "<table><tr><td>cell</td></tr></table>"
    again = newsdoc.read(json.dumps(document), "ninjs")
    assert again.marks == (mark,)  # the rendition still applies
    assert again.extensions == (_kept("$.bodies[1]", xhtml),)


@pytest.mark.parametrize(
    "article",
    [
        Article(
            lead=("One two.",),
            marks=(Mark(kind=MarkKind.EMPHASIS, span=Span(paragraph=0, start=3, end=4, text=" ")),),
        ),
        Article(lead=("One two.",), keywords=("strike",)),  # carried, with no marks at all
    ],
    ids=["a mark over a space", "keywords"],
)
def test_a_table_added_to_newsdoc_s_body_is_kept_whatever_the_rendition_carries(
    article: Article,
) -> None:
    document = json.loads(newsdoc.write(article, "ninjs"))
    xhtml = next(b for b in document["bodies"] if b["contentType"] == "application/xhtml+xml")
    xhtml["value"] += "<table><tr><td>cell</td></tr></table>"
    again = newsdoc.read(json.dumps(document), "ninjs")
    assert attrs.evolve(again, extensions=()) == article
    assert again.extensions == (_kept("$.bodies[1]", xhtml),)


def test_a_headline_added_to_newsdoc_s_body_is_kept_though_the_rendition_applies() -> None:
    mark = Mark(kind=MarkKind.EMPHASIS, span=Span(paragraph=0, start=3, end=4, text=" "))
    article = Article(headline="Mine", lead=("One two.",), marks=(mark,))
    document = json.loads(newsdoc.write(article, "ninjs"))
    xhtml = next(b for b in document["bodies"] if b["contentType"] == "application/xhtml+xml")
    xhtml["value"] = "<h1>Other</h1>" + xhtml["value"]
    again = newsdoc.read(json.dumps(document), "ninjs")
    assert (again.headline, again.marks) == ("Mine", (mark,))
    assert again.extensions == (_kept("$.bodies[1]", xhtml),)


def test_newsdoc_s_own_body_with_sections_and_a_trailer_reads_back_whole() -> None:
    mark = Mark(kind=MarkKind.EMPHASIS, span=Span(paragraph=0, start=3, end=4, text=" "))
    article = Article(
        lead=("One two.",),
        sections=(Section(heading="Head", paragraphs=("Para.",)),),
        trailer=("End.",),
        marks=(mark,),
    )
    assert newsdoc.read(newsdoc.write(article, "ninjs"), "ninjs", strict=True) == article
