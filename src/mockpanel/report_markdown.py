"""The Markdown report: plain enough for a terminal, structured enough for GitHub."""

from __future__ import annotations

import re
from datetime import datetime

from mockpanel.models import COMPONENTS, StarAssessment
from mockpanel.report import COMPONENT_LABELS, Report, ReportTurn, fix_basis

_SPECIAL = re.compile(r"([\\`*<>\[\]|])")
_BAR_CELLS = 10
_SHORT = {"situation": "S", "task": "T", "action": "A", "result": "R", "reflection": "Rf"}


def md_text(text: str) -> str:
    """Escape user text so Markdown shows it literally (no HTML, links, code or table breaks)."""
    return _SPECIAL.sub(r"\\\1", text)


def _cell(text: str) -> str:
    return md_text(" ".join(text.split()))


def _quote(text: str) -> list[str]:
    """A block quote of user text, one `>` line per line."""
    return [f"> {md_text(line)}" if line.strip() else ">" for line in text.strip().splitlines()]


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M %Z").strip() if moment else "-"


def score_text(value: float | None) -> str:
    """A score as `3.5`, or `-` when there is none."""
    return "-" if value is None else f"{value:.1f}"


def _bar(value: float | None) -> str:
    if value is None:
        return ""
    filled = round(value / 5 * _BAR_CELLS)
    return "█" * filled + "░" * (_BAR_CELLS - filled)


def _header(report: Report) -> list[str]:
    s = report.session
    provider = f"{s.provider} ({s.model})" if s.model else s.provider
    return [
        f"# Mock panel report: {md_text(s.role)} at {md_text(s.company)}",
        "",
        f"Session `{s.id}` · started {_when(s.started_at)} · {s.status} · level {s.level} · "
        f"provider {md_text(provider)}",
        "",
    ]


def _readiness(report: Report) -> list[str]:
    summary = report.summary
    lines = ["## Readiness", ""]
    counts = (
        f"answered {summary.questions_answered} of {summary.questions_asked} questions "
        f"({summary.answers} scored answers, probes included)."
    )
    if summary.readiness is None:
        lines += ["No answer was scored in this session.", "", counts.capitalize(), ""]
    else:
        r = summary.readiness
        lines += [f"**{md_text(r.text)}**", "", f"Overall {r.score:.1f} / 5; {counts}", ""]
    if summary.top_fixes:
        lines += ["## Top things to fix", ""]
        lines += [
            f"{n}. {md_text(fix.text)} _({fix_basis(fix, summary.questions_answered)})_"
            for n, fix in enumerate(summary.top_fixes, 1)
        ]
        lines.append("")
    return lines


def _components(report: Report) -> list[str]:
    lines = ["## STAR components", "", "| Component | Average | |", "|---|---:|---|"]
    for c in COMPONENTS:
        value = report.summary.components[c]
        lines.append(f"| {COMPONENT_LABELS[c]} | {score_text(value)} | {_bar(value)} |")
    lines.append("")
    if report.summary.per_competency:
        lines += ["## Per competency", "", "| Competency | Questions | Score |", "|---|---:|---:|"]
        lines += [
            f"| {_cell(c.name)} | {c.questions} | {c.overall:.1f} |"
            for c in report.summary.per_competency
        ]
        lines.append("")
    return lines


def _panel(report: Report) -> list[str]:
    lines = ["## Panel impressions", ""]
    for p in report.summary.per_panelist:
        lines += [f"### {md_text(p.name)}, {md_text(p.title)}", ""]
        facts = [f"asked {p.questions} question{'s' if p.questions != 1 else ''}"]
        if p.overall is not None:
            facts.append(f"your answers to them averaged {p.overall:.1f}")
        if p.score is not None:
            facts.append(f"their score {p.score:.1f}")
        lines += [f"_{'; '.join(facts)}_", ""]
        if p.impression:
            lines += [md_text(p.impression), ""]
        lines += [f"- Strength: {md_text(s)}" for s in p.strengths]
        lines += [f"- Concern: {md_text(c)}" for c in p.concerns]
        if p.strengths or p.concerns:
            lines.append("")
    return lines


