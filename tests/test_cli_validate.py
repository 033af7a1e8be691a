from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article
from newsdoc.cli import main

SAMPLE = Path(__file__).parent / "data" / "newsml" / "LISTING_2_NewsML-G2_Text_Document.xml"


def test_a_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SAMPLE)]) == 0
    assert capsys.readouterr().out == f"{SAMPLE}: valid\n"


def test_what_newsdoc_writes_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.xml"
    newsdoc.write_file(Article(headline="Talks resume", lead=("They met.",)), path)
    assert main(["validate", str(path)]) == 0


def test_problems_are_listed_with_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text(
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"\n'
        '  standard="NewsML-G2" standardversion="2.35">\n'
        "  <itemMeta><colour/></itemMeta>\n"
        "  <contentMeta><headline><b/></headline><urgency>high</urgency></contentMeta>\n"
        "</newsItem>\n"
    )
    assert main(["validate", str(broken), "--max-errors", "1"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{broken}:3:")
    assert "colour" in lines[0]
    assert lines[1].endswith("more problem(s) not shown")


def test_malformed_xml_is_one_line_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<newsItem><unclosed></newsItem>")
    assert main(["validate", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Opening and ending tag mismatch" in err


def test_max_errors_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate", str(SAMPLE), "--max-errors", "0"])
    assert caught.value.code == 2


def test_convert_handles_newsml_both_ways(tmp_path: Path) -> None:
    text = tmp_path / "story.txt"
    text.write_text("Talks resume\nNegotiators met again on Monday.")
    xml = tmp_path / "story.xml"
    assert main(["convert", str(text), "-o", str(xml)]) == 0
    back = tmp_path / "back.txt"
    assert main(["convert", str(xml), "-o", str(back)]) == 0
    assert back.read_text() == text.read_text()
