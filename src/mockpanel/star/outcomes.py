"""Outcome language: how strongly a sentence says what changed, and whether that is known yet.

A result is told in many ways that never use the word "result": a change of state ("complaints
fell", "the reviews calmed down", "the extension came through"), a comparison ("from 11 to
none", "a day early"), completion ("the scan was done", "we made the deadline"), the reaction
of others ("she emailed to thank me", "they asked me to run it again"), or the problem not
coming back ("no patient needed an extra visit"). Each family below is structural and holds in
any industry. Verbs the speaker did ("I kept the heater running") are actions, never outcomes.
"""

from __future__ import annotations

import re

from mockpanel.star import lexicon as lx
from mockpanel.star.patterns import TOKEN, GatedPatterns, Phrases, word_pattern
from mockpanel.star.signals import SUBJECT_I, SentenceFeatures

_PENDING = Phrases(lx.PENDING_PHRASES)
# Outcomes hoped for or not known: "we're hoping it'll be approved", "I'm not sure where it
# ended up", "it goes to committee next month".
_UNKNOWN = word_pattern(
    r"\b(?:i'm|i am|we're|we are|i was|we were)\s+(?:\w+\s+)?(?:hoping|"
    r"hopeful|waiting|not sure|unsure|still not sure)\b"
    r"|\b(?:not (?:actually |really |totally |entirely |100% )?sure|"
    r"don't (?:actually |really )?know|do not know|didn't know|no idea|"
    r"never (?:actually |really )?(?:found out|heard|knew|learned|learnt|saw)|"
    r"(?:trying to|can't|cannot|don't) remember)"
    r"\s+(?:\w+\s+)?(?:where|how|what|whether|if|why)\b"
    r"|\b(?:fingers crossed|hopefully)\b"
    r"|\b(?:goes|go|is going|are going|comes|come|is due|are due)\s+(?:\w+\s+){0,2}?"
    r"(?:to|before|in front of)\s+(?:the\s+)?(?:\w+\s+)?(?:committee|board|panel|court|"
    r"tribunal|hearing|review|vote|council)\b"
    # A decision or an event still ahead: "before it takes a final decision", "the decision
    # won't come until spring", "I can't tell you yet", "the meeting itself is next month".
    r"|\b(?:before|until|till)\s+(?:it|they|he|she|we|the\s+\w+)\s+(?:takes?|makes?|reach(?:es)?)"
    r"\s+(?:a|the|its|their|his|her)\s+(?:final\s+)?decision\b"
    r"|\b(?:won't|will not|doesn't|does not|isn't|is not)\s+(?:\w+\s+)?(?:come|be\s+\w+|happen|"
    r"start|finish|know)\s+until\b"
    r"|\b(?:can't|cannot|can not|couldn't)\s+(?:\w+\s+)?(?:tell|say)\s+(?:you\s+)?yet\b"
    r"|\b(?:no|not|nothing)\s+(?:\w+\s+)?(?:decision|decided|agreed|signed|approved|known)"
    r"\s+yet\b"
    r"|\byet to\s+(?:be|decide|hear|see|take|make|sign|approve|agree|start|finish|launch)\b"
    # Not yet, not until, and still to come: "I don't know the result yet", "it doesn't air
    # until May", "the council will vote on it next month", "we're spraying it next week".
    r"|\b(?:can't|cannot|don't|do not|doesn't|didn't|not)\b[^.;]{0,40}?\byet\b"
    r"|\b(?:will|'ll|going to)\s+(?:\w+\s+)?(?:vote|decide|hear|announce|rule|choose|review|"
    r"consider|look at)\b"
    r"|\b(?:will|'ll|going to|we're|i'm|they're|it's|he's|she's)\s+(?:[\w-]+\s+){0,3}?next\s+"
    r"(?:week|month|year|quarter|term|spring|summer|autumn|winter|season)\b"
    r"|\b(?:hasn't|haven't|has not|have not)\b[^.;]{0,40}?\byet\b"
    r"|\b(?:doesn't|does not|won't|will not|isn't|is not|aren't|are not)\b[^.;]{0,40}?\buntil\b"
    # Left before the end: "that's where I left it", "someone else picked it up after that".
    r"|\b(?:that's|that is|that was)\s+(?:\w+\s+){0,2}?where\s+(?:i|we)\s+left\s+"
    r"(?:it|things|off)\b"
    r"|\bsomeone else\s+(?:picked|took)\s+(?:it|things|them)\s+(?:up|over|on)\b"
    r"|\b(?:is|are)\s+(?:\w+\s+)?(?:next|in\s+(?:a|two|three|four|six))\s+(?:week|month|"
    r"year|quarter|term|spring|summer|autumn|winter|weeks|months)\b"
)
_UNKNOWN_WORDS = frozenset(
    "hoping hopeful waiting sure unsure know idea found heard knew crossed hopefully committee "
    "board panel court tribunal hearing review vote council decision until yet next left else "
    "learned learnt saw remember hasn't haven't doesn't won't isn't aren't can't cannot don't "
    "didn't not will going we're i'm they're it's he's she's"
    "".split()
)
_OUTCOME_PHRASE = Phrases(lx.OUTCOME_PHRASES)
# A wait declined is no wait: "instead of waiting to see how it developed".
_NOT_WAITING = re.compile(r"\b(?:instead of|rather than|without)\s+(?:just\s+)?waiting\b")
# A change of state told in the present: "now every job is in the sheet", "no longer".
_NOW_CHANGED = re.compile(r"^\W*(?:and\s+|so\s+)?now\b|\bany ?more\b|\bno longer\b")
# What changed, family by family: (kind, gate, pattern). Each family is tried only when the
# sentence holds one of its gate words, since every branch needs one of them. "changed" is a
# change of state; "confirmed" is evidence from outside the speaker (the rubric's "external
# confirmation"): a standard met, a sign-off, the reaction of others, the problem gone, a
# comparison with a baseline. Every family holds in any industry; none names a job.
_FAMILIES: tuple[tuple[str, str, str], ...] = (
    (
        "changed",
        "end result ended turned paid worked success track better since settled through held "
        "kept lost missed stabilised stabilized reopened work improved hang picked able ahead "
        "started began filed launched shipped rolled roll became become standard photos took "
        "part went well",
        # Outcome idioms: "in the end", "it worked", "since then", "got the hang of it".
        r"\b(?:in the end|as a result|ended up|turned out|paid off|went (?:down )?well|worked out|"
        r"was a (?:big |huge |real )?success|back on track|got better|"
        r"(?:a lot|much|far|lot) better|"
        r"(?:since then|ever since)(?!,?\s+i\b)|settled down|got through|held up|"
        r"kept (?:them|the|it|her|him|their)|lost (?:the|a|an)|we lost|missed (?:my|the|our)|"
        r"stabilised|stabilized|reopened|didn't (?:really )?work|did not work|doesn't work|"
        r"work out|worked|improved|got the hang of|picked (?:it|things|them) up|"
        r"(?:was|were) able to|went ahead|"
        r"(?:started|began) (?:to )?(?:use|using|come|coming|attend|attending|ask|asking|call|"
        r"calling|book|booking|order|ordering|recommend|recommending|send|sending|refer|referring|buy|"
        r"buying|trust|trusting|talk|talking|share|sharing|follow|following|enjoy|enjoying|"
        r"improv(?:e|ing)|eat|eating|sleep|sleeping|smil(?:e|ing)|laugh|laughing|read|reading|"
        r"speak|speaking|join|joining|pay|paying|return|returning|bring|bringing|pick(?:ing)? up|"
        r"turn(?:ing)? up|show(?:ing)? up|mak(?:e|ing) (?:money|a profit|sales))|filed|launched|"
        r"shipped|(?:rolled|roll) (?:it )?out (?:to|across)|became (?:a|the|part|standard)|"
        r"(?:is|was|became|has become) (?:now )?(?:standard|part of)|"
        r"took (?:photos|it) (?:of|to))\b",
    ),
    (
        "changed",
        "went gone moved came come fell rose dropped grew increased decreased reduced shrank "
        "climbed jumped go goes comes drop drops fall falls rise rises get gets got been up down",
        # Movement and comparison: "fell to 3%", "went from 40 to 12", "came back", "up from".
        r"\b(?:(?:fell|rose|dropped|grew|increased|decreased|reduced|shrank|climbed|jumped) (?:to|"
        r"from|by|below|under|over|above)|(?:went|gone|moved|came|come) from|"
        r"went (?:up|down|out|live|through|in)|(?:were|was) (?:up|down) (?:on|by)|"
        r"came (?:back|in|round|around)|"
        r"(?:was|were|is|are|went|came|got|fell|dropped|been) (?:down|up) to|"
        r"(?:was|were|is|are|kept|started|been) going (?:up|down)\b|"
        r"(?:go|goes|come|comes|drop|drops|fall|falls|rise|rises|get|gets)\s+(?:down\s+|up\s+)?"
        r"from|(?:up|down)\s+from|(?:came|went|got)\s+(?:through|home|there|over the line))\b",
    ),
    (
        "changed",
        "happy happier relieved grateful satisfied confident delighted pleased calm calmer "
        "smoother easier faster quicker fine alright right ok okay better impressed reassured "
        "comfortable sorted resolved safe unharmed stable settled good normal it's that's "
        "everything's all's",
        # States reached: "she was relieved", "it felt much easier", "all good now".
        r"\b(?:happy|happier|relieved|grateful|satisfied|confident|delighted|pleased|calm(?:er)?|"
        r"smoother|easier|faster|quicker|"
        r"(?:was|were|seemed|felt|looked|is|are)\s+(?:\w+\s+){0,2}?(?:fine|alright|all right|ok|"
        r"okay|happy|happier|calm|calmer|better|pleased|relieved|grateful|satisfied|delighted|"
        r"impressed|reassured|comfortable|confident|sorted|resolved|safe|unharmed|stable|"
        r"settled)"
        r"|all\s+(?:good|fine|sorted|ok|okay|fixed|working)"
        r"|(?:it's|that's|everything's|things're|all's)\s+(?:\w+\s+)?(?:fine|ok|okay|good|better|"
        r"sorted|working|normal)"
        r"|(?:good|fine|okay|ok|sorted|fixed|working|normal)\s+(?:now|again|since))\b",
    ),
    (
        "changed",
        "settled kept saved cleared discharged delivered completed finished resolved fixed "
        "accepted racked emptied reviewed moved seen treated transferred reconnected stabilised "
        "restored recovered filled done paid sorted accounted installed answered replaced "
        "rebooked refunded reinstated repaired extended reversed withdrawn upheld rehoused "
        "closed published working running back operating functioning",
        # Completed and restored: "the scan was done", "everything was back to normal".
        r"\b(?:(?:was|were) (?:settled|kept|saved|cleared|discharged)|"
        r"was (?:delivered|completed|finished|resolved|fixed|accepted|racked|emptied|reviewed|"
        r"moved|seen|treated|transferred|reconnected|stabilised|restored|recovered)|"
        r"were (?:delivered|completed|finished|resolved|fixed|accepted|filled|emptied|"
        r"stabilised|seen|treated|reviewed|restored|recovered)|"
        r"(?:was|were|got|had been|has been|have been|is now|are now)\s+(?:all\s+|fully\s+|"
        r"finally\s+|successfully\s+|eventually\s+|then\s+|also\s+|safely\s+)?(?:done|paid|"
        r"treated|sorted|accounted for|installed|answered|replaced|rebooked|refunded|reinstated|"
        r"repaired|extended|reversed|withdrawn|upheld|rehoused|closed|published|settled)|"
        r"(?:working|running|back|operating|functioning)\s+(?:\w+\s+)?(?:normally|again|"
        r"smoothly|as normal|fine|properly))\b",
    ),
    (
        "changed",
        "calmed settled quietened quieted cooled died slowed tailed petered levelled leveled now "
        "since been "
        "evened eased dried thinned cleared wound ran sold caught carried kept went got stopped "
        "ceased disappeared vanished ended halved doubled improved recovered shrank grew rose "
        "fell dropped increased decreased drop fall rise increase reduction decrease improvement "
        "jump uplift saving savings cut",
        # A change told with a particle or of a thing by itself: "the reviews calmed down",
        # "the arguments stopped", "he got his visit", "a 12% drop in no-shows".
        r"\b(?:calmed|settled|quietened|quieted|cooled|died|slowed|tailed|petered|levelled|"
        r"leveled|evened|eased|dried|thinned|cleared|wound)\s+(?:down|off|out|up)\b"
        r"|\b(?:ran|sold)\s+out\b|\bcaught up\b|\bcarried on\b|\bkept going\b"
        r"|\bwent\s+(?:fine|okay|ok|smoothly|quiet|quieter|ahead|to plan|as planned)\b"
        r"|\b(?:he|she|they|everyone|everybody|both|all|each)\s+(?:\w+\s+)?got\s+(?:his|her|their|"
        r"its|the|a|an|what)\s+(?:\w+\s+)?\w+"
        r"|\b(?:the|their|our|his|her|its|all|any|most|both|those|he|she|they|it|everyone|"
        r"everything)\s+(?:[\w-]+\s+){0,2}?(?:stopped|ceased|disappeared|vanished|ended|halved|"
        r"doubled|improved|recovered|eased|shrank|grew|rose|fell|dropped|increased|decreased|"
        r"settled|cleared|went away)\b"
        r"|\b(?:a|an)\s+(?:[\d.,]+\s?%\s+|\w+\s+)?(?:drop|fall|rise|increase|reduction|decrease|"
        r"improvement|jump|uplift|saving|savings|cut)\s+(?:in|of)\b"
        # Someone else's changed habit: "he now reminds the others".
        r"|\b(?:he|she|they|everyone|everybody|the team|staff)\s+now\s+(?!that\b)[a-z]+s?\b"
        # A state kept ever since: "the classrooms have been warm every Monday since".
        r"|\b(?:has|have|'s|'ve)\s+been\s+(?:[\w-]+\s+){1,4}?(?:since|ever since)\b",
    ),
    (
        "changed",
        "managed got through",
        # Getting through it, told with its subject: "we managed all the calls", "we got him
        # down to the ambulance", "I got out that way".
        r"\b(?:we|i|they|he|she|everyone|everybody)\s+(?:\w+\s+)?(?:managed\s+(?:all|every|both|"
        r"to\s+(?:get|keep|finish|save|clear|cover|hit|meet|deliver|open|reach|make))|"
        r"got\s+(?:him|her|them|it|everyone|everybody|everything|all|us)\s+(?:\w+\s+)?(?:down|"
        r"out|back|home|through|there|done|sorted|finished|fixed|open|running|moving|working)|"
        r"got\s+(?:out|through|there|home)\s+(?:that|in|on|with|before|by)|got through (?:it|the))"
        r"\b",
    ),
    (
        "changed",
        "got get gets getting picked perked warmed sped speeded freed cheered livened made",
        # Something else brought into a new state: "the home got put into special measures",
        # "it got picked up by the nationals", "sales picked up", "he made it".
        r"\b(?:got|gets|getting)\s+(?:\w+ly\s+)?(?!(?:stuck|involved|used|engaged|married|"
        r"tired|bored|worried|scared|interested|excited|confused|lost|started|ready|dressed)\b)"
        r"(?:[a-z]{3,}ed|put|picked up|taken|given|chosen|shown|seen|done|sent|built|paid|sold|"
        r"won|caught|cut|set|sorted|fixed|approved|signed off)\b"
        r"|\b(?:got|get|gets|getting)\s+used\s+to\s+(?:it|them|the|this|that)\b"
        r"|\b(?:picked|perked|warmed|sped|speeded|freed|cheered|livened)\s+up\b(?!\s+(?:the|a|an|"
        r"my|his|her|their|our|on|it|them|him|some|that|this|with|for)\b)"
        r"|\b(?:he|she|they|we|it|everyone|everybody|all|both|all of them)\s+(?:\w+\s+)?made it\b"
        r"(?=\s*(?:[.,;!]|$|through|home|back|out|in time|on time|safely|alive|to the))",
    ),
    (
        "confirmed",
        "complaints time schedule budget longer never didn't not thanked signed sign agreed "
        "withdrew passed approved adopted won zero none nobody still used copied reused asked "
        "wrote promoted recognised recognized praised award awarded exceeded beat hit met "
        "reached achieved delivered granted shortlisted selected chosen hired renewed target "
        "plan deadline cut-off cutoff due made deadlines targets kept using sla",
        # A standard met or a decision won: "on time", "signed off", "made the deadline".
        r"\b(?:no (?:more |further )?complaints|on time|ahead of (?:schedule|time)|under budget|"
        r"no longer|never had|did(?:n't| not) (?:happen|need)|thanked|(?:signed|sign) off|"
        r"agreed to|withdrew|passed|approved|adopted|won (?:the|back|them)|zero|none of|"
        r"nobody (?:\w+ )?(?:missed|complained|left)|still (?:a |our )?(?:customer|client|use|"
        r"uses|using|with us|there|running|in place)|"
        r"(?<!\bi )(?<!\bwe )(?:used|adopted|copied|reused|kept using) (?:my|our)|"
        r"asked (?:me )?(?:for|to) (?:the|it|more|help|us)|wrote to|promoted|recognised|"
        r"recognized|praised|award(?:ed)?|exceeded|beat (?:the|our|my)|hit (?:the|our|my)|"
        r"met (?:the|our|my)|reached|achieved|delivered (?:on time|early|ahead)|"
        r"(?:was|were) (?:granted|shortlisted|selected|chosen|hired|renewed|approved|signed)|"
        r"(?:on|ahead of|behind|inside|within|under|below|over|above) (?:the |our |my )?"
        r"(?:schedule|target|targets|plan|budget|sla)|"
        r"in time(?= for| to|\s*[.,;!]|\s*$)|"
        r"(?:by|before|ahead of|inside|within) the (?:\w+ )?(?:deadline|cut-off|cutoff|due date)|"
        r"made\s+(?:the|our|my|its|their|every|both|all)\s+(?:[\w-]+\s+){0,2}?(?:deadline|"
        r"deadlines|target|targets|cut|cut-off|cutoff|date|collection|flight|connection|numbers|"
        r"budget|shortlist|final|semi-?final|quarter-?final|play-?off|podium|slot|window)s?)\b",
    ),
    (
        "confirmed",
        "complimented commended congratulated credited thank thanked thanks said saying says "
        "told wrote emailed commented mentioned reported asked came come left gave sent "
        "highlighted shared cited praised used showed comes received got had shook shaking "
        "hugged hugging",
        # The reaction of others: thanks, praise, being asked back or asked to do it again.
        r"\b(?:complimented|commended|congratulated|credited)\b"
        r"|\b(?:to|and)\s+thank\s+(?:me|us|the team|my team)\b|\bthank(?:ed)?\s+me\s+(?:by name|"
        r"personally|for)\b|\b(?:said|say|says)\s+thank(?:s| you)\b"
        r"|\b(?:said|saying|says|told (?:me|us|my manager)|wrote|emailed|commented|mentioned|"
        r"reported)\s+(?:that\s+)?(?:it|this|the|my|our|they|she|he|their|his|her)\b[^.;]{0,30}?"
        r"\b(?:useful|helpful|great|clear|brilliant|fine|good|better|excellent|the best|clearer|"
        r"easier|much easier|invaluable|reassuring|a relief|one of the (?:best|\w+est)|"
        r"the (?:smoothest|easiest|quickest|clearest|calmest))\b"
        r"|\basked\s+(?:if|whether)\s+(?:i|we)\s+(?:can|could|would)\b"
        r"|\basked\s+(?:me|us|for me|for us)\s+(?:to\s+(?:do|run|lead|train|present|come|be|help|"
        r"share|write|cover|take|look|join|mentor|coach)|again|back|by name)\b"
        r"|\b(?:came|come|comes)\s+back\s+(?:to (?:me|us)|again|the next|every|for more|as)\b"
        r"|\b(?:came|come|comes)\s+back\s+(?:\w+\s+){0,3}?(?:to\s+(?:thank|say thank|bring|give)|"
        r"with\s+(?:a|an|some)\s+(?:card|gift|flowers|chocolates|present|thank))"
        r"|\b(?:received|got|had)\s+(?:\d[\d,]*|a|an|some|several|many|lots of|dozens of|loads of|"
        r"two|three|four|five|six|ten|twenty)\s+(?:[\w-]+\s+){0,2}?(?:thank-you|thank you|thanks|"
        r"compliments|cards|letters of thanks|testimonials|five-star|5-star|referrals)\b"
        r"|\b(?:shook|shaking)\s+(?:my|our|his|her)\s+hands?\b|\bshook\s+hands\b"
        r"|\b(?:hugged|hugging)\s+(?:me|us)\b|\bgave\s+(?:me|us)\s+a\s+(?:hug|big hug|thumbs up)\b"
        r"|\b(?:left|gave|wrote|sent)\s+(?:us|me)?\s*(?:a|an)\s+(?:[\w-]+\s+)?(?:review|rating|"
        r"feedback|note|card|letter|email|message|gift)\b"
        r"|\b(?:mentioned|highlighted|shared|cited|praised|used|showed)\s+(?:it|this|that|"
        r"my\s+[\w-]+|what i)\s+(?:at|in|to|as|with)\b",
    ),
    (
        "confirmed",
        "no not never didn't hasn't haven't hadn't wasn't weren't don't doesn't won't anymore",
        # The problem gone, or nobody suffered it: "no patient needed an extra visit".
        r"\bno (?:use of|need for|further|lasting|repeat|more|major|serious|new|one else|other)\b"
        r"|\b(?:didn't|did not|never|hasn't|has not|haven't|have not|hadn't|"
        r"(?:he|she|it|they|we)(?:'s|'ve) not)\s+"
        r"(?:had|have|got|get|seen|see|received|receive|lost|lose|needed|need|heard of|hear of|"
        r"logged|log)\s+"
        r"(?:a single|any|one|another|a repeat)\b"
        r"|\b(?:no|not a single|not one)\s+(?:[\w-]+\s+)?(?:[\w-]+)\s+(?:needed|complained|left|"
        r"missed|came back|got hurt|was hurt|was lost|went missing|was late|failed)\b"
        r"|\b(?:didn't|did not|never|hasn't|has not|haven't|hadn't|wasn't|weren't)\s+(?:\w+\s+)?"
        r"(?:trip|happen|recur|fail|break|crash|come back|return|complain|reoffend|relapse|drop|"
        r"slip|leak|go down|miss)\w*\s+(?:once|again|since|after that|afterwards|for|"
        r"(?:that|this|all|the whole|the next|the following)\s+(?:winter|summer|spring|autumn|year|"
        r"month|week|season|term|quarter))\b"
        # Not since: "he hasn't left a tool up there since"; not any more: "we don't lose
        # tickets any more".
        r"|\b(?:hasn't|has not|haven't|have not|hadn't|had not)\b[^.;]{0,50}?\bsince\b"
        r"|\b(?:don't|doesn't|do not|does not|didn't|did not|won't|never)\b[^.;]{0,40}?"
        r"\bany ?more\b",
    ),
    (
        "changed",
        "before",
        # A before-and-after told side by side: "before, every third scan failed; after, one
        # in ten".
        r"(?:^|[.;:]\s*)\W*before\b[^.!?]{3,100}?[,;:-]\s*(?:and\s+)?(?:after|afterwards|now|"
        r"since)\b",
    ),
    (
        "confirmed",
        "reported recorded logged saw seen there off",
        # Checked and found clear: "reported no clouding at either site", "there have been no
        # falls since"; taken off a watch list: "the GP took him off the review list".
        r"\b(?:reported|recorded|logged|saw|seen|found)\s+no\s+(?:more\s+|further\s+|new\s+)?"
        r"[a-z-]{3,}"
        r"|\bthere\s+(?:have|has|had)\s+been\s+no\s+(?:more\s+|further\s+|new\s+)?[a-z-]{3,}"
        r"|\b(?:took|take|takes|taken|came|come|was|were|got)\s+(?:\w+\s+)?off\s+(?:the|his|her|"
        r"their|its)\s+(?:[\w-]+\s+){0,2}?(?:list|register|watch|medication|plan|caseload|"
        r"measures)\b",
    ),
    (
        "confirmed",
        "against only highest lowest best fastest biggest quickest strongest busiest smoothest "
        "first record half twice double third quarter fraction times than compared versus "
        "instead furthest farthest most fewest",
        # Measured against a need or a baseline: "40 against the 200 I needed", "the highest
        # traffic of the year", "about half what the previous scheme had".
        r"\bagainst\s+(?:the\s+|a\s+|our\s+|my\s+|its\s+)?(?:\d[\d,.]*|target|goal|forecast|"
        r"budget|plan)\b|\bonly\s+(?:got|made|reached|sold|hit|managed|raised|achieved|won)\b"
        r"|\b(?:highest|lowest|best|fastest|biggest|quickest|strongest|busiest|smoothest|first|"
        r"furthest|farthest|most|fewest)\b"
        r"[^.;]{0,40}?\b(?:of the year|ever|on record|in (?:years|its history|our history|the "
        r"region|the company|the trust|the group))\b"
        r"|\b(?:a|new|all-time|company|site)\s+record\b|\brecord\s+(?:high|low|month|week|year|"
        r"sales)\b"
        r"|\b(?:half|twice|double|a third|a quarter|a fraction|\w+ times)\s+(?:of\s+)?(?:what|as "
        r"(?:many|much|fast|quick)|the (?:number|rate|level|amount))\b"
        r"|\binstead of\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:\d[\d,.]*|one|two|three|"
        r"four|five|six|seven|eight|nine|ten|twelve|several|a few)\b"
        r"|\b(?:than|compared (?:with|to)|against|versus)\s+(?:the\s+|our\s+|its\s+)?(?:previous|"
        r"last|old|usual|year before|same (?:period|time|month|quarter)|forecast|controls?|"
        r"baseline)\b",
    ),
)
_OUTCOME = GatedPatterns((gate, word_pattern(pattern)) for _, gate, pattern in _FAMILIES)
_CONFIRMING = frozenset(at for at, (kind, _, _) in enumerate(_FAMILIES) if kind == "confirmed")

