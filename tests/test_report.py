"""Reports: Markdown, self-contained HTML and JSON show the evidence and escape user text."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mockpanel.errors import UserError
from mockpanel.library import PromptLibrary, load_library
from mockpanel.models import Panelist, PanelistDebrief, Session
from mockpanel.report import (
    Report,
    build_report,
    render_html,
    render_json,
    render_markdown,
    write_report,
)
from mockpanel.report_html import component_bar_chart
from mockpanel.store import SessionStore
from session_builders import T0, empty_session, sample_session, with_usage

SCRIPT = "<script>alert('x')</script>"
EVIDENCE = "We rebuilt the ingestion job (situation)"
VOID = {"meta", "br", "hr", "img", "input", "link", "circle", "line", "rect", "polyline"}


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return load_library()


def history(*levels: float) -> list[Session]:
    """Earlier sessions, one day apart, at the given score levels."""
    return [
        sample_session(f"0000000{n}", T0 - timedelta(days=len(levels) - n), level)
        for n, level in enumerate(levels)
    ]


@pytest.fixture
def report(library: PromptLibrary) -> Report:
    return build_report(with_usage(sample_session()), library, history(2.0, 2.5))


class TagBalance(HTMLParser):
    """Records tags left open or closed out of order (void elements excepted)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
            return
        self.stack.pop()


def test_markdown_shows_scores_evidence_feedback_and_fixes(report: Report) -> None:
    md = render_markdown(report)
    assert md.startswith("# Mock panel report: Data Engineer at Northwind")
    assert EVIDENCE in md
    assert "Say what changed in numbers." in md  # per-answer feedback
    assert "### Question 1 · Ownership" in md
    assert "#### Follow-up for result" in md
    assert "_Skipped._" in md
    assert report.summary.readiness is not None and report.summary.readiness.text in md
    for fix in report.summary.top_fixes:
        assert fix.text in md
    assert "Clear on the problem, vague on your own part." in md  # panelist debrief
    assert "12,345 prompt + 678 completion tokens over 9 model calls" in md
    assert "the judge's JSON failed twice" in md
    assert "## Progress across sessions" in md and "`abcd1234` ◀" in md


def test_markdown_escapes_html_and_table_breakers(library: PromptLibrary) -> None:
    session = sample_session()
    session.settings.role = "Lead | <b>Data</b>"
    md = render_markdown(build_report(session, library))
    assert "<script>" not in md and "\\<script\\>" in md
    assert "<b>" not in md and "Lead \\| \\<b\\>Data\\</b\\>" in md


def test_token_usage_only_when_tokens_were_spent(library: PromptLibrary) -> None:
    report = build_report(sample_session(), library)
    assert "Token usage" not in render_markdown(report)
    assert "Token usage" not in render_html(report)
    assert "Token usage" in render_html(build_report(with_usage(sample_session()), library))


def test_html_is_one_self_contained_well_formed_page(report: Report) -> None:
    page = render_html(report)
    lowered = page.lower()
    for banned in ("http:", "https:", "//cdn", "src=", "href=", "url(", "@import", "<link"):
        assert banned not in lowered, banned
    assert "<script" not in lowered
    checker = TagBalance()
    checker.feed(page)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    assert checker.tags.count("svg") == 2  # components bar chart + progress line chart
    assert "<style>" in page


def test_html_escapes_every_piece_of_user_text(library: PromptLibrary) -> None:
    session = sample_session()
    session.settings.role = '<img src=x onerror="alert(1)">'
    session.panelists = [
        Panelist(name='Hana"><svg onload=alert(2)>', title="<i>EM</i>", persona="hiring-manager"),
    ]
    for turn in session.turns:
        turn.panelist = session.panelists[0].name
    session.debriefs = [
        PanelistDebrief(
            panelist=session.panelists[0].name,
            title="EM",
            persona="hiring-manager",
            impression="<iframe>",
            strengths=["<u>x</u>"],
        )
    ]
    page = render_html(build_report(session, library))
    for raw in ("<img", "<svg onload", "<i>EM", "<iframe", "<u>", "<script"):
        assert raw not in page, raw
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


