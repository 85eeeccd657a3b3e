"""The coach as commands use it: opened with progress, panelists' words streamed, notes shown."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from mockpanel.coach.base import Coach
    from mockpanel.config import Settings
    from mockpanel.models import Panelist


@contextmanager
def open_coach(settings: Settings, *, hint: bool = True) -> Iterator[Coach]:
    """The coach for one command; progress while a model gets ready, its token use at the end.

    `hint=False` leaves out the offline provider's how-to-connect line (for machine output).
    """
    from mockpanel.cli.connect import exit_cleanly_on_signals, status_line
    from mockpanel.cli.render import console
    from mockpanel.coach.factory import coach_session

    err = console(stderr=True)
    if settings.notice and hint:
        err.print(settings.notice, style="dim", markup=False, soft_wrap=True)
    if not settings.uses_model:
        with coach_session(settings) as coach:
            yield coach
        return
    with exit_cleanly_on_signals(), ExitStack() as stack:
        # The progress line lasts only while the server starts, not for the whole run.
        with status_line() as report:
            coach = stack.enter_context(coach_session(settings, on_status=report))
        yield coach
        usage = coach.usage
        if usage.calls:
            err.print(
                f"{settings.model or settings.provider}: {usage.describe()}",
                style="dim",
                markup=False,
                soft_wrap=True,
            )


def show_coach_notes(coach: Coach, already_shown: list[str] | None = None) -> None:
    """The coach's notes (fallbacks, trimmed inputs) on stderr, except those shown already."""
    from mockpanel.cli.render import console

    err = console(stderr=True)
    shown = set(already_shown or [])
    for note in coach.notes:
        if note not in shown:
            err.print(f"note: {note}", style="dim", markup=False, soft_wrap=True)


@contextmanager
def speech_display(console: Console, coach: Coach, message: str, enabled: bool) -> Iterator[None]:
    """A spinner until a panelist speaks, then their words as the model writes them.

    The display is transient: when the block ends it disappears, and the caller prints the final
    (checked) lines as usual, so a reply the coach rejected is never left on screen.
    """
    if not (enabled and console.is_terminal):
        yield
        return
    from rich.console import Group
    from rich.live import Live
    from rich.spinner import Spinner
    from rich.text import Text

    from mockpanel.cli.panel_view import SPEAKER_STYLE

    spinner = Spinner("dots", text=Text(message, style="dim"))
    lines: dict[str, Text] = {}

    def show(panelist: Panelist, text: str) -> None:
        if text:
            lines[panelist.name] = Text.assemble(
                (panelist.name, SPEAKER_STYLE), f" ({panelist.title}): ", text
            )
        else:
            lines.pop(panelist.name, None)
        live.update(Group(*lines.values(), spinner))

    live = Live(spinner, console=console, transient=True, refresh_per_second=12)
    coach.on_speech_chunk = show
    try:
        with live:
            yield
    finally:
        coach.on_speech_chunk = None
