"""Writing an Article as an NITF 3.6 document that validates against the IPTC schema.

Where NITF has an element for a field, the field is written there (see ``docs/nitf.md``
for the table). Attributions, events and their time expressions are marked up in the body
the NITF way, as ``q``, ``event`` and ``chron``; since inline markup cannot hold what
crosses other markup nor an attribution's source and cue, they are also listed exactly in
``head/nd:annotations``, in newsdoc's namespace, where NITF 3.6 admits elements of other
namespaces. Content kept from an NITF source (``Extension`` data of format ``nitf``) is
put back where it stood.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from typing import cast

import attrs
from lxml import etree

from newsdoc._warn import warn
from newsdoc.errors import ContentLossWarning, SerializationError
from newsdoc.formats import _nitf_body, by_name
from newsdoc.formats._body import sub_element
from newsdoc.formats._nitf_body import BY
from newsdoc.formats._xml import parse_fragments
from newsdoc.formats.nitf._creators import write_creators
from newsdoc.formats.nitf._names import (
    CHANGE_DATE_36,
    CHANGE_TIME_36,
    ND_URI,
    NEWSDOC,
    NITF,
    VERSION_36,
    XML_LANG,
    newsdoc,
    nitf,
)
from newsdoc.model import Article, Concept, Mark, Span

__all__ = ["norm_of_timestamp", "write"]

_FORMAT = "nitf"
_NSMAP = {None: NITF, "nd": NEWSDOC}
_INDENT = "  "
# Children in the order the schema's sequences require them; kept elements go after every
# sibling of the same or a lower rank. Names not listed go last.
_RANK = {
    "/nitf": {"head": 0, "body": 1},
    "/nitf/head[1]": {
        "title": 0, "meta": 1, "tobject": 2, "iim": 3, "docdata": 4, "pubdata": 5,
        "revision-history": 6,
    },
    "/nitf/body[1]": {"body.head": 0, "body.content": 1, "body.end": 2},
    "/nitf/body[1]/body.head[1]": {
        "hedline": 0, "note": 1, "rights": 2, "byline": 3, "distributor": 4, "dateline": 5,
        "abstract": 6, "series": 7,
    },
    "/nitf/body[1]/body.end[1]": {"tagline": 0, "bibliography": 1},
}  # fmt: skip
_CONTAINERS = (
    "/nitf/head[1]",
    "/nitf/head[1]/docdata[1]",
    "/nitf/body[1]/body.head[1]",
    "/nitf/body[1]/body.content[1]",
    "/nitf/body[1]/body.end[1]",
)
_STEP = re.compile(r"(?P<name>[^/\[]+)\[(?P<index>[1-9][0-9]{0,8})\]")
_TIMEX_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2}))?)?)?")


def write(article: Article) -> str:
    """Write ``article`` as a standalone NITF 3.6 document.

    Raises:
        SerializationError: A text holds characters XML 1.0 cannot carry, or kept
            extension data is not well-formed XML.
    """
    _report_uncarried(article)
    try:
        root = _Writer(article).document()
    except ValueError as exc:  # lxml refuses control characters and malformed fragments
        raise SerializationError(_FORMAT, str(exc)) from exc
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{etree.tostring(root, encoding="unicode")}\n'


def _report_uncarried(article: Article) -> None:
    """Warn of every field the article holds that NITF has no place for."""
    carried = by_name(_FORMAT).carries
    left_out = [
        field.name
        for field in attrs.fields(Article)
        if field.name not in carried and getattr(article, field.name) != field.default
    ]
    provider = article.provider
    if provider is not None and provider == Concept(
        qcode=provider.qcode, uri=provider.uri, name=provider.name
    ):
        left_out.remove("provider")  # the distributor holds all of it
    if left_out:
        warn(ContentLossWarning(f"nitf cannot hold {', '.join(left_out)}; left out"))


def norm_of_timestamp(moment: dt.datetime) -> str:
    """A datetime in NITF's preferred ``norm`` form, ``YYYYMMDDTHHMMSS±HHMM``.

    Fractions of a second, or an offset that is not whole minutes, need ISO 8601's
    extended form, which NITF's ``norm`` also admits.
    """
    offset = moment.utcoffset() or dt.timedelta()
    if moment.microsecond or offset % dt.timedelta(minutes=1):
        return moment.isoformat()
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{moment:%Y%m%dT%H%M%S}{sign}{hours:02d}{minutes:02d}"


def _basic_norm(moment: dt.datetime) -> bool:
    """Whether ``moment`` has a ``norm`` in ISO 8601's basic form, which NITF prefers."""
    offset = moment.utcoffset() or dt.timedelta()
    return not moment.microsecond and not offset % dt.timedelta(minutes=1) and moment.year >= 1000


