"""STAR roles per clause, read from the clause's features and the meaning of its words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from mockpanel.star.clauses import Clause
from mockpanel.star.vocabulary import Vocabulary, WordList

Role = Literal["situation", "task", "action", "result", "reflection"]
_SPECULATIVE_MODALS = frozenset({"would", "might", "may", "could", "should"})
_MINE = (" my ", " mine ", " i ", " me ")
_SUBORDINATE = frozenset(
    {
        "when",
        "because",
        "if",
        "unless",
        "so that",
        "while",
        "since",
        "until",
        "before",
        "whether",
        "though",
        "although",
    }
)
_MAIN_DEPS = frozenset({"ROOT", "conj", "parataxis"})
_SCENE_MARKERS = frozenset({"when", "while", "as", "since", "after", "once", "before"})


@dataclass(slots=True)
class ClauseReading:
    """What one clause contributes to the story."""

    clause: Clause
    roles: set[Role] = field(default_factory=set)
    told: bool = False  # an event of the story, not a habit, plan or wish
    hypothetical: bool = False
    habitual: bool = False
    pending: bool = False
    hedged: bool = False
    action_weight: float = 0.0  # 1 a specific personal step, 0.5 a thin one
    group_action: bool = False  # a step told only as "we"
    quantified: bool = False
    result_kind: float = 0.0  # 1 measured, 0.85 a specific outcome, 0.7 an evaluation
    changed: bool = False  # the outcome is told with a verb of change ("fell", "renewed")
    lesson: bool = False  # what a reflection says was learned ("...that people speak up")
    compared: bool = False  # a before-and-after measure ("from 38% to 52%")


@dataclass(slots=True)
class StoryReading:
    """Every clause's reading plus what holds for the answer as a whole."""

    clauses: list[ClauseReading]
    anchored: bool
    hypothetical: bool
    generic: bool

    def having(self, role: Role) -> list[ClauseReading]:
        """The clauses that play `role`, in order."""
        return [c for c in self.clauses if role in c.roles]


def _reflects(clause: Clause, vocab: Vocabulary) -> bool:
    """A lesson: said in so many words ("the lesson", "next time") wherever it stands, or with a
    verb of learning once the story is under way ("I learned that the supplier had gone" opens
    a story as often as it closes one)."""
    if clause.has(vocab.reflection_phrases):
        return True
    learning = clause.verb.split(" ")[0] in vocab.learning_verbs.words or clause.has(
        vocab.learning_verbs
    )
    told_by = clause.subject in ("I", "thing", "we", "none") and clause.time != "future"
    return learning and told_by and clause.position > 0.2


def _measured(clause: Clause) -> bool:
    """Whether the clause holds a count: digits, or a spelled number other than "one"."""
    if any(any(ch.isdigit() for ch in n) for n in clause.numbers):
        return True
    # "One" is as often a pronoun or "a" as a count; any other spelled number counts.
    return any(n.lower() != "one" for n in clause.numbers)


def _verb_in(clause: Clause, words: WordList) -> bool:
    """Whether the clause's main verb (alone or with its particle or object) is in `words`."""
    if clause.verb.split(" ")[0] in words.words or (
        words.phrases is not None and words.phrases.search(f" {clause.verb} ")
    ):
        return True
    main = clause.verb.split(" ")[0]
    return words.phrases is not None and any(
        m.group().split()[0] == main for m in words.phrases.finditer(clause.text)
    )


_LESSON_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acomp"})


def _mark_lessons(readings: list[ClauseReading]) -> None:
    """The clauses that say what a reflection learned belong to it, not to the story: "I
    learned that people do their best work" tells no result."""
    for r in readings:
        if "reflection" not in r.roles:
            continue
        for other in readings:
            child = other.clause.parent == r.clause.index and other.clause.dep in _LESSON_DEPS
            whole = r.clause.dep == "csubj" and r.clause.parent == other.clause.index
            if (child or whole) and not other.roles:
                other.lesson = True


def _withdraw_awaited(readings: list[ClauseReading]) -> None:
    """A story that ends waiting ("we won't know until the review") has no result yet: what
    came before is kept only where it is a measured change."""
    results = [r for r in readings if "result" in r.roles]
    if not results:
        return
    last = results[-1].clause.index
    if any(r.pending and r.clause.index > last for r in readings):
        for r in results:
            if not (r.changed and r.result_kind >= 1.0):
                r.roles.discard("result")
                r.result_kind = 0.0


