"""NewsML-G2 inputs that once broke a promise: each is read, written and read back here."""

import warnings
from pathlib import Path

import pytest
from lxml import etree

import newsdoc
from newsdoc import (
    Article,
    Extension,
    ParseError,
    SerializationError,
    UnmappedContentError,
    UnreadContentWarning,
)
from newsdoc.formats import ReadOptions
from newsdoc.formats.newsml import read as read_one
from newsdoc.formats.newsml.fidelity import fidelity
from newsdoc.formats.newsml.schema import validate

REGRESSIONS = Path(__file__).parent / "data" / "regressions"
NEWSML = Path(__file__).parent / "data" / "newsml"
NAR = "http://iptc.org/std/nar/2006-10-01/"
ITEM = (
    f'<newsItem xmlns="{NAR}" guid="g" version="1" standard="NewsML-G2" standardversion="2.35">'
    '<itemMeta><itemClass qcode="ninat:text"/><provider literal="p"/>'
    "<versionCreated>2020-01-01T00:00:00Z</versionCreated>{meta}</itemMeta>"
    "<contentMeta><headline>H</headline></contentMeta>{body}</newsItem>"
)


def read(name: str, *, strict: bool = False) -> Article:
    return newsdoc.read((REGRESSIONS / name).read_bytes(), format="newsml", strict=strict)


def round_trip(article: Article) -> tuple[str, Article]:
    written = newsdoc.write(article, "newsml")
    return written, newsdoc.read(written, format="newsml")


def kept(article: Article) -> dict[str, Extension]:
    return {e.path: e for e in article.extensions}


@pytest.mark.parametrize(
    ("name", "path", "reason"),
    [
        ("01_version_unicode_digit.xml", "/newsItem/@version", "'²' is not a positive integer"),
        ("02_urgency_unicode_digit.xml", "/newsItem/contentMeta[1]/urgency[1]", "'²' is not"),
        ("03_version_5000_digits.xml", "/newsItem/@version", "(5000 characters)"),
        ("03b_urgency_5000_digits.xml", "/newsItem/contentMeta[1]/urgency[1]", "(5000 char"),
        ("19_blank_qcode_validationerror.xml", "/newsItem/contentMeta[1]/subject[1]", "qcode"),
    ],
)
def test_values_the_model_cannot_take_are_parse_errors_with_their_place(
    name: str, path: str, reason: str
) -> None:
    with pytest.raises(ParseError) as caught:
        read(name)
    assert caught.value.path == path
    assert caught.value.line == 1
    assert reason in caught.value.reason


@pytest.mark.parametrize("attribute", ["qcode", "uri"])
@pytest.mark.parametrize("element", ["subject", "located", "genre"])
def test_a_blank_concept_code_names_its_element(element: str, attribute: str) -> None:
    data = ITEM.format(meta="", body="").replace(
        "<headline>", f'<{element} {attribute}="  "/><headline>'
    )
    with pytest.raises(ParseError, match="must not be empty") as caught:
        newsdoc.read(data, format="newsml")
    assert caught.value.path == f"/newsItem/contentMeta[1]/{element}[1]"


def test_a_blank_provider_code_names_the_provider() -> None:
    data = ITEM.format(meta="", body="").replace('literal="p"', 'qcode=" "')
    with pytest.raises(ParseError) as caught:
        newsdoc.read(data, format="newsml")
    assert caught.value.path == "/newsItem/itemMeta[1]/provider[1]"


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("10a_blank_keyword_roundtrip_refused.xml", "/newsItem/contentMeta[1]/keyword[1]"),
        ("10b_nbsp_headline_roundtrip_refused.xml", "/newsItem/contentMeta[1]/headline[1]"),
        ("10c_blank_description_roundtrip_refused.xml", "/newsItem/contentMeta[1]/description[1]"),
    ],
)
def test_blank_texts_are_kept_and_what_is_written_reads_back(name: str, path: str) -> None:
    article = read(name)
    assert path in kept(article)
    _, again = round_trip(article)
    assert again == article


@pytest.mark.parametrize(
    "name",
    [
        "11a_prefix_roundtrip_unequal.xml",
        "11b_compact_kept_element_roundtrip_unequal.xml",
        "12_no_namespace_element_moved_into_nar.xml",
        "13_pubstatus_name_dropped.xml",
        "14_rights_child_elements_flattened.xml",
        "15_comments_dropped.xml",
        "16_mixed_text_in_item_dropped.xml",
        "17_empty_contentset_dropped.xml",
        "21a_u2028_in_heading_validationerror.xml",
        "21b_u2028_in_paragraph_refused.xml",
    ],
)
def test_every_regression_reads_back_equal_after_writing(name: str) -> None:
    article = read(name)
    _, again = round_trip(article)
    assert again == article
    _, third = round_trip(again)
    assert third == article


