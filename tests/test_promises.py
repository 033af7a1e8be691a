"""Every test document, read by every reader, keeps the promises the fuzzers check."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).parent / "fuzz"
sys.path.insert(0, str(FUZZ))
spec = importlib.util.spec_from_file_location("promises", FUZZ / "promises.py")
assert spec is not None
assert spec.loader is not None
promises = importlib.util.module_from_spec(spec)
spec.loader.exec_module(promises)

DATA = Path(__file__).parent / "data"
DOCUMENTS = sorted(
    path
    for path in DATA.rglob("*")
    if path.is_file() and path.suffix in {".txt", ".xml", ".json"} and "labelled" not in path.parts
)


def test_the_oracle_knows_every_format() -> None:
    import newsdoc

    assert set(promises.FORMATS) == {info.name for info in newsdoc.formats()}


@pytest.mark.parametrize("format_name", promises.FORMATS)
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: str(path.relative_to(DATA)))
def test_every_document_keeps_the_promises(path: Path, format_name: str) -> None:
    promises.check(path.read_bytes(), format_name)


def test_a_broken_promise_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsdoc

    def leaky_write(article: object, format: str) -> str:
        raise KeyError(format)

    monkeypatch.setattr(newsdoc, "write", leaky_write)
    document = (DATA / "golden" / "al_asad.json").read_bytes()
    with pytest.raises(promises.BrokenPromiseError, match="raised KeyError"):
        promises.check(document, "json")
