"""NITF's docdata for the newsroom's metadata: embargo and editorial notes."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import newsdoc
from newsdoc import Article, ContentLossWarning, Extension, strategies
from newsdoc.formats import by_name
from newsdoc.formats.nitf.schema import validate

NS = "{http://iptc.org/std/NITF/2006-10-18/}"
DOCDATA = "/nitf/head[1]/docdata[1]"
SAMPLES = Path(__file__).parent / "data" / "nitf"


def _nitf(docdata: str) -> str:
    return (
        '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><head>'
        f"<docdata>{docdata}</docdata></head>"
        "<body><body.content><p>Text.</p></body.content></body></nitf>"
    )


def _read(document: str) -> Article:
    return newsdoc.read(document, "nitf", extract=False)


def _valid(document: str) -> etree._Element:
    root = etree.fromstring(document.encode("utf-8"))
    assert validate(root) == ()
    return root


def _docdata(document: str) -> etree._Element:
    root = _valid(document)
    docdata = root.find(f"{NS}head/{NS}docdata")
    assert docdata is not None
    return docdata


def _written(article: Article) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return newsdoc.write(article, "nitf")


def test_nitf_carries_embargo_and_editorial_notes() -> None:
    assert {"embargoed", "editorial_notes"} <= by_name("nitf").carries


# -- reading ---------------------------------------------------------------------------


def test_date_release_is_the_embargo() -> None:
    article = _read(_nitf('<date.release norm="20250303T070000-0500"/>'))
    assert article.embargoed == dt.datetime(
        2025, 3, 3, 7, tzinfo=dt.timezone(dt.timedelta(hours=-5))
    )
    assert article.extensions == ()


def test_a_date_release_basic_form_only_moment_is_kept_otherwise() -> None:
    fraction = '<date.release norm="2025-03-03T07:00:00.5+00:00"/>'
    no_zone = '<date.release norm="20250303T070000"/>'
    for element in (fraction, no_zone):
        article = _read(_nitf(element))
        assert article.embargoed is None
        assert [e.path for e in article.extensions] == [f"{DOCDATA}/date.release[1]"]


def test_every_ed_msg_is_an_editorial_note_in_order() -> None:
    article = _read(
        _nitf('<ed-msg info="Corrects the toll"/><ed-msg msg-type="advisory" info="Embargoed"/>')
    )
    assert article.editorial_notes == ("Corrects the toll", "Embargoed")
    # What the model has no field for stays on its element.
    assert article.extensions == (
        Extension(
            format="nitf", path=f"{DOCDATA}/ed-msg[2]", attributes=(("msg-type", "advisory"),)
        ),
    )


def test_ed_msgs_stay_kept_when_one_holds_no_note() -> None:
    article = _read(_nitf('<ed-msg info="A note"/><ed-msg msg-type="advisory"/>'))
    assert article.editorial_notes == ()
    assert [e.path for e in article.extensions] == [
        f"{DOCDATA}/ed-msg[1]",
        f"{DOCDATA}/ed-msg[2]",
    ]


def test_strict_reading_accepts_mapped_docdata() -> None:
    document = _nitf('<date.release norm="20250303T070000Z"/><ed-msg info="Note"/>')
    article = newsdoc.read(document, "nitf", strict=True, extract=False)
    assert article.embargoed == dt.datetime(2025, 3, 3, 7, tzinfo=dt.UTC)
    assert article.editorial_notes == ("Note",)


def test_agency_files_give_their_embargo_and_note() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", newsdoc.UnreadContentWarning)
        ap = newsdoc.read(SAMPLES / "ap_3_3_strike.xml")
        efe = newsdoc.read(SAMPLES / "efe_3_6_fire.xml")
    assert ap.embargoed == dt.datetime(2025, 3, 3, 7, tzinfo=dt.UTC)
    assert efe.editorial_notes == ("Corrige cifra en el segundo párrafo",)
    paths = [e.path for e in (*ap.extensions, *efe.extensions)]
    assert not [path for path in paths if "date.release" in path or "ed-msg" in path]


# -- writing ---------------------------------------------------------------------------


def test_embargo_and_notes_are_written_to_docdata() -> None:
    moment = dt.datetime(2025, 3, 3, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=45)))
    article = Article(lead=("Text.",), embargoed=moment, editorial_notes=("One", "Two"))
    docdata = _docdata(_written(article))
    release = docdata.find(f"{NS}date.release")
    assert release is not None
    assert release.get("norm") == "20250303T073000+0545"
    assert [m.get("info") for m in docdata.iter(f"{NS}ed-msg")] == ["One", "Two"]
    assert _read(_written(article)) == article


def test_kept_attributes_go_back_on_their_ed_msg() -> None:
    document = _nitf(
        '<date.release id="r" norm="20250303T070000Z"/>'
        '<ed-msg info="One"/><ed-msg msg-type="advisory" info="Two"/>'
    )
    article = _read(document)
    again = _written(article)
    docdata = _docdata(again)
    messages = list(docdata.iter(f"{NS}ed-msg"))
    assert [m.get("msg-type") for m in messages] == [None, "advisory"]
    release = docdata.find(f"{NS}date.release")
    assert release is not None
    assert release.get("id") == "r"
    assert _read(again) == article


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2025, 3, 3, 7, 0, 0, 500, tzinfo=dt.UTC),
        dt.datetime(2025, 3, 3, 7, tzinfo=dt.timezone(dt.timedelta(seconds=30))),
    ],
    ids=["fraction", "seconds-offset"],
)
def test_an_embargo_basic_form_cannot_write_is_reported_lost(moment: dt.datetime) -> None:
    article = Article(lead=("Text.",), embargoed=moment)
    with pytest.warns(ContentLossWarning, match="embargoed"):
        document = newsdoc.write(article, "nitf")
    assert _valid(document).find(f".//{NS}date.release") is None


# -- round trip ------------------------------------------------------------------------


@given(
    embargoed=st.none() | strategies.timezone_aware_datetimes(),
    editorial_notes=st.lists(strategies.lines(), max_size=3).map(tuple),
)
def test_embargo_and_notes_round_trip_schema_valid(
    embargoed: dt.datetime | None, editorial_notes: tuple[str, ...]
) -> None:
    article = Article(lead=("Text.",), embargoed=embargoed, editorial_notes=editorial_notes)
    document = _written(article)
    _valid(document)
    assert _read(document) == article
