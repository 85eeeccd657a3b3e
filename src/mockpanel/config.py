"""Settings resolution: command-line flag > `MOCKPANEL_*` environment > config file > default."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from mockpanel.errors import ConfigError

Provider = Literal["offline", "openai", "local"]
PROVIDERS: tuple[Provider, ...] = ("offline", "openai", "local")


class Settings(BaseModel):
    """Resolved settings for one command run. Never holds an API key."""

    provider: Provider = "offline"
    model: str | None = None
    base_url: str | None = None
    prompts_dir: Path | None = None
    notice: str | None = None


def resolve_settings(
    *,
    provider: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    prompts_dir: Path | None = None,
) -> Settings:
    """Combine flags and environment into `Settings`."""
    chosen = provider or os.environ.get("MOCKPANEL_PROVIDER") or "offline"
    if chosen not in PROVIDERS:
        raise ConfigError(f"unknown provider {chosen!r} (choose from {', '.join(PROVIDERS)})")
    env_prompts = os.environ.get("MOCKPANEL_PROMPTS_DIR")
    return Settings(
        provider=chosen,  # type: ignore[arg-type]
        model=model or os.environ.get("MOCKPANEL_MODEL"),
        base_url=base_url or os.environ.get("MOCKPANEL_BASE_URL"),
        prompts_dir=prompts_dir or (Path(env_prompts) if env_prompts else None),
    )
