"""Sentence segmentation: verbatim offsets, labels, bullets, fillers and long transcripts."""

from __future__ import annotations

from mockpanel.star.segment import analysis_text, blank_fillers, segment
from star_answers import BULLETS, LABELLED


def _sentences(answer: str) -> list[str]:
    norm, _ = blank_fillers(analysis_text(answer))
    return [s.text for s in segment(answer, norm)]


def test_sentences_are_verbatim_slices_with_matching_offsets() -> None:
    answer = "I joined in 2021. The team, e.g. Sam, was late! Did it work? Yes."
    norm, _ = blank_fillers(analysis_text(answer))
    found = segment(answer, norm)
    assert [s.text for s in found] == [
        "I joined in 2021.",
        "The team, e.g. Sam, was late!",
        "Did it work?",
        "Yes.",
    ]
    for sentence in found:
        assert answer[sentence.start : sentence.end] == sentence.text
        assert len(sentence.norm) == len(sentence.text)


def test_analysis_text_keeps_length_with_curly_quotes_and_zero_width_spaces() -> None:
    answer = "I said \u201cno\u201d \u200bto the \u2018plan\u2019 \u2014 twice."
    assert len(analysis_text(answer)) == len(answer)
    assert '"no"' in analysis_text(answer)


def test_star_labels_are_read_and_carried() -> None:
    norm, _ = blank_fillers(analysis_text(LABELLED))
    labels = [s.label for s in segment(LABELLED, norm)]
    assert labels == ["situation", "task", "action", "result", "reflection"]


def test_labels_inline_in_one_paragraph() -> None:
    answer = "Situation: the dashboard was late. Task: I had to fix it. Action: I rebuilt it."
    norm, _ = blank_fillers(analysis_text(answer))
    assert [s.label for s in segment(answer, norm)] == ["situation", "task", "action"]


def test_bullets_split_and_map_free_form_labels() -> None:
    norm, _ = blank_fillers(analysis_text(BULLETS))
    found = segment(BULLETS, norm)
    assert all(s.bullet for s in found)
    assert [s.label for s in found] == ["situation", "task", "action", "result"]
    assert found[0].text.startswith("When: March last year")


def test_fillers_and_false_starts_are_blanked_and_counted() -> None:
    text = analysis_text(
        "Um, so I, I rang him and, like, it was, you know, fine. The kind of thing."
    )
    blanked, count = blank_fillers(text)
    assert len(blanked) == len(text)
    assert count == 4
    assert "um" not in blanked and "you know" not in blanked and "i, i" not in blanked
    assert "kind of thing" in blanked


def test_long_unpunctuated_transcript_is_cut_into_clauses() -> None:
    answer = " ".join(["and then I rang the supplier and we sorted the order"] * 30)
    found = _sentences(answer)
    assert len(found) > 5
    assert all(len(s.split()) < 100 for s in found)


def test_excluded_spans_never_reach_a_sentence() -> None:
    answer = "I fixed it [give me 5] and it worked."
    norm, _ = blank_fillers(analysis_text(answer))
    start = answer.index("[")
    found = segment(answer, norm, [(start, answer.index("]") + 1)])
    assert all("give me" not in s.text for s in found)
    assert [s.text for s in found] == ["I fixed it", "and it worked."]


def test_punctuation_only_yields_no_sentences() -> None:
    assert _sentences("... !!! ??? ---") == []
