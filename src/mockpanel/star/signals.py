"""Measurable features of each sentence: who acts, in which tense and frame, what changed.

Everything here is structural (pronouns, verb forms, anchors, frames), not tied to any role or
industry, so it holds for answers the analyzer has never seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mockpanel.star import lexicon as lx
from mockpanel.star.segment import Sentence


def _alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal phrases, longest first, on word boundaries."""
    ordered = sorted({re.escape(p.strip()) for p in phrases}, key=len, reverse=True)
    return r"(?<![\w'])(?:" + "|".join(ordered) + r")(?![\w'])"


_TOKEN = re.compile(r"[a-z]+(?:['-][a-z]+)*|[,;:]")


class Phrases:
    """A list of literal phrases matched on word boundaries, tried only when a word it needs occurs.

    Every phrase needs its longest word; a sentence without any of those words cannot match, so
    the (slow) regex runs on few sentences.
    """

    def __init__(self, phrases: tuple[str, ...] | list[str]) -> None:
        self.pattern = re.compile(_alternation(phrases))
        self.gate = frozenset(max(_TOKEN.findall(p), key=len) for p in phrases if p.strip())

    def search(self, norm: str, vocab: set[str]) -> bool:
        """Whether any phrase occurs in `norm` (whose word set is `vocab`)."""
        return not self.gate.isdisjoint(vocab) and self.pattern.search(norm) is not None

    def count(self, norm: str, vocab: set[str]) -> int:
        """How many phrase occurrences `norm` holds."""
        if self.gate.isdisjoint(vocab):
            return 0
        return sum(1 for _ in self.pattern.finditer(norm))


_MONTH = "(?:" + "|".join(lx.MONTHS) + ")"
_SEASON = "(?:" + "|".join(lx.SEASONS) + "|" + _MONTH[3:-1] + "|monday|tuesday|wednesday|"
_SEASON += "thursday|friday|saturday|sunday)"
_NUMBER = "(?:" + "|".join(lx.NUMBER_WORDS) + r"|\d+|a few|a couple of)"
_WORKPLACE = "(?:" + "|".join(re.escape(w) for w in lx.WORKPLACES) + ")"

