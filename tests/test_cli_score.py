"""`mockpanel score`: one answer, stdin, JSON contract, batches, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mockpanel.cli import app
from mockpanel.models import COMPONENTS

runner = CliRunner()

ANSWER = (
    "In my last role the month-end close took nine working days and the board pack was always "
    "late. As the finance lead I had to get it down to five days by year end. I mapped every "
    "step, I moved the bank reconciliations to daily and I automated the accrual journals. By "
    "December the close took four days and the board pack went out on time every month. I "
    "learned to fix the process before adding people."
)
NO_RESULT = (
    "Last year our support queue doubled after a pricing change and I was the team lead. I had to "
    "get response times back under a day. I split the queue by topic and I wrote three saved "
    "replies for the commonest questions."
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_json_output_follows_the_contract(tmp_path: Path) -> None:
    path = write(tmp_path, "answer.txt", ANSWER)
    result = runner.invoke(
        app, ["score", str(path), "--question", "Tell me about a process you improved.", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"overall", "components", "flags", "feedback", "provider"} <= set(data)
    assert 1 <= data["overall"] <= 5 and data["provider"] == "offline"
    assert set(data["components"]) == set(COMPONENTS)
    for part in data["components"].values():
        assert {"present", "score", "evidence"} <= set(part)
        for quote in part["evidence"]:
            assert quote in ANSWER
    assert {"landed", "sharpen", "stronger_version"} <= set(data["feedback"])
    assert data["components"]["result"]["present"] is True
    assert data["overall"] >= 4


def test_answer_from_stdin_and_human_scorecard() -> None:
    result = runner.invoke(app, ["score", "-", "-q", "Tell me about a busy time."], input=NO_RESULT)
    assert result.exit_code == 0, result.output
    assert "STAR scorecard" in result.stdout
    assert "What to sharpen" in result.stdout
    assert "[the outcome of your actions" in result.stdout  # placeholder survives rich markup
    assert "no-result" in result.stdout


def test_batch_scores_every_good_line_and_reports_bad_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "question": "Q1", "answer": ANSWER}),
        "{not json",
        json.dumps({"id": "b", "question": "Q2", "answer": NO_RESULT}),
        json.dumps({"id": "c", "question": "Q3"}),
        "",
        json.dumps({"id": 7, "answer": "   "}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    result = runner.invoke(app, ["score", "--batch", str(path)])
    assert result.exit_code == 2
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["overall"] > records[1]["overall"]
    assert "no-result" in records[1]["flags"]
    errors = result.stderr.splitlines()
    assert [e.split(":")[1].strip() for e in errors] == [
        "batch line 2",
        "batch line 4",
        "batch line 6",
    ]
    assert "Traceback" not in result.stderr


def test_batch_output_is_deterministic(tmp_path: Path) -> None:
    path = write(tmp_path, "batch.jsonl", json.dumps({"id": "a", "answer": ANSWER}) + "\n")
    first = runner.invoke(app, ["score", "--batch", str(path)])
    second = runner.invoke(app, ["score", "--batch", str(path)])
    assert first.exit_code == 0 and first.stdout == second.stdout


def test_bad_inputs_exit_2_with_one_line(tmp_path: Path) -> None:
    cases = {
        "missing": ["score", str(tmp_path / "nope.txt")],
        "empty": ["score", str(write(tmp_path, "empty.txt", "  \n\n"))],
        "binary": ["score", str(write(tmp_path, "bin.txt", b"\x00\x01\x02PNG"))],
        "latin-1": ["score", str(write(tmp_path, "latin.txt", "caf\xe9 team".encode("latin-1")))],
        "directory": ["score", str(tmp_path)],
        "both": ["score", str(write(tmp_path, "a.txt", ANSWER)), "--batch", "x.jsonl"],
        "empty batch": ["score", "--batch", str(write(tmp_path, "e.jsonl", ""))],
        "too long": ["score", str(write(tmp_path, "long.txt", "I did it. " * 120_000))],
    }
    for name, args in cases.items():
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (name, result.output)
        line = one_error_line(result.stderr)
        assert line.startswith("mockpanel: "), (name, line)


def test_empty_stdin_is_refused() -> None:
    result = runner.invoke(app, ["score", "-"], input="")
    assert result.exit_code == 2
    assert "empty" in one_error_line(result.stderr)


def test_unknown_option_is_one_line() -> None:
    result = runner.invoke(app, ["score", "--bogus"])
    assert result.exit_code == 2
    assert "--bogus" in one_error_line(result.stderr)


def test_batch_with_samples_reports_each_answers_spread(tmp_path: Path) -> None:
    path = write(tmp_path, "batch.jsonl", json.dumps({"id": "a", "answer": ANSWER}) + "\n")
    result = runner.invoke(app, ["score", "--batch", str(path), "--samples", "2"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["id"] == "a"
    # The offline scorer is deterministic: repeated judgements agree exactly.
    assert record["samples"]["samples"] == 2 and record["samples"]["overall"]["stdev"] == 0
