"""Coverage-guided fuzzing of newsdoc's readers with atheris (a test-only tool, not run in CI).

Usage::

    pip install atheris
    python tests/fuzz/fuzz_readers.py newsml -max_total_time=600 -artifact_prefix=crash-
    python tests/fuzz/fuzz_readers.py json -runs=100000
    python tests/fuzz/fuzz_readers.py text --findings /tmp/findings -max_total_time=600

The first argument names the reader (every registered format); ``--findings DIR`` keeps
going past broken promises, saving one input per distinct kind of failure in DIR with the
failure beside it; the rest go to libFuzzer.
The corpus is seeded with every test document of the project and kept in
``tests/fuzz/corpus/<format>/`` (not committed), so later runs continue where earlier ones
stopped. Each input is checked by :func:`promises.check`; a broken promise stops the run and
libFuzzer saves the input as ``crash-…``: add it to ``tests/data/regressions/`` with a test.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
TESTS = HERE.parent
sys.path.insert(0, str(HERE))

import atheris  # noqa: E402

with atheris.instrument_imports(include=["newsdoc"]):
    from promises import FORMATS, BrokenPromiseError, check

    import newsdoc
    import newsdoc.extract

    for info in newsdoc.formats():  # format modules load lazily: instrument them now
        info.load()


def seeds() -> list[Path]:
    """Every document the test suite holds, for every reader: any reader may get any bytes."""
    suffixes = {".txt", ".xml", ".json", ".jsonl", ".ninjs"}
    return sorted(
        path
        for path in (TESTS / "data").rglob("*")
        if path.is_file() and path.suffix in suffixes and "labelled" not in path.parts
    )


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] not in FORMATS:
        sys.stderr.write(
            f"usage: {argv[0]} FORMAT [libFuzzer options]; FORMAT: {', '.join(FORMATS)}\n"
        )
        return 2
    format_name, options = argv[1], argv[2:]
    findings: Path | None = None
    if "--findings" in options:
        at = options.index("--findings")
        findings = Path(options[at + 1])
        findings.mkdir(parents=True, exist_ok=True)
        del options[at : at + 2]
    corpus = HERE / "corpus" / format_name
    if not corpus.exists():
        corpus.mkdir(parents=True)
        for number, path in enumerate(seeds()):
            (corpus / f"seed-{number:03d}{path.suffix}").write_bytes(path.read_bytes())

    def one_input(data: bytes) -> None:
        if findings is None:
            check(data, format_name)
            return
        try:
            check(data, format_name)
        except BrokenPromiseError as exc:
            _record(findings, data, str(exc))

    atheris.Setup([argv[0], *options, str(corpus)], one_input)
    atheris.Fuzz()
    return 0


def _record(findings: Path, data: bytes, failure: str) -> None:
    """Keep the first (and then the shortest) input for each kind of failure."""
    kind = re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "_", failure)  # names and numbers vary
    name = hashlib.sha1(kind.encode(), usedforsecurity=False).hexdigest()[:12]
    sample = findings / f"{name}.input"
    if not sample.exists() or len(data) < sample.stat().st_size:
        sample.write_bytes(data)
        (findings / f"{name}.txt").write_text(failure + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
