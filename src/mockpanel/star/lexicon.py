"""Word lists the STAR analyzer recognises. Pure data: patterns.py compiles them."""

from __future__ import annotations

# Verbs that follow "I" without describing something the speaker did.
STATE_VERBS = frozenset(
    """
    am was were be been being is are have has had having
    think thought believe believed know knew feel felt guess suppose mean meant hope hoped
    wish wished like liked love loved enjoy enjoyed hate hated remember remembered forget forgot
    understand understood expect expected assume assumed seem seemed prefer preferred tend tended
    want wanted need needed wonder wondered doubt doubted care cared consider considered
    learned learnt learn realised realized realise realize imagine imagined reckon reckoned
    figure figured bet guessed admire admired appreciate appreciated respect respected
    cried cry wept weep panicked panic laughed laugh smiled smile sighed froze despaired prayed
    """.split()
)

# "I would", "I'd", "I'll": the speaker imagines rather than recalls.
MODAL_VERBS = frozenset("would could should might will shall can may 'd 'll".split())
# Obligation told in the past or by non-native speakers ("I must keep it running"): a task.
OBLIGATION_VERBS = frozenset("must".split())

NEGATIONS = frozenset(
    """
    don't didn't doesn't can't cannot couldn't wouldn't won't never haven't hadn't wasn't
    shouldn't not no
    """.split()
)

# Adverbs that may sit between "I" and its verb.
ADVERBS_BETWEEN = frozenset(
    """
    also then just first finally personally immediately quickly eventually actually really basically
    even still later soon initially instead again only simply carefully directly myself and
    straight right literally honestly probably definitely certainly quietly calmly gradually
    obviously kind sort of so now once already both
    """.split()
)

HABITUAL_ADVERBS = frozenset(
    "always usually typically generally normally often tend sometimes".split()
)

# Seeing or finding something is part of the story, but weaker evidence than doing something.
DISCOVERY_VERBS = frozenset(
    """
    noticed found saw spotted discovered heard observed notice find see spot discover hear observe
    watched shadowed watch shadow
    """.split()
)

# Verbs that say little about what was actually done.
VAGUE_VERBS = frozenset(
    """
    helped worked dealt handled supported tried did made looked got went kept used managed sorted
    help work deal handle support try do make look get go keep use manage sort
    """.split()
)

# Irregular past tenses (and a few past participles) of common verbs.
IRREGULAR_PAST = frozenset(
    """
    was were had did went got took made said told gave found saw came ran wrote sent spent brought
    bought built led kept left felt thought knew met paid put set cut rang sat stood won lost sold
    chose drew drove fell rose grew began became held caught taught heard understood shut hit let
    spoke broke woke dealt meant sought struck hung fought threw wore forgot overcame undertook
    oversaw withdrew rebuilt rewrote redrew reran outgrew foresaw mistook upheld ate slept swam sang
    sank shook stole strove swore tore bore bent bled bred fed fled flung fled forbade forgave froze
    laid lent lit misled overheard overtook paid proved quit read rode rid shone shot slid split
    spread sprang stuck stung stank strode swung wept wound wrung undid underwent withheld
    """.split()
)

# Past participles: "I'd written" is "I had written", not "I would".
PARTICIPLES = frozenset(
    """
    done gone seen taken given written known shown grown drawn driven broken chosen spoken
    begun run become forgotten risen fallen stolen worn torn been had got gotten made
    """.split()
)

# "-ed" words that are usually adjectives rather than past tenses.
ED_ADJECTIVES = frozenset(
    """
    need red bed seed feed speed weed bleed breed greed shed indeed proceed exceed succeed
    excited interested based skilled experienced detailed organised organized motivated talented
    dedicated qualified advanced varied tired bored worried scared stressed surprised pleased
    relaxed focused focussed committed balanced limited unlimited related complicated sophisticated
    sacred naked wicked hundred reed deed heed kindred rugged ragged jagged beloved
    """.split()
)

# Fillers of spoken answers; masked before analysis so they do not split a clause.
FILLER_WORDS = ("um", "umm", "uh", "uhh", "uhm", "er", "erm", "ehm", "ah", "hmm", "mm")
FILLER_PHRASES = ("you know", "i mean", "like,", ", like", "sort of", "kind of", "basically")

