"""The end-of-session summary: scorecard, averages, panel impressions, readiness and top fixes.

How probes count (one rule everywhere: summary, reports, `sessions`, `progress`):

* every answer, main or probe, keeps its own assessment and gets its own scorecard row;
* a probe's assessment scores the main answer together with the follow-ups so far; a main
  question's score is the best of its main answer and those combined scores, each less
  PROBE_DISCOUNT per follow-up it took (a panel remembers that the story needed drawing out);
  each STAR component takes its best score across them, since what a probe draws out is evidence;
* session, component, competency and panelist averages are means over answered main questions
  (skipped or unscored questions are listed but not averaged);
* habits (flags, plus generic, hedging or filler-heavy answers) are counted on main answers only,
  because a probe answer is short and partial by design.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from statistics import fmean
from typing import Literal, NamedTuple

from pydantic import BaseModel, Field

from mockpanel.errors import PromptLibraryError
from mockpanel.library import PromptLibrary
from mockpanel.models import (
    COMPONENTS,
    FLAG_HYPOTHETICAL,
    FLAG_NO_RESULT,
    FLAG_UNQUANTIFIED_RESULT,
    FLAG_WE_HEAVY,
    Component,
    Session,
    StarAssessment,
    Turn,
    TurnKind,
)

ReadinessLabel = Literal["ready", "nearly", "not_yet"]
READY_AT = 4.0  # a clear STAR story with a concrete result (LABELING.md anchor 4)
NEARLY_AT = 3.0  # all four parts present but thin (anchor 3)
TARGET_SCORE = 4.0  # components averaging below this are worth fixing
HEDGES_HABIT = 2  # hedges in one answer that make hedging a habit worth naming
FILLERS_HABIT = 3
TOP_FIXES = 3
PROBE_DISCOUNT = 0.5  # per follow-up needed before the story was complete

HABIT_GENERIC = "generic"
HABIT_HEDGES = "hedges"
HABIT_FILLERS = "fillers"

# A habit and a weak component can describe the same gap; only the stronger of the two is kept.
_HABIT_TOPIC: dict[str, str] = {
    FLAG_NO_RESULT: "result",
    FLAG_UNQUANTIFIED_RESULT: "result",
    FLAG_WE_HEAVY: "action",
    FLAG_HYPOTHETICAL: "situation",
}


class AnswerCard(BaseModel):
    """One scorecard row: a single answer (main or probe) and its own assessment."""

    index: int
    question_number: int
    panelist: str
    kind: TurnKind
    competency: str
    probe_target: Component | None = None
    skipped: bool = False
    overall: float | None = None
    components: dict[Component, int] = Field(default_factory=dict)
    flags: list[str] = Field(default_factory=list)


class QuestionResult(BaseModel):
    """A main question with its probes folded in (best overall, best score per component)."""

    number: int
    index: int
    panelist: str
    competency: str
    question: str
    probes: int = 0
    skipped: bool = False
    overall: float | None = None
    components: dict[Component, int] = Field(default_factory=dict)
    habits: list[str] = Field(default_factory=list)

    @property
    def answered(self) -> bool:
        """Whether any answer to this question (or its probes) was scored."""
        return self.overall is not None


class CompetencyScore(BaseModel):
    """How the candidate did on one competency across its main questions."""

    competency: str
    name: str
    questions: int
    overall: float


class PanelistImpression(BaseModel):
    """One panelist: the questions they asked, how those went, and their debrief."""

    name: str
    title: str
    persona: str
    questions: int = 0
    overall: float | None = None
    score: float | None = None
    impression: str = ""
    strengths: list[str] = Field(default_factory=list)
    concerns: list[str] = Field(default_factory=list)


class Readiness(BaseModel):
    """The overall verdict: score, label and the library's sentence for it."""

    score: float
    label: ReadinessLabel
    text: str


class Fix(BaseModel):
    """One of the top things to fix, phrased by the library's phrase book."""

    key: str
    source: Literal["habit", "component"]
    competency: str
    questions: int = 0
    average: float | None = None
    text: str


class SessionSummary(BaseModel):
    """Everything the end of a session reports, computed from the stored turns alone."""

    overall: float | None
    questions_asked: int
    questions_answered: int
    answers: int
    components: dict[Component, float | None]
    per_competency: list[CompetencyScore]
    per_panelist: list[PanelistImpression]
    readiness: Readiness | None
    top_fixes: list[Fix]
    habits: dict[str, int]
    questions: list[QuestionResult]
    scorecard: list[AnswerCard]


def _mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return round(fmean(items), 2) if items else None


def answer_habits(assessment: StarAssessment) -> list[str]:
    """The flags of one answer plus the habits its signals show (generic, hedges, fillers)."""
    habits = list(dict.fromkeys(assessment.flags))
    signals = assessment.signals
    if signals is not None:
        if signals.generic:
            habits.append(HABIT_GENERIC)
        if signals.hedges >= HEDGES_HABIT:
            habits.append(HABIT_HEDGES)
        if signals.fillers >= FILLERS_HABIT:
            habits.append(HABIT_FILLERS)
    return list(dict.fromkeys(habits))


