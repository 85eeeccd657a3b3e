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
from pathlib import Path

from mockpanel.star import StarAnalyzer
from mockpanel.star.rewrites import REWRITES, without_result

TEST = Path(__file__).resolve().parents[1] / "tests" / "data" / "star" / "test.jsonl"


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
        analysis = analyzer.analyze(record["answer"], record["question"])
        if not analysis.components["result"].evidence:
            continue
        tried += 1
        shorter = without_result(record["answer"], analysis)
        lowered += analyzer.analyze(shorter, record["question"]).overall < score
    print(f"  {'result sentences deleted':40} score lowered: {lowered} of {tried}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
