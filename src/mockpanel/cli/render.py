"""Terminal rendering shared by commands: rich is imported only when something is shown."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from mockpanel.models import COMPONENTS, StarAssessment

if TYPE_CHECKING:
    from rich.console import Console


def console(stderr: bool = False) -> Console:
    """A rich console that degrades to plain text when output is not a terminal."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def print_json(data: Any) -> None:
    """Print `data` as indented JSON on stdout."""
    import typer

    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def assessment_json(assessment: StarAssessment) -> dict[str, Any]:
    """The `score --json` shape."""
    return assessment.model_dump(mode="json")


def score_style(score: float) -> str:
    """A colour for a 1-5 score."""
    return "green" if score >= 4 else "yellow" if score >= 3 else "red"


def show_assessment(
    out: Console, assessment: StarAssessment, title: str = "STAR scorecard"
) -> None:
    """A compact scorecard, evidence quotes and feedback."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    table.add_column("Part", style="bold")
    table.add_column("Score", justify="center")
    table.add_column("Evidence (your words)", overflow="fold", max_width=72)
    for name in COMPONENTS:
        part = assessment.components[name]
        score = Text(f"{part.score}/5", style=score_style(part.score))
        quote = f"“{part.evidence[0]}”" if part.evidence else "— not found"
        table.add_row(name.capitalize(), score, Text(quote))
    out.print(table)
    overall = Text(
        f"Overall {assessment.overall:.1f} / 5", style=f"bold {score_style(assessment.overall)}"
    )
    out.print(overall)
    if assessment.flags:
        out.print(Text("Flags: " + ", ".join(assessment.flags), style="magenta"))
    feedback = assessment.feedback
    _bullets(out, "What landed", "green", "+", feedback.landed)
    _bullets(out, "What to sharpen", "yellow", "-", feedback.sharpen)
    if feedback.stronger_version:
        lines = feedback.stronger_version.splitlines()
        _bullets(out, lines[0], "bold", " ", lines[1:])
    for note in assessment.notes:
        out.print(Text(note, style="dim"))


def _bullets(out: Console, heading: str, style: str, marker: str, items: list[str]) -> None:
    """A heading and items with a hanging indent, so wrapped lines stay readable."""
    from rich.table import Table
    from rich.text import Text

    if not items:
        return
    out.print(Text("\n" + heading, style=f"bold {style}"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row(Text(marker, style=style), Text(item))
    out.print(grid)
