"""newsdoc's ninjs benchmark: python benchmarks/bench_ninjs.py [--quick]

For every IPTC ninjs example of type text (1.6, 2.2 and 3.1) and for the Al Asad article
written as ninjs 3.1 and 1.6, it times newsdoc's ninjs reader and writer and prints each as a
ratio to a bare ``json.loads`` of the same bytes, measured in the same run.

Target: read and write <= 8x the bare ``json.loads`` for the worst document.

Times are CPU time of the benchmark process (``time.process_time``), the best of 25 rounds
of 40 calls, and the three calls of a document alternate round by round: on a machine
shared with other work, waiting for a core would otherwise count against whichever call
happened to wait.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import newsdoc

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "data" / "ninjs" / "examples"
TARGET = 8.0


def documents() -> dict[str, tuple[bytes, str]]:
    """Each document's bytes and the format name to write it back with."""
    found: dict[str, tuple[bytes, str]] = {}
    for path in sorted(EXAMPLES.glob("*/*.json")):
        data = path.read_bytes()
        if json.loads(data).get("type") == "text":
            written_as = "ninjs-1.6" if path.parent.name.startswith("1.") else "ninjs"
            found[f"{path.parent.name}/{path.stem[:24]}"] = (data, written_as)
    al_asad = newsdoc.read(ROOT / "examples" / "al_asad.txt")
    for name in ("ninjs", "ninjs-1.6"):
        found[f"al_asad ({name})"] = (newsdoc.write(al_asad, name).encode("utf-8"), name)
    return found


def rounds_of(work: Callable[[], object], repeats: int) -> float:
    """Seconds of this process's CPU time per call: time spent waiting for a core on a
    shared machine is not counted, so the ratios hold under load."""
    started = time.process_time()
    for _ in range(repeats):
        work()
    return (time.process_time() - started) / repeats


def measure(data: bytes, name: str, repeats: int, rounds: int) -> tuple[float, float, float]:
    """Best seconds per call of json.loads, newsdoc.read and newsdoc.write, interleaved."""
    article = newsdoc.read(data, "ninjs")
    best = [float("inf")] * 3
    for _ in range(rounds):
        times = (
            rounds_of(lambda: json.loads(data), repeats),
            rounds_of(lambda: newsdoc.read(data, "ninjs"), repeats),
            rounds_of(lambda: newsdoc.write(article, name), repeats),
        )
        best = [min(old, new) for old, new in zip(best, times, strict=True)]
    return best[0], best[1], best[2]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few repeats only")
    args = parser.parse_args(argv)
    repeats, rounds = (3, 2) if args.quick else (40, 25)
    reads, writes = [], []
    print(f"{'document':34} {'bytes':>7} {'json µs':>8} {'read×':>6} {'write×':>7}")
    for label, (data, name) in documents().items():
        bare, read, write = measure(data, name, repeats, rounds)
        reads.append(read / bare)
        writes.append(write / bare)
        print(f"{label:34} {len(data):7} {bare * 1e6:8.1f} {read / bare:6.2f} {write / bare:7.2f}")
    for what, ratios in (("read", reads), ("write", writes)):
        worst = max(ratios)
        verdict = "PASS" if worst <= TARGET else "FAIL"
        print(
            f"{what}: median {statistics.median(ratios):.2f}x, worst {worst:.2f}x "
            f"(target <= {TARGET:g}x) {verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
