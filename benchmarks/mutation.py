"""Mutation testing of newsdoc's modules: how many planted mistakes do the tests catch?

Run from the repository root with the project's environment and the ``mutation`` extra
(``pip install -e '.[test,mutation]'``)::

    python benchmarks/mutation.py                 # every module below, one after the other
    python benchmarks/mutation.py model timex     # only these
    python benchmarks/mutation.py --show text     # also print each survivor's diff
    python benchmarks/mutation.py --keep model    # keep the mutated copy, then after new tests:
    python benchmarks/mutation.py --again model   # re-check only its survivors

For each module, mutmut plants mistakes (mutants) in a copy of the project under
``.mutation/<module>/`` and runs only that module's own tests against each one, with one
worker under ``nice``. mutmut forks its workers from a process that has already imported
newsdoc and the tests, so a mutant in code that runs at import time (a validator factory
called in a class body, a converter made at module level, an object that a test module
builds when it is imported) was not active for what was built then, and may look like a
survivor. So the script lists, in one fresh process that imports and collects the tests,
every function that runs before any test does, and runs each mutant of those functions that
mutmut did not kill again in a fresh ``python -m pytest`` process, with the mutant active
from the first import. A mutant of any other function was active in every call the tests
made, so mutmut's verdict on it stands, save for what the tests cache between them (the
strategies' seed article, built once before any mutant is active). ``--fresh-all``
re-checks every mutant that mutmut did not kill in a fresh process (about 20 seconds each
for the model). Fresh runs go one at a time, under ``nice``, never in parallel.

The table gives, per module: mutants, killed (a test failed or timed out), survived (every
test passed), equivalent (survivors listed in ``benchmarks/mutation_equivalents.toml``, each
with its reason: the mutant behaves exactly like the original, so no test can tell them
apart) and the score, killed / (mutants - equivalent). A listed mutant that no longer
survives, or no longer exists, is reported as stale so that the list stays reviewed.

What mutmut does not mutate: statements at module level (constants such as the heading
limits, compiled regexes, tables of month names). Tests pin those directly.

Mutants are named by function and number (``x__shown__mutmut_3``); the numbers move when
the source changes, so the equivalents file matches a mutant by its function and by the
lines it changes instead. A survivor's diff is printed by ``--show``, computed here from the
mutated copy: ``mutmut apply`` is not used, as it can patch the wrong method when several
classes of a module define ``__attrs_post_init__``.

A small module takes a few minutes on a two-core machine, a reader or a writer up to an
hour; it is not part of CI. With
``--keep`` the mutated copy stays, and ``--again`` then re-checks only the mutants that it did
not kill, against the tests as they are now: mutmut runs those mutants again (learning which
functions any new test calls; a changed test keeps the functions it was last seen to call),
then come the fresh rechecks above. A changed list of a module's test files makes mutmut run
every mutant again.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
EQUIVALENTS = Path(__file__).resolve().parent / "mutation_equivalents.toml"

MODULES: dict[str, tuple[str, tuple[str, ...]]] = {
    "model": (
        "src/newsdoc/model.py",
        (
            "tests/test_model_edges.py",
            "tests/test_model.py",
            "tests/test_model_input.py",
            "tests/test_related_concepts.py",
        ),
    ),
    "text": (
        "src/newsdoc/formats/text.py",
        ("tests/test_text_edges.py", "tests/test_text.py", "tests/test_text_properties.py"),
    ),
    "json": (
        "src/newsdoc/formats/json.py",
        ("tests/test_json_edges.py", "tests/test_json.py", "tests/test_json_hostile.py"),
    ),
    "timex": (
        "src/newsdoc/extract/timex.py",
        ("tests/test_timex_edges.py", "tests/test_timex.py"),
    ),
    "newsml-reader": (
        "src/newsdoc/formats/newsml/reader.py",
        (
            "tests/test_newsml_reader.py",
            "tests/test_newsml_writer.py",
            "tests/test_newsml_metadata.py",
            "tests/test_newsml_fragments.py",
            "tests/test_newsml_regressions.py",
            "tests/test_newsml_fuzz_findings.py",
            "tests/test_newsml_defaults.py",
            "tests/test_hostile_newsml.py",
            "tests/test_newsml_reader_edges.py",
        ),
    ),
    "newsml-writer": (
        "src/newsdoc/formats/newsml/writer.py",
        (
            "tests/test_newsml_reader.py",
            "tests/test_newsml_writer.py",
            "tests/test_newsml_metadata.py",
            "tests/test_newsml_fragments.py",
            "tests/test_newsml_regressions.py",
            "tests/test_newsml_fuzz_findings.py",
            "tests/test_newsml_defaults.py",
            "tests/test_hostile_newsml.py",
            "tests/test_newsml_writer_edges.py",
        ),
    ),
    "newsml-kept": (
        "src/newsdoc/formats/newsml/_kept.py",
        (
            "tests/test_newsml_reader.py",
            "tests/test_newsml_writer.py",
            "tests/test_newsml_metadata.py",
            "tests/test_newsml_fragments.py",
            "tests/test_newsml_regressions.py",
            "tests/test_newsml_fuzz_findings.py",
            "tests/test_newsml_defaults.py",
            "tests/test_hostile_newsml.py",
            "tests/test_newsml_kept_edges.py",
        ),
    ),
    "newsml-names": (
        "src/newsdoc/formats/newsml/_names.py",
        (
            "tests/test_newsml_reader.py",
            "tests/test_newsml_writer.py",
            "tests/test_newsml_metadata.py",
            "tests/test_newsml_fragments.py",
            "tests/test_newsml_regressions.py",
            "tests/test_newsml_fuzz_findings.py",
            "tests/test_newsml_defaults.py",
            "tests/test_hostile_newsml.py",
            "tests/test_newsml_names.py",
        ),
    ),
    "newsml-annotations": (
        "src/newsdoc/formats/newsml/_annotations.py",
        (
            "tests/test_newsml_annotations.py",
            "tests/test_newsml_reader.py",
            "tests/test_newsml_writer.py",
            "tests/test_newsml_annotations_edges.py",
        ),
    ),
    "xhtml": (
        "src/newsdoc/formats/_xhtml.py",
        (
            "tests/test_xhtml_body.py",
            "tests/test_newsml_reader.py",
            "tests/test_newsml_writer.py",
            "tests/test_xhtml_edges.py",
            "tests/test_marks.py",
            "tests/test_ninjs_body_whole.py",
            "tests/test_marks_edges.py",
        ),
    ),
    "body": (
        "src/newsdoc/formats/_body.py",
        (
            "tests/test_xhtml_body.py",
            "tests/test_nitf_body.py",
            "tests/test_body.py",
        ),
    ),
    "nitf-reader": (
        "src/newsdoc/formats/nitf/reader.py",
        (
            "tests/test_nitf_reader.py",
            "tests/test_nitf_writer.py",
            "tests/test_nitf_body.py",
            "tests/test_nitf_metadata.py",
            "tests/test_nitf_parties.py",
            "tests/test_nitf_reader_edges.py",
        ),
    ),
    "nitf-writer": (
        "src/newsdoc/formats/nitf/writer.py",
        (
            "tests/test_nitf_reader.py",
            "tests/test_nitf_writer.py",
            "tests/test_nitf_body.py",
            "tests/test_nitf_metadata.py",
            "tests/test_nitf_parties.py",
            "tests/test_nitf_writer_body_edges.py",
            "tests/test_nitf_writer_document_edges.py",
        ),
    ),
    "nitf-body": (
        "src/newsdoc/formats/_nitf_body.py",
        (
            "tests/test_nitf_reader.py",
            "tests/test_nitf_writer.py",
            "tests/test_nitf_body.py",
            "tests/test_nitf_metadata.py",
            "tests/test_nitf_parties.py",
            "tests/test_nitf_body_edges.py",
            "tests/test_nitf_body_structure.py",
        ),
    ),
    "nitf-creators": (
        "src/newsdoc/formats/nitf/_creators.py",
        (
            "tests/test_nitf_reader.py",
            "tests/test_nitf_writer.py",
            "tests/test_nitf_body.py",
            "tests/test_nitf_metadata.py",
            "tests/test_nitf_parties.py",
            "tests/test_related_concepts.py",
            "tests/test_nitf_creators_edges.py",
        ),
    ),
    "ninjs-reader": (
        "src/newsdoc/formats/ninjs/reader.py",
        (
            "tests/test_ninjs.py",
            "tests/test_ninjs_hostile.py",
            "tests/test_ninjs_metadata.py",
            "tests/test_ninjs_parties.py",
            "tests/test_ninjs_reader_edges.py",
            "tests/test_ninjs_body_whole.py",
        ),
    ),
    "ninjs-writer": (
        "src/newsdoc/formats/ninjs/writer.py",
        (
            "tests/test_ninjs.py",
            "tests/test_ninjs_hostile.py",
            "tests/test_ninjs_metadata.py",
            "tests/test_ninjs_parties.py",
            "tests/test_ninjs_writer_edges.py",
        ),
    ),
    "ninjs-carrier": (
        "src/newsdoc/formats/ninjs/_carrier.py",
        (
            "tests/test_ninjs.py",
            "tests/test_ninjs_hostile.py",
            "tests/test_ninjs_metadata.py",
            "tests/test_ninjs_parties.py",
            "tests/test_ninjs_carrier_edges.py",
        ),
    ),
    "ninjs-names": (
        "src/newsdoc/formats/ninjs/_names.py",
        (
            "tests/test_ninjs.py",
            "tests/test_ninjs_hostile.py",
            "tests/test_ninjs_metadata.py",
            "tests/test_ninjs_parties.py",
            "tests/test_ninjs_names.py",
        ),
    ),
    "marks": (
        "src/newsdoc/formats/_marks.py",
        (
            "tests/test_marks.py",
            "tests/test_xhtml_body.py",
            "tests/test_xhtml_edges.py",
            "tests/test_ninjs_body_whole.py",
            "tests/test_marks_edges.py",
        ),
    ),
    "json-layer": (
        "src/newsdoc/formats/_json.py",
        (
            "tests/test_json.py",
            "tests/test_json_edges.py",
            "tests/test_json_hostile.py",
            "tests/test_jsonl.py",
            "tests/test_jsonl_edges.py",
            "tests/test_ninjs_hostile.py",
            "tests/test_json_layer_edges.py",
        ),
    ),
    "xml-parser": (
        "src/newsdoc/formats/_xml.py",
        (
            "tests/test_xml_edges.py",
            "tests/test_xml_safety.py",
            "tests/test_hostile_newsml.py",
            "tests/test_encodings.py",
            "tests/test_nitf_reader.py",
        ),
    ),
    "decode": (
        "src/newsdoc/formats/_decode.py",
        (
            "tests/test_encodings.py",
            "tests/test_text.py",
            "tests/test_json_hostile.py",
            "tests/test_decode_edges.py",
        ),
    ),
    "sniff": (
        "src/newsdoc/formats/_sniff.py",
        (
            "tests/test_formats.py",
            "tests/test_api.py",
            "tests/test_jsonl.py",
            "tests/test_sniff_edges.py",
        ),
    ),
    "jsonl": (
        "src/newsdoc/formats/jsonl.py",
        ("tests/test_jsonl.py", "tests/test_jsonl_edges.py"),
    ),
    "months": (
        "src/newsdoc/_months.py",
        (
            "tests/test_dateline.py",
            "tests/test_text.py",
        ),
    ),
    "dateline": (
        "src/newsdoc/formats/_dateline.py",
        ("tests/test_dateline.py",),
    ),
}
# Tests left out of mutation runs: this one type-checks the source with mypy, and mutmut's
# copy of the source is not typed as the source is.
DESELECTED = ("tests/test_model_input.py::test_type_checkers_see_iterables_in_and_tuples_out",)
TARGET = 0.90
KILLED_CODES = {1, 3, 24, -24, 36, 152, 255}  # a failing test, pytest's internal error, timeout
FRESH_TIMEOUT = 600  # seconds for one fresh-process run; a mutant that loops forever is killed
PROFILE = "mutation"  # derandomised hypothesis profile, so that two runs give the same table


@dataclass
class Result:
    """The outcome of one module's run."""

    name: str
    mutants: int = 0
    killed: int = 0
    survivors: list[str] = field(default_factory=list)
    equivalent: list[str] = field(default_factory=list)
    diffs: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    stale: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        counted = self.mutants - len(self.equivalent)
        return self.killed / counted if counted else 1.0


