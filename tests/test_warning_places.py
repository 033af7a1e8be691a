"""Warnings point at the code that called newsdoc, whichever way it was reached."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article, Concept, ContentLossWarning, Mark, MarkKind, Span, UnreadContentWarning
from newsdoc.formats import text

NEWSDOC = Path(newsdoc.__file__).parent

_MARKED = Article(
    lead=("The port reopened.",),
    marks=(Mark(kind=MarkKind.EMPHASIS, span=Span(paragraph=0, start=4, end=8, text="port")),),
)
_NITF_COMMENT = (
    '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><head><!-- a note --></head>'
    "<body><body.content><p>Text.</p></body.content></body></nitf>"
)
_NEWS_MESSAGE = (
    '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header>'
    "<sent>2024-01-01T00:00:00Z</sent></header><itemSet>"
    '<newsItem guid="a" version="1" standard="NewsML-G2" standardversion="2.35">'
    '<itemMeta><itemClass qcode="ninat:text"/><provider qcode="p"/>'
    "<versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta></newsItem>"
    '<newsItem guid="b" version="1" standard="NewsML-G2" standardversion="2.35">'
    '<itemMeta><itemClass qcode="ninat:picture"/><provider qcode="p"/>'
    "<versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta></newsItem>"
    "</itemSet></newsMessage>"
)

CALLS: dict[str, tuple[Callable[[], object], type[Warning]]] = {
    "text through newsdoc.write": (lambda: newsdoc.write(_MARKED, "text"), ContentLossWarning),
    "text through its module": (lambda: text.write(_MARKED), ContentLossWarning),
    "newsml, a service's literal": (
        lambda: newsdoc.write(
            Article(lead=("Text.",), services=(Concept(qcode="s:a", literal="A"),)), "newsml"
        ),
        ContentLossWarning,
    ),
    "nitf, an embargo in fractions of a second": (
        lambda: newsdoc.write(
            Article(
                lead=("Text.",),
                embargoed=dt.datetime(2024, 1, 1, 0, 0, 0, 500, tzinfo=dt.timezone.utc),
            ),
            "nitf",
        ),
        ContentLossWarning,
    ),
    "nitf, a comment in the head": (
        lambda: newsdoc.read(_NITF_COMMENT, "nitf"),
        UnreadContentWarning,
    ),
    "newsml, a picture in a message": (
        lambda: list(newsdoc.read_all(_NEWS_MESSAGE, "newsml")),
        UnreadContentWarning,
    ),
}


@pytest.mark.parametrize("name", list(CALLS))
def test_a_warning_points_at_the_callers_line(name: str) -> None:
    call, category = CALLS[name]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    ours = [w for w in caught if issubclass(w.category, category)]
    assert ours
    # Not newsdoc's own code: the caller's (or, under mutation testing, mutmut's wrapper).
    assert not any(Path(w.filename).is_relative_to(NEWSDOC) for w in ours)
