"""Measurable features of each sentence: who acts, in which tense and frame, what changed.

Everything here is structural (pronouns, verb forms, anchors, frames), not tied to any role or
industry, so it holds for answers the analyzer has never seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mockpanel.star import lexicon as lx
from mockpanel.star.anchors import says_when, says_where
from mockpanel.star.metrics import measures
from mockpanel.star.patterns import TOKEN, GatedPatterns, Phrases, word_pattern
from mockpanel.star.segment import Sentence

# Every reflection phrase needs one of these words: sentences without any skip the pattern.
_REFLECTION_WORDS = frozenset(
    """
    learned learnt learn lesson lessons taught teaches showed shown realise realize realised
    realized looking hindsight retrospect next again differently should i'd i've have takeaway
    take-away took forward now since days reminded learning stuck changed came thing made
    learnings take taken started began
    """.split()
)
# The speaker's role in the story: "I was the room leader", "as his named nurse".
_ROLE = word_pattern(
    r"\b(?:i was|i'm|i am|as)\s+(?:the|a|an|his|her|their|its|our|my)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:manager|lead|leader|supervisor|nurse|coordinator|officer|engineer|head|owner|adviser|"
    r"advisor|teacher|tutor|driver|chef|consultant|analyst|architect|producer|editor|pharmacist|"
    r"conductor|keyworker|mentor|planner|accountant|controller|captain|senior|on-call|in charge)\b"
)
# Ownership at the head of a sentence: "My ticket, so I bisected the builds".
_MINE_SO = re.compile(r"^[\s\W]*my\s+(?:own\s+)?[\w-]+(?:\s+[\w-]+)?\s*[,-]?\s+so\b")
_ROLE_WORDS = frozenset(
    """
    manager lead leader supervisor nurse coordinator officer engineer head owner adviser advisor
    teacher tutor driver chef consultant analyst architect producer editor pharmacist conductor
    keyworker mentor planner accountant controller captain senior on-call charge
    """.split()
)
_EXISTENTIAL = word_pattern(
    r"\bthere\s+(?:was|were|had been|'d been|came a)\b|\b(?:we|i)\s+had\s+this\b"
    # "I had a patient who was deaf": someone introduced into the story.
    r"|\b(?:we|i)\s+had\s+(?:a|an|one|this)\s+(?:[\w-]+\s+){0,2}?(?:who|whose|that|which)\b"
)

# Frames stating the speaker's responsibility or goal, as (gate, pattern): each pattern is
# tried only when the sentence holds one of its gate words.
_TASK_FRAMES = GatedPatterns(
    (gate, word_pattern(pattern))
    for gate, pattern in (
        (
            "my mine",
            r"\bmy\s+(?:[\w-]+\s+){0,2}?(?:job|responsibility|task|goal|aim|brief|part|remit|"
            r"objective|role|target|mission|challenge|priority|focus|duty|assignment|plan)\s+"
            r"(?:was|is|became|:|-)"
            r"|\b(?:was|were|is|are|became)\s+(?:\w+\s+)?my\s+(?:job|responsibility|task|role|"
            r"duty|call|problem|remit|area|patch|account|decision|project|goal|aim)\b"
            # Ownership of the thing at stake: "the case was mine", "they were my samples to
            # process".
            r"|\b(?:was|were|is|are)\s+(?:all\s+)?mine\b"
            r"|\b(?:was|were)\s+my\s+(?:own\s+)?[\w-]+\s+to\s+(?!the\b|a\b|an\b|my\b)[a-z]+"
            r"|\bmy\s+(?:\w+\s+)?(?:job|responsibility|task|duty|remit)\s+to\b"
            r"|\bmy\s+(?:own\s+)?(?:change|check|account|mistake|responsibility|call|decision|"
            r"patient|patients|team|shift|project|store|site|client|area|bay|class)\b"
            r"(?=[^.]{0,40}\bso\b)"
            # Ownership told in passing: "My ticket, so I bisected...", "it was my show, so...".
            r"|\b(?:it's|it\s+is|it\s+was|this\s+was|that\s+was|is|was)\s+my\s+(?:own\s+)?"
            r"[\w-]+(?:\s+[\w-]+)?\s*[,-]?\s+so\b"
            r"|\bon my (?:desk|plate|lap)\b",
        ),
        (
            "me myself",
            r"\bit\s+(?:was|fell|came|landed)\s+(?:\w+\s+)?(?:on|to|down to|up to)\s+me\b"
            # Whatever the subject: "filling the slot was on me", "that was down to me".
            r"|\b(?:was|were|is|fell|landed|came)\s+(?:all\s+|squarely\s+|firmly\s+|really\s+|"
            r"basically\s+)?(?:on|down to|up to)\s+me\b(?!\s+(?:to\s+(?:say|tell|decide)|about))"
            r"|\b(?:fell|came|landed|ended up)\s+(?:with\s+|on\s+|to\s+)me\b"
            r"|\bi\s+(?:set|gave)\s+myself\b|\bso\s+it\s+was\s+(?:on|up to|down to)\s+me\b"
            r"|\b(?:asked|ask|asks|told|tell|tells|wanted|want|wants|needed|need|needs|expected|"
            r"expect|got|get|say|says|said)\s+me\s+(?:to|i must|i have to|i had to|i need to|"
            r"i needed to)\b"
            r"|\b(?:gave|give|gives|handed|hand|hands|passed|pass|passes|assigned|assign|assigns|"
            r"left)\s+me\s+(?:the|a|an|this|that|full)\s+(?:\w+\s+)?(?:responsibility|job|task|"
            r"role|project|call|case|problem|account|brief|lead|ownership|work|mission)\b"
            r"|\bpassed\s+(?:it\s+)?(?:on\s+)?to\s+me\b|\bpassed me\b"
            # "That kind of thing lands with me", "it sat with me".
            r"|\b(?:lands|landed|falls|fell|comes|came|sits|sat|rests|rested)\s+(?:\w+\s+)?"
            r"(?:with|on|to)\s+me\b",
        ),
        (
            "i me",
            # ("I want to be like him" is an aspiration, not a task.)
            r"\b(?:i|me)\s+(?:\w+\s+)?(?:had|needed|wanted|have|need|"
            r"want(?!\s+to\s+(?:be|become)\b)|got|was supposed|"
            r"was meant|was expected|was asked|was tasked|was told|was given|was brought in|"
            r"was hired|volunteered|offered|decided|set out|aimed|promised|committed|chose|agreed|"
            r"planned|was determined|was trying|tried hard|took it upon myself|was the one)\s+to\b"
            r"|\bi\s+(?:\w+\s+)?(?:needed|wanted)\s+(?!to\b)"
            r"|\bi\s+(?:want|need)\s+(?:him|her|them|it|the|my|our|every|everyone|all)\s+"
            r"(?:\w+\s+)?to\b"
            r"|\bi\s+(?:was|am|felt)\s+(?:\w+\s+)?(?:responsible|accountable|in charge|"
            r"on the hook|leading|running|managing|covering|coordinating|owning|tasked|charged)\b"
            r"|\bi\s+owned\b|\bi\s+took\s+(?:it|this|that)\s+on\b(?! board)"
            r"|\bi\s+was\s+(?:the\s+)?(?:[\w-]+\s+)?owner\b|\bi\s+should\s+be\s+the\s+one\b"
            r"|\b(?:i|me)\s+(?:was|were)\s+(?:asked|told|tasked|expected|given|brought in|hired)\b"
            r"|\bi\s+(?:\w+\s+)?(?:offered|volunteered|stepped in|stepped up|took over|"
            r"took charge|took the lead|took responsibility|took ownership|jumped in|"
            r"put my hand up|put myself forward|took it on|picked it up|offer|volunteer|step in|"
            r"take over|take charge)\b"
            r"|\b(?:i|me)\s+(?:said|say|told|tell|promised|promise)\b[^.]{0,40}?\b(?:i|i'd|i'll)\s+"
            r"(?:would|will|'d|'ll|take|do|handle|cover|sort|look)\b"
            r"|\b(?:i|me)\s+(?:have|has|had|need|needed)\s+(?:\w+\s+)?to\b"
            # A charge that makes the problem the speaker's: "I managed that block, so...".
            r"|\bi\s+(?:managed|ran|led|owned|oversaw|looked after|covered|handled|supervised)\s+"
            r"(?:that|the|this|our|his|her|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*,?\s+so\b",
        ),
        (
            "goal aim objective target brief mission challenge deadline task only duty lead "
            "senior most on-call nearest responsible",
            # A role that makes the problem the speaker's: "as the only nurse on", "I was the duty
            # manager"; a goal stated outright: "the target was under 5%".
            r"\b(?:as|i was|i'm|i am)\s+the\s+(?:only|duty|lead|senior|most senior|on-call|"
            r"nearest|responsible)\b"
            r"|\b(?:the|our|a|my)\s+(?:\w+\s+)?(?:goal|aim|objective|target|brief|mission|"
            r"challenge|deadline|task)\s+(?:was|of|:)"
            r"|\bwith\s+the\s+(?:aim|goal|objective|target)\s+of\b",
        ),
    )
)

# The goal-setting subset of task frames: such a sentence states an aim, never an outcome.
_GOAL = word_pattern(
    r"\b(?:responsible|accountable|in charge|had to|have to|needed to|need to|wanted to|"
    r"was expected to|was asked to|my (?:\w+ )?(?:job|goal|task|role|aim|responsibility|target|"
    r"brief|remit|objective)|it was (?:\w+ )?(?:on|up to|down to) me|the (?:goal|aim|target|"
    r"objective|brief) was|my (?:\w+ )?(?:call|decision|problem|remit))\b"
)
_HABITUAL = Phrases(lx.HABITUAL_PHRASES)
# Talk about oneself rather than an event, as (gate, pattern) pairs.
_SELF_DESCRIPTIONS = GatedPatterns(
    (gate, word_pattern(pattern))
    for gate, pattern in (
        (
            "i'm am",
            r"\bi(?:'m| am)\s+(?:\w+ly\s+)?(?:a|an|the|very|really|pretty|quite|extremely|always|"
            r"naturally|someone|so|such|known|the kind|the type|somebody|good|great|strong|"
            r"confident|passionate|excited|easy-going|calm|organised|organized|competitive|"
            r"resilient|hard-working|hardworking|not|just|more|usually|generally)\b",
        ),
        (
            "strength strengths weakness say me believe think always never been",
            r"\bmy (?:biggest |greatest |main |key )?(?:strength|strengths|weakness)\b"
            r"|\bi'd say\b|\bfor me,|\bi believe\b"
            r"|\bi think (?:the|it's|good|that's|a good|being)\b"
            r"|\bi(?:'ve| have) (?:always|never|been)\b",
        ),
        (
            "love enjoy thrive adore hate like pride consider see describe get",
            r"\bi\s+(?:\w+ly\s+)?(?:love|enjoy|thrive|adore|hate|like to|pride myself|"
            r"consider myself|see myself|describe myself|get a buzz|get a kick)\b",
        ),
        (
            "that's kind type sort",
            r"\bthat's (?:why|what|how|just) (?:i|makes me)\b|\bthat's the job\b"
            r"|\b(?:it's|that's|this is) the (?:kind|type|sort) of\b",
        ),
    )
)
# Scene-setting: an activity under way when something happened ("I was halfway through...").
_SCENE = word_pattern(
    r"\b(?:i|we)\s+(?:was|were)\s+(?:\w+\s+)?(?:\w+ing|halfway|midway|in the middle|about to|"
    r"on (?:a|the|my|our|duty|shift|call|site|nights|leave))\b"
    r"|\b(?:suddenly|overnight|out of nowhere|without warning|at short notice|last minute|"
    r"last-minute|unexpectedly|all of a sudden)\b"
)
_GENERIC_YOU = word_pattern(
    r"\byou\s+(?:have to|need to|can't|cannot|just|always|should|must|'ve got to|got to|want to|"
    r"can|could|might|tend to|never)\b|\bdon't you\b|\bisn't it\b|\bright\?"
)
_HYPOTHETICAL = Phrases(
    [p for p in lx.HYPOTHETICAL_PHRASES if not p.startswith(("if ", "i ", "i'", "we"))]
)
_CONDITIONAL = word_pattern(
    r"\bif\s+(?:i|we|you|a|an|the|someone|somebody|there|it|that|this|they|he|she|my|our|"
    r"something|anyone|a\s+\w+)\b"
)
_REFUSAL = Phrases(lx.REFUSAL_PHRASES)
_REFLECTION = Phrases(
    [
        p
        for p in lx.REFLECTION_PHRASES
        if p
        not in {
            "lesson",
            "lessons",
            "i realised",
            "i realized",
            "i understood",
            "i still",
            "should have",
            "i make sure",
            "showed me",
            "shown me",
            "reminded me",
            "i take from",
            "what i take",
        }
    ]
)
_REFLECTION_MORE = word_pattern(
    r"\blessons?\s+(?:for me|i|was|here|learned|learnt|is|from|i've)\b"
    r"|\b(?:biggest|bigger|key|main|big|real|important|valuable|hard|first|clear|simple|"
    r"lasting|one|the|a)\s+lessons?\b(?!\s+(?:plan|plans|time|with|on|in|for the|of the day|"
    r"objective|starter))"
    r"|\b(?:afterwards|later|since|then|eventually)[, ]+(?:i\s+)?(?:realised|realized)\b"
    # "...before I realised I'd used the old schedule" tells the story on, not a lesson.
    r"|\bi(?<!before i)(?<!until i)(?<!till i)(?<!when i)(?<!once i)\s+(?:\w+\s+)?"
    r"(?:realised|realized)"
    r"\s+(?:afterwards|later|then|that i|how|i)\b"
    r"|\b(?:it|this|that)\s+(?:showed|taught|reminded|made)\s+me\b"
    r"|\bi(?:'ve| have) (?:since|now)\b|\bi(?:'ve| have) (?:done|used|applied|kept) (?:this|that|"
    r"it) (?:on|ever|since|with)\b"
    r"|\b(?:we|i) should have\b|\bi came to (?:realise|realize|see|understand)\b"
    # The lesson as a noun: "my main learning was", "the big learning for me".
    r"|\b(?:my|the|a|one|biggest|bigger|big|key|main|real|important|valuable|first|other)\s+"
    r"(?:[\w-]+\s+)?learnings?\s+(?:was|is|were|for me|here|from|i|point|points|has been)\b"
    r"|\blearning\s+points?\b"
    # What the speaker drew from it: "the other thing I took from it", "I've taken away".
    r"|\bi(?:'ve| have)?\s+(?:\w+\s+)?(?:took|take|taken)\s+(?:away\s+)?from\s+(?:it|this|that|"
    r"the experience|the whole thing|all this|all that)\b|\bi(?:'ve| have)\s+taken\s+away\b"
    # Told in the present by non-native speakers: "I learn that I must ask for help earlier".
    r"|\bi\s+learn\s+(?:that|to|how|from)\b"
    # A change of practice from then on: "I started qualifying roles harder the next quarter".
    r"|\bi\s+(?:\w+\s+)?(?:started|began)\s+[a-z]+ing\b[^.;]{0,60}?\b(?:the next|the following|"
    r"from then on|ever since|since then|after that|afterwards|going forward)\b"
)
# "Now I put proofing in the plan": a change of practice, told in the present.
_NOW_I = re.compile(
    r"(?:^|[.;:,-]\s*|\band\s+)now,?\s+i\s+(?:always\s+|never\s+|also\s+)?(?!was\b|had\b|"
    r"knew\b|could\b|realised\b|realized\b|thought\b|felt\b|saw\b|went\b|got\b)[a-z]+"
)
_MORE_GATE = frozenset(
    "lesson lessons realised realized showed taught reminded made i've have should came now "
    "learning learnings took take taken learn started began".split()
)
_HEDGE = Phrases(lx.HEDGES)
_SINGULAR = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"})
_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll"})
SUBJECT_I = frozenset({"i", "i'd", "i've", "i'm", "i'll"})
_SUBJECT_WE = frozenset({"we", "we'd", "we've", "we're", "we'll"})
_PERSONAL = _SINGULAR | _PLURAL
_OTHER_SUBJECTS = frozenset("he she they it we you who which that there".split())
_OTHER_PEOPLE = frozenset("he she they we".split())
_EMBEDDING_WORDS = frozenset(
    """
    what that which how where because if when until while as before after whether whatever
    unless though although says said say told tells think thought knew know felt feel
    proposed suggested recommended asked agreed decided insisted argued
    """.split()
)
_VAGUE_OBJECTS = frozenset(
    "it things everything that this them on hard with around out where wherever as what".split()
)
_CONDITIONAL_OPENERS = frozenset({"if", "unless", "whenever", "suppose", "supposing"})
# "When I joined...", "while I was...": the clause sets the scene rather than reporting an action.
_SCENE_OPENERS = frozenset({"when", "while", "whilst", "as", "since", "until", "before"})
_COORDINATORS = frozenset({",", "and", "then", "also", ";", "so", "before", "after"})
_BE_BEFORE_ADJECTIVE = frozenset(
    {
        "am",
        "i'm",
        "is",
        "are",
        "be",
        "been",
        "being",
        "very",
        "really",
        "so",
        "quite",
        "more",
        "most",
        "get",
        "got",
        "feel",
        "felt",
        "was",
        "were",
        "too",
        "pretty",
        "extremely",
        "not",
        "never",
        "less",
        "fully",
        "well",
        "highly",
        "it's",
        "we're",
        "they're",
        "you're",
    }
)
_VERB_PREFIXES = frozenset(
    "re co pre double cross mis over under out up back fast spot soft".split()
)
_PRESENT_BE = frozenset({"am", "i'm", "is", "are", "we're", "they're", "it's", "be", "being"})
# Words after which "we" starts a clause of its own (not "the plan we agreed").
_CLAUSE_OPENERS = frozenset(
    """
    and but so then also or yet because since once when while after before until as if though
    although first finally eventually instead later soon together basically
    """.split()
)
_OBJECT_STARTS = frozenset(
    "the a an my our his her their it them up out in down back two three four every all "
    "some".split()
)
_PERFECT_AUX = frozenset({"have", "has", "i've", "we've", "you've", "they've"})
_DETERMINERS = frozenset(
    "the a an my our your his her their its this that these those every each some any no".split()
)
_SUBJECTS = frozenset("i we he she they it who you".split())
_AMBIGUOUS_PAST = frozenset({"put", "set", "cut", "hit", "let", "read", "quit", "shut", "spread"})


@dataclass(slots=True)
class SentenceFeatures:
    """What one sentence shows. Counts are small integers; flags are structural cues."""

    sentence: Sentence
    words: int = 0
    singular: int = 0
    plural: int = 0
    i_past_actions: float = 0.0
    i_present_actions: float = 0.0
    i_vague_actions: int = 0
    bare_actions: float = 0.0
    we_actions: int = 0
    modal: int = 0
    perfect: int = 0
    past: bool = False
    habitual: bool = False
    routine: bool = False
    self_description: bool = False
    generic_you: bool = False
    hypothetical_frame: bool = False
    conditional: bool = False
    # When and where: worked out on first use, since most sentences are never asked.
    known_time: bool | None = None
    known_place: bool | None = None
    existential: bool = False
    problem: int = 0
    caused_problem: bool = False
    role: bool = False
    task_frame: bool = False
    outcome: float | None = None
    outcome_cued: bool = False
    confirmed: bool = False
    outcome_clauses: int = 0
    pending: bool = False
    obligation: bool = False
    unrealised: bool = False
    goal: bool = False
    scene: bool = False
    vague_outcome: bool = False
    tokens: list[str] = field(default_factory=list)
    i_verbs: list[int] = field(default_factory=list)
    vocab: set[str] = field(default_factory=set)
    you: bool = False
    reflection: bool = False
    refusal: bool = False
    ownership: bool = False
    specifics: int = 0
    hedges: int = 0
    metrics: list[str] = field(default_factory=list)

    @property
    def time_anchor(self) -> bool:
        """Whether the sentence says when: a date, a season, "two years ago", "one night"."""
        if self.known_time is None:
            self.known_time = says_when(self.sentence.norm, self.vocab)
        return self.known_time

    @property
    def place_anchor(self) -> bool:
        """Whether the sentence says where: a workplace, a project, the speaker's post."""
        if self.known_place is None:
            sentence = self.sentence
            self.known_place = says_where(sentence.text, sentence.norm, self.vocab, self.tokens)
        return self.known_place

    @property
    def i_actions(self) -> float:
        """Personal actions in either tense."""
        return self.i_past_actions + self.i_present_actions

    @property
    def imagined(self) -> bool:
        """Told as what the speaker would do rather than what they did."""
        if self.reflection:
            return False
        if self.i_past_actions:
            return False
        if self.modal:
            return True
        return self.hypothetical_frame and not self.past

    @property
    def general(self) -> bool:
        """A habit, a belief or a self-description rather than an event."""
        # "It kept tripping every few days" describes a past problem, not a habit of the speaker.
        habit = self.routine or (
            self.habitual and not self.past and bool(self.singular or self.plural or self.you)
        )
        if not (habit or self.self_description or self.generic_you or self.refusal):
            return False
        # Told of a particular past occasion, it is part of the story after all.
        return not (self.past and (self.i_past_actions or self.existential or self.time_anchor))

    @property
    def narrative(self) -> bool:
        """Part of a particular past event."""
        if self.imagined or self.general:
            return False
        return self.past or self.existential


