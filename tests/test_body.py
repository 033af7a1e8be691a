"""What every body dialect shares: folding layout, collecting a body, datelines, digests."""

from __future__ import annotations

import pytest
from lxml import etree

from newsdoc import Dateline, Mark, MarkKind, Section, Span
from newsdoc.formats._body import (
    Body,
    body_digest,
    dateline,
    element_text,
    fold_body,
    fold_layout,
    sub_element,
    tag_names,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("a  b", "a b"),
        ("a\nb", "a b"),
        ("a\tb", "a b"),
        ("a\rb", "a b"),
        ("a\r\n\t  b", "a b"),
        ("  a b  ", "a b"),
        ("a\u00a0\u00a0b", "a\u00a0\u00a0b"),  # a no-break space is a word's, not layout
        ("a\u00a0 \nb", "a\u00a0 b"),
        # Vertical tab and form feed are not XML layout: they stay, the rest still folds.
        ("a\x0b\n b", "a\x0b b"),
        ("a\x0c\t\tb", "a\x0c b"),
        ("a\x0b\rb", "a\x0b b"),
        ("a\x0b    b", "a\x0b b"),
        ("a\x0b", "a"),  # at an end, str.strip takes it as it takes any white space
        ("\ud800\n x", "\ud800 x"),  # a lone surrogate, as a Python string may hold
    ],
)
def test_layout_white_space_folds_to_one_space(text: str, folded: str) -> None:
    assert fold_layout(text) == folded


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("a\u2028b", "a b"),
        ("a\u2029b", "a b"),
        ("a\x85b", "a b"),
        ("a\u2029\nb", "a b"),
        ("a \u2028 b", "a b"),
    ],
)
def test_line_and_paragraph_separators_in_a_body_read_as_spaces(text: str, folded: str) -> None:
    assert fold_body(text) == folded


def test_an_elements_text_is_all_the_text_inside_it_as_it_stands() -> None:
    element = etree.fromstring("<p>One <b>two\n  <i>three</i></b>  four</p>")
    assert element_text(element) == "One two\n  three  four"
    assert element_text(etree.fromstring("<p/>")) == ""
    assert element_text(etree.fromstring("<p> x </p>")) == " x "


def test_tag_names_are_clark_names_in_a_namespace_and_local_names_without() -> None:
    assert tag_names("urn:x", "p", "hl1") == ("{urn:x}p", "{urn:x}hl1")
    assert tag_names(None, "p", "hl1") == ("p", "hl1")
    assert tag_names("urn:x") == ()


def test_a_sub_element_is_the_last_child_with_its_text_and_attributes() -> None:
    parent = etree.fromstring("<body><p/></body>")
    added = sub_element(parent, "p", "Text.", id="p2", lang="en")
    assert parent[-1] is added
    assert etree.tostring(added) == b'<p id="p2" lang="en">Text.</p>'
    assert sub_element(parent, "br").text is None


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        ("Kyiv, Ukraine", "Kyiv, Ukraine", Dateline(place="Kyiv, Ukraine")),
        (
            "Kyiv, Ukraine, in the morning",
            "Kyiv, Ukraine",
            Dateline(place="Kyiv, Ukraine", date="in the morning"),
        ),
        # Without a place, a trailing date is looked for, and "in the morning" is none.
        ("Kyiv, Ukraine, in the morning", None, Dateline(place="Kyiv, Ukraine, in the morning")),
        ("Kyiv, Ukraine", "Kyiv", Dateline(place="Kyiv", date="Ukraine")),
        # A place the text does not start with is ignored.
        ("Kyiv, in the morning", "Lviv", Dateline(place="Kyiv, in the morning")),
        ("Kyivska, in the morning", "Kyiv", Dateline(place="Kyivska, in the morning")),
        ("PARIS, March 3", None, Dateline(place="PARIS", date="March 3")),
        ("PARIS, March 3", "", Dateline(place="PARIS", date="March 3")),
    ],
)
def test_a_dateline_splits_where_its_known_place_ends(
    text: str, place: str | None, expected: Dateline
) -> None:
    assert dateline(text, place) == expected


def test_a_body_collects_lead_sections_and_paragraph_indexes() -> None:
    body = Body(exact=False)
    assert body.paragraph("One.") == 0
    assert body.paragraph("Two.") == 1
    body.heading_line("First")
    assert body.paragraph("Three.") == 2
    body.heading_line("Empty")
    body.heading_line("Last")
    assert body.paragraph("Four.") == 3
    body.trailer.append("Trailer.")
    body.close()
    body.close()  # closing twice adds nothing
    assert body.count == 4
    assert body.parts() == (
        ("One.", "Two."),
        (
            Section(heading="First", paragraphs=("Three.",)),
            Section(heading="Empty"),
            Section(heading="Last", paragraphs=("Four.",)),
        ),
        ("Trailer.",),
    )


def test_a_new_body_is_empty() -> None:
    body = Body(exact=True)
    assert body.parts() == ((), (), ())
    assert (body.exact, body.count, body.header, body.marks) == (True, 0, {}, [])


def test_an_exact_body_takes_text_as_it_stands_and_any_other_folds_it() -> None:
    element = etree.fromstring("<p> One\n  two\u2028three </p>")
    assert Body(exact=True).text(element) == " One\n  two\u2028three "
    assert Body(exact=False).text(element) == "One two three"


_BODY = (("Lead.",), (Section(heading="Head", paragraphs=("Text.",)),), ("End.",))
_MARK = Mark(kind=MarkKind.EMPHASIS, span=Span(paragraph=0, start=0, end=4, text="Lead"))


def test_a_body_digest_is_a_sha1_hex_digest_that_depends_on_what_the_body_says() -> None:
    digest = body_digest(_BODY, {"headline": "H"})
    assert len(digest) == 40
    assert int(digest, 16) >= 0
    assert body_digest(_BODY, {"headline": "H"}) == digest
    assert body_digest(_BODY, {"headline": "H"}, ()) == digest
    others = [
        body_digest((("Lead!",), _BODY[1], _BODY[2]), {"headline": "H"}),
        body_digest(
            (_BODY[0], (Section(heading="Other", paragraphs=("Text.",)),), _BODY[2]),
            {"headline": "H"},
        ),
        body_digest(
            (_BODY[0], (Section(heading="Head", paragraphs=("Text!",)),), _BODY[2]),
            {"headline": "H"},
        ),
        body_digest((_BODY[0], _BODY[1], ("End!",)), {"headline": "H"}),
        body_digest(_BODY, {"headline": "I"}),
        body_digest(_BODY, {}),
        body_digest(_BODY, {"headline": "H"}, [_MARK]),
    ]
    assert len({digest, *others}) == len(others) + 1


def test_a_body_digest_tells_marks_apart_and_still_reads_the_body_beside_them() -> None:
    strong = Mark(kind=MarkKind.STRONG, span=_MARK.span)
    with_mark = body_digest(_BODY, {}, [_MARK])
    assert body_digest(_BODY, {}, (_MARK,)) == with_mark
    assert body_digest(_BODY, {}, [strong]) != with_mark
    other_body = (("Lead text.",), _BODY[1], _BODY[2])
    assert body_digest(other_body, {}, [_MARK]) != with_mark


def test_a_body_digest_does_not_depend_on_the_order_of_header_fields() -> None:
    assert body_digest(_BODY, {"a": "1", "b": "2"}) == body_digest(_BODY, {"b": "2", "a": "1"})
