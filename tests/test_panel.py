"""The panel state machine: composition, question plan, probing, autosave, pause/resume, finish."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from mockpanel.errors import InputFileError, UserError
from mockpanel.library import PromptLibrary
from mockpanel.models import ComponentAssessment, SessionSettings, StarAssessment, Usage
from mockpanel.panel import (
    MAX_PROBES,
    PanelSession,
    competency_weights,
    default_panel,
    panelists_who_spoke,
    parse_panelist,
    persona_for_title,
    plan_questions,
    probe_target,
)
from mockpanel.store import SessionStore
from panel_fakes import PERSONAS, FakeCoach, make_library, strong_answer

FOCUS = {p["id"]: set(p["focus"]) for p in PERSONAS}


@pytest.fixture
def library() -> PromptLibrary:
    return make_library()


@pytest.fixture
def coach(library: PromptLibrary) -> FakeCoach:
    return FakeCoach(library)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    with SessionStore(tmp_path / "panel.db") as opened:
        yield opened  # type: ignore[misc]


def start(coach: FakeCoach, store: SessionStore, **settings: object) -> PanelSession:
    values: dict[str, object] = {"seed": 7, "questions": 6, **settings}
    return PanelSession.start(coach, store, SessionSettings.model_validate(values))


def assessment(**scores: int) -> StarAssessment:
    """An assessment where the named parts have these scores and the rest are strong."""
    parts = {
        c: ComponentAssessment(present=scores.get(c, 4) > 1, score=scores.get(c, 4))
        for c in ("situation", "task", "action", "result", "reflection")
    }
    return StarAssessment(overall=3.0, components=parts)  # type: ignore[arg-type]


# --- composition --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "personas"),
    [
        ("junior", ["hiring-manager", "peer", "department-head"]),
        ("mid", ["hiring-manager", "peer", "department-head"]),
        ("senior", ["hiring-manager", "peer", "department-head", "executive"]),
        ("executive", ["hiring-manager", "peer", "department-head", "executive"]),
    ],
)
def test_default_panel_follows_persona_levels(
    library: PromptLibrary, level: str, personas: list[str]
) -> None:
    panel = default_panel(level, library)  # type: ignore[arg-type]
    assert [p.persona for p in panel] == personas
    assert panel[0].name == "Hana Manager" and panel[0].title == "Hiring Manager"


@pytest.mark.parametrize(
    ("title", "persona"),
    [
        ("Engineering Manager", "hiring-manager"),
        ("Hiring Manager", "hiring-manager"),
        ("Director of Sales", "department-head"),
        ("Head of Data", "department-head"),
        ("VP Engineering", "department-head"),
        ("Vice President, Operations", "department-head"),
        ("CEO", "executive"),
        ("Chief Technology Officer", "executive"),
        ("Co-founder", "executive"),
        ("President", "executive"),
        ("Senior Data Scientist", "peer"),
        ("Team Lead", "peer"),
    ],
)
def test_title_maps_to_closest_persona(title: str, persona: str) -> None:
    assert persona_for_title(title) == persona


def test_parse_panelist_keeps_name_title_and_notes(library: PromptLibrary) -> None:
    panelist = parse_panelist(" Ana Ruiz | CTO | ex-Google, likes system design ", library)
    assert (panelist.name, panelist.title, panelist.persona) == ("Ana Ruiz", "CTO", "executive")
    assert panelist.notes == "ex-Google, likes system design"
    assert parse_panelist("Bo|Product Manager", library).notes == ""


@pytest.mark.parametrize("spec", ["Ana Ruiz", "|CTO|x", "Ana||notes", "", " | "])
def test_parse_panelist_rejects_bad_format(library: PromptLibrary, spec: str) -> None:
    with pytest.raises(UserError, match="bad --panelist"):
        parse_panelist(spec, library)


def test_duplicate_panelist_names_are_refused(coach: FakeCoach, store: SessionStore) -> None:
    twins = [parse_panelist("Sam|Manager", coach.library), parse_panelist("Sam|CTO", coach.library)]
    with pytest.raises(UserError, match="share the name 'Sam'"):
        PanelSession.start(coach, store, SessionSettings(seed=1), twins)


# --- the question plan --------------------------------------------------------------------------


def plan(library: PromptLibrary, seed: int, level: str = "mid", **settings: object) -> list[str]:
    panel = default_panel(level, library)  # type: ignore[arg-type]
    values = SessionSettings.model_validate({"questions": 6, **settings})
    return plan_questions(library, panel, values, random.Random(seed))


def competency_of(question_id: str) -> str:
    return question_id.rsplit("-q", 1)[0]


def test_plan_never_repeats_a_question_or_an_unexhausted_competency(
    library: PromptLibrary,
) -> None:
    for seed in range(30):
        questions = plan(library, seed, questions=30)
        assert len(questions) == 30 and len(set(questions)) == 30
        competencies = [competency_of(q) for q in questions]
        n = len(library.competencies)
        # Each full cycle uses every competency once before any repeats.
        assert len(set(competencies[:n])) == n
        assert len(set(competencies[n : 2 * n])) == n


def test_plan_is_reproducible_from_the_seed(library: PromptLibrary) -> None:
    assert plan(library, 42) == plan(library, 42)
    assert len({tuple(plan(library, seed)) for seed in range(10)}) > 5


def test_plan_always_has_a_culture_question_from_three_questions(
    library: PromptLibrary,
) -> None:
    for seed in range(40):
        assert "culture-fit" in map(competency_of, plan(library, seed, questions=3))


def test_job_description_keywords_steer_the_plan(library: PromptLibrary) -> None:
    jd = "You will own customer relationships; customer success and client retention matter."
    with_jd = sum(
        "customer-focus" in map(competency_of, plan(library, s, jd=jd)) for s in range(40)
    )
    without = sum("customer-focus" in map(competency_of, plan(library, s)) for s in range(40))
    assert with_jd >= 36
    assert without < with_jd - 10
    weights = competency_weights(library, default_panel("mid", library), jd=jd)
    assert weights["customer-focus"] == max(weights.values())


def test_cv_keywords_count_less_than_the_job_description(library: PromptLibrary) -> None:
    text = "conflict conflict disagreement"
    panel = default_panel("mid", library)
    from_jd = competency_weights(library, panel, jd=text)["conflict"]
    from_cv = competency_weights(library, panel, cv=text)["conflict"]
    baseline = competency_weights(library, panel)["conflict"]
    assert from_jd > from_cv > baseline


def test_each_panelist_asks_about_their_own_focus_when_possible(
    library: PromptLibrary,
) -> None:
    panel = default_panel("mid", library)
    for seed in range(10):
        # A full cycle holds all 13 competencies; the 3 personas focus on 12 of them, 4 each.
        questions = plan(library, seed, questions=13)
        for i, question_id in enumerate(questions[:12]):
            asker = panel[i % len(panel)]
            assert competency_of(question_id) in FOCUS[asker.persona], (seed, i, question_id)


# --- probing ------------------------------------------------------------------------------------


def test_probe_target_asks_for_missing_parts_first_and_never_twice() -> None:
    assert probe_target(assessment(result=1)) == "result"
    assert probe_target(assessment(result=1, action=1)) == "action"
    assert probe_target(assessment(action=3, task=1)) == "task"
    assert probe_target(assessment(result=3)) == "result"
    assert probe_target(assessment(situation=4, reflection=1)) is None
    assert probe_target(assessment(result=1, task=2), already_probed=["result"]) == "task"
    assert probe_target(assessment(result=1), already_probed=["result"]) is None
    strong_but_thin_task = assessment(task=3).model_copy(update={"overall": 4.5})
    assert probe_target(strong_but_thin_task) is None


def test_answer_without_result_gets_a_result_probe_from_the_same_panelist(
    coach: FakeCoach, store: SessionStore
) -> None:
    panel = start(coach, store)
    first = panel.next_prompt()
    assert first is not None and first.kind == "question" and first.number == 1
    turn = panel.answer("The situation was hard, my task was clear and my action was quick.")
    assert turn.assessment is not None and not turn.assessment.components["result"].present
    probe = panel.next_prompt()
    assert probe is not None
    assert probe.kind == "probe" and probe.probe_target == "result"
    assert probe.panelist == first.panelist and probe.number == 1
    assert probe.text == first.question.probes.result[0]
    panel.answer("The result was a 30% drop in complaints.")
    stored = store.load(panel.session.id).turns
    assert [t.kind for t in stored] == ["question", "probe"]
    assert stored[1].probe_of == stored[0].index and stored[1].assessment is not None
    following = panel.next_prompt()
    assert following is not None and following.kind == "question" and following.number == 2
    assert following.panelist != first.panelist


def test_strong_answer_gets_no_probe(coach: FakeCoach, store: SessionStore) -> None:
    panel = start(coach, store)
    panel.next_prompt()
    panel.answer(strong_answer())
    following = panel.next_prompt()
    assert following is not None and following.kind == "question" and following.number == 2
    assert not any(call.startswith("probe") for call in coach.calls)


def test_at_most_two_probes_each_on_a_different_part(coach: FakeCoach, store: SessionStore) -> None:
    panel = start(coach, store)
    panel.next_prompt()
    panel.answer("Just some words with no structure at all.")
    targets = []
    for _ in range(MAX_PROBES):
        probe = panel.next_prompt()
        assert probe is not None and probe.kind == "probe"
        targets.append(probe.probe_target)
        panel.answer("Still nothing concrete, sorry.")
    assert targets == ["action", "result"]
    following = panel.next_prompt()
    assert following is not None and following.kind == "question"


def test_second_probe_skipped_when_the_first_fixes_the_story(
    coach: FakeCoach, store: SessionStore
) -> None:
    panel = start(coach, store)
    panel.next_prompt()
    panel.answer("The situation: a launch slipped. My task: recover it. My action: cut scope.")
    first = panel.next_prompt()
    assert first is not None and first.probe_target == "result"
    panel.answer("The result was shipping on time.")
    following = panel.next_prompt()
    assert following is not None and following.kind == "question"


def test_skipping_a_question_moves_on_without_probing(
    coach: FakeCoach, store: SessionStore
) -> None:
    panel = start(coach, store)
    panel.next_prompt()
    skipped = panel.skip()
    assert skipped.skipped and skipped.answer is None
    following = panel.next_prompt()
    assert following is not None and following.kind == "question" and following.number == 2
    assert store.load(panel.session.id).turns[0].skipped


def test_empty_answer_is_refused_and_the_question_stays(
    coach: FakeCoach, store: SessionStore
) -> None:
    panel = start(coach, store)
    prompt = panel.next_prompt()
    with pytest.raises(InputFileError, match="empty"):
        panel.answer("   \n ")
    again = panel.next_prompt()
    assert again is not None and again.index == prompt.index  # type: ignore[union-attr]


# --- autosave, pause, resume, finish ------------------------------------------------------------


def test_every_turn_is_stored_before_the_next_prompt(coach: FakeCoach, store: SessionStore) -> None:
    panel = start(coach, store, questions=3)
    seen = 0
    while (prompt := panel.next_prompt()) is not None:
        stored = store.load(panel.session.id).turns
        assert stored[-1].index == prompt.index and stored[-1].answer is None
        assert all(t.answer for t in stored[:-1])
        panel.answer(strong_answer() if seen % 2 else "Situation and task only.")
        assert store.load(panel.session.id).turns[-1].answer is not None
        seen += 1
    assert seen >= 3


def test_full_session_uses_three_panelists_and_no_repeated_question(
    coach: FakeCoach, store: SessionStore
) -> None:
    panel = start(coach, store, questions=6)
    assert len(panel.introductions()) == 3
    while panel.next_prompt() is not None:
        panel.answer(strong_answer())
    session = panel.finish()
    mains = [t for t in session.turns if t.kind == "question"]
    assert len(mains) == 6
    assert len({t.question_id for t in mains}) == 6
    assert len({t.panelist for t in mains}) == 3
    assert Counter(t.panelist for t in mains) == Counter({p.name: 2 for p in session.panelists})
    assert session.status == "finished" and session.finished_at is not None
    assert [d.panelist for d in session.debriefs] == [p.name for p in session.panelists]
    assert store.load(session.id).status == "finished"


def test_unseeded_session_stores_a_seed_that_replays_it(
    coach: FakeCoach, store: SessionStore
) -> None:
    panel = PanelSession.start(coach, store, SessionSettings(questions=5))
    seed = panel.session.settings.seed
    assert seed is not None
    assert store.load(panel.session.id).settings.seed == seed
    replay = PanelSession.start(coach, store, SessionSettings(questions=5, seed=seed))
    assert replay.session.plan == panel.session.plan
    assert replay.session.id != panel.session.id


def test_pause_then_resume_asks_the_unanswered_question_again(
    coach: FakeCoach, store: SessionStore
) -> None:
    panel = start(coach, store)
    panel.next_prompt()
    panel.answer(strong_answer())
    waiting = panel.next_prompt()
    assert waiting is not None
    paused = panel.pause()
    assert paused.status == "paused" and store.load(paused.id).status == "paused"

    fresh = FakeCoach(coach.library)
    resumed = PanelSession.resume(fresh, store, store.load(paused.id))
    assert resumed.session.status == "active"
    again = resumed.next_prompt()
    assert again is not None
    assert (again.index, again.text, again.panelist) == (
        waiting.index,
        waiting.text,
        waiting.panelist,
    )
    assert not any(call.startswith("ask") for call in fresh.calls)
    assert resumed.session.turns[0].answer == strong_answer()


def test_resume_after_a_probe_answer_decides_the_next_probe_again(
    coach: FakeCoach, store: SessionStore
) -> None:
    panel = start(coach, store)
    panel.next_prompt()
    panel.answer("Nothing useful here.")
    panel.next_prompt()
    panel.answer("Still nothing.")  # the process dies here, before the second probe is asked
    resumed = PanelSession.resume(FakeCoach(coach.library), store, store.load(panel.session.id))
    second = resumed.next_prompt()
    assert second is not None and second.kind == "probe" and second.probe_target == "result"


def test_finish_closes_the_pending_question_and_debriefs_only_speakers(
    coach: FakeCoach, store: SessionStore
) -> None:
    panel = start(coach, store, level="senior")
    panel.next_prompt()
    panel.answer(strong_answer())
    panel.next_prompt()
    session = panel.finish()
    assert session.turns[-1].skipped and session.turns[-1].notes
    assert [p.name for p in panelists_who_spoke(session)] == ["Hana Manager", "Pat Peer"]
    assert [d.panelist for d in session.debriefs] == ["Hana Manager", "Pat Peer"]
    assert store.load(session.id).turns[-1].skipped


def test_a_session_ended_early_can_be_resumed_but_a_complete_one_cannot(
    coach: FakeCoach, store: SessionStore
) -> None:
    panel = start(coach, store, questions=2)
    panel.next_prompt()
    panel.answer(strong_answer())
    early = panel.finish()
    resumed = PanelSession.resume(coach, store, store.load(early.id))
    assert resumed.session.status == "active" and resumed.session.debriefs == []
    prompt = resumed.next_prompt()
    assert prompt is not None and prompt.number == 2
    resumed.answer(strong_answer())
    assert resumed.next_prompt() is None
    done = resumed.finish()
    with pytest.raises(UserError, match="every question was answered"):
        PanelSession.resume(coach, store, store.load(done.id))


def test_coach_notes_are_attached_to_the_turn_they_concern(
    coach: FakeCoach, store: SessionStore
) -> None:
    panel = start(coach, store)
    panel.next_prompt()
    coach.notes.append("judge fell back to the analyzer")
    turn = panel.answer(strong_answer())
    assert turn.notes == ["judge fell back to the analyzer"]
    assert store.load(panel.session.id).turns[0].notes == turn.notes


def test_model_tokens_are_stored_as_they_are_spent(coach: FakeCoach, store: SessionStore) -> None:
    panel = start(coach, store)
    panel.next_prompt()
    coach.usage = coach.usage.add(Usage(prompt_tokens=120, completion_tokens=30, calls=1))
    panel.answer(strong_answer())
    # Nothing paused or finished: the stored session already holds the tokens.
    stored = store.load(panel.session.id).usage
    assert (stored.prompt_tokens, stored.completion_tokens, stored.calls) == (120, 30, 1)