def _is_past(token: str, previous: str, before: str = "") -> bool:
    """Whether `token` is a past-tense verb form (regular or irregular)."""
    if previous in _PERFECT_AUX:
        return False  # "I've learned": the present perfect tells no particular past event
    if previous in _DETERMINERS:
        return False  # "the fixed dates", "a shared calendar": a participle used as adjective
    if token in lx.IRREGULAR_PAST and token not in _AMBIGUOUS_PAST:
        return previous not in _PRESENT_BE and before not in _PRESENT_BE
    if "-" in token and token.split("-", 1)[0] not in _VERB_PREFIXES:
        return False  # "risk-based", "data-driven": compound adjectives
    return (
        len(token) > 3
        and token.endswith("ed")
        and token not in lx.ED_ADJECTIVES
        and previous not in _BE_BEFORE_ADJECTIVE
        and before not in _PRESENT_BE
    )


# Words that follow "'d" only when it stands for "had": "we'd no more trips", "I'd a call".
_HAD_BEFORE = frozenset({"no", "a", "an", "the", "some", "nothing", "to", "two", "three"})
_ALSO = frozenset({"also", "then", "already", "just", "now", "since", "personally", "first"})
# Perfect forms that tell a state or a lesson rather than a step: "I have learned", "I've been".
_NOT_STEPS = frozenset(
    "been had learned learnt realised realized understood seen noticed felt thought known "
    "always never got".split()
)


