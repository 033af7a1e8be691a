import csv
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article
from newsdoc.cli import main

ONE = Article(id="urn:x:1", headline="Talks resume", lead=("Negotiators met again.",))
SAID = "Rain stops play\nThe minister said the talks would resume in March 2025."


@pytest.fixture
def tree(tmp_path: Path, news_message: Callable[[int], str]) -> Path:
    root = tmp_path / "feed"
    (root / "2025" / "03").mkdir(parents=True)
    (root / "a.txt").write_text(SAID)
    newsdoc.write_file(ONE, root / "2025" / "b.json")
    (root / "2025" / "03" / "message.xml").write_text(news_message(3))
    (root / "notes.md").write_text("# not news")
    (root / ".hidden.txt").write_text("Hidden\nNot converted.")
    return root


def test_a_tree_is_mirrored_with_the_new_suffix(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(tree), "-o", str(out), "-t", "newsml", "-j", "2"]) == 0
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == [
        "2025/03/message/urn_x_1-f2d7ba7a.xml",
        "2025/03/message/urn_x_2-6bdeebc0.xml",
        "2025/03/message/urn_x_3-1cd9db56.xml",
        "2025/b.xml",
        "a.xml",
    ]
    assert newsdoc.read(out / "2025" / "b.xml") == ONE
    ids = {newsdoc.read(p).id for p in (out / "2025" / "03" / "message").iterdir()}
    assert ids == {"urn:x:1", "urn:x:2", "urn:x:3"}
    assert capsys.readouterr().err == "newsdoc: 3 converted, 0 failed, 0 skipped\n"


def test_include_globs_choose_the_files(tree: Path, tmp_path: Path) -> None:
    (tree / "wire.dat").write_text(SAID)
    out = tmp_path / "out"
    assert (
        main(
            [
                "convert",
                str(tree),
                "-o",
                str(out),
                "-t",
                "json",
                "--include",
                "*.dat",
                "--include",
                "2025/*.json",
                "-q",
            ]
        )
        == 0
    )
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["2025/b.json", "wire.json"]
    assert newsdoc.read(out / "wire.json").headline == "Rain stops play"


def test_several_inputs_stand_under_their_own_names(tmp_path: Path, tree: Path) -> None:
    other = tmp_path / "story.txt"
    other.write_text(SAID)
    out = tmp_path / "out"
    assert main(["convert", str(tree / "2025"), str(other), "-o", f"{out}/", "-t", "json"]) == 0
    assert (out / "story.json").is_file()
    assert (out / "2025" / "b.json").is_file()


