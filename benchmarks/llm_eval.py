"""`mockpanel eval` with the LLM judge against the analyzer alone, on the labelled dev set.

Both runs score the same answers; the judge run needs a model server (by default the local one:
`mockpanel serve-local --port 8765`). A tiny model mostly falls back to the analyzer, which the
judge run reports on stderr ("the model judged N of M answers").

Run: python benchmarks/llm_eval.py [--limit 20] [--base-url URL] [--provider local]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV_SET = REPO.parent / "shared" / "eval" / "star_dev.jsonl"
METRICS = ("overall_mae", "within_one", "spearman", "presence_accuracy_mean")


def run_eval(labelled: Path, extra: list[str]) -> tuple[dict[str, float], float, str]:
    """Metrics, seconds and stderr of one `mockpanel eval --json` run."""
    command = [sys.executable, "-m", "mockpanel", "eval", str(labelled), "--json", *extra]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout), time.perf_counter() - started, done.stderr.strip()


def main() -> int:
    """Evaluate the analyzer and the LLM judge on the same answers; print both."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labelled", type=Path, default=DEV_SET)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--provider", default="local")
    parser.add_argument("--base-url", default="http://127.0.0.1:8765/v1")
    args = parser.parse_args()
    lines = [line for line in args.labelled.read_text(encoding="utf-8").splitlines() if line]
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        subset.write_text("\n".join(lines[: args.limit]) + "\n", encoding="utf-8")
        analyzer, analyzer_s, _ = run_eval(subset, [])
        model = ["--provider", args.provider, "--base-url", args.base_url]
        judge, judge_s, note = run_eval(subset, model)
    print(f"{min(args.limit, len(lines))} labelled answers from {args.labelled.name}")
    print(f"{'':<10}" + "".join(f"{name:>24}" for name in METRICS) + f"{'seconds':>10}")
    for label, data, seconds in (("analyzer", analyzer, analyzer_s), ("judge", judge, judge_s)):
        values = "".join(f"{data[name]:>24.3f}" for name in METRICS)
        print(f"{label:<10}{values}{seconds:>10.1f}")
    print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
