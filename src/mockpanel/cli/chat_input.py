"""Where the candidate's replies come from: the terminal, or an answers file for scripted runs."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

from mockpanel.errors import InputFileError
from mockpanel.inputs import read_text_file

ANSWER_SEPARATOR = "---"


class ChatCommand(StrEnum):
    """What a reply starting with a slash asks for."""

    HINT = "hint"
    REPEAT = "repeat"
    SKIP = "skip"
    PAUSE = "pause"
    QUIT = "quit"
    HELP = "help"


COMMAND_HELP: dict[ChatCommand, str] = {
    ChatCommand.HINT: "a STAR reminder and what this competency looks for",
    ChatCommand.REPEAT: "hear the current question again",
    ChatCommand.SKIP: "skip this question (it is listed, not scored)",
    ChatCommand.PAUSE: "save and stop; 'mockpanel resume ID' continues later",
    ChatCommand.QUIT: "end the panel now and score what you answered",
    ChatCommand.HELP: "show these commands",
}


def is_command(text: str) -> bool:
    """Whether a reply is a single `/word` (a chat command, known or not) rather than an answer."""
    stripped = text.strip()
    return stripped.startswith("/") and len(stripped.split()) == 1


def parse_command(text: str) -> ChatCommand | None:
    """The chat command a `/word` reply names, or None if it names none."""
    try:
        return ChatCommand(text.strip()[1:].lower())
    except ValueError:
        return None


def split_answers(text: str) -> list[str]:
    """Answers separated by lines holding only `---`; blank ones are dropped."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip() == ANSWER_SEPARATOR:
            blocks.append([])
        else:
            blocks[-1].append(line)
    return [answer for block in blocks if (answer := "\n".join(block).strip())]


class ScriptedAnswers:
    """Replies taken in order from an answers file."""

    echo = True

    def __init__(self, answers: list[str]) -> None:
        self._answers = list(answers)

    @classmethod
    def from_file(cls, path: Path) -> ScriptedAnswers:
        """Read an answers file; one with no answers is refused."""
        answers = split_answers(read_text_file(path, "answers file"))
        if not answers:
            raise InputFileError(f"answers file {path} holds no answers (separate them with ---)")
        return cls(answers)

    @property
    def exhausted(self) -> bool:
        """Whether every answer has been used."""
        return not self._answers

    def read(self) -> str | None:
        """The next reply, or None when the file is used up."""
        return self._answers.pop(0) if self._answers else None


class TerminalAnswers:
    """Replies typed at the prompt: several lines, ended by a blank line or Ctrl-D."""

    echo = False
    exhausted = False

    def __init__(self, prompt: str = "> ", continuation: str = "  ") -> None:
        self.prompt = prompt
        self.continuation = continuation
        self.interactive = sys.stdin.isatty()

    def read(self) -> str | None:
        """The next reply; None at end of input. Ctrl-C propagates as KeyboardInterrupt."""
        lines: list[str] = []
        while True:
            try:
                # Prompts only help someone typing; a pipe would just litter the transcript.
                prompt = (self.continuation if lines else self.prompt) if self.interactive else ""
                line = input(prompt)
            except EOFError:
                break
            if not line.strip():
                if lines:
                    break
                continue  # a blank line before anything was typed is not an answer
            lines.append(line)
            if len(lines) == 1 and is_command(line):
                break  # a command takes effect at once, without a blank line after it
        return "\n".join(lines) if lines else None
