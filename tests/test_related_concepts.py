"""A party's related concepts and the URI of a copyright notice, in every format."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from lxml import etree

import newsdoc
from newsdoc import Article, Concept, Party, RelatedConcept, Rights, ValidationError
from newsdoc.formats.newsml.fidelity import fidelity
from newsdoc.formats.newsml.schema import validate as validate_newsml
from newsdoc.formats.nitf.schema import validate as validate_nitf

LISTING_3 = Path(__file__).parent / "data" / "newsml" / "LISTING_3_Photo_in_NewsML-G2.xml"
NAR = "http://iptc.org/std/nar/2006-10-01/"
ND = "{https://newsdoc.dev/ns/nitf/1}"
NITF = "{http://iptc.org/std/NITF/2006-10-18/}"
STAFF = RelatedConcept(concept=Concept(qcode="gyibt:staff"), relation="crel:isA")
NOTICE = "http://www.gettyimages.com/Corporate/LicenseInfo.aspx"


def _article(**fields: object) -> Article:
    return Article(headline="Storm", lead=("Text.",), **fields)  # type: ignore[arg-type]


def _written_quietly(article: Article, format: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return newsdoc.write(article, format)


# -- the model ---------------------------------------------------------------------------------


def test_a_related_concept_needs_a_concept() -> None:
    with pytest.raises(ValidationError) as caught:
        RelatedConcept(concept="gyibt:staff")  # type: ignore[arg-type]
    assert caught.value.field == "concept"


def test_a_relation_is_a_code_without_spaces() -> None:
    assert RelatedConcept(concept=Concept(qcode="a:b")).relation is None
    with pytest.raises(ValidationError) as caught:
        RelatedConcept(concept=Concept(qcode="a:b"), relation="crel:is A")
    assert caught.value.field == "relation"


def test_a_party_lists_its_related_concepts_as_a_tuple() -> None:
    party = Party(name="Spencer Platt", related=[STAFF])
    assert party.related == (STAFF,)
    with pytest.raises(ValidationError) as caught:
        Party(name="Spencer Platt", related=[Concept(qcode="gyibt:staff")])  # type: ignore[list-item]
    assert caught.value.field == "related"


def test_a_notice_uri_goes_with_a_notice() -> None:
    assert Rights(notice="© Getty", notice_uri=NOTICE).notice_uri == NOTICE
    with pytest.raises(ValidationError) as caught:
        Rights(holder="Getty Images", notice_uri=NOTICE)
    assert (caught.value.field, caught.value.reason) == (
        "notice_uri",
        "needs the notice it points to",
    )
    with pytest.raises(ValidationError) as blank:
        Rights(notice="© Getty", notice_uri="  ")
    assert blank.value.field == "notice_uri"


# -- NewsML-G2 ---------------------------------------------------------------------------------


def test_the_iptc_photo_item_reads_its_creator_staff_and_notice_link() -> None:
    article = newsdoc.read(LISTING_3)
    assert article.creators == (
        Party(name="Spencer Platt", roles=("crol:photographer",), related=(STAFF,)),
    )
    assert article.rights is not None
    assert article.rights.notice_uri == NOTICE
    assert article.rights.notice is not None
    assert article.rights.notice.startswith("Copyright 2010 Getty Images.")
    kept = [e.path for e in article.extensions]
    assert not any("creator" in path or "copyrightNotice" in path for path in kept), kept
    assert not fidelity(LISTING_3.read_bytes())


def test_a_related_concept_keeps_its_names_type_and_relation_in_newsml() -> None:
    party = Party(
        name="Jane Smith",
        related=(
            STAFF,
            RelatedConcept(concept=Concept(uri="https://example.org/team", name="Desk")),
        ),
    )
    written = _written_quietly(_article(creators=(party,), contributors=(party,)), "newsml")
    root = etree.fromstring(written.encode("utf-8"))
    assert validate_newsml(root) == ()
    related = root.findall(f".//{{{NAR}}}creator/{{{NAR}}}related")
    assert [(r.get("rel"), r.get("qcode"), r.get("uri")) for r in related] == [
        ("crel:isA", "gyibt:staff", None),
        (None, None, "https://example.org/team"),
    ]
    assert related[1].findtext(f"{{{NAR}}}name") == "Desk"
    assert newsdoc.read(written, format="newsml").creators == (party,)


def test_a_notice_uri_is_the_href_of_the_copyright_notice() -> None:
    rights = Rights(notice="© 2010 Getty Images", notice_uri=NOTICE)
    written = _written_quietly(_article(rights=rights), "newsml")
    root = etree.fromstring(written.encode("utf-8"))
    assert root.find(f".//{{{NAR}}}copyrightNotice").get("href") == NOTICE  # type: ignore[union-attr]
    assert newsdoc.read(written, format="newsml").rights == rights


def test_a_blank_href_on_a_notice_stays_kept() -> None:
    data = newsdoc.write(_article(rights=Rights(notice="© Getty")), "newsml").replace(
        "<copyrightNotice>", '<copyrightNotice href=" ">'
    )
    article = newsdoc.read(data, format="newsml")
    assert article.rights == Rights(notice="© Getty")
    assert [(e.path.rpartition("/")[2], e.attributes) for e in article.extensions] == [
        ("copyrightNotice[1]", (("href", " "),))
    ]


# -- NITF --------------------------------------------------------------------------------------


def test_nitf_carries_related_concepts_in_compact_json() -> None:
    party = Party(name="Spencer Platt", related=(STAFF,))
    written = _written_quietly(_article(bylines=("Spencer Platt",), creators=(party,)), "nitf")
    root = etree.fromstring(written.encode("utf-8"))
    assert validate_nitf(root) == ()
    person = root.find(f".//{NITF}person")
    assert person is not None
    assert json.loads(person.get(f"{ND}related", "")) == [
        {"concept": {"qcode": "gyibt:staff"}, "relation": "crel:isA"}
    ]
    assert newsdoc.read(written, format="nitf", extract=False).creators == (party,)


@pytest.mark.parametrize(
    "value",
    ["not json", "{}", '[{"relation": "crel:isA"}]', '[{"concept": {}}]', "[1]", "null"],
)
def test_a_person_with_a_related_attribute_newsdoc_cannot_read_stays_in_the_byline(
    value: str,
) -> None:
    written = newsdoc.write(
        _article(bylines=("Jane Smith",), creators=(Party(name="Jane Smith"),)), "nitf"
    )
    root = etree.fromstring(written.encode("utf-8"))
    person = root.find(f".//{NITF}person")
    assert person is not None
    person.set(f"{ND}related", value)
    article = newsdoc.read(etree.tostring(root), format="nitf", extract=False)
    assert article.creators == ()
    assert article.bylines == ("Jane Smith",)
    assert [e.path for e in article.extensions] == ["/nitf/body[1]/body.head[1]/byline[1]"]


def test_nitf_carries_a_notice_uri_on_the_rights_it_prints() -> None:
    rights = Rights(notice="© 2010 Getty Images", notice_uri=NOTICE)
    written = _written_quietly(_article(rights=rights), "nitf")
    root = etree.fromstring(written.encode("utf-8"))
    assert validate_nitf(root) == ()
    notice = root.find(f".//{NITF}body.head/{NITF}rights")
    assert notice is not None
    assert (notice.text, notice.get(f"{ND}uri")) == ("© 2010 Getty Images", NOTICE)
    assert newsdoc.read(written, format="nitf", extract=False).rights == rights


def test_a_uri_on_rights_with_markup_is_kept_with_them() -> None:
    written = newsdoc.write(_article(rights=Rights(notice="© Getty")), "nitf")
    data = written.replace(
        "<rights>© Getty</rights>", f'<rights nd:uri="{NOTICE}">© <b>Getty</b></rights>'
    )
    assert data != written
    article = newsdoc.read(data, format="nitf", extract=False)
    assert article.rights == Rights(notice="© Getty")
    [kept] = article.extensions
    assert kept.path == "/nitf/body[1]/body.head[1]/rights[1]"
    assert f'nd:uri="{NOTICE}">© <b>Getty</b></rights>' in kept.content


# -- every format ------------------------------------------------------------------------------


@pytest.mark.parametrize("format", ["json", "jsonl", "newsml", "nitf", "ninjs", "ninjs-1.6"])
def test_related_concepts_and_a_notice_uri_round_trip(format: str) -> None:
    article = _article(
        bylines=("Spencer Platt",),
        creators=(Party(name="Spencer Platt", roles=("crol:photographer",), related=(STAFF,)),),
        rights=Rights(holder="Getty Images", notice="© 2010 Getty Images", notice_uri=NOTICE),
    )
    written = _written_quietly(article, format)
    assert newsdoc.read(written, format=format, extract=False) == article


def test_newsdoc_json_names_the_new_members() -> None:
    party = Party(name="Spencer Platt", related=(STAFF,))
    rights = Rights(notice="© Getty", notice_uri=NOTICE)
    document = json.loads(newsdoc.write(_article(creators=(party,), rights=rights), "json"))
    assert document["article"]["creators"][0]["related"] == [
        {
            "concept": {
                "qcode": "gyibt:staff",
                "uri": None,
                "name": None,
                "names": [],
                "kind": None,
                "literal": None,
                "rank": None,
                "broader": [],
                "same_as": [],
            },
            "relation": "crel:isA",
        }
    ]
    assert document["article"]["rights"]["notice_uri"] == NOTICE
