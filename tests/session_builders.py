"""Sessions built straight from the domain models, for store, summary and report tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from mockpanel.models import (
    COMPONENTS,
    AnswerSignals,
    Component,
    ComponentAssessment,
    Feedback,
    Panelist,
    PanelistDebrief,
    Session,
    SessionSettings,
    StarAssessment,
    Turn,
    Usage,
)

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

HANA = Panelist(name="Hana Ito", title="Engineering Manager", persona="hiring-manager")
PAT = Panelist(name="Pat Okafor", title="Senior Engineer", persona="peer")


def assessment(
    overall: float,
    scores: Sequence[int] = (3, 3, 3, 3, 1),
    flags: Sequence[str] = (),
    *,
    evidence: str = "",
    hedges: int = 0,
    generic: bool = False,
) -> StarAssessment:
    """An assessment with `scores` for situation, task, action, result, reflection (in order)."""
    components = {
        c: ComponentAssessment(
            present=score >= 3,
            score=score,
            evidence=[f"{evidence} ({c})"] if evidence and score >= 3 else [],
        )
        for c, score in zip(COMPONENTS, scores, strict=True)
    }
    signals = AnswerSignals(
        word_count=120,
        sentence_count=6,
        speaking_seconds=48.0,
        first_person_singular=6,
        first_person_plural=2,
        hedges=hedges,
        generic=generic,
    )
    return StarAssessment(
        overall=overall,
        components=components,
        flags=list(flags),
        feedback=Feedback(
            landed=["You named the deadline you were working to."],
            sharpen=["Say what changed in numbers."],
            stronger_version="In March I [what you did] and [the measured result].",
        ),
        signals=signals,
    )


def question(
    index: int,
    answer: str | None,
    scored: StarAssessment | None,
    *,
    panelist: Panelist = HANA,
    competency: str = "ownership",
    skipped: bool = False,
) -> Turn:
    """A main question turn."""
    return Turn(
        index=index,
        panelist=panelist.name,
        kind="question",
        competency=competency,
        question_id=f"{competency}-1",
        question=f"Tell me about a time you showed {competency}.",
        answer=answer,
        assessment=scored,
        skipped=skipped,
        asked_at=T0 + timedelta(minutes=index),
        answered_at=None if answer is None else T0 + timedelta(minutes=index, seconds=50),
    )


def probe(
    index: int, of: Turn, answer: str, scored: StarAssessment, target: Component = "result"
) -> Turn:
    """A probe turn following up `of`."""
    return Turn(
        index=index,
        panelist=of.panelist,
        kind="probe",
        competency=of.competency,
        question="What changed because of what you did?",
        answer=answer,
        assessment=scored,
        probe_of=of.index,
        probe_target=target,
        asked_at=T0 + timedelta(minutes=index),
        answered_at=T0 + timedelta(minutes=index, seconds=30),
    )


def empty_session(session_id: str = "abcd1234", started_at: datetime = T0) -> Session:
    """A two-person panel with no turns yet."""
    return Session(
        id=session_id,
        started_at=started_at,
        settings=SessionSettings(role="Data Engineer", company="Northwind", questions=3),
        panelists=[HANA, PAT],
        plan=["ownership-1", "teamwork-1", "conflict-1"],
    )


def sample_session(
    session_id: str = "abcd1234", started_at: datetime = T0, level: float = 3.0
) -> Session:
    """A finished session: a we-heavy answer rescued by a probe, a skip, and a clean answer.

    `level` shifts every score, so a series of sessions can show progress.
    """
    base = max(1, min(5, round(level)))
    first = question(
        0,
        "We rebuilt the ingestion job. <script>alert('x')</script> It was a team effort.",
        assessment(
            max(1.0, level - 1),
            (4, 3, 2, 1, 1),
            ["we-heavy", "no-result"],
            evidence="We rebuilt the ingestion job",
        ),
    )
    follow_up = probe(
        1,
        first,
        "I cut the nightly run from 6 hours to 40 minutes.",
        assessment(level, (1, 1, 3, base, 1), ["too-short"], evidence="I cut the nightly run"),
    )
    skipped = question(2, None, None, panelist=PAT, competency="teamwork", skipped=True)
    clean = question(
        3,
        "When our two squads disagreed on schema ownership, I ran a design review...",
        assessment(
            min(5.0, level + 1),
            (4, 4, base, base, 2),
            ["we-heavy"],
            evidence="I ran a design review",
        ),
        panelist=PAT,
        competency="conflict",
    )
    session = empty_session(session_id, started_at)
    session.turns = [first, follow_up, skipped, clean]
    session.status = "finished"
    session.finished_at = started_at + timedelta(minutes=30)
    session.debriefs = [
        PanelistDebrief(
            panelist=HANA.name,
            title=HANA.title,
            persona=HANA.persona,
            score=3.0,
            impression="Clear on the problem, vague on your own part.",
            strengths=["a real incident"],
            concerns=["who did what"],
        )
    ]
    return session


def with_usage(session: Session) -> Session:
    """The same session with token usage and a provider note."""
    return session.model_copy(
        update={
            "usage": Usage(prompt_tokens=12_345, completion_tokens=678, calls=9),
            "notes": ["the judge's JSON failed twice; the analyzer scored that answer"],
        }
    )
