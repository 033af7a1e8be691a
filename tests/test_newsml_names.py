"""NewsML-G2 element names: Clark names taken apart, whatever their namespace holds."""

from __future__ import annotations

import pytest

import newsdoc
from newsdoc.errors import ParseError
from newsdoc.formats.newsml._names import NAR, nar, split_tag
from newsdoc.formats.newsml._names import newsdoc as newsdoc_name


@pytest.mark.parametrize(
    ("tag", "parts"),
    [
        (nar("newsItem"), (NAR, "newsItem")),
        (newsdoc_name("keep"), ("https://newsdoc.dev/ns/newsml/1", "keep")),
        ("{u}x", ("u", "x")),
        ("{urn:a}b}item", ("urn:a}b", "item")),  # braces in the URI: the last one ends it
        ("{urn:{a}}item", ("urn:{a}", "item")),
        ("item", (None, "item")),
    ],
)
def test_a_clark_name_splits_into_its_namespace_and_local_name(
    tag: str, parts: tuple[str | None, str]
) -> None:
    assert split_tag(tag) == parts


def test_a_root_in_another_namespace_is_named_whole_in_the_error() -> None:
    with pytest.raises(ParseError) as caught:
        newsdoc.read('<newsItem xmlns="urn:x"/>', "newsml")
    assert caught.value.reason == (
        f"the root element is in namespace 'urn:x', not NewsML-G2's '{NAR}'"
    )
    assert caught.value.line == 1
