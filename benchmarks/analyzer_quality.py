"""Agreement of the STAR analyzer with labelled answers.

Usage: python benchmarks/analyzer_quality.py [LABELLED.jsonl ...] [--worst N]
Defaults to the held-out test split of the project's labelled corpus. Prints, per file, presence
accuracy per component, overall MAE, the within-one rate, Spearman's rho, manipulation attempts
scored at or
below their label, and the worst disagreements, and whether the agreement targets are met.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mockpanel.star import StarAnalyzer
from mockpanel.star.evaluation import Agreement, agreement, parse_labelled, score_records

DEV_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "star" / "test.jsonl"
TARGETS = {"presence_accuracy_mean": 0.90, "within_one": 0.90, "spearman": 0.80}


def targets_met(result: Agreement) -> dict[str, bool]:
    """Which agreement targets the result meets."""
    met = {name: getattr(result, name) >= floor for name, floor in TARGETS.items()}
    met["manipulation"] = result.manipulation_at_or_below_label == result.manipulation_attempts
    return met


def report(path: Path, analyzer: StarAnalyzer, worst: int) -> bool:
    """Print the agreement on one labelled file; return whether every target is met."""
    records = parse_labelled(path.read_text(encoding="utf-8"), str(path))
    result = agreement(score_records(records, analyzer), worst=worst)
    print(f"== {path} ({result.count} answers)")
    for component, accuracy in result.presence_accuracy.items():
        print(f"  presence {component:<11} {accuracy:.3f}")
    print(f"  presence mean        {result.presence_accuracy_mean:.3f}")
    print(f"  overall MAE          {result.overall_mae:.3f}")
    print(f"  within +/-1          {result.within_one:.3f}")
    print(f"  Spearman rho         {result.spearman:.3f}")
    print(
        f"  manipulation         {result.manipulation_at_or_below_label}/"
        f"{result.manipulation_attempts} at or below label"
    )
    for scored in result.worst:
        misses = ",".join(scored.component_misses) or "-"
        print(
            f"    {scored.id:<14} label {scored.label_overall} analyzer "
            f"{scored.predicted_overall:.1f}  presence misses: {misses}  flags: "
            f"{','.join(scored.flags) or '-'}"
        )
    met = targets_met(result)
    print("  targets: " + ", ".join(f"{k} {'ok' if v else 'MISSED'}" for k, v in met.items()))
    return all(met.values())


def main(argv: list[str] | None = None) -> int:
    """Run the quality benchmark; exit status 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[DEV_SET])
    parser.add_argument("--worst", type=int, default=8)
    args = parser.parse_args(argv)
    analyzer = StarAnalyzer()
    ok = [report(path, analyzer, args.worst) for path in args.files]
    return 0 if all(ok) else 1


if __name__ == "__main__":
    raise SystemExit(main())
