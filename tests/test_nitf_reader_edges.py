"""NITF reading at its edges: what the document reader maps, keeps and refuses, field by field.

Pins the errors for a root that is not NITF's (with line and file), the root attributes that
are mapped and the ones kept (sorted, ``xml:lang`` by that name), ``baselang`` and an invalid
one, ``nd:text="exact"``, the ``title`` that is the headline only when no ``hedline`` says
otherwise, second ``head``/``body``/``docdata`` elements kept, strict mode and the unread-content
warnings, the rights put together from ``docdata`` and ``body.head`` (with the ``nd:uri`` of
the notice), the revision history that gives ``updated``, every mapped ``docdata`` element at
its boundaries (``management-status``, ``doc-id`` and alternative ids, ``urgency``,
``date.issue``, ``date.release``, ``du-key``, ``key-list``, ``doc.copyright``,
``doc.rights``), the basic and extended ``norm`` forms, newsdoc's ``nd:annotations`` (the
spans, marks and extensions it holds, and the error for each malformed one, with its path
and line), which inline markup is kept at its paragraph's path, and the order of kept paths.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import newsdoc
from newsdoc import (
    AltId,
    Article,
    Attribution,
    AttributionKind,
    Event,
    Extension,
    Mark,
    ParseError,
    Party,
    PubStatus,
    Rights,
    Section,
    Span,
    TimeExpression,
    UnmappedContentError,
    UnreadContentWarning,
)
from newsdoc.formats.nitf.reader import timestamp_of_norm

NITF = "http://iptc.org/std/NITF/2006-10-18/"
ND = "https://newsdoc.dev/ns/nitf/1"
TEXT = "<body><body.content><p>Text.</p></body.content></body>"
DOCDATA = "/nitf/head[1]/docdata[1]"
UTC = dt.timezone.utc
UNREAD = (
    "nitf: {} was not read: comments, processing instructions and text between elements "
    "are not kept"
)


def _document(head: str = "", body: str = TEXT, root: str = "") -> str:
    return f'<nitf xmlns:nd="{ND}"{root}><head>{head}</head>{body}</nitf>'


def _docdata(docdata: str, attributes: str = "") -> str:
    return _document(f"<docdata{attributes}>{docdata}</docdata>")


def _read(document: str | bytes, *, strict: bool = False) -> Article:
    """The article of ``document``, which must warn of nothing."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return newsdoc.read(document, "nitf", extract=False, strict=strict)


def _error(document: str) -> ParseError:
    with pytest.raises(ParseError) as caught:
        _read(document)
    return caught.value


def _kept(path: str, content: str) -> Extension:
    """An NITF element kept whole, ``content`` in canonical XML but for the declaration of
    NITF's namespace, which canonical XML puts first on the outermost element."""
    name_end = min(content.index(end) for end in (" ", ">") if end in content)
    declared = f'{content[:name_end]} xmlns="{NITF}"{content[name_end:]}'
    return Extension(format="nitf", path=path, content=declared)


def _attributes(path: str, *pairs: tuple[str, str]) -> Extension:
    return Extension(format="nitf", path=path, attributes=pairs)


# -- the root ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ("\n\n<article/>", "expected an nitf root element, found 'article'"),
        (f'\n\n<article xmlns="{NITF}"/>', "expected an nitf root element, found 'article'"),
        (
            '\n\n<nitf xmlns="urn:other"/>',
            f"the root element nitf is in namespace 'urn:other', not NITF's '{NITF}'",
        ),
    ],
    ids=["other-name", "other-name-in-nitf-namespace", "nitf-in-other-namespace"],
)
def test_a_root_that_is_not_nitfs_is_refused_at_its_line(document: str, reason: str) -> None:
    error = _error(document)
    assert error.reason == reason
    assert (error.line, error.path, error.source) == (3, None, None)
    assert str(error) == f"cannot read nitf: line 3: {reason}"


def test_the_error_for_a_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "wire.nitf"
    path.write_text("<article/>")
    with pytest.raises(ParseError) as caught:
        newsdoc.read(path)
    assert caught.value.source == str(path)
    assert str(caught.value) == (
        f"cannot read nitf: {path}, line 1: expected an nitf root element, found 'article'"
    )


@pytest.mark.parametrize(
    ("document", "error"),
    [
        ("<nitf><body>", ParseError),
        (_document(root=' baselang="not a tag"'), ParseError),
        (_document('<nd:annotations><nd:event trigger="9:0:1"/></nd:annotations>'), ParseError),
        (_document("<tobject/>"), UnmappedContentError),
    ],
    ids=["not-well-formed", "invalid-field", "malformed-annotation", "strict"],
)
def test_every_error_reading_a_file_names_the_file(
    tmp_path: Path, document: str, error: type[ParseError]
) -> None:
    path = tmp_path / "wire.nitf"
    path.write_text(document)
    with pytest.raises(error) as caught:
        newsdoc.read(path, strict=True)
    assert caught.value.format == "nitf"
    assert caught.value.source == str(path)
    assert str(caught.value).startswith(f"cannot read nitf: {path}, ")


def test_a_document_naming_an_external_dtd_is_read() -> None:
    document = '<!DOCTYPE nitf SYSTEM "nitf-3-3.dtd">' + _document()
    assert _read(document) == Article(lead=("Text.",))


def test_the_roots_own_attributes_are_mapped_and_others_kept_sorted() -> None:
    root = (
        ' zz="last" version="-//IPTC//DTD NITF 3.6//EN" change.date="June 10, 2005"'
        ' change.time="19:30" baselang="en-GB" nd:text="exact" id="n1" xml:lang="fr"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:schemaLocation="http://iptc.org/std/NITF/2006-10-18/ nitf.xsd" aa="first"'
    )
    article = _read(_document(root=root))
    assert article == Article(
        language="en-GB",
        lead=("Text.",),
        extensions=(
            _attributes("/nitf", ("aa", "first"), ("id", "n1"), ("xml:lang", "fr"), ("zz", "last")),
        ),
    )


def test_a_root_with_only_mapped_attributes_keeps_nothing() -> None:
    assert _read(_document(root=' version="3.6" baselang="es"')) == Article(
        language="es", lead=("Text.",)
    )


def test_an_empty_baselang_is_no_language() -> None:
    assert _read(_document(root=' baselang=""')) == Article(lead=("Text.",))


def test_a_baselang_the_model_refuses_is_an_error_at_the_root() -> None:
    error = _error("\n" + _document(root=' baselang="not a tag"'))
    assert (error.line, error.path) == (2, "/nitf")
    assert error.reason == "invalid language: 'not a tag' is not a BCP 47 language tag"
    assert str(error) == (
        "cannot read nitf: line 2, at /nitf: invalid language: 'not a tag' is not a BCP 47 "
        "language tag"
    )


