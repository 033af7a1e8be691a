"""Kept content: what the NewsML-G2 reader does not map, and how the writer puts it back.

Reading, each piece of an item the reader does not map becomes one
:class:`~newsdoc.Extension` whose ``path`` says where it stood:

- an element: ``…/creator[1]``, its ``content`` the element in exclusive canonical XML;
- the attributes left over on an element that is mapped: ``…/subject[2]``, with empty
  ``content`` and the attributes as ``(name, value)`` pairs;
- an empty container (``<contentSet/>``): its path, with neither content nor attributes;
- a comment, a processing instruction or stray text between elements:
  ``…/headline[1]/preceding-sibling::comment()`` when it stood before that element,
  ``…/contentMeta[1]/comment()`` when it came after the last one; ``content`` is the
  comment as XML, or the text with its layout folded. Comments beside the root element
  are ``/newsItem/preceding-sibling::comment()`` and ``/newsItem/following-sibling::…``.

Writing parses every kept element in one go and puts each back by its path, among its
namesakes at the position it had, and where the schema orders siblings, at its place in
that order.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Iterator
from typing import Any, cast

import attrs
from lxml import etree

from newsdoc.formats._xml import parse_fragments
from newsdoc.formats.newsml._names import NAR, NAR_PREFIX, RANK, XML_LANG, nar, split_tag
from newsdoc.model import Extension

__all__ = [
    "Loose",
    "Tree",
    "attribute_pairs",
    "kept_extension",
    "numbered",
    "parse_kept",
    "path_key",
    "put_back",
    "put_loose",
    "serialised",
    "start_tag_end",
]

_FORMAT = "newsml"
_NAR_PREFIX_LENGTH = len(NAR_PREFIX)
# ``{namespace}name`` with no wildcard (``*``, ``{*}``) and no ``{}`` for "no namespace".
_LITERAL_TAG = re.compile(r"\{[^{}*]+\}[^{}*]+")
_PREFIXED_NAR = re.compile(rf'xmlns:[^=\s]+="{re.escape(NAR)}"')
# Serialised XML writes attribute values in double quotes, escaping the quotes inside.
_START_TAG = re.compile(r'<[^\s/>]+(?:\s+[^\s=/>]+="[^"]*")*\s*(?=/?>)')
_BEFORE = "/preceding-sibling::"
_AFTER = "/following-sibling::"
_LOOSE_KINDS = ("comment()", "processing-instruction()", "text()")
_INDENT = "  "


# -- reading ---------------------------------------------------------------------------------

_EXTENSION_FIELDS = ("format", "path", "content", "attributes")
if tuple(field.name for field in attrs.fields(Extension)) != _EXTENSION_FIELDS:
    raise ImportError("newsml: kept_extension no longer sets every field of Extension")
_SETTERS: tuple[Callable[[Extension, Any], None], ...] = tuple(
    Extension.__dict__[name].__set__ for name in _EXTENSION_FIELDS
)
_new_extension = Extension.__new__


def kept_extension(
    path: str, content: str = "", attributes: tuple[tuple[str, str], ...] = ()
) -> Extension:
    """``Extension(format="newsml", path=path, …)``, made without the model's checks.

    What the reader keeps passes them by construction (a path it built, text and
    attribute names from lxml), and it keeps dozens of pieces per item: setting the slots
    directly costs a third of the checked constructor.
    """
    extension = _new_extension(Extension)
    set_format, set_path, set_content, set_attributes = _SETTERS
    set_format(extension, _FORMAT)
    set_path(extension, path)
    set_content(extension, content)
    set_attributes(extension, attributes)
    return extension


class Loose:
    """Comments, processing instructions and stray text met between child elements.

    Each waits for the element it precedes, which anchors it; what follows the last
    element is anchored at the end of its parent.
    """

    def __init__(self) -> None:
        self.kept: list[Extension] = []
        self.waiting: list[tuple[str, str]] = []

    def node(self, node: etree._Element) -> None:
        kind = "comment()" if isinstance(node, etree._Comment) else "processing-instruction()"
        self.waiting.append((kind, etree.tostring(node, encoding="unicode", with_tail=False)))

    def text(self, text: str) -> None:
        # Only XML's own white space is layout: a no-break space is text, kept as it is.
        folded = b" ".join(text.encode("utf-8", "surrogatepass").split())
        self.waiting.append(("text()", folded.decode("utf-8", "surrogatepass")))

    def outside(self, root: etree._Element, path: str) -> None:
        """Keep the comments and processing instructions before and after ``root``."""
        for node in reversed(list(root.itersiblings(preceding=True))):
            self.node(node)
        self.anchor(path, before=True)
        for node in root.itersiblings():
            self.node(node)
        self._keep_waiting(f"{path}{_AFTER}")

    def anchor(self, path: str, *, before: bool) -> None:
        """Keep what waits, as standing before the element at ``path`` or at its end."""
        self._keep_waiting(f"{path}{_BEFORE if before else '/'}")

    def _keep_waiting(self, where: str) -> None:
        for kind, content in self.waiting:
            self.kept.append(kept_extension(f"{where}{kind}", content))
        self.waiting.clear()


def numbered(
    element: etree._Element, path: str, loose: Loose
) -> Iterator[tuple[etree._Element, str, int, str]]:
    """Each child element with its tag, its count among same-named siblings, and its path.

    The path is ``path/name[k]`` for the k-th child of that name, with ``prefix:name``
    outside NewsML-G2. Comments, processing instructions and text that is not layout go
    to ``loose``, anchored at the element they precede.
    """
    counts: dict[str, int] = {}
    waiting = loose.waiting  # emptied in place whenever an element anchors it
    text = element.text
    if text and text not in _LAYOUT and not _is_layout(text):
        loose.text(text)
    for child in element:
        tag = child.tag
        if tag.__class__ is str:
            count = counts[tag] = counts.get(tag, 0) + 1
            if tag.startswith(NAR_PREFIX):
                child_path = f"{path}/{tag[_NAR_PREFIX_LENGTH:]}[{count}]"
            else:
                local = split_tag(tag)[1]
                name = f"{child.prefix}:{local}" if child.prefix else local
                child_path = f"{path}/{name}[{count}]"
            if waiting:
                loose.anchor(child_path, before=True)
            yield child, tag, count, child_path
        else:
            loose.node(child)
        text = child.tail
        if text and text not in _LAYOUT and not _is_layout(text):
            loose.text(text)
    if waiting:
        loose.anchor(path, before=False)


_LAYOUT: set[str] = set()
"""Layout met before: most documents repeat a few indentations, found here at once."""


def _is_layout(text: str) -> bool:
    """Whether ``text`` is XML layout: ASCII white space, told without copying it."""
    if text.isspace() and text.isascii():
        if len(_LAYOUT) < 256:  # bounded, so that no input can grow it without end
            _LAYOUT.add(text)
        return True
    return False


def attribute_pairs(
    element: etree._Element, mapped: tuple[str, ...] = ()
) -> tuple[tuple[str, str], ...]:
    """The element's attributes not in ``mapped``, sorted by name; ``xml:lang`` so named."""
    items = cast("list[tuple[str, str]]", element.items())
    if not items:  # most elements: one call to lxml tells
        return ()
    if len(items) == 1:
        name, value = items[0]
        if name in mapped:
            return ()
        return (("xml:lang" if name == XML_LANG else name, value),)
    pairs = [
        ("xml:lang" if name == XML_LANG else name, value)
        for name, value in items
        if name not in mapped
    ]
    if len(pairs) > 1:
        pairs.sort()
    return tuple(pairs)


