"""`mockpanel panel` and `mockpanel resume` end to end, with the offline coach and a real store."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import get_args

import pytest
from typer.testing import CliRunner, Result

from mockpanel.cli import app
from mockpanel.cli import panel as cli_panel
from mockpanel.cli.chat_input import is_command, parse_command, split_answers
from mockpanel.library import load_library
from mockpanel.models import LEVELS, Session
from mockpanel.store import SessionStore

SAMPLE_ANSWERS = Path(__file__).parent / "data" / "sample-answers.txt"

STRONG = (
    "Last spring our checkout service failed during a sale and I was the on-call engineer. "
    "My job was to restore payments within the hour and find the root cause. "
    "I rolled back the release, I traced the failure to a connection pool limit, and I wrote a "
    "load test that reproduced it. Payments were back in 18 minutes, and after my fix we ran "
    "the next sale with zero errors and 30% more orders. I learned to load-test every release "
    "that touches the payment path, and I now add that check to our release checklist."
)
NO_RESULT = (
    "In my last job at a logistics firm, two regional managers kept changing the weekly plan "
    "and the warehouse team did not know which version to follow. As the planner it was my "
    "responsibility to sort it out. I met both managers, I wrote down their constraints, and I "
    "proposed a single planning meeting on Mondays with one shared spreadsheet."
)
RESULT_ONLY = (
    "After that, re-planning dropped from five times a week to once, and overtime fell by 20% "
    "within two months. Both managers asked me to run the meeting permanently."
)
SESSION_ID = re.compile(r"session ([0-9a-f]{8})")
SAVED_ID = re.compile(r"mockpanel (?:report|resume) ([0-9a-f]{8})")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def answers_file(tmp_path: Path, *answers: str, name: str = "answers.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n---\n".join(answers) + "\n", encoding="utf-8")
    return path


def run(runner: CliRunner, *args: str, input: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=input)


def flat(text: str) -> str:
    """Output with line wrapping undone, so a wrapped sentence can be found whole."""
    return " ".join(text.split())


def session_of(result: Result) -> Session:
    match = SAVED_ID.search(result.stdout)
    assert match, result.output
    with SessionStore() as store:
        return store.load(match.group(1))


def assert_one_line_error(result: Result, fragment: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mockpanel: "), result.stderr
    assert fragment in lines[0]
    assert "Traceback" not in result.output


# --- scripted runs ------------------------------------------------------------------------------


def test_scripted_panel_runs_to_the_end_and_reports(runner: CliRunner, tmp_path: Path) -> None:
    answers = answers_file(tmp_path, *[STRONG] * 6)
    report = tmp_path / "out.json"
    result = run(
        runner,
        *("panel", "--role", "Site Reliability Engineer", "--company", "Acme"),
        *("--answers", str(answers), "--seed", "11", "--report", str(report)),
    )
    assert result.exit_code == 0, result.output
    session = session_of(result)
    assert session.status == "finished"
    mains = [t for t in session.turns if t.kind == "question"]
    assert len(mains) == 6 and all(t.answer == STRONG for t in mains)
    assert len({t.question_id for t in mains}) == 6
    assert len({t.panelist for t in mains}) >= 3
    for panelist in session.panelists:
        assert f"{panelist.name} ({panelist.title}):" in result.stdout
    assert len(session.debriefs) == len(session.panelists)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["session"]["id"] == session.id and len(data["turns"]) == len(session.turns)
    assert data["summary"]["overall"] is not None
    for heading in ("Scorecard", "By competency", "What the panel thought", "Readiness"):
        assert heading in result.stdout
    assert f"mockpanel report {session.id}" in result.stdout
    assert f"mockpanel thank-you {session.id}" in result.stdout


def test_answer_without_a_result_is_probed_for_the_result(
    runner: CliRunner, tmp_path: Path
) -> None:
    answers = answers_file(tmp_path, NO_RESULT, RESULT_ONLY, STRONG)
    result = run(runner, "panel", "--answers", str(answers), "--seed", "5", "--questions", "3")
    assert result.exit_code == 0, result.output
    first, probe, following = session_of(result).turns[:3]
    assert first.assessment is not None and not first.assessment.components["result"].present
    assert probe.kind == "probe" and probe.probe_target == "result"
    assert probe.probe_of == first.index and probe.panelist == first.panelist
    library = load_library()
    question = next(
        q for c in library.competencies for q in c.questions if q.id == first.question_id
    )
    assert probe.question in question.probes.result
    assert probe.answer == RESULT_ONLY and probe.assessment is not None
    assert following.kind == "question" and following.answer == STRONG
    assert "Follow-up 1 on question 1" in result.stdout


def test_strong_answer_is_not_probed(runner: CliRunner, tmp_path: Path) -> None:
    answers = answers_file(tmp_path, STRONG, STRONG)
    result = run(runner, "panel", "--answers", str(answers), "--seed", "5", "--questions", "3")
    assert result.exit_code == 0, result.output
    turns = session_of(result).turns
    assert [t.kind for t in turns] == ["question", "question"]
    assert "Follow-up" not in result.stdout


def test_the_same_seed_replays_the_same_panel(runner: CliRunner, tmp_path: Path) -> None:
    answers = answers_file(tmp_path, NO_RESULT, RESULT_ONLY, STRONG, STRONG, STRONG)

    def questions(seed: str) -> list[str]:
        result = run(runner, "panel", "--answers", str(answers), "--seed", seed)
        assert result.exit_code == 0, result.output
        return [t.question for t in session_of(result).turns]

    assert questions("21") == questions("21")
    assert questions("21") != questions("22")


def test_unseeded_panel_stores_its_seed(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "panel", "--answers", str(answers_file(tmp_path, STRONG)))
    assert result.exit_code == 0, result.output
    assert session_of(result).settings.seed is not None


def test_skip_in_the_answers_file_skips_the_question(runner: CliRunner, tmp_path: Path) -> None:
    answers = answers_file(tmp_path, "/skip", STRONG)
    result = run(runner, "panel", "--answers", str(answers), "--seed", "3")
    assert result.exit_code == 0, result.output
    skipped, answered = session_of(result).turns[:2]
    assert skipped.skipped and skipped.answer is None and skipped.kind == "question"
    assert answered.kind == "question" and answered.answer == STRONG
    assert "skipped" in result.stdout


def test_unknown_command_is_not_taken_as_an_answer(runner: CliRunner, tmp_path: Path) -> None:
    answers = answers_file(tmp_path, "/dance", STRONG)
    result = run(runner, "panel", "--answers", str(answers), "--seed", "3")
    assert result.exit_code == 0, result.output
    assert "Unknown command /dance" in result.stdout
    assert session_of(result).turns[0].answer == STRONG


def test_answers_file_format() -> None:
    text = "first\nanswer\n---\n\n---\nsecond\n  ---  \n/skip\n---\n"
    assert split_answers(text) == ["first\nanswer", "second", "/skip"]
    assert is_command("/skip") and is_command(" /HINT ") and parse_command("/HINT") == "hint"
    assert not is_command("I keep scripts in /usr/local/bin") and not is_command("/skip it")
    assert parse_command("/dance") is None


def test_answers_running_out_end_the_session_normally(runner: CliRunner, tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    answers = answers_file(tmp_path, STRONG, STRONG)
    result = run(runner, "panel", "--answers", str(answers), "--report", str(report))
    assert result.exit_code == 0, result.output
    session = session_of(result)
    assert session.status == "finished"
    assert [t.answer for t in session.turns] == [STRONG, STRONG]  # nothing asked unanswered
    assert report.read_text(encoding="utf-8").strip()
    assert f"mockpanel resume {session.id}" in result.stdout  # four questions are still open


def test_live_feedback_follows_each_main_answer(runner: CliRunner, tmp_path: Path) -> None:
    answers = answers_file(tmp_path, STRONG, STRONG)
    live = run(runner, "panel", "--answers", str(answers), "--feedback", "live", "--seed", "2")
    end = run(runner, "panel", "--answers", str(answers), "--feedback", "end", "--seed", "2")
    assert live.exit_code == end.exit_code == 0
    assert live.stdout.count("Feedback on your answer") == 2
    assert "Feedback on your answer" not in end.stdout


def test_explicit_panelists_replace_the_default_panel(runner: CliRunner, tmp_path: Path) -> None:
    answers = answers_file(tmp_path, *[STRONG] * 3)
    result = run(
        runner,
        *("panel", "--answers", str(answers), "--questions", "3", "--seed", "4"),
        *("--panelist", "Ana Ruiz|VP Engineering|built the platform team"),
        *("--panelist", "Bo Chen|Engineering Manager"),
        *("--panelist", "Cy Park|Staff Engineer"),
    )
    assert result.exit_code == 0, result.output
    session = session_of(result)
    assert [(p.name, p.persona) for p in session.panelists] == [
        ("Ana Ruiz", "department-head"),
        ("Bo Chen", "hiring-manager"),
        ("Cy Park", "peer"),
    ]
    assert session.panelists[0].notes == "built the platform team"
    assert {t.panelist for t in session.turns} == {"Ana Ruiz", "Bo Chen", "Cy Park"}


def test_senior_level_adds_the_executive(runner: CliRunner, tmp_path: Path) -> None:
    answers = answers_file(tmp_path, *[STRONG] * 4)
    result = run(runner, "panel", "--answers", str(answers), "--level", "senior", "--seed", "1")
    assert result.exit_code == 0, result.output
    personas = [p.persona for p in session_of(result).panelists]
    assert personas == ["hiring-manager", "peer", "department-head", "executive"]


def test_job_description_steers_the_competencies(runner: CliRunner, tmp_path: Path) -> None:
    jd = tmp_path / "jd.txt"
    jd.write_text(
        "You will own the customer experience: handle client escalations, improve customer "
        "service, and turn customers' complaints into product changes.",
        encoding="utf-8",
    )
    answers = answers_file(tmp_path, *[STRONG] * 3)
    picked = 0
    for seed in range(5):
        result = run(
            runner,
            *("panel", "--answers", str(answers), "--questions", "3", "--seed", str(seed)),
            *("--jd", str(jd)),
        )
        assert result.exit_code == 0, result.output
        session = session_of(result)
        assert session.settings.jd.startswith("You will own")
        picked += "customer-focus" in {t.competency for t in session.turns}
    assert picked == 5


# --- pause and resume ---------------------------------------------------------------------------


def test_pause_then_resume_continues_where_it_stopped(runner: CliRunner, tmp_path: Path) -> None:
    first = answers_file(tmp_path, STRONG, "/pause", STRONG, name="first.txt")
    paused = run(runner, "panel", "--answers", str(first), "--seed", "9", "--questions", "3")
    assert paused.exit_code == 0, paused.output
    session = session_of(paused)
    assert session.status == "paused"
    assert f"mockpanel resume {session.id}" in paused.stdout
    assert [t.answer for t in session.turns] == [STRONG, None]
    waiting = session.turns[1].question

    rest = answers_file(tmp_path, STRONG, STRONG, name="rest.txt")
    resumed = run(runner, "resume", session.id[:6], "--answers", str(rest))
    assert resumed.exit_code == 0, resumed.output
    assert flat(waiting) in flat(resumed.stdout)
    with SessionStore() as store:
        done = store.load(session.id)
    assert done.status == "finished"
    assert [t.answer for t in done.turns] == [STRONG, STRONG, STRONG]
    assert done.turns[0].model_dump() == session.turns[0].model_dump()
    assert done.turns[1].question == waiting


def test_resume_of_a_finished_session_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    answers = answers_file(tmp_path, STRONG)
    done = run(runner, "panel", "--answers", str(answers), "--questions", "1", "--seed", "6")
    assert done.exit_code == 0, done.output
    session = session_of(done)
    assert session.status == "finished"
    result = run(runner, "resume", session.id, "--answers", str(answers))
    assert_one_line_error(result, "every question was answered")


def test_interactive_chat_commands(runner: CliRunner) -> None:
    typed = "\n".join(["/help", "/hint", "/repeat", *textwrap.wrap(STRONG, 70), "", "/quit", ""])
    result = run(runner, "panel", "--seed", "8", "--questions", "4", input=typed)
    assert result.exit_code == 0, result.output
    library = load_library()
    output = flat(result.stdout)
    assert "/pause" in output  # /help
    assert flat(library.phrase("phrases.hint.star")) in output  # /hint
    session = session_of(result)
    first = session.turns[0]
    assert output.count(flat(first.question)) == 2  # /repeat
    assert first.answer == "\n".join(textwrap.wrap(STRONG, 70))
    assert session.status == "finished"
    assert session.turns[-1].skipped  # /quit leaves the open question unanswered
    assert "Scorecard" in result.stdout


def test_ctrl_c_at_the_prompt_pauses(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    replies = iter([STRONG, ""])

    def typing(prompt: str = "") -> str:
        try:
            return next(replies)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr("builtins.input", typing)
    result = run(runner, "panel", "--seed", "8")
    assert result.exit_code == 0, result.output
    session = session_of(result)
    assert session.status == "paused"
    assert session.turns[0].answer == STRONG
    assert f"mockpanel resume {session.id}" in result.stdout


def test_killed_session_resumes_with_every_answer_intact(tmp_path: Path) -> None:
    """SIGKILL a real process mid-session, then resume it from the store."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mockpanel", "panel", "--seed", "13", "--questions", "4"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(x) for x in process.stdout], daemon=True)
    reader.start()

    def wait_for(pattern: str) -> str:
        while True:
            line = lines.get(timeout=30)
            if re.search(pattern, line):
                return line

    try:
        header = wait_for(SESSION_ID.pattern)
        session_id = SESSION_ID.search(header).group(1)  # type: ignore[union-attr]
        prompts = r"(Question \d of 4|Follow-up \d)"
        wait_for(prompts)
        for _ in range(2):
            process.stdin.write(STRONG + "\n\n")
            process.stdin.flush()
            wait_for(prompts)  # the answer is stored before the next prompt appears
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)
        reader.join(timeout=30)  # the pipe reaches its end once the process is gone
        process.stdin.close()
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL

    with SessionStore() as store:
        killed = store.load(session_id)
    assert killed.status == "active"
    assert [t.answer for t in killed.turns] == [STRONG, STRONG, None]

    rest = answers_file(tmp_path, STRONG, STRONG)
    resumed = CliRunner().invoke(app, ["resume", session_id, "--answers", str(rest)])
    assert resumed.exit_code == 0, resumed.output
    with SessionStore() as store:
        done = store.load(session_id)
    assert done.status == "finished"
    assert [t.answer for t in done.turns] == [STRONG] * 4
    assert [t.question for t in done.turns[:3]] == [t.question for t in killed.turns]


