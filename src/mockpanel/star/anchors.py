"""When and where a story happens: dates, seasons, "two years ago", workplaces and posts."""

from __future__ import annotations

import re

from mockpanel.star import lexicon as lx
from mockpanel.star.patterns import GatedPatterns, word_pattern

_MONTH = "(?:" + "|".join(lx.MONTHS) + ")"
_SEASON = "(?:" + "|".join(lx.SEASONS) + "|" + _MONTH[3:-1] + "|monday|tuesday|wednesday|"
_SEASON += "thursday|friday|saturday|sunday)"

_YEAR = re.compile(r"(?<![\d£$€.,])(?:19[6-9]\d|20[0-4]\d)(?![\d%])")
# Time anchors, each tried only when a word it needs occurs in the sentence.
_TIME_ANCHORS = GatedPatterns(
    (gate, word_pattern(pattern))
    for gate, pattern in (
        (
            "ago into back",
            r"\b(?:years?|months?|weeks?|days?|summers?|winters?)\s+(?:ago|into|back\b"
            r"(?!\s+(?:to|in|on|at|up|from|home|then)\b))",
        ),
        (
            "after before",
            r"\b(?:years?|months?|weeks?|days?)\s+(?:after|before)\s+(?:i|we|the|our|my|a|an|it|"
            r"they)\b",
        ),
        (
            "once",
            r"\b(?:i|we|he|she|they)\s+once\b|\bonce,?\s+(?:at|in|on|when|during|while|back)\b"
            r"|^(?:so,?\s+)?once\b(?!\s+(?:i|we|"
            r"it|the|they|he|she|this|that|you|everything|everyone)\b)",
        ),
        ("time", r"\bone\s+time\b|\bat the time\b"),
        # A point in a career: "early in my underwriting career", "in my first year as a nurse".
        (
            "early late first second third final last",
            r"\b(?:early|late)\s+(?:on\s+)?in\s+my\s+(?:[\w-]+\s+){0,2}?(?:career|time|job|role|"
            r"days|apprenticeship|training|placement|tenure)\b"
            r"|\bin\s+my\s+(?:first|second|third|final|last)\s+(?:[\w-]+\s+){0,2}?(?:year|month|"
            r"week|job|role|season|term|placement|post|shift)\b",
        ),
        (
            "morning afternoon evening day night year month week term season spring summer "
            "autumn winter",
            # "One morning at the bakery", "early one evening", "earlier this year".
            r"\b(?:early one|late one|one|on my last|on my first)\s+(?:morning|afternoon|evening|"
            r"day|night)\b"
            r"|\b(?:earlier|later|early|late)\s+(?:this|that|last)\s+(?:year|month|week|term|"
            r"season|spring|summer|autumn|winter)\b",
        ),
        ("back", r"\bback\s+(?:in|when|then|at)\b"),
        (
            "during throughout midway halfway middle",
            r"\b(?:during|throughout|midway through|halfway through|in the middle of)\s+(?:a|an|"
            r"the|my|our|one|this|that)\b",
        ),
        (
            "when",
            r"\bwhen\s+(?:i|we)\s+(?:was|were|joined|started|took|worked|moved|first|had|led|ran|"
            r"managed|arrived|got|became|inherited|came|switched|transferred)\b"
            # An event that dates the story: "when the pandemic hit", "when the new system came in".
            r"|\bwhen\s+(?:the|a|an|our|my)\s+(?:[\w-]+\s+){0,2}?(?:hit|struck|started|began|came|"
            r"arrived|happened|broke|closed|opened|launched|changed|went)\b",
        ),
        (
            "first second third fourth fifth last final previous early current old former new",
            r"\b(?:in|during|on|for)\s+my\s+(?:very\s+)?(?:first|second|third|fourth|fifth|last|"
            r"final|previous|early|current|old|former|new)\s+\w+",
        ),
        (
            "before after",
            # "The week before", "a day after the launch", "week before release", "summer
            # before last".
            r"\b(?:the|a|one)\s+(?:week|day|month|night|morning|year|weekend|fortnight)\s+"
            r"(?:before|after)\b"
            r"|\b(?:week|day|month|night|morning|year|weekend|fortnight)\s+(?:before|after)\s+"
            r"(?:the\s+|our\s+|my\s+|a\s+)?(?!i\b|we\b|you\b|that\b|this\b)[a-z][\w-]{2,}"
            r"|\b(?:year|month|week|summer|winter|spring|autumn|christmas|term|season|semester)\s+"
            r"before\s+last\b",
        ),
        (
            "this it there",
            r"\b(?:this|it)\s+was\s+(?:on|at|when|during|in|back|about|around|just|right)\b"
            r"|\bthere\s+was\s+this\b"
            # A spoken opener: "So, um, this was offshore, on a wind farm...".
            r"|^[\s,]*(?:(?:so|yeah|okay|ok|right|well)\b[\s,]*)*this\s+was\b",
        ),
    )
)
# Dates by season, month or weekday; only tried when such a word occurs.
_SEASONAL = word_pattern(
    r"\b(?:last|this past|the previous|previous|past|that|one|early|late|mid)[\s-]+"
    + _SEASON
    + r"\b|\b(?:in|during|since|by|early|late|mid|back in|around|that)\s+"
    + _MONTH
    + r"\b"
)
_SEASON_WORDS = (
    frozenset(lx.MONTHS)
    | frozenset(lx.SEASONS)
    | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
)
_PLACE_WORDS = frozenset(form for w in lx.WORKPLACES for form in (w, w + "s", w + "'s", w + "s'"))
# Places, each tried only when a word it needs occurs in the sentence.
_PLACE_ANCHORS = GatedPatterns(
    (
        (
            frozenset("last previous current former old first second new".split()),
            word_pattern(
                r"\b(?:at|in|with|for)\s+(?:my|our)\s+(?:last|previous|current|former|old|first|"
                r"second|new)\b"
            ),
        ),
        (
            frozenset({"work", "worked", "working"}),
            word_pattern(
                r"\bi\s+(?:work|worked|was working)\s+(?:on|at|in|for)\s+(?:a|an|the|my|our)\b"
            ),
        ),
        (
            frozenset(
                """
            scheme project job site replacement upgrade migration rollout launch build refurb
            installation renovation audit inspection tender bid deal renewal contract account
            campaign programme program shift
            """.split()
            ),
            word_pattern(
                r"\b(?:on|for)\s+(?:a|an|the|one)\s+(?:[\w&'-]+\s+){0,2}?(?:scheme|project|job|site|"
                r"replacement|upgrade|migration|rollout|launch|build|refurb|installation|renovation|"
                r"audit|inspection|tender|bid|deal|renewal|contract|account|campaign|programme|program|"
                r"shift)\b"
            ),
        ),
        (
            frozenset(
                """
            manager lead leader supervisor engineer nurse owner coordinator head director officer
            planner analyst accountant teacher representative advisor adviser specialist partner
            executive consultant developer designer marketer assistant intern graduate trainee
            apprentice agent
            """.split()
            ),
            word_pattern(
                r"\b(?:i|we)\s+(?:was|were)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:manager|lead|leader|"
                r"supervisor|engineer|nurse|owner|coordinator|head|director|officer|planner|analyst|"
                r"accountant|teacher|representative|advisor|adviser|specialist|partner|executive|"
                r"consultant|developer|designer|marketer|assistant|intern|graduate|trainee|apprentice|"
                r"agent)\b"
            ),
        ),
    )
)
# A named place or employer: "at the Marriott", "in Porto" (case-sensitive, on the answer itself).
_PROPER_PLACE = word_pattern(
    r"(?i:\b(?:at|in|for|with|from|near|joined)\s+(?:the\s+)?)(?!I\b)[A-Z][a-z]+"
)
_DIGIT = re.compile(r"\d")

