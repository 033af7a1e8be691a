"""newsdoc.convert: one source read, converted and written, with its warnings as values."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

import pytest

import newsdoc
from newsdoc import ArgumentError, ContentLossWarning, ParseError, UnknownFormatError

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).parent.parent / "examples" / "al_asad.txt"


def test_convert_returns_the_document_and_the_article() -> None:
    done = newsdoc.convert(SEED, "json")
    assert done.format == "json"
    assert done.output is None
    assert done.document == newsdoc.write(done.article, "json")
    assert done.article == newsdoc.read(SEED)
    assert done.warnings == ()


def test_convert_writes_a_file_named_by_its_suffix(tmp_path: Path) -> None:
    output = tmp_path / "story.xml"
    done = newsdoc.convert(SEED, output=output)
    assert done.format == "newsml"
    assert done.output == str(output)
    assert done.document is None
    assert newsdoc.read(output) == done.article


def test_warnings_are_collected_not_shown() -> None:
    article = newsdoc.Article(subheadline="A deck without a headline", lead=("Lead.",))
    source = newsdoc.write(article, "json")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing reaches the caller's filters
        done = newsdoc.convert(source, "text", format="json")
    assert done.document == "Lead."
    assert len(done.warnings) == 1
    assert isinstance(done.warnings[0], ContentLossWarning)
    assert "subheadline" in str(done.warnings[0])
    # Warnings are values: they cross process boundaries with the result.
    again = pickle.loads(pickle.dumps(done))
    assert str(again.warnings[0]) == str(done.warnings[0])
    assert again.article == done.article


def test_a_document_of_several_articles_names_how_many(news_message: object) -> None:
    message = news_message(3)  # type: ignore[operator]
    with pytest.raises(ParseError, match="holds 3 articles"):
        newsdoc.convert(message, "json", format="newsml")


def test_the_target_must_be_named_somehow() -> None:
    with pytest.raises(ArgumentError, match="to must be a format name"):
        newsdoc.convert(SEED)
    with pytest.raises(UnknownFormatError):
        newsdoc.convert(SEED, "docx")
    with pytest.raises(ArgumentError, match="output must be a str, bytes or path, not int"):
        newsdoc.convert(SEED, "json", 3)  # type: ignore[arg-type]
