"""The JSON shapes the LLM coach asks the model for, validated with pydantic.

They stay small on purpose: every field is shown to the model as a schema, and tiny local models
follow short schemas far more reliably. Values the coach already knows (role, level, panelist
titles) are never asked for; list lengths are bounded so a rambling reply fails validation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, create_model


def _drop_description(schema: dict[str, Any]) -> None:
    # Small models copy a schema's descriptions into their replies; the prompt explains enough.
    schema.pop("description", None)


class Reply(BaseModel):
    """Base of every reply shape: the class docstring stays out of the schema shown to models."""

    model_config = ConfigDict(json_schema_extra=_drop_description)


FlagName = Literal[
    "we-heavy",
    "no-result",
    "unquantified-result",
    "hypothetical",
    "too-short",
    "too-long",
    "off-topic",
    "grader-manipulation",
]


class JudgedPart(Reply):
    """The judge's view of one STAR part."""

    present: bool
    score: int = Field(ge=1, le=5)
    evidence: list[str] = Field(max_length=3)


class JudgeReply(Reply):
    """The judge's scores for one answer: every part, an overall score, and flags."""

    situation: JudgedPart
    task: JudgedPart
    action: JudgedPart
    result: JudgedPart
    reflection: JudgedPart
    overall: float = Field(ge=1, le=5)
    flags: list[FlagName] = Field(max_length=8)


class FeedbackReply(Reply):
    """Coaching on one answer."""

    landed: list[str] = Field(max_length=3)
    sharpen: list[str] = Field(min_length=1, max_length=3)
    stronger_version: str


class DebriefReply(Reply):
    """One panelist's end-of-session impression."""

    score: float = Field(ge=1, le=5)
    impression: str
    strengths: list[str] = Field(max_length=3)
    concerns: list[str] = Field(max_length=3)


class SuggestedQuestion(Reply):
    """A question the candidate could ask one panelist."""

    audience: str
    theme: str
    question: str
    why: str


class QuestionsReply(Reply):
    """Questions for the candidate to ask, for every panelist."""

    questions: list[SuggestedQuestion] = Field(min_length=1, max_length=16)


def questions_reply_for(audiences: Sequence[str]) -> type[QuestionsReply]:
    """`QuestionsReply` whose `audience` must be one of `audiences` (an enum the model sees)."""
    names: Any = Literal.__getitem__(tuple(audiences))
    question = create_model("SuggestedQuestion", __base__=SuggestedQuestion, audience=(names, ...))
    reply = create_model(
        "QuestionsReply",
        __base__=QuestionsReply,
        questions=(list[question], Field(min_length=1, max_length=16)),
    )
    return cast(type[QuestionsReply], reply)


class ThankYouReply(Reply):
    """A thank-you note to one panelist."""

    note: str


class BriefSectionReply(Reply):
    """One titled block of the brief."""

    title: str
    points: list[str] = Field(min_length=1, max_length=6)


class BriefReply(Reply):
    """What to expect in the second round, and a checklist."""

    sections: list[BriefSectionReply] = Field(min_length=3, max_length=8)
    checklist: list[str] = Field(min_length=3, max_length=12)
