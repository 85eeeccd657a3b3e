"""Small text helpers for quoting the candidate's own words."""

from __future__ import annotations

import re

_LEADING_FILLER = re.compile(
    r"^(?:(?:so|and|then|well|okay|ok|yeah|right|um+|uh+|er+|basically|anyway)\b[\s,.-]*)+",
    re.IGNORECASE,
)


def clip(sentence: str, max_words: int = 28) -> str:
    """The sentence trimmed to `max_words` words, with an ellipsis when cut."""
    words = sentence.split()
    if len(words) <= max_words:
        return " ".join(words)
    return " ".join(words[:max_words]).rstrip(",;:-") + "…"


def as_clause(sentence: str, max_words: int = 22) -> str:
    """The sentence reshaped to sit inside another: no leading filler, no final stop."""
    text = _LEADING_FILLER.sub("", sentence.strip()).strip()
    text = clip(text, max_words).rstrip(" .!?")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper() and not text.startswith("I "):
        text = text[0].lower() + text[1:]
    return text
