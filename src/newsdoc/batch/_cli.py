"""The ``convert`` and ``extract`` commands: the command line's layer over the batch API."""

# ruff: noqa: T201 - a command line prints

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from newsdoc._atomic import write_atomically
from newsdoc.batch import Job, Result, convert_many, read_many, source_format
from newsdoc.batch._progress import Progress
from newsdoc.batch._tree import STDIN, Found, Mirror, find
from newsdoc.errors import NewsdocError, ParseError
from newsdoc.formats import FormatInfo, by_name, by_output_suffix
from newsdoc.formats._sniff import HEAD_SIZE
from newsdoc.model import Article

__all__ = ["convert", "extract"]


class _Stop(Exception):  # noqa: N818 - control flow, never seen outside this module
    """A failure ends a file that gathers every article: nothing of it is written."""


@attrs.define
class _Tally:
    """What a run did, reported as it goes and summed up at the end."""

    progress: Progress
    keep_going: bool
    stopped: bool = False
    converted: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list[dict[str, str]] = attrs.field(factory=list)

    def record(self, result: Result[Any]) -> None:
        """Count ``result``; print its warnings or error; a failure may stop the run.

        Stopping hands out no more work; what is already running finishes and is counted.
        """
        self.progress.advance()
        if result.skipped:
            self.skipped += 1
            return
        if result.error is None:
            self.converted += 1
            for done in result.value or ():
                for warning in getattr(done, "warnings", ()):
                    self.progress.say(f"newsdoc: warning: {result.source}: {warning}")
            return
        self.failed += 1
        message = str(result.error)
        self.failures.append(
            {"path": result.source, "error": type(result.error).__name__, "message": message}
        )
        shown = message if result.source in message else f"{result.source}: {message}"
        self.progress.say(f"newsdoc: error: {shown}")
        if not self.keep_going:
            self.stopped = True

    def finish(self, errors: str | None, *, quiet: bool, verb: str = "converted") -> int:
        """Close the bar, write the error report and the summary; the exit status."""
        self.progress.close()
        if errors is not None:
            lines = (json.dumps(failure, ensure_ascii=False) + "\n" for failure in self.failures)
            write_atomically(errors, b"".join(line.encode("utf-8") for line in lines))
        if not quiet:
            print(
                f"newsdoc: {self.converted} {verb}, {self.failed} failed, {self.skipped} skipped",
                file=sys.stderr,
            )
        return 1 if self.failed else 0


