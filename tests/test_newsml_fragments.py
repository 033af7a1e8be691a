"""The IPTC samples that are parts of an item, read inside a minimal newsItem."""

from pathlib import Path

from lxml import etree

import newsdoc
from newsdoc import Concept, Dateline
from newsdoc.formats.newsml.fidelity import fidelity
from newsdoc.formats.newsml.schema import validate

FRAGMENTS = Path(__file__).parent / "data" / "newsml" / "fragments"
NITF_ARTICLE = "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml"
CONTENT_META = "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml"


def in_news_item(name: str) -> bytes:
    """The fragment, unchanged, after the itemMeta of a minimal newsItem."""
    fragment = (FRAGMENTS / name).read_text(encoding="utf-8")
    return (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:fragment" '
        'version="1" standard="NewsML-G2" standardversion="2.35">'
        '<itemMeta><itemClass qcode="ninat:text"/><provider literal="test"/>'
        "<versionCreated>2016-10-18T11:12:00Z</versionCreated></itemMeta>"
        f"{fragment}</newsItem>"
    ).encode()


def test_an_nitf_article_maps_headline_byline_and_body() -> None:
    data = in_news_item(NITF_ARTICLE)
    article = newsdoc.read(data, format="newsml")
    assert article.headline == (
        "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m."
    )
    assert article.bylines == ("Sports Network",)
    assert article.lead == (
        "(Sports Network) - With the Philadelphia Phillies picking up momentum after their "
        "three-game sweep of the Atlanta Braves, and the Arizona Diamondbacks capturing all "
        "four of their games against the Houston Astros, tonight's game at Citizen Bank Park "
        "looks set to be a clash of the Titans.",
    )
    assert article.sections == ()


def test_the_nitf_abstract_is_not_body_text_but_travels_with_the_rendition() -> None:
    data = in_news_item(NITF_ARTICLE)
    article = newsdoc.read(data, format="newsml")
    assert not any("weekend sweeps" in paragraph for paragraph in article.paragraphs)
    written = newsdoc.write(article, "newsml")
    assert "A pair of teams coming off big weekend sweeps" in written
    assert validate(etree.fromstring(written.encode("utf-8"))) == ()
    assert newsdoc.read(written, format="newsml") == article
    assert not fidelity(data)


def test_located_subjects_and_a_dateline_without_a_date() -> None:
    data = in_news_item(CONTENT_META)
    article = newsdoc.read(data, format="newsml")
    assert article.language == "en-US"
    assert article.located == Concept(qcode="city:Moscow", broader=(Concept(qcode="cntry:Russia"),))
    assert [s.qcode for s in article.subjects] == ["city:Tskhinvali", "city:Tblisi"]
    assert article.dateline == Dateline(place="MOSCOW, Monday (Reuters)")
    assert [b.qcode for b in article.subjects[0].broader] == ["reg:SouthOssetia"]
    assert article.creators
    assert article.content_created is not None
    assert article.extensions == ()
    written = newsdoc.write(article, "newsml")
    assert validate(etree.fromstring(written.encode("utf-8"))) == ()
    assert newsdoc.read(written, format="newsml") == article
    assert not fidelity(data)
