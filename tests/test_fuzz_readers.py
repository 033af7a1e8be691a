"""Mutated and random bytes: no reader lets anything but a NewsdocError escape."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, NewsdocError
from newsdoc.formats import all_formats

DATA = Path(__file__).parent / "data"
AL_ASAD = newsdoc.read(DATA / "text" / "al_asad.txt")
FORMATS = ("json", "jsonl", "newsml", "ninjs", "ninjs-1.6", "text")
# Every reader gets every seed: a reader must also survive bytes meant for another format.
SEEDS = (
    (DATA / "text" / "al_asad.txt").read_bytes(),
    newsdoc.write(AL_ASAD, "json").encode(),
    newsdoc.write(AL_ASAD, "jsonl").encode() * 2,
    newsdoc.write(AL_ASAD, "newsml").encode(),
    newsdoc.write(AL_ASAD, "ninjs").encode(),
    newsdoc.write(AL_ASAD, "ninjs-1.6").encode(),
    *(path.read_bytes() for path in sorted((DATA / "ninjs" / "examples").glob("*/00[145]*.json"))),
    *(path.read_bytes() for path in sorted((DATA / "newsml").glob("*.xml"))),
)


@st.composite
def mutations(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        if action == "flip" and data:
            data[position] ^= draw(st.integers(1, 255))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 40))]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=20))
        else:
            del data[position:]
    return bytes(data)


def read_safely(data: bytes, format_name: str) -> None:
    try:
        for article in newsdoc.read_all(data, format=format_name):
            assert isinstance(article, Article)
    except NewsdocError:
        pass


def test_every_registered_reader_is_fuzzed() -> None:
    assert {info.name for info in all_formats()} == set(FORMATS)


@pytest.mark.parametrize("format_name", FORMATS)
@given(data=st.data())
def test_mutated_documents_only_raise_newsdoc_errors(format_name: str, data: st.DataObject) -> None:
    seed = data.draw(st.sampled_from(SEEDS))
    read_safely(data.draw(mutations(seed)), format_name)


@pytest.mark.parametrize("format_name", FORMATS)
@given(raw=st.binary(max_size=300))
def test_random_bytes_only_raise_newsdoc_errors(format_name: str, raw: bytes) -> None:
    read_safely(raw, format_name)