def _with_main(turns: Sequence[Turn]) -> list[tuple[Turn, int | None]]:
    """Each turn in index order with the index of the main question it belongs to.

    A probe follows its `probe_of` links (a probe of a probe still belongs to the question);
    without a usable link it belongs to the latest main question before it.
    """
    ordered = sorted(turns, key=lambda t: t.index)
    by_index = {t.index: t for t in ordered}
    paired: list[tuple[Turn, int | None]] = []
    last_main: int | None = None
    for turn in ordered:
        current, seen = turn, set[int]()
        while current.kind == "probe" and current.probe_of in by_index:
            if current.probe_of in seen:
                break
            seen.add(current.probe_of)
            current = by_index[current.probe_of]
        if turn.kind == "question":
            last_main = turn.index
        paired.append((turn, current.index if current.kind == "question" else last_main))
    return paired


def question_results(turns: Sequence[Turn]) -> list[QuestionResult]:
    """Fold probes into their main questions, in the order the questions were asked."""
    results: dict[int, QuestionResult] = {}
    for turn, main in _with_main(turns):
        if turn.kind == "question":
            owner = results[turn.index] = QuestionResult(
                number=len(results) + 1,
                index=turn.index,
                panelist=turn.panelist,
                competency=turn.competency,
                question=turn.question,
                skipped=turn.skipped,
                habits=answer_habits(turn.assessment) if turn.assessment else [],
            )
        elif main is not None and main in results:
            owner = results[main]
            owner.probes += 1
        else:
            continue  # a probe with no question before it has nothing to add to
        assessment = turn.assessment
        if assessment is None or turn.skipped:
            continue
        discount = PROBE_DISCOUNT * owner.probes if turn.kind == "probe" else 0.0
        earned = max(1.0, round(assessment.overall - discount, 1))
        if owner.overall is None or earned > owner.overall:
            owner.overall = earned
        for name, part in assessment.components.items():
            owner.components[name] = max(owner.components.get(name, part.score), part.score)
    return list(results.values())


def session_overall(results: Sequence[QuestionResult]) -> float | None:
    """Mean of the answered main questions' best scores (None when nothing was answered)."""
    return _mean(r.overall for r in results if r.overall is not None)


def component_averages(results: Sequence[QuestionResult]) -> dict[Component, float | None]:
    """Mean best score per STAR component over the answered main questions."""
    return {
        c: _mean(r.components[c] for r in results if r.answered and c in r.components)
        for c in COMPONENTS
    }


def habit_counts(results: Sequence[QuestionResult]) -> dict[str, int]:
    """How many answered main questions showed each habit, most frequent first."""
    counts = Counter(h for r in results if r.answered for h in r.habits)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _scorecard(turns: Sequence[Turn], results: Sequence[QuestionResult]) -> list[AnswerCard]:
    number_of = {r.index: r.number for r in results}
    cards: list[AnswerCard] = []
    for turn, main in _with_main(turns):
        if main is None or main not in number_of:
            continue
        a = turn.assessment
        cards.append(
            AnswerCard(
                index=turn.index,
                question_number=number_of[main],
                panelist=turn.panelist,
                kind=turn.kind,
                competency=turn.competency,
                probe_target=turn.probe_target,
                skipped=turn.skipped,
                overall=a.overall if a else None,
                components={c: p.score for c, p in a.components.items()} if a else {},
                flags=list(a.flags) if a else [],
            )
        )
    return cards


def _as_clause(sentence: str) -> str:
    """A library sentence reshaped to sit inside a phrase: lower-case start, no final stop."""
    text = sentence.strip().rstrip(" .!?")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text


def _competency_facts(library: PromptLibrary, competency_id: str) -> tuple[str, str]:
    """The competency's display name and, as a clause, the first thing the panel looks for."""
    try:
        competency = library.competency(competency_id)
    except PromptLibraryError:
        name = competency_id.replace("-", " ").replace("_", " ")
        return name, name
    return competency.name, _as_clause(competency.looks_for[0])


def competency_name(library: PromptLibrary, competency_id: str) -> str:
    """The display name of a competency id (the id made readable when the library lacks it)."""
    return _competency_facts(library, competency_id)[0]


def _per_competency(
    results: Sequence[QuestionResult], library: PromptLibrary
) -> list[CompetencyScore]:
    grouped: dict[str, list[float]] = {}
    for r in results:
        if r.overall is not None:
            grouped.setdefault(r.competency, []).append(r.overall)
    scores = [
        CompetencyScore(
            competency=cid,
            name=competency_name(library, cid),
            questions=len(values),
            overall=round(fmean(values), 2),
        )
        for cid, values in grouped.items()
    ]
    return sorted(scores, key=lambda s: (s.overall, s.competency))


