"""The examples in newsdoc's docstrings run, and every documented public name has one.

The examples of README.md and docs/*.md run through Sybil (see the conftest.py at the root of
the repository); this module runs the docstrings' examples with the standard library's
doctest, from the root of the repository so that ``examples/`` paths resolve.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import inspect
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from sybil import Document
from sybil.example import SybilFailure

import newsdoc

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _module_names() -> list[str]:
    names = ["newsdoc"]
    for info in pkgutil.walk_packages(newsdoc.__path__, "newsdoc."):
        if not info.name.endswith("__main__"):  # importing it runs the command
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _module_names())
def test_docstring_examples_run(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    for test in finder.find(module, name):
        if test.filename != module.__file__:
            continue  # a name imported from another module is tested there
        runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, f"{results.failed} docstring example(s) of {name} failed"


_DIRECTIVE = re.compile(
    r"^\.\. auto(?P<kind>function|class|exception|module|method|attribute|data):: (?P<name>\S+)"
    r"(?P<options>(?:\n   :[^\n]*)*)",
    re.MULTILINE,
)


def _documented() -> Iterator[str]:
    """Every name the API reference pages document with autodoc."""
    for page in sorted(DOCS.glob("*.md")):
        for match in _DIRECTIVE.finditer(page.read_text(encoding="utf-8")):
            name, options = match["name"], match["options"]
            members = re.search(r":members:(.*)", options)
            if match["kind"] != "module":
                yield name
            if members is None:
                continue
            listed = [member.strip() for member in members[1].split(",") if member.strip()]
            if listed:
                yield from (f"{name}.{member}" for member in listed)
            else:  # every public member of the module or class
                owner = _resolve(name)
                yield from (
                    f"{name}.{member}"
                    for member in getattr(owner, "__all__", ())
                    if not member.startswith("_")
                )


def _resolve(dotted: str) -> object:
    """The object a dotted name names, as Sphinx finds it: attributes first, then modules.

    ``newsdoc.formats`` is the function that ``newsdoc`` exports, while
    ``newsdoc.formats.by_name`` is a function of the module ``newsdoc.formats``.
    """
    parts = dotted.split(".")
    owner: object = importlib.import_module(parts[0])
    for index, part in enumerate(parts[1:], start=1):
        try:
            owner = getattr(owner, part)
        except AttributeError:
            module = importlib.import_module(".".join(parts[:index]))
            if hasattr(module, part):
                owner = getattr(module, part)
            else:
                owner = importlib.import_module(".".join(parts[: index + 1]))
    return owner


def _public_names() -> list[str]:
    names = {f"newsdoc.{name}" for name in newsdoc.__all__ if name != "__version__"}
    names.update(_documented())
    return sorted(names)


def _docstring(obj: object) -> str:
    if isinstance(obj, property):
        return obj.__doc__ or ""
    if isinstance(obj, ModuleType) or inspect.isclass(obj) or callable(obj):
        return inspect.getdoc(obj) or ""
    return ""


@pytest.mark.parametrize("name", _public_names())
def test_public_name_has_an_example(name: str) -> None:
    owner, _, member = name.rpartition(".")
    parent = _resolve(owner)
    obj = inspect.getattr_static(parent, member) if inspect.isclass(parent) else _resolve(name)
    if not _docstring(obj) and isinstance(parent, ModuleType):
        # A constant documented by the comment-string after it: look in the module's source.
        source = inspect.getsource(parent)
        found = re.search(rf"^{re.escape(member)}\b[^\n]*\n\"\"\"(.*?)\"\"\"", source, re.S | re.M)
        text = found[1] if found else ""
    else:
        text = _docstring(obj)
    assert ">>>" in text, f"{name} has no example in its docstring"


def test_the_version_is_documented() -> None:
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    assert ".. py:module:: newsdoc\n\n.. py:data:: __version__" in api
    assert ">>> newsdoc.__version__" in api


def _examples_runner() -> ModuleType:
    """The root conftest.py, which runs the Markdown examples, loaded under its own name."""
    spec = importlib.util.spec_from_file_location("newsdoc_docs_examples", ROOT / "conftest.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _outcomes(page: Path) -> list[str | None]:
    """What each example of ``page`` gives: None when it passes, else the failure."""
    runner = _examples_runner()
    document = Document.parse(
        str(page), runner.ReportingPythonParser(), runner.ConsoleParser(), runner.SkipParser()
    )
    outcomes: list[str | None] = []
    for example in document:
        try:
            example.evaluate()
        except SybilFailure as failure:
            outcomes.append(str(failure))
        else:
            outcomes.append(None)
    return outcomes


def test_a_wrong_example_in_the_docs_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.md"
    page.write_text(
        "```python\n>>> 1 + 1\n2\n\n```\n\n"
        "```python\n>>> 1 + 1\n3\n\n```\n\n"
        "```python\nraise ValueError('a broken example')\n```\n\n"
        "```console\n$ echo hello\nhello\n```\n\n"
        "```console\n$ echo hello\ngoodbye\n```\n",
        encoding="utf-8",
    )
    outcomes = _outcomes(page)
    assert outcomes[0] is None
    assert outcomes[1] is not None
    assert "Expected:\n    3\nGot:\n    2" in outcomes[1]
    assert outcomes[2] is not None
    assert "ValueError: a broken example" in outcomes[2]
    assert outcomes[3] is None
    assert outcomes[4] is not None
    assert "goodbye" in outcomes[4]
    assert "hello" in outcomes[4]


_FENCE = re.compile(r"^ *```(\S*)", re.MULTILINE)
_RUN = {"python", "console"}
# Shown, not run: set-up commands (installing), and documents or output shapes.
_SHOWN = {"sh", "text", "json", "xml", "{eval-rst}", "{toctree}"}


@pytest.mark.parametrize("page", ["README.md", *sorted(p.name for p in DOCS.glob("*.md"))])
def test_every_code_block_is_run_or_plainly_not_code(page: str) -> None:
    path = ROOT / page if page == "README.md" else DOCS / page
    fences = _FENCE.findall(path.read_text(encoding="utf-8"))
    languages = fences[::2]  # each block opens and closes with a fence
    assert all(closing == "" for closing in fences[1::2])
    unknown = sorted(set(languages) - _RUN - _SHOWN)
    assert not unknown, f"{page}: code blocks in {unknown} are neither run nor plainly not code"
    if page not in ("README.md", "quickstart.md"):
        assert "sh" not in languages, f"{page}: a shell example must be a console block, run"


def test_every_public_name_is_in_the_api_reference() -> None:
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    assert [name for name in newsdoc.__all__ if f"newsdoc.{name}" not in api] == []
