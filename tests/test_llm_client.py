"""The model client against a real loopback HTTP server: success, retries, errors, streaming."""

from __future__ import annotations

import logging
import time

import pytest

from mockpanel.config import resolve_settings
from mockpanel.errors import ConfigError
from mockpanel.llm.budget import TokenBudget, get_tokenizer
from mockpanel.llm.client import LLMClient
from mockpanel.llm.errors import EmptyReplyError, ModelRequestRejected, ModelServiceError
from mockpanel.llm.retry import RetryPolicy
from scripted_server import Reply, ScriptedServer, completion, error, models, stream

KEY = "sk-test-SECRETKEY-0123456789abcdef"
HELLO = [{"role": "user", "content": "Say hello."}]
FAST = RetryPolicy(max_retries=2, initial_delay=0.01, max_delay=0.02)


def make_client(
    server: ScriptedServer,
    *,
    retry: RetryPolicy = FAST,
    timeout: float = 5.0,
    model: str | None = "test-model",
) -> LLMClient:
    tokenizer, _ = get_tokenizer(None)
    return LLMClient(
        base_url=server.url,
        api_key=KEY,
        model=model,
        timeout=timeout,
        retry=retry,
        budget=TokenBudget(window=4096, tokenizer=tokenizer),
    )


def test_chat_returns_text_and_records_reported_usage() -> None:
    with ScriptedServer([completion("Hello there.", prompt_tokens=12, completion_tokens=3)]) as srv:
        with make_client(srv) as client:
            result = client.chat(HELLO, max_tokens=20, temperature=0.2, seed=7)
    assert result.text == "Hello there."
    assert result.finish_reason == "stop"
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (12, 3)
    assert not result.usage.estimated
    assert client.usage.total.calls == 1
    sent = srv.chat_requests[0]
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    assert sent.body["model"] == "test-model"
    assert sent.body["messages"] == HELLO
    assert sent.body["max_tokens"] == 20
    assert sent.body["temperature"] == 0.2
    assert sent.body["seed"] == 7
    assert "response_format" not in sent.body


def test_missing_usage_is_estimated_locally() -> None:
    reply = completion("Hello there.", prompt_tokens=None, completion_tokens=None)
    with ScriptedServer([reply]) as srv, make_client(srv) as client:
        result = client.chat(HELLO)
    assert result.usage.estimated
    assert result.usage.completion_tokens == 3  # "Hello there." in cl100k
    assert result.usage.prompt_tokens > 0


def test_http_500_is_retried_then_reported_on_one_line() -> None:
    replies = [error(500, "the GPU caught fire\nsecond line")] * 3
    with ScriptedServer(replies) as srv, make_client(srv) as client:
        with pytest.raises(ModelServiceError) as caught:
            client.chat(HELLO)
    message = str(caught.value)
    assert len(srv.chat_requests) == 3
    assert caught.value.status == 500
    assert caught.value.attempts == 3
    assert "\n" not in message
    assert "HTTP 500: the GPU caught fire second line" in message
    assert "(after 3 attempts)" in message
    assert srv.url in message


def test_429_then_success_honours_retry_after() -> None:
    replies = [error(429, "slow down", **{"retry-after-ms": "300"}), completion("ok")]
    slow_backoff = RetryPolicy(max_retries=2, initial_delay=0.001, max_delay=0.001)
    with ScriptedServer(replies) as srv, make_client(srv, retry=slow_backoff) as client:
        started = time.monotonic()
        result = client.chat(HELLO)
        elapsed = time.monotonic() - started
    assert result.text == "ok"
    assert len(srv.chat_requests) == 2
    assert elapsed >= 0.3


def test_retry_after_beyond_the_limit_fails_at_once() -> None:
    replies = [error(429, "come back tomorrow", **{"retry-after": "86400"}), completion("ok")]
    with ScriptedServer(replies) as srv, make_client(srv) as client:
        with pytest.raises(ModelServiceError, match="HTTP 429: come back tomorrow"):
            client.chat(HELLO)
    assert len(srv.chat_requests) == 1


def test_timeout_is_retried_then_reported() -> None:
    replies = [Reply(delay=3.0, json_body={}), Reply(delay=3.0, json_body={})]
    one_retry = RetryPolicy(max_retries=1, initial_delay=0.01)
    with ScriptedServer(replies) as srv, make_client(srv, retry=one_retry, timeout=0.3) as client:
        started = time.monotonic()
        with pytest.raises(ModelServiceError) as caught:
            client.chat(HELLO)
        elapsed = time.monotonic() - started
    assert "no answer within 0.3 s (after 2 attempts)" in str(caught.value)
    assert len(srv.chat_requests) == 2
    assert elapsed < 2.5


def test_connection_refused_says_so() -> None:
    with ScriptedServer([]) as srv:
        url = srv.url
    tokenizer, _ = get_tokenizer(None)
    client = LLMClient(
        base_url=url,
        api_key=KEY,
        model="m",
        retry=RetryPolicy(max_retries=1, initial_delay=0.01),
        budget=TokenBudget(window=4096, tokenizer=tokenizer),
    )
    with client, pytest.raises(ModelServiceError, match="cannot connect") as caught:
        client.chat(HELLO)
    assert caught.value.attempts == 2


def test_bad_request_is_not_retried() -> None:
    with ScriptedServer([error(400, "unknown parameter: seed")]) as srv, make_client(srv) as c:
        with pytest.raises(ModelRequestRejected, match="HTTP 400: unknown parameter: seed"):
            c.chat(HELLO)
    assert len(srv.chat_requests) == 1


