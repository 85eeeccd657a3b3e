"""Checks on what a panelist says when a model writes it: clean it up, or say why it is unusable.

A panelist's line is shown to the candidate as is, so it must read like speech: short, complete,
in the panelist's own voice, and for a question or follow-up, one question that keeps the meaning
of the question bank's wording. Anything else is replaced by the offline coach's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

SpeechKind = Literal["introduce", "ask", "probe"]


@dataclass(frozen=True)
class SpeechLimits:
    """How long a line of this kind may be, in words and sentences."""

    max_words: int
    max_sentences: int


LIMITS: dict[SpeechKind, SpeechLimits] = {
    "introduce": SpeechLimits(max_words=70, max_sentences=3),
    "ask": SpeechLimits(max_words=55, max_sentences=3),
    "probe": SpeechLimits(max_words=40, max_sentences=2),
}
# Share of the bank question's distinctive words a reworded question must keep.
MIN_SHARED_WORDS = 0.25

_WRAPPING_QUOTES = "\"'“”‘’`"
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
# Requests that ask for a story without a question mark ("Tell me about a time...").
_REQUEST = re.compile(
    r"^(?:so,?\s+|now,?\s+|please\s+|and\s+)?(?:tell|describe|walk|give|share|talk|take|explain|"
    r"think of|recall)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z][a-z'-]+")
# A model that writes a script instead of a line ("Candidate: ...", bullet points, headings).
_SCRIPT = re.compile(
    r"(?im)^\s*(?:candidate|interviewer|you|me|answer|response)\s*:|^\s*(?:[-*#]|\d+\.)\s"
)
_STAGE_DIRECTION = re.compile(
    r"\*[^*\n]{1,40}\*|\[[^\]\n]{1,40}\]|\((?:smiles|laughs|pauses|nods)[^)]*\)"
)
# Scaffolding from the prompt a model may echo back instead of speaking.
_PROMPT_ECHO = re.compile(
    r"question to ask|earlier in the interview|competency:|\bsaid:|you asked:|their answer|"
    r"answer (?:start|end)|example follow-ups|greet the candidate|also on the panel|"
    r"\b[STARL]\d\b|\b\d(?:\.\d)?/5\b",
    re.IGNORECASE,
)
# Words that carry no topic: two questions sharing only these are not about the same thing.
_COMMON = frozenset(
    """
    a about after again all also an and any are as ask at be because been before being but by
    can could describe did do does example experience for from give had has have how i if in
    into is it its just me more most my of on or our out share so some talk tell than that the
    their them then there they this time times to us was we were what when where which while who
    why will with would you your yourself walk through recent particular specific situation
    """.split()
)


def clean_speech(text: str, speaker: str) -> str:
    """The line without wrapping quotes, a leading name label, stage directions or extra spaces."""
    line = _unwrap(" ".join(text.split()))
    for label in {speaker, speaker.split()[0] if speaker.split() else speaker}:
        if label and line.lower().startswith(label.lower() + ":"):
            line = line[len(label) + 1 :].lstrip()
    return _unwrap(" ".join(_STAGE_DIRECTION.sub("", line).split()))


def _unwrap(line: str) -> str:
    while len(line) >= 2 and line[0] in _WRAPPING_QUOTES and line[-1] in _WRAPPING_QUOTES:
        line = line[1:-1].strip()
    return line


def _content_words(text: str) -> set[str]:
    return {w.strip("'-") for w in _WORD.findall(text.lower())} - _COMMON


def speech_problem(
    raw: str,
    line: str,
    kind: SpeechKind,
    *,
    cut_off: bool,
    speaker: str,
    bank_question: str | None = None,
) -> str | None:
    """Why `line` (cleaned from `raw`) cannot be spoken, or None when it is fine."""
    if not line:
        return "the reply was empty"
    if cut_off:
        return "the reply was cut off at the token limit"
    if _SCRIPT.search(raw):
        return "the reply is a script or a list, not one spoken line"
    if _PROMPT_ECHO.search(line):
        return "the reply repeats the prompt instead of speaking"
    limits = LIMITS[kind]
    words = len(line.split())
    if words > limits.max_words:
        return f"the reply is too long ({words} words)"
    sentences = [s for s in _SENTENCE.findall(line) if s.strip()]
    if len(sentences) > limits.max_sentences:
        return f"the reply has {len(sentences)} sentences"
    if kind == "introduce":
        first_name = speaker.split()[0].lower() if speaker.split() else ""
        if first_name and first_name not in line.lower():
            return "the panelist does not say who they are"
        return None
    last = sentences[-1].strip()
    if not (last.endswith("?") or _REQUEST.match(last)):
        return "the reply is not a question"
    if line.count("?") > 1:
        return "the reply asks more than one question"
    if kind == "ask" and bank_question:
        wanted = _content_words(bank_question)
        if wanted and len(wanted & _content_words(line)) / len(wanted) < MIN_SHARED_WORDS:
            return "the reworded question lost the bank question's meaning"
    return None
