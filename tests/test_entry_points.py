"""Wrong-typed arguments to every public entry point: nothing but a NewsdocError escapes.

Python's own call-signature ``TypeError`` (a missing or unknown argument) is the one other
exception a caller may see; it cannot arise here, as every call passes every argument.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, NewsdocError
from newsdoc.cli import main

DATA = Path(__file__).parent / "data"
AL_ASAD = newsdoc.read(DATA / "text" / "al_asad.txt", extract=False)
FORMAT_NAMES = tuple(info.name for info in newsdoc.formats())

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**30),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.binary(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.tuples(st.text(max_size=5)),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.sets(st.integers(), max_size=3),
    st.datetimes(),
    st.builds(object),
    st.just(AL_ASAD),
    st.just(Path("/nonexistent/newsdoc/story.txt")),
    st.just(DATA),  # a directory, not a file
)
format_names = st.one_of(anything, st.sampled_from(FORMAT_NAMES))
documents = st.one_of(
    anything,
    st.sampled_from(
        [
            (DATA / "golden" / "al_asad.xml").read_bytes(),
            (DATA / "golden" / "al_asad.json").read_text(encoding="utf-8"),
            (DATA / "golden" / "al_asad.txt").read_bytes(),
            DATA / "golden" / "al_asad.xml",
        ]
    ),
)


def _only_newsdoc_errors(call: Any, *args: Any, **kwargs: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = call(*args, **kwargs)
            if call is newsdoc.read_all:
                result = list(result)
        except NewsdocError:
            return None
    return result


@given(source=documents, format=format_names, strict=anything, extract=anything)
def test_read_takes_any_arguments(source: Any, format: Any, strict: Any, extract: Any) -> None:
    result = _only_newsdoc_errors(newsdoc.read, source, format, strict=strict, extract=extract)
    assert result is None or isinstance(result, Article)


@given(source=documents, format=format_names, strict=anything, extract=anything)
def test_read_all_takes_any_arguments(source: Any, format: Any, strict: Any, extract: Any) -> None:
    result = _only_newsdoc_errors(newsdoc.read_all, source, format, strict=strict, extract=extract)
    assert result is None or all(isinstance(article, Article) for article in result)


@given(article=anything, format=format_names)
def test_write_takes_any_arguments(article: Any, format: Any) -> None:
    result = _only_newsdoc_errors(newsdoc.write, article, format)
    assert result is None or isinstance(result, str)


@given(source=documents, to=format_names, format=format_names, strict=anything, encoding=anything)
def test_convert_takes_any_arguments(
    source: Any, to: Any, format: Any, strict: Any, encoding: Any
) -> None:
    result = _only_newsdoc_errors(
        newsdoc.convert, source, to, format=format, strict=strict, encoding=encoding
    )
    assert result is None or isinstance(result.document, str)


@given(name=anything, head=anything)
def test_the_registry_takes_any_arguments(name: Any, head: Any) -> None:
    from newsdoc.formats import by_name, by_suffix

    _only_newsdoc_errors(by_name, name)
    _only_newsdoc_errors(by_suffix, name, head if isinstance(head, bytes) else None)


path_names = st.text(
    st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=12
)


@given(
    article=st.one_of(anything, st.just(AL_ASAD)),
    where=st.one_of(st.sampled_from(["file", "directory", "missing-directory", "bytes"]), anything),
    name=path_names,
    format=st.one_of(st.none(), format_names),
)
def test_write_file_takes_any_arguments(article: Any, where: Any, name: str, format: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        # Only paths inside the temporary folder: anything else stands in for a path.
        path: Any = (
            {
                "file": base / name,
                "directory": base,
                "missing-directory": base / "missing" / name,
                "bytes": os.fsencode(base / name),
            }.get(where, where)
            if isinstance(where, str)
            else where
        )
        outside = isinstance(path, (str, bytes)) and not os.fsdecode(path).startswith(folder)
        if outside:
            path = base / "relative-stand-in.txt"
        _only_newsdoc_errors(newsdoc.write_file, article, path, format)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["convert"],
        ["convert", "/nonexistent/story.txt", "--to", "json"],
        ["convert", str(DATA), "--to", "json"],
        ["validate", "/nonexistent/story.xml"],
        ["nonsense"],
    ],
)
def test_the_command_line_exits_with_a_status(argv: list[str]) -> None:
    try:
        status = main(argv)
    except SystemExit as exit_:  # argparse's usage errors
        status = exit_.code
    assert status in (1, 2)


def test_a_datetime_is_not_a_document() -> None:
    with pytest.raises(NewsdocError):
        newsdoc.read(dt.datetime.now(dt.timezone.utc), "text")  # type: ignore[arg-type]
