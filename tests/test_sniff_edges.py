"""Sniffing at its edges: what each sniffer claims from a document's first bytes.

Pins how a head is decoded (each byte-order mark, a head cut inside a character, bytes
that are not UTF-8), how the XML root is found (after a declaration, a comment and a
DOCTYPE; its namespace from the default declaration or from its own prefix), which roots
NewsML-G2 and NITF claim, the keys that tell ninjs, newsdoc JSON and JSON Lines apart
(leading whitespace, the first line only, ``headline`` or ``id``), what counts as
structured rather than plain text, and the exact words ``describe`` puts in an error:
empty, XML with or without a namespace, JSON, or the first 40 characters of anything else.
"""

from __future__ import annotations

import codecs

import pytest

from newsdoc import UnknownFormatError
from newsdoc.formats import _sniff, detect

NAR = "http://iptc.org/std/nar/2006-10-01/"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
ALL_FORMATS = ("text", "newsml", "nitf", "json", "ninjs", "ninjs-1.6", "jsonl")


# -- decoding the head ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
    ids=["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"],
)
def test_a_byte_order_mark_names_the_encoding_of_the_head(bom: bytes, encoding: str) -> None:
    head = bom + '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">'.encode(encoding)
    assert _sniff.nitf(head)
    assert _sniff.describe(head) == f"it is XML whose root element is <nitf> in namespace {NITF}"


def test_a_utf16_head_cut_inside_a_code_unit_still_sniffs() -> None:
    # The head is the first HEAD_SIZE bytes: it may end on half a UTF-16 code unit.
    head = codecs.BOM_UTF16_LE + "<nitf><head>".encode("utf-16-le") + b"<"
    assert _sniff.nitf(head)
    assert _sniff.describe(head) == "it is XML whose root element is <nitf> in no namespace"


def test_a_utf8_head_cut_inside_a_character_still_sniffs() -> None:
    head = "<nitf><head><title>Café".encode()[:-1]
    assert _sniff.nitf(head)
    assert _sniff.nitf(codecs.BOM_UTF8 + head)


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["no-bom", "utf-8-bom"])
def test_bytes_that_are_not_utf8_are_shown_as_replacement_characters(bom: bytes) -> None:
    head = bom + "café au lait".encode("latin-1")
    assert _sniff.describe(head) == "it begins 'caf\ufffd au lait'"


# -- the XML root ------------------------------------------------------------------------------


def test_the_root_is_found_after_a_declaration_a_comment_and_a_doctype() -> None:
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b"<!-- wire copy -->\n"
        b'<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">\n'
        b"<nitf><head>"
    )
    assert _sniff.nitf(head)
    assert _sniff.describe(head) == "it is XML whose root element is <nitf> in no namespace"


def test_a_prefixed_root_takes_the_namespace_its_prefix_declares() -> None:
    head = f'<nar:newsItem xmlns="urn:other" xmlns:nar="{NAR}" guid="x">'.encode()
    assert _sniff.newsml(head)
    assert _sniff.describe(head) == f"it is XML whose root element is <newsItem> in namespace {NAR}"


def test_a_prefixed_root_ignores_the_default_namespace() -> None:
    head = f'<n:newsItem xmlns="{NAR}" xmlns:n="urn:other">'.encode()
    assert not _sniff.newsml(head)
    assert _sniff.describe(head) == (
        "it is XML whose root element is <newsItem> in namespace urn:other"
    )


def test_a_prefixed_root_without_its_declaration_has_no_namespace() -> None:
    head = f'<nar:newsItem xmlns="{NAR}">'.encode()
    assert not _sniff.newsml(head)
    assert _sniff.describe(head) == "it is XML whose root element is <newsItem> in no namespace"


# -- NewsML-G2 and NITF ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "root", ["newsItem", "newsMessage", "packageItem", "conceptItem", "knowledgeItem"]
)
def test_every_g2_root_in_the_nar_namespace_is_newsml(root: str) -> None:
    head = f'<{root} xmlns="{NAR}" standard="NewsML-G2">'.encode()
    assert _sniff.newsml(head)
    assert not _sniff.nitf(head)


