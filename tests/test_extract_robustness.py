"""Extraction never fails on odd text: whatever the words, it finds what it can."""

from hypothesis import given
from hypothesis import strategies as st

from newsdoc.extract import find_attributions, find_events

# Pieces that the rules react to, mixed with punctuation in any order.
_PIECES = [
    "The minister", "she", "They", "Analysts", "said", "told", "says", "according to",
    "declined", "refused", "to comment", "did not respond to requests for comment", "that",
    "warned of", "described", "as", "the strike", "withdrawal", "on Monday", "last week",
    "in January 2020", "2014", "the third quarter", "summer", "Iran", "Baghdad", "Mr.",
    "U.S.", ",", ";", ":", ".", "?", "!", "“", "”", '"', "’", "'", "-", "—", "(", ")", "%",
    "3", "14", " ", "  ",
]  # fmt: skip

paragraphs = st.lists(
    st.lists(st.sampled_from(_PIECES), max_size=30).map(lambda words: " ".join(words).strip()),
    min_size=1,
    max_size=4,
).map(lambda texts: [text for text in texts if text] or ["x"])


@given(paragraphs)
def test_attributions_never_fail_and_hold_their_text(texts: list[str]) -> None:
    for attribution in find_attributions(texts):
        for span in attribution.spans():
            assert texts[span.paragraph][span.start : span.end] == span.text


@given(paragraphs, st.dates() | st.none())
def test_events_never_fail_and_hold_their_text(texts: list[str], reference: object) -> None:
    for event in find_events(texts, reference=reference):  # type: ignore[arg-type]
        for span in event.spans():
            assert texts[span.paragraph][span.start : span.end] == span.text