def test_rejected_key_is_a_config_error_without_the_key() -> None:
    # Some servers echo the key they refused; it must not reach the user's terminal.
    reply = error(401, f"Incorrect API key provided: {KEY}")
    with ScriptedServer([reply]) as srv, make_client(srv) as client:
        with pytest.raises(ConfigError) as caught:
            client.chat(HELLO)
    assert "OPENAI_API_KEY" in str(caught.value)
    assert KEY not in str(caught.value)
    assert "SECRETKEY" not in str(caught.value)


def test_not_found_points_at_base_url_and_model() -> None:
    with ScriptedServer([error(404, "no such model")]) as srv, make_client(srv) as client:
        with pytest.raises(ConfigError, match="check --base-url .* and --model"):
            client.chat(HELLO)


def test_non_json_success_body_is_a_service_error() -> None:
    html = Reply(raw=b"<html>gateway says hi</html>", content_type="text/html")
    with ScriptedServer([html]) as srv, make_client(srv) as client:
        with pytest.raises(ModelServiceError, match="the response has no choices"):
            client.chat(HELLO)


def test_broken_json_body_is_a_service_error() -> None:
    broken = Reply(raw=b'{"choices": [', content_type="application/json")
    with ScriptedServer([broken]) as srv, make_client(srv) as client:
        with pytest.raises(ModelServiceError, match="not valid JSON"):
            client.chat(HELLO)


@pytest.mark.parametrize("content", [None, "", "   \n"])
def test_empty_reply_raises_but_counts_usage(content: str | None) -> None:
    with ScriptedServer([completion(content)]) as srv, make_client(srv) as client:
        with pytest.raises(EmptyReplyError, match="empty reply"):
            client.chat(HELLO)
    assert client.usage.total.calls == 1


def test_stream_yields_chunks_in_order_and_records_usage() -> None:
    parts = ["Tell ", "me about ", "a time", "."]
    with ScriptedServer([stream(parts, usage=(21, 4))]) as srv, make_client(srv) as client:
        received = list(client.stream(HELLO, max_tokens=30))
    assert received == parts
    assert client.usage.total.prompt_tokens == 21
    assert client.usage.total.completion_tokens == 4
    sent = srv.chat_requests[0].body
    assert sent["stream"] is True
    assert sent["stream_options"] == {"include_usage": True}


def test_stream_without_usage_estimates_it() -> None:
    with ScriptedServer([stream(["Hello", " there."])]) as srv, make_client(srv) as client:
        assert "".join(client.stream(HELLO)) == "Hello there."
    assert client.usage.estimated
    assert client.usage.total.completion_tokens == 3


def test_stream_options_refused_is_dropped_and_remembered() -> None:
    replies = [error(400, "unknown field stream_options"), stream(["a", "b"]), stream(["c"])]
    with ScriptedServer(replies) as srv, make_client(srv) as client:
        assert "".join(client.stream(HELLO)) == "ab"
        assert "".join(client.stream(HELLO)) == "c"
    bodies = [r.body for r in srv.chat_requests]
    assert "stream_options" in bodies[0]
    assert "stream_options" not in bodies[1]
    assert "stream_options" not in bodies[2]


def test_stream_retries_before_the_first_chunk() -> None:
    replies = [error(503, "loading model"), stream(["fine"])]
    with ScriptedServer(replies) as srv, make_client(srv) as client:
        assert list(client.stream(HELLO)) == ["fine"]
    assert len(srv.chat_requests) == 2


def test_stream_cut_off_before_finishing_is_an_error() -> None:
    cut = stream(["Half a ", "sentence"], finish=False, done=False)
    with ScriptedServer([cut]) as srv, make_client(srv) as client:
        received: list[str] = []
        with pytest.raises(ModelServiceError, match="ended early, after 2 chunks"):
            for part in client.stream(HELLO):
                received.append(part)
    assert received == ["Half a ", "sentence"]


def test_model_is_asked_from_the_server_when_not_set() -> None:
    with ScriptedServer([completion("hi")], models_reply=models("smollm2", "other")) as srv:
        with make_client(srv, model=None) as client:
            client.chat(HELLO)
            assert client.model == "smollm2"
    assert srv.chat_requests[0].body["model"] == "smollm2"


def test_no_model_anywhere_is_a_config_error() -> None:
    with ScriptedServer([], models_reply=models()) as srv, make_client(srv, model=None) as client:
        with pytest.raises(ConfigError, match="pass --model"):
            client.chat(HELLO)


def test_prompt_over_the_window_is_refused_before_sending() -> None:
    tokenizer, _ = get_tokenizer(None)
    with ScriptedServer([completion("never")]) as srv:
        client = LLMClient(
            base_url=srv.url,
            api_key=KEY,
            model="m",
            budget=TokenBudget(window=300, tokenizer=tokenizer, default_output_tokens=100),
        )
        with client, pytest.raises(ConfigError, match="context window"):
            client.chat([{"role": "user", "content": "word " * 400}])
    assert srv.requests == []


def test_key_never_appears_in_reprs_logs_or_errors(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    replies = [completion("fine"), error(500, "nope"), error(500, "nope")]
    with ScriptedServer(replies) as srv:
        settings = resolve_settings(base_url=srv.url, model="test-model")
        caplog.set_level(logging.DEBUG)
        with LLMClient.from_settings(settings) as client:
            client.retry = RetryPolicy(max_retries=1, initial_delay=0.01)
            client.chat(HELLO)
            with pytest.raises(ModelServiceError) as caught:
                client.chat(HELLO)
            shown = [repr(client), repr(settings), settings.model_dump_json(), str(caught.value)]
    assert srv.chat_requests[0].headers["authorization"] == f"Bearer {KEY}"
    assert caplog.records, "the SDK's debug logging should have produced records"
    for text in [*shown, caplog.text]:
        assert KEY not in text
        assert "SECRETKEY" not in text