def _scan_subjects(features: SentenceFeatures, tokens: list[str]) -> None:
    """Find "I"/"we" clauses and classify the verb that follows each."""
    first_action = -1
    # Where "I" first opens a clause with a verb that is no action ("I had the electrician
    # split them ... and staggered the charging"): steps chained after it are still the
    # speaker's own.
    first_said = -1
    pronouns = [(at, t) for at, t in enumerate(tokens) if t in _PERSONAL]
    for position, token in pronouns:
        if token in _SINGULAR:
            features.singular += 1
        else:
            features.plural += 1
        if token not in SUBJECT_I and token not in _SUBJECT_WE:
            continue
        mine = token in SUBJECT_I
        if position and tokens[position - 1] in _CONDITIONAL_OPENERS:
            continue  # "if I disagreed...": a condition, not something done
        if position and tokens[position - 1] in _SCENE_OPENERS:
            features.scene = True
            continue
        acted = first_action >= 0 or features.i_present_actions > 0 or features.we_actions > 0
        # "...what we'd forecast", "said I'll": reported or relative, not imagined.
        embedded = position > 0 and tokens[position - 1] in _EMBEDDING_WORDS
        if token.endswith("'ll"):
            if not acted and not embedded:  # after "I told him", "I'll" is reported speech
                features.modal += 1
            continue
        if token.endswith("'m") or token.endswith("'re"):
            continue
        cursor = position + 1
        habitual = False
        while (
            cursor < len(tokens) and tokens[cursor] in lx.ADVERBS_BETWEEN and cursor < position + 4
        ):
            cursor += 1
        while cursor < len(tokens) and tokens[cursor] in lx.HABITUAL_ADVERBS:
            habitual = True
            cursor += 1
        if cursor >= len(tokens):
            continue
        verb = tokens[cursor]
        if len(verb) < 2 or verb in {",", ";", ":"}:
            continue
        if token.endswith("'ve"):
            features.perfect += 1
            continue
        if token.endswith("'d"):
            if (
                verb in lx.PARTICIPLES
                or verb in lx.IRREGULAR_PAST
                or verb.endswith("ed")
                or verb in _HAD_BEFORE
            ):
                features.past = True  # "I'd tested", "we'd no more trips": had, not would
            elif not acted and not embedded:
                features.modal += 1
            continue
        if verb in ("have", "has") and cursor + 1 < len(tokens):
            # "I have written a fixture": a step told in the present perfect, as many speakers
            # of other languages tell a story.
            done = tokens[cursor + 1]
            if done in _ALSO and cursor + 2 < len(tokens):
                done = tokens[cursor + 2]
            if done not in _NOT_STEPS and (
                done in lx.PARTICIPLES or done in lx.IRREGULAR_PAST or done.endswith("ed")
            ):
                features.perfect += 1
                if mine:
                    features.i_past_actions += 1.0
                    features.i_verbs.append(cursor + 1)
                    if first_action < 0:
                        first_action = cursor + 1
                else:
                    features.we_actions += 1
                continue
        if verb in lx.OBLIGATION_VERBS:
            features.obligation = mine
            continue
        if verb in lx.MODAL_VERBS:
            # "...disagreed about whether I should interpret": reported, not imagined.
            if verb not in ("could", "can") and not acted and not embedded:
                features.modal += 1
            continue
        if verb in lx.NEGATIONS or verb in lx.STATE_VERBS:
            if mine and first_said < 0:
                first_said = cursor
            continue
        past = _is_past(verb, token)
        if not mine:
            # "what we buy", "the owner says we save", "the breaks we used": a clause hung on
            # another word, not something the group did here.
            previous = tokens[position - 1] if position else ""
            if previous not in _EMBEDDING_WORDS and (
                not previous or previous in _CLAUSE_OPENERS or not previous[0].isalpha()
            ):
                features.we_actions += 1
            continue
        weight = _verb_weight(tokens, cursor)
        if verb in lx.VAGUE_VERBS:
            features.i_vague_actions += 1
        if habitual:
            features.routine = True
        if past or verb in _AMBIGUOUS_PAST:
            features.i_past_actions += weight
        else:
            features.i_present_actions += weight
        features.i_verbs.append(cursor)
        if first_action < 0:
            first_action = cursor
    chain_from = first_action if first_action >= 0 else first_said
    if chain_from >= 0:
        # Verbs chained to the same "I": "I stopped the dig, got a survey and redrew the plan".
        extra = 0
        for position in range(chain_from + 1, len(tokens)):
            token = tokens[position]
            if first_action < 0 and token in _OTHER_SUBJECTS:
                break  # "I learned from watching how she kept calm and gave...": hers
            if token in _OTHER_PEOPLE and _opens_clause(tokens, position):
                break  # "I proposed it, and in six months we made 47 calls and...": theirs
            if tokens[position - 1] in _COORDINATORS and token not in lx.STATE_VERBS:
                after = tokens[position + 1] if position + 1 < len(tokens) else ""
                ambiguous = token in _AMBIGUOUS_PAST and after in _OBJECT_STARTS
                if (_is_past(token, "") or ambiguous) and token not in lx.DISCOVERY_VERBS:
                    extra += 1
                    features.i_verbs.append(position)
        features.i_past_actions += 0.75 * min(extra, 4)
    elif (
        tokens
        and tokens[0] not in lx.STATE_VERBS
        and (
            _is_past(tokens[0], "")
            # "Cut two dishes, moved the grill cook": put/set/cut before their object.
            or (tokens[0] in _AMBIGUOUS_PAST and tokens[1:2] and tokens[1] in _OBJECT_STARTS)
        )
    ):
        # A clause with no subject, as in bullets: "listed all requests, scored them, ...".
        count = _verb_weight(tokens, 0)
        for position in range(1, len(tokens)):
            if tokens[position - 1] in _COORDINATORS and _is_past(tokens[position], ""):
                count += _verb_weight(tokens, position)
        features.bare_actions = count


