"""Writing an NITF body: its layout, what newsdoc records beside the inline markup, and
where inline markup kept from an NITF source goes back in each paragraph.

Kept markup returns at its own words, namesakes in their order; markup without words
follows its namesake, or (when it reads as a space) goes where a space already stands;
markup at a paragraph's edge is found without the white space the edge dropped; what has
no place any more is reported, by path or by count.
"""

from __future__ import annotations

import warnings

import attrs
import pytest
from lxml import etree

import newsdoc
from newsdoc import (
    Article,
    Attribution,
    ContentLossWarning,
    Event,
    Extension,
    Mark,
    Span,
)
from newsdoc.formats.nitf.schema import validate

NS = "http://iptc.org/std/NITF/2006-10-18/"
ND = "https://newsdoc.dev/ns/nitf/1"
PROLOGUE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<nitf xmlns="{NS}" xmlns:nd="{ND}" version="-//IPTC//DTD NITF 3.6//EN" '
    'change.date="September 11, 2009" change.time="12:26" nd:text="exact">\n'
)
LOST = "nitf: kept content has no place in the document written: "


def _span(words: str, text: str) -> Span:
    start = text.index(words)
    return Span(paragraph=0, start=start, end=start + len(words), text=words)


def _quietly_written(article: Article) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is reported lost
        document = newsdoc.write(article, "nitf")
    assert validate(etree.fromstring(document.encode("utf-8"))) == ()
    return document


def _read(paragraph: str) -> Article:
    """An article read from an NITF document with one paragraph, written as given."""
    return newsdoc.read(
        f"<nitf><body><body.content><p>{paragraph}</p></body.content></body></nitf>",
        format="nitf",
    )


def _paragraph(document: str) -> str:
    """The first paragraph of a written document, as written, without its start tag."""
    root = etree.fromstring(document.encode("utf-8"))
    paragraph = root.find(f".//{{{NS}}}p")
    assert paragraph is not None
    return etree.tostring(paragraph, encoding="unicode", with_tail=False).partition(">")[2]


def _round_trip(paragraph: str) -> str:
    """The paragraph written back from what was read of it, which reads back the same."""
    article = _read(paragraph)
    document = _quietly_written(article)
    assert newsdoc.read(document, format="nitf") == article
    return _paragraph(document)


# -- layout and kept attributes of the body's containers -------------------------------


def test_containers_are_indented_two_spaces_a_level_and_mixed_content_is_left_as_is() -> None:
    article = Article(headline="Port reopens", lead=("One.", "Two."), trailer=("Three.",))
    assert _quietly_written(article) == (
        f"{PROLOGUE}"
        "  <body>\n"
        "    <body.head>\n"
        "      <hedline>\n"
        "        <hl1>Port reopens</hl1>\n"
        "      </hedline>\n"
        "    </body.head>\n"
        "    <body.content>\n"
        "      <p>One.</p>\n"
        "      <p>Two.</p>\n"
        "    </body.content>\n"
        "    <body.end>\n"
        "      <tagline>Three.</tagline>\n"
        "    </body.end>\n"
        "  </body>\n"
        "</nitf>\n"
    )


def test_kept_attributes_and_elements_of_body_and_body_end_go_back_in_place() -> None:
    source = (
        '<nitf><body id="b1"><body.content><p class="lead" id="p1">One.</p>'
        '<hl2 id="h">Two</hl2><p>Three.</p></body.content>'
        '<body.end id="e"><tagline>Four.</tagline><bibliography>Five.</bibliography>'
        "</body.end></body></nitf>"
    )
    article = newsdoc.read(source, format="nitf")
    document = _quietly_written(article)
    assert document == (
        f"{PROLOGUE}"
        '  <body id="b1">\n'
        "    <body.content>\n"
        '      <p class="lead" id="p1">One.</p>\n'
        '      <hl2 id="h">Two</hl2>\n'
        "      <p>Three.</p>\n"
        "    </body.content>\n"
        '    <body.end id="e">\n'
        "      <tagline>Four.</tagline>\n"
        "      <bibliography>Five.</bibliography>\n"
        "    </body.end>\n"
        "  </body>\n"
        "</nitf>\n"
    )
    assert newsdoc.read(document, format="nitf") == article


