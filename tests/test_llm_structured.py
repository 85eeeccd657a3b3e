"""Structured output against a real loopback server: mode fallbacks, repair, re-asks, give-up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, Field

from mockpanel.library import PromptLibrary, TaskDoc
from mockpanel.llm.budget import TokenBudget, get_tokenizer
from mockpanel.llm.client import LLMClient
from mockpanel.llm.errors import ModelRequestRejected, StructuredOutputError
from mockpanel.llm.retry import RetryPolicy
from mockpanel.llm.structured import generate_structured, repair_prompt
from scripted_server import ScriptedServer, completion, error

ROOT = Path(__file__).resolve().parents[1]
# llama-cpp-python's actual refusal of `json_schema` (HTTP 500, pydantic literal error).
LLAMA_REFUSAL = (
    "1 validation error: {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
    "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}"
)
ASK = [
    {"role": "system", "content": "Reply with one JSON object: status and score."},
    {"role": "user", "content": "Rate it."},
]


class Verdict(BaseModel):
    status: str
    score: int = Field(ge=1, le=5)
    evidence: list[str] = Field(default_factory=list)


def repair(error_text: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": f"FIX: {error_text}"}]


def make_client(server: ScriptedServer) -> LLMClient:
    tokenizer, _ = get_tokenizer(None)
    return LLMClient(
        base_url=server.url,
        api_key="sk-test",
        model="test-model",
        retry=RetryPolicy(max_retries=2, initial_delay=0.01, max_delay=0.02),
        budget=TokenBudget(window=8192, tokenizer=tokenizer),
    )


def good(score: int = 4) -> str:
    return json.dumps({"status": "ok", "score": score, "evidence": ["I led it"]})


def test_strict_json_schema_when_the_server_accepts_it() -> None:
    with ScriptedServer([completion(good())]) as srv, make_client(srv) as client:
        result = generate_structured(client, ASK, Verdict, repair=repair)
    assert result.value == Verdict(status="ok", score=4, evidence=["I led it"])
    assert result.mode == "json_schema"
    assert result.attempts == []
    assert result.usage.calls == 1
    fmt = srv.chat_requests[0].body["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["strict"] is True
    assert fmt["json_schema"]["name"] == "Verdict"
    schema = fmt["json_schema"]["schema"]
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["status", "score", "evidence"]
    assert srv.chat_requests[0].body["messages"] == ASK


def test_json_schema_refused_with_500_falls_back_to_json_object_and_remembers() -> None:
    replies = [error(500, LLAMA_REFUSAL), completion(good(3)), completion(good(5))]
    with ScriptedServer(replies) as srv, make_client(srv) as client:
        first = generate_structured(client, ASK, Verdict, repair=repair)
        second = generate_structured(client, ASK, Verdict, repair=repair)
    assert (first.mode, first.value.score) == ("json_object", 3)
    assert first.attempts[0].mode == "json_schema"
    assert "HTTP 500" in first.attempts[0].error
    assert client.rejected_formats == {"json_schema"}
    assert client.structured_mode == "json_object"
    assert (second.mode, second.value.score, second.attempts) == ("json_object", 5, [])
    formats = [r.body.get("response_format", {}).get("type") for r in srv.chat_requests]
    # The refusal is not retried, and the second call skips the refused mode.
    assert formats == ["json_schema", "json_object", "json_object"]
    json_object = srv.chat_requests[1].body["response_format"]
    assert json_object["schema"]["properties"]["score"] == {
        "maximum": 5,
        "minimum": 1,
        "type": "integer",
    }


def test_both_formats_refused_falls_back_to_prompting() -> None:
    replies = [
        error(400, "response_format json_schema is not supported"),
        error(422, "unknown field: response_format"),
        completion(good()),
    ]
    with ScriptedServer(replies) as srv, make_client(srv) as client:
        result = generate_structured(client, ASK, Verdict, repair=repair)
    assert result.mode == "prompted"
    assert "response_format" not in srv.chat_requests[2].body
    assert client.rejected_formats == {"json_schema", "json_object"}


def test_a_400_that_does_not_name_the_format_is_not_remembered() -> None:
    replies = [error(400, "prompt is too long for this model"), completion(good())]
    with ScriptedServer(replies) as srv, make_client(srv) as client:
        result = generate_structured(client, ASK, Verdict, repair=repair)
    assert result.mode == "json_object"
    assert client.rejected_formats == set()


def test_transient_500_is_retried_not_taken_as_a_refusal() -> None:
    replies = [error(500, "out of memory, try again"), completion(good())]
    with ScriptedServer(replies) as srv, make_client(srv) as client:
        result = generate_structured(client, ASK, Verdict, repair=repair)
    assert result.mode == "json_schema"
    assert client.rejected_formats == set()
    assert len(srv.chat_requests) == 2


def test_messy_json_is_repaired_without_a_re_ask() -> None:
    messy = "Sure! Here it is:\n```json\n{'status': 'ok', 'score': 2, 'evidence': [],}\n```"
    with ScriptedServer([completion(messy)]) as srv, make_client(srv) as client:
        result = generate_structured(client, ASK, Verdict, repair=repair)
    assert result.value == Verdict(status="ok", score=2)
    assert len(srv.chat_requests) == 1


def test_invalid_json_is_re_asked_with_the_error() -> None:
    replies = [completion("I think the score is four."), completion(good())]
    with ScriptedServer(replies) as srv, make_client(srv) as client:
        result = generate_structured(client, ASK, Verdict, repair=repair)
    assert result.value.score == 4
    assert [a.error for a in result.attempts] == ["the reply holds no JSON object (no '{' found)"]
    reask = srv.chat_requests[1].body["messages"]
    assert reask[:2] == ASK
    assert reask[2] == {"role": "assistant", "content": "I think the score is four."}
    assert reask[3]["content"].startswith("FIX: the reply holds no JSON object")


def test_schema_violation_is_shown_to_the_model_then_succeeds() -> None:
    bad = json.dumps({"status": "ok", "score": 9})
    replies = [completion(bad), completion(good(5))]
    with ScriptedServer(replies) as srv, make_client(srv) as client:
        result = generate_structured(client, ASK, Verdict, repair=repair)
    assert result.value.score == 5
    assert result.attempts[0].output == bad
    assert result.attempts[0].error == "score: Input should be less than or equal to 5"
    assert srv.chat_requests[1].body["messages"][-1]["content"] == (
        "FIX: score: Input should be less than or equal to 5"
    )
    assert result.usage.calls == 2


def test_persistent_violation_raises_with_every_attempt() -> None:
    outputs = [json.dumps({"status": "ok"}), json.dumps({"score": 2}), "[1, 2]"]
    with ScriptedServer([completion(o) for o in outputs]) as srv, make_client(srv) as client:
        with pytest.raises(StructuredOutputError) as caught:
            generate_structured(client, ASK, Verdict, repair=repair, max_reasks=2)
    failure = caught.value
    assert [a.output for a in failure.attempts] == outputs
    assert failure.attempts[0].error == "score: Field required"
    assert failure.attempts[1].error == "status: Field required"
    assert failure.last_output == "[1, 2]"
    assert "did not match Verdict after 3 attempts" in str(failure)
    assert "\n" not in str(failure)
    assert len(srv.chat_requests) == 3


def test_empty_reply_counts_as_a_failed_attempt() -> None:
    with ScriptedServer([completion(""), completion(good())]) as srv, make_client(srv) as client:
        result = generate_structured(client, ASK, Verdict, repair=repair)
    assert result.attempts[0].error == "the reply was empty"
    assert result.usage.calls == 2
    assert srv.chat_requests[1].body["messages"][-2] == {"role": "assistant", "content": "(empty)"}


def test_cut_off_reply_says_so() -> None:
    cut = completion('{"status": "ok", "sco', finish_reason="length")
    with ScriptedServer([cut, completion(good())]) as srv, make_client(srv) as client:
        result = generate_structured(client, ASK, Verdict, repair=repair)
    assert "cut off at the token limit" in result.attempts[0].error


def test_prompted_mode_refused_propagates() -> None:
    replies = [error(400, "bad response_format"), error(400, "bad json_object"), error(400, "no")]
    with ScriptedServer(replies) as srv, make_client(srv) as client:
        with pytest.raises(ModelRequestRejected, match="HTTP 400: no"):
            generate_structured(client, ASK, Verdict, repair=repair)


def test_repair_prompt_comes_from_the_library() -> None:
    path = ROOT / "prompts" / "tasks" / "repair-json.yaml"
    doc = TaskDoc.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    library = PromptLibrary({doc.id: doc}, path.parent)
    messages = repair_prompt(library)("score: Input should be less than or equal to 5")
    assert len(messages) == 1
    assert messages[0]["role"] == "user"
    assert "score: Input should be less than or equal to 5" in messages[0]["content"]