# Resultative constructions: the speaker brought something into a new state ("had her heating
# back on", "got the contract signed"). Unlike other verbs the speaker did, these are outcomes.
_RESULTATIVE = word_pattern(
    r"\b(?:got|get|brought|had|have)\s+(?![a-z]+ed\b)(?:\w+\s+){0,3}?back\b"
    r"|\b(?:got|get|had)\s+(?:it|them|everything|everyone|everybody|all|this|that|him|her|"
    r"(?:the|his|her|their|our|my|every|both)\s+(?:[\w-]+\s+)?[\w-]+)\s+(?:\w+\s+)?(?:done|"
    r"finished|fixed|sorted|signed|approved|home|through|over the line|delivered|paid|resolved|"
    r"working|running|reopened|restored|live)\b"
    # "got 31 labelling failures corrected", "had all the rotas approved".
    r"|\b(?:got|get|had)\s+(?:\d[\d,]*|all|every|both|the|their|our|his|her|its|those|these|most|"
    r"each|several|two|three|four|five|six|seven|eight|nine|ten|dozens)\s+(?:[\w-]+\s+){0,3}?"
    r"(?!(?:needed|used|wanted|called|booked|scheduled|planned|stuck|involved|based|related|"
    r"worried|interested|qualified|experienced)\b)[a-z]{3,}ed\b"
)
# A passive told of someone or something else after the actions: "the man was arrested".
_PASSIVE = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?([a-z]{3,}ed|given|taken|seen|shown|written|driven|broken|"
    r"chosen|spoken|done|sold|paid|told|found|kept|sent|built|brought|caught|held|won|lost|made|"
    r"put|set|cut|run)\b"
)
_RESULTATIVE_WORDS = frozenset({"got", "get", "brought", "had", "have"})
_PASSIVE_WORDS = frozenset({"was", "were"})
# "So that", "to make sure", "would": an aim. (A plain "so we dropped it" is a consequence.)
_PURPOSE = Phrases(
    "so that|in order to|to make sure|to ensure|to avoid|to prevent|to stop|to get|to keep|"
    "to see if|hoping|hoped|in case|would|could|might|will".split("|")
)
_VAGUE_OUTCOME = Phrases(
    "better|fine|well|good|great|happy|happier|pleased|ok|okay|confident|comfortable|smoother|"
    "easier|calmer|positive|successful|success|more or less|mostly|seemed|seems|nothing major|"
    "reasonably|a bit|somewhat|i think|i guess|probably|sort of|kind of|pretty much|quite|"
    "improved|less stressful|went down|went up|got through|settled".split("|")
)
# Metrics that measure a change ("from 40 to 12", "7%", "zero") rather than effort or scale
# ("14 weeks", "6 people", "3 rounds of talks").
_CHANGE_METRIC = re.compile(
    r"%|percent|per cent|^from\b|^no\b|zero|doubled|tripled|trebled|halved|twice|times|half|"
    r"[£$€¥]|\bof\b|early|earlier|ahead|faster|sooner|quicker|less|fewer|shorter|instead|"
    r"inside|"
    r"^only\b|^just\b|"
    r"^(?:to|by|under|below|within|in|saved|saving)\b"
)
# "I went through the report" is something done, not something that changed.
_NEGATIONS = ("didn't", "did not", "never", "hasn't", "haven't", "hadn't", "not ", "no ")
_BY_ME = re.compile(
    r"\b(?:i|i'd|i've)(?:\s+(?:also|then|just|first|quickly|personally|\w+ly))?\s+$"
)
# "...as it came in", "before the plasterers came in": a time clause, not what changed.
_WHILE = re.compile(r"\b(?:as|when|while|whilst|before|until|till|whenever)\s+(?:\w+\s+){0,2}$")
_BY_ME_PASSIVE = re.compile(r"\b(?:i|we|who|which|that)\s+$")
_OUTCOME_SET = frozenset(lx.OUTCOME_VERBS)


