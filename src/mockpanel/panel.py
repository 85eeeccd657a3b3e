"""The panel session state machine: who sits on the panel, who asks what, when to probe, the end.

No input or output happens here. A caller pulls the next prompt with `next_prompt()`, pushes the
candidate's reply with `answer()` (or `skip()`), and ends with `pause()` or `finish()`; the
interactive chat, scripted answers and tests all drive a panel the same way. Every turn reaches
the store before the next prompt exists, so an interrupted session loses no answer.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from mockpanel.coach.base import Coach
from mockpanel.errors import PromptLibraryError, UserError
from mockpanel.inputs import check_answer
from mockpanel.library import Competency, PromptLibrary, Question
from mockpanel.models import (
    AnswerSignals,
    Component,
    ComponentAssessment,
    Level,
    Panelist,
    Session,
    SessionSettings,
    StarAnalysis,
    StarAssessment,
    Turn,
    TurnKind,
    utc_now,
)
from mockpanel.star import weakest_component

MAX_PROBES = 2
MIN_QUESTIONS_FOR_CULTURE = 3
PANELIST_FORMAT = '"Name|Title|notes" (notes optional)'

# Which persona a free-form job title maps to; first matching rule wins.
_VICE_WORDS = frozenset({"vp", "svp", "evp", "vice"})
_EXECUTIVE_WORDS = frozenset(
    {"ceo", "cto", "cfo", "coo", "cio", "cmo", "cpo", "chief", "founder", "cofounder"}
    | {"executive", "president", "chair", "chairman", "chairwoman"}
)
_DEPARTMENT_HEAD_WORDS = frozenset({"director", "head"})
_MANAGER_WORDS = frozenset({"manager"})

# Job-description matches count more than CV matches: the panel asks about what the role needs.
_JD_WEIGHT = 2.0
_CV_WEIGHT = 1.0
_FOCUS_WEIGHT = 1.0
_MAX_HITS_PER_KEYWORD = 3
# Sampling weights are raised to this power: with plain weights a competency the JD stresses
# was left out of a three-question panel one time in five; squared, about one in two hundred.
_SHARPNESS = 2


class TurnStore(Protocol):
    """The part of the session store a panel writes to."""

    def new_id(self) -> str: ...

    def create(self, session: Session) -> None: ...

    def save_turn(self, session_id: str, turn: Turn) -> None: ...

    def update_session(self, session: Session) -> None: ...


@dataclass(frozen=True)
class Introduction:
    """A panelist's opening line."""

    panelist: Panelist
    text: str


@dataclass(frozen=True)
class PanelPrompt:
    """What the candidate must answer now: a main question or a probe, and who asks it."""

    index: int
    number: int
    total: int
    panelist: Panelist
    kind: TurnKind
    competency: Competency
    question: Question
    text: str
    probe_target: Component | None = None
    probe_number: int = 0


# --- who sits on the panel ----------------------------------------------------------------------


def default_panel(level: Level, library: PromptLibrary) -> list[Panelist]:
    """The personas who join a panel at `level`, in the library's order."""
    return [
        Panelist(name=p.default_name, title=p.title, persona=p.id)
        for p in library.personas
        if level in p.levels
    ]


def persona_for_title(title: str) -> str:
    """The persona id a job title maps to (manager, head/director/VP, executive, else peer)."""
    words = set(re.findall(r"[a-z]+", title.lower()))
    if words & _VICE_WORDS:
        return "department-head"
    if words & _EXECUTIVE_WORDS:
        return "executive"
    if words & _DEPARTMENT_HEAD_WORDS:
        return "department-head"
    if words & _MANAGER_WORDS:
        return "hiring-manager"
    return "peer"


def parse_panelist(spec: str, library: PromptLibrary) -> Panelist:
    """Turn a `--panelist "Name|Title|notes"` value into a panelist with the closest persona."""
    parts = [part.strip() for part in spec.split("|", 2)]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise UserError(f"bad --panelist {spec!r}: expected {PANELIST_FORMAT}")
    persona = library.persona(persona_for_title(parts[1]))
    notes = parts[2] if len(parts) == 3 else ""
    return Panelist(name=parts[0], title=parts[1], persona=persona.id, notes=notes)


def panelists_who_spoke(session: Session) -> list[Panelist]:
    """The panelists who asked at least one question or probe, in panel order."""
    speakers = {turn.panelist for turn in session.turns}
    return [p for p in session.panelists if p.name in speakers]