def deselect(tests: tuple[str, ...]) -> list[str]:
    return [f"--deselect={test}" for test in DESELECTED if test.partition("::")[0] in tests]


def test_support() -> list[str]:
    """The test directory's Python files that are not tests: conftest and shared documents."""
    names = sorted(f"tests/{path.name}" for path in (ROOT / "tests").glob("*.py"))
    return [name for name in names if not name.startswith("tests/test_")]


def prepare(work: Path, source: str, tests: tuple[str, ...]) -> None:
    """A fresh copy of the project in ``work``, configured to mutate ``source`` only."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    shutil.copytree(ROOT / "src", work / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(
        ROOT / "tests",
        work / "tests",
        ignore=shutil.ignore_patterns("__pycache__", "corpus", "*.py"),
    )
    for test in (*test_support(), *tests):
        shutil.copy2(ROOT / test, work / test)
    shutil.copytree(ROOT / "examples", work / "examples")
    configure(work, source, tests)


def configured_tests(work: Path) -> list[str] | None:
    """The test files mutmut was last configured to run in ``work``, if it was."""
    import tomllib  # Python 3.11 or later

    pyproject = work / "pyproject.toml"
    if not pyproject.exists():
        return None
    config = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("mutmut", {})
    selection = config.get("pytest_add_cli_args_test_selection")
    return list(selection) if isinstance(selection, list) else None


def configure(work: Path, source: str, tests: tuple[str, ...]) -> None:
    """mutmut's configuration in ``work``: mutate ``source``, run ``tests``.

    Rewritten as it was by ``--again``: a changed list of tests makes mutmut run every
    mutant again, an unchanged one keeps its verdicts.
    """
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    config = {
        "source_paths": ["src"],
        "only_mutate": [source],
        "also_copy": ["examples"],
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-q", *deselect(tests)],
        "pytest_add_cli_args_test_selection": list(tests),
        "use_git_change_detection": False,
        # A mutant that makes a test loop runs 5 times the test's normal time, not 15.
        "timeout_multiplier": 5.0,
    }
    lines = ["", "[tool.mutmut]"] + [
        f"{key} = {json.dumps(value)}" for key, value in config.items()
    ]
    (work / "pyproject.toml").write_text(pyproject + "\n".join(lines) + "\n", encoding="utf-8")


def environment(mutants: Path | None = None, mutant: str | None = None) -> dict[str, str]:
    env = dict(os.environ, HYPOTHESIS_PROFILE=PROFILE, PYTHONDONTWRITEBYTECODE="1")
    env.pop("CI", None)
    if mutants is not None:
        env["PYTHONPATH"] = str(mutants / "src")
    if mutant is not None:
        env["MUTANT_UNDER_TEST"] = mutant
    return env


def run_mutmut(work: Path, log: Path, mutants: list[str] | None = None) -> None:
    """mutmut over every mutant, or again over ``mutants`` only (appending to the log)."""
    mutmut = Path(sys.executable).with_name("mutmut")
    command = ["nice", "-n", "10", str(mutmut), "run", "--max-children", "1", *(mutants or [])]
    with log.open("a" if mutants else "w", encoding="utf-8") as out:
        done = subprocess.run(
            command, cwd=work, env=environment(), stdout=out, stderr=subprocess.STDOUT, check=False
        )
    if done.returncode != 0:
        sys.exit(f"mutmut failed (exit {done.returncode}); see {log}")


def fresh_run(work: Path, tests: tuple[str, ...], mutant: str) -> int:
    """Run the module's tests in a new process with ``mutant`` active from the start."""
    mutants = work / "mutants"
    command = ["nice", "-n", "10", sys.executable, "-m", "pytest", *tests]
    command += ["-x", "-q", "-p", "no:cacheprovider", *deselect(tests)]
    try:
        done = subprocess.run(
            command,
            cwd=mutants,
            env=environment(mutants, mutant),
            capture_output=True,
            timeout=FRESH_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return 36
    return done.returncode


PROBE = """
import json, os, sys
os.environ["MUTANT_UNDER_TEST"] = "stats"
hits = set()
import mutmut.mutation.trampoline as trampoline
trampoline.record_trampoline_hit = lambda name, caller=None: hits.add(name)
import pytest
code = pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", *sys.argv[2:]])
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"exit": int(code), "functions": sorted(hits)}, out)
"""


def import_time_functions(work: Path, tests: tuple[str, ...]) -> set[str] | None:
    """The functions that run while a fresh process imports and collects ``tests``.

    Each is named as mutmut names it in its statistics (``newsdoc.model.x__tuple_of``). The
    answer is None when the probe fails, and then every mutant gets a fresh run.
    """
    mutants = work / "mutants"
    found = work / "import-time.json"
    found.unlink(missing_ok=True)
    command = ["nice", "-n", "10", sys.executable, "-c", PROBE, str(found), *tests]
    command += deselect(tests)
    try:
        subprocess.run(
            command,
            cwd=mutants,
            env=environment(mutants),
            capture_output=True,
            timeout=FRESH_TIMEOUT,
            check=False,
        )
        probe = json.loads(found.read_text(encoding="utf-8"))
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return None
    if probe["exit"] != 0:
        return None
    return set(probe["functions"])


def function_of(mutant: str) -> str:
    """The function a mutant belongs to, as mutmut names it in its statistics."""
    return mutant.rpartition("__mutmut_")[0]


def needs_fresh_run(
    mutant: str, code: int | None, early: set[str] | None, *, fresh_all: bool
) -> bool:
    """Whether mutmut's verdict on a mutant it did not kill must be checked in a fresh process.

    mutmut's verdict stands only when it is "survived" (0) or "no tests" (33) and the mutant's
    function does not run before the tests do (``early``, from :func:`import_time_functions`).
    """
    if fresh_all or early is None or code not in (0, 33):
        return True
    return function_of(mutant) in early


def functions(path: Path) -> dict[str, str]:
    """The source of every function in the mutated file, by name (methods included)."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found: dict[str, str] = {}
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found[node.name] = "\n".join(lines[node.lineno - 1 : node.end_lineno])
    return found


def describe(mutant: str, sources: dict[str, str]) -> tuple[str, str, str]:
    """The function a mutant changes and its changed lines before and after."""
    local = mutant.rpartition(".")[2]
    original_name = local.rpartition("__mutmut_")[0]
    function = original_name.removeprefix("x_").rpartition("ǁ")[2]
    mutated = sources.get(local, "").replace(local, original_name + "__mutmut_orig")
    original = sources.get(original_name + "__mutmut_orig", "")
    before, after = [], []
    for line in difflib.ndiff(original.splitlines(), mutated.splitlines()):
        if line.startswith("- "):
            before.append(line[2:].strip())
        elif line.startswith("+ "):
            after.append(line[2:].strip())
    return function, "\n".join(before), "\n".join(after)


def load_equivalents(key: str) -> list[dict[str, str]]:
    import tomllib  # Python 3.11 or later

    if not EQUIVALENTS.exists():
        return []
    entries = tomllib.loads(EQUIVALENTS.read_text(encoding="utf-8")).get(key, [])
    for entry in entries:
        missing = {"function", "before", "after", "reason"} - set(entry)
        if missing or not entry["reason"].strip():
            sys.exit(f"{EQUIVALENTS.name}: an entry of [{key}] lacks {sorted(missing) or 'reason'}")
    return entries


def rerun(key: str, work: Path, tests: tuple[str, ...]) -> None:
    """mutmut again in a kept copy, with the current tests, over what it did not kill."""
    source = MODULES[key][0]
    mutants = work / "mutants"
    module = source.removeprefix("src/").removesuffix(".py").replace("/", ".")
    log = WORK / f"{key}.log"
    print(f"[{key}] re-checking the last run's survivors with the current tests", flush=True)
    for test in (*test_support(), *tests):
        shutil.copy2(ROOT / test, work / test)
        shutil.copy2(ROOT / test, mutants / test)
    selection = configured_tests(work)
    configure(work, source, tests)
    last: dict[str, int | None] = json.loads(
        (mutants / f"{source}.meta").read_text(encoding="utf-8")
    )["exit_code_by_key"]
    if selection != list(tests) or None in last.values():
        # mutmut forgets every verdict when the tests change (an interrupted run may have
        # left some unknown): all mutants run again in its quick forked workers, rather
        # than all but the survivors in fresh processes.
        print(f"[{key}] the module's test files changed: every mutant runs again", flush=True)
        run_mutmut(work, log)
        return
    names = [
        name if name.startswith(module + ".") else f"{module}.{name}"
        for name, code in last.items()
        if code not in KILLED_CODES
    ]
    if names:
        run_mutmut(work, log, names)


def check_module(key: str, *, keep: bool, again: bool, fresh_all: bool = False) -> Result:
    source, tests = MODULES[key]
    tests = tuple(test for test in tests if (ROOT / test).exists())
    work = WORK / key
    mutants = work / "mutants"
    meta_path = mutants / f"{source}.meta"
    log = WORK / f"{key}.log"
    module = source.removeprefix("src/").removesuffix(".py").replace("/", ".")
    started = time.monotonic()
    if again and meta_path.exists():
        rerun(key, work, tests)
    else:
        prepare(work, source, tests)
        print(f"[{key}] mutmut over {source} with {', '.join(tests)} (log: {log})", flush=True)
        run_mutmut(work, log)
    if fresh_run(work, tests, "fail") == 0:
        sys.exit(f"[{key}] a fresh run with every function failing passed: the check is broken")

    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    codes: dict[str, int | None] = meta["exit_code_by_key"]
    result = Result(key, mutants=len(codes))
    sources = functions(mutants / source)
    early = None if fresh_all else import_time_functions(work, tests)
    doubtful = {
        (name if name.startswith(module + ".") else f"{module}.{name}"): code
        for name, code in codes.items()
        if code not in KILLED_CODES
    }
    fresh = {
        m for m, code in doubtful.items() if needs_fresh_run(m, code, early, fresh_all=fresh_all)
    }
    print(
        f"[{key}] {len(codes)} mutants, {len(doubtful)} not killed by mutmut, "
        f"{len(fresh)} to re-check in fresh processes",
        flush=True,
    )
    for mutant in doubtful:
        if mutant in fresh and fresh_run(work, tests, mutant) != 0:
            result.killed += 1
        else:
            result.survivors.append(mutant)
            result.diffs[mutant] = describe(mutant, sources)
    result.killed += len(codes) - len(doubtful)

    entries = load_equivalents(key)
    used: set[int] = set()
    for mutant in list(result.survivors):
        for index, entry in enumerate(entries):
            if (entry["function"], entry["before"].strip(), entry["after"].strip()) == result.diffs[
                mutant
            ]:
                result.survivors.remove(mutant)
                result.equivalent.append(mutant)
                used.add(index)
                break
    result.stale = [
        f"{entry['function']}: {entry['before']!r} -> {entry['after']!r}"
        for index, entry in enumerate(entries)
        if index not in used
    ]
    print(f"[{key}] done in {time.monotonic() - started:.0f} s", flush=True)
    if not keep:
        shutil.rmtree(work)
    return result


def report(results: list[Result], *, show: bool) -> bool:
    print()
    print("| module | mutants | killed | survived | equivalent | score |")
    print("|---|---|---|---|---|---|")
    for r in results:
        source = MODULES[r.name][0].removeprefix("src/newsdoc/")
        print(
            f"| {source} | {r.mutants} | {r.killed} | {len(r.survivors)} | "
            f"{len(r.equivalent)} | {r.score:.1%} |"
        )
    for r in results:
        for mutant in r.survivors:
            function, before, after = r.diffs[mutant]
            print(f"\nsurvived: {mutant} (in {function})")
            if show:
                print("\n".join(f"  - {line}" for line in before.splitlines()))
                print("\n".join(f"  + {line}" for line in after.splitlines()))
        for entry in r.stale:
            print(f"\nstale equivalent in [{r.name}] (matches no survivor): {entry}")
    passed = all(r.score >= TARGET for r in results)
    print(f"\ntarget: score >= {TARGET:.0%} on every module: {'PASS' if passed else 'FAIL'}")
    return passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=", ".join(MODULES))
    parser.add_argument("--show", action="store_true", help="print each survivor's diff")
    parser.add_argument("--keep", action="store_true", help="keep .mutation/<module>/")
    parser.add_argument(
        "--fresh-all",
        action="store_true",
        help="re-check in fresh processes every mutant that mutmut did not kill",
    )
    parser.add_argument(
        "--again",
        action="store_true",
        help="re-check only what the last --keep run did not kill, against the current tests",
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.modules) - set(MODULES))
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; choose from {', '.join(MODULES)}")
    if shutil.which("mutmut", path=str(Path(sys.executable).parent)) is None:
        sys.exit("mutmut is not installed: pip install -e '.[mutation]'")
    results = [
        check_module(key, keep=args.keep or args.again, again=args.again, fresh_all=args.fresh_all)
        for key in args.modules or MODULES
    ]
    return 0 if report(results, show=args.show) else 1


if __name__ == "__main__":
    sys.exit(main())