def serialised(element: etree._Element) -> str:
    """Exclusive canonical XML: the same text wherever the element stands.

    Namespace prefixes that attribute values use (``valuedatatype="xs:string"``) stay
    declared, and NewsML-G2 elements are written in the default namespace whatever prefix
    the source gave them.
    """
    text = _leaf_canonical(element)
    if text is not None:
        return text
    try:
        text = _canonical(element, [])
    except etree.C14NError:
        text = _canonical_despite_relative_uris(element, [])
    prefixes = _prefixes_in_values(element, text)
    if prefixes:
        text = _canonical(element, prefixes)
    if _PREFIXED_NAR.search(text) is not None:
        text = _canonical(_default_nar(element), prefixes)
    return text


def start_tag_end(content: str) -> int:
    """Where the start tag that ``content`` opens with ends, before its ``>`` or ``/>``.

    An attribute value may hold either: serialised XML escapes neither. -1 when
    ``content`` does not open with a start tag.
    """
    match = _START_TAG.match(content)
    return -1 if match is None else match.end()


def _leaf_canonical(element: etree._Element) -> str | None:
    """The canonical form of an unprefixed NewsML-G2 element holding only text, if it is one.

    Metadata kept whole is mostly such leaves (``catalogRef``, ``signal``, ``link`` …);
    writing their canonical form here costs a fraction of lxml's C14N, which copies the
    document for every call. Anything else is left to lxml (None).
    """
    if len(element) or element.prefix is not None:
        return None
    tag = element.tag
    if not tag.startswith(NAR_PREFIX):
        return None
    attributes = []
    xml_lang = None
    prefixed = []
    for name, value in element.items():
        if name[0] == "{":
            if name != XML_LANG:
                return None
            xml_lang = value
        else:
            if ":" in value:
                prefixed.append(value)
            attributes.append((name, value))
    if prefixed and _uses_prefix_in_scope(element, prefixed):
        return None  # the prefix must stay declared, which lxml's C14N is asked to do
    attributes.sort()
    if xml_lang is not None:  # the XML namespace sorts after no namespace
        attributes.append(("xml:lang", xml_lang))
    name = tag[_NAR_PREFIX_LENGTH:]
    pieces = [f'<{name} xmlns="{NAR}"']
    pieces.extend(f' {key}="{_escaped_value(value)}"' for key, value in attributes)
    text = element.text or ""
    if prefixed and '="' in text:
        return None  # lxml's form, checked for prefixes, is the one such text has had
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        text = text.translate(_TEXT_ESCAPES)
    pieces.append(f">{text}</{name}>")
    return "".join(pieces)


