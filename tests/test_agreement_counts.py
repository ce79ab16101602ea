""" "Do the sources agree on how many X ...?" compares the counts of X only: another
document's count of other nouns in a sentence about the same event ("eight firefighters"
beside "twelve fire engines") is no value of X, so it never makes "Sources differ:".
Two stories written for these tests: a warehouse fire and a stranded ferry."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant

FIRE = {
    "fire-echo.md": (
        '---\ntitle: "Warehouse blaze in Harlow"\noutlet: Harlow Echo\nkind: news report\ndate: 2025-02-03\n---\n'
        "Twelve fire engines were sent to the Harlow warehouse fire on Sunday night.\n\n"
        "The roof of the building fell in shortly before dawn.\n"
    ),
    "fire-service.md": (
        '---\ntitle: "Update on the Harlow warehouse fire"\noutlet: Essex Fire Service\nkind: press release\n'
        "date: 2025-02-03\n---\n"
        "Eight firefighters were treated for smoke at the Harlow warehouse fire.\n\n"
        "Crews will stay at the site until Tuesday.\n"
    ),
    "fire-owner.md": (
        '---\ntitle: "Owner counts losses"\noutlet: Trade Weekly\nkind: news report\ndate: 2025-02-05\n---\n'
        "The owner said the Harlow warehouse fire destroyed ten delivery lorries.\n\n"
        "Insurers have sent assessors to the site.\n"
    ),
}

FERRY = {
    "ferry-times.md": (
        '---\ntitle: "Ferry stranded off Skellig Point"\noutlet: Coast Times\nkind: news report\ndate: 2025-08-10\n---\n'
        "Forty passengers were rescued from the stranded ferry off Skellig Point on Saturday.\n\n"
        "The ferry had lost power in a storm.\n"
    ),
    "ferry-coastguard.md": (
        '---\ntitle: "Coastguard statement"\noutlet: National Coastguard\nkind: press release\ndate: 2025-08-10\n---\n'
        "Thirty crew members stayed aboard the stranded ferry off Skellig Point overnight.\n\n"
        "A tug will tow the vessel to port on Monday.\n"
    ),
}


@pytest.fixture(scope="module")
def fire(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "fire", FIRE, calibrated=None)


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "ferry", FERRY, calibrated=None)


@pytest.mark.parametrize(
    ("corpus", "question", "value", "others"),
    [
        ("fire", "Do the sources agree on how many fire engines were sent?", "Twelve", ("Eight", "ten")),
        ("ferry", "Do the sources agree on how many passengers were rescued?", "Forty", ("Thirty",)),
    ],
)
def test_counts_of_other_nouns_do_not_differ_from_the_asked_count(
    request: pytest.FixtureRequest, corpus: str, question: str, value: str, others: tuple[str, ...]
) -> None:
    out = checked_answer(request.getfixturevalue(corpus), question)
    assert out["answered"] and not out["text"].startswith("Sources differ"), out["text"]
    assert out["short_answer"] and out["short_answer"]["text"] == value, out["text"]
    assert not any(other in out["text"] for other in others), out["text"]