def test_a_kept_element_in_no_namespace_keeps_it() -> None:
    article = read("12_no_namespace_element_moved_into_nar.xml")
    assert kept(article)["/newsItem/contentMeta[1]/bar[1]"].content == "<bar>x</bar>"
    written, _ = round_trip(article)
    bar = etree.fromstring(written.encode()).find(f"{{{NAR}}}contentMeta/bar")
    assert bar is not None
    assert bar.text == "x"


def test_a_non_default_prefix_reads_as_the_default_namespace() -> None:
    article = read("11a_prefix_roundtrip_unequal.xml")
    assert kept(article)["/newsItem/contentSet[1]/inlineXML[1]"].content == (
        f'<inlineXML xmlns="{NAR}"></inlineXML>'
    )


def test_a_pub_status_name_is_kept_or_refused() -> None:
    article = read("13_pubstatus_name_dropped.xml")
    assert article.pub_status is None
    assert (
        'xml:lang="en">Usable</name>' in kept(article)["/newsItem/itemMeta[1]/pubStatus[1]"].content
    )
    with pytest.raises(UnmappedContentError, match="pubStatus"):
        read("13_pubstatus_name_dropped.xml", strict=True)


def test_markup_in_rights_texts_is_kept_whole() -> None:
    article = read("14_rights_child_elements_flattened.xml")
    assert article.rights is None
    extensions = kept(article)
    assert (
        "Line one.<br></br>Line two." in extensions["/newsItem/rightsInfo[1]/usageTerms[1]"].content
    )
    notice = extensions["/newsItem/rightsInfo[1]/copyrightNotice[1]"].content
    assert '<a href="x">Text</a> (c) X' in notice


def test_comments_are_kept_where_they_stood() -> None:
    article = read("15_comments_dropped.xml")
    extensions = kept(article)
    assert extensions["/newsItem/contentMeta[1]/preceding-sibling::comment()"].content == (
        "<!-- item comment -->"
    )
    before_headline = "/newsItem/contentMeta[1]/headline[1]/preceding-sibling::comment()"
    assert extensions[before_headline].content == "<!-- meta comment -->"
    written, _ = round_trip(article)
    meta = etree.fromstring(written.encode()).find(f"{{{NAR}}}contentMeta")
    assert meta is not None
    assert isinstance(meta[0], etree._Comment)
    assert meta[1].tag == f"{{{NAR}}}headline"
    with pytest.raises(UnmappedContentError, match="comment"):
        read("15_comments_dropped.xml", strict=True)


def test_comments_and_text_after_the_last_element_stay_last() -> None:
    data = ITEM.format(meta="<!-- last in itemMeta -->", body="tail words")
    article = newsdoc.read(data, format="newsml")
    extensions = kept(article)
    assert extensions["/newsItem/itemMeta[1]/comment()"].content == "<!-- last in itemMeta -->"
    assert extensions["/newsItem/text()"].content == "tail words"
    written, again = round_trip(article)
    assert again == article
    assert "<!-- last in itemMeta -->" in written


def test_stray_text_in_an_item_is_kept_or_refused() -> None:
    article = read("16_mixed_text_in_item_dropped.xml")
    path = "/newsItem/contentMeta[1]/preceding-sibling::text()"
    assert kept(article)[path].content == "stray text"
    with pytest.raises(UnmappedContentError, match="text"):
        read("16_mixed_text_in_item_dropped.xml", strict=True)


def test_an_empty_content_set_is_kept() -> None:
    article = read("17_empty_contentset_dropped.xml")
    assert kept(article)["/newsItem/contentSet[1]"] == Extension(
        format="newsml", path="/newsItem/contentSet[1]"
    )
    written, _ = round_trip(article)
    assert etree.fromstring(written.encode()).find(f"{{{NAR}}}contentSet") is not None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("21a_u2028_in_heading_validationerror.xml", ("x",)),
        ("21b_u2028_in_paragraph_refused.xml", ("a b",)),
    ],
)
def test_line_separators_in_body_text_read_as_spaces(name: str, expected: tuple[str]) -> None:
    article = read(name)
    if article.sections:
        assert article.sections[0].heading == "Head ing"
        assert article.sections[0].paragraphs == expected
    else:
        assert article.lead == expected
    written, _ = round_trip(article)
    assert "\u2028" in written  # the unchanged rendition goes back as it came


