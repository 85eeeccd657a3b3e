"""Agreement between the analyzer and human labels (format: shared/eval/LABELING.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mockpanel.errors import InputFileError
from mockpanel.models import COMPONENTS, Component, StarAnalysis
from mockpanel.star.analyzer import StarAnalyzer

# Tags that mark an answer as an attempt to game the scorer.
MANIPULATION_TAGS = frozenset(
    {"injection", "prompt-injection", "grader-manipulation", "manipulation", "gaming"}
)


class LabelledAnswer(BaseModel):
    """One labelled answer, as a line of a labelled JSONL file."""

    model_config = ConfigDict(extra="ignore")

    id: str
    question: str = ""
    answer: str
    labels: dict[Component, bool]
    overall: int = Field(ge=1, le=5)
    role: str = ""
    competency: str = ""
    tags: list[str] = Field(default_factory=list)

    @property
    def manipulation(self) -> bool:
        """Whether the labeller tagged this answer as an attempt to game the scorer."""
        return bool(MANIPULATION_TAGS.intersection(self.tags))


class ScoredAnswer(BaseModel):
    """One labelled answer next to what the analyzer made of it."""

    id: str
    label_overall: int
    predicted_overall: float
    label_presence: dict[Component, bool]
    predicted_presence: dict[Component, bool]
    flags: list[str]
    tags: list[str]
    manipulation: bool

    @property
    def error(self) -> float:
        """Absolute difference between predicted and labelled overall."""
        return abs(self.predicted_overall - self.label_overall)

    @property
    def component_misses(self) -> list[Component]:
        """Components whose predicted presence differs from the label."""
        return [c for c in COMPONENTS if self.label_presence[c] != self.predicted_presence[c]]


class Agreement(BaseModel):
    """Agreement metrics over a labelled set."""

    count: int
    presence_accuracy: dict[Component, float]
    presence_accuracy_mean: float
    overall_mae: float
    within_one: float
    spearman: float
    manipulation_attempts: int
    manipulation_at_or_below_label: int
    worst: list[ScoredAnswer]


def parse_labelled(text: str, source: str) -> list[LabelledAnswer]:
    """Parse a labelled JSONL text; a bad line raises `InputFileError` naming the line."""
    records: list[LabelledAnswer] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputFileError(f"{source}:{number}: not valid JSON ({exc.msg})") from None
        try:
            record = LabelledAnswer.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "record"
            raise InputFileError(f"{source}:{number}: {where}: {first['msg']}") from None
        missing = set(COMPONENTS) - set(record.labels)
        if missing:
            raise InputFileError(f"{source}:{number}: labels lack {', '.join(sorted(missing))}")
        records.append(record)
    if not records:
        raise InputFileError(f"{source} holds no labelled answers")
    return records


def score_records(
    records: Sequence[LabelledAnswer], analyzer: StarAnalyzer | None = None
) -> list[ScoredAnswer]:
    """Run the analyzer over every labelled answer."""
    analyzer = analyzer or StarAnalyzer()
    analyses = analyzer.analyze_many((record.answer, record.question) for record in records)
    return [_scored(record, analysis) for record, analysis in zip(records, analyses, strict=True)]


def _scored(record: LabelledAnswer, analysis: StarAnalysis) -> ScoredAnswer:
    return ScoredAnswer(
        id=record.id,
        label_overall=record.overall,
        predicted_overall=analysis.overall,
        label_presence={c: record.labels[c] for c in COMPONENTS},
        predicted_presence={c: analysis.components[c].present for c in COMPONENTS},
        flags=analysis.flags,
        tags=record.tags,
        manipulation=record.manipulation,
    )


def agreement(scored: Sequence[ScoredAnswer], worst: int = 10) -> Agreement:
    """Presence accuracy per component, overall MAE, within-one rate, Spearman rho and more."""
    if not scored:
        raise ValueError("agreement needs at least one scored answer")
    count = len(scored)
    presence = {
        c: round(sum(s.label_presence[c] == s.predicted_presence[c] for s in scored) / count, 3)
        for c in COMPONENTS
    }
    attempts = [s for s in scored if s.manipulation]
    ranked = sorted(scored, key=lambda s: (-s.error, -len(s.component_misses), s.id))
    return Agreement(
        count=count,
        presence_accuracy=presence,
        presence_accuracy_mean=round(sum(presence.values()) / len(presence), 3),
        overall_mae=round(sum(s.error for s in scored) / count, 3),
        within_one=round(sum(s.error <= 1.0 for s in scored) / count, 3),
        spearman=round(
            spearman([s.predicted_overall for s in scored], [s.label_overall for s in scored]), 3
        ),
        manipulation_attempts=len(attempts),
        manipulation_at_or_below_label=sum(
            s.predicted_overall <= s.label_overall for s in attempts
        ),
        worst=[s for s in ranked[:worst] if s.error > 0 or s.component_misses],
    )


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rank correlation with average ranks for ties (0.0 when undefined)."""
    if len(xs) != len(ys):
        raise ValueError("spearman needs two sequences of the same length")
    rx, ry = _ranks(xs), _ranks(ys)
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    if vx == 0 or vy == 0:
        return 0.0
    return float(cov / (vx * vy) ** 0.5)


def _ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties sharing their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks
