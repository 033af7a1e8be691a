"""How much of the IPTC samples' metadata still reaches the user only as an Extension.

Run from the repository root: ``python benchmarks/metadata_coverage.py``. For each row of
the table in issue 16 it counts the text items of ``tests/data/newsml`` that keep that
element as NewsML-G2 ``Extension`` data: an Extension whose path, with its positions taken
out, starts with the element's path (``/newsItem/contentMeta/creator``), or, for a row
about attributes, an Extension at that element holding one of those attributes.

It prints a Markdown table, the number of items read, and how many of them hold the
element at all in the source (so a 0 can be told from "never there").
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from pathlib import Path

from lxml import etree

import newsdoc

DATA = Path(__file__).parent.parent / "tests" / "data" / "newsml"
NAR = "{http://iptc.org/std/nar/2006-10-01/}"
_POSITION = re.compile(r"\[\d+\]")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Each row: its label, the element paths it covers, and the attributes it is about (none:
# the element itself and anything inside it).
ROWS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("contentMeta/creator", ("contentMeta/creator",), ()),
    ("itemMeta/edNote", ("itemMeta/edNote",), ()),
    ("contentMeta/altId", ("contentMeta/altId",), ()),
    ("itemMeta/service", ("itemMeta/service",), ()),
    (
        "subject name, broader, sameAs",
        ("contentMeta/subject/name", "contentMeta/subject/broader", "contentMeta/subject/sameAs"),
        (),
    ),
    ("subject @type, @rank, @literal", ("contentMeta/subject",), ("type", "rank", "literal")),
    ("itemMeta/link", ("itemMeta/link",), ()),
    ("contentMeta/contributor", ("contentMeta/contributor",), ()),
    ("headline @rank, @role, xml:lang", ("contentMeta/headline",), ("rank", "role", "xml:lang")),
    ("slugline @separator, @role", ("contentMeta/slugline",), ("separator", "role")),
    ("itemMeta/signal", ("itemMeta/signal",), ()),
    ("contentMeta/contentCreated", ("contentMeta/contentCreated",), ()),
    ("contentMeta/contentModified", ("contentMeta/contentModified",), ()),
    ("contentMeta/infoSource", ("contentMeta/infoSource",), ()),
    ("genre/name", ("contentMeta/genre/name",), ()),
    ("itemMeta/embargoed", ("itemMeta/embargoed",), ()),
    (
        "rightsInfo notice and terms (any part)",
        ("rightsInfo/copyrightNotice", "rightsInfo/usageTerms"),
        (),
    ),
)


def _bare(path: str) -> str:
    return _POSITION.sub("", path).removeprefix("/newsItem/")


def _keeps(extension: newsdoc.Extension, paths: tuple[str, ...], names: tuple[str, ...]) -> bool:
    bare = _bare(extension.path)
    if not names:
        return any(bare == path or bare.startswith(f"{path}/") for path in paths)
    if bare not in paths:
        return False
    held = {name for name, _ in extension.attributes}
    if extension.content:  # an element kept whole holds its attributes in its content
        element = etree.fromstring(extension.content)
        held = {"xml:lang" if name == _XML_LANG else str(name) for name in element.attrib}
    return bool(held & set(names))


def _present(item: etree._Element, paths: tuple[str, ...], names: tuple[str, ...]) -> bool:
    """Whether the source item holds the element (with one of the attributes, if named)."""
    wanted = {_XML_LANG if name == "xml:lang" else name for name in names}
    for path in paths:
        steps = "/".join(f"{NAR}{step}" for step in path.split("/"))
        for element in item.iterfind(steps):
            if not wanted or wanted & set(element.attrib):
                return True
    return False


def _is_text(item: etree._Element) -> bool:
    item_class = item.find(f"{NAR}itemMeta/{NAR}itemClass")
    return item_class is None or item_class.get("qcode", "ninat:text") == "ninat:text"


def table() -> tuple[list[tuple[str, int, int]], int]:
    """Per row: its label, the items keeping it as an Extension, the items holding it."""
    counts = {label: [0, 0] for label, _, _ in ROWS}
    items = 0
    for document in sorted(DATA.glob("*.xml")):
        data = document.read_bytes()
        root = etree.fromstring(data)
        # A newsItem document is read whatever its class; a message's items only as text.
        texts = (
            [root]
            if root.tag == f"{NAR}newsItem"
            else list(filter(_is_text, root.iter(f"{NAR}newsItem")))
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            articles = list(newsdoc.read_all(data, format="newsml"))
        for source, article in zip(texts, articles, strict=True):
            items += 1
            kept = [e for e in article.extensions if e.format == "newsml"]
            for label, paths, names in ROWS:
                counts[label][0] += any(_keeps(e, paths, names) for e in kept)
                counts[label][1] += _present(source, paths, names)
    return [(label, *counts[label]) for label, _, _ in ROWS], items


def main(argv: list[str] | None = None) -> int:
    """Print the table; return 0."""
    argparse.ArgumentParser(description=__doc__).parse_args(argv)
    rows, items = table()
    print(f"{items} text items from tests/data/newsml")
    print("| kept as Extension only | items keeping it | items holding it |")
    print("|---|---|---|")
    for label, kept, present in rows:
        print(f"| `{label}` | {kept} | {present} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