def read_roles(clauses: list[Clause], vocab: Vocabulary) -> StoryReading:
    """Give each clause its STAR roles; the order of the story matters for situation and result."""
    readings = [ClauseReading(c) for c in clauses]
    anchored = any(c.has(vocab.time_anchors) or c.years for c in clauses)
    _read_moods(readings, vocab, anchored)
    _mark_lessons(readings)
    _spread_waiting(readings)
    first_action = _mark_actions(readings, vocab)
    _mark_tasks(readings, vocab)
    _mark_results(readings, vocab, first_action)
    _withdraw_awaited(readings)
    _mark_situation(readings, vocab, first_action)
    return _whole_story(readings, anchored)


def _read_moods(readings: list[ClauseReading], vocab: Vocabulary, anchored: bool) -> None:
    """Which clauses tell events of the story, and which a habit, a wish, a wait or a lesson."""
    clauses = [r.clause for r in readings]
    habits = [c.has(vocab.habit_words) and c.time != "future" for c in clauses]
    past_events = sum(
        c.time in ("past", "perfect") and c.subject != "none" and not habit
        for c, habit in zip(clauses, habits, strict=True)
    )
    for r in readings:
        c = r.clause
        r.habitual = habits[c.index]
        reflective = _reflects(c, vocab)
        r.hypothetical = not reflective and (
            (c.time == "modal" and c.modal in _SPECULATIVE_MODALS and c.subject in ("I", "we"))
            or (c.conditional and c.time in ("present", "base"))
        )
        # "We're still waiting" is awaited; "we still lost sales" happened all the same.
        r.pending = c.time == "future" or (c.time != "past" and c.has(vocab.pending_words))
        r.hedged = c.has(vocab.hedge_words)
        # The present tense tells a story when something dates it; beside "usually" and
        # "always" with nothing dated, it tells a habit.
        narrated_present = c.time in ("present", "base") and (
            anchored or (past_events >= 2 and not any(habits))
        )
        r.told = (c.time in ("past", "perfect") or narrated_present) and not (
            r.hypothetical or r.habitual
        )
        if reflective:
            r.roles.add("reflection")
        r.quantified = _measured(c)
        # "from about twelve a week to two": a before-and-after measure is an outcome, whoever
        # the parse made its subject.
        r.compared = len(c.numbers) >= 2 and " from " in c.text and " to " in c.text


def _spread_waiting(readings: list[ClauseReading]) -> None:
    """ "We won't know whether queues drop": what hangs on a wait is awaited too."""
    for r in readings:
        parent = r.clause.parent
        if parent is not None and readings[parent].pending and r.clause.dep != "conj":
            r.pending = True


def _mark_actions(readings: list[ClauseReading], vocab: Vocabulary) -> int | None:
    """Steps the speaker took; returns the index of the first."""
    first_action = None
    for r in readings:
        c = r.clause
        main = c.verb.split(" ")[0]
        state = main in vocab.state_verbs.words and not c.has_object or main == "be"
        if "reflection" in r.roles or r.lesson or not r.told or c.negated or r.pending:
            continue
        # "When I took over the site in 2022, ...": a step that sets the scene, before any other.
        scene = first_action is None and (c.marker in _SCENE_MARKERS or bool(c.years))
        # "I was told", "I was asked": done to the speaker, not by them.
        done_by_me = c.subject == "I" and not c.passive
        if done_by_me and not state and c.verb_pos == "VERB" and not scene and not r.compared:
            thin = main in vocab.thin_verbs.words and not c.numbers
            r.action_weight = 0.5 if thin else 1.0
            r.roles.add("action")
            if first_action is None:
                first_action = r.clause.index
        elif c.subject == "we" and not state and c.verb_pos == "VERB":
            r.group_action = True
    return first_action


def _mark_tasks(readings: list[ClauseReading], vocab: Vocabulary) -> None:
    """What the speaker had to do, was responsible for or took on."""
    for r in readings:
        c = r.clause
        if "reflection" in r.roles or r.lesson or r.hypothetical:
            continue
        owned = c.subject == "I" or any(m in c.text for m in _MINE)
        if c.has(vocab.obligation_phrases) or (
            owned and c.has(vocab.ownership_nouns) and c.verb in ("be", "have", "own", "take")
        ):
            if r.told or c.time in ("past", "perfect") or c.modal in ("had to", ""):
                r.roles.add("task")


