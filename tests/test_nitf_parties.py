"""NITF: creators as byline persons and alternative ids as further doc-ids."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import newsdoc
from newsdoc import AltId, Article, Extension, Party, strategies
from newsdoc.formats import by_name
from newsdoc.formats.nitf.schema import validate

NS = "{http://iptc.org/std/NITF/2006-10-18/}"
ND = "{https://newsdoc.dev/ns/nitf/1}"
SAMPLES = Path(__file__).parent / "data" / "nitf"


def _nitf(docdata: str = "", head: str = "") -> str:
    return (
        '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><head>'
        f"<docdata>{docdata}</docdata></head>"
        f"<body><body.head>{head}</body.head>"
        "<body.content><p>Text.</p></body.content></body></nitf>"
    )


def _read(document: str, *, strict: bool = False) -> Article:
    return newsdoc.read(document, "nitf", extract=False, strict=strict)


def _written(article: Article) -> etree._Element:
    """The NITF written for ``article``, which warns of no loss and is schema-valid."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        text = newsdoc.write(article, "nitf")
    root = etree.fromstring(text.encode("utf-8"))
    assert validate(root) == ()
    assert _read(text) == article
    return root


def test_nitf_carries_creators_and_alternative_ids() -> None:
    assert {"creators", "alt_ids"} <= by_name("nitf").carries


# -- alternative ids ---------------------------------------------------------------------------


def test_doc_ids_after_the_first_are_alternative_ids() -> None:
    article = _read(
        _nitf(
            '<doc-id id-string="urn:x:1"/>'
            '<doc-id regsrc="idtype:systemRef" id-string="SAD02"/>'
            '<doc-id id-string="7741"/>'
        ),
        strict=True,
    )
    assert article.id == "urn:x:1"
    assert article.alt_ids == (AltId(value="SAD02", kind="idtype:systemRef"), AltId(value="7741"))


def test_a_regsrc_of_several_words_is_kept_beside_the_alternative_id() -> None:
    document = _nitf('<doc-id id-string="1"/><doc-id regsrc="Associated Press" id-string="2"/>')
    article = _read(document)
    assert article.alt_ids == (AltId(value="2"),)
    assert article.extensions == (
        Extension(
            format="nitf",
            path="/nitf/head[1]/docdata[1]/doc-id[2]",
            attributes=(("regsrc", "Associated Press"),),
        ),
    )
    again = etree.fromstring(newsdoc.write(article, "nitf").encode("utf-8"))
    doc_ids = again.findall(f"{NS}head/{NS}docdata/{NS}doc-id")
    assert doc_ids[1].attrib == {"id-string": "2", "regsrc": "Associated Press"}


def test_a_doc_id_that_holds_no_id_is_kept() -> None:
    article = _read(_nitf('<doc-id id-string="1"/><doc-id regsrc="AP"/>'))
    assert article.alt_ids == ()
    assert [e.path for e in article.extensions] == ["/nitf/head[1]/docdata[1]/doc-id[2]"]


def test_alternative_ids_are_written_after_the_id() -> None:
    alt_ids = (AltId(value="SAD02", kind="idtype:systemRef"), AltId(value="7741"))
    root = _written(Article(id="urn:x:1", lead=("Text.",), alt_ids=alt_ids))
    doc_ids = [e.attrib for e in root.findall(f"{NS}head/{NS}docdata/{NS}doc-id")]
    assert doc_ids == [
        {"id-string": "urn:x:1"},
        {"id-string": "SAD02", "regsrc": "idtype:systemRef"},
        {"id-string": "7741"},
    ]


def test_an_article_without_an_id_gets_an_empty_first_doc_id() -> None:
    root = _written(Article(lead=("Text.",), alt_ids=(AltId(value="SAD02"),)))
    doc_ids = [e.attrib for e in root.findall(f"{NS}head/{NS}docdata/{NS}doc-id")]
    assert doc_ids == [{}, {"id-string": "SAD02"}]


# -- creators ----------------------------------------------------------------------------------