# --- which questions ----------------------------------------------------------------------------


def _keyword_hits(keywords: Iterable[str], text: str) -> int:
    """How often the keywords (whole words or phrases) occur in `text`, each capped."""
    lowered = text.lower()
    hits = 0
    for keyword in keywords:
        pattern = r"(?<!\w)" + re.escape(keyword.lower()) + r"(?!\w)"
        hits += min(len(re.findall(pattern, lowered)), _MAX_HITS_PER_KEYWORD)
    return hits


def competency_weights(
    library: PromptLibrary, panelists: Sequence[Panelist], jd: str = "", cv: str = ""
) -> dict[str, float]:
    """How much each competency matters here: base 1, plus JD/CV keyword hits and panel focus."""
    focus = [library.persona(p.persona).focus for p in panelists]
    return {
        c.id: 1.0
        + _JD_WEIGHT * _keyword_hits(c.keywords, jd)
        + _CV_WEIGHT * _keyword_hits(c.keywords, cv)
        + _FOCUS_WEIGHT * sum(c.id in f for f in focus)
        for c in library.competencies
    }


def _weighted_order(ids: Sequence[str], weights: dict[str, float], rng: random.Random) -> list[str]:
    """A random order of `ids` in which heavier ones tend to come first (Efraimidis-Spirakis)."""
    keys = {cid: rng.random() ** (1.0 / weights[cid] ** _SHARPNESS) for cid in ids}
    return sorted(ids, key=lambda cid: keys[cid], reverse=True)


def _ensure_culture(
    chosen: list[str], library: PromptLibrary, weights: dict[str, float], rng: random.Random
) -> None:
    """Swap the least wanted pick for a culture competency when the first round has none."""
    culture = [c.id for c in library.competencies if c.culture]
    if not culture or any(cid in culture for cid in chosen):
        return
    lightest = min(range(len(chosen)), key=lambda i: (weights[chosen[i]], -i))
    chosen[lightest] = _weighted_order(culture, weights, rng)[0]


def _assign_to_panel(
    cycle: list[str], first_slot: int, panelists: Sequence[Panelist], library: PromptLibrary
) -> list[str]:
    """Order one cycle so the panelist whose turn it is asks about their own focus if possible."""
    remaining = list(cycle)
    ordered: list[str] = []
    for slot in range(first_slot, first_slot + len(cycle)):
        focus = library.persona(panelists[slot % len(panelists)].persona).focus
        pick = next((cid for cid in remaining if cid in focus), remaining[0])
        remaining.remove(pick)
        ordered.append(pick)
    return ordered


def plan_questions(
    library: PromptLibrary,
    panelists: Sequence[Panelist],
    settings: SessionSettings,
    rng: random.Random,
) -> list[str]:
    """Question ids in asking order; question `i` is asked by `panelists[i % len(panelists)]`.

    Competencies are weighted by the JD, CV and panel focus; none repeats until every one has been
    used; at least one culture ("will you thrive here?") question when there are three or more.
    """
    weights = competency_weights(library, panelists, settings.jd, settings.cv)
    ids = [c.id for c in library.competencies]
    count = settings.questions
    cycles: list[list[str]] = []
    while sum(map(len, cycles)) < count:
        cycles.append(_weighted_order(ids, weights, rng)[: count - sum(map(len, cycles))])
    if count >= MIN_QUESTIONS_FOR_CULTURE:
        _ensure_culture(cycles[0], library, weights, rng)
    order: list[str] = []
    for cycle in cycles:
        order += _assign_to_panel(cycle, len(order), panelists, library)
    used: set[str] = set()
    plan: list[str] = []
    for cid in order:
        # The schema guarantees 12+ competencies with 4+ questions each, more than any plan needs.
        fresh = [q.id for q in library.competency(cid).questions if q.id not in used]
        plan.append(rng.choice(fresh))
        used.add(plan[-1])
    return plan


def question_index(library: PromptLibrary) -> dict[str, tuple[Competency, Question]]:
    """Every question of the bank by id, with its competency."""
    return {q.id: (c, q) for c in library.competencies for q in c.questions}


# --- when to probe ------------------------------------------------------------------------------

STRONG_ANSWER = 4.0  # LABELING.md anchor 4: clear STAR, personal actions, concrete result
_COVERED = ComponentAssessment(present=True, score=5)