def _add(
    parent: etree._Element, name: str, text: str | None = None, **attributes: str
) -> etree._Element:
    return sub_element(parent, nitf(name), text, **attributes)


class _Writer:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.kept = [e for e in article.extensions if e.format == _FORMAT]
        self.others = [e for e in article.extensions if e.format != _FORMAT]
        self.at: dict[str, etree._Element] = {}
        self.inline_kept: dict[str, list[tuple[str, etree._Element]]] = {}
        self.written: _nitf_body.Written | None = None
        self.kept_in: set[etree._Element] = set()  # kept elements put back

    def document(self) -> etree._Element:
        a = self.article
        root = etree.Element(nitf("nitf"), nsmap=_NSMAP)  # type: ignore[arg-type]
        root.set("version", VERSION_36)
        root.set("change.date", CHANGE_DATE_36)
        root.set("change.time", CHANGE_TIME_36)
        root.set(newsdoc("text"), "exact")  # texts are the model's, not laid out
        if a.language is not None:
            root.set("baselang", a.language)
        self.at["/nitf"] = root
        head = self.at["/nitf/head[1]"] = _add(root, "head")
        self._docdata(head)
        if a.updated is not None:
            self.at["/nitf/head[1]/revision-history[1]"] = _add(
                head, "revision-history", norm=norm_of_timestamp(a.updated)
            )
        self._body(root)
        self._annotations(head)
        self._put_back()
        self._fill_paragraphs()
        for path in reversed(_CONTAINERS):
            element = self.at[path]
            if not len(element) and not element.attrib:
                parent = element.getparent()
                assert parent is not None
                parent.remove(element)
        _lay_out(root, 0, self.kept_in)
        return root

    # -- head ---------------------------------------------------------------------------
    def _docdata(self, head: etree._Element) -> None:
        a = self.article
        path = "/nitf/head[1]/docdata[1]"
        docdata = self.at[path] = _add(head, "docdata")
        if a.pub_status is not None:
            docdata.set("management-status", a.pub_status.value)
        if a.id is not None:
            self.at[f"{path}/doc-id[1]"] = _add(docdata, "doc-id", **{"id-string": a.id})
        elif a.alt_ids:  # the first doc-id is the article's id: an empty one stands for none
            self.at[f"{path}/doc-id[1]"] = _add(docdata, "doc-id")
        for number, alt_id in enumerate(a.alt_ids, start=2):
            attributes = {"id-string": alt_id.value}
            if alt_id.kind is not None:
                attributes["regsrc"] = alt_id.kind
            self.at[f"{path}/doc-id[{number}]"] = _add(docdata, "doc-id", **attributes)
        if a.urgency is not None:
            self.at[f"{path}/urgency[1]"] = _add(docdata, "urgency", **{"ed-urg": str(a.urgency)})
        if a.created is not None:
            self.at[f"{path}/date.issue[1]"] = _add(
                docdata, "date.issue", norm=norm_of_timestamp(a.created)
            )
        if a.embargoed is not None:
            if _basic_norm(a.embargoed):
                self.at[f"{path}/date.release[1]"] = _add(
                    docdata, "date.release", norm=norm_of_timestamp(a.embargoed)
                )
            else:
                warn(
                    ContentLossWarning(
                        f"nitf: embargoed {a.embargoed.isoformat()} is left out: "
                        "date.release takes whole seconds and whole-minute offsets"
                    )
                )
        for number, note in enumerate(a.editorial_notes, start=1):
            self.at[f"{path}/ed-msg[{number}]"] = _add(docdata, "ed-msg", info=note)
        if a.slugline is not None or a.version is not None:
            du_key = self.at[f"{path}/du-key[1]"] = _add(docdata, "du-key")
            if a.slugline is not None:
                du_key.set("key", a.slugline)
            if a.version is not None:
                du_key.set("version", str(a.version))
        rights = a.rights
        if rights is not None and rights.holder is not None:
            self.at[f"{path}/doc.copyright[1]"] = _add(
                docdata, "doc.copyright", holder=rights.holder
            )
        if rights is not None and rights.usage_terms is not None:
            self.at[f"{path}/doc.rights[1]"] = _add(
                docdata, "doc.rights", limitations=rights.usage_terms
            )
        if a.keywords:
            key_list = self.at[f"{path}/key-list[1]"] = _add(docdata, "key-list")
            for keyword in a.keywords:
                _add(key_list, "keyword", key=keyword)

    def _annotations(self, head: etree._Element) -> None:
        a = self.article
        if not (a.attributions or a.events or self.others):
            return
        annotations = etree.SubElement(head, newsdoc("annotations"))
        for attribution in a.attributions:
            element = etree.SubElement(annotations, newsdoc("attribution"))
            element.set("kind", attribution.kind.value)
            element.set("source", _span(attribution.source))
            element.set("cue", _span(attribution.cue))
            if attribution.content:
                element.set("content", _spans(attribution.content))
            if attribution.antecedent is not None:
                element.set("antecedent", _span(attribution.antecedent))
        for event in a.events:
            element = etree.SubElement(annotations, newsdoc("event"))
            element.set("trigger", _span(event.trigger))
            if event.time is not None:
                element.set("time", _span(event.time.span))
                if event.time.value is not None:
                    element.set("value", event.time.value)
            if event.places:
                element.set("places", _spans(event.places))
            if event.participants:
                element.set("participants", _spans(event.participants))
        for extension in self.others:
            element = etree.SubElement(annotations, newsdoc("extension"))
            element.set("format", extension.format)
            element.set("path", extension.path)
            if extension.content:
                element.set("content", extension.content)
            for name, value in extension.attributes:
                attribute = etree.SubElement(element, newsdoc("attribute"))
                attribute.set("name", name)
                attribute.set("value", value)

    # -- body ---------------------------------------------------------------------------
    def _left_out_marks(self, marks: list[Mark]) -> None:
        head = self.at["/nitf/head[1]"]
        annotations = head.find(newsdoc("annotations"))
        if annotations is None:
            annotations = etree.SubElement(head, newsdoc("annotations"))
        for mark in marks:
            element = etree.SubElement(annotations, newsdoc("mark"))
            element.set("kind", mark.kind.value)
            element.set("span", _span(mark.span))
            if mark.href is not None:
                element.set("href", mark.href)
            for name, value in mark.attributes:
                attribute = etree.SubElement(element, newsdoc("attribute"))
                attribute.set("name", name)
                attribute.set("value", value)

    def _body(self, root: etree._Element) -> None:
        written = self.written = _nitf_body.write(root, self.article, namespace=NITF, fill=False)
        body = self.at["/nitf/body[1]"] = written.body
        for child in body:
            path = f"/nitf/body[1]/{_step_name(child)}[1]"
            self.at[path] = child
            if child.tag != nitf("body.content"):
                _number_children(child, path, self.at)
        if "/nitf/body[1]/body.end[1]" not in self.at:  # for kept content to go back into
            self.at["/nitf/body[1]/body.end[1]"] = _add(body, "body.end")
        ranks = _RANK["/nitf/body[1]/body.head[1]"]
        write_creators(
            self.at["/nitf/body[1]/body.head[1]"],
            self.article.creators,
            nitf,
            ranks["byline"],
            lambda child: ranks.get(_step_name(child), len(ranks)),
        )
        rights = self.article.rights
        if rights is not None and rights.notice_uri is not None:
            notice = self.at["/nitf/body[1]/body.head[1]"].find(nitf("rights"))
            assert notice is not None  # a notice URI goes with a notice
            notice.set(ND_URI, rights.notice_uri)

    def _fill_paragraphs(self) -> None:
        """Write the paragraphs' text, marked up, with kept markup back at its words."""
        paths = {
            id(element): path
            for path, element in self.at.items()
            if path.startswith("/nitf/body[1]/body.content[1]/*[")
        }
        lost: list[str] = []

        def kept_markup(number: int, element: etree._Element, text: str) -> list[_nitf_body.Range]:
            path = paths.get(id(element), "")
            placed: list[_nitf_body.Range] = []
            claimed: list[tuple[int, int]] = []
            after: dict[str, int] = {}  # namesakes go back in their order
            for kept_path, fragment in self.inline_kept.pop(path, []):
                name = _step_name(fragment)
                wanted = _nitf_body.markup_words(fragment, nitf("br"))
                # Empty markup says nothing of where it stood: it follows its namesake.
                start: int | None = after.get(name, 0)
                if not wanted and _reads_as_space(fragment):
                    # Only layout, or a br: where reading folds it away, not between words.
                    start = _beside_space(text, after.get(name, 0))
                elif wanted:
                    found = _free_occurrence(text, wanted, claimed, after.get(name, 0))
                    if found is None and wanted != wanted.strip():
                        # At the paragraph's edge, which drops other white space than XML's.
                        wanted = wanted.strip()
                        found = _free_occurrence(text, wanted, claimed, after.get(name, 0))
                    start = found
                if start is None:
                    lost.append(kept_path)
                    continue
                end = start + len(wanted)
                after[name] = end
                if wanted:
                    claimed.append((start, end))
                placed.append(_nitf_body.Range(start, end, _appending(fragment), atomic=True))
            return placed

        assert self.written is not None  # the body is written before it is filled
        left_out = self.written.fill(kept_markup)
        crossing = sum(1 for piece in left_out if piece.atomic)
        if crossing:
            lost.append(f"{crossing} piece(s) of kept markup crossing other markup")
        marks = [r.mark for r in left_out if r.mark is not None]
        if marks:  # markup that cannot nest: newsdoc's own record of it
            self._left_out_marks(marks)
        lost.extend(path for pieces in self.inline_kept.values() for path, _ in pieces)
        if lost:
            _warn_lost(lost)

    # -- kept content -------------------------------------------------------------------
    def _put_back(self) -> None:
        whole = [e for e in self.kept if e.content]
        fragments = parse_fragments(
            [e.content for e in whole], lambda i: f"the nitf extension at {whole[i].path}"
        )
        lost: list[str] = []
        for extension, fragment in sorted(
            zip(whole, fragments, strict=True), key=lambda pair: _order(pair[0].path)
        ):
            path = extension.path
            parent_path = path.rpartition("/")[0]
            if _INLINE_PARENT.fullmatch(parent_path):
                self.inline_kept.setdefault(parent_path, []).append((path, fragment))
            elif path in self.at:
                if not self._replace(path, fragment) and not self._insert_before(path, fragment):
                    lost.append(path)
            elif not self._insert(path, fragment):
                lost.append(path)
        content = self.at["/nitf/body[1]/body.content[1]"]
        for position, element in enumerate(content, start=1):  # kept blocks moved the others
            self.at[f"/nitf/body[1]/body.content[1]/*[{position}]"] = element
        for extension in self.kept:
            if extension.content:
                continue
            target = self.at.get(extension.path)
            if target is None:
                lost.append(extension.path)
                continue
            for name, value in extension.attributes:
                target.set(XML_LANG if name == "xml:lang" else name, value)
        if lost:
            _warn_lost(lost)

    def _replace(self, path: str, fragment: etree._Element) -> bool:
        """Put kept markup of a mapped element back, if the element still says the same."""
        written = self.at[path]
        if _reading(written) != _reading(fragment):
            return False
        parent = written.getparent()
        assert parent is not None
        for name, value in written.attrib.items():
            if name not in fragment.attrib:  # newsdoc's own marks on the written element
                fragment.set(name, value)
        parent.replace(written, fragment)
        self.at[path] = fragment
        self.kept_in.add(fragment)
        return True

    def _insert_before(self, path: str, fragment: etree._Element) -> bool:
        """Put a kept element before the namesake written at its place, which moves up one.

        The source had it there (an empty byline before the one that names the author);
        the paths under the parent are counted again.
        """
        written = self.at[path]
        parent = written.getparent()
        parent_path = path.rpartition("/")[0]
        if (
            parent is None
            or written.tag != fragment.tag
            or written in self.kept_in
            or _step_name(fragment) not in _REPEATED_IN_HEAD
            or _reading(fragment)  # words of its own: what the written one was made from
        ):
            return False
        parent.insert(parent.index(written), fragment)
        self.kept_in.add(fragment)
        _number_children(parent, parent_path, self.at)
        return True

    def _insert(self, path: str, fragment: etree._Element) -> bool:
        parent_path, _, step = path.rpartition("/")
        parent = self.at.get(parent_path or "/nitf")
        if parent is None or not parent_path:
            return False
        positional = _POSITIONAL.fullmatch(step)
        if positional is not None:
            position = int(positional[1]) - 1
            # Kept before this one are back in place, so the position is the source's: a
            # heading kept for its markup takes the place of the one written from its words.
            if position < len(parent):
                current = parent[position]
                if (
                    current.tag == fragment.tag == nitf("hl2")
                    and current not in self.kept_in
                    and _reading(current) == _reading(fragment)
                ):
                    parent.replace(current, fragment)
                    self.kept_in.add(fragment)
                    return True
            parent.insert(min(position, len(parent)), fragment)
            self.kept_in.add(fragment)
            self.at[path] = fragment
            return True
        match = _STEP.fullmatch(step)
        if match is None:
            return False
        ranks = _RANK.get(parent_path)
        name = match["name"]
        if ranks is None:
            parent.append(fragment)
        else:
            rank = ranks.get(name, len(ranks))
            index = len(parent)
            for position, child in enumerate(parent):
                tag = child.tag
                ours = isinstance(tag, str) and tag.startswith(f"{{{NITF}}}")
                child_rank = (
                    ranks.get(str(tag).rpartition("}")[2], len(ranks)) if ours else len(ranks)
                )
                if child_rank > rank:
                    index = position
                    break
            parent.insert(index, fragment)
        self.at[path] = fragment
        self.kept_in.add(fragment)
        return True


