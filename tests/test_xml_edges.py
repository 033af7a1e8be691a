"""The safe XML parsing layer at its edges: exact errors, places, limits and parser options.

Pins the line a refused DOCTYPE is reported on and the 64 KiB window the byte scan looks
in, an external DTD named twice, the refusal of an entity only the unloaded DTD could
define (message, line, format and source), a namespace error libxml2 only logs, what the
parser does with hostile documents (entities, external DTDs from a file or the network,
nesting past libxml2's depth limit, broken markup, comments and processing instructions),
that each thread builds its parser once, the encoding declaration dropped from a ``str``
(quotes, ``standalone``, a BOM, malformed declarations), the place of a lone surrogate,
lxml failures that carry no message, and ``parse_fragments``: one parse for well-formed
fragments, and the exact error naming each fragment that is not one element.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import newsdoc
from newsdoc import ParseError
from newsdoc.formats import _xml
from newsdoc.formats._xml import parse_fragments, parse_xml

NO_DTD = "the document declares a DTD; DTDs and entities are refused for safety"
WINDOW = 1 << 16  # the prologue bytes the DOCTYPE scan looks at


def _undefined(entity: str) -> str:
    return (
        f"the entity {entity} is not defined: the DTD the document names is never loaded, "
        "for safety; write the character itself or a numeric reference"
    )


@pytest.fixture(autouse=True)
def fresh_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test builds its own parser, as the first parse in a new thread does."""
    monkeypatch.setattr(_xml, "_PARSERS", threading.local())


def refused(
    data: str | bytes, format: str = "xml", source: str | None = "feed.xml", **options: Any
) -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse_xml(data, format, source, **options)
    assert (caught.value.format, caught.value.source) == (format, source)
    return caught.value


# -- where a DOCTYPE is found and reported ---------------------------------------------------


def test_a_doctype_is_reported_on_its_own_line() -> None:
    # Two newlines before the DOCTYPE (the first at byte 0), four after it.
    data = b'\n\n<!DOCTYPE r [<!ENTITY e "x">]>\n<r>\n&e;\n</r>\n'
    error = refused(data)
    assert (error.reason, error.line, error.column, error.path) == (NO_DTD, 3, None, None)
    assert str(error) == f"cannot read xml: feed.xml, line 3: {NO_DTD}"


def test_a_doctype_ending_at_the_last_byte_of_the_window_is_found_by_the_scan() -> None:
    prefix = b"<!--\n" + b"x" * (WINDOW - len(b"<!DOCTYPE") - len(b"<!--\n\n-->\n")) + b"\n-->\n"
    data = prefix + b"<!DOCTYPE r><r/>"
    assert data.index(b"<!DOCTYPE") + len(b"<!DOCTYPE") == WINDOW
    error = refused(data)
    assert (error.reason, error.line) == (NO_DTD, 4)


def test_a_doctype_just_past_the_window_is_refused_from_the_parsed_tree() -> None:
    # All on line 1: the parsed tree does not say where its DOCTYPE stood.
    start = WINDOW - len(b"<!DOCTYPE") + 1
    comment = b"<!--" + b"z" * (start - len(b"<!---->")) + b"-->"
    data = comment + b'<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>'
    assert data.index(b"<!DOCTYPE") + len(b"<!DOCTYPE") == WINDOW + 1
    error = refused(data)
    assert (error.reason, error.line, error.column) == (NO_DTD, 1, None)


def test_doctype_bytes_past_the_window_are_left_to_the_parser() -> None:
    # Past the prologue window, "<!DOCTYPE" in a comment is just the comment's text.
    head = b"<r><!--" + b"y" * (WINDOW - len(b"<!DOCTYPE") + 1 - len(b"<r><!--"))
    data = head + b"<!DOCTYPE is text here--></r>"
    assert data.index(b"<!DOCTYPE") + len(b"<!DOCTYPE") == WINDOW + 1
    root = parse_xml(data, "xml", None)
    [comment] = root
    assert isinstance(comment, etree._Comment)
    assert comment.text == "y" * (len(head) - len(b"<r><!--")) + "<!DOCTYPE is text here"


def test_an_external_dtd_named_twice_is_refused_at_the_first() -> None:
    data = b'<!DOCTYPE nitf SYSTEM "a.dtd">\n<!DOCTYPE nitf SYSTEM "b.dtd">\n<nitf/>'
    error = refused(data, "nitf", "story.xml", external_doctype=True)
    assert (error.reason, error.line, error.column) == (NO_DTD, 1, None)