HEDGES = (
    "maybe",
    "perhaps",
    "i think",
    "i guess",
    "i suppose",
    "probably",
    "sort of",
    "kind of",
    "a bit",
    "somewhat",
    "more or less",
    "i'm not sure",
    "not sure",
    "i believe",
    "roughly",
    "fairly",
)

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()

SEASONS = (
    "spring summer autumn fall winter christmas easter term semester quarter year month week "
    "weekend night shift season holiday holidays half-term"
).split()

NUMBER_WORDS = (
    "a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "few couple several some many"
).split()

# Places and organisations a story happens in ("at my last store", "in a parcel hub").
WORKPLACES = (
    """
    job role position company employer firm store shop school hospital ward hotel restaurant site
    team agency client practice bank department office warehouse depot hub centre center plant
    factory startup start-up branch clinic unit organisation organization business place
    placement internship project programme program account contract consultancy charity council
    trust nursery college university academy lab laboratory call kitchen bar cafe café pub
    retailer supplier manufacturer distributor scheme campaign launch shift night rotation
    farm rig vessel ship yard port route wing station terminal airport prison court studio reception
    gallery museum festival conference venue salon surgery pharmacy garage estate
    """
).split()

# Problem and pressure words: a situation with something at stake.
PROBLEM_WORDS = (
    """
    problem problems issue issues complaint complaints complained complaining failing failed failure
    late delay delayed delays deadline deadlines crisis challenge challenging broke broken
    dropped drop falling fell stuck backlog behind overrun overdue error errors mistake mistakes
    risk risks threat threatening unhappy angry upset frustrated frustration conflict disagreement
    disagreed argued arguing argument tension tight pressure urgent urgently short-staffed sick
    shortage gap gaps churn losing lost lose outage incident bug bugs defect defects escalated
    escalation penalty penalties overbooking overbooked struggling struggled worse declining
    decline unclear ambiguous vague nobody none couldn't wasn't weren't didn't hadn't
    inconsistent jam jamming jammed dispute resistance pushback worry worried crept wrong missing
    threatened falling quit quitting refused refusing crash crashed crashing crashes
    """
).split()

# Outcome verbs and phrases: what changed.
OUTCOME_VERBS = (
    """
    fell rose dropped increased decreased reduced improved grew doubled halved tripled cut saved
    went came landed reached hit met exceeded beat passed closed won lost kept retained
    renewed signed approved agreed adopted accepted launched shipped delivered reopened finished
    completed resolved fixed stabilised stabilized recovered returned stopped disappeared settled
    worked succeeded failed achieved earned generated secured avoided prevented prevent
    recognised recognized praised thanked promoted awarded rolled used reused copied withdrew
    filed cleared reconciled rated scored ranked topped shrank shortened sped freed
    dropping rising falling growing improving switched changed moved signed opened arrived
    stayed remained rebuilt repaired replaced restored reinstated reconnected rehoused
    """
).split()

OUTCOME_PHRASES = (
    "in the end",
    "as a result",
    "by the end",
    "end result",
    "the result",
    "the outcome",
    "outcome was",
    "which meant",
    "that meant",
    "this meant",
    "it meant",
    "ended up",
    "turned out",
    "paid off",
    "went well",
    "went down well",
    "went smoothly",
    "worked out",
    "work out",
    "was a success",
    "were a success",
    "no complaints",
    "zero",
    "on time",
    "ahead of schedule",
    "under budget",
    "on budget",
    "back on track",
    "got better",
    "got back",
    "was fine",
    "were fine",
    "happy",
    "satisfied",
    "relieved",
    "grateful",
    "calmer",
    "calm",
    "thanked",
    "thanks to",
    "since then",
    "ever since",
    "from then on",
    "to this day",
    "still use",
    "still uses",
    "now use",
    "now uses",
    "became",
    "has become",
    "have become",
    "never had",
    "no longer",
    "did not happen",
    "didn't happen",
    "never happened",
    "did not need",
    "didn't need",
    "none of",
    "nobody",
    "no one",
    "afterwards",
    "after that",
    "following month",
    "following week",
    "following quarter",
    "following year",
    "next month",
    "next quarter",
    "within",
    "eventually",
    "finally",
    "at the end",
    "the next day",
    "the next morning",
    "the next week",
    "the following day",
    "the following morning",
    "later",
)

