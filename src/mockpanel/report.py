"""Session reports: one `Report` model rendered as Markdown, self-contained HTML or JSON."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from mockpanel import __version__
from mockpanel.errors import UserError
from mockpanel.library import PromptLibrary, load_library
from mockpanel.models import (
    Component,
    Level,
    Session,
    SessionStatus,
    StarAssessment,
    TurnKind,
    Usage,
)
from mockpanel.progress import SessionPoint, session_points
from mockpanel.summary import Fix, SessionSummary, competency_name, summarize

if TYPE_CHECKING:
    from mockpanel.store import SessionStore

ReportFormat = Literal["md", "html", "json"]
FORMATS: tuple[ReportFormat, ...] = ("md", "html", "json")
_SUFFIXES: dict[str, ReportFormat] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}

COMPONENT_LABELS: dict[Component, str] = {
    "situation": "Situation",
    "task": "Task",
    "action": "Action",
    "result": "Result",
    "reflection": "Reflection",
}
READINESS_LABELS = {"ready": "Ready", "nearly": "Nearly ready", "not_yet": "Not ready yet"}


class ReportSession(BaseModel):
    """The facts about the session a report is about (never the JD or CV text)."""

    id: str
    role: str
    company: str
    level: Level
    provider: str
    model: str | None = None
    started_at: datetime
    finished_at: datetime | None = None
    status: SessionStatus
    questions_planned: int
    usage: Usage
    notes: list[str] = Field(default_factory=list)


class ReportPanelist(BaseModel):
    """A panelist as the report names them."""

    name: str
    title: str
    persona: str


class ReportTurn(BaseModel):
    """One question or probe with the answer and its assessment (None when skipped)."""

    index: int
    panelist: str
    kind: TurnKind
    competency: str
    question: str
    answer: str | None = None
    assessment: StarAssessment | None = None
    skipped: bool = False
    probe_of: int | None = None
    probe_target: Component | None = None
    notes: list[str] = Field(default_factory=list)


class Report(BaseModel):
    """Everything a report shows; `render_*` turn it into text."""

    version: str = __version__
    session: ReportSession
    panelists: list[ReportPanelist]
    turns: list[ReportTurn]
    summary: SessionSummary
    progress: list[SessionPoint] = Field(default_factory=list)
    competencies: dict[str, str] = Field(default_factory=dict)

    def turn(self, index: int) -> ReportTurn | None:
        """The turn with `index`, if any."""
        return next((t for t in self.turns if t.index == index), None)

    def competency(self, competency_id: str) -> str:
        """The display name of a competency id."""
        return self.competencies.get(competency_id, competency_id)


def fix_basis(fix: Fix, answered: int) -> str:
    """What a fix rests on, e.g. `we-heavy in 2 of 3 questions` or `result averaged 2.5`."""
    if fix.source == "habit":
        return f"{fix.key} in {fix.questions} of {answered} questions"
    return f"{fix.key} averaged {fix.average:.1f}" if fix.average is not None else fix.key


def build_report(
    session: Session, library: PromptLibrary | None = None, history: Iterable[Session] = ()
) -> Report:
    """Assemble the report of `session`; `history` (stored sessions) feeds the progress chart."""
    library = library or load_library()
    others = {s.id: s for s in history}
    others[session.id] = session  # the freshest copy of this session wins over a stored one
    settings = session.settings
    return Report(
        session=ReportSession(
            id=session.id,
            role=settings.role,
            company=settings.company,
            level=settings.level,
            provider=settings.provider,
            model=settings.model,
            started_at=session.started_at,
            finished_at=session.finished_at,
            status=session.status,
            questions_planned=settings.questions,
            usage=session.usage,
            notes=list(session.notes),
        ),
        panelists=[
            ReportPanelist(name=p.name, title=p.title, persona=p.persona) for p in session.panelists
        ],
        turns=[
            ReportTurn(
                index=t.index,
                panelist=t.panelist,
                kind=t.kind,
                competency=t.competency,
                question=t.question,
                answer=t.answer,
                assessment=None if t.skipped else t.assessment,
                skipped=t.skipped,
                probe_of=t.probe_of,
                probe_target=t.probe_target,
                notes=list(t.notes),
            )
            for t in sorted(session.turns, key=lambda t: t.index)
        ],
        summary=summarize(session, library),
        progress=session_points(others.values()),
        competencies={t.competency: competency_name(library, t.competency) for t in session.turns},
    )


def render_json(report: Report) -> str:
    """The report as indented JSON (the documented contract)."""
    return report.model_dump_json(indent=2) + "\n"


def render_markdown(report: Report) -> str:
    """The report as Markdown, readable in a terminal and on GitHub."""
    from mockpanel.report_markdown import markdown_report

    return markdown_report(report)


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG, no scripts or links)."""
    from mockpanel.report_html import html_report

    return html_report(report)


def render(report: Report, fmt: ReportFormat) -> str:
    """The report in format `fmt`."""
    renderers = {"md": render_markdown, "html": render_html, "json": render_json}
    return renderers[fmt](report)


def format_for(path: Path) -> ReportFormat:
    """The report format a file name asks for (.md, .html or .json)."""
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise UserError(f"cannot tell the report format of {path} (name it .md, .html or .json)")
    return fmt


def write_text(path: Path, text: str) -> None:
    """Write a report file, turning file-system failures into one clear error."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot write the report to {path}: {exc.strerror or exc}") from None


def write_report(
    session: Session,
    path: Path,
    library: PromptLibrary | None = None,
    store: SessionStore | None = None,
) -> Path:
    """Write the report of `session` to `path`, in the format its suffix names."""
    fmt = format_for(path)
    history = store.load_all() if store is not None else []
    write_text(path, render(build_report(session, library, history), fmt))
    return path
