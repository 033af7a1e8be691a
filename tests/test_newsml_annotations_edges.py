"""nd:annotations and nd:generated at their edges, read from a file.

Each refusal is pinned whole: format, exact reason, path, line, column and the file read.
Beyond that: the longest offset taken and the first refused, where a quoted value is cut
short, which attributes a span may carry (``value`` on a time only), elements of other
namespaces that happen to share a local name, and a time without a calendar value, which
is written without one and reads back equal.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import newsdoc
from newsdoc import Article, Attribution, AttributionKind, Event, ParseError, Span
from newsdoc.formats.newsml._names import NEWSDOC
from newsdoc.model import TimeExpression

PARAGRAPH = "Officials said the strike hit Iraq in January 2020."
ANNOTATIONS = "/newsItem/contentMeta[1]/nd:annotations[1]"
ATTRIBUTION = f"{ANNOTATIONS}/nd:attribution[1]"
EVENT = f"{ANNOTATIONS}/nd:event[1]"
GENERATED = "/newsItem/itemMeta[1]/nd:generated[1]"
KINDS = "an attribution's kind is one of direct, indirect, refusal"
FIELDS = "it lists some of id, version, provider, updated"
SOURCE = '<nd:source p="0" start="0" end="9">Officials</nd:source>'
CUE = '<nd:cue p="0" start="10" end="14">said</nd:cue>'
TRIGGER = '<nd:trigger p="0" start="19" end="25">strike</nd:trigger>'
TIME = '<nd:time p="0" start="38" end="50" value="2020-01">January 2020</nd:time>'
MARKER = '<nd:generated fields="version provider updated"/>'


def span(text: str) -> Span:
    start = PARAGRAPH.index(text)
    return Span(paragraph=0, start=start, end=start + len(text), text=text)


def article(value: str | None = "2020-01") -> Article:
    return Article(
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
                time=TimeExpression(span=span("January 2020"), value=value),
                places=(span("Iraq"),),
            ),
        ),
    )


ARTICLE = article()
WRITTEN = newsdoc.write(ARTICLE, "newsml")


def changed(old: str, new: str) -> str:
    """The written item with its one ``old`` text replaced by ``new``."""
    assert WRITTEN.count(old) == 1
    return WRITTEN.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """The 1-based line on which the last ``needle`` of ``text`` starts."""
    return text[: text.rindex(needle)].count("\n") + 1


def read_file(tmp_path: Path, text: str) -> Article:
    path = tmp_path / "item.xml"
    path.write_text(text, encoding="utf-8")
    return newsdoc.read(path, format="newsml")


def assert_refused(tmp_path: Path, text: str, reason: str, path: str, needle: str) -> None:
    """Reading ``text`` from a file fails with ``reason`` at ``path``, on needle's line."""
    with pytest.raises(ParseError) as caught:
        read_file(tmp_path, text)
    error = caught.value
    expected = ("newsml", reason, path, line_of(text, needle), None, str(tmp_path / "item.xml"))
    assert (
        error.format,
        error.reason,
        error.path,
        error.line,
        error.column,
        error.source,
    ) == expected


