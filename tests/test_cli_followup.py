"""`mockpanel ask`, `thank-you` and `brief` with the offline coach."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from mockpanel.cli import app

ANSWER = (
    "Last spring our checkout service failed during a sale and I was the on-call engineer. "
    "My job was to restore payments within the hour. I rolled back the release and I traced the "
    "failure to a connection pool limit. Payments were back in 18 minutes and the next sale ran "
    "with zero errors. I learned to load-test every release that touches payments."
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(app, list(args))


def assert_one_line_error(result: Result, fragment: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.stderr
    assert "Traceback" not in result.output


def finished_session(runner: CliRunner, tmp_path: Path, questions: int) -> str:
    answers = tmp_path / "answers.txt"
    answers.write_text("\n---\n".join([ANSWER] * questions), encoding="utf-8")
    result = run(
        runner,
        *("panel", "--role", "Platform Engineer", "--company", "Acme"),
        *("--answers", str(answers), "--questions", str(questions), "--seed", "3"),
    )
    assert result.exit_code == 0, result.output
    match = re.search(r"mockpanel thank-you ([0-9a-f]{8})", result.stdout)
    assert match, result.stdout
    return match.group(1)


# --- ask ----------------------------------------------------------------------------------------


def test_ask_json_gives_questions_for_each_named_panelist(runner: CliRunner) -> None:
    result = run(
        runner,
        *("ask", "--role", "Data Analyst", "--company", "Acme", "--json"),
        *("--panelist", "Ana Ruiz|Head of Analytics|joined from a bank last year"),
        *("--panelist", "Bo Chen|Senior Analyst"),
    )
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert items and all(set(item) >= {"audience", "theme", "question", "why"} for item in items)
    audiences = {item["audience"] for item in items}
    assert any("Ana Ruiz" in a for a in audiences) and any("Bo Chen" in a for a in audiences)
    questions = [item["question"] for item in items]
    assert len(questions) == len(set(questions))


def test_ask_text_groups_questions_by_audience(runner: CliRunner) -> None:
    result = run(runner, "ask", "--role", "Data Analyst", "--level", "senior")
    assert result.exit_code == 0, result.output
    as_json = json.loads(
        run(runner, "ask", "--role", "Data Analyst", "--level", "senior", "--json").stdout
    )
    audiences = list(dict.fromkeys(item["audience"] for item in as_json))
    assert len(audiences) >= 4  # the executive joins a senior panel
    headings = [line for line in result.stdout.splitlines() if line.startswith("To ask ")]
    assert headings == [f"To ask {audience}" for audience in audiences]


def test_ask_with_a_missing_job_description(runner: CliRunner, tmp_path: Path) -> None:
    assert_one_line_error(
        run(runner, "ask", "--jd", str(tmp_path / "missing.txt")), "job description not found"
    )


def test_ask_with_a_bad_panelist(runner: CliRunner) -> None:
    assert_one_line_error(run(runner, "ask", "--panelist", "no title here"), "bad --panelist")


# --- thank-you ----------------------------------------------------------------------------------


def test_thank_you_writes_one_note_per_panelist_who_spoke(
    runner: CliRunner, tmp_path: Path
) -> None:
    session_id = finished_session(runner, tmp_path, questions=2)
    result = run(runner, "thank-you", session_id, "--json")
    assert result.exit_code == 0, result.output
    notes = json.loads(result.stdout)
    assert [set(note) for note in notes] == [{"panelist", "title", "note"}] * 2
    assert [note["panelist"] for note in notes] == ["Priya Shah", "Daniel Okoro"]
    for note in notes:
        assert note["panelist"].split()[0] in note["note"]

    text = run(runner, "thank-you", session_id[:5])
    assert text.exit_code == 0, text.output
    assert "To Priya Shah (Hiring Manager)" in text.stdout
    assert "To Daniel Okoro" in text.stdout and "Claire Donnelly" not in text.stdout


def test_thank_you_for_an_unknown_session(runner: CliRunner) -> None:
    assert_one_line_error(run(runner, "thank-you", "0badc0de"), "no session")


# --- brief --------------------------------------------------------------------------------------


def test_brief_json_and_text(runner: CliRunner) -> None:
    args = ("brief", "--role", "Product Designer", "--company", "Acme", "--level", "senior")
    result = run(runner, *args, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["role"], data["company"], data["level"]) == ("Product Designer", "Acme", "senior")
    assert data["sections"] and data["checklist"]
    text = run(runner, *args)
    assert text.exit_code == 0, text.output
    assert "Product Designer at Acme (senior)" in text.stdout
    for section in data["sections"]:
        assert section["title"] in text.stdout
    assert "Checklist" in text.stdout


def test_brief_depends_on_the_level(runner: CliRunner) -> None:
    mid = json.loads(run(runner, "brief", "--level", "mid", "--json").stdout)
    senior = json.loads(run(runner, "brief", "--level", "senior", "--json").stdout)
    assert mid["sections"] != senior["sections"]


def test_brief_with_an_unknown_level(runner: CliRunner) -> None:
    result = run(runner, "brief", "--level", "intern")
    assert result.exit_code == 2 and "Traceback" not in result.output
