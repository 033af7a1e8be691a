"""The ``newsdoc`` command line: a thin layer over :mod:`newsdoc` and :mod:`newsdoc.batch`.

Exit status: 0 on success, 1 when an input cannot be read or written (a line on standard
error says which and why), 2 for a usage error, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from newsdoc import __version__
from newsdoc.api import formats
from newsdoc.errors import NewsdocError

__all__ = ["main"]

_STDIO = "-"
_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Example:
        >>> main(["validate", "examples/wire/rates.xml"])
        examples/wire/rates.xml: valid
        0
    """
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args, parser))
    except NewsdocError as exc:
        print(f"newsdoc: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader of standard output has gone (``| head``)
        # Point standard output at nothing, so that flushing it at exit fails no more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:  # standard input or output, or the file to validate
        place = f"{exc.filename}: " if exc.filename else ""
        print(f"newsdoc: error: {place}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsdoc: interrupted; every file written is complete", file=sys.stderr)
        return _INTERRUPTED


def _parser() -> argparse.ArgumentParser:
    names = [info.name for info in formats()]
    parser = argparse.ArgumentParser(
        prog="newsdoc", description="Convert news articles between formats."
    )
    parser.add_argument("--version", action="version", version=f"newsdoc {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert articles from one format to another",
        description="Convert articles. Inputs are files, directories (searched recursively) "
        "or '-' for standard input (the default). With one input, -o names the file to "
        "write (default: standard output); with several inputs or a directory, -o names a "
        "directory whose tree mirrors the inputs, or, for a format that holds many articles "
        "(jsonl), the one file that gathers them all. Formats are taken from --from/--to, "
        "else from file suffixes, else (for input) from the content.",
    )
    convert.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="files, directories, or - for standard input"
    )
    convert.add_argument("-o", "--output", metavar="OUTPUT", help="where to write")
    convert.add_argument(
        "-f", "--from", dest="source_format", choices=names, help="the input format"
    )
    convert.add_argument(
        "-t", "--to", dest="target_format", choices=names, help="the output format"
    )
    _add_reading_options(convert)
    _add_batch_options(convert)
    convert.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="in directories, convert the files matching GLOB (repeatable; default: files "
        "whose suffix names a format)",
    )
    convert.add_argument(
        "--skip-existing",
        action="store_true",
        help="leave alone inputs whose output exists already (to resume a run)",
    )
    convert.set_defaults(run=_convert)

    validate = commands.add_parser(
        "validate",
        help="check NewsML-G2, NITF and ninjs files against their schemas",
        description="Check NewsML-G2 files against the NewsML-G2 2.35 power schema, NITF "
        "files against the NITF 3.6 schema, and ninjs files (any file that holds a JSON "
        "object) against the IPTC JSON Schema of the ninjs version they declare or show "
        "(1.0 to 3.1), all shipped with newsdoc; print the first problems of each with "
        "their line numbers or JSON paths. ninjs needs the jsonschema package "
        "(pip install 'newsdoc[validate]').",
    )
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help="NewsML-G2, NITF or ninjs files, or - for stdin"
    )
    validate.add_argument(
        "--max-errors",
        type=_positive,
        default=10,
        metavar="N",
        help="print at most N problems per file (default: 10)",
    )
    validate.set_defaults(run=_validate)

    extract = commands.add_parser(
        "extract",
        help="list who said what and what happened when, one row per attribution or event",
        description="Read articles and print their attributions and events, one row each: "
        "file, kind, source, cue, content, place, time (ISO-8601).",
    )
    extract.add_argument("inputs", nargs="+", metavar="FILE", help="files or directories")
    extract.add_argument(
        "-f", "--from", dest="source_format", choices=names, help="the input format"
    )
    extract.add_argument(
        "--as",
        dest="layout",
        choices=("table", "csv", "jsonl"),
        default="table",
        help="how to print the rows (default: table)",
    )
    _add_reading_options(extract, extracting=False)
    _add_batch_options(extract)
    extract.set_defaults(run=_extract, include=[])

    listing = commands.add_parser("formats", help="list the formats newsdoc reads and writes")
    listing.set_defaults(run=_list_formats)
    return parser


