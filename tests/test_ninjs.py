"""ninjs: the IPTC examples and schema test suite, versions, kept content, the newsdoc rendition."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, Concept, Extension, ParseError, UnmappedContentError
from newsdoc.cli import main
from newsdoc.formats import ARTICLE_FIELDS, by_name, by_suffix, detect
from newsdoc.formats.ninjs._names import generation, schema_version
from newsdoc.formats.ninjs.schema import validate
from newsdoc.strategies import articles, marks

DATA = Path(__file__).parent / "data"
NINJS = DATA / "ninjs"
EXAMPLES = sorted((NINJS / "examples").glob("*/*.json"))
SUITE = sorted((NINJS / "test_suite").glob("*/*/*.json"))
AL_ASAD = DATA / "text" / "al_asad.txt"


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _type(path: Path) -> object:
    return _json(path).get("type")


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _main_text(document: dict[str, Any]) -> str:
    """The plain-text main body of an IPTC example, however its version spells it."""
    for key in ("body_text", "body_main"):
        if key in document:
            return str(document[key])
    for body in document["bodies"]:
        if body.get("contentType", body.get("contenttype")) in (None, "text/plain"):
            return str(body["value"])
    raise AssertionError("no plain-text body")


def _headline(document: dict[str, Any]) -> str:
    if "headline_main" in document:
        return str(document["headline_main"])
    if "headline" in document:
        return str(document["headline"])
    return next(str(h["value"]) for h in document["headlines"] if h.get("role") == "main")


TEXT_EXAMPLES = [path for path in EXAMPLES if _type(path) == "text"]
OTHER_EXAMPLES = [path for path in EXAMPLES if _type(path) not in ("text", None)]


def _suite_text_items() -> list[Path]:
    found = []
    for path in SUITE:
        if path.parent.name != "should_pass":
            continue
        try:
            document = _json(path)
        except ValueError:
            continue
        if document.get("type") in ("text", None):
            found.append(path)
    return found


def _name(path: Path) -> str:
    return "/".join(path.parts[-3:])


def test_the_examples_of_every_version_are_here() -> None:
    assert {path.parent.name for path in TEXT_EXAMPLES} == {"1.6", "2.2", "3.1"}
    assert len(TEXT_EXAMPLES) == 9


@pytest.mark.parametrize("path", TEXT_EXAMPLES, ids=_name)
def test_every_text_example_reads_with_its_headline_and_body(path: Path) -> None:
    document = _json(path)
    article = newsdoc.read(path, "ninjs")
    assert article.headline == _headline(document)
    assert _normalised(" ".join(article.paragraphs)) == _normalised(_main_text(document))
    assert article.id == document["uri"]


@pytest.mark.parametrize("path", OTHER_EXAMPLES, ids=_name)
def test_non_text_examples_are_refused_naming_their_type(path: Path) -> None:
    with pytest.raises(ParseError) as caught:
        newsdoc.read(path, "ninjs")
    assert caught.value.path == "$.type"
    assert f'type "{_type(path)}" is not a text article' in str(caught.value)


@pytest.mark.parametrize("path", _suite_text_items(), ids=_name)
def test_every_should_pass_text_item_of_the_schema_suite_reads(path: Path) -> None:
    article = newsdoc.read(path, "ninjs")
    assert article.id == _json(path)["uri"]


def test_the_suite_holds_text_items_of_every_generation() -> None:
    versions = {path.parts[-3][0] for path in _suite_text_items()}
    assert versions == {"1", "2", "3"}


@pytest.mark.parametrize("path", EXAMPLES, ids=_name)
def test_the_version_is_told_from_the_document(path: Path) -> None:
    document = _json(path)
    assert generation(document) == int(path.parent.name[0])
    assert schema_version(document) == {"1": "1.6", "2": "2.2", "3": "3.1"}[path.parent.name[0]]


def _is_json(path: Path) -> bool:
    try:
        _json(path)
    except ValueError:  # four should_fail files are not JSON at all
        return False
    return True


@pytest.mark.parametrize("path", [path for path in SUITE if _is_json(path)], ids=_name)
def test_the_shipped_schemas_agree_with_the_suite(path: Path) -> None:
    document = _json(path)
    problems = validate(document, path.parts[-3])
    assert (not problems) == (path.parent.name == "should_pass")


def test_a_declared_version_chooses_the_schema() -> None:
    document = {"uri": "u", "standard": {"name": "ninjs", "version": "2.1"}}
    assert schema_version(document) == "2.1"
    assert schema_version({"uri": "u", "$standard": {"version": "9.9"}}) == "1.6"


# -- mapping ------------------------------------------------------------------------------


def test_a_3_x_document_maps_every_field() -> None:
    document = {
        "uri": "urn:example:1",
        "type": "text",
        "version": "3",
        "firstCreated": "2025-03-01T08:00:00Z",
        "versionCreated": "2025-03-01T09:30:00+01:00",
        "pubStatus": "usable",
        "urgency": 4,
        "copyrightHolder": "Example News",
        "copyrightNotice": "(c) 2025 Example News",
        "usageTerms": "No archive",
        "language": "en-GB",
        "headlines": [{"role": "main", "value": "Main"}, {"role": "sub", "value": "Sub"}],
        "by": "Jane Doe",
        "slugline": "talks",
        "located": "Geneva",
        "descriptions": [{"role": "summary", "value": "What happened."}],
        "subjects": [{"name": "politics", "uri": "http://cv.iptc.org/x/1", "literal": "m:1"}],
        "genres": [{"name": "Current", "literal": "genre:Current"}],
        "infoSources": [{"name": "Example News", "uri": "http://example.org"}],
        "bodies": [{"role": "main", "contentType": "text/plain", "value": "One.\n\nTwo\nlines."}],
    }
    article = newsdoc.read(json.dumps(document), "ninjs", strict=True)
    assert article.id == "urn:example:1"
    assert article.version == 3
    assert article.created is not None
    assert article.created.isoformat() == "2025-03-01T08:00:00+00:00"
    assert article.pub_status is newsdoc.PubStatus.USABLE
    assert (article.urgency, article.language) == (4, "en-GB")
    assert article.rights == newsdoc.Rights(
        holder="Example News", notice="(c) 2025 Example News", usage_terms="No archive"
    )
    assert (article.headline, article.subheadline) == ("Main", "Sub")
    assert article.bylines == ("Jane Doe",)
    assert article.located == Concept(name="Geneva")
    assert article.description == "What happened."
    assert article.subjects == (
        Concept(qcode="m:1", uri="http://cv.iptc.org/x/1", name="politics"),
    )
    assert article.genres == (Concept(qcode="genre:Current", name="Current"),)
    assert article.provider == Concept(uri="http://example.org", name="Example News")
    assert article.lead == ("One.", "Two lines.")
    assert article.extensions == ()


def test_1_x_concepts_take_scheme_and_code() -> None:
    document = {
        "uri": "u",
        "subject": [
            {"name": "Italy", "scheme": "http://cvx.iptc.org/iso3166-1a2/", "code": "it"},
            {"code": "medtop:01"},
        ],
        "body_text": "A.\nB.",
    }
    article = newsdoc.read(json.dumps(document), "ninjs")
    assert article.subjects == (
        Concept(uri="http://cvx.iptc.org/iso3166-1a2/it", name="Italy"),
        Concept(qcode="medtop:01"),
    )
    assert article.lead == ("A.", "B.")


SUPERDESK = {
    "guid": "tag:example.org:2025:1",
    "uri": "tag:example.org:2025:1",
    "type": "text",
    "priority": 5,
    "headline": "Vendor keys",
    "body_html": "<p>Hello <b>world</b></p><p>Again&nbsp;here<br></p>",
    "body_text": "Hello world\n\nAgain here",
    "subject": [{"name": "sport", "code": "15000000", "scheme": "http://x/", "rel": "about"}],
    "associations": {"featuremedia": {"type": "picture", "uri": "p1"}},
    "extra": {"desk": "sport"},
    "versioncreated": "yesterday",
}


def test_vendor_keys_are_kept_with_their_paths_and_canonical_json() -> None:
    article = newsdoc.read(json.dumps(SUPERDESK), "ninjs")
    assert article.headline == "Vendor keys"
    assert article.lead == ("Hello world", "Again\u00a0here")  # the HTML body
    kept = {extension.path: extension.content for extension in article.extensions}
    assert kept == {  # body_text says what body_html says: derived, so read
        "$.guid": '"tag:example.org:2025:1"',
        # The line break in the HTML body has no place in the model: the body is kept too.
        "$.body_html": json.dumps(SUPERDESK["body_html"]),
        "$.priority": "5",
        "$.subject[0].rel": '"about"',
        "$.associations.featuremedia.type": '"picture"',  # the association is a link
        "$.extra": '{"desk":"sport"}',
        "$.versioncreated": '"yesterday"',
    }
    assert {extension.format for extension in article.extensions} == {"ninjs"}
    assert article.links == (newsdoc.Link(relation="featuremedia", target_id="p1"),)


def test_strict_reading_refuses_vendor_keys_listing_them() -> None:
    with pytest.raises(UnmappedContentError) as caught:
        newsdoc.read(json.dumps(SUPERDESK), "ninjs", strict=True)
    assert caught.value.paths[:2] == ("$.guid", "$.priority")
    assert "$.extra" in caught.value.paths


def test_a_second_headline_of_the_same_role_is_a_further_headline() -> None:
    document = {"uri": "u", "headlines": [{"value": "One"}, {"role": "main", "value": "Two"}]}
    article = newsdoc.read(json.dumps(document), "ninjs")
    assert article.headline == "One"
    assert article.other_headlines == (newsdoc.RoleText(text="Two", role="main"),)
    assert article.extensions == ()


def test_a_headline_whose_role_is_no_code_is_kept() -> None:
    document = {"uri": "u", "headlines": [{"value": "One"}, {"role": "a b", "value": "Two"}]}
    article = newsdoc.read(json.dumps(document), "ninjs")
    assert article.other_headlines == ()
    assert article.extensions == (
        Extension(format="ninjs", path="$.headlines[1]", content='{"role":"a b","value":"Two"}'),
    )


@pytest.mark.parametrize(
    ("document", "path", "reason"),
    [
        ('{"uri": 5}', "$.uri", "expected a string, not 5"),
        ('{"uri": "u", "headlines": "abc"}', "$.headlines", "expected an array"),
        ('{"uri": "u", "headlines": [3]}', "$.headlines[0]", "expected an object"),
        ('{"uri": "u", "subjects": [{"name": 5}]}', "$.subjects[0].name", "expected a string"),
        ('{"uri": "u", "urgency": "high"}', "$.urgency", "expected a number"),
        ('{"uri": "u", "bodies": [{"value": []}]}', "$.bodies[0].value", "expected a string"),
        ('{"uri": "u", "type": 7}', "$.type", "expected a string"),
        ('{"uri": "u", "urgency": 1' + "0" * 30 + "}", "$.urgency", "digits"),
        ('{"uri": "u", "a": ' + "[" * 200 + "]" * 200 + "}", "$.a" + "[0]" * 63, "nested"),
        ("[]", "$", "a ninjs document is a JSON object"),
    ],
)
def test_hostile_and_wrong_values_are_parse_errors_with_a_path(
    document: str, path: str, reason: str
) -> None:
    with pytest.raises(ParseError) as caught:
        newsdoc.read(document, "ninjs")
    assert caught.value.path == path
    assert reason in caught.value.reason


def test_invalid_utf8_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="UTF-8"):
        newsdoc.read(b'{"uri": "\xff"}', "ninjs")


def test_values_the_model_cannot_take_are_kept_not_refused() -> None:
    document = {
        "uri": "u",
        "version": "1.2",
        "urgency": 12,
        "pubStatus": "cancelled",
        "language": "en_GB",
        "firstCreated": "2025-03-01",
        "headlines": [{"value": "two\nlines"}],
    }
    article = newsdoc.read(json.dumps(document), "ninjs")
    assert [extension.path for extension in article.extensions] == [
        "$.version",
        "$.urgency",
        "$.pubStatus",
        "$.language",
        "$.firstCreated",
        "$.headlines[0]",
    ]


# -- writing ------------------------------------------------------------------------------


def test_3_1_is_written_by_default_and_1_6_on_request() -> None:
    article = Article(id="urn:x:1", headline="Talks resume", lead=("They met.",))
    modern = json.loads(newsdoc.write(article, "ninjs"))
    legacy = json.loads(newsdoc.write(article, "ninjs-1.6"))
    assert modern["standard"]["version"] == "3.1"
    assert modern["headlines"] == [{"role": "main", "value": "Talks resume"}]
    assert legacy["$standard"]["version"] == "1.6"
    assert (legacy["headline"], legacy["body_text"]) == ("Talks resume", "They met.")
    assert validate(modern) == validate(legacy) == ()
    assert modern["bodies"] == [  # nothing for the newsdoc rendition to carry
        {"role": "main", "contentType": "text/plain", "value": "They met."},
        {"role": "richtext", "contentType": "application/xhtml+xml", "value": "<p>They met.</p>"},
    ]
    assert legacy["body_xhtml"] == "<p>They met.</p>"
    assert "body_newsdoc" not in legacy


def test_both_versions_carry_every_field() -> None:
    assert by_name("ninjs").carries == by_name("ninjs-1.6").carries == ARTICLE_FIELDS


@given(article=articles("ninjs"))
def test_every_article_round_trips_through_3_1_and_1_6_and_validates(article: Article) -> None:
    for name in ("ninjs", "ninjs-1.6"):
        document = newsdoc.write(article, name)
        assert validate(json.loads(document), "3.1" if name == "ninjs" else "1.6") == ()
        again = newsdoc.read(document, name)
        for field in attrs.fields(Article):
            assert getattr(again, field.name) == getattr(article, field.name), field.name


def test_al_asad_converts_to_valid_ninjs_and_back_to_the_same_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = AL_ASAD.read_bytes()
    article = newsdoc.read(AL_ASAD)
    assert article.attributions
    assert article.events
    for name, suffix in (("ninjs", ".ninjs"), ("ninjs-1.6", ".json")):
        output = tmp_path / f"al_asad{suffix}"
        assert main(["convert", str(AL_ASAD), "--to", name, "-o", str(output)]) == 0
        assert main(["validate", str(output)]) == 0
        assert capsys.readouterr().out.endswith(": valid (ninjs 3.1)\n" if name == "ninjs"
                                                else ": valid (ninjs 1.6)\n")  # fmt: skip
        again = newsdoc.read(output)  # .json and .ninjs are told ninjs by their content
        assert again == article
        assert newsdoc.write(again, "text").encode("utf-8") == seed


def test_an_edited_body_leaves_the_newsdoc_rendition_kept_not_applied() -> None:
    article = newsdoc.read(AL_ASAD)
    document = json.loads(newsdoc.write(article, "ninjs"))
    document["bodies"][0]["value"] = "An editor rewrote it."
    document["bodies"][1]["value"] = "<p>An editor rewrote it.</p>"
    again = newsdoc.read(json.dumps(document), "ninjs")
    assert again.lead == ("An editor rewrote it.",)
    assert again.attributions == again.events == ()
    assert [extension.path for extension in again.extensions] == ["$.bodies[2]"]
    with pytest.raises(UnmappedContentError):
        newsdoc.read(json.dumps(document), "ninjs", strict=True)


def test_a_plain_body_that_no_longer_says_what_the_markup_says_is_kept() -> None:
    article = newsdoc.read(AL_ASAD)
    document = json.loads(newsdoc.write(article, "ninjs"))
    document["bodies"][0]["value"] = "Something else."
    again = newsdoc.read(json.dumps(document), "ninjs")
    assert again == attrs.evolve(
        article,
        extensions=(
            Extension(
                format="ninjs",
                path="$.bodies[0]",
                content='{"contentType":"text/plain","role":"main","value":"Something else."}',
            ),
        ),
    )


def test_an_edited_headline_is_read_and_the_rest_still_applies() -> None:
    article = attrs.evolve(newsdoc.read(AL_ASAD), headline="Old headline")
    document = json.loads(newsdoc.write(article, "ninjs"))
    document["headlines"][0]["value"] = "A new headline"
    again = newsdoc.read(json.dumps(document), "ninjs")
    assert again == attrs.evolve(article, headline="A new headline")


def test_kept_ninjs_content_travels_so_the_written_document_stays_valid() -> None:
    article = newsdoc.read(json.dumps(SUPERDESK), "ninjs")
    document = json.loads(newsdoc.write(article, "ninjs"))
    assert document["associations"] == [  # the link, not the vendor's object
        {"name": "featuremedia", "uri": "p1", "rel": "featuremedia"}
    ]
    assert validate(document) == ()
    assert newsdoc.read(json.dumps(document), "ninjs") == article


def test_a_broken_newsdoc_rendition_is_a_parse_error() -> None:
    document = json.loads(newsdoc.write(newsdoc.read(AL_ASAD), "ninjs-1.6"))
    document["body_newsdoc"] = '{"digest": "x", "fields": {"colour": 1}}'
    with pytest.raises(ParseError, match="unknown field"):
        newsdoc.read(json.dumps(document), "ninjs")
    document["body_newsdoc"] = "{"
    with pytest.raises(ParseError) as caught:
        newsdoc.read(json.dumps(document), "ninjs")
    assert caught.value.path == "$.body_newsdoc"


# -- telling .json files apart ------------------------------------------------------------


def test_a_json_file_is_ninjs_or_newsdoc_json_by_its_content(tmp_path: Path) -> None:
    article = Article(headline="Talks resume", lead=("They met.",))
    for name in ("json", "ninjs", "ninjs-1.6"):
        path = tmp_path / f"{name}.json"
        path.write_text(newsdoc.write(article, name), encoding="utf-8")
        assert newsdoc.read(path) == article
    head = newsdoc.write(article, "ninjs").encode()
    assert by_suffix(".json", head).name == "ninjs"
    assert by_suffix(".json", newsdoc.write(article, "json").encode()).name == "json"
    assert by_suffix(".json").name == "json"  # a file to write: newsdoc JSON owns .json


def test_a_compact_ninjs_document_is_not_taken_for_json_lines() -> None:
    compact = b'{"uri": "u", "type": "text", "headline": "A", "body_text": "B"}\n'
    assert detect(compact).name == "ninjs"


def test_validating_without_jsonschema_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsdoc.formats.ninjs import schema

    schema._validator.cache_clear()
    monkeypatch.setitem(sys.modules, "jsonschema", None)  # importing it now fails
    path = tmp_path / "story.json"
    path.write_text('{"uri": "u"}', encoding="utf-8")
    try:
        assert main(["validate", str(path)]) == 1
    finally:
        monkeypatch.undo()
        schema._validator.cache_clear()
    assert "pip install 'newsdoc[validate]'" in capsys.readouterr().err


def test_validate_lists_schema_problems_with_json_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"uri": "u", "headlines": [{"role": "main"}], "colour": 1}')
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{path}: $")
    assert any(
        "$.headlines[0]" in line and "'value' is a required property" in line for line in out
    )


# -- markup bodies --------------------------------------------------------------------------


def test_an_html_body_with_entities_and_void_elements_reads() -> None:
    html = '<p>Caf&eacute; &amp; bar&nbsp;open<br>again</p><h2>Later</h2><p>More <img src="x">.</p>'
    article = newsdoc.read(json.dumps({"uri": "u", "body_html": html}), "ninjs")
    assert article.lead == ("Café & bar\u00a0open again",)
    assert article.sections == (newsdoc.Section(heading="Later", paragraphs=("More .",)),)
    # The image and the line break have no place in the model: the body is kept whole too.
    content = json.dumps(html, ensure_ascii=False)
    assert article.extensions == (Extension(format="ninjs", path="$.body_html", content=content),)
    with pytest.raises(UnmappedContentError) as caught:
        newsdoc.read(json.dumps({"uri": "u", "body_html": html}), "ninjs", strict=True)
    assert caught.value.paths == ("$.body_html",)


def test_an_xhtml_body_in_the_xhtml_namespace_reads() -> None:
    body = '<div xmlns="http://www.w3.org/1999/xhtml"><p>One.</p><p>Two.</p></div>'
    document = {"uri": "u", "bodies": [{"contentType": "application/xhtml+xml", "value": body}]}
    assert newsdoc.read(json.dumps(document), "ninjs").lead == ("One.", "Two.")


def test_a_nitf_body_reads_with_the_header_it_states() -> None:
    nitf = (
        '<?xml version="1.0"?><nitf><body><body.head><hedline><hl1>From NITF</hl1></hedline>'
        "<byline>By Ann Lee</byline></body.head><body.content><p>First.</p>"
        "</body.content></body></nitf>"
    )
    document = {"uri": "u", "body_nitf": nitf}
    article = newsdoc.read(json.dumps(document), "ninjs", strict=True)
    assert article.headline == "From NITF"
    assert article.lead == ("First.",)


def test_a_malformed_markup_body_is_kept_and_the_plain_one_read() -> None:
    document = {"uri": "u", "body_html": "<p>Unclosed <b>bold</p>", "body_text": "Plain."}
    article = newsdoc.read(json.dumps(document), "ninjs")
    assert article.lead == ("Plain.",)
    assert article.extensions == (
        Extension(format="ninjs", path="$.body_html", content='"<p>Unclosed <b>bold</p>"'),
    )


def test_a_markup_body_with_a_dtd_is_kept_not_parsed() -> None:
    evil = '<!DOCTYPE x [<!ENTITY a "aaaa">]><p>&a;</p>'
    article = newsdoc.read(json.dumps({"uri": "u", "body_xhtml": evil}), "ninjs")
    assert article.lead == ()
    assert [extension.path for extension in article.extensions] == ["$.body_xhtml"]


@given(data=st.data())
def test_marks_round_trip_through_3_1_and_1_6(data: st.DataObject) -> None:
    article = data.draw(articles("ninjs-1.6"))
    if article.paragraphs:
        drawn = data.draw(st.lists(marks(article.paragraphs), max_size=4))
        article = attrs.evolve(article, marks=drawn)
    for name in ("ninjs", "ninjs-1.6"):
        assert newsdoc.read(newsdoc.write(article, name), name) == article


def test_text_that_markup_would_fold_travels_in_the_newsdoc_rendition() -> None:
    article = Article(
        lead=("Two  spaces\tand a tab.",),
        sections=(newsdoc.Section(heading="A  heading", paragraphs=("Plain.",)),),
    )
    for name in ("ninjs", "ninjs-1.6"):
        document = newsdoc.write(article, name)
        assert '\\"lead\\"' in document  # the folded XHTML alone would not give it back
        assert newsdoc.read(document, name) == article


def test_a_tree_converts_to_ninjs_1_6_files_named_json(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "story.txt").write_bytes(AL_ASAD.read_bytes())
    out = tmp_path / "out"
    assert main(["convert", str(source), "-o", f"{out}/", "--to", "ninjs-1.6", "-q"]) == 0
    written = out / "story.json"
    assert "$standard" in json.loads(written.read_text(encoding="utf-8"))
    assert newsdoc.read(written) == newsdoc.read(AL_ASAD)


def test_links_and_emphasis_in_an_html_body_are_read_as_marks() -> None:
    html = '<p>Read <a href="https://example.org/r">the report</a>, <em>now</em>.</p>'
    article = newsdoc.read(json.dumps({"uri": "u", "body_html": html}), "ninjs", strict=True)
    assert article.lead == ("Read the report, now.",)
    assert {(mark.kind.value, mark.span.text, mark.href) for mark in article.marks} == {
        ("link", "the report", "https://example.org/r"),
        ("emphasis", "now", None),
    }
    for name in ("ninjs", "ninjs-1.6"):
        written = newsdoc.write(article, name)
        assert "application/vnd.newsdoc" not in written
        assert "body_newsdoc" not in written
        assert newsdoc.read(written, name) == article
