""" "What did <outlet> report?" and "What does the correction say?" are answered by what the
named document reports (its lead; a correction's corrected statement), not by a line that
only names the source ("The Gazette regrets the error."). Two stories written for these
tests: a library fire with a correction, and a ferry strike with a union statement."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.records import Document
from assistant.sources import asks_gist

LIBRARY = {
    "library-report.md": (
        '---\ntitle: "Fire guts Hollins library"\noutlet: Hollins Gazette\nkind: news report\n'
        "date: 2025-02-10\n---\n"
        "A fire that started in the basement destroyed most of the Hollins public library on Sunday night.\n\n"
        "About 40,000 books were lost, the library's director said.\n\n"
        "Firefighters from three towns fought the blaze for six hours.\n"
    ),
    "library-correction.md": (
        '---\ntitle: "Correction: books lost in the Hollins fire"\noutlet: Hollins Gazette\nkind: correction\n'
        "date: 2025-02-12\n---\n"
        "An article published on 10 February said about 40,000 books were lost in the fire.\n\n"
        "About 14,000 books were lost; 40,000 is the size of the whole lending collection.\n\n"
        "The Hollins Gazette regrets the error.\n"
    ),
    "library-council.md": (
        '---\ntitle: "Council plans temporary library"\noutlet: Hollins Borough Council\nkind: press release\n'
        "date: 2025-02-11\n---\n"
        "Hollins Borough Council will open a temporary library in the town hall within a month.\n\n"
        "The council's insurers will pay for the rebuilding, a spokesperson said.\n"
    ),
}

FERRY = {
    "ferry-report.md": (
        '---\ntitle: "Ferry crews walk out"\noutlet: Island Post\nkind: news report\ndate: 2025-07-01\n---\n'
        "Crews on the Skerry ferries began a two-day strike on Tuesday over a pay offer of 2 per cent.\n\n"
        "The Island Post understands that talks will resume next week.\n\n"
        "Islanders travelling to hospital appointments were offered seats on a chartered boat.\n"
    ),
    "ferry-union.md": (
        '---\ntitle: "Statement from the Seafarers Union"\noutlet: Seafarers Union\nkind: statement\n'
        "date: 2025-06-30\n---\n"
        "Our members have voted by a large margin to stop work for two days from Tuesday.\n\n"
        "The Seafarers Union is ready to return to talks at any time.\n"
    ),
}


def herald(kind: str) -> Document:
    return Document("h.txt", "x", "t", "h", kind=kind, outlet="Valley Herald", author="Ann Roe")


@pytest.mark.parametrize(
    ("terms", "documents", "expected"),
    [
        (["valley", "herald", "report"], [herald("news report")], True),
        (["correction"], [herald("correction")], True),
        (["ann", "roe", "wrote"], [herald("column")], True),
        (["herald", "flood"], [herald("news report")], False),
        (["statement", "seafar", "union", "pay"], [herald("statement")], False),
    ],
)
def test_a_question_asking_what_a_source_says_in_general(
    terms: list[str], documents: list[Document], expected: bool
) -> None:
    assert asks_gist(terms, documents) is expected


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "library", LIBRARY, calibrated=None)


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "ferry", FERRY, calibrated=None)


@pytest.mark.parametrize(
    ("story", "question", "lead", "not_shown"),
    [
        ("library", "What did the Hollins Gazette report?", "A fire that started in the basement", "regrets"),
        ("library", "What does the correction say?", "About 14,000 books were lost", "regrets"),
        ("library", "What does the press release say?", "open a temporary library", "regrets"),
        ("ferry", "What did the Island Post report?", "began a two-day strike", "understands"),
        ("ferry", "What does the union's statement say?", "voted by a large margin", "ready to return"),
    ],
)
def test_what_a_named_source_says_is_its_lead(
    request: pytest.FixtureRequest, story: str, question: str, lead: str, not_shown: str
) -> None:
    out = checked_answer(request.getfixturevalue(story), question)
    assert out["answered"], out["text"]
    assert lead in out["citations"][0]["quote"], out["text"]
    assert not_shown not in out["text"], out["text"]


def test_a_question_about_a_topic_in_a_named_source_is_still_answered_on_the_topic(library: Assistant) -> None:
    out = checked_answer(library, "What does the press release say about the insurers?")
    assert "insurers will pay" in out["citations"][0]["quote"], out["text"]
