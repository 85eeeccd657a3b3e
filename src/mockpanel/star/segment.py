"""Split an answer into sentences with their offsets, STAR labels and bullet markers.

Every sentence keeps `start`/`end` offsets into the original answer, so evidence is always a
verbatim slice. Analysis runs on `norm`: the same characters lower-cased, with quotes unified and
spoken fillers blanked out, always the same length as the slice it describes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockpanel.models import Component

# Same-length substitutions: offsets in the analysis text equal offsets in the answer.
_UNIFY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\u200c": " ",
        "\u200d": " ",
        "\u2060": " ",
        "\ufeff": " ",
        "\t": " ",
        "\r": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2022": "*",
        "\u00b7": "*",
        "\u25aa": "*",
        "\u25e6": "*",
        "\u2023": "*",
    }
)

_FILLER_HINT = re.compile(
    r"\b(?:u+[mh]|e+r+m*\b|e+hm|a+h+\b|h+m+\b|mm|basically|like,|you know|i mean|sort of|kind of)"
    r"|, like\b"
)
_FALSE_START = re.compile(r"\b([a-z]+), \1\b")
_WORD_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_FILLER_SOUNDS = frozenset(
    "um umm ummm uh uhh uhm er err erm ehm ah ahh hm hmm hmmm mm mmm basically".split()
)
_FILLER_CUES = _FILLER_SOUNDS | {"like", "you", "i", "sort", "kind"}
# "the kind of thing" is not a filler; "I was kind of left" is.
_KIND_OF_KEEPERS = frozenset("the this that what a any some every which no".split())
_BULLET = re.compile(r"[ ]*(?:[-*+>]+|\d{1,2}[.)]|\(?[a-h][.)])[ ]+")
_LABEL_WORDS: dict[str, Component] = {}
for _component, _words in (
    (
        "situation",
        "situation|the situation|context|background|setting|scenario|when|where|problem|"
        "the problem|challenge|the challenge|s",
    ),
    (
        "task",
        "task|the task|my task|my job|the job|my role|role|goal|my goal|the goal|objective|aim|"
        "responsibility|my responsibility|what i had to do|what i needed to do|target|brief|t",
    ),
    (
        "action",
        "action|actions|what i did|my actions|steps|steps i took|approach|my approach|"
        "how i did it|how i handled it|solution|a",
    ),
    (
        "result",
        "result|results|the result|outcome|outcomes|the outcome|impact|what happened|"
        "effect|achievement|achievements|r",
    ),
    (
        "reflection",
        "reflection|reflections|learning|learnings|lesson|lessons|lesson learned|"
        "lessons learned|lessons learnt|what i learned|what i learnt|takeaway|takeaways|"
        "key takeaway|looking back|next time|what i would do differently|"
        "what i'd do differently|l",
    ),
):
    for _word in _words.split("|"):
        _LABEL_WORDS[_word] = _component  # type: ignore[assignment]

_LABEL = re.compile(
    r"[ *_#]*("
    + "|".join(sorted((re.escape(w) for w in _LABEL_WORDS), key=len, reverse=True))
    + r")[ *_]*(?::|[ ]-[ ]|[ ]-(?=[a-z]))[ *_]*"
)
# Free-form headings at the start of a line ("What I'd take forward:"), mapped by keyword.
_HEADING = re.compile(r"[ *_#]*([a-z][a-z' /&-]{1,40}?)[ *_]*:(?=\s)")
_HEADING_KEYWORDS: tuple[tuple[str, Component], ...] = (
    ("learn", "reflection"),
    ("lesson", "reflection"),
    ("takeaway", "reflection"),
    ("take forward", "reflection"),
    ("take away", "reflection"),
    ("differently", "reflection"),
    ("reflect", "reflection"),
    ("next time", "reflection"),
    ("result", "result"),
    ("outcome", "result"),
    ("impact", "result"),
    ("happened", "result"),
    ("achiev", "result"),
    ("what i did", "action"),
    ("action", "action"),
    ("step", "action"),
    ("approach", "action"),
    ("how i", "action"),
    ("task", "task"),
    ("responsib", "task"),
    ("goal", "task"),
    ("objective", "task"),
    ("my job", "task"),
    ("my role", "task"),
    ("had to", "task"),
    ("needed to", "task"),
    ("context", "situation"),
    ("situation", "situation"),
    ("background", "situation"),
    ("setting", "situation"),
)
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[\"')\]]*+(?=\s|$)")
_SPACE = re.compile(r" ")
_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs mr mrs ms dr st no approx dept inc ltd co jr sr prof est fig ca cf al "
    "a.m p.m p.s p.p.s n.b".split()
)
_WORD = re.compile(r"[a-z0-9]")
_CLAUSE_BREAK = re.compile(
    r"(?:[,;:]|\s-)\s(?=(?:and |so |but |then |because |after |before |which |until )?"
    r"(?:i|we|he|she|they|it|the|my|our|this|that)\b)"
    r"|\s(?=(?:and then|and so|so then|and i|so i|then i|but i|and we|so we)\b)"
)

LONG_SENTENCE_WORDS = 45
_TARGET_CHUNK_WORDS = 18


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an answer: where it is, what it says, and any STAR label it carries."""

    index: int
    start: int
    end: int
    text: str
    norm: str
    label: Component | None
    bullet: bool


