"""How the NITF body reader walks the body's structure, and what its keeper is told.

It pins where the body is found (an ``nitf``, a ``body``, a bare ``body.content``, or
paragraphs straight in a wrapper), the path of every element the keeper keeps or whose
attributes it keeps, what is reported unread (text between elements, comments and
processing instructions), which head, hedline, abstract, dateline and tagline children are
read and which kept whole, how exact text differs from laid-out text in each of them, how
inline text is built (line separators, runs of white space across markup, ``br`` inside
markup, no-break spaces at the ends), which markup becomes marks, and how the writer's
:func:`marked_up` nests ranges (order of equal starts, the deepest nesting written).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lxml import etree

import newsdoc
from newsdoc import Article, Dateline, Event, Mark, MarkKind, Rights, Section, Span
from newsdoc.formats import _nitf_body
from nitf_keepers import Recorder

ND = "https://newsdoc.dev/ns/nitf/1"
NITF = _nitf_body.NITF
BODY = "/nitf/body[1]"
CONTENT = f"{BODY}/body.content[1]"
HEAD = f"{BODY}/body.head[1]"
END = f"{BODY}/body.end[1]"


def _body(
    inner: str, keeper: Recorder | None = None, *, exact: bool = False
) -> _nitf_body.NitfBody:
    xml = f'<body xmlns:nd="{ND}">{inner}</body>'
    return _nitf_body.read(etree.fromstring(xml), namespace=None, keeper=keeper, exact=exact)


def _read(
    content: str, keeper: Recorder | None = None, *, exact: bool = False
) -> _nitf_body.NitfBody:
    return _body(f"<body.content>{content}</body.content>", keeper, exact=exact)


def _head(head: str, keeper: Recorder | None = None, *, exact: bool = False) -> _nitf_body.NitfBody:
    return _body(f"<body.head>{head}</body.head>", keeper, exact=exact)


def _end(end: str, keeper: Recorder | None = None, *, exact: bool = False) -> _nitf_body.NitfBody:
    return _body(f"<body.end>{end}</body.end>", keeper, exact=exact)


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(paragraph=0, start=start, end=start + len(piece), text=piece)


# -- where the body is ----------------------------------------------------------------------


def test_body_and_its_parts_have_their_attributes_kept_at_their_paths() -> None:
    keeper = Recorder()
    _body("<body.head/><body.content><p>One.</p></body.content><body.end/>", keeper)
    assert keeper.calls == [
        ("attributes", "body", BODY, ()),
        ("attributes", "body.head", HEAD, ()),
        ("attributes", "body.content", CONTENT, ()),
        ("attributes", "p", f"{CONTENT}/*[1]", ()),
        ("attributes", "body.end", END, ()),
    ]


def test_second_body_head_and_body_end_are_kept_whole() -> None:
    keeper = Recorder()
    body = _body(
        "<body.head><rights>A</rights></body.head><body.head><rights>B</rights></body.head>"
        "<body.end><tagline>One</tagline></body.end><body.end><tagline>Two</tagline></body.end>",
        keeper,
    )
    assert body.header == {"rights": Rights(notice="A")}
    assert body.trailer == ["One"]
    assert ("keep", "body.head", f"{BODY}/body.head[2]") in keeper.calls
    assert ("keep", "body.end", f"{BODY}/body.end[2]") in keeper.calls


def test_other_first_child_of_body_is_kept_whole_not_read_as_body_end() -> None:
    keeper = Recorder()
    body = _body("<body.other><tagline>Not a trailer</tagline></body.other>", keeper)
    assert body.trailer == []
    assert keeper.calls == [
        ("attributes", "body", BODY, ()),
        ("keep", "body.other", f"{BODY}/body.other[1]"),
    ]


def test_bare_body_content_is_read_as_the_content_of_the_body_at_path() -> None:
    keeper = Recorder()
    element = etree.fromstring("<body.content><p>One.</p><p>Two.</p></body.content>")
    body = _nitf_body.read(element, namespace=None, keeper=keeper, path="/x/body[1]")
    assert body.parts() == (("One.", "Two."), (), ())
    assert body.paths == ["/x/body[1]/body.content[1]/*[1]", "/x/body[1]/body.content[1]/*[2]"]
    assert keeper.calls[0] == ("attributes", "body.content", "/x/body[1]/body.content[1]", ())


def test_bare_body_content_holding_a_nested_body_is_itself_the_body() -> None:
    element = etree.fromstring(
        "<body.content><p>Read.</p><block><body><p>Inner.</p></body></block></body.content>"
    )
    body = _nitf_body.read(element, namespace=None)
    assert body.parts() == (("Read.",), (), ())


def test_body_content_without_body_around_it_is_found() -> None:
    element = etree.fromstring("<nitf><body.content><p>One.</p></body.content></nitf>")
    body = _nitf_body.read(element, namespace=None)
    assert body.parts() == (("One.",), (), ())
    assert body.paths == [f"{CONTENT}/*[1]"]


def test_paragraphs_straight_in_a_wrapper_are_the_content() -> None:
    keeper = Recorder()
    element = etree.fromstring('<div class="w"><p>One.</p><hl2>Part</hl2><p>Two.</p></div>')
    body = _nitf_body.read(element, namespace=None, keeper=keeper)
    assert body.parts() == (("One.",), (Section(heading="Part", paragraphs=("Two.",)),), ())
    assert body.paths == [f"{CONTENT}/*[1]", f"{CONTENT}/*[3]"]
    assert keeper.calls[0] == ("attributes", "div", CONTENT, ())


def test_body_read_is_laid_out_unless_exact() -> None:
    element = etree.fromstring("<body><body.content><p>a  b</p></body.content></body>")
    laid_out = _nitf_body.read(element, namespace=None)
    assert (laid_out.exact, laid_out.parts()) == (False, (("a b",), (), ()))
    exact = _nitf_body.read(element, namespace=None, exact=True)
    assert (exact.exact, exact.parts()) == (True, (("a  b",), (), ()))


# -- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("namespace", "prefix"), [(None, ""), (NITF, f"{{{NITF}}}"), ("urn:x", "{urn:x}")]
)
def test_names_tag_in_their_namespace(namespace: str | None, prefix: str) -> None:
    names = _nitf_body.Names(namespace)
    assert names.prefix == prefix
    assert names.br == f"{prefix}br"
    assert names.tag("p") == f"{prefix}p"


def test_names_in_makes_names_once_per_namespace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_nitf_body, "_NAMES", {})
    names = _nitf_body.names_in("urn:x")
    assert names.br == "{urn:x}br"
    assert _nitf_body.names_in("urn:x") is names
    bare = _nitf_body.names_in(None)
    assert bare.br == "br"
    assert _nitf_body.names_in(None) is bare


# -- what is reported unread ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("stray<p>One.</p>", "text()"),
        ("<p>One.</p>stray", "text()"),
        ("<!-- note --><p>One.</p>", "comment()"),
        ("<?pi x?><p>One.</p>", "processing-instruction()"),
    ],
)
def test_what_stands_between_blocks_is_reported_unread(content: str, kind: str) -> None:
    keeper = Recorder()
    body = _read(content, keeper)
    assert body.parts() == (("One.",), (), ())
    assert [call for call in keeper.calls if call[0] == "unread"] == [
        ("unread", f"{CONTENT}/{kind}")
    ]


def test_white_space_between_blocks_is_not_reported() -> None:
    keeper = Recorder()
    _read("\n  <p>One.</p>\n  <p>Two.</p>\n", keeper)
    assert [call for call in keeper.calls if call[0] == "unread"] == []


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("<p>On<!-- note -->e.</p>", "comment()"),
        ("<p>On<em>e<?pi x?></em>.</p>", "processing-instruction()"),
    ],
)
def test_comment_or_instruction_inside_a_paragraph_is_reported(content: str, kind: str) -> None:
    keeper = Recorder()
    body = _read(content, keeper)
    assert body.parts() == (("One.",), (), ())
    assert ("unread", f"{CONTENT}/*[1]/{kind}") in keeper.calls


def test_instruction_inside_a_heading_is_reported_at_the_heading() -> None:
    keeper = Recorder()
    body = _read("<p>One.</p><hl2>Part<?pi x?></hl2>", keeper)
    assert body.parts() == (("One.",), (Section(heading="Part"),), ())
    assert ("unread", f"{CONTENT}/*[2]/processing-instruction()") in keeper.calls


def test_comment_in_a_paragraph_is_left_out_without_a_keeper() -> None:
    assert _read("<p>On<!-- note -->e.</p>").parts() == (("One.",), (), ())


# -- blocks ---------------------------------------------------------------------------------


def test_empty_blocks_are_kept_whole_at_their_position() -> None:
    keeper = Recorder()
    body = _read('<p/><hl2> </hl2><p>One.</p><hl2 class="h">Part</hl2>', keeper)
    assert body.parts() == (("One.",), (Section(heading="Part"),), ())
    assert body.paths == [f"{CONTENT}/*[3]"]
    assert keeper.calls[2:] == [
        ("keep", "p", f"{CONTENT}/*[1]"),
        ("keep", "hl2", f"{CONTENT}/*[2]"),
        ("attributes", "p", f"{CONTENT}/*[3]", ()),
        ("attributes", "hl2", f"{CONTENT}/*[4]", ()),
    ]


def test_heading_with_markup_is_kept_whole_and_read_by_its_words() -> None:
    keeper = Recorder()
    body = _read("<hl2>The <em>part</em></hl2>", keeper)
    assert body.parts() == ((), (Section(heading="The part"),), ())
    assert keeper.calls[2:] == [
        ("keep", "hl2", f"{CONTENT}/*[1]"),
        ("attributes", "hl2", f"{CONTENT}/*[1]", ()),
    ]


@pytest.mark.parametrize(
    ("content", "exact", "lead"),
    [
        ("<p>a  b</p>", True, "a  b"),
        ("<p>a  b</p>", False, "a b"),
        ("<p>a  <em>b</em></p>", True, "a  b"),
        ("<p>one\n two</p>", True, "one two"),
        ("<p> one</p>", True, "one"),
        ("<p>a <foo>b</foo>  c</p>", True, "a b c"),
        ('<p>a <event id="e">b</event>  c</p>', True, "a b c"),
        ("<p>a<br/>b  <foo>c</foo></p>", True, "a b c"),
    ],
)
def test_paragraph_text_is_exact_only_when_newsdoc_could_have_written_it(
    content: str, exact: bool, lead: str
) -> None:
    assert _read(content, exact=exact).parts() == ((lead,), (), ())


@pytest.mark.parametrize(("exact", "heading"), [(True, "A  part"), (False, "A part")])
def test_heading_text_is_exact_only_in_an_exact_body(exact: bool, heading: str) -> None:
    body = _read("<hl2>A  part</hl2>", exact=exact)
    assert body.parts() == ((), (Section(heading=heading),), ())


# -- inline text ----------------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_line_separator_before_markup_reads_as_a_space(separator: str) -> None:
    element = etree.Element("p")
    element.text = f"a{separator}b "
    etree.SubElement(element, "em").text = "c"
    text, marks = _nitf_body.inline_text(element, "br", exact=False)
    assert text == "a b c"
    assert [(mark.start, mark.end) for mark in marks] == [(4, 5)]


def test_spaces_on_both_sides_of_a_markup_start_fold_to_one() -> None:
    body = _read("<p>a <em> b</em></p>")
    assert body.parts() == (("a b",), (), ())
    assert body.marks == [Mark(kind=MarkKind.EMPHASIS, span=_span("a b", "b"))]


def test_no_break_space_before_the_first_markup_moves_its_mark() -> None:
    body = _read("<p>\u00a0<em>x</em> y</p>")
    assert body.parts() == (("x y",), (), ())
    assert body.marks == [Mark(kind=MarkKind.EMPHASIS, span=_span("x y", "x"))]


def test_br_inside_markup_reads_as_a_space() -> None:
    body = _read("<p>a <em>b<br/>c</em></p>")
    assert body.parts() == (("a b c",), (), ())
    assert body.marks == [Mark(kind=MarkKind.EMPHASIS, span=_span("a b c", "b c"))]


# -- marks ----------------------------------------------------------------------------------


def test_empty_em_is_no_mark_and_stays_unmapped() -> None:
    body = _read("<p>a<em/>b</p>")
    assert body.marks == []
    assert [etree.QName(markup.element).localname for markup in body.unmapped[0]] == ["em"]


@pytest.mark.parametrize(
    ("markup", "kind", "attributes"),
    [
        ('<em class="strong">x</em>', MarkKind.EMPHASIS, (("class", "strong"),)),
        ('<em nd:kind="loud">x</em>', MarkKind.EMPHASIS, (("kind", "loud"),)),
        ('<em nd:kind="strong">x</em>', MarkKind.STRONG, ()),
        ('<person nd:kind="strong">x</person>', MarkKind.PERSON, (("kind", "strong"),)),
    ],
)
def test_only_em_with_newsdoc_kind_strong_is_strong(
    markup: str, kind: MarkKind, attributes: tuple[tuple[str, str], ...]
) -> None:
    body = _read(f"<p>{markup}</p>")
    assert body.marks == [Mark(kind=kind, span=_span("x", "x"), attributes=attributes)]


def test_without_annotation_event_and_chron_stay_unmapped_markup() -> None:
    element = etree.fromstring(
        "<body><body.content><p><chron>Monday</chron> it <event>hit</event>.</p>"
        "</body.content></body>"
    )
    body = _nitf_body.read(element, namespace=None, annotate=False)
    assert body.header == {}
    assert [etree.QName(m.element).localname for m in body.unmapped[0]] == ["chron", "event"]


def test_q_with_attributes_other_than_quote_source_is_no_attribution() -> None:
    body = _read('<p>"<q quote-source="Ann" class="c">We go,</q>" Ann said.</p>')
    assert body.header == {}
    assert [etree.QName(m.element).localname for m in body.unmapped[0]] == ["q"]


def test_chron_whose_norm_is_no_time_value_gives_no_time() -> None:
    body = _read('<p><chron norm="tomorrow">Monday</chron> the port <event>closed</event>.</p>')
    text = "Monday the port closed."
    assert body.header == {"events": (Event(trigger=_span(text, "closed")),)}
    assert [etree.QName(m.element).localname for m in body.unmapped[0]] == ["chron"]


# -- time values ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "norm"),
    [
        ("2025-03-03", "20250303"),
        ("2025-03-03T10", "20250303T100000"),
        ("2025-03-03T10:30", "20250303T103000"),
        ("2025-03-03T10:30:45", "20250303T103045"),
        ("2025-03", None),
    ],
)
def test_norm_of_timex_fills_missing_minutes_and_seconds(value: str, norm: str | None) -> None:
    assert _nitf_body.norm_of_timex(value) == norm


@pytest.mark.parametrize("norm", ["2025", "20250303T10", "20250303T103000Z"])
def test_norm_in_another_form_has_no_time_value(norm: str) -> None:
    assert _nitf_body.timex_of_norm(norm) is None


# -- body.head ------------------------------------------------------------------------------


def test_head_keeps_what_it_does_not_map_at_its_path() -> None:
    keeper = Recorder()
    body = _head('<series name="s"/><rights class="r">\u00a9 AP</rights><rights>B</rights>', keeper)
    assert body.header == {"rights": Rights(notice="\u00a9 AP")}
    assert keeper.calls == [
        ("attributes", "body", BODY, ()),
        ("attributes", "body.head", HEAD, ()),
        ("keep", "series", f"{HEAD}/series[1]"),
        ("attributes", "rights", f"{HEAD}/rights[1]", ()),
        ("keep", "rights", f"{HEAD}/rights[2]"),
    ]


def test_empty_rights_is_kept_whole_and_states_no_rights() -> None:
    keeper = Recorder()
    body = _head("<rights/>", keeper)
    assert body.header == {}
    assert keeper.calls[2:] == [("keep", "rights", f"{HEAD}/rights[1]")]


# -- hedline --------------------------------------------------------------------------------

HEDLINE = f"{HEAD}/hedline[1]"


@pytest.mark.parametrize("hedline", ["<hl1/>", "<hl1/><hl3>Words</hl3>", "<hl2> </hl2>"])
def test_hedline_without_headline_words_is_kept_whole(hedline: str) -> None:
    keeper = Recorder()
    body = _head(f"<hedline>{hedline}</hedline>", keeper)
    assert body.header == {}
    assert keeper.calls[2:] == [("keep", "hedline", HEDLINE)]


def test_hedline_reads_first_hl1_only_and_keeps_the_rest() -> None:
    keeper = Recorder()
    body = _head("<hedline><hl1>Head</hl1><hl3>Other</hl3><hl1>Again</hl1></hedline>", keeper)
    assert body.header == {"headline": "Head"}
    assert keeper.calls[2:] == [
        ("attributes", "hedline", HEDLINE, ()),
        ("attributes", "hl1", f"{HEDLINE}/hl1[1]", ()),
        ("keep", "hl3", f"{HEDLINE}/hl3[1]"),
        ("keep", "hl1", f"{HEDLINE}/hl1[2]"),
    ]


def test_empty_hl1_with_attributes_is_kept_whole_beside_a_subheadline() -> None:
    keeper = Recorder()
    body = _head('<hedline><hl1 class="h"/><hl2>Sub</hl2></hedline>', keeper)
    assert body.header == {"subheadline": "Sub"}
    assert keeper.calls[2:] == [
        ("attributes", "hedline", HEDLINE, ()),
        ("keep", "hl1", f"{HEDLINE}/hl1[1]"),
        ("attributes", "hl2", f"{HEDLINE}/hl2[1]", ()),
    ]


# -- abstract -------------------------------------------------------------------------------

ABSTRACT = f"{HEAD}/abstract[1]"


@pytest.mark.parametrize(
    "abstract",
    ["<foo>Words</foo>", "<p>Words</p><foo>More</foo>", "<p>A <em>b</em></p>", "<p> </p>"],
)
def test_abstract_of_other_than_paragraphs_of_words_is_kept_whole(abstract: str) -> None:
    keeper = Recorder()
    body = _head(f"<abstract>{abstract}</abstract>", keeper)
    assert body.header == {}
    assert ("keep", "abstract", ABSTRACT) in keeper.calls
    assert not [call for call in keeper.calls if call[0] == "attributes" and call[1] == "p"]


@pytest.mark.parametrize(("exact", "description"), [(False, "One. Two."), (True, "One.\nTwo.")])
def test_abstract_paragraphs_are_one_description(exact: bool, description: str) -> None:
    keeper = Recorder()
    body = _head('<abstract><p class="a">One.</p><p>Two.</p></abstract>', keeper, exact=exact)
    assert body.header == {"description": description}
    assert keeper.calls[2:] == [
        ("attributes", "p", f"{ABSTRACT}/p[1]", ()),
        ("attributes", "p", f"{ABSTRACT}/p[2]", ()),
    ]


def test_empty_abstract_paragraph_adds_no_space() -> None:
    body = _head("<abstract><p>One.</p><p/><p>Two.</p></abstract>")
    assert body.header == {"description": "One. Two."}


# -- dateline -------------------------------------------------------------------------------

DATELINE = f"{HEAD}/dateline[1]"


def test_marked_dateline_keeps_attributes_of_each_part_at_its_path() -> None:
    keeper = Recorder()
    body = _head(
        '<dateline class="d"><location>PARIS</location>, <story.date>March 3</story.date>'
        "</dateline>",
        keeper,
    )
    assert body.header == {"dateline": Dateline(place="PARIS", date="March 3")}
    assert keeper.calls[2:] == [
        ("attributes", "dateline", DATELINE, ()),
        ("attributes", "location", f"{DATELINE}/location[1]", ()),
        ("attributes", "story.date", f"{DATELINE}/story.date[1]", ()),
    ]


def test_empty_story_date_is_no_date() -> None:
    body = _head("<dateline><location>PARIS</location><story.date/></dateline>")
    assert body.header == {"dateline": Dateline(place="PARIS")}


@pytest.mark.parametrize(("exact", "place"), [(False, "New York"), (True, "New  York")])
def test_dateline_place_is_exact_only_in_an_exact_body(exact: bool, place: str) -> None:
    keeper = Recorder()
    body = _head("<dateline><location>New  York</location></dateline>", keeper, exact=exact)
    assert body.header == {"dateline": Dateline(place=place)}
    assert ("keep", "dateline", DATELINE) not in keeper.calls


@pytest.mark.parametrize(
    ("dateline", "read"),
    [
        (
            "<location>PARIS</location>, <story.date>March 3</story.date>, March 3",
            Dateline(place="PARIS, March 3", date="March 3"),
        ),
        ("<location>PARIS</location>, PARIS", Dateline(place="PARIS, PARIS")),
        ("<location>PARIS</location> XXXX", Dateline(place="PARIS XXXX")),
        (
            "<location/>, <story.date>March 3</story.date>",
            Dateline(place=", March 3"),
        ),
    ],
)
def test_dateline_with_words_its_markup_does_not_account_for_is_kept_whole(
    dateline: str, read: Dateline
) -> None:
    keeper = Recorder()
    body = _head(f"<dateline>{dateline}</dateline>", keeper)
    assert body.header == {"dateline": read}
    assert keeper.calls[2:] == [("keep", "dateline", DATELINE)]


def test_plain_dateline_keeps_its_attributes() -> None:
    keeper = Recorder()
    body = _head('<dateline class="d">PARIS, March 3</dateline>', keeper)
    assert body.header == {"dateline": Dateline(place="PARIS", date="March 3")}
    assert keeper.calls[2:] == [("attributes", "dateline", DATELINE, ())]


def test_blank_dateline_is_kept_whole() -> None:
    keeper = Recorder()
    body = _head("<dateline> </dateline>", keeper)
    assert body.header == {}
    assert keeper.calls[2:] == [("keep", "dateline", DATELINE)]


# -- body.end -------------------------------------------------------------------------------


def test_end_reads_first_tagline_only_and_keeps_the_rest() -> None:
    keeper = Recorder()
    body = _end('<foo/><tagline class="t">Ends.</tagline><tagline>Again.</tagline>', keeper)
    assert body.trailer == ["Ends."]
    assert keeper.calls[1:] == [
        ("attributes", "body.end", END, ()),
        ("keep", "foo", f"{END}/foo[1]"),
        ("attributes", "tagline", f"{END}/tagline[1]", ()),
        ("keep", "tagline", f"{END}/tagline[2]"),
    ]


@pytest.mark.parametrize(
    ("tagline", "trailer", "whole"),
    [
        ("", [], True),
        ("<br/>Next", ["Next"], False),
        ("Ends.<br/>", ["Ends."], False),
        ("One<br/>Two", ["One", "Two"], False),
        ("a <em>b</em>", ["a b"], True),
        ("a<em/>b", ["ab"], True),
        ('a<br class="x"/>b', ["ab"], True),
        ("a<br>x</br>b", ["axb"], True),
        ("a  b<br/>c", ["a b", "c"], False),
    ],
)
def test_tagline_lines_and_whether_it_is_kept_whole(
    tagline: str, trailer: list[str], whole: bool
) -> None:
    keeper = Recorder()
    body = _end(f"<tagline>{tagline}</tagline>", keeper)
    assert body.trailer == trailer
    path = f"{END}/tagline[1]"
    assert keeper.calls[2:] == [
        ("keep", "tagline", path) if whole else ("attributes", "tagline", path, ())
    ]


@pytest.mark.parametrize(
    ("tagline", "trailer"),
    [
        ("a  b<br/>c", ["a  b", "c"]),
        ("a  <em>b</em>", ["a b"]),
        ("a\nb<br/>c", ["a b", "c"]),
    ],
)
def test_exact_tagline_lines_are_as_written_unless_laid_out(
    tagline: str, trailer: list[str]
) -> None:
    assert _end(f"<tagline>{tagline}</tagline>", exact=True).trailer == trailer


# -- writing: nesting ranges ----------------------------------------------------------------


def _make(tag: str, text: str | None = None) -> Callable[[etree._Element], etree._Element]:
    def make(parent: etree._Element) -> etree._Element:
        element = etree.SubElement(parent, tag)
        element.text = text
        return element

    return make


def _marked_up(text: str, ranges: list[_nitf_body.Range]) -> tuple[str, list[_nitf_body.Range]]:
    parent = etree.Element("p")
    left_out = _nitf_body.marked_up(parent, text, ranges)
    return etree.tostring(parent, encoding="unicode"), left_out


def test_empty_range_goes_before_a_range_starting_where_it_stands() -> None:
    xml, left_out = _marked_up(
        "abc", [_nitf_body.Range(0, 2, _make("em")), _nitf_body.Range(0, 0, _make("x"))]
    )
    assert xml == "<p><x/><em>ab</em>c</p>"
    assert left_out == []


def test_longer_of_two_ranges_with_one_start_goes_outside() -> None:
    xml, left_out = _marked_up(
        "abc", [_nitf_body.Range(0, 1, _make("b")), _nitf_body.Range(0, 3, _make("a"))]
    )
    assert xml == "<p><a><b>a</b>bc</a></p>"
    assert left_out == []


def test_atomic_range_goes_outside_an_equal_one_which_is_left_out() -> None:
    inner = _nitf_body.Range(0, 2, _make("em"))
    kept = _nitf_body.Range(0, 2, _make("kept", "ab"), atomic=True)
    xml, left_out = _marked_up("abc", [inner, kept])
    assert xml == "<p><kept>ab</kept>c</p>"
    assert left_out == [inner]


def test_range_after_a_closed_inner_range_nests_in_the_open_outer_one() -> None:
    xml, left_out = _marked_up(
        "abcdefghij",
        [
            _nitf_body.Range(0, 10, _make("a")),
            _nitf_body.Range(0, 5, _make("b")),
            _nitf_body.Range(6, 8, _make("c")),
        ],
    )
    assert xml == "<p><a><b>abcde</b>f<c>gh</c>ij</a></p>"
    assert left_out == []


@pytest.mark.parametrize(("depth", "written"), [(200, 200), (201, 200)])
def test_ranges_nest_at_most_200_deep(depth: int, written: int) -> None:
    ranges = [_nitf_body.Range(i, 2 * depth - i, _make("em")) for i in range(depth)]
    parent = etree.Element("p")
    left_out = _nitf_body.marked_up(parent, "x" * (2 * depth), ranges)
    assert left_out == ranges[written:]
    assert sum(1 for _ in parent.iter("em")) == written


# -- writing: paragraphs and marks ----------------------------------------------------------


def test_fill_asks_extra_for_each_paragraph_by_its_index() -> None:
    asked: list[tuple[int, str]] = []

    def extra(number: int, element: etree._Element, text: str) -> list[_nitf_body.Range]:
        asked.append((number, text))
        return [_nitf_body.Range(0, 3, _make("em"))] if number == 1 else []

    parent = etree.Element("nitf")
    written = _nitf_body.write(parent, Article(lead=["One.", "Two."]), namespace=None, fill=False)
    assert written.fill(extra) == []
    assert asked == [(0, "One."), (1, "Two.")]
    texts = [etree.tostring(p, encoding="unicode") for p, _ in written.paragraphs]
    assert texts == ["<p>One.</p>", "<p><em>Two</em>.</p>"]


def test_mark_attributes_in_a_namespace_keep_it_and_others_go_in_newsdocs() -> None:
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    mark = Mark(
        kind=MarkKind.EMPHASIS,
        span=Span(paragraph=0, start=0, end=3, text="One"),
        attributes=((lang, "fr"), ("class", "c"), ("tone", "dry")),
    )
    parent = etree.Element("nitf")
    _nitf_body.write(parent, Article(lead=["One."], marks=[mark]), namespace=None)
    em = parent.find("body/body.content/p/em")
    assert em is not None
    assert dict(em.items()) == {lang: "fr", "class": "c", f"{{{ND}}}tone": "dry"}


@pytest.mark.parametrize(
    ("markup", "path"),
    [
        (
            "<body.end><tagline>Ends<!-- x --> here</tagline></body.end>",
            "/nitf/body[1]/body.end[1]/tagline[1]/comment()",
        ),
        (
            "<body.head><dateline>PARIS<?pi x?></dateline></body.head>",
            "/nitf/body[1]/body.head[1]/dateline[1]/processing-instruction()",
        ),
        (
            "<body.head><dateline><location>PARIS</location><!-- x -->, "
            "<story.date>May 1</story.date></dateline></body.head>",
            "/nitf/body[1]/body.head[1]/dateline[1]/comment()",
        ),
    ],
)
def test_a_comment_in_a_tagline_or_dateline_read_as_text_is_reported(
    markup: str, path: str
) -> None:
    document = f"<nitf><body>{markup}<body.content><p>x</p></body.content></body></nitf>"
    with pytest.raises(newsdoc.UnmappedContentError) as refused:
        newsdoc.read(document, "nitf", strict=True)
    assert refused.value.paths == (path,)
