"""newsdoc's NewsML-G2 benchmark: python benchmarks/run.py [--quick]

For every IPTC text sample and for the Al Asad article written as NewsML-G2, it times
newsdoc's reader and writer and prints each as a ratio to a bare ``lxml.etree.fromstring``
of the same bytes, measured in the same run. It also measures the memory one Article
retains, the time ``import newsdoc`` takes, and, where they are installed, the same reads and
writes by the ``newsmlg2`` package and by xsdata bindings generated from the shipped schema.

Targets: read <= 8x the bare parse for the worst document and <= 6x for the median one,
write <= 8x; <= 20 KB retained per Article; import <= 60 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

import newsdoc

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "newsml"
SCHEMA = ROOT / "src" / "newsdoc" / "formats" / "newsml" / "schema"
TEXT_SAMPLES = (
    "LISTING_1_A_NewsML-G2_News_Item.xml",
    "LISTING_2_NewsML-G2_Text_Document.xml",
    "LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml",
    "LISTING_21_A_complete_sample_SportsML-G2_document.xml",
    "LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
    "LISTING_27_Company_Financial_Information.xml",
    "LISTING_29_Hop_History.xml",
    "Receiver_View.xml",
    "facet-example.xml",
    "facet-example-2.xml",
    "facet-example-3.xml",
)
TARGETS = {
    "read": 8.0,
    "read_median": 6.0,
    "write": 8.0,
    "kib_per_article": 20.0,
    "import_ms": 60.0,
}


def best_seconds(work: Callable[[], object], repeats: int, rounds: int) -> float:
    """The best time of ``rounds`` rounds of ``repeats`` calls, per call."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(repeats):
            work()
        best = min(best, (time.perf_counter() - started) / repeats)
    return best


def documents() -> dict[str, bytes]:
    docs = {name: (SAMPLES / name).read_bytes() for name in TEXT_SAMPLES}
    al_asad = newsdoc.read(ROOT / "examples" / "al_asad.txt")
    docs["al_asad (newsdoc)"] = newsdoc.write(al_asad, "newsml").encode("utf-8")
    return docs


def peers() -> dict[str, tuple[Callable[[bytes], Any], Callable[[Any], Any]]]:
    """Read and write functions of the peers that are installed."""
    found: dict[str, tuple[Callable[[bytes], Any], Callable[[Any], Any]]] = {}
    try:
        newsmlg2 = importlib.import_module("NewsMLG2")
    except ImportError:
        print("peer newsmlg2: not installed (pip install newsmlg2)")
    else:
        found["newsmlg2"] = (
            lambda data: newsmlg2.NewsMLG2Document(filename_or_string=data),
            lambda document: document.to_xml(),
        )
    xsdata = xsdata_peer()
    if xsdata is not None:
        found["xsdata"] = xsdata
    return found


def xsdata_peer() -> tuple[Callable[[bytes], Any], Callable[[Any], Any]] | None:
    try:
        parsers = importlib.import_module("xsdata.formats.dataclass.parsers")
        handlers = importlib.import_module("xsdata.formats.dataclass.parsers.handlers")
        serializers = importlib.import_module("xsdata.formats.dataclass.serializers")
    except ImportError:
        print("peer xsdata: not installed (pip install 'xsdata[cli,lxml]')")
        return None
    workdir = Path(tempfile.mkdtemp(prefix="newsdoc-bench-"))
    for schema in SCHEMA.glob("*.xsd"):
        (workdir / schema.name).write_bytes(schema.read_bytes())
    environment = dict(
        os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    )
    generated = subprocess.run(
        [sys.executable, "-m", "xsdata", "generate", "NewsML-G2_2.35-spec-All-Power.xsd",
         "--package", "g2bindings"],
        cwd=workdir, capture_output=True, env=environment, check=False, timeout=600,
    )  # fmt: skip
    if not (workdir / "g2bindings" / "__init__.py").exists():
        print(f"peer xsdata: binding generation failed ({generated.stderr[-200:]!r})")
        return None
    sys.path.insert(0, str(workdir))
    bindings = importlib.import_module("g2bindings")
    parser = parsers.XmlParser(handler=handlers.LxmlEventHandler)
    serializer = serializers.XmlSerializer()
    return (
        lambda data: parser.from_bytes(data, bindings.NewsItem),
        serializer.render,
    )


def retained_kib_per_article(data: bytes, count: int) -> float:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = [newsdoc.read(data, format="newsml") for _ in range(count)]
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert len(kept) == count
    return (after - before) / count / 1024


def import_ms(runs: int) -> tuple[float, float]:
    """Milliseconds that ``import newsdoc`` and ``import attrs`` add to a bare start.

    Installed packages import from cached bytecode, so the runs may write it (some
    environments forbid that with PYTHONDONTWRITEBYTECODE) and a first, untimed run does.
    The runs of the three alternate, so a slow spell of the machine hits all alike.
    """
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=environment)
        return time.perf_counter() - started

    timings: dict[str, list[float]] = {"pass": [], "import newsdoc": [], "import attrs": []}
    for code in timings:
        run(code)
    for _ in range(runs):
        for code, times in timings.items():
            times.append(run(code))
    bare, loaded, attrs_only = (statistics.median(times) for times in timings.values())
    return max(loaded - bare, 0.0) * 1000, max(attrs_only - bare, 0.0) * 1000


