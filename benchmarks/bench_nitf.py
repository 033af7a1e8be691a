"""newsdoc's NITF benchmark: python benchmarks/bench_nitf.py [--quick]

For every NITF sample in ``tests/data/nitf``, the NITF bodies of the IPTC NewsML-G2 samples,
and the Al Asad article written as NITF, it times newsdoc's NITF reader and writer and prints
each as a ratio to a bare ``lxml.etree.fromstring`` of the same bytes, measured in the same
run (so the ratio does not depend on the machine).

Target: read and write <= 8x the bare parse, for the worst document.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from lxml import etree

import newsdoc

ROOT = Path(__file__).resolve().parent.parent
NITF_SAMPLES = ROOT / "tests" / "data" / "nitf"
NEWSML_SAMPLES = ROOT / "tests" / "data" / "newsml"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
TARGET = 8.0


def _documents() -> list[tuple[str, bytes]]:
    documents = [(path.name, path.read_bytes()) for path in sorted(NITF_SAMPLES.glob("*.xml"))]
    for path in sorted(NEWSML_SAMPLES.glob("*.xml")):
        for nitf in etree.fromstring(path.read_bytes()).iter(f"{{{NITF}}}nitf"):
            documents.append((f"{path.stem[:28]} (body)", etree.tostring(nitf)))
    seed = newsdoc.read(ROOT / "examples" / "al_asad.txt")
    documents.append(("al_asad (written)", newsdoc.write(seed, "nitf").encode("utf-8")))
    return documents


def _best(work: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        work()
    return (time.perf_counter() - start) / calls


def main(argv: list[str] | None = None) -> int:
    """Print the read and write ratios of every document; 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few repeats only")
    args = parser.parse_args(argv)
    rounds, calls = (3, 5) if args.quick else (25, 40)
    warnings.simplefilter("ignore")  # kept content reported while reading samples
    reads: list[float] = []
    writes: list[float] = []
    print(f"{'document':40} {'lxml µs':>9} {'read×':>7} {'write×':>7}")
    for name, data in _documents():
        article = newsdoc.read(data, format="nitf")
        bare, read, write = [], [], []
        for _ in range(rounds):  # interleaved, so a slow spell slows all three alike
            bare.append(_best(lambda data=data: etree.fromstring(data), calls))
            read.append(_best(lambda data=data: newsdoc.read(data, format="nitf"), calls))
            write.append(_best(lambda article=article: newsdoc.write(article, "nitf"), calls))
        parse = min(bare)
        reads.append(min(read) / parse)
        writes.append(min(write) / parse)
        print(f"{name:40} {parse * 1e6:9.1f} {reads[-1]:7.2f} {writes[-1]:7.2f}")
    status = 0
    for label, ratios in (("read", reads), ("write", writes)):
        worst = max(ratios)
        verdict = "PASS" if worst <= TARGET else "FAIL"
        status |= verdict == "FAIL"
        print(
            f"{label}: median {statistics.median(ratios):.2f}x, worst {worst:.2f}x "
            f"(target <= {TARGET:g}x) {verdict}"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