def _uses_prefix_in_scope(element: etree._Element, values: list[str]) -> bool:
    """Whether a value opens with ``prefix:`` for a prefix declared where ``element`` is.

    ``serialised`` keeps such prefixes declared (``_prefixes_in_values``); values that
    open with anything else (``http:``, a scheme name of a QCode) leave the form alone.
    """
    scope = element.nsmap
    return any(value[: value.index(":")] in scope for value in values)


def _escaped_value(value: str) -> str:
    # str.translate looks every character up in its table; most values need no escape,
    # which a few searches in C tell at a fraction of that.
    if (
        "&" in value
        or "<" in value
        or '"' in value
        or "\t" in value
        or "\n" in value
        or "\r" in value
    ):
        return value.translate(_ATTRIBUTE_ESCAPES)
    return value


_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", '"': "&quot;", "\t": "&#x9;", "\n": "&#xA;", "\r": "&#xD;"}
)


def _canonical(element: etree._Element, prefixes: list[str]) -> str:
    canonical = etree.tostring(
        element,
        method="c14n",
        exclusive=True,
        with_comments=True,
        inclusive_ns_prefixes=prefixes or None,
    )
    return canonical.decode("utf-8")


def _canonical_despite_relative_uris(element: etree._Element, prefixes: list[str]) -> str:
    # C14N refuses a relative namespace URI (xmlns:x="www.example.com") anywhere in
    # scope, used or not. Dropping the unused declarations of the whole tree, once,
    # spares every later element the failure; the tree is the reader's own.
    etree.cleanup_namespaces(element.getroottree())
    try:
        return _canonical(element, prefixes)
    except etree.C14NError:  # the relative URI is used somewhere in the tree
        pass
    alone = copy.deepcopy(element)  # alone, it keeps only the declarations it uses
    alone.tail = None
    etree.cleanup_namespaces(alone, keep_ns_prefixes=prefixes)
    try:
        return _canonical(alone, prefixes)
    except etree.C14NError:  # the element uses it: plain XML is the best there is
        return etree.tostring(alone, encoding="unicode")


def _prefixes_in_values(element: etree._Element, canonical: str) -> list[str]:
    """Prefixes in scope that attribute values use (``xs:string``) but ``canonical`` lacks.

    Looking in the canonical text, where every attribute value stands as ``="…"``, spares
    a walk over the element's descendants.
    """
    return [
        prefix
        for prefix in element.nsmap
        if prefix is not None
        and f'="{prefix}:' in canonical
        and f"xmlns:{prefix}=" not in canonical
    ]


def _default_nar(element: etree._Element) -> etree._Element:
    """A copy of ``element`` whose NewsML-G2 elements use no prefix."""
    scope: dict[str | None, str] = {
        prefix: uri for prefix, uri in element.nsmap.items() if uri != NAR
    }
    scope.setdefault(None, NAR)
    copied = etree.Element(element.tag, nsmap=scope)  # type: ignore[arg-type]
    _copy_content(element, copied, scope)
    return copied


