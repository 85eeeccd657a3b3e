"""Scores follow the rubric: its weights combine the parts and its caps bound them."""

from __future__ import annotations

from mockpanel.library import RubricCap, RubricData, RubricLengths, load_library
from mockpanel.star import StarAnalyzer
from star_answers import BULLETS, HYPOTHETICAL, NO_RESULT, STRONG


def _rubric() -> RubricData:
    return load_library().rubric


def test_rubric_document_is_complete_and_has_the_required_caps() -> None:
    rubric = _rubric()
    caps = {(c.condition, c.target): c.max_score for c in rubric.caps}
    assert caps[("no-personal-action", "action")] == 2
    assert caps[("no-result", "result")] == 2
    assert caps[("hypothetical", "overall")] == 1
    assert caps[("grader-manipulation", "overall")] == 1
    assert caps[("off-topic", "overall")] == 1
    assert caps[("missing-star-part", "overall")] == 2
    assert caps[("no-reflection", "overall")] == 4
    assert caps[("unquantified-result", "overall")] == 4
    for part in rubric.components.values():
        assert all(part.levels[level].strip() for level in range(1, 6))


def test_caps_come_from_the_rubric() -> None:
    rubric = _rubric()
    # BULLETS has no reflection: the rubric's no-reflection cap holds it at 4.
    assert StarAnalyzer(rubric).analyze(BULLETS).overall == 4.0
    loosened = rubric.model_copy(
        update={"caps": [c for c in rubric.caps if c.condition != "no-reflection"]}
    )
    assert StarAnalyzer(loosened).analyze(BULLETS).overall > 4.0
    stricter = rubric.model_copy(
        update={
            "caps": [
                *rubric.caps,
                RubricCap(condition="no-reflection", target="overall", max_score=3, reason="test"),
            ]
        }
    )
    assert StarAnalyzer(stricter).analyze(BULLETS).overall == 3.0


def test_missing_part_cap_comes_from_the_rubric() -> None:
    rubric = _rubric()
    assert StarAnalyzer(rubric).analyze(NO_RESULT).overall <= 2.0
    loosened = rubric.model_copy(
        update={"caps": [c for c in rubric.caps if c.condition != "missing-star-part"]}
    )
    assert StarAnalyzer(loosened).analyze(NO_RESULT).overall > 2.0


def test_weights_come_from_the_rubric() -> None:
    rubric = _rubric()
    base = StarAnalyzer(rubric).analyze(NO_RESULT)
    no_caps = rubric.model_copy(update={"caps": []})
    heavy_result = no_caps.model_copy(
        update={
            "components": {
                **no_caps.components,
                "result": no_caps.components["result"].model_copy(update={"weight": 10.0}),
            }
        }
    )
    light = StarAnalyzer(no_caps).analyze(NO_RESULT).overall
    heavy = StarAnalyzer(heavy_result).analyze(NO_RESULT).overall
    assert heavy < light  # the missing result now weighs far more
    assert base.overall <= light


def test_hypothetical_cap_holds_regardless_of_weights() -> None:
    rubric = _rubric()
    assert StarAnalyzer(rubric).analyze(HYPOTHETICAL).overall == 1.0


def test_default_analyzer_uses_the_shipped_rubric_once() -> None:
    assert StarAnalyzer().policy is StarAnalyzer().policy
    assert StarAnalyzer().analyze(STRONG).overall == StarAnalyzer(_rubric()).analyze(STRONG).overall


def test_length_thresholds_come_from_the_rubric() -> None:
    rubric = _rubric()
    assert rubric.lengths.too_short_words == 45 and rubric.lengths.too_long_words == 250
    short = "Last week I fixed the printer and it worked."
    assert "too-short" in StarAnalyzer(rubric).analyze(short).flags
    lenient = rubric.model_copy(
        update={"lengths": rubric.lengths.model_copy(update={"too_short_words": 5})}
    )
    assert "too-short" not in StarAnalyzer(lenient).analyze(short).flags
    strict = rubric.model_copy(
        update={"lengths": rubric.lengths.model_copy(update={"too_long_words": 40})}
    )
    rambling = StarAnalyzer(strict).analyze(STRONG)
    assert "too-long" in rambling.flags
    assert rambling.overall < StarAnalyzer(rubric).analyze(STRONG).overall


def test_a_rubric_written_before_lengths_existed_still_loads() -> None:
    data = _rubric().model_dump(exclude={"lengths"})
    older = RubricData.model_validate(data)
    assert older.lengths == RubricLengths()
    assert StarAnalyzer(older).analyze(STRONG).overall == StarAnalyzer().analyze(STRONG).overall