# Outcome still unknown: a "result" that is not one yet.
PENDING_PHRASES = (
    "still waiting",
    "waiting to see",
    "too early to",
    "too soon to",
    "don't know yet",
    "do not know yet",
    "not sure yet",
    "we'll see",
    "still deciding",
    "still thinking about it",
    "still undecided",
    "still considering",
    "haven't decided",
    "have not decided",
    "not decided yet",
    "we will see",
    "remains to be seen",
    "yet to see",
    "haven't heard",
    "have not heard",
    "not finished yet",
    "still ongoing",
    "is ongoing",
    "still in progress",
)

# Frames that state the speaker's responsibility or goal.
TASK_NOUNS = (
    "job responsibility responsibilities task goal aim brief part remit objective role target "
    "mission challenge priority focus duty assignment"
).split()

TASK_VERBS_AFTER_I = (
    "had needed wanted was were volunteered decided offered agreed chose set took owned "
    "aimed planned promised committed"
).split()

# Reflection: a lesson or a change in how the speaker works now.
REFLECTION_PHRASES = (
    "i learned",
    "i learnt",
    "i've learned",
    "i've learnt",
    "i have learned",
    "i have learnt",
    "learned that",
    "learnt that",
    "lesson",
    "lessons",
    "taught me",
    "teaches me",
    "showed me",
    "shown me",
    "made me realise",
    "made me realize",
    "looking back",
    "in hindsight",
    "with hindsight",
    "in retrospect",
    "next time",
    "if i did it again",
    "if i had to do it again",
    "if i were to do it again",
    "if i could do it again",
    "would do differently",
    "do differently",
    "done differently",
    "would have done",
    "i'd have",
    "i would have",
    "i should have",
    "should have",
    "takeaway",
    "take-away",
    "what i took",
    "i took away",
    "what i take",
    "i take from",
    "the thing i'd",
    "the thing i would",
    "going forward",
    "from now on",
    "since then i",
    "since then, i",
    "since then i've",
    "since then, i've",
    "ever since i've",
    "these days i",
    "i now",
    "i've since",
    "i have since",
    "i still",
    "i realised",
    "i realized",
    "i understood",
    "it reminded me",
    "reminded me",
    "my learning",
    "key learning",
    "it taught",
    "i discovered that i",
    "the biggest thing i",
    "stuck with me",
    "changed how i",
    "changed the way i",
    "i always now",
    "i make sure",
    "i now make sure",
)

# Habitual or generic framing: no particular occasion.
HABITUAL_PHRASES = (
    "always",
    "usually",
    "typically",
    "generally",
    "normally",
    "often",
    "tend to",
    "tends to",
    "whenever",
    "each time",
    "as a rule",
    "in general",
    "most of the time",
    "on a daily basis",
    "day to day",
    "day-to-day",
    "every time",
    "every day",
    "every shift",
    "every week",
    "every month",
    "every store",
    "every team",
    "every job",
    "every role",
    "every client",
    "every customer",
    "every student",
    "every patient",
    "every project",
    "every company",
    "in every",
    "my approach is",
    "my approach would",
    "the key is",
    "the key thing",
    "it's important to",
    "it is important to",
    "i believe",
    "i'm the kind",
    "i'm the type",
    "i'm the sort",
    "i am the kind",
    "i'm the one who",
    "i'm someone who",
    "i am someone who",
    "i'm a ",
    "i am a ",
    "i'm an ",
    "i am an ",
    "i'm very",
    "i'm really",
    "i'm pretty",
    "i'm extremely",
    "i'm quite",
    "i'm naturally",
    "my strength",
    "my biggest strength",
    "my strengths",
    "you have to",
    "you need to",
    "you can't",
    "you just",
    "you should",
    "you've got to",
    "don't you",
)