def test_an_external_dtd_is_refused_unless_the_format_allows_it() -> None:
    data = b'<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "nitf-3-3.dtd">\n<nitf/>'
    error = refused(data, "newsml")
    assert (error.reason, error.line) == (NO_DTD, 2)
    assert parse_xml(data, "nitf", None, external_doctype=True).tag == "nitf"


# -- entities that only the unloaded DTD could define ----------------------------------------


def test_an_undefined_entity_is_refused_with_its_name_line_format_and_source() -> None:
    data = b'<!DOCTYPE nitf SYSTEM "nitf-3-3.dtd">\n<nitf>\n<p>caf&eacute;</p>\n</nitf>'
    error = refused(data, "nitf", "story.xml", external_doctype=True)
    assert (error.reason, error.line, error.column) == (_undefined("&eacute;"), 3, None)
    assert str(error) == f"cannot read nitf: story.xml, line 3: {_undefined('&eacute;')}"


def test_reading_a_file_names_the_file_and_the_line_of_the_entity(tmp_path: Path) -> None:
    path = tmp_path / "story.xml"
    path.write_bytes(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE nitf SYSTEM "nitf-3-3.dtd">\n'
        b"<nitf>\n<body><body.content><p>caf&eacute;</p></body.content></body>\n</nitf>\n"
    )
    with pytest.raises(ParseError) as caught:
        newsdoc.read(path)
    error = caught.value
    assert (error.format, error.source, error.line) == ("nitf", str(path), 4)
    assert error.reason == _undefined("&eacute;")


def test_xml_own_entities_and_numeric_references_need_no_dtd() -> None:
    data = b'<!DOCTYPE nitf SYSTEM "nitf-3-3.dtd"><nitf>&lt;&amp;&#233;&#x20AC;</nitf>'
    assert parse_xml(data, "nitf", None, external_doctype=True).text == "<&\u00e9\u20ac"


# -- namespace errors that libxml2 only logs ------------------------------------------------


def test_an_undeclared_prefix_is_refused_even_when_libxml2_ends_on_a_warning() -> None:
    # The relative namespace URI after the undeclared prefix only warns; the parse succeeds.
    error = refused(b'<r>\n<x:a/>\n  <y xmlns="rel"/></r>', "newsml", "item.xml")
    assert (error.reason, error.line, error.column) == (
        "Namespace prefix x on a is not defined",
        2,
        5,
    )
    assert str(error) == (
        "cannot read newsml: item.xml, line 2, column 5: Namespace prefix x on a is not defined"
    )


def test_a_namespace_warning_alone_is_not_refused() -> None:
    root = parse_xml(b'<r xmlns="rel"><a/></r>', "newsml", None)
    assert [root.tag, root[0].tag] == ["{rel}r", "{rel}a"]


# -- the parser's options, shown by hostile documents ----------------------------------------


def test_each_thread_builds_its_parser_once() -> None:
    first = _xml._parser()
    assert isinstance(first, etree.XMLParser)
    assert _xml._parser() is first
    other: list[etree.XMLParser] = []
    thread = threading.Thread(target=lambda: other.append(_xml._parser()))
    thread.start()
    thread.join()
    assert isinstance(other[0], etree.XMLParser)
    assert other[0] is not first


