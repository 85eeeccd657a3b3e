"""The LLM judge's inputs and its calibration against the deterministic analyzer.

Before judging, text the analyzer reads as aimed at the scorer is blanked out and copies of the
answer delimiters are removed, so the model only ever sees the candidate's story.
After judging, evidence quotes are checked against the answer (unverifiable ones are dropped),
the rubric's caps are applied using the analyzer's facts (no personal action, no outcome,
hypothetical, grader-directed text), and a large disagreement with the analyzer is reported.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache

from mockpanel.coach.llm_schemas import JudgedPart, JudgeReply
from mockpanel.library import CapCondition, RubricData
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
    Component,
    ComponentAssessment,
    StarAnalysis,
)
from mockpanel.star.analyzer import StarAnalyzer

# The judge and analyzer views are both reported when they differ by this much.
DISAGREEMENT = 2.0
# The judge's overall may differ from what its own part scores add up to by at most this much.
OVERALL_SLACK = 1.0
# Quotes shorter than this say nothing checkable ("I", "the team").
MIN_QUOTE_CHARS = 8
MAX_EVIDENCE = 3

_MARKER = re.compile(r"<{0,3}\s*ANSWER\s+(?:START|END)\s*>{0,3}", re.IGNORECASE)
# Same-length unification so quote offsets map back onto the answer.
_QUOTE_CHARS = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
# Word counts decide these flags; the judge's opinion on them is not needed.
_MEASURED_FLAGS = frozenset({FLAG_TOO_SHORT, FLAG_TOO_LONG})


def remove_markers(answer: str) -> str:
    """The answer without copies of the delimiters that enclose it in a prompt."""
    return _MARKER.sub(" ", answer)


@cache
def _analyzer() -> StarAnalyzer:
    """One analyzer per process: building its word lists and loading the pipeline cost time."""
    return StarAnalyzer()


def strip_grader_text(answer: str) -> tuple[str, bool]:
    """The answer without text aimed at the grader, and whether any was found."""
    reading = _analyzer().read(answer)
    if not reading.manipulated:
        return answer, False
    return reading.genuine_text(), True


def rubric_text(rubric: RubricData) -> str:
    """The rubric as plain lines, most important first (a budget trims from the end)."""
    lines = ["Overall score:"]
    lines += [f"{level}: {text.strip()}" for level, text in sorted(rubric.overall.items())]
    lines.append("Caps:")
    lines += [
        f"- {cap.condition}: {cap.target} at most {cap.max_score}. {cap.reason.strip()}"
        for cap in rubric.caps
    ]
    for part in rubric.components.values():
        lines.append(f"{part.name} (weight {part.weight:g}): {part.description.strip()}")
        lines += [f"  {level}: {text.strip()}" for level, text in sorted(part.levels.items())]
    return "\n".join(lines)


class QuoteFinder:
    """Finds a model's quote in the answer, forgiving case, spacing and curly quotes."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        chars: list[str] = []
        origin: list[int] = []
        unified = answer.translate(_QUOTE_CHARS)
        for index, char in enumerate(unified):
            if char.isspace():
                if chars and chars[-1] == " ":
                    continue
                char = " "
            chars.append(char.lower())
            origin.append(index)
        self._text = "".join(chars)
        self._origin = origin

    def find(self, quote: str) -> str | None:
        """The answer's own words for `quote`, or None when the answer does not contain it."""
        exact = " ".join(quote.translate(_QUOTE_CHARS).lower().split())
        # Models wrap quotes in quote marks and end them with a stop or an ellipsis.
        bare = exact.rstrip(".,;:!?…").removesuffix("...").strip()
        if len(bare) >= 2 and bare[0] == bare[-1] and bare[0] in "\"'`":
            bare = bare[1:-1].strip().rstrip(".,;:!?…").strip()
        for wanted in (exact, bare):
            at = self._text.find(wanted) if len(wanted) >= MIN_QUOTE_CHARS else -1
            if at >= 0:
                start, end = self._origin[at], self._origin[at + len(wanted) - 1] + 1
                return self.answer[start:end]
        return None


@dataclass
class Verdict:
    """The calibrated judgement of one answer."""

    overall: float
    components: dict[Component, ComponentAssessment]
    flags: list[str]
    notes: list[str] = field(default_factory=list)
    disagrees: bool = False
    # Parts the judge called present, and how many of those it backed with a verified quote.
    claimed: int = 0
    quoted: int = 0

    @property
    def unbacked(self) -> bool:
        """The judge credited parts but quoted none of them: its scores cannot be trusted."""
        return self.claimed > 0 and self.quoted == 0


def _weighted(scores: dict[Component, int], rubric: RubricData) -> float:
    """Core parts weighted by the rubric, plus the reflection's lift (as the analyzer combines)."""
    weights = {name: part.weight for name, part in rubric.components.items()}
    core = sum(weights[c] * scores[c] for c in STAR_CORE) / sum(weights[c] for c in STAR_CORE)
    return core + weights["reflection"] * (scores["reflection"] - 1) / 4


def _cap(rubric: RubricData, target: str, holding: set[CapCondition]) -> int:
    limits = [c.max_score for c in rubric.caps if c.target == target and c.condition in holding]
    return min(limits, default=5)