def convert(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run ``newsdoc convert``."""
    inputs: list[str] = args.inputs or [STDIN]
    if inputs.count(STDIN) > 1:
        parser.error("standard input (-) can be read only once")
    target = _target(args, parser)
    output: str | None = args.output
    if len(inputs) == 1 and not os.path.isdir(inputs[0]) and not _names_directory(output):
        return _convert_one(args, parser, inputs[0], target)
    gathered = target.writes_many and not _names_directory(output)
    if output is None and not gathered:
        parser.error(
            f"several inputs or a directory convert to one {target.name} file each: "
            "give -o DIRECTORY"
        )
    mirror = None if gathered or output is None else Mirror(output, target)
    found = find(inputs, args.include, exclude=output)
    total = None
    if not args.quiet and sys.stderr.isatty():
        total = sum(1 for _ in find(inputs, args.include, exclude=output))
    tally = _Tally(Progress(total, quiet=args.quiet), args.keep_going)
    results = convert_many(
        _jobs(found, mirror, tally),
        target.name,
        jobs=args.jobs,
        format=args.source_format,
        strict=args.strict,
        extract=args.extract,
        encoding=args.encoding,
        skip_existing=args.skip_existing and mirror is not None,
        articles=False,
    )
    try:
        if not gathered:
            for result in results:
                tally.record(result)
        elif output is None:
            for chunk in _documents(results, tally):
                sys.stdout.buffer.write(chunk)
            sys.stdout.flush()
        else:
            write_atomically(output, _documents(results, tally))
    except _Stop:
        pass
    finally:
        results.close()
    return tally.finish(args.errors, quiet=args.quiet)


def _target(args: argparse.Namespace, parser: argparse.ArgumentParser) -> FormatInfo:
    if args.target_format is not None:
        return by_name(args.target_format)
    if args.output is None:
        parser.error("--to is required when using standard output")
    suffix = os.path.splitext(args.output)[1]
    try:
        return by_output_suffix(suffix)
    except NewsdocError:
        parser.error(f"cannot tell the format of {args.output!r} from its suffix; use --to")


def _names_directory(output: str | None) -> bool:
    return output is not None and (output.endswith(os.sep) or os.path.isdir(output))


def _jobs(found: Iterable[Found], mirror: Mirror | None, tally: _Tally) -> Iterator[Job]:
    for document in found:
        if tally.stopped:
            return
        data = sys.stdin.buffer.read() if document.path == STDIN else None
        output = None if mirror is None else mirror.output(document)
        yield Job(source=document.path, output=output, data=data)


def _documents(results: Iterable[Result[Any]], tally: _Tally) -> Iterator[bytes]:
    """The documents of every result, for a file that gathers them; counts the results."""
    for result in results:
        tally.record(result)
        for done in result.value or ():
            yield (getattr(done, "document", None) or "").encode("utf-8")
    if tally.stopped:
        raise _Stop


def _convert_one(
    args: argparse.Namespace, parser: argparse.ArgumentParser, path: str, target: FormatInfo
) -> int:
    data = sys.stdin.buffer.read() if path == STDIN else None
    if data is not None and args.source_format is None:
        source_format("<stdin>", None, data[:HEAD_SIZE])  # say what was seen before reading
    if args.skip_existing and args.output is not None and os.path.exists(args.output):
        if not args.quiet:
            print(f"newsdoc: {args.output} exists; skipped", file=sys.stderr)
        return 0
    # A format of many articles per document is written by the worker, which gathers
    # them; any other is returned, so that a document of several articles is refused
    # before anything is written.
    gathered = target.writes_many and args.output is not None
    job = Job(source=path, output=args.output if gathered else None, data=data)
    (result,) = convert_many(
        [job],
        target.name,
        jobs=1,
        format=args.source_format,
        strict=args.strict,
        extract=args.extract,
        encoding=args.encoding,
    )
    if result.error is not None:
        raise result.error
    conversions = result.value or ()
    for done in conversions:
        for warning in done.warnings:
            print(f"newsdoc: warning: {warning}", file=sys.stderr)
    if len(conversions) > 1 and not target.writes_many:
        where = "standard output takes" if args.output is None else f"{args.output} holds"
        raise ParseError(
            source_format(path, args.source_format, data[:HEAD_SIZE] if data else None).name,
            f"the document holds {len(conversions)} articles and {where} one {target.name} "
            "document: give -o an existing directory (or one ending in /) for one file per "
            "article, or convert --to jsonl",
            source=None if path == STDIN else path,
        )
    if gathered:
        return 0
    document = b"".join((done.document or "").encode("utf-8") for done in conversions)
    if args.output is None:
        sys.stdout.buffer.write(document)
        sys.stdout.flush()
    else:
        write_atomically(args.output, document)
    return 0


_COLUMNS = ("file", "kind", "source", "cue", "content", "place", "time")
_WIDTHS = (24, 10, 22, 14, 44, 16, 10)


def extract(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run ``newsdoc extract``: one row per attribution and event of every article."""
    found = find(args.inputs)
    tally = _Tally(Progress(None, quiet=True), args.keep_going)
    results = read_many(
        (document.path for document in itertools.takewhile(lambda _: not tally.stopped, found)),
        jobs=args.jobs,
        format=args.source_format,
        strict=args.strict,
        encoding=args.encoding,
    )
    write_row = _row_writer(args.layout)
    try:
        for result in results:
            tally.record(result)
            for article in result.value or ():
                for row in _rows(result.source, article):
                    write_row(row)
    finally:
        results.close()
    sys.stdout.flush()
    return tally.finish(args.errors, quiet=True)


def _row_writer(layout: str) -> Callable[[tuple[str, ...]], None]:
    if layout == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(_COLUMNS)
        return writer.writerow
    if layout == "jsonl":
        return lambda row: print(
            json.dumps(dict(zip(_COLUMNS, row, strict=True)), ensure_ascii=False)
        )
    print(_table_line(_COLUMNS))
    return lambda row: print(_table_line(row))


def _table_line(row: tuple[str, ...]) -> str:
    cells = []
    for value, width in zip(row, _WIDTHS, strict=True):
        flat = " ".join(value.split())
        cells.append((flat if len(flat) <= width else flat[: width - 1] + "…").ljust(width))
    return "  ".join(cells).rstrip()


def _rows(source: str, article: Article) -> Iterator[tuple[str, ...]]:
    for attribution in article.attributions:
        yield (
            source,
            attribution.kind.value,
            attribution.source.text,
            attribution.cue.text,
            " … ".join(span.text for span in attribution.content),
            "",
            "",
        )
    for event in article.events:
        yield (
            source,
            "event",
            "; ".join(span.text for span in event.participants),
            event.trigger.text,
            "",
            "; ".join(span.text for span in event.places),
            (event.time.value or "") if event.time is not None else "",
        )