def _mark_results(
    readings: list[ClauseReading], vocab: Vocabulary, first_action: int | None
) -> None:
    """How the story ended: outcomes told after the speaker's first step (or measured up front)."""
    after_first = first_action if first_action is not None else len(readings)
    last_action = max((x.clause.index for x in readings if "action" in x.roles), default=None)
    for r in readings:
        c = r.clause
        if r.hypothetical or r.pending or r.habitual or r.lesson:
            continue
        if not (r.told or c.time in ("past", "perfect", "present")):
            continue
        counted = len(c.numbers) > c.durations
        # "We've had zero incidents since": having, told after the steps, is how it ended.
        closing_have = c.verb == "have" and (
            c.time == "perfect" or (last_action is not None and c.index > last_action)
        )
        state = c.verb in vocab.state_verbs.words and c.verb != "be" and not closing_have
        # A count measures wherever it is told; a length of time ("the close took four days")
        # only after the last step, where it times the outcome rather than dating the story.
        timed = bool(c.numbers) and last_action is not None and c.index > last_action
        measured_event = (counted or timed) and r.told and c.subject != "I" and not state
        measured_event = measured_event or (r.compared and r.told)
        if "reflection" in r.roles and not measured_event:
            continue
        outcome_verb = _verb_in(c, vocab.outcome_verbs)
        outcome_state = c.has(vocab.outcome_states)
        if c.subject in ("I", "we") and c.verb in ("be", "have"):
            outcome_state = False
        if c.subject == "I":
            outcome_verb = _verb_in(c, vocab.achievement_verbs)
        after = c.index > after_first or (
            c.index == after_first and c.subject == "I" and outcome_verb
        )
        # An answer may open with how it ended: a change, told before the story that led to it.
        # The speaker's own change may open the answer ("We cut refunds by 80%: here's how");
        # a change told of things in the first sentence is how the story starts, not ends.
        leading = (
            c.sentence == readings[0].clause.sentence and outcome_verb and c.subject in ("I", "we")
        )
        if "task" in r.roles or c.marker in _SUBORDINATE:
            continue  # "whether queues drop", "if he calls again": no outcome told
        # What the story tells after the speaker's last step is how it ended.
        closing = (
            last_action is not None
            and c.index > last_action
            and r.told
            and c.subject not in ("I", "none")
            and c.dep in _MAIN_DEPS
            and c.verb not in vocab.state_verbs.words - {"be", "have"}
        )
        if not (outcome_verb or outcome_state or measured_event or closing):
            continue
        if after or leading:
            r.roles.add("result")
            r.changed = outcome_verb
            if r.quantified:
                r.result_kind = 1.0
            elif outcome_verb:
                r.result_kind = 0.85
            else:
                r.result_kind = 0.7
            if r.hedged:
                r.result_kind = min(r.result_kind, 0.6)


def _mark_situation(
    readings: list[ClauseReading], vocab: Vocabulary, first_action: int | None
) -> None:
    """The scene: what the story tells before the speaker's first step, and early dated clauses."""
    for r in readings:
        c = r.clause
        if not r.told or r.hypothetical or r.lesson or "reflection" in r.roles:
            continue
        before_steps = first_action is None or c.index < first_action
        if (before_steps and "result" not in r.roles) or (
            c.position < 0.5 and c.has(vocab.time_anchors)
        ):
            r.roles.add("situation")


def _whole_story(readings: list[ClauseReading], anchored: bool) -> StoryReading:
    """Whether the answer as a whole tells a story, a hypothetical or a habit."""
    told = [r for r in readings if r.told and r.clause.subject in ("I", "we")]
    hypothetical = sum(r.hypothetical for r in readings) > max(1, len(told))
    habit_count = sum(
        r.habitual
        or (r.clause.time == "present" and r.clause.subject in ("I", "we") and not r.told)
        for r in readings
    )
    # "I'm very persuasive", "my strength is...": a self-description beside at most one step.
    described = sum(
        r.clause.subject == "I" and r.clause.time == "present" and r.clause.verb in ("be", "have")
        for r in readings
    )
    steps = sum(r.clause.subject == "I" and r.clause.time == "past" and r.told for r in readings)
    generic = not hypothetical and (
        (habit_count >= 1 and (not told or (not anchored and habit_count * 2 >= len(told))))
        or (described >= 2 and steps <= 1)
    )
    return StoryReading(readings, anchored=anchored, hypothetical=hypothetical, generic=generic)
