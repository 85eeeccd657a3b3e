"""How a panel looks in the terminal: speakers' lines, live feedback, the end-of-session summary.

Everything goes through a rich `Console`, which drops the colours in a plain terminal or a pipe;
user and model text is always passed as `Text`, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mockpanel.cli.chat_input import COMMAND_HELP
from mockpanel.coach.text import as_clause
from mockpanel.library import PromptLibrary
from mockpanel.models import COMPONENTS, Panelist, Session
from mockpanel.panel import Introduction, PanelPrompt
from mockpanel.report_markdown import score_text
from mockpanel.summary import SessionSummary, competency_name

SPEAKER_STYLE = "bold cyan"
CANDIDATE_STYLE = "bold green"
MUTED = "dim"
COMPONENT_LETTERS = {
    "situation": "S",
    "task": "T",
    "action": "A",
    "result": "R",
    "reflection": "Rf",
}


def say(console: Console, panelist: Panelist, text: str) -> None:
    """One panelist line: `Name (Title): text`."""
    console.print(Text.assemble((panelist.name, SPEAKER_STYLE), f" ({panelist.title}): ", text))


def show_header(console: Console, session: Session, *, resumed: bool = False) -> None:
    """Who the panel is for, its size and the id to resume it with."""
    s = session.settings
    console.print(
        Text.assemble(
            ("Mock panel", "bold"),
            f": {s.role} at {s.company} ({s.level}), {len(session.plan)} questions, "
            f"session {session.id}",
        )
    )
    if resumed:
        answered = sum(1 for t in session.turns if t.kind == "question" and t.answer)
        console.print(f"Resuming: {answered} of {len(session.plan)} questions answered so far.")
    console.print(
        Text(
            "Answer in several lines if you like; a blank line (or Ctrl-D) sends it. "
            "/help lists the commands.",
            style=MUTED,
        )
    )
    console.print()


def show_introductions(console: Console, introductions: list[Introduction]) -> None:
    """Each panelist's opening line."""
    for intro in introductions:
        say(console, intro.panelist, intro.text)
    console.print()


def show_prompt(console: Console, prompt: PanelPrompt, lead: str = "") -> None:
    """The question or follow-up to answer now, after an optional spoken lead-in."""
    if prompt.kind == "question":
        name = prompt.competency.name
        console.print(Text(f"Question {prompt.number} of {prompt.total} - {name}", style=MUTED))
    else:
        console.print(
            Text(f"Follow-up {prompt.probe_number} on question {prompt.number}", style=MUTED)
        )
    say(console, prompt.panelist, f"{lead} {prompt.text}".strip())


def show_candidate(console: Console, answer: str) -> None:
    """An answer read from a file, echoed so the transcript reads as a conversation."""
    console.print(Text.assemble(("You", CANDIDATE_STYLE), ": ", answer))
    console.print()


def show_hint(console: Console, prompt: PanelPrompt, library: PromptLibrary) -> None:
    """The STAR reminder, what this competency looks for and what a strong answer here holds."""
    competency = prompt.competency
    values = {
        "competency": competency.name.lower(),
        "looks_for": "; ".join(as_clause(item, 40) for item in competency.looks_for),
    }
    for path in ("phrases.hint.star", "phrases.hint.competency"):
        if library.has_phrase(path):
            console.print(Text(library.phrase(path, **values), style=MUTED))
    console.print(Text(f"What good looks like: {prompt.question.good_looks_like}", style=MUTED))
    console.print()


def show_help(console: Console) -> None:
    """The chat commands."""
    for command, text in COMMAND_HELP.items():
        console.print(Text.assemble((f"  /{command.value:<7}", "bold"), f" {text}"))
    console.print(Text("  Ctrl-C  pause (nothing is lost)", style=MUTED))


def show_notice(console: Console, text: str) -> None:
    """A one-line notice (provider hints, problems that did not stop the panel)."""
    console.print(Text(text, style=MUTED))


