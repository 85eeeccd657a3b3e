"""The HTML report: one self-contained page with inline CSS and SVG charts, no scripts or links.

Every piece of user or model text goes through `esc`; nothing on the page loads from elsewhere.
"""

from __future__ import annotations

from html import escape
from math import ceil

from mockpanel.models import COMPONENTS, Component, StarAssessment
from mockpanel.progress import SERIES, SessionPoint
from mockpanel.report import COMPONENT_LABELS, READINESS_LABELS, Report, ReportTurn, fix_basis
from mockpanel.summary import QuestionResult

SERIES_COLORS: dict[str, str] = {
    "overall": "var(--ink)",
    "situation": "#2563eb",
    "task": "#7c3aed",
    "action": "#059669",
    "result": "#d97706",
    "reflection": "#db2777",
}

_CSS = """
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #d9dee5; --card: #ffffff; --bg: #f5f7fa;
  --good: #0f7b4f; --mid: #9a6700; --weak: #b42318; --accent: #2563eb; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e9ee; --muted: #9aa4b2; --line: #39414d; --card: #1d232b; --bg: #13171c; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 920px; margin: 0 auto; padding: 24px 18px 64px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 0 0 12px; }
h3 { font-size: 1.02rem; margin: 0 0 8px; }
section, article { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 20px; margin: 16px 0; }
.meta, .muted { color: var(--muted); }
.verdict { display: flex; gap: 20px; align-items: center; }
.big { font-size: 2.6rem; font-weight: 700; line-height: 1; }
.label { font-weight: 600; }
.pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-weight: 600;
  font-size: .85rem; border: 1px solid currentColor; }
.good { color: var(--good); } .mid { color: var(--mid); } .weak { color: var(--weak); }
.chip { display: inline-block; padding: 0 8px; margin: 2px 4px 2px 0; border-radius: 6px;
  background: var(--bg); border: 1px solid var(--line); font-size: .82rem; }
blockquote { margin: 8px 0; padding: 8px 12px; border-left: 3px solid var(--line);
  white-space: pre-wrap; overflow-wrap: anywhere; }
blockquote.question { border-color: var(--accent); font-weight: 500; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line);
  vertical-align: top; overflow-wrap: anywhere; }
td.num, th.num { text-align: right; white-space: nowrap; }
.probe { margin: 14px 0 0 18px; padding-left: 14px; border-left: 3px dashed var(--line); }
.panelists { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
  gap: 12px; }
.panelists > div { border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
svg { max-width: 100%; height: auto; display: block; }
svg text { fill: var(--muted); font-size: 11px; font-family: inherit; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .target { stroke: var(--muted); stroke-dasharray: 4 4; }
.legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap;
  gap: 14px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px;
  margin-right: 5px; vertical-align: -1px; }
@media print { body { background: #fff; } section, article { break-inside: avoid; } }
"""


def esc(text: object) -> str:
    """HTML-escape any text, quotes included (safe in attributes too)."""
    return escape(str(text), quote=True)


def _score_class(value: float | None) -> str:
    if value is None:
        return "muted"
    return "good" if value >= 4 else "mid" if value >= 3 else "weak"


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


# --- charts -------------------------------------------------------------------------------------


def _y_axis(top: int, height: int, left: int, right: int) -> list[str]:
    parts = []
    for level in range(1, 6):
        y = top + height * (1 - level / 5)
        parts.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{level}</text>')
    return parts