@pytest.mark.parametrize(
    ("marker", "headline"),
    [
        (' nd:text="exact"', "Big  news"),
        (' nd:text="EXACT"', "Big news"),
        (' nd:text="exactly"', "Big news"),
        (' text="exact"', "Big news"),
        ("", "Big news"),
    ],
)
def test_only_nd_text_exact_takes_text_as_written(marker: str, headline: str) -> None:
    document = _document("<title>Big  news</title>", root=marker)
    article = newsdoc.read(document, "nitf", extract=False)
    assert article.headline == headline


# -- what the root holds -------------------------------------------------------------------------


def test_a_second_head_and_body_and_any_other_element_are_kept() -> None:
    document = (
        f'<nitf xmlns:o="urn:o"><head/><head><title>Two</title></head>{TEXT}'
        "<body><body.content><p>Other.</p></body.content></body><extra/><o:x/></nitf>"
    )
    assert _read(document) == Article(
        lead=("Text.",),
        extensions=(
            Extension(format="nitf", path="/nitf/*[6]", content='<o:x xmlns:o="urn:o"></o:x>'),
            _kept("/nitf/body[2]", "<body><body.content><p>Other.</p></body.content></body>"),
            _kept("/nitf/extra[1]", "<extra></extra>"),
            _kept("/nitf/head[2]", "<head><title>Two</title></head>"),
        ),
    )


def test_kept_content_of_a_document_in_nitfs_namespace_stays_in_it() -> None:
    document = f'<nitf xmlns="{NITF}"><head><tobject a="1"/></head>{TEXT}</nitf>'
    assert _read(document).extensions == (
        _kept("/nitf/head[1]/tobject[1]", '<tobject a="1"></tobject>'),
    )


def test_kept_content_is_exclusive_canonical_xml_with_its_comments() -> None:
    document = (
        f'<nitf xmlns="{NITF}" xmlns:o="urn:o" xmlns:u="urn:unused"><head>'
        '<tobject  b="2"   a="1"><!-- said so --><o:x o:k="v"/></tobject></head>'
        f"{TEXT}</nitf>"
    )
    (kept,) = _read(document).extensions
    # Attributes in order, no namespace it does not use, the comment with it.
    assert kept.content == (
        f'<tobject xmlns="{NITF}" a="1" b="2"><!-- said so -->'
        '<o:x xmlns:o="urn:o" o:k="v"></o:x></tobject>'
    )


def test_kept_content_with_a_relative_namespace_uri_is_kept_as_written() -> None:
    # Canonical XML refuses a relative namespace URI; the element is kept as lxml writes it,
    # with only the declarations it uses.
    document = (
        f'<nitf xmlns="{NITF}" xmlns:u="urn:unused"><head>'
        '<r:tobject xmlns:r="rel/x" r:a="1"><x/></r:tobject></head>'
        f"{TEXT}</nitf>"
    )
    assert _read(document).extensions == (
        Extension(
            format="nitf",
            path="/nitf/head[1]/*[1]",
            content=f'<r:tobject xmlns:r="rel/x" xmlns="{NITF}" r:a="1"><x/></r:tobject>',
        ),
    )


# -- the title ---------------------------------------------------------------------------------

HEDLINE = "<body><body.head><hedline><hl1>{}</hl1></hedline></body.head>{}</body>"
CONTENT = "<body.content><p>Text.</p></body.content>"


def test_the_title_is_the_headline_when_there_is_no_hedline() -> None:
    assert _read(_document("<title>Port  strike\n ends</title>")) == Article(
        headline="Port strike ends", lead=("Text.",)
    )


def test_a_title_that_says_what_the_hedline_says_is_not_kept() -> None:
    document = _document("<title>Port strike</title>", HEDLINE.format("Port strike", CONTENT))
    assert _read(document) == Article(headline="Port strike", lead=("Text.",))


def test_a_title_that_differs_from_the_hedline_is_kept() -> None:
    document = _document("<title>Strike</title>", HEDLINE.format("Port strike", CONTENT))
    assert _read(document) == Article(
        headline="Port strike",
        lead=("Text.",),
        extensions=(_kept("/nitf/head[1]/title[1]", "<title>Strike</title>"),),
    )


@pytest.mark.parametrize("title", ["<title> </title>", "<title/>"])
@pytest.mark.parametrize("body", [TEXT, HEDLINE.format("Port strike", CONTENT)])
def test_an_empty_title_is_kept(title: str, body: str) -> None:
    article = _read(_document(title, body))
    written = "<title> </title>" if " " in title else "<title></title>"
    assert article.extensions == (_kept("/nitf/head[1]/title[1]", written),)
    assert article.headline == (None if body == TEXT else "Port strike")


def test_a_title_with_markup_is_kept_whole_and_its_words_are_the_headline() -> None:
    article = _read(_document("<title>Port <em>strike</em>\n ends</title>"))
    assert article == Article(
        headline="Port strike ends",
        lead=("Text.",),
        extensions=(_kept("/nitf/head[1]/title[1]", "<title>Port <em>strike</em>\n ends</title>"),),
    )


def test_the_words_around_a_comment_in_the_title_are_the_headline() -> None:
    with pytest.warns(UnreadContentWarning, match=r"title\[1\]/comment\(\) was not read"):
        article = newsdoc.read(_document("<title>Port <!-- x -->strike</title>"), "nitf")
    assert article.headline == "Port strike"


def test_the_words_around_a_comment_in_an_exact_title_are_taken_as_written() -> None:
    document = _document("<title>Port<!-- x -->  strike</title>", root=' nd:text="exact"')
    with pytest.warns(UnreadContentWarning, match=r"title\[1\]/comment\(\) was not read"):
        assert newsdoc.read(document, "nitf").headline == "Port  strike"


@pytest.mark.parametrize(
    ("head", "headline", "kept"),
    [
        ('<title id="t1">Port strike</title>', None, "title[1]"),
        ("<title>Port strike</title><title>Port strike</title>", "Port strike", "title[2]"),
    ],
    ids=["with-attributes", "second"],
)
def test_a_title_with_attributes_or_a_second_title_is_kept(
    head: str, headline: str | None, kept: str
) -> None:
    article = _read(_document(head))
    assert article.headline == headline
    assert [extension.path for extension in article.extensions] == [f"/nitf/head[1]/{kept}"]


# -- strict mode and what is not read ------------------------------------------------------------


def test_strict_mode_lists_each_unmapped_path_once_sorted() -> None:
    document = _document(
        "<tobject/><!-- a --><docdata><urgency ed-urg='2' x='1'/></docdata><!-- b -->"
    )
    with pytest.raises(UnmappedContentError) as caught:
        _read(document, strict=True)
    paths = (
        "/nitf/head[1]/comment()",
        "/nitf/head[1]/docdata[1]/urgency[1]",
        "/nitf/head[1]/tobject[1]",
    )
    assert caught.value.paths == paths
    assert caught.value.path == paths[0]
    assert caught.value.reason == (
        f"strict mode refuses to drop 3 unmapped item(s): {', '.join(paths)}"
    )


