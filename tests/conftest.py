"""Shared fixtures: every test gets its own data directory and a clean provider environment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

PROVIDER_ENV = (
    "MOCKPANEL_PROVIDER",
    "MOCKPANEL_MODEL",
    "MOCKPANEL_BASE_URL",
    "MOCKPANEL_API_KEY",
    "MOCKPANEL_CONFIG",
    "MOCKPANEL_PROMPTS_DIR",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point MOCKPANEL_HOME at a fresh directory and drop provider settings from the environment."""
    home = tmp_path / "mockpanel-home"
    monkeypatch.setenv("MOCKPANEL_HOME", str(home))
    for name in PROVIDER_ENV:
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    """Cassettes: no credentials recorded, requests matched on their body too."""
    return {
        "filter_headers": ["authorization", "api-key", "x-api-key", "openai-organization"],
        "match_on": ["method", "scheme", "host", "port", "path", "query", "body"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    """Cassettes live in the top-level `cassettes/` folder."""
    return str(Path(__file__).resolve().parents[1] / "cassettes")