def _assessment(assessment: StarAssessment) -> list[str]:
    parts = " · ".join(
        f"{_SHORT[c]} {assessment.components[c].score}"
        for c in COMPONENTS
        if c in assessment.components
    )
    lines = [f"**Score {assessment.overall:.1f} / 5** · {parts}"]
    if assessment.flags:
        lines[0] += " · flags: " + ", ".join(md_text(f) for f in assessment.flags)
    lines.append("")
    for c in COMPONENTS:
        part = assessment.components.get(c)
        if part is None:
            continue
        state = "" if part.present else " (missing)"
        quotes = "; ".join(f"“{md_text(q)}”" for q in part.evidence) or "no evidence"
        lines.append(f"- **{COMPONENT_LABELS[c]}** {part.score}/5{state}: {quotes}")
    lines.append("")
    feedback = assessment.feedback
    if feedback.landed:
        lines += ["What landed:", *(f"- {md_text(x)}" for x in feedback.landed), ""]
    if feedback.sharpen:
        lines += ["Sharpen:", *(f"- {md_text(x)}" for x in feedback.sharpen), ""]
    if feedback.stronger_version:
        lines += ["A stronger version:", "", *_quote(feedback.stronger_version), ""]
    if assessment.notes:
        lines += [*(f"- Note: {md_text(n)}" for n in assessment.notes), ""]
    return lines


def _turn(turn: ReportTurn, heading: str) -> list[str]:
    lines = [heading, "", *_quote(turn.question), ""]
    if turn.skipped:
        return [*lines, "_Skipped._", ""]
    if turn.answer:
        lines += ["**Answer**", "", *_quote(turn.answer), ""]
    if turn.assessment is not None:
        lines += _assessment(turn.assessment)
    elif turn.answer is None:
        lines += ["_Not answered._", ""]
    lines += [f"- Note: {md_text(n)}" for n in turn.notes]
    return [*lines, ""] if turn.notes else lines


def _scorecard(report: Report) -> list[str]:
    lines = ["## Scorecard", ""]
    for card in report.summary.scorecard:
        turn = report.turn(card.index)
        if turn is None:
            continue
        who = md_text(turn.panelist)
        if turn.kind == "question":
            competency = md_text(report.competency(turn.competency))
            heading = f"### Question {card.question_number} · {competency} · {who}"
        else:
            target = f" for {turn.probe_target}" if turn.probe_target else ""
            heading = f"#### Follow-up{target} · {who}"
        lines += _turn(turn, heading)
    return lines


def _progress(report: Report) -> list[str]:
    if len(report.progress) < 2:
        return []
    heads = " | ".join(COMPONENT_LABELS[c] for c in COMPONENTS)
    lines = [
        "## Progress across sessions",
        "",
        f"| Date | Session | Overall | {heads} |",
        "|---|---|---:|" + "---:|" * len(COMPONENTS),
    ]
    for point in report.progress:
        marker = " ◀" if point.id == report.session.id else ""
        values = " | ".join(score_text(point.components.get(c)) for c in COMPONENTS)
        lines.append(
            f"| {point.started_at:%Y-%m-%d} | `{point.id}`{marker} | "
            f"{point.overall:.1f} | {values} |"
        )
    return [*lines, ""]


def _footer(report: Report) -> list[str]:
    lines: list[str] = []
    usage = report.session.usage
    if usage.calls or usage.prompt_tokens or usage.completion_tokens:
        lines += [
            "## Token usage",
            "",
            f"{usage.describe()}.",
            "",
        ]
    if report.session.notes:
        lines += ["## Provider notes", "", *(f"- {md_text(n)}" for n in report.session.notes), ""]
    return lines


def markdown_report(report: Report) -> str:
    """Render `report` as Markdown."""
    lines = [
        *_header(report),
        *_readiness(report),
        *_components(report),
        *_panel(report),
        *_scorecard(report),
        *_progress(report),
        *_footer(report),
    ]
    return "\n".join(lines).rstrip() + "\n"