def test_strict_mode_refuses_a_document_whose_only_loss_is_unread() -> None:
    with pytest.raises(UnmappedContentError) as caught:
        _read(_document("<?note x?>"), strict=True)
    assert caught.value.paths == ("/nitf/head[1]/processing-instruction()",)


def test_strict_mode_reads_a_document_it_maps_whole() -> None:
    document = _document("<title>Port strike</title>", root=' baselang="en"')
    assert _read(document, strict=True) == Article(
        language="en", headline="Port strike", lead=("Text.",)
    )


def test_lenient_mode_keeps_what_strict_mode_refuses() -> None:
    assert _read(_document("<tobject/>")) == Article(
        lead=("Text.",), extensions=(_kept("/nitf/head[1]/tobject[1]", "<tobject></tobject>"),)
    )


def test_what_is_not_read_is_warned_once_per_path_in_order() -> None:
    document = _document(
        "<!-- a -->stray<tobject/><!-- b -->",
        "<body>words<body.content><p>Text.</p></body.content></body>",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = newsdoc.read(document, "nitf", extract=False)
    assert article.lead == ("Text.",)
    assert [warning.category for warning in caught] == [UnreadContentWarning] * 3
    assert [str(warning.message) for warning in caught] == [
        UNREAD.format("/nitf/body[1]/text()"),
        UNREAD.format("/nitf/head[1]/comment()"),
        UNREAD.format("/nitf/head[1]/text()"),
    ]


# -- rights ------------------------------------------------------------------------------------

RIGHTS_BODY = "<body><body.head>{}</body.head><body.content><p>Text.</p></body.content></body>"


def test_rights_gather_holder_terms_notice_and_its_uri() -> None:
    document = _document(
        '<docdata><doc.copyright holder="AP" year="2025"/>'
        '<doc.rights limitations="No resale"/></docdata>',
        RIGHTS_BODY.format('<rights nd:uri="https://ap.org/terms">(c) 2025 AP</rights>'),
    )
    assert _read(document) == Article(
        rights=Rights(
            holder="AP",
            notice="(c) 2025 AP",
            notice_uri="https://ap.org/terms",
            usage_terms="No resale",
        ),
        lead=("Text.",),
        extensions=(_attributes(f"{DOCDATA}/doc.copyright[1]", ("year", "2025")),),
    )


def test_the_other_attributes_of_doc_rights_are_kept() -> None:
    article = _read(_docdata('<doc.rights limitations="No resale" agent="AP"/>'))
    assert article == Article(
        rights=Rights(usage_terms="No resale"),
        lead=("Text.",),
        extensions=(_attributes(f"{DOCDATA}/doc.rights[1]", ("agent", "AP")),),
    )


@pytest.mark.parametrize(
    ("docdata", "rights"),
    [
        ('<doc.copyright holder="AP"/>', Rights(holder="AP")),
        ('<doc.rights limitations="No resale"/>', Rights(usage_terms="No resale")),
    ],
)
def test_a_holder_or_usage_terms_alone_are_rights(docdata: str, rights: Rights) -> None:
    assert _read(_docdata(docdata)).rights == rights


@pytest.mark.parametrize("element", ["doc.copyright", "doc.rights"])
@pytest.mark.parametrize("value", ["", " ", None])
def test_a_blank_holder_or_limitation_is_no_rights(element: str, value: str | None) -> None:
    name = "holder" if element == "doc.copyright" else "limitations"
    attribute = "" if value is None else f' {name}="{value}"'
    article = _read(_docdata(f"<{element}{attribute}/>"))
    assert article.rights is None
    assert article.extensions == (
        _kept(f"{DOCDATA}/{element}[1]", f"<{element}{attribute}></{element}>"),
    )


def test_a_notice_alone_is_rights_with_its_uri() -> None:
    document = _document(body=RIGHTS_BODY.format('<rights nd:uri="u:1">(c) AP</rights>'))
    assert _read(document) == Article(
        rights=Rights(notice="(c) AP", notice_uri="u:1"), lead=("Text.",)
    )


def test_a_blank_notice_uri_stays_on_the_notice() -> None:
    document = _document(body=RIGHTS_BODY.format('<rights nd:uri="  ">(c) AP</rights>'))
    assert _read(document) == Article(
        rights=Rights(notice="(c) AP"),
        lead=("Text.",),
        extensions=(_attributes("/nitf/body[1]/body.head[1]/rights[1]", (f"{{{ND}}}uri", "  ")),),
    )


@pytest.mark.parametrize(
    ("head", "notice", "kept"),
    [
        ('<rights nd:uri="u:1"> </rights>', None, "rights[1]"),
        ('<rights nd:uri="u:1"/>', None, "rights[1]"),
        ('<rights nd:uri="u:1">(c) <em>AP</em></rights>', "(c) AP", "rights[1]"),
        ('<rights>(c) AP</rights><rights nd:uri="u:1">(c) B</rights>', "(c) AP", "rights[2]"),
    ],
    ids=["blank", "empty", "markup", "second"],
)
def test_the_uri_of_a_rights_that_is_not_the_notice_stays_with_it(
    head: str, notice: str | None, kept: str
) -> None:
    article = _read(_document(body=RIGHTS_BODY.format(f"<byline>By Ann</byline>{head}")))
    assert article.rights == (None if notice is None else Rights(notice=notice))
    (extension,) = article.extensions
    assert extension.path == f"/nitf/body[1]/body.head[1]/{kept}"
    assert 'nd:uri="u:1"' in extension.content


# -- creators ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("marker", "name"), [(' nd:text="exact"', "Ann  Lee"), ("", "Ann Lee")])
def test_a_creators_name_is_taken_as_written_only_in_exact_text(marker: str, name: str) -> None:
    body = RIGHTS_BODY.format("<byline>By <person>Ann  Lee</person></byline>")
    article = _read(_document(body=body, root=marker))
    assert article == Article(bylines=(name,), creators=(Party(name=name),), lead=("Text.",))


# -- the head: revisions, docdata, annotations ------------------------------------------------

REVISION = '<revision-history name="{0}" norm="{1}"/>'
HEAD = "/nitf/head[1]"


def _revision(name: str, norm: str) -> str:
    return REVISION.format(name, norm)


def _written_revision(name: str, norm: str, inside: str = "") -> str:
    return f'<revision-history name="{name}" norm="{norm}">{inside}</revision-history>'


def test_the_last_revision_with_a_time_is_updated_and_the_others_kept() -> None:
    head = (
        _revision("a", "20250301T100000Z")
        + _revision("b", "20250302T100000Z")
        + _revision("c", "soon")
        + '<revision-history name="d" norm="20250304T100000Z"><x/></revision-history>'
    )
    article = _read(_document(head))
    assert article.updated == dt.datetime(2025, 3, 2, 10, tzinfo=UTC)
    assert article.extensions == (
        _kept(f"{HEAD}/revision-history[1]", _written_revision("a", "20250301T100000Z")),
        _attributes(f"{HEAD}/revision-history[2]", ("name", "b")),
        _kept(f"{HEAD}/revision-history[3]", _written_revision("c", "soon")),
        _kept(f"{HEAD}/revision-history[4]", _written_revision("d", "20250304T100000Z", "<x></x>")),
    )


def test_the_only_revision_with_a_time_is_updated_and_nothing_kept() -> None:
    article = _read(_document('<revision-history norm="20250302T101500+0100"/>'))
    assert article == Article(
        updated=dt.datetime(2025, 3, 2, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        lead=("Text.",),
    )


def test_the_first_revision_is_updated_when_the_later_ones_have_no_time() -> None:
    head = _revision("a", "20250301T100000Z") + _revision("b", "") + _revision("c", "x")
    article = _read(_document(head))
    assert article.updated == dt.datetime(2025, 3, 1, 10, tzinfo=UTC)
    assert [e.path for e in article.extensions] == [
        f"{HEAD}/revision-history[1]",
        f"{HEAD}/revision-history[2]",
        f"{HEAD}/revision-history[3]",
    ]
    assert article.extensions[0].attributes == (("name", "a"),)
    assert article.extensions[1].content.startswith("<revision-history")


def test_revisions_without_a_time_are_all_kept() -> None:
    head = _revision("a", "") + '<revision-history name="b"/>'
    article = _read(_document(head))
    assert article == Article(
        lead=("Text.",),
        extensions=(
            _kept(f"{HEAD}/revision-history[1]", _written_revision("a", "")),
            _kept(f"{HEAD}/revision-history[2]", '<revision-history name="b"></revision-history>'),
        ),
    )


def test_the_heads_attributes_are_kept_on_it() -> None:
    document = f'<nitf><head id="h1" class="x"><title>Port strike</title></head>{TEXT}</nitf>'
    assert _read(document) == Article(
        headline="Port strike",
        lead=("Text.",),
        extensions=(_attributes(HEAD, ("class", "x"), ("id", "h1")),),
    )


def test_a_second_docdata_and_a_second_annotations_are_kept() -> None:
    head = (
        '<docdata><urgency ed-urg="2"/></docdata><docdata><urgency ed-urg="5"/></docdata>'
        "<nd:annotations/><nd:annotations/>"
    )
    article = _read(_document(head))
    assert article.urgency == 2
    assert [e.path for e in article.extensions] == [f"{HEAD}/*[4]", f"{HEAD}/docdata[2]"]
    assert article.extensions[0].content == f'<nd:annotations xmlns:nd="{ND}"></nd:annotations>'


# -- docdata -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("usable", PubStatus.USABLE),
        (" withheld ", PubStatus.WITHHELD),
        ("canceled", PubStatus.CANCELED),
    ],
)
def test_management_status_is_the_pub_status(status: str, expected: PubStatus) -> None:
    article = _read(_docdata("", f' management-status="{status}" id="d1"'))
    assert article == Article(
        pub_status=expected, lead=("Text.",), extensions=(_attributes(DOCDATA, ("id", "d1")),)
    )


