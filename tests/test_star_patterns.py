"""The matching machinery: gates must never hide a match, word patterns must match as `\\b` does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import star_answers
from mockpanel.star import anchors, metrics, outcomes, signals
from mockpanel.star import lexicon as lx
from mockpanel.star.patterns import TOKEN, GatedPatterns, Phrases, word_pattern
from mockpanel.star.segment import analysis_text, blank_fillers, segment

DEV_SET = Path(__file__).resolve().parents[2] / "shared" / "eval" / "star_dev.jsonl"


def _corpus() -> list[str]:
    """Analysis text of every sentence of the test answers (and of the dev set, when present)."""
    answers = [v for v in vars(star_answers).values() if isinstance(v, str) and " " in v]
    for value in vars(star_answers).values():
        if isinstance(value, tuple):
            for item in value:
                answers.extend([item] if isinstance(item, str) else list(item))
    if DEV_SET.exists():
        answers.extend(re.findall(r'"answer": "((?:[^"\\]|\\.)*)"', DEV_SET.read_text("utf-8")))
    sentences: list[str] = []
    for answer in answers:
        norm, _ = blank_fillers(analysis_text(answer))
        sentences.extend(s.norm for s in segment(answer, norm))
    return sentences


CORPUS = _corpus()
FAMILIES: dict[str, GatedPatterns] = {
    "outcomes": outcomes._OUTCOME,
    "time anchors": anchors._TIME_ANCHORS,
    "place anchors": anchors._PLACE_ANCHORS,
    "task frames": signals._TASK_FRAMES,
    "self descriptions": signals._SELF_DESCRIPTIONS,
    "metrics": metrics._SPELLED,
}


def test_the_corpus_is_large_enough_to_mean_something() -> None:
    assert len(CORPUS) > 100


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_a_gate_never_hides_a_match(family: str) -> None:
    matched = 0
    for sentence in CORPUS:
        vocab = set(TOKEN.findall(sentence))
        candidates = set(FAMILIES[family].candidates(vocab))
        for at, (gate, pattern) in enumerate(FAMILIES[family].pairs):
            if pattern.search(sentence):
                matched += 1
                assert not gate.isdisjoint(vocab), (family, pattern.pattern[:60], sentence)
                assert at in candidates
    assert matched > 0, family  # the check saw the patterns at work


@pytest.mark.parametrize(
    "phrases",
    [lx.HABITUAL_PHRASES, lx.HEDGES, lx.REFUSAL_PHRASES, lx.OUTCOME_PHRASES, lx.PENDING_PHRASES],
)
def test_phrase_lists_find_what_the_plain_pattern_finds(phrases: tuple[str, ...]) -> None:
    gated = Phrases(phrases)
    for sentence in CORPUS:
        vocab = set(TOKEN.findall(sentence))
        assert gated.search(sentence, vocab) == (gated.pattern.search(sentence) is not None)
        assert gated.count(sentence, vocab) == len(gated.pattern.findall(sentence))


def test_word_patterns_match_where_the_boundary_version_does() -> None:
    source = r"\bon time\b|\b(?:fell|rose) to\b|\bno (?:more )?complaints\b"
    fast, plain = word_pattern(source), re.compile(source)
    assert fast.pattern != plain.pattern
    for sentence in [*CORPUS, "it fell to 3%", "nothing came on time", "ontime", "afell to"]:
        assert bool(fast.search(sentence)) == bool(plain.search(sentence)), sentence


def test_word_patterns_leave_other_alternations_alone() -> None:
    assert word_pattern(r"\bx|y").pattern == r"\bx|y"
    assert word_pattern(r"\ba|\bb[|(]").pattern == r"(?<![\w'])(?:a|b[|(])"


def test_measures_skip_years_and_times_and_do_not_overlap() -> None:
    text = "in 2023 at 9am sales went from 40 to 55 a week, up 12%, and no complaints came in."
    found = metrics.measures(text, set(TOKEN.findall(text)))
    assert found == ["from 40 to 55", "12%", "no complaints"]
