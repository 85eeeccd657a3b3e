"""The words of an answer as the parser reads them: the same for written, typed and dictated text.

Punctuation, letter case, fillers ("um", "you know"), false starts ("we- I went") and stuttered
repeats carry no STAR meaning, yet they move a parser's sentence boundaries. The analyzer
therefore parses a canonical form (lower case but "I", no punctuation, no fillers) and maps every
word back to its place in the original answer, so evidence is always quoted verbatim.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mockpanel.star.vocabulary import Vocabulary

_WORD = re.compile(
    r"[£$€¥₹]?\d+(?:[.,:/]\d+)*(?:%|k\b|m\b|bn\b)?"  # 20%, £1,200, 5/5, 9:30, 3.5
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W_]+)*"  # words, contractions, compounds
    r"|\d+[^\W_]*"  # 3rd, 24h
    r"|[&+%]"
)
_FIRST_PERSON = re.compile(r"i(?:['’](?:m|ve|d|ll))?")
# Past a few minutes of speech an answer gains nothing from further reading; the parser's memory
# grows with its input, so reading stops here.
MAX_WORDS = 5000
_KEEP_REPEATED = frozenset({"had", "that", "is", "very", "really", "no"})


@dataclass(frozen=True, slots=True)
class Transcript:
    """An answer's canonical text, with the way back to the original characters."""

    original: str
    text: str
    starts: tuple[int, ...]  # canonical offset of each kept word
    spans: tuple[tuple[int, int], ...]  # original (start, end) of each kept word
    fillers: int

    @property
    def word_count(self) -> int:
        """Words kept for reading (fillers and false starts excluded)."""
        return len(self.starts)

    def word_at(self, offset: int) -> int:
        """The index of the kept word holding canonical character `offset`."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def quote(self, start: int, end: int) -> str:
        """The original text from canonical offset `start` to `end`, with closing punctuation."""
        if not self.spans or end <= start:
            return ""
        first = self.spans[self.word_at(start)][0]
        last = self.spans[self.word_at(end - 1)][1]
        tail = re.match(r"[.!?]+", self.original[last:])
        if tail:
            last += tail.end()
        return " ".join(self.original[first:last].split())


def _is_filler(words: list[str], i: int, vocab: Vocabulary) -> int:
    """How many words starting at `i` are a filler (0 when none)."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    prev = words[i - 1] if i > 0 else ""
    if word in vocab.fillers:
        return 1
    pair = f"{word} {nxt}"
    if pair in vocab.filler_phrases:
        return 2
    if pair in vocab.ambiguous_filler_phrases:
        return 0 if prev in vocab.filler_phrase_blockers else 2
    if word == "like" and prev not in vocab.like_verb_before and nxt != "to":
        return 1
    return 0


def read_transcript(
    answer: str, vocab: Vocabulary, drop: Sequence[tuple[int, int]] = ()
) -> Transcript:
    """The canonical, parser-ready form of `answer`, skipping the original spans in `drop`."""
    raw = [
        (m.group(), m.start(), m.end())
        for m in _WORD.finditer(answer)
        if not any(a <= m.start() < b for a, b in drop)
    ]
    lowered = [w.lower().replace("’", "'") for w, _, _ in raw]
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    fillers = 0
    i = 0
    while i < len(raw) and len(words) < MAX_WORDS:
        word, start, end = raw[i]
        low = lowered[i]
        skip = _is_filler(lowered, i, vocab)
        if skip:
            fillers += 1
            i += skip
            continue
        # A false start: a word cut off by a hyphen right before a space ("we- I went").
        if answer[end : end + 1] in ("-", "—", "–") and answer[end + 1 : end + 2].isspace():
            i += 1
            continue
        if words and low == words[-1].lower() and low not in _KEEP_REPEATED:
            i += 1
            continue
        if _FIRST_PERSON.fullmatch(low):
            low = "I" + low[1:]
        elif len(low) != len(word):
            low = word  # lower-casing changed the length: keep the original letters
        words.append(low)
        spans.append((start, end))
        i += 1
    starts: list[int] = []
    offset = 0
    for word in words:
        starts.append(offset)
        offset += len(word) + 1
    return Transcript(
        original=answer,
        text=" ".join(words),
        starts=tuple(starts),
        spans=tuple(spans),
        fillers=fillers,
    )
