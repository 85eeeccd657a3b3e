"""Analyzing a large batch of answers in several processes, each with its own pipeline."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mockpanel.models import StarAnalysis

_analyzer = None


def _start(prompts: str) -> None:
    global _analyzer
    from mockpanel.library import load_library
    from mockpanel.star.analyzer import StarAnalyzer

    _analyzer = StarAnalyzer(load_library(Path(prompts)))


def _analyze(chunk: list[tuple[str, str | None]]) -> list[StarAnalysis]:
    assert _analyzer is not None
    return _analyzer.analyze_many(chunk)


def analyze_in_processes(
    prompts: Path, items: Sequence[tuple[str, str | None]], workers: int
) -> list[StarAnalysis]:
    """The analyses of `items`, in order, computed by `workers` processes."""
    size = max(1, -(-len(items) // (workers * 4)))
    chunks = [list(items[i : i + size]) for i in range(0, len(items), size)]
    with ProcessPoolExecutor(workers, initializer=_start, initargs=(str(prompts),)) as pool:
        return [analysis for part in pool.map(_analyze, chunks) for analysis in part]
