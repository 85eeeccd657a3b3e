"""`mockpanel --help` start-up against a minimal two-command typer app, measured in the same run.

Target: mockpanel's median within 1.6x of the minimal app's median.
Run: python benchmarks/cli_startup.py [runs]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _timing import median_seconds, mockpanel_command, time_command

MINIMAL_APP = '''
import typer

app = typer.Typer()


@app.command()
def hello(name: str) -> None:
    """Say hello."""
    print(f"Hello {name}")


@app.command()
def bye(name: str) -> None:
    """Say goodbye."""
    print(f"Bye {name}")


app()
'''
TARGET_RATIO = 1.6


def main(runs: int = 21) -> int:
    """Time both `--help`s alternately; print medians and the ratio; exit 1 over target."""
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        ours_cmd = [*mockpanel_command(), "--help"]
        minimal_cmd = [sys.executable, str(minimal), "--help"]
        for cmd in (ours_cmd, minimal_cmd):  # warm the file cache once
            time_command(cmd)
        ours, minimal_runs = [], []
        for _ in range(runs):
            ours.append(time_command(ours_cmd))
            minimal_runs.append(time_command(minimal_cmd))
    ours_median, minimal_median = median_seconds(ours), median_seconds(minimal_runs)
    ratio = ours_median / minimal_median
    print(f"mockpanel --help      median {ours_median * 1000:6.1f} ms over {runs} runs")
    print(f"minimal typer --help  median {minimal_median * 1000:6.1f} ms over {runs} runs")
    print(f"ratio {ratio:.2f} (target <= {TARGET_RATIO})")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 21))
