"""Score stability: judge one answer several times with different seeds and measure the spread."""

from __future__ import annotations

import statistics

from pydantic import BaseModel

from mockpanel.coach.base import Coach
from mockpanel.models import COMPONENTS, Component, StarAssessment

# Repeated judging needs some randomness, or every sample would be the first one again.
SAMPLE_TEMPERATURE = 0.7
FIRST_SAMPLE_SEED = 1


class Spread(BaseModel):
    """Mean, standard deviation and range of one score over the samples."""

    mean: float
    stdev: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float]) -> Spread:
        """The spread of `values` (at least one)."""
        return cls(
            mean=round(statistics.fmean(values), 2),
            stdev=round(statistics.pstdev(values), 2),
            low=min(values),
            high=max(values),
        )


class ScoreSamples(BaseModel):
    """How much the score of one answer moves between judgements."""

    samples: int
    judged: int
    overall: Spread
    components: dict[Component, Spread]
    overalls: list[float]


def representative(assessments: list[StarAssessment]) -> StarAssessment:
    """The sample whose overall is the median one (the earliest, on a tie)."""
    middle = statistics.median_low(a.overall for a in assessments)
    return next(a for a in assessments if a.overall == middle)


def sample_assessments(
    coach: Coach, question: str, answer: str, samples: int, competency: str | None = None
) -> tuple[StarAssessment, ScoreSamples]:
    """Judge `answer` `samples` times; the median sample and the spread of all of them."""
    from mockpanel.coach.llm import LLMCoach

    assessments: list[StarAssessment] = []
    for number in range(max(samples, 1)):
        if isinstance(coach, LLMCoach) and samples > 1:
            with coach.sampling(FIRST_SAMPLE_SEED + number, SAMPLE_TEMPERATURE):
                assessments.append(coach.assess(question, answer, competency))
        else:
            assessments.append(coach.assess(question, answer, competency))
    stability = ScoreSamples(
        samples=len(assessments),
        judged=sum(1 for a in assessments if a.provider != "offline"),
        overall=Spread.of([a.overall for a in assessments]),
        components={
            name: Spread.of([float(a.components[name].score) for a in assessments])
            for name in COMPONENTS
        },
        overalls=[a.overall for a in assessments],
    )
    return representative(assessments), stability
