"""The dates the NewsML-G2 writer fills in: never older than the item, and read back unset."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import newsdoc
from newsdoc import Article, strategies
from newsdoc.formats.newsml import writer
from newsdoc.formats.newsml._names import NEWSDOC, nar
from newsdoc.formats.newsml.schema import validate

UTC = dt.timezone.utc
WRITTEN_AT = dt.datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
CREATED = dt.datetime(2025, 3, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
BODY = ("A lead paragraph.",)


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "_now", lambda: WRITTEN_AT)


def item_meta(article: Article) -> tuple[dict[str, str], list[str], Article]:
    """The written itemMeta's dates, the fields it marks generated, and the article read back."""
    text = newsdoc.write(article, "newsml")
    root = etree.fromstring(text.encode("utf-8"))
    assert validate(root) == ()
    dates = {
        name: root.findtext(f"{nar('itemMeta')}/{nar(name)}") or ""
        for name in ("versionCreated", "firstCreated")
    }
    marker = root.find(f"{nar('itemMeta')}/{{{NEWSDOC}}}generated")
    generated = [] if marker is None else marker.get("fields", "").split()
    return dates, generated, newsdoc.read(text, format="newsml")


@pytest.mark.usefixtures("fixed_clock")
def test_an_article_without_dates_is_dated_at_the_time_of_writing() -> None:
    article = Article(lead=BODY)
    dates, generated, again = item_meta(article)
    assert dates == {"versionCreated": "2026-03-01T08:00:00Z", "firstCreated": ""}
    assert "updated" in generated
    assert again == article


def test_the_time_of_writing_is_now_to_the_second() -> None:
    before = dt.datetime.now(UTC).replace(microsecond=0)
    dates, _, _ = item_meta(Article(lead=BODY))
    after = dt.datetime.now(UTC)
    written = dt.datetime.fromisoformat(dates["versionCreated"].replace("Z", "+00:00"))
    assert before <= written <= after
    assert written.microsecond == 0


@pytest.mark.usefixtures("fixed_clock")
def test_a_created_article_is_dated_at_its_creation_not_older() -> None:
    article = Article(lead=BODY, created=CREATED)
    dates, generated, again = item_meta(article)
    assert dates == {
        "versionCreated": "2025-03-05T09:30:00+03:00",
        "firstCreated": "2025-03-05T09:30:00+03:00",
    }
    assert "updated" in generated
    assert again == article
    assert again.updated is None


@pytest.mark.usefixtures("fixed_clock")
def test_an_updated_article_is_dated_at_its_update_and_nothing_is_marked() -> None:
    updated = CREATED + dt.timedelta(days=1)
    article = Article(lead=BODY, created=CREATED, updated=updated)
    dates, generated, again = item_meta(article)
    assert dates["versionCreated"] == "2025-03-06T09:30:00+03:00"
    assert "updated" not in generated
    assert again == article


@pytest.mark.usefixtures("fixed_clock")
def test_an_update_older_than_the_creation_is_written_as_given() -> None:
    # The dates are the article's own (often a feed's): the writer neither corrects them
    # nor refuses them, so an item read from such a feed can be written back.
    updated = CREATED - dt.timedelta(days=1)
    article = Article(lead=BODY, created=CREATED, updated=updated)
    dates, generated, again = item_meta(article)
    assert dates == {
        "versionCreated": "2025-03-04T09:30:00+03:00",
        "firstCreated": "2025-03-05T09:30:00+03:00",
    }
    assert "updated" not in generated
    assert again == article


@pytest.mark.usefixtures("fixed_clock")
def test_a_kept_version_date_goes_back_and_nothing_is_filled_in() -> None:
    source = (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1">'
        "<itemMeta><versionCreated>2025-03-05T09:30:00</versionCreated></itemMeta>"
        "<contentSet/></newsItem>"
    )
    article = newsdoc.read(source, format="newsml")
    assert article.updated is None  # no UTC offset: kept, not mapped
    dates, generated, again = item_meta(article)
    assert dates["versionCreated"] == "2025-03-05T09:30:00"
    assert "updated" not in generated
    assert again == article


@given(
    st.builds(
        Article,
        lead=st.just(BODY),
        created=st.none() | strategies.timezone_aware_datetimes(),
        updated=st.none() | strategies.timezone_aware_datetimes(),
    )
)
def test_a_filled_in_version_date_is_never_older_than_the_first(article: Article) -> None:
    started = dt.datetime.now(UTC).replace(microsecond=0)
    dates, generated, again = item_meta(article)
    version = dt.datetime.fromisoformat(dates["versionCreated"].replace("Z", "+00:00"))
    if article.updated is None:
        assert "updated" in generated
        assert version == (article.created if article.created is not None else version)
        assert version >= (article.created if article.created is not None else started)
    else:
        assert version == article.updated
    assert again == article
