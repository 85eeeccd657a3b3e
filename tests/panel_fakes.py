"""A small prompt library and a rule-based coach for testing the panel flow in isolation.

The fake coach scores an answer by the STAR words it contains ("situation", "task", "action",
"result", "reflection"): a part named in the answer is present and scores 4, otherwise it is
absent and scores 1. That makes every probing decision predictable from the test's own text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mockpanel.coach.base import Coach
from mockpanel.library import Competency, PersonasDoc, PromptLibrary, Question, QuestionBankDoc
from mockpanel.models import (
    COMPONENTS,
    AskRequest,
    Brief,
    BriefSection,
    CandidateQuestion,
    Component,
    ComponentAssessment,
    Level,
    Panelist,
    PanelistDebrief,
    Session,
    StarAssessment,
    ThankYouNote,
    Turn,
)

# competency id -> (keywords, culture)
COMPETENCIES: dict[str, tuple[list[str], bool]] = {
    "ownership": (["ownership", "accountable"], False),
    "prioritisation": (["prioritise", "deadlines"], False),
    "problem-solving": (["problem", "analysis"], False),
    "failure": (["failure", "mistake"], False),
    "communication": (["communication", "presenting"], False),
    "teamwork": (["team", "collaboration"], False),
    "conflict": (["conflict", "disagreement"], False),
    "adaptability": (["adaptable", "change"], False),
    "culture-fit": (["values", "culture"], True),
    "influence": (["influence", "stakeholder"], False),
    "ambiguity": (["ambiguity", "uncertainty"], False),
    "customer-focus": (["customer", "client"], False),
    "leadership": (["lead", "mentor"], False),
}

PERSONAS: list[dict[str, Any]] = [
    {
        "id": "hiring-manager",
        "title": "Hiring Manager",
        "default_name": "Hana Manager",
        "focus": ["ownership", "prioritisation", "problem-solving", "failure"],
        "levels": ["junior", "mid", "senior", "executive"],
    },
    {
        "id": "peer",
        "title": "Senior Engineer",
        "default_name": "Pat Peer",
        "focus": ["communication", "teamwork", "conflict", "culture-fit"],
        "levels": ["junior", "mid", "senior", "executive"],
    },
    {
        "id": "department-head",
        "title": "Head of Department",
        "default_name": "Dee Head",
        "focus": ["influence", "ambiguity", "customer-focus", "adaptability"],
        "levels": ["junior", "mid", "senior", "executive"],
    },
    {
        "id": "executive",
        "title": "Chief Operating Officer",
        "default_name": "Eve Exec",
        "focus": ["leadership", "influence", "culture-fit"],
        "levels": ["senior", "executive"],
    },
]


def _question(competency: str, number: int) -> dict[str, Any]:
    probes = {c: [f"{competency} q{number}: tell me more about the {c}."] for c in COMPONENTS}
    return {
        "id": f"{competency}-q{number}",
        "text": f"Tell me about a time you showed {competency} (question {number}).",
        "probes": probes,
        "good_looks_like": "a specific story with a measured result",
    }


def make_library() -> PromptLibrary:
    """A library with 13 competencies of 4 questions each and the four standard personas."""
    personas = PersonasDoc.model_validate(
        {
            "id": "personas",
            "version": 1,
            "kind": "personas",
            "description": "test personas",
            "data": [
                {
                    **p,
                    "summary": "s",
                    "style": "s",
                    "opening_line": "Hello, I'm {name}.",
                    "probing_habits": ["h"],
                    "thrive_lens": "whether you fit",
                    "thrive_questions": ["Tell me about a team you loved."],
                    "candidate_question_themes": ["strategy"],
                }
                for p in PERSONAS
            ],
        }
    )
    bank = QuestionBankDoc.model_validate(
        {
            "id": "questions",
            "version": 1,
            "kind": "questions",
            "description": "test bank",
            "data": [
                {
                    "id": cid,
                    "name": cid.replace("-", " ").title(),
                    "description": f"how you handle {cid}",
                    "keywords": keywords,
                    "looks_for": [f"clear {cid}"],
                    "culture": culture,
                    "questions": [_question(cid, n) for n in range(1, 5)],
                }
                for cid, (keywords, culture) in COMPETENCIES.items()
            ],
        }
    )
    return PromptLibrary({"personas": personas, "questions": bank}, source=Path(__file__).parent)


def strong_answer() -> str:
    """An answer the fake coach scores as complete."""
    return (
        "The situation was tense; my task was clear; my action was decisive; the result was good."
    )


class FakeCoach(Coach):
    """Deterministic stand-in for a real coach; records what it was asked to do."""

    provider = "fake"

    def __init__(self, library: PromptLibrary) -> None:
        super().__init__(library)
        self.calls: list[str] = []

    def introduce(self, session: Session, panelist: Panelist) -> str:
        self.calls.append(f"introduce {panelist.name}")
        return f"Hello, I am {panelist.name}."

    def ask(
        self, session: Session, panelist: Panelist, competency: Competency, question: Question
    ) -> str:
        self.calls.append(f"ask {question.id}")
        return question.text

    def probe(
        self,
        session: Session,
        panelist: Panelist,
        turn: Turn,
        target: Component,
        question: Question | None,
    ) -> str:
        self.calls.append(f"probe {target}")
        assert question is not None
        return question.probes.for_component(target)[0]

    def assess(self, question: str, answer: str, competency: str | None = None) -> StarAssessment:
        self.calls.append("assess")
        words = set(re.findall(r"[a-z]+", answer.lower()))
        parts = {
            c: ComponentAssessment(present=c in words, score=4 if c in words else 1)
            for c in COMPONENTS
        }
        overall = sum(p.score for p in parts.values()) / len(parts)
        return StarAssessment(overall=max(1.0, overall), components=parts, provider=self.provider)

    def debrief(self, session: Session, panelist: Panelist) -> PanelistDebrief:
        self.calls.append(f"debrief {panelist.name}")
        return PanelistDebrief(
            panelist=panelist.name,
            title=panelist.title,
            persona=panelist.persona,
            impression=f"{panelist.name} saw enough.",
        )

    def questions_to_ask(self, request: AskRequest) -> list[CandidateQuestion]:
        audiences = [p.title for p in request.panelists] or ["Hiring Manager", "Peer"]
        return [
            CandidateQuestion(
                audience=audience,
                theme="strategy",
                question=f"What does success look like for the {request.role} at "
                f"{request.company}, from where you sit as {audience}?",
                why="shows you think about outcomes",
            )
            for audience in audiences
        ]

    def thank_you(self, session: Session, panelist: Panelist) -> ThankYouNote:
        return ThankYouNote(
            panelist=panelist.name,
            title=panelist.title,
            note=f"Dear {panelist.name}, thank you for the {session.settings.role} conversation.",
        )

    def brief(self, role: str, level: Level, company: str = "the company") -> Brief:
        return Brief(
            role=role,
            level=level,
            company=company,
            sections=[BriefSection(title="What changes", points=[f"{company} asks about fit."])],
            checklist=[f"Prepare three {role} stories."],
        )
