""" "What did X propose?" asks for what X did, not for anything X said: a sentence with a form
of the verb (or its noun) naming X answers before a quotation of X that ranks first.
Stories written for these tests: a town's transport row and a union's pay dispute."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.question import asked_deed


@pytest.mark.parametrize(
    ("question", "deed"),
    [
        ("What did Ana Ruiz propose?", ("Ana Ruiz", "propose")),
        ("What has the union promised its members?", ("the union", "promised")),
        ("What did Harbridge Rail offer the drivers?", ("Harbridge Rail", "offer")),
        ("What did Ana Ruiz say?", None),
        ("What did the union do?", None),
        ("Who proposed the toll?", None),
        ("When did Ruiz propose it?", None),
    ],
)
def test_a_what_question_of_a_deed_gives_its_doer_and_verb(question: str, deed: tuple[str, str] | None) -> None:
    assert asked_deed(question) == deed


STORIES = {
    "toll-row.md": (
        '---\ntitle: "Kelby toll plan splits council"\noutlet: Kelby Courier\nkind: news report\ndate: 2025-05-02\n---\n'
        'Councillor Ana Ruiz said the town centre had become "a car park with shops attached".\n\n'
        "Ruiz also proposed a weekday toll on the ring road, with the money going to the bus network.\n\n"
        "The council will vote on the budget in June.\n"
    ),
    "pay-dispute.md": (
        '---\ntitle: "Drivers reject Harbridge Rail pay deal"\noutlet: Rail Weekly\nkind: news report\n'
        "date: 2025-08-14\n---\n"
        'Tom Okafor, the drivers\' union leader, said members felt "insulted" by the talks.\n\n'
        "Okafor later offered to suspend the strike if the company reopened talks on rest days.\n\n"
        "Harbridge Rail runs 400 trains a day on the coast line.\n"
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "deeds", STORIES, calibrated=None)


@pytest.mark.parametrize(
    ("question", "deed"),
    [
        ("What did Ana Ruiz propose?", "Ruiz also proposed a weekday toll"),
        ("What did Tom Okafor offer?", "Okafor later offered to suspend the strike"),
    ],
)
def test_what_did_x_propose_is_answered_by_the_deed_not_a_quotation(bot: Assistant, question: str, deed: str) -> None:
    out = checked_answer(bot, question)
    assert out["answered"] and out["citations"][0]["quote"].startswith(deed), out["text"]
