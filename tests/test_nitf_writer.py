"""Writing NITF 3.6: every document validates and reads back equal."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from lxml import etree

import newsdoc
from newsdoc import (
    Article,
    Attribution,
    ContentLossWarning,
    Event,
    Extension,
    Mark,
    SerializationError,
    Span,
    TimeExpression,
    strategies,
)
from newsdoc.cli import main
from newsdoc.formats import by_name
from newsdoc.formats.nitf.schema import validate
from newsdoc.formats.nitf.writer import norm_of_timestamp

ROOT = Path(__file__).parent.parent
SAMPLES = sorted((Path(__file__).parent / "data" / "nitf").glob("*.xml"))
NS = "http://iptc.org/std/NITF/2006-10-18/"
NOT_CARRIED = frozenset(attrs.fields_dict(Article)) - by_name("nitf").carries


def _valid(document: str) -> etree._Element:
    root = etree.fromstring(document.encode("utf-8"))
    assert validate(root) == ()
    return root


def _carried(article: Article) -> Article:
    """The article without the fields NITF does not carry."""
    defaults = {name: attrs.fields_dict(Article)[name].default for name in NOT_CARRIED}
    return attrs.evolve(article, **defaults)


def test_the_fields_nitf_leaves_out() -> None:
    assert {"creditline", "located", "genres", "subjects"} <= NOT_CARRIED


def test_the_seed_converts_to_valid_nitf_and_back_byte_for_byte(
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed = ROOT / "examples" / "al_asad.txt"
    assert main(["convert", str(seed), "--to", "nitf"]) == 0
    document = capsys.readouterr().out
    _valid(document)
    article = newsdoc.read(seed)
    assert article.attributions
    assert article.events
    again = newsdoc.read(document, format="nitf")
    assert again == article
    assert newsdoc.write(again, "text").encode("utf-8") == seed.read_bytes()


@given(article=strategies.articles("nitf"))
def test_every_article_round_trips_in_what_nitf_carries(article: Article) -> None:
    assert _carried(article) == article
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing carried is reported lost
        document = newsdoc.write(article, "nitf")
    _valid(document)
    assert newsdoc.read(document, format="nitf") == article


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name)
def test_agency_files_are_written_valid_and_read_back_equal(sample: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsdoc.UnreadContentWarning)
        article = newsdoc.read(sample)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        document = newsdoc.write(article, "nitf")
    _valid(document)
    assert newsdoc.read(document, format="nitf") == article


def test_kept_content_goes_back_where_it_stood() -> None:
    article = newsdoc.read(SAMPLES[0])  # the AP file: a table between paragraphs
    root = _valid(newsdoc.write(article, "nitf"))
    content = root.find(f"{{{NS}}}body/{{{NS}}}body.content")
    assert content is not None
    assert [etree.QName(child).localname for child in content] == ["p", "p", "p", "table", "p"]
    assert etree.QName(root.find(f"{{{NS}}}head")[0]).localname == "meta"  # type: ignore[index]
    money = content[4].find(f"{{{NS}}}money")
    assert money is not None
    assert money.text == "$3 million"
    assert money.get("unit") == "USD"


PARAGRAPH = "We are leaving, she said on 3 March 2025 after the withdrawal."


def _annotated(value: str | None) -> Article:
    def span(text: str) -> Span:
        start = PARAGRAPH.index(text)
        return Span(paragraph=0, start=start, end=start + len(text), text=text)

    return Article(
        lead=(PARAGRAPH,),
        attributions=(
            Attribution(
                kind="direct",
                source=span("she"),
                cue=span("said"),
                content=(span("We are leaving"),),
            ),
        ),
        events=(
            Event(
                trigger=span("withdrawal"),
                time=TimeExpression(span=span("3 March 2025"), value=value),
                participants=(span("she"),),
            ),
        ),
    )


def test_attributions_events_and_times_are_marked_up_the_nitf_way() -> None:
    document = newsdoc.write(_annotated("2025-03-03"), "nitf")
    root = _valid(document)
    (paragraph,) = root.iter(f"{{{NS}}}p")
    inner = etree.tostring(paragraph, encoding="unicode", with_tail=False).partition(">")[2]
    assert inner == (
        '<q quote-source="she">We are leaving</q>, she said on '
        '<chron norm="20250303">3 March 2025</chron> after the <event>withdrawal</event>.</p>'
    )
    assert newsdoc.read(document, format="nitf") == _annotated("2025-03-03")


@pytest.mark.parametrize("value", ["2025-Q1", "2025", None])
def test_a_time_whose_value_has_no_norm_is_a_bare_chron(value: str | None) -> None:
    document = newsdoc.write(_annotated(value), "nitf")
    (chron,) = _valid(document).iter(f"{{{NS}}}chron")
    assert chron.get("norm") is None
    assert newsdoc.read(document, format="nitf") == _annotated(value)


def test_markup_that_cannot_nest_is_left_to_the_annotations() -> None:
    article = _annotated("2025-03-03")
    crossing = Span(paragraph=0, start=3, end=20, text=PARAGRAPH[3:20])
    article = attrs.evolve(
        article, events=(*article.events, Event(trigger=crossing), Event(trigger=crossing))
    )
    document = newsdoc.write(article, "nitf")
    assert len(list(_valid(document).iter(f"{{{NS}}}event"))) == 1
    assert newsdoc.read(document, format="nitf") == article


def test_marks_are_nitf_markup_and_what_cannot_nest_is_recorded() -> None:
    text = "Talks in Oslo with Acme Corp were, in short, hopeful."

    def span(words: str) -> Span:
        start = text.index(words)
        return Span(paragraph=0, start=start, end=start + len(words), text=words)

    article = Article(
        lead=(text,),
        marks=(
            Mark(kind="location", span=span("Oslo"), attributes=(("location-code", "NO"),)),
            Mark(kind="organization", span=span("Acme Corp"), attributes=(("title", "x"),)),
            Mark(kind="link", span=span("Talks in Oslo"), href="https://example.org/talks"),
            Mark(kind="strong", span=span("hopeful")),
            Mark(kind="emphasis", span=span("Corp were")),  # crosses the organisation
        ),
    )
    document = newsdoc.write(article, "nitf")
    root = _valid(document)
    (paragraph,) = root.iter(f"{{{NS}}}p")
    inner = etree.tostring(paragraph, encoding="unicode", with_tail=False).partition(">")[2]
    assert inner == (
        '<a href="https://example.org/talks">Talks in <location location-code="NO">Oslo'
        '</location></a> with <org nd:title="x">Acme Corp</org> were, in short, '
        '<em nd:kind="strong">hopeful</em>.</p>'
    )
    assert len(list(root.iter("{https://newsdoc.dev/ns/nitf/1}mark"))) == 1
    assert newsdoc.read(document, format="nitf") == article


def test_norm_takes_the_basic_form_when_it_can() -> None:
    zone = dt.timezone(dt.timedelta(hours=-5))
    assert norm_of_timestamp(dt.datetime(2025, 3, 3, 12, 0, tzinfo=zone)) == "20250303T120000-0500"
    assert norm_of_timestamp(dt.datetime(2025, 3, 3, 12, 0, 0, 5, tzinfo=zone)) == (
        "2025-03-03T12:00:00.000005-05:00"
    )


def test_text_xml_cannot_hold_is_a_serialization_error() -> None:
    with pytest.raises(SerializationError):
        newsdoc.write(Article(lead=("bell \x07",)), "nitf")


def test_other_formats_extensions_travel_in_newsdocs_namespace() -> None:
    extension = Extension(
        format="x-archive", path="/record/shelf", content="B12", attributes=(("a", "1"),)
    )
    article = Article(lead=("One.",), extensions=(extension,))
    document = newsdoc.write(article, "nitf")
    _valid(document)
    assert newsdoc.read(document, format="nitf") == article


def test_kept_content_without_a_place_is_reported() -> None:
    kept = Extension(
        format="nitf", path="/nitf/body[1]/body.head[1]/byline[9]/x[1]", content="<x/>"
    )
    with pytest.warns(ContentLossWarning, match=r"byline\[9\]"):
        newsdoc.write(Article(lead=("One.",), extensions=(kept,)), "nitf")


def test_kept_markup_of_a_changed_headline_is_reported_not_written() -> None:
    document = (
        "<nitf><body><body.head><hedline><hl1>Talks in <location>Oslo</location></hl1>"
        "</hedline></body.head><body.content><p>One.</p></body.content></body></nitf>"
    )
    article = newsdoc.read(document, format="nitf")
    assert article.headline == "Talks in Oslo"
    root = _valid(newsdoc.write(article, "nitf"))
    assert root.find(f".//{{{NS}}}hl1/{{{NS}}}location") is not None
    changed = attrs.evolve(article, headline="Talks in Bergen")
    with pytest.warns(ContentLossWarning, match="hl1"):
        document = newsdoc.write(changed, "nitf")
    assert newsdoc.read(document, format="nitf").headline == "Talks in Bergen"


def test_markup_nested_deeper_than_parsers_read_is_left_to_the_annotations() -> None:
    text = "x" * 600
    marks = [
        Mark(
            kind="emphasis",
            span=Span(paragraph=0, start=i, end=600 - i, text=text[i : 600 - i]),
            attributes=(("class", str(i)),),  # unequal, so not merged into one
        )
        for i in range(299)
    ]
    article = Article(lead=(text,), marks=marks)
    assert len(article.marks) == 299
    document = newsdoc.write(article, "nitf")
    root = _valid(document)
    assert 150 < len(list(root.iter(f"{{{NS}}}em"))) < 250
    assert newsdoc.read(document, format="nitf") == article


def test_validate_checks_nitf_against_its_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = tmp_path / "story.nitf"
    newsdoc.write_file(Article(headline="Talks resume", lead=("They met.",)), written)
    assert main(["validate", str(written)]) == 0
    assert capsys.readouterr().out == f"{written}: valid\n"
    older = Path(__file__).parent / "data" / "nitf" / "ap_3_3_strike.xml"  # no namespace
    assert main(["validate", str(older)]) == 1
    assert "No matching global declaration" in capsys.readouterr().out
