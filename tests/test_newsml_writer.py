import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import newsdoc
from newsdoc import Article, Extension, SerializationError, strategies
from newsdoc.formats.newsml.fidelity import fidelity
from newsdoc.formats.newsml.schema import validate

DATA = Path(__file__).parent / "data"
NAR = "http://iptc.org/std/nar/2006-10-01/"
SAMPLES = sorted(p for p in (DATA / "newsml").glob("*.xml") if "LISTING_24" not in p.name)
DOCUMENTS = sorted((DATA / "newsml").glob("*.xml"))


def problems(xml: str) -> tuple[object, ...]:
    return validate(etree.fromstring(xml.encode("utf-8")))


@given(strategies.articles("newsml"))
def test_every_article_round_trips_and_validates(article: Article) -> None:
    written = newsdoc.write(article, "newsml")
    assert problems(written) == ()
    assert newsdoc.read(written, format="newsml") == article


def test_the_al_asad_article_survives_text_newsml_text_byte_for_byte(seed_bytes: bytes) -> None:
    article = newsdoc.read(seed_bytes, format="text")
    assert len(article.attributions) == 11
    written = newsdoc.write(article, "newsml")
    assert problems(written) == ()
    again = newsdoc.read(written, format="newsml")
    assert again == article
    assert newsdoc.write(again, "text").encode("utf-8") == seed_bytes


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_iptc_samples_are_written_back_whole_and_valid(path: Path) -> None:
    data = path.read_bytes()
    report = fidelity(data)
    assert not report, report
    article = newsdoc.read(path)
    written = newsdoc.write(article, "newsml")
    assert problems(written) == ()
    assert newsdoc.read(written, format="newsml") == article


def test_an_edited_body_replaces_the_original_rendition() -> None:
    article = newsdoc.read(DATA / "newsml" / "LISTING_2_NewsML-G2_Text_Document.xml")
    edited = attrs.evolve(article, lead=("A corrected first paragraph.",))
    written = newsdoc.write(edited, "newsml")
    assert problems(written) == ()
    again = newsdoc.read(written, format="newsml")
    assert again.lead == ("A corrected first paragraph.",)
    assert again.bylines == article.bylines
    assert "nitf" not in written


def test_invented_required_values_read_back_as_unset() -> None:
    article = Article(lead=("Only a body.",))
    written = newsdoc.write(article, "newsml")
    root = etree.fromstring(written.encode())
    assert root.get("guid", "").startswith("urn:newsdoc:unidentified:")
    assert problems(written) == ()
    again = newsdoc.read(written, format="newsml")
    assert (again.id, again.version, again.updated, again.provider) == (None, None, None, None)


def test_text_xml_cannot_hold_is_a_serialization_error() -> None:
    article = Article(lead=("A bell \x07 rings.",))
    with pytest.raises(SerializationError, match="cannot write newsml"):
        newsdoc.write(article, "newsml")


def test_other_formats_extension_data_travels_opaquely() -> None:
    extra = Extension(format="x-archive", path="/record/shelf", content="<b>&amp; more</b>")
    article = Article(lead=("Body.",), extensions=(extra,))
    assert newsdoc.read(newsdoc.write(article, "newsml"), format="newsml") == article


def test_kept_content_without_a_place_is_a_serialization_error() -> None:
    stray = Extension(format="newsml", path="/elsewhere/thing[1]", content="<thing/>")
    with pytest.raises(SerializationError, match="no place to go"):
        newsdoc.write(Article(lead=("Body.",), extensions=(stray,)), "newsml")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<altId>open", "not well-formed"),
        ("two <altId/>", "not well-formed"),
        ("<altId/><altId/>", "not well-formed"),
        ("<altId/><!-- trailing -->", "more than one element"),
        ('<!DOCTYPE a [<!ENTITY e "x">]><altId>&e;</altId>', "DTD"),
    ],
)
def test_kept_content_that_is_not_one_element_is_a_serialization_error(
    content: str, reason: str
) -> None:
    good = Extension(format="newsml", path="/newsItem/contentMeta[1]/altId[1]", content="<altId/>")
    bad = Extension(format="newsml", path="/newsItem/contentMeta[1]/altId[2]", content=content)
    article = Article(lead=("Body.",), extensions=(good, bad))
    with pytest.raises(SerializationError, match=r"altId\[2\].*" + reason):
        newsdoc.write(article, "newsml")


