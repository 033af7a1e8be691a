"""Inputs the coverage-guided fuzzer found breaking a promise, each pinned by a test."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article, Extension, ParseError

REGRESSIONS = Path(__file__).parent / "data" / "regressions"


def read(name: str) -> Article:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return newsdoc.read((REGRESSIONS / name).read_bytes(), "newsml", extract=False)


def assert_round_trip(article: Article) -> None:
    written = newsdoc.write(article, "newsml")
    assert newsdoc.read(written, "newsml", extract=False) == article


def test_text_that_is_all_a_rights_info_holds_is_written_back() -> None:
    # The writer had no rightsInfo to put the kept text in: "has no place to go".
    article = read("fuzz_01_text_only_rights_info.xml")
    assert article.extensions == (
        Extension(
            format="newsml",
            path="/newsItem/rightsInfo[1]/text()",
            content="Stray words with no element",
        ),
    )
    assert_round_trip(article)


def test_a_no_break_space_between_elements_is_text_not_layout() -> None:
    # It was kept as stray text and then stripped to nothing, which read back unequal.
    article = read("fuzz_02_no_break_space_between_elements.xml")
    assert article.extensions == (
        Extension(format="newsml", path="/newsItem/itemMeta[1]/text()", content="\xa0"),
    )
    assert_round_trip(article)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        # Mutated IPTC samples: libxml2 only warned, as a later warning followed, so the
        # parse went on. lxml's QName then refused the root's own tag (a raw ValueError
        # escaped), or the undeclared prefix became part of a name no writer can write.
        ("fuzz_03_braces_in_namespace_uri.xml", "XMLSchemsML-G2' is not a valid URI"),
        ("fuzz_04_undeclared_prefix.xml", "Namespace prefix xm for snlxsi on newsItem"),
    ],
)
def test_documents_that_are_not_namespace_well_formed_are_refused(name: str, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        read(name)
    assert reason in caught.value.reason
    assert caught.value.line in (3, 7)
    assert caught.value.column is not None


def test_a_body_that_binds_the_nd_prefix_itself_is_kept_and_written_back() -> None:
    # The reader's marks declared nd a second time on the rendition: "xmlns:nd redefined".
    article = read("fuzz_05_body_binds_nd_elsewhere.xml")
    assert article.lead == ("One paragraph.",)
    written = newsdoc.write(article, "newsml")
    assert 'xmlns:nd="urn:other" contenttype="application/xhtml+xml" nd:keep="yes"' in written
    assert "digest" not in written
    assert newsdoc.read(written, "newsml", extract=False) == article


def test_text_that_is_all_a_content_set_holds_is_written_back() -> None:
    # The writer dropped the contentSet as empty, and the kept text with it, silently.
    article = read("fuzz_06_text_only_content_set.xml")
    assert [extension.path for extension in article.extensions] == [
        "/newsItem/contentSet[1]/text()"
    ]
    written = newsdoc.write(article, "newsml")
    assert "<contentSet>Words where a rendition belongs</contentSet>" in written
    assert_round_trip(article)


NAR = "http://iptc.org/std/nar/2006-10-01/"


@pytest.mark.parametrize(
    "foreign",
    [
        '<foo xmlns=""/>',
        '<foo xmlns="urn:example:other"/>',
        '<o:foo xmlns:o="urn:example:other"/>',
        '<o:foo xmlns:o="urn:example:other"/>text<o:foo xmlns:o="urn:example:other"/>',
    ],
)
def test_a_comment_before_an_element_of_another_namespace_stays_before_it(foreign: str) -> None:
    # The writer looked the anchor up as a NewsML-G2 name, missed it and put the comment
    # at the end of the parent, so the item read back otherwise.
    item = (
        f'<newsItem xmlns="{NAR}" guid="urn:x:1" version="1"><contentMeta>'
        f"<headline>H</headline><!-- before -->{foreign}</contentMeta></newsItem>"
    )
    article = newsdoc.read(item, "newsml", extract=False)
    assert any(e.path.endswith("foo[1]/preceding-sibling::comment()") for e in article.extensions)
    written = newsdoc.write(article, "newsml")
    assert written.index("<!-- before -->") < written.index("foo")
    assert_round_trip(article)


def test_text_before_a_container_that_holds_only_text_stays_before_it() -> None:
    # The anchor was looked up before the container was made for its own text, missed,
    # and remembered as missing: the second text found "no place to go".
    article = read("fuzz_07_text_before_and_in_a_text_only_container.xml")
    assert [extension.path for extension in article.extensions] == [
        "/newsItem/rightsInfo[1]/preceding-sibling::text()",
        "/newsItem/rightsInfo[1]/text()",
    ]
    written = newsdoc.write(article, "newsml")
    assert written.index("Words before") < written.index("<rightsInfo>Words inside")
    assert_round_trip(article)