@pytest.mark.parametrize("status", ["Usable", "embargoed", ""])
def test_a_management_status_of_no_pub_status_is_kept(status: str) -> None:
    article = _read(_docdata("", f' management-status="{status}"'))
    assert article.pub_status is None
    assert article.extensions == (_attributes(DOCDATA, ("management-status", status)),)


def test_an_article_id_is_the_first_doc_id_stripped() -> None:
    article = _read(_docdata('<doc-id id-string=" AP-1 " regsrc="AP"/>'))
    assert article == Article(
        id="AP-1",
        lead=("Text.",),
        extensions=(_attributes(f"{DOCDATA}/doc-id[1]", ("regsrc", "AP")),),
    )


@pytest.mark.parametrize(
    "doc_id", ["<doc-id/>", '<doc-id id-string=" "/>', '<doc-id regsrc="AP"/>']
)
def test_a_lone_doc_id_without_an_id_is_kept(doc_id: str) -> None:
    article = _read(_docdata(doc_id))
    assert article.id is None
    assert [e.path for e in article.extensions] == [f"{DOCDATA}/doc-id[1]"]
    assert article.extensions[0].content.startswith("<doc-id")


def test_an_empty_first_doc_id_before_others_stands_for_no_id() -> None:
    article = _read(_docdata('<doc-id/><doc-id id-string="SAD02" regsrc="idtype:sys"/>'))
    assert article == Article(alt_ids=(AltId(value="SAD02", kind="idtype:sys"),), lead=("Text.",))


@pytest.mark.parametrize(
    "first", ['<doc-id a="1"/>', "<doc-id> x </doc-id>", "<doc-id><x/></doc-id>"]
)
def test_a_first_doc_id_that_holds_anything_is_kept_before_others(first: str) -> None:
    article = _read(_docdata(f'{first}<doc-id id-string="SAD02"/>'))
    assert article.id is None
    assert article.alt_ids == (AltId(value="SAD02"),)
    assert [e.path for e in article.extensions] == [f"{DOCDATA}/doc-id[1]"]


def test_further_doc_ids_are_alternative_ids_with_one_word_kinds() -> None:
    docdata = (
        '<doc-id id-string="urn:1"/>'
        '<doc-id id-string="  SAD 02 " regsrc="idtype:sys" x="1"/>'
        '<doc-id id-string="C" regsrc="two words"/>'
        '<doc-id id-string="D" regsrc=" padded"/>'
    )
    assert _read(_docdata(docdata)) == Article(
        id="urn:1",
        alt_ids=(
            AltId(value="SAD 02", kind="idtype:sys"),
            AltId(value="C"),
            AltId(value="D"),
        ),
        lead=("Text.",),
        extensions=(
            _attributes(f"{DOCDATA}/doc-id[2]", ("x", "1")),
            _attributes(f"{DOCDATA}/doc-id[3]", ("regsrc", "two words")),
            _attributes(f"{DOCDATA}/doc-id[4]", ("regsrc", " padded")),
        ),
    )


def test_an_exact_alternative_id_is_taken_as_written() -> None:
    document = _document(
        '<docdata><doc-id id-string="a"/><doc-id id-string="SAD  02"/></docdata>',
        root=' nd:text="exact"',
    )
    assert _read(document).alt_ids == (AltId(value="SAD  02"),)


@pytest.mark.parametrize(
    "further",
    [
        '<doc-id regsrc="AP"/>',
        '<doc-id id-string="B">text</doc-id>',
        '<doc-id id-string="B"><x/></doc-id>',
        '<doc-id id-string=" "/>',
    ],
    ids=["no-id-string", "text", "children", "blank"],
)
def test_a_further_doc_id_that_holds_no_alternative_id_is_kept(further: str) -> None:
    article = _read(_docdata(f'<doc-id id-string="A"/>{further}'))
    assert (article.id, article.alt_ids) == ("A", ())
    assert [e.path for e in article.extensions] == [f"{DOCDATA}/doc-id[2]"]
    assert article.extensions[0].content.startswith("<doc-id")