class Calibrator:
    """Turns a `JudgeReply` into a `Verdict` that respects the rubric and the analyzer's facts."""

    def __init__(self, rubric: RubricData) -> None:
        self.rubric = rubric

    def calibrate(
        self, reply: JudgeReply, analysis: StarAnalysis, judged_text: str, manipulated: bool
    ) -> Verdict:
        """Verify evidence in `judged_text`, apply caps, compare with `analysis`."""
        finder = QuoteFinder(judged_text)
        notes: list[str] = []
        parts: dict[Component, ComponentAssessment] = {}
        claimed = quoted = 0
        for name in COMPONENTS:
            judged: JudgedPart = getattr(reply, name)
            parts[name] = self._verified(name, judged, analysis, finder, notes)
            claimed += judged.present
            quoted += judged.present and any(finder.find(q) for q in judged.evidence)

        judge_flags = {str(flag) for flag in reply.flags} - _MEASURED_FLAGS
        manipulated = manipulated or FLAG_GRADER_MANIPULATION in judge_flags
        facts = self._facts(analysis, parts, judge_flags)
        for name in COMPONENTS:
            limit = _cap(self.rubric, name, facts)
            if parts[name].score > limit:
                parts[name] = parts[name].model_copy(update={"score": limit})

        scores = {name: part.score if part.present else 1 for name, part in parts.items()}
        derived = _weighted(scores, self.rubric)
        overall = min(max(reply.overall, derived - OVERALL_SLACK), derived + OVERALL_SLACK)
        overall = min(overall, float(_cap(self.rubric, "overall", facts)))
        if manipulated:
            # Text aimed at the grader never raises a score above what the story alone earns.
            overall = math.floor(min(overall, analysis.overall))
        overall = round(max(1.0, min(5.0, overall)), 1)

        flags = set(analysis.flags) | judge_flags
        if manipulated:
            flags.add(FLAG_GRADER_MANIPULATION)
        if parts["result"].present:
            flags.discard(FLAG_NO_RESULT)
        else:
            flags.add(FLAG_NO_RESULT)
            flags.discard(FLAG_UNQUANTIFIED_RESULT)
        verdict = Verdict(
            overall=overall,
            components=parts,
            flags=[flag for flag in FLAGS if flag in flags],
            notes=notes,
            claimed=claimed,
            quoted=quoted,
        )
        self._compare(verdict, analysis)
        return verdict

    def _verified(
        self,
        name: Component,
        part: JudgedPart,
        analysis: StarAnalysis,
        finder: QuoteFinder,
        notes: list[str],
    ) -> ComponentAssessment:
        """The part with only verbatim evidence; a claim nobody can quote is not credited."""
        quotes = [found for q in part.evidence if (found := finder.find(q)) is not None]
        quotes = list(dict.fromkeys(quotes))[:MAX_EVIDENCE]
        dropped = len(part.evidence) - len(quotes)
        if not part.present:
            return ComponentAssessment(present=False, score=1, evidence=[])
        if quotes:
            if dropped:
                notes.append(f"judge: {dropped} {name} quote(s) not found in the answer, dropped")
            return ComponentAssessment(present=True, score=part.score, evidence=quotes)
        known = analysis.components[name]
        if known.present and known.evidence:
            # The analyzer found this part too: its verbatim sentences stand in as evidence.
            return ComponentAssessment(present=True, score=part.score, evidence=known.evidence)
        notes.append(f"judge: {name} claimed without a quote from the answer; not credited")
        return ComponentAssessment(present=False, score=1, evidence=[])

    def _facts(
        self,
        analysis: StarAnalysis,
        parts: dict[Component, ComponentAssessment],
        judge_flags: set[str],
    ) -> set[CapCondition]:
        """Cap conditions that hold by the analyzer's facts or by the judge's own reading."""
        facts: set[CapCondition] = set()
        if not analysis.components["action"].present or not parts["action"].present:
            facts.add("no-personal-action")
        if not analysis.components["result"].present or not parts["result"].present:
            facts.add("no-result")
        if facts or not all(parts[c].present for c in STAR_CORE):
            facts.add("missing-star-part")
        if FLAG_HYPOTHETICAL in analysis.flags or FLAG_HYPOTHETICAL in judge_flags:
            facts.add("hypothetical")
        if FLAG_OFF_TOPIC in judge_flags:
            facts.add("off-topic")
        if FLAG_GRADER_MANIPULATION in analysis.flags and analysis.overall <= 1:
            facts.add("grader-manipulation")
        if not parts["reflection"].present:
            facts.add("no-reflection")
        if FLAG_UNQUANTIFIED_RESULT in analysis.flags or FLAG_UNQUANTIFIED_RESULT in judge_flags:
            facts.add("unquantified-result")
        if FLAG_WE_HEAVY in analysis.flags or FLAG_WE_HEAVY in judge_flags:
            facts.add("we-heavy")
        return facts

    def _compare(self, verdict: Verdict, analysis: StarAnalysis) -> None:
        """Note both views when the judge and the analyzer differ by `DISAGREEMENT` or more."""
        apart = [
            f"{name} {verdict.components[name].score} vs {analysis.components[name].score}"
            for name in COMPONENTS
            if abs(verdict.components[name].score - analysis.components[name].score) >= DISAGREEMENT
        ]
        if abs(verdict.overall - analysis.overall) < DISAGREEMENT and not apart:
            return
        verdict.disagrees = True
        detail = f" ({'; '.join(apart)})" if apart else ""
        verdict.notes.append(
            f"judge and analyzer disagree: judge {verdict.overall:.1f} overall, analyzer "
            f"{analysis.overall:.1f}{detail}"
        )
