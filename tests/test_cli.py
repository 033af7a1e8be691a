import io
import json
import subprocess
import sys
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


def test_stdin_needs_from(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["convert", "-", "--to", "json"])
    assert caught.value.code == 2
    assert "--from is required" in capsys.readouterr().err


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


def test_unknown_suffix_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["convert", str(tmp_path / "story.docx"), "--to", "json"])
    assert caught.value.code == 2
    assert "use --from" in capsys.readouterr().err


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
