"""How much extraction adds to reading plain text.

Run: python benchmarks/bench_extract.py [--quick]

Reads the Al Asad article and every article of the labelled set repeatedly, without and
with extraction, and prints for both the articles per second and the microseconds per
article, and the ratio of the time with extraction to the time without. Both are measured
in the same run, in alternating rounds, so the ratio does not depend on the machine or on
a slow spell of it.

The targets of newsdoc's issue 12 are printed below the table: the Al Asad article read
with extraction at least 2,000 times a second, and at most 6 times as long as without.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import newsdoc

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "al_asad.txt"
LABELLED = ROOT / "tests" / "data" / "labelled"
TARGET_RATIO = 6
"""The most that reading with extraction may take, as a multiple of reading without."""


def articles_per_second(
    documents: Sequence[bytes], repeats: int, rounds: int
) -> tuple[float, float]:
    """Articles per second read without and with extraction, best of ``rounds`` each.

    Within a round the two are timed one after the other, so that a slow spell of a shared
    machine slows both alike instead of skewing their ratio.
    """

    def run(extract: bool) -> None:
        for _ in range(repeats):
            for data in documents:
                newsdoc.read(data, format="text", extract=extract)

    plain: list[float] = []
    extracted: list[float] = []
    for _ in range(rounds):
        plain.append(_seconds(run, False))
        extracted.append(_seconds(run, True))
    count = len(documents) * repeats
    return count / min(plain), count / min(extracted)


def _seconds(work: Callable[[bool], None], extract: bool) -> float:
    started = time.perf_counter()
    work(extract)
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few repeats, to check it runs")
    args = parser.parse_args(argv)
    repeats, rounds = (2, 2) if args.quick else (20, 15)
    sets = {
        "al_asad": [SEED.read_bytes()],
        "labelled set": [path.read_bytes() for path in sorted(LABELLED.glob("*.txt"))],
    }
    print(
        f"{'documents':14} {'read only/s':>12} {'with extraction/s':>18} "
        f"{'µs read only':>13} {'µs with':>8} {'with/without':>13}"
    )
    for name, documents in sets.items():
        plain, extracted = articles_per_second(documents, repeats, rounds)
        print(
            f"{name:14} {plain:12.0f} {extracted:18.0f} "
            f"{1e6 / plain:13.0f} {1e6 / extracted:8.0f} {plain / extracted:13.2f}"
        )
    print(
        f"best of {rounds} rounds; targets (issue 12): al_asad with extraction >= 2000/s "
        f"and with/without <= {TARGET_RATIO}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
