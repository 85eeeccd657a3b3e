"""Relevance: a complete story about something other than what was asked is off-topic (a 1);
a story that answers the question in its own words is not."""

from __future__ import annotations

import pytest

from mockpanel.star import StarAnalyzer
from mockpanel.star.relevance import relevance

MANAGER_QUESTION = "Tell me about a time you disagreed with your manager."
PRIORITY_QUESTION = "Tell me about a time you had to prioritise several urgent requests at once."
CUSTOMER_QUESTION = "Tell me about a time you helped a customer in a difficult situation."
STAKEHOLDER_QUESTION = "Tell me about a time you dealt with a difficult stakeholder."

CONTRACTOR_DISPUTE = (
    "Last year our cleaning contractor kept missing the evening clean on two floors, and their "
    "account manager insisted the problem was our access passes. As facilities lead, I needed "
    "the service back to standard before an audit. I logged every missed clean for a month and "
    "met the account manager with the data. Missed cleans went from 11 a month to none."
)
MANAGER_DISAGREEMENT = (
    "Last spring my line manager wanted to cut our home visits to save travel time. I disagreed "
    "because the visits catch problems early. I pulled six months of notes, showed her that a "
    "third of our referrals came from home visits and suggested keeping them for first-time "
    "parents. She agreed, and we cut travel by about 40%."
)
MENTORING = (
    "When a new analyst joined our help desk last spring, she was closing tickets without notes. "
    "I offered to mentor her for her first month. I sat with her for an hour each morning and "
    "built her a cheat sheet of our top twenty fixes. By the end of the month her tickets were "
    "passing review at 95%, up from about 60%."
)
# Answers to the prioritisation question told in their own words, in different trades.
ON_TOPIC_PRIORITIES = (
    "One Saturday last summer two of our baristas called in sick and the dishwasher broke during "
    "the lunch rush. As shift lead I had to keep service going. I jumped on the bar myself, "
    "asked a floor server to wash cups by hand and put a sign up about longer waits. We got "
    "through the rush with only a couple of complaints.",
    "Last October I had a planning appeal deadline, a site visit and a fee proposal all landing "
    "in the same week. I ranked them by what could not move: the appeal was statutory. I handed "
    "the fee proposal to a colleague, moved the site visit to Monday and blocked two days for "
    "the appeal. The appeal went in a day early.",
    "In my first month on the ward I had six patients when two new admissions arrived at once. "
    "I made sure the sickest was seen first: I gave her antibiotics, then did observations on "
    "the new arrivals and handed my two stable patients to a healthcare assistant. Every "
    "patient was reviewed within the hour.",
)
BUS_PASSENGER = (
    "One time on the last bus of the night there was this old fella who'd got on confused, and "
    "he couldn't remember his address. I'm the driver, so I can't just leave him at the "
    "terminus. I radioed control, sat with him at the depot and gave him a cup of tea while we "
    "waited for the police. They got him home safe in the end."
)
STUDY_WITH_AWKWARD_LESSON = (
    "In my first month at a start-up I was asked to run a diary study, which I had never done, "
    "with two weeks to set it up. I read everything I could find, borrowed a template and "
    "piloted the study with three colleagues before recruiting twenty participants. The study "
    "ran on schedule and we collected 180 entries. I learned that a pilot catches most of the "
    "awkward questions before real participants see them."
)


@pytest.fixture(scope="module")
def analyzer() -> StarAnalyzer:
    return StarAnalyzer()


def test_a_dispute_with_someone_elses_manager_does_not_answer_a_manager_question(
    analyzer: StarAnalyzer,
) -> None:
    analysis = analyzer.analyze(CONTRACTOR_DISPUTE, MANAGER_QUESTION)
    assert "off-topic" in analysis.flags
    assert analysis.overall == 1.0
    assert analysis.components["result"].present  # the parts are still read as the text shows


def test_a_disagreement_with_ones_own_manager_answers_it(analyzer: StarAnalyzer) -> None:
    analysis = analyzer.analyze(MANAGER_DISAGREEMENT, MANAGER_QUESTION)
    assert "off-topic" not in analysis.flags
    assert analysis.overall >= 3.5
    unnamed = MANAGER_DISAGREEMENT.replace("my line manager", "the director who ran the unit")
    assert "off-topic" not in analyzer.analyze(unnamed, MANAGER_QUESTION).flags


def test_a_story_with_no_competing_demands_does_not_answer_a_priorities_question(
    analyzer: StarAnalyzer,
) -> None:
    analysis = analyzer.analyze(MENTORING, PRIORITY_QUESTION)
    assert "off-topic" in analysis.flags
    assert analysis.overall == 1.0


