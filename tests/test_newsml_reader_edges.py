"""The NewsML-G2 reader at its edges: what each element maps to, and what it keeps.

Pinned here: which items of a document :func:`read` and :func:`read_all` give, the errors
for a document that is not NewsML-G2 or holds no text item or several, the warning for each
part of a newsMessage that is not a text item (or, strictly, the refusal), the item's root
attributes (guid, version and its error, the defaults the writer sets), exact text, the
rightsInfo, itemMeta and contentMeta children one at a time (the first of its name mapped,
a later one, an empty one or one in another shape kept whole, leftover attributes kept),
concepts and parties with every part they map, the body renditions chosen and the marks a
retained one carries, and the errors that name the place the model refused a value.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

import newsdoc
from newsdoc import (
    AltId,
    Article,
    Attribution,
    AttributionKind,
    Concept,
    Dateline,
    Extension,
    Link,
    Name,
    ParseError,
    Party,
    PubStatus,
    RelatedConcept,
    Rights,
    RoleText,
    Section,
    Signal,
    Span,
    UnmappedContentError,
    UnreadContentWarning,
    ValidationError,
)
from newsdoc.formats import ReadOptions
from newsdoc.formats._body import body_digest
from newsdoc.formats.newsml import reader
from newsdoc.model import Mark, MarkKind

NAR = "http://iptc.org/std/nar/2006-10-01/"
ND = "https://newsdoc.dev/ns/newsml/1"
XHTML = "http://www.w3.org/1999/xhtml"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
ROOT = f'<newsItem xmlns="{NAR}" xmlns:nd="{ND}" xmlns:x="urn:x" guid="g" version="1"'
HEAD = f"{ROOT}>"
UTC = dt.timezone.utc
META = "/newsItem/itemMeta[1]"
CONTENT = "/newsItem/contentMeta[1]"
RIGHTS = "/newsItem/rightsInfo[1]"
SET = "/newsItem/contentSet[1]"


def item(content: str, head: str = HEAD) -> str:
    return f"{head}{content}</newsItem>"


def read(content: str, *, head: str = HEAD, strict: bool = False) -> Article:
    return newsdoc.read(item(content, head), format="newsml", strict=strict)


def read_meta(children: str) -> Article:
    return read(f"<itemMeta>{children}</itemMeta>")


def read_content(children: str) -> Article:
    return read(f"<contentMeta>{children}</contentMeta>")


def article(**fields: object) -> Article:
    """The Article an item of ``HEAD`` gives: guid ``g``, version 1, and ``fields``."""
    return Article(id="g", version=1, **fields)  # type: ignore[arg-type]


def kept(path: str, content: str = "", attributes: tuple[tuple[str, str], ...] = ()) -> Extension:
    return Extension(format="newsml", path=path, content=content, attributes=attributes)


def leaf(name: str, attributes: str = "", text: str = "") -> str:
    """A NewsML-G2 element holding only text, as the reader keeps it (canonical XML)."""
    return f'<{name} xmlns="{NAR}"{attributes}>{text}</{name}>'


def parse_error(content: str, *, head: str = HEAD) -> ParseError:
    with pytest.raises(ParseError) as caught:
        read(content, head=head)
    return caught.value


# -- read and read_all: which items a document gives --------------------------------------


def message(items: str) -> str:
    return f'<newsMessage xmlns="{NAR}"><itemSet>{items}</itemSet></newsMessage>'


def test_read_gives_the_only_item_of_a_message_with_paths_from_that_item() -> None:
    data = message('<newsItem guid="a" version="2"><itemMeta><link rel="r"/></itemMeta></newsItem>')
    found = reader.read(data, ReadOptions())
    link = kept(f"{META}/link[1]", leaf("link", ' rel="r"'))
    assert found == Article(id="a", version=2, extensions=(link,))


def test_read_gives_the_item_of_a_news_item_document() -> None:
    found = reader.read(item("<contentMeta><headline>H</headline></contentMeta>"), ReadOptions())
    assert found == article(headline="H")


@pytest.mark.parametrize(
    ("items", "reason"),
    [
        ("", "the newsMessage holds no text newsItem"),
        (
            '<newsItem guid="a"/><newsItem guid="b"/>',
            "the newsMessage holds 2 text newsItems; read them with read_all",
        ),
    ],
)
def test_read_refuses_a_message_without_exactly_one_text_item(items: str, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        reader.read(message(items), ReadOptions(source="m.xml"))
    error = caught.value
    assert (error.reason, error.source, error.line, error.path) == (reason, "m.xml", None, None)
    assert str(error) == f"cannot read newsml: m.xml: {reason}"


def test_read_all_gives_every_text_item_in_order_with_paths_from_each() -> None:
    data = message(
        '<newsItem guid="a"><itemMeta><link rel="r"/></itemMeta></newsItem>'
        '<newsItem guid="b"><contentMeta><headline>B</headline></contentMeta></newsItem>'
    )
    found = list(reader.read_all(data, ReadOptions(strict=False)))
    link = kept(f"{META}/link[1]", leaf("link", ' rel="r"'))
    assert found == [Article(id="a", extensions=(link,)), Article(id="b", headline="B")]


def read_document(data: str, *, all_items: bool) -> list[Article]:
    """The Articles read_all gives for ``data``, or the one Article that read gives."""
    options = ReadOptions(source="f.xml")
    if all_items:
        return list(reader.read_all(data, options))
    return [reader.read(data, options)]


@pytest.mark.parametrize("all_items", [False, True])
@pytest.mark.parametrize(
    ("root", "reason"),
    [
        ("<nitf/>", "expected a newsItem or newsMessage root element, found 'nitf'"),
        (
            f'<newsItem xmlns="{NAR}x"/>',
            f"the root element is in namespace '{NAR}x', not NewsML-G2's '{NAR}'",
        ),
        (
            '<newsMessage xmlns="urn:x"/>',
            f"the root element is in namespace 'urn:x', not NewsML-G2's '{NAR}'",
        ),
    ],
)
def test_a_root_that_is_not_newsml_is_a_parse_error_at_its_line(
    all_items: bool, root: str, reason: str
) -> None:
    data = f'<?xml version="1.0"?>\n\n{root}'
    with pytest.raises(ParseError) as caught:
        read_document(data, all_items=all_items)
    error = caught.value
    assert (error.reason, error.line, error.source, error.path) == (reason, 3, "f.xml", None)
    assert str(error) == f"cannot read newsml: f.xml, line 3: {reason}"


def test_read_names_the_source_of_a_document_that_is_not_xml() -> None:
    with pytest.raises(ParseError) as caught:
        reader.read("<newsItem", ReadOptions(source="f.xml"))
    assert caught.value.source == "f.xml"
    assert str(caught.value).startswith("cannot read newsml: f.xml, line 1")


def test_read_all_names_the_source_of_a_document_that_is_not_xml() -> None:
    with pytest.raises(ParseError) as caught:
        list(reader.read_all("<newsItem", ReadOptions(source="f.xml")))
    assert caught.value.source == "f.xml"
    assert str(caught.value).startswith("cannot read newsml: f.xml, line 1")


# A message of one header, a package, a picture, a comment, two text items (one whose
# itemClass names no qcode, one whose itemClass stands outside itemMeta) and a foreign part.
MESSAGE = (
    f'<newsMessage xmlns="{NAR}" xmlns:x="urn:x"><header><sent>2020-01-01T00:00:00Z</sent>'
    '</header><itemSet><packageItem guid="p"/>'
    '<newsItem guid="pic"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>'
    '<!-- c --><newsItem guid="a"><itemMeta><itemClass/></itemMeta></newsItem>'
    '<newsItem guid="b"><itemClass qcode="ninat:picture"/></newsItem></itemSet>'
    "<x:other/></newsMessage>"
)
MESSAGE_UNREAD = (
    "/newsMessage/header[1]",
    "/newsMessage/itemSet[1]/packageItem[1]",
    "/newsMessage/itemSet[1]/newsItem[1]",
    "/newsMessage/x:other[1]",
    "/newsMessage/itemSet[1]/newsItem[2]/preceding-sibling::comment()",
)


def test_each_part_of_a_message_that_is_not_a_text_item_is_reported_once() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = list(reader.read_all(MESSAGE, ReadOptions()))
    assert [(w.category, str(w.message)) for w in caught] == [
        (UnreadContentWarning, f"newsml: {path} was not read: only text newsItems are")
        for path in MESSAGE_UNREAD
    ]
    item_class = kept(f"{META}/itemClass[1]", leaf("itemClass"))
    outside = kept("/newsItem/itemClass[1]", leaf("itemClass", ' qcode="ninat:picture"'))
    assert found == [
        Article(id="a", extensions=(item_class,)),
        Article(id="b", extensions=(outside,)),
    ]


def test_strict_reading_refuses_a_message_with_parts_that_are_not_text_items() -> None:
    with pytest.raises(UnmappedContentError) as caught:
        list(reader.read_all(MESSAGE, ReadOptions(strict=True, source="m.xml")))
    error = caught.value
    assert (error.paths, error.path, error.source) == (MESSAGE_UNREAD, MESSAGE_UNREAD[0], "m.xml")
    assert str(error) == (
        f"cannot read newsml: m.xml, at {MESSAGE_UNREAD[0]}: strict mode refuses to drop 5 "
        f"unmapped item(s): {', '.join(MESSAGE_UNREAD)}"
    )


def test_comments_beside_a_message_root_are_reported_where_they_stand() -> None:
    root = message('<newsItem guid="a"/>')
    data = f"<!-- a --><?p x?>{root}<!-- b -->"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = list(reader.read_all(data, ReadOptions()))
    places = (
        "/newsMessage/preceding-sibling::comment()",
        "/newsMessage/preceding-sibling::processing-instruction()",
        "/newsMessage/following-sibling::comment()",
    )
    assert [str(w.message) for w in caught] == [
        f"newsml: {place} was not read: only text newsItems are" for place in places
    ]
    assert found == [Article(id="a")]


def test_comments_beside_an_item_root_are_kept_beside_it() -> None:
    found = newsdoc.read(f"<!-- a -->{item('')}<?p x?>", format="newsml")
    assert found == article(
        extensions=(
            kept("/newsItem/preceding-sibling::comment()", "<!-- a -->"),
            kept("/newsItem/following-sibling::processing-instruction()", "<?p x?>"),
        )
    )


def test_strict_reading_takes_a_message_of_text_items_only() -> None:
    data = message('<newsItem guid="a"/><newsItem guid="b"/>')
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = list(reader.read_all(data, ReadOptions(strict=True)))
    assert found == [Article(id="a"), Article(id="b")]


# -- the item: root attributes, exact text, strict reading, the model's refusal ------------


@pytest.mark.parametrize(
    ("guid", "expected"), [('guid="  "', None), ('guid=" u:1 "', "u:1"), ("", None)]
)
def test_the_guid_is_the_id_stripped_and_a_blank_one_is_none(
    guid: str, expected: str | None
) -> None:
    found = newsdoc.read(f'<newsItem xmlns="{NAR}" {guid}/>', format="newsml")
    assert found == Article(id=expected)


def test_the_version_is_read_around_white_space() -> None:
    assert newsdoc.read(f'<newsItem xmlns="{NAR}" version=" 7 "/>', "newsml") == Article(version=7)


@pytest.mark.parametrize(
    ("version", "shown"),
    [
        ("0", "'0'"),
        ("+1", "'+1'"),
        ("1.0", "'1.0'"),
        ("x" * 20, repr("x" * 20)),
        ("x" * 21, repr("x" * 20 + "… (21 characters)")),
    ],
)
def test_a_version_that_is_no_positive_integer_is_a_parse_error_at_it(
    version: str, shown: str
) -> None:
    data = f'<?xml version="1.0"?>\n<newsItem xmlns="{NAR}" version="{version}"/>'
    with pytest.raises(ParseError) as caught:
        reader.read(data, ReadOptions(source="f.xml"))
    error = caught.value
    reason = f"version {shown} is not a positive integer"
    assert (error.reason, error.path, error.line) == (reason, "/newsItem/@version", 2)
    assert str(error) == f"cannot read newsml: f.xml, line 2, at /newsItem/@version: {reason}"


def test_root_attributes_the_writer_sets_are_not_kept() -> None:
    head = f'{ROOT} standard="NewsML-G2" standardversion="2.35" nd:text="exact">'
    assert read("", head=head) == article()


def test_root_attributes_of_other_values_are_kept_sorted() -> None:
    head = (
        f'{ROOT} standardversion="2.9" standard="S" nd:text="plain" xml:lang="en" '
        'conformance="power">'
    )
    attributes = (
        ("conformance", "power"),
        ("standard", "S"),
        ("standardversion", "2.9"),
        ("xml:lang", "en"),
        (f"{{{ND}}}text", "plain"),
    )
    assert read("", head=head) == article(extensions=(kept("/newsItem", attributes=attributes),))


def test_exact_text_is_taken_as_it_stands_and_padded_text_is_kept() -> None:
    head = f'{ROOT} nd:text="exact">'
    found = read(
        "<contentMeta><headline>H</headline><headline> S </headline></contentMeta>", head=head
    )
    padded = kept(f"{CONTENT}/headline[2]", leaf("headline", text=" S "))
    assert found == article(headline="H", extensions=(padded,))


def test_padded_text_of_an_exact_item_is_kept_wherever_it_stands() -> None:
    head = f'{ROOT} nd:text="exact">'
    found = read(
        "<rightsInfo><copyrightHolder><name> H </name></copyrightHolder>"
        "<copyrightNotice> N </copyrightNotice><usageTerms>T</usageTerms></rightsInfo>"
        "<itemMeta><edNote> E </edNote></itemMeta>"
        '<contentMeta><creator qcode="p"><name> P </name></creator><altId> A </altId>'
        '<subject qcode="s"><name> S </name></subject></contentMeta>',
        head=head,
    )
    holder = f'<copyrightHolder xmlns="{NAR}"><name> H </name></copyrightHolder>'
    assert found == article(
        rights=Rights(usage_terms="T"),
        editorial_notes=(),
        creators=(Party(qcode="p"),),
        subjects=(Concept(qcode="s"),),
        extensions=(
            kept(f"{RIGHTS}/copyrightHolder[1]", holder),
            kept(f"{RIGHTS}/copyrightNotice[1]", leaf("copyrightNotice", text=" N ")),
            kept(f"{META}/edNote[1]", leaf("edNote", text=" E ")),
            kept(f"{CONTENT}/altId[1]", leaf("altId", text=" A ")),
            kept(f"{CONTENT}/creator[1]/name[1]", leaf("name", text=" P ")),
            kept(f"{CONTENT}/subject[1]/name[1]", leaf("name", text=" S ")),
        ),
    )


def test_text_that_is_not_exact_has_its_layout_folded() -> None:
    found = read_content("<headline>\n  H\n\t I </headline><keyword> a  b </keyword>")
    assert found == article(headline="H I", keywords=("a b",))


def test_strict_reading_refuses_kept_content_listing_its_paths_in_schema_order() -> None:
    content = (
        '<contentMeta><x:z/></contentMeta><!-- c --><catalogRef href="c"/>'
        '<itemMeta><link rel="r"/></itemMeta>'
    )
    paths = (
        "/newsItem/catalogRef[1]",
        "/newsItem/catalogRef[1]/preceding-sibling::comment()",
        f"{META}/link[1]",
        f"{CONTENT}/x:z[1]",
    )
    assert tuple(e.path for e in read(content).extensions) == paths
    with pytest.raises(UnmappedContentError) as caught:
        reader.read(item(content), ReadOptions(strict=True, source="f.xml"))
    error = caught.value
    assert (error.paths, error.path, error.source) == (paths, paths[0], "f.xml")
    assert str(error) == (
        f"cannot read newsml: f.xml, at {paths[0]}: strict mode refuses to drop 4 unmapped "
        f"item(s): {', '.join(paths)}"
    )


def test_strict_reading_takes_an_item_that_keeps_nothing() -> None:
    found = read("<contentMeta><headline>H</headline></contentMeta>", strict=True)
    assert found == article(headline="H")


def test_a_value_the_article_refuses_is_a_parse_error_at_the_item() -> None:
    language = item('<contentMeta><language tag="x y"/></contentMeta>')
    data = f'<?xml version="1.0"?>\n{language}'
    with pytest.raises(ParseError) as caught:
        reader.read(data, ReadOptions(source="f.xml"))
    error = caught.value
    reason = "invalid language: 'x y' is not a BCP 47 language tag"
    assert (error.reason, error.path, error.line, error.source) == (
        reason,
        "/newsItem",
        2,
        "f.xml",
    )
    assert isinstance(error.__cause__, ValidationError)
    assert str(error) == f"cannot read newsml: f.xml, line 2, at /newsItem: {reason}"


def test_a_generated_body_whose_marked_paragraph_breaks_a_line_is_a_parse_error() -> None:
    body = (
        f'<contentSet><inlineXML contenttype="application/xhtml+xml" nd:body="generated">'
        f'<html xmlns="{XHTML}"><body><p>The port\n<em>reopened</em></p></body></html>'
        "</inlineXML></contentSet>"
    )
    error = parse_error(body)
    reason = "invalid lead: 'The port\\nreopened' must be one line, without line breaks"
    assert (error.reason, error.path, error.line) == (reason, "/newsItem", 1)


# -- rightsInfo ----------------------------------------------------------------------------


def test_rights_info_maps_every_part_and_keeps_the_attributes_left_over() -> None:
    found = read(
        '<rightsInfo x:a="1"><copyrightHolder qcode="h:1"><name>Holder</name></copyrightHolder>'
        '<copyrightNotice href="http://l/" x:b="2">Notice</copyrightNotice>'
        '<usageTerms x:c="3">Terms</usageTerms></rightsInfo>'
    )
    rights = Rights(holder="Holder", notice="Notice", notice_uri="http://l/", usage_terms="Terms")
    assert found == article(
        rights=rights,
        extensions=(
            kept(RIGHTS, attributes=(("{urn:x}a", "1"),)),
            kept(f"{RIGHTS}/copyrightHolder[1]", attributes=(("qcode", "h:1"),)),
            kept(f"{RIGHTS}/copyrightNotice[1]", attributes=(("{urn:x}b", "2"),)),
            kept(f"{RIGHTS}/usageTerms[1]", attributes=(("{urn:x}c", "3"),)),
        ),
    )


@pytest.mark.parametrize("href", ['href=" "', 'href=""'])
def test_a_notice_with_a_blank_href_has_no_uri_and_keeps_the_href(href: str) -> None:
    found = read(f"<rightsInfo><copyrightNotice {href}>N</copyrightNotice></rightsInfo>")
    value = href.split('"')[1]
    path = f"{RIGHTS}/copyrightNotice[1]"
    assert found == article(
        rights=Rights(notice="N"), extensions=(kept(path, attributes=(("href", value),)),)
    )


def test_only_the_first_rights_info_and_the_first_of_each_part_are_mapped() -> None:
    found = read(
        "<rightsInfo><usageTerms>T</usageTerms><copyrightNotice>N</copyrightNotice>"
        "<copyrightHolder><name>H</name></copyrightHolder><copyrightNotice>N2</copyrightNotice>"
        "<usageTerms>T2</usageTerms><copyrightHolder><name>H2</name></copyrightHolder>"
        "</rightsInfo><rightsInfo><usageTerms>U</usageTerms></rightsInfo>"
    )
    second_holder = f'<copyrightHolder xmlns="{NAR}"><name>H2</name></copyrightHolder>'
    second_rights = f'<rightsInfo xmlns="{NAR}"><usageTerms>U</usageTerms></rightsInfo>'
    assert found == article(
        rights=Rights(holder="H", notice="N", usage_terms="T"),
        extensions=(
            kept(f"{RIGHTS}/copyrightHolder[2]", second_holder),
            kept(f"{RIGHTS}/copyrightNotice[2]", leaf("copyrightNotice", text="N2")),
            kept(f"{RIGHTS}/usageTerms[2]", leaf("usageTerms", text="T2")),
            kept("/newsItem/rightsInfo[2]", second_rights),
        ),
    )


@pytest.mark.parametrize(
    ("rights", "extensions"),
    [
        ("<rightsInfo/>", (kept(RIGHTS),)),
        (
            "<rightsInfo><copyrightNotice/><usageTerms> </usageTerms></rightsInfo>",
            (
                kept(f"{RIGHTS}/copyrightNotice[1]", leaf("copyrightNotice")),
                kept(f"{RIGHTS}/usageTerms[1]", leaf("usageTerms", text=" ")),
            ),
        ),
        (
            "<rightsInfo><copyrightNotice>a<x:br/>b</copyrightNotice></rightsInfo>",
            (
                kept(
                    f"{RIGHTS}/copyrightNotice[1]",
                    f'<copyrightNotice xmlns="{NAR}">a<x:br xmlns:x="urn:x"></x:br>b'
                    "</copyrightNotice>",
                ),
            ),
        ),
    ],
)
def test_rights_info_without_a_mappable_part_gives_no_rights_and_keeps_it_all(
    rights: str, extensions: tuple[Extension, ...]
) -> None:
    assert read(rights) == article(extensions=extensions)


def test_a_holder_is_its_first_plain_name_and_its_other_children_are_kept() -> None:
    found = read(
        '<rightsInfo><copyrightHolder><name xml:lang="en">A</name><name>B<x:i/></name>'
        "<name/><!-- c --><name>C</name><name>D</name></copyrightHolder></rightsInfo>"
    )
    holder = f"{RIGHTS}/copyrightHolder[1]"
    assert found == article(
        rights=Rights(holder="C"),
        extensions=(
            kept(f"{holder}/name[1]", leaf("name", ' xml:lang="en"', "A")),
            kept(f"{holder}/name[2]", f'<name xmlns="{NAR}">B<x:i xmlns:x="urn:x"></x:i></name>'),
            kept(f"{holder}/name[3]", leaf("name")),
            kept(f"{holder}/name[5]", leaf("name", text="D")),
            kept(f"{holder}/name[4]/preceding-sibling::comment()", "<!-- c -->"),
        ),
    )


def test_a_holder_without_a_plain_name_is_kept_whole() -> None:
    found = read(
        '<rightsInfo><copyrightHolder qcode="h"><!-- c --><name x:a="1">A</name>'
        "</copyrightHolder><usageTerms>T</usageTerms></rightsInfo>"
    )
    holder = (
        f'<copyrightHolder xmlns="{NAR}" qcode="h"><!-- c -->'
        '<name xmlns:x="urn:x" x:a="1">A</name></copyrightHolder>'
    )
    assert found == article(
        rights=Rights(usage_terms="T"),
        extensions=(kept(f"{RIGHTS}/copyrightHolder[1]", holder),),
    )


# -- itemMeta ------------------------------------------------------------------------------


def test_item_meta_maps_identity_dates_and_status_keeping_attributes_left_over() -> None:
    found = read(
        '<itemMeta x:m="1"><itemClass qcode="ninat:text" x:a="1"/><provider literal="P"/>'
        '<versionCreated x:b="2">\n  2020-01-02T03:04:05Z\n</versionCreated>'
        "<firstCreated>2020-01-01T00:00:00+02:00</firstCreated>"
        '<embargoed x:c="3"> 2020-02-01T00:00:00Z\t</embargoed>'
        '<pubStatus qcode="stat:withheld" x:d="4"/></itemMeta>'
    )
    assert found == article(
        provider=Concept(literal="P"),
        updated=dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC),
        created=dt.datetime(2020, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        embargoed=dt.datetime(2020, 2, 1, tzinfo=UTC),
        pub_status=PubStatus.WITHHELD,
        extensions=(
            kept(META, attributes=(("{urn:x}m", "1"),)),
            kept(f"{META}/itemClass[1]", attributes=(("{urn:x}a", "1"),)),
            kept(f"{META}/versionCreated[1]", attributes=(("{urn:x}b", "2"),)),
            kept(f"{META}/embargoed[1]", attributes=(("{urn:x}c", "3"),)),
            kept(f"{META}/pubStatus[1]", attributes=(("{urn:x}d", "4"),)),
        ),
    )


@pytest.mark.parametrize(
    ("child", "name", "content"),
    [
        (
            '<itemClass qcode="ninat:picture"/>',
            "itemClass",
            leaf("itemClass", ' qcode="ninat:picture"'),
        ),
        ("<itemClass/>", "itemClass", leaf("itemClass")),
        (
            "<versionCreated>yesterday</versionCreated>",
            "versionCreated",
            leaf("versionCreated", text="yesterday"),
        ),
        (
            "<versionCreated>2020-01-01T00:00:00</versionCreated>",
            "versionCreated",
            leaf("versionCreated", text="2020-01-01T00:00:00"),
        ),
        (
            "<firstCreated>2020-13-01T00:00:00Z</firstCreated>",
            "firstCreated",
            leaf("firstCreated", text="2020-13-01T00:00:00Z"),
        ),
        ('<pubStatus qcode="stat:gone"/>', "pubStatus", leaf("pubStatus", ' qcode="stat:gone"')),
        ("<pubStatus/>", "pubStatus", leaf("pubStatus")),
        ("<embargoed>soon</embargoed>", "embargoed", leaf("embargoed", text="soon")),
        (
            "<embargoed>2020-01-01T00:00:00</embargoed>",
            "embargoed",
            leaf("embargoed", text="2020-01-01T00:00:00"),
        ),
        ('<provider x:a="1"/>', "provider", leaf("provider", ' xmlns:x="urn:x" x:a="1"')),
        ("<service/>", "service", leaf("service")),
        ('<service qcode="  "/>', "service", leaf("service", ' qcode="  "')),
        ("<edNote/>", "edNote", leaf("edNote")),
        ("<edNote> </edNote>", "edNote", leaf("edNote", text=" ")),
        ("<signal/>", "signal", leaf("signal")),
        ('<signal qcode="a b"/>', "signal", leaf("signal", ' qcode="a b"')),
        ('<signal qcode=" s"/>', "signal", leaf("signal", ' qcode=" s"')),
        ('<signal qcode="sig:x">x</signal>', "signal", leaf("signal", ' qcode="sig:x"', "x")),
        (
            '<signal qcode="sig:x"><x:i/></signal>',
            "signal",
            f'<signal xmlns="{NAR}" qcode="sig:x"><x:i xmlns:x="urn:x"></x:i></signal>',
        ),
        ('<link rel="r"/>', "link", leaf("link", ' rel="r"')),
        (
            '<link href="h"><x:i/></link>',
            "link",
            f'<link xmlns="{NAR}" href="h"><x:i xmlns:x="urn:x"></x:i></link>',
        ),
        ('<link href="h">t</link>', "link", leaf("link", ' href="h"', "t")),
        ('<link href=""/>', "link", leaf("link", ' href=""')),
        ('<link href="h" title="a&#10;b"/>', "link", leaf("link", ' href="h" title="a&#xA;b"')),
        ("<x:other/>", "x:other", '<x:other xmlns:x="urn:x"></x:other>'),
    ],
)
def test_an_item_meta_child_the_model_cannot_take_is_kept_whole_and_the_rest_read(
    child: str, name: str, content: str
) -> None:
    found = read_meta(f'{child}<edNote>N</edNote><signal qcode="sig:update"/>')
    assert found == article(
        editorial_notes=("N",),
        signals=(Signal.UPDATE,),
        extensions=(kept(f"{META}/{name}[1]", content),),
    )


def test_only_the_first_item_meta_and_first_of_each_single_child_are_mapped() -> None:
    found = read(
        "<itemMeta>"
        '<itemClass qcode="ninat:text"/><itemClass qcode="ninat:text"/>'
        '<provider literal="A"/><provider literal="B"/>'
        "<versionCreated>2020-01-01T00:00:00Z</versionCreated>"
        "<versionCreated>2021-01-01T00:00:00Z</versionCreated>"
        "<firstCreated>2019-01-01T00:00:00Z</firstCreated>"
        "<firstCreated>2018-01-01T00:00:00Z</firstCreated>"
        "<embargoed>2022-01-01T00:00:00Z</embargoed><embargoed>2023-01-01T00:00:00Z</embargoed>"
        '<pubStatus qcode="stat:usable"/><pubStatus qcode="stat:canceled"/>'
        '</itemMeta><itemMeta><provider literal="C"/></itemMeta>'
    )
    assert found == article(
        provider=Concept(literal="A"),
        updated=dt.datetime(2020, 1, 1, tzinfo=UTC),
        created=dt.datetime(2019, 1, 1, tzinfo=UTC),
        embargoed=dt.datetime(2022, 1, 1, tzinfo=UTC),
        pub_status=PubStatus.USABLE,
        extensions=(
            kept(f"{META}/itemClass[2]", leaf("itemClass", ' qcode="ninat:text"')),
            kept(f"{META}/provider[2]", leaf("provider", ' literal="B"')),
            kept(f"{META}/versionCreated[2]", leaf("versionCreated", text="2021-01-01T00:00:00Z")),
            kept(f"{META}/firstCreated[2]", leaf("firstCreated", text="2018-01-01T00:00:00Z")),
            kept(f"{META}/embargoed[2]", leaf("embargoed", text="2023-01-01T00:00:00Z")),
            kept(f"{META}/pubStatus[2]", leaf("pubStatus", ' qcode="stat:canceled"')),
            kept(
                "/newsItem/itemMeta[2]",
                f'<itemMeta xmlns="{NAR}"><provider literal="C"></provider></itemMeta>',
            ),
        ),
    )


def test_item_meta_children_holding_elements_are_kept_whole() -> None:
    found = read_meta(
        '<itemClass qcode="ninat:text"><x:a/></itemClass>'
        "<versionCreated>2020-01-01T00:00:00Z<x:b/></versionCreated>"
        "<embargoed>2020-01-01T00:00:00Z<x:d/></embargoed>"
        '<pubStatus qcode="stat:usable"><x:c/></pubStatus>'
        "<edNote>N<x:e/></edNote>"
    )
    assert [e.path for e in found.extensions] == [
        f"{META}/itemClass[1]",
        f"{META}/versionCreated[1]",
        f"{META}/embargoed[1]",
        f"{META}/pubStatus[1]",
        f"{META}/edNote[1]",
    ]
    assert found == article(extensions=found.extensions)
    assert all(e.content.startswith("<") and not e.attributes for e in found.extensions)


def test_fields_the_writer_generated_are_unset_and_the_stand_in_provider_is_not_kept() -> None:
    found = read(
        '<itemMeta><provider literal="newsdoc"/><provider literal="B"/>'
        "<versionCreated>2020-01-01T00:00:00Z</versionCreated>"
        '<nd:generated fields="id provider"/></itemMeta>'
    )
    second = kept(f"{META}/provider[2]", leaf("provider", ' literal="B"'))
    updated = dt.datetime(2020, 1, 1, tzinfo=UTC)
    assert found == Article(version=1, updated=updated, extensions=(second,))
    # Not the stand-in the writer writes: read as a provider of its own, here kept.
    bare = read('<itemMeta><provider/><nd:generated fields="provider"/></itemMeta>')
    assert bare == article(extensions=(kept(f"{META}/provider[1]", leaf("provider")),))


def test_a_second_generated_marker_is_a_parse_error_at_it() -> None:
    data = item('<itemMeta><nd:generated fields="id"/>\n<nd:generated fields="id"/></itemMeta>')
    with pytest.raises(ParseError) as caught:
        reader.read(data, ReadOptions(source="f.xml"))
    error = caught.value
    expected = ("a second nd:generated", f"{META}/nd:generated[2]", 2, "f.xml")
    assert (error.reason, error.path, error.line, error.source) == expected


def test_item_meta_lists_keep_their_order_and_attributes_left_over() -> None:
    found = read_meta(
        '<service qcode="svc:a" type="t"><name>A</name></service><service uri="http://s"/>'
        '<edNote role="r">One</edNote><edNote>Two</edNote>'
        '<signal qcode="sig:update" x:a="1"/><signal qcode="sig:correction"/>'
        '<link rel="irel:seeAlso" href="http://h" residref="urn:r" title="T" '
        'contenttype="text/html" version="2" x:b="2"/><link residref="urn:s" version="0"/>'
    )
    assert found == article(
        services=(Concept(qcode="svc:a", name="A"), Concept(uri="http://s")),
        editorial_notes=("One", "Two"),
        signals=(Signal.UPDATE, Signal.CORRECTION),
        links=(
            Link(
                relation="irel:seeAlso",
                target="http://h",
                target_id="urn:r",
                title="T",
                content_type="text/html",
                version=2,
            ),
            Link(target_id="urn:s"),
        ),
        extensions=(
            kept(f"{META}/service[1]", attributes=(("type", "t"),)),
            kept(f"{META}/edNote[1]", attributes=(("role", "r"),)),
            kept(f"{META}/signal[1]", attributes=(("{urn:x}a", "1"),)),
            kept(f"{META}/link[1]", attributes=(("{urn:x}b", "2"),)),
            kept(f"{META}/link[2]", attributes=(("version", "0"),)),
        ),
    )


@pytest.mark.parametrize(("version", "expected"), [("1", 1), ("007", 7), ("x", None)])
def test_a_link_version_is_mapped_only_as_a_positive_integer(
    version: str, expected: int | None
) -> None:
    found = read_meta(f'<link href="h" version="{version}"/>')
    left = (
        ()
        if expected is not None
        else (kept(f"{META}/link[1]", attributes=(("version", version),)),)
    )
    assert found == article(links=(Link(target="h", version=expected),), extensions=left)


# -- concepts ------------------------------------------------------------------------------


def test_a_subject_maps_every_part_and_keeps_the_rest() -> None:
    found = read_content(
        '<subject qcode="s:1" uri="http://s" type="cpnat:abstract" literal="L" rank="3" '
        'rel="r" x:a="1" xml:lang="en"><name>N</name><broader qcode="b:1"><name>B</name>'
        '</broader><sameAs uri="http://same"/><broader/><definition>D</definition></subject>'
    )
    subject = Concept(
        qcode="s:1",
        uri="http://s",
        kind="cpnat:abstract",
        literal="L",
        rank=3,
        name="N",
        broader=(Concept(qcode="b:1", name="B"),),
        same_as=(Concept(uri="http://same"),),
    )
    path = f"{CONTENT}/subject[1]"
    assert found == article(
        subjects=(subject,),
        extensions=(
            kept(path, attributes=(("rel", "r"), ("xml:lang", "en"), ("{urn:x}a", "1"))),
            kept(f"{path}/definition[1]", leaf("definition", text="D")),
            kept(f"{path}/broader[2]", leaf("broader")),
        ),
    )


@pytest.mark.parametrize(
    ("attributes", "mapped", "left"),
    [
        ('rank="0"', {"rank": 0}, ()),
        ('rank="999999999999999999"', {"rank": 999999999999999999}, ()),
        ('rank="1000000000000000000"', {}, (("rank", "1000000000000000000"),)),
        ('rank="-1"', {}, (("rank", "-1"),)),
        ('rank=""', {}, (("rank", ""),)),
        ('type="a b"', {}, (("type", "a b"),)),
        ('type=""', {}, (("type", ""),)),
        ('literal=" "', {}, (("literal", " "),)),
        ('literal=""', {}, (("literal", ""),)),
        ('uri=""', {}, (("uri", ""),)),
    ],
)
def test_a_genre_maps_an_attribute_only_when_the_model_takes_it(
    attributes: str, mapped: dict[str, object], left: tuple[tuple[str, str], ...]
) -> None:
    found = read_content(f'<genre qcode="g:1" {attributes}/>')
    extensions = (kept(f"{CONTENT}/genre[1]", attributes=left),) if left else ()
    assert found == article(genres=(Concept(qcode="g:1", **mapped),), extensions=extensions)  # type: ignore[arg-type]


def test_a_service_maps_no_type_literal_or_rank() -> None:
    found = read_meta('<service qcode="svc:a" type="t" literal="l" rank="1" rel="r"/>')
    left = (("literal", "l"), ("rank", "1"), ("rel", "r"), ("type", "t"))
    path = f"{META}/service[1]"
    assert found == article(
        services=(Concept(qcode="svc:a"),), extensions=(kept(path, attributes=left),)
    )


def test_names_in_languages_are_listed_and_the_first_is_the_name() -> None:
    found = read_content(
        '<subject qcode="s"><definition>D</definition><name>O<x:i/></name><name>  </name>'
        '<name xml:lang="e n">X</name><name x:a="1" xml:lang="en" role="r">N</name>'
        '<name x:a="1">Y</name><name xml:lang="de">M</name></subject>'
    )
    names = (Name(text="N", language="en"), Name(text="M", language="de"))
    path = f"{CONTENT}/subject[1]"
    assert found == article(
        subjects=(Concept(qcode="s", names=names),),
        extensions=(
            kept(f"{path}/definition[1]", leaf("definition", text="D")),
            kept(f"{path}/name[1]", f'<name xmlns="{NAR}">O<x:i xmlns:x="urn:x"></x:i></name>'),
            kept(f"{path}/name[2]", leaf("name", text="  ")),
            kept(f"{path}/name[3]", leaf("name", ' xml:lang="e n"', "X")),
            kept(f"{path}/name[4]", attributes=(("role", "r"), ("{urn:x}a", "1"))),
            kept(f"{path}/name[5]", leaf("name", ' xmlns:x="urn:x" x:a="1"', "Y")),
        ),
    )


def test_a_single_name_in_a_language_is_listed_in_names() -> None:
    found = read_content('<subject><name xml:lang="en">N</name></subject>')
    assert found == article(subjects=(Concept(names=(Name(text="N", language="en"),)),))


def test_a_name_alone_makes_a_concept_and_empty_names_make_none() -> None:
    found = read_content("<located><name>Here</name></located><genre><name/></genre>")
    genre = f'<genre xmlns="{NAR}"><name></name></genre>'
    assert found == article(
        located=Concept(name="Here"), extensions=(kept(f"{CONTENT}/genre[1]", genre),)
    )


@pytest.mark.parametrize(
    ("text", "loose"),
    [
        (" \n\t", ()),
        ("stray", (kept(f"{CONTENT}/subject[1]/text()", "stray"),)),
        ("\u00a0", (kept(f"{CONTENT}/subject[1]/text()", "\u00a0"),)),
    ],
)
def test_text_in_a_concept_is_kept_unless_it_is_layout(
    text: str, loose: tuple[Extension, ...]
) -> None:
    assert read_content(f'<subject qcode="s">{text}</subject>') == article(
        subjects=(Concept(qcode="s"),), extensions=loose
    )


def test_a_comment_in_a_mapped_concept_is_kept_where_it_stood() -> None:
    found = read_content('<subject qcode="s"><!-- c --><name>N</name></subject>')
    comment = kept(f"{CONTENT}/subject[1]/name[1]/preceding-sibling::comment()", "<!-- c -->")
    assert found == article(subjects=(Concept(qcode="s", name="N"),), extensions=(comment,))


def test_broader_concepts_are_read_one_level_deep_and_not_for_a_service() -> None:
    found = read(
        '<itemMeta><service qcode="svc"><broader qcode="b"/></service></itemMeta>'
        '<contentMeta><located qcode="l"><broader qcode="b"><broader qcode="c"/></broader>'
        '<sameAs qcode="  "/></located></contentMeta>'
    )
    assert found == article(
        services=(Concept(qcode="svc"),),
        located=Concept(qcode="l", broader=(Concept(qcode="b"),)),
        extensions=(
            kept(f"{META}/service[1]/broader[1]", leaf("broader", ' qcode="b"')),
            kept(f"{CONTENT}/located[1]/broader[1]/broader[1]", leaf("broader", ' qcode="c"')),
            kept(f"{CONTENT}/located[1]/sameAs[1]", leaf("sameAs", ' qcode="  "')),
        ),
    )


@pytest.mark.parametrize(
    ("element", "path"),
    [
        ('<subject qcode="  "/>', f"{CONTENT}/subject[1]"),
        ('<genre uri=" "/>', f"{CONTENT}/genre[1]"),
    ],
)
def test_a_concept_the_model_refuses_is_a_parse_error_at_it(element: str, path: str) -> None:
    field = "qcode" if "qcode" in element else "uri"
    error = parse_error(f"<contentMeta>\n{element}</contentMeta>")
    reason = f"invalid {field}: must not be empty or blank"
    assert (error.reason, error.path, error.line) == (reason, path, 2)
    assert isinstance(error.__cause__, ValidationError)


def test_a_provider_the_model_refuses_is_a_parse_error_at_it() -> None:
    error = parse_error('<itemMeta><provider qcode=" "/></itemMeta>')
    expected = ("invalid qcode: must not be empty or blank", f"{META}/provider[1]", 1)
    assert (error.reason, error.path, error.line) == expected


@pytest.mark.parametrize("located", ["<located/>", '<located x:a="1"><definition/></located>'])
def test_a_located_that_is_no_concept_is_kept_whole(located: str) -> None:
    found = read_content(located)
    assert [e.path for e in found.extensions] == [f"{CONTENT}/located[1]"]
    assert found.located is None
    assert found == article(extensions=found.extensions)


# -- parties -------------------------------------------------------------------------------


def test_a_creator_maps_every_part_and_keeps_the_rest() -> None:
    found = read_content(
        '<creator qcode="p:1" uri="http://p" type="cptype:person" role="crol:a  crol:b" '
        'x:a="1"><name xml:lang="en">Ann</name><related rel="crel:isA" qcode="gyibt:staff"/>'
        '<related qcode="r:2" rel="a b"/><related rel="crel:x"/><note>N</note>'
        "<name>Other</name></creator>"
    )
    party = Party(
        name="Ann",
        qcode="p:1",
        uri="http://p",
        kind="cptype:person",
        roles=("crol:a", "crol:b"),
        related=(
            RelatedConcept(concept=Concept(qcode="gyibt:staff"), relation="crel:isA"),
            RelatedConcept(concept=Concept(qcode="r:2")),
        ),
    )
    path = f"{CONTENT}/creator[1]"
    assert found == article(
        creators=(party,),
        extensions=(
            kept(path, attributes=(("{urn:x}a", "1"),)),
            kept(f"{path}/name[1]", attributes=(("xml:lang", "en"),)),
            kept(f"{path}/name[2]", leaf("name", text="Other")),
            kept(f"{path}/note[1]", leaf("note", text="N")),
            kept(f"{path}/related[2]", attributes=(("rel", "a b"),)),
            kept(f"{path}/related[3]", leaf("related", ' rel="crel:x"')),
        ),
    )


def test_party_attributes_the_model_cannot_take_are_kept() -> None:
    found = read_content(
        '<contributor qcode=" " uri="" type="a b" role=" "><name/><name>Bo</name></contributor>'
        '<infoSource type=" t"><name>Src</name></infoSource>'
    )
    contributor = f"{CONTENT}/contributor[1]"
    left = (("qcode", " "), ("role", " "), ("type", "a b"), ("uri", ""))
    assert found == article(
        contributors=(Party(name="Bo"),),
        info_sources=(Party(name="Src"),),
        extensions=(
            kept(contributor, attributes=left),
            kept(f"{contributor}/name[1]", leaf("name")),
            kept(f"{CONTENT}/infoSource[1]", attributes=(("type", " t"),)),
        ),
    )


@pytest.mark.parametrize(
    "party",
    [
        '<creator role="crol:a"/>',
        '<creator type="t"><name> </name></creator>',
        "<creator><name>A<x:i/></name></creator>",
        '<x:creator qcode="p"/>',
    ],
)
def test_a_party_without_a_name_qcode_or_uri_or_outside_newsml_is_kept_whole(party: str) -> None:
    found = read_content(party)
    name = "x:creator" if party.startswith("<x:") else "creator"
    assert [e.path for e in found.extensions] == [f"{CONTENT}/{name}[1]"]
    assert found == article(extensions=found.extensions)


def test_a_related_relation_that_is_no_code_is_left_out() -> None:
    found = read_content('<creator qcode="p"><related qcode="r" rel=" r"/></creator>')
    related = RelatedConcept(concept=Concept(qcode="r"))
    path = f"{CONTENT}/creator[1]/related[1]"
    assert found == article(
        creators=(Party(qcode="p", related=(related,)),),
        extensions=(kept(path, attributes=(("rel", " r"),)),),
    )


# -- contentMeta ---------------------------------------------------------------------------


@pytest.mark.parametrize("urgency", ["1", "9", " 5 "])
def test_an_urgency_from_1_to_9_is_read(urgency: str) -> None:
    found = read_content(f'<urgency x:a="1">{urgency}</urgency><urgency>3</urgency>')
    assert found == article(
        urgency=int(urgency),
        extensions=(
            kept(f"{CONTENT}/urgency[1]", attributes=(("{urn:x}a", "1"),)),
            kept(f"{CONTENT}/urgency[2]", leaf("urgency", text="3")),
        ),
    )


@pytest.mark.parametrize(
    ("urgency", "shown"),
    [
        ("0", "'0'"),
        ("10", "'10'"),
        ("", "''"),
        ("1 2", "'1 2'"),
        ("x" * 20, repr("x" * 20)),
        ("x" * 21, repr("x" * 20 + "… (21 characters)")),
    ],
)
def test_an_urgency_outside_1_to_9_is_a_parse_error_at_it(urgency: str, shown: str) -> None:
    error = parse_error(f"<contentMeta>\n\n<urgency>{urgency}</urgency></contentMeta>")
    reason = f"urgency {shown} is not an integer from 1 to 9"
    assert (error.reason, error.path, error.line) == (reason, f"{CONTENT}/urgency[1]", 3)


def test_an_urgency_holding_elements_is_kept_whole() -> None:
    found = read_content("<urgency>0<x:i/></urgency>")
    urgency = f'<urgency xmlns="{NAR}">0<x:i xmlns:x="urn:x"></x:i></urgency>'
    assert found == article(extensions=(kept(f"{CONTENT}/urgency[1]", urgency),))


def test_content_meta_maps_its_single_fields_keeping_attributes_left_over() -> None:
    found = read_content(
        '<contentCreated x:a="1">2020-01-01T00:00:00Z</contentCreated>'
        "<contentModified>2020-01-02T00:00:00-05:00</contentModified>"
        '<located qcode="geo:1"/><language tag="de" x:b="2"/>'
        '<slugline separator="-" x:c="3">A-B</slugline>'
        '<dateline nd:place="Berlin" x:d="4">Berlin, March 3</dateline>'
        '<creditline x:e="5">AP</creditline><description x:f="6">D</description>'
    )
    assert found == article(
        content_created=dt.datetime(2020, 1, 1, tzinfo=UTC),
        content_modified=dt.datetime(2020, 1, 2, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        located=Concept(qcode="geo:1"),
        language="de",
        slugline="A-B",
        slugline_separator="-",
        dateline=Dateline(place="Berlin", date="March 3"),
        creditline="AP",
        description="D",
        extensions=tuple(
            kept(f"{CONTENT}/{name}[1]", attributes=((f"{{urn:x}}{key}", value),))
            for name, key, value in (
                ("contentCreated", "a", "1"),
                ("creditline", "e", "5"),
                ("dateline", "d", "4"),
                ("description", "f", "6"),
                ("language", "b", "2"),
                ("slugline", "c", "3"),
            )
        ),
    )


def test_only_the_first_content_meta_and_first_of_each_single_field_are_mapped() -> None:
    seconds = {
        "contentCreated": "2021-01-01T00:00:00Z",
        "contentModified": "2021-01-01T00:00:00Z",
        "located": None,
        "creditline": "C2",
        "dateline": "D2",
        "language": None,
        "slugline": "S2",
    }
    found = read(
        "<contentMeta>"
        "<contentCreated>2020-01-01T00:00:00Z</contentCreated>"
        "<contentCreated>2021-01-01T00:00:00Z</contentCreated>"
        "<contentModified>2020-01-01T00:00:00Z</contentModified>"
        "<contentModified>2021-01-01T00:00:00Z</contentModified>"
        '<located qcode="l:1"/><located qcode="l:2"/><language tag="en"/><language tag="fr"/>'
        "<slugline>S</slugline><slugline>S2</slugline><dateline>D</dateline>"
        "<dateline>D2</dateline><creditline>C</creditline><creditline>C2</creditline>"
        "</contentMeta><contentMeta><headline>H2</headline></contentMeta>"
    )
    attributes = {"located": ' qcode="l:2"', "language": ' tag="fr"'}
    assert found == article(
        content_created=dt.datetime(2020, 1, 1, tzinfo=UTC),
        content_modified=dt.datetime(2020, 1, 1, tzinfo=UTC),
        located=Concept(qcode="l:1"),
        language="en",
        slugline="S",
        dateline=Dateline(place="D"),
        creditline="C",
        extensions=(
            *(
                kept(f"{CONTENT}/{name}[2]", leaf(name, attributes.get(name, ""), text or ""))
                for name, text in seconds.items()
            ),
            kept(
                "/newsItem/contentMeta[2]",
                f'<contentMeta xmlns="{NAR}"><headline>H2</headline></contentMeta>',
            ),
        ),
    )


@pytest.mark.parametrize(
    "child",
    [
        "<contentCreated>today</contentCreated>",
        "<contentModified>2020-01-01T00:00:00</contentModified>",
        "<contentCreated>2020-01-01T00:00:00Z<x:i/></contentCreated>",
        "<language/>",
        '<language tag=""/>',
        '<language tag="en"><x:i/></language>',
        "<slugline/>",
        "<slugline>S<x:i/></slugline>",
        "<dateline/>",
        "<dateline>D<x:i/></dateline>",
        "<creditline> </creditline>",
        "<creditline>C<x:i/></creditline>",
        "<description/>",
        "<description>D<x:i/></description>",
        "<keyword/>",
        "<keyword>K<x:i/></keyword>",
        "<by> </by>",
        "<by>B<x:i/></by>",
        "<headline/>",
        "<headline>H<x:i/></headline>",
        "<altId/>",
        "<altId>A<x:i/></altId>",
        '<altId type="a b">A</altId>',
        '<altId type="">A</altId>',
        "<altId>a\u2028b</altId>",
        "<genre/>",
        '<subject x:a="1"/>',
        "<x:headline>H</x:headline>",
    ],
)
def test_a_content_meta_child_the_model_cannot_take_is_kept_whole(child: str) -> None:
    found = read_content(f"{child}<keyword>k</keyword>")
    name = child[1:].split(">", maxsplit=1)[0].split(maxsplit=1)[0].rstrip("/")
    assert [e.path for e in found.extensions] == [f"{CONTENT}/{name}[1]"]
    assert found.extensions[0].content.startswith(f"<{name} ")
    assert found == article(keywords=("k",), extensions=found.extensions)


def test_a_slugline_separator_is_mapped_only_within_one_line() -> None:
    found = read_content('<slugline separator="&#10;">A B</slugline>')
    path = f"{CONTENT}/slugline[1]"
    assert found == article(
        slugline="A B", extensions=(kept(path, attributes=(("separator", "\n"),)),)
    )
    assert read_content('<slugline separator="">A</slugline>') == article(
        slugline="A", extensions=(kept(path, attributes=(("separator", ""),)),)
    )


def test_content_meta_lists_keep_their_order() -> None:
    found = read_content(
        '<altId type="idtype:a" x:a="1">A1</altId><altId>A2</altId>'
        '<genre qcode="g:1"/><genre literal="g2"/><subject qcode="s:1"/><subject uri="u"/>'
        '<keyword>k1</keyword><keyword x:b="2">k2</keyword><by>B1</by><by>B2</by>'
        '<creator qcode="c:1"/><creator uri="c2"/><contributor qcode="o:1"/>'
        '<infoSource qcode="i:1"/>'
    )
    assert found == article(
        alt_ids=(AltId(value="A1", kind="idtype:a"), AltId(value="A2")),
        genres=(Concept(qcode="g:1"), Concept(literal="g2")),
        subjects=(Concept(qcode="s:1"), Concept(uri="u")),
        keywords=("k1", "k2"),
        bylines=("B1", "B2"),
        creators=(Party(qcode="c:1"), Party(uri="c2")),
        contributors=(Party(qcode="o:1"),),
        info_sources=(Party(qcode="i:1"),),
        extensions=(
            kept(f"{CONTENT}/altId[1]", attributes=(("{urn:x}a", "1"),)),
            kept(f"{CONTENT}/keyword[2]", attributes=(("{urn:x}b", "2"),)),
        ),
    )


def test_headlines_by_role_order_and_mark() -> None:
    found = read_content(
        '<headline role="hlrole:main">Main</headline><headline role="hlrole:sub">Sub</headline>'
        '<headline>Second</headline><headline role="hlrole:short" xml:lang="en" x:a="1">'
        'Short</headline><headline role="x:subtitle">Sub2</headline>'
    )
    assert found == article(
        headline="Main",
        subheadline="Sub",
        other_headlines=(
            RoleText(text="Second"),
            RoleText(text="Short", role="hlrole:short", language="en"),
            RoleText(text="Sub2", role="x:subtitle"),
        ),
        extensions=(
            kept(f"{CONTENT}/headline[1]", attributes=(("role", "hlrole:main"),)),
            kept(f"{CONTENT}/headline[4]", attributes=(("{urn:x}a", "1"),)),
        ),
    )


def test_a_headline_of_an_empty_role_is_the_headline() -> None:
    assert read_content('<headline role="">H</headline>') == article(headline="H")


def test_a_sub_headline_of_another_role_keeps_its_role() -> None:
    found = read_content('<headline role="x:sub">S</headline><headline>H</headline>')
    path = f"{CONTENT}/headline[1]"
    assert found == article(
        subheadline="S", headline="H", extensions=(kept(path, attributes=(("role", "x:sub"),)),)
    )


def test_a_headline_marked_other_is_a_further_headline_even_when_first() -> None:
    found = read_content('<headline nd:other="1">O</headline><headline>H</headline>')
    assert found == article(headline="H", other_headlines=(RoleText(text="O"),))


@pytest.mark.parametrize(
    "element",
    [
        '<headline role="a b">X</headline>',
        '<headline xml:lang="e n">X</headline>',
        '<description role=" r">X</description>',
        '<description xml:lang="">X</description>',
    ],
)
def test_a_further_text_of_a_role_or_language_the_model_refuses_is_kept_whole(
    element: str,
) -> None:
    name = element[1:].split(maxsplit=1)[0]
    found = read_content(f"<{name}>First</{name}>{element}")
    assert [e.path for e in found.extensions] == [f"{CONTENT}/{name}[2]"]
    assert found == article(**{name: "First"}, extensions=found.extensions)


def test_descriptions_after_the_first_or_marked_other_are_further_descriptions() -> None:
    found = read_content(
        '<description nd:other="1" role="drol:caption">C</description>'
        '<description role="drol:summary" xml:lang="de" x:a="1">S</description>'
        "<description/><description>E<x:i/></description>"
    )
    assert found == article(
        other_descriptions=(
            RoleText(text="C", role="drol:caption"),
            RoleText(text="S", role="drol:summary", language="de"),
        ),
        extensions=(
            kept(f"{CONTENT}/description[2]", attributes=(("{urn:x}a", "1"),)),
            kept(f"{CONTENT}/description[3]", leaf("description")),
            kept(
                f"{CONTENT}/description[4]",
                f'<description xmlns="{NAR}">E<x:i xmlns:x="urn:x"></x:i></description>',
            ),
        ),
    )
    second = read_content("<description>D</description><description>E</description>")
    assert second == article(description="D", other_descriptions=(RoleText(text="E"),))


def test_a_dateline_s_place_mark_says_where_its_place_ends() -> None:
    found = read_content('<dateline nd:place="Washington">Washington, in the rain</dateline>')
    assert found == article(dateline=Dateline(place="Washington", date="in the rain"))
    unmarked = read_content("<dateline>Washington, in the rain</dateline>")
    assert unmarked == article(dateline=Dateline(place="Washington, in the rain"))


def test_a_dateline_without_its_place_mark_is_read_from_its_text() -> None:
    found = read_content("<dateline>Paris, Jan. 5, 2024</dateline>")
    assert found == article(dateline=Dateline(place="Paris", date="Jan. 5, 2024"))


def test_a_second_annotations_element_is_a_parse_error_at_it() -> None:
    error = parse_error("<contentMeta><nd:annotations/>\n<nd:annotations/></contentMeta>")
    expected = ("a second nd:annotations", f"{CONTENT}/nd:annotations[2]", 2)
    assert (error.reason, error.path, error.line) == expected


def test_an_error_in_annotations_names_the_file() -> None:
    data = item('<contentMeta><nd:annotations x="1"/></contentMeta>')
    with pytest.raises(ParseError) as caught:
        reader.read(data, ReadOptions(source="f.xml"))
    assert (caught.value.path, caught.value.source) == (f"{CONTENT}/nd:annotations[1]/@x", "f.xml")


def test_an_empty_content_meta_is_kept() -> None:
    assert read("<contentMeta/>") == article(extensions=(kept(CONTENT),))


def test_content_meta_attributes_are_kept() -> None:
    found = read('<contentMeta x:a="1"><headline>H</headline></contentMeta>')
    assert found == article(
        headline="H", extensions=(kept(CONTENT, attributes=(("{urn:x}a", "1"),)),)
    )


def test_a_container_holding_only_stray_text_keeps_the_text_not_an_empty_container() -> None:
    found = read("<contentSet> stray </contentSet>")
    assert found == article(extensions=(kept(f"{SET}/text()", "stray"),))


def test_a_content_meta_holding_a_comment_is_not_empty() -> None:
    found = read("<contentMeta><!-- c --></contentMeta>")
    assert found == article(extensions=(kept(f"{CONTENT}/comment()", "<!-- c -->"),))


# -- contentSet: the body ------------------------------------------------------------------


def retained(
    path: str, start: str, rest: str, lead: tuple[str, ...], header: str = ""
) -> Extension:
    """The rendition kept as it came, its start tag ``start`` marked with its digest."""
    fields = {"headline": header} if header else {}
    digest = body_digest((lead, (), ()), fields)
    marks = f' xmlns:nd="{ND}" nd:header="{"headline" if header else ""}" nd:digest="{digest}"'
    return kept(path, f"{start}{marks}{rest}")


XHTML_BODY = f'<html xmlns="{XHTML}"><body><p>One.</p></body></html>'


def test_the_first_xhtml_rendition_is_the_body_and_is_retained_marked() -> None:
    found = read(
        f'<contentSet><inlineXML contenttype="application/xhtml+xml">{XHTML_BODY}</inlineXML>'
        f'<inlineXML contenttype="application/nitf+xml"><nitf/></inlineXML></contentSet>'
    )
    start = f'<inlineXML xmlns="{NAR}" contenttype="application/xhtml+xml"'
    second = (
        f'<inlineXML xmlns="{NAR}" contenttype="application/nitf+xml"><nitf></nitf></inlineXML>'
    )
    assert found == article(
        lead=("One.",),
        extensions=(
            kept(f"{SET}/inlineXML[2]", second),
            retained(f"{SET}/inlineXML[1]", start, f">{XHTML_BODY}</inlineXML>", ("One.",)),
        ),
    )


def test_a_generated_rendition_is_read_exactly_and_not_retained() -> None:
    found = read(
        '<contentSet><inlineXML contenttype="application/xhtml+xml" nd:body="generated">'
        f'<html xmlns="{XHTML}"><body><p>One.</p><p>Two.</p></body></html></inlineXML>'
        "</contentSet>"
    )
    assert found == article(lead=("One.", "Two."))


@pytest.mark.parametrize(
    ("content_type", "body", "lead"),
    [
        ("application/xhtml+xml", f'<x:wrap><p xmlns="{XHTML}">One.</p></x:wrap>', ("One.",)),
        ("application/xhtml+xml", "<html><body><p>One.</p></body></html>", ("One.",)),
        ("application/xhtml+xml", '<html xmlns=""><body><p>One.</p></body></html>', ("One.",)),
        (
            "application/nitf+xml",
            "<nitf xmlns=''><body><body.content><p>One.</p></body.content></body></nitf>",
            ("One.",),
        ),
        (
            "application/nitf+xml",
            f'<nitf xmlns="{NITF}"><body><body.content><p>One.</p></body.content></body></nitf>',
            ("One.",),
        ),
        (
            "application/xhtml+xml",
            f'<nitf xmlns="{NITF}"><body><body.content><p>One.</p></body.content></body></nitf>',
            ("One.",),
        ),
        ("application/nitf+xml", XHTML_BODY, ("One.",)),
        ("application/xhtml+xml", f"<!-- c --><?p x?>{XHTML_BODY}", ("One.",)),
        (
            "application/nitf+xml",
            f'<x:wrap><nitf xmlns="{NITF}"><body><body.content><p>One.</p></body.content>'
            "</body></nitf></x:wrap>",
            ("One.",),
        ),
        ("application/xhtml+xml", "", ()),
        ("application/nitf+xml", "<!-- c -->", ()),
    ],
)
def test_a_rendition_is_read_in_the_dialect_of_its_first_element_or_its_content_type(
    content_type: str, body: str, lead: tuple[str, ...]
) -> None:
    found = read(
        f'<contentSet><inlineXML contenttype="{content_type}" nd:body="generated">{body}'
        "</inlineXML></contentSet>"
    )
    assert found == article(lead=lead)


@pytest.mark.parametrize("namespace", ["", NITF])
def test_a_nitf_rendition_in_no_namespace_or_nitf_s_is_read_as_nitf(namespace: str) -> None:
    found = read(
        '<contentSet><inlineXML contenttype="application/nitf+xml" nd:body="generated">'
        f'<nitf xmlns="{namespace}"><body><body.head><hedline><hl1>H</hl1></hedline></body.head>'
        "<body.content><p>One.</p></body.content></body></nitf></inlineXML></contentSet>"
    )
    assert found == article(headline="H", lead=("One.",))


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/xhtml+xml", f'<html xmlns="{XHTML}"><body><p>{{}}</p></body></html>'),
        ("application/xhtml+xml", '<html xmlns=""><body><p>{}</p></body></html>'),
        ("application/xhtml+xml", "<html><body><p>{}</p></body></html>"),
        ("application/xhtml+xml", f'<x:wrap><p xmlns="{XHTML}">{{}}</p></x:wrap>'),
        (
            "application/nitf+xml",
            f'<nitf xmlns="{NITF}"><body><body.content><p>{{}}</p></body.content></body></nitf>',
        ),
        (
            "application/nitf+xml",
            "<nitf><body><body.content><p>{}</p></body.content></body></nitf>",
        ),
        (
            "application/nitf+xml",
            f'<x:wrap><nitf xmlns="{NITF}"><body><body.content><p>{{}}</p></body.content>'
            "</body></nitf></x:wrap>",
        ),
    ],
)
def test_a_generated_rendition_is_read_exactly_in_every_dialect(
    content_type: str, body: str
) -> None:
    rendition = (
        f'<inlineXML contenttype="{content_type}">{body.format("a  <em>b</em>")}</inlineXML>'
    )
    folded = read(f"<contentSet>{rendition}</contentSet>")
    assert folded.lead == ("a b",)
    generated = rendition.replace("<inlineXML ", '<inlineXML nd:body="generated" ')
    exact = read(f"<contentSet>{generated}</contentSet>")
    b = Span(paragraph=0, start=3, end=4, text="b")
    assert exact == article(lead=("a  b",), marks=(Mark(kind=MarkKind.EMPHASIS, span=b),))


def test_a_nitf_head_fills_the_header_fields_the_item_left_unset() -> None:
    body = (
        f'<nitf xmlns="{NITF}"><body><body.head><hedline><hl1>From body</hl1></hedline>'
        "</body.head><body.content><p>One.</p></body.content></body></nitf>"
    )
    start = f'<inlineXML xmlns="{NAR}" contenttype="application/nitf+xml"'
    rendition = (
        f'<contentSet><inlineXML contenttype="application/nitf+xml">{body}</inlineXML></contentSet>'
    )
    found = read(rendition)
    path = f"{SET}/inlineXML[1]"
    assert found == article(
        headline="From body",
        lead=("One.",),
        extensions=(retained(path, start, f">{body}</inlineXML>", ("One.",), "From body"),),
    )
    stated = read(f"<contentMeta><headline>Stated</headline></contentMeta>{rendition}")
    assert stated == article(
        headline="Stated",
        lead=("One.",),
        extensions=(retained(path, start, f">{body}</inlineXML>", ("One.",)),),
    )


def test_every_header_field_a_rendition_gives_is_named_in_its_mark() -> None:
    body = (
        "<nitf><body><body.head><hedline><hl1>H</hl1><hl2>S</hl2></hedline><byline>By A</byline>"
        "</body.head><body.content><p>One.</p></body.content></body></nitf>"
    )
    found = read(
        f'<contentSet><inlineXML contenttype="application/nitf+xml">{body}</inlineXML></contentSet>'
    )
    header = {"headline": "H", "subheadline": "S", "bylines": ("A",)}
    assert found == article(lead=("One.",), extensions=found.extensions, **header)
    content = found.extensions[0].content
    named = content[content.index(' nd:header="') + 12 :].split('"')[0]
    assert sorted(named.split(" ")) == sorted(header)
    fields = {field: header[field] for field in named.split(" ")}
    assert f' nd:digest="{body_digest((("One.",), (), ()), fields)}">' in content


@pytest.mark.parametrize(
    ("bound", "prefix"),
    [
        (' xmlns:nd="urn:o" nd:a="1"', "nd1"),
        (' xmlns:nd="urn:o" xmlns:nd1="urn:p" nd:a="1" nd1:b="2"', "nd2"),
    ],
)
def test_a_rendition_that_binds_nd_elsewhere_is_marked_with_a_free_prefix(
    bound: str, prefix: str
) -> None:
    found = read(
        f'<contentSet><inlineXML contenttype="application/xhtml+xml"{bound}>{XHTML_BODY}'
        "</inlineXML></contentSet>"
    )
    content = found.extensions[0].content
    start = content[: content.index(">")]
    digest = body_digest((("One.",), (), ()), {})
    assert start.endswith(f' xmlns:{prefix}="{ND}" {prefix}:header="" {prefix}:digest="{digest}"')
    assert content.endswith(f">{XHTML_BODY}</inlineXML>")
    assert found == article(lead=("One.",), extensions=found.extensions)


def test_a_rendition_that_binds_nd_to_newsdoc_is_not_bound_again() -> None:
    found = read(
        '<contentSet><inlineXML contenttype="application/xhtml+xml" nd:a="1">'
        f"{XHTML_BODY}</inlineXML></contentSet>"
    )
    digest = body_digest((("One.",), (), ()), {})
    start = (
        f'<inlineXML xmlns="{NAR}" xmlns:nd="{ND}" contenttype="application/xhtml+xml" nd:a="1"'
        f' nd:header="" nd:digest="{digest}">'
    )
    assert found.extensions == (kept(f"{SET}/inlineXML[1]", f"{start}{XHTML_BODY}</inlineXML>"),)


def test_a_rendition_s_marks_count_in_its_digest_as_the_article_holds_them() -> None:
    body = (
        f'<html xmlns="{XHTML}"><body><p>Lead.</p><div class="section"><h2>H</h2>'
        "<p>The <em>po</em><em>rt</em> reopened.</p></div></body></html>"
    )
    found = read(
        f'<contentSet><inlineXML contenttype="application/xhtml+xml">{body}</inlineXML>'
        "</contentSet>"
    )
    sections = (Section(heading="H", paragraphs=("The port reopened.",)),)
    port = Span(paragraph=1, start=4, end=8, text="port")
    marks = (Mark(kind=MarkKind.EMPHASIS, span=port),)
    digest = body_digest((("Lead.",), sections, ()), {}, marks)
    start = (
        f'<inlineXML xmlns="{NAR}" contenttype="application/xhtml+xml" xmlns:nd="{ND}" '
        f'nd:header="" nd:digest="{digest}">'
    )
    assert found == article(
        lead=("Lead.",),
        sections=sections,
        marks=marks,
        extensions=(kept(f"{SET}/inlineXML[1]", f"{start}{body}</inlineXML>"),),
    )


@pytest.mark.parametrize(
    ("attribute", "text"),
    [(' x:base="http://e/"', "One"), ("", "/One"), (' x:a="/"', "/")],
)
def test_a_rendition_is_marked_at_the_end_of_its_start_tag_whatever_slashes_stand_by_it(
    attribute: str, text: str
) -> None:
    found = read(
        f'<contentSet><inlineData contenttype="text/plain"{attribute}>{text}</inlineData>'
        "</contentSet>"
    )
    declared = ' xmlns:x="urn:x"' if attribute else ""
    digest = body_digest(((text,), (), ()), {})
    content = (
        f'<inlineData xmlns="{NAR}"{declared} contenttype="text/plain"{attribute} '
        f'xmlns:nd="{ND}" nd:header="" nd:digest="{digest}">{text}</inlineData>'
    )
    assert found == article(lead=(text,), extensions=(kept(f"{SET}/inlineData[1]", content),))
    assert newsdoc.read(newsdoc.write(found, "newsml"), format="newsml") == found


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("One\ntwo", ("One", "two")),
        ("One two\nThree  four", ("One two", "Three four")),
        ("One&#13;&#10;two&#10;&#10;Three", ("One two", "Three")),
        ("One\ntwo\n \t\nThree", ("One two", "Three")),
        ("One&#13;&#10;&#13;&#10;Two", ("One", "Two")),
        ("One&#13;&#10;Two", ("One", "Two")),
        ("One&#13;Two", ("One", "Two")),
        ("One&#13;&#13;Two\nthree", ("One", "Two three")),
        ("\n  One  \n\n\n", ("One",)),
    ],
)
def test_a_plain_text_body_parts_paragraphs_at_blank_lines_or_else_at_lines(
    text: str, lead: tuple[str, ...]
) -> None:
    found = read(
        f'<contentSet><inlineData contenttype=" text/plain ; charset=utf-8">{text}</inlineData>'
        "</contentSet>"
    )
    assert found.lead == lead
    assert found == article(lead=lead, extensions=found.extensions)
    digest = body_digest((lead, (), ()), {})
    assert found.extensions[0].path == f"{SET}/inlineData[1]"
    assert found.extensions[0].content.startswith(
        f'<inlineData xmlns="{NAR}" contenttype=" text/plain ; charset=utf-8" xmlns:nd="{ND}" '
        f'nd:header="" nd:digest="{digest}">'
    )


def test_a_plain_text_body_is_the_first_with_words_and_only_without_a_markup_body() -> None:
    found = read(
        '<contentSet><inlineData contenttype="text/plain"/>'
        '<inlineData contenttype="text/html">Html</inlineData>'
        '<inlineXML contenttype="text/plain">Xml</inlineXML>'
        '<inlineData contenttype="text/plain">Plain<x:i/></inlineData>'
        "<inlineData>None</inlineData>"
        '<inlineData contenttype="text/plain">One</inlineData>'
        '<inlineData contenttype="text/plain">Two</inlineData></contentSet>'
    )
    assert found.lead == ("One",)
    assert [e.path for e in found.extensions] == [
        f"{SET}/inlineData[1]",
        f"{SET}/inlineData[2]",
        f"{SET}/inlineXML[1]",
        f"{SET}/inlineData[3]",
        f"{SET}/inlineData[4]",
        f"{SET}/inlineData[6]",
        f"{SET}/inlineData[5]",
    ]
    assert found.extensions[0].content == leaf("inlineData", ' contenttype="text/plain"')
    assert found.extensions[5].content == leaf("inlineData", ' contenttype="text/plain"', "Two")
    with_markup = read(
        '<contentSet><inlineData contenttype="text/plain">Plain</inlineData>'
        f'<inlineXML contenttype="application/xhtml+xml">{XHTML_BODY}</inlineXML></contentSet>'
    )
    assert with_markup.lead == ("One.",)
    assert [e.path for e in with_markup.extensions] == [
        f"{SET}/inlineData[1]",
        f"{SET}/inlineXML[1]",
    ]
    assert with_markup.extensions[0].content == leaf(
        "inlineData", ' contenttype="text/plain"', "Plain"
    )


def test_only_the_first_content_set_is_read_and_an_empty_one_is_kept() -> None:
    found = read(
        '<contentSet x:a="1"/><contentSet><inlineData contenttype="text/plain">P</inlineData>'
        "</contentSet>"
    )
    second = (
        f'<contentSet xmlns="{NAR}"><inlineData contenttype="text/plain">P</inlineData>'
        "</contentSet>"
    )
    assert found == article(
        extensions=(
            kept(SET, attributes=(("{urn:x}a", "1"),)),
            kept("/newsItem/contentSet[2]", second),
        ),
    )
    assert read("<contentSet/>") == article(extensions=(kept(SET),))


# -- annotations over the body ------------------------------------------------------------

PARAGRAPH = "Officials said the strike hit Iraq."
ANNOTATIONS = (
    '<contentMeta><nd:annotations><nd:attribution kind="indirect">'
    '<nd:source p="{p}" start="0" end="9">Officials</nd:source>'
    '<nd:cue p="{p}" start="10" end="14">said</nd:cue>'
    '<nd:content p="{p}" start="15" end="34">the strike hit Iraq</nd:content>'
    "</nd:attribution></nd:annotations></contentMeta>"
)


def test_annotations_anchor_in_the_lead_and_in_sections() -> None:
    body = (
        '<contentSet><inlineXML contenttype="application/xhtml+xml" nd:body="generated">'
        f'<html xmlns="{XHTML}"><body><p>Lead.</p><div class="section"><h2>H</h2>'
        f"<p>{PARAGRAPH}</p></div></body></html></inlineXML></contentSet>"
    )
    found = read(ANNOTATIONS.format(p=1) + body)

    def span(text: str) -> Span:
        start = PARAGRAPH.index(text)
        return Span(paragraph=1, start=start, end=start + len(text), text=text)

    attribution = Attribution(
        kind=AttributionKind.INDIRECT,
        source=span("Officials"),
        cue=span("said"),
        content=(span("the strike hit Iraq"),),
    )
    assert found == article(
        lead=("Lead.",),
        sections=(Section(heading="H", paragraphs=(PARAGRAPH,)),),
        attributions=(attribution,),
    )


def test_extensions_of_other_formats_come_after_kept_content_and_the_rendition() -> None:
    found = read(
        '<itemMeta><link rel="r"/></itemMeta><contentMeta><nd:annotations>'
        '<nd:extension format="ninjs" path="$.x">1</nd:extension></nd:annotations>'
        f'</contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">{XHTML_BODY}'
        "</inlineXML></contentSet>"
    )
    start = f'<inlineXML xmlns="{NAR}" contenttype="application/xhtml+xml"'
    assert found == article(
        lead=("One.",),
        extensions=(
            kept(f"{META}/link[1]", leaf("link", ' rel="r"')),
            retained(f"{SET}/inlineXML[1]", start, f">{XHTML_BODY}</inlineXML>", ("One.",)),
            Extension(format="ninjs", path="$.x", content="1"),
        ),
    )


def test_annotations_over_an_item_without_a_body_are_a_parse_error_at_the_span() -> None:
    error = parse_error(ANNOTATIONS.format(p=0))
    path = f"{CONTENT}/nd:annotations[1]/nd:attribution[1]/nd:source[1]"
    assert (error.reason, error.path) == ("points at paragraph 0 but the body has 0", path)


@pytest.mark.parametrize(
    ("provider", "expected"),
    [
        ('<provider literal="newsdoc"/>', None),
        ('<provider literal="newsdoc"> </provider>', None),
        ('<provider literal="Reuters"/>', newsdoc.Concept(literal="Reuters")),
        (
            '<provider qcode="real:1" literal="newsdoc"/>',
            newsdoc.Concept(qcode="real:1", literal="newsdoc"),
        ),
        (
            '<provider literal="newsdoc"><name>Wire</name></provider>',
            newsdoc.Concept(literal="newsdoc", name="Wire"),
        ),
    ],
)
def test_a_generated_provider_is_unset_only_while_it_is_the_stand_in(
    provider: str, expected: newsdoc.Concept | None
) -> None:
    written = newsdoc.write(newsdoc.Article(lead=("One.",)), "newsml")
    assert '<provider literal="newsdoc"/>' in written
    article = newsdoc.read(written.replace('<provider literal="newsdoc"/>', provider), "newsml")
    assert article.provider == expected
    assert article.extensions == ()


def test_only_the_first_provider_is_looked_at_as_the_generated_stand_in() -> None:
    written = newsdoc.write(newsdoc.Article(lead=("One.",)), "newsml")
    flag = '<x:flag xmlns:x="urn:x" literal="newsdoc"/>'
    edited = written.replace("<itemMeta>", f"<itemMeta>{flag}", 1)
    article = newsdoc.read(edited, "newsml")
    assert article.provider is None
    assert [(e.path, e.content) for e in article.extensions] == [
        ("/newsItem/itemMeta[1]/x:flag[1]", '<x:flag xmlns:x="urn:x" literal="newsdoc"></x:flag>')
    ]
