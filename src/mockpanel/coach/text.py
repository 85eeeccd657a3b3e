"""Small text helpers for quoting the candidate's own words."""

from __future__ import annotations

import re

_LEADING_FILLER = re.compile(
    r"^(?:(?:so|and|then|well|okay|ok|yeah|right|um+|uh+|er+|basically|anyway)\b[\s,.-]*)+",
    re.IGNORECASE,
)
_CONJUNCTIONS = frozenset(
    {"and", "but", "so", "which", "because", "while", "after", "before", "when", "then"}
)
_SHORTEST_CLAUSE = 6
_SLACK = 4


def clip(sentence: str, max_words: int = 28) -> str:
    """The sentence trimmed to `max_words` words, with an ellipsis when cut."""
    words = sentence.split()
    if len(words) <= max_words:
        return " ".join(words)
    return " ".join(words[:max_words]).rstrip(",;:-") + "…"


def _clause_cut(words: list[str], max_words: int) -> int | None:
    """Where to end a shortened clause: after a comma before a conjunction, a comma, or a
    conjunction, preferring the strongest boundary and then the longest clause."""
    best: tuple[int, int] | None = None
    for i in range(_SHORTEST_CLAUSE, min(len(words), max_words + _SLACK)):
        comma = words[i - 1].endswith((",", ";"))
        conjunction = words[i].lower() in _CONJUNCTIONS
        strength = 2 * comma + conjunction
        if strength and (best is None or (strength, i) >= best):
            best = (strength, i)
    return best[1] if best else None


def as_clause(sentence: str, max_words: int = 22) -> str:
    """The sentence reshaped to sit inside another: no leading filler, no final stop."""
    text = _LEADING_FILLER.sub("", sentence.strip()).strip()
    words = text.split()
    if len(words) > max_words + _SLACK:
        cut = _clause_cut(words, max_words)
        text = " ".join(words[:cut]).rstrip(",;:-") if cut else clip(text, max_words)
    text = text.rstrip(" .!?")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper() and not text.startswith("I "):
        text = text[0].lower() + text[1:]
    return text


# "leads the migration" -> "leading the migration": notes describe the person in the third person.
_THIRD_PERSON_VERBS = {
    "leads": "leading",
    "runs": "running",
    "owns": "owning",
    "manages": "managing",
    "oversees": "overseeing",
    "heads": "heading",
    "drives": "driving",
    "builds": "building",
    "designs": "designing",
    "looks": "looking",
    "works": "working",
    "is": "as",
    "was": "as",
}


def work_phrase(notes: str) -> str:
    """Notes about a person, shaped to follow "your work": "leading X", or "on X" for a topic."""
    text = as_clause(notes, 20)
    first, _, rest = text.partition(" ")
    lowered = first.lower()
    if lowered in _THIRD_PERSON_VERBS and rest:
        return f"{_THIRD_PERSON_VERBS[lowered]} {rest}"
    if lowered.endswith("ing") or lowered in {"on", "in", "with", "across", "for", "as"}:
        return text
    return f"on {text}"
