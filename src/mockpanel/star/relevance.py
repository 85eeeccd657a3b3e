"""How closely an answer addresses its question: content-word overlap plus competency themes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mockpanel.star import lexicon as lx

_WORDS = re.compile(r"[a-z][a-z'-]+")


def _markers(words: tuple[str, ...]) -> re.Pattern[str]:
    """Match long markers as word prefixes (stems), short ones as whole words."""
    parts = [
        re.escape(w)
        + ("" if len(w.strip()) > 4 else r"(?:s|es|d|ed|ing|ure|ures|ment|er|ers)?(?![\w'])")
        for w in words
    ]
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + ")")


_THEMES = {
    name: (_markers(triggers), _markers(markers))
    for name, (triggers, markers) in lx.COMPETENCY_THEMES.items()
}


@dataclass(frozen=True, slots=True)
class Relevance:
    """Relevance of an answer to its question."""

    score: float
    themes: tuple[str, ...]
    themes_met: tuple[str, ...]
    overlap: float

    @property
    def off_topic(self) -> bool:
        """The question names a theme the answer never touches, and they share few words."""
        strict = [t for t in self.themes if t in lx.EVENT_THEMES]
        return bool(strict) and not set(strict) & set(self.themes_met) and self.overlap < 0.34


def _stem(word: str) -> str:
    """A crude stem: enough to match "persuaded" with "persuade", "priorities" with "prioritise"."""
    word = word.strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]


def content_stems(text: str, stopwords: frozenset[str]) -> set[str]:
    """Stems of the content words of lower-cased `text`."""
    words = set(_WORDS.findall(text)) - stopwords - lx.STOPWORDS
    return {_stem(w) for w in words}


@lru_cache(maxsize=256)
def _question_view(question: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """A question's content stems and the themes it names (cached: questions repeat)."""
    asked = question.lower()
    themes = tuple(name for name, (trigger, _) in _THEMES.items() if trigger.search(asked))
    return frozenset(content_stems(asked, lx.QUESTION_STOPWORDS)), themes


def relevance(question: str | None, answer_norm: str) -> Relevance:
    """Score 0-1: 1 when the answer plainly engages with what was asked."""
    if not question or not question.strip():
        return Relevance(1.0, (), (), 1.0)
    question_stems, themes = _question_view(question)
    answer_stems = content_stems(answer_norm, lx.QUESTION_STOPWORDS)
    overlap = len(question_stems & answer_stems) / len(question_stems) if question_stems else 1.0
    met = tuple(name for name in themes if _THEMES[name][1].search(answer_norm))
    if themes:
        theme_share = len(met) / len(themes)
        score = 0.6 * theme_share + 0.4 * min(1.0, overlap * 2)
        if met:
            score = max(score, 0.6)
    else:
        score = 0.5 + 0.5 * min(1.0, overlap * 2)
    found = Relevance(round(min(1.0, score), 2), themes, met, round(overlap, 2))
    if found.off_topic:
        return Relevance(round(min(score, 0.1 + 0.5 * overlap), 2), themes, met, found.overlap)
    return found
