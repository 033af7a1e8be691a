"""The newsroom's metadata as typed fields: creators, embargo, signals, notes, links, ids …

Each was kept as opaque ``Extension`` data before; now NewsML-G2 reads it into the model,
writes it back schema-valid, and JSON carries it.
"""

import datetime as dt
import warnings
from pathlib import Path

import attrs
import pytest
from lxml import etree

import newsdoc
from newsdoc import (
    AltId,
    Article,
    Concept,
    ContentLossWarning,
    KnownSignal,
    Link,
    Name,
    Party,
    RoleText,
    Signal,
)
from newsdoc.cli import main
from newsdoc.formats.newsml.fidelity import fidelity
from newsdoc.formats.newsml.schema import validate

DATA = Path(__file__).parent / "data"
LISTING_1 = DATA / "newsml" / "LISTING_1_A_NewsML-G2_News_Item.xml"
NAR = "http://iptc.org/std/nar/2006-10-01/"
UTC = dt.timezone.utc


def valid(xml: str) -> bool:
    return validate(etree.fromstring(xml.encode("utf-8"))) == ()


def item(item_meta: str = "", content_meta: str = "", content_set: str = "") -> str:
    return (
        f'<newsItem xmlns="{NAR}" guid="urn:x:1" version="1" standard="NewsML-G2" '
        'standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/>'
        '<provider qcode="nprov:X"/><versionCreated>2020-01-01T00:00:00Z</versionCreated>'
        f"{item_meta}</itemMeta>"
        + (f"<contentMeta>{content_meta}</contentMeta>" if content_meta else "")
        + (f"<contentSet>{content_set}</contentSet>" if content_set else "")
        + "</newsItem>"
    )


def test_the_iptc_news_item_metadata_reads_as_typed_fields() -> None:
    article = newsdoc.read(LISTING_1)
    assert article.embargoed == dt.datetime(2018, 10, 23, 12, tzinfo=UTC)
    assert article.content_created == dt.datetime(
        2016, 10, 18, 11, 12, tzinfo=dt.timezone(dt.timedelta(hours=-5))
    )
    assert article.content_modified is not None
    assert article.creators == (
        Party(name="Meredith Jameson", uri="http://www.example.com/staff/mjameson"),
    )
    assert article.info_sources == (Party(uri="http://www.example.com"),)
    assert article.editorial_notes == (
        "Note to editors: STRICTLY EMBARGOED. Not for public release until 12noon on "
        "Friday, October 23, 2018.",
    )
    assert article.signals == (Signal.UPDATE,)
    assert article.signals[0].known is KnownSignal.UPDATE
    assert article.links == (
        Link(
            relation="irel:seeAlso",
            target="http://www.example.com/video/20081222-PNN-1517-407624/index.html",
        ),
    )
    assert article.services == (Concept(qcode="svc:uknews", name="UK News Service"),)
    labour = article.subjects[1]
    assert labour.name == "labour market"
    assert labour.names == (
        Name(text="labour market", language="en-GB"),
        Name(text="Arbeitsmarkt", language="de"),
    )
    assert labour.kind == "cpnat:abstract"
    assert labour.broader == (Concept(qcode="medtop:04000000"),)
    mapped = ("embargoed", "edNote", "signal", "link", "service", "creator", "infoSource")
    mapped += ("contentCreated", "contentModified", "subject", "genre", "located")
    for extension in article.extensions:
        step = extension.path.split("/")[3] if extension.path.count("/") >= 3 else ""
        assert step.partition("[")[0] not in mapped, extension.path


def test_the_iptc_news_item_is_written_back_whole_and_valid() -> None:
    article = newsdoc.read(LISTING_1)
    written = newsdoc.write(article, "newsml")
    assert valid(written)
    assert newsdoc.read(written, format="newsml") == article
    assert not fidelity(LISTING_1.read_bytes())


@pytest.mark.parametrize("middle", ["xml", "json"])
def test_convert_keeps_creator_embargo_signal_note_and_links(tmp_path: Path, middle: str) -> None:
    there, back = tmp_path / f"there.{middle}", tmp_path / "back.xml"
    assert main(["convert", str(LISTING_1), "-o", str(there)]) == 0
    assert main(["convert", str(there), "-o", str(back)]) == 0
    original, again = newsdoc.read(LISTING_1), newsdoc.read(back)
    for field in ("creators", "embargoed", "signals", "editorial_notes", "links"):
        assert getattr(again, field) == getattr(original, field), field
    assert again == original
    assert valid(back.read_text(encoding="utf-8"))


