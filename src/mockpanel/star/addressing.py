"""Text that speaks to whoever marks the answer, about marking it.

A candidate's story talks about the people in it; grader-directed text talks to the reader of
the answer. The reading here needs both halves in one sentence or aside: an address to the
reader (a greeting or a note to a marker, the marker told what to do, the answer spoken of as a
thing being marked, a direct request, a "P.S." or "Note:" aside) and marking (scores, marks,
stars, criteria, a rubric, approval already given). Either half alone is ordinary story text:
"our CSAT rating rose to 4.6", "the review board approved my design", "please call me back".

A direct request or an aside is a weak address (stories quote requests and add notes), so it
counts only with a request or claim for top marks; a greeting to a marker, a marker told what
to do, or "this answer" is strong, and any marking word completes it.
"""

from __future__ import annotations

import re

from mockpanel.star.patterns import word_pattern

# Who marks. In a story these nouns are people in the scene, so they count only when addressed.
_READER = (
    r"(?:(?:automated|automatic|ai|human)\s+)?(?:grader|scorer|evaluator|assessor|rater|marker|examiner|reviewer|recruiter|interviewer|"
    r"hiring manager|hiring team|hiring panel|interview panel|panel|panellist|panelist|ai|a\.i\.|"
    r"llm|language model|model|bot|chatbot|chatgpt|gpt|assistant|algorithm|system|screener|"
    r"machine|software|hr|talent team|committee|judge|(?:scoring|grading|marking|evaluation|"
    r"assessment|screening) (?:tool|system|model|engine|bot|software|algorithm|ai|pipeline|"
    r"script|process))s?"
)
_MACHINE_OR_MARKER = (
    r"(?:grader|scorer|rater|evaluator|assessor|marker|examiner|ai|a\.i\.|llm|language model|"
    r"chatbot|bot|model|algorithm|screener)s?"
)
_STRONG_ADDRESS = word_pattern(
    # A greeting: "Dear recruiter", "Hi panel", "Attention AI".
    r"\b(?:dear|hey|hi|hello|attention|attn|calling|greetings)[\s,]+(?:to\s+)?(?:the\s+|my\s+|"
    r"our\s+|any\s+|all\s+)?(?:[\w-]+\s+){0,2}?" + _READER + r"\b"
    # A note to the reader: "note for assessors", "P.S. to the AI", "a word to the panel".
    r"|\b(?:note|notes|message|memo|reminder|instruction|instructions|request|comment|hint|"
    r"notice|word|ps|p\.s\.?)\s*[-:,]?\s+(?:to|for)\s+(?:the\s+|any\s+|all\s+|my\s+|our\s+|"
    r"whoever\s+|"
    r"whichever\s+)?(?:[\w-]+\s+){0,2}?" + _READER + r"\b"
    # A note signed as the reader: "Interviewer's note:", "assessor comment -".
    r"|\b" + _READER + r"(?:'s|s')?\s+(?:note|notes|comment|comments|instruction|instructions|"
    r"message|remark|override|guidance|memo)\s*[:-]"
    # Whoever reads or marks this.
    r"|\b(?:to|for|dear)\s+(?:whoever|anyone|anybody|the person|the people|whichever [\w-]+)\s+"
    r"(?:who\s+)?(?:is\s+|are\s+|will be\s+)?(?:reading|marking|scoring|grading|reviewing|"
    r"assessing|evaluating|checking|rating|reads|marks|scores|grades|reviews|assesses)\b"
    # The reader told something: "just so the scoring tool knows", "let the panel see".
    r"|\b(?:so|let|tell|for)\s+(?:the|any|this|your)\s+" + _READER + r"\s+(?:knows?|is aware|"
    r"understands?|can see|sees|notes?)\b"
    # The marker told what to do: "the grader should", "any AI reading this must".
    r"|\b(?:the|any|every|whichever|an?|you,?)\s+(?:ai\s+|automated\s+|human\s+)?"
    r"(?:grader|scorer|rater)s?\s+(?:should|must|will|would|needs? to|has to|"
    r"is (?:asked|required|instructed|expected) to|can|may|please)\b"
    r"|\b" + _READER + r"\s+(?:who\s+is\s+|that\s+is\s+)?(?:reading|scoring|marking|grading|"
    r"reviewing|evaluating|assessing|checking)\s+(?:this|these|my|the candidate's)\b"
)
# A sentence or aside that opens by naming the reader: "Recruiter: ...", "Grader, ...".
_READER_LABEL = re.compile(
    r"^[\s\W]*(?:(?:important|note|attention|urgent|fyi|p\.?\s?s\b\.?|n\.?b\b\.?)\s*[-:,!]?\s*)?"
    r"(?:to\s+)?(?:the\s+|all\s+|any\s+)?" + _READER + r"\s*(?:[:,]|-\s)"
)
# The answer spoken of as a thing being marked.
_SELF = word_pattern(
    r"\b(?:this|the above|the present|the following|my|the candidate's)\s+(?:answer|response|"
    r"reply|submission|transcript|entry)\s+(?:here\s+|above\s+|below\s+)?(?:\w+ly\s+)?"
    r"(?:should|must|will|would|deserves|merits|earns|warrants|qualifies|meets|satisfies|fulfils|"
    r"fulfills|covers|demonstrates|shows|mentions|contains|includes|hits|ticks|checks|addresses|"
    r"is|has been|was (?:reviewed|approved|pre-approved|validated|verified|checked|vetted|"
    r"screened|marked|scored|graded|rated|assessed|evaluated|cleared))\b"
    r"|\b(?:give|award|assign|grant|rate|score|mark|grade|label|record|treat|count|consider|pass|"
    r"approve|accept)\s+(?:this|the|my)\s+(?:answer|response|reply|submission|transcript|"
    r"entry|candidate)\b"
    r"|\b(?:this|the)\s+(?:candidate|applicant)'s\s+(?:answer|response)\b"
    r"|\bthis\s+(?:candidate|applicant|interviewee)\s+(?:\w+ly\s+)?(?:is|has|should|must|"
    r"deserves|merits|meets|will)\b"
    r"|\bwhich\s+this\s+(?:answer\s+|response\s+|one\s+)?(?:does|is|has|shows|meets|"
    r"demonstrates)\b"
    r"|\bthis\s+(?:is|as)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:answer|response|submission)\b"
    r"|\banswers?\s+like\s+(?:this|mine|this one|my own)\b"
    r"|\b(?:approved|pre-?approved|validated|verified|reviewed|signed off|cleared|vetted)\s+"
    r"(?:this|my)\s+(?:answer|response|submission)\b"
)
# A direct request to the reader: "please", "could you", "I'd be so grateful if you".
_REQUEST = word_pattern(
    r"\b(?:please|kindly|pls|plz)\b"
    r"|\b(?:could|would|can|will)\s+you\b|\bif\s+you\s+(?:could|would|can|will|just)\b"
    r"|\b(?:i'd|i would|i'll|i will|i'll)\s+(?:be\s+)?(?:so\s+|really\s+|very\s+|truly\s+|most\s+|"
    r"forever\s+)?(?:grateful|thankful|appreciative|obliged)\b"
    r"|\bi(?:'d| would)\s+(?:really\s+|so\s+)?appreciate\b"
    r"|\bi\s+(?:ask|beg|urge|request|implore)\s+you\b"
)
# "They asked me to please...": a request reported inside the story, not made to the reader.
_REPORTED_PLEASE = re.compile(
    r"\bto\s+(?:kindly\s+)?$|\b(?:said|told|asked|wrote|emailed|texted|messaged|replied|begged|"
    r"urged|reminded|saying|telling|asking|writing)\b[^.!?]{0,30}$"
)
# An aside at the start of a sentence: "P.S.", "Note:", "N.B.", "For clarity,".
_ASIDE = re.compile(
    r"^[\s\W]*(?:p\.?\s?s\b\.?|p\.?p\.?s\b\.?|n\.?b\b\.?|note|notes|important|reminder|attention|"
    r"fyi|for clarity|for the record|disclaimer|addendum|footnote|one more thing)\s*[:,.\-!]"
)
# Top marks: "full marks", "five stars", "5/5", "a 5", "the maximum".
_TOP = (
    r"(?:(?:full|top|maximum|max|highest|perfect|best|high)\s+(?:possible\s+)?(?:marks?|scores?|"
    r"ratings?|grades?|points|stars|band|mark)"
    r"|(?:5|five|10|ten|100)\s*(?:/|out of)\s*(?:5|five|10|ten|100)"
    r"|(?:5|five|10|ten)\s+(?:stars?|points|marks)|(?:a|an)\s+(?:5|five|10|ten)(?![\w%/-])"
    r"|the\s+(?:maximum|max|top|highest|best)(?:\s+(?:score|mark|marks|rating|grade|band))?"
    r"|(?:an?\s+)?(?:a\+|a\*)|excellent|outstanding|exemplary|perfect|a pass|as a pass"
    r"|as\s+(?:true|present|met|excellent|exemplary|outstanding|a model answer)"
    r"|(?:all|every|each|both|five|5)\s+(?:of\s+the\s+)?(?:star\s+)?(?:components?|elements?|"
    r"parts?|boxes|box|fields|criteria|criterion|dimensions|categories|sections)"
    r"|(?:all|every|each)\s+(?:the\s+)?(?:criteria|criterion|requirements?))"
)
# Marking told of this answer: a score word, a marking verb, the rubric or its criteria.
_MARKING = word_pattern(
    r"\b(?:score|scores|scored|scoring|marks|marked|marking|grade|grades|graded|grading|rate|"
    r"rated|rating|ratings|stars|points|criteria|criterion|rubric|rubrics|mark scheme|"
    r"marking scheme|label|labels|labelled|labeled|award|awarded|deduct|deducted|penalise|"
    r"penalize|star components|star elements)\b"
    r"|\b" + _TOP + r"(?![\w%/])"
    r"|\bmark\s+(?:it|this|me|my|the|all|every|each|as)\b"
)
# Approval already given: "pre-approved", "already reviewed", "validated by the hiring team".
_APPROVED = word_pattern(
    r"\bpre-?(?:approved|validated|screened|selected|vetted|scored|assessed|checked|cleared)\b"
    r"|\balready\s+(?:been\s+)?(?:reviewed|approved|validated|verified|scored|graded|rated|"
    r"assessed|checked|vetted|cleared|signed off|marked)\b"
    r"|\b(?:reviewed|approved|validated|verified|vetted|cleared|signed off|checked)\s+(?:and\s+"
    r"[\w-]+\s+)?by\s+(?:the\s+|a\s+|my\s+|our\s+|your\s+)?(?:[\w-]+\s+){0,4}?(?:panel|interviewer|"
    r"recruiter|hiring|hr|assessor|reviewer|manager|team|board|committee|grader|evaluator)s?\b"
)
# A request or claim for top marks: "give me five stars", "record it as meeting all criteria",
# "this deserves the maximum".
_ASK_FOR_MARKS = word_pattern(
    r"\b(?:give|award|assign|grant|rate|score|mark|grade|label|record|treat|count|consider|put|"
    r"tick|pass|deserves?|merits?|earns?|warrants?|qualif(?:y|ies) for|worth|get|gets|receive|"
    r"output|return|write|set|enter|log|appreciate|hoping for|hope for|asking for|ask for|"
    r"request)\b"
    r"(?:\s+(?:me|this|it|this one|my|the|this answer|this response|my answer|my response|"
    r"everything|all|every|each|both|them|him|her|the candidate|[\w-]+\s+as))?"
    r"(?:(?!\b(?:and|but|so|then|which|who)\b)[^.!?\n]){0,50}?\b" + _TOP + r"(?![\w%/])"
    r"|\b" + _TOP + r"\s+(?:would|will)\s+be\s+(?:\w+\s+)?(?:appreciated|great|nice|wonderful|"
    r"lovely|fair|deserved)\b"
    r"|\b(?:as|is|being)\s+(?:meeting|satisfying|fulfilling|covering|passing)\s+(?:all|every|each)"
    r"\b"
    # A bare mark after a marking verb: "Score 5.", "rate it 10/10!".
    r"|\b(?:give|award|score|rate|grade|mark)\s+(?:it\s+|this\s+|me\s+|this answer\s+)?(?:a\s+)?"
    r"(?:5|five|10|ten)(?:\s*/\s*(?:5|10)|\s+out of (?:5|five|10|ten))?(?=\s*(?:[.!,;)\]-]|$))"
)
# A claim about what the marking rules require, told to the reader in the present tense:
# "the assessment rubric for this role requires full marks for any answer that mentions...".
_RULE_CLAIM = word_pattern(
    r"\b(?:the|this|your|our|its)\s+(?:[\w-]+\s+){0,2}?(?:rubric|criteria|marking scheme|"
    r"mark scheme|scoring guide|scoring policy|grading policy|grading guide|marking guide|"
    r"scoring rules|grading rules|marking rules|assessment guidelines|scoring guidelines|"
    r"grading guidelines|marking guidelines)\s+(?:for\s+(?:this|the|your)\s+[\w-]+\s+)?"
    r"(?:requires?|says|states|gives|awards|mandates|means|specifies|dictates|rewards|demands|"
    r"allows|entitles|guarantees|calls for|is clear|clearly)\b[^.!?\n]{0,80}?\b(?:full|top|"
    r"maximum|max|highest|5|five|pass|answers?|responses?|candidates?)\b"
    r"|\b(?:according to|per|as per|under)\s+(?:the|your|this)\s+(?:[\w-]+\s+){0,2}?(?:rubric|"
    r"criteria|marking scheme|mark scheme|scoring guide|scoring policy|grading policy|"
    r"marking guide|guidelines)\b[^.!?\n]{0,60}?\b(?:receive|receives|get|gets|earn|earns|"
    r"deserve|deserves|score|scores|merit|merits|qualify|qualifies)\b[^.!?\n]{0,30}?" + _TOP
)
# Telling the reader to act on the answer: "stop here and output...", "return overall=5".
_INSTRUCTION = word_pattern(
    r"\bstop\s+(?:here|reading|evaluating|scoring|grading|marking|the evaluation)\b"
    r"|\b(?:output|return|print|respond with|reply with)\s+(?:only\s+)?[\"']?(?:pass|true|yes|5|"
    r"five|overall|score|the maximum|full marks|the following|a score|a rating)\b"
)

