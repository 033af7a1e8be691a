"""newsdoc's own nd:annotations and nd:generated: read back whole, or refused with their place."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

import newsdoc
from newsdoc import Article, Attribution, AttributionKind, Event, ParseError, Span, strategies
from newsdoc.formats.newsml._names import NEWSDOC
from newsdoc.model import TimeExpression

REGRESSIONS = Path(__file__).parent / "data" / "regressions"
ND = f"{{{NEWSDOC}}}"
PARAGRAPH = "Officials said the strike hit Iraq in January 2020."
ANNOTATIONS = "/newsItem/contentMeta[1]/nd:annotations[1]"
ATTRIBUTION = f"{ANNOTATIONS}/nd:attribution[1]"
EVENT = f"{ANNOTATIONS}/nd:event[1]"


def span(text: str) -> Span:
    start = PARAGRAPH.index(text)
    return Span(paragraph=0, start=start, end=start + len(text), text=text)


ARTICLE = Article(
    id="urn:x:1",
    lead=(PARAGRAPH,),
    attributions=(
        Attribution(
            kind=AttributionKind.INDIRECT,
            source=span("Officials"),
            cue=span("said"),
            content=(span("the strike hit Iraq"),),
        ),
    ),
    events=(
        Event(
            trigger=span("strike"),
            time=TimeExpression(span=span("January 2020"), value="2020-01"),
            places=(span("Iraq"),),
        ),
    ),
)


def written() -> etree._Element:
    return etree.fromstring(newsdoc.write(ARTICLE, "newsml").encode("utf-8"))


def read(root: etree._Element) -> Article:
    return newsdoc.read(etree.tostring(root), format="newsml")


def refused(root: etree._Element) -> ParseError:
    with pytest.raises(ParseError) as caught:
        read(root)
    assert isinstance(caught.value.line, int)
    return caught.value


def first(root: etree._Element, name: str) -> etree._Element:
    found = root.find(f".//{ND}{name}")
    assert found is not None
    return found


def test_the_article_reads_back_equal() -> None:
    assert read(written()) == ARTICLE


@pytest.mark.parametrize(
    ("name", "path", "reason"),
    [
        ("06a_nd_attribution_without_source.xml", ATTRIBUTION, "without nd:source"),
        ("06b_nd_event_without_trigger.xml", EVENT, "without nd:trigger"),
        ("07a_nd_generated_unknown_field.xml", "/newsItem/itemMeta[1]/nd:generated[1]", "bogus"),
        (
            "07b_nd_generated_extensions.xml",
            "/newsItem/itemMeta[1]/nd:generated[1]",
            "extensions",
        ),
    ],
)
def test_regressions_are_parse_errors_with_line_and_path(name: str, path: str, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        newsdoc.read((REGRESSIONS / name).read_bytes(), format="newsml")
    assert (caught.value.line, caught.value.path) == (1, path)
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    "value",
    ["²", "٣", "9" * 5000, "-1", "", " 1", "+1", "1.0", "0x1", "1_0", "1e3"],
    ids=["superscript", "arabic-indic", "5000-digits", "negative", "empty", "space", "plus",
         "decimal", "hex", "underscore", "exponent"],
)  # fmt: skip
@pytest.mark.parametrize("attribute", ["p", "start", "end"])
def test_a_malformed_offset_is_refused_at_its_attribute(attribute: str, value: str) -> None:
    root = written()
    first(root, "cue").set(attribute, value)
    error = refused(root)
    assert error.path == f"{ATTRIBUTION}/nd:cue[1]/@{attribute}"
    assert len(str(error)) < 300  # a 5,000-digit value is not echoed whole


def test_a_missing_offset_is_refused() -> None:
    root = written()
    del first(root, "trigger").attrib["start"]
    error = refused(root)
    assert (error.path, error.reason) == (f"{EVENT}/nd:trigger[1]", "no start attribute")


@pytest.mark.parametrize("kind", ["quoted", "", "DIRECT", None])
def test_an_unknown_or_missing_kind_is_refused(kind: str | None) -> None:
    root = written()
    attribution = first(root, "attribution")
    if kind is None:
        del attribution.attrib["kind"]
    else:
        attribution.set("kind", kind)
    error = refused(root)
    assert error.path == ATTRIBUTION
    assert "direct, indirect, refusal" in error.reason


@pytest.mark.parametrize(
    ("container", "part", "path"),
    [
        ("attribution", "source", f"{ATTRIBUTION}/nd:source[2]"),
        ("attribution", "cue", f"{ATTRIBUTION}/nd:cue[2]"),
        ("event", "trigger", f"{EVENT}/nd:trigger[2]"),
        ("event", "time", f"{EVENT}/nd:time[2]"),
    ],
)
def test_a_part_given_twice_is_refused(container: str, part: str, path: str) -> None:
    root = written()
    original = first(first(root, container), part)
    original.addnext(etree.fromstring(etree.tostring(original)))
    error = refused(root)
    assert error.path == path
    assert f"a second nd:{part}" in error.reason


def test_a_second_antecedent_is_refused() -> None:
    root = written()
    source = first(root, "source")
    for _ in range(2):
        antecedent = etree.fromstring(etree.tostring(source))
        antecedent.tag = f"{ND}antecedent"
        first(root, "attribution").append(antecedent)
    assert refused(root).path == f"{ATTRIBUTION}/nd:antecedent[2]"


def test_repeatable_parts_may_repeat() -> None:
    root = written()
    place = first(root, "place")
    place.addnext(etree.fromstring(etree.tostring(place)))
    assert read(root).events[0].places == (span("Iraq"), span("Iraq"))


def test_a_second_annotations_element_is_refused() -> None:
    root = written()
    annotations = first(root, "annotations")
    annotations.addnext(etree.fromstring(etree.tostring(annotations)))
    error = refused(root)
    assert (error.path, error.reason) == (f"{ANNOTATIONS[:-3]}[2]", "a second nd:annotations")


@pytest.mark.parametrize(
    ("parent", "tag", "path"),
    [
        ("annotations", f"{ND}quote", f"{ANNOTATIONS}/nd:quote[1]"),
        ("attribution", f"{ND}speaker", f"{ATTRIBUTION}/nd:speaker[1]"),
        ("event", f"{ND}source", f"{EVENT}/nd:source[1]"),
        ("attribution", "{urn:other}source", f"{ATTRIBUTION}/ns0:source[1]"),
    ],
)
def test_an_element_the_vocabulary_lacks_is_refused(parent: str, tag: str, path: str) -> None:
    root = written()
    etree.SubElement(first(root, parent), tag).text = "x"
    error = refused(root)
    assert error.path == path
    assert error.reason.startswith(f"unexpected element in nd:{parent}; expected nd:")


@pytest.mark.parametrize(
    ("element", "path"),
    [
        ("annotations", f"{ANNOTATIONS}/@note"),
        ("attribution", f"{ATTRIBUTION}/@note"),
        ("source", f"{ATTRIBUTION}/nd:source[1]/@note"),
        ("event", f"{EVENT}/@note"),
    ],
)
def test_an_attribute_the_vocabulary_lacks_is_refused(element: str, path: str) -> None:
    root = written()
    first(root, element).set("note", "kept nowhere")
    assert (refused(root).path, refused(root).reason) == (path, "unexpected attribute")


@pytest.mark.parametrize("where", ["text", "tail"])
def test_text_outside_any_span_is_refused(where: str) -> None:
    root = written()
    if where == "text":
        first(root, "attribution").text = "stray words"
    else:
        first(root, "cue").tail = "stray words"
    error = refused(root)
    assert (error.path, error.reason) == (ATTRIBUTION, "text outside any span")


def test_a_span_holding_an_element_is_refused() -> None:
    root = written()
    etree.SubElement(first(root, "cue"), f"{ND}b").text = "said"
    error = refused(root)
    assert (error.path, error.reason) == (f"{ATTRIBUTION}/nd:cue[1]", "a span holds text only")


def empty(element: etree._Element) -> None:
    element.set("end", element.get("start", ""))
    element.text = None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda cue: cue.set("end", "20"), "range 10:20 is 10 characters long but claims 4"),
        (empty, "must not be empty"),
        (lambda cue: setattr(cue, "text", "SAID"), "claims 'SAID' but the body holds 'said'"),
        (lambda cue: cue.set("p", "3"), "points at paragraph 3 but the body has 1"),
    ],
    ids=["range-and-text-disagree", "empty", "other-text", "past-the-body"],
)
def test_a_span_that_does_not_hold_its_text_is_refused_at_the_span(
    change: Callable[[etree._Element], None], reason: str
) -> None:
    root = written()
    change(first(root, "cue"))
    error = refused(root)
    assert error.path == f"{ATTRIBUTION}/nd:cue[1]"
    assert reason in error.reason


def test_a_time_value_that_is_not_a_calendar_value_is_refused() -> None:
    root = written()
    first(root, "time").set("value", "last week")
    error = refused(root)
    assert error.path == f"{EVENT}/nd:time[1]/@value"
    assert "not an ISO-8601" in error.reason


@pytest.mark.parametrize(
    ("attributes", "path", "reason"),
    [
        ({"path": "/record"}, "@format", "no format, or a blank one"),
        ({"format": "x-archive", "path": " "}, "@path", "no path, or a blank one"),
        ({"format": "newsml", "path": "/newsItem/x[1]"}, "@format", "newsml content is never"),
        ({"format": "x", "path": "/p", "lang": "en"}, "@lang", "unexpected attribute"),
    ],
)
def test_a_malformed_extension_is_refused(
    attributes: dict[str, str], path: str, reason: str
) -> None:
    root = written()
    extension = etree.SubElement(first(root, "annotations"), f"{ND}extension", attributes)
    extension.text = "<shelf/>"
    error = refused(root)
    assert error.path == f"{ANNOTATIONS}/nd:extension[1]/{path}"
    assert reason in error.reason


def test_an_extension_holding_an_element_is_refused() -> None:
    root = written()
    extension = etree.SubElement(first(root, "annotations"), f"{ND}extension")
    extension.attrib.update({"format": "x-archive", "path": "/record"})
    etree.SubElement(extension, "shelf")
    assert refused(root).reason == "an nd:extension holds text only"


def test_another_prefix_for_the_namespace_reads_and_names_paths_with_it() -> None:
    text = newsdoc.write(ARTICLE, "newsml").replace("xmlns:nd=", "xmlns:news=")
    text = text.replace("<nd:", "<news:").replace("</nd:", "</news:").replace(" nd:", " news:")
    assert newsdoc.read(text, format="newsml") == ARTICLE
    with pytest.raises(ParseError) as caught:
        newsdoc.read(text.replace('kind="indirect"', 'kind="other"'), format="newsml")
    assert caught.value.path == "/newsItem/contentMeta[1]/news:annotations[1]/news:attribution[1]"


@pytest.mark.parametrize(
    ("change", "path", "reason"),
    [
        (lambda g: g.set("fields", ""), "nd:generated[1]", "lists no field"),
        (lambda g: g.set("fields", "id headline"), "nd:generated[1]", "lists 'headline'"),
        (lambda g: g.set("when", "now"), "nd:generated[1]/@when", "unexpected attribute"),
        (lambda g: g.addnext(etree.fromstring(etree.tostring(g))), "nd:generated[2]", "second"),
        (lambda g: setattr(g, "text", "id"), "nd:generated[1]", "holds nothing but its fields"),
    ],
    ids=["empty", "a-field-never-generated", "attribute", "twice", "text"],
)
def test_a_malformed_generated_marker_is_refused(
    change: Callable[[etree._Element], None], path: str, reason: str
) -> None:
    root = written()
    change(first(root, "generated"))
    error = refused(root)
    assert error.path == f"/newsItem/itemMeta[1]/{path}"
    assert reason in error.reason


# -- only ParseError escapes ------------------------------------------------------------------

_NAMES = ["annotations", "attribution", "event", "extension", "source", "cue", "content",
          "antecedent", "trigger", "time", "place", "participant", "generated", "x"]  # fmt: skip
_ATTRIBUTES = ["p", "start", "end", "kind", "value", "format", "path", "fields", "note"]
_ODD_VALUES = ["0", "1", "4", "9", "-1", "²", "٣", "9" * 5000, "", " ", "direct", "2020-01",
               "id", "updated extensions", "newsml", "/p"]  # fmt: skip
_VALUES = st.one_of(
    st.sampled_from(_ODD_VALUES),
    st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12),
)


@st.composite
def elements(draw: st.DrawFn, depth: int = 0) -> etree._Element:
    """An element of newsdoc's vocabulary (or not), with any attributes and children."""
    element = etree.Element(f"{ND}{draw(st.sampled_from(_NAMES))}")
    for name in draw(st.lists(st.sampled_from(_ATTRIBUTES), max_size=4, unique=True)):
        element.set(name, draw(_VALUES))
    element.text = draw(st.sampled_from([None, "", "Iraq", "said", " \n "]))
    if depth < 2:
        element.extend(draw(st.lists(elements(depth + 1), max_size=4)))
    return element


