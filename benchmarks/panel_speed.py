"""A scripted 6-question offline panel end to end (start to report written), and a 1 MB answer.

Targets: the panel <= 2 s; a 1 MB answer scored or refused in < 5 s.
Run: python benchmarks/panel_speed.py [runs]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import REPO, median_seconds, mockpanel_command, time_command

ANSWERS = REPO / "tests" / "data" / "sample-answers.txt"
PANEL_TARGET = 2.0
BIG_ANSWER_TARGET = 5.0


def main(runs: int = 5) -> int:
    """Time the scripted panel and the 1 MB answer; print the medians; exit 1 over target."""
    cli = mockpanel_command()
    timings = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            home = Path(tmp) / f"home-{run}"
            report = Path(tmp) / f"report-{run}.html"
            args = [*cli, "panel", "--answers", str(ANSWERS), "--questions", "6", "--seed", "7"]
            timings.append(
                time_command([*args, "--report", str(report)], env={"MOCKPANEL_HOME": str(home)})
            )
            assert report.stat().st_size > 0
        big = Path(tmp) / "big-answer.txt"
        sentence = "I rebuilt the weekly report and cut its preparation time from two days to one. "
        big.write_text(sentence * (1_048_576 // len(sentence) + 1), encoding="utf-8")
        big_seconds = time_refused_or_scored([*cli, "score", str(big), "--json"])
    panel = median_seconds(timings)
    print(f"scripted 6-question panel + HTML report: median {panel:.2f} s over {runs} runs")
    print(f"1 MB answer scored or refused: {big_seconds:.2f} s")
    ok = panel <= PANEL_TARGET and big_seconds < BIG_ANSWER_TARGET
    print("within targets" if ok else "OVER TARGET")
    return 0 if ok else 1


def time_refused_or_scored(args: list[str]) -> float:
    """Seconds for a run that may exit 0 (scored) or 2 (refused with one line)."""
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 2):
        raise SystemExit(f"unexpected exit {done.returncode}: {done.stderr.strip()}")
    return seconds


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
