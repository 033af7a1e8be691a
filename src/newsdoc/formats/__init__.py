"""The registry of formats newsdoc reads and writes.

Every format is one module in this package with a ``read`` and a ``write`` function; a
format that can hold several articles in one document (a NewsML-G2 ``newsMessage``) also
has ``read_all``, and a format that shares a file suffix with another has ``sniff``, which
tells its documents from the other's by their first bytes. The registry below is the
single list of them, and says what each format carries: modules are imported the first
time they are used, never as a side effect of importing newsdoc.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol, cast

import attrs

from newsdoc.errors import ParseError, UnknownFormatError

if TYPE_CHECKING:
    from newsdoc.model import Article

__all__ = [
    "ANNOTATIONS",
    "ARTICLE_FIELDS",
    "FormatInfo",
    "FormatModule",
    "ReadOptions",
    "all_formats",
    "by_name",
    "by_output_suffix",
    "by_suffix",
    "detect",
    "no_article",
    "only_article",
]

ARTICLE_FIELDS = frozenset(
    {
        "id", "version", "language", "created", "updated", "pub_status", "provider",
        "headline", "subheadline", "bylines", "dateline", "slugline", "slugline_separator",
        "description",
        "creditline", "located", "genres", "urgency", "subjects", "keywords", "rights",
        "embargoed", "content_created", "content_modified", "creators", "contributors",
        "info_sources", "editorial_notes", "signals", "links", "alt_ids", "services",
        "other_headlines", "other_descriptions",
        "lead", "sections", "trailer", "attributions", "events", "extensions", "marks",
    }
)  # fmt: skip
"""The name of every :class:`~newsdoc.Article` field (a test keeps it equal to the model's)."""
ANNOTATIONS = frozenset({"attributions", "events"})
"""The fields that extraction derives for formats that do not carry them."""


@attrs.frozen(kw_only=True)
class ReadOptions:
    r"""How a reader treats its input.

    Attributes:
        strict: Refuse input that holds content the model has no field for, instead of
            keeping it as :class:`~newsdoc.Extension` data and recording where it stood.
        extract: Derive attributions and events from the words of formats that do not carry
            them explicitly (plain text).
        source: The name of the file being read, used in error messages.
        encoding: The character encoding of byte input, for formats whose documents do
            not declare theirs. Plain text honours it; ``None`` reads UTF-8, or UTF-16 or
            UTF-32 when the bytes open with that encoding's byte-order mark. JSON is always
            UTF-8, and NewsML-G2 and NITF take the encoding their XML declaration names: they
            ignore this option. Input given as ``str`` is already decoded and ignores it too.

    Example:
        >>> from newsdoc.formats import ReadOptions, by_name
        >>> options = ReadOptions(extract=False, source="wire.txt")
        >>> article = by_name("text").load().read("Rain stops play\nPlay was abandoned.", options)
        >>> article.headline, article.attributions
        ('Rain stops play', ())
    """

    strict: bool = False
    extract: bool = True
    source: str | None = None
    encoding: str | None = None


class FormatModule(Protocol):
    """What every format module provides.

    Example:
        >>> from newsdoc import Article
        >>> from newsdoc.formats import ReadOptions, by_name
        >>> module = by_name("json").load()
        >>> article = Article(lead=["Play was abandoned."])
        >>> module.read(module.write(article), ReadOptions()) == article
        True
    """

    def read(self, data: str | bytes, options: ReadOptions) -> Article:
        """Read one article from a whole document.

        Example:
            >>> from newsdoc.formats import ReadOptions, by_name
            >>> by_name("jsonl").load().read('{"lead": ["Body."]}', ReadOptions()).lead
            ('Body.',)
        """

    def write(self, article: Article) -> str:
        r"""Write one article as a whole document.

        Example:
            >>> from newsdoc import Article
            >>> from newsdoc.formats import by_name
            >>> by_name("text").load().write(Article(headline="Rain", lead=["Play stopped."]))
            'Rain\nPlay stopped.'
        """


@attrs.frozen(kw_only=True)
class FormatInfo:
    """A registered format.

    Attributes:
        name: The name used in ``format=`` and on the command line.
        suffixes: File suffixes that name this format, with the dot, lower case.
        description: One line saying what the format is.
        module: The module that implements the format.
        carries: The :class:`~newsdoc.Article` fields a document of this format keeps:
            what is written reads back equal. Other fields are left out when writing,
            with a :class:`~newsdoc.ContentLossWarning` where the loss is structural.
        reads_many: One document may hold several articles (:func:`newsdoc.read_all`
            yields each of them).
        writes_many: One document may be written from several articles: the module has
            ``write_all``, and a batch conversion gathers every article into one file.
        read_suffixes: Suffixes of files this format also reads, which another format
            owns: a file with such a suffix is this format's when its content says so
            (``sniff``), and the owner's otherwise; a file written with it is the owner's.
            ninjs reads ``.json`` files, which are newsdoc JSON unless they hold ninjs.
        any_text: Any text in a carried field reads back as it was written. Plain text
            cannot promise it: the shape of a line tells a heading from a paragraph, so
            only text written as articles are written reads back the same, and
            :func:`newsdoc.strategies.articles` draws realistic text for such a format.
        sniffer: The function in ``newsdoc.formats._sniff`` that recognises this
            format's documents by their first bytes, so that sniffing never imports the
            format; ``None`` asks the module's own ``sniff``, if it has one.

    Example:
        >>> from newsdoc.formats import by_name
        >>> text = by_name("text")
        >>> "lead" in text.carries, "subjects" in text.carries
        (True, False)
        >>> text.carries_annotations
        False
    """

    name: str
    suffixes: tuple[str, ...]
    description: str
    module: str
    carries: frozenset[str]
    reads_many: bool = False
    writes_many: bool = False
    read_suffixes: tuple[str, ...] = ()
    any_text: bool = True
    sniffer: str | None = None

    @property
    def output_suffix(self) -> str:
        """The suffix a file written in this format gets (its first suffix, else read suffix)."""
        return (self.suffixes or self.read_suffixes)[0]

    @property
    def carries_annotations(self) -> bool:
        """Whether the format keeps attributions and events, so nothing is extracted.

        Example:
            >>> from newsdoc.formats import by_name
            >>> by_name("text").carries_annotations, by_name("json").carries_annotations
            (False, True)
        """
        return self.carries >= ANNOTATIONS

    def load(self) -> FormatModule:
        """Import and return the module that implements this format.

        Example:
            >>> from newsdoc.formats import by_name
            >>> by_name("jsonl").load().__name__
            'newsdoc.formats.jsonl'
        """
        module = sys.modules.get(self.module)  # the import machinery is slow even when cached
        if module is None:
            module = importlib.import_module(self.module)
        return cast("FormatModule", module)

    def read_all(self, data: str | bytes, options: ReadOptions) -> Iterator[Article]:
        r"""Read every article the document holds, one at a time.

        Example:
            >>> from newsdoc.formats import ReadOptions, by_name
            >>> lines = '{"lead": ["One."]}\n{"lead": ["Two."]}\n'
            >>> [article.lead for article in by_name("jsonl").read_all(lines, ReadOptions())]
            [('One.',), ('Two.',)]
        """
        module = self.load()
        reader = getattr(module, "read_all", None)
        if reader is None:
            yield module.read(data, options)
        else:
            yield from reader(data, options)

    def sniff(self, head: bytes) -> bool:
        """Whether ``head``, the first bytes of a document, look like this format's.

        Only formats that share a suffix with another need to tell; the others claim
        whatever they are given.

        Example:
            >>> from newsdoc.formats import by_name
            >>> json = by_name("json")
            >>> json.sniff(b'{"format": "newsdoc", "version": 1'), json.sniff(b"<newsItem")
            (True, False)
        """
        if self.sniffer is not None:
            from newsdoc.formats import _sniff  # noqa: PLC0415 - only sniffing needs it

            return bool(getattr(_sniff, self.sniffer)(head))
        sniffer = getattr(self.load(), "sniff", None)
        return True if sniffer is None else bool(sniffer(head))


_FORMATS: tuple[FormatInfo, ...] = (
    FormatInfo(
        name="text",
        suffixes=(".txt", ".text"),
        description="plain text, one paragraph per line (see the plain-text convention)",
        module="newsdoc.formats.text",
        carries=frozenset(
            {"headline", "subheadline", "bylines", "dateline", "lead", "sections", "trailer"}
        ),
        any_text=False,
    ),
    FormatInfo(
        name="newsml",
        suffixes=(".xml", ".newsml"),
        description="NewsML-G2 newsItem / newsMessage (IPTC), written schema-valid",
        module="newsdoc.formats.newsml",
        carries=ARTICLE_FIELDS,
        reads_many=True,
        sniffer="newsml",
    ),
    FormatInfo(
        name="nitf",
        suffixes=(".nitf",),
        read_suffixes=(".xml",),
        description="NITF 3.x (IPTC News Industry Text Format), written as schema-valid NITF 3.6",
        module="newsdoc.formats.nitf",
        carries=frozenset(
            {
                "id",
                "version",
                "language",
                "created",
                "updated",
                "pub_status",
                "headline",
                "subheadline",
                "bylines",
                "dateline",
                "slugline",
                "description",
                "urgency",
                "keywords",
                "rights",
                "embargoed",
                "creators",
                "editorial_notes",
                "alt_ids",
                "lead",
                "sections",
                "trailer",
                "attributions",
                "events",
                "extensions",
                "marks",
            }
        ),
        sniffer="nitf",
    ),
    FormatInfo(
        name="json",
        suffixes=(".json",),
        description="the newsdoc JSON document, every model field",
        module="newsdoc.formats.json",
        carries=ARTICLE_FIELDS,
        sniffer="json",
    ),
    FormatInfo(
        name="ninjs",
        suffixes=(".ninjs",),
        read_suffixes=(".json",),
        description="ninjs 1.x-3.x (IPTC news in JSON), written as 3.1, schema-valid",
        module="newsdoc.formats.ninjs",
        carries=ARTICLE_FIELDS,
        sniffer="ninjs",
    ),
    FormatInfo(
        name="ninjs-1.6",
        suffixes=(),
        read_suffixes=(".json", ".ninjs"),
        description="ninjs as above, written as 1.6 (flat keys such as body_text)",
        module="newsdoc.formats.ninjs.v1_6",
        carries=ARTICLE_FIELDS,
        sniffer="never",
    ),
    FormatInfo(
        name="jsonl",
        suffixes=(".jsonl", ".ndjson"),
        description="JSON Lines: one newsdoc JSON article object per line",
        module="newsdoc.formats.jsonl",
        carries=ARTICLE_FIELDS,
        reads_many=True,
        writes_many=True,
        sniffer="jsonl",
    ),
)


def all_formats() -> tuple[FormatInfo, ...]:
    """Every registered format, in registry order."""
    return _FORMATS


def by_name(name: str) -> FormatInfo:
    """The format called ``name``.

    Raises:
        UnknownFormatError: No format has that name.

    Example:
        >>> from newsdoc.formats import by_name
        >>> by_name("newsml").suffixes
        ('.xml', '.newsml')
    """
    for info in _FORMATS:
        if info.name == name:
            return info
    raise UnknownFormatError(name, tuple(info.name for info in _FORMATS))


def by_suffix(suffix: str, head: bytes | None = None) -> FormatInfo:
    """The format whose files end in ``suffix`` (e.g. ``".xml"``), case-insensitively.

    Where several formats own the suffix, ``head`` (the first bytes of the document)
    decides: the one format whose ``sniff`` recognises it. It never takes the first of
    several. Given a ``head`` (a file to read), formats that also read the suffix
    (``FormatInfo.read_suffixes``) are candidates too: one of them whose ``sniff``
    recognises the content takes it; content that none of them recognises is the
    owner's, whose reader says what is wrong with it. Without a ``head`` (a file to
    write), only the owners count.

    Raises:
        UnknownFormatError: No format claims that suffix, or several do and ``head`` does
            not tell them apart; the error names the candidates.

    Example:
        >>> from newsdoc.formats import by_suffix
        >>> by_suffix(".TXT").name
        'text'
        >>> by_suffix(".xml", head=b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"').name
        'newsml'
    """
    if not isinstance(suffix, str):
        raise UnknownFormatError(repr(suffix), tuple(info.name for info in _FORMATS))
    wanted = suffix.lower()
    owners = tuple(info for info in _FORMATS if wanted in info.suffixes)
    sharers = (
        tuple(info for info in _FORMATS if wanted in info.read_suffixes) if head is not None else ()
    )
    if len(owners) == 1 and not sharers:
        return owners[0]
    if not owners and not sharers:
        raise UnknownFormatError(suffix or "(no suffix)", tuple(info.name for info in _FORMATS))
    if sharers:
        claiming = [info for info in owners + sharers if info.sniff(head or b"")]
        if len(claiming) == 1:
            return claiming[0]
        if not claiming and len(owners) == 1:
            return owners[0]
        return detect(head or b"", owners + sharers, what=f"a {wanted} file")
    return detect(head or b"", owners, what=f"a {wanted} file")


def by_output_suffix(suffix: str) -> FormatInfo:
    """The format a file written to a path ending in ``suffix`` gets.

    A suffix one format claims names it. A suffix several formats share (``.xml``:
    NewsML-G2 and NITF) names the format whose first suffix it is, NewsML-G2 for
    ``.xml``; reading such a file tells the formats apart by content instead.

    Raises:
        UnknownFormatError: No format claims the suffix, or it is the first suffix of
            none or several of the formats sharing it.
    """
    if not isinstance(suffix, str):
        raise UnknownFormatError(repr(suffix), tuple(info.name for info in _FORMATS))
    wanted = suffix.lower()
    candidates = tuple(info for info in _FORMATS if wanted in info.suffixes)
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise UnknownFormatError(suffix or "(no suffix)", tuple(info.name for info in _FORMATS))
    primary = [info for info in candidates if info.suffixes[0] == wanted]
    if len(primary) == 1:
        return primary[0]
    names = tuple(info.name for info in candidates)
    raise UnknownFormatError(
        f"a {wanted} file", names, reason=f"{', '.join(names)} all write it; name the format"
    )


def detect(
    head: bytes, candidates: tuple[FormatInfo, ...] | None = None, *, what: str = "the input"
) -> FormatInfo:
    """The one format among ``candidates`` (default: every format) whose sniff claims ``head``.

    Raises:
        UnknownFormatError: None or several of the candidates claim it; the error names
            the candidates.

    Example:
        >>> from newsdoc.formats import detect
        >>> detect(b'{"format": "newsdoc", "version": 1, "article": {').name
        'json'
        >>> detect(b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">').name
        'newsml'
    """
    pool = _FORMATS if candidates is None else candidates
    claiming = [info for info in pool if info.sniff(head)]
    if len(claiming) == 1:
        return claiming[0]
    from newsdoc.formats._sniff import describe  # noqa: PLC0415 - only a failure needs it

    names = tuple(info.name for info in pool)
    reason = "none of" if not claiming else "more than one of"
    raise UnknownFormatError(
        what,
        names,
        reason=f"{reason} {', '.join(names)} recognises its content ({describe(head)}); "
        "name the format",
    )


def no_article(format_name: str, source: str | None) -> ParseError:
    """The error for a document that holds no article (an empty ``newsMessage``)."""
    return ParseError(format_name, "the document holds no article", source=source)


def only_article(
    articles: Iterator[Article], format_name: str, source: str | None, *, count: bool = False
) -> Article:
    """The one article of a document: none, or more than one, is a ParseError.

    Only a second article is looked for unless ``count`` asks for how many there are:
    reading every item just to count them costs as much as reading them all.
    """
    article = next(articles, None)
    if article is None:
        raise no_article(format_name, source)
    if next(articles, None) is not None:
        held = f"{2 + sum(1 for _ in articles)} articles" if count else "more than one article"
        raise ParseError(
            format_name,
            f"the document holds {held}, and a document is written from exactly one: "
            "use read_all() to read each of them",
            source=source,
        )
    return article
