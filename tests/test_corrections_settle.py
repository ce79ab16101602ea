"""A correction settles a figure: the value it corrects (in the corrected report, or in
the correction's own account of the error) is never one side of "Sources differ", in an
answer or in a briefing. Two stories written for these tests: a factory fire's injured
count and a library's budget, each corrected by the outlet that first reported it, with
a third document that gives the figure nowhere."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.briefing import FIGURES, SOURCES_DIFFER

FIRE = {
    "fire-report.md": (
        '---\ntitle: "Blaze at Greyfield paint works"\noutlet: Greyfield Post\nkind: news report\n'
        "date: 2025-05-03\n---\n"
        "A blaze tore through the Greyfield paint works late on Friday evening.\n\n"
        "Fourteen workers were injured in the blaze, and two of them were taken to hospital.\n\n"
        "Firefighters from three stations needed four hours to bring the blaze under control.\n"
    ),
    "fire-correction.md": (
        '---\ntitle: "Correction: injured at the paint works"\noutlet: Greyfield Post\nkind: correction\n'
        "date: 2025-05-06\n---\n"
        "Our report of 3 May said fourteen workers were injured in the blaze at the paint works.\n\n"
        "Twelve workers were injured in the blaze; fourteen was the number first given at the scene.\n\n"
        "The Greyfield Post regrets the error.\n"
    ),
    "fire-radio.md": (
        '---\ntitle: "Paint works to reopen"\noutlet: Valley Radio\nkind: news report\ndate: 2025-05-08\n---\n'
        "The owners of the Greyfield paint works said the site would reopen within a month.\n\n"
        "Inspectors are still looking into how the blaze started.\n"
    ),
}

BUDGET = {
    "library-report.md": (
        '---\ntitle: "Council backs new library"\noutlet: Harlow Herald\nkind: news report\ndate: 2025-06-10\n---\n'
        "Harlow council voted on Monday to build a new library beside the market square.\n\n"
        "The library will have a budget of £4.2 million, paid from the council's building fund.\n\n"
        "Work on the site is due to begin in the autumn.\n"
    ),
    "library-correction.md": (
        '---\ntitle: "Correction: library budget"\noutlet: Harlow Herald\nkind: correction\ndate: 2025-06-12\n---\n'
        "An article published on 10 June said the new library would have a budget of £4.2 million.\n\n"
        "The new library has a budget of £3.8 million; £4.2 million was an estimate from last year.\n\n"
        "The Harlow Herald regrets the error.\n"
    ),
    "library-notes.md": (
        '---\ntitle: "Market square works"\noutlet: Harlow Weekly\nkind: news report\ndate: 2025-06-15\n---\n'
        "Stalls on the market square will move to Bridge Street while the library is built.\n\n"
        "Traders said they had not been told how long the move would last.\n"
    ),
}


@pytest.fixture(scope="module")
def fire(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "fire", FIRE)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "library", BUDGET)


@pytest.mark.parametrize(
    ("story", "question", "right", "wrong", "correction"),
    [
        ("fire", "How many workers were injured in the blaze?", "Twelve", "Fourteen", "fire-correction.md"),
        (
            "library",
            "How much is the budget of the new library?",
            "£3.8 million",
            "£4.2 million",
            "library-correction.md",
        ),
    ],
)
def test_an_answer_gives_the_corrected_value(
    request: pytest.FixtureRequest, story: str, question: str, right: str, wrong: str, correction: str
) -> None:
    bot = request.getfixturevalue(story)
    out = checked_answer(bot, question)
    assert out["answered"]
    assert not out["text"].startswith("Sources differ"), out["text"]
    assert right in out["text"]
    assert correction in {c["doc_id"] for c in out["citations"]}


@pytest.mark.parametrize(("story", "right", "wrong"), [("fire", "Twelve", "Fourteen"), ("library", "£3.8", "£4.2")])
def test_a_briefing_shows_no_difference_a_correction_settles(
    request: pytest.FixtureRequest, story: str, right: str, wrong: str
) -> None:
    bot = request.getfixturevalue(story)
    briefing = bot.brief()
    differ = briefing.section(SOURCES_DIFFER)
    for item in differ.items if differ else ():
        text = item.text.lower()
        assert not (right.lower() in text and wrong.lower() in text), item.text
    figures = briefing.section(FIGURES)
    for item in figures.items if figures else ():
        # A wrong value listed as a figure never cites the correction's statement of the right one.
        if item.label and wrong.lower() in item.label.lower():
            assert all(right.lower() not in c.quote.lower() for c in item.citations), item
