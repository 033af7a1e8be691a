"""ninjs documents as tests look at them: written and checked, and their newsdoc rendition."""

from __future__ import annotations

import json
from typing import Any

import newsdoc
from newsdoc import Article
from newsdoc.formats.ninjs._names import CARRIER_KEY, CARRIER_TYPE
from newsdoc.formats.ninjs.schema import validate

FORMATS = {"ninjs": "3.1", "ninjs-1.6": "1.6"}
"""The ninjs format names and the schema version each writes."""


def written(article: Article, format: str) -> dict[str, Any]:
    """The document ``format`` writes for ``article``, checked against its schema."""
    document: dict[str, Any] = json.loads(newsdoc.write(article, format))
    assert validate(document, FORMATS[format]) == ()
    return document


def carried(document: dict[str, Any]) -> dict[str, Any]:
    """The fields the newsdoc rendition of ``document`` carries ({} without one)."""
    if CARRIER_KEY in document:
        return dict(json.loads(document[CARRIER_KEY])["fields"])
    for body in document.get("bodies", ()):
        if body.get("contentType") == CARRIER_TYPE:
            return dict(json.loads(body["value"])["fields"])
    return {}
