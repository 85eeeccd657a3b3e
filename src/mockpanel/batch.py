"""Scoring many answers from JSON Lines: one bad line is reported and the rest are still scored."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from mockpanel.errors import InputFileError
from mockpanel.inputs import check_answer

Scored = TypeVar("Scored")


class BatchItem(BaseModel):
    """One input line: `{"id", "question", "answer"}` (extra keys are ignored)."""

    id: str
    question: str = ""
    answer: str


@dataclass(frozen=True)
class BatchOutcome(Generic[Scored]):
    """The result for one non-blank input line: what scoring it gave, or why it was refused."""

    line: int
    item: BatchItem | None
    scored: Scored | None
    error: str | None


def parse_line(text: str) -> BatchItem:
    """Parse one JSONL line into a `BatchItem`, raising `InputFileError` with a short reason."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(f"not valid JSON ({exc.msg})") from None
    if not isinstance(raw, dict):
        raise InputFileError("expected a JSON object with id, question and answer")
    if "id" in raw and not isinstance(raw["id"], str):
        raw["id"] = str(raw["id"])
    try:
        item = BatchItem.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "line"
        raise InputFileError(f"{field}: {first['msg'].lower()}") from None
    check_answer(item.answer)
    return item


def score_lines(text: str, score: Callable[[BatchItem], Scored]) -> Iterator[BatchOutcome[Scored]]:
    """Apply `score` to every non-blank line of a JSONL document, in order."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = parse_line(line)
        except InputFileError as exc:
            yield BatchOutcome(number, None, None, str(exc))
            continue
        yield BatchOutcome(number, item, score(item), None)
