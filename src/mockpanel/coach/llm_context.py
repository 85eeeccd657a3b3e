"""Compact context for model prompts: earlier turns as one-line notes, never the whole transcript.

A prompt late in a long session must cost about as much as one early on, so each earlier turn
enters as competency, scores and a short gist of the answer, and only the last few turns count.
"""

from __future__ import annotations

from mockpanel.coach.text import clip
from mockpanel.library import PromptLibrary
from mockpanel.models import COMPONENTS, Panelist, Session, StarAssessment, Turn

NONE = "none"
# Earlier turns shown to a panelist about to ask: enough to avoid repeats and refer back.
RECENT_TURNS = 3
GIST_WORDS = 12
# A debrief covers one panelist's turns; a very long session keeps the most recent ones.
DEBRIEF_TURNS = 6
_LETTERS = {"situation": "S", "task": "T", "action": "A", "result": "R", "reflection": "L"}


def competency_label(library: PromptLibrary, competency_id: str) -> str:
    """The competency's display name (its id when the library does not know it)."""
    for competency in library.competencies:
        if competency.id == competency_id:
            return competency.name
    return competency_id.replace("-", " ")


def scores_line(assessment: StarAssessment) -> str:
    """`3.5/5 (S4 T3 A3 R2 L1)`."""
    parts = " ".join(f"{_LETTERS[name]}{assessment.components[name].score}" for name in COMPONENTS)
    return f"{assessment.overall:.1f}/5 ({parts})"


def gist(turn: Turn) -> str:
    """A short gist of the answer: its strongest evidence, else its opening words."""
    assessment = turn.assessment
    if assessment is not None:
        for name in ("action", "result", "situation"):
            evidence = assessment.components[name].evidence
            if evidence:
                return clip(evidence[0], GIST_WORDS)
    return clip(turn.answer or "", GIST_WORDS)


def turn_note(library: PromptLibrary, turn: Turn) -> str:
    """One line about an answered turn."""
    kind = "follow-up" if turn.kind == "probe" else "question"
    head = f"{turn.panelist}, {kind} on {competency_label(library, turn.competency).lower()}"
    if turn.skipped or turn.answer is None:
        return f"{head}: skipped"
    score = f" {scores_line(turn.assessment)};" if turn.assessment else ""
    return f"{head}:{score} said: {gist(turn)}"


def recent_notes(library: PromptLibrary, session: Session, limit: int = RECENT_TURNS) -> str:
    """Notes on the last `limit` answered main questions, oldest first, or "none"."""
    mains = [t for t in session.turns if t.kind == "question" and (t.answer or t.skipped)]
    lines = [turn_note(library, t) for t in mains[-limit:]]
    return "\n".join(lines) or NONE


def panelist_notes(
    library: PromptLibrary, session: Session, panelist: Panelist, limit: int = DEBRIEF_TURNS
) -> str:
    """Notes on this panelist's turns (questions and follow-ups), or "none"."""
    turns = [t for t in session.turns if t.panelist == panelist.name and (t.answer or t.skipped)]
    lines = []
    for turn in turns[-limit:]:
        question = clip(turn.question, GIST_WORDS)
        lines.append(f"- asked: {question} | {turn_note(library, turn)}")
    return "\n".join(lines) or NONE


def panel_lines(session: Session, panelist: Panelist | None = None) -> str:
    """The other panelists as `Name, Title` lines, or "none"."""
    others = [p for p in session.panelists if panelist is None or p.name != panelist.name]
    return "\n".join(f"{p.name}, {p.title}" for p in others) or NONE