def test_a_prefix_used_in_an_attribute_value_stays_declared() -> None:
    meta = (
        '<itemMetaExtProperty xmlns:xs="http://www.w3.org/2001/XMLSchema" type="x:y" '
        'valuedatatype="xs:string" value="v"/>'
    )
    data = ITEM.format(meta=meta, body="")
    assert validate(etree.fromstring(data.encode())) == ()
    article = newsdoc.read(data, format="newsml")
    content = kept(article)["/newsItem/itemMeta[1]/itemMetaExtProperty[1]"].content
    assert 'xmlns:xs="http://www.w3.org/2001/XMLSchema"' in content
    written, again = round_trip(article)
    assert validate(etree.fromstring(written.encode())) == ()
    assert again == article


def test_a_prefix_declared_on_the_root_and_used_in_a_value_stays_declared() -> None:
    data = ITEM.format(
        meta='<itemMetaExtProperty type="x:y" valuedatatype="xs:string" value="v"/>', body=""
    ).replace("<newsItem ", '<newsItem xmlns:xs="http://www.w3.org/2001/XMLSchema" ')
    article = newsdoc.read(data, format="newsml")
    written, again = round_trip(article)
    assert validate(etree.fromstring(written.encode())) == ()
    assert again == article


def test_kept_item_meta_children_follow_the_schema_sequence() -> None:
    # The schema's order; sorted by name, altRep would come before edNote and title last.
    meta = "<title>t</title><edNote>e</edNote><signal qcode='sig:update'/><altRep>a</altRep>"
    data = ITEM.format(meta=meta, body="")
    assert validate(etree.fromstring(data.encode())) == ()
    written, again = round_trip(newsdoc.read(data, format="newsml"))
    meta_element = etree.fromstring(written.encode()).find(f"{{{NAR}}}itemMeta")
    assert meta_element is not None
    names = [etree.QName(child).localname for child in meta_element if isinstance(child.tag, str)]
    assert names.index("title") < names.index("edNote") < names.index("signal")
    assert names.index("signal") < names.index("altRep")
    assert validate(etree.fromstring(written.encode())) == ()
    assert again == newsdoc.read(data, format="newsml")


def test_inline_markup_in_body_paragraphs_goes_back_verbatim_while_unchanged() -> None:
    body = (
        '<contentSet><inlineXML contenttype="application/xhtml+xml">'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        '<p>One<br/>two <a href="https://example.com/x">link</a> <span class="k">kept</span> '
        "<ruby>漢<rt>kan</rt></ruby>.</p></body></html></inlineXML></contentSet>"
    )
    article = newsdoc.read(ITEM.format(meta="", body=body), format="newsml")
    assert article.lead == ("One two link kept 漢kan.",)  # the line break reads as a space
    written, again = round_trip(article)
    assert again == article
    for markup in ("<br/>", '<a href="https://example.com/x">', '<span class="k">', "<rt>kan</rt>"):
        assert markup in written


def test_an_element_and_its_leftover_attributes_are_one_extension_each() -> None:
    article = newsdoc.read(NEWSML / "LISTING_1_A_NewsML-G2_News_Item.xml")
    extensions = kept(article)
    holder = extensions["/newsItem/rightsInfo[1]/copyrightHolder[1]"]
    assert holder.content == ""
    assert holder.attributes == (("uri", "http://www.example.com/about.html#copyright"),)
    root = extensions["/newsItem"]
    assert [name for name, _ in root.attributes] == [
        "conformance",
        "xml:lang",
        "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation",
    ]
    assert len(extensions) == len(article.extensions)  # one Extension per place


def test_another_formats_extension_with_attributes_is_refused_not_dropped() -> None:
    odd = Extension(format="x-archive", path="/record", attributes=(("shelf", "3"),))
    with pytest.raises(SerializationError, match="attributes"):
        newsdoc.write(Article(lead=("Body.",), extensions=(odd,)), "newsml")


# -- newsMessage -------------------------------------------------------------------------------

PACKAGE = NEWSML / "LISTING_24_News_Message_conveying_a_complete_News_Package.xml"


def test_a_message_reports_its_header_and_items_that_are_not_text() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = list(newsdoc.read_all(PACKAGE))
    assert [a.id for a in articles] == ["N1", "N2", "N3", "N4"]
    reported = [str(w.message) for w in caught if issubclass(w.category, UnreadContentWarning)]
    assert any("/newsMessage/header[1]" in message for message in reported)
    assert any("/newsMessage/itemSet[1]/packageItem[1]" in message for message in reported)


