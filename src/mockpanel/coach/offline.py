"""The embedded offline coach: prompt library + STAR analyzer. Deterministic and instant."""

from __future__ import annotations

import os
import random
from collections.abc import Iterable, Sequence
from functools import cached_property
from statistics import fmean

from mockpanel.coach.base import Coach
from mockpanel.coach.feedback import FeedbackWriter, sharpen_keys
from mockpanel.coach.text import as_clause, work_phrase
from mockpanel.library import Competency, Persona, PromptLibrary, Question
from mockpanel.models import (
    DEFAULT_COMPANY,
    AskRequest,
    Brief,
    BriefSection,
    CandidateQuestion,
    Component,
    Level,
    Panelist,
    PanelistDebrief,
    Session,
    StarAssessment,
    ThankYouNote,
    Turn,
)
from mockpanel.star import StarAnalyzer
from mockpanel.star.topic import question_competency
from mockpanel.star.vocabulary import vocabulary_for
from mockpanel.summary import question_results

STRONG_BAND = 4.0
MIXED_BAND = 2.75
SENIOR_LEVELS: tuple[Level, ...] = ("senior", "executive")


class _Blank(dict[str, str]):
    """`str.format_map` values where a missing field stays as its own `{name}`."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, **values: str) -> str:
    """Fill a library template, leaving unknown fields visible rather than failing."""
    return template.format_map(_Blank(values))


class OfflineCoach(Coach):
    """Speaks with the library's words and scores with the STAR analyzer."""

    provider = "offline"

    def __init__(self, library: PromptLibrary, analyzer: StarAnalyzer | None = None) -> None:
        super().__init__(library)
        self.analyzer = analyzer or StarAnalyzer(library)
        self.feedback = FeedbackWriter(library)

    # -- during the panel --

    def introduce(self, session: Session, panelist: Panelist) -> str:
        """The persona's opening line, in this panelist's name."""
        persona = self.library.persona(panelist.persona)
        return fill(
            persona.opening_line,
            name=panelist.name,
            title=panelist.title,
            role=session.settings.role,
            company=session.settings.company,
        )

    def ask(
        self, session: Session, panelist: Panelist, competency: Competency, question: Question
    ) -> str:
        """The bank's question, as written."""
        return question.text

    def probe(
        self,
        session: Session,
        panelist: Panelist,
        turn: Turn,
        target: Component,
        question: Question | None,
    ) -> str:
        """A follow-up for `target` the candidate has not been asked yet in this session."""
        candidates = list(question.probes.for_component(target)) if question else []
        if not candidates:
            candidates = [
                probe
                for competency in self.library.competencies
                if competency.culture
                for item in competency.questions
                for probe in item.probes.for_component(target)
            ]
        asked = {t.question for t in session.turns}
        fresh = [probe for probe in candidates if probe not in asked] or candidates
        rng = random.Random(f"{session.settings.seed}:{turn.index}:{target}")
        return rng.choice(fresh)

    def prepare(self, answers: Sequence[tuple[str, str | None]]) -> None:
        """Parse a batch of answers together, in a second process where the machine has one."""
        self.analyzer.prime(answers, workers=min(2, os.cpu_count() or 1))

    def assess(self, question: str, answer: str, competency: str | None = None) -> StarAssessment:
        """Analyzer scores plus phrase-book feedback."""
        analysis = self.analyzer.analyze(answer, question)
        if competency is None and question:
            competency = question_competency(question, vocabulary_for(self.library.reading))
        return StarAssessment.from_analysis(
            analysis, self.feedback.write(analysis, competency), provider=self.provider
        )

    # -- after the panel --

    def debrief(self, session: Session, panelist: Panelist) -> PanelistDebrief:
        """A 'will you thrive here?' impression from this panelist's questions and their answers."""
        persona = self.library.persona(panelist.persona)
        results = [
            r for r in question_results(session.turns) if r.panelist == panelist.name and r.answered
        ]
        base = {"panelist": panelist.name, "title": panelist.title, "persona": persona.id}
        values = {"name": panelist.name, "lens": persona.thrive_lens}
        if not results:
            text = self.library.phrase(
                "phrases.debrief.no_answers", strengths="", concerns="", competency="", **values
            )
            return PanelistDebrief(**base, impression=text)
        mean = fmean(r.overall for r in results if r.overall is not None)
        strengths = [
            self._competency_name(r.competency)
            for r in results
            if r.overall is not None and r.overall >= STRONG_BAND
        ]
        weak = [r.index for r in results if r.overall is not None and r.overall < STRONG_BAND]
        concerns = self._concerns(_latest_assessments(session, weak))
        first = self._competency_name(results[0].competency)
        band = "strong" if mean >= STRONG_BAND else "mixed" if mean >= MIXED_BAND else "weak"
        text = self.library.phrase(
            f"phrases.debrief.{band}",
            strengths=_join(strengths) or first,
            concerns=_join(concerns[:2]),
            competency=first,
            **values,
        )
        return PanelistDebrief(
            **base,
            score=round(mean, 1),
            impression=text,
            strengths=strengths,
            concerns=concerns,
        )

    def questions_to_ask(self, request: AskRequest) -> list[CandidateQuestion]:
        """Library questions suited to each panelist, minus those the job description answers."""
        jd = request.jd.lower()
        audiences = request.panelists or [
            Panelist(name=p.title, title=p.title, persona=p.id)
            for p in self.library.personas
            if request.level in p.levels
        ]
        templates = [
            t
            for t in self.library.candidate_questions()
            if not any(phrase.lower() in jd for phrase in t.skip_if_jd_mentions)
        ]
        values = {"role": request.role, "company": request.company, "team": "the team"}
        out: list[CandidateQuestion] = []
        used: set[str] = set()
        for panelist in audiences:
            persona = self.library.persona(panelist.persona)
            suited = [t for t in templates if persona.id in t.audiences and t.template not in used]
            # Themes this persona cares about come first, in the persona's own order.
            suited.sort(key=lambda t: _theme_rank(persona, t.theme))
            for template in suited[:3]:
                used.add(template.template)
                out.append(
                    CandidateQuestion(
                        audience=_audience_label(panelist),
                        theme=template.theme,
                        question=fill(template.template, **values),
                        why=template.why,
                    )
                )
            if panelist.notes.strip() and self.library.has_phrase("phrases.ask.from_notes"):
                out.append(
                    CandidateQuestion(
                        audience=_audience_label(panelist),
                        theme="their work",
                        question=self.library.phrase(
                            "phrases.ask.from_notes",
                            notes=work_phrase(panelist.notes),
                            role=request.role,
                            company=request.company,
                        ),
                        why=self.library.phrase("phrases.ask.from_notes_why"),
                    )
                )
        return out

    def thank_you(self, session: Session, panelist: Panelist) -> ThankYouNote:
        """A note naming this panelist's question topic and a concrete detail from the answer."""
        threads: dict[int, list[Turn]] = {}
        for turn in session.turns:
            if turn.panelist == panelist.name:
                root = turn.probe_of if turn.probe_of is not None else turn.index
                threads.setdefault(root, []).append(turn)
        # Topic and detail come from the same question: the one with the most concrete answer.
        best_root, (detail, _) = max(
            ((root, _best_detail(thread)) for root, thread in threads.items()),
            key=lambda item: item[1][1],
            default=(None, ("", 0.0)),
        )
        topic = (
            self._competency_name(threads[best_root][0].competency) if best_root is not None else ""
        )
        values = {
            "name": panelist.name.split()[0] if panelist.name else panelist.title,
            "title": panelist.title,
            "role": session.settings.role,
            "company": session.settings.company,
            "topic": topic,
            "detail": detail,
            "candidate": self.library.phrase("phrases.generic.candidate"),
        }
        parts = [self.library.phrase(f"phrases.thank_you.{key}", **values) for key in _NOTE_PARTS]
        return ThankYouNote(
            panelist=panelist.name, title=panelist.title, note="\n\n".join(p for p in parts if p)
        )

    def brief(self, role: str, level: Level, company: str = DEFAULT_COMPANY) -> Brief:
        """What this second round looks like for the role and level, and a preparation checklist."""
        stage = self.library.stage
        senior = level in SENIOR_LEVELS
        low, high = (
            (stage.competition.senior_min, stage.competition.senior_max)
            if senior
            else (stage.competition.typical_min, stage.competition.typical_max)
        )
        panel = [p for p in self.library.personas if level in p.levels]
        competencies = [c for c in self.library.competencies if not c.culture]
        values = {"role": role, "company": company, "level": level, "low": str(low)}
        values["high"] = str(high)
        sections = [
            BriefSection(
                title=self.library.phrase("phrases.brief.purpose_title", **values),
                points=[
                    stage.purpose,
                    self.library.phrase(f"phrases.brief.level_{level}", **values),
                    stage.round_one_focus,
                    stage.round_two_focus,
                    *stage.differences,
                ],
            ),
            BriefSection(
                title=self.library.phrase("phrases.brief.formats_title", **values),
                points=[f"{f.name}: {f.description}" for f in stage.formats],
            ),
            BriefSection(
                title=self.library.phrase("phrases.brief.panel_title", **values),
                points=[f"{p.title}: {p.summary}" for p in panel] + stage.panel,
            ),
            BriefSection(
                title=self.library.phrase("phrases.brief.competition_title", **values),
                points=[
                    self.library.phrase("phrases.brief.competition", **values),
                    stage.competition.note,
                ],
            ),
            BriefSection(
                title=self.library.phrase("phrases.brief.next_title", **values),
                points=stage.next_steps + [stage.timeline] + stage.follow_up,
            ),
        ]
        checklist = [fill(item, **values) for item in stage.checklist]
        checklist += [
            self.library.phrase("phrases.brief.research_panelist", title=p.title, **values)
            for p in panel
        ]
        checklist += [
            self.library.phrase(
                "phrases.brief.star_story", competency=c.name.lower(), looks_for=c.looks_for[0]
            )
            for c in competencies
        ]
        return Brief(
            role=role, level=level, company=company, sections=sections, checklist=checklist
        )

    # -- helpers --

    @cached_property
    def _competency_names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.library.competencies}

    def _competency_name(self, competency_id: str) -> str:
        return self._competency_names.get(competency_id, competency_id).lower()

    def _concerns(self, assessments: Iterable[StarAssessment]) -> list[str]:
        concerns: list[str] = []
        for assessment in assessments:
            for key in sharpen_keys(assessment)[:1]:
                label = self.library.phrase(f"phrases.concern.{key}")
                if label not in concerns:
                    concerns.append(label)
        return concerns


