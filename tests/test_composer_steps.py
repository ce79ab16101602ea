"""The calibrated pipeline's question-shaped steps end to end (issue 8, points 2, 5-7): why,
role, status, who said, "what else" after a list, questions in two parts, and the
sentence a "this statement" refers to. The two documents are written for this test in
our own words (a fictional bridge closure, a correction of it, and a fictional port strike)."""

from __future__ import annotations

import pytest
from asking import bot_on
from asking import checked_answer as ask

from assistant import Assistant

DOCUMENTS = {
    "bridge.md": (
        "---\ntitle: Harlow Bridge shut for repairs\noutlet: Riverside Courier\nkind: news report\n---\n"
        "The Harlow Bridge was closed to traffic on Monday because inspectors found cracks in two of its steel "
        "cables. County engineer Priya Nandi said the repairs would take at least six months. "
        "The county will also:\n"
        "- Run a free shuttle bus between the two banks\n"
        "- Extend the opening hours of the passenger ferry\n"
        "- Pay for extra traffic wardens in the town centre\n\n"
        "A plan to build a second crossing downstream is currently on hold pending a funding review.\n"
    ),
    "strike.md": (
        "---\ntitle: Dockers walk out at Port Elwin\noutlet: Coastal Times\nkind: news report\n---\n"
        "Dockers at Port Elwin began a three-day strike on Tuesday. "
        "Union organiser Tomas Varga said the workers had rejected the pay offer because it fell below inflation. "
        "The port operator called the strike “reckless and unnecessary”. "
        "Local traders criticised this statement, with Chamber of Commerce president Lena Holm calling it "
        "“tone-deaf”.\n"
    ),
    "courier-correction.md": (
        '---\ntitle: "Correction: Harlow Bridge"\noutlet: Riverside Courier\nkind: correction\n---\n'
        "Our report of 3 June said the repairs to the cables would take three weeks. "
        "They will take at least six months. "
        "The Riverside Courier regrets the error.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "steps", DOCUMENTS)


def test_why_is_answered_by_the_sentence_giving_the_reason(bot: Assistant) -> None:
    out = ask(bot, "Why did the dockers reject the pay offer?")
    assert out["answered"] and "because it fell below inflation" in out["text"]


def test_a_role_question_gets_the_role(bot: Assistant) -> None:
    out = ask(bot, "What is Priya Nandi's role?")
    assert out["answered"] and out["short_answer"]["text"] == "County engineer"


def test_a_status_question_gets_the_state(bot: Assistant) -> None:
    out = ask(bot, "What is the status of the second crossing?")
    assert out["answered"]
    assert out["short_answer"]["text"] == "currently on hold pending a funding review"


def test_who_said_names_the_speaker_with_the_role(bot: Assistant) -> None:
    out = ask(bot, "Who called the statement tone-deaf?")
    assert out["answered"]
    assert out["short_answer"]["text"] == "Chamber of Commerce president Lena Holm"
    # "this statement" brings the sentence it refers to.
    assert "reckless and unnecessary" in out["text"]


def test_what_else_after_a_list_gives_the_rest_of_it(bot: Assistant) -> None:
    first = ask(bot, "Will the county run a shuttle bus?")
    out = ask(
        bot, "What else will the county pay for?", history=[("Will the county run a shuttle bus?", first["text"])]
    )
    assert out["answered"] and "traffic wardens" in out["text"]


def test_a_question_in_two_parts_cites_both(bot: Assistant) -> None:
    out = ask(bot, "Why was the Harlow Bridge closed, and who leads the dockers' union at Port Elwin?")
    assert out["answered"]
    assert {c["doc_id"] for c in out["citations"]} == {"bridge.md", "strike.md"}


def test_which_outlet_corrected_cites_the_outlet_naming_itself(bot: Assistant) -> None:
    out = ask(bot, "Which outlet corrected how long the repairs to the cables would take?")
    assert out["answered"] and "Riverside Courier" in out["text"]
    assert any(c["quote"] == "The Riverside Courier regrets the error." for c in out["citations"])


def test_why_not_after_a_yes_no_question_on_one_document(tmp_path_factory: pytest.TempPathFactory) -> None:
    # One document: the default engine routes, and does not rewrite the follow-up before retrieval.
    routed = bot_on(tmp_path_factory, "strike", {"strike.md": DOCUMENTS["strike.md"]}, calibrated=None)
    first = ask(routed, "Did the dockers accept the pay offer?")
    out = ask(routed, "Why not?", history=[("Did the dockers accept the pay offer?", first["text"])])
    assert out["answered"] and "because it fell below inflation" in out["text"]
