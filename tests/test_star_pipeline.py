"""The pipeline's faster attribute matching, and reading a batch in worker processes."""

from __future__ import annotations

import json
from pathlib import Path

import spacy

from mockpanel.library import load_library
from mockpanel.star import StarAnalyzer, pipeline
from mockpanel.star.parallel import analyze_in_processes

CORPUS = Path(__file__).parent / "data" / "star" / "tune.jsonl"


def _answers(count: int) -> list[tuple[str, str | None]]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:count]
    return [(r["answer"], r["question"]) for r in map(json.loads, lines)]


def test_fast_attribute_matching_annotates_exactly_as_spacy_does() -> None:
    reference = spacy.load(pipeline.model_directory(), exclude=pipeline.EXCLUDED)
    texts = [answer for answer, _ in _answers(40)]
    texts += [text.lower().replace(".", "").replace(",", "") for text in texts]
    texts.append("I ain't gonna say it's done, but we've y'all got there 'cause we'd tried.")
    compared = 0
    for ours, theirs in zip(pipeline.parse(texts), reference.pipe(texts), strict=True):
        for a, b in zip(ours, theirs, strict=True):
            assert (a.tag_, a.pos_, str(a.morph), a.lemma_) == (
                b.tag_,
                b.pos_,
                str(b.morph),
                b.lemma_,
            ), a.text
            compared += 1
    assert compared > 5000


def test_worker_processes_give_the_same_analyses() -> None:
    answers = _answers(12)
    library = load_library()
    together = analyze_in_processes(library.source, answers, workers=2)
    assert together == StarAnalyzer(library).analyze_many(answers)


def test_primed_answers_are_scored_as_if_read_alone() -> None:
    answers = _answers(6)
    analyzer = StarAnalyzer()
    analyzer.prime(answers)
    fresh = StarAnalyzer()
    for answer, question in answers:
        assert analyzer.analyze(answer, question) == fresh.analyze_many([(answer, question)])[0]
