"""A why-question that presumes a sum or a percentage no source states has no source for its
premise: it is declined, not answered with a reason for something else. Two stories written
for these tests: a football club's fine, and a bank's fee rise."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.stance import presumed_amount_missing, stated_amounts

STORIES = {
    "club-fine.md": (
        '---\ntitle: "Rovers fined over stadium crush"\noutlet: Sports Desk\nkind: news report\n'
        "date: 2025-02-10\n---\n"
        "The football league fined Northfield Rovers £2 million because fans were crushed at a gate in October.\n\n"
        "The club said it would not appeal against the fine.\n"
    ),
    "bank-fee.md": (
        '---\ntitle: "Eastgate Bank raises transfer fee"\noutlet: Money Week\nkind: news report\n'
        "date: 2025-06-01\n---\n"
        "Eastgate Bank raised its fee for foreign transfers to 3% because its own costs had doubled.\n\n"
        "Customers' groups said the rise would hit families sending money abroad.\n"
    ),
}


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("Why was the club fined £2m?", {("money", 2_000_000.0)}),
        ("Why did the fee rise to 3 per cent?", {("percent", 3.0)}),
        ("Why did the club appeal?", set()),
    ],
)
def test_the_sums_and_percentages_a_text_states(text: str, amounts: set[tuple[str, float]]) -> None:
    assert stated_amounts(text) == amounts


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("Why did the league fine Rovers £5 million?", True),
        ("Why did the league fine Rovers £2 million?", False),
        ("Why did the bank raise its fee to 5%?", True),
        ("Why did the bank raise its fee?", False),
    ],
)
def test_a_presumed_amount_no_text_states(question: str, missing: bool) -> None:
    texts = [doc.split("---\n")[-1] for doc in STORIES.values()]
    assert presumed_amount_missing(question, texts) is missing


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "amounts", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Why did the league fine Northfield Rovers £5 million?", False),
        ("Why did the league fine Northfield Rovers £2 million?", True),
        ("Why did Eastgate Bank raise its transfer fee to 5%?", False),
        ("Why did Eastgate Bank raise its transfer fee to 3%?", True),
    ],
)
def test_a_why_question_presuming_an_unstated_amount_is_declined(bot: Assistant, question: str, answered: bool) -> None:
    out = checked_answer(bot, question)
    assert out["answered"] is answered, out["text"]