@pytest.mark.parametrize(
    "head",
    [
        b"<newsItem>",
        f'<newsItem xmlns="{NITF}">'.encode(),
        f'<newsitem xmlns="{NAR}">'.encode(),
        f'<nitf xmlns="{NAR}">'.encode(),
        b"",
        b"newsItem",
    ],
    ids=["no-namespace", "nitf-namespace", "wrong-case", "not-a-g2-root", "empty", "no-markup"],
)
def test_newsml_claims_no_other_root(head: bytes) -> None:
    assert not _sniff.newsml(head)


@pytest.mark.parametrize(
    "head",
    [
        b'<nitf version="-//IPTC//DTD NITF 3.2//EN">',
        f'<nitf xmlns="{NITF}">'.encode(),
        f'<n:nitf xmlns:n="{NITF}">'.encode(),
        b"<nitf/>",
    ],
    ids=["no-namespace", "nitf-namespace", "prefixed", "empty-element"],
)
def test_nitf_is_an_nitf_root_in_no_namespace_or_nitfs(head: bytes) -> None:
    assert _sniff.nitf(head)
    assert not _sniff.newsml(head)


@pytest.mark.parametrize(
    "head",
    [
        b'<nitf xmlns="http://www.w3.org/1999/xhtml">',
        f'<nitf xmlns="{NAR}">'.encode(),
        b"<NITF>",
        f'<newsItem xmlns="{NITF}">'.encode(),
        b"",
        b"nitf",
    ],
    ids=["other-namespace", "nar-namespace", "upper-case", "not-nitf", "empty", "no-markup"],
)
def test_nitf_claims_no_other_root(head: bytes) -> None:
    assert not _sniff.nitf(head)


# -- newsdoc JSON ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'\n  {\n  "format": "newsdoc",\n  "version": 1', True),
        (b'{"format":"newsdoc","version":1}', True),
        (b'{"version": 1, "article": {}}', False),
        (b'[{"format": "newsdoc"}]', False),
        (b'"format": "newsdoc"', False),
    ],
    ids=["indented", "compact", "no-marker", "array", "not-an-object"],
)
def test_newsdoc_json_is_an_object_with_the_marker(head: bytes, expected: bool) -> None:
    assert _sniff.json(head) is expected


# -- ninjs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'\n  {"uri": "urn:x:1", "type": "text"}', True),
        (b'{"versionCreated": "2024-05-01T10:00:00Z", "type": "text"}', True),
        (b'{"headlines": [{"role": "main", "value": "H"}]}', True),
        (b'{"body_text": "One."}', True),
        (b'{"uri": "urn:x:1", "sections": []}', False),
        (b'{"uri": "urn:x:1", "pub_status": "usable"}', False),
        (b'{"lead": ["One."]}', False),
        (b'{"format": "newsdoc", "headlines": []}', False),
        (b'[{"uri": "urn:x:1", "headlines": []}]', False),
        (b"", False),
    ],
    ids=[
        "uri-after-whitespace",
        "ninjs-key-without-uri",
        "headlines",
        "body-text",
        "uri-with-sections",
        "uri-with-pub-status",
        "neither-uri-nor-ninjs-key",
        "newsdoc-marker",
        "array",
        "empty",
    ],
)
def test_ninjs_is_an_object_with_a_ninjs_key_or_a_uri_and_no_newsdoc_key(
    head: bytes, expected: bool
) -> None:
    assert _sniff.ninjs(head) is expected


def test_never_claims_anything() -> None:
    assert not _sniff.never(b'{"uri": "urn:x:1", "versionCreated": "2024-05-01T10:00:00Z"}')


# -- JSON Lines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"headline": "Rain stops play"}', True),
        (b'{"id": "urn:x:1"}', True),
        (b'\n\n{"id": "urn:x:1", "headline": "H"}\n', True),
        (b'{"lead": ["One."]}\n{"headline": "Two"}\n', False),
        (b'{"headline": "H", "format": "newsdoc"}', False),
        (b'{"id": "urn:x:1", "versionCreated": "2024-05-01T10:00:00Z"}', False),
        (b'[{"id": "urn:x:1"}]', False),
    ],
    ids=[
        "headline-alone",
        "id-alone",
        "after-blank-lines",
        "only-the-first-line-counts",
        "newsdoc-marker",
        "looks-like-ninjs",
        "array",
    ],
)
def test_jsonl_is_a_first_line_object_with_a_headline_or_an_id(head: bytes, expected: bool) -> None:
    assert _sniff.jsonl(head) is expected


