"""ninjs: creators, contributors, info sources, alternative ids, links and further headlines
in the native properties ninjs 3.1 and 1.6 have for them, read from documents that carry no
newsdoc rendition and written so that other ninjs consumers see them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import newsdoc
from newsdoc import AltId, Article, Concept, Extension, Link, Party, RoleText, Signal, strategies
from newsdoc.formats.ninjs._names import CARRIER_KEY, CARRIER_TYPE
from newsdoc.formats.ninjs.reader import read_native
from newsdoc.formats.ninjs.schema import validate
from ninjs_documents import FORMATS, carried, written

UTC = dt.timezone.utc
BODY = ("One.", "Two.")
LISTING_1 = Path(__file__).parent / "data" / "newsml" / "LISTING_1_A_NewsML-G2_News_Item.xml"


def _without_carrier(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` as another system would send it: without the newsdoc rendition."""
    plain = {key: value for key, value in document.items() if key != CARRIER_KEY}
    if "bodies" in plain:
        plain["bodies"] = [b for b in plain["bodies"] if b.get("contentType") != CARRIER_TYPE]
    return plain


def _read(document: dict[str, Any], *, strict: bool = True) -> Article:
    return newsdoc.read(json.dumps(document), "ninjs", strict=strict)


def _round_trip(article: Article, format: str) -> dict[str, Any]:
    document = written(article, format)
    assert newsdoc.read(json.dumps(document), "ninjs") == article
    return document


# -- reading a ninjs 3.1 document of another system ----------------------------------------

OTHER_SYSTEM = {
    "uri": "http://example.com/items/1",
    "type": "text",
    "standard": {"name": "ninjs", "version": "3.1"},
    "headlines": [
        {"role": "main", "value": "Fed to halt QE"},
        {"role": "short", "value": "Fed halts QE"},
    ],
    "descriptions": [
        {"role": "summary", "value": "The Fed stops buying bonds."},
        {"role": "caption", "contentType": "text/plain", "value": "Janet Yellen speaks."},
    ],
    "by": "Meredith Jameson",
    "people": [
        {"name": "Meredith Jameson", "rel": "creator", "uri": "http://example.com/staff/mj"},
        {"name": "Jo Bloggs", "rel": "contributor crol:photographer crol:editor"},
        {"name": "Janet Yellen", "rel": "about", "uri": "http://www.wikidata.org/entity/Q263725"},
    ],
    "organisations": [{"name": "Example Pictures", "rel": "contributor", "literal": "org:EXP"}],
    "infoSources": [
        {"name": "Reuters", "literal": "nprov:REUTERS", "role": "provider"},
        {"uri": "http://www.example.com", "role": "infosrc:originfo"},
        {"name": "Local desk"},
    ],
    "altIds": [{"role": "idtype:systemRef", "value": "SAD02"}, {"value": "7741"}],
    "associations": [
        {
            "name": "Earlier story",
            "uri": "urn:newsml:example.com:20161018:FED",
            "rel": "irel:previousVersion",
            "version": "3",
        },
        {
            "name": "irel:seeAlso",
            "uri": "http://www.example.com/video/1517.html",
            "rel": "irel:seeAlso",
            "renditions": [
                {
                    "name": "target",
                    "href": "http://www.example.com/video/1517.html",
                    "contentType": "text/html",
                }
            ],
        },
    ],
    "bodies": [{"role": "main", "contentType": "text/plain", "value": "One.\n\nTwo."}],
}


def test_a_ninjs_3_1_document_without_the_rendition_gives_typed_values() -> None:
    article = _read(OTHER_SYSTEM, strict=False)
    assert article.headline == "Fed to halt QE"
    assert article.other_headlines == (RoleText(text="Fed halts QE", role="short"),)
    assert article.description == "The Fed stops buying bonds."
    assert article.other_descriptions == (RoleText(text="Janet Yellen speaks.", role="caption"),)
    assert article.bylines == ("Meredith Jameson",)
    assert article.creators == (Party(name="Meredith Jameson", uri="http://example.com/staff/mj"),)
    assert article.contributors == (
        Party(name="Jo Bloggs", roles=("crol:photographer", "crol:editor")),
        Party(name="Example Pictures", qcode="org:EXP", kind="cptype:organisation"),
    )
    assert article.provider == Concept(qcode="nprov:REUTERS", name="Reuters")
    assert article.info_sources == (
        Party(uri="http://www.example.com", roles=("infosrc:originfo",)),
        Party(name="Local desk"),
    )
    assert article.alt_ids == (AltId(value="SAD02", kind="idtype:systemRef"), AltId(value="7741"))
    assert article.links == (
        Link(
            relation="irel:previousVersion",
            target_id="urn:newsml:example.com:20161018:FED",
            version=3,
            title="Earlier story",
        ),
        Link(
            relation="irel:seeAlso",
            target="http://www.example.com/video/1517.html",
            content_type="text/html",
        ),
    )
    # A person the article is about is no creator: kept, as every unmapped item is.
    assert article.extensions == (
        Extension(
            format="ninjs",
            path="$.people[2]",
            content='{"name":"Janet Yellen","rel":"about",'
            '"uri":"http://www.wikidata.org/entity/Q263725"}',
        ),
    )


