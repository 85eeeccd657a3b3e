"""`mockpanel sessions`, `report` and `progress` through the real command line."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mockpanel.cli import app
from mockpanel.models import Session
from mockpanel.store import SessionStore
from session_builders import T0, sample_session

runner = CliRunner()


def store_sessions(*sessions: Session) -> None:
    with SessionStore() as store:
        for session in sessions:
            store.create(session)


@pytest.fixture
def three() -> list[Session]:
    """Three sessions a day apart, each better than the last."""
    sessions = [
        sample_session(session_id, T0 + timedelta(days=n), level)
        for n, (session_id, level) in enumerate(
            [("abcd1234", 2.0), ("abcd5678", 3.0), ("ef012345", 4.0)]
        )
    ]
    store_sessions(*sessions)
    return sessions


def test_sessions_json_lists_newest_first(three: list[Session]) -> None:
    result = runner.invoke(app, ["sessions", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == ["ef012345", "abcd5678", "abcd1234"]
    for row in rows:
        assert {"id", "started_at", "role", "company", "questions", "overall"} <= set(row)
    assert rows[0]["questions"] == 2
    assert rows[0]["overall"] == summary_overall(three[2])


def summary_overall(session: Session) -> float:
    # question 1: best of main (level - 1) and its one probe (level, less the probe discount);
    # question 3: level + 1
    level = {"abcd1234": 2.0, "abcd5678": 3.0, "ef012345": 4.0}[session.id]
    return (level - 0.5 + min(5.0, level + 1)) / 2


def test_sessions_table_shows_every_session(three: list[Session]) -> None:
    result = runner.invoke(app, ["sessions"])
    assert result.exit_code == 0, result.output
    for session in three:
        assert session.id in result.stdout
    assert "3 stored sessions" in result.stdout
    assert "4.2" in result.stdout  # the latest session's overall, 4.25


def test_sessions_with_an_empty_store() -> None:
    result = runner.invoke(app, ["sessions"])
    assert result.exit_code == 0
    assert "No sessions yet" in result.stdout
    assert json.loads(runner.invoke(app, ["sessions", "--json"]).stdout) == []


def test_report_of_an_unknown_session_is_one_line_and_exit_2(three: list[Session]) -> None:
    result = runner.invoke(app, ["report", "99999999"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("mockpanel: no session with id '99999999'")
    assert "Traceback" not in result.output


def test_report_with_an_ambiguous_prefix_names_the_candidates(three: list[Session]) -> None:
    result = runner.invoke(app, ["report", "abcd"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "ambiguous" in result.stderr
    assert "abcd1234" in result.stderr and "abcd5678" in result.stderr


def test_report_prints_markdown_for_a_prefix(three: list[Session]) -> None:
    result = runner.invoke(app, ["report", "ef01"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Mock panel report: Data Engineer at Northwind")
    assert "Session `ef012345`" in result.stdout
    assert "I ran a design review (situation)" in result.stdout
    assert "\\<script\\>" in result.stdout


def test_report_to_a_file_takes_the_format_from_its_suffix(
    three: list[Session], tmp_path: Path
) -> None:
    target = tmp_path / "panel.html"
    result = runner.invoke(app, ["report", "abcd1234", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (f"Wrote the html report of session abcd1234 to {target}")
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;" in page and "<script" not in page


def test_report_json_format_flag(three: list[Session], tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "ef012345", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["session"]["id"] == "ef012345"
    assert data["summary"]["overall"] == 4.25
    assert [p["id"] for p in data["progress"]] == ["abcd1234", "abcd5678", "ef012345"]
    target = tmp_path / "out.txt"
    written = runner.invoke(app, ["report", "ef012345", "--format", "json", "-o", str(target)])
    assert written.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["session"]["id"] == "ef012345"


def test_report_refuses_an_unknown_suffix_or_format(three: list[Session], tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "ef012345", "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and ".md, .html or .json" in result.stderr
    assert not (tmp_path / "r.pdf").exists()
    bad = runner.invoke(app, ["report", "ef012345", "--format", "pdf"])
    assert bad.exit_code == 2


def test_progress_json_across_sessions(three: list[Session]) -> None:
    result = runner.invoke(app, ["progress", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [p["id"] for p in data["sessions"]] == ["abcd1234", "abcd5678", "ef012345"]
    trends = {t["series"]: t for t in data["trends"]}
    assert trends["overall"]["first"] == 2.25 and trends["overall"]["latest"] == 4.25
    assert trends["overall"]["change"] == 2.0 and trends["overall"]["trend"] == "improving"
    assert trends["situation"]["trend"] == "steady"  # situation scores 4 in every session
    assert trends["reflection"]["mean"] == 1.5
    habits = {h["habit"]: h for h in data["habits"]}
    assert habits["we-heavy"] == {"habit": "we-heavy", "sessions": 3, "questions": 6}
    assert habits["no-result"]["sessions"] == 3
    assert data["habits"][0]["habit"] == "we-heavy"


def test_progress_tables(three: list[Session]) -> None:
    result = runner.invoke(app, ["progress"])
    assert result.exit_code == 0, result.output
    assert "improving" in result.stdout
    assert "we-heavy" in result.stdout
    for session in three:
        assert session.id in result.stdout


def test_progress_without_scored_sessions() -> None:
    result = runner.invoke(app, ["progress"])
    assert result.exit_code == 0
    assert "No scored sessions yet" in result.stdout
