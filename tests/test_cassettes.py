"""Every LLM call shape, replayed from cassettes recorded against the local llama.cpp server.

Record (or re-record) with the server running:
    mockpanel serve-local --port 8765
    python -m pytest tests/test_cassettes.py --record-mode=rewrite
Replays need no server: the default record mode is `none`, so a request that is not in its
cassette fails the test instead of reaching the network. The tiny model's replies are often
unusable, so each test accepts either a reply that passed the coach's checks or the offline
fallback for that step, and checks that the fallback was recorded in the coach's notes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from mockpanel.coach.llm import LLMCoach
from mockpanel.coach.offline import OfflineCoach
from mockpanel.coach.speech import clean_speech, speech_problem
from mockpanel.config import LOCAL_MODEL_ALIAS
from mockpanel.library import PromptLibrary, load_library
from mockpanel.llm.client import LLMClient
from mockpanel.llm.retry import RetryPolicy
from mockpanel.models import (
    COMPONENTS,
    AnswerSignals,
    AskRequest,
    ComponentAssessment,
    Feedback,
    Panelist,
    Session,
    SessionSettings,
    StarAnalysis,
    StarAssessment,
    Turn,
)
from mockpanel.panel import question_index
from mockpanel.star import StarAnalyzer

LOCAL_URL = "http://127.0.0.1:8765/v1"
AT = datetime(2025, 5, 6, 10, 0, tzinfo=UTC)
PRIYA = Panelist(name="Priya Shah", title="Hiring Manager", persona="hiring-manager")
DANIEL = Panelist(name="Daniel Okoro", title="Senior Team Member", persona="peer")
CLAIRE = Panelist(name="Claire Donnelly", title="Head of Department", persona="department-head")
QUESTION_ID = "ownership-1"
ANSWER = (
    "Last year I was the analyst on a subscription product whose monthly churn had crept up to "
    "7%. My manager asked me to bring churn back under 5% by the end of the quarter. I joined "
    "the cancellation data with the support tickets and found that most leavers had hit the "
    "same billing error. I persuaded the billing team to fix it first and set up a weekly "
    "dashboard. Within ten weeks churn fell to 4.6%."
)
SENTENCES = [s.strip() + "." for s in ANSWER.split(". ")]


def fixed_assessment(overall: float, scores: tuple[int, ...]) -> StarAssessment:
    """An assessment that does not depend on the analyzer, so requests stay byte-identical."""
    return StarAssessment(
        overall=overall,
        components={
            name: ComponentAssessment(
                present=score > 1, score=score, evidence=[SENTENCES[i]] if score > 1 else []
            )
            for i, (name, score) in enumerate(zip(COMPONENTS, scores, strict=True))
        },
        flags=[],
        feedback=Feedback(),
        signals=fixed_analysis().signals,
    )


def fixed_analysis() -> StarAnalysis:
    return StarAnalysis(
        overall=4.0,
        components={
            name: ComponentAssessment(
                present=i < 4, score=4 if i < 4 else 1, evidence=[SENTENCES[i]] if i < 4 else []
            )
            for i, name in enumerate(COMPONENTS)
        },
        flags=[],
        signals=AnswerSignals(
            word_count=62,
            sentence_count=5,
            speaking_seconds=26.6,
            first_person_singular=5,
            first_person_plural=0,
            metrics=["7%", "5%", "4.6%"],
        ),
    )


class FixedAnalyzer(StarAnalyzer):
    """Always the same analysis, so the judge's follow-up requests never change."""

    def analyze(self, answer: str, question: str | None = None) -> StarAnalysis:
        return fixed_analysis()


@pytest.fixture
def library() -> PromptLibrary:
    return load_library()


@pytest.fixture
def coach(library: PromptLibrary) -> Iterator[LLMCoach]:
    client = LLMClient(
        base_url=LOCAL_URL,
        api_key="not-needed",
        model=LOCAL_MODEL_ALIAS,
        local=True,
        retry=RetryPolicy(max_retries=0),
    )
    offline = OfflineCoach(library, FixedAnalyzer(library))
    with client:
        yield LLMCoach(library, client, provider="local", offline=offline)


