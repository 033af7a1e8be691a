import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent.parent / "benchmarks" / "bench_batch.py"


def test_the_batch_benchmark_runs_in_quick_mode(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("bench_batch", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--quick"]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines()[1:5]]
    assert [(row[0], row[1]) for row in rows] == [
        ("100", "1"),
        ("100", "2"),
        ("400", "1"),
        ("400", "2"),
    ]
    assert all(float(row[3]) > 0 for row in rows)
    for start in ("speed-up:", "memory -j1:", "memory -j2:", "shell loop: 5 files"):
        assert any(line.startswith(start) for line in out.splitlines()), start
