"""Reading NITF: agency files of NITF 3.1 to 3.6, with and without the IPTC namespace."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

import newsdoc
from newsdoc import (
    AttributionKind,
    Concept,
    Dateline,
    NewsdocError,
    ParseError,
    PubStatus,
    Rights,
    Section,
    UnmappedContentError,
    UnreadContentWarning,
)
from newsdoc.formats import by_suffix

DATA = Path(__file__).parent / "data"
NITF_DATA = DATA / "nitf"
AP = NITF_DATA / "ap_3_3_strike.xml"
EFE = NITF_DATA / "efe_3_6_fire.xml"
NTB = NITF_DATA / "ntb_3_1_snow.xml"
NS = "http://iptc.org/std/NITF/2006-10-18/"


def _read(data: str | bytes, **options: bool) -> newsdoc.Article:
    return newsdoc.read(data, format="nitf", **options)


def test_an_nitf_3_3_agency_file_in_iso_8859_1_with_a_dtd_named() -> None:
    article = newsdoc.read(AP)
    assert article.id == "AP-2025-0303-mombasa-strike"
    assert article.version == 2
    assert article.slugline == "Kenya-Port Strike"
    assert article.urgency == 3
    assert article.pub_status is PubStatus.USABLE
    assert article.created == dt.datetime(2025, 3, 3, 6, 15, tzinfo=dt.timezone.utc)
    assert article.headline == "Dock strike halts Mombasa port"
    assert article.subheadline == "Union demands 20% raise; government calls talks"
    assert article.bylines == ("Amina Wanjiru, Associated Press Writer",)
    # "(AP)" stands between place and date: the whole line is the place, nothing dropped.
    assert article.dateline == Dateline(place="MOMBASA, Kenya (AP) March 3")
    assert article.keywords == ("Kenya", "strikes", "ports")
    assert article.rights == Rights(holder="The Associated Press")
    assert article.lead[0] == (
        "Dock workers at Mombasa walked off the job on Monday, halting cargo at East "
        "Africa's busiest port."
    )
    assert "— café owners" in article.lead[3]  # a numeric reference and Latin-1 bytes
    assert article.trailer == ("Associated Press writer Tom Odula contributed from Nairobi.",)


def test_q_is_a_direct_attribution_with_its_source_and_cue_found() -> None:
    article = newsdoc.read(AP)
    (attribution,) = article.attributions
    assert attribution.kind is AttributionKind.DIRECT
    assert attribution.source.text == "Juma Hamisi"
    assert attribution.cue.text == "said"
    assert [span.text for span in attribution.content] == [
        "We will not return until our wages are fair"
    ]
    assert {span.paragraph for span in attribution.spans()} == {1}


def test_event_takes_the_nearest_chron_as_its_time() -> None:
    (event,) = newsdoc.read(AP).events
    assert event.trigger.text == "stoppage"
    assert event.time is not None
    assert event.time.span.text == "6 a.m."
    assert event.time.value == "2025-03-03T06:00"


def test_markup_no_field_holds_is_kept_where_it_stood() -> None:
    kept = {extension.path: extension for extension in newsdoc.read(AP).extensions}
    table = kept["/nitf/body[1]/body.content[1]/*[4]"]
    assert table.content.startswith(f'<table xmlns="{NS}">')  # moved into NITF's namespace
    assert "Kilindini" in table.content
    assert kept["/nitf/body[1]/body.content[1]/*[5]/money[1]"].content == (
        f'<money xmlns="{NS}" unit="USD">$3 million</money>'
    )
    # A chron with no event, and one whose norm has no value in the model, stay markup.
    assert "Tuesday" in kept["/nitf/body[1]/body.content[1]/*[3]/chron[1]"].content
    assert 'norm="20250303"' in kept["/nitf/body[1]/body.content[1]/*[1]/chron[1]"].content
    assert kept["/nitf/head[1]/docdata[1]/doc-id[1]"].attributes == (("regsrc", "AP"),)
    assert kept["/nitf/head[1]/docdata[1]/doc.copyright[1]"].attributes == (("year", "2025"),)
    for path in ("/nitf/head[1]/tobject[1]", "/nitf/head[1]/meta[1]", "/nitf/head[1]/pubdata[1]"):
        assert path in kept
    assert "/nitf/head[1]/docdata[1]/date.release[1]" not in kept  # the embargo
    # Markup inside a byline is kept with it; the byline's words are the model's byline.
    assert "<person>Amina Wanjiru</person>" in kept["/nitf/body[1]/body.head[1]/byline[1]"].content


def test_strict_mode_refuses_what_it_would_keep() -> None:
    with pytest.raises(UnmappedContentError) as caught:
        newsdoc.read(AP, strict=True)
    assert "/nitf/body[1]/body.content[1]/*[4]" in caught.value.paths
    assert newsdoc.read(NTB, strict=True).headline == "Snøfall stenger E6 over Dovrefjell"


def test_an_nitf_3_6_file_in_the_iptc_namespace() -> None:
    article = newsdoc.read(EFE)
    assert article.language == "es"
    assert article.created == dt.datetime(
        2025, 4, 12, 10, 17, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert article.provider == Concept(name="Agencia EFE")
    assert article.bylines == ("Redacción EFE",)
    assert article.dateline == Dateline(place="VALENCIA", date="12 abr")
    assert article.description == "Los bomberos controlan el fuego tras cinco horas de trabajo."
    assert article.rights == Rights(
        holder="Agencia EFE", usage_terms="Prohibida su reproducción sin autorización"
    )
    # A block of headings and paragraphs is read through; a bare hl2 opens a section too.
    assert article.sections == (
        Section(
            heading="Sin heridos graves",
            paragraphs=(
                "Según Emergencias de la Generalitat, ocho personas fueron atendidas por "
                "inhalación de humo.",
            ),
        ),
        Section(heading="Investigación", paragraphs=("La policía investiga el origen del fuego.",)),
    )
    assert article.trailer == ("EFE", "jlm/ar")
    kept = {extension.path: extension for extension in article.extensions}
    assert kept["/nitf/body[1]/body.content[1]/*[1]"].attributes == (("lede", "true"),)
    assert kept["/nitf/body[1]/body.content[1]/*[6]"].content.startswith("<media ")
    assert article.editorial_notes == ("Corrige cifra en el segundo párrafo",)
    assert "/nitf/head[1]/docdata[1]/ed-msg[1]" not in kept


def test_an_nitf_3_1_file_maps_whole() -> None:
    article = newsdoc.read(NTB, strict=True)
    assert article.id == "NTB-20250117-1043"
    assert article.urgency == 4
    assert article.lead == (
        "Kraftig snøfall og vind førte til at E6 over Dovrefjell ble stengt fredag morgen.",
        "Statens vegvesen venter at veien åpner igjen i løpet av ettermiddagen.",
    )
    assert article.extensions == ()


def test_the_declared_encoding_is_honoured() -> None:
    text = NTB.read_bytes().decode("iso-8859-1")
    as_utf16 = text.replace("ISO-8859-1", "UTF-16").encode("utf-16")
    assert _read(as_utf16) == newsdoc.read(NTB)
    assert _read(text) == newsdoc.read(NTB)  # a str is decoded already


def test_the_same_document_with_and_without_namespace_reads_the_same() -> None:
    without = NTB.read_bytes().replace(b'<nitf version="-//IPTC-NAA//DTD NITF 3.1//EN"', b"<nitf")
    within = without.replace(b"<nitf", f'<nitf xmlns="{NS}"'.encode(), 1)
    assert _read(without) == _read(within)
    prefixed = without.replace(b"<", b"<n:").replace(b"<n:/", b"</n:").replace(b"<n:?", b"<?")
    prefixed = prefixed.replace(b"<n:nitf", f'<n:nitf xmlns:n="{NS}"'.encode(), 1)
    assert _read(prefixed) == _read(within)


def test_a_suffix_shared_with_newsml_is_told_by_content() -> None:
    for path in (AP, EFE, NTB):
        assert by_suffix(".xml", path.read_bytes()[:4096]).name == "nitf"
    newsml = DATA / "newsml" / "LISTING_1_A_NewsML-G2_News_Item.xml"
    assert by_suffix(".xml", newsml.read_bytes()[:4096]).name == "newsml"
    assert by_suffix(".nitf").name == "nitf"


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ("<nitf/>", None),
        ('<article xmlns="http://iptc.org/std/NITF/2006-10-18/"/>', "expected an nitf root"),
        ('<nitf xmlns="urn:other"><body/></nitf>', "not NITF's"),
        ('<!DOCTYPE nitf [<!ENTITY x "boom">]><nitf><body/></nitf>', "DTD"),
        ('<!DOCTYPE nitf SYSTEM "nitf.dtd"><nitf><body><p>a&nbsp;b</p></body></nitf>', "&nbsp;"),
        ("<nitf><body><body.content><p>a</b></body.content></body></nitf>", "mismatch"),
    ],
)
def test_what_is_not_nitf_is_a_parse_error(document: str, reason: str | None) -> None:
    if reason is None:
        assert _read(document).lead == ()
        return
    with pytest.raises(ParseError) as caught:
        _read(document)
    assert reason in str(caught.value)


def test_comments_are_reported_and_strict_mode_refuses_them() -> None:
    document = "<nitf><body><body.content><!-- note --><p>One.</p></body.content></body></nitf>"
    with pytest.warns(UnreadContentWarning, match=r"body.content\[1\]/comment\(\)"):
        assert _read(document).lead == ("One.",)
    with pytest.raises(UnmappedContentError):
        _read(document, strict=True)


@pytest.mark.parametrize(
    ("annotation", "reason"),
    [
        ('<nd:attribution kind="direct" source="0:99:100" cue="0:10:13"/>', "not a range"),
        ('<nd:attribution kind="loud" source="0:0:2" cue="0:10:13"/>', "kind 'loud'"),
        ('<nd:event trigger="3:0:2"/>', "the body has 1"),
        ('<nd:event trigger="0:0:2" value="2025"/>', "needs a time"),
        ('<nd:event trigger="0:-1:2"/>', "not a span"),
        ('<nd:event trigger="0:0:2" colour="red"/>', "colour"),
        ("<nd:mood/>", "unknown element"),
    ],
)
def test_malformed_newsdoc_annotations_name_their_place(annotation: str, reason: str) -> None:
    document = (
        '<nitf xmlns:nd="https://newsdoc.dev/ns/nitf/1"><head><nd:annotations>'
        f"{annotation}</nd:annotations></head>"
        "<body><body.content><p>We left, she said.</p></body.content></body></nitf>"
    )
    with pytest.raises(ParseError) as caught:
        _read(document)
    assert caught.value.path == "/nitf/head[1]/*[1]/*[1]"
    assert reason in caught.value.reason


def test_a_quote_whose_source_is_not_in_the_text_stays_markup() -> None:
    document = (
        '<nitf><body><body.content><p><q quote-source="Someone Else">We stay</q>, '
        "she said.</p></body.content></body></nitf>"
    )
    article = _read(document)
    assert article.attributions == ()
    (kept,) = article.extensions
    assert kept.path == "/nitf/body[1]/body.content[1]/*[1]/q[1]"
    assert 'quote-source="Someone Else"' in kept.content


def test_the_nitf_bodies_of_newsml_samples_read_as_nitf() -> None:
    sample = DATA / "newsml" / "LISTING_22_Sports_story_in_NewsML-G2NITF.xml"
    item = newsdoc.read(sample)
    nitf = next(etree.fromstring(sample.read_bytes()).iter(f"{{{NS}}}nitf"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnreadContentWarning)
        article = _read(etree.tostring(nitf))
    assert article.lead == item.lead
    assert article.sections == item.sections
    assert article.headline is not None
    fragment = DATA / "newsml" / "fragments"
    listing = fragment / "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml"
    nitf = next(etree.fromstring(listing.read_bytes()).iter(f"{{{NS}}}nitf"))
    article = _read(etree.tostring(nitf))
    assert article.headline == (
        "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m."
    )
    assert article.bylines == ("Sports Network",)
    assert article.description is not None
    assert article.description.startswith("A pair of teams coming off big weekend sweeps")
    assert article.lead[0].startswith("(Sports Network) - With the Philadelphia Phillies")


def test_a_newsml_item_with_an_nitf_body_gains_its_attributions_and_events() -> None:
    item = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"
      standard="NewsML-G2" standardversion="2.35">
      <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>
        <versionCreated>2025-03-03T10:00:00Z</versionCreated></itemMeta>
      <contentSet><inlineXML contenttype="application/nitf+xml">
        <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>
        <p><q quote-source="Juma Hamisi">We will not return</q>, Juma Hamisi said on
          <chron norm="20250303">Monday</chron> after the <event>walkout</event>.</p>
      </body.content></body></nitf></inlineXML></contentSet>
    </newsItem>"""
    article = newsdoc.read(item, format="newsml")
    (attribution,) = article.attributions
    assert (attribution.source.text, attribution.cue.text) == ("Juma Hamisi", "said")
    (event,) = article.events
    assert event.trigger.text == "walkout"
    assert event.time is not None
    assert event.time.value == "2025-03-03"
    assert newsdoc.read(newsdoc.write(article, "newsml"), format="newsml") == article


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    seed = bytearray(draw(st.sampled_from([AP, EFE, NTB])).read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(seed) - 1))
        action = draw(st.sampled_from(["flip", "delete", "insert"]))
        if action == "flip":
            seed[position] ^= draw(st.integers(1, 255))
        elif action == "delete":
            del seed[position : position + draw(st.integers(1, 30))]
        else:
            seed[position:position] = draw(
                st.sampled_from([b"<p>", b"</p>", b"<q>", b"<event>", b"&amp;", b"<!--", b" x"])
            )
    return bytes(seed)


