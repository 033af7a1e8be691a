"""The IPTC ninjs JSON Schemas 1.0 to 3.1 that ship with newsdoc, and validation against them.

ninjs schemas © IPTC; the repository is MIT-licensed and the schemas are also published
under CC BY 4.0 (see ``schemas/LICENSE``). Validation needs the optional ``jsonschema``
package (``pip install 'newsdoc[validate]'``); reading and writing ninjs do not.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from importlib.resources import files
from typing import Any

import attrs

from newsdoc.errors import NewsdocError
from newsdoc.formats.ninjs._names import schema_version

__all__ = ["SchemaProblem", "load_schema", "validate", "version_of"]

_MESSAGE_LENGTH = 200
_GEOJSON_FILE = "GeoJSON-schema.json"
_GEOJSON_URI = "https://geojson.org/schema/GeoJSON.json"


@attrs.frozen(kw_only=True)
class SchemaProblem:
    """One way a document breaks its ninjs schema.

    Attributes:
        path: The JSON path of the offending value, e.g. ``$.headlines[0]``.
        message: What is wrong, in the validator's words (cut when long).
    """

    path: str
    message: str


@cache
def load_schema(version: str) -> dict[str, Any]:
    """The ninjs JSON Schema of ``version`` (``"1.0"`` to ``"3.1"``), loaded once."""
    return _schema_file(f"ninjs-schema_{version}.json")


def _schema_file(name: str) -> dict[str, Any]:
    resource = files("newsdoc.formats.ninjs") / "schemas" / name
    loaded: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return loaded


@cache
def _validator(version: str) -> Any:
    try:
        jsonschema = importlib.import_module("jsonschema")
        referencing = importlib.import_module("referencing")
    except ImportError:
        raise NewsdocError(
            "validating ninjs needs the jsonschema package (4.18 or later), an optional "
            "extra: pip install 'newsdoc[validate]'"
        ) from None
    no_such_resource = importlib.import_module("referencing.exceptions").NoSuchResource

    def refuse(uri: str) -> Any:
        raise no_such_resource(ref=uri)  # never the network: only the schemas shipped here

    geojson = referencing.Resource.from_contents(_schema_file(_GEOJSON_FILE))
    registry = referencing.Registry(retrieve=refuse).with_resource(_GEOJSON_URI, geojson)
    schema = load_schema(version)
    return jsonschema.validators.validator_for(schema)(schema, registry=registry)


def validate(document: Any, version: str | None = None) -> tuple[SchemaProblem, ...]:
    """Every problem the schema of ``document``'s ninjs version finds; empty when valid.

    Args:
        document: The decoded JSON document.
        version: The ninjs version to check against, ``"1.0"`` to ``"3.1"``. Left out,
            the one the document declares in ``standard`` (``$standard`` in 1.x), else
            the newest of the document's generation (1.6, 2.2 or 3.1), told from its keys.

    Raises:
        NewsdocError: The optional ``jsonschema`` package is not installed.
    """
    version = version_of(document) if version is None else version
    errors = sorted(_validator(version).iter_errors(document), key=lambda error: error.json_path)
    return tuple(
        SchemaProblem(path=error.json_path, message=_cut(error.message)) for error in errors
    )


def version_of(document: Any) -> str:
    """The ninjs version :func:`validate` checks ``document`` against."""
    return schema_version(document) if type(document) is dict else "3.1"


def _cut(message: str) -> str:
    return message if len(message) <= _MESSAGE_LENGTH else message[:_MESSAGE_LENGTH] + "…"
