"""The short answer through the real engine: it comes from the cited sentence that
answers the question's predicate ("reopen", not "shut"), on small documents written for
this test in our own words (a museum closure, a factory stoppage, a postponed vote)."""

from __future__ import annotations

import pytest
from asking import bot_on
from asking import checked_answer as check

from assistant import Assistant

DOCUMENTS = {
    "museum.txt": (
        "Harbour Museum closure\n\nThe Harbour Museum shut its doors on 2 March.\n"
        "It will reopen in spring 2026, the trustees said.\n"
    ),
    "factory.txt": (
        "Kelso plant\n\nProduction at the Kelso paper plant stopped on 14 January.\n"
        "The owners say it will restart by 2027.\n"
    ),
    "vote.txt": (
        "Budget vote\n\nThe Ashby council vote on the budget was scheduled for 12 June.\n"
        "Councillors have postponed it until November.\n"
    ),
}


@pytest.fixture(scope="module", params=[True, None], ids=["calibrated", "routed"])
def bot(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "short", DOCUMENTS, calibrated=request.param)


@pytest.mark.parametrize(
    ("question", "right", "wrong", "required"),
    [
        ("When will the Harbour Museum reopen?", "spring 2026", "2 March", True),
        ("Until when have councillors postponed the Ashby budget vote?", "November", "12 June", True),
        # The answer cites only the stoppage: no short answer rather than its date.
        ("When will the Kelso paper plant restart?", "2027", "14 January", False),
        ("When did production at the Kelso paper plant stop?", "14 January", "2027", True),
    ],
)
def test_the_short_answer_answers_the_predicate(
    bot: Assistant, question: str, right: str, wrong: str, required: bool
) -> None:
    out = check(bot, question)
    short = out["short_answer"]
    assert short is None or short["text"] == right, short  # never the date of the other event
    if required:
        assert out["answered"] and short is not None