def _opens_clause(tokens: list[str], position: int) -> bool:
    """Whether the pronoun at `position` starts a new main clause ("..., and then we made")
    rather than a subordinate one ("so she wouldn't need", "because they")."""
    for back in range(position - 1, max(-1, position - 6), -1):
        token = tokens[back]
        if token in _SUBORDINATORS:
            return False
        if token in _MAIN_JOINERS:
            return True
    return False


_SUBORDINATORS = frozenset(
    """
    so because that if when while as since until who which where although though unless before
    after whether what how why whom whose
    """.split()
)
_MAIN_JOINERS = frozenset({"and", "but", "then", ",", ";", "or", "yet"})


def _verb_weight(tokens: list[str], position: int) -> float:
    """How much the verb at `position` says about what was done."""
    verb = tokens[position]
    if verb in lx.VAGUE_VERBS:
        # A light verb: "I did the planning" is a thin action; "I sorted it out" hardly one.
        after = tokens[position + 1] if position + 1 < len(tokens) else ""
        return 0.5 if after in _VAGUE_OBJECTS else 0.75
    if verb in lx.DISCOVERY_VERBS or verb == "spent":
        return 0.5
    after = tokens[position + 1] if position + 1 < len(tokens) else ""
    if verb in _POSTURE_VERBS and after in _LOOKING_ON:
        return 0.25  # "I sat in while my senior told him": there, but not acting
    if verb in _TURN_VERBS and _ROUND.intersection(tokens[position + 1 : position + 5]):
        return 0.5  # "I turned that farm round": a claim of success, not a step
    return 1.0