@pytest.fixture
def session() -> Session:
    settings = SessionSettings(role="Data Analyst", company="Acme", level="mid", seed=11)
    competency = "ownership"
    return Session(
        id="cassette",
        started_at=AT,
        settings=settings.model_copy(update={"provider": "local"}),
        panelists=[PRIYA, DANIEL, CLAIRE],
        plan=[QUESTION_ID, "teamwork-1"],
        turns=[
            Turn(
                index=0,
                panelist=PRIYA.name,
                kind="question",
                competency=competency,
                question_id=QUESTION_ID,
                question="Tell me about a time you took ownership of a problem.",
                answer=ANSWER,
                assessment=fixed_assessment(3.8, (4, 4, 4, 4, 1)),
                asked_at=AT,
                answered_at=AT,
            )
        ],
    )


def used_or_fell_back(coach: LLMCoach, step: str, fallbacks: int, counted: bool = True) -> None:
    """Each call of `step` either produced a used reply or left exactly one fallback note."""
    records = [r for r in coach.calls if r.step == step]
    assert records, f"no {step} call was made"
    notes = [n for n in coach.notes if n.startswith(f"{step}: ") and n.endswith(" used")]
    assert len(notes) == fallbacks == sum(not r.used for r in records), coach.notes
    # The server reports token counts for whole replies (not for streams, which are estimated).
    assert all(call.estimated is not counted for call in coach.client.usage.calls)


@pytest.mark.vcr
def test_panel_opening(coach: LLMCoach, library: PromptLibrary, session: Session) -> None:
    offline = OfflineCoach(library)
    fallbacks = 0
    for panelist in session.panelists:
        line = coach.introduce(session, panelist)
        if line == offline.introduce(session, panelist):
            fallbacks += 1
        else:
            assert (
                speech_problem(line, line, "introduce", cut_off=False, speaker=panelist.name)
                is None
            )
            assert panelist.name.split()[0] in line
    used_or_fell_back(coach, "introduce", fallbacks)
    assert coach.usage.calls == 3 and coach.usage.prompt_tokens > 0


@pytest.mark.vcr
def test_ask(coach: LLMCoach, library: PromptLibrary, session: Session) -> None:
    competency, question = question_index(library)["teamwork-1"]
    line = coach.ask(session, DANIEL, competency, question)
    fell_back = line == question.text
    if not fell_back:
        assert (
            speech_problem(
                line, line, "ask", cut_off=False, speaker=DANIEL.name, bank_question=question.text
            )
            is None
        )
    used_or_fell_back(coach, "ask", int(fell_back))


@pytest.mark.vcr
def test_probe(coach: LLMCoach, library: PromptLibrary, session: Session) -> None:
    turn = session.turns[0]
    _, question = question_index(library)[QUESTION_ID]
    line = coach.probe(session, PRIYA, turn, "reflection", question)
    fell_back = line in question.probes.reflection
    if not fell_back:
        assert speech_problem(line, line, "probe", cut_off=False, speaker=PRIYA.name) is None
    used_or_fell_back(coach, "probe", int(fell_back))


@pytest.mark.vcr
def test_streamed_question(coach: LLMCoach, library: PromptLibrary, session: Session) -> None:
    competency, question = question_index(library)["teamwork-1"]
    shown: list[str] = []
    coach.on_speech_chunk = lambda panelist, text: shown.append(text)
    line = coach.ask(session, DANIEL, competency, question)
    assert len(shown) > 1 and shown[0] != ""  # the words arrived piece by piece
    if line == question.text:
        assert shown[-1] == ""  # an unusable streamed line is withdrawn from the screen
        used_or_fell_back(coach, "ask", 1, counted=False)
    else:
        assert line == clean_speech(shown[-1], DANIEL.name)
        used_or_fell_back(coach, "ask", 0, counted=False)


