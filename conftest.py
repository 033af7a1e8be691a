"""Run every code example of README.md and docs/*.md as a test, with Sybil.

Each page runs in its own namespace, in a fresh temporary folder holding a copy of
``examples/`` (and a link to ``tests/``, which pages read from but never write to), as a
reader who follows the page from a checkout would: paths such as ``examples/al_asad.txt``
resolve, and what an example writes does not land in the checkout.

- A ```` ```python ```` block runs; one that starts with ``>>>`` is a doctest and its output
  must match.
- A ```` ```console ```` block runs each ``$`` command with bash; the lines up to the next
  ``$`` are its expected standard output followed by its standard error, where ``...``
  stands for any text and runs of white space compare equal.
- Other blocks (``sh`` set-up commands, ``text``, ``json``, ``xml``) are shown, not run.
"""

from __future__ import annotations

import doctest
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sybil import Document, Example, Region, Sybil
from sybil.parsers.abstract.lexers import LexerCollection
from sybil.parsers.markdown.lexers import FencedCodeBlockLexer
from sybil.parsers.myst import PythonCodeBlockParser, SkipParser

ROOT = Path(__file__).parent
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
_CHECKER = doctest.OutputChecker()


def _commands(source: str) -> list[tuple[str, str]]:
    """The ``$`` commands of a console block, each with the output shown after it."""
    commands: list[tuple[str, list[str]]] = []
    for line in source.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands:
            commands[-1][1].append(line)
    return [(command, "".join(f"{line}\n" for line in shown)) for command, shown in commands]


def _run_console(example: Example) -> str | None:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = "100"
    for command, expected in example.parsed:
        done = subprocess.run(  # noqa: S603 - the commands are the documentation's own
            ["bash", "-c", command],  # noqa: S607
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=120,
            check=False,
        )
        got = done.stdout + done.stderr
        if not _CHECKER.check_output(expected, got, _FLAGS):
            return f"$ {command}\nexpected:\n{expected}got (exit status {done.returncode}):\n{got}"
    return None


class ConsoleParser:
    """Finds ```` ```console ```` blocks and runs their commands."""

    def __init__(self) -> None:
        self.lexers = LexerCollection([FencedCodeBlockLexer(language="console")])

    def __call__(self, document: Document) -> Iterable[Region]:
        """The regions of ``document``'s console blocks."""
        for region in self.lexers(document):
            region.parsed = _commands(region.lexemes["source"])
            region.evaluator = _run_console
            yield region


class ReportingPythonParser(PythonCodeBlockParser):
    """Python blocks whose exceptions are reported as failures with their traceback."""

    def __call__(self, document: Document) -> Iterable[Region]:
        """The regions of ``document``'s Python blocks."""
        for region in super().__call__(document):
            region.evaluator = _reporting(region.evaluator)
            yield region


def _reporting(evaluator: Any) -> Any:
    def evaluate(example: Example) -> str | None:
        try:
            return evaluator(example)  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001 - every failure of an example is reported as one
            return traceback.format_exc()

    return evaluate


def _enter_examples(namespace: dict[str, Any]) -> None:
    """Work in a temporary copy of the shipped examples, as from a fresh checkout."""
    folder = Path(tempfile.mkdtemp(prefix="newsdoc-docs-"))
    shutil.copytree(ROOT / "examples", folder / "examples")
    (folder / "tests").symlink_to(ROOT / "tests", target_is_directory=True)  # read, not written
    namespace["_docs_folder"] = folder
    namespace["_docs_cwd"] = Path.cwd()
    os.chdir(folder)


def _leave_examples(namespace: dict[str, Any]) -> None:
    os.chdir(namespace["_docs_cwd"])
    shutil.rmtree(namespace["_docs_folder"], ignore_errors=True)


_collect_examples = Sybil(
    parsers=[
        ReportingPythonParser(doctest_optionflags=_FLAGS),
        ConsoleParser(),
        SkipParser(),
    ],
    patterns=["README.md", "docs/*.md"],
    setup=_enter_examples,
    teardown=_leave_examples,
).pytest()


def pytest_collect_file(file_path: Path, parent: Any) -> Any:
    """README.md and the pages of docs/, not the README files of the test data."""
    if file_path.parent in (ROOT, ROOT / "docs"):
        return _collect_examples(file_path, parent)
    return None
