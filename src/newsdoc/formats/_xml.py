"""Parsing untrusted XML safely: no entities, no DTDs, no network, no silent repair."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from typing import Any

from lxml import etree

from newsdoc.errors import ParseError

__all__ = ["parse_fragments", "parse_xml"]


_NO_DTD = "the document declares a DTD; DTDs and entities are refused for safety"
_DOCTYPE = b"<!DOCTYPE"  # XML keywords are case-sensitive; "<!doctype" does not parse
_PROLOGUE_BYTES = 1 << 16  # a DOCTYPE stands before the root element, near the start
_LXML_POSITION = re.compile(r", line \d+, column \d+$")
_LXML_OPENED_ON = re.compile(r"(in tag \S+) line (\d+)$")
_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UNSUPPORTED_ENCODING = "Unsupported encoding"
_SURROGATE = re.compile("[\ud800-\udfff]")
# A document type declaration that only names an external DTD, with no internal subset:
# <!DOCTYPE nitf SYSTEM "nitf-3-3.dtd">. Such a DTD is never loaded; it defines nothing.
_EXTERNAL_DOCTYPE = re.compile(
    rb"""<!DOCTYPE\s+[A-Za-z_][\w.:-]*\s+(?:SYSTEM\s+(?:"[^"]*"|'[^']*')"""
    rb"""|PUBLIC\s+(?:"[^"]*"|'[^']*')\s+(?:"[^"]*"|'[^']*'))\s*>"""
)


def _line_of(data: bytes, needle: bytes) -> int:
    return data.count(b"\n", 0, max(data.find(needle), 0)) + 1


def _encoding_mismatch(data: bytes) -> str | None:
    """Why the bytes do not match the encoding their declaration names, if they do not."""
    declared = _DECLARED_ENCODING.match(data)
    if declared is None:
        return None
    name = declared.group(1).decode("ascii")
    try:
        data.decode(name)
    except LookupError:
        return f"the declared encoding {name!r} is unknown"
    except UnicodeDecodeError as exc:
        return f"the bytes are not in the declared encoding {name!r} (offset {exc.start})"
    except ValueError:  # UnicodeError and binascii.Error of codecs with no offset to give
        return f"the bytes are not in the declared encoding {name!r}"
    if name.lower().replace("-", "").startswith("utf16"):
        return f"the bytes are not in the declared encoding {name!r}"
    return None


_PARSERS = threading.local()


def _parser() -> etree.XMLParser:
    """This thread's parser: creating one costs as much as parsing a small document."""
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = _new_parser()
    return parser


def _new_parser() -> etree.XMLParser:
    # recover=False: lxml's recovery silently "repairs" broken markup, which loses content.
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        recover=False,
        remove_comments=False,
        remove_pis=False,
    )


def parse_xml(
    data: str | bytes, format_name: str, source: str | None, *, external_doctype: bool = False
) -> etree._Element:
    """Parse ``data`` into an element tree, refusing anything unsafe or malformed.

    A ``str`` is encoded as UTF-8 first, after dropping any encoding in its XML declaration.
    Documents with a document type declaration are refused outright: news formats need
    none, and DTDs are how entity bombs and external-entity (XXE) attacks get in.

    With ``external_doctype``, a declaration that only names an external DTD
    (``<!DOCTYPE nitf SYSTEM "nitf-3-3.dtd">``, as DTD-era formats carry) is accepted and
    ignored: the DTD is never loaded, so an entity reference other than XML's own five is
    refused as undefined. An internal subset (``[ … ]``), where entities are declared, is
    refused as before.

    Raises:
        ParseError: The data is empty, not well-formed (namespace-well-formed included:
            every prefix declared), declares a DTD, is not XML, or is a ``str`` holding a
            lone surrogate; the error carries the line, column and reason.
    """
    if isinstance(data, str):
        data = _utf8(data, format_name, source)
    if not data.strip():
        raise ParseError(format_name, "the input is empty", source=source)
    doctype = data.find(_DOCTYPE, 0, _PROLOGUE_BYTES)
    named_only = False
    if doctype >= 0:
        named_only = external_doctype and _EXTERNAL_DOCTYPE.match(data, doctype) is not None
        if not named_only or data.find(_DOCTYPE, doctype + 1) >= 0:
            raise ParseError(format_name, _NO_DTD, line=_line_of(data, b"<!DOCTYPE"), source=source)
    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        reason = _LXML_POSITION.sub("", exc.msg or "the XML is not well-formed")
        reason = _LXML_OPENED_ON.sub(r"\1 (opened on line \2)", reason)
        # An encoding the parser does not support is never handed to Python's codecs:
        # their names are not XML's (punycode, rot13), and some fail in ways of their own
        # or take quadratic time.
        unsupported = reason.startswith(_UNSUPPORTED_ENCODING)
        mismatch = None if unsupported else _encoding_mismatch(data)
        if mismatch:
            reason = f"{mismatch} ({reason})"
        raise ParseError(format_name, reason, line=line, column=column, source=source) from exc
    except (ValueError, etree.LxmlError) as exc:
        raise ParseError(format_name, str(exc), source=source) from exc
    if len(parser.error_log):
        _refuse_namespace_errors(parser.error_log, format_name, source)
    docinfo: Any = root.getroottree().docinfo  # lxml-stubs lack DocInfo.doctype
    if named_only:
        _refuse_entities(root, format_name, source)
    elif docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        # Past the first bytes scanned: found where it stands, in a text it never is that long.
        raise ParseError(format_name, _NO_DTD, line=_line_of(data, b"<!DOCTYPE"), source=source)
    return root


