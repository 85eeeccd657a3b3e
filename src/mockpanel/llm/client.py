"""Chat completions against any OpenAI-compatible server, with a timeout and bounded retries.

Transient failures (timeouts, connection errors, HTTP 408/409/429/5xx) are retried with backoff;
what is left after the last retry becomes one clear `ServiceError` line. The API key lives only in
this object's private attribute and the SDK client; it is redacted from every message we raise.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

from pydantic import BaseModel

from mockpanel.config import Settings, is_openai_host, resolve_api_key
from mockpanel.errors import ConfigError
from mockpanel.llm.budget import TokenBudget
from mockpanel.llm.errors import EmptyReplyError, ModelRequestRejected, ModelServiceError
from mockpanel.llm.retry import RetryPolicy, is_retryable_status, retry_after_seconds
from mockpanel.llm.usage import CallUsage, UsageMeter, usage_from_report

if TYPE_CHECKING:
    from openai import OpenAI

ChatMessage = Mapping[str, str]
T = TypeVar("T")

# Words by which servers say they cannot honour the requested `response_format`.
FORMAT_REJECTION_WORDS = ("response_format", "json_schema", "json_object", "schema", "grammar")
_SECRET_PATTERN = re.compile(r"\b(sk-[A-Za-z0-9_\-*.]{6,})")
MAX_SERVER_MESSAGE = 240


class ChatResult(BaseModel):
    """The text of one completion, why it stopped, and its token usage."""

    text: str
    finish_reason: str | None = None
    model: str | None = None
    usage: CallUsage


class _Failure:
    """A classified failed attempt: whether to retry, how long the server asked us to wait."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        retryable: bool = False,
        rejected: bool = False,
        retry_after: float | None = None,
    ) -> None:
        self.message = message
        self.status = status
        self.retryable = retryable
        self.rejected = rejected
        self.retry_after = retry_after


