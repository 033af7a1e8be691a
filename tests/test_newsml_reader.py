import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import newsdoc
from newsdoc import (
    Article,
    Concept,
    ParseError,
    Party,
    PubStatus,
    UnmappedContentError,
    UnreadContentWarning,
)
from newsdoc.formats._body import fold_layout
from newsdoc.formats.newsml._kept import serialised

DATA = Path(__file__).parent / "data" / "newsml"
NAR = "http://iptc.org/std/nar/2006-10-01/"
TEXT_SAMPLES = sorted(p.name for p in DATA.glob("*.xml") if "LISTING_24" not in p.name)


def read(name: str, **options: bool) -> Article:
    return newsdoc.read(DATA / name, **options)


@pytest.mark.parametrize("name", TEXT_SAMPLES)
def test_every_sample_reads(name: str) -> None:
    article = read(name)
    assert article.id
    assert article.version == (1 if "LISTING_21" in name else 11)
    assert article.updated is not None
    assert article.updated.tzinfo is not None


def test_nitf_text_document() -> None:
    article = read("LISTING_2_NewsML-G2_Text_Document.xml")
    assert article.id == "urn:newsml:acmenews.com:20161121:US-FINANCE-FED"
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.bylines == ("Meredith Jameson, Staff Reporter",)
    assert article.slugline == "US-Finance-Fed"
    assert article.language == "en-US"
    assert article.pub_status is PubStatus.USABLE
    assert article.updated == dt.datetime(
        2018, 11, 21, 16, 25, 32, tzinfo=dt.timezone(dt.timedelta(hours=-5))
    )
    assert article.located is not None
    assert (article.located.qcode, article.located.name) == ("geoloc:NYC", "New York, NY")
    assert [(s.qcode, s.name) for s in article.subjects] == [
        ("medtop:04000000", "economy, business and finance"),
        ("medtop:20000350", "central bank"),
        ("medtop:20000379", "money and monetary policy"),
    ]
    assert article.rights is not None
    assert article.rights.holder == "Acme News and Media LLC"
    assert article.rights.notice == "Copyright 2017-18 Acme News and Media LLC"
    assert len(article.lead) == 2
    assert article.lead[0].startswith("(New York, NY - October 21) Et, sent luptat luptat")
    assert article.lead[-1].endswith("esto cons dolutpat, si.")
    kept = {e.path for e in article.extensions}
    assert not any("/creator[" in path or "/infoSource[" in path for path in kept)
    assert "/newsItem/catalogRef[2]" in kept


def test_receiver_view_keeps_urgency_and_usage_terms() -> None:
    article = read("Receiver_View.xml")
    assert article.urgency == 5
    assert article.bylines == ("Meredith Jameson, NAG Reporter",)
    assert article.rights is not None
    assert article.rights.usage_terms is not None
    assert article.rights.usage_terms.startswith("NAG Example: Contact your local office")
    assert article.lead[0].startswith("(New York, NY - November 21)")


def test_sports_story_with_nitf_body() -> None:
    article = read("LISTING_22_Sports_story_in_NewsML-G2NITF.xml")
    assert article.headline == (
        "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m."
    )
    assert article.bylines == ("Sports Network",)
    assert len(article.lead) == 6
    assert article.lead[0].startswith("(Sports Network) - A pair of teams coming off big")
    assert article.lead[-1].endswith("Garcia has gone 0-2 over his last six starts.")
    assert ("team:l.mlb.com-t.19", "Philadelphia Phillies") in [
        (s.qcode, s.name) for s in article.subjects
    ]
    assert [g.qcode for g in article.genres][:2] == [
        "spfixt:pre-event-coverage",
        "dclass:event-summary",
    ]


def test_news_item_metadata_with_an_empty_body() -> None:
    article = read("LISTING_1_A_NewsML-G2_News_Item.xml")
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.paragraphs == ()
    assert article.located == Concept(
        qcode="geo:345678",
        name="Berlin",
        kind="cptype:city",
        broader=(
            Concept(qcode="prov:2365", name="Berlin", kind="cptype:statprov"),
            Concept(qcode="iso3166-1a2:DE", name="Germany", kind="cptype:country"),
        ),
    )
    assert [g.qcode for g in article.genres] == ["genre:interview"]
    assert [(s.qcode, s.name) for s in article.subjects] == [
        ("medtop:04000000", "economy, business and finance"),
        ("medtop:20000523", "labour market"),
    ]
    assert article.rights is not None
    assert article.rights.usage_terms == "Not for use outside the United States"


def test_a_copyright_holder_without_a_name_is_kept_once_whole() -> None:
    article = read("LISTING_27_Company_Financial_Information.xml")
    assert article.rights is not None
    assert article.rights.holder is None
    kept = [e for e in article.extensions if "copyrightHolder" in e.path]
    assert [e.path for e in kept] == ["/newsItem/rightsInfo[1]/copyrightHolder[1]"]
    assert 'uri="http://www.acmenews.com"' in kept[0].content


def test_photo_item_keywords_and_creditline() -> None:
    article = read("LISTING_3_Photo_in_NewsML-G2.xml")
    assert article.headline == "Variety Of Recessionary Forces Leave Las Vegas Economy Scarred"
    assert article.creditline == "Getty Images"
    assert article.keywords[:3] == ("business", "economic", "economy")
    assert "/newsItem/itemMeta[1]/itemClass[1]" in {e.path for e in article.extensions}


def test_sportsml_body_is_kept_not_dropped() -> None:
    article = read("LISTING_21_A_complete_sample_SportsML-G2_document.xml")
    kept = [e for e in article.extensions if e.path.startswith("/newsItem/contentSet[1]")]
    assert kept
    assert "sports-content" in kept[0].content


