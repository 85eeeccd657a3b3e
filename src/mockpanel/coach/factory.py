"""Builds the coach the settings ask for, and keeps its model connection open while it is used."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from mockpanel.coach.base import Coach
from mockpanel.config import Settings
from mockpanel.errors import ConfigError
from mockpanel.library import load_library

if TYPE_CHECKING:
    from mockpanel.llm.client import LLMClient

# How long the reachability check before a run may take: a dead server should fail fast.
PREFLIGHT_TIMEOUT = 10.0


def make_coach(settings: Settings, client: LLMClient | None = None) -> Coach:
    """The coach for `settings.provider`; a model provider needs an open `client`."""
    from mockpanel.coach.offline import OfflineCoach

    library = load_library(settings.prompts_dir)
    if not settings.uses_model:
        return OfflineCoach(library)
    if client is None:
        raise ConfigError(f"the {settings.provider} provider needs a model client")
    from mockpanel.coach.llm import LLMCoach

    return LLMCoach(library, client, provider=settings.provider)


@contextmanager
def coach_session(
    settings: Settings, *, on_status: Callable[[str], None] | None = None
) -> Iterator[Coach]:
    """The coach for one command run; a model server it started is stopped when the block ends.

    A model server that cannot be reached fails here, before any work starts, with one
    `ServiceError` line; failures later in the run make single steps fall back to offline.
    """
    if not settings.uses_model:
        yield make_coach(settings)
        return
    from mockpanel.llm.connect import open_client
    from mockpanel.llm.errors import ModelServiceError

    with open_client(settings, on_status=on_status) as client:
        try:
            client.list_models(timeout=PREFLIGHT_TIMEOUT)
        except ModelServiceError as exc:
            if exc.status is None:  # nothing answered at all: refused or timed out
                raise
        yield make_coach(settings, client)
