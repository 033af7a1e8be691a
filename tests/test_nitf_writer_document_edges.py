"""Writing NITF: the whole document, kept content put back, and what is reported lost.

Pins the exact document newsdoc writes for small articles: the root and its attributes,
containers left out when empty, the layout of written elements and of kept ones (which go
back as they were), timestamps' norms. Pins the SerializationError (format and reason) for
text XML cannot hold and for kept content that declares a DTD, and where content kept from
an NITF source goes back: attributes on the elements they stood on, elements placed by name
(in the schema's order) and by position, markup in headings, bylines and paragraphs at its
own words, kept elements under kept ones. Pins the ContentLossWarning and its message for
fields NITF cannot hold, an embargo date.release cannot hold and kept content without a
place, and that the warning names the caller's line, not the writer's.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import attrs
import pytest

import newsdoc
from newsdoc import (
    Article,
    Concept,
    ContentLossWarning,
    Extension,
    Rights,
    Section,
    SerializationError,
)
from newsdoc.formats.nitf.writer import norm_of_timestamp

NEWSDOC = Path(newsdoc.__file__).parent

NITF_NS = 'xmlns="http://iptc.org/std/NITF/2006-10-18/"'
ROOT = (
    '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" xmlns:nd="https://newsdoc.dev/ns/nitf/1"'
    ' version="-//IPTC//DTD NITF 3.6//EN" change.date="September 11, 2009" change.time="12:26"'
    ' nd:text="exact"'
)
ONE = (
    "  <body>",
    "    <body.content>",
    "      <p>One.</p>",
    "    </body.content>",
    "  </body>",
)
BODY_HEAD = "/nitf/body[1]/body.head[1]"
CONTENT = "/nitf/body[1]/body.content[1]"
UTC = dt.timezone.utc


def _document(*lines: str, attributes: str = "") -> str:
    """An NITF document as newsdoc lays it out, the root's children given line by line."""
    return "\n".join(
        ['<?xml version="1.0" encoding="UTF-8"?>', f"{ROOT}{attributes}>", *lines, "</nitf>", ""]
    )


def _kept(path: str, content: str = "", attributes: tuple[tuple[str, str], ...] = ()) -> Extension:
    return Extension(format="nitf", path=path, content=content, attributes=attributes)


def _quietly(article: Article) -> str:
    """The NITF document of ``article``, which must lose nothing."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return newsdoc.write(article, "nitf")


def _round(source: str) -> str:
    """The NITF document newsdoc writes for what it reads from ``source``."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        article = newsdoc.read(source, format="nitf")
        return newsdoc.write(article, "nitf")


