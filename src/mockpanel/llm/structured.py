"""Structured output that works on every OpenAI-compatible server, validated with pydantic.

Modes, tried in order and remembered per client once a server refuses one:
`json_schema` (OpenAI's strict schema), `json_object` with a `schema` (llama.cpp server turns it
into a grammar), then `prompted` (no `response_format`; the task prompt already asks for JSON and
the reply is repaired). A reply that fails to parse or validate is shown its error and re-asked a
bounded number of times; after that `StructuredOutputError` carries every attempt, and the caller
falls back to the offline coach for that step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from mockpanel.llm.client import LLMClient, mentions_response_format
from mockpanel.llm.errors import (
    ContextWindowError,
    EmptyReplyError,
    ModelRequestRejected,
    StructuredAttempt,
    StructuredOutputError,
)
from mockpanel.llm.json_repair import JsonRepairError, extract_json_object
from mockpanel.llm.schema import plain_json_schema, schema_name, strict_json_schema
from mockpanel.models import Usage

if TYPE_CHECKING:
    from mockpanel.library import PromptLibrary

StructuredMode = Literal["json_schema", "json_object", "prompted"]
MODES: tuple[StructuredMode, ...] = ("json_schema", "json_object", "prompted")
REPAIR_PROMPT_ID = "repair-json"
DEFAULT_MAX_REASKS = 2
# How much of a failed reply is echoed back in a re-ask (it costs context tokens).
MAX_ECHOED_CHARS = 1500
MAX_LISTED_ERRORS = 4

ChatMessage = dict[str, str]
RepairPrompt = Callable[[str], list[ChatMessage]]
T = TypeVar("T", bound=BaseModel)


@dataclass
class Structured(Generic[T]):
    """A validated reply, the mode that produced it, the failed attempts before it, and tokens."""

    value: T
    mode: StructuredMode
    attempts: list[StructuredAttempt] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)


def repair_prompt(library: PromptLibrary) -> RepairPrompt:
    """The re-ask messages from the prompt library's `repair-json` task."""

    def render(error: str) -> list[ChatMessage]:
        return library.render(REPAIR_PROMPT_ID, error=error)

    return render


def describe_validation_error(exc: ValidationError) -> str:
    """The first few problems as `field.path: message`, without echoing the values."""
    errors = exc.errors()
    parts = [
        f"{'.'.join(str(p) for p in err['loc']) or 'the object'}: {err['msg']}"
        for err in errors[:MAX_LISTED_ERRORS]
    ]
    if len(errors) > MAX_LISTED_ERRORS:
        parts.append(f"and {len(errors) - MAX_LISTED_ERRORS} more problems")
    return "; ".join(parts)


def response_format_for(
    mode: StructuredMode, output_type: type[BaseModel]
) -> dict[str, Any] | None:
    """The `response_format` request field for `mode` (`None` when prompting alone)."""
    if mode == "json_schema":
        return {
            "type": "json_schema",
            "json_schema": {
                "name": schema_name(output_type),
                "schema": strict_json_schema(output_type),
                "strict": True,
            },
        }
    if mode == "json_object":
        return {"type": "json_object", "schema": plain_json_schema(output_type)}
    return None


def generate_structured(
    client: LLMClient,
    messages: Sequence[ChatMessage],
    output_type: type[T],
    *,
    repair: RepairPrompt,
    max_reasks: int = DEFAULT_MAX_REASKS,
    max_tokens: int | None = None,
    temperature: float | None = None,
    seed: int | None = None,
) -> Structured[T]:
    """Ask for a reply matching `output_type`; raise `StructuredOutputError` if none comes."""
    attempts: list[StructuredAttempt] = []
    first_call = len(client.usage.calls)
    for mode in [m for m in MODES if m not in client.rejected_formats]:
        conversation = list(messages)
        response_format = response_format_for(mode, output_type)
        reasks = 0
        while True:
            output, finish_reason = "", None
            try:
                result = client.chat(
                    conversation,
                    max_tokens=max_tokens,
                    temperature=temperature,
                    seed=seed,
                    response_format=response_format,
                )
            except ModelRequestRejected as exc:
                if response_format is None:
                    raise
                if mentions_response_format(str(exc)):
                    # Remembered only when the server named the format, not for other 400s.
                    client.rejected_formats.add(mode)
                attempts.append(StructuredAttempt(mode=mode, error=str(exc)))
                break
            except EmptyReplyError:
                error = "the reply was empty"
            except ContextWindowError as exc:
                if not reasks:
                    raise
                attempts.append(StructuredAttempt(mode=mode, error=str(exc)))
                raise _give_up(output_type, attempts) from None
            else:
                output, finish_reason = result.text, result.finish_reason
                try:
                    value = output_type.model_validate(extract_json_object(output))
                except JsonRepairError as exc:
                    error = str(exc)
                except ValidationError as exc:
                    error = describe_validation_error(exc)
                else:
                    client.structured_mode = mode
                    usage = Usage()
                    for call in client.usage.calls[first_call:]:
                        usage = usage.add(call.as_usage())
                    return Structured(value=value, mode=mode, attempts=attempts, usage=usage)
                if finish_reason == "length":
                    error += " (the reply was cut off at the token limit; be shorter)"
            attempts.append(StructuredAttempt(mode=mode, output=output, error=error))
            if reasks >= max_reasks:
                raise _give_up(output_type, attempts)
            reasks += 1
            echoed = output[:MAX_ECHOED_CHARS] or "(empty)"
            conversation = [*conversation, {"role": "assistant", "content": echoed}, *repair(error)]
    raise _give_up(output_type, attempts)


def _give_up(
    output_type: type[BaseModel], attempts: list[StructuredAttempt]
) -> StructuredOutputError:
    last = attempts[-1].error if attempts else "no attempt was possible"
    return StructuredOutputError(
        f"the model's reply did not match {output_type.__name__} after {len(attempts)} "
        f"attempts; last problem: {last}",
        attempts=attempts,
    )
