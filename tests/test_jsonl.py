import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, ParseError, strategies
from newsdoc.cli import main
from newsdoc.formats import _sniff, by_name, detect

ONE = Article(id="urn:x:1", headline="Talks resume", lead=("Negotiators met again.",))
TWO = Article(id="urn:x:2", headline="Rain", lead=("It rained on Monday.",))


def jsonl(*articles: Article) -> str:
    return "".join(newsdoc.write(article, "jsonl") for article in articles)


@given(st.lists(strategies.articles(), max_size=3))
@settings(max_examples=30)
def test_many_articles_read_back_equal_one_line_each(articles: list[Article]) -> None:
    document = jsonl(*articles)
    assert document.count("\n") == len(articles)
    assert list(newsdoc.read_all(document, "jsonl")) == articles


def test_a_line_is_the_object_json_keeps_under_article() -> None:
    line = newsdoc.write(ONE, "jsonl")
    assert json.loads(line) == json.loads(newsdoc.write(ONE, "json"))["article"]
    assert line.endswith("}\n")
    assert "\n" not in line[:-1]


def test_blank_lines_are_skipped_and_read_names_the_one_article() -> None:
    assert newsdoc.read("\n" + jsonl(ONE) + "\n\n", "jsonl") == ONE
    with pytest.raises(ParseError, match="more than one article"):
        newsdoc.read(jsonl(ONE, TWO), "jsonl")
    with pytest.raises(ParseError, match="no article"):
        newsdoc.read("\n", "jsonl")


def test_a_bad_line_is_named_by_its_number_and_path() -> None:
    bad = json.loads(newsdoc.write(TWO, "jsonl"))
    bad["headline"] = 3
    document = jsonl(ONE) + "\n" + json.dumps(bad) + "\n"
    articles = newsdoc.read_all(document, "jsonl")
    assert next(articles) == ONE  # read one line at a time: the first comes before the error
    with pytest.raises(ParseError) as caught:
        next(articles)
    assert caught.value.line == 3
    assert caught.value.path == "$.headline"
    assert str(caught.value).startswith("cannot read jsonl: line 3, at $.headline: ")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "Expecting property name"),
        ("[1, 2]", "expected an article object, not a JSON list"),
        ('{"headline": "a"} {"headline": "b"}', "Extra data"),
        ('{"headline": "a", "colour": "red"}', "colour"),
    ],
)
def test_malformed_lines_are_parse_errors(line: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason) as caught:
        list(newsdoc.read_all(jsonl(ONE) + line + "\n", "jsonl"))
    assert caught.value.line == 2


def test_a_line_cannot_smuggle_a_second_article_member() -> None:
    smuggled = 'null, "article": ' + newsdoc.write(ONE, "jsonl").strip()
    with pytest.raises(ParseError):
        list(newsdoc.read_all(smuggled, "jsonl"))


def test_write_all_gives_one_line_per_article() -> None:
    jsonl_module = by_name("jsonl").load()
    lines = list(jsonl_module.write_all(iter([ONE, TWO])))  # type: ignore[attr-defined]
    assert lines == [newsdoc.write(ONE, "jsonl"), newsdoc.write(TWO, "jsonl")]


def test_registered_with_its_capabilities() -> None:
    info = by_name("jsonl")
    assert info.reads_many
    assert info.writes_many
    assert info.carries_annotations
    assert info.suffixes == (".jsonl", ".ndjson")
    assert newsdoc.read(jsonl(ONE), "jsonl") == ONE


def test_sniffed_apart_from_newsdoc_json() -> None:
    assert detect(jsonl(ONE, TWO).encode()).name == "jsonl"
    assert detect(newsdoc.write(ONE, "json").encode()).name == "json"
    compact = json.dumps(json.loads(newsdoc.write(ONE, "json")), separators=(",", ":"))
    assert detect(compact.encode()).name == "json"
    assert not _sniff.jsonl(b"[1, 2]")


def test_a_tree_gathers_into_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed"
    (feed / "deep").mkdir(parents=True)
    newsdoc.write_file(ONE, feed / "one.json")
    newsdoc.write_file(TWO, feed / "deep" / "two.xml")
    corpus = tmp_path / "corpus.jsonl"
    assert main(["convert", str(feed), "--to", "jsonl", "-o", str(corpus), "-j", "1"]) == 0
    assert {article.id for article in newsdoc.read_all(corpus)} == {"urn:x:1", "urn:x:2"}
    assert corpus.read_text().count("\n") == 2
    assert "2 converted, 0 failed, 0 skipped" in capsys.readouterr().err


def test_jsonl_to_standard_output_and_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(jsonl(ONE, TWO).encode())))
    assert main(["convert", "-t", "jsonl"]) == 0
    assert list(newsdoc.read_all(capsys.readouterr().out, "jsonl")) == [ONE, TWO]
