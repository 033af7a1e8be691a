"""ninjs writing at its edges: the exact properties written for one field at a time.

Pins the ``uri`` made up for an article without an id, the joined ``by`` line of several
bylines, the ``sub`` headline, which further headlines are native, subjects and genres with
every identifier, info sources with their name, qcode and several roles, the 1.6 cut of a
uri into ``scheme`` and ``code``, the 1.6 association ``title``, the XHTML body of several
paragraphs, body text that the XHTML dialect would fold, and the error for a body that XML
cannot hold.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from lxml import etree

import newsdoc
from newsdoc import Article, Concept, Link, Party, RoleText, Section, SerializationError
from newsdoc.formats.ninjs._names import CARRIER_KEY, CARRIER_TYPE
from ninjs_documents import carried, written

BODY = ("One.",)
STANDARD_3_1 = {
    "name": "ninjs",
    "version": "3.1",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
}
STANDARD_1_6 = {
    "name": "ninjs",
    "version": "1.6",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json",
}
BODIES_3_1 = [
    {"role": "main", "contentType": "text/plain", "value": "One."},
    {"role": "richtext", "contentType": "application/xhtml+xml", "value": "<p>One.</p>"},
]


def _native(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` without the newsdoc rendition: what other ninjs consumers see."""
    plain = {key: value for key, value in document.items() if key != CARRIER_KEY}
    if "bodies" in plain:
        plain["bodies"] = [b for b in plain["bodies"] if b.get("contentType") != CARRIER_TYPE]
    return plain


def _round_trip(article: Article, format: str) -> dict[str, Any]:
    """The valid document ``format`` writes for ``article``, checked to read back equal."""
    document = written(article, format)
    assert newsdoc.read(json.dumps(document), format) == article
    return document


# -- the uri of an article without an id -----------------------------------------------------


@pytest.mark.parametrize("format", ["ninjs", "ninjs-1.6"])
def test_an_article_without_an_id_gets_a_uri_from_the_digest_of_its_paragraphs(
    format: str,
) -> None:
    article = Article(
        lead=("Lead one.", "Lead two."),
        sections=(Section(heading="Heading", paragraphs=("In the section.",)),),
        trailer=("Trailer line.",),
    )
    document = _round_trip(article, format)
    # The paragraphs are the lead and the sections' paragraphs, not headings or trailer.
    digest = hashlib.sha1(b"Lead one.\nLead two.\nIn the section.").hexdigest()
    assert document["uri"] == f"urn:newsdoc:unidentified:{digest[:16]}"
    assert len(document["uri"]) == len("urn:newsdoc:unidentified:") + 16
    assert carried(document) == {"id": None}


def test_the_made_up_uri_depends_on_the_paragraphs_text() -> None:
    first = written(Article(lead=("Alpha.",)), "ninjs")["uri"]
    second = written(Article(lead=("Beta.",)), "ninjs")["uri"]
    assert first == "urn:newsdoc:unidentified:" + hashlib.sha1(b"Alpha.").hexdigest()[:16]
    assert second == "urn:newsdoc:unidentified:" + hashlib.sha1(b"Beta.").hexdigest()[:16]
    assert first != second


# -- bylines -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bylines", "joined"),
    [
        (("Ann Lee",), "Ann Lee"),
        (("Ann Lee", "Bob Roe"), "Ann Lee and Bob Roe"),
        (("Ann Lee", "Bob Roe", "Cy Doe"), "Ann Lee, Bob Roe and Cy Doe"),
        (("A", "B", "C", "D"), "A, B, C and D"),
    ],
)
def test_several_bylines_are_one_by_line_joined_by_commas_and_a_final_and(
    bylines: tuple[str, ...], joined: str
) -> None:
    article = Article(id="urn:x:1", bylines=bylines, lead=BODY)
    modern = _round_trip(article, "ninjs")
    legacy = _round_trip(article, "ninjs-1.6")
    assert modern["by"] == joined
    assert legacy["byline"] == joined


# -- headlines ---------------------------------------------------------------------------------


def test_a_subheadline_is_the_headline_of_role_sub_after_the_main_one() -> None:
    article = Article(id="urn:x:1", headline="Main line", subheadline="Sub line", lead=BODY)
    document = _round_trip(article, "ninjs")
    assert _native(document) == {
        "uri": "urn:x:1",
        "type": "text",
        "headlines": [
            {"role": "main", "value": "Main line"},
            {"role": "sub", "value": "Sub line"},
        ],
        "bodies": BODIES_3_1,
        "standard": STANDARD_3_1,
    }
    assert carried(document) == {}


def test_a_subheadline_alone_is_the_only_headline_and_reads_back_as_the_subheadline() -> None:
    article = Article(id="urn:x:1", subheadline="Only the sub", lead=BODY)
    document = _round_trip(article, "ninjs")
    assert document["headlines"] == [{"role": "sub", "value": "Only the sub"}]


