"""Throughput and scaling of the STAR analyzer.

Usage: python benchmarks/analyzer_speed.py [LABELLED.jsonl] [--seconds S] [--workers N]
Measures answers per second over the labelled answers, parsed in batches (one process, then N
worker processes, default 2), the latency of one answer once the pipeline is loaded (as in a
panel), and the time to analyze answers of 250 KB, 500 KB and 1 MB to show the cost grows
linearly with the input.
"""

from __future__ import annotations

import argparse
import json
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mockpanel.star import StarAnalyzer

DEV_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "star" / "tune.jsonl"


def load_answers(path: Path) -> list[tuple[str, str]]:
    """(answer, question) pairs from a labelled JSONL file."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            pairs.append((record["answer"], record.get("question", "")))
    return pairs


def analyze_all(pairs: list[tuple[str, str]]) -> int:
    """Analyze every pair once; return how many were analyzed."""
    analyzer = StarAnalyzer()
    analyzer.analyze_many(pairs)
    return len(pairs)


def single_process_rate(pairs: list[tuple[str, str]], seconds: float) -> float:
    """Best answers/s of repeated passes over `pairs` in this process."""
    analyze_all(pairs[:5])  # load the rubric and warm up
    best = 0.0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        done = analyze_all(pairs)
        best = max(best, done / (time.perf_counter() - start))
    return best


def multi_process_rate(pairs: list[tuple[str, str]], workers: int, rounds: int) -> float:
    """Answers/s with `workers` processes each analyzing `rounds` passes over `pairs`."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(analyze_all, [pairs[:5]] * workers))  # start and warm up the workers
        start = time.perf_counter()
        done = sum(pool.map(analyze_all, [pairs] * (workers * rounds)))
        return done / (time.perf_counter() - start)


def large_answer_seconds(pairs: list[tuple[str, str]], size: int) -> float:
    """Seconds to analyze one answer of about `size` characters built from the real answers."""
    text = " ".join(answer for answer, _ in pairs)
    big = (text + " ") * (size // (len(text) + 1) + 1)
    analyzer = StarAnalyzer()
    start = time.perf_counter()
    analyzer.analyze(big[:size], pairs[0][1])
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Print throughput and large-input timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEV_SET)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    pairs = load_answers(args.file)
    print(f"{len(pairs)} answers from {args.file}")
    print(f"one process:          {single_process_rate(pairs, args.seconds):8.0f} answers/s")
    analyzer = StarAnalyzer()
    analyzer.analyze(*pairs[0])
    start = time.perf_counter()
    for answer, question in pairs[:50]:
        analyzer.analyze(answer, question)
    per_answer = (time.perf_counter() - start) / min(50, len(pairs)) * 1000
    print(f"one answer, pipeline loaded: {per_answer:6.1f} ms")
    rate = multi_process_rate(pairs, args.workers, rounds=3)
    print(f"{args.workers} worker processes:   {rate:8.0f} answers/s")
    for size in (250_000, 500_000, 1_000_000):
        print(f"{size // 1000:>5} KB answer:        {large_answer_seconds(pairs, size):8.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
