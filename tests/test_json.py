import datetime as dt
import json

import pytest

import newsdoc
from newsdoc import Article, Concept, ParseError, PubStatus, Section
from newsdoc.formats.json import DOCUMENT_VERSION, make_converter


def sample() -> Article:
    return Article(
        id="urn:newsml:example.org:2025:al-asad",
        version=2,
        language="en",
        created=dt.datetime(2025, 3, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=3))),
        pub_status=PubStatus.USABLE,
        headline="Exit from Al Asad complete",
        subjects=(Concept(qcode="medtop:16000000", name="conflict, war and peace"),),
        lead=("The withdrawal is complete.",),
        sections=(Section(heading="What next", paragraphs=("Troops remain elsewhere.",)),),
    )


def test_the_document_shape_is_stable_and_documented() -> None:
    document = json.loads(newsdoc.write(sample(), "json"))
    assert document["format"] == "newsdoc"
    assert document["version"] == DOCUMENT_VERSION
    fields = document["article"]
    assert list(fields) == [
        "id", "version", "language", "created", "updated", "pub_status", "provider",
        "headline", "subheadline", "bylines", "dateline", "slugline", "slugline_separator",
        "description", "creditline", "located", "genres", "urgency", "subjects", "keywords",
        "rights",
        "embargoed", "content_created", "content_modified", "creators", "contributors",
        "info_sources", "editorial_notes", "signals", "links", "alt_ids", "services",
        "other_headlines", "other_descriptions", "lead",
        "sections", "trailer", "attributions", "events", "extensions",
    ]  # fmt: skip
    assert fields["created"] == "2025-03-05T09:30:00+03:00"
    assert fields["pub_status"] == "usable"
    assert fields["subjects"] == [
        {
            "qcode": "medtop:16000000", "uri": None, "name": "conflict, war and peace",
            "names": [], "kind": None, "literal": None, "rank": None, "broader": [],
            "same_as": [],
        }
    ]  # fmt: skip
    assert fields["sections"] == [
        {"heading": "What next", "paragraphs": ["Troops remain elsewhere."]}
    ]


def test_non_ascii_text_is_written_as_is() -> None:
    text = newsdoc.write(Article(lead=("Iraq’s western Anbar province.",)), "json")
    assert "Iraq’s" in text


def test_missing_optional_members_take_their_defaults() -> None:
    document = {"format": "newsdoc", "version": 1, "article": {"lead": ["Only a lead."]}}
    assert newsdoc.read(json.dumps(document), format="json") == Article(lead=("Only a lead.",))


def read_article(article_fields: object) -> Article:
    document = {"format": "newsdoc", "version": 1, "article": article_fields}
    return newsdoc.read(json.dumps(document), format="json")


@pytest.mark.parametrize(
    ("fields", "message", "path"),
    [
        ({"headline": 3}, "expected a string", "$.article.headline"),
        ({"version": "2"}, "expected an integer", "$.article.version"),
        ({"created": "2025-03-05T09:30:00"}, "no UTC offset", "$.article.created"),
        ({"created": "yesterday"}, "not an ISO-8601 date and time", "$.article.created"),
        ({"pub_status": "published"}, "", "$.article.pub_status"),
        ({"colour": "red"}, "unknown member(s) colour", "$.article"),
        ({"sections": [{"paragraphs": []}]}, "required member missing",
         "$.article.sections[0].heading"),
        ({"headline": " padded "}, "leading or trailing white space", "$.article"),
    ],
)  # fmt: skip
def test_bad_values_name_their_json_path(fields: object, message: str, path: str) -> None:
    with pytest.raises(ParseError) as caught:
        read_article(fields)
    assert message in caught.value.reason
    assert caught.value.path is not None
    assert caught.value.path.startswith(path)
    assert isinstance(caught.value, ValueError)


def test_a_span_that_misses_its_text_is_a_parse_error() -> None:
    span = {"paragraph": 0, "start": 0, "end": 3, "text": "Not"}
    fields = {
        "lead": ["The Pentagon confirmed."],
        "attributions": [{"kind": "indirect", "source": span, "cue": span}],
    }
    with pytest.raises(ParseError, match="holds 'The', not the claimed 'Not'"):
        read_article(fields)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Expecting value"),
        (b"{", "Expecting property name"),
        (b"[1, 2]", 'expected an object with "format": "newsdoc"'),
        (b'{"format": "newsdoc", "version": 99, "article": {}}', "unsupported document version 99"),
        (b'{"format": "newsdoc", "version": 1}', "has no article"),
        (b'{"format": "newsdoc", "version": 1, "article": {}, "x": 1}', "unknown member(s) x"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[" * 100_000, "nested more than 64 levels deep"),
    ],
)
def test_malformed_documents_are_parse_errors(data: bytes, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        newsdoc.read(data, format="json")
    assert message in str(caught.value)


def test_syntax_errors_carry_line_and_column() -> None:
    with pytest.raises(ParseError) as caught:
        newsdoc.read('{\n  "format": "newsdoc",\n  oops\n}', format="json")
    assert (caught.value.line, caught.value.column) == (3, 3)


def test_the_converter_embeds_articles_in_other_structures() -> None:
    converter = make_converter()
    payload = converter.unstructure([sample()], list[Article])
    assert converter.structure(payload, list[Article]) == [sample()]
