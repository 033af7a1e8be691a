import io
import json
import os
import resource
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article
from newsdoc.cli import main

ARTICLE = Article(headline="Talks resume", lead=("Negotiators met again on Monday.",))


@pytest.fixture
def json_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.json"
    newsdoc.write_file(ARTICLE, path)
    return path


def test_convert_between_files_by_suffix(json_file: Path, tmp_path: Path) -> None:
    output = tmp_path / "copy.json"
    assert main(["convert", str(json_file), "-o", str(output)]) == 0
    assert newsdoc.read(output) == ARTICLE


def test_convert_to_stdout_needs_to(json_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["convert", str(json_file)])
    assert caught.value.code == 2
    assert "--to is required when using standard output" in capsys.readouterr().err
    assert main(["convert", str(json_file), "--to", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["article"]["headline"] == "Talks resume"


def test_convert_reads_stdin(
    json_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(json_file.read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["convert", "-", "--from", "json", "--to", "json"]) == 0
    assert newsdoc.read(capsys.readouterr().out, format="json") == ARTICLE


def test_stdin_format_is_sniffed_from_its_content(
    json_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json_file.read_bytes())))
    assert main(["convert", "--to", "text"]) == 0
    assert capsys.readouterr().out.startswith("Talks resume")


def test_stdin_of_unknown_content_names_what_it_saw(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rss = b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(rss)))
    assert main(["convert", "-", "--to", "json"]) == 1
    err = capsys.readouterr().err
    assert "root element is <rss> in no namespace" in err
    assert "name the format" in err


def test_bad_input_is_one_line_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"format": "newsdoc", "version": 1, "article": {"headline": 3}}')
    assert main(["convert", str(broken), "--to", "json"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("newsdoc: error: cannot read json: ")
    assert "$.article.headline" in err


def test_missing_input_is_status_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(tmp_path / "nope.json"), "--to", "json"]) == 1
    assert "No such file or directory" in capsys.readouterr().err


def test_unknown_suffix_is_sniffed_from_the_content(
    tmp_path: Path, json_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.dat"
    story.write_bytes(json_file.read_bytes())
    assert main(["convert", str(story), "-t", "text"]) == 0
    assert capsys.readouterr().out.startswith("Talks resume")
    binary = tmp_path / "story.docx"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    assert main(["convert", str(binary), "--to", "json"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(binary) in err
    assert "none of text, newsml, nitf, json, ninjs, ninjs-1.6, jsonl recognises its content" in err


def test_unknown_format_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["convert", "-", "--from", "docx", "--to", "json"])
    assert caught.value.code == 2


def test_version_and_formats(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsdoc {newsdoc.__version__}"
    assert main(["formats"]) == 0
    listing = capsys.readouterr().out
    for info in newsdoc.formats():
        assert info.name in listing


def test_python_dash_m_runs_the_same_command(json_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsdoc", "convert", str(json_file), "--to", "json"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert newsdoc.read(result.stdout, format="json") == ARTICLE


def test_a_full_disk_is_named_and_status_1(
    json_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(json_file), "-o", "/dev/full", "--to", "json"]) == 1
    assert capsys.readouterr().err == (
        "newsdoc: error: cannot write /dev/full: No space left on device\n"
    )
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_the_file_size_limit_leaves_the_old_output_and_names_it(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("\n".join(f"Paragraph {n} of a long story." for n in range(1_000)))
    output = tmp_path / "good.json"
    assert main(["convert", str(source), "-o", str(output), "--no-extract"]) == 0
    before = output.read_bytes()
    source.write_text("\n".join(f"Paragraph {n} of another story." for n in range(1_000)))

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    result = subprocess.run(
        [sys.executable, "-m", "newsdoc", "convert", str(source), "-o", str(output)],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=limit_file_size,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr == f"newsdoc: error: cannot write {output}: File too large\n"
    assert output.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.txt", "good.json"]


def test_a_missing_output_folder_is_named(
    json_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = json_file.parent / "missing" / "copy.json"
    assert main(["convert", str(json_file), "-o", str(output)]) == 1
    assert capsys.readouterr().err == (
        f"newsdoc: error: cannot write {output}: No such file or directory\n"
    )


def test_a_message_of_several_articles_is_refused_not_cut_to_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], news_message: Callable[[int], str]
) -> None:
    message = tmp_path / "message.xml"
    message.write_text(news_message(3))
    output = tmp_path / "story.json"
    assert main(["convert", str(message), "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        f"newsdoc: error: cannot read newsml: {message}: the document holds 3 articles"
    )
    assert "give -o an existing directory" in err
    assert err.count("\n") == 1
    assert not output.exists()
    assert not (tmp_path / "story").exists()


def test_a_message_without_articles_is_refused_not_written_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], news_message: Callable[[int], str]
) -> None:
    message = tmp_path / "empty.xml"
    message.write_text(news_message(0))
    output = tmp_path / "story.json"
    assert main(["convert", str(message), "-o", str(output)]) == 1
    assert capsys.readouterr().err == (
        f"newsdoc: error: cannot read newsml: {message}: the document holds no article\n"
    )
    assert not output.exists()
    assert main(["convert", str(message), "--to", "text"]) == 1
    assert capsys.readouterr().out == ""


def test_a_message_of_one_article_converts(
    tmp_path: Path, news_message: Callable[[int], str]
) -> None:
    message = tmp_path / "message.xml"
    message.write_text(news_message(1))
    output = tmp_path / "story.json"
    assert main(["convert", str(message), "-o", str(output)]) == 0
    assert newsdoc.read(output).id == "urn:x:1"


def test_encoding_names_the_input_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "wire.txt"
    source.write_bytes("Caf\u00e9 owners say \u201cno\u201d to the new rent.".encode("cp1252"))
    assert main(["convert", str(source), "--to", "json"]) == 1
    assert "the input is not UTF-8: byte 0xe9 at offset 3" in capsys.readouterr().err
    assert main(["convert", str(source), "--to", "json", "--encoding", "cp1252"]) == 0
    lead = json.loads(capsys.readouterr().out)["article"]["lead"]
    assert lead == ["Café owners say “no” to the new rent."]


def test_an_unknown_encoding_is_status_1_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "wire.txt"
    source.write_text("A story.")
    assert main(["convert", str(source), "--to", "json", "--encoding", "klingon"]) == 1
    assert capsys.readouterr().err == (
        f"newsdoc: error: cannot read text: {source}: unknown text encoding 'klingon'\n"
    )


def test_utf16_input_with_a_byte_order_mark_converts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "wire.txt"
    source.write_bytes("Talks resume\nNegotiators met again on Monday.".encode("utf-16"))
    assert main(["convert", str(source), "--to", "json", "--no-extract"]) == 0
    assert newsdoc.read(capsys.readouterr().out, format="json") == ARTICLE


def test_a_closed_output_pipe_ends_the_command_quietly() -> None:
    # `newsdoc extract … | head -1`: the reader goes away; no "error: Broken pipe".
    import subprocess
    import sys

    texts = sorted(str(path) for path in (Path(__file__).parent / "data" / "text").glob("*.txt"))
    # Many files, so that output is still coming when the pipe closes.
    command = [sys.executable, "-m", "newsdoc", "extract", *texts * 20, "--as", "table"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # as head does once it has its line
        errors = process.stderr.read()
        status = process.wait()
    assert errors == b""
    assert status == 1
