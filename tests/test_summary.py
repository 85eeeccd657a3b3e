"""The end-of-session summary: probe rule, averages, panel, readiness and the top fixes."""

from __future__ import annotations

import pytest

from mockpanel.library import PromptLibrary, load_library
from mockpanel.models import Session, Turn
from mockpanel.summary import PROBE_DISCOUNT, question_results, readiness, summarize
from session_builders import HANA, PAT, assessment, empty_session, probe, question, sample_session


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return load_library()


def session_of(*turns: Turn) -> Session:
    session = empty_session()
    session.turns = list(turns)
    return session


def test_a_question_scores_the_best_of_its_answer_and_probes(library: PromptLibrary) -> None:
    summary = summarize(sample_session(), library)
    first = summary.questions[0]
    # main 2.0; after one follow-up the story scores 3.0, less the discount for needing it
    assert (first.number, first.probes, first.overall) == (1, 1, 3.0 - PROBE_DISCOUNT)
    # main answer (4, 3, 2, 1, 1) and probe answer (1, 1, 3, 3, 1): the best of each part
    assert first.components == {
        "situation": 4,
        "task": 3,
        "action": 3,
        "result": 3,
        "reflection": 1,
    }
    main_row, probe_row = summary.scorecard[0], summary.scorecard[1]
    assert (main_row.kind, main_row.overall, main_row.components["result"]) == ("question", 2.0, 1)
    assert (probe_row.kind, probe_row.overall, probe_row.question_number) == ("probe", 3.0, 1)
    assert probe_row.probe_target == "result"


def test_session_averages_use_answered_main_questions(library: PromptLibrary) -> None:
    summary = summarize(sample_session(), library)
    assert summary.overall == (3.0 - PROBE_DISCOUNT + 4.0) / 2
    assert (summary.questions_asked, summary.questions_answered, summary.answers) == (3, 2, 3)
    assert summary.components == {
        "situation": 4.0,
        "task": 3.5,
        "action": 3.0,
        "result": 3.0,
        "reflection": 1.5,
    }
    skipped = summary.questions[1]
    assert skipped.skipped and skipped.overall is None and skipped.components == {}
    assert summary.scorecard[2].skipped


def test_probes_attach_to_their_question_without_a_link_or_through_another_probe(
    library: PromptLibrary,
) -> None:
    main = question(0, "We did it.", assessment(2.0, (3, 2, 2, 1, 1)))
    first = probe(1, main, "I led it.", assessment(2.5, (1, 1, 4, 1, 1)), target="action")
    second = probe(2, first, "Costs fell 30%.", assessment(3.0, (1, 1, 1, 5, 1)))
    unlinked = probe(3, main, "I learned to ask early.", assessment(2.0, (1, 1, 1, 1, 4)))
    unlinked = unlinked.model_copy(update={"probe_of": None})
    results = question_results([main, first, second, unlinked])
    assert len(results) == 1
    assert results[0].probes == 3
    # main 2.0, then 2.5 - 1 x discount, 3.0 - 2 x discount, 2.0 - 3 x discount: the main wins
    assert results[0].overall == 2.0
    assert results[0].components == {
        "situation": 3,
        "task": 2,
        "action": 4,
        "result": 5,
        "reflection": 4,
    }


def test_per_competency_uses_library_names_weakest_first(library: PromptLibrary) -> None:
    scores = summarize(sample_session(), library).per_competency
    assert [(s.competency, s.questions, s.overall) for s in scores] == [
        ("ownership", 1, 3.0 - PROBE_DISCOUNT),
        ("conflict", 1, 4.0),
    ]
    assert [s.name for s in scores] == [
        library.competency("ownership").name,
        library.competency("conflict").name,
    ]


def test_per_panelist_combines_their_questions_with_the_debrief(library: PromptLibrary) -> None:
    hana, pat = summarize(sample_session(), library).per_panelist
    assert (hana.name, hana.questions, hana.overall, hana.score) == (
        HANA.name,
        1,
        3.0 - PROBE_DISCOUNT,
        3.0,
    )
    assert hana.impression == "Clear on the problem, vague on your own part."
    assert (hana.strengths, hana.concerns) == (["a real incident"], ["who did what"])
    assert (pat.name, pat.questions, pat.overall, pat.score, pat.impression) == (
        PAT.name,
        2,
        4.0,
        None,
        "",
    )


