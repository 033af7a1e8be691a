"""Every exception and warning that newsdoc raises.

The tree::

    NewsdocError                      root: catch this to catch everything newsdoc raises
    ├── ValidationError (ValueError)  a model value breaks an invariant (e.g. a span that
    │                                 does not hold the text it claims)
    ├── ParseError (ValueError)       input that a reader cannot turn into an Article;
    │   │                             says where (line/column or path) and why
    │   └── UnmappedContentError      strict reading met content the model has no place for
    ├── SerializationError (ValueError)
    │                                 an Article that a writer cannot express
    ├── ArgumentError (TypeError)     a function was given a value of the wrong type, e.g.
    │                                 ``read(42)``
    ├── WriteError (OSError)          a file could not be written; any file already at
    │                                 that path is left as it was
    └── UnknownFormatError (LookupError)
                                      a format name or file suffix that no format claims

    ContentLossWarning (UserWarning)  recoverable loss: a writer had to leave something out
    └── UnreadContentWarning          a reader met content it neither maps nor keeps
                                      (strict reading refuses it instead)
"""

from __future__ import annotations

__all__ = [
    "ArgumentError",
    "ContentLossWarning",
    "NewsdocError",
    "ParseError",
    "SerializationError",
    "UnknownFormatError",
    "UnmappedContentError",
    "UnreadContentWarning",
    "ValidationError",
    "WriteError",
]


class NewsdocError(Exception):
    """The root of every exception newsdoc raises.

    Example:
        >>> import newsdoc
        >>> try:
        ...     newsdoc.read(b"", format="text")
        ... except newsdoc.NewsdocError as error:
        ...     print(type(error).__name__, "|", error)
        ParseError | cannot read text: the document is empty
    """


class ValidationError(NewsdocError, ValueError):
    """A model value breaks one of the model's invariants.

    Attributes:
        field: The name of the offending field, e.g. ``"attributions"``.
        reason: What is wrong with it.

    Example:
        >>> import newsdoc
        >>> try:
        ...     newsdoc.Article(urgency=12)
        ... except newsdoc.ValidationError as error:
        ...     print(error.field, "|", error.reason)
        urgency | must be an int between 1 and 9
    """

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(field, reason)

    def __str__(self) -> str:
        return f"invalid {self.field}: {self.reason}"


class ParseError(NewsdocError, ValueError):
    """Input that a reader cannot turn into an Article.

    Attributes:
        format: The name of the format being read, e.g. ``"newsml"``.
        reason: Why the input was refused.
        line: The 1-based line of the problem, when known.
        column: The 1-based column of the problem, when known.
        path: Where in the document tree the problem is (an XPath or a JSON path such as
            ``$.sections[0].heading``), when known.
        source: The file the input came from, when it came from a file.

    Example:
        >>> import newsdoc
        >>> try:
        ...     newsdoc.read('{"lead": 3}', format="jsonl")
        ... except newsdoc.ParseError as error:
        ...     print(error.line, error.path, "|", error)
        1 $.lead | cannot read jsonl: line 1, at $.lead: expected an array, not 3
    """

    def __init__(
        self,
        format: str,
        reason: str,
        *,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
        source: str | None = None,
    ) -> None:
        self.format = format
        self.reason = reason
        self.line = line
        self.column = column
        self.path = path
        self.source = source
        super().__init__(format, reason)

    def __str__(self) -> str:
        where = []
        if self.source is not None:
            where.append(self.source)
        if self.line is not None:
            where.append(f"line {self.line}")
            if self.column is not None:
                where.append(f"column {self.column}")
        if self.path is not None:
            where.append(f"at {self.path}")
        place = ", ".join(where)
        return f"cannot read {self.format}: {place + ': ' if place else ''}{self.reason}"


class UnmappedContentError(ParseError):
    """Strict reading met content that the model has no field for.

    Attributes:
        paths: Where every unmapped element or attribute stands in the document.

    Example:
        >>> from pathlib import Path
        >>> import newsdoc
        >>> try:
        ...     newsdoc.read(Path("examples/feed.xml"), strict=True)
        ... except newsdoc.UnmappedContentError as error:
        ...     print(error.paths)
        ('/newsMessage/header[1]',)
    """

    def __init__(
        self,
        format: str,
        paths: tuple[str, ...],
        *,
        source: str | None = None,
    ) -> None:
        self.paths = paths
        shown = ", ".join(paths[:5]) + (f" and {len(paths) - 5} more" if len(paths) > 5 else "")
        super().__init__(
            format,
            f"strict mode refuses to drop {len(paths)} unmapped item(s): {shown}",
            path=paths[0] if paths else None,
            source=source,
        )