def _refuse_entities(root: etree._Element, format_name: str, source: str | None) -> None:
    """Refuse a reference to an entity that only the unloaded external DTD could define.

    Without a DTD the parser keeps such a reference as a node of its own, whose text
    would be lost.
    """
    for entity in root.iter(etree.Entity):
        line = entity.sourceline
        raise ParseError(
            format_name,
            f"the entity {entity.text} is not defined: the DTD the document names is never "
            "loaded, for safety; write the character itself or a numeric reference",
            line=line if isinstance(line, int) else None,
            source=source,
        )


def _refuse_namespace_errors(log: Any, format_name: str, source: str | None) -> None:
    """Refuse what libxml2 only warns about: a prefix no declaration binds (``<x:a>``).

    Such a document is not namespace-well-formed; read anyway, its names would not be
    names that any document can be written with.
    """
    for entry in log:
        if entry.domain == etree.ErrorDomains.NAMESPACE and entry.level >= etree.ErrorLevels.ERROR:
            raise ParseError(
                format_name, entry.message, line=entry.line, column=entry.column, source=source
            )


def _utf8(text: str, format_name: str, source: str | None) -> bytes:
    """``text`` as UTF-8 bytes, without the encoding its XML declaration may name."""
    try:
        return _without_encoding_declaration(text).encode("utf-8")
    except UnicodeEncodeError as exc:
        # A lone surrogate: a Python str can hold one, no encoding and no XML document can.
        # Found in the text as given, whose positions the caller knows.
        found = _SURROGATE.search(text)
        at = found.start() if found is not None else exc.start
        line_start = text.rfind("\n", 0, at) + 1
        raise ParseError(
            format_name,
            f"the text holds a lone surrogate U+{ord(text[at]):04X}, which is not a character",
            line=text.count("\n", 0, at) + 1,
            column=at - line_start + 1,
            source=source,
        ) from exc


def _without_encoding_declaration(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.startswith("<?xml"):
        return text
    end = text.find("?>")
    if end < 0:
        return text
    declaration = text[: end + 2]
    start = declaration.find("encoding")
    if start < 0:
        return text
    # Keep the declaration's other parts; the str is already decoded, so its encoding is moot.
    quote_open = min(
        (i for i in (declaration.find('"', start), declaration.find("'", start)) if i >= 0),
        default=-1,
    )
    if quote_open < 0:
        return text
    quote_close = declaration.find(declaration[quote_open], quote_open + 1)
    if quote_close < 0:
        return text
    rest = declaration[quote_close + 1 :]
    if "encoding" in rest:  # a second one, which the parser refuses as it refuses the bytes
        return text
    return declaration[:start].rstrip() + rest + text[end + 2 :]


def parse_fragments(texts: Sequence[str], where: Callable[[int], str]) -> list[etree._Element]:
    """Parse XML fragments that should each be one element, with the same safe parser.

    Args:
        texts: The fragments.
        where: Names the fragment at an index, for errors.

    Returns:
        One element per fragment, in order, each free to be moved into another tree.

    Raises:
        ValueError: A fragment is not one well-formed element, or declares a DTD; the
            message names it.
    """
    if not texts:
        return []
    # One parse for all is much cheaper than one each; a fragment that does not hold
    # exactly one element shows as a mismatch, and is then found by parsing one by one.
    joined = "<_>" + "".join(texts) + "</_>"
    try:
        wrapper = etree.fromstring(joined.encode("utf-8"), _parser())
    except etree.XMLSyntaxError:
        wrapper = None
    if wrapper is not None and wrapper.text is None and len(wrapper) == len(texts):
        children = list(wrapper)
        if all(isinstance(child.tag, str) and child.tail is None for child in children):
            return children
    return [_fragment(where(index), text) for index, text in enumerate(texts)]


def _fragment(where: str, text: str) -> etree._Element:
    data = text.encode("utf-8")
    if _DOCTYPE in data:
        raise ValueError(f"{where}: {_NO_DTD}")
    try:
        element = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        reason = _LXML_POSITION.sub("", exc.msg or "")
        raise ValueError(f"{where}: not well-formed XML ({reason})") from exc
    if element.getprevious() is not None or element.getnext() is not None:
        raise ValueError(f"{where}: holds more than one element")
    return element