def component_bar_chart(components: dict[Component, float | None]) -> str:
    """An SVG bar chart of the session's average score per STAR component (scale 0 to 5)."""
    width, height, left, top, bottom = 560, 230, 36, 14, 34
    plot_w, plot_h = width - left - 12, height - top - bottom
    slot = plot_w / len(COMPONENTS)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="bars-title">',
        '<title id="bars-title">Average score per STAR component in this session</title>',
        *_y_axis(top, plot_h, left, width - 12),
    ]
    target_y = top + plot_h * (1 - 4 / 5)
    parts.append(
        f'<line class="target" x1="{left}" y1="{target_y:.1f}" x2="{width - 12}" '
        f'y2="{target_y:.1f}"/>'
    )
    for i, component in enumerate(COMPONENTS):
        value = components.get(component)
        x = left + slot * i + slot * 0.2
        label_x = left + slot * (i + 0.5)
        label = COMPONENT_LABELS[component]
        if value is not None:
            bar_h = plot_h * value / 5
            y = top + plot_h - bar_h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.6:.1f}" height="{bar_h:.1f}" '
                f'rx="3" fill="{SERIES_COLORS[component]}"><title>{label}: {value:.1f}</title>'
                "</rect>"
            )
            parts.append(
                f'<text x="{label_x:.1f}" y="{y - 5:.1f}" text-anchor="middle">{value:.1f}</text>'
            )
        else:
            parts.append(
                f'<text x="{label_x:.1f}" y="{top + plot_h - 5}" text-anchor="middle">n/a</text>'
            )
        parts.append(
            f'<text x="{label_x:.1f}" y="{height - 12}" text-anchor="middle">{label}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _polyline_segments(points: list[tuple[float, float] | None]) -> list[str]:
    """Point lists for each unbroken run (a session without the score breaks the line)."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return [" ".join(f"{x:.1f},{y:.1f}" for x, y in run) for run in runs if run]


def progress_line_chart(points: list[SessionPoint], current: str) -> str:
    """An SVG line chart of overall and per-component scores across sessions, oldest first."""
    width, height, left, top, bottom, right = 640, 260, 36, 14, 40, 24
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(points)

    def x_at(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y_at(value: float) -> float:
        return top + plot_h * (1 - value / 5)

    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="progress-title">',
        '<title id="progress-title">Overall and STAR component scores across sessions</title>',
        *_y_axis(top, plot_h, left, width - right),
    ]
    every = max(1, ceil(n / 8))
    for i, point in enumerate(points):
        x = x_at(i)
        if point.id == current:
            parts.append(
                f'<line class="target" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}"/>'
            )
        if i % every == 0 or i == n - 1:
            parts.append(
                f'<text x="{x:.1f}" y="{height - 20}" text-anchor="middle">'
                f"{point.started_at:%m-%d}</text>"
            )
    # Components first, so the overall line is drawn on top of them.
    for series in (*SERIES[1:], SERIES[0]):
        color = SERIES_COLORS[series]
        stroke = 3 if series == "overall" else 1.6
        coords: list[tuple[float, float] | None] = []
        for i, point in enumerate(points):
            value = point.value(series)
            coords.append(None if value is None else (x_at(i), y_at(value)))
        for run in _polyline_segments(coords):
            parts.append(
                f'<polyline points="{run}" fill="none" stroke="{color}" '
                f'stroke-width="{stroke}" stroke-linejoin="round"/>'
            )
        name = "Overall" if series == "overall" else COMPONENT_LABELS[series]
        for point, coord in zip(points, coords, strict=True):
            if coord is None:
                continue
            value = point.value(series)
            parts.append(
                f'<circle cx="{coord[0]:.1f}" cy="{coord[1]:.1f}" r="{stroke + 1.4:.1f}" '
                f'fill="{color}"><title>{esc(point.id)} {point.started_at:%Y-%m-%d}: '
                f"{name} {_fmt(value)}</title></circle>"
            )
    parts.append("</svg>")
    legend = "".join(
        f'<li><span class="swatch" style="background:{SERIES_COLORS[s]}"></span>'
        f"{'Overall' if s == 'overall' else COMPONENT_LABELS[s]}</li>"
        for s in SERIES
    )
    return "".join(parts) + f'<ul class="legend">{legend}</ul>'


# --- sections -----------------------------------------------------------------------------------


def _header(report: Report) -> str:
    s = report.session
    provider = f"{s.provider} ({s.model})" if s.model else s.provider
    started = s.started_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    return (
        f"<header><h1>Mock panel: {esc(s.role)} at {esc(s.company)}</h1>"
        f'<p class="meta">Session <code>{esc(s.id)}</code> · started {esc(started)} · '
        f"{esc(s.status)} · level {esc(s.level)} · provider {esc(provider)}</p></header>"
    )


def _verdict(report: Report) -> str:
    summary = report.summary
    counts = (
        f"Answered {summary.questions_answered} of {summary.questions_asked} questions "
        f"({summary.answers} scored answers, probes included)."
    )
    if summary.readiness is None:
        body = f"<p>No answer was scored in this session.</p><p class='muted'>{counts}</p>"
        return f"<section><h2>Readiness</h2>{body}</section>"
    r = summary.readiness
    fixes = "".join(
        f"<li>{esc(fix.text)} <span class='muted'>"
        f"({esc(fix_basis(fix, summary.questions_answered))})</span></li>"
        for fix in summary.top_fixes
    )
    fixes_html = f"<h2>Top things to fix</h2><ol>{fixes}</ol>" if fixes else ""
    return (
        '<section><h2>Readiness</h2><div class="verdict">'
        f'<div class="big {_score_class(r.score)}">{r.score:.1f}<span class="muted"'
        ' style="font-size:1rem"> / 5</span></div>'
        f'<div><div class="label {_score_class(r.score)}">{READINESS_LABELS[r.label]}</div>'
        f"<p>{esc(r.text)}</p><p class='muted'>{counts}</p></div></div>{fixes_html}</section>"
    )


def _components(report: Report) -> str:
    chart = component_bar_chart(report.summary.components)
    rows = "".join(
        f"<tr><td>{esc(c.name)}</td><td class='num'>{c.questions}</td>"
        f"<td class='num {_score_class(c.overall)}'>{c.overall:.1f}</td></tr>"
        for c in report.summary.per_competency
    )
    table = (
        "<h3>Per competency</h3><table><thead><tr><th>Competency</th>"
        "<th class='num'>Questions</th><th class='num'>Score</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        if rows
        else ""
    )
    return f"<section><h2>STAR components</h2>{chart}{table}</section>"


def _progress(report: Report) -> str:
    points = report.progress
    if not points:
        return ""
    note = (
        "<p class='muted'>One scored session so far; the lines appear from the second.</p>"
        if len(points) == 1
        else ""
    )
    return (
        "<section><h2>Progress across sessions</h2>"
        f"{progress_line_chart(points, report.session.id)}{note}</section>"
    )


def _panel(report: Report) -> str:
    cards = []
    for p in report.summary.per_panelist:
        facts = [f"asked {p.questions} question{'s' if p.questions != 1 else ''}"]
        if p.overall is not None:
            facts.append(f"your answers averaged {p.overall:.1f}")
        if p.score is not None:
            facts.append(f"their score {p.score:.1f}")
        items = "".join(f"<li>Strength: {esc(s)}</li>" for s in p.strengths) + "".join(
            f"<li>Concern: {esc(c)}</li>" for c in p.concerns
        )
        cards.append(
            f"<div><h3>{esc(p.name)}</h3><div class='muted'>{esc(p.title)}</div>"
            f"<p class='muted'>{esc('; '.join(facts))}</p>"
            + (f"<p>{esc(p.impression)}</p>" if p.impression else "")
            + (f"<ul>{items}</ul>" if items else "")
            + "</div>"
        )
    grid = f"<div class='panelists'>{''.join(cards)}</div>"
    return f"<section><h2>Panel impressions</h2>{grid}</section>"


def _assessment(a: StarAssessment) -> str:
    rows = []
    for c in COMPONENTS:
        part = a.components.get(c)
        if part is None:
            continue
        quotes = "".join(f"<li>“{esc(q)}”</li>" for q in part.evidence)
        evidence = f"<ul>{quotes}</ul>" if quotes else "<span class='muted'>no evidence</span>"
        rows.append(
            f"<tr><td>{COMPONENT_LABELS[c]}</td><td>{'yes' if part.present else 'missing'}</td>"
            f"<td class='num {_score_class(part.score)}'>{part.score}</td><td>{evidence}</td></tr>"
        )
    flags = "".join(f"<span class='chip'>{esc(f)}</span>" for f in a.flags)
    out = [
        f"<p><span class='pill {_score_class(a.overall)}'>{a.overall:.1f} / 5</span> {flags}</p>",
        "<table><thead><tr><th>Component</th><th>Present</th><th class='num'>Score</th>"
        f"<th>Evidence</th></tr></thead><tbody>{''.join(rows)}</tbody></table>",
    ]
    fb = a.feedback
    if fb.landed:
        out.append("<h4>What landed</h4><ul>" + "".join(f"<li>{esc(x)}</li>" for x in fb.landed))
        out.append("</ul>")
    if fb.sharpen:
        out.append("<h4>Sharpen</h4><ul>" + "".join(f"<li>{esc(x)}</li>" for x in fb.sharpen))
        out.append("</ul>")
    if fb.stronger_version:
        out.append(
            f"<h4>A stronger version</h4><blockquote>{esc(fb.stronger_version)}</blockquote>"
        )
    out += [f"<p class='muted'>Note: {esc(n)}</p>" for n in a.notes]
    return "".join(out)


def _turn(turn: ReportTurn) -> str:
    out = [f"<blockquote class='question'>{esc(turn.question)}</blockquote>"]
    if turn.skipped:
        out.append("<p class='muted'>Skipped.</p>")
    else:
        if turn.answer:
            out.append(f"<blockquote>{esc(turn.answer)}</blockquote>")
        if turn.assessment is not None:
            out.append(_assessment(turn.assessment))
        elif turn.answer is None:
            out.append("<p class='muted'>Not answered.</p>")
    out += [f"<p class='muted'>Note: {esc(n)}</p>" for n in turn.notes]
    return "".join(out)


def _question(report: Report, result: QuestionResult) -> str:
    main = report.turn(result.index)
    if main is None:
        return ""
    best = (
        f"<span class='pill {_score_class(result.overall)}'>best {_fmt(result.overall)}</span>"
        if result.probes
        else ""
    )
    out = [
        f"<article><h3>Question {result.number} · {esc(report.competency(main.competency))} · "
        f"{esc(main.panelist)} {best}</h3>",
        _turn(main),
    ]
    for card in report.summary.scorecard:
        if card.question_number != result.number or card.kind != "probe":
            continue
        probe = report.turn(card.index)
        if probe is None:
            continue
        target = f" for {esc(probe.probe_target)}" if probe.probe_target else ""
        out.append(
            f"<div class='probe'><h4>Follow-up{target} · {esc(probe.panelist)}</h4>"
            f"{_turn(probe)}</div>"
        )
    out.append("</article>")
    return "".join(out)


def _footer(report: Report) -> str:
    out = []
    usage = report.session.usage
    if usage.calls or usage.prompt_tokens or usage.completion_tokens:
        out.append(f"<section><h2>Token usage</h2><p>{esc(usage.describe())}.</p></section>")
    if report.session.notes:
        items = "".join(f"<li>{esc(n)}</li>" for n in report.session.notes)
        out.append(f"<section><h2>Provider notes</h2><ul>{items}</ul></section>")
    return "".join(out)


def html_report(report: Report) -> str:
    """Render `report` as one self-contained HTML page."""
    s = report.session
    questions = "".join(_question(report, r) for r in report.summary.questions)
    body = "".join(
        [
            _header(report),
            _verdict(report),
            _components(report),
            _progress(report),
            _panel(report),
            f"<h2>Scorecard</h2>{questions}" if questions else "",
            _footer(report),
        ]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Mock panel report: {esc(s.role)} at {esc(s.company)} ({esc(s.id)})</title>"
        f"<style>{_CSS}</style></head><body><main>{body}</main></body></html>\n"
    )
