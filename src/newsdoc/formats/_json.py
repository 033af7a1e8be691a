"""What every JSON-based format shares: strict decoding, strict cattrs hooks, errors with paths.

:func:`loads` turns bytes or text into Python values and refuses what the standard library
would take silently or fail on with a bare exception: duplicate keys in an object (the
standard library keeps the last), integers of more than :data:`MAX_INT_DIGITS` digits,
``NaN``, ``Infinity`` and numbers too large for a float, and nesting deeper than
:data:`MAX_DEPTH` levels. Every refusal is a :class:`~newsdoc.ParseError` that names the
JSON path of the value, e.g. ``$.article.lead[2]``.

:func:`configure_converter` prepares a cattrs converter, in the style of cattrs' own
``preconf`` modules, to refuse values of the wrong JSON type at once, with one error, and
:func:`structure` turns whatever a converter refuses into one :class:`~newsdoc.ParseError`
naming the first problem's path and counting the others.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import math
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, MutableSequence, Sequence
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import IterableValidationNote
from cattrs.gen import (
    make_dict_structure_fn,
    make_dict_unstructure_fn,
    make_mapping_structure_fn,
    override,
)

from newsdoc.errors import ParseError, ValidationError
from newsdoc.formats._decode import decode_utf8, line_and_column
from newsdoc.model import Article

__all__ = [
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "MAX_WRONG_ITEMS",
    "configure_converter",
    "listed",
    "loads",
    "shown",
    "structure",
]

T = TypeVar("T")

MAX_DEPTH = 64
"""How deeply arrays and objects may nest; newsdoc's own documents need fewer than ten."""

MAX_INT_DIGITS = 19
"""The most digits an integer may have: enough for any signed 64-bit integer."""

MAX_WRONG_ITEMS = 20
"""After this many wrong items, the rest of an array is not checked: a long array fails fast."""

_SHOWN_LENGTH = 40
_CONTAINERS = frozenset({dict, list})


class _Refused:
    """Stands in the decoded tree for a value that :func:`loads` refuses, until its path is known.

    Attributes:
        reason: Why the value is refused.
        key: The object key the problem is at, for a duplicate key.
    """

    __slots__ = ("key", "reason")

    def __init__(self, reason: str, key: str | None = None) -> None:
        self.reason = reason
        self.key = key


class _StrictHooks:
    """The json module's hooks for one document; they note whether they refused a value."""

    def __init__(self) -> None:
        self.refused = False

    def _refuse(self, reason: str, key: str | None = None) -> _Refused:
        self.refused = True
        return _Refused(reason, key)

    def object_pairs(self, pairs: list[tuple[str, Any]]) -> Any:
        members = dict(pairs)
        if len(members) == len(pairs):
            return members
        counts = Counter(key for key, _ in pairs)
        twice = next(key for key, count in counts.items() if count > 1)
        return self._refuse("the key appears more than once in its object", twice)

    def parse_int(self, literal: str) -> Any:
        if len(literal) <= MAX_INT_DIGITS:
            return int(literal)
        digits = len(literal) - literal.startswith("-")
        if digits > MAX_INT_DIGITS:
            return self._refuse(f"an integer of {digits} digits; at most {MAX_INT_DIGITS} are read")
        return int(literal)

    def parse_float(self, literal: str) -> Any:
        number = float(literal)
        if math.isinf(number):
            return self._refuse(f"the number {_cut(literal)} is too large for a float")
        return number

    def parse_constant(self, name: str) -> Any:
        return self._refuse(f"{name} is not a JSON number")


