"""The ``newsdoc`` command line.

Exit status: 0 on success, 1 when the input cannot be read or written (one line on
standard error says why), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from newsdoc import __version__
from newsdoc.api import convert, formats
from newsdoc.errors import NewsdocError
from newsdoc.formats import FormatInfo, by_name, by_suffix

__all__ = ["main"]

_STDIO = "-"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args, parser))
    except NewsdocError as exc:
        print(f"newsdoc: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # standard input or output, or the file to validate
        place = f"{exc.filename}: " if exc.filename else ""
        print(f"newsdoc: error: {place}{exc.strerror or exc}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    names = [info.name for info in formats()]
    parser = argparse.ArgumentParser(
        prog="newsdoc", description="Convert news articles between formats."
    )
    parser.add_argument("--version", action="version", version=f"newsdoc {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert an article from one format to another",
        description="Convert an article. Formats are taken from the file suffixes unless "
        "--from/--to name them; '-' reads standard input or writes standard output.",
    )
    convert.add_argument("input", metavar="INPUT", help="the file to read, or - for stdin")
    convert.add_argument(
        "-o", "--output", default=_STDIO, metavar="OUTPUT", help="where to write (default: stdout)"
    )
    convert.add_argument("--from", dest="source_format", choices=names, help="the input format")
    convert.add_argument("--to", dest="target_format", choices=names, help="the output format")
    convert.add_argument(
        "--strict",
        action="store_true",
        help="refuse input holding content the model has no field for",
    )
    convert.add_argument(
        "--encoding",
        metavar="NAME",
        help="the encoding of plain-text input, e.g. cp1252 or iso-8859-1 (default: UTF-8, "
        "or UTF-16/UTF-32 by byte-order mark); JSON and NewsML-G2 input ignore it",
    )
    convert.add_argument(
        "--no-extract",
        dest="extract",
        action="store_false",
        help="do not derive attributions and events from plain text",
    )
    convert.set_defaults(run=_convert)

    validate = commands.add_parser(
        "validate",
        help="check a NewsML-G2 file against the NewsML-G2 2.35 schema",
        description="Check a NewsML-G2 file against the NewsML-G2 2.35 power schema that "
        "ships with newsdoc; print the first problems with their line numbers.",
    )
    validate.add_argument("file", metavar="FILE", help="the NewsML-G2 file, or - for stdin")
    validate.add_argument(
        "--max-errors",
        type=_positive,
        default=10,
        metavar="N",
        help="print at most N problems (default: 10)",
    )
    validate.set_defaults(run=_validate)

    listing = commands.add_parser("formats", help="list the formats newsdoc reads and writes")
    listing.set_defaults(run=_list_formats)
    return parser


def _pick(parser: argparse.ArgumentParser, named: str | None, path: str, role: str) -> FormatInfo:
    if named is not None:
        return by_name(named)
    if path == _STDIO:
        stream = "input" if role == "from" else "output"
        parser.error(f"--{role} is required when using standard {stream}")
    try:
        return by_suffix(Path(path).suffix)
    except NewsdocError:
        parser.error(f"cannot tell the format of {path!r} from its suffix; use --{role}")


def _read_input(path: str, stdin: BinaryIO) -> bytes:
    return stdin.read() if path == _STDIO else Path(path).read_bytes()


def _convert(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    source = _pick(parser, args.source_format, args.input, "from")
    target = _pick(parser, args.target_format, args.output, "to")
    done = convert(
        sys.stdin.buffer.read() if args.input == _STDIO else Path(args.input),
        target.name,
        None if args.output == _STDIO else args.output,
        format=source.name,
        strict=args.strict,
        extract=args.extract,
        encoding=args.encoding,
    )
    for warning in done.warnings:
        print(f"newsdoc: warning: {warning}", file=sys.stderr)
    if done.document is not None:
        sys.stdout.buffer.write(done.document.encode("utf-8"))
        sys.stdout.flush()
    return 0


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}")
    return int(text)


def _validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from newsdoc.formats._xml import parse_xml  # noqa: PLC0415 - lxml only when validating
    from newsdoc.formats.newsml.schema import validate  # noqa: PLC0415

    name = "<stdin>" if args.file == _STDIO else args.file
    data = _read_input(args.file, sys.stdin.buffer)
    problems = validate(parse_xml(data, "newsml", name))
    if not problems:
        print(f"{name}: valid")
        return 0
    for problem in problems[: args.max_errors]:
        print(f"{name}:{problem.line}:{problem.column}: {problem.message}")
    hidden = len(problems) - args.max_errors
    if hidden > 0:
        print(f"{name}: {hidden} more problem(s) not shown")
    return 1


def _list_formats(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    for info in formats():
        print(f"{info.name:8} {' '.join(info.suffixes):14} {info.description}")
    return 0