@pytest.mark.parametrize("text", [" Padded", "Padded ", "Two\nlines", "Two\u2028lines"])
def test_a_further_headline_that_is_not_one_clean_line_travels_only_in_the_rendition(
    text: str,
) -> None:
    article = Article(
        id="urn:x:1",
        headline="Main",
        other_headlines=(RoleText(text="Short", role="hlrole:short"), RoleText(text=text)),
        lead=BODY,
    )
    document = _round_trip(article, "ninjs")
    assert document["headlines"] == [
        {"role": "main", "value": "Main"},
        {"role": "hlrole:short", "value": "Short"},
    ]
    assert carried(document) == {
        "other_headlines": [
            {"text": "Short", "role": "hlrole:short", "language": None},
            {"text": text, "role": None, "language": None},
        ]
    }


# -- concepts ----------------------------------------------------------------------------------


def test_subjects_and_genres_are_written_with_name_uri_and_qcode() -> None:
    article = Article(
        id="urn:x:1",
        subjects=(
            Concept(
                qcode="medtop:11000000", uri="http://cv.iptc.org/medtop/11000000", name="politics"
            ),
            Concept(uri="http://cv.iptc.org/medtop/04000000"),
        ),
        genres=(Concept(qcode="genre:Current", uri="http://cv.iptc.org/genre/Current"),),
        lead=BODY,
    )
    document = _round_trip(article, "ninjs")
    assert _native(document) == {
        "uri": "urn:x:1",
        "type": "text",
        "bodies": BODIES_3_1,
        "subjects": [
            {
                "name": "politics",
                "uri": "http://cv.iptc.org/medtop/11000000",
                "literal": "medtop:11000000",
            },
            {"uri": "http://cv.iptc.org/medtop/04000000"},
        ],
        "genres": [{"uri": "http://cv.iptc.org/genre/Current", "literal": "genre:Current"}],
        "standard": STANDARD_3_1,
    }
    assert carried(document) == {}


def test_ninjs_1_6_writes_subjects_and_genres_as_code_or_scheme_and_code() -> None:
    article = Article(
        id="urn:x:1",
        subjects=(Concept(uri="http://cv.iptc.org/medtop/04000000", name="economy"),),
        genres=(Concept(qcode="genre:Current"),),
        lead=BODY,
    )
    document = _round_trip(article, "ninjs-1.6")
    assert document["subject"] == [
        {"name": "economy", "scheme": "http://cv.iptc.org/medtop/", "code": "04000000"}
    ]
    assert document["genre"] == [{"code": "genre:Current"}]
    assert carried(document) == {}


@pytest.mark.parametrize(
    ("uri", "members"),
    [
        ("/abc", {"scheme": "/", "code": "abc"}),
        ("#frag", {"scheme": "#", "code": "frag"}),
        (":x", {"scheme": ":", "code": "x"}),
        ("a:b", {"scheme": "a:", "code": "b"}),
        ("http://x/a#b", {"scheme": "http://x/a#", "code": "b"}),
        ("urn:a:b/c", {"scheme": "urn:a:b/", "code": "c"}),
    ],
)
def test_ninjs_1_6_cuts_a_uri_after_its_last_slash_hash_or_colon(
    uri: str, members: dict[str, str]
) -> None:
    article = Article(id="urn:x:1", subjects=(Concept(uri=uri),), lead=BODY)
    document = _round_trip(article, "ninjs-1.6")
    assert document["subject"] == [members]
    assert carried(document) == {}


@pytest.mark.parametrize("uri", ["no-separator", "http://x/", "urn:a:", "#", "x#"])
def test_ninjs_1_6_cannot_cut_a_uri_without_a_code_so_the_concept_travels_in_the_rendition(
    uri: str,
) -> None:
    article = Article(id="urn:x:1", subjects=(Concept(uri=uri),), lead=BODY)
    document = _round_trip(article, "ninjs-1.6")
    assert _native(document) == {
        "uri": "urn:x:1",
        "type": "text",
        "body_text": "One.",
        "body_xhtml": "<p>One.</p>",
        "$standard": STANDARD_1_6,
    }
    assert [subject["uri"] for subject in carried(document)["subjects"]] == [uri]


def test_ninjs_1_6_keeps_the_name_of_a_concept_whose_uri_it_cannot_cut() -> None:
    article = Article(id="urn:x:1", subjects=(Concept(uri="http://x/", name="X"),), lead=BODY)
    document = _round_trip(article, "ninjs-1.6")
    assert document["subject"] == [{"name": "X"}]


# -- info sources ------------------------------------------------------------------------------


