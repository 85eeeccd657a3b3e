"""Assemble the labelled STAR corpus and split it into a tuning split and a held-out test split.

Usage: python benchmarks/build_corpus.py SOURCE.jsonl... [--held-out FRESH.jsonl...]
                                        [--dev ../shared/eval/star_dev.jsonl]

The shared development set goes wholly into the tuning split, and every --held-out source wholly
into the test split (sets written after tuning began, never read while tuning). Every other
source is split half and half inside each (source, overall label) group, ordered by a hash of
the id, so both splits hold every source and every level. The split depends only on the ids.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "star"


def _key(record_id: str) -> str:
    return hashlib.sha256(record_id.encode()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", type=Path)
    parser.add_argument("--held-out", nargs="*", type=Path, default=[])
    parser.add_argument("--dev", type=Path, default=Path("../shared/eval/star_dev.jsonl"))
    args = parser.parse_args()
    tune = [json.loads(line) for line in args.dev.read_text().splitlines() if line.strip()]
    test = [
        json.loads(line)
        for source in args.held_out
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for source in args.sources:
        groups: dict[int, list[dict[str, object]]] = defaultdict(list)
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                groups[int(record["overall"])].append(record)
        for records in groups.values():
            records.sort(key=lambda r: _key(str(r["id"])))
            for position, record in enumerate(records):
                (test if position % 2 else tune).append(record)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, records in (("tune", tune), ("test", test)):
        records.sort(key=lambda r: str(r["id"]))
        lines = [json.dumps(r, ensure_ascii=False) for r in records]
        (OUT / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(records)} answers")


if __name__ == "__main__":
    main()