def test_names_that_differ_only_by_suffix_both_survive(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text(SAID)
    newsdoc.write_file(ONE, source / "a.xml")
    out = tmp_path / "out"
    assert main(["convert", str(source), "-o", str(out), "-t", "json", "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "a.xml.json"]


def test_keep_going_converts_the_rest_reports_and_exits_1(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "corrupt.json").write_text('{"format": "newsdoc", "version": 1, "article": {')
    out = tmp_path / "out"
    errors = tmp_path / "errors.jsonl"
    status = main(
        [
            "convert",
            str(tree),
            "-o",
            str(out),
            "-t",
            "text",
            "-k",
            "--errors",
            str(errors),
            "-j",
            "2",
        ]
    )
    assert status == 1
    err = capsys.readouterr().err
    assert f"newsdoc: error: cannot read json: {tree / 'corrupt.json'}" in err
    assert err.endswith("newsdoc: 3 converted, 1 failed, 0 skipped\n")
    (failure,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert failure["path"] == str(tree / "corrupt.json")
    assert failure["error"] == "ParseError"
    assert "line 1" in failure["message"]
    assert (out / "a.txt").is_file()
    assert not (out / "corrupt.txt").exists()


def test_without_keep_going_the_first_failure_stops_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.json").write_text("{")
    for number in range(5):
        (source / f"b{number}.txt").write_text(SAID)
    out = tmp_path / "out"
    assert main(["convert", str(source), "-o", str(out), "-t", "json", "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert "a.json" in err
    assert err.endswith("0 converted, 1 failed, 0 skipped\n")
    assert list(out.iterdir()) == []


def test_a_failure_while_gathering_leaves_no_output_file(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text(SAID)
    (source / "b.json").write_text("{")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("old\n")
    assert main(["convert", str(source), "-o", str(corpus), "-q", "-j", "1"]) == 1
    assert corpus.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl", "in"]
    assert main(["convert", str(source), "-o", str(corpus), "-q", "-k"]) == 1
    assert [a.headline for a in newsdoc.read_all(corpus)] == ["Rain stops play"]


def test_skip_existing_resumes(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(tree), "-o", str(out), "-t", "json", "-j", "1"]) == 0
    (out / "a.json").write_text("left alone")
    capsys.readouterr()
    assert main(["convert", str(tree), "-o", str(out), "-t", "json", "--skip-existing"]) == 0
    assert (out / "a.json").read_text() == "left alone"
    assert "1 converted, 0 failed, 2 skipped" in capsys.readouterr().err


def test_several_inputs_need_an_output_directory(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["convert", str(tree), "-t", "text"])
    assert caught.value.code == 2
    assert "give -o DIRECTORY" in capsys.readouterr().err


def test_the_output_format_comes_from_the_suffix_of_o(tree: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.ndjson"
    assert main(["convert", str(tree), "-o", str(corpus), "-q"]) == 0
    assert len(list(newsdoc.read_all(corpus))) == 5


def test_a_message_to_a_directory_gives_one_file_per_item(
    tmp_path: Path, news_message: Callable[[int], str]
) -> None:
    message = tmp_path / "message.xml"
    message.write_text(news_message(2))
    out = tmp_path / "out"
    out.mkdir()
    assert main(["convert", str(message), "-o", str(out), "-t", "text", "-q"]) == 0
    assert sorted(p.name for p in (out / "message").iterdir()) == [
        "urn_x_1-f2d7ba7a.txt",
        "urn_x_2-6bdeebc0.txt",
    ]


def test_progress_bar_on_a_terminal_only(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["convert", str(tree), "-o", str(tmp_path / "o1"), "-t", "json", "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert "3/3" in err
    assert "file/s" in err
    assert main(["convert", str(tree), "-o", str(tmp_path / "o2"), "-t", "json", "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_without_tqdm_a_message_and_no_bar(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setitem(sys.modules, "tqdm", None)  # makes importing it fail
    assert main(["convert", str(tree), "-o", str(tmp_path / "o"), "-t", "json", "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert "install newsdoc[cli] (tqdm) to see a progress bar" in err
    assert err.endswith("3 converted, 0 failed, 0 skipped\n")


def test_validate_many_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.xml"
    newsdoc.write_file(ONE, good)
    bad = tmp_path / "bad.xml"
    bad.write_text("<newsItem><unclosed></newsItem>")
    missing = tmp_path / "missing.xml"
    assert main(["validate", str(good), str(bad), str(missing)]) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{good}: valid\n"
    assert f"newsdoc: error: {bad}" in captured.err
    assert "tag mismatch" in captured.err
    assert captured.err.count("\n") == 2
    assert str(missing) in captured.err


def test_extract_rows_as_csv_jsonl_and_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(SAID)
    assert main(["extract", str(story), "--as", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    said = [row for row in rows if row["kind"] != "event"]
    assert said
    assert said[0]["source"] == "The minister"
    assert said[0]["cue"] == "said"
    assert said[0]["file"] == str(story)
    assert any(row["kind"] == "event" and row["time"] == "2025-03" for row in rows)
    assert main(["extract", str(tmp_path), "--as", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["cue"] for line in lines] == [row["cue"] for row in rows]
    assert main(["extract", str(story)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["file", "kind", "source", "cue", "content", "place", "time"]
    assert len(table) == len(rows) + 1


def test_a_corpus_inside_its_input_tree_is_not_read_into_itself(tree: Path) -> None:
    corpus = tree / "corpus.jsonl"
    assert main(["convert", str(tree), "-o", str(corpus), "-q", "-j", "1"]) == 0
    assert main(["convert", str(tree), "-o", str(corpus), "-q", "-j", "1"]) == 0
    assert len(list(newsdoc.read_all(corpus))) == 5


def test_conversions_running_when_a_failure_stops_the_run_are_finished_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.json").write_text("{")
    for number in range(40):
        (source / f"b{number:02d}.txt").write_text(SAID)
    out = tmp_path / "out"
    assert main(["convert", str(source), "-o", str(out), "-t", "json", "-j", "2"]) == 1
    summary = capsys.readouterr().err.splitlines()[-1]
    converted = int(summary.split()[1])
    assert summary.endswith(f"{converted} converted, 1 failed, 0 skipped")
    assert len(list(out.iterdir())) == converted < 40