def read_or_refuse(root: etree._Element) -> None:
    with contextlib.suppress(ParseError):
        read(root)


@given(elements(), st.sampled_from(["annotations", "generated"]))
def test_any_annotations_content_reads_or_is_a_parse_error(
    element: etree._Element, replaced: str
) -> None:
    root = written()
    target = first(root, replaced)
    element.tag = target.tag
    target.getparent().replace(target, element)  # type: ignore[union-attr]
    read_or_refuse(root)


@st.composite
def mutated_items(draw: st.DrawFn) -> etree._Element:
    """A written annotated article with one annotation element's attribute or parts changed."""
    article = draw(strategies.al_asad_articles(annotated=True))
    root = etree.fromstring(newsdoc.write(article, "newsml").encode("utf-8"))
    ours = [e for e in root.iter() if isinstance(e.tag, str) and e.tag.startswith(ND)]
    target = draw(st.sampled_from(ours))
    action = draw(st.sampled_from(["set", "delete", "drop-child", "copy-child", "add"]))
    children = list(target)
    if action == "set":
        target.set(draw(st.sampled_from(_ATTRIBUTES)), draw(_VALUES))
    elif action == "delete" and target.attrib:
        del target.attrib[draw(st.sampled_from(sorted(target.attrib)))]
    elif action == "drop-child" and children:
        target.remove(draw(st.sampled_from(children)))
    elif action == "copy-child" and children:
        target.append(etree.fromstring(etree.tostring(draw(st.sampled_from(children)))))
    else:
        target.append(draw(elements(depth=1)))
    return root


@given(mutated_items())
@example(written())
def test_a_mutated_annotated_item_reads_or_is_a_parse_error(root: etree._Element) -> None:
    read_or_refuse(root)


def test_a_comment_between_annotations_is_skipped_and_one_in_a_span_refused() -> None:
    root = written()
    first(root, "attribution").addprevious(etree.Comment(" checked by hand "))
    assert read(root) == ARTICLE
    first(root, "cue").append(etree.Comment(" here "))
    assert refused(root).reason == "a span holds text only"
