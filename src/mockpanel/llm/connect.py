"""Open the model client the settings ask for, starting the local server when `local` needs one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from mockpanel.config import Settings
from mockpanel.errors import ConfigError
from mockpanel.llm.budget import LOCAL_WINDOW
from mockpanel.llm.client import LLMClient
from mockpanel.llm.local_model import ensure_model_file
from mockpanel.llm.local_server import (
    LOCAL_HOST,
    LOOPBACK_HOSTS,
    LocalServer,
    list_served_models,
    require_llama_cpp,
)

Status = Callable[[str], None]


def local_address(settings: Settings) -> tuple[str, int]:
    """Host and port for a local server: from `--base-url` if given (loopback only), else free."""
    if not settings.base_url:
        return LOCAL_HOST, 0
    parts = urlsplit(settings.base_url)
    if parts.hostname not in LOOPBACK_HOSTS:
        raise ConfigError(
            f"--provider local serves on 127.0.0.1, not {parts.hostname}; for a remote server "
            f"use --provider openai --base-url {settings.base_url}"
        )
    return LOCAL_HOST, parts.port or 80


@contextmanager
def open_client(settings: Settings, *, on_status: Status | None = None) -> Iterator[LLMClient]:
    """A ready `LLMClient` for `settings`; for `local`, a server runs until the block ends."""
    if settings.provider == "offline":
        raise ConfigError("the offline provider does not use a model server")
    if settings.provider == "openai":
        with LLMClient.from_settings(settings) as client:
            yield client
        return
    if settings.base_url and list_served_models(settings.base_url) is not None:
        # A server already answers at the given address (started by `serve-local`): reuse it.
        with LLMClient.from_settings(settings) as client:
            yield client
        return
    host, port = local_address(settings)
    require_llama_cpp()
    model_file = settings.local_model_file or ensure_model_file(on_status)
    server = LocalServer(
        model_file, host=host, port=port, n_ctx=settings.context_window or LOCAL_WINDOW
    )
    if on_status:
        on_status(f"starting the local model server on {host}")
    server.start()
    try:
        with LLMClient.from_settings(settings, base_url=server.base_url) as client:
            yield client
    finally:
        server.stop()
