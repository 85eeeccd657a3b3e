"""Clauses from the dependency parse, each with the features STAR roles are read from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from mockpanel.star.vocabulary import Vocabulary, WordList, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Subject = Literal["I", "we", "person", "thing", "none"]
Time = Literal["past", "present", "perfect", "future", "modal", "base"]

# Dependency labels that start a clause of their own when they head a verb.
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "ccomp", "parataxis", "relcl", "csubj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
_FUTURE_MODALS = frozenset({"will", "'ll", "shall", "wo"})
_WE = frozenset({"we", "us", "our", "ourselves"})
_PERSON_PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
        "you",
        "someone",
        "somebody",
        "everyone",
        "everybody",
        "nobody",
        "anyone",
    }
)
_YEAR = range(1950, 2100)
_ORDINALS = frozenset(
    {
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "last",
        "next",
    }
)


@dataclass(slots=True)
class Clause:
    """One clause of an answer: its words, who acts, when, in what mood, and where it sits."""

    index: int
    sentence: int
    start: int  # canonical character offsets
    end: int
    verb: str  # folded lemma of the main verb (with its particle: "sort out")
    subject: Subject
    time: Time
    modal: str = ""
    negated: bool = False
    passive: bool = False
    imperative: bool = False
    conditional: bool = False
    marker: str = ""  # the subordinating word that opens it ("when", "because", "if")
    words: list[str] = field(default_factory=list)  # folded lower-case words and lemmas
    text: str = ""  # folded words, space-padded, for phrase look-ups
    numbers: list[str] = field(default_factory=list)
    durations: int = 0  # how many of the numbers count time ("three weeks", "six months ago")
    years: int = 0
    dep: str = ""  # how the clause hangs on the one it depends on ("relcl", "ccomp", "ROOT")
    verb_pos: str = ""
    has_object: bool = False
    position: float = 0.0  # 0 at the first clause, 1 at the last
    parent: int | None = None  # index of the clause this one depends on

    def has(self, words: WordList) -> bool:
        """Whether any entry of `words` is in this clause."""
        return words.any(self.words, self.text)


def _is_clause_head(token: Token) -> bool:
    if token.dep_ == "ROOT":
        return True
    if token.dep_ not in _CLAUSE_DEPS or token.pos_ not in ("VERB", "AUX"):
        return False
    if token.tag_ in _FINITE_TAGS:
        return True
    return any(c.dep_ in _SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in token.children)


def _subject_of(head: Token, heads: dict[int, Token], vocab: Vocabulary) -> Subject:
    subjects = [c for c in head.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects:
        # "I called them and booked a room": a joined verb shares its subject.
        if head.dep_ in ("conj", "xcomp") and head.head.i != head.i:
            parent = head.head
            while parent.i not in heads and parent.head.i != parent.i:
                parent = parent.head
            return _subject_of(parent, heads, vocab)
        return "none"
    subject = subjects[0]
    if subject.dep_ == "expl":
        return "none"
    group = [subject, *subject.conjuncts]
    texts = {t.text.lower() for t in group}
    if "i" in texts or "me" in texts:
        return "I"
    if texts & _WE:
        return "we"
    if any(t.text.lower() in _PERSON_PRONOUNS or t.pos_ == "PROPN" for t in group):
        return "person"
    if subject.pos_ == "PRON" and subject.text.lower() in ("it", "that", "this", "which", "what"):
        return "thing"
    lemma = fold(subject.lemma_.lower())
    return "person" if lemma in vocab.person_nouns.words else "thing"


def _time_of(head: Token) -> tuple[Time, str, bool, bool]:
    """Tense, modal, passive and imperative of the clause headed by `head`."""
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    passive = any(c.dep_ == "auxpass" for c in auxes)
    for aux in auxes:
        if aux.tag_ == "MD":
            word = aux.text.lower()
            if word in _FUTURE_MODALS:
                return "future", word, passive, False
            return "modal", "would" if word == "'d" else word, passive, False
    # "I'm going to call", "was going to": an intention, not a step taken.
    if (
        head.lemma_ == "go"
        and head.tag_ == "VBG"
        and any(
            c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children) for c in head.children
        )
    ):
        return "future", "going to", passive, False
    if any(a.lemma_ == "have" for a in auxes) and head.tag_ == "VBN":
        past = any(a.tag_ == "VBD" for a in auxes if a.lemma_ == "have")
        return ("past" if past else "perfect"), "", passive, False
    if any(a.tag_ == "VBD" for a in auxes) or head.tag_ == "VBD":
        return "past", "", passive, False
    if head.tag_ == "VBN" and not auxes:
        return "past", "", passive, False
    if any(a.tag_ in ("VBP", "VBZ") for a in auxes) or head.tag_ in ("VBP", "VBZ"):
        return "present", "", passive, False
    if head.tag_ == "VBG" and auxes:
        return "present", "", passive, False
    imperative = head.tag_ == "VB" and head.dep_ == "ROOT" and not auxes
    return "base", "", passive, imperative


def _run_around(tokens: list[Token], head_i: int) -> list[Token]:
    """The unbroken stretch of a clause's own tokens that holds its verb (for quoting)."""
    positions = {t.i for t in tokens}
    first = last = head_i
    while first - 1 in positions:
        first -= 1
    while last + 1 in positions:
        last += 1
    return [t for t in tokens if first <= t.i <= last]


