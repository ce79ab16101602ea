"""Whom a cost falls on: "How much did the flood cost Kendal Council?" is not answered by what
it cost farmers (``direct.cost_bearer``, ``direct.other_bearer``); a bearer in common nouns
("airlines", "carriers") may be a synonym and is never taken for another. Stories written for these tests:
a river flood and its costs, a ferry strike and its costs."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.direct import cost_bearer, other_bearer

STORIES = {
    "flood-costs.md": (
        '---\ntitle: "Flood costs mount in the valley"\noutlet: Dale Herald\nkind: news report\n'
        "date: 2024-11-02\n---\n"
        "The October flood covered 3,000 hectares of farmland along the River Lune.\n\n"
        "The flood cost growers about £14 million in ruined crops, farm leaders estimate.\n"
    ),
    "flood-council.md": (
        '---\ntitle: "Council counts flood damage"\noutlet: County Record\nkind: news report\n'
        "date: 2024-11-09\n---\n"
        "Kendal Council said it would repair the damaged bridges before Christmas.\n\n"
        "Roads in the lower valley stayed shut for a week.\n"
    ),
    "ferry-strike.md": (
        '---\ntitle: "Ferry strike ends"\noutlet: Island News\nkind: news report\n'
        "date: 2025-09-12\n---\n"
        "Crews on the Tarn Ferries line ended their strike on Friday.\n\n"
        "The operator said the strike had cost it £2.3 million in lost fares.\n"
    ),
    "ferry-islanders.md": (
        '---\ntitle: "Islanders count the cost of the ferry strike"\noutlet: Coast Weekly\nkind: news report\n'
        "date: 2025-09-15\n---\n"
        "Shopkeepers said the strike cost island businesses tens of thousands of pounds in lost trade.\n"
    ),
}


@pytest.mark.parametrize(
    ("text", "bearer"),
    [
        ("Farmers' leaders estimate that the flood cost growers about £14 million.", "growers"),
        ("Shopkeepers said the strike cost island businesses tens of thousands of pounds.", "island businesses"),
        ("The operator said the strike had cost it £2.3 million in lost fares.", ""),  # a pronoun
        ("How much did the flood cost Kendal Council?", "Kendal Council"),
        ("How much did the flood cost?", ""),
        ("The cost of the repairs is not known.", ""),
    ],
)
def test_whom_a_cost_falls_on(text: str, bearer: str) -> None:
    assert cost_bearer(text) == bearer


@pytest.mark.parametrize(
    ("question", "text", "differs"),
    [
        ("How much did the flood cost Kendal Council?", "The flood cost growers about £14 million.", True),
        ("How much did the flood cost Kendal Council?", "The flood cost Kendal Council £2 million.", False),
        ("How much did the flood cost farmers?", "The flood cost growers about £14 million.", False),  # synonyms
        ("How much did the strike cost Tarn Ferries?", "The strike had cost it £2.3 million.", False),
        ("How much did the strike cost?", "The strike cost island businesses £40,000.", False),
    ],
)
def test_a_cost_on_someone_else(question: str, text: str, differs: bool) -> None:
    assert other_bearer(question, text) is differs


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "bearers", STORIES, calibrated=None)


def test_what_a_cost_was_to_others_does_not_answer(bot: Assistant) -> None:
    out = checked_answer(bot, "How much did the flood cost Kendal Council?")
    assert not out["answered"], out["text"]


@pytest.mark.parametrize(
    ("question", "right"),
    [
        ("How much did the flood cost growers?", "about £14 million"),
        ("How much did the flood cost farmers?", "about £14 million"),  # growers are farmers
    ],
)
def test_the_cost_to_the_one_asked_answers(bot: Assistant, question: str, right: str) -> None:
    out = checked_answer(bot, question)
    assert out["answered"] and out["short_answer"] is not None, out["text"]
    assert out["short_answer"]["text"] == right