def test_what_an_association_holds_beyond_a_link_is_kept_member_by_member() -> None:
    document = {
        "uri": "u",
        "associations": [
            {
                "name": "featureimage",
                "uri": "urn:picture:1",
                "type": "picture",
                "renditions": [{"name": "thumbnail", "href": "http://x/t.jpg"}],
            }
        ],
    }
    article = _read(document, strict=False)
    assert article.links == (Link(target_id="urn:picture:1", title="featureimage"),)
    assert [extension.path for extension in article.extensions] == [
        "$.associations[0].type",
        "$.associations[0].renditions",
    ]


@pytest.mark.parametrize(
    ("key", "item"),
    [
        ("people", {"name": "X", "rel": "creator  crol:writer"}),  # two spaces
        ("people", {"rel": "creator"}),  # names no one
        ("altIds", {"role": "two words", "value": "1"}),
        ("altIds", {"value": "two\nlines"}),
        ("associations", {"name": "no uri"}),
    ],
)
def test_items_the_model_cannot_take_are_kept_whole(key: str, item: dict[str, Any]) -> None:
    article = _read({"uri": "u", key: [item]}, strict=False)
    assert [extension.path for extension in article.extensions] == [f"$.{key}[0]"]


def test_an_association_of_the_wrong_json_type_is_a_parse_error() -> None:
    with pytest.raises(newsdoc.ParseError) as caught:
        _read({"uri": "u", "associations": [{"name": "x", "uri": 5}]})
    assert caught.value.path == "$.associations[0].uri"


def test_an_info_source_without_a_role_is_the_provider_when_none_has_that_role() -> None:
    article = _read({"uri": "u", "infoSources": [{"name": "AP"}, {"name": "Desk"}]})
    assert article.provider == Concept(name="AP")
    assert article.info_sources == (Party(name="Desk"),)


# -- reading ninjs 1.x ------------------------------------------------------------------------


def test_ninjs_1_x_people_info_sources_and_alt_ids_give_typed_values() -> None:
    document = {
        "uri": "u",
        "person": [
            {"name": "Jane Smith", "rel": "creator", "code": "pers:JS"},
            {"name": "Bob", "rel": "contributor crol:editor", "scheme": "http://x/", "code": "b"},
        ],
        "organisation": [{"name": "ACME", "rel": "creator"}],
        "infosource": [{"name": "Reuters", "code": "nprov:REUTERS", "rel": "provider"}],
        "altids": {"idtype:systemRef": "SAD02", "bad key": "1"},
        "body_text": "One.",
    }
    article = _read(document, strict=False)
    assert article.creators == (
        Party(name="Jane Smith", qcode="pers:JS"),
        Party(name="ACME", kind="cptype:organisation"),
    )
    assert article.contributors == (Party(name="Bob", uri="http://x/b", roles=("crol:editor",)),)
    assert article.provider == Concept(qcode="nprov:REUTERS", name="Reuters")
    assert article.alt_ids == (AltId(value="SAD02", kind="idtype:systemRef"),)
    assert [extension.path for extension in article.extensions] == ['$.altids["bad key"]']


# -- writing ---------------------------------------------------------------------------------

