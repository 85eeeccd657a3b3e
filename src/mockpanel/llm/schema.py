"""JSON schemas for structured output: OpenAI's strict form, and a compact one to show a model."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from pydantic import BaseModel

_NAME = re.compile(r"[^A-Za-z0-9_-]")
# Schema keywords whose values map names to subschemas (the names are data, not keywords).
_NAMED_SUBSCHEMAS = ("properties", "$defs", "definitions", "patternProperties")
_DROPPED = ("title", "default")


def schema_name(model: type[BaseModel]) -> str:
    """A `json_schema.name` OpenAI accepts (letters, digits, `_`, `-`; at most 64)."""
    return _NAME.sub("_", model.__name__)[:64] or "output"


def _resolve(ref: str, root: dict[str, Any]) -> dict[str, Any]:
    node: Any = root
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return dict(node)


def _walk(node: Any, root: dict[str, Any], *, strict: bool) -> Any:
    if isinstance(node, list):
        return [_walk(item, root, strict=strict) for item in node]
    if not isinstance(node, dict):
        return node
    node = dict(node)
    if strict and "$ref" in node and len(node) > 1:
        # Strict mode refuses a `$ref` with siblings (a description): inline the target.
        node = {**_resolve(node.pop("$ref"), root), **node}
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROPPED:
            continue
        if key in _NAMED_SUBSCHEMAS and isinstance(value, dict):
            result[key] = {name: _walk(sub, root, strict=strict) for name, sub in value.items()}
        else:
            result[key] = _walk(value, root, strict=strict)
    if strict and (result.get("type") == "object" or "properties" in result):
        # A map field (`dict[str, X]`) keeps its value schema; OpenAI may refuse it, and then
        # the caller falls back to the next structured-output mode.
        if not isinstance(result.get("additionalProperties"), dict):
            result["additionalProperties"] = False
        result["required"] = list(result.get("properties", {}))
    return result


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """`model`'s schema in OpenAI's strict form: closed objects, every property required."""
    root = copy.deepcopy(model.model_json_schema())
    strict: dict[str, Any] = _walk(root, root, strict=True)
    return strict


def plain_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """`model`'s schema without titles and defaults (for `json_object` + schema servers)."""
    root = model.model_json_schema()
    plain: dict[str, Any] = _walk(root, root, strict=False)
    return plain


def schema_text(model: type[BaseModel]) -> str:
    """The compact schema as one line of JSON, to put in a prompt."""
    return json.dumps(plain_json_schema(model), separators=(",", ":"), ensure_ascii=False)