def loads(data: str | bytes, format_name: str, source: str | None = None) -> Any:
    """Decode one JSON document strictly.

    Args:
        data: The document, as text or as UTF-8 bytes (with or without a byte-order mark).
        format_name: The format being read, for error messages.
        source: The file the document came from, for error messages.

    Returns:
        The decoded value: dicts, lists, strings, ints, floats, bools and ``None``.

    Raises:
        ParseError: The input is not UTF-8 or not JSON (with line and column), or it holds a
            duplicate key, an integer of more than :data:`MAX_INT_DIGITS` digits, ``NaN``,
            ``Infinity``, a number too large for a float, or nesting deeper than
            :data:`MAX_DEPTH` (with the JSON path).
    """
    text = decode_utf8(data, format_name, source)
    hooks = _StrictHooks()
    try:
        value = json.loads(
            text,
            object_pairs_hook=hooks.object_pairs,
            parse_int=hooks.parse_int,
            parse_float=hooks.parse_float,
            parse_constant=hooks.parse_constant,
        )
    except json.JSONDecodeError as exc:
        line, column = line_and_column(text, exc.pos)
        raise ParseError(format_name, exc.msg, line=line, column=column, source=source) from exc
    except RecursionError as exc:
        raise ParseError(format_name, _too_deep(), source=source) from exc
    if hooks.refused or _nested_too_deeply(value):
        problems = _problems_in(value)
        reason, path = next(problems)
        more = _more(sum(1 for _ in problems))
        raise ParseError(format_name, reason + more, path=path, source=source)
    return value


def _nested_too_deeply(value: Any) -> bool:
    """Whether arrays and objects nest deeper than :data:`MAX_DEPTH` in ``value``.

    Goes level by level, which is much quicker than :func:`_problems_in`; that one names
    the path, and runs only when there is a problem to name.
    """
    level = [value] if type(value) in _CONTAINERS else []
    for _ in range(MAX_DEPTH):
        if not level:
            return False
        level = [
            child
            for container in level
            for child in (container.values() if type(container) is dict else container)
            if type(child) in _CONTAINERS
        ]
    return bool(level)


def _too_deep() -> str:
    return f"arrays and objects are nested more than {MAX_DEPTH} levels deep"


def _more(count: int, *, at_least: bool = False) -> str:
    return f" (and {'at least ' if at_least else ''}{count} more problem(s))" if count else ""


def _cut(text: str) -> str:
    return text if len(text) <= _SHOWN_LENGTH else text[:_SHOWN_LENGTH] + "…"


def _step(key: str | int) -> str:
    """One step of a JSON path: ``[3]``, ``.headline`` or ``["odd key"]``."""
    if isinstance(key, int):
        return f"[{key}]"
    if key.isidentifier():
        return f".{_cut(key)}"
    return f"[{json.dumps(_cut(key), ensure_ascii=False)}]"


class _Node:
    """A value met by :func:`_problems_in`, with what it takes to name its path."""

    __slots__ = ("depth", "key", "parent", "value")

    def __init__(self, value: Any, key: str | int | None, parent: _Node | None) -> None:
        self.value = value
        self.key = key
        self.parent = parent
        self.depth: int = 1 if parent is None else parent.depth + 1

    def path(self, last: str | int | None = None) -> str:
        steps = [] if last is None else [last]
        node: _Node | None = self
        while node is not None and node.key is not None:
            steps.append(node.key)
            node = node.parent
        return "$" + "".join(_step(each) for each in reversed(steps))


def _children_backwards(container: dict[str, Any] | list[Any]) -> Iterator[tuple[str | int, Any]]:
    """The keys or indices and values of ``container``, last first (for a stack)."""
    if isinstance(container, dict):
        for key in reversed(container):
            yield key, container[key]
    else:
        for index in range(len(container) - 1, -1, -1):
            yield index, container[index]


def _problems_in(value: Any) -> Iterator[tuple[str, str]]:
    """The reason and path of every refused value and of every container nested too deeply.

    Walks the tree in document order without recursion; paths are built only for problems.
    """
    stack = [_Node(value, None, None)]
    while stack:
        node = stack.pop()
        current = node.value
        if type(current) is _Refused:
            yield current.reason, node.path(current.key)
            continue
        if type(current) is not dict and type(current) is not list:
            continue
        if node.depth > MAX_DEPTH:
            yield _too_deep(), node.path()
            continue
        for key, child in _children_backwards(current):
            kind = type(child)
            if kind is dict or kind is list or kind is _Refused:
                stack.append(_Node(child, key, node))


_JSON_NAMES = {dict: "an object", list: "an array", int: "an integer", type(None): "null"}


