"""A "Which NOUN ...?" question is answered by the sentence naming a NOUN, also when the noun
is part of the name ("the High Court of Justice", "Raigmore Hospital"), and the short answer
is that name. Two stories written for these tests: a union's claim against a mill, and a
climber's rescue."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant

STORIES = {
    "mill-claim.md": (
        '---\ntitle: "Union takes Dunmore mill to court"\noutlet: Dunmore Gazette\nkind: news report\n'
        "date: 2025-05-04\n---\n"
        "The weavers' union said the Dunmore mill owed its members three months of unpaid overtime.\n\n"
        "The union sued the mill in the High Court of Justice on 3 May, seeking £2 million.\n\n"
        "The mill's owners said the union had turned down two offers and would lose in court.\n"
    ),
    "mill-notes.txt": (
        "Notes on the Dunmore mill dispute\n\n"
        "The weavers filed their claim against Dunmore Mills Ltd in the County Court at Harwick on 9 June.\n\n"
        "The union says the claim covers 140 weavers.\n\n"
        "A spokesman for the mill said the union's suit repeated claims already settled in 2023.\n\n"
        "Union members voted to sue after talks broke down.\n\n"
        "The union's lawyers said the suit could take a year.\n"
    ),
    "climber-rescue.md": (
        '---\ntitle: "Climber rescued from Ben Alder"\noutlet: Highland Courier\nkind: news report\n'
        "date: 2025-08-11\n---\n"
        "A climber with a broken leg was rescued from Ben Alder on Sunday after a night on the hill.\n\n"
        "The coastguard helicopter flew the climber to Raigmore Hospital in Inverness.\n\n"
        "Hospital staff said the climber was lucky the night had been mild.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "which-named", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Which court did the union sue the mill in?", "the High Court of Justice"),
        ("Which hospital was the climber taken to?", "Raigmore Hospital"),
        ("Which court did the weavers sue in?", "the County Court"),
    ],
)
def test_a_which_question_is_answered_by_the_name_holding_its_noun(bot: Assistant, question: str, name: str) -> None:
    out = checked_answer(bot, question)
    assert out["answered"], out["text"]
    assert name in out["citations"][0]["quote"], out["text"]
    assert out["short_answer"] and out["short_answer"]["text"] == name, out
