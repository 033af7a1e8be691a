"""ninjs: the newsroom's metadata in its native properties, in 3.1 and 1.6 spelling."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import newsdoc
from newsdoc import Article
from ninjs_documents import FORMATS, carried, written

UTC = dt.timezone.utc
BODY = ("One.", "Two.")


def _read(document: dict[str, Any]) -> Article:
    return newsdoc.read(json.dumps(document), "ninjs", strict=True)


def _round_trip(article: Article, format: str) -> dict[str, Any]:
    """Write ``article``, check it reads back equal, and return the document."""
    document = written(article, format)
    assert newsdoc.read(json.dumps(document), "ninjs") == article
    return document


# -- embargoed ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["embargoedUntil", "embargoed"])
def test_an_embargo_reads_as_a_typed_moment(key: str) -> None:
    article = _read({"uri": "u", "type": "text", key: "2026-03-01T10:00:00+01:00"})
    assert article.embargoed == dt.datetime(2026, 3, 1, 9, tzinfo=UTC)
    assert article.extensions == ()


def test_an_embargo_without_a_time_zone_is_kept() -> None:
    article = newsdoc.read(json.dumps({"uri": "u", "embargoedUntil": "2026-03-01"}), "ninjs")
    assert article.embargoed is None
    assert [e.path for e in article.extensions] == ["$.embargoedUntil"]


@pytest.mark.parametrize(
    ("format", "key"), [("ninjs", "embargoedUntil"), ("ninjs-1.6", "embargoed")]
)
def test_an_embargo_is_written_natively(format: str, key: str) -> None:
    moment = dt.datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    document = _round_trip(Article(id="urn:example:1", lead=BODY, embargoed=moment), format)
    assert document[key] == "2026-03-01T09:30:00+00:00"
    assert carried(document) == {}


# -- editorial_notes ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["edNote", "ednote"])
def test_an_editorial_note_reads_one_note_per_blank_line_separated_part(key: str) -> None:
    article = _read({"uri": "u", key: "Embargoed.\n\nCall the desk."})
    assert article.editorial_notes == ("Embargoed.", "Call the desk.")


def test_a_blank_editorial_note_is_kept() -> None:
    article = newsdoc.read(json.dumps({"uri": "u", "edNote": " "}), "ninjs")
    assert article.editorial_notes == ()
    assert [e.path for e in article.extensions] == ["$.edNote"]


@pytest.mark.parametrize(("format", "key"), [("ninjs", "edNote"), ("ninjs-1.6", "ednote")])
def test_editorial_notes_are_written_natively_joined_by_a_blank_line(format: str, key: str) -> None:
    article = Article(id="urn:example:1", lead=BODY, editorial_notes=("Embargoed.", "Call us."))
    document = _round_trip(article, format)
    assert document[key] == "Embargoed.\n\nCall us."
    assert carried(document) == {}


@pytest.mark.parametrize("format", FORMATS)
def test_a_note_holding_a_blank_line_also_travels_in_the_rendition(format: str) -> None:
    article = Article(id="urn:example:1", lead=BODY, editorial_notes=("One.\n\nStill one.",))
    document = _round_trip(article, format)
    assert carried(document) == {"editorial_notes": ["One.\n\nStill one."]}


# -- content_created ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["contentCreated", "contentcreated"])
def test_content_created_reads_as_a_typed_moment(key: str) -> None:
    article = _read({"uri": "u", key: "1969-07-20T20:17:40Z"})
    assert article.content_created == dt.datetime(1969, 7, 20, 20, 17, 40, tzinfo=UTC)


def test_content_created_without_a_time_is_kept() -> None:
    article = newsdoc.read(json.dumps({"uri": "u", "contentCreated": "1969-07-20"}), "ninjs")
    assert article.content_created is None
    assert [e.path for e in article.extensions] == ["$.contentCreated"]


@pytest.mark.parametrize(
    ("format", "key"), [("ninjs", "contentCreated"), ("ninjs-1.6", "contentcreated")]
)
def test_content_created_is_written_natively(format: str, key: str) -> None:
    moment = dt.datetime(1969, 7, 20, 20, 17, 40, tzinfo=UTC)
    document = _round_trip(Article(id="urn:example:1", lead=BODY, content_created=moment), format)
    assert document[key] == "1969-07-20T20:17:40+00:00"
    assert carried(document) == {}
