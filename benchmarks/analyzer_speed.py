"""Speed and memory of the STAR analyzer, measured the way a user meets it.

Usage: python benchmarks/analyzer_speed.py [LABELLED.jsonl ...] [--runs N]
Defaults to both splits of the project's labelled corpus. Prints:
- `mockpanel score FILE --json` on one answer, end to end with the pipeline load (target <= 1.5 s);
- one answer scored once the pipeline is loaded, as inside a panel (target <= 100 ms);
- `mockpanel score --batch` throughput on every answer given (target >= 100 answers/s), and the
  peak memory of that run, its worker processes included.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from _timing import REPO, median_seconds, mockpanel_command, time_command

CORPUS = [REPO / "tests" / "data" / "star" / name for name in ("tune.jsonl", "test.jsonl")]


def load(paths: list[Path]) -> list[dict[str, str]]:
    """Every labelled record of `paths`."""
    records = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


def in_process_ms(records: list[dict[str, str]]) -> float:
    """Median milliseconds to score one answer with the pipeline already loaded."""
    from mockpanel.star import StarAnalyzer

    analyzer = StarAnalyzer()
    analyzer.analyze(records[0]["answer"], records[0]["question"])
    times = []
    for record in records[:100]:
        start = time.perf_counter()
        analyzer.analyze(record["answer"], record["question"])
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    """Print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    records = load(args.files)
    command = mockpanel_command()
    with tempfile.TemporaryDirectory() as home:
        env = {"MOCKPANEL_HOME": home}
        one = Path(home) / "answer.txt"
        one.write_text(records[0]["answer"], encoding="utf-8")
        score_one = [*command, "score", str(one), "--json"]
        time_command(score_one, env=env)  # warm the file cache
        runs = [time_command(score_one, env=env) for _ in range(args.runs)]
        print(f"mockpanel score, one answer, end to end:  {median_seconds(runs):6.2f} s (median)")
        print(
            f"one answer, pipeline loaded:              {in_process_ms(records):6.1f} ms (median)"
        )

        batch = Path(home) / "batch.jsonl"
        lines = [
            json.dumps({"id": r["id"], "question": r["question"], "answer": r["answer"]})
            for r in records
        ]
        batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(
            [*command, "score", "--batch", str(batch)],
            check=True,
            capture_output=True,
            env={**os.environ, **env},
        )
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"mockpanel score --batch, {len(records)} answers:   {len(records) / seconds:6.0f} "
        f"answers/s ({seconds:.1f} s, start-up included)"
    )
    print(f"peak memory of one mockpanel process:     {peak:6.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
