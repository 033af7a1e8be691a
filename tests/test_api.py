from collections.abc import Callable
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article, NewsdocError, ParseError, SerializationError, UnknownFormatError

ARTICLE = Article(headline="Talks resume", lead=("Negotiators met again on Monday.",))


def test_the_registry_lists_every_format_once() -> None:
    names = [info.name for info in newsdoc.formats()]
    assert {"text", "json"} <= set(names)
    assert len(names) == len(set(names))
    # A suffix several formats share is told apart by content, and is the first suffix of
    # exactly one of them, which writing to it gives.
    suffixes = [suffix for info in newsdoc.formats() for suffix in info.suffixes]
    for suffix in {suffix for suffix in suffixes if suffixes.count(suffix) > 1}:
        sharing = [info for info in newsdoc.formats() if suffix in info.suffixes]
        assert all(info.sniffer is not None for info in sharing), suffix
        assert sum(info.suffixes[0] == suffix for info in sharing) == 1, suffix
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


def test_read_refuses_a_document_of_several_articles(
    tmp_path: Path, news_message: Callable[[int], str]
) -> None:
    message = tmp_path / "message.xml"
    message.write_text(news_message(3))
    with pytest.raises(ParseError) as caught:
        newsdoc.read(message)
    assert caught.value.source == str(message)
    assert "holds more than one article" in str(caught.value)
    assert "read_all()" in str(caught.value)
    assert [article.id for article in newsdoc.read_all(message)] == [
        "urn:x:1",
        "urn:x:2",
        "urn:x:3",
    ]


def test_read_takes_the_one_article_of_a_message_and_refuses_none(
    news_message: Callable[[int], str],
) -> None:
    assert newsdoc.read(news_message(1), format="newsml").id == "urn:x:1"
    with pytest.raises(ParseError, match="the document holds no article"):
        newsdoc.read(news_message(0), format="newsml")
    assert list(newsdoc.read_all(news_message(0), format="newsml")) == []


@pytest.mark.parametrize("name", ["json", "text", "newsml"])
def test_write_refuses_a_lone_surrogate(name: str) -> None:
    broken = Article(headline="Broken \ud800 text", lead=("A lead.",))
    with pytest.raises(SerializationError, match=r"\\ud800"):
        newsdoc.write(broken, name)


@pytest.mark.parametrize("name", ["json", "text", "newsml"])
def test_an_unknown_encoding_is_a_parse_error_for_every_format(name: str) -> None:
    with pytest.raises(ParseError, match="unknown text encoding 'klingon'") as caught:
        newsdoc.read(b"A story.", format=name, encoding="klingon")
    assert not isinstance(caught.value, UnknownFormatError)


def test_encoding_is_carried_to_the_reader(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    lead = "Negotiators met again on Monday \u2014 at last."
    story.write_bytes(f"Talks resume\n{lead}".encode("cp1252"))
    article = newsdoc.read(story, encoding="cp1252", extract=False)
    assert article.lead == (lead,)
    assert [a.lead for a in newsdoc.read_all(story, encoding="cp1252", extract=False)] == [
        article.lead
    ]
