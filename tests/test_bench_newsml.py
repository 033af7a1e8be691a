import importlib.util
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).parent.parent / "benchmarks" / "run.py"


def test_the_newsml_benchmark_runs_in_quick_mode(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("bench_newsml", BENCHMARK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--quick", "--no-peers"]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines() if line.startswith(("LISTING", "al_asad"))]
    assert len(rows) >= 8
    for line in ("read:", "write:", "memory:", "import:", "text:"):
        assert f"\n{line}" in out
    assert out.count("PASS") + out.count("FAIL") == 4