class SerializationError(NewsdocError, ValueError):
    """An Article that a writer cannot express in its format.

    Attributes:
        format: The name of the format being written.
        reason: What could not be written.

    Example:
        >>> import newsdoc
        >>> newsdoc.write(newsdoc.Article(keywords=["only metadata"]), "text")
        Traceback (most recent call last):
        ...
        newsdoc.errors.SerializationError: cannot write text: the article has no headline, byline,
        body or trailer: plain text would be empty
    """

    def __init__(self, format: str, reason: str) -> None:
        self.format = format
        self.reason = reason
        super().__init__(format, reason)

    def __str__(self) -> str:
        return f"cannot write {self.format}: {self.reason}"


class ArgumentError(NewsdocError, TypeError):
    """A newsdoc function was given a value of the wrong type.

    Attributes:
        argument: The name of the parameter, e.g. ``"source"``.
        expected: What it takes, e.g. ``"a str, bytes or path"``.
        given: The value's type name.

    Example:
        >>> import newsdoc
        >>> newsdoc.read(42, "text")
        Traceback (most recent call last):
        ...
        newsdoc.errors.ArgumentError: source must be a str, bytes or path, not int
    """

    def __init__(self, argument: str, expected: str, value: object) -> None:
        self.argument = argument
        self.expected = expected
        self.given = type(value).__name__
        super().__init__(argument, expected, self.given)

    def __str__(self) -> str:
        return f"{self.argument} must be {self.expected}, not {self.given}"


class WriteError(NewsdocError, OSError):
    """A file could not be written; whatever was at its path before is left untouched.

    Attributes:
        path: The file that was being written.
        reason: Why it could not be written, e.g. ``"No space left on device"``.

    Example:
        >>> import newsdoc
        >>> article = newsdoc.Article(lead=["The body."])
        >>> newsdoc.write_file(article, "no/such/folder/story.json")
        Traceback (most recent call last):
        ...
        newsdoc.errors.WriteError: cannot write no/such/folder/story.json: No such file or directory
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(path, reason)

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.reason}"


class UnknownFormatError(NewsdocError, LookupError):
    """A format name or file suffix that no registered format claims.

    Attributes:
        name: The name or suffix that was asked for.
        known: The names of the registered formats (or of the candidates, when several
            formats claim a suffix and the content does not tell them apart).
        reason: Why no format was chosen, when it is more than an unknown name.

    Example:
        >>> import newsdoc
        >>> newsdoc.write(newsdoc.Article(lead=["The body."]), "docx")
        Traceback (most recent call last):
        ...
        newsdoc.errors.UnknownFormatError: unknown format 'docx'; known formats: text, newsml, ...
    """

    def __init__(self, name: str, known: tuple[str, ...], *, reason: str | None = None) -> None:
        self.name = name
        self.known = known
        self.reason = reason
        super().__init__(name, known)

    def __str__(self) -> str:
        if self.reason is not None:
            return f"cannot tell the format of {self.name}: {self.reason}"
        return f"unknown format {self.name!r}; known formats: {', '.join(self.known)}"


class ContentLossWarning(UserWarning):
    """A writer left out something that its format cannot carry.

    Example:
        >>> import warnings
        >>> import newsdoc
        >>> article = newsdoc.Article(subheadline="A deck without a headline", lead=["Body."])
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     newsdoc.write(article, "text")
        'Body.'
        >>> [str(warning.message) for warning in caught]
        ['plain text cannot hold a subheadline without a headline; it was left out']
    """


class UnreadContentWarning(ContentLossWarning):
    """A reader met content that it neither maps nor keeps, and says so.

    Lenient reading reports such content with this warning (for example the other items of
    a ``newsMessage`` that are not text); strict reading refuses it with an
    :class:`UnmappedContentError` instead.

    Example:
        >>> import warnings
        >>> from pathlib import Path
        >>> import newsdoc
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     items = list(newsdoc.read_all(Path("examples/feed.xml")))
        >>> len(items), [warning.category.__name__ for warning in caught]
        (3, ['UnreadContentWarning'])
    """
