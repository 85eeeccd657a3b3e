"""Settings resolution: precedence, provider auto-detection, the config file, and API keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockpanel.config import (
    CONNECT_HINT,
    DEFAULT_OPENAI_MODEL,
    LOCAL_MODEL_ALIAS,
    NO_KEY_PLACEHOLDER,
    OPENAI_API_BASE,
    resolve_api_key,
    resolve_settings,
)
from mockpanel.errors import ConfigError

KEY = "sk-config-test-SECRET-987654321"


def write_config(home: Path, text: str) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_nothing_configured_means_offline_with_a_hint() -> None:
    settings = resolve_settings()
    assert settings.provider == "offline"
    assert settings.notice == CONNECT_HINT
    assert "OPENAI_API_KEY" in CONNECT_HINT and "--base-url" in CONNECT_HINT
    assert settings.endpoint is None
    assert not settings.uses_model


def test_explicit_offline_needs_no_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    settings = resolve_settings(provider="offline")
    assert (settings.provider, settings.notice) == ("offline", None)


@pytest.mark.parametrize("variable", ["OPENAI_API_KEY", "MOCKPANEL_API_KEY"])
def test_a_key_selects_openai_with_its_default_model(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, KEY)
    settings = resolve_settings()
    assert settings.provider == "openai"
    assert settings.model == DEFAULT_OPENAI_MODEL
    assert settings.endpoint == OPENAI_API_BASE
    assert settings.origins["provider"].startswith("auto-detected")
    assert settings.notice is None


def test_a_base_url_selects_openai_and_leaves_the_model_to_the_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1/")
    settings = resolve_settings()
    assert settings.provider == "openai"
    assert settings.base_url == "http://127.0.0.1:11434/v1"
    assert settings.model is None
    assert settings.origins["base_url"] == "env OPENAI_BASE_URL"


def test_flag_beats_env_beats_file(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_config(
        isolated_home,
        'provider = "openai"\nmodel = "from-file"\nbase_url = "http://127.0.0.1:1/v1"\n',
    )
    from_file = resolve_settings()
    assert (from_file.provider, from_file.model, from_file.base_url) == (
        "openai",
        "from-file",
        "http://127.0.0.1:1/v1",
    )
    assert from_file.origins["model"] == f"config file {isolated_home / 'config.toml'}"
    assert from_file.config_file == isolated_home / "config.toml"

    monkeypatch.setenv("MOCKPANEL_MODEL", "from-env")
    monkeypatch.setenv("MOCKPANEL_BASE_URL", "http://127.0.0.1:2/v1")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:3/v1")
    from_env = resolve_settings()
    assert (from_env.model, from_env.base_url) == ("from-env", "http://127.0.0.1:2/v1")
    assert from_env.origins["model"] == "env MOCKPANEL_MODEL"

    from_flag = resolve_settings(model="from-flag", base_url="http://127.0.0.1:4/v1")
    assert (from_flag.model, from_flag.base_url) == ("from-flag", "http://127.0.0.1:4/v1")
    assert from_flag.origins["model"] == "flag"


def test_local_provider_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOCKPANEL_PROVIDER", "LOCAL")
    settings = resolve_settings()
    assert settings.provider == "local"
    assert settings.model == LOCAL_MODEL_ALIAS
    assert settings.endpoint is None


def test_local_provider_ignores_openai_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "https://gateway.example.com/v1")
    assert resolve_settings(provider="local").base_url is None
    monkeypatch.setenv("MOCKPANEL_BASE_URL", "http://127.0.0.1:8765/v1")
    assert resolve_settings(provider="local").base_url == "http://127.0.0.1:8765/v1"


def test_unknown_provider_names_its_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOCKPANEL_PROVIDER", "anthropic")
    with pytest.raises(ConfigError, match=r"'anthropic' \(from env MOCKPANEL_PROVIDER; choose"):
        resolve_settings()


@pytest.mark.parametrize("url", ["localhost:8080", "ftp://host/v1", "http://"])
def test_bad_base_url_is_refused(url: str) -> None:
    with pytest.raises(ConfigError, match="invalid base URL"):
        resolve_settings(base_url=url)


def test_numbers_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOCKPANEL_CONTEXT_WINDOW", "lots")
    with pytest.raises(ConfigError, match="invalid context window 'lots'"):
        resolve_settings()
    monkeypatch.setenv("MOCKPANEL_CONTEXT_WINDOW", "100")
    with pytest.raises(ConfigError, match="context window"):
        resolve_settings()
    monkeypatch.setenv("MOCKPANEL_CONTEXT_WINDOW", "4096")
    monkeypatch.setenv("MOCKPANEL_TIMEOUT", "2.5")
    settings = resolve_settings()
    assert (settings.context_window, settings.timeout) == (4096, 2.5)


def test_config_file_refuses_keys(isolated_home: Path) -> None:
    write_config(isolated_home, f'provider = "openai"\napi_key = "{KEY}"\n')
    with pytest.raises(ConfigError, match="must not hold secrets") as caught:
        resolve_settings()
    assert KEY not in str(caught.value)


def test_config_file_refuses_unknown_settings(isolated_home: Path) -> None:
    write_config(isolated_home, 'provder = "openai"\n')
    with pytest.raises(ConfigError, match="unknown setting"):
        resolve_settings()


def test_broken_toml_is_reported(isolated_home: Path) -> None:
    write_config(isolated_home, "provider = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        resolve_settings()


def test_explicit_config_file_must_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOCKPANEL_CONFIG", str(tmp_path / "nope.toml"))
    with pytest.raises(ConfigError, match="config file not found"):
        resolve_settings()


def test_paths_in_the_config_file_are_relative_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "conf" / "mockpanel.toml"
    config.parent.mkdir()
    config.write_text('prompts_dir = "my-prompts"\nlocal_model_file = "/m/x.gguf"\n')
    monkeypatch.setenv("MOCKPANEL_CONFIG", str(config))
    settings = resolve_settings()
    assert settings.prompts_dir == config.parent / "my-prompts"
    assert settings.local_model_file == Path("/m/x.gguf")


def test_key_prefers_mockpanel_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai-one")
    monkeypatch.setenv("MOCKPANEL_API_KEY", KEY)
    assert resolve_api_key(resolve_settings()) == KEY


def test_missing_key_for_openai_says_how_to_fix_it() -> None:
    settings = resolve_settings(provider="openai")
    with pytest.raises(ConfigError) as caught:
        resolve_api_key(settings)
    message = str(caught.value)
    assert "api.openai.com" in message
    assert "OPENAI_API_KEY" in message and "--base-url" in message and "offline" in message


def test_other_servers_get_a_placeholder_key() -> None:
    settings = resolve_settings(base_url="http://127.0.0.1:11434/v1")
    assert resolve_api_key(settings) == NO_KEY_PLACEHOLDER


def test_local_server_never_receives_the_real_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    assert resolve_api_key(resolve_settings(provider="local")) == NO_KEY_PLACEHOLDER


def test_settings_never_hold_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    settings = resolve_settings()
    assert settings.provider == "openai"
    for text in (repr(settings), str(settings), settings.model_dump_json()):
        assert KEY not in text
