"""A correction replaces a statement only for the value it corrects: a question about
another figure of the same sentence, or about a date, is answered from the statement
itself, and the answer's checks are those of the sentence it shows. Two stories written
for these tests: a cargo ship whose crew count is corrected, and a bakery whose job
count is corrected, each sentence also giving an uncorrected figure and a date."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.sources import corrected_values

SHIP = {
    "ship-report.md": (
        '---\ntitle: "Freighter grounded off Tarn Point"\noutlet: Coast Courier\nkind: news report\n'
        "date: 2025-03-02\n---\n"
        "The freighter Marwen ran aground off Tarn Point after its engines failed in a storm.\n\n"
        "On 1 March the Marwen, carrying about 3,900 containers and 18 crew, ran aground off Tarn Point.\n\n"
        "The crew radioed the coastguard at 4:15 a.m. on 1 March to say the engines had stopped.\n\n"
        "Tugs from Carrow harbour pulled the freighter free two days later.\n"
    ),
    "ship-correction.md": (
        '---\ntitle: "Correction: crew of the Marwen"\noutlet: Coast Courier\nkind: correction\n'
        "date: 2025-03-05\n---\n"
        "A report published on 2 March said the Marwen had 18 crew on board.\n\n"
        "The freighter had 17 crew on board; 18 was a number given in the first reports.\n\n"
        "The Coast Courier regrets the error.\n"
    ),
}

BAKERY = {
    "bakery-report.md": (
        '---\ntitle: "Ovenly bakery to close its Dunmere plant"\noutlet: Dunmere Gazette\nkind: news report\n'
        "date: 2025-09-12\n---\n"
        "Ovenly said on Thursday that it would close its bread plant in Dunmere.\n\n"
        "The plant bakes some 60,000 loaves a day and employs 240 people.\n\n"
        "The plant, where 240 people work, will shut its doors on 30 November, the company said.\n\n"
        "Union officials said they would ask the company to keep the plant open.\n"
    ),
    "bakery-correction.md": (
        '---\ntitle: "Correction: jobs at the Dunmere plant"\noutlet: Dunmere Gazette\nkind: correction\n'
        "date: 2025-09-15\n---\n"
        "An article published on 12 September said the plant employs 240 people.\n\n"
        "The plant employs 210 people; 240 was the number employed there last year.\n\n"
        "The Dunmere Gazette regrets the error.\n"
    ),
}


@pytest.fixture(scope="module")
def ship(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "ship", SHIP)


@pytest.fixture(scope="module")
def bakery(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "bakery", BAKERY)


@pytest.mark.parametrize(
    ("story", "question", "right", "wrong"),
    [
        ("ship", "How many containers was the Marwen carrying?", "3,900", "17 crew"),
        ("ship", "When did the crew radio the coastguard?", "4:15 a.m.", "17 crew"),
        ("ship", "When did the Marwen run aground off Tarn Point?", "1 March", "The freighter had 17"),
        ("bakery", "How many loaves does the Dunmere plant bake a day?", "60,000", "210 people"),
        ("bakery", "When will the Dunmere plant shut its doors?", "30 November", "210 people"),
    ],
)
def test_a_question_about_what_a_correction_leaves_is_answered_from_the_statement(
    request: pytest.FixtureRequest, story: str, question: str, right: str, wrong: str
) -> None:
    bot = request.getfixturevalue(story)
    out = checked_answer(bot, question)
    assert out["answered"], out
    assert right in out["text"], out["text"]
    assert not out["text"].startswith(wrong.split()[0]), out["text"]
    first = out["citations"][0]
    assert right in first["quote"], out["text"]


@pytest.mark.parametrize(
    ("story", "question", "right"),
    [
        ("ship", "How many crew were on board the Marwen?", "17"),
        ("bakery", "How many people does the Dunmere plant employ?", "210"),
    ],
)
def test_the_corrected_figure_is_still_answered_from_the_correction(
    request: pytest.FixtureRequest, story: str, question: str, right: str
) -> None:
    bot = request.getfixturevalue(story)
    out = checked_answer(bot, question)
    assert out["answered"]
    assert right in out["text"], out["text"]


@pytest.mark.parametrize(
    ("kind", "fix", "retraction", "values"),
    [
        (
            "amount",
            "The freighter had 17 crew on board; 18 was a number given first.",
            "A report said 18 crew.",
            ["17"],
        ),
        ("date", "The freighter had 17 crew on board; 18 was a number given first.", "A report said 18 crew.", []),
        ("date", "The plant employs 210 people; 240 was the number last year.", "It said 240 people.", []),
        (
            "date",
            "The bridge opened on 4 June, not 4 July.",
            "Our report of 9 June said it opened on 4 July.",
            ["4 June"],
        ),
    ],
)
def test_corrected_values(kind: str, fix: str, retraction: str, values: list[str]) -> None:
    assert corrected_values(kind, fix, retraction) == values