def measure_outcome(features: SentenceFeatures) -> SentenceFeatures:
    """Fill the outcome cues of a sentence (done only for sentences that may hold a result)."""
    if features.outcome is not None:
        return features
    norm = features.sentence.norm
    vocab = features.vocab
    features.pending = (_PENDING.search(norm, vocab) and _NOT_WAITING.search(norm) is None) or (
        not _UNKNOWN_WORDS.isdisjoint(vocab) and _UNKNOWN.search(norm) is not None
    )
    features.vague_outcome = _VAGUE_OUTCOME.search(norm, vocab)
    features.outcome, features.outcome_cued = _outcome_strength(norm, features)
    return features


def now_changed(norm: str) -> bool:
    """Whether a present-tense sentence tells a change of state ("now every job is logged")."""
    return _NOW_CHANGED.search(norm) is not None


def change_metrics(metrics: list[str]) -> list[str]:
    """The metrics that measure a change rather than effort or scale."""
    return [m for m in metrics if _CHANGE_METRIC.search(m)]


def _by_me_starts(norm: str, features: SentenceFeatures) -> set[int]:
    """Character offsets of the verbs the speaker is the subject of."""
    if not features.i_verbs:
        return set()
    wanted = set(features.i_verbs)
    last = max(wanted)
    starts: set[int] = set()
    for index, match in enumerate(TOKEN.finditer(norm)):
        if index in wanted:
            starts.add(match.start())
        if index >= last:
            break
    return starts


