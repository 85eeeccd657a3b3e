"""Matching machinery for the analyzer: words, literal phrase lists and gated patterns.

Python's regex engine tries every branch of an alternation at every position, so the analyzer
avoids running a pattern where it cannot match: a phrase list runs only on a sentence holding
all the words of one of its phrases, a gated pattern only on a sentence holding one of its gate
words, and word-initial alternations share one look-behind.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any


def _alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal phrases, longest first, on word boundaries."""
    ordered = sorted({re.escape(p.strip()) for p in phrases}, key=len, reverse=True)
    return r"(?<![\w'])(?:" + "|".join(ordered) + r")(?![\w'])"


# Words (letters, accented letters and digits, with inner apostrophes and hyphens) and the
# punctuation that separates clauses.
TOKEN = re.compile(r"[a-z0-9à-öø-ÿ]+(?:['-][a-z0-9à-öø-ÿ]+)*|[,;:]")


def _branches(source: str) -> list[str]:
    """The top-level alternatives of a regex source."""
    branches: list[str] = []
    depth, start, in_class, at = 0, 0, False, 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(source[start:at])
            start = at + 1
        at += 1
    branches.append(source[start:])
    return branches


class LazyPattern:
    """A regex compiled on first use: most patterns are gated, and a short answer never needs
    them, so a one-answer command does not pay to compile hundreds of alternations."""

    def __init__(self, source: str) -> None:
        self.pattern = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern; once compiled, its own methods answer every later call."""
        if self._compiled is None:
            compiled = self._compiled = re.compile(self.pattern)
            self.search = compiled.search  # type: ignore[method-assign]
            self.match = compiled.match  # type: ignore[method-assign]
            self.finditer = compiled.finditer  # type: ignore[method-assign]
            self.findall = compiled.findall  # type: ignore[method-assign]
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As `re.Pattern.search`."""
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As `re.Pattern.match`."""
        return self.compiled.match(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """As `re.Pattern.finditer`."""
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        """As `re.Pattern.findall`."""
        return self.compiled.findall(string, pos, endpos)


Pattern = re.Pattern[str] | LazyPattern


def word_pattern(source: str) -> LazyPattern:
    """An alternation whose branches each start at a word (with a leading `\\b`).

    One look-behind for the whole alternation replaces the `\\b` of every branch: the engine
    then tries the branches only where a word starts, which is several times cheaper.
    """
    branches = _branches(source)
    if not all(b.startswith("\\b") for b in branches):
        return LazyPattern(source)
    return LazyPattern(r"(?<![\w'])(?:" + "|".join(b[2:] for b in branches) + ")")


class Phrases:
    """A list of literal phrases matched on word boundaries, tried only when one can occur.

    A phrase can only occur in a sentence holding all its words: the (slow) regex runs only
    then. The longest word of each phrase makes a first, cheaper gate.
    """

    def __init__(self, phrases: tuple[str, ...] | list[str]) -> None:
        kept = [p for p in phrases if p.strip()]
        self.pattern = LazyPattern(_alternation(kept))
        # The words of each phrase, filed under its longest word.
        self.by_key: dict[str, list[frozenset[str]]] = {}
        for phrase in kept:
            words = TOKEN.findall(phrase)
            self.by_key.setdefault(max(words, key=len), []).append(frozenset(words))
        self.gate = frozenset(self.by_key)

    def possible(self, vocab: set[str]) -> bool:
        """Whether a sentence with word set `vocab` may hold one of the phrases."""
        for key in self.gate.intersection(vocab):
            for words in self.by_key[key]:
                if words <= vocab:
                    return True
        return False

    def search(self, norm: str, vocab: set[str]) -> bool:
        """Whether any phrase occurs in `norm` (whose word set is `vocab`)."""
        return self.possible(vocab) and self.pattern.search(norm) is not None

    def count(self, norm: str, vocab: set[str]) -> int:
        """How many phrase occurrences `norm` holds."""
        if not self.possible(vocab):
            return 0
        return sum(1 for _ in self.pattern.finditer(norm))

    def matches(self, norm: str, vocab: set[str]) -> list[str]:
        """The phrases found in `norm`, in order."""
        if not self.possible(vocab):
            return []
        return [m.group(0) for m in self.pattern.finditer(norm)]


class GatedPatterns:
    """Patterns, each tried only on a sentence holding one of its gate words.

    An index from gate word to patterns finds the candidates with one set intersection per
    sentence, however many patterns there are.
    """

    def __init__(self, pairs: Iterable[tuple[str | frozenset[str], Pattern]]) -> None:
        self.pairs = tuple(
            (frozenset(gate.split()) if isinstance(gate, str) else gate, pattern)
            for gate, pattern in pairs
        )
        index: dict[str, list[int]] = {}
        for at, (gate, _) in enumerate(self.pairs):
            for word in gate:
                index.setdefault(word, []).append(at)
        self.index = {word: tuple(ats) for word, ats in index.items()}
        self.words = frozenset(index)

    def candidates(self, vocab: set[str]) -> list[int]:
        """Positions (in `pairs`) of the patterns a sentence with word set `vocab` may match."""
        found: set[int] = set()
        for word in self.words.intersection(vocab):
            found.update(self.index[word])
        return sorted(found)

    def search(self, norm: str, vocab: set[str]) -> bool:
        """Whether any pattern whose gate words occur in the sentence matches it."""
        pairs = self.pairs
        return any(pairs[at][1].search(norm) is not None for at in self.candidates(vocab))
