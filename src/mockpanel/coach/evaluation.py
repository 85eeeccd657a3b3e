"""A coach's judgement in the analyzer's shape, so `mockpanel eval` can score the LLM judge too."""

from __future__ import annotations

from collections.abc import Iterable

from mockpanel.coach.base import Coach
from mockpanel.models import StarAnalysis
from mockpanel.star import StarAnalyzer


class CoachJudge(StarAnalyzer):
    """Answers `analyze` with `coach.assess`, counting how often the model's view was used."""

    def __init__(self, coach: Coach) -> None:
        super().__init__(coach.library)
        self.coach = coach
        self.judged = 0
        self.total = 0

    def analyze(self, answer: str, question: str | None = None) -> StarAnalysis:
        """The coach's assessment of `answer`, as an analysis."""
        assessment = self.coach.assess(question or "", answer)
        self.total += 1
        self.judged += assessment.provider != "offline"
        signals = assessment.signals or self.score(self.read(answer, question)).signals
        return StarAnalysis(
            overall=assessment.overall,
            components=assessment.components,
            flags=assessment.flags,
            signals=signals,
        )

    def analyze_many(self, items: Iterable[tuple[str, str | None]]) -> list[StarAnalysis]:
        """One coach assessment per answer: the judge sees answers one at a time."""
        return [self.analyze(answer, question) for answer, question in items]
