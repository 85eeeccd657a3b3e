"""Token counting with offline encodings, model windows, and trimming context to fit."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockpanel.config import Settings
from mockpanel.llm.budget import (
    DEFAULT_WINDOW,
    O200K_URL,
    OFFLINE_ENCODING,
    TRIM_MARKER,
    TokenBudget,
    context_window,
    get_tokenizer,
    known_window,
    o200k_cached,
)
from mockpanel.llm.errors import ContextWindowError

CV = " ".join(
    f"In year {n} I shipped project {n} and cut costs by {n} percent." for n in range(300)
)


def render(values: dict[str, str]) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": "You are a hiring manager. Ask one question."},
        {"role": "user", "content": f"CV:\n{values['cv']}\n\nNotes:\n{values['notes']}"},
    ]


def budget(window: int = 1000, output: int = 200) -> TokenBudget:
    tokenizer, _ = get_tokenizer(None)
    return TokenBudget(window=window, tokenizer=tokenizer, exact=True, default_output_tokens=output)


@pytest.fixture(autouse=True)
def empty_tiktoken_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "tiktoken-cache"
    cache.mkdir()
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(cache))
    return cache


def test_offline_encoding_counts_real_tokens() -> None:
    tokenizer, exact = get_tokenizer("some-local-model")
    assert tokenizer.name == OFFLINE_ENCODING
    assert not tokenizer.approximate
    assert not exact
    assert tokenizer.count("hello world") == 2
    assert tokenizer.cut("one two three four", 2) == "one two"
    assert tokenizer.cut("one two three four", 2, "tail") == " three four"


def test_gpt4_family_is_counted_exactly_with_cl100k() -> None:
    tokenizer, exact = get_tokenizer("gpt-4")
    assert (tokenizer.name, exact) == (OFFLINE_ENCODING, True)


def test_o200k_needs_a_verified_cached_file(empty_tiktoken_cache: Path) -> None:
    fake = empty_tiktoken_cache / hashlib.sha1(O200K_URL.encode()).hexdigest()
    fake.write_bytes(b"not the real encoding")
    assert not o200k_cached()
    tokenizer, exact = get_tokenizer("gpt-4o")
    # Never a download: without the real file the offline cl100k stands in, flagged approximate.
    assert (tokenizer.name, exact) == (OFFLINE_ENCODING, False)


@pytest.mark.parametrize(
    ("model", "window"),
    [
        ("gpt-4o-mini", 128_000),
        ("openai/gpt-4o", 128_000),
        ("gpt-4", 8_192),
        ("gpt-4.1-mini", 1_047_576),
        ("smollm2", 2048),
        ("/models/SmolLM2-135M-Instruct.Q4_1.gguf", 2048),
        ("llama3.1:8b", None),
        (None, None),
    ],
)
def test_known_windows(model: str | None, window: int | None) -> None:
    assert known_window(model) == window


def test_context_window_prefers_configuration_then_model_then_provider() -> None:
    assert context_window(Settings(provider="openai", model="gpt-4o", context_window=4096)) == 4096
    assert context_window(Settings(provider="openai", model="gpt-4o")) == 128_000
    assert context_window(Settings(provider="openai", model="llama3")) == DEFAULT_WINDOW
    assert context_window(Settings(provider="local", model="tiny")) == 2048


def test_budget_for_unknown_models_keeps_a_margin() -> None:
    local = TokenBudget.for_settings(Settings(provider="local", model="smollm2"))
    assert local.window == 2048
    assert not local.exact
    assert local.prompt_limit(300) == int(2048 * 0.9) - 300


def test_short_prompts_are_left_alone() -> None:
    fitted = budget().fit(render, {"cv": "Ten years in sales.", "notes": "none"}, {"cv": "head"})
    assert fitted.notices == []
    assert "Ten years in sales." in fitted.messages[1]["content"]
    assert fitted.prompt_tokens == budget().count(fitted.messages)


def test_long_cv_is_trimmed_from_the_end_with_a_notice() -> None:
    b = budget()
    fitted = b.fit(render, {"cv": CV, "notes": "asked about conflict"}, {"cv": "head"})
    content = fitted.messages[1]["content"]
    assert fitted.prompt_tokens <= b.prompt_limit()
    assert fitted.prompt_tokens > b.prompt_limit() - 40  # trims no more than needed
    assert content.startswith("CV:\nIn year 0 I shipped project 0")
    assert f"{TRIM_MARKER}\n\nNotes:\nasked about conflict" in content
    assert len(fitted.notices) == 1
    assert fitted.notices[0].startswith("cv trimmed from ")
    assert "1,000-token context window" in fitted.notices[0]


def test_transcript_notes_keep_their_most_recent_end() -> None:
    notes = "\n".join(f"turn {n}: answered about topic {n}" for n in range(400))
    fitted = budget().fit(render, {"cv": "short", "notes": notes}, {"notes": "tail"})
    content = fitted.messages[1]["content"]
    assert content.endswith("turn 399: answered about topic 399")
    assert f"Notes:\n{TRIM_MARKER} " in content


def test_largest_field_is_cut_first() -> None:
    b = budget(window=1400)
    medium = "Led a team of five engineers. " * 20
    fitted = b.fit(render, {"cv": CV, "notes": medium}, {"cv": "head", "notes": "head"})
    assert medium.strip() in fitted.messages[1]["content"]
    assert [n.split()[0] for n in fitted.notices] == ["cv"]


def test_a_field_with_no_useful_room_left_is_left_out() -> None:
    fixed = budget().count(render({"cv": "", "notes": "x"}))
    b = budget(window=fixed + 10 + 200, output=200)  # room for 10 tokens of CV: too few to help
    fitted = b.fit(render, {"cv": CV, "notes": "x"}, {"cv": "head"})
    assert fitted.messages[1]["content"] == "CV:\n\n\nNotes:\nx"
    assert len(fitted.notices) == 1
    assert fitted.notices[0].startswith("cv left out (5,100 tokens)")


def test_fixed_text_too_long_for_the_window_is_an_error() -> None:
    with pytest.raises(ContextWindowError, match="MOCKPANEL_CONTEXT_WINDOW"):
        budget(window=300).fit(render, {"cv": "x", "notes": "word " * 400}, {"cv": "head"})


def test_check_counts_or_refuses() -> None:
    b = budget()
    assert b.check([{"role": "user", "content": "hello world"}]) == 2 + 4 + 3
    with pytest.raises(ContextWindowError, match="needs"):
        b.check([{"role": "user", "content": "word " * 900}])


@settings(max_examples=30, deadline=None)
@given(
    cv_words=st.integers(min_value=0, max_value=1500),
    notes_words=st.integers(min_value=0, max_value=1500),
    window=st.integers(min_value=320, max_value=3000),
)
def test_fit_always_fits_or_refuses(cv_words: int, notes_words: int, window: int) -> None:
    b = budget(window=window, output=100)
    values = {"cv": "alpha " * cv_words, "notes": "beta " * notes_words}
    try:
        fitted = b.fit(render, values, {"cv": "head", "notes": "tail"})
    except ContextWindowError:
        return
    assert fitted.prompt_tokens == b.count(fitted.messages) <= b.prompt_limit()