def _lost(article: Article) -> tuple[str, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        document = newsdoc.write(article, "nitf")
    return document, caught


def _nitf(head: str, body_head: str, content: str) -> str:
    """A source document without a namespace, its parts given as they are."""
    head = f"<head>{head}</head>" if head else ""
    body_head = f"<body.head>{body_head}</body.head>" if body_head else ""
    return f"<nitf>{head}<body>{body_head}<body.content>{content}</body.content></body></nitf>"


# -- the document's frame --------------------------------------------------------------------


def test_an_article_of_one_paragraph_is_written_without_empty_containers() -> None:
    assert _quietly(Article(lead=("One.",))) == _document(*ONE)


def test_text_xml_cannot_hold_is_a_serialization_error_naming_nitf() -> None:
    with pytest.raises(SerializationError) as caught:
        newsdoc.write(Article(lead=("bell \x07",)), "nitf")
    reason = (
        "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters"
    )
    assert (caught.value.format, caught.value.reason) == ("nitf", reason)
    assert str(caught.value) == f"cannot write nitf: {reason}"


def test_kept_content_that_declares_a_dtd_is_refused_naming_its_path() -> None:
    kept = _kept("/nitf/head[1]/meta[1]", "<!DOCTYPE meta><meta/>")
    with pytest.raises(SerializationError) as caught:
        newsdoc.write(Article(lead=("One.",), extensions=(kept,)), "nitf")
    assert (caught.value.format, caught.value.reason) == (
        "nitf",
        "the nitf extension at /nitf/head[1]/meta[1]: the document declares a DTD; DTDs and "
        "entities are refused for safety",
    )


def test_a_provider_the_distributor_holds_whole_is_written_without_loss() -> None:
    provider = Concept(qcode="prov:acme", uri="https://acme.example/", name="Acme")
    assert _quietly(Article(lead=("One.",), provider=provider)) == _document(
        "  <body>",
        "    <body.head>",
        '      <distributor nd:qcode="prov:acme" nd:uri="https://acme.example/">Acme</distributor>',
        "    </body.head>",
        "    <body.content>",
        "      <p>One.</p>",
        "    </body.content>",
        "  </body>",
    )


def test_fields_nitf_cannot_hold_are_reported_at_the_callers_line() -> None:
    article = Article(lead=("One.",), genres=(Concept(qcode="genre:Current"),))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        document = newsdoc.write(article, "nitf")
    assert document == _document(*ONE)
    assert [(w.category, str(w.message)) for w in caught] == [
        (ContentLossWarning, "nitf cannot hold genres; left out")
    ]
    assert not Path(caught[0].filename).is_relative_to(NEWSDOC)  # the caller's, not newsdoc's


# -- timestamps ------------------------------------------------------------------------------


def test_a_utc_time_has_a_plus_sign_in_its_norm() -> None:
    moment = dt.datetime(2025, 3, 3, 12, 30, 5, tzinfo=UTC)
    assert norm_of_timestamp(moment) == "20250303T123005+0000"
    assert _quietly(Article(lead=("One.",), created=moment)) == _document(
        "  <head>",
        "    <docdata>",
        '      <date.issue norm="20250303T123005+0000"/>',
        "    </docdata>",
        "  </head>",
        *ONE,
    )


def test_an_embargo_in_the_year_1000_is_a_release_date() -> None:
    embargo = dt.datetime(1000, 1, 1, tzinfo=UTC)
    assert _quietly(Article(lead=("One.",), embargoed=embargo)) == _document(
        "  <head>",
        "    <docdata>",
        '      <date.release norm="10000101T000000+0000"/>',
        "    </docdata>",
        "  </head>",
        *ONE,
    )


def test_an_embargo_before_the_year_1000_is_reported_at_the_callers_line() -> None:
    embargo = dt.datetime(999, 12, 31, 23, 59, tzinfo=UTC)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        document = newsdoc.write(Article(lead=("One.",), embargoed=embargo), "nitf")
    assert document == _document(*ONE)
    assert [(w.category, str(w.message)) for w in caught] == [
        (
            ContentLossWarning,
            "nitf: embargoed 0999-12-31T23:59:00+00:00 is left out: date.release takes whole "
            "seconds and whole-minute offsets",
        )
    ]
    assert not Path(caught[0].filename).is_relative_to(NEWSDOC)  # the caller's, not newsdoc's


# -- kept attributes -------------------------------------------------------------------------


def test_kept_attributes_go_back_on_the_root_and_the_revision_history() -> None:
    source = (
        '<nitf xml:lang="en"><head><revision-history norm="20250101T000000+0000" name="Ann"/>'
        "</head><body><body.content><p>One.</p></body.content></body></nitf>"
    )
    assert _round(source) == _document(
        "  <head>",
        '    <revision-history norm="20250101T000000+0000" name="Ann"/>',
        "  </head>",
        *ONE,
        attributes=' xml:lang="en"',
    )


def test_kept_attributes_without_a_place_are_reported_and_the_others_still_go_back() -> None:
    article = Article(
        lead=("One.",),
        extensions=(
            _kept("/nitf/head[1]/tobject[1]", attributes=(("tobject.type", "news"),)),
            _kept(f"{BODY_HEAD}/byline[1]", attributes=(("class", "lead"),)),
            _kept("/nitf", attributes=(("xml:lang", "en"),)),
        ),
    )
    document, caught = _lost(article)
    assert document == _document(*ONE, attributes=' xml:lang="en"')
    assert [(w.category, str(w.message)) for w in caught] == [
        (
            ContentLossWarning,
            "nitf: kept content has no place in the document written: /nitf/head[1]/tobject[1], "
            "/nitf/body[1]/body.head[1]/byline[1]",
        )
    ]
    assert not Path(caught[0].filename).is_relative_to(NEWSDOC)  # the caller's, not newsdoc's


def test_attributes_kept_for_a_replaced_element_go_on_the_kept_element() -> None:
    article = Article(
        bylines=("Jane Doe",),
        lead=("One.",),
        extensions=(
            _kept(f"{BODY_HEAD}/byline[1]", f"<byline {NITF_NS}>Jane <em>Doe</em></byline>"),
            _kept(f"{BODY_HEAD}/byline[1]", attributes=(("xml:lang", "de"),)),
        ),
    )
    assert _quietly(article) == _document(
        "  <body>",
        "    <body.head>",
        '      <byline xml:lang="de">Jane <em>Doe</em></byline>',
        "    </body.head>",
        "    <body.content>",
        "      <p>One.</p>",
        "    </body.content>",
        "  </body>",
    )


def test_a_notice_uri_stays_on_kept_notice_markup_that_reads_the_same() -> None:
    article = Article(
        lead=("One.",),
        rights=Rights(notice="© Acme", notice_uri="https://acme.example/terms"),
        extensions=(
            _kept(f"{BODY_HEAD}/rights[1]", f"<rights {NITF_NS}>© <org>Acme</org></rights>"),
        ),
    )
    assert _quietly(article) == _document(
        "  <body>",
        "    <body.head>",
        '      <rights nd:uri="https://acme.example/terms">© <org>Acme</org></rights>',
        "    </body.head>",
        "    <body.content>",
        "      <p>One.</p>",
        "    </body.content>",
        "  </body>",
    )


# -- kept elements ---------------------------------------------------------------------------


def test_kept_head_elements_go_back_by_name_and_position() -> None:
    source = _nitf(
        '<x:foo xmlns:x="urn:x"/><meta name="a" content="b"/><docdata><fixture fix-id="f"/>'
        "</docdata>",
        "",
        "<p>One.</p>",
    )
    assert _round(source) == _document(
        "  <head>",
        '    <x:foo xmlns:x="urn:x"/>',
        '    <meta content="b" name="a"/>',
        "    <docdata>",
        '      <fixture fix-id="f"/>',
        "    </docdata>",
        "  </head>",
        *ONE,
    )


def test_a_second_annotations_element_goes_back_as_it_was() -> None:
    nd = 'xmlns:nd="https://newsdoc.dev/ns/nitf/1"'
    source = _nitf(
        f"<nd:annotations {nd}/><nd:annotations {nd}><nd:x/></nd:annotations>", "", "<p>One.</p>"
    )
    assert _round(source) == _document(
        "  <head>",
        "    <nd:annotations><nd:x/></nd:annotations>",
        "  </head>",
        *ONE,
    )


def test_kept_markup_of_headline_byline_and_abstract_replaces_what_reads_the_same() -> None:
    source = _nitf(
        "",
        "<hedline><hl1>River <em>talks</em></hl1></hedline><byline>Jane <em>Doe</em></byline>"
        "<abstract><p>In <em>short</em></p></abstract>",
        "<hl2>Part <money>one</money></hl2><p>One.</p>",
    )
    assert _round(source) == _document(
        "  <body>",
        "    <body.head>",
        "      <hedline>",
        "        <hl1>River <em>talks</em></hl1>",
        "      </hedline>",
        "      <byline>Jane <em>Doe</em></byline>",
        "      <abstract><p>In <em>short</em></p></abstract>",
        "    </body.head>",
        "    <body.content>",
        "      <hl2>Part <money>one</money></hl2>",
        "      <p>One.</p>",
        "    </body.content>",
        "  </body>",
    )


def test_kept_abstract_markup_replaces_the_abstract_that_reads_the_same() -> None:
    article = Article(
        description="In short",
        lead=("One.",),
        extensions=(
            _kept(
                f"{BODY_HEAD}/abstract[1]",
                f"<abstract {NITF_NS}><p>In <em>short</em></p></abstract>",
            ),
        ),
    )
    assert _quietly(article) == _document(
        "  <body>",
        "    <body.head>",
        "      <abstract><p>In <em>short</em></p></abstract>",
        "    </body.head>",
        *ONE[1:],
    )


def test_a_headline_changed_to_begin_with_by_is_written_as_changed() -> None:
    source = _nitf("", "<hedline><hl1>River <em>talks</em></hl1></hedline>", "<p>One.</p>")
    article = attrs.evolve(newsdoc.read(source, format="nitf"), headline="By River talks")
    document, caught = _lost(article)
    assert [(w.category, str(w.message)) for w in caught] == [
        (
            ContentLossWarning,
            "nitf: kept content has no place in the document written: "
            "/nitf/body[1]/body.head[1]/hedline[1]/hl1[1]",
        )
    ]
    assert document == _document(
        "  <body>",
        "    <body.head>",
        "      <hedline>",
        "        <hl1>By River talks</hl1>",
        "      </hedline>",
        "    </body.head>",
        *ONE[1:],
    )


def test_a_kept_block_goes_before_a_heading_with_the_same_words() -> None:
    source = _nitf(
        "", "", "<table><tr><td>Part one</td></tr></table><hl2>Part one</hl2><p>One.</p>"
    )
    assert _round(source) == _document(
        "  <body>",
        "    <body.content>",
        "      <table><tr><td>Part one</td></tr></table>",
        "      <hl2>Part one</hl2>",
        "      <p>One.</p>",
        "    </body.content>",
        "  </body>",
    )


def test_a_second_kept_heading_at_one_place_goes_before_the_first() -> None:
    article = Article(
        sections=(Section(heading="Part one", paragraphs=("One.",)),),
        extensions=(
            _kept(f"{CONTENT}/*[1]", f"<hl2 {NITF_NS}>Part <money>one</money></hl2>"),
            _kept(f"{CONTENT}/*[1]", f"<hl2 {NITF_NS}>Part <num>one</num></hl2>"),
        ),
    )
    assert _quietly(article) == _document(
        "  <body>",
        "    <body.content>",
        "      <hl2>Part <num>one</num></hl2>",
        "      <hl2>Part <money>one</money></hl2>",
        "      <p>One.</p>",
        "    </body.content>",
        "  </body>",
    )


def test_empty_kept_abstracts_go_back_as_they_were() -> None:
    source = _nitf("", "<abstract><p/></abstract><abstract><p>Sum</p></abstract>", "<p>One.</p>")
    assert _round(source) == _document(
        "  <body>",
        "    <body.head>",
        "      <abstract><p/></abstract>",
        "      <abstract><p>Sum</p></abstract>",
        "    </body.head>",
        *ONE[1:],
    )


def test_an_empty_kept_element_goes_before_its_written_namesake() -> None:
    article = Article(
        description="Sum",
        lead=("One.",),
        extensions=(_kept(f"{BODY_HEAD}/abstract[1]", f"<abstract {NITF_NS}><p/></abstract>"),),
    )
    assert _quietly(article) == _document(
        "  <body>",
        "    <body.head>",
        "      <abstract><p/></abstract>",
        "      <abstract>",
        "        <p>Sum</p>",
        "      </abstract>",
        "    </body.head>",
        *ONE[1:],
    )
    source = _nitf("", "<byline/><byline>By <person>Jane</person></byline>", "<p>One.</p>")
    assert _round(source) == _document(
        "  <body>",
        "    <body.head>",
        "      <byline/>",
        "      <byline>By <person>Jane</person></byline>",
        "    </body.head>",
        *ONE[1:],
    )


@pytest.mark.parametrize(
    ("path", "content"),
    [
        (f"{BODY_HEAD}/byline[1]", f"<note {NITF_NS}/>"),  # another element than the written
        (f"{BODY_HEAD}/hedline[1]", f"<hedline {NITF_NS}/>"),  # not one body.head repeats
        (f"{BODY_HEAD}/byline[1]", f"<byline {NITF_NS}>By</byline>"),  # words of its own
        ("/nitf/head[1]/tobject", f"<tobject {NITF_NS}/>"),  # no step NITF paths have
    ],
    ids=["other-name", "not-repeated", "with-words", "no-step"],
)
def test_kept_elements_that_cannot_go_at_their_path_are_reported(path: str, content: str) -> None:
    article = Article(headline="Talks", bylines=("Jane",), lead=("One.",))
    document, caught = _lost(attrs.evolve(article, extensions=(_kept(path, content),)))
    assert document == _document(
        "  <body>",
        "    <body.head>",
        "      <hedline>",
        "        <hl1>Talks</hl1>",
        "      </hedline>",
        "      <byline>By Jane</byline>",
        "    </body.head>",
        *ONE[1:],
    )
    assert [(w.category, str(w.message)) for w in caught] == [
        (ContentLossWarning, f"nitf: kept content has no place in the document written: {path}")
    ]


def test_kept_elements_under_kept_elements_go_inside_them() -> None:
    article = Article(
        lead=("One.",),
        extensions=(
            _kept("/nitf/head[1]/*[1]", '<x:box xmlns:x="urn:x"/>'),
            _kept("/nitf/head[1]/*[1]/meta[1]", f'<meta {NITF_NS} name="a" content="b"/>'),
            _kept("/nitf/head[1]/tobject[1]", f'<tobject {NITF_NS} tobject.type="news"/>'),
            _kept(
                "/nitf/head[1]/tobject[1]/tobject.property[1]",
                f'<tobject.property {NITF_NS} tobject.property.type="Current"/>',
            ),
        ),
    )
    assert _quietly(article) == _document(
        "  <head>",
        '    <x:box xmlns:x="urn:x"><meta name="a" content="b"/></x:box>',
        '    <tobject tobject.type="news"><tobject.property tobject.property.type="Current"/>'
        "</tobject>",
        "  </head>",
        *ONE,
    )


def test_a_kept_nitf_element_goes_before_an_element_of_another_namespace() -> None:
    article = Article(
        headline="Talks",
        lead=("One.",),
        extensions=(
            _kept(
                f"{BODY_HEAD}/hedline[1]",
                '<x:hedline xmlns:x="urn:x"><x:hl1>Talks</x:hl1></x:hedline>',
            ),
            _kept(f"{BODY_HEAD}/note[1]", f"<note {NITF_NS}><body.content/></note>"),
        ),
    )
    assert _quietly(article) == _document(
        "  <body>",
        "    <body.head>",
        "      <note><body.content/></note>",
        '      <x:hedline xmlns:x="urn:x"><x:hl1>Talks</x:hl1></x:hedline>',
        "    </body.head>",
        *ONE[1:],
    )


# -- kept markup in paragraphs ---------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "b <money>a</money> <money>b</money>",  # namesakes in their order
        "<money>a</money> a",  # the first occurrence
        "<money>a</money><num>a</num>",  # the next, right after one taken
        "<num>a</num><money>b</money>",  # right before one taken
        "b <money>a</money> <num>a</num>",  # the next after one taken further on
        "<money>a</money> <num>a</num> a",  # the next, not the last
        '<money>a</money> <x:t xmlns:x="urn:x">a</x:t>',  # NITF's before other namespaces'
    ],
)
def test_kept_markup_goes_back_at_its_own_words(paragraph: str) -> None:
    assert _round(_nitf("", "", f"<p>{paragraph}</p>")) == _document(
        "  <body>",
        "    <body.content>",
        f"      <p>{paragraph}</p>",
        "    </body.content>",
        "  </body>",
    )
