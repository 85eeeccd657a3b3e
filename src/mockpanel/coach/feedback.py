"""Offline feedback on one analysed answer: what landed, what to sharpen, a stronger outline.

All sentences come from the phrase book (`prompts/phrases.yaml`); this module only decides which
phrases apply and fills them with the candidate's own words or placeholders. It never invents facts.
"""

from __future__ import annotations

from mockpanel.coach.text import clip
from mockpanel.library import PromptLibrary
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
    Feedback,
    StarAnalysis,
    StarAssessment,
)

# Most damaging problems first: the first few are the ones a candidate should fix.
SHARPEN_ORDER: tuple[str, ...] = (
    FLAG_GRADER_MANIPULATION,
    FLAG_OFF_TOPIC,
    FLAG_HYPOTHETICAL,
    "generic",
    "situation",
    "task",
    "action",
    FLAG_NO_RESULT,
    "result",
    FLAG_WE_HEAVY,
    FLAG_UNQUANTIFIED_RESULT,
    FLAG_TOO_SHORT,
    FLAG_TOO_LONG,
    "reflection",
    "fillers",
    "hedges",
)
MAX_LANDED = 3
MAX_SHARPEN = 3
FILLERS_WORTH_MENTIONING = 4
HEDGES_WORTH_MENTIONING = 3
STRONG_COMPONENT = 4


def sharpen_keys(assessed: StarAnalysis | StarAssessment) -> list[str]:
    """Phrase keys for the answer's problems, most damaging first."""
    components = assessed.components
    found: set[str] = set(assessed.flags)
    for name in ("situation", "task", "action"):
        if not components[name].present or components[name].score <= 2:
            found.add(name)
    result = components["result"]
    if result.present and result.score <= 2 and FLAG_UNQUANTIFIED_RESULT not in found:
        found.add("result")
    if not result.present:
        found.add(FLAG_NO_RESULT)
    if not components["reflection"].present:
        found.add("reflection")
    signals = assessed.signals
    if signals is not None:
        if signals.generic and FLAG_HYPOTHETICAL not in found:
            found.add("generic")
        if signals.fillers >= FILLERS_WORTH_MENTIONING:
            found.add("fillers")
        if signals.hedges >= HEDGES_WORTH_MENTIONING:
            found.add("hedges")
    if FLAG_GRADER_MANIPULATION in found or FLAG_OFF_TOPIC in found or FLAG_HYPOTHETICAL in found:
        # The story itself is the problem; advice on its parts would be noise.
        found -= {"situation", "task", "action", "result", FLAG_NO_RESULT, "reflection"}
    return [key for key in SHARPEN_ORDER if key in found]


class FeedbackWriter:
    """Writes `Feedback` for one analysed answer from the library's phrase book."""

    def __init__(self, library: PromptLibrary) -> None:
        self.library = library

    def write(self, analysis: StarAnalysis, competency: str | None) -> Feedback:
        """Feedback for `analysis`, aimed at `competency` when known."""
        name, looks_for = self._competency_words(competency)
        return Feedback(
            landed=self._landed(analysis, name),
            sharpen=[
                self.library.phrase(f"phrases.sharpen.{key}", competency=name, looks_for=looks_for)
                for key in sharpen_keys(analysis)[:MAX_SHARPEN]
            ],
            stronger_version=self._stronger(analysis),
        )

    def _competency_words(self, competency: str | None) -> tuple[str, str]:
        known = {c.id: c for c in self.library.competencies}
        if competency in known:
            found = known[competency]
            return found.name.lower(), found.looks_for[0]
        generic = self.library.phrase("phrases.generic.competency")
        return generic, self.library.phrase("phrases.generic.looks_for")

    def _landed(self, analysis: StarAnalysis, competency: str) -> list[str]:
        if FLAG_GRADER_MANIPULATION in analysis.flags and analysis.overall <= 1:
            return []
        if FLAG_HYPOTHETICAL in analysis.flags or FLAG_OFF_TOPIC in analysis.flags:
            return []
        metric = analysis.signals.metrics[0] if analysis.signals.metrics else ""
        scored = [
            (part.score, name, part.evidence[0])
            for name, part in analysis.components.items()
            if part.present and part.score >= 3 and part.evidence
        ]
        # Best-scored parts first (stable in STAR order), so the cap keeps what matters most.
        scored.sort(key=lambda item: -item[0])
        landed = [
            self.library.phrase(
                f"phrases.landed.{name}",
                evidence=clip(evidence).rstrip(".!?"),
                metric=metric,
                competency=competency,
            )
            for _, name, evidence in scored
        ]
        if metric and analysis.components["result"].present:
            landed.insert(
                0,
                self.library.phrase(
                    "phrases.landed.metric", evidence="", metric=metric, competency=competency
                ),
            )
        return landed[:MAX_LANDED]

    def _stronger(self, analysis: StarAnalysis) -> str:
        story_usable = not {FLAG_HYPOTHETICAL, FLAG_OFF_TOPIC} & set(analysis.flags)
        values: dict[str, str] = {}
        for name in COMPONENTS:
            part = analysis.components[name]
            if not (story_usable and part.present and part.evidence):
                values[name] = self.library.phrase(f"phrases.stronger.placeholder_{name}")
                continue
            own_words = clip(part.evidence[0])
            weak = part.score < STRONG_COMPONENT or (
                name == "result" and FLAG_UNQUANTIFIED_RESULT in analysis.flags
            )
            if weak:
                own_words += " " + self.library.phrase(f"phrases.stronger.improve_{name}")
            values[name] = own_words
        lines = [self.library.phrase("phrases.stronger.intro", **values)]
        lines += [self.library.phrase(f"phrases.stronger.{name}", **values) for name in COMPONENTS]
        return "\n".join(lines)