def test_an_exact_alternative_id_that_is_not_one_line_is_kept() -> None:
    document = _document(
        '<docdata><doc-id id-string="A"/><doc-id id-string="B&#10;C"/></docdata>',
        root=' nd:text="exact"',
    )
    article = _read(document)
    assert article.alt_ids == ()
    assert [e.path for e in article.extensions] == [f"{DOCDATA}/doc-id[2]"]


@pytest.mark.parametrize(("value", "urgency"), [("1", 1), (" 9 ", 9), ("5", 5)])
def test_ed_urg_one_to_nine_is_the_urgency(value: str, urgency: int) -> None:
    article = _read(_docdata(f'<urgency ed-urg="{value}" id="u"/>'))
    assert article == Article(
        urgency=urgency,
        lead=("Text.",),
        extensions=(_attributes(f"{DOCDATA}/urgency[1]", ("id", "u")),),
    )


@pytest.mark.parametrize("value", ["0", "10", "", "high"])
def test_an_ed_urg_outside_one_to_nine_is_kept(value: str) -> None:
    article = _read(_docdata(f'<urgency ed-urg="{value}"/>'))
    assert article.urgency is None
    assert article.extensions == (
        _kept(f"{DOCDATA}/urgency[1]", f'<urgency ed-urg="{value}"></urgency>'),
    )


@pytest.mark.parametrize(
    ("norm", "created"),
    [
        ("20250303T061500Z", dt.datetime(2025, 3, 3, 6, 15, tzinfo=UTC)),
        # date.issue keeps a fraction: created is written in the extended form then.
        ("2025-03-03T06:15:00.25+00:00", dt.datetime(2025, 3, 3, 6, 15, 0, 250000, tzinfo=UTC)),
    ],
)
def test_date_issue_is_created(norm: str, created: dt.datetime) -> None:
    article = _read(_docdata(f'<date.issue norm="{norm}" id="i"/>'))
    assert article == Article(
        created=created,
        lead=("Text.",),
        extensions=(_attributes(f"{DOCDATA}/date.issue[1]", ("id", "i")),),
    )


@pytest.mark.parametrize("element", ['<date.issue norm="20250303T061500"/>', "<date.issue/>"])
def test_a_date_issue_without_a_zone_or_norm_is_kept(element: str) -> None:
    article = _read(_docdata(element))
    assert article.created is None
    assert [e.path for e in article.extensions] == [f"{DOCDATA}/date.issue[1]"]


@pytest.mark.parametrize(
    ("norm", "embargoed"),
    [
        ("10000101T000000Z", dt.datetime(1000, 1, 1, tzinfo=UTC)),
        ("20250303T070000+0545", dt.datetime(
            2025, 3, 3, 7, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=45)))),
        ("2025-03-03T07:00:00-01:00", dt.datetime(
            2025, 3, 3, 7, tzinfo=dt.timezone(dt.timedelta(hours=-1)))),
    ],
)  # fmt: skip
def test_date_release_is_the_embargo_when_basic_form_writes_it_back(
    norm: str, embargoed: dt.datetime
) -> None:
    article = _read(_docdata(f'<date.release norm="{norm}" id="r"/>'))
    assert article == Article(
        embargoed=embargoed,
        lead=("Text.",),
        extensions=(_attributes(f"{DOCDATA}/date.release[1]", ("id", "r")),),
    )


@pytest.mark.parametrize(
    "norm",
    [
        "09991231T235959Z",  # a year before 1000
        "2025-03-03T07:00:00.000001+00:00",  # a fraction of a second
        "2025-03-03T07:00:00+00:00:30",  # an offset of seconds
        "20250303",  # a day
        None,  # no norm at all
    ],
)
def test_a_date_release_basic_form_cannot_write_is_kept(norm: str | None) -> None:
    attribute = "" if norm is None else f' norm="{norm}"'
    article = _read(_docdata(f"<date.release{attribute}/>"))
    assert article.embargoed is None
    assert article.extensions == (
        _kept(f"{DOCDATA}/date.release[1]", f"<date.release{attribute}></date.release>"),
    )


@pytest.mark.parametrize(
    ("attributes", "slugline", "version", "kept"),
    [
        (' key=" Port  strike "', "Port strike", None, ()),
        (' version="1"', None, 1, ()),
        (' version=" 42 "', None, 42, ()),
        (' version="999999999999999999"', None, 10**18 - 1, ()),
        (' version="1000000000000000000"', None, 10**18, ()),
        (' version="9223372036854775807"', None, 2**63 - 1, ()),
        (' version="10000000000000000000"', None, None, (("version", "10000000000000000000"),)),
        (' version="9223372036854775808"', None, None, (("version", "9223372036854775808"),)),
        (' version="0"', None, None, (("version", "0"),)),
        (' version="07"', None, None, (("version", "07"),)),
        (' key=" " version="x" b="1"', None, None, (("b", "1"), ("key", " "), ("version", "x"))),
        (' key="Strike" version="3" b="1"', "Strike", 3, (("b", "1"),)),
    ],
)
def test_du_key_is_slugline_and_version(
    attributes: str, slugline: str | None, version: int | None, kept: tuple[tuple[str, str], ...]
) -> None:
    article = _read(_docdata(f"<du-key{attributes}/>"))
    assert (article.slugline, article.version) == (slugline, version)
    expected = (_attributes(f"{DOCDATA}/du-key[1]", *kept),) if kept else ()
    assert article.extensions == expected


@pytest.mark.parametrize(("key", "slugline"), [("Port  strike", "Port  strike"), (" ", None)])
def test_an_exact_du_key_is_taken_as_written(key: str, slugline: str | None) -> None:
    document = _document(f'<docdata><du-key key="{key}"/></docdata>', root=' nd:text="exact"')
    assert _read(document).slugline == slugline


def test_key_list_keywords_are_read_and_the_rest_kept() -> None:
    docdata = (
        '<key-list a="1"><keyword key=" Port  strike "/><keyword/><keyword key=" "/>'
        '<keyword key="docks"><b/></keyword><other/><keyword key="Kenya" x="y"/></key-list>'
    )
    assert _read(_docdata(docdata)) == Article(
        keywords=("Port strike", "Kenya"),
        lead=("Text.",),
        extensions=(
            _attributes(f"{DOCDATA}/key-list[1]", ("a", "1")),
            _kept(f"{DOCDATA}/key-list[1]/keyword[2]", "<keyword></keyword>"),
            _kept(f"{DOCDATA}/key-list[1]/keyword[3]", '<keyword key=" "></keyword>'),
            _kept(f"{DOCDATA}/key-list[1]/keyword[4]", '<keyword key="docks"><b></b></keyword>'),
            _attributes(f"{DOCDATA}/key-list[1]/keyword[5]", ("x", "y")),
            _kept(f"{DOCDATA}/key-list[1]/other[1]", "<other></other>"),
        ),
    )


def test_exact_keywords_are_taken_as_written() -> None:
    document = _document(
        '<docdata><key-list><keyword key="Port  strike"/></key-list></docdata>',
        root=' nd:text="exact"',
    )
    assert _read(document).keywords == ("Port  strike",)


