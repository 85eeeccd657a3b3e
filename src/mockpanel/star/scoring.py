"""Turn a story reading into scores: rubric weights combine the parts, rubric caps bound them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from mockpanel.library import CapCondition, RubricCap, RubricData, RubricLengths
from mockpanel.models import STAR_CORE, Component
from mockpanel.star.components import StoryReading

# The rubric's 5 ("specific, quantified result, reflection, relevant and concise") is a set of
# facts: when the reading finds all of them, the answer belongs in that band whatever its finer
# component scores, so the overall starts there.
EXEMPLARY_FLOOR = 4.5
BRIEF_CEILING = 4.0
_SHORT_OF_EXEMPLARY: frozenset[CapCondition] = frozenset(
    {
        "missing-star-part",
        "no-reflection",
        "unquantified-result",
        "we-heavy",
        "off-topic",
        "doubtful-topic",
        "hypothetical",
        "generic",
        "grader-manipulation",
    }
)


@dataclass(frozen=True, slots=True)
class ScoringPolicy:
    """The numbers the rubric sets: a weight per component, the calibration caps, the lengths."""

    weights: dict[Component, float]
    caps: tuple[RubricCap, ...]
    lengths: RubricLengths

    @classmethod
    def from_rubric(cls, rubric: RubricData) -> ScoringPolicy:
        """Take weights and caps from a loaded rubric."""
        return cls(
            weights={name: part.weight for name, part in rubric.components.items()},
            caps=tuple(rubric.caps),
            lengths=rubric.lengths,
        )

    def cap_for(self, target: Component | str, holding: set[CapCondition]) -> int:
        """The lowest cap on `target` among the conditions that hold (5 when none)."""
        limits = [c.max_score for c in self.caps if c.target == target and c.condition in holding]
        return min(limits, default=5)


def conditions(
    reading: StoryReading,
    *,
    off_topic: bool,
    manipulated: bool,
    doubtful_topic: bool = False,
    unquantified: bool,
    substantial: bool = True,
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
    if doubtful_topic:
        holding.add("doubtful-topic")
    # Beside text aimed at the scorer, only a genuine story counts: a line or two, or a story
    # with a STAR part missing, is not one.
    genuine = reading.real_example and substantial and "missing-star-part" not in holding
    if manipulated and not genuine:
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
    brief: bool = False,
) -> float:
    """Weighted core average, plus the reflection's share, then capped; one decimal."""
    core_weight = sum(policy.weights[c] for c in STAR_CORE)
    core = sum(policy.weights[c] * scores[c] for c in STAR_CORE) / core_weight
    # Reflection lifts a complete story by up to its weight; absent, it costs nothing here
    # (the no-reflection cap keeps such answers below 5).
    raw = core + policy.weights["reflection"] * (scores["reflection"] - 1) / 4
    if not (rambling or brief) and not holding & _SHORT_OF_EXEMPLARY:
        raw = max(raw, EXEMPLARY_FLOOR)
    if brief:
        # A few lines cannot tell a story "specific and concise" at once: never exemplary.
        raw = min(raw, BRIEF_CEILING)
    lengths = policy.lengths
    if rambling:
        raw = min(raw - lengths.rambling_penalty, lengths.rambling_ceiling)
    if runaway:
        raw = min(raw, lengths.runaway_ceiling)
    capped = min(raw, float(policy.cap_for("overall", holding)))
    if manipulated:
        # Text aimed at the scorer never earns the benefit of the doubt.
        capped = math.floor(capped)
    return round(max(1.0, min(5.0, capped)), 1)
