"""Schema of the analyzer's word lists (`prompts/reading.yaml`), checked when the library loads."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*")
    @classmethod
    def _plain_entries(cls, value: object) -> object:
        # A quote left inside an entry ('from then "on"') would make it match nothing.
        if isinstance(value, list):
            for entry in value:
                if not entry.strip() or '"' in entry or entry != " ".join(entry.split()):
                    raise ValueError(f"word-list entry {entry!r} must be plain words")
        return value


class CompetencyEvent(_Strict):
    """What a question about one competency asks for, and how an answer shows it happened."""

    question_words: list[str] = Field(min_length=1)
    event_words: list[str] = Field(min_length=1)
    # Who must be in the event: anyone, the speaker (their own error), or someone besides them.
    # "group": the speaker acting together with others, told as "we" or with a colleague.
    needs: Literal["any", "speaker", "someone-else", "group"] = "any"


class GraderWords(_Strict):
    """Words that show a sentence is addressed to whoever scores the answer."""

    scorer_nouns: list[str]
    grader_nouns: list[str]
    answer_nouns: list[str]
    scoring_verbs: list[str]
    score_phrases: list[str]
    instruction_words: list[str]
    roleplay_phrases: list[str]
    english_words: list[str]
    foreign_scoring_stems: list[str]
    foreign_phrases: list[str]


class ReadingData(_Strict):
    """Word lists by meaning; every entry is a lower-case word or phrase."""

    fillers: list[str]
    filler_phrases: list[str]
    ambiguous_filler_phrases: list[str]
    filler_phrase_blockers: list[str]
    like_verb_before: list[str]
    state_verbs: list[str]
    thin_verbs: list[str]
    achievement_verbs: list[str]
    outcome_verbs: list[str]
    outcome_states: list[str]
    learning_verbs: list[str]
    reflection_phrases: list[str]
    obligation_phrases: list[str]
    ownership_nouns: list[str]
    habit_words: list[str]
    pending_words: list[str]
    hedge_words: list[str]
    time_anchors: list[str]
    person_nouns: list[str]
    duration_words: list[str]
    grader: GraderWords
    competencies: dict[str, CompetencyEvent]
