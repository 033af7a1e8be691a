"""Each benchmark runs in quick mode and prints what it promises."""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def load(script: str) -> ModuleType:
    """A benchmark script, imported as a module."""
    spec = importlib.util.spec_from_file_location(Path(script).stem, BENCHMARKS / script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_extraction_benchmark_runs_in_quick_mode(capsys: pytest.CaptureFixture[str]) -> None:
    assert load("bench_extract.py").main(["--quick"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split()[0]: line.split()[-3:] for line in lines[1:-1]}
    assert set(rows) == {"al_asad", "labelled"}
    for read_only, with_extraction, _ in rows.values():
        assert float(read_only) > 0
        assert float(with_extraction) > 0


def test_the_newsml_benchmark_runs_in_quick_mode(capsys: pytest.CaptureFixture[str]) -> None:
    assert load("run.py").main(["--quick", "--no-peers"]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines() if line.startswith(("LISTING", "al_asad"))]
    assert len(rows) >= 8
    for line in ("read:", "write:", "memory:", "import:", "text:"):
        assert f"\n{line}" in out
    assert out.count("PASS") + out.count("FAIL") == 4


def test_the_nitf_benchmark_runs_in_quick_mode(capsys: pytest.CaptureFixture[str]) -> None:
    status = load("bench_nitf.py").main(["--quick"])
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines()[1:] if not line.startswith(("read:", "write:"))]
    assert len(rows) >= 5
    for row in rows:
        assert float(row.split()[-1]) > 0
        assert float(row.split()[-2]) > 0
    verdicts = [
        line.split()[-1] for line in out.splitlines() if line.startswith(("read:", "write:"))
    ]
    assert len(verdicts) == 2
    assert status == ("FAIL" in verdicts)


def test_the_ninjs_benchmark_runs_in_quick_mode(capsys: pytest.CaptureFixture[str]) -> None:
    assert load("bench_ninjs.py").main(["--quick"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith(("1.6/", "2.2/", "3.1/", "al_"))]
    assert len(rows) == 11
    assert out.count("PASS") + out.count("FAIL") == 2


def test_the_metadata_coverage_table_counts_what_stays_kept() -> None:
    rows, items = load("metadata_coverage.py").table()
    assert items == 17
    kept = {label: count for label, count, _ in rows}
    # What the model maps now: no sample keeps it as an Extension.
    for label in (
        "itemMeta/edNote", "itemMeta/service", "itemMeta/link", "itemMeta/signal",
        "itemMeta/embargoed", "contentMeta/contributor", "contentMeta/contentCreated",
        "contentMeta/contentModified", "contentMeta/infoSource", "genre/name",
        "subject name, broader, sameAs", "subject @type, @rank, @literal",
        "slugline @separator, @role", "contentMeta/creator",
        "rightsInfo notice and terms (any part)",
    ):  # fmt: skip
        assert kept[label] == 0, label
    # What stays: altIds with no value, only a local XML @id (LISTING_22).
    assert kept["contentMeta/altId"] == 1
