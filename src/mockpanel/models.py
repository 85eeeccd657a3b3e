"""Domain types shared by every layer: assessments, panelists, turns, sessions and their outputs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Component = Literal["situation", "task", "action", "result", "reflection"]
COMPONENTS: tuple[Component, ...] = ("situation", "task", "action", "result", "reflection")
STAR_CORE: tuple[Component, ...] = ("situation", "task", "action", "result")

Level = Literal["junior", "mid", "senior", "executive"]
# Every library template says "the {role} role" and "at {company}", so these read naturally there.
DEFAULT_ROLE = "open"
DEFAULT_COMPANY = "the company"
LEVELS: tuple[Level, ...] = ("junior", "mid", "senior", "executive")

TurnKind = Literal["question", "probe"]
SessionStatus = Literal["active", "paused", "finished"]

# Flags the analyzer (and the LLM judge) may raise on an answer.
FLAG_WE_HEAVY = "we-heavy"
FLAG_NO_RESULT = "no-result"
FLAG_UNQUANTIFIED_RESULT = "unquantified-result"
FLAG_HYPOTHETICAL = "hypothetical"
FLAG_TOO_SHORT = "too-short"
FLAG_TOO_LONG = "too-long"
FLAG_OFF_TOPIC = "off-topic"
FLAG_GRADER_MANIPULATION = "grader-manipulation"
FLAGS: tuple[str, ...] = (
    FLAG_WE_HEAVY,
    FLAG_NO_RESULT,
    FLAG_UNQUANTIFIED_RESULT,
    FLAG_HYPOTHETICAL,
    FLAG_TOO_SHORT,
    FLAG_TOO_LONG,
    FLAG_OFF_TOPIC,
    FLAG_GRADER_MANIPULATION,
)


def utc_now() -> datetime:
    """Current time, timezone-aware, second precision."""
    return datetime.now(UTC).replace(microsecond=0)


class ComponentAssessment(BaseModel):
    """One STAR component of one answer: is it there, how good is it, which sentences show it."""

    present: bool
    score: int = Field(ge=1, le=5)
    evidence: list[str] = Field(default_factory=list)


class AnswerSignals(BaseModel):
    """Measurable facts about an answer, independent of any scorer."""

    word_count: int
    sentence_count: int
    speaking_seconds: float
    first_person_singular: int
    first_person_plural: int
    metrics: list[str] = Field(default_factory=list)
    hedges: int = 0
    fillers: int = 0
    hypothetical: bool = False
    generic: bool = False
    relevance: float = Field(default=1.0, ge=0.0, le=1.0)


class StarAnalysis(BaseModel):
    """What the deterministic analyzer concludes about one answer."""

    overall: float = Field(ge=1.0, le=5.0)
    components: dict[Component, ComponentAssessment]
    flags: list[str] = Field(default_factory=list)
    signals: AnswerSignals


class Feedback(BaseModel):
    """Coaching on one answer. `stronger_version` never invents facts: gaps are placeholders."""

    landed: list[str] = Field(default_factory=list)
    sharpen: list[str] = Field(default_factory=list)
    stronger_version: str = ""


class StarAssessment(BaseModel):
    """The scored answer as every consumer sees it (`score --json`, reports, the store)."""

    overall: float = Field(ge=1.0, le=5.0)
    components: dict[Component, ComponentAssessment]
    flags: list[str] = Field(default_factory=list)
    feedback: Feedback = Field(default_factory=Feedback)
    provider: str = "offline"
    signals: AnswerSignals | None = None
    notes: list[str] = Field(default_factory=list)
    # The deterministic analyzer's overall when a model judged the answer (shown beside it).
    analyzer_overall: float | None = Field(default=None, ge=1.0, le=5.0)

    @classmethod
    def from_analysis(
        cls, analysis: StarAnalysis, feedback: Feedback, provider: str = "offline"
    ) -> StarAssessment:
        """Combine the analyzer's view with feedback into the public assessment."""
        return cls(
            overall=analysis.overall,
            components=analysis.components,
            flags=analysis.flags,
            feedback=feedback,
            provider=provider,
            signals=analysis.signals,
        )


class Panelist(BaseModel):
    """A person on the panel. `persona` is a persona id from the prompt library."""

    model_config = ConfigDict(frozen=True)

    name: str
    title: str
    persona: str
    notes: str = ""


class Turn(BaseModel):
    """One exchange: a panelist asks (a main question or a probe) and the candidate answers.

    A probe's assessment scores the main answer together with every follow-up answer so far.
    """

    index: int
    panelist: str
    kind: TurnKind
    competency: str
    question_id: str | None = None
    question: str
    answer: str | None = None
    assessment: StarAssessment | None = None
    skipped: bool = False
    probe_of: int | None = None
    probe_target: Component | None = None
    asked_at: datetime = Field(default_factory=utc_now)
    answered_at: datetime | None = None
    notes: list[str] = Field(default_factory=list)


class Usage(BaseModel):
    """Tokens spent on model calls."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0

    def describe(self) -> str:
        """One line for people: tokens in and out, and over how many calls."""
        calls = "1 model call" if self.calls == 1 else f"{self.calls:,} model calls"
        return (
            f"{self.prompt_tokens:,} prompt + {self.completion_tokens:,} completion tokens "
            f"over {calls}"
        )

    def add(self, other: Usage) -> Usage:
        """Return the sum of two usage records."""
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            calls=self.calls + other.calls,
        )


class SessionSettings(BaseModel):
    """Everything that defines a panel before it starts; stored so `resume` can continue it."""

    role: str = DEFAULT_ROLE
    company: str = DEFAULT_COMPANY
    level: Level = "mid"
    jd: str = ""
    cv: str = ""
    questions: int = Field(default=6, ge=1, le=30)
    seed: int | None = None
    feedback_mode: Literal["live", "end"] = "end"
    provider: str = "offline"
    model: str | None = None


class CandidateQuestion(BaseModel):
    """A question the candidate should ask, aimed at one panelist or role type."""

    audience: str
    theme: str
    question: str
    why: str = ""


class ThankYouNote(BaseModel):
    """A follow-up note to one panelist, citing something from their part of the session."""

    panelist: str
    title: str
    note: str


class AskRequest(BaseModel):
    """Context for writing the questions a candidate should ask the panel."""

    role: str = DEFAULT_ROLE
    company: str = DEFAULT_COMPANY
    level: Level = "mid"
    jd: str = ""
    panelists: list[Panelist] = Field(default_factory=list)


class PanelistDebrief(BaseModel):
    """One panelist's end-of-session view: would this candidate thrive here, through their lens?"""

    panelist: str
    title: str
    persona: str
    score: float | None = Field(default=None, ge=1.0, le=5.0)
    impression: str
    strengths: list[str] = Field(default_factory=list)
    concerns: list[str] = Field(default_factory=list)


class BriefSection(BaseModel):
    """A titled block of the pre-interview brief."""

    title: str
    points: list[str]


class Brief(BaseModel):
    """What to expect in the second round for a role and level, and how to prepare."""

    role: str
    level: Level
    company: str = DEFAULT_COMPANY
    sections: list[BriefSection]
    checklist: list[str]


class Session(BaseModel):
    """A mock panel: its settings, the panel, the plan of questions and every turn so far."""

    id: str
    started_at: datetime = Field(default_factory=utc_now)
    finished_at: datetime | None = None
    status: SessionStatus = "active"
    settings: SessionSettings
    panelists: list[Panelist]
    plan: list[str] = Field(default_factory=list)
    turns: list[Turn] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    debriefs: list[PanelistDebrief] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