def test_docdata_elements_with_children_second_namesakes_and_others_are_kept() -> None:
    docdata = (
        '<doc-id id-string="A"/><doc-id id-string="B"/><urgency ed-urg="2"/><urgency ed-urg="3"/>'
        '<du-key key="k"><x/></du-key><o:flag xmlns:o="urn:o"/><fixture/>'
    )
    article = _read(_docdata(docdata))
    assert (article.id, article.alt_ids) == ("A", (AltId(value="B"),))
    assert (article.urgency, article.slugline) == (2, None)
    assert [e.path for e in article.extensions] == [
        f"{DOCDATA}/*[6]",
        f"{DOCDATA}/du-key[1]",
        f"{DOCDATA}/fixture[1]",
        f"{DOCDATA}/urgency[2]",
    ]


@pytest.mark.parametrize(
    ("info", "text"), [("Note", ""), ("Note", " \n ")], ids=["empty", "layout"]
)
def test_an_ed_msg_with_only_layout_inside_is_a_note(info: str, text: str) -> None:
    article = _read(_docdata(f'<ed-msg info="{info}">{text}</ed-msg><ed-msg info=" Two  "/>'))
    assert article == Article(editorial_notes=("Note", "Two"), lead=("Text.",))


@pytest.mark.parametrize(
    "second",
    ['<ed-msg info=" "/>', '<ed-msg info="Two">x</ed-msg>', '<ed-msg info="Two"><x/></ed-msg>'],
)
def test_ed_msgs_are_kept_when_one_holds_no_note(second: str) -> None:
    article = _read(_docdata(f'<ed-msg info="One"/>{second}'))
    assert article.editorial_notes == ()
    assert [e.path for e in article.extensions] == [f"{DOCDATA}/ed-msg[1]", f"{DOCDATA}/ed-msg[2]"]


def test_the_elements_after_the_notes_are_read() -> None:
    article = _read(_docdata('<ed-msg info="Note"/><urgency ed-urg="3"/><ed-msg info="Two"/>'))
    assert article == Article(urgency=3, editorial_notes=("Note", "Two"), lead=("Text.",))


def test_an_exact_note_is_taken_as_written_and_other_attributes_kept() -> None:
    document = _document(
        '<docdata><urgency ed-urg="1"/><ed-msg info="A  note" msg-type="x"/></docdata>',
        root=' nd:text="exact"',
    )
    article = _read(document)
    assert article.editorial_notes == ("A  note",)
    assert article.extensions == (_attributes(f"{DOCDATA}/ed-msg[1]", ("msg-type", "x")),)


