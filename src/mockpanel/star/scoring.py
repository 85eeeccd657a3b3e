"""Turn a story reading into scores: rubric weights combine the parts, rubric caps bound them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from mockpanel.library import CapCondition, RubricCap, RubricData
from mockpanel.models import STAR_CORE, Component
from mockpanel.star.components import StoryReading

# An exemplary answer is concise: a story that runs on for minutes loses this much and cannot
# reach the exemplary band.
RAMBLING_PENALTY = 0.5
RAMBLING_CEILING = 4.4
# Several minutes of talk is no longer an interview answer, whatever it contains.
RUNAWAY_CEILING = 3.0


@dataclass(frozen=True, slots=True)
class ScoringPolicy:
    """The numbers the rubric sets: a weight per component and the calibration caps."""

    weights: dict[Component, float]
    caps: tuple[RubricCap, ...]

    @classmethod
    def from_rubric(cls, rubric: RubricData) -> ScoringPolicy:
        """Take weights and caps from a loaded rubric."""
        return cls(
            weights={name: part.weight for name, part in rubric.components.items()},
            caps=tuple(rubric.caps),
        )

    def cap_for(self, target: Component | str, holding: set[CapCondition]) -> int:
        """The lowest cap on `target` among the conditions that hold (5 when none)."""
        limits = [c.max_score for c in self.caps if c.target == target and c.condition in holding]
        return min(limits, default=5)


def conditions(
    reading: StoryReading, *, off_topic: bool, manipulated: bool, unquantified: bool
) -> set[CapCondition]:
    """Which rubric cap conditions hold for this reading."""
    found = reading.findings
    holding: set[CapCondition] = set()
    if not found["action"].present:
        holding.add("no-personal-action")
    if not found["result"].present:
        holding.add("no-result")
    if not found["situation"].present:
        holding.add("no-situation")
    if not found["task"].present:
        holding.add("no-task")
    if not all(found[c].present for c in STAR_CORE):
        holding.add("missing-star-part")
    if reading.hypothetical:
        holding.add("hypothetical")
    if reading.generic:
        holding.add("generic")
    if off_topic:
        holding.add("off-topic")
    if manipulated and not reading.real_example:
        holding.add("grader-manipulation")
    if not found["reflection"].present:
        holding.add("no-reflection")
    if unquantified:
        holding.add("unquantified-result")
    if reading.we_heavy:
        holding.add("we-heavy")
    return holding


def component_scores(
    reading: StoryReading, policy: ScoringPolicy, holding: set[CapCondition]
) -> dict[Component, int]:
    """Per-component scores 1-5 after the rubric's component caps; absent parts score 1."""
    scores: dict[Component, int] = {}
    for name, finding in reading.findings.items():
        score = finding.score if finding.present else 1
        scores[name] = max(1, min(score, policy.cap_for(name, holding)))
    return scores


def overall_score(
    scores: dict[Component, int],
    policy: ScoringPolicy,
    holding: set[CapCondition],
    *,
    manipulated: bool,
    rambling: bool = False,
    runaway: bool = False,
) -> float:
    """Weighted core average, plus the reflection's share, then capped; one decimal."""
    core_weight = sum(policy.weights[c] for c in STAR_CORE)
    core = sum(policy.weights[c] * scores[c] for c in STAR_CORE) / core_weight
    # Reflection lifts a complete story by up to its weight; absent, it costs nothing here
    # (the no-reflection cap keeps such answers below 5).
    raw = core + policy.weights["reflection"] * (scores["reflection"] - 1) / 4
    if rambling:
        raw = min(raw - RAMBLING_PENALTY, RAMBLING_CEILING)
    if runaway:
        raw = min(raw, RUNAWAY_CEILING)
    capped = min(raw, float(policy.cap_for("overall", holding)))
    if manipulated:
        # Text aimed at the scorer never earns the benefit of the doubt.
        capped = math.floor(capped)
    return round(max(1.0, min(5.0, capped)), 1)