def test_body_content_places_its_blocks_by_position_not_by_name() -> None:
    named = Extension(
        format="nitf", path="/nitf/body[1]/body.content[1]/p[1]", attributes=(("class", "lead"),)
    )
    with pytest.warns(ContentLossWarning) as caught:
        document = newsdoc.write(Article(lead=("One.", "Two."), extensions=(named,)), "nitf")
    assert [str(w.message) for w in caught] == [f"{LOST}/nitf/body[1]/body.content[1]/p[1]"]
    assert document == (
        f"{PROLOGUE}"
        "  <body>\n"
        "    <body.content>\n"
        "      <p>One.</p>\n"
        "      <p>Two.</p>\n"
        "    </body.content>\n"
        "  </body>\n"
        "</nitf>\n"
    )


# -- newsdoc's annotations beside the markup --------------------------------------------


QUOTE = "We are leaving, she said."


def test_an_attribution_without_events_is_listed_in_the_annotations() -> None:
    article = Article(
        lead=(QUOTE,),
        attributions=(
            Attribution(
                kind="direct",
                source=_span("she", QUOTE),
                cue=_span("said", QUOTE),
                content=(_span("We are leaving", QUOTE),),
            ),
        ),
    )
    document = _quietly_written(article)
    assert document == (
        f"{PROLOGUE}"
        "  <head>\n"
        "    <nd:annotations>\n"
        '      <nd:attribution kind="direct" source="0:16:19" cue="0:20:24" content="0:0:14"/>\n'
        "    </nd:annotations>\n"
        "  </head>\n"
        "  <body>\n"
        "    <body.content>\n"
        '      <p><q quote-source="she">We are leaving</q>, she said.</p>\n'
        "    </body.content>\n"
        "  </body>\n"
        "</nitf>\n"
    )
    assert newsdoc.read(document, format="nitf") == article


def test_an_event_without_attributions_is_listed_in_the_annotations() -> None:
    article = Article(lead=(QUOTE,), events=(Event(trigger=_span("leaving", QUOTE)),))
    document = _quietly_written(article)
    head = etree.fromstring(document.encode("utf-8")).find(f"{{{NS}}}head")
    assert head is not None
    assert etree.tostring(head, encoding="unicode", with_tail=False) == (
        f'<head xmlns="{NS}" xmlns:nd="{ND}">\n'
        "    <nd:annotations>\n"
        '      <nd:event trigger="0:7:14"/>\n'
        "    </nd:annotations>\n"
        "  </head>"
    )
    assert newsdoc.read(document, format="nitf") == article


def test_a_link_that_cannot_nest_is_recorded_with_its_href() -> None:
    text = "Talks in Oslo resumed."
    article = Article(
        lead=(text,),
        marks=(
            Mark(kind="emphasis", span=_span("Talks in", text)),
            Mark(kind="link", span=_span("in Oslo", text), href="https://example.org/oslo"),
        ),
    )
    document = _quietly_written(article)
    assert document == (
        f"{PROLOGUE}"
        "  <head>\n"
        "    <nd:annotations>\n"
        '      <nd:mark kind="link" span="0:6:13" href="https://example.org/oslo"/>\n'
        "    </nd:annotations>\n"
        "  </head>\n"
        "  <body>\n"
        "    <body.content>\n"
        "      <p><em>Talks in</em> Oslo resumed.</p>\n"
        "    </body.content>\n"
        "  </body>\n"
        "</nitf>\n"
    )
    assert newsdoc.read(document, format="nitf") == article


# -- kept inline markup back at its words ------------------------------------------------


def test_kept_namesakes_go_back_in_their_order() -> None:
    # The second "a" stands after the first markup: not the "a" the paragraph opens with.
    paragraph = "a <pronounce>b c</pronounce> <pronounce>a</pronounce>"
    assert _round_trip(paragraph) == f"{paragraph}</p>"


