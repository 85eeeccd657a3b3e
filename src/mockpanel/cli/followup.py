"""`mockpanel ask`, `thank-you` and `brief`: preparing for the panel and following it up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mockpanel.cli.app import app, state
from mockpanel.cli.panel import BaseUrlOption, Level, ModelOption, ProviderOption

if TYPE_CHECKING:
    from mockpanel.config import Settings

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
RoleOption = Annotated[str | None, typer.Option("--role", help="The job you are interviewing for.")]
CompanyOption = Annotated[str | None, typer.Option("--company", help="The company.")]
LevelOption = Annotated[Level, typer.Option("--level", help="Role level.")]


@app.command("ask")
def ask(
    role: RoleOption = None,
    company: CompanyOption = None,
    level: LevelOption = "mid",
    jd: Annotated[Path | None, typer.Option("--jd", help="Job description (text file).")] = None,
    panelist: Annotated[
        list[str] | None,
        typer.Option(
            "--panelist",
            metavar="NAME|TITLE|NOTES",
            help='Someone you will meet, "Name|Title|notes" (repeatable).',
        ),
    ] = None,
    as_json: JsonOption = False,
    provider: ProviderOption = None,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
) -> None:
    """Questions to ask the panel, tailored to each interviewer."""
    from mockpanel.cli.coaching import open_coach, show_coach_notes
    from mockpanel.cli.render import console, print_json
    from mockpanel.inputs import read_text_file
    from mockpanel.library import load_library
    from mockpanel.models import DEFAULT_COMPANY, DEFAULT_ROLE, AskRequest
    from mockpanel.panel import parse_panelist

    jd_text = read_text_file(jd, "job description") if jd is not None else ""
    settings = _settings(provider, model, base_url)
    library = load_library(settings.prompts_dir)
    request = AskRequest(
        role=role or DEFAULT_ROLE,
        company=company or DEFAULT_COMPANY,
        level=level,
        jd=jd_text,
        panelists=[parse_panelist(spec, library) for spec in panelist or []],
    )
    with open_coach(settings) as coach:
        questions = coach.questions_to_ask(request)
        show_coach_notes(coach)
    if as_json:
        print_json([q.model_dump(mode="json") for q in questions])
        return
    from rich.text import Text

    from mockpanel.cli.panel_view import listing

    out = console()
    for audience in dict.fromkeys(q.audience for q in questions):
        out.print(Text(f"To ask {audience}", style="bold"))
        entries = [
            Text(item.question).append(f"\nWhy: {item.why}" if item.why else "", style="dim")
            for item in questions
            if item.audience == audience
        ]
        out.print(listing(entries, numbered=True))
        out.print()


@app.command("thank-you")
def thank_you(
    session_id: Annotated[str, typer.Argument(help="The session id (or a unique prefix).")],
    as_json: JsonOption = False,
    provider: ProviderOption = None,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
) -> None:
    """A thank-you note to each panelist who spoke in a session."""
    from mockpanel.cli.coaching import open_coach, show_coach_notes
    from mockpanel.cli.render import console, print_json
    from mockpanel.panel import panelists_who_spoke
    from mockpanel.store import SessionStore

    with SessionStore() as store:
        session = store.load(session_id)
    speakers = panelists_who_spoke(session)
    settings = _settings(provider, model, base_url)
    if not speakers:
        # Nothing to write: no model is needed, and none is started.
        settings = settings.model_copy(update={"provider": "offline", "notice": None})
    with open_coach(settings) as coach:
        notes = [coach.thank_you(session, p) for p in speakers]
        show_coach_notes(coach)
    if as_json:
        print_json([note.model_dump(mode="json") for note in notes])
        return
    from rich.text import Text

    out = console()
    if not notes:
        out.print(f"Nobody on the panel of session {session.id} asked a question yet.")
        return
    for note in notes:
        out.print(Text(f"To {note.panelist} ({note.title})", style="bold"))
        out.print(Text(note.note))
        out.print()


@app.command("brief")
def brief(
    role: RoleOption = None,
    level: LevelOption = "mid",
    company: CompanyOption = None,
    as_json: JsonOption = False,
    provider: ProviderOption = None,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
) -> None:
    """What to expect in the second round for this role and level, and how to prepare."""
    from mockpanel.cli.coaching import open_coach, show_coach_notes
    from mockpanel.cli.render import console, print_json
    from mockpanel.models import DEFAULT_COMPANY, DEFAULT_ROLE

    with open_coach(_settings(provider, model, base_url)) as coach:
        result = coach.brief(role or DEFAULT_ROLE, level, company or DEFAULT_COMPANY)
        show_coach_notes(coach)
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    from rich.text import Text

    from mockpanel.cli.panel_view import listing

    out = console()
    out.print(Text(f"Second-round brief: {result.role} at {result.company} ({result.level})"))
    for section in result.sections:
        out.print()
        out.print(Text(section.title, style="bold"))
        out.print(listing(section.points))
    out.print()
    out.print(Text("Checklist", style="bold"))
    out.print(listing(result.checklist, marker="[ ]"))


def _settings(provider: str | None, model: str | None, base_url: str | None) -> Settings:
    from mockpanel.config import resolve_settings

    return resolve_settings(
        provider=provider, model=model, base_url=base_url, prompts_dir=state.prompts_dir
    )
