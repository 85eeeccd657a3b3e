"""`mockpanel score`: STAR score, evidence and feedback for one answer, or a JSONL batch."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mockpanel.cli.app import app, state
from mockpanel.cli.panel import BaseUrlOption, ModelOption, ProviderOption

if TYPE_CHECKING:
    from rich.console import Console

    from mockpanel.coach.base import Coach
    from mockpanel.coach.sampling import ScoreSamples
    from mockpanel.models import StarAssessment


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
    samples: Annotated[
        int,
        typer.Option(
            "--samples",
            min=1,
            max=20,
            help="Judge the answer N times (different seeds) and report the score's spread.",
        ),
    ] = 1,
    provider: ProviderOption = None,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
) -> None:
    """Score one answer against STAR (Situation, Task, Action, Result, Reflection)."""
    from mockpanel.cli.coaching import open_coach
    from mockpanel.config import resolve_settings
    from mockpanel.errors import UserError
    from mockpanel.inputs import check_answer, read_stdin, read_text_file

    if batch is not None and answer_file is not None:
        raise UserError("give either an answer FILE or --batch, not both")
    if batch is not None:
        lines = read_text_file(batch, "batch file")
    elif answer_file is None or answer_file == "-":
        if answer_file is None and sys.stdin.isatty():
            raise UserError("give an answer FILE, or pipe the answer in with -")
        answer = check_answer(read_stdin("answer"))
    else:
        answer = check_answer(read_text_file(Path(answer_file), "answer file"))
    settings = resolve_settings(
        provider=provider, model=model, base_url=base_url, prompts_dir=state.prompts_dir
    )
    with open_coach(settings, hint=not (as_json or batch is not None)) as coach:
        if batch is not None:
            _score_batch(coach, lines, samples)
            return
        _score_one(coach, question or "", answer, samples, as_json)


def _score_one(coach: Coach, question: str, answer: str, samples: int, as_json: bool) -> None:
    from mockpanel.cli.coaching import show_coach_notes
    from mockpanel.cli.render import assessment_json
    from mockpanel.coach.sampling import sample_assessments

    assessment, stability = sample_assessments(coach, question, answer, samples)
    if as_json:
        from mockpanel.cli.render import print_json

        record = assessment_json(assessment)
        if samples > 1:
            record["samples"] = stability.model_dump(mode="json")
        print_json(record)
        show_coach_notes(coach, already_shown=assessment.notes)
        return
    from mockpanel.cli.render import console, show_assessment

    out = console()
    if question:
        from rich.text import Text

        out.print(Text.assemble(("Question: ", "bold"), question))
    show_assessment(out, assessment)
    if assessment.analyzer_overall is not None:
        out.print(
            f"Judged by the {assessment.provider} model; the analyzer alone gives "
            f"{assessment.analyzer_overall:.1f} / 5.",
            style="dim",
            markup=False,
        )
    if samples > 1:
        _show_stability(out, stability)
    show_coach_notes(coach, already_shown=assessment.notes)


def _show_stability(out: Console, stability: ScoreSamples) -> None:
    from rich.text import Text

    spread = stability.overall
    out.print(
        Text.assemble(
            ("\nScore stability", "bold"),
            f" over {stability.samples} judgements ({stability.judged} by the model): "
            f"mean {spread.mean:.2f}, spread ±{spread.stdev:.2f} "
            f"(from {spread.low:.1f} to {spread.high:.1f})",
        )
    )
    parts = ", ".join(
        f"{name} {part.mean:.1f}±{part.stdev:.1f}" for name, part in stability.components.items()
    )
    out.print(Text(f"  by part: {parts}", style="dim"))


def _score_batch(coach: Coach, text: str, samples: int) -> None:
    from mockpanel.batch import BatchItem, score_lines
    from mockpanel.cli.render import assessment_json
    from mockpanel.coach.sampling import sample_assessments

    def judge(item: BatchItem) -> tuple[StarAssessment, ScoreSamples]:
        return sample_assessments(coach, item.question, item.answer, samples)

    if samples == 1:
        coach.prepare(_readable_pairs(text))
    failures = 0
    for outcome in score_lines(text, judge):
        if outcome.scored is None or outcome.item is None:
            failures += 1
            typer.echo(f"mockpanel: batch line {outcome.line}: {outcome.error}", err=True)
            continue
        assessment, stability = outcome.scored
        record = {"id": outcome.item.id, **assessment_json(assessment)}
        if samples > 1:
            record["samples"] = stability.model_dump(mode="json")
        typer.echo(json.dumps(record, ensure_ascii=False))
    if failures:
        raise typer.Exit(2)


def _readable_pairs(text: str) -> list[tuple[str, str | None]]:
    """The (answer, question) of every line that parses, to be read ahead as one batch."""
    from mockpanel.batch import parse_line
    from mockpanel.errors import InputFileError

    pairs: list[tuple[str, str | None]] = []
    for line in text.splitlines():
        if line.strip():
            try:
                item = parse_line(line)
            except InputFileError:
                continue
            pairs.append((item.answer, item.question))
    return pairs
