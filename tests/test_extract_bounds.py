"""Extraction stays bounded on hostile text: what it reports grows in proportion to the text.

Each rule looks at a bounded stretch around its cue or trigger (see the docstrings of
:mod:`newsdoc.extract.attributions` and :mod:`newsdoc.extract.events`), so these tests
assert sizes and counts on large adversarial paragraphs; time is measured by
``benchmarks/bench_extract_adversarial.py``, never asserted here.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Attribution, Event
from newsdoc.extract import find_attributions, find_events
from newsdoc.extract.attributions import REACH
from newsdoc.extract.events import LONGEST_NAME, MOST_NAMES

REFERENCE = dt.date(2025, 3, 10)


def repeated(pieces: Callable[[int], str], size: int) -> str:
    """``pieces(0) + pieces(1) + …`` cut to ``size`` characters."""
    parts: list[str] = []
    total = 0
    for index in itertools.count():
        if total >= size:
            break
        parts.append(pieces(index))
        total += len(parts[-1])
    return "".join(parts)[:size].rstrip()


_CLAUSES = (
    "Ahmed Khan met Maria Lopez in Baghdad after the strike, ",
    "officials from Iran and Elena Rossi signed the agreement on Monday, ",
    "the Pentagon said the talks with Iraqi security forces had stalled, ",
    "according to Anbar province, US Central Command declined to comment, ",
    "Sarah Finch told reporters that Al Asad Airbase would reopen, ",
)

ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "no full stops": lambda size: repeated(lambda i: _CLAUSES[i % len(_CLAUSES)], size),
    "one quotation": lambda size: (
        "“" + repeated(lambda _: "the strike was a disaster, ", size) + "” the minister said."
    ),
    "capitalised names": lambda size: repeated(
        lambda i: "Alpha Bravo Group" + (" attacked " if i % 20 == 0 else ", "), size
    ),
    "nested quotes": lambda size: repeated(lambda _: "“He said “she told them “", size),
    "cues only": lambda size: repeated(lambda _: "said told ", size),
    "weekdays only": lambda size: repeated(lambda _: "Monday Tuesday Wednesday ", size),
    "statements before sources": lambda size: repeated(
        lambda _: "taxes will rise again, the minister said, ", size
    ),
    "according to, again and again": lambda size: repeated(
        lambda _: "taxes will rise again, according to the minister, ", size
    ),
    "said, then according to": lambda size: repeated(
        lambda _: "The minister said taxes will rise, according to the transcript, ", size
    ),
    "declined to comment": lambda size: repeated(
        lambda _: "The ministry declined to comment and ", size
    ),
    "and said": lambda size: "The agency kept " + repeated(lambda _: "and\u00a0said ", size),
}


def reported_characters(attributions: tuple[Attribution, ...], events: tuple[Event, ...]) -> int:
    """How many characters all the reported spans hold together."""
    return sum(len(piece.text) for a in attributions for piece in a.spans()) + sum(
        len(piece.text) for e in events for piece in e.spans()
    )


def extract(text: str) -> tuple[tuple[Attribution, ...], tuple[Event, ...]]:
    return find_attributions([text]), find_events([text], reference=REFERENCE)


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_what_extraction_reports_grows_in_proportion_to_the_text(name: str) -> None:
    small = reported_characters(*extract(ADVERSARIAL[name](5_000)))
    large = reported_characters(*extract(ADVERSARIAL[name](20_000)))
    assert large <= 4.5 * small + 1_000
    assert large <= 60 * 20_000


def test_an_event_keeps_the_names_nearest_its_trigger_and_no_more() -> None:
    text = ADVERSARIAL["no full stops"](40_000)
    events = find_events([text])
    assert len(events) > 400
    for event in events:
        assert len(event.participants) <= MOST_NAMES
        assert len(event.places) <= 2 * MOST_NAMES  # short forms of places join the places
    # Before, each of these events listed every name of the 40 KB "sentence".
    assert sum(len(event.participants) for event in events) <= MOST_NAMES * len(events)
    middle = events[len(events) // 2]
    assert all(abs(who.start - middle.trigger.start) < 1_000 for who in middle.participants)


def test_a_sentence_with_few_names_gives_all_of_them_to_every_event() -> None:
    text = (
        "Germany, France, Italy, Spain, Poland, Austria and Belgium signed the treaty and "
        "ended the talks."
    )
    events = find_events([text])
    assert [e.trigger.text for e in events] == ["signed", "treaty", "ended", "talks"]
    for event in events:
        assert [who.text for who in event.participants] == [
            "Germany", "France", "Italy", "Spain", "Poland", "Austria", "Belgium",
        ]  # fmt: skip


def test_a_run_of_capitalised_words_longer_than_a_name_is_no_name() -> None:
    run = " ".join(["Alpha Bravo Charlie Delta"] * 100)
    events = find_events([f"The strike hit {run} Airbase and Iran."])
    assert [e.trigger.text for e in events] == ["strike", "hit"]
    for event in events:
        assert [who.text for who in event.participants] == ["Iran"]
        assert event.places == ()
        assert all(len(piece.text) <= LONGEST_NAME for piece in event.spans())


def test_a_statement_before_its_source_starts_after_the_previous_one() -> None:
    text = ADVERSARIAL["statements before sources"](20_000)
    found = find_attributions([text])
    assert len(found) > 400
    contents = [a.content[0] for a in found]
    assert all(len(piece.text) < 60 for piece in contents)
    assert all(a.end <= b.start for a, b in itertools.pairwise(contents))


def test_each_according_to_reports_only_what_precedes_it_since_the_last() -> None:
    found = find_attributions(["Taxes will rise, according to the minister, and cuts will follow, "
                               "according to the treasurer."])  # fmt: skip
    assert [(a.source.text, a.content[0].text) for a in found] == [
        ("the minister", "Taxes will rise"),
        ("the treasurer", "and cuts will follow"),
    ]


def test_an_according_to_inside_reported_content_leaves_the_rest_of_it_taken() -> None:
    text = ADVERSARIAL["said, then according to"](20_000)
    found = find_attributions([text])
    said = [a for a in found if a.cue.text == "said"]
    assert len(said) == 1  # the first statement runs to the end; its cues are its own
    assert len(found) < 400


def test_a_source_starts_within_reach_of_its_cue() -> None:
    for name in ("no full stops", "statements before sources", "cues only"):
        for attribution in find_attributions([ADVERSARIAL[name](20_000)]):
            source, cue = attribution.source, attribution.cue
            if source.start < cue.start:
                assert cue.start - source.start <= REACH


def test_marks_around_nothing_are_no_quotation() -> None:
    # Before, the empty content of such a "quotation" escaped as a ValidationError.
    found = find_attributions(["They said “ : ” and left.", "“ ; ” she said. “ , ”"])
    assert all(piece.text.strip(" ,;:") for a in found for piece in a.spans())


def test_converting_a_long_paragraph_without_full_stops_stays_small() -> None:
    text = ADVERSARIAL["no full stops"](100_000)
    article = newsdoc.read(text.encode("utf-8"), format="text")
    written = newsdoc.write(article, "json")
    # Before: quadratic; 40 KB of such text listed 249,615 participant spans.
    assert len(written) < 60 * len(text)


# Pieces that the rules react to, in long runs: cue words, weekday names, quotation marks,
# capitalised names, and little or no punctuation.
_RUNS = st.sampled_from(
    ["said", "told", "according to", "declined to", "and", "that", "Monday", "last Friday",
     "“", "”", '"', "Iran", "Ahmed Khan", "Al Asad Airbase", "the strike", "withdrawal",
     "in", ",", "", "did not respond to requests for comment", "quickly", "as", "\u00a0"]
)  # fmt: skip
long_texts = st.lists(
    st.tuples(_RUNS, st.integers(min_value=1, max_value=60), st.sampled_from([" ", ", ", "  "])),
    min_size=1,
    max_size=12,
).map(lambda runs: "".join((piece + gap) * count for piece, count, gap in runs).strip() or "x")


@given(st.lists(long_texts, min_size=1, max_size=3), st.dates() | st.none())
def test_extraction_of_any_text_finishes_and_holds_its_text(
    texts: list[str], reference: dt.date | None
) -> None:
    for attribution in find_attributions(texts):
        for piece in attribution.spans():
            assert 0 <= piece.start < piece.end <= len(texts[piece.paragraph])
            assert texts[piece.paragraph][piece.start : piece.end] == piece.text
    for event in find_events(texts, reference=reference):
        assert len(event.participants) <= MOST_NAMES
        for piece in event.spans():
            assert 0 <= piece.start < piece.end <= len(texts[piece.paragraph])
            assert texts[piece.paragraph][piece.start : piece.end] == piece.text


def test_the_adversarial_benchmark_measures_every_text() -> None:
    path = Path(__file__).parent.parent / "benchmarks" / "bench_extract_adversarial.py"
    spec = importlib.util.spec_from_file_location("bench_extract_adversarial", path)
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    for name, make in bench.TEXTS.items():
        assert abs(len(make(2_000)) - 2_000) < 50
        result = bench.measure(name, 2_000)
        assert result["read"] > 0
        assert result["json_mb"] > 0
        assert result["peak_mb"] > 0