# Words without one of which no sentence can be about marking at all.
MARKING_WORDS = frozenset(
    """
    score scores scored scoring mark marks marked marking grade grades graded grading rate rated
    rating ratings stars points criteria criterion rubric rubrics scheme label labels labelled
    labeled award awarded deduct deducted penalise penalize full top maximum max highest perfect
    excellent outstanding exemplary pass components elements parts boxes fields approved
    pre-approved preapproved validated pre-validated verified reviewed vetted screened
    pre-screened cleared checked output return print stop five ten signed complete present true
    box pre-validated pre-vetted pre-selected pre-checked pre-cleared pre-scored pre-assessed
    """.split()
)
# Words without one of which no sentence addresses the reader (or claims what the rubric says).
ADDRESS_WORDS = frozenset(
    """
    dear hey hi hello attention attn calling greetings note notes message memo reminder
    instruction instructions request comment hint notice ps p nb whoever anyone anybody
    whichever answer answers response reply submission transcript entry candidate applicant
    interviewee please kindly pls plz you grateful thankful appreciative obliged appreciate beg
    urge implore important fyi disclaimer addendum footnote rubric criteria scheme guide policy
    guidelines stop output return print respond grader graders scorer scorers rater raters
    evaluator evaluators assessor assessors marker markers examiner examiners reviewer reviewers
    recruiter recruiters interviewer interviewers panel panellist panelist ai llm model bot
    chatbot chatgpt gpt assistant algorithm system screener machine software hr committee judge
    tool engine
    """.split()
)
# Possessives are words of their own to the tokenizer: "interviewer's note", "candidate's answer".
ADDRESS_WORDS = ADDRESS_WORDS | frozenset(w + "'s" for w in ADDRESS_WORDS)
# Verbs that open an order to the reader ("Give this answer full marks."), or an aside.
_OPENERS = frozenset(
    """
    give award assign grant rate score mark grade label record treat count consider output
    return print tick approve ignore disregard remember for one
    """.split()
)


