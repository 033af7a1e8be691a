"""Hostile and random ninjs: only NewsdocError escapes, and refusals name a JSON path."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, NewsdocError, ParseError
from newsdoc.formats.ninjs._names import FIELD_OF_KEY

KEYS = [
    *sorted(FIELD_OF_KEY), "headline_main", "headline_sub", "description_text", "body_text",
    "body_main", "body_html", "body_newsdoc", "associations", "priority", "extra",
]  # fmt: skip
MEMBERS = ["role", "contentType", "contenttype", "value", "name", "uri", "literal", "scheme",
           "code", "rel", "charCount", "version", "schema"]  # fmt: skip

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["text", "picture", "main", "sub", "text/plain", "usable", "3", "ninjs",
                       "2025-03-01T00:00:00Z", "\n", " ", "application/vnd.newsdoc+json"])
)  # fmt: skip
values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(MEMBERS) | st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)
documents = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), values, max_size=10)


def _read(data: str | bytes) -> None:
    refused: ParseError | None = None
    try:
        assert isinstance(newsdoc.read(data, "ninjs"), Article)
    except ParseError as exc:
        refused = exc
    except NewsdocError:
        pass
    if refused is not None:
        assert refused.path is not None or refused.line is not None  # always says where


@given(document=documents)
def test_random_documents_only_raise_newsdoc_errors_with_a_place(document: dict[str, Any]) -> None:
    _read(json.dumps(document))


@given(document=documents, strict=st.booleans())
def test_what_reads_writes_valid_and_reads_back_equal(
    document: dict[str, Any], strict: bool
) -> None:
    from newsdoc.formats.ninjs.schema import validate

    try:
        article = newsdoc.read(json.dumps(document), "ninjs", strict=strict)
    except NewsdocError:
        return
    for name, version in (("ninjs", "3.1"), ("ninjs-1.6", "1.6")):
        written = newsdoc.write(article, name)
        assert validate(json.loads(written), version) == ()
        assert newsdoc.read(written, name) == article


@pytest.mark.parametrize(
    "data",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"uri": "u", "bodies": ' + "[" * 5_000 + "]" * 5_000 + "}",
        '{"uri": "u", "urgency": ' + "9" * 5_000 + "}",
        '{"uri": "u", "urgency": 1e999}',
        '{"uri": "u", "urgency": NaN}',
        '{"uri": "u", "uri": "v"}',
        b'{"uri": "u\xc3\x28"}',
        b"\xff\xfe{\x00}\x00",
    ],
)
def test_hostile_json_is_a_parse_error(data: str | bytes) -> None:
    with pytest.raises(ParseError):
        newsdoc.read(data, "ninjs")


def test_a_lone_surrogate_that_reads_cannot_be_written_silently() -> None:
    article = newsdoc.read('{"uri": "u", "slugline": "a\\ud800"}', "ninjs")
    assert article.slugline == "a\ud800"
    with pytest.raises(newsdoc.SerializationError):
        newsdoc.write(article, "ninjs")
