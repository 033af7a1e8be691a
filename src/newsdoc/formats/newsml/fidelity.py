"""How faithfully a NewsML-G2 document survives reading and writing.

:func:`fidelity` reads every newsItem of a document, writes it back, and compares the two
trees as multisets of facts: each element's path of names, each attribute value and each
text and each comment. Sibling order is not compared (the schema lets most metadata
siblings come in any order), XML layout white space is folded, and newsdoc's own namespace,
which only the writer adds, is left out. An empty report means every element,
attribute and text came back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import attrs
from lxml import etree

from newsdoc.formats import ReadOptions
from newsdoc.formats._body import fold_layout
from newsdoc.formats._xml import parse_xml
from newsdoc.formats.newsml._names import NAR, NEWSDOC, nar, split_tag
from newsdoc.formats.newsml.reader import read_all
from newsdoc.formats.newsml.writer import write

__all__ = ["FidelityReport", "fidelity"]


@attrs.frozen(kw_only=True)
class FidelityReport:
    """What reading and writing a document changed.

    Attributes:
        missing: Facts of the original that the written document lacks, e.g.
            ``/newsItem/contentMeta/creator/@uri = http://…``.
        added: Facts of the written document that the original lacks.

    Example:
        >>> report = FidelityReport(missing=("/newsItem/@xml:lang = en",), added=())
        >>> bool(report.missing or report.added)
        True
    """

    missing: tuple[str, ...] = ()
    added: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        """True when something differs."""
        return bool(self.missing or self.added)


def fidelity(data: str | bytes) -> FidelityReport:
    """Read ``data``, write each newsItem back, and report every difference.

    Example:
        >>> from pathlib import Path
        >>> fidelity(Path("examples/wire/floods.xml").read_bytes())
        FidelityReport(missing=(), added=())
    """
    root = parse_xml(data, "newsml", None)
    originals = [root] if root.tag == nar("newsItem") else list(root.iter(nar("newsItem")))
    written = [
        parse_xml(write(article), "newsml", None)
        for article in read_all(data, ReadOptions(extract=False))
    ]
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for item in originals:
        before.update(_facts(item, ""))
    for item in written:
        after.update(_facts(item, ""))
    return FidelityReport(
        missing=tuple(sorted((before - after).elements())),
        added=tuple(sorted((after - before).elements())),
    )


def _name(tag: str) -> str:
    namespace, local = split_tag(tag)
    return local if namespace == NAR else tag


def _facts(element: etree._Element, parent: str) -> Iterator[str]:
    tag = element.tag
    if isinstance(element, etree._Comment):
        yield f"{parent}/comment() = {element.text}"
        return
    if not isinstance(tag, str) or tag.startswith(f"{{{NEWSDOC}}}"):
        return
    path = f"{parent}/{_name(tag)}"
    yield path
    for name, value in element.attrib.items():
        if not str(name).startswith(f"{{{NEWSDOC}}}"):
            yield f"{path}/@{_name(str(name))} = {fold_layout(str(value))}"
    text = fold_layout(element.text or "")
    if text:
        yield f"{path}/text() = {text}"
    for child in element:
        yield from _facts(child, path)
        tail = fold_layout(child.tail or "")
        if tail:
            yield f"{path}/text() = {tail}"
