"""The analyzer's word lists as look-ups: single words by word or lemma, phrases by running text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from mockpanel.reading import CompetencyEvent, ReadingData

_FOLDS = (
    (re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w\w)our(s|ed|ing|ite|able)?$"), r"or\1"),
    (re.compile(r"(?<=\w\w)tre(s)?$"), r"ter\1"),
)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """One spelling for British and American variants ("realised" and "realized")."""
    for pattern, repl in _FOLDS:
        word = pattern.sub(repl, word)
    return word


@dataclass(frozen=True, slots=True)
class WordList:
    """Single words (folded) and multi-word phrases (folded, space-joined)."""

    words: frozenset[str]
    phrases: re.Pattern[str] | None

    @classmethod
    def of(cls, entries: Iterable[str]) -> WordList:
        words: set[str] = set()
        phrases: list[str] = []
        for entry in entries:
            folded = " ".join(fold(w) for w in entry.lower().split())
            (phrases.append(folded) if " " in folded or "'" in folded else words.add(folded))
        pattern = None
        if phrases:
            longest_first = sorted(set(phrases), key=len, reverse=True)
            pattern = re.compile(" (?:" + "|".join(map(re.escape, longest_first)) + ")(?= )")
        return cls(frozenset(words), pattern)

    def hits(self, words: Iterable[str], text: str) -> list[str]:
        """Entries found among `words` (folded words and lemmas) or in `text` (folded, padded)."""
        found = [w for w in words if w in self.words]
        if self.phrases is not None:
            found.extend(m.group().strip() for m in self.phrases.finditer(text))
        return found

    def first(self, text: str) -> int | None:
        """Offset in `text` (plain space-separated words) of the first word starting an entry."""
        offset = 0
        folded = [fold(w) for w in text.lower().split(" ")]
        for i, word in enumerate(folded):
            if word in self.words:
                return offset
            if self.phrases is not None and self.phrases.match(" " + " ".join(folded[i:]) + " "):
                return offset
            offset += len(text.split(" ")[i]) + 1
        return None

    def any(self, words: Iterable[str], text: str) -> bool:
        """Whether any entry is found."""
        if not self.words.isdisjoint(words):
            return True
        return self.phrases is not None and self.phrases.search(text) is not None


@dataclass(frozen=True, slots=True)
class Competency:
    """One competency's question words, event words and who the event needs."""

    question: WordList
    event: WordList
    needs: str

    @classmethod
    def of(cls, data: CompetencyEvent) -> Competency:
        return cls(WordList.of(data.question_words), WordList.of(data.event_words), data.needs)


class Vocabulary:
    """Every list of `prompts/reading.yaml`, ready for matching."""

    def __init__(self, data: ReadingData) -> None:
        self.fillers = frozenset(data.fillers)
        self.filler_phrases = frozenset(data.filler_phrases)
        self.ambiguous_filler_phrases = frozenset(data.ambiguous_filler_phrases)
        self.filler_phrase_blockers = frozenset(data.filler_phrase_blockers)
        self.like_verb_before = frozenset(data.like_verb_before)
        self.state_verbs = WordList.of(data.state_verbs)
        self.thin_verbs = WordList.of(data.thin_verbs)
        self.achievement_verbs = WordList.of(data.achievement_verbs)
        self.outcome_verbs = WordList.of(data.outcome_verbs)
        self.outcome_states = WordList.of(data.outcome_states)
        self.learning_verbs = WordList.of(data.learning_verbs)
        self.reflection_phrases = WordList.of(data.reflection_phrases)
        self.obligation_phrases = WordList.of(data.obligation_phrases)
        self.ownership_nouns = WordList.of(data.ownership_nouns)
        self.habit_words = WordList.of(data.habit_words)
        self.pending_words = WordList.of(data.pending_words)
        self.hedge_words = WordList.of(data.hedge_words)
        self.time_anchors = WordList.of(data.time_anchors)
        self.person_nouns = WordList.of(data.person_nouns)
        self.duration_words = WordList.of(data.duration_words)
        grader = data.grader
        self.scorer_nouns = WordList.of(grader.scorer_nouns)
        self.grader_nouns = WordList.of(grader.grader_nouns)
        self.answer_nouns = WordList.of(grader.answer_nouns)
        self.scoring_verbs = WordList.of(grader.scoring_verbs)
        self.score_phrases = WordList.of(grader.score_phrases)
        self.instruction_words = WordList.of(grader.instruction_words)
        self.roleplay_phrases = WordList.of(grader.roleplay_phrases)
        self.foreign_phrases = WordList.of(grader.foreign_phrases)
        self.english_words = frozenset(grader.english_words)
        self.foreign_scoring_stems = tuple(grader.foreign_scoring_stems)
        self.competencies = {cid: Competency.of(c) for cid, c in data.competencies.items()}


_BUILT: dict[int, tuple[ReadingData, Vocabulary]] = {}


def vocabulary_for(data: ReadingData) -> Vocabulary:
    """The look-ups for one loaded word-list document, built once."""
    cached = _BUILT.get(id(data))
    if cached is None or cached[0] is not data:
        cached = (data, Vocabulary(data))
        _BUILT[id(data)] = cached
    return cached[1]
