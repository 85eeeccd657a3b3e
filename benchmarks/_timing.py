"""Shared helpers for the command-line benchmarks: run a command several times, keep the median."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def mockpanel_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m mockpanel`."""
    script = Path(sys.executable).with_name("mockpanel")
    if script.exists():
        return [str(script)]
    found = shutil.which("mockpanel")
    return [found] if found else [sys.executable, "-m", "mockpanel"]


def time_command(
    args: Sequence[str], *, env: dict[str, str] | None = None, stdin: str | None = None
) -> float:
    """Wall-clock seconds for one run of `args` (which must succeed)."""
    start = time.perf_counter()
    subprocess.run(
        list(args),
        check=True,
        capture_output=True,
        input=stdin,
        text=True,
        env={**os.environ, **(env or {})},
    )
    return time.perf_counter() - start


def median_seconds(runs: Sequence[float]) -> float:
    """The median of `runs`."""
    return statistics.median(runs)
