"""How much extraction adds to reading plain text.

Run: python benchmarks/bench_extract.py [--quick]

Reads the Al Asad article and every article of the labelled set repeatedly, without and
with extraction, and prints articles per second for both and their ratio. Both are
measured in the same run, in alternating rounds, so the ratio does not depend on the
machine or on a slow spell of it.
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
    print(f"{'documents':14} {'read only/s':>12} {'with extraction/s':>18} {'cost ratio':>11}")
    for name, documents in sets.items():
        plain, extracted = articles_per_second(documents, repeats, rounds)
        # Extraction's own cost relative to reading: (t_with - t_without) / t_without.
        ratio = plain / extracted - 1
        print(f"{name:14} {plain:12.0f} {extracted:18.0f} {ratio:11.2f}")
    print(f"best of {rounds} rounds; cost ratio = extraction time / reading time (target: <= 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