@contextmanager
def busy(console: Console, message: str, enabled: bool) -> Iterator[None]:
    """A spinner while a slow step (a model call) runs; nothing when it would be instant."""
    with console.status(message) if enabled and console.is_terminal else nullcontext():
        yield


# --- the end of a session -----------------------------------------------------------------------


def _scorecard(summary: SessionSummary, library: PromptLibrary) -> Table:
    table = Table(title="Scorecard", title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("Asked by")
    table.add_column("Competency")
    table.add_column("Score", justify="right")
    for component in COMPONENTS:
        table.add_column(COMPONENT_LETTERS[component], justify="right")
    for card in summary.scorecard:
        if card.kind == "question":
            label, competency = str(card.question_number), competency_name(library, card.competency)
        else:
            label, competency = "", f"  + follow-up on {card.probe_target or 'detail'}"
        if card.skipped:
            table.add_row(label, card.panelist, competency, "skipped", *[""] * len(COMPONENTS))
            continue
        table.add_row(
            label,
            card.panelist,
            competency,
            score_text(card.overall),
            *[str(card.components[c]) if c in card.components else "-" for c in COMPONENTS],
        )
    return table


def _competencies(summary: SessionSummary) -> Table:
    table = Table(title="By competency", title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("Competency")
    table.add_column("Questions", justify="right")
    table.add_column("Score", justify="right")
    for item in summary.per_competency:
        table.add_row(item.name, str(item.questions), score_text(item.overall))
    return table


def show_summary(console: Console, summary: SessionSummary, library: PromptLibrary) -> None:
    """Scorecard, per-competency scores, each panelist's impression, readiness and top fixes."""
    console.rule("Your panel debrief")
    if summary.questions_answered == 0:
        console.print("No answers were given, so there is nothing to score yet.")
        return
    console.print(_scorecard(summary, library))
    console.print()
    console.print(_competencies(summary))
    console.print()
    console.print(Text("What the panel thought", style="bold"))
    for person in summary.per_panelist:
        if not person.questions:
            continue
        heading = Text.assemble((person.name, SPEAKER_STYLE), f" ({person.title})")
        if person.score is not None:
            heading.append(f" - {person.score:.1f}/5")
        console.print(heading)
        if person.impression:
            console.print(Padding(Text(person.impression), (0, 0, 0, 2)))
        if person.concerns:
            console.print(listing(person.concerns))
    console.print()
    if summary.readiness is not None:
        console.print(Text.assemble(("Readiness", "bold"), ": ", summary.readiness.text))
    if summary.top_fixes:
        console.print(Text("Top fixes", style="bold"))
        console.print(listing([fix.text for fix in summary.top_fixes], numbered=True))
    console.print()


def listing(items: Sequence[str | Text], *, numbered: bool = False, marker: str = "-") -> Table:
    """Items after a marker or number, indented; wrapped lines stay under their text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", min_width=len(marker) + 2)
    grid.add_column()
    for number, item in enumerate(items, 1):
        grid.add_row(
            f"{number}." if numbered else marker, Text(item) if isinstance(item, str) else item
        )
    return grid


def show_next_steps(console: Console, session_id: str, *, can_resume: bool) -> None:
    """The session id and the commands that build on it."""
    console.print(Text.assemble(("Session", "bold"), f" {session_id} is saved. Next:"))
    steps = [
        (f"mockpanel report {session_id} -o report.html", "the full report"),
        (f"mockpanel thank-you {session_id}", "a thank-you note to each panelist"),
    ]
    if can_resume:
        steps.append((f"mockpanel resume {session_id}", "answer the questions still open"))
    grid = Table.grid(padding=(0, 3))
    grid.add_column(no_wrap=True)
    grid.add_column(style=MUTED)
    for command, purpose in steps:
        grid.add_row(f"  {command}", purpose)
    console.print(grid)


def show_paused(console: Console, session_id: str) -> None:
    """How to pick a paused session up again."""
    console.print()
    console.print(
        Text.assemble(("Paused", "bold"), ": every answer so far is saved. Continue with:")
    )
    console.print(f"  mockpanel resume {session_id}", markup=False)