def analysis_text(answer: str) -> str:
    """The answer lower-cased with quotes, spaces and bullets unified, same length as the answer."""
    unified = answer.translate(_UNIFY)
    lowered = unified.lower()
    if len(lowered) != len(unified):  # a few characters grow when lower-cased: keep them as is
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in unified)
    return lowered


def filler_spans(text: str) -> list[tuple[int, int]]:
    """Spans of spoken fillers and false starts ("um,", "like,", "you know,", "I, I") in `text`."""
    if not _may_hold_fillers(text) or not (
        _FILLER_HINT.search(text) or (_said_twice(text) and _FALSE_START.search(text))
    ):
        return []
    matches = list(_WORD_TOKEN.finditer(text))
    words = [m.group(0) for m in matches]
    spans: list[tuple[int, int]] = []
    last = len(words) - 1
    for i, word in enumerate(words):
        nxt = words[i + 1] if i < last else ""
        if word not in _FILLER_CUES and nxt != word:
            continue  # most words: nothing to check
        start, end = matches[i].span()
        after = text[end : end + 1]
        if word in _FILLER_SOUNDS:
            spans.append((start, end + (1 if after in (",", ".") else 0)))
        elif word == "like" and (after == "," or text[max(0, start - 2) : start] == ", "):
            spans.append((start, end + (1 if after == "," else 0)))
        elif not nxt:
            continue
        elif word in ("you", "i") and nxt == ("know" if word == "you" else "mean"):
            if text[matches[i + 1].end() : matches[i + 1].end() + 1] == ",":
                spans.append((start, matches[i + 1].end() + 1))
        elif word in ("sort", "kind") and nxt == "of":
            previous = words[i - 1] if i else ""
            if previous not in _KIND_OF_KEEPERS:
                spans.append((start, matches[i + 1].end()))
        elif nxt == word and text[end : matches[i + 1].start()].strip() == ",":
            spans.append((start, matches[i + 1].start()))  # a false start: "I, I just..."
    # "it was, you know, on me": blank the comma before a filler too, so the clause reads on.
    return [
        (
            start - 2 if text[start - 2 : start] == ", " and text[end - 1 : end] == "," else start,
            end,
        )
        for start, end in spans
    ]


# Words a filler needs, as they appear between spaces (with any punctuation after them).
_FILLER_GATE = frozenset(
    word + end
    for word in (
        "um umm ummm uh uhh uhm er err erm ehm ah ahh hm hmm hmmm mm mmm basically like know "
        "mean sort kind".split()
    )
    for end in ("", ",", ".", "-", ";", "!", "?")
)


def _may_hold_fillers(text: str) -> bool:
    """Cheap test before the filler patterns: a filler word, or a word said twice ("I, I")."""
    return not _FILLER_GATE.isdisjoint(text.split()) or _said_twice(text)


def _said_twice(text: str) -> bool:
    """Whether a word is repeated across a comma ("I, I just..."), found without a regex scan."""
    at = text.find(", ")
    while at > 0:
        before = text[max(0, at - 12) : at].rsplit(None, 1)[-1:]
        after = text[at + 2 : at + 14].split(None, 1)[:1]
        if before and after and before[0] == after[0].rstrip(",.;:") and before[0].isalpha():
            return True
        at = text.find(", ", at + 2)
    return False


def blank_fillers(text: str) -> tuple[str, int]:
    """`text` with fillers and false starts replaced by spaces (offsets kept), and their count."""
    spans = filler_spans(text)
    if not spans:
        return text, 0
    pieces: list[str] = []
    cursor = 0
    for start, end in spans:
        if start < cursor:
            continue
        pieces.append(text[cursor:start])
        pieces.append(" " * (end - start))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), len(spans)


