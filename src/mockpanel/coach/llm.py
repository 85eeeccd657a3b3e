"""The LLM-backed coach: each step is a library prompt sent to an OpenAI-compatible model.

Speech (introductions, questions, follow-ups) comes back as plain text and is checked before it is
spoken; everything else comes back as JSON validated with pydantic. Whatever the model does, a
step never fails: an unusable reply, a prompt that cannot fit, or a server error makes that one
step use the offline coach, and a note in `notes` (and in the assessment) says so. Two server
failures in a row switch the rest of the run to the offline coach instead of waiting on a broken
server again and again.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel

from mockpanel.coach.base import Coach
from mockpanel.coach.judge import (
    Calibrator,
    QuoteFinder,
    remove_markers,
    rubric_text,
    strip_grader_text,
)
from mockpanel.coach.llm_context import (
    NONE,
    competency_label,
    gist,
    panel_lines,
    panelist_notes,
    recent_notes,
    scores_line,
)
from mockpanel.coach.llm_schemas import (
    BriefReply,
    DebriefReply,
    FeedbackReply,
    JudgeReply,
    ThankYouReply,
    questions_reply_for,
)
from mockpanel.coach.offline import OfflineCoach
from mockpanel.coach.speech import SpeechKind, clean_speech, speech_problem
from mockpanel.library import Competency, PromptLibrary, Question
from mockpanel.llm.budget import Keep
from mockpanel.llm.client import LLMClient
from mockpanel.llm.errors import (
    ContextWindowError,
    EmptyReplyError,
    ModelServiceError,
    StructuredOutputError,
)
from mockpanel.llm.schema import schema_text
from mockpanel.llm.structured import generate_structured, repair_prompt
from mockpanel.models import (
    DEFAULT_COMPANY,
    AskRequest,
    Brief,
    BriefSection,
    CandidateQuestion,
    Component,
    Feedback,
    Level,
    Panelist,
    PanelistDebrief,
    Session,
    StarAnalysis,
    StarAssessment,
    ThankYouNote,
    Turn,
    Usage,
)

T = TypeVar("T", bound=BaseModel)
ChatMessage = dict[str, str]

# Reply budgets per step, in tokens: room for a good reply, not for rambling.
MAX_TOKENS: dict[str, int] = {
    "introduce": 90,
    "ask": 90,
    "probe": 70,
    "judge": 600,
    "feedback": 500,
    "debrief": 320,
    "questions-to-ask": 900,
    "thank-you": 320,
    "brief": 900,
}
MAX_REASKS = 2
# Inputs the user gave whose trimming they should hear about; library text is trimmed silently.
ANNOUNCED_TRIMS = frozenset({"jd", "answer"})
SERVICE_FAILURES_BEFORE_OFFLINE = 2
THANK_YOU_WORDS = (40, 170)
MAX_ITEM_WORDS = 60
MAX_QUESTIONS_PER_PANELIST = 4
MAX_QUESTION_WORDS = 45
MIN_IMPRESSION_WORDS = 12
MAX_IMPRESSION_WORDS = 90
_WORD = re.compile(r"[a-z']+")
_FIRST_PERSON = frozenset({"i", "i'm", "i've", "i'd", "my", "me"})
_ABOUT_CANDIDATE = frozenset(
    {"you", "your", "you're", "you'd", "you've", "candidate", "candidate's"}
)
# Schema words and markup a small model pastes into list items instead of writing them.
_JUNK = re.compile(r"[\[\]{}=<>#|]|\b(?:type|items|string|object|array|null|maxitems)\b", re.I)
# "S4 T3", "4/5": copied from the notes rather than written for a person.
_SCORE_CODE = re.compile(r"\b[STARL]\d\b|\b\d(?:\.\d)?/5\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_BRACKETED = re.compile(r"\[[^\]]*\]")
_QUOTED = re.compile(r"[\"“”]([^\"“”]{3,})[\"“”]")

SPEECH_FALLBACK: dict[SpeechKind, str] = {
    "introduce": "the persona's opening line used",
    "ask": "the question bank's wording used",
    "probe": "a follow-up from the question bank used",
}


@dataclass(frozen=True)
class CallRecord:
    """One coach step that reached the model: its tokens, time and whether its reply was used."""

    step: str
    usage: Usage
    seconds: float
    used: bool


def invented_numbers(text: str, *sources: str) -> list[str]:
    """Numbers in `text` (outside [placeholders]) that none of `sources` contains."""
    known = {n for source in sources for n in _NUMBER.findall(source)}
    return [n for n in _NUMBER.findall(_BRACKETED.sub(" ", text)) if n not in known]


def _words(text: str) -> int:
    return len(text.split())


class LLMCoach(Coach):
    """A coach whose panelists and judge are a language model, with the offline coach as net."""

    def __init__(
        self,
        library: PromptLibrary,
        client: LLMClient,
        *,
        provider: str = "openai",
        offline: OfflineCoach | None = None,
        seed: int = 0,
        temperature: float = 0.0,
    ) -> None:
        super().__init__(library)
        self.provider = provider
        self.client = client
        self.offline = offline or OfflineCoach(library)
        self.analyzer = self.offline.analyzer
        self.calibrator = Calibrator(library.rubric)
        # Fixed seed and temperature 0 by default: the same session sends the same requests.
        self.seed = seed
        self.temperature = temperature
        self.calls: list[CallRecord] = []
        self._repair = repair_prompt(library)
        self._service_failures = 0
        self._offline_since: str | None = None
        self._notices: set[str] = set()

    # -- run-wide state --

    @property
    def model_available(self) -> bool:
        """False once repeated server failures switched this run to the offline coach."""
        return self._offline_since is None

    @contextmanager
    def sampling(self, seed: int, temperature: float) -> Iterator[None]:
        """Within the block, calls use this seed and temperature (for repeated judging)."""
        saved = self.seed, self.temperature
        self.seed, self.temperature = seed, temperature
        try:
            yield
        finally:
            self.seed, self.temperature = saved

    def _note(self, text: str) -> None:
        self.notes.append(text)

    def _notice(self, text: str) -> None:
        """A trimming notice, recorded once per kind of trim."""
        key = text.split(" trimmed")[0].split(" left out")[0]
        if key not in self._notices:
            self._notices.add(key)
            self._note(text)

    def _service_failed(self, step: str, exc: ModelServiceError, fallback: str) -> None:
        self._service_failures += 1
        self._note(f"{step}: {exc}; {fallback}")
        if self._service_failures >= SERVICE_FAILURES_BEFORE_OFFLINE:
            self._offline_since = step
            self._note(
                f"the model server failed {self._service_failures} times in a row; the offline "
                "coach is used for the rest of this run"
            )

    @contextmanager
    def _metered(self, step: str) -> Iterator[list[bool]]:
        """Record the tokens and time of one step; the caller marks whether its reply was used."""
        first = len(self.client.usage.calls)
        started = time.perf_counter()
        used = [False]
        try:
            yield used
        finally:
            usage = Usage()
            for call in self.client.usage.calls[first:]:
                usage = usage.add(call.as_usage())
            self.usage = self.usage.add(usage)
            if usage.calls:
                self.calls.append(CallRecord(step, usage, time.perf_counter() - started, used[0]))

    def _fit(
        self,
        task_id: str,
        values: Mapping[str, str],
        trim: Mapping[str, Keep],
        max_tokens: int,
    ) -> list[ChatMessage]:
        """Render a task, trimming the named inputs (with a notice) to fit the model's window."""

        def render(current: dict[str, str]) -> list[ChatMessage]:
            return self.library.render(task_id, **current)

        fitted = self.client.budget.fit(render, values, trim, max_output_tokens=max_tokens)
        for notice in fitted.notices:
            if notice.split()[0] in ANNOUNCED_TRIMS:
                self._notice(f"{task_id}: {notice}")
        return fitted.messages

    # -- the two kinds of call --

    def _speech(
        self,
        kind: SpeechKind,
        panelist: Panelist,
        task_id: str,
        values: Mapping[str, str],
        trim: Mapping[str, Keep],
        fallback: Callable[[], str],
        bank_question: str | None = None,
    ) -> str:
        """A spoken line from the model, checked; the offline line when it is unusable."""
        if not self.model_available:
            return fallback()
        max_tokens = MAX_TOKENS[kind]
        with self._metered(kind) as used:
            try:
                messages = self._fit(task_id, values, trim, max_tokens)
                if self.on_speech_chunk is not None:
                    raw, cut_off = self._streamed(panelist, messages, max_tokens)
                else:
                    result = self.client.chat(
                        messages,
                        max_tokens=max_tokens,
                        temperature=self.temperature,
                        seed=self.seed,
                    )
                    raw, cut_off = result.text, result.finish_reason == "length"
            except EmptyReplyError:
                problem: str | None = "the reply was empty"
            except ContextWindowError as exc:
                self._note(f"{kind}: {exc}; {SPEECH_FALLBACK[kind]}")
                return fallback()
            except ModelServiceError as exc:
                self._withdraw(panelist)
                self._service_failed(kind, exc, SPEECH_FALLBACK[kind])
                return fallback()
            else:
                self._service_failures = 0
                line = clean_speech(raw, panelist.name)
                problem = speech_problem(
                    raw,
                    line,
                    kind,
                    cut_off=cut_off,
                    speaker=panelist.name,
                    bank_question=bank_question,
                )
                if problem is None:
                    used[0] = True
                    return line
        self._withdraw(panelist)
        self._note(f"{kind}: model reply unusable ({problem}); {SPEECH_FALLBACK[kind]}")
        return fallback()

    def _streamed(
        self, panelist: Panelist, messages: list[ChatMessage], max_tokens: int
    ) -> tuple[str, bool]:
        """Stream the reply to `on_speech_chunk`; returns the text and whether it was cut off."""
        show = self.on_speech_chunk
        parts: list[str] = []
        for chunk in self.client.stream(
            messages, max_tokens=max_tokens, temperature=self.temperature, seed=self.seed
        ):
            parts.append(chunk)
            if show is not None:
                show(panelist, "".join(parts))
        last = self.client.usage.calls[-1] if self.client.usage.calls else None
        cut_off = last is not None and last.completion_tokens >= max_tokens
        return "".join(parts), cut_off

    def _withdraw(self, panelist: Panelist) -> None:
        """Take back streamed words that will not be used."""
        if self.on_speech_chunk is not None:
            self.on_speech_chunk(panelist, "")

    def _structured(
        self,
        step: str,
        task_id: str,
        values: Mapping[str, str],
        trim: Mapping[str, Keep],
        output_type: type[T],
        fallback: str,
    ) -> T | None:
        """A validated reply, or None (with a note naming `fallback`) when there is none."""
        if not self.model_available:
            return None
        max_tokens = MAX_TOKENS[step]
        with self._metered(step) as used:
            try:
                messages = self._fit(
                    task_id, {**values, "schema": schema_text(output_type)}, trim, max_tokens
                )
                result = generate_structured(
                    self.client,
                    messages,
                    output_type,
                    repair=self._repair,
                    max_reasks=MAX_REASKS,
                    max_tokens=max_tokens,
                    temperature=self.temperature,
                    seed=self.seed,
                )
            except StructuredOutputError as exc:
                self._service_failures = 0
                replies = sum(
                    1 for a in exc.attempts if a.output or a.error == "the reply was empty"
                )
                attempts = "1 attempt" if replies == 1 else f"{replies} attempts"
                self._note(f"{step}: model output unusable after {attempts}; {fallback}")
                return None
            except ContextWindowError as exc:
                self._note(f"{step}: {exc}; {fallback}")
                return None
            except ModelServiceError as exc:
                self._service_failed(step, exc, fallback)
                return None
            self._service_failures = 0
            used[0] = True
            return result.value

    def _unusable(self, step: str, problem: str, fallback: str) -> None:
        """A reply that parsed but says something the coach cannot use."""
        if self.calls and self.calls[-1].step == step:
            last = self.calls[-1]
            self.calls[-1] = CallRecord(last.step, last.usage, last.seconds, used=False)
        self._note(f"{step}: model reply unusable ({problem}); {fallback}")

    # -- during the panel --

    def _persona_values(self, session: Session, panelist: Panelist) -> dict[str, str]:
        persona = self.library.persona(panelist.persona)
        return {
            "name": panelist.name,
            "title": panelist.title,
            "style": persona.style.strip(),
        }

    def introduce(self, session: Session, panelist: Panelist) -> str:
        """The panelist greets the candidate and says what they will ask about."""
        values = {
            **self._persona_values(session, panelist),
            "role": session.settings.role,
            "company": session.settings.company,
            "level": session.settings.level,
            "panel": panel_lines(session, panelist),
        }
        return self._speech(
            "introduce",
            panelist,
            "open-panel",
            values,
            {"panel": "head"},
            lambda: self.offline.introduce(session, panelist),
        )

    def ask(
        self, session: Session, panelist: Panelist, competency: Competency, question: Question
    ) -> str:
        """The bank's question in the panelist's own words, aware of the last few answers."""
        values = {
            **self._persona_values(session, panelist),
            "role": session.settings.role,
            "company": session.settings.company,
            "competency": competency.name,
            "question": question.text,
            "notes": recent_notes(self.library, session),
        }
        return self._speech(
            "ask",
            panelist,
            "ask",
            values,
            {"notes": "tail"},
            lambda: self.offline.ask(session, panelist, competency, question),
            bank_question=question.text,
        )

    def probe(
        self,
        session: Session,
        panelist: Panelist,
        turn: Turn,
        target: Component,
        question: Question | None,
    ) -> str:
        """One follow-up that draws out the missing or weak `target` part of the answer."""
        examples = question.probes.for_component(target) if question else []
        values = {
            **self._persona_values(session, panelist),
            "question": turn.question,
            "answer": remove_markers(turn.answer or ""),
            "target": target,
            "examples": "\n".join(examples) or NONE,
        }
        return self._speech(
            "probe",
            panelist,
            "probe",
            values,
            {"answer": "head", "examples": "head"},
            lambda: self.offline.probe(session, panelist, turn, target, question),
        )

    def prepare(self, answers: Sequence[tuple[str, str | None]]) -> None:
        """The analyzer's reading, which guards every judgement, is done for the batch at once."""
        self.offline.prepare(answers)

    def assess(self, question: str, answer: str, competency: str | None = None) -> StarAssessment:
        """The model's STAR judgement, calibrated by the analyzer, with the model's coaching."""
        analysis = self.analyzer.analyze(answer, question)
        if not self.model_available:
            return self._offline_assessment(analysis, competency, [])
        judged_text, manipulated = strip_grader_text(remove_markers(answer))
        if not judged_text.strip():
            note = "judge: nothing is left once text aimed at the grader is removed; "
            return self._offline_assessment(analysis, competency, [note + "analyzer used"])
        values = {
            "rubric": rubric_text(self.library.rubric),
            "competency": self._competency_name(competency),
            "question": question or NONE,
            "answer": judged_text,
        }
        fallback = "offline analyzer used"
        before = len(self.notes)
        reply = self._structured(
            "judge", "judge", values, {"rubric": "head", "answer": "head"}, JudgeReply, fallback
        )
        if reply is None:
            return self._offline_assessment(analysis, competency, self.notes[before:])
        verdict = self.calibrator.calibrate(reply, analysis, judged_text, manipulated)
        if verdict.unbacked:
            self._unusable("judge", "no quote from the answer backs its scores", fallback)
            return self._offline_assessment(analysis, competency, self.notes[before:])
        judged = StarAnalysis(
            overall=verdict.overall,
            components=verdict.components,
            flags=verdict.flags,
            signals=analysis.signals,
        )
        feedback, feedback_notes = self.write_feedback(question, judged_text, competency, judged)
        for note in verdict.notes:
            self._note(note)
        return StarAssessment(
            overall=verdict.overall,
            components=verdict.components,
            flags=verdict.flags,
            feedback=feedback,
            provider=self.provider,
            signals=analysis.signals,
            notes=verdict.notes + feedback_notes,
            analyzer_overall=analysis.overall,
        )

    def _offline_assessment(
        self, analysis: StarAnalysis, competency: str | None, notes: list[str]
    ) -> StarAssessment:
        assessment = StarAssessment.from_analysis(
            analysis, self.offline.feedback.write(analysis, competency), provider="offline"
        )
        assessment.notes = list(notes)
        return assessment

    def _competency_name(self, competency: str | None) -> str:
        return competency_label(self.library, competency) if competency else NONE

    def write_feedback(
        self, question: str, answer: str, competency: str | None, judged: StarAnalysis
    ) -> tuple[Feedback, list[str]]:
        """The model's coaching on a judged answer, offline phrases for unusable parts, notes."""
        offline = self.offline.feedback.write(judged, competency)
        known = {c.id: c for c in self.library.competencies}
        looks_for = (
            "\n".join(known[competency].looks_for)
            if competency in known
            else self.library.phrase("phrases.generic.looks_for")
        )
        flags = ", ".join(judged.flags) or NONE
        values = {
            "competency": self._competency_name(competency),
            "looks_for": looks_for,
            "question": question or NONE,
            "answer": answer,
            "assessment": f"{scores_line(StarAssessment.from_analysis(judged, offline))}; "
            f"flags: {flags}",
        }
        fallback = "offline feedback used"
        before = len(self.notes)
        reply = self._structured(
            "feedback",
            "feedback",
            values,
            {"answer": "head", "looks_for": "head"},
            FeedbackReply,
            fallback,
        )
        if reply is None:
            return offline, self.notes[before:]
        finder = QuoteFinder(answer)
        landed = [item.strip() for item in reply.landed if _quotes_check_out(item, finder)]
        sharpen = _short_items(reply.sharpen)
        stronger = reply.stronger_version.strip()
        lowered = stronger.lower()
        outline_ok = "situation:" in lowered and "result:" in lowered
        if not (landed or sharpen or outline_ok):
            self._unusable("feedback", "nothing in it could be used", fallback)
            return offline, self.notes[before:]
        problems: list[str] = []
        if len(landed) < len(reply.landed):
            problems.append("praise that did not quote the answer was dropped")
        if not sharpen:
            sharpen = offline.sharpen
            problems.append("no usable fix; offline fixes used")
        if not outline_ok:
            stronger = offline.stronger_version
            problems.append("no STAR outline; offline outline used")
        elif invented := invented_numbers(stronger, answer):
            stronger = offline.stronger_version
            problems.append(f"outline invented figures ({', '.join(invented[:3])}); offline used")
        for problem in problems:
            self._note(f"feedback: {problem}")
        return (
            Feedback(landed=landed, sharpen=sharpen, stronger_version=stronger),
            self.notes[before:],
        )

    # -- after the panel --

    def debrief(self, session: Session, panelist: Panelist) -> PanelistDebrief:
        """The panelist's 'will you thrive here?' view in their own words, scored near the facts."""
        offline = self.offline.debrief(session, panelist)
        if offline.score is None:
            return offline
        persona = self.library.persona(panelist.persona)
        values = {
            "name": panelist.name,
            "title": panelist.title,
            "lens": persona.thrive_lens.strip(),
            "focus": ", ".join(competency_label(self.library, c).lower() for c in persona.focus),
            "notes": panelist_notes(self.library, session, panelist),
        }
        fallback = "the offline debrief used"
        reply = self._structured(
            "debrief", "debrief", values, {"notes": "tail"}, DebriefReply, fallback
        )
        if reply is None:
            return offline
        impression = " ".join(reply.impression.split())
        problem = _impression_problem(impression)
        if problem is not None:
            self._unusable("debrief", problem, fallback)
            return offline
        # The score stays within a point of what the answers earned: the model only words it.
        score = min(max(reply.score, offline.score - 1.0), offline.score + 1.0)
        return PanelistDebrief(
            panelist=panelist.name,
            title=panelist.title,
            persona=persona.id,
            score=round(min(max(score, 1.0), 5.0), 1),
            impression=impression,
            strengths=_short_items(reply.strengths),
            concerns=_short_items(reply.concerns),
        )

    def questions_to_ask(self, request: AskRequest) -> list[CandidateQuestion]:
        """The model's questions per panelist; library questions for anyone it left without."""
        offline = self.offline.questions_to_ask(request)
        audiences = request.panelists or [
            Panelist(name=p.title, title=p.title, persona=p.id)
            for p in self.library.personas
            if request.level in p.levels
        ]
        values = {
            "role": request.role,
            "company": request.company,
            "level": request.level,
            "jd": request.jd.strip() or NONE,
            "panel": "\n".join(
                f"{p.name} | {p.title} | {p.persona} | {p.notes or NONE}" for p in audiences
            ),
            "examples": "\n".join(f"{q.theme}: {q.question}" for q in offline[:12]) or NONE,
        }
        fallback = "library questions used"
        reply = self._structured(
            "questions-to-ask",
            "questions-to-ask",
            values,
            {"jd": "head", "examples": "head"},
            questions_reply_for(list(dict.fromkeys(p.name for p in audiences))),
            fallback,
        )
        if reply is None:
            return offline
        chosen: dict[str, list[CandidateQuestion]] = {_label(p): [] for p in audiences}
        labels = {p.name: _label(p) for p in audiences}
        seen: set[str] = set()
        for item in reply.questions:
            label = labels.get(item.audience)
            text = " ".join(item.question.split())
            if label is None or not text.endswith("?") or _words(text) > MAX_QUESTION_WORDS:
                continue
            if text.lower() in seen or len(chosen[label]) >= MAX_QUESTIONS_PER_PANELIST:
                continue
            seen.add(text.lower())
            chosen[label].append(
                CandidateQuestion(
                    audience=label,
                    theme=" ".join(item.theme.split()) or "general",
                    question=text,
                    why=" ".join(item.why.split()),
                )
            )
        if not any(chosen.values()):
            self._unusable("questions-to-ask", "no question of sensible length", fallback)
            return offline
        out: list[CandidateQuestion] = []
        for label, questions in chosen.items():
            if not questions:
                self._note(f"questions-to-ask: none for {label}; {fallback}")
                questions = [q for q in offline if q.audience == label]
            out += questions
        return out

    def thank_you(self, session: Session, panelist: Panelist) -> ThankYouNote:
        """A short note naming this panelist's topic and a detail the candidate gave them."""
        offline = self.offline.thank_you(session, panelist)
        answered = [
            t for t in session.turns if t.panelist == panelist.name and t.answer and t.assessment
        ]
        if not answered:
            return offline
        best = max(answered, key=lambda t: t.assessment.overall if t.assessment else 0.0)
        candidate = self.library.phrase("phrases.generic.candidate")
        values = {
            "name": panelist.name,
            "title": panelist.title,
            "role": session.settings.role,
            "company": session.settings.company,
            "candidate": candidate,
            "topic": competency_label(self.library, answered[0].competency).lower(),
            "detail": gist(best),
        }
        fallback = "the template note used"
        reply = self._structured("thank-you", "thank-you", values, {}, ThankYouReply, fallback)
        if reply is None:
            return offline
        note = reply.note.strip()
        low, high = THANK_YOU_WORDS
        greeting = note.splitlines()[0].lower() if note else ""
        first_name = panelist.name.split()[0].lower() if panelist.name.split() else ""
        if not low <= _words(note) <= high or not greeting.startswith("dear"):
            self._unusable("thank-you", f"not a note of {low} to {high} words", fallback)
            return offline
        if first_name not in greeting:
            self._unusable("thank-you", "it does not greet the panelist by name", fallback)
            return offline
        if "{" in note or invented_numbers(note, *values.values()):
            self._unusable("thank-you", "it added facts the session does not hold", fallback)
            return offline
        return ThankYouNote(panelist=panelist.name, title=panelist.title, note=note)

    def brief(self, role: str, level: Level, company: str = DEFAULT_COMPANY) -> Brief:
        """The library's facts about the second round, tailored by the model to role and level."""
        offline = self.offline.brief(role, level, company)
        facts = "\n".join(
            [f"{s.title}:\n" + "\n".join(f"- {p}" for p in s.points) for s in offline.sections]
            + ["Preparation:\n" + "\n".join(f"- {item}" for item in offline.checklist)]
        )
        values = {"role": role, "company": company, "level": level, "stage": facts}
        fallback = "the library brief used"
        reply = self._structured("brief", "brief", values, {"stage": "head"}, BriefReply, fallback)
        if reply is None:
            return offline
        sections = [
            BriefSection(title=" ".join(s.title.split()), points=_short_items(s.points, 6))
            for s in reply.sections
            if s.title.strip()
        ]
        checklist = _short_items(reply.checklist, 12)
        sections = [s for s in sections if s.points]
        everything = " ".join([*(p for s in sections for p in s.points), *checklist])
        if len(sections) < 3 or len(checklist) < 3:
            self._unusable("brief", "too few sections or checklist items", fallback)
            return offline
        if invented := invented_numbers(everything, facts, role, company):
            self._unusable(
                "brief", f"figures not in the facts ({', '.join(invented[:3])})", fallback
            )
            return offline
        return Brief(
            role=role, level=level, company=company, sections=sections, checklist=checklist
        )