_POSTURE_VERBS = frozenset("sat sit stood stand looked look".split())
_LOOKING_ON = frozenset("in there by on back through quietly while and".split())
_TURN_VERBS = frozenset("turned turn".split())
_ROUND = frozenset({"round", "around"})


def sentence_features(sentence: Sentence) -> SentenceFeatures:
    """Extract every structural cue of one sentence."""
    norm = sentence.norm
    features = SentenceFeatures(sentence=sentence)
    tokens = TOKEN.findall(norm)
    features.words = len(tokens) - tokens.count(",") - tokens.count(";") - tokens.count(":")
    _scan_subjects(features, tokens)
    if not features.past:
        # "I review what went wrong": a past verb inside a clause hung on a present one.
        embedded_only = features.i_present_actions > 0 and not features.i_past_actions
        for at, token in enumerate(tokens):
            if token[-2:] != "ed" and token not in lx.IRREGULAR_PAST:
                continue
            previous = tokens[at - 1] if at else ""
            before = tokens[at - 2] if at > 1 else ""
            if token.startswith("un") and previous not in _SUBJECTS:
                continue  # "files sat untouched", "an unexpected call": adjectives
            if _is_past(token, previous, before) and not (embedded_only and previous in _WH_WORDS):
                features.past = True
                break
    vocab = set(tokens)
    features.tokens = tokens
    features.vocab = vocab
    features.habitual = features.habitual or _HABITUAL.search(norm, vocab)
    features.self_description = _SELF_DESCRIPTIONS.search(norm, vocab)
    features.you = not _YOU_FORMS.isdisjoint(vocab)
    features.generic_you = not _YOU_WORDS.isdisjoint(vocab) and bool(_GENERIC_YOU.search(norm))
    features.conditional = "if" in vocab and _conditional(norm)
    features.hypothetical_frame = features.conditional or _HYPOTHETICAL.search(norm, vocab)
    capitalised = sentence.text[1:] != norm[1:]  # cheap: any capital letter after the first
    features.existential = (
        not _EXISTENTIAL_GATE.isdisjoint(vocab) and bool(_EXISTENTIAL.search(norm))
    ) or ("one" in vocab and _ONE_INTRO.match(norm) is not None)
    problems = [i for i, t in enumerate(tokens) if t in _PROBLEM_SET]
    features.problem = len(problems)
    # "I closed the day too early, so the reports were wrong", "Fitted a combi, didn't check the
    # pressure": the speaker caused the problem.
    features.caused_problem = bool(
        problems
        and (
            (features.i_verbs and features.i_verbs[0] < problems[0])
            or (features.bare_actions and problems[0] > 0)
        )
    )
    features.task_frame = (
        features.obligation
        or _TASK_FRAMES.search(norm, vocab)
        or ("my" in vocab and "so" in vocab and _MINE_SO.match(norm) is not None)
    )
    features.role = not _ROLE_WORDS.isdisjoint(vocab) and _ROLE.search(norm) is not None
    features.goal = features.task_frame and (features.obligation or bool(_GOAL.search(norm)))
    features.scene = features.scene or (
        not _SCENE_WORDS.isdisjoint(vocab) and bool(_SCENE.search(norm))
    )
    features.reflection = not _REFLECTION_WORDS.isdisjoint(vocab) and _reflects(
        norm, vocab, features.hypothetical_frame, len(features.i_verbs)
    )
    features.refusal = _REFUSAL.search(norm, vocab)
    features.unrealised = not _UNREALISED_WORDS.isdisjoint(vocab) and bool(_UNREALISED.search(norm))
    features.ownership = "myself" in tokens or "personally" in tokens
    features.hedges = _HEDGE.count(norm, vocab)
    features.metrics = measures(norm, vocab)
    features.specifics = len(features.metrics) + (
        sum(1 for _ in _CAPITALISED.finditer(sentence.text, 1)) if capitalised else 0
    )
    return features