_PLACE_PREPOSITIONS = frozenset("at in into with for on from joined inside within".split())
_PLACE_DETERMINERS = frozenset("my our a an the".split())


def _at_workplace(tokens: list[str]) -> bool:
    """ "At the warehouse", "in a small bakery", "one of our stores": a workplace named."""
    for at, token in enumerate(tokens):
        if token not in _PLACE_PREPOSITIONS:
            continue
        after = at + 1
        if tokens[after : after + 2] == ["one", "of"]:
            after += 2
        if after < len(tokens) and tokens[after] in _PLACE_DETERMINERS:
            if not _PLACE_WORDS.isdisjoint(tokens[after + 1 : after + 5]):
                return True
    return False


# "At the bakery", "at a wedding": in an opening sentence, "at" names where the story happens.
_AT_PLACE = word_pattern(
    r"\bat\s+(?:the|a|an|my|our|his|her|their)\s+(?!(?:end|time|moment|start|beginning|same|"
    r"least|most|first|last|weekend|point|stage|top|bottom|back|front|side|minute|latest|"
    r"earliest|outset|heart|data|numbers|figures|results|report|problem|issue)\b)[a-z-]{3,}\b"
)


def opens_at_a_place(norm: str) -> bool:
    """Whether an opening sentence places the story "at" somewhere ("at the bakery")."""
    return _AT_PLACE.search(norm) is not None


def says_when(norm: str, vocab: set[str]) -> bool:
    """Whether a sentence says when: a year, a season or month, "two years ago", "one night"."""
    return (
        (_DIGIT.search(norm) is not None and _YEAR.search(norm) is not None)
        or _TIME_ANCHORS.search(norm, vocab)
        or (not _SEASON_WORDS.isdisjoint(vocab) and _SEASONAL.search(norm) is not None)
    )


def says_where(text: str, norm: str, vocab: set[str], tokens: list[str]) -> bool:
    """Whether a sentence says where: a workplace, a project, the speaker's post, a named place."""
    return (
        (not _PLACE_WORDS.isdisjoint(vocab) and _at_workplace(tokens))
        or _PLACE_ANCHORS.search(norm, vocab)
        or bool(text[1:] != norm[1:] and _PROPER_PLACE.search(text))
    )