@pytest.mark.vcr
def test_judge_and_feedback(coach: LLMCoach, library: PromptLibrary) -> None:
    question = "Tell me about a time you took ownership of a problem."
    assessment = coach.assess(question, ANSWER, "ownership")
    offline = OfflineCoach(library, FixedAnalyzer(library)).assess(question, ANSWER, "ownership")
    if assessment.provider == "offline":
        assert assessment.model_copy(update={"notes": []}) == offline
        assert assessment.notes and assessment.notes[0].startswith("judge: ")
        used_or_fell_back(coach, "judge", 1)
    else:
        assert assessment.provider == "local" and assessment.analyzer_overall == 4.0
        for part in assessment.components.values():
            assert all(quote in ANSWER for quote in part.evidence)
        assert assessment.feedback.sharpen
    formats = [r.step for r in coach.calls]
    assert formats[0] == "judge"
    # llama.cpp refuses strict json_schema; the client moved on to json_object with a schema.
    assert coach.client.rejected_formats == {"json_schema"}


@pytest.mark.vcr
def test_feedback(coach: LLMCoach, library: PromptLibrary) -> None:
    question = "Tell me about a time you took ownership of a problem."
    feedback, notes = coach.write_feedback(question, ANSWER, "ownership", fixed_analysis())
    offline = OfflineCoach(library).feedback.write(fixed_analysis(), "ownership")
    (record,) = [r for r in coach.calls if r.step == "feedback"]
    if not record.used:
        assert feedback == offline
        assert notes == [n for n in coach.notes if n.startswith("feedback: ")] != []
        return
    assert feedback.sharpen and all(len(item.split()) <= 60 for item in feedback.sharpen)
    for item in feedback.landed:
        assert '"' in item or "“" in item  # praise quotes the answer
    outline = feedback.stronger_version.lower()
    assert outline == offline.stronger_version.lower() or "situation:" in outline


@pytest.mark.vcr
def test_debrief(coach: LLMCoach, library: PromptLibrary, session: Session) -> None:
    debrief = coach.debrief(session, PRIYA)
    offline = OfflineCoach(library).debrief(session, PRIYA)
    assert offline.score is not None and debrief.score is not None
    if debrief == offline:
        used_or_fell_back(coach, "debrief", 1)
    else:
        assert abs(debrief.score - offline.score) <= 1.0
        assert len(debrief.impression.split()) >= 12
        used_or_fell_back(coach, "debrief", 0)


@pytest.mark.vcr
def test_questions_to_ask(coach: LLMCoach, library: PromptLibrary) -> None:
    request = AskRequest(
        role="Data Analyst",
        company="Acme",
        jd="We are hiring a data analyst to own our churn reporting and pricing analysis.",
        panelists=[PRIYA, DANIEL],
    )
    questions = coach.questions_to_ask(request)
    audiences = {q.audience for q in questions}
    assert audiences == {"Priya Shah (Hiring Manager)", "Daniel Okoro (Senior Team Member)"}
    assert all(q.question.endswith("?") for q in questions)
    offline = OfflineCoach(library).questions_to_ask(request)
    (record,) = [r for r in coach.calls if r.step == "questions-to-ask"]
    if record.used:
        assert any(q not in offline for q in questions)
    else:
        assert questions == offline
        assert coach.notes[-1].endswith("; library questions used")


@pytest.mark.vcr
def test_thank_you(coach: LLMCoach, library: PromptLibrary, session: Session) -> None:
    note = coach.thank_you(session, PRIYA)
    offline = OfflineCoach(library).thank_you(session, PRIYA)
    assert note.panelist == PRIYA.name and note.title == PRIYA.title
    if note == offline:
        used_or_fell_back(coach, "thank-you", 1)
    else:
        assert note.note.lower().startswith("dear")
        assert 40 <= len(note.note.split()) <= 170
        used_or_fell_back(coach, "thank-you", 0)


@pytest.mark.vcr
def test_brief(coach: LLMCoach, library: PromptLibrary) -> None:
    brief = coach.brief("Data Analyst", "mid", "Acme")
    offline = OfflineCoach(library).brief("Data Analyst", "mid", "Acme")
    assert (brief.role, brief.level, brief.company) == ("Data Analyst", "mid", "Acme")
    assert len(brief.sections) >= 3 and len(brief.checklist) >= 3
    used_or_fell_back(coach, "brief", int(brief == offline))