# What body.head may hold several of (NITF 3.6), so that one more stays valid.
_REPEATED_IN_HEAD = frozenset({"note", "byline", "dateline", "abstract"})
_INLINE_PARENT = re.compile(r"/nitf/body\[1\]/body\.content\[1\]/\*\[[1-9][0-9]*\]")


def _reads_as_space(fragment: etree._Element) -> bool:
    """Whether markup without words still reads as a space: it holds layout or a ``br``."""
    return any(cast("Iterator[str]", fragment.itertext())) or any(
        True for _ in fragment.iter(nitf("br"))
    )


def _beside_space(text: str, start: int) -> int:
    """The first place from ``start`` where added white space would fold into other."""
    for index in range(start, len(text)):
        if index == 0 or text[index] == " " or text[index - 1] == " ":
            return index
    return len(text)


def _free_occurrence(
    text: str, wanted: str, claimed: list[tuple[int, int]], after: int
) -> int | None:
    """Where ``wanted`` first stands in ``text`` from ``after``, clear of ranges claimed."""
    if not wanted:
        return None
    start = text.find(wanted, after)
    while start >= 0:
        end = start + len(wanted)
        if all(end <= low or start >= high for low, high in claimed):
            return start
        start = text.find(wanted, start + 1)
    return None


def _number_children(element: etree._Element, path: str, at: dict[str, etree._Element]) -> None:
    """Record the path of each element under ``element``, counted among namesakes."""
    counts: dict[str, int] = {}
    for child in element:
        name = _step_name(child)
        counts[name] = count = counts.get(name, 0) + 1
        child_path = f"{path}/{name}[{count}]"
        at[child_path] = child
        _number_children(child, child_path, at)