def shown(value: Any) -> str:
    """A JSON value for an error message: text quoted and cut, a number as is, else its kind."""
    kind = type(value)
    if kind is str:
        return json.dumps(_cut(value), ensure_ascii=False)
    if kind is bool:
        return "true" if value else "false"
    if (kind is int and value.bit_length() <= 64) or kind is float:
        return repr(value)
    return _JSON_NAMES.get(kind, f"a value of type {kind.__name__}")


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is str:
        return value
    raise TypeError(f"expected a string, not {shown(value)}")


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    raise TypeError(f"expected an integer, not {shown(value)}")


def _structure_float(value: Any, _: Any) -> float:
    if type(value) is float or type(value) is int:
        return float(value)
    raise TypeError(f"expected a number, not {shown(value)}")


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise TypeError(f"expected true or false, not {shown(value)}")


def _structure_datetime(value: Any, _: Any) -> dt.datetime:
    if type(value) is not str:
        raise TypeError(f"expected an ISO-8601 date and time, not {shown(value)}")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{shown(value)} is not an ISO-8601 date and time") from None
    if moment.utcoffset() is None:
        raise ValueError(f"{shown(value)} has no UTC offset")
    return moment


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _enum_hook(type_: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    members = {member.value: member for member in type_}
    value_types = {type(value) for value in members}
    allowed = ", ".join(shown(value) for value in members)

    def structure(value: Any, _: Any) -> enum.Enum:
        if type(value) in value_types and value in members:
            return members[value]
        raise ValueError(f"expected one of {allowed}, not {shown(value)}")

    return structure


def _is_sequence(type_: Any) -> bool:
    """An array of one item type, or a tuple of fixed length (``[name, value]``)."""
    arguments = get_args(type_)
    if get_origin(type_) is tuple:
        return bool(arguments) and (arguments[-1] is not Ellipsis or len(arguments) == 2)
    return get_origin(type_) in (list, Sequence, MutableSequence) and len(arguments) == 1


class _UncheckedItemsError(ValueError):
    """Stands for the items of an array after its :data:`MAX_WRONG_ITEMS`-th wrong one."""

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(f"the {count} item(s) after these were not checked")


def _sequence_hook(type_: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    arguments = get_args(type_)
    fixed = get_origin(type_) is tuple and arguments[-1] is not Ellipsis
    item_types = arguments if fixed else arguments[:1]
    hooks = [(converter.get_structure_hook(item), item) for item in item_types]
    build = list if get_origin(type_) in (list, MutableSequence) else tuple

    def structure(value: Any, _: Any) -> Any:
        if type(value) is not list:
            raise TypeError(f"expected an array, not {shown(value)}")
        if fixed and len(value) != len(hooks):
            raise ValueError(f"expected an array of {len(hooks)} items, not of {len(value)}")
        items = []
        problems: list[Exception] = []
        for index, item in enumerate(value):
            structure_item, item_type = hooks[index] if fixed else hooks[0]
            try:
                items.append(structure_item(item, item_type))
            except Exception as exc:  # noqa: BLE001 - every problem of every item is collected
                # cattrs finds an item's index in its notes (Python 3.10 types know no notes).
                note = IterableValidationNote(
                    f"Structuring {type_} @ index {index}", index, item_type
                )
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
                problems.append(exc)
                if len(problems) == MAX_WRONG_ITEMS and index + 1 < len(value):
                    problems.append(_UncheckedItemsError(len(value) - index - 1))
                    break
        if problems:
            raise cattrs.IterableValidationError(f"While structuring {type_!r}", problems, type_)
        return build(items)

    return structure


def _object_hook(type_: type[T], converter: cattrs.Converter) -> Callable[[Any, Any], T]:
    structure_members = make_dict_structure_fn(
        type_, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def structure(value: Any, _: Any) -> T:
        if type(value) is not dict:
            raise TypeError(f"expected an object, not {shown(value)}")
        return structure_members(value, type_)

    return structure


def _is_mapping(type_: Any) -> bool:
    return get_origin(type_) in (dict, Mapping) or type_ is dict


def _mapping_hook(type_: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    structure_entries = make_mapping_structure_fn(type_, converter, detailed_validation=True)

    def structure(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise TypeError(f"expected an object, not {shown(value)}")
        return structure_entries(value, type_)

    return structure


def configure_converter(converter: cattrs.Converter) -> None:
    """Make ``converter`` strict about JSON types, for every JSON-based format.

    Strings, integers, numbers, booleans, arrays and objects (for attrs classes and dicts)
    must be of that JSON type (``"3"`` is no integer, ``"abc"`` no array of strings,
    ``{"k": 1}`` no array); a value of the wrong type fails with one error, however long it
    is, and an array stops being checked after :data:`MAX_WRONG_ITEMS` wrong items. Objects
    for attrs classes refuse unknown members. Enumerations are their values; datetimes are
    ISO-8601 strings with a UTC offset, written by :meth:`datetime.datetime.isoformat`.
    An Article's ``marks`` are left out when it has none.
    """
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.datetime, _structure_datetime)
    converter.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    converter.register_structure_hook_factory(_is_enum, _enum_hook)
    converter.register_structure_hook_factory(_is_sequence, _sequence_hook)
    converter.register_structure_hook_factory(_is_mapping, _mapping_hook)
    converter.register_structure_hook_factory(attrs.has, _object_hook)
    # An Article without marks is written as before marks were in the model.
    converter.register_unstructure_hook(
        Article,
        make_dict_unstructure_fn(Article, converter, marks=override(omit_if_default=True)),
    )


def structure(
    converter: cattrs.Converter,
    value: Any,
    type_: type[T],
    format_name: str,
    *,
    path: str = "$",
    source: str | None = None,
) -> T:
    """Structure ``value`` (found at ``path``) as ``type_``; any refusal is a ParseError.

    Raises:
        ParseError: Naming the JSON path of the first problem and counting the others, e.g.
            ``expected an array, not a string (and 2 more problem(s))`` at
            ``$.article.lead``.
    """
    try:
        return converter.structure(value, type_)
    except Exception as exc:
        problems = list(_structuring_problems(exc, path, type_))
        reasons = [(reason, where) for reason, where in problems if reason is not None]
        reason, where = reasons[0]
        more = _more(len(reasons) - 1, at_least=len(reasons) < len(problems))
        raise ParseError(format_name, reason + more, path=where, source=source) from exc


def _structuring_problems(
    exc: BaseException, path: str, expected: Any
) -> Iterator[tuple[str | None, str]]:
    """The reason and JSON path of every problem that ``exc`` holds.

    The reason is ``None`` where the items of an array were left unchecked.
    """
    if isinstance(exc, _UncheckedItemsError):
        yield None, path
    elif isinstance(exc, cattrs.IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for inner, note in with_notes:
            yield from _structuring_problems(inner, path + _step(note.index), note.type)
        for inner in without:
            yield from _structuring_problems(inner, path, None)
    elif isinstance(exc, cattrs.ClassValidationError):
        with_field_notes, without = exc.group_exceptions()
        for inner, field_note in with_field_notes:
            yield from _structuring_problems(inner, path + _step(field_note.name), field_note.type)
        for inner in without:
            yield from _structuring_problems(inner, path + _model_field(inner, exc.cl), None)
    else:
        yield _describe(exc, expected), path


def _model_field(exc: BaseException, type_: type) -> str:
    """The path step to the field a model's ValidationError names, if it is one of its fields."""
    if isinstance(exc, ValidationError) and attrs.has(type_):
        name, bracket, rest = exc.field.partition("[")
        if name in attrs.fields_dict(type_):
            return _step(name) + bracket + rest
    return ""


def _describe(exc: BaseException, expected: Any) -> str:
    if isinstance(exc, KeyError):
        return "required member missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return "unknown member(s) " + listed(sorted(exc.extra_fields))
    return str(exc) or cattrs.v.format_exception(exc, expected)


def listed(names: list[str], count: int = 5) -> str:
    """The first ``count`` of ``names`` for an error message, and how many more there are."""
    text = ", ".join(_cut(name) for name in names[:count])
    return text + (f" and {len(names) - count} more" if len(names) > count else "")
