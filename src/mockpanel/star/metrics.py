"""Numbers that measure something: "12%", "from 40 to 12 minutes", "two days early", "no errors".

Years, times of day and ordinals are not measures; counts of effort ("14 weeks", "6 people") are
measures but not of a change (see `outcomes.change_metrics`).
"""

from __future__ import annotations

import re

from mockpanel.star.patterns import GatedPatterns, Pattern, word_pattern

_NUMBER_GATE = re.compile(r"[\d£$€¥]")
_NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred zero doubled tripled trebled quadrupled halved half twice third quarter times none
    nobody dozen two-thirds three-quarters
    """.split()
) | frozenset(  # "thirty-four" is one word to the tokenizer
    f"{tens}-{unit}"
    for tens in "twenty thirty forty fifty sixty seventy eighty ninety".split()
    for unit in "one two three four five six seven eight nine".split()
)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_COUNT = (
    r"(?:" + _TENS + r"[\s-]" + _UNITS + r"|" + _TENS + r"|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"a hundred|a few|a handful|a dozen)"
)
_DURATION = r"(?:hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|quarters?)"
# How many of something: a number in digits or words, or "a"/"an".
_AMOUNT = r"(?:\d[\d,]*(?:\.\d+)?|an?|" + _COUNT[3:]
_DURATION_WORDS = frozenset(
    form
    for word in (
        "hour hours hr hrs minute minutes min mins second seconds sec secs day days week weeks "
        "month months year years quarter quarters".split()
    )
    for form in (word, word + "'s", word + "'")  # "a month's notice" is one word to the tokens
)
# Measures led by a digit or a currency sign, matched only where one starts (`_digit_measures`).
_DIGIT_METRIC = re.compile(
    r"[£$€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|million|billion|thousand)\b)?"
    r"|(?<![\w.])\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per cent\b|percentage points?\b|"
    r"(?:k|m|bn|x)\b|million\b|billion\b|thousand\b|hundred\b|points?\b|pts\b|ms\b|"
    r"(?!" + _DURATION + r"\b)[a-z-]{3,}(?:s|ups)\b)"
    r"|(?<![\w.])\d[\d,]*(?:\.\d+)?\s+(?:of|out of)\s+(?:the\s+|our\s+)?\d[\d,]*\b"
    # A rating: "9/10", "4.8/5".
    r"|(?<![\w./])\d{1,3}(?:\.\d)?\s?/\s?(?:5|10|100)\b"
)
# Other measures, as (gate, pattern): a pattern is tried only when the sentence holds a digit or
# a number word, and one of its gate words.
_METRIC_PATTERNS: tuple[tuple[frozenset[str], Pattern], ...] = (
    (
        # A level told with its name, and every one of a counted group: "an Apgar of 9",
        # "all 48 were fixed".
        frozenset("score rating grade mark band level index apgar nps csat average all".split()),
        word_pattern(
            r"\b(?:score|rating|grade|mark|band|level|index|apgar|nps|csat|average)\s+of\s+"
            r"\d[\d,]*(?:\.\d+)?\b"
            r"|\ball\s+\d[\d,]*\b(?!\s*(?:am|pm)\b)"
        ),
    ),
    (
        frozenset({"from"}),
        word_pattern(
            r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+|under\s+)?[£$€]?"
            r"\d[\d,.]*\s?(?:%|k|m)?\s+(?:\w+\s+)?to\s+(?:about\s+|around\s+|roughly\s+|"
            r"nearly\s+|over\s+|under\s+)?[£$€]?\d[\d,.]*\s?(?:%|k|m)?"
        ),
    ),
    (
        frozenset("day week month year shift hour quarter night".split()),
        word_pattern(
            r"\b(?<!\.)(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|"
            r"twelve|fifteen|twenty|thirty|forty|fifty|a hundred)\s+(?:\w+\s+)?(?:per|a|an|every|"
            r"each)\s+(?:day|week|month|year|shift|hour|quarter|night)\b"
        ),
    ),
    (
        _DURATION_WORDS,
        word_pattern(
            # A before-and-after in time: "from about an hour to fifteen minutes".
            r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+|under\s+)?"
            + _AMOUNT
            + r"\s?"
            + _DURATION
            + r"\s+(?:\w+\s+){0,2}?to\s+(?:about\s+|around\s+|under\s+|"
            r"less than\s+|just\s+|only\s+)?" + _AMOUNT + r"\s?" + _DURATION + r"\b"
            r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+" + _DURATION + r"\s+"
            r"(?:inside|ahead of|before|under)\b"
            r"|\b(?:to|by|from|under|below|over|than|within|just|only|saved|saving|in|inside)\s"
            + _AMOUNT
            + r"\s?(?:working\s+|school\s+|business\s+|full\s+)?"
            + _DURATION
            + r"\b"
            r"|\b(?<!\.)"
            + _AMOUNT
            + r"\s?"
            + _DURATION
            + r"\s+(?:after|later|on\b(?!\s+(?:the|a|an|my|our|their|his|her)\s+(?:first|"
            r"second|third|job|site|ward|project|team|phone|call|shift|road)\b))\b"
            r"|\b(?<!\.)(?:\d[\d,]*(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|"
            r"ten|twelve|twenty)\s?" + _DURATION + r"\s+(?:(?:of\s+[\w-]+\s+)?(?:early|earlier|"
            r"ahead|faster|sooner|quicker|late|later than|less|fewer|shorter|instead|rather than)|"
            r"of\s+(?:downtime|delay))\b"
        ),
    ),
    (
        frozenset({"from"}),
        word_pattern(
            r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+|under\s+)?"
            + _COUNT
            + r"\s+(?:[\w-]+\s+){0,3}?to\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|"
            r"over\s+|under\s+|less than\s+|fewer than\s+|more than\s+|below\s+|just\s+|"
            r"only\s+)?(?:" + _COUNT + r"|zero|none|nothing)\b"
        ),
    ),
    (
        frozenset(
            "doubled tripled trebled quadrupled halved zero twice times third quarter half "
            "two-thirds three-quarters thirds quarters".split()
        ),
        word_pattern(
            r"\b(?:doubled|tripled|trebled|quadrupled|halved|zero|twice as|three times|ten times|"
            r"a third|a quarter|two-thirds|two thirds|three-quarters|three quarters|"
            r"(?:by|in)\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|around\s+|more than\s+|"
            r"over\s+)?half)\b"
        ),
    ),
    (
        frozenset(
            """
            percent cent points people customers complaints errors tickets calls patients
            students pupils staff sites stores roles deals clients orders containers units members
            accounts sign-ups directors managers teachers nurses
            """.split()
        ),
        word_pattern(
            r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
            r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[\s-](?:one|two|three|four|"
            r"five|six|seven|eight|nine))?\s+(?:percent|per cent|points|people|customers|"
            r"complaints|errors|tickets|calls|patients|students|pupils|staff|sites|stores|roles|"
            r"deals|clients|orders|containers|units|members|accounts|sign-ups|directors|managers|"
            r"teachers|nurses)\b"
        ),
    ),
)
_NUMBER = r"(?:\d[\d,]*(?:\.\d+)?\s?%?|" + _COUNT[3:]
_COMPARED = (
    # A number set against another: "one dropout, compared with five before", "3 hours, while
    # the average in the port was more than 10".
    (
        frozenset("compared against versus vs from while whereas".split()),
        word_pattern(
            r"\b(?:compared\s+(?:with|to)|against|versus|vs|down from|up from)[\s,]+"
            r"(?:[\w-]+\s+){0,4}?"
            r"(?:about\s+|around\s+|roughly\s+|nearly\s+|more than\s+|less than\s+|over\s+|"
            r"under\s+|just\s+|only\s+)?" + _NUMBER + r"(?![\w-])"
            r"|\b(?:while|whereas)\s+(?:the|our|their|its)\s+(?:[\w-]+\s+){0,2}?(?:average|rate|norm|"
            r"national|industry|usual|typical|previous|rest)\b[^.;]{0,40}?\b"
            + _NUMBER
            + r"(?![\w-])"
        ),
    ),
    # A level reached: "the average was down to fourteen minutes", "clearance time was 3 hours".
    (
        frozenset(
            """
            average mean median rate time times level score total cost costs number volume share
            margin nps csat attendance turnover churn backlog queue wait waits
            """.split()
        ),
        word_pattern(
            r"\b(?:average|mean|median|rate|time|times|level|score|total|cost|costs|number|volume|"
            r"share|margin|nps|csat|attendance|turnover|churn|backlog|queue|wait|waits)\s+"
            r"(?:[\w-]+\s+){0,3}?(?:was|were|is|are|fell|dropped|rose|went|came|stood|sat|hit|"
            r"reached|settled)\s+(?:down\s+|up\s+|back\s+)?(?:to\s+|at\s+|by\s+|under\s+|below\s+|"
            r"over\s+|above\s+)?(?:about\s+|around\s+|roughly\s+|just\s+|only\s+)?"
            + _NUMBER
            + r"(?![\w-])"
        ),
    ),
    # A rate told in words: "one in ten", "every third patient", "nine out of ten".
    (
        frozenset("in every".split()),
        word_pattern(
            r"\b(?:\d[\d,]*|"
            + _COUNT[3:]
            + r"\s+(?:in|out of)\s+(?:every\s+)?(?:\d[\d,]*|"
            + _COUNT[3:]
            + r"\b|\bevery\s+(?:second|other|third|fourth|fifth|sixth|tenth)\s+[a-z]+"
        ),
    ),
    # A part of a whole: "one truck of 140", "two of the three sites", "seven of our last
    # twelve games".
    (
        frozenset({"of"}),
        word_pattern(
            r"\b"
            + _NUMBER
            + r"\s+(?:[\w-]+\s+){0,2}?(?:of|out of)\s+(?:the\s+|our\s+|all\s+|their\s+)?"
            r"(?:last\s+|first\s+|final\s+|next\s+)?(?:\d[\d,]*|" + _COUNT[3:] + r"\b"
        ),
    ),
    # A count over a period or in all: "none in the last fourteen games", "one colony in total".
    (
        frozenset("total last next remaining following first".split()),
        word_pattern(
            r"\b(?:none|no|zero|\d[\d,]*|"
            + _COUNT[3:]
            + r"\s+(?:[\w-]+\s+){0,2}?(?:in total|in the (?:last|next|remaining|following|first)"
            r"\s+(?:\d[\d,]*|" + _COUNT[3:] + r"\s+[a-z]+)"
        ),
    ),
    # Every one of a counted group: "all fourteen were registered".
    (
        frozenset({"all"}),
        word_pattern(r"\ball\s+" + _COUNT + r"\b(?!\s+of\s+(?:us|them|you|we)\b)"),
    ),
)
_SPELLED = GatedPatterns(_METRIC_PATTERNS + _COMPARED)
# A count of zero: "no queries", "zero defects", "no further complaints".
_ZERO_METRIC = re.compile(
    r"\b(?:no|zero) (?:more |further |new |other |major |serious )?(?:[a-z]+(?:-[a-z]+)? )?"
    r"(?!(?:one|idea|way|longer|matter|doubt|reason|time|problem|means|less|unless|was|has|"
    r"this|thus|yes)\b)[a-z]{3,}(?:s|ies)\b"
    r"|\bno (?:more |further |new |other )?(?:[a-z]+-[a-z]+ )?(?:complaint|objection|penalty)\b"
    # "it didn't trip once", "not a single claim was taken back", "not one complaint".
    r"|\b(?:didn't|did not|hasn't|has not|haven't|have not|never)\s+(?:[a-z]+\s+){1,2}?once\b"
    r"|\bnot (?:a single|one) (?!to\b|of\b)(?:[a-z]+(?:-[a-z]+)? )?[a-z]{3,}\b"
)
_ZERO_WORDS = frozenset({"no", "zero", "not", "didn't", "hasn't", "haven't", "never"})
_NOT_METRIC = re.compile(r"^(?:(?:19|20)\d\d|\d{1,2}(?::\d\d)?\s?(?:am|pm)|\d+(?:st|nd|rd|th))$")


# Where a digit-led measure can start: the digit pattern is tried only there.
_DIGIT_START = re.compile(r"[£$€¥]|(?<![\w.])\d")


def _digit_measures(norm: str) -> list[re.Match[str]]:
    """The digit-led measures of `norm`, as `finditer` would find them, tried only at starts."""
    found: list[re.Match[str]] = []
    reach = 0
    pattern = _DIGIT_METRIC
    for start in _DIGIT_START.finditer(norm):
        at = start.start()
        if at < reach:
            continue
        match = pattern.match(norm, at)
        if match is not None:
            reach = match.end()
            if not _NOT_METRIC.match(match.group(0)):
                found.append(match)
    return found


def measures(norm: str, vocab: set[str]) -> list[str]:
    """The measures a sentence states, in order, without overlaps."""
    has_digit = _NUMBER_GATE.search(norm) is not None
    found: list[re.Match[str]] = _digit_measures(norm) if has_digit else []
    patterns: list[Pattern] = []
    if has_digit or not _NUMBER_WORDS.isdisjoint(vocab):
        patterns.extend(_SPELLED.pairs[at][1] for at in _SPELLED.candidates(vocab))
    for pattern in patterns:
        found.extend(m for m in pattern.finditer(norm) if not _NOT_METRIC.match(m.group(0)))
    if not _ZERO_WORDS.isdisjoint(vocab):
        found.extend(_ZERO_METRIC.finditer(norm))
    if len(found) > 1:
        found.sort(key=lambda m: (m.start(), -m.end()))
    kept: list[str] = []
    reach = -1
    for match in found:
        if match.start() >= reach:
            kept.append(match.group(0).strip())
            reach = match.end()
    return kept