def test_parties_keep_their_roles_and_types() -> None:
    data = item(
        content_meta='<creator role="crol:photographer crol:writer" type="cptype:person" '
        'qcode="pers:JS001"><name>Jane Smith</name></creator>'
        '<contributor role="crol:editor"><name>Li Wei</name></contributor>'
        '<infoSource role="infosrc:originfo" literal="x"><name>AP</name></infoSource>'
    )
    article = newsdoc.read(data, format="newsml")
    assert article.creators == (
        Party(
            name="Jane Smith",
            qcode="pers:JS001",
            kind="cptype:person",
            roles=("crol:photographer", "crol:writer"),
        ),
    )
    assert article.contributors == (Party(name="Li Wei", roles=("crol:editor",)),)
    assert article.info_sources == (Party(name="AP", roles=("infosrc:originfo",)),)
    # What the model has no field for stays, and only that.
    assert [(e.path, e.attributes) for e in article.extensions] == [
        ("/newsItem/contentMeta[1]/infoSource[1]", (("literal", "x"),))
    ]
    written = newsdoc.write(article, "newsml")
    assert valid(written)
    assert newsdoc.read(written, format="newsml") == article


def test_links_and_alternative_ids() -> None:
    data = item(
        item_meta='<link rel="irel:previousVersion" residref="urn:x:0" version="3" '
        'title="Earlier" contenttype="text/html" size="9"/>',
        content_meta='<altId type="idtype:systemRef" environment="a:b">SAD02</altId>'
        "<altId>42</altId>",
    )
    article = newsdoc.read(data, format="newsml")
    assert article.links == (
        Link(
            relation="irel:previousVersion",
            target_id="urn:x:0",
            version=3,
            title="Earlier",
            content_type="text/html",
        ),
    )
    assert article.alt_ids == (AltId(value="SAD02", kind="idtype:systemRef"), AltId(value="42"))
    assert {e.path: e.attributes for e in article.extensions} == {
        "/newsItem/itemMeta[1]/link[1]": (("size", "9"),),
        "/newsItem/contentMeta[1]/altId[1]": (("environment", "a:b"),),
    }
    written = newsdoc.write(article, "newsml")
    assert valid(written)
    assert newsdoc.read(written, format="newsml") == article


def test_a_slugline_keeps_its_separator() -> None:
    article = newsdoc.read(
        item(content_meta='<slugline separator="-" role="x:y">US-Fed</slugline>'), "newsml"
    )
    assert (article.slugline, article.slugline_separator) == ("US-Fed", "-")
    assert [(e.path, e.attributes) for e in article.extensions] == [
        ("/newsItem/contentMeta[1]/slugline[1]", (("role", "x:y"),))
    ]
    written = newsdoc.write(article, "newsml")
    assert '<slugline separator="-" role="x:y">US-Fed</slugline>' in written
    assert valid(written)
    assert newsdoc.read(written, format="newsml") == article
    spaced = newsdoc.read(item(content_meta='<slugline separator=" ">US Fed</slugline>'), "newsml")
    assert spaced.slugline_separator == " "
    assert spaced.extensions == ()


def test_a_slugline_separator_without_a_slugline_is_refused() -> None:
    with pytest.raises(newsdoc.ValidationError) as raised:
        Article(slugline_separator="-")
    assert raised.value.field == "slugline_separator"
    for bad in ("", "a\nb", "\u2028", 3):
        with pytest.raises(newsdoc.ValidationError, match="slugline_separator"):
            Article(slugline="US", slugline_separator=bad)  # type: ignore[arg-type]
    assert Article(slugline="US", slugline_separator=" / ").slugline_separator == " / "


