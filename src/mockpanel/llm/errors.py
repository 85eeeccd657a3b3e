"""Typed failures of the model layer, all subclasses of the user-facing errors in `errors.py`."""

from __future__ import annotations

from pydantic import BaseModel

from mockpanel.errors import ConfigError, ServiceError


class ModelServiceError(ServiceError):
    """A model server call failed (after retries where retrying made sense)."""

    def __init__(self, message: str, *, status: int | None = None, attempts: int = 1) -> None:
        super().__init__(message)
        self.status = status
        self.attempts = attempts


class ModelRequestRejected(ModelServiceError):
    """The server refused the request itself (HTTP 400/422, or a 500 naming `response_format`)."""


class EmptyReplyError(ModelServiceError):
    """The model answered with no text."""


class ContextWindowError(ConfigError):
    """A prompt cannot fit the model's context window even after trimming the trimmable parts."""


class StructuredAttempt(BaseModel):
    """One try at a structured reply: the mode used, the raw output and what was wrong with it."""

    mode: str
    output: str = ""
    error: str


class StructuredOutputError(ServiceError):
    """The model never produced output matching the schema; callers fall back to offline."""

    def __init__(self, message: str, *, attempts: list[StructuredAttempt]) -> None:
        super().__init__(message)
        self.attempts = attempts

    @property
    def last_output(self) -> str | None:
        """The last raw reply the model gave, if any."""
        for attempt in reversed(self.attempts):
            if attempt.output:
                return attempt.output
        return None