@pytest.mark.parametrize(
    ("score", "label"),
    [(5.0, "ready"), (4.0, "ready"), (3.99, "nearly"), (3.0, "nearly"), (2.99, "not_yet")],
)
def test_readiness_labels_and_library_sentence(
    library: PromptLibrary, score: float, label: str
) -> None:
    verdict = readiness(score, library)
    assert verdict is not None
    assert verdict.label == label
    assert verdict.text == library.phrase(f"phrases.readiness.{label}", score=f"{score:.1f}")


def test_a_session_without_answers_has_no_verdict_and_no_fixes(library: PromptLibrary) -> None:
    skipped = question(0, None, None, skipped=True)
    summary = summarize(session_of(skipped), library)
    assert summary.overall is None
    assert summary.readiness is None
    assert summary.top_fixes == []
    assert summary.components == dict.fromkeys(summary.components)
    assert (summary.questions_asked, summary.questions_answered) == (1, 0)


def test_top_fixes_lead_with_the_most_frequent_habit(library: PromptLibrary) -> None:
    summary = summarize(sample_session(), library)
    fixes = summary.top_fixes
    assert 1 <= len(fixes) <= 3
    assert (fixes[0].key, fixes[0].source, fixes[0].questions) == ("we-heavy", "habit", 2)
    assert fixes[0].text == library.phrase(
        "phrases.sharpen.we-heavy", competency="x", looks_for="y"
    )
    keys = [f.key for f in fixes]
    # we-heavy already covers weak actions; one fix per gap
    assert "action" not in keys
    assert not {"no-result", "result"} <= set(keys)
    assert all(f.text and "{" not in f.text for f in fixes)


def test_habits_count_main_answers_only(library: PromptLibrary) -> None:
    summary = summarize(sample_session(), library)
    assert summary.habits == {"we-heavy": 2, "no-result": 1}  # the probe's too-short is ignored


def test_hedging_from_signals_becomes_a_fix(library: PromptLibrary) -> None:
    hedgy = assessment(4.0, (4, 4, 4, 4, 4), hedges=3)
    turns = [
        question(i, "I think I sort of led it.", hedgy, competency=c)
        for i, c in enumerate(["ownership", "teamwork"])
    ]
    summary = summarize(session_of(*turns), library)
    assert summary.habits == {"hedges": 2}
    assert [f.key for f in summary.top_fixes] == ["hedges"]
    assert summary.top_fixes[0].text == library.phrase(
        "phrases.sharpen.hedges", competency="x", looks_for="y"
    )


def test_a_strong_session_is_ready_with_nothing_to_fix(library: PromptLibrary) -> None:
    strong = assessment(5.0, (5, 5, 5, 5, 5))
    summary = summarize(session_of(question(0, "A great story.", strong)), library)
    assert summary.readiness is not None and summary.readiness.label == "ready"
    assert summary.top_fixes == []


def test_fix_sentences_name_the_competency_and_what_it_looks_for(library: PromptLibrary) -> None:
    off_topic = assessment(1.0, (4, 4, 4, 4, 1), ["off-topic"])
    turns = [
        question(i, "A story about a bake sale.", off_topic, competency="conflict") for i in (0, 1)
    ]
    fix = summarize(session_of(*turns), library).top_fixes[0]
    conflict = library.competency("conflict")
    assert fix.key == "off-topic"
    assert conflict.name.lower() in fix.text
    looks_for = conflict.looks_for[0].rstrip(".")
    assert looks_for[1:] in fix.text


def test_habits_without_a_phrase_are_counted_but_not_offered_as_fixes(
    library: PromptLibrary,
) -> None:
    odd = assessment(4.5, (5, 5, 5, 5, 4), ["rambling-intro"])
    summary = summarize(session_of(question(0, "Story.", odd)), library)
    assert summary.habits == {"rambling-intro": 1}
    assert summary.top_fixes == []