def test_a_slugline_separator_is_reported_where_a_format_has_no_place_for_it() -> None:
    article = Article(slugline="US-Fed", slugline_separator="-", lead=("Rates held.",))
    with pytest.warns(ContentLossWarning, match="slugline_separator"):
        newsdoc.write(article, "nitf")
    for name in ("json", "ninjs", "ninjs-1.6"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert newsdoc.read(newsdoc.write(article, name), format=name) == article


def test_what_the_model_cannot_take_stays_kept() -> None:
    data = item(
        item_meta='<embargoed/><signal qcode="sig:update"><name>Update</name></signal>'
        '<link rel="irel:seeAlso" version="0" href="x"/>'
        '<edNote>Call <a href="tel:1">us</a></edNote><service qcode=" "/>',
        content_meta="<contentCreated>2016-10-18</contentCreated><creator/><altId/>",
    )
    article = newsdoc.read(data, format="newsml")
    assert article.embargoed is None
    assert article.signals == article.editorial_notes == ()
    assert article.links == (Link(relation="irel:seeAlso", target="x"),)  # version 0 kept
    assert article.content_created is None
    assert article.creators == article.alt_ids == article.services == ()
    assert sorted(e.path.rpartition("/")[2] for e in article.extensions) == [
        "altId[1]", "contentCreated[1]", "creator[1]", "edNote[1]", "embargoed[1]", "link[1]",
        "service[1]", "signal[1]",
    ]  # fmt: skip
    assert not fidelity(data)


def test_further_headlines_and_descriptions_keep_roles_and_languages() -> None:
    data = item(
        content_meta="<headline>Main</headline>"
        '<headline role="hlrole:short" xml:lang="en-GB">Short</headline>'
        "<description>First</description>"
        '<description role="drol:caption" xml:lang="fr">Légende</description>'
    )
    article = newsdoc.read(data, format="newsml")
    assert article.headline == "Main"
    assert article.other_headlines == (
        RoleText(text="Short", role="hlrole:short", language="en-GB"),
    )
    assert article.description == "First"
    assert article.other_descriptions == (
        RoleText(text="Légende", role="drol:caption", language="fr"),
    )
    assert article.extensions == ()
    # A further headline stays further even when the article has no main headline.
    alone = Article(lead=("Body.",), other_headlines=(RoleText(text="Only"),))
    written = newsdoc.write(alone, "newsml")
    assert valid(written)
    assert newsdoc.read(written, format="newsml") == alone


def test_a_plain_text_body_becomes_paragraphs_when_nothing_richer_is_there() -> None:
    text = "First paragraph\nwrapped here.\n\n  Second paragraph.\n"
    data = item(content_set=f'<inlineData contenttype="text/plain">{text}</inlineData>')
    article = newsdoc.read(data, format="newsml")
    assert article.lead == ("First paragraph wrapped here.", "Second paragraph.")
    assert newsdoc.read(data, format="newsml", strict=True) == article
    assert not fidelity(data)
    one_a_line = item(content_set='<inlineData contenttype="text/plain">A\nB</inlineData>')
    assert newsdoc.read(one_a_line, format="newsml").lead == ("A", "B")
    edited = attrs.evolve(article, lead=("Changed.",))
    assert newsdoc.read(newsdoc.write(edited, "newsml"), format="newsml").lead == ("Changed.",)


def test_a_richer_body_wins_over_plain_text() -> None:
    xhtml = (
        '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
        "<body><p>Rich.</p></body></html></inlineXML>"
    )
    plain = '<inlineData contenttype="text/plain">Plain.</inlineData>'
    article = newsdoc.read(item(content_set=plain + xhtml), format="newsml")
    assert article.lead == ("Rich.",)
    assert any(e.path.endswith("inlineData[1]") for e in article.extensions)


def test_what_newsml_cannot_hold_on_a_concept_is_reported() -> None:
    article = Article(
        lead=("Body.",),
        located=Concept(name="Berlin", rank=1, broader=(Concept(name="DE", rank=2),)),
        services=(Concept(qcode="svc:a", kind="ex:t"),),
    )
    with pytest.warns(ContentLossWarning) as caught:
        written = newsdoc.write(article, "newsml")
    assert valid(written)
    messages = " ".join(str(w.message) for w in caught)
    assert "rank of a located" in messages
    assert "rank of a broader" in messages
    assert "type of a service" in messages


def test_plain_text_reports_the_metadata_it_cannot_hold() -> None:
    article = newsdoc.read(LISTING_1)
    with pytest.warns(ContentLossWarning, match="embargoed, editorial_notes, signals"):
        newsdoc.write(attrs.evolve(article, lead=("Body.",)), "text")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        newsdoc.write(Article(lead=("Body.",), keywords=("k",)), "text")


def test_names_and_the_name_agree() -> None:
    both = Concept(names=(Name(text="a", language="en"), Name(text="b", language="de")))
    assert both.name == "a"
    with pytest.raises(newsdoc.ValidationError, match="first of names"):
        Concept(name="b", names=both.names)
    with pytest.raises(newsdoc.ValidationError, match="single name in no stated language"):
        Concept(names=(Name(text="a"),))