def _running_text(tokens: list[Token]) -> str:
    """The clause's folded words as running text, space-padded, contractions kept whole."""
    pieces = [" "]
    for here, after in zip(tokens, [*tokens[1:], None], strict=True):
        pieces.append(fold(here.lower_))
        adjacent = after is not None and after.i == here.i + 1
        pieces.append(here.whitespace_ if adjacent else " ")
    pieces.append(" ")
    return "".join(pieces)


def read_clauses(doc: Doc, vocab: Vocabulary) -> list[Clause]:
    """Split a parsed canonical transcript into clauses with their features, in order."""
    heads = {t.i: t for t in doc if _is_clause_head(t)}
    owner: dict[int, int] = {}
    for token in doc:
        node = token
        while node.i not in heads and node.head.i != node.i:
            node = node.head
        owner[token.i] = node.i if node.i in heads else token.sent.root.i
        heads.setdefault(owner[token.i], doc[owner[token.i]])
    members: dict[int, list[Token]] = {}
    for token in doc:
        members.setdefault(owner[token.i], []).append(token)
    sentence_of = {}
    for number, sent in enumerate(doc.sents):
        for token in sent:
            sentence_of[token.i] = number
    # Clauses are ordered by their verbs: that is the order in which the story tells them.
    ordered = sorted(members.items(), key=lambda item: item[0])
    clauses: list[Clause] = []
    for index, (head_i, tokens) in enumerate(ordered):
        head = doc[head_i]
        run = _run_around(tokens, head_i)
        time, modal, passive, imperative = _time_of(head)
        particle = [c.text.lower() for c in head.children if c.dep_ == "prt"]
        verb = fold(" ".join([head.lemma_.lower(), *particle]))
        words: list[str] = []
        numbers: list[str] = []
        durations = 0
        years = 0
        marker = ""
        for t in tokens:
            low = "not" if t.lower_ in ("n't", "nt") else fold(t.lower_)
            words.append(low)
            lemma = fold(t.lemma_.lower())
            if lemma != low:
                words.append(lemma)
            if t.dep_ == "mark" and t.head.i == head_i and not marker:
                marker = low
            ordinal = t.lower_ in _ORDINALS or t.lower_[-2:] in ("st", "nd", "rd", "th")
            if (t.like_num or any(ch.isdigit() for ch in t.text)) and not ordinal:
                digits = "".join(ch for ch in t.text if ch.isdigit())
                if len(digits) == 4 and int(digits) in _YEAR and "%" not in t.text:
                    years += 1
                else:
                    after = doc[t.i + 1].lemma_.lower() if t.i + 1 < len(doc) else ""
                    numbers.append(t.text + ("%" if after in ("%", "percent") else ""))
                    durations += after in vocab.duration_words.words
        negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in head.children)
        clauses.append(
            Clause(
                index=index,
                sentence=sentence_of[head_i],
                start=run[0].idx,
                end=run[-1].idx + len(run[-1].text),
                verb=verb,
                subject=_subject_of(head, heads, vocab),
                time=time,
                modal=modal,
                negated=negated,
                passive=passive,
                imperative=imperative,
                conditional=marker in ("if", "unless"),
                marker=marker,
                words=words,
                text=_running_text(tokens),
                numbers=numbers,
                durations=durations,
                years=years,
                dep=head.dep_,
                verb_pos=head.pos_,
                has_object=any(
                    c.dep_ in ("dobj", "dative", "attr", "pobj", "oprd") for c in head.children
                ),
            )
        )
    index_of = {head_i: i for i, (head_i, _) in enumerate(ordered)}
    for clause, (head_i, _) in zip(clauses, ordered, strict=True):
        node = doc[head_i]
        if node.head.i != node.i:
            clause.parent = index_of.get(owner[node.head.i])
    count = max(1, len(clauses) - 1)
    for clause in clauses:
        clause.position = clause.index / count
    return clauses
