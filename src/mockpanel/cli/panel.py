"""`mockpanel panel` and `mockpanel resume`: a mock second-round panel in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from mockpanel.cli.app import app, state

if TYPE_CHECKING:
    from rich.console import Console

    from mockpanel.cli.panel_chat import Outcome, ReplySource
    from mockpanel.config import Settings
    from mockpanel.panel import PanelSession
    from mockpanel.store import SessionStore

# `models.Level` spelled out: importing the models (pydantic) here would slow every `--help`.
Level = Literal["junior", "mid", "senior", "executive"]

AnswersOption = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        help="Scripted run: answers separated by lines holding only '---', used in order by each "
        "question or follow-up.",
    ),
]
ReportOption = Annotated[
    Path | None,
    typer.Option("--report", help="Also write the report to FILE.md, FILE.html or FILE.json."),
]
ProviderOption = Annotated[
    str | None, typer.Option("--provider", help="offline, openai or local (default: detected).")
]
ModelOption = Annotated[str | None, typer.Option("--model", help="Model name for the provider.")]
BaseUrlOption = Annotated[
    str | None, typer.Option("--base-url", help="An OpenAI-compatible server, e.g. http://HOST/v1.")
]


@app.command("panel")
def panel(
    role: Annotated[
        str | None, typer.Option("--role", help="The job you are interviewing for.")
    ] = None,
    company: Annotated[str | None, typer.Option("--company", help="The company.")] = None,
    level: Annotated[
        Level, typer.Option("--level", help="Role level; senior and executive add an executive.")
    ] = "mid",
    jd: Annotated[Path | None, typer.Option("--jd", help="Job description (text file).")] = None,
    cv: Annotated[Path | None, typer.Option("--cv", help="Your CV (text file).")] = None,
    panelist: Annotated[
        list[str] | None,
        typer.Option(
            "--panelist",
            metavar="NAME|TITLE|NOTES",
            help='A real panelist, "Name|Title|notes" (repeatable); replaces the default panel.',
        ),
    ] = None,
    questions: Annotated[
        int, typer.Option("--questions", min=1, max=30, metavar="N", help="Main questions to ask.")
    ] = 6,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Replay the same panel and questions.")
    ] = None,
    answers: AnswersOption = None,
    report: ReportOption = None,
    provider: ProviderOption = None,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    feedback: Annotated[
        Literal["live", "end"],
        typer.Option("--feedback", help="live: feedback after each answer; end: all at the end."),
    ] = "end",
) -> None:
    """Run a mock second-round panel: questions, follow-ups, STAR scores and a debrief."""
    from mockpanel.cli.coaching import open_coach
    from mockpanel.config import resolve_settings
    from mockpanel.inputs import read_text_file
    from mockpanel.library import load_library
    from mockpanel.models import SessionSettings
    from mockpanel.panel import PanelSession, parse_panelist
    from mockpanel.store import SessionStore

    _check_report_path(report)
    jd_text = read_text_file(jd, "job description") if jd is not None else ""
    cv_text = read_text_file(cv, "CV") if cv is not None else ""
    source = _reply_source(answers)
    settings = resolve_settings(
        provider=provider, model=model, base_url=base_url, prompts_dir=state.prompts_dir
    )
    library = load_library(settings.prompts_dir)
    members = [parse_panelist(spec, library) for spec in panelist or []]
    # Blank names fall back to the model's neutral defaults.
    named: dict[str, Any] = {
        k: v.strip() for k, v in (("role", role), ("company", company)) if v and v.strip()
    }
    session_settings = SessionSettings(
        **named,
        level=level,
        jd=jd_text,
        cv=cv_text,
        questions=questions,
        seed=seed,
        feedback_mode=feedback,
        model=settings.model,
    )
    with open_coach(settings) as coach, SessionStore() as store:
        started = PanelSession.start(coach, store, session_settings, members)
        _run(started, source, store, settings, report, resumed=False)


@app.command("resume")
def resume(
    session_id: Annotated[str, typer.Argument(help="The session id (or a unique prefix).")],
    answers: AnswersOption = None,
    report: ReportOption = None,
) -> None:
    """Continue a paused or interrupted panel where it stopped."""
    from mockpanel.cli.coaching import open_coach
    from mockpanel.config import resolve_settings
    from mockpanel.panel import PanelSession
    from mockpanel.store import SessionStore

    _check_report_path(report)
    source = _reply_source(answers)
    with SessionStore() as store:
        stored = store.load(session_id)
        # The session keeps the provider it started with, so all its answers are scored alike.
        settings = resolve_settings(
            provider=stored.settings.provider,
            model=stored.settings.model,
            prompts_dir=state.prompts_dir,
        )
        with open_coach(settings) as coach:
            resumed = PanelSession.resume(coach, store, stored)
            _run(resumed, source, store, settings, report, resumed=True)


# --- shared by both commands --------------------------------------------------------------------


def _check_report_path(report: Path | None) -> None:
    """Refuse a report name with an unknown format before the panel starts, not after it."""
    if report is not None:
        from mockpanel.report import format_for

        format_for(report)


def _reply_source(answers: Path | None) -> ReplySource:
    from mockpanel.cli.chat_input import ScriptedAnswers, TerminalAnswers

    return ScriptedAnswers.from_file(answers) if answers is not None else TerminalAnswers()


def _run(
    panel: PanelSession,
    source: ReplySource,
    store: SessionStore,
    settings: Settings,
    report: Path | None,
    *,
    resumed: bool,
) -> None:
    from mockpanel.cli.chat_input import TerminalAnswers
    from mockpanel.cli.panel_chat import PanelChat
    from mockpanel.cli.render import console

    out = console()
    chat = PanelChat(
        panel,
        source,
        out,
        slow=settings.uses_model,
        pause_at_end_of_input=isinstance(source, TerminalAnswers) and source.interactive,
    )
    outcome = chat.run(resumed=resumed)
    _conclude(outcome, panel, store, out, report)


def _conclude(
    outcome: Outcome, panel: PanelSession, store: SessionStore, out: Console, report: Path | None
) -> None:
    from mockpanel.cli import panel_view as view
    from mockpanel.report import write_report
    from mockpanel.summary import summarize

    session = panel.session
    if outcome == "paused":
        view.show_paused(out, session.id)
        return
    view.show_summary(out, summarize(session, panel.library), panel.library)
    if report is not None:
        written = write_report(session, report, panel.library, store)
        out.print(f"Report written to {written}", markup=False)
    view.show_next_steps(out, session.id, can_resume=panel.has_more())
