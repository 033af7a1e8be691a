"""Converting an archive to JSON Lines: files per second, speed-up with cores, peak memory.

Run: python benchmarks/bench_batch.py [--quick] [--repeat N]

Generates an archive of small items (a third each of plain text with a quote to extract,
NewsML-G2 news items and ninjs documents, 100 to a folder) and converts its first 1,000
and then all 10,000 files to one JSON Lines file with ``newsdoc convert ARCHIVE -o
corpus.jsonl -j N``, for ``-j 1`` and ``-j 2``, each run in a fresh process,
``--repeat`` times (3) taking turns. It prints, for each, the quickest run's wall time
and files per second (a shared machine only ever adds time), every run's time, and the
peak resident memory of the largest process (the command or one of its workers); then
the speed-up of ``-j 2`` over ``-j 1`` and that speed-up per core, against the target of
0.8 × linear; then the growth of peak memory from 1,000 to 10,000 files (target: none to
speak of); and last, the same conversion as a shell loop of one ``newsdoc convert``
process per file, on a sample, for comparison.

``--quick`` uses 100 and 400 files and a sample of 5, to check that it runs. The numbers
depend on the machine and its load: on a machine shared with other work, the speed-up
is what the spare cores allow.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import newsdoc
from newsdoc import Article

FOLDER_SIZE = 100
# Runs the command line in this process and reports the peak memory of the process and
# of its largest (waited-for) descendant, in KiB, as Linux counts them. The process's own
# peak is its memory map's high-water mark (VmHWM): ru_maxrss would carry over the peak of
# the benchmark process that started it, which Linux keeps across exec.
RUNNER = """
import json, resource, sys
from newsdoc.cli import main
status = main(sys.argv[1:])
with open("/proc/self/status") as status_file:
    own = next(int(line.split()[1]) for line in status_file if line.startswith("VmHWM:"))
peak = max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"status": status, "peak_kib": peak}))
"""


def generate(root: Path, count: int) -> list[Path]:
    """Write ``count`` small items under ``root``; return their paths in walk order."""
    paths = []
    for number in range(count):
        folder = root / f"{number // FOLDER_SIZE:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        if number % 3 == 1:
            path = folder / f"{number:05d}.txt"
            path.write_text(
                f"Ministers meet on budget {number}\n"
                f"BAGHDAD — The finance minister said on Monday that talks on item {number} "
                "would resume in March.\n"
                '"We are close to a deal," a spokesman told reporters.'
            )
        else:
            article = Article(
                id=f"urn:example:{number}",
                headline=f"Markets close higher {number}",
                lead=(f"Shares rose for the {number}th session.",),
            )
            # ninjs shares the .json suffix with newsdoc JSON: its content tells them apart.
            path = folder / (f"{number:05d}.xml" if number % 3 == 0 else f"{number:05d}.json")
            path.write_text(newsdoc.write(article, "newsml" if number % 3 == 0 else "ninjs"))
        paths.append(path)
    return paths


def convert(archive: Path, output: Path, jobs: int) -> tuple[float, int]:
    """Seconds and peak KiB of one ``newsdoc convert`` of ``archive`` to JSON Lines."""
    command = [sys.executable, "-c", RUNNER, "convert", str(archive), "-o", str(output)]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "-q", "-j", str(jobs)], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    report = json.loads(done.stdout.splitlines()[-1])
    if report["status"] != 0:
        raise RuntimeError(done.stderr)
    return seconds, int(report["peak_kib"])


def shell_loop(paths: Sequence[Path], output: Path) -> float:
    """Seconds for one ``newsdoc convert`` process per file, as a shell loop runs them."""
    newsdoc_command = shlex.join([sys.executable, "-m", "newsdoc"])
    files = " ".join(shlex.quote(str(path)) for path in paths)
    script = f'for f in {files}; do {newsdoc_command} convert "$f" -t jsonl; done > '
    started = time.perf_counter()
    subprocess.run(["sh", "-c", script + shlex.quote(str(output))], check=True)
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small archive, to check it runs")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of each conversion, -j1 and -j2 taking turns; the quickest counts (3)",
    )
    args = parser.parse_args(argv)
    sizes, sample = ((100, 400), 5) if args.quick else ((1_000, 10_000), 20)
    with tempfile.TemporaryDirectory(prefix="newsdoc-bench-") as scratch:
        root = Path(scratch)
        paths = generate(root / "all", sizes[-1])
        archives = {sizes[-1]: root / "all"}
        for size in sizes[:-1]:  # the first files of the archive, in their own tree
            for path in paths[:size]:
                target = root / f"first{size}" / path.relative_to(root / "all")
                target.parent.mkdir(parents=True, exist_ok=True)
                os.link(path, target)
            archives[size] = root / f"first{size}"
        print(f"{'files':>7} {'-j':>3} {'seconds':>8} {'files/s':>8} {'peak MiB':>9}")
        rates: dict[tuple[int, int], float] = {}
        peaks: dict[tuple[int, int], float] = {}
        for size in sizes:
            runs: dict[int, list[float]] = {1: [], 2: []}
            for _ in range(args.repeat):
                for jobs in (1, 2):
                    output = root / f"corpus-{size}-{jobs}.jsonl"
                    seconds, peak = convert(archives[size], output, jobs)
                    lines = output.read_bytes().count(b"\n")
                    if lines != size:
                        raise RuntimeError(f"{output} holds {lines} articles, not {size}")
                    runs[jobs].append(seconds)
                    peaks[size, jobs] = max(peaks.get((size, jobs), 0.0), peak / 1024)
            for jobs in (1, 2):
                seconds = min(runs[jobs])
                rates[size, jobs] = size / seconds
                print(
                    f"{size:>7} {jobs:>3} {seconds:>8.2f} {rates[size, jobs]:>8.0f} "
                    f"{peaks[size, jobs]:>9.1f}   (runs: "
                    + ", ".join(f"{run:.2f}" for run in runs[jobs])
                    + ")"
                )
        largest, smallest = sizes[-1], sizes[0]
        speedup = rates[largest, 2] / rates[largest, 1]
        per_core = speedup / 2
        verdict = "PASS" if per_core >= 0.8 else "FAIL"
        print(
            f"speed-up: -j2 is {speedup:.2f}× -j1 at {largest} files, {per_core:.2f}× linear "
            f"per core (target ≥ 0.80×, {os.cpu_count()} cores, load "
            f"{os.getloadavg()[0]:.1f}): {verdict}"
        )
        for jobs in (1, 2):
            growth = peaks[largest, jobs] - peaks[smallest, jobs]
            print(
                f"memory -j{jobs}: peak {peaks[smallest, jobs]:.1f} MiB at {smallest} files, "
                f"{peaks[largest, jobs]:.1f} MiB at {largest} ({growth:+.1f} MiB)"
            )
        seconds = shell_loop(paths[:sample], root / "loop.jsonl")
        loop_rate = sample / seconds
        print(
            f"shell loop: {sample} files in {seconds:.2f} s, {loop_rate:.1f} files/s; "
            f"one process for all is {rates[largest, 1] / loop_rate:.0f}× faster with -j1"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
