"""What a question asks about, and whether the story told contains that event."""

from __future__ import annotations

import re

from mockpanel.star.roles import ClauseReading
from mockpanel.star.vocabulary import Vocabulary, fold

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SUFFIXES = ("ing", "ed", "es", "s")
_POSSESSIVE = re.compile(r"'s$")


def _stems(word: str) -> set[str]:
    """The word and its forms without a regular inflection ("persuading" -> "persuade")."""
    forms = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            forms.update({base, base + "e"})
    return forms


def question_competencies(question: str, vocab: Vocabulary) -> list[str]:
    """Every competency a free-text question touches, the one it names most first."""
    words = [
        fold(_POSSESSIVE.sub("", w.lower().replace("’", "'"))) for w in _WORD.findall(question)
    ]
    text = " " + " ".join(words) + " "
    scored: list[tuple[int, int, str]] = []
    for order, (competency_id, competency) in enumerate(vocab.competencies.items()):
        # Each word of the question counts once, in whichever form it matched.
        hits = sum(not competency.question.words.isdisjoint(_stems(w)) for w in set(words))
        if competency.question.phrases is not None:
            hits += len(competency.question.phrases.findall(text))
        if hits:
            scored.append((-hits, order, competency_id))
    return [competency_id for _, _, competency_id in sorted(scored)]


def question_competency(question: str, vocab: Vocabulary) -> str | None:
    """The competency a free-text question asks about most plainly (None: unknown)."""
    found = question_competencies(question, vocab)
    return found[0] if found else None


def off_topic(question_ids: list[str], story: list[ClauseReading], vocab: Vocabulary) -> bool:
    """A story is off-topic when it shows the event of none of the competencies asked about."""
    return bool(question_ids) and not any(shows_event(c, story, vocab) for c in question_ids)


def shows_event(competency_id: str, story: list[ClauseReading], vocab: Vocabulary) -> bool:
    """Whether the story holds the event the competency's question asks about."""
    competency = vocab.competencies.get(competency_id)
    if competency is None or not story:
        return True
    clauses = [r.clause for r in story]
    found = [c for c in clauses if c.has(competency.event)]
    if competency.needs == "speaker":
        # The speaker's own error: told in their words, or as something they did not do.
        mine = [c for c in clauses if c.subject in ("I", "we") or " my " in c.text]
        return any(c.has(competency.event) or c.negated for c in mine) or any(
            " my " in c.text or " our " in c.text for c in found
        )
    if competency.needs == "group":
        return bool(found) or any(c.subject == "we" for c in clauses)
    if competency.needs == "someone-else":
        # Another person's resistance shows as much in "he wasn't happy" as in "he objected".
        resisted = any(c.subject == "person" and c.negated for c in clauses)
        others = any(c.subject in ("we", "person") or c.has(vocab.person_nouns) for c in clauses)
        return (bool(found) and others) or resisted
    return bool(found)