@pytest.mark.parametrize(
    "name", ["LISTING_29_Hop_History.xml", "facet-example.xml", "ap_metadata_example.xml"]
)
def test_unmapped_structures_are_kept_by_path(name: str) -> None:
    article = read(name)
    assert article.extensions
    for extension in article.extensions:
        assert extension.format == "newsml"
        assert extension.path == "/newsItem" or extension.path.startswith("/newsItem/")


def test_strict_mode_refuses_unmapped_content() -> None:
    with pytest.raises(UnmappedContentError) as caught:
        read("LISTING_2_NewsML-G2_Text_Document.xml", strict=True)
    assert "/newsItem/catalogRef[1]" in caught.value.paths
    assert isinstance(caught.value, ParseError)


def test_strict_mode_accepts_what_newsdoc_wrote() -> None:
    article = Article(headline="Talks resume", lead=("Negotiators met again.",))
    written = newsdoc.write(article, "newsml")
    assert newsdoc.read(written, format="newsml", strict=True) == article


def test_a_news_message_yields_one_article_per_item() -> None:
    items = [
        newsdoc.write(Article(id=f"urn:x:{n}", lead=(f"Paragraph {n}.",)), "newsml")
        for n in (1, 2, 3)
    ]
    bodies = "".join(item.split("\n", 1)[1] for item in items)
    message = (
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header>'
        "<sent>2025-03-03T10:00:00Z</sent></header>"
        f"<itemSet>{bodies}</itemSet></newsMessage>"
    )
    with pytest.warns(UnreadContentWarning, match=r"/newsMessage/header\[1\]"):
        articles = list(newsdoc.read_all(message, format="newsml"))
    assert [a.id for a in articles] == ["urn:x:1", "urn:x:2", "urn:x:3"]
    with pytest.warns(UnreadContentWarning), pytest.raises(ParseError, match="more than one"):
        newsdoc.read(message, format="newsml")


def test_a_news_message_without_items_is_an_error() -> None:
    message = '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet/></newsMessage>'
    with pytest.raises(ParseError, match="holds no article"):
        newsdoc.read(message, format="newsml")


def test_xhtml_bodies_map_headings_to_sections_and_trailer_divs() -> None:
    item = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"
      standard="NewsML-G2" standardversion="2.35">
      <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>
        <versionCreated>2025-03-03T10:00:00Z</versionCreated></itemMeta>
      <contentSet><inlineXML contenttype="application/xhtml+xml">
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>
          <h1>Port reopens</h1>
          <p>The port reopened on
             Monday.</p>
          <h2>What changed</h2><p>Cranes were repaired.</p>
          <h3>Who pays</h3><ul><li>The city.</li></ul>
          <div class="trailer"><p>© 2025 Example.</p></div>
        </body></html></inlineXML></contentSet></newsItem>"""
    article = newsdoc.read(item, format="newsml")
    assert article.headline == "Port reopens"
    assert article.lead == ("The port reopened on Monday.",)
    assert [(s.heading, s.paragraphs) for s in article.sections] == [
        ("What changed", ("Cranes were repaired.",)),
        ("Who pays", ("The city.",)),
    ]
    assert article.trailer == ("© 2025 Example.",)


def test_bad_values_name_their_path() -> None:
    item = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="two"/>'
    with pytest.raises(ParseError) as caught:
        newsdoc.read(item, format="newsml")
    assert caught.value.path == "/newsItem/@version"
    assert caught.value.line == 1


def test_relative_namespace_uris_are_kept_used_or_not() -> None:
    # C14N refuses relative namespace URIs; newsdoc still keeps what uses one.
    data = (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:x="www.example.com" '
        'xmlns:y="relative/unused" guid="g" version="1" standard="NewsML-G2" '
        'standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/>'
        '<provider literal="p"/><versionCreated>2020-01-01T00:00:00Z</versionCreated>'
        '</itemMeta><contentMeta><headline>H</headline><x:thing a="1">t</x:thing>'
        '<creator qcode="c:1"/><audience qcode="a:1"/></contentMeta></newsItem>'
    )
    article = newsdoc.read(data, format="newsml")
    kept = {e.path: e.content for e in article.extensions}
    assert kept["/newsItem/contentMeta[1]/x:thing[1]"] == (
        '<x:thing xmlns:x="www.example.com" a="1">t</x:thing>'
    )
    assert kept["/newsItem/contentMeta[1]/audience[1]"] == (
        '<audience xmlns="http://iptc.org/std/nar/2006-10-01/" qcode="a:1"></audience>'
    )
    assert article.creators == (Party(qcode="c:1"),)
    assert newsdoc.read(newsdoc.write(article, "newsml"), format="newsml") == article


@given(st.text(alphabet=" \t\r\nab\u00a0\u2028é\x0b\ud800", max_size=40))
def test_layout_folding_turns_every_run_of_xml_white_space_into_one_space(text: str) -> None:
    expected = re.sub(r"[ \t\r\n]+", " ", text).strip()
    assert fold_layout(text) == expected


_XML_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r&<>\"'")
)


@given(
    st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True), _XML_TEXT, max_size=4),
    _XML_TEXT,
    st.none() | _XML_TEXT,
)
def test_a_kept_leaf_reads_as_lxml_would_canonicalise_it(
    attributes: dict[str, str], text: str, language: str | None
) -> None:
    leaf = etree.Element("{http://iptc.org/std/nar/2006-10-01/}edNote", nsmap={None: NAR})
    for name, value in attributes.items():
        leaf.set(name, value)
    if language is not None:
        leaf.set("{http://www.w3.org/XML/1998/namespace}lang", language)
    leaf.text = text
    canonical = etree.tostring(leaf, method="c14n", exclusive=True, with_comments=True)
    assert serialised(leaf) == canonical.decode("utf-8")