def test_kept_markup_of_other_names_does_not_wait_for_each_other() -> None:
    # lang is put back before pronounce (by name), yet pronounce stands before it.
    paragraph = "<pronounce>A</pronounce> then <lang>B</lang>."
    assert _round_trip(paragraph) == f"{paragraph}</p>"


def test_a_break_in_kept_markup_reads_as_the_space_between_its_words() -> None:
    paragraph = "<pronounce>new<br/>york</pronounce> again."
    assert _read(paragraph).lead == ("new york again.",)
    assert _round_trip(paragraph) == f"{paragraph}</p>"


def test_empty_kept_markup_without_a_namesake_opens_the_paragraph() -> None:
    assert _round_trip("Hello <lang/>world.") == "<lang/>Hello world.</p>"


def test_empty_kept_markup_follows_its_namesake() -> None:
    assert _round_trip("Hello <lang>w</lang>orld<lang/> again.") == (
        "Hello <lang>w</lang><lang/>orld again.</p>"
    )


def test_kept_layout_without_words_opens_the_paragraph() -> None:
    assert _round_trip("Hello world <lang> </lang>again.") == (
        "<lang> </lang>Hello world again.</p>"
    )


def test_a_kept_break_after_its_namesake_goes_to_the_next_space() -> None:
    # Right after "w" it would split "world"; at the space after it, it folds away.
    paragraph = "Hello <pronounce>w</pronounce>orld<pronounce><br/></pronounce> again."
    assert _round_trip(paragraph) == (
        "Hello <pronounce>w</pronounce>orld<pronounce><br/></pronounce> again.</p>"
    )


def test_kept_markup_holding_a_no_break_space_inside_the_paragraph_keeps_it() -> None:
    paragraph = "a<pronounce>\u00a0b</pronounce> c"
    assert _read(paragraph).lead == ("a\u00a0b c",)
    assert _round_trip(paragraph) == f"{paragraph}</p>"


def test_kept_markup_at_the_paragraphs_edge_is_found_without_the_edges_space() -> None:
    paragraph = "<pronounce>\u00a0b</pronounce> c"
    assert _read(paragraph).lead == ("b c",)
    assert _round_trip(paragraph) == f"{paragraph}</p>"


def test_kept_markup_at_the_edge_still_follows_its_namesake() -> None:
    paragraph = "b <pronounce>a</pronounce> <pronounce>b\u00a0</pronounce>"
    assert _read(paragraph).lead == ("b a b",)
    assert _round_trip(paragraph) == f"{paragraph}</p>"


# -- kept inline markup without a place --------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "lost", "paragraph"),
    [
        ("X then B.", "pronounce[1]", "X then <pronounce>B</pronounce>.</p>"),
        # Of two namesakes, the warning names the one lost.
        ("A then X.", "pronounce[2]", "<pronounce>A</pronounce> then X.</p>"),
    ],
)
def test_kept_markup_whose_words_are_gone_is_reported_and_the_rest_still_goes_back(
    lead: str, lost: str, paragraph: str
) -> None:
    article = _read("<pronounce>A</pronounce> then <pronounce>B</pronounce>.")
    changed = attrs.evolve(article, lead=(lead,))
    with pytest.warns(ContentLossWarning) as caught:
        document = newsdoc.write(changed, "nitf")
    assert [str(w.message) for w in caught] == [f"{LOST}/nitf/body[1]/body.content[1]/*[1]/{lost}"]
    assert _paragraph(document) == paragraph


def test_kept_markup_crossing_a_mark_is_counted_as_lost() -> None:
    article = _read("a <pronounce>b c</pronounce> d")
    marked = attrs.evolve(article, marks=(Mark(kind="emphasis", span=_span("a b", "a b c d")),))
    with pytest.warns(ContentLossWarning) as caught:
        document = newsdoc.write(marked, "nitf")
    assert [str(w.message) for w in caught] == [
        f"{LOST}1 piece(s) of kept markup crossing other markup"
    ]
    assert _paragraph(document) == "<em>a b</em> c d</p>"