def test_info_sources_are_written_with_name_qcode_uri_and_every_role() -> None:
    article = Article(
        id="urn:x:1",
        provider=Concept(qcode="nprov:REUTERS", name="Reuters"),
        info_sources=(
            Party(
                name="Local desk",
                qcode="desk:local",
                uri="http://example.com/desk",
                roles=("infosrc:originfo", "infosrc:poolfeed"),
            ),
            Party(name="Agency", qcode="nprov:AG"),
        ),
        lead=BODY,
    )
    modern = _round_trip(article, "ninjs")
    assert modern["infoSources"] == [
        {"name": "Reuters", "literal": "nprov:REUTERS", "role": "provider"},
        {
            "name": "Local desk",
            "uri": "http://example.com/desk",
            "literal": "desk:local",
            "role": "infosrc:originfo infosrc:poolfeed",
        },
        {"name": "Agency", "literal": "nprov:AG"},
    ]
    assert carried(modern) == {}
    legacy = _round_trip(article, "ninjs-1.6")
    assert legacy["infosource"] == [
        {"name": "Reuters", "code": "nprov:REUTERS", "rel": "provider"},
        {"name": "Local desk", "code": "desk:local", "rel": "infosrc:originfo infosrc:poolfeed"},
        {"name": "Agency", "code": "nprov:AG"},
    ]


# -- associations in 1.6 -----------------------------------------------------------------------


def test_ninjs_1_6_writes_a_link_title_as_the_association_title() -> None:
    article = Article(
        id="urn:x:1",
        links=(
            Link(relation="irel:seeAlso", target_id="urn:x:2", title="Earlier story"),
            Link(relation="featuremedia", target="http://x/p.jpg", content_type="image/jpeg"),
        ),
        lead=BODY,
    )
    document = _round_trip(article, "ninjs-1.6")
    assert document["associations"] == {
        "irel:seeAlso": {"uri": "urn:x:2", "title": "Earlier story"},
        "featuremedia": {
            "uri": "http://x/p.jpg",
            "renditions": {"target": {"href": "http://x/p.jpg", "mimetype": "image/jpeg"}},
        },
    }
    assert carried(document) == {}


# -- the body ----------------------------------------------------------------------------------


def test_the_xhtml_body_is_every_element_back_to_back() -> None:
    article = Article(
        id="urn:x:1",
        lead=("First.", "Second."),
        sections=(Section(heading="More", paragraphs=("Third.", "Fourth.")),),
        trailer=("The end.",),
    )
    markup = (
        "<p>First.</p><p>Second.</p>"
        '<div class="section"><h2>More</h2><p>Third.</p><p>Fourth.</p></div>'
        '<div class="trailer"><p>The end.</p></div>'
    )
    text = "First.\nSecond.\nMore\nThird.\nFourth.\nThe end."
    modern = _round_trip(article, "ninjs")
    assert modern["bodies"] == [
        {"role": "main", "contentType": "text/plain", "value": text},
        {"role": "richtext", "contentType": "application/xhtml+xml", "value": markup},
    ]
    legacy = _round_trip(article, "ninjs-1.6")
    assert (legacy["body_text"], legacy["body_xhtml"]) == (text, markup)
    assert carried(modern) == carried(legacy) == {}


@pytest.mark.parametrize("format", ["ninjs", "ninjs-1.6"])
def test_a_body_whose_every_line_would_fold_travels_in_the_rendition(format: str) -> None:
    article = Article(
        id="urn:x:1",
        lead=("Two  spaces.",),
        sections=(Section(heading="A\theading", paragraphs=("Ends  here.",)),),
    )
    document = _round_trip(article, format)
    assert carried(document) == {
        "lead": ["Two  spaces."],
        "sections": [{"heading": "A\theading", "paragraphs": ["Ends  here."]}],
    }


@pytest.mark.parametrize("format", ["ninjs", "ninjs-1.6"])
def test_a_body_that_does_not_fold_needs_no_rendition(format: str) -> None:
    article = Article(
        id="urn:x:1",
        lead=("Plain.",),
        sections=(Section(heading="Heading", paragraphs=("Also plain.",)),),
        trailer=("Trailer.",),
    )
    document = _round_trip(article, format)
    assert carried(document) == {}


def _lxml_refusal(text: str) -> str:
    """What lxml says when it is given ``text`` for an element."""
    try:
        etree.Element("p").text = text
    except ValueError as exc:
        return str(exc)
    raise AssertionError("lxml took the text")


@pytest.mark.parametrize("format", ["ninjs", "ninjs-1.6"])
@pytest.mark.parametrize("text", ["a\x01b", "nul\x00", "bell\x07"])
def test_a_body_with_a_control_character_is_a_serialization_error_of_ninjs(
    format: str, text: str
) -> None:
    article = Article(id="urn:x:1", lead=("Fine.", text))
    with pytest.raises(SerializationError) as caught:
        newsdoc.write(article, format)
    reason = _lxml_refusal(text)
    assert type(caught.value) is SerializationError
    assert (caught.value.format, caught.value.reason) == ("ninjs", reason)
    assert str(caught.value) == f"cannot write ninjs: {reason}"
    assert isinstance(caught.value.__cause__, ValueError)
