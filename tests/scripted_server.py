"""A real HTTP server on 127.0.0.1 that answers each request with the next scripted reply.

Used to drive the model client through real sockets: errors, delays, bad bodies and SSE streams.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer: status, JSON or raw body or SSE events, extra headers, a delay."""

    status: int = 200
    json_body: Any = None
    raw: bytes | None = None
    content_type: str = "application/json"
    sse: list[str] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Seen:
    """A request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any


def completion(
    text: str | None,
    *,
    prompt_tokens: int | None = 11,
    completion_tokens: int | None = 7,
    finish_reason: str = "stop",
    model: str = "test-model",
) -> Reply:
    """A chat completion reply with `text` as the assistant message."""
    body: dict[str, Any] = {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": finish_reason,
            }
        ],
    }
    if prompt_tokens is not None and completion_tokens is not None:
        body["usage"] = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        }
    return Reply(json_body=body)


def error(status: int, message: str, **headers: str) -> Reply:
    """An OpenAI-style error body with `status`."""
    return Reply(
        status=status,
        json_body={"error": {"message": message, "type": "server_error", "code": status}},
        headers=dict(headers),
    )


def stream(
    parts: list[str],
    *,
    usage: tuple[int, int] | None = None,
    finish: bool = True,
    done: bool = True,
) -> Reply:
    """An SSE chat stream: one chunk per part, an optional usage chunk, then `[DONE]`."""

    def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> str:
        return json.dumps(
            {
                "id": "chatcmpl-test",
                "object": "chat.completion.chunk",
                "created": 1_700_000_000,
                "model": "test-model",
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
            }
        )

    events = [chunk({"role": "assistant"})]
    events += [chunk({"content": part}) for part in parts]
    if finish:
        events.append(chunk({}, "stop"))
    if usage is not None:
        events.append(
            json.dumps(
                {
                    "id": "chatcmpl-test",
                    "object": "chat.completion.chunk",
                    "created": 1_700_000_000,
                    "model": "test-model",
                    "choices": [],
                    "usage": {
                        "prompt_tokens": usage[0],
                        "completion_tokens": usage[1],
                        "total_tokens": sum(usage),
                    },
                }
            )
        )
    if done:
        events.append("[DONE]")
    return Reply(sse=events, content_type="text/event-stream")


def models(*ids: str) -> Reply:
    """A `/models` listing."""
    return Reply(json_body={"object": "list", "data": [{"id": i, "object": "model"} for i in ids]})


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        """Keep test output clean."""

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._answer(None)

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        self._answer(body)

    def _answer(self, body: Any) -> None:
        owner = self.server.owner
        owner.requests.append(
            Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        )
        reply = owner.next_reply(self.path)
        if reply.delay and owner.stopping.wait(reply.delay):
            return
        if reply.sse is not None:
            payload = "".join(f"data: {event}\n\n" for event in reply.sse).encode()
        elif reply.raw is not None:
            payload = reply.raw
        else:
            payload = json.dumps(reply.json_body).encode()
        self.send_response(reply.status)
        self.send_header("content-type", reply.content_type)
        self.send_header("content-length", str(len(payload)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: ScriptedServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (a timeout test) is expected; stay quiet."""


class ScriptedServer:
    """Serves `replies` in order to POSTs; GET `/models` is answered by `models_reply`."""

    def __init__(self, replies: list[Reply], *, models_reply: Reply | None = None) -> None:
        self.replies = list(replies)
        self.models_reply = models_reply or models("test-model")
        self.requests: list[Seen] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        """The OpenAI-style base URL (`http://127.0.0.1:PORT/v1`)."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    @property
    def chat_requests(self) -> list[Seen]:
        """Requests to `/chat/completions` only."""
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def next_reply(self, path: str) -> Reply:
        if path.endswith("/models"):
            return self.models_reply
        with self._lock:
            if not self.replies:
                return error(599, "the test script has no more replies")
            return self.replies.pop(0)

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