_YEAR = re.compile(r"(?<![\d£$€.,])(?:19[6-9]\d|20[0-4]\d)(?![\d%])")
# Time anchors, each tried only when a word it needs occurs in the sentence.
_TIME_ANCHORS: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = tuple(
    (frozenset(gate.split()), re.compile(pattern))
    for gate, pattern in (
        ("ago into", r"\b(?:years?|months?|weeks?|days?|summers?|winters?)\s+(?:ago|into)\b"),
        (
            "once",
            r"\bonce,?\s+(?:at|in|on|when|during|while|back)\b|^(?:so,?\s+)?once\b(?!\s+(?:i|we|"
            r"it|the|they|he|she|this|that|you|everything|everyone)\b)",
        ),
        ("time", r"\bone\s+time\b|\bat the time\b"),
        ("back", r"\bback\s+(?:in|when|then|at)\b"),
        (
            "during throughout midway halfway middle",
            r"\b(?:during|throughout|midway through|halfway through|in the middle of)\s+(?:a|an|"
            r"the|my|our|one|this|that)\b",
        ),
        (
            "when",
            r"\bwhen\s+(?:i|we)\s+(?:was|were|joined|started|took|worked|moved|first|had|led|ran|"
            r"managed|arrived|got|became|inherited|came|switched|transferred)\b",
        ),
        (
            "first second third fourth fifth last final previous early current old former new",
            r"\b(?:in|during|on|for)\s+my\s+(?:very\s+)?(?:first|second|third|fourth|fifth|last|"
            r"final|previous|early|current|old|former|new)\s+\w+",
        ),
        (
            "before after",
            r"\bthe\s+(?:week|day|month|night|morning|year|weekend)\s+(?:before|after)\b",
        ),
        (
            "was",
            r"\b(?:this|it)\s+was\s+(?:on|at|when|during|in|back|about|around|just|right)\b"
            r"|\bthere\s+was\s+this\b",
        ),
    )
)
# Dates by season, month or weekday; only tried when such a word occurs.
_SEASONAL = re.compile(
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
_NUMBER_GATE = re.compile(r"[\d£$€¥]")
_NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred zero doubled tripled trebled quadrupled halved
    half twice third quarter times none nobody
    """.split()
)
_ZERO_NOUNS = frozenset(
    """
    complaints errors incidents objections issues problems defects escalations returns penalties
    injuries falls bites failures breaches findings points comments delays outages complaint
    objection penalty
    """.split()
)
_REFLECTION_WORDS = frozenset(
    """
    learned learnt learn lesson lessons taught teaches showed shown realise realize realised
    realized looking hindsight retrospect next again differently would should i'd have takeaway
    take took forward now since days reminded learning stuck changed came biggest thing
    """.split()
)
_PLACE_ANCHOR = re.compile(
    r"\b(?:at|in|with|for|on|from|joined|inside|within)\s+(?:my|our|a|an|the|one of my|one of "
    r"our)\s+(?:[\w&'-]+\s+){0,3}?" + _WORKPLACE + r"s?\b"
    r"|\b(?:at|in|with|for)\s+(?:my|our)\s+(?:last|previous|current|former|old|first|second|"
    r"new)\b"
    r"|\b(?:on|for)\s+(?:a|an|the|one)\s+(?:[\w&'-]+\s+){0,2}?(?:scheme|project|job|site|"
    r"replacement|upgrade|migration|rollout|launch|build|refurb|installation|renovation|audit|"
    r"inspection|tender|bid|deal|renewal|contract|account|campaign|programme|program|shift)\b"
    r"|\b(?:i|we)\s+(?:was|were)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:manager|lead|leader|"
    r"supervisor|engineer|nurse|owner|coordinator|head|director|officer|planner|analyst|"
    r"accountant|teacher|representative|advisor|adviser|specialist|partner|executive|consultant|"
    r"developer|designer|marketer|assistant|intern|graduate|trainee|apprentice|agent)\b"
)
# A named place or employer: "at the Marriott", "in Porto" (case-sensitive, on the answer itself).
_PROPER_PLACE = re.compile(
    r"(?i:\b(?:at|in|for|with|from|near|joined)\s+(?:the\s+)?)(?!I\b)[A-Z][a-z]+"
)
_EXISTENTIAL = re.compile(r"\bthere\s+(?:was|were|had been|'d been|came a)\b")

_TASK_FRAME = re.compile(
    r"\bmy\s+(?:[\w-]+\s+){0,2}?(?:job|responsibility|task|goal|aim|brief|part|remit|objective|"
    r"role|target|mission|challenge|priority|focus|duty|assignment|plan)\s+(?:was|is|became|:|-)"
    r"|\b(?:it|this|that)\s+(?:was|is|became)\s+(?:\w+\s+)?my\s+(?:job|responsibility|task|role|"
    r"duty|call|problem|remit|area|patch|account|decision|project|goal|aim)\b"
    r"|\bmy\s+(?:\w+\s+)?(?:job|responsibility|task|duty|remit)\s+to\b"
    r"|\b(?:i|me)\s+(?:\w+\s+)?(?:had|needed|wanted|have|need|want|got|was supposed|was meant|"
    r"was expected|was asked|was tasked|was told|was given|was brought in|was hired|"
    r"volunteered|offered|decided|set out|aimed|promised|committed|chose|agreed|planned|"
    r"was determined|was trying|tried hard|took it upon myself|was the one)\s+to\b"
    r"|\bi\s+(?:\w+\s+)?(?:needed|wanted)\s+(?!to\b)"
    r"|\bi\s+(?:was|am|felt)\s+(?:\w+\s+)?(?:responsible|accountable|in charge|on the hook|"
    r"leading|running|managing|covering|coordinating|owning|tasked|charged)\b"
    r"|\bit\s+(?:was|fell|came|landed)\s+(?:\w+\s+)?(?:on|to|down to|up to)\s+me\b"
    r"|\b(?:fell|came|landed)\s+(?:on|to)\s+me\b"
    r"|\bi\s+(?:set|gave)\s+myself\b|\bi\s+owned\b|\bi\s+took\s+(?:it|this|that)\s+on\b"
    r"|\bi\s+was\s+(?:the\s+)?(?:[\w-]+\s+)?owner\b"
    r"|\bmy\s+(?:own\s+)?(?:change|check|account|mistake|responsibility|call|decision|patient|"
    r"patients|team|shift|project|store|site|client|area|bay|class)\b(?=[^.]{0,40}\bso\b)"
    r"|\b(?:the|our|a|my)\s+(?:\w+\s+)?(?:goal|aim|objective|target|brief|mission|challenge|"
    r"deadline|task)\s+(?:was|of|:)"
    r"|\bwith\s+the\s+(?:aim|goal|objective|target)\s+of\b"
    r"|\bi\s+should\s+be\s+the\s+one\b|\bso\s+it\s+was\s+(?:on|up to|down to)\s+me\b"
    r"|\b(?:i|me)\s+(?:was|were)\s+(?:asked|told|tasked|expected|given|brought in|hired)\b"
    r"|\b(?:asked|ask|asks|told|tell|tells|wanted|want|wants|needed|need|needs|expected|expect|"
    r"got|get|say|says|said)\s+me\s+(?:to|i must|i have to|i had to|i need to|i needed to)\b"
    r"|\b(?:gave|give|gives|handed|hand|hands|passed|pass|passes|assigned|assign|assigns|left)\s+"
    r"me\s+(?:the|a|an|this|that|full)\s+(?:\w+\s+)?(?:responsibility|job|task|role|project|call|"
    r"case|problem|account|brief|lead|ownership|work|mission)\b"
    r"|\b(?:landed|fell|came|ended up)\s+(?:with|on|to)\s+me\b|\bon my (?:desk|plate|lap)\b"
    r"|\bpassed\s+(?:it\s+)?(?:on\s+)?to\s+me\b|\bpassed me\b"
    r"|\bi\s+(?:\w+\s+)?(?:offered|volunteered|stepped in|stepped up|took over|took charge|"
    r"took the lead|took responsibility|took ownership|jumped in|put my hand up|put myself "
    r"forward|took it on|picked it up|offer|volunteer|step in|take over|take charge)\b"
    r"|\b(?:i|me)\s+(?:said|say|told|tell|promised|promise)\b[^.]{0,40}?\b(?:i|i'd|i'll)\s+"
    r"(?:would|will|'d|'ll|could|take|do|handle|cover|sort|look)\b"
    r"|\b(?:i|me)\s+(?:have|has|had|need|needed)\s+(?:\w+\s+)?to\b"
)

# The goal-setting subset of task frames: such a sentence states an aim, never an outcome.
_GOAL = re.compile(
    r"\b(?:responsible|accountable|in charge|had to|have to|needed to|need to|wanted to|"
    r"was expected to|was asked to|my (?:\w+ )?(?:job|goal|task|role|aim|responsibility|target|"
    r"brief|remit|objective)|it was (?:\w+ )?(?:on|up to|down to) me|the (?:goal|aim|target|"
    r"objective|brief) was)\b"
)
_HABITUAL = Phrases(lx.HABITUAL_PHRASES)
_SELF_DESCRIPTION = re.compile(
    r"\bi(?:'m| am)\s+(?:\w+ly\s+)?(?:a|an|the|very|really|pretty|quite|extremely|always|"
    r"naturally|someone|so|such|known|the kind|the type|"
    r"somebody|good|great|strong|confident|passionate|excited|easy-going|calm|organised|"
    r"organized|competitive|resilient|hard-working|hardworking|not|just|more|usually|generally)\b"
    r"|\bmy (?:biggest |greatest |main |key )?(?:strength|strengths|weakness)\b"
    r"|\bi'd say\b|\bfor me,|\bi believe\b|\bi think (?:the|it's|good|that's|a good|being)\b"
    r"|\bi(?:'ve| have) (?:always|never|been)\b"
    r"|\bi\s+(?:\w+ly\s+)?(?:love|enjoy|thrive|adore|hate|like to|pride myself|consider myself|"
    r"see myself|describe myself|get a buzz|get a kick)\b"
    r"|\bthat's (?:why|what|how|just) (?:i|makes me)\b|\bthat's the job\b"
)
# Scene-setting: an activity under way when something happened ("I was halfway through...").
_SCENE = re.compile(
    r"\b(?:i|we)\s+(?:was|were)\s+(?:\w+\s+)?(?:\w+ing|halfway|midway|in the middle|about to|"
    r"on (?:a|the|my|our|duty|shift|call|site|nights|leave))\b"
    r"|\b(?:suddenly|overnight|out of nowhere|without warning|at short notice|last minute|"
    r"last-minute|unexpectedly|all of a sudden)\b"
)
_GENERIC_YOU = re.compile(
    r"\byou\s+(?:have to|need to|can't|cannot|just|always|should|must|'ve got to|got to|want to|"
    r"can|could|might|tend to|never)\b|\bdon't you\b|\bisn't it\b|\bright\?"
)
_HYPOTHETICAL = Phrases(
    [p for p in lx.HYPOTHETICAL_PHRASES if not p.startswith(("if ", "i", "we"))]
)
_CONDITIONAL = re.compile(
    r"\bif\s+(?:i|we|you|a|an|the|someone|somebody|there|it|that|this|they|he|she|my|our|"
    r"something|anyone|a\s+\w+)\b"
)
_REFUSAL = Phrases(lx.REFUSAL_PHRASES)
_PENDING = Phrases(lx.PENDING_PHRASES)
_OUTCOME_PHRASE = Phrases(lx.OUTCOME_PHRASES)
_STRONG_OUTCOME = re.compile(
    r"\b(?:in the end|as a result|ended up|turned out|paid off|went (?:down )?well|worked out|"
    r"was a (?:big |huge |real )?success|no (?:more |further )?complaints|on time|ahead of "
    r"(?:schedule|time)|under budget|back on track|got better|(?:a lot|much|far|lot) better|"
    r"thanked|since then|ever since|no longer|never had|did(?:n't| not) (?:happen|need)|"
    r"settled down|went (?:up|down|out|live|through)|(?:were|was) (?:up|down) (?:on|by)|"
    r"(?:signed|sign) off|got through|held up|came (?:back|in|round|around)|agreed to|"
    r"withdrew|passed|approved|adopted|kept (?:them|the|it|her|him|their)|won (?:the|back|"
    r"them)|lost (?:the|a|an)|we lost|missed (?:my|the|our)|stabilised|stabilized|reopened|"
    r"didn't (?:really )?work|did not work|doesn't work|work out|worked|improved|"
    r"(?:fell|rose|dropped|grew|increased|decreased|reduced|shrank|climbed|jumped) (?:to|from|by|"
    r"below|under|over|above)|(?:went|moved|came) from\b|happy|happier|relieved|grateful|"
    r"satisfied|confident|delighted|pleased|calm(?:er)?|smoother|easier|faster|quicker|"
    r"zero|none of|nobody (?:\w+ )?(?:missed|complained|left)|still (?:a |our )?(?:customer|"
    r"client|use|uses|using|with us|there|running|in place)|"
    r"(?<!\bi )(?<!\bwe )(?:used|adopted|copied|reused|kept using) (?:my|our)\b|"
    r"(?:rolled|roll) (?:it )?out (?:to|across)|became (?:a|the|part|standard)|"
    r"(?:is|was|became|has become) (?:now )?(?:standard|part of)|took (?:photos|it) (?:of|to)|"
    r"asked (?:me )?(?:for|to) (?:the|it|more|help|us)|wrote to|promoted|recognised|recognized|"
    r"praised|award(?:ed)?|exceeded|beat (?:the|our|my)|hit (?:the|our|my)|met (?:the|our|my)|"
    r"reached|achieved|delivered (?:on time|early|ahead)|filed|launched|shipped|went (?:out|in)|"
    r"(?:was|were|is|are|went|came|got|fell|dropped|been) (?:down|up) to|"
    r"(?:was|were) (?:settled|granted|shortlisted|selected|chosen|hired|renewed|kept|saved|"
    r"cleared|discharged)|"
    r"(?:was|were|seemed|felt|looked|is|are)\s+(?:\w+\s+)?(?:fine|alright|all right|ok|okay|happy|"
    r"happier|calm|calmer|better|pleased|relieved|grateful|satisfied|delighted|impressed|"
    r"reassured|comfortable|confident|sorted|resolved)|"
    r"(?:on|ahead of|behind) (?:schedule|target|plan|budget)|in time for|"
    r"got the hang of|picked (?:it|things|them) up|(?:was|were) able to|went ahead|"
    r"(?:started|began) (?:to|using|coming|asking|calling|sending|booking|buying)|"
    r"(?:got|get|brought|had|have)\s+(?:\w+\s+){0,3}?back\b|"
    r"(?:working|running|back|operating|functioning)\s+(?:\w+\s+)?(?:normally|again|smoothly|as "
    r"normal|fine|properly)|"
    r"was (?:delivered|completed|finished|resolved|fixed|approved|accepted|signed|racked|emptied|"
    r"reviewed|moved|seen|treated|transferred|reconnected|stabilised|restored|recovered)|"
    r"were (?:delivered|completed|finished|resolved|fixed|approved|accepted|filled|emptied|"
    r"stabilised|seen|treated|reviewed|restored|recovered))\b"
)
_PURPOSE = re.compile(
    r"\b(?:so that|so it|so they|so we|so he|so she|so the|in order to|to make sure|to ensure|"
    r"to avoid|to prevent|to stop|to get|to keep|to see if|hoping|hoped|in case|would|could|"
    r"might|will)\b"
)
_REFLECTION = re.compile(
    _alternation(
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
    + r"|\blessons?\s+(?:for me|i|was|here|learned|learnt|is|from|i've)\b"
    r"|\b(?:biggest|bigger|key|main|big|real|important|valuable|hard|first|clear|simple|"
    r"lasting|one|the|a)\s+lessons?\b(?!\s+(?:plan|plans|time|with|on|in|for the|of the day|"
    r"objective|starter))"
    r"|\b(?:afterwards|later|since|then|eventually)[, ]+(?:i\s+)?(?:realised|realized)\b"
    r"|\bi\s+(?:\w+\s+)?(?:realised|realized)\s+(?:afterwards|later|then|that i|how|i)\b"
    r"|\b(?:it|this|that)\s+(?:showed|taught|reminded|made)\s+me\b"
    r"|\bi(?:'ve| have) (?:since|now)\b|\bi(?:'ve| have) (?:done|used|applied|kept) (?:this|that|"
    r"it) (?:on|ever|since|with)\b"
    r"|\b(?:we|i) should have\b|\bi came to (?:realise|realize|see|understand)\b"
)
_DURATION = r"(?:hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|quarters?)"
_METRIC = re.compile(
    r"[£$€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|million|billion|thousand)\b)?"
    r"|(?<![\w.])\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per cent\b|percentage points?\b|"
    r"(?:k|m|bn|x)\b|million\b|billion\b|thousand\b|hundred\b|points?\b|pts\b|ms\b|"
    r"(?!" + _DURATION + r"\b)[a-z-]{3,}(?:s|ups)\b)"
    r"|(?<![\w.])(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|a hundred)\s+(?:\w+\s+)?(?:per|a|an|every|each)\s+"
    r"(?:day|week|month|year|shift|hour|quarter|night)\b"
    r"|\bno (?:more |further |new |other )?(?:[a-z]+-[a-z]+ )?(?:complaints|errors|incidents|"
    r"objections|issues|problems|defects|escalations|returns|penalties|injuries|falls|bites|failures|breaches|"
    r"findings|points|comments|delays|outages|complaint|objection|penalty)\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+" + _DURATION + r"\s+"
    r"(?:inside|ahead of|before|under)\b"
    r"|\b(?:to|by|from|under|below|over|than|within|just|only|saved|saving|in|inside)\s"
    r"(?:\d[\d,]*(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"twenty|thirty|forty|fifty)\s?" + _DURATION + r"\b"
    r"|(?<![\w.])(?:\d[\d,]*(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twelve|twenty)\s?" + _DURATION + r"\s+(?:early|earlier|ahead|faster|sooner|quicker|late|"
    r"later than|less|fewer|shorter|instead|of (?:downtime|delay))\b"
    r"|(?<![\w.])\d[\d,]*(?:\.\d+)?\s+(?:of|out of)\s+(?:the\s+|our\s+)?\d[\d,]*\b"
    r"|\bfrom\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+|under\s+)?[£$€]?\d[\d,.]*"
    r"\s?(?:%|k|m)?\s+(?:\w+\s+)?to\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+|under\s+)?"
    r"[£$€]?\d[\d,.]*\s?(?:%|k|m)?"
    r"|\b(?:doubled|tripled|trebled|quadrupled|halved|zero|twice as|three times|ten times|"
    r"a third|a quarter|by half|in half)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[\s-](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?\s+(?:percent|per cent|points|people|customers|complaints|"
    r"errors|tickets|calls|patients|students|pupils|staff|sites|stores|roles|deals|clients|"
    r"orders|containers|units|members|accounts|sign-ups|directors|managers|teachers|nurses)\b"
)
_VAGUE_OUTCOME = re.compile(
    r"\b(?:better|fine|well|good|great|happy|happier|pleased|ok|okay|confident|comfortable|"
    r"smoother|easier|calmer|positive|successful|success|more or less|mostly|seemed|seems|"
    r"nothing major|reasonably|a bit|somewhat|i think|i guess|probably|sort of|kind of|"
    r"pretty much|quite|improved|less stressful|went down|went up|got through|settled)\b"
)
# Numbers that are not outcomes: years, times of day, ordinals.
_NOT_METRIC = re.compile(r"^(?:(?:19|20)\d\d|\d{1,2}(?::\d\d)?\s?(?:am|pm)|\d+(?:st|nd|rd|th))$")
_HEDGE = Phrases(lx.HEDGES)
_SINGULAR = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"})
_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll"})
_SUBJECT_I = frozenset({"i", "i'd", "i've", "i'm", "i'll"})
_SUBJECT_WE = frozenset({"we", "we'd", "we've", "we're", "we'll"})
_EMBEDDING_WORDS = frozenset(
    """
    what that which how where because if when until while as before after whether whatever
    unless though although says said say told tells think thought knew know felt feel
    """.split()
)
_VAGUE_OBJECTS = frozenset("it things everything that this them on hard with around".split())
_CONDITIONAL_OPENERS = frozenset({"if", "unless", "whenever", "suppose", "supposing"})
# "When I joined...", "while I was...": the clause sets the scene rather than reporting an action.
_SCENE_OPENERS = frozenset({"when", "while", "whilst", "as", "since", "until"})
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
    bare_actions: int = 0
    we_actions: int = 0
    modal: int = 0
    perfect: int = 0
    past: bool = False
    habitual: bool = False
    self_description: bool = False
    generic_you: bool = False
    hypothetical_frame: bool = False
    conditional: bool = False
    time_anchor: bool = False
    place_anchor: bool = False
    existential: bool = False
    problem: int = 0
    task_frame: bool = False
    outcome: float | None = None
    pending: bool = False
    obligation: bool = False
    goal: bool = False
    scene: bool = False
    vague_outcome: bool = False
    tokens: list[str] = field(default_factory=list)
    vocab: set[str] = field(default_factory=set)
    reflection: bool = False
    refusal: bool = False
    ownership: bool = False
    specifics: int = 0
    hedges: int = 0
    metrics: list[str] = field(default_factory=list)

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
        if self.past and (self.i_past_actions or self.existential or self.time_anchor):
            return False
        return self.habitual or self.self_description or self.generic_you or self.refusal

    @property
    def narrative(self) -> bool:
        """Part of a particular past event."""
        if self.imagined or self.general:
            return False
        return self.past or self.existential


def _is_past(token: str, previous: str, before: str = "") -> bool:
    """Whether `token` is a past-tense verb form (regular or irregular)."""
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


def _scan_subjects(features: SentenceFeatures, tokens: list[str]) -> None:
    """Find "I"/"we" clauses and classify the verb that follows each."""
    first_action = -1
    for position, token in enumerate(tokens):
        if token in _SINGULAR:
            features.singular += 1
        elif token in _PLURAL:
            features.plural += 1
        if token not in _SUBJECT_I and token not in _SUBJECT_WE:
            continue
        mine = token in _SUBJECT_I
        if position and tokens[position - 1] in _CONDITIONAL_OPENERS:
            continue  # "if I disagreed...": a condition, not something done
        if position and tokens[position - 1] in _SCENE_OPENERS:
            features.scene = True
            continue
        acted = first_action >= 0 or features.i_present_actions > 0 or features.we_actions > 0
        if token.endswith("'ll"):
            if not acted:  # after "I told him", "I'll" is reported speech, not a plan
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
            if verb in lx.PARTICIPLES or verb in lx.IRREGULAR_PAST or verb.endswith("ed"):
                features.past = True  # "I'd tested": had, not would
            elif not acted:
                features.modal += 1
            continue
        if verb in lx.OBLIGATION_VERBS:
            features.obligation = mine
            continue
        if verb in lx.MODAL_VERBS:
            if verb not in ("could", "can") and not acted:
                features.modal += 1
            continue
        if verb in lx.NEGATIONS or verb in lx.STATE_VERBS:
            continue
        past = _is_past(verb, token)
        if not mine:
            # "what we buy", "the owner says we save": not something the group did here.
            if not position or tokens[position - 1] not in _EMBEDDING_WORDS:
                features.we_actions += 1
            continue
        weight = 1.0
        if verb in lx.VAGUE_VERBS:
            # A light verb: "I did the planning" is a thin action; "I sorted it out" hardly one.
            after = tokens[cursor + 1] if cursor + 1 < len(tokens) else ""
            weight = 0.5 if after in _VAGUE_OBJECTS else 0.75
        elif verb in lx.DISCOVERY_VERBS or verb == "spent":
            weight = 0.5
        if verb in lx.VAGUE_VERBS:
            features.i_vague_actions += 1
        if habitual:
            features.habitual = True
        if past or verb in _AMBIGUOUS_PAST:
            features.i_past_actions += weight
        else:
            features.i_present_actions += weight
        if first_action < 0:
            first_action = cursor
    if first_action >= 0:
        # Verbs chained to the same "I": "I stopped the dig, got a survey and redrew the plan".
        extra = 0
        for position in range(first_action + 1, len(tokens)):
            token = tokens[position]
            if tokens[position - 1] in _COORDINATORS and token not in lx.STATE_VERBS:
                if _is_past(token, "") and token not in lx.DISCOVERY_VERBS:
                    extra += 1
        features.i_past_actions += 0.75 * min(extra, 4)
    elif tokens and _is_past(tokens[0], "") and tokens[0] not in lx.STATE_VERBS:
        # A clause with no subject, as in bullets: "listed all requests, scored them, ...".
        count = 1
        for position in range(1, len(tokens)):
            if tokens[position - 1] in _COORDINATORS and _is_past(tokens[position], ""):
                count += 1
        features.bare_actions = count


def sentence_features(sentence: Sentence) -> SentenceFeatures:
    """Extract every structural cue of one sentence."""
    norm = sentence.norm
    features = SentenceFeatures(sentence=sentence)
    tokens = _TOKEN.findall(norm)
    features.words = sum(1 for t in tokens if t[0].isalnum())
    _scan_subjects(features, tokens)
    if not features.past:
        previous = before = ""
        for token in tokens:
            if _is_past(token, previous, before):
                features.past = True
                break
            previous, before = token, previous
    vocab = set(tokens)
    has_digit = _NUMBER_GATE.search(norm) is not None
    features.tokens = tokens
    features.vocab = vocab
    features.habitual = features.habitual or _HABITUAL.search(norm, vocab)
    features.self_description = bool(_SELF_DESCRIPTION.search(norm))
    features.generic_you = not _YOU_WORDS.isdisjoint(vocab) and bool(_GENERIC_YOU.search(norm))
    features.conditional = "if" in vocab and bool(_CONDITIONAL.search(norm))
    features.hypothetical_frame = features.conditional or _HYPOTHETICAL.search(norm, vocab)
    features.time_anchor = (
        (has_digit and _YEAR.search(norm) is not None)
        or any(
            not gate.isdisjoint(vocab) and pattern.search(norm) is not None
            for gate, pattern in _TIME_ANCHORS
        )
        or (not _SEASON_WORDS.isdisjoint(vocab) and _SEASONAL.search(norm) is not None)
    )
    capitalised = sentence.text[1:] != norm[1:]  # cheap: any capital letter after the first
    features.place_anchor = bool(
        _PLACE_ANCHOR.search(norm) or (capitalised and _PROPER_PLACE.search(sentence.text))
    )
    features.existential = "there" in vocab and bool(_EXISTENTIAL.search(norm))
    features.problem = sum(1 for t in tokens if t in _PROBLEM_SET)
    features.task_frame = features.obligation or bool(_TASK_FRAME.search(norm))
    features.goal = features.task_frame and (features.obligation or bool(_GOAL.search(norm)))
    features.scene = features.scene or (
        not _SCENE_WORDS.isdisjoint(vocab) and bool(_SCENE.search(norm))
    )
    features.reflection = not _REFLECTION_WORDS.isdisjoint(vocab) and bool(_REFLECTION.search(norm))
    features.refusal = _REFUSAL.search(norm, vocab)
    features.ownership = "myself" in tokens or "personally" in tokens
    features.hedges = _HEDGE.count(norm, vocab)
    if (
        has_digit
        or not _NUMBER_WORDS.isdisjoint(vocab)
        or ("no" in vocab and not _ZERO_NOUNS.isdisjoint(vocab))
    ):
        features.metrics = [
            m.group(0).strip() for m in _METRIC.finditer(norm) if not _NOT_METRIC.match(m.group(0))
        ]
    features.specifics = len(features.metrics) + (
        sum(1 for _ in _CAPITALISED.finditer(sentence.text, 1)) if capitalised else 0
    )
    return features


_PROBLEM_SET = frozenset(lx.PROBLEM_WORDS)
_YOU_WORDS = frozenset({"you", "don't", "isn't", "right"})
_SCENE_WORDS = frozenset(
    "was were suddenly overnight nowhere warning notice minute last-minute unexpectedly "
    "sudden".split()
)
# "I went through the report" is something done, not something that changed.
_BY_ME = re.compile(r"\bi(?:\s+(?:also|then|just|first|quickly|personally|\w+ly))?\s+$")
_OUTCOME_SET = frozenset(lx.OUTCOME_VERBS)
_CAPITALISED = re.compile(r"(?<=[a-z,] )[A-Z][\w&-]+")


def measure_outcome(features: SentenceFeatures) -> SentenceFeatures:
    """Fill the outcome cues of a sentence (done only for sentences that may hold a result)."""
    if features.outcome is not None:
        return features
    norm = features.sentence.norm
    features.pending = _PENDING.search(norm, features.vocab)
    features.vague_outcome = _VAGUE_OUTCOME.search(norm) is not None
    features.outcome = _outcome_strength(norm, features.tokens, features)
    return features


def _outcome_strength(norm: str, tokens: list[str], features: SentenceFeatures) -> float:
    """How strongly a sentence states what changed (0 = not at all)."""
    if features.pending:
        return 0.0
    strong = sum(
        1
        for match in _STRONG_OUTCOME.finditer(norm)
        if not _BY_ME.search(norm, max(0, match.start() - 24), match.start())
    )
    weak = 0
    previous = ""
    for token in tokens:
        if token in _OUTCOME_SET and previous not in _SUBJECT_I:
            weak += 1
        if token not in lx.ADVERBS_BETWEEN:
            previous = token
    phrases = _OUTCOME_PHRASE.count(norm, features.vocab)
    score = 1.5 * strong + 0.5 * weak + 0.5 * phrases + (1.0 if features.metrics else 0.0)
    if _PURPOSE.search(norm) and not strong:
        score *= 0.3
    return score