@pytest.mark.parametrize("declaration", ['<!ENTITY e "expanded">', '<!ENTITY e SYSTEM "{uri}">'])
def test_the_parser_itself_expands_no_entity(declaration: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = f"<!DOCTYPE r [{declaration.format(uri=secret.as_uri())}]><r>&e;</r>"
    root = etree.fromstring(data.encode(), _xml._new_parser())
    assert root.text is None
    assert [type(child) for child in root] == [etree._Entity]
    assert root[0].text == "&e;"
    assert etree.tostring(root) == b"<r>&e;</r>"


@pytest.fixture
def dtd(tmp_path: Path) -> str:
    """A DTD file that declares an entity and a default attribute, as a URI."""
    path = tmp_path / "nitf.dtd"
    path.write_text('<!ENTITY e "from the DTD"><!ATTLIST nitf version CDATA "from the DTD">')
    return path.as_uri()


def test_a_named_dtd_is_never_loaded(dtd: str) -> None:
    root = parse_xml(
        f'<!DOCTYPE nitf SYSTEM "{dtd}">\n<nitf/>', "nitf", None, external_doctype=True
    )
    assert root.attrib.items() == []
    assert root.getroottree().docinfo.externalDTD is None


def test_an_entity_the_named_dtd_declares_is_still_undefined(dtd: str) -> None:
    data = f'<!DOCTYPE nitf SYSTEM "{dtd}">\n<nitf>&e;</nitf>'
    error = refused(data, "nitf", "story.xml", external_doctype=True)
    assert (error.reason, error.line) == (_undefined("&e;"), 2)


@pytest.fixture
def dtd_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that serves a DTD and writes down every path asked for."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            body = b'<!ENTITY e "from the network">'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", asked
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_dtd_named_by_url_is_never_fetched(dtd_server: tuple[str, list[str]]) -> None:
    base, asked = dtd_server
    data = f'<!DOCTYPE nitf SYSTEM "{base}/nitf.dtd">\n<nitf>\n<p/>\n</nitf>'
    root = parse_xml(data, "nitf", None, external_doctype=True)
    assert [child.tag for child in root] == ["p"]
    error = refused(data.replace("<p/>", "<p>&e;</p>"), "nitf", None, external_doctype=True)
    assert (error.reason, error.line) == (_undefined("&e;"), 3)
    assert asked == []


def _nested(depth: int) -> bytes:
    return b"<a>" * depth + b"</a>" * depth


def test_nesting_up_to_libxml2s_depth_limit_parses() -> None:
    root = parse_xml(_nested(256), "xml", None)
    assert sum(1 for _ in root.iter()) == 256


def test_nesting_one_past_libxml2s_depth_limit_is_refused() -> None:
    error = refused(_nested(257))
    assert (error.reason, error.line, error.column) == (
        "Excessive depth in document: 256, use XML_PARSE_HUGE option",
        1,
        len(b"<a>" * 257),
    )


def test_broken_markup_is_refused_not_repaired() -> None:
    error = refused(b"<r>\n<a></r>")
    assert (error.reason, error.line, error.column) == (
        "Opening and ending tag mismatch: a line 2 and r",
        2,
        8,
    )


def test_comments_and_processing_instructions_stay_in_the_tree() -> None:
    root = parse_xml(b"<r><!-- note --><?app x?><a/></r>", "xml", None)
    comment, instruction, element = root
    assert isinstance(comment, etree._Comment)
    assert comment.text == " note "
    assert isinstance(instruction, etree._ProcessingInstruction)
    assert (instruction.target, instruction.text) == ("app", "x")
    assert element.tag == "a"


# -- lxml failures that carry no message or are no syntax error ------------------------------


def _silent_syntax_error() -> Exception:
    """The error lxml raises when libxml2 fails without saying why: no message, at 0, 0."""
    error_class: Any = etree.XMLSyntaxError  # lxml-stubs lack its constructor's arguments
    error: Exception = error_class(None, etree.ErrorTypes.ERR_INTERNAL_ERROR, 0, 0, None)
    return error


def _lxml_raising(error: Exception) -> Callable[..., etree._Element]:
    def fromstring(*args: object, **kwargs: object) -> etree._Element:
        raise error

    return fromstring


def test_a_syntax_error_without_a_message_says_the_xml_is_not_well_formed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cause = _silent_syntax_error()
    monkeypatch.setattr(etree, "fromstring", _lxml_raising(cause))
    error = refused(b"<r/>")
    assert error.reason == "the XML is not well-formed"
    assert error.__cause__ is cause


@pytest.mark.parametrize(
    "cause", [ValueError("lxml said no"), etree.ParserError("lxml said no")], ids=repr
)
def test_an_lxml_failure_that_is_no_syntax_error_is_a_parse_error(
    cause: Exception, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(etree, "fromstring", _lxml_raising(cause))
    error = refused(b"<r/>")
    assert (error.reason, error.line, error.column) == ("lxml said no", None, None)
    assert str(error) == "cannot read xml: feed.xml: lxml said no"
    assert error.__cause__ is cause


# -- empty input, encodings and lone surrogates ----------------------------------------------


@pytest.mark.parametrize("data", [b"", b" \r\n\t ", " \n", "\ufeff"], ids=repr)
def test_empty_input_is_refused_in_so_many_words(data: str | bytes) -> None:
    error = refused(data)
    assert (error.reason, error.line, error.column) == ("the input is empty", None, None)
    assert str(error) == "cannot read xml: feed.xml: the input is empty"


def test_an_encoding_python_does_not_know_is_named_beside_the_parsers_reason() -> None:
    # libxml2 (through iconv) knows EUC-TW; Python's codecs do not.
    error = refused(b'<?xml version="1.0" encoding="EUC-TW"?><r>\x80\x81\x82</r>')
    assert error.reason == (
        "the declared encoding 'EUC-TW' is unknown (Invalid bytes in character encoding)"
    )
    assert error.line == 1


def test_a_codec_failing_without_an_offset_gives_none() -> None:
    # Python's punycode refuses the "." of version="1.0" with a bare UnicodeError.
    data = b'<?xml version="1.0" encoding="punycode"?><r/>'
    assert _xml._encoding_mismatch(data) == "the bytes are not in the declared encoding 'punycode'"


def test_a_lone_surrogate_after_a_leading_newline_is_placed_on_line_two() -> None:
    error = refused("\n\ud800<r/>")
    assert (error.reason, error.line, error.column) == (
        "the text holds a lone surrogate U+D800, which is not a character",
        2,
        1,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<r/>", "<r/>"),
        ("\ufeff<r/>", "<r/>"),
        ('\ufeff<?xml version="1.0" encoding="ISO-8859-1"?><r/>', '<?xml version="1.0"?><r/>'),
        ("<?xml version='1.0' encoding=\"ISO-8859-1\"?><r/>", "<?xml version='1.0'?><r/>"),
        (
            "<?xml version=\"1.0\" encoding='ISO-8859-1' standalone='yes'?><r/>",
            "<?xml version=\"1.0\" standalone='yes'?><r/>",
        ),
        (
            '<?xml version="1.0" encoding="ISO-8859-1" standalone="yes"?><r/>',
            '<?xml version="1.0" standalone="yes"?><r/>',
        ),
        ('<?xml version="1.0" encoding=""?><r/>', '<?xml version="1.0"?><r/>'),
        # Nothing to drop: no declaration, none closed, no encoding in it.
        ('<?xml version="1.0"?><r>encoding "x" <?p?></r>', None),
        ('<?xml version="1.0" encoding="UTF-8"', None),
        # A malformed encoding is left for the parser to report.
        ('<?xml version="1.0" encoding=utf-8?><r/>', None),
        ('<?xml version="1.0" encoding="UTF-8?><r/>', None),
    ],
)
def test_the_encoding_declaration_of_a_str(text: str, expected: str | None) -> None:
    assert _xml._without_encoding_declaration(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    "text",
    [
        "<?xml version='1.0' encoding=\"ISO-8859-1\"?><r>café</r>",
        "<?xml version=\"1.0\" encoding='ISO-8859-1'?><r>café</r>",
        '\ufeff<?xml version="1.0" encoding="ISO-8859-1"?><r>café</r>',
    ],
)
def test_a_str_is_read_as_the_text_it_holds_whatever_encoding_it_declares(text: str) -> None:
    root = parse_xml(text, "xml", None)
    assert root.text == "café"
    assert root.getroottree().docinfo.encoding == "UTF-8"


@pytest.mark.parametrize("quote", ['"', "'"])
def test_standalone_is_kept_when_the_encoding_is_dropped(quote: str) -> None:
    text = f"<?xml version={quote}1.0{quote} encoding={quote}ISO-8859-1{quote} "
    text += f"standalone={quote}yes{quote}?><r>café</r>"
    root = parse_xml(text, "xml", None)
    assert root.text == "café"
    assert root.getroottree().docinfo.standalone is True


def test_an_empty_declared_encoding_in_a_str_is_dropped() -> None:
    assert parse_xml('<?xml version="1.0" encoding=""?><r>é</r>', "xml", None).text == "é"


def test_text_that_mentions_an_encoding_after_the_declaration_is_kept() -> None:
    root = parse_xml('<?xml version="1.0"?><r>encoding "x" <?p?></r>', "xml", None)
    assert root.text == 'encoding "x" '
    [instruction] = root
    assert isinstance(instruction, etree._ProcessingInstruction)
    assert (instruction.target, instruction.text, instruction.tail) == ("p", "", None)


def test_an_unquoted_encoding_in_a_str_is_the_parsers_error() -> None:
    error = refused('<?xml version="1.0" encoding=utf-8?><r/>')
    assert (error.reason, error.line, error.column) == (
        "String not started expecting ' or \"",
        1,
        30,
    )


# -- parse_fragments ------------------------------------------------------------------------


class _Where:
    """Names fragments for errors, and writes down which it was asked to name."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def __call__(self, index: int) -> str:
        self.asked.append(index)
        return f"fragment {index}"


def test_well_formed_fragments_are_parsed_in_one_go_without_naming_any() -> None:
    where = _Where()
    elements = parse_fragments(['<a x="1"/>', "<b>text<c/></b>", "<d/>"], where)
    assert [etree.tostring(element) for element in elements] == [
        b'<a x="1"/>',
        b"<b>text<c/></b>",
        b"<d/>",
    ]
    assert where.asked == []


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        (["<a>"], "fragment 0: not well-formed XML (Premature end of data in tag a line 1)"),
        (["text<a/>"], "fragment 0: not well-formed XML (Start tag expected, '<' not found)"),
        (["<!-- c -->"], "fragment 0: not well-formed XML (Start tag expected, '<' not found)"),
        (
            ["<a/><b/>"],
            "fragment 0: not well-formed XML (Extra content at the end of the document)",
        ),
        (
            ["<a/>tail"],
            "fragment 0: not well-formed XML (Extra content at the end of the document)",
        ),
        (
            ["<a/>", "<b>"],
            "fragment 1: not well-formed XML (Premature end of data in tag b line 1)",
        ),
        (["<!-- c --><a/>"], "fragment 0: holds more than one element"),
        (["<a/><?p x?>"], "fragment 0: holds more than one element"),
        (["<a/>", "<!DOCTYPE b><b/>"], f"fragment 1: {NO_DTD}"),
    ],
)
def test_a_fragment_that_is_not_one_element_is_named(texts: list[str], message: str) -> None:
    where = _Where()
    with pytest.raises(ValueError, match=r"^fragment \d+: ") as caught:
        parse_fragments(texts, where)
    assert str(caught.value) == message
    assert where.asked == list(range(len(texts)))


@pytest.fixture
def repairing_default_parser() -> Iterator[None]:
    """Some other code in the process made lxml's default parser repair broken markup."""
    etree.set_default_parser(etree.XMLParser(recover=True))
    try:
        yield
    finally:
        etree.set_default_parser()


@pytest.mark.usefixtures("repairing_default_parser")
def test_fragments_are_parsed_with_the_safe_parser_not_lxmls_default() -> None:
    with pytest.raises(ValueError, match=r"^fragment \d+: ") as caught:
        parse_fragments(["<a><b></a>"], _Where())
    assert str(caught.value) == (
        "fragment 0: not well-formed XML (Opening and ending tag mismatch: b line 1 and a)"
    )


def test_a_fragment_whose_syntax_error_has_no_message_is_still_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cause = _silent_syntax_error()
    monkeypatch.setattr(etree, "fromstring", _lxml_raising(cause))
    with pytest.raises(ValueError, match=r"^fragment \d+: ") as caught:
        parse_fragments(["<a/>"], _Where())
    assert str(caught.value) == "fragment 0: not well-formed XML ()"
    assert caught.value.__cause__ is cause


def test_a_text_whose_declaration_names_two_encodings_is_refused_as_its_bytes_are() -> None:
    document = (
        '<?xml version="1.0" encoding="UTF-8" encoding="ISO-8859-1"?>'
        "<nitf><body><body.content><p>café</p></body.content></body></nitf>"
    )
    for data in (document, document.encode("utf-8")):
        with pytest.raises(ParseError) as caught:
            parse_xml(data, "nitf", None)
        assert (caught.value.line, caught.value.reason) == (
            1,
            "parsing XML declaration: '?>' expected",
        )


def test_a_dtd_past_the_first_bytes_scanned_is_refused_on_its_own_line() -> None:
    data = b"<!--\n" + b"x" * 70_000 + b"\n-->\n<!DOCTYPE r><r/>"
    with pytest.raises(ParseError) as caught:
        parse_xml(data, "xml", None)
    assert (caught.value.line, caught.value.reason) == (
        4,
        "the document declares a DTD; DTDs and entities are refused for safety",
    )
