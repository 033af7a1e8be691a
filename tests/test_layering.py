"""The layout rules, read from the imports: formats never import each other."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).parent.parent / "src" / "newsdoc"
FORMATS = SOURCE / "formats"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            found.add(node.module)
            found.update(  # ``from package import module`` imports the module
                f"{node.module}.{alias.name}"
                for alias in node.names
                if _is_module(f"{node.module}.{alias.name}")
            )
    return found


def _is_module(name: str) -> bool:
    where = SOURCE.parent.joinpath(*name.split("."))
    return where.with_suffix(".py").is_file() or (where / "__init__.py").is_file()


def _format_of(module: str) -> str | None:
    """The format a module belongs to: ``newsdoc.formats.X…`` with a public X."""
    parts = module.split(".")
    if len(parts) < 3 or parts[:2] != ["newsdoc", "formats"] or parts[2].startswith("_"):
        return None
    return parts[2]


def test_no_format_imports_another_format() -> None:
    offences = []
    for path in sorted(FORMATS.rglob("*.py")):
        own = _format_of(_module_name(path))
        for imported in _imports(path):
            other = _format_of(imported)
            if other is not None and other != own:
                offences.append(f"{_module_name(path)} imports {imported}")
    assert offences == []


def test_the_model_and_the_errors_know_no_format() -> None:
    for name in ("model.py", "errors.py"):
        assert not any(
            imported.startswith("newsdoc.formats") for imported in _imports(SOURCE / name)
        ), name


def test_the_rule_sees_an_offence() -> None:
    assert _format_of("newsdoc.formats.json") == "json"
    assert _format_of("newsdoc.formats.newsml.reader") == "newsml"
    assert _format_of("newsdoc.formats._json") is None
    assert _format_of("newsdoc.formats") is None
