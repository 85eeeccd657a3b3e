"""Find the JSON object in a model's reply and repair the slips small models make, where safe.

Handled: code fences, prose around the object, trailing commas, single-quoted strings and Python's
`True`/`False`/`None`. Not guessed: truncated objects, unquoted keys, comments. Those are reported
so the caller can re-ask the model.
"""

from __future__ import annotations

import json
import re
from typing import Any

_FENCE = re.compile(r"```[A-Za-z0-9_-]*[ \t]*\n?(.*?)```", re.DOTALL)
_PYTHON_WORDS = {"True": "true", "False": "false", "None": "null"}
# Only this many `{` positions are tried, so a long non-JSON reply stays cheap.
MAX_CANDIDATES = 8


class JsonRepairError(ValueError):
    """No JSON object could be read from the text; the message says why, for a re-ask."""


def strip_code_fences(text: str) -> str:
    """The body of the first fenced block that holds a `{`, else the text unchanged."""
    for match in _FENCE.finditer(text):
        if "{" in match.group(1):
            return match.group(1)
    return text


def _string_end(text: str, start: int) -> int:
    """Index just after the string opened at `start` (its end if unterminated)."""
    quote = text[start]
    i = start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        i += 1
    return len(text)


def _opens_single_quoted(text: str, i: int) -> bool:
    """A `'` opens a string only where a key or value may start (after `{`, `[`, `,` or `:`)."""
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and text[j] in "{[,:"


def balanced_object(text: str, start: int) -> str | None:
    """The `{...}` that begins at `start`, with strings respected; `None` if it never closes."""
    depth = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch == '"' or (ch == "'" and _opens_single_quoted(text, i)):
            i = _string_end(text, i)
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return text[start : i + 1]
        i += 1
    return None


def _requote(body: str) -> str:
    """The inside of a single-quoted string, escaped for a double-quoted one."""
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append("'" if nxt == "'" else ch + nxt)
            i += 2
            continue
        out.append('\\"' if ch == '"' else ch)
        i += 1
    return "".join(out)


def repair(candidate: str) -> str:
    """Outside strings: single quotes to double, trailing commas dropped, Python literals mapped."""
    out: list[str] = []
    i = 0
    n = len(candidate)
    while i < n:
        ch = candidate[i]
        if ch == '"':
            end = _string_end(candidate, i)
            out.append(candidate[i:end])
            i = end
        elif ch == "'" and _opens_single_quoted(candidate, i):
            end = _string_end(candidate, i)
            body = candidate[i + 1 : end - 1] if end - i >= 2 else ""
            out.append(f'"{_requote(body)}"')
            i = end
        elif ch == ",":
            k = i + 1
            while k < n and candidate[k].isspace():
                k += 1
            if k >= n or candidate[k] not in "}]":
                out.append(ch)
            i += 1
        elif ch.isalpha():
            k = i
            while k < n and (candidate[k].isalnum() or candidate[k] == "_"):
                k += 1
            word = candidate[i:k]
            out.append(_PYTHON_WORDS.get(word, word))
            i = k
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _loads(text: str) -> Any:
    # strict=False accepts raw newlines inside strings, which models often emit.
    return json.loads(text, strict=False)


def extract_json_object(text: str) -> dict[str, Any]:
    """The first JSON object in `text`, repaired if needed; `JsonRepairError` says what failed."""
    if not text or not text.strip():
        raise JsonRepairError("the reply was empty")
    body = strip_code_fences(text)
    starts = [i for i, ch in enumerate(body) if ch == "{"][:MAX_CANDIDATES]
    if not starts:
        raise JsonRepairError("the reply holds no JSON object (no '{' found)")
    first_error = ""
    for start in starts:
        candidate = balanced_object(body, start)
        if candidate is None:
            first_error = first_error or "the JSON object is not closed (was the reply cut off?)"
            continue
        for attempt in (candidate, repair(candidate)):
            try:
                value = _loads(attempt)
            except json.JSONDecodeError as exc:
                first_error = first_error or f"invalid JSON: {exc.msg} at character {exc.pos}"
                continue
            except RecursionError:
                first_error = first_error or "the JSON object is nested too deeply"
                continue
            if isinstance(value, dict):
                return value
    raise JsonRepairError(first_error or "the reply holds no JSON object")
