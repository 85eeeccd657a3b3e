"""How far meaning-preserving rewrites of an answer move its score.

Usage: python benchmarks/analyzer_rewrites.py [LABELLED.jsonl]
Defaults to the held-out test split. For each rewrite, prints the share of answers (those with a
real example: labels 2-5, not off-topic or manipulated) whose overall moves by more than one
point. Target for each: none. Also prints how often deleting the sentences quoted as the result
lowers the score of a 4 or 5 (target: nearly always).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from pathlib import Path

from mockpanel.star import StarAnalyzer
from mockpanel.star.addressee import sentence_spans

TEST = Path(__file__).resolve().parents[1] / "tests" / "data" / "star" / "test.jsonl"
FILLERS = ("um,", "uh,", "you know,", "like,", "I mean,")
NUMBERS = {
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
    "20": "twenty",
}
SPELLINGS = {
    "organise": "organize",
    "realised": "realized",
    "prioritised": "prioritized",
    "behaviour": "behavior",
    "analysed": "analyzed",
    "centre": "center",
}


def dictated(text: str) -> str:
    return " ".join(re.sub(r"[.,!?;:\"()]", " ", text.lower()).split())


def with_fillers(text: str) -> str:
    words = text.split()
    return " ".join(f"{FILLERS[i % 5]} {w}" if i % 6 == 3 else w for i, w in enumerate(words))


def spelled(text: str) -> str:
    return re.sub(r"\b\d+\b", lambda m: NUMBERS.get(m.group(), m.group()), text)


def american(text: str) -> str:
    for british, us in SPELLINGS.items():
        text = text.replace(british, us)
    return text


def present_tense(text: str) -> str:
    """Steps told with "I"/"we" in the past ("I called") retold in the present ("I call")."""
    return re.sub(r"\b(I|we|We) (\w+?)(?:ed)\b", r"\1 \2", text)


def outcome_first(text: str) -> str:
    """The last sentence told first."""
    spans = sentence_spans(text)
    if len(spans) < 4:
        return text
    sentences = [text[a:b].strip() for a, b in spans]
    return " ".join([sentences[-1], *sentences[:-1]])


REWRITES: dict[str, Callable[[str], str]] = {
    "closing full stop removed": lambda t: t.rstrip().rstrip(".!"),
    "dictated (lower case, no punctuation)": dictated,
    "fillers inserted": with_fillers,
    "numbers spelled out": spelled,
    "American spelling": american,
    "present-tense retelling": present_tense,
    "last sentence told first": outcome_first,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=TEST)
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in args.file.read_text().splitlines() if line.strip()]
    stories = [
        r for r in records if r["overall"] >= 2 and not {"injection", "off-topic"} & set(r["tags"])
    ]
    analyzer = StarAnalyzer()
    base = [a.overall for a in analyzer.analyze_many((r["answer"], r["question"]) for r in stories)]
    print(f"{len(stories)} answers with a real example from {args.file.name}")
    for name, rewrite in REWRITES.items():
        pairs = [(rewrite(r["answer"]), r["question"]) for r in stories]
        moved = sum(
            abs(a.overall - b) > 1 for a, b in zip(analyzer.analyze_many(pairs), base, strict=True)
        )
        print(f"  {name:40} moved by more than 1: {moved:3} ({moved / len(stories):.1%})")
    lowered = tried = 0
    for record, score in zip(stories, base, strict=True):
        if record["overall"] < 4:
            continue
        text, question = record["answer"], record["question"]
        quotes = analyzer.analyze(text, question).components["result"].evidence
        if not quotes:
            continue
        for start, end in sentence_spans(text):
            sentence = " ".join(text[start:end].split())
            if any(q in sentence or sentence in q for q in quotes):
                text = text[:start] + " " * (end - start) + text[end:]
        tried += 1
        lowered += analyzer.analyze(text, question).overall < score
    print(f"  {'result sentences deleted':40} score lowered: {lowered} of {tried}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