def segment(
    answer: str, norm: str, excluded: list[tuple[int, int]] | None = None
) -> list[Sentence]:
    """Sentences of `answer` (analysis text `norm`), skipping the `excluded` character spans."""
    if excluded:
        chars = list(norm)
        for start, end in excluded:
            chars[start:end] = "\n" * (end - start)
        norm = "".join(chars)
    sentences: list[Sentence] = []
    label: Component | None = None
    offset = 0
    for line in norm.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        if not line.strip():
            label = None
            continue
        bullet = _BULLET.match(line)
        if bullet:
            label = None
        body_start = line_start + (bullet.end() if bullet else 0)
        for start, end in _sentence_spans(norm, body_start, line_start + len(line)):
            text_norm = norm[start:end]
            # A label ("Result:", "Action - ") or a heading needs a colon or a dash early on.
            head = text_norm[:60]
            marked = ":" in head or "-" in head
            found = _LABEL.match(text_norm) if marked else None
            heading = _heading(text_norm) if marked and not found and start == body_start else None
            if found:
                label = _LABEL_WORDS[found.group(1)]
                text_norm = " " * found.end() + text_norm[found.end() :]
            elif heading is not None:
                label, cut = heading
                text_norm = " " * cut + text_norm[cut:]
            for piece_start, piece_end in _split_long(text_norm):
                piece = text_norm[piece_start:piece_end]
                if not _WORD.search(piece):
                    continue
                # The first piece keeps a leading label ("Result: ...") in its evidence text.
                rel_a = (
                    piece_start
                    if piece_start == 0
                    else piece_start + len(piece) - len(piece.lstrip())
                )
                rel_b = piece_start + len(piece.rstrip())
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        start=start + rel_a,
                        end=start + rel_b,
                        text=answer[start + rel_a : start + rel_b],
                        norm=text_norm[rel_a:rel_b],
                        label=label,
                        bullet=bullet is not None,
                    )
                )
    return sentences


def clip(sentence: Sentence, length: int) -> Sentence | None:
    """The first `length` characters of `sentence` as a sentence, or None if nothing is left."""
    norm = sentence.norm[:length].rstrip(" ,;:-([{")
    if len(_WORD_TOKEN.findall(norm)) < 4:
        return None
    return Sentence(
        index=sentence.index,
        start=sentence.start,
        end=sentence.start + len(norm),
        text=sentence.text[: len(norm)],
        norm=norm,
        label=sentence.label,
        bullet=sentence.bullet,
    )


def _heading(text: str) -> tuple[Component, int] | None:
    """A short free-form heading at the start of a line and the STAR part it names."""
    found = _HEADING.match(text)
    if found is None or found.group(1).count(" ") > 5:
        return None
    words = found.group(1)
    for keyword, component in _HEADING_KEYWORDS:
        if keyword in words:
            return component, found.end()
    return None


def _sentence_spans(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one line, trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END.finditer(norm, start, end):
        if match.group(0).startswith(".") and _is_abbreviation(norm, cursor, match.start()):
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    trimmed = []
    for a, b in spans:
        piece = norm[a:b]
        # A piece left after stripped text may open on the comma that followed it.
        body = piece.strip().lstrip(",; ")
        if body:
            a += len(piece) - len(piece.lstrip().lstrip(",; "))
            trimmed.append((a, a + len(body)))
    return trimmed


def _is_abbreviation(norm: str, floor: int, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation or an initial, not a sentence."""
    begin = max(floor, dot - 12)
    word = norm[begin:dot].rsplit(None, 1)[-1] if norm[begin:dot].strip() else ""
    word = word.strip("(\"'")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word != "i")


def _split_long(text: str) -> list[tuple[int, int]]:
    """Break a very long sentence (an unpunctuated transcript) at clause boundaries."""
    if text.count(" ") < LONG_SENTENCE_WORDS:
        return [(0, len(text))]
    cuts: list[tuple[int, int]] = []
    words = 0
    last = 0
    for match in _CLAUSE_BREAK.finditer(text):
        words += text.count(" ", last, match.start())
        last = match.start()
        if words >= _TARGET_CHUNK_WORDS:
            cuts.append((match.start(), match.end()))
            words = 0
            last = match.end()
    cuts.append((len(text), len(text)))
    pieces: list[tuple[int, int]] = []
    cursor = 0
    for end, resume in cuts:
        pieces.extend(_cut_every(text, cursor, end))
        cursor = resume
    return pieces


def _cut_every(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut `text[start:end]` every few dozen words: no clause boundary was found to use."""
    pieces: list[tuple[int, int]] = []
    count = 0
    for match in _SPACE.finditer(text, start, end):
        count += 1
        if count >= 2 * LONG_SENTENCE_WORDS:
            pieces.append((start, match.start()))
            start = match.end()
            count = 0
    pieces.append((start, end))
    return pieces
