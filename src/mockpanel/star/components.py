"""Decide which STAR parts an answer holds, how well, and which sentences show each one.

The reading works in two steps. First: is this a particular past event at all (a story), or a
habit, a belief, a refusal or an imagined answer? Only a story can have a situation, task,
action and result. Second: each part is found by its structure (anchors for the situation,
responsibility frames for the task, first-person past actions, outcome language after the
actions, lessons and "I now" frames for the reflection) and graded on specificity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mockpanel.models import COMPONENTS, Component
from mockpanel.star import lexicon as lx
from mockpanel.star.anchors import opens_at_a_place
from mockpanel.star.outcomes import change_metrics, measure_outcome, now_changed
from mockpanel.star.segment import Sentence
from mockpanel.star.signals import SentenceFeatures

MAX_EVIDENCE = 3
STAR_PARTS: tuple[Component, ...] = ("situation", "task", "action", "result")
CLOSING_BONUS = 0.75


@dataclass(slots=True)
class Finding:
    """One STAR part as read from the answer."""

    present: bool = False
    score: int = 1
    evidence: list[Sentence] = field(default_factory=list)
    implicit: bool = False
    # Every sentence that showed the part, with its strength: evidence is chosen from these.
    candidates: list[tuple[SentenceFeatures, float]] = field(default_factory=list)


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
    if real and _placeholder(features):
        real, generic = False, True
    # A story about someone else ("My dad once had forty ewes lambing...") is no example of
    # the speaker's: the parts are read as told, but it scores as no example.
    second_hand = real and _told_of_someone_else(features)
    singular = sum(f.singular for f in features)
    plural = sum(f.plural for f in features)
    personal = sum(f.i_actions + f.bare_actions for f in features if not f.imagined)
    group = sum(f.we_actions for f in features if not f.imagined)
    we_heavy = (group >= 2 and group > personal) or (plural >= 4 and plural >= 2 * singular)
    result_metrics: list[str] = []
    if real:
        first_action = _find_action(features, findings["action"])
        _find_result(features, findings["result"], first_action)
        _find_situation(features, findings, first_action)
        _find_task(features, findings)
        _choose_evidence(findings)
        quoted = set(findings["result"].evidence)
        for feature, _ in findings["result"].candidates:
            # A measured outcome told in the same sentence as a step ("I proposed follow-up
            # calls, and in six months we made 47") still measures the result.
            if feature.sentence in quoted or change_metrics(feature.metrics):
                result_metrics.extend(feature.metrics)
    _find_reflection(features, findings["reflection"])
    return StoryReading(
        findings=findings,
        real_example=real,
        hypothetical=hypothetical,
        generic=generic or second_hand,
        we_heavy=we_heavy and real,
        result_metrics=result_metrics,
    )


def _feature_of(features: list[SentenceFeatures], sentence: Sentence) -> SentenceFeatures:
    """The features computed for `sentence`."""
    for feature in features:
        if feature.sentence is sentence:
            return feature
    raise KeyError(sentence.index)


# A particular past occasion, named as such: "last month", "two years ago", "that day".
_PAST_WHEN = re.compile(
    r"\b(?:last\s+(?:week|month|year|summer|winter|spring|autumn|christmas|term|night|shift|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:years?|months?|weeks?|days?)\s+"
    r"(?:ago|back)|yesterday|that (?:day|night|morning|week)|in (?:19|20)\d\d)\b"
)


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
    if not narrative and retold and any(_PAST_WHEN.search(f.sentence.norm) for f in features):
        # "Last month my coordinator calls me... I go to them first": a dated occasion told
        # in the present tense is still a story.
        narrative = retold
        anchored = True
    story = len(narrative) + (len(retold) if narrative else 0) + (1 if anchored else 0)
    if narrative and story < len(imagined) + len(general):
        # One sentence that dates an event and says what the speaker did in it ("There was a
        # man last spring who..., so I sat down with him") is a real example, however much
        # general talk surrounds it.
        episode = any(f.i_past_actions >= 1 and (f.existential or f.time_anchor) for f in narrative)
        story += 2 if episode else 0
    refused = any(f.refusal for f in features)
    real = bool(narrative) and story >= len(imagined) + len(general) and not (refused and story < 3)
    if real:
        return True, False, False
    hypothetical = bool(imagined) and len(imagined) >= len(general)
    return False, hypothetical, not hypothetical


# Words a story template is made of: an answer that talks about "a challenging situation",
# "the right decision" and "positive outcomes for all stakeholders" tells no particular event.
_TEMPLATE_WORDS = frozenset(
    """
    situation situations task tasks action actions result results outcome outcomes stakeholder
    stakeholders decision decisions challenge challenges challenging positive information
    approach solution solutions objective objectives goal goals
    """.split()
)


def _placeholder(features: list[SentenceFeatures]) -> bool:
    """A story template filled with abstractions: no date, place, name or number anywhere, and
    the STAR vocabulary itself standing in for the content."""
    used = set().union(*(f.vocab & _TEMPLATE_WORDS for f in features))
    if len(used) < 4:
        return False
    return not any(
        f.metrics or f.specifics or f.existential or f.time_anchor or f.place_anchor
        for f in features
    )


_SPEAKER = frozenset({"i", "we", "i'd", "we'd", "me", "us"})
# Verbs of attitude: "I really admire how he copes" puts the speaker beside the story, not in it.
_ATTITUDE = frozenset(
    "admire admired respect respected love loved like liked think thought believe believed "
    "appreciate appreciated wish hope hoped want wanted know knew remember".split()
)


# People from the speaker's own life: a story about them is someone else's example.
_RELATIONS = frozenset(
    """
    dad mum mom father mother brother sister friend friends wife husband partner uncle aunt
    cousin son daughter grandad grandfather grandma grandmother gran nan neighbour neighbor
    flatmate housemate girlfriend boyfriend parents
    """.split()
)


def _told_of_someone_else(features: list[SentenceFeatures]) -> bool:
    """A story about a relative or friend in which the speaker takes no part."""
    relation = any(
        f.tokens[at + 1] in _RELATIONS
        for f in features
        for at, token in enumerate(f.tokens[:-1])
        if token == "my"
    )
    if not relation or any(f.bare_actions or f.plural for f in features):
        return False
    return not _speaker_takes_part(features)


def _speaker_takes_part(features: list[SentenceFeatures]) -> bool:
    """Whether the speaker is in the events told (as "I" or "we"), not only looking on at them."""
    for feature in features:
        if feature.reflection or feature.general or feature.imagined:
            continue
        tokens = feature.tokens
        for at, token in enumerate(tokens):
            if token not in _SPEAKER:
                continue
            following = [t for t in tokens[at + 1 : at + 4] if t not in lx.ADVERBS_BETWEEN]
            if not following or following[0] not in _ATTITUDE:
                return True
    return False


def _action_strength(feature: SentenceFeatures) -> float:
    """Personal action in one sentence; a lesson told in the present is not an action."""
    if feature.imagined or feature.refusal:
        return 0.0
    if (feature.self_description or feature.generic_you) and not feature.i_past_actions:
        return 0.0
    if feature.reflection and not feature.i_past_actions:
        return 0.0
    strength = feature.i_past_actions + feature.i_present_actions
    if feature.sentence.label == "action" and not strength and not feature.we_actions:
        # Under "What I did:", notes without verbs ("funnel analysis, then session
        # recordings") are still the speaker's own steps.
        strength = 1.0 if feature.words >= 4 else 0.0
    if feature.bare_actions and not feature.we_actions:
        # Clauses without a subject ("Wrote a script, locked down the 14 it found") are the
        # speaker's own steps under an "Action:" heading, or when several are listed together.
        if feature.sentence.label == "action":
            strength += feature.bare_actions
        elif feature.sentence.label is None and feature.bare_actions >= 1.5:
            strength += 0.75 * feature.bare_actions
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
    finding.candidates = acting
    vague = sum(f.i_vague_actions for f, _ in acting)
    verbs = sum(max(1, len(f.i_verbs)) for f, _ in acting)
    specifics = sum(min(f.specifics, 2) for f, _ in acting)
    group = sum(f.we_actions for f in features)
    score = 2.0 + min(total, 5.0) * 0.6 + min(specifics, 4) * 0.25
    if vague >= 0.5 * verbs:
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
    opening = feature.sentence.index == 0
    score += (
        2.0
        if feature.place_anchor or (opening and opens_at_a_place(feature.sentence.norm))
        else 0.0
    )
    score += 1.5 if feature.existential else 0.0
    if opening and feature.past and feature.task_frame and not feature.i_actions:
        # "My director asked me to 'sort out onboarding' with no brief": the request that
        # starts the story is its scene as well as the speaker's task.
        score += 1.5
    score += 1.0 if feature.scene else 0.0
    score += 0.5 * min(feature.problem, 2)
    # Someone particular brought in at the opening ("One lady come back...") tells of an event
    # in any tense.
    # (Noticing something, "I see signs of...", is part of the scene, not a step taken.)
    if (feature.past or (opening and feature.existential)) and feature.i_actions < 1:
        score += 0.5
    if opening and feature.problem and (feature.past or feature.existential):
        # An opening that tells of a particular problem sets the scene even without a date or
        # a place ("Two of my carers fell out over the Saturday visits"), and so does one that
        # tells of the speaker's own mistake ("Once I made a mistake in the payroll").
        if feature.caused_problem or not (feature.i_actions or feature.bare_actions):
            score += 1.0
    if (
        opening
        and feature.past
        and feature.words >= 8
        and not (feature.i_actions or feature.bare_actions or feature.reflection)
    ):
        # An opening told of others or of how things stood ("We had a spike in mastitis", "A
        # bakery hired me to redesign their logo", "When the expansion was announced..."),
        # before any step of the speaker's, is the scene.
        score = max(score, 2.0)
    label = feature.sentence.label
    if label == "situation":
        score += 3.0
    elif label is not None:
        score -= 2.0
    return score


def _find_situation(
    features: list[SentenceFeatures], findings: dict[Component, Finding], first_action: int
) -> None:
    """Fill the situation finding from the opening sentences."""
    finding = findings["situation"]
    limit = max(2, first_action, len(features) // 2)
    # A sentence after the first step that tells the outcome is the result, not the scene.
    outcomes = {f.sentence for f, _ in findings["result"].candidates}
    candidates = [
        (f, _situation_strength(f))
        for f in features
        if f.sentence.index <= limit
        and not (f.sentence.index > first_action and f.sentence in outcomes)
    ]
    chosen = [(f, s) for f, s in candidates if s >= 2.0]
    if not chosen:
        return
    finding.present = True
    # A sentence that states the speaker's responsibility is the task's evidence first.
    finding.evidence = _best(chosen, {f.sentence for f, _ in chosen if f.task_frame}, 2)
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


def _best(
    candidates: list[tuple[SentenceFeatures, float]], avoid: set[Sentence], limit: int
) -> list[Sentence]:
    """The strongest `limit` candidates in answer order; sentences in `avoid` (already quoted for
    another part) only when no other clear candidate is left."""
    preferred = [(f, s) for f, s in candidates if f.sentence not in avoid]
    if not any(s >= 1.0 for _, s in preferred):
        preferred = candidates
    best = sorted(preferred, key=lambda item: -item[1])[:limit]
    return sorted((f.sentence for f, _ in best), key=lambda s: s.index)


def _choose_evidence(findings: dict[Component, Finding]) -> None:
    """Quote the best sentences for each part, each sentence for one part where possible.

    The scene-setting sentence often has a first-person verb ("Last March I shipped a migration
    that locked the orders table"); the actions are the steps taken once the scene is set.
    """
    situation, task, action, result = (findings[c] for c in STAR_PARTS)
    if task.implicit:
        task.evidence = [f.sentence for f, _ in task.candidates]
    elif len(task.evidence) > 1:
        task.evidence = [s for s in task.evidence if s not in situation.evidence] or (
            task.evidence[:1]
        )
    if len(situation.evidence) > 1:
        # "I was the room leader" is quoted for the task, not as a second scene sentence.
        situation.evidence = [s for s in situation.evidence if s not in task.evidence] or (
            situation.evidence[:1]
        )
    scene = set(situation.evidence)
    if action.present:
        stated = scene if task.implicit else scene | set(task.evidence)
        # Seeing or finding something ("I found it the next morning") is no step to quote.
        steps = [(f, s) for f, s in action.candidates if s >= 0.75] or action.candidates
        action.evidence = _best(steps, stated, MAX_EVIDENCE)
    if task.implicit:
        task.evidence = [f.sentence for f, _ in task.candidates] or action.evidence[:1]
    if result.present:
        told = scene | set(task.evidence) | set(action.evidence)
        # Outcomes told of others or of things rank before the speaker's own steps.
        ranked = [(f, s - (2.0 if f.i_actions else 0.0)) for f, s in result.candidates]
        result.evidence = _best(ranked, told, MAX_EVIDENCE)


def _result_strength(feature: SentenceFeatures) -> float:
    """How clearly a sentence states an outcome."""
    if feature.imagined or (
        feature.general
        and (not feature.past or feature.self_description or feature.generic_you)
        and not now_changed(feature.sentence.norm)
    ):
        return 0.0  # a habit or a remark about oneself tells no outcome of this story
    measure_outcome(feature)
    if feature.pending or feature.outcome is None or feature.unrealised:
        return 0.0
    strength = feature.outcome
    if feature.i_actions >= 1 and strength < 1.5:
        strength *= 0.5
    if feature.reflection and not feature.metrics:
        strength *= 0.5
    if feature.goal and not feature.i_past_actions:
        return 0.0  # "I was responsible for keeping us on schedule" is a goal, not an outcome
    if feature.sentence.label == "result" and feature.words >= 3:
        # A "Result:" heading backs up outcome language; it cannot stand in for it.
        strength += 1.0 if feature.outcome_cued else 0.25
    elif feature.sentence.label in ("situation", "task"):
        strength *= 0.3
    return strength


def _closing(features: list[SentenceFeatures]) -> SentenceFeatures | None:
    """The last sentence that tells the story on, rather than a lesson, a habit or an aside."""
    for feature in reversed(features):
        if feature.reflection or feature.imagined or feature.general or feature.refusal:
            continue
        if feature.words >= 3:
            return feature
    return None


def _find_result(features: list[SentenceFeatures], finding: Finding, first_action: int) -> None:
    """Fill the result finding from what comes after the first action."""
    start = first_action if first_action >= 0 else 1
    closing = _closing(features)
    scored: list[tuple[SentenceFeatures, float]] = []
    for feature in features:
        if feature.sentence.index < start:
            continue
        strength = _result_strength(feature)
        # A STAR story ends on its outcome: the closing sentence, told of someone or something
        # other than the speaker's own steps, needs less outcome language to count as one.
        if feature is closing and strength > 0 and feature.outcome_cued and not feature.i_actions:
            strength += CLOSING_BONUS
        scored.append((feature, strength))
    # The opening sentence sets the scene; it is the outcome only when it leads with a measure.
    chosen = [
        (f, s)
        for f, s in scored
        if s >= 1.0 and (f.sentence.index > 0 or f.metrics or len(features) == 1)
    ]
    last_step = max((f.sentence.index for f in features if f.i_actions), default=-1)
    waiting = [
        f
        for f in features
        if f.sentence.index >= max(start, last_step) and measure_outcome(f).pending
    ]
    if waiting:
        # A story that ends on "they're still deciding" or "I never found out" has no outcome
        # yet: earlier changes ("they went quiet for a bit") are steps on the way, unless
        # measured or confirmed, and a figure told before the speaker's aim is the case for
        # acting, not an outcome; nor is anything said after the wait began.
        aim = max((f.sentence.index for f in features if f.task_frame or f.goal), default=-1)
        since = waiting[0].sentence.index
        chosen = [
            (f, s)
            for f, s in chosen
            if (f.metrics or f.confirmed) and aim < f.sentence.index < since
        ]
        closing = None
    if features and _trails_off(features[-1]):
        # An answer cut off mid-sentence stopped before its outcome: what it said before the
        # speaker's last step, and the broken sentence itself, are not one.
        chosen = [
            (f, s) for f, s in chosen if last_step < f.sentence.index < features[-1].sentence.index
        ]
        closing = None
    if not chosen and _tells_what_followed(closing, features, start):
        assert closing is not None
        chosen = [(closing, 1.0)]
    if not chosen:
        return
    finding.present = True
    top = max(s for _, s in chosen)
    # The clearest outcome sentences, not every sentence with a trace of outcome language.
    finding.candidates = [(f, s) for f, s in chosen if s >= max(1.0, 0.5 * top)]
    metrics = [m for f, _ in chosen for m in f.metrics]
    confirmed = any(f.confirmed for f, _ in chosen)
    concrete = sum(
        1 for f, _ in chosen if f.metrics or f.outcome_clauses >= 2 or not f.vague_outcome
    )
    hedged = sum(f.hedges for f, _ in chosen)
    # Rubric levels: a number with a comparison or several measures is a 5, a number or an
    # outside confirmation (a deadline met, a sign-off, thanks) a 4, a clear change a 3.
    clearest = [f for f, _ in finding.candidates]
    # "It went fine, I think", "she seemed happy": every outcome told only in vague or hedged
    # words is the rubric's "vague outcome", however many of them there are.
    vague = not metrics and all(f.vague_outcome or f.hedges for f in clearest)
    if metrics:
        compared = any(m.startswith("from ") for m in metrics)
        score = 4.0 + (1.0 if len(metrics) >= 2 or compared or confirmed else 0.0)
    elif confirmed or (not vague and any(_DATED.search(f.sentence.norm) for f in clearest)):
        # Evidence from outside the speaker, or a change pinned to when it happened ("he
        # signed it the next day", "fixed by 2pm"), is the rubric's clear evidence.
        score = 4.0
    else:
        score = 2.0 + min(concrete, 2)
    if vague:
        score = min(score, 3.0)
    if hedged:
        score -= 0.5 * min(hedged, 2)
    finding.score = _clamp(score, 2)


def _trails_off(last: SentenceFeatures) -> bool:
    """Whether the answer stops mid-sentence ("...and I asked the farmer. He said")."""
    sentence = last.sentence
    if sentence.bullet or sentence.label is not None:
        return False  # list items and headed lines often end without a stop
    return last.words >= 2 and sentence.text.rstrip()[-1:].isalnum()


# A closing remark that sums up rather than tells ("it was a busy week", "that's how I'd go
# about it"), or tells of an intention or a wait ("he said he'd think about it"), is no outcome.
_VERDICT_OR_INTENT = re.compile(
    r"^[\s\W]*(?:(?:so|and|but|yeah|well|then|overall|honestly)\b[\s\W]*)*(?:it|that|this|which)"
    r"(?:'s|\s+was|\s+is|\s+has been|\s+were)\b"
    r"|\b(?:would|will|won't|'d|'ll|going to|yet|maybe|might|hopefully|next week|next month)\b"
    # Only the start of someone's work: "then he started to work on it".
    r"|\b(?:started|began|starts|begins)\s+(?:to\s+)?[a-z]+"
    r"|\b(?:situation|task|action|result)\b|(?<![\w-])star\b"
)
# A state that has lasted to now: "she still sends me a card", "now the practice calls me".
_STILL_NOW = re.compile(r"\b(?:still|now|since|ever since|to this day|these days)\b")


def _tells_what_followed(
    closing: SentenceFeatures | None, features: list[SentenceFeatures], start: int
) -> bool:
    """Whether a story without outcome words still ends on what followed the speaker's steps.

    "The customer left a review with my name in it", "on the Friday she skied the blue run":
    after the speaker's actions, a last sentence told of someone or something else, as a fact
    rather than a plan, a hope or a problem, is the outcome in everyday words.
    """
    if closing is None or start < 0 or closing.sentence.index <= start:
        return False
    if closing.i_actions or closing.bare_actions or closing.we_actions:
        return False
    if closing.pending or closing.unrealised or closing.modal or closing.hypothetical_frame:
        return False
    if closing.task_frame or closing.goal or closing.problem or closing.words < 5:
        return False
    if closing.you or closing.sentence.label is not None or not (closing.past or closing.perfect):
        if not _STILL_NOW.search(closing.sentence.norm):
            return False
    if _VERDICT_OR_INTENT.search(closing.sentence.norm):
        return False
    # The speaker acted in the sentences just before it: the story was still going.
    before = features[max(0, closing.sentence.index - 3) : closing.sentence.index]
    return any(f.i_actions for f in before)


_DAY = (
    r"(?:day|morning|afternoon|evening|night|week|weekend|fortnight|month|quarter|year|term|"
    r"meeting|shift|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
# When an outcome happened, told precisely: "the next day", "two weeks later", "by 2pm".
_DATED = re.compile(
    r"\b(?:the\s+)?(?:next|following)\s+" + _DAY + r"\b"
    r"|\b(?:that|the same)\s+" + _DAY + r"\b"
    r"|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|few)\s+"
    r"(?:days?|weeks?|months?|years?|hours?|minutes?)\s+later\b"
    r"|\bby\s+(?:\d|the end of|the next|lunchtime|close|half-term|christmas|easter|" + _DAY + r")"
    r"|\bon\s+(?:the\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:ever\s+)?since\s*(?:then)?\s*(?:[.,;!]|$)"
)


def _find_task(features: list[SentenceFeatures], findings: dict[Component, Finding]) -> None:
    """Fill the task finding from responsibility and goal frames, or from an implicit take-on."""
    finding = findings["task"]
    chosen = [
        f
        for f in features
        if (
            f.task_frame
            and not f.imagined
            and not f.self_description
            and not (f.general and not f.past)
        )
        or (f.sentence.label == "task" and not f.imagined)
    ]
    # "...and she asked me to do the same for pricing" after the actions is an outcome.
    outcomes = {f.sentence for f, _ in findings["result"].candidates}
    chosen = [
        f
        for f in chosen
        if f.sentence.label in (None, "task", "situation") and f.sentence not in outcomes
    ]
    if chosen:
        finding.present = True
        finding.evidence = [f.sentence for f in chosen[:2]]
        measurable = any(f.metrics or f.time_anchor for f in chosen)
        owned = sum(1 for f in chosen if f.task_frame)
        score = 3.0 + (1.0 if measurable else 0.0) + (0.5 if owned >= 2 else 0.0)
        finding.score = _clamp(score, 2)
        return
    situation, action, result = (findings[c] for c in ("situation", "action", "result"))
    # Implicit: the situation poses a problem and the candidate plainly takes it on, through to
    # a result, or because the problem was of their own making ("I closed the day too early,
    # so the reports were wrong"), or because their role makes it theirs ("I was the room
    # leader").
    own_problem = [
        f
        for f in features
        if f.sentence in situation.evidence
        and f.i_past_actions
        and f.caused_problem
        and not f.reflection
    ]
    role = [f for f in features if f.role and not f.imagined and not f.general]
    # ...or because their role makes it theirs ("A tenant complained... I was the housing
    # officer"), even when the answer never gets as far as what they did.
    if situation.present and (role or (action.present and (result.present or own_problem))):
        finding.present = True
        finding.implicit = True
        finding.score = 3
        # Quoted: the sentence that makes it theirs, else the first step they took.
        finding.candidates = [(f, 1.0) for f in (role or own_problem)[:1]]


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
