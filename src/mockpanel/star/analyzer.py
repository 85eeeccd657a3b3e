"""The `StarAnalyzer` facade: one answer in, a `StarAnalysis` with evidence out."""

from __future__ import annotations

import re

from mockpanel.library import RubricData, load_library
from mockpanel.models import (
    COMPONENTS,
    FLAG_GRADER_MANIPULATION,
    FLAG_HYPOTHETICAL,
    FLAG_NO_RESULT,
    FLAG_OFF_TOPIC,
    FLAG_TOO_LONG,
    FLAG_TOO_SHORT,
    FLAG_UNQUANTIFIED_RESULT,
    FLAG_WE_HEAVY,
    FLAGS,
    STAR_CORE,
    AnswerSignals,
    Component,
    ComponentAssessment,
    StarAnalysis,
)
from mockpanel.star.components import read_story
from mockpanel.star.manipulation import grader_text_start, manipulative_spans, recites_star_parts
from mockpanel.star.relevance import relevance
from mockpanel.star.scoring import ScoringPolicy, component_scores, conditions, overall_score
from mockpanel.star.segment import analysis_text, blank_fillers, clip, segment
from mockpanel.star.signals import SentenceFeatures, sentence_features

_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_POLICIES: dict[int, tuple[RubricData, ScoringPolicy]] = {}


def _policy(rubric: RubricData) -> ScoringPolicy:
    """The scoring policy of `rubric`, built once per rubric object."""
    cached = _POLICIES.get(id(rubric))
    if cached is None or cached[0] is not rubric:
        cached = (rubric, ScoringPolicy.from_rubric(rubric))
        _POLICIES[id(rubric)] = cached
    return cached[1]


class StarAnalyzer:
    """Deterministic STAR scoring: the same answer always gets the same analysis."""

    def __init__(self, rubric: RubricData | None = None) -> None:
        self.policy = _policy(rubric if rubric is not None else load_library().rubric)

    def analyze(self, answer: str, question: str | None = None) -> StarAnalysis:
        """Score `answer` (to `question`, when known) against STAR with verbatim evidence."""
        norm, fillers = blank_fillers(analysis_text(answer))
        stripped = manipulative_spans(norm)
        sentences = segment(answer, norm, stripped)
        features, removed = _without_grader_text([sentence_features(s) for s in sentences])
        manipulated = bool(stripped) or removed or recites_star_parts(norm)
        kept = [f.sentence for f in features]
        reading = read_story(features)
        related = relevance(
            question,
            " ".join(s.norm for s in kept),
            " ".join(f.sentence.norm for f in features if not f.reflection),
            set().union(*(f.vocab for f in features)),
        )

        lengths = self.policy.lengths
        word_count = len(_WORD.findall(answer))
        result = reading.findings["result"]
        unquantified = result.present and not reading.result_metrics
        off_topic = related.off_topic and reading.real_example
        doubtful = off_topic and related.doubtful
        substantial = not manipulated or (
            sum(len(_WORD.findall(s.norm)) for s in kept) >= lengths.too_short_words
        )
        holding = conditions(
            reading,
            off_topic=off_topic and not doubtful,
            doubtful_topic=doubtful,
            manipulated=manipulated,
            unquantified=unquantified,
            substantial=substantial,
        )
        scores = component_scores(reading, self.policy, holding)
        overall = overall_score(
            scores,
            self.policy,
            holding,
            manipulated=manipulated,
            rambling=word_count > lengths.too_long_words,
            brief=word_count < lengths.too_short_words,
            runaway=word_count > lengths.runaway_words,
        )

        raised = {
            FLAG_WE_HEAVY: reading.we_heavy,
            FLAG_NO_RESULT: not result.present,
            FLAG_UNQUANTIFIED_RESULT: unquantified,
            FLAG_HYPOTHETICAL: reading.hypothetical,
            FLAG_TOO_SHORT: word_count < lengths.too_short_words,
            FLAG_TOO_LONG: word_count > lengths.too_long_words,
            FLAG_OFF_TOPIC: off_topic,
            FLAG_GRADER_MANIPULATION: manipulated,
        }
        components = {
            name: ComponentAssessment(
                present=reading.findings[name].present,
                score=scores[name],
                evidence=[s.text for s in reading.findings[name].evidence]
                if reading.findings[name].present
                else [],
            )
            for name in COMPONENTS
        }
        signals = AnswerSignals(
            word_count=word_count,
            sentence_count=len(kept),
            speaking_seconds=round(word_count * 60 / lengths.words_per_minute, 1),
            first_person_singular=sum(f.singular for f in features),
            first_person_plural=sum(f.plural for f in features),
            metrics=_unique(reading.result_metrics),
            hedges=sum(f.hedges for f in features),
            fillers=fillers,
            hypothetical=reading.hypothetical,
            generic=reading.generic,
            relevance=related.score,
        )
        return StarAnalysis(
            overall=overall,
            components=components,
            flags=[flag for flag in FLAGS if raised[flag]],
            signals=signals,
        )


def _without_grader_text(
    features: list[SentenceFeatures],
) -> tuple[list[SentenceFeatures], bool]:
    """Drop grader-directed text, keeping any genuine words a sentence holds before it; say
    whether any was dropped."""
    kept: list[SentenceFeatures] = []
    removed = False
    for feature in features:
        sentence = feature.sentence
        start = grader_text_start(sentence.norm, feature.vocab)
        if start is None:
            kept.append(feature)
            continue
        removed = True
        # Keep what precedes the grader text only when it ends a clause of its own.
        boundary = sentence.norm[:start].rstrip()[-1:] in (".", "!", "?", ";", ",", "-", ")")
        before = clip(sentence, start) if start and boundary else None
        if before is not None:
            kept.append(sentence_features(before))
    return kept, removed


def weakest_component(analysis: StarAnalysis) -> Component | None:
    """The core STAR part most worth probing, or None when all four are present and scored >= 4."""
    core = [(name, analysis.components[name]) for name in STAR_CORE]
    if all(part.present and part.score >= 4 for _, part in core):
        return None
    # Missing parts first, then the lowest score; ties go to the part that matters most.
    priority: dict[Component, int] = {"action": 0, "result": 1, "task": 2, "situation": 3}
    name, _ = min(core, key=lambda item: (item[1].present, item[1].score, priority[item[0]]))
    return name


def _unique(items: list[str]) -> list[str]:
    """Items in first-seen order without repeats."""
    return list(dict.fromkeys(items))