def test_jsonl_looks_no_further_than_the_first_line() -> None:
    # What follows the first line may say newsdoc JSON or ninjs: only the first line counts.
    assert _sniff.jsonl(b'{"id": "urn:x:1"}\n{"versionCreated": "2024-05-01T10:00:00Z"}')
    assert _sniff.jsonl(b'{"headline": "H"}\n{"format": "newsdoc", "version": 1}')


# -- structured or plain text ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"PK\x03\x04\x00\x00binary", True),
        (b"  \n<p>One.</p>", True),
        (b"<p>One.</p>", True),
        (b"{}", True),
        (b"[1, 2]", True),
        (b"Rain stops play\nThe match was abandoned.", False),
        (b"One < two and {three} [four]", False),
        (b"", False),
    ],
    ids=[
        "nul-byte",
        "markup-after-whitespace",
        "markup",
        "object",
        "array",
        "plain-text",
        "brackets-later",
        "empty",
    ],
)
def test_structured_is_markup_json_or_binary(head: bytes, expected: bool) -> None:
    assert _sniff.structured(head) is expected


# -- describe ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"", "it is empty"),
        (b" \n\t\r\n ", "it is empty"),
        (codecs.BOM_UTF8, "it is empty"),
        (b"<nitf>", "it is XML whose root element is <nitf> in no namespace"),
        (
            f'\n  <newsItem xmlns="{NAR}">'.encode(),
            f"it is XML whose root element is <newsItem> in namespace {NAR}",
        ),
        (b'<rss xmlns="">', "it is XML whose root element is <rss> in no namespace"),
        (b"< nitf>", "it begins '< nitf>'"),
        (b'<?xml version="1.0"?>', "it begins '<?xml version=\"1.0\"?>'"),
        (b'{"a": 1}', 'it is JSON without "format": "newsdoc"'),
        (b'  \n[{"a": 1}]', 'it is JSON without "format": "newsdoc"'),
        (b"\n\n  Rain stops play\nThe match was abandoned.", "it begins 'Rain stops play'"),
        (b"PK\x03\x04\x00\x00binary", "it begins 'PK\\x03\\x04\\x00\\x00binary'"),
    ],
    ids=[
        "empty",
        "whitespace",
        "bom-only",
        "xml-no-namespace",
        "xml-namespace-after-whitespace",
        "xml-empty-namespace",
        "not-an-element",
        "declaration-only",
        "json-object",
        "json-array-after-whitespace",
        "first-line-of-text",
        "binary",
    ],
)
def test_describe_names_what_the_head_looks_like(head: bytes, expected: str) -> None:
    assert _sniff.describe(head) == expected


@pytest.mark.parametrize(
    ("line", "shown"),
    [("a" * 39, "a" * 39), ("a" * 40, "a" * 40), ("a" * 40 + "b", "a" * 40)],
    ids=["39", "40", "41"],
)
def test_describe_shows_at_most_40_characters_of_the_first_line(line: str, shown: str) -> None:
    assert _sniff.describe(f"{line}\nsecond line".encode()) == f"it begins {shown!r}"


def test_an_unrecognised_head_is_described_in_the_error() -> None:
    head = b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>'
    with pytest.raises(UnknownFormatError) as caught:
        detect(head)
    reason = (
        f"none of {', '.join(ALL_FORMATS)} recognises its content "
        "(it is XML whose root element is <rss> in no namespace); name the format"
    )
    assert caught.value.name == "the input"
    assert caught.value.known == ALL_FORMATS
    assert caught.value.reason == reason
    assert str(caught.value) == f"cannot tell the format of the input: {reason}"


@pytest.mark.parametrize("line", ['{ "id": "a", "lead": ["One."]}', '{\t"headline": "H"}'])
def test_a_json_lines_object_laid_out_with_spaces_is_json_lines(line: str) -> None:
    assert _sniff.jsonl(f"{line}\n".encode())