def test_a_message_with_parts_that_are_not_text_is_refused_in_strict_mode() -> None:
    with pytest.raises(UnmappedContentError) as caught:
        list(newsdoc.read_all(PACKAGE, strict=True))
    assert caught.value.paths == (
        "/newsMessage/header[1]",
        "/newsMessage/itemSet[1]/packageItem[1]",
    )


def test_a_picture_item_in_a_message_is_reported_not_read() -> None:
    picture = (NEWSML / "LISTING_3_Photo_in_NewsML-G2.xml").read_text(encoding="utf-8")
    picture = picture[picture.index("<newsItem") :]
    text = newsdoc.write(Article(id="urn:x:text", lead=("Words.",)), "newsml").split("\n", 1)[1]
    message = f'<newsMessage xmlns="{NAR}"><itemSet>{picture}{text}</itemSet></newsMessage>'
    with pytest.warns(UnreadContentWarning, match=r"itemSet\[1\]/newsItem\[1\]"):
        articles = list(newsdoc.read_all(message, format="newsml"))
    assert [a.id for a in articles] == ["urn:x:text"]


def test_reading_one_article_from_a_message_of_several_is_an_error() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnreadContentWarning)
        with pytest.raises(ParseError, match="holds 4 text newsItems; read them with read_all"):
            read_one(PACKAGE.read_bytes(), ReadOptions())


def test_comments_beside_the_root_element_are_kept_and_written_beside_it() -> None:
    item = ITEM.format(meta="", body="")
    data = f'<?xml version="1.0"?>\n<!-- before --><?app x?>{item}\n<!-- after -->'
    article = newsdoc.read(data, format="newsml")
    extensions = kept(article)
    assert extensions["/newsItem/preceding-sibling::comment()"].content == "<!-- before -->"
    assert extensions["/newsItem/preceding-sibling::processing-instruction()"].content == (
        "<?app x?>"
    )
    assert extensions["/newsItem/following-sibling::comment()"].content == "<!-- after -->"
    written, again = round_trip(article)
    assert again == article
    assert written.index("<!-- before -->") < written.index("<newsItem")
    assert written.rstrip().endswith("<!-- after -->")


def test_comments_beside_a_message_root_are_reported() -> None:
    item = newsdoc.write(Article(id="urn:x:1", lead=("Words.",)), "newsml").split("\n", 1)[1]
    message = f'<!-- feed --><newsMessage xmlns="{NAR}"><itemSet>{item}</itemSet></newsMessage>'
    with pytest.warns(UnreadContentWarning, match="preceding-sibling::comment"):
        assert len(list(newsdoc.read_all(message, format="newsml"))) == 1


@pytest.mark.parametrize(
    "content", ["plain words", "<!-- one --><!-- two -->", "<altId/>", "<!-- open"]
)
def test_a_kept_comment_that_is_not_one_comment_is_a_serialization_error(content: str) -> None:
    odd = Extension(format="newsml", path="/newsItem/contentMeta[1]/comment()", content=content)
    with pytest.raises(SerializationError, match="comment"):
        newsdoc.write(Article(lead=("Body.",), extensions=(odd,)), "newsml")


@pytest.mark.parametrize(
    "name",
    [
        "13_pubstatus_name_dropped.xml",
        "14_rights_child_elements_flattened.xml",
        "15_comments_dropped.xml",
        "16_mixed_text_in_item_dropped.xml",
        "17_empty_contentset_dropped.xml",
    ],
)
def test_nothing_the_regressions_hold_goes_missing(name: str) -> None:
    assert fidelity((REGRESSIONS / name).read_bytes()).missing == ()


@pytest.mark.parametrize(
    "body",
    [
        "<itemMeta/>",
        "<rightsInfo/>",
        "<rightsInfo/><rightsInfo/>",
        "<rightsInfo><x/></rightsInfo><rightsInfo/>",
        "<contentMeta/><contentMeta><headline>x</headline></contentMeta>",
        "<contentSet> </contentSet>",
        '<contentMeta><subject qcode="a:b"><!-- in --><name>N</name></subject></contentMeta>',
    ],
)
def test_empty_containers_and_later_namesakes_come_back_where_they_stood(body: str) -> None:
    data = f'<newsItem xmlns="{NAR}" guid="g" version="1">{body}</newsItem>'
    article = newsdoc.read(data, format="newsml")
    _, again = round_trip(article)
    assert again == article
    assert fidelity(data).missing == ()
