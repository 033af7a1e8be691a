"""newsdoc's cost in instructions: python benchmarks/instructions.py [--format F] [--calls N]

Wall-clock ratios (``benchmarks/run.py``, ``bench_ninjs.py``, ``bench_nitf.py``) swing with
the load of a shared machine; counts of executed instructions do not. This script runs itself
once under ``valgrind --tool=callgrind`` with ``PYTHONHASHSEED=0`` and, for every document
that the format's wall-clock benchmark times, counts the instructions of ``N`` calls of the
bare parse of its bytes (``lxml.etree.fromstring`` for NewsML-G2 and NITF, ``json.loads`` for
ninjs), of ``newsdoc.read`` and of ``newsdoc.write`` in the format the benchmark writes it
back in. It prints read and write per call as ratios to the bare parse, as the wall-clock
benchmarks do with times. ``--format`` is ``newsml`` (the default), ``ninjs`` or ``nitf``.

How one call is isolated: each measured batch runs inside its own ``functools.reduce`` call,
and callgrind is told to zero its counters before and dump them after every call of that C
function (``--zero-before`` / ``--dump-after``), so each dump holds one batch and nothing
else. Imports, the first (warm-up) call of each kind and the setup in between are not counted.
On an earlier machine, wall-clock ratios were about 1.5 times these instruction ratios.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

KINDS = ("parse", "read", "write")
FORMATS = ("newsml", "ninjs", "nitf")
TOTALS = re.compile(r"^(?:summary|totals):\s+(\d+)", re.MULTILINE)


def batch(work: Callable[[], object], calls: int) -> None:
    """Run ``work`` ``calls`` times inside one ``functools.reduce`` call: one callgrind dump."""
    functools.reduce(lambda _, __: work(), range(calls + 1))


def documents(format_name: str) -> dict[str, tuple[bytes, str]]:
    """The documents the format's wall-clock benchmark times, each with its write format."""
    if format_name == "ninjs":
        from bench_ninjs import documents as ninjs_documents

        return ninjs_documents()
    if format_name == "nitf":
        from bench_nitf import _documents as nitf_documents

        return {name: (data, "nitf") for name, data in nitf_documents()}
    from run import documents as newsml_documents

    return {name: (data, "newsml") for name, data in newsml_documents().items()}


def child(format_name: str, calls: int) -> None:
    """The measured process: one batch per document and kind, in a fixed order."""
    import json
    import warnings

    from lxml import etree

    import newsdoc

    warnings.simplefilter("ignore")  # what NITF cannot hold is reported, every call
    parse: Callable[[bytes], object] = json.loads if format_name == "ninjs" else etree.fromstring
    for data, written_as in documents(format_name).values():
        article = newsdoc.read(data, format=format_name)
        newsdoc.write(article, written_as)
        parse(data)
        batch(lambda data=data: parse(data), calls)
        batch(lambda data=data: newsdoc.read(data, format=format_name), calls)
        batch(lambda a=article, name=written_as: newsdoc.write(a, name), calls)


def measure(format_name: str, calls: int) -> dict[str, dict[str, float]]:
    """Instructions per call, by document and kind, from one callgrind run of :func:`child`."""
    names = list(documents(format_name))
    with tempfile.TemporaryDirectory(prefix="newsdoc-callgrind-") as workdir:
        out = Path(workdir) / "callgrind.out"
        command = [
            "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}.%p",
            "--zero-before=functools_reduce", "--dump-after=functools_reduce",
            "--dump-instr=no", "--compress-strings=no",
            sys.executable, __file__, "--child", "--calls", str(calls), "--format", format_name,
        ]  # fmt: skip
        environment = dict(os.environ, PYTHONHASHSEED="0")
        subprocess.run(command, check=True, env=environment, capture_output=True)
        dumps = sorted(
            (path for path in Path(workdir).iterdir() if re.search(r"\.\d+\.\d+$", path.name)),
            key=lambda path: int(path.name.rsplit(".", 1)[1]),
        )
        found = [TOTALS.search(path.read_text()) for path in dumps]
        counts = [int(match.group(1)) for match in found if match]
    wanted = len(names) * len(KINDS)
    if len(counts) < wanted:
        raise SystemExit(f"expected {wanted} callgrind dumps, found {len(counts)}")
    # Any reduce calls made while importing come first; the batches are the last dumps.
    counts = counts[-wanted:]
    per_call: dict[str, dict[str, float]] = {}
    for index, name in enumerate(names):
        taken = counts[index * len(KINDS) : (index + 1) * len(KINDS)]
        per_call[name] = {kind: count / calls for kind, count in zip(KINDS, taken, strict=True)}
    return per_call


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=3, help="calls per batch (default 3)")
    parser.add_argument("--format", choices=FORMATS, default="newsml", help="default newsml")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        child(options.format, options.calls)
        return 0
    per_call = measure(options.format, options.calls)
    header = f"{'parse kI':>9} {'read kI':>9} {'read×':>6} {'write kI':>9} {'write×':>6}"
    print(f"{'document':<55} {header}")
    reads, writes = [], []
    for name, counts in per_call.items():
        read, write = counts["read"] / counts["parse"], counts["write"] / counts["parse"]
        reads.append(read)
        writes.append(write)
        print(
            f"{name[:55]:<55} {counts['parse'] / 1000:>9.0f} {counts['read'] / 1000:>9.0f} "
            f"{read:>6.2f} {counts['write'] / 1000:>9.0f} {write:>6.2f}"
        )
    print(f"read:  median {statistics.median(reads):.2f}×, worst {max(reads):.2f}×")
    print(f"write: median {statistics.median(writes):.2f}×, worst {max(writes):.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
