"""Settings resolution: flag > environment > config file > default, and provider auto-detection.

API keys never enter `Settings`: `resolve_api_key` reads them from the environment at the moment a
provider needs one, so they cannot leak through a repr, a log line, the database or a report.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, ValidationError

from mockpanel.errors import ConfigError
from mockpanel.paths import data_dir

Provider = Literal["offline", "openai", "local"]
PROVIDERS: tuple[Provider, ...] = ("offline", "openai", "local")

OPENAI_API_BASE = "https://api.openai.com/v1"
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
# The name the bundled local server gives its model (`--model_alias`).
LOCAL_MODEL_ALIAS = "smollm2"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2

# Checked in this order; the first non-empty one is the key.
API_KEY_ENV = ("MOCKPANEL_API_KEY", "OPENAI_API_KEY")
# Sent to servers that do not check keys (local servers); the SDK refuses an empty key.
NO_KEY_PLACEHOLDER = "not-needed"

CONFIG_FILE_NAME = "config.toml"
CONFIG_FILE_KEYS = (
    "provider",
    "model",
    "base_url",
    "prompts_dir",
    "context_window",
    "timeout",
    "max_retries",
    "local_model_file",
)

CONNECT_HINT = (
    "using the offline coach; to connect a model set OPENAI_API_KEY, or pass --base-url "
    "http://HOST:PORT/v1 for an OpenAI-compatible server, or --provider local"
)


class Settings(BaseModel):
    """Resolved settings for one command run. Never holds an API key."""

    provider: Provider = "offline"
    model: str | None = None
    base_url: str | None = None
    prompts_dir: Path | None = None
    notice: str | None = None
    context_window: int | None = Field(default=None, ge=256)
    timeout: float = Field(default=DEFAULT_TIMEOUT, gt=0)
    max_retries: int = Field(default=DEFAULT_MAX_RETRIES, ge=0, le=10)
    local_model_file: Path | None = None
    config_file: Path | None = None
    # Where each setting came from ("flag", "env MOCKPANEL_MODEL", "config file", "default", ...).
    origins: dict[str, str] = Field(default_factory=dict)

    @property
    def endpoint(self) -> str | None:
        """The base URL requests go to (`None` offline, and for `local` until a server runs)."""
        if self.base_url:
            return self.base_url
        return OPENAI_API_BASE if self.provider == "openai" else None

    @property
    def uses_model(self) -> bool:
        """Whether this run talks to a model server."""
        return self.provider != "offline"


def is_openai_host(url: str | None) -> bool:
    """Whether `url` points at OpenAI's own API (which always needs a key)."""
    return url is not None and (urlsplit(url).hostname or "").lower() == "api.openai.com"


def api_key_present() -> bool:
    """Whether an API key is set in the environment (the key itself is not returned)."""
    return any(os.environ.get(name, "").strip() for name in API_KEY_ENV)


def resolve_api_key(settings: Settings) -> str:
    """The key to send to `settings.endpoint`; a placeholder for servers that need none."""
    if settings.provider == "local":
        return NO_KEY_PLACEHOLDER
    for name in API_KEY_ENV:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    if settings.provider == "openai" and is_openai_host(settings.endpoint):
        raise ConfigError(
            "no API key for api.openai.com: export OPENAI_API_KEY=... (or MOCKPANEL_API_KEY), "
            "or pass --base-url for another OpenAI-compatible server, or use --provider offline"
        )
    return NO_KEY_PLACEHOLDER


def config_file_path() -> tuple[Path, bool]:
    """The config file to read and whether it was asked for explicitly (`MOCKPANEL_CONFIG`)."""
    explicit = os.environ.get("MOCKPANEL_CONFIG", "").strip()
    if explicit:
        return Path(explicit).expanduser(), True
    return data_dir() / CONFIG_FILE_NAME, False


def load_config_file() -> tuple[dict[str, Any], Path | None]:
    """Read the TOML config file if there is one; refuse unknown keys and API keys."""
    path, explicit = config_file_path()
    if not path.is_file():
        if explicit:
            raise ConfigError(f"config file not found: {path} (from MOCKPANEL_CONFIG)")
        return {}, None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    for key in data:
        if "key" in key.lower() or "token" in key.lower() or "secret" in key.lower():
            raise ConfigError(
                f"config file {path} must not hold secrets ({key!r}); "
                "set OPENAI_API_KEY or MOCKPANEL_API_KEY in the environment instead"
            )
    unknown = sorted(set(data) - set(CONFIG_FILE_KEYS))
    if unknown:
        raise ConfigError(
            f"config file {path}: unknown setting(s) {', '.join(unknown)} "
            f"(known: {', '.join(CONFIG_FILE_KEYS)})"
        )
    return data, path


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