def _add_reading_options(command: argparse.ArgumentParser, *, extracting: bool = True) -> None:
    command.add_argument(
        "--strict",
        action="store_true",
        help="refuse input holding content the model has no field for",
    )
    command.add_argument(
        "--encoding",
        metavar="NAME",
        help="the encoding of plain-text input, e.g. cp1252 or iso-8859-1 (default: UTF-8, "
        "or UTF-16/UTF-32 by byte-order mark); JSON and NewsML-G2 input ignore it",
    )
    if extracting:
        command.add_argument(
            "--no-extract",
            dest="extract",
            action="store_false",
            help="do not derive attributions and events from plain text",
        )


def _add_batch_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help="worker processes (default: the machine's cores)",
    )
    command.add_argument(
        "-k",
        "--keep-going",
        action="store_true",
        help="go on after an input fails; exit 1 at the end if any did",
    )
    command.add_argument(
        "--errors",
        metavar="FILE",
        help="write each failure (path, error, message) to FILE as JSON Lines",
    )
    command.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary"
    )


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}")
    return int(text)


def _convert(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from newsdoc.batch import _cli  # noqa: PLC0415 - only conversions pay for it

    return _cli.convert(args, parser)


def _extract(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from newsdoc.batch import _cli  # noqa: PLC0415

    return _cli.extract(args, parser)


def _validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from pathlib import Path  # noqa: PLC0415

    from newsdoc.formats import _sniff  # noqa: PLC0415 - lxml only when validating
    from newsdoc.formats._xml import parse_xml  # noqa: PLC0415
    from newsdoc.formats.newsml.schema import validate  # noqa: PLC0415
    from newsdoc.formats.nitf.schema import validate as validate_nitf  # noqa: PLC0415

    status = 0
    for path in args.files:
        name = "<stdin>" if path == _STDIO else path
        try:
            data = sys.stdin.buffer.read() if path == _STDIO else Path(path).read_bytes()
            if _holds_json(data):
                status |= _validate_ninjs(data, name, args.max_errors)
                continue
            if _sniff.nitf(data[: _sniff.HEAD_SIZE]):
                problems = validate_nitf(parse_xml(data, "nitf", name, external_doctype=True))
            else:
                problems = validate(parse_xml(data, "newsml", name))
        except (NewsdocError, OSError) as exc:
            if len(args.files) == 1:
                raise
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            print(f"newsdoc: error: {name}: {reason}", file=sys.stderr)
            status = 1
            continue
        if not problems:
            print(f"{name}: valid")
            continue
        status = 1
        for problem in problems[: args.max_errors]:
            print(f"{name}:{problem.line}:{problem.column}: {problem.message}")
        hidden = len(problems) - args.max_errors
        if hidden > 0:
            print(f"{name}: {hidden} more problem(s) not shown")
    return status


def _holds_json(data: bytes) -> bool:
    """Whether ``data`` opens with a JSON object (after a UTF-8 byte-order mark and space)."""
    return data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"{"


def _validate_ninjs(data: bytes, name: str, max_errors: int) -> int:
    """Check one ninjs document against its version's schema; print and return its status."""
    from newsdoc.formats._json import loads  # noqa: PLC0415 - only validating ninjs needs it
    from newsdoc.formats.ninjs.schema import validate, version_of  # noqa: PLC0415

    document = loads(data, "ninjs", name)
    problems = validate(document)
    if not problems:
        print(f"{name}: valid (ninjs {version_of(document)})")
        return 0
    for problem in problems[:max_errors]:
        print(f"{name}: {problem.path}: {problem.message}")
    hidden = len(problems) - max_errors
    if hidden > 0:
        print(f"{name}: {hidden} more problem(s) not shown")
    return 1


def _list_formats(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    for info in formats():
        suffixes = " ".join((*info.suffixes, *(f"({s})" for s in info.read_suffixes)))
        print(f"{info.name:9} {suffixes:16} {info.description}")
    return 0