def _outcome_strength(norm: str, features: SentenceFeatures) -> tuple[float, bool]:
    """How strongly a sentence states what changed (0 = not at all), and whether its language or
    its numbers speak of a change at all (rather than of effort or scale)."""
    if features.pending:
        return 0.0, False
    vocab = features.vocab
    mine: set[int] | None = None
    starts: set[int] = set()
    confirmed = 0
    for family in _OUTCOME.candidates(vocab):
        for match in _OUTCOME.pairs[family][1].finditer(norm):
            at = match.start()
            if mine is None:
                mine = _by_me_starts(norm, features)
            # "I didn't get a single complaint": a problem gone, even told with "I".
            gone = family in _CONFIRMING and match.group(0).startswith(_NEGATIONS)
            if (
                at in starts
                or (at in mine and not gone)
                or (not gone and _BY_ME.search(norm, max(0, at - 24), at))
                or _WHILE.search(norm, max(0, at - 30), at)
            ):
                continue
            starts.add(at)
            confirmed += family in _CONFIRMING
    strong = len(starts)
    features.confirmed = confirmed > 0
    features.outcome_clauses = strong
    weak = 0
    if not _OUTCOME_SET.isdisjoint(vocab):
        chained = set(features.i_verbs)
        tokens = features.tokens
        between = lx.ADVERBS_BETWEEN
        for position, token in enumerate(tokens):
            if token not in _OUTCOME_SET or position in chained:
                continue
            # The subject is the nearest word before it that is not an adverb ("I quickly cut").
            before = position - 1
            while before >= 0 and tokens[before] in between:
                before -= 1
            if before >= 0 and tokens[before] in SUBJECT_I:
                continue
            # "The project went on for a while": carrying on is not an outcome.
            if not (token == "went" and tokens[position + 1 : position + 2] == ["on"]):
                weak += 1
    resultative = 0
    if not _RESULTATIVE_WORDS.isdisjoint(vocab):
        resultative = sum(1 for _ in _RESULTATIVE.finditer(norm))
    if not _PASSIVE_WORDS.isdisjoint(vocab):
        weak += sum(
            1
            for match in _PASSIVE.finditer(norm)
            if match.group(1) not in lx.ED_ADJECTIVES
            and not _BY_ME_PASSIVE.search(norm, max(0, match.start() - 8), match.start())
        )
    phrases = _OUTCOME_PHRASE.count(norm, features.vocab)
    strong += resultative
    cued = bool(strong or weak or phrases or change_metrics(features.metrics))
    measured = 0.0
    if features.metrics:
        measured = 1.0 if cued else 0.5
    score = 1.5 * strong + 0.5 * weak + 0.5 * phrases + measured
    if not strong and _PURPOSE.search(norm, vocab):
        score *= 0.3
    return score, cued