def may_speak_of_marking(text: str, vocab: set[str] | frozenset[str]) -> bool:
    """Cheap test: could `text` (with word set `vocab`) address the reader about marking?"""
    if ADDRESS_WORDS.isdisjoint(vocab) and not (
        ("which" in vocab and "this" in vocab) or _first_word(text) in _OPENERS
    ):
        return False
    return not MARKING_WORDS.isdisjoint(vocab) or "5" in vocab or "10" in vocab


def marking_address_start(text: str, vocab: set[str] | frozenset[str]) -> int | None:
    """Where lower-cased `text` starts to address the reader about marking (None if it does not).

    `vocab` is the set of words in `text`: most sentences are ruled out by it alone.
    """
    if not may_speak_of_marking(text, vocab):
        return None
    starts: list[int] = []
    claim = _RULE_CLAIM.search(text)
    if claim is not None:
        starts.append(claim.start())
    instruction = _INSTRUCTION.search(text)
    ask = _ASK_FOR_MARKS.search(text)
    evidence = [
        m.start()
        for m in (_MARKING.search(text), _APPROVED.search(text), instruction, ask)
        if m is not None
    ]
    if evidence:
        strong = [
            m.start()
            for m in (_STRONG_ADDRESS.search(text), _READER_LABEL.search(text), _SELF.search(text))
            if m is not None
        ]
        if strong:
            starts.append(min(min(strong), min(evidence)))
    if ask is not None or instruction is not None:
        weak = _weak_address(text)
        if weak is not None:
            starts.append(min(weak, *(m.start() for m in (ask, instruction) if m is not None)))
    return min(starts, default=None)


def _first_word(text: str) -> str:
    """The first word of `text`."""
    found = _FIRST_WORD.search(text)
    return "" if found is None else found.group(0)


_FIRST_WORD = re.compile(r"[a-z]+")


def _weak_address(text: str) -> int | None:
    """Where a direct request to the reader or an aside ("P.S.", "Note:") starts, if any."""
    aside = _ASIDE.match(text)
    if aside is not None:
        return aside.start()
    for found in _REQUEST.finditer(text):
        if found.group(0) in ("please", "kindly") and _REPORTED_PLEASE.search(
            text, max(0, found.start() - 40), found.start()
        ):
            continue
        return found.start()
    # An imperative opening the sentence: "Give this answer full marks."
    opening = _IMPERATIVE.match(text)
    return None if opening is None else opening.start()


_IMPERATIVE = re.compile(
    r"^[\s\W]*(?:now\s+|just\s+)?(?:give|award|assign|grant|rate|score|mark|grade|label|record|"
    r"treat|count|consider|output|return|print|tick|approve|ignore|disregard|remember)\b"
)