# -- the vocabulary's structure --------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "reason", "path", "needle"),
    [
        (
            "</nd:annotations>",
            '<nd:quote p="0" start="0" end="4">said</nd:quote></nd:annotations>',
            "unexpected element in nd:annotations; expected nd:attribution, nd:event, nd:extension",
            f"{ANNOTATIONS}/nd:quote[1]",
            "<nd:quote",
        ),
        (
            CUE,
            f"{CUE}<speaker>Officials</speaker>",
            "unexpected element in nd:attribution; expected nd:source, nd:cue, nd:content, "
            "nd:antecedent",
            f"{ATTRIBUTION}/speaker[1]",
            "<speaker",
        ),
        (
            TRIGGER,
            f"{TRIGGER}<nd:cue/>",
            "unexpected element in nd:event; expected nd:trigger, nd:time, nd:place, "
            "nd:participant",
            f"{EVENT}/nd:cue[1]",
            "<nd:cue/>",
        ),
        (
            SOURCE,
            "",
            "nd:attribution without nd:source",
            ATTRIBUTION,
            "<nd:attribution",
        ),
        (
            CUE,
            f"{CUE}\n{CUE}",
            "a second nd:cue in one nd:attribution",
            f"{ATTRIBUTION}/nd:cue[2]",
            CUE,
        ),
        (TRIGGER, "", "nd:event without nd:trigger", EVENT, "<nd:event"),
        (
            TIME,
            f"{TIME}\n{TIME}",
            "a second nd:time in one nd:event",
            f"{EVENT}/nd:time[2]",
            TIME,
        ),
    ],
    ids=[
        "element-in-annotations",
        "newsml-element-in-attribution",
        "element-in-event",
        "attribution-without-source",
        "second-cue",
        "event-without-trigger",
        "second-time",
    ],
)
def test_a_misplaced_missing_or_repeated_part_is_refused_whole(
    tmp_path: Path, old: str, new: str, reason: str, path: str, needle: str
) -> None:
    assert_refused(tmp_path, changed(old, new), reason, path, needle)


@pytest.mark.parametrize(
    ("new", "reason"),
    [
        ("<nd:attribution>", f"no kind; {KINDS}"),
        ('<nd:attribution kind="quoted">', f"kind 'quoted'; {KINDS}"),
    ],
    ids=["missing", "unknown"],
)
def test_a_missing_or_unknown_kind_is_refused_whole(tmp_path: Path, new: str, reason: str) -> None:
    text = changed('<nd:attribution kind="indirect">', new)
    assert_refused(tmp_path, text, reason, ATTRIBUTION, "<nd:attribution")


def test_newsml_content_in_an_extension_is_refused_whole(tmp_path: Path) -> None:
    extension = '<nd:extension format="newsml" path="/newsItem/x[1]">&lt;x/&gt;</nd:extension>'
    text = changed("</nd:annotations>", f"{extension}</nd:annotations>")
    path = f"{ANNOTATIONS}/nd:extension[1]/@format"
    assert_refused(tmp_path, text, "newsml content is never kept here", path, "<nd:extension")


# -- elements of other namespaces --------------------------------------------------------------

# As long as newsdoc's namespace name, so that only the namespace tells the names apart.
OTHER = NEWSDOC.replace("newsdoc", "example")


@pytest.mark.parametrize("name", ["attribution", "event"])
def test_an_element_of_another_namespace_with_a_vocabulary_name_is_refused(
    tmp_path: Path, name: str
) -> None:
    root = etree.fromstring(WRITTEN.encode("utf-8"))
    holder = root.find(f".//{{{NEWSDOC}}}annotations")
    assert holder is not None
    original = holder.find(f"{{{NEWSDOC}}}{name}")
    assert original is not None
    assert len(OTHER) == len(NEWSDOC)
    stranger = etree.SubElement(holder, f"{{{OTHER}}}{name}", nsmap={"ex": OTHER})
    stranger.attrib.update(original.attrib)
    stranger.extend(etree.fromstring(etree.tostring(original)))
    text = etree.tostring(root, encoding="unicode")
    reason = "unexpected element in nd:annotations; expected nd:attribution, nd:event, nd:extension"
    assert_refused(tmp_path, text, reason, f"{ANNOTATIONS}/ex:{name}[1]", f"<ex:{name}")


# -- spans and their offsets -----------------------------------------------------------------


def test_a_span_one_paragraph_past_the_body_is_refused_whole(tmp_path: Path) -> None:
    text = changed(CUE, CUE.replace('p="0"', 'p="1"'))
    reason = "points at paragraph 1 but the body has 1"
    assert_refused(tmp_path, text, reason, f"{ATTRIBUTION}/nd:cue[1]", "<nd:cue")


def test_an_offset_of_fifteen_digits_is_read() -> None:
    text = changed(CUE, CUE.replace('p="0"', 'p="000000000000000"'))
    assert newsdoc.read(text, format="newsml") == ARTICLE