# --- the sample answers -------------------------------------------------------------------------


def test_sample_answers_make_a_complete_demo(runner: CliRunner) -> None:
    result = run(runner, "panel", "--answers", str(SAMPLE_ANSWERS), "--seed", "1")
    assert result.exit_code == 0, result.output
    session = session_of(result)
    answered = [t for t in session.turns if t.answer]
    assert len(answered) >= 6
    assert len([t for t in answered if t.kind == "question"]) == 6  # the whole panel is answered
    assert any(t.kind == "probe" for t in session.turns)
    scores = [t.assessment.overall for t in answered if t.assessment is not None]
    assert max(scores) >= 4 and min(scores) <= 2  # mixed quality, as the demo promises


# --- bad input ----------------------------------------------------------------------------------


def test_missing_job_description_file(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "panel", "--jd", str(tmp_path / "nope.txt"))
    assert_one_line_error(result, "job description not found")


def test_binary_cv(runner: CliRunner, tmp_path: Path) -> None:
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(b"%PDF-1.7\x00\x01\x02binary")
    result = run(runner, "panel", "--cv", str(cv))
    assert_one_line_error(result, "looks binary")


@pytest.mark.parametrize("content", ["", "---\n\n---\n", "  \n"])
def test_answers_file_without_answers(runner: CliRunner, tmp_path: Path, content: str) -> None:
    path = tmp_path / "answers.txt"
    path.write_text(content, encoding="utf-8")
    result = run(runner, "panel", "--answers", str(path))
    assert_one_line_error(result, "answers file")


def test_bad_panelist(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "panel", "--panelist", "Just A Name", "--answers", str(SAMPLE_ANSWERS))
    assert_one_line_error(result, "bad --panelist")


def test_unknown_session_for_resume(runner: CliRunner) -> None:
    assert_one_line_error(run(runner, "resume", "deadbeef"), "no session")


def test_report_name_without_a_format(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "panel", "--answers", str(SAMPLE_ANSWERS), "--report", "out.pdf")
    assert_one_line_error(result, "report format")
    with SessionStore() as store:
        assert store.list_sessions() == []  # refused before any session was created


def test_level_choices_match_the_model() -> None:
    assert get_args(cli_panel.Level) == LEVELS


def test_bad_level(runner: CliRunner) -> None:
    result = run(runner, "panel", "--level", "intern")
    assert result.exit_code == 2 and "Traceback" not in result.output