class _Layers:
    """Looks a setting up in flag, environment and config-file order, recording the origin."""

    def __init__(self, file_values: Mapping[str, Any], file_path: Path | None) -> None:
        self.file_values = file_values
        self.file_path = file_path
        self.origins: dict[str, str] = {}

    def pick(self, name: str, flag: Any, env_names: tuple[str, ...]) -> Any:
        if flag is not None:
            self.origins[name] = "flag"
            return flag
        for env_name in env_names:
            value = _env(env_name)
            if value is not None:
                self.origins[name] = f"env {env_name}"
                return value
        if name in self.file_values:
            self.origins[name] = f"config file {self.file_path}"
            return self.file_values[name]
        return None

    def where(self, name: str) -> str:
        return self.origins.get(name, "default")


def _number(layers: _Layers, name: str, value: Any, parse: Callable[[str], Any]) -> Any:
    try:
        return parse(str(value).strip())
    except ValueError:
        label = name.replace("_", " ")
        raise ConfigError(f"invalid {label} {value!r} (from {layers.where(name)})") from None


def _check_url(url: str, origin: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            f"invalid base URL {url!r} (from {origin}): use http(s)://HOST[:PORT]/v1, "
            "for example http://127.0.0.1:11434/v1"
        )
    return url.rstrip("/")


def resolve_settings(
    *,
    provider: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    prompts_dir: Path | None = None,
    context_window: int | None = None,
    timeout: float | None = None,
) -> Settings:
    """Combine flags, environment and the config file into `Settings`, choosing a provider."""
    file_values, file_path = load_config_file()
    layers = _Layers(file_values, file_path)

    chosen = layers.pick("provider", provider, ("MOCKPANEL_PROVIDER",))
    if chosen is not None:
        chosen = str(chosen).strip().lower()
        if chosen not in PROVIDERS:
            raise ConfigError(
                f"unknown provider {chosen!r} (from {layers.where('provider')}; "
                f"choose from {', '.join(PROVIDERS)})"
            )

    url = layers.pick("base_url", base_url, ("MOCKPANEL_BASE_URL", "OPENAI_BASE_URL"))
    if url is not None:
        url = _check_url(str(url), layers.where("base_url"))

    notice = None
    if chosen is None:
        if url is not None or api_key_present():
            chosen = "openai"
            layers.origins["provider"] = "auto-detected: an API key or base URL is set"
        else:
            chosen = "offline"
            notice = CONNECT_HINT

    if chosen == "local" and layers.where("base_url") == "env OPENAI_BASE_URL":
        # That variable addresses an OpenAI-compatible service, not the loopback local server.
        url = None
        del layers.origins["base_url"]

    chosen_model = layers.pick("model", model, ("MOCKPANEL_MODEL",))
    if chosen_model is None:
        if chosen == "local":
            chosen_model = LOCAL_MODEL_ALIAS
        elif chosen == "openai" and (url is None or is_openai_host(url)):
            chosen_model = DEFAULT_OPENAI_MODEL

    prompts = layers.pick("prompts_dir", prompts_dir, ("MOCKPANEL_PROMPTS_DIR",))
    window = layers.pick("context_window", context_window, ("MOCKPANEL_CONTEXT_WINDOW",))
    wait = layers.pick("timeout", timeout, ("MOCKPANEL_TIMEOUT",))
    retries = layers.pick("max_retries", None, ("MOCKPANEL_MAX_RETRIES",))
    model_file = layers.pick("local_model_file", None, ("MOCKPANEL_LOCAL_MODEL_FILE",))

    values: dict[str, Any] = {
        "provider": chosen,
        "model": str(chosen_model) if chosen_model is not None else None,
        "base_url": url,
        "notice": notice,
        "config_file": file_path,
    }
    if prompts is not None:
        values["prompts_dir"] = _relative_to_config(prompts, layers.where("prompts_dir"), file_path)
    if window is not None:
        values["context_window"] = _number(layers, "context_window", window, int)
    if wait is not None:
        values["timeout"] = _number(layers, "timeout", wait, float)
    if retries is not None:
        values["max_retries"] = _number(layers, "max_retries", retries, int)
    if model_file is not None:
        values["local_model_file"] = _relative_to_config(
            model_file, layers.where("local_model_file"), file_path
        )
    values["origins"] = dict(layers.origins)
    try:
        return Settings(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "settings"
        raise ConfigError(
            f"invalid {name.replace('_', ' ')} (from {layers.where(name)}): {first['msg']}"
        ) from None


def _relative_to_config(value: Any, origin: str, file_path: Path | None) -> Path:
    """Paths in the config file are relative to the file; others to the working directory."""
    path = Path(str(value)).expanduser()
    if origin.startswith("config file") and file_path is not None and not path.is_absolute():
        return file_path.parent / path
    return path