def test_an_offset_of_sixteen_digits_is_refused_whole(tmp_path: Path) -> None:
    text = changed(CUE, CUE.replace('p="0"', 'p="0000000000000000"'))
    reason = "'0000000000000000' is not a number of 1 to 15 ASCII digits"
    assert_refused(tmp_path, text, reason, f"{ATTRIBUTION}/nd:cue[1]/@p", "<nd:cue")


@pytest.mark.parametrize(
    ("value", "shown"),
    [("x" * 39, "x" * 39), ("x" * 40, "x" * 40), ("x" * 41, "x" * 40 + "…")],
    ids=["39", "40", "41"],
)
def test_a_malformed_offset_is_quoted_up_to_forty_characters(
    tmp_path: Path, value: str, shown: str
) -> None:
    text = changed(CUE, CUE.replace('start="10"', f'start="{value}"'))
    reason = f"'{shown}' is not a number of 1 to 15 ASCII digits"
    assert_refused(tmp_path, text, reason, f"{ATTRIBUTION}/nd:cue[1]/@start", "<nd:cue")


@pytest.mark.parametrize(
    ("old", "new", "reason", "path", "needle"),
    [
        (
            SOURCE,
            SOURCE.replace('end="9"', 'end="9" value="2020"'),
            "unexpected attribute",
            f"{ATTRIBUTION}/nd:source[1]/@value",
            "<nd:source",
        ),
        (
            TRIGGER,
            TRIGGER.replace('end="25"', 'end="25" value="2020"'),
            "unexpected attribute",
            f"{EVENT}/nd:trigger[1]/@value",
            "<nd:trigger",
        ),
        (
            TIME,
            TIME.replace(' end="50"', ""),
            "no end attribute",
            f"{EVENT}/nd:time[1]",
            "<nd:time",
        ),
        (
            TIME,
            TIME.replace(' end="50"', ' note="x"'),
            "no end attribute",
            f"{EVENT}/nd:time[1]",
            "<nd:time",
        ),
        (
            TIME,
            TIME.replace('value="2020-01"', 'value="2020-01" note="x"'),
            "unexpected attribute",
            f"{EVENT}/nd:time[1]/@note",
            "<nd:time",
        ),
    ],
    ids=[
        "value-on-a-source",
        "value-on-a-trigger",
        "time-without-end",
        "time-without-end-with-another-attribute",
        "time-with-another-attribute",
    ],
)
def test_only_a_time_may_carry_a_value_and_a_span_lacking_an_offset_says_so(
    tmp_path: Path, old: str, new: str, reason: str, path: str, needle: str
) -> None:
    assert_refused(tmp_path, changed(old, new), reason, path, needle)


# -- nd:generated --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "reason", "path", "needle"),
    [
        (f"{MARKER}\n{MARKER}", "a second nd:generated", GENERATED[:-3] + "[2]", MARKER),
        (
            '<nd:generated fields="id">id</nd:generated>',
            "nd:generated holds nothing but its fields",
            GENERATED,
            "<nd:generated",
        ),
        (
            '<nd:generated fields=""/>',
            f"nd:generated lists no field; {FIELDS}",
            GENERATED,
            "<nd:generated",
        ),
        (
            '<nd:generated fields="id headline version byline"/>',
            f"nd:generated lists 'headline', 'byline'; {FIELDS}",
            GENERATED,
            "<nd:generated",
        ),
    ],
    ids=["twice", "text", "no-field", "two-unknown-fields"],
)
def test_a_malformed_generated_marker_is_refused_whole(
    tmp_path: Path, new: str, reason: str, path: str, needle: str
) -> None:
    assert_refused(tmp_path, changed(MARKER, new), reason, path, needle)


# -- writing ---------------------------------------------------------------------------------


def test_a_time_without_a_value_is_written_without_one_and_reads_back() -> None:
    unresolved = article(value=None)
    text = newsdoc.write(unresolved, "newsml")
    time = etree.fromstring(text.encode("utf-8")).find(f".//{{{NEWSDOC}}}time")
    assert time is not None
    assert (dict(time.attrib), time.text) == (
        {"p": "0", "start": "38", "end": "50"},
        "January 2020",
    )
    assert newsdoc.read(text, format="newsml") == unresolved
