import importlib.util
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).parent.parent / "benchmarks" / "bench_extract.py"


def test_the_extraction_benchmark_runs_in_quick_mode(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("bench_extract", BENCHMARK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--quick"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split()[0]: line.split()[-3:] for line in lines[1:-1]}
    assert set(rows) == {"al_asad", "labelled"}
    for read_only, with_extraction, _ in rows.values():
        assert float(read_only) > 0
        assert float(with_extraction) > 0
