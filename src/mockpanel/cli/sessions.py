"""`mockpanel sessions`, `report` and `progress`: what is stored, and how it went."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from mockpanel.cli.app import app, state

if TYPE_CHECKING:
    from rich.table import Table

    from mockpanel.progress import Progress

FormatChoice = Literal["md", "html", "json"]

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _table(title: str) -> Table:
    """A table with light borders, so it fits an 80-column terminal."""
    from rich import box
    from rich.table import Table

    return Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)


@app.command("sessions")
def sessions(as_json: JsonOption = False) -> None:
    """List stored sessions, newest first."""
    from mockpanel.store import SessionStore

    with SessionStore() as store:
        listings = store.list_sessions()
    if as_json:
        typer.echo(json.dumps([item.model_dump(mode="json") for item in listings], indent=2))
        return
    if not listings:
        typer.echo("No sessions yet. Start one with: mockpanel panel")
        return
    from rich.console import Console
    from rich.text import Text

    table = _table(f"{len(listings)} stored session{'s' if len(listings) != 1 else ''}")
    # The provider column only earns its width once more than one provider has been used.
    providers = len({item.provider for item in listings}) > 1
    table.add_column("ID", no_wrap=True)
    table.add_column("Started (UTC)", no_wrap=True)
    table.add_column("Role at company")
    table.add_column("Answered", justify="right", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    if providers:
        table.add_column("Provider", no_wrap=True)
    for item in listings:
        row: list[str | Text] = [
            item.id,
            f"{item.started_at:%Y-%m-%d %H:%M}",
            Text(f"{item.role} at {item.company}"),
            str(item.questions),
            _score(item.overall),
            item.status,
        ]
        if providers:
            row.append(Text(item.provider))
        table.add_row(*row)
    Console().print(table)


@app.command("report")
def report(
    session_id: Annotated[str, typer.Argument(help="Session id, or a unique prefix of 4+ chars.")],
    fmt: Annotated[
        FormatChoice | None,
        typer.Option(
            "--format", "-f", help="md, html or json (default: from -o's suffix, else md)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
) -> None:
    """Show or save a session report (Markdown, self-contained HTML, or JSON)."""
    from mockpanel.library import load_library
    from mockpanel.report import build_report, format_for, render, write_text
    from mockpanel.store import SessionStore

    chosen: FormatChoice = fmt or (format_for(output) if output is not None else "md")
    with SessionStore() as store:
        session = store.load(session_id)
        history = store.load_all()
    text = render(build_report(session, load_library(state.prompts_dir), history), chosen)
    if output is None:
        typer.echo(text, nl=False)
        return
    write_text(output, text)
    typer.echo(f"Wrote the {chosen} report of session {session.id} to {output}")


def _trend_table(result: Progress) -> Table:
    table = _table(f"Scores across {len(result.sessions)} scored sessions")
    for name in ("Score", "Sessions", "Mean", "First", "Latest", "Change", "Trend"):
        table.add_column(name, justify="left" if name in ("Score", "Trend") else "right")
    for t in result.trends:
        change = "-" if t.change is None else f"{t.change:+.1f}"
        table.add_row(
            t.series.capitalize(),
            str(t.sessions),
            _score(t.mean),
            _score(t.first),
            _score(t.latest),
            change,
            t.trend or "-",
        )
    return table


def _sessions_table(result: Progress) -> Table:
    from rich.text import Text

    from mockpanel.models import COMPONENTS

    table = _table("Sessions, oldest first")
    table.add_column("Date", no_wrap=True)
    table.add_column("ID", no_wrap=True)
    table.add_column("Role")
    table.add_column("Overall", justify="right")
    for component in COMPONENTS:
        table.add_column(component[:3].capitalize(), justify="right")
    for point in result.sessions:
        table.add_row(
            f"{point.started_at:%Y-%m-%d}",
            point.id,
            Text(point.role),
            _score(point.overall),
            *(_score(point.components.get(c)) for c in COMPONENTS),
        )
    return table


def _habits_table(result: Progress) -> Table:
    from rich.text import Text

    table = _table("Habits that keep coming back")
    table.add_column("Habit")
    table.add_column("Sessions", justify="right")
    table.add_column("Questions", justify="right")
    for habit in result.habits:
        table.add_row(Text(habit.habit), str(habit.sessions), str(habit.questions))
    return table


@app.command("progress")
def progress(as_json: JsonOption = False) -> None:
    """Show how your scores moved across sessions and which habits recur."""
    from mockpanel.progress import build_progress
    from mockpanel.store import SessionStore

    with SessionStore() as store:
        result = build_progress(store.load_all())
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
        return
    if not result.sessions:
        typer.echo("No scored sessions yet. Start one with: mockpanel panel")
        return
    from rich.console import Console

    console = Console()
    console.print(_trend_table(result))
    console.print(_sessions_table(result))
    if result.habits:
        console.print(_habits_table(result))