class LLMClient:
    """One OpenAI-compatible endpoint and model; counts tokens before sending and records usage."""

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str,
        model: str | None = None,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        budget: TokenBudget | None = None,
        context_window: int | None = None,
        local: bool = False,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key
        self._model = model
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self._budget = budget
        self._context_window = context_window
        self._local = local
        self.usage = UsageMeter()
        # Structured-output modes the server refused and the one that last worked (structured.py).
        self.rejected_formats: set[str] = set()
        self.structured_mode: str | None = None
        self._stream_usage = True
        self._sdk_client: OpenAI | None = None

    @classmethod
    def from_settings(cls, settings: Settings, *, base_url: str | None = None) -> LLMClient:
        """A client for `settings`; `base_url` overrides the endpoint (a local server's address)."""
        endpoint = base_url or settings.endpoint
        if endpoint is None:
            raise ConfigError(f"provider {settings.provider!r} has no model endpoint")
        return cls(
            base_url=endpoint,
            api_key=resolve_api_key(settings),
            model=settings.model,
            timeout=settings.timeout,
            retry=RetryPolicy(max_retries=settings.max_retries),
            context_window=settings.context_window,
            local=settings.provider == "local",
        )

    def __repr__(self) -> str:
        return f"LLMClient(base_url={self.base_url!r}, model={self._model!r})"

    def __enter__(self) -> LLMClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the HTTP connection pool."""
        if self._sdk_client is not None:
            self._sdk_client.close()
            self._sdk_client = None

    # -- properties ---------------------------------------------------------------------------

    @property
    def budget(self) -> TokenBudget:
        """The token budget of this client's model (built on first use, once the model is known)."""
        if self._budget is None:
            self._budget = TokenBudget.for_settings(
                Settings(
                    provider="local" if self._local else "openai",
                    model=self.model,
                    base_url=self.base_url,
                    context_window=self._context_window,
                )
            )
        return self._budget

    @property
    def model(self) -> str:
        """The model name sent with each request; asks the server's `/models` when none was set."""
        if self._model is None:
            models = self.list_models(retry=True)
            if not models:
                raise ConfigError(
                    f"no --model given and {self.base_url}/models lists none; pass --model NAME"
                )
            self._model = models[0]
        return self._model

    # -- calls --------------------------------------------------------------------------------

    def chat(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_tokens: int | None = None,
        temperature: float | None = None,
        seed: int | None = None,
        response_format: Mapping[str, Any] | None = None,
    ) -> ChatResult:
        """One chat completion. Raises `EmptyReplyError` when the model returns no text."""
        prompt_tokens = self.budget.check(messages, max_tokens)
        body = self._request_body(messages, max_tokens, temperature, seed)
        if response_format is not None:
            body["response_format"] = dict(response_format)
        response = self._with_retries(
            lambda: self._sdk().chat.completions.create(
                model=self.model, messages=cast(Any, list(messages)), extra_body=body
            ),
            sent_format=response_format is not None,
        )
        text, finish_reason = self._reply(response)
        usage = usage_from_report(
            getattr(response, "usage", None),
            prompt_estimate=prompt_tokens,
            completion_estimate=self.budget.tokenizer.count(text),
        )
        self.usage.record(usage)
        if not text.strip():
            raise EmptyReplyError(f"the model at {self.base_url} returned an empty reply")
        return ChatResult(
            text=text,
            finish_reason=finish_reason,
            model=getattr(response, "model", None),
            usage=usage,
        )

    def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_tokens: int | None = None,
        temperature: float | None = None,
        seed: int | None = None,
    ) -> Iterator[str]:
        """Yield the reply's text as it arrives; usage is recorded when the stream ends."""
        prompt_tokens = self.budget.check(messages, max_tokens)
        stream = self._open_stream(messages, max_tokens, temperature, seed)
        parts: list[str] = []
        reported: Any = None
        finished = False
        try:
            for chunk in stream:
                if getattr(chunk, "usage", None) is not None:
                    reported = chunk.usage
                for choice in getattr(chunk, "choices", None) or []:
                    finished = finished or bool(getattr(choice, "finish_reason", None))
                    delta = getattr(getattr(choice, "delta", None), "content", None)
                    if delta:
                        parts.append(delta)
                        yield delta
        except Exception as exc:
            failure = self._classify(exc, sent_format=False)
            broke = f"the reply stream broke off after {len(parts)} chunks: {failure.message}"
            raise ModelServiceError(
                self._line(f"model server {self.base_url}: {broke}"),
                status=failure.status,
            ) from None
        finally:
            stream.close()
        if not finished:
            # Without a finish reason the connection dropped mid-reply: the text is incomplete.
            raise ModelServiceError(
                self._line(
                    f"model server {self.base_url}: the reply stream ended early, "
                    f"after {len(parts)} chunks"
                )
            )
        self.usage.record(
            usage_from_report(
                reported,
                prompt_estimate=prompt_tokens,
                completion_estimate=self.budget.tokenizer.count("".join(parts)),
            )
        )

    def list_models(self, *, timeout: float | None = None, retry: bool = False) -> list[str]:
        """Model ids the server offers (`GET /models`)."""

        def fetch() -> list[str]:
            page = self._sdk().models.list(timeout=timeout or self.timeout)
            return [str(getattr(item, "id", "")) for item in getattr(page, "data", None) or []]

        if retry:
            return self._with_retries(fetch, sent_format=False)
        return self._with_retries(fetch, sent_format=False, policy=RetryPolicy(max_retries=0))

    # -- internals ----------------------------------------------------------------------------

    def _sdk(self) -> OpenAI:
        if self._sdk_client is None:
            from openai import OpenAI

            # Our own loop retries (so it can count attempts and word the final error).
            self._sdk_client = OpenAI(
                api_key=self._api_key,
                base_url=self.base_url,
                timeout=self.timeout,
                max_retries=0,
            )
        return self._sdk_client

    def _request_body(
        self,
        messages: Sequence[ChatMessage],
        max_tokens: int | None,
        temperature: float | None,
        seed: int | None,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {}
        if max_tokens is not None:
            # OpenAI's newer models refuse `max_tokens`; other servers only know `max_tokens`.
            key = "max_completion_tokens" if is_openai_host(self.base_url) else "max_tokens"
            body[key] = max_tokens
        if temperature is not None:
            body["temperature"] = temperature
        if seed is not None:
            body["seed"] = seed
        return body

    def _open_stream(
        self,
        messages: Sequence[ChatMessage],
        max_tokens: int | None,
        temperature: float | None,
        seed: int | None,
    ) -> Any:
        body = self._request_body(messages, max_tokens, temperature, seed)
        if self._stream_usage:
            body["stream_options"] = {"include_usage": True}

        def open_() -> Any:
            return self._sdk().chat.completions.create(
                model=self.model, messages=cast(Any, list(messages)), stream=True, extra_body=body
            )

        try:
            return self._with_retries(open_, sent_format=False)
        except ModelRequestRejected:
            if "stream_options" not in body:
                raise
            # Some servers refuse `stream_options`; usage is then estimated locally.
            self._stream_usage = False
            del body["stream_options"]
            return self._with_retries(open_, sent_format=False)

    def _with_retries(
        self, operation: Callable[[], T], *, sent_format: bool, policy: RetryPolicy | None = None
    ) -> T:
        policy = policy or self.retry
        attempt = 0
        while True:
            attempt += 1
            try:
                return operation()
            except (ConfigError, ModelServiceError):
                raise
            except Exception as exc:
                failure = self._classify(exc, sent_format=sent_format)
            delay = policy.delay(attempt, failure.retry_after) if failure.retryable else None
            if delay is None:
                tries = f" (after {attempt} attempts)" if attempt > 1 else ""
                error_type = ModelRequestRejected if failure.rejected else ModelServiceError
                raise error_type(
                    self._line(f"model server {self.base_url}: {failure.message}{tries}"),
                    status=failure.status,
                    attempts=attempt,
                ) from None
            time.sleep(delay)

    def _classify(self, exc: Exception, *, sent_format: bool) -> _Failure:
        """Turn an SDK or transport exception into a `_Failure`; re-raise what is not ours."""
        import openai

        httpx2 = _http_module()

        if isinstance(exc, openai.APITimeoutError):
            return _Failure(f"no answer within {self.timeout:g} s", retryable=True)
        if isinstance(exc, openai.APIConnectionError):
            cause = exc.__cause__ or exc.__context__
            detail = f": {cause}" if cause else ""
            return _Failure(f"cannot connect{detail}; is the server running?", retryable=True)
        if isinstance(exc, openai.APIStatusError):
            return self._classify_status(exc, sent_format)
        if isinstance(exc, openai.APIResponseValidationError | json.JSONDecodeError):
            return _Failure("the server's response is not valid JSON")
        if isinstance(exc, httpx2.TimeoutException):
            return _Failure(f"no answer within {self.timeout:g} s", retryable=True)
        if isinstance(exc, httpx2.HTTPError | openai.OpenAIError):
            transient = isinstance(exc, httpx2.TransportError)
            return _Failure(f"{type(exc).__name__}: {exc}", retryable=transient)
        raise exc

    def _classify_status(self, exc: Any, sent_format: bool) -> _Failure:
        status = int(exc.status_code)
        detail = self._server_message(exc)
        if status in (401, 403):
            raise ConfigError(
                self._line(
                    f"{self.base_url} refused the API key (HTTP {status}: {detail}); check "
                    "OPENAI_API_KEY or MOCKPANEL_API_KEY"
                )
            )
        if status == 404:
            raise ConfigError(
                self._line(
                    f"{self.base_url} answered HTTP 404 ({detail}); check --base-url (it usually "
                    f"ends in /v1) and --model ({self._model or 'not set'})"
                )
            )
        message = f"HTTP {status}: {detail}"
        format_refused = status == 500 and sent_format and mentions_response_format(detail)
        if status in (400, 422) or format_refused:
            return _Failure(message, status=status, rejected=True)
        headers = getattr(getattr(exc, "response", None), "headers", None)
        return _Failure(
            message,
            status=status,
            retryable=is_retryable_status(status),
            retry_after=retry_after_seconds(dict(headers) if headers is not None else None),
        )

    @staticmethod
    def _server_message(exc: Any) -> str:
        body = getattr(exc, "body", None)
        error = body.get("error", body) if isinstance(body, dict) else body
        if isinstance(error, dict):
            error = error.get("message") or error.get("detail") or json.dumps(error)
        text = str(error) if error else str(getattr(exc, "message", "") or type(exc).__name__)
        text = " ".join(text.split())
        return text if len(text) <= MAX_SERVER_MESSAGE else text[: MAX_SERVER_MESSAGE - 1] + "…"

    def _reply(self, response: Any) -> tuple[str, str | None]:
        choices = getattr(response, "choices", None)
        if not isinstance(choices, list) or not choices:
            raise ModelServiceError(
                self._line(f"model server {self.base_url}: the response has no choices")
            )
        choice = choices[0]
        content = getattr(getattr(choice, "message", None), "content", None)
        finish_reason = getattr(choice, "finish_reason", None)
        return (content if isinstance(content, str) else ""), finish_reason

    def _line(self, text: str) -> str:
        """One line, bounded, with no secret in it."""
        text = " ".join(text.split())
        if len(self._api_key) >= 4:
            text = text.replace(self._api_key, "[redacted]")
        text = _SECRET_PATTERN.sub("sk-[redacted]", text)
        return text if len(text) <= 400 else text[:399] + "…"


def _http_module() -> Any:
    """The HTTP library under the SDK: `httpx2` for openai 3.x, `httpx` before that."""
    import importlib

    try:
        return importlib.import_module("httpx2")
    except ImportError:
        return importlib.import_module("httpx")


def mentions_response_format(message: str) -> bool:
    """Whether an error message names the structured-output request fields."""
    lowered = message.lower()
    return any(word in lowered for word in FORMAT_REJECTION_WORDS)