WIDE = Article(
    id="urn:example:1",
    headline="Fed to halt QE",
    other_headlines=(RoleText(text="Fed halts QE", role="hlrole:short"),),
    description="The Fed stops buying bonds.",
    other_descriptions=(RoleText(text="Janet Yellen speaks.", role="drol:caption"),),
    bylines=("Meredith Jameson",),
    creators=(Party(name="Meredith Jameson", uri="http://example.com/staff/mj"),),
    contributors=(
        Party(name="Jo Bloggs", roles=("crol:photographer",)),
        Party(name="Example Pictures", qcode="org:EXP", kind="cptype:organisation"),
    ),
    provider=Concept(qcode="nprov:REUTERS", name="Reuters"),
    info_sources=(Party(uri="http://www.example.com", roles=("infosrc:originfo",)),),
    alt_ids=(AltId(value="SAD02", kind="idtype:systemRef"), AltId(value="7741")),
    links=(
        Link(relation="irel:previousVersion", target_id="urn:example:0", version=3),
        Link(relation="irel:seeAlso", target="http://x/v.html", content_type="text/html"),
        Link(target="http://x/a", target_id="urn:example:a", title="Background"),
    ),
    lead=BODY,
)


def test_ninjs_3_1_writes_every_field_it_has_a_property_for_natively() -> None:
    document = _round_trip(WIDE, "ninjs")
    assert document["headlines"] == [
        {"role": "main", "value": "Fed to halt QE"},
        {"role": "hlrole:short", "value": "Fed halts QE"},
    ]
    assert document["descriptions"][1] == {
        "role": "drol:caption",
        "value": "Janet Yellen speaks.",
        "contentType": "text/plain",
    }
    assert document["by"] == "Meredith Jameson"
    assert document["people"] == [
        {"name": "Meredith Jameson", "uri": "http://example.com/staff/mj", "rel": "creator"},
        {"name": "Jo Bloggs", "rel": "contributor crol:photographer"},
    ]
    assert document["organisations"] == [
        {"name": "Example Pictures", "literal": "org:EXP", "rel": "contributor"}
    ]
    assert document["infoSources"] == [
        {"name": "Reuters", "literal": "nprov:REUTERS", "role": "provider"},
        {"uri": "http://www.example.com", "role": "infosrc:originfo"},
    ]
    assert document["altIds"] == [{"role": "idtype:systemRef", "value": "SAD02"}, {"value": "7741"}]
    assert document["associations"] == [
        {
            "name": "irel:previousVersion",
            "uri": "urn:example:0",
            "rel": "irel:previousVersion",
            "version": "3",
        },
        {
            "name": "irel:seeAlso",
            "uri": "http://x/v.html",
            "rel": "irel:seeAlso",
            "renditions": [
                {"name": "target", "href": "http://x/v.html", "contentType": "text/html"}
            ],
        },
        {
            "name": "Background",
            "uri": "urn:example:a",
            "renditions": [{"name": "target", "href": "http://x/a"}],
        },
    ]
    assert carried(document) == {}  # nothing left for the newsdoc rendition
    assert _read(_without_carrier(document)) == WIDE


def test_ninjs_1_6_writes_people_info_sources_and_alt_ids_natively() -> None:
    document = _round_trip(WIDE, "ninjs-1.6")
    assert document["byline"] == "Meredith Jameson"
    assert document["person"] == [
        {"name": "Meredith Jameson", "scheme": "http://example.com/staff/", "code": "mj",
         "rel": "creator"},
        {"name": "Jo Bloggs", "rel": "contributor crol:photographer"},
    ]  # fmt: skip
    assert document["organisation"] == [
        {"name": "Example Pictures", "code": "org:EXP", "rel": "contributor"}
    ]
    assert document["infosource"] == [
        {"name": "Reuters", "code": "nprov:REUTERS", "rel": "provider"},
        {"scheme": "http://", "code": "www.example.com", "rel": "infosrc:originfo"},
    ]
    assert document["altids"] == {"idtype:systemRef": "SAD02"}
    assert document["associations"] == {
        "irel:previousVersion": {"uri": "urn:example:0", "version": "3"},
        "irel:seeAlso": {
            "uri": "http://x/v.html",
            "renditions": {"target": {"href": "http://x/v.html", "mimetype": "text/html"}},
        },
    }
    # What 1.6 has no property for travels in the rendition: the alt id without a kind,
    # the link without a relation, the further headlines and descriptions.
    assert set(carried(document)) == {"alt_ids", "links", "other_headlines", "other_descriptions"}
    native = _read(_without_carrier(document), strict=False)
    assert (native.creators, native.contributors) == (WIDE.creators, WIDE.contributors)
    assert (native.provider, native.info_sources) == (WIDE.provider, WIDE.info_sources)
    assert native.links == WIDE.links[:2]


