"""Rewrites of an answer that keep its meaning, for measuring how steady the scores are.

A scorer that reads meaning gives an answer much the same score however it is typed, dictated
or spelled; `mockpanel`'s tests and `benchmarks/analyzer_rewrites.py` hold it to that.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mockpanel.models import StarAnalysis
from mockpanel.star.addressee import sentence_spans

_FILLERS = ("um,", "uh,", "you know,", "like,", "I mean,", "sort of")
_NUMBERS = {
    "1": "one",
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "7": "seven",
    "8": "eight",
    "9": "nine",
    "10": "ten",
    "12": "twelve",
    "15": "fifteen",
    "20": "twenty",
    "30": "thirty",
    "50": "fifty",
}
_SPELLINGS = {
    "organise": "organize",
    "realised": "realized",
    "prioritised": "prioritized",
    "behaviour": "behavior",
    "analysed": "analyzed",
    "centre": "center",
}


def without_closing_stop(text: str) -> str:
    """The answer without its final full stop."""
    return text.rstrip().rstrip(".!")


def dictated(text: str) -> str:
    """The answer as speech-to-text gives it: lower case, no punctuation."""
    return " ".join(re.sub(r"[.,!?;:\"()]", " ", text.lower()).split())


def with_fillers(text: str, seed: int = 3) -> str:
    """The answer with a filler every seventh word or so."""
    out = []
    for i, word in enumerate(text.split()):
        if i and i % 7 == seed % 7:
            out.append(_FILLERS[(i + seed) % len(_FILLERS)])
        out.append(word)
    return " ".join(out)


def numbers_spelled_out(text: str) -> str:
    """Small numbers written as words."""
    return re.sub(r"\b\d+\b", lambda m: _NUMBERS.get(m.group(), m.group()), text)


def american_spelling(text: str) -> str:
    """Common British spellings in their American form."""
    for british, american in _SPELLINGS.items():
        text = text.replace(british, american)
    return text


def present_tense(text: str) -> str:
    """Steps told with "I" or "we" in the past ("I called") retold in the present ("I call")."""
    return re.sub(r"\b(I|we|We) (\w+?)(?:ed)\b", r"\1 \2", text)


def last_sentence_first(text: str) -> str:
    """The last written sentence told first."""
    spans = sentence_spans(text)
    if len(spans) < 4:
        return text
    sentences = [text[a:b].strip() for a, b in spans]
    return " ".join([sentences[-1], *sentences[:-1]])


def without_result(text: str, analysis: StarAnalysis) -> str:
    """The answer without the written sentences its result evidence was quoted from."""
    quotes = analysis.components["result"].evidence
    for start, end in sentence_spans(text):
        sentence = " ".join(text[start:end].split())
        if any(quote in sentence or sentence in quote for quote in quotes):
            text = text[:start] + " " * (end - start) + text[end:]
    return text


REWRITES: dict[str, Callable[[str], str]] = {
    "closing full stop removed": without_closing_stop,
    "dictated (lower case, no punctuation)": dictated,
    "fillers inserted": with_fillers,
    "numbers spelled out": numbers_spelled_out,
    "American spelling": american_spelling,
    "present-tense retelling": present_tense,
    "last sentence told first": last_sentence_first,
}
