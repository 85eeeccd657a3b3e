"""Reading JSON objects out of model replies, and repairing the usual slips where it is safe."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mockpanel.llm.json_repair import JsonRepairError, extract_json_object


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ('{"a": 1}', {"a": 1}),
        ('```json\n{"a": 1}\n```', {"a": 1}),
        ('Here you go:\n```\n{"a": [1, 2]}\n```\nAnything else?', {"a": [1, 2]}),
        ('The answer is {"a": "b"} as requested.', {"a": "b"}),
        ('{"a": 1, "b": [1, 2,],}', {"a": 1, "b": [1, 2]}),
        ("{'a': 'it is \"fine\"', 'b': 'x'}", {"a": 'it is "fine"', "b": "x"}),
        ("{'a': 'don\\'t'}", {"a": "don't"}),
        ('{"ok": True, "no": False, "none": None}', {"ok": True, "no": False, "none": None}),
        ('{"text": "True is a word in it\'s text"}', {"text": "True is a word in it's text"}),
        ('{"quote": "a } brace and a { brace"}', {"quote": "a } brace and a { brace"}),
        ('{"line": "first\nsecond"}', {"line": "first\nsecond"}),
        ('{not json} then {"a": 2}', {"a": 2}),
        ('{"outer": {"inner": {"deep": 1}}}', {"outer": {"inner": {"deep": 1}}}),
    ],
)
def test_reads_and_repairs(reply: str, expected: dict[str, Any]) -> None:
    assert extract_json_object(reply) == expected


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ("", "the reply was empty"),
        ("   ", "the reply was empty"),
        ("No JSON here.", "no '{' found"),
        ("[1, 2, 3]", "no '{' found"),
        ('{"a": 1, "b": ', "not closed"),
        ("{a: 1}", "invalid JSON: Expecting property name"),
        ('{"a": ' * 5000 + "1" + "}" * 5000, "nested too deeply"),
    ],
)
def test_reports_why_it_failed(reply: str, reason: str) -> None:
    with pytest.raises(JsonRepairError, match=reason):
        extract_json_object(reply)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=10), json_values, max_size=5), st.text(max_size=30))
def test_any_object_survives_fences_and_prose(obj: dict[str, Any], prose: str) -> None:
    prose = prose.replace("{", "").replace("`", "")
    reply = f"{prose}\n```json\n{json.dumps(obj, indent=2)}\n```\n{prose}"
    assert extract_json_object(reply) == obj


@given(st.text(max_size=200))
def test_never_raises_anything_but_its_own_error(reply: str) -> None:
    try:
        value = extract_json_object(reply)
    except JsonRepairError:
        return
    assert isinstance(value, dict)