def test_ninjs_1_x_associations_are_links_keyed_by_relation() -> None:
    document = {
        "uri": "u",
        "associations": {
            "featuremedia": {"type": "picture", "uri": "p1", "title": "The fire"},
            "irel:seeAlso": {
                "uri": "urn:x:2",
                "version": "2",
                "renditions": {"target": {"href": "http://x/2", "mimetype": "text/html"}},
            },
            "bad key": {"uri": "p2"},
        },
    }
    article = _read(document, strict=False)
    assert article.links == (
        Link(relation="featuremedia", target_id="p1", title="The fire"),
        Link(
            relation="irel:seeAlso",
            target_id="urn:x:2",
            target="http://x/2",
            version=2,
            content_type="text/html",
        ),
    )
    assert [extension.path for extension in article.extensions] == [
        "$.associations.featuremedia.type",
        '$.associations["bad key"]',
    ]


def test_what_a_property_cannot_hold_travels_in_the_rendition_and_the_rest_agrees() -> None:
    article = Article(
        id="urn:example:2",
        lead=BODY,
        creators=(Party(name="Jane Smith", kind="cptype:person", roles=("crol:writer",)),),
        other_headlines=(RoleText(text="Kurz", role="hlrole:short", language="de"),),
        signals=(Signal.CORRECTION,),
        content_modified=dt.datetime(2026, 3, 1, 9, tzinfo=UTC),
        services=(Concept(qcode="svc:uknews"),),
    )
    document = _round_trip(article, "ninjs")
    assert set(carried(document)) == {
        "creators",  # the person's type
        "other_headlines",  # the headline's language
        "signals",
        "content_modified",
        "services",
    }
    assert document["people"] == [{"name": "Jane Smith", "rel": "creator crol:writer"}]
    native = _read(_without_carrier(document))
    assert native.creators == (attrs.evolve(article.creators[0], kind=None),)
    assert native.other_headlines == (RoleText(text="Kurz", role="hlrole:short"),)
    assert (native.signals, native.content_modified, native.services) == ((), None, ())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=strategies.articles())
def test_the_properties_written_are_all_read(article: Article) -> None:
    for name, version in FORMATS.items():
        document = json.loads(newsdoc.write(article, name))
        assert validate(document, version) == ()
        native = read_native(_without_carrier(document))
        # Nothing written that the reader would only keep. The XHTML body is read, and kept
        # whole besides when its markup says more than the marks read from it (markup over
        # white space only): the newsdoc rendition, left out here, completes it.
        assert [e for e in native.kept if e is not native.body_kept] == []
        assert newsdoc.read(json.dumps(document), "ninjs", extract=False) == article


# -- an IPTC NewsML-G2 sample through ninjs ------------------------------------------------


def test_the_iptc_news_item_goes_to_ninjs_and_back_equal() -> None:
    item = newsdoc.read(LISTING_1)
    assert item.creators
    assert item.embargoed
    assert item.signals
    assert item.editorial_notes
    assert item.links
    for name in FORMATS:
        document = written(item, name)
        assert newsdoc.read(json.dumps(document), "ninjs") == item
    document = written(item, "ninjs")
    native = _read(_without_carrier(document), strict=False)
    assert native.creators == item.creators
    assert native.embargoed == item.embargoed
    assert native.editorial_notes == item.editorial_notes
    assert native.links == item.links
    assert native.info_sources == item.info_sources
    assert native.signals == ()  # ninjs has no property for signals: only the rendition


def test_convert_takes_the_iptc_news_item_to_ninjs_and_back_to_newsml(tmp_path: Path) -> None:
    ninjs = tmp_path / "item.ninjs"
    newsdoc.convert(LISTING_1, "ninjs", ninjs)
    back = tmp_path / "item.xml"
    newsdoc.convert(ninjs, "newsml", back)
    assert newsdoc.read(back) == newsdoc.read(LISTING_1)


def test_an_edited_creator_is_read_and_the_rendition_still_applies() -> None:
    article = Article(
        id="urn:example:3",
        lead=BODY,
        keywords=("fed",),  # travels in the rendition
        creators=(Party(name="Jane Smith"),),
    )
    document = written(article, "ninjs")
    assert set(carried(document)) == {"keywords"}
    document["people"].append({"name": "Bob Jones", "rel": "creator crol:editor"})
    again = newsdoc.read(json.dumps(document), "ninjs")
    assert again == attrs.evolve(
        article, creators=(*article.creators, Party(name="Bob Jones", roles=("crol:editor",)))
    )