# Framing of an imagined answer.
HYPOTHETICAL_PHRASES = (
    "if i ",
    "if we ",
    "if you ",
    "if a ",
    "if an ",
    "if the ",
    "if someone",
    "if there",
    "if it ",
    "if that",
    "if this",
    "in this kind of situation",
    "for this kind of situation",
    "in that kind of situation",
    "in a situation like",
    "in such a situation",
    "in such situations",
    "in that situation",
    "in this situation",
    "in that case",
    "in such a case",
    "what i would do",
    "my approach would",
    "i would",
    "i'd ",
    "i will",
    "i'll",
    "i could",
    "i might",
    "we would",
    "we'd",
    "we will",
    "we'll",
)

REFUSAL_PHRASES = (
    # Said of the speaker: "he's not had a single fall since" is an outcome, not a refusal.
    "can't think of",
    "cannot think of",
    "can not think of",
    "don't have an example",
    "do not have an example",
    "don't have a specific",
    "i haven't had",
    "i haven't really had",
    "i have never had",
    "i've never had",
    "i've never really had",
    "i never really had",
    "i've not had a",
    "i have not had",
    "i haven't been in",
    "i haven't come across",
    "i've not come across",
    "i've not been in that",
    "i've never had to",
    "i never had to",
    "i have never had to",
    "i've never been in",
    "i have never been in",
    "we haven't had",
    "we've never had",
    "can't recall",
    "cannot recall",
    "can't remember a",
    "don't really have",
    "pass on this",
    "skip this",
    "no example",
    "not applicable",
)

# Question boilerplate that says nothing about the competency asked for.
QUESTION_STOPWORDS = frozenset(
    """
    tell me about time times you your yourself describe give example examples situation when
    where what which who how why did do does done had have has were was the a an to of in on for
    with and or that this it its at as by from into about out up had handle handled happened
    happen could would should can will please walk us through share moment instance occasion
    recent recently most last one some any something someone somebody thing things specific
    particular really very more much many well go went get got make made take took let
    result results outcome learn learned did what's
    """.split()
)

STOPWORDS = frozenset(
    """
    i me my mine myself we us our ours ourselves you your yours he him his she her hers it its
    they them their theirs a an the and or but if so because as of at by for from in into on onto
    to with without about above after again against all am is are was were be been being have has
    had having do does did doing would should could can will shall may might must not no nor only
    own same than too very just also then there here when where why how what which who whom this
    that these those each few more most other some such any both up down out over under off once
    further yeah um uh like really actually basically well okay ok right so bit lot things thing
    """.split()
)

# Themes that name the kind of event the story must be about, most specific first: a question
# about a conflict with a client is answered by a conflict, not by any story with a client in
# it. The others (leadership, ownership, teamwork...) can be shown by almost any story, so
# missing their words proves nothing.
EVENT_THEMES = (
    "complaint",
    "failure",
    "conflict",
    "influence",
    "explaining",
    "development",
    "prioritisation",
    "customer",
)

# A question about disagreeing with one's own manager is answered only by a story in which a
# superior takes part ("my line manager", "the head chef", "the director who ran the unit").
SUPERIOR_QUESTION = r"\b(?:your|a)\s+(?:line\s+)?(?:manager|boss|supervisor|superior)\b"
SUPERIOR_MENTION = (
    r"\b(?:my|our|the)\s+(?:[\w-]+\s+){0,2}?(?:manager|boss|supervisor|superior|director|head|"
    r"lead|leader|chef|editor|partner|principal|headteacher|sergeant|captain|consultant|matron|"
    r"owner|ceo|md|vp|cto|cfo|coo|founder|registrar|foreman|superintendent|commander)s?\b"
    r"|\bwho\s+(?:ran|led|managed|headed|oversaw|supervised)\b|\breport(?:ed|s)?\s+to\b"
    r"|\b(?:my|our)\s+boss\b|\bhigher up\b|\bsenior(?:s| management| leadership| leaders)\b"
)

