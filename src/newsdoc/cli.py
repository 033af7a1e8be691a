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
from newsdoc.api import formats
from newsdoc.errors import NewsdocError
from newsdoc.formats import FormatInfo, ReadOptions, by_name, by_suffix

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
    except OSError as exc:
        print(f"newsdoc: error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
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
        "--no-extract",
        dest="extract",
        action="store_false",
        help="do not derive attributions and events from plain text",
    )
    convert.set_defaults(run=_convert)

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
    data = _read_input(args.input, sys.stdin.buffer)
    options = ReadOptions(
        strict=args.strict,
        extract=args.extract,
        source=None if args.input == _STDIO else args.input,
    )
    article = next(iter(source.read_all(data, options)), None)
    if article is None:
        raise NewsdocError(f"{args.input}: the document holds no article")
    text = target.load().write(article)
    if args.output == _STDIO:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        Path(args.output).write_bytes(text.encode("utf-8"))
    return 0


def _list_formats(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    for info in formats():
        print(f"{info.name:8} {' '.join(info.suffixes):14} {info.description}")
    return 0
