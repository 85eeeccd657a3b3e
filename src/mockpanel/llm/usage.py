"""Token accounting: each call's prompt and completion tokens, summed into `models.Usage`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from mockpanel.models import Usage


class CallUsage(BaseModel):
    """Tokens of one model call; `estimated` when the server did not report them."""

    prompt_tokens: int
    completion_tokens: int
    estimated: bool = False

    def as_usage(self) -> Usage:
        """This call as a one-call `Usage`."""
        return Usage(
            prompt_tokens=self.prompt_tokens, completion_tokens=self.completion_tokens, calls=1
        )


def usage_from_report(
    reported: Any, *, prompt_estimate: int, completion_estimate: int
) -> CallUsage:
    """Take the server's `usage` block when it has numbers, else the local estimates."""
    prompt = getattr(reported, "prompt_tokens", None)
    completion = getattr(reported, "completion_tokens", None)
    if isinstance(prompt, int) and isinstance(completion, int):
        return CallUsage(prompt_tokens=prompt, completion_tokens=completion)
    return CallUsage(
        prompt_tokens=prompt_estimate, completion_tokens=completion_estimate, estimated=True
    )


class UsageMeter:
    """Collects the usage of every call a client makes."""

    def __init__(self) -> None:
        self.calls: list[CallUsage] = []

    def record(self, call: CallUsage) -> Usage:
        """Add one call and return it as `Usage`."""
        self.calls.append(call)
        return call.as_usage()

    @property
    def total(self) -> Usage:
        """Everything recorded so far."""
        total = Usage()
        for call in self.calls:
            total = total.add(call.as_usage())
        return total

    @property
    def estimated(self) -> bool:
        """Whether any recorded call had to be estimated locally."""
        return any(call.estimated for call in self.calls)
