"""From clause roles to graded part strengths, and from strengths to scores under the rubric.

Each STAR part gets a strength in [0, 1] from the clauses that earned it; a part counts as present
from 0.5. The overall follows the labelling guide's bands, graded inside each band, so a doubtful
part lowers the score rather than dropping it a whole band.
"""

from __future__ import annotations

from dataclasses import dataclass

from mockpanel.library import RubricLengths
from mockpanel.models import COMPONENTS, STAR_CORE, Component
from mockpanel.star.roles import StoryReading

PRESENT = 0.5


def _clip(value: float) -> float:
    return max(0.0, min(1.0, value))


@dataclass(frozen=True, slots=True)
class Strengths:
    """How strongly the story shows each part, and the facts the bands turn on."""

    parts: dict[Component, float]
    quantified: bool
    we_heavy: bool
    concrete_steps: int

    def present(self, part: Component) -> bool:
        """Whether `part` is shown strongly enough to count."""
        return self.parts[part] >= PRESENT


def strengths(reading: StoryReading) -> Strengths:
    """Part strengths from the clauses that play each role."""
    situation = reading.having("situation")
    actions = reading.having("action")
    results = reading.having("result")
    steps = sum(r.action_weight for r in actions)
    concrete = sum(r.action_weight >= 1 for r in actions)
    group = sum(r.group_action for r in reading.clauses)
    action = _clip(steps / 2) if steps else _clip(0.12 * group)
    action = min(action, 0.45) if not steps else action
    sit = 0.0
    if situation:
        detail = any(r.clause.numbers or r.clause.years for r in situation) or reading.anchored
        sit = _clip(0.55 + 0.15 * (len(situation) - 1) + (0.2 if detail else 0.0))
    if reading.having("task"):
        task = 1.0
    elif sit >= PRESENT and concrete >= 2:
        task = 0.65  # the story poses a problem and the speaker plainly takes it on
    elif sit >= PRESENT and steps >= 1:
        task = 0.45
    else:
        task = 0.0
    result = max((r.result_kind for r in results), default=0.0)
    quantified = any(r.result_kind >= 1.0 for r in results)
    if reading.hypothetical or reading.generic:
        # What one would do, or usually does, is no occasion, no step taken and no outcome.
        sit = task = action = result = 0.0
        quantified = False
    return Strengths(
        parts={
            "situation": sit,
            "task": task,
            "action": action,
            "result": result,
            "reflection": 1.0 if reading.having("reflection") else 0.0,
        },
        quantified=quantified,
        we_heavy=group > len(actions) and group >= 2,
        concrete_steps=concrete,
    )


def component_scores(found: Strengths) -> dict[Component, int]:
    """Scores 1-5 per part: absent parts at most 2, an unmeasured result at most 4."""
    scores: dict[Component, int] = {}
    for part in COMPONENTS:
        strength = found.parts[part]
        score = round(1 + 4 * strength)
        if strength < PRESENT:
            score = min(score, 2)
        if part == "result" and not found.quantified:
            score = min(score, 4)
        if part == "action" and found.we_heavy:
            score = min(score, 3)
        scores[part] = max(1, min(5, score))
    return scores


@dataclass(frozen=True, slots=True)
class Shape:
    """Facts about the answer as a whole that bound its band."""

    real_example: bool
    words: int
    clauses: int


def overall_score(found: Strengths, shape: Shape, lengths: RubricLengths) -> float:
    """The guide's bands: 1 no real example, 2 parts missing, 3 thin, 4 clear, 5 exemplary."""
    if not shape.real_example:
        return 1.0
    core = [found.parts[p] for p in STAR_CORE]
    if min(core) < PRESENT:
        # A real example with parts missing: 2, less when little of the story is there,
        # more when a missing part is only in doubt.
        shown = sum(min(1.0, s / PRESENT) for s in core) / len(core)
        score = 1.5 + 1.0 * shown
        return round(min(score, 2.4), 1)
    actions = _clip((found.parts["action"] - PRESENT) / PRESENT)
    result = _clip((found.parts["result"] - 0.6) / 0.25)
    clear = min(actions, result)
    if found.we_heavy:
        clear = min(clear, 0.4)
    if not found.quantified:
        # Without a number a result is seldom the "concrete" one of a 4, and never that of a 5.
        clear = min(clear, 0.5)
    exemplary = clear if found.present("reflection") else 0.0
    if shape.words > lengths.too_long_words * 1.3:
        exemplary = min(exemplary, 0.4)
    score = 3.0 + clear + exemplary
    if shape.clauses <= 2 or shape.words < 25:
        score = min(score, 2.0)  # one sentence cannot carry a whole story
    elif shape.words < lengths.too_short_words:
        score = min(score, 3.5)
    return round(score, 1)
