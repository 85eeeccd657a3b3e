"""The scorer against the held-out split of the labelled corpus, and rewrites that keep meaning.

The floors sit just under what the analyzer measures on `tests/data/star/test.jsonl`, a split
never used for tuning (presence 0.83-0.96, within one 0.85, Spearman 0.78, one manipulation of
24 above its label), so any change that reads answers worse fails here. The targets the
analyzer is built towards are higher: presence and within one 0.92, Spearman 0.85, and no
manipulation above its label.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockpanel.star import StarAnalyzer
from mockpanel.star.evaluation import agreement, parse_labelled, score_records
from mockpanel.star.rewrites import REWRITES, with_fillers, without_result

CORPUS = Path(__file__).parent / "data" / "star"
PRESENCE_FLOOR = 0.80
WITHIN_ONE_FLOOR = 0.83
SPEARMAN_FLOOR = 0.75
MANIPULATION_ABOVE_LABEL_MAX = 1


@pytest.fixture(scope="module")
def analyzer() -> StarAnalyzer:
    return StarAnalyzer()


def _records(split: str) -> list[dict[str, object]]:
    lines = (CORPUS / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_corpus_is_large_varied_and_split() -> None:
    tune, test = _records("tune"), _records("test")
    everything = tune + test
    assert len(everything) >= 400
    assert not {r["id"] for r in tune} & {r["id"] for r in test}
    spoken = [r for r in everything if {"spoken", "transcript-style"} & set(r["tags"])]
    assert len(spoken) * 3 >= len(everything)
    for level in range(1, 6):
        assert sum(r["overall"] == level for r in test) >= 60


def test_held_out_split_meets_the_floors(analyzer: StarAnalyzer) -> None:
    path = CORPUS / "test.jsonl"
    scored = score_records(parse_labelled(path.read_text(encoding="utf-8"), path.name), analyzer)
    result = agreement(scored)
    assert min(result.presence_accuracy.values()) >= PRESENCE_FLOOR, result.presence_accuracy
    assert result.within_one >= WITHIN_ONE_FLOOR
    assert result.spearman >= SPEARMAN_FLOOR
    above = result.manipulation_attempts - result.manipulation_at_or_below_label
    assert above <= MANIPULATION_ABOVE_LABEL_MAX


# --- meaning-preserving rewrites -------------------------------------------------------------

_STORIES = [
    r
    for r in _records("tune")
    if r["overall"] >= 2 and not {"injection", "off-topic"} & set(r["tags"])
]
# Rewrites that move no held-out answer by more than a point; present-tense retelling and
# reordering are measured by benchmarks/analyzer_rewrites.py but not yet held to it.
_STEADY = [
    "closing full stop removed",
    "dictated (lower case, no punctuation)",
    "fillers inserted",
    "numbers spelled out",
    "American spelling",
]

_RELAXED = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.mark.parametrize("name", _STEADY)
@_RELAXED
@given(record=st.sampled_from(_STORIES))
def test_meaning_preserving_rewrites_change_little(
    analyzer: StarAnalyzer, name: str, record: dict[str, str]
) -> None:
    text, question = record["answer"], record["question"]
    rewritten = REWRITES[name](text)
    assert (
        abs(
            analyzer.analyze(text, question).overall - analyzer.analyze(rewritten, question).overall
        )
        <= 1
    )


def test_fillers_anywhere_change_little(analyzer: StarAnalyzer) -> None:
    moved = 0
    for record in _STORIES[:60]:
        text, question = record["answer"], record["question"]
        base = analyzer.analyze(text, question).overall
        for seed in (1, 4):
            moved += abs(analyzer.analyze(with_fillers(text, seed), question).overall - base) > 1
    assert moved <= 3


_STRONG = [r for r in _STORIES if r["overall"] >= 4 and "spoken" not in r["tags"]]


def test_we_only_rewrite_loses_the_action(analyzer: StarAnalyzer) -> None:
    dropped = 0
    for record in _STRONG[:20]:
        text = record["answer"]
        we = re.sub(r"\bI\b", "we", re.sub(r"\bmy\b", "our", re.sub(r"\bme\b", "us", text)))
        before = analyzer.analyze(text, record["question"])
        after = analyzer.analyze(we, record["question"])
        dropped += after.overall < before.overall and not after.components["action"].present
    assert dropped >= 15


def test_hypothetical_rewrite_scores_one(analyzer: StarAnalyzer) -> None:
    story = (
        "If a customer complained about a late order, I would apologise first. Then I would "
        "check the tracking and I would offer a refund if the delay was our fault. I would "
        "follow up the next day to make sure they were happy."
    )
    analysis = analyzer.analyze(story, "Tell me about a time you handled an unhappy customer.")
    assert analysis.overall == 1.0
    assert "hypothetical" in analysis.flags


def test_deleting_the_result_lowers_the_score(analyzer: StarAnalyzer) -> None:
    lowered = tried = 0
    for record in [r for r in _STORIES if r["overall"] >= 4][:40]:
        text, question = record["answer"], record["question"]
        before = analyzer.analyze(text, question)
        if not before.components["result"].evidence:
            continue
        tried += 1
        lowered += analyzer.analyze(without_result(text, before), question).overall < before.overall
    assert tried >= 30 and lowered >= 0.8 * tried
