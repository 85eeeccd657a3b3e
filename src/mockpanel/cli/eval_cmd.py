"""`mockpanel eval`: how well the STAR analyzer agrees with labelled answers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mockpanel.cli.app import app, state
from mockpanel.cli.panel import BaseUrlOption, ModelOption

if TYPE_CHECKING:
    from mockpanel.models import Component
    from mockpanel.star.evaluation import Agreement, LabelledAnswer

_INITIALS: dict[str, str] = {
    "situation": "S",
    "task": "T",
    "action": "A",
    "result": "R",
    "reflection": "L",
}


@app.command("eval")
def evaluate(
    labelled_file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.jsonl", help="Labelled answers, one JSON object per line (LABELING.md)."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    worst: Annotated[
        int, typer.Option("--worst", min=0, help="How many of the worst disagreements to list.")
    ] = 10,
    provider: Annotated[
        str,
        typer.Option(
            "--provider",
            help="offline scores with the analyzer; openai or local with the LLM judge.",
        ),
    ] = "offline",
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
) -> None:
    """Score labelled answers with the STAR analyzer and report agreement with the labels."""
    from mockpanel.inputs import read_text_file
    from mockpanel.library import load_library
    from mockpanel.star import StarAnalyzer
    from mockpanel.star.evaluation import agreement, parse_labelled, score_records

    records = parse_labelled(read_text_file(labelled_file, "labelled file"), str(labelled_file))
    if provider != "offline":
        result = _judge_agreement(records, provider, model, base_url, worst)
    else:
        analyzer = StarAnalyzer(load_library(state.prompts_dir))
        result = agreement(score_records(records, analyzer), worst=worst)
    if as_json:
        from mockpanel.cli.render import print_json

        print_json(_as_json(result))
        return
    for line in _table(result, str(labelled_file)):
        typer.echo(line)


def _judge_agreement(
    records: list[LabelledAnswer],
    provider: str,
    model: str | None,
    base_url: str | None,
    worst: int,
) -> Agreement:
    """Agreement of the coach's judge for `provider` (an LLM judge, calibrated by the analyzer)."""
    from mockpanel.cli.coaching import open_coach
    from mockpanel.coach.evaluation import CoachJudge
    from mockpanel.config import resolve_settings
    from mockpanel.star.evaluation import agreement, score_records

    settings = resolve_settings(
        provider=provider, model=model, base_url=base_url, prompts_dir=state.prompts_dir
    )
    with open_coach(settings, hint=False) as coach:
        judge = CoachJudge(coach)
        result = agreement(score_records(records, judge), worst=worst)
        typer.echo(f"mockpanel: the model judged {judge.judged} of {judge.total} answers", err=True)
    return result


def _as_json(result: Agreement) -> dict[str, Any]:
    data = result.model_dump(exclude={"worst"})
    data["worst"] = [
        {
            "id": s.id,
            "label": s.label_overall,
            "predicted": s.predicted_overall,
            "component_misses": s.component_misses,
            "flags": s.flags,
            "tags": s.tags,
        }
        for s in result.worst
    ]
    return data


def _presence(flags: dict[Component, bool]) -> str:
    return "".join(_INITIALS[c] if present else "-" for c, present in flags.items())


def _table(result: Agreement, source: str) -> list[str]:
    accuracy = result.presence_accuracy
    lines = [
        f"{source}: {result.count} labelled answers",
        "",
        "presence accuracy  " + "  ".join(f"{c} {accuracy[c]:.3f}" for c in accuracy),
        f"  mean             {result.presence_accuracy_mean:.3f}",
        f"overall MAE        {result.overall_mae:.3f}",
        f"within +/-1        {result.within_one:.3f}",
        f"Spearman rho       {result.spearman:.3f}",
        f"manipulation       {result.manipulation_at_or_below_label} of "
        f"{result.manipulation_attempts} attempts scored at or below their label",
    ]
    if result.worst:
        lines += ["", "worst disagreements (presence S T A R L: label / analyzer)"]
        lines.append(f"  {'id':<16} {'label':>5} {'pred':>5}  {'label':<5} {'pred':<5}  flags")
        for s in result.worst:
            lines.append(
                f"  {s.id:<16} {s.label_overall:>5} {s.predicted_overall:>5.1f}  "
                f"{_presence(s.label_presence):<5} {_presence(s.predicted_presence):<5}  "
                f"{', '.join(s.flags) or '-'}"
            )
    return lines
