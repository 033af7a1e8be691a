"""The public hypothesis strategies: articles drawn for what a format carries."""

from __future__ import annotations

import pytest
from hypothesis import given

from newsdoc import Article, UnknownFormatError, strategies
from newsdoc.formats import ARTICLE_FIELDS, by_name
from newsdoc.strategies import _ANCHORED, _FIELDS


def filled(article: Article) -> set[str]:
    return {name for name in ARTICLE_FIELDS if getattr(article, name) not in (None, ())}


def test_every_field_of_the_model_has_a_strategy() -> None:
    assert set(_FIELDS) | set(_ANCHORED) == ARTICLE_FIELDS
    assert not set(_FIELDS) & set(_ANCHORED)


@given(strategies.articles(carries={"headline", "keywords"}))
def test_only_the_fields_asked_for_are_drawn(article: Article) -> None:
    assert filled(article) <= {"headline", "keywords"}


@given(strategies.articles("text"))
def test_a_format_gives_its_fields_in_the_shapes_it_can_express(article: Article) -> None:
    assert filled(article) <= by_name("text").carries
    assert article.lead  # written articles open with a lead
    if article.subheadline is not None:
        assert article.headline is not None
        assert article.bylines


def test_unknown_names_are_refused() -> None:
    with pytest.raises(ValueError, match="not fields of an Article: colour"):
        strategies.articles(carries={"headline", "colour"})
    with pytest.raises(UnknownFormatError):
        strategies.articles("docx")