# -- norms -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("norm", "moment"),
    [
        ("20250303T120000Z", dt.datetime(2025, 3, 3, 12, tzinfo=UTC)),
        (" 20250303T120000-0500 ", dt.datetime(
            2025, 3, 3, 12, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
        ("20250303T120000+05:30", dt.datetime(
            2025, 3, 3, 12, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))),
        ("20250303T120000.5Z", dt.datetime(2025, 3, 3, 12, 0, 0, 500000, tzinfo=UTC)),
        ("20250303T120000.123456+0000", dt.datetime(2025, 3, 3, 12, 0, 0, 123456, tzinfo=UTC)),
        ("2025-03-03T12:00:00+01:00", dt.datetime(
            2025, 3, 3, 12, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
        ("2025-03-03T12:00:00Z", dt.datetime(2025, 3, 3, 12, tzinfo=UTC)),
        ("2025-03-03T12:00:00.25Z", dt.datetime(2025, 3, 3, 12, 0, 0, 250000, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_a_norm_in_basic_or_extended_form_is_a_moment(norm: str, moment: dt.datetime) -> None:
    found = timestamp_of_norm(norm)
    assert found is not None
    assert (found, found.utcoffset()) == (moment, moment.utcoffset())  # the zone as written


@pytest.mark.parametrize(
    "norm",
    [
        "20250303T120000",
        "2025-03-03T12:00:00",
        "2025-03-03T12:00:00z",  # ISO 8601's designator of UTC is a capital Z
        "20251303T120000Z",
        "20250303",
        "soon",
        "",
    ],
)
def test_a_norm_without_a_zone_or_not_a_moment_is_none(norm: str) -> None:
    assert timestamp_of_norm(norm) is None


# -- newsdoc's annotations ---------------------------------------------------------------------

LEAD = ("Ann said we left.", "On Monday.")
SECTION = Section(heading="Later", paragraphs=("They came back.",))
ANNOTATED_BODY = (
    "<body><body.content><p>Ann said we left.</p><p>On Monday.</p><hl2>Later</hl2>"
    "<p>They came back.</p></body.content></body>"
)


def _span(paragraph: int, start: int, end: int) -> Span:
    text = (*LEAD, *SECTION.paragraphs)[paragraph]
    return Span(paragraph=paragraph, start=start, end=end, text=text[start:end])


def _annotated(annotations: str, body: str = ANNOTATED_BODY) -> str:
    return "\n" + _document(f"\n<nd:annotations>\n{annotations}</nd:annotations>", body)


def test_annotations_are_read_with_spans_across_lead_and_sections() -> None:
    annotations = (
        '<nd:attribution kind="direct" source="0:0:3" cue="0:4:8" content="0:9:16"/>\n'
        '<nd:attribution kind="indirect" source="0:0:3" cue="0:4:8" content="0:9:11  0:12:16"'
        ' antecedent="2:0:4"/>\n'
        '<nd:event trigger="2:5:9" time="1:3:9" value="2025-03-03" places="" '
        'participants="2:0:4 0:0:3"/>\n'
        '<nd:event trigger="0:12:16"/>\n'
        '<nd:extension format="newsml" path="/x" content="&lt;x/&gt;">'
        '<nd:attribute name="a" value="1"/><nd:attribute name="b" value=""/></nd:extension>\n'
        '<nd:mark kind="link" span="2:10:14" href="https://example.org">'
        '<nd:attribute name="title" value="t"/></nd:mark>\n'
    )
    assert _read(_annotated(annotations)) == Article(
        lead=LEAD,
        sections=(SECTION,),
        attributions=(
            Attribution(
                kind=AttributionKind.DIRECT,
                source=_span(0, 0, 3),
                cue=_span(0, 4, 8),
                content=(_span(0, 9, 16),),
            ),
            Attribution(
                kind=AttributionKind.INDIRECT,
                source=_span(0, 0, 3),
                cue=_span(0, 4, 8),
                content=(_span(0, 9, 11), _span(0, 12, 16)),
                antecedent=_span(2, 0, 4),
            ),
        ),
        events=(
            Event(
                trigger=_span(2, 5, 9),
                time=TimeExpression(span=_span(1, 3, 9), value="2025-03-03"),
                participants=(_span(2, 0, 4), _span(0, 0, 3)),
            ),
            Event(trigger=_span(0, 12, 16)),
        ),
        extensions=(
            Extension(
                format="newsml", path="/x", content="<x/>", attributes=(("a", "1"), ("b", ""))
            ),
        ),
        marks=(
            Mark(
                kind="link",
                span=_span(2, 10, 14),
                href="https://example.org",
                attributes=(("title", "t"),),
            ),
        ),
    )


def test_an_event_time_without_a_value_is_read() -> None:
    article = _read(_annotated('<nd:event trigger="0:12:16" time="1:3:9"/>'))
    assert article.events == (
        Event(trigger=_span(0, 12, 16), time=TimeExpression(span=_span(1, 3, 9))),
    )


def test_an_attribution_without_content_is_read() -> None:
    article = _read(_annotated('<nd:attribution kind="refusal" source="0:0:3" cue="0:4:8"/>'))
    assert article.attributions == (
        Attribution(kind=AttributionKind.REFUSAL, source=_span(0, 0, 3), cue=_span(0, 4, 8)),
    )


def test_an_extension_of_attributes_only_is_read() -> None:
    annotations = (
        '<nd:extension format="x" path="/p"> <nd:attribute name="a" value="1"/></nd:extension>'
    )
    article = _read(_annotated(annotations))
    assert article.extensions == (Extension(format="x", path="/p", attributes=(("a", "1"),)),)


def test_a_mark_without_href_or_attributes_is_read() -> None:
    article = _read(_annotated('<nd:mark kind="emphasis" span="0:0:3"> </nd:mark>'))
    assert article.marks == (Mark(kind="emphasis", span=_span(0, 0, 3)),)


def test_annotations_marks_follow_the_marks_in_the_markup() -> None:
    body = "<body><body.content><p><em>Ann</em> said we left.</p></body.content></body>"
    article = _read(_annotated('<nd:mark kind="person" span="0:0:3"/>', body))
    assert article.marks == (
        Mark(kind="emphasis", span=_span(0, 0, 3)),
        Mark(kind="person", span=_span(0, 0, 3)),
    )


def test_annotations_kept_extensions_come_after_the_kept_elements() -> None:
    annotations = '<nd:extension format="nitf" path="/a" content="&lt;a/&gt;"/>\n'
    document = _annotated(annotations).replace("<head>", "<head><tobject/>")
    article = _read(document)
    assert article.extensions == (
        _kept("/nitf/head[1]/tobject[1]", "<tobject></tobject>"),
        Extension(format="nitf", path="/a", content="<a/>"),
    )


def test_annotations_without_a_body_are_read() -> None:
    document = _document(
        '<nd:annotations><nd:extension format="x" path="/p" content="c"/></nd:annotations>',
        body="",
    )
    assert _read(document) == Article(extensions=(Extension(format="x", path="/p", content="c"),))


# Each malformed annotation is a ParseError at its path and line: the annotations stand on
# line 3 of the document, each annotation on the line after.
@pytest.mark.parametrize(
    ("annotation", "reason"),
    [
        ('<nd:mood kind="x"/>', f"nd:annotations holds an unknown element '{{{ND}}}mood'"),
        ('<o:x xmlns:o="urn:o"/>', "nd:annotations holds an unknown element '{urn:o}x'"),
        ('<nd:attribution kind="loud" source="0:0:3" cue="0:4:8" content="0:9:16"/>',
         "attribution kind 'loud' is not one of direct, indirect, refusal"),
        ('<nd:attribution source="0:0:3" cue="0:4:8" content="0:9:16"/>',
         "attribution kind '' is not one of direct, indirect, refusal"),
        ('<nd:attribution kind="direct" source="0:0:3" cue="0:4:8" content="0:9:16" why="x"/>',
         "holds what newsdoc's vocabulary does not define: ['why']"),
        ('<nd:attribution kind="direct" source="0:0:3" cue="0:4:8" content="0:9:16">x'
         "</nd:attribution>", "holds what newsdoc's vocabulary does not define: []"),
        ('<nd:event trigger="0:0:3"><nd:attribute name="a" value="b"/></nd:event>',
         "holds what newsdoc's vocabulary does not define: []"),
        ('<nd:event trigger="0:0:3" value="2025"/>', "an event's value needs a time"),
        ("<nd:event/>", "'' is not a span (paragraph:start:end)"),
        ('<nd:attribution kind="direct" cue="0:4:8" content="0:9:16"/>',
         "'' is not a span (paragraph:start:end)"),
        ('<nd:attribution kind="direct" source="0:0:3" content="0:9:16"/>',
         "'' is not a span (paragraph:start:end)"),
        ('<nd:mark kind="emphasis"/>', "'' is not a span (paragraph:start:end)"),
        ('<nd:mark span="0:0:3"/>',
         "invalid kind: must be a MarkKind or one of its values 'emphasis', 'strong', 'link', "
         "'person', 'organization', 'location', not ''"),
        ('<nd:extension path="/p" content="c"/>',
         "invalid format: must be a string, not empty or blank"),
        ('<nd:extension format="x" content="c"/>',
         "invalid path: must be a string, not empty or blank"),
        ('<nd:event trigger="0:0:3 "/>', "'0:0:3 ' is not a span (paragraph:start:end)"),
        ('<nd:event trigger="0:0:3" places="0:9:11&#9;0:12:16"/>',
         "'0:9:11\\t0:12:16' is not a span (paragraph:start:end)"),
        ('<nd:event trigger="0:01:3"/>', "'0:01:3' is not a span (paragraph:start:end)"),
        ('<nd:event trigger="3:0:3"/>', "span 3:0:3 points at paragraph 3 but the body has 3"),
        ('<nd:event trigger="0:3:3"/>', "span 0:3:3 is not a range of paragraph 0"),
        ('<nd:event trigger="0:4:3"/>', "span 0:4:3 is not a range of paragraph 0"),
        ('<nd:event trigger="1:0:11"/>', "span 1:0:11 is not a range of paragraph 1"),
        ('<nd:mark kind="emphasis" span="0:0:3" colour="red"/>',
         "an nd:mark holds what newsdoc's vocabulary does not define"),
        ('<nd:mark kind="emphasis" span="0:0:3">x</nd:mark>',
         "an nd:mark holds what newsdoc's vocabulary does not define"),
        ('<nd:mark kind="emphasis" span="0:0:3"><nd:other/></nd:mark>',
         "an nd:mark holds something other than nd:attribute"),
        ('<nd:mark kind="emphasis" span="0:0:3"><nd:attribute name="a"/></nd:mark>',
         "an nd:mark holds something other than nd:attribute"),
        ('<nd:mark kind="emphasis" span="0:0:3"><nd:attribute name="a" value="b" c="d"/>'
         "</nd:mark>", "an nd:mark holds something other than nd:attribute"),
        ('<nd:mark kind="emphasis" span="0:0:3"><nd:attribute name="a" value="b"><x/>'
         "</nd:attribute></nd:mark>", "an nd:mark holds something other than nd:attribute"),
        ('<nd:extension format="x" path="/p" content="c" kind="k"/>',
         "an nd:extension holds what newsdoc's vocabulary does not define"),
        ('<nd:extension format="x" path="/p">c</nd:extension>',
         "an nd:extension holds what newsdoc's vocabulary does not define"),
        ('<nd:extension format="x" path="/p"><x/></nd:extension>',
         "an nd:extension holds something other than nd:attribute"),
    ],
)  # fmt: skip
def test_a_malformed_annotation_is_an_error_at_its_path_and_line(
    annotation: str, reason: str
) -> None:
    error = _error(_annotated(f'<nd:event trigger="0:0:3"/>\n{annotation}\n'))
    assert (error.path, error.line) == ("/nitf/head[1]/*[1]/*[2]", 5)
    assert error.reason == reason
    assert str(error) == f"cannot read nitf: line 5, at /nitf/head[1]/*[1]/*[2]: {reason}"


def test_a_span_may_end_at_the_end_of_its_paragraph() -> None:
    article = _read(_annotated('<nd:event trigger="1:0:10"/><nd:event trigger="2:0:15"/>'))
    assert [event.trigger for event in article.events] == [_span(1, 0, 10), _span(2, 0, 15)]


def test_the_same_span_twice_is_one_span() -> None:
    annotations = '<nd:event trigger="0:0:3"/><nd:event trigger="0:0:3"/>'
    article = _read(_annotated(annotations))
    first, second = article.events
    assert first.trigger is second.trigger
    assert first.trigger == _span(0, 0, 3)


# -- inline markup ----------------------------------------------------------------------------


def test_markup_newsdoc_wrote_from_its_annotations_is_not_kept() -> None:
    body = (
        "<body><body.content><p>Ann said <q>we <event>left</event></q>.</p>"
        "<p>On <chron>Monday</chron>.</p></body.content></body>"
    )
    annotations = (
        '<nd:attribution kind="direct" source="0:0:3" cue="0:4:8" content="0:9:16"/>'
        '<nd:event trigger="0:12:16" time="1:3:9"/>'
    )
    article = _read(_annotated(annotations, body))
    assert article.extensions == ()
    assert article.events == (
        Event(trigger=_span(0, 12, 16), time=TimeExpression(span=_span(1, 3, 9))),
    )


def test_markup_the_annotations_do_not_hold_is_kept_at_its_paragraph() -> None:
    body = (
        "<body><body.content><p>Ann said <q>we <event>left</event></q>.</p>"
        '<p>On <chron>Monday</chron>.</p><p><o:x xmlns:o="urn:o">They</o:x> came '
        "<money>back</money>.</p></body.content></body>"
    )
    annotations = (  # an indirect attribution and an event elsewhere write no q or event
        '<nd:attribution kind="indirect" source="0:0:3" cue="0:4:8" content="0:9:16"/>'
        '<nd:event trigger="0:9:11" time="1:3:8"/>'
    )
    article = _read(_annotated(annotations, body))
    paragraph = "/nitf/body[1]/body.content[1]"
    assert [(e.path, e.content) for e in article.extensions] == [
        (f"{paragraph}/*[1]/q[1]", f'<q xmlns="{NITF}">we <event>left</event></q>'),
        (f"{paragraph}/*[2]/chron[1]", f'<chron xmlns="{NITF}">Monday</chron>'),
        (f"{paragraph}/*[3]/*[1]", '<o:x xmlns:o="urn:o">They</o:x>'),
        (f"{paragraph}/*[3]/money[1]", f'<money xmlns="{NITF}">back</money>'),
    ]


def test_kept_inline_markup_is_numbered_among_its_namesakes_in_its_paragraph() -> None:
    body = (
        "<body><body.content><p><money>One <x>and</x></money> <money>two</money>.</p>"
        "<p><money>Three</money>.</p></body.content></body>"
    )
    article = _read(_document(body=body))
    paragraph = "/nitf/body[1]/body.content[1]"
    # Markup inside kept markup goes with it: it is no step of its own.
    assert [(e.path, e.content) for e in article.extensions] == [
        (f"{paragraph}/*[1]/money[1]", f'<money xmlns="{NITF}">One <x>and</x></money>'),
        (f"{paragraph}/*[1]/money[2]", f'<money xmlns="{NITF}">two</money>'),
        (f"{paragraph}/*[2]/money[1]", f'<money xmlns="{NITF}">Three</money>'),
    ]


# -- the order of kept paths -------------------------------------------------------------------


def test_kept_paths_are_ordered_by_name_then_number() -> None:
    head = "".join(f'<tobject n="{n}"/>' for n in range(1, 12)) + "<meta/><tobject.x/>"
    article = _read(_document(head))
    assert [e.path for e in article.extensions] == [
        f"{HEAD}/meta[1]",
        *(f"{HEAD}/tobject[{n}]" for n in range(1, 12)),
        f"{HEAD}/tobject.x[1]",
    ]


@pytest.mark.parametrize("version", [1, 10**18, 2**63 - 1])
def test_every_version_the_model_takes_survives_nitf(version: int) -> None:
    article = Article(lead=("One.",), version=version)
    assert newsdoc.read(newsdoc.write(article, "nitf"), "nitf") == article


@pytest.mark.parametrize(
    ("markup", "path"),
    [
        ("<head><title>Big <!--c-->news</title></head>", "/nitf/head[1]/title[1]/comment()"),
        (
            "<body><body.head><hedline><hl1>Big <?pi x?>news</hl1></hedline></body.head></body>",
            "/nitf/body[1]/body.head[1]/hedline[1]/hl1[1]/processing-instruction()",
        ),
        (
            "<body><body.content><p>Big <!--c-->news.</p></body.content></body>",
            "/nitf/body[1]/body.content[1]/*[1]/comment()",
        ),
        (
            "<body><body.content><p>Big <em>news<!--c--></em>.</p></body.content></body>",
            "/nitf/body[1]/body.content[1]/*[1]/comment()",
        ),
    ],
)
def test_a_comment_inside_an_element_read_as_text_is_reported(markup: str, path: str) -> None:
    document = f"<nitf>{markup}</nitf>"
    message = (
        f"nitf: {path} was not read: comments, processing instructions and text between "
        "elements are not kept"
    )
    with pytest.warns(UnreadContentWarning) as caught:
        newsdoc.read(document, "nitf")
    assert [str(w.message) for w in caught] == [message]
    with pytest.raises(UnmappedContentError) as refused:
        newsdoc.read(document, "nitf", strict=True)
    assert refused.value.paths == (path,)


def test_a_comment_inside_a_headline_kept_whole_for_its_markup_is_kept_with_it() -> None:
    document = (
        "<nitf><body><body.head><hedline><hl1>Big <em>news</em><!--c--></hl1></hedline>"
        "</body.head></body></nitf>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        article = newsdoc.read(document, "nitf")
    assert article.headline == "Big news"
    assert [e.content for e in article.extensions] == [
        '<hl1 xmlns="http://iptc.org/std/NITF/2006-10-18/">Big <em>news</em><!--c--></hl1>'
    ]
