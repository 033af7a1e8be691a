"""The exact NewsML-G2 the writer puts out at its edges.

Pinned here: the layout of an item with no content metadata or body (the empty containers
left out, the closing tag back in place), the values filled in for an Article without
them (the ``newsdoc`` provider, a guid taken from the body's paragraphs), comments kept
from before or after the item, a kept provider the model could not hold, further
headlines and descriptions, the header fields, attributions and events an unchanged NITF
rendition carries (left out of contentMeta), renditions put back as they stood (an
``xmlns=""`` kept, unused namespace declarations dropped), a non-body rendition whose text
looks like the reader's body marks, the warnings for concept parts the schema cannot hold, and the
refusal of another format's extension attributes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import warnings
from pathlib import Path

import attrs
import pytest

import newsdoc
from newsdoc import (
    Article,
    Concept,
    ContentLossWarning,
    Dateline,
    Extension,
    RoleText,
    Section,
    SerializationError,
)
from newsdoc.formats.newsml import writer

NEWSDOC = Path(newsdoc.__file__).parent

NAR = "http://iptc.org/std/nar/2006-10-01/"
ND = "https://newsdoc.dev/ns/newsml/1"
XHTML = "http://www.w3.org/1999/xhtml"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
WRITTEN_AT = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.timezone.utc)

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
ROOT = (
    f'<newsItem xmlns="{NAR}" xmlns:nd="{ND}" standard="NewsML-G2" standardversion="2.35" '
    'nd:text="exact" guid="{guid}" version="1">'
)
# The item a source document gives: identified, dated, with a provider the model holds.
SOURCE = (
    f'<newsItem xmlns="{NAR}" guid="g" version="1" standard="NewsML-G2" standardversion="2.35">'
    '<itemMeta><itemClass qcode="ninat:text"/>{provider}'
    "<versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>{rest}</newsItem>"
)
SOURCE_META = (
    "  <itemMeta>\n"
    '    <itemClass qcode="ninat:text"/>\n'
    '    <provider literal="p"/>\n'
    "    <versionCreated>2020-01-01T00:00:00Z</versionCreated>\n"
    "  </itemMeta>\n"
)


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "_now", lambda: WRITTEN_AT)


def source(rest: str = "", provider: str = '<provider literal="p"/>') -> str:
    return SOURCE.format(provider=provider, rest=rest)


def rewritten(data: str) -> str:
    """The item read from ``data`` and written again."""
    return newsdoc.write(newsdoc.read(data, format="newsml"), "newsml")


# --- values filled in, and the layout without contentMeta or contentSet -------------------------


@pytest.mark.usefixtures("fixed_clock")
def test_an_empty_article_is_an_item_of_generated_values_only() -> None:
    guid = "urn:newsdoc:unidentified:" + hashlib.sha1(b"").hexdigest()[:16]
    assert newsdoc.write(Article(), "newsml") == (
        DECLARATION + ROOT.format(guid=guid) + "\n"
        "  <itemMeta>\n"
        '    <itemClass qcode="ninat:text"/>\n'
        '    <provider literal="newsdoc"/>\n'
        "    <versionCreated>2026-03-01T08:00:00Z</versionCreated>\n"
        '    <nd:generated fields="id version provider updated"/>\n'
        "  </itemMeta>\n"
        "</newsItem>\n"
    )


def test_the_generated_guid_is_the_sha1_of_the_body_paragraphs_one_a_line() -> None:
    article = Article(
        lead=("First paragraph.",),
        sections=(Section(heading="More", paragraphs=("Second paragraph.",)),),
        trailer=("A trailer.",),
    )
    text = "First paragraph.\nSecond paragraph."  # no heading, no trailer
    expected = "urn:newsdoc:unidentified:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    written = newsdoc.write(article, "newsml")
    assert f' guid="{expected}" ' in written
    assert len(expected) == len("urn:newsdoc:unidentified:") + 16


def test_an_item_with_content_meta_but_no_body_closes_after_it() -> None:
    written = rewritten(source("<contentMeta><keyword>k</keyword></contentMeta>"))
    assert written == (
        DECLARATION + ROOT.format(guid="g") + "\n" + SOURCE_META + "  <contentMeta>\n"
        "    <keyword>k</keyword>\n"
        "  </contentMeta>\n"
        "</newsItem>\n"
    )


def test_an_item_with_a_body_but_no_content_meta_keeps_its_layout() -> None:
    article = Article(
        id="g",
        version=1,
        provider=Concept(literal="p"),
        updated=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc),
        lead=("Only a body.",),
    )
    assert newsdoc.write(article, "newsml") == (
        DECLARATION + ROOT.format(guid="g") + "\n" + SOURCE_META + "  <contentSet>\n"
        '    <inlineXML contenttype="application/xhtml+xml" nd:body="generated">\n'
        f'      <html xmlns="{XHTML}">\n'
        "        <head>\n"
        "          <title></title>\n"
        "        </head>\n"
        "        <body>\n"
        "          <p>Only a body.</p>\n"
        "        </body>\n"
        "      </html>\n"
        "    </inlineXML>\n"
        "  </contentSet>\n"
        "</newsItem>\n"
    )


# --- what is kept from a source ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [("<!--before-->", ""), ("", "<!--after-->"), ("<!--before-->", "<!--after-->")],
    ids=["before", "after", "both"],
)
def test_comments_beside_the_item_are_written_beside_it(before: str, after: str) -> None:
    written = rewritten(before + source() + after)
    assert written == (
        DECLARATION + before + ROOT.format(guid="g") + "\n" + SOURCE_META + f"</newsItem>{after}\n"
    )


def test_a_kept_provider_the_model_cannot_hold_is_not_joined_by_a_generated_one() -> None:
    data = source(provider='<provider role="x"/>')
    article = newsdoc.read(data, format="newsml")
    assert article.provider is None
    assert newsdoc.write(article, "newsml") == (
        DECLARATION + ROOT.format(guid="g") + "\n"
        "  <itemMeta>\n"
        '    <itemClass qcode="ninat:text"/>\n'
        '    <provider role="x"/>\n'
        "    <versionCreated>2020-01-01T00:00:00Z</versionCreated>\n"
        "  </itemMeta>\n"
        "</newsItem>\n"
    )


def test_further_headlines_and_descriptions_are_marked_as_further_ones() -> None:
    article = Article(
        id="g",
        version=1,
        provider=Concept(literal="p"),
        updated=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc),
        other_headlines=(RoleText(text="Short one", role="hlrole:short"),),
        other_descriptions=(RoleText(text="A summary", language="en"),),
    )
    written = newsdoc.write(article, "newsml")
    assert written == (
        DECLARATION + ROOT.format(guid="g") + "\n" + SOURCE_META + "  <contentMeta>\n"
        '    <headline nd:other="true" role="hlrole:short">Short one</headline>\n'
        '    <description nd:other="true" xml:lang="en">A summary</description>\n'
        "  </contentMeta>\n"
        "</newsItem>\n"
    )
    assert newsdoc.read(written, format="newsml") == article


NITF_BODY = (
    f'<nitf xmlns="{NITF}"><body><body.head>'
    "<hedline><hl1>Strike ends</hl1><hl2>Workers return</hl2></hedline>"
    "<byline>By Ann Lee</byline><dateline>NAIROBI</dateline></body.head>"
    '<body.content><p><q quote-source="Juma Hamisi">We will not return</q>, Juma Hamisi said '
    'on <chron norm="20250303">Monday</chron> after the <event>walkout</event>.</p>'
    "</body.content></body></nitf>"
)


def test_an_unchanged_nitf_rendition_keeps_its_header_and_annotations_to_itself() -> None:
    data = source(
        f'<contentSet><inlineXML contenttype="application/nitf+xml">{NITF_BODY}'
        "</inlineXML></contentSet>"
    )
    article = newsdoc.read(data, format="newsml")
    assert (article.headline, article.subheadline, article.dateline) == (
        "Strike ends",
        "Workers return",
        Dateline(place="NAIROBI"),
    )
    assert (len(article.attributions), len(article.events), article.bylines) == (
        1,
        1,
        ("Ann Lee",),
    )
    written = newsdoc.write(article, "newsml")
    assert written == (
        DECLARATION + ROOT.format(guid="g") + "\n" + SOURCE_META + "  <contentSet>\n"
        f'    <inlineXML contenttype="application/nitf+xml">{NITF_BODY}</inlineXML>\n'
        "  </contentSet>\n"
        "</newsItem>\n"
    )
    assert newsdoc.read(written, format="newsml") == article


@pytest.mark.parametrize(
    "html",
    [
        f'<html xmlns="{XHTML}"><body><p>Hello</p></body></html>',
        '<html xmlns=""><body><p>Hello</p></body></html>',
    ],
    ids=["xhtml", "no-namespace"],
)
def test_an_unchanged_xhtml_rendition_goes_back_as_it_stood(html: str) -> None:
    rendition = f'<inlineXML contenttype="application/xhtml+xml">{html}</inlineXML>'
    written = rewritten(source(f"<contentSet>{rendition}</contentSet>"))
    assert written == (
        DECLARATION + ROOT.format(guid="g") + "\n" + SOURCE_META + "  <contentSet>\n"
        f"    {rendition}\n"
        "  </contentSet>\n"
        "</newsItem>\n"
    )


def test_unused_namespace_declarations_in_an_unchanged_rendition_are_dropped() -> None:
    html = f'<html xmlns="{XHTML}"><body><p>Hello</p></body></html>'
    data = source(
        f'<contentSet><inlineXML contenttype="application/xhtml+xml">{html}'
        "</inlineXML></contentSet>"
    )
    article = newsdoc.read(data, format="newsml")
    (rendition,) = article.extensions
    declared = rendition.content.replace(
        f'<html xmlns="{XHTML}">', f'<html xmlns="{XHTML}" xmlns:x="urn:x">'
    )
    assert declared != rendition.content
    edited = attrs.evolve(article, extensions=(attrs.evolve(rendition, content=declared),))
    assert newsdoc.write(edited, "newsml") == (
        DECLARATION + ROOT.format(guid="g") + "\n" + SOURCE_META + "  <contentSet>\n"
        f'    <inlineXML contenttype="application/xhtml+xml">{html}</inlineXML>\n'
        "  </contentSet>\n"
        "</newsItem>\n"
    )


def test_a_rendition_whose_text_looks_like_body_marks_is_kept_whole() -> None:
    rendition = (
        '<inlineXML contenttype="application/x-thing+xml">'
        '<x> nd:header="" nd:digest="0"</x></inlineXML>'
    )
    data = source(f"<contentSet>{rendition}</contentSet>")
    article = newsdoc.read(data, format="newsml")
    assert article.lead == ()
    written = newsdoc.write(article, "newsml")
    assert written == (
        DECLARATION + ROOT.format(guid="g") + "\n" + SOURCE_META + "  <contentSet>\n"
        f"    {rendition}\n"
        "  </contentSet>\n"
        "</newsItem>\n"
    )
    assert newsdoc.read(written, format="newsml") == article


# --- what NewsML-G2 cannot hold ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("service", "message"),
    [
        (
            Concept(qcode="svc:a", literal="A"),
            "NewsML-G2 cannot hold the literal of a service; it was left out",
        ),
        (
            Concept(qcode="svc:a", kind="cpnat:abstract"),
            "NewsML-G2 cannot hold the type of a service; it was left out",
        ),
        (
            Concept(qcode="svc:a", rank=1),
            "NewsML-G2 cannot hold the rank of a service; it was left out",
        ),
        (
            Concept(qcode="svc:a", broader=(Concept(qcode="svc:b"),)),
            "NewsML-G2 cannot hold the broader and same-as concepts of a service; it was left out",
        ),
        (
            Concept(qcode="svc:a", same_as=(Concept(qcode="svc:c"),)),
            "NewsML-G2 cannot hold the broader and same-as concepts of a service; it was left out",
        ),
    ],
    ids=["literal", "type", "rank", "broader", "same-as"],
)
def test_what_a_service_cannot_hold_is_left_out_with_a_warning(
    service: Concept, message: str
) -> None:
    article = Article(services=(service,))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = newsdoc.write(article, "newsml")
    assert [(w.category, str(w.message)) for w in caught] == [(ContentLossWarning, message)]
    assert not Path(caught[0].filename).is_relative_to(NEWSDOC)  # the caller's, not newsdoc's
    assert '    <service qcode="svc:a"/>\n' in written
    assert newsdoc.read(written, format="newsml").services == (Concept(qcode="svc:a"),)


def test_attributes_kept_for_another_format_are_refused() -> None:
    kept = Extension(format="nitf", path="/nitf/body[1]", attributes=(("class", "x"),))
    with pytest.raises(SerializationError) as caught:
        newsdoc.write(Article(lead=("Body.",), extensions=(kept,)), "newsml")
    assert (caught.value.format, caught.value.reason) == (
        "newsml",
        "the nitf extension at /nitf/body[1] has attributes, which NewsML-G2 cannot carry for "
        "another format",
    )


@pytest.mark.parametrize(
    "content_set",
    [
        # Loose text that reads like the marks the reader puts on a body's start tag.
        'see nd:header="" nd:digest="0"&gt; here'
        '<inlineXML contenttype="application/x-thing+xml"><x/></inlineXML>',
    ],
)
def test_what_only_looks_like_a_body_s_marks_is_kept_and_written_back(content_set: str) -> None:
    article = newsdoc.read(source(f"<contentSet>{content_set}</contentSet>"), format="newsml")
    assert article.extensions
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        written = newsdoc.write(article, "newsml")
    assert 'nd:digest="0"' in written
    assert newsdoc.read(written, format="newsml") == article


def test_marks_of_the_same_name_in_another_namespace_are_not_a_body_s() -> None:
    rendition = (
        f'<inlineXML xmlns="{NAR}" xmlns:nd="urn:other" nd:header="" nd:digest="0"'
        ' contenttype="application/x-thing+xml"><x></x></inlineXML>'
    )
    kept = Extension(
        format="newsml", path="/newsItem/contentSet[1]/inlineXML[1]", content=rendition
    )
    article = Article(lead=("One.",), extensions=(kept,))
    written = newsdoc.write(article, "newsml")
    assert 'xmlns:nd="urn:other" nd:header="" nd:digest="0"' in written
    assert "<p>One.</p>" in written


ND = "https://newsdoc.dev/ns/newsml/1"


def _rendition(content: str) -> Article:
    kept = Extension(format="newsml", path="/newsItem/contentSet[1]/inlineXML[1]", content=content)
    return Article(lead=("One.",), extensions=(kept,))


def test_a_marked_body_that_no_longer_says_the_article_is_written_anew() -> None:
    # An empty element marked as the read body, whose digest is no longer the article's.
    written = newsdoc.write(
        _rendition(
            f'<inlineXML xmlns="{NAR}" xmlns:nd="{ND}" contenttype="application/xhtml+xml"'
            ' nd:header="" nd:digest="0"/>'
        ),
        "newsml",
    )
    assert written.count("<inlineXML") == 1
    assert "nd:digest" not in written
    assert "<p>One.</p>" in written


def test_marks_that_stand_only_inside_another_attribute_are_not_a_body_s() -> None:
    content = (
        f'<inlineXML xmlns="{NAR}" xmlns:nd="{ND}" title=\' nd:header="" nd:digest="0"\''
        ' nd:header="" contenttype="application/x-thing+xml"><x></x></inlineXML>'
    )
    written = newsdoc.write(_rendition(content), "newsml")
    assert written.count("<inlineXML") == 2
    assert "<p>One.</p>" in written
    assert "<x/>" in written


def test_a_kept_start_tag_with_marks_that_is_not_xml_is_a_serialization_error() -> None:
    content = (
        f'<inlineXML xmlns="{NAR}" nd:header="" nd:digest="0" contenttype="x"><x/></inlineXML>'
    )
    with pytest.raises(SerializationError) as caught:
        newsdoc.write(_rendition(content), "newsml")
    assert caught.value.reason == (
        "kept content at /newsItem/contentSet[1]/inlineXML[1]: not well-formed XML "
        "(Namespace prefix nd for header on inlineXML is not defined)"
    )