def _copy_content(
    source: etree._Element, target: etree._Element, scope: dict[str | None, str]
) -> None:
    for name, value in source.items():
        target.set(name, value)
    target.text = source.text
    for child in source:
        if isinstance(child.tag, str):
            copied = etree.SubElement(target, child.tag, nsmap=scope)  # type: ignore[arg-type]
            _copy_content(child, copied, scope)
        else:
            copied = copy.copy(child)
            target.append(copied)
        copied.tail = child.tail


@functools.lru_cache(maxsize=4096)  # feeds repeat the same paths item after item
def path_key(path: str) -> tuple[tuple[int, str, int], ...]:
    """An order for kept paths that does not depend on how siblings were laid out.

    Where the schema lets siblings come in any order (the choices in contentMeta …), they
    are ordered by name and position; elsewhere the document order stands (the sort is
    stable), since it may matter.
    """
    key = []
    parent = nar("newsItem")
    for step in path.split("/")[2:]:
        name, _, index = step.rstrip("]").partition("[")
        if "::" in name or name in _LOOSE_KINDS:
            break
        tag = nar(name) if ":" not in name else name
        if parent in RANK:
            key.append((0, f"{RANK[parent].get(tag, len(RANK[parent])):03d}{name}", int(index)))
        else:
            key.append((0, "", 0))
        parent = tag
    return tuple(key)


# -- writing ---------------------------------------------------------------------------------


def parse_kept(
    kept: list[Extension], rendition: Extension | None
) -> tuple[list[tuple[Extension, etree._Element | None]], list[Extension], list[Extension]]:
    """Kept content, parsed: one parse serves every kept element and the body rendition.

    Returns:
        The kept elements, the body rendition among them, with their parsed content, and
        the empty containers (with None), shallower first and otherwise in their order;
        the kept attributes; and the comments and stray text.
    """
    elements: list[Extension] = [] if rendition is None else [rendition]
    attributes: list[Extension] = []
    loose: list[Extension] = []
    for extension in kept:
        path = extension.path
        if _BEFORE in path or _AFTER in path or path.endswith(_LOOSE_KINDS):
            loose.append(extension)
        elif extension.attributes:
            attributes.append(extension)
        else:  # an element kept whole, or an empty container (no content)
            elements.append(extension)
    elements.sort(key=_depth)  # parents are in place before their children come back
    whole = [e for e in elements if e.content]
    fragments = iter(parse_fragments([e.content for e in whole], lambda i: _where(whole[i])))
    return [(e, next(fragments) if e.content else None) for e in elements], attributes, loose


def put_back(
    tree: Tree, elements: list[tuple[Extension, etree._Element | None]], attributes: list[Extension]
) -> None:
    """Put kept elements, each parsed, and kept attributes back where they stood.

    Elements must come shallower first: what is created later only ever follows its
    namesakes, so a path, once found, keeps pointing at the same element. An element
    without content is an empty container, made where it stood if the writer has not.
    """
    # Per parent, in their order: each kept element, or None for an empty container.
    by_parent: dict[str, list[tuple[str, int, etree._Element | None, str]]] = {}
    for extension, fragment in elements:
        path = extension.path
        parent_path, _, step = path.rpartition("/")
        tag, position, _ = _step(step)
        by_parent.setdefault(parent_path, []).append((tag, position, fragment, path))
    for parent_path, additions in by_parent.items():
        parent = tree.resolve(parent_path, create=True)
        if parent is None:
            raise ValueError(f"kept content at {additions[0][3]} has no place to go")
        children = tree.children(parent)
        for tag, position, fragment, path in additions:
            if fragment is not None:
                if children.tags.count(tag) < position - 1 and tag.startswith(NAR_PREFIX):
                    # Namesakes before it that are yet to come (an item's second rightsInfo
                    # kept whole, its first mapped but emptied): made now, filled later.
                    name = path.rpartition("/")[2].rpartition("[")[0]
                    for earlier in range(1, position):
                        tree.resolve(f"{parent_path}/{name}[{earlier}]", create=True)
                children.insert(position, fragment)
                continue
            empty = tree.resolve(path, create=True)
            if empty is None:
                raise ValueError(f"kept content at {path} has no place to go")
            tree.kept_empty.add(empty)
    for extension in attributes:
        element = tree.resolve(extension.path)
        if element is None:
            raise ValueError(f"kept attributes at {extension.path} have no element to go on")
        for name, value in extension.attributes:
            element.set(XML_LANG if name == "xml:lang" else name, value)


