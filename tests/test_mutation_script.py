"""The mutation-testing script's own logic (without running mutmut) and the hypothesis profiles."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

ROOT = Path(__file__).parent.parent


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation", ROOT / "benchmarks" / "mutation.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutation"] = module
    spec.loader.exec_module(module)
    return module


mutation = load_script()

MUTATED = """
def x__shown__mutmut_orig(value):
    if len(value) > _SHOWN_LENGTH:
        return "cut"
    return value


def x__shown__mutmut_1(value):
    if len(value) >= _SHOWN_LENGTH:
        return "cut"
    return value


class Span:
    def xǁSpanǁ__attrs_post_init____mutmut_orig(self):
        if not self.text:
            raise ValidationError("span", "must not be empty")

    def xǁSpanǁ__attrs_post_init____mutmut_2(self):
        if self.text:
            raise ValidationError("span", "must not be empty")
"""


def test_a_mutant_is_described_by_its_function_and_changed_lines(tmp_path: Path) -> None:
    path = tmp_path / "model.py"
    path.write_text(MUTATED, encoding="utf-8")
    sources = mutation.functions(path)
    assert mutation.describe("newsdoc.model.x__shown__mutmut_1", sources) == (
        "_shown",
        "if len(value) > _SHOWN_LENGTH:",
        "if len(value) >= _SHOWN_LENGTH:",
    )
    assert mutation.describe("newsdoc.model.xǁSpanǁ__attrs_post_init____mutmut_2", sources) == (
        "__attrs_post_init__",
        "if not self.text:",
        "if self.text:",
    )


def test_every_module_has_its_source_and_tests() -> None:
    for source, tests in mutation.MODULES.values():
        assert (ROOT / source).is_file()
        assert tests
        assert all((ROOT / test).is_file() for test in tests)
    for test in mutation.DESELECTED:
        assert (ROOT / test.partition("::")[0]).is_file()


def test_every_listed_equivalent_names_its_change_and_reason() -> None:
    for key in mutation.MODULES:
        for entry in mutation.load_equivalents(key):
            assert entry["reason"].strip()
            assert entry["before"] != entry["after"]


def test_an_equivalent_without_reason_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = tmp_path / "equivalents.toml"
    listed.write_text(
        '[[model]]\nfunction = "_shown"\nbefore = "a"\nafter = "b"\nreason = " "\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(mutation, "EQUIVALENTS", listed)
    with pytest.raises(SystemExit, match=r"an entry of \[model\] lacks reason"):
        mutation.load_equivalents("model")


def test_the_table_scores_killed_over_non_equivalent_mutants(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = mutation.Result(
        "json",
        mutants=20,
        killed=17,
        survivors=["newsdoc.formats.json.x_read__mutmut_3"],
        equivalent=["a", "b"],
        diffs={"newsdoc.formats.json.x_read__mutmut_3": ("read", "path='$'", "path=None")},
    )
    assert result.score == pytest.approx(17 / 18)
    assert mutation.report([result], show=True)
    out = capsys.readouterr().out
    assert "| formats/json.py | 20 | 17 | 1 | 2 | 94.4% |" in out
    assert "survived: newsdoc.formats.json.x_read__mutmut_3 (in read)" in out
    assert "  - path='$'\n  + path=None" in out
    assert "PASS" in out
    low = mutation.Result("timex", mutants=10, killed=8, survivors=["x", "y"])
    low.diffs = {"x": ("f", "", ""), "y": ("f", "", "")}
    assert not mutation.report([low], show=False)
    assert "FAIL" in capsys.readouterr().out


def test_the_hypothesis_profiles() -> None:
    assert settings.get_profile("default").max_examples == 60
    assert settings.get_profile("ci").max_examples == 200
    assert settings.get_profile("thorough").max_examples == 5000
    assert settings.get_profile("mutation").derandomize


def test_a_mutant_belongs_to_the_function_mutmut_counts_it_under() -> None:
    assert (
        mutation.function_of("newsdoc.model.x__tuple_of__mutmut_3") == "newsdoc.model.x__tuple_of"
    )
    assert (
        mutation.function_of("newsdoc.model.xǁSpanǁ__attrs_post_init____mutmut_12")
        == "newsdoc.model.xǁSpanǁ__attrs_post_init__"
    )


def test_only_what_mutmut_may_have_missed_is_run_again_in_a_fresh_process() -> None:
    early = {"newsdoc.model.x__tuple_of", "newsdoc.model.xǁSpanǁ__attrs_post_init__"}
    late = "newsdoc.model.x__shown__mutmut_1"

    def fresh(mutant: str, code: int | None, found: set[str] | None = early) -> bool:
        return mutation.needs_fresh_run(mutant, code, found, fresh_all=False)

    # survived, or no test calls it: the verdict stands unless the function ran at import
    assert not fresh(late, 0)
    assert not fresh(late, 33)
    assert fresh("newsdoc.model.x__tuple_of__mutmut_3", 0)
    assert fresh("newsdoc.model.x__tuple_of__mutmut_3", 33)
    assert fresh("newsdoc.model.xǁSpanǁ__attrs_post_init____mutmut_2", 0)
    # not checked, suspicious, crashed: always run again
    assert fresh(late, None)
    assert fresh(late, 35)
    assert fresh(late, -11)
    # the probe failed, or every survivor is asked for
    assert fresh(late, 0, None)
    assert mutation.needs_fresh_run(late, 0, early, fresh_all=True)


TRAMPOLINE = """
import os


def record_trampoline_hit(name, caller=None):
    pass


def trampolined(name):
    def wrap(function):
        def call(*args, **kwargs):
            if os.environ.get("MUTANT_UNDER_TEST") == "stats":
                record_trampoline_hit(name)
            return function(*args, **kwargs)

        return call

    return wrap
"""

DEMO = """
from mutmut.mutation.trampoline import trampolined


@trampolined("demo.x_early")
def early():
    return 1


@trampolined("demo.x_late")
def late():
    return 2


VALUE = early()
"""


def test_the_probe_lists_the_functions_that_run_while_tests_are_imported(tmp_path: Path) -> None:
    # a stand-in for mutmut's trampoline, which reports each call in "stats" mode
    src = tmp_path / "mutants" / "src"
    (src / "mutmut" / "mutation").mkdir(parents=True)
    (src / "mutmut" / "__init__.py").write_text("", encoding="utf-8")
    (src / "mutmut" / "mutation" / "__init__.py").write_text("", encoding="utf-8")
    (src / "mutmut" / "mutation" / "trampoline.py").write_text(TRAMPOLINE, encoding="utf-8")
    (src / "demo.py").write_text(DEMO, encoding="utf-8")
    tests = tmp_path / "mutants" / "tests"
    tests.mkdir()
    (tests / "test_demo.py").write_text(
        "import demo\n\n\ndef test_late():\n    assert demo.late() == 2\n", encoding="utf-8"
    )
    assert mutation.import_time_functions(tmp_path, ("tests/test_demo.py",)) == {"demo.x_early"}
    (tests / "test_broken.py").write_text("import no_such_module\n", encoding="utf-8")
    assert mutation.import_time_functions(tmp_path, ("tests/test_broken.py",)) is None
