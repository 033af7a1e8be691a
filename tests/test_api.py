from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article, NewsdocError, ParseError, UnknownFormatError

ARTICLE = Article(headline="Talks resume", lead=("Negotiators met again on Monday.",))


def test_the_registry_lists_every_format_once() -> None:
    names = [info.name for info in newsdoc.formats()]
    assert {"text", "json"} <= set(names)
    assert len(names) == len(set(names))
    suffixes = [suffix for info in newsdoc.formats() for suffix in info.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert all(info.description for info in newsdoc.formats())


def test_a_path_names_its_format_by_suffix(tmp_path: Path) -> None:
    target = tmp_path / "story.JSON"
    newsdoc.write_file(ARTICLE, target)
    assert newsdoc.read(target) == ARTICLE
    assert list(newsdoc.read_all(target)) == [ARTICLE]


def test_an_explicit_format_wins_over_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "story.data"
    newsdoc.write_file(ARTICLE, target, format="json")
    assert newsdoc.read(target, format="json") == ARTICLE


def test_str_and_bytes_need_a_format() -> None:
    text = newsdoc.write(ARTICLE, "json")
    assert newsdoc.read(text.encode(), format="json") == ARTICLE
    with pytest.raises(NewsdocError, match="format= is required"):
        newsdoc.read(text)


def test_unknown_formats_and_suffixes_are_named() -> None:
    with pytest.raises(UnknownFormatError, match="unknown format 'docx'; known formats: text"):
        newsdoc.write(ARTICLE, "docx")
    with pytest.raises(UnknownFormatError, match=r"'\.docx'"):
        newsdoc.read(Path("story.docx"))
    with pytest.raises(LookupError):
        newsdoc.read(b"", format="docx")


def test_a_missing_file_is_a_parse_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(ParseError) as caught:
        newsdoc.read(missing)
    assert caught.value.source == str(missing)
    assert "No such file" in str(caught.value)


def test_errors_from_a_file_name_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{]")
    with pytest.raises(ParseError, match=r"broken\.json, line 1, column 2"):
        newsdoc.read(broken)
