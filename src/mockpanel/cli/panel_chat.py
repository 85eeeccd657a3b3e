"""The conversation loop: shows what the panel says, reads replies, applies chat commands."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Literal, Protocol

from rich.console import Console

from mockpanel.cli import panel_view as view
from mockpanel.cli.chat_input import ChatCommand, is_command, parse_command
from mockpanel.cli.coaching import speech_display
from mockpanel.cli.render import show_assessment
from mockpanel.errors import InputFileError
from mockpanel.models import Panelist
from mockpanel.panel import PanelPrompt, PanelSession
from mockpanel.summary import competency_name

Outcome = Literal["paused", "finished"]
_Step = Literal["next", "pause", "quit", "end"]


class ReplySource(Protocol):
    """Where replies come from (the terminal or an answers file)."""

    @property
    def echo(self) -> bool:
        """Whether replies should be shown (they were not typed in this terminal)."""

    @property
    def exhausted(self) -> bool:
        """Whether no reply is left."""

    def read(self) -> str | None:
        """The next reply, or None when there is none."""


class PanelChat:
    """Runs one panel against a reply source until it ends or is paused."""

    def __init__(
        self,
        panel: PanelSession,
        source: ReplySource,
        console: Console,
        *,
        slow: bool = False,
        pause_at_end_of_input: bool = False,
    ) -> None:
        self.panel = panel
        self.source = source
        self.console = console
        self.library = panel.library
        self.slow = slow
        # In a terminal, Ctrl-D on an empty prompt keeps the session; a pipe that ends is done.
        self.pause_at_end_of_input = pause_at_end_of_input
        self.live = panel.session.settings.feedback_mode == "live"
        self._last_speaker: Panelist | None = None

    def run(self, *, resumed: bool = False) -> Outcome:
        """Hold the conversation; Ctrl-C pauses, like /pause."""
        try:
            return self._converse(resumed)
        except KeyboardInterrupt:
            self.panel.pause()
            return "paused"

    # -- the conversation --

    def _converse(self, resumed: bool) -> Outcome:
        session = self.panel.session
        view.show_header(self.console, session, resumed=resumed)
        if not resumed:
            self._speak(session.panelists[0], "welcome")
            with self._speaking("The panel is taking their seats..."):
                introductions = self.panel.introductions()
            view.show_introductions(self.console, introductions)
        while not self.source.exhausted:
            with self._speaking("The panel is conferring..."):
                prompt = self.panel.next_prompt()
            if prompt is None:
                break
            if resumed:
                resumed = False
                self._speak(prompt.panelist, "resumed")
            self._present(prompt)
            step = self._reply_to(prompt)
            if step == "pause" or (step == "end" and self.pause_at_end_of_input):
                self._speak(prompt.panelist, "paused")
                self.panel.pause()
                return "paused"
            if step in ("quit", "end"):
                break
        self._speak(session.panelists[0], "closing")
        with view.busy(self.console, "The panel is comparing notes...", self.slow):
            self.panel.finish()
        return "finished"

    def _speaking(self, message: str) -> AbstractContextManager[None]:
        """A spinner while the panel gets ready to speak, with their words streamed if live."""
        return speech_display(self.console, self.panel.coach, message, self.slow)

    def _present(self, prompt: PanelPrompt) -> None:
        previous = self._last_speaker
        if prompt.kind == "question" and previous is not None and previous != prompt.panelist:
            self._speak(previous, "handover", prompt.panelist)
        self._last_speaker = prompt.panelist
        lead = ""
        if prompt.kind == "question" and prompt.competency.culture:
            lead = self._phrase("culture_lead", prompt.panelist)
        elif prompt.probe_number == 1:
            lead = self._phrase("probe_lead", prompt.panelist)
        view.show_prompt(self.console, prompt, lead)

    def _reply_to(self, prompt: PanelPrompt) -> _Step:
        while True:
            reply = self.source.read()
            if reply is None:
                return "end"
            if self.source.echo:
                view.show_candidate(self.console, reply)
            if is_command(reply):
                command = parse_command(reply)
                if command is None:
                    view.show_notice(self.console, f"Unknown command {reply.strip()}; try /help.")
                elif command is ChatCommand.HINT:
                    view.show_hint(self.console, prompt, self.library)
                elif command is ChatCommand.REPEAT:
                    lead = self._phrase("repeat_lead", prompt.panelist)
                    view.show_prompt(self.console, prompt, lead)
                elif command is ChatCommand.HELP:
                    view.show_help(self.console)
                elif command is ChatCommand.SKIP:
                    self.panel.skip()
                    self._speak(prompt.panelist, "skip_ack")
                    return "next"
                else:
                    return "pause" if command is ChatCommand.PAUSE else "quit"
                continue
            try:
                with view.busy(self.console, f"{prompt.panelist.name} is listening...", self.slow):
                    turn = self.panel.answer(reply)
            except InputFileError as exc:
                view.show_notice(self.console, f"{exc}; please answer again.")
                continue
            if self.live and turn.kind == "question" and turn.assessment is not None:
                show_assessment(self.console, turn.assessment, title="Feedback on your answer")
                self.console.print()
            return "next"

    def _speak(self, speaker: Panelist, key: str, listener: Panelist | None = None) -> None:
        text = self._phrase(key, speaker, listener)
        if text:
            view.say(self.console, speaker, text)

    def _phrase(self, key: str, speaker: Panelist, listener: Panelist | None = None) -> str:
        """A line from the library's `panel` phrases, or nothing if this library lacks it."""
        path = f"phrases.panel.{key}"
        if not self.library.has_phrase(path):
            return ""
        settings = self.panel.session.settings
        pending = self.panel.pending
        competency = pending.competency if pending is not None else ""
        return self.library.phrase(
            path,
            name=speaker.name,
            title=speaker.title,
            role=settings.role,
            company=settings.company,
            competency=competency_name(self.library, competency).lower(),
            next_name=listener.name if listener is not None else "",
        )