def test_kept_content_goes_back_in_one_parse_and_in_place() -> None:
    kept = tuple(
        Extension(
            format="newsml",
            path=f"/newsItem/contentMeta[1]/exclAudience[{n}]",
            content=(
                f'<exclAudience xmlns="http://iptc.org/std/nar/2006-10-01/" qcode="a:{n}">'
                "</exclAudience>"
            ),
        )
        for n in (1, 2, 3)
    )
    article = Article(lead=("Body.",), extensions=kept)
    root = etree.fromstring(newsdoc.write(article, "newsml").encode())
    audiences = root.findall("{http://iptc.org/std/nar/2006-10-01/}contentMeta/"
                             "{http://iptc.org/std/nar/2006-10-01/}exclAudience")  # fmt: skip
    assert [a.get("qcode") for a in audiences] == ["a:1", "a:2", "a:3"]
    assert newsdoc.read(newsdoc.write(article, "newsml"), format="newsml") == article


def test_every_iptc_document_round_trips_and_valid_inputs_give_valid_items() -> None:
    articles = equal = valid_inputs = valid_outputs = 0
    for path in DOCUMENTS:
        data = path.read_bytes()
        input_valid = problems(data.decode("utf-8")) == ()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", newsdoc.UnreadContentWarning)  # the message header
            read = list(newsdoc.read_all(data, format="newsml"))
        for article in read:
            written = newsdoc.write(article, "newsml")
            articles += 1
            equal += newsdoc.read(written, format="newsml") == article
            if input_valid:
                valid_inputs += 1
                valid_outputs += problems(written) == ()
    # 13 newsItem documents, and a newsMessage of four items that is not schema-valid.
    assert (articles, equal) == (17, 17)
    assert (valid_inputs, valid_outputs) == (13, 13)


@given(st.lists(strategies.extensions(attributes=True), max_size=3))
def test_kept_attributes_travel_through_json(extensions: list[Extension]) -> None:
    article = Article(lead=("Body.",), extensions=tuple(extensions))
    assert newsdoc.read(newsdoc.write(article, "json"), format="json") == article


def test_an_iptc_article_survives_json_and_is_then_written_the_same() -> None:
    article = newsdoc.read(DATA / "newsml" / "LISTING_1_A_NewsML-G2_News_Item.xml")
    through_json = newsdoc.read(newsdoc.write(article, "json"), format="json")
    assert through_json == article
    assert newsdoc.write(through_json, "newsml") == newsdoc.write(article, "newsml")


def test_compact_kept_content_is_not_laid_out_anew() -> None:
    kept = Extension(
        format="newsml",
        path="/newsItem/contentMeta[1]/creator[1]",
        content='<creator xmlns="http://iptc.org/std/nar/2006-10-01/"><name>A</name></creator>',
    )
    written = newsdoc.write(Article(lead=("Body.",), extensions=(kept,)), "newsml")
    assert "<creator><name>A</name></creator>" in written


_MUTATIONS = st.lists(
    st.tuples(
        st.integers(0, 10_000), st.sampled_from(["comment", "text", "tail", "empty", "attr"])
    ),
    min_size=1,
    max_size=3,
)


@given(st.sampled_from(SAMPLES), _MUTATIONS)
def test_comments_text_and_unknown_parts_anywhere_in_metadata_read_back_equal(
    path: Path, mutations: list[tuple[int, str]]
) -> None:
    root = etree.parse(path).getroot()
    metadata = [e for e in root.iter(etree.Element) if e.tag.startswith(f"{{{NAR}}}")]
    for index, kind in mutations:
        element = metadata[index % len(metadata)]
        if kind == "comment":
            element.insert(index % (len(element) + 1), etree.Comment(" note "))
        elif kind == "text" and len(element):
            element.text = "stray"
        elif kind == "tail" and element.getparent() is not None:
            element.tail = " tail words "
        elif kind == "empty":
            etree.SubElement(element, f"{{{NAR}}}altId")
        elif kind == "attr":
            element.set("extra", "x:y")
    try:
        article = newsdoc.read(etree.tostring(root), format="newsml")
    except newsdoc.ParseError:  # e.g. text added to a headline the model then refuses
        return
    assert newsdoc.read(newsdoc.write(article, "newsml"), format="newsml") == article