def _per_panelist(session: Session, results: Sequence[QuestionResult]) -> list[PanelistImpression]:
    debriefs = {d.panelist: d for d in session.debriefs}
    impressions: list[PanelistImpression] = []
    for p in session.panelists:
        theirs = [r for r in results if r.panelist == p.name]
        debrief = debriefs.get(p.name)
        impressions.append(
            PanelistImpression(
                name=p.name,
                title=p.title,
                persona=p.persona,
                questions=len(theirs),
                overall=session_overall(theirs),
                score=debrief.score if debrief else None,
                impression=debrief.impression if debrief else "",
                strengths=list(debrief.strengths) if debrief else [],
                concerns=list(debrief.concerns) if debrief else [],
            )
        )
    return impressions


def readiness(score: float | None, library: PromptLibrary) -> Readiness | None:
    """Label an overall score ready / nearly / not_yet with the library's sentence for it."""
    if score is None:
        return None
    label: ReadinessLabel = (
        "ready" if score >= READY_AT else "nearly" if score >= NEARLY_AT else "not_yet"
    )
    text = library.phrase(f"phrases.readiness.{label}", score=f"{score:.1f}")
    return Readiness(score=score, label=label, text=text)


def _component_weights(library: PromptLibrary) -> dict[Component, float]:
    """Rubric weights scaled to at most 1, so a missing reflection does not outrank a result."""
    try:
        weights = {c: library.rubric.components[c].weight for c in COMPONENTS}
    except PromptLibraryError:
        return dict.fromkeys(COMPONENTS, 1.0)
    top = max(weights.values())
    return {c: w / top for c, w in weights.items()}


class _Candidate(NamedTuple):
    weight: float
    habit_first: int  # 0 for habits: they name a more specific change than a component does
    topic: str
    fix: Fix


def _habit_candidates(answered: Sequence[QuestionResult]) -> list[_Candidate]:
    candidates = []
    for habit, count in habit_counts(answered).items():
        showing = Counter(r.competency for r in answered if habit in r.habits)
        fix = Fix(
            key=habit,
            source="habit",
            competency=showing.most_common(1)[0][0],
            questions=count,
            text="",
        )
        candidates.append(_Candidate(count / len(answered), 0, _HABIT_TOPIC.get(habit, habit), fix))
    return candidates


def _component_candidates(
    answered: Sequence[QuestionResult], library: PromptLibrary
) -> list[_Candidate]:
    weights = _component_weights(library)
    candidates = []
    for component, average in component_averages(answered).items():
        if average is None or average >= TARGET_SCORE:
            continue
        weakest = min(answered, key=lambda r: r.components.get(component, 5))
        fix = Fix(
            key=component,
            source="component",
            competency=weakest.competency,
            average=average,
            text="",
        )
        weight = (TARGET_SCORE - average) / (TARGET_SCORE - 1) * weights[component]
        candidates.append(_Candidate(weight, 1, component, fix))
    return candidates


def top_fixes(
    results: Sequence[QuestionResult], library: PromptLibrary, limit: int = TOP_FIXES
) -> list[Fix]:
    """The most pressing fixes from frequent habits and weak components, strongest first.

    A habit weighs the share of answered questions that show it; a component weighs how far its
    average sits below 4 (a clear answer), scaled by its rubric weight. A habit and a component
    about the same gap count once. Each fix is a phrase-book sentence for the competency where
    the gap showed most.
    """
    answered = [r for r in results if r.answered]
    if not answered:
        return []
    candidates = _habit_candidates(answered) + _component_candidates(answered, library)
    candidates.sort(key=lambda c: (-c.weight, c.habit_first, c.fix.key))
    fixes: list[Fix] = []
    topics: set[str] = set()
    for candidate in candidates:
        path = f"phrases.sharpen.{candidate.fix.key}"
        if candidate.topic in topics or not library.has_phrase(path):
            continue
        name, looks_for = _competency_facts(library, candidate.fix.competency)
        text = library.phrase(path, competency=name.lower(), looks_for=looks_for)
        fixes.append(candidate.fix.model_copy(update={"text": text}))
        topics.add(candidate.topic)
        if len(fixes) == limit:
            break
    return fixes


def summarize(session: Session, library: PromptLibrary) -> SessionSummary:
    """Compute the end-of-session summary of `session` (pure: reads the library, writes nothing)."""
    results = question_results(session.turns)
    overall = session_overall(results)
    return SessionSummary(
        overall=overall,
        questions_asked=len(results),
        questions_answered=sum(1 for r in results if r.answered),
        answers=sum(1 for t in session.turns if t.assessment is not None and not t.skipped),
        components=component_averages(results),
        per_competency=_per_competency(results, library),
        per_panelist=_per_panelist(session, results),
        readiness=readiness(overall, library),
        top_fixes=top_fixes(results, library),
        habits=habit_counts(results),
        questions=results,
        scorecard=_scorecard(session.turns, results),
    )