@pytest.mark.parametrize("answer", ON_TOPIC_PRIORITIES)
def test_priorities_told_in_other_words_stay_on_topic(analyzer: StarAnalyzer, answer: str) -> None:
    assert "off-topic" not in analyzer.analyze(answer, PRIORITY_QUESTION).flags


def test_a_customer_named_only_as_a_person_is_still_a_customer(analyzer: StarAnalyzer) -> None:
    assert "off-topic" not in analyzer.analyze(BUS_PASSENGER, CUSTOMER_QUESTION).flags


def test_a_theme_word_in_the_closing_lesson_does_not_make_the_story_on_topic(
    analyzer: StarAnalyzer,
) -> None:
    analysis = analyzer.analyze(STUDY_WITH_AWKWARD_LESSON, STAKEHOLDER_QUESTION)
    assert "off-topic" in analysis.flags


def test_relevance_takes_the_answers_words_when_given() -> None:
    text = "i rang the supplier and the late delivery came in by noon."
    words = set(text.replace(".", "").split())
    question = "Tell me about a time a supplier let you down."
    assert relevance(question, text) == relevance(question, text, answer_words=words)


FAILURE_QUESTION = "Tell me about a project that didn't go to plan."
TEAMWORK_QUESTION = "Tell me about a time you worked with others to reach a shared goal."
COMPLAINT_QUESTION = "Tell me about a time you handled a customer complaint."
CLIENT_CONFLICT_QUESTION = "Tell me about a time you had a conflict with a colleague or a client."
WIN_OVER_QUESTION = "Tell me about a time you had to win someone over to your point of view."

BAKE_SALE_SUCCESS = (
    "Last spring I ran the school's summer fair with a target of £3,000 for new library books. "
    "I booked the stalls, found four sponsors and organised a raffle. We raised £4,650, well over "
    "the target, and the books arrived in June."
)
BAKE_SALE_SLIP = BAKE_SALE_SUCCESS.replace(
    "We raised £4,650, well over the target, and the books arrived in June.",
    "I underestimated how long the permits took, the raffle licence came too late and we "
    "raised £1,900, short of the target.",
)
SOLO_SALES_PUSH = (
    "Last December I decided to be the best seller of gift cards in the shop. I learned every "
    "offer by heart, mentioned them at the till and tracked my numbers each day. I sold 210 cards "
    "by New Year, the most in the region."
)
SHARED_SALES_PUSH = SOLO_SALES_PUSH.replace(
    "I learned every offer by heart", "I agreed with two colleagues that we would split the offers"
)
STOCKROOM_TIDY = (
    "When I took over the stockroom at a garden centre it was chaos, with no labels and old "
    "stock at the back. I cleared it over a weekend, labelled every shelf by category and set up "
    "a weekly check. The next audit found every item where the system said it was."
)
REFUND_COMPLAINT = (
    "A customer came to the desk angry because her new kettle leaked on the first day. I "
    "apologised, swapped it on the spot and called the supplier about the batch. She thanked me "
    "and left us a good review that week."
)
BOREHOLE_STUDY = (
    "Two years ago I led the study into rising nitrate in a borehole. I installed monitoring "
    "wells, ran tracer tests and matched the results with farm records, which pointed to two "
    "fields. I designed a scheme with the landowners and nitrate fell from 48 to 36 mg/l."
)
VENUE_RESCUE = (
    "Six weeks before our charity dinner the hotel double-booked the ballroom. I found a barn "
    "nearby, moved the catering contract across and hired shuttle buses. The dinner went ahead "
    "on the date and raised £18,000."
)
ADVICE_LETTER = (
    "A client wanted to keep his staff on self-employed contracts and I thought the tax office "
    "would disagree. I explained the risk, worked out the back tax he could face and set it out "
    "in a short letter. He agreed to move four of them onto the payroll."
)


def test_a_success_story_does_not_answer_a_question_about_a_plan_that_failed(
    analyzer: StarAnalyzer,
) -> None:
    success = analyzer.analyze(BAKE_SALE_SUCCESS, FAILURE_QUESTION)
    assert "off-topic" in success.flags
    # Setbacks are told in too many ways to be sure: the link is doubtful, capped at 2.
    assert success.overall == 2.0
    assert analyzer.analyze(BAKE_SALE_SUCCESS).overall >= 3.5
    assert "off-topic" not in analyzer.analyze(BAKE_SALE_SLIP, FAILURE_QUESTION).flags