def probe_target(
    assessment: StarAssessment, already_probed: Iterable[Component] = ()
) -> Component | None:
    """The STAR part to probe next (the analyzer's rule), skipping parts probed already.

    A strong answer is never probed, even if one part could be sharper: a panel moves on.
    """
    if assessment.overall >= STRONG_ANSWER:
        return None
    done = set(already_probed)
    # Parts already probed count as covered: asking twice for the same thing only nags.
    components = {
        name: _COVERED if name in done else part for name, part in assessment.components.items()
    }
    signals = assessment.signals or AnswerSignals(
        word_count=0,
        sentence_count=0,
        speaking_seconds=0.0,
        first_person_singular=0,
        first_person_plural=0,
    )
    return weakest_component(
        StarAnalysis(
            overall=assessment.overall,
            components=components,
            flags=assessment.flags,
            signals=signals,
        )
    )


# --- the session --------------------------------------------------------------------------------


class PanelSession:
    """One mock panel in progress, persisted turn by turn."""

    def __init__(self, coach: Coach, store: TurnStore, session: Session) -> None:
        self.coach = coach
        self.store = store
        self.session = session
        self.library = coach.library
        self._questions = question_index(self.library)
        self._panel = {p.name: p for p in session.panelists}
        self._usage_before = session.usage
        self._notes_seen = len(coach.notes)

    @classmethod
    def start(
        cls,
        coach: Coach,
        store: TurnStore,
        settings: SessionSettings,
        panelists: Sequence[Panelist] = (),
    ) -> PanelSession:
        """Compose the panel, plan the questions and store the new session."""
        panel = list(panelists) or default_panel(settings.level, coach.library)
        if not panel:
            raise UserError(f"the prompt library has no persona for level {settings.level!r}")
        names = [p.name for p in panel]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise UserError(f"two panelists share the name {duplicates[0]!r}; names must differ")
        # Without a seed, pick one and keep it so the same session can be replayed.
        seed = (
            settings.seed if settings.seed is not None else random.SystemRandom().randrange(2**31)
        )
        settings = settings.model_copy(update={"seed": seed, "provider": coach.provider})
        plan = plan_questions(coach.library, panel, settings, random.Random(seed))
        session = Session(id=store.new_id(), settings=settings, panelists=panel, plan=plan)
        store.create(session)
        return cls(coach, store, session)

    @classmethod
    def resume(cls, coach: Coach, store: TurnStore, session: Session) -> PanelSession:
        """Continue a paused, interrupted or early-ended session where it stopped."""
        panel = cls(coach, store, session)
        if session.status == "finished" and not panel.has_more():
            raise UserError(
                f"session {session.id} is finished and every question was answered; "
                f"see 'mockpanel report {session.id}'"
            )
        session.status = "active"
        session.finished_at = None
        session.debriefs = []
        store.update_session(session)
        return panel

    # -- reading the state --

    @property
    def pending(self) -> Turn | None:
        """The asked turn still waiting for an answer, if any."""
        last = self.session.turns[-1] if self.session.turns else None
        return last if last is not None and last.answer is None and not last.skipped else None

    def _main_turns(self) -> list[Turn]:
        return [t for t in self.session.turns if t.kind == "question"]

    def _thread(self) -> list[Turn]:
        """The last main question and its probes."""
        mains = self._main_turns()
        if not mains:
            return []
        main = mains[-1]
        return [main] + [t for t in self.session.turns if t.probe_of == main.index]

    def has_more(self) -> bool:
        """Whether anything is left to ask: a pending turn, a planned question or a due probe."""
        if self.pending is not None or len(self._main_turns()) < len(self.session.plan):
            return True
        return self._probe_due() is not None

    def introductions(self) -> list[Introduction]:
        """Each panelist's opening line, in panel order."""
        return [
            Introduction(p, self.coach.introduce(self.session, p)) for p in self.session.panelists
        ]

    def _probe_due(self) -> Component | None:
        """The STAR part the last question's panelist should probe next, if any."""
        thread = self._thread()
        if not thread or any(t.skipped or t.answer is None for t in thread):
            return None
        probes = thread[1:]
        if len(probes) >= MAX_PROBES:
            return None
        # The last turn's assessment covers the main answer and every follow-up so far.
        latest = thread[-1].assessment
        asked = [t.probe_target for t in probes if t.probe_target is not None]
        return probe_target(latest, already_probed=asked) if latest else None

    def _lookup(self, question_id: str | None) -> tuple[Competency, Question]:
        try:
            return self._questions[question_id or ""]
        except KeyError:
            raise PromptLibraryError(
                f"question {question_id!r} of session {self.session.id} is not in the prompt "
                "library"
            ) from None

    def _prompt(self, turn: Turn) -> PanelPrompt:
        competency, question = self._lookup(turn.question_id)
        siblings = [
            t.index for t in self.session.turns if t.kind == "probe" and t.probe_of == turn.probe_of
        ]
        return PanelPrompt(
            index=turn.index,
            number=len([t for t in self._main_turns() if t.index <= turn.index]),
            total=len(self.session.plan),
            panelist=self._panel[turn.panelist],
            kind=turn.kind,
            competency=competency,
            question=question,
            text=turn.question,
            probe_target=turn.probe_target,
            probe_number=siblings.index(turn.index) + 1 if turn.kind == "probe" else 0,
        )

    # -- moving on --

    def next_prompt(self) -> PanelPrompt | None:
        """The prompt to answer now (asking a new question or probe if needed); None at the end."""
        pending = self.pending
        if pending is not None:
            return self._prompt(pending)
        target = self._probe_due()
        if target is not None:
            main = self._thread()[0]
            panelist = self._panel[main.panelist]
            competency, question = self._lookup(main.question_id)
            text = self.coach.probe(self.session, panelist, main, target, question)
            probe_of: int | None = main.index
        else:
            number = len(self._main_turns())
            if number >= len(self.session.plan):
                return None
            competency, question = self._lookup(self.session.plan[number])
            panelist = self.session.panelists[number % len(self.session.panelists)]
            text = self.coach.ask(self.session, panelist, competency, question)
            probe_of = None
        turn = Turn(
            index=len(self.session.turns),
            panelist=panelist.name,
            kind="question" if target is None else "probe",
            competency=competency.id,
            question_id=question.id,
            question=text,
            probe_of=probe_of,
            probe_target=target,
        )
        self._save(turn, new=True)
        return self._prompt(turn)

    def answer(self, text: str) -> Turn:
        """Record and assess the answer to the pending prompt; returns the saved turn."""
        turn = self._require_pending()
        turn.answer = check_answer(text)
        if turn.kind == "probe":
            # A follow-up answer completes the story it follows, so the story is scored as a whole.
            thread = self._thread()
            combined = "\n\n".join(t.answer for t in thread if t.answer)
            turn.assessment = self.coach.assess(thread[0].question, combined, turn.competency)
        else:
            turn.assessment = self.coach.assess(turn.question, turn.answer, turn.competency)
        turn.answered_at = utc_now()
        self._save(turn)
        return turn

    def skip(self) -> Turn:
        """Skip the pending prompt (a skipped main question is not probed)."""
        turn = self._require_pending()
        turn.skipped = True
        turn.answered_at = utc_now()
        self._save(turn)
        return turn

    def pause(self) -> Session:
        """Stop for now; `resume` asks any unanswered question again."""
        self.session.status = "paused"
        self._update()
        return self.session

    def finish(self) -> Session:
        """End the session: close any unanswered prompt, collect debriefs, mark it finished."""
        pending = self.pending
        if pending is not None:
            pending.skipped = True
            pending.notes.append("not answered: the session ended before an answer was given")
            self._save(pending)
        self.session.debriefs = [
            self.coach.debrief(self.session, p) for p in panelists_who_spoke(self.session)
        ]
        self.session.notes += self._new_coach_notes()
        self.session.status = "finished"
        self.session.finished_at = utc_now()
        self._update()
        return self.session

    # -- persistence --

    def _require_pending(self) -> Turn:
        turn = self.pending
        if turn is None:
            raise RuntimeError("no question is waiting for an answer; call next_prompt() first")
        return turn

    def _new_coach_notes(self) -> list[str]:
        notes = self.coach.notes[self._notes_seen :]
        self._notes_seen = len(self.coach.notes)
        return notes

    def _save(self, turn: Turn, *, new: bool = False) -> None:
        # A note the assessment already carries (a judge fallback) is not repeated on the turn.
        in_assessment = set(turn.assessment.notes) if turn.assessment else set()
        turn.notes += [n for n in self._new_coach_notes() if n not in in_assessment]
        if new:
            self.session.turns.append(turn)
        self.store.save_turn(self.session.id, turn)
        if self.session.usage != self._usage_before.add(self.coach.usage):
            self._update()  # model tokens are kept as they are spent, not only at the end

    def _update(self) -> None:
        self.session.usage = self._usage_before.add(self.coach.usage)
        self.store.update_session(self.session)
