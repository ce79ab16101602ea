"""Follow-up turns rewritten into standalone questions (issue 8 point 6, reviewer A8).

Rows are written for these tests in our own words, from stories other than the seed
article: a port strike, a city budget, a hospital trust, a rail operator, a museum fire, a
trade accord.
"""

from __future__ import annotations

import pytest

from assistant.question import analyse, rewrite_who_said, rewrite_why, standalone_question, topic_slot


@pytest.mark.parametrize(
    ("previous", "answer", "focus", "expected"),
    [
        # "he"/"she" after "Who is X?" is X, not a word of the role the answer gave
        (
            "Who is Lena Marsh?",
            "Lena Marsh, the port authority's chief executive, met the union on Monday.",
            "What did she say about the strike?",
            "What did Lena Marsh say about the strike?",
        ),
        (
            "Who is Tomas Ferreira?",
            "Tomas Ferreira, Harbridge Rail's operations director, apologised to passengers.",
            "What did he say about the delays?",
            "What did Tomas Ferreira say about the delays?",
        ),
        (
            "What is Priya Nair's role?",
            "Priya Nair is the hospital trust's medical director.",
            "When did she join?",
            "When did Priya Nair join?",
        ),
        # a who-question's answer still names the person
        (
            "Who chairs the museum board?",
            "The board is chaired by Olu Adeyemi, a former curator.",
            "What did he say?",
            "What did Olu Adeyemi say?",
        ),
        # a source named before an item, or "The" and a name of the question, is never the person
        (
            "Who is the Harbridge coroner?",
            "County Courier: The Harbridge coroner's office opened an inquiry. [1]",
            "What did she say?",
            "What did the Harbridge coroner say?",
        ),
        (
            "Who is the Leeds port manager?",
            "Harbour Gazette and Kelby Sport: The Leeds port office shut at noon. [1]",
            "What did he say about the strike?",
            "What did the Leeds port manager say about the strike?",
        ),
        (
            "Who chairs the museum board?",
            "Museum Board Weekly: The chair, Olu Adeyemi, spoke first. [1]",
            "What did he say?",
            "What did Olu Adeyemi say?",
        ),
        (
            "Who leads the port inquiry?",
            "Port Inquiry News: It is led by a retired judge, Ruth Okafor. [1]",
            "What did she say?",
            "What did Ruth Okafor say?",
        ),
    ],
)
def test_pronoun_stands_for_the_person_asked_about(previous: str, answer: str, focus: str, expected: str) -> None:
    assert standalone_question(focus, previous, answer) == expected


@pytest.mark.parametrize(
    ("previous", "focus", "expected"),
    [
        # "What about X?" puts X in the previous question's topic slot
        (
            "What did the union say about overtime pay?",
            "What about the night shifts?",
            "What did the union say about the night shifts?",
        ),
        ("What did the council say about the bus lanes?", "And parking?", "What did the council say about parking?"),
        ("What is the cost of the new library?", "What about the pool?", "What is the cost of the pool?"),
        (
            "What happened to the pumps on the way to the depot?",
            "And what about the generators?",
            "What happened to the generators on the way to the depot?",
        ),
        (
            "Did the union accept the pay offer?",
            "What about the pension deal?",
            "Did the union accept the pension deal?",
        ),
        ("How many beds were closed in Leeds?", "What about in York?", "How many beds were closed in York?"),
        # names and years keep their own slot
        ("What did Harbridge Rail say about fares?", "What about Coastline?", "What did Coastline say about fares?"),
        ("How many trains were cancelled in 2023?", "And in 2024?", "How many trains were cancelled in 2024?"),
        # no topic after the subject: X is added, never put inside the subject
        (
            "Why did the east wing of the museum close?",
            "What about the shop?",
            "Why did the east wing of the museum close: what about the shop?",
        ),
    ],
)
def test_what_about_replaces_the_topic(previous: str, focus: str, expected: str) -> None:
    assert standalone_question(focus, previous, "") == expected


@pytest.mark.parametrize(
    ("previous", "focus", "expected"),
    [
        ("How many containers were stranded?", "Who said so?", "Who said how many containers were stranded?"),
        ("What caused the museum fire?", "Who said that?", "Who said what caused the museum fire?"),
        ("How much money went missing?", "And who said that?", "Who said how much money went missing?"),
        # the wh-word is an object: nothing to ask who said
        ("What did the mayor announce?", "Who said so?", None),
        ("Did the mayor resign?", "Who said so?", None),
    ],
)
def test_who_said_so(previous: str, focus: str, expected: str | None) -> None:
    assert rewrite_who_said(focus, previous) == expected


@pytest.mark.parametrize(
    ("previous", "focus", "expected"),
    [
        ("How much did the strike cost the port?", "Why?", "Why did the strike cost the port so much?"),
        ("How many trains did Harbridge Rail cancel?", "Why?", "Why did Harbridge Rail cancel so many trains?"),
        ("How many nurses were hired?", "Why?", "Why were so many nurses hired?"),
        ("How long will the repairs take?", "Why?", "Why will the repairs take so long?"),
        ("When did the museum close?", "Why?", "Why did the museum close?"),
        ("Did the board approve the loan?", "Why not?", "Why did the board not approve the loan?"),
        # no verb to ask why of, or no subject to keep
        ("Where is the depot?", "Why?", None),
        ("Who opened the ward?", "Why?", None),
        ("How much did the strike cost the port?", "Why not?", None),
    ],
)
def test_why_after_a_wh_question(previous: str, focus: str, expected: str | None) -> None:
    assert rewrite_why(focus, previous) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What did the union say about overtime pay", "overtime pay"),
        ("Did the union accept the pay offer", "the pay offer"),
        ("Why did the east wing of the museum close", None),
        ("How many trains did Harbridge Rail cancel", None),
        # the first preposition's object, not a place named after it
        ("What happened to the pumps on the way to the depot", "the pumps"),
        ("What did the union say about overtime pay at the docks", "overtime pay"),
        ("What is the cost of the new library", "the new library"),
    ],
)
def test_topic_slot(question: str, expected: str | None) -> None:
    slot = topic_slot(question)
    assert (None if slot is None else question[slot[0] : slot[1]]) == expected


def test_rewritten_follow_up_is_the_query() -> None:
    """The standalone question, not the bare "Who said so?", is what gets searched."""
    asked = analyse("Who said so?", history=[("How many containers were stranded?", "About 4,000 [1]")], rewrite=True)
    assert asked.standalone == "Who said how many containers were stranded?"
    assert asked.query == asked.standalone