def test_a_story_with_nobody_else_in_it_does_not_answer_a_teamwork_question(
    analyzer: StarAnalyzer,
) -> None:
    assert "off-topic" in analyzer.analyze(SOLO_SALES_PUSH, TEAMWORK_QUESTION).flags
    assert "off-topic" not in analyzer.analyze(SHARED_SALES_PUSH, TEAMWORK_QUESTION).flags


def test_a_complaint_question_needs_someone_unhappy_in_the_story(analyzer: StarAnalyzer) -> None:
    assert "off-topic" in analyzer.analyze(STOCKROOM_TIDY, COMPLAINT_QUESTION).flags
    assert "off-topic" not in analyzer.analyze(REFUND_COMPLAINT, COMPLAINT_QUESTION).flags


def test_a_conflict_question_is_not_answered_by_a_story_that_merely_has_clients(
    analyzer: StarAnalyzer,
) -> None:
    assert "off-topic" in analyzer.analyze(BOREHOLE_STUDY, CLIENT_CONFLICT_QUESTION).flags


def test_winning_someone_over_needs_someone_to_persuade(analyzer: StarAnalyzer) -> None:
    assert "off-topic" in analyzer.analyze(VENUE_RESCUE, WIN_OVER_QUESTION).flags
    assert "off-topic" not in analyzer.analyze(ADVICE_LETTER, WIN_OVER_QUESTION).flags


EXPLAIN_QUESTION = "Give me an example of how you explained something technical to a non-expert."
DEVELOP_QUESTION = "Tell me about a time you developed someone on your team."
WIFI_FIX = (
    "Last term the Wi-Fi in our science block kept dropping, and as the only IT support on site "
    "it was my job to fix it. I surveyed the channels and found two access points clashing, so I "
    "moved one and updated the firmware on all six. Drop-outs went from about fifteen a week to "
    "none."
)
WIFI_EXPLAINED = WIFI_FIX.replace(
    "Drop-outs went",
    "I explained it to the head with a drawing of two radios talking over each other. Drop-outs "
    "went",
)
KITCHEN_RESCUE = (
    "Last June our main oven died an hour before a wedding dinner for 180. I was running the "
    "kitchen, so I moved the lamb to the deck ovens and staggered the tables. Every plate went "
    "out within twelve minutes of plan."
)
COMMIS_COACHING = (
    "Last year a new commis chef on my section kept freezing during service. As her chef de "
    "partie I wanted her confident on the grill. I had her shadow me for a week, then coached "
    "her through quiet lunches. By spring she ran the section alone."
)


def test_an_explaining_question_needs_the_explaining(analyzer: StarAnalyzer) -> None:
    assert "off-topic" in analyzer.analyze(WIFI_FIX, EXPLAIN_QUESTION).flags
    assert "off-topic" not in analyzer.analyze(WIFI_EXPLAINED, EXPLAIN_QUESTION).flags


def test_developing_someone_needs_someone_who_learned(analyzer: StarAnalyzer) -> None:
    assert "off-topic" in analyzer.analyze(KITCHEN_RESCUE, DEVELOP_QUESTION).flags
    assert "off-topic" not in analyzer.analyze(COMMIS_COACHING, DEVELOP_QUESTION).flags


def test_families_who_have_fallen_out_are_a_conflict(analyzer: StarAnalyzer) -> None:
    answer = (
        "At a wedding last summer the two families had fallen out over the seating plan and "
        "the parents were not speaking. As the planner I had to keep the day calm. I sat down "
        "with both fathers, moved two tables and gave each side a speech slot. The day went "
        "ahead without another scene."
    )
    question = "Tell me about a time you helped resolve a conflict between two people."
    assert "off-topic" not in analyzer.analyze(answer, question).flags


PATIENT_STORY = (
    "Last winter an elderly man with a broken hip refused to come to hospital because nobody could "
    "look after his dog. As the lead paramedic I had to get him to agree. I found a neighbour who "
    "took the dog for the week. He agreed to come in and had surgery the next morning."
)


@pytest.mark.parametrize(
    ("question", "on_topic"),
    [
        (
            "Tell me about a time a new system was introduced and you had to adapt.",
            False,
        ),
        ("Tell me about a time you used numbers or data to find the cause of a problem.", False),
        ("Tell me about a time you helped a patient in a difficult situation.", True),
    ],
)
def test_a_question_about_a_change_or_about_data_needs_it_in_the_story(
    analyzer: StarAnalyzer, question: str, on_topic: bool
) -> None:
    assert ("off-topic" not in analyzer.analyze(PATIENT_STORY, question).flags) is on_topic
