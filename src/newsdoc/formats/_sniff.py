"""Telling formats apart by a document's first bytes, without importing the formats.

The registry asks these when neither a file suffix nor a format name says what a document
is. Each looks at no more than the head it is given (a few kilobytes), so a sniffer must
decide from the opening of a document: the XML root element and its namespace, or the
first members of a JSON object.
"""

from __future__ import annotations

import codecs
import re

__all__ = [
    "HEAD_SIZE",
    "describe",
    "json",
    "jsonl",
    "never",
    "newsml",
    "ninjs",
    "nitf",
    "structured",
]

HEAD_SIZE = 4096
"""How many bytes of a document the sniffers are given."""

NAR_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
NITF_NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"
_NEWSML_ROOTS = frozenset(
    {"newsItem", "newsMessage", "packageItem", "conceptItem", "knowledgeItem"}
)
_PROLOGUE = re.compile(r"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*", re.DOTALL)
_ROOT = re.compile(r"<(?:(?P<prefix>[\w.-]+):)?(?P<name>[\w.-]+)(?P<attributes>[^>]*)")
_DEFAULT_NAMESPACE = re.compile(r"""\bxmlns\s*=\s*["'](?P<uri>[^"']*)["']""")
_OBJECT_START = re.compile(r'\{\s*"')  # an object with a member, laid out or not
_NEWSDOC_MARKER = re.compile(r'"format"\s*:\s*"newsdoc"')
_NINJS_KEY = re.compile(
    r'"(?:versionCreated|versioncreated|firstCreated|firstcreated|pubStatus|pubstatus|headlines'
    r"|bodies|body_[A-Za-z0-9_]+|headline_[A-Za-z0-9_]+|\$standard|infoSources|copyrightNotice"
    r'|copyrightnotice)"\s*:'
)
_URI_KEY = re.compile(r'"uri"\s*:')
_NEWSDOC_KEY = re.compile(r'"(?:pub_status|sections|attributions|subheadline)"\s*:')
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _text(head: bytes) -> str:
    """The head as text, after any byte-order mark; undecodable bytes become U+FFFD."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="replace")
    return head.decode("utf-8", errors="replace")


def _root(text: str) -> tuple[str, str | None] | None:
    """The XML root element's local name and namespace (when the head shows it)."""
    opening = _PROLOGUE.match(text)
    match = _ROOT.match(text, opening.end() if opening else 0)
    if match is None:
        return None
    attributes = match["attributes"]
    if match["prefix"]:
        declared = re.search(
            rf"""\bxmlns:{re.escape(match["prefix"])}\s*=\s*["'](?P<uri>[^"']*)["']""",
            attributes,
        )
    else:
        declared = _DEFAULT_NAMESPACE.search(attributes)
    return match["name"], declared["uri"] if declared else None


def newsml(head: bytes) -> bool:
    """Whether ``head`` opens a NewsML-G2 document: a G2 root in the NAR namespace."""
    root = _root(_text(head))
    return root is not None and root[0] in _NEWSML_ROOTS and root[1] == NAR_NAMESPACE


def nitf(head: bytes) -> bool:
    """Whether ``head`` opens an NITF document: an ``nitf`` root, in NITF's namespace or none.

    NITF before 3.5 has no namespace; its documents often name their DTD first, which the
    prologue skips.
    """
    root = _root(_text(head))
    return root is not None and root[0] == "nitf" and root[1] in (None, NITF_NAMESPACE)


def json(head: bytes) -> bool:
    """Whether ``head`` opens a newsdoc JSON document: an object saying it is newsdoc's."""
    text = _text(head).lstrip()
    return text.startswith("{") and _NEWSDOC_MARKER.search(text) is not None


def ninjs(head: bytes) -> bool:
    """Whether ``head`` opens a ninjs document: a JSON object with ninjs's own keys.

    Every ninjs document has a ``uri``; newsdoc's JSON documents and JSON Lines articles
    have none at the top, but their concepts do, so a ninjs document must also show a key
    that only ninjs uses (``versionCreated``, ``headlines``, ``body_text`` …) or no key
    that only newsdoc uses (``pub_status``, ``sections``).
    """
    text = _text(head).lstrip()
    if not text.startswith("{") or _NEWSDOC_MARKER.search(text) is not None:
        return False
    if _NINJS_KEY.search(text) is not None:
        return True
    return _URI_KEY.search(text) is not None and _NEWSDOC_KEY.search(text) is None


def never(head: bytes) -> bool:
    """Claims nothing: for a second name of a format (``ninjs-1.6``), which content cannot tell."""
    return False


def jsonl(head: bytes) -> bool:
    """Whether ``head`` opens newsdoc JSON Lines: a first line holding an object, no marker.

    A newsdoc JSON document is marked ``"format": "newsdoc"``; a line of JSON Lines is a
    bare article object, which never has a ``format`` member.
    """
    text = _text(head).lstrip()
    first_line = text.partition("\n")[0].strip()
    return (
        _OBJECT_START.match(first_line) is not None
        and _NEWSDOC_MARKER.search(first_line) is None
        and ('"headline"' in first_line or '"id"' in first_line)
        and not ninjs(first_line.encode("utf-8"))
    )


def structured(head: bytes) -> bool:
    """Whether ``head`` looks like markup, JSON or binary data rather than plain text."""
    text = _text(head)
    return "\x00" in text or text.lstrip().startswith(("<", "{", "["))


def describe(head: bytes) -> str:
    """What ``head`` looks like, for an error that says what was seen."""
    text = _text(head)
    if not text.strip():
        return "it is empty"
    root = _root(text)
    if text.lstrip().startswith("<") and root is not None:
        name, namespace = root
        where = f" in namespace {namespace}" if namespace else " in no namespace"
        return f"it is XML whose root element is <{name}>{where}"
    if text.lstrip().startswith(("{", "[")):
        return 'it is JSON without "format": "newsdoc"'
    opening = text.strip().splitlines()[0][:40]
    return f"it begins {opening!r}"