# A question about working with others ("worked with others", "as part of a team") is answered
# only by a story with someone beside the speaker: "we", a colleague, a partner, "together".
TOGETHER_QUESTION = (
    r"\b(?:with others|with other people|with (?:a|your) team|as (?:part of )?a team|in a team|"
    r"team ?work|teamwork|collaborat\w*|together|shared goal|common goal|jointly)\b"
)
COMPANY_MENTION = (
    r"\b(?:we|we'd|we've|we're|we'll|us|our|ours|together|jointly|colleagues?|co-workers?|"
    r"coworkers?|team ?mates?|teams?|partners?|peers?|alongside|between us|both of us|"
    r"each other|one another|the others|the rest of|with (?:the|my|our|his|her|their|him|them|a|an|"
    r"two|three|four|several|other|another))\b|\bcollaborat"
)

# Competency themes: words in a question that name the theme, and words in an answer that
# show the answer engages with it. Markers longer than four letters are matched as word prefixes
# (stems such as "disagre"); shorter ones as whole words, so "war" does not match "warehouse".
COMPETENCY_THEMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "conflict": (
        (
            "conflict",
            "disagree",
            "disagreement",
            "difficult colleague",
            "argument",
            "dispute",
            "difficult stakeholder",
            "difficult person",
            "difficult customer",
            "difficult client",
            "aggressive",
            "opposing",
            "tension",
        ),
        (
            "conflict",
            "disagre",
            "argu",
            "tension",
            "clash",
            "dispute",
            "fell out",
            "fallen out",
            "falling out",
            "not speaking",
            "weren't speaking",
            "wasn't speaking",
            "friction",
            "complain",
            "frustrat",
            "upset",
            "angry",
            "unhappy",
            "blame",
            "finger-point",
            "at odds",
            "not his problem",
            "not her problem",
            "not my problem",
            "resist",
            "push back",
            "pushback",
            "pushed back",
            "objected",
            "objecting",
            "objection",
            "refus",
            "difficult",
            "tense",
            "row",
            "fall out",
            "didn't get on",
            "not getting on",
            "mediat",
            "concern",
            "escalat",
            "annoy",
            "shout",
            "rude",
            "threat",
            "ombudsman",
            "different view",
            "different opinion",
            "at war",
            "war",
            "furious",
            "worried",
            "worry",
            "stalemate",
            "agreed",
            "agree",
            "compromise",
            "middle ground",
            "both sides",
            "each side",
            "heated",
            "hostile",
            "snapped",
            "irritat",
            "fed up",
            "stubborn",
            "insist",
            "wouldn't",
            "won't",
            "reject",
            "opposed",
            "opposing",
            "fight",
            "fought",
            "kept taking",
            "kept interrupting",
            "clashing",
            "aggressive",
            "demanding",
            "challenging",
            "awkward",
            "cross",
            "rant",
            "tears",
            "crying",
            "apologis",
            "apologiz",
            "sorry",
            "calm",
            "de-escalat",
            "resolv",
            "common ground",
            "wanted",
            "rather than",
            "instead",
            # Opposition and friction, however the story words it: "kept changing the brief",
            # "she didn't want...", "but he said...".
            "kept",
            "didn't want",
            "did not want",
            "but",
            "however",
            "although",
            "though",
            "whereas",
            "nervous",
            "reluctan",
            "unwilling",
            "cancelling",
            "changing",
        ),
    ),
    "failure": (
        (
            "fail",
            "mistake",
            "lost",
            "missed a",
            "missed an",
            "missed the",
            "missed your",
            "you missed",
            "wrong",
            "didn't work",
            "did not work",
            "error",
            "setback",
            "go to plan",
            "go as planned",
            "go according to plan",
            "go well",
            "went badly",
            "backfire",
            "fell short",
            "regret",
        ),
        (
            "fail",
            "mistake",
            "lost",
            "lose",
            "losing",
            "miss",
            "wrong",
            "error",
            "didn't work",
            "did not work",
            "not work",
            "fault",
            "my change",
            "my check",
            "under-design",
            "broke",
            "sting",
            "regret",
            "should have",
            "setback",
            "short of",
            "below",
            "worse",
            "bug",
            "incident",
            "rolled back",
            "roll back",
            "overlook",
            "delay",
            "late",
            "missing",
            "forgot",
            "slip",
            "complain",
            "hadn't",
            "wasn't",
            "didn't",
            "couldn't",
            "crash",
            "went down",
            "broke down",
            "let down",
            "let them down",
            "let the team down",
            "let my",
            "was down",
            "were down",
            "downtime",
            "blame",
            "apologis",
            "apologiz",
            "sorry",
            "rework",
            "redo",
            "behind",
            "overrun",
            "over budget",
            "declin",
            "reject",
            "cancel",
            "collaps",
            "stuck",
            "flop",
            "disappoint",
            # Something to put right, or a plan knocked off course: "had to correct the table",
            # "the kitchen was shut", "nobody had told us".
            "correct",
            "fix",
            "problem",
            "issue",
            "closed",
            "shut",
            "died",
            "broken",
            "nobody had told",
            "hadn't told",
            "too low",
            "too high",
            "understat",
            "overstat",
            "what i'd done",
            "what i had done",
            # Falling short of what was needed: "short of the 200 I needed".
            "without checking",
            "without actually",
            "picked it up",
            "never really",
            "never got",
            "switched it off",
            "scrapped",
            "abandon",
            "shelved",
            "pulled the plug",
            "short of",
            "ran short",
            "were short",
            "was short",
            "ran out",
            "flopped",
            "under-",
            "over-order",
            "refund",
            "too late",
            "too much",
            "underestimat",
            "overestimat",
            "misjudg",
            "misread",
            "misunderst",
            "backfir",
            "embarrass",
            "didn't go",
            "did not go",
            "not good enough",
            "went badly",
            "cost us",
        ),
    ),
    "influence": (
        (
            "persuad",
            "influenc",
            "convinc",
            "change their mind",
            "change his mind",
            "change her mind",
            "win over",
            "win someone over",
            "win people over",
            "point of view",
            "bring round",
            "bring someone round",
            "buy-in",
            "without authority",
            "adopt",
        ),
        (
            "persuad",
            "convinc",
            "influenc",
            "win them",
            "won them",
            "won over",
            "agreed",
            "agree",
            "sign off",
            "signed off",
            "sign up",
            "buy-in",
            "approv",
            "adopt",
            "switch",
            "pitch",
            "proposal",
            "propos",
            "present",
            "recommend",
            "case",
            "data",
            "evidence",
            "trial",
            "pilot",
            "accept",
            "changed their mind",
            "came round",
            "came around",
            "advi",
            "explain",
            "took him through",
            "took her through",
            "took them through",
            "walked",
            "risk",
            "set out",
            "set it out",
            "understood",
            "persuasi",
            "went through it",
            "show",
            "showed",
            "talked him through",
            "talked her through",
            "talked them through",
            "showing",
            "scenario",
            "rethink",
            "reconsider",
            "the numbers",
            "the figures",
            "business case",
        ),
    ),
    # Explaining something to someone needs the explaining in the story, not only the work.
    "explaining": (
        (
            "explain",
            "non-technical",
            "non-specialist",
            "lay audience",
            "get your message across",
            "get a message across",
            "communicated complex",
            "present complex",
            "presented complex",
            "simplif",
        ),
        (
            "explain",
            "told",
            "tell",
            "said",
            "spoke",
            "talk",
            "wrote",
            "write",
            "rang",
            "call",
            "email",
            "letter",
            "message",
            "meeting",
            "brief",
            "present",
            "slide",
            "diagram",
            "drawing",
            "drew",
            "chart",
            "map",
            "picture",
            "analog",
            "metaphor",
            "like a",
            "plain",
            "simple",
            "jargon",
            "understand",
            "understood",
            "summar",
            "walked",
            "showed",
            "demonstrat",
            "question",
            "ask",
            "word",
            "language",
            "translat",
            "step by step",
            "example",
        ),
    ),
    # Developing someone needs someone who learned or grew in the story.
    "development": (
        (
            "develop someone",
            "developed someone",
            "developed a",
            "develop a member",
            "mentor",
            "coached",
            "coaching someone",
            "grow their",
            "helped someone grow",
            "trained someone",
        ),
        (
            "mentor",
            "coach",
            "train",
            "taught",
            "teach",
            "develop",
            "shadow",
            "feedback",
            "confiden",
            "skill",
            "learn",
            "progress",
            "promot",
            "support",
            "practis",
            "practic",
            "role-play",
            "one-to-one",
            "1:1",
            "show him",
            "show her",
            "showed him",
            "showed her",
            "grew",
            "grow",
            "improv",
            "stretch",
            "delegat",
        ),
    ),
    # A complaint question needs someone unhappy in the story, not just someone served.
    "complaint": (
        (
            "complaint",
            "complain",
            "angry customer",
            "angry client",
            "unhappy customer",
            "unhappy client",
            "upset customer",
            "dissatisfied",
            "irate",
        ),
        (
            "complain",
            "unhappy",
            "angry",
            "upset",
            "dissatisf",
            "frustrat",
            "furious",
            "irate",
            "shout",
            "annoy",
            "disappoint",
            "not happy",
            "wasn't happy",
            "fed up",
            "refund",
            "escalat",
            "apologis",
            "apologiz",
            "sorry",
            "rude",
            "threat",
            "review",
            "grievance",
            "ombudsman",
            "concern",
            "cross",
            "livid",
            "yell",
            "scared",
            "nervous",
            "anxious",
            "worr",
            "distress",
            "shaking",
            "tears",
            "crying",
            "fix",
            "put right",
            "put it right",
            "redo",
            "no charge",
            "free of charge",
            "wrong",
            "mistake",
            "problem",
            "issue",
            "fault",
            "too",
            "came back",
            "come back",
            "returned",
        ),
    ),
    "customer": (
        (
            "customer",
            "client",
            "guest",
            "patient",
            "user",
            "service",
            "extra mile",
            "out of your way",
            "above and beyond",
            "the public",
        ),
        (
            "customer",
            "client",
            "guest",
            "patient",
            "user",
            "caller",
            "buyer",
            "account",
            "service",
            "complain",
            "family",
            "families",
            "resident",
            "member",
            "shopper",
            "student",
            "parent",
            "ticket",
            "csat",
            "nps",
            "branch manager",
            "lady",
            "gentleman",
            "man",
            "woman",
            "dad",
            "mum",
            "mom",
            "mother",
            "father",
            "couple",
            "visitor",
            "passenger",
            "tenant",
            "citizen",
            "public",
            "claimant",
            "applicant",
            "diner",
            "subscriber",
            "consumer",
            "learner",
            "pupil",
            "child",
            "children",
            "kid",
            "elderly",
            "caller",
            "enquir",
            "inquir",
            "booking",
            "order",
            "purchase",
            "refund",
            "delivery",
            # Whoever is served, named as a person: "an old fella on the last bus".
            "fella",
            "bloke",
            "chap",
            "gent",
            "guy",
            "lad",
            "lass",
            "girl",
            "boy",
            "person",
            "someone",
            "somebody",
            "people",
            "regular",
            "punter",
            "tourist",
            "traveller",
            "commuter",
            "homeowner",
            "household",
            "owner",
            "landlord",
            "donor",
            "attendee",
            "delegate",
            "audience",
            # Anyone the speaker served, named only by a pronoun or a family role.
            "he",
            "she",
            "him",
            "her",
            "his",
            "bride",
            "groom",
            "wife",
            "husband",
            "son",
            "daughter",
            "grandad",
            "grandma",
            "gran",
            "baby",
            "elder",
            "older",
        ),
    ),
    "teamwork": (
        ("team", "colleague", "collaborat", "together", "cross-functional", "other teams"),
        (
            "team",
            "colleague",
            "together",
            "collaborat",
            "peer",
            "squad",
            "staff",
            "crew",
            "we",
            "our",
            "everyone",
            "nurse",
            "engineer",
            "manager",
            "department",
            "pair",
            "shift",
            "group",
        ),
    ),
    "leadership": (
        ("led", "lead ", "leading", "leadership", "manage a team", "motivat", "team through"),
        (
            "team",
            "staff",
            "crew",
            "led",
            "lead",
            "manag",
            "motivat",
            "direct",
            "delegat",
            "coach",
            "brief",
            "morale",
            "people",
            "department",
            "report",
            "supervis",
        ),
    ),
    "prioritisation": (
        (
            "priorit",
            "competing",
            "juggl",
            "several urgent",
            "many requests",
            "more requests",
            "at once",
            "multiple deadlines",
            "several deadlines",
            "workload",
            "more work than",
            "mattered most",
            "matters most",
            "what to do first",
        ),
        # What a story about competing demands shows: several things at once, a ranking, what
        # was moved, handed over or left to wait. ("First" is left out: "my first month" says
        # nothing about priorities.)
        (
            "priorit",
            "urgent",
            "deadline",
            "compet",
            "juggl",
            "pushed back",
            "push back",
            "pushed",
            "pulled",
            "moved",
            "postpon",
            "resched",
            "deferr",
            "schedul",
            "delay",
            "later",
            "next week",
            "following",
            "instead",
            "rather than",
            "order",
            "rank",
            "sorted",
            "triage",
            "most important",
            "sickest",
            "impact",
            "effort",
            "focus",
            "same time",
            "same day",
            "same week",
            "same morning",
            "same afternoon",
            "same night",
            "at once",
            "at the same",
            "on top of",
            "consecutive",
            "both",
            "two of",
            "three of",
            "while",
            "plan",
            "wait",
            "paused",
            "handed",
            "delegat",
            "blocked out",
            "backlog",
            "queue",
            "capacity",
            "workload",
            "rush",
            "busy",
            "busiest",
            "peak",
            "trade-off",
            "dropping the ball",
        ),
    ),
    "ambiguity": (
        (
            "unclear",
            "ambigu",
            "little direction",
            "without clear",
            "no clear",
            "uncertain",
            "vague",
            "direction from above",
            "without instructions",
            "no instructions",
        ),
        (
            "unclear",
            "ambigu",
            "no direction",
            "nobody",
            "no one",
            "no guidance",
            "guidance",
            "no template",
            "no budget",
            "no target",
            "vague",
            "brief",
            "assum",
            "defin",
            "clarif",
            "nobody knew",
            "didn't know",
            "not clear",
            "figure out",
            "work out",
            "own",
            "myself",
            "ask",
            "rang",
            "called",
        ),
    ),
    "adaptability": (
        (
            "adapt",
            "change",
            "changed",
            "short notice",
            "plans changed",
            "pivot",
            "flexib",
            "unexpected",
            "new way",
            "new system",
        ),
        (
            "adapt",
            "chang",
            "new",
            "switch",
            "unexpect",
            "sudden",
            "last-minute",
            "short notice",
            "instead",
            "pivot",
            "moved",
            "rewrote",
            "another way",
            "different",
            "learn",
            "strike",
            "vanish",
            "cancel",
            "died",
            "broke",
            "shift",
            "transition",
            "replan",
            "re-plan",
            "rearrang",
        ),
    ),
    "problem-solving": (
        (
            "problem",
            "solve",
            "solved",
            "diagnos",
            "fix",
            "bug",
            "issue",
            "complex",
            "data to",
            "root cause",
            "technical",
        ),
        (
            "problem",
            "solv",
            "fix",
            "diagnos",
            "root cause",
            "cause",
            "found",
            "discover",
            "investig",
            "analys",
            "analyz",
            "data",
            "test",
            "bug",
            "issue",
            "error",
            "fault",
            "why",
            "because",
            "traced",
            "profil",
            "log",
        ),
    ),
    "communication": (
        (
            "communicat",
            "explain",
            "present",
            "non-technical",
            "audience",
            "difficult news",
            "unpopular",
            "complex information",
        ),
        (
            "explain",
            "present",
            "communicat",
            "told",
            "tell",
            "brief",
            "announc",
            "email",
            "slide",
            "chart",
            "plain",
            "simple",
            "language",
            "meeting",
            "conversation",
            "spoke",
            "talk",
            "wrote",
            "update",
            "q&a",
            "questions",
        ),
    ),
    "ownership": (
        (
            "ownership",
            "took responsibility",
            "take responsibility",
            "nobody else",
            "wasn't yours",
            "outside your",
            "own a problem",
            "start to finish",
            "initiative",
        ),
        (
            "own",
            "responsib",
            "volunteer",
            "myself",
            "on me",
            "my job",
            "took it on",
            "nobody",
            "no one",
            "wasn't",
            "initiative",
            "stepped",
            "took on",
            "fix",
            "sort",
            "lead",
            "led",
        ),
    ),
}
