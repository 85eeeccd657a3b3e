"""Decide which STAR parts an answer holds, how well, and which sentences show each one.

The reading works in two steps. First: is this a particular past event at all (a story), or a
habit, a belief, a refusal or an imagined answer? Only a story can have a situation, task,
action and result. Second: each part is found by its structure (anchors for the situation,
responsibility frames for the task, first-person past actions, outcome language after the
actions, lessons and "I now" frames for the reflection) and graded on specificity.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mockpanel.models import COMPONENTS, Component
from mockpanel.star.segment import Sentence
from mockpanel.star.signals import SentenceFeatures, measure_outcome

MAX_EVIDENCE = 3


@dataclass(slots=True)
class Finding:
    """One STAR part as read from the answer."""

    present: bool = False
    score: int = 1
    evidence: list[Sentence] = field(default_factory=list)
    implicit: bool = False


@dataclass(slots=True)
class StoryReading:
    """Everything the component reader concludes about one answer."""

    findings: dict[Component, Finding]
    real_example: bool
    hypothetical: bool
    generic: bool
    we_heavy: bool
    result_metrics: list[str]


def read_story(features: list[SentenceFeatures]) -> StoryReading:
    """Read the STAR parts of an answer from its sentence features."""
    findings: dict[Component, Finding] = {c: Finding() for c in COMPONENTS}
    real, hypothetical, generic = _story_mode(features)
    singular = sum(f.singular for f in features)
    plural = sum(f.plural for f in features)
    personal = sum(f.i_actions for f in features if not f.imagined)
    group = sum(f.we_actions for f in features if not f.imagined)
    we_heavy = (group >= 2 and group >= personal) or (plural >= 4 and plural >= 2 * singular)
    result_metrics: list[str] = []
    if real:
        first_action = _find_action(features, findings["action"])
        _find_situation(features, findings["situation"], first_action)
        _find_result(features, findings["result"], first_action)
        _find_task(features, findings)
        for sentence in findings["result"].evidence:
            result_metrics.extend(_feature_of(features, sentence).metrics)
    _find_reflection(features, findings["reflection"])
    return StoryReading(
        findings=findings,
        real_example=real,
        hypothetical=hypothetical,
        generic=generic,
        we_heavy=we_heavy and real,
        result_metrics=result_metrics,
    )


def _feature_of(features: list[SentenceFeatures], sentence: Sentence) -> SentenceFeatures:
    """The features computed for `sentence`."""
    for feature in features:
        if feature.sentence is sentence:
            return feature
    raise KeyError(sentence.index)


def _story_mode(features: list[SentenceFeatures]) -> tuple[bool, bool, bool]:
    """(real example, hypothetical, generic): is there a particular past event at all?"""
    narrative = [f for f in features if f.narrative]
    imagined = [f for f in features if f.imagined]
    general = [f for f in features if f.general and not f.narrative]
    anchored = any(f.time_anchor or f.place_anchor or f.existential for f in narrative)
    # Non-native or spoken answers often tell a past event in the present tense.
    retold = [
        f
        for f in features
        if f.i_present_actions and not f.narrative and not f.imagined and not f.general
    ]
    story = len(narrative) + (len(retold) if narrative else 0) + (1 if anchored else 0)
    refused = any(f.refusal for f in features)
    real = bool(narrative) and story >= len(imagined) + len(general) and not (refused and story < 3)
    if real:
        return True, False, False
    hypothetical = bool(imagined) and len(imagined) >= len(general)
    return False, hypothetical, not hypothetical


def _action_strength(feature: SentenceFeatures) -> float:
    """Personal action in one sentence; a lesson told in the present is not an action."""
    if feature.imagined or feature.refusal:
        return 0.0
    if (feature.self_description or feature.generic_you) and not feature.i_past_actions:
        return 0.0
    if feature.reflection and not feature.i_past_actions:
        return 0.0
    strength = feature.i_past_actions + feature.i_present_actions
    if feature.sentence.label == "action" and feature.bare_actions and not feature.we_actions:
        strength += feature.bare_actions
    return strength


def _find_action(features: list[SentenceFeatures], finding: Finding) -> int:
    """Fill the action finding; return the index of the first action sentence (or -1)."""
    scored = [(f, _action_strength(f)) for f in features]
    acting = [(f, s) for f, s in scored if s > 0]
    total = sum(s for _, s in acting)
    if not acting:
        first_group = next((f.sentence.index for f in features if f.we_actions), -1)
        return first_group
    first = acting[0][0].sentence.index
    if total < 0.75:
        return first
    finding.present = True
    best = sorted(acting, key=lambda item: -item[1])[:MAX_EVIDENCE]
    finding.evidence = sorted((f.sentence for f, _ in best), key=lambda s: s.index)
    vague = sum(f.i_vague_actions for f, _ in acting)
    clauses = sum(max(1.0, s) for _, s in acting)
    specifics = sum(min(f.specifics, 2) for f, _ in acting)
    group = sum(f.we_actions for f in features)
    score = 2.0 + min(total, 5.0) * 0.6 + min(specifics, 4) * 0.25
    if vague >= 0.5 * clauses:
        score -= 1.0
    if group > total:
        score -= 1.0
    if any(f.ownership for f, _ in acting):
        score += 0.5
    finding.score = _clamp(score, 2)
    return first


def _situation_strength(feature: SentenceFeatures) -> float:
    """How much a sentence sets a particular scene: when, where, what was going on."""
    if feature.imagined or (feature.general and not feature.narrative):
        return 0.0
    score = 0.0
    score += 2.0 if feature.time_anchor else 0.0
    score += 2.0 if feature.place_anchor else 0.0
    score += 1.5 if feature.existential else 0.0
    score += 1.0 if feature.scene else 0.0
    score += 0.5 * min(feature.problem, 2)
    if feature.past and not feature.i_actions:
        score += 0.5
    label = feature.sentence.label
    if label == "situation":
        score += 3.0
    elif label is not None:
        score -= 2.0
    return score


def _find_situation(features: list[SentenceFeatures], finding: Finding, first_action: int) -> None:
    """Fill the situation finding from the opening sentences."""
    limit = max(2, first_action, len(features) // 2)
    candidates = [(f, _situation_strength(f)) for f in features if f.sentence.index <= limit]
    chosen = [(f, s) for f, s in candidates if s >= 2.0]
    if not chosen:
        return
    finding.present = True
    best = sorted(chosen, key=lambda item: -item[1])[:2]
    finding.evidence = sorted((f.sentence for f, _ in best), key=lambda s: s.index)
    anchors = {
        kind
        for f, _ in chosen
        for kind, on in (("time", f.time_anchor), ("place", f.place_anchor))
        if on
    }
    stakes = sum(f.problem for f, _ in chosen)
    specifics = sum(f.specifics for f, _ in chosen)
    score = 2.0 + 0.75 * len(anchors) + (0.75 if stakes else 0.0) + min(specifics, 3) * 0.35
    finding.score = _clamp(score, 2)


def _result_strength(feature: SentenceFeatures) -> float:
    """How clearly a sentence states an outcome."""
    measure_outcome(feature)
    if feature.imagined or feature.pending or feature.outcome is None:
        return 0.0
    if feature.general and not feature.past:
        return 0.0
    strength = feature.outcome
    if feature.i_actions >= 1 and strength < 1.5:
        strength *= 0.5
    if feature.reflection and not feature.metrics:
        strength *= 0.5
    if feature.goal and not feature.i_past_actions:
        return 0.0  # "I was responsible for keeping us on schedule" is a goal, not an outcome
    if feature.sentence.label == "result" and feature.words >= 3:
        strength += 1.0
    elif feature.sentence.label in ("situation", "task"):
        strength *= 0.3
    return strength


def _find_result(features: list[SentenceFeatures], finding: Finding, first_action: int) -> None:
    """Fill the result finding from what comes after the first action."""
    start = first_action if first_action >= 0 else 1
    chosen = [
        (f, s)
        for f in features
        if f.sentence.index >= start
        for s in (_result_strength(f),)
        if s >= 1.0
    ]
    if not chosen:
        return
    finding.present = True
    best = sorted(chosen, key=lambda item: -item[1])[:MAX_EVIDENCE]
    finding.evidence = sorted((f.sentence for f, _ in best), key=lambda s: s.index)
    metrics = [m for f, _ in chosen for m in f.metrics]
    concrete = sum(1 for f, _ in chosen if f.metrics or not f.vague_outcome)
    hedged = sum(f.hedges for f, _ in chosen)
    if metrics:
        compared = any(m.startswith("from ") for m in metrics)
        score = 4.0 + (1.0 if len(metrics) >= 2 or compared else 0.0)
    else:
        score = 2.0 + min(concrete, 2)
    if hedged:
        score -= 0.5 * min(hedged, 2)
    finding.score = _clamp(score, 2)


def _find_task(features: list[SentenceFeatures], findings: dict[Component, Finding]) -> None:
    """Fill the task finding from responsibility and goal frames, or from an implicit take-on."""
    finding = findings["task"]
    chosen = [
        f
        for f in features
        if (f.task_frame and not f.imagined and not (f.general and not f.past))
        or (f.sentence.label == "task" and not f.imagined)
    ]
    chosen = [f for f in chosen if f.sentence.label in (None, "task", "situation")]
    if chosen:
        finding.present = True
        finding.evidence = [f.sentence for f in chosen[:2]]
        measurable = any(f.metrics or f.time_anchor for f in chosen)
        owned = sum(1 for f in chosen if f.task_frame)
        score = 3.0 + (1.0 if measurable else 0.0) + (0.5 if owned >= 2 else 0.0)
        finding.score = _clamp(score, 2)
        return
    situation, action, result = (findings[c] for c in ("situation", "action", "result"))
    # The situation poses a problem and the candidate plainly takes it on, through to a result.
    if situation.present and action.present and result.present:
        finding.present = True
        finding.implicit = True
        finding.score = 3
        finding.evidence = action.evidence[:1]


def _find_reflection(features: list[SentenceFeatures], finding: Finding) -> None:
    """Fill the reflection finding: a lesson, or a change in how the speaker works now."""
    chosen = [
        f for f in features if (f.reflection and not f.imagined) or f.sentence.label == "reflection"
    ]
    if not chosen:
        return
    finding.present = True
    finding.evidence = [f.sentence for f in chosen[:2]]
    changed = any(
        "now" in f.sentence.norm or "since" in f.sentence.norm or "next time" in f.sentence.norm
        for f in chosen
    )
    words = sum(f.words for f in chosen)
    score = 3.0 + (1.0 if changed else 0.0) + (1.0 if words >= 25 else 0.0)
    finding.score = _clamp(score, 2)


def _clamp(value: float, low: int) -> int:
    """Round a raw score into [low, 5]."""
    return max(low, min(5, int(value + 0.5)))
