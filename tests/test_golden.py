"""The Al Asad article in every format, compared with reviewed golden files.

After a deliberate change of output, run ``pytest tests/test_golden.py --accept`` and
review the diff of ``tests/data/golden`` before committing it.

The article has no dates, so the NewsML-G2 writer fills versionCreated in with the time of
writing; the tests fix that time, so that the golden file does not change from run to run.
"""

import datetime as dt
from pathlib import Path

import pytest

import newsdoc
from newsdoc.formats.newsml import writer

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "golden"
SUFFIXES = {"text": "txt", "json": "json", "newsml": "xml"}
WRITTEN_AT = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "_now", lambda: WRITTEN_AT)


@pytest.fixture(scope="module")
def article() -> newsdoc.Article:
    return newsdoc.read(DATA / "text" / "al_asad.txt")


@pytest.mark.parametrize("format_name", sorted(SUFFIXES))
def test_each_format_matches_its_golden_file(
    article: newsdoc.Article, format_name: str, request: pytest.FixtureRequest
) -> None:
    golden = GOLDEN / f"al_asad.{SUFFIXES[format_name]}"
    written = newsdoc.write(article, format_name).encode("utf-8")
    if request.config.getoption("--accept"):
        golden.write_bytes(written)
    assert written == golden.read_bytes()


def test_the_text_golden_file_is_the_seed(seed_bytes: bytes) -> None:
    assert (GOLDEN / "al_asad.txt").read_bytes() == seed_bytes


@pytest.mark.parametrize("format_name", ["json", "newsml"])
def test_golden_files_read_back_to_the_same_article(
    article: newsdoc.Article, format_name: str
) -> None:
    golden = GOLDEN / f"al_asad.{SUFFIXES[format_name]}"
    assert newsdoc.read(golden, format=format_name) == article