def _label(panelist: Panelist) -> str:
    """How the offline coach names an audience: `Name (Title)`, or the title alone."""
    if panelist.name and panelist.name != panelist.title:
        return f"{panelist.name} ({panelist.title})"
    return panelist.title


def _short_items(items: list[str], limit: int = 3) -> list[str]:
    """Items of sensible length that read as words (not score codes), at most `limit`."""
    tidy = [" ".join(item.split()) for item in items]
    return [
        item
        for item in tidy
        if 2 <= _words(item) <= MAX_ITEM_WORDS
        and not _SCORE_CODE.search(item)
        and not _JUNK.search(item)
    ][:limit]


def _impression_problem(text: str) -> str | None:
    """Why a debrief impression is unusable: it must be the panelist's view of the candidate."""
    words = set(_WORD.findall(text.lower()))
    if not MIN_IMPRESSION_WORDS <= _words(text) <= MAX_IMPRESSION_WORDS:
        return f"an impression of {_words(text)} words"
    if not words & _FIRST_PERSON or not words & _ABOUT_CANDIDATE:
        return "not the panelist's own view of the candidate"
    if _SCORE_CODE.search(text):
        return "it repeats score codes"
    return None


def _quotes_check_out(item: str, finder: QuoteFinder) -> bool:
    """Whether `item` quotes the answer and every quote in it is the answer's own words."""
    quotes = _QUOTED.findall(item)
    return bool(quotes) and all(finder.find(q) is not None for q in quotes)
