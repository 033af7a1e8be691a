"""The checks every format passes, driven by the registry and what each format declares.

Each test runs once per registered format, so that a new format is tested the moment its
:class:`~newsdoc.FormatInfo` is in the registry: its articles round-trip (drawn from what
it carries, in the shapes it can express), no bytes make its reader raise anything but a
NewsdocError, and it writes the Al Asad article as its reviewed golden file,
``tests/data/golden/al_asad<first suffix>`` (``al_asad.<name>`` when a format earlier in
the list has the same first suffix). ``UNREGISTERED`` adds formats that are not
in the registry (yet): the demonstration format of ``demo_format.py`` stands there to show
what adding a format touches, and a format in the making can be checked the same way,
since every newsdoc function that takes a format's name also takes a FormatInfo.

After a deliberate change of output, run ``pytest tests/test_formats.py --accept`` and
review the diff of ``tests/data/golden`` before committing it. The article has no dates,
so the NewsML-G2 writer fills versionCreated in with the time of writing; the tests fix
that time, so that the golden file does not change from run to run.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import demo_format
import newsdoc
from newsdoc import Article, ContentLossWarning, FormatInfo, NewsdocError, strategies
from newsdoc.formats import all_formats, by_name
from newsdoc.formats.newsml import writer as newsml_writer

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "golden"
UNREGISTERED = (demo_format.INFO,)
FORMATS = (*all_formats(), *UNREGISTERED)
WRITTEN_AT = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
AL_ASAD = newsdoc.read(DATA / "text" / "al_asad.txt")


def name(info: FormatInfo) -> str:
    return info.name


def golden_file(info: FormatInfo, formats: tuple[FormatInfo, ...] = FORMATS) -> Path:
    earlier = formats[: formats.index(info)]
    taken = any(other.output_suffix == info.output_suffix for other in earlier)
    return GOLDEN / (f"al_asad.{info.name}" if taken else f"al_asad{info.output_suffix}")


def carried(article: Article, info: FormatInfo) -> Article:
    """What ``info``'s documents keep of ``article``: the other fields at their defaults."""
    return attrs.evolve(
        article,
        **{
            field.name: field.default
            for field in attrs.fields(Article)
            if field.name not in info.carries
        },
    )


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(newsml_writer, "_now", lambda: WRITTEN_AT)


def test_the_demonstration_format_is_not_registered() -> None:
    assert demo_format.INFO not in all_formats()
    assert {info.name for info in FORMATS} == {info.name for info in all_formats()} | {"brief"}


# --- Round trip ------------------------------------------------------------------------------


@pytest.mark.parametrize("info", FORMATS, ids=name)
@given(data=st.data())
def test_what_a_format_carries_reads_back_equal(info: FormatInfo, data: st.DataObject) -> None:
    article = data.draw(strategies.articles(info), label="article")
    assert carried(article, info) == article
    with warnings.catch_warnings():
        warnings.simplefilter("error", ContentLossWarning)  # nothing carried is lost
        written = newsdoc.write(article, info)
    assert carried(newsdoc.read(written, info, extract=False), info) == article


# --- Fuzz ------------------------------------------------------------------------------------

# Every reader gets every seed: a reader must also survive bytes meant for another format.
SEEDS = (
    *(newsdoc.write(AL_ASAD, info).encode() for info in FORMATS),
    *(newsdoc.write(AL_ASAD, info).encode() * 2 for info in FORMATS if info.reads_many),
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


def read_safely(data: bytes, info: FormatInfo) -> None:
    try:
        for article in newsdoc.read_all(data, info):
            assert isinstance(article, Article)
    except NewsdocError:
        pass


@pytest.mark.parametrize("info", FORMATS, ids=name)
@given(data=st.data())
def test_mutated_documents_only_raise_newsdoc_errors(info: FormatInfo, data: st.DataObject) -> None:
    seed = data.draw(st.sampled_from(SEEDS))
    read_safely(data.draw(mutations(seed)), info)


@pytest.mark.parametrize("info", FORMATS, ids=name)
@given(raw=st.binary(max_size=300))
def test_random_bytes_only_raise_newsdoc_errors(info: FormatInfo, raw: bytes) -> None:
    read_safely(raw, info)


# --- Golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize("info", FORMATS, ids=name)
def test_each_format_writes_its_golden_file_and_reads_it_back(
    info: FormatInfo, request: pytest.FixtureRequest
) -> None:
    golden = golden_file(info)
    written = newsdoc.write(AL_ASAD, info).encode("utf-8")
    if request.config.getoption("--accept"):
        golden.write_bytes(written)
    assert written == golden.read_bytes()
    assert carried(newsdoc.read(golden, info), info) == carried(AL_ASAD, info)


def test_every_golden_file_belongs_to_a_format() -> None:
    assert {path.name for path in GOLDEN.iterdir()} == {golden_file(i).name for i in FORMATS}


def test_a_shared_first_suffix_gives_the_later_format_its_name() -> None:
    later = attrs.evolve(demo_format.INFO, name="later", suffixes=(".xml",))
    clash = (*FORMATS, later)
    assert golden_file(later, clash).name == "al_asad.later"
    assert golden_file(by_name("newsml"), clash).name == "al_asad.xml"