def _appending(fragment: etree._Element) -> Callable[[etree._Element], etree._Element]:
    def append(parent: etree._Element) -> etree._Element:
        parent.append(fragment)
        return fragment

    return append


def _step_name(fragment: etree._Element) -> str:
    return str(fragment.tag).rpartition("}")[2]


def _reading(element: etree._Element) -> str:
    """What a reader takes from a text element: its words, breaks as spaces, folded."""
    text = _nitf_body.inline_text(element, nitf("br"), exact=False)[0]
    return BY.sub("", text) if _step_name(element) == "byline" else text


def _warn_lost(paths: list[str]) -> None:
    warn(
        ContentLossWarning(
            f"nitf: kept content has no place in the document written: {', '.join(paths)}"
        )
    )


_POSITIONAL = re.compile(r"\*\[([1-9][0-9]{0,8})\]")
_NUMBER = re.compile(r"\[([0-9]{1,9})\]")


def _order(path: str) -> tuple[int, bool, tuple[int, ...]]:
    """The order kept content goes back in.

    Parents come first; in a parent, elements placed by name come before those placed by
    position, which then find the positions they had.
    """
    return path.count("/"), "/*[" in path[path.rfind("/") :], _position(path)


def _position(path: str) -> tuple[int, ...]:
    """A sort key: parents before children, positional steps in ascending order."""
    return tuple(int(number) for number in _NUMBER.findall(path))


def _span(span: Span) -> str:
    return f"{span.paragraph}:{span.start}:{span.end}"


def _spans(spans: Sequence[Span]) -> str:
    return " ".join(_span(span) for span in spans)


_LAID_OUT = frozenset(
    nitf(name)
    for name in (
        "nitf", "head", "docdata", "key-list", "body", "body.head", "hedline", "body.content",
        "body.end", "abstract",
    )
) | {newsdoc("annotations"), newsdoc("extension")}  # fmt: skip


def _lay_out(element: etree._Element, depth: int, kept: set[etree._Element]) -> None:
    """Indent the containers; the text of mixed content is the model's and stays as is."""
    if not len(element) or element.text:
        return
    inner = "\n" + _INDENT * (depth + 1)
    element.text = inner
    last = None
    for child in element:
        if last is not None:
            last.tail = inner
        if child.tag in _LAID_OUT and child not in kept:  # kept content goes back as it was
            _lay_out(child, depth + 1, kept)
        last = child
    assert last is not None
    last.tail = "\n" + _INDENT * depth