def test_persons_in_a_byline_are_creators_and_the_byline_reads_as_its_words() -> None:
    head = (
        '<byline>By <person value="pers:JS">Jane Smith</person> and '
        '<person>Bob Jones<function value="crol:photographer"/></person></byline>'
    )
    article = _read(_nitf(head=head), strict=True)
    assert article.bylines == ("Jane Smith and Bob Jones",)
    assert article.creators == (
        Party(name="Jane Smith", qcode="pers:JS"),
        Party(name="Bob Jones", roles=("crol:photographer",)),
    )


def test_a_byline_with_other_markup_is_kept_whole_as_before() -> None:
    article = _read(SAMPLES.joinpath("ap_3_3_strike.xml").read_text(encoding="utf-8"))
    assert article.bylines == ("Amina Wanjiru, Associated Press Writer",)
    assert article.creators == ()
    kept = [e for e in article.extensions if e.path == "/nitf/body[1]/body.head[1]/byline[1]"]
    assert len(kept) == 1
    assert "<person>Amina Wanjiru</person>" in kept[0].content


def test_a_person_with_attributes_newsdoc_does_not_map_leaves_the_byline_as_it_was() -> None:
    head = '<byline>By <person idsrc="ap" value="42">Jane Smith</person></byline>'
    article = _read(_nitf(head=head))
    assert article.creators == ()
    assert article.bylines == ("Jane Smith",)
    assert [e.path for e in article.extensions] == ["/nitf/body[1]/body.head[1]/byline[1]"]


def test_creators_are_marked_up_where_the_bylines_name_them() -> None:
    article = Article(
        lead=("Text.",),
        bylines=("Jane Smith and Bob Jones",),
        creators=(
            Party(name="Jane Smith", qcode="pers:JS", uri="http://x/js", kind="cptype:person"),
            Party(name="Bob Jones", roles=("crol:writer",)),
        ),
    )
    root = _written(article)
    bylines = root.findall(f"{NS}body/{NS}body.head/{NS}byline")
    assert len(bylines) == 1
    bylines[0].tail = None
    assert etree.tostring(bylines[0], encoding="unicode").split(">", 1)[1] == (
        'By <person value="pers:JS" nd:uri="http://x/js" nd:kind="cptype:person">Jane Smith'
        '</person> and <person>Bob Jones<function value="crol:writer"/></person></byline>'
    )


def test_creators_no_byline_names_in_order_follow_in_a_byline_of_their_own() -> None:
    article = Article(
        headline="Fed to halt QE",
        lead=("Text.",),
        bylines=("Bob Jones",),
        creators=(
            Party(name="Jane Smith"),
            Party(name="Bob Jones"),  # after one the bylines do not name: listed too
            Party(qcode="org:AP", kind="cptype:organisation"),
        ),
    )
    root = _written(article)
    bylines = root.findall(f"{NS}body/{NS}body.head/{NS}byline")
    assert [b.get(f"{ND}byline") for b in bylines] == [None, "false"]
    assert bylines[0].text == "By Bob Jones"
    assert [(p.text, p.get("value")) for p in bylines[1]] == [
        ("Jane Smith", None),
        ("Bob Jones", None),
        (None, "org:AP"),
    ]


def test_creators_without_bylines_are_schema_valid_in_their_place() -> None:
    article = Article(
        headline="H",
        description="D.",
        lead=("Text.",),
        creators=(Party(name="Jane Smith"),),
    )
    root = _written(article)
    names = [etree.QName(child).localname for child in root.find(f"{NS}body/{NS}body.head")]
    assert names == ["hedline", "byline", "abstract"]


def test_contributors_and_info_sources_are_still_reported_lost() -> None:
    article = Article(
        lead=("Text.",),
        contributors=(Party(name="Jo Bloggs"),),
        info_sources=(Party(name="Reuters"),),
    )
    with pytest.warns(
        newsdoc.ContentLossWarning, match=r"^nitf cannot hold contributors, info_sources; left"
    ):
        newsdoc.write(article, "nitf")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    article=strategies.articles(
        carries={"id", "headline", "bylines", "creators", "alt_ids", "description", "lead"}
    )
)
def test_creators_and_alternative_ids_round_trip_schema_valid(article: Article) -> None:
    _written(article)