_NOTE_PARTS = ("greeting", "body", "close", "signoff")


def _latest_assessments(session: Session, questions: list[int]) -> list[StarAssessment]:
    """For each main question index, the assessment of its story as it finally stood."""
    latest: dict[int, StarAssessment] = {}
    for turn in session.turns:
        root = turn.probe_of if turn.probe_of is not None else turn.index
        if root in questions and turn.assessment is not None:
            latest[root] = turn.assessment
    return [latest[index] for index in questions if index in latest]


_DETAIL_WEIGHTS: tuple[tuple[Component, float], ...] = (
    ("result", 3.0),
    ("action", 2.0),
    ("situation", 1.0),
)


def _best_detail(turns: list[Turn]) -> tuple[str, float]:
    """The most concrete thing the candidate said in these turns, as a clause, with its rank."""
    best, best_rank = "", 0.0
    for turn in turns:
        if turn.assessment is None:
            continue
        for name, weight in _DETAIL_WEIGHTS:
            # Evidence comes in the answer's order, so every quote gets its chance.
            for sentence in turn.assessment.components[name].evidence:
                concrete = 1.0 if any(c.isdigit() for c in sentence) else 0.0
                rank = weight + turn.assessment.overall + concrete
                if rank > best_rank:
                    best, best_rank = sentence, rank
    if not best:
        answered = [t.answer for t in turns if t.answer]
        best = answered[0].split(". ")[0] if answered else ""
    return (as_clause(best) if best else ""), best_rank


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _theme_rank(persona: Persona, theme: str) -> int:
    themes = persona.candidate_question_themes
    return themes.index(theme) if theme in themes else len(themes)


def _audience_label(panelist: Panelist) -> str:
    if panelist.name and panelist.name != panelist.title:
        return f"{panelist.name} ({panelist.title})"
    return panelist.title
