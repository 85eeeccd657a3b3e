"""`mockpanel eval`: agreement table, JSON output and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mockpanel.cli import app
from star_answers import HYPOTHETICAL, STRONG

LABELS_ALL = dict.fromkeys(("situation", "task", "action", "result", "reflection"), True)
LABELS_NONE = dict.fromkeys(LABELS_ALL, False)


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "labelled.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _records() -> list[str]:
    return [
        json.dumps(
            {
                "id": "good",
                "question": "Tell me about a crisis.",
                "answer": STRONG,
                "labels": LABELS_ALL,
                "overall": 5,
                "tags": [],
            }
        ),
        json.dumps(
            {
                "id": "imagined",
                "question": "Tell me about a missed deadline.",
                "answer": HYPOTHETICAL,
                "labels": LABELS_NONE,
                "overall": 3,
                "tags": [],
            }
        ),
    ]


def test_eval_prints_the_agreement_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(_write(tmp_path, _records()))])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2 labelled answers" in out
    assert "within +/-1        0.500" in out
    assert "worst disagreements" in out
    assert "imagined" in out.split("worst disagreements")[1]


def test_eval_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(_write(tmp_path, _records())), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["count"] == 2
    assert data["presence_accuracy"]["action"] == 1.0
    assert data["within_one"] == 0.5
    assert data["worst"][0]["id"] == "imagined"
    assert data["worst"][0]["label"] == 3 and data["worst"][0]["predicted"] == 1.0


def test_eval_missing_file_exits_2_with_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "labelled file not found" in result.stderr


def test_eval_bad_line_names_it(tmp_path: Path) -> None:
    path = _write(tmp_path, [*_records(), '{"id": "broken", "answer": "x"'])
    result = CliRunner().invoke(app, ["eval", str(path)])
    assert result.exit_code == 2
    assert f"{path}:3: not valid JSON" in result.stderr
    assert result.stderr.strip().count("\n") == 0
