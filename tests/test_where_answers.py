"""Where-questions want a place: a sentence naming none ("Investigators said the cause of the
blaze was a faulty heater") does not say where, and when no sentence close to the best names
one the question is declined. Stories written for these tests: a warehouse fire, a council
vote, a missing hiker."""

from __future__ import annotations

import pytest
from asking import bot_on, checked_answer

from assistant import Assistant
from assistant.direct import names_place

STORIES = {
    "warehouse-fire.md": (
        '---\ntitle: "Blaze destroys warehouse"\noutlet: Coast Gazette\nkind: news report\n'
        "date: 2025-02-11\n---\n"
        "Eight crews fought the blaze for most of the night.\n\n"
        "Firefighters were called to the blaze at a timber warehouse on Dock Road in Grimsby shortly after 02:00.\n"
    ),
    "fire-cause.md": (
        '---\ntitle: "Heater blamed for warehouse fire"\noutlet: Fire Safety News\nkind: news report\n'
        "date: 2025-03-04\n---\n"
        "Investigators said the cause of the blaze was a faulty heater left running overnight.\n\n"
        "The owner said the blaze had cost the firm its whole winter stock.\n"
    ),
    "council-vote.md": (
        '---\ntitle: "Council approves bus lanes"\noutlet: Borough Post\nkind: news report\n'
        "date: 2025-04-17\n---\n"
        "Councillors voted 31 to 12 for the new bus lanes.\n\n"
        "The mayor, Jo Patel, was not involved.\n"
    ),
    "council-reaction.md": (
        '---\ntitle: "Traders angry at bus lane vote"\noutlet: Market Weekly\nkind: news report\n'
        "date: 2025-04-18\n---\n"
        "Traders said the vote ignored their petition.\n\n"
        "Jo Patel said she would meet the traders next month.\n"
    ),
}


@pytest.mark.parametrize(
    ("sentence", "placed"),
    [
        ("Firefighters were called to a timber warehouse on Dock Road in Grimsby.", True),
        ("The hiker was found near the summit cairn.", True),
        ("Investigators said the cause of the blaze was a faulty heater.", False),
        ("The mayor, Jo Patel, was not involved.", False),
        ("Doctors treated the injured on stretchers in the open air.", True),
        ("Talks were held in Geneva.", True),
    ],
)
def test_whether_a_sentence_names_a_place(sentence: str, placed: bool) -> None:
    assert names_place(sentence) is placed


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return bot_on(tmp_path_factory, "places", STORIES, calibrated=None)


def test_a_where_question_is_answered_by_a_sentence_naming_a_place(bot: Assistant) -> None:
    out = checked_answer(bot, "Where was the blaze?")
    assert out["answered"], out["text"]
    assert "Dock Road" in out["text"], out["text"]
    assert "faulty heater" not in out["text"].split("[1]")[0], out["text"]


def test_a_where_question_no_sentence_places_is_declined(bot: Assistant) -> None:
    out = checked_answer(bot, "Where was Jo Patel during the vote?")
    assert not out["answered"], out["text"]
