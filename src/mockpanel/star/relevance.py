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
_SUPERIOR_QUESTION = re.compile(lx.SUPERIOR_QUESTION)
_TOGETHER_QUESTION = re.compile(lx.TOGETHER_QUESTION)
_COMPANY = re.compile(lx.COMPANY_MENTION)
_SUPERIOR = re.compile(lx.SUPERIOR_MENTION)
# Someone else's superior ("their account manager") is the other party, not the speaker's boss.
_OTHERS_SUPERIOR = re.compile(
    r"\b(?:their|his|her|its|[a-z]+'s)\s+((?:[\w-]+\s+){0,2}?(?:manager|boss|supervisor|director|"
    r"head|lead|leader|owner|partner))\b"
)


@dataclass(frozen=True, slots=True)
class Relevance:
    """Relevance of an answer to its question."""

    score: float
    themes: tuple[str, ...]
    themes_met: tuple[str, ...]
    overlap: float
    counterpart_missing: bool = False
    alone: bool = False

    @property
    def doubtful(self) -> bool:
        """Off-topic by a theme whose language is too varied to be sure (a setback)."""
        return (
            self.off_topic
            and not (self.counterpart_missing or self.alone)
            and self._primary in lx.DOUBTFUL_THEMES
        )

    @property
    def _primary(self) -> str | None:
        return next((t for t in lx.EVENT_THEMES if t in self.themes), None)

    @property
    def off_topic(self) -> bool:
        """The story is about something else: the event asked about never happens in it, the
        wrong person is in it, or a story about working with others has nobody else in it."""
        if self.counterpart_missing or self.alone:
            return True
        primary = self._primary
        return primary is not None and primary not in self.themes_met and self.overlap < 0.33


def _stem(word: str) -> str:
    """A crude stem: enough to match "persuaded" with "persuade", "priorities" with "prioritise"."""
    word = word.strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 6:
        return word[:6]  # a plural "s" lies beyond the stem anyway
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def content_stems(text: str, stopwords: frozenset[str]) -> set[str]:
    """Stems of the content words of lower-cased `text`."""
    return _stems(set(_WORDS.findall(text)), stopwords)


_STEMS: dict[str, str] = {}
_STEMS_KEPT = 50_000


def _stems(words: set[str], stopwords: frozenset[str]) -> set[str]:
    """Stems of `words` other than stop words and single letters or punctuation."""
    stems: set[str] = set()
    known = _STEMS
    for word in words - stopwords - lx.STOPWORDS:
        stem = known.get(word)
        if stem is None:
            if len(word) < 2 or not word[0].isalpha():
                continue
            if len(known) > _STEMS_KEPT:  # a huge answer must not grow the memo for ever
                known.clear()
            stem = known[word] = _stem(word)
        stems.add(stem)
    return stems


@lru_cache(maxsize=256)
def _question_view(question: str) -> tuple[frozenset[str], tuple[str, ...], bool, bool]:
    """A question's content stems, the themes it names, whether it is about one's superior, and
    whether it asks about working with others."""
    asked = question.lower()
    themes = tuple(name for name, (trigger, _) in _THEMES.items() if trigger.search(asked))
    superior = "conflict" in themes and _SUPERIOR_QUESTION.search(asked) is not None
    together = _TOGETHER_QUESTION.search(asked) is not None
    return frozenset(content_stems(asked, lx.QUESTION_STOPWORDS)), themes, superior, together


def _mentions_superior(story: str) -> bool:
    """Whether a superior of the speaker takes part in the story."""
    others = {m.group(1) for m in _OTHERS_SUPERIOR.finditer(story)}
    return any(
        not any(match.group(0).endswith(other) for other in others)
        for match in _SUPERIOR.finditer(story)
    )


def relevance(
    question: str | None,
    answer_norm: str,
    story_norm: str | None = None,
    answer_words: set[str] | None = None,
) -> Relevance:
    """Score 0-1: 1 when the answer plainly engages with what was asked.

    Themes are looked for in `story_norm` (the answer without its lessons, when given): a story
    shows its theme in what happened, not in a closing remark. `answer_words`, when the caller
    has them, saves splitting the answer into words again.
    """
    if not question or not question.strip():
        return Relevance(1.0, (), (), 1.0)
    story = answer_norm if story_norm is None else story_norm
    question_stems, themes, superior, together = _question_view(question)
    answer_stems = (
        content_stems(answer_norm, lx.QUESTION_STOPWORDS)
        if answer_words is None
        else _stems(answer_words, lx.QUESTION_STOPWORDS)
    )
    overlap = len(question_stems & answer_stems) / len(question_stems) if question_stems else 1.0
    met = tuple(name for name in themes if _THEMES[name][1].search(story))
    if themes:
        theme_share = len(met) / len(themes)
        score = 0.6 * theme_share + 0.4 * min(1.0, overlap * 2)
        if met:
            score = max(score, 0.6)
    else:
        score = 0.5 + 0.5 * min(1.0, overlap * 2)
    missing = superior and not _mentions_superior(story)
    alone = together and _COMPANY.search(story) is None
    found = Relevance(round(min(1.0, score), 2), themes, met, round(overlap, 2), missing, alone)
    if found.off_topic:
        low = round(min(score, 0.1 + 0.5 * overlap), 2)
        return Relevance(low, themes, met, found.overlap, missing, alone)
    return found


# The question-bank competency each theme belongs to, for questions typed in free text.
_THEME_COMPETENCY = {
    "complaint": "customer-focus",
    "customer": "customer-focus",
    "change": "adaptability",
    "data": "problem-solving",
    "explaining": "communication",
    "development": "leadership",
}


def question_competency(question: str) -> str | None:
    """The competency a free-text question asks about, judged from the themes it names."""
    _, themes, _, _ = _question_view(question)
    ordered = [t for t in lx.EVENT_THEMES if t in themes] + [
        t for t in themes if t not in lx.EVENT_THEMES
    ]
    return _THEME_COMPETENCY.get(ordered[0], ordered[0]) if ordered else None