def test_html_shows_evidence_feedback_panel_and_fixes(report: Report) -> None:
    page = render_html(report)
    assert "“We rebuilt the ingestion job (situation)”" in page
    assert "Say what changed in numbers." in page
    assert "Clear on the problem, vague on your own part." in page
    for fix in report.summary.top_fixes:
        assert fix.text.replace('"', "&quot;") in page
    assert "12,345 prompt" in page


def test_bar_chart_draws_one_bar_per_scored_component() -> None:
    svg = component_bar_chart(
        {"situation": 4.0, "task": 2.5, "action": None, "result": 1.0, "reflection": 5.0}
    )
    heights = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', svg)]
    assert len(heights) == 4
    assert heights[3] == pytest.approx(heights[2] * 5)  # reflection 5.0 vs result 1.0
    assert "n/a" in svg


def test_progress_chart_has_a_point_per_session_for_each_score(report: Report) -> None:
    page = render_html(report)
    progress = page[page.index("Progress across sessions") :]
    overall_line = re.search(r'<polyline points="([^"]+)"', progress)
    assert overall_line is not None
    assert len(overall_line.group(1).split()) == 3  # two earlier sessions + this one
    assert progress.count("<circle") == 3 * 6  # overall + five components


def test_progress_uses_history_and_the_fresh_copy_of_this_session(
    library: PromptLibrary,
) -> None:
    stale = sample_session(level=1.0)
    fresh = sample_session(level=4.0)
    report = build_report(fresh, library, [*history(2.0), stale])
    assert [p.id for p in report.progress] == ["00000000", "abcd1234"]
    assert report.progress[-1].overall == report.summary.overall


def test_json_report_holds_the_contract(report: Report) -> None:
    data = json.loads(render_json(report))
    session = data["session"]
    for key in ("id", "role", "company", "provider", "level", "started_at", "finished_at"):
        assert key in session
    assert session["usage"] == {"prompt_tokens": 12345, "completion_tokens": 678, "calls": 9}
    assert "jd" not in session and "cv" not in session
    assert data["panelists"][0] == {
        "name": "Hana Ito",
        "title": "Engineering Manager",
        "persona": "hiring-manager",
    }
    turns = data["turns"]
    assert [t["kind"] for t in turns] == ["question", "probe", "question", "question"]
    for turn in turns:
        assert {"panelist", "kind", "competency", "question", "answer", "assessment"} <= set(turn)
    source = sample_session().turns[0].assessment
    assert source is not None
    assert turns[0]["assessment"] == source.model_dump(mode="json")
    assert turns[2]["assessment"] is None
    summary = data["summary"]
    for key in ("overall", "components", "per_competency", "per_panelist", "readiness"):
        assert key in summary
    assert summary["overall"] == 3.25
    assert set(summary["components"]) == {"situation", "task", "action", "result", "reflection"}
    assert summary["readiness"]["label"] == "nearly"
    assert 1 <= len(summary["top_fixes"]) <= 3
    assert all(fix["text"] for fix in summary["top_fixes"])
    assert EVIDENCE in json.dumps(data)


def test_write_report_picks_the_format_from_the_suffix(
    tmp_path: Path, library: PromptLibrary
) -> None:
    session = sample_session()
    with SessionStore(tmp_path / "db.sqlite") as store:
        for earlier in history(2.0):
            store.create(earlier)
        store.create(session)
        write_report(session, tmp_path / "r.md", library, store)
        write_report(session, tmp_path / "r.HTML", library, store)
        write_report(session, tmp_path / "r.json", library, store)
        with pytest.raises(UserError, match=r"\.md, \.html or \.json"):
            write_report(session, tmp_path / "r.txt", library, store)
        with pytest.raises(UserError, match="cannot write the report"):
            write_report(session, tmp_path / "missing" / "r.md", library, store)
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Mock panel report")
    assert (tmp_path / "r.HTML").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in data["progress"]] == ["00000000", "abcd1234"]
    assert not (tmp_path / "r.txt").exists()


def test_a_session_without_answers_still_renders(library: PromptLibrary) -> None:
    report = build_report(empty_session(), library)
    assert "No answer was scored in this session." in render_markdown(report)
    page = render_html(report)
    assert "No answer was scored in this session." in page
    assert page.count("n/a") == 5  # every bar is missing
    assert json.loads(render_json(report))["summary"]["readiness"] is None
