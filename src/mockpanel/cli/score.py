"""`mockpanel score`: STAR score, evidence and feedback for one answer, or a JSONL batch."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mockpanel.cli.app import app, state

if TYPE_CHECKING:
    from mockpanel.coach.base import Coach


@app.command()
def score(
    answer_file: Annotated[
        str | None,
        typer.Argument(metavar="[FILE|-]", help="The answer as a text file, or - for stdin."),
    ] = None,
    question: Annotated[
        str | None, typer.Option("--question", "-q", help="The question the answer responds to.")
    ] = None,
    batch: Annotated[
        Path | None,
        typer.Option(
            "--batch",
            help='JSON Lines of {"id", "question", "answer"}; writes one JSON result per line.',
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Score one answer against STAR (Situation, Task, Action, Result, Reflection)."""
    from mockpanel.coach.factory import make_coach
    from mockpanel.config import resolve_settings
    from mockpanel.errors import UserError
    from mockpanel.inputs import check_answer, read_stdin, read_text_file

    if batch is not None and answer_file is not None:
        raise UserError("give either an answer FILE or --batch, not both")
    settings = resolve_settings(prompts_dir=state.prompts_dir)
    coach = make_coach(settings)
    if batch is not None:
        _score_batch(coach, read_text_file(batch, "batch file"))
        return
    if answer_file is None or answer_file == "-":
        if answer_file is None and sys.stdin.isatty():
            raise UserError("give an answer FILE, or pipe the answer in with -")
        text = read_stdin("answer")
    else:
        text = read_text_file(Path(answer_file), "answer file")
    answer = check_answer(text)
    assessment = coach.assess(question or "", answer)
    if as_json:
        from mockpanel.cli.render import assessment_json, print_json

        print_json(assessment_json(assessment))
        return
    from mockpanel.cli.render import console, show_assessment

    out = console()
    if question:
        from rich.text import Text

        out.print(Text.assemble(("Question: ", "bold"), question))
    show_assessment(out, assessment)


def _score_batch(coach: Coach, text: str) -> None:
    from mockpanel.batch import score_lines
    from mockpanel.cli.render import assessment_json

    failures = 0
    for outcome in score_lines(coach, text):
        if outcome.error is not None or outcome.assessment is None or outcome.item is None:
            failures += 1
            typer.echo(f"mockpanel: batch line {outcome.line}: {outcome.error}", err=True)
            continue
        record = {"id": outcome.item.id, **assessment_json(outcome.assessment)}
        typer.echo(json.dumps(record, ensure_ascii=False))
    if failures:
        raise typer.Exit(2)