def put_loose(tree: Tree, loose: list[Extension]) -> None:
    """Put comments, processing instructions and stray text back where they stood.

    They go last, once every element is in place: each stands before the element that
    anchors it, or at the end of its parent.
    """
    for extension in loose:
        _put_loose(tree, extension)


def _put_loose(tree: Tree, extension: Extension) -> None:
    path = extension.path
    if path.startswith(tree.base + _AFTER):  # after the item's root element
        _outside(tree.root, path, extension.content, before=False)
        return
    anchor_path, before, kind = path.partition(_BEFORE)
    if before and anchor_path == tree.base:  # before the item's root element
        _outside(tree.root, path, extension.content, before=True)
        return
    if before:
        parent_path = anchor_path.rpartition("/")[0]
    else:
        parent_path, _, kind = path.rpartition("/")
    parent = tree.resolve(parent_path, create=True)  # text may be all its parent held
    if parent is None:
        raise ValueError(f"kept content at {path} has no place to go")
    anchor = tree.resolve(anchor_path, create=True) if before else None
    if anchor is not None and anchor.getparent() is not parent:
        anchor = None
    if kind == "text()":
        _put_text(parent, anchor, extension.content)
        return
    tree.children(parent).insert_node(_loose_node(path, extension.content), anchor)


def _outside(root: etree._Element, path: str, content: str, *, before: bool) -> None:
    """Put a comment or processing instruction before or after the root element."""
    node = _loose_node(path, content)
    if before:
        root.addprevious(node)
        return
    last = root
    while (following := last.getnext()) is not None:
        last = following
    last.addnext(node)


def _loose_node(path: str, content: str) -> etree._Element:
    """The comment or processing instruction ``content`` holds."""
    try:
        # A parser of its own (lxml's are not for sharing between threads): no entities,
        # no DTD, nothing fetched. Comments are rare, so its cost is too.
        parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
        wrapper = etree.fromstring(f"<_>{content}</_>", parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"kept content at {path}: not well-formed XML ({exc.msg})") from exc
    if (
        len(wrapper) != 1
        or wrapper.text
        or wrapper[0].tail
        or not isinstance(wrapper[0], (etree._Comment, etree._ProcessingInstruction))
    ):
        raise ValueError(f"kept content at {path} is not one comment or processing instruction")
    return wrapper[0]


def _put_text(parent: etree._Element, anchor: etree._Element | None, text: str) -> None:
    """Put ``text`` before ``anchor`` (at the end without one), in place of layout."""
    previous = parent[-1] if anchor is None and len(parent) else None
    if anchor is not None:
        previous = anchor.getprevious()
    if previous is None:
        parent.text = text + (parent.text or "")
    else:
        previous.tail = text + (previous.tail or "")


def _where(extension: Extension) -> str:
    return f"kept content at {extension.path}"


class _Children:
    """An element's children and their tags: asked of lxml once, then kept up to date.

    Places are worked out on a plain list of tags, cheaper than asking the tree. What is
    inserted gets the indentation its siblings have.
    """

    def __init__(self, parent: etree._Element) -> None:
        self.parent = parent
        self.elements = list(parent.iterchildren(etree.Element))
        self.tags = [str(child.tag) for child in self.elements]
        self.ranks = RANK.get(str(parent.tag))
        self.depth = 0  # how deep the parent stands, asked only when something is inserted

    def named(self, tag: str) -> list[etree._Element]:
        pairs = zip(self.elements, self.tags, strict=True)
        return [child for child, other in pairs if other == tag]

    def insert(self, position: int, child: etree._Element) -> None:
        """Insert ``child`` as the ``position``-th of its name, where the schema orders it."""
        tag = str(child.tag)
        at = _place(self.tags, tag, position, self.ranks)
        self.insert_node(child, self.elements[at] if at < len(self.elements) else None)
        self.elements.insert(at, child)
        self.tags.insert(at, tag)

    def insert_node(self, node: etree._Element, before: etree._Element | None) -> None:
        """Insert ``node`` before ``before``, or last, laid out like its siblings."""
        parent = self.parent
        depth = self.depth
        if not depth:
            depth = self.depth = sum(1 for _ in parent.iterancestors()) + 1
        inner = "\n" + _INDENT * depth
        if before is not None:
            before.addprevious(node)
            node.tail = inner
            return
        if len(parent):  # the new last child takes over the layout before the end tag
            last = parent[-1]
            outer = last.tail
            if outer and not _is_layout(outer):  # kept text stays where it is, before it
                outer = "\n" + _INDENT * (depth - 1)
            else:
                last.tail = inner
        else:
            outer = "\n" + _INDENT * (depth - 1)
            if not parent.text or parent.text.isspace():
                parent.text = inner
        parent.append(node)
        node.tail = outer