@given(data=_mutated())
def test_only_newsdoc_errors_escape_the_reader(data: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with contextlib.suppress(NewsdocError):
            _read(data)


def test_emphasis_links_and_named_entities_are_marks() -> None:
    document = (
        "<nitf><body><body.content><p>The <org idsrc='x' value='kpa'>Kenya Ports Authority</org>"
        " said <em>every</em> berth at <a href='https://example.org/m' title='map'>"
        "<location>Mombasa</location></a> was shut, <person><name.given>Juma</name.given> "
        "<name.family>Hamisi</name.family></person> added.</p></body.content></body></nitf>"
    )
    article = _read(document)
    shown = [(m.kind.value, m.span.text, m.href, m.attributes) for m in article.marks]
    assert shown == [
        ("organization", "Kenya Ports Authority", None, (("idsrc", "x"), ("value", "kpa"))),
        ("emphasis", "every", None, ()),
        ("link", "Mombasa", "https://example.org/m", (("title", "map"),)),
        ("location", "Mombasa", None, ()),
    ]
    # A person marked up in parts is kept whole: a mark cannot hold its parts.
    (kept,) = article.extensions
    assert kept.path == "/nitf/body[1]/body.content[1]/*[1]/person[1]"
    assert "<name.given>Juma</name.given>" in kept.content
    again = newsdoc.read(newsdoc.write(article, "nitf"), format="nitf")
    assert again == article


_NAMES = (
    "p", "hl1", "hl2", "q", "event", "chron", "em", "a", "person", "org", "location",
    "money", "block", "table", "br", "byline", "dateline", "story.date", "tagline",
    "abstract", "hedline", "{urn:x}thing",
)  # fmt: skip
_WORDS = st.sampled_from(["", " ", "Oslo", " said ", "\n  ", "We stay", "Monday", "\u00a0x"])


@st.composite
def _elements(draw: st.DrawFn, depth: int = 0) -> etree._Element:
    element = etree.Element(draw(st.sampled_from(_NAMES)))
    if draw(st.booleans()):
        name = draw(st.sampled_from(["norm", "quote-source", "href", "class", "lede"]))
        element.set(name, draw(st.sampled_from(["20250303", "Oslo", "x", ""])))
    element.text = draw(_WORDS)
    if depth < 3:
        for child in draw(st.lists(_elements(depth + 1), max_size=3)):
            child.tail = draw(_WORDS)
            element.append(child)
    return element


@st.composite
def _documents(draw: st.DrawFn) -> bytes:
    namespace = draw(st.sampled_from([None, NS]))
    root = etree.Element("nitf")
    body = etree.SubElement(root, "body")
    head = etree.SubElement(body, "body.head")
    for child in draw(st.lists(_elements(1), max_size=3)):
        head.append(child)
    content = etree.SubElement(body, "body.content")
    for child in draw(st.lists(_elements(1), min_size=1, max_size=4)):
        content.append(child)
    end = etree.SubElement(body, "body.end")
    for child in draw(st.lists(_elements(1), max_size=2)):
        end.append(child)
    # Every word once: kept markup goes back around the first free occurrence of its words
    # (see Limits in docs/nitf.md), so repeated words may move it.
    numbers = iter(range(1, 1000))
    for element in root.iter():
        for attribute in ("text", "tail"):
            value = getattr(element, attribute)
            if value and not value.isspace():
                words = re.sub(r"[A-Za-z]+", lambda m: f"{m[0]}{next(numbers)}", value)
                setattr(element, attribute, words)
    data = etree.tostring(root, encoding="unicode")
    if namespace is not None:
        data = data.replace("<nitf>", f'<nitf xmlns="{namespace}">', 1)
    return data.encode("utf-8")


@given(data=_documents())
@example(
    data=b"<nitf><body><body.head/><body.content><p><p><p></p>Oslo1</p><em><p></p>Oslo2"
    b"<p> </p></em></p></body.content><body.end/></body></nitf>"
)
@example(
    data=b"<nitf><body><body.head><byline></byline><byline>Oslo1</byline></body.head>"
    b"<body.content><p></p></body.content><body.end/></body></nitf>"
)
@example(
    data=b"<nitf><body><body.head/><body.content><hl2><p>Oslo1<br></br>Oslo2</p></hl2>"
    b"</body.content><body.end/></body></nitf>"
)
@example(  # a br in a dateline's markup reads as a space, as the writer reads it back
    data=b"<nitf><body><body.head><dateline><p>Oslo1<br></br></p>Oslo2</dateline>"
    b"</body.head><body.content><p></p></body.content><body.end/></body></nitf>"
)
def test_whatever_reads_is_written_valid_and_reads_back_the_same(data: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            article = _read(data)
        except NewsdocError:
            return
        written = newsdoc.write(article, "nitf")
        assert _read(written) == article


@pytest.mark.parametrize(
    "paragraph",
    [
        "<p>Oslo1<em>Oslo2<x> </x></em></p>",  # layout after the words
        "<p>Oslo1<x> </x>Oslo2</p>",  # layout between them, already a space in the text
        "<p>Oslo1<x><br/></x>Oslo2<x/>Oslo3</p>",  # a br reads as a space; empty markup not
    ],
)
def test_markup_without_words_goes_back_where_it_adds_no_space(paragraph: str) -> None:
    data = f"<nitf><body><body.content>{paragraph}</body.content></body></nitf>".encode()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        article = _read(data)
        again = _read(newsdoc.write(article, "nitf"))
    assert again == article
    assert again.extensions == article.extensions


def test_a_kept_byline_goes_back_before_the_namesake_written_in_its_place() -> None:
    data = (
        b'<nitf><body><body.head><byline x="1">Oslo2</byline><byline></byline>'
        b'<byline y="2">Oslo1</byline></body.head><body.content><p>A</p></body.content>'
        b"</body></nitf>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        article = _read(data)
        written = newsdoc.write(article, "nitf")
    assert article.bylines == ("Oslo2", "Oslo1")
    assert '<byline x="1">By Oslo2</byline>' in written
    assert '<byline/>\n      <byline y="2">By Oslo1</byline>' in written
    assert _read(written) == article


def test_a_break_in_a_datelines_markup_reads_as_a_space() -> None:
    data = (
        b"<nitf><body><body.head><dateline>Oslo<br/>Norway, <em>March 3</em></dateline>"
        b"</body.head><body.content><p>Text.</p></body.content></body></nitf>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        article = newsdoc.read(data, "nitf", extract=False)
    assert article.dateline == Dateline(place="Oslo Norway", date="March 3")
    assert [e.path for e in article.extensions] == ["/nitf/body[1]/body.head[1]/dateline[1]"]
    written = newsdoc.write(article, "nitf")
    assert "<dateline>Oslo<br/>Norway, <em>March 3</em></dateline>" in written
    assert newsdoc.read(written, "nitf", extract=False) == article
