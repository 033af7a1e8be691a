"""Which ninjs a document is: its declared version decides, else the keys it uses."""

from __future__ import annotations

from typing import Any

import pytest

from newsdoc.formats.ninjs._names import declared_version, generation, schema_version


@pytest.mark.parametrize(
    ("document", "version"),
    [
        ({"standard": {"version": "3.1"}}, "3.1"),
        ({"$standard": {"version": "1.5"}}, "1.5"),  # ninjs 1.x's spelling
        ({"standard": {"name": "ninjs"}, "$standard": {"version": "1.2"}}, "1.2"),
        ({"standard": {"version": 3}}, None),  # not a string
        ({"standard": "3.1"}, None),  # not an object
        ({"uri": "urn:x"}, None),
    ],
)
def test_the_declared_version_is_read_from_either_spelling_of_standard(
    document: dict[str, Any], version: str | None
) -> None:
    assert declared_version(document) == version


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        # A declared version wins over keys of another generation.
        ({"standard": {"version": "1.6"}, "headlines": [], "firstCreated": "x"}, 1),
        ({"standard": {"version": "2.2"}, "firstCreated": "x", "headline": "x"}, 2),
        ({"$standard": {"version": "3.0"}, "headline": "x", "headlines": []}, 3),
        ({"standard": {"version": "10.0"}, "headline": "x"}, 1),  # only its first digit counts
        # An unknown generation's version is no answer: the keys decide.
        ({"$standard": {"version": "4.0"}, "headline": "x"}, 1),
        ({"standard": {"version": "4.0"}, "headline": "x"}, 2),  # a standard object is 2.x on
        ({"standard": {"version": ""}, "bodies": []}, 2),
        # Without one, the keys.
        ({"versionCreated": "x", "headline": "x"}, 3),
        ({"bodies": [{"contentType": "text/plain"}], "headline": "x"}, 3),
        ({"headlines": [], "headline": "x"}, 2),
        ({"headline": "x"}, 1),
        ({"body_text": "x"}, 1),
        ({"description_text": "x"}, 1),
        ({"uri": "urn:x", "type": "text"}, 3),  # nothing tells: read as the newest
        ({"x_unknown": 1, "language": "en"}, 3),
        ({}, 3),
    ],
)
def test_the_generation_comes_from_the_declared_version_else_from_the_keys(
    document: dict[str, Any], expected: int
) -> None:
    assert generation(document) == expected


@pytest.mark.parametrize(
    ("document", "version"),
    [
        ({"standard": {"version": "2.0"}}, "2.0"),
        ({"$standard": {"version": "1.3"}}, "1.3"),
        ({"standard": {"version": "3.9"}, "headlines": []}, "3.1"),  # not shipped: newest 3.x
        ({"headline": "x"}, "1.6"),
        ({"headlines": []}, "2.2"),
        ({"uri": "urn:x"}, "3.1"),
    ],
)
def test_a_document_is_checked_against_its_version_or_its_generations_newest(
    document: dict[str, Any], version: str
) -> None:
    assert schema_version(document) == version