class Tree:
    """The elements of an item by path, found, or made when kept content needs them."""

    def __init__(self, root: etree._Element, base: str) -> None:
        self.root = root
        self.base = base
        self.found: dict[str, etree._Element | None] = {base: root}
        self.known_children: dict[etree._Element, _Children] = {}
        self.kept_empty: set[etree._Element] = set()
        """Elements kept content names, which stay even when empty."""

    def children(self, parent: etree._Element) -> _Children:
        children = self.known_children.get(parent)
        if children is None:
            children = self.known_children[parent] = _Children(parent)
        return children

    def resolve(self, path: str, *, create: bool = False) -> etree._Element | None:
        """The element at ``path``; with ``create``, missing NewsML-G2 parents are added.

        Each path found on the way is remembered.
        """
        steps: list[str] = []
        known = path
        while known not in self.found:  # climb to the nearest path found before
            known, _, step = known.rpartition("/")
            if not known.startswith(self.base):
                return None
            steps.append(step)
        element = self.found[known]
        for step in reversed(steps):
            if element is None:
                return None
            element = self._child(element, step, create)
            known = f"{known}/{step}"
            if element is not None:  # what is missing now may be created by a later call
                self.found[known] = element
        return element

    def _child(self, parent: etree._Element, step: str, create: bool) -> etree._Element | None:
        tag, position, literal = _step(step)
        # lxml's own matching stays in charge of wildcards and of what it refuses.
        matches = self.children(parent).named(tag) if literal else list(parent.iterchildren(tag))
        if 0 < position <= len(matches):
            return matches[position - 1]
        if not matches:  # an element of another namespace, named as the reader names it
            foreign = _foreign_child(parent, step)
            if foreign is not None:
                return foreign
        if create and position == len(matches) + 1 and tag.startswith(NAR_PREFIX):
            try:
                created = etree.Element(tag)
            except ValueError:  # a foreign step (x:name) that is not there: nothing to make
                return None
            self.children(parent).insert(position, created)
            return created
        return None


def _foreign_child(parent: etree._Element, step: str) -> etree._Element | None:
    """The child outside NewsML-G2 that the reader's path step names: ``x:name[k]``, ``name[k]``.

    The reader names such an element by its prefix as written (none for a default
    namespace) and counts it among the children of its own namespace and name; kept
    content is put back with its prefixes, so the same names find it again.
    """
    name, _, position = step.rstrip("]").partition("[")
    counts: dict[str, int] = {}
    for child in parent.iterchildren(etree.Element):
        tag = child.tag
        if tag.startswith(NAR_PREFIX):
            continue
        count = counts[tag] = counts.get(tag, 0) + 1
        local = split_tag(tag)[1]
        if (f"{child.prefix}:{local}" if child.prefix else local) == name and str(count) == (
            position or "1"
        ):
            return child
    return None


def _place(tags: list[str], tag: str, position: int, ranks: dict[str, int] | None) -> int:
    """Where a ``position``-th ``tag`` goes among children with ``tags``."""
    if tag in tags:
        same = [index for index, other in enumerate(tags) if other == tag]
        return same[position - 1] if 0 < position <= len(same) else same[-1] + 1
    if ranks is not None and tag in ranks:
        rank, last = ranks[tag], len(ranks)
        for index, other in enumerate(tags):
            if ranks.get(other, last) > rank:
                return index
    return len(tags)


def _depth(extension: Extension) -> int:
    return extension.path.count("/")


@functools.lru_cache(maxsize=1024)  # feeds repeat the same steps item after item
def _step(step: str) -> tuple[str, int, bool]:
    """The tag and 1-based position a path step ``name[k]`` names, and whether it is literal.

    A literal tag is found by comparing text, which finds what lxml's tag matching finds.
    """
    if step.endswith("]"):
        name, position = step[: step.rindex("[")], int(step[step.rindex("[") + 1 : -1])
    else:
        name, position = step, 1
    tag = name if name.startswith("{") else nar(name)
    return tag, position, tag.isprintable() and _LITERAL_TAG.fullmatch(tag) is not None
