"""What extraction costs on hostile plain text, and how that cost grows.

Run: python benchmarks/bench_extract_adversarial.py [--quick]

For each adversarial paragraph (see ``TEXTS``) at 10 KB, 100 KB and 1 MB, a fresh child
process reads it with ``newsdoc.read(..., format="text")`` (which extracts attributions and
events) and writes the Article as newsdoc JSON. It prints the seconds of each step, the
size of the JSON, how many spans extraction reported, and the child's peak resident memory
(``ru_maxrss``) with, beside it, the growth over the peak before reading. Below each text,
the ratios of 1 MB to 100 KB, taken within the same run: about 10 means linear growth.
``--quick`` uses 2 KB and 20 KB, to check that the script runs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

import newsdoc

SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (2_000, 20_000)
_NAMES = (
    "Ahmed Khan", "Maria Lopez", "Iran", "Baghdad", "the Pentagon", "Anbar province",
    "Elena Rossi", "Iraqi security forces", "Al Asad Airbase", "US Central Command",
)  # fmt: skip
_CLAUSES = (
    "{0} met {1} in {2} after the strike",
    "{0} said the talks with {1} had stalled",
    "officials from {0} and {1} signed the agreement on Monday",
    "{0} told reporters that {1} would respond",
    "the withdrawal from {0} left {1} in charge",
    "according to {0}, {1} declined to comment",
)


def _cycle(pieces: Callable[[int], str], size: int) -> str:
    """Pieces ``pieces(0)``, ``pieces(1)`` … joined up to ``size`` characters."""
    parts: list[str] = []
    total = 0
    for index in itertools.count():
        piece = pieces(index)
        parts.append(piece)
        total += len(piece)
        if total >= size:
            return "".join(parts)[:size].rstrip()
    raise AssertionError  # pragma: no cover - count() never ends


def no_full_stops(size: int) -> str:
    """Comma-separated clauses full of names, triggers, cues and dates, never a full stop."""

    def clause(index: int) -> str:
        template = _CLAUSES[index % len(_CLAUSES)]
        names = (_NAMES[(index + shift) % len(_NAMES)] for shift in (0, 3, 7))
        return template.format(*names) + ", "

    return _cycle(clause, size)


def one_quotation(size: int) -> str:
    """A single quotation as long as the text, then its speaker."""
    inner = _cycle(lambda _: "the strike on Monday was a disaster for Baghdad, ", size - 40)
    return f"“{inner}” the minister said."


def capitalised_names(size: int) -> str:
    """Thousands of capitalised names, with a trigger now and then."""
    return _cycle(
        lambda index: (
            f"{_NAMES[index % len(_NAMES)].title()} Group"
            + (" attacked " if index % 50 == 0 else ", ")
        ),
        size,
    )


def nested_quotes(size: int) -> str:
    """Quotations opened inside quotations, never closed."""
    return _cycle(lambda _: "“He said “she told them “", size)


def only_cues(size: int) -> str:
    """Nothing but reporting verbs."""
    return _cycle(lambda _: "said told ", size)


def only_weekdays(size: int) -> str:
    """Nothing but weekday names."""
    return _cycle(lambda _: "Monday Tuesday Wednesday ", size)


TEXTS: dict[str, Callable[[int], str]] = {
    "no full stops": no_full_stops,
    "one quotation": one_quotation,
    "capitalised names": capitalised_names,
    "nested quotes": nested_quotes,
    "said/told only": only_cues,
    "weekdays only": only_weekdays,
}


def measure(name: str, size: int) -> dict[str, float]:
    """Read and write one text in this process; what it cost."""
    warm_up = newsdoc.read(b"The minister said the strike ended on Monday.", format="text")
    newsdoc.write(warm_up, "json")  # so that no import or first-use cost is timed
    data = TEXTS[name](size).encode("utf-8")
    before = _peak_rss_kib()
    started = time.perf_counter()
    article = newsdoc.read(data, format="text")
    read = time.perf_counter() - started
    started = time.perf_counter()
    written = newsdoc.write(article, "json")
    write = time.perf_counter() - started
    spans = sum(len(tuple(a.spans())) for a in article.attributions) + sum(
        len(tuple(e.spans())) for e in article.events
    )
    return {
        "read": read,
        "write": write,
        "json_mb": len(written.encode("utf-8")) / 1e6,
        "spans": spans,
        "peak_mb": _peak_rss_kib() / 1024,
        "growth_mb": (_peak_rss_kib() - before) / 1024,
    }


def _peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _in_child(name: str, size: int) -> dict[str, float]:
    """:func:`measure` in a fresh interpreter, so that its peak memory is its own."""
    output = subprocess.run(
        [sys.executable, __file__, "--child", name, str(size)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(output)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, to check it runs")
    parser.add_argument("--child", nargs=2, metavar=("TEXT", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]))))
        return 0
    sizes = QUICK_SIZES if args.quick else SIZES
    print(
        f"{'text':18} {'bytes':>9} {'read s':>8} {'write s':>8} {'JSON MB':>8} {'spans':>9} "
        f"{'peak MB':>8} {'growth MB':>9}"
    )
    for name in TEXTS:
        results = {size: _in_child(name, size) for size in sizes}
        for size, got in results.items():
            print(
                f"{name:18} {size:9} {got['read']:8.3f} {got['write']:8.3f} {got['json_mb']:8.2f} "
                f"{got['spans']:9.0f} {got['peak_mb']:8.1f} {got['growth_mb']:9.1f}"
            )
        small, large = results[sizes[-2]], results[sizes[-1]]
        print(
            f"{'':18} {'ratio':>9} {_ratio(large['read'], small['read']):>8} "
            f"{_ratio(large['write'], small['write']):>8} "
            f"{_ratio(large['json_mb'], small['json_mb']):>8} "
            f"{_ratio(large['spans'], small['spans']):>9} {'':>8} "
            f"{_ratio(large['growth_mb'], small['growth_mb']):>9}"
        )
    print(
        f"ratio = {sizes[-1]:,} bytes / {sizes[-2]:,} bytes, measured in this run; "
        f"about {sizes[-1] // sizes[-2]} means linear"
    )
    return 0


def _ratio(large: float, small: float) -> str:
    return f"{large / small:.1f}" if small > 0 else "-"


if __name__ == "__main__":
    sys.exit(main())
