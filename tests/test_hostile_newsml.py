"""Hostile and broken XML: every case is a ParseError saying where and why, quickly."""

import contextlib
import resource
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, Extension, ParseError, SerializationError

NS = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'
SECRET = "TOP-SECRET-CONTENT"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


def refuse(data: str | bytes, reason: str) -> ParseError:
    started = time.perf_counter()
    with pytest.raises(ParseError) as caught:
        newsdoc.read(data, format="newsml")
    assert time.perf_counter() - started < 5, "refusing must not take long"
    assert reason in caught.value.reason
    assert SECRET not in str(caught.value)
    assert caught.value.format == "newsml"
    return caught.value


def test_xxe_reading_a_local_file_is_refused(secret_file: Path) -> None:
    data = (
        f'<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY x SYSTEM "{secret_file.as_uri()}">]>'
        f'<newsItem {NS} guid="g" version="1"><contentMeta><headline>&x;</headline>'
        "</contentMeta></newsItem>"
    )
    assert refuse(data, "DTDs and entities are refused").line == 1


def test_an_external_dtd_is_refused(secret_file: Path) -> None:
    data = (
        f'<?xml version="1.0"?><!DOCTYPE newsItem SYSTEM "{secret_file.as_uri()}"><newsItem {NS}/>'
    )
    refuse(data, "DTDs and entities are refused")


def test_billion_laughs_is_refused() -> None:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    data = f'<?xml version="1.0"?><!DOCTYPE n [{entities}]><newsItem {NS}>&lol9;</newsItem>'
    refuse(data, "DTDs and entities are refused")


def test_quadratic_blowup_is_refused() -> None:
    entity = "x" * 100_000
    data = f'<!DOCTYPE n [<!ENTITY a "{entity}">]><newsItem {NS}>{"&a;" * 100_000}</newsItem>'
    refuse(data, "DTDs and entities are refused")


def test_a_dtd_in_utf16_is_refused_after_parsing_without_entities() -> None:
    data = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE n [<!ENTITY a "b">]>'
        f"<newsItem {NS}>&a;</newsItem>"
    )
    refuse(data.encode("utf-16"), "DTDs and entities are refused")


@pytest.mark.parametrize(
    ("data", "reason", "line", "column"),
    [
        (f'<newsItem {NS} guid="g"><itemMeta><itemClass', "Couldn't find end of Start Tag", 1, 84),
        (f"<newsItem {NS}><contentMeta><headline>x</contentMeta></newsItem>",
         "Opening and ending tag mismatch", 1, 93),
        (f"<newsItem {NS}>\n<contentMeta>\n<headline>x</headline>", "Premature end of data", 3, 23),
    ],
)  # fmt: skip
def test_truncated_and_unclosed_documents_say_where(
    data: str, reason: str, line: int, column: int
) -> None:
    error = refuse(data, reason)
    assert (error.line, error.column) == (line, column)


def test_a_wrong_root_element_is_named() -> None:
    error = refuse('<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"/>', "found 'nitf'")
    assert error.line == 1


def test_a_wrong_namespace_is_named() -> None:
    refuse('<newsItem xmlns="http://example.com/other"/>', "not NewsML-G2's")


def test_a_wrong_encoding_declaration_is_named() -> None:
    data = f'<?xml version="1.0" encoding="UTF-16"?><newsItem {NS}/>'.encode()
    refuse(data, "not in the declared encoding 'UTF-16'")
    data = f'<?xml version="1.0" encoding="ASCII"?><newsItem {NS}><x>é</x></newsItem>'.encode()
    refuse(data, "not in the declared encoding 'ASCII'")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bytes(range(256)), "Document is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "Start tag expected"),
        (b"", "the input is empty"),
        (b" \n\t ", "the input is empty"),
        ("plain words, not XML", "Start tag expected"),
    ],
)
def test_non_xml_and_empty_input(data: str | bytes, reason: str) -> None:
    refuse(data, reason)


def test_excessive_nesting_is_refused() -> None:
    data = f"<newsItem {NS}>" + "<a>" * 5000 + "</a>" * 5000 + "</newsItem>"
    refuse(data, "Excessive depth")


def test_a_50_megabyte_document_reads_in_bounded_memory() -> None:
    paragraph = "<p>" + "word " * 200 + "</p>"
    count = 50_000_000 // len(paragraph)
    data = (
        f'<newsItem {NS} guid="big" version="1" standard="NewsML-G2" standardversion="2.35">'
        '<itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>'
        "<versionCreated>2025-03-03T10:00:00Z</versionCreated></itemMeta><contentSet>"
        '<inlineXML contenttype="application/xhtml+xml">'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        + paragraph * count
        + "</body></html></inlineXML></contentSet></newsItem>"
    ).encode()
    assert len(data) > 49_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    article = newsdoc.read(data, format="newsml")
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert len(article.lead) == count
    assert grown_kib < 2_000_000, f"reading 50 MB took {grown_kib} KiB more peak memory"


def test_nothing_partial_comes_back_from_a_broken_message() -> None:
    good = newsdoc.write(newsdoc.Article(id="urn:x:1", lead=("Fine.",)), "newsml").split("\n", 1)[1]
    data = f'<newsMessage {NS}><itemSet>{good}<newsItem guid="x"></itemSet></newsMessage>'
    with pytest.raises(ParseError):
        list(newsdoc.read_all(data, format="newsml"))


_STEPS = st.sampled_from(
    ["contentMeta[1]", "itemMeta[1]", "headline[1]", "altId[2]", "x:y[1]", "{urn:x}z[1]", "*",
     "comment()", "text()", "preceding-sibling::comment()", "following-sibling::text()", "[",
     "a[0]", "b[x]", "@q", ""]
)  # fmt: skip
_CONTENT = st.sampled_from(
    ["", "<!-- c -->", "words", "<altId>1</altId>", "<x:y/>", "<a/><b/>", "<?pi x?>", "<",
     '<altId xmlns="http://iptc.org/std/nar/2006-10-01/">1</altId>', "<!--a--><!--b-->"]
)  # fmt: skip


@given(
    st.lists(
        st.builds(
            Extension,
            format=st.just("newsml"),
            path=st.lists(_STEPS, max_size=4).map(lambda steps: "/".join(["/newsItem", *steps])),
            content=_CONTENT,
            attributes=st.lists(
                st.tuples(st.sampled_from(["a", "xml:lang", "{urn:x}b", "c d", "{}"]),
                          st.sampled_from(["v", "", "\x07"])),
                max_size=2,
            ).map(tuple),
        ),
        max_size=4,
    )
)  # fmt: skip
def test_kept_content_in_any_shape_is_written_or_refused_and_what_is_written_reads(
    extensions: list[Extension],
) -> None:
    article = Article(lead=("Body.",), extensions=tuple(extensions))
    try:
        written = newsdoc.write(article, "newsml")
    except SerializationError:
        return
    with contextlib.suppress(ParseError):  # what was put back may hold what reads as an error
        newsdoc.read(written, format="newsml")