def newsdoc_seconds(data: bytes, repeats: int, rounds: int) -> tuple[float, float, float]:
    """Seconds per bare lxml parse, newsdoc read and newsdoc write of one document.

    The three are timed in turn within each round, so a slow spell of a shared machine
    slows all three alike instead of skewing their ratios; each keeps its best round.
    """
    article = newsdoc.read(data, format="newsml")
    work: list[Callable[[], object]] = [
        lambda: etree.fromstring(data),
        lambda: newsdoc.read(data, format="newsml"),
        lambda: newsdoc.write(article, "newsml"),
    ]
    best = [float("inf")] * len(work)
    for _ in range(rounds):
        for index, call in enumerate(work):
            best[index] = min(best[index], best_seconds(call, repeats, 1))
    bare, read, write = best
    return bare, read, write


def peer_ratios(
    peer_read: Callable[[bytes], Any],
    peer_write: Callable[[Any], Any],
    data: bytes,
    bare: float,
    *,
    repeats: int,
    rounds: int,
) -> str:
    """A peer's read and write times as ratios to the bare parse, formatted for the table."""
    # Peers are much slower, so fewer calls per round keep the run short; newsmlg2 prints a
    # warning per remote catalog it meets, which would bury the table.
    repeats = max(repeats // 10, 1)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            parsed = peer_read(data)
            read = best_seconds(lambda: peer_read(data), repeats, rounds) / bare
            write = best_seconds(lambda: peer_write(parsed), repeats, rounds) / bare
    except Exception as exc:  # noqa: BLE001 - a peer failing is a result to print
        return f" {'fails: ' + type(exc).__name__:>25}"
    return f" {read:12.1f} {write:12.1f}"


def text_format_microseconds(repeats: int, rounds: int) -> tuple[float, float]:
    """newsdoc's plain-text read and write of the Al Asad article, in µs per call."""
    data = (ROOT / "examples" / "al_asad.txt").read_bytes()
    article = newsdoc.read(data, format="text")
    read = best_seconds(lambda: newsdoc.read(data, format="text"), repeats, rounds)
    write = best_seconds(lambda: newsdoc.write(article, "text"), repeats, rounds)
    return read * 1e6, write * 1e6


def report(label: str, measured: str, value: float, target: float, unit: str) -> None:
    """Print one measurement with its target and PASS or FAIL."""
    verdict = "PASS" if value <= target else "FAIL"
    print(f"{label + ':':7} {measured} (target ≤ {target:.0f}{unit}) {verdict}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="newsdoc's NewsML-G2 benchmark")
    parser.add_argument("--quick", action="store_true", help="few repeats, to check it runs")
    parser.add_argument("--no-peers", action="store_true", help="skip newsmlg2 and xsdata")
    args = parser.parse_args(argv)
    repeats, rounds = (3, 2) if args.quick else (40, 25)
    found = {} if args.no_peers else peers()

    header = f"{'document':42} {'KiB':>5} {'lxml µs':>8} {'read×':>6} {'write×':>7}"
    header += "".join(f" {name + ' r×':>12} {name + ' w×':>12}" for name in found)
    print(header)
    read_ratios, write_ratios = [], []
    for name, data in documents().items():
        bare, read, write = newsdoc_seconds(data, repeats, rounds)
        read_ratios.append(read / bare)
        write_ratios.append(write / bare)
        row = f"{name[:42]:42} {len(data) / 1024:5.1f} {bare * 1e6:8.1f}"
        row += f" {read / bare:6.1f} {write / bare:7.1f}"
        for peer_read, peer_write in found.values():
            row += peer_ratios(peer_read, peer_write, data, bare, repeats=repeats, rounds=rounds)
        print(row)

    worst_read, worst_write = max(read_ratios), max(write_ratios)
    memory = retained_kib_per_article(
        (SAMPLES / TEXT_SAMPLES[1]).read_bytes(), 100 if args.quick else 1000
    )
    startup, attrs_startup = import_ms(3 if args.quick else 15)
    text_read, text_write = text_format_microseconds(repeats, rounds)
    print()
    median_read = statistics.median(read_ratios)
    median_verdict = "met" if median_read <= TARGETS["read_median"] else "missed"
    report(
        "read",
        f"median {median_read:.1f}× (target ≤ {TARGETS['read_median']:.0f}×, {median_verdict}), "
        f"worst {worst_read:.1f}× the bare parse",
        worst_read,
        TARGETS["read"],
        "×",
    )
    report(
        "write",
        f"median {statistics.median(write_ratios):.1f}×, worst {worst_write:.1f}× the bare parse",
        worst_write,
        TARGETS["write"],
        "×",
    )
    report(
        "memory",
        f"{memory:.1f} KiB retained per Article of {TEXT_SAMPLES[1]}",
        memory,
        TARGETS["kib_per_article"],
        " KiB",
    )
    measured = f"{startup:.0f} ms for import newsdoc, of which attrs alone {attrs_startup:.0f} ms"
    report("import", measured, startup, TARGETS["import_ms"], " ms")
    print(f"text:   al_asad.txt read {text_read:.0f} µs, write {text_write:.0f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