_PROBLEM_SET = frozenset(lx.PROBLEM_WORDS)
_YOU_FORMS = frozenset({"you", "you're", "you've", "you'll", "you'd"})
_EXISTENTIAL_GATE = frozenset({"there", "had"})
# "One lady came back...", "One of my drivers rang in sick": someone particular opens the story.
_ONE_INTRO = re.compile(
    r"^[\s\W]*(?:(?:so|well|yeah|okay|ok|right|and|then)\b[\s,]*)*one\s+(?:of\s+(?:the|my|our|his|"
    r"her|their)\s+(?!(?:things|ways|reasons|lessons|biggest|most|best|main|key|hardest|first|"
    r"few|many)\b))?(?!(?:thing|things|way|ways|time|more|question|reason|idea|lesson|option|"
    r"approach|example|area|skill|must|should|can|could|would|might|needs?|has|is|of|or|and|"
    r"to|in|at|on|by|for)\b)[a-z][\w-]*"
)
_WH_WORDS = frozenset("what how which who where why whatever".split())
_COUNTERFACTUAL = frozenset({"i'd have", "i would have"})
_LEARNED = frozenset({"i learned", "i learnt"})
# What happened before the speaker did anything: "...was transferred before I got round to it".
_UNREALISED = word_pattern(
    r"\b(?:before|never|didn't|did not|hadn't|had not)\s+(?:i|we)?\s*(?:got|get|had|found)\s+"
    r"(?:round|around|a chance|the chance|the time|time)\b"
    r"|\bbefore\s+(?:i|we)\s+(?:could|was able to|were able to)\b"
)
_UNREALISED_WORDS = frozenset("before never didn't hadn't not".split())
_CHANGED_HOW = frozenset({"changed how i", "changed the way i"})
_I_CHANGED = re.compile(r"\bi\s+(?:\w+\s+)?changed\s+(?:how|the way)\s+i\b")
_SKILL = re.compile(r"\bi (?:learned|learnt) (?:how to|to use|to work)\b")


def _reflects(norm: str, vocab: set[str], imagined_frame: bool, steps: int = 0) -> bool:
    """Whether `norm` states a lesson; "in that situation I'd have..." imagines, not reflects.

    Among several steps, "I learned how to use Zoom" is one more step, not a lesson.
    """
    for found in _REFLECTION.matches(norm, vocab):
        if imagined_frame and found in _COUNTERFACTUAL:
            continue
        if steps >= 2 and found in _LEARNED and _SKILL.search(norm):
            continue
        if found in _CHANGED_HOW and _I_CHANGED.search(norm):
            continue  # "I changed the way I did things": a step taken, not a lesson
        return True
    if "now" in vocab and _NOW_I.search(norm) is not None:
        return True
    return not _MORE_GATE.isdisjoint(vocab) and _REFLECTION_MORE.search(norm) is not None


# "I asked if she was okay": "if" introduces a question, not a condition.
_ASKING = frozenset(
    "ask asked asks asking check checked checking see saw wonder wondered know knew "
    "whether tell told find".split()
)


def _conditional(norm: str) -> bool:
    """Whether `norm` holds a condition ("if I", "if the client"), not an embedded question."""
    for match in _CONDITIONAL.finditer(norm):
        before = norm[max(0, match.start() - 12) : match.start()].split()
        if not before or before[-1] not in _ASKING:
            return True
    return False


_YOU_WORDS = frozenset({"you", "don't", "isn't", "right"})
_SCENE_WORDS = frozenset(
    "was were suddenly overnight nowhere warning notice minute last-minute unexpectedly "
    "sudden".split()
)
_CAPITALISED = re.compile(r"(?<=[a-z,] )[A-Z][\w&-]+")
